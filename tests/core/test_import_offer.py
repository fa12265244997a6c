"""The offer importer: a key/value header above a line table, French or English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from donation_checker.errors import InputRejected
from donation_checker.importer import import_offer
from tests.core.workbooks import write_rows

HEADER = [
    ["Donateur", "République fédérale d'Allemagne"],
    ["Référence de l'offre", "007/2026"],
    ["Date de l'offre", "12 mars 2026"],
    ["Demandé par le bénéficiaire", "non"],
    ["Transport à la charge de", "Donateur"],
    [],
]
LINES = [
    [
        "Catégorie",
        "Marque",
        "Modèle",
        "Quantité",
        "Année",
        "État",
        "Kilométrage",
        "Carburant",
        "Conduite",
        "Lot de pièces (mois)",
        "Outillage inclus",
        "Langue des manuels",
        "Garantie (mois)",
    ],
    [
        "Ambulance",
        "Ford",
        "Transit",
        20,
        2011,
        "occasion",
        "250 000",
        "Essence",
        "droite",
        0,
        "non",
        "anglais",
        None,
    ],
    [
        "Pick-up",
        "toyota",
        "VDJ79",
        4,
        2025,
        "neuf",
        0,
        "Gazole",
        "gauche",
        "24",
        "oui",
        "français, anglais",
        24,
    ],
]


def test_header_and_lines_are_read_with_canonical_values(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "offre.xlsx", {"Offre": [*HEADER, *LINES]})
    offer = import_offer(path)
    h = offer.header
    assert h.donor == "République fédérale d'Allemagne"
    assert h.reference == "007/2026"
    assert h.date == dt.date(2026, 3, 12)
    assert h.requested is False
    assert h.transport_paid_by == "Donateur"
    ambulance, pickup = offer.lines
    assert (ambulance.make, ambulance.quantity, ambulance.condition) == ("Ford", 20, "used")
    assert (ambulance.fuel, ambulance.drive_side, ambulance.odometer_km) == (
        "petrol",
        "RHD",
        250000.0,
    )
    assert ambulance.spares_months == 0.0 and ambulance.tools_included is False
    assert ambulance.warranty_months is None  # not stated: unknown, never zero
    assert (pickup.make, pickup.model) == ("Toyota", "Land Cruiser 79")
    assert pickup.manuals_language == ("fr", "en")
    assert pickup.row == 9


def test_csv_offer_lines(tmp_path: Path) -> None:
    path = tmp_path / "offre.csv"
    path.write_text(
        "Catégorie;Marque;Modèle;Quantité;Valeur unitaire\n"
        "Camion;Renault Trucks;Kerax;150;45 000 000 FCFA\n",
        encoding="utf-8-sig",
    )
    offer = import_offer(path)
    assert offer.lines[0].quantity == 150
    assert offer.lines[0].unit_value == 45_000_000.0


def test_offer_without_line_table_is_rejected_with_a_reason(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "lettre.xlsx", {"Feuil1": HEADER})
    with pytest.raises(InputRejected) as err:
        import_offer(path)
    assert err.value.reason == "no_offer_lines"
    assert "lettre.xlsx" in err.value.describe("fr")
