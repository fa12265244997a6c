"""The bundled samples: the generator reproduces them, and they carry what they are meant to test."""

from __future__ import annotations

import csv
import importlib.util
import io
import random
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest

from donation_checker.normalise import fold

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_inventories"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    """Load sample_inventories/generate.py (a script, not a package) without leaving its folder
    on sys.path for the other tests."""
    saved = list(sys.path)
    try:
        spec = importlib.util.spec_from_file_location("sample_generate", SAMPLES / "generate.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path[:] = saved


@pytest.fixture(scope="module")
def regenerated(gen: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    gen.generate(out)
    return out


def _workbook_content(data: bytes) -> list[Any]:
    """Everything a reader sees: sheets, cell values and types, number formats, merged ranges."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    content: list[Any] = []
    for ws in wb.worksheets:
        cells = [
            (c.coordinate, c.value, c.data_type, c.number_format)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        ]
        content.append((ws.title, sorted(str(r) for r in ws.merged_cells.ranges), cells))
    return content


def test_generator_lists_every_committed_sample(gen: ModuleType) -> None:
    committed = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".xlsx", ".csv"})
    assert committed == gen.output_names()


def test_regenerating_reproduces_the_committed_files(gen: ModuleType, regenerated: Path) -> None:
    for name in gen.output_names():
        fresh, committed = (regenerated / name).read_bytes(), (SAMPLES / name).read_bytes()
        if fresh == committed:
            continue
        # A different zlib or openpyxl may compress or order XML differently: compare contents.
        assert name.endswith(".xlsx"), f"{name} differs from a fresh run of the generator"
        assert _workbook_content(fresh) == _workbook_content(committed), name


