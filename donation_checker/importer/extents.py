"""The real extent of the sheets of an .xlsb, an .ods and a legacy .xls, measured from their
bytes before the cell reader builds a grid of them.

The reader allocates a dense grid from the first to the last cell it finds, so one cell written
far away (an .xlsb record at row 1,048,576, an OpenDocument row repeated a million times with a
cell repeated thousands of times, an .xls cell at IV65536) costs gigabytes. These scanners only
follow record headers and row/cell tags; they never decode values.
"""

from __future__ import annotations

import re

from .xmlscan import SheetFacts

# --- .xlsb: BIFF12 records ---------------------------------------------------------------------

_XLSB_ROW = 0x0000  # BrtRowHdr: the row number comes first
# Cell records (BrtCellBlank ... BrtFmlaError, BrtCellRString): the column comes first.
_XLSB_CELLS = frozenset((*range(0x01, 0x0C), 0x3E))
# Larger than any real record: the stream is damaged, leave it to the reader's own checks.
_XLSB_MAX_RECORD = 1 << 24


class XlsbExtent:
    """Fed the inflated bytes of one binary worksheet part, chunk by chunk."""

    def __init__(self, part: str) -> None:
        self.facts = SheetFacts(part)
        self._carry = b""
        self._row = 0
        self._dead = False

    def feed(self, data: bytes) -> None:
        if self._dead:
            return
        buf = self._carry + data if self._carry else data
        n = len(buf)
        i = 0
        f = self.facts
        while i < n:
            start = i
            rtype = buf[i]
            i += 1
            if rtype & 0x80:
                if i >= n:
                    i = start
                    break
                rtype = (rtype & 0x7F) | ((buf[i] & 0x7F) << 7)
                i += 1
            size = shift = 0
            complete = False
            while i < n and shift < 28:
                byte = buf[i]
                i += 1
                size |= (byte & 0x7F) << shift
                shift += 7
                if not byte & 0x80:
                    complete = True
                    break
            if (not complete and shift >= 28) or size > _XLSB_MAX_RECORD:
                self._dead = True
                return
            if not complete or i + size > n:
                i = start  # the record runs over the chunk's end
                break
            if size >= 4 and (rtype == _XLSB_ROW or rtype in _XLSB_CELLS):
                value = int.from_bytes(buf[i : i + 4], "little")
                if rtype == _XLSB_ROW:
                    self._row = value
                else:
                    f.rows = max(f.rows, self._row + 1)
                    f.columns = max(f.columns, value + 1)
            i += size
        self._carry = buf[i:]


# --- .ods: content.xml ------------------------------------------------------------------------

_ODS_TOKEN = re.compile(
    rb"<(/?)(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>"
)
_ODS_REPEAT = re.compile(rb"number-(?:rows|columns)-repeated\s*=\s*[\"'](\d+)")
_ODS_NAME = re.compile(rb"(?:^|\s)(?:[\w.-]+:)?name\s*=\s*[\"']([^\"']*)")
_ODS_VALUE = re.compile(rb"value-type\s*=")


class OdsExtent:
    """Fed the inflated bytes of content.xml. The extent of each table runs to its last row and
    column holding something: LibreOffice writes the empty rest of a sheet as a repeated empty
    cell and row, which the reader drops."""

    def __init__(self, part: str) -> None:
        self.facts = SheetFacts(part)
        self.table = ""
        self._carry = b""
        self._row = 0  # rows of the current table so far
        self._col = 0  # cells of the current row so far
        self._filled = 0  # column after the last filled cell of the current row
        self._row_repeat = 1

    def feed(self, data: bytes) -> None:
        buf = self._carry + data if self._carry else data
        cut = buf.rfind(b">") + 1
        self._carry = buf[cut:]
        for m in _ODS_TOKEN.finditer(buf, 0, cut):
            closing, name, attrs, empty = m.group(1), m.group(2), m.group(3), m.group(4)
            if name == b"table":
                if not closing:
                    label = _ODS_NAME.search(attrs)
                    self.table = label.group(1).decode("utf-8", "replace") if label else ""
                    self.facts = SheetFacts(self.table)
                    self._row = 0
                continue
            repeat = int(r.group(1)) if (r := _ODS_REPEAT.search(attrs)) else 1
            if name == b"table-row":
                if closing:
                    self._end_row()
                else:
                    self._col = self._filled = 0
                    self._row_repeat = repeat
                    if empty:
                        self._end_row()
                continue
            if closing:
                continue
            self._col += repeat
            if name == b"table-cell" and (not empty or _ODS_VALUE.search(attrs)):
                self._filled = self._col

    def _end_row(self) -> None:
        start = self._row
        self._row += self._row_repeat
        if self._filled:
            f = self.facts
            f.rows = max(f.rows, self._row if self._row_repeat > 1 else start + 1)
            f.columns = max(f.columns, self._filled)
        self._col = self._filled = 0
        self._row_repeat = 1

    def close(self) -> SheetFacts:
        return self.facts


# --- .xls: BIFF8 records inside an OLE compound file ------------------------------------------

_XLS_CELLS = frozenset((0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6))
_XLS_MULTI = frozenset((0x00BD, 0x00BE))  # MULRK, MULBLANK: row, first column ... last column
_XLS_BOF, _XLS_EOF, _XLS_BOUNDSHEET = 0x0809, 0x000A, 0x0085


def _short_string(data: bytes) -> str:
    """A BIFF8 ShortXLUnicodeString: length, flags (bit 0: two bytes a character), characters."""
    count, wide = data[0], data[1] & 1
    raw = data[2 : 2 + count * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")


def xls_extents(stream: bytes) -> list[SheetFacts]:
    """The extent of each sheet of a BIFF8 Workbook stream, in sheet order."""
    sheets: list[SheetFacts] = []
    names: list[str] = []
    current: SheetFacts | None = None
    i, n = 0, len(stream)
    while i + 4 <= n:
        rtype = int.from_bytes(stream[i : i + 2], "little")
        size = int.from_bytes(stream[i + 2 : i + 4], "little")
        body = stream[i + 4 : i + 4 + size]
        i += 4 + size
        if rtype == _XLS_BOUNDSHEET and len(body) >= 8:
            names.append(_short_string(body[6:]))
        elif rtype == _XLS_BOF:
            k = len(sheets) - 1  # the first substream is the workbook globals
            current = SheetFacts(names[k] if 0 <= k < len(names) else f"{k + 1}")
            sheets.append(current)
        elif rtype == _XLS_EOF:
            current = None
        elif current is not None and len(body) >= 4:
            if rtype in _XLS_CELLS:
                last = int.from_bytes(body[2:4], "little")
            elif rtype in _XLS_MULTI and len(body) >= 6:
                last = int.from_bytes(body[-2:], "little")
            else:
                continue
            current.rows = max(current.rows, int.from_bytes(body[0:2], "little") + 1)
            current.columns = max(current.columns, last + 1)
    return sheets[1:] if sheets else []  # the first substream is the workbook globals
