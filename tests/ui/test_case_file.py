"""Case files: save/open round trip, atomic save, autosave and recovery, prompts on close."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from donation_checker_gui.case_file import SUFFIX, CaseFileError, autosave_dir, load_case, save_case
from tests.ui.helpers import load_inventory

LINE = {
    "category": "Pick-up",
    "make": "Toyota",
    "model": "Land Cruiser 79",
    "quantity": "6",
    "notes": "NSN 0012-34 kept as typed",
}


def fake_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_save_and_open_round_trip(
    qtbot: Any, window: Any, inventory_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_inventory(qtbot, window, inventory_file)
    s = window.session
    s.lines.add_line(dict(LINE))
    window.offer_panel._editors["donor"].setText("Partner Q")
    window.offer_panel._header_edited()
    window.offer_panel.notes.setPlainText("Call the donor on Monday.")
    family = next(iter(s.base_ruleset.families))
    window.rules_panel.set_weight(family, 0.5)
    window.rules_panel.apply_weights()
    target = tmp_path / "case"
    fake_save(monkeypatch, target)
    assert window.cases.save()  # no path yet: asks where (Save As)
    saved = target.with_suffix(SUFFIX)
    assert saved.is_file() and not s.modified
    assert window.windowTitle().startswith(saved.name)

    data = load_case(saved)
    assert data.offer_lines == [LINE]
    assert data.inventory_sha256 == s.inventory.report.sha256
    assert data.family_weights == {family: 0.5}

    # Start afresh and open the case: everything comes back, the inventory is re-imported.
    s.lines.replace_all([], "clear")
    s.set_notes("")
    s.set_modified(False)
    with qtbot.waitSignal(window.flow.imported, timeout=30_000):
        assert window.cases.open_case(str(saved))
    assert s.lines.rows() == [LINE]
    assert s.header.donor == "Partner Q"
    assert window.offer_panel.notes.toPlainText() == "Call the donor on Monday."
    assert s.ruleset.families[family].weight == 0.5
    assert s.inventory_path == str(inventory_file)
    assert not s.modified
    assert str(saved.resolve()) in window.settings.recent_files()


def test_changed_inventory_is_reported_when_opening(
    qtbot: Any, window: Any, dialogs: Any, inventory_file: Path, tmp_path: Path
) -> None:
    load_inventory(qtbot, window, inventory_file)
    case = tmp_path / "c.dcase"
    save_case(case, window.session.snapshot())
    from tests.ui.conftest import FLEET_HEADERS, FLEET_ROWS, write_workbook

    write_workbook(inventory_file, {"Fleet": [FLEET_HEADERS, *FLEET_ROWS[:2]]})
    window.session.set_modified(False)
    with qtbot.waitSignal(window.flow.imported, timeout=30_000):
        window.cases.open_case(str(case))
    assert any("SHA-256" in text for _, text in dialogs.warnings)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"\x00\x01binary", "not_json"),
        (b'{"format": "something else"}', "not_a_case"),
        (b'{"format": "donation-checker-case", "format_version": 99}', "newer_version"),
    ],
)
def test_bad_case_files_are_refused_with_a_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.dcase"
    path.write_bytes(content)
    with pytest.raises(CaseFileError, match=reason):
        load_case(path)


def test_bad_case_file_in_the_window_shows_a_message(
    window: Any, dialogs: Any, tmp_path: Path
) -> None:
    path = tmp_path / "bad.dcase"
    path.write_text("not json", encoding="utf-8")
    assert not window.cases.open_case(str(path))
    assert dialogs.warnings and "bad.dcase" in dialogs.warnings[-1][1]


def test_failed_save_keeps_the_previous_file(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keep.dcase"
    save_case(target, window.session.snapshot())
    before = target.read_bytes()

    def boom(*_a: Any, **_k: Any) -> str:
        raise RuntimeError("disk full half-way")

    monkeypatch.setattr("donation_checker_gui.case_file.to_json", boom)
    with pytest.raises(RuntimeError):
        save_case(target, window.session.snapshot())
    assert target.read_bytes() == before


def test_autosave_then_recovery_after_a_crash(
    qtbot: Any, window: Any, dialogs: Any, home: Path
) -> None:
    window.session.lines.add_line(dict(LINE))
    window.autosaver.save_now()
    assert window.autosaver.path.is_file()
    # Pretend the instance that wrote it died: rename it to a pid that is not running.
    orphan = autosave_dir() / f"autosave-999999999{SUFFIX}"
    window.autosaver.path.rename(orphan)
    window.session.lines.replace_all([], "clear")
    window.session.set_modified(False)

    dialogs.confirm_answer = True
    assert window.cases.offer_recovery()
    assert window.session.lines.rows() == [LINE]
    assert window.session.modified  # recovered work still has to be saved
    assert not orphan.exists()
    assert window.cases.path is None


def test_close_with_unsaved_changes_asks(window: Any, dialogs: Any) -> None:
    from PySide6.QtGui import QCloseEvent

    window.session.lines.add_line(dict(LINE))
    dialogs.close_answer = "cancel"
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted() and dialogs.asked == ["Unsaved changes"]
    dialogs.close_answer = "discard"
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()
    assert not window.autosaver.path.exists()


def test_case_file_is_plain_json_with_codes_as_typed(window: Any, tmp_path: Path) -> None:
    window.session.lines.add_line(
        {"category": "Truck", "make": "Iveco", "model": "0123", "quantity": "2"}
    )
    path = tmp_path / "x.dcase"
    save_case(path, window.session.snapshot())
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "donation-checker-case"
    assert data["offer"]["lines"][0]["model"] == "0123"
