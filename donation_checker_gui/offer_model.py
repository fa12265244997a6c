"""The editable table of offer lines: raw text per cell, parsed and checked like an imported file.

Cells keep exactly what the user typed (codes keep their leading zeros); each edit is parsed with
the importer's own converters, so "1 200", "12,5" and "oui" mean the same here as in a workbook.
Every change goes through the QUndoStack, so the view's edits, pastes and imports can be undone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QUndoCommand, QUndoStack

from donation_checker.importer import load_vocabulary
from donation_checker.importer.convert import convert_column
from donation_checker.importer.texts import problem_phrase
from donation_checker.model import OfferLine

from .labels import cell_problem, field_label

AnyIndex = QModelIndex | QPersistentModelIndex
ERROR_COLOUR = "#f8d7da"
Row = dict[str, str]  # field -> raw text as typed; absent or "" means not stated


@dataclass(frozen=True)
class CellCheck:
    value: object  # parsed value, None when blank or unreadable
    problem: str | None  # problem code from the importer's converters


def offer_fields() -> tuple[tuple[str, str], ...]:
    """(field, type) of every offer-line field, in the vocabulary's order."""
    spec = load_vocabulary().table("offer_lines")
    return tuple((f.name, f.type) for f in spec.fields)


def required_fields() -> tuple[str, ...]:
    return load_vocabulary().table("offer_lines").required


def check_cell(text: str, ftype: str, field: str, required: bool) -> CellCheck:
    if not text.strip():
        return CellCheck(None, "missing_required" if required else None)
    conv = convert_column(pd.Series([text], dtype=object), ftype, field_name=field)
    value = conv.values.iat[0]
    problem = conv.problems.iat[0]
    if problem == "code_stored_as_number":
        problem = None  # typed text is a code as typed: nothing was lost
    if (
        problem is None
        and field in ("quantity", "mechanics_trained", "drivers_trained")
        and isinstance(value, int | float)
        and value < 0
    ):
        return CellCheck(None, "negative")
    return CellCheck(value, str(problem) if problem else None)


def problem_text(code: str, lang: str) -> str:
    return problem_phrase(code, lang)


