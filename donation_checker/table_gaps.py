"""Which findings of an assessment are unknown because a table was not found in the inventory.

Missing data is "unknown", never better than the truth: the statement names each table the
inventory lacked and the rules (with their families) left unknown for want of it, so that a
reader does not take a favourable verdict for one earned on the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .assessment import Assessment, TableGap, Text
from .model import ImportReport
from .ruleset import RuleSet

if TYPE_CHECKING:
    from .importer.vocabulary import Vocabulary


def with_gaps(assessment: Assessment, ruleset: RuleSet, report: ImportReport) -> Assessment:
    """The assessment with the tables the inventory lacked, for every output to state."""
    return replace(assessment, tables_not_found=table_gaps(assessment, ruleset, report))


def table_gaps(
    assessment: Assessment,
    ruleset: RuleSet,
    report: ImportReport,
    vocabulary: Vocabulary | None = None,
) -> tuple[TableGap, ...]:
    from .importer.vocabulary import load_vocabulary  # the outputs import gap_lines alone

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
                Text(spec.title_en, spec.title_fr),
                tuple(dict.fromkeys(f.rule_id for f in hit)),
                tuple(dict.fromkeys(f.family for f in hit)),
            )
        )
    return tuple(gaps)


def gap_lines(gaps: Sequence[TableGap], lang: str = "en") -> list[str]:
    fr = lang == "fr"
    out = []
    for g in gaps:
        if fr:
            out.append(
                f"Tableau «\u00a0{g.title.fr}\u00a0» non trouvé dans l’inventaire\u00a0: règles "
                f"{', '.join(g.rules)} inconnues (familles : {', '.join(g.families)})."
            )
        else:
            out.append(
                f"Table '{g.title.en}' not found in the inventory: rules {', '.join(g.rules)} "
                f"unknown (families: {', '.join(g.families)})."
            )
    return out
