"""The register's tests run on both back ends: a SQLite file, and a real PostgreSQL server
started once per session in a temporary folder (skipped only when its binaries are absent)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from donation_checker.assessment import Assessment
from donation_checker.model import Offer
from donation_checker.pipeline import AssessmentRun, run_assessment
from donation_checker.register import Register
from tests.core.pg_server import binaries, new_database, running_server
from tests.hand_made import hand_made

SAMPLES = Path(__file__).parents[3] / "sample_inventories"
INVENTORY = SAMPLES / "inventaire_fama_2025.xlsx"
_databases = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    if binaries() is None:
        pytest.skip(
            "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb): "
            "scripts/setup-env.sh installs the Debian package postgresql"
        )
    with running_server() as address:
        yield address


@pytest.fixture(params=["sqlite", "postgresql"])
def address(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("DONATION_CHECKER_REGISTER", raising=False)
    if request.param == "sqlite":
        return str(tmp_path / "register.sqlite3")
    server: str = request.getfixturevalue("pg_server")
    return new_database(server, f"register_{os.getpid()}_{next(_databases)}")


@pytest.fixture
def register(address: str) -> Iterator[Register]:
    with Register.open(address) as opened:
        yield opened


@cache
def sample_runs() -> dict[str, AssessmentRun]:
    """The sample offers assessed once for the whole session."""
    return {
        name: run_assessment(inventory_path=INVENTORY, offer_path=SAMPLES / f"{name}.xlsx")
        for name in ("offre_bien_adaptee", "offre_mixte", "offre_partenaire_e_zetros")
    }


@pytest.fixture(scope="session")
def runs() -> dict[str, AssessmentRun]:
    return sample_runs()


def tiny(
    donor: str = "Partner X",
    reference: str = "PX-1",
    conditions: int = 2,
    date: dt.date = dt.date(2026, 5, 4),
) -> tuple[Assessment, Offer]:
    """A small assessment built by hand: recording it costs no inventory import."""
    return hand_made(donor, reference, conditions=conditions, date=date)
