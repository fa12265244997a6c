"""Currencies as people write them: an offer in EUR is costed for a recipient who writes FCFA."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from donation_checker.cli import main
from donation_checker.engine import assess
from donation_checker.ruleset import load_ruleset
from tests.core.test_engine_samples import PROFILE, bad_offer, inventory
from tests.workbook_text import workbook_text

SAMPLES = Path(__file__).resolve().parents[2] / "sample_inventories"


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


def test_amounts_carry_the_iso_code_whatever_the_file_writes() -> None:
    inv = inventory(profile=replace(PROFILE, currency="F CFA"))
    result = assess(inv, bad_offer(), load_ruleset())
    assert result.currency == "XOF"
    assert result.lifecycle is not None and result.lifecycle.currency == "XOF"


@pytest.mark.parametrize(
    ("style", "shown", "absent"), [("code", "XOF", "FCFA"), ("local", "FCFA", "XOF")]
)
def test_the_command_line_writes_currencies_in_the_chosen_style(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    style: str,
    shown: str,
    absent: str,
) -> None:
    out = tmp_path / "assessment.json"
    xlsx = tmp_path / "assessment.xlsx"
    args = ["assess", "--inventory", str(SAMPLES / "inventaire_fama_2025.xlsx")]
    args += ["--offer", str(SAMPLES / "offre_mixte.xlsx"), "--lang", "fr", "--full-evidence"]
    assert main([*args, "--currency", style, "--json", str(out), "--xlsx", str(xlsx)]) == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    payload["offer"].pop("currency")  # the offer file's own field, as it is written there
    texts = json.dumps(payload, ensure_ascii=False)
    cells = workbook_text(xlsx)
    for written in (texts, cells):
        assert shown in written
        assert absent not in written.replace('"currency": "XOF"', "").replace('"unit": "XOF"', "")
