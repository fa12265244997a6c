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


def _limits(ctx: Context, info: LineInfo) -> list[tuple[Text, int, Evidence]]:
    out: list[tuple[Text, int, Evidence]] = []
    shops = ctx.workshops
    hours = info.ref.get("maintenance_hours_per_year")
    if shops is not None and shops.hours_free is not None and hours:
        q = max(0, math.floor(shops.hours_free / float(hours)))
        out.append(
            (
                Text("workshop hours", "heures d'atelier"),
                q,
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
        )
    ratio = float(ctx.ruleset.param("vehicles_per_mechanic", 12))
    if shops is not None and shops.qualified_known:
        mechanics = shops.by_make.get(info.make_key, 0) + (info.line.mechanics_trained or 0)
        held = ctx.fleet.make_units.get(info.make_key, 0)
        q = max(0, math.floor(mechanics * ratio - held))
        out.append(
            (
                Text("mechanics", "mécaniciens"),
                q,
                ev(
                    "mechanics",
                    "mechanics for this make (qualified + trained by donor)",
                    "mécaniciens pour cette marque (qualifiés + formés par le donateur)",
                    mechanics,
                    sensitive=True,
                ),
            )
        )
    crew = float(info.ref.get("crew_per_unit", 1))
    pool = ctx.drivers_by_cat
    if pool is not None and crew > 0:
        q = max(0, math.floor(pool.get(info.cat, 0) / crew))
        out.append(
            (
                Text("drivers", "conducteurs"),
                q,
                ev(
                    "drivers",
                    "drivers available for the category",
                    "conducteurs disponibles pour la catégorie",
                    pool.get(info.cat, 0),
                    sensitive=True,
                ),
            )
        )
    cost = unit_costs(ctx)[info.index]
    per_unit = cost.known_total
    rooms = [headroom(ctx, k) for k in range(1, max(ctx.horizon, 1) + 1)]
    if per_unit > 0 and cost.complete and all(r is not None for r in rooms):
        room = min(r for r in rooms if r is not None)
        q = max(0, math.floor(room / per_unit))
        out.append(
            (
                Text("budget headroom", "marge budgétaire"),
                q,
                ev(
                    "budget_headroom",
                    "smallest yearly budget headroom over the horizon",
                    "plus petite marge budgétaire annuelle sur l'horizon",
                    round(room),
                    sensitive=True,
                    rows=ctx.budget_rows(),
                ),
            )
        )
    return out


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


def _limited(ctx: Context, info: LineInfo) -> tuple[Text, int, Text, tuple[Evidence, ...]] | None:
    """The tightest limit (its name, the units it allows, the phrase saying so) and the evidence
    of all limits; None when no limit is known."""
    limits = _limits(ctx, info)
    if not limits:
        return None
    name, q, _ = min(limits, key=lambda item: item[1])
    evidence = tuple(e for _, _, e in limits) + tuple(
        ev(
            f"limit_{t.en.replace(' ', '_')}",
            f"units within {t.en}",
            f"unités dans la limite : {t.fr}",
            qty,
        )
        for t, qty, _ in limits
    )
    phrase = Text(f"{name.en} (allows {num(q)})", f"{name.fr} (permet {num(q, 'fr')})")
    return name, q, phrase, evidence


def counter_proposal(ctx: Context, info: LineInfo) -> CounterProposal:
    # Limits depend on the line's category, make, trained mechanics and unit cost, and the
    # alternative on its category and model: each is worked out once per distinct value.
    cost = unit_costs(ctx)[info.index]
    limited: tuple[Text, int, Text, tuple[Evidence, ...]] | None = ctx._memoised(
        "counter_limits",
        (info.cat, info.make_key, exact(info.line.mechanics_trained), cost),
        lambda: _limited(ctx, info),
    )
    alternative, reason = ctx._memoised(
        "counter_alternative", (info.cat, info.model_key), lambda: _alternative(ctx, info)
    )
    if limited is None:
        return CounterProposal(info.index, info.qty, None, None, alternative, reason)
    _, q, phrase, evidence = limited
    absorbable = min(info.qty, q)
    limiting = None if absorbable >= info.qty else phrase
    return CounterProposal(
        info.index, info.qty, absorbable, limiting, alternative, reason, evidence
    )
