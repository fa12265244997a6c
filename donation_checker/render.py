"""The one place where messages and values become text, in the reader's language.

Every output (PDF, Excel export, JSON texts, command-line summary, window) writes findings,
conditions, evidence and counter-proposals through a Renderer. The shareable version is the same
rendering with a policy: a value stating a sovereign fact, or computed from one, is written as a
band (counts, people, hours, money) or left out (shares, places, names, yes/no), and a sentence
that carries no typed values is not shown at all. Nothing is scrubbed afterwards.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .assessment import Text
from .catalogue import Catalogue, ShareSettings, load_catalogue, load_share_settings
from .formatting import CURRENCY_STYLES, NBSP, fmt_money, fmt_number, fmt_percent
from .messages import BANDED, UNTYPED, Message, Unit, Value

if TYPE_CHECKING:
    from .assessment import Evidence, RowRef

WRITTEN_KEPT = 100_000  # messages a renderer remembers having written

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\|([^{}|]*)\|([^{}|]*))?\}")


def placeholders(template: str) -> frozenset[str]:
    """The names a template fills in."""
    return frozenset(m.group(1) for m in _PLACEHOLDER.finditer(template))


@functools.lru_cache(maxsize=2048)
def pieces(template: str) -> tuple[tuple[tuple[str, str, str | None, str | None], ...], str]:
    """A template cut once into (text before, name, singular word, plural word) and the text
    after the last placeholder."""
    out = []
    start = 0
    for match in _PLACEHOLDER.finditer(template):
        out.append(
            (template[start : match.start()], match.group(1), match.group(2), match.group(3))
        )
        start = match.end()
    return tuple(out), template[start:]


def is_singular(value: object, lang: str) -> bool:
    """French counts 0 and 1 as singular ("0 an", "1 an"); English only 1."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return abs(value) < 2 if lang == "fr" else value == 1


