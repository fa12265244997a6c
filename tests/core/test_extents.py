"""The extent of .xlsb and .ods sheets, measured from their bytes in chunks cut anywhere, is
the reader's: the last row and column holding a cell."""

from __future__ import annotations

import struct

from hypothesis import given, settings
from hypothesis import strategies as st

from donation_checker.importer.extents import OdsExtent, XlsbExtent

CELLS = st.lists(st.tuples(st.integers(0, 70_000), st.integers(0, 20_000)), min_size=1, max_size=30)


def record(rtype: int, body: bytes) -> bytes:
    def varint(n: int, most: int) -> bytes:
        out = bytearray()
        for _ in range(most):
            byte, n = n & 0x7F, n >> 7
            out.append(byte | (0x80 if n else 0))
            if not n:
                break
        return bytes(out)

    return varint(rtype, 2) + varint(len(body), 4) + body


def _feed(scanner: XlsbExtent | OdsExtent, data: bytes, chunk: int) -> None:
    for i in range(0, len(data), chunk):
        scanner.feed(data[i : i + chunk])


@settings(max_examples=100, deadline=None)
@given(CELLS, st.integers(1, 300), st.binary(max_size=200))
def test_xlsb_extent_is_the_last_cell(cells: list[tuple[int, int]], chunk: int, pad: bytes) -> None:
    data = record(0x0081, b"") + record(0x0094, pad[:16])  # BrtBeginSheet, a dimension
    for row, col in sorted(cells):
        data += record(0x0000, struct.pack("<I", row) + b"\0" * 13)
        data += record(0x0007, struct.pack("<IIHI", col, 0, 0, 0)[:12])  # a shared string
        data += record(0x0025, pad[:40])  # a record the scan skips
    scanner = XlsbExtent("xl/worksheets/sheet1.bin")
    _feed(scanner, data, chunk)
    assert scanner.facts.rows == max(r for r, _ in cells) + 1
    assert scanner.facts.columns == max(c for _, c in cells) + 1


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 5000), st.integers(0, 50), st.integers(1, 300), st.booleans()),
        min_size=1,
        max_size=20,
    ),
    st.integers(1, 300),
)
def test_ods_extent_counts_repeats_up_to_the_last_filled_cell(
    rows: list[tuple[int, int, int, bool]], chunk: int
) -> None:
    """Each row: repeated n times, `gap` empty cells then `width` filled (or empty) cells, then
    the empty rest of the sheet as LibreOffice writes it."""
    body, row_no, last_row, last_col = [], 0, 0, 0
    for repeat, gap, width, filled in rows:
        cells = f'<table:table-cell table:number-columns-repeated="{gap}"/>' if gap else ""
        if filled:
            cells += (
                f'<table:table-cell table:number-columns-repeated="{width}" '
                'office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
            )
        cells += '<table:table-cell table:number-columns-repeated="1024"/>'
        body.append(
            f'<table:table-row table:number-rows-repeated="{repeat}">{cells}</table:table-row>'
        )
        row_no += repeat
        if filled:
            last_row, last_col = row_no, max(last_col, gap + width)
    xml = f'<table:table table:name="Parc">{"".join(body)}</table:table>'.encode()
    scanner = OdsExtent("content.xml")
    _feed(scanner, xml, chunk)
    facts = scanner.close()
    assert (facts.rows, facts.columns) == (last_row, last_col)
    assert scanner.table == "Parc"
