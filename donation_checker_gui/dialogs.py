"""Questions and warnings put to the user, behind one object so tests can answer them."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


def _file_dialog_labels(save: bool) -> dict[QFileDialog.DialogLabel, str]:
    # Qt's own French catalogue leaves these in English ("Look in", "Files of type").
    label = QFileDialog.DialogLabel
    return {
        label.LookIn: QCoreApplication.translate("Dialogs", "Look in:"),
        label.FileName: QCoreApplication.translate("Dialogs", "File name:"),
        label.FileType: QCoreApplication.translate("Dialogs", "Files of type:"),
        label.Accept: QCoreApplication.translate("Dialogs", "&Save")
        if save
        else QCoreApplication.translate("Dialogs", "&Open"),
        label.Reject: QCoreApplication.translate("Dialogs", "Cancel"),
    }


class Dialogs:
    """Modal message boxes and file dialogs. Tests replace it with a recorder (tests/ui) that
    answers the questions and keeps the folder memory.

    File dialogs start in the folder last used for the same kind of file ("workbook", "case",
    "rules", "report", "mapping"), kept in the settings the window attaches."""

    def __init__(self) -> None:
        self._store: QSettings | None = None
        self._folders: dict[str, str] = {}

    def remember_in(self, store: QSettings) -> None:
        self._store = store

    def last_folder(self, kind: str) -> str:
        folder = str(self._store.value(f"folders/{kind}", "") if self._store else "") or (
            self._folders.get(kind, "")
        )
        if folder and Path(folder).is_dir():
            return folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return documents if documents and Path(documents).is_dir() else ""

    def _remember(self, kind: str, path: str) -> None:
        folder = str(Path(path).resolve().parent)
        self._folders[kind] = folder
        if self._store is not None:
            self._store.setValue(f"folders/{kind}", folder)

    def open_path(
        self, parent: QWidget | None, title: str, filters: str, kind: str = "workbook"
    ) -> str:
        path = self.ask_open(parent, title, self.last_folder(kind), filters)
        if path:
            self._remember(kind, path)
        return path

    def save_path(
        self,
        parent: QWidget | None,
        title: str,
        filters: str,
        suggested: str = "",
        kind: str = "report",
    ) -> str:
        start = suggested
        if not Path(suggested).is_absolute():
            folder = self.last_folder(kind)
            start = str(Path(folder) / suggested) if folder else suggested
        path = self.ask_save(parent, title, start, filters)
        if path:
            self._remember(kind, path)
        return path

    def ask_open(self, parent: QWidget | None, title: str, start: str, filters: str) -> str:
        return self._ask(parent, title, start, filters, save=False)

    def ask_save(self, parent: QWidget | None, title: str, start: str, filters: str) -> str:
        return self._ask(parent, title, start, filters, save=True)

    def _ask(
        self, parent: QWidget | None, title: str, start: str, filters: str, *, save: bool
    ) -> str:
        dialog = self.file_dialog(parent, title, start, filters, save=save)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return ""
        return dialog.selectedFiles()[0]

    def file_dialog(
        self, parent: QWidget | None, title: str, start: str, filters: str, *, save: bool
    ) -> QFileDialog:
        """A file dialog in the interface's language, not yet shown."""
        dialog = QFileDialog(parent, title, start, filters)
        dialog.setAcceptMode(
            QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
        )
        dialog.setFileMode(
            QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile
        )
        if save and Path(start).name:
            dialog.selectFile(Path(start).name)
        for label, text in _file_dialog_labels(save).items():
            dialog.setLabelText(label, text)
        return dialog

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
