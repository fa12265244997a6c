"""Facts about each worksheet that the fast cell reader does not give, gathered while the zip
guard inflates the sheet parts anyway (no second pass, no XML tree).

calamine returns an empty cell for a formula whose result was never saved (files written by
scripts) and for an error value (#N/A, #REF!...); it also gives a code stored as a number
without the leading zeros its number format displays. The scan finds those cells so the
importer can flag or rebuild them instead of reading a silent blank. It also measures the real
extent of each sheet: one stray cell at XFD1048576 would make the reader allocate a dense grid
of 17 billion cells and abort the process.

Matching is byte-level and tolerant: Excel, LibreOffice and openpyxl all write a cell's
attributes in the order r, s, t, which the style pattern relies on; anything not recognised is
left to the reader as before.
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

_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
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


def sheet_parts(workbook_xml: bytes, rels_xml: bytes) -> dict[str, str]:
    """Worksheet part name ("xl/worksheets/sheet1.xml") -> sheet name as shown in Excel."""
    targets = {}
    for m in re.finditer(rb"<Relationship\b[^>]*", rels_xml):
        attrs = m.group(0)
        rid = re.search(rb'\bId="([^"]+)"', attrs)
        target = re.search(rb'\bTarget="([^"]+)"', attrs)
        if rid and target:
            t = target.group(1).decode("utf-8", "replace")
            t = t.lstrip("/") if t.startswith("/") else "xl/" + t
            targets[rid.group(1)] = t
    parts = {}
    for m in re.finditer(rb"<(?:\w+:)?sheet\b[^>]*", workbook_xml):
        attrs = m.group(0)
        name = re.search(rb'\bname="([^"]*)"', attrs)
        rid = re.search(rb'\b\w+:id="([^"]+)"', attrs)
        if name and rid and rid.group(1) in targets:
            parts[targets[rid.group(1)]] = html.unescape(name.group(1).decode("utf-8", "replace"))
    return parts


class SheetScanner:
    """Fed the inflated bytes of one worksheet part, chunk by chunk; cut at row boundaries."""

    def __init__(self, part: str, padded: dict[int, int]) -> None:
        self.facts = SheetFacts(part)
        self._padded = padded
        self._padded_attrs = tuple(f' s="{i}"'.encode() for i in padded)
        self._carry = b""

    def feed(self, data: bytes) -> None:
        buf = self._carry + data if self._carry else data
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

    def _scan(self, block: bytes) -> None:
        f = self.facts
        # A row without its number is placed after the one before it, so each such row may
        # add one to the highest number seen (a row numbered later than its first attribute
        # counts too: the bound only errs high).
        unnumbered = block.count(b"<row") - block.count(b'<row r="')
        last = block.rfind(b'<row r="')
        if last >= 0 and (m := _ROW_NUMBER.match(block, last)):
            f.rows = max(f.rows, int(m.group(1)))
        f.rows += unnumbered
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


def _position(attrs: bytes) -> tuple[int, int] | None:
    m = _REF.search(attrs)
    if m is None:
        return None
    return int(m.group(2)) - 1, column_index(m.group(1))
