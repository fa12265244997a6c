"""Write imported tables as CSV with canonical column names, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from pathlib import Path

from .atomic import write_bytes_atomic
from .model import ROW_COLUMN, SHEET_COLUMN, Table

# OWASP ASVS 1.2.10: a cell starting with one of these may be evaluated as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")


# Matching keys are derived data; the source row and sheet are kept for traceability.
_INTERNAL = ("make_key", "model_key")
_RENAMED = {ROW_COLUMN: "source_row", SHEET_COLUMN: "source_sheet"}


def neutralise_formula(text: str) -> str:
    """Prefix formula-like text with an apostrophe so a spreadsheet shows it as text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return neutralise_formula("; ".join(str(v) for v in value))
    if isinstance(value, int | float):
        return repr(value)  # numbers are not text: a minus sign here is a real negative number
    return neutralise_formula(str(value))


def write_table_csv(table: Table, target: str | Path) -> None:
    """UTF-8 with BOM so Excel reads accents; codes written as text exactly as imported."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    frame = table.frame.drop(columns=[c for c in _INTERNAL if c in table.frame.columns])
    frame = frame.rename(columns=_RENAMED)
    writer.writerow(list(frame.columns))
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_cell(v) for v in row])
    write_bytes_atomic(target, ("\ufeff" + buf.getvalue()).encode("utf-8"))
