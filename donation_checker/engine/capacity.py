"""The recipient's free capacity and each offer line's use of it, as the ledger reads them.

Capacities are net of today's commitments and today's fleet: budget lines net of what is
committed, workshop hours net of committed hours, drivers net of those already assigned, and
mechanics net of the fleet they already maintain (at the rule set's units-per-mechanic ratio).
A figure that is not stated is never taken as zero or as free: a row whose committed amount
is blank counts as fully committed (its worst plausible case), and a table or column that is
missing makes the capacity unknown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..assessment import RowRef
from ..columns import map_unique
from ..normalise import category_key
from .cache import LedgerCache
from .ledger import POOLED, Allocation, Demand, Resource, ResourceKey, allocate

if TYPE_CHECKING:
    from .context import Context, LineInfo
    from .lifecycle import UnitCost

BUDGET_KINDS = ("fuel", "maintenance", "parts")
BUDGET, HOURS, MECHANICS, DRIVERS, SPARES = "budget", "hours", "mechanics", "drivers", "spares"
# The resources that bound the quantities of the counter-proposal. A shortfall of spare parts
# is lifted by the donor's spares package (SPARE-01's condition), not by taking fewer units.
ABSORPTION_KINDS = frozenset({BUDGET, HOURS, MECHANICS, DRIVERS})


def _num(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce")


@dataclass(frozen=True)
class Free:
    """A free amount, the rows it was summed from, and rows whose free part was not stated
    (counted as none free)."""

    amount: float | None
    unstated_rows: int = 0


def free_of(amount: pd.Series, committed: pd.Series | None) -> Free:
    """Σ (amount − committed) over rows; a row with no committed figure counts as fully
    committed; unknown when no row states both."""
    stated = amount.notna()
    if committed is None:
        return Free(None, int(stated.sum()))
    both = stated & committed.notna()
    if not both.any():
        return Free(None, int(stated.sum()))
    return Free(float((amount[both] - committed[both]).sum()), int((stated & ~both).sum()))


def spares_target_months(ctx: Context) -> float:
    """Months of operation a unit's spares should cover (the 24-month norm, SPARE-01)."""
    for rule in ctx.ruleset.rules:
        if rule.kind == "spares_package" and rule.params.get("target_months"):
            return float(rule.params["target_months"])
    return float(ctx.ruleset.param("spares_target_months", 24))


@dataclass(frozen=True)
class SparesStock:
    free: float | None  # parts in stock for the make beyond today's fleet's needs
    granted: int | None  # units of the line the stock tops up to the target months
    rows: tuple[RowRef, ...]


def units_per_mechanic(ctx: Context) -> float:
    return ctx.capacity.units_per_mechanic


def _units_per_mechanic(ctx: Context) -> float:
    for rule in ctx.ruleset.rules:
        if rule.kind == MECHANICS and rule.params.get("vehicles_per_mechanic"):
            return float(rule.params["vehicles_per_mechanic"])
    return float(ctx.ruleset.param("vehicles_per_mechanic", 12))


