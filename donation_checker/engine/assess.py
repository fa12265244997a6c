"""assess(): run every rule on every offer line and put the assessment together. Pure: no I/O.

Lines that agree on everything a rule reads (its kind's line key) share one outcome, so a long
offer of a few models costs little more than a short one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..assessment import Assessment, Condition, Finding, InputRecord, LineAssessment, Status
from ..gcpause import paused_gc
from ..messages import (
    Message,
    Value,
    category,
    count,
    loose,
    make,
    model,
    msg,
    number,
    templated,
    untyped,
    wording,
)
from ..messages import text as text_value
from ..model import Inventory, Offer
from ..normalise import ModelNames
from .aggregate import Basis, Totals, Whole, basis, decide, line_ceiling, line_shares
from .context import Context, LineInfo, exact
from .counter import counter_proposal
from .impact import category_impacts, offer_findings
from .lifecycle import lifecycle, recipient_currency
from .registry import COMMON_PLACEHOLDERS, KINDS, KindSpec, Outcome
from .sensitivity import sensitivity
from .wording import placeholders

if TYPE_CHECKING:
    from ..ruleset import Rule, RuleSet


def _status(score: float | None, rule: Rule, ruleset: RuleSet) -> Status:
    if score is None:
        return Status.UNKNOWN
    pass_at = rule.params.get("pass_at")
    fail_below = rule.params.get("fail_below")
    pass_at = float(ruleset.param("pass_at", 75) if pass_at is None else pass_at)
    fail_below = float(ruleset.param("fail_below", 40) if fail_below is None else fail_below)
    if score >= pass_at:
        return Status.PASS
    return Status.FAIL if score < fail_below else Status.WARN


# The line values a condition text may name, read from a line.
LINE_VALUES: dict[str, Callable[[LineInfo], Any]] = {
    "category": lambda i: i.cat_title,
    "make": lambda i: i.make,
    "model": lambda i: i.model,
    "qty": lambda i: i.qty,
    "line": lambda i: i.index + 1,
    "label": lambda i: i.label,
}


def _common_values(ctx: Context, info: LineInfo | None) -> dict[str, Value]:
    if info is None:
        return {
            "category": text_value(""),
            "make": make(""),
            "model": model(""),
            "qty": count(sum(i.qty for i in ctx.lines)),
            "line": text_value(""),
            "label": text_value(ctx.offer.header.reference or ""),
        }
    return {
        "category": category(info.cat_title),
        "make": make(info.make),
        "model": model(info.model),
        "qty": count(info.qty),
        "line": number(info.index + 1),
        "label": text_value(info.label),
    }


@dataclass(frozen=True)
class _Judged:
    """What the engine makes of an outcome, the same for every line that shares it."""

    outcome: Outcome
    knockout: bool
    wants_condition: bool
    mandatory: bool
    finding: Finding  # with no line and no condition: each line copies it with its own

    @property
    def tally(self) -> Hashable:
        """All a line's score and verdict read from this finding (with the rule's place)."""
        f = self.finding
        return (
            exact(f.score),
            f.status,
            exact(f.weight),
            f.knockout,
            self.wants_condition,
            self.mandatory,
        )


def _judge(rule: Rule, ruleset: RuleSet, outcome: Outcome) -> _Judged:
    status = outcome.status or _status(outcome.score, rule, ruleset)
    # What is not known is judged at its worst case: it asks for the figure as a condition,
    # and a critical rule's knock-out counts as met.
    wants = status in (Status.FAIL, Status.WARN, Status.UNKNOWN)
    knockout = rule.knockout and (
        (outcome.knockout and status is Status.FAIL)
        or (status is Status.UNKNOWN and rule.critical and outcome.applicable)
    )
    mandatory = (
        status in (Status.FAIL, Status.UNKNOWN)
        or knockout
        or (status is Status.WARN and rule.condition_mandatory)
    )
    finding = Finding(
        rule_id=rule.id,
        family=rule.family,
        title=rule.title,
        line=None,
        score=None if outcome.score is None else round(float(outcome.score), 2),
        status=status,
        weight=rule.weight if outcome.applicable else 0.0,
        knockout=knockout,
        message=untyped(outcome.message),
        evidence=outcome.evidence,
        source=rule.source,
    )
    return _Judged(outcome, knockout, outcome.applicable and wants, mandatory, finding)


def _condition_text(rule: Rule, values: dict[str, Any], outcome: Outcome) -> Message:
    if outcome.score is None and not rule.condition_when_unknown:
        # The rule's own text needs the figures that are missing: ask for them instead.
        return msg("condition.establish", title=wording(rule.title), need=untyped(outcome.message))
    # Only the values the text names: lines that share a text share its message too.
    named = placeholders(rule.condition.en) | placeholders(rule.condition.fr)
    return templated(
        f"condition.{rule.id}",
        rule.condition,
        {k: loose(v) for k, v in values.items() if k in named},
    )


def _finding(rule: Rule, ctx: Context, info: LineInfo | None, outcome: Outcome) -> Finding:
    j = _judge(rule, ctx.ruleset, outcome)
    line = None if info is None else info.index
    condition = None
    if j.wants_condition:
        values = {**_common_values(ctx, info), **outcome.values}
        condition = Condition(
            rule.id,
            line,
            _condition_text(rule, values, outcome),
            removes_knockout=j.knockout and rule.knockout_removable,
            mandatory=j.mandatory,
        )
    return replace(j.finding, line=line, condition=condition)


def _line_findings(
    rule: Rule, spec: KindSpec, ctx: Context, tallies_of_lines: list[list[int]]
) -> list[Finding]:
    """The rule on every line. Lines with equal keys share one outcome, and one condition text
    when they also agree on the line values the text names (make, quantity…). Each line gets
    the number of its finding's tally, appended to tallies_of_lines."""
    variants: dict[Hashable, int] = {}
    judged: list[_Judged] = []
    tally_of: list[int] = []
    tallies: dict[Hashable, int] = {}
    named = tuple(LINE_VALUES[name] for name in _common_names(rule))
    texts: dict[tuple[Any, ...], Message] = {}
    removable = rule.knockout_removable
    out: list[Finding] = []
    for info, key in zip(ctx.lines, spec.line_keys(ctx), strict=True):
        v = variants.get(key)
        if v is None:
            v = variants[key] = len(judged)
            judged.append(_judge(rule, ctx.ruleset, spec.score(rule, ctx, info)))
            tally_of.append(tallies.setdefault(judged[v].tally, len(tallies)))
        j = judged[v]
        condition = None
        if j.wants_condition:
            text_key = (v, *(value(info) for value in named))
            text = texts.get(text_key)
            if text is None:
                text = texts[text_key] = _condition_text(
                    rule, {**_common_values(ctx, info), **j.outcome.values}, j.outcome
                )
            condition = Condition(
                rule.id,
                info.index,
                text,
                removes_knockout=j.knockout and removable,
                mandatory=j.mandatory,
            )
        out.append(j.finding.at_line(info.index, condition))
        tallies_of_lines[info.index].append(tally_of[v])
    return out


