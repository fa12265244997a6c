"""Desktop conventions: shortcuts, accessible names, drop to open, preferences, geometry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from donation_checker_gui.main_window import MainWindow
from donation_checker_gui.settings_dialog import SettingsDialog
from tests.ui.helpers import drop_file


def test_standard_shortcuts(window: Any) -> None:
    expected = {
        window.act_open: QKeySequence.StandardKey.Open,
        window.act_save: QKeySequence.StandardKey.Save,
        window.act_save_as: QKeySequence.StandardKey.SaveAs,
        window.act_print: QKeySequence.StandardKey.Print,
        window.act_undo: QKeySequence.StandardKey.Undo,
        window.act_redo: QKeySequence.StandardKey.Redo,
        window.act_quit: QKeySequence.StandardKey.Quit,
    }
    for action, key in expected.items():
        bindings = QKeySequence.keyBindings(key)
        if bindings:  # some platforms have no binding for SaveAs/Quit
            assert action.shortcut() == bindings[0], action.text()


def test_key_widgets_have_accessible_names(window: Any) -> None:
    for widget in (
        window.inventory_panel.open_button,
        window.inventory_panel.filter,
        window.inventory_panel.table_view,
        window.offer_panel.view,
        window.assessment_panel.badge,
        window.assessment_panel.finding_view,
        window.report_panel.save_button,
        window.tabs,
    ):
        assert isinstance(widget, QWidget) and widget.accessibleName(), widget


def test_dropping_a_workbook_imports_it(qtbot: Any, window: Any, inventory_file: Path) -> None:
    with qtbot.waitSignal(window.flow.imported, timeout=30_000):
        drop_file(window, inventory_file)
    assert window.session.inventory is not None


def test_preferences_are_stored(qtbot: Any, window: Any) -> None:
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.officer.setText("Cne A. Traoré")
    dialog.marking.setText("DIFFUSION RESTREINTE")
    dialog.currency.setCurrentIndex(1)
    assert dialog.apply() is False  # language unchanged
    window.apply_preferences(False)
    assert window.settings.officer_name == "Cne A. Traoré"
    assert window.report_panel.marking.text() == "DIFFUSION RESTREINTE"
    assert window.session.currency == "local"


def test_geometry_is_restored(
    qtbot: Any, window: Any, settings: Any, dialogs: Any, notices: Any
) -> None:
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen().availableGeometry()
    window.resize(min(1111, screen.width()), min(700, screen.height()))
    size = window.size()
    window.close()
    assert settings.geometry() is not None
    from donation_checker_gui.errors import ErrorReporter

    again = MainWindow(settings, ErrorReporter(notifier=notices), dialogs)
    qtbot.addWidget(again)
    # The offscreen screen is small, so the window may be clamped to its minimum size.
    assert again.size() == size.expandedTo(again.minimumSize())
    again.runner.shutdown()
    again.autosaver.stop()


def test_minimum_size_and_about_text(window: Any) -> None:
    assert window.minimumWidth() >= 900 and window.minimumHeight() >= 600
    assert window.windowTitle().endswith("Donation Checker")


def test_preferences_show_the_user_folder_and_what_it_sets_aside(
    qtbot: Any, window: Any, monkeypatch: Any
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices

    from donation_checker.user_files import user_config_dir

    folder = user_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "aliases.toml").write_text("[makes\n", encoding="utf-8")
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()))
    )
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.user_folder.text() == str(folder)
    assert not dialog.user_problems.isHidden()
    assert str(folder / "aliases.toml") in dialog.user_problems.text()
    assert "line 1" in dialog.user_problems.text()
    qtbot.mouseClick(dialog.open_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(folder)]
    assert (folder / "rules").is_dir()
