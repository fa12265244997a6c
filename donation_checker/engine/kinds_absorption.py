"""Absorptive-capacity kinds: running cost against budget, drivers, new types across donors,
requirement gap, and registers that cap a score (catalogue ABS-01, 02, 04, 06, 07; SPARE-06)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .. import messages
from ..assessment import Status
from ..messages import canonical, count, money, msg, number, people, percent
from .capacity import BUDGET, BUDGET_KINDS, DRIVERS
from .context import Context, LineInfo
from .kind_shared import not_applicable, number_param, unknown
from .lifecycle import recipient_currency
from .registry import Outcome, ParamSpec, kind
from .wording import ev

if TYPE_CHECKING:
    from ..ruleset import Rule


def running_cost(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    """Each budget line (fuel, maintenance, parts) carries its own share of the yearly cost,
    against its uncommitted amount in the tightest year of the horizon: the cost recurs every
    year of the equipment's life, so a shortfall in one year is a shortfall for good."""
    p = rule.params
    cap = ctx.capacity
    costs = cap.unit_costs
    currency = recipient_currency(ctx) or ""
    per_kind = {
        kind: sum(i.qty * (getattr(c, kind) or 0.0) for i, c in zip(ctx.lines, costs, strict=True))
        for kind in BUDGET_KINDS
    }
    yearly = sum(per_kind.values())
    complete = all(c.total is not None for c in costs)
    free = {kind: cap.budget[kind].amount for kind in BUDGET_KINDS}
    known_free = [v for v in free.values() if v is not None]
    room = sum(known_free) if len(known_free) == len(free) else None
    unstated = sum(cap.budget[kind].unstated_rows for kind in BUDGET_KINDS)
    funded_years = int(p["donor_years"])
    shortfall = sum(max(0.0, per_kind[k] - max(v, 0.0)) for k, v in free.items() if v is not None)
    absorbable = sum(g or 0 for g in cap.of(BUDGET).granted)
    # The uncommitted budget is the recipient's; what is computed from it is as sovereign.
    room_v = money(None if room is None else round(room), currency, "budget")
    yearly_v = money(round(yearly), currency)
    shortfall_v = money(round(shortfall), currency, derived_from=(yearly_v, room_v))
    absorbable_v = count(absorbable, derived_from=(room_v,))
    values = {
        "annual_cost": yearly_v,
        "headroom": room_v,
        "years": number(max(ctx.horizon, 1)),
        "donor_years": number(funded_years),
        "amount": money(round(shortfall * funded_years), currency, derived_from=(shortfall_v,)),
        "shortfall": shortfall_v,
        "absorbable": absorbable_v,
        "currency": messages.currency(currency),
    }
    evidence = (
        ev(
            "annual_cost",
            msg("evidence.running_cost.annual_cost"),
            yearly_v,
        ),
        *(
            ev(
                f"headroom_{kind}",
                msg("evidence.running_cost.headroom", line=canonical("budget_line", kind)),
                money(None if free[kind] is None else round(free[kind] or 0.0), currency, "budget"),
                rows=ctx.budget_rows,
            )
            for kind in BUDGET_KINDS
        ),
        ev(
            "committed_unstated",
            msg("evidence.running_cost.committed_unstated"),
            unstated,
        ),
        ev(
            "complete",
            msg("evidence.running_cost.complete"),
            complete,
        ),
    )
    if room is None or not complete:
        return unknown(
            msg("running_cost.uncommitted_running_budget_fuel"),
            *evidence,
        )
    ratios = {
        k: per_kind[k] / v if v is not None and v > 0 else (math.inf if per_kind[k] > 0 else 0.0)
        for k, v in free.items()
    }
    loaded = max(BUDGET_KINDS, key=lambda k: ratios[k])
    ratio = ratios[loaded]
    line_cost = money(round(per_kind[loaded]), currency)
    line_room = money(round(max(free[loaded] or 0.0, 0.0)), currency, "budget")
    values = {
        **values,
        "budget_line": canonical("budget_line", loaded),
        "line_cost": line_cost,
        "line_headroom": line_room,
    }
    score = (
        100.0
        if ratio <= p["comfortable_share"]
        else (float(p["tight_score"]) if ratio <= 1 else 0.0)
    )
    total_units = count(sum(i.qty for i in ctx.lines))
    share = percent(ratio, (line_cost, line_room))
    horizon = number(max(ctx.horizon, 1))
    return Outcome(
        score,
        msg(
            "running_cost.over" if ratio > 1 else "running_cost.within",
            cost=yearly_v,
            share=share,
            years=horizon,
            shortfall=shortfall_v,
            donor_years=number(funded_years),
            absorbable=absorbable_v,
            units=total_units,
        ),
        evidence,
        values,
        knockout=ratio > 1,
    )