def test_saved_workbooks_carry_no_run_timestamp(regenerated: Path) -> None:
    data = (regenerated / "inventaire_fama_2025.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        core = zf.read("docProps/core.xml").decode()
        assert {info.date_time for info in zf.infolist()} == {(2025, 12, 31, 8, 0, 0)}
    assert "<dcterms:modified" in core and "2025-12-31T08:00:00Z" in core


def test_design_relations_hold(gen: ModuleType) -> None:
    fleet = gen.build_fleet(random.Random(gen.SEED))
    assert gen.check_design(gen.design_figures(fleet)) == []


def test_design_check_detects_a_broken_relation(gen: ModuleType) -> None:
    figures = gen.design_figures(gen.build_fleet(random.Random(gen.SEED)))
    figures["ural_mechanics"] = 500  # enough mechanics: the large offer would no longer overload
    assert "Ural mechanics <= 60% of need with the offer" in gen.check_design(figures)


@pytest.fixture(scope="module")
def parc() -> Any:
    return openpyxl.load_workbook(SAMPLES / "inventaire_fama_2025.xlsx")["Parc"]


def test_french_inventory_has_several_hundred_rows_and_every_table() -> None:
    wb = openpyxl.load_workbook(SAMPLES / "inventaire_fama_2025.xlsx")
    assert wb.sheetnames == [
        "Parc",
        "Maintenance",
        "Pièces de rechange",
        "Budget",
        "Personnel",
        "Partenaires",
        "Profil",
    ]
    numbered = [c.value for c in wb["Parc"]["A"] if isinstance(c.value, int)]
    assert 400 <= len(numbered) <= 600
    assert numbered == list(range(1, len(numbered) + 1))


def test_french_header_is_two_rows_with_merged_groups(parc: Any) -> None:
    merged = {str(r) for r in parc.merged_cells.ranges}
    assert {"A1:S1", "A2:S2", "J4:K4", "Q4:R4", "B4:B5"} <= merged
    assert (parc["J4"].value, parc["J5"].value, parc["K5"].value) == (
        "Quantité",
        "totale",
        "en service",
    )
    assert (parc["Q4"].value, parc["Q5"].value, parc["R5"].value) == (
        "Identification",
        "NNO (OTAN)",
        "N° de série",
    )
    assert parc["F4"].value == "Année de\nmise en service"


def test_non_synonym_headers_are_absent_from_the_vocabulary(gen: ModuleType, parc: Any) -> None:
    vocabulary = tomllib.loads((REPO / "rules" / "fields.toml").read_text(encoding="utf-8"))
    synonyms = {fold(s) for f in vocabulary["tables"]["fleet"]["fields"] for s in f["synonyms"]}
    fields = {f["name"] for f in vocabulary["tables"]["fleet"]["fields"]}
    headers = {c.value for c in parc[4] if c.value}
    assert gen.NON_SYNONYM_HEADERS, "the sample must exercise close matching"
    for field, header in gen.NON_SYNONYM_HEADERS.items():
        assert field in fields
        assert header in headers
        assert fold(header) not in synonyms, f"{header!r} is listed in fields.toml"


def test_codes_are_text_and_keep_leading_zeros(parc: Any) -> None:
    nsn = [c for c in parc["Q"][5:] if c.value is not None]
    serial = [c for c in parc["R"][5:] if c.value is not None]
    assert nsn and serial
    assert all(c.data_type == "s" and c.number_format == "@" for c in nsn + serial)
    assert sum(str(c.value).startswith("0") for c in nsn) >= 10
    assert sum(str(c.value).startswith("0") for c in serial) >= 10
    assert all(len(str(c.value).replace("-", "")) in (9, 13) for c in nsn)


def test_french_fleet_carries_the_messy_cells_a_real_file_has(parc: Any) -> None:
    quantities = [c.value for c in parc["J"][5:]]
    assert {"3 ", "12,0", "voir note"} <= {q for q in quantities if isinstance(q, str)}
    rows = list(parc.iter_rows(min_row=6, values_only=True))
    assert any(all(v is None for v in row) for row in rows[:-1]), "a blank row in the middle"
    assert rows[-1][0] == "TOTAL"
    assert sum(isinstance(q, int) for q in quantities[:-1]) >= 400


def test_profile_sheet_states_the_recipient_facts() -> None:
    ws = openpyxl.load_workbook(SAMPLES / "inventaire_fama_2025.xlsx")["Profil"]
    facts = {row[0]: row[1] for row in ws.iter_rows(min_row=3, values_only=True) if row[0]}
    assert facts["Sens de circulation"] == "à droite"
    assert facts["Devise"] == "FCFA"
    assert facts["Prix du carburant par litre"] == 775
    assert facts["Registre des biens"] == "oui"


def _offer_lines(name: str) -> tuple[dict[str, Any], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    ws = openpyxl.load_workbook(SAMPLES / name).active
    rows = list(ws.iter_rows(values_only=True))
    blank = next(i for i, r in enumerate(rows) if all(v is None for v in r))
    header = {r[0]: r[1] for r in rows[:blank]}
    return header, rows[blank + 1], rows[blank + 2 :]


@pytest.mark.parametrize(
    ("name", "donor_key", "requested"),
    [
        ("offre_bien_adaptee.xlsx", "Donateur", "oui"),
        ("offre_ambulances_occasion.xlsx", "Donateur", "non"),
        ("offre_mixte.xlsx", "Donateur", "oui"),
        ("offre_grand_lot_camions.xlsx", "Donateur", "oui"),
        ("offre_deux_lots_zetros.xlsx", "Donateur", "oui"),
        ("offer_demo_en.xlsx", "Donor", "yes"),
    ],
)
def test_offers_have_a_header_block_then_a_line_table(
    name: str, donor_key: str, requested: str
) -> None:
    header, columns, lines = _offer_lines(name)
    assert header[donor_key]
    assert requested in header.values()
    assert columns[0] in {"Catégorie", "Category"} and len(columns) == 30
    assert lines and all(isinstance(line[4], int) and line[4] > 0 for line in lines)


def test_ambulance_offer_is_what_its_design_says() -> None:
    header, columns, lines = _offer_lines("offre_ambulances_occasion.xlsx")
    col = {name: i for i, name in enumerate(columns)}
    assert header["Demandé par le bénéficiaire"] == "non"
    for line in lines:
        assert line[col["Marque"]] == "Ford"
        assert (line[col["Conduite"]], line[col["Carburant"]]) == ("Droite", "Essence")
        assert line[col["État (neuf/occasion)"]] == "Occasion"
        assert line[col["Kilométrage"]] >= 250_000 and line[col["Année"]] <= 2014
        assert line[col["Lot de pièces (mois)"]] == 0
        assert line[col["Langue des manuels"]] == "anglais"


def test_large_offer_is_a_model_the_fleet_holds(parc: Any) -> None:
    _, _, lines = _offer_lines("offre_grand_lot_camions.xlsx")
    (line,) = lines
    assert (line[1], line[2], line[4]) == ("Ural", "4320", 150)
    models = {(fold(r[2]), fold(r[3])) for r in parc.iter_rows(min_row=6, values_only=True) if r[2]}
    assert ("ural", "4320") in models


def test_csv_offer_matches_the_workbook_lines() -> None:
    raw = (SAMPLES / "offre_bien_adaptee.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    _, columns, lines = _offer_lines("offre_bien_adaptee.xlsx")
    assert tuple(rows[0]) == columns
    assert len(rows) - 1 == len(lines)
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Tension (V)"] == "12,0"  # decimal comma
    assert first["Valeur unitaire"] == "38 500 000"  # thousands separated by spaces
    assert first["Liste des pièces"].startswith("04152-")


def test_demo_inventory_uses_canonical_english_headers_on_row_one() -> None:
    wb = openpyxl.load_workbook(SAMPLES / "inventory_demo_en.xlsx")
    vocabulary = tomllib.loads((REPO / "rules" / "fields.toml").read_text(encoding="utf-8"))
    for sheet, table in [
        ("Fleet", "fleet"),
        ("Maintenance", "maintenance"),
        ("Spare parts", "spare_parts"),
        ("Budget", "budget"),
        ("Personnel", "personnel"),
        ("Pledges", "pledges"),
    ]:
        synonyms = {fold(s) for f in vocabulary["tables"][table]["fields"] for s in f["synonyms"]}
        headers = [c.value for c in wb[sheet][1] if c.value]
        assert headers and all(fold(h) in synonyms for h in headers), (sheet, headers)
    fleet_rows = wb["Fleet"].max_row - 1
    assert 30 <= fleet_rows <= 60
