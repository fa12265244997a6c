"""A French reader's outputs speak French: the PDF, the Excel export, the JSON texts and the
command line's summary of every sample offer hold no English word of the domain and no raw
identifier. What the input files themselves say (a dealer's name, a note) is quoted as written,
so it is set aside before the words are read."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import python_calamine as pc
from pypdf import PdfReader

from donation_checker.assessment import Assessment
from donation_checker.report import build_pdf_bytes, export_xlsx
from donation_checker.serialize import assessment_to_dict
from donation_checker.summary import format_assessment
from tests.core.test_message_catalogue import ENGLISH, SHARED
from tests.workbook_text import workbook_text

SAMPLES = Path(__file__).resolve().parents[2] / "sample_inventories"
INVENTORY = SAMPLES / "inventaire_fama_2025.xlsx"
OFFERS = sorted(p.name for p in SAMPLES.glob("offre_*") if p.suffix in (".xlsx", ".csv"))
WORDS = {w.casefold() for w in ENGLISH} - {w.casefold() for w in SHARED}
IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+(?:_[a-z]+)*=\S")


def _quoted(path: Path) -> list[str]:
    """The texts of an input file, as the outputs may quote them."""
    if path.suffix == ".csv":
        cells = [
            c for line in path.read_text(encoding="utf-8").splitlines() for c in line.split(",")
        ]
    else:
        wb = pc.CalamineWorkbook.from_path(str(path))
        cells = [
            str(v)
            for name in wb.sheet_names
            for row in wb.get_sheet_by_name(name).to_python()
            for v in row
        ]
    texts = {c.strip() for c in cells if isinstance(c, str) and len(c.strip()) > 2}
    return list(texts | {path.name, path.stem})


def _quoted_by(*paths: Path) -> list[str]:
    """The texts of all inputs, longest first: a file's name goes before a word within it."""
    return sorted({t for p in paths for t in _quoted(p)}, key=len, reverse=True)


def _assess(offer: str) -> Assessment:
    from donation_checker.pipeline import run_assessment

    return run_assessment(inventory_path=INVENTORY, offer_path=SAMPLES / offer).assessment


def _problems(text: str, quoted: list[str]) -> list[str]:
    found = []
    for line in text.splitlines():
        own = line
        for q in quoted:
            own = own.replace(q, " ")
        words = {w.casefold() for w in re.findall(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*", own)}
        bad = sorted(words & WORDS) + IDENTIFIER.findall(own)
        if bad:
            found.append(f"{bad}: {line.strip()[:140]}")
    return found


def _json_texts(payload: object) -> str:
    """The JSON's texts: the strings a reader sees, not its keys or codes."""
    out: list[str] = []

    def walk(o: object, key: str = "") -> None:
        if isinstance(o, dict):
            for k, v in o.items():
                walk(v, k)
        elif isinstance(o, list):
            for v in o:
                walk(v, key)
        elif isinstance(o, str) and key in {"text", "message", "title", "label", "statement"}:
            out.append(o)

    walk(payload)
    return "\n".join(out)


@pytest.mark.parametrize("offer", OFFERS)
def test_a_french_reader_gets_no_english_word_and_no_identifier(offer: str, tmp_path: Path) -> None:
    a = _assess(offer)
    quoted = _quoted_by(INVENTORY, SAMPLES / offer)
    pdf = PdfReader(io.BytesIO(build_pdf_bytes(a, lang="fr")))
    xlsx = tmp_path / "export.xlsx"
    export_xlsx(a, xlsx, lang="fr")
    outputs = {
        "PDF": "\n".join(page.extract_text() for page in pdf.pages),
        "Excel": workbook_text(xlsx),
        "JSON": _json_texts(json.loads(json.dumps(assessment_to_dict(a, "fr")))),
        "summary": format_assessment(a, "fr"),
    }
    problems = {name: _problems(text, quoted) for name, text in outputs.items()}
    assert not any(problems.values()), json.dumps(problems, ensure_ascii=False, indent=1)
