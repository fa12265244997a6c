"""Rules area: weight sliders drive the live assessment; save as a new rule set; restore."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from donation_checker.ruleset import load_ruleset
from tests.ui.helpers import load_inventory, wait_assessment

LINES = [
    {"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"},
    {"category": "Tracked vehicle", "make": "Hagglunds", "model": "Bv206", "quantity": "40"},
]


def test_weight_slider_reruns_the_assessment(qtbot: Any, window: Any, inventory_file: Path) -> None:
    load_inventory(qtbot, window, inventory_file)
    window.session.lines.replace_all(LINES, "lines")
    before = wait_assessment(qtbot, window)
    assert before is not None
    panel = window.rules_panel
    family = min(before.families, key=lambda f: before.families[f] or 100.0)
    panel.set_weight(family, 0.0)  # what if the weakest family did not count?
    qtbot.waitUntil(lambda: window.session.weights.get(family) == 0.0, timeout=5000)
    after = wait_assessment(qtbot, window)
    assert after is not None and after.family_weights[family] == 0.0
    assert after.score != before.score
    assert window.session.modified

    panel.restore_defaults()
    restored = wait_assessment(qtbot, window)
    assert window.session.weights == {}
    assert restored.score == before.score


def test_save_as_new_rule_set_reloads_with_the_new_weights(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = next(iter(window.session.base_ruleset.families))
    window.rules_panel.set_weight(family, 4.5)
    window.rules_panel.apply_weights()
    target = tmp_path / "what-if.toml"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(window.rules_panel.save_button, qtbot_left())
    reloaded = load_ruleset(target)
    assert reloaded.families[family].weight == 4.5


def test_rules_table_lists_every_rule(window: Any) -> None:
    ruleset = window.session.ruleset
    model = window.rules_panel.rules_model
    assert model.rowCount() == len(ruleset.rules)
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {
        r.id for r in ruleset.rules
    }


def qtbot_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_save_goes_to_the_user_folder_and_keeps_the_comments(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from donation_checker.resources import default_ruleset_path
    from donation_checker.user_files import user_rules_dir

    family = next(iter(window.session.base_ruleset.families))
    window.rules_panel.set_weight(family, 2.5)
    window.rules_panel.apply_weights()
    suggested: list[str] = []

    def answer(parent: Any, title: str, start: str, filters: str) -> tuple[str, str]:
        suggested.append(start)
        return start, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    qtbot.mouseClick(window.rules_panel.save_button, qtbot_left())
    (path,) = suggested
    assert Path(path).parent == user_rules_dir()
    saved = Path(path).read_text(encoding="utf-8")
    shipped = default_ruleset_path().read_text(encoding="utf-8")

    def comments(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.lstrip().startswith("#")]

    assert len(comments(shipped)) >= 16
    assert comments(saved) == comments(shipped)
    assert load_ruleset(path).families[family].weight == 2.5


def test_rule_sets_of_the_user_folder_are_listed_beside_the_shipped_one(
    qtbot: Any, window: Any
) -> None:
    from donation_checker.user_files import user_rules_dir

    shipped = window.session.base_ruleset
    family = next(iter(shipped.families))
    folder = user_rules_dir(create=True)
    (folder / "heavy.toml").write_text(
        shipped.with_family_weights({family: 9.0}).to_toml(), encoding="utf-8"
    )
    (folder / "broken.toml").write_text("[ruleset\n", encoding="utf-8")
    panel = window.rules_panel
    window.tabs.setCurrentWidget(panel)  # shown: the list is read again
    choices = panel.choices
    qtbot.waitUntil(lambda: choices.count() == 3, timeout=5000)
    labels = [choices.itemText(i) for i in range(choices.count())]
    assert labels == [
        "default.toml (shipped)",
        "broken.toml (your folder)",
        "heavy.toml (your folder)",
    ]
    assert choices.currentIndex() == 0

    choices.activated.emit(2)
    assert window.session.base_ruleset.families[family].weight == 9.0
    assert choices.currentText() == "heavy.toml (your folder)"
    assert window.session.modified

    choices.activated.emit(1)  # a broken file: said beside the list, the rule set stays
    assert window.session.base_ruleset.families[family].weight == 9.0
    assert not panel.choice_problem.isHidden()
    assert "broken.toml" in panel.choice_problem.text()
    assert choices.currentText() == "heavy.toml (your folder)"


def test_rules_tab_names_kinds_and_sources_in_the_interface_language(
    qtbot: Any, window: Any
) -> None:
    from PySide6.QtCore import Qt

    from donation_checker.engine import KINDS

    window.settings.language = "fr"
    window.apply_preferences(True)
    try:
        panel = window.rules_panel
        model = panel.rules_model
        ruleset = window.session.ruleset
        cells = {
            str(model.index(r, c).data())
            for r in range(model.rowCount())
            for c in range(model.columnCount())
        }
        assert not cells & set(KINDS), "a kind shown by its identifier"
        kind_column = model.columns.index("kind")
        fuel = next(r for r in range(model.rowCount()) if ruleset.rules[r].kind == "fuel_supply")
        assert model.index(fuel, kind_column).data() == "Approvisionnement en carburant"
        tip = model.index(fuel, kind_column).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("fuel_supply — ") and "carburant" in tip  # identifier kept
        source = model.index(fuel, model.columns.index("source")).data()
        assert source == ruleset.rules[fuel].source.fr != ruleset.rules[fuel].source.en
        assert "critère éliminatoire" in source

        panel.rules_view.setCurrentIndex(model.index(fuel, 0))
        details = panel.details.text()
        assert "valeurs sans carburant à fournir" in details  # the parameter's meaning
        assert "score à partir duquel la règle est satisfaite" in details
        assert "Paramètres" in details and "Parameters" not in details
    finally:
        from donation_checker_gui.i18n import install_language

        install_language("en")


def test_rules_tab_details_follow_the_selected_rule_in_english(window: Any) -> None:
    panel = window.rules_panel
    model = panel.rules_model
    ruleset = window.session.ruleset
    last = model.rowCount() - 1
    panel.rules_view.setCurrentIndex(model.index(last, 0))
    rule = ruleset.rules[model.frame_row(last)]
    details = panel.details.text()
    assert details.startswith(f"{rule.id}: ") and f"({rule.kind})" in details
    assert rule.source.en in details
    for name in rule.params:
        assert f"• {name} = " in details
