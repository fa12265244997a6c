"""Which way round a workbook writes its numeric dates when the values do not tell.

"03/04/2024" is 3 April for a French or British writer and 4 March for an American one. A date
column whose values prove the order (a first number over 12, or a second) is read that way
(convert.py). A column where every date reads either way follows the workbook:

1. the order of the day/month/year date formats it gives its date cells (an .xlsx's
   styles.xml), when they all agree;
2. else the language it declares: `dc:language` in docProps/core.xml (.xlsx) or meta.xml
   (.ods), or the language of an .ods's default cell style (styles.xml);
3. else the language of the table's headers, French or English, told by the words of
   fields.toml's [dates] table;
4. else day first, the usage of the ministries the tool serves.

Only the locales [dates] month_first lists (US English) read such dates month first. The
declaration is read once per workbook by the import guard, from the small parts it inflates
anyway (sniff.py); nothing here looks at the cells.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..normalise import fold

# fields.toml's [dates] defaults, used when a fields file has no such table.
MONTH_FIRST_LOCALES = ("en-US",)

DATE_FORMAT = "date_format"  # the workbook's date formats put the month first (or the day)
DECLARED = "declared"  # the workbook declares a language
HEADERS = "headers"  # the table's headers are in a language
DEFAULT = "default"  # nothing tells: day first
VALUES = "values"  # some value proves the order

# A date written with numbers only, day and month in either order: 03/04/2024, 3.4.2024.
NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


@dataclass(frozen=True)
class Declaration:
    """What a workbook says about how it writes dates: a locale tag ("en-US", "fr-FR", "en")
    and the order of its day/month/year date formats ("m/d/yyyy"), each empty when unsaid."""

    locale: str = ""
    date_format: str = ""  # one format code of the workbook's date cells
    month_first_format: bool = False  # that format (and every other one) is month first


@dataclass(frozen=True)
class DateRules:
    """fields.toml's [dates]: locales that write the month first, and header words per
    language (folded) that tell a table's language when the workbook declares none."""

    month_first: tuple[str, ...] = MONTH_FIRST_LOCALES
    header_words: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def is_month_first(self, locale: str) -> bool:
        """Whether a locale (or a bare language) is listed; "en" matches only "en", so an
        English workbook that does not say its country reads day first."""
        tag = locale_tag(locale)
        listed = {locale_tag(x) for x in self.month_first}
        return bool(tag) and (tag in listed or tag.split("-")[0] in listed)

    def header_language(self, labels: Iterable[str]) -> str:
        """The language most header words belong to ("fr", "en"), or "" on a tie."""
        counts = dict.fromkeys(self.header_words, 0)
        for label in labels:
            for word in fold(label).split():
                for lang, words in self.header_words.items():
                    counts[lang] += word in words
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return ""
        return ranked[0][0]


def date_rules(data: Mapping[str, Any]) -> DateRules:
    """[dates] of a fields file's data (shape errors raise, for the vocabulary to report)."""
    raw = data.get("dates", {})
    if not isinstance(raw, dict):
        raise TypeError("[dates] must be a table")
    month_first = raw.get("month_first", list(MONTH_FIRST_LOCALES))
    words = raw.get("header_words", {})
    if not isinstance(month_first, list) or not isinstance(words, dict):
        raise TypeError("[dates] month_first must be a list, header_words a table")
    return DateRules(
        tuple(str(x) for x in month_first),
        {str(lang): frozenset(fold(w) for w in ws) for lang, ws in words.items()},
    )


@dataclass(frozen=True)
class DateOrder:
    """How a column's dates that read either way were read, and why: `basis` is one of the
    constants above, `detail` the format, locale or language that decided."""

    month_first: bool
    basis: str
    detail: str = ""


def fallback_order(declared: Declaration, labels: Iterable[str], rules: DateRules) -> DateOrder:
    """The order for dates that read either way, from what the workbook says (module doc)."""
    if declared.date_format:
        return DateOrder(declared.month_first_format, DATE_FORMAT, declared.date_format)
    if declared.locale:
        return DateOrder(rules.is_month_first(declared.locale), DECLARED, declared.locale)
    language = rules.header_language(labels)
    if language:
        return DateOrder(rules.is_month_first(language), HEADERS, language)
    return DateOrder(False, DEFAULT)


# --- what a workbook declares ---------------------------------------------------------------

_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?(?:[-_].*)?$")


def locale_tag(text: str) -> str:
    """ "en_us", "EN-US", "en-Latn-US" -> "en-US"; "fr" -> "fr"; anything else -> ""."""
    m = _TAG.match(text.strip())
    if m is None:
        return ""
    return m[1].lower() + (f"-{m[3].upper()}" if m[3] else "")


