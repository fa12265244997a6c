"""The main window: five areas over one Session, menus and shortcuts, files in and out.

At start-up the window is shown first as a shell (title, menus, tool bar, the five tabs and a
"Loading…" message) and the core, with pandas, and the panels are built on the following turns
of the event loop, so the user sees the window at once. Until they are ready the actions that
need them are disabled and files to open wait in when_ready(). This module therefore imports
nothing heavy at its top: the panels' modules are imported where they are built.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QProxyStyle,
    QStyle,
    QTabWidget,
    QToolBar,
    QWidget,
)

from .dialogs import Dialogs, workbook_filter
from .errors import ErrorReporter
from .i18n import install_language
from .settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
    from PySide6.QtWidgets import QStyleOption

    from .assessment_panel import AssessmentPanel
    from .case_file import Autosaver
    from .case_io import CaseIO
    from .import_flow import ImportFlow, NeedsMapping
    from .inventory_panel import InventoryPanel
    from .mapping_dialog import MappingDialog
    from .offer_panel import OfferPanel
    from .register_panel import RegisterPanel
    from .report_panel import ReportPanel
    from .rules_panel import RulesPanel
    from .session import Session
    from .tasks import TaskRunner

TABS = ("inventory", "offer", "assessment", "rules", "report", "register")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")
# A short pause between the shell's first paint and the first (longest) build step, so the
# window system takes the frame before the event loop is busy for a few hundred milliseconds.
FIRST_STEP_DELAY_MS = 15
# Builds the panels even when the window is not painted soon (hidden, minimised).
STARTUP_FALLBACK_MS = 500


class UnshiftedTabStyle(QProxyStyle):
    """Tabs whose label is not shifted down when unselected: the shift clips the accent of a
    capital (the "É" of "Évaluation") in the Fusion style."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


