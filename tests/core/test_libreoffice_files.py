"""A fleet return kept as CSV and saved by LibreOffice as .xlsx and .ods: files written by
another program than the one the tests use, read without a mapping. Runs where LibreOffice
(`soffice`) is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from donation_checker.importer import import_inventory

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")

RETURN_CSV = """Reg. No.,Vehicle Class,Make,Model,YOM,No. Held,No. Serviceable,Station,Remarks
KBA 123,Pick-up,Toyota,Hilux,2017,1,1,Central,
KBB 456,Lorry,Isuzu,FVR,2014,1,0,Coast,awaiting gearbox
KBC 789,Saloon,Toyota,Corolla,2016,1,1,Northern,
"""


@pytest.mark.parametrize("target", ["xlsx", "ods"])
def test_a_return_converted_by_libreoffice_imports_without_a_mapping(
    tmp_path: Path, target: str
) -> None:
    source = tmp_path / "fleet_return.csv"
    source.write_text(RETURN_CSV, encoding="utf-8")
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    inv = import_inventory(tmp_path / f"fleet_return.{target}")
    fleet = inv.report.table("fleet")
    assert fleet is not None
    assert {m.field: m.column for m in fleet.mapping} == {
        "serial": "A",
        "category": "B",
        "make": "C",
        "model": "D",
        "year": "E",
        "quantity": "F",
        "quantity_serviceable": "G",
        "location": "H",
        "notes": "I",
    }
    assert list(inv.fleet.frame["serial"]) == ["KBA 123", "KBB 456", "KBC 789"]
    assert inv.fleet.frame["quantity_serviceable"].sum() == 2
    assert not inv.report.proposals and not inv.report.unread
