"""The terminal summary: verdict, score, grouped conditions, in both languages."""

from __future__ import annotations

import dataclasses

import pytest

from donation_checker.assessment import Assessment, Condition, CounterProposal, Text, Verdict
from donation_checker.formatting import NBSP
from donation_checker.model import OfferHeader
from donation_checker.summary import format_assessment


def _assessment() -> Assessment:
    spares = Text("Ask for 24 months of spares.", "Demander 24 mois de pièces.")
    return Assessment(
        verdict=Verdict.CONDITIONAL,
        score=62.4,
        confidence=0.9,
        families={"spare_parts": 40.0, "documentation": None},
        family_weights={},
        findings=(),
        lines=(),
        counter_proposals=(),
        lifecycle=None,
        sensitivity=None,
        fleet_impact=(),
        conditions=(Condition("SPARE-01", 0, spares), Condition("SPARE-01", 2, spares)),
        offer_header=OfferHeader(donor="ACME", reference="R-1"),
    )


def test_summary_groups_a_condition_asked_for_several_lines() -> None:
    text = format_assessment(_assessment(), "en")
    assert "Verdict: ACCEPT WITH CONDITIONS" in text
    assert "62/100" in text and "90%" in text
    assert text.count("Ask for 24 months of spares.") == 1
    assert "SPARE-01 [lines 1, 3]: Ask for 24 months of spares." in text


def test_summary_in_french_uses_french_typography_and_says_unknown() -> None:
    text = format_assessment(_assessment(), "fr")
    assert f"Avis{NBSP}: ACCEPTATION SOUS CONDITIONS" in text
    assert f"SPARE-01 [lignes 1, 3]{NBSP}: Demander 24 mois de pièces." in text
    assert "inconnu" in text  # documentation had no data: unknown, not zero


@pytest.mark.parametrize(
    ("lang", "absorbable", "shown"),
    [
        ("en", 1, "1 / 40 absorbable"),
        ("en", 12, "12 / 40 absorbable"),
        ("fr", 1, "1 absorbable sur 40"),
        ("fr", 12, "12 absorbables sur 40"),
    ],
)
def test_the_units_a_counter_proposal_keeps_agree_with_their_number(
    lang: str, absorbable: int, shown: str
) -> None:
    proposal = CounterProposal(1, 40, absorbable, None, None, None)
    a = dataclasses.replace(_assessment(), counter_proposals=(proposal,))
    assert shown in format_assessment(a, lang)
