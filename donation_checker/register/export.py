"""The register list as a spreadsheet: CSV (UTF-8 with BOM, for Excel) or an Excel workbook.
Text cells that look like formulas are neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..atomic import write_bytes_atomic, write_with
from ..csv_export import neutralise_formula
from .records import CaseSummary
from .words import category_names, status, term, verdict

# The list's columns; their headings are the catalogue's register.column.* entries.
COLUMNS: tuple[str, ...] = (
    "number",
    "version",
    "donor",
    "reference",
    "offer_date",
    "categories",
    "units",
    "verdict",
    "score",
    "coverage",
    "status",
    "decided_on",
    "delivered_on",
    "created_by",
    "organisation",
    "changed_at",
    "changed_by",
)


def _value(case: CaseSummary, name: str, lang: str) -> Any:
    value = getattr(case, name)
    if name == "categories":
        return neutralise_formula(category_names(value, lang))
    if name == "verdict":
        return verdict(value, lang) if value else None
    if name == "status":
        return status(value.value, lang)
    if name == "changed_at":
        return value.replace(tzinfo=None)
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, str):
        return neutralise_formula(value)
    return value


def export_cases(cases: Sequence[CaseSummary], target: str | Path, lang: str = "en") -> None:
    headers = [term("column", name, lang) for name in COLUMNS]
    rows = [[_value(c, name, lang) for name in COLUMNS] for c in cases]
    if str(target).lower().endswith(".xlsx"):
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(term("column", "sheet", lang))
        ws.append(headers)
        for row in rows:
            ws.append(row)
        write_with(target, wb.save)
        return
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    write_bytes_atomic(target, ("\ufeff" + buf.getvalue()).encode("utf-8"))
