"""Numbers and sentences in English and French, and evidence items, for the rule kinds."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from ..assessment import Evidence, RowRef, Text

NBSP = "\u202f"  # French thousands separator (narrow no-break space)


def num(value: Any, lang: str = "en", digits: int = 0) -> str:
    """1234567.5 -> "1,234,568" (en) / "1 234 568" (fr); digits after the decimal point on request."""
    if value is None:
        return "?"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "?"
    if digits == 0 or (float(value).is_integer() and digits <= 1):
        text = f"{round(value):,}"
    else:
        text = f"{value:,.{digits}f}"
    if lang == "fr":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NBSP)
    return text


def pct(ratio: float | None, lang: str = "en") -> str:
    if ratio is None:
        return "?"
    return f"{num(ratio * 100, lang)}{NBSP if lang == 'fr' else ''}%"


def T(en: str, fr: str) -> Text:
    return Text(en, fr)


def ev(
    key: str,
    en: str,
    fr: str,
    value: str | int | float | bool | None,
    unit: str = "",
    sensitive: bool = False,
    rows: tuple[RowRef, ...] = (),
) -> Evidence:
    return Evidence(
        key=key, label=Text(en, fr), value=value, unit=unit, sensitive=sensitive, rows=rows
    )


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\|([^{}|]*)\|([^{}|]*))?\}")


def placeholders(template: str) -> frozenset[str]:
    """The names a condition template fills in."""
    return frozenset(m.group(1) for m in _PLACEHOLDER.finditer(template))


def is_singular(value: Any, lang: str) -> bool:
    """French counts 0 and 1 as singular ("0 an", "1 an"); English only 1."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return abs(value) < 2 if lang == "fr" else value == 1


def fill(template: str, values: Mapping[str, Any], lang: str) -> str:
    """Replace {name} with the value, numbers formatted for the language, and {name|one|many}
    with the number followed by the word that agrees with it ("1 mécanicien", "3 mécaniciens").
    Nothing is evaluated: only bare names are substituted, so a rule file cannot reach
    attributes or format specs."""

    def sub(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if match.group(2) is not None:
            word = match.group(2) if is_singular(value, lang) else match.group(3)
            number = num(value, lang) if value is not None else "?"
            return f"{number} {word}" if word else number
        if isinstance(value, Text):
            return value.get(lang)
        if isinstance(value, float) and not value.is_integer():
            return num(value, lang, 1)
        return num(value, lang) if value is not None else "?"

    return _PLACEHOLDER.sub(sub, template)


def ladder(value: float, steps: Any, floor: float) -> float:
    """Score from [[threshold, score], …]: the first step whose threshold value reaches wins."""
    for threshold, score in sorted(((float(t), float(s)) for t, s in steps), reverse=True):
        if value >= threshold:
            return score
    return float(floor)
