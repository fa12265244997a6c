"""Language choice and Qt translators: every visible string goes through Qt's translation system."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("en", "fr")
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"

_installed: list[QTranslator] = []


def translated(context: str, text: str) -> str:
    """Translate a string marked elsewhere with QT_TRANSLATE_NOOP (a variable, so lupdate does
    not read it here). Literal strings call QCoreApplication.translate or self.tr directly."""
    return QCoreApplication.translate(context, text)


def system_language() -> str:
    """French when the system locale is French, else English (issue 8's default)."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def normalise_language(value: object) -> str:
    text = str(value or "").strip().lower()
    return "fr" if text.startswith("fr") else "en"


def install_language(lang: str) -> bool:
    """Swap the application's translators for `lang`; True when its catalogue was loaded.

    English is the source language: its small catalogue holds only the plural forms ("1 row",
    "2 rows"). Qt's own strings (standard buttons, file dialogs) come from Qt's qtbase catalogue
    when it ships with PySide6.
    """
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = normalise_language(lang)
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )
    loaded = False
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS_DIR / f"donation_checker_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
        loaded = True
    if lang != "fr":
        return loaded
    qt_own = QTranslator(app)
    if qt_own.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return loaded
