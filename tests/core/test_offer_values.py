"""Offer values an officer would question are problems at their cell, never silent: bounds kept
as data in the field vocabulary, a blank make that keeps its row, a contradictory header."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from donation_checker.importer import import_offer

HEADERS = ["Catégorie", "Marque", "Modèle", "Quantité", "Année", "Lot de pièces (mois)"]


def _offer(path: Path, rows: list[list[object]], header: list[list[object]] = ()) -> Path:  # type: ignore[assignment]
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in header:
        ws.append(row)
    if header:
        ws.append([])
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _issues(offer):  # type: ignore[no-untyped-def]
    rejected = [r for t in offer.report.tables for r in t.rejected]
    warned = [w for t in offer.report.tables for w in t.warnings]
    return rejected, warned


def test_quantities_and_years_beyond_bounds_are_problems_at_their_cell(tmp_path: Path) -> None:
    offer = import_offer(
        _offer(
            tmp_path / "o.xlsx",
            [
                ["Camion", "Ural", "4320", 0, 2020, 24],
                ["Camion", "Ural", "4320", 5, 2099, -12],
                ["Camion", "Ural", "4320", 10**30, 2020, 24],
                ["Camion", "Ural", "4320", 7, 2020, 24],
            ],
        )
    )
    rejected, warned = _issues(offer)
    assert [(r.place.row, r.place.column, r.reason) for r in rejected] == [
        (2, "D", "below_minimum"),
        (4, "D", "above_maximum"),
    ]
    assert {(w.place.row, w.place.column, w.reason) for w in warned} >= {
        (3, "E", "above_maximum"),
        (3, "F", "below_minimum"),
    }
    # The questioned values are set aside as not stated; the row is kept.
    kept = {line.quantity: line for line in offer.lines}
    assert set(kept) == {5, 7}
    assert kept[5].year is None and kept[5].spares_months is None
    assert kept[7].year == 2020


def test_a_blank_make_keeps_the_row_and_is_inferred_when_the_model_tells(tmp_path: Path) -> None:
    offer = import_offer(
        _offer(
            tmp_path / "o.xlsx",
            [
                ["Pick-up", "", "Land Cruiser 79", 4, 2024, 24],
                ["Véhicule blindé", "", "Casspir", 10, 2010, 24],
                ["Camion", "Ural", "4320", 3, 2020, 24],
                ["Camion", "", "4320", 2, 2020, 24],
            ],
        )
    )
    assert [(line.make, line.model) for line in offer.lines] == [
        ("Toyota", "Land Cruiser 79"),  # the alias table knows the model
        ("", "Casspir"),  # nothing tells: kept, make not stated
        ("Ural", "4320"),
        ("Ural", "4320"),  # the same table gives the model one make
    ]
    _, warned = _issues(offer)
    assert [w.place.row for w in warned if w.reason == "blank_kept"] == [2, 3, 5]


def test_not_requested_with_a_request_reference_is_questioned(tmp_path: Path) -> None:
    offer = import_offer(
        _offer(
            tmp_path / "o.xlsx",
            [["Camion", "Ural", "4320", 3, 2020, 24]],
            header=[
                ["Donateur", "Partenaire X"],
                ["Demandé par le bénéficiaire", "non"],
                ["Référence de la demande", "0147/MDAC-DMHTA"],
            ],
        )
    )
    _, warned = _issues(offer)
    (issue,) = [w for w in warned if w.reason == "contradictory_request"]
    assert issue.place.row == 2 and "0147/MDAC-DMHTA" in issue.message
    assert offer.header.requested is None  # judged as not known, at its worst case
