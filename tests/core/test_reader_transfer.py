"""The cell reader's process hands back exactly what calamine reads in process: every value, its
type and its position, whether a chunk travels column by column or row by row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import python_calamine as pc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from donation_checker.errors import InputRejected
from donation_checker.importer import cellworker, reader

_values = st.one_of(
    st.none(),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12
    ).filter(lambda s: s.strip() == s and not s.startswith("=")),
    st.integers(min_value=-(10**9), max_value=10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    ),
)
_sheets = st.lists(st.lists(_values, min_size=1, max_size=6), min_size=1, max_size=40)


def _write(rows: list[list[object]], path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    wb.save(path)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(_values, max_size=6), max_size=30))
def test_a_chunk_comes_back_as_it_was_sent(rows: list[list[object]]) -> None:
    """Equally wide rows travel column by column, ragged ones row by row: either way each
    value comes back with its type and its place."""
    kind, data = cellworker.rows_frame([list(row) for row in rows])  # it empties its chunk
    back = cellworker.rows_of(kind, data)
    assert [[(type(v), v) for v in row] for row in back] == [
        [(type(v), v) for v in row] for row in rows
    ]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_sheets)
def test_rows_from_the_reader_process_equal_calamine_in_process(
    rows: list[list[object]], tmp_path: Path
) -> None:
    path = tmp_path / "generated.xlsx"
    _write(rows, path)
    sheet = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sheet")
    expected = sheet.to_python()
    with reader.reader(10_000_000) as proc:
        proc.open(path)
        got = proc.sheet("Sheet").rows
    # Calamine's own read starts at the first filled cell; the reader's rows start at A1.
    top, left = sheet.start or (0, 0)
    assert [[(type(v), v) for v in row[left:]] for row in got[top:]] == [
        [(type(v), v) for v in row] for row in expected
    ]


_SAMPLES = sorted(
    p for p in (Path(__file__).parents[2] / "sample_inventories").iterdir() if p.suffix == ".xlsx"
)


def _report_of(path: Path) -> dict[str, object]:
    from donation_checker.importer import import_inventory, import_offer
    from donation_checker.report_json import import_report_to_dict

    try:
        result = import_inventory(path)
    except InputRejected:
        result = import_offer(path)
    return import_report_to_dict(result.report, "en")


def test_a_workbook_read_ahead_imports_as_one_read_on_request() -> None:
    """The command line starts the reader on its workbooks before loading the importer; what
    it imports is what an import that asks sheet by sheet gets."""
    from donation_checker.importer import start_reading

    for path in _SAMPLES:
        asked = _report_of(path)
        start_reading(str(path))
        assert _report_of(path) == asked, path.name


def test_a_read_ahead_left_half_way_is_not_reused(tmp_path: Path) -> None:
    """A workbook read ahead but refused on its first sheet leaves its reader with answers
    still to come: that reader is stopped, and the next workbook is read correctly."""
    from donation_checker.importer import import_inventory, start_reading

    wb = openpyxl.Workbook()
    wb.active.title = "Huge"
    wb.active["A1"] = "x"
    wb.active["XFD1048576"] = "far corner"
    wb.create_sheet("Fleet")["A1"] = "make"
    big = tmp_path / "far.xlsx"
    wb.save(big)
    start_reading(str(big))
    with pytest.raises(InputRejected):
        import_inventory(big)
    sample = next(p for p in _SAMPLES if p.name.startswith("inventaire"))
    assert _report_of(sample)["rows_imported"]


def test_a_named_pipe_is_never_read_ahead(tmp_path: Path) -> None:
    """Reading ahead only regular files: a pipe would block the reader for ever."""
    import os

    fifo = tmp_path / "inventory.xlsx"
    os.mkfifo(fifo)
    from donation_checker.importer import start_reading

    start_reading(str(fifo))
    assert str(fifo) not in reader.prefetched_paths()
