"""Import a workbook off the GUI thread; when its columns are not recognised, ask the user to map
them (mapping_dialog.py), remember the answer for files of the same shape, and import again."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from donation_checker.errors import DonationCheckerError, InputRejected
from donation_checker.importer import import_inventory, import_offer
from donation_checker.importer.grid import SheetGrid, column_letter, read_csv, read_workbook
from donation_checker.importer.questions import describe_proposal
from donation_checker.importer.sniff import FileKind, inspect
from donation_checker.importer.tables import HEADER_ROW_KEY, SHEET_KEY
from donation_checker.model import ImportReport, Place, Proposal
from donation_checker.render import renderer

from .settings import Settings
from .tasks import CancelFn, ProgressFn, Task, TaskRunner

# Import failures the column-mapping dialog can fix.
MAPPABLE = frozenset({"no_fleet_table", "missing_columns", "no_offer_lines"})
PREVIEW_ROWS = 40
TARGET_TABLE = {"inventory": "fleet", "offer": "offer_lines"}


@dataclass(frozen=True)
class NeedsMapping:
    """What the mapping dialog needs to ask the user: the import could not find its table, or
    it found it with columns only proposed (then `result` is the import as it stands, kept
    when the user closes the dialog)."""

    path: str
    kind: str  # "inventory" | "offer"
    grids: tuple[SheetGrid, ...]  # first PREVIEW_ROWS rows of each sheet
    error: DonationCheckerError
    shape: str
    table: str = ""  # the table to map; "" for the kind's main table
    result: object | None = None
    questions: tuple[Proposal, ...] = ()

    @property
    def target(self) -> str:
        return self.table or TARGET_TABLE[self.kind]


def questions_error(report: ImportReport) -> DonationCheckerError:
    """The questions of an import, said as the dialog's explanation."""
    questions = report.proposals
    en, fr = (
        renderer(lang).word(
            "import.report.questions_error",
            questions="\n".join(describe_proposal(p, lang) for p in questions),
        )
        for lang in ("en", "fr")
    )
    first = questions[0].place if questions else None
    return DonationCheckerError(
        en,
        fr,
        place=Place(report.file, first.sheet, first.row) if first else None,
        reason="unconfirmed_columns",
    )


def shape_of(kind: str, grids: tuple[SheetGrid, ...] | list[SheetGrid]) -> str:
    """A signature of the workbook's layout (its sheet names) used to find a remembered mapping;
    the header cells are checked separately, see remembered_mapping()."""
    names = "\x1f".join(g.name for g in grids)
    return hashlib.sha1(f"{kind}\x1e{names}".encode()).hexdigest()[:16]


def _cells(grid: SheetGrid, row: int) -> list[str]:
    return [str(grid.cell(row, c)).strip() for c in range(grid.width)]


def remembered_mapping(
    entries: list[dict[str, Any]], grids: tuple[SheetGrid, ...]
) -> dict[str, dict[str, str]] | None:
    """The remembered mappings whose sheets still have the same header cells, merged (the most
    recent entry wins for a table)."""
    by_name = {g.name: g for g in grids}
    merged: dict[str, dict[str, str]] = {}
    for entry in entries:
        grid = by_name.get(str(entry.get("sheet")))
        row = entry.get("header_row")
        if grid is None or not isinstance(row, int):
            continue
        if _cells(grid, row) == list(entry.get("headers", [])):
            mapping = entry.get("mapping")
            if isinstance(mapping, dict):
                for t, m in mapping.items():
                    if isinstance(m, dict):
                        merged.setdefault(str(t), {str(f): str(c) for f, c in m.items()})
    return merged or None


def mapping_entry(
    grid: SheetGrid,
    header_row: int,
    table: str,
    fields: Mapping[str, int],
    declined: tuple[str, ...] = (),
) -> dict[str, Any]:
    """What to remember, and the mapping to import with.

    Columns are named by their header text, which the importer looks for to find the header row;
    a header the importer would read as a column letter ("Nbr", "Qty") or a blank one is named
    by its letter instead.
    """
    headers = _cells(grid, header_row)

    def name(column: int) -> str:
        text = headers[column] if column < len(headers) else ""
        looks_like_letters = text.isascii() and text.isalpha() and len(text) <= 3
        return text if text and not looks_like_letters else column_letter(column)

    mapping = {f: name(c) for f, c in fields.items()}
    mapping.update({f: "-" for f in declined if f not in fields})  # a proposal answered "no"
    mapping[SHEET_KEY] = grid.name
    mapping[HEADER_ROW_KEY] = str(header_row + 1)
    return {
        "sheet": grid.name,
        "header_row": header_row,
        "headers": headers,
        "table": table,
        "mapping": {table: mapping},
    }


def preview_grids(path: Path) -> tuple[SheetGrid, ...]:
    """The first rows of every sheet for the mapping dialog, read as the import reads them:
    a formula without a saved value or an error cell shows what it holds, not a blank."""
    found = inspect(path)
    kind = found.kind
    grids = (
        [read_csv(path)] if kind is FileKind.CSV else read_workbook(path, kind, facts=found.sheets)
    )
    return tuple(SheetGrid(g.name, g.rows[:PREVIEW_ROWS], g.merged) for g in grids)


