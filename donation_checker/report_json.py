"""Import reports as JSON-safe dicts and as readable text, in English or French."""

from __future__ import annotations

from typing import Any

from .importer import texts
from .importer.questions import describe_proposal, describe_unread
from .model import ImportReport, Place, Proposal, RowIssue, TableReport, UnreadRegion
from .normalise import fold
from .render import renderer


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
        "normalised_text": [
            texts.normalised_line(k, v, lang) for k, v in sorted(t.normalised.items())
        ],
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


def table_title(name: str, lang: str) -> str:
    """A table by its title in rules/fields.toml."""
    return texts.table_title(name, lang)


def format_import_report(r: ImportReport, lang: str = "en", *, max_issues: int = 20) -> str:
    """A plain-text report for the terminal: one block per table, every rejected row listed."""
    rd = renderer(lang)
    fr = rd.lang == "fr"
    word = rd.word
    out = [f"{r.file}  (SHA-256 {r.sha256[:16]}…)"]
    for t in r.tables:
        where = word("import.report.sheet", sheet=t.sheet) if t.sheet else "CSV"
        if t.header_row:
            where = word("import.report.header_row", where=where, row=str(t.header_row))
        out.append("")
        out.append(word("import.report.table", title=table_title(t.table, lang), where=where))
        out.append(
            "  "
            + word(
                "import.report.rows",
                read=str(t.rows_read),
                imported=str(t.rows_imported),
                rejected=str(t.rows_rejected),
                skipped=str(t.rows_skipped),
            )
        )
        mapped = ", ".join(
            word(
                "import.report.column_mapped" if m.source == "mapped" else "import.report.column",
                column=m.column,
                field=rd.field(m.field),
            )
            for m in t.mapping
        )
        out.append("  " + word("import.report.columns", columns=mapped))
        if t.ignored_columns:
            ignored = ", ".join(texts.ignored_column(c, lang) for c in t.ignored_columns)
            out.append("  " + word("import.report.ignored", columns=ignored))
        for key, issues in (
            ("import.report.rejected", t.rejected),
            ("import.report.warning", t.warnings),
            ("import.report.skipped", t.skipped),
        ):
            for issue in issues[:max_issues]:
                place = issue.place.describe_fr() if fr else issue.place.describe()
                problem = issue.message_fr if fr else issue.message
                out.append("  - " + word(key, place=place, problem=problem))
            if len(issues) > max_issues:
                more = str(len(issues) - max_issues)
                out.append("  - " + word("import.report.more", count=more))
        if t.normalised:
            out.append("  " + word("import.report.normalised"))
            # In the reader's alphabetical order of the fields' labels.
            lines = sorted(
                (texts.normalised_line(k, v, lang) for k, v in t.normalised.items()), key=fold
            )
            out += [f"    - {line}" for line in lines]
    if r.missing_tables:
        out.append("")
        tables = ", ".join(table_title(m, lang) for m in r.missing_tables)
        out.append(word("import.report.missing_tables", tables=tables))
    if r.unread:
        out.append("")
        out.append(word("import.report.unread"))
        out += [f"  - {describe_unread(u, lang)}" for u in r.unread]
    elif r.unrecognised_sheets:
        out.append(word("import.report.unrecognised", sheets=", ".join(r.unrecognised_sheets)))
    questions = r.proposals
    if questions:
        out.append("")
        out.append(word("import.report.questions"))
        out += [f"  ? {describe_proposal(p, lang)}" for p in questions]
    for w in r.warnings:
        out.append(w.message_fr if fr else w.message)
    return "\n".join(out)