def _common_names(rule: Rule) -> tuple[str, ...]:
    """The line values (make, quantity…) a rule's condition text names, in either language."""
    found = placeholders(rule.condition.en) | placeholders(rule.condition.fr)
    return tuple(name for name in COMMON_PLACEHOLDERS if name in found)


def _weakest(findings: list[Finding], ruleset: RuleSet) -> str | None:
    fam_w = {k: f.weight for k, f in ruleset.families.items()}
    weakest = max(
        (f for f in findings if f.weight > 0),
        key=lambda f: (
            f.weight * fam_w.get(f.family, 0.0) * (100.0 - (f.score or 0.0)),
            f.knockout,
        ),
        default=None,
    )
    return weakest.rule_id if weakest else None


def _line_assessment(info: LineInfo, t: Totals, weakest: str | None) -> LineAssessment:
    return LineAssessment(
        info.index,
        info.label,
        None if t.score is None else round(t.score, 1),
        round(t.confidence, 3),
        t.verdict,
        weakest,
    )


def _inputs(
    inventory: Inventory, offer: Offer, ruleset: RuleSet, given: Sequence[InputRecord]
) -> tuple[InputRecord, ...]:
    records = list(given)
    roles = {r.role for r in records}
    if "inventory" not in roles:
        rep = inventory.report
        records.append(
            InputRecord("inventory", rep.file, rep.sha256, rep.rows_imported, rep.rows_rejected)
        )
    if "offer" not in roles and offer.report is not None:
        rep = offer.report
        records.append(
            InputRecord("offer", rep.file, rep.sha256, rep.rows_imported, rep.rows_rejected)
        )
    if "rules" not in roles:
        records.append(
            InputRecord(
                "rules", Path(ruleset.path).name if ruleset.path else ruleset.name, ruleset.sha256
            )
        )
    return tuple(records)


