"""The register on both back ends: record, re-assess, decide, follow conditions up, the
portfolio, concurrent writers and migrations."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, insert

from donation_checker.pipeline import AssessmentRun
from donation_checker.register import (
    CaseFilter,
    CaseStatus,
    ConditionStatus,
    Decision,
    Register,
    RegisterConflict,
)
from donation_checker.register import schema as s
from donation_checker.register.location import sqlalchemy_url
from donation_checker.register.migrate import current_revision, upgrade
from donation_checker.register.portfolio import assess_portfolio
from tests.core.register.conftest import tiny

OFFICER = "Cne Traoré"


def test_recording_keeps_the_offer_its_inputs_and_its_assessment(
    register: Register, runs: dict[str, AssessmentRun]
) -> None:
    run = runs["offre_mixte"]
    case = register.record(
        run.assessment, run.offer, officer=OFFICER, organisation="DMHTA", ruleset=run.ruleset
    )
    assert case.number == "DC-2026-0001" and case.version == 1
    c = case.summary
    assert (c.donor, c.reference, c.offer_date) == (
        "Partenaire bilatéral B",
        "PB-2026-MIX-07",
        dt.date(2026, 3, 2),
    )
    assert (c.verdict, c.score, c.coverage) == (
        run.assessment.verdict.value,
        run.assessment.score,
        run.assessment.confidence,
    )
    assert c.status is CaseStatus.PENDING and (c.created_by, c.organisation) == (OFFICER, "DMHTA")
    assert case.inventory_sha256 == run.inventory.report.sha256
    assert case.ruleset_sha256 == run.ruleset.sha256
    assert [(ln.make, ln.model, ln.quantity) for ln in case.lines] == [
        (ln.make, ln.model, ln.quantity) for ln in run.offer.lines
    ]
    assert case.lines[0].details["year"] == run.offer.lines[0].year
    assert case.assessment["verdict"] == run.assessment.verdict.value
    assert case.counter_proposal == case.assessment["counter_proposal"]
    distinct = {(k.rule_id, k.line, k.text.en) for k in run.assessment.conditions}
    assert len(case.conditions) == len(distinct) > 0
    assert all(k.status is ConditionStatus.PENDING for k in case.conditions)
    # A second offer the same year takes the next number.
    other = register.record(*tiny(), officer=OFFICER)
    assert other.number == "DC-2026-0002"


def test_reassessment_is_a_new_version_and_the_history_says_who_changed_what(
    register: Register,
) -> None:
    first = register.record(*tiny(conditions=1), officer="A")
    register.decide(
        first.number, Decision.ACCEPTED_WITH_CONDITIONS, on=dt.date(2026, 5, 10), officer="B"
    )
    again = register.record(
        *tiny(reference="PX-1 rev. 2", conditions=2),
        officer="C",
        case_number=first.number,
        expected_version=2,
    )
    assert again.version == 3 and again.summary.reference == "PX-1 rev. 2"
    assert again.summary.decision is Decision.ACCEPTED_WITH_CONDITIONS  # kept
    assert [c.no for c in again.conditions] == [1, 2]  # the new condition is added, not renumbered
    history = again.history
    assert [(h.version, h.by, h.kind) for h in history] == [
        (1, "A", "assessment"),
        (2, "B", "decision"),
        (3, "C", "assessment"),
    ]
    assert {ch.field for ch in history[1].changes} == {"decision", "decided_on"}
    assert {ch.field: (ch.before, ch.after) for ch in history[2].changes}["reference"] == (
        "PX-1",
        "PX-1 rev. 2",
    )
    fixed = register.correct(again.number, officer="D", expected_version=3, donor="Partner Y")
    assert fixed.summary.donor == "Partner Y" and fixed.history[-1].kind == "correction"
    assert register.get(first.number).version == 4


def test_decisions_conditions_and_delivery_are_followed_up(register: Register) -> None:
    case = register.record(*tiny(conditions=2), officer=OFFICER)
    n = case.number
    register.decide(
        n,
        Decision.ACCEPTED_WITH_CONDITIONS,
        on=dt.date(2026, 5, 10),
        reply_reference="0231/MDAC",
        officer=OFFICER,
    )
    met = register.update_condition(
        n,
        1,
        status=ConditionStatus.MET,
        on=dt.date(2026, 6, 1),
        note="training done",
        file_sha256="cd" * 32,
        officer=OFFICER,
    )
    first = met.conditions[0]
    assert (first.status, first.on, first.note, first.file_sha256) == (
        ConditionStatus.MET,
        dt.date(2026, 6, 1),
        "training done",
        "cd" * 32,
    )
    register.update_condition(n, 2, due=dt.date(2026, 6, 30), officer=OFFICER)
    overdue = register.overdue_conditions(dt.date(2026, 7, 10))
    assert [(o.number, o.condition.no, o.days_late) for o in overdue] == [(n, 2, 10)]
    assert register.overdue_conditions(dt.date(2026, 6, 30)) == ()
    assert [c.number for c in register.undelivered()] == [n]
    assert {p.number for p in register.pledges()} == {n}  # accepted, still to come
    done = register.deliver(n, on=dt.date(2026, 9, 1), officer=OFFICER)
    assert done.summary.status is CaseStatus.DELIVERED
    assert register.undelivered() == () and register.pledges() == ()
    declined = register.record(*tiny(donor="Partner Z"), officer=OFFICER)
    register.decide(declined.number, Decision.DECLINED, on=dt.date(2026, 5, 11), officer=OFFICER)
    assert register.pledges() == ()


def test_a_stale_save_is_refused_with_both_versions_and_nothing_lost(register: Register) -> None:
    case = register.record(*tiny(), officer="A")
    opened = register.get(case.number)  # two officers open version 1
    register.decide(
        case.number, Decision.DECLINED, on=dt.date(2026, 5, 6), officer="B", expected_version=1
    )
    with pytest.raises(RegisterConflict) as caught:
        register.decide(
            opened.number,
            Decision.ACCEPTED,
            on=dt.date(2026, 5, 7),
            officer="A",
            expected_version=opened.version,
        )
    err = caught.value
    assert err.opened == 1 and err.theirs.version == 2
    assert err.theirs.summary.decision is Decision.DECLINED
    assert err.yours["decision"] == "accepted"  # the refused change, to apply again
    assert "B" in err.describe("en") and "version 1" in err.describe("en")
    after = register.get(case.number)
    assert after.version == 2 and after.summary.decision is Decision.DECLINED
    with pytest.raises(RegisterConflict):
        register.update_condition(
            case.number, 1, status=ConditionStatus.MET, officer="A", expected_version=1
        )


def test_list_filters_and_pages(register: Register) -> None:
    for i in range(7):
        register.record(*tiny(donor=f"Donor {i % 3}", reference=f"R{i}"), officer=OFFICER)
    register.record(*tiny(donor="Donor 9", date=dt.date(2025, 12, 1)), officer=OFFICER)
    page = register.list_cases(offset=2, limit=3)
    assert page.total == 8 and [c.number for c in page.items] == [
        "DC-2026-0005",
        "DC-2026-0004",
        "DC-2026-0003",
    ]
    assert register.list_cases(CaseFilter(donor="donor 1")).total == 2
    assert register.list_cases(CaseFilter(year=2025)).items[0].number == "DC-2025-0001"
    assert register.list_cases(CaseFilter(status=CaseStatus.PENDING)).total == 8
    register.decide("DC-2026-0001", Decision.WITHDRAWN, on=dt.date(2026, 6, 1), officer=OFFICER)
    assert register.list_cases(CaseFilter(status=CaseStatus.WITHDRAWN)).total == 1
    assert register.list_cases(CaseFilter(verdict="conditional")).total == 8
    assert register.list_cases(CaseFilter(verdict="decline")).total == 0


def test_portfolio_shows_offers_that_fit_alone_but_not_together(
    register: Register, runs: dict[str, AssessmentRun]
) -> None:
    for name in ("offre_bien_adaptee", "offre_partenaire_e_zetros"):
        run = runs[name]
        register.record(run.assessment, run.offer, officer=OFFICER, ruleset=run.ruleset)
    run = runs["offre_bien_adaptee"]
    portfolio = assess_portfolio(run.inventory, run.ruleset, register.open_offers())
    assert [o.fits_alone == o.units for o in portfolio.offers] == [True, True]
    assert portfolio.exceeds
    (clash,) = portfolio.clashes
    assert {clash.first, clash.second} == {"DC-2026-0001", "DC-2026-0002"}
    assert ("budget", "maintenance") in clash.binding
    # The ledger agrees: the two offers through it as one fall short, one of them squeezed.
    together = sum(o.fits_together or 0 for o in portfolio.offers)
    assert together < sum(o.units for o in portfolio.offers)
    assert any(o.squeezed for o in portfolio.offers)
    load = {ld.resource: ld for ld in portfolio.loads}[("budget", "maintenance")]
    assert load.requested is not None and load.capacity is not None
    assert load.requested > load.capacity >= load.granted


def test_concurrent_writers_never_share_a_number_nor_lose_an_update(address: str) -> None:
    with Register.open(address) as first:
        target = first.record(*tiny(), officer="setup").number
    numbers: list[str] = []
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            with Register.open(address) as mine:
                for i in range(5):
                    number = mine.record(*tiny(reference=f"W{k}-{i}"), officer=f"W{k}").number
                    opened = mine.get(target)
                    try:
                        mine.update_condition(
                            target,
                            1 + i % 2,
                            note=f"W{k}-{i}",
                            officer=f"W{k}",
                            expected_version=opened.version,
                        )
                        outcome = "saved"
                    except RegisterConflict:
                        outcome = "conflict"
                    with lock:
                        numbers.append(number)
                        outcomes[outcome] += 1
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(numbers) == len(set(numbers)) == 30
    assert sorted(int(n.rsplit("-", 1)[1]) for n in numbers) == list(range(2, 32))
    with Register.open(address) as check:
        final = check.get(target)
    # Every save that was accepted is a version of its own, in the history.
    assert final.version == 1 + outcomes["saved"]
    saved_notes = [h.note for h in final.history if h.kind == "condition"]
    assert len(saved_notes) == outcomes["saved"]


def test_migrations_from_empty_and_from_the_previous_schema(address: str) -> None:
    engine = create_engine(sqlalchemy_url(address))
    try:
        with engine.begin() as conn:
            upgrade(conn, "0001")
            assert current_revision(conn) == "0001"
            case_id = conn.execute(
                insert(s.cases)
                .returning(s.cases.c.id)
                .values(
                    number="DC-2025-0007",
                    year=2025,
                    seq=7,
                    version=1,
                    created_at=dt.datetime(2025, 11, 3, 9, 0),
                    created_by="old",
                    organisation="",
                )
            ).scalar_one()
            assessment_id = conn.execute(
                insert(s.assessments)
                .returning(s.assessments.c.id)
                .values(
                    case_id=case_id,
                    assessed_at=dt.datetime(2025, 11, 3, 9, 0),
                    inventory_name="parc.xlsx",
                    inventory_sha256="0" * 64,
                    offer_name="offre.xlsx",
                    offer_sha256="1" * 64,
                    ruleset_name="r",
                    ruleset_sha256="2" * 64,
                    verdict="accept",
                    score=90.0,
                    coverage=1.0,
                    assessment_json="{}",
                )
            ).scalar_one()
            # The previous schema's case_versions had no delivery date.
            conn.exec_driver_sql(
                "INSERT INTO case_versions (case_id, version, changed_at, changed_by, "
                "organisation, kind, note, assessment_id, donor, decision, decided_on) VALUES "
                f"({case_id}, 1, '2025-11-03 09:00:00', 'old', '', 'assessment', '', "
                f"{assessment_id}, 'Old donor', 'accepted', '2025-11-20')"
            )
            conn.execute(insert(s.counters).values(year=2025, last=7))
    finally:
        engine.dispose()
    with Register.open(address) as reg:
        old = reg.get("DC-2025-0007")
        assert old.summary.donor == "Old donor" and old.summary.delivered_on is None
        assert [c.number for c in reg.undelivered()] == ["DC-2025-0007"]
        delivered = reg.deliver("DC-2025-0007", on=dt.date(2026, 1, 15), officer=OFFICER)
        assert delivered.summary.status is CaseStatus.DELIVERED
        new = reg.record(*tiny(date=dt.date(2025, 12, 1)), officer=OFFICER)
        assert new.number == "DC-2025-0008"  # the year's counter carries on
        with reg.engine.connect() as conn:
            assert current_revision(conn) == "0002"
            diff = compare_metadata(MigrationContext.configure(conn), s.metadata)
        assert diff == []


def test_an_empty_database_is_created_at_the_current_schema(register: Register) -> None:
    with register.engine.connect() as conn:
        assert current_revision(conn) == "0002"
        assert compare_metadata(MigrationContext.configure(conn), s.metadata) == []
    assert register.list_cases().total == 0


def test_offers_by_donor_counts_what_the_list_holds(register: Register) -> None:
    from donation_checker.register import CaseFilter

    donors = ["Alpha", "Bravo", "Alpha", None, "Alpha", "Bravo"]
    for i, donor in enumerate(donors):
        a, o = tiny(
            donor=donor or "",
            reference=f"R-{i}",
            conditions=i % 2,
            date=dt.date(2025 + i % 2, 3, 1),
        )
        if donor is None:
            o = type(o)(type(o.header)(reference=f"R-{i}", date=dt.date(2026, 3, 1)), o.lines)
        register.record(a, o, officer="me")
    for year in (None, 2025, 2026):
        listed = register.list_cases(CaseFilter(year=year), 0, 100).items
        expected: dict[str | None, Counter[str]] = {}
        for c in listed:
            expected.setdefault(c.donor, Counter())[c.verdict] += 1
        counted = register.offers_by_donor(CaseFilter(year=year))
        assert {k: Counter(v) for k, v in counted.items()} == expected
        assert sum(sum(v.values()) for v in counted.values()) == len(listed)
