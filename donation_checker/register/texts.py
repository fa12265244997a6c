"""The register in words, in the reader's language: the list, a case, follow-up and the
portfolio as the command line prints them. Every word and sentence comes from the message
catalogue (register.*, words.py); categories are named by the rule set's titles."""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.capacity import BUDGET, DRIVERS, HOURS, MECHANICS
from ..formatting import fmt_date, fmt_number, fmt_percent, fmt_score, unknown
from ..messages import count, percent, text
from ..render import Renderer, renderer
from ..ruleset import CategoryVocabulary
from .portfolio import Portfolio
from .records import Assessed, Case, CaseSummary, Change, OverdueCondition, Page
from .words import category_name, category_names, condition_status, sentence, status, term, verdict


def _labelled(label: str, value: str, lang: str) -> str:
    return sentence("labelled", lang, label=text(label), value=text(value))


def _row(c: CaseSummary, lang: str) -> str:
    return (
        f"{c.number}  v{c.version}  {c.donor or unknown(lang)} · {c.reference or '—'} · "
        f"{category_names(c.categories, lang) or '—'} × {fmt_number(c.units, lang)} · "
        f"{verdict(c.verdict, lang)} {fmt_score(c.score, lang)} · "
        f"{status(c.status.value, lang)}"
    )


def format_page(page: Page, lang: str) -> str:
    if not page.items:
        return sentence("no_case", lang)
    head = sentence(
        "page",
        lang,
        first=count(page.offset + 1),
        last=count(page.offset + len(page.items)),
        total=count(page.total),
    )
    return "\n".join([head, *(_row(c, lang) for c in page.items)])


def format_case(case: Case, lang: str, categories: CategoryVocabulary | None = None) -> str:
    c = case.summary
    out = [
        f"{c.number} (version {c.version}) — {status(c.status.value, lang)}",
        sentence(
            "case_offer",
            lang,
            donor=text(c.donor),
            reference=text(c.reference or "—"),
            date=text(fmt_date(c.offer_date, lang)),
        ),
        sentence(
            "case_assessment",
            lang,
            verdict=text(verdict(c.verdict, lang)),
            score=text(fmt_score(c.score, lang)),
            coverage=percent(c.coverage),
        ),
        sentence(
            "case_sources",
            lang,
            inventory=text(case.inventory_name),
            inventory_sha=text(case.inventory_sha256[:12]),
            rules=text(case.ruleset_name),
            rules_sha=text(case.ruleset_sha256[:12]),
        ),
    ]
    if c.decision is not None:
        decided = sentence(
            "case_decision",
            lang,
            decision=text(status(c.decision.value, lang)),
            date=text(fmt_date(c.decided_on, lang)),
            reply=text(case.reply_reference or "—"),
        )
        if c.delivered_on:
            delivered = sentence("case_delivered", lang, date=text(fmt_date(c.delivered_on, lang)))
            decided = f"{decided} · {delivered}"
        out.append(decided)
    out.append("")
    out.append(sentence("lines", lang))
    for line in case.lines:
        name = category_name(line.category_key, lang, categories) if line.category_key else None
        out.append(
            f"  {line.no}. {name or line.category} · {line.make} {line.model} × {line.quantity}"
        )
    if case.conditions:
        out.append("")
        out.append(sentence("conditions", lang))
        for cond in case.conditions:
            due = (
                f" · {sentence('due', lang, date=text(fmt_date(cond.due, lang)))}"
                if cond.due
                else ""
            )
            on = f" ({fmt_date(cond.on, lang)})" if cond.on else ""
            note = f" — {cond.note}" if cond.note else ""
            where = (
                f" ({sentence('on_line', lang, line=count(cond.line + 1))})"
                if cond.line is not None
                else ""
            )
            out.append(
                f"  {cond.no}. [{condition_status(cond.status.value, lang)}{on}{due}]{where} "
                f"{cond.text(lang)}{note}"
            )
    out.append("")
    out.append(sentence("history", lang))
    for h in case.history:
        changes = changes_text(h.changes, lang)
        who = h.by + (f", {h.organisation}" if h.organisation else "")
        detail = _semicolon(lang).join(part for part in (changes, h.note) if part)
        out.append(
            f"  v{h.version} {h.at:%Y-%m-%d %H:%M} UTC · {who} · {term('kind', h.kind, lang)}"
            + (f" · {detail}" if detail else "")
        )
    return "\n".join(out)


def _semicolon(lang: str) -> str:
    """French puts a narrow no-break space before a semicolon."""
    return "\u202f; " if lang == "fr" else "; "


def changes_text(changes: Sequence[Change], lang: str) -> str:
    """What a history entry changed, one change after the other."""
    return _semicolon(lang).join(change_text(c.field, c.before, c.after, lang) for c in changes)


