"""Lines that agree on everything a rule reads share one outcome: the line keys the kinds
declare must leave nothing out, and sharing must not change the assessment."""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import replace
from typing import Any

import pytest

from donation_checker.assessment import Condition, Text
from donation_checker.engine import KINDS, assess
from donation_checker.engine.context import Context, exact
from donation_checker.model import Offer, OfferLine
from donation_checker.normalise import ModelNames
from donation_checker.ruleset import load_ruleset
from tests.core.test_engine_samples import GOOD_HEADER, bad_offer, good_offer, inventory, report

RULES = load_ruleset()
BASES = (good_offer().lines[0], bad_offer().lines[0])
# Values a line field may take besides the base lines' own: missing, and numbers of another type.
EXTRA: dict[str, tuple[Any, ...]] = {
    "quantity": (1, 3, 300),
    "year": (2024, 2024.0),
    "voltage": (12, 12.0, 24, None),
    "max_temperature": (40, 55.0, None),
    "mechanics_trained": (0, 2, 2.0, 40),
    "drivers_trained": (0, 3, 3.0),
    "warranty_months": (12, 12.0, 0),
    "spares_months": (0, 12, 24.0),
    "unit_value": (1_000_000, 1_000_000.0),
    "support_end_year": (2027, 2040),
    "dealer_in_country": (True, "oui", "sous-région", False),
    "tools_included": (True, 1, False),
    "location": ("Gao", "Tombouctou"),
    "spare_parts_list": (("04152-YZZA1", "X-1"), ()),
    "manuals_language": (("fr",), ("en", "fr"), ()),
    "manuals": (("operator",), ("operator", "workshop", "parts"), ()),
    "inspection": ("clean", "defects"),
    "condition": ("new", "used"),
    "fuel": ("petrol", "jet", "Gazole"),
    "drive_side": ("LHD", "RHD", "G"),
    "transmission": ("automatic", "Manuelle"),
    "complexity": ("digital", "mécanique"),
    "category": ("Camion", "Ambulance", "Inconnue"),
    "make": ("Toyota", "TOYOTA", "Ural", "Mercedes"),
    "model": ("Hilux", "Land Cruiser 78", "Nouveau"),
}


def _field_variants() -> tuple[OfferLine, ...]:
    """The base lines, then each base line with one field changed to each other value."""
    lines: list[OfferLine] = list(BASES)
    for field in dataclasses.fields(OfferLine):
        seen = [getattr(b, field.name) for b in BASES]
        values = [*seen, *EXTRA.get(field.name, ()), None]
        for base in BASES:
            for value in values:
                if exact(value) != exact(getattr(base, field.name)):
                    lines.append(replace(base, **{field.name: value}))
    return tuple(lines)


def _offer() -> Offer:
    return Offer(GOOD_HEADER, _field_variants(), report("offer", "variantes.xlsx"))


def test_lines_with_equal_keys_get_equal_outcomes() -> None:
    offer = _offer()
    ctx = Context(inventory(), offer, RULES, ModelNames(), None, None)
    checked = 0
    for rule in RULES.rules:
        spec = KINDS[rule.kind]
        if spec.scope != "line":
            continue
        assert spec.key is not None, f"line kind {spec.name} declares no line key"
        first: dict[Any, tuple[int, str]] = {}
        for info, key in zip(ctx.lines, spec.line_keys(ctx), strict=True):
            shown = repr(spec.score(rule, ctx, info))
            index, before = first.setdefault(key, (info.index, shown))
            assert shown == before, (rule.id, index, info.index)
            checked += index != info.index
    assert checked > 1000  # the variants do share keys


def test_sharing_outcomes_between_lines_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    offer = _offer()
    shared = assess(inventory(), offer, RULES)
    unkeyed = {name: replace(spec, key=None) for name, spec in KINDS.items()}
    # The package exports the assess function under the module's name: fetch the module itself.
    monkeypatch.setattr(importlib.import_module("donation_checker.engine.assess"), "KINDS", unkeyed)
    one_by_one = assess(inventory(), offer, RULES)
    assert repr(shared) == repr(one_by_one)


def test_exact_keys_keep_apart_values_that_print_differently() -> None:
    assert exact(1) != exact(1.0) != exact(True)
    assert exact(0.0) != exact(-0.0)
    assert exact((1, "a")) != exact((1.0, "a"))
    assert exact(24.0) == exact(24.0) and exact(("fr",)) == exact(("fr",))
    assert exact(None) != exact("None")


def test_a_finding_copied_for_a_line_equals_a_replaced_one() -> None:
    template = assess(inventory(), bad_offer(), RULES).findings[0]
    condition = Condition("COMP-01", 4, Text("a", "b"))
    copied = template.at_line(4, condition)
    assert copied == replace(template, line=4, condition=condition)
    assert repr(copied) == repr(replace(template, line=4, condition=condition))
    assert template.line == 0 and copied.line == 4  # the template is left as it was
