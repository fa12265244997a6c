"""Display names of fields, tables, verdicts and statuses, marked for translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .i18n import translated


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a string for the catalogue (lupdate reads the call by its name) and returns it
    as it is; Qt's own returns `object` to the type checker."""
    return text


_FIELD = "Field"
_FIELDS: dict[str, str] = {
    "category": QT_TRANSLATE_NOOP("Field", "Category"),
    "make": QT_TRANSLATE_NOOP("Field", "Make"),
    "model": QT_TRANSLATE_NOOP("Field", "Model"),
    "variant": QT_TRANSLATE_NOOP("Field", "Variant"),
    "quantity": QT_TRANSLATE_NOOP("Field", "Quantity"),
    "quantity_serviceable": QT_TRANSLATE_NOOP("Field", "Serviceable"),
    "quantity_authorised": QT_TRANSLATE_NOOP("Field", "Authorised"),
    "year": QT_TRANSLATE_NOOP("Field", "Year"),
    "unit": QT_TRANSLATE_NOOP("Field", "Unit"),
    "location": QT_TRANSLATE_NOOP("Field", "Location"),
    "fuel": QT_TRANSLATE_NOOP("Field", "Fuel"),
    "drive_side": QT_TRANSLATE_NOOP("Field", "Drive side"),
    "transmission": QT_TRANSLATE_NOOP("Field", "Transmission"),
    "voltage": QT_TRANSLATE_NOOP("Field", "Voltage (V)"),
    "complexity": QT_TRANSLATE_NOOP("Field", "Technology"),
    "nsn": QT_TRANSLATE_NOOP("Field", "NSN"),
    "serial": QT_TRANSLATE_NOOP("Field", "Serial number"),
    "notes": QT_TRANSLATE_NOOP("Field", "Notes"),
    "workshop": QT_TRANSLATE_NOOP("Field", "Workshop"),
    "mechanics": QT_TRANSLATE_NOOP("Field", "Mechanics"),
    "qualified_makes": QT_TRANSLATE_NOOP("Field", "Qualified makes"),
    "hours_available": QT_TRANSLATE_NOOP("Field", "Hours available"),
    "hours_committed": QT_TRANSLATE_NOOP("Field", "Hours committed"),
    "tool_kits": QT_TRANSLATE_NOOP("Field", "Tool kits"),
    "part_number": QT_TRANSLATE_NOOP("Field", "Part number"),
    "description": QT_TRANSLATE_NOOP("Field", "Description"),
    "applies_to": QT_TRANSLATE_NOOP("Field", "Applies to"),
    "quantity_on_hand": QT_TRANSLATE_NOOP("Field", "On hand"),
    "supplier": QT_TRANSLATE_NOOP("Field", "Supplier"),
    "supplier_location": QT_TRANSLATE_NOOP("Field", "Supplier location"),
    "lead_time_days": QT_TRANSLATE_NOOP("Field", "Lead time (days)"),
    "line": QT_TRANSLATE_NOOP("Field", "Budget line"),
    "amount": QT_TRANSLATE_NOOP("Field", "Amount"),
    "committed": QT_TRANSLATE_NOOP("Field", "Committed"),
    "currency": QT_TRANSLATE_NOOP("Field", "Currency"),
    "licence_class": QT_TRANSLATE_NOOP("Field", "Licence class"),
    "count": QT_TRANSLATE_NOOP("Field", "Count"),
    "assigned": QT_TRANSLATE_NOOP("Field", "Assigned"),
    "partner": QT_TRANSLATE_NOOP("Field", "Partner"),
    "status": QT_TRANSLATE_NOOP("Field", "Status"),
    "date": QT_TRANSLATE_NOOP("Field", "Date"),
    "recipient": QT_TRANSLATE_NOOP("Field", "Recipient"),
    "country": QT_TRANSLATE_NOOP("Field", "Country"),
    "traffic_side": QT_TRANSLATE_NOOP("Field", "Traffic side"),
    "national_fuels": QT_TRANSLATE_NOOP("Field", "National fuels"),
    "working_language": QT_TRANSLATE_NOOP("Field", "Working language"),
    "fuel_price": QT_TRANSLATE_NOOP("Field", "Fuel price"),
    "max_temperature": QT_TRANSLATE_NOOP("Field", "Max. temperature (°C)"),
    "grid_voltage": QT_TRANSLATE_NOOP("Field", "Grid voltage"),
    "asset_register": QT_TRANSLATE_NOOP("Field", "Asset register"),
    "parts_register": QT_TRANSLATE_NOOP("Field", "Parts register"),
    "region": QT_TRANSLATE_NOOP("Field", "Region"),
    "donor": QT_TRANSLATE_NOOP("Field", "Donor"),
    "reference": QT_TRANSLATE_NOOP("Field", "Reference"),
    "requested": QT_TRANSLATE_NOOP("Field", "Requested by the recipient"),
    "request_reference": QT_TRANSLATE_NOOP("Field", "Request reference"),
    "transport_paid_by": QT_TRANSLATE_NOOP("Field", "Transport paid by"),
    "customs_paid_by": QT_TRANSLATE_NOOP("Field", "Customs paid by"),
    "end_use_monitoring": QT_TRANSLATE_NOOP("Field", "End-use monitoring"),
    "condition": QT_TRANSLATE_NOOP("Field", "Condition"),
    "odometer_km": QT_TRANSLATE_NOOP("Field", "Odometer (km)"),
    "hours": QT_TRANSLATE_NOOP("Field", "Engine hours"),
    "spares_months": QT_TRANSLATE_NOOP("Field", "Spares (months)"),
    "spares_value": QT_TRANSLATE_NOOP("Field", "Spares value"),
    "spare_parts_list": QT_TRANSLATE_NOOP("Field", "Spare parts list"),
    "tools_included": QT_TRANSLATE_NOOP("Field", "Tools included"),
    "mechanics_trained": QT_TRANSLATE_NOOP("Field", "Mechanics trained"),
    "drivers_trained": QT_TRANSLATE_NOOP("Field", "Drivers trained"),
    "manuals": QT_TRANSLATE_NOOP("Field", "Manuals"),
    "manuals_language": QT_TRANSLATE_NOOP("Field", "Manuals language"),
    "warranty_months": QT_TRANSLATE_NOOP("Field", "Warranty (months)"),
    "unit_value": QT_TRANSLATE_NOOP("Field", "Unit value"),
    "annual_running_cost": QT_TRANSLATE_NOOP("Field", "Annual running cost"),
    "dealer_in_country": QT_TRANSLATE_NOOP("Field", "Dealer in country"),
    "inspection": QT_TRANSLATE_NOOP("Field", "Inspection"),
    "support_end_year": QT_TRANSLATE_NOOP("Field", "Support ends"),
    "_row": QT_TRANSLATE_NOOP("Field", "Row"),
    "_sheet": QT_TRANSLATE_NOOP("Field", "Sheet"),
    "make_key": QT_TRANSLATE_NOOP("Field", "Make key"),
    "model_key": QT_TRANSLATE_NOOP("Field", "Model key"),
}

