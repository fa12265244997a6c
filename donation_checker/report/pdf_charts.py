"""Charts drawn with reportlab's own graphics: family scores and models per category."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from ..assessment import CategoryImpact
from ..formatting import fmt_number
from .pdf_layout import FONT, FONT_BOLD, FRAME_WIDTH, INK, MUTED, RULE
from .rows import FamilyRow
from .safe_text import clean, shorten

LABEL_WIDTH = 150.0  # points kept on the left for family or category names
BAR_FILL = colors.HexColor("#4A5D73")
BEFORE_FILL = colors.HexColor("#C9CED6")
AFTER_FILL = colors.HexColor("#3B4A5C")


def _score_fill(score: float) -> colors.Color:
    # Three tones that stay distinct in greyscale: light under 50, mid 50-74, dark from 75.
    if score < 50:
        return colors.HexColor("#C7A27C")
    if score < 75:
        return colors.HexColor("#8C9BAD")
    return BAR_FILL


def family_chart(rows: Sequence[FamilyRow], unknown_text: str) -> Drawing:
    """One horizontal bar per family on a fixed 0-100 scale; a family without data gets no bar
    and the word "unknown" where the bar would start, so it cannot be read as zero."""
    bar_pitch = 20.0
    plot_h = max(bar_pitch * len(rows), bar_pitch)
    width = FRAME_WIDTH
    height = plot_h + 26
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = LABEL_WIDTH
    chart.y = 16
    chart.width = width - LABEL_WIDTH - 40
    chart.height = plot_h
    # reportlab skips None values, so an unknown family simply has no bar.
    chart.data = [[r.score for r in rows]]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 25
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.categoryAxis.categoryNames = [shorten(clean(r.name), 30) for r in rows]
    chart.categoryAxis.reverseDirection = 1  # first family at the top, as in the tables
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.barWidth = 12
    chart.groupSpacing = 8
    chart.bars.strokeColor = INK
    chart.bars.strokeWidth = 0.4
    for i, r in enumerate(rows):
        if r.score is not None:
            chart.bars[(0, i)].fillColor = _score_fill(r.score)
    d.add(chart)

    step = plot_h / max(len(rows), 1)
    for threshold in (50, 75):
        x = chart.x + chart.width * threshold / 100
        d.add(
            Line(
                x,
                chart.y,
                x,
                chart.y + plot_h,
                strokeColor=RULE,
                strokeWidth=0.8,
                strokeDashArray=[3, 2],
            )
        )
    for i, r in enumerate(rows):
        y = chart.y + plot_h - (i + 0.5) * step - 3
        if r.score is None:
            d.add(String(chart.x + 4, y, unknown_text, fontName=FONT, fontSize=8, fillColor=MUTED))
        else:
            x = chart.x + chart.width * max(r.score, 0) / 100 + 4
            # The one formatter, so the bar and the table beside it round alike (68.5 is 69).
            label = fmt_number(r.score, "en", decimals=0)
            d.add(String(x, y, label, fontName=FONT_BOLD, fontSize=8, fillColor=INK))
    return d


def fleet_chart(
    impacts: Sequence[CategoryImpact], before_text: str, after_text: str, limit: int = 15
) -> Drawing:
    """Distinct models per category before and after the donation, side by side."""
    shown = list(impacts)[:limit]
    pitch = 26.0
    plot_h = max(pitch * len(shown), pitch)
    width = FRAME_WIDTH
    height = plot_h + 44
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = LABEL_WIDTH
    chart.y = 34
    chart.width = width - LABEL_WIDTH - 40
    chart.height = plot_h
    # Series are stacked bottom-up inside a group: "after" first puts "before" on top.
    chart.data = [[c.models_after for c in shown], [c.models_before for c in shown]]
    top = max([c.models_after for c in shown] + [c.models_before for c in shown] + [1])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top + 1
    chart.valueAxis.valueStep = 1 if top <= 10 else max(1, round(top / 8))
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.categoryAxis.categoryNames = [shorten(clean(c.category), 30) for c in shown]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.barWidth = 8
    chart.barSpacing = 1
    chart.groupSpacing = 8
    chart.bars.strokeColor = INK
    chart.bars.strokeWidth = 0.4
    chart.bars[0].fillColor = AFTER_FILL
    chart.bars[1].fillColor = BEFORE_FILL
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)

    legend = Legend()
    legend.x = chart.x
    legend.y = 10
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = FONT
    legend.fontSize = 8
    legend.dxTextSpace = 4
    legend.deltax = 90
    legend.colorNamePairs = [(BEFORE_FILL, before_text), (AFTER_FILL, after_text)]
    legend.strokeColor = INK
    legend.strokeWidth = 0.4
    d.add(legend)
    return d
