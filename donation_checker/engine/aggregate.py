"""From findings to family scores, the overall score, confidence and the verdict.

Within a family, each finding counts with its rule weight times its line's share of the offered
units (whole-offer findings count fully). Unknown findings are left out of the scores and lower
the confidence, which is the share of the weight that had data. Families combine with their
weights. Caps (no asset register) and knock-outs then bound the score and the verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..assessment import VERDICT_ORDER, Finding, Status, Verdict
from ..ruleset import RuleSet


@dataclass(frozen=True)
class Totals:
    families: Mapping[str, float | None]
    known_share: Mapping[str, float]  # per family: share of its weight that had data
    score: float | None
    confidence: float
    overall_cap: float | None
    verdict: Verdict
    knockouts: tuple[str, ...]  # unremoved knock-outs
    removable_knockouts: tuple[str, ...]
    ceiling: Verdict | None = None  # best verdict the offer may get, whatever its score


def line_shares(quantities: Sequence[int]) -> list[float]:
    total = sum(quantities)
    if total <= 0:
        return [1.0 / len(quantities)] * len(quantities) if quantities else []
    return [q / total for q in quantities]


def family_scores(
    findings: Iterable[Finding],
    shares: Sequence[float],
    caps: Mapping[str, float],
) -> tuple[dict[str, float | None], dict[str, float]]:
    num: dict[str, float] = {}
    known: dict[str, float] = {}
    total: dict[str, float] = {}
    for f in findings:
        w = f.weight * (shares[f.line] if f.line is not None else 1.0)
        if w <= 0:
            continue
        total[f.family] = total.get(f.family, 0.0) + w
        if f.score is not None:
            known[f.family] = known.get(f.family, 0.0) + w
            num[f.family] = num.get(f.family, 0.0) + w * f.score
    scores: dict[str, float | None] = {}
    share: dict[str, float] = {}
    for fam, t in total.items():
        k = known.get(fam, 0.0)
        scores[fam] = num[fam] / k if k > 0 else None
        share[fam] = k / t if t > 0 else 0.0
        if scores[fam] is not None and fam in caps:
            scores[fam] = min(scores[fam] or 0.0, caps[fam])
    return scores, share


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
        return Verdict.REDIRECT  # nothing could be scored: ask for the missing information first
    if score >= b.accept:
        return Verdict.ACCEPT
    if score >= b.conditional:
        return Verdict.CONDITIONAL
    if score >= b.redirect:
        return Verdict.REDIRECT
    return Verdict.DECLINE


def worse(a: Verdict, b: Verdict) -> Verdict:
    return a if VERDICT_ORDER.index(a) >= VERDICT_ORDER.index(b) else b


def verdict(
    score: float | None,
    conf: float,
    knockouts: Sequence[str],
    removable: Sequence[str],
    ruleset: RuleSet,
    ceiling: Verdict | None = None,
) -> Verdict:
    result = band(score, ruleset)
    if ceiling is not None:
        result = worse(result, ceiling)
    if result is Verdict.ACCEPT and conf < float(ruleset.param("min_confidence_to_accept", 0.0)):
        result = Verdict.CONDITIONAL  # too little data to accept without conditions
    if knockouts:
        return Verdict.DECLINE
    if removable:
        return worse(result, Verdict.CONDITIONAL)
    return result


def caps_from(
    findings: Iterable[Finding], ruleset: RuleSet
) -> tuple[float | None, dict[str, float]]:
    """Overall and per-family caps set by failed register_cap rules."""
    overall_cap: float | None = None
    family_caps: dict[str, float] = {}
    for f in findings:
        if f.status is not Status.FAIL:
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


def totals(
    findings: Sequence[Finding],
    shares: Sequence[float],
    ruleset: RuleSet,
    weights: Mapping[str, float] | None = None,
    ceiling: Verdict | None = None,
) -> Totals:
    fam_weights = (
        weights if weights is not None else {k: f.weight for k, f in ruleset.families.items()}
    )
    overall_cap, family_caps = caps_from(findings, ruleset)
    fams, known = family_scores(findings, shares, family_caps)
    ordered = {k: fams.get(k) for k in ruleset.families}
    score = overall(ordered, fam_weights, overall_cap)
    conf = confidence(known, fam_weights)
    hard, soft = knockouts_of(findings)
    return Totals(
        ordered,
        known,
        score,
        conf,
        overall_cap,
        verdict(score, conf, hard, soft, ruleset, ceiling),
        hard,
        soft,
        ceiling,
    )


def line_ceiling(line_verdicts: Iterable[Verdict], ruleset: RuleSet) -> Verdict | None:
    """An offer is accepted as it stands only if every line is: one weaker line makes the whole
    offer "conditional" (accept the good lines, attach conditions to or redirect the others)."""
    verdicts = list(line_verdicts)
    if len(verdicts) < 2 or not ruleset.param("lines_cap_verdict", True):
        return None  # a single line's verdict is the offer's own
    return Verdict.CONDITIONAL if any(v is not Verdict.ACCEPT for v in verdicts) else None
