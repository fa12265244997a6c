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
    Text,
)

SCHEMA_VERSION = "1"


def _value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_value(v) for v in value]
    return value


def _text(text: Text | None, lang: str) -> str | None:
    return None if text is None else text.get(lang)


def _row(ref: RowRef) -> dict[str, Any]:
    return {"table": ref.table, "sheet": ref.sheet, "row": ref.row}


def _evidence(item: Evidence, lang: str) -> dict[str, Any]:
    return {
        "key": item.key,
        "label": item.label.get(lang),
        "value": _value(item.value),
        "unit": item.unit,
        "sensitive": item.sensitive,
        "rows": [_row(r) for r in item.rows],
    }


def _condition(c: Condition, lang: str) -> dict[str, Any]:
    return {
        "rule": c.rule_id,
        "line": c.line,
        "text": c.text.get(lang),
        "removes_knockout": c.removes_knockout,
        "mandatory": c.mandatory,
    }


def _grouped(findings: Sequence[Finding], lang: str) -> list[dict[str, Any]]:
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
            f.message.get(lang),
            None if c is None else (c.text.get(lang), c.removes_knockout, c.mandatory),
        )
        group = groups.get(key)
        if group is None:
            group = groups[key] = _finding(f, lang, brief=True)
            group["lines"] = []
        if f.line is not None:
            group["lines"].append(f.line)
    return list(groups.values())


def _finding(f: Finding, lang: str, brief: bool = False) -> dict[str, Any]:
    if brief:
        return {
            "rule": f.rule_id,
            "family": f.family,
            "line": f.line,
            "score": _value(f.score),
            "status": f.status.value,
            "weight": f.weight,
            "knockout": f.knockout,
            "message": f.message.get(lang),
            "condition": None if f.condition is None else _condition(f.condition, lang),
        }
    return {
        "rule": f.rule_id,
        "family": f.family,
        "title": f.title.get(lang),
        "line": f.line,
        "score": _value(f.score),
        "status": f.status.value,
        "weight": f.weight,
        "knockout": f.knockout,
        "message": f.message.get(lang),
        "evidence": [_evidence(e, lang) for e in f.evidence],
        "source": f.source,
        "condition": None if f.condition is None else _condition(f.condition, lang),
    }


def _grouped_conditions(conditions: Sequence[Condition], lang: str) -> list[dict[str, Any]]:
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for c in conditions:
        key = (c.rule_id, c.text.get(lang), c.removes_knockout, c.mandatory)
        group = groups.get(key)
        if group is None:
            group = groups[key] = {**_condition(c, lang), "lines": []}
        if c.line is not None:
            group["lines"].append(c.line)
    return list(groups.values())


def _money(x: float | None) -> Any:
    return None if x is None else _value(round(x, 2))


def _cost_year(y: CostYear) -> dict[str, Any]:
    return {
        "year": y.year,
        "fuel": _money(y.fuel),
        "maintenance": _money(y.maintenance),
        "parts": _money(y.parts),
        "total": _money(y.total),
        "headroom": None if y.headroom is None else _value(round(y.headroom, 2)),
    }


def _lifecycle(lc: LifecycleCost | None, lang: str, full: bool = True) -> dict[str, Any] | None:
    if lc is None:
        return None
    lines = [{"line": c.line, "years": [_cost_year(y) for y in c.years]} for c in lc.lines]
    return {
        "currency": lc.currency,
        "horizon_years": lc.horizon_years,
        **({"lines": lines} if full else {}),
        "totals": [_cost_year(y) for y in lc.totals],
        "assumptions": [_evidence(e, lang) for e in lc.assumptions],
    }


def _counter(c: CounterProposal, lang: str, brief: bool = False) -> dict[str, Any]:
    if brief:
        return {"line": c.line, "offered": c.offered, "absorbable": c.absorbable}
    return {
        "line": c.line,
        "offered": c.offered,
        "absorbable": c.absorbable,
        "limiting_factor": _text(c.limiting_factor, lang),
        "alternative": c.alternative,
        "alternative_reason": _text(c.alternative_reason, lang),
        "evidence": [_evidence(e, lang) for e in c.evidence],
    }


def _sensitivity(s: Sensitivity | None, lang: str) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "robust": s.robust,
        "statement": s.statement.get(lang),
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


def _impact(c: CategoryImpact) -> dict[str, Any]:
    return {
        "category": c.category,
        "models_before": c.models_before,
        "models_after": c.models_after,
        "units_before": c.units_before,
        "units_after": c.units_after,
        "new_models": list(c.new_models),
    }


def _families(values: Mapping[str, float | None]) -> dict[str, float | None]:
    return {k: _value(v) for k, v in values.items()}


def assessment_to_dict(a: Assessment, lang: str = "en", full: bool = True) -> dict[str, Any]:
    """The assessment as plain dicts, lists, strings, numbers, booleans and nulls.

    full=False gives the brief form, whose size grows with the distinct findings rather than
    with the lines: findings alike on several lines appear once with their "lines", evidence
    without their evidence, counter-proposals as quantities only, running costs as totals."""
    inputs = {
        r.role: {
            "name": r.name,
            "sha256": r.sha256,
            "rows_imported": r.rows_imported,
            "rows_rejected": r.rows_rejected,
            "user": r.user,
        }
        for r in a.inputs
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
        "findings": [_finding(f, lang) for f in a.findings] if full else _grouped(a.findings, lang),
        "offer_findings": [_finding(f, lang) for f in a.offer_findings],
        "conditions": [_condition(c, lang) for c in a.conditions]
        if full
        else _grouped_conditions(a.conditions, lang),
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
        "counter_proposal": [_counter(c, lang, brief=not full) for c in a.counter_proposals],
        "lifecycle_cost": _lifecycle(a.lifecycle, lang, full),
        "sensitivity": _sensitivity(a.sensitivity, lang),
        "fleet_impact": [_impact(c) for c in a.fleet_impact],
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
