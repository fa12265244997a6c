"""Workbook helpers for the sample generator: styles, tables, and byte-stable saving."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FIXED_TIME = dt.datetime(2025, 12, 31, 8, 0, 0)
ZIP_TIME = (2025, 12, 31, 8, 0, 0)

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
TITLE_FONT = Font(bold=True, size=13)
BOLD = Font(bold=True)
WRAP_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def new_workbook(creator: str) -> Workbook:
    wb = Workbook()
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def first_sheet(wb: Workbook, title: str) -> Worksheet:
    ws = wb.active
    if not isinstance(ws, Worksheet):
        raise TypeError("a new workbook always has a worksheet")
    ws.title = title
    return ws


def title_rows(ws: Worksheet, titles: Sequence[str], width: int) -> None:
    """Title lines above a table, each merged across the table's width (blank strings skip)."""
    for i, text in enumerate(titles, start=1):
        if not text:
            continue
        ws.cell(row=i, column=1, value=text).font = TITLE_FONT if i == 1 else BOLD
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)


def header_cell(ws: Worksheet, row: int, col: int, text: str | None) -> None:
    cell = ws.cell(row=row, column=col, value=text)
    cell.font = BOLD
    cell.fill = HEADER_FILL
    cell.alignment = WRAP_CENTER
    cell.border = BORDER


def header_row(ws: Worksheet, row: int, headers: Sequence[str]) -> None:
    for col, text in enumerate(headers, start=1):
        header_cell(ws, row, col, text)


def write_rows(
    ws: Worksheet,
    first_row: int,
    rows: Iterable[Sequence[Any]],
    code_columns: Iterable[int] = (),
    date_columns: Iterable[int] = (),
    money_columns: Iterable[int] = (),
) -> int:
    """Write rows (1-based column positions); return the next free row.

    Code columns become text cells with the '@' format so leading zeros survive in Excel too.
    Empty strings and None leave the cell empty, as a person would.
    """
    codes, dates, money = set(code_columns), set(date_columns), set(money_columns)
    r = first_row
    for values in rows:
        for col, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            cell = ws.cell(row=r, column=col, value=value)
            cell.border = BORDER
            if col in codes:
                cell.value = str(value)
                cell.data_type = "s"
                cell.number_format = "@"
            elif col in dates:
                cell.number_format = "DD/MM/YYYY"
            elif col in money and isinstance(value, int | float):
                cell.number_format = "#,##0"
        r += 1
    return r


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialise with fixed zip timestamps and a fixed modification date.

    openpyxl stamps the current time into docProps/core.xml and into every zip entry on save,
    so the raw output differs from run to run; rewriting both makes the bytes reproducible.
    """
    raw = io.BytesIO()
    wb.save(raw)
    fixed = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + fixed + rb"\g<2>",
                    data,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, data)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it: a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; these are ordinary repository files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
