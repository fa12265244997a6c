"""Read every sheet of a workbook (or a CSV file) into plain grids of cell values.

Bulk values come from calamine (Rust), about ten times faster than openpyxl on large sheets
(see benchmarks/RESULTS.md); it also reads legacy .xls and .ods and respects the 1904 date
system. Grids keep absolute positions: row i is Excel row i + 1, column j is letter j.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import python_calamine as pc

from ..errors import InputRejected
from ..model import Place
from .sniff import FileKind

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]


class ImportCancelled(Exception):
    """The user cancelled a running import."""


@dataclass
class SheetGrid:
    name: str
    rows: list[list[object]]  # ragged rows allowed; "" marks an empty cell
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows[:200]), default=0)

    def cell(self, r: int, c: int) -> object:
        if r < len(self.rows) and c < len(self.rows[r]):
            return self.rows[r][c]
        return ""


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read_workbook(
    path: Path, kind: FileKind, progress: Progress | None = None, cancel: Cancel | None = None
) -> list[SheetGrid]:
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise InputRejected(
            f"The workbook cannot be read ({_short(exc)}).",
            f"Le classeur ne peut pas être lu ({_short(exc)}).",
            hint="Open it in Excel or LibreOffice and save it again as .xlsx.",
            hint_fr="Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau en .xlsx.",
            place=Place(path.name),
            reason="unreadable_workbook",
        ) from exc
    grids: list[SheetGrid] = []
    names = wb.sheet_names
    visible = {m.name for m in wb.sheets_metadata if str(m.visible).lower().endswith("visible")}
    for i, name in enumerate(names):
        if cancel and cancel():
            raise ImportCancelled
        if visible and name not in visible:
            continue  # hidden and very hidden sheets are reported, not imported
        if progress:
            progress(i / max(1, len(names)), name)
        try:
            sheet = wb.get_sheet_by_name(name)
            rows = cast(list[list[object]], sheet.to_python(skip_empty_area=False))
            merged = list(sheet.merged_cell_ranges or [])
        except Exception as exc:
            raise InputRejected(
                f"The sheet cannot be read ({_short(exc)}).",
                f"La feuille ne peut pas être lue ({_short(exc)}).",
                hint="Open the workbook in Excel, check this sheet and save it again.",
                hint_fr="Ouvrez le classeur dans Excel, vérifiez cette feuille et enregistrez-le.",
                place=Place(path.name, name),
                reason="unreadable_sheet",
            ) from exc
        grids.append(SheetGrid(name, rows, merged))
    return grids


def hidden_sheets(path: Path) -> list[str]:
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except Exception:
        return []
    return [m.name for m in wb.sheets_metadata if not str(m.visible).lower().endswith("visible")]


def read_csv(path: Path) -> SheetGrid:
    """Read a CSV/TSV file as text cells only: nothing is guessed as a number or a date here."""
    raw = path.read_bytes()
    text = _decode(raw, path)
    sample = text[:65536]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows: list[list[object]] = [list(r) for r in reader]
    except csv.Error as exc:
        raise InputRejected(
            f"The CSV file is malformed ({exc}).",
            f"Le fichier CSV est mal formé ({exc}).",
            hint="Check the quotes in the file or export it again.",
            hint_fr="Vérifiez les guillemets du fichier ou exportez-le de nouveau.",
            place=Place(path.name),
            reason="bad_csv",
        ) from exc
    return SheetGrid("", rows)


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputRejected(
        "The CSV file's text encoding is not recognised.",
        "L'encodage du fichier CSV n'est pas reconnu.",
        hint="Save it again as 'CSV UTF-8'.",
        hint_fr="Enregistrez-le de nouveau en « CSV UTF-8 ».",
        place=Place(path.name),
        reason="bad_encoding",
    )


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
