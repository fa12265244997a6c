"""Know what a file is by its bytes, and refuse hostile containers before any parser sees them.

An .xlsx is a zip of XML parts. The declared sizes are checked first (cheap), then every part is
decompressed in chunks with a running cap, because declared sizes can lie. XML parts of a
spreadsheet never carry a DTD, so any <!DOCTYPE or <!ENTITY is refused outright: that removes
entity-expansion bombs and external entities whatever the parser underneath.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Protocol

from ..errors import InputRejected
from ..model import Place
from ..outputs import check_input_file
from .dateorder import Declaration, declaration
from .encoding import looks_like_utf16
from .extents import OdsExtent, XlsbExtent, xls_extents
from .ole import read_stream
from .xmlscan import (
    MAX_ROWS,
    MAX_SHEET_CELLS,
    SheetFacts,
    SheetScanner,
    padded_styles,
    part_key,
    sheet_parts,
)


class FileKind(StrEnum):
    XLSX = "xlsx"  # also .xlsm / .xlsb zips: calamine reads them
    XLS = "xls"  # legacy BIFF workbook (OLE container)
    ODS = "ods"
    CSV = "csv"


@dataclass(frozen=True)
class ZipCaps:
    max_entries: int = 5_000
    max_part_bytes: int = 400 * 1024 * 1024
    max_total_bytes: int = 1024 * 1024 * 1024
    # A part above this size that inflates more than max_ratio times is treated as a bomb;
    # ratio alone would reject legitimate highly compressible styles.xml parts.
    ratio_min_bytes: int = 20 * 1024 * 1024
    max_ratio: float = 200.0


DEFAULT_CAPS = ZipCaps()
# Small parts read whole (after the same checks) to interpret the sheets: styles, sheet names.
_META_PARTS = ("xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels")
_META_LIMIT = 16 * 1024 * 1024
# Small parts where a workbook declares its language (dateorder.py), kept as they pass.
_LANGUAGE_PARTS = {
    FileKind.XLSX: ("docprops/core.xml",),
    FileKind.ODS: ("styles.xml", "meta.xml"),
}


@dataclass(frozen=True)
class Inspection:
    """A file's kind and, for .xlsx, what the guard pass learned about each sheet (by name)."""

    kind: FileKind
    sheets: Mapping[str, SheetFacts] = field(default_factory=dict)
    ignored: tuple[str, ...] = ()  # "macros", "external_links", "connections": never run
    hidden: tuple[str, ...] = ()  # hidden sheets, left unread (filled in by the reader)
    sha256: str = ""  # of the whole file, when the importer's guard thread has computed it
    declared: Declaration = field(default_factory=Declaration)  # language, date formats


_IGNORED = (
    ("macros", ("vbaProject.bin", "vbaProjectSignature.bin")),
    ("external_links", ("xl/externalLinks/",)),
    ("connections", ("xl/connections.xml", "xl/queryTables/")),
)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 20
# Compressed bytes are fed in small pieces so the inflation ratio is measured as it grows.
_IN_CHUNK = 64 << 10


def _reject(
    path: Path, reason: str, en: str, fr: str, hint: str = "", hint_fr: str = ""
) -> InputRejected:
    return InputRejected(en, fr, hint=hint, hint_fr=hint_fr, place=Place(path.name), reason=reason)


class PartListener(Protocol):
    """Told as the guard lets parts of a workbook through (see clearance.py)."""

    def set_kind(self, kind: FileKind) -> None: ...
    def clear_workbook(self) -> None: ...
    def clear_sheet(self, name: str, facts: SheetFacts) -> None: ...


def sniff(path: Path, caps: ZipCaps = DEFAULT_CAPS) -> FileKind:
    """Classify a file by its content and run the container guards. Raises InputRejected."""
    return inspect(path, caps).kind


