"""A read-only table model over a pandas frame, with vectorised sorting and filtering.

Sorting and filtering are done with pandas on the whole column at once instead of through a
QSortFilterProxyModel: the proxy asks data() once per comparison, which for a 100,000-row fleet
means millions of Python calls (many seconds on a slow machine). Only visible cells are formatted.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from donation_checker.formatting import fmt_date, fmt_number

from .labels import field_label, value_word

RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # the value as the core holds it
SOURCE_ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's position in the frame

AnyIndex = QModelIndex | QPersistentModelIndex
_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        RAW_ROLE,
        SOURCE_ROW_ROLE,
    }
)
# cell_hint(frame_row, column) -> (tooltip, background colour name or "") or None
CellHint = Callable[[int, str], tuple[str, str] | None]


def is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return value is pd.NA or value is pd.NaT
    except TypeError:
        return False


def display_text(value: object, lang: str) -> str:
    """A cell value as text; a missing value is an empty cell, never '0' or 'nan'."""
    if is_missing(value):
        return ""
    if isinstance(value, bool | np.bool_):
        yes = QCoreApplication.translate("FrameModel", "Yes")
        return yes if value else QCoreApplication.translate("FrameModel", "No")
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return fmt_number(float(value), lang)
    if isinstance(value, dt.datetime | dt.date):
        return fmt_date(value if not isinstance(value, dt.datetime) else value.date(), lang)
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)


class FrameModel(QAbstractTableModel):
    """Rows of a DataFrame; `columns` picks and orders what is shown (all by default)."""

    def __init__(
        self,
        frame: pd.DataFrame | None = None,
        columns: Sequence[str] | None = None,
        *,
        lang: str = "en",
        headers: Sequence[str] | None = None,
        hint: CellHint | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self._hint = hint
        self._frame = pd.DataFrame()
        self._columns: list[str] = []
        self._headers: list[str] | None = None
        self._arrays: list[np.ndarray] = []
        self._order = np.arange(0)
        self._filter = ""
        self._factors: list[tuple[np.ndarray, list[str]]] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.set_frame(frame if frame is not None else pd.DataFrame(), columns, headers)

    # --- content -------------------------------------------------------------------------------

    def set_frame(
        self,
        frame: pd.DataFrame,
        columns: Sequence[str] | None = None,
        headers: Sequence[str] | None = None,
        hint: CellHint | None = None,
    ) -> None:
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        self._columns = [
            c for c in (columns if columns is not None else frame.columns) if c in frame.columns
        ]
        self._headers = list(headers) if headers is not None else None
        if hint is not None:
            self._hint = hint
        self._arrays = [self._frame[c].to_numpy(dtype=object) for c in self._columns]
        self._factors = None
        self._order = self._visible_rows()
        if self._sort is not None and self._sort[0] < len(self._columns):
            self._order = self._sorted(self._order, *self._sort)
        self.endResetModel()

    @property
    def frame(self) -> pd.DataFrame:
        return self._frame

    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    def frame_row(self, row: int) -> int:
        return int(self._order[row])

    def total_rows(self) -> int:
        return len(self._frame)

    # --- filtering and sorting ----------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only rows where some shown column contains `text` (case-insensitive)."""
        text = text.strip().casefold()
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        order = self._visible_rows()
        self._order = self._sorted(order, *self._sort) if self._sort else order
        self.endResetModel()

    def _visible_rows(self) -> np.ndarray:
        n = len(self._frame)
        if not self._filter or n == 0 or not self._columns:
            return np.arange(n)
        if self._factors is None:
            # Each column's distinct values, computed once: a filter then tests a few hundred
            # distinct texts instead of every cell.
            self._factors = []
            for c in self._columns:
                codes, uniques = pd.factorize(self._frame[c], use_na_sentinel=True)
                texts = [
                    value_word(
                        c, u if isinstance(u, str) else display_text(u, self.lang)
                    ).casefold()
                    for u in uniques
                ]
                self._factors.append((codes, texts))
        mask = np.zeros(n, dtype=bool)
        for codes, texts in self._factors:
            hits = np.fromiter((self._filter in t for t in texts), dtype=bool, count=len(texts))
            valid = codes >= 0
            mask[valid] |= hits[codes[valid]]
        return np.nonzero(mask)[0]

    def _sorted(self, order: np.ndarray, column: int, direction: Qt.SortOrder) -> np.ndarray:
        series = self._frame[self._columns[column]].iloc[order]
        missing = series.isna().to_numpy()
        numeric = pd.to_numeric(series, errors="coerce")
        if bool((numeric.notna() | series.isna()).all()):
            keys: np.ndarray = numeric.to_numpy(dtype=float)
        else:
            keys = series.astype(str).str.casefold().to_numpy(dtype=object)
            keys[missing] = ""
        ranks = np.argsort(keys[~missing], kind="stable")
        present = order[~missing][ranks]
        if direction == Qt.SortOrder.DescendingOrder:
            present = present[::-1]
        return np.concatenate([present, order[missing]])  # unknown values always last

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._order = self._sorted(self._order, column, order)
        self.layoutChanged.emit()

    # --- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES:
            return None  # the view asks eight roles per cell; most are never set here
        if (
            not index.isValid()
            or index.row() >= len(self._order)
            or index.column() >= len(self._columns)
        ):
            return None
        pos = int(self._order[index.row()])
        value = self._arrays[index.column()][pos]
        if role == Qt.ItemDataRole.DisplayRole:
            return value_word(self._columns[index.column()], display_text(value, self.lang))
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = self._hint(pos, self._columns[index.column()]) if self._hint else None
            if hint:
                return hint[0]
            text = display_text(value, self.lang)
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.BackgroundRole and self._hint:
            hint = self._hint(pos, self._columns[index.column()])
            return QColor(hint[1]) if hint and hint[1] else None  # "": a tooltip only
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if isinstance(value, int | float | np.integer | np.floating) and not isinstance(
                value, bool | np.bool_
            ):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == RAW_ROLE:
            return None if is_missing(value) else str(value)
        if role == SOURCE_ROW_ROLE:
            return pos
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            if self._headers is not None and section < len(self._headers):
                return self._headers[section]
            return field_label(self._columns[section])
        if not 0 <= section < len(self._order):
            return None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
