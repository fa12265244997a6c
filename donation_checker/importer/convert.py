"""Turn raw cell values into typed column values, counting every normalisation.

Work is done once per distinct raw value (pandas.factorize) and mapped back, so a column of
100,000 cells with 40 distinct quantities costs 40 parses, not 100,000.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..normalise import is_placeholder_name, parse_bool, split_list
from .cells import CellFault, FormattedNumber
from .dateorder import DEFAULT, NUMERIC_DATE, VALUES, DateOrder

# Outcome of one cell conversion: (value, problem code or None, normalisation kind or None)
Outcome = tuple[object, str | None, str | None]


@dataclass
class Converted:
    values: pd.Series
    blank: np.ndarray  # bool per row: the cell was empty
    problems: pd.Series  # problem code per row, None where the value was read
    normalised: Counter[str] = field(default_factory=Counter)
    # The raw column factorised (pandas.factorize), kept so later per-value checks reuse it;
    # None for the text-code fast path, which does not factorise.
    codes: np.ndarray | None = None
    uniques: np.ndarray | None = None
    # A date column holding text dates that read either way (03/04/2024): how they were read
    # and one of them, for the import report. None when no such date is in the column.
    date_order: DateOrder | None = None
    ambiguous_date: str = ""


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


def _all_text_codes(raw: pd.Series) -> Converted | None:
    """Fast path for a code column that holds only text cells (the usual case): each value is
    stripped, nothing parsed. None when any cell is not text or is over-long (those are
    refused one by one below)."""
    cells = raw.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(cells, skipna=False) != "string":
        return None
    if len(cells) and max(map(len, cells)) > CELL_LIMIT:
        return None
    # C-level maps: a few milliseconds per 100,000 cells.
    stripped = list(map(str.strip, cells))
    # str.strip returns the very same object when there is nothing to remove.
    trimmed = sum(map(operator.is_not, cells, stripped))
    blank = np.fromiter(map(operator.not_, stripped), dtype=bool, count=len(stripped))
    values = np.empty(len(stripped), dtype=object)
    values[:] = stripped
    values[blank] = None
    # The arrays are made here and shared with nothing: the Series take them without a copy.
    problems = pd.Series(
        np.full(len(raw), None, dtype=object), index=raw.index, dtype=object, copy=False
    )
    counts: Counter[str] = Counter({"whitespace": trimmed} if trimmed else {})
    values_s = pd.Series(values, index=raw.index, dtype=object, copy=False)
    return Converted(values_s, blank, problems, counts)


def convert_column(
    raw: pd.Series,
    ftype: str,
    *,
    field_name: str = "",
    date_order: Callable[[], DateOrder] | None = None,
) -> Converted:
    """`date_order` tells how a date column reads dates that go either way when its values do
    not settle it (what the workbook declares, dateorder.py); day first without it."""
    if ftype == "code" and (fast := _all_text_codes(raw)) is not None:
        return fast
    func = _CONVERTERS[ftype]
    if ftype == "code" and field_name == "nsn":
        func = _to_nsn
    if ftype == "int" and field_name.endswith("year"):
        func = _to_year
    if ftype == "text" and field_name in ("make", "model"):
        func = _to_name
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    order, ambiguous = (None, "") if ftype != "date" else _date_order(uniques, date_order)
    if order is not None and order.month_first:
        func = _to_date_month_first
    ublank = np.array([is_blank(u) for u in uniques], dtype=bool)
    outcomes = [
        (None, None, None) if b else _marked(u, ftype, func)
        for u, b in zip(uniques, ublank, strict=True)
    ]
    # Per-value results with one extra slot for missing cells (code -1), so each row's result
    # is a single array lookup.
    k = len(outcomes)
    slot = np.where(codes < 0, k, codes)
    uvals = np.empty(k + 1, dtype=object)  # np.empty fills object arrays with None
    uvals[:k] = [o[0] for o in outcomes]
    values = uvals[slot]
    uprob = np.empty(k + 1, dtype=object)
    uprob[:k] = [o[1] for o in outcomes]
    if any(o[1] is not None for o in outcomes):
        problems = uprob[slot]
    else:
        problems = np.empty(len(raw), dtype=object)  # all None
    blank = np.append(ublank, True)[slot]
    counts: Counter[str] = Counter()
    occurrences = np.bincount(slot, minlength=k + 1)
    for i, o in enumerate(outcomes):
        if o[2] is not None and occurrences[i]:
            counts[o[2]] += int(occurrences[i])
    return Converted(  # arrays made here: the Series take them without a copy
        pd.Series(values, index=raw.index, dtype=object, copy=False),
        blank,
        pd.Series(problems, index=raw.index, dtype=object, copy=False),
        counts,
        codes,
        np.asarray(uniques, dtype=object),
        order if ambiguous else None,
        ambiguous,
    )


def _marked(v: object, ftype: str, func: Callable[[object], Outcome]) -> Outcome:
    """Cells the reader could not give plainly: a fault is a problem, never a blank."""
    if isinstance(v, CellFault):
        return None, v.reason, None
    if isinstance(v, FormattedNumber):
        if ftype == "code":
            return v.text, None, "code_zeros_from_format"
        if ftype == "text":
            return v.text, None, "number_as_text"  # as displayed: "007", not "7"
        return func(v.text if ftype == "list" else v.number)
    return func(v)


def _collapse(text: str) -> str:
    return " ".join(text.split())


# Excel's limit for one cell; longer text can only come from a hand-made or damaged file.
CELL_LIMIT = 32_767
# Control and invisible format characters (zero-width space/joiners, BOM, bidi overrides) in a
# name make two equal-looking values differ; whitespace controls are folded by _collapse.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\ufeff]")


def _to_text(v: object) -> Outcome:
    if isinstance(v, str):
        if len(v) > CELL_LIMIT:
            return _collapse(v[:CELL_LIMIT]), "too_long", "truncated"
        t = _collapse(v)
        kind = "whitespace" if t != v else None
        if _INVISIBLE.search(t):
            t, kind = _INVISIBLE.sub("", t), "invisible_removed"
        if not t.isascii() and not unicodedata.is_normalized("NFC", t):
            t, kind = unicodedata.normalize("NFC", t), kind or "unicode_nfc"
        return t, None, kind
    if isinstance(v, bool):
        return ("oui" if v else "non"), None, "bool_as_text"
    if isinstance(v, float) and v.is_integer():
        return str(int(v)), None, "number_as_text"
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()[:10], None, "date_as_text"
    return str(v), None, "number_as_text"


def _to_name(v: object) -> Outcome:
    """A make or a model: "-", "?" or "n/a" say it is not known, a missing value, reported."""
    if isinstance(v, str) and is_placeholder_name(v):
        return None, "placeholder_name", None
    return _to_text(v)


def _to_code(v: object) -> Outcome:
    # Codes are compared and printed exactly: only surrounding spaces are removed.
    if isinstance(v, str):
        if len(v) > CELL_LIMIT:
            return None, "too_long", None
        t = v.strip()
        return t, None, ("whitespace" if t != v else None)
    if isinstance(v, bool):
        return None, "not_a_code", None
    if isinstance(v, int | float):
        if isinstance(v, float) and not v.is_integer():
            return repr(v), "code_stored_as_number", "code_stored_as_number"
        return str(int(v)), "code_stored_as_number", "code_stored_as_number"
    return str(v), None, "date_as_text"


def _to_nsn(v: object) -> Outcome:
    value, problem, kind = _to_code(v)
    if (
        problem == "code_stored_as_number"
        and isinstance(value, str)
        and value.isdigit()
        and len(value) < 13
    ):
        # An NSN is exactly 13 digits, so zeros lost to a number cell can be restored safely.
        return value.zfill(13), None, "nsn_zero_padded"
    return value, problem, kind


_CURRENCY = re.compile(r"(?i)\b(f\s?cfa|cfa|xof|xaf|eur|usd|euros?|dollars?|f)\b|[€$£]")
_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*|\d*[.,]\d+)$")


def parse_number(
    text: str, *, integer: bool = False, money: bool = False
) -> tuple[float | None, str | None]:
    """Read "1 200", "12,5", "1.234,5", "1,234.5", "2 500 000 FCFA". Returns (value, kind)."""
    s = text.strip()
    kind: str | None = None
    if money and _CURRENCY.search(s):
        s = _CURRENCY.sub("", s).strip()
        kind = "currency_removed"
    if _SPACES.search(s):
        s = _SPACES.sub("", s)
        kind = kind or "thousands_separator"
    if not s or not _NUMBER.match(s):
        return None, None
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if dec == "," else ","
        s = s.replace(thousands, "").replace(dec, ".")
        kind = kind or "thousands_separator"
    elif has_comma or has_dot:
        sep = "," if has_comma else "."
        parts = s.split(sep)
        if len(parts) > 2:
            s = s.replace(sep, "")
            kind = kind or "thousands_separator"
        elif integer and len(parts[1]) == 3 and parts[0].lstrip("+-") not in ("", "0"):
            # "1,200" or "1.200" in a whole-number column: a thousands separator.
            s = s.replace(sep, "")
            kind = "ambiguous_separator"
        elif sep == ",":
            s = s.replace(",", ".")
            kind = kind or "decimal_comma"
    try:
        return float(s), kind
    except ValueError:
        return None, None


def _to_number(v: object, *, integer: bool = False, money: bool = False) -> Outcome:
    kind: str | None = None
    if isinstance(v, bool):
        return None, "not_a_number", None
    if isinstance(v, int | float):
        x = float(v)
    elif isinstance(v, str):
        parsed, kind = parse_number(v, integer=integer, money=money)
        if parsed is None:
            return None, "not_a_number", None
        x = parsed
        kind = kind or "text_to_number"
    else:
        return None, "not_a_number", None
    if math.isnan(x) or math.isinf(x):
        return None, "not_a_number", None
    if integer:
        if not x.is_integer():
            return None, "not_whole_number", None
        return int(x), None, kind
    return x, None, kind


def _to_int(v: object) -> Outcome:
    """A count. A date here is a value that changed meaning on the way (Excel turns "6-40"
    typed in a quantity into a date): a problem of the row, never its year."""
    if isinstance(v, dt.datetime | dt.date):
        return None, "date_not_number", None
    if isinstance(v, str) and not v.strip().isdigit() and _parse_date_text(v) is not None:
        return None, "date_not_number", None
    return _to_number(v, integer=True)


def _to_year(v: object) -> Outcome:
    """A year (of manufacture, of a budget): a full date stands for its year."""
    if isinstance(v, dt.datetime | dt.date):
        return v.year, None, "date_to_year"
    if isinstance(v, str):
        d = _parse_date_text(v)
        if d is not None and not v.strip().isdigit():
            return d.year, None, "date_to_year"
    return _to_number(v, integer=True)


_MONTHS = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "january": 1,
    "fevrier": 2,
    "février": 2,
    "fevr": 2,
    "fev": 2,
    "feb": 2,
    "february": 2,
    "mars": 3,
    "mar": 3,
    "march": 3,
    "avril": 4,
    "avr": 4,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "may": 5,
    "juin": 6,
    "jun": 6,
    "june": 6,
    "juillet": 7,
    "juil": 7,
    "jul": 7,
    "july": 7,
    "aout": 8,
    "août": 8,
    "aug": 8,
    "august": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "september": 9,
    "octobre": 10,
    "oct": 10,
    "october": 10,
    "novembre": 11,
    "nov": 11,
    "november": 11,
    "decembre": 12,
    "décembre": 12,
    "dec": 12,
    "déc": 12,
    "december": 12,
}
_DMY = NUMERIC_DATE
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})(?:er)?\s+([^\W\d_]+)\.?\s+(\d{4})$")
_MONTH_D_Y = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


def _parse_date_text(text: str) -> dt.date | None:
    s = " ".join(text.strip().lower().split())
    try:
        if m := _DMY.match(s):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))  # day first: French and UK usage
        if m := _YMD.match(s):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _D_MONTH_Y.match(s)) and m[2] in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[2]], int(m[1]))
        if (m := _MONTH_D_Y.match(s)) and m[1] in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[1]], int(m[2]))
    except ValueError:
        return None
    return None


# Excel's 1900 date system counts a 29 February 1900 that never existed, so serials before
# 1 March 1900 cannot be read reliably; a reader shows them a day off or on the fictitious day.
_FIRST_RELIABLE_DATE = dt.date(1900, 3, 1)
# A number in a date column is taken as a date only where a date of this domain can fall:
# a year alone, or a serial between these years (anything else is a number typed in by error).
FIRST_YEAR, LAST_YEAR = 1900, 2100
_EPOCH = dt.date(1899, 12, 30)
_SERIAL_FIRST = (dt.date(1950, 1, 1) - _EPOCH).days
_SERIAL_LAST = (dt.date(LAST_YEAR, 12, 31) - _EPOCH).days


def _checked_date(d: dt.date, kind: str | None) -> Outcome:
    if d < _FIRST_RELIABLE_DATE:
        return None, "impossible_date", None
    return d, None, kind


def _to_date(v: object) -> Outcome:
    if isinstance(v, dt.datetime):
        return _checked_date(v.date(), None)
    if isinstance(v, dt.date):
        return _checked_date(v, None)
    if isinstance(v, str):
        d = _parse_date_text(v)
        if d is None:
            return None, "not_a_date", None
        return _checked_date(d, "text_to_date")
    if isinstance(v, int | float) and not isinstance(v, bool):
        if float(v).is_integer() and FIRST_YEAR <= v <= LAST_YEAR:
            # "2015" in an entry-date column is a year, not 7 July 1905 (serial 2015).
            return dt.date(int(v), 1, 1), None, "year_only_date"
        if _SERIAL_FIRST <= v <= _SERIAL_LAST:
            # A date typed into a cell formatted as a number: read as a 1900-system serial.
            return (_EPOCH + dt.timedelta(days=int(v))), None, "serial_to_date"
        if 1 <= v < 61:
            return None, "impossible_date", None
        return None, "number_not_date", None
    return None, "not_a_date", None


def _date_order(
    values: object, fallback: Callable[[], DateOrder] | None
) -> tuple[DateOrder | None, str]:
    """How the column's text dates are read, and one date that reads either way ("" if none).

    The values decide when they can: a first number over 12 proves the day first, a second
    one the month first (proof of both reads the day first, and the month-first dates are
    problems). Otherwise dates that read either way follow `fallback`, else the day first.
    None when the column holds no day/month/year text date."""
    month_first = day_first = False
    ambiguous = ""
    for v in values:  # type: ignore[attr-defined]
        if isinstance(v, str) and (m := _DMY.match(v.strip())):
            first, second = int(m[1]), int(m[2])
            day_first |= first > 12
            month_first |= second > 12
            if not ambiguous and first != second and 0 < first <= 12 and 0 < second <= 12:
                ambiguous = v.strip()
    if day_first or month_first:
        return DateOrder(month_first and not day_first, VALUES), ambiguous
    if not ambiguous:
        return None, ""
    return (fallback() if fallback is not None else DateOrder(False, DEFAULT)), ambiguous


def _to_date_month_first(v: object) -> Outcome:
    if isinstance(v, str) and (m := _DMY.match(" ".join(v.strip().split()))):
        try:
            return _checked_date(dt.date(int(m[3]), int(m[1]), int(m[2])), "month_first_date")
        except ValueError:
            return None, "not_a_date", None
    return _to_date(v)


def _to_bool(v: object) -> Outcome:
    b = parse_bool(v)
    if b is None:
        return None, "not_yes_no", None
    return b, None, (None if isinstance(v, bool) else "text_to_yes_no")


def _to_list(v: object) -> Outcome:
    text = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
    items = split_list(text)
    return (items if items else None), None, None


_CONVERTERS: dict[str, Callable[[object], Outcome]] = {
    "text": _to_text,
    "code": _to_code,
    "int": _to_int,
    "number": _to_number,
    "money": lambda v: _to_number(v, money=True),
    "date": _to_date,
    "bool": _to_bool,
    "list": _to_list,
}
