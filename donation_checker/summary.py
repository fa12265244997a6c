"""A short plain-text summary of an assessment for the terminal."""

from __future__ import annotations

from .assessment import Assessment, Finding, Status, Verdict

VERDICT_LABELS = {
    Verdict.ACCEPT: ("ACCEPT", "ACCEPTATION"),
    Verdict.CONDITIONAL: ("ACCEPT WITH CONDITIONS", "ACCEPTATION SOUS CONDITIONS"),
    Verdict.REDIRECT: ("REDIRECT (ask for something else)", "RÉORIENTATION (demander autre chose)"),
    Verdict.DECLINE: ("DECLINE", "REFUS"),
}


def verdict_label(verdict: Verdict, lang: str) -> str:
    en, fr = VERDICT_LABELS[verdict]
    return fr if lang == "fr" else en


def _score(x: float | None, lang: str) -> str:
    if x is None:
        return "inconnu" if lang == "fr" else "unknown"
    return f"{x:.0f}"


def _weakest(findings: tuple[Finding, ...], n: int) -> list[Finding]:
    scored = [f for f in findings if f.score is not None and f.status is not Status.PASS]
    return sorted(scored, key=lambda f: (f.score or 0.0, -f.weight))[:n]


def format_assessment(a: Assessment, lang: str = "en", *, top: int = 5) -> str:
    fr = lang == "fr"
    h = a.offer_header
    c = " : " if fr else ": "  # French puts a space before the colon
    pct = f"{a.confidence * 100:.0f}\u202f%" if fr else f"{a.confidence * 100:.0f}%"
    lines = [
        f"{'Offre' if fr else 'Offer'} {h.reference or '?'} — {h.donor or '?'}",
        f"Verdict{c}{verdict_label(a.verdict, lang)}",
        f"{'Score global' if fr else 'Overall score'}{c}{_score(a.score, lang)}/100 · "
        f"{'confiance' if fr else 'confidence'} {pct}",
    ]
    if a.families:
        fam = ", ".join(f"{k} {_score(v, lang)}" for k, v in a.families.items())
        lines.append(f"{'Familles' if fr else 'Families'}{c}{fam}")
    if a.knockouts:
        label = "Critères éliminatoires" if fr else "Knock-outs"
        lines.append(f"{label}{c}{', '.join(a.knockouts)}")
    weakest = _weakest((*a.findings, *a.offer_findings), top)
    if weakest:
        lines.append("")
        lines.append("Constats principaux :" if fr else "Main findings:")
        for f in weakest:
            where = "" if f.line is None else f" [{'ligne' if fr else 'line'} {f.line + 1}]"
            lines.append(
                f"  - {f.rule_id}{where} ({_score(f.score, lang)}){c}{f.message.get(lang)}"
            )
    if a.conditions:
        lines.append("")
        lines.append("Conditions :" if fr else "Conditions:")
        for cond in a.conditions:
            lines.append(f"  - {cond.rule_id}{c}{cond.text.get(lang)}")
    proposals = [p for p in a.counter_proposals if p.absorbable is not None or p.alternative]
    if proposals:
        lines.append("")
        lines.append("Contre-proposition :" if fr else "Counter-proposal:")
        for p in proposals:
            parts = []
            if p.absorbable is not None and p.absorbable < p.offered:
                parts.append(
                    f"{p.absorbable} / {p.offered} {'absorbables' if fr else 'absorbable'}"
                )
            if p.alternative:
                parts.append(f"{'préférer' if fr else 'prefer'} {p.alternative}")
            if parts:
                lines.append(f"  - {'ligne' if fr else 'line'} {p.line + 1}{c}{'; '.join(parts)}")
    return "\n".join(lines)