_TABLES: dict[str, str] = {
    "fleet": QT_TRANSLATE_NOOP("Table", "Fleet"),
    "maintenance": QT_TRANSLATE_NOOP("Table", "Maintenance"),
    "spare_parts": QT_TRANSLATE_NOOP("Table", "Spare parts"),
    "budget": QT_TRANSLATE_NOOP("Table", "Budget"),
    "personnel": QT_TRANSLATE_NOOP("Table", "Personnel"),
    "pledges": QT_TRANSLATE_NOOP("Table", "Partners' pledges"),
    "profile": QT_TRANSLATE_NOOP("Table", "Profile"),
    "offer_lines": QT_TRANSLATE_NOOP("Table", "Offer lines"),
    "offer_header": QT_TRANSLATE_NOOP("Table", "Offer header"),
}

_VERDICTS: dict[str, str] = {
    "accept": QT_TRANSLATE_NOOP("Verdict", "Accept"),
    "conditional": QT_TRANSLATE_NOOP("Verdict", "Accept with conditions"),
    "redirect": QT_TRANSLATE_NOOP("Verdict", "Redirect"),
    "decline": QT_TRANSLATE_NOOP("Verdict", "Decline"),
}

_STATUSES: dict[str, str] = {
    "pass": QT_TRANSLATE_NOOP("Status", "Pass"),
    "warn": QT_TRANSLATE_NOOP("Status", "Warning"),
    "fail": QT_TRANSLATE_NOOP("Status", "Fail"),
    "unknown": QT_TRANSLATE_NOOP("Status", "Unknown"),
}


