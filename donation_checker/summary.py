"""A short plain-text summary of an assessment for the terminal (same wording as the report)."""

from __future__ import annotations

from .assessment import Assessment, Finding, Status
from .formatting import fmt_percent, fmt_score
from .messages import count, msg
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
    r = renderer(lang, currency=currency)

    def field(key: str, value: str) -> str:  # "Verdict: …", with the language's typography
        return label("summary.field", lang, name=label(key, lang), value=value)

    def heading(key: str) -> str:
        return label("summary.heading", lang, name=label(key, lang))

    h = a.offer_header
    not_stated = r.word("general.not_stated")
    out = [
        field("offer_reference", f"{h.reference or not_stated} — {h.donor or not_stated}"),
        field("verdict", verdict_name(a.verdict, lang).upper()),
        field(
            "overall_score",
            f"{fmt_score(a.score, lang)} · "
            f"{label('confidence', lang).lower()} {fmt_percent(a.confidence, lang)}",
        ),
    ]
    if a.score_range is not None and a.score_range[1] > a.score_range[0]:
        low, high = a.score_range
        out.append(field("score_with_missing", f"{fmt_score(low, lang)} – {fmt_score(high, lang)}"))
    if a.families:
        fam = ", ".join(
            f"{family_name(k, lang, a.family_titles)} {fmt_score(v, lang)}"
            for k, v in a.families.items()
        )
        out.append(field("sec_scores", fam))
    if a.knockouts:
        out.append(field("knockouts", ", ".join(a.knockouts)))
    out += gap_lines(a.tables_not_found, lang)
    weakest = _weakest((*a.findings, *a.offer_findings), top)
    if weakest:
        out += ["", heading("key_reasons")]
        for f in weakest:
            where = "" if f.line is None else f" [{_lines([f.line], lang)}]"
            name = f"{f.rule_id}{where} ({fmt_score(f.score, lang)})"
            out.append(f"  - {label('summary.field', lang, name=name, value=r.message(f.message))}")
    if a.conditions:
        # The same condition asked for several lines is listed once, with its lines.
        grouped: dict[tuple[str, str], list[int | None]] = {}
        for cond in a.conditions:
            grouped.setdefault((cond.rule_id, r.message(cond.text)), []).append(cond.line)
        out += ["", heading("conditions")]
        for (rule_id, text), lines in grouped.items():
            name = f"{rule_id} [{_lines(lines, lang)}]"
            out.append(f"  - {label('summary.field', lang, name=name, value=text)}")
    proposals = []
    for p in a.counter_proposals:
        parts = []
        if p.absorbable is not None and p.absorbable < p.offered:
            absorbable = msg(
                "labels.summary.absorbable",
                absorbable=count(p.absorbable),
                offered=count(p.offered),
            )
            parts.append(r.message(absorbable))  # « 12 / 40 absorbables »
        if p.alternative is not None:
            better = label("better_fit", lang).lower()
            parts.append(label("summary.field", lang, name=better, value=r.value(p.alternative)))
        if parts:
            joined = label("separator", lang).join(parts)
            proposals.append(
                f"  - {label('summary.field', lang, name=_lines([p.line], lang), value=joined)}"
            )
    if proposals:
        out += ["", heading("counter_proposal"), *proposals]
    return "\n".join(out)
