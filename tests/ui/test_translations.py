"""The French catalogue covers every visible string with a finished, typographically French
translation; it matches the code and its compiled .qm; the language follows the system at first
and is remembered after."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "donation_checker_gui"
TRANSLATIONS = UI_DIR / "translations"
FR_TS = TRANSLATIONS / "donation_checker_fr.ts"
EN_TS = TRANSLATIONS / "donation_checker_en.ts"
ALLOWED_IDENTICAL = TRANSLATIONS / "allowed_identical.txt"

NBSP = "\u00a0"  # before ":" and inside « guillemets »
NNBSP = "\u202f"  # before ; ! ? and %
PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}|%L?n|%p|%\d")
ACCELERATOR = re.compile(r"&(?!&)(.)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    kind: str  # the translation's type attribute: "" when finished
    forms: tuple[str, ...]


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            numerus = m.get("numerus") == "yes"
            if tr is None:
                kind, forms = "missing", ()
            elif numerus:
                kind, forms = (
                    tr.get("type", ""),
                    tuple(f.text or "" for f in tr.iter("numerusform")),
                )
            else:
                kind, forms = tr.get("type", ""), (tr.text or "",)
            messages.append(Message(name, m.findtext("source") or "", numerus, kind, forms))
    return messages


def allowed_identical() -> set[str]:
    lines = ALLOWED_IDENTICAL.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line.strip() and not line.startswith("#")}


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


# --- the catalogue itself -----------------------------------------------------------------------


def test_every_string_has_a_finished_french_translation() -> None:
    allowed = allowed_identical()
    problems = []
    messages = read_ts(FR_TS)
    assert len(messages) > 300
    for m in messages:
        where = f"{m.context}: {m.source!r}"
        if m.kind:
            problems.append(f"{where} is {m.kind}")
        elif m.numerus and len(m.forms) != 2:
            problems.append(f"{where} needs 2 plural forms (French), has {len(m.forms)}")
        elif any(not f.strip() for f in m.forms):
            problems.append(f"{where} has an empty translation")
        elif all(f == m.source for f in m.forms) and m.source not in allowed:
            problems.append(f"{where} is left equal to its English source")
    assert not problems, "\n".join(problems)


def test_allow_list_names_only_strings_of_the_catalogue() -> None:
    sources = {m.source for m in read_ts(FR_TS)}
    assert allowed_identical() <= sources, allowed_identical() - sources


def test_translations_keep_placeholders_and_accelerators() -> None:
    problems = []
    for m in read_ts(FR_TS):
        wanted = Counter(PLACEHOLDER.findall(m.source))
        keys = ACCELERATOR.findall(m.source)
        for form in m.forms:
            if Counter(PLACEHOLDER.findall(form)) != wanted:
                problems.append(f"{m.context}: {m.source!r} -> {form!r}: placeholders differ")
            found = ACCELERATOR.findall(form)
            if len(found) != len(keys) or any(not k.isalnum() for k in found):
                problems.append(f"{m.context}: {m.source!r} -> {form!r}: accelerator")
    assert not problems, "\n".join(problems)


def french_typography_problems(text: str) -> list[str]:
    """What a French proof-reader would mark in one translated string."""
    text = text.replace(";;", "\x00")  # Qt's file-filter separator, not punctuation
    out = []
    if "'" in text:
        out.append("straight apostrophe (use ’)")
    if "..." in text:
        out.append("three dots (use …)")
    for match in re.finditer(r"(.)([;!?])", text):
        if match.group(1) not in (NNBSP, NBSP):
            out.append(f"no narrow no-break space before {match.group(2)!r}")
    for match in re.finditer(r"(.):(\s|$)", text):
        if match.group(1) != NBSP:
            out.append("no no-break space before ':'")
    for match in re.finditer(r"(.)%(?![pnL\d])", text):
        if match.group(1) != NNBSP:
            out.append("no narrow no-break space before '%'")
    if re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text):
        out.append("guillemets without no-break spaces inside")
    if re.search(r"[\"“”]", text):
        out.append("English quotation marks (use « … »)")
    return out


def test_french_typography() -> None:
    problems = [
        f"{m.context}: {form!r}: {p}"
        for m in read_ts(FR_TS)
        for form in m.forms
        for p in french_typography_problems(form)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        (f"Avis{NBSP}: {{verdict}}", True),
        ("Avis : {verdict}", False),
        ("Avis: {verdict}", False),
        (f"Voulez-vous les enregistrer{NNBSP}?", True),
        ("Voulez-vous les enregistrer ?", False),
        (f"«{NBSP}Modèle{NBSP}»", True),
        ("«Modèle»", False),
        ("L'offre", False),
        (f"Lecture… %p{NNBSP}%", True),
        ("Lecture… %p %", False),
        ("Classeurs (*.xlsx);;Tous les fichiers (*)", True),
    ],
)
def test_the_typography_check_itself(text: str, ok: bool) -> None:
    assert (french_typography_problems(text) == []) is ok


def test_english_plural_forms_are_finished() -> None:
    messages = read_ts(EN_TS)
    fr_numerus = {(m.context, m.source) for m in read_ts(FR_TS) if m.numerus}
    assert {(m.context, m.source) for m in messages} == fr_numerus
    for m in messages:
        assert m.numerus and not m.kind and len(m.forms) == 2, m
        for form in m.forms:
            assert form.strip(), m
            assert Counter(PLACEHOLDER.findall(form)) == Counter(PLACEHOLDER.findall(m.source)), m


# --- the catalogue against the code and the compiled files --------------------------------------


def test_catalogue_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    out = tmp_path / "current.ts"
    sources = sorted(str(p) for p in UI_DIR.glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    in_code = {(m.context, m.source, m.numerus) for m in read_ts(out)}
    in_catalogue = {(m.context, m.source, m.numerus) for m in read_ts(FR_TS)}
    assert in_code == in_catalogue, (
        f"run scripts/build-translations.sh: new in the code {sorted(in_code - in_catalogue)}, "
        f"gone from the code {sorted(in_catalogue - in_code)}"
    )


@pytest.mark.parametrize("ts", [FR_TS, EN_TS], ids=["fr", "en"])
def test_committed_qm_answers_every_translation(ts: Path) -> None:
    """Checked through Qt itself, so it needs no build tool: a .qm older than its .ts misses
    strings or gives their former text."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    for m in read_ts(ts):
        if m.numerus:
            for n, form in ((1, m.forms[0]), (2, m.forms[1])):
                assert translator.translate(m.context, m.source, None, n) == form, m
        else:
            assert translator.translate(m.context, m.source) == m.forms[0], m


