"""Building blocks of the rule kinds' messages: evidence items, and the transitional sentence
helpers of kinds not yet written as catalogue messages (numbers come from the one formatter)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..assessment import Evidence, RowRef, Text
from ..formatting import fmt_number, fmt_percent
from ..messages import Message, Unit, Value, as_value, count, flag, hours, money, number, text
from ..render import is_singular, pieces, placeholders

__all__ = ["T", "counted", "ev", "fill", "is_singular", "ladder", "num", "pct", "placeholders"]


def num(value: Any, lang: str = "en", digits: int = 0) -> str:
    """1234567.5 -> "1,234,568" (en) / "1 234 568" (fr); digits after the decimal point on request."""
    if isinstance(value, bool) or (value is not None and not isinstance(value, int | float)):
        return str(value)
    if value is not None and digits and float(value).is_integer() and digits <= 1:
        digits = 0
    return fmt_number(value, lang, decimals=digits)


def pct(ratio: float | None, lang: str = "en") -> str:
    return fmt_percent(ratio, lang)


def T(en: str, fr: str) -> Text:
    return Text(en, fr)


def ev(
    key: str,
    en: str,
    fr: str,
    value: Value | Message | str | int | float | bool | None,
    unit: str = "",
    sensitive: bool = False,
    rows: tuple[RowRef, ...] = (),
) -> Evidence:
    """An evidence item. A raw value is typed here: an amount with a currency is money, a whole
    number a count, a sensitive one states the recipient's holdings."""
    return Evidence(key=key, label=Text(en, fr), value=typed(value, unit, sensitive), rows=rows)


def typed(
    value: Value | Message | str | int | float | bool | None, unit: str, sensitive: bool
) -> Value:
    if isinstance(value, Value | Message):
        return as_value(value)
    topic = "holdings" if sensitive else ""
    if isinstance(value, bool):
        return flag(value, topic)
    if isinstance(value, str):
        return text(value, topic)
    if unit == "%":
        return Value(Unit.PERCENT, None if value is None else value / 100, topic)
    if unit == "h":
        return hours(value, topic)
    if unit and unit == unit.upper() and unit.isalpha():
        return money(value, unit, topic)  # a currency code
    if unit:
        return number(value, topic, measure=unit)
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return count(value, topic)
    return number(value, topic)


def counted(value: Any, one: str, many: str, lang: str) -> str:
    """A number and the word that agrees with it: "0 mécanicien", "3 mécaniciens", "1 mechanic",
    "0 mechanics"; "?" for an unknown number."""
    number = num(value, lang) if value is not None else "?"
    return f"{number} {one if is_singular(value, lang) else many}"


def fill(template: str, values: Mapping[str, Any], lang: str) -> str:
    """Replace {name} with the value, numbers formatted for the language, and {name|one|many}
    with the number followed by the word that agrees with it ("1 mécanicien", "3 mécaniciens").
    Nothing is evaluated: only bare names are substituted, so a rule file cannot reach
    attributes or format specs."""
    parts, tail = pieces(template)
    out: list[str] = []
    for before, name, one, many in parts:
        out.append(before)
        value = values.get(name)
        if one is not None:
            word = one if is_singular(value, lang) else many
            number = num(value, lang) if value is not None else "?"
            out.append(f"{number} {word}" if word else number)
        elif isinstance(value, Text):
            out.append(value.get(lang))
        elif isinstance(value, float) and not value.is_integer():
            out.append(num(value, lang, 1))
        else:
            out.append(num(value, lang) if value is not None else "?")
    out.append(tail)
    return "".join(out)


def ladder(value: float, steps: Any, floor: float) -> float:
    """Score from [[threshold, score], …]: the first step whose threshold value reaches wins."""
    for threshold, score in sorted(((float(t), float(s)) for t, s in steps), reverse=True):
        if value >= threshold:
            return score
    return float(floor)
