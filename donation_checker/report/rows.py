"""Assessment → plain rows of display text, in the report's language.

Pure functions with no reportlab in sight, so the content of every table can be tested without
building a PDF. Strings here are raw (unescaped); the PDF layer escapes them.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..assessment import (
    Assessment,
    CategoryImpact,
    Condition,
    CostYear,
    CounterProposal,
    Evidence,
    Finding,
    LineCost,
    RowRef,
    Status,
)
from ..formatting import (
    fmt_date,
    fmt_number,
    fmt_percent,
    fmt_score,
    unknown,
)
from ..messages import count, money, text
from ..render import Renderer, renderer
from ..table_gaps import gap_lines
from .texts import family_name, label, status_name, verdict_name

# Rows are written for a reader: a language ("en", "fr"), or a renderer, which also knows
# whether the text goes to a donor (the shareable version).
Reader = str | Renderer


def view(reader: Reader) -> Renderer:
    return reader if isinstance(reader, Renderer) else renderer(reader)


MAX_ROW_REFS = 8  # row numbers listed per evidence item before "and N more"

# Above this many offer lines the report summarises: per rule, counts and the worst few lines;
# per-line lists cut to the top few. The Excel export keeps every line in full.
DETAIL_LINES = 20
WORST_SHOWN = 5  # lines detailed per rule in a summarised report
TOP_SHOWN = 10  # rows of a per-line list (costs, counter-proposals) in a summarised report
WORDINGS_SHOWN = 2  # wordings of one condition listed in a summarised report


@dataclass(frozen=True)
class ReportMeta:
    """What the person generating the report adds to the assessment."""

    lang: str = "en"
    share: bool = False
    marking: str = ""
    author: str = ""
    organisation: str = ""
    generated: dt.date | None = None
    detail_lines: int = DETAIL_LINES

    def summarised(self, a: Assessment) -> bool:
        """True when the offer is too long for a per-line report to stay readable."""
        return len(a.lines) > self.detail_lines


def _yes_no(value: bool, lang: str) -> str:
    return renderer(lang).word("general.yes" if value else "general.no")


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
    if a.score_range is not None and a.score_range[1] > a.score_range[0]:
        low, high = a.score_range
        rows.append(
            (label("score_with_missing", lang), f"{fmt_score(low, lang)} – {fmt_score(high, lang)}")
        )
    if a.knockouts:
        rows.append((label("knockouts", lang), ", ".join(a.knockouts)))
    if a.tables_not_found:
        rows.append(
            (label("tables_not_found", lang), " ".join(gap_lines(a.tables_not_found, lang)))
        )
    return rows


@dataclass(frozen=True)
class ReasonRow:
    rule_id: str
    title: str
    where: str  # "line 2 — Unimog × 12", "line 2 — … and 3 other lines"
    status: Status
    message: str


def key_reason_rows(a: Assessment, reader: Reader, limit: int = 5) -> list[ReasonRow]:
    """The few findings that drive the verdict, worst first, one per rule: what a reader needs
    to see on the first page to understand the answer."""
    r = view(reader)
    lang = r.lang
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
        rows.append(ReasonRow(f.rule_id, f.title.get(lang), place, f.status, r.message(f.message)))
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


def _grouped_conditions(
    a: Assessment, reader: Reader
) -> dict[tuple[str, str, bool], list[int | None]]:
    r = view(reader)
    grouped: dict[tuple[str, str, bool], list[int | None]] = {}
    for c in _ordered_conditions(a.conditions):
        grouped.setdefault((c.rule_id, r.message(c.text), c.removes_knockout), []).append(c.line)
    return grouped


def _condition_row(
    key: tuple[str, str, bool],
    lines: list[int | None],
    labels: dict[int, str],
    lang: str,
    limit: int | None,
) -> ConditionRow:
    rule_id, text, lifts = key
    if len(lines) == 1 or None in lines:
        place = where(lines[0] if len(lines) == 1 else None, labels, lang)
    else:
        place = lines_list([n for n in lines if n is not None], lang, limit)
    return ConditionRow(rule_id, place, text, lifts)


def condition_rows(a: Assessment, reader: Reader, limit: int | None = 12) -> list[ConditionRow]:
    """One row per distinct condition; the same wording asked for several lines is listed once
    with its lines (a 300-line offer must not repeat one sentence 300 times). `limit` caps the
    line numbers listed per row (None lists them all, for the Excel export)."""
    labels = line_labels(a)
    lang = view(reader).lang
    return [
        _condition_row(key, lines, labels, lang, limit)
        for key, lines in _grouped_conditions(a, reader).items()
    ]


@dataclass(frozen=True)
class ConditionSummary:
    rows: list[ConditionRow]
    other_wordings: int  # wordings left out of the report (all in the Excel export)
    other_lines: int  # distinct lines those wordings apply to


def condition_summary(
    a: Assessment, reader: Reader, per_rule: int = WORDINGS_SHOWN
) -> ConditionSummary:
    """For a long offer: per rule, the `per_rule` wordings that apply to the most lines.
    Wordings of one rule often differ only by a quantity ("convert the 12 vehicles"), so the
    examples tell the reader what is asked and the Excel export lists every line."""
    labels = line_labels(a)
    lang = view(reader).lang
    by_rule: dict[tuple[str, bool], list[tuple[tuple[str, str, bool], list[int | None]]]] = {}
    for key, lines in _grouped_conditions(a, reader).items():
        by_rule.setdefault((key[0], key[2]), []).append((key, lines))
    rows: list[ConditionRow] = []
    other_wordings = 0
    other_lines: set[int | None] = set()
    for items in by_rule.values():
        items.sort(key=lambda kl: -len(kl[1]))  # stable: ties keep the order of the offer
        for key, lines in items[:per_rule]:
            rows.append(_condition_row(key, lines, labels, lang, 12))
        for _, lines in items[per_rule:]:
            other_wordings += 1
            other_lines.update(lines)
    return ConditionSummary(rows, other_wordings, len(other_lines))


def lines_list(lines: Sequence[int], lang: str, limit: int | None = 12) -> str:
    """`lines 3, 6, 9 and 12 more` for 0-based line indexes (every line when limit is None)."""
    numbers = sorted({n + 1 for n in lines})
    cap = len(numbers) if limit is None else limit
    shown = ", ".join(str(n) for n in numbers[:cap])
    text = f"{label('lines_word', lang)} {shown}"
    if len(numbers) > cap:
        text += " " + label("and_more", lang, n=str(len(numbers) - cap))
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


def _changes_something(cp: CounterProposal) -> bool:
    fewer = cp.absorbable is not None and cp.absorbable < cp.offered
    return bool(fewer or cp.alternative or (cp.absorbable is None and cp.limiting_factor))


def _units_cut(cp: CounterProposal) -> float:
    return cp.offered - (cp.absorbable if cp.absorbable is not None else 0)


def counter_rows(a: Assessment, reader: Reader, limit: int | None = None) -> list[CounterRow]:
    """Counter-proposals that change something: fewer units than offered, or another model.
    A line the recipient can absorb as offered is not a counter-proposal and is left out.
    With a `limit`, only the proposals that cut the most units are kept (largest first)."""
    labels = line_labels(a)
    r = view(reader)
    lang = r.lang
    chosen = [cp for cp in a.counter_proposals if _changes_something(cp)]
    if limit is not None and len(chosen) > limit:
        chosen = heapq.nsmallest(limit, chosen, key=lambda cp: -_units_cut(cp))
    rows = []
    for cp in chosen:
        name = "" if cp.alternative is None else r.value(cp.alternative)
        reason = r.message(cp.alternative_reason).strip()
        # The catalogue's reason names the model itself: say it once.
        alt = reason if name in reason else f"{name} — {reason}" if name and reason else name
        alt = alt or reason
        rows.append(
            CounterRow(
                where=where(cp.line, labels, lang),
                offered=fmt_number(cp.offered, lang, 0),
                absorbable=fmt_number(cp.absorbable, lang, 0),
                limiting=r.message(cp.limiting_factor),
                alternative=alt,
            )
        )
    return rows


def counter_count(a: Assessment) -> int:
    return sum(1 for cp in a.counter_proposals if _changes_something(cp))


@dataclass(frozen=True)
class LineRow:
    number: str
    item: str
    score: str
    verdict: str
    main_finding: str


def main_findings(a: Assessment) -> dict[int, Finding]:
    """Each line's main finding: the rule's finding on that line, or, when the rule judges the
    offer as a whole (a budget, a fleet count), its whole-offer finding."""
    by_key = {(f.rule_id, f.line): f for f in (*a.offer_findings, *a.findings)}
    out = {}
    for line in a.lines:
        if line.main_finding:
            f = by_key.get((line.main_finding, line.index)) or by_key.get((line.main_finding, None))
            if f is not None:
                out[line.index] = f
    return out


def line_rows(a: Assessment, reader: Reader) -> list[LineRow]:
    r = view(reader)
    lang = r.lang
    found = main_findings(a)
    rows = []
    for line in a.lines:
        main = line.main_finding or ""
        f = found.get(line.index)
        if f is not None:
            main = f"{main}{colon(lang)} {r.message(f.message)}"
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
                name=family_name(key, lang, a.family_titles),
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
    """The colon after a label (French puts a no-break space before it)."""
    return label("colon", lang)


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


def format_evidence(ev: Evidence, reader: Reader) -> str:
    """`Serviceable units of this model: 14`."""
    return view(reader).evidence(ev)


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
    # Set when the rule is summarised: lines per status (worst first), the range of the line
    # scores ("20–100/100"), and how many line findings are left to the Excel export.
    counts: tuple[tuple[Status, int], ...] = ()
    score_range: str = ""
    hidden: int = 0


@dataclass(frozen=True)
class FamilyGroup:
    key: str
    name: str
    score_text: str
    rules: tuple[RuleGroup, ...]


_SEVERITY = {Status.FAIL: 0, Status.WARN: 1, Status.UNKNOWN: 2, Status.PASS: 3}


def finding_row(f: Finding, labels: dict[int, str], reader: Reader) -> FindingRow:
    r = view(reader)
    lang = r.lang
    result = status_name(f.status, lang)
    if f.knockout:
        result = f"{result} ({label('knockout_tag', lang)})"
    # Offer-level effects carry no weight: they inform, they are not scored.
    if f.weight == 0 and f.score is None:
        result += f" · {label('for_information', lang)}"
    else:
        result += f" · {fmt_score(f.score, lang)}"
    evidence = [r.evidence(ev) for ev in f.evidence]
    refs = [ref for ev in f.evidence for ref in r.row_refs(ev.rows)]
    if refs:
        evidence.append(format_row_refs(refs, lang))
    return FindingRow(
        where=where(f.line, labels, lang),
        status=f.status,
        result=result,
        message=r.message(f.message),
        evidence=tuple(evidence),
        condition=r.message(f.condition.text) if f.condition else "",
    )


def _worst_first(f: Finding) -> tuple[int, float, int]:
    # Lowest score first within a status; a line without a score sorts after the scored ones.
    return (_SEVERITY[f.status], f.score if f.score is not None else 101.0, f.line or 0)


def _score_range(items: Sequence[Finding], lang: str) -> str:
    scores = [f.score for f in items if f.score is not None]
    if not scores:
        return unknown(lang)
    low, high = min(scores), max(scores)
    if round(low) == round(high):
        return fmt_score(low, lang)
    return f"{fmt_number(low, lang, 0)}–{fmt_score(high, lang)}"


def _rule_group(
    rule_id: str, items: list[Finding], labels: dict[int, str], reader: Reader, worst: int | None
) -> RuleGroup:
    lang = view(reader).lang
    # A rule of a long offer has one finding per line: distinct values are gathered first.
    status = min({f.status for f in items}, key=_SEVERITY.__getitem__)
    stripped = (s.get(lang).strip() for s in dict.fromkeys(f.source for f in items))
    sources = tuple(dict.fromkeys(s for s in stripped if s))
    title = items[0].title.get(lang)
    if worst is None:
        items.sort(key=lambda f: (f.line is not None, f.line or 0))
        rows = tuple(finding_row(f, labels, reader) for f in items)
        return RuleGroup(rule_id, title, sources, status, rows)
    # Summarised: whole-offer findings always; of the line findings, the worst few that did not
    # pass (a passing line needs no explanation in a summary).
    offer = [f for f in items if f.line is None]
    per_line = [f for f in items if f.line is not None]
    failing = [f for f in per_line if f.status is not Status.PASS]
    shown = heapq.nsmallest(worst, failing, key=_worst_first)
    counts = Counter(f.status for f in per_line)
    return RuleGroup(
        rule_id,
        title,
        sources,
        status,
        tuple(finding_row(f, labels, reader) for f in (*offer, *shown)),
        counts=tuple(sorted(counts.items(), key=lambda kv: _SEVERITY[kv[0]])),
        score_range=_score_range(per_line, lang) if per_line else "",
        hidden=len(per_line) - len(shown),
    )


def finding_groups(a: Assessment, reader: Reader, worst: int | None = None) -> list[FamilyGroup]:
    """Findings by family, then by rule (worst first); within a rule, one row per line — or,
    with `worst`, a count per status and only the `worst` lowest-scoring lines that did not pass.
    """
    labels = line_labels(a)
    lang = view(reader).lang
    families: dict[str, dict[str, list[Finding]]] = {}
    for f in (*a.offer_findings, *a.findings):
        families.setdefault(f.family, {}).setdefault(f.rule_id, []).append(f)
    order = [k for k in a.families if k in families] + [k for k in families if k not in a.families]
    groups = []
    for key in order:
        rules = [
            _rule_group(rule_id, items, labels, reader, worst)
            for rule_id, items in families[key].items()
        ]
        rules.sort(key=lambda g: (_SEVERITY[g.worst], g.rule_id))
        groups.append(
            FamilyGroup(
                key=key,
                name=family_name(key, lang, a.family_titles),
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


def fleet_rows(impacts: Sequence[CategoryImpact], reader: Reader) -> list[FleetRow]:
    r = view(reader)
    rows = []
    for c in impacts:
        units = count(c.units_before, "holdings")
        models = count(c.models_before, "holdings")
        rows.append(
            FleetRow(
                r.value(c.title) if c.title is not None else c.category,
                r.value(models),
                r.value(count(c.models_after, derived_from=(models,))),
                r.value(units),
                r.value(count(c.units_after, derived_from=(units,))),
                ", ".join(c.new_models),
            )
        )
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


def _headroom_cells(y: CostYear, r: Renderer) -> tuple[str, str]:
    """The uncommitted budget and the share of it the year's cost takes. Both state the
    recipient's budget: the shareable version bands the one and says only whether it fits."""
    lang = r.lang
    room = money(y.headroom, None, "budget")
    if y.headroom is None:
        return unknown(lang), unknown(lang)
    shown = r.band(room) if r.hidden(room) else _amount(y.headroom, lang)
    if y.total is None:
        return shown, unknown(lang)
    fits = y.total <= y.headroom
    verdict = label("within_headroom" if fits else "exceeds_headroom", lang)
    if y.headroom <= 0 or r.hidden(room):
        return shown, verdict
    return shown, fmt_percent(y.total / y.headroom, lang)


