"""What the rule kinds say, as data: a message key and typed values, never a finished sentence.

A value knows what it measures (a count of units, money in a currency, workshop hours, a share…),
which sovereign fact it states, if any (the recipient's holdings, budget, personnel…), and which
values it was computed from. Whether it may be shown to a donor is then a question the renderer
answers from the share settings: a value computed from a sovereign one is as sovereign as its
source, so no sentence can give back a hidden figure by arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .assessment import Text


class Unit(StrEnum):
    """How a value is written and, when it must be hidden, how it is banded."""

    COUNT = "count"  # units of equipment, rows, models
    PEOPLE = "people"  # drivers, mechanics
    HOURS = "hours"
    MONEY = "money"
    CURRENCY = "currency"  # an ISO 4217 code, written in the reader's currency style
    PERCENT = "percent"  # a share given as a fraction (0.42)
    NUMBER = "number"  # a measure or parameter (km, litres, months, °C)
    YEAR = "year"
    MAKE = "make"
    MODEL = "model"
    CATEGORY = "category"
    CANONICAL = "canonical"  # a vocabulary value: a fuel, a drive side, a transmission
    PLACE = "place"  # a location or a unit of the recipient
    TEXT = "text"  # free text from an input file, shown as written
    FLAG = "flag"  # yes / no
    MESSAGE = "message"  # a sentence inside a sentence
    LIST = "list"  # several values, joined as a list


# Units banded when sovereign; every other sovereign value is left out.
BANDED = frozenset({Unit.COUNT, Unit.PEOPLE, Unit.HOURS, Unit.MONEY})


@dataclass(frozen=True)
class Value:
    """One typed value of a message.

    topic names the sovereign fact the value states ("holdings", "budget"…; "" for none);
    derived_from lists the values it was computed from, so its sensitivity follows theirs.
    """

    unit: Unit
    raw: Any
    topic: str = ""
    derived_from: tuple[Value, ...] = ()
    currency: str = ""  # money
    vocabulary: str = ""  # canonical values: "fuel", "drive_side"…
    title: Text | None = None  # a category's title from the rule set
    decimals: int | None = 0  # shares: digits after the decimal point (None: as needed, up to 2)
    measure: str = ""  # numbers: what they count ("days", "km"), written after them

    def topics(self) -> frozenset[str]:
        """Every sovereign topic this value states or was computed from."""
        found = {self.topic} if self.topic else set()
        for source in self.derived_from:
            found |= source.topics()
        if self.unit is Unit.MESSAGE and isinstance(self.raw, Message):
            for _, inner in self.raw.values:
                found |= inner.topics()
        if self.unit is Unit.LIST:
            for item in self.raw:
                found |= item.topics()
        return frozenset(found)

    @property
    def missing(self) -> bool:
        return self.raw is None


@dataclass(frozen=True)
class Message:
    """A sentence to be written in the reader's language: a catalogue key and its values.

    template is a rule set's own text (a rule's condition), used instead of the catalogue entry.
    A message with an empty key is a sentence written before the catalogue existed; the
    shareable report never shows it, since nothing says what it reveals.
    """

    key: str
    values: tuple[tuple[str, Value], ...] = ()
    template: Text | None = None

    def value(self, name: str) -> Value | None:
        return next((v for k, v in self.values if k == name), None)

    def topics(self) -> frozenset[str]:
        found: frozenset[str] = frozenset()
        for _, v in self.values:
            found |= v.topics()
        return found

    @property
    def typed(self) -> bool:
        return bool(self.key)

    def get(self, lang: str) -> str:
        """The full text for the recipient's own reader (nothing hidden); any other reader's
        text comes from a Renderer."""
        from .render import renderer

        return renderer(lang).message(self)

    @property
    def en(self) -> str:
        return self.get("en")

    @property
    def fr(self) -> str:
        return self.get("fr")


Part = Value | Message | Text | str | int | float | bool | None


def as_value(part: Part) -> Value:
    """A value from what a kind has at hand: a Value as it is, a Message or Text as a nested
    sentence, a number as a plain number, a string as text."""
    if isinstance(part, Value):
        return part
    if isinstance(part, Message):
        return Value(Unit.MESSAGE, part)
    if isinstance(part, Text):
        return Value(Unit.MESSAGE, Message("", template=part))
    if isinstance(part, bool):
        return Value(Unit.FLAG, part)
    if isinstance(part, int | float):
        return Value(Unit.NUMBER, part)
    if part is None:
        return Value(Unit.NUMBER, None)
    return Value(Unit.TEXT, str(part))


def msg(key: str, **values: Part) -> Message:
    """A catalogue message with its values."""
    return Message(key, tuple((name, as_value(v)) for name, v in values.items()))


def untyped(text: Text | Message) -> Message:
    return text if isinstance(text, Message) else Message("", template=text)


def templated(key: str, template: Text, values: Mapping[str, Part]) -> Message:
    """A rule set's own text (its condition) filled with typed values."""
    return Message(key, tuple((n, as_value(v)) for n, v in values.items()), template)


