"""Currencies as people write them: an offer in EUR is costed for a recipient who writes FCFA."""

from __future__ import annotations

from dataclasses import replace

from donation_checker.engine import assess
from donation_checker.ruleset import load_ruleset
from tests.core.test_engine_samples import PROFILE, bad_offer, inventory


def _lifecycle_total(currency: str) -> float | None:
    inv = inventory(profile=replace(PROFILE, currency=currency))
    result = assess(inv, bad_offer(), load_ruleset())
    assert result.lifecycle is not None
    first = result.lifecycle.totals[0]
    return first.parts + first.maintenance


def test_fcfa_is_the_west_african_cfa_franc_for_conversions() -> None:
    xof = _lifecycle_total("XOF")
    assert xof is not None and xof > 0
    for written in ("FCFA", "F CFA", "f.cfa"):
        assert _lifecycle_total(written) == xof, written