def cost_year_rows(a: Assessment, reader: Reader) -> list[CostRow]:
    r = view(reader)
    lang = r.lang
    lc = a.lifecycle
    if lc is None:
        return []
    rows = []
    for y in lc.totals:
        headroom, ratio = _headroom_cells(y, r)
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


def _line_total(line: LineCost) -> float | None:
    """The line's cost over the horizon, or None when any year is unknown (never a partial sum)."""
    totals = [y.total for y in line.years]
    return None if any(t is None for t in totals) else sum(t for t in totals if t is not None)


def cost_line_rows(
    a: Assessment, lang: str, limit: int | None = None
) -> tuple[list[str], list[list[str]]]:
    """Header and rows of total cost per line and per year, with a total column. With a
    `limit`, the costliest lines only (lines of unknown cost are not ranked)."""
    lc = a.lifecycle
    if lc is None or not lc.lines:
        return [], []
    years = sorted({y.year for line in lc.lines for y in line.years})
    labels = line_labels(a)
    header = [label("line", lang)] + [label("year_n", lang, n=str(y)) for y in years]
    header.append(label("total", lang))
    lines = list(lc.lines)
    if limit is not None and len(lines) > limit:
        known = [(t, line) for line in lines if (t := _line_total(line)) is not None]
        lines = [line for _, line in heapq.nlargest(limit, known, key=lambda tl: tl[0])]
    rows = []
    for line in lines:
        per_year = {y.year: y.total for y in line.years}
        cells = [where(line.line, labels, lang)]
        cells += [_amount(per_year.get(y), lang) for y in years]
        cells.append(_amount(_line_total(line), lang))
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
                family=family_name(fs.family, lang, a.family_titles),
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


