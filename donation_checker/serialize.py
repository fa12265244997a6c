"""Assessment → a JSON-safe dict (the `assess --json` output). The schema is in docs/rules.md.

Texts are given in the requested language; numbers stay numbers; NaN and infinities become
null so the output is strict JSON.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from .assessment import (
    Assessment,
    CategoryImpact,
    Condition,
    CostYear,
    CounterProposal,
    Evidence,
    Finding,
    LifecycleCost,
    RowRef,
    Sensitivity,
)
from .messages import Value, count, money, text
from .render import Renderer, renderer

SCHEMA_VERSION = "1"


def _value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_value(v) for v in value]
    return value


def _datum(r: Renderer, v: Value) -> Any:
    """A value as JSON: the number or text itself, or the band the reader may see."""
    return _value(r.datum(v))


def _row(ref: RowRef) -> dict[str, Any]:
    return {"table": ref.table, "sheet": ref.sheet, "row": ref.row}


def _evidence(item: Evidence, r: Renderer) -> dict[str, Any]:
    return {
        "key": item.key,
        "label": r.label(item.label),
        "value": _datum(r, item.value),
        "unit": item.value.currency,
        "text": r.value(item.value),
        "sensitive": item.sensitive,
        "rows": [_row(ref) for ref in r.row_refs(item.rows)],
    }


def _condition(c: Condition, r: Renderer) -> dict[str, Any]:
    return {
        "rule": c.rule_id,
        "line": c.line,
        "text": r.message(c.text),
        "removes_knockout": c.removes_knockout,
        "mandatory": c.mandatory,
    }


def _grouped(findings: Sequence[Finding], r: Renderer) -> list[dict[str, Any]]:
    """Findings that say the same thing on several lines, once, with the lines they concern;
    without their evidence (the full form has it, with the inventory rows)."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for f in findings:
        c = f.condition
        key = (
            f.rule_id,
            _value(f.score),
            f.status,
            f.weight,
            f.knockout,
            r.message(f.message),
            None if c is None else (r.message(c.text), c.removes_knockout, c.mandatory),
        )
        group = groups.get(key)
        if group is None:
            group = groups[key] = _finding(f, r, brief=True)
            group["lines"] = []
        if f.line is not None:
            group["lines"].append(f.line)
    return list(groups.values())


def _finding(f: Finding, r: Renderer, brief: bool = False) -> dict[str, Any]:
    if brief:
        return {
            "rule": f.rule_id,
            "family": f.family,
            "line": f.line,
            "score": _value(f.score),
            "status": f.status.value,
            "weight": f.weight,
            "knockout": f.knockout,
            "message": r.message(f.message),
            "condition": None if f.condition is None else _condition(f.condition, r),
        }
    return {
        "rule": f.rule_id,
        "family": f.family,
        "title": f.title.get(r.lang),
        "line": f.line,
        "score": _value(f.score),
        "status": f.status.value,
        "weight": f.weight,
        "knockout": f.knockout,
        "message": r.message(f.message),
        "evidence": [_evidence(e, r) for e in f.evidence],
        "source": f.source.get(r.lang),
        "condition": None if f.condition is None else _condition(f.condition, r),
    }


def _grouped_conditions(conditions: Sequence[Condition], r: Renderer) -> list[dict[str, Any]]:
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for c in conditions:
        key = (c.rule_id, r.message(c.text), c.removes_knockout, c.mandatory)
        group = groups.get(key)
        if group is None:
            group = groups[key] = {**_condition(c, r), "lines": []}
        if c.line is not None:
            group["lines"].append(c.line)
    return list(groups.values())


def _money(x: float | None) -> Any:
    return None if x is None else _value(round(x, 2))


def _cost_year(y: CostYear, r: Renderer, currency: str | None) -> dict[str, Any]:
    return {
        "year": y.year,
        "fuel": _money(y.fuel),
        "maintenance": _money(y.maintenance),
        "parts": _money(y.parts),
        "total": _money(y.total),
        "headroom": _datum(
            r, money(None if y.headroom is None else round(y.headroom, 2), currency, "budget")
        ),
    }


def _lifecycle(lc: LifecycleCost | None, r: Renderer, full: bool = True) -> dict[str, Any] | None:
    if lc is None:
        return None
    lines = [
        {"line": c.line, "years": [_cost_year(y, r, lc.currency) for y in c.years]}
        for c in lc.lines
    ]
    return {
        "currency": lc.currency,
        "horizon_years": lc.horizon_years,
        **({"lines": lines} if full else {}),
        "totals": [_cost_year(y, r, lc.currency) for y in lc.totals],
        "assumptions": [_evidence(e, r) for e in lc.assumptions],
    }


