"""What a first day with the application finds: file dialogs in the interface's language that
start where the same kind of file was last taken, and report names that never collide."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from donation_checker_gui.dialogs import Dialogs
from tests.ui.helpers import load_inventory, wait_assessment


def test_file_dialogs_speak_french_where_qt_does_not(qtbot: Any, window: Any) -> None:
    from donation_checker_gui.i18n import install_language

    install_language("fr")
    try:
        dialog = Dialogs().file_dialog(window, "Ouvrir", "", "Classeurs (*.xlsx)", save=False)
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "Regarder dans\u00a0:"
        assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "Fichiers de type\u00a0:"
        assert not [t for t in labels if "Look in" in t or "Files of" in t], labels
    finally:
        install_language("en")


def test_each_kind_of_file_opens_in_its_last_folder(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inventories, offers = tmp_path / "inventories", tmp_path / "offers"
    inventories.mkdir()
    offers.mkdir()
    starts: list[str] = []
    answer = [""]

    def fake_open(parent: Any, title: str, start: str, filters: str) -> tuple[str, str]:
        starts.append(start)
        return answer[0], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    answer[0] = str(inventories / "inv.xlsx")
    window.dialogs.open_path(window, "inventory", "", "inventory")
    answer[0] = str(offers / "offer.xlsx")
    window.dialogs.open_path(window, "offer", "", "offer")
    answer[0] = ""  # cancelled: the folders stay
    window.dialogs.open_path(window, "inventory", "", "inventory")
    window.dialogs.open_path(window, "offer", "", "offer")
    assert starts[2:] == [str(inventories), str(offers)]
    # Kept in the settings: a new window starts there too.
    assert window.settings.qsettings.value("folders/inventory") == str(inventories)


def test_the_shareable_report_is_not_offered_the_restricted_ones_name(
    qtbot: Any, window: Any, inventory_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_inventory(qtbot, window, inventory_file)
    window.session.lines.replace_all(
        [{"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"}],
        "lines",
    )
    assert wait_assessment(qtbot, window) is not None
    suggested: list[str] = []

    def fake_save(parent: Any, title: str, start: str, filters: str) -> tuple[str, str]:
        suggested.append(Path(start).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    panel = window.report_panel
    panel.share.setChecked(False)
    panel.save_pdf()
    panel.export_excel()
    panel.share.setChecked(True)
    panel.save_pdf()
    panel.export_excel()
    restricted, restricted_xlsx, shareable, shareable_xlsx = suggested
    assert shareable != restricted and shareable_xlsx != restricted_xlsx
    assert shareable.endswith("-shareable.pdf") and restricted.endswith(".pdf")


def test_importing_an_offer_asks_before_replacing_lines_not_saved(
    qtbot: Any, window: Any, offer_file: Path, dialogs: Any
) -> None:
    typed = [{"category": "Truck", "make": "Ural", "model": "4320", "quantity": "3"}]
    window.session.lines.replace_all(typed, "lines")
    window.session.set_modified(True)
    dialogs.confirm_answer = False
    window.import_offer(str(offer_file))
    assert dialogs.asked == ["Replace the offer lines?"]
    assert not window.flow.busy()
    assert [r.get("model") for r in window.session.lines.rows()] == ["4320"]

    dialogs.confirm_answer = True
    with qtbot.waitSignal(window.flow.imported, timeout=30_000):
        window.import_offer(str(offer_file))
    assert [r.get("model") for r in window.session.lines.rows()] != ["4320"]


def test_a_saved_offer_is_replaced_without_a_question(
    qtbot: Any, window: Any, offer_file: Path, dialogs: Any
) -> None:
    window.session.lines.replace_all(
        [{"category": "Truck", "make": "Ural", "model": "4320", "quantity": "3"}], "lines"
    )
    window.session.set_modified(False)
    with qtbot.waitSignal(window.flow.imported, timeout=30_000):
        window.import_offer(str(offer_file))
    assert dialogs.asked == []


def test_the_recovery_prompt_says_what_it_restores_and_from_when(
    window: Any, dialogs: Any, home: Path
) -> None:
    import os
    import time

    from donation_checker_gui.case_file import autosave_dir, save_case
    from donation_checker_gui.i18n import install_language

    install_language("en")  # the plural forms ("2 lines") come from the English catalogue
    orphan = autosave_dir() / "autosave-999999999.dcase"
    save_case(
        orphan,
        {
            "offer": {
                "header": {"reference": "DON-2026-17"},
                "lines": [{"model": "4320", "quantity": "3"}, {"model": "D-Max", "quantity": "2"}],
            },
            "inventory": {"path": "/data/inventaire_fama_2025.xlsx", "sha256": None},
            "rules": {"path": None, "sha256": None, "family_weights": {}},
            "notes": "",
        },
    )
    saved_at = time.mktime((2026, 3, 14, 9, 26, 0, 0, 0, -1))
    os.utime(orphan, (saved_at, saved_at))
    dialogs.confirm_answer = False
    assert window.cases.offer_recovery() is False
    text = dialogs.texts[-1]
    assert "DON-2026-17" in text and "2 lines" in text
    assert "inventaire_fama_2025.xlsx" in text
    assert "2026" in text and "March" in text and "14" in text
    assert not orphan.exists()  # declined work is not asked again


def test_new_case_starts_empty_after_asking_about_unsaved_work(
    qtbot: Any, window: Any, inventory_file: Path, dialogs: Any
) -> None:
    load_inventory(qtbot, window, inventory_file)
    window.session.lines.replace_all(
        [{"category": "Truck", "make": "Ural", "model": "4320", "quantity": "3"}], "lines"
    )
    dialogs.close_answer = "cancel"
    window.act_new.trigger()
    assert dialogs.asked == ["Unsaved changes"]
    assert window.session.inventory is not None and window.session.lines.rows()

    dialogs.close_answer = "discard"
    window.act_new.trigger()
    assert window.session.inventory is None
    assert not any(any(v for v in r.values()) for r in window.session.lines.rows())
    assert not window.session.modified
    assert window.cases.path is None
    assert not window.session.undo_stack.canUndo()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_help_shows_the_user_guide_in_the_interface_language(
    qtbot: Any, window: Any, lang: str
) -> None:
    window.session.lang = lang
    window.act_guide.trigger()
    text = window.guide.browser.toPlainText()
    assert ("guide de l’utilisateur" in text) == (lang == "fr")
    assert ("user guide" in text) == (lang == "en")
    window.guide.close()


def test_open_log_folder_shows_the_folder_or_says_where_it_is(
    window: Any, dialogs: Any, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    from PySide6.QtGui import QDesktopServices

    from donation_checker.logs import log_path

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    window.act_logs.trigger()
    assert opened == [str(log_path().parent)]
    assert dialogs.warnings == []

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    dialogs.warnings.clear()
    window.act_logs.trigger()
    assert dialogs.warnings and str(log_path().parent) in dialogs.warnings[0][1]


def test_the_import_report_fits_a_1366_by_768_screen(
    qtbot: Any, window: Any, inventory_file: Path
) -> None:
    """Every table of the import report in view, and the problems' last column stretching
    into the room left, at the size of a common laptop screen."""
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    load_inventory(qtbot, window, inventory_file)
    panel = window.inventory_panel
    qtbot.wait(50)
    tables = panel.tables_view
    assert tables.verticalScrollBar().maximum() == 0
    header = panel.issue_view.horizontalHeader()
    assert header.length() <= panel.issue_view.viewport().width() + 1
