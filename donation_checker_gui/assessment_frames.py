"""Tables of an assessment as pandas frames for the views, built from the report's own row
functions so the window and the PDF say the same thing in the same words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import pandas as pd

from donation_checker.assessment import Assessment, Finding, RowRef
from donation_checker.model import ROW_COLUMN, SHEET_COLUMN, Inventory
from donation_checker.render import Renderer


def _frame(rows: Sequence[Any], columns: list[str]) -> pd.DataFrame:
    records = [asdict(r) for r in rows]
    return (
        pd.DataFrame.from_records(records, columns=columns)
        if records
        else pd.DataFrame(columns=columns)
    )


def lines_frame(a: Assessment, reader: Renderer) -> pd.DataFrame:
    from donation_checker.report.rows import line_rows

    return _frame(
        list(line_rows(a, reader)), ["number", "item", "score", "verdict", "main_finding"]
    )


def conditions_frame(a: Assessment, reader: Renderer) -> pd.DataFrame:
    from donation_checker.report.rows import condition_rows

    return _frame(list(condition_rows(a, reader)), ["rule_id", "where", "text", "removes_knockout"])


def counter_frame(a: Assessment, reader: Renderer) -> pd.DataFrame:
    from donation_checker.report.rows import counter_rows

    return _frame(
        list(counter_rows(a, reader)), ["where", "offered", "absorbable", "limiting", "alternative"]
    )


def fleet_frame(a: Assessment, reader: Renderer) -> pd.DataFrame:
    from donation_checker.report.rows import fleet_rows

    return _frame(
        list(fleet_rows(a.fleet_impact, reader)),
        ["category", "models_before", "models_after", "units_before", "units_after", "new_models"],
    )


def cost_frame(a: Assessment, reader: Renderer) -> pd.DataFrame:
    from donation_checker.report.rows import cost_year_rows

    return _frame(
        list(cost_year_rows(a, reader)),
        ["year", "fuel", "maintenance", "parts", "total", "headroom", "share"],
    )


def finding_details(f: Finding, a: Assessment, reader: Renderer, explanation: str) -> str:
    """Plain text (never markup: it quotes the user's files) for the details pane."""
    from donation_checker.report.rows import finding_row, line_labels

    row = finding_row(f, line_labels(a), reader)
    parts = [f"{f.rule_id} — {f.title.get(reader.lang)}", row.where, row.result, "", row.message]
    if explanation:
        parts += ["", explanation]
    if row.evidence:
        parts += ["", *(f"• {e}" for e in row.evidence)]
    if row.condition:
        parts += ["", row.condition]
    if f.source.get(reader.lang):
        parts += ["", f.source.get(reader.lang)]
    return "\n".join(parts)


def evidence_rows(f: Finding, inventory: Inventory | None) -> pd.DataFrame:
    """The inventory rows a finding's evidence was computed from, in inventory order."""
    refs: list[RowRef] = [r for ev in f.evidence for r in ev.rows]
    if inventory is None or not refs:
        return pd.DataFrame()
    parts = []
    for table_name in dict.fromkeys(r.table for r in refs):
        table = inventory.table(table_name)
        if table is None:
            continue
        wanted = {(r.sheet, r.row) for r in refs if r.table == table_name}
        frame = table.frame
        rows = frame[ROW_COLUMN].isin([row for _, row in wanted])
        keys = list(zip(frame.loc[rows, SHEET_COLUMN], frame.loc[rows, ROW_COLUMN], strict=True))
        keep = frame.loc[rows][[k in wanted for k in keys]]
        parts.append(keep.assign(_table=table_name))
    if not parts:
        return pd.DataFrame()
    out = pd.concat(parts, ignore_index=True)
    return out.drop(columns=[c for c in ("make_key", "model_key") if c in out.columns])
