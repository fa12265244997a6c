"""Make untrusted text safe for reportlab markup and spreadsheet cells.

Donor names, model names and notes come from files: they must show up literally, never become a
tag or an attribute (reportlab's `<font color>` evaluated expressions, CVE-2023-33733; `<img src>`
reads local files, CVE-2020-28463), and an odd character must not abort the build.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from ..csv_export import FORMULA_STARTS

# C0/C1 controls (tab and newline are folded to spaces first), lone surrogates, and the
# non-characters U+FFFE/U+FFFF: none renders, some break the PDF string encoding or the XML of
# an .xlsx.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[\t\r\n\v\f]+")

# Excel's limit for one cell; longer text is cut with a visible ellipsis.
XLSX_CELL_LIMIT = 32_767


def clean(text: object) -> str:
    """The text with line breaks folded to spaces and control characters removed."""
    s = "" if text is None else str(text)
    s = _SPACES.sub(" ", s)
    return _CONTROL.sub("", s)


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)] + "…"


# Longest text one paragraph of the PDF shows; longer values are cut with "…".
PARA_LIMIT = 600


def para(text: object, limit: int = PARA_LIMIT) -> str:
    """Escaped text for a reportlab Paragraph: `<`, `>` and `&` become entities, so the parser
    sees character data only. Very long values are cut (with "…") so one cell never outgrows a
    page."""
    return escape(shorten(clean(text), limit))


def missing_glyphs(text: str, covered: frozenset[int]) -> set[str]:
    """Characters of `text` the embedded font cannot draw (they print as an empty box)."""
    return {
        ch
        for ch in text
        if ord(ch) not in covered and not unicodedata.category(ch).startswith(("Z", "C"))
    }


def visual(text: str, covered: frozenset[int]) -> str:
    """The text as the page must draw it: right-to-left runs (Arabic, Hebrew) put in visual
    order with Arabic letters in their joined forms, and every character the embedded font
    lacks (CJK, emoji) replaced by a visible mark naming it, ‹U+4E1C›, never an empty box."""
    if has_right_to_left(text):
        text = _right_to_left(text)
    if missing_glyphs(text, covered):
        text = "".join(
            ch
            if ord(ch) in covered or unicodedata.category(ch).startswith(("Z", "C"))
            else f"‹U+{ord(ch):04X}›"
            for ch in text
        )
    return text


def _right_to_left(text: str) -> str:
    import arabic_reshaper
    from bidi import get_display

    # The report reads left to right: a name is a right-to-left run inside it.
    return str(get_display(arabic_reshaper.reshape(text), base_dir="L"))


def has_right_to_left(text: str) -> bool:
    """True when the text holds Arabic or Hebrew letters, which reportlab prints left to right
    and without letter joining."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


# A leading =, +, -, @ (or a tab/CR/NUL hiding one) makes Excel and LibreOffice read a cell as a
# formula (CWE-1236, OWASP ASVS 1.2.10). One list for the CSV and the Excel writers.
FORMULA_TRIGGERS = FORMULA_STARTS


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def cell_text(text: object) -> str:
    """Text for a spreadsheet cell: control characters removed (openpyxl rejects them) and cut to
    Excel's cell limit. The writer also forces the cell type to string, so a leading `=` stays
    text."""
    return shorten(clean(text), XLSX_CELL_LIMIT)
