"""An unknown part of the running cost stays unknown: never a silent zero in the cost table."""

from __future__ import annotations

from dataclasses import replace

from donation_checker.engine import assess
from donation_checker.report.rows import cost_year_rows
from donation_checker.ruleset import load_ruleset
from donation_checker.serialize import assessment_to_dict
from tests.core.test_engine_samples import PROFILE, good_offer, inventory


def test_unknown_fuel_price_leaves_fuel_and_total_unknown_but_keeps_known_parts() -> None:
    result = assess(
        inventory(profile=replace(PROFILE, fuel_price=None)), good_offer(), load_ruleset()
    )
    assert result.lifecycle is not None
    year1 = result.lifecycle.totals[0]
    assert year1.fuel is None and year1.total is None
    assert year1.maintenance is not None and year1.maintenance > 0
    as_json = assessment_to_dict(result)["lifecycle_cost"]["totals"][0]
    assert as_json["fuel"] is None and as_json["total"] is None
    row = cost_year_rows(result, "fr")[0]
    assert row.fuel == "inconnu" and row.total == "inconnu"


def test_known_fuel_price_gives_a_total() -> None:
    result = assess(inventory(), good_offer(), load_ruleset())
    assert result.lifecycle is not None
    year1 = result.lifecycle.totals[0]
    assert year1.total is not None
    assert year1.total == year1.fuel + year1.maintenance + year1.parts  # type: ignore[operator]
