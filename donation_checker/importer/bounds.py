"""Numbers an officer would question: a quantity of 0, a year to come or before 1900, months,
hours or trainees below zero, a count beyond any fleet. The bounds are data (rules/fields.toml,
`min`, `max`, `years_ahead` on a field); this module only compares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import pandas as pd

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
    for i in np.nonzero((below | above) & (status == 0))[0].tolist():
        shown = _fmt(float(numeric[i]))
        if below[i]:
            assert low is not None
            yield (
                i,
                "below_minimum",
                f"'{header}' is below {_fmt(low)}: {shown}. Correct the cell.",
                f"« {header} » est inférieur à {_fmt(low)} : {shown}. Corrigez la cellule.",
                shown,
            )
        else:
            assert high is not None
            yield (
                i,
                "above_maximum",
                f"'{header}' is above {_fmt(high)}: {shown}. Correct the cell.",
                f"« {header} » dépasse {_fmt(high)} : {shown}. Corrigez la cellule.",
                shown,
            )
