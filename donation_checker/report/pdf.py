"""Build the PDF assessment report: assessment → rows → flowables → an A4 document."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..assessment import Assessment
from ..atomic import write_bytes_atomic
from ..errors import DonationCheckerError
from ..gcpause import live_objects_set_aside
from .pdf_layout import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PageFurniture,
    numbered_canvas,
)
from .pdf_sections import (
    Ink,
    annex_section,
    cost_section,
    findings_section,
    first_page,
    fleet_section,
    glyph_note,
    lines_section,
    report_date_text,
    scores_section,
)
from .rows import DETAIL_LINES, ReportMeta
from .safe_text import clean
from .texts import label

Progress = Callable[[float], None]
Cancel = Callable[[], bool]

# Share of the progress bar spent preparing content before reportlab lays out the pages.
_PREPARE = 0.2


class ReportCancelled(DonationCheckerError):
    """The user cancelled the report while it was being built; no file was written."""

    def __init__(self) -> None:
        super().__init__(
            "The report was cancelled; no file was written.",
            "La production du rapport a été annulée ; aucun fichier n’a été écrit.",
            reason="cancelled",
        )


def build_pdf_bytes(
    assessment: Assessment,
    *,
    lang: str = "en",
    share: bool = False,
    currency: str = "code",
    marking: str = "",
    author: str = "",
    organisation: str = "",
    generated: dt.date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    detail_lines: int = DETAIL_LINES,
) -> bytes:
    """The report as PDF bytes (for a preview, or to write elsewhere). An offer of more than
    `detail_lines` lines gets a summarised report: per rule, counts and the worst lines; the Excel
    export keeps every line's detail."""
    # The assessment of a long offer is some hundred thousand live objects: a full collection
    # set off by the report's own allocations would walk them all (50 ms for 1,000 lines).
    with live_objects_set_aside():
        return _build(
            assessment,
            lang=lang,
            share=share,
            currency=currency,
            marking=marking,
            author=author,
            organisation=organisation,
            generated=generated,
            progress=progress,
            cancel=cancel,
            detail_lines=detail_lines,
        )


def _build(
    assessment: Assessment,
    *,
    lang: str,
    share: bool,
    currency: str,
    marking: str,
    author: str,
    organisation: str,
    generated: dt.date | None,
    progress: Progress | None,
    cancel: Cancel | None,
    detail_lines: int,
) -> bytes:
    lang = "fr" if lang.lower().startswith("fr") else "en"
    meta = ReportMeta(
        lang=lang,
        share=share,
        marking=clean(marking).strip(),
        author=clean(author).strip(),
        organisation=clean(organisation).strip(),
        generated=generated or dt.date.today(),
        detail_lines=detail_lines,
    )
    report = _Progress(progress, cancel)
    a = assessment
    ink = Ink(lang, share, currency)
    story = _story(a, meta, ink, report)
    report.step(_PREPARE)

    buffer = io.BytesIO()
    title = _title(a, lang)
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=meta.author or meta.organisation or "Donation Checker",
        subject=label("doc_subject", lang),
        creator="Donation Checker",
        lang="fr-FR" if lang == "fr" else "en-GB",
        displayDocTitle=True,
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.setProgressCallBack(report.layout)
    furniture = PageFurniture(
        title=title,
        marking=meta.marking,
        generated=report_date_text(meta),
        page_of=label("page_of", lang, n="{n}", m="{m}"),
        edition=label("share_short", lang) if share else "",
    )
    doc.build(story, canvasmaker=numbered_canvas(furniture))
    report.step(1.0)
    return buffer.getvalue()


def build_pdf(
    assessment: Assessment,
    target: str | os.PathLike[str],
    *,
    lang: str = "en",
    share: bool = False,
    currency: str = "code",
    marking: str = "",
    author: str = "",
    organisation: str = "",
    generated: dt.date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    detail_lines: int = DETAIL_LINES,
) -> None:
    """Write the report to `target`. The whole document is built in memory first and then moved
    into place atomically, so a failed or cancelled build leaves any previous file untouched."""
    data = build_pdf_bytes(
        assessment,
        lang=lang,
        share=share,
        currency=currency,
        marking=marking,
        author=author,
        organisation=organisation,
        generated=generated,
        progress=progress,
        cancel=cancel,
        detail_lines=detail_lines,
    )
    write_bytes_atomic(target, data)


def _title(a: Assessment, lang: str) -> str:
    reference = clean(a.offer_header.reference or "").strip()
    base = label("doc_title", lang)
    return f"{base} — {reference}" if reference else base


def _story(a: Assessment, meta: ReportMeta, ink: Ink, report: _Progress) -> list[Flowable]:
    sections: list[Callable[[], list[Flowable]]] = [
        lambda: first_page(a, meta, ink),
        lambda: scores_section(a, ink),
        lambda: fleet_section(a, meta, ink),
        lambda: lines_section(a, ink, meta.summarised(a)),
        lambda: findings_section(a, ink, meta.summarised(a)),
        lambda: cost_section(a, meta, ink),
        lambda: annex_section(a, meta, ink),
    ]
    story: list[Flowable] = []
    for i, make in enumerate(sections):
        report.check()
        story += make()
        report.step(_PREPARE * (i + 1) / len(sections))
    story += glyph_note(ink)
    return story


class _Progress:
    """Maps reportlab's layout callbacks onto one 0-1 progress value and checks for cancel."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self._progress = progress
        self._cancel = cancel
        self._size = 1
        self._last = 0.0

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ReportCancelled()

    def step(self, value: float) -> None:
        value = min(max(value, self._last), 1.0)
        if self._progress is not None and value > self._last:
            self._progress(value)
        self._last = value

    def layout(self, kind: str, value: int) -> None:
        self.check()
        if kind == "SIZE_EST":
            self._size = max(int(value), 1)
        elif kind == "PROGRESS":
            done = min(max(int(value), 0) / self._size, 1.0)
            self.step(_PREPARE + (0.98 - _PREPARE) * done)