class ImportFlow(QObject):
    """Runs imports; emits `imported` with the Inventory/Offer or `needs_mapping`."""

    started = Signal(str, str)  # kind, file name
    progress = Signal(float, str)
    imported = Signal(str, str, object)  # kind, path, Inventory | Offer
    failed = Signal(str, str)  # kind, message for the user
    cancelled = Signal(str)
    needs_mapping = Signal(object)  # NeedsMapping

    def __init__(
        self,
        runner: TaskRunner,
        settings: Settings,
        lang: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.lang = lang
        self.task: Task | None = None

    def busy(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def start(
        self, path: str | Path, kind: str, mapping: Mapping[str, Mapping[str, str]] | None = None
    ) -> None:
        path = Path(path)
        importer = import_inventory if kind == "inventory" else import_offer
        # QSettings is read here, on the GUI thread; the job only gets plain data.
        known = {shape: self.settings.mappings(shape) for shape in self._shapes()}

        def job(progress: ProgressFn, cancel: CancelFn) -> object:
            try:
                result = importer(path, mapping=mapping, progress=progress, cancel=cancel)
            except InputRejected as exc:
                if exc.reason not in MAPPABLE or mapping is not None:
                    raise
                grids = preview_grids(path)
                shape = shape_of(kind, grids)
                remembered = remembered_mapping(known.get(shape, []), grids)
                if remembered is not None:
                    try:
                        return importer(path, mapping=remembered, progress=progress, cancel=cancel)
                    except InputRejected:
                        pass  # the file changed shape after all: ask again
                return NeedsMapping(str(path), kind, grids, exc, shape)
            report = result.report
            if mapping is not None or report is None or not report.proposals:
                return result  # a mapping from the dialog is the user's answer: no new question
            grids = preview_grids(path)
            shape = shape_of(kind, grids)
            remembered = remembered_mapping(known.get(shape, []), grids)
            if remembered is not None:
                with contextlib.suppress(InputRejected):  # changed shape: ask as if unknown
                    result = importer(path, mapping=remembered, progress=progress, cancel=cancel)
                report = result.report
                if report is None or not report.proposals:
                    return result
            questions = report.proposals
            return NeedsMapping(
                str(path),
                kind,
                grids,
                questions_error(report),
                shape,
                table=questions[0].table,
                result=result,
                questions=questions,
            )

        self.started.emit(kind, path.name)
        self.task = self.runner.submit(
            job,
            name=f"import {kind}",
            on_success=lambda result: self._done(kind, str(path), result),
            on_failure=lambda exc: self._failed(kind, exc),
            on_progress=self.progress.emit,
            on_cancel=lambda: self._cancelled(kind),
        )

    def ask(self, path: str | Path, kind: str, report: ImportReport) -> None:
        """Offer to map the first sheet the import did not read (its best candidate table)."""
        region = next((u for u in report.unread if u.where == "sheet"), None)
        if region is None:
            return
        table = region.candidate or TARGET_TABLE[kind]
        error = DonationCheckerError(
            f"Sheet '{region.sheet}' was not imported ({region.rows} rows): say which table it "
            "holds and map its columns.",
            f"La feuille «\u00a0{region.sheet}\u00a0» n’a pas été importée ({region.rows} lignes)\u00a0: dites "
            "quel tableau elle contient et associez ses colonnes.",
            place=Place(report.file, region.sheet, region.header_row),
            reason="sheet_not_imported",
        )

        def job(_progress: ProgressFn, _cancel: CancelFn) -> object:
            grids = preview_grids(Path(path))
            return NeedsMapping(str(path), kind, grids, error, shape_of(kind, grids), table=table)

        self.task = self.runner.submit(
            job,
            name="preview",
            on_success=lambda result: self._done(kind, str(path), result),
            on_failure=lambda exc: self._failed(kind, exc),
        )

    def _shapes(self) -> list[str]:
        qs = self.settings.qsettings
        qs.beginGroup("mappings")
        try:
            return [str(k) for k in qs.childKeys()]
        finally:
            qs.endGroup()

    def _done(self, kind: str, path: str, result: object) -> None:
        self.task = None
        if isinstance(result, NeedsMapping):
            if result.result is not None:  # imported, with questions: show it, then ask
                self.imported.emit(kind, path, result.result)
            self.needs_mapping.emit(result)
        else:
            self.imported.emit(kind, path, result)

    def _failed(self, kind: str, exc: BaseException) -> None:
        self.task = None
        if isinstance(exc, DonationCheckerError):
            message = exc.describe(self.lang())
        elif isinstance(exc, OSError):
            message = self.tr("The file cannot be read: {error}").format(error=exc.strerror or exc)
        else:
            message = self.tr("The import failed unexpectedly; the details are in the log file.")
        self.failed.emit(kind, message)

    def _cancelled(self, kind: str) -> None:
        self.task = None
        self.cancelled.emit(kind)
