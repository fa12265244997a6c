"""The Preferences dialog: language, officer, organisation, marking, rule set, currency."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Officer name:"), self.officer)
        form.addRow(self.tr("Organisation:"), self.organisation)
        form.addRow(self.tr("Protective marking:"), self.marking)
        form.addRow(self.tr("Default rule set:"), rules_row)
        form.addRow(self.tr("Currency display:"), self.currency)
        for label, widget in (
            (self.tr("Language"), self.language),
            (self.tr("Officer name"), self.officer),
            (self.tr("Organisation"), self.organisation),
            (self.tr("Protective marking"), self.marking),
            (self.tr("Default rule set"), self.rules),
            (self.tr("Currency display"), self.currency),
        ):
            widget.setAccessibleName(label)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a rule set"), "", self.tr("Rule sets (*.toml)")
        )
        if path:
            self.rules.setText(path)

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
        s.sync()
        return s.language != old
