"""Which findings of an assessment are unknown because a table was not found in the inventory.

Missing data is "unknown", never better than the truth: the statement names each table the
inventory lacked and the rules (with their families) left unknown for want of it, so that a
reader does not take a favourable verdict for one earned on the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from .assessment import Assessment
from .importer.vocabulary import Vocabulary, load_vocabulary
from .model import ImportReport
from .ruleset import RuleSet


@dataclass(frozen=True)
class TableGap:
    table: str
    title_en: str
    title_fr: str
    rules: tuple[str, ...]  # rule ids whose findings are unknown
    families: tuple[str, ...]


def table_gaps(
    assessment: Assessment,
    ruleset: RuleSet,
    report: ImportReport,
    vocabulary: Vocabulary | None = None,
) -> tuple[TableGap, ...]:
    vocab = vocabulary or load_vocabulary()
    kind_of = {r.id: r.kind for r in ruleset.rules}
    unknown = [f for f in (*assessment.findings, *assessment.offer_findings) if f.score is None]
    gaps = []
    for name in report.missing_tables:
        spec = vocab.tables.get(name)
        if spec is None or not spec.informs:
            continue
        hit = [f for f in unknown if kind_of.get(f.rule_id) in spec.informs]
        if not hit:
            continue
        gaps.append(
            TableGap(
                name,
                spec.title_en,
                spec.title_fr,
                tuple(dict.fromkeys(f.rule_id for f in hit)),
                tuple(dict.fromkeys(f.family for f in hit)),
            )
        )
    return tuple(gaps)


def gap_lines(gaps: tuple[TableGap, ...], lang: str = "en") -> list[str]:
    fr = lang == "fr"
    out = []
    for g in gaps:
        if fr:
            out.append(
                f"Tableau « {g.title_fr} » non trouvé dans l'inventaire : règles "
                f"{', '.join(g.rules)} inconnues (familles : {', '.join(g.families)})."
            )
        else:
            out.append(
                f"Table '{g.title_en}' not found in the inventory: rules {', '.join(g.rules)} "
                f"unknown (families: {', '.join(g.families)})."
            )
    return out
