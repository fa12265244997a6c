"""Building blocks of the rule kinds: evidence items with typed values, and score ladders."""

from __future__ import annotations

from typing import Any

from ..assessment import Evidence, RowRef, Text
from ..messages import Message, Unit, Value, as_value, count, flag, hours, money, number, text
from ..render import placeholders

__all__ = ["T", "ev", "ladder", "placeholders"]


def T(en: str, fr: str) -> Text:
    return Text(en, fr)


def ev(
    key: str,
    label: Message | Text,
    value: Value | Message | str | int | float | bool | None,
    unit: str = "",
    sensitive: bool = False,
    rows: tuple[RowRef, ...] = (),
) -> Evidence:
    """An evidence item: its label (a catalogue message, or a text naming a category or a
    budget line in both languages) and its value. A raw value is typed here: an amount with a
    currency is money, a whole number a count, a sensitive one states the recipient's holdings."""
    return Evidence(key=key, label=label, value=typed(value, unit, sensitive), rows=rows)


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


def ladder(value: float, steps: Any, floor: float) -> float:
    """Score from [[threshold, score], …]: the first step whose threshold value reaches wins."""
    for threshold, score in sorted(((float(t), float(s)) for t, s in steps), reverse=True):
        if value >= threshold:
            return score
    return float(floor)
