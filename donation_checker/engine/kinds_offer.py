"""Condition, ownership and documentation kinds (catalogue COND-01, COND-02, OWN-01, OWN-03,
OWN-04, DOC-01…03)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..messages import (
    Unit,
    Value,
    as_value,
    canonical,
    canonicals,
    count,
    msg,
    number,
    people,
    percent,
    text,
)
from ..messages import year as year_value
from ..normalise import canonical_language, fold
from .context import Context, LineInfo, exact
from .kind_shared import number_param, texts_param, unknown
from .lifecycle import life_used
from .registry import Outcome, ParamSpec, kind
from .wording import ev, ladder

if TYPE_CHECKING:
    from ..ruleset import Rule


def economic_life(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    ref, line = info.ref, info.line
    evidence = (
        ev("year", msg("evidence.economic_life.year"), year_value(line.year)),
        ev("odometer", msg("evidence.economic_life.odometer"), line.odometer_km, "km"),
        ev(
            "life",
            msg("evidence.economic_life.life"),
            Value(
                Unit.LIST,
                tuple(
                    as_value(msg(f"economic_life.{k}", n=number(ref[k])))
                    for k in ("life_years", "life_km", "life_hours")
                    if k in ref
                ),
            )
            if any(k in ref for k in ("life_years", "life_km", "life_hours"))
            else None,
        ),
    )
    used = life_used(ctx, info)
    if used is None:
        return unknown(
            msg("economic_life.age_mileage_category_s"),
            *evidence,
        )
    remaining = max(0.0, 1.0 - used)
    score = ladder(remaining, rule.params["steps"], rule.params["floor"])
    minimum = rule.params["steps"][0][0] if rule.params["steps"] else 0
    spent = remaining <= float(rule.params["end_of_life"])
    return Outcome(
        score,
        msg(
            "economic_life.spent" if spent else "economic_life.remaining",
            remaining=percent(remaining),
        ),
        evidence,
        {"remaining": percent(remaining), "min_remaining": percent(minimum)},
        knockout=spent,
    )


def inspection(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    state = info.inspection
    evidence = (
        ev(
            "inspection",
            msg("evidence.inspection.inspection"),
            canonical("inspection", info.line.inspection),
        ),
    )
    if state is None:
        return unknown(
            msg("inspection.offer_does_mention_pre"),
            *evidence,
        )
    scores = {
        "clean": rule.params["clean"],
        "labelled": rule.params["clean"],
        "defects": rule.params["defects"],
        "none": 0,
    }
    score = float(scores.get(state, rule.params["defects"]))
    known = state in ("clean", "labelled", "defects", "none")
    found = msg(f"inspection.{state}") if known else msg("inspection.other", state=text(state))
    return Outcome(score, found, evidence)


def requested(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    head = ctx.offer.header
    evidence = (
        ev("requested", msg("evidence.requested.requested"), head.requested),
        ev(
            "request_reference",
            msg("evidence.requested.request_reference"),
            head.request_reference,
        ),
    )
    if head.requested or head.request_reference:
        return Outcome(
            100.0,
            msg("requested.recipient_asked_equipment"),
            evidence,
        )
    if head.requested is None:
        return unknown(
            msg("requested.offer_does_say_whether"),
            *evidence,
        )
    major = bool(info.ref.get("major_item", rule.params["major_by_default"]))
    return Outcome(
        0.0,
        msg("requested.unsolicited_recipient_did_ask"),
        evidence,
        knockout=major,
    )


def duplication(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    window = (info.cat, float(rule.params["months_before"]), float(rule.params["months_after"]))
    pledged = ctx.pledge_view.within(*window)
    if pledged is None:
        return unknown(
            msg("duplication.other_partners_pledges_offer"),
        )
    n_pledges = len(pledged)
    partners = ctx.support_cache.pledge_partners.get(
        window, lambda: sorted({str(p) for p in pledged["partner_name"].dropna().unique()})
    )
    evidence = (
        ev(
            "pledges",
            msg("evidence.duplication.pledges"),
            n_pledges,
            rows=ctx.pledge_view.rows(pledged),
        ),
        ev("partners", msg("evidence.duplication.partners"), ", ".join(partners) or None),
    )
    score = (
        100.0
        if n_pledges == 0
        else (float(rule.params["one_pledge"]) if n_pledges == 1 else float(rule.params["floor"]))
    )
    return Outcome(
        score,
        msg("duplication.pledges", pledges=count(n_pledges)),
        evidence,
        {"pledges": count(n_pledges), "partners": text(", ".join(partners) or "—")},
    )


# How offers say "not decided": as uninformative as an empty cell.
_UNSTATED_START = ("non precis", "not stated", "a definir", "a preciser", "inconnu", "unknown")
_UNSTATED_EXACT = frozenset({"tbd", "na", "n a", "nc", "n c", "nd", "n d"})


def cost_clauses(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    head = ctx.offer.header
    donor_words = {fold(w) for w in rule.params["donor_words"]} | (
        {fold(head.donor)} if head.donor else set()
    )
    parts: list[float] = []
    missing: list[str] = []
    states: list[Value] = []
    for value, cost in ((head.transport_paid_by, "transport"), (head.customs_paid_by, "customs")):
        folded = fold(value)
        # "non précisé", "TBD", "?" say as little as an empty cell.
        if not folded or folded in _UNSTATED_EXACT or folded.startswith(_UNSTATED_START):
            parts.append(0.0)
            missing.append(cost)
            states.append(as_value(msg(f"cost_clauses.{cost}_unstated")))
        elif any(w and w in folded for w in donor_words):
            parts.append(100.0)
            states.append(as_value(msg(f"cost_clauses.{cost}_donor")))
        else:
            parts.append(float(rule.params["recipient_pays"]))
            states.append(as_value(msg(f"cost_clauses.{cost}_other", payer=text(value))))
    score = sum(parts) / len(parts)
    evidence = (
        ev("transport", msg("evidence.cost_clauses.transport"), head.transport_paid_by),
        ev("customs", msg("evidence.cost_clauses.customs"), head.customs_paid_by),
    )
    values = {"missing": Value(Unit.LIST, tuple(states))}
    if missing:
        return Outcome(
            score,
            msg("cost_clauses.unstated", costs=canonicals("cost", missing)),
            evidence,
            values,
        )
    return Outcome(
        score,
        msg("cost_clauses.transport_customs_costs_assigned"),
        evidence,
        values,
    )


def manuals(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    p = rule.params
    language = canonical_language(ctx.profile.working_language) or p["assumed_language"]
    assumed = ctx.profile.working_language is None
    given, langs = info.line.manuals, info.languages
    evidence = (
        ev(
            "manuals",
            msg("evidence.manuals.manuals"),
            ", ".join(given) if given is not None else None,
        ),
        ev(
            "languages",
            msg("evidence.manuals.languages"),
            canonicals("language", langs) if langs is not None else None,
        ),
        ev(
            "working_language",
            msg(f"evidence.manuals.working_language{'_assumed' if assumed else ''}"),
            canonical("language", language),
        ),
    )
    language_v = canonical("language", language)
    values = {"language": language_v}
    if given is not None and len(given) == 0:
        return Outcome(
            0.0,
            msg("manuals.manuals_come_with_equipment"),
            evidence,
            values,
        )
    if not langs:
        return unknown(
            msg("manuals.manuals_their_language_stated"),
            *evidence,
        )
    if language not in langs:
        return Outcome(
            float(p["other_language"]),
            msg(
                "manuals.other_language",
                languages=canonicals("language", langs),
                language=language_v,
            ),
            evidence,
            values,
        )
    kinds = {
        "operator": p["operator_words"],
        "workshop": p["workshop_words"],
        "parts": p["parts_words"],
    }
    if given:
        text = " ".join(fold(g) for g in given)
        covered = [k for k, words in kinds.items() if any(fold(w) in text for w in words)]
    else:
        covered = list(kinds)  # languages stated without a list: taken as the full set
    score = 100.0 * len(covered) / len(kinds)
    return Outcome(
        round(score, 1),
        msg("manuals.covered", language=language_v, covered=count(len(covered))),
        evidence,
        values,
    )


def training(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    p = rule.params
    mech_trained = ctx.trained_by_make.get(info.make_key)
    # The mechanics the donor must train: those still lacking, plus those already promised.
    short = ctx.capacity.mechanics_short(info.make_key)
    mech_needed = (
        ctx.capacity.mechanics_short_untrained(info.make_key) if short is not None else None
    )
    new_model = (info.cat, info.model_key) not in ctx.fleet.models
    crew = float(info.ref.get("crew_per_unit", 1))
    drv_needed = math.ceil(info.qty * crew) if new_model else 0
    drv_trained = info.line.drivers_trained
    # Mechanics still lacking follow from the recipient's qualified mechanics.
    lacking = people(mech_needed, "personnel")
    evidence = (
        ev(
            "mechanics_needed",
            msg("evidence.training.mechanics_needed"),
            lacking,
        ),
        ev(
            "mechanics_trained",
            msg("evidence.training.mechanics_trained"),
            mech_trained,
        ),
        ev(
            "drivers_needed",
            msg("evidence.training.drivers_needed"),
            drv_needed,
        ),
        ev(
            "drivers_trained",
            msg("evidence.training.drivers_trained"),
            drv_trained,
        ),
    )
    values = {"mechanics": lacking, "drivers": people(drv_needed)}
    if mech_needed is None:
        return unknown(
            msg("training.mechanics_qualifications_by_make"),
            *evidence,
        )
    parts: list[tuple[float, float | None]] = []
    for needed, trained, weight in (
        (mech_needed, mech_trained, p["mechanics_weight"]),
        (drv_needed, drv_trained, p["drivers_weight"]),
    ):
        parts.append(
            (
                weight,
                1.0 if needed == 0 else (None if trained is None else min(1.0, trained / needed)),
            )
        )
    if any(share is None for _, share in parts):
        return unknown(
            msg("training.offer_does_state_training"),
            *evidence,
        )
    total = sum(w for w, _ in parts) or 1.0
    score = 100.0 * sum(w * (s or 0.0) for w, s in parts) / total
    return Outcome(
        round(score, 1),
        msg(
            "training.trained",
            mechanics=people(mech_trained or 0),
            drivers=people(drv_trained or 0),
            mechanics_needed=lacking,
            drivers_needed=people(drv_needed),
        ),
        evidence,
        values,
    )


def warranty(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    months = info.line.warranty_months
    target = float(rule.params["min_months"])
    evidence = (ev("warranty", msg("evidence.warranty.warranty"), months, "months"),)
    values = {"months": number(target)}
    if months is None:
        return unknown(msg("warranty.offer_does_state_warranty"), *evidence)
    score = 100.0 if months >= target else 100.0 * max(0.0, months) / target
    return Outcome(
        round(score, 1),
        msg(
            "warranty.months",
            months=number(months, measure="months"),
            target=number(target, measure="months"),
        ),
        evidence,
        values,
    )


SPECS = (
    kind(
        "economic_life",
        "line",
        ("offer.year", "offer.odometer_km", "offer.hours", "offer.condition", "categories.life_*"),
        {
            "steps": ParamSpec("ladder", [[0.5, 100], [0.25, 50]]),
            "floor": number_param(0),
            "end_of_life": number_param(0.0),
        },
        ("remaining", "min_remaining"),
        economic_life,
        key=lambda i: (
            i.cat,
            exact(i.line.year),
            exact(i.line.odometer_km),
            exact(i.line.hours),
            i.condition,
        ),
    ),
    kind(
        "inspection",
        "line",
        ("offer.inspection",),
        {
            "clean": number_param(100),
            "defects": number_param(30),
        },
        (),
        inspection,
        key=lambda i: exact(i.line.inspection),
    ),
    kind(
        "requested",
        "line",
        ("offer.requested", "offer.request_reference", "categories.major_item"),
        {"major_by_default": ParamSpec("bool", True)},
        (),
        requested,
        key=lambda i: i.cat,
    ),
    kind(
        "duplication",
        "line",
        ("pledges.partner", "pledges.category", "pledges.date", "offer.date", "offer.donor"),
        {
            "one_pledge": number_param(50),
            "floor": number_param(0),
            "months_before": number_param(12),
            "months_after": number_param(12),
        },
        ("pledges", "partners"),
        duplication,
        key=lambda i: i.cat,
    ),
    kind(
        "cost_clauses",
        "offer",
        ("offer.transport_paid_by", "offer.customs_paid_by"),
        {
            "recipient_pays": number_param(70),
            "donor_words": texts_param(["donor", "donateur", "bailleur", "partenaire", "partner"]),
        },
        ("missing",),
        cost_clauses,
    ),
    kind(
        "manuals",
        "line",
        ("offer.manuals", "offer.manuals_language", "profile.working_language"),
        {
            "assumed_language": ParamSpec("text", "fr"),
            "other_language": number_param(50),
            "operator_words": texts_param(
                [
                    "operator",
                    "user",
                    "driver",
                    "utilisateur",
                    "conducteur",
                    "utilisation",
                    "emploi",
                    "conduite",
                ],
            ),
            "workshop_words": texts_param(
                [
                    "workshop",
                    "service",
                    "repair",
                    "maintenance",
                    "atelier",
                    "reparation",
                    "entretien",
                ],
            ),
            "parts_words": texts_param(["parts", "catalogue", "catalog", "pieces", "ipl"]),
        },
        ("language",),
        manuals,
        key=lambda i: (exact(i.line.manuals), exact(i.line.manuals_language)),
    ),
    kind(
        "training",
        "line",
        (
            "offer.mechanics_trained",
            "offer.drivers_trained",
            "maintenance.qualified_makes",
            "fleet.quantity",
        ),
        {
            "mechanics_weight": number_param(0.6),
            "drivers_weight": number_param(0.4),
        },
        ("mechanics", "drivers"),
        training,
        key=lambda i: (i.cat, i.model_key, i.make_key, i.qty, exact(i.line.drivers_trained)),
    ),
    kind(
        "warranty",
        "line",
        ("offer.warranty_months",),
        {"min_months": number_param(12)},
        ("months",),
        warranty,
        key=lambda i: exact(i.line.warranty_months),
    ),
)
