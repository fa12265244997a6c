"""Reading the register: a case at its current version, the list's rows, the conditions'
latest states and the history, from the tables in schema.py."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.engine import Connection, Row

from ..errors import DonationCheckerError
from . import schema as s
from .records import (
    ACCEPTING,
    Assessed,
    Case,
    CaseFilter,
    CaseStatus,
    CaseSummary,
    Change,
    ConditionStatus,
    Decision,
    HistoryEntry,
    RecordedLine,
    TrackedCondition,
)


class CaseNotFound(DonationCheckerError):
    """No case has this number."""


# Fields of a case version an officer may see change, in the order the history lists them.
VERSION_FIELDS = (
    "donor",
    "reference",
    "offer_date",
    "decision",
    "decided_on",
    "reply_reference",
    "delivered_on",
)


def utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC)


def status_column() -> Any:
    cv = s.case_versions.c
    return case(
        (cv.decision.is_(None), CaseStatus.PENDING.value),
        (
            and_(cv.decision.in_([d.value for d in ACCEPTING]), cv.delivered_on.is_not(None)),
            CaseStatus.DELIVERED.value,
        ),
        else_=cv.decision,
    ).label("status")


def summaries_query(f: CaseFilter) -> Any:
    c, cv, a = s.cases.c, s.case_versions.c, s.assessments.c
    status = status_column()
    query = (
        select(
            c.id,
            c.number,
            c.version,
            c.created_at,
            c.created_by,
            c.organisation.label("case_organisation"),
            cv.donor,
            cv.reference,
            cv.offer_date,
            cv.decision,
            cv.decided_on,
            cv.reply_reference,
            cv.delivered_on,
            cv.changed_at,
            cv.changed_by,
            cv.assessment_id,
            a.verdict,
            a.score,
            a.coverage,
            status,
        )
        .select_from(s.cases)
        .join(s.case_versions, and_(cv.case_id == c.id, cv.version == c.version))
        .join(s.assessments, a.id == cv.assessment_id)
    )
    if f.donor:
        query = query.where(func.lower(cv.donor).contains(f.donor.lower(), autoescape=True))
    if f.verdict:
        query = query.where(a.verdict == f.verdict)
    if f.status:
        query = query.where(status == CaseStatus(f.status).value)
    if f.year:
        query = query.where(c.year == f.year)
    if f.category:
        ol = s.offer_lines.c
        query = query.where(exists().where(ol.assessment_id == a.id, ol.category_key == f.category))
    return query


def summaries(conn: Connection, rows: Sequence[Row[Any]]) -> tuple[CaseSummary, ...]:
    lines = lines_of(conn, [r.assessment_id for r in rows])
    return tuple(summary_of(r, lines.get(r.assessment_id, ())) for r in rows)


def load_case(conn: Connection, number: str) -> Case:
    row = conn.execute(summaries_query(CaseFilter()).where(s.cases.c.number == number)).first()
    if row is None:
        raise not_found(number)
    (summary,) = summaries(conn, [row])
    a = conn.execute(select(s.assessments).where(s.assessments.c.id == row.assessment_id)).one()
    latest = latest_events(conn, row.id)
    texts = condition_texts(conn, {row.id})
    conditions = tuple(
        tracked(texts[(row.id, no)], latest[(row.id, no)])
        for _, no in sorted(k for k in texts if k in latest)
    )
    return Case(
        summary=summary,
        reply_reference=row.reply_reference,
        inventory_name=a.inventory_name,
        inventory_sha256=a.inventory_sha256,
        offer_name=a.offer_name,
        offer_sha256=a.offer_sha256,
        ruleset_name=a.ruleset_name,
        ruleset_sha256=a.ruleset_sha256,
        lines=lines_of(conn, [row.assessment_id]).get(row.assessment_id, ()),
        conditions=conditions,
        history=history_of(conn, row.id),
        assessment=json.loads(a.assessment_json),
    )


def shown(value: Any) -> str:
    """A value as the history names it; nothing is a dash."""
    if value is None or value == "":
        return "—"
    return str(value.value if hasattr(value, "value") else value)


def not_found(number: str) -> CaseNotFound:
    return CaseNotFound(
        f"No case {number} in the register.",
        f"Aucun dossier {number} dans le registre.",
        hint="List the cases with: donation-checker register list",
        hint_fr="Listez les dossiers avec : donation-checker register list",
        reason="register_no_case",
    )


def summary_of(row: Row[Any], lines: tuple[RecordedLine, ...]) -> CaseSummary:
    return CaseSummary(
        number=row.number,
        version=row.version,
        donor=row.donor,
        reference=row.reference,
        offer_date=row.offer_date,
        verdict=row.verdict,
        score=row.score,
        coverage=row.coverage,
        status=CaseStatus(row.status),
        decision=Decision(row.decision) if row.decision else None,
        decided_on=row.decided_on,
        delivered_on=row.delivered_on,
        categories=tuple(dict.fromkeys(ln.category_key or ln.category for ln in lines)),
        units=sum(ln.quantity for ln in lines),
        created_at=utc(row.created_at),
        created_by=row.created_by,
        organisation=row.case_organisation,
        changed_at=utc(row.changed_at),
        changed_by=row.changed_by,
    )


def lines_of(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[RecordedLine, ...]]:
    out: dict[int, list[RecordedLine]] = {}
    if not ids:
        return {}
    ol = s.offer_lines.c
    for r in conn.execute(
        select(s.offer_lines).where(ol.assessment_id.in_(set(ids))).order_by(ol.no)
    ).all():
        out.setdefault(r.assessment_id, []).append(
            RecordedLine(
                r.no,
                r.category,
                r.category_key,
                r.make,
                r.model,
                r.quantity,
                json.loads(r.details_json),
            )
        )
    return {k: tuple(v) for k, v in out.items()}


def latest_events(conn: Connection, case_id: int | None) -> dict[tuple[int, int], Row[Any]]:
    e = s.condition_events.c
    last = select(func.max(e.id).label("id")).group_by(e.case_id, e.no)
    if case_id is not None:
        last = last.where(e.case_id == case_id)
    rows = conn.execute(select(s.condition_events).where(e.id.in_(last.scalar_subquery()))).all()
    return {(r.case_id, r.no): r for r in rows}


def condition_texts(conn: Connection, case_ids: set[int]) -> dict[tuple[int, int], Row[Any]]:
    if not case_ids:
        return {}
    rows = conn.execute(select(s.conditions).where(s.conditions.c.case_id.in_(case_ids))).all()
    return {(r.case_id, r.no): r for r in rows}


def current_donors(conn: Connection, case_ids: set[int]) -> dict[int, str | None]:
    c, cv = s.cases.c, s.case_versions.c
    rows = conn.execute(
        select(c.id, cv.donor)
        .join(s.case_versions, and_(cv.case_id == c.id, cv.version == c.version))
        .where(c.id.in_(case_ids))
    ).all()
    return {r.id: r.donor for r in rows}


def tracked(text: Row[Any], ev: Row[Any]) -> TrackedCondition:
    return TrackedCondition(
        no=text.no,
        rule_id=text.rule_id,
        line=text.line,
        text_en=text.text_en,
        text_fr=text.text_fr,
        share_en=text.share_en,
        share_fr=text.share_fr,
        mandatory=bool(text.mandatory),
        status=ConditionStatus(ev.status),
        on=ev.on,
        due=ev.due,
        note=ev.note,
        file_sha256=ev.file_sha256,
    )


def history_of(conn: Connection, case_id: int) -> tuple[HistoryEntry, ...]:
    cv, a = s.case_versions.c, s.assessments.c
    rows = conn.execute(
        select(s.case_versions, a.verdict, a.score)
        .join(s.assessments, a.id == cv.assessment_id)
        .where(cv.case_id == case_id)
        .order_by(cv.version)
    ).all()
    out = []
    before: Row[Any] | None = None
    for r in rows:
        changes = []
        if before is None or before.assessment_id != r.assessment_id:
            was = None if before is None else Assessed(before.verdict, before.score)
            changes.append(Change("assessment", was, Assessed(r.verdict, r.score)))
        for name in VERSION_FIELDS:
            old = None if before is None else getattr(before, name)
            new = getattr(r, name)
            if old != new:
                changes.append(Change(name, old, new))
        out.append(
            HistoryEntry(
                r.version,
                utc(r.changed_at),
                r.changed_by,
                r.organisation,
                r.kind,
                r.note,
                tuple(changes),
            )
        )
        before = r
    return tuple(out)