def inspect(
    path: Path, caps: ZipCaps = DEFAULT_CAPS, listener: PartListener | None = None
) -> Inspection:
    """sniff() plus the per-sheet facts of an .xlsx (formulas without a saved value, error
    cells, codes shown with leading zeros, real extent). Raises InputRejected.

    An .xlsx's workbook-level parts are checked before its worksheets; `listener` hears when
    they have all passed, then as each worksheet passes."""
    check_input_file(path)  # a named pipe would block the open below for ever
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except FileNotFoundError as exc:
        raise _reject(
            path,
            "not_found",
            "The file does not exist.",
            "Le fichier n'existe pas.",
            "Check the path.",
            "Vérifiez le chemin.",
        ) from exc
    except IsADirectoryError as exc:
        raise _reject(
            path,
            "is_directory",
            "This is a folder, not a file.",
            "Ceci est un dossier, pas un fichier.",
        ) from exc
    except OSError as exc:
        raise _reject(
            path,
            "unreadable",
            f"The file cannot be read ({exc.strerror}).",
            f"Le fichier ne peut pas être lu ({exc.strerror}).",
            "Check that it is not open in another program and that you may read it.",
            "Vérifiez qu'il n'est pas ouvert ailleurs et que vous avez le droit de le lire.",
        ) from exc
    if size == 0:
        raise _reject(
            path,
            "empty_file",
            "The file is empty (0 bytes).",
            "Le fichier est vide (0 octet).",
            "Export the workbook again.",
            "Exportez de nouveau le classeur.",
        )
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _check_zip(path, caps, listener)
    if head.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in head or _ole_has_encrypted_package(path):
            raise _reject(
                path,
                "encrypted",
                "The workbook is protected by a password (encrypted).",
                "Le classeur est protégé par un mot de passe (chiffré).",
                "Open it in Excel, remove the password (File > Info > Protect workbook) and save a copy.",
                "Ouvrez-le dans Excel, retirez le mot de passe (Fichier > Informations > Protéger le "
                "classeur) et enregistrez une copie.",
            )
        _check_xls_extent(path)
        return Inspection(FileKind.XLS)
    if head.startswith(b"%PDF"):
        raise _reject(
            path,
            "pdf",
            "This is a PDF document, not a spreadsheet.",
            "Ceci est un document PDF, pas un tableur.",
            "Ask for the Excel (.xlsx) or CSV version of the table.",
            "Demandez la version Excel (.xlsx) ou CSV du tableau.",
        )
    lowered = head[:2048].lower().lstrip()
    if lowered.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        raise _reject(
            path,
            "html_or_xml",
            "This file is a web page or XML export, not a workbook.",
            "Ce fichier est une page web ou un export XML, pas un classeur.",
            "Open it in Excel and save it as .xlsx.",
            "Ouvrez-le dans Excel et enregistrez-le au format .xlsx.",
        )
    if (
        b"\x00" in head
        and not head.startswith((b"\xff\xfe", b"\xfe\xff"))
        and looks_like_utf16(head) is None
    ):
        raise _reject(
            path,
            "binary",
            "The file is not a spreadsheet (binary content of an unknown type).",
            "Le fichier n'est pas un tableur (contenu binaire de type inconnu).",
            "Save the table as .xlsx or .csv.",
            "Enregistrez le tableau en .xlsx ou .csv.",
        )
    if path.suffix.lower() in _WORKBOOK_SUFFIXES and not _reads_as_table(head):
        raise _reject(
            path,
            "text_named_as_workbook",
            f"The file is named {path.suffix} but holds plain text, not a workbook.",
            f"Le fichier porte l'extension {path.suffix} mais contient du texte brut, pas un "
            "classeur.",
            "If it is a table saved as text (CSV), rename it with the .csv extension and open "
            "it again; otherwise ask for the workbook itself.",
            "S'il s'agit d'un tableau enregistré en texte (CSV), renommez-le avec l'extension "
            ".csv et ouvrez-le de nouveau ; sinon, demandez le classeur lui-même.",
        )
    return Inspection(FileKind.CSV)


# A text file under one of these names was renamed or mislabelled: Excel itself warns that its
# content and its extension do not match. A delimited table (a CSV export named .xls, common
# from web systems) is read by its content; any other text is refused as not a workbook.
_WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".xltx", ".xltm", ".ods"})
_DELIMITERS = (",", ";", "\t", "|")


