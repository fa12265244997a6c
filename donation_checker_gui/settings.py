"""User preferences and remembered state, persisted with QSettings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from donation_checker.formatting import CURRENCY_STYLES

from .i18n import normalise_language, system_language

ORGANISATION = "DonationChecker"
APPLICATION = "donation-checker"
MAX_RECENT = 8


class Settings:
    """Typed accessors over QSettings. Tests pass an .ini path so they never touch the real
    user settings."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self.qsettings = QSettings(ORGANISATION, APPLICATION)
        else:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    # --- preferences --------------------------------------------------------------------------

    def _text(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return str(value) if value is not None else default

    @property
    def language(self) -> str:
        stored = self._text("prefs/language")
        return normalise_language(stored) if stored else system_language()

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("prefs/language", normalise_language(value))

    @property
    def officer_name(self) -> str:
        return self._text("prefs/officer_name")

    @officer_name.setter
    def officer_name(self, value: str) -> None:
        self.qsettings.setValue("prefs/officer_name", value.strip())

    @property
    def organisation(self) -> str:
        return self._text("prefs/organisation")

    @organisation.setter
    def organisation(self, value: str) -> None:
        self.qsettings.setValue("prefs/organisation", value.strip())

    @property
    def marking(self) -> str:
        return self._text("prefs/marking")

    @marking.setter
    def marking(self, value: str) -> None:
        self.qsettings.setValue("prefs/marking", value.strip())

    @property
    def default_rules(self) -> str:
        """Path of the rule set loaded at start; empty for the shipped default."""
        return self._text("prefs/default_rules")

    @default_rules.setter
    def default_rules(self, value: str) -> None:
        self.qsettings.setValue("prefs/default_rules", value.strip())

    @property
    def register_address(self) -> str:
        """The shared register's address; empty for the SQLite file in the user data folder.
        Never holds a password (the dialog refuses one: see check_storable)."""
        return self._text("prefs/register_address")

    @register_address.setter
    def register_address(self, value: str) -> None:
        from donation_checker.register.location import check_storable

        check_storable(value.strip())
        self.qsettings.setValue("prefs/register_address", value.strip())

    @property
    def currency_mode(self) -> str:
        value = self._text("prefs/currency_mode", CURRENCY_STYLES[0])
        return value if value in CURRENCY_STYLES else CURRENCY_STYLES[0]

    @currency_mode.setter
    def currency_mode(self, value: str) -> None:
        self.qsettings.setValue(
            "prefs/currency_mode", value if value in CURRENCY_STYLES else CURRENCY_STYLES[0]
        )

    # --- remembered state ---------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        raw = self.qsettings.value("state/recent", [])
        items = (
            [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else []
        )
        return [str(x) for x in items if str(x)]

    def add_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        items = [p for p in self.recent_files() if p != path]
        self.qsettings.setValue("state/recent", [path, *items][:MAX_RECENT])

    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value("state/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, data: QByteArray) -> None:
        self.qsettings.setValue("state/geometry", data)

    def window_state(self) -> QByteArray | None:
        value = self.qsettings.value("state/window_state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, data: QByteArray) -> None:
        self.qsettings.setValue("state/window_state", data)

    def mappings(self, shape: str) -> list[dict[str, Any]]:
        """Column mappings remembered for workbooks whose sheet names give `shape`."""
        raw = self._text(f"mappings/{shape}")
        try:
            data = json.loads(raw) if raw else []
        except json.JSONDecodeError:
            return []
        return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []

    def remember_mapping(self, shape: str, entry: dict[str, Any]) -> None:
        kept = [
            e
            for e in self.mappings(shape)
            if (e.get("sheet"), e.get("header_row"), e.get("table"))
            != (entry.get("sheet"), entry.get("header_row"), entry.get("table"))
        ]
        self.qsettings.setValue(f"mappings/{shape}", json.dumps([entry, *kept][:5]))

    def sync(self) -> None:
        self.qsettings.sync()
