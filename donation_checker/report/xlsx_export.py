"""Excel export of an assessment: lines, findings with their evidence, conditions, life-cycle cost.

Every text cell is written with its type forced to string and Excel's own "quote prefix" flag,
so a donor name like `=HYPERLINK(...)` stays text: no `<f>` element is ever written, and the
text is kept exactly as it came (no apostrophe added).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..assessment import Assessment
from ..atomic import atomic_path
from ..formatting import unknown
from ..messages import Value, count, money
from ..render import Renderer, renderer
from . import rows as R
from .safe_text import cell_text
from .texts import family_name, label, labels, status_name, verdict_name

Cell = str | int | float | bool | dt.date | None

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E4E7EB")
_WRAP = Alignment(wrap_text=True, vertical="top")
_MONEY = "#,##0"
_SCORE = "0"
_PERCENT = "0%"


def _h(key: str, lang: str) -> str:
    """A column header: the export's own (labels.xlsx_heads) or a label of the PDF."""
    own = f"xlsx_heads.{key}"
    return label(own if own in labels(lang) else key, lang)


_OOXML_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def put(ws: Worksheet, row: int, col: int, value: Cell, number_format: str = "") -> None:
    """Write one cell; text is always a string cell, never a formula or an error code."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        # OOXML reads "_xHHHH_" as an escaped character; its own escape keeps such text literal.
        text = _OOXML_ESCAPE.sub(r"_x005F_\1", cell_text(value))
        cell.value = text
        cell.data_type = "s"  # openpyxl would type "=..." as a formula and "#N/A" as an error
        if text[:1] in ("=", "+", "-", "@"):
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
    else:
        cell.value = value
        if number_format:
            cell.number_format = number_format


def _table(
    ws: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[int],
    formats: dict[int, str] | None = None,
    start: int = 1,
) -> int:
    """Write a header row and data rows from row `start`; returns the next free row."""
    formats = formats or {}
    for c, text in enumerate(headers, start=1):
        put(ws, start, c, text)
        cell = ws.cell(row=start, column=c)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
    for r, values in enumerate(rows, start=start + 1):
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, formats.get(c, ""))
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    return start + len(rows) + 2


def _sheet(wb: Workbook, key: str, lang: str) -> Worksheet:
    name = label(f"xlsx_sheets.{key}", lang)
    ws: Worksheet = wb.create_sheet(name)
    return ws


def _score(value: float | None, lang: str) -> Cell:
    # An unknown score is written as the word, never as an empty cell a formula would read as 0.
    return round(value, 1) if value is not None else unknown(lang)


def export_xlsx(
    assessment: Assessment,
    target: str | os.PathLike[str],
    *,
    lang: str = "en",
    share: bool = False,
    currency: str = "code",
) -> None:
    """Write the assessment as an .xlsx workbook, atomically; currency: how currencies are
    written ("code" or "local", see render.CURRENCY_STYLES)."""
    r = renderer(lang, share, currency)
    lang = r.lang
    a = assessment
    wb = Workbook()
    default = wb.active
    if default is not None:
        wb.remove(default)
    _summary(wb, a, r)
    _lines(wb, a, r)
    _findings(wb, a, r)
    _evidence(wb, a, r)
    _conditions(wb, a, r)
    _counter(wb, a, r)
    _cost(wb, a, r)
    _fleet(wb, a, r)
    _inputs(wb, a, r)
    with atomic_path(target) as tmp:
        wb.save(tmp)


def _summary(wb: Workbook, a: Assessment, r: Renderer) -> None:
    lang = r.lang
    ws = _sheet(wb, "summary", lang)
    h = a.offer_header
    rows: list[list[Cell]] = [
        [label("doc_title", lang), label("share_short", lang) if r.share else ""],
        [label("offer_reference", lang), h.reference or unknown(lang)],
        [label("donor", lang), h.donor or unknown(lang)],
        [label("recipient", lang), a.recipient or h.recipient or unknown(lang)],
        [label("offer_date", lang), h.date or unknown(lang)],
        [label("verdict", lang), verdict_name(a.verdict, lang)],
        [label("overall_score", lang), _score(a.score, lang)],
        [label("confidence", lang), a.confidence],
        [label("knockouts", lang), ", ".join(a.knockouts)],
        [label("ruleset", lang), R.ruleset_name(a, lang)],
        [label("version", lang), a.ruleset_version],
        ["SHA-256", a.ruleset_sha256],
    ]
    if r.share:
        rows.append(["", label("share_banner", lang)])
    nxt = _table(ws, [_h("field", lang), _h("value_col", lang)], rows, [34, 70])
    ws.cell(row=6, column=2).number_format = "yyyy-mm-dd"
    ws.cell(row=9, column=2).number_format = _PERCENT
    fam = [
        [
            family_name(k, lang, a.family_titles),
            _score(a.families.get(k), lang),
            a.family_weights.get(k),
        ]
        for k in dict.fromkeys([*a.families, *a.family_weights])
    ]
    _table(
        ws,
        [label("family", lang), label("score", lang), label("weight", lang)],
        fam,
        [34, 70, 12],
        start=nxt,
    )


def _lines(wb: Workbook, a: Assessment, r: Renderer) -> None:
    lang = r.lang
    ws = _sheet(wb, "lines", lang)
    found = R.main_findings(a)
    rows: list[list[Cell]] = []
    for line in a.lines:
        f = found.get(line.index)
        rows.append(
            [
                line.index + 1,
                line.label,
                _score(line.score, lang),
                line.confidence,
                verdict_name(line.verdict, lang),
                line.main_finding or "",
                r.message(f.message) if f else "",
            ]
        )
    heads = ["line", "item", "score", "confidence", "verdict", "rule_id", "main_finding"]
    _table(ws, [_h(k, lang) for k in heads], rows, [7, 40, 9, 11, 24, 11, 80], {4: _PERCENT})
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:G{len(rows) + 1}"


def _findings(wb: Workbook, a: Assessment, r: Renderer) -> None:
    lang = r.lang
    ws = _sheet(wb, "findings", lang)
    labels = R.line_labels(a)
    rows: list[list[Cell]] = []
    for f in (*a.offer_findings, *a.findings):
        rows.append(
            [
                f.rule_id,
                family_name(f.family, lang, a.family_titles),
                f.title.get(lang),
                f.line + 1 if f.line is not None else label("whole_offer", lang),
                labels.get(f.line, "") if f.line is not None else "",
                status_name(f.status, lang),
                _score(f.score, lang),
                f.weight,
                R.format_value(f.knockout, lang),
                r.message(f.message),
                "; ".join(r.evidence(ev) for ev in f.evidence),
                f.source.get(lang),
                r.message(f.condition.text) if f.condition else "",
            ]
        )
    heads = ["rule_id", "family", "title", "line", "item", "status", "score", "weight",
             "knockout", "explanation", "evidence", "source", "condition_tag"]  # fmt: skip
    _table(
        ws, [_h(k, lang) for k in heads], rows, [11, 24, 30, 8, 32, 12, 8, 8, 10, 70, 70, 40, 60]
    )
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:M{len(rows) + 1}"


def _evidence(wb: Workbook, a: Assessment, r: Renderer) -> None:
    lang = r.lang
    ws = _sheet(wb, "evidence", lang)
    rows: list[list[Cell]] = []
    for f in (*a.offer_findings, *a.findings):
        for ev in f.evidence:
            value = r.datum(ev.value)
            rows.append(
                [
                    f.rule_id,
                    f.line + 1 if f.line is not None else label("whole_offer", lang),
                    r.label(ev.label),
                    value if isinstance(value, str | int | float) else r.value(ev.value),
                    r.currency(ev.value.currency),
                    R.format_value(ev.sensitive, lang),
                    R.format_row_refs(r.row_refs(ev.rows), lang),
                ]
            )
    # The label names what a figure measures; its key is for programs and stays in the JSON.
    heads = ["rule_id", "line", "label", "value", "unit", "sensitive", "rows"]
    _table(ws, [_h(k, lang) for k in heads], rows, [11, 8, 40, 20, 10, 14, 50])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:G{len(rows) + 1}"


def _conditions(wb: Workbook, a: Assessment, r: Renderer) -> None:
    lang = r.lang
    ws = _sheet(wb, "conditions", lang)
    rows: list[list[Cell]] = [
        [i, c.rule_id, c.where, c.text, R.format_value(c.removes_knockout, lang)]
        for i, c in enumerate(R.condition_rows(a, r, limit=None), start=1)
    ]
    heads = ["number", "rule_id", "line", "text", "lifts"]
    _table(ws, [_h(k, lang) for k in heads], rows, [6, 11, 40, 90, 16])
    for n in range(2, len(rows) + 2):
        ws.cell(row=n, column=4).alignment = _WRAP


def _counter(wb: Workbook, a: Assessment, r: Renderer) -> None:
    """Every counter-proposal (the PDF of a long offer shows the largest few)."""
    lang = r.lang
    ws = _sheet(wb, "counter", lang)
    rows: list[list[Cell]] = [
        [c.where, c.offered, c.absorbable, c.limiting, c.alternative] for c in R.counter_rows(a, r)
    ]
    heads = ["line", "offered", "absorbable", "limiting_factor", "better_fit"]
    _table(ws, [label(k, lang) for k in heads], rows, [40, 10, 12, 40, 70])


def _cost(wb: Workbook, a: Assessment, r: Renderer) -> None:
    lang = r.lang
    ws = _sheet(wb, "cost", lang)
    lc = a.lifecycle
    if lc is None:
        put(ws, 1, 1, label("no_lifecycle", lang))
        return
    currency = r.currency(R.cost_currency(a)) or label("currency_unknown", lang)
    put(ws, 1, 1, label("horizon", lang, n=str(lc.horizon_years), currency=currency))
    totals: list[list[Cell]] = []
    for y in lc.totals:
        # The uncommitted budget is the recipient's: a hidden one is banded, and the share of
        # it the year's cost takes becomes whether the cost fits.
        room = money(y.headroom, lc.currency, "budget")
        if y.headroom is None:
            headroom: Cell = unknown(lang)
            ratio: Cell = unknown(lang)
        elif r.hidden(room):
            headroom = r.band(room)
            if y.total is None:
                ratio = unknown(lang)
            else:
                fits = y.total <= y.headroom
                ratio = label("within_headroom" if fits else "exceeds_headroom", lang)
        else:
            headroom = y.headroom
            ratio = (
                y.total / y.headroom if y.total is not None and y.headroom > 0 else unknown(lang)
            )
        totals.append([y.year, y.fuel, y.maintenance, y.parts, y.total, headroom, ratio])
    heads = ["year", "fuel", "maintenance", "parts", "total", "headroom", "cost_share"]
    formats = {2: _MONEY, 3: _MONEY, 4: _MONEY, 5: _MONEY, 6: _MONEY, 7: _PERCENT}
    nxt = _table(ws, [label(k, lang) for k in heads], totals, [34, 16, 16, 16, 16, 18, 16],
                 formats, start=3)  # fmt: skip
    labels = R.line_labels(a)
    per_line: list[list[Cell]] = []
    for line in lc.lines:
        for y in line.years:
            per_line.append(
                [
                    R.where(line.line, labels, lang),
                    y.year,
                    y.fuel,
                    y.maintenance,
                    y.parts,
                    y.total,
                ]
            )
    heads = ["line", "year", "fuel", "maintenance", "parts", "total"]
    _table(ws, [label(k, lang) for k in heads], per_line, [34, 16, 16, 16, 16, 16],
           {3: _MONEY, 4: _MONEY, 5: _MONEY, 6: _MONEY}, start=nxt)  # fmt: skip


def _fleet(wb: Workbook, a: Assessment, r: Renderer) -> None:
    lang = r.lang
    ws = _sheet(wb, "fleet", lang)
    rows: list[list[Cell]] = []
    # Unit counts are the recipient's holdings: hidden, the columns are left out, not blanked.
    units_shown = r.shows("holdings")
    for c in a.fleet_impact:
        models = count(c.models_before, "holdings")
        units = count(c.units_before, "holdings")
        row: list[Cell] = [
            r.value(c.title) if c.title is not None else c.category,
            _cell(r, models),
            _cell(r, count(c.models_after, derived_from=(models,))),
        ]
        if units_shown:
            row += [_cell(r, units), _cell(r, count(c.units_after, derived_from=(units,)))]
        rows.append([*row, ", ".join(c.new_models)])
    heads = ["category", "models_before", "models_after"]
    heads += ["units_before", "units_after"] if units_shown else []
    heads.append("new_models")
    widths = [30, *([14] * (len(heads) - 2)), 60]
    _table(ws, [label(k, lang) for k in heads], rows, widths)


def _cell(r: Renderer, v: Value) -> Cell:
    value = r.datum(v)
    return value if isinstance(value, str | int | float) else r.value(v)


def _inputs(wb: Workbook, a: Assessment, r: Renderer) -> None:
    lang = r.lang
    ws = _sheet(wb, "inputs", lang)
    rows: list[list[Cell]] = []
    for shown, rec in zip(R.input_rows(a, r), a.inputs, strict=True):
        topic = "holdings" if rec.role == "inventory" else ""
        imported = _cell(r, count(rec.rows_imported, topic))
        rejected = _cell(r, count(rec.rows_rejected, topic))
        rows.append([shown.role, shown.name, shown.sha256, imported, rejected])
    heads = ["role", "file", "sha", "rows_imported", "rows_rejected"]
    _table(ws, [_h(k, lang) for k in heads], rows, [14, 40, 70, 14, 14])
