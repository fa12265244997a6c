"""Proposals put to the user as questions, in English and French, with the mapping-file line
that answers each one."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Proposal, UnreadRegion
from ..render import renderer


def describe_proposal(p: Proposal, lang: str = "en") -> str:
    fr = lang == "fr"
    where = p.place.describe_fr() if fr else p.place.describe()
    field = renderer(lang).field(p.field)
    rival = renderer(lang).field(p.rival) if p.rival else ""
    if fr:
        text = (
            f"{where}\u00a0: s’agit-il de «\u00a0{field}\u00a0»\u202f? "
            f"(confiance {p.confidence:.2f}"
        )
        if rival:
            text += f", ou peut-être «\u00a0{rival}\u00a0»"
        if p.guess:
            text += ", les mots ne partagent que leurs premières lettres"
        if p.unknown:
            text += f", mot inconnu du vocabulaire\u00a0: {', '.join(p.unknown)}"
        return text + f") Si oui, ajoutez au fichier d’association\u00a0: {p.mapping_line()}"
    text = f"{where}: is this '{field}'? (confidence {p.confidence:.2f}"
    if rival:
        text += f", or perhaps '{rival}'"
    if p.guess:
        text += ", the words only share their first letters"
    if p.unknown:
        text += f", a word the vocabulary does not know: {', '.join(p.unknown)}"
    return text + f") If so, add to the mapping file: {p.mapping_line()}"


def proposals_detail(proposals: Sequence[Proposal]) -> tuple[str, str]:
    """A sentence for an error message listing the columns only proposed, in both languages."""
    if not proposals:
        return "", ""
    en = "; ".join(
        f"{p.place.column} ('{p.place.header}') → {renderer('en').field(p.field)}?"
        for p in proposals
    )
    fr = "\u202f; ".join(
        f"{p.place.column} («\u00a0{p.place.header}\u00a0») → "
        f"{renderer('fr').field(p.field)}\u202f?"
        for p in proposals
    )
    return (
        f" Columns proposed, not used without your confirmation: {en}.",
        f" Colonnes proposées, non utilisées sans votre confirmation\u00a0: {fr}.",
    )


_WHERE = {
    "sheet": ("sheet", "feuille"),
    "above": ("above the table", "au-dessus du tableau"),
    "below": ("below the table", "sous le tableau"),
    "beside": ("in columns without a header", "dans des colonnes sans en-tête"),
}


def _fields(names: Sequence[str], lang: str) -> str:
    return ", ".join(renderer(lang).field(n) for n in names) or "-"


def describe_unread(u: UnreadRegion, lang: str = "en") -> str:
    """One line of the report for data no table took: where, how much, and why."""
    fr = lang == "fr"
    en_where, fr_where = _WHERE.get(u.where, (u.where, u.where))
    if fr:
        text = (
            f"feuille « {u.sheet} », lignes {u.first_row}–{u.last_row} ({fr_where}) : "
            f"{u.rows} lignes, {u.cells} cellules"
        )
        if u.candidate:
            text += (
                f"\u202f; meilleur candidat\u00a0: {u.candidate} (en-tête ligne {u.header_row}, "
                f"score {u.score:g}), reconnu\u00a0: {_fields(u.recognised, lang)}, "
                f"manque\u00a0: {_fields(u.missing, lang)}"
            )
        return text
    text = (
        f"sheet '{u.sheet}', rows {u.first_row}–{u.last_row} ({en_where}): "
        f"{u.rows} rows, {u.cells} cells"
    )
    if u.candidate:
        text += (
            f"; best candidate: {u.candidate} (header row {u.header_row}, score {u.score:g}), "
            f"recognised: {_fields(u.recognised, lang)}, missing: {_fields(u.missing, lang)}"
        )
    return text
