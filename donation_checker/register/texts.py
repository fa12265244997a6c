"""The register in words, French and English: the list, a case, follow-up and the portfolio as
the command line prints them."""

from __future__ import annotations

from collections.abc import Sequence

from ..assessment import Text
from ..engine.capacity import BUDGET, DRIVERS, HOURS, MECHANICS
from ..engine.counter import LIMITS
from ..formatting import fmt_date, fmt_money, fmt_number, fmt_percent, fmt_score, unknown
from .portfolio import Portfolio
from .records import Case, CaseSummary, OverdueCondition, Page

T = Text

STATUS = {
    "pending": T("pending", "en attente"),
    "accepted": T("accepted", "acceptée"),
    "accepted_with_conditions": T("accepted with conditions", "acceptée sous conditions"),
    "redirected": T("redirected", "réorientée"),
    "declined": T("declined", "refusée"),
    "withdrawn": T("withdrawn", "retirée"),
    "delivered": T("delivered", "livrée"),
}
CONDITION = {
    "pending": T("pending", "en attente"),
    "met": T("met", "remplie"),
    "waived": T("waived", "levée"),
    "failed": T("failed", "non remplie"),
}
VERDICT = {
    "accept": T("accept", "accepter"),
    "conditional": T("accept with conditions", "accepter sous conditions"),
    "redirect": T("redirect", "réorienter"),
    "decline": T("decline", "refuser"),
}
FIELD = {
    "assessment": T("assessment", "évaluation"),
    "donor": T("donor", "donateur"),
    "reference": T("reference", "référence"),
    "offer_date": T("offer date", "date de l’offre"),
    "decision": T("decision", "décision"),
    "decided_on": T("decided on", "décidée le"),
    "reply_reference": T("reply reference", "référence de la réponse"),
    "delivered_on": T("delivered on", "livrée le"),
}
KIND = {
    "assessment": T("assessment", "évaluation"),
    "correction": T("correction", "correction"),
    "decision": T("decision", "décision"),
    "condition": T("condition", "condition"),
    "delivery": T("delivery", "livraison"),
}


def _colon(lang: str) -> str:
    """French puts a (no-break) space before a colon."""
    return "\u00a0: " if lang == "fr" else ": "


def _t(table: dict[str, Text], key: str | None, lang: str) -> str:
    if key is None:
        return unknown(lang)
    found = table.get(str(key))
    return found.get(lang) if found else str(key)


def _row(c: CaseSummary, lang: str) -> str:
    return (
        f"{c.number}  v{c.version}  {c.donor or unknown(lang)} · {c.reference or '—'} · "
        f"{', '.join(c.categories) or '—'} × {fmt_number(c.units, lang)} · "
        f"{_t(VERDICT, c.verdict, lang)} {fmt_score(c.score, lang)} · "
        f"{_t(STATUS, c.status.value, lang)}"
    )


def format_page(page: Page, lang: str) -> str:
    fr = lang == "fr"
    if not page.items:
        return "Aucun dossier." if fr else "No case."
    head = (
        f"Dossiers {page.offset + 1}–{page.offset + len(page.items)} sur {page.total}"
        if fr
        else f"Cases {page.offset + 1}–{page.offset + len(page.items)} of {page.total}"
    )
    return "\n".join([head, *(_row(c, lang) for c in page.items)])


