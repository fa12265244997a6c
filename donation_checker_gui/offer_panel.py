"""Offer area: the offer's header as a form, and its lines as an editable, undoable table."""

from __future__ import annotations

import csv
import io
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from donation_checker.importer import load_vocabulary
from donation_checker.model import Offer, OfferHeader

from .labels import cell_problem, field_label, labelled, value_word
from .offer_model import ERROR_COLOUR, OfferLinesModel, Row, check_cell, problem_text, value_text
from .session import Session


def parse_clipboard(text: str) -> list[list[str]]:
    """A block copied from Excel: tab-separated cells, quoted when they hold line breaks."""
    text = text.rstrip("\r\n")
    if not text:
        return []
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t")]


def header_columns(cells: list[str]) -> dict[int, str] | None:
    """When a pasted block starts with headers (two or more recognised), column -> field."""
    matched = load_vocabulary().match_columns("offer_lines", cells)
    return {c: f for c, (f, _) in matched.items()} if len(matched) >= 2 else None


class LinesView(QTableView):
    """The lines table with spreadsheet keys: paste a block, copy a selection, clear cells."""

    def __init__(self, model: OfferLinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = model
        self.setModel(model)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(105)
        self.verticalHeader().setDefaultSectionSize(22)
        self.fit_headers()
        # As in a spreadsheet: typing, F2 or a double click edits; moving around does not.
        triggers = QTableView.EditTrigger
        self.setEditTriggers(
            triggers.DoubleClicked
            | triggers.EditKeyPressed
            | triggers.AnyKeyPressed
            | triggers.SelectedClicked
        )

    def fit_headers(self) -> None:
        """Widen a column whose title is longer than the default width (French titles are)."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(self.lines.columnCount()):
            title = str(self.lines.headerData(column, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(title) + 2 * metrics.averageCharWidth() + 8
            header.resizeSection(column, max(header.defaultSectionSize(), needed))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
        elif event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.selection_text())
        elif (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QTableView.State.EditingState
            and self.selectedIndexes()
        ):
            self.clear_selection()
        else:
            super().keyPressEvent(event)

    def paste(self, text: str) -> None:
        block = parse_clipboard(text)
        if not block:
            return
        mapping = header_columns(block[0])
        if mapping is not None:  # a block with its header row: append as new lines
            rows: list[Row] = [
                {f: cells[c] for c, f in mapping.items() if c < len(cells)} for cells in block[1:]
            ]
            label = QCoreApplication.translate("LinesView", "Paste lines")
            self.lines.replace_all(self.lines.rows() + rows, label)
            return
        current = self.currentIndex()
        top = current.row() if current.isValid() else self.lines.rowCount()
        left = current.column() if current.isValid() else 0
        self.lines.paste_block(top, left, block)

    def selection_text(self) -> str:
        indexes = sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes:
            return ""
        rows: dict[int, dict[int, str]] = {}
        for i in indexes:
            rows.setdefault(i.row(), {})[i.column()] = str(i.data() or "")
        cols = sorted({i.column() for i in indexes})
        return "\n".join("\t".join(r.get(c, "") for c in cols) for r in rows.values())

    def clear_selection(self) -> None:
        stack = self.lines.stack
        stack.beginMacro(QCoreApplication.translate("LinesView", "Clear cells"))
        try:
            for i in self.selectedIndexes():
                self.lines.setData(i, "")
        finally:
            stack.endMacro()


class OfferPanel(QWidget):
    import_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        self.model = session.lines
        self._editors: dict[str, QWidget] = {}
        self._build()
        self.load_header(session.header)
        self.set_notes(session.notes)
        self.model.changed.connect(self._update_status)
        session.offer_changed.connect(self._update_status)
        self._update_status()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        header_box = QGroupBox(self.tr("Offer"))
        form_row = QHBoxLayout(header_box)
        forms = [QFormLayout(), QFormLayout(), QFormLayout()]
        for form in forms:
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form_row.addLayout(form, 1)
        spec = load_vocabulary().table("offer_header")
        for i, field in enumerate(spec.fields):
            editor = self._editor(field.name, field.type)
            forms[min(i * 3 // len(spec.fields), 2)].addRow(
                labelled(field_label(field.name)), editor
            )
        notes_box = QVBoxLayout()
        notes_box.addWidget(QLabel(self.tr("Officer's notes:")))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Officer's notes"))
        self.notes.setPlaceholderText(self.tr("Notes kept with the case (not in the report)"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(120)
        self.notes.textChanged.connect(lambda: self.session.set_notes(self.notes.toPlainText()))
        notes_box.addWidget(self.notes)
        form_row.addLayout(notes_box, 1)
        layout.addWidget(header_box)

        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add line"))
        self.add_button.clicked.connect(self.add_line)
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.clicked.connect(self.duplicate_lines)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_lines)
        self.import_button = QPushButton(self.tr("Import lines from Excel/CSV…"))
        self.import_button.clicked.connect(self.import_requested)
        self.paste_button = QPushButton(self.tr("Paste from Excel"))
        self.paste_button.setToolTip(
            self.tr("Paste a block of cells copied from a spreadsheet (Ctrl+V in the table)")
        )
        self.paste_button.clicked.connect(
            lambda: self.view.paste(QGuiApplication.clipboard().text())
        )
        for button in (
            self.add_button,
            self.duplicate_button,
            self.delete_button,
            self.paste_button,
            self.import_button,
        ):
            button.setAccessibleName(button.text().rstrip("…"))
            bar.addWidget(button)
        bar.addStretch(1)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.status)
        layout.addLayout(bar)

        self.view: LinesView = LinesView(self.model)
        self.view.setAccessibleName(self.tr("Offer lines"))
        layout.addWidget(self.view, 1)
        hint = QLabel(
            self.tr(
                "Columns marked * are required. A cell in red cannot be read: hover "
                "over it to see why. Lines with a red required cell are left out "
                "of the assessment."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def _editor(self, name: str, ftype: str) -> QWidget:
        editor: QWidget
        if ftype == "bool":
            combo = QComboBox()
            combo.addItem(self.tr("Not stated"), None)
            combo.addItem(self.tr("Yes"), True)
            combo.addItem(self.tr("No"), False)
            combo.currentIndexChanged.connect(self._header_edited)
            editor = combo
        else:
            line = QLineEdit()
            if ftype == "date":
                line.setPlaceholderText(self.tr("e.g. 12/03/2026"))
            line.editingFinished.connect(self._header_edited)
            line.textChanged.connect(lambda _t, n=name, t=ftype: self._check_header(n, t))
            editor = line
        editor.setAccessibleName(field_label(name))
        self._editors[name] = editor
        return editor

    def set_notes(self, text: str) -> None:
        if self.notes.toPlainText() != text:
            self.notes.blockSignals(True)
            self.notes.setPlainText(text)
            self.notes.blockSignals(False)

    # --- header -------------------------------------------------------------------------------

    def load_header(self, header: OfferHeader) -> None:
        for name, editor in self._editors.items():
            value = getattr(header, name)
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex({None: 0, True: 1, False: 2}.get(value, 0))
            elif isinstance(editor, QLineEdit):
                editor.setText(
                    value.strftime("%d/%m/%Y") if name == "date" and value else value_text(value)
                )
                editor.setCursorPosition(0)
            editor.blockSignals(False)

    def _check_header(self, name: str, ftype: str) -> None:
        editor = self._editors[name]
        assert isinstance(editor, QLineEdit)
        check = check_cell(editor.text(), ftype, name, False)
        editor.setStyleSheet(f"background: {ERROR_COLOUR};" if check.problem else "")
        editor.setToolTip(
            cell_problem(field_label(name), problem_text(check.problem, self.lang))
            if check.problem
            else ""
        )

    def header(self) -> OfferHeader:
        spec = load_vocabulary().table("offer_header")
        values: dict[str, Any] = {}
        for field in spec.fields:
            editor = self._editors[field.name]
            if isinstance(editor, QComboBox):
                values[field.name] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                check = check_cell(editor.text(), field.type, field.name, False)
                values[field.name] = None if check.problem else check.value
        return OfferHeader(**values)

    def _header_edited(self) -> None:
        self.session.set_header(self.header())

    # --- lines --------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})

    def add_line(self) -> None:
        row = self.model.add_line()
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.setFocus()

    def duplicate_lines(self) -> None:
        self.model.duplicate(
            self.selected_rows()
            or ([self.view.currentIndex().row()] if self.view.currentIndex().isValid() else [])
        )

    def delete_lines(self) -> None:
        rows = self.selected_rows()
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        self.model.delete(rows)

    def load_offer(self, offer: Offer) -> None:
        """Replace the lines with an imported offer's (one undo step); fill the header too."""
        rows = [
            {
                f: value_word(f, value_text(getattr(line, f), self.lang))
                for f, _ in self.model.fields
                if value_text(getattr(line, f))
            }
            for line in offer.lines
        ]
        self.model.replace_all(rows, self.tr("Import lines"))
        self.load_header(offer.header)
        self.session.set_header(offer.header)

    def _update_status(self) -> None:
        total = self.model.rowCount()
        valid = len(self.model.valid_lines())
        problems = self.model.problem_count()
        text = self.tr("{lines}, {complete}").format(
            lines=self.tr("%Ln lines", "", total), complete=self.tr("%Ln complete", "", valid)
        )
        if problems:
            text += " · " + self.tr("%Ln cells to check", "", problems)
        self.status.setText(text)
