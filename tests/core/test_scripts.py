"""Names in every script: folding keeps their letters, two different names never meet, the
placeholders people type are missing values, and the PDF lays out right-to-left text and shows
characters its font lacks by their code."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from donation_checker.importer import load_model_names
from donation_checker.normalise import compact, fold, is_placeholder_name
from donation_checker.report import build_pdf_bytes
from donation_checker.report.pdf_layout import register_fonts
from donation_checker.report.safe_text import visual
from tests.core.report_fixtures import make_assessment
from tests.core.test_report_pdf import flat

NAMES = st.text(
    alphabet=st.characters(categories=("L", "N"), exclude_characters="\u0130"),
    min_size=1,
    max_size=12,
)


def test_folding_keeps_the_letters_of_every_script() -> None:
    assert fold("КамАЗ-4310") == "камаз 4310"
    assert compact("东风 EQ 2102") == "东风eq2102"
    assert compact("مرسيدس") == "مرسيدس"
    assert fold("Quantité\n(en service)") == "quantite en service"  # as before


@given(NAMES, NAMES)
def test_two_names_that_differ_in_letters_never_share_a_key(a: str, b: str) -> None:
    names = load_model_names()
    if compact(a) != compact(b):
        assert names.key(a, "x") != names.key(b, "x") or names.make(a) == names.make(b)
    assert compact(a), a  # a name made of letters or digits never folds to nothing


def test_the_alias_table_matches_cyrillic_and_never_an_empty_key() -> None:
    names = load_model_names()
    assert names.make("КамАЗ") == "KamAZ" and names.make("Урал") == "Ural"
    assert names.make("东风") == "东风" and names.make("-") == "-"
    assert names.key("-", "x") != names.key("?", "x")


def test_placeholders_are_not_names() -> None:
    for text in ("-", "?", " -- ", "n/a", "N/A", "***", "…", "inconnu"):
        assert is_placeholder_name(text), text
    for text in ("NA", "None", "Ural", "东风", "4320", "X"):
        assert not is_placeholder_name(text), text


def test_right_to_left_text_is_laid_out_and_missing_glyphs_are_named() -> None:
    covered = register_fonts()
    drawn = visual("Ural أكتروس 3344", covered)
    assert drawn.startswith("Ural 3344 ") and "أكتروس" not in drawn  # visual order, joined forms
    assert all(ord(ch) in covered or ch == " " for ch in drawn)
    assert visual("东风 🚚", covered) == "‹U+4E1C›‹U+98CE› ‹U+1F69A›"
    assert visual("Renault Kerax", covered) == "Renault Kerax"


def test_the_pdf_shows_other_scripts_instead_of_empty_boxes() -> None:
    a = make_assessment(donor="مرسيدس | 东风 🚚")
    lines = tuple(dataclasses.replace(line, label="أكتروس 3344") for line in a.lines)
    text = flat(build_pdf_bytes(dataclasses.replace(a, lines=lines)))
    assert "U+4E1C" in text and "U+1F69A" in text
    assert "right to left" in text
