"""The verdict badge: readable in colour, in greyscale and on a photocopy.

The verdict is carried by three things that survive black-and-white printing: the word in
capitals, a symbol per band, and the band's position on a four-step scale drawn under it. Colour
only reinforces them.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from ..assessment import VERDICT_ORDER, Verdict
from .pdf_layout import FONT, FONT_BOLD, INK, MUTED, Para, styles
from .safe_text import para

# (symbol, border colour, fill tint) per band.
_LOOK: dict[Verdict, tuple[str, colors.Color, colors.Color]] = {
    Verdict.ACCEPT: ("✔", colors.HexColor("#1B5E20"), colors.HexColor("#E3F1E4")),
    Verdict.CONDITIONAL: ("⚠", colors.HexColor("#8A5A00"), colors.HexColor("#FFF3D6")),
    Verdict.REDIRECT: ("➜", colors.HexColor("#A33A0B"), colors.HexColor("#FCE6DA")),
    Verdict.DECLINE: ("✘", colors.HexColor("#8E1616"), colors.HexColor("#F8DEDE")),
}


def verdict_symbol(verdict: Verdict) -> str:
    return _LOOK[verdict][0]


class VerdictBadge(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A thick-bordered box with the symbol, the verdict in capitals and one line of advice,
    above a scale of the four bands with the current one filled in black."""

    BOX_HEIGHT = 62.0
    SCALE_HEIGHT = 16.0
    GAP = 5.0

    def __init__(self, verdict: Verdict, names: dict[Verdict, str], advice: str) -> None:
        super().__init__()
        self.verdict = verdict
        self.names = names
        self.advice = advice

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.BOX_HEIGHT + self.GAP + self.SCALE_HEIGHT
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        symbol, stroke, fill = _LOOK[self.verdict]
        y0 = self.SCALE_HEIGHT + self.GAP
        c.saveState()
        c.setFillColor(fill)
        c.setStrokeColor(stroke)
        c.setLineWidth(3)
        c.rect(1.5, y0 + 1.5, self.width - 3, self.BOX_HEIGHT - 3, stroke=1, fill=1)
        # Symbol in a black disc-free square so it prints the same in greyscale.
        c.setFillColor(INK)
        c.setFont(FONT_BOLD, 26)
        c.drawCentredString(28, y0 + self.BOX_HEIGHT / 2 - 9, symbol)
        c.setLineWidth(1)
        c.line(52, y0 + 10, 52, y0 + self.BOX_HEIGHT - 10)
        word = self.names[self.verdict].upper()
        size = 18.0
        room = self.width - 70
        while size > 10 and pdfmetrics.stringWidth(word, FONT_BOLD, size) > room:
            size -= 1
        c.setFont(FONT_BOLD, size)
        c.drawString(62, y0 + self.BOX_HEIGHT - 27, word)
        advice = Para(para(self.advice), styles().body)
        _, h = advice.wrap(room, 30)
        advice.drawOn(c, 62, y0 + self.BOX_HEIGHT - 32 - h)
        self._draw_scale(c)
        c.restoreState()

    def _draw_scale(self, c: object) -> None:
        canv = self.canv
        step = self.width / len(VERDICT_ORDER)
        for i, v in enumerate(VERDICT_ORDER):
            x = i * step
            current = v == self.verdict
            canv.setLineWidth(0.8 if not current else 1.5)
            canv.setStrokeColor(INK if current else MUTED)
            canv.setFillColor(INK if current else colors.white)
            canv.rect(x + 1, 0.5, step - 2, self.SCALE_HEIGHT - 1, stroke=1, fill=1)
            canv.setFillColor(colors.white if current else MUTED)
            font = FONT_BOLD if current else FONT
            text = f"{verdict_symbol(v)} {self.names[v]}"
            size = 7.5
            while size > 5.5 and pdfmetrics.stringWidth(text, font, size) > step - 8:
                size -= 0.5
            canv.setFont(font, size)
            canv.drawCentredString(x + step / 2, 5, text)
