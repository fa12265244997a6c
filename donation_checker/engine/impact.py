"""Offer-level effects no single line shows: models per category before and after, and what the
whole offer adds in workshop hours, mechanics, drivers and running cost against what the
recipient has, plus other partners' pledges in the same categories. These findings inform; they
carry no weight in the score (the per-line rules already do)."""

from __future__ import annotations

import math

import pandas as pd

from ..assessment import CategoryImpact, Evidence, Finding, RowRef, Status, Text
from ..catalogue import load_catalogue
from ..messages import (
    Message,
    Value,
    category,
    count,
    hours,
    money,
    msg,
    number,
    people,
    percent,
    text,
)
from .capacity import units_per_mechanic
from .context import Context
from .lifecycle import recipient_currency, unit_costs
from .wording import ev


def category_impacts(ctx: Context) -> tuple[CategoryImpact, ...]:
    first: dict[str, str] = {}
    for i in ctx.lines:
        first.setdefault(i.model_key, f"{i.make} {i.model}")
    out = []
    for cat in sorted(ctx.offered_by_cat):
        stats = ctx.fleet.categories.get(cat)
        before = len(stats.models) if stats else 0
        new = ctx.new_models_by_cat.get(cat, ())
        out.append(
            CategoryImpact(
                category=ctx.ruleset.categories.title(cat).en
                if not cat.startswith("other:")
                else cat.removeprefix("other:"),
                models_before=before,
                models_after=before + len(new),
                units_before=stats.units if stats else 0,
                units_after=(stats.units if stats else 0) + ctx.offered_by_cat[cat],
                new_models=tuple(first[k] for k in new),
                title=category(ctx.ruleset.categories.title(cat))
                if not cat.startswith("other:")
                else text(cat.removeprefix("other:")),
            )
        )
    return tuple(out)


def _title(name: str) -> Text:
    """An offer-level finding's title, from the message catalogue."""
    entry = load_catalogue().get(f"impact.{name}.title")
    assert entry is not None, name
    return Text(entry.text["en"], entry.text["fr"])


def _finding(
    rule_id: str,
    family: str,
    name: str,
    ratio: float | None,
    message: Message,
    evidence: tuple[Evidence, ...],
) -> Finding:
    status = (
        Status.UNKNOWN
        if ratio is None
        else (Status.PASS if ratio <= 0.5 else Status.WARN if ratio <= 1 else Status.FAIL)
    )
    return Finding(
        rule_id=rule_id,
        family=family,
        title=_title(name),
        line=None,
        score=None,
        status=status,
        weight=0.0,
        knockout=False,
        message=message,
        evidence=evidence,
        source=Text("", ""),
    )


def _ratio(name: str, need: Value, have: Value) -> tuple[float | None, Message]:
    """What the offer needs against what the recipient has: the message "impact.<name>.need"
    with the share, or "impact.<name>.unknown" when what the recipient has is not known."""
    if have.raw is None:
        return None, msg(f"impact.{name}.unknown", need=need)
    n, h = float(need.raw), float(have.raw)
    ratio = n / h if h > 0 else (math.inf if n > 0 else 0.0)
    return ratio, msg(
        f"impact.{name}.need", need=need, have=have, share=percent(ratio, (need, have))
    )


