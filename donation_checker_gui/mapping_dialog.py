"""Column-mapping dialog: when a workbook's headers are not recognised, or only proposed, the user
picks the table, the sheet, the header row and which column holds each field (detected and
proposed columns come preselected), sees the result, and the import runs again. The answer can
be saved as a mapping file to share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from donation_checker.atomic import write_text_atomic
from donation_checker.importer import load_vocabulary
from donation_checker.importer.grid import SheetGrid, column_letter
from donation_checker.importer.inventory import INVENTORY_TABLES
from donation_checker.importer.mapping_file import mapping_toml

from .import_flow import NeedsMapping, mapping_entry
from .labels import field_label, table_label
from .table_models import FrameModel

HEADER_COLOUR = "#d7e8f8"
PREVIEW_LINES = 10


def _text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def grid_frame(grid: SheetGrid) -> pd.DataFrame:
    width = grid.width
    data = {
        column_letter(c): [_text(grid.cell(r, c)) for r in range(len(grid.rows))]
        for c in range(width)
    }
    return pd.DataFrame(data, dtype=object)


class MappingDialog(QDialog):
    """Shown with open(); `mapping_chosen(entry)` carries the remembered entry and the mapping."""

    mapping_chosen = Signal(dict)

    def __init__(
        self,
        request: NeedsMapping,
        lang: str,
        parent: QWidget | None = None,
        save_path: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.request = request
        self.lang = lang
        self.table = request.target
        self.vocab = load_vocabulary()
        self.spec = self.vocab.table(self.table)
        self.save_path = save_path
        self._proposed: dict[str, int] = {}  # field -> column only proposed by the import
        self.setWindowTitle(
            self.tr("Map the columns of {file}").format(
                file=request.path.replace("\\", "/").rsplit("/", 1)[-1]
            )
        )
        self.setMinimumSize(820, 560)
        self._combos: dict[str, QComboBox] = {}
        self._build()
        self._select_initial()

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.why = why = QLabel(self.request.error.describe(self.lang))
        why.setWordWrap(True)
        why.setTextFormat(Qt.TextFormat.PlainText)
        intro = QLabel(
            self.tr(
                "Choose the sheet and the row that holds the column headers, then "
                "say which column holds each field of the {table} table. Fields "
                "marked * are required."
            ).format(table=table_label(self.table))
        )
        intro.setWordWrap(True)
        layout.addWidget(why)
        layout.addWidget(intro)

        top = QHBoxLayout()
        self.table_choice = QComboBox()
        self.table_choice.setAccessibleName(self.tr("Table"))
        tables = INVENTORY_TABLES if self.request.kind == "inventory" else ("offer_lines",)
        for name in tables:
            self.table_choice.addItem(table_label(name), name)
        self.table_choice.setCurrentIndex(max(0, self.table_choice.findData(self.table)))
        top.addWidget(QLabel(self.tr("Table:")))
        top.addWidget(self.table_choice, 1)
        self.sheet = QComboBox()
        self.sheet.setAccessibleName(self.tr("Sheet"))
        for grid in self.request.grids:
            self.sheet.addItem(grid.name or self.tr("(CSV file)"))
        self.header_row = QSpinBox()
        self.header_row.setAccessibleName(self.tr("Header row"))
        self.header_row.setRange(1, 40)
        top.addWidget(QLabel(self.tr("Sheet:")))
        top.addWidget(self.sheet, 1)
        top.addWidget(QLabel(self.tr("Header row:")))
        top.addWidget(self.header_row)
        layout.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.raw_model = FrameModel(lang=self.lang, parent=self)
        self.raw_view = QTableView()
        self.raw_view.setAccessibleName(self.tr("Sheet preview"))
        self.raw_view.setModel(self.raw_model)
        split.addWidget(self.raw_view)

        fields_box = QGroupBox(self.tr("Columns"))
        self.fields_scroll = QScrollArea()
        self.fields_scroll.setWidgetResizable(True)
        self._build_fields()
        scroll = self.fields_scroll
        box_layout = QVBoxLayout(fields_box)
        box_layout.addWidget(scroll)
        split.addWidget(fields_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 3)

        layout.addWidget(QLabel(self.tr("Result (first lines):")))
        self.result_model = FrameModel(lang=self.lang, parent=self)
        self.result_view = QTableView()
        self.result_view.setAccessibleName(self.tr("Mapping result preview"))
        self.result_view.setModel(self.result_model)
        layout.addWidget(self.result_view, 2)

        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #a4262c;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.save_button = self.buttons.addButton(
            self.tr("Save as file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setToolTip(
            self.tr("Save this mapping as a file to share; use it with --map on the command line.")
        )
        self.save_button.clicked.connect(self._save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.header_row.valueChanged.connect(self._header_changed)
        self.table_choice.currentIndexChanged.connect(self._table_changed)

    def _build_fields(self) -> None:
        """One column chooser per field of the current table."""
        form = QFormLayout()
        self._combos = {}
        for spec in self.spec.fields:
            combo = QComboBox()
            combo.setAccessibleName(field_label(spec.name))
            combo.currentIndexChanged.connect(self._update)
            required = spec.name in self.spec.required
            form.addRow(field_label(spec.name) + (" *" if required else ""), combo)
            self._combos[spec.name] = combo
        inner = QWidget()
        inner.setLayout(form)
        self.fields_scroll.setWidget(inner)  # the previous form is deleted with its widget

    def _table_changed(self, index: int) -> None:
        self.table = str(self.table_choice.itemData(index))
        self.spec = self.vocab.table(self.table)
        self._build_fields()
        self._header_changed(self.header_row.value())

    def _select_initial(self) -> None:
        place = self.request.error.place
        names = [g.name for g in self.request.grids]
        index = names.index(place.sheet) if place and place.sheet in names else 0
        self.sheet.setCurrentIndex(index)
        self._sheet_changed(index)
        if place and place.row and place.sheet == self.grid().name:
            self.header_row.setValue(place.row)

    # --- state --------------------------------------------------------------------------------

    def grid(self) -> SheetGrid:
        return self.request.grids[max(0, self.sheet.currentIndex())]

    def _sheet_changed(self, index: int) -> None:
        grid = self.grid()
        self.raw_model.set_frame(grid_frame(grid))
        self.header_row.setMaximum(max(1, len(grid.rows)))
        guess = next(
            (
                r
                for r in range(len(grid.rows))
                if sum(1 for c in range(grid.width) if _text(grid.cell(r, c))) >= 2
            ),
            0,
        )
        if self.header_row.value() == guess + 1:
            self._header_changed(guess + 1)
        else:
            self.header_row.setValue(guess + 1)

    def _header_changed(self, value: int) -> None:
        grid, row = self.grid(), value - 1
        self.raw_model.set_frame(
            grid_frame(grid),
            hint=lambda r, _c: (self.tr("Header row"), HEADER_COLOUR) if r == row else None,
        )
        labels = [_text(grid.cell(row, c)) for c in range(grid.width)]
        found = self.vocab.match_row(self.table, labels)
        by_field = {f: c for c, (f, _) in found.taken.items()}
        # Proposed columns come preselected: the user confirms, changes or clears them.
        self._proposed = {m.field: c for c, m in found.proposed.items()}
        by_field.update({f: c for f, c in self._proposed.items() if f not in by_field})
        items = [self.tr("(not used)")] + [
            f"{column_letter(c)} – {label}" if label else column_letter(c)
            for c, label in enumerate(labels)
        ]
        for name, combo in self._combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(items)
            combo.setCurrentIndex(by_field[name] + 1 if name in by_field else 0)
            combo.setToolTip(
                self.tr("Proposed by the import: confirm or change it.")
                if name in self._proposed
                else ""
            )
            combo.blockSignals(False)
        self._update()

    def chosen(self) -> dict[str, int]:
        """field -> 0-based column index, for every mapped field."""
        return {
            f: combo.currentIndex() - 1
            for f, combo in self._combos.items()
            if combo.currentIndex() > 0
        }

    def _update(self) -> None:
        chosen = self.chosen()
        grid, row = self.grid(), self.header_row.value() - 1
        body = grid.rows[row + 1 : row + 1 + PREVIEW_LINES]
        frame = pd.DataFrame(
            {f: [_text(r[c]) if c < len(r) else "" for r in body] for f, c in chosen.items()},
            dtype=object,
        )
        self.result_model.set_frame(frame)
        missing = [field_label(f) for f in self.spec.required if f not in chosen]
        columns = list(chosen.values())
        twice = sorted({column_letter(c) for c in columns if columns.count(c) > 1})
        if missing:
            self.problem.setText(
                self.tr("Still to map: {fields}").format(fields=", ".join(missing))
            )
        elif twice:
            self.problem.setText(
                self.tr("Column {columns} is used for more than one field.", "", len(twice)).format(
                    columns=", ".join(twice)
                )
            )
        else:
            self.problem.setText("")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not missing and not twice)

    def set_field(self, field: str, column: int | None) -> None:
        """Map `field` to a 0-based column (None: not used). For keyboard-free use and tests."""
        self._combos[field].setCurrentIndex(0 if column is None else column + 1)

    def proposed(self) -> dict[str, int]:
        """field -> 0-based column of the columns the import only proposed."""
        return dict(self._proposed)

    def entry(self) -> dict[str, Any]:
        chosen = self.chosen()
        declined = tuple(f for f in self._proposed if f not in chosen)
        return mapping_entry(self.grid(), self.header_row.value() - 1, self.table, chosen, declined)

    def _save(self) -> None:
        if self.save_path is None:
            return
        path = self.save_path(f"{self.table}-mapping.toml")
        if path:
            try:
                write_text_atomic(path, mapping_toml(self.entry()["mapping"]))
            except OSError as exc:
                self.problem.setText(
                    self.tr("The file cannot be written: {error}").format(error=exc.strerror or exc)
                )

    def accept(self) -> None:
        self.mapping_chosen.emit(self.entry())
        super().accept()
