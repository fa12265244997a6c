"""Numbers, money, dates and percentages in English and French."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from donation_checker.formatting import (
    NARROW_NBSP,
    NBSP,
    fmt_date,
    fmt_money,
    fmt_number,
    fmt_percent,
    fmt_score,
)


def test_english_numbers_use_comma_thousands_and_point_decimals() -> None:
    assert fmt_number(1234.5, "en") == "1,234.5"
    assert fmt_number(12_500_000, "en") == "12,500,000"
    assert fmt_number(0.333, "en") == "0.33"
    assert fmt_number(1234.567, "en", decimals=1) == "1,234.6"


def test_french_numbers_use_narrow_no_break_space_and_decimal_comma() -> None:
    assert fmt_number(1234.5, "fr") == f"1{NARROW_NBSP}234,5"
    assert fmt_number(12_500_000, "fr", decimals=0) == f"12{NARROW_NBSP}500{NARROW_NBSP}000"
    assert fmt_number(-1234.5, "fr-FR") == f"-1{NARROW_NBSP}234,5"


@pytest.mark.parametrize("lang,word", [("en", "unknown"), ("fr", "inconnu")])
@pytest.mark.parametrize("value", [None, float("nan"), float("inf")])
def test_missing_values_read_unknown_never_zero(lang: str, word: str, value: float | None) -> None:
    assert fmt_number(value, lang) == word
    assert fmt_money(value, "FCFA", lang) == word
    assert fmt_percent(value, lang) == word
    assert fmt_score(value, lang) == word


def test_rounding_to_zero_drops_the_minus_sign() -> None:
    assert fmt_number(-0.001, "en") == "0"
    assert fmt_number(-0.4, "fr", decimals=0) == "0"


def test_money_in_cfa_francs_is_whole_and_suffixed() -> None:
    assert fmt_money(12_500_000, "FCFA", "fr") == f"12{NARROW_NBSP}500{NARROW_NBSP}000{NBSP}FCFA"
    assert fmt_money(12_500_000.4, "FCFA", "en") == f"12,500,000{NBSP}FCFA"
    assert fmt_money(950.5, "XOF", "en") == f"951{NBSP}XOF"


def test_money_symbols_go_before_in_english_and_after_in_french() -> None:
    assert fmt_money(12.5, "EUR", "en") == "€12.50"
    assert fmt_money(-12.5, "USD", "en") == "-$12.50"
    assert fmt_money(12_500, "EUR", "fr") == f"12{NARROW_NBSP}500{NBSP}€"
    assert fmt_money(12_500, None, "en") == "12,500"


def test_dates_are_written_in_words() -> None:
    d = dt.date(2026, 3, 12)
    assert fmt_date(d, "en") == f"12{NBSP}March 2026"
    assert fmt_date(d, "fr") == f"12{NBSP}mars 2026"
    assert fmt_date(dt.date(2026, 8, 1), "fr") == f"1er{NBSP}août 2026"
    assert fmt_date(dt.date(2026, 12, 1), "en") == f"1{NBSP}December 2026"
    assert fmt_date(None, "fr") == "inconnu"


def test_percentages_take_a_space_in_french_only() -> None:
    assert fmt_percent(0.82, "en") == "82%"
    assert fmt_percent(0.82, "fr") == f"82{NBSP}%"
    assert fmt_percent(1.255, "fr", decimals=1) == f"125,5{NBSP}%"


def test_scores_are_out_of_100() -> None:
    assert fmt_score(58.4, "en") == "58/100"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_french_numbers_read_back_to_the_rounded_value(x: float) -> None:
    text = fmt_number(x, "fr", decimals=2)
    back = float(text.replace(NARROW_NBSP, "").replace(",", "."))
    # Half-up rounding of a binary float may land one cent away from round(x, 2).
    assert back == pytest.approx(x, abs=0.0051 + abs(x) * 1e-15)
    assert "." not in text
