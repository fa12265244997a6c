"""How far one family weight must move to change the verdict.

The whole judgement is recomputed for each trial weight: every line's score and verdict (the
lines set the offer's ceiling), the offer's score, its band and the findings' floor. Trial
changes are scanned across ±sensitivity_range and the first flip on either side is narrowed
down by bisection, so the change reported is one that, written into a rule file, flips the
verdict, while a change 1 % smaller does not. The verdict is called robust only when no single
family weight within the range flips it and the data coverage is high enough to say so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..assessment import VERDICT_ORDER, FamilySensitivity, Sensitivity, Verdict
from ..messages import canonical, msg, percent, wording
from .aggregate import Basis, Totals, decide

if TYPE_CHECKING:
    from ..ruleset import RuleSet

_SCAN_STEPS = 100  # trial changes on each side (steps of 0.5 % with the default range)
_BISECT = 40


def verdict_with(
    offer: Basis, lines: Sequence[Basis], ruleset: RuleSet, weights: Mapping[str, float]
) -> Verdict:
    """The offer's verdict under other family weights, lines and ceiling included."""
    return _Judge(offer, lines, ruleset).verdict(weights)


class _Judge:
    """verdict_with for many trial weights: the lines are reduced once to those whose verdict
    can still decide the ceiling (one line short of "accept" caps a multi-line offer)."""

    def __init__(self, offer: Basis, lines: Sequence[Basis], ruleset: RuleSet) -> None:
        self.offer, self.ruleset = offer, ruleset
        self.fixed: Verdict | None = None  # the ceiling whatever the weights
        self.open: list[Basis] = []  # lines whose verdict depends on the weights
        if len(lines) < 2 or not ruleset.param("lines_cap_verdict", True):
            return  # no ceiling: a single line's verdict is the offer's own
        if rank_of(offer.floor) >= rank_of(Verdict.CONDITIONAL):
            return  # the offer's own floor is already at or below the ceiling
        seen: set[object] = set()
        for b in lines:
            if b.floor is not Verdict.ACCEPT:
                self.fixed = Verdict.CONDITIONAL
                self.open = []
                return
            key = b.fingerprint
            if key not in seen:
                seen.add(key)
                self.open.append(b)

    def verdict(self, weights: Mapping[str, float]) -> Verdict:
        ceiling = self.fixed
        if ceiling is None and self.open:
            verdicts = (decide(b, self.ruleset, weights).verdict for b in self.open)
            if any(v is not Verdict.ACCEPT for v in verdicts):
                ceiling = Verdict.CONDITIONAL
        return decide(self.offer, self.ruleset, weights, ceiling).verdict


def rank_of(v: Verdict) -> int:
    return VERDICT_ORDER.index(v)


def _scaled(weights: Mapping[str, float], family: str, change: float) -> dict[str, float]:
    out = dict(weights)
    out[family] = out[family] * (1 + change)
    return out


def _first_flip(
    family: str,
    sign: int,
    limit: float,
    offer: Basis,
    lines: Sequence[Basis],
    ruleset: RuleSet,
    weights: Mapping[str, float],
    base: Verdict,
) -> tuple[float, Verdict] | None:
    judge = _Judge(offer, lines, ruleset)

    def at(change: float) -> Verdict:
        return judge.verdict(_scaled(weights, family, change))

    last = 0.0
    for k in range(1, _SCAN_STEPS + 1):
        change = sign * limit * k / _SCAN_STEPS
        if change <= -1:
            return None
        after = at(change)
        if after is not base:
            inside, outside = last, change
            for _ in range(_BISECT):
                mid = (inside + outside) / 2
                if at(mid) is base:
                    inside = mid
                else:
                    outside = mid
            return outside, at(outside)
        last = change
    return None


def sensitivity(
    offer: Basis,
    lines: Sequence[Basis],
    total: Totals,
    ruleset: RuleSet,
    weights: Mapping[str, float] | None = None,
) -> Sensitivity:
    weights = weights if weights is not None else {k: f.weight for k, f in ruleset.families.items()}
    limit = float(ruleset.param("sensitivity_range", 0.5))
    rows: list[FamilySensitivity] = []
    for family in ruleset.families:
        best: tuple[float, Verdict] | None = None
        if weights.get(family, 0.0) > 0:
            for sign in (1, -1):
                found = _first_flip(
                    family, sign, limit, offer, lines, ruleset, weights, total.verdict
                )
                if found is not None and (best is None or abs(found[0]) < abs(best[0])):
                    best = found
        rows.append(
            FamilySensitivity(
                family,
                weights.get(family, 0.0),
                None if best is None else best[0],
                None if best is None else best[1],
            )
        )
    flips = [r for r in rows if r.change_needed is not None]
    coverage = total.confidence
    floor = float(ruleset.param("robust_min_coverage", 0.8))
    robust = not flips and coverage >= floor
    if robust:
        statement = msg("sensitivity.robust", limit=percent(limit))
    elif not flips:
        statement = msg(
            "sensitivity.not_established", limit=percent(limit), coverage=percent(coverage)
        )
    else:
        nearest = min(flips, key=lambda r: abs(r.change_needed or 0))
        change = nearest.change_needed or 0.0
        title = ruleset.families[nearest.family].title
        flipped_to = nearest.verdict_after or total.verdict
        statement = msg(
            "sensitivity.fragile_up" if change > 0 else "sensitivity.fragile_down",
            family=wording(title),
            change=percent(abs(change), decimals=1),
            verdict=canonical("verdict", flipped_to.value),
        )
    return Sensitivity(robust, tuple(rows), statement)
