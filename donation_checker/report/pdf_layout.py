"""Page layout for the PDF report: the embedded font, paragraph styles, and the page furniture
(title, protective marking, page N of M, generation date) drawn on every page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

# Nothing in a report is ever fetched: no URL scheme is trusted and no host either, so even a
# markup image that slipped past escaping could not make reportlab read a file or call out.
rl_config.trustedSchemes = []
rl_config.trustedHosts = None
# Page streams are stored Flate-compressed only: the extra ASCII85 layer (reportlab's default,
# for 7-bit transports) makes files a quarter larger and costs time on every page.
rl_config.useA85 = 0

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#8C8C8C")
HEADER_FILL = colors.HexColor("#E4E7EB")
ZEBRA = colors.HexColor("#F5F6F8")


@cache
def register_fonts() -> frozenset[int]:
    """Register DejaVu Sans (regular and bold) once per process; return the code points it
    covers, so characters it cannot draw can be reported instead of silently printed as boxes."""
    regular = TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf"))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    return frozenset(regular.face.charToGlyph)


class Para(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A Paragraph that breaks its lines once per width. A table measures each cell when it
    sizes its rows, again when it splits at a page end and again when it draws; the line breaks
    only depend on the width, so the later calls reuse the first (unless a split refused at a
    page end has dropped them)."""

    _wrapped: tuple[float, object] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = getattr(self, "blPara", None)
        done = self._wrapped
        if lines is None or done is None or done[0] != availWidth or done[1] is not lines:
            super().wrap(availWidth, availHeight)
            self._wrapped = (availWidth, self.blPara)
        return self.width, self.height


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_bold_right: ParagraphStyle
    hash: ParagraphStyle
    head_cell: ParagraphStyle
    head_cell_right: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    banner: ParagraphStyle


@cache
def styles() -> Styles:
    """Every style used in the report, defined once."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=9, leading=12, textColor=INK, spaceAfter=4
    )
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, spaceAfter=2)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0)
    return Styles(
        body=body,
        small=small,
        muted=ParagraphStyle("muted", parent=small, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_bold_right=ParagraphStyle(
            "cell_bold_right", parent=cell, fontName=FONT_BOLD, alignment=TA_RIGHT
        ),
        # 64 hex digits on one line of the annex's file column.
        hash=ParagraphStyle("hash", parent=small, fontSize=6.3, leading=8, textColor=MUTED),
        head_cell=ParagraphStyle("head_cell", parent=cell, fontName=FONT_BOLD, fontSize=7.5),
        head_cell_right=ParagraphStyle(
            "head_cell_right", parent=cell, fontName=FONT_BOLD, fontSize=7.5, alignment=TA_RIGHT
        ),
        title=ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21, spaceAfter=2
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=8
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=16,
            spaceBefore=10,
            spaceAfter=6,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=8,
            spaceAfter=4,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=11.5,
            spaceBefore=6,
            spaceAfter=2,
        ),
        banner=ParagraphStyle(
            "banner",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=8.5,
            leading=11,
            alignment=TA_CENTER,
            borderColor=INK,
            borderWidth=0.8,
            borderPadding=4,
            spaceBefore=2,
            spaceAfter=10,
        ),
    )


@dataclass(frozen=True)
class PageFurniture:
    """What is printed around the text on every page (already plain text, drawn with
    drawString, so it is never parsed as markup)."""

    title: str
    marking: str
    generated: str  # "Generated on 12 March 2026"
    page_of: str  # "page {n} of {m}"
    edition: str = ""  # "Shareable version" or ""


def numbered_canvas(furniture: PageFurniture) -> type[Canvas]:
    """A canvas class that holds pages back until the end, so each can print "page N of M"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                draw_furniture(self, furniture, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Cut `text` with an ellipsis so it fits `width` points (a long offer reference must not
    run into the page number)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def draw_furniture(canvas: Canvas, f: PageFurniture, number: int, total: int) -> None:
    canvas.saveState()
    canvas.setFillColor(INK)
    top = PAGE_HEIGHT - 10 * mm
    if f.marking:
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawCentredString(
            PAGE_WIDTH / 2, top, _fit(canvas, f.marking, FONT_BOLD, 9, 120 * mm)
        )
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(MUTED)
    line_y = PAGE_HEIGHT - MARGIN_TOP + 5 * mm
    canvas.drawString(MARGIN_LEFT, line_y + 2, _fit(canvas, f.title, FONT, 7.5, FRAME_WIDTH * 0.68))
    if f.edition:
        canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, line_y + 2, f.edition)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_LEFT, line_y, PAGE_WIDTH - MARGIN_RIGHT, line_y)

    foot_y = MARGIN_BOTTOM - 8 * mm
    canvas.line(MARGIN_LEFT, foot_y + 9, PAGE_WIDTH - MARGIN_RIGHT, foot_y + 9)
    canvas.drawString(MARGIN_LEFT, foot_y, f.generated)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, foot_y, f.page_of.format(n=number, m=total))
    if f.marking:
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawCentredString(
            PAGE_WIDTH / 2, 6 * mm, _fit(canvas, f.marking, FONT_BOLD, 9, 120 * mm)
        )
    canvas.restoreState()
