"""The case table: each corpus file, the importer it goes to, and the outcome a careful user
expects — imported, partial (imported with named problems) or rejected (nothing imported, a
named reason and the place). `#` refers to the catalogue in shared/reference/bad-inputs.md;
"+" marks a case the catalogue does not list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from . import build_corpus as B

IMPORTED, PARTIAL, REJECTED = "imported", "partial", "rejected"


@dataclass(frozen=True)
class Case:
    id: str
    catalogue: str
    importer: str  # "inventory" | "offer"
    build: Callable[[Path], Path]
    outcome: str
    reason: str = ""  # the rejection's reason code
    problems: tuple[str, ...] = ()  # codes that must be among the problems of a partial import
    sheet: str | None = None  # where the reason or the first named problem is
    row: int | None = None
    column: str | None = None
    check: Callable[[Any], None] | None = None  # extra assertions on the imported result
    note: str = ""
    suffix: str = ".xlsx"

    @property
    def file_name(self) -> str:
        return f"{self.id}{self.suffix}"


# --- checks on imported results -----------------------------------------------------------------


def fleet_column(result: Any, column: str) -> list[object]:
    """The column's values with a missing value as None (pandas may hold it as NaN)."""
    return [None if pd.isna(v) else v for v in result.fleet.frame[column]]


def expect_fleet(column: str, values: list[object]) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert fleet_column(result, column) == values, fleet_column(result, column)

    return check


def expect_normalised(table: str, key: str, count: int) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        counts = result.report.table(table).normalised
        assert counts.get(key) == count, dict(counts)

    return check


def both(*checks: Callable[[Any], None]) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        for c in checks:
            c(result)

    return check


def fleet_sheet(name: str) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result.report.table("fleet").sheet == name

    return check


def header_row(n: int) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result.report.table("fleet").header_row == n

    return check


def pledge_dates(result: Any) -> None:
    dates = [None if pd.isna(v) else v for v in result.pledges.frame["date"]]
    march, new_year = dt.date(2024, 3, 12), dt.date(2024, 1, 1)
    assert dates == [march, new_year, march, march, None, None, None, dt.date(9999, 12, 31)], dates


def offer_date(expected: dt.date | None) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result.header.date == expected, result.header.date

    return check


def offer_text(field: str, values: list[str]) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert [getattr(line, field) for line in result.lines] == values

    return check


def offer_reference(value: str) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result.header.reference == value, result.header.reference

    return check


def ignored(*names: str) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        text = " ".join(result.report.table("fleet").ignored_columns)
        for n in names:
            assert n in text, text

    return check


def long_note(length: int) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        notes = [str(v) for v in fleet_column(result, "notes") if v]
        assert max(len(v) for v in notes) == length

    return check


CODES = ["2320014567890", "0123456789012", None]
SERIALS = ["VF6-000123", "00123", "A-0012"]

