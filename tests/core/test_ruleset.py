"""Rule files: every shipped rule set loads and keeps its invariants; bad files name the file,
the rule and the key; a copy with another weight round-trips through TOML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from donation_checker.assessment import Text
from donation_checker.engine import KINDS
from donation_checker.errors import RuleSetError
from donation_checker.resources import rules_dir
from donation_checker.ruleset import PLACEHOLDER, is_ruleset_file, load_ruleset, parse_ruleset

SHIPPED = sorted(p for p in rules_dir().glob("*.toml") if is_ruleset_file(p))
DEFAULT = load_ruleset()
CATALOGUE = {
    "COMP-01",
    "COMP-02",
    "COMP-03",
    "COMP-04",
    "COMP-05",
    "COMP-06",
    "COMP-09",
    "SPARE-01",
    "SPARE-02",
    "SPARE-03",
    "SPARE-04",
    "MAINT-01",
    "MAINT-02",
    "MAINT-04",
    "ABS-01",
    "ABS-02",
    "ABS-04",
    "ABS-06",
    "ABS-07",
    "COND-01",
    "COND-02",
    "OWN-01",
    "OWN-03",
    "OWN-04",
    "DOC-01",
    "DOC-02",
    "DOC-03",
}


def test_vocabularies_are_not_rule_sets() -> None:
    assert not is_ruleset_file(rules_dir() / "fields.toml")
    assert not is_ruleset_file(rules_dir() / "aliases.toml")
    assert rules_dir() / "default.toml" in SHIPPED


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_rule_set_invariants(path: Path) -> None:
    rules = load_ruleset(path)
    ids = [r.id for r in rules.rules]
    assert len(ids) == len(set(ids))
    assert all(f.weight >= 0 for f in rules.families.values())
    for rule in rules.rules:
        kind = KINDS[rule.kind]
        assert rule.family in rules.families
        assert rule.weight >= 0
        for text in (rule.title, rule.explanation, rule.condition):
            assert text.en.strip() and text.fr.strip()
            assert text.en != text.fr or rule.id.startswith("x")
        for name in PLACEHOLDER.findall(rule.condition.en) + PLACEHOLDER.findall(rule.condition.fr):
            assert name in kind.placeholders, (rule.id, name)
        assert set(rule.params) <= set(kind.params)
        assert rule.source.en.strip() and rule.source.fr.strip()
    assert rules.sha256 and len(rules.sha256) == 64


def test_default_rules_implement_the_catalogue_and_its_families() -> None:
    assert {r.id for r in DEFAULT.rules} >= CATALOGUE
    assert list(DEFAULT.families) == [
        "compatibility",
        "spare_parts",
        "maintenance",
        "absorption",
        "condition",
        "ownership",
        "documentation",
    ]
    bands = DEFAULT.verdict_bands
    assert (bands.accept, bands.conditional, bands.redirect) == (75, 50, 30)
    assert DEFAULT.param("vehicles_per_mechanic") == 12


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Camion", "truck"),
        ("truck", "truck"),
        ("Camions citernes", "truck"),
        ("Ambulance", "ambulance"),
        ("Pick-up", "pickup"),
        ("pickup", "pickup"),
        ("PICK UP", "pickup"),
        ("Véhicule blindé", "armoured"),
        ("armoured vehicle", "armoured"),
        ("Groupe électrogène", "generator"),
        ("generator", "generator"),
        ("Radio", "radio"),
        ("Poste radio VHF", "radio"),
        ("Moto", "motorcycle"),
    ],
)
def test_categories_match_in_french_and_english(name: str, expected: str) -> None:
    assert DEFAULT.categories.match(name) == expected


def test_unknown_category_keeps_its_own_key() -> None:
    assert DEFAULT.categories.match("Drone") is None
    assert DEFAULT.categories.canonical("Drones") == DEFAULT.categories.canonical("drone")


def test_to_toml_round_trips() -> None:
    again = parse_ruleset(DEFAULT.to_toml().encode("utf-8"))
    assert again.rules == DEFAULT.rules
    assert again.families == DEFAULT.families
    assert again.verdict_bands == DEFAULT.verdict_bands
    assert dict(again.parameters) == dict(DEFAULT.parameters)


def test_weight_changes_make_a_new_rule_set() -> None:
    changed = DEFAULT.with_family_weights({"compatibility": 40}).with_rule_weights({"COMP-01": 5})
    assert changed.families["compatibility"].weight == 40
    assert changed.rule("COMP-01").weight == 5
    assert DEFAULT.families["compatibility"].weight == 25  # the original is untouched
    assert changed.sha256 != DEFAULT.sha256 and changed.path is None
    with pytest.raises(RuleSetError):
        DEFAULT.with_family_weights({"nonsense": 1})


def _bad(text_from: str, text_to: str, tmp_path: Path) -> RuleSetError:
    source = (rules_dir() / "default.toml").read_text("utf-8")
    assert text_from in source
    path = tmp_path / "mes_regles.toml"
    path.write_text(source.replace(text_from, text_to, 1), "utf-8")
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    return caught.value


@pytest.mark.parametrize(
    ("text_from", "text_to", "words"),
    [
        ('kind = "commonality"', 'kind = "magic"', ["COMP-01", "kind", "magic"]),
        ('id = "COMP-02"', 'id = "COMP-01"', ["COMP-01", "twice"]),
        (
            'family = "spare_parts"\nkind = "spares_package"',
            'family = "spares"\nkind = "spares_package"',
            ["SPARE-01", "family"],
        ),
        ("min_units = 10", "min_unit = 10", ["COMP-01", "params.min_unit"]),
        ("min_units = 10", 'min_units = "ten"', ["COMP-01", "params.min_units"]),
        (
            'weight = 3\nknockout = false\ntitle = { en = "Commonality',
            'weight = -3\nknockout = false\ntitle = { en = "Commonality',
            ["COMP-01", "weight"],
        ),
        ('fr = "Communauté avec le parc" }', 'de = "x" }', ["COMP-01", "title"]),
        (
            "instead of {make} {model}.",
            "instead of {make} {engine}.",
            ["COMP-01", "condition", "{engine}"],
        ),
        ("accept = 75", "accept = 25", ["verdict_bands"]),
        ("[ruleset]", "[rule_set]", ["ruleset"]),
    ],
)
def test_bad_rule_files_name_file_rule_and_key(
    text_from: str, text_to: str, words: list[str], tmp_path: Path
) -> None:
    error = _bad(text_from, text_to, tmp_path)
    message = error.describe("en")
    assert "mes_regles.toml" in message
    for word in words:
        assert word in message
    assert "mes_regles.toml" in error.describe("fr") and error.message_fr != error.message


def test_syntax_error_and_missing_file_are_rule_set_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[ruleset\nname = 'x'", "utf-8")
    with pytest.raises(RuleSetError, match="TOML"):
        load_ruleset(broken)
    with pytest.raises(RuleSetError):
        load_ruleset(tmp_path / "absent.toml")


def test_kinds_declare_a_scope_and_typed_parameters() -> None:
    # What they mean is in the message catalogue (test_message_catalogue.py checks every one).
    for kind in KINDS.values():
        assert kind.scope in {"line", "offer"}
        for spec in kind.params.values():
            assert spec.check(spec.default) is None or spec.default is None


def test_a_parameter_of_the_wrong_type_is_named_in_both_languages(tmp_path: Path) -> None:
    text = DEFAULT.to_toml().replace("min_units = 10", 'min_units = "ten"', 1)
    assert 'min_units = "ten"' in text
    bad = tmp_path / "bad.toml"
    bad.write_text(text, "utf-8")
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(bad)
    assert "params.min_units" in caught.value.describe("en")
    assert "expected a value of type number (0 or more)" in caught.value.describe("en")
    assert "valeur de type nombre (0 ou plus) attendue" in caught.value.describe("fr")


def test_a_source_may_be_one_text_or_one_per_language(tmp_path: Path) -> None:
    both = DEFAULT.rule("COMP-01").source
    assert both.en.startswith("S19") and both.fr.startswith("S19") and both.en != both.fr
    text = DEFAULT.to_toml()
    start = text.index("source = {", text.index('id = "COMP-01"'))
    end = text.index("\n", start)
    one = tmp_path / "one.toml"
    one.write_text(text[:start] + 'source = "S19 only"' + text[end:], "utf-8")
    assert load_ruleset(one).rule("COMP-01").source == Text("S19 only", "S19 only")
    half = tmp_path / "half.toml"
    half.write_text(text[:start] + 'source = { en = "S19" }' + text[end:], "utf-8")
    with pytest.raises(RuleSetError, match="source"):
        load_ruleset(half)


def test_every_shipped_source_is_translated_and_keeps_its_codes() -> None:
    codes = re.compile(r"\bS\d+\b|\[O\b|\[S\]")  # source numbers and the [O]/[S] marks
    for path in SHIPPED:
        rules = load_ruleset(path)
        sources = [r.source for r in rules.rules] + [rules.verdict_bands.source]
        sources += [c.source for c in rules.categories.categories.values()]
        for source in sources:
            assert source.en.strip() and source.fr.strip(), (path.name, source)
            assert "'" not in source.fr, source.fr
            assert codes.findall(source.en) == codes.findall(source.fr), source


def test_plural_placeholders_agree_with_their_number_in_both_languages() -> None:
    from donation_checker.messages import count
    from donation_checker.render import Renderer

    fr, en = Renderer("fr"), Renderer("en")
    template_fr = "pour {n|mécanicien|mécaniciens} et {k|annonce|annonces}"
    assert fr.fill(template_fr, {"n": count(1), "k": count(0)}) == "pour 1 mécanicien et 0 annonce"
    assert (
        fr.fill(template_fr, {"n": count(3), "k": count(2)}) == "pour 3 mécaniciens et 2 annonces"
    )
    assert en.fill("{n|year|years} left", {"n": count(0)}) == "0 years left"
    assert en.fill("{n|year|years} left", {"n": count(1)}) == "1 year left"
    assert PLACEHOLDER.findall("{n|one|many} and {m}") == ["n", "m"]
