"""Proposals put to the user as questions, in English and French, with the mapping-file line
that answers each one."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Proposal, UnreadRegion


def describe_proposal(p: Proposal, lang: str = "en") -> str:
    fr = lang == "fr"
    where = p.place.describe_fr() if fr else p.place.describe()
    if fr:
        text = f"{where} : s'agit-il de « {p.field} » ? (confiance {p.confidence:.2f}"
        if p.rival:
            text += f", ou peut-être « {p.rival} »"
        if p.guess:
            text += ", les mots ne partagent que leurs premières lettres"
        if p.unknown:
            text += f", mot inconnu du vocabulaire : {', '.join(p.unknown)}"
        return text + f") Si oui, ajoutez au fichier d'association : {p.mapping_line()}"
    text = f"{where}: is this '{p.field}'? (confidence {p.confidence:.2f}"
    if p.rival:
        text += f", or perhaps '{p.rival}'"
    if p.guess:
        text += ", the words only share their first letters"
    if p.unknown:
        text += f", a word the vocabulary does not know: {', '.join(p.unknown)}"
    return text + f") If so, add to the mapping file: {p.mapping_line()}"


def proposals_detail(proposals: Sequence[Proposal]) -> tuple[str, str]:
    """A sentence for an error message listing the columns only proposed, in both languages."""
    if not proposals:
        return "", ""
    en = "; ".join(f"{p.place.column} ('{p.place.header}') → {p.field}?" for p in proposals)
    fr = "; ".join(f"{p.place.column} (« {p.place.header} ») → {p.field} ?" for p in proposals)
    return (
        f" Columns proposed, not used without your confirmation: {en}.",
        f" Colonnes proposées, non utilisées sans votre confirmation : {fr}.",
    )


_WHERE = {
    "sheet": ("sheet", "feuille"),
    "above": ("above the table", "au-dessus du tableau"),
    "below": ("below the table", "sous le tableau"),
    "beside": ("in columns without a header", "dans des colonnes sans en-tête"),
}


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
                f" ; meilleur candidat : {u.candidate} (en-tête ligne {u.header_row}, "
                f"score {u.score:g}), reconnu : {', '.join(u.recognised) or '-'}, "
                f"manque : {', '.join(u.missing) or '-'}"
            )
        return text
    text = (
        f"sheet '{u.sheet}', rows {u.first_row}–{u.last_row} ({en_where}): "
        f"{u.rows} rows, {u.cells} cells"
    )
    if u.candidate:
        text += (
            f"; best candidate: {u.candidate} (header row {u.header_row}, score {u.score:g}), "
            f"recognised: {', '.join(u.recognised) or '-'}, missing: {', '.join(u.missing) or '-'}"
        )
    return text
