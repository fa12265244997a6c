"""Counter-proposals: how many of each line the recipient can absorb, and a better model to ask for.

The quantities are the capacity ledger's joint allocation (see ledger.py): budget, workshop
hours, mechanics and drivers are shared out once across all lines, so the quantities proposed
for the lines together never exceed what the recipient has. The alternative is the model
already in the same category with the most serviceable units whose fuel the recipient supplies
and whose drive side fits the traffic.
"""

from __future__ import annotations

from ..assessment import CounterProposal, Text
from ..messages import Message, Value, canonical, count, model, msg
from .capacity import BUDGET, DRIVERS, HOURS, MECHANICS
from .context import Context, LineInfo, dominant, traffic_side
from .wording import ev

# What each resource kind is called when it binds.
LIMITS = {
    BUDGET: Text("running budget", "budget de fonctionnement"),
    HOURS: Text("workshop hours", "heures d’atelier"),
    MECHANICS: Text("mechanics", "mécaniciens"),
    DRIVERS: Text("drivers", "conducteurs"),
}


def _alternative(ctx: Context, info: LineInfo) -> tuple[Value | None, Message | None]:
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
            # A model of the fleet: its name is sovereign when the share settings say so.
            name = model(ctx.fleet.name(key), topic="model_names")
            return name, msg(
                "counter.alternative",
                model=name,
                serviceable=count(stats.serviceable, topic="holdings"),
            )
    return None, None


def counter_proposal(ctx: Context, info: LineInfo) -> CounterProposal:
    """The ledger's joint allocation for the line: the units every resource can carry once the
    lines served before it have drawn theirs, and the resource that binds."""
    alloc = ctx.capacity.joint
    alternative, reason = ctx.support_cache.alternative.get(
        (info.cat, info.model_key), lambda: _alternative(ctx, info)
    )
    granted = alloc.granted[info.index]
    unknown = alloc.unknown[info.index]
    used = {kind for kind, _ in ctx.capacity.demands[info.index].use if kind in LIMITS}
    evidence = tuple(
        ev(
            f"not_checked_{kind}_{qualifier}".rstrip("_"),
            msg("evidence.counter.not_checked", resource=canonical("resource", kind)),
            True,
        )
        for kind, qualifier in unknown
        if kind in LIMITS
    )
    bound = alloc.binding[info.index]
    limiting = None
    if granted is not None and bound is not None and granted < info.qty:
        # The quantity the recipient can take is the advice the report gives the donor: it is
        # shown, while the capacities it was computed from are not.
        limiting = msg(
            "counter.limiting", resource=canonical("resource", bound[0]), granted=count(granted)
        )
    return CounterProposal(
        info.index,
        info.qty,
        None if granted is None or {k for k, _ in unknown} >= used else granted,
        limiting,
        alternative,
        reason,
        evidence,
    )
