"""Offer-level effects no single line shows: models per category before and after, and what the
whole offer adds in workshop hours, mechanics, drivers and running cost against what the
recipient has, plus other partners' pledges in the same categories. These findings inform; they
carry no weight in the score (the per-line rules already do)."""

from __future__ import annotations

import math

import pandas as pd

from ..assessment import CategoryImpact, Evidence, Finding, RowRef, Status, Text
from .capacity import units_per_mechanic
from .context import Context
from .lifecycle import recipient_currency, unit_costs
from .wording import counted, ev, fill, num, pct


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
            )
        )
    return tuple(out)


def _finding(
    rule_id: str,
    family: str,
    title: Text,
    ratio: float | None,
    message: Text,
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
        title=title,
        line=None,
        score=None,
        status=status,
        weight=0.0,
        knockout=False,
        message=message,
        evidence=evidence,
        source="",
    )


def _ratio_text(
    need_en: str, need_fr: str, have_en: str, have_fr: str, need: float, have: float | None
) -> tuple[float | None, Text]:
    """need_*/have_* are sentence parts with {n} for the number, e.g. "{n} workshop hours a year",
    or {n|one|many} for the number and the word that agrees with it."""
    needed = Text(fill(need_en, {"n": need}, "en"), fill(need_fr, {"n": need}, "fr"))
    if have is None:
        return None, Text(
            f"The offer needs {needed.en}; what the recipient has is not known.",
            f"L'offre demande {needed.fr} ; les moyens du bénéficiaire sont inconnus.",
        )
    ratio = need / have if have > 0 else (math.inf if need > 0 else 0.0)
    share = ("∞", "∞") if math.isinf(ratio) else (pct(ratio), pct(ratio, "fr"))
    return ratio, Text(
        f"The offer needs {needed.en}: {share[0]} of the {fill(have_en, {'n': have}, 'en')}.",
        f"L'offre demande {needed.fr} : {share[1]} des {fill(have_fr, {'n': have}, 'fr')}.",
    )