class Capacity:
    """Resources, demands and their allocations for one assessment, computed once."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.cache = LedgerCache()

    @cached_property
    def units_per_mechanic(self) -> float:
        """Units one mechanic maintains: the mechanics rule's ratio, else the rule set's."""
        return _units_per_mechanic(self.ctx)

    # --- resources ---------------------------------------------------------------------------

    @cached_property
    def budget(self) -> Mapping[str, Free]:
        """Uncommitted budget per budget line kind: the tightest year of the horizon."""
        ctx = self.ctx
        view = ctx.budget
        out: dict[str, Free] = {}
        for kind in BUDGET_KINDS:
            if view is None:
                out[kind] = Free(None)
                continue
            years = [
                None if ctx.ref_year is None else ctx.ref_year + k
                for k in range(max(ctx.horizon, 1))
            ]
            rooms = [view.for_year(kind, y) for y in years]
            known = [r for r in rooms if r is not None]
            out[kind] = Free(
                min(known) if known and len(known) == len(rooms) else None,
                view.unstated.get(kind, 0),
            )
        return out

    @cached_property
    def hours(self) -> Free:
        shops = self.ctx.workshops
        return Free(None) if shops is None else Free(shops.hours_free, shops.hours_unstated)

    @cached_property
    def drivers(self) -> Mapping[str, Free] | None:
        """Free drivers per category (count − assigned); None when there is no personnel count."""
        ctx = self.ctx
        table = ctx.inventory.personnel
        if table is None or len(table) == 0 or "count" not in table.frame:
            return None
        frame = table.frame
        count = _num(frame["count"])
        # A count with no assigned column is read as its header says: drivers available.
        assigned = _num(frame["assigned"]) if table.has("assigned") else None
        cats = driver_categories(ctx)
        out: dict[str, Free] = {}
        for cat in sorted({c for c in cats.dropna().unique()}):
            rows = (cats == cat).to_numpy()
            if assigned is None:
                out[str(cat)] = Free(float(count[rows].fillna(0).sum()))
            else:
                out[str(cat)] = free_of(count[rows], assigned[rows])
        return out

    @cached_property
    def mechanics(self) -> Resource | None:
        """Mechanics' pools after today's fleet: one pool per workshop, usable by the makes it
        lists, plus the mechanics the donor trains for a make. None when qualifications by make
        are not known."""
        ctx = self.ctx
        table = ctx.inventory.maintenance
        if table is None or "mechanics" not in table.frame or "qualified_makes" not in table.frame:
            return None
        qualified = ctx.qualified_makes
        if qualified is None:
            return None
        codes, makes = qualified
        count = _num(table.frame["mechanics"]).fillna(0).clip(lower=0).to_numpy()
        # Workshops qualified on the same makes are interchangeable: one pool per list of makes.
        pools: dict[str, float] = {}
        reach: dict[str, list[str]] = {}
        for code, n in zip(codes.tolist(), count.tolist(), strict=True):
            if code < 0 or n <= 0 or not makes[code]:
                continue
            pool = f"workshop:{code}"
            if pool not in pools:
                pools[pool] = 0.0
                for make in makes[code]:
                    reach.setdefault(make, []).append(pool)
            pools[pool] += float(n)
        # Pools that serve fewer makes are drawn on first, so versatile workshops stay free.
        width = {p: 0 for p in pools}
        for listed in reach.values():
            for p in listed:
                width[p] += 1
        for listed in reach.values():
            listed.sort(key=lambda p: (width[p], int(p.split(":")[1])))
        ratio = units_per_mechanic(ctx)
        fleet_load = [
            Demand(0, units, (len(reach.get(make, ())), make), {(MECHANICS, make): 1.0 / ratio})
            for make, units in sorted(ctx.fleet.make_units.items())
            if make and units > 0
        ]
        held = Resource(
            (MECHANICS, POOLED), None, dict(pools), {m: tuple(p) for m, p in reach.items()}
        )
        after = _pools_after(held, fleet_load)
        for make, trained in ctx.trained_by_make.items():
            if trained:
                pool = f"trained:{make}"
                after[pool] = float(trained)
                reach[make] = [pool, *reach.get(make, [])]
        return Resource((MECHANICS, POOLED), None, after, {m: tuple(p) for m, p in reach.items()})

    @cached_property
    def resources(self) -> tuple[Resource, ...]:
        out = [Resource((BUDGET, k), free.amount) for k, free in self.budget.items()]
        out.append(Resource((HOURS, ""), self.hours.amount))
        drivers = self.drivers
        for cat in self.driver_cats:
            free = drivers.get(cat) if drivers is not None else None
            amount = None if drivers is None else (free.amount if free else 0.0)
            out.append(Resource((DRIVERS, cat), amount))
        mech = self.mechanics
        out.append(mech if mech is not None else Resource((MECHANICS, POOLED), None))
        stock = self.spares
        for make in sorted({i.make_key for i in self.ctx.lines if i.make_key}):
            free = None if stock is None else stock[make]
            out.append(Resource((SPARES, make), None if free is None else free.amount))
        return tuple(out)

    @cached_property
    def spares(self) -> Mapping[str, Free] | None:
        """Spare parts in stock per offered make (Σ quantity on hand of the parts whose
        applicability names the make), net of what today's fleet of the make uses over the
        target months; None when the stock table or its applicability is missing. A row with no
        quantity counts as none in stock; a fleet category with no consumption reference makes
        the make's free stock unknown."""
        ctx = self.ctx
        table = ctx.inventory.spare_parts
        quantities = ctx.parts_on_hand
        if table is None or not table.has("applies_to") or quantities is None:
            return None
        months = spares_target_months(ctx)
        out: dict[str, Free] = {}
        for info in ctx.lines:
            make = info.make_key
            if not make or make in out:
                continue
            mask = ctx.parts_mask(make, info.make)
            on_hand = quantities[mask] if mask is not None else quantities[:0]
            fleet_need: float | None = 0.0
            for (cat, fleet_make), units in ctx.fleet.cat_make_units.items():
                if fleet_make != make or units <= 0:
                    continue
                rate = _rate(ctx.ruleset.categories.reference(cat))
                fleet_need = (
                    None
                    if rate is None or fleet_need is None
                    else (fleet_need + units * rate * months / 12)
                )
            stated = on_hand[~np.isnan(on_hand)]
            out[make] = Free(
                None if fleet_need is None else float(stated.clip(min=0).sum()) - fleet_need,
                int(len(on_hand) - len(stated)),
            )
        return out

    @cached_property
    def driver_cats(self) -> tuple[str, ...]:
        return tuple(sorted({i.cat for i in self.ctx.lines}))

    # --- demands -----------------------------------------------------------------------------

    @cached_property
    def unit_costs(self) -> tuple[UnitCost, ...]:
        """Each line's yearly running cost per unit; lines alike in category, fuel and age share
        one computation."""
        from .lifecycle import unit_cost

        ctx = self.ctx
        found: dict[Any, UnitCost] = {}
        out = []
        for info in ctx.lines:
            line = info.line
            key = (info.cat, info.fuel, info.condition, line.year, line.odometer_km, line.hours)
            cost = found.get(key)
            if cost is None:
                cost = found[key] = unit_cost(ctx, info)
            out.append(cost)
        return tuple(out)

    @cached_property
    def demands(self) -> tuple[Demand, ...]:
        ctx = self.ctx
        costs = self.unit_costs
        ratio = units_per_mechanic(ctx)
        target = spares_target_months(ctx)
        out = []
        for info, cost in zip(ctx.lines, costs, strict=True):
            use: dict[ResourceKey, float | None] = {
                (BUDGET, "fuel"): cost.fuel,
                (BUDGET, "maintenance"): cost.maintenance,
                (BUDGET, "parts"): cost.parts,
                (HOURS, ""): _ref(info, "maintenance_hours_per_year"),
                # A make not stated: who could maintain it is not known.
                (MECHANICS, info.make_key): 1.0 / ratio if info.make_key else None,
            }
            crew = _ref(info, "crew_per_unit")
            if crew is None or crew > 0:
                use[(DRIVERS, info.cat)] = crew
            if info.make_key:
                use[(SPARES, info.make_key)] = spares_use(info, target)
            out.append(Demand(info.index, info.qty, rank(ctx, info, cost.total), use))
        return tuple(out)

    # --- allocations -------------------------------------------------------------------------

    @cached_property
    def joint(self) -> Allocation:
        """Every resource that bounds quantities, at once: the counter-proposal."""
        return allocate(self.demands, self.resources, ABSORPTION_KINDS)

    @cached_property
    def worst(self) -> Allocation:
        """Every resource at once, capacities not known taken as none: what surely fits."""
        known = [
            r if r.known else Resource(r.key, 0.0, {} if r.key[1] == POOLED else None, r.reach)
            for r in self.resources
        ]
        return allocate(self.demands, known, ABSORPTION_KINDS)

    def of(self, kind: str) -> Allocation:
        """One kind of resource alone: what a rule about that resource reads."""
        return self.cache.by_kind.get(
            kind, lambda: allocate(self.demands, self.resources, frozenset({kind}))
        )

    @cached_property
    def _users(self) -> Mapping[ResourceKey, tuple[Demand, ...]]:
        """The demands that use each resource key."""
        out: dict[ResourceKey, list[Demand]] = {}
        for d in self.demands:
            for key in d.use:
                out.setdefault(key, []).append(d)
        return {k: tuple(v) for k, v in out.items()}

    def short_units(self, kind: str, qualifier: str) -> int | None:
        """Units of the offer that the resource (one make's mechanics, one category's drivers)
        leaves uncovered; None when its capacity is not known."""
        key = (kind, qualifier)

        def short() -> int | None:
            alloc = self.of(kind)
            out = 0
            for d in self._users.get(key, ()):
                granted = alloc.granted[d.line]
                if granted is None or key in alloc.unknown[d.line]:
                    return None
                out += d.qty - granted
            return out

        return self.cache.short.get(key, short)

    def mechanics_short(self, make_key: str) -> int | None:
        """Mechanics still lacking for the make once today's fleet and the donor's trainees are
        counted: the figure every rule and text about mechanics uses."""
        units = self.short_units(MECHANICS, make_key)
        if units is None:
            return None
        return math.ceil(units / units_per_mechanic(self.ctx) - 1e-9)

    def mechanics_short_untrained(self, make_key: str) -> int | None:
        """Mechanics lacking for the make before the donor's trainees are counted."""
        short = self.mechanics_short(make_key)
        if short is None:
            return None
        trained = self.ctx.trained_by_make.get(make_key) or 0
        if short > 0 or trained == 0:
            return short + trained
        # The trainees may have covered the whole need: count it without any trainees.
        return self._untrained.get(make_key, 0)

    @cached_property
    def _untrained(self) -> Mapping[str, int]:
        """Mechanics lacking per make in an allocation with no trainees at all."""
        mech = self.mechanics
        assert mech is not None
        reach = {
            m: tuple(p for p in r if not p.startswith("trained:")) for m, r in mech.reach.items()
        }
        alloc = allocate(
            self.demands, [Resource(mech.key, None, mech.pools, reach)], frozenset({MECHANICS})
        )
        units: dict[str, int] = {}
        for (kind, make), users in self._users.items():
            if kind == MECHANICS:
                units[make] = sum(d.qty - (alloc.granted[d.line] or 0) for d in users)
        ratio = units_per_mechanic(self.ctx)
        return {make: math.ceil(n / ratio - 1e-9) for make, n in units.items()}

    def spares_stock(self, info: LineInfo) -> SparesStock:
        """The parts stock of the line's make and the units of the line it tops up to the
        target months (None: not known)."""
        stock = self.spares
        free = None if stock is None or not info.make_key else stock[info.make_key]
        alloc = self.of(SPARES)
        key = (SPARES, info.make_key)
        granted = (
            None if free is None or key in alloc.unknown[info.index] else alloc.granted[info.index]
        )
        rows = self.ctx.parts_rows(info.make_key, info.make) if info.make_key else ()
        return SparesStock(None if free is None else free.amount, granted, rows)

    def free_mechanics(self, make_key: str) -> float | None:
        """Mechanics free for the make after today's fleet (shared pools counted whole)."""
        return self._free.get(make_key, 0.0) if self.mechanics is not None else None

    @cached_property
    def _free(self) -> Mapping[str, float]:
        mech = self.mechanics
        pools = (mech.pools if mech else None) or {}
        return {
            make: sum(max(pools[p], 0.0) for p in reach if not p.startswith("trained:"))
            for make, reach in (mech.reach.items() if mech else ())
        }


