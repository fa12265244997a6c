"""Numbers, money, dates and percentages written the way an English or French reader expects.

Hand-written rather than Babel: the product speaks two languages and needs four formats, and a
small table keeps the output identical on every machine whatever its locale settings.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

# French typography separates thousands with a narrow no-break space (U+202F, as CLDR does) and
# puts a no-break space before "%" and currency units so they never wrap onto the next line.
NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}

_UNKNOWN = {"en": "unknown", "fr": "inconnu"}

# How currencies are written: as ISO codes (XOF), or by the local names the message catalogue
# gives under [currencies.local] (FCFA); the renderer applies the reader's choice.
CURRENCY_STYLES = ("code", "local")

# Symbols written before the amount in English; every other currency is written as a code after.
_PREFIX_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}
# Currencies without minor units in practice (the CFA francs are quoted in whole francs).
_WHOLE_UNIT_CURRENCIES = {"XOF", "XAF", "FCFA", "CFA", "GNF", "JPY", "KMF", "RWF", "BIF", "DJF"}


def _lang(lang: str) -> str:
    return "fr" if lang.lower().startswith("fr") else "en"


def unknown(lang: str) -> str:
    """The word shown wherever a value is missing, so a gap never reads as zero."""
    return _UNKNOWN[_lang(lang)]


def _is_missing(x: float | int | None) -> bool:
    return x is None or (isinstance(x, float) and not math.isfinite(x))


def fmt_number(x: float | int | None, lang: str, decimals: int | None = None) -> str:
    """`1,234.5` in English, `1 234,5` (narrow no-break space) in French.

    decimals=None keeps up to two decimals and drops trailing zeros; an int keeps exactly that many.
    Missing or non-finite values give "unknown"/"inconnu".
    """
    if _is_missing(x):
        return unknown(lang)
    assert x is not None
    places = 2 if decimals is None else decimals
    # Half-up, as a reader rounds by hand (float formatting would round 950.5 down to 950).
    exact = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{exact:,.{places}f}"
    if decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # -0.001 rounds to "0", not "-0"
    if _lang(lang) == "fr":
        text = text.replace(",", NARROW_NBSP).replace(".", ",")
    return text


def fmt_integer(x: float | int | None, lang: str) -> str:
    return fmt_number(x, lang, decimals=0)


def fmt_money(x: float | int | None, currency: str | None, lang: str) -> str:
    """`12 500 000 FCFA` / `12,500,000 FCFA`; `€12,500` in English but `12 500 €` in French.

    Amounts of 1,000 or more, and currencies without minor units, are shown in whole units: a
    budget reader compares magnitudes, and cents on a ten-year cost estimate are false precision.
    """
    if _is_missing(x):
        return unknown(lang)
    assert x is not None
    code = (currency or "").strip()
    whole = code.upper() in _WHOLE_UNIT_CURRENCIES or abs(float(x)) >= 1000
    number = fmt_number(x, lang, decimals=0 if whole else 2)
    if not code:
        return number
    symbol = _PREFIX_SYMBOLS.get(code.upper())
    if _lang(lang) == "en" and symbol:
        return f"-{symbol}{number[1:]}" if number.startswith("-") else f"{symbol}{number}"
    return f"{number}{NBSP}{symbol or code}"


def fmt_date(d: dt.date | None, lang: str) -> str:
    """`12 March 2026` / `12 mars 2026` (`1er mars 2026` for the first of the month in French)."""
    if d is None:
        return unknown(lang)
    key = _lang(lang)
    month = _MONTHS[key][d.month - 1]
    day = "1er" if key == "fr" and d.day == 1 else str(d.day)
    return f"{day}{NBSP}{month} {d.year}"


def fmt_percent(x: float | int | None, lang: str, decimals: int = 0) -> str:
    """A share given as a fraction (0.42) written `42%` in English and `42 %` in French."""
    if _is_missing(x):
        return unknown(lang)
    assert x is not None
    number = fmt_number(float(x) * 100, lang, decimals=decimals)
    return f"{number}{NBSP}%" if _lang(lang) == "fr" else f"{number}%"


def fmt_score(x: float | int | None, lang: str) -> str:
    """A 0-100 score as `62/100`, or "unknown" when no rule of the group had data."""
    if _is_missing(x):
        return unknown(lang)
    assert x is not None
    return f"{fmt_number(x, lang, decimals=0)}/100"
