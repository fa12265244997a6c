"""Files from the field: workbooks written by other tools and other hands, in spellings the
common writers never use, and the resource traps they hide (see cases in field_cases.py)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import zipfile
from pathlib import Path

from . import build_corpus as B

MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_NS = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
FORMULA_ROWS = [[*B.FLEET_ROWS[0][:3], "=2*6", *B.FLEET_ROWS[0][4:]], *B.FLEET_ROWS[1:]]
FAR_ROW = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'


def prefixed(data: bytes, prefix: bytes = b"x", namespace: bytes = MAIN_NS) -> bytes:
    """The same sheet XML with every element of the main namespace under a prefix."""
    data = data.replace(b'xmlns="' + MAIN_NS + b'"', b"xmlns:" + prefix + b'="' + namespace + b'"')
    return re.sub(rb"<(/?)([A-Za-z][\w]*)(?=[\s/>])", rb"<\1" + prefix + rb":\2", data)


def single_quoted(data: bytes) -> bytes:
    """Every attribute in single quotes, with spaces around '='."""
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    return re.sub(rb'(\s[\w:]+)="([^"]*)"', rb"\1 = '\2'", body)


def _far(data: bytes) -> bytes:
    return B.replace_in(b"</sheetData>", FAR_ROW + b"</sheetData>")(data)


def g_prefixed_far_cell(p: Path) -> Path:
    src = B.fleet(p.with_suffix(".src.xlsx"))
    return B.patch(src, p, B.sheet1(lambda d: prefixed(_far(d))))


def g_single_quotes_far_cell(p: Path) -> Path:
    src = B.fleet(p.with_suffix(".src.xlsx"))
    return B.patch(src, p, B.sheet1(lambda d: single_quoted(_far(d))))


def g_reordered_far_cell(p: Path) -> Path:
    """Attributes in another order, a line break inside the tag: valid XML all the same."""
    far = b'<row spans="1:1"\n r="1048576"><c t="inlineStr"\n r="XFD1048576"><is><t>x</t></is></c></row>'
    src = B.fleet(p.with_suffix(".src.xlsx"))
    return B.patch(src, p, B.sheet1(B.replace_in(b"</sheetData>", far + b"</sheetData>")))


def g_part_name_case_far_cell(p: Path) -> Path:
    """The relationship names 'worksheets/Sheet1.xml', the part is 'xl/worksheets/sheet1.xml':
    the reader matches names regardless of case, so must the guard."""
    src = B.fleet(p.with_suffix(".src.xlsx"))
    rels = B.replace_in(b"worksheets/sheet1.xml", b"worksheets/Sheet1.xml")
    return B.patch(src, p, {"xl/worksheets/sheet1.xml": _far, "xl/_rels/workbook.xml.rels": rels})


def g_strict_prefixed_formula(p: Path) -> Path:
    """Strict OOXML namespace under a prefix, with a formula whose result was never saved."""
    src = B.fleet(p.with_suffix(".src.xlsx"), FORMULA_ROWS)
    return B.patch(src, p, B.sheet1(lambda d: prefixed(d, b"s", STRICT_NS)))


def g_prefixed_formula(p: Path) -> Path:
    src = B.fleet(p.with_suffix(".src.xlsx"), FORMULA_ROWS)
    return B.patch(src, p, B.sheet1(prefixed))


def g_prefixed_plain(p: Path) -> Path:
    src = B.fleet(p.with_suffix(".src.xlsx"))
    return B.patch(src, p, B.sheet1(lambda d: single_quoted(prefixed(d))))


def _biff12(rtype: int, body: bytes) -> bytes:
    """One .xlsb record: type and size in 7-bit groups, then the body."""

    def varint(n: int, most: int) -> bytes:
        out = bytearray()
        for _ in range(most):
            byte, n = n & 0x7F, n >> 7
            out.append(byte | (0x80 if n else 0))
            if not n:
                break
        return bytes(out)

    return varint(rtype, 2) + varint(len(body), 4) + body


def g_xlsb_far_cell(p: Path) -> Path:
    """A binary workbook whose sheet holds a cell at row 1,048,576, column 16,384."""
    row = _biff12(0x0000, struct.pack("<I", 1_048_575) + b"\0" * 13)
    cell = _biff12(0x0005, struct.pack("<IIHd", 16_383, 0, 0, 1.0)[:16])
    sheet = _biff12(0x0081, b"") + _biff12(0x0091, b"") + row + cell + _biff12(0x0092, b"")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("xl/workbook.bin", _biff12(0x0083, b"") + _biff12(0x0084, b""))
        zf.writestr("xl/worksheets/sheet1.bin", sheet)
    return p


def g_xls_far_cell(p: Path) -> Path:
    """The legacy fixture with its first data cell moved to IV65536 (bytes patched in place)."""
    data = bytearray((B.FIXTURES / "fleet.xls").read_bytes())
    # LABELSST record (0x00FD, 10 bytes) of row 2, column A.
    at = data.find(b"\xfd\x00\x0a\x00\x01\x00\x00\x00")
    assert at > 0
    data[at + 4 : at + 8] = b"\xff\xff\xff\x00"
    p.write_bytes(bytes(data))
    return p


def g_ods_ninety_million(p: Path) -> Path:
    """9,000 rows repeated with 10,000 cells each: 90 million cells, under the reader's own cap."""
    bomb = (
        b'<table:table-row table:number-rows-repeated="9000"><table:table-cell '
        b'table:number-columns-repeated="10000" office:value-type="float" office:value="1">'
        b"<text:p>1</text:p></table:table-cell></table:table-row></table:table>"
    )
    src = p.with_suffix(".src.ods")
    shutil.copyfile(B.FIXTURES / "fleet.ods", src)
    return B.patch(src, p, {"content.xml": B.replace_in(b"</table:table>", bomb)})