INV, OFF = "inventory", "offer"
CASES: tuple[Case, ...] = (
    # A. container and file type
    Case("a01-empty", "#1", INV, B.a01_empty, REJECTED, "empty_file", note="0 bytes"),
    Case("a01-empty-offer", "#1", OFF, B.o_empty, REJECTED, "empty_file"),
    Case("a02-pdf", "#2", INV, B.a02_pdf, REJECTED, "pdf", note="PDF renamed .xlsx"),
    Case("a02-jpeg", "#2", INV, B.a02_jpeg, REJECTED, "binary", note="JPEG renamed .xlsx"),
    Case(
        "a02-letter-as-xls",
        "#2",
        OFF,
        B.a02_letter,
        REJECTED,
        "text_named_as_workbook",
        note="a letter renamed .xls",
        suffix=".xls",
    ),
    Case(
        "a02-html",
        "#2",
        INV,
        B.a02_html,
        REJECTED,
        "html_or_xml",
        note="HTML 'Excel' export",
        suffix=".xls",
    ),
    Case(
        "a02-prose",
        "#2",
        INV,
        B.a02_prose,
        REJECTED,
        "text_named_as_workbook",
        note="a letter saved as .xlsx: text under a workbook's name",
    ),
    Case("a03-truncated", "#3", INV, B.a03_truncated, REJECTED, "corrupt_zip", note="cut at 50 %"),
    Case(
        "a03-flipped",
        "#3",
        INV,
        B.a03_flipped,
        REJECTED,
        "corrupt_zip",
        note="flipped bytes in the central directory",
    ),
    Case("a04-no-content-types", "#4", INV, B.a04_no_content_types, REJECTED, "not_xlsx"),
    Case(
        "a04-no-workbook",
        "#4",
        INV,
        B.a04_no_workbook,
        REJECTED,
        "corrupt_zip",
        note="xl/workbook.xml missing",
    ),
    Case(
        "a05-encrypted-ole",
        "#5",
        INV,
        B.a05_encrypted_ole,
        REJECTED,
        "encrypted",
        note="password-protected (OLE EncryptionInfo)",
    ),
    Case(
        "a05-encrypted-zip",
        "#5",
        INV,
        B.a05_encrypted_zip,
        REJECTED,
        "encrypted",
        note="zip entries flagged encrypted",
    ),
    Case(
        "a06-sheet-protection",
        "#6",
        INV,
        B.a06_sheet_protection,
        IMPORTED,
        check=expect_fleet("nsn", CODES),
    ),
    Case(
        "a07-legacy-xls",
        "#7",
        INV,
        B.a07_legacy_xls,
        IMPORTED,
        check=expect_fleet("nsn", ["2320014567890", "0123456789012"]),
        note="real BIFF8 file, read by its bytes",
        suffix=".xlsx",
    ),
    Case(
        "a08-macros",
        "#8",
        INV,
        B.a08_macros,
        PARTIAL,
        problems=("macros_ignored",),
        note="vbaProject.bin present: data read, macros never run",
        suffix=".xlsm",
    ),
    Case(
        "a09-ods",
        "#9",
        INV,
        B.a09_ods,
        IMPORTED,
        check=expect_fleet("serial", ["VF6-000123", "00123"]),
        note="OpenDocument named .xlsx",
    ),
    Case(
        "a09-csv-as-xlsx",
        "#9",
        INV,
        B.a09_csv_as_xlsx,
        IMPORTED,
        check=expect_fleet("nsn", CODES),
        note="CSV named .xlsx",
    ),
    Case("a09-word", "#9", INV, B.a09_word, REJECTED, "word_document", suffix=".xlsx"),
    Case(
        "a09-zip-archive",
        "#9",
        INV,
        B.a09_zip_archive,
        REJECTED,
        "not_xlsx",
        note="a zip holding files",
    ),
    Case(
        "a11-long-accented-path",
        "#11",
        INV,
        B.a11_long_accented_path,
        IMPORTED,
        note="path over 260 characters with accents",
    ),
    Case("a11-directory", "#11", INV, B.a11_directory, REJECTED, "is_directory"),
    Case("a11-missing", "#11", INV, B.a11_missing, REJECTED, "not_found"),
    # B. resource exhaustion and hostile content
    Case(
        "b12-zip-bomb",
        "#12",
        INV,
        B.b12_zip_bomb,
        REJECTED,
        "zip_bomb",
        note="sheet1.xml inflates to 600 MB",
    ),
    Case("b12-zip-bomb-offer", "#12", OFF, B.o_zip_bomb, REJECTED, "zip_bomb"),
    Case(
        "b12-ratio-bomb",
        "#12",
        INV,
        B.b12_ratio_bomb,
        REJECTED,
        "zip_bomb",
        note="300 MB declared honestly: refused by its ratio after 20 MB",
    ),
    Case(
        "b12-lying-size",
        "#12",
        INV,
        B.b12_lying_size,
        REJECTED,
        "zip_bomb",
        note="central directory declares 1 KB",
    ),
    Case(
        "b12-many-parts", "+", INV, B.b12_many_parts, REJECTED, "zip_bomb", note="6,000 zip entries"
    ),
    Case("b13-billion-laughs", "#13", INV, B.b13_billion_laughs, REJECTED, "xml_entities"),
    Case(
        "b13-quadratic",
        "#13",
        INV,
        B.b13_quadratic,
        REJECTED,
        "xml_entities",
        note="100 kB entity used 1,000 times",
    ),
    Case(
        "b14-xxe-file",
        "#14",
        INV,
        B.b14_xxe,
        REJECTED,
        "xml_entities",
        note="entity = file:///etc/passwd",
    ),
    Case(
        "b14-xxe-late",
        "#14",
        INV,
        B.b14_xxe_late,
        REJECTED,
        "xml_entities",
        note="DOCTYPE after a 20 kB comment, URL entity",
    ),
    Case(
        "b15-lying-dimension",
        "#15",
        INV,
        B.b15_lying_dimension,
        IMPORTED,
        note="<dimension ref='A1:XFD1048576'> ignored",
    ),
    Case(
        "b15-stray-far-cell",
        "#15",
        INV,
        B.b15_stray_far_cell,
        REJECTED,
        "sheet_too_large",
        sheet="Parc",
        note="one cell at XFD1048576 (the reader would allocate 17 billion cells)",
    ),
    Case(
        "b15-unnumbered-rows",
        "+",
        INV,
        B.b15_unnumbered_rows,
        REJECTED,
        "sheet_too_large",
        sheet="Parc",
        note="2,000 rows without a row number under a cell in column XFD",
    ),
    Case(
        "b15-whole-sheet-merge",
        "#15",
        INV,
        B.b15_whole_sheet_merge,
        IMPORTED,
        note="merge H1:XFD1048576 outside the table",
    ),
    Case(
        "b15-ods-repeated-cells",
        "+",
        INV,
        B.b15_ods_repeated_cells,
        REJECTED,
        "sheet_too_large",
        sheet="fleet_in",
        note="ODS row and cell repeat counts standing for 16 billion cells: measured before the reader",
        suffix=".ods",
    ),
    Case(
        "b16-million-rows",
        "#16",
        INV,
        B.b16_million_rows,
        REJECTED,
        "sheet_too_large",
        sheet="Parc",
        note="1,048,576 rows × 12 columns: refused with its size",
    ),
    Case(
        "b18-max-cell",
        "#18",
        INV,
        B.b18_max_cell,
        IMPORTED,
        check=long_note(32_767),
        note="32,767 characters kept whole",
    ),
    Case(
        "b18-line-feeds",
        "#18",
        INV,
        B.b18_line_feeds,
        IMPORTED,
        check=expect_normalised("fleet", "notes:whitespace", 1),
        note="253 line feeds folded, counted",
    ),
    Case(
        "b18-five-megabytes",
        "#18",
        INV,
        B.b18_five_megabytes,
        PARTIAL,
        problems=("too_long",),
        sheet="Parc",
        row=3,
        column="G",
        check=long_note(32_767),
        note="5 MB string: cut to 32,767 with a warning",
    ),
    Case(
        "b19-external-links",
        "#19",
        INV,
        B.b19_external_links,
        PARTIAL,
        problems=("external_content_ignored",),
        note="external link and web query never followed",
    ),
    Case("b20-decorations", "#20", INV, B.b20_decorations, IMPORTED, note="comment, 2,000 styles"),
    # C. workbook and sheet structure
    Case("c21-all-empty", "#21", INV, B.c21_all_empty, REJECTED, "empty_workbook"),
    Case(
        "c22-header-only", "#22", INV, B.c22_header_only, REJECTED, "no_usable_rows", sheet="Parc"
    ),
    Case(
        "c23-third-sheet",
        "#23",
        INV,
        B.c23_data_on_third_sheet,
        IMPORTED,
        check=fleet_sheet("Données"),
        note="sheet 1 is a notice",
    ),
    Case(
        "c23-two-candidates",
        "#23",
        INV,
        B.c23_two_candidates,
        IMPORTED,
        check=fleet_sheet("Parc"),
        note="the sheet with more recognised columns wins",
    ),
    Case(
        "c23-hidden-data-sheet",
        "+",
        INV,
        B.c23_hidden_data_sheet,
        REJECTED,
        "no_fleet_table",
        note="the only table is on a hidden sheet: not read, said so",
    ),
    Case(
        "c23-hidden-extra-sheet",
        "+",
        INV,
        B.c23_hidden_extra_sheet,
        PARTIAL,
        problems=("hidden_sheet",),
        sheet="Brouillon",
    ),
    Case("c25-title-block", "#25", INV, B.c25_title_block, IMPORTED, check=header_row(5)),
    Case(
        "c26-merged-header",
        "#26",
        INV,
        B.c26_merged_header,
        IMPORTED,
        check=expect_fleet("quantity", [12, 40, 6]),
    ),
    Case(
        "c27-merged-data",
        "#27",
        INV,
        B.c27_merged_data_cells,
        PARTIAL,
        problems=("merged_cells_filled",),
        sheet="Parc",
        row=2,
        column="A",
        check=expect_fleet("category", ["Camion"] * 10),
    ),
    Case(
        "c29-duplicate-headers",
        "#29",
        INV,
        B.c29_duplicate_headers,
        PARTIAL,
        problems=("duplicate_column",),
        sheet="Parc",
        row=1,
        column="E",
        check=expect_fleet("quantity", [12, 40]),
    ),
    Case(
        "c30-header-variants",
        "#30",
        INV,
        B.c30_header_variants,
        IMPORTED,
        check=both(expect_fleet("nsn", CODES), expect_fleet("serial", SERIALS)),
    ),
    Case(
        "c30-english-headers",
        "#30",
        INV,
        B.c30_english_headers,
        IMPORTED,
        check=expect_fleet("serial", SERIALS),
    ),
    Case(
        "c31-missing-required",
        "#31",
        INV,
        B.c31_missing_required,
        REJECTED,
        "missing_columns",
        sheet="Parc",
        row=1,
    ),
    Case(
        "c32-shuffled-extra",
        "#32",
        INV,
        B.c32_shuffled_extra,
        IMPORTED,
        check=both(expect_fleet("make", ["Renault", "Toyota"]), ignored("Code interne", "Couleur")),
    ),
    # D. cell values
    Case(
        "d33-nsn-text",
        "#33",
        INV,
        B.d33_nsn_text,
        IMPORTED,
        check=both(expect_fleet("nsn", CODES), expect_fleet("notes", [None, "NA", "None"])),
    ),
    Case(
        "d34-nsn-number-format",
        "#34",
        INV,
        B.d34_nsn_number_format,
        IMPORTED,
        check=both(
            expect_fleet("nsn", ["2320014567890", "0123456789012", None]),
            expect_fleet("serial", ["VF6-000123", "00123", "A-0012"]),
            expect_normalised("fleet", "nsn:code_zeros_from_format", 1),
        ),
        note="number 123456789012 shown as 0123456789012: rebuilt from the format, counted",
    ),
    Case(
        "d34-code-plain-number",
        "#34",
        INV,
        B.d34_code_plain_number,
        PARTIAL,
        problems=("code_stored_as_number",),
        sheet="Parc",
        row=2,
        column="F",
        check=expect_fleet("serial", ["4711", "00123", "A-0012"]),
    ),
    Case(
        "d35-nsn-variants",
        "#35",
        INV,
        B.d35_nsn_variants,
        IMPORTED,
        check=expect_fleet(
            "nsn", ["2320-01-456-7890", "2320 01 456 7890", "232O-01-456-7890", "232001456789"]
        ),
        note="codes kept verbatim (matching compares a compact form)",
    ),
    Case(
        "d36-serial-mix",
        "#36",
        INV,
        B.d36_serial_mix,
        PARTIAL,
        problems=("code_stored_as_number",),
        row=5,
        column="F",
        check=expect_fleet("serial", ["A-0012", "00123", None, "12345"]),
    ),
    Case(
        "d37-quantities-text",
        "#37",
        INV,
        B.d37_quantities_as_text,
        PARTIAL,
        problems=("not_whole_number", "not_a_number"),
        sheet="Parc",
        row=4,
        column="D",
        check=expect_fleet("quantity", [12, 12, 1200]),
    ),
    Case(
        "d38-quantity-values",
        "#38",
        INV,
        B.d38_quantity_values,
        PARTIAL,
        # −3 is below the field's bound and 10¹², 2⁵³ above it (rules/fields.toml): rejected at
        # their cell, as 2.5 and 0.30000000000000004 are for not being whole.
        problems=("below_minimum", "not_whole_number", "above_maximum"),
        sheet="Parc",
        row=2,
        column="D",
        check=expect_fleet("quantity", [0]),
    ),
    Case(
        "d39-dates",
        "#39",
        INV,
        B.d39_pledge_dates,
        PARTIAL,
        problems=("not_a_date", "impossible_date"),
        sheet="Partenaires",
        row=6,
        column="E",
        check=pledge_dates,
    ),
    Case(
        "d41-error-values",
        "#41",
        INV,
        B.d41_error_values,
        PARTIAL,
        problems=("formula_error",),
        sheet="Parc",
        row=2,
        column="D",
    ),
    Case(
        "d41-formulas-no-value",
        "+",
        INV,
        B.d41_formulas_without_values,
        PARTIAL,
        problems=("formula_without_value",),
        sheet="Parc",
        row=2,
        column="D",
        note="formula written by a script, never calculated: never a silent blank",
    ),
    Case(
        "d41-formulas-cached",
        "+",
        INV,
        B.d41_formulas_with_values,
        IMPORTED,
        check=expect_fleet("quantity", [12, 40, 6]),
    ),
    Case(
        "d43-unicode",
        "#43",
        INV,
        B.d43_unicode_traps,
        IMPORTED,
        check=both(
            expect_fleet("make", ["Renault", "Toyota", "Citroën"]),
            expect_normalised("fleet", "make:invisible_removed", 1),
            expect_normalised("fleet", "model:unicode_nfc", 1),
        ),
    ),
    Case(
        "d44-formula-like-text",
        "#44",
        INV,
        B.d44_formula_like_text,
        IMPORTED,
        check=expect_fleet(
            "notes", ["=ancien code", "@unité", '=HYPERLINK("http://127.0.0.1:9/?"&A1)']
        ),
    ),
    Case(
        "d46-beyond-precision",
        "#46",
        INV,
        B.d46_codes_beyond_precision,
        PARTIAL,
        problems=("code_stored_as_number",),
        row=2,
        column="E",
        note="2**53+1 as a number: flagged, the text is what Excel stored",
    ),
    Case(
        "d47-na-none",
        "+",
        INV,
        B.d47_na_none_texts,
        IMPORTED,
        check=both(
            expect_fleet("make", ["NA", "Toyota"]),
            expect_fleet("model", ["None", "NA"]),
            expect_fleet("nsn", ["NULL", "#N/A"]),
            expect_fleet("serial", ["N/A", "None"]),
            expect_fleet("notes", ["nan", "null"]),
        ),
        note="never missing; an all-capitals make is kept as written (makes are often acronyms)",
    ),
    # E. CSV inputs
    Case(
        "e47-bom", "#47", INV, B.e47_bom, IMPORTED, check=expect_fleet("nsn", CODES), suffix=".csv"
    ),
    Case(
        "e48-cp1252",
        "#48",
        INV,
        B.e48_cp1252,
        PARTIAL,
        problems=("encoding_cp1252",),
        check=expect_fleet("model", ["P4 été"]),
        suffix=".csv",
    ),
    Case(
        "e48-utf16",
        "+",
        INV,
        B.e48_utf16,
        IMPORTED,
        check=expect_fleet("serial", SERIALS),
        note="Excel 'Unicode text' (UTF-16, tabs)",
        suffix=".txt",
    ),
    Case("e48-undecodable", "#48", INV, B.e48_undecodable, REJECTED, "bad_encoding", suffix=".csv"),
    Case(
        "e49-semicolons",
        "#49",
        INV,
        B.e49_semicolon_decimal_comma,
        IMPORTED,
        check=expect_fleet("quantity", [12, 1200]),
        suffix=".csv",
    ),
    Case(
        "e49-sep-line",
        "+",
        INV,
        B.e49_sep_line,
        IMPORTED,
        check=expect_fleet("model", ["GBC 180"]),
        note="Excel's 'sep=,' first line",
        suffix=".csv",
    ),
    Case("e50-one-column", "#50", INV, B.e50_one_column, REJECTED, "no_fleet_table", suffix=".csv"),
    Case(
        "e50-tabs",
        "#50",
        INV,
        B.e50_tabs,
        IMPORTED,
        check=expect_fleet("nsn", CODES),
        suffix=".tsv",
    ),
    Case(
        "e50-quoted",
        "#50",
        INV,
        B.e50_quoted,
        IMPORTED,
        check=expect_fleet("model", ["GBC 180; version 6x6", 'Kerax "Dakar"']),
        suffix=".csv",
    ),
    Case(
        "e51-ragged-more",
        "#51",
        INV,
        B.e51_ragged_more,
        PARTIAL,
        problems=("ragged_line",),
        row=3,
        check=expect_fleet("model", ["GBC 180", "Land Cruiser 78"]),
        suffix=".csv",
    ),
    Case(
        "e51-ragged-fewer",
        "#51",
        INV,
        B.e51_ragged_fewer,
        PARTIAL,
        problems=("ragged_line", "missing_required"),
        row=3,
        suffix=".csv",
    ),
    Case(
        "e51-stray-quote", "#51", INV, B.e51_stray_quote, REJECTED, "bad_csv", row=3, suffix=".csv"
    ),
    Case(
        "e51-na-texts",
        "+",
        INV,
        B.e51_na_texts,
        IMPORTED,
        check=both(
            expect_fleet("make", ["NA"]),
            expect_fleet("model", ["None"]),
            expect_fleet("serial", ["NULL"]),
        ),
        suffix=".csv",
    ),
    # offers
    Case(
        "o-plain",
        "+",
        OFF,
        B.o_plain,
        IMPORTED,
        check=both(offer_reference("OFF-0042/NA"), offer_date(dt.date(2025, 3, 12))),
    ),
    Case("o-lines-only", "+", OFF, B.o_lines_only, IMPORTED, check=offer_date(None)),
    Case(
        "o-formula-quantity",
        "+",
        OFF,
        B.o_formula_quantity,
        PARTIAL,
        problems=("formula_without_value",),
        sheet="Offre",
        row=6,
        column="D",
    ),
    Case(
        "o-markup",
        "#55",
        OFF,
        B.o_markup,
        IMPORTED,
        check=offer_text("model", ['<img src="/etc/passwd">', "Hilux 1 < 2 & 3 > 2"]),
        note="markup kept as text",
    ),
    Case(
        "o-hidden-sheet",
        "+",
        OFF,
        B.o_hidden_sheet,
        PARTIAL,
        problems=("hidden_sheet",),
        sheet="Prix internes",
    ),
    Case(
        "o-1904-dates",
        "#39",
        OFF,
        B.o_1904_dates,
        IMPORTED,
        check=offer_date(dt.date(2025, 3, 12)),
        note="1904 date system: no 4-year shift",
    ),
    Case(
        "o-impossible-date",
        "#39",
        OFF,
        B.o_impossible_date,
        PARTIAL,
        problems=("impossible_date",),
        sheet="Offre",
        row=3,
        column="B",
        check=offer_date(None),
    ),
    Case("o-all-rejected", "+", OFF, B.o_all_rejected, REJECTED, "no_usable_rows", sheet="Offre"),
    Case(
        "o-csv-cp1252",
        "#48",
        OFF,
        B.o_csv_cp1252,
        PARTIAL,
        problems=("encoding_cp1252",),
        check=offer_text("model", ["P4"]),
        suffix=".csv",
    ),
    Case(
        "o-reference-number",
        "#34",
        OFF,
        B.o_code_reference_number,
        IMPORTED,
        check=offer_reference("00042"),
        note="reference 42 shown as 00042",
    ),
)

