"""Inventories and offers built directly from the model classes, shared by the engine tests.

A small Sahel-style fleet (French category names) with every optional table, a well-matched
requested offer with a full support package, and unsolicited second-hand RHD petrol ambulances.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pandas as pd

from donation_checker.model import (
    ImportReport,
    Inventory,
    Offer,
    OfferHeader,
    OfferLine,
    Profile,
    Table,
)

FLEET_ROWS: list[dict[str, Any]] = [
    # category, make, model, qty, serviceable, authorised, fuel, drive, gearbox, volts, complexity, location
    dict(
        category="Pick-up",
        make="Toyota",
        model="Land Cruiser 79",
        quantity=120,
        quantity_serviceable=100,
        quantity_authorised=200,
        fuel="Gazole",
        drive_side="G",
        transmission="Manuelle",
        voltage=12,
        complexity="mécanique",
        location="Kati",
    ),
    dict(
        category="Pick-up",
        make="Toyota",
        model="Hilux",
        quantity=40,
        quantity_serviceable=35,
        quantity_authorised=None,
        fuel="Gazole",
        drive_side="G",
        transmission="Manuelle",
        voltage=12,
        complexity="mécanique",
        location="Gao",
    ),
    dict(
        category="Camion",
        make="Mercedes-Benz",
        model="Zetros",
        quantity=30,
        quantity_serviceable=24,
        quantity_authorised=60,
        fuel="Gazole",
        drive_side="G",
        transmission="Manuelle",
        voltage=24,
        complexity="électronique",
        location="Kati",
    ),
    dict(
        category="Camions citernes",
        make="Ural",
        model="4320",
        quantity=25,
        quantity_serviceable=12,
        quantity_authorised=None,
        fuel="Gazole",
        drive_side="G",
        transmission="Manuelle",
        voltage=24,
        complexity="mécanique",
        location="Gao",
    ),
    dict(
        category="Ambulance",
        make="Toyota",
        model="Land Cruiser 78",
        quantity=12,
        quantity_serviceable=10,
        quantity_authorised=30,
        fuel="Gazole",
        drive_side="G",
        transmission="Manuelle",
        voltage=12,
        complexity="mécanique",
        location="Bamako",
    ),
    dict(
        category="Véhicule blindé",
        make="Streit Group",
        model="Typhoon",
        quantity=30,
        quantity_serviceable=22,
        quantity_authorised=40,
        fuel="Gazole",
        drive_side="G",
        transmission="Automatique",
        voltage=24,
        complexity="électronique",
        location="Sévaré",
    ),
    dict(
        category="Groupe électrogène",
        make="SDMO",
        model="J22",
        quantity=40,
        quantity_serviceable=30,
        quantity_authorised=None,
        fuel="Gazole",
        drive_side=None,
        transmission=None,
        voltage=None,
        complexity="mécanique",
        location="Kati",
    ),
]


def fleet_frame(rows: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(rows or FLEET_ROWS)
    frame["_row"] = range(5, 5 + len(frame))
    frame["_sheet"] = "Parc"
    return frame


def table(name: str, rows: list[dict[str, Any]], first_row: int = 2, sheet: str = "") -> Table:
    frame = pd.DataFrame(rows)
    frame["_row"] = range(first_row, first_row + len(frame))
    frame["_sheet"] = sheet or name
    return Table(name, frame)


PROFILE = Profile(
    recipient="FAMa",
    country="Mali",
    traffic_side="droite",
    national_fuels=("diesel", "petrol"),
    working_language="fr",
    currency="XOF",
    fuel_price=775.0,
    max_temperature=47.0,
    asset_register=True,
    parts_register=True,
)


def report(kind: str = "inventory", name: str = "parc.xlsx") -> ImportReport:
    return ImportReport(file=name, sha256="0" * 64, kind=kind, tables=())


def inventory(
    profile: Profile = PROFILE, fleet_rows: list[dict[str, Any]] | None = None, full: bool = True
) -> Inventory:
    if not full:
        return Inventory(
            fleet=Table("fleet", fleet_frame(fleet_rows)), profile=profile, report=report()
        )
    return Inventory(
        fleet=Table("fleet", fleet_frame(fleet_rows)),
        profile=profile,
        report=report(),
        maintenance=table(
            "maintenance",
            [
                dict(
                    workshop="Atelier central",
                    location="Kati",
                    mechanics=14,
                    qualified_makes=("Toyota", "Mercedes"),
                    hours_available=24000,
                    hours_committed=15000,
                    tool_kits=("Toyota", "Mercedes-Benz"),
                ),
                dict(
                    workshop="Atelier Gao",
                    location="Gao",
                    mechanics=6,
                    qualified_makes="Toyota, Ural",
                    hours_available=9000,
                    hours_committed=7000,
                    tool_kits=("Ural",),
                ),
            ],
        ),
        personnel=table(
            "personnel",
            [
                dict(category="Pick-up", licence_class="B", count=190),
                dict(category="Camion", licence_class="C", count=70),
                dict(category="Ambulance", licence_class="B", count=14),
            ],
        ),
        budget=table(
            "budget",
            [
                dict(
                    line="Carburant et lubrifiants",
                    year=2025,
                    amount=900_000_000,
                    committed=600_000_000,
                ),
                dict(
                    line="Entretien des véhicules",
                    year=2025,
                    amount=250_000_000,
                    committed=150_000_000,
                ),
                dict(
                    line="Pièces de rechange", year=2025, amount=200_000_000, committed=100_000_000
                ),
            ],
        ),
        pledges=table(
            "pledges",
            [
                dict(
                    partner="Chine",
                    category="Ambulance",
                    make="Dongfeng",
                    model="EQ5040",
                    quantity=10,
                    status="annoncé",
                    date=pd.Timestamp("2024-11-10"),
                ),
                dict(
                    partner="Turquie",
                    category="Véhicule blindé",
                    make="Otokar",
                    model="Cobra",
                    quantity=12,
                    status="livré",
                    date=pd.Timestamp("2023-01-15"),
                ),
            ],
        ),
        spare_parts=table(
            "spare_parts",
            [
                dict(
                    part_number="04152-YZZA1",
                    nsn="2940-01-123-4567",
                    description="Filtre à huile",
                    applies_to="Toyota Land Cruiser",
                    quantity_on_hand=400,
                    supplier="CFAO",
                    supplier_location="Bamako, Mali",
                    lead_time_days=10,
                ),
                dict(
                    part_number="A0001802609",
                    nsn=None,
                    description="Filtre à huile Zetros",
                    applies_to="Mercedes Zetros",
                    quantity_on_hand=50,
                    supplier="Daimler",
                    supplier_location="Allemagne",
                    lead_time_days=45,
                ),
            ],
        ),
    )


GOOD_HEADER = OfferHeader(
    donor="Allemagne",
    reference="DE-2025-01",
    date=dt.date(2025, 3, 1),
    requested=True,
    request_reference="MDAC/2024/118",
    transport_paid_by="donateur",
    customs_paid_by="donateur",
    currency="EUR",
)

GOOD_LINE = OfferLine(
    category="Pick-up",
    make="Toyota",
    model="Land Cruiser 79",
    quantity=20,
    year=2025,
    condition="new",
    odometer_km=0,
    fuel="diesel",
    drive_side="LHD",
    transmission="manual",
    voltage=12,
    complexity="mechanical",
    spares_months=24,
    spares_value=90000,
    spare_parts_list=("04152-YZZA1", "2940-01-123-4567"),
    tools_included=True,
    mechanics_trained=2,
    drivers_trained=20,
    manuals=("utilisateur", "atelier", "catalogue de pièces"),
    manuals_language=("fr",),
    warranty_months=24,
    unit_value=45000,
    dealer_in_country="oui",
    inspection="clean",
    support_end_year=2035,
    max_temperature=55,
    location="Kati",
    row=8,
)

BAD_HEADER = OfferHeader(
    donor="Donateur X", reference="X-1", date=dt.date(2025, 3, 1), requested=False, currency="EUR"
)

BAD_LINE = OfferLine(
    category="Ambulance",
    make="Ford",
    model="Transit",
    quantity=20,
    year=2012,
    condition="used",
    odometer_km=180000,
    fuel="petrol",
    drive_side="RHD",
    transmission="automatic",
    voltage=12,
    complexity="electronic",
    spares_months=0,
    tools_included=False,
    mechanics_trained=0,
    drivers_trained=0,
    manuals=("operator",),
    manuals_language=("en",),
    warranty_months=0,
    unit_value=8000,
    dealer_in_country="non",
    inspection="none",
    support_end_year=2026,
    max_temperature=40,
    row=8,
)


def good_offer(**changes: Any) -> Offer:
    return Offer(GOOD_HEADER, (replace(GOOD_LINE, **changes),), report("offer", "offre_bonne.xlsx"))


def bad_offer(**changes: Any) -> Offer:
    return Offer(
        BAD_HEADER, (replace(BAD_LINE, **changes),), report("offer", "offre_ambulances.xlsx")
    )


def test_samples_carry_row_and_sheet_columns() -> None:
    inv = inventory()
    assert list(inv.fleet.frame["_row"])[:2] == [5, 6]
    assert inv.budget is not None and set(inv.budget.frame["_sheet"]) == {"budget"}
