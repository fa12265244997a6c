"""What the register returns: plain frozen records, ready for the command line and the GUI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Decision(StrEnum):
    ACCEPTED = "accepted"
    ACCEPTED_WITH_CONDITIONS = "accepted_with_conditions"
    REDIRECTED = "redirected"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


# Decisions after which the equipment is still to come: their offers remain pledges.
ACCEPTING = (Decision.ACCEPTED, Decision.ACCEPTED_WITH_CONDITIONS)


class CaseStatus(StrEnum):
    """Where a case stands: no decision yet, the decision taken, or delivered."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    ACCEPTED_WITH_CONDITIONS = "accepted_with_conditions"
    REDIRECTED = "redirected"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    DELIVERED = "delivered"


class ConditionStatus(StrEnum):
    PENDING = "pending"
    MET = "met"
    WAIVED = "waived"
    FAILED = "failed"


@dataclass(frozen=True)
class RecordedLine:
    no: int  # 1-based, as the officer reads it
    category: str
    category_key: str | None
    make: str
    model: str
    quantity: int
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TrackedCondition:
    no: int
    rule_id: str
    line: int | None  # 0-based offer line, None for the whole offer
    text_en: str
    text_fr: str
    share_en: str  # the text with the recipient's holdings struck out, for a reply
    share_fr: str
    mandatory: bool
    status: ConditionStatus
    on: dt.date | None  # when it was met, waived or failed
    due: dt.date | None
    note: str
    file_sha256: str | None

    def text(self, lang: str) -> str:
        return self.text_fr if lang == "fr" else self.text_en

    def shareable(self, lang: str) -> str:
        return self.share_fr if lang == "fr" else self.share_en


@dataclass(frozen=True)
class Assessed:
    """What an assessment concluded, as a history entry's change records it."""

    verdict: str
    score: float | None


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    at: dt.datetime  # UTC
    by: str
    organisation: str
    kind: str  # assessment, correction, decision, condition, delivery
    note: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class CaseSummary:
    """One row of the register list."""

    number: str
    version: int
    donor: str | None
    reference: str | None
    offer_date: dt.date | None
    verdict: str
    score: float | None
    coverage: float
    status: CaseStatus
    decision: Decision | None
    decided_on: dt.date | None
    delivered_on: dt.date | None
    categories: tuple[str, ...]
    units: int
    created_at: dt.datetime
    created_by: str
    organisation: str
    changed_at: dt.datetime
    changed_by: str


@dataclass(frozen=True)
class Case:
    """A case at its current version, with what the list shows and everything behind it."""

    summary: CaseSummary
    reply_reference: str | None
    inventory_name: str
    inventory_sha256: str
    offer_name: str
    offer_sha256: str
    ruleset_name: str
    ruleset_sha256: str
    lines: tuple[RecordedLine, ...]
    conditions: tuple[TrackedCondition, ...]
    history: tuple[HistoryEntry, ...]
    assessment: dict[str, Any]  # the assessment as `assess --json` writes it (English, full)

    @property
    def number(self) -> str:
        return self.summary.number

    @property
    def version(self) -> int:
        return self.summary.version

    @property
    def counter_proposal(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.assessment.get("counter_proposal", [])
        return found


@dataclass(frozen=True)
class CaseFilter:
    """The list's filters; None lets everything through."""

    donor: str | None = None  # part of the donor's name, any case
    category: str | None = None  # a category id of the rule set (pickup, truck, ambulance...)
    verdict: str | None = None
    status: CaseStatus | None = None
    year: int | None = None


@dataclass(frozen=True)
class Page:
    items: tuple[CaseSummary, ...]
    total: int  # cases that pass the filters, across all pages
    offset: int
    limit: int


@dataclass(frozen=True)
class OverdueCondition:
    number: str
    donor: str | None
    condition: TrackedCondition
    days_late: int


@dataclass(frozen=True)
class Pledge:
    """One line of an offer still to come (pending, or accepted and not delivered)."""

    number: str
    donor: str | None
    line: int  # 1-based
    category: str
    make: str
    model: str
    quantity: int
    status: CaseStatus
    date: dt.date | None
