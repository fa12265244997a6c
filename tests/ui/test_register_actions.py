"""The Register area's actions: record the assessment on screen, export the list, write the
reply letter, and run the portfolio, each on the task runner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from donation_checker.register import Register
from tests.ui.helpers import load_inventory, wait_assessment

LINES = [
    {"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"},
    {"category": "Pick-up", "make": "Isuzu", "model": "D-Max", "quantity": "4"},
]


@pytest.fixture
def recorded(qtbot: Any, window: Any, inventory_file: Path) -> Any:
    """The assessment on screen recorded from the Report area, as the officer would."""
    load_inventory(qtbot, window, inventory_file)
    window.session.header = window.session.header.__class__(donor="Partner Kilo", reference="K-1")
    window.session.lines.replace_all(LINES, "lines")
    assert wait_assessment(qtbot, window) is not None, window.session.assessment_error
    panel = window.register_panel
    with qtbot.waitSignal(panel.message, timeout=30_000) as blocker:
        window.report_panel.record_button.click()
    assert blocker.args[0].startswith("Recorded as DC-")
    qtbot.waitUntil(lambda: panel.model.total == 1 and not panel.model.fetching)
    qtbot.waitUntil(lambda: panel.case_view.case is not None)
    yield window
    panel.close_register()


def test_record_in_the_register_makes_a_case_of_the_assessment(recorded: Any) -> None:
    panel = recorded.register_panel
    assert recorded.tabs.currentWidget() is panel
    assert panel.model.total == 1
    case = panel.case_view.case
    assert case is not None and case.summary.donor == "Partner Kilo"
    assert case.summary.verdict == recorded.session.assessment.verdict.value
    assert [(line.make, line.quantity) for line in case.lines] == [("Toyota", 6), ("Isuzu", 4)]
    with Register.open(panel.register.address) as again:
        assert again.list_cases().total == 1


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_the_filtered_list(
    qtbot: Any, recorded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    target = tmp_path / f"register{suffix}"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    panel = recorded.register_panel
    with qtbot.waitSignal(panel.message, timeout=30_000) as blocker:
        panel.export_button.click()
    assert blocker.args[0] == f"Cases exported: 1, to {target}."
    data = target.read_bytes()
    assert data[:2] == b"PK" if suffix == ".xlsx" else b"Partner Kilo" in data


@pytest.mark.parametrize(("suffix", "magic"), [(".pdf", b"%PDF"), (".docx", b"PK")])
def test_the_reply_letter_is_written_for_the_chosen_case(
    qtbot: Any,
    recorded: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
    magic: bytes,
) -> None:
    target = tmp_path / f"letter{suffix}"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    panel = recorded.register_panel
    view = panel.case_view
    view.decision.setCurrentIndex(view.decision.findData("accepted"))
    view.decide_button.click()
    qtbot.waitUntil(lambda: not view.saving and view.case.summary.decision is not None)
    with qtbot.waitSignal(panel.message, timeout=30_000):
        panel.letter_button.click()
    assert target.read_bytes().startswith(magic)


def test_a_letter_before_the_decision_says_to_record_it_first(
    qtbot: Any, recorded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: Any
) -> None:
    target = tmp_path / "letter.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    recorded.register_panel.letter_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=30_000)
    assert "has no decision yet" in dialogs.warnings[-1][1]
    assert not target.exists()


def test_the_portfolio_shows_each_capacitys_load(qtbot: Any, recorded: Any) -> None:
    panel = recorded.register_panel
    bars = panel.dashboard.loads
    panel.portfolio_button.click()
    qtbot.waitUntil(lambda: bool(bars.bars), timeout=30_000)
    assert "Offers still to come: 1." in panel.dashboard.load_note.text()


def test_recording_without_an_assessment_explains_what_is_missing(
    qtbot: Any, window: Any, dialogs: Any
) -> None:
    panel = window.register_panel
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.register is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not panel.model.fetching)
    panel.record_current()
    assert dialogs.warnings[-1][0] == "Nothing to record"
    assert panel.model.total == 0
    panel.close_register()
