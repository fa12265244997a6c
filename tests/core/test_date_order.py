"""Dates that read either way (03/04/2024) follow the workbook's language; values that prove
the order always win.

Files are built as users' programs write them: .xlsx by openpyxl with the document language
set (File > Properties in Excel), .ods as LibreOffice writes its default cell style, CSV with
French or English headers. Only a US-English workbook reads such dates month first.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from donation_checker.importer import import_inventory, import_offer
from donation_checker.importer.dateorder import (
    DateRules,
    Declaration,
    declaration,
    fallback_order,
    locale_tag,
)
from donation_checker.importer.vocabulary import load_vocabulary
from donation_checker.model import Inventory, RowIssue

FLEET_FR = [
    ["Catégorie", "Marque", "Modèle", "Quantité"],
    ["Camion", "Renault", "GBC 180", 12],
    ["Pick-up", "Toyota", "Land Cruiser 79", 40],
]
FLEET_EN = [
    ["Category", "Make", "Model", "Quantity"],
    ["Truck", "Renault", "GBC 180", 12],
    ["Pick-up", "Toyota", "Land Cruiser 79", 40],
]
PLEDGES_FR = ["Partenaire", "Catégorie", "Marque", "Quantité", "Date prévue"]
PLEDGES_EN = ["Donor", "Category", "Make", "Quantity", "Expected delivery"]

MARCH_4 = dt.date(2024, 3, 4)  # 03/04/2024 read month first
APRIL_3 = dt.date(2024, 4, 3)  # 03/04/2024 read day first


def _sheets(dates: list[str], english: bool) -> dict[str, list[list[object]]]:
    fleet, header = (FLEET_EN, PLEDGES_EN) if english else (FLEET_FR, PLEDGES_FR)
    pledges: list[list[object]] = [header]
    pledges += [["Partner", fleet[1][0], "Renault", 1, d] for d in dates]
    return {"Fleet" if english else "Parc": fleet, "Pledges" if english else "Partenaires": pledges}


def xlsx(
    path: Path,
    dates: list[str],
    *,
    language: str | None = None,
    english: bool = False,
    date_format: str | None = None,
) -> Path:
    """An inventory whose pledge dates are text cells; `language` is the document language
    (docProps/core.xml), `date_format` the number format of a real date cell on the fleet."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in _sheets(dates, english).items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    if date_format is not None:
        ws = wb.worksheets[0]
        ws["F1"] = "Checked"
        ws["F2"] = dt.date(2025, 12, 31)
        ws["F2"].number_format = date_format
    if language is not None:
        wb.properties.language = language
    wb.save(path)
    return path