def value_text(value: object, lang: str = "en") -> str:
    """An imported value back to editable text (yes/no in the interface language; the cell
    parser reads both languages)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        if lang == "fr":
            return "oui" if value else "non"
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)


class OfferLinesModel(QAbstractTableModel):
    changed = Signal()  # any change of content (edit, insert, remove, reset)

    def __init__(self, undo_stack: QUndoStack, lang: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.stack = undo_stack
        self.lang = lang
        self.fields = offer_fields()
        self.required = set(required_fields())
        self._rows: list[Row] = []
        self._checks: list[dict[str, CellCheck]] = []
        for sig in (self.dataChanged, self.rowsInserted, self.rowsRemoved, self.modelReset):
            sig.connect(lambda *_args: self.changed.emit())

    # --- content ------------------------------------------------------------------------------

    def rows(self) -> list[Row]:
        return [dict(r) for r in self._rows]

    def field_at(self, column: int) -> str:
        return self.fields[column][0]

    def column_of(self, field: str) -> int:
        return next(i for i, (f, _) in enumerate(self.fields) if f == field)

    def _check_row(self, row: Row) -> dict[str, CellCheck]:
        return {f: check_cell(row.get(f, ""), t, f, f in self.required) for f, t in self.fields}

    def problems(self, row: int) -> dict[str, str]:
        return {f: c.problem for f, c in self._checks[row].items() if c.problem}

    def problem_count(self) -> int:
        return sum(1 for checks in self._checks for c in checks.values() if c.problem)

    def valid_lines(self) -> tuple[tuple[int, OfferLine], ...]:
        """Lines whose required cells are readable, with their row; an unreadable optional cell
        counts as not stated (unknown), never as zero."""
        out: list[tuple[int, OfferLine]] = []
        names = {f for f in OfferLine.__dataclass_fields__ if f != "row"}
        for i, checks in enumerate(self._checks):
            if any(checks[f].problem for f in self.required):
                continue
            kwargs: dict[str, Any] = {}
            for f, c in checks.items():
                if f in names and c.value is not None and not c.problem:
                    kwargs[f] = _coerce(f, c.value)
            out.append((i, OfferLine(row=i + 1, **kwargs)))
        return tuple(out)

    # --- raw operations (called by undo commands only) ----------------------------------------

    def _set_cell(self, row: int, field: str, text: str) -> None:
        self._rows[row][field] = text
        ftype = dict(self.fields)[field]
        self._checks[row][field] = check_cell(text, ftype, field, field in self.required)
        col = self.column_of(field)
        self.dataChanged.emit(self.index(row, col), self.index(row, col))

    def _insert(self, position: int, rows: Sequence[Row]) -> None:
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), position, position + len(rows) - 1)
        for offset, row in enumerate(rows):
            self._rows.insert(position + offset, dict(row))
            self._checks.insert(position + offset, self._check_row(row))
        self.endInsertRows()

    def _remove(self, positions: Sequence[int]) -> list[tuple[int, Row]]:
        removed: list[tuple[int, Row]] = []
        for pos in sorted(positions, reverse=True):
            self.beginRemoveRows(QModelIndex(), pos, pos)
            removed.append((pos, self._rows.pop(pos)))
            self._checks.pop(pos)
            self.endRemoveRows()
        return sorted(removed)

    def _reset(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self._checks = [self._check_row(r) for r in self._rows]
        self.endResetModel()

    # --- undoable operations ------------------------------------------------------------------

    def add_line(self, row: Row | None = None, position: int | None = None) -> int:
        pos = len(self._rows) if position is None else position
        self.stack.push(
            _Insert(
                self, pos, [row or {}], QCoreApplication.translate("OfferLinesModel", "Add line")
            )
        )
        return pos

    def duplicate(self, rows: Sequence[int]) -> None:
        if not rows:
            return
        copies = [self._rows[r] for r in sorted(rows)]
        self.stack.push(
            _Insert(
                self,
                max(rows) + 1,
                copies,
                QCoreApplication.translate("OfferLinesModel", "Duplicate lines"),
            )
        )

    def delete(self, rows: Sequence[int]) -> None:
        if rows:
            self.stack.push(_Remove(self, rows))

    def replace_all(self, rows: Sequence[Row], label: str) -> None:
        self.stack.push(_Replace(self, rows, label))

    def paste_block(self, top: int, left: int, block: Sequence[Sequence[str]]) -> None:
        """Write a block of cells from (top, left), adding lines as needed, as one undo step."""
        if not block:
            return
        self.stack.beginMacro(QCoreApplication.translate("OfferLinesModel", "Paste"))
        try:
            missing = top + len(block) - len(self._rows)
            if missing > 0:
                self.stack.push(_Insert(self, len(self._rows), [{}] * missing, ""))
            for r, cells in enumerate(block):
                for c, text in enumerate(cells):
                    if left + c < len(self.fields):
                        self.setData(self.index(top + r, left + c), text)
        finally:
            self.stack.endMacro()

    # --- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or index.row() >= len(self._rows)
            or index.column() >= len(self.fields)
        ):
            return None
        field = self.fields[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()].get(field, "")
        problem = self._checks[index.row()][field].problem
        if role == Qt.ItemDataRole.ToolTipRole and problem:
            return cell_problem(field_label(field), problem_text(problem, self.lang))
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QColor(ERROR_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.fields[index.column()][1] in (
            "int",
            "number",
            "money",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and problem:
            return problem_text(problem, self.lang)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = self.fields[index.column()][0]
        text = "" if value is None else str(value)
        if self._rows[index.row()].get(field, "") == text:
            return False
        self.stack.push(_Edit(self, index.row(), field, text))
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._rows) else None
        if not 0 <= section < len(self.fields):
            return None
        field = self.fields[section][0]
        return field_label(field) + (" *" if field in self.required else "")

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


_INT = {"quantity", "year", "mechanics_trained", "drivers_trained", "support_end_year"}


def _coerce(field: str, value: object) -> object:
    if field in _INT and isinstance(value, int | float):
        return int(value)
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and field not in ("category", "make", "model")
    ):
        return float(value)
    if isinstance(value, list):
        return tuple(value)
    return value


class _Edit(QUndoCommand):
    def __init__(self, model: OfferLinesModel, row: int, field: str, text: str) -> None:
        super().__init__(
            QCoreApplication.translate("OfferLinesModel", "Edit {field}").format(
                field=field_label(field)
            )
        )
        self.model, self.row, self.field, self.new = model, row, field, text
        self.old = model._rows[row].get(field, "")

    def redo(self) -> None:
        self.model._set_cell(self.row, self.field, self.new)

    def undo(self) -> None:
        self.model._set_cell(self.row, self.field, self.old)


class _Insert(QUndoCommand):
    def __init__(
        self, model: OfferLinesModel, position: int, rows: Sequence[Row], label: str
    ) -> None:
        super().__init__(label)
        self.model, self.position, self.rows = model, position, [dict(r) for r in rows]

    def redo(self) -> None:
        self.model._insert(self.position, self.rows)

    def undo(self) -> None:
        self.model._remove(range(self.position, self.position + len(self.rows)))


class _Remove(QUndoCommand):
    def __init__(self, model: OfferLinesModel, rows: Sequence[int]) -> None:
        super().__init__(QCoreApplication.translate("OfferLinesModel", "Delete lines"))
        self.model, self.positions = model, sorted(set(rows))
        self.removed: list[tuple[int, Row]] = []

    def redo(self) -> None:
        self.removed = self.model._remove(self.positions)

    def undo(self) -> None:
        for pos, row in self.removed:
            self.model._insert(pos, [row])


class _Replace(QUndoCommand):
    def __init__(self, model: OfferLinesModel, rows: Sequence[Row], label: str) -> None:
        super().__init__(label)
        self.model, self.new, self.old = model, [dict(r) for r in rows], model.rows()

    def redo(self) -> None:
        self.model._reset(self.new)

    def undo(self) -> None:
        self.model._reset(self.old)
