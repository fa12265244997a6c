"""Proposals put to the user as questions, in English and French, with the mapping-file line
that answers each one; and the report's line on data no table took. The sentences are the
message catalogue's import.question and import.unread entries."""

from __future__ import annotations

from collections.abc import Sequence

from ..messages import count
from ..model import Proposal, UnreadRegion
from ..render import renderer
from . import texts


def describe_proposal(p: Proposal, lang: str = "en") -> str:
    r = renderer(lang)
    where = p.place.describe_fr() if r.lang == "fr" else p.place.describe()
    details = ""
    if p.rival:
        details += r.word("import.question.rival", rival=_quoted_field(p.rival, lang))
    if p.guess:
        details += r.word("import.question.guess")
    if p.unknown:
        details += r.word("import.question.unknown", words=", ".join(p.unknown))
    return r.word(
        "import.question.proposal",
        place=where,
        field=_quoted_field(p.field, lang),
        confidence=f"{p.confidence:.2f}",
        details=details,
        line=p.mapping_line(),
    )


def _quoted_field(name: str, lang: str) -> str:
    return texts.in_lang("import.quoted", lang, value=renderer(lang).field(name))


def proposals_detail(proposals: Sequence[Proposal]) -> tuple[str, str]:
    """A sentence for an error message listing the columns only proposed, in both languages."""
    if not proposals:
        return "", ""
    out = []
    for lang in texts.LANGS:
        r = renderer(lang)
        columns = ", ".join(
            r.word(
                "import.question.proposed_column",
                column=p.place.column,
                header=texts.in_lang("import.quoted", lang, value=p.place.header),
                field=r.field(p.field),
            )
            for p in proposals
        )
        out.append(r.word("import.question.proposed", columns=columns))
    return out[0], out[1]


def describe_unread(u: UnreadRegion, lang: str = "en") -> str:
    """One line of the report for data no table took: where, how much, and why."""
    r = renderer(lang)
    where_key = f"import.unread.{u.where}"
    where = r.word(where_key) if r.has(where_key) else u.where
    text = texts.in_lang(
        "import.unread.region",
        lang,
        sheet=u.sheet,
        first=str(u.first_row),
        last=str(u.last_row),
        where=where,
        rows=count(u.rows),
        cells=count(u.cells),
    )
    if u.candidate:
        text += r.word(
            "import.unread.candidate",
            table=texts.table_title(u.candidate, lang),
            row=str(u.header_row),
            score=f"{u.score:g}",
            recognised=r.fields(u.recognised),
            missing=r.fields(u.missing),
        )
    return text
