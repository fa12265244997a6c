"""Import inventories and offers from Excel (.xlsx, .xls, .ods) and CSV files.

Importing the package is light: each public name's module loads when the name is first used,
so the command line can start the cell reader on a workbook before pandas is loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .common import ColumnMapping, load_model_names
    from .grid import ImportCancelled
    from .inventory import INVENTORY_TABLES, import_inventory
    from .offer import import_offer
    from .vocabulary import load_vocabulary
    from .xmlscan import MAX_SHEET_CELLS

_HOME = {
    "ColumnMapping": "common",
    "load_model_names": "common",
    "ImportCancelled": "grid",
    "INVENTORY_TABLES": "inventory",
    "import_inventory": "inventory",
    "import_offer": "offer",
    "load_vocabulary": "vocabulary",
    "MAX_SHEET_CELLS": "xmlscan",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def warm_reader() -> None:
    """Start the cell reader's process ahead of the first import (the desktop application does
    it once its window is up), so the first workbook does not wait for it."""
    from .reader import prestart
    from .xmlscan import MAX_SHEET_CELLS

    prestart(MAX_SHEET_CELLS)


def start_reading(*paths: str) -> None:
    """Start reading these workbooks whole in the reader's process (see reader.prefetch)."""
    from .reader import prefetch
    from .xmlscan import MAX_SHEET_CELLS

    for path in paths:
        prefetch(path, MAX_SHEET_CELLS)


__all__ = [
    "INVENTORY_TABLES",
    "MAX_SHEET_CELLS",
    "ColumnMapping",
    "ImportCancelled",
    "import_inventory",
    "import_offer",
    "load_model_names",
    "load_vocabulary",
    "start_reading",
    "warm_reader",
]
