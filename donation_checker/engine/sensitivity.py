"""How far one family weight must move to change the verdict.

With the other weights fixed, the overall score is a ratio of two linear functions of the family
weight, so the weight at which it crosses a band threshold (or the confidence crosses the
accept floor) can be solved exactly. The smallest relative change that flips the verdict is
reported per family; the verdict is robust when none lies within ±sensitivity_range.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..assessment import VERDICT_NAMES, FamilySensitivity, Sensitivity, Text, Verdict
from ..ruleset import RuleSet
from .aggregate import Totals, confidence, overall, verdict
from .wording import num, pct

_STEP = 1e-6


def _verdict_at(
    family: str, change: float, base: Totals, weights: Mapping[str, float], ruleset: RuleSet
) -> Verdict:
    w = dict(weights)
    w[family] = w[family] * (1 + change)
    score = overall(base.families, w, base.overall_cap)
    conf = confidence(base.known_share, w)
    return verdict(score, conf, base.knockouts, base.removable_knockouts, ruleset, base.ceiling)


def _crossings(
    family: str, base: Totals, weights: Mapping[str, float], ruleset: RuleSet
) -> list[float]:
    """Relative weight changes at which the score or the confidence meets a threshold."""
    wf = weights.get(family, 0.0)
    sf = base.families.get(family)
    out: list[float] = []
    if wf <= 0:
        return out
    known = {k: v for k, v in base.families.items() if v is not None and weights.get(k, 0.0) > 0}
    s_num = sum(weights[k] * v for k, v in known.items())
    s_den = sum(weights[k] for k in known)
    bands = ruleset.verdict_bands
    if sf is not None:
        for b in (bands.accept, bands.conditional, bands.redirect):
            if sf != b:  # (S + r·wf·sf) / (T + r·wf) = b
                out.append((b * s_den - s_num) / (wf * (sf - b)))
    floor = float(ruleset.param("min_confidence_to_accept", 0.0))
    kf = base.known_share.get(family)
    if floor > 0 and kf is not None and kf != floor:
        c_num = sum(weights.get(k, 0.0) * s for k, s in base.known_share.items())
        c_den = sum(weights.get(k, 0.0) for k in base.known_share)
        out.append((floor * c_den - c_num) / (wf * (kf - floor)))
    return out


def sensitivity(
    base: Totals, ruleset: RuleSet, weights: Mapping[str, float] | None = None
) -> Sensitivity:
    weights = weights if weights is not None else {k: f.weight for k, f in ruleset.families.items()}
    limit = float(ruleset.param("sensitivity_range", 0.5))
    rows: list[FamilySensitivity] = []
    for family in ruleset.families:
        best: tuple[float, Verdict] | None = None
        for r in sorted(_crossings(family, base, weights, ruleset), key=abs):
            if abs(r) > limit or r <= -1:
                continue
            step = r + (_STEP if r >= 0 else -_STEP)
            after = _verdict_at(family, step, base, weights, ruleset)
            if after is not base.verdict:
                best = (r, after)
                break
        rows.append(
            FamilySensitivity(
                family,
                weights.get(family, 0.0),
                None if best is None else round(best[0], 4),
                None if best is None else best[1],
            )
        )
    flips = [r for r in rows if r.change_needed is not None]
    robust = not flips
    if robust:
        statement = Text(
            f"Robust: no single family weight changed by up to {pct(limit)} changes the verdict.",
            f"Robuste : aucune variation d'un seul poids de famille jusqu'à {pct(limit, 'fr')} ne change l’avis.",
        )
    else:
        nearest = min(flips, key=lambda r: abs(r.change_needed or 0))
        change = nearest.change_needed or 0.0
        title = ruleset.families[nearest.family].title
        flipped_to = nearest.verdict_after
        flipped = VERDICT_NAMES[flipped_to] if flipped_to else Text("?", "?")
        statement = Text(
            f"Fragile: changing the weight of {title.en} by {'+' if change > 0 else ''}{num(change * 100, 'en', 1)} % "
            f"turns the verdict into {flipped.en}.",
            f"Fragile : modifier le poids de « {title.fr} » de {'+' if change > 0 else ''}{num(change * 100, 'fr', 1)} % "
            f"fait passer l’avis à « {flipped.fr} ».",
        )
    return Sensitivity(robust, tuple(rows), statement)