# The same damaged and hostile files sent as an offer: the offer importer shares the guards and
# the row account, and must give the same outcome.
_OFFER_TWINS = (
    "a02-pdf",
    "a02-jpeg",
    "a03-truncated",
    "a03-flipped",
    "a04-no-workbook",
    "a05-encrypted-ole",
    "a05-encrypted-zip",
    "a07-legacy-xls",
    "a09-ods",
    "b12-lying-size",
    "b13-billion-laughs",
    "b14-xxe-file",
    "b15-stray-far-cell",
    "b15-ods-repeated-cells",
    "b18-five-megabytes",
    "c21-all-empty",
    "c23-hidden-extra-sheet",
    "d41-error-values",
    "d41-formulas-no-value",
    "e48-cp1252",
    "e48-undecodable",
    "e51-ragged-more",
    "e51-stray-quote",
)
CASES = CASES + tuple(
    replace(c, id=f"{c.id}-offer", importer=OFF, check=None, note="as an offer")
    for c in CASES
    if c.id in _OFFER_TWINS
)


def build_all(directory: Path) -> dict[str, Path]:
    """Write every case's file into `directory`; returns case id -> path."""
    paths = {}
    for case in CASES:
        paths[case.id] = case.build(directory / case.file_name)
    return paths


def markdown_table() -> str:
    """The case table as it appears in docs/robustness.md."""
    lines = [
        "| case | # | importer | expected | reason or problems | place | note |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in CASES:
        what = c.reason if c.outcome == REJECTED else ", ".join(c.problems)
        place = ", ".join(
            x
            for x in (
                c.sheet and f"sheet {c.sheet}",
                c.row and f"row {c.row}",
                c.column and f"col {c.column}",
            )
            if x
        )
        lines.append(
            f"| {c.id} | {c.catalogue} | {c.importer} | {c.outcome} | {what} | {place} | {c.note} |"
        )
    return "\n".join(lines) + "\n"


def _field_cases() -> tuple[Case, ...]:
    from .field_cases import FIELD_CASES  # defined beside: it builds on Case above

    return FIELD_CASES


CASES = CASES + _field_cases()
