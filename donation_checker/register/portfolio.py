"""The portfolio: every offer still to come, from every donor, through the same capacity ledger
as one offer. An offer that fits alone may not fit beside the others: the portfolio says which
combinations exceed the recipient's capacity, the load on each resource, the new types each
category would receive, and how several offers answering the same need rank.

No capacity is computed here: the engine's Context builds the resources and the demands, and
the ledger's allocate() serves any list of them (engine/ledger.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from itertools import combinations
from typing import Any

from ..engine.capacity import ABSORPTION_KINDS, MECHANICS, Capacity
from ..engine.context import Context
from ..engine.ledger import POOLED, Allocation, Demand, Resource, ResourceKey, allocate
from ..engine.lifecycle import recipient_currency
from ..model import Inventory, Offer, OfferHeader, OfferLine
from ..normalise import ModelNames
from ..ruleset import RuleSet
from .records import CaseSummary, RecordedLine

_TUPLE_FIELDS = {f.name for f in fields(OfferLine) if "tuple" in str(f.type)}


def offer_line(line: RecordedLine) -> OfferLine:
    """The offer line as it was recorded."""
    known = {f.name for f in fields(OfferLine)}
    details: dict[str, Any] = {
        k: (tuple(v) if k in _TUPLE_FIELDS and isinstance(v, list) else v)
        for k, v in line.details.items()
        if k in known
    }
    return OfferLine(
        category=line.category,
        make=line.make,
        model=line.model,
        quantity=line.quantity,
        **details,
    )


@dataclass(frozen=True)
class OfferFit:
    """One offer in the portfolio: units offered, units that fit alone and beside the others
    (None when a capacity it needs is not known), and what stops it."""

    number: str
    donor: str | None
    verdict: str
    score: float | None
    units: int
    fits_alone: int | None
    fits_together: int | None
    binding: tuple[ResourceKey, ...]  # resources that stop it short in the portfolio

    @property
    def squeezed(self) -> bool:
        """Fits alone, not beside the others."""
        return (
            self.fits_alone == self.units
            and self.fits_together is not None
            and self.fits_together < self.units
        )


@dataclass(frozen=True)
class Clash:
    """Two offers that each fit alone but not together, and the resources that cannot carry
    both: a budget line, the workshop hours or a category's drivers asked beyond what is free,
    or the mechanics' pools the two offers' makes share."""

    first: str
    second: str
    binding: tuple[ResourceKey, ...]


@dataclass(frozen=True)
class Load:
    """A resource: the free capacity, what the portfolio asks of it and what it can grant."""

    resource: ResourceKey
    capacity: float | None
    requested: float | None  # None when a line's use of it is not known
    granted: float


@dataclass(frozen=True)
class NewTypes:
    category: str
    models: tuple[str, ...]  # "Make Model" names, not yet in the fleet
    allowed: int | None  # the rule set's allowance in a window, None without that rule

    @property
    def exceeded(self) -> bool:
        return self.allowed is not None and len(self.models) > self.allowed


@dataclass(frozen=True)
class Ranking:
    """Offers answering the same need (one category): best first."""

    category: str
    numbers: tuple[str, ...]


@dataclass(frozen=True)
class Portfolio:
    as_of: dt.date
    offers: tuple[OfferFit, ...]
    clashes: tuple[Clash, ...]
    loads: tuple[Load, ...]
    new_types: tuple[NewTypes, ...]
    rankings: tuple[Ranking, ...]
    currency: str | None = None  # of the budget loads

    @property
    def exceeds(self) -> bool:
        """Some offer that fits alone is cut short by the others."""
        return any(o.squeezed for o in self.offers) or bool(self.clashes)


def _granted(alloc: Allocation, demands: Sequence[Demand]) -> int | None:
    total = 0
    for d in demands:
        got = alloc.granted[d.line] if d.line < len(alloc.granted) else None
        if got is None or alloc.unknown[d.line]:
            return None
        total += got
    return total


def _binding(alloc: Allocation, demands: Sequence[Demand]) -> tuple[ResourceKey, ...]:
    found = {alloc.binding[d.line] for d in demands if d.line < len(alloc.binding)}
    return tuple(sorted(k for k in found if k is not None))


def _loads(cap: Capacity, joint: Allocation) -> tuple[Load, ...]:
    def home(key: ResourceKey) -> ResourceKey:
        return key if key in joint.capacity else (key[0], POOLED)

    requested: dict[ResourceKey, float | None] = {}
    for d in cap.demands:
        for key, per_unit in d.use.items():
            if home(key) not in joint.capacity:
                continue
            have = requested.get(home(key), 0.0)
            requested[home(key)] = (
                None if per_unit is None or have is None else have + per_unit * d.qty
            )
    granted: dict[ResourceKey, float] = {}
    for key, amount in joint.used.items():
        granted[home(key)] = granted.get(home(key), 0.0) + amount
    return tuple(
        Load(key, joint.capacity[key], requested[key], granted.get(key, 0.0))
        for key in sorted(requested)
    )


def _allowed_new_types(ruleset: RuleSet) -> int | None:
    for rule in ruleset.rules:
        if rule.kind == "new_types_window" and "allowed" in rule.params:
            return int(rule.params["allowed"])
    return None


def assess_portfolio(
    inventory: Inventory,
    ruleset: RuleSet,
    offers: Sequence[tuple[CaseSummary, Sequence[RecordedLine]]],
    *,
    names: ModelNames | None = None,
    horizon_years: int | None = None,
    as_of: dt.date | None = None,
) -> Portfolio:
    """Run the offers together through the capacity ledger, then each alone and each pair that
    fits alone, against the same free capacity."""
    dates = [s.offer_date for s, _ in offers if s.offer_date is not None]
    when = as_of or (min(dates) if dates else dt.date.today())
    lines: list[OfferLine] = []
    owner: list[int] = []
    for i, (_, recorded) in enumerate(offers):
        for line in recorded:
            lines.append(offer_line(line))
            owner.append(i)
    combined = Offer(OfferHeader(reference="portfolio", date=when), tuple(lines))
    ctx = Context(inventory, combined, ruleset, names or ModelNames(), horizon_years, when)
    cap = ctx.capacity
    resources: tuple[Resource, ...] = cap.resources
    by_offer: list[list[Demand]] = [[] for _ in offers]
    for d in cap.demands:
        by_offer[owner[d.line]].append(d)
    joint = cap.joint
    trainees = _trainees(ctx, owner, len(offers))

    def own(members: Sequence[int]) -> tuple[Resource, ...]:
        return _with_trainees(resources, trainees, members)

    # The resources that bound quantities, as for one offer's counter-proposal (spare parts are
    # lifted by each donor's package, not by taking fewer units).
    alone = [allocate(ds, own([i]), ABSORPTION_KINDS) for i, ds in enumerate(by_offer)]
    fits: list[OfferFit] = []
    for i, (summary, _) in enumerate(offers):
        ds = by_offer[i]
        fits.append(
            OfferFit(
                summary.number,
                summary.donor,
                summary.verdict,
                summary.score,
                sum(d.qty for d in ds),
                _granted(alone[i], ds),
                _granted(joint, ds),
                _binding(joint, ds),
            )
        )
    whole = [i for i, f in enumerate(fits) if f.fits_alone == f.units and f.units > 0]
    clashes = _clashes(whole, by_offer, own, [f.number for f in fits])
    allowed = _allowed_new_types(ruleset)
    new_types = tuple(
        NewTypes(cat, _model_names(ctx, cat), allowed) for cat in sorted(ctx.new_models_by_cat)
    )
    return Portfolio(
        when,
        tuple(fits),
        tuple(clashes),
        _loads(cap, joint),
        new_types,
        _rankings(ctx, offers, fits, owner),
        recipient_currency(ctx),
    )


def _trainees(ctx: Context, owner: Sequence[int], count: int) -> list[dict[str, float]]:
    """Mechanics each offer's donor trains, per make: an offer counts only its own."""
    out: list[dict[str, float]] = [{} for _ in range(count)]
    for info in ctx.lines:
        trained = info.line.mechanics_trained
        if trained:
            mine = out[owner[info.index]]
            mine[info.make_key] = mine.get(info.make_key, 0.0) + float(trained)
    return out


