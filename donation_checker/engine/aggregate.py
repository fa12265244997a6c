"""From findings to family scores, the overall score, data coverage and the verdict.

Within a family, each finding counts with its rule weight times its line's share of the offered
units (whole-offer findings count fully). A finding whose data is missing is judged at its worst
case: it counts with its full weight at score 0 (and at 100 for the best case, which gives the
score's range). Data coverage is the share of the weight that had data. Families combine with
their weights; a missing register caps the score.

The verdict is the worse of two things: the band the score falls in, and the floor the findings
set whatever the weights (docs/rules.md, "Verdicts"):
- a mandatory condition (a failing or unknown finding, a knock-out its condition lifts) →
  at best "conditional";
- a knock-out only another quantity or model removes → "redirect", when the counter-proposal
  has something to offer, else "decline";
- a knock-out nothing removes (end of economic life…) → "decline" for its line; a multi-line
  offer whose other lines remain is redirected to them.
The score is then capped inside the verdict's band, so the two never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..assessment import VERDICT_ORDER, Finding, Status, Verdict

if TYPE_CHECKING:
    from ..ruleset import RuleSet


@dataclass(frozen=True)
class Basis:
    """Everything a verdict reads that does not depend on the family weights."""

    worst: Mapping[str, float | None]  # family scores, unknown findings at 0
    best: Mapping[str, float | None]  # family scores, unknown findings at 100
    known_share: Mapping[str, float]  # per family: share of its weight that had data
    cap: float | None  # overall cap (missing register), at the worst case
    cap_best: float | None
    floor: Verdict  # the findings' floor
    knockouts: tuple[str, ...]  # knock-outs no condition lifts
    removable_knockouts: tuple[str, ...]

    @property
    def fingerprint(self) -> tuple[object, ...]:
        """Equal for bases that decide alike under any weights."""
        return (
            tuple(self.worst.items()),
            tuple(self.best.items()),
            tuple(sorted(self.known_share.items())),
            self.cap,
            self.cap_best,
            self.floor,
        )


@dataclass(frozen=True)
class Totals:
    families: Mapping[str, float | None]
    known_share: Mapping[str, float]
    score: float | None  # worst case, inside the verdict's band
    score_range: tuple[float, float] | None  # worst and best case, before the band cap
    confidence: float
    verdict: Verdict
    knockouts: tuple[str, ...]
    removable_knockouts: tuple[str, ...]
    ceiling: Verdict | None = None  # best verdict the lines allow the offer


class Whole:
    """Shares for judging one line alone: its findings count fully, whatever their index."""

    def __getitem__(self, index: int) -> float:
        return 1.0


def line_shares(quantities: Sequence[int]) -> list[float]:
    total = sum(quantities)
    if total <= 0:
        return [1.0 / len(quantities)] * len(quantities) if quantities else []
    return [q / total for q in quantities]


def _family_scores(
    findings: Iterable[Finding],
    shares: Sequence[float] | Whole,
    caps_worst: Mapping[str, float],
    caps_best: Mapping[str, float],
) -> tuple[dict[str, float | None], dict[str, float | None], dict[str, float]]:
    """Per family: the score with unknown findings at 0 (capped by caps_worst), at 100 (capped
    by caps_best), and the share of the weight that had data."""
    worst: dict[str, float] = {}
    best: dict[str, float] = {}
    known: dict[str, float] = {}
    total: dict[str, float] = {}
    for f in findings:
        w = f.weight * (shares[f.line] if f.line is not None else 1.0)
        if w <= 0:
            continue
        fam = f.family
        total[fam] = total.get(fam, 0.0) + w
        if f.score is None:
            worst[fam] = worst.get(fam, 0.0)
            best[fam] = best.get(fam, 0.0) + w * 100.0
        else:
            worst[fam] = worst.get(fam, 0.0) + w * f.score
            best[fam] = best.get(fam, 0.0) + w * f.score
            known[fam] = known.get(fam, 0.0) + w
    out_worst: dict[str, float | None] = {}
    out_best: dict[str, float | None] = {}
    share: dict[str, float] = {}
    for fam, t in total.items():
        out_worst[fam] = min(worst[fam] / t, caps_worst.get(fam, 100.0))
        out_best[fam] = min(best[fam] / t, caps_best.get(fam, 100.0))
        share[fam] = known.get(fam, 0.0) / t
    return out_worst, out_best, share


def overall(
    families: Mapping[str, float | None], weights: Mapping[str, float], cap: float | None
) -> float | None:
    num = den = 0.0
    for fam, score in families.items():
        w = weights.get(fam, 0.0)
        if score is not None and w > 0:
            num += w * score
            den += w
    if den == 0:
        return None
    value = num / den
    return min(value, cap) if cap is not None else value


def confidence(known_share: Mapping[str, float], weights: Mapping[str, float]) -> float:
    den = sum(weights.get(f, 0.0) for f in known_share)
    if den == 0:
        return 0.0
    return sum(weights.get(f, 0.0) * s for f, s in known_share.items()) / den


def band(score: float | None, ruleset: RuleSet) -> Verdict:
    b = ruleset.verdict_bands
    if score is None:
        return Verdict.DECLINE  # nothing could be scored: the worst case
    if score >= b.accept:
        return Verdict.ACCEPT
    if score >= b.conditional:
        return Verdict.CONDITIONAL
    if score >= b.redirect:
        return Verdict.REDIRECT
    return Verdict.DECLINE


def band_top(verdict: Verdict, ruleset: RuleSet) -> float | None:
    """The highest score inside the verdict's band that still reads as such when rounded to a
    whole number; None: no upper bound."""
    b = ruleset.verdict_bands
    top = {
        Verdict.ACCEPT: None,
        Verdict.CONDITIONAL: b.accept,
        Verdict.REDIRECT: b.conditional,
        Verdict.DECLINE: b.redirect,
    }[verdict]
    return None if top is None else math.ceil(top) - 1.0


def worse(a: Verdict, b: Verdict) -> Verdict:
    return a if VERDICT_ORDER.index(a) >= VERDICT_ORDER.index(b) else b


def _caps(
    findings: Iterable[Finding], ruleset: RuleSet, statuses: tuple[Status, ...]
) -> tuple[float | None, dict[str, float]]:
    """Overall and per-family caps set by register_cap rules in the given statuses."""
    overall_cap: float | None = None
    family_caps: dict[str, float] = {}
    for f in findings:
        if f.status not in statuses or (f.weight <= 0 and f.status is Status.UNKNOWN):
            continue
        rule = ruleset.rule(f.rule_id)
        if rule.kind != "register_cap":
            continue
        cap = float(rule.params["cap"])
        scope = str(rule.params["cap_scope"])
        if scope == "overall":
            overall_cap = cap if overall_cap is None else min(overall_cap, cap)
        else:
            family_caps[scope] = min(family_caps.get(scope, cap), cap)
    return overall_cap, family_caps


def finding_floor(f: Finding, ruleset: RuleSet, can_redirect: bool) -> Verdict:
    """The best verdict a finding leaves possible."""
    if f.knockout:
        remedy = ruleset.rule(f.rule_id).on_knockout
        if remedy == "condition":
            return Verdict.CONDITIONAL
        if remedy == "redirect":
            return Verdict.REDIRECT if can_redirect else Verdict.DECLINE
        return Verdict.DECLINE
    if f.condition is not None and f.condition.mandatory:
        return Verdict.CONDITIONAL
    return Verdict.ACCEPT


def floor_of(
    findings: Iterable[Finding],
    ruleset: RuleSet,
    can_redirect: bool,
    lines: int,
    stands_for: Mapping[int, int] | None = None,
) -> Verdict:
    """The findings' floor for the whole offer: whole-offer findings count as they are; a line
    that must be declined leaves the others, so the offer is redirected to them, and declined
    only when every line must be. stands_for: how many lines each line given stands for (one
    when not given)."""
    offer = Verdict.ACCEPT
    per_line: dict[int, Verdict] = {}
    for f in findings:
        v = finding_floor(f, ruleset, can_redirect)
        if f.line is None:
            offer = worse(offer, v)
        else:
            per_line[f.line] = worse(per_line.get(f.line, Verdict.ACCEPT), v)
    declined = sum(
        1 if stands_for is None else stands_for[ln]
        for ln, v in per_line.items()
        if v is Verdict.DECLINE
    )
    worst_line = Verdict.ACCEPT
    for v in per_line.values():
        worst_line = worse(worst_line, v)
    if declined and declined == lines:
        worst_line = Verdict.DECLINE
    elif declined:
        worst_line = Verdict.REDIRECT
    return worse(offer, worst_line)


def knockouts_of(findings: Iterable[Finding]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    hard: list[str] = []
    soft: list[str] = []
    for f in findings:
        if not f.knockout:
            continue
        target = soft if f.condition is not None and f.condition.removes_knockout else hard
        if f.rule_id not in target:
            target.append(f.rule_id)
    return tuple(hard), tuple(r for r in soft if r not in hard)


def basis(
    findings: Sequence[Finding],
    shares: Sequence[float] | Whole,
    ruleset: RuleSet,
    can_redirect: bool,
    lines: int,
    stands_for: Mapping[int, int] | None = None,
) -> Basis:
    """The basis of a verdict on the findings. Lines whose findings tally alike may be given
    once: one line with the sum of their shares, standing for as many lines (stands_for)."""
    cap, family_caps = _caps(findings, ruleset, (Status.FAIL, Status.UNKNOWN))
    cap_best, family_caps_best = _caps(findings, ruleset, (Status.FAIL,))
    worst, best, known = _family_scores(findings, shares, family_caps, family_caps_best)
    hard, soft = knockouts_of(findings)
    return Basis(
        {k: worst.get(k) for k in ruleset.families},
        {k: best.get(k) for k in ruleset.families},
        known,
        cap,
        cap_best,
        floor_of(findings, ruleset, can_redirect, lines, stands_for),
        hard,
        soft,
    )


def decide(
    base: Basis,
    ruleset: RuleSet,
    weights: Mapping[str, float] | None = None,
    ceiling: Verdict | None = None,
) -> Totals:
    w = weights if weights is not None else {k: f.weight for k, f in ruleset.families.items()}
    raw = overall(base.worst, w, base.cap)
    high = overall(base.best, w, base.cap_best)
    conf = confidence(base.known_share, w)
    result = band(raw, ruleset)
    if ceiling is not None:
        result = worse(result, ceiling)
    if result is Verdict.ACCEPT and conf < float(ruleset.param("min_confidence_to_accept", 0.0)):
        result = Verdict.CONDITIONAL  # too little data to accept without conditions
    result = worse(result, base.floor)
    top = band_top(result, ruleset)
    score = None if raw is None else (raw if top is None else min(raw, top))
    return Totals(
        base.worst,
        base.known_share,
        score,
        None if raw is None or high is None else (raw, high),
        conf,
        result,
        base.knockouts,
        base.removable_knockouts,
        ceiling,
    )


def line_ceiling(line_verdicts: Iterable[Verdict], ruleset: RuleSet) -> Verdict | None:
    """An offer is accepted as it stands only if every line is: one weaker line makes the whole
    offer "conditional" (accept the good lines, attach conditions to or redirect the others)."""
    verdicts = list(line_verdicts)
    if len(verdicts) < 2 or not ruleset.param("lines_cap_verdict", True):
        return None  # a single line's verdict is the offer's own
    return Verdict.CONDITIONAL if any(v is not Verdict.ACCEPT for v in verdicts) else None
