"""Small workbooks built in tests, shaped like the files desk officers receive."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl


def write_rows(
    path: Path,
    sheets: dict[str, Sequence[Sequence[object]]],
    merges: dict[str, Sequence[str]] | None = None,
    text_columns: dict[str, Sequence[str]] | None = None,
) -> Path:
    """Write one sheet per entry; `text_columns` marks columns stored as text cells ("@")."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c)
                cell.value = value
                if text_columns and cell.column_letter in text_columns.get(name, ()):
                    cell.data_type = "s"
                    cell.number_format = "@"
        for rng in (merges or {}).get(name, ()):
            ws.merge_cells(rng)
    wb.save(path)
    return path


FRENCH_FLEET_HEADER = [
    ["RÉPUBLIQUE DU MALI — MINISTÈRE DE LA DÉFENSE"],
    ["Direction du Matériel — Situation du parc au 31/12/2025"],
    [],
    [
        "Catégorie",
        "Marque du véhicule",
        "Modèle",
        "Quantité",
        None,
        "Identification",
        None,
        "Région\nmilitaire",
        "Carburant",
        "Observations",
    ],
    [
        None,
        None,
        None,
        "totale",
        "Qté en état de marche",
        "NNO (OTAN)",
        "N° de série",
        None,
        None,
        None,
    ],
]
FRENCH_FLEET_MERGES = ["A1:J1", "D4:E4", "F4:G4", "H4:H5"]


def french_inventory(
    path: Path,
    rows: Sequence[Sequence[object]],
    extra_sheets: dict[str, Sequence[Sequence[object]]] | None = None,
) -> Path:
    sheets: dict[str, Sequence[Sequence[object]]] = {"Parc": [*FRENCH_FLEET_HEADER, *rows]}
    sheets.update(extra_sheets or {})
    return write_rows(
        path, sheets, merges={"Parc": FRENCH_FLEET_MERGES}, text_columns={"Parc": ["F", "G"]}
    )
