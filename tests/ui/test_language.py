"""Switching language keeps the user's work, loads the French catalogue, and the extraction tool
finds the interface's strings."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.ui.helpers import load_inventory, wait_assessment

UI_DIR = Path(__file__).resolve().parents[2] / "donation_checker_gui"
TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context><name>MainWindow</name>
<message><source>&amp;Inventory</source><translation>&amp;Inventaire</translation></message>
</context>
</TS>
"""


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(
        name, path=str(Path(__import__("sys").executable).parent)
    )
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def test_language_change_keeps_the_work_and_translates(
    qtbot: Any, window: Any, inventory_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ts = tmp_path / "donation_checker_fr.ts"
    ts.write_text(TS, encoding="utf-8")
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(tmp_path / "donation_checker_fr.qm")],
        check=True,
        capture_output=True,
    )
    monkeypatch.setattr("donation_checker_gui.i18n.TRANSLATIONS_DIR", tmp_path)

    load_inventory(qtbot, window, inventory_file)
    lines = [{"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"}]
    window.session.lines.replace_all(lines, "lines")
    assert wait_assessment(qtbot, window) is not None
    window.tabs.setCurrentWidget(window.rules_panel)

    window.settings.language = "fr"
    window.apply_preferences(True)
    try:
        assert window.tabs.tabText(0) == "&Inventaire"
        assert window.tabs.currentWidget() is window.rules_panel  # same place
        assert window.session.lines.rows() == lines  # nothing lost
        assert window.session.undo_stack.canUndo()
        assert window.inventory_panel.table_model.rowCount() == 5
        a = wait_assessment(qtbot, window)
        assert a is not None
        panel = window.assessment_panel
        family_labels = [
            panel.family_form.itemAt(i, panel.family_form.ItemRole.LabelRole).widget().text()
            for i in range(panel.family_form.rowCount())
        ]
        assert "Compatibilité" in family_labels  # the core's texts follow the language
    finally:
        from donation_checker_gui.i18n import install_language

        install_language("en")


def test_lupdate_extracts_the_interface_strings(tmp_path: Path) -> None:
    out = tmp_path / "x.ts"
    sources = sorted(str(p) for p in UI_DIR.glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(out)], check=True, capture_output=True
    )
    text = out.read_text(encoding="utf-8")
    for source in (
        "&amp;Open inventory…",
        "Unexpected error",
        "Shareable version",
        "Any verdict",
        "Accept with conditions",
    ):
        assert f"<source>{source}</source>" in text, source
    assert text.count("<message>") > 300
