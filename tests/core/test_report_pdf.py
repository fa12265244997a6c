"""The PDF report: content, languages, the shareable version, hostile text and atomic writing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from donation_checker.assessment import Assessment, LineAssessment, Verdict
from donation_checker.model import OfferHeader
from donation_checker.report import ReportCancelled, build_pdf, build_pdf_bytes
from tests.core.report_fixtures import (
    HEADROOM,
    SENSITIVE_NUMBERS,
    SENSITIVE_PLACES,
    make_assessment,
    rule_ids,
    spellings,
)

MARKING = "DIFFUSION RESTREINTE"
HOSTILE_DONOR = '<font color="red">ACME & Fils</font> <img src="/etc/passwd"/>'
GENERATED = dt.date(2026, 3, 14)


def pages_text(data: bytes) -> list[str]:
    """Extracted text per page, with no-break spaces folded to plain spaces."""
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"[\u00a0\u202f]", " ", page.extract_text() or "") for page in reader.pages]


def flat(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(pages_text(data)))


@pytest.fixture(scope="module")
def english() -> bytes:
    return build_pdf_bytes(
        make_assessment(),
        lang="en",
        marking=MARKING,
        author="Cdt A. Traoré",
        organisation="Donor coordination cell",
        generated=GENERATED,
    )


def test_first_page_carries_the_verdict_score_and_identification(english: bytes) -> None:
    first = re.sub(r"\s+", " ", pages_text(english)[0])
    assert "ACCEPT WITH CONDITIONS" in first
    assert "58/100" in first and "82%" in first
    for expected in ("BE-DEF-2026-014", "Royaume de Belgique", "Forces armées maliennes",
                     "12 March 2026", "14 March 2026", "Cdt A. Traoré", "Donor coordination cell"):  # fmt: skip
        assert expected in first, expected
    assert "Conditions to attach" in first
    assert "Counter-proposal" in first and "Toyota Land Cruiser 79" in first


def test_every_condition_and_every_rule_that_fired_appears(english: bytes) -> None:
    a = make_assessment()
    text = flat(english)
    for c in a.conditions:
        assert re.sub(r"\s+", " ", c.text.en) in text
    for rule_id in rule_ids(a):
        assert rule_id in text, rule_id


def test_every_page_has_the_marking_and_page_n_of_m(english: bytes) -> None:
    pages = pages_text(english)
    assert len(pages) >= 4
    for n, page in enumerate(pages, start=1):
        assert page.count(MARKING) == 2  # top and bottom
        assert f"page {n} of {len(pages)}" in page
        assert "Generated on 14 March 2026" in page


def test_unknown_family_is_labelled_unknown(english: bytes) -> None:
    assert "Spare parts unknown" in flat(english) or "Spare parts — unknown" in flat(english)


def test_metadata_title_author_subject_and_language(english: bytes) -> None:
    reader = PdfReader(io.BytesIO(english))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Donation assessment — BE-DEF-2026-014"
    assert meta.author == "Cdt A. Traoré"
    assert meta.subject and "donation" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_french_report_uses_french_labels_and_formats() -> None:
    data = build_pdf_bytes(make_assessment(), lang="fr", marking=MARKING, generated=GENERATED)
    text = flat(data)
    pages = pages_text(data)
    assert "ACCEPTATION SOUS CONDITIONS" in text
    assert "12 mars 2026" in text and "Établi le 14 mars 2026" in text
    assert "130 950 000" in text  # year-1 life-cycle cost with French grouping
    assert "82 %" in text
    assert f"page 1 sur {len(pages)}" in pages[0]
    assert "Conditions à poser" in text and "Fournir la version gazole" in text
    assert "Constats par famille de critères" in text
    assert "Pièces de rechange" in text and "inconnu" in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shareable_version_leaks_no_holdings_quantities_or_locations(lang: str) -> None:
    data = build_pdf_bytes(make_assessment(), lang=lang, share=True, generated=GENERATED)
    raw = " ".join(pages_text(data))
    text = re.sub(r"\s+", " ", raw)
    forbidden = {s for n in SENSITIVE_NUMBERS for s in spellings(int(n))}
    forbidden |= {s for s in spellings(HEADROOM)}
    forbidden = {re.sub(r"[\u00a0\u202f]", " ", s) for s in forbidden}
    for secret in sorted(forbidden):
        assert not re.search(rf"(?<![\d,. ]){re.escape(secret)}(?![\d])", text), secret
    for place in SENSITIVE_PLACES:
        assert place.lower() not in text.lower(), place
    assert "Inventaire_Tessalit" not in text
    assert ("Shareable version" if lang == "en" else "Version partageable") in text
    # The answer itself survives redaction.
    assert "COMP-04" in text and "MAINT-01" in text


def test_shared_fleet_impact_keeps_model_bands_but_no_unit_columns() -> None:
    text = flat(build_pdf_bytes(make_assessment(), share=True, generated=GENERATED))
    assert "Units before" not in text
    assert "[1–9]" in text  # the models in service, as a band


def test_hostile_donor_text_appears_literally() -> None:
    a = make_assessment(donor=HOSTILE_DONOR)
    text = flat(build_pdf_bytes(a, marking=MARKING))
    assert HOSTILE_DONOR in text


WEIRD = [
    "Ambulance 🚑 d’occasion",
    "سيارة إسعاف تويوتا",
    "丰田陆地巡洋舰",
    "Ctrl\x00\x01\x07\x1b[31m chars\x7f\x85 \ud800",
    "S&P 500 < 0.9 > 1 <b>bold</b> &amp; &#9731; ]]> <para> <br/>",
    "x" * 20_000,
]


def test_characters_the_font_lacks_or_markup_never_break_the_build() -> None:
    a = make_assessment(donor=" | ".join(WEIRD[:5]))
    lines = tuple(
        dataclasses.replace(line, label=WEIRD[i % len(WEIRD)]) for i, line in enumerate(a.lines)
    )
    a = dataclasses.replace(a, lines=lines)
    data = build_pdf_bytes(a, marking="<b>RESTREINT</b> \x00", author="<img src='x'/>")
    text = flat(data)
    assert "S&P 500 < 0.9 > 1 <b>bold</b> &amp; &#9731;" in text
    assert "<b>RESTREINT</b>" in text
    # CJK is not in DejaVu Sans and Arabic is not shaped: the annex says so instead of failing.
    assert "U+4E30" in text and "U+1F691" in text
    assert "Right-to-left text (Arabic, Hebrew)" in text


class _OpenRecorder:
    """Records every file the process opens while active (sys.addaudithook cannot be removed,
    so the hook stays installed and does nothing when inactive)."""

    active = False
    opened: list[str] = []  # noqa: RUF012
    installed = False

    @classmethod
    def hook(cls, event: str, args: tuple[object, ...]) -> None:
        if cls.active and event == "open":
            cls.opened.append(str(args[0]))


def test_building_opens_no_file_except_the_fonts(tmp_path: Path) -> None:
    a = make_assessment(donor=HOSTILE_DONOR)
    build_pdf_bytes(a)  # first build imports lazily loaded reportlab modules
    if not _OpenRecorder.installed:
        sys.addaudithook(_OpenRecorder.hook)
        _OpenRecorder.installed = True
    _OpenRecorder.opened.clear()
    _OpenRecorder.active = True
    try:
        data = build_pdf_bytes(a, lang="fr", share=True)
        data += build_pdf_bytes(a, lang="en")
    finally:
        _OpenRecorder.active = False
    outside = [p for p in _OpenRecorder.opened if not p.endswith(".ttf")]
    assert outside == []
    assert b"%PDF" in data


def test_build_pdf_writes_the_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    build_pdf(make_assessment(), target, generated=GENERATED)
    good = target.read_bytes()
    assert good.startswith(b"%PDF") and b"%%EOF" in good[-32:]

    calls = 0

    def cancel_mid_layout() -> bool:
        nonlocal calls
        calls += 1
        return calls > 12  # after content is prepared, while reportlab lays out pages

    with pytest.raises(ReportCancelled):
        build_pdf(make_assessment(30), target, lang="fr", cancel=cancel_mid_layout)
    assert target.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_progress_rises_to_one() -> None:
    seen: list[float] = []
    build_pdf_bytes(make_assessment(), progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0 and seen[0] < 0.5


def test_an_empty_assessment_still_builds_with_empty_states() -> None:
    a = Assessment(
        verdict=Verdict.DECLINE,
        score=None,
        confidence=0.0,
        families={},
        family_weights={},
        findings=(),
        conditions=(),
        lines=(),
        counter_proposals=(),
        lifecycle=None,
        sensitivity=None,
        fleet_impact=(),
        offer_header=OfferHeader(),
    )
    text = flat(build_pdf_bytes(a, lang="fr"))
    assert "REFUS" in text
    assert "L’offre ne comporte aucune ligne." in text
    assert "Aucun coût sur le cycle de vie" in text


def test_a_line_with_an_unknown_score_reads_unknown() -> None:
    a = make_assessment()
    lines = (dataclasses.replace(a.lines[0], score=None), *a.lines[1:])
    a = dataclasses.replace(a, lines=lines)
    assert isinstance(a.lines[0], LineAssessment)
    text = flat(build_pdf_bytes(a))
    assert "Toyota Land Cruiser 79 pick-up × 20 unknown" in text


def test_a_thousand_line_offer_gives_a_summarised_report_of_bounded_length(
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = make_assessment(1000)
    start = time.perf_counter()
    data = build_pdf_bytes(a, marking=MARKING)
    elapsed = time.perf_counter() - start
    pages = pages_text(data)
    assert len(pages) < 60
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]
    text = flat(data)
    for rule_id in rule_ids(a):
        assert rule_id in text, rule_id
    assert "Every finding of every line, with its evidence, is in the Excel export." in text
    assert "(see the Excel export)" in text  # rules, costs: the lines left out are counted
    # The offer-lines table stays complete: its last line is there.
    assert "1000 Toyota Land Cruiser 79" in text
    with capsys.disabled():
        print(f"\n1,000-line report: {len(pages)} pages in {elapsed:.1f} s")


def test_summarised_french_report_says_where_the_detail_is() -> None:
    text = flat(build_pdf_bytes(make_assessment(60), lang="fr", generated=GENERATED))
    assert "figurent dans l’export Excel" in text
    assert "voir l’export Excel" in text


def test_detail_threshold_is_a_parameter() -> None:
    a = make_assessment(30)
    full = flat(build_pdf_bytes(a, generated=GENERATED, detail_lines=30))
    short = flat(build_pdf_bytes(a, generated=GENERATED, detail_lines=20))
    note = "Every finding of every line, with its evidence"
    assert note not in full and note in short
    assert "line 30 — Renault Master ambulance" in full


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_rule_cites_its_source_in_the_readers_language(lang: str) -> None:
    a = make_assessment()
    text = flat(build_pdf_bytes(a, lang=lang, marking=MARKING, generated=GENERATED))
    other = "fr" if lang == "en" else "en"
    sources = {f.source for f in (*a.findings, *a.offer_findings) if f.source.en}
    assert sources
    for source in sources:
        shown = re.sub(r"[\u00a0\u202f]", " ", source.get(lang))
        assert shown in text, shown
        assert source.get(other) not in text, source.get(other)
