"""One capacity ledger: every limited resource of the recipient is allocated once across all the
units asked of it.

A resource is a free amount (uncommitted budget of one budget line, free workshop hours,
drivers of one category, spare parts in stock for one make) or a set of mechanics' pools, each pool usable by the makes its
workshop lists. A demand is one offer line: how many units, and how much of each resource one
unit uses. Demands that use resources alike form a group; groups are served whole, one after
the other, in an order that does not depend on how the offer was written (lines of models
already in service first, then the cheapest to run), and a group's units are shared out among
its lines in proportion to their quantities. So the units absorbed, summed over lines, never
exceed a capacity; splitting, merging or reordering lines changes no group's share; and a set of
several offers is just a longer list of demands.

Pure: no I/O and no knowledge of rules. Capacities that are not known do not bound the
allocation here: they are reported, and the findings judge them at their worst case.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

ResourceKey = tuple[str, str]  # (kind, qualifier): ("budget", "fuel"), ("mechanics", make key)
POOLED = "*"  # the qualifier of a pooled resource: ("mechanics", "*") serves every make it reaches

# Floating-point slack when counting how many whole units fit.
_EPS = 1e-9


@dataclass(frozen=True)
class Resource:
    """A free amount (capacity), or pools shared by several qualifiers (key (kind, POOLED)):
    pools maps a pool id to its free amount and reach maps each qualifier (a make) to the pools
    that may serve it, in the order they are drawn on."""

    key: ResourceKey
    capacity: float | None  # None: not known (plain resources)
    pools: Mapping[str, float] | None = None  # pooled resources; None: not known
    reach: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def known(self) -> bool:
        return self.pools is not None if self.key[1] == POOLED else self.capacity is not None


@dataclass(frozen=True)
class Demand:
    line: int
    qty: int
    rank: tuple[Hashable, ...]  # serving order; equal ranks and uses form one group
    use: Mapping[ResourceKey, float | None]  # per unit; None: the line's use is not known


@dataclass(frozen=True)
class Allocation:
    """What the ledger grants each line, and what binds it."""

    granted: tuple[int | None, ...]  # units per line; None when the line's use is not known
    binding: tuple[ResourceKey | None, ...]  # the resource that stopped a line short
    unknown: tuple[tuple[ResourceKey, ...], ...]  # per line: resources whose capacity is unknown
    used: Mapping[ResourceKey, float]  # amount granted of each known resource
    capacity: Mapping[ResourceKey, float | None]


class _Pools:
    """Remaining amounts of one resource, plain or pooled."""

    def __init__(self, resource: Resource) -> None:
        self.plain = resource.capacity
        self.pooled = resource.pools is not None
        self.pools = dict(resource.pools or {})
        self.reach = resource.reach

    def free_for(self, qualifier: str) -> float:
        if not self.pooled:
            return max(self.plain or 0.0, 0.0)
        return sum(max(self.pools[p], 0.0) for p in self.reach.get(qualifier, ()))

    def take(self, qualifier: str, amount: float) -> None:
        if not self.pooled:
            self.plain = (self.plain or 0.0) - amount
            return
        for pool in self.reach.get(qualifier, ()):
            part = min(max(self.pools[pool], 0.0), amount)
            self.pools[pool] -= part
            amount -= part
            if amount <= _EPS:
                return


def _fits(free: float, per_unit: float, wanted: int) -> int:
    fits = free / per_unit if per_unit > 0 else math.inf
    if fits >= wanted:  # also when the unit uses next to nothing
        return wanted
    return max(0, math.floor(fits + _EPS))


def _share(total: int, quantities: Sequence[tuple[int, int]]) -> dict[int, int]:
    """total units shared among (line, qty) in proportion to qty, largest remainders first
    (ties to the earlier line), never more than a line's qty."""
    whole = sum(q for _, q in quantities)
    if whole <= 0 or total <= 0:
        return {line: 0 for line, _ in quantities}
    exact = [(line, q, total * q / whole) for line, q in quantities]
    out = {line: min(q, math.floor(x)) for line, q, x in exact}
    left = total - sum(out.values())
    order = sorted(exact, key=lambda item: (-(item[2] - math.floor(item[2])), item[0]))
    for line, q, _ in order:
        if left <= 0:
            break
        if out[line] < q:
            out[line] += 1
            left -= 1
    return out


def allocate(
    demands: Sequence[Demand],
    resources: Iterable[Resource],
    kinds: frozenset[str] | None = None,
) -> Allocation:
    """Serve the demands from the resources (only those of `kinds` when given)."""
    table = {r.key: r for r in resources if kinds is None or r.key[0] in kinds}
    remaining = {key: _Pools(r) for key, r in table.items() if r.known}

    def source(key: ResourceKey) -> ResourceKey | None:
        if key in table:
            return key
        pooled = (key[0], POOLED)
        return pooled if pooled in table else None

    n = max((d.line for d in demands), default=-1) + 1
    granted: list[int | None] = [None] * n
    binding: list[ResourceKey | None] = [None] * n
    unknown: list[tuple[ResourceKey, ...]] = [()] * n
    used: dict[ResourceKey, float] = {}

    Use = tuple[tuple[ResourceKey, float | None], ...]
    # Lines alike are many in a long offer: each distinct use is filtered and sorted once.
    alike: dict[tuple[tuple[Hashable, ...], Use], list[Demand]] = {}
    for d in demands:
        alike.setdefault((d.rank, tuple(d.use.items())), []).append(d)
    groups: dict[tuple[tuple[Hashable, ...], Use], list[Demand]] = {}
    for (rank, raw), members in alike.items():
        use: Use = tuple(sorted((k, u) for k, u in raw if source(k) is not None))
        groups.setdefault((rank, use), []).extend(members)
    for (_, use), members in sorted(groups.items(), key=lambda g: (g[0][0], repr(g[0][1]))):
        qty = sum(d.qty for d in members)
        missing = tuple(k for k, _ in use if source(k) not in remaining)
        for d in members:
            unknown[d.line] = missing
        if any(u is None for _, u in use):
            continue  # the use is not known: nothing can be granted or charged
        fits = qty
        limit: ResourceKey | None = None
        for key, per_unit in use:
            src = source(key)
            if src not in remaining or per_unit is None:
                continue
            allowed = _fits(remaining[src].free_for(key[1]), per_unit, fits)
            if allowed < fits:
                fits, limit = allowed, key
        for key, per_unit in use:
            src = source(key)
            if src in remaining and per_unit is not None and fits > 0:
                remaining[src].take(key[1], fits * per_unit)
                used[key] = used.get(key, 0.0) + fits * per_unit
        shares = _share(fits, [(d.line, d.qty) for d in members])
        for d in members:
            granted[d.line] = shares[d.line]
            binding[d.line] = limit if shares[d.line] < d.qty else None
    return Allocation(
        tuple(granted),
        tuple(binding),
        tuple(unknown),
        used,
        {
            key: sum(r.pools.values()) if r.pools is not None else r.capacity
            for key, r in table.items()
        },
    )
