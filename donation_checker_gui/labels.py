"""Display names of fields (from the message catalogue), and of tables, verdicts and statuses
(marked for translation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from donation_checker.render import renderer

from .i18n import translated


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a string for the catalogue (lupdate reads the call by its name) and returns it
    as it is; Qt's own returns `object` to the type checker."""
    return text


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


def ui_language() -> str:
    """The window's language, as install_language set it."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def field_label(name: str) -> str:
    """A field's name in the window's language, from the message catalogue (fields.<name>),
    the one source the import report and the errors also name fields from."""
    return renderer(ui_language()).field(name)


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
