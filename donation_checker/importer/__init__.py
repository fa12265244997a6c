"""Import inventories and offers from Excel (.xlsx, .xls, .ods) and CSV files."""

from .common import ColumnMapping, load_model_names
from .grid import ImportCancelled
from .inventory import INVENTORY_TABLES, import_inventory
from .offer import import_offer
from .vocabulary import load_vocabulary
from .xmlscan import MAX_SHEET_CELLS


def warm_reader() -> None:
    """Start the cell reader's process ahead of the first import (the desktop application does
    it once its window is up), so the first workbook does not wait for it."""
    from .reader import prestart

    prestart(MAX_SHEET_CELLS)


__all__ = [
    "INVENTORY_TABLES",
    "ColumnMapping",
    "ImportCancelled",
    "import_inventory",
    "import_offer",
    "load_model_names",
    "load_vocabulary",
    "warm_reader",
]
