"""Rules area: the active rule set, the rule sets to choose from (shipped and the user's own),
its families and rules, and weight sliders for what-if. A rule's kind is shown by its name in
the interface language (the identifier a rule file uses is its tooltip), and the selected
rule's kind and parameters are described below the table, from the message catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from donation_checker.engine import KINDS
from donation_checker.engine.registry import COMMON_PARAMS
from donation_checker.errors import DonationCheckerError
from donation_checker.formatting import fmt_number
from donation_checker.render import Renderer
from donation_checker.ruleset import Rule, available_rulesets
from donation_checker.user_files import user_rules_dir

from .inventory_panel import fit_columns, make_table_view
from .session import Session, rules_label
from .table_models import FrameModel

STEPS_PER_UNIT = 10  # slider positions per unit of weight: weights move by 0.1


class RulesPanel(QWidget):
    open_requested = Signal()
    save_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        self.sliders: dict[str, QSlider] = {}
        self._values: dict[str, QLabel] = {}
        self._listed_for: object = None  # the rule set the choices were last listed for
        # Sliders move in many small steps: apply the weights once the hand stops.
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(150)
        self._apply_timer.timeout.connect(self.apply_weights)
        self._build()
        session.ruleset_changed.connect(self._ruleset_changed)
        self.refresh()
        self._fill_choices()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open rule set…"))
        self.open_button.clicked.connect(self.open_requested)
        self.save_button = QPushButton(self.tr("Save as new rule set…"))
        self.save_button.clicked.connect(self.save_requested)
        self.reset_button = QPushButton(self.tr("Restore defaults"))
        self.reset_button.setToolTip(
            self.tr("Put every family weight back to the rule set's value")
        )
        self.reset_button.clicked.connect(self.restore_defaults)
        for button in (self.open_button, self.save_button, self.reset_button):
            button.setAccessibleName(button.text().rstrip("…"))
        bar.addWidget(self.name, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.reset_button)
        layout.addLayout(bar)
        # The rule sets at hand: the shipped ones and those of the user's folder.
        choose = QHBoxLayout()
        self.choices = QComboBox()
        self.choices.setAccessibleName(self.tr("Rule sets to choose from"))
        self.choices.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.choices.activated.connect(self._choose)
        choose_label = QLabel(self.tr("Rule sets:"))
        choose_label.setBuddy(self.choices)
        self.choice_problem = QLabel()
        self.choice_problem.setTextFormat(Qt.TextFormat.PlainText)  # messages quote the file
        self.choice_problem.setWordWrap(True)
        self.choice_problem.setStyleSheet("color: #b35900;")
        self.choice_problem.hide()
        choose.addWidget(choose_label)
        choose.addWidget(self.choices)
        choose.addWidget(self.choice_problem, 1)
        choose.addStretch(1)  # the list stays beside its label when there is nothing to say
        layout.addLayout(choose)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.weights_box = QGroupBox(self.tr("Family weights (what-if)"))
        self.weights_grid = QGridLayout(self.weights_box)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.weights_box)
        note = QLabel(
            self.tr(
                "Moving a slider re-runs the assessment with that weight. The rule "
                "file is not changed until you save it as a new rule set."
            )
            + " "
            + self.tr(
                "New rule sets are saved in your folder ({folder}) with the comments of "
                "the file they came from; one named default.toml there replaces the shipped "
                "default."
            ).format(folder=user_rules_dir())
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        holder_layout.addWidget(note)
        holder_layout.addStretch(1)
        holder.setMinimumWidth(320)
        split.addWidget(holder)
        self.rules_model = FrameModel(lang=self.lang, parent=self)
        self.rules_view = make_table_view(self.rules_model, self.tr("Rules"))
        self.rules_view.verticalHeader().setVisible(False)
        self.rules_view.selectionModel().currentRowChanged.connect(self._show_details)
        # The selected rule's kind: what it measures, and its parameters with their meaning.
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # rule files are the user's text
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Rule kind and parameters"))
        details_scroll = QScrollArea()
        details_scroll.setWidget(self.details)
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        rules_split = QSplitter(Qt.Orientation.Vertical)
        rules_split.addWidget(self.rules_view)
        rules_split.addWidget(details_scroll)
        rules_split.setStretchFactor(0, 3)
        rules_split.setStretchFactor(1, 1)
        rules_split.setSizes([420, 170])
        split.addWidget(rules_split)
        split.setStretchFactor(1, 3)
        split.setSizes([360, 900])
        layout.addWidget(split, 1)

    # --- content ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._fill_choices()  # a rule set saved or copied into the folder meanwhile appears
        super().showEvent(event)

    def _fill_choices(self) -> None:
        base = self._listed_for = self.session.base_ruleset
        current = str(Path(base.path).resolve()) if base is not None and base.path else ""
        self.choices.clear()
        for option in available_rulesets():
            where = self.tr("your folder") if option.user else self.tr("shipped")
            self.choices.addItem(f"{option.path.name} ({where})", str(option.path.resolve()))
        if current and self.choices.findData(current) < 0:
            self.choices.addItem(Path(current).name, current)  # opened from elsewhere
        self.choices.setCurrentIndex(self.choices.findData(current))

    def _choose(self, index: int) -> None:
        path = str(self.choices.itemData(index))
        base = self.session.base_ruleset
        if base is not None and base.path and str(Path(base.path).resolve()) == path:
            return
        try:
            self.session.load_rules(path)
        except DonationCheckerError as exc:
            self.choice_problem.setText(exc.describe(self.lang))
            self.choice_problem.show()
            self._fill_choices()  # back to the rule set still in use
            return
        self.choice_problem.hide()
        self.session.set_modified(True)

    def _ruleset_changed(self) -> None:
        if self._listed_for is not self.session.base_ruleset:  # not for a slider's move
            self._fill_choices()
        # Weight changes come from our own sliders: rebuild only for another rule set.
        base = self.session.base_ruleset
        if base is None or set(self.sliders) != set(base.families):
            self.refresh()
        else:
            self._show_rules()
            self._sync_values()

    def refresh(self) -> None:
        base = self.session.base_ruleset
        while self.weights_grid.count():
            item = self.weights_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.sliders.clear()
        self._values.clear()
        self.name.setText(
            self.tr("Rule set: {name}").format(name=rules_label(base, self.lang))
            if base
            else self.tr("No rule set loaded.")
        )
        self.save_button.setEnabled(base is not None)
        self.reset_button.setEnabled(base is not None)
        if base is None:
            self.rules_model.set_frame(pd.DataFrame())
            return
        top = max([f.weight for f in base.families.values()] + [1.0])
        current = self.session.ruleset.families if self.session.ruleset else base.families
        for row, (fam_id, fam) in enumerate(base.families.items()):
            label = QLabel(fam.title.get(self.lang))
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, int(max(10.0, top * 3) * STEPS_PER_UNIT))
            slider.setValue(round(current[fam_id].weight * STEPS_PER_UNIT))
            slider.setAccessibleName(
                self.tr("Weight of {family}").format(family=fam.title.get(self.lang))
            )
            slider.setPageStep(STEPS_PER_UNIT)
            slider.valueChanged.connect(self._slider_moved)
            value = QLabel()
            value.setMinimumWidth(48)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.weights_grid.addWidget(label, row, 0)
            self.weights_grid.addWidget(slider, row, 1)
            self.weights_grid.addWidget(value, row, 2)
            self.sliders[fam_id] = slider
            self._values[fam_id] = value
        self._sync_values()
        self._show_rules()

    def _sync_values(self) -> None:
        base = self.session.base_ruleset
        for fam_id, slider in self.sliders.items():
            weight = slider.value() / STEPS_PER_UNIT
            label = self._values[fam_id]
            label.setText(fmt_number(weight, self.lang, 1))
            changed = base is not None and abs(base.families[fam_id].weight - weight) > 1e-9
            label.setStyleSheet("font-weight: bold; color: #0550ae;" if changed else "")

    def _show_rules(self) -> None:
        ruleset = self.session.ruleset
        if ruleset is None:
            return
        lang = self.lang
        words = Renderer(lang)  # read now: the user's messages.toml may reword the kinds
        current = self.rules_view.currentIndex()
        selected = self.rules_model.frame_row(current.row()) if current.isValid() else 0
        frame = pd.DataFrame.from_records(
            [
                (
                    r.id,
                    ruleset.families[r.family].title.get(lang)
                    if r.family in ruleset.families
                    else r.family,
                    r.title.get(lang),
                    r.weight,
                    r.knockout,
                    words.word(KINDS[r.kind].title_key),
                    r.source.get(lang),
                )
                for r in ruleset.rules
            ],
            columns=["id", "family", "title", "weight", "knockout", "kind", "source"],
        )
        rules = ruleset.rules

        def hint(row: int, column: str) -> tuple[str, str] | None:
            if column != "kind":
                return None
            kind = KINDS[rules[row].kind]
            return f"{kind.name} — {words.word(kind.description_key)}", ""

        self.rules_model.set_frame(
            frame,
            list(frame.columns),
            [
                self.tr("Rule"),
                self.tr("Family"),
                self.tr("Title"),
                self.tr("Weight"),
                self.tr("Knock-out"),
                self.tr("Kind"),
                self.tr("Source"),
            ],
            hint,
        )
        fit_columns(self.rules_view, 260)
        # The same rule stays selected when a weight moves (the first one at the start).
        model = self.rules_model
        row = next((r for r in range(model.rowCount()) if model.frame_row(r) == selected), 0)
        if model.rowCount():
            self.rules_view.setCurrentIndex(model.index(row, 0))
        self._show_details()

    def _show_details(self) -> None:
        ruleset = self.session.ruleset
        index = self.rules_view.currentIndex()
        if ruleset is None or not index.isValid():
            self.details.setText(self.tr("Select a rule to see what its kind measures."))
            return
        self.details.setText(self.describe(ruleset.rules[self.rules_model.frame_row(index.row())]))

    def describe(self, rule: Rule) -> str:
        """The rule's kind (name, identifier, what it measures), its source, and each
        parameter's value and meaning, in the interface language."""
        words = Renderer(self.lang)
        kind = KINDS[rule.kind]
        lines = [
            self.tr("{rule}: {kind} ({identifier})").format(
                rule=rule.id, kind=words.word(kind.title_key), identifier=kind.name
            ),
            words.word(kind.description_key),
        ]
        if rule.source.get(self.lang):  # the table's column is narrow for it
            lines.append(self.tr("Source: {source}").format(source=rule.source.get(self.lang)))
        lines += ["", self.tr("Parameters:")]
        # The kind's own parameters first; pass_at and fail_below, which all take, last.
        for name in sorted(kind.params, key=lambda p: p in COMMON_PARAMS):
            value = rule.params.get(name)
            shown = (
                self.tr("the rule set's value") if value is None else self._value_text(value, words)
            )
            lines.append(f"• {name} = {shown} — {words.word(kind.param_key(name))}")
        return "\n".join(lines)

    def _value_text(self, value: Any, words: Renderer) -> str:
        if isinstance(value, bool):
            return words.word("general.yes" if value else "general.no")
        if isinstance(value, int | float):
            return fmt_number(value, self.lang)
        if isinstance(value, list | tuple):
            return "[" + ", ".join(self._value_text(v, words) for v in value) + "]"
        return str(value)

    # --- what-if ------------------------------------------------------------------------------

    def _slider_moved(self) -> None:
        self._sync_values()
        self._apply_timer.start()

    def weights(self) -> dict[str, float]:
        return {fam: slider.value() / STEPS_PER_UNIT for fam, slider in self.sliders.items()}

    def apply_weights(self) -> None:
        self._apply_timer.stop()
        self.session.set_weights(self.weights())

    def set_weight(self, family: str, weight: float) -> None:
        self.sliders[family].setValue(round(weight * STEPS_PER_UNIT))

    def restore_defaults(self) -> None:
        base = self.session.base_ruleset
        if base is None:
            return
        for fam_id, slider in self.sliders.items():
            slider.blockSignals(True)
            slider.setValue(round(base.families[fam_id].weight * STEPS_PER_UNIT))
            slider.blockSignals(False)
        self._sync_values()
        self.apply_weights()
