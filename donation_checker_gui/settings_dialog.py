"""The Preferences dialog: language, officer, organisation, marking, rule set, currency,
register, and the user's own folder of rule sets, vocabulary, aliases and messages."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from donation_checker.user_data import ignored_user_files
from donation_checker.user_files import user_config_dir, user_rules_dir

from .settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(1 if settings.language == "fr" else 0)
        self.officer = QLineEdit(settings.officer_name)
        self.organisation = QLineEdit(settings.organisation)
        self.marking = QLineEdit(settings.marking)
        self.marking.setPlaceholderText(self.tr("e.g. RESTRICTED / DIFFUSION RESTREINTE"))
        self.rules = QLineEdit(settings.default_rules)
        self.rules.setPlaceholderText(self.tr("Shipped default rule set"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        rules_row = QHBoxLayout()
        rules_row.addWidget(self.rules, 1)
        rules_row.addWidget(browse)
        self.currency = QComboBox()
        self.currency.addItem(self.tr("ISO codes (XOF, XAF, EUR…)"), "code")
        self.currency.addItem(self.tr("CFA francs as FCFA"), "local")
        self.currency.setCurrentIndex(0 if settings.currency_mode == "code" else 1)
        self.register = QLineEdit(settings.register_address)
        self.register.setPlaceholderText(self.tr("This computer’s register file"))
        self.register.setToolTip(
            self.tr(
                "Empty: a register file in your data folder. A shared register: "
                "postgresql://user@server/database — the password stays in the PostgreSQL "
                "password or service file, never here."
            )
        )
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Officer name:"), self.officer)
        form.addRow(self.tr("Organisation:"), self.organisation)
        form.addRow(self.tr("Protective marking:"), self.marking)
        form.addRow(self.tr("Default rule set:"), rules_row)
        form.addRow(self.tr("Currency display:"), self.currency)
        form.addRow(self.tr("Register:"), self.register)
        form.addRow(self.tr("Your files:"), self._user_folder_row())
        for label, widget in (
            (self.tr("Language"), self.language),
            (self.tr("Officer name"), self.officer),
            (self.tr("Organisation"), self.organisation),
            (self.tr("Protective marking"), self.marking),
            (self.tr("Default rule set"), self.rules),
            (self.tr("Currency display"), self.currency),
            (self.tr("Register"), self.register),
        ):
            widget.setAccessibleName(label)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _user_folder_row(self) -> QWidget:
        """Where the user's own rule sets, spellings, aliases and messages live, and any file
        there that cannot be used (it is set aside; the shipped data is used instead)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.user_folder = QLineEdit(str(user_config_dir()))
        self.user_folder.setReadOnly(True)
        self.user_folder.setAccessibleName(self.tr("Your files"))
        self.user_folder.setToolTip(
            self.tr(
                "Rule sets (rules/*.toml), column spellings (fields.toml), make and model "
                "aliases (aliases.toml) and report wordings (messages.toml) put here are used "
                "over the shipped ones."
            )
        )
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.clicked.connect(self.show_user_folder)
        row.addWidget(self.user_folder, 1)
        row.addWidget(self.open_folder)
        column.addLayout(row)
        lang = self.settings.language
        problems = [p.describe(lang) for p in ignored_user_files()]
        self.user_problems = QLabel(
            "\n".join(self.tr("Set aside: {problem}").format(problem=p) for p in problems)
        )
        self.user_problems.setTextFormat(Qt.TextFormat.PlainText)  # messages quote the files
        self.user_problems.setWordWrap(True)
        self.user_problems.setStyleSheet("color: #b35900;")
        self.user_problems.setVisible(bool(problems))
        column.addWidget(self.user_problems)
        return box

    def show_user_folder(self) -> bool:
        """Open the user's folder in the file manager (made first, so there is one to open)."""
        user_rules_dir(create=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(user_config_dir())))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a rule set"),
            str(user_rules_dir(create=True)),
            self.tr("Rule sets (*.toml)"),
        )
        if path:
            self.rules.setText(path)

    def accept(self) -> None:
        """A register address with a password is refused here, before anything is stored."""
        from donation_checker.errors import DonationCheckerError
        from donation_checker.register.location import check_storable

        try:
            check_storable(self.register.text().strip())
        except DonationCheckerError as exc:
            QMessageBox.warning(self, self.tr("Register"), exc.describe(self.settings.language))
            return
        super().accept()

    def apply(self) -> bool:
        """Store the values; True when the language changed."""
        s = self.settings
        old = s.language
        s.language = str(self.language.currentData())
        s.officer_name = self.officer.text()
        s.organisation = self.organisation.text()
        s.marking = self.marking.text()
        s.default_rules = self.rules.text()
        s.currency_mode = str(self.currency.currentData())
        s.register_address = self.register.text()
        s.sync()
        return s.language != old
