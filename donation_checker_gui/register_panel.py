"""Register area: the cases of every donor in a filterable list that pages through the register,
the chosen case with its conditions and history, a dashboard, and the export, the reply letter
and the portfolio. The register opens, and long work runs, on the task runner's threads."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from donation_checker.assessment import Verdict
from donation_checker.errors import DonationCheckerError
from donation_checker.gcpause import live_objects_set_aside
from donation_checker.register import CaseFilter, CaseStatus, Register
from donation_checker.register.words import status, verdict

from .dialogs import Dialogs
from .register_case import CaseView
from .register_dashboard import Dashboard, Overview, read_overview
from .register_model import CaseListModel
from .session import Session
from .settings import Settings
from .tasks import CancelFn, ProgressFn, Task, TaskRunner

FIRST_YEAR = 2015


class RegisterPanel(QWidget):
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        session: Session,
        settings: Settings,
        runner: TaskRunner,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.runner = runner
        self.dialogs = dialogs
        self.lang = session.lang
        self.register: Register | None = None
        self.task: Task | None = None
        self.opening = False
        self.opened_with = ""  # the preferences' address the register was opened from
        self.record_when_open = False  # "Record in the register" asked before it opened
        self.dashboard_year: int | None = None
        self.model = CaseListModel(self.lang, runner, self)
        self.model.failed.connect(self._list_failed)
        self.pending_select: str | None = None  # a case to select when its page arrives
        self.model.loaded.connect(self._select_pending)
        layout = QVBoxLayout(self)

        actions = QHBoxLayout()
        self.where = QLabel(self.tr("Register: opening…"))
        self.record_button = QPushButton(self.tr("Record the current assessment"))
        self.record_button.clicked.connect(self.record_current)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        self.letter_button = QPushButton(self.tr("Reply letter…"))
        self.letter_button.clicked.connect(self.letter)
        self.portfolio_button = QPushButton(self.tr("Portfolio"))
        self.portfolio_button.setToolTip(
            self.tr("All offers still to come, from every donor, against the capacity")
        )
        self.portfolio_button.clicked.connect(self.portfolio)
        actions.addWidget(self.where, 1)
        for b in (self.record_button, self.export_button, self.letter_button):
            actions.addWidget(b)
        actions.addWidget(self.portfolio_button)
        layout.addLayout(actions)

        filters = QHBoxLayout()
        self.donor = QLineEdit()
        self.donor.setPlaceholderText(self.tr("Donor"))
        self.donor.setAccessibleName(self.tr("Donor"))
        self.donor.setClearButtonEnabled(True)
        self.category = QLineEdit()
        self.category.setPlaceholderText(self.tr("Category (truck, ambulance…)"))
        self.category.setAccessibleName(self.tr("Category"))
        self.category.setClearButtonEnabled(True)
        self.verdict = QComboBox()
        self.verdict.setAccessibleName(self.tr("Verdict"))
        self.verdict.addItem(self.tr("Any verdict"), None)
        for v in Verdict:
            self.verdict.addItem(verdict(v.value, self.lang), v.value)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Any status"), None)
        for st in CaseStatus:
            self.status.addItem(status(st.value, self.lang), st.value)
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Year"))
        self.year.addItem(self.tr("Any year"), None)
        for y in range(dt.date.today().year + 1, FIRST_YEAR - 1, -1):
            self.year.addItem(str(y), y)
        for w in (self.donor, self.category):
            w.editingFinished.connect(self.apply_filters)
            filters.addWidget(w, 1)
        for c in (self.verdict, self.status, self.year):
            c.currentIndexChanged.connect(self.apply_filters)
            filters.addWidget(c)
        self.count = QLabel()
        filters.addWidget(self.count)
        layout.addLayout(filters)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)  # one line a case: full texts are in the tooltips
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        # Room for the French headings ("Date de l’offre") with the status still in view.
        for column, width in enumerate((100, 120, 84, 104, 84, 48, 108, 60)):
            self.view.setColumnWidth(column, width)
        self.view.setAccessibleName(self.tr("Cases"))
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._count_changed)
        self.model.rowsInserted.connect(self._count_changed)

        self.case_view = CaseView(runner, dialogs, self.lang, self._who)
        self.case_view.changed.connect(self._case_changed)
        self.dashboard = Dashboard(self.lang)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.view)
        left.addWidget(self.dashboard)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.case_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([780, 520])  # the list's verdict and status in view at 1366 px
        layout.addWidget(split, 1)

        busy = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout.addLayout(busy)
        self._set_busy(None)
        self._enable(False)
        session.inventory_changed.connect(self._capacity_changed)
        session.ruleset_changed.connect(self._capacity_changed)

    # --- opening ----------------------------------------------------------------------------

    def open_register(self) -> None:
        """Open the register named in the preferences (or the environment, or the default file)
        on a thread: a server may take a while to answer."""
        address = self.settings.register_address or None
        self.opened_with = self.settings.register_address

        def job(progress: ProgressFn, cancel: CancelFn) -> Register:
            return Register.open(settings=address)

        self.opening = True
        self.where.setText(self.tr("Register: opening…"))
        self._run(job, "open the register", self._opened, busy=False)

    def showEvent(self, event: QShowEvent) -> None:
        """The register opens the first time the officer looks at it."""
        super().showEvent(event)
        if self.register is None and not self.opening:
            self.open_register()

    def _opened(self, register: Register) -> None:
        self.opening = False
        if self.register is not None:
            self.register.close()
        self.register = register
        self.where.setText(self.tr("Register: %1").replace("%1", register.shown_address))
        self.where.setToolTip(register.shown_address)
        self.model.set_register(register)
        self._enable(True)
        self.refresh_dashboard()
        if self.record_when_open:
            self.record_when_open = False
            self.record_current()

    def address_changed(self) -> None:
        """After Preferences: an open register whose address changed is opened again."""
        if self.register is not None and self.settings.register_address != self.opened_with:
            self.open_register()

    def _capacity_changed(self) -> None:
        if self.register is not None and self.session.inventory is not None:
            self.portfolio(quiet=True)

    def close_register(self) -> None:
        if self.register is not None:
            self.register.close()
            self.register = None

    def _enable(self, on: bool) -> None:
        for w in (self.record_button, self.export_button, self.letter_button):
            w.setEnabled(on)
        self.portfolio_button.setEnabled(on)

    def _who(self) -> tuple[str, str]:
        officer = self.settings.officer_name
        if not officer:
            try:
                officer = getpass.getuser()
            except (OSError, KeyError):
                officer = "?"
        return officer, self.settings.organisation

    # --- the list ---------------------------------------------------------------------------

    def filters(self) -> CaseFilter:
        status = self.status.currentData()
        typed = self.category.text().strip()
        # "camion", "Trucks" or "truck": the rule set's vocabulary names the category's id.
        rules = self.session.ruleset
        category = (rules.categories.match(typed) if rules else None) or typed.lower() or None
        return CaseFilter(
            donor=self.donor.text().strip() or None,
            category=category,
            verdict=self.verdict.currentData(),
            status=CaseStatus(status) if status else None,
            year=self.year.currentData(),
        )

    def apply_filters(self) -> None:
        if self.register is None:
            return
        wanted = self.filters()
        if wanted == self.model.filters:
            return
        self.model.set_filters(wanted)  # read on the runner's thread; failures: _list_failed
        if wanted.year != self.dashboard_year:
            self.refresh_dashboard()

    def _list_failed(self, exc: BaseException) -> None:
        text = exc.describe(self.lang) if isinstance(exc, DonationCheckerError) else str(exc)
        self.dialogs.warning(self, self.tr("The register cannot be read"), text)

    def _count_changed(self, *_: Any) -> None:
        self.count.setText(
            self.tr("Cases: %1 of %2")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(self.model.total))
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case = self.model.case_at(current.row())
        if case is not None and self.register is not None:
            self.case_view.open_case(self.register, case.number)

    def _case_changed(self, number: str) -> None:
        self.pending_select = number
        self.model.reload()
        self.message.emit(self.tr("%1 saved.").replace("%1", number))
        self.refresh_dashboard()

    def _select_pending(self) -> None:
        if self.pending_select is not None and self.select(self.pending_select):
            self.pending_select = None
        elif self.case_view.case is None and self.case_view.opening is None and self.model.cases:
            self.view.selectRow(0)  # the newest case, rather than an empty page

    def select(self, number: str) -> bool:
        """Select a case of the loaded rows; True when found."""
        for row, case in enumerate(self.model.cases):
            if case.number == number:
                self.view.selectRow(row)
                return True
        return False

    # --- background work --------------------------------------------------------------------

    def _run(
        self,
        job: Callable[[ProgressFn, CancelFn], Any],
        name: str,
        done: Callable[[Any], None],
        busy: bool = True,
    ) -> None:
        def finished(result: Any) -> None:
            self._set_busy(None)
            done(result)

        def failed(exc: BaseException) -> None:
            self._set_busy(None)
            text = exc.describe(self.lang) if isinstance(exc, DonationCheckerError) else str(exc)
            if name == "open the register":
                self.opening = False
                self.where.setText(self.tr("Register: cannot be opened"))
            self.dialogs.warning(self, self.tr("Register"), text)

        def guarded(progress: ProgressFn, cancel: CancelFn) -> Any:
            # The window's live objects stay out of the collections the job sets off: a full
            # collection holds the interpreter lock, and so the window, for ~80 ms.
            with live_objects_set_aside():
                return job(progress, cancel)

        task = self.runner.submit(
            guarded,
            name=name,
            on_success=finished,
            on_failure=failed,
            on_progress=lambda f, _label: self.progress.setValue(int(f * 1000)),
            on_cancel=lambda: self._set_busy(None),
        )
        if busy:
            self._set_busy(task)

    def _set_busy(self, task: Task | None) -> None:
        self.task = task
        self.progress.setValue(0)
        self.progress.setVisible(task is not None)
        self.cancel_button.setVisible(task is not None)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def refresh_dashboard(self) -> None:
        register = self.register
        if register is None:
            return
        year = self.year.currentData()
        self.dashboard_year = year
        unknown = self.tr("donor unknown")

        def job(progress: ProgressFn, cancel: CancelFn) -> Overview:
            return read_overview(register, year, unknown)

        self._run(job, "register dashboard", self.dashboard.show_overview, busy=False)
        if self.session.inventory is not None and self.session.ruleset is not None:
            self.portfolio(quiet=True)

    # --- actions ----------------------------------------------------------------------------

    def record_current(self) -> None:
        """Record the assessment on screen as a new case (the command line's assess --record)."""
        register, s = self.register, self.session
        if register is None:
            self.record_when_open = True
            if not self.opening:
                self.open_register()
            return
        if s.assessment is None:
            self.dialogs.warning(
                self,
                self.tr("Nothing to record"),
                self.tr("There is no assessment yet: load an inventory and an offer first."),
            )
            return
        assessment, offer, ruleset = s.assessment, s.offer(), s.ruleset
        officer, organisation = self._who()

        def job(progress: ProgressFn, cancel: CancelFn) -> Any:
            return register.record(
                assessment, offer, officer=officer, organisation=organisation, ruleset=ruleset
            )

        def recorded(case: Any) -> None:
            self.pending_select = case.number
            self.model.reload()
            self.case_view.open_case(register, case.number)
            self.message.emit(self.tr("Recorded as %1.").replace("%1", case.number))
            self.refresh_dashboard()

        self._run(job, "record in the register", recorded)

    def export(self) -> None:
        register = self.register
        if register is None:
            return
        path = self.dialogs.save_path(
            self,
            self.tr("Export the register"),
            self.tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"),
            "register.xlsx",
            "report",
        )
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"
        filters, lang = self.filters(), self.lang

        def job(progress: ProgressFn, cancel: CancelFn) -> int:
            from donation_checker.register.export import export_cases

            page = register.list_cases(filters, 0, 10_000_000)
            progress(0.5, "")
            export_cases(page.items, path, lang)
            return len(page.items)

        self._run(
            job,
            "export the register",
            lambda n: self.message.emit(
                self.tr("Cases exported: %1, to %2.").replace("%1", str(n)).replace("%2", path)
            ),
        )

    def letter(self) -> None:
        register, case = self.register, self.case_view.case
        if register is None or case is None:
            self.dialogs.warning(self, self.tr("Reply letter"), self.tr("Choose a case first."))
            return
        path = self.dialogs.save_path(
            self,
            self.tr("Save the reply letter"),
            self.tr("PDF documents (*.pdf);;Word documents (*.docx)"),
            f"{case.number}.pdf",
            "report",
        )
        if not path:
            return
        lang = self.lang
        officer, organisation = self._who()

        def job(progress: ProgressFn, cancel: CancelFn) -> str:
            from donation_checker.register.letter import write_docx, write_pdf

            write = write_docx if path.lower().endswith(".docx") else write_pdf
            write(case, path, lang, officer, organisation)
            return path

        self._run(
            job,
            "reply letter",
            lambda p: self.message.emit(self.tr("Reply letter saved: %1").replace("%1", p)),
        )

    def portfolio(self, quiet: bool = False) -> None:
        """All offers still to come against the inventory's capacity, on the dashboard."""
        register, s = self.register, self.session
        if register is None:
            return
        if s.inventory is None or s.ruleset is None:
            self.dialogs.warning(
                self,
                self.tr("Portfolio"),
                self.tr("Load the inventory first: the portfolio is measured against it."),
            )
            return
        inventory, ruleset = s.inventory, s.ruleset

        def job(progress: ProgressFn, cancel: CancelFn) -> Any:
            from donation_checker.register.portfolio import assess_portfolio

            offers = register.open_offers()
            progress(0.3, "")
            return assess_portfolio(inventory, ruleset, offers)

        self._run(job, "portfolio", self.dashboard.show_portfolio, busy=not quiet)
