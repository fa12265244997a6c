"""Workbooks in the wording of three administrative traditions, written cell by cell with
openpyxl as their clerks' tools would: title blocks, merged two-row headers, tables that do not
start in A1, one sheet per region. The wording is ours, modelled on public descriptions of
Commonwealth fleet returns, US property books and French ministry tables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet


def _put(ws: Worksheet, top: int, left: int, rows: Sequence[Sequence[object]]) -> None:
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.cell(row=top + r, column=left + c, value=value)


def _title(ws: Worksheet, *lines: str) -> None:
    for i, line in enumerate(lines, start=1):
        ws.cell(row=i, column=1, value=line).font = Font(bold=True)


def commonwealth_police_return(path: Path) -> Path:
    """A police service's consolidated fleet return: left-hand traffic, a two-row merged header
    ("Quantity" over "Held" / "Serviceable"), budget by vote and fiscal year."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Fleet Return"
    _title(ws, "NATIONAL POLICE SERVICE", "CONSOLIDATED FLEET RETURN AS AT 30 JUNE 2025", "")
    _put(
        ws,
        4,
        1,
        [
            [
                "Vehicle Class",
                "Make",
                "Model",
                "Quantity",
                None,
                "YOM",
                "Station",
                "Fuel",
                "RHD/LHD",
            ],
            [None, None, None, "Held", "Serviceable", None, None, None, None],
            ["Saloon", "Toyota", "Corolla", 40, 31, 2016, "Central", "Petrol", "RHD"],
            ["Pick-up", "Toyota", "Hilux", 85, 70, 2018, "Northern", "Diesel", "RHD"],
            ["Motorcycle", "Yamaha", "AG200", 60, 41, 2019, "Coast", "Petrol", None],
            ["Lorry", "Isuzu", "FVR", 12, 9, 2014, "Central", "Diesel", "RHD"],
            ["Total", None, None, 197, 151, None, None, None, None],
        ],
    )
    for rng in ("D4:E4", "A4:A5", "B4:B5", "C4:C5", "F4:F5", "G4:G5", "H4:H5", "I4:I5"):
        ws.merge_cells(rng)
    ws = wb.create_sheet("Transport Workshops")
    _title(ws, "Police Transport Workshops")
    _put(
        ws,
        3,
        1,
        [
            ["Workshop", "Location", "Fitters", "Makes supported", "Man-hours available"],
            ["Central Workshop", "Capital", 14, "Toyota, Isuzu", 22000],
            ["Northern Workshop", "North", 5, "Toyota", 8000],
        ],
    )
    ws = wb.create_sheet("Spares")
    _put(
        ws,
        1,
        1,
        [
            ["Part No.", "Description", "Used on", "Stock on hand", "Supplier"],
            ["04152-YZZA1", "Oil filter", "Toyota Hilux", 120, "Local dealer"],
            ["1-13240-256-0", "Fuel filter", "Isuzu FVR", 18, "Importer"],
        ],
    )
    ws = wb.create_sheet("Budget")
    _title(ws, "Recurrent budget — transport votes")
    _put(
        ws,
        3,
        1,
        [
            ["Vote", "Head / Item", "Fiscal Year", "Approved Estimates", "Actual Expenditure"],
            ["V12", "Fuel and lubricants", 2025, 1_500_000, 900_000],
            ["V12", "Maintenance of vehicles", 2025, 800_000, 650_000],
        ],
    )
    ws = wb.create_sheet("Drivers")
    _put(
        ws,
        1,
        1,
        [
            ["Licence Class", "Vehicle Type", "Licensed Drivers", "Drivers Assigned"],
            ["B", "Saloon / Pick-up", 310, 250],
            ["C", "Lorry", 22, 20],
        ],
    )
    ws = wb.create_sheet("Partners")
    _put(
        ws,
        1,
        1,
        [
            ["Development Partner", "Class", "Make", "Model", "Qty", "Status"],
            ["Partner A", "Pick-up", "Toyota", "Hilux", 20, "Pledged"],
        ],
    )
    ws = wb.create_sheet("Country")
    _put(
        ws,
        1,
        1,
        [
            ["Recipient", "National Police Service"],
            ["Country", "Republic of Example"],
            ["Drives on", "left"],
            ["Fuels in country", "diesel, petrol"],
            ["Currency", "EXD"],
        ],
    )
    wb.save(path)
    return path


