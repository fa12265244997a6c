"""The command line: exit codes, messages without tracebacks, JSON on stdout, normalised CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from donation_checker.cli import main
from tests.core.workbooks import french_inventory, write_rows

ROWS = [
    ["Pick-up", "Toyota", "Hilux", 4, 4, "0230015224389", "000777", "Gao", "Gazole", None],
    ["Camion", "Ural", "4320", "?", None, None, None, "Gao", "Gazole", None],
]


def test_check_inventory_json_and_normalised_csv_keep_leading_zeros(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inv = french_inventory(tmp_path / "parc.xlsx", ROWS)
    out = tmp_path / "parc.csv"
    assert (
        main(["check-inventory", str(inv), "--json", "-", "--normalized", str(out), "--lang", "en"])
        == 0
    )
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    fleet = report["tables"][0]
    assert (fleet["rows_read"], fleet["rows_imported"], fleet["rows_rejected"]) == (2, 1, 1)
    assert fleet["rejected"][0]["row"] == 7 and fleet["rejected"][0]["column"] == "D"
    assert "rows read 2" in captured.err  # human report goes to stderr when JSON owns stdout
    text = out.read_text(encoding="utf-8-sig")
    assert "0230015224389" in text and "000777" in text


@pytest.mark.parametrize("content", [b"not a spreadsheet at all\x00\x01", b""])
def test_bad_file_exits_3_with_a_message_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(content)
    assert main(["check-inventory", str(bad), "--lang", "fr"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("Erreur") and "bad.xlsx" in err
    assert "Traceback" not in err


def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check-inventory"])
    assert exc.value.code == 2


def test_formula_like_text_is_neutralised_in_the_normalised_csv(tmp_path: Path) -> None:
    # A text cell (not a formula) whose content starts with "=".
    inv = write_rows(
        tmp_path / "parc.xlsx",
        {
            "Parc": [
                ["Catégorie", "Marque", "Modèle", "Quantité", "Observations"],
                ["Pick-up", "Toyota", "Hilux", 4, '=HYPERLINK("x")'],
            ]
        },
        text_columns={"Parc": ["E"]},
    )
    out = tmp_path / "n.csv"
    assert main(["check-inventory", str(inv), "--normalized", str(out)]) == 0
    assert "'=HYPERLINK" in out.read_text(encoding="utf-8-sig")


def test_help_is_available_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["assess", "--help", "--lang", "fr"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "jeu de règles" in out and "version partageable" in out
