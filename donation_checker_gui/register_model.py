"""The register's list as a Qt model that pages through the query: the view asks for more rows
as the officer scrolls, so a register of ten thousand cases never loads at once. Each page is
read on the task runner's thread; a page of a filter since replaced is dropped on arrival."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from donation_checker.formatting import fmt_date, fmt_score
from donation_checker.gcpause import live_objects_set_aside
from donation_checker.register import CaseFilter, CaseSummary, Page, Register
from donation_checker.register.words import category_names, status, term, verdict

from .tasks import CancelFn, ProgressFn, TaskRunner

PAGE_SIZE = 100
# The list's columns, headed by the catalogue's register.column.* entries as the export is.
COLUMNS: tuple[str, ...] = (
    "number",
    "donor",
    "reference",
    "offer_date",
    "categories",
    "units",
    "verdict",
    "score",
    "status",
)

Index = QModelIndex | QPersistentModelIndex


def cell_text(case: CaseSummary, column: str, lang: str) -> str:
    """What the list shows of a case, through the core's formatters and tables."""
    if column == "offer_date":
        return fmt_date(case.offer_date, lang) if case.offer_date else ""
    if column == "categories":
        return category_names(case.categories, lang)
    if column == "units":
        return str(case.units)
    if column == "verdict":
        return verdict(case.verdict, lang)
    if column == "score":
        return fmt_score(case.score, lang)
    if column == "status":
        return status(case.status.value, lang)
    value = getattr(case, column)
    return "" if value is None else str(value)


class CaseListModel(QAbstractTableModel):
    """The cases passing a filter, newest first, one page fetched at a time."""

    loaded = Signal()  # a page arrived (the first one after a reset, or one more)
    failed = Signal(object)  # the register could not be read: the exception

    def __init__(self, lang: str, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.runner = runner
        self.register: Register | None = None
        self.filters = CaseFilter()
        self.cases: list[CaseSummary] = []
        self.total = 0
        self.page_size = PAGE_SIZE
        self.generation = 0  # bumped by each reload: older pages are dropped
        self.fetching = False

    def set_register(self, register: Register | None) -> None:
        self.register = register
        self.reload()

    def set_filters(self, filters: CaseFilter) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a filter change or a saved change)."""
        self.generation += 1
        self.fetching = False
        self._read(0)

    def case_at(self, row: int) -> CaseSummary | None:
        return self.cases[row] if 0 <= row < len(self.cases) else None

    # --- paging ---------------------------------------------------------------------------

    def _read(self, offset: int) -> None:
        register, filters, size = self.register, self.filters, self.page_size
        if register is None:
            self._arrived(self.generation, Page((), 0, 0, size))
            return
        generation = self.generation
        self.fetching = True

        def job(progress: ProgressFn, cancel: CancelFn) -> Page:
            # The window's live objects stay out of the collections this reading sets off:
            # a full collection would hold the interpreter lock, and the window, for ~80 ms.
            with live_objects_set_aside():
                return register.list_cases(filters, offset, size)

        self.runner.submit(
            job,
            name="register list",
            on_success=lambda page: self._arrived(generation, page),
            on_failure=lambda exc: self._failed(generation, exc),
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self.generation:
            self.fetching = False
            self.failed.emit(exc)

    def _arrived(self, generation: int, page: Page) -> None:
        if generation != self.generation:
            return
        self.fetching = False
        if page.offset == 0:
            self.beginResetModel()
            self.cases = list(page.items)
            self.total = page.total
            self.endResetModel()
            self.loaded.emit()
            return
        known = {c.number for c in self.cases}
        # A case recorded meanwhile shifts the pages: never show one twice.
        fresh = [c for c in page.items if c.number not in known]
        self.total = page.total if fresh else len(self.cases)
        if fresh:
            first = len(self.cases)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self.cases.extend(fresh)
            self.endInsertRows()
        self.loaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.fetching and len(self.cases) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid() and not self.fetching and self.register is not None:
            self._read(len(self.cases))

    # --- table ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        case = self.case_at(index.row())
        if case is None:
            return None
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(case, column, self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("units", "score"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return term("column", COLUMNS[section], self.lang)
        return None
