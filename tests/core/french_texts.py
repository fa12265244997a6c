"""What a French import report must never show: a field's identifier where it has a label, a
straight apostrophe, an English word of the domain. Used on the command line's report and the
JSON report's texts of many files."""

from __future__ import annotations

import re
from collections.abc import Iterator

from donation_checker.catalogue import load_catalogue
from donation_checker.model import ImportReport
from donation_checker.report_json import format_import_report, import_report_to_dict

from .test_message_catalogue import ENGLISH, SHARED

# Field names that are French words as well ("transmission", "condition"): not identifiers.
_FRENCH_TOO = {"transmission", "condition", "description", "date", "notes", "inspection"}


def labelled_fields() -> frozenset[str]:
    """Field identifiers that have a French label differing from the identifier."""
    catalogue = load_catalogue()
    out = set()
    for key in catalogue.entries:
        if key.startswith("fields."):
            name = key.removeprefix("fields.")
            entry = catalogue.get(key)
            assert entry is not None
            if entry.text["fr"].casefold() != name.casefold() and name not in _FRENCH_TOO:
                out.add(name.casefold())
    return frozenset(out)


_FIELDS = labelled_fields()
_ENGLISH = {w.casefold() for w in ENGLISH} - {w.casefold() for w in SHARED}
_QUOTED = re.compile(r"«[^«»]*»")
_WORD = re.compile(r"[A-Za-zÀ-ÿ_]+(?:-[A-Za-zÀ-ÿ]+)*")


def report_texts(report: ImportReport) -> Iterator[str]:
    """The French texts of a report: the command line's, then each text of the JSON report."""
    yield format_import_report(report, "fr", max_issues=10_000)
    data = import_report_to_dict(report, "fr")
    for t in data["tables"]:
        for kind in ("rejected", "skipped", "warnings"):
            yield from (i["message"] for i in t[kind])
        yield from (p["question"] for p in t["proposals"])
        yield from t["normalised_text"]
    yield from (u["text"] for u in data["unread"])
    yield from (q["question"] for q in data["questions"])
    yield from (w["message"] for w in data["warnings"])


def problems(text: str, report: ImportReport) -> list[str]:
    """What is wrong with one French text; the user's own words (quoted values, the file's
    name, the mapping-file lines a question gives to copy) are not judged."""
    for p in report.proposals:
        text = text.replace(p.mapping_line(), "")
    text = _QUOTED.sub("«»", text.replace(report.file, ""))
    found = []
    if "'" in text:
        found.append("straight apostrophe")
    words = {w.casefold() for w in _WORD.findall(text)}
    found += [f"identifier '{w}'" for w in sorted(w for w in words if "_" in w.strip("_"))]
    found += [f"field identifier '{w}'" for w in sorted(words & _FIELDS)]
    found += [f"English word '{w}'" for w in sorted(words & _ENGLISH)]
    return found


def bad_lines(report: ImportReport) -> dict[str, list[str]]:
    """Each line of the report's French texts that shows a problem, with the problems."""
    out: dict[str, list[str]] = {}
    for text in report_texts(report):
        for line in text.splitlines():
            if found := problems(line, report):
                out[line] = found
    return out
