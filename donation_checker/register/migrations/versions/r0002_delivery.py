"""Accepted offers are followed to their delivery: each case version carries a delivery date."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_versions") as batch:
        batch.add_column(sa.Column("delivered_on", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_versions") as batch:
        batch.drop_column("delivered_on")
