"""Numbers an officer would question: a quantity of 0, a year to come or before 1900, months,
hours or trainees below zero, a count beyond any fleet. The bounds are data (rules/fields.toml,
`min`, `max`, `years_ahead` on a field); this module only compares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import pandas as pd

from . import texts
from .vocabulary import FieldSpec


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


def out_of_bounds(
    spec: FieldSpec,
    values: np.ndarray,
    status: np.ndarray,
    header: str,
    today: dt.date | None = None,
) -> Iterator[tuple[int, str, str, str, str]]:
    """(row index, problem code, English, French, value) for each imported row whose number lies
    outside the field's bounds."""
    low, high = spec.min, spec.max
    if spec.years_ahead is not None:
        year = (today or dt.date.today()).year + spec.years_ahead
        high = year if high is None else min(high, year)
    if low is None and high is None:
        return
    numeric = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").to_numpy(float)
    with np.errstate(invalid="ignore"):
        below = numeric < low if low is not None else np.zeros(len(numeric), bool)
        above = numeric > high if high is not None else np.zeros(len(numeric), bool)
    header_quoted = texts.quoted(header)
    low_frames = (
        texts.frames("import.problem.below_minimum", "value", header=header_quoted, limit=_fmt(low))
        if low is not None
        else None
    )
    high_frames = (
        texts.frames(
            "import.problem.above_maximum", "value", header=header_quoted, limit=_fmt(high)
        )
        if high is not None
        else None
    )
    for i in np.nonzero((below | above) & (status == 0))[0].tolist():
        shown = _fmt(float(numeric[i]))
        if below[i]:
            assert low_frames is not None
            yield (i, "below_minimum", *texts.fill(low_frames, shown), shown)
        else:
            assert high_frames is not None
            yield (i, "above_maximum", *texts.fill(high_frames, shown), shown)