def input_rows(a: Assessment, reader: Reader) -> list[InputRow]:
    r = view(reader)
    lang = r.lang
    rows = []
    for rec in a.inputs:
        role_key = f"role_{rec.role}"
        role = label(role_key, lang) if role_key in _ROLE_KEYS else rec.role
        if rec.user:
            role = label("from_user_folder", lang, role=role)
        # The inventory's file name often carries a unit or a garrison, its row counts hint at
        # the fleet's size, and its fingerprint confirms a guess: all are the recipient's.
        topic = "holdings" if rec.role == "inventory" else ""
        name = text(rec.name, topic)
        shown_name = label("recipient_inventory", lang) if r.hidden(name) else rec.name
        imported, rejected = (
            r.value(count(n, topic)) if n is not None else "—"
            for n in (rec.rows_imported, rec.rows_rejected)
        )
        sha = text(rec.sha256 or None, topic)
        rows.append(InputRow(role, shown_name, r.value(sha), imported, rejected))
    return rows


_ROLE_KEYS = {
    "role_inventory",
    "role_offer",
    "role_rules",
    "role_vocabulary",
    "role_aliases",
    "role_messages",
}


def ruleset_name(a: Assessment, lang: str) -> str:
    return a.ruleset_title.get(lang) if a.ruleset_title is not None else a.ruleset_name


def ruleset_rows(a: Assessment, lang: str) -> list[tuple[str, str]]:
    return [
        (label("ruleset", lang), or_unknown(ruleset_name(a, lang), lang)),
        (label("version", lang), or_unknown(a.ruleset_version, lang)),
        ("SHA-256", or_unknown(a.ruleset_sha256, lang)),
    ]
