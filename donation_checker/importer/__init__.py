"""Import inventories and offers from Excel (.xlsx, .xls, .ods) and CSV files."""

from .common import ColumnMapping, load_model_names
from .grid import ImportCancelled
from .inventory import INVENTORY_TABLES, import_inventory
from .offer import import_offer
from .vocabulary import load_vocabulary

__all__ = [
    "INVENTORY_TABLES",
    "ColumnMapping",
    "ImportCancelled",
    "import_inventory",
    "import_offer",
    "load_model_names",
    "load_vocabulary",
]
