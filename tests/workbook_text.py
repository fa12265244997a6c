"""The text a workbook shows, for tests that check what an export writes."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook


def workbook_text(path: Path) -> str:
    """Every non-empty cell of every sheet, one per line."""
    wb = load_workbook(path, read_only=True)
    try:
        return "\n".join(
            str(v)
            for ws in wb.worksheets
            for row in ws.iter_rows(values_only=True)
            for v in row
            if v is not None
        )
    finally:
        wb.close()
