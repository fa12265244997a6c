"""A short plain-text summary of an assessment for the terminal (same wording as the report)."""

from __future__ import annotations

from .assessment import Assessment, Finding, Status
from .formatting import fmt_percent, fmt_score
from .render import renderer
from .report.texts import family_name, label, verdict_name
from .table_gaps import gap_lines


def _weakest(findings: tuple[Finding, ...], n: int) -> list[Finding]:
    scored = [f for f in findings if f.score is not None and f.status is not Status.PASS]
    return sorted(scored, key=lambda f: (f.score or 0.0, -f.weight))[:n]


def _lines(indexes: list[int | None], lang: str) -> str:
    numbers = sorted(i + 1 for i in indexes if i is not None)
    if not numbers:
        return label("whole_offer", lang)
    if len(numbers) == 1:
        return label("line_n", lang, n=str(numbers[0]))
    return f"{label('lines_word', lang)} {', '.join(str(n) for n in numbers)}"


def format_assessment(
    a: Assessment, lang: str = "en", *, top: int = 5, currency: str = "code"
) -> str:
    fr = lang == "fr"
    r = renderer(lang, currency=currency)
    c = " : " if fr else ": "  # French typography puts a space before the colon
    h = a.offer_header
    not_stated = r.word("general.not_stated")
    out = [
        f"{label('offer_reference', lang)}{c}{h.reference or not_stated} — {h.donor or not_stated}",
        f"{label('verdict', lang)}{c}{verdict_name(a.verdict, lang).upper()}",
        f"{label('overall_score', lang)}{c}{fmt_score(a.score, lang)} · "
        f"{label('confidence', lang).lower()} {fmt_percent(a.confidence, lang)}",
    ]
    if a.score_range is not None and a.score_range[1] > a.score_range[0]:
        low, high = a.score_range
        out.append(
            f"{label('score_with_missing', lang)}{c}{fmt_score(low, lang)} – {fmt_score(high, lang)}"
        )
    if a.families:
        fam = ", ".join(
            f"{family_name(k, lang, a.family_titles)} {fmt_score(v, lang)}"
            for k, v in a.families.items()
        )
        out.append(f"{label('sec_scores', lang)}{c}{fam}")
    if a.knockouts:
        out.append(f"{label('knockouts', lang)}{c}{', '.join(a.knockouts)}")
    out += gap_lines(a.tables_not_found, lang)
    weakest = _weakest((*a.findings, *a.offer_findings), top)
    if weakest:
        out += ["", label("key_reasons", lang) + c.rstrip()]
        for f in weakest:
            where = "" if f.line is None else f" [{_lines([f.line], lang)}]"
            out.append(
                f"  - {f.rule_id}{where} ({fmt_score(f.score, lang)}){c}{r.message(f.message)}"
            )
    if a.conditions:
        # The same condition asked for several lines is listed once, with its lines.
        grouped: dict[tuple[str, str], list[int | None]] = {}
        for cond in a.conditions:
            grouped.setdefault((cond.rule_id, r.message(cond.text)), []).append(cond.line)
        out += ["", label("conditions", lang) + c.rstrip()]
        for (rule_id, text), lines in grouped.items():
            out.append(f"  - {rule_id} [{_lines(lines, lang)}]{c}{text}")
    proposals = []
    for p in a.counter_proposals:
        parts = []
        if p.absorbable is not None and p.absorbable < p.offered:
            word = label("absorbable", lang).lower()
            if fr and p.absorbable > 1:
                word += "s"  # « 12 / 40 absorbables »
            parts.append(f"{p.absorbable} / {p.offered} {word}")
        if p.alternative is not None:
            parts.append(f"{label('better_fit', lang).lower()}{c}{r.value(p.alternative)}")
        if parts:
            proposals.append(
                f"  - {_lines([p.line], lang)}{c}{(' ; ' if fr else '; ').join(parts)}"
            )
    if proposals:
        out += ["", label("counter_proposal", lang) + c.rstrip(), *proposals]
    return "\n".join(out)