class MainWindow(QMainWindow):
    # Built by the start-up steps (_build_core, _build_panel), after the shell.
    runner: TaskRunner
    session: Session
    flow: ImportFlow
    cases: CaseIO
    autosaver: Autosaver
    inventory_panel: InventoryPanel
    offer_panel: OfferPanel
    assessment_panel: AssessmentPanel
    rules_panel: RulesPanel
    report_panel: ReportPanel
    _register_panel: RegisterPanel | None = None

    def __init__(
        self,
        settings: Settings,
        reporter: ErrorReporter,
        dialogs: Dialogs | None = None,
        *,
        deferred: bool = False,
    ) -> None:
        """`deferred`: show first, build later. The window is a shell until its first paint,
        then builds the core and the panels one per event-loop turn (see when_ready). Without
        it the window is complete when the constructor returns."""
        super().__init__()
        self.settings = settings
        self.reporter = reporter
        self.dialogs = dialogs or Dialogs()
        self.dialogs.remember_in(settings.qsettings)
        # Owned here so the Undo and Redo actions exist in the shell; the session uses it.
        self.undo_stack = QUndoStack(self)
        self.mapping_dialog: MappingDialog | None = None
        self._core_built = False
        self._ready = False
        self._waiting: list[Callable[[], object]] = []
        self._steps: list[Callable[[], object]] = [
            # The heaviest modules first, one per turn: pandas with the core's errors, then the
            # rule sets and the offer model.
            partial(import_module, ".tasks", __package__),
            partial(import_module, ".session", __package__),
            self._build_core,
            # The register (and its database library, a second's import) waits for its tab.
            *(partial(self._build_panel, name) for name in TABS if name != "register"),
            self._load_default_rules,
            self._startup_done,
        ]
        self._stepping = False
        self.setAcceptDrops(True)
        self.setMinimumSize(960, 620)
        self._build_frame()
        self._restore_geometry()
        if deferred:
            self.statusBar().showMessage(self._loading_text())
            QTimer.singleShot(STARTUP_FALLBACK_MS, self, self._start_steps)
        else:
            while self._steps:
                self._steps.pop(0)()

    # --- start-up -----------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """The core and the panels are built: every action works."""
        return self._ready

    def when_ready(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the panels are built: at once if they are, else after, in the
        order asked."""
        if self._ready:
            callback()
        else:
            self._waiting.append(callback)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._stepping and self._steps:  # the shell is on screen: build the rest
            self._stepping = True
            QTimer.singleShot(FIRST_STEP_DELAY_MS, self, self._next_step)

    def _start_steps(self) -> None:
        if not self._stepping and self._steps:
            self._stepping = True
            QTimer.singleShot(0, self, self._next_step)

    def _next_step(self) -> None:
        """One build step per turn of the event loop, so the window repaints in between."""
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self, self._next_step)

    def _loading_text(self) -> str:
        return self.tr("Loading…")

    def _build_core(self) -> None:
        from .case_file import Autosaver
        from .case_io import CaseIO
        from .import_flow import ImportFlow
        from .session import Session
        from .tasks import TaskRunner

        self.runner = TaskRunner(self.reporter, self)
        self.session = Session(self.runner, self.settings.language, self, self.undo_stack)
        self.session.currency = self.settings.currency_mode
        self.flow = ImportFlow(self.runner, self.settings, lambda: self.session.lang, self)
        self.cases = CaseIO(self)
        self.autosaver = Autosaver(self.session.snapshot, lambda: self.session.modified, self)
        self._core_built = True
        self._connect_signals()
        self._assessing(False)

    def _startup_done(self) -> None:
        self._ready = True
        self._enable_actions(True)
        status = self.statusBar()
        if status.currentMessage() == self._loading_text():
            status.clearMessage()
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
        self._tab_changed(self.tabs.currentIndex())  # the Register tab chosen while loading

    # --- construction (rebuilt on a language change) -------------------------------------------

    def _build_frame(self) -> None:
        """Everything but the panels: the tabs (empty until their panel is built), actions,
        menus, tool bar, status bar and title."""
        self._init_tabs()
        self._init_actions()
        self._init_menus()
        self._init_status()
        self._update_title()
        self._enable_actions(self._ready)

    def _init_tabs(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tab_style = UnshiftedTabStyle(QApplication.style().name())
        self.tab_style.setParent(self.tabs)
        self.tabs.tabBar().setStyle(self.tab_style)
        self.tabs.setAccessibleName(self.tr("Areas"))
        titles = (
            self.tr("&Inventory"),
            self.tr("&Offer"),
            self.tr("&Assessment"),
            self.tr("&Rules"),
            self.tr("Re&port"),
            self.tr("Re&gister"),
        )
        for title in titles:
            self.tabs.addTab(QWidget(), title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

    def _build_panel(self, name: str) -> None:
        """Build one area's panel and put it in its tab, in place of the empty page."""
        panel = self._make_panel(name)
        index = TABS.index(name)
        current = self.tabs.currentIndex()
        title = self.tabs.tabText(index)
        page = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, panel, title)
        self.tabs.setCurrentIndex(current)
        if page is not None:
            page.deleteLater()

    @property
    def register_panel(self) -> RegisterPanel:
        """The Register area, built the first time it is needed."""
        if self._register_panel is None:
            self._build_panel("register")
        assert self._register_panel is not None
        return self._register_panel

    def _tab_changed(self, index: int) -> None:
        if self._core_built and index == TABS.index("register") and self._register_panel is None:
            self._build_panel("register")

    def _make_panel(self, name: str) -> QWidget:
        s = self.session
        if name == "inventory":
            from .inventory_panel import InventoryPanel

            self.inventory_panel = InventoryPanel(s)
            self.inventory_panel.open_requested.connect(self.open_inventory)
            self.inventory_panel.map_requested.connect(self.map_sheet)
            self.inventory_panel.cancel_requested.connect(self.flow.cancel)
            return self.inventory_panel
        if name == "offer":
            from .offer_panel import OfferPanel

            self.offer_panel = OfferPanel(s)
            self.offer_panel.import_requested.connect(self.import_offer)
            return self.offer_panel
        if name == "assessment":
            from .assessment_panel import AssessmentPanel

            self.assessment_panel = AssessmentPanel(s)
            return self.assessment_panel
        if name == "rules":
            from .rules_panel import RulesPanel

            self.rules_panel = RulesPanel(s)
            self.rules_panel.open_requested.connect(self.cases.open_rules)
            self.rules_panel.save_requested.connect(self.cases.save_rules_as)
            return self.rules_panel
        if name == "register":
            from .register_panel import RegisterPanel

            panel = RegisterPanel(s, self.settings, self.runner, self.dialogs)
            panel.message.connect(self.show_message)
            self._register_panel = panel
            return panel
        from .report_panel import ReportPanel

        self.report_panel = ReportPanel(s, self.runner, self.dialogs, self._report_meta)
        self.report_panel.message.connect(self.show_message)
        self.report_panel.record_requested.connect(self.record_in_register)
        return self.report_panel

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        return action

    def _init_actions(self) -> None:
        # A language change builds new actions: the old ones go, with their shortcuts.
        for old in getattr(self, "_own_actions", []):
            old.deleteLater()
        key = QKeySequence.StandardKey
        self.act_open = self._action(
            self.tr("&Open inventory…"),
            self.open_inventory,
            key.Open,
            self.tr("Open the recipient's inventory workbook"),
        )
        self.act_offer = self._action(
            self.tr("&Import offer…"),
            self.import_offer,
            "Ctrl+I",
            self.tr("Import the donor's offer from Excel or CSV"),
        )
        self.act_new = self._action(self.tr("&New case"), lambda: self.cases.new_case(), key.New)
        self.act_open_case = self._action(
            self.tr("Open &case…"), lambda: self.cases.open_case_dialog(), "Ctrl+Shift+O"
        )
        self.act_save = self._action(self.tr("&Save case"), lambda: self.cases.save(), key.Save)
        self.act_save_as = self._action(
            self.tr("Save case &as…"), lambda: self.cases.save_as(), key.SaveAs
        )
        self.act_pdf = self._action(
            self.tr("Save report as &PDF…"), lambda: self.report_panel.save_pdf(), "Ctrl+E"
        )
        self.act_excel = self._action(
            self.tr("Export to &Excel…"), lambda: self.report_panel.export_excel()
        )
        self.act_print = self._action(self.tr("&Print report…"), self._print, key.Print)
        self.act_quit = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcut(QKeySequence(key.Undo))
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcut(QKeySequence(key.Redo))
        self.act_add = self._action(self.tr("&Add offer line"), self._add_line, "Ctrl+Shift+N")
        self.act_prefs = self._action(self.tr("&Preferences…"), self.preferences, key.Preferences)
        self.act_about = self._action(self.tr("&About Donation Checker"), self.about)
        self.act_guide = self._action(self.tr("User &guide"), self.show_guide, key.HelpContents)
        self.act_logs = self._action(self.tr("Open the &log folder"), self.open_logs)
        self._own_actions = [v for v in vars(self).values() if isinstance(v, QAction)]

    def _enable_actions(self, enabled: bool) -> None:
        """The actions that need the core or a panel wait for them (Quit, About, Undo and Redo
        work in the shell: the stack is empty there)."""
        for action in (
            self.act_new,
            self.act_open,
            self.act_offer,
            self.act_open_case,
            self.act_save,
            self.act_save_as,
            self.act_pdf,
            self.act_excel,
            self.act_print,
            self.act_add,
            self.act_prefs,
        ):
            action.setEnabled(enabled)
        self.recent_menu.setEnabled(enabled)

    def _init_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_new, self.act_open, self.act_offer])
        file_menu.addSeparator()
        file_menu.addActions([self.act_open_case])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addActions([self.act_save, self.act_save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.act_pdf, self.act_excel, self.act_print])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo, self.act_add])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_prefs)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_guide, self.act_logs])
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        tools = self.addToolBar(self.tr("Main"))
        tools.setObjectName("main_toolbar")
        tools.setMovable(False)
        tools.addActions(
            [self.act_open, self.act_offer, self.act_save, self.act_pdf, self.act_print]
        )

    def _init_status(self) -> None:
        status = self.statusBar()
        for child in status.findChildren(QWidget):
            if child.objectName().startswith("status_"):
                status.removeWidget(child)
                child.deleteLater()
        self.status_assessment = QLabel()
        self.status_assessment.setObjectName("status_assessment")
        self.status_progress = QProgressBar()
        self.status_progress.setObjectName("status_progress")
        self.status_progress.setRange(0, 1000)
        self.status_progress.setMaximumWidth(180)
        self.status_progress.setVisible(False)
        status.addPermanentWidget(self.status_progress)
        status.addPermanentWidget(self.status_assessment)
        if self._core_built:
            self._assessing(False)

    def _connect_signals(self) -> None:
        f = self.flow
        f.started.connect(self._import_started)
        f.progress.connect(self._import_progress)
        f.imported.connect(self._imported)
        f.failed.connect(self._import_failed)
        f.cancelled.connect(self._import_cancelled)
        f.needs_mapping.connect(self._ask_mapping)
        self.session.modified_changed.connect(lambda _m: self._update_title())
        self.session.assessing.connect(self._assessing)

    def retranslate(self) -> None:
        """Apply a new language: rebuild every view over the same session (nothing is lost)."""
        install_language(self.settings.language)
        current = self.tabs.currentIndex()
        old = self.centralWidget()
        self.session.lang = self.settings.language
        self.session.lines.lang = self.session.lang
        had_register = self._register_panel is not None
        if self._register_panel is not None:
            self._register_panel.close_register()  # the new panel opens it again when shown
            self._register_panel = None
        self._build_frame()
        for name in TABS:
            if name != "register" or had_register:
                self._build_panel(name)
        if old is not None:
            old.deleteLater()
        self.tabs.setCurrentIndex(current)
        self.session.lines.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.session.lines.columnCount() - 1
        )
        self.session.schedule()  # texts of the assessment come out in the new language

    # --- imports ------------------------------------------------------------------------------

    def open_inventory(self, path: str | None = None) -> None:
        if not self._ready:
            self.when_ready(lambda: self.open_inventory(path))
            return
        path = path or self.dialogs.open_path(
            self, self.tr("Open the inventory"), workbook_filter(), "inventory"
        )
        if path and not self.flow.busy():
            self.flow.start(path, "inventory")

    def import_offer(self, path: str | None = None) -> None:
        if not self._ready:
            self.when_ready(lambda: self.import_offer(path))
            return
        path = path or self.dialogs.open_path(
            self, self.tr("Import the offer"), workbook_filter(), "offer"
        )
        if path and not self.flow.busy() and self._may_replace_lines(path):
            self.flow.start(path, "offer")

    def _may_replace_lines(self, path: str) -> bool:
        """An imported offer replaces the lines: ask first when lines typed since the case was
        last saved would go."""
        typed = [r for r in self.session.lines.rows() if any(str(v).strip() for v in r.values())]
        if not typed or not self.session.modified:
            return True
        return self.dialogs.confirm(
            self,
            self.tr("Replace the offer lines?"),
            self.tr(
                "The %n offer line(s) not yet saved will be replaced by those of {file}. "
                "Edit › Undo brings them back.",
                "",
                len(typed),
            ).format(file=Path(path).name),
        )

    def _import_started(self, kind: str, name: str) -> None:
        if kind == "inventory":
            self.inventory_panel.set_busy(True, name)
        self.status_progress.setValue(0)
        self.status_progress.setVisible(True)
        self.show_message(self.tr("Reading {file}…").format(file=name))

    def _import_progress(self, fraction: float, label: str) -> None:
        self.inventory_panel.show_progress(fraction, label)
        self.status_progress.setValue(int(fraction * 1000))

    def _import_done(self) -> None:
        self.inventory_panel.set_busy(False)
        self.status_progress.setVisible(False)

    def _imported(self, kind: str, path: str, result: Any) -> None:
        from .labels import rows_imported_text

        self._import_done()
        report = result.report
        if kind == "inventory":
            self.session.set_inventory(result, path)
            self.cases.inventory_arrived(result)
            self.tabs.setCurrentWidget(self.inventory_panel)
        else:
            self.offer_panel.load_offer(result)
            self.tabs.setCurrentWidget(self.offer_panel)
        self.show_message(
            self.tr("{file}: {counts}").format(
                file=Path(path).name,
                counts=rows_imported_text(report.rows_imported, report.rows_rejected),
            )
        )

    def _import_failed(self, kind: str, message: str) -> None:
        self._import_done()
        self.show_message(message)
        title = (
            self.tr("The inventory cannot be used")
            if kind == "inventory"
            else self.tr("The offer cannot be used")
        )
        self.dialogs.warning(self, title, message)

    def _import_cancelled(self, kind: str) -> None:
        self._import_done()
        self.show_message(self.tr("Import cancelled; nothing was changed."))

    def _ask_mapping(self, request: NeedsMapping) -> None:
        from .mapping_dialog import MappingDialog

        self._import_done()
        dialog = MappingDialog(
            request,
            self.session.lang,
            self,
            save_path=lambda name: self.dialogs.save_path(
                self,
                self.tr("Save the column mapping"),
                self.tr("Mapping (*.toml)"),
                name,
                "mapping",
            ),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.mapping_chosen.connect(lambda entry: self._mapped(request, entry))
        dialog.finished.connect(lambda _r: setattr(self, "mapping_dialog", None))
        self.mapping_dialog = dialog
        dialog.open()

    def map_sheet(self) -> None:
        """Open the mapping dialog on the first sheet the inventory import did not read."""
        inv = self.session.inventory
        path = self.session.inventory_path
        if inv is None or not path or self.flow.busy():
            return
        self.flow.ask(path, "inventory", inv.report)

    def _mapped(self, request: NeedsMapping, entry: dict[str, Any]) -> None:
        from .import_flow import remembered_mapping

        self.settings.remember_mapping(request.shape, entry)
        # The other tables' answers for this workbook shape stay in force.
        mapping = remembered_mapping(self.settings.mappings(request.shape), request.grids) or {}
        mapping.update(entry["mapping"])
        self.flow.start(request.path, request.kind, mapping=mapping)

    # --- other actions ------------------------------------------------------------------------

    def _add_line(self) -> None:
        self.tabs.setCurrentWidget(self.offer_panel)
        self.offer_panel.add_line()

    def _print(self) -> None:
        self.tabs.setCurrentWidget(self.report_panel)
        self.report_panel.print_report()

    def record_in_register(self) -> None:
        """Record the current assessment as a new case, and show it in the Register area."""
        self.tabs.setCurrentWidget(self.register_panel)
        self.register_panel.record_current()

    def _report_meta(self) -> dict[str, str]:
        return {
            "marking": self.settings.marking,
            "author": self.settings.officer_name,
            "organisation": self.settings.organisation,
        }

    def _load_default_rules(self) -> None:
        from donation_checker.errors import DonationCheckerError

        path = self.settings.default_rules or None
        try:
            self.session.load_rules(path)
            return
        except DonationCheckerError as exc:
            problem = exc.describe(self.session.lang)
        if path is not None:
            try:
                self.session.load_rules(None)
                problem += "\n\n" + self.tr("The shipped rule set is used instead.")
            except DonationCheckerError as exc:
                problem += "\n\n" + exc.describe(self.session.lang)
        self.dialogs.warning(self, self.tr("The rule set cannot be used"), problem)

    def preferences(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_preferences(dialog.apply())

    def apply_preferences(self, language_changed: bool) -> None:
        self.session.currency = self.settings.currency_mode
        self.report_panel.marking.setText(self.settings.marking)
        if self._register_panel is not None:
            self._register_panel.address_changed()
        if language_changed:
            self.retranslate()
        else:
            self.session.schedule()

    def show_guide(self) -> None:
        from .help_dialog import GuideDialog

        dialog = GuideDialog(self.session.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.guide = dialog
        dialog.open()

    def open_logs(self) -> None:
        from donation_checker.logs import log_path

        from .help_dialog import open_log_folder

        if not open_log_folder():
            self.dialogs.warning(
                self,
                self.tr("The log folder cannot be shown"),
                self.tr("No file manager opened it. The log is in {folder}").format(
                    folder=log_path().parent
                ),
            )

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from donation_checker import __version__

        QMessageBox.about(
            self,
            self.tr("About Donation Checker"),
            self.tr(
                "Donation Checker {version}\n\nDecision support for in-kind equipment donations: "
                "does an offer fit the recipient's fleet, spare parts, workshops and budget?"
            ).format(version=__version__),
        )

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _assessing(self, busy: bool) -> None:
        a = self.session.assessment
        if busy:
            text = self.tr("Assessing…")
        elif a is None:
            text = self.tr("No assessment")
        else:
            from .labels import verdict_label

            text = self.tr("Verdict: {verdict}").format(verdict=verdict_label(a.verdict.value))
        self.status_assessment.setText(text)

    def _update_title(self) -> None:
        path = self.cases.path if self._core_built else None
        name = Path(path).name if path else self.tr("New case")
        self.setWindowTitle(f"{name}[*] — Donation Checker")
        self.setWindowModified(self._core_built and self.session.modified)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.cases.open_case(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_files()))

    # --- window events ------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        self.open_dropped(paths[0])

    def open_dropped(self, path: str) -> None:
        """A workbook dropped on the Offer area is the offer; elsewhere, the inventory."""
        if not self._ready:
            self.when_ready(lambda: self.open_dropped(path))
            return
        self.open_file(path, as_offer=self.tabs.currentWidget() is self.offer_panel)

    def open_file(self, path: str, as_offer: bool = False) -> None:
        """Open a case file, or import a workbook as the inventory (or as the offer)."""
        if not self._ready:
            self.when_ready(lambda: self.open_file(path, as_offer))
            return
        suffix = Path(path).suffix.lower()
        if suffix in (".dcase", ".json"):
            self.cases.open_case(path)
        elif as_offer:
            self.import_offer(path)
        else:
            self.open_inventory(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._core_built and self.session.modified:
            answer = self.dialogs.save_discard_cancel(
                self,
                self.tr("Unsaved changes"),
                self.tr("This case has changes that are not saved. Save them before closing?"),
            )
            if answer == "cancel" or (answer == "save" and not self.cases.save()):
                event.ignore()
                return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        self._steps.clear()  # closed while starting: build nothing more
        self._waiting.clear()
        if self._core_built:
            self.autosaver.stop()
            self.autosaver.discard()
            self.runner.shutdown()
        if self._register_panel is not None:
            self._register_panel.close_register()
        event.accept()
