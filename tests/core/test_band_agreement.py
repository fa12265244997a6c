"""A word after a hidden value agrees with its band, never with the value the band hides."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from donation_checker.messages import Unit, Value
from donation_checker.render import Renderer

TEMPLATE = {"en": "{n|mechanic|mechanics}", "fr": "{n|mécanicien|mécaniciens}"}


def _written(n: int, lang: str) -> str:
    r = Renderer(lang, share=True)
    return r.fill(TEMPLATE[lang], {"n": Value(Unit.PEOPLE, n, "personnel")})


@given(st.integers(0, 10_000), st.integers(0, 10_000), st.sampled_from(["en", "fr"]))
def test_two_values_in_one_band_are_written_alike(a: int, b: int, lang: str) -> None:
    r = Renderer(lang, share=True)
    same_band = r.band(Value(Unit.PEOPLE, a, "personnel")) == r.band(
        Value(Unit.PEOPLE, b, "personnel")
    )
    assert (_written(a, lang) == _written(b, lang)) == same_band


def test_the_word_agrees_with_the_band() -> None:
    assert _written(0, "fr") == "[0] mécanicien"  # French counts 0 as singular
    assert _written(0, "en") == "[0] mechanics"
    assert _written(5, "fr") == "[1 à 9] mécaniciens"
    assert _written(5, "en") == "[1–9] mechanics"
