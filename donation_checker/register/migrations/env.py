"""Alembic environment: the register always passes its own open connection."""

from __future__ import annotations

from alembic import context

from donation_checker.register.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
