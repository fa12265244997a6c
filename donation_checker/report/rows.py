"""Assessment → plain rows of display text, in the report's language.

Pure functions with no reportlab in sight, so the content of every table can be tested without
building a PDF. Strings here are raw (unescaped); the PDF layer escapes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..assessment import (
    Assessment,
    CategoryImpact,
    Condition,
    CostYear,
    Evidence,
    Finding,
    RowRef,
    Status,
)
from ..formatting import (
    NBSP,
    fmt_date,
    fmt_number,
    fmt_percent,
    fmt_score,
    unknown,
)
from .share import model_count_band
from .texts import family_name, label, status_name, verdict_name

MAX_ROW_REFS = 8  # row numbers listed per evidence item before "and N more"


@dataclass(frozen=True)
class ReportMeta:
    """What the person generating the report adds to the assessment."""

    lang: str = "en"
    share: bool = False
    marking: str = ""
    author: str = ""
    organisation: str = ""
    generated: dt.date | None = None


def _yes_no(value: bool, lang: str) -> str:
    if lang == "fr":
        return "oui" if value else "non"
    return "yes" if value else "no"


def or_unknown(value: str | None, lang: str) -> str:
    text = (value or "").strip()
    return text if text else unknown(lang)


# ---------------------------------------------------------------- identification and headline


def identification_rows(a: Assessment, meta: ReportMeta) -> list[tuple[str, str]]:
    lang = meta.lang
    h = a.offer_header
    rows = [
        (label("offer_reference", lang), or_unknown(h.reference, lang)),
        (label("donor", lang), or_unknown(h.donor, lang)),
        (label("recipient", lang), or_unknown(a.recipient or h.recipient, lang)),
        (label("offer_date", lang), fmt_date(h.date, lang)),
        (label("report_date", lang), fmt_date(meta.generated, lang)),
    ]
    if meta.author.strip():
        rows.append((label("author", lang), meta.author.strip()))
    if meta.organisation.strip():
        rows.append((label("organisation", lang), meta.organisation.strip()))
    return rows


def headline_rows(a: Assessment, lang: str) -> list[tuple[str, str]]:
    rows = [
        (label("verdict", lang), verdict_name(a.verdict, lang)),
        (label("overall_score", lang), fmt_score(a.score, lang)),
        (label("confidence", lang), fmt_percent(a.confidence, lang)),
    ]
    if a.knockouts:
        rows.append((label("knockouts", lang), ", ".join(a.knockouts)))
    return rows


@dataclass(frozen=True)
class ReasonRow:
    rule_id: str
    title: str
    where: str  # "line 2 — Unimog × 12", "line 2 — … and 3 other lines"
    status: Status
    message: str


def key_reason_rows(a: Assessment, lang: str, limit: int = 5) -> list[ReasonRow]:
    """The few findings that drive the verdict, worst first, one per rule: what a reader needs
    to see on the first page to understand the answer."""
    labels = line_labels(a)
    by_rule: dict[str, list[Finding]] = {}
    for f in (*a.offer_findings, *a.findings):
        if f.status in (Status.FAIL, Status.WARN):
            by_rule.setdefault(f.rule_id, []).append(f)

    def weight(f: Finding) -> tuple[int, int, float]:
        lost = f.weight * (100.0 - (f.score if f.score is not None else 50.0))
        return (not f.knockout, _SEVERITY[f.status], -lost)

    worst = sorted((min(fs, key=weight) for fs in by_rule.values()), key=weight)[:limit]
    rows = []
    for f in worst:
        place = where(f.line, labels, lang)
        others = len({g.line for g in by_rule[f.rule_id]}) - 1
        if others > 0:
            place += " " + (
                label("and_one_other_line", lang)
                if others == 1
                else label("and_other_lines", lang, n=str(others))
            )
        rows.append(ReasonRow(f.rule_id, f.title.get(lang), place, f.status, f.message.get(lang)))
    return rows


# ---------------------------------------------------------------- lines, conditions, proposals


def line_labels(a: Assessment) -> dict[int, str]:
    return {line.index: line.label for line in a.lines}


def where(line: int | None, labels: dict[int, str], lang: str) -> str:
    """`line 3 — Toyota Land Cruiser 79 × 20`, or `whole offer`."""
    if line is None:
        return label("whole_offer", lang)
    name = labels.get(line, "")
    head = label("line_n", lang, n=str(line + 1))
    return f"{head} — {name}" if name else head


@dataclass(frozen=True)
class ConditionRow:
    rule_id: str
    where: str
    text: str
    removes_knockout: bool


def condition_rows(a: Assessment, lang: str) -> list[ConditionRow]:
    """One row per distinct condition; the same wording asked for several lines is listed once
    with its lines (a 300-line offer must not repeat one sentence 300 times)."""
    labels = line_labels(a)
    grouped: dict[tuple[str, str, bool], list[int | None]] = {}
    for c in _ordered_conditions(a.conditions):
        grouped.setdefault((c.rule_id, c.text.get(lang), c.removes_knockout), []).append(c.line)
    rows = []
    for (rule_id, text, lifts), lines in grouped.items():
        if len(lines) == 1 or None in lines:
            place = where(lines[0] if len(lines) == 1 else None, labels, lang)
        else:
            place = lines_list([n for n in lines if n is not None], lang)
        rows.append(ConditionRow(rule_id, place, text, lifts))
    return rows


def lines_list(lines: Sequence[int], lang: str, limit: int = 12) -> str:
    """`lines 3, 6, 9 and 12 more` for 0-based line indexes."""
    numbers = sorted({n + 1 for n in lines})
    shown = ", ".join(str(n) for n in numbers[:limit])
    text = f"{label('lines_word', lang)} {shown}"
    if len(numbers) > limit:
        text += " " + label("and_more", lang, n=str(len(numbers) - limit))
    return text


def _ordered_conditions(conditions: Iterable[Condition]) -> list[Condition]:
    # Conditions that lift a blocking criterion come first: without them the answer is no.
    return sorted(conditions, key=lambda c: (not c.removes_knockout, c.line is not None))


@dataclass(frozen=True)
class CounterRow:
    where: str
    offered: str
    absorbable: str
    limiting: str
    alternative: str


def counter_rows(a: Assessment, lang: str) -> list[CounterRow]:
    """Counter-proposals that change something: fewer units than offered, or another model.
    A line the recipient can absorb as offered is not a counter-proposal and is left out."""
    labels = line_labels(a)
    rows = []
    for cp in a.counter_proposals:
        fewer = cp.absorbable is not None and cp.absorbable < cp.offered
        if not (fewer or cp.alternative or (cp.absorbable is None and cp.limiting_factor)):
            continue
        alt = cp.alternative or ""
        if cp.alternative_reason:
            reason = cp.alternative_reason.get(lang).strip()
            # Rule texts often restate the model ("Ural 4320: 32 in service"): say it once.
            if alt and reason.casefold().startswith(alt.casefold()):
                reason = reason[len(alt) :].lstrip(" :—-–")
            alt = f"{alt} — {reason}" if alt and reason else alt or reason
        rows.append(
            CounterRow(
                where=where(cp.line, labels, lang),
                offered=fmt_number(cp.offered, lang, 0),
                absorbable=fmt_number(cp.absorbable, lang, 0),
                limiting=cp.limiting_factor.get(lang) if cp.limiting_factor else "",
                alternative=alt,
            )
        )
    return rows


@dataclass(frozen=True)
class LineRow:
    number: str
    item: str
    score: str
    verdict: str
    main_finding: str


def line_rows(a: Assessment, lang: str) -> list[LineRow]:
    by_key = {(f.rule_id, f.line): f for f in a.findings}
    rows = []
    for line in a.lines:
        main = ""
        if line.main_finding:
            f = by_key.get((line.main_finding, line.index))
            main = (
                f"{line.main_finding}{colon(lang)} {f.message.get(lang)}"
                if f
                else line.main_finding
            )
        rows.append(
            LineRow(
                number=str(line.index + 1),
                item=line.label,
                score=fmt_score(line.score, lang),
                verdict=verdict_name(line.verdict, lang),
                main_finding=main,
            )
        )
    return rows


# ---------------------------------------------------------------- families and findings


@dataclass(frozen=True)
class FamilyRow:
    key: str
    name: str
    score: float | None
    score_text: str
    weight_text: str


def family_rows(a: Assessment, lang: str) -> list[FamilyRow]:
    keys = list(a.families)
    keys += [k for k in a.family_weights if k not in a.families]
    total = sum(w for w in a.family_weights.values() if w > 0) or 1.0
    rows = []
    for key in keys:
        score = a.families.get(key)
        weight = a.family_weights.get(key)
        rows.append(
            FamilyRow(
                key=key,
                name=family_name(key, lang),
                score=score,
                score_text=fmt_score(score, lang),
                weight_text=(
                    f"{fmt_number(weight, lang)} ({fmt_percent(weight / total, lang)})"
                    if weight is not None
                    else unknown(lang)
                ),
            )
        )
    return rows


def colon(lang: str) -> str:
    """French typography puts a (no-break) space before a colon."""
    return f"{NBSP}:" if lang == "fr" else ":"


def format_value(value: object, lang: str, key: str = "") -> str:
    if value is None:
        return unknown(lang)
    if isinstance(value, bool):
        return _yes_no(value, lang)
    if isinstance(value, int) and "year" in key.lower() and 1000 <= value <= 9999:
        return str(value)  # a model year, not a quantity: no thousands separator
    if isinstance(value, int | float):
        return fmt_number(value, lang)
    return str(value)


def format_evidence(ev: Evidence, lang: str) -> str:
    """`Serviceable units of this model: 14 units`."""
    unit = f"{NBSP}{ev.unit}" if ev.unit and ev.value is not None else ""
    return f"{ev.label.get(lang)}{colon(lang)} {format_value(ev.value, lang, ev.key)}{unit}"


def format_row_refs(refs: Sequence[RowRef], lang: str) -> str:
    """`inventory rows: Parc 12, 15, 18 and 4 more` — where a reader checks the number."""
    if not refs:
        return ""
    shown = refs[:MAX_ROW_REFS]
    by_sheet: dict[str, list[str]] = {}
    for ref in shown:
        by_sheet.setdefault(ref.sheet or ref.table, []).append(str(ref.row))
    parts = [f"{sheet} {', '.join(rows)}" for sheet, rows in by_sheet.items()]
    text = f"{label('inventory_rows', lang)}{colon(lang)} {'; '.join(parts)}"
    if len(refs) > MAX_ROW_REFS:
        text += " " + label("and_more", lang, n=str(len(refs) - MAX_ROW_REFS))
    return text


@dataclass(frozen=True)
class FindingRow:
    where: str
    status: Status
    result: str  # "fail · 20/100" or "blocking fail · 0/100"
    message: str
    evidence: tuple[str, ...]
    condition: str


@dataclass(frozen=True)
class RuleGroup:
    rule_id: str
    title: str
    sources: tuple[str, ...]
    worst: Status
    rows: tuple[FindingRow, ...]


@dataclass(frozen=True)
class FamilyGroup:
    key: str
    name: str
    score_text: str
    rules: tuple[RuleGroup, ...]


_SEVERITY = {Status.FAIL: 0, Status.WARN: 1, Status.UNKNOWN: 2, Status.PASS: 3}


def finding_row(f: Finding, labels: dict[int, str], lang: str) -> FindingRow:
    result = status_name(f.status, lang)
    if f.knockout:
        result = f"{result} ({label('knockout_tag', lang)})"
    # Offer-level effects carry no weight: they inform, they are not scored.
    if f.weight == 0 and f.score is None:
        result += f" · {label('for_information', lang)}"
    else:
        result += f" · {fmt_score(f.score, lang)}"
    evidence = [format_evidence(ev, lang) for ev in f.evidence]
    refs = [r for ev in f.evidence for r in ev.rows]
    if refs:
        evidence.append(format_row_refs(refs, lang))
    return FindingRow(
        where=where(f.line, labels, lang),
        status=f.status,
        result=result,
        message=f.message.get(lang),
        evidence=tuple(evidence),
        condition=f.condition.text.get(lang) if f.condition else "",
    )


def finding_groups(a: Assessment, lang: str) -> list[FamilyGroup]:
    """Findings by family, then by rule (worst first); within a rule, one row per line."""
    labels = line_labels(a)
    families: dict[str, dict[str, list[Finding]]] = {}
    for f in (*a.offer_findings, *a.findings):
        families.setdefault(f.family, {}).setdefault(f.rule_id, []).append(f)
    order = [k for k in a.families if k in families] + [k for k in families if k not in a.families]
    groups = []
    for key in order:
        rules = []
        for rule_id, items in families[key].items():
            items.sort(key=lambda f: (f.line is not None, f.line or 0))
            worst = min((f.status for f in items), key=_SEVERITY.__getitem__)
            sources = tuple(dict.fromkeys(f.source.strip() for f in items if f.source.strip()))
            rules.append(
                RuleGroup(
                    rule_id=rule_id,
                    title=items[0].title.get(lang),
                    sources=sources,
                    worst=worst,
                    rows=tuple(finding_row(f, labels, lang) for f in items),
                )
            )
        rules.sort(key=lambda g: (_SEVERITY[g.worst], g.rule_id))
        groups.append(
            FamilyGroup(
                key=key,
                name=family_name(key, lang),
                score_text=fmt_score(a.families.get(key), lang),
                rules=tuple(rules),
            )
        )
    return groups


# ---------------------------------------------------------------- fleet impact


@dataclass(frozen=True)
class FleetRow:
    category: str
    models_before: str
    models_after: str
    units_before: str
    units_after: str
    new_models: str


def fleet_rows(impacts: Sequence[CategoryImpact], lang: str, share: bool) -> list[FleetRow]:
    rows = []
    for c in impacts:
        if share:
            mb, ma = model_count_band(c.models_before, lang), model_count_band(c.models_after, lang)
            ub = ua = label("withheld", lang)
        else:
            mb, ma = fmt_number(c.models_before, lang, 0), fmt_number(c.models_after, lang, 0)
            ub, ua = fmt_number(c.units_before, lang, 0), fmt_number(c.units_after, lang, 0)
        rows.append(FleetRow(c.category, mb, ma, ub, ua, ", ".join(c.new_models)))
    return rows


# ---------------------------------------------------------------- life-cycle cost


@dataclass(frozen=True)
class CostRow:
    """Amounts in the life-cycle currency, which the table states once in its caption."""

    year: str
    fuel: str
    maintenance: str
    parts: str
    total: str
    headroom: str
    share: str
    exceeds: bool  # the year's cost is above the budget headroom


def _amount(x: float | None, lang: str) -> str:
    return fmt_number(x, lang, decimals=0)


def _headroom_cells(y: CostYear, lang: str, share: bool) -> tuple[str, str]:
    if y.headroom is None:
        return unknown(lang), unknown(lang)
    if y.total is None:
        return (label("withheld", lang) if share else _amount(y.headroom, lang)), unknown(lang)
    fits = y.total <= y.headroom
    verdict = label("within_headroom" if fits else "exceeds_headroom", lang)
    if share:
        return label("withheld", lang), verdict
    if y.headroom <= 0:
        return _amount(y.headroom, lang), verdict
    return _amount(y.headroom, lang), fmt_percent(y.total / y.headroom, lang)


def cost_year_rows(a: Assessment, lang: str, share: bool) -> list[CostRow]:
    lc = a.lifecycle
    if lc is None:
        return []
    rows = []
    for y in lc.totals:
        headroom, ratio = _headroom_cells(y, lang, share)
        rows.append(
            CostRow(
                year=str(y.year),
                fuel=_amount(y.fuel, lang),
                maintenance=_amount(y.maintenance, lang),
                parts=_amount(y.parts, lang),
                total=_amount(y.total, lang),
                headroom=headroom,
                share=ratio,
                exceeds=y.headroom is not None and y.total is not None and y.total > y.headroom,
            )
        )
    return rows


def cost_currency(a: Assessment) -> str | None:
    return (a.lifecycle.currency if a.lifecycle else None) or a.currency


def cost_line_rows(a: Assessment, lang: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of total cost per line and per year, with a total column."""
    lc = a.lifecycle
    if lc is None or not lc.lines:
        return [], []
    years = sorted({y.year for line in lc.lines for y in line.years})
    labels = line_labels(a)
    header = [label("line", lang)] + [label("year_n", lang, n=str(y)) for y in years]
    header.append(label("total", lang))
    rows = []
    for line in lc.lines:
        per_year = {y.year: y.total for y in line.years}
        cells = [where(line.line, labels, lang)]
        cells += [_amount(per_year.get(y), lang) for y in years]
        known = [v for v in per_year.values() if v is not None]
        cells.append(_amount(sum(known) if len(known) == len(per_year) else None, lang))
        rows.append(cells)
    return header, rows


