"""assessment_to_dict(): strict JSON with the documented keys, in English or French."""

from __future__ import annotations

import json

import pytest

from donation_checker.engine import assess
from donation_checker.ruleset import load_ruleset
from donation_checker.serialize import assessment_to_dict
from tests.core.test_engine_samples import bad_offer, inventory

RULES = load_ruleset()
TOP_KEYS = {
    "verdict",
    "score",
    "confidence",
    "families",
    "findings",
    "conditions",
    "counter_proposal",
    "lifecycle_cost",
    "sensitivity",
    "fleet_impact",
    "knockouts",
    "inputs",
    "ruleset",
}
FINDING_KEYS = {
    "rule",
    "family",
    "line",
    "score",
    "status",
    "evidence",
    "message",
    "knockout",
    "source",
}


@pytest.fixture(scope="module")
def assessment():  # type: ignore[no-untyped-def]
    return assess(inventory(), bad_offer(), RULES)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_output_is_strict_json_with_the_documented_keys(assessment, lang: str) -> None:  # type: ignore[no-untyped-def]
    data = assessment_to_dict(assessment, lang)
    text = json.dumps(data, allow_nan=False, ensure_ascii=False)
    back = json.loads(text)
    assert set(back) >= TOP_KEYS
    assert all(set(f) >= FINDING_KEYS for f in back["findings"])
    assert set(back["inputs"]) == {"inventory", "offer", "rules"}
    assert back["inputs"]["rules"]["sha256"] == RULES.sha256
    assert back["ruleset"] == {"name": RULES.name, "version": RULES.version, "sha256": RULES.sha256}
    assert back["verdict"] in {"accept", "conditional", "redirect", "decline"}
    assert 0 <= back["score"] <= 100 and 0 <= back["confidence"] <= 1
    assert back["knockouts_removable"] == ["COMP-05", "COMP-09", "OWN-01"]


def test_messages_follow_the_language(assessment) -> None:  # type: ignore[no-untyped-def]
    en = assessment_to_dict(assessment, "en")
    fr = assessment_to_dict(assessment, "fr")
    first_en = next(f for f in en["findings"] if f["rule"] == "OWN-01")
    first_fr = next(f for f in fr["findings"] if f["rule"] == "OWN-01")
    assert first_en["message"].startswith("Unsolicited")
    assert first_fr["message"].startswith("Non sollicité")
    assert fr["conditions"][0]["text"] != en["conditions"][0]["text"]


def test_evidence_keeps_rows_and_sensitivity(assessment) -> None:  # type: ignore[no-untyped-def]
    data = assessment_to_dict(assessment, "en")
    comp = next(f for f in data["findings"] if f["rule"] == "COMP-01")
    category = next(e for e in comp["evidence"] if e["key"] == "category_serviceable")
    assert category["sensitive"] is True
    assert category["rows"] == [{"table": "fleet", "sheet": "Parc", "row": 9}]
