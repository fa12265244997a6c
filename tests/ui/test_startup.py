"""Start-up: the window shows first, as a shell with its menus and tabs, and the core (pandas)
and the panels follow on the event loop's next turns; what the user asks meanwhile waits for
them, and everything works once they are built."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from donation_checker_gui.main_window import STARTUP_FALLBACK_MS, MainWindow
from tests.ui.helpers import drop_file, wait_assessment

ROOT = Path(__file__).resolve().parents[2]
TAB_TEXTS = ["&Inventory", "&Offer", "&Assessment", "&Rules", "Re&port", "Re&gister"]
LINE = {"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"}


@pytest.fixture
def windows(qtbot: Any, notices: Any) -> Iterator[list[Any]]:
    """Windows a test opened; their background work is stopped afterwards."""
    opened: list[Any] = []
    yield opened
    for win in opened:
        if hasattr(win, "session"):
            win.session.set_modified(False)
            win.runner.shutdown()
            win.autosaver.stop()


def _shell(qtbot: Any, windows: list[Any], settings: Any, dialogs: Any, notices: Any) -> Any:
    from donation_checker_gui.errors import ErrorReporter

    win = MainWindow(settings, ErrorReporter(notifier=notices), dialogs, deferred=True)
    qtbot.addWidget(win)
    windows.append(win)
    win.show()
    return win


def _tab_texts(win: Any) -> list[str]:
    return [win.tabs.tabText(i) for i in range(win.tabs.count())]


def test_shell_then_panels(
    qtbot: Any, windows: list[Any], settings: Any, dialogs: Any, notices: Any, inventory_file: Path
) -> None:
    win = _shell(qtbot, windows, settings, dialogs, notices)
    # The shell: title, menus, tabs and a loading message, before any panel exists.
    assert win.isVisible() and not win.ready
    assert not hasattr(win, "session") and not hasattr(win, "inventory_panel")
    assert win.windowTitle().endswith("Donation Checker")
    assert [a.text() for a in win.menuBar().actions()] == ["&File", "&Edit", "&Help"]
    assert _tab_texts(win) == TAB_TEXTS
    assert win.statusBar().currentMessage() == "Loading…"
    assert not win.act_open.isEnabled() and not win.act_save.isEnabled()
    assert not win.act_prefs.isEnabled() and not win.recent_menu.isEnabled()
    assert win.act_quit.isEnabled() and win.act_about.isEnabled()
    win.tabs.setCurrentIndex(3)  # the user may switch tabs meanwhile

    win.open_inventory(str(inventory_file))  # waits for the panels
    qtbot.waitUntil(lambda: win.ready, timeout=30_000)
    panels = [
        win.inventory_panel,
        win.offer_panel,
        win.assessment_panel,
        win.rules_panel,
        win.report_panel,
        win.register_panel,
    ]
    assert [win.tabs.widget(i) for i in range(win.tabs.count())] == panels
    assert _tab_texts(win) == TAB_TEXTS
    assert win.act_open.isEnabled() and win.act_save.isEnabled() and win.act_prefs.isEnabled()
    assert win.statusBar().currentMessage() != "Loading…"
    assert win.session.ruleset is not None  # the default rule set is loaded

    qtbot.waitUntil(lambda: win.session.inventory is not None, timeout=30_000)
    assert win.tabs.currentWidget() is win.inventory_panel
    win.session.lines.replace_all([LINE], "lines")
    assert win.session.undo_stack.canUndo() and win.act_undo.isEnabled()
    assert wait_assessment(qtbot, win) is not None
    assert win.status_assessment.text().startswith("Verdict")


def test_drop_while_loading_opens_the_file_once_ready(
    qtbot: Any, windows: list[Any], settings: Any, dialogs: Any, notices: Any, inventory_file: Path
) -> None:
    win = _shell(qtbot, windows, settings, dialogs, notices)
    drop_file(win, inventory_file)
    assert not win.ready
    qtbot.waitUntil(
        lambda: win.ready and win.session.inventory is not None and not win.flow.busy(),
        timeout=30_000,
    )
    assert win.session.inventory_path == str(inventory_file)


def test_closing_while_loading_builds_nothing_more(
    qtbot: Any, windows: list[Any], settings: Any, dialogs: Any, notices: Any
) -> None:
    win = _shell(qtbot, windows, settings, dialogs, notices)
    win.close()
    qtbot.wait(STARTUP_FALLBACK_MS + 300)
    assert not win.ready and not hasattr(win, "session")
    assert settings.geometry() is not None


def test_files_on_the_command_line_open_after_start(
    qtbot: Any,
    windows: list[Any],
    settings: Any,
    dialogs: Any,
    notices: Any,
    inventory_file: Path,
    offer_file: Path,
) -> None:
    from donation_checker_gui.app import open_window, parse_args
    from donation_checker_gui.errors import ErrorReporter

    args = parse_args(["--inventory", str(inventory_file), "--offer", str(offer_file)])
    win = open_window(settings, ErrorReporter(notifier=notices), args, dialogs)
    qtbot.addWidget(win)
    windows.append(win)
    assert win.isVisible() and not win.ready
    qtbot.waitUntil(
        lambda: (
            win.ready
            and win.session.inventory is not None
            and win.session.lines.rowCount() == 2
            and not win.flow.busy()
        ),
        timeout=30_000,
    )
    assert win.session.header.donor == "Partner Q"
    assert wait_assessment(qtbot, win) is not None
    assert not dialogs.warnings and not notices.items


def test_file_on_the_command_line_is_the_inventory_whatever_tab_is_open(
    qtbot: Any, windows: list[Any], settings: Any, dialogs: Any, notices: Any, inventory_file: Path
) -> None:
    from donation_checker_gui.app import open_window, parse_args
    from donation_checker_gui.errors import ErrorReporter

    args = parse_args([str(inventory_file)])
    win = open_window(settings, ErrorReporter(notifier=notices), args, dialogs)
    qtbot.addWidget(win)
    windows.append(win)
    win.tabs.setCurrentIndex(1)  # the Offer tab, opened while the window loads
    qtbot.waitUntil(
        lambda: win.ready and win.session.inventory is not None and not win.flow.busy(),
        timeout=30_000,
    )
    assert win.session.inventory_path == str(inventory_file)
    assert win.session.lines.rowCount() == 0


def test_recovered_autosave_opens_once_ready(
    qtbot: Any,
    windows: list[Any],
    settings: Any,
    dialogs: Any,
    notices: Any,
    inventory_file: Path,
) -> None:
    from donation_checker_gui.app import open_window, parse_args
    from donation_checker_gui.case_file import SUFFIX, autosave_dir, save_case
    from donation_checker_gui.errors import ErrorReporter

    # Left by an instance that is no longer running (no process has this pid).
    orphan = autosave_dir() / f"autosave-999999999{SUFFIX}"
    save_case(
        orphan,
        {
            "offer": {"header": {"donor": "Partner R"}, "lines": [LINE]},
            "inventory": {"path": None, "sha256": None},
            "rules": {"path": None, "sha256": None, "family_weights": {}},
            "notes": "recovered",
        },
    )
    dialogs.confirm_answer = True
    args = parse_args(["--inventory", str(inventory_file)])
    win = open_window(settings, ErrorReporter(notifier=notices), args, dialogs)
    qtbot.addWidget(win)
    windows.append(win)
    assert not win.ready and not dialogs.asked  # asked once the window can show the work
    qtbot.waitUntil(lambda: win.ready, timeout=30_000)
    assert dialogs.asked == ["Recover unsaved work?"]
    assert win.session.lines.rows() == [LINE]
    assert win.session.header.donor == "Partner R" and win.session.notes == "recovered"
    assert win.session.modified and not orphan.exists()
    qtbot.wait(200)
    assert win.session.inventory is None and not win.flow.busy()  # recovery replaces the files


SHELL_PROBE = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
from donation_checker_gui.dialogs import HeadlessDialogs
from donation_checker_gui.errors import ErrorReporter
from donation_checker_gui.i18n import install_language
from donation_checker_gui.settings import Settings

settings = Settings(Path(tempfile.mkdtemp()) / "settings.ini")
settings.language = "fr"
install_language("fr")
from donation_checker_gui.main_window import MainWindow

win = MainWindow(settings, ErrorReporter(notifier=print), HeadlessDialogs(), deferred=True)
seen = {}

def state():
    return {
        "pandas": "pandas" in sys.modules,
        "ready": win.ready,
        "visible": win.isVisible(),
        "tabs": [win.tabs.tabText(i) for i in range(win.tabs.count())],
        "status": win.statusBar().currentMessage(),
        "open_enabled": win.act_open.isEnabled(),
    }

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = state()
        return False

watcher = FirstPaint()
win.installEventFilter(watcher)
win.show()

def done():
    seen["ready"] = state()
    win.session.set_modified(False)
    win.runner.shutdown()
    app.quit()

win.when_ready(done)
QTimer.singleShot(60_000, app.quit)
app.exec()
print(json.dumps(seen))
"""


def test_window_is_painted_before_pandas_is_imported(tmp_path: Path) -> None:
    # A fresh process: this one imported pandas long ago.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DONATION_CHECKER_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", SHELL_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    painted, ready = seen["painted"], seen["ready"]
    assert painted["visible"] and not painted["ready"] and not painted["pandas"]
    assert painted["tabs"] == [
        "&Inventaire",
        "&Offre",
        "É&valuation",
        "&Règles",
        "Ra&pport",
        "Re&gistre",
    ]
    assert painted["status"] == "Chargement…" and not painted["open_enabled"]
    assert ready["ready"] and ready["pandas"] and ready["open_enabled"]
    assert ready["tabs"] == painted["tabs"] and ready["status"] != "Chargement…"
