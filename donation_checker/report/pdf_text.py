"""Plain text in the PDF report: measuring, wrapping and drawing data text without reportlab's
markup parser.

Data text drawn here is never parsed: it reaches the page as characters, so it needs no
escaping. reportlab measures text in pure Python, one string at a time; a 1,000-line offer has
tens of thousands of strings, so widths come from one lookup table of the body font instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.fonts import tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paragraph import split as _rl_split
from reportlab.platypus.paragraph import strip as _rl_strip

from .pdf_layout import FONT, HEADER_FILL, INK, RULE, ZEBRA, Para

_SOFT_HYPHEN = "\xad"


class _Widths(dict[int, float]):
    default: float
    _words: dict[str, float]

    def word(self, word: str) -> float:
        """Width of `word` in font units, added up as reportlab does; a report repeats most
        words many times, so each is measured once (the memo is bounded)."""
        width = self._words.get(word)
        if width is None:
            if len(self._words) > 50_000:
                self._words.clear()
            width = self._words[word] = sum(self.get(ord(ch), self.default) for ch in word)
        return width


@cache
def font_widths(name: str) -> _Widths:
    """Advance widths of a registered TrueType font by code point, in font units (the numbers
    reportlab's stringWidth adds up)."""
    face = getFont(name).face
    widths = _Widths(face.charWidths)
    widths.default = face.defaultWidth
    widths._words = {}
    return widths


@cache
def _char_widths() -> dict[str, float]:
    """Advance widths of the body font per character, in points at size 1 (looked up once:
    reportlab's own per-string measure is pure Python and dominated a 1,000-row table)."""
    font = getFont(FONT)
    default = font.face.defaultWidth
    widths = font.face.charWidths
    return {chr(cp): widths.get(cp, default) / 1000 for cp in range(0x3000)}


def text_width(text: str, size: float) -> float:
    """Width of `text` in the body font at `size` points, for wrapping (characters past U+3000,
    which the font does not draw anyway, count one em)."""
    table = _char_widths()
    return sum(table.get(ch, 1.0) for ch in text) * size


def wrap_words(text: str, width: float, size: float) -> list[str]:
    """Greedy word wrap of `text` to `width` points; a word wider than the cell is cut."""
    space = text_width(" ", size)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split(" "):
        if not word:
            continue
        w = text_width(word, size)
        if current and used + space + w <= width:
            current.append(word)
            used += space + w
            continue
        if current:
            lines.append(" ".join(current))
        if w > width:
            *whole, word = _hard_wrap(word, width, size)
            lines += whole
            w = text_width(word, size)
        current, used = [word], w
    if current:
        lines.append(" ".join(current))
    return lines or [""]


def _hard_wrap(word: str, width: float, size: float) -> list[str]:
    """Cut a word longer than the cell (a code, a URL) so it never runs over the next column."""
    parts = []
    while len(word) > 1 and text_width(word, size) > width:
        lo, hi = 1, len(word) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if text_width(word[:mid], size) <= width:
                lo = mid
            else:
                hi = mid - 1
        parts.append(word[:lo])
        word = word[lo:]
    parts.append(word)
    return parts


def with_ellipsis(line: str, width: float, size: float) -> str:
    while line and text_width(line + "…", size) > width:
        line = line[:-1]
    return line.rstrip() + "…"


class TextTable(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A table of plain text rows under a header row that repeats on every page it runs over.

    It draws what a reportlab Table of the same cells draws (header fill, a rule under the
    header and under every row, every other row shaded, text from the top-left of each cell),
    but sizes its rows from line counts and puts all its text in one PDF text object per page:
    a generic Table measures and draws each of a 1,000-line offer's 5,000 cells one by one.

    Cells are plain strings already wrapped to their column ("\\n" between lines); they are
    drawn as characters and never parsed.
    """

    PAD_X = 3.0
    PAD_Y = 2.5

    def __init__(
        self,
        header: Sequence[Flowable],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float = 8,
        leading: float = 10,
        right: Sequence[int] = (),
        first: int = 1,
    ) -> None:
        super().__init__()
        self.header = list(header)
        self.rows = [list(r) for r in rows]
        self.widths = list(widths)
        self.size = size
        self.leading = leading
        self.right = frozenset(right)
        self.first = first  # number of the first row in the whole table: keeps the shading
        self.heights = [
            max(cell.count("\n") + 1 for cell in row) * leading + 2 * self.PAD_Y
            for row in self.rows
        ]
        self._header_height: float | None = None

    def _head_height(self) -> float:
        if self._header_height is None:
            inner = [w - 2 * self.PAD_X for w in self.widths]
            tallest = max(
                (
                    cell.wrapOn(self.canv, w, 1e6)[1]
                    for cell, w in zip(self.header, inner, strict=True)
                ),
                default=0.0,
            )
            self._header_height = tallest + 2 * self.PAD_Y
        return self._header_height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self._head_height() + sum(self.heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        used = self._head_height()
        n = 0
        for h in self.heights:
            if used + h > availHeight:
                break
            used += h
            n += 1
        if n == 0:
            return []  # not even one row: the whole table goes to the next page
        if n == len(self.rows):
            return [self]
        return [self._part(0, n), self._part(n, len(self.rows))]

    def _part(self, start: int, stop: int) -> TextTable:
        # Built field by field: the frame's own marks on this table (its canvas, "postponed")
        # must not carry over to the parts.
        part = TextTable.__new__(TextTable)
        Flowable.__init__(part)
        part.header = self.header
        part.rows = self.rows[start:stop]
        part.widths = self.widths
        part.size = self.size
        part.leading = self.leading
        part.right = self.right
        part.first = self.first + start
        part.heights = self.heights[start:stop]
        part._header_height = self._header_height
        return part

    def draw(self) -> None:
        canv = self.canv
        head = self._head_height()
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        width = xs[-1]
        top = self.height  # y of each row's top edge, going down
        canv.saveState()

        # Backgrounds: the header, then every other row.
        canv.setFillColor(HEADER_FILL)
        canv.rect(0, top - head, width, head, stroke=0, fill=1)
        canv.setFillColor(ZEBRA)
        y = top - head
        for i, h in enumerate(self.heights):
            if (self.first + i) % 2 == 0:
                canv.rect(0, y - h, width, h, stroke=0, fill=1)
            y -= h

        # Header cells (Paragraphs of fixed labels), top-aligned in their padding.
        for cell, x in zip(self.header, xs[:-1], strict=True):
            cell.drawOn(canv, x + self.PAD_X, top - self.PAD_Y - cell.height)

        # All data text in one text object.
        text = canv.beginText()
        text.setFont(FONT, self.size, self.leading)
        text.setFillColor(colors.black)
        y = top - head
        for row, h in zip(self.rows, self.heights, strict=True):
            baseline = y - self.PAD_Y - self.size
            for col, cell in enumerate(row):
                if not cell:
                    continue
                if col in self.right:
                    edge = xs[col + 1] - self.PAD_X
                    for k, line in enumerate(cell.split("\n")):
                        text.setTextOrigin(
                            edge - stringWidth(line, FONT, self.size), baseline - k * self.leading
                        )
                        text.textLine(line)
                else:
                    text.setTextOrigin(xs[col] + self.PAD_X, baseline)
                    for line in cell.split("\n"):
                        text.textLine(line)
            y -= h
        canv.drawText(text)

        # Rules: a heavy one under the header, a hairline under every row. On continuation
        # pages a split reportlab Table also draws the hairline over the heavy rule; so does
        # this one, so the pages look as they did.
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.8)
        y = top - head
        canv.line(0, y, width, y)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.25)
        if self.first > 1:
            canv.line(0, y, width, y)
        for h in self.heights:
            y -= h
            canv.line(0, y, width, y)
        canv.restoreState()


class TextBlock(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Plain text in one paragraph style, laid out and drawn as a left-aligned reportlab
    Paragraph of the same text would be (same word splitting, line breaks, space shrinking and
    baselines), without the markup parser: the text is drawn as characters, never parsed.

    `items` are drawn one after the other, each starting a new line (as `<br/>` would); a
    `prefix` goes before the first one in the bold of the style's font (as `<b>prefix</b> `
    would). A text the simple layout does not cover (a word wider than the column, a soft
    hyphen, an empty line) is handed to a real Paragraph.
    """

    def __init__(self, items: Sequence[str], style: ParagraphStyle, prefix: str = "") -> None:
        super().__init__()
        self.style = style
        self.items = [_rl_strip(cleanBlockQuotedText(item)) for item in items]
        self.prefix = _rl_strip(cleanBlockQuotedText(prefix))
        self.bold = tt2ps(style.fontName, 1, 0) if self.prefix else style.fontName
        self._fallback: Para | None = None
        self._wrapped: float | None = None
        # Per line: room left (negative: spaces shrunk to fit), number of spaces, and the runs
        # of text in one font.
        self._lines: list[tuple[float, int, list[tuple[str, str]]]] = []
        # Soft hyphens and empty lines between others follow rules of their own in reportlab.
        if any(_SOFT_HYPHEN in item for item in (self.prefix, *self.items)) or (
            len(self.items) > 1 and not all(self.items)
        ):
            self._fallback = self._paragraph()

    def _paragraph(self) -> Para:
        markup = "<br/>".join(escape(item) for item in self.items)
        if self.prefix:
            markup = f"<b>{escape(self.prefix)}</b> {markup}"
        return Para(markup, self.style)

    def line_texts(self) -> list[tuple[float, str]]:
        """(room left, text) per line, once wrapped."""
        return [(extra, "".join(t for _, t in runs)) for extra, _, runs in self._lines]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._fallback is not None:
            w, h = self._fallback.wrapOn(getattr(self, "canv", None), availWidth, availHeight)
            self.width, self.height = w, h
            return w, h
        if availWidth != self._wrapped:
            lines = self._break_mixed(availWidth) if self.prefix else self._break(availWidth)
            if lines is None:
                self._fallback = self._paragraph()
                return self.wrap(availWidth, availHeight)
            self._lines = lines
            self._wrapped = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def _break(self, max_width: float) -> list[tuple[float, int, list[tuple[str, str]]]] | None:
        """reportlab's greedy line breaking for one font (Paragraph.breakLines, the single
        fragment case); None when a word is wider than the line."""
        font, size = self.style.fontName, self.style.fontSize
        widths = font_widths(font)
        scale = 0.001 * size
        space = scale * widths.get(32, widths.default)
        shrink = self.style.spaceShrinkage * space
        lines = []
        for item in self.items:
            current = -space
            line: list[str] = []
            for word in _rl_split(item):
                w = scale * widths.word(word)
                new = current + space + w
                if new > max_width + shrink * len(line):
                    if w > max_width:
                        return None  # reportlab splits the word itself: let it
                    if line:
                        lines.append(_line(max_width - current, [(font, line)]))
                        line, current = [word], w
                        continue
                line.append(word)
                current = new
            if line:
                lines.append(_line(max_width - current, [(font, line)]))
        return lines

    def _break_mixed(
        self, max_width: float
    ) -> list[tuple[float, int, list[tuple[str, str]]]] | None:
        """The same for a bold prefix and regular text (Paragraph.breakLines with several
        fragments)."""
        size = self.style.fontSize
        scale = 0.001 * size
        shrinkage = self.style.spaceShrinkage
        regular = self.style.fontName
        first = [(w, self.bold) for w in _rl_split(self.prefix)]
        lines = []
        for i, item in enumerate(self.items):
            words = [(w, regular) for w in _rl_split(item)]
            if i == 0:
                words = first + words
            current = 0.0
            runs: list[tuple[str, list[str]]] = []
            for word, font in words:
                widths = font_widths(font)
                w = scale * widths.word(word)
                # The space before a word is measured in the word's font: reportlab files the
                # space after the prefix with the text that follows it.
                gap = scale * _space(font) if runs else 0.0
                new = current + gap + w
                # Spaces that may shrink: the one before this word and those already on the
                # line, each in the font of the word it precedes, added up in reportlab's order.
                spaces = gap
                for k, (run_font, run) in enumerate(runs):
                    count = len(run) - (k == 0)
                    if count:
                        spaces += count * (scale * _space(run_font))
                if new > max_width + spaces * shrinkage:
                    if w > max_width:
                        return None
                    if runs:
                        lines.append(_line(max_width - current, runs))
                        runs, current = [], w
                        new = w
                if runs and runs[-1][0] == font:
                    runs[-1][1].append(word)
                else:
                    runs.append((font, [word]))
                current = new
            if runs:
                lines.append(_line(max_width - current, runs))
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # Only a long text outside a table gets here (at a page end): a Paragraph splits it.
        if self._fallback is None:
            self._fallback = self._paragraph()
        parts: list[Flowable] = self._fallback.splitOn(self.canv, availWidth, availHeight)
        return parts

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        if self._fallback is not None:
            self._fallback.drawOn(self.canv, 0, 0)
            return
        if not self._lines:
            return
        style = self.style
        canv = self.canv
        canv.saveState()
        canv.setFillColor(style.textColor)
        text = canv.beginText(0, self.height - style.fontSize)
        text.setFont(style.fontName, style.fontSize, style.leading)
        font = style.fontName
        for extra, spaces, runs in self._lines:
            shrunk = extra < -1e-8 and spaces > 0
            if shrunk:
                # A line that fits only by shrinking its spaces, as reportlab draws it.
                text.setWordSpace(extra / spaces)
            for k, (run_font, run) in enumerate(runs):
                if run_font != font:
                    text.setFont(run_font, style.fontSize, style.leading)
                    font = run_font
                if k == len(runs) - 1:
                    text.textLine(run)
                else:
                    text.textOut(run)
            if shrunk:
                text.setWordSpace(0)
        canv.drawText(text)
        canv.restoreState()


def _space(font: str) -> float:
    widths = font_widths(font)
    return widths.get(32, widths.default)


def _line(
    extra: float, runs: Sequence[tuple[str, list[str]]]
) -> tuple[float, int, list[tuple[str, str]]]:
    """A laid-out line: its runs of words joined with spaces (the space between two runs opens
    the second), and the number of spaces reportlab stretches or shrinks (no-break spaces
    included)."""
    texts = [(font, " ".join(words)) for font, words in runs]
    texts = texts[:1] + [(font, " " + t) for font, t in texts[1:]]
    words = sum(len(w) for _, w in runs)
    spaces = words + sum(t.count("\xa0") for _, t in texts) - 1
    return extra, spaces, texts
