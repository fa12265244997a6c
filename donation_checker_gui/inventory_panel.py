"""Inventory area: open a workbook, follow the import, read the import report, browse each table."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from donation_checker.importer import INVENTORY_TABLES
from donation_checker.importer.questions import describe_proposal, describe_unread
from donation_checker.importer.texts import ignored_column
from donation_checker.model import ROW_COLUMN, SHEET_COLUMN, ImportReport

from .labels import rows_imported_text, table_label
from .session import Session
from .table_models import FrameModel, is_missing

_ISSUE_COLUMNS = ("kind", "table", "sheet", "row", "column", "problem")
_HIDDEN_COLUMNS = ("make_key", "model_key")


def make_table_view(
    model: FrameModel, name: str, sortable: bool = True, wrap_headers: bool = False
) -> QTableView:
    """`wrap_headers`: headers break between words over two lines, so a narrow pane shows
    every column of a small report table ("Header row", "Columns ignored")."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    # No sort until the user asks: rows first appear in the file's order.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(sortable)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultSectionSize(110)
    view.verticalHeader().setDefaultSectionSize(22)
    # Column widths are measured on a sample of rows, not on all 100,000 of a large fleet: each
    # measured row costs eight data() calls per column on the GUI thread.
    view.horizontalHeader().setResizeContentsPrecision(50)
    if wrap_headers:
        header = view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(2 * header.fontMetrics().lineSpacing() + 8)
        header.setProperty("wrapped", True)
    return view


def _has_values(column: pd.Series) -> bool:
    """Whether a column holds any value; a filled column answers from its first cells, so the
    GUI thread scans whole columns only for empty ones."""
    head = column.iloc[:256].to_numpy(dtype=object)
    return any(not is_missing(v) for v in head) or bool(column.notna().any())


FIT_SAMPLE_ROWS = 50


def fit_columns(view: QTableView, cap: int = 320) -> None:
    """Size columns to their header and the text of their first rows, at most `cap` pixels;
    the last one stretches. The text is measured here rather than by Qt's resize to contents,
    which asks the model eight roles per measured cell: on the GUI thread that froze the window
    for a tenth of a second after a large import."""
    model = view.model()
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
    pad = 2 * (margin + 1) + 2  # the delegate's text margins and the grid line
    rows = min(model.rowCount(), FIT_SAMPLE_ROWS)
    # The last column takes the room left (stretch): a long message in it is elided, with
    # its whole text in the tooltip, rather than pushing the table behind a scroll bar.
    wrapped = bool(header.property("wrapped"))
    for column in range(model.columnCount() - 1):
        width = header.sectionSizeHint(column)
        if wrapped:  # the header's longest word, not its whole title
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            words = title.split() or [""]
            width = max(header.fontMetrics().horizontalAdvance(w) for w in words) + 2 * pad
        for row in range(rows):
            text = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if text:
                width = max(width, metrics.horizontalAdvance(str(text)) + pad)
        view.setColumnWidth(column, min(width, cap))
    if model.columnCount():
        view.setColumnWidth(model.columnCount() - 1, header.minimumSectionSize())


