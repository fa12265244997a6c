"""Cases of files from the field (other writers' spellings, binary and legacy formats, odd
values, other scripts, CSV as people export it), added to the case table in cases.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd

from . import build_field as F
from .cases import IMPORTED, PARTIAL, REJECTED, Case

INV, OFF = "inventory", "offer"


def pledge_dates(*expected: dt.date | None) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        frame = result.table("pledges").frame
        got = [None if pd.isna(v) else v for v in frame["date"]]
        assert got == list(expected), got

    return check


def fleet_names(makes: list[str], distinct_keys: int) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        frame = result.fleet.frame
        assert list(frame["make"]) == makes, list(frame["make"])
        assert frame["make_key"].nunique() == distinct_keys, list(frame["make_key"])
        assert all(frame["make_key"]), list(frame["make_key"])

    return check


def fleet_column_is(column: str, values: list[object]) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        got = [None if pd.isna(v) else v for v in result.fleet.frame[column]]
        assert got == values, got

    return check


def offer_date(expected: dt.date) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result.header.date == expected, result.header.date

    return check


FIELD_CASES: tuple[Case, ...] = (
    Case(
        "g-prefixed-far-cell",
        "+",
        INV,
        F.g_prefixed_far_cell,
        REJECTED,
        "sheet_too_large",
        sheet="Parc",
        note="sheet XML under a namespace prefix (<x:row>), one cell at XFD1048576",
    ),
    Case(
        "g-single-quotes-far-cell",
        "+",
        INV,
        F.g_single_quotes_far_cell,
        REJECTED,
        "sheet_too_large",
        sheet="Parc",
        note="attributes in single quotes with spaces around '=', one cell at XFD1048576",
    ),
    Case(
        "g-reordered-far-cell",
        "+",
        INV,
        F.g_reordered_far_cell,
        REJECTED,
        "sheet_too_large",
        sheet="Parc",
        note="'r' written after other attributes, a line break inside the tag",
    ),
    Case(
        "g-part-name-case-far-cell",
        "+",
        INV,
        F.g_part_name_case_far_cell,
        REJECTED,
        "sheet_too_large",
        sheet="Parc",
        note="relationship names Sheet1.xml, the part is sheet1.xml",
    ),
    Case(
        "g-prefixed-plain",
        "+",
        INV,
        F.g_prefixed_plain,
        IMPORTED,
        note="prefixed elements and single quotes: read as any other sheet",
    ),
    Case(
        "g-prefixed-formula",
        "+",
        INV,
        F.g_prefixed_formula,
        PARTIAL,
        problems=("formula_without_value",),
        sheet="Parc",
        row=2,
        column="D",
        note="formula without a saved value under a namespace prefix: still flagged",
    ),
    Case(
        "g-strict-prefixed-formula",
        "#10",
        INV,
        F.g_strict_prefixed_formula,
        PARTIAL,
        problems=("formula_without_value",),
        sheet="Parc",
        row=2,
        column="D",
        note="Strict OOXML namespace under a prefix",
    ),
    Case(
        "g-xlsb-far-cell",
        "#9",
        INV,
        F.g_xlsb_far_cell,
        REJECTED,
        "sheet_too_large",
        sheet="sheet1",
        note=".xlsb cell records measured before the reader",
        suffix=".xlsb",
    ),
    Case(
        "g-xls-far-cell",
        "#7",
        INV,
        F.g_xls_far_cell,
        REJECTED,
        "sheet_too_large",
        sheet="fleet_in",
        note=".xls cell at IV65536 (16 million cells) measured before the reader",
        suffix=".xls",
    ),
    Case(
        "g-ods-ninety-million",
        "+",
        INV,
        F.g_ods_ninety_million,
        REJECTED,
        "sheet_too_large",
        sheet="fleet_in",
        note="ODS block of 90 million cells, under the reader's own cap",
        suffix=".ods",
    ),
    Case(
        "g-cell-outside-its-row",
        "+",
        INV,
        F.g_cell_outside_its_row,
        REJECTED,
        "reader_failed",
        sheet="Parc",
        note="cell XFD1048576 inside row 5: past the guard, stopped by the reader's memory limit",
    ),
    Case(
        "v-date-in-quantity",
        "#39",
        INV,
        F.v_date_in_quantity,
        PARTIAL,
        problems=("date_not_number",),
        sheet="Parc",
        row=3,
        column="D",
        note="'6-40' turned into a date by Excel: a row problem, never the quantity 1940",
    ),
    Case(
        "v-year-in-date-column",
        "#39",
        INV,
        F.v_year_in_date_column,
        IMPORTED,
        check=pledge_dates(dt.date(2015, 1, 1), dt.date(2024, 1, 1), dt.date(2024, 1, 1)),
        note="2015 in a date column is the year 2015 (not serial 2015, 1905), counted",
    ),
    Case(
        "v-number-in-date-column",
        "#39",
        INV,
        F.v_number_in_date_column,
        PARTIAL,
        problems=("number_not_date",),
        sheet="Partenaires",
        row=3,
        column="E",
        note="500 is neither a year nor a plausible date serial",
    ),
    Case(
        "v-month-first-dates",
        "#39",
        INV,
        F.v_month_first_dates,
        IMPORTED,
        check=pledge_dates(dt.date(2024, 3, 25), dt.date(2024, 12, 31), dt.date(2025, 1, 2)),
        note="03/25/2024 shows the column is month first: 01/02/2025 is 2 January",
    ),
    Case(
        "v-offer-year-date",
        "#39",
        OFF,
        F.v_offer_year_date,
        IMPORTED,
        check=offer_date(dt.date(2025, 1, 1)),
        note="offer dated 2025: the year, not 1905",
    ),
    Case(
        "s-other-scripts",
        "#56",
        INV,
        F.s_other_scripts,
        IMPORTED,
        check=fleet_names(["KamAZ", "东风", "مرسيدس", "Ural"], 4),
        note="Cyrillic (alias KamAZ), Chinese and Arabic makes keep their letters: four makes",
    ),
    Case(
        "s-placeholder-names",
        "+",
        INV,
        F.s_placeholder_names,
        PARTIAL,
        problems=("placeholder_name",),
        sheet="Parc",
        row=2,
        column="B",
        note="'-', '?' and 'n/a' as make or model: missing, reported, never matched to an alias",
    ),
    Case(
        "c-csv-long-field",
        "#18",
        INV,
        F.c_csv_long_field,
        PARTIAL,
        problems=("too_long",),
        row=3,
        column="G",
        note="a 200 kB value: read, cut to 32,767 characters with a warning (the file is not refused)",
        suffix=".csv",
    ),
    Case(
        "c-csv-mixed-encoding",
        "#48",
        INV,
        F.c_csv_mixed_encoding,
        PARTIAL,
        problems=("encoding_mixed",),
        row=3,
        check=fleet_column_is("notes", ["ok", "Réformé été"]),
        note="UTF-8 with one Windows-1252 line: that line read as such, reported by number",
        suffix=".csv",
    ),
    Case(
        "c-csv-utf16-no-bom",
        "#48",
        INV,
        F.c_csv_utf16_no_bom,
        IMPORTED,
        note="UTF-16 little-endian without a byte order mark",
        suffix=".csv",
    ),
    Case(
        "c-csv-utf16be-no-bom",
        "#48",
        INV,
        F.c_csv_utf16be_no_bom,
        IMPORTED,
        note="UTF-16 big-endian without a byte order mark",
        suffix=".csv",
    ),
    Case(
        "c-csv-cyrillic-cp1251",
        "#48",
        INV,
        F.c_csv_cyrillic_cp1251,
        PARTIAL,
        problems=("encoding_legacy",),
        check=fleet_column_is("make", ["KamAZ", "Ural"]),
        note="Windows-1251 (Cyrillic): detected by its letters, named in a warning",
        suffix=".csv",
    ),
    Case(
        "c-csv-title-line-then-wide",
        "#16",
        INV,
        F.c_csv_title_line_then_wide,
        REJECTED,
        "sheet_too_large",
        note="the cell cap counts the widest line, not the first (a one-field title)",
        suffix=".csv",
    ),
)
