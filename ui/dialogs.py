"""Questions and warnings put to the user, behind one object so tests can answer them."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Dialogs:
    """Modal message boxes and file dialogs. Tests replace it with a recorder (tests/ui)."""

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file contents
        box.exec()

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box.exec() == QMessageBox.StandardButton.Yes

    def save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            text,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def open_path(self, parent: QWidget | None, title: str, filters: str, folder: str = "") -> str:
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return path

    def save_path(
        self, parent: QWidget | None, title: str, filters: str, suggested: str = ""
    ) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path


class HeadlessDialogs(Dialogs):
    """For runs with no one at the screen (--screenshot, benchmarks): print warnings to stderr,
    decline questions, discard on close."""

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        print(f"{title}: {text}", file=sys.stderr)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        return False

    def save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> str:
        return "discard"


def workbook_filter() -> str:
    return QCoreApplication.translate(
        "Dialogs", "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)"
    )


def case_filter() -> str:
    return QCoreApplication.translate(
        "Dialogs", "Donation Checker cases (*.dcase *.json);;All files (*)"
    )