# A long offer makes hundreds of thousands of findings, conditions and texts at once: collections
# during the assessment would walk them again and again. The only cycles it makes are the
# context's own (context, ledger, pledge view), freed at the first collection after it.
@paused_gc()
def assess(
    inventory: Inventory,
    offer: Offer,
    ruleset: RuleSet,
    *,
    horizon_years: int | None = None,
    inputs: Sequence[InputRecord] = (),
    names: ModelNames | None = None,
    as_of: dt.date | None = None,
) -> Assessment:
    """Assess an offer against an inventory with a rule set.

    horizon_years overrides the rule set's life-cycle horizon; names (the alias table) lets
    spelling variants meet when the importer has not already canonicalised them; as_of stands in
    for the offer date when the offer has none (ages and pledge windows need a date).
    """
    ctx = Context(inventory, offer, ruleset, names or ModelNames(), horizon_years, as_of)
    findings: list[Finding] = []
    per_line: list[list[Finding]] = [[] for _ in ctx.lines]
    tallies_of_lines: list[list[int]] = [[] for _ in ctx.lines]
    for rule in ruleset.rules:
        spec = KINDS[rule.kind]
        if spec.scope == "offer":
            findings.append(_finding(rule, ctx, None, spec.score(rule, ctx, None)))
            continue
        for info, finding in zip(
            ctx.lines, _line_findings(rule, spec, ctx, tallies_of_lines), strict=True
        ):
            findings.append(finding)
            per_line[info.index].append(finding)
    offer_level = [f for f in findings if f.line is None]
    shares = line_shares([i.qty for i in ctx.lines])
    proposals = tuple(counter_proposal(ctx, info) for info in ctx.lines)
    # A redirect needs units that fit even when every unknown capacity is at its worst (none).
    worst_case = ctx.capacity.worst.granted
    # Lines whose findings tally alike, rule by rule, get the same basis, score and verdict.
    bases: dict[tuple[int, ...], tuple[Basis, str | None, Totals]] = {}
    line_bases: list[Basis] = []
    lines: list[LineAssessment] = []
    # The offer's basis reads one line of each tally, with the shares of the lines it stands for.
    first_of: dict[tuple[int, ...], int] = {}
    offer_shares = [0.0] * len(ctx.lines)
    stands_for: dict[int, int] = {}
    for info in ctx.lines:
        signature = tuple(tallies_of_lines[info.index])
        first = first_of.setdefault(signature, info.index)
        offer_shares[first] += shares[info.index]
        stands_for[first] = stands_for.get(first, 0) + 1
        fits = bool(worst_case[info.index])
        key = (*signature, int(fits))
        found = bases.get(key)
        if found is None:
            own = per_line[info.index] + offer_level
            line_base = basis(own, Whole(), ruleset, fits, 1)
            found = bases[key] = (line_base, _weakest(own, ruleset), decide(line_base, ruleset))
        line_bases.append(found[0])
        lines.append(_line_assessment(info, found[2], found[1]))
    can_redirect = any(worst_case)
    alike = [f for f in findings if f.line is None or f.line in stands_for]
    offer_base = basis(alike, offer_shares, ruleset, can_redirect, len(ctx.lines), stands_for)
    total = decide(offer_base, ruleset, ceiling=line_ceiling((ln.verdict for ln in lines), ruleset))
    conditions = tuple(f.condition for f in findings if f.condition is not None)
    return Assessment(
        verdict=total.verdict,
        score=None if total.score is None else round(total.score, 1),
        confidence=round(total.confidence, 3),
        families={k: (None if v is None else round(v, 1)) for k, v in total.families.items()},
        family_weights={k: f.weight for k, f in ruleset.families.items()},
        family_titles={k: f.title for k, f in ruleset.families.items()},
        findings=tuple(findings),
        conditions=conditions,
        lines=tuple(lines),
        counter_proposals=proposals,
        lifecycle=lifecycle(ctx) if ctx.lines else None,
        sensitivity=sensitivity(offer_base, tuple(line_bases), total, ruleset),
        fleet_impact=category_impacts(ctx),
        offer_findings=offer_findings(ctx),
        knockouts=total.knockouts,
        inputs=_inputs(inventory, offer, ruleset, inputs),
        ruleset_name=ruleset.name,
        ruleset_title=ruleset.title,
        ruleset_version=ruleset.version,
        ruleset_sha256=ruleset.sha256,
        offer_header=offer.header,
        recipient=inventory.profile.recipient,
        currency=recipient_currency(ctx),
        score_range=None
        if total.score_range is None
        else (round(total.score_range[0], 1), round(total.score_range[1], 1)),
    )