def format_case(case: Case, lang: str) -> str:
    fr = lang == "fr"
    c = case.summary
    out = [
        f"{c.number} (version {c.version}) — {_t(STATUS, c.status.value, lang)}",
        f"{'Donateur' if fr else 'Donor'}{_colon(lang)}{c.donor or unknown(lang)} · "
        f"{'Référence' if fr else 'Reference'}{_colon(lang)}{c.reference or '—'} · "
        f"{'Date de l’offre' if fr else 'Offer date'}{_colon(lang)}{fmt_date(c.offer_date, lang)}",
        f"{'Évaluation' if fr else 'Assessment'}{_colon(lang)}{_t(VERDICT, c.verdict, lang)} · "
        f"score {fmt_score(c.score, lang)} · "
        f"{'couverture des données' if fr else 'data coverage'} {fmt_percent(c.coverage, lang)}",
        f"{'Inventaire' if fr else 'Inventory'}{_colon(lang)}{case.inventory_name} "
        f"(SHA-256 {case.inventory_sha256[:12]}…) · "
        f"{'Règles' if fr else 'Rules'}{_colon(lang)}{case.ruleset_name} (SHA-256 {case.ruleset_sha256[:12]}…)",
    ]
    if c.decision is not None:
        out.append(
            f"{'Décision' if fr else 'Decision'}{_colon(lang)}{_t(STATUS, c.decision.value, lang)} "
            f"({fmt_date(c.decided_on, lang)}) · "
            f"{'Réponse' if fr else 'Reply'}{_colon(lang)}{case.reply_reference or '—'}"
            + (
                f" · {'Livrée le' if fr else 'Delivered on'} {fmt_date(c.delivered_on, lang)}"
                if c.delivered_on
                else ""
            )
        )
    out.append("")
    out.append("Lignes :" if fr else "Lines:")
    for line in case.lines:
        out.append(f"  {line.no}. {line.category} · {line.make} {line.model} × {line.quantity}")
    if case.conditions:
        out.append("")
        out.append("Conditions :" if fr else "Conditions:")
        for cond in case.conditions:
            due = f" · {'échéance' if fr else 'due'} {fmt_date(cond.due, lang)}" if cond.due else ""
            on = f" ({fmt_date(cond.on, lang)})" if cond.on else ""
            note = f" — {cond.note}" if cond.note else ""
            where = (
                f" ({'ligne' if fr else 'line'} {cond.line + 1})" if cond.line is not None else ""
            )
            out.append(
                f"  {cond.no}. [{_t(CONDITION, cond.status.value, lang)}{on}{due}]{where} "
                f"{cond.text(lang)}{note}"
            )
    out.append("")
    out.append("Historique :" if fr else "History:")
    for h in case.history:
        changes = "; ".join(
            f"{_t(FIELD, ch.field, lang)}{_colon(lang)}{_shown(ch.before, lang)} → {_shown(ch.after, lang)}"
            for ch in h.changes
        )
        who = h.by + (f", {h.organisation}" if h.organisation else "")
        detail = "; ".join(part for part in (changes, h.note) if part)
        out.append(
            f"  v{h.version} {h.at:%Y-%m-%d %H:%M} UTC · {who} · {_t(KIND, h.kind, lang)}"
            + (f" · {detail}" if detail else "")
        )
    return "\n".join(out)


def _shown(value: object, lang: str) -> str:
    if value is None or value == "":
        return "—"
    if hasattr(value, "isoformat") and not hasattr(value, "hour"):
        return fmt_date(value, lang)  # type: ignore[arg-type]
    return _t(STATUS, str(value), lang) if str(value) in STATUS else str(value)


def format_follow_up(
    overdue: Sequence[OverdueCondition], undelivered: Sequence[CaseSummary], lang: str
) -> str:
    fr = lang == "fr"
    out = ["Conditions en retard :" if fr else "Overdue conditions:"]
    for o in overdue:
        late = f"{o.days_late} j de retard" if fr else f"{o.days_late} days late"
        out.append(f"  {o.number} #{o.condition.no} ({late}) {o.condition.text(lang)}")
    if not overdue:
        out.append("  aucune" if fr else "  none")
    out.append("Offres acceptées non livrées :" if fr else "Offers accepted, not delivered:")
    out.extend(f"  {_row(c, lang)}" for c in undelivered)
    if not undelivered:
        out.append("  aucune" if fr else "  none")
    return "\n".join(out)