def offer_findings(ctx: Context) -> tuple[Finding, ...]:
    out: list[Finding] = []
    impacts = category_impacts(ctx)
    added = sum(c.models_after - c.models_before for c in impacts)
    out.append(
        Finding(
            "IMPACT-FRAGMENTATION",
            "compatibility",
            Text("Models per category, whole offer", "Modèles par catégorie, toute l'offre"),
            None,
            None,
            Status.PASS if added == 0 else Status.WARN,
            0.0,
            False,
            Text(
                f"The offer adds {counted(added, 'model', 'models', 'en')} across "
                f"{counted(len(impacts), 'category', 'categories', 'en')}.",
                f"L'offre ajoute {counted(added, 'modèle', 'modèles', 'fr')} sur "
                f"{counted(len(impacts), 'catégorie', 'catégories', 'fr')}.",
            ),
            tuple(
                ev(
                    f"models_{c.category}",
                    f"{c.category}: models before → after",
                    f"{c.category} : modèles avant → après",
                    f"{c.models_before} → {c.models_after}",
                    sensitive=True,
                )
                for c in impacts
            ),
        )
    )
    hours = sum(i.qty * float(i.ref.get("maintenance_hours_per_year", 0)) for i in ctx.lines)
    ratio, msg = _ratio_text(
        "{n} workshop hours a year",
        "{n} heures d'atelier par an",
        "{n} free hours",
        "{n} heures libres",
        hours,
        ctx.capacity.hours.amount,
    )
    out.append(
        _finding(
            "IMPACT-MAINTENANCE-HOURS",
            "maintenance",
            Text("Workshop hours the whole offer adds", "Heures d'atelier ajoutées par l'offre"),
            ratio,
            msg,
            (
                ev(
                    "hours_needed",
                    "workshop hours the offer needs a year",
                    "heures d'atelier nécessaires par an",
                    round(hours),
                    "h",
                ),
                ev(
                    "hours_free",
                    "free workshop hours a year",
                    "heures d'atelier libres par an",
                    None if ctx.capacity.hours.amount is None else round(ctx.capacity.hours.amount),
                    "h",
                    sensitive=True,
                ),
            ),
        )
    )
    per = units_per_mechanic(ctx)
    mech = sum(math.ceil(q / per - 1e-9) for q in ctx.offered_by_make.values())
    shorts = [ctx.capacity.mechanics_short(make) for make in ctx.offered_by_make]
    short = None if any(v is None for v in shorts) else sum(v or 0 for v in shorts)
    out.append(
        _finding(
            "IMPACT-MECHANICS",
            "maintenance",
            Text("Mechanics the whole offer needs", "Mécaniciens nécessaires à l'offre"),
            None if short is None else (0.0 if short == 0 else 2.0),
            Text(
                f"The offer needs {counted(mech, 'mechanic', 'mechanics', 'en')} "
                f"(1 per {num(per)} units); once today's fleet and the donor's trainees are "
                f"counted, {counted(short, 'more is', 'more are', 'en')} needed.",
                f"L'offre demande {counted(mech, 'mécanicien', 'mécaniciens', 'fr')} "
                f"(1 pour {num(per, 'fr')} unités) ; une fois le parc actuel et les stagiaires "
                f"du donateur comptés, il en manque {num(short, 'fr')}.",
            ),
            (
                ev(
                    "mechanics_needed",
                    "mechanics the offer needs",
                    "mécaniciens nécessaires pour l'offre",
                    mech,
                ),
                ev(
                    "mechanics_short",
                    "mechanics lacking after today's fleet and the donor's trainees",
                    "mécaniciens manquants après le parc actuel et les stagiaires du donateur",
                    short,
                    sensitive=True,
                ),
            ),
        )
    )
    drivers = sum(math.ceil(i.qty * float(i.ref.get("crew_per_unit", 1))) for i in ctx.lines)
    pool = ctx.capacity.drivers
    free_drivers = (
        None
        if pool is None
        else float(sum(v.amount or 0.0 for c, v in pool.items() if c in ctx.offered_by_cat))
    )
    ratio, msg = _ratio_text(
        "{n|driver|drivers}",
        "{n|conducteur|conducteurs}",
        "{n|driver|drivers} available",
        "{n|conducteur disponible|conducteurs disponibles}",
        drivers,
        free_drivers,
    )
    out.append(
        _finding(
            "IMPACT-DRIVERS",
            "absorption",
            Text("Drivers the whole offer needs", "Conducteurs nécessaires à l'offre"),
            ratio,
            msg,
            (
                ev(
                    "drivers_needed",
                    "drivers the offer needs",
                    "conducteurs nécessaires pour l'offre",
                    drivers,
                ),
                ev(
                    "drivers_total",
                    "drivers available",
                    "conducteurs disponibles",
                    None if free_drivers is None else round(free_drivers),
                    sensitive=True,
                ),
            ),
        )
    )
    costs = unit_costs(ctx)
    cost = sum(i.qty * c.known_total for i, c in zip(ctx.lines, costs, strict=True))
    frees = [f.amount for f in ctx.capacity.budget.values()]
    room = None if any(f is None for f in frees) else sum(f or 0.0 for f in frees)
    currency = recipient_currency(ctx) or ""
    ratio, msg = _ratio_text(
        f"{{n}} {currency} of running cost a year",
        f"{{n}} {currency} de fonctionnement par an",
        f"{{n}} {currency} of uncommitted budget",
        f"{{n}} {currency} de budget non engagé",
        cost,
        room,
    )
    out.append(
        _finding(
            "IMPACT-RUNNING-COST",
            "absorption",
            Text("Running cost of the whole offer", "Coût de fonctionnement de l'offre"),
            ratio,
            msg,
            (
                ev(
                    "annual_cost",
                    "running cost a year",
                    "coût de fonctionnement annuel",
                    round(cost),
                    currency,
                ),
                ev(
                    "headroom",
                    "uncommitted budget (year 1)",
                    "budget non engagé (année 1)",
                    None if room is None else round(room),
                    currency,
                    sensitive=True,
                ),
            ),
        )
    )
    out.append(_pledges_finding(ctx))
    return tuple(out)


def _pledges_finding(ctx: Context) -> Finding:
    title = Text("Other partners' pledges", "Annonces des autres partenaires")
    pledges = ctx.pledges
    if pledges is None:
        return _finding(
            "IMPACT-PLEDGES",
            "ownership",
            title,
            None,
            Text(
                "No pledges table: duplication with other partners cannot be checked.",
                "Pas de table des annonces : les doublons avec d'autres partenaires ne peuvent être vérifiés.",
            ),
            (),
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
        title,
        None,
        None,
        status,
        0.0,
        False,
        Text(
            f"{counted(len(sub), 'pledge', 'pledges', 'en')} "
            f"({counted(units, 'unit', 'units', 'en')}) by "
            f"{counted(len(partners), 'partner', 'partners', 'en')} in the offer's categories.",
            f"{counted(len(sub), 'annonce', 'annonces', 'fr')} "
            f"({counted(units, 'unité', 'unités', 'fr')}) de "
            f"{counted(len(partners), 'partenaire', 'partenaires', 'fr')} dans les catégories de "
            "l'offre.",
        ),
        (
            ev(
                "pledges",
                "pledges in the offer's categories",
                "annonces dans les catégories de l'offre",
                len(sub),
                rows=rows,
            ),
            ev("partners", "partners", "partenaires", ", ".join(partners) or None),
        ),
    )
