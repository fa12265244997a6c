"""The shareable version of an assessment: the recipient's holdings become bands.

Recipients treat their real holdings, quantities and locations as sovereign data. Before a report
goes to a donor, every evidence item marked `sensitive` is replaced by a band, the inventory row
references are dropped, and the same values are struck out of the free texts (messages, conditions,
counter-proposal reasons) in case a rule quoted them in a sentence.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable

from ..assessment import (
    Assessment,
    Condition,
    CounterProposal,
    Evidence,
    Finding,
    LifecycleCost,
    Sensitivity,
    Text,
)
from ..formatting import NARROW_NBSP, NBSP
from .texts import label


def quantity_band(value: float | int, lang: str) -> str:
    """`none`, `a few (1–9)`, `10–49` or `50 or more`."""
    if value <= 0:
        return label("band_none", lang)
    if value < 10:
        return label("band_few", lang)
    if value < 50:
        return label("band_10_49", lang)
    return label("band_50_plus", lang)


def model_count_band(value: int, lang: str) -> str:
    """Distinct models in a category: `none`, `1`, `2–3`, `4 or more` (4 is where the fleet
    fragmentation rule starts to bite)."""
    if value <= 0:
        return label("band_none", lang)
    if value == 1:
        return label("band_models_1", lang)
    if value <= 3:
        return label("band_models_2_3", lang)
    return label("band_models_4_plus", lang)


def band_value(value: object, lang: str) -> str:
    """The band shown in place of a sensitive value: counts get a quantity band, anything else
    (a location, a ratio, a yes/no) is simply withheld."""
    if isinstance(value, bool) or value is None:
        return label("withheld", lang)
    if isinstance(value, int | float) and math.isfinite(value) and float(value).is_integer():
        return quantity_band(value, lang)
    return label("withheld", lang)


def _spellings(value: object) -> set[str]:
    """The ways a sensitive value may be written inside a sentence."""
    if isinstance(value, bool) or value is None:
        return set()
    if isinstance(value, str):
        text = value.strip()
        return {text} if len(text) >= 2 else set()
    if isinstance(value, int | float) and math.isfinite(value):
        number = float(value)
        out = {str(value)}
        for decimals in (0, 1, 2) if not number.is_integer() else (0,):
            grouped = f"{number:,.{decimals}f}"  # 1,234.5
            out.add(grouped.replace(",", ""))  # 1234.5
            out.add(grouped.replace(",", "").replace(".", ","))  # 1234,5
            out.add(grouped)
            for sep in (NARROW_NBSP, NBSP, " ", "."):  # 1 234,5 and 1.234,5
                out.add(grouped.replace(",", "\0").replace(".", ",").replace("\0", sep))
        return out
    return set()


class Redactor:
    """Strikes the sensitive values of one assessment out of free text."""

    def __init__(self, sensitive: Iterable[Evidence], lang: str) -> None:
        self.lang = lang
        replacements: dict[str, str] = {}
        for ev in sensitive:
            band = band_value(ev.value, lang)
            for spelling in _spellings(ev.value):
                replacements.setdefault(spelling, band)
        # Longest first, so "1 234" is struck before "234" gets a chance to match inside it.
        ordered = sorted(replacements, key=len, reverse=True)
        self._bands = {s.casefold(): replacements[s] for s in ordered}
        self._pattern = (
            re.compile(
                r"(?<![\w.,-])(" + "|".join(re.escape(s) for s in ordered) + r")(?![\w]|[.,]\d)",
                re.IGNORECASE,
            )
            if ordered
            else None
        )

    def text(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: f"[{self._bands[m.group(1).casefold()]}]", text)

    def bilingual(self, text: Text) -> Text:
        # Both languages get bands in the report's language: the other one is not shown.
        return Text(en=self.text(text.en), fr=self.text(text.fr))

    def evidence(self, ev: Evidence) -> Evidence:
        if ev.sensitive:
            return dataclasses.replace(ev, value=band_value(ev.value, self.lang), unit="", rows=())
        return dataclasses.replace(ev, rows=()) if ev.rows else ev

    def evidence_items(self, items: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        return tuple(self.evidence(ev) for ev in items)

    def condition(self, c: Condition) -> Condition:
        return dataclasses.replace(c, text=self.bilingual(c.text))

    def finding(self, f: Finding) -> Finding:
        return dataclasses.replace(
            f,
            message=self.bilingual(f.message),
            evidence=self.evidence_items(f.evidence),
            condition=self.condition(f.condition) if f.condition else None,
        )

    def counter_proposal(self, cp: CounterProposal) -> CounterProposal:
        return dataclasses.replace(
            cp,
            limiting_factor=self.bilingual(cp.limiting_factor) if cp.limiting_factor else None,
            alternative_reason=(
                self.bilingual(cp.alternative_reason) if cp.alternative_reason else None
            ),
            evidence=self.evidence_items(cp.evidence),
        )


def sensitive_evidence(a: Assessment) -> list[Evidence]:
    items: list[Evidence] = []
    for f in (*a.findings, *a.offer_findings):
        items.extend(f.evidence)
    for cp in a.counter_proposals:
        items.extend(cp.evidence)
    if a.lifecycle:
        items.extend(a.lifecycle.assumptions)
    return [ev for ev in items if ev.sensitive]


def redact(a: Assessment, lang: str) -> Assessment:
    """The assessment as it may be sent to a donor. Unit counts in the fleet impact and budget
    headroom are hidden by the report writers themselves (they need the numbers to draw bands).

    A sentence is scrubbed of the sensitive values of its own finding (and, for a counter-
    proposal, of the findings on its line): scrubbing every holding from every sentence would
    also strike unrelated small numbers such as "manuals: 1 of 3". Texts that belong to no
    finding are scrubbed of every sensitive value of the assessment.
    """
    everything = Redactor(sensitive_evidence(a), lang)
    # A redactor depends only on the values it strikes, and most findings of a long offer share
    # theirs (or have none): one regular expression per distinct set, not one per finding.
    redactors: dict[tuple[tuple[type, object], ...], Redactor] = {}

    def own(f: Finding) -> Redactor:
        sensitive = [ev for ev in f.evidence if ev.sensitive]
        key = tuple((type(ev.value), ev.value) for ev in sensitive)
        found = redactors.get(key)
        if found is None:
            found = redactors[key] = Redactor(sensitive, lang)
        return found

    scoped = {(f.rule_id, f.line): own(f) for f in (*a.findings, *a.offer_findings)}
    by_line: dict[int | None, list[Evidence]] = {}
    for f in (*a.findings, *a.offer_findings):
        by_line.setdefault(f.line, []).extend(ev for ev in f.evidence if ev.sensitive)

    def finding(f: Finding) -> Finding:
        return scoped[(f.rule_id, f.line)].finding(f)

    def condition(c: Condition) -> Condition:
        return scoped.get((c.rule_id, c.line), everything).condition(c)

    def counter(cp: CounterProposal) -> CounterProposal:
        near = [*by_line.get(cp.line, []), *(ev for ev in cp.evidence if ev.sensitive)]
        return Redactor(near, lang).counter_proposal(cp)

    lifecycle: LifecycleCost | None = None
    if a.lifecycle:
        lifecycle = dataclasses.replace(
            a.lifecycle, assumptions=everything.evidence_items(a.lifecycle.assumptions)
        )
    sensitivity: Sensitivity | None = None
    if a.sensitivity:
        sensitivity = dataclasses.replace(
            a.sensitivity, statement=everything.bilingual(a.sensitivity.statement)
        )
    return dataclasses.replace(
        a,
        findings=tuple(finding(f) for f in a.findings),
        offer_findings=tuple(finding(f) for f in a.offer_findings),
        conditions=tuple(condition(c) for c in a.conditions),
        counter_proposals=tuple(counter(cp) for cp in a.counter_proposals),
        lifecycle=lifecycle,
        sensitivity=sensitivity,
    )
