"""Every rule kind of the default rule set, with scores computed by hand from the sample data in
test_engine_samples.py, including the case where the data is missing (unknown, no score)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from donation_checker.assessment import Finding, Status
from donation_checker.engine import KINDS, assess
from donation_checker.model import Offer
from donation_checker.ruleset import RuleSet, load_ruleset
from tests.core.test_engine_samples import (
    GOOD_HEADER,
    GOOD_LINE,
    PROFILE,
    inventory,
    report,
)

RULES = load_ruleset()
NISSAN = {"make": "Nissan", "model": "Patrol"}
FORD = {"category": "Ambulance", "make": "Ford", "model": "Transit"}


def finding(
    rule_id: str,
    line: dict[str, Any] | None = None,
    header: dict[str, Any] | None = None,
    profile: dict[str, Any] | None = None,
    drop: tuple[str, ...] = (),
    rules: RuleSet = RULES,
) -> Finding:
    inv = inventory(replace(PROFILE, **(profile or {})))
    if drop:
        inv = replace(inv, **{name: None for name in drop})
    offer = Offer(
        replace(GOOD_HEADER, **(header or {})),
        (replace(GOOD_LINE, **(line or {})),),
        report("offer"),
    )
    result = assess(inv, offer, rules)
    return next(f for f in result.findings if f.rule_id == rule_id)


CASES: list[
    tuple[str, str, dict[str, Any], dict[str, Any], dict[str, Any], tuple[str, ...], float | None]
] = [
    # rule, case, line changes, header changes, profile changes, tables dropped, expected score
    ("COMP-01", "same model, 100 serviceable", {}, {}, {}, (), 100),
    ("COMP-01", "same make, new model", {"model": "Land Cruiser 76"}, {}, {}, (), 70),
    ("COMP-01", "other make, same fuel/side/voltage", NISSAN, {}, {}, (), 40),
    ("COMP-01", "other make, petrol", {**NISSAN, "fuel": "petrol"}, {}, {}, (), 0),
    (
        "COMP-01",
        "other make, nothing stated",
        {**NISSAN, "fuel": None, "drive_side": None, "voltage": None},
        {},
        {},
        (),
        None,
    ),
    ("COMP-02", "model in the fleet", {}, {}, {}, (), 100),
    ("COMP-02", "one more model (2 before)", NISSAN, {}, {}, (), 50),
    ("COMP-03", "new type, lot of 5", {**NISSAN, "quantity": 5}, {}, {}, (), 0),
    ("COMP-03", "new type, lot of 10", {**NISSAN, "quantity": 10}, {}, {}, (), 50),
    (
        "COMP-03",
        "new type, lot of 30, all sustained (3 mechanics trained)",
        {**NISSAN, "quantity": 30, "mechanics_trained": 3},
        {},
        {},
        (),
        80,
    ),
    # 2 trained mechanics carry 24 of the 30 units: the lot that will run is one of 24.
    ("COMP-03", "new type, lot of 30, 24 sustained", {**NISSAN, "quantity": 30}, {}, {}, (), 50),
    ("COMP-04", "diesel supplied", {}, {}, {}, (), 100),
    ("COMP-04", "jet fuel not supplied", {"fuel": "jet"}, {}, {}, (), 0),
    (
        "COMP-04",
        "profile silent: the fleet's fuels (diesel)",
        {"fuel": "petrol"},
        {},
        {"national_fuels": None},
        (),
        0,
    ),
    ("COMP-04", "fuel not stated", {"fuel": None}, {}, {}, (), None),
    ("COMP-05", "LHD in right-hand traffic", {}, {}, {}, (), 100),
    ("COMP-05", "RHD in right-hand traffic", {"drive_side": "RHD"}, {}, {}, (), 0),
    # The drive side fits: the transmission is judged apart (COMP-07), its remedy is training.
    (
        "COMP-05",
        "automatic where the fleet is manual: drive side fits",
        {"transmission": "automatic"},
        {},
        {},
        (),
        100,
    ),
    (
        "COMP-07",
        "automatic where the fleet is manual",
        {"transmission": "automatic"},
        {},
        {},
        (),
        70,
    ),
    ("COMP-07", "manual like the fleet", {}, {}, {}, (), 100),
    ("COMP-07", "transmission not stated", {"transmission": None}, {}, {}, (), None),
    ("COMP-05", "drive side not stated", {"drive_side": None}, {}, {}, (), None),
    ("COMP-06", "12 V like the pick-ups", {}, {}, {}, (), 100),
    ("COMP-06", "24 V among 12 V pick-ups: −50", {"voltage": 24}, {}, {}, (), 50),
    ("COMP-06", "voltage not stated", {"voltage": None}, {}, {}, (), None),
    ("COMP-09", "55 °C against 47 °C", {}, {}, {}, (), 100),
    ("COMP-09", "50 °C: less than 5 °C margin", {"max_temperature": 50}, {}, {}, (), 80),
    ("COMP-09", "40 °C against 47 °C", {"max_temperature": 40}, {}, {}, (), 0),
    ("COMP-09", "theatre temperature not known", {}, {}, {"max_temperature": None}, (), None),
    ("SPARE-01", "24 months", {}, {}, {}, (), 100),
    ("SPARE-01", "12 months", {"spares_months": 12}, {}, {}, (), 50),
    ("SPARE-01", "6 months", {"spares_months": 6}, {}, {}, (), 10),
    ("SPARE-01", "none", {"spares_months": 0}, {}, {}, (), 0),
    ("SPARE-01", "not stated", {"spares_months": None}, {}, {}, (), None),
    ("SPARE-02", "dealer in the country", {}, {}, {}, (), 100),
    (
        "SPARE-02",
        "no dealer; Toyota parts bought in Mali",
        {"dealer_in_country": "non"},
        {},
        {},
        (),
        100,
    ),
    (
        "SPARE-02",
        "regional representative",
        {"dealer_in_country": "représentant régional à Abidjan"},
        {},
        {},
        (),
        60,
    ),
    (
        "SPARE-02",
        "Mercedes parts from Germany, 45 days: 20 − 20",
        {
            "category": "Camion",
            "make": "Mercedes-Benz",
            "model": "Zetros",
            "dealer_in_country": "non",
        },
        {},
        {},
        (),
        0,
    ),
    (
        "SPARE-02",
        "unknown make, nothing stated",
        {**FORD, "dealer_in_country": None},
        {},
        {},
        (),
        None,
    ),
    ("SPARE-03", "both part numbers stocked", {}, {}, {}, (), 100),
    (
        "SPARE-03",
        "1 of 4 stocked (25 %)",
        {"spare_parts_list": ("04152-YZZA1", "X1", "X2", "X3")},
        {},
        {},
        (),
        50,
    ),
    ("SPARE-03", "none stocked", {"spare_parts_list": ("X1", "X2")}, {}, {}, (), 0),
    ("SPARE-03", "no part list", {"spare_parts_list": None}, {}, {}, (), None),
    ("SPARE-04", "support to 2035 (10 years)", {}, {}, {}, (), 100),
    ("SPARE-04", "support to 2028 (3 years)", {"support_end_year": 2028}, {}, {}, (), 50),
    ("SPARE-04", "support to 2026 (1 year)", {"support_end_year": 2026}, {}, {}, (), 0),
    ("SPARE-04", "support end not stated", {"support_end_year": None}, {}, {}, (), None),
    ("SPARE-06", "parts register kept", {}, {}, {}, (), 100),
    ("SPARE-06", "no parts register", {}, {}, {"parts_register": False}, (), 0),
    ("SPARE-06", "not known", {}, {}, {"parts_register": None}, (), None),
    # Toyota: 1.08 mechanics free after today's fleet + 2 trained = 3.08 × 12 = 37 ≥ 20 offered.
    ("MAINT-01", "Toyota: 37 units covered of 20", {}, {}, {}, (), 100),
    # Ford: no workshop qualified; the 1 mechanic the donor trains covers 12 of the 20 units.
    ("MAINT-01", "Ford: 12 of 20", {**FORD, "mechanics_trained": 1}, {}, {}, (), 60),
    ("MAINT-01", "no maintenance table", {}, {}, {}, ("maintenance",), None),
    ("MAINT-02", "tools included, workshop at Kati", {}, {}, {}, (), 100),
    ("MAINT-02", "tools missing for Ford", {**FORD, "tools_included": False}, {}, {}, (), 30),
    (
        "MAINT-02",
        "tools, but no workshop at Tombouctou",
        {"location": "Tombouctou"},
        {},
        {},
        (),
        50,
    ),
    (
        "MAINT-02",
        "no maintenance table, tools not stated",
        {"tools_included": None},
        {},
        {},
        ("maintenance",),
        None,
    ),
    ("MAINT-04", "mechanical; fleet maintains electronic", {}, {}, {}, (), 100),
    ("MAINT-04", "digital: one class higher", {"complexity": "digital"}, {}, {}, (), 50),
    ("MAINT-04", "class not stated", {"complexity": None}, {}, {}, (), None),
    # 11,000 free hours; pick-ups need 60 h a year each.
    ("MAINT-05", "20 × 60 h = 11 % of the free hours", {}, {}, {}, (), 100),
    ("MAINT-05", "100 × 60 h = 55 %", {"quantity": 100}, {}, {}, (), 50),
    ("MAINT-05", "200 × 60 h = 109 %", {"quantity": 200}, {}, {}, (), 0),
    ("MAINT-05", "no maintenance table", {}, {}, {}, ("maintenance",), None),
    # Per pick-up: fuel 25,000 km × 12 L/100 km × 775 = 2,325,000; value 45,000 EUR × 655.957 =
    # 29,518,065 XOF × (4 % + 3 %) = 2,066,264.55 → 4,391,264.55 XOF a year; headroom 500 M.
    ("ABS-01", "20 pick-ups: 87.8 M = 18 % of 500 M", {}, {}, {}, (), 100),
    ("ABS-01", "80 pick-ups: 351.3 M = 70 %", {"quantity": 80}, {}, {}, (), 50),
    ("ABS-01", "150 pick-ups: 658.7 M = 132 %", {"quantity": 150}, {}, {}, (), 0),
    ("ABS-01", "no budget table", {}, {}, {}, ("budget",), None),
    ("ABS-02", "190 drivers for 20", {}, {}, {}, (), 100),
    ("ABS-02", "190 drivers for 380", {"quantity": 380}, {}, {}, (), 50),
    ("ABS-02", "no personnel table", {}, {}, {}, ("personnel",), None),
    ("ABS-04", "one new pick-up type", NISSAN, {}, {}, (), 100),
    ("ABS-04", "new ambulance + Dongfeng pledged in the window", FORD, {}, {}, (), 50),
    ("ABS-04", "no pledges table", NISSAN, {}, {}, ("pledges",), None),
    # Pick-ups: 200 authorised, 160 held → gap 40.
    ("ABS-06", "20 within a gap of 40", {}, {}, {}, (), 100),
    ("ABS-06", "80 against a gap of 40", {"quantity": 80}, {}, {}, (), 50),
    (
        "ABS-06",
        "generators: no authorised strength",
        {"category": "Groupe électrogène", "make": "SDMO", "model": "J22"},
        {},
        {},
        (),
        None,
    ),
    ("ABS-07", "asset register kept", {}, {}, {}, (), 100),
    ("ABS-07", "no asset register", {}, {}, {"asset_register": False}, (), 0),
    ("ABS-07", "not known", {}, {}, {"asset_register": None}, (), None),
    ("COND-01", "new", {}, {}, {}, (), 100),
    (
        "COND-01",
        "2022, 30,000 km: 1 − max(3/5, 0.2) = 40 %",
        {"year": 2022, "odometer_km": 30000},
        {},
        {},
        (),
        50,
    ),
    ("COND-01", "2023: 1 − 2/5 = 60 %", {"year": 2023}, {}, {}, (), 100),
    ("COND-01", "2019: past its 5-year life", {"year": 2019}, {}, {}, (), 0),
    (
        "COND-01",
        "used, age and mileage unknown",
        {"year": None, "odometer_km": None, "condition": "used"},
        {},
        {},
        (),
        None,
    ),
    ("COND-02", "clean", {}, {}, {}, (), 100),
    ("COND-02", "defects labelled", {"inspection": "labelled"}, {}, {}, (), 100),
    ("COND-02", "defects not labelled", {"inspection": "défauts"}, {}, {}, (), 30),
    ("COND-02", "no report", {"inspection": "aucun"}, {}, {}, (), 0),
    ("COND-02", "not stated", {"inspection": None}, {}, {}, (), None),
    ("OWN-01", "requested", {}, {}, {}, (), 100),
    ("OWN-01", "unsolicited", {}, {"requested": False, "request_reference": None}, {}, (), 0),
    ("OWN-01", "not stated", {}, {"requested": None, "request_reference": None}, {}, (), None),
    ("OWN-03", "no pledges for pick-ups", {}, {}, {}, (), 100),
    ("OWN-03", "one pledge for ambulances", FORD, {}, {}, (), 50),
    ("OWN-03", "no pledges table", {}, {}, {}, ("pledges",), None),
    ("OWN-04", "donor pays both", {}, {}, {}, (), 100),
    (
        "OWN-04",
        "customs borne by the recipient: (100 + 70) / 2",
        {},
        {"customs_paid_by": "bénéficiaire"},
        {},
        (),
        85,
    ),
    (
        "OWN-04",
        "nothing stated",
        {},
        {"transport_paid_by": None, "customs_paid_by": None},
        {},
        (),
        0,
    ),
    ("DOC-01", "three manuals in French", {}, {}, {}, (), 100),
    (
        "DOC-01",
        "operator manual only, in French",
        {"manuals": ("manuel utilisateur",)},
        {},
        {},
        (),
        33.3,
    ),
    ("DOC-01", "English only", {"manuals_language": ("en",)}, {}, {}, (), 50),
    ("DOC-01", "no manuals", {"manuals": (), "manuals_language": ()}, {}, {}, (), 0),
    ("DOC-01", "not stated", {"manuals": None, "manuals_language": None}, {}, {}, (), None),
    ("DOC-02", "known model, enough mechanics", {}, {}, {}, (), 100),
    # Ford: 2 mechanics and 20 drivers to train; 1 and 10 trained → 0.6 × ½ + 0.4 × ½.
    (
        "DOC-02",
        "Ford: half the training",
        {**FORD, "mechanics_trained": 1, "drivers_trained": 10},
        {},
        {},
        (),
        50,
    ),
    ("DOC-02", "Ford: training not stated", {**FORD, "mechanics_trained": None}, {}, {}, (), None),
    ("DOC-03", "24 months", {}, {}, {}, (), 100),
    ("DOC-03", "6 months", {"warranty_months": 6}, {}, {}, (), 50),
    ("DOC-03", "none", {"warranty_months": 0}, {}, {}, (), 0),
    ("DOC-03", "not stated", {"warranty_months": None}, {}, {}, (), None),
]


@pytest.mark.parametrize(
    ("rule_id", "case", "line", "header", "profile", "drop", "expected"),
    CASES,
    ids=[f"{c[0]}: {c[1]}" for c in CASES],
)
def test_rule_scores_as_computed_by_hand(
    rule_id: str,
    case: str,
    line: dict[str, Any],
    header: dict[str, Any],
    profile: dict[str, Any],
    drop: tuple[str, ...],
    expected: float | None,
) -> None:
    found = finding(rule_id, line, header, profile, drop)
    if expected is None:
        assert found.status is Status.UNKNOWN
        assert found.score is None
    else:
        assert found.score == pytest.approx(expected, abs=0.05)
        assert found.status is not Status.UNKNOWN
    assert found.message.en and found.message.fr


def test_every_kind_of_the_default_rules_is_covered_by_a_case() -> None:
    tested = {c[0] for c in CASES}
    used = {r.kind for r in RULES.rules if r.id in tested}
    assert used == {r.kind for r in RULES.rules}
    assert used <= set(KINDS)


def test_rules_that_do_not_apply_carry_no_weight() -> None:
    generator = {
        "category": "Groupe électrogène",
        "make": "SDMO",
        "model": "J22",
        "drive_side": None,
    }
    found = finding("COMP-05", generator)
    assert found.weight == 0 and found.status is Status.PASS


@pytest.mark.parametrize(
    ("rule_id", "line", "header", "knockout"),
    [
        ("COMP-04", {"fuel": "jet"}, {}, True),
        ("COMP-05", {"drive_side": "RHD"}, {}, True),
        ("COMP-09", {"max_temperature": 40}, {}, True),
        ("OWN-01", {}, {"requested": False, "request_reference": None}, True),
        # generators are not major items: unsolicited, but not a knock-out
        (
            "OWN-01",
            {"category": "Groupe électrogène", "make": "SDMO", "model": "J22"},
            {"requested": False, "request_reference": None},
            False,
        ),
        ("ABS-01", {"quantity": 150}, {}, True),
    ],
)
def test_knockouts_fire_only_on_their_criterion(
    rule_id: str, line: dict[str, Any], header: dict[str, Any], knockout: bool
) -> None:
    assert finding(rule_id, line, header).knockout is knockout


def test_evidence_names_the_inventory_rows_and_marks_holdings_sensitive() -> None:
    found = finding("COMP-01")
    model = next(e for e in found.evidence if e.key == "model_serviceable")
    assert model.sensitive
    assert [(r.table, r.sheet, r.row) for r in model.rows] == [("fleet", "Parc", 5)]


def test_unknown_inventory_table_means_unknown_not_zero() -> None:
    inv = inventory(full=False)
    offer = Offer(GOOD_HEADER, (GOOD_LINE,), report("offer"))
    result = assess(inv, offer, RULES)
    by_rule = {f.rule_id: f for f in result.findings}
    for rule_id in ("MAINT-01", "MAINT-05", "ABS-01", "ABS-02", "OWN-03"):
        assert by_rule[rule_id].status is Status.UNKNOWN, rule_id
        assert by_rule[rule_id].score is None
    assert 0 < result.confidence < 1


def test_cost_clause_written_as_not_stated_counts_as_not_stated() -> None:
    from dataclasses import replace as _replace

    from donation_checker.engine import assess
    from donation_checker.ruleset import load_ruleset
    from tests.core.test_engine_samples import good_offer, inventory

    offer = good_offer()
    header = _replace(
        offer.header, transport_paid_by="Nations unies", customs_paid_by="non précisé"
    )
    result = assess(inventory(), _replace(offer, header=header), load_ruleset())
    own04 = next(f for f in result.findings if f.rule_id == "OWN-04")
    assert "douane" in own04.message.fr and "transport" not in own04.message.fr
    assert own04.condition is not None
    assert "douane non précisée" in own04.condition.text.fr