def _counter(c: CounterProposal, r: Renderer, brief: bool = False) -> dict[str, Any]:
    if brief:
        return {"line": c.line, "offered": c.offered, "absorbable": c.absorbable}
    return {
        "line": c.line,
        "offered": c.offered,
        "absorbable": c.absorbable,
        "limiting_factor": r.message(c.limiting_factor) or None,
        "alternative": None if c.alternative is None else r.value(c.alternative),
        "alternative_reason": r.message(c.alternative_reason) or None,
        "evidence": [_evidence(e, r) for e in c.evidence],
    }


def _sensitivity(s: Sensitivity | None, r: Renderer) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "robust": s.robust,
        "statement": r.message(s.statement),
        "families": [
            {
                "family": f.family,
                "weight": f.weight,
                "change_needed": _value(f.change_needed),
                "verdict_after": None if f.verdict_after is None else f.verdict_after.value,
            }
            for f in s.families
        ],
    }


def _impact(c: CategoryImpact, r: Renderer) -> dict[str, Any]:
    before = count(c.units_before, "holdings")
    return {
        "category": r.value(c.title) if c.title is not None else c.category,
        "models_before": c.models_before,
        "models_after": c.models_after,
        "units_before": _datum(r, before),
        "units_after": _datum(r, count(c.units_after, derived_from=(before,))),
        "new_models": list(c.new_models),
    }


def _families(values: Mapping[str, float | None]) -> dict[str, float | None]:
    return {k: _value(v) for k, v in values.items()}


def assessment_to_dict(
    a: Assessment,
    lang: str = "en",
    full: bool = True,
    share: bool = False,
    currency: str = "code",
) -> dict[str, Any]:
    """The assessment as plain dicts, lists, strings, numbers, booleans and nulls.

    share=True gives what a donor may see: the same rendering, with sovereign values banded.

    full=False gives the brief form, whose size grows with the distinct findings rather than
    with the lines: findings alike on several lines appear once with their "lines", evidence
    without their evidence, counter-proposals as quantities only, running costs as totals.

    Amounts stay numbers with their ISO code; the texts write currencies in the `currency`
    style (render.CURRENCY_STYLES)."""
    r = renderer(lang, share, currency)
    inputs = {}
    for rec in a.inputs:
        # The inventory is the recipient's: its name and fingerprint are sovereign.
        topic = "holdings" if rec.role == "inventory" else ""
        inputs[rec.role] = {
            "name": _datum(r, text(rec.name, topic)),
            "sha256": _datum(r, text(rec.sha256, topic)),
            "rows_imported": _datum(r, count(rec.rows_imported, topic)),
            "rows_rejected": _datum(r, count(rec.rows_rejected, topic)),
            "user": rec.user,
        }
    removable = sorted(
        {f.rule_id for f in a.findings if f.knockout and f.rule_id not in a.knockouts}
    )
    header = {k: _value(v) for k, v in vars(a.offer_header).items()}
    return {
        "schema_version": SCHEMA_VERSION,
        "lang": lang,
        "verdict": a.verdict.value,
        "score": _value(a.score),
        "confidence": _value(a.confidence),
        "score_range": None if a.score_range is None else [_value(v) for v in a.score_range],
        "tables_not_found": [
            {"table": g.table, "rules": list(g.rules), "families": list(g.families)}
            for g in a.tables_not_found
        ],
        "families": _families(a.families),
        "family_weights": dict(a.family_weights),
        "knockouts": list(a.knockouts),
        "knockouts_removable": removable,
        "detail": "full" if full else "brief",
        "findings": [_finding(f, r) for f in a.findings] if full else _grouped(a.findings, r),
        "offer_findings": [_finding(f, r) for f in a.offer_findings],
        "conditions": [_condition(c, r) for c in a.conditions]
        if full
        else _grouped_conditions(a.conditions, r),
        "lines": [
            {
                "line": ln.index,
                "label": ln.label,
                "score": _value(ln.score),
                "confidence": _value(ln.confidence),
                "verdict": ln.verdict.value,
                "main_finding": ln.main_finding,
            }
            for ln in a.lines
        ],
        "counter_proposal": [_counter(c, r, brief=not full) for c in a.counter_proposals],
        "lifecycle_cost": _lifecycle(a.lifecycle, r, full),
        "sensitivity": _sensitivity(a.sensitivity, r),
        "fleet_impact": [_impact(c, r) for c in a.fleet_impact],
        "inputs": inputs,
        "ruleset": {
            "name": a.ruleset_name,
            "version": a.ruleset_version,
            "sha256": a.ruleset_sha256,
        },
        "offer": header,
        "recipient": a.recipient,
        "currency": a.currency,
    }
