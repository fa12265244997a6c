"""The register at a glance: offers by donor and verdict in a year, overdue conditions, and the
portfolio's load on each capacity, drawn as plain bars."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from donation_checker.formatting import fmt_number, fmt_percent
from donation_checker.register import CaseFilter, OverdueCondition, Register
from donation_checker.register.portfolio import Portfolio
from donation_checker.register.texts import resource_name
from donation_checker.register.words import verdict

VERDICT_COLOURS = {
    "accept": QColor("#2e7d32"),
    "conditional": QColor("#f9a825"),
    "redirect": QColor("#1565c0"),
    "decline": QColor("#c62828"),
}
OVER = QColor("#c62828")
UNDER = QColor("#2e7d32")
UNKNOWN = QColor("#9e9e9e")


@dataclass(frozen=True)
class Overview:
    """What the dashboard shows of the register, read off the GUI thread."""

    year: int | None
    by_donor: dict[str, Counter[str]]  # donor -> verdict -> offers
    overdue: tuple[OverdueCondition, ...]


def read_overview(register: Register, year: int | None, unknown_donor: str) -> Overview:
    by_donor: dict[str, Counter[str]] = {}
    for donor, counts in register.offers_by_donor(CaseFilter(year=year)).items():
        by_donor.setdefault(donor or unknown_donor, Counter()).update(counts)
    return Overview(year, by_donor, register.overdue_conditions())


# A bar: its label, its parts (value, colour), and the text written after it.
Bar = tuple[str, list[tuple[float, QColor]], str]


class Bars(QWidget):
    """Horizontal bars, one a row, each made of coloured parts on a common scale."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.scale = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar], scale: float | None = None) -> None:
        self.bars = bars
        widest = max((sum(v for v, _ in parts) for _, parts, _ in bars), default=0.0)
        self.scale = scale or widest or 1.0
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, max(1, len(self.bars)) * self.ROW)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        fm = p.fontMetrics()
        label_w = min(
            self.width() // 3, max((fm.horizontalAdvance(b[0]) for b in self.bars), default=0) + 8
        )
        text_w = max((fm.horizontalAdvance(b[2]) for b in self.bars), default=0) + 8
        span = max(10, self.width() - label_w - text_w)
        for i, (label, parts, text) in enumerate(self.bars):
            y = i * self.ROW
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(0, y, label_w - 6, self.ROW),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6),
            )
            x = float(label_w)
            for value, colour in parts:
                w = span * min(value, self.scale) / self.scale
                p.fillRect(QRectF(x, y + 4, w, self.ROW - 8), colour)
                x += w
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(x + 4, y, text_w, self.ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
        p.end()


class Dashboard(QScrollArea):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.offers_title = QLabel(self.tr("<b>Offers by donor and verdict</b>"))
        self.legend = QLabel(
            "  ".join(
                f"<span style='color:{VERDICT_COLOURS[k].name()}'>■</span> {verdict(k, lang)}"
                for k in VERDICT_COLOURS
            )
        )
        self.offers = Bars()
        self.overdue_title = QLabel(self.tr("<b>Conditions overdue</b>"))
        self.overdue = QLabel(self.tr("None."))
        self.overdue.setWordWrap(True)
        self.load_title = QLabel(self.tr("<b>Portfolio load against capacity</b>"))
        self.load_note = QLabel(
            self.tr("Run the portfolio (inventory and rule set loaded) to see the load.")
        )
        self.load_note.setWordWrap(True)
        self.loads = Bars()
        for w in (
            self.offers_title,
            self.legend,
            self.offers,
            self.overdue_title,
            self.overdue,
            self.load_title,
            self.load_note,
            self.loads,
        ):
            layout.addWidget(w)
        layout.addStretch(1)
        self.setWidget(body)

    def show_overview(self, overview: Overview) -> None:
        year = str(overview.year) if overview.year else self.tr("all years")
        self.offers_title.setText(
            self.tr("<b>Offers by donor and verdict (%1)</b>").replace("%1", year)
        )
        rows = sorted(overview.by_donor.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        self.offers.set_bars(
            [
                (
                    donor,
                    [(float(counts[k]), VERDICT_COLOURS[k]) for k in VERDICT_COLOURS if counts[k]],
                    str(sum(counts.values())),
                )
                for donor, counts in rows[:15]
            ]
        )
        if not overview.overdue:
            self.overdue.setText(self.tr("None."))
        else:
            lines = [
                self.tr("%1 (%2), condition %3, days late: %4")
                .replace("%1", o.number)
                .replace("%2", o.donor or "?")
                .replace("%3", str(o.condition.no))
                .replace("%4", str(o.days_late))
                for o in overview.overdue[:10]
            ]
            more = len(overview.overdue) - len(lines)
            if more > 0:
                lines.append(self.tr("… and %1 more").replace("%1", str(more)))
            self.overdue.setText("<br>".join(lines))

    def show_portfolio(self, portfolio: Portfolio) -> None:
        """Each capacity: what the offers still to come ask of it, as a share of what is free."""
        bars: list[Bar] = []
        for load in portfolio.loads:
            name = resource_name(load.resource, self.lang)
            if load.capacity is None or load.requested is None:
                bars.append((name, [(1.0, UNKNOWN)], self.tr("unknown")))
                continue
            share = load.requested / load.capacity if load.capacity else float("inf")
            shown = min(share, 1.5)
            colour = OVER if share > 1 else UNDER
            bars.append(
                (
                    name,
                    [(shown, colour)],
                    fmt_percent(share, self.lang) if share != float("inf") else "∞",
                )
            )
        self.loads.set_bars(bars, scale=1.5)
        squeezed = [o.number for o in portfolio.offers if o.squeezed]
        note = self.tr("Offers still to come: %1. 100 % is all the free capacity.").replace(
            "%1", fmt_number(len(portfolio.offers), self.lang)
        )
        if squeezed:
            note += " " + self.tr("Fit alone but not together: %1.").replace(
                "%1", ", ".join(squeezed)
            )
        self.load_note.setText(note)
