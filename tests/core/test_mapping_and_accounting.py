"""A mapping completes detection; questions instead of silent guesses; every cell holding data is
imported, rejected, skipped or listed as not imported."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from donation_checker.cli import main
from donation_checker.errors import InputRejected
from donation_checker.importer import import_inventory, import_offer
from donation_checker.importer.mapping_file import mapping_toml
from tests.core.administrations import commonwealth_police_return
from tests.core.workbooks import write_rows

ODD_FLEET = [
    ["Sort", "Make", "Model", "Tally", "YOM", "Fuel"],
    ["Pick-up", "Toyota", "Hilux", 12, 2018, "Diesel"],
    ["Truck", "Isuzu", "FVR", 3, 2015, "Diesel"],
]


def test_a_map_naming_two_fields_leaves_the_rest_to_detection(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "odd.xlsx", {"Vehicles": ODD_FLEET})
    with pytest.raises(InputRejected):
        import_inventory(path)  # "Sort" and "Tally" mean nothing to the vocabulary
    inv = import_inventory(path, mapping={"fleet": {"category": "A", "quantity": "Tally"}})
    fleet = inv.report.table("fleet")
    assert fleet is not None
    sources = {m.field: m.source for m in fleet.mapping}
    assert sources == {
        "category": "mapped",
        "quantity": "mapped",
        "make": "detected",
        "model": "detected",
        "year": "detected",
        "fuel": "detected",
    }
    assert list(inv.fleet.frame["quantity"]) == [12, 3]


def test_a_mapping_overrides_a_detected_column_and_keeps_the_others(tmp_path: Path) -> None:
    path = commonwealth_police_return(tmp_path / "police.xlsx")
    # Say "Serviceable" (E) is the holding: the detected quantity column D gives way.
    inv = import_inventory(path, mapping={"fleet": {"quantity": "E"}})
    fleet = inv.report.table("fleet")
    assert fleet is not None
    by_field = {m.field: (m.column, m.source) for m in fleet.mapping}
    assert by_field["quantity"] == ("E", "mapped")
    assert "quantity_serviceable" not in by_field
    assert by_field["make"] == ("B", "detected") and by_field["year"] == ("F", "detected")


OFFER_WITH_DOUBT = [
    ["Category", "Make", "Model", "Quantity", "Warranty period (months)", "Technicians"],
    ["Pick-up", "Toyota", "Hilux", 10, 12, 2],
]


def test_a_doubtful_header_is_a_question_not_a_silent_match(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "offer.xlsx", {"Offer": OFFER_WITH_DOUBT})
    offer = import_offer(path)
    assert offer.report is not None
    lines = offer.report.table("offer_lines")
    assert lines is not None
    assert {m.field for m in lines.mapping} == {"category", "make", "model", "quantity"}
    asked = {p.place.column: p.field for p in offer.report.proposals}
    # An unknown word ("period") and words sharing only their first letters
    # ("technicians" / "technologie") make questions, never silent matches.
    assert asked == {"E": "warranty_months", "F": "complexity"}
    line = offer.lines[0]
    assert (line.warranty_months, line.complexity, line.mechanics_trained) == (None, None, None)


def test_cli_asks_and_strict_mapping_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_rows(tmp_path / "offer.xlsx", {"Offer": OFFER_WITH_DOUBT})
    assert main(["check-offer", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Questions" in out and "[offer_lines]" in out
    assert main(["check-offer", str(path), "--lang", "en", "--strict-mapping"]) == 3
    err = capsys.readouterr().err
    assert "--strict-mapping" in err and "column F" in err
    answer = tmp_path / "map.toml"
    answer.write_text('[offer_lines]\nmechanics_trained = "F"\n', encoding="utf-8")
    # Column E stays a question: still refused; answered, the file passes.
    assert main(["check-offer", str(path), "--strict-mapping", "--map", str(answer)]) == 3
    capsys.readouterr()
    answer.write_text(
        '[offer_lines]\nmechanics_trained = "F"\nwarranty_months = "E"\n', encoding="utf-8"
    )
    assert (
        main(["check-offer", str(path), "--lang", "en", "--strict-mapping", "--map", str(answer)])
        == 0
    )
    assert "E → Warranty (months) (mapped)" in capsys.readouterr().out


def test_a_sheet_that_looks_like_a_table_is_listed_with_its_best_candidate(
    tmp_path: Path,
) -> None:
    path = write_rows(
        tmp_path / "inv.xlsx",
        {
            "Fleet": [["Category", "Make", "Model", "Quantity"], ["Truck", "Isuzu", "FVR", 3]],
            "COE Q3": [
                ["Equipment", "Make", "Lease type", "MOU Qty", "Monthly rate"],
                ["APC", "Reva", "wet", 4, 1200],
                ["Truck", "Isuzu", "dry", 2, 800],
            ],
        },
    )
    report = import_inventory(path).report
    (region,) = report.unread
    assert (region.sheet, region.rows, region.cells, region.where) == ("COE Q3", 3, 15, "sheet")
    assert region.candidate == "fleet"
    assert set(region.missing) >= {"model", "quantity"}
    assert "make" in region.recognised


def test_rows_under_a_table_are_listed_with_their_size(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "inv.xlsx",
        {
            "Fleet": [
                ["Category", "Make", "Model", "Quantity"],
                ["Truck", "Isuzu", "FVR", 3],
                [],
                [],
                [None, None, None, None, None, "Certified by", "Capt. X"],
                [None, None, None, None, None, "Date", "2025-06-30"],
            ]
        },
    )
    report = import_inventory(path).report
    fleet = report.table("fleet")
    assert fleet is not None and fleet.rows_read == 1
    (region,) = report.unread
    assert (region.where, region.first_row, region.last_row, region.cells) == ("below", 5, 6, 4)


# --- properties -----------------------------------------------------------------------------

HEADER = ["Category", "Make", "Model", "Quantity", "Serviceable"]
row_kind = st.sampled_from(["good", "good", "good", "blank", "bad", "total"])


def _row(kind: str, i: int) -> list[object]:
    if kind == "good":
        return ["Truck", "Isuzu", f"FVR{i}", i + 1, i]
    if kind == "bad":
        return ["Truck", "Isuzu", f"FVR{i}", "many", None]
    if kind == "total":
        return ["Total", None, None, 99, 90]
    return []


words = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=8).filter(str.strip)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sheets=st.lists(st.lists(row_kind, max_size=8), min_size=1, max_size=4),
    titled=st.booleans(),
    trailer=st.lists(words, max_size=3),
    stray=st.lists(st.lists(words, min_size=1, max_size=4), max_size=4),
)
def test_every_filled_row_of_a_multi_sheet_workbook_is_accounted_for(
    tmp_path: Path,
    sheets: list[list[str]],
    titled: bool,
    trailer: list[str],
    stray: list[list[str]],
) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    good = 0
    for n, kinds in enumerate(sheets):
        ws = wb.create_sheet(f"Region {n}")
        rows: list[list[object]] = ([["Fleet of region"], []] if titled else []) + [HEADER]
        rows += [_row(k, i) for i, k in enumerate(kinds)]
        rows += [["Truck", "Isuzu", "FVR", 1, 1]]  # every sheet holds at least one unit
        good += sum(k == "good" for k in kinds) + 1
        rows += [[], []] + [[None] * 7 + [t] for t in trailer]
        for r, values in enumerate(rows, start=1):
            for c, v in enumerate(values, start=1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v)
    if stray:
        ws = wb.create_sheet("Notes")
        for r, values in enumerate(stray, start=1):
            for c, v in enumerate(values, start=1):
                ws.cell(row=r, column=c, value=v)
    path = tmp_path / "regions.xlsx"
    wb.save(path)

    inv = import_inventory(path)
    report = inv.report
    fleets = [t for t in report.tables if t.table == "fleet"]
    assert len(fleets) == len(sheets)
    assert all(t.is_balanced() for t in report.tables)
    assert sum(t.rows_imported for t in fleets) == len(inv.fleet) == good
    # Every filled row: a title (one cell), the header, a row of a table, or an unread region.
    covered: dict[str, set[int]] = {}
    for t in report.tables:
        assert t.header_row is not None
        covered.setdefault(t.sheet, set()).update(
            range(t.header_row, t.header_row + t.rows_read + 1)
        )
    for u in report.unread:
        covered.setdefault(u.sheet, set()).update(range(u.first_row, u.last_row + 1))
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows():
            filled = [c for c in row if c.value is not None]
            if (
                len(filled) >= 2
                or (filled and ws.title == "Notes")
                or (filled and filled[0].column > 1)
            ):
                assert row[0].row in covered.get(ws.title, set()), (ws.title, row[0].row)


FIELDS = ["category", "make", "model", "quantity", "quantity_serviceable", "year", "location"]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(FIELDS), column=st.sampled_from("ABCDEFGHI"))
def test_adding_a_mapping_never_removes_a_detected_field(
    tmp_path: Path, field: str, column: str
) -> None:
    path = tmp_path / "police.xlsx"
    if not path.exists():
        commonwealth_police_return(path)
    before = import_inventory(path).report.table("fleet")
    assert before is not None
    try:
        after = import_inventory(path, mapping={"fleet": {field: column}}).report.table("fleet")
    except InputRejected:
        # Only a required field moved onto another required field's column may lose the table.
        return
    assert after is not None
    now = {(m.field, m.column) for m in after.mapping}
    assert (field, column) in now
    for m in before.mapping:
        if m.field != field and m.column != column:
            assert (m.field, m.column) in now


def test_a_dash_answers_no_and_the_question_is_settled(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "offer.xlsx", {"Offer": OFFER_WITH_DOUBT})
    offer = import_offer(path, mapping={"offer_lines": {"complexity": "-", "warranty_months": "-"}})
    assert offer.report is not None and not offer.report.proposals
    lines = offer.report.table("offer_lines")
    assert lines is not None
    assert {m.field for m in lines.mapping} == {"category", "make", "model", "quantity"}


@given(
    st.dictionaries(
        st.sampled_from(["fleet", "budget", "offer_lines", "offer_header"]),
        st.dictionaries(
            st.from_regex(r"[a-z_]{1,12}", fullmatch=True),
            st.text(max_size=20).filter(lambda t: not t.strip().isdigit()),
            max_size=5,
        ),
        max_size=4,
    )
)
def test_a_mapping_saved_as_a_file_reads_back_the_same(
    mapping: dict[str, dict[str, str]],
) -> None:
    back = tomllib.loads(mapping_toml(mapping))
    assert back == {t: f for t, f in mapping.items() if f}


def test_a_header_over_three_rows_with_merged_groups(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Return"
    rows: list[list[object]] = [
        ["DISTRICT FLEET RETURN"],
        [],
        ["Class", "Make", "Model", "Holdings", None, None, "Station"],
        [None, None, None, "On hand", None, "Establishment", None],
        [None, None, None, "Total", "Serviceable", None, None],
        ["Pick-up", "Toyota", "Hilux", 10, 8, 12, "North"],
        ["Lorry", "Isuzu", "FVR", 4, 2, 5, "South"],
    ]
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(row=r, column=c, value=v)
    for rng in ("D3:F3", "D4:E4", "F4:F5", "A3:A5", "B3:B5", "C3:C5", "G3:G5"):
        ws.merge_cells(rng)
    wb.save(tmp_path / "three.xlsx")
    inv = import_inventory(tmp_path / "three.xlsx")
    fleet = inv.report.table("fleet")
    assert fleet is not None and fleet.header_row == 5 and fleet.is_balanced()
    assert {m.field: m.column for m in fleet.mapping} == {
        "category": "A",
        "make": "B",
        "model": "C",
        "quantity": "D",
        "quantity_serviceable": "E",
        "quantity_authorised": "F",
        "location": "G",
    }
    assert (fleet.rows_imported, fleet.rows_rejected) == (2, 0)
    assert not inv.report.unread and not inv.report.proposals


def test_a_doubtful_key_of_the_offer_header_is_a_question_answered_by_its_text(
    tmp_path: Path,
) -> None:
    path = write_rows(
        tmp_path / "offer.xlsx",
        {
            "Offer": [
                ["Donor agency name", "Partner C"],
                ["Offer reference number", "PC-7"],
                [],
                ["Category", "Make", "Model", "Quantity"],
                ["Pick-up", "Toyota", "Hilux", 10],
            ]
        },
    )
    offer = import_offer(path)
    assert offer.report is not None
    assert offer.header.donor is None and offer.header.reference == "PC-7"
    (question,) = offer.report.proposals
    assert (question.table, question.field, question.unknown) == (
        "offer_header",
        "donor",
        ("name",),
    )
    assert question.mapping_line() == '[offer_header] donor = "Donor agency name"'
    answered = import_offer(path, mapping={"offer_header": {"donor": "Donor agency name"}})
    assert answered.header.donor == "Partner C"
    assert answered.report is not None and not answered.report.proposals


def test_tables_stacked_on_one_sheet_are_each_read(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["FLEET AND WORKSHOPS RETURN"],
        [],
        ["Category", "Make", "Model", "Quantity"],
        ["Truck", "Isuzu", "FVR", 3],
        ["Pick-up", "Toyota", "Hilux", 7],
        [],
        ["WORKSHOPS"],
        ["Workshop", "Location", "Mechanics"],
        ["Central", "Capital", 6],
        [],
        ["Region South"],
        ["Category", "Make", "Model", "Quantity"],
        ["Truck", "Isuzu", "FVR", 2],
        *([[]] * 45),  # far below the first rows
        ["Region East"],
        ["Category", "Make", "Model", "Quantity"],
        ["Truck", "Renault", "Kerax", 5],
        [],
        [None, "Checked by", "Capt. Y"],
    ]
    inv = import_inventory(write_rows(tmp_path / "stack.xlsx", {"Return": rows}))
    frame = inv.fleet.frame
    assert list(frame["quantity"]) == [3, 7, 2, 5]
    assert list(frame["location"]) == ["Return", "Return", "Region South", "Region East"]
    assert inv.maintenance is not None and list(inv.maintenance.frame["mechanics"]) == [6]
    report = inv.report
    assert all(t.is_balanced() for t in report.tables)
    # The sign-off line under the last block is a row of that block: rejected, with its place.
    rejected = [i for t in report.tables for i in t.rejected]
    assert [(i.place.row, i.reason) for i in rejected] == [(63, "missing_required")]
    assert not report.unread


def test_a_sheet_laid_out_otherwise_is_listed_not_added_to_the_fleet(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "inv.xlsx",
        {
            "Old list": [["Category", "Make", "Model", "Quantity"], ["Truck", "Berliet", "GBC", 3]],
            "Fleet": [
                ["Category", "Make", "Model", "Quantity", "Year"],
                ["Truck", "Isuzu", "FVR", 2, 2015],
            ],
        },
    )
    inv = import_inventory(path)
    assert list(inv.fleet.frame["make"]) == ["Isuzu"]
    (old,) = inv.report.unread
    assert (old.sheet, old.where, old.candidate, old.missing) == ("Old list", "sheet", "fleet", ())


def test_a_note_far_to_the_right_is_listed_and_a_wide_sheet_stays_fast(tmp_path: Path) -> None:
    import time

    from donation_checker.importer.common import assign_tables
    from donation_checker.importer.grid import SheetGrid
    from donation_checker.importer.inventory import INVENTORY_TABLES
    from donation_checker.importer.vocabulary import load_vocabulary

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Fleet"
    ws.append(["Category", "Make", "Model", "Quantity"])
    for i in range(20):
        ws.append(["Truck", "Isuzu", f"FVR{i}", i + 1])
    ws["XFD3"] = "stray note"
    wb.save(tmp_path / "wide.xlsx")
    report = import_inventory(tmp_path / "wide.xlsx").report
    (note,) = report.unread
    assert (note.where, note.first_row, note.rows, note.cells) == ("beside", 3, 1, 1)

    # Header search over a sheet 16,384 columns wide with blocks of rows: the cost follows the
    # filled cells, not the width (it took over 20 s of processor time when every column was
    # looked at).
    width = 16384

    def row(values: list[object]) -> list[object]:
        return values + [""] * (width - len(values))

    rows = [row(["Category", "Make", "Model", "Quantity"])]
    for i in range(60):
        rows.append(row(["Truck", "Isuzu", f"FVR{i}", i]))
        if i % 2:
            rows.append(row([]))
    rows[1][-1] = "x"
    started = time.process_time()
    found = assign_tables(
        [SheetGrid("Wide", rows)], INVENTORY_TABLES, load_vocabulary(), None, multi=("fleet",)
    )
    assert time.process_time() - started < 5
    assert [g.header_row for g in found.chosen["fleet"]] == [0]