def _reads_as_table(head: bytes) -> bool:
    """Whether the start of a text file is a delimited table: its first lines split into the
    same number (two or more) of fields on one delimiter."""
    encoding = (
        "utf-16"
        if looks_like_utf16(head) or head.startswith((b"\xff\xfe", b"\xfe\xff"))
        else "utf-8"
    )
    text = head.decode(encoding, errors="replace")
    lines = [line for line in text.splitlines()[:21] if line.strip()][:20]
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line may be cut by the sample
    if len(lines) < 2:
        return False
    for delimiter in _DELIMITERS:
        counts = [line.count(delimiter) for line in lines]
        common = max(set(counts), key=counts.count)
        if common >= 1 and counts.count(common) >= 0.8 * len(counts):
            return True
    return False


def _check_xls_extent(path: Path) -> None:
    """Refuse a legacy workbook whose sheets span more cells than the cap, before the reader
    builds their grids (a cell at IV65536 alone makes a grid of 16 million cells)."""
    with open(path, "rb") as fh:
        stream = read_stream(fh.read(), ("Workbook", "Book"))
    for facts in xls_extents(stream or b""):
        _check_extent(facts, facts.part, path)


def _ole_has_encrypted_package(path: Path) -> bool:
    # The directory sector of a small encrypted file sits within the first few hundred KB.
    with open(path, "rb") as fh:
        data = fh.read(1 << 20)
    return (
        "EncryptedPackage".encode("utf-16-le") in data
        or "EncryptionInfo".encode("utf-16-le") in data
    )


def _check_zip(path: Path, caps: ZipCaps, listener: PartListener | None = None) -> Inspection:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _reject(
            path,
            "corrupt_zip",
            "The workbook is damaged (its zip container cannot be read).",
            "Le classeur est endommagé (son conteneur zip est illisible).",
            "Open it in Excel or LibreOffice, let it repair the file and save a copy.",
            "Ouvrez-le dans Excel ou LibreOffice, laissez-le réparer et enregistrez une copie.",
        ) from exc
    archive_size = path.stat().st_size
    with zf:
        infos = zf.infolist()
        if len(infos) > caps.max_entries:
            raise _bomb(
                path,
                f"{len(infos)} parts (limit {caps.max_entries})",
                f"{len(infos)} parties (limite {caps.max_entries})",
            )
        declared = 0
        for info in infos:
            if _impossible_size(info, archive_size):
                raise _reject(
                    path,
                    "corrupt_zip",
                    f"The workbook is damaged (part {info.filename} has impossible sizes).",
                    f"Le classeur est endommagé (la partie {info.filename} a des tailles "
                    "impossibles).",
                    "Open it in Excel or LibreOffice, let it repair the file and save a copy.",
                    "Ouvrez-le dans Excel ou LibreOffice, laissez-le réparer et enregistrez une "
                    "copie.",
                )
            declared += info.file_size
            if info.file_size > caps.max_part_bytes or declared > caps.max_total_bytes:
                raise _bomb(
                    path,
                    f"part {info.filename} declares {info.file_size:,} bytes",
                    f"la partie {info.filename} annonce {info.file_size:,} octets",
                )
            if info.flag_bits & 0x1:
                raise _reject(
                    path,
                    "encrypted",
                    "The workbook is encrypted.",
                    "Le classeur est chiffré.",
                    "Save an unencrypted copy.",
                    "Enregistrez une copie non chiffrée.",
                )
        names = {i.filename for i in infos}
        kind = _zip_kind(zf, names, path)
        if listener is not None:
            listener.set_kind(kind)
        # Metadata parts first, so the sheet scans know the styles and the sheet names; then
        # the other workbook-level parts, so a reader may open the file; the worksheets last.
        # Names are compared as the cell reader looks them up (case and slashes ignored).
        meta: dict[str, bytearray] = {}
        total = 0
        for info in infos:
            key = part_key(info.filename)
            if key in _META_PARTS:
                keep = kind is FileKind.XLSX and info.file_size <= _META_LIMIT
                store: Callable[[bytes], None] | None = (
                    meta.setdefault(key, bytearray()).extend if keep else None
                )
                total += _inflate_checked(zf, info, path, caps, caps.max_total_bytes - total, store)
        parts: dict[str, str] = {}  # worksheet part key -> sheet name
        padded: dict[int, int] = {}
        if kind is FileKind.XLSX:
            parts = sheet_parts(
                bytes(meta.get("xl/workbook.xml", b"")),
                bytes(meta.get("xl/_rels/workbook.xml.rels", b"")),
            )
            padded = padded_styles(bytes(meta.get("xl/styles.xml", b"")))
        rest = [i for i in infos if part_key(i.filename) not in _META_PARTS]
        said = _LANGUAGE_PARTS.get(kind, ())
        for info in [i for i in rest if part_key(i.filename) not in parts]:
            # Every other part that could hold cells has its extent measured too, so a sheet
            # the reader would find under another name is bounded all the same.
            sink, close = _extent_probe(info.filename, kind, padded, path)
            if part_key(info.filename) in said and info.file_size <= _META_LIMIT:
                sink = _kept(meta.setdefault(part_key(info.filename), bytearray()), sink)
            total += _inflate_checked(zf, info, path, caps, caps.max_total_bytes - total, sink)
            close()
        if listener is not None:
            listener.clear_workbook()
        sheets: dict[str, SheetFacts] = {}
        for info in [i for i in rest if part_key(i.filename) in parts]:
            sheet = parts[part_key(info.filename)]
            scanner = SheetScanner(info.filename, padded)
            sink = _guarded_sink(scanner, sheet, path)
            total += _inflate_checked(zf, info, path, caps, caps.max_total_bytes - total, sink)
            facts = scanner.close()
            _check_extent(facts, sheet, path)
            sheets[sheet] = facts
            if listener is not None:
                listener.clear_sheet(sheet, facts)
    ignored = tuple(label for label, marks in _IGNORED if any(m in n for n in names for m in marks))
    return Inspection(kind, sheets, ignored, declared=_declared(kind, meta))


