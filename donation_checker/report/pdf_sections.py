"""Rows → platypus flowables, one function per section of the report.

Every data string goes through `Ink` (control characters removed). Most text is drawn as plain
characters (`TextBlock`, `TextTable`, plain table cells) and is never parsed; what still goes to a
reportlab Paragraph is escaped first, and markup in this module only ever wraps fixed text written
here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from ..assessment import Assessment, Status
from ..formatting import fmt_date, fmt_number, unknown
from ..render import renderer
from . import rows as R
from .pdf_badge import VerdictBadge
from .pdf_charts import family_chart, fleet_chart
from .pdf_layout import (
    FONT,
    FONT_BOLD,
    FRAME_WIDTH,
    HEADER_FILL,
    INK,
    RULE,
    ZEBRA,
    Para,
    register_fonts,
    styles,
)
from .pdf_text import TextBlock, TextTable, with_ellipsis, wrap_words
from .safe_text import (
    PARA_LIMIT,
    clean,
    has_right_to_left,
    missing_glyphs,
    para,
    shorten,
    visual,
)
from .texts import label, status_name, verdict_advice, verdict_name

# Status symbols survive greyscale printing where a coloured cell would not.
_STATUS_MARK = {Status.FAIL: "✘", Status.WARN: "⚠", Status.UNKNOWN: "?", Status.PASS: "✔"}

_GRID = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
    ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
]


class Ink:
    """Turns data text into safe flowables and notes the characters the font cannot draw."""

    def __init__(self, lang: str, share: bool = False, currency: str = "code") -> None:
        self.lang = lang
        self.r = renderer(lang, share, currency)  # writes every message, for this reader
        self.covered = register_fonts()
        self.missing: set[str] = set()
        self.right_to_left = False
        self.shortened = False  # a plain cell was cut; the full text is in the Excel export
        self._plain: dict[tuple[str, float, float, int], str] = {}
        self._noted: dict[str, str] = {}
        self.s = styles()

    def _note(self, raw: str) -> str:
        """The text as drawn (see safe_text.visual), noting what the end note must say. A
        long offer repeats the same texts many times: each is looked at once. Printable ASCII
        is all in the font and reads left to right."""
        if raw.isascii():
            return raw
        drawn = self._noted.get(raw)
        if drawn is None:
            self.missing |= missing_glyphs(raw, self.covered)
            self.right_to_left = self.right_to_left or has_right_to_left(raw)
            drawn = self._noted[raw] = visual(raw, self.covered)
        return drawn

    def p(self, text: object, style: str = "cell", bold_prefix: str = "") -> Flowable:
        """Untrusted `text` as a paragraph, optionally after a fixed bold prefix."""
        raw = self._note(clean(text))
        st = getattr(self.s, style)
        if not bold_prefix:
            return _text(shorten(raw, PARA_LIMIT), st)
        if st.fontName == FONT_BOLD:  # the prefix is in the style's font already
            return _text(f"{shorten(bold_prefix, PARA_LIMIT)} {shorten(raw, PARA_LIMIT)}", st)
        if st.alignment == TA_LEFT:
            return TextBlock(
                [shorten(raw, PARA_LIMIT)], st, prefix=shorten(bold_prefix, PARA_LIMIT)
            )
        return Para(f"<b>{para(bold_prefix)}</b> {para(raw)}", st)

    def lines(self, items: Sequence[str], style: str = "cell") -> Flowable:
        """Several data strings in one cell, one per line."""
        parts = []
        for item in items:
            parts.append(shorten(self._note(clean(item)), PARA_LIMIT))
        return TextBlock(parts, getattr(self.s, style))

    def plain(self, text: object, width: float, size: float = 8, max_lines: int = 2) -> str:
        """Untrusted `text` as a plain table cell: wrapped to `width` points, at most `max_lines`
        lines (the last one ending with "…" when cut). A plain string is drawn as is, never
        parsed, and costs a fraction of a Paragraph: this keeps a 1,000-row table fast."""
        key = (str(text), width, size, max_lines)
        cached = self._plain.get(key)
        if cached is not None:
            return cached
        full = clean(text)
        raw = shorten(full, 80 * max_lines)
        lines = wrap_words(self._note(raw), width, size)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = with_ellipsis(lines[-1], width, size)
            self.shortened = True
        self.shortened = self.shortened or raw != full
        out = self._plain[key] = "\n".join(lines)
        return out

    def t(self, key: str, **values: str) -> str:
        return label(key, self.lang, **values)

    def other_lines(self, n: int) -> str:
        """`… 12 other lines (see the Excel export).`"""
        return self.t("one_other_line_excel") if n == 1 else self.t("other_lines_excel", n=str(n))


def _text(text: str, style: ParagraphStyle) -> Flowable:
    """Text drawn as is (never parsed as markup) in a paragraph style."""
    if style.alignment == TA_LEFT and not style.borderWidth and not style.backColor:
        return TextBlock([text], style)
    return Para(para(text), style)


def heading(ink: Ink, key: str, level: str) -> list[Flowable]:
    """A section heading that moves to the next page rather than end a page alone."""
    room = 90 if level == "h1" else 70
    return [CondPageBreak(room), _text(ink.t(key), getattr(ink.s, level))]


def _table(
    data: list[list[object]], widths: Sequence[float], extra: Sequence[tuple[object, ...]] = ()
) -> Table:
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style = list(_GRID)
    for i in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    style.extend(extra)
    table.setStyle(TableStyle(style))
    return table


def _head(ink: Ink, *keys: str, right_from: int | None = None) -> list[object]:
    """Header cells; columns from `right_from` on hold numbers and are right-aligned."""
    return [
        _text(
            ink.t(k),
            ink.s.head_cell_right
            if right_from is not None and i >= right_from
            else ink.s.head_cell,
        )
        for i, k in enumerate(keys)
    ]


def _fractions(*parts: float) -> list[float]:
    total = sum(parts)
    return [FRAME_WIDTH * p / total for p in parts]


# ---------------------------------------------------------------- first page


def first_page(a: Assessment, meta: R.ReportMeta, ink: Ink) -> list[Flowable]:
    summarised = meta.summarised(a)
    lang = meta.lang
    h = a.offer_header
    out: list[Flowable] = [_text(ink.t("doc_title"), ink.s.title)]
    subtitle = " — ".join(x for x in (clean(h.reference or ""), clean(h.donor or "")) if x.strip())
    if subtitle:
        out.append(ink.p(subtitle, "subtitle"))
    else:
        out.append(Spacer(1, 6))
    if ink.r.share:
        out.append(_text(ink.t("share_banner"), ink.s.banner))

    ident = R.identification_rows(a, meta)
    half = (len(ident) + 1) // 2
    left, right = ident[:half], ident[half:]
    grid: list[list[object]] = []
    for i in range(half):
        row: list[object] = [
            _text(left[i][0], ink.s.muted),
            ink.p(left[i][1], "cell_bold"),
        ]
        if i < len(right):
            row += [_text(right[i][0], ink.s.muted), ink.p(right[i][1], "cell_bold")]
        else:
            row += ["", ""]
        grid.append(row)
    ident_table = Table(grid, colWidths=_fractions(0.8, 1.7, 0.8, 1.7), hAlign="LEFT")
    ident_table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    out += [ident_table, Spacer(1, 10)]

    names = {v: verdict_name(v, lang) for v in a.verdict.__class__}
    out += [VerdictBadge(a.verdict, names, verdict_advice(a.verdict, lang)), Spacer(1, 8)]

    head = R.headline_rows(a, lang)[1:]  # the verdict itself is the badge
    head_cells: list[list[object]] = []
    for key, value in head:
        cell = ink.p(value, "cell_bold")
        if key == label("confidence", lang):
            note = para(ink.t("confidence_note"))
            cell = Para(f"<b>{para(value)}</b> <font size=7.5>({note})</font>", ink.s.cell)
        head_cells.append([_text(key, ink.s.muted), cell])
    head_table = Table(
        head_cells,
        colWidths=_fractions(1, 4.2),
        hAlign="LEFT",
    )
    head_table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    out.append(head_table)
    out += key_reasons_section(a, ink)
    out += conditions_section(a, ink, summarised)
    out += counter_proposal_section(a, ink, summarised)
    return out


def key_reasons_section(a: Assessment, ink: Ink) -> list[Flowable]:
    out: list[Flowable] = heading(ink, "key_reasons", "h2")
    rows = R.key_reason_rows(a, ink.r)
    if not rows:
        return [*out, _text(ink.t("no_key_reasons"), ink.s.body)]
    data: list[list[object]] = []
    for r in rows:
        data.append(
            [
                _text(_STATUS_MARK[r.status], ink.s.cell_bold),
                [
                    ink.p(r.message, "cell", bold_prefix=f"{r.rule_id} {r.title}."),
                    ink.p(r.where, "muted"),
                ],
            ]
        )
    table = Table(data, colWidths=[_NUMBER_COL, FRAME_WIDTH - _NUMBER_COL], hAlign="LEFT")
    table.setStyle(_LIST_STYLE)
    return [*out, table]


_NUMBER_COL = 22  # room for "12." in a numbered list

_LIST_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)


def conditions_section(a: Assessment, ink: Ink, summarised: bool = False) -> list[Flowable]:
    out: list[Flowable] = heading(ink, "conditions", "h2")
    more: list[Flowable] = []
    if summarised:
        summary = R.condition_summary(a, ink.r)
        rows = summary.rows
        if summary.other_wordings:
            note = ink.t(
                "conditions_more", n=str(summary.other_wordings), m=str(summary.other_lines)
            )
            more = [Spacer(1, 2), _text(note, ink.s.muted)]
    else:
        rows = R.condition_rows(a, ink.r)
    if not rows:
        return [*out, _text(ink.t("no_conditions"), ink.s.body)]
    data: list[list[object]] = []
    for i, c in enumerate(rows, start=1):
        where = c.where
        if c.removes_knockout:
            where += f" · {ink.t('removes_knockout')}"
        data.append(
            [
                _text(f"{i}.", ink.s.cell_bold),
                [ink.p(c.text, "cell"), ink.p(f"{c.rule_id} · {where}", "muted")],
            ]
        )
    table = Table(data, colWidths=[_NUMBER_COL, FRAME_WIDTH - _NUMBER_COL], hAlign="LEFT")
    table.setStyle(_LIST_STYLE)
    return [*out, table, *more]


def counter_proposal_section(a: Assessment, ink: Ink, summarised: bool = False) -> list[Flowable]:
    out: list[Flowable] = heading(ink, "counter_proposal", "h2")
    rows = R.counter_rows(a, ink.r, R.TOP_SHOWN if summarised else None)
    if not rows:
        return [*out, _text(ink.t("no_counter_proposal"), ink.s.body)]
    left = R.counter_count(a) - len(rows) if summarised else 0
    if left > 0:
        out.append(_text(ink.t("counter_top", n=str(len(rows))), ink.s.muted))
    data: list[list[object]] = [
        _head(ink, "line", "offered", "absorbable", "limiting_factor", "better_fit")
    ]
    for r in rows:
        data.append(
            [
                ink.p(r.where),
                ink.p(r.offered),
                ink.p(r.absorbable, "cell_bold"),
                ink.p(r.limiting),
                ink.p(r.alternative),
            ]
        )
    out.append(_table(data, _fractions(2.3, 0.8, 1.1, 2.2, 2.4)))
    if left > 0:
        out.append(_text(ink.other_lines(left), ink.s.muted))
    return out


# ---------------------------------------------------------------- scores and fleet


def scores_section(a: Assessment, ink: Ink) -> list[Flowable]:
    rows = R.family_rows(a, ink.lang)
    out: list[Flowable] = heading(ink, "sec_scores", "h1")
    if not rows:
        return out
    data: list[list[object]] = [_head(ink, "family", "score", "weight")]
    data += [[ink.p(r.name), ink.p(r.score_text), ink.p(r.weight_text)] for r in rows]
    # Chart, caption and table read as one exhibit: never split them across pages.
    return [
        KeepTogether(
            [
                *out,
                family_chart(rows, unknown(ink.lang)),
                _text(ink.t("chart_caption"), ink.s.muted),
                Spacer(1, 4),
                _table(data, _fractions(3, 1.2, 1.6)),
            ]
        )
    ]


def fleet_section(a: Assessment, meta: R.ReportMeta, ink: Ink) -> list[Flowable]:
    out: list[Flowable] = heading(ink, "sec_fleet", "h1")
    rows = R.fleet_rows(a.fleet_impact, ink.r)
    if not rows:
        return [*out, _text(ink.t("no_fleet_impact"), ink.s.body)]
    holdings_shown = ink.r.shows("holdings")
    if holdings_shown:
        # The chart draws exact model counts of the recipient's fleet.
        named = [
            dataclasses.replace(c, category=ink.r.value(c.title)) if c.title is not None else c
            for c in a.fleet_impact
        ]
        out.append(fleet_chart(named, ink.t("models_before"), ink.t("models_after")))
    if not holdings_shown:
        # Unit counts are the recipient's holdings: the columns are left out, not blanked.
        data: list[list[object]] = [
            _head(ink, "category", "models_before", "models_after", "new_models")
        ]
        for r in rows:
            data.append(
                [
                    ink.p(r.category),
                    ink.p(r.models_before),
                    ink.p(r.models_after, "cell_bold"),
                    ink.p(r.new_models),
                ]
            )
        widths = _fractions(2.2, 1.1, 1.1, 3.4)
    else:
        data = [
            _head(
                ink,
                "category",
                "models_before",
                "models_after",
                "units_before",
                "units_after",
                "new_models",
            )
        ]
        for r in rows:
            data.append(
                [
                    ink.p(r.category),
                    ink.p(r.models_before),
                    ink.p(r.models_after, "cell_bold"),
                    ink.p(r.units_before),
                    ink.p(r.units_after),
                    ink.p(r.new_models),
                ]
            )
        widths = _fractions(1.8, 0.9, 0.9, 0.9, 0.9, 2.4)
    caption = ink.t("fleet_caption" if holdings_shown else "fleet_share_caption")
    return [*out, _table(data, widths), Spacer(1, 3), _text(caption, ink.s.muted)]


# ---------------------------------------------------------------- offer lines


def lines_section(a: Assessment, ink: Ink, summarised: bool = False) -> list[Flowable]:
    """Every line of the offer, one table row each, in plain cells (no Paragraph per row). In a
    summarised report a main finding is cut to two lines, so 1,000 lines stay a table to scan."""
    out: list[Flowable] = heading(ink, "sec_lines", "h1")
    rows = R.line_rows(a, ink.r)
    if not rows:
        return [*out, _text(ink.t("no_lines"), ink.s.body)]
    # "acceptation sous conditions" on one line; the main finding takes what is left.
    widths = [32.0, 124.0, 40.0, 118.0]
    widths.append(FRAME_WIDTH - sum(widths))
    inner = [w - 2 * TextTable.PAD_X for w in widths]
    verdicts: dict[str, str] = {}  # a handful of distinct verdict names, wrapped once each
    depth = 2 if summarised else 8
    data: list[list[str]] = []
    for r in rows:
        verdict = verdicts.get(r.verdict)
        if verdict is None:
            verdict = verdicts[r.verdict] = ink.plain(r.verdict, inner[3])
        data.append(
            [
                r.number,
                ink.plain(r.item, inner[1], max_lines=depth),
                r.score,
                verdict,
                ink.plain(r.main_finding, inner[4], max_lines=depth),
            ]
        )
    header = _head(ink, "line", "item", "score", "verdict", "main_finding")
    out.append(TextTable(header, data, widths, right=[0]))
    if ink.shortened:
        out.append(_text(ink.t("lines_shortened"), ink.s.muted))
    return out


# ---------------------------------------------------------------- findings


def findings_section(a: Assessment, ink: Ink, summarised: bool = False) -> list[Flowable]:
    out: list[Flowable] = heading(ink, "sec_findings", "h1")
    groups = R.finding_groups(a, ink.r, R.WORST_SHOWN if summarised else None)
    if not groups:
        return [*out, _text(ink.t("no_findings"), ink.s.body)]
    widths = _fractions(1.7, 1.25, 5.0)
    colon = R.colon(ink.lang)
    lead: list[Flowable] = out[1:]  # the section title travels with the first family
    out = out[:1]
    if summarised:
        note = ink.t(
            "findings_summary_note", n=fmt_number(len(a.lines), ink.lang, 0), m=str(R.WORST_SHOWN)
        )
        lead.append(_text(note, ink.s.body))
    for fam in groups:
        tables = [_rule_table(rule, ink, widths, colon) for rule in fam.rules]
        title = ink.p(f"{fam.name} — {fam.score_text}", "h2")
        # The family title stays with its first rule (KeepTogether still splits a rule
        # table taller than a page).
        out += [KeepTogether([*lead, title, *tables[:1]]), *tables[1:]]
        lead = []
    return out


def _rule_summary(rule: R.RuleGroup, ink: Ink, colon: str) -> str:
    """`Lines: fail 12 · warning 30 · pass 958; scores 0–100/100`."""
    counts = " · ".join(
        f"{_STATUS_MARK[status]} {status_name(status, ink.lang)}{colon} {n}"
        for status, n in rule.counts
    )
    text = f"{ink.t('rule_lines')}{colon} {counts}"
    if rule.score_range:
        text += f"{ink.t('separator')}{ink.t('score_range', n=rule.score_range)}"
    return text


def _rule_table(rule: R.RuleGroup, ink: Ink, widths: Sequence[float], colon: str) -> Table:
    """One rule as one table whose two header rows (the rule, then the column names) repeat on
    every page it runs over, so a reader never wonders which rule a row belongs to."""
    heading: list[Flowable] = [
        ink.p(rule.title, "h3", bold_prefix=f"{_STATUS_MARK[rule.worst]} {rule.rule_id}")
    ]
    if rule.sources:
        heading.append(ink.p("; ".join(rule.sources), "muted", bold_prefix=ink.t("source") + colon))
    if rule.counts:
        heading.append(ink.p(_rule_summary(rule, ink, colon), "small"))
    data: list[list[object]] = [[heading, "", ""]]
    if rule.rows:
        data.append(_head(ink, "line", "status", "explanation"))
    for r in rule.rows:
        detail: list[Flowable] = [ink.p(r.message)]
        if r.evidence:
            detail.append(ink.lines(r.evidence, "muted"))
        if r.condition:
            detail.append(ink.p(r.condition, "small", bold_prefix=ink.t("condition_tag") + colon))
        # The line and result cells are plain (wrapped here): a Paragraph each would double the
        # layout work of a long findings section.
        data.append(
            [
                ink.plain(r.where, widths[0] - 6, max_lines=6),
                ink.plain(f"{_STATUS_MARK[r.status]} {r.result}", widths[1] - 6, max_lines=4),
                detail,
            ]
        )
    if rule.hidden:
        data.append([_text(ink.other_lines(rule.hidden), ink.s.muted), "", ""])
    table = Table(data, colWidths=list(widths), repeatRows=min(len(data) - 1, 2), hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 2), (1, -1), FONT),
        ("FONTSIZE", (0, 2), (1, -1), 8),
        ("LEADING", (0, 2), (1, -1), 10),
        ("SPAN", (0, 0), (-1, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 1), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
        ("BACKGROUND", (0, 1), (-1, 1), HEADER_FILL),
        ("LINEBELOW", (0, 1), (-1, 1), 0.8, INK),
        ("LINEBELOW", (0, 2), (-1, -1), 0.25, RULE),
    ]
    style += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for i in range(3, len(data), 2)]
    if rule.hidden:
        style.append(("SPAN", (0, -1), (-1, -1)))
    table.setStyle(TableStyle(style))
    return table


# ---------------------------------------------------------------- cost and sensitivity


def cost_section(a: Assessment, meta: R.ReportMeta, ink: Ink) -> list[Flowable]:
    summarised = meta.summarised(a)
    out: list[Flowable] = heading(ink, "sec_cost", "h1")
    lc = a.lifecycle
    if lc is None or not lc.totals:
        out.append(_text(ink.t("no_lifecycle"), ink.s.body))
    else:
        currency = ink.r.currency(R.cost_currency(a)) or ink.t("currency_unknown")
        out.append(
            ink.p(ink.t("horizon", n=str(lc.horizon_years), currency=clean(currency)), "body")
        )
        out.append(_text(ink.t("cost_by_year"), ink.s.h3))
        data: list[list[object]] = [
            _head(
                ink,
                "year",
                "fuel",
                "maintenance",
                "parts",
                "total",
                "headroom",
                "cost_share",
                right_from=0,
            )
        ]
        for r in R.cost_year_rows(a, ink.r):
            data.append(
                [
                    r.year,
                    r.fuel,
                    r.maintenance,
                    r.parts,
                    ink.p(r.total, "cell_bold_right"),
                    r.headroom,
                    ink.p(r.share, "cell_bold_right" if r.exceeds else "cell_right"),
                ]
            )
        extra = [
            ("FONTNAME", (0, 1), (-1, -1), "DejaVuSans"),
            ("FONTSIZE", (0, 1), (-1, -1), 8),
            ("ALIGN", (0, 1), (-1, -1), "RIGHT"),
        ]
        out.append(_table(data, _fractions(0.6, 1.3, 1.3, 1.3, 1.4, 1.4, 1.3), extra))
        if not ink.r.shows("budget"):
            out.append(_text(ink.t("headroom_withheld"), ink.s.muted))
        header, line_rows = R.cost_line_rows(a, ink.lang, R.TOP_SHOWN if summarised else None)
        left = len(lc.lines) - len(line_rows)
        if line_rows:
            title = ink.t("cost_top", n=str(len(line_rows))) if left else ink.t("cost_by_line")
            out.append(_text(title, ink.s.h3))
            n_years = len(header) - 2
            widths = _fractions(2.6, *([1.0] * n_years), 1.1) if n_years <= 6 else None
            table_data: list[list[object]] = [
                [
                    _text(h, ink.s.head_cell if i == 0 else ink.s.head_cell_right)
                    for i, h in enumerate(header)
                ]
            ]
            for cells in line_rows:
                table_data.append([ink.p(cells[0]), *cells[1:]])
            extra_l = [
                ("FONTNAME", (0, 1), (-1, -1), "DejaVuSans"),
                ("FONTSIZE", (0, 1), (-1, -1), 7.5),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ]
            out.append(
                _table(table_data, widths or _fractions(2.6, *([1.0] * (len(header) - 1))), extra_l)
            )
            if left > 0:
                out.append(_text(ink.other_lines(left), ink.s.muted))
        if lc.assumptions:
            out.append(_text(ink.t("assumptions"), ink.s.h3))
            out.append(ink.lines([ink.r.evidence(ev) for ev in lc.assumptions], "small"))
    out += sensitivity_section(a, ink)
    return out


def sensitivity_section(a: Assessment, ink: Ink) -> list[Flowable]:
    out: list[Flowable] = heading(ink, "sec_sensitivity", "h2")
    s = a.sensitivity
    if s is None:
        return [*out, _text(ink.t("no_sensitivity"), ink.s.body)]
    # The statement opens with its own judgement ("Robust:", "Not established:", "Fragile:").
    out.append(ink.p(ink.r.message(s.statement), "body"))
    rows = R.sensitivity_rows(a, ink.lang)
    if rows:
        data: list[list[object]] = [
            _head(ink, "family", "weight", "change_needed", "verdict_after")
        ]
        data += [[ink.p(r.family), r.weight, ink.p(r.change), ink.p(r.verdict_after)] for r in rows]
        out.append(
            _table(
                data,
                _fractions(2.4, 0.8, 2.2, 1.8),
                [("FONTNAME", (0, 1), (-1, -1), "DejaVuSans"), ("FONTSIZE", (0, 1), (-1, -1), 8)],
            )
        )
    return out


# ---------------------------------------------------------------- annex


def annex_section(a: Assessment, meta: R.ReportMeta, ink: Ink) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), _text(ink.t("sec_annex"), ink.s.h1)]
    kv = Table(
        [
            [_text(k, ink.s.muted), ink.p(v, "hash" if k == "SHA-256" else "cell")]
            for k, v in R.ruleset_rows(a, ink.lang)
        ],
        colWidths=_fractions(1, 5),
        hAlign="LEFT",
    )
    kv.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    out.append(kv)

    inputs = R.input_rows(a, ink.r)
    if inputs:
        out.append(Spacer(1, 8))
        data: list[list[object]] = [_head(ink, "role", "file", "rows_imported", "rows_rejected")]
        for r in inputs:
            data.append(
                [
                    ink.p(r.role),
                    [ink.p(r.name), ink.p(r.sha256, "hash")],
                    ink.p(r.imported),
                    ink.p(r.rejected),
                ]
            )
        out.append(_table(data, _fractions(0.9, 4.6, 0.9, 0.9)))
        out.append(_text(ink.t("sha_note"), ink.s.muted))

    weights = R.family_rows(a, ink.lang)
    if weights:
        out += heading(ink, "weights_used", "h2")
        data = [_head(ink, "family", "weight")]
        data += [[ink.p(r.name), ink.p(r.weight_text)] for r in weights]
        out.append(_table(data, _fractions(3, 2)))
    return out


def glyph_note(ink: Ink) -> list[Flowable]:
    """Notes on text the PDF cannot show faithfully: characters that printed as boxes, and
    right-to-left scripts (added last, once all the text is known)."""
    out: list[Flowable] = []
    if ink.missing:
        chars = " ".join(f"U+{ord(c):04X}" for c in sorted(ink.missing)[:40])
        out += [Spacer(1, 8), _text(ink.t("missing_glyphs", chars=chars), ink.s.muted)]
    if ink.right_to_left:
        out += [Spacer(1, 4), _text(ink.t("right_to_left"), ink.s.muted)]
    return out


def report_date_text(meta: R.ReportMeta) -> str:
    return label("generated_on", meta.lang, date=fmt_date(meta.generated, meta.lang))
