"""Properties that hold for any input (hypothesis), not only for the corpus.

CI runs a bounded number of examples per property. The long run (at least 10,000 examples per
property, see docs/robustness.md):

    DC_PROPERTY_EXAMPLES=10000 python -m pytest tests/core/test_properties.py -p no:cacheprovider

Cells are written with openpyxl, which cannot hold some strings Excel would escape: characters
that XML 1.0 forbids, a carriage return (XML turns CR LF into LF) and text of the form _xHHHH_
(an OOXML escape, decoded by every reader). Those are left out of the generated codes; the
importer's handling of them is covered by the corpus.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from donation_checker.csv_export import FORMULA_STARTS, neutralise_formula, write_table_csv
from donation_checker.engine import assess
from donation_checker.errors import InputRejected
from donation_checker.importer import import_inventory, import_offer
from donation_checker.model import Inventory, Offer, OfferHeader, OfferLine, Table
from donation_checker.report import build_pdf_bytes, export_xlsx
from donation_checker.report.safe_text import cell_text
from donation_checker.report.xlsx_export import put
from donation_checker.ruleset import RuleSet, load_ruleset

ROOT = Path(__file__).parents[2]
_LONG = os.environ.get("DC_PROPERTY_EXAMPLES")


def examples(ci: int) -> int:
    return int(_LONG) if _LONG else ci


def options(ci: int) -> settings:
    return settings(
        max_examples=examples(ci),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


# Characters openpyxl refuses (XML 1.0) plus the non-characters U+FFFE/U+FFFF.
_XML_ILLEGAL = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
_X_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_writable = st.characters(
    blacklist_categories=("Cs",), blacklist_characters=_XML_ILLEGAL + "\r\ufffe\uffff"
)
cell_texts = st.text(_writable, max_size=40).filter(lambda s: not _X_ESCAPE.search(s))
TRAPS = [
    "NA",
    "None",
    "NULL",
    "N/A",
    "nan",
    "#N/A",
    "Total",
    "TOTAL général",
    "=1+1",
    "=SUM(A1:A9)",
    "@unité",
    "-",
    "+33",
    "0123456789012",
    "1 200",
    "12,5",
    "31/02/2024",
    "Quantité",
    "Marque",
    "\u200b",
    "e\u0301",
    "مركبة",
    "🚚",
]
HEADER_WORDS = ["Catégorie", "Marque", "Modèle", "Quantité", "NSN", "N° de série", "Année", "Notes"]
cells = st.one_of(
    st.none(),
    cell_texts,
    st.sampled_from(TRAPS),
    st.integers(-(10**16), 10**16),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9999, 12, 31)),
    st.dates(min_value=dt.date(1900, 1, 1)),
    st.booleans(),
)
header_rows = st.one_of(
    st.lists(st.sampled_from(HEADER_WORDS), min_size=1, max_size=8),
    st.lists(cells, max_size=8),
)
grids = st.tuples(
    st.lists(st.lists(cells, max_size=6), max_size=3),  # above the header: titles, blanks
    header_rows,
    st.lists(st.lists(cells, max_size=9), max_size=12),
)


def _write_xlsx(path: Path, rows: list[list[object]], epoch_1904: bool) -> None:
    wb = openpyxl.Workbook()
    if epoch_1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)  # "=..." text becomes a formula, on purpose
    wb.save(path)


def _write_csv(path: Path, rows: list[list[object]], encoding: str, sep: str) -> None:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))


@options(ci=60)
@given(
    grid=grids,
    importer=st.sampled_from([import_inventory, import_offer]),
    form=st.sampled_from(["xlsx", "xlsx-1904", "csv-utf8", "csv-cp1252", "csv-utf16"]),
    sep=st.sampled_from([";", ",", "\t"]),
)
def test_any_table_is_imported_or_rejected_by_name(
    grid: tuple[list[list[object]], list[object], list[list[object]]],
    importer: object,
    form: str,
    sep: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    above, header, body = grid
    rows = [*above, header, *body]
    folder = tmp_path_factory.mktemp("table")
    if form.startswith("xlsx"):
        path = folder / "table.xlsx"
        _write_xlsx(path, rows, form.endswith("1904"))
    else:
        path = folder / "table.csv"
        encoding = {"csv-utf8": "utf-8", "csv-cp1252": "cp1252", "csv-utf16": "utf-16"}[form]
        _write_csv(path, rows, encoding, sep)
    try:
        result = importer(path)  # type: ignore[operator]
    except InputRejected as exc:
        assert exc.reason and exc.message and exc.message_fr
        return
    for table in result.report.tables:
        assert table.is_balanced


_code_chars = st.characters(
    blacklist_categories=("Cs",), blacklist_characters=_XML_ILLEGAL + "\r\ufffe\uffff"
)
codes = st.one_of(
    st.text(_code_chars, min_size=1, max_size=30).filter(
        lambda s: s.strip() == s and bool(s) and not _X_ESCAPE.search(s)
    ),
    st.from_regex(r"\A[0-9]{13}\Z"),
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{3}-[0-9]{4}\Z"),
    st.sampled_from(TRAPS[:16]),
)


@options(ci=40)
@given(
    nsns=st.lists(codes, min_size=1, max_size=12), serials=st.lists(codes, min_size=12, max_size=12)
)
@example(nsns=["NA", "None", "0123456789012", "=A1"], serials=["NULL"] * 12)
def test_any_code_string_round_trips_exactly(
    nsns: list[str], serials: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("codes")
    path = folder / "codes.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Catégorie", "Marque", "Modèle", "Quantité", "NSN", "N° de série"])
    for i, nsn in enumerate(nsns, start=2):
        ws.append(["Camion", "Renault", "GBC 180", 1])
        for col, code in (("E", nsn), (("F", serials[i - 2]))):
            ws[f"{col}{i}"].value = code
            ws[f"{col}{i}"].data_type = "s"  # text cells, "=..." included
    wb.save(path)
    inventory = import_inventory(path)
    frame = inventory.fleet.frame
    assert list(frame["nsn"]) == nsns
    assert list(frame["serial"]) == serials[: len(nsns)]
    assert not any(k.startswith(("nsn:", "serial:")) for k in inventory.report.tables[0].normalised)

    exported = folder / "fleet.csv"
    write_table_csv(inventory.fleet, exported)
    rows = list(csv.DictReader(io.StringIO(exported.read_bytes().decode("utf-8-sig"), newline="")))
    assert [r["nsn"] for r in rows] == [neutralise_formula(c) for c in nsns]


@options(ci=150)
@given(text=st.one_of(st.text(), st.sampled_from(TRAPS), st.text().map(lambda s: "=" + s)))
@example(text='=WEBSERVICE("http://127.0.0.1:9/?"&A1)')
@example(text="\t=1+1")
@example(text="\x00=1")
def test_no_exported_string_becomes_a_formula(
    text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("export")
    table = Table("fleet", pd.DataFrame({"notes": [text], "_row": [2], "_sheet": ["Parc"]}))
    target = folder / "out.csv"
    write_table_csv(table, target)
    field = next(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"), newline="")))
    assert not field["notes"].startswith(FORMULA_STARTS)
    assert field["notes"].removeprefix("'") == text or not text.startswith(FORMULA_STARTS)

    wb = openpyxl.Workbook()
    put(wb.active, 1, 1, text)
    xlsx = folder / "out.xlsx"
    wb.save(xlsx)
    with zipfile.ZipFile(xlsx) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")
    cell = openpyxl.load_workbook(xlsx).active["A1"]
    assert cell.data_type == "s" or cell.value is None
    assert (cell.value or "") == cell_text(text)


HOSTILE = [
    "<font color=\"[[[getattr(pow, Word('__globals__'))]]]\">x</font>",
    '<img src="/etc/passwd"/>',
    "<img src='http://127.0.0.1:9/x.png'/>",
    "S&P 500",
    "0.1 <A <0.9",
    "<b>gras</b> & <i>",
    "&amp; &#9731; &nbsp; &bogus;",
    "<para><a href='file:///etc/passwd'>lien</a></para>",
    "\x00\x01\x0b\x1b[31m",
    "\u202eRTL \u202d مركبة عسكرية",
    "🚑🚚🇲🇱",
    "汉字 キ",
    "a" * 600,
    "mot " * 150,
    "]]>",
    "%PDF-1.7",
    "\ud800",
]
# At most 600 characters per value: longer makes and models overflow a page (the xfail below).
hostile_texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=300),
    st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=4).map(lambda p: "".join(p)[:600]),
)


@pytest.fixture(scope="module")
def inventory() -> Inventory:
    return import_inventory(ROOT / "sample_inventories" / "inventaire_fama_2025.xlsx")


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_ruleset()


class _Opens:
    """sys.addaudithook cannot be removed: the hook stays and records only while active."""

    active = False
    opened: list[str] = []  # noqa: RUF012
    installed = False

    @classmethod
    def hook(cls, event: str, args: tuple[object, ...]) -> None:
        if cls.active and event == "open":
            cls.opened.append(str(args[0]))

    @classmethod
    def install(cls) -> None:
        if not cls.installed:
            sys.addaudithook(cls.hook)
            cls.installed = True


FONTS = (ROOT / "donation_checker" / "report" / "fonts").resolve()


def _offer(texts: list[str], quantity: int) -> Offer:
    a, b, c, d, e, f = texts
    header = OfferHeader(donor=a, reference=b, recipient=c, notes=d, transport_paid_by=e)
    line = OfferLine(
        category=c, make=a, model=b, quantity=quantity, notes=d, fuel=e, location=f, variant=f
    )
    known = OfferLine(category="Camion", make="Renault", model=f, quantity=quantity, notes=a)
    return Offer(header, (line, known))


@pytest.fixture(scope="module")
def warmed(inventory: Inventory, rules: RuleSet) -> None:
    """One build first: reportlab imports some modules lazily (files opened on purpose)."""
    offer = _offer(["x"] * 6, 1)
    build_pdf_bytes(assess(inventory, offer, rules))
    _Opens.install()


@options(ci=25)
@given(
    texts=st.lists(hostile_texts, min_size=6, max_size=6),
    quantity=st.integers(1, 500),
    lang=st.sampled_from(["en", "fr"]),
    share=st.booleans(),
)
def test_any_offer_text_builds_a_pdf_and_opens_no_file(
    texts: list[str],
    quantity: int,
    lang: str,
    share: bool,
    inventory: Inventory,
    rules: RuleSet,
    warmed: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    assessment = assess(inventory, _offer(texts, quantity), rules)
    _Opens.opened.clear()
    _Opens.active = True
    try:
        pdf = build_pdf_bytes(assessment, lang=lang, share=share)
    finally:
        _Opens.active = False
    assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-32:]
    # Only the application's own fonts (and lazily imported Python modules, e.g. a codec) may
    # be read while the report is built: never a path or URL taken from the offer.
    outside = [
        p
        for p in _Opens.opened
        if Path(p).resolve().parent != FONTS and not p.endswith((".py", ".pyc"))
    ]
    assert outside == []

    target = tmp_path_factory.mktemp("xlsx") / "export.xlsx"
    export_xlsx(assessment, target, lang=lang, share=share)
    with zipfile.ZipFile(target) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name), name


@pytest.mark.parametrize("model", ["A" * 2000, "mot " * 500])
def test_a_very_long_model_name_still_builds_a_pdf(
    model: str, inventory: Inventory, rules: RuleSet
) -> None:
    line = OfferLine(category="Camion", make="Renault", model=model, quantity=2)
    assessment = assess(inventory, Offer(OfferHeader(), (line,)), rules)
    assert build_pdf_bytes(assessment).startswith(b"%PDF")


@pytest.mark.parametrize("text", ["D" * 3000, "nom " * 800])
def test_a_very_long_donor_and_reference_still_build_a_pdf(
    text: str, inventory: Inventory, rules: RuleSet
) -> None:
    line = OfferLine(category="Camion", make="Renault", model="Kerax", quantity=2)
    header = OfferHeader(donor=text, reference=text, notes=text)
    assessment = assess(inventory, Offer(header, (line,)), rules)
    assert build_pdf_bytes(assessment, share=True).startswith(b"%PDF")
    assert build_pdf_bytes(assessment).startswith(b"%PDF")