def _declared(kind: FileKind, meta: Mapping[str, bytearray]) -> Declaration:
    ods = kind is FileKind.ODS
    styles = meta.get("styles.xml" if ods else "xl/styles.xml", b"")
    return declaration(
        bytes(meta.get("docprops/core.xml", b"")),
        bytes(styles),
        bytes(meta.get("meta.xml", b"")),
        ods=ods,
    )


def _kept(store: bytearray, sink: Callable[[bytes], None] | None) -> Callable[[bytes], None]:
    """A sink that also keeps the part's bytes."""

    def feed(data: bytes) -> None:
        store.extend(data)
        if sink is not None:
            sink(data)

    return feed


def _extent_probe(
    name: str, kind: FileKind, padded: dict[int, int], path: Path
) -> tuple[Callable[[bytes], None] | None, Callable[[], None]]:
    """A sink measuring the cell extent of a part that is not a known worksheet: any XML part of
    an .xlsx, the binary sheets of an .xlsb, the content of an .ods."""
    key = part_key(name)
    label = PurePosixPath(name).stem
    if kind is FileKind.ODS and key == "content.xml":
        ods = OdsExtent(name)

        def feed_ods(data: bytes) -> None:
            ods.feed(data)
            _check_extent(ods.facts, ods.table, path)

        return feed_ods, lambda: _check_extent(ods.close(), ods.table, path)
    if kind is FileKind.XLSX and key.endswith(".bin") and "worksheets/" in key:
        xlsb = XlsbExtent(name)
        return _checked(xlsb.feed, xlsb.facts, label, path), lambda: None
    if kind is FileKind.XLSX and key.endswith(".xml"):
        scanner = SheetScanner(name, padded)
        sink = _guarded_sink(scanner, label, path)
        # Most such parts (shared strings, styles, themes) hold no row at all: they are only
        # looked through for one ("<" in text is always escaped), and scanned from there on.
        tail = b""
        started = False

        def lazy(data: bytes) -> None:
            nonlocal tail, started
            if not started:
                probe = tail + data
                if b"<row" not in probe and b":row" not in probe:
                    tail = data[-64:]
                    return
                started, data = True, probe
            sink(data)

        return lazy, lambda: _check_extent(scanner.close(), label, path)
    return None, lambda: None


def _checked(
    feed: Callable[[bytes], None], facts: SheetFacts, sheet: str, path: Path
) -> Callable[[bytes], None]:
    def sink(data: bytes) -> None:
        feed(data)
        _check_extent(facts, sheet, path)

    return sink


