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

from ..assessment import Text
from ..atomic import write_bytes_atomic
from ..errors import DonationCheckerError
from ..formatting import fmt_date
from .records import Case, ConditionStatus, Decision

T = Text

OPENING = {
    Decision.ACCEPTED: T(
        "We are pleased to accept your offer {ref} of {date}.",
        "Nous avons le plaisir d’accepter votre offre {ref} du {date}.",
    ),
    Decision.ACCEPTED_WITH_CONDITIONS: T(
        "We accept your offer {ref} of {date}, subject to the conditions below.",
        "Nous acceptons votre offre {ref} du {date}, sous réserve des conditions ci-dessous.",
    ),
    Decision.REDIRECTED: T(
        "We thank you for your offer {ref} of {date}. We would welcome it in the form set out "
        "below, which our forces can take into service and maintain.",
        "Nous vous remercions de votre offre {ref} du {date}. Nous l’accueillerions volontiers "
        "sous la forme précisée ci-dessous, que nos forces peuvent mettre en service et "
        "entretenir.",
    ),
    Decision.DECLINED: T(
        "We thank you for your offer {ref} of {date}. After assessment, we regret that we "
        "cannot accept it: the equipment could not be supported within our fleet.",
        "Nous vous remercions de votre offre {ref} du {date}. Après évaluation, nous regrettons "
        "de ne pouvoir l’accepter : le matériel ne pourrait pas être soutenu au sein de notre "
        "parc.",
    ),
    Decision.WITHDRAWN: T(
        "We take note that your offer {ref} of {date} has been withdrawn, and thank you for it.",
        "Nous prenons acte du retrait de votre offre {ref} du {date} et vous en remercions.",
    ),
}
LABELS = {
    "subject": T(
        "Subject: your offer {ref} — our case {number}",
        "Objet : votre offre {ref} — notre dossier {number}",
    ),
    "our_ref": T("Our reference: {ref}", "Notre référence : {ref}"),
    "offered": T("Equipment offered", "Matériel proposé"),
    "conditions": T("Conditions", "Conditions"),
    "closing": T(
        "We remain at your disposal to settle the details of the handover.",
        "Nous restons à votre disposition pour arrêter les modalités de la remise.",
    ),
    "regards": T("Yours faithfully,", "Veuillez agréer l’expression de notre haute considération."),
    "to": T("To: {donor}", "À l’attention de : {donor}"),
}


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
        return (OPENING[self.decision].get(lang).format(ref=self.reference, date=date),)


def letter_content(
    case: Case, lang: str, author: str = "", organisation: str = ""
) -> LetterContent:
    c = case.summary
    if c.decision is None:
        raise DonationCheckerError(
            f"{c.number} has no decision yet: record it before writing the reply.",
            f"{c.number} n’a pas encore de décision : enregistrez-la avant d’écrire la réponse.",
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


def _lines(content: LetterContent) -> list[tuple[str, str]]:
    """The letter as (style, text) pairs, the same for both formats."""
    lang = content.lang
    out: list[tuple[str, str]] = []
    if content.organisation:
        out.append(("muted", content.organisation))
    when = fmt_date(content.decided_on or dt.date.today(), lang)
    out.append(("muted", when))
    if content.reply_reference:
        out.append(("muted", LABELS["our_ref"].get(lang).format(ref=content.reply_reference)))
    if content.donor:
        out.append(("body", LABELS["to"].get(lang).format(donor=content.donor)))
    out.append(
        (
            "h2",
            LABELS["subject"].get(lang).format(ref=content.reference, number=content.number),
        )
    )
    out.extend(("body", p) for p in content.paragraphs)
    out.append(("h3", LABELS["offered"].get(lang)))
    out.extend(("bullet", item) for item in content.offered)
    if content.conditions:
        out.append(("h3", LABELS["conditions"].get(lang)))
        out.extend(("numbered", text) for text in content.conditions)
    out.append(("body", LABELS["closing"].get(lang)))
    out.append(("body", LABELS["regards"].get(lang)))
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
        title=LABELS["subject"]
        .get(content.lang)
        .format(ref=content.reference, number=content.number),
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
