"""The register from the command line, as an officer uses it: record, list, decide, follow up,
portfolio, letter and export; addresses with passwords masked; owner-only files."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from donation_checker.cli import main
from donation_checker.register import check_storable, masked
from donation_checker.register.location import RegisterUnavailable, default_file
from tests.core.register.conftest import INVENTORY, SAMPLES

GOOD = str(SAMPLES / "offre_bien_adaptee.xlsx")
SECOND = str(SAMPLES / "offre_partenaire_e_zetros.xlsx")
MIXED = str(SAMPLES / "offre_mixte.xlsx")


def _record(address: str, offer: str, *extra: str) -> int:
    return main(
        [
            "assess",
            "--inventory",
            str(INVENTORY),
            "--offer",
            offer,
            "--record",
            "--register",
            address,
            "--lang",
            "en",
            *extra,
        ]
    )


def test_two_donors_recorded_then_the_portfolio_shows_the_clash(
    address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _record(address, GOOD, "--author", "Cne Traoré") == 0
    assert "Recorded in the register: DC-2026-0001 (version 1)" in capsys.readouterr().out
    assert _record(address, SECOND) == 0
    capsys.readouterr()
    args = ["register", "portfolio", "--inventory", str(INVENTORY), "--register", address]
    assert main([*args, "--lang", "en", "--json", "-"]) == 0
    out = capsys.readouterr()
    assert "DC-2026-0001 + DC-2026-0002" in out.err
    assert "running budget (maintenance)" in out.err
    payload = json.loads(out.out)
    assert [(o["units"], o["fits_alone"]) for o in payload["offers"]] == [(32, 32), (30, 30)]
    assert payload["clashes"][0]["binding"] == [["budget", "maintenance"]]
    assert main([*args, "--lang", "fr"]) == 0
    coded = capsys.readouterr().out
    assert "dépassent la capacité" in coded
    # Budget amounts carry the recipient's currency as an ISO code, or its local name on request.
    assert "XOF" in coded and "FCFA" not in coded
    assert main([*args, "--lang", "fr", "--currency", "local"]) == 0
    local = capsys.readouterr().out
    assert "FCFA" in local and "XOF" not in local


def test_list_show_decide_condition_follow_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # No --register: the environment variable names the file.
    file = tmp_path / "cell.sqlite3"
    monkeypatch.setenv("DONATION_CHECKER_REGISTER", str(file))
    assert _record(str(file), MIXED) == 0
    capsys.readouterr()
    assert main(["register", "list", "--json", "-", "--lang", "en"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["total"] == 1 and page["items"][0]["number"] == "DC-2026-0001"
    decide = ["register", "decide", "DC-2026-0001", "accepted_with_conditions"]
    assert (
        main([*decide, "--date", "2026-03-20", "--reply-ref", "0231/MDAC", "--officer", "B"]) == 0
    )
    capsys.readouterr()
    # A stale version: refused (exit 3), the message names both versions.
    assert main([*decide, "--expected-version", "1", "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "version 1, now 2" in err and "Traceback" not in err
    proof = tmp_path / "attestation.pdf"
    proof.write_bytes(b"%PDF-1.4 training certificate")
    cond = ["register", "condition", "DC-2026-0001", "1", "met", "--file", str(proof)]
    assert main([*cond, "--date", "2026-04-02", "--json", "-"]) == 0
    shown = json.loads(capsys.readouterr().out)
    first = shown["conditions"][0]
    assert first["status"] == "met" and len(first["file_sha256"]) == 64
    assert main(["register", "condition", "DC-2026-0001", "2", "--due", "2026-04-30"]) == 0
    capsys.readouterr()
    assert main(["register", "follow-up", "--today", "2026-05-05", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "DC-2026-0001 #2 (5 days late)" in out
    assert "accepted with conditions" in out
    assert main(["register", "show", "DC-2026-0001", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Historique" in out and "v4" in out and "[remplie (2\u00a0avril 2026)]" in out
    assert main(["register", "show", "DC-2026-0099"]) == 3
    assert "DC-2026-0099" in capsys.readouterr().err


def test_letter_quotes_conditions_without_holdings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docx import Document

    from donation_checker.register import Register

    reg = str(tmp_path / "r.sqlite3")
    assert _record(reg, MIXED) == 0
    decide = ["register", "decide", "DC-2026-0001", "accepted_with_conditions", "--register", reg]
    assert main(decide) == 0
    pdf, docx = tmp_path / "reply.pdf", tmp_path / "reply.docx"
    letter = ["register", "letter", "DC-2026-0001", "--register", reg]
    assert main([*letter, "--pdf", str(pdf), "--docx", str(docx), "--lang", "fr"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Partenaire bilatéral B" in text and "PB-2026-MIX-07" in text
    with Register.open(reg) as opened:
        case = opened.get("DC-2026-0001")
    assert case.conditions and all(c.shareable("fr") in text for c in case.conditions)
    # The internal wording quotes holdings that the letter's wording strikes out.
    internal = [c.text_fr for c in case.conditions if c.text_fr != c.share_fr]
    assert internal and not any(t in text for t in internal)
    from pypdf import PdfReader

    pdf_text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Land Rover Defender 110 × 8" in pdf_text
    capsys.readouterr()
    pending = str(tmp_path / "p.sqlite3")
    assert _record(pending, GOOD) == 0
    capsys.readouterr()
    assert (
        main(["register", "letter", "DC-2026-0001", "--register", pending, "--pdf", str(pdf)]) == 3
    )
    assert "no decision" in capsys.readouterr().err


def test_export_to_csv_and_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = str(tmp_path / "r.sqlite3")
    assert _record(reg, GOOD) == 0 and _record(reg, SECOND) == 0
    out_csv, out_xlsx = tmp_path / "cases.csv", tmp_path / "dossiers.xlsx"
    assert main(["register", "export", str(out_csv), "--register", reg, "--lang", "en"]) == 0
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Case", "Version", "Donor"] and len(rows) == 3
    assert main(["register", "export", str(out_xlsx), "--register", reg, "--lang", "fr"]) == 0
    ws = load_workbook(out_xlsx).active
    assert ws is not None and ws["A1"].value == "Dossier" and ws.max_row == 3
    assert main(["register", "export", str(tmp_path / "x.txt"), "--register", reg]) == 2


def test_default_register_is_owner_only_in_the_data_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DONATION_CHECKER_REGISTER", raising=False)
    assert main(["register", "list", "--lang", "en"]) == 0
    assert "No case." in capsys.readouterr().out
    file = default_file()
    assert file.exists()
    if sys.platform != "win32":
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700


def test_passwords_are_masked_and_never_stored(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    address = "postgresql://cell:s3cret@127.0.0.1:1/register"
    assert masked(address) == "postgresql://cell:***@127.0.0.1:1/register"
    assert masked("postgresql://cell@db/register?service=x") == (
        "postgresql://cell@db/register?service=x"
    )
    with pytest.raises(RegisterUnavailable) as caught:
        check_storable(address)
    assert "s3cret" not in caught.value.describe("en") and "pgpass" in caught.value.describe("en")
    check_storable("postgresql:///register?service=cell")
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "2")
    assert main(["register", "list", "--register", address, "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "***" in err and "s3cret" not in err
    assert "Traceback" not in err


def test_assessment_reads_the_register_as_pledges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = str(tmp_path / "r.sqlite3")
    assert _record(reg, GOOD) == 0  # partner A: 32 pick-ups, pending
    capsys.readouterr()
    args = ["assess", "--inventory", str(INVENTORY), "--offer", MIXED, "--json", "-"]
    assert main([*args, "--register", reg, "--full-evidence"]) == 0
    with_register = json.loads(capsys.readouterr().out)
    assert main([*args, "--full-evidence"]) == 0
    without = json.loads(capsys.readouterr().out)

    def register_rows(payload: dict[str, object]) -> set[str]:
        return {
            row["sheet"]
            for f in payload["findings"]  # type: ignore[attr-defined]
            for e in f["evidence"]
            for row in e["rows"]
            if str(row["sheet"]).startswith("register ")
        }

    assert register_rows(with_register) == {"register DC-2026-0001"}
    assert register_rows(without) == set()
    assert "register" not in with_register  # read, not recorded
    assert os.path.exists(reg)


def test_french_register_texts_name_categories_by_their_titles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from donation_checker.register import Register
    from donation_checker.ruleset import load_ruleset
    from tests.ui.register_cases import fill

    ruleset = load_ruleset()
    address = str(tmp_path / "cases.sqlite3")
    with Register.open(address) as register:
        made = fill(register, 12, ruleset)
    commands = (
        ["register", "list"],
        ["register", "show", made[0].number],
        ["register", "portfolio", "--inventory", str(INVENTORY)],
    )
    out = ""
    for command in commands:
        assert main([*command, "--register", address, "--lang", "fr"]) == 0
        out += capsys.readouterr().out
    assert "Camion" in out and "Pick-up" in out
    for cat, definition in ruleset.categories.categories.items():
        if definition.title.fr != cat:  # the category has a label: its id is never shown
            assert not re.search(rf"\b{re.escape(cat)}\b", out), cat
