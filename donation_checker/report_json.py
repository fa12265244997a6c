"""Import reports as JSON-safe dicts and as readable text, in English or French."""

from __future__ import annotations

from typing import Any

from .importer.questions import describe_proposal, describe_unread
from .model import ImportReport, Place, Proposal, RowIssue, TableReport, UnreadRegion


def place_to_dict(place: Place) -> dict[str, Any]:
    return {
        "file": place.file,
        "sheet": place.sheet,
        "row": place.row,
        "column": place.column,
        "header": place.header,
    }


def issue_to_dict(issue: RowIssue, lang: str = "en") -> dict[str, Any]:
    return {
        **place_to_dict(issue.place),
        "reason": issue.reason,
        "message": issue.message_fr if lang == "fr" else issue.message,
        "value": issue.value,
    }


def table_report_to_dict(t: TableReport, lang: str = "en") -> dict[str, Any]:
    return {
        "table": t.table,
        "sheet": t.sheet,
        "header_row": t.header_row,
        "rows_read": t.rows_read,
        "rows_imported": t.rows_imported,
        "rows_rejected": t.rows_rejected,
        "rows_skipped": t.rows_skipped,
        "rejected": [issue_to_dict(i, lang) for i in t.rejected],
        "skipped": [issue_to_dict(i, lang) for i in t.skipped],
        "warnings": [issue_to_dict(i, lang) for i in t.warnings],
        "mapping": [
            {
                "field": m.field,
                "column": m.column,
                "header": m.header,
                "confidence": m.confidence,
                "source": m.source,
            }
            for m in t.mapping
        ],
        "proposals": [proposal_to_dict(p, lang) for p in t.proposals],
        "ignored_columns": list(t.ignored_columns),
        "normalised": dict(sorted(t.normalised.items())),
    }


def import_report_to_dict(r: ImportReport, lang: str = "en") -> dict[str, Any]:
    return {
        "file": r.file,
        "sha256": r.sha256,
        "kind": r.kind,
        "rows_imported": r.rows_imported,
        "rows_rejected": r.rows_rejected,
        "tables": [table_report_to_dict(t, lang) for t in r.tables],
        "missing_tables": list(r.missing_tables),
        "unrecognised_sheets": list(r.unrecognised_sheets),
        "unread": [unread_to_dict(u, lang) for u in r.unread],
        "questions": [proposal_to_dict(p, lang) for p in r.proposals],
        "warnings": [issue_to_dict(i, lang) for i in r.warnings],
    }


def proposal_to_dict(p: Proposal, lang: str = "en") -> dict[str, Any]:
    return {
        **place_to_dict(p.place),
        "table": p.table,
        "field": p.field,
        "confidence": p.confidence,
        "rival": p.rival,
        "unknown_words": list(p.unknown),
        "question": describe_proposal(p, lang),
        "mapping_line": p.mapping_line(),
    }


def unread_to_dict(u: UnreadRegion, lang: str = "en") -> dict[str, Any]:
    return {
        "sheet": u.sheet,
        "first_row": u.first_row,
        "last_row": u.last_row,
        "rows": u.rows,
        "cells": u.cells,
        "where": u.where,
        "candidate": u.candidate,
        "header_row": u.header_row,
        "score": u.score,
        "recognised": list(u.recognised),
        "missing": list(u.missing),
        "text": describe_unread(u, lang),
    }


_TABLE_NAMES = {
    "fleet": ("Fleet", "Parc"),
    "maintenance": ("Maintenance", "Maintenance"),
    "spare_parts": ("Spare parts", "Pièces de rechange"),
    "budget": ("Budget", "Budget"),
    "personnel": ("Personnel", "Personnel"),
    "pledges": ("Partners' pledges", "Engagements des partenaires"),
    "profile": ("Profile", "Profil"),
    "offer_lines": ("Offer lines", "Lignes de l'offre"),
    "offer_header": ("Offer header", "En-tête de l'offre"),
}


def table_title(name: str, lang: str) -> str:
    en, fr = _TABLE_NAMES.get(name, (name, name))
    return fr if lang == "fr" else en


def format_import_report(r: ImportReport, lang: str = "en", *, max_issues: int = 20) -> str:
    """A plain-text report for the terminal: one block per table, every rejected row listed."""
    fr = lang == "fr"
    c = " : " if fr else ": "  # French typography: a space before the colon
    out = [f"{r.file}  (SHA-256 {r.sha256[:16]}…)"]
    for t in r.tables:
        where = (f"feuille « {t.sheet} »" if fr else f"sheet '{t.sheet}'") if t.sheet else "CSV"
        if t.header_row:
            where += f", {'en-tête ligne' if fr else 'header row'} {t.header_row}"
        out.append("")
        out.append(f"{table_title(t.table, lang)} — {where}")
        if fr:
            out.append(
                f"  lignes lues {t.rows_read} · importées {t.rows_imported} · "
                f"rejetées {t.rows_rejected} · ignorées {t.rows_skipped}"
            )
        else:
            out.append(
                f"  rows read {t.rows_read} · imported {t.rows_imported} · "
                f"rejected {t.rows_rejected} · skipped {t.rows_skipped}"
            )
        mark = " (associée)" if fr else " (mapped)"
        mapped = ", ".join(
            f"{m.column}→{m.field}{mark if m.source == 'mapped' else ''}" for m in t.mapping
        )
        out.append(f"  {'colonnes' if fr else 'columns'}{c}{mapped}")
        if t.ignored_columns:
            label = "colonnes ignorées" if fr else "columns ignored"
            out.append(f"  {label}{c}{', '.join(t.ignored_columns)}")
        for title, issues in (
            ("rejetée" if fr else "rejected", t.rejected),
            ("avertissement" if fr else "warning", t.warnings),
            ("ignorée" if fr else "skipped", t.skipped),
        ):
            for issue in issues[:max_issues]:
                place = issue.place.describe_fr() if fr else issue.place.describe()
                out.append(f"  - {title}{c}{place}{c}{issue.message_fr if fr else issue.message}")
            if len(issues) > max_issues:
                more = len(issues) - max_issues
                out.append(f"  - … {more} {'de plus (voir --json)' if fr else 'more (see --json)'}")
        if t.normalised:
            norm = ", ".join(f"{k} {v}" for k, v in sorted(t.normalised.items()))
            out.append(f"  {'valeurs normalisées' if fr else 'values normalised'}{c}{norm}")
    if r.missing_tables:
        label = "tables absentes" if fr else "tables not found"
        out.append("")
        out.append(f"{label}{c}{', '.join(table_title(m, lang) for m in r.missing_tables)}")
    if r.unread:
        out.append("")
        out.append("Données non importées :" if fr else "Data not imported:")
        out += [f"  - {describe_unread(u, lang)}" for u in r.unread]
    elif r.unrecognised_sheets:
        label = "feuilles non reconnues" if fr else "sheets not recognised"
        out.append(f"{label}{c}{', '.join(r.unrecognised_sheets)}")
    questions = r.proposals
    if questions:
        out.append("")
        out.append(
            "Questions (colonnes proposées, non utilisées sans votre réponse) :"
            if fr
            else "Questions (columns proposed, not used until you answer):"
        )
        out += [f"  ? {describe_proposal(p, lang)}" for p in questions]
    for w in r.warnings:
        out.append(w.message_fr if fr else w.message)
    return "\n".join(out)