def resource_name(key: tuple[str, str], lang: str) -> str:
    kind, qualifier = key
    base = LIMITS[kind].get(lang) if kind in LIMITS else kind
    if kind == BUDGET:
        part = {"fuel": T("fuel", "carburant"), "maintenance": T("maintenance", "entretien")}
        part["parts"] = T("spare parts", "pièces")
        return f"{base} ({part[qualifier].get(lang) if qualifier in part else qualifier})"
    if kind == DRIVERS:
        return f"{base} ({qualifier})"
    return base


def _amount(key: tuple[str, str], value: float | None, currency: str | None, lang: str) -> str:
    if key[0] == BUDGET:
        return fmt_money(value, currency, lang)
    if key[0] == HOURS:
        return f"{fmt_number(value, lang, 0)} h"
    if key[0] == MECHANICS:
        return fmt_number(value, lang, 1)
    return fmt_number(value, lang, 0)


def format_portfolio(p: Portfolio, lang: str) -> str:
    fr = lang == "fr"
    out = [
        (
            f"Portefeuille de {len(p.offers)} offres en attente ou acceptées non livrées "
            f"(au {fmt_date(p.as_of, lang)}) :"
        )
        if fr
        else (
            f"Portfolio of {len(p.offers)} offers pending or accepted and not delivered "
            f"(as of {fmt_date(p.as_of, lang)}):"
        )
    ]
    for o in p.offers:
        binding = ", ".join(resource_name(k, lang) for k in o.binding)
        flag = (
            (
                " ⚠ "
                + ("ne passe plus avec les autres" if fr else "no longer fits beside the others")
            )
            if o.squeezed
            else ""
        )
        out.append(
            f"  {o.number} {o.donor or unknown(lang)} · {_t(VERDICT, o.verdict, lang)} "
            f"{fmt_score(o.score, lang)} · {'unités' if fr else 'units'} {o.units} · "
            f"{'seule' if fr else 'alone'} {fmt_number(o.fits_alone, lang)} · "
            f"{'ensemble' if fr else 'together'} {fmt_number(o.fits_together, lang)}"
            + (f" ({'limite' if fr else 'limit'}{_colon(lang)}{binding})" if binding else "")
            + flag
        )
    out.append("")
    out.append(
        "Combinaisons qui dépassent la capacité alors que chaque offre passe seule :"
        if fr
        else "Combinations that exceed capacity although each offer fits alone:"
    )
    for c in p.clashes:
        binding = ", ".join(resource_name(k, lang) for k in c.binding)
        out.append(f"  {c.first} + {c.second}{_colon(lang)}{binding}")
    if not p.clashes:
        out.append("  aucune" if fr else "  none")
    out.append("")
    out.append("Charge sur la capacité libre :" if fr else "Load on free capacity:")
    for load in p.loads:
        share = (
            f" ({fmt_percent(load.requested / load.capacity, lang)})"
            if load.requested is not None and load.capacity
            else ""
        )
        out.append(
            f"  {resource_name(load.resource, lang)}{_colon(lang)}"
            f"{'demandé' if fr else 'asked'} {_amount(load.resource, load.requested, p.currency, lang)}"
            f" / {'libre' if fr else 'free'} {_amount(load.resource, load.capacity, p.currency, lang)}"
            + share
        )
    if p.new_types:
        out.append("")
        out.append("Nouveaux types par catégorie :" if fr else "New types per category:")
        for n in p.new_types:
            mark = " ⚠" if n.exceeded else ""
            out.append(f"  {n.category}{_colon(lang)}{', '.join(n.models)}{mark}")
    if p.rankings:
        out.append("")
        out.append(
            "Offres répondant au même besoin (la meilleure d’abord) :"
            if fr
            else "Offers answering the same need (best first):"
        )
        for r in p.rankings:
            out.append(f"  {r.category}{_colon(lang)}{' > '.join(r.numbers)}")
    return "\n".join(out)