def _guarded_sink(scanner: SheetScanner, sheet: str, path: Path) -> Callable[[bytes], None]:
    def feed(data: bytes) -> None:
        scanner.feed(data)
        _check_extent(scanner.facts, sheet, path)

    return feed


def _check_extent(facts: SheetFacts, sheet: str, path: Path) -> None:
    """Refuse a sheet whose cell grid would not fit in memory before the reader allocates it."""
    if facts.rows <= MAX_ROWS and facts.area <= MAX_SHEET_CELLS:
        return
    size = f"{facts.rows:,} × {max(facts.columns, 1):,}"
    raise InputRejected(
        f"The sheet is too large to import: it spans {size} rows × columns (over "
        f"{MAX_SHEET_CELLS:,} cells), often because of stray cells far below or right of the "
        "table.",
        f"La feuille est trop grande pour être importée : elle couvre {size} lignes × colonnes "
        f"(plus de {MAX_SHEET_CELLS:,} cellules), souvent à cause de cellules isolées loin sous "
        "le tableau ou à sa droite.",
        hint="Delete the rows and columns beyond the table (Ctrl+End shows the last used cell) "
        "or split the file, then import again.",
        hint_fr="Supprimez les lignes et colonnes au-delà du tableau (Ctrl+Fin montre la "
        "dernière cellule utilisée) ou scindez le fichier, puis importez de nouveau.",
        place=Place(path.name, sheet),
        reason="sheet_too_large",
    )


def _impossible_size(info: zipfile.ZipInfo, archive_size: int) -> bool:
    """Sizes no compressor can produce: DEFLATE expands at most about 1032 times, a stored part
    is as large as its data, no part is larger than the archive. Such an entry is damaged, not a
    bomb."""
    if info.compress_size > archive_size:
        return True
    if info.compress_type == zipfile.ZIP_STORED:
        return info.file_size != info.compress_size
    return info.file_size > info.compress_size * 1100 + 4096


def _zip_kind(zf: zipfile.ZipFile, names: set[str], path: Path) -> FileKind:
    if "mimetype" in names:
        mime = zf.read("mimetype")[:100]
        if b"opendocument.spreadsheet" in mime:
            return FileKind.ODS
        raise _reject(
            path,
            "not_spreadsheet",
            "This is an OpenDocument file but not a spreadsheet.",
            "Ceci est un document OpenDocument mais pas un tableur.",
            "Save the table as .xlsx or .ods.",
            "Enregistrez le tableau en .xlsx ou .ods.",
        )
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        if not any(n.startswith("xl/workbook.") for n in names):
            raise _reject(
                path,
                "corrupt_zip",
                "The workbook is damaged (its xl/workbook part is missing).",
                "Le classeur est endommagé (sa partie xl/workbook manque).",
                "Open it in Excel or LibreOffice, let it repair the file and save a copy.",
                "Ouvrez-le dans Excel ou LibreOffice, laissez-le réparer et enregistrez une copie.",
            )
        return FileKind.XLSX
    if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        raise _reject(
            path,
            "word_document",
            "This is a Word document, not a workbook.",
            "Ceci est un document Word, pas un classeur.",
            "Copy the table into Excel and save it as .xlsx.",
            "Copiez le tableau dans Excel et enregistrez-le en .xlsx.",
        )
    raise _reject(
        path,
        "not_xlsx",
        "This zip file is not an Excel workbook.",
        "Ce fichier zip n'est pas un classeur Excel.",
        "Choose the .xlsx file itself, not an archive that contains it.",
        "Choisissez le fichier .xlsx lui-même, pas une archive qui le contient.",
    )