def g_cell_outside_its_row(p: Path) -> Path:
    """A cell whose reference (XFD1048576) disagrees with its row (row 2): not valid, so the
    guard measures the row, while the reader places the cell by its reference and asks for a
    grid of 17 billion cells. The reader's own limits turn that into a refusal."""
    src = B.fleet(p.with_suffix(".src.xlsx"))
    odd = b'<row r="5"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return B.patch(src, p, B.sheet1(B.replace_in(b"</sheetData>", odd + b"</sheetData>")))


# --- values that change meaning on the way ----------------------------------------------------

PLEDGE_HEADER = ["Partenaire", "Catégorie", "Marque", "Quantité", "Date prévue"]


def _pledges(p: Path, dates: list[object]) -> Path:
    rows = [["France", "Camion", "Renault", 1, d] for d in dates]
    return B.workbook(
        p, {"Parc": [B.FLEET_HEADER, *B.FLEET_ROWS], "Partenaires": [PLEDGE_HEADER, *rows]}
    )


def v_date_in_quantity(p: Path) -> Path:
    """Excel turned '6-40' typed in a quantity into 1 June 1940."""
    rows = [list(r) for r in B.FLEET_ROWS]
    rows[1][3] = dt.datetime(1940, 6, 1)
    return B.fleet(p, rows)


def v_year_in_date_column(p: Path) -> Path:
    return _pledges(p, [2015, 2024, 45292])


def v_number_in_date_column(p: Path) -> Path:
    return _pledges(p, [dt.datetime(2025, 3, 1), 500])


def v_month_first_dates(p: Path) -> Path:
    return _pledges(p, ["03/25/2024", "12/31/2024", "01/02/2025"])


def v_offer_year_date(p: Path) -> Path:
    head = [
        ["Donateur", "République de Démo"],
        ["Référence", "OFF-1"],
        ["Date de l'offre", 2025],
        [],
    ]
    return B.offer(p, head=head)


# --- names in every script --------------------------------------------------------------------


def s_other_scripts(p: Path) -> Path:
    rows = [
        ["Camion", "КамАЗ", "4310", 12, "", "", ""],
        ["Camion", "东风", "EQ2102", 8, "", "", ""],
        ["Camion", "مرسيدس", "أكتروس 3344", 3, "", "", ""],
        ["Camion", "Ural", "4320", 5, "", "", ""],
    ]
    return B.fleet(p, rows)


def s_placeholder_names(p: Path) -> Path:
    rows = [
        ["Camion", "-", "4320", 2, "", "", ""],
        ["Camion", "Renault", "?", 3, "", "", ""],
        ["Camion", "n/a", "Kerax", 4, "", "", ""],
        ["Camion", "Renault", "Kerax", 5, "", "", ""],
    ]
    return B.fleet(p, rows)


# --- CSV as people export it --------------------------------------------------------------------

CSV_ROWS = [B.FLEET_HEADER, *B.FLEET_ROWS]


def c_csv_long_field(p: Path) -> Path:
    """One 200 kB value (a pasted document) in the notes column."""
    rows = [list(r) for r in CSV_ROWS]
    rows[2][6] = "x" * 200_000
    return B.csv_file(p, B.csv_text(rows))


def c_csv_mixed_encoding(p: Path) -> Path:
    """A UTF-8 export with one line pasted from a Windows-1252 file."""
    good = B.csv_text([B.FLEET_HEADER, ["Véhicule léger", "Peugeot", "P4", 3, "", "", "ok"]])
    pasted = "Camion;Renault;GBC 180;2;;;Réformé été\r\n".encode("cp1252")
    p.write_bytes(good.encode("utf-8") + pasted)
    return p


def c_csv_utf16_no_bom(p: Path) -> Path:
    return B.csv_file(p, B.csv_text(CSV_ROWS, "\t"), "utf-16-le")


def c_csv_utf16be_no_bom(p: Path) -> Path:
    return B.csv_file(p, B.csv_text(CSV_ROWS, "\t"), "utf-16-be")


def c_csv_cyrillic_cp1251(p: Path) -> Path:
    header = ["Category", "Make", "Model", "Quantity", "Remarks"]
    rows = [
        header,
        ["Грузовик", "КамАЗ", "4310", 12, "Исправен"],
        ["Грузовик", "Урал", "4320", 3, ""],
    ]
    return B.csv_file(p, B.csv_text(rows), "cp1251")


def c_csv_title_line_then_wide(p: Path) -> Path:
    """A one-field title line, then 700 lines of 16,000 fields: 11 million cells the first line
    alone would not have counted."""
    p.write_bytes(b"Inventaire\r\n" + (b";" * 16_000 + b"x\r\n") * 700)
    return p