def _ods_cell(value: object) -> str:
    if isinstance(value, int):
        return f'<table:table-cell office:value-type="float" office:value="{value}"/>'
    text = escape(str(value))
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def ods(path: Path, dates: list[str], *, language: str, country: str) -> Path:
    """An .ods as LibreOffice writes it: the default cell style carries the language."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'office:version="1.3"'
    )
    tables = "".join(
        f'<table:table table:name="{name}">'
        + "".join(
            "<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in _sheets(dates, english=False).items()
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ns}><office:styles>'
        '<style:default-style style:family="table-cell">'
        '<style:text-properties style:font-name="Liberation Sans" '
        f'fo:language="{language}" fo:country="{country}" '
        'style:language-asian="zh" style:country-asian="CN"/>'
        "</style:default-style></office:styles></office:document-styles>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("styles.xml", styles)
        zf.writestr("META-INF/manifest.xml", manifest)
    return path


def offer_csv(path: Path, date: str, *, english: bool) -> Path:
    """An offer saved as CSV: its key/value header above the lines, in one language."""
    if english:
        head = [["Donor", "United Kingdom"], ["Offer date", date]]
        lines = [["Category", "Make", "Model", "Quantity"], ["Truck", "Renault", "GBC 180", 2]]
    else:
        head = [["Donateur", "Royaume-Uni"], ["Date de l’offre", date]]
        lines = [["Catégorie", "Marque", "Modèle", "Quantité"], ["Camion", "Renault", "GBC 180", 2]]
    rows = [[*r, "", ""] for r in head] + [["", "", "", ""], *lines]  # as wide as the lines
    path.write_text("\n".join(";".join(str(v) for v in r) for r in rows) + "\n", "utf-8")
    return path


def pledge_dates(inv: Inventory) -> list[object]:
    assert inv.pledges is not None
    return list(inv.pledges.frame["date"])


def date_notes(inv: Inventory) -> list[RowIssue]:
    return [w for t in inv.report.tables for w in t.warnings if w.reason == "ambiguous_dates"]


# --- the declared language decides dates that read either way --------------------------------


def test_an_xlsx_declared_us_english_reads_ambiguous_dates_month_first(tmp_path: Path) -> None:
    inv = import_inventory(xlsx(tmp_path / "us.xlsx", ["03/04/2024"], language="en-US"))
    assert pledge_dates(inv) == [MARCH_4]
    (note,) = date_notes(inv)
    assert (note.place.row, note.place.column, note.place.header) == (1, "E", "Date prévue")
    assert "month first" in note.message and "en-US" in note.message
    assert "4\u00a0March 2024" in note.message
    assert "mois en premier" in note.message_fr and "4\u00a0mars 2024" in note.message_fr
    assert note.message_fr.startswith("«\u00a0Date prévue\u00a0» ") and "'" not in note.message_fr


@pytest.mark.parametrize("language", ["fr-FR", "en-GB", "en", "de-DE"])
def test_an_xlsx_declared_in_another_language_reads_them_day_first(
    tmp_path: Path, language: str
) -> None:
    inv = import_inventory(xlsx(tmp_path / "other.xlsx", ["03/04/2024"], language=language))
    assert pledge_dates(inv) == [APRIL_3]
    (note,) = date_notes(inv)
    assert "day first" in note.message and language in note.message


def test_an_ods_whose_default_style_is_us_english_reads_them_month_first(tmp_path: Path) -> None:
    inv = import_inventory(ods(tmp_path / "us.ods", ["03/04/2024"], language="en", country="US"))
    assert pledge_dates(inv) == [MARCH_4]
    assert "en-US" in date_notes(inv)[0].message


def test_an_ods_whose_default_style_is_french_reads_them_day_first(tmp_path: Path) -> None:
    inv = import_inventory(ods(tmp_path / "fr.ods", ["03/04/2024"], language="fr", country="FR"))
    assert pledge_dates(inv) == [APRIL_3]
    assert "fr-FR" in date_notes(inv)[0].message


def test_a_month_first_date_format_in_the_workbook_reads_them_month_first(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "fmt.xlsx", ["03/04/2024"], english=True, date_format="mm/dd/yyyy")
    inv = import_inventory(path)
    assert pledge_dates(inv) == [MARCH_4]
    assert "mm/dd/yyyy" in date_notes(inv)[0].message


def test_a_day_first_date_format_outweighs_a_us_language(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "fmt.xlsx", ["03/04/2024"], language="en-US", date_format="dd/mm/yyyy")
    assert pledge_dates(import_inventory(path)) == [APRIL_3]


# --- without a declaration, the headers' language --------------------------------------------


@pytest.mark.parametrize(
    ("english", "language", "langue"), [(True, "English", "anglais"), (False, "French", "français")]
)
def test_a_csv_offer_reads_them_day_first_in_either_language_and_says_why(
    tmp_path: Path, english: bool, language: str, langue: str
) -> None:
    offer = import_offer(offer_csv(tmp_path / "offer.csv", "03/04/2026", english=english))
    assert offer.header.date == dt.date(2026, 4, 3)
    assert offer.report is not None
    (note,) = [w for t in offer.report.tables for w in t.warnings if w.reason == "ambiguous_dates"]
    assert f"headers are in {language}" in note.message
    assert f"en-têtes sont en {langue}" in note.message_fr


@pytest.mark.parametrize(("english", "language"), [(True, "English"), (False, "French")])
def test_an_xlsx_without_a_language_follows_its_headers(
    tmp_path: Path, english: bool, language: str
) -> None:
    path = xlsx(tmp_path / "plain.xlsx", ["03/04/2024", "05/06/2024"], english=english)
    inv = import_inventory(path)
    assert pledge_dates(inv) == [APRIL_3, dt.date(2024, 6, 5)]
    (note,) = date_notes(inv)
    assert f"headers are in {language}" in note.message


def test_a_fields_file_listing_english_makes_english_headers_month_first(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parents[2] / "rules" / "fields.toml"
    text = shipped.read_text("utf-8").replace(
        'month_first = ["en-US"', 'month_first = ["en", "en-US"'
    )
    fields = tmp_path / "fields.toml"
    fields.write_text(text, "utf-8")
    vocab = load_vocabulary(fields)
    english = offer_csv(tmp_path / "en.csv", "03/04/2026", english=True)
    french = offer_csv(tmp_path / "fr.csv", "03/04/2026", english=False)
    assert import_offer(english, vocabulary=vocab).header.date == dt.date(2026, 3, 4)
    assert import_offer(french, vocabulary=vocab).header.date == dt.date(2026, 4, 3)


def test_the_offer_header_date_follows_the_declared_language(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (
        ["Donor", "United States"],
        ["Offer date", "03/04/2026"],
        [],
        ["Category", "Make", "Model", "Quantity"],
        ["Truck", "Renault", "GBC 180", 2],
    ):
        ws.append(row)
    wb.properties.language = "en-US"
    wb.save(tmp_path / "offer.xlsx")
    offer = import_offer(tmp_path / "offer.xlsx")
    assert offer.header.date == dt.date(2026, 3, 4)
    notes = [w for t in offer.report.tables for w in t.warnings if w.reason == "ambiguous_dates"]
    assert notes and "en-US" in notes[0].message


# --- values win --------------------------------------------------------------------------------


def test_proof_of_the_day_first_wins_over_us_english(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "mixed.xlsx", ["25/03/2024", "03/04/2024"], language="en-US")
    inv = import_inventory(path)
    assert pledge_dates(inv) == [dt.date(2024, 3, 25), APRIL_3]
    assert not date_notes(inv)  # the values settled it


def test_proof_of_the_month_first_wins_over_french(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "mixed.xlsx", ["03/25/2024", "03/04/2024"], language="fr-FR")
    assert pledge_dates(import_inventory(path)) == [dt.date(2024, 3, 25), MARCH_4]


def _unambiguous() -> st.SearchStrategy[dt.date]:
    """A date whose day/month order shows: its day is over 12, or equals its month."""
    days = st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31))
    return days.filter(lambda d: d.day > 12 or d.day == d.month)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    dates=st.lists(_unambiguous(), min_size=1, max_size=6),
    month_first=st.booleans(),
    language=st.sampled_from([None, "en-US", "fr-FR", "en-GB"]),
)
def test_unambiguous_dates_import_as_written_whatever_the_language(
    tmp_path: Path, dates: list[dt.date], month_first: bool, language: str | None
) -> None:
    pattern = "%m/%d/%Y" if month_first else "%d/%m/%Y"
    path = xlsx(tmp_path / "any.xlsx", [d.strftime(pattern) for d in dates], language=language)
    inv = import_inventory(path)
    assert pledge_dates(inv) == dates
    assert not date_notes(inv)


# --- the pieces --------------------------------------------------------------------------------


def test_locale_tags_are_read_in_any_spelling() -> None:
    assert locale_tag("en_us") == "en-US"
    assert locale_tag("EN-Latn-US") == "en-US"
    assert locale_tag("fr") == "fr"
    assert locale_tag("English") == ""


def test_the_declaration_reads_each_kind_of_part() -> None:
    core = b"<cp:coreProperties><dc:language>en-US</dc:language></cp:coreProperties>"
    assert declaration(core_xml=core).locale == "en-US"
    meta = b"<office:meta><dc:language>fr-CA</dc:language></office:meta>"
    assert declaration(meta_xml=meta, ods=True).locale == "fr-CA"
    styles = (
        b'<styleSheet><numFmts><numFmt numFmtId="164" formatCode="m/d/yyyy;@"/>'
        b'<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm:ss"/></numFmts>'
        b'<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>'
        b"</styleSheet>"
    )
    assert declaration(styles_xml=styles) == Declaration("", "m/d/yyyy;@", True)
    # Formats that disagree, or are not used by any cell style, say nothing.
    both = styles.replace(
        b'"165" formatCode="yyyy-mm-dd h:mm:ss"', b'"165" formatCode="dd/mm/yyyy"'
    )
    assert declaration(styles_xml=both).date_format == ""
    unused = styles.replace(b'<xf numFmtId="164"/>', b"")
    assert declaration(styles_xml=unused).date_format == ""


def test_the_order_falls_back_from_formats_to_language_to_headers() -> None:
    rules = DateRules(("en-US",), {"fr": frozenset({"quantite"}), "en": frozenset({"quantity"})})
    assert fallback_order(Declaration("fr-FR", "m/d/yyyy", True), [], rules).month_first
    assert fallback_order(Declaration("en-US"), [], rules).month_first
    assert not fallback_order(Declaration("en-GB"), [], rules).month_first
    by_headers = fallback_order(Declaration(), ["Quantité"], rules)
    assert (by_headers.basis, by_headers.detail, by_headers.month_first) == ("headers", "fr", False)
    assert fallback_order(Declaration(), ["Quantité", "Quantity"], rules).basis == "default"