def _with_trainees(
    resources: Sequence[Resource], trainees: Sequence[dict[str, float]], members: Sequence[int]
) -> tuple[Resource, ...]:
    """The resources with the donor-trained mechanics' pools of these offers only."""
    out = []
    for r in resources:
        if r.key == (MECHANICS, POOLED) and r.pools is not None:
            pools = {
                pool: (
                    sum(trainees[m].get(pool.split(":", 1)[1], 0.0) for m in members)
                    if pool.startswith("trained:")
                    else amount
                )
                for pool, amount in r.pools.items()
            }
            r = Resource(r.key, r.capacity, pools, r.reach)
        out.append(r)
    return tuple(out)


def _clashes(
    whole: Sequence[int],
    by_offer: Sequence[Sequence[Demand]],
    own: Callable[[Sequence[int]], tuple[Resource, ...]],
    numbers: Sequence[str],
) -> list[Clash]:
    """The pairs of offers, each fitting alone, that do not fit together.

    Two offers that fit alone fit together exactly when every plain resource (budget line,
    hours, a category's drivers) carries the sum of their uses and the mechanics' pools carry
    both: the sums are exact for plain resources, so the ledger is asked only about the
    mechanics, and only for offers whose makes draw on the same pools."""
    resources = own(())
    plain = {
        r.key: r.capacity
        for r in resources
        if r.key[0] in ABSORPTION_KINDS and r.key[1] != POOLED and r.capacity is not None
    }
    pooled = next((r for r in resources if r.key == (MECHANICS, POOLED)), None)
    need: list[dict[ResourceKey, float]] = []
    pools: list[set[str]] = []
    for i in range(len(by_offer)):
        total: dict[ResourceKey, float] = {}
        reach: set[str] = set()
        for d in by_offer[i]:
            for key, per_unit in d.use.items():
                if key in plain and per_unit is not None:
                    total[key] = total.get(key, 0.0) + per_unit * d.qty
                elif key[0] == MECHANICS and pooled is not None:
                    reach.update(pooled.reach.get(key[1], ()))
        need.append(total)
        pools.append(reach)
    out = []
    for i, j in combinations(whole, 2):
        over = [
            key
            for key in sorted(need[i].keys() | need[j].keys())
            if need[i].get(key, 0.0) + need[j].get(key, 0.0) > (plain[key] or 0.0) + 1e-6
        ]
        if not over and pools[i] & pools[j]:
            ds = [*by_offer[i], *by_offer[j]]
            pair = allocate(ds, own([i, j]), frozenset({MECHANICS}))
            got = _granted(pair, ds)
            if got is not None and got < sum(d.qty for d in ds):
                over = [*_binding(pair, ds)]
        if over:
            out.append(Clash(numbers[i], numbers[j], tuple(over)))
    return out


