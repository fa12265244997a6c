"""Assessment area: the verdict and why, updated live as the inventory, offer or weights change."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from donation_checker.assessment import Assessment, Finding, Status
from donation_checker.formatting import fmt_number, fmt_percent, fmt_score
from donation_checker.report.rows import cost_currency
from donation_checker.table_gaps import gap_lines

from . import assessment_frames as frames
from .inventory_panel import fit_columns, make_table_view
from .labels import verdict_label
from .session import Session
from .table_models import FrameModel

VERDICT_COLOURS = {
    "accept": "#1e7b34",
    "conditional": "#9a6700",
    "redirect": "#8250df",
    "decline": "#a4262c",
}
STATUS_COLOURS = {
    Status.FAIL: "#a4262c",
    Status.WARN: "#9a6700",
    Status.PASS: "#1e7b34",
    Status.UNKNOWN: "#57606a",
}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 10


class AssessmentPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        self._bars: dict[str, QProgressBar] = {}
        self._findings: list[Finding] = []
        self._build()
        session.assessment_changed.connect(self.refresh)
        session.assessing.connect(self._busy)
        self.refresh()

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        side = QVBoxLayout()
        self.badge = QLabel()
        self.badge.setAccessibleName(self.tr("Verdict"))
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setMinimumSize(240, 64)
        self.badge.setWordWrap(True)
        side.addWidget(self.badge)
        self.score = QLabel()
        self.score.setAccessibleName(self.tr("Score and data coverage"))
        self.score.setWordWrap(True)
        side.addWidget(self.score)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        side.addWidget(self.state)
        self.family_box = QGroupBox(self.tr("Scores by family"))
        self.family_form = QFormLayout(self.family_box)
        side.addWidget(self.family_box)
        self.sensitivity = QLabel()
        self.sensitivity.setWordWrap(True)
        self.sensitivity.setTextFormat(Qt.TextFormat.PlainText)
        side.addWidget(self.sensitivity)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMinimumWidth(260)
        side_widget.setMaximumWidth(340)
        layout.addWidget(side_widget)

        main = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        self.finding_model = QStandardItemModel(self)
        self.finding_view = QTreeView()
        self.finding_view.setAccessibleName(self.tr("Findings"))
        self.finding_view.setModel(self.finding_model)
        self.finding_view.setUniformRowHeights(True)
        self.finding_view.setAlternatingRowColors(True)
        self.finding_view.selectionModel().currentChanged.connect(self._select)
        top.addWidget(self.finding_view)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Finding details"))
        self.details.setPlaceholderText(
            self.tr(
                "Select a finding to see its evidence, its "
                "explanation and the inventory rows it used."
            )
        )
        top.addWidget(self.details)
        top.setSizes([820, 240])
        main.addWidget(top)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Assessment tables"))
        self.models: dict[str, FrameModel] = {}
        self.views: dict[str, QTableView] = {}
        specs = [
            (
                "lines",
                self.tr("Lines"),
                [
                    self.tr("No."),
                    self.tr("Item"),
                    self.tr("Score"),
                    self.tr("Verdict"),
                    self.tr("Main finding"),
                ],
            ),
            (
                "conditions",
                self.tr("Conditions"),
                [
                    self.tr("Rule"),
                    self.tr("Applies to"),
                    self.tr("Condition"),
                    self.tr("Lifts a blocking finding"),
                ],
            ),
            (
                "counter",
                self.tr("Counter-proposal"),
                [
                    self.tr("Line"),
                    self.tr("Offered"),
                    self.tr("Absorbable"),
                    self.tr("Limiting factor"),
                    self.tr("Better-fitting model"),
                ],
            ),
            (
                "fleet",
                self.tr("Fleet impact"),
                [
                    self.tr("Category"),
                    self.tr("Models before"),
                    self.tr("Models after"),
                    self.tr("Units before"),
                    self.tr("Units after"),
                    self.tr("New models"),
                ],
            ),
            (
                "cost",
                self.tr("Life-cycle cost"),
                [
                    self.tr("Year"),
                    self.tr("Fuel"),
                    self.tr("Maintenance"),
                    self.tr("Parts"),
                    self.tr("Total"),
                    self.tr("Budget headroom"),
                    self.tr("Share of headroom"),
                ],
            ),
            ("evidence", self.tr("Inventory rows used"), None),
        ]
        self._headers: dict[str, list[str] | None] = {}
        for key, title, headers in specs:
            model = FrameModel(lang=self.lang, parent=self)
            self.models[key] = model
            self._headers[key] = headers
            view = make_table_view(model, title)
            view.verticalHeader().setVisible(False)
            self.views[key] = view
            self.tabs.addTab(view, title)
        main.addWidget(self.tabs)
        main.setSizes([560, 220])
        layout.addWidget(main, 1)

    # --- content ------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        if busy:
            self.state.setText(self.tr("Updating the assessment…"))
        else:
            self.state.setText(self._state_text())

    def _state_text(self) -> str:
        """The assessment's error, else the tables the inventory lacked (their rules are judged
        at the worst case)."""
        a = self.session.assessment
        if self.session.assessment_error or a is None:
            return self.session.assessment_error
        return "\n".join(gap_lines(a.tables_not_found, self.lang))

    def refresh(self) -> None:
        a = self.session.assessment
        self._findings = []
        self.finding_model.clear()
        self.details.clear()
        if a is None:
            self._badge(None)
            self.score.setText("")
            self.state.setText(self.session.assessment_error)
            self.sensitivity.setText("")
            self._set_families(None)
            for model in self.models.values():
                model.set_frame(pd.DataFrame())
            return
        lang = self.lang
        reader = self.session.renderer()
        self._badge(a.verdict.value)
        self.score.setText(
            self.tr("Score {score} · data coverage {confidence}").format(
                score=fmt_score(a.score, lang), confidence=fmt_percent(a.confidence, lang)
            )
        )
        self.state.setText(self._state_text())
        self.sensitivity.setText(reader.message(a.sensitivity.statement) if a.sensitivity else "")
        self._set_families(a)
        self._fill_findings(a)
        builders = {
            "lines": frames.lines_frame,
            "conditions": frames.conditions_frame,
            "counter": frames.counter_frame,
            "fleet": frames.fleet_frame,
            "cost": frames.cost_frame,
        }
        for key, build in builders.items():
            frame = build(a, reader)
            self.models[key].set_frame(frame, list(frame.columns), self._headers[key])
            self._fit(key)
        currency = cost_currency(a)
        cost_index = list(self.models).index("cost")
        title = self.tr("Life-cycle cost")
        if a.lifecycle is not None:
            totals = [y.total for y in a.lifecycle.totals]
            total = None if None in totals else sum(t for t in totals if t is not None)
            title += f" ({reader.money(total, currency)})"
        self.tabs.setTabText(cost_index, title)
        self.models["evidence"].set_frame(pd.DataFrame())

    def _fit(self, key: str) -> None:
        fit_columns(self.views[key])

    def _badge(self, verdict: str | None) -> None:
        if verdict is None:
            self.badge.setText(self.tr("No verdict yet"))
            self.badge.setStyleSheet(
                "QLabel { background: #eaeef2; color: #57606a; "
                "border-radius: 6px; font-size: 15pt; padding: 8px; }"
            )
            return
        self.badge.setText(verdict_label(verdict))
        self.badge.setStyleSheet(
            f"QLabel {{ background: {VERDICT_COLOURS.get(verdict, '#57606a')};"
            " color: white; border-radius: 6px; font-size: 15pt; "
            "font-weight: bold; padding: 8px; }"
        )

    def _set_families(self, a: Assessment | None) -> None:
        while self.family_form.rowCount():
            self.family_form.removeRow(0)
        self._bars.clear()
        if a is None:
            return
        from donation_checker.report.rows import family_rows

        for row in family_rows(a, self.lang):
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setAccessibleName(row.name)
            # The one formatter rounds the bar as it rounds the score written on it.
            shown = fmt_number(row.score, "en", decimals=0) if row.score is not None else "0"
            bar.setValue(int(shown.replace(",", "")))
            bar.setFormat(row.score_text)
            bar.setToolTip(self.tr("Weight {weight}").format(weight=row.weight_text))
            if row.score is None:
                bar.setEnabled(False)
            else:  # the same bands as the verdict colours: weak, middling, good
                # light tints so the dark score text stays readable over the bar
                colour = "#f3b7b9" if row.score < 50 else "#f5d48a" if row.score < 75 else "#9fd5a8"
                bar.setStyleSheet(
                    "QProgressBar { border: 1px solid #8c959f; border-radius: 3px; "
                    "background: #f6f8fa; text-align: center; color: #1f2328; } "
                    f"QProgressBar::chunk {{ background: {colour}; }}"
                )
            self.family_form.addRow(row.name, bar)
            self._bars[row.key] = bar

    def _fill_findings(self, a: Assessment) -> None:
        from donation_checker.report.rows import finding_groups

        model = self.finding_model
        model.setHorizontalHeaderLabels(
            [self.tr("Finding"), self.tr("Applies to"), self.tr("Result"), self.tr("Message")]
        )
        by_rule: dict[str, list[Finding]] = {}
        for f in (*a.offer_findings, *a.findings):
            by_rule.setdefault(f.rule_id, []).append(f)
        for items in by_rule.values():  # the order finding_groups() gives each rule's rows
            items.sort(key=lambda f: (f.line is not None, f.line or 0))
        for group in finding_groups(a, self.session.renderer()):
            family = QStandardItem(f"{group.name} — {group.score_text}")
            family.setEditable(False)
            for rule in group.rules:
                for finding, row in zip(by_rule.get(rule.rule_id, []), rule.rows, strict=False):
                    title = QStandardItem(rule.title)
                    title.setToolTip(f"{rule.rule_id} — {rule.title}")
                    where = QStandardItem(row.where)
                    where.setToolTip(row.where)
                    result = QStandardItem(row.result)
                    result.setForeground(QBrush(QColor(STATUS_COLOURS.get(row.status, "#000"))))
                    message = QStandardItem(row.message)
                    message.setToolTip(row.message)
                    for item in (title, where, result, message):
                        item.setEditable(False)
                        item.setData(finding, FINDING_ROLE)
                    family.appendRow([title, where, result, message])
            model.appendRow([family, _blank(), _blank(), _blank()])
        self.finding_view.expandAll()
        header = self.finding_view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 240)
        header.resizeSection(1, 180)
        header.resizeSection(2, 175)

    def _select(self, current: QModelIndex, _previous: QModelIndex) -> None:
        finding = current.data(FINDING_ROLE) if current.isValid() else None
        a = self.session.assessment
        if not isinstance(finding, Finding) or a is None:
            self.details.clear()
            self.models["evidence"].set_frame(pd.DataFrame())
            return
        explanation = ""
        ruleset = self.session.ruleset
        if ruleset is not None:
            try:
                explanation = ruleset.rule(finding.rule_id).explanation.get(self.lang)
            except StopIteration:
                explanation = ""
        self.details.setPlainText(
            frames.finding_details(finding, a, self.session.renderer(), explanation)
        )
        rows = frames.evidence_rows(finding, self.session.inventory)
        self.models["evidence"].set_frame(rows)
        self._fit("evidence")
        if len(rows):
            self.tabs.setCurrentIndex(list(self.models).index("evidence"))


def _blank() -> QStandardItem:
    item = QStandardItem("")
    item.setEditable(False)
    return item
