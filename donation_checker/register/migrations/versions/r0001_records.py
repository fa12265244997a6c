"""Cases, their versions, assessments, offer lines and conditions."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counters",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(32), nullable=False, unique=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.UniqueConstraint("year", "seq", name="uq_cases_year_seq"),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("assessed_at", sa.DateTime, nullable=False),
        sa.Column("inventory_name", sa.String(500), nullable=False),
        sa.Column("inventory_sha256", sa.String(64), nullable=False),
        sa.Column("offer_name", sa.String(500), nullable=False),
        sa.Column("offer_sha256", sa.String(64), nullable=False),
        sa.Column("ruleset_name", sa.String(200), nullable=False),
        sa.Column("ruleset_sha256", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False, index=True),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("coverage", sa.Float, nullable=False),
        sa.Column("assessment_json", sa.Text, nullable=False),
    )
    op.create_table(
        "offer_lines",
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id"), primary_key=True),
        sa.Column("no", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("category_key", sa.String(100), nullable=True, index=True),
        sa.Column("make", sa.String(200), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("details_json", sa.Text, nullable=False),
    )
    op.create_table(
        "case_versions",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("changed_at", sa.DateTime, nullable=False),
        sa.Column("changed_by", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessments.id"), nullable=False),
        sa.Column("donor", sa.String(500), nullable=True, index=True),
        sa.Column("reference", sa.String(500), nullable=True),
        sa.Column("offer_date", sa.Date, nullable=True),
        sa.Column("decision", sa.String(30), nullable=True),
        sa.Column("decided_on", sa.Date, nullable=True),
        sa.Column("reply_reference", sa.String(500), nullable=True),
    )
    op.create_table(
        "conditions",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
        sa.Column("no", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("rule_id", sa.String(200), nullable=False),
        sa.Column("line", sa.Integer, nullable=True),
        sa.Column("text_en", sa.Text, nullable=False),
        sa.Column("text_fr", sa.Text, nullable=False),
        sa.Column("share_en", sa.Text, nullable=False),
        sa.Column("share_fr", sa.Text, nullable=False),
        sa.Column("mandatory", sa.Boolean, nullable=False),
    )
    op.create_table(
        "condition_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("no", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("on", sa.Date, nullable=True),
        sa.Column("due", sa.Date, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=True),
    )


def downgrade() -> None:
    for table in (
        "condition_events",
        "conditions",
        "case_versions",
        "offer_lines",
        "assessments",
        "cases",
        "counters",
    ):
        op.drop_table(table)
