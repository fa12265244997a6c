"""The reply to the donor, in French or English, as PDF or an editable Word document.

A letter is built from `LetterContent` only: the case's number, the donor's own offer (what
was offered, in what quantity), the decision and the conditions in their shareable wording.
The recipient's holdings never reach it: the register keeps each condition's sentence with
the holdings banded by the shareable rendering policy (render.py), the only wording a letter quotes.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_bytes_atomic
from ..errors import DonationCheckerError
from ..formatting import fmt_date
from ..messages import text as plain
from .records import Case, ConditionStatus, Decision
from .words import letter


@dataclass(frozen=True)
class LetterContent:
    """Everything a reply may say: nothing here comes from the recipient's holdings."""

    lang: str
    number: str
    donor: str
    reference: str
    offer_date: dt.date | None
    decision: Decision
    decided_on: dt.date | None
    reply_reference: str | None
    offered: tuple[str, ...]  # "Toyota Land Cruiser 79 × 20": the donor's own offer
    conditions: tuple[str, ...]
    author: str
    organisation: str

    @property
    def paragraphs(self) -> tuple[str, ...]:
        lang = self.lang
        date = fmt_date(self.offer_date, lang) if self.offer_date else "—"
        return (letter(self.decision.value, lang, ref=plain(self.reference), date=plain(date)),)


def letter_content(
    case: Case, lang: str, author: str = "", organisation: str = ""
) -> LetterContent:
    c = case.summary
    if c.decision is None:
        raise DonationCheckerError(
            letter("no_decision", "en", number=plain(c.number)),
            letter("no_decision", "fr", number=plain(c.number)),
            hint=f"donation-checker register decide {c.number} accepted|declined|…",
            reason="register_no_decision",
        )
    quoted = c.decision in (Decision.ACCEPTED_WITH_CONDITIONS, Decision.REDIRECTED)
    return LetterContent(
        lang=lang,
        number=c.number,
        donor=c.donor or "",
        reference=c.reference or c.number,
        offer_date=c.offer_date,
        decision=c.decision,
        decided_on=c.decided_on,
        reply_reference=case.reply_reference,
        offered=tuple(f"{ln.make} {ln.model} × {ln.quantity}".strip() for ln in case.lines),
        conditions=tuple(
            dict.fromkeys(
                cond.shareable(lang)
                for cond in case.conditions
                if quoted and cond.status != ConditionStatus.WAIVED
            )
        ),
        author=author,
        organisation=organisation,
    )


def _subject(content: LetterContent) -> str:
    return letter(
        "subject", content.lang, ref=plain(content.reference), number=plain(content.number)
    )


def _lines(content: LetterContent) -> list[tuple[str, str]]:
    """The letter as (style, text) pairs, the same for both formats."""
    lang = content.lang
    out: list[tuple[str, str]] = []
    if content.organisation:
        out.append(("muted", content.organisation))
    when = fmt_date(content.decided_on or dt.date.today(), lang)
    out.append(("muted", when))
    if content.reply_reference:
        out.append(("muted", letter("our_ref", lang, ref=plain(content.reply_reference))))
    if content.donor:
        out.append(("body", letter("to", lang, donor=plain(content.donor))))
    out.append(
        (
            "h2",
            _subject(content),
        )
    )
    out.extend(("body", p) for p in content.paragraphs)
    out.append(("h3", letter("offered", lang)))
    out.extend(("bullet", item) for item in content.offered)
    if content.conditions:
        out.append(("h3", letter("conditions", lang)))
        out.extend(("numbered", text) for text in content.conditions)
    out.append(("body", letter("closing", lang)))
    out.append(("body", letter("regards", lang)))
    if content.author:
        out.append(("body", content.author))
    return out


def letter_pdf_bytes(content: LetterContent) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from ..report.pdf_layout import Para, styles
    from ..report.safe_text import para

    st = styles()
    style = {
        "muted": st.muted,
        "body": st.body,
        "h2": st.h2,
        "h3": st.h3,
        "bullet": st.body,
        "numbered": st.body,
    }
    story: list[object] = []
    number = 0
    for kind, text in _lines(content):
        if kind == "numbered":
            number += 1
            text = f"{number}. {text}"
        elif kind == "bullet":
            text = f"• {text}"
        story.append(Para(para(text), style[kind]))
        if kind in ("body", "h2"):
            story.append(Spacer(1, 3 * mm))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=_subject(content),
        author=content.author,
        invariant=1,
    )
    doc.build(story)
    return buf.getvalue()


def letter_docx_bytes(content: LetterContent) -> bytes:
    from docx import Document

    document = Document()
    for kind, text in _lines(content):
        if kind == "h2":
            document.add_heading(text, level=2)
        elif kind == "h3":
            document.add_heading(text, level=3)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "numbered":
            document.add_paragraph(text, style="List Number")
        else:
            document.add_paragraph(text)
    document.core_properties.author = content.author
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def write_pdf(
    case: Case, target: str | Path, lang: str, author: str = "", organisation: str = ""
) -> None:
    write_bytes_atomic(target, letter_pdf_bytes(letter_content(case, lang, author, organisation)))


def write_docx(
    case: Case, target: str | Path, lang: str, author: str = "", organisation: str = ""
) -> None:
    write_bytes_atomic(target, letter_docx_bytes(letter_content(case, lang, author, organisation)))
