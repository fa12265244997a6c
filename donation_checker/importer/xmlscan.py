"""Facts about each worksheet that the fast cell reader does not give, gathered while the zip
guard inflates the sheet parts anyway (no second pass, no XML tree).

calamine returns an empty cell for a formula whose result was never saved (files written by
scripts) and for an error value (#N/A, #REF!...); it also gives a code stored as a number
without the leading zeros its number format displays. The scan finds those cells so the
importer can flag or rebuild them instead of reading a silent blank. It also measures the real
extent of each sheet: one stray cell at XFD1048576 would make the reader allocate a dense grid
of 17 billion cells and abort the process.

Matching is byte-level. Excel, LibreOffice and openpyxl all write `<row r="…">` and
`<c r="…" s="…" t="…">`, which the fast patterns rely on. Any other valid spelling (a namespace
prefix such as `<x:row>`, as Strict OOXML files and some tools write, single quotes, spaces
around `=`, another attribute order, rows or cells without their reference) makes the block be
rewritten into that spelling first, so the facts and the extent never depend on how the XML
was written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# Cells a sheet may span (rows x columns of the dense grid the reader builds).
MAX_SHEET_CELLS = 10_000_000
MAX_ROWS = 1_048_576  # Excel's own limit
# A row longer than this without "</row>" is scanned in pieces (bombs have no rows at all).
_MAX_CARRY = 4 << 20

_ROW_NUMBER = re.compile(rb'<row r="(\d+)"')
# A prefix bound to SpreadsheetML, transitional or Strict (other prefixes, such as the "r" of
# relationship attributes, never name a row or a cell).
_PREFIX_DECL = re.compile(rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["'][^"']*spreadsheetml""")
# Start tags whose attributes matter, in any spelling (prefixes already removed).
_ODD_TAG = re.compile(rb"<(row|c|v)(\s[^>]*?)?(/?)>")
_ATTR = re.compile(rb"""([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL_REF = re.compile(rb"([A-Za-z]{1,3})(\d{1,7})$")
# The usual spellings; a block holding any start tag of a row or cell not spelt so is rewritten.
_ROW_TAGS = (b"<row ", b"<row>", b"<row/>", b"<row\n", b"<row\r", b"<row\t")
_CELL_TAGS = (b"<c ", b"<c>", b"<c/>", b"<c\n", b"<c\r", b"<c\t")
_WIDE_3 = re.compile(rb'<c r="([A-Z]{3})\d')
_WIDE_2 = re.compile(rb'<c r="([A-Z]{2})\d')
_WIDE = re.compile(rb'<c r="[A-Z]{2}')
_FORMULA = re.compile(
    rb"<c\b([^>]*)>\s*(?:<f\b[^>]*/>|<f\b[^>]*>([^<]*)</f>)\s*(?:<v>([^<]*)</v>)?"
)
_ERROR = re.compile(
    rb'<c\b([^>]*\bt="e"[^>]*)>\s*(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)?\s*<v>([^<]*)</v>'
)
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_STYLED_NUMBER = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})" s="(\d+)"(?: t="n")?>\s*<v>([^<]+)</v>')
_LETTERS = tuple(f'<c r="{chr(c)}'.encode() for c in range(65, 91))
_ZERO_FORMAT = re.compile(r"^0{2,}$")


def column_index(letters: bytes | str) -> int:
    """A -> 0, Z -> 25, AA -> 26."""
    text = letters.decode() if isinstance(letters, bytes) else letters
    n = 0
    for ch in text:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


@dataclass
class SheetFacts:
    """What the scan learned about one worksheet part. Positions are 0-based (row, column)."""

    part: str
    rows: int = 0  # highest row number seen
    columns: int = 0  # lower bound of the width: exact when some cell is beyond column Z
    formulas_without_value: dict[tuple[int, int], str] = field(default_factory=dict)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    zero_padded: dict[tuple[int, int], int] = field(default_factory=dict)  # width to restore

    @property
    def area(self) -> int:
        return self.rows * max(self.columns, 1)


def padded_styles(styles_xml: bytes) -> dict[int, int]:
    """Cell style index -> width, for styles whose number format is a run of zeros ("0000")."""
    formats: dict[str, int] = {}
    for m in re.finditer(rb'<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"', styles_xml):
        code = html.unescape(m.group(2).decode("utf-8", "replace")).replace('"', "")
        if _ZERO_FORMAT.match(code):
            formats[m.group(1).decode()] = len(code)
    if not formats:
        return {}
    start = styles_xml.find(b"<cellXfs")
    end = styles_xml.find(b"</cellXfs>", start)
    if start < 0 or end < 0:
        return {}
    out: dict[int, int] = {}
    for i, m in enumerate(re.finditer(rb"<xf\b([^>]*)", styles_xml[start:end])):
        fid = re.search(rb'numFmtId="(\d+)"', m.group(1))
        if fid and fid.group(1).decode() in formats:
            out[i] = formats[fid.group(1).decode()]
    return out


def part_key(name: str) -> str:
    """A zip part name as the cell reader looks it up: case and slashes do not matter."""
    parts: list[str] = []
    for piece in name.replace("\\", "/").split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts).lower()


def _attr(attrs: bytes, name: bytes) -> bytes | None:
    m = re.search(rb"(?:^|\s)" + name + rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')""", attrs)
    if m is None:
        return None
    return m.group(1) if m.group(1) is not None else m.group(2)


