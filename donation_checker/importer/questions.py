"""Proposals put to the user as questions, in English and French, with the mapping-file line
that answers each one."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Proposal


def describe_proposal(p: Proposal, lang: str = "en") -> str:
    fr = lang == "fr"
    where = p.place.describe_fr() if fr else p.place.describe()
    if fr:
        text = f"{where} : s'agit-il de « {p.field} » ? (confiance {p.confidence:.2f}"
        if p.rival:
            text += f", ou peut-être « {p.rival} »"
        if p.guess:
            text += ", les mots ne partagent que leurs premières lettres"
        return text + f") Si oui, ajoutez au fichier d'association : {p.mapping_line()}"
    text = f"{where}: is this '{p.field}'? (confidence {p.confidence:.2f}"
    if p.rival:
        text += f", or perhaps '{p.rival}'"
    if p.guess:
        text += ", the words only share their first letters"
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
