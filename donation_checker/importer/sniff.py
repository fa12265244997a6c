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
from ..messages import Message, Part, count, msg
from ..model import Place
from ..outputs import check_input_file
from . import texts
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


def _reject(path: Path, reason: str, key: str, hint: str = "", **values: Part) -> InputRejected:
    """The file refused for `reason`, said by import.error.<key> and import.error.hint.<hint>."""
    en, fr = texts.both(f"import.error.{key}", **values)
    hint_en, hint_fr = texts.both(f"import.error.hint.{hint}") if hint else ("", "")
    return InputRejected(
        en, fr, hint=hint_en, hint_fr=hint_fr, place=Place(path.name), reason=reason
    )


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
        raise _reject(path, "not_found", "not_found", "check_path") from exc
    except IsADirectoryError as exc:
        raise _reject(path, "is_directory", "is_directory") from exc
    except OSError as exc:
        raise _reject(
            path, "unreadable", "unreadable", "not_open", error=texts.quoted(exc.strerror)
        ) from exc
    if size == 0:
        raise _reject(path, "empty_file", "empty_file", "export_again")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _check_zip(path, caps, listener)
    if head.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in head or _ole_has_encrypted_package(path):
            raise _reject(path, "encrypted", "password", "remove_password")
        _check_xls_extent(path)
        return Inspection(FileKind.XLS)
    if head.startswith(b"%PDF"):
        raise _reject(path, "pdf", "pdf", "ask_table")
    lowered = head[:2048].lower().lstrip()
    if lowered.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        raise _reject(path, "html_or_xml", "html_or_xml", "save_xlsx")
    if (
        b"\x00" in head
        and not head.startswith((b"\xff\xfe", b"\xfe\xff"))
        and looks_like_utf16(head) is None
    ):
        raise _reject(path, "binary", "binary", "save_table")
    if path.suffix.lower() in _WORKBOOK_SUFFIXES and not _reads_as_table(head):
        raise _reject(
            path,
            "text_named_as_workbook",
            "text_named_as_workbook",
            "rename_csv",
            suffix=path.suffix,
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
        raise _reject(path, "corrupt_zip", "corrupt_zip", "repair") from exc
    archive_size = path.stat().st_size
    with zf:
        infos = zf.infolist()
        if len(infos) > caps.max_entries:
            raise _bomb(
                path,
                msg(
                    "import.error.bomb_parts",
                    parts=count(len(infos)),
                    limit=count(caps.max_entries),
                ),
            )
        declared = 0
        for info in infos:
            if _impossible_size(info, archive_size):
                raise _reject(
                    path,
                    "corrupt_zip",
                    "impossible_sizes",
                    "repair",
                    part=texts.quoted(info.filename),
                )
            declared += info.file_size
            if info.file_size > caps.max_part_bytes or declared > caps.max_total_bytes:
                raise _bomb(
                    path,
                    msg(
                        "import.error.bomb_part_size",
                        part=texts.quoted(info.filename),
                        size=count(info.file_size),
                    ),
                )
            if info.flag_bits & 0x1:
                raise _reject(path, "encrypted", "encrypted", "unencrypted")
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
    raise texts.rejected(
        "sheet_too_large",
        reason="sheet_too_large",
        place=Place(path.name, sheet),
        hint="trim_sheet",
        rows=count(facts.rows),
        columns=count(max(facts.columns, 1)),
        limit=count(MAX_SHEET_CELLS),
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
        raise _reject(path, "not_spreadsheet", "not_spreadsheet", "save_ods")
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        if not any(n.startswith("xl/workbook.") for n in names):
            raise _reject(path, "corrupt_zip", "missing_workbook_part", "repair")
        return FileKind.XLSX
    if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        raise _reject(path, "word_document", "word_document", "copy_to_excel")
    raise _reject(path, "not_xlsx", "not_xlsx", "choose_xlsx")


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
        path, "corrupt_zip", "unreadable_part", "repair", part=texts.quoted(info.filename)
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
                    msg(
                        "import.error.bomb_holds_more",
                        part=texts.quoted(info.filename),
                        size=count(info.file_size),
                    ),
                )
            if seen > limit:
                raise _bomb(
                    path,
                    msg(
                        "import.error.bomb_beyond",
                        part=texts.quoted(info.filename),
                        size=count(limit),
                    ),
                )
            consumed = info.compress_size - remaining
            if seen > caps.ratio_min_bytes and consumed and seen / consumed > caps.max_ratio:
                raise _bomb(
                    path,
                    msg(
                        "import.error.bomb_ratio",
                        part=texts.quoted(info.filename),
                        ratio=count(round(caps.max_ratio)),
                    ),
                )
    except zlib.error as exc:
        raise damaged from exc
    if seen != info.file_size:
        # A part whose real size differs from its declared size is damaged or forged.
        raise _bomb(
            path,
            msg(
                "import.error.bomb_holds",
                part=texts.quoted(info.filename),
                size=count(info.file_size),
                seen=count(seen),
            ),
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
        raise _reject(path, "xml_entities", "xml_entities", "clean_export", part=texts.quoted(part))


def _bomb(path: Path, detail: Message) -> InputRejected:
    return _reject(path, "zip_bomb", "zip_bomb", "split", detail=detail)