# Canonical codes the importer and the engine store (diesel, LHD, new…), shown in the interface
# language. Each French word reads back to the same code (donation_checker/normalise.py), so a
# French user can edit the shown text and the assessment does not change.
_VALUES: dict[str, dict[str, str]] = {
    "condition": {
        "new": QT_TRANSLATE_NOOP("Value", "new"),
        "used": QT_TRANSLATE_NOOP("Value", "used"),
    },
    "fuel": {
        "diesel": QT_TRANSLATE_NOOP("Value", "diesel"),
        "petrol": QT_TRANSLATE_NOOP("Value", "petrol"),
        "jet": QT_TRANSLATE_NOOP("Value", "jet fuel"),
        "electric": QT_TRANSLATE_NOOP("Value", "electric"),
        "lpg": QT_TRANSLATE_NOOP("Value", "LPG"),
        "hybrid": QT_TRANSLATE_NOOP("Value", "hybrid"),
        "none": QT_TRANSLATE_NOOP("Value", "none"),
        "mains": QT_TRANSLATE_NOOP("Value", "mains"),
    },
    "drive_side": {
        "LHD": QT_TRANSLATE_NOOP("Value", "LHD"),
        "RHD": QT_TRANSLATE_NOOP("Value", "RHD"),
    },
    "transmission": {
        "manual": QT_TRANSLATE_NOOP("Value", "manual"),
        "automatic": QT_TRANSLATE_NOOP("Value", "automatic"),
    },
    "complexity": {
        "mechanical": QT_TRANSLATE_NOOP("Value", "mechanical"),
        "electronic": QT_TRANSLATE_NOOP("Value", "electronic"),
        "digital": QT_TRANSLATE_NOOP("Value", "digital"),
    },
    "inspection": {
        "clean": QT_TRANSLATE_NOOP("Value", "clean"),
        "labelled": QT_TRANSLATE_NOOP("Value", "defects labelled"),
        "defects": QT_TRANSLATE_NOOP("Value", "defects"),
        "none": QT_TRANSLATE_NOOP("Value", "none"),
    },
}


def value_word(field: str, text: str) -> str:
    """A canonical code of `field` in the interface language; any other text as it is."""
    source = _VALUES.get(field, {}).get(text)
    return translated("Value", source) if source else text


def field_label(name: str) -> str:
    source = _FIELDS.get(name)
    return translated(_FIELD, source) if source else name


def table_label(name: str) -> str:
    source = _TABLES.get(name)
    return translated("Table", source) if source else name


def verdict_label(verdict: str) -> str:
    source = _VERDICTS.get(str(verdict))
    return translated("Verdict", source) if source else str(verdict)


def status_label(status: str) -> str:
    source = _STATUSES.get(str(status))
    return translated("Status", source) if source else str(status)


def labelled(label: str) -> str:
    """A form label: "Donor:" in English, "Donateur :" (no-break space) in French."""
    return QCoreApplication.translate("Labels", "{label}:").format(label=label)


def cell_problem(field: str, problem: str) -> str:
    """A cell's problem as the import report words it: the field's name, then what is wrong."""
    return QCoreApplication.translate("Labels", "“{field}” {problem}").format(
        field=field, problem=problem
    )


def rows_imported_text(imported: int, rejected: int) -> str:
    """ "12 rows imported, 1 rejected.": each count takes its own plural form."""
    return QCoreApplication.translate("Counts", "{imported}, {rejected}.").format(
        imported=QCoreApplication.translate("Counts", "%Ln rows imported", "", imported),
        rejected=QCoreApplication.translate("Counts", "%Ln rejected", "", rejected),
    )
