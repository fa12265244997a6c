"""Workbooks in the words of other administrations import without a mapping, and no header is
ever matched to a field it does not mean."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from donation_checker.importer import import_inventory, import_offer
from donation_checker.importer.vocabulary import load_vocabulary
from donation_checker.model import ImportReport
from tests.core.administrations import (
    commonwealth_police_return,
    english_offer,
    french_ministry_fleet,
    us_property_book,
)
from tests.core.header_cases import HEADER_CASES


def _columns(report: ImportReport, table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for t in report.tables:
        if t.table == table:
            out.update({m.field: m.header for m in t.mapping})
    return out


TRADITIONS: list[tuple[Callable[[Path], Path], set[str], int]] = [
    (
        commonwealth_police_return,
        {"fleet", "maintenance", "spare_parts", "budget", "personnel", "pledges", "profile"},
        4,
    ),
    (us_property_book, {"fleet", "maintenance", "spare_parts", "budget", "personnel"}, 3),
    (french_ministry_fleet, {"fleet", "maintenance", "budget", "personnel", "profile"}, 5),
]


@pytest.mark.parametrize(("build", "tables", "units"), TRADITIONS)
def test_each_tradition_imports_every_table_without_a_mapping(
    tmp_path: Path, build: Callable[[Path], Path], tables: set[str], units: int
) -> None:
    inv = import_inventory(build(tmp_path / "wb.xlsx"))
    report = inv.report
    assert {t.table for t in report.tables} == tables
    assert len(inv.fleet) == units
    assert not report.proposals, [p.place.header for p in report.proposals]
    assert not report.unread, report.unread
    assert all(t.is_balanced() for t in report.tables)
    for t in report.tables:
        assert all(m.source == "detected" for m in t.mapping)


def test_police_return_reads_its_merged_header_and_left_hand_traffic(tmp_path: Path) -> None:
    inv = import_inventory(commonwealth_police_return(tmp_path / "police.xlsx"))
    fleet = inv.report.table("fleet")
    assert fleet is not None and fleet.header_row == 5
    letters = {m.field: m.column for m in fleet.mapping}
    assert (letters["quantity"], letters["quantity_serviceable"], letters["year"]) == (
        "D",
        "E",
        "F",
    )
    assert inv.fleet.frame["quantity_serviceable"].sum() == 151
    assert inv.profile.traffic_side == "left"
    assert _columns(inv.report, "budget") == {
        "line": "Vote",
        "year": "Fiscal Year",
        "amount": "Approved Estimates",
        "committed": "Actual Expenditure",
    }
    # "Drivers Assigned" are not drivers available: they are the assigned ones, netted out.
    assert _columns(inv.report, "personnel")["count"] == "Licensed Drivers"
    assert _columns(inv.report, "personnel")["assigned"] == "Drivers Assigned"


def test_property_book_reads_on_hand_authorized_and_fmc(tmp_path: Path) -> None:
    inv = import_inventory(us_property_book(tmp_path / "pbo.xlsx"))
    cols = _columns(inv.report, "fleet")
    assert cols["quantity"] == "O/H"
    assert cols["quantity_authorised"] == "Auth"
    assert cols["quantity_serviceable"] == "FMC"
    assert "LIN" not in cols.values() and "ERC" not in cols.values()
    assert inv.fleet.frame["quantity"].sum() == 42


def test_french_regions_become_one_fleet_with_the_sheet_as_location(tmp_path: Path) -> None:
    inv = import_inventory(french_ministry_fleet(tmp_path / "parc.xlsx"))
    frame = inv.fleet.frame
    assert sorted(set(frame["location"])) == ["Région Nord", "Région Sud"]
    assert frame["quantity"].sum() == 90  # "Parc en compte", not "Dotation"
    assert frame["quantity_authorised"].sum() == 101
    assert _columns(inv.report, "budget")["committed"] == "Crédits engagés"


def test_an_offer_in_english_words_reads_lines_and_header_block(tmp_path: Path) -> None:
    offer = import_offer(english_offer(tmp_path / "offer.xlsx"))
    assert [line.category for line in offer.lines] == ["Pick-up", "Lorry"]
    assert offer.lines[0].mechanics_trained == 4
    assert offer.lines[0].complexity is None
    assert offer.header.donor == "Partner B"
    assert offer.header.request_reference == "REQ/LOG/88"
    assert offer.report is not None and not offer.report.proposals


def test_no_header_is_silently_mapped_to_a_field_it_does_not_mean() -> None:
    vocab = load_vocabulary()
    wrong = []
    taken = 0
    meant = sum(1 for _, _, f in HEADER_CASES if f)
    for table, header, field in HEADER_CASES:
        found = vocab.match_row(table, [header]).taken.get(0)
        if found is not None and found[0] != field:
            wrong.append((table, header, found[0], field))
        taken += found is not None and found[0] == field
    assert not wrong
    assert len(HEADER_CASES) >= 250
    # The vocabulary must also read them: a matcher that took nothing would pass the above.
    assert taken >= 0.9 * meant


@pytest.mark.parametrize("table", sorted({t for t, _, _ in HEADER_CASES}))
def test_a_whole_row_of_such_headers_never_takes_a_wrong_field(table: str) -> None:
    cases = [(h, f) for t, h, f in HEADER_CASES if t == table]
    row = load_vocabulary().match_row(table, [h for h, _ in cases])
    for col, (field, _) in row.taken.items():
        assert cases[col][1] == field, cases[col]


@pytest.mark.parametrize("table", ["fleet", "offer_lines"])
def test_technicians_trained_is_never_the_technology_class(table: str) -> None:
    vocab = load_vocabulary()
    for header in ("Technicians trained", "Technicians", "Technician training", "Tech trained"):
        row = vocab.match_row(table, ["Make", header, "Model"])
        assert row.taken.get(1, ("", 0.0))[0] != "complexity", header


def test_the_assessment_names_the_rules_left_unknown_by_a_missing_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from donation_checker.cli import main

    inventory = us_property_book(tmp_path / "pbo.xlsx")  # no partners' pledges sheet
    offer = english_offer(tmp_path / "offer.xlsx")
    out = tmp_path / "a.json"
    code = main(
        ["assess", "--inventory", str(inventory), "--offer", str(offer), "--json", str(out)]
    )
    assert code == 0
    text = capsys.readouterr().out
    assert "'Pledges' not found in the inventory" in text or "« Engagements" in text
    gaps = json.loads(out.read_text(encoding="utf-8"))["tables_not_found"]
    (pledges,) = [g for g in gaps if g["table"] == "pledges"]
    assert "OWN-03" in pledges["rules"] and "ownership" in pledges["families"]
    assert all(g["table"] != "maintenance" for g in gaps)  # that table was found