def sheet_parts(workbook_xml: bytes, rels_xml: bytes) -> dict[str, str]:
    """Worksheet part key (part_key("xl/worksheets/sheet1.xml")) -> sheet name as shown in
    Excel. Any namespace prefix and either quote are understood (Strict OOXML files use other
    namespaces, other tools other prefixes)."""
    targets = {}
    for m in re.finditer(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)", rels_xml):
        rid, target = _attr(m.group(1), rb"Id"), _attr(m.group(1), rb"Target")
        if rid is not None and target is not None:
            t = html.unescape(target.decode("utf-8", "replace"))
            t = t.lstrip("/") if t.startswith(("/", "\\")) else "xl/" + t
            targets[rid] = part_key(t)
    parts = {}
    for m in re.finditer(rb"<(?:[\w.-]+:)?sheet\b([^>]*)", workbook_xml):
        name = _attr(m.group(1), rb"name")
        rid = _attr(m.group(1), rb"[\w.-]+:id")
        if name is not None and rid is not None and rid in targets:
            parts[targets[rid]] = html.unescape(name.decode("utf-8", "replace"))
    return parts


class SheetScanner:
    """Fed the inflated bytes of one worksheet part, chunk by chunk; cut at row boundaries."""

    def __init__(self, part: str, padded: dict[int, int]) -> None:
        self.facts = SheetFacts(part)
        self._padded = padded
        self._padded_attrs = tuple(f' s="{i}"'.encode() for i in padded)
        self._carry = b""
        self._prefixes: list[bytes] = []  # namespace prefixes declared so far ("x" of <x:row>)
        self._unusual: bool | None = None  # the writer's spelling, once its first block is seen
        # Where a row or cell written without its reference goes: after the previous one.
        self._row = 0
        self._col = 0

    def feed(self, data: bytes) -> None:
        buf = self._carry + data if self._carry else data
        if b"xmlns:" in buf:
            for m in _PREFIX_DECL.finditer(buf):
                if m.group(1) not in self._prefixes and m.group(1) != b"xml":
                    self._prefixes.append(m.group(1))
        # Element prefixes are dropped before anything else looks at the bytes; done on the
        # whole buffer so a prefix split between two chunks is still seen (it is idempotent).
        for prefix in self._prefixes:
            buf = buf.replace(b"<" + prefix + b":", b"<").replace(b"</" + prefix + b":", b"</")
        cut = buf.rfind(b"</row>")
        if cut < 0:
            if len(buf) > _MAX_CARRY:
                self._scan(buf)
                buf = buf[-4096:]
            self._carry = buf
            return
        self._scan(buf[: cut + 6])
        self._carry = buf[cut + 6 :]

    def close(self) -> SheetFacts:
        if self._carry:
            self._scan(self._carry)
            self._carry = b""
        return self.facts

    def _irregular(self, block: bytes, rows: int, numbered: int) -> bool:
        """Whether some row or cell start tag may not be spelt as Excel writes it. Two byte
        counts decide for the usual block: a writer that quotes or spaces attributes otherwise,
        or orders them otherwise, does so for the reference too, which then is not `r="`."""
        cells = block.count(b"<c")
        if rows == numbered and cells == block.count(b'<c r="'):
            return False
        # Other elements start with "<c" or "<row" (<cols>, <rowBreaks>): count the tags.
        rows = sum(block.count(t) for t in _ROW_TAGS)
        cells = sum(block.count(t) for t in _CELL_TAGS)
        return rows != numbered or cells != block.count(b'<c r="')

    def _rewrite(self, block: bytes) -> bytes:
        """Rewrite every row and cell start tag as `<row r="N">` and `<c r="A1" s=".." t="..">`,
        numbering those written without a reference as the reader does (after the previous)."""
        deepest = 0

        def tag(m: re.Match[bytes]) -> bytes:
            nonlocal deepest
            name, close = m.group(1), m.group(3)
            if name == b"v":
                return b"<v" + close + b">"
            attrs = {
                a.group(1): a.group(2) if a.group(2) is not None else a.group(3)
                for a in _ATTR.finditer(m.group(2) or b"")
            }
            ref = attrs.get(b"r", b"").strip()
            if name == b"row":
                self._row = int(ref) if ref.isdigit() else self._row + 1
                self._col = 0
                deepest = max(deepest, self._row)
                return b'<row r="%d"%s>' % (self._row, close)
            if (cell := _CELL_REF.match(ref)) is not None:
                self._col = column_index(cell.group(1).upper()) + 1
                row = int(cell.group(2))
            else:
                self._col += 1
                row = max(self._row, 1)
            deepest = max(deepest, row)
            out = b'<c r="%s%d"' % (_letters(self._col - 1), row)
            for key in (b"s", b"t"):
                if key in attrs:
                    out += b' %s="%s"' % (key, attrs[key].strip())
            return out + close + b">"

        block = _ODD_TAG.sub(tag, block)
        self.facts.rows = max(self.facts.rows, deepest)
        return block

    def _scan(self, block: bytes) -> None:
        f = self.facts
        rows, numbered = block.count(b"<row"), block.count(b'<row r="')
        # A writer keeps one spelling: it is learned on the first block (cells are counted
        # there only, two passes over every cell would slow the guard by half). Later blocks
        # are rewritten when their rows are spelt otherwise; a sheet that changes the spelling
        # of its cells further down is still bounded by the reader's own limits (reader.py).
        if self._unusual is None:
            self._unusual = self._irregular(block, rows, numbered)
        if self._unusual or rows != numbered:
            block = self._rewrite(block)
            rows, numbered = block.count(b"<row"), block.count(b'<row r="')
        # A row without its number is placed after the one before it, so each such row may
        # add one to the highest number seen (a row numbered later than its first attribute
        # counts too: the bound only errs high).
        unnumbered = rows - numbered
        last = block.rfind(b'<row r="')
        if last >= 0 and (m := _ROW_NUMBER.match(block, last)):
            f.rows = max(f.rows, int(m.group(1)))
        f.rows += unnumbered
        self._row = max(self._row, f.rows)
        f.columns = max(f.columns, _max_column(block, exact=f.rows * 26 > MAX_SHEET_CELLS))
        # A one-byte test first: it runs at memory speed, while a search for "<f" steps through
        # every "<"; most sheets have no "f" or "e" byte outside their first and last blocks.
        if b"f" in block and b"<f" in block:
            for m in _FORMULA.finditer(block):
                if m.group(3):  # a cached value is there: the reader shows it
                    continue
                pos = _position(m.group(1))
                if pos is not None:
                    text = html.unescape((m.group(2) or b"").decode("utf-8", "replace"))
                    f.formulas_without_value[pos] = "=" + text if text else "="
        if b"e" in block and b't="e"' in block:
            for m in _ERROR.finditer(block):
                pos = _position(m.group(1))
                if pos is not None:
                    f.errors[pos] = m.group(2).decode("utf-8", "replace") or "#ERROR"
        if self._padded and any(a in block for a in self._padded_attrs):
            for m in _STYLED_NUMBER.finditer(block):
                width = self._padded.get(int(m.group(3)))
                if width is not None:
                    pos = (int(m.group(2)) - 1, column_index(m.group(1)))
                    f.zero_padded[pos] = width


def _max_column(block: bytes, *, exact: bool) -> int:
    """The widest column referenced in the block. Beyond column Z it is exact; within A-Z the
    bound 26 is used unless the sheet is so long that 26 columns would pass the cell cap, because
    finding the exact letter costs a pass per letter."""
    if _WIDE.search(block):
        wide = _WIDE_3 if _WIDE_3.search(block) else _WIDE_2
        return max(column_index(x) for x in set(wide.findall(block))) + 1
    if b'<c r="' not in block:
        return 0
    if not exact:
        return 26
    for letter in reversed(_LETTERS):
        if letter in block:
            return column_index(letter[-1:]) + 1
    return 0


def _letters(index: int) -> bytes:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = b""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = bytes((65 + rem,)) + letters
    return letters


def _position(attrs: bytes) -> tuple[int, int] | None:
    m = _REF.search(attrs)
    if m is None:
        return None
    return int(m.group(2)) - 1, column_index(m.group(1))
