"""One case of the register: what was offered and judged, its conditions, its decision and its
history. Every change is saved from the version the officer opened: when someone else changed
the case meanwhile, the officer sees both versions and keeps what they typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from donation_checker.errors import DonationCheckerError
from donation_checker.formatting import fmt_date, fmt_percent, fmt_score
from donation_checker.gcpause import live_objects_set_aside
from donation_checker.register import Case, ConditionStatus, Decision, Register, RegisterConflict
from donation_checker.register.texts import changes_text
from donation_checker.register.words import condition_status, status, term, verdict

from .dialogs import Dialogs
from .tasks import CancelFn, ProgressFn, TaskRunner

# Who is saving: (officer, organisation), read from the preferences when the change is made.
Who = Callable[[], tuple[str, str]]


def history_text(case: Case, lang: str) -> list[tuple[str, str, str, str]]:
    """The history as rows (version, when, who, what changed), newest first."""
    rows = []
    for entry in reversed(case.history):
        changes = changes_text(entry.changes, lang)
        what = term("kind", entry.kind, lang)
        detail = " — ".join(x for x in (what, entry.note, changes) if x)
        who = f"{entry.by} ({entry.organisation})" if entry.organisation else entry.by
        rows.append((str(entry.version), f"{entry.at:%Y-%m-%d %H:%M} UTC", who, detail))
    return rows


class CaseView(QWidget):
    changed = Signal(str)  # the case number, after a saved change
    shown = Signal(str)  # the case number, once read and shown

    def __init__(
        self,
        runner: TaskRunner,
        dialogs: Dialogs,
        lang: str,
        who: Who,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.runner = runner
        self.opening: str | None = None  # the case being read; a later choice replaces it
        self.saving = False  # a change is on its way to the register
        self.dialogs = dialogs
        self.lang = lang
        self.who = who
        self.register: Register | None = None
        self.case: Case | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self.tr("Choose a case in the list."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        decision = QGroupBox(self.tr("Decision"))
        box = QVBoxLayout(decision)
        row, second = QHBoxLayout(), QHBoxLayout()
        box.addLayout(row)
        box.addLayout(second)
        self.decision = QComboBox()
        for d in Decision:
            self.decision.addItem(status(d.value, lang), d.value)
        self.decision.setAccessibleName(self.tr("Decision"))
        self.decided_on = QDateEdit(QDate.currentDate())
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setDisplayFormat("yyyy-MM-dd")
        self.decided_on.setAccessibleName(self.tr("Decision date"))
        self.reply_ref = QLineEdit()
        self.reply_ref.setPlaceholderText(self.tr("Reply reference"))
        self.reply_ref.setAccessibleName(self.tr("Reply reference"))
        self.decide_button = QPushButton(self.tr("Record the decision"))
        self.decide_button.clicked.connect(self.record_decision)
        row.addWidget(self.decision, 1)
        row.addWidget(self.decided_on)
        second.addWidget(self.reply_ref, 1)
        second.addWidget(self.decide_button)
        layout.addWidget(decision)

        conditions = QGroupBox(self.tr("Conditions"))
        col = QVBoxLayout(conditions)
        self.conditions = QTableWidget(0, 5)
        self.conditions.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Condition"), self.tr("Status"), self.tr("Due"), self.tr("On")]
        )
        self._table(self.conditions, stretch=1)
        col.addWidget(self.conditions)
        set_row = QHBoxLayout()
        self.condition_status = QComboBox()
        for c in ConditionStatus:
            self.condition_status.addItem(condition_status(c.value, lang), c.value)
        self.condition_status.setAccessibleName(self.tr("Condition status"))
        self.condition_note = QLineEdit()
        self.condition_note.setPlaceholderText(self.tr("Note"))
        self.condition_note.setAccessibleName(self.tr("Note"))
        self.condition_button = QPushButton(self.tr("Set the status"))
        self.condition_button.clicked.connect(self.set_condition)
        set_row.addWidget(self.condition_status)
        set_row.addWidget(self.condition_note, 1)
        set_row.addWidget(self.condition_button)
        col.addLayout(set_row)
        layout.addWidget(conditions, 1)

        history = QGroupBox(self.tr("History"))
        hl = QVBoxLayout(history)
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("When"), self.tr("Who"), self.tr("What changed")]
        )
        self._table(self.history, stretch=3)
        hl.addWidget(self.history)
        layout.addWidget(history, 1)
        self.show_case(None)

    @staticmethod
    def _table(table: QTableWidget, stretch: int) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    # --- showing ----------------------------------------------------------------------------

    def open_case(self, register: Register, number: str) -> None:
        """Read the case on the runner's thread; only the officer's last choice is shown."""
        self.register = register
        self.opening = number

        def job(progress: ProgressFn, cancel: CancelFn) -> Case:
            with live_objects_set_aside():
                return register.get(number)

        def read(case: Case) -> None:
            if self.opening == number:
                self.opening = None
                self.show_case(case)
                self.shown.emit(number)

        def failed(exc: BaseException) -> None:
            if self.opening == number:
                self.opening = None
                text = exc.describe(self.lang) if isinstance(exc, DonationCheckerError) else ""
                self.dialogs.warning(self, self.tr("The case cannot be opened"), text)

        self.runner.submit(job, name="open a case", on_success=read, on_failure=failed)

    def show_case(self, case: Case | None) -> None:
        """Show a case as saved now; what the officer typed in the forms stays."""
        self.case = case
        self._enable_changes()
        self.conditions.setRowCount(0)
        self.history.setRowCount(0)
        if case is None:
            self.summary.setText(self.tr("Choose a case in the list."))
            return
        s = case.summary
        lang = self.lang
        self.summary.setText(
            self.tr(
                "<b>%1</b> (version %2) — %3, %4, %5<br>Verdict: %6, score %7, data coverage "
                "%8. Status: %9."
            )
            .replace("%1", case.number)
            .replace("%2", str(case.version))
            .replace("%3", s.donor or self.tr("donor unknown"))
            .replace("%4", s.reference or "")
            .replace("%5", fmt_date(s.offer_date, lang))
            .replace("%6", verdict(s.verdict, lang))
            .replace("%7", fmt_score(s.score, lang))
            .replace("%8", fmt_percent(s.coverage, lang))
            .replace("%9", status(s.status.value, lang))
        )
        for c in case.conditions:
            self._add_row(
                self.conditions,
                (
                    str(c.no),
                    c.text(lang),
                    condition_status(c.status.value, lang),
                    fmt_date(c.due, lang) if c.due else "",
                    fmt_date(c.on, lang) if c.on else "",
                ),
            )
        if case.conditions:
            self.conditions.selectRow(0)
        for row in history_text(case, lang):
            self._add_row(self.history, row)

    @staticmethod
    def _add_row(table: QTableWidget, cells: tuple[str, ...]) -> None:
        r = table.rowCount()
        table.insertRow(r)
        for i, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, i, item)

    # --- changing ---------------------------------------------------------------------------

    def record_decision(self) -> None:
        case, register = self.case, self.register
        if case is None or register is None:
            return
        officer, organisation = self.who()
        on = self.decided_on.date().toPython()
        assert isinstance(on, dt.date)
        self._save(
            lambda: register.decide(
                case.number,
                Decision(str(self.decision.currentData())),
                on=on,
                reply_reference=self.reply_ref.text().strip() or None,
                officer=officer,
                organisation=organisation,
                expected_version=case.version,
            )
        )

    def set_condition(self) -> None:
        case, register = self.case, self.register
        row = self.conditions.currentRow()
        if case is None or register is None or not 0 <= row < len(case.conditions):
            return
        officer, organisation = self.who()
        status = ConditionStatus(str(self.condition_status.currentData()))
        on = None if status == ConditionStatus.PENDING else dt.date.today()
        self._save(
            lambda: register.update_condition(
                case.number,
                case.conditions[row].no,
                status=status,
                on=on,
                note=self.condition_note.text().strip(),
                officer=officer,
                organisation=organisation,
                expected_version=case.version,
            )
        )

    def _save(self, change: Callable[[], Case]) -> None:
        """Save on the runner's thread (a shared register may be a server away); the buttons
        wait for the answer so one change is not sent twice."""
        self.saving = True
        self._enable_changes()

        def job(progress: ProgressFn, cancel: CancelFn) -> Case:
            with live_objects_set_aside():
                return change()

        def saved(case: Case) -> None:
            self.saving = False
            self.condition_note.clear()
            self.show_case(case)
            self.changed.emit(case.number)

        def refused(exc: BaseException) -> None:
            self.saving = False
            if isinstance(exc, RegisterConflict):
                # Show the case as the other officer saved it; the forms keep this officer's
                # entry, to apply again.
                self.show_case(exc.theirs)
                self.dialogs.warning(
                    self, self.tr("Someone else changed this case"), exc.describe(self.lang)
                )
                return
            self._enable_changes()
            text = exc.describe(self.lang) if isinstance(exc, DonationCheckerError) else ""
            self.dialogs.warning(self, self.tr("The change was not saved"), text)

        self.runner.submit(job, name="save a case", on_success=saved, on_failure=refused)

    def _enable_changes(self) -> None:
        for w in (self.decide_button, self.condition_button):
            w.setEnabled(self.case is not None and not self.saving)