def _from(derived_from: Iterable[Value | None]) -> tuple[Value, ...]:
    return tuple(v for v in derived_from if v is not None)


def count(raw: float | None, topic: str = "", derived_from: Iterable[Value | None] = ()) -> Value:
    return Value(Unit.COUNT, raw, topic, _from(derived_from))


def people(raw: float | None, topic: str = "", derived_from: Iterable[Value | None] = ()) -> Value:
    return Value(Unit.PEOPLE, raw, topic, _from(derived_from))


def hours(raw: float | None, topic: str = "", derived_from: Iterable[Value | None] = ()) -> Value:
    return Value(Unit.HOURS, raw, topic, _from(derived_from))


def money(
    raw: float | None,
    currency: str | None,
    topic: str = "",
    derived_from: Iterable[Value | None] = (),
) -> Value:
    return Value(Unit.MONEY, raw, topic, _from(derived_from), currency=currency or "")


def currency(code: str | None) -> Value:
    """A currency itself (the offer's), by its ISO code."""
    return Value(Unit.CURRENCY, code or None)


def percent(
    raw: float | None, derived_from: Iterable[Value | None] = (), decimals: int | None = 0
) -> Value:
    """A share; derived_from must name its numerator and denominator."""
    return Value(Unit.PERCENT, raw, "", _from(derived_from), decimals=decimals)


def number(
    raw: float | None,
    topic: str = "",
    derived_from: Iterable[Value | None] = (),
    measure: str = "",
) -> Value:
    return Value(Unit.NUMBER, raw, topic, _from(derived_from), measure=measure)


def year(raw: int | None) -> Value:
    return Value(Unit.YEAR, raw)


def make(raw: str | None, topic: str = "") -> Value:
    return Value(Unit.MAKE, raw, topic)


def model(raw: str | None, topic: str = "") -> Value:
    return Value(Unit.MODEL, raw, topic)


def category(title: Text) -> Value:
    return Value(Unit.CATEGORY, title.en, title=title)


def wording(title: Text) -> Value:
    """A name a rule set gives in both languages (a rule's or a family's title)."""
    return Value(Unit.TEXT, title.en, title=title)


# A value a kind handed over as a bare number or string: nothing says what it states, so the
# shareable version never shows it.
UNTYPED = "untyped"


def loose(part: Part) -> Value:
    value = as_value(part)
    if isinstance(part, Value | Message | Text):
        return value
    return Value(value.unit, value.raw, UNTYPED)


def canonical(vocabulary: str, raw: str | None) -> Value:
    return Value(Unit.CANONICAL, raw, vocabulary=vocabulary)


def canonicals(vocabulary: str, raws: Iterable[str]) -> Value:
    return Value(Unit.LIST, tuple(canonical(vocabulary, r) for r in raws))


def place(raw: str | None, topic: str = "locations") -> Value:
    return Value(Unit.PLACE, raw, topic)


def flag(raw: bool | None, topic: str = "") -> Value:
    return Value(Unit.FLAG, raw, topic)


def text(raw: str | None, topic: str = "") -> Value:
    return Value(Unit.TEXT, raw, topic)