class Renderer:
    """Writes messages for one reader: a language, and whether the text goes to a donor."""

    def __init__(
        self,
        lang: str = "en",
        share: bool = False,
        catalogue: Catalogue | None = None,
        settings: ShareSettings | None = None,
        currency: str = "code",
    ) -> None:
        self.lang = "fr" if lang.lower().startswith("fr") else "en"
        self.share = share
        if currency not in CURRENCY_STYLES:
            raise ValueError(f"currency style must be one of {', '.join(CURRENCY_STYLES)}")
        self.currency_style = currency
        self.catalogue = catalogue or load_catalogue()
        self.written: dict[Message, str] = {}
        self.settings = settings or load_share_settings()

    # -- policy ----------------------------------------------------------------------------

    def hidden(self, value: Value) -> bool:
        """True when the value may not be shown as it is to this reader."""
        if not self.share:
            return False
        topics = value.topics()
        return bool(topics & self.settings.sensitive) or UNTYPED in topics

    def shows(self, topic: str) -> bool:
        """True when values stating this sovereign topic are shown as they are."""
        return not (self.share and topic in self.settings.sensitive)

    # -- catalogue -------------------------------------------------------------------------

    def word(self, key: str, **values: str) -> str:
        """A catalogue entry filled with ready-made strings (labels, headings)."""
        entry = self.catalogue.get(key)
        if entry is None:
            raise KeyError(f"message catalogue has no entry '{key}'")
        out = entry.text[self.lang]
        for name, v in values.items():
            out = out.replace("{" + name + "}", v)
        return out

    def has(self, key: str) -> bool:
        return self.catalogue.get(key) is not None

    # -- messages --------------------------------------------------------------------------

    def message(self, m: Message | Text | None) -> str:
        if m is None:
            return ""
        if not isinstance(m, Message):
            m = Message("", template=m)
        # A long offer repeats the same findings line after line: each message is written once.
        try:
            return self.written[m]
        except KeyError:
            if len(self.written) >= WRITTEN_KEPT:  # the window keeps renderers for its session
                self.written.clear()
            text = self.written[m] = self.write(m)
            return text
        except TypeError:  # a value that cannot be hashed (a list from a rule set's data)
            return self.write(m)

    def write(self, m: Message) -> str:
        if not m.typed:
            if self.share:
                return self.word("general.untyped_withheld")
            assert m.template is not None
            return m.template.get(self.lang)
        values = dict(m.values)
        if m.template is not None:
            template = m.template.get(self.lang)
        else:
            entry = self.catalogue.get(m.key)
            if entry is None:
                raise KeyError(f"message catalogue has no entry '{m.key}'")
            template = entry.text[self.lang]
            if entry.share.get(self.lang) and any(self.hidden(v) for v in values.values()):
                template = entry.share[self.lang]
        return self.fill(template, values)

    def fill(self, template: str, values: dict[str, Value]) -> str:
        parts, tail = pieces(template)
        out: list[str] = []
        for before, name, one, many in parts:
            out.append(before)
            v = values.get(name)
            if v is None or (v.missing and v.unit in BANDED):
                out.append(self.word("general.not_stated"))
            elif one is not None:
                agrees = self.band_agreement(v) if self.hidden(v) else v.raw
                plural = one if is_singular(agrees, self.lang) else many
                shown = self.value(v)
                out.append(f"{shown} {plural}" if plural else shown)
            else:
                out.append(self.value(v))
        out.append(tail)
        return "".join(out)

    # -- values ----------------------------------------------------------------------------

    def value(self, v: Value) -> str:
        if v.unit is Unit.MESSAGE:
            return self.message(v.raw)
        if v.unit is Unit.LIST:
            return self.join([self.value(item) for item in v.raw])
        if self.hidden(v):
            return self.band(v)
        if v.raw is None or (isinstance(v.raw, float) and math.isnan(v.raw)):
            return self.word("general.not_stated")
        raw = v.raw
        lang = self.lang
        if v.unit in (Unit.COUNT, Unit.PEOPLE, Unit.HOURS):
            return fmt_number(raw, lang, decimals=0 if float(raw).is_integer() else 1)
        if v.unit is Unit.MONEY:
            return self.money(raw, v.currency)
        if v.unit is Unit.PERCENT:
            if isinstance(raw, float) and math.isinf(raw):
                return self.word("general.beyond_all")
            if v.decimals is None:  # as many digits as the figure has, up to two
                shown = fmt_number(float(raw) * 100, lang)
                return f"{shown}{NBSP}%" if lang == "fr" else f"{shown}%"
            return fmt_percent(raw, lang, decimals=v.decimals)
        if v.unit is Unit.NUMBER:
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                return str(raw)
            if not v.measure:
                return fmt_number(raw, lang)
            return f"{fmt_number(raw, lang)}{NBSP}{self.measure(v.measure)}"
        if v.unit is Unit.YEAR:
            return str(int(raw))
        if v.unit is Unit.CURRENCY:
            return self.currency(str(raw))
        if v.unit is Unit.FLAG:
            return self.word("general.yes" if raw else "general.no")
        if v.title is not None:
            return v.title.get(lang)
        if v.unit is Unit.CANONICAL:
            return self.canonical(v.vocabulary, str(raw))
        return str(raw)

    def canonical(self, vocabulary: str, raw: str) -> str:
        """A vocabulary value (fuel, drive side…) in the reader's language; a value the
        vocabulary does not know is shown as written in the file."""
        entry = self.catalogue.get(f"values.{vocabulary}.{raw}")
        return entry.text[self.lang] if entry is not None else raw

    def currency(self, code: str | None) -> str:
        """A currency as this reader writes it: its ISO code, or its local name when the reader
        prefers local names and the catalogue has one; "" when no currency is known."""
        code = (code or "").strip()
        if self.currency_style == "local":
            entry = self.catalogue.get(f"currencies.local.{code.upper()}")
            if entry is not None:
                return entry.text[self.lang]
        return code

    def money(self, amount: float | int | None, code: str | None) -> str:
        """An amount in a currency, written in the reader's language and currency style."""
        if amount is None or (isinstance(amount, float) and math.isnan(amount)):
            return self.word("general.not_stated")
        return fmt_money(amount, self.currency(code), self.lang)

    def field(self, name: str) -> str:
        """A field of rules/fields.toml by its label (fields.<name>); a field the catalogue does
        not name (one of the user's own) by its name."""
        entry = self.catalogue.get(f"fields.{name}")
        return entry.text[self.lang] if entry is not None else name

    def fields(self, names: Sequence[str]) -> str:
        """Several fields by their labels, as a list: "Make, Model and Quantity"."""
        return self.join([self.field(n) for n in names])

    def measure(self, name: str) -> str:
        """What a number counts ("days", "km"), as the reader writes it after the number."""
        entry = self.catalogue.get(f"measures.{name}")
        return entry.text[self.lang] if entry is not None else name

    def join(self, items: Sequence[str]) -> str:
        if not items:
            return self.word("general.none")
        if len(items) == 1:
            return items[0]
        return f"{', '.join(items[:-1])} {self.word('general.and')} {items[-1]}"

    def band(self, v: Value) -> str:
        """A hidden value: the band it lies in for counts, people, hours and money, otherwise
        the word for a value left out."""
        raw = v.raw
        limits = self.settings.bands.get(str(v.unit), ())
        if v.unit not in BANDED or not limits or isinstance(raw, bool):
            return self.word("general.withheld")
        if raw is None or not isinstance(raw, int | float) or math.isnan(raw):
            return self.word("general.not_stated")
        whole = v.unit in (Unit.COUNT, Unit.PEOPLE)
        if raw < limits[0]:
            text = self.word("general.band_none")
        else:
            low = max(x for x in limits if x <= raw)
            above = [x for x in limits if x > raw]
            fmt = functools.partial(fmt_number, lang=self.lang, decimals=0)
            if not above:
                text = self.word("general.band_above", low=fmt(low))
            else:
                high = above[0] - 1 if whole else above[0]
                text = (
                    fmt(low)
                    if whole and high == low
                    else self.word("general.band_range", low=fmt(low), high=fmt(high))
                )
        if v.unit is Unit.MONEY and v.currency:
            text = f"{text} {self.currency(v.currency)}"
        return f"[{text}]"

    def band_agreement(self, v: Value) -> float:
        """The number a word after a hidden value agrees with: one the band alone determines
        ("[0] véhicule" in French, "[1–9] vehicles"), so the word reveals no more than the band."""
        raw = v.raw
        limits = self.settings.bands.get(str(v.unit), ())
        if v.unit not in BANDED or not limits or not isinstance(raw, int | float):
            return 2
        if isinstance(raw, bool) or math.isnan(raw):
            return 2
        if raw < limits[0]:
            return 0
        above = [x for x in limits if x > raw]
        low = max(x for x in limits if x <= raw)
        whole = v.unit in (Unit.COUNT, Unit.PEOPLE)
        return low if whole and above and above[0] - 1 == low else 2

    def datum(self, v: Value) -> object:
        """A value for a spreadsheet cell or a JSON field: numbers stay numbers, words (a
        fuel, a category, a sentence) are written out, and a hidden value is its band."""
        if self.hidden(v):
            return self.band(v)
        if v.unit in (Unit.COUNT, Unit.PEOPLE, Unit.HOURS, Unit.MONEY, Unit.NUMBER, Unit.YEAR):
            if isinstance(v.raw, int | float) and not isinstance(v.raw, bool):
                return v.raw if math.isfinite(v.raw) else None
            return v.raw
        if v.unit is Unit.PERCENT and isinstance(v.raw, float) and not math.isfinite(v.raw):
            return None
        if v.unit is Unit.PERCENT:
            return v.raw
        return None if v.raw is None and v.unit is not Unit.MESSAGE else self.value(v)

    # -- evidence --------------------------------------------------------------------------

    def evidence(self, ev: Evidence) -> str:
        """`drivers per unit: 1`."""
        colon = f"{NBSP}:" if self.lang == "fr" else ":"
        return f"{self.label(ev.label)}{colon} {self.value(ev.value)}"

    def label(self, label: Message | Text) -> str:
        """An evidence label: it names what a value measures and holds no figure itself."""
        return label.get(self.lang) if isinstance(label, Text) else self.message(label)

    def row_refs(self, refs: Sequence[RowRef]) -> Sequence[RowRef]:
        """The inventory rows a figure was read from; the shareable version names none."""
        return () if self.share else refs


@functools.lru_cache(maxsize=16)
def renderer(lang: str = "en", share: bool = False, currency: str = "code") -> Renderer:
    """The renderer of the shipped catalogue and share settings for a language, a reader and
    a way of writing currencies."""
    return Renderer(lang, share, currency=currency)