def offer_findings(ctx: Context) -> tuple[Finding, ...]:
    out: list[Finding] = []
    impacts = category_impacts(ctx)
    added = sum(c.models_after - c.models_before for c in impacts)
    out.append(
        Finding(
            "IMPACT-FRAGMENTATION",
            "compatibility",
            _title("fragmentation"),
            None,
            None,
            Status.PASS if added == 0 else Status.WARN,
            0.0,
            False,
            msg("impact.fragmentation.message", added=count(added), categories=count(len(impacts))),
            tuple(
                ev(
                    f"models_{c.category}",
                    msg(
                        "evidence.impact.models_before_after", category=c.title or text(c.category)
                    ),
                    msg(
                        "impact.fragmentation.before_after",
                        category=c.title,
                        before=count(c.models_before, "holdings"),
                        after=count(c.models_after, "holdings"),
                    ),
                )
                for c in impacts
            ),
        )
    )
    hours_needed = hours(
        round(sum(i.qty * float(i.ref.get("maintenance_hours_per_year", 0)) for i in ctx.lines))
    )
    free = ctx.capacity.hours.amount
    hours_free = hours(None if free is None else round(free), "workshop_capacity")
    ratio, message = _ratio("hours", hours_needed, hours_free)
    out.append(
        _finding(
            "IMPACT-MAINTENANCE-HOURS",
            "maintenance",
            "hours",
            ratio,
            message,
            (
                ev(
                    "hours_needed",
                    msg("evidence.offer_findings.hours_needed"),
                    hours_needed,
                ),
                ev(
                    "hours_free",
                    msg("evidence.offer_findings.hours_free"),
                    hours_free,
                ),
            ),
        )
    )
    per = units_per_mechanic(ctx)
    mech = people(sum(math.ceil(q / per - 1e-9) for q in ctx.offered_by_make.values()))
    shorts = [ctx.capacity.mechanics_short(make) for make in ctx.offered_by_make]
    short_n = None if any(v is None for v in shorts) else sum(v or 0 for v in shorts)
    short = people(short_n, "personnel", (mech,))
    out.append(
        _finding(
            "IMPACT-MECHANICS",
            "maintenance",
            "mechanics",
            None if short_n is None else (0.0 if short_n == 0 else 2.0),
            msg(
                "impact.mechanics.message" if short_n is not None else "impact.mechanics.unknown",
                needed=mech,
                per=number(per),
                short=short,
            ),
            (
                ev(
                    "mechanics_needed",
                    msg("evidence.offer_findings.mechanics_needed"),
                    mech,
                ),
                ev(
                    "mechanics_short",
                    msg("evidence.offer_findings.mechanics_short"),
                    short,
                ),
            ),
        )
    )
    drivers_needed = people(
        sum(math.ceil(i.qty * float(i.ref.get("crew_per_unit", 1))) for i in ctx.lines)
    )
    pool = ctx.capacity.drivers
    free_drivers = people(
        None
        if pool is None
        else round(sum(v.amount or 0.0 for c, v in pool.items() if c in ctx.offered_by_cat)),
        "personnel",
    )
    ratio, message = _ratio("drivers", drivers_needed, free_drivers)
    out.append(
        _finding(
            "IMPACT-DRIVERS",
            "absorption",
            "drivers",
            ratio,
            message,
            (
                ev(
                    "drivers_needed",
                    msg("evidence.offer_findings.drivers_needed"),
                    drivers_needed,
                ),
                ev("drivers_total", msg("evidence.offer_findings.drivers_total"), free_drivers),
            ),
        )
    )
    costs = unit_costs(ctx)
    currency = recipient_currency(ctx) or ""
    cost = money(
        round(sum(i.qty * c.known_total for i, c in zip(ctx.lines, costs, strict=True))), currency
    )
    frees = [f.amount for f in ctx.capacity.budget.values()]
    room = money(
        None if any(f is None for f in frees) else round(sum(f or 0.0 for f in frees)),
        currency,
        "budget",
    )
    ratio, message = _ratio("running_cost", cost, room)
    out.append(
        _finding(
            "IMPACT-RUNNING-COST",
            "absorption",
            "running_cost",
            ratio,
            message,
            (
                ev("annual_cost", msg("evidence.offer_findings.annual_cost"), cost),
                ev("headroom", msg("evidence.offer_findings.headroom"), room),
            ),
        )
    )
    out.append(_pledges_finding(ctx))
    return tuple(out)


def _pledges_finding(ctx: Context) -> Finding:
    pledges = ctx.pledges
    if pledges is None:
        return _finding(
            "IMPACT-PLEDGES", "ownership", "pledges", None, msg("impact.pledges.no_table"), ()
        )
    cats = set(ctx.offered_by_cat)
    sub = pledges[pledges["cat"].isin(cats).to_numpy()]
    if ctx.ref_date is not None:
        months = int(ctx.ruleset.param("pledge_window_months", 12))
        ref = pd.Timestamp(ctx.ref_date)
        sub = sub[
            (sub["date"].isna() | (sub["date"] >= ref - pd.DateOffset(months=months))).to_numpy()
        ]
    partners = sorted({str(p) for p in sub["partner_name"].dropna().unique()})
    units = int(pd.to_numeric(sub["qty"], errors="coerce").fillna(0).sum())
    status = Status.PASS if len(sub) == 0 else Status.WARN
    name = ctx.inventory.pledges.name if ctx.inventory.pledges is not None else "pledges"
    rows = tuple(
        RowRef(name, str(s), int(r))
        for s, r in zip(sub["sheet"].head(ctx.max_rows), sub["row"].head(ctx.max_rows), strict=True)
    )
    return Finding(
        "IMPACT-PLEDGES",
        "ownership",
        _title("pledges"),
        None,
        None,
        status,
        0.0,
        False,
        msg(
            "impact.pledges.message",
            pledges=count(len(sub)),
            units=count(units),
            partners=count(len(partners)),
        ),
        (
            ev(
                "pledges",
                msg("evidence._pledges_finding.pledges"),
                len(sub),
                rows=rows,
            ),
            ev("partners", msg("evidence._pledges_finding.partners"), ", ".join(partners) or None),
        ),
    )
