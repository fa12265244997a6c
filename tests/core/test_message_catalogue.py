"""The message catalogue is complete and every sentence reads in its own language.

Every entry is rendered in English and French with typed sample values (and, for the rule
kinds, with the values a real assessment of each sample gives them), and the text must have no
placeholder left, no raw key=value, no English word of the domain in French (or French word in
English), no straight apostrophe in French and no "?" standing for a missing value. Every key
the code names exists in the catalogue.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from donation_checker.assessment import Assessment, Text
from donation_checker.catalogue import load_catalogue
from donation_checker.messages import Message, Unit, Value, msg
from donation_checker.render import Renderer, placeholders

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_inventories"
CATALOGUE = load_catalogue()

# Words of the domain that give a language away (whole words, case ignored).
ENGLISH = (
    "the", "and", "of", "with", "not", "stated", "unknown", "manual", "automatic", "petrol",
    "fuel", "truck", "trucks", "car", "armoured", "vehicle", "vehicles", "workshop", "hours",
    "mechanic", "mechanics", "driver", "drivers", "spares", "parts", "warranty", "clean",
    "mechanical", "digital", "right", "left", "LHD", "RHD", "jet", "units", "budget line",
    "withheld", "none", "yes", "no", "more", "needed", "year", "years",
)  # fmt: skip
FRENCH = (
    "le", "la", "les", "des", "du", "et", "pour", "avec", "non", "précisé", "inconnu",
    "gazole", "essence", "camion", "véhicule", "véhicules", "atelier", "heures", "mécanicien",
    "mécaniciens", "conducteur", "conducteurs", "pièces", "garantie", "conduite", "boîte",
    "unités", "oui", "aucun", "année", "ans",
)  # fmt: skip
# Words both languages write alike in this catalogue.
SHARED = {"transport", "maintenance", "diesel", "km", "V", "°C", "GPL", "LPG"}


def _words(text: str) -> set[str]:
    # "non-functional" is one English word, "c’est" two French ones.
    return {w.casefold() for w in re.findall(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*", text)}


def _problems(text: str, lang: str) -> list[str]:
    found = []
    if "{" in text or "}" in text:
        found.append("unfilled placeholder")
    if re.search(r"\b[a-z]+(?:_[a-z]+)*=\S", text):
        found.append("raw key=value")
    if re.search(r"(^|\s)\?(\s|$|[.,;:)])", text) or "None" in text:
        found.append("a missing value shown as ? or None")
    words = _words(text)
    if lang == "fr":
        if "'" in text:
            found.append("straight apostrophe")
        english = {w.casefold() for w in ENGLISH} - {w.casefold() for w in SHARED}
        # A value a rule file must spell as it is (« parts ») is quoted, not translated.
        unquoted = _words(re.sub(r"«[^«»]*»", "", text))
        found += [f"English word '{w}'" for w in sorted(unquoted & english)]
    else:
        french = {w.casefold() for w in FRENCH} - {w.casefold() for w in SHARED}
        found += [f"French word '{w}'" for w in sorted(words & french)]
    return found


# ---------------------------------------------------------------- typed sample values


def _sample(name: str, one: bool) -> Value:
    """A typed value a placeholder of this name plausibly holds (a count for counted words)."""
    title = Text("Truck", "Camion")
    by_name: dict[str, Value] = {
        "make": Value(Unit.MAKE, "Toyota"),
        "model": Value(Unit.MODEL, "Land Cruiser 79"),
        "category": Value(Unit.CATEGORY, "Truck", title=title),
        "title": Value(Unit.TEXT, "Crews", title=Text("Crews", "Équipages")),
        "family": Value(Unit.TEXT, "Maintenance", title=Text("Maintenance", "Maintenance")),
        "verdict": Value(Unit.TEXT, "decline", title=Text("decline", "refus")),
        "fuel": Value(Unit.CANONICAL, "petrol", vocabulary="fuel"),
        "supply": Value(
            Unit.LIST,
            (
                Value(Unit.CANONICAL, "diesel", vocabulary="fuel"),
                Value(Unit.CANONICAL, "jet", vocabulary="fuel"),
            ),
        ),
        "drive": Value(Unit.CANONICAL, "RHD", vocabulary="drive_side"),
        "side": Value(Unit.CANONICAL, "right", vocabulary="traffic_side"),
        "transmission": Value(Unit.CANONICAL, "automatic", vocabulary="transmission"),
        "fleet": Value(Unit.CANONICAL, "manual", vocabulary="transmission"),
        "language": Value(Unit.CANONICAL, "fr", vocabulary="language"),
        "languages": Value(Unit.LIST, (Value(Unit.CANONICAL, "en", vocabulary="language"),)),
        "resource": Value(Unit.CANONICAL, "mechanics", vocabulary="resource"),
        "features": Value(Unit.LIST, (Value(Unit.CANONICAL, "fuel", vocabulary="feature"),)),
        "costs": Value(Unit.LIST, (Value(Unit.CANONICAL, "customs", vocabulary="cost"),)),
        "location": Value(Unit.PLACE, "Gao", "locations"),
        "state": Value(Unit.TEXT, "partiel"),
        "payer": Value(Unit.TEXT, "MINDEF"),
        "need": Value(Unit.HOURS, 2000),
        "have": Value(Unit.HOURS, 7600, "workshop_capacity"),
        "cost": Value(Unit.MONEY, 161_120_000, currency="FCFA"),
        "shortfall": Value(Unit.MONEY, 12_000_000, "budget", currency="FCFA"),
        "share": Value(Unit.PERCENT, 0.26),
        "limit": Value(Unit.PERCENT, 0.5),
        "coverage": Value(Unit.PERCENT, 0.82),
        "change": Value(Unit.PERCENT, 0.125, decimals=1),
        "remaining": Value(Unit.PERCENT, 0.38),
        "end": Value(Unit.YEAR, 2031),
        "months": Value(Unit.NUMBER, 6, measure="months"),
        "target": Value(Unit.NUMBER, 24, measure="months"),
        "lead": Value(Unit.NUMBER, 90, measure="days"),
        "voltage": Value(Unit.NUMBER, 24, measure="V"),
        "rated": Value(Unit.NUMBER, 45, measure="°C"),
        "theatre": Value(Unit.NUMBER, 48, measure="°C"),
    }
    if name in by_name:
        return by_name[name]
    return Value(Unit.COUNT, 1 if one else 3, "holdings" if name.endswith("units") else "")


def _sample_message(key: str) -> Message:
    entry = CATALOGUE.get(key)
    assert entry is not None
    texts = [*entry.text.values(), *entry.share.values()]
    names = set().union(*(placeholders(t) for t in texts))
    return msg(key, **{n: _sample(n, False) for n in names})


KEYS = CATALOGUE.keys()


@pytest.mark.parametrize("share", [False, True])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_message_renders_cleanly_in_both_languages(lang: str, share: bool) -> None:
    r = Renderer(lang, share=share)
    bad = {}
    for key in KEYS:
        text = r.message(_sample_message(key))
        assert text.strip(), key
        problems = _problems(text, lang)
        if problems:
            bad[key] = (text, problems)
    assert not bad, bad


@settings(max_examples=60, deadline=None)
@given(
    key=st.sampled_from([k for k in KEYS if "|" in " ".join(CATALOGUE.get(k).text.values())]),  # type: ignore[union-attr]
    n=st.integers(0, 2_000_000),
    lang=st.sampled_from(["en", "fr"]),
)
def test_counted_words_agree_with_any_number(key: str, n: int, lang: str) -> None:
    entry = CATALOGUE.get(key)
    assert entry is not None
    names = set().union(*(placeholders(t) for t in entry.text.values()))
    text = Renderer(lang).message(msg(key, **{x: Value(Unit.COUNT, n) for x in names}))
    singular = n < 2 if lang == "fr" else n == 1
    for one, many in re.findall(r"\{\w+\|([^{}|]*)\|([^{}|]*)\}", entry.text[lang]):
        word = one if singular else many
        assert word in text, (text, word)
    assert "{" not in text


NBSP, NNBSP = "\u00a0", "\u202f"


def french_punctuation_problems(text: str) -> list[str]:
    """What a French proof-reader would mark in the punctuation of one text."""
    found = []
    if "'" in text:
        found.append("straight apostrophe")
    for m in re.finditer(r"(.)([;!?])", text):
        if m[1] not in (NBSP, NNBSP):
            found.append(f"no no-break space before {m[2]!r}")
    for m in re.finditer(r"(.):(\s|$)", text):
        if m[1] != NBSP:
            found.append("no no-break space before ':'")
    if re.search(f"«(?!{NBSP})|(?<!{NBSP})»", text):
        found.append("guillemets without no-break spaces inside")
    if re.search(r"[\"“”]", text):
        found.append("English quotation marks")
    return found


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        (f"Annexe{NBSP}: méthode", True),
        ("Annexe : méthode", False),
        (f"par tranches{NBSP}; le nombre", True),
        ("par tranches ; le nombre", False),
        (f"notée «{NBSP}inconnu{NBSP}»", True),
        ("notée « inconnu »", False),
        ("l'offre", False),
        (f"Enregistrer{NNBSP}?", True),
    ],
)
def test_the_punctuation_check_itself(text: str, ok: bool) -> None:
    assert (french_punctuation_problems(text) == []) is ok


def test_every_french_text_of_the_catalogue_follows_french_typography() -> None:
    texts = {k: e.text["fr"] for k, e in CATALOGUE.entries.items()}
    texts |= {
        f"{k} (share)": e.share["fr"] for k, e in CATALOGUE.entries.items() if "fr" in e.share
    }
    assert sum(k.startswith("labels.") for k in texts) > 150
    bad = {k: p for k, t in texts.items() if (p := french_punctuation_problems(t))}
    assert not bad, bad


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    keys, prefixes = _keys_in_code()
    assert keys, "the code should name catalogue keys"
    missing = sorted(k for k in keys if CATALOGUE.get(k) is None)
    assert not missing
    for prefix in prefixes:  # keys built from a name: "impact.{name}.title"
        assert any(k.startswith(prefix) for k in KEYS), prefix


def _keys_in_code() -> tuple[set[str], set[str]]:
    keys: set[str] = set()
    prefixes: set[str] = set()
    for path in (ROOT / "donation_checker").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            is_label = name == "label" and isinstance(node.func, ast.Name)
            if name not in ("msg", "word") and not is_label:
                continue
            group = "labels." if is_label else ""  # label("sec_annex") is "labels.sec_annex"
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys.add(group + first.value)
            elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                prefixes.add(group + str(first.values[0].value))
    return keys, prefixes


def test_every_vocabulary_value_the_importer_produces_has_words_in_both_languages() -> None:
    from donation_checker.normalise import (
        canonical_complexity,
        canonical_drive_side,
        canonical_fuel,
        canonical_inspection,
        canonical_transmission,
    )

    samples = {
        "fuel": (canonical_fuel, ["gazole", "essence", "jet A1", "électrique", "GPL", "hybride"]),
        "drive_side": (canonical_drive_side, ["conduite à gauche", "RHD"]),
        "transmission": (canonical_transmission, ["manuelle", "automatique"]),
        "complexity": (canonical_complexity, ["mécanique", "électronique", "numérique"]),
        "inspection": (canonical_inspection, ["conforme", "défauts", "aucune"]),
    }
    for vocabulary, (canon, raws) in samples.items():
        for raw in raws:
            value = canon(raw)
            if value is None:
                continue
            assert CATALOGUE.get(f"values.{vocabulary}.{value}") is not None, (vocabulary, value)


# ---------------------------------------------------------------- real assessments


@functools.lru_cache(maxsize=8)
def _assessment(inventory: str, offer: str) -> Assessment:
    if not ((SAMPLES / inventory).is_file() and (SAMPLES / offer).is_file()):
        pytest.skip("sample files not generated")
    from donation_checker.pipeline import run_assessment

    return run_assessment(inventory_path=SAMPLES / inventory, offer_path=SAMPLES / offer).assessment


def _messages(a: Assessment) -> Iterator[Message]:
    for f in (*a.findings, *a.offer_findings):
        yield f.message
        if f.condition:
            yield f.condition.text
        yield from (ev.label for ev in f.evidence if isinstance(ev.label, Message))
    for cp in a.counter_proposals:
        if cp.limiting_factor:
            yield cp.limiting_factor
        if cp.alternative_reason:
            yield cp.alternative_reason
    if a.sensitivity:
        yield a.sensitivity.statement


SAMPLE_PAIRS = [
    ("inventaire_fama_2025.xlsx", "offre_mixte.xlsx"),
    ("inventaire_fama_2025.xlsx", "offre_ambulances_occasion.xlsx"),
    ("inventaire_fama_2025.xlsx", "offre_bien_adaptee.xlsx"),
    ("inventaire_fama_2025.xlsx", "offre_deux_lots_zetros.xlsx"),
    ("inventaire_fama_2025.xlsx", "offre_grand_lot_camions.xlsx"),
    ("inventory_demo_en.xlsx", "offer_demo_en.xlsx"),
]


@pytest.mark.parametrize(("inventory", "offer"), SAMPLE_PAIRS)
def test_every_sentence_of_the_sample_assessments_is_typed_and_reads_cleanly(
    inventory: str, offer: str
) -> None:
    a = _assessment(inventory, offer)
    bad = {}
    for m in _messages(a):
        assert m.typed, m  # no finished sentence comes out of a rule kind any more
        for lang in ("en", "fr"):
            for share in (False, True):
                text = Renderer(lang, share=share).message(m)
                problems = _problems(text, lang)
                if problems:
                    bad[(m.key, lang, share)] = (text, problems)
    assert not bad, bad


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_rule_kind_and_parameter_is_named_and_described_in_both_languages(lang: str) -> None:
    from donation_checker.engine import KINDS

    r = Renderer(lang)
    missing = []
    for spec in KINDS.values():
        keys = [spec.title_key, spec.description_key, *map(spec.param_key, spec.params)]
        for key in keys:
            entry = CATALOGUE.get(key)
            if entry is None or not entry.text[lang].strip():
                missing.append(key)
            else:
                assert not _problems(r.word(key), lang), (key, r.word(key))
    assert not missing, missing
    titles = [r.word(spec.title_key) for spec in KINDS.values()]
    assert len(set(titles)) == len(titles), "two kinds share a name"
    assert not [t for t in titles if t in KINDS], "a kind's name is its identifier"


def test_every_parameter_type_has_a_name_for_its_error_message() -> None:
    from donation_checker.engine import KINDS

    for spec in {p.type for k in KINDS.values() for p in k.params.values()}:
        assert CATALOGUE.get(f"params.types.{spec}") is not None, spec