class InventoryPanel(QWidget):
    open_requested = Signal()
    cancel_requested = Signal()
    map_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        self._build()
        session.inventory_changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open inventory…"))
        self.open_button.setAccessibleName(self.tr("Open inventory"))
        self.open_button.clicked.connect(self.open_requested)
        self.file_label = QLabel()
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setRange(0, 1000)
        self.progress.setMinimumWidth(220)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        bar.addWidget(self.open_button)
        bar.addWidget(self.file_label, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        layout.addLayout(bar)
        self.set_busy(False)

        self.stack = QStackedWidget()
        self.empty = QLabel(
            self.tr(
                "Open the recipient's inventory workbook (File ▸ Open "
                "inventory, Ctrl+O) or drop it on this window.\n\nExcel "
                "(.xlsx, .xls), OpenDocument (.ods) and CSV files are read."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Import report</b>")))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left_layout.addWidget(self.summary)
        self.map_button = QPushButton(self.tr("Map a sheet not imported…"))
        self.map_button.setAccessibleName(self.tr("Map a sheet not imported"))
        self.map_button.clicked.connect(self.map_requested)
        self.map_button.setVisible(False)
        left_layout.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tables_model = FrameModel(lang=self.lang, parent=self)
        self.tables_view = make_table_view(
            self.tables_model, self.tr("Tables imported"), False, wrap_headers=True
        )
        self.tables_view.verticalHeader().setVisible(False)
        left_layout.addWidget(self.tables_view)
        self.issues_title = QLabel()
        left_layout.addWidget(self.issues_title)
        self.issue_model = FrameModel(lang=self.lang, parent=self)
        self.issue_view = make_table_view(
            self.issue_model, self.tr("Rows not imported and warnings")
        )
        left_layout.addWidget(self.issue_view, 1)
        # Takes the spare height when there is no issue to list, so the report stays at the top.
        self.filler = QWidget()
        left_layout.addWidget(self.filler, 1)
        split.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        self.table_choice = QComboBox()
        self.table_choice.setAccessibleName(self.tr("Table shown"))
        self.table_choice.currentIndexChanged.connect(self._show_table)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter rows…"))
        self.filter.setAccessibleName(self.tr("Filter rows"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.count = QLabel()
        tools.addWidget(QLabel(self.tr("Table:")))
        tools.addWidget(self.table_choice)
        tools.addWidget(self.filter, 1)
        tools.addWidget(self.count)
        right_layout.addLayout(tools)
        self.table_model = FrameModel(lang=self.lang, parent=self)
        self.table_view = make_table_view(self.table_model, self.tr("Inventory table"))
        right_layout.addWidget(self.table_view, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([660, 706])
        self.stack.addWidget(split)
        layout.addWidget(self.stack, 1)

    # --- import progress ----------------------------------------------------------------------

    def set_busy(self, busy: bool, file_name: str = "") -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.open_button.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("Reading {file}… %p%").format(file=file_name))

    def show_progress(self, fraction: float, label: str) -> None:
        self.progress.setValue(int(fraction * 1000))

    # --- content ------------------------------------------------------------------------------

    def refresh(self) -> None:
        inv = self.session.inventory
        if inv is None:
            self.stack.setCurrentIndex(0)
            self.file_label.setText(self.tr("No inventory loaded."))
            return
        self.stack.setCurrentIndex(1)
        self.file_label.setText(self.session.inventory_path or inv.report.file)
        self.file_label.setToolTip(f"SHA-256 {inv.report.sha256}")
        self.summary.setText(self.summary_text(inv.report))
        self.tables_model.set_frame(
            tables_frame(inv.report, self.lang),
            None,
            [
                self.tr("Table"),
                self.tr("Sheet"),
                self.tr("Header row"),
                self.tr("Imported"),
                self.tr("Rejected"),
                self.tr("Skipped"),
                self.tr("Columns ignored"),
            ],
        )
        fit_columns(self.tables_view, 140)
        # Every table of the report in view without scrolling: a workbook has a handful.
        view = self.tables_view
        rows = view.model().rowCount()
        needed = (
            view.horizontalHeader().height() + rows * view.verticalHeader().defaultSectionSize()
        )
        needed += 2 * view.frameWidth() + view.horizontalScrollBar().sizeHint().height()
        view.setMinimumHeight(min(needed, 320))
        view.setMaximumHeight(max(needed, 120))
        issues = issue_frame(inv.report, self.lang)
        self.issue_model.set_frame(
            issues,
            _ISSUE_COLUMNS,
            [
                self.tr("Kind"),
                self.tr("Table"),
                self.tr("Sheet"),
                self.tr("Row"),
                self.tr("Column"),
                self.tr("Problem"),
            ],
        )
        fit_columns(self.issue_view, 300)
        self.issue_view.setVisible(len(issues) > 0)
        self.filler.setVisible(len(issues) == 0)
        self.issues_title.setText(
            self.tr("<b>Rows not imported, warnings and skipped rows</b>")
            if len(issues)
            else self.tr("Every row was imported; nothing to report.")
        )
        self.table_choice.blockSignals(True)
        self.table_choice.clear()
        for name in INVENTORY_TABLES:
            table = inv.table(name)
            if table is not None:
                self.table_choice.addItem(
                    f"{table_label(name)} ({QLocale().toString(len(table))})", name
                )
        self.table_choice.blockSignals(False)
        self.table_choice.setCurrentIndex(0)
        self._show_table()

    def summary_text(self, report: ImportReport) -> str:
        lines = [rows_imported_text(report.rows_imported, report.rows_rejected)]
        if report.missing_tables:
            lines.append(
                self.tr("Not found: {tables}").format(
                    tables=", ".join(table_label(t) for t in report.missing_tables)
                )
            )
        if report.unread:
            lines.append(self.tr("Data not imported:"))
            lines += [f"  • {describe_unread(u, self.lang)}" for u in report.unread]
        elif report.unrecognised_sheets:
            lines.append(
                self.tr("Sheets not recognised: {sheets}").format(
                    sheets=", ".join(report.unrecognised_sheets)
                )
            )
        if report.proposals:
            lines.append(self.tr("Columns proposed, not used until you confirm them:"))
            lines += [f"  ? {describe_proposal(p, self.lang)}" for p in report.proposals]
        self.map_button.setVisible(any(u.where == "sheet" for u in report.unread))
        return "\n".join(lines)

    def _show_table(self) -> None:
        inv = self.session.inventory
        name = self.table_choice.currentData()
        table = inv.table(name) if inv is not None and name else None
        if table is None:
            self.table_model.set_frame(pd.DataFrame())
        else:
            columns = [
                c
                for c in table.frame.columns
                if c not in _HIDDEN_COLUMNS
                and (c in (ROW_COLUMN, SHEET_COLUMN) or _has_values(table.frame[c]))
            ]
            columns = [c for c in columns if c not in (ROW_COLUMN, SHEET_COLUMN)] + [
                SHEET_COLUMN,
                ROW_COLUMN,
            ]
            self.table_model.set_frame(table.frame, columns)
            self.table_model.set_filter(self.filter.text())
            fit_columns(self.table_view, 200)
        self._count()

    def _filter(self, text: str) -> None:
        self.table_model.set_filter(text)
        self._count()

    def _count(self) -> None:
        self.count.setText(
            self.tr("{shown} of %Ln rows", "", self.table_model.total_rows()).format(
                shown=QLocale().toString(self.table_model.rowCount())
            )
        )


def tables_frame(report: ImportReport, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame.from_records(
        [
            (
                table_label(t.table),
                t.sheet,
                t.header_row,
                t.rows_imported,
                t.rows_rejected,
                t.rows_skipped,
                ", ".join(ignored_column(c, lang) for c in t.ignored_columns),
            )
            for t in report.tables
        ],
        columns=["table", "sheet", "header_row", "imported", "rejected", "skipped", "ignored"],
    )


def issue_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    """One row per rejected row, warning or skipped row, with its place and reason."""
    kinds = (
        ("rejected", QCoreApplication.translate("InventoryPanel", "rejected")),
        ("warnings", QCoreApplication.translate("InventoryPanel", "warning")),
        ("skipped", QCoreApplication.translate("InventoryPanel", "skipped")),
    )
    records = []
    for t in report.tables:
        for attr, kind in kinds:
            for issue in getattr(t, attr):
                records.append(
                    {
                        "kind": kind,
                        "table": table_label(t.table),
                        "sheet": issue.place.sheet,
                        "row": issue.place.row,
                        "column": issue.place.column,
                        "problem": issue.message_fr if lang == "fr" else issue.message,
                    }
                )
    for issue in report.warnings:
        records.append(
            {
                "kind": kinds[1][1],
                "table": "",
                "sheet": issue.place.sheet,
                "row": issue.place.row,
                "column": issue.place.column,
                "problem": issue.message_fr if lang == "fr" else issue.message,
            }
        )
    return pd.DataFrame.from_records(records, columns=list(_ISSUE_COLUMNS))
