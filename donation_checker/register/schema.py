"""The register's tables as the code queries them (the migrations build them; a test checks
that the two agree).

Nothing is updated in place except a case's current version and a year's last number: every
assessment, correction, decision and condition update is a new row, so the history is the
tables themselves.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# The last case number given in each year: the one row every new case locks.
counters = Table(
    "counters",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last", Integer, nullable=False),
)

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(32), nullable=False, unique=True),
    Column("year", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    # The current version: a save names the version it started from (optimistic concurrency).
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("organisation", String(200), nullable=False),
    UniqueConstraint("year", "seq", name="uq_cases_year_seq"),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
    Column("assessed_at", DateTime, nullable=False),
    Column("inventory_name", String(500), nullable=False),
    Column("inventory_sha256", String(64), nullable=False),
    Column("offer_name", String(500), nullable=False),
    Column("offer_sha256", String(64), nullable=False),
    Column("ruleset_name", String(200), nullable=False),
    Column("ruleset_sha256", String(64), nullable=False),
    Column("verdict", String(20), nullable=False, index=True),
    Column("score", Float, nullable=True),
    Column("coverage", Float, nullable=False),
    Column("assessment_json", Text, nullable=False),
)

offer_lines = Table(
    "offer_lines",
    metadata,
    Column("assessment_id", Integer, ForeignKey("assessments.id"), primary_key=True),
    Column("no", Integer, primary_key=True, autoincrement=False),
    Column("category", String(200), nullable=False),
    Column("category_key", String(100), nullable=True, index=True),
    Column("make", String(200), nullable=False),
    Column("model", String(200), nullable=False),
    Column("quantity", Integer, nullable=False),
    # The line's other fields (year, fuel, drive side...) as the offer stated them.
    Column("details_json", Text, nullable=False),
)

case_versions = Table(
    "case_versions",
    metadata,
    Column("case_id", Integer, ForeignKey("cases.id"), primary_key=True),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("changed_at", DateTime, nullable=False),
    Column("changed_by", String(200), nullable=False),
    Column("organisation", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("note", Text, nullable=False),
    Column("assessment_id", Integer, ForeignKey("assessments.id"), nullable=False),
    Column("donor", String(500), nullable=True, index=True),
    Column("reference", String(500), nullable=True),
    Column("offer_date", Date, nullable=True),
    Column("decision", String(30), nullable=True),
    Column("decided_on", Date, nullable=True),
    Column("reply_reference", String(500), nullable=True),
    Column("delivered_on", Date, nullable=True),
)

conditions = Table(
    "conditions",
    metadata,
    Column("case_id", Integer, ForeignKey("cases.id"), primary_key=True),
    Column("no", Integer, primary_key=True, autoincrement=False),
    Column("rule_id", String(200), nullable=False),
    Column("line", Integer, nullable=True),
    Column("text_en", Text, nullable=False),
    Column("text_fr", Text, nullable=False),
    # The same sentences with the recipient's holdings struck out: what a reply may quote.
    Column("share_en", Text, nullable=False),
    Column("share_fr", Text, nullable=False),
    Column("mandatory", Boolean, nullable=False),
)

condition_events = Table(
    "condition_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
    Column("no", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("on", Date, nullable=True),
    Column("due", Date, nullable=True),
    Column("note", Text, nullable=False),
    Column("file_sha256", String(64), nullable=True),
)
