"""A small, clean English inventory for the README walk-through (fictional recipient, USD).

Headers sit on row 1 of each sheet and use the canonical English wordings of rules/fields.toml.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gen_support import write_profile
from gen_xlsx import first_sheet, header_row, new_workbook, set_widths, write_rows
from openpyxl import Workbook

FLEET_HEADERS = (
    "Category", "Make", "Model", "Variant", "Quantity", "Quantity serviceable", "Year", "Unit",
    "Location", "Fuel", "Drive side", "Transmission", "Voltage", "NSN", "Serial number",
)  # fmt: skip

_LC79 = ("Pick-up", "Toyota", "Land Cruiser 79")
_HILUX = ("Pick-up", "Toyota", "Hilux")
_LC78 = ("Utility 4x4", "Toyota", "Land Cruiser 78")
_D = ("Diesel", "LHD", "Manual")

# fmt: off
FLEET: tuple[tuple[Any, ...], ...] = (
    (*_LC79, "single cab", 12, 10, 2018, "1st Infantry Battalion", "Northern Region", *_D, 12,
     "2320-01-567-1201", ""),
    (*_LC79, "double cab", 8, 7, 2020, "2nd Infantry Battalion", "Eastern Region", *_D, 12,
     "2320-01-567-1202", ""),
    (*_LC79, "single cab", 9, 8, 2016, "3rd Infantry Battalion", "Western Region", *_D, 12,
     "2320-01-567-1201", ""),
    (*_LC79, "double cab", 6, 5, 2022, "Military Police", "Capital", *_D, 12, "2320-01-567-1202",
     ""),
    (*_LC79, "single cab", 1, 1, 2023, "Signals Company", "Capital", *_D, 12, "015671201",
     "JTELB71J007012345"),
    (*_HILUX, "double cab", 10, 9, 2019, "1st Infantry Battalion", "Northern Region", *_D, 12, "",
     ""),
    (*_HILUX, "double cab", 7, 6, 2021, "Logistics Battalion", "Capital", *_D, 12, "", ""),
    (*_HILUX, "single cab", 5, 3, 2014, "Engineer Company", "Capital", *_D, 12, "", ""),
    ("Pick-up", "Nissan", "Navara D22", "double cab", 4, 2, 2012, "3rd Infantry Battalion",
     "Western Region", *_D, 12, "", ""),
    ("Pick-up", "Nissan", "Navara D22", "double cab", 3, 1, 2011, "Military Police", "Capital", *_D,
     12, "", ""),
    (*_LC78, "troop carrier", 6, 5, 2017, "2nd Infantry Battalion", "Eastern Region", *_D, 12,
     "2320-01-567-1305", ""),
    (*_LC78, "troop carrier", 5, 4, 2019, "1st Infantry Battalion", "Northern Region", *_D, 12,
     "2320-01-567-1305", ""),
    ("Utility 4x4", "Toyota", "Land Cruiser 76", "station wagon", 4, 4, 2021,
     "Defence Headquarters", "Capital", "Diesel", "LHD", "Automatic", 12, "", ""),
    ("Utility 4x4", "Nissan", "Patrol Y61", "4.2 D", 3, 2, 2013, "Defence Headquarters", "Capital",
     *_D, 12, "", ""),
    ("Truck", "Mercedes-Benz", "Unimog U4000", "cargo", 6, 4, 2010, "Logistics Battalion",
     "Capital", *_D, 24, "2320-12-345-0401", ""),
    ("Truck", "Mercedes-Benz", "Unimog U4000", "cargo", 4, 3, 2012, "Engineer Company", "Capital",
     *_D, 24, "2320-12-345-0401", ""),
    ("Truck", "Mercedes-Benz", "Zetros 1833", "cargo", 6, 6, 2020, "Logistics Battalion", "Capital",
     *_D, 24, "2320-12-377-0088", ""),
    ("Truck", "Mercedes-Benz", "Zetros 1833", "cargo", 4, 4, 2021, "1st Infantry Battalion",
     "Northern Region", *_D, 24, "2320-12-377-0088", ""),
    ("Truck", "Iveco", "Trakker", "6x6", 3, 2, 2015, "Logistics Battalion", "Capital", *_D, 24, "",
     ""),
    ("Truck", "Ural", "4320", "6x6", 5, 2, 1988, "Logistics Battalion", "Capital", *_D, 24, "", ""),
    ("Truck", "Ural", "4320", "6x6", 3, 1, 1985, "3rd Infantry Battalion", "Western Region", *_D,
     24, "", ""),
    ("Fuel tanker", "Mercedes-Benz", "Zetros 1833", "fuel tanker 10,000 L", 3, 3, 2020,
     "Logistics Battalion", "Capital", *_D, 24, "2320-12-377-0091", ""),
    ("Ambulance", "Toyota", "Land Cruiser 78", "ambulance", 4, 3, 2018, "Medical Corps", "Capital",
     *_D, 12, "2310-01-567-1410", ""),
    ("Ambulance", "Toyota", "Land Cruiser 78", "ambulance", 2, 2, 2020, "2nd Infantry Battalion",
     "Eastern Region", *_D, 12, "2310-01-567-1410", ""),
    ("Ambulance", "Toyota", "HiAce", "ambulance", 3, 2, 2016, "Medical Corps", "Capital", *_D, 12,
     "", ""),
    ("Armoured vehicle", "ACMAT", "Bastion", "APC", 4, 3, 2017, "Reconnaissance Squadron",
     "Northern Region", *_D, 24, "2320-14-561-0072", ""),
    ("Armoured vehicle", "ACMAT", "Bastion", "APC", 2, 2, 2018, "1st Infantry Battalion",
     "Northern Region", *_D, 24, "2320-14-561-0072", ""),
    ("Armoured vehicle", "GAZ", "BRDM-2", "", 3, 1, 1981, "Reconnaissance Squadron",
     "Northern Region", "Petrol", "LHD", "Manual", 24, "", ""),
    ("Generator", "SDMO", "J22", "22 kVA", 5, 4, 2015, "Engineer Company", "Capital", "Diesel", "",
     "", 12, "6115-14-412-2201", "0004410"),
    ("Generator", "SDMO", "J22", "22 kVA", 2, 1, 2012, "2nd Infantry Battalion", "Eastern Region",
     "Diesel", "", "", 12, "6115-14-412-2201", "0002208"),
    ("Generator", "Caterpillar", "DE22E3", "22 kVA", 3, 3, 2018, "Medical Corps", "Capital",
     "Diesel", "", "", 12, "6115-01-589-0022", "0007731"),
    ("Radio", "Codan", "Envoy X2", "HF vehicle", 8, 8, 2021, "Signals Company", "Capital", "", "",
     "", 12, "5820-66-151-0072", "0012044"),
    ("Radio", "Codan", "Envoy X2", "HF vehicle", 4, 4, 2022, "1st Infantry Battalion",
     "Northern Region", "", "", "", 12, "5820-66-151-0072", "0012101"),
    ("Radio", "Motorola", "DP4400", "VHF handheld", 12, 11, 2019, "Signals Company", "Capital", "",
     "", "", 12, "5820-01-624-3381", "0077120"),
    ("Radio", "Motorola", "DP4400", "VHF handheld", 10, 9, 2019, "Military Police", "Capital", "",
     "", "", 12, "5820-01-624-3381", "0077300"),
    ("Radio", "L3Harris", "RF-5800H", "HF manpack", 2, 1, 2014, "Reconnaissance Squadron",
     "Northern Region", "", "", "", 12, "5820-01-511-9012", "0003317"),
)

WORKSHOPS = (
    ("Central Workshop", "Capital", 9, "Toyota, Nissan, Mercedes-Benz", 14_400, 12_600,
     "Toyota (GTS diagnostic kit), Mercedes-Benz (Star Diagnosis)"),
    ("Northern Workshop", "Northern Region", 4, "Toyota, ACMAT", 6_400, 5_900,
     "Toyota (GTS diagnostic kit)"),
    ("Heavy Vehicle Section", "Capital", 3, "Mercedes-Benz, Iveco, Ural", 4_800, 4_300,
     "Mercedes-Benz (Star Diagnosis)"),
    ("Signals Workshop", "Capital", 2, "Codan, Motorola, L3Harris", 3_200, 2_600,
     "Codan (HF test set)"),
)

PARTS = (
    ("04152-YZZA1", "2940-01-548-9012", "Oil filter element", "Toyota Land Cruiser 79", 80,
     "Toyota dealer", "Capital", 7),
    ("17801-30040", "2940-01-527-3318", "Air filter", "Toyota Land Cruiser 79", 40, "Toyota dealer",
     "Capital", 7),
    ("23390-51070", "2910-01-553-0471", "Fuel filter", "Toyota Land Cruiser 79", 50,
     "Toyota dealer", "Capital", 7),
    ("04465-60320", "2530-01-515-2290", "Front brake pads", "Toyota Land Cruiser 79", 30,
     "Toyota dealer", "Capital", 10),
    ("90915-YZZD4", "", "Oil filter", "Toyota Hilux", 40, "Toyota dealer", "Capital", 7),
    ("0001803009", "2940-12-377-1015", "Oil filter", "Mercedes-Benz Zetros 1833", 24,
     "Mercedes-Benz Trucks importer", "Regional hub", 30),
    ("0004771302", "2910-12-377-1120", "Fuel filter", "Mercedes-Benz Zetros 1833", 20,
     "Mercedes-Benz Trucks importer", "Regional hub", 30),
    ("0001802609", "2940-12-345-6701", "Oil filter", "Mercedes-Benz Unimog U4000", 18,
     "Mercedes-Benz Trucks importer", "Regional hub", 30),
    ("236-1012075", "", "Oil filter element", "Ural 4320", 6, "Private supplier", "Overseas", 150),
    ("PMNN4409", "6140-01-577-4466", "Li-ion battery", "Motorola DP4400", 25,
     "Motorola distributor", "Regional hub", 30),
    ("0612-2432", "6140-01-057-2553", "Battery 12 V 100 Ah", "All vehicles", 30, "Local supplier",
     "Capital", 5),
    ("0480-0012", "2610-01-054-8811", "Tyre 7.50 R16", "Toyota Land Cruiser 79", 60,
     "Local supplier", "Capital", 5),
)

BUDGET = (
    ("Fuel", 2026, 2_400_000, 2_050_000, "USD"),
    ("Maintenance", 2026, 600_000, 520_000, "USD"),
    ("Spare parts", 2026, 450_000, 380_000, "USD"),
    ("Fuel", 2027, 2_450_000, 2_100_000, "USD"),
    ("Maintenance", 2027, 620_000, 540_000, "USD"),
    ("Spare parts", 2027, 460_000, 400_000, "USD"),
)

PERSONNEL = (
    ("B", "Light vehicle", "1st Infantry Battalion", 14),
    ("B", "Light vehicle", "Logistics Battalion", 10),
    ("B", "Ambulance", "Medical Corps", 4),
    ("C", "Truck", "Logistics Battalion", 9),
    ("C", "Armoured vehicle", "Reconnaissance Squadron", 3),
)

PLEDGES = (
    ("Partner X", "Truck", "Mercedes-Benz", "Zetros 1833", 10, "Delivered", dt.date(2024, 6, 3)),
    ("Partner Y", "Ambulance", "Toyota", "Land Cruiser 78", 4, "Pledged", dt.date(2025, 10, 1)),
    ("Partner Z", "Radio", "Codan", "Envoy X2", 12, "Delivered", dt.date(2025, 2, 11)),
)

PROFILE = (
    ("Recipient", "Demo Defence Force (fictional)"),
    ("Country", "Demoland (fictional)"),
    ("Traffic side", "right"),
    ("Fuels available", "Diesel, Petrol, Jet A1"),
    ("Working language", "English"),
    ("Currency", "USD"),
    ("Fuel price per litre", 1.1),
    ("Max temperature", 45),
    ("Mains voltage", 230),
    ("Asset register", "yes"),
    ("Parts register", "yes"),
)

SupportSheet = tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...], tuple[int, ...], tuple[int, ...]]
# (sheet, headers, rows, code columns, date columns)
SUPPORT_SHEETS: tuple[SupportSheet, ...] = (
    ("Maintenance",
     ("Workshop", "Location", "Mechanics", "Qualified on", "Hours available", "Hours committed",
      "Tool kits"),
     WORKSHOPS, (), ()),
    ("Spare parts",
     ("Part number", "NSN", "Description", "Applies to", "Quantity on hand", "Supplier",
      "Supplier location", "Lead time days"),
     PARTS, (1, 2), ()),
    ("Budget", ("Budget line", "Year", "Amount", "Committed", "Currency"), BUDGET, (), ()),
    ("Personnel", ("Licence class", "Vehicle category", "Unit", "Count"), PERSONNEL, (), ()),
    ("Pledges", ("Partner", "Category", "Make", "Model", "Quantity", "Status", "Date"), PLEDGES,
     (), (7,)),
)
# fmt: on


def build_demo_inventory() -> Workbook:
    wb = new_workbook("Demo Defence Force")
    ws = first_sheet(wb, "Fleet")
    header_row(ws, 1, FLEET_HEADERS)
    write_rows(ws, 2, FLEET, code_columns=(14, 15))
    set_widths(ws, (16, 15, 16, 20, 9, 11, 7, 24, 16, 8, 8, 12, 8, 18, 20))
    for name, headers, rows, codes, dates in SUPPORT_SHEETS:
        sheet = wb.create_sheet(name)
        header_row(sheet, 1, headers)
        write_rows(sheet, 2, rows, code_columns=codes, date_columns=dates)
        set_widths(sheet, [max(12, len(h) + 4) for h in headers])
    write_profile(wb.create_sheet("Profile"), PROFILE, None)
    return wb