def _inflate_checked(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    path: Path,
    caps: ZipCaps,
    budget: int,
    sink: Callable[[bytes], None] | None = None,
) -> int:
    """Inflate one part from its raw bytes in chunks and return its real size.

    zipfile.ZipExtFile stops at the *declared* size, while other readers (calamine) inflate the
    whole stream, so the raw deflate stream itself is measured here, holding one chunk at a time.
    """
    limit = min(caps.max_part_bytes, budget)
    is_xml = info.filename.endswith((".xml", ".rels", ".vml"))
    damaged = _reject(
        path,
        "corrupt_zip",
        f"The workbook is damaged (part {info.filename} is unreadable).",
        f"Le classeur est endommagé (la partie {info.filename} est illisible).",
        "Open it in Excel or LibreOffice, let it repair the file and save a copy.",
        "Ouvrez-le dans Excel ou LibreOffice, laissez-le réparer et enregistrez une copie.",
    )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise damaged
    fh = zf.fp
    if fh is None:
        raise damaged
    fh.seek(info.header_offset)
    local = fh.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise damaged
    name_len = int.from_bytes(local[26:28], "little")
    extra_len = int.from_bytes(local[28:30], "little")
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    remaining = info.compress_size
    seen = 0
    prolog = is_xml  # a DOCTYPE can only come before the root element
    tail = b""
    try:
        while remaining > 0 or (inflater is not None and inflater.unconsumed_tail):
            if inflater is not None and inflater.unconsumed_tail:
                data = inflater.unconsumed_tail
            else:
                data = fh.read(min(_IN_CHUNK, remaining))
                if not data:
                    raise damaged
                remaining -= len(data)
            out = inflater.decompress(data, _CHUNK) if inflater is not None else data
            if prolog and out:
                prolog, tail = _probe_prolog(tail + out, path, info.filename)
            seen += len(out)
            if sink is not None and out:
                sink(out)
            if seen > info.file_size:
                # More bytes than the entry declares: forged sizes, stop now.
                raise _bomb(
                    path,
                    f"part {info.filename} declares {info.file_size:,} bytes but holds more",
                    f"la partie {info.filename} annonce {info.file_size:,} octets mais en "
                    "contient davantage",
                )
            if seen > limit:
                raise _bomb(
                    path,
                    f"part {info.filename} inflates beyond {limit:,} bytes",
                    f"la partie {info.filename} dépasse {limit:,} octets une fois décompressée",
                )
            consumed = info.compress_size - remaining
            if seen > caps.ratio_min_bytes and consumed and seen / consumed > caps.max_ratio:
                raise _bomb(
                    path,
                    f"part {info.filename} inflates more than {caps.max_ratio:.0f}×",
                    f"la partie {info.filename} se décompresse plus de {caps.max_ratio:.0f} fois",
                )
    except zlib.error as exc:
        raise damaged from exc
    if seen != info.file_size:
        # A part whose real size differs from its declared size is damaged or forged.
        raise _bomb(
            path,
            f"part {info.filename} declares {info.file_size:,} bytes but holds {seen:,}",
            f"la partie {info.filename} annonce {info.file_size:,} octets mais en contient {seen:,}",
        )
    return seen


_ROOT = re.compile(rb"<[A-Za-z_]")
_COMMENT = re.compile(rb"<!--.*?-->", re.S)


def _probe_prolog(data: bytes, path: Path, part: str) -> tuple[bool, bytes]:
    """Look for a DTD in the XML prolog (comments skipped). Returns (still in the prolog, the
    last bytes to prepend to the next chunk so a split keyword is still seen)."""
    probe = _COMMENT.sub(b"", data.replace(b"\x00", b""))
    root = _ROOT.search(probe)
    _refuse_dtd(probe[: root.start()] if root else probe, path, part)
    return root is None, data[-32:]


def _refuse_dtd(head: bytes, path: Path, part: str) -> None:
    probe = head.upper()
    if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
        raise _reject(
            path,
            "xml_entities",
            f"The workbook part {part} declares XML entities, which spreadsheets never need "
            "(a known attack).",
            f"La partie {part} du classeur déclare des entités XML, ce qu'un tableur ne fait "
            "jamais (attaque connue).",
            "Do not use this file; ask the sender for a clean export.",
            "N'utilisez pas ce fichier ; demandez un export propre à l'expéditeur.",
        )


def _bomb(path: Path, detail_en: str, detail_fr: str) -> InputRejected:
    return _reject(
        path,
        "zip_bomb",
        f"The workbook is abnormally large once decompressed ({detail_en}); it was not opened.",
        f"Le classeur est anormalement volumineux une fois décompressé ({detail_fr}) ; "
        "il n'a pas été ouvert.",
        "If the file is genuine, split it or export the table as CSV.",
        "Si le fichier est authentique, scindez-le ou exportez le tableau en CSV.",
    )