_DC_LANGUAGE = re.compile(rb"<dc:language\b[^>]*>\s*([^<\s]+)\s*</dc:language>")
_DEFAULT_STYLE = re.compile(
    rb"<style:default-style\b[^>]*style:family=\"table-cell\"[^>]*>(.*?)</style:default-style>",
    re.S,
)
_FO_LANGUAGE = re.compile(rb"\bfo:language=\"([^\"]+)\"")
_FO_COUNTRY = re.compile(rb"\bfo:country=\"([^\"]+)\"")
_NUM_FMT = re.compile(rb'<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"')
_XF_FORMAT = re.compile(rb'<xf\b[^>]*?numFmtId="(\d+)"')
# What a format code shows literally: quoted text, [colour]/[$-locale] sections, \x escapes.
_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def declaration(
    core_xml: bytes = b"", styles_xml: bytes = b"", meta_xml: bytes = b"", ods: bool = False
) -> Declaration:
    """Read a workbook's parts: an .xlsx's docProps/core.xml and xl/styles.xml, or an .ods's
    styles.xml and meta.xml (`ods`). Missing parts are empty bytes."""
    locale = ""
    fmt, month_first = ("", False) if ods else _date_formats(styles_xml)
    if ods and (m := _DEFAULT_STYLE.search(styles_xml)):
        lang, country = _FO_LANGUAGE.search(m[1]), _FO_COUNTRY.search(m[1])
        if lang is not None and lang[1] != b"zxx":  # "zxx": no linguistic content
            locale = locale_tag(lang[1].decode("ascii", "replace"))
            if locale and country is not None and "-" not in locale:
                locale = locale_tag(f"{locale}-{country[1].decode('ascii', 'replace')}")
    for part in (core_xml, meta_xml):
        if not locale and (m := _DC_LANGUAGE.search(part)):
            locale = locale_tag(html.unescape(m[1].decode("utf-8", "replace")))
    return Declaration(locale, fmt, month_first)


def _date_formats(styles_xml: bytes) -> tuple[str, bool]:
    """The custom day/month/year formats the cell styles use: (one of them, month first) when
    they all put day and month the same way round, else ("", False). Built-in formats (14:
    m/d/yyyy) follow the reader's system settings, so they say nothing about the writer."""
    if b"<numFmt" not in styles_xml:
        return "", False
    codes = {
        m[1]: html.unescape(m[2].decode("utf-8", "replace")) for m in _NUM_FMT.finditer(styles_xml)
    }
    start = styles_xml.find(b"<cellXfs")
    used = {m[1] for m in _XF_FORMAT.finditer(styles_xml, start)} if start >= 0 else set()
    orders: dict[bool, str] = {}
    for fid in sorted(used & codes.keys()):
        order = _day_month_order(codes[fid])
        if order is not None:
            orders.setdefault(order, codes[fid])
    if len(orders) != 1:
        return "", False
    ((month_first, code),) = orders.items()
    return code, month_first


def _day_month_order(code: str) -> bool | None:
    """True for a month/day/year format ("mm/dd/yyyy"), False for day/month/year, None for
    anything else (year first, no day, a time)."""
    shown = _LITERALS.sub(" ", code.split(";")[0]).lower()
    shown = shown.split("h")[0]  # a time follows the date; its "mm" are minutes
    day = re.search(r"(?<!d)d{1,2}(?!d)", shown)  # "ddd"/"dddd" name the weekday
    month, year = shown.find("m"), shown.find("y")
    if day is None or month < 0 or year < max(day.start(), month):
        return None
    return month < day.start()


# --- what the import report says -------------------------------------------------------------

_REASON = {
    DATE_FORMAT: ("import_dates.because_date_format", "format"),
    DECLARED: ("import_dates.because_declared", "locale"),
    HEADERS: ("import_dates.because_headers", "language"),
    DEFAULT: ("import_dates.because_default", ""),
}


def order_notice(order: DateOrder, example: str, lang: str) -> str:
    """The sentence after a column's header: the order used, shown on `example` (a date that
    reads either way), and why, in `lang` ("en" or "fr")."""
    import datetime as dt

    from ..formatting import fmt_date
    from ..render import Renderer

    r = Renderer(lang)
    m = NUMERIC_DATE.match(example)
    assert m is not None, example
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    read = dt.date(year, first, second) if order.month_first else dt.date(year, second, first)
    key = "import_dates.month_first" if order.month_first else "import_dates.day_first"
    text = r.word(key, example=example, date=fmt_date(read, lang))
    reason, name = _REASON.get(order.basis, _REASON[DEFAULT])
    detail = order.detail
    if order.basis == HEADERS and r.has(f"values.language.{detail}"):
        detail = r.word(f"values.language.{detail}")
    return text + r.word(reason, **({name: detail} if name else {})) + "."