def us_property_book(path: Path) -> Path:
    """A unit property book extract: LIN, NSN, nomenclature, authorized, on hand, FMC; the table
    starts in column B under a report banner."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PBO Extract"
    _title(ws, "PROPERTY BOOK — UNIT EQUIPMENT LISTING", "UIC: W1ABC0   AS OF: 2025-09-30")
    _put(
        ws,
        4,
        2,
        [
            ["LIN", "NSN", "Nomenclature", "Mfr", "Model", "Auth", "O/H", "FMC", "ERC", "UIC"],
            [
                "T61494",
                "2320011077155",
                "Truck, cargo",
                "AM General",
                "M35A3",
                12,
                10,
                7,
                "A",
                "W1ABC0",
            ],
            [
                "T07679",
                "2320011077156",
                "Truck, utility",
                "AM General",
                "M1097",
                30,
                28,
                25,
                "P",
                "W1ABC0",
            ],
            [
                "T39518",
                "2320013549349",
                "Truck, tractor",
                "Oshkosh",
                "M1070",
                4,
                4,
                3,
                "A",
                "W1ABD0",
            ],
        ],
    )
    ws = wb.create_sheet("Maint Capacity")
    _put(
        ws,
        1,
        1,
        [
            ["Maintenance Facility", "Location", "Mechanics held", "Man-hours committed"],
            ["Motor pool A", "Camp North", 9, 6000],
        ],
    )
    ws = wb.create_sheet("Class IX")
    _put(
        ws,
        1,
        1,
        [
            ["NSN", "Nomenclature", "UOC", "O/H", "Source of Supply"],
            ["2940011900000", "Filter element, fluid", "M1097", 40, "DLA"],
        ],
    )
    ws = wb.create_sheet("Funding")
    _put(
        ws,
        1,
        1,
        [
            ["FY", "Program", "Appropriation", "Obligated", "Currency"],
            [2025, "OMA vehicle sustainment", 250000, 120000, "USD"],
        ],
    )
    ws = wb.create_sheet("Operators")
    _put(
        ws,
        1,
        1,
        [["Licence Category", "Qualified Drivers", "Unit"], ["Wheeled", 48, "W1ABC0"]],
    )
    wb.save(path)
    return path


def french_ministry_fleet(path: Path) -> Path:
    """A French-style ministry table: the fleet kept one sheet per military region (no location
    column), "dotation" / "parc en compte" / "disponibles" under a merged "Effectifs" header, a
    LOLF-style budget and a key/value profile."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    regions = {
        "Région Nord": [
            ["Camion", "Renault", "GBC 180", 20, 18, 11],
            ["VLTT", "Peugeot", "P4", 40, 35, 20],
        ],
        "Région Sud": [
            ["Camion", "Renault", "GBC 180", 10, 9, 8],
            ["Ambulance", "Toyota", "HZJ78", 6, 6, 5],
            ["VLTT", "Toyota", "HZJ79", 25, 22, 19],
        ],
    }
    for name, rows in regions.items():
        ws = wb.create_sheet(name)
        _title(ws, "MINISTÈRE DES ARMÉES", f"Situation du parc — {name}")
        _put(
            ws,
            4,
            1,
            [
                ["Genre", "Marque", "Modèle", "Effectifs", None, None],
                [None, None, None, "Dotation", "Parc en compte", "Disponibles"],
                *rows,
            ],
        )
        for rng in ("D4:F4", "A4:A5", "B4:B5", "C4:C5"):
            ws.merge_cells(rng)
    ws = wb.create_sheet("Crédits")
    _put(
        ws,
        1,
        1,
        [
            ["Programme", "Action", "Exercice", "Crédits ouverts", "Crédits engagés"],
            ["178", "Entretien des matériels", 2025, 900_000_000, 410_000_000],
            ["178", "Carburants", 2025, 1_200_000_000, 800_000_000],
        ],
    )
    ws = wb.create_sheet("Ateliers")
    _put(
        ws,
        1,
        1,
        [
            ["Atelier", "Garnison", "Mécaniciens", "Marques maîtrisées"],
            ["Base de soutien Nord", "Nord", 12, "Renault, Peugeot"],
        ],
    )
    ws = wb.create_sheet("Conducteurs")
    _put(
        ws,
        1,
        1,
        [["Catégorie de permis", "Conducteurs qualifiés"], ["C", 60], ["B", 140]],
    )
    ws = wb.create_sheet("Profil")
    _put(
        ws,
        1,
        1,
        [
            ["Bénéficiaire", "Forces armées"],
            ["Sens de circulation", "droite"],
            ["Carburants disponibles", "gazole, essence"],
            ["Devise", "XOF"],
        ],
    )
    wb.save(path)
    return path


def english_offer(path: Path) -> Path:
    """An offer in English words: a key/value block above the lines, a one-word category
    header and a training column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Offer"
    _put(
        ws,
        1,
        1,
        [
            ["Provided by", "Partner B"],
            ["Offer Ref", "PB-2025-014"],
            ["Your Ref", "REQ/LOG/88"],
            ["Freight paid by", "donor"],
            [],
            [
                "Class",
                "Make",
                "Model",
                "Qty Offered",
                "YOM",
                "Steering",
                "Fuel",
                "Technicians trained",
                "Operators trained",
                "Warranty (months)",
            ],
            ["Pick-up", "Toyota", "Hilux", 20, 2022, "RHD", "Diesel", 4, 20, 12],
            ["Lorry", "Isuzu", "FVR", 6, 2021, "RHD", "Diesel", 2, 6, 12],
        ],
    )
    wb.save(path)
    return path
