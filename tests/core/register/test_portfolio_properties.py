"""The portfolio's pairwise clashes over generated offers: a pair is reported exactly when the
capacity ledger, given those two offers alone as one, cannot carry both in full."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from donation_checker.pipeline import AssessmentRun
from donation_checker.register import CaseStatus, CaseSummary, RecordedLine
from donation_checker.register.portfolio import assess_portfolio
from tests.core.register.conftest import sample_runs

NOW = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)


def _summary(number: str) -> CaseSummary:
    return CaseSummary(
        number=number,
        version=1,
        donor=f"Donor {number}",
        reference=number,
        offer_date=dt.date(2026, 3, 1),
        verdict="accept",
        score=80.0,
        coverage=1.0,
        status=CaseStatus.PENDING,
        decision=None,
        decided_on=None,
        delivered_on=None,
        categories=(),
        units=0,
        created_at=NOW,
        created_by="t",
        organisation="",
        changed_at=NOW,
        changed_by="t",
    )


def _recorded(run: AssessmentRun, picks: list[tuple[int, int]]) -> tuple[RecordedLine, ...]:
    lines = run.offer.lines
    out = []
    for no, (which, qty) in enumerate(picks, start=1):
        line = lines[which % len(lines)]
        details = {
            k: v
            for k, v in asdict(line).items()
            if k not in ("category", "make", "model", "quantity") and v is not None
        }
        out.append(RecordedLine(no, line.category, None, line.make, line.model, qty, details))
    return tuple(out)


offer = st.lists(st.tuples(st.integers(0, 3), st.integers(1, 40)), min_size=1, max_size=2)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(offers=st.lists(offer, min_size=2, max_size=3))
def test_a_pair_clashes_exactly_when_the_ledger_cannot_carry_both(
    offers: list[list[tuple[int, int]]],
) -> None:
    runs = sample_runs()
    sources = [runs["offre_bien_adaptee"], runs["offre_partenaire_e_zetros"], runs["offre_mixte"]]
    given_offers = [
        (_summary(f"C{i}"), _recorded(sources[i % len(sources)], picks))
        for i, picks in enumerate(offers)
    ]
    run = sources[0]
    whole = assess_portfolio(run.inventory, run.ruleset, given_offers)
    reported = {(c.first, c.second) for c in whole.clashes}
    fitting = [o.number for o in whole.offers if o.fits_alone == o.units]
    by_number = dict((s.number, (s, lines)) for s, lines in given_offers)
    for a, b in combinations(fitting, 2):
        pair = assess_portfolio(run.inventory, run.ruleset, [by_number[a], by_number[b]])
        short = any(o.fits_together is not None and o.fits_together < o.units for o in pair.offers)
        assert ((a, b) in reported) == short, (a, b)