@dataclass(frozen=True)
class SensitivityRow:
    family: str
    weight: str
    change: str
    verdict_after: str


def sensitivity_rows(a: Assessment, lang: str) -> list[SensitivityRow]:
    if a.sensitivity is None:
        return []
    rows = []
    for fs in a.sensitivity.families:
        change = (
            fmt_percent(fs.change_needed, lang)
            if fs.change_needed is not None
            else label("none_flips", lang)
        )
        if fs.change_needed is not None and fs.change_needed > 0:
            change = "+" + change
        rows.append(
            SensitivityRow(
                family=family_name(fs.family, lang),
                weight=fmt_number(fs.weight, lang),
                change=change,
                verdict_after=verdict_name(fs.verdict_after, lang) if fs.verdict_after else "—",
            )
        )
    return rows


# ---------------------------------------------------------------- annex


@dataclass(frozen=True)
class InputRow:
    role: str
    name: str
    sha256: str
    imported: str
    rejected: str


def input_rows(a: Assessment, lang: str, share: bool) -> list[InputRow]:
    rows = []
    for rec in a.inputs:
        role_key = f"role_{rec.role}"
        role = label(role_key, lang) if role_key in _ROLE_KEYS else rec.role
        name, imported, rejected = (
            rec.name,
            fmt_number(rec.rows_imported, lang, 0) if rec.rows_imported is not None else "—",
            fmt_number(rec.rows_rejected, lang, 0) if rec.rows_rejected is not None else "—",
        )
        if share and rec.role == "inventory":
            # The file name often carries a unit or a garrison; row counts hint at fleet size.
            name = label("recipient_inventory", lang)
            imported = rejected = label("withheld", lang)
        rows.append(InputRow(role, name, rec.sha256 or unknown(lang), imported, rejected))
    return rows


_ROLE_KEYS = {"role_inventory", "role_offer", "role_rules"}


def ruleset_rows(a: Assessment, lang: str) -> list[tuple[str, str]]:
    return [
        (label("ruleset", lang), or_unknown(a.ruleset_name, lang)),
        (label("version", lang), or_unknown(a.ruleset_version, lang)),
        ("SHA-256", or_unknown(a.ruleset_sha256, lang)),
    ]
