"""Help: the short user guide in the interface's language, and the folder of the log."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from donation_checker.logs import log_path


def guide_text(lang: str) -> str:
    """The guide as Markdown; it ships inside the application (package ui.help)."""
    name = "guide_fr.md" if lang == "fr" else "guide_en.md"
    return resources.files("donation_checker_gui.help").joinpath(name).read_text(encoding="utf-8")


class GuideDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        # Fits a 1366×768 screen with the window's frame and the taskbar.
        self.resize(720, 600)


def open_log_folder() -> bool:
    """Show the log's folder in the desktop's file manager; False when none opens it."""
    folder = log_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
