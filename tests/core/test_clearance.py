"""The reader runs alongside the guard but never touches a part before the guard has passed it."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest

from donation_checker.errors import InputRejected
from donation_checker.importer import grid as grid_module
from donation_checker.importer import import_inventory
from donation_checker.importer.clearance import Clearance, start_guard
from donation_checker.importer.sniff import FileKind, Inspection, inspect
from donation_checker.importer.xmlscan import SheetFacts
from tests.core.workbooks import write_rows

ROWS = {
    "Parc": [["Catégorie", "Marque", "Modèle", "Quantité"], ["Camion", "Renault", "Kerax", 3]],
    "Notes": [["Remarque"], ["rien"]],
}


class Recorder:
    def __init__(self) -> None:
        self.events: list[str] = []

    def set_kind(self, kind: FileKind) -> None:
        self.events.append(f"kind:{kind}")

    def clear_workbook(self) -> None:
        self.events.append("workbook")

    def clear_sheet(self, name: str, facts: SheetFacts) -> None:
        self.events.append(f"sheet:{name}")


def _with_part(src: Path, dst: Path, part: str, transform: object) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == part:
                data = transform(data)  # type: ignore[operator]
            zout.writestr(info, data)
    return dst


def test_guard_clears_workbook_parts_before_any_sheet(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "inv.xlsx", ROWS)
    recorder = Recorder()
    inspect(path, listener=recorder)
    assert recorder.events == ["kind:xlsx", "workbook", "sheet:Parc", "sheet:Notes"]


def test_a_refused_sheet_is_never_cleared(tmp_path: Path) -> None:
    good = write_rows(tmp_path / "ok.xlsx", ROWS)
    with zipfile.ZipFile(good) as zf:
        worksheet = zf.read("xl/worksheets/sheet1.xml")
    evil = _with_part(
        good,
        tmp_path / "evil.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda _: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + worksheet,
    )
    recorder = Recorder()
    with pytest.raises(InputRejected) as err:
        inspect(evil, listener=recorder)
    assert err.value.reason == "xml_entities"
    assert "sheet:Parc" not in recorder.events


def test_reader_waits_for_each_sheet_and_gets_its_facts() -> None:
    release = threading.Event()
    facts = SheetFacts("xl/worksheets/sheet1.xml", rows=2, columns=4)

    def guard(listener: Clearance) -> Inspection:
        listener.set_kind(FileKind.XLSX)
        listener.clear_workbook()
        release.wait(5)
        listener.clear_sheet("Parc", facts)
        return Inspection(FileKind.XLSX, {"Parc": facts})

    clearance = start_guard(guard)
    assert clearance.kind() is FileKind.XLSX
    clearance.wait_workbook()
    got: list[SheetFacts | None] = []
    reader = threading.Thread(target=lambda: got.append(clearance.sheet_facts("Parc")))
    reader.start()
    reader.join(0.2)
    assert reader.is_alive() and not got  # still waiting: the sheet has not passed yet
    release.set()
    reader.join(5)
    assert got == [facts]
    assert clearance.result().sheets == {"Parc": facts}


def test_guard_refusal_is_raised_in_the_reader() -> None:
    refusal = InputRejected("bomb", "bombe", reason="zip_bomb")

    def guard(listener: Clearance) -> Inspection:
        listener.set_kind(FileKind.XLSX)
        listener.clear_workbook()
        raise refusal

    clearance = start_guard(guard)
    with pytest.raises(InputRejected) as err:
        clearance.sheet_facts("Parc")
    assert err.value is refusal
    with pytest.raises(InputRejected):
        clearance.result()


def test_reader_error_gives_way_to_the_guards_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the cell reader fails on a part the guard refuses, the user sees the guard's
    precise reason, not the reader's."""
    good = write_rows(tmp_path / "ok.xlsx", ROWS)
    evil = _with_part(
        good,
        tmp_path / "evil.xlsx",
        "xl/worksheets/sheet2.xml",
        lambda data: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + data,
    )
    real = grid_module.Clearance.sheet_facts

    def early(self: Clearance, name: str) -> SheetFacts | None:
        if name == "Notes":
            raise RuntimeError("reader failed first")
        return real(self, name)

    monkeypatch.setattr(grid_module.Clearance, "sheet_facts", early)
    with pytest.raises(InputRejected) as err:
        import_inventory(evil)
    assert err.value.reason == "xml_entities"
