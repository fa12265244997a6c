"""The register's offers still to come, given to an assessment as other partners' pledges:
the officer never types them again into the inventory's Pledges sheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from ..model import ROW_COLUMN, SHEET_COLUMN, Inventory, Table
from ..normalise import fold
from .records import Pledge

# Evidence rows from the register name the case: "register DC-2026-0042", row = offer line.
SHEET_PREFIX = "register"


def pledge_rows(pledges: Sequence[Pledge]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "partner": [p.donor for p in pledges],
            "category": [p.category for p in pledges],
            "make": [p.make for p in pledges],
            "model": [p.model for p in pledges],
            "quantity": [p.quantity for p in pledges],
            "status": [p.status.value for p in pledges],
            "date": pd.to_datetime(pd.Series([p.date for p in pledges], dtype=object)),
            ROW_COLUMN: [p.line for p in pledges],
            SHEET_COLUMN: [f"{SHEET_PREFIX} {p.number}" for p in pledges],
        }
    )


def _same(frame: pd.DataFrame) -> pd.Series:
    """A key per pledge row that a register line and its copy in the workbook share."""
    parts = [
        frame.get(col, pd.Series([None] * len(frame), index=frame.index))
        .map(lambda v: fold(v) if isinstance(v, str) else ("" if pd.isna(v) else str(v)))
        .astype(str)
        for col in ("partner", "category", "make", "model")
    ]
    qty = pd.to_numeric(
        frame.get("quantity", pd.Series([None] * len(frame), index=frame.index)), errors="coerce"
    )
    return parts[0] + "|" + parts[1] + "|" + parts[2] + "|" + parts[3] + "|" + qty.astype(str)


def with_register_pledges(inventory: Inventory, pledges: Sequence[Pledge]) -> Inventory:
    """The inventory with the register's pledges added to its own; a register line the
    workbook already lists (same partner, category, make, model and quantity) counts once."""
    if not pledges:
        return inventory
    added = pledge_rows(pledges)
    own = inventory.pledges
    if own is None:
        return replace(inventory, pledges=Table("pledges", added))
    already = set(_same(own.frame))
    added = added[~_same(added).isin(already).to_numpy()]
    frame = pd.concat([own.frame, added], ignore_index=True) if len(added) else own.frame
    return replace(inventory, pledges=Table(own.name, frame))