def _rate(ref: Mapping[str, Any]) -> float | None:
    value = ref.get("spare_items_per_year")
    return None if value is None else float(value)


def spares_use(info: LineInfo, target_months: float) -> float | None:
    """Spare parts one unit of the line draws from the stock: the category's yearly use over the
    target months its own spares package does not cover (none stated: no package, the worst
    case); None when the category has no consumption reference."""
    rate = _rate(info.ref)
    if rate is None:
        return None
    offered = info.line.spares_months
    months = float(offered) if offered is not None and math.isfinite(offered) else 0.0
    covered = min(max(months, 0.0), target_months)
    return rate * (target_months - covered) / 12


def _ref(info: LineInfo, name: str) -> float | None:
    value = info.ref.get(name)
    return None if value is None else float(value)


def rank(ctx: Context, info: LineInfo, unit_cost: float | None) -> tuple[Any, ...]:
    """Serving order: models already in service first (most serviceable units first), then the
    cheapest to run, then by name. Independent of where the line stands in the offer."""
    stats = ctx.fleet.models.get((info.cat, info.model_key))
    return (
        0 if stats is not None else 1,
        -(stats.serviceable if stats is not None else 0),
        math.inf if unit_cost is None else unit_cost,
        info.cat,
        info.make_key,
        info.model_key,
    )