def _model_names(ctx: Context, cat: str) -> tuple[str, ...]:
    """The offered names of the models new to the fleet in the category, once each."""
    out: dict[str, str] = {}
    for info in ctx.lines:
        if info.cat == cat and (info.cat, info.model_key) not in ctx.fleet.models:
            out.setdefault(info.model_key, f"{info.make} {info.model}".strip())
    return tuple(out.values())


def _rankings(
    ctx: Context,
    offers: Sequence[tuple[CaseSummary, Sequence[RecordedLine]]],
    fits: Sequence[OfferFit],
    owner: Sequence[int],
) -> tuple[Ranking, ...]:
    """Offers that answer the same need (a category two or more offers fill), ranked by their
    own assessment's score, then by the units that still fit beside the others."""
    by_cat: dict[str, set[int]] = {}
    for info in ctx.lines:
        by_cat.setdefault(info.cat, set()).add(owner[info.index])

    def key(i: int) -> tuple[Any, ...]:
        f = fits[i]
        return (
            f.score is None,
            -(f.score or 0.0),
            -(f.fits_together or 0),
            f.number,
        )

    return tuple(
        Ranking(cat, tuple(fits[i].number for i in sorted(members, key=key)))
        for cat, members in sorted(by_cat.items())
        if len(members) > 1
    )
