"""A French import report (command line and JSON texts) reads in French from end to end: fields
by their labels, normalisations by a phrase, values in « », no identifier, no straight
apostrophe, no English word — for a French workbook with problems and for the bundled samples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from donation_checker.cli import main
from donation_checker.importer import import_inventory, import_offer
from tests.core.french_texts import bad_lines
from tests.core.workbooks import french_inventory, write_rows

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(
    p for p in (ROOT / "sample_inventories").iterdir() if p.suffix in (".xlsx", ".csv")
)


def _workbook(path: Path) -> Path:
    rows: list[list[object]] = [
        ["Catégorie", "Marque", "Modèle", "Quantité", "Date de mise en service", "Carburant", "X"],
        ["Camion", "Toyota", "Land Cruiser 79", 3, dt.date(2015, 3, 1), "Gazole", "a"],
        ["Camion", "?", "Hilux", "abc", dt.date(2016, 3, 1), "Essence", "b"],
        ["Camion", "Renault", "Kerax", "Inconnu", "2016", "gazole", "c"],
        ["Camion", "Mercedes", "Zetros", "5", "03/04/2016", "gazole", "d"],
        ["Total", None, None, 8, None, None, None],
    ]
    return write_rows(path, {"Parc": rows, "Masquée": [["a", "b"]]})


def test_the_french_report_of_a_french_workbook_names_labels_and_phrases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _workbook(tmp_path / "parc.xlsx")
    assert main(["check-inventory", str(path), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "A → Catégorie, B → Marque" in out
    assert "Carburant\u00a0: valeurs du vocabulaire reconnues (2)" in out
    assert "« Quantité » n’est pas un nombre\u00a0: «\u00a0abc\u00a0»" in out.replace(
        "«\u00a0Quantité\u00a0»", "« Quantité »"
    )
    assert "Ligne de total." in out
    report = import_inventory(path).report
    assert report is not None
    assert not bad_lines(report)


def test_the_french_report_of_the_shipped_french_layout_reads_in_french(tmp_path: Path) -> None:
    rows = [
        ["Pick-up", "Toyota", "Hilux", 4, 4, "0230015224389", "000777", "Gao", "Gazole", None],
        ["Camion", "Ural", "4320", "?", None, 230015224389, None, "Gao", "Gazole", None],
        ["Camion", "Ural", "4320", -2, 1, None, None, "Gao", "GO", "vide"],
        [None, None, None, None, None, None, None, None, None, None],
        ["Total", None, None, 4, None, None, None, None, None, None],
    ]
    path = french_inventory(tmp_path / "inventaire.xlsx", rows, {"Masquée": [["a", "b"]]})
    report = import_inventory(path).report
    assert report is not None
    assert not bad_lines(report)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_the_french_report_of_each_sample_reads_in_french(path: Path) -> None:
    importer = import_offer if path.name.startswith(("off", "offre")) else import_inventory
    report = importer(path).report
    assert report is not None
    assert not bad_lines(report)