def _pools_after(resource: Resource, load: list[Demand]) -> dict[str, float]:
    """The pools left once today's fleet has drawn what it needs (as far as they reach)."""
    pools = dict(resource.pools or {})
    for demand in sorted(load, key=lambda d: d.rank):
        ((key, per_unit),) = demand.use.items()
        need = (per_unit or 0.0) * demand.qty
        for pool in resource.reach.get(key[1], ()):
            part = min(pools[pool], need)
            pools[pool] -= part
            need -= part
            if need <= 1e-9:
                break
    return pools


def driver_categories(ctx: Context) -> pd.Series:
    """Each personnel row's vehicle category: its category cell through the vocabulary, else its
    licence class through the categories' licence classes."""
    table = ctx.inventory.personnel
    assert table is not None
    frame = table.frame
    vocab = ctx.ruleset.categories
    cat = (
        map_unique(frame["category"], vocab.match)
        if "category" in frame
        else pd.Series([None] * len(frame), index=frame.index, dtype=object)
    )
    if "licence_class" in frame:
        by_licence: dict[str, str] = {}
        for cid, cdef in vocab.categories.items():
            for lic in cdef.reference.get("licence_classes", ()):
                by_licence.setdefault(category_key(lic), cid)
        lic_cat = map_unique(frame["licence_class"], lambda v: by_licence.get(category_key(v)))
        cat = cat.where(cat.notna(), lic_cat)
    return cat.astype(object).where(cat.notna(), np.nan)
