"""The result of assessing an offer: typed, frozen, and explainable down to the inventory rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from .model import OfferHeader

if TYPE_CHECKING:
    from .messages import Message, Value


class Status(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    ACCEPT = "accept"
    CONDITIONAL = "conditional"
    REDIRECT = "redirect"
    DECLINE = "decline"


VERDICT_ORDER = (Verdict.ACCEPT, Verdict.CONDITIONAL, Verdict.REDIRECT, Verdict.DECLINE)


@dataclass(frozen=True)
class Text:
    """A sentence in both languages the product speaks, so an assessment can be shown in either."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class RowRef:
    """One inventory row an evidence item was computed from."""

    table: str
    sheet: str
    row: int


@dataclass(frozen=True)
class Evidence:
    """A number or fact a finding used, typed: the value records the sovereign fact it states
    (holdings, budget…) and what it was computed from, so the shareable report bands it."""

    key: str
    label: Message | Text  # a catalogue message, or a name the rule set gives in both languages
    value: Value
    rows: tuple[RowRef, ...] = ()

    @property
    def sensitive(self) -> bool:
        """True when the value states or was computed from a sovereign fact of any topic."""
        return bool(self.value.topics())


@dataclass(frozen=True)
class Condition:
    """A concrete condition to attach to acceptance, with the numbers filled in."""

    rule_id: str
    line: int | None  # index into Offer.lines; None for the whole offer
    text: Message
    removes_knockout: bool = False
    # Must be met before acceptance ("accept only with…"); others are recommendations.
    mandatory: bool = False


@dataclass(frozen=True)
class Finding:
    """One rule applied to one offer line (or to the whole offer when line is None)."""

    rule_id: str
    family: str
    title: Text
    line: int | None
    score: float | None  # 0-100; None when unknown
    status: Status
    weight: float
    knockout: bool  # the rule is a knock-out and it failed
    message: Message
    evidence: tuple[Evidence, ...] = ()
    source: Text = Text("", "")  # the rule's sources, in each language
    condition: Condition | None = None

    def at_line(self, line: int | None, condition: Condition | None) -> Finding:
        """This finding for one offer line, with the line's condition (faster than
        dataclasses.replace: a long offer has hundreds of thousands of findings)."""
        return Finding(
            rule_id=self.rule_id,
            family=self.family,
            title=self.title,
            line=line,
            score=self.score,
            status=self.status,
            weight=self.weight,
            knockout=self.knockout,
            message=self.message,
            evidence=self.evidence,
            source=self.source,
            condition=condition,
        )


@dataclass(frozen=True)
class LineAssessment:
    index: int
    label: str  # "Toyota Land Cruiser 79 × 20"
    score: float | None
    confidence: float
    verdict: Verdict
    main_finding: str | None  # rule id of the weakest weighted finding


@dataclass(frozen=True)
class CounterProposal:
    line: int
    offered: int
    absorbable: int | None  # None when no capacity data is available
    limiting_factor: Message | None
    alternative: Value | None  # "Toyota Land Cruiser 79", a model already in the fleet
    alternative_reason: Message | None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class CostYear:
    year: int  # 1..N after handover
    fuel: float | None  # None: not computable from the data (never a silent zero)
    maintenance: float | None
    parts: float | None
    headroom: float | None = None  # uncommitted budget that year, when known

    @property
    def total(self) -> float | None:
        """The year's total, or None when any part of it is unknown."""
        if self.fuel is None or self.maintenance is None or self.parts is None:
            return None
        return self.fuel + self.maintenance + self.parts


@dataclass(frozen=True)
class LineCost:
    line: int
    years: tuple[CostYear, ...]


@dataclass(frozen=True)
class LifecycleCost:
    currency: str | None
    horizon_years: int
    lines: tuple[LineCost, ...]
    totals: tuple[CostYear, ...]
    assumptions: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class FamilySensitivity:
    family: str
    weight: float
    change_needed: float | None  # relative change of this family's weight (e.g. -0.4) or None
    verdict_after: Verdict | None


@dataclass(frozen=True)
class Sensitivity:
    robust: bool
    families: tuple[FamilySensitivity, ...]
    statement: Message


@dataclass(frozen=True)
class CategoryImpact:
    category: str
    models_before: int
    models_after: int
    units_before: int
    units_after: int
    new_models: tuple[str, ...] = ()
    title: Value | None = None  # the category's name in both languages


@dataclass(frozen=True)
class TableGap:
    """An inventory table that was not found, and the rules left unknown for want of it."""

    table: str
    title: Text
    rules: tuple[str, ...]  # rule ids whose findings are unknown
    families: tuple[str, ...]


@dataclass(frozen=True)
class InputRecord:
    role: str  # "inventory" | "offer" | "rules" | "vocabulary" | "aliases" | "messages"
    name: str
    sha256: str
    rows_imported: int | None = None
    rows_rejected: int | None = None
    user: bool = False  # from the user's own folder (user_files.py), merged over the shipped file


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    score: float | None  # worst case of the unknown findings, inside the verdict's band
    confidence: float  # data coverage: share of the weight that had data, 0-1
    families: Mapping[str, float | None]
    family_weights: Mapping[str, float]
    findings: tuple[Finding, ...]
    conditions: tuple[Condition, ...]
    lines: tuple[LineAssessment, ...]
    counter_proposals: tuple[CounterProposal, ...]
    lifecycle: LifecycleCost | None
    sensitivity: Sensitivity | None
    fleet_impact: tuple[CategoryImpact, ...]
    offer_findings: tuple[Finding, ...] = ()  # offer-level effects (fragmentation, totals, pledges)
    knockouts: tuple[str, ...] = ()  # rule ids whose knock-out is not removed by a condition
    inputs: tuple[InputRecord, ...] = ()
    ruleset_name: str = ""
    ruleset_version: str = ""
    ruleset_sha256: str = ""
    offer_header: OfferHeader = field(default_factory=OfferHeader)
    recipient: str | None = None
    currency: str | None = None
    # The overall score with every unknown finding at its worst (0) and best (100) case.
    score_range: tuple[float, float] | None = None
    # Tables the inventory lacked whose rules are therefore unknown (judged at the worst case).
    tables_not_found: tuple[TableGap, ...] = ()
    # Each family's title as the rule set gives it, so a family a user adds has its own name.
    family_titles: Mapping[str, Text] = field(default_factory=dict)
    ruleset_title: Text | None = None  # the rule set's name in both languages, when it has both
