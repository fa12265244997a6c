"""A small assessment built by hand, for tests and benchmarks of the register: recording it
costs no inventory import."""

from __future__ import annotations

import datetime as dt

from donation_checker.assessment import Assessment, Condition, Text, Verdict
from donation_checker.model import Offer, OfferHeader, OfferLine

ZETROS = ("Camion", "Mercedes-Benz", "Zetros 1833")


def hand_made(
    donor: str = "Partner X",
    reference: str = "PX-1",
    *,
    conditions: int = 2,
    verdict: Verdict | None = None,
    date: dt.date = dt.date(2026, 5, 4),
    line: tuple[str, str, str] = ZETROS,
    quantity: int = 5,
) -> tuple[Assessment, Offer]:
    """An assessment of a one-line offer with `conditions` conditions (the first mandatory);
    its verdict is conditional when it has conditions, else an acceptance, unless given."""
    conds = tuple(
        Condition(
            f"R-{i}",
            None,
            Text(f"Train {i} mechanics", f"Former {i} mécaniciens"),
            mandatory=i == 1,
        )
        for i in range(1, conditions + 1)
    )
    header = OfferHeader(donor=donor, reference=reference, date=date)
    assessment = Assessment(
        verdict=verdict or (Verdict.CONDITIONAL if conds else Verdict.ACCEPT),
        score=70.0,
        confidence=0.9,
        families={},
        family_weights={},
        findings=(),
        conditions=conds,
        lines=(),
        counter_proposals=(),
        lifecycle=None,
        sensitivity=None,
        fleet_impact=(),
        ruleset_name="test rules",
        ruleset_sha256="ab" * 32,
        offer_header=header,
    )
    return assessment, Offer(header, (OfferLine(*line, quantity, year=2025),))
