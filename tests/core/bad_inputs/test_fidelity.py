"""Codes survive the whole chain unchanged: import -> assessment -> PDF -> Excel export and the
normalised CSV; "NA" and "None" stay text; every normalisation is counted in the import report."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import python_calamine as pc
from pypdf import PdfReader

from donation_checker.csv_export import write_table_csv
from donation_checker.engine import assess
from donation_checker.importer import import_inventory, import_offer
from donation_checker.report import build_pdf, export_xlsx
from donation_checker.ruleset import load_ruleset

from .build_corpus import workbook

FLEET = [
    ["Catégorie", "Marque", "Modèle", "Quantité", "NSN", "N° de série"],
    ["Camion", "Renault", "GBC 180", 12, None, "NA"],
    ["Pick-up", "Toyota", "Land Cruiser 79", 40, "2320-01-456-7890", "None"],
    ["Pick-up", "Toyota", "Hilux", 8, "0123456789012", "00123"],
]
PARTS = [
    ["Référence", "NSN", "Désignation", "Applicable à", "Quantité en stock"],
    ["NA-0012", "0001234567890", "Filtre à huile", "Renault GBC 180", 30],
    ["0004711", "None", "Courroie", "Toyota Land Cruiser", 12],
]


def _inventory(path: Path) -> Path:
    def number_codes(wb: openpyxl.Workbook) -> None:
        ws = wb["Parc"]
        ws["E2"].value = 12345678901  # a number shown as 0012345678901
        ws["E2"].number_format = "0" * 13

    return workbook(
        path, {"Parc": FLEET, "Pièces": PARTS}, text_columns=(0, 1, 4, 5), tweak=number_codes
    )


def _offer(path: Path) -> Path:
    def reference_as_number(wb: openpyxl.Workbook) -> None:
        ws = wb["Offre"]
        ws["B2"].value = 42
        ws["B2"].number_format = "00000"

    rows = [
        ["Donateur", "Royaume de Démo"],
        ["Référence", None],
        ["Référence de la demande", "None"],
        [],
        ["Catégorie", "Marque", "Modèle", "Quantité", "Liste des pièces"],
        ["Camion", "Renault", "GBC 180", 4, "NA-0012; 0004711"],
    ]
    return workbook(path, {"Offre": rows}, text_columns=(1, 4), tweak=reference_as_number)


def test_codes_survive_import_assessment_pdf_and_exports(tmp_path: Path) -> None:
    inventory = import_inventory(_inventory(tmp_path / "inventaire.xlsx"))
    offer = import_offer(_offer(tmp_path / "offre.xlsx"))

    fleet = inventory.fleet.frame
    assert list(fleet["serial"]) == ["NA", "None", "00123"]
    assert list(fleet["nsn"]) == ["0012345678901", "2320-01-456-7890", "0123456789012"]
    parts = inventory.spare_parts
    assert parts is not None
    assert list(parts.frame["part_number"]) == ["NA-0012", "0004711"]
    assert list(parts.frame["nsn"]) == ["0001234567890", "None"]
    assert offer.header.reference == "00042"
    assert offer.header.request_reference == "None"
    assert offer.lines[0].spare_parts_list == ("NA-0012", "0004711")
    # The one rebuilt code is counted, the others are untouched.
    assert inventory.report.table("fleet").normalised.get("nsn:code_zeros_from_format") == 1
    assert not any(
        k.startswith(("serial:", "part_number:"))
        for t in inventory.report.tables
        for k in t.normalised
    )

    assessment = assess(inventory, offer, load_ruleset())
    assert assessment.offer_header.reference == "00042"

    pdf = tmp_path / "rapport.pdf"
    build_pdf(assessment, pdf, lang="fr")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "00042" in text

    xlsx = tmp_path / "export.xlsx"
    export_xlsx(assessment, xlsx, lang="fr")
    values = [
        c.value
        for ws in openpyxl.load_workbook(xlsx).worksheets
        for row in ws.iter_rows()
        for c in row
    ]
    assert "00042" in values and 42 not in values

    out = tmp_path / "parc.csv"
    write_table_csv(inventory.fleet, out)
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert [r["serial"] for r in rows] == ["NA", "None", "00123"]
    assert [r["nsn"] for r in rows] == ["0012345678901", "2320-01-456-7890", "0123456789012"]


def test_escape_like_text_survives_the_excel_export(tmp_path: Path) -> None:
    inventory = import_inventory(_inventory(tmp_path / "inventaire.xlsx"))
    offer = import_offer(_offer(tmp_path / "offre.xlsx"))
    head = offer.header.__class__(**{**offer.header.__dict__, "reference": "REF_x0041_"})
    assessment = assess(inventory, offer.__class__(head, offer.lines, offer.report), load_ruleset())
    xlsx = tmp_path / "export.xlsx"
    export_xlsx(assessment, xlsx)
    with open(xlsx, "rb") as fh:
        wb = pc.CalamineWorkbook.from_filelike(fh)
        values = [
            v
            for name in wb.sheet_names
            for row in wb.get_sheet_by_name(name).to_python()
            for v in row
        ]
    assert "REF_x0041_" in values