@pytest.mark.parametrize("ts", [FR_TS, EN_TS], ids=["fr", "en"])
def test_committed_qm_is_what_lrelease_builds(ts: Path, tmp_path: Path) -> None:
    built = tmp_path / ts.with_suffix(".qm").name
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "run scripts/build-translations.sh --release"
    )


# --- the catalogue in the running window --------------------------------------------------------


def _mnemonic(text: str) -> str | None:
    found = ACCELERATOR.findall(text)
    return found[0].casefold() if found else None


def _visible_texts(window: Any) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit

    texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for widget in window.findChildren(QLabel):
        texts.append(widget.text())
    for widget in window.findChildren(QAbstractButton):
        texts += [widget.text(), widget.toolTip()]
    for widget in window.findChildren(QGroupBox):
        texts.append(widget.title())
    for widget in window.findChildren(QLineEdit):
        texts.append(widget.placeholderText())
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    for action in [a for m in menus for a in m.actions()] + window.menuBar().actions():
        texts += [action.text(), action.statusTip()]
    return [t for t in texts if t]


def test_french_window_speaks_french_with_unique_accelerators(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from donation_checker_gui.i18n import install_language

    window.settings.language = "fr"
    window.apply_preferences(True)
    # The English widgets the language change replaced are deleted on the next event loop pass.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    try:
        bar = window.menuBar()
        menus = [a.menu() for a in bar.actions() if a.menu() is not None]
        assert [m.title() for m in menus] == ["&Fichier", "É&dition", "&Aide"]
        top_level = [_mnemonic(m.title()) for m in menus]
        top_level += [_mnemonic(window.tabs.tabText(i)) for i in range(window.tabs.count())]
        assert len(top_level) == len(set(top_level)), top_level
        for menu in menus:
            keys = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
            keys = [k for k in keys if k]
            assert len(keys) == len(set(keys)), (menu.title(), keys)
        english = {m.source for m in read_ts(FR_TS)} - allowed_identical()
        left_in_english = sorted(set(_visible_texts(window)) & english)
        assert not left_in_english, left_in_english
        assert window.status_assessment.text() in ("Aucune évaluation", "Évaluation en cours…")
    finally:
        install_language("en")


def test_plural_forms_follow_the_count(qtbot: Any) -> None:
    from donation_checker_gui.i18n import install_language
    from donation_checker_gui.labels import rows_imported_text

    try:
        install_language("fr")
        assert rows_imported_text(1, 0) == "1 ligne importée, 0 rejetée."
        assert rows_imported_text(1234, 2) == f"1{NNBSP}234 lignes importées, 2 rejetées."
        install_language("en")
        assert rows_imported_text(1, 2) == "1 row imported, 2 rejected."
    finally:
        install_language("en")


# --- the language setting -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system", "expected"), [("French", "fr"), ("English", "en"), ("Portuguese", "en")]
)
def test_language_defaults_to_the_system_when_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str, expected: str
) -> None:
    from PySide6.QtCore import QLocale

    import donation_checker_gui.i18n
    from donation_checker_gui.settings import Settings

    class SystemLocale(QLocale):
        @staticmethod
        def system() -> QLocale:
            return QLocale(getattr(QLocale.Language, system))

    monkeypatch.setattr(donation_checker_gui.i18n, "QLocale", SystemLocale)
    assert Settings(tmp_path / "fresh.ini").language == expected


def test_language_choice_is_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import donation_checker_gui.i18n
    from donation_checker_gui.settings import Settings

    monkeypatch.setattr(donation_checker_gui.i18n, "system_language", lambda: "en")
    first = Settings(tmp_path / "settings.ini")
    first.language = "fr"
    first.sync()
    assert Settings(tmp_path / "settings.ini").language == "fr"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_shown_codes_read_back_to_the_same_code(qtbot: Any, lang: str) -> None:
    """Diesel shows as "gazole" in French; typed back into the offer it is still diesel."""
    from donation_checker import normalise
    from donation_checker_gui.i18n import install_language
    from donation_checker_gui.labels import _VALUES, value_word

    readers = {
        "condition": normalise.canonical_condition,
        "fuel": normalise.canonical_fuel,
        "drive_side": normalise.canonical_drive_side,
        "transmission": normalise.canonical_transmission,
        "complexity": normalise.canonical_complexity,
        "inspection": normalise.canonical_inspection,
    }
    assert set(_VALUES) == set(readers)
    try:
        install_language(lang)
        for field, codes in _VALUES.items():
            for code in codes:
                word = value_word(field, code)
                assert readers[field](word) == code, (field, code, word)
                if lang == "fr":
                    assert word != code, (field, code)
    finally:
        install_language("en")