def drivers(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    crew = float(info.ref.get("crew_per_unit", rule.params["crew_per_unit"]))
    if crew == 0:
        return not_applicable(
            msg("drivers.equipment_needs_dedicated_driver"),
        )
    cap = ctx.capacity
    pool = cap.drivers
    granted = cap.of(DRIVERS).granted[info.index]
    evidence = [
        ev(
            "crew",
            msg("evidence.drivers.crew"),
            number(crew),
        )
    ]
    free = None if pool is None else pool.get(info.cat)
    if pool is None or granted is None:
        return unknown(
            msg("drivers.drivers_by_category_known"),
            *evidence,
        )
    free_v = people(0 if free is None or free.amount is None else round(free.amount), "personnel")
    evidence.append(
        ev(
            "available",
            msg("evidence.drivers.available"),
            free_v,
            rows=ctx.personnel_rows(info.cat),
        )
    )
    short_units = cap.short_units(DRIVERS, info.cat) or 0
    short = people(math.ceil(short_units * crew - 1e-9), derived_from=(free_v,))
    covered = count(granted, derived_from=(free_v,))
    score = 100.0 if info.qty == 0 else 100.0 * granted / info.qty
    return Outcome(
        round(score, 1),
        msg("drivers.crew", covered=covered, qty=count(info.qty), short=short),
        tuple(evidence),
        {"drivers": short, "covered": covered},
    )


def new_types_window(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    p = rule.params
    if (info.cat, info.model_key) in ctx.fleet.models:
        return not_applicable(msg("new_types_window.model_already_fleet"))
    own = set(ctx.new_models_by_cat.get(info.cat, ()))
    pledged = ctx.pledge_view.within(info.cat, p["months_before"], p["months_after"])
    others: set[str] = set()
    if pledged is not None:
        keys = pledged["model_key"].dropna()
        others = {k for k in keys.unique() if (info.cat, k) not in ctx.fleet.models} - own
    n_types = len(own) + len(others)
    evidence = (
        ev(
            "offer_new_types",
            msg("evidence.new_types_window.offer_new_types"),
            len(own),
        ),
        ev(
            "pledged_new_types",
            msg("evidence.new_types_window.pledged_new_types"),
            None if pledged is None else len(others),
            rows=() if pledged is None else ctx.pledge_view.rows(pledged),
        ),
    )
    values = {"new_types": number(n_types)}
    allowed = int(p["allowed"])
    score = (
        100.0
        if n_types <= allowed
        else (float(p["one_more_score"]) if n_types == allowed + 1 else float(p["floor"]))
    )
    if pledged is None and n_types <= allowed + 1:
        return unknown(
            msg("new_types_window.other_partners_pledges_offer"),
            *evidence,
        )
    return Outcome(
        score,
        msg("new_types_window.count", new_types=number(n_types)),
        evidence,
        values,
    )


def requirement_gap(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    cat = ctx.fleet.categories.get(info.cat)
    offered = ctx.offered_by_cat.get(info.cat, 0)
    if cat is None or cat.authorised is None:
        return unknown(
            msg("requirement_gap.authorised_strength_category_known"),
            ev(
                "offered",
                msg("evidence.requirement_gap.offered"),
                offered,
            ),
        )
    gap = max(0, cat.authorised - cat.units)
    authorised, held = count(cat.authorised, "holdings"), count(cat.units, "holdings")
    gap_v = count(gap, derived_from=(authorised, held))
    offered_v = count(offered)
    evidence = (
        ev(
            "authorised",
            msg("evidence.requirement_gap.authorised"),
            authorised,
            rows=ctx.fleet.rows("category", info.cat),
        ),
        ev("held", msg("evidence.requirement_gap.held"), held),
        ev("offered", msg("evidence.requirement_gap.offered"), offered),
    )
    values = {"gap": gap_v, "surplus": count(max(0, offered - gap), derived_from=(gap_v,))}
    score = 100.0 if offered <= gap else (100.0 * gap / offered if offered else 100.0)
    return Outcome(
        round(score, 1),
        msg("requirement_gap.gap", offered=offered_v, gap=gap_v),
        evidence,
        values,
    )


def register_cap(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    which = rule.params["register"]
    state = ctx.profile.asset_register if which == "asset" else ctx.profile.parts_register
    register = "asset" if which == "asset" else "parts"
    evidence = (ev("register", msg(f"evidence.register_cap.{register}"), state),)
    cap_v = number(rule.params["cap"])
    values = {"cap": cap_v}
    if state is None:
        return unknown(msg(f"register_cap.{register}_unknown"), *evidence)
    if state:
        return Outcome(100.0, msg(f"register_cap.{register}_kept"), evidence, values)
    return Outcome(
        0.0,
        msg(f"register_cap.{register}_missing", cap=cap_v),
        evidence,
        values,
        status=Status.FAIL,
    )


SPECS = (
    kind(
        "running_cost",
        "offer",
        (
            "offer.quantity",
            "offer.unit_value",
            "profile.fuel_price",
            "budget.amount",
            "budget.committed",
        ),
        {
            "comfortable_share": number_param(0.5),
            "tight_score": number_param(50),
            "donor_years": number_param(2),
        },
        (
            "annual_cost",
            "headroom",
            "years",
            "donor_years",
            "amount",
            "shortfall",
            "absorbable",
            "currency",
            "budget_line",
            "line_cost",
            "line_headroom",
        ),
        running_cost,
    ),
    kind(
        "drivers",
        "line",
        ("personnel.category", "personnel.licence_class", "personnel.count", "offer.quantity"),
        {"crew_per_unit": number_param(1)},
        ("drivers", "covered"),
        drivers,
        # Lines of a category and quantity to which the ledger grants as many units share one.
        key=lambda i: (i.cat, i.qty),
        ledger=DRIVERS,
    ),
    kind(
        "new_types_window",
        "line",
        ("pledges.category", "pledges.model", "pledges.date", "offer.date"),
        {
            "allowed": number_param(1),
            "one_more_score": number_param(50),
            "floor": number_param(0),
            "months_before": number_param(12),
            "months_after": number_param(12),
        },
        ("new_types",),
        new_types_window,
        key=lambda i: (i.cat, i.model_key),
    ),
    kind(
        "requirement_gap",
        "line",
        ("fleet.quantity_authorised", "fleet.quantity", "offer.quantity"),
        {},
        ("gap", "surplus"),
        requirement_gap,
        key=lambda i: i.cat,
    ),
    kind(
        "register_cap",
        "offer",
        ("profile.asset_register", "profile.parts_register"),
        {
            "register": ParamSpec("text", "asset"),
            "cap": number_param(50),
            "cap_scope": ParamSpec("text", "overall"),
        },
        ("cap",),
        register_cap,
    ),
)
