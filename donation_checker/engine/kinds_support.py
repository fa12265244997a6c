"""Spare-parts and maintenance kinds (catalogue SPARE-01…04, MAINT-01, MAINT-02, MAINT-04)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from ..assessment import RowRef
from ..messages import (
    Unit,
    Value,
    canonical,
    category,
    count,
    hours,
    make,
    msg,
    number,
    people,
    percent,
    place,
)
from ..messages import year as year_value
from ..normalise import compact, fold, parse_bool
from .capacity import MECHANICS, SPARES, units_per_mechanic
from .context import COMPLEXITY_ORDER, Context, LineInfo, exact
from .kind_shared import ladder_param, number_param, unknown
from .registry import Outcome, ParamSpec, kind
from .wording import ev, ladder

if TYPE_CHECKING:
    from ..ruleset import Rule


# The canonical technology classes as a French reader reads them.


def spares_package(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    p = rule.params
    months = info.line.spares_months
    target = number(p["target_months"], measure="months")
    offered = number(months, measure="months")
    stock = ctx.capacity.spares_stock(info)
    # Units the stock tops up to the target (none when the package alone reaches it).
    topped = stock.granted if months is None or months < float(p["target_months"]) else 0
    # The rule's own text writes the unit after these.
    values = {"months": number(p["target_months"]), "offered_months": number(months)}
    evidence = (
        ev(
            "spares_months",
            msg("evidence.spares_package.spares_months"),
            months,
            "months",
        ),
        ev(
            "spares_value",
            msg("evidence.spares_package.spares_value"),
            info.line.spares_value,
        ),
        ev(
            "stock_free",
            msg("evidence.spares_package.stock_free"),
            None if stock.free is None else round(max(stock.free, 0.0)),
            sensitive=True,
            rows=stock.rows,
        ),
        # How many units the stock covers tells its size: the recipient's figure.
        ev("stock_units", msg("evidence.spares_package.stock_units"), topped, sensitive=True),
    )
    if months is None:
        return unknown(
            msg("spares_package.offer_does_say_whether"),
            *evidence,
        )
    # The stock the ledger grants the line tops its units up to the target; a stock that is not
    # known tops up nothing (its worst case).
    goal = float(p["target_months"])
    covered = months
    if 0 <= months < goal and topped and info.qty:
        covered = months + (goal - months) * topped / info.qty
    score = float(p["none_score"]) if covered <= 0 else ladder(covered, p["steps"], p["floor"])
    message = (
        msg(
            "spares_package.months_topped",
            months=offered,
            target=target,
            topped=count(topped, "holdings"),
            units=count(info.qty),
        )
        if covered > months
        else msg("spares_package.months", months=offered, target=target)
    )
    return Outcome(score, message, evidence, {**values, "stock_units": topped or 0})


def _lead_time(ctx: Context, parts: pd.DataFrame | None) -> tuple[float | None, tuple[RowRef, ...]]:
    if parts is None or not len(parts) or ctx.inventory.spare_parts is None:
        return None, ()
    rows = ctx.rows_of(ctx.inventory.spare_parts, parts)
    if "lead_time_days" not in parts:
        return None, rows
    days = pd.to_numeric(parts["lead_time_days"], errors="coerce").dropna()
    return (float(days.median()) if len(days) else None), rows


def in_country(ctx: Context, place: str) -> bool:
    """A folded place name is in the recipient's country when it names the country or one of
    its towns (the rule set's `places` gazetteer, which users extend)."""
    country = fold(ctx.profile.country)
    if not country:
        return False
    words = f" {place} "
    towns = dict(ctx.ruleset.param("places", {})).get(country.replace(" ", "_"), ())
    return country in place or any(f" {fold(t)} " in words for t in towns)


def parts_supply(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    p = rule.params
    raw = info.line.dealer_in_country
    stated = parse_bool(raw)
    text = fold(raw)
    region_words = [fold(w) for w in p["regional_words"]]
    parts = ctx.parts_for_make(info.make_key, info.make)
    lead, rows = ctx.support_cache.parts_lead.get(info.make_key, lambda: _lead_time(ctx, parts))
    evidence = [
        ev("dealer", msg("evidence.parts_supply.dealer"), raw),
        ev(
            "lead_time",
            msg("evidence.parts_supply.lead_time"),
            lead,
            "days",
            rows=rows,
        ),
    ]
    where: str | None = None
    if stated is True or (text and stated is None and not any(w in text for w in region_words)):
        where = "country"
    elif text and any(w in text for w in region_words):
        where = "region"
    elif parts is not None and len(parts) and "supplier_location" in parts:
        places = ctx.support_cache.supplier_places.get(
            info.make_key,
            lambda: frozenset(fold(v) for v in parts["supplier_location"].dropna().unique()),
        )
        country = fold(ctx.profile.country)
        region = fold(ctx.profile.region)
        if country and any(in_country(ctx, pl) for pl in places):
            where = "country"
        elif any(any(w in pl for w in region_words) or (region and region in pl) for pl in places):
            where = "region"
        elif places:
            where = "overseas"
    if where is None and stated is False:
        where = "overseas"
    lead_time = number(lead, measure="days")
    values = {"lead_time": number(lead)}
    if where is None:
        return unknown(
            msg("parts_supply.where_parts_make_come"),
            *evidence,
        )
    score = float(p[f"{where}_score"])
    late = lead is not None and lead > p["max_lead_days"]
    if late:
        score = max(0.0, score - p["lead_penalty"])
    return Outcome(
        score,
        msg(f"parts_supply.{where}_late" if late else f"parts_supply.{where}", lead=lead_time),
        tuple(evidence),
        values,
    )


def parts_overlap(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    listed = info.line.spare_parts_list
    # The stock's part codes are folded only when a line lists parts to compare.
    codes = ctx.part_codes if listed else None
    if not listed or codes is None:
        return unknown(
            msg("parts_overlap.part_list_offer_parts"),
        )
    wanted = [compact(x) for x in listed if compact(x)]
    matched = sum(1 for w in wanted if w in codes)
    ratio = matched / len(wanted) if wanted else 0.0
    # The parts the recipient stocks are its holdings.
    stocked, listed_n = count(matched, "holdings"), count(len(wanted))
    evidence = (
        ev(
            "overlap",
            msg("evidence.parts_overlap.overlap"),
            round(ratio * 100, 1),
            "%",
            sensitive=True,
        ),
        ev(
            "listed",
            msg("evidence.parts_overlap.listed"),
            len(wanted),
        ),
    )
    score = ladder(ratio, rule.params["steps"], rule.params["floor"])
    return Outcome(
        score,
        msg(
            "parts_overlap.stocked",
            matched=stocked,
            listed=listed_n,
            share=percent(ratio, (stocked, listed_n)),
        ),
        evidence,
        {"overlap": number(round(ratio * 100), derived_from=(stocked,))},
    )


def support_horizon(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    end, year = info.line.support_end_year, ctx.ref_year
    evidence = (
        ev("support_end", msg("evidence.support_horizon.support_end"), year_value(end)),
        ev("reference_year", msg("evidence.support_horizon.reference_year"), year_value(year)),
    )
    if end is None or year is None:
        return unknown(
            msg("support_horizon.manufacturer_s_support_end"),
            *evidence,
        )
    left = end - year
    score = ladder(left, rule.params["steps"], rule.params["floor"])
    return Outcome(
        score,
        msg("support_horizon.left", left=number(left), end=year_value(end)),
        evidence,
        {"years_left": number(left), "support_end": year_value(end)},
    )


def mechanics(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    cap = ctx.capacity
    ratio = units_per_mechanic(ctx)
    trained = ctx.trained_by_make.get(info.make_key) or 0
    granted = cap.of(MECHANICS).granted[info.index]
    short = cap.mechanics_short(info.make_key)
    free = cap.free_mechanics(info.make_key)
    evidence = [
        ev(
            "make_units",
            msg("evidence.mechanics.make_units"),
            count(ctx.fleet.make_units.get(info.make_key, 0), "holdings"),
            rows=ctx.fleet.rows("make", info.make_key),
        ),
        ev(
            "offered",
            msg("evidence.mechanics.offered"),
            ctx.offered_by_make.get(info.make_key, 0),
        ),
        ev(
            "ratio",
            msg("evidence.mechanics.ratio"),
            ratio,
        ),
        ev(
            "trained_by_donor",
            msg("evidence.mechanics.trained_by_donor"),
            trained,
        ),
    ]
    if granted is None or short is None or free is None:
        return unknown(
            msg("mechanics.mechanics_qualifications_by_make"),
            *evidence,
        )
    free_v = people(round(free, 1), "personnel")
    evidence.append(
        ev(
            "free_mechanics",
            msg("evidence.mechanics.free_mechanics"),
            free_v,
            rows=ctx.workshop_rows(info.make_key),
        )
    )
    # What the mechanics can take on, and how many are lacking, follow from those free.
    covered = count(granted, derived_from=(free_v,))
    lacking = people(short, derived_from=(free_v,))
    score = 100.0 if info.qty == 0 else 100.0 * granted / info.qty
    return Outcome(
        round(score, 1),
        msg(
            "mechanics.cover",
            covered=covered,
            qty=count(info.qty),
            ratio=number(ratio),
            short=lacking,
            make=make(info.make),
        ),
        tuple(evidence),
        {"mechanics": lacking, "covered": covered},
    )


def workshop_tools(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    p = rule.params
    shops = ctx.workshops
    included = info.line.tools_included
    held = None if shops is None or shops.tool_makes is None else info.make_key in shops.tool_makes
    tools_ok = True if included or held else (False if included is False or held is False else None)
    near: bool | None = None
    if shops is not None:
        where = fold(info.line.location)
        near = (
            True
            if not where or not shops.locations
            else any(where in loc or loc in where for loc in shops.locations)
        )
    evidence = (
        ev(
            "tools_included",
            msg("evidence.workshop_tools.tools_included"),
            included,
        ),
        ev(
            "tools_held",
            msg("evidence.workshop_tools.tools_held"),
            held,
            sensitive=True,
            rows=ctx.workshop_rows() if shops else (),
        ),
        ev(
            "workshop_near",
            msg("evidence.workshop_tools.workshop_near"),
            near,
            sensitive=True,
        ),
    )
    if tools_ok is False:
        return Outcome(
            float(p["tools_missing"]),
            msg("workshop_tools.special_tools_come_with"),
            evidence,
        )
    if tools_ok is None or near is None:
        return unknown(
            msg("workshop_tools.tools_workshops_make_known"),
            *evidence,
        )
    if not near:
        return Outcome(
            float(p["no_workshop"]),
            msg("workshop_tools.no_workshop_near", location=place(info.line.location)),
            evidence,
        )
    return Outcome(
        100.0,
        msg("workshop_tools.tools_available_workshop_within"),
        evidence,
    )


def workshop_hours(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    p = rule.params
    needed = sum(i.qty * float(i.ref.get("maintenance_hours_per_year", 0)) for i in ctx.lines)
    missing = sorted(
        {i.cat_title for i in ctx.lines if "maintenance_hours_per_year" not in i.ref},
        key=lambda t: t.en,
    )
    free_hours = ctx.capacity.hours
    free = free_hours.amount
    evidence = (
        ev(
            "hours_needed",
            msg("evidence.workshop_hours.hours_needed"),
            round(needed),
            "h",
        ),
        ev(
            "hours_free",
            msg("evidence.workshop_hours.hours_free"),
            hours(None if free is None else round(free), "workshop_capacity"),
            rows=ctx.workshop_rows() if ctx.workshops else (),
        ),
        ev(
            "hours_unstated",
            msg("evidence.workshop_hours.hours_unstated"),
            free_hours.unstated_rows,
        ),
        ev(
            "no_reference",
            msg("evidence.workshop_hours.no_reference"),
            Value(Unit.LIST, tuple(category(t) for t in missing)) if missing else None,
        ),
    )
    if free is None or missing:
        return unknown(
            msg("workshop_hours.free_workshop_hours_hours"),
            *evidence,
        )
    free = max(free, 0.0)
    ratio = needed / free if free > 0 else (float("inf") if needed > 0 else 0.0)
    comfortable = float(p["comfortable_share"])
    score = 100.0 if ratio <= comfortable else (float(p["tight_score"]) if ratio <= 1 else 0.0)
    # Beyond the free hours the workshops lack hours; between the comfortable share and the
    # free hours they have them, but nothing to spare: the package covers what exceeds the share.
    extra = needed - (free if ratio > 1 else comfortable * free)
    extra = max(0.0, extra)
    need_v = hours(round(needed))
    free_v = hours(round(free), "workshop_capacity")
    extra_v = hours(round(extra), derived_from=(need_v, free_v))
    values = {
        "hours_needed": need_v,
        "hours_free": free_v,
        "extra_hours": extra_v,
        "mechanics": people(
            math.ceil(extra / float(p["hours_per_mechanic"]) - 1e-9) if extra else 0,
            derived_from=(extra_v,),
        ),
    }
    return Outcome(
        score,
        msg(
            "workshop_hours.need", need=need_v, have=free_v, share=percent(ratio, (need_v, free_v))
        ),
        evidence,
        values,
    )


def complexity(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    top = ctx.fleet.complexity_max
    evidence = (
        ev(
            "offered",
            msg("evidence.complexity.offered"),
            canonical("complexity", info.complexity),
        ),
        ev(
            "maintained",
            msg("evidence.complexity.maintained"),
            Value(Unit.CANONICAL, top, "holdings", vocabulary="complexity"),
        ),
    )
    if info.complexity not in COMPLEXITY_ORDER or top is None:
        return unknown(
            msg("complexity.technology_class_offer_fleet"),
            *evidence,
        )
    gap = COMPLEXITY_ORDER[info.complexity] - COMPLEXITY_ORDER[top]
    score = (
        100.0
        if gap <= 0
        else float(rule.params["one_higher"] if gap == 1 else rule.params["two_higher"])
    )
    return Outcome(
        score,
        msg("complexity.classes", offered=evidence[0].value, fleet=evidence[1].value),
        evidence,
        {"offered_class": evidence[0].value, "fleet_class": evidence[1].value},
    )


SPECS = (
    kind(
        "workshop_hours",
        "offer",
        (
            "maintenance.hours_available",
            "maintenance.hours_committed",
            "categories.maintenance_hours_per_year",
        ),
        {
            "comfortable_share": number_param(0.5),
            "tight_score": number_param(50),
            "hours_per_mechanic": number_param(1400),
        },
        ("hours_needed", "hours_free", "extra_hours", "mechanics"),
        workshop_hours,
    ),
    kind(
        "spares_package",
        "line",
        (
            "offer.spares_months",
            "offer.spares_value",
            "spare_parts.applies_to",
            "spare_parts.quantity_on_hand",
            "categories.spare_items_per_year",
        ),
        {
            "target_months": number_param(24),
            "steps": ladder_param([[24, 100], [12, 50]]),
            "floor": number_param(10),
            "none_score": number_param(0),
        },
        ("months", "offered_months", "stock_units"),
        spares_package,
        key=lambda i: (exact(i.line.spares_months), exact(i.line.spares_value), i.make_key, i.qty),
        ledger=SPARES,
    ),
    kind(
        "parts_supply",
        "line",
        ("offer.dealer_in_country", "spare_parts.supplier_location", "spare_parts.lead_time_days"),
        {
            "country_score": number_param(100),
            "region_score": number_param(60),
            "overseas_score": number_param(20),
            "max_lead_days": number_param(30),
            "lead_penalty": number_param(20),
            "regional_words": ParamSpec(
                "texts", ["region", "regional", "sous region", "sub region"]
            ),
        },
        ("lead_time",),
        parts_supply,
        key=lambda i: (exact(i.line.dealer_in_country), i.make_key, i.make),
    ),
    kind(
        "parts_overlap",
        "line",
        ("offer.spare_parts_list", "spare_parts.part_number", "spare_parts.nsn"),
        {
            "steps": ladder_param([[0.5, 100], [0.2, 50]]),
            "floor": number_param(0),
        },
        ("overlap",),
        parts_overlap,
        key=lambda i: exact(i.line.spare_parts_list),
    ),
    kind(
        "support_horizon",
        "line",
        ("offer.support_end_year", "offer.date"),
        {
            "steps": ladder_param([[5, 100], [2, 50]]),
            "floor": number_param(0),
        },
        ("years_left", "support_end"),
        support_horizon,
        key=lambda i: exact(i.line.support_end_year),
    ),
    kind(
        "mechanics",
        "line",
        (
            "maintenance.mechanics",
            "maintenance.qualified_makes",
            "fleet.quantity",
            "offer.mechanics_trained",
        ),
        {"vehicles_per_mechanic": number_param(None)},
        ("mechanics", "covered"),
        mechanics,
        # Lines of a make and quantity to which the ledger grants as many units share one.
        key=lambda i: (i.make_key, i.make, i.qty),
        ledger=MECHANICS,
    ),
    kind(
        "workshop_tools",
        "line",
        ("offer.tools_included", "offer.location", "maintenance.tool_kits", "maintenance.location"),
        {
            "tools_missing": number_param(30),
            "no_workshop": number_param(50),
        },
        (),
        workshop_tools,
        key=lambda i: (exact(i.line.tools_included), i.make_key, exact(i.line.location)),
    ),
    kind(
        "complexity",
        "line",
        ("offer.complexity", "fleet.complexity"),
        {
            "one_higher": number_param(50),
            "two_higher": number_param(0),
        },
        ("offered_class", "fleet_class"),
        complexity,
        key=lambda i: i.complexity,
    ),
)
