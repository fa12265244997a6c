"""The inventory importer on files built here: French headers, title blocks, merged cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from donation_checker.errors import InputRejected
from donation_checker.importer import import_inventory, load_model_names
from tests.core.workbooks import french_inventory, write_rows

ROWS = [
    [
        "Pick-up",
        "TOYOTA",
        "Land-Cruiser HZJ79",
        "12",
        "10",
        "0230015224389",
        "000123",
        "Gao",
        "Gazole",
        "ok",
    ],
    [
        "Camion",
        "Mercedes",
        "Unimog U4000",
        3,
        2,
        "2320-01-107-7155",
        "00A001",
        "Kati",
        "Diesel",
        None,
    ],
    [],
    ["Camion", "Ural", "4320", "voir note", None, None, None, "Mopti", "Gazole", None],
    ["Ambulance", "Toyota", "LC78", "1 200", "1,5", None, None, "Sikasso", "Essence", None],
    ["TOTAL", None, None, 15, 12, None, None, None, None, None],
]


@pytest.fixture
def inventory_file(tmp_path: Path) -> Path:
    return french_inventory(tmp_path / "parc.xlsx", ROWS)


def test_title_block_and_merged_two_row_header_map_every_column(inventory_file: Path) -> None:
    inv = import_inventory(inventory_file)
    fleet = inv.report.table("fleet")
    assert fleet is not None
    assert fleet.header_row == 5
    mapping = {m.field: m.column for m in fleet.mapping}
    assert mapping == {
        "category": "A",
        "make": "B",
        "model": "C",
        "quantity": "D",
        "quantity_serviceable": "E",
        "nsn": "F",
        "serial": "G",
        "location": "H",
        "fuel": "I",
        "notes": "J",
    }


def test_every_row_is_accounted_for_with_its_place(inventory_file: Path) -> None:
    fleet = import_inventory(inventory_file).report.table("fleet")
    assert fleet is not None
    assert fleet.rows_read == 6
    assert fleet.is_balanced()
    assert fleet.rows_imported == 3
    assert [(i.place.row, i.place.column, i.reason, i.value) for i in fleet.rejected] == [
        (9, "D", "not_a_number", "voir note")
    ]
    # An optional value that cannot be read keeps the row and is reported at its cell.
    assert [(w.place.row, w.place.column, w.reason) for w in fleet.warnings] == [
        (10, "E", "not_whole_number")
    ]
    skipped = {(i.place.row, i.reason) for i in fleet.skipped}
    assert skipped == {(8, "blank_row"), (11, "total_row")}


def test_quantities_accept_french_thousands_but_reject_fractions(tmp_path: Path) -> None:
    path = french_inventory(
        tmp_path / "p.xlsx",
        [
            ["Camion", "Ural", "4320", "1 200", "1 100", None, None, "Gao", "Gazole", None],
            ["Camion", "Ural", "4320", "12,0", "12,5", None, None, "Gao", "Gazole", None],
        ],
    )
    inv = import_inventory(path)
    frame = inv.fleet.frame
    assert list(frame["quantity"]) == [1200, 12]
    # An unreadable optional value keeps the row, is reported, and becomes unknown (not zero).
    assert frame["quantity_serviceable"].iloc[1] is None
    fleet = inv.report.table("fleet")
    assert fleet is not None
    assert [(w.place.row, w.place.column, w.reason) for w in fleet.warnings] == [
        (7, "E", "not_whole_number")
    ]


def test_codes_keep_leading_zeros_and_text_like_na_stays_text(tmp_path: Path) -> None:
    path = french_inventory(
        tmp_path / "p.xlsx",
        [
            ["Radio", "Codan", "Envoy", 2, 2, "0520012345678", "NA", "Gao", None, None],
            ["Radio", "Codan", "Envoy", 1, 1, "5820-01-234-5678", "None", "Gao", None, None],
        ],
    )
    frame = import_inventory(path).fleet.frame
    assert list(frame["nsn"]) == ["0520012345678", "5820-01-234-5678"]
    assert list(frame["serial"]) == ["NA", "None"]


def test_nsn_stored_as_number_is_padded_back_to_13_digits_and_counted(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "n.xlsx",
        {
            "Fleet": [
                ["category", "make", "model", "quantity", "nsn", "serial"],
                ["Radio", "Codan", "Envoy", 1, 520012345678, 123],
            ]
        },
    )
    inv = import_inventory(path)
    assert inv.fleet.frame["nsn"].iloc[0] == "0520012345678"
    assert inv.fleet.frame["serial"].iloc[0] == "123"
    fleet = inv.report.table("fleet")
    assert fleet is not None
    assert fleet.normalised["nsn:nsn_zero_padded"] == 1
    # A serial stored as a number cannot be restored: it is imported and flagged at its cell.
    assert [(w.place.column, w.reason) for w in fleet.warnings] == [("F", "code_stored_as_number")]


def test_aliases_make_spelling_variants_of_one_model_meet(
    inventory_file: Path, tmp_path: Path
) -> None:
    frame = import_inventory(inventory_file).fleet.frame
    assert frame.loc[0, "make"] == "Toyota"
    assert frame.loc[0, "model"] == "Land Cruiser 79"
    assert frame.loc[1, "make"] == "Mercedes-Benz"
    user_aliases = tmp_path / "mine.toml"
    user_aliases.write_text(
        '[makes]\n"ural automotive" = "Ural"\n[models.Ural]\n"4320-31" = "4320"\n', encoding="utf-8"
    )
    names = load_model_names(user_aliases)
    assert names.key("URAL automotive", "4320-31") == names.key("Ural", "4320")


def test_unknown_makes_keep_their_capitals_and_still_meet_other_spellings() -> None:
    names = load_model_names()
    assert names.make("BRDM") == "BRDM"  # an acronym, not "Brdm"
    assert names.make("zastava") == "Zastava"  # all lower case: given capitals
    assert names.make("ZETROS  motors") == "ZETROS motors"
    assert names.make_key("BRDM") == names.make_key("Brdm")


def test_optional_tables_profile_and_date_system(tmp_path: Path) -> None:
    path = tmp_path / "inv.xlsx"
    write_rows(
        path,
        {
            "Parc": [
                ["Catégorie", "Marque", "Modèle", "Quantité"],
                ["Pick-up", "Toyota", "Hilux", 4],
            ],
            "Partenaires": [
                ["Partenaire", "Catégorie", "Marque", "Modèle", "Quantité", "Statut", "Date"],
                ["Allemagne", "Ambulance", "Toyota", "LC78", 4, "annoncé", dt.date(2026, 3, 12)],
            ],
            "Profil": [
                ["Pays", "Mali"],
                ["Sens de circulation", "à droite"],
                ["Carburants disponibles", "Gazole ; Essence ; Jet A1"],
                ["Devise", "FCFA"],
                ["Prix du carburant par litre", "775"],
                ["Registre des biens", "oui"],
            ],
        },
    )
    wb = openpyxl.load_workbook(path)
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    wb.save(path)
    inv = import_inventory(path)
    assert inv.pledges is not None
    assert inv.pledges.frame["date"].iloc[0] == dt.date(2026, 3, 12)
    assert inv.maintenance is None and inv.budget is None
    assert set(inv.report.missing_tables) == {"maintenance", "spare_parts", "budget", "personnel"}
    p = inv.profile
    assert (p.country, p.traffic_side, p.currency, p.fuel_price) == ("Mali", "right", "FCFA", 775.0)
    assert p.national_fuels == ("diesel", "petrol", "jet")
    assert p.asset_register is True and p.parts_register is None


def test_explicit_mapping_overrides_unrecognised_headers(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "odd.xlsx",
        {
            "Feuil1": [
                ["Col1", "Col2", "Col3", "Col4"],
                ["Pick-up", "Toyota", "Hilux", 7],
            ]
        },
    )
    with pytest.raises(InputRejected) as err:
        import_inventory(path)
    assert err.value.reason == "no_fleet_table"
    inv = import_inventory(
        path, mapping={"fleet": {"category": "A", "make": "B", "model": "Col3", "quantity": "D"}}
    )
    assert inv.fleet.frame["quantity"].tolist() == [7]


def test_missing_required_column_names_sheet_row_and_columns(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "nomodel.xlsx",
        {
            "Parc": [
                ["Titre"],
                ["Catégorie", "Marque", "Quantité", "Unité"],
                ["Pick-up", "Toyota", 3, "GTIA 1"],
            ]
        },
    )
    with pytest.raises(InputRejected) as err:
        import_inventory(path)
    e = err.value
    assert e.reason == "missing_columns"
    assert e.place is not None and (e.place.sheet, e.place.row) == ("Parc", 2)
    assert "model" in e.describe("en")
    assert "nomodel.xlsx" in e.describe("fr") and "ligne 2" in e.describe("fr")


def test_csv_with_bom_semicolons_and_french_decimals(tmp_path: Path) -> None:
    path = tmp_path / "parc.csv"
    path.write_bytes(
        "\ufeffCatégorie;Marque;Modèle;Quantité;NNO;Tension\n"
        "Pick-up;Toyota;Hilux;4;0230015224389;12\n"
        "Camion;Ural;4320;2;NA;24,0\n".encode()
    )
    inv = import_inventory(path)
    frame = inv.fleet.frame
    assert list(frame["category"]) == ["Pick-up", "Camion"]
    assert list(frame["nsn"]) == ["0230015224389", "NA"]
    assert list(frame["voltage"]) == [12.0, 24.0]


def test_totals_label_in_an_unmapped_first_column_is_skipped_not_rejected(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "t.xlsx",
        {
            "Parc": [
                ["N° d'ordre", "Catégorie", "Marque", "Modèle", "Quantité"],
                [1, "Pick-up", "Toyota", "Hilux", 4],
                ["TOTAL", None, None, None, 4],
            ]
        },
    )
    fleet = import_inventory(path).report.table("fleet")
    assert fleet is not None
    assert [(i.place.row, i.reason) for i in fleet.skipped] == [(3, "total_row")]
    assert fleet.rows_rejected == 0


def test_explicit_mapping_by_letters_only_and_short_headers_that_look_like_letters(
    tmp_path: Path,
) -> None:
    path = write_rows(
        tmp_path / "letters.xlsx",
        {
            "Feuil1": [
                ["Liste"],
                ["Col1", "Col2", "Col3", "Qty"],
                ["Pick-up", "Toyota", "Hilux", 7],
            ]
        },
    )
    by_letters = import_inventory(
        path,
        mapping={
            "fleet": {
                "category": "A",
                "make": "B",
                "model": "C",
                "quantity": "D",
                "header_row": "2",
            }
        },
    )
    assert by_letters.fleet.frame["quantity"].tolist() == [7]
    # "Qty" is a header here, not column QTY.
    by_text = import_inventory(
        path,
        mapping={"fleet": {"category": "Col1", "make": "Col2", "model": "Col3", "quantity": "Qty"}},
    )
    assert by_text.fleet.frame["model"].tolist() == ["Hilux"]
