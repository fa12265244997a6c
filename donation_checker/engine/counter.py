"""Counter-proposals: how many of each line the recipient can absorb, and a better model to ask for.

For each line alone: the largest quantity that fits the free workshop hours, the mechanics
(qualified plus those the donor trains, at the rule set's units-per-mechanic ratio), the drivers
for the category, and the running-cost headroom of every year of the horizon. The smallest of
the known limits is the answer, and it is named. The alternative is the model already in the
same category with the most serviceable units whose fuel the recipient supplies and whose drive
side fits the traffic.
"""

from __future__ import annotations

import math

from ..assessment import CounterProposal, Evidence, Text
from .context import Context, LineInfo, dominant, exact, traffic_side
from .lifecycle import headroom, unit_costs
from .wording import ev, num

Limit = tuple[Text, int, Evidence]  # what limits, the units it allows, the figure behind it


def _limits(ctx: Context, info: LineInfo) -> list[Limit]:
    # Each limit depends on a few of the line's values only, and is worked out once per value.
    found = (
        ctx._memoised("limit_hours", info.cat, lambda: _hours_limit(ctx, info)),
        ctx._memoised(
            "limit_mechanics",
            (info.make_key, exact(info.line.mechanics_trained)),
            lambda: _mechanics_limit(ctx, info),
        ),
        ctx._memoised("limit_drivers", info.cat, lambda: _drivers_limit(ctx, info)),
        ctx._memoised(
            "limit_budget", unit_costs(ctx)[info.index], lambda: _budget_limit(ctx, info)
        ),
    )
    return [limit for limit in found if limit is not None]


def _hours_limit(ctx: Context, info: LineInfo) -> Limit | None:
    shops = ctx.workshops
    hours = info.ref.get("maintenance_hours_per_year")
    if shops is None or shops.hours_free is None or not hours:
        return None
    return (
        Text("workshop hours", "heures d'atelier"),
        max(0, math.floor(shops.hours_free / float(hours))),
        ev(
            "free_hours",
            "free workshop hours a year",
            "heures d'atelier libres par an",
            round(shops.hours_free),
            "h",
            sensitive=True,
            rows=ctx.workshop_rows(),
        ),
    )


def _mechanics_limit(ctx: Context, info: LineInfo) -> Limit | None:
    shops = ctx.workshops
    if shops is None or not shops.qualified_known:
        return None
    ratio = float(ctx.ruleset.param("vehicles_per_mechanic", 12))
    mechanics = shops.by_make.get(info.make_key, 0) + (info.line.mechanics_trained or 0)
    held = ctx.fleet.make_units.get(info.make_key, 0)
    return (
        Text("mechanics", "mécaniciens"),
        max(0, math.floor(mechanics * ratio - held)),
        ev(
            "mechanics",
            "mechanics for this make (qualified + trained by donor)",
            "mécaniciens pour cette marque (qualifiés + formés par le donateur)",
            mechanics,
            sensitive=True,
        ),
    )


def _drivers_limit(ctx: Context, info: LineInfo) -> Limit | None:
    crew = float(info.ref.get("crew_per_unit", 1))
    pool = ctx.drivers_by_cat
    if pool is None or crew <= 0:
        return None
    return (
        Text("drivers", "conducteurs"),
        max(0, math.floor(pool.get(info.cat, 0) / crew)),
        ev(
            "drivers",
            "drivers available for the category",
            "conducteurs disponibles pour la catégorie",
            pool.get(info.cat, 0),
            sensitive=True,
        ),
    )


def _budget_limit(ctx: Context, info: LineInfo) -> Limit | None:
    cost = unit_costs(ctx)[info.index]
    per_unit = cost.known_total
    rooms = [headroom(ctx, k) for k in range(1, max(ctx.horizon, 1) + 1)]
    if not (per_unit > 0 and cost.complete and all(r is not None for r in rooms)):
        return None
    room = min(r for r in rooms if r is not None)
    return (
        Text("budget headroom", "marge budgétaire"),
        max(0, math.floor(room / per_unit)),
        ev(
            "budget_headroom",
            "smallest yearly budget headroom over the horizon",
            "plus petite marge budgétaire annuelle sur l'horizon",
            round(room),
            sensitive=True,
            rows=ctx.budget_rows(),
        ),
    )


def _alternative(ctx: Context, info: LineInfo) -> tuple[str | None, Text | None]:
    cat = ctx.fleet.categories.get(info.cat)
    if cat is None or not cat.models:
        return None, None
    current = ctx.fleet.models.get((info.cat, info.model_key))
    min_units = 10
    if current is not None and current.serviceable >= min_units:
        return None, None  # the offered model is already well established
    side, _ = traffic_side(ctx)
    wanted_side = {"right": "LHD", "left": "RHD"}.get(side or "")
    supply = set(ctx.profile.national_fuels or ()) or set(ctx.fleet.fuels)
    for key in cat.models:
        stats = ctx.fleet.models[(info.cat, key)]
        if key == info.model_key:
            continue
        fuel = dominant(stats.fuels)
        drive = dominant(stats.drive_sides)
        if (fuel is None or not supply or fuel in supply) and (
            drive is None or wanted_side is None or drive == wanted_side
        ):
            name = ctx.fleet.name(key)
            return name, Text(
                f"{name}: {stats.serviceable} serviceable in the fleet, with mechanics, parts and drivers already in place.",
                f"{name} : {stats.serviceable} en service dans le parc, avec mécaniciens, pièces et conducteurs déjà en place.",
            )
    return None, None


def _within(ctx: Context, name: Text, units: int) -> Evidence:
    within: Evidence = ctx._memoised(
        "limit_within",
        (name, units),
        lambda: ev(
            f"limit_{name.en.replace(' ', '_')}",
            f"units within {name.en}",
            f"unités dans la limite : {name.fr}",
            units,
        ),
    )
    return within


def counter_proposal(ctx: Context, info: LineInfo) -> CounterProposal:
    limits = _limits(ctx, info)
    alternative, reason = ctx._memoised(
        "counter_alternative", (info.cat, info.model_key), lambda: _alternative(ctx, info)
    )
    if not limits:
        return CounterProposal(info.index, info.qty, None, None, alternative, reason)
    name, q, _ = min(limits, key=lambda item: item[1])
    absorbable = min(info.qty, q)
    limiting = None
    if absorbable < info.qty:
        limiting = ctx._memoised(
            "limit_phrase",
            (name, q),
            lambda: Text(f"{name.en} (allows {num(q)})", f"{name.fr} (permet {num(q, 'fr')})"),
        )
    evidence = tuple(e for _, _, e in limits) + tuple(_within(ctx, t, n) for t, n, _ in limits)
    return CounterProposal(
        info.index, info.qty, absorbable, limiting, alternative, reason, evidence
    )
