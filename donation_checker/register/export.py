"""The register list as a spreadsheet: CSV (UTF-8 with BOM, for Excel) or an Excel workbook.
Text cells that look like formulas are neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..atomic import write_bytes_atomic, write_with
from ..csv_export import neutralise_formula
from .records import CaseSummary

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("number", "Case", "Dossier"),
    ("version", "Version", "Version"),
    ("donor", "Donor", "Donateur"),
    ("reference", "Reference", "Référence"),
    ("offer_date", "Offer date", "Date de l’offre"),
    ("categories", "Categories", "Catégories"),
    ("units", "Units", "Unités"),
    ("verdict", "Verdict", "Avis"),
    ("score", "Score", "Score"),
    ("coverage", "Data coverage", "Couverture des données"),
    ("status", "Status", "Statut"),
    ("decided_on", "Decided on", "Décidée le"),
    ("delivered_on", "Delivered on", "Livrée le"),
    ("created_by", "Recorded by", "Enregistré par"),
    ("organisation", "Organisation", "Organisme"),
    ("changed_at", "Last change (UTC)", "Dernière modification (UTC)"),
    ("changed_by", "Changed by", "Modifié par"),
)


def _value(case: CaseSummary, name: str) -> Any:
    value = getattr(case, name)
    if name == "categories":
        return ", ".join(value)
    if name == "changed_at":
        return value.replace(tzinfo=None)
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, str):
        return neutralise_formula(value)
    return value


def export_cases(cases: Sequence[CaseSummary], target: str | Path, lang: str = "en") -> None:
    headers = [fr if lang == "fr" else en for _, en, fr in COLUMNS]
    rows = [[_value(c, name) for name, _, _ in COLUMNS] for c in cases]
    if str(target).lower().endswith(".xlsx"):
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Register" if lang != "fr" else "Registre")
        ws.append(headers)
        for row in rows:
            ws.append(row)
        write_with(target, wb.save)
        return
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    write_bytes_atomic(target, ("\ufeff" + buf.getvalue()).encode("utf-8"))
