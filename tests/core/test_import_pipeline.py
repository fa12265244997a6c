"""The import's shortcuts change nothing it finds: a table's columns sliced from the columns the
reader sent equal those gathered from the rows, and the tables read while the next sheet is
parsed equal those read after every sheet."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from donation_checker.importer import grid as grid_module
from donation_checker.importer import import_inventory
from donation_checker.importer import inventory as inventory_module
from donation_checker.importer.grid import ColumnBlocks
from donation_checker.importer.sniff import inspect
from donation_checker.model import Inventory
from donation_checker.report_json import import_report_to_dict

HEADER = ["Catégorie", "Marque", "Modèle", "Quantité", "Année", "NNO", "N° de série"]
MODELS = [("Camion", "Renault Trucks", "Kerax"), ("Pick-up", "Toyota", "Hilux")]


def _fleet_rows(n: int, seed: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for i in range(n):
        cat, make, model = MODELS[(i + seed) % len(MODELS)]
        rows.append([cat, make, model, 1 + i % 7, 1990 + i % 30, 5_000 + i, f"SN-{seed}-{i}"])
    return rows


def _workbook(path: Path, rows_per_sheet: int) -> Path:
    """A fleet kept per region on three sheets, codes shown with leading zeros (number format
    "0000000000000"), a formula without a saved value and one with an error, and a sheet of
    spare parts."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for s, region in enumerate(("Kayes", "Gao", "Mopti")):
        ws = wb.create_sheet(region)
        ws.append(HEADER)
        for row in _fleet_rows(rows_per_sheet, s):
            ws.append(row)
        for r in range(2, rows_per_sheet + 2):
            ws.cell(r, 6).number_format = "0000000000000"
        ws.cell(3, 4).value = "=1/0"
        ws.cell(4, 4).value = "=B2*2"
    parts = wb.create_sheet("Pièces")
    parts.append(["Référence", "Désignation", "Quantité en stock", "Marque", "Modèle"])
    for i in range(50):
        parts.append([f"R{i:04d}", "Filtre à huile", i % 9, "Toyota", "Hilux"])
    wb.save(path)
    # openpyxl saves no cached value: "=1/0" and "=B2*2" are formulas without a value, which the
    # guard reports as facts of the sheet.
    return path


def _fingerprint(inv: Inventory) -> str:
    frames = {
        name: getattr(inv, name).frame.to_json(orient="split", date_format="iso")
        for name in ("fleet", "maintenance", "spare_parts", "budget", "personnel", "pledges")
        if getattr(inv, name) is not None
    }
    return json.dumps([import_report_to_dict(inv.report, "en"), frames], sort_keys=True)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = _workbook(tmp_path_factory.mktemp("pipeline") / "regions.xlsx", 1_500)
    facts = inspect(path).sheets["Kayes"]
    assert facts.zero_padded and facts.formulas_without_value  # the facts are really there
    return path


def test_columns_sliced_from_the_readers_columns_equal_those_gathered_from_rows(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sliced = _fingerprint(import_inventory(workbook))
    monkeypatch.setattr(grid_module.ColumnBlocks, "of", classmethod(lambda cls, b, h: None))
    assert _fingerprint(import_inventory(workbook)) == sliced


def test_tables_read_while_the_next_sheet_is_parsed_equal_those_read_afterwards(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inventory_module, "EARLY_EXTRACT_ROWS", 10**9)
    afterwards = _fingerprint(import_inventory(workbook))
    monkeypatch.setattr(inventory_module, "EARLY_EXTRACT_ROWS", 0)
    ahead = import_inventory(workbook)
    assert _fingerprint(ahead) == afterwards
    assert set(ahead.fleet.frame["location"]) == {"Kayes", "Gao", "Mopti"}


def test_a_fleet_on_one_sheet_read_ahead_is_the_fleet_read_afterwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One part: the table read ahead is kept whole (with its names made canonical)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Parc"
    ws.append(HEADER)
    for row in _fleet_rows(300, 0):
        ws.append(row)
    wb.create_sheet("Notes").append(["Situation au 31/12/2025"])
    path = tmp_path / "one.xlsx"
    wb.save(path)
    monkeypatch.setattr(inventory_module, "EARLY_EXTRACT_ROWS", 10**9)
    afterwards = _fingerprint(import_inventory(path))
    monkeypatch.setattr(inventory_module, "EARLY_EXTRACT_ROWS", 0)
    assert _fingerprint(import_inventory(path)) == afterwards


@settings(max_examples=200, deadline=None)
@given(
    heights=st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=5),
    data=st.data(),
)
def test_column_blocks_give_the_values_of_the_rows_they_were_cut_from(
    heights: list[int], data: st.DataObject
) -> None:
    width = 3
    total = sum(heights)
    rows = [[f"{r}:{c}" for c in range(width)] for r in range(total)]
    blocks, first = [], 0
    for h in heights:
        blocks.append([tuple(rows[r][c] for r in range(first, first + h)) for c in range(width)])
        first += h
    columns = ColumnBlocks.of(blocks, total)
    assert columns is not None
    for r, c in data.draw(st.lists(st.tuples(st.integers(-1, total), st.integers(-1, width)))):
        inside = 0 <= r < total and 0 <= c < width
        assert columns.set(r, c, "changed") is inside
        if inside:
            rows[r][c] = "changed"
    start = data.draw(st.integers(0, total))
    end = data.draw(st.integers(start, total))
    for c in range(width):
        out = np.empty(end - start, dtype=object)
        columns.fill(c, start, end, out)
        assert list(out) == [rows[r][c] for r in range(start, end)]
    assert ColumnBlocks.of(blocks, total + 1) is None  # blocks that miss a row are not used