def change_text(field: str, before: object, after: object, lang: str) -> str:
    """One change of a history entry: "decision: pending → accepted"."""
    return sentence(
        "change",
        lang,
        what=text(term("change", field, lang)),
        before=text(_shown(before, lang)),
        after=text(_shown(after, lang)),
    )


def _shown(value: object, lang: str) -> str:
    if value is None or value == "":
        return "—"
    if hasattr(value, "isoformat") and not hasattr(value, "hour"):
        return fmt_date(value, lang)  # type: ignore[arg-type]
    if isinstance(value, Assessed):
        return f"{verdict(value.verdict, lang)} ({fmt_score(value.score, lang)})"
    return status(str(value), lang)


def format_follow_up(
    overdue: Sequence[OverdueCondition], undelivered: Sequence[CaseSummary], lang: str
) -> str:
    out = [sentence("overdue", lang)]
    for o in overdue:
        late = sentence("days_late", lang, days=count(o.days_late))
        out.append(f"  {o.number} #{o.condition.no} ({late}) {o.condition.text(lang)}")
    if not overdue:
        out.append(f"  {sentence('nothing', lang)}")
    out.append(sentence("undelivered", lang))
    out.extend(f"  {_row(c, lang)}" for c in undelivered)
    if not undelivered:
        out.append(f"  {sentence('nothing', lang)}")
    return "\n".join(out)


def resource_name(
    key: tuple[str, str], lang: str, categories: CategoryVocabulary | None = None
) -> str:
    """A resource of the capacity ledger: "running budget (fuel)", "drivers (Pick-up)"."""
    kind, qualifier = key
    r = renderer(lang)
    base = r.canonical("resource", kind)
    if kind == BUDGET:
        part = r.canonical("budget_line", qualifier)
    elif kind == DRIVERS:
        part = category_name(qualifier, lang, categories)
    else:
        return base
    return sentence("resource_part", lang, resource=text(base), part=text(part))


def _amount(key: tuple[str, str], value: float | None, currency: str | None, r: Renderer) -> str:
    lang = r.lang
    if key[0] == BUDGET:
        return r.money(value, currency)
    if key[0] == HOURS:
        return f"{fmt_number(value, lang, 0)} h"
    if key[0] == MECHANICS:
        return fmt_number(value, lang, 1)
    return fmt_number(value, lang, 0)


def format_portfolio(
    p: Portfolio,
    lang: str,
    categories: CategoryVocabulary | None = None,
    currency: str = "code",
) -> str:
    """The portfolio for the terminal; amounts in the `currency` style (render.CURRENCY_STYLES)."""
    reader = renderer(lang, currency=currency)
    none = f"  {sentence('nothing', lang)}"
    out = [
        sentence("portfolio", lang, offers=count(len(p.offers)), date=text(fmt_date(p.as_of, lang)))
    ]
    for o in p.offers:
        binding = ", ".join(resource_name(k, lang, categories) for k in o.binding)
        fits = sentence(
            "portfolio_offer",
            lang,
            units=count(o.units),
            alone=count(o.fits_alone),
            together=count(o.fits_together),
        )
        out.append(
            f"  {o.number} {o.donor or unknown(lang)} · {verdict(o.verdict, lang)} "
            f"{fmt_score(o.score, lang)} · {fits}"
            + (
                f" ({sentence('portfolio_limit', lang, resources=text(binding))})"
                if binding
                else ""
            )
            + (f" ⚠ {sentence('squeezed', lang)}" if o.squeezed else "")
        )
    out.append("")
    out.append(sentence("clashes", lang))
    for c in p.clashes:
        binding = ", ".join(resource_name(k, lang, categories) for k in c.binding)
        out.append(f"  {_labelled(f'{c.first} + {c.second}', binding, lang)}")
    if not p.clashes:
        out.append(none)
    out.append("")
    out.append(sentence("loads", lang))
    for load in p.loads:
        share = (
            f" ({fmt_percent(load.requested / load.capacity, lang)})"
            if load.requested is not None and load.capacity
            else ""
        )
        asked = _amount(load.resource, load.requested, p.currency, reader)
        free = _amount(load.resource, load.capacity, p.currency, reader)
        out.append(
            "  "
            + sentence(
                "load",
                lang,
                resource=text(resource_name(load.resource, lang, categories)),
                asked=text(asked),
                free=text(free),
            )
            + share
        )
    if p.new_types:
        out.append("")
        out.append(sentence("new_types", lang))
        for n in p.new_types:
            mark = " ⚠" if n.exceeded else ""
            name = category_name(n.category, lang, categories)
            out.append(f"  {_labelled(name, ', '.join(n.models), lang)}{mark}")
    if p.rankings:
        out.append("")
        out.append(sentence("rankings", lang))
        for r in p.rankings:
            name = category_name(r.category, lang, categories)
            out.append(f"  {_labelled(name, ' > '.join(r.numbers), lang)}")
    return "\n".join(out)
