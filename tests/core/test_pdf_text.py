"""The report's plain-text flowables lay out text exactly as the reportlab flowables they stand
in for, so the report looks the same whichever one drew a cell."""

from __future__ import annotations

import io
import random
import re
from xml.sax.saxutils import escape

import pytest
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate

from donation_checker.report.pdf_layout import Para, register_fonts, styles
from donation_checker.report.pdf_text import TextBlock, TextTable

WORDS = [
    "véhicule",
    "RHD",
    "Land",
    "Cruiser",
    "×",
    "12",
    "122\u00a0590\u00a0567",
    "FCFA",
    "par",
    "an",
    "=",
    "49\u202f742\u00a0%",
    "l’avis",
    "conduite",
    "à",
    "droite",
    ":",
    "dangereux",
    "WWWWWW",
    "iii",
    "(éliminatoire)",
    "—",
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def _para_lines(p: Para) -> list[tuple[float, str]]:
    """(room left, text) per line of a wrapped Paragraph, whichever way reportlab stored it."""
    out = []
    for line in p.blPara.lines:
        if isinstance(line, tuple):
            extra, words = line
            out.append((round(extra, 6), " ".join(words)))
        else:
            text = "".join(w.text for w in line.words).strip()
            out.append((round(line.extraSpace, 6), text))
    return out


@pytest.mark.parametrize("style", ["cell", "muted", "small", "h2"])
@pytest.mark.parametrize("width", [60.0, 117.0, 333.3])
def test_text_block_breaks_lines_as_a_paragraph_does(style: str, width: float) -> None:
    register_fonts()
    st = getattr(styles(), style)
    for text in _texts(150, seed=int(width)):
        block = TextBlock([text], st)
        para = Para(escape(text), st)
        assert block.wrap(width, 1e6) == para.wrap(width, 1e6), text
        if block._fallback is None:
            got = [(round(extra, 6), text) for extra, text in block.line_texts()]
            assert got == _para_lines(para), text


def test_several_items_break_as_lines_of_one_paragraph() -> None:
    register_fonts()
    st = styles().muted
    texts = _texts(400, seed=7)
    for i in range(0, len(texts), 4):
        items = texts[i : i + 4]
        block = TextBlock(items, st)
        para = Para("<br/>".join(escape(t) for t in items), st)
        assert block.wrap(150, 1e6) == para.wrap(150, 1e6), items
        if block._fallback is None:
            got = [(round(extra, 6), text) for extra, text in block.line_texts()]
            assert got == [line for line in _para_lines(para) if line[1]], items


@pytest.mark.parametrize("style", ["cell", "small", "muted"])
def test_a_bold_prefix_breaks_lines_as_in_a_paragraph(style: str) -> None:
    register_fonts()
    st = getattr(styles(), style)
    texts = _texts(300, seed=11)
    for prefix, text in zip(texts[::2], texts[1::2], strict=True):
        prefix = prefix[:40].strip() or "Condition :"
        block = TextBlock([text], st, prefix=prefix)
        para = Para(f"<b>{escape(prefix)}</b> {escape(text)}", st)
        assert block.wrap(140, 1e6) == para.wrap(140, 1e6), (prefix, text)
        if block._fallback is None:
            got = [(round(extra, 6), text) for extra, text in block.line_texts()]
            assert got == _para_lines(para), (prefix, text)


def test_a_word_wider_than_the_column_is_left_to_reportlab() -> None:
    register_fonts()
    st = styles().cell
    text = "code " + "X" * 80 + " fin"
    block = TextBlock([text], st)
    assert block.wrap(100, 1e6) == Para(escape(text), st).wrap(100, 1e6)
    assert block._fallback is not None


def _pages(story: list) -> list[str]:  # type: ignore[type-arg]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return [page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]


def test_text_table_puts_every_row_once_under_a_header_on_every_page() -> None:
    register_fonts()
    header = [Para("Line", styles().head_cell), Para("Item", styles().head_cell)]
    rows = [[str(i), f"item {i}\nsecond line" if i % 3 == 0 else f"item {i}"] for i in range(300)]
    pages = _pages([TextTable(header, rows, [40, 300], right=[0])])
    assert len(pages) > 3
    assert all(re.match(r"Line\s+Item\s", page) for page in pages)
    found = re.findall(r"(\d+)\s+item (\d+)", " ".join(pages))
    assert [int(a) for a, _ in found] == list(range(300))
    assert all(a == b for a, b in found)


def test_a_long_text_block_outside_a_table_splits_across_pages() -> None:
    register_fonts()
    items = [f"assumption {i} " + "mot " * 30 for i in range(200)]
    pages = _pages([TextBlock(items, styles().small)])
    assert len(pages) > 1
    text = " ".join(pages)
    assert all(f"assumption {i} " in text for i in range(200))
