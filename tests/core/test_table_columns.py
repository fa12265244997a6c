"""Columns cut from a sheet's rows keep every cell, in order, as one value each."""

from __future__ import annotations

from donation_checker.importer import tables
from donation_checker.importer.cells import CellFault


def test_rectangular_rows_across_chunks_keep_every_cell_in_order() -> None:
    n = tables._TRANSPOSE_CHUNK * 2 + 5
    rows: list[list[object]] = [[f"{i:06d}", float(i), f"s{i}"] for i in range(n)]
    serial, quantity = tables._columns(rows, [0, 1])
    assert list(serial) == [f"{i:06d}" for i in range(n)]
    assert list(quantity) == [float(i) for i in range(n)]


def test_ragged_rows_read_missing_cells_as_blank() -> None:
    assert [list(c) for c in tables._columns([["a"], ["b", "c"]], [0, 1])] == [
        ["a", "b"],
        ["", "c"],
    ]


def test_a_cell_that_looks_like_a_sequence_stays_one_value() -> None:
    fault = CellFault("formula_error", "#N/A")
    rows: list[list[object]] = [["a", ("x", "y")], ["b", ("z", "w")], ["c", fault]]
    first, second = tables._columns(rows, [0, 1])
    assert list(first) == ["a", "b", "c"]
    assert list(second) == [("x", "y"), ("z", "w"), fault]
    only_pairs: list[list[object]] = [[("x", "y"), ("z", "w")], [("u", "v"), ("s", "t")]]
    (column,) = tables._columns(only_pairs, [1])
    assert list(column) == [("z", "w"), ("s", "t")]
