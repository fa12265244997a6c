"""Fixtures for the GUI tests: offscreen Qt, isolated settings and data folder, fake dialogs,
and small workbooks written on the fly so the tests do not depend on the sample files."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from donation_checker_gui.dialogs import Dialogs

FLEET_HEADERS = [
    "Category",
    "Make",
    "Model",
    "Variant",
    "Quantity",
    "Quantity serviceable",
    "Year",
    "Location",
    "Fuel",
    "Drive side",
]
FLEET_ROWS = [
    ["Pick-up", "Toyota", "Land Cruiser 79", "single cab", 12, 10, 2018, "North", "Diesel", "LHD"],
    ["Pick-up", "Toyota", "Land Cruiser 79", "double cab", 8, 7, 2020, "East", "Diesel", "LHD"],
    ["Pick-up", "Nissan", "Navara D22", "double cab", 4, 2, 2012, "West", "Diesel", "LHD"],
    ["Truck", "Mercedes-Benz", "Zetros 1833", "cargo", 6, 6, 2020, "Capital", "Diesel", "LHD"],
    ["Ambulance", "Toyota", "Land Cruiser 78", "ambulance", 4, 3, 2018, "Capital", "Diesel", "LHD"],
    ["Pick-up", "Toyota", "Hilux", "double cab", "lots", 3, 2014, "Capital", "Diesel", "LHD"],
]


@pytest.fixture(autouse=True)
def english_translators(qapp: Any) -> Iterator[None]:
    """Qt's translators belong to the process, not to a window: each test starts with the
    English catalogue installed, whatever the test before it installed."""
    from donation_checker_gui.i18n import install_language

    install_language("en")
    yield
    install_language("en")


class FakeDialogs(Dialogs):
    """Answers the window's questions without showing anything, and records what was said.
    File dialogs are not faked here: tests monkeypatch QFileDialog itself."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[tuple[str, str]] = []
        self.confirm_answer = True
        self.close_answer = "discard"
        self.asked: list[str] = []
        self.texts: list[str] = []

    def warning(self, parent: Any, title: str, text: str) -> None:
        self.warnings.append((title, text))

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        self.asked.append(title)
        self.texts.append(text)
        return self.confirm_answer

    def save_discard_cancel(self, parent: Any, title: str, text: str) -> str:
        self.asked.append(title)
        return self.close_answer

    def ask_open(self, parent: Any, title: str, start: str, filters: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getOpenFileName(parent, title, start, filters)[0]

    def ask_save(self, parent: Any, title: str, start: str, filters: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getSaveFileName(parent, title, start, filters)[0]


class Notices:
    """The ErrorReporter's notifier: records (title, text, details) instead of a dialog."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []

    def __call__(self, title: str, text: str, details: str) -> None:
        self.items.append((title, text, details))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Logs and autosaves go to a temporary data folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("DONATION_CHECKER_HOME", str(folder))
    return folder


@pytest.fixture
def notices() -> Notices:
    return Notices()


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def settings(tmp_path: Path, home: Path) -> Any:
    from donation_checker_gui.settings import Settings

    s = Settings(tmp_path / "settings.ini")
    s.language = "en"
    return s


@pytest.fixture
def window(qtbot: Any, settings: Any, dialogs: FakeDialogs, notices: Notices) -> Iterator[Any]:
    from donation_checker_gui.errors import ErrorReporter
    from donation_checker_gui.main_window import MainWindow

    reporter = ErrorReporter(notifier=notices)
    win = MainWindow(settings, reporter, dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    yield win
    win.session.set_modified(False)
    win.runner.shutdown()
    win.autosaver.stop()
    # Results the finished tasks queued are delivered now, while the window still exists,
    # not into the next test after it is gone.
    qtbot.wait(10)
    reporter.uninstall()


def write_workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def inventory_file(tmp_path: Path) -> Path:
    return write_workbook(
        tmp_path / "inventory.xlsx",
        {
            "Fleet": [FLEET_HEADERS, *FLEET_ROWS],
            "Maintenance": [
                ["Workshop", "Location", "Mechanics", "Qualified on"],
                ["Central Workshop", "Capital", 9, "Toyota, Nissan"],
            ],
            "Profile": [
                ["Recipient", "Demo Force"],
                ["Country", "Demoland"],
                ["Traffic side", "right"],
                ["Currency", "USD"],
            ],
        },
    )


@pytest.fixture
def offer_file(tmp_path: Path) -> Path:
    return write_workbook(
        tmp_path / "offer.xlsx",
        {
            "Offer": [
                ["Donor", "Partner Q"],
                ["Offer reference", "PQ-1"],
                [],
                [
                    "Category",
                    "Make",
                    "Model",
                    "Quantity",
                    "Year",
                    "Condition",
                    "Fuel",
                    "Drive side",
                ],
                ["Pick-up", "Toyota", "Land Cruiser 79", 6, 2025, "new", "diesel", "LHD"],
                ["Pick-up", "Isuzu", "D-Max", 4, 2025, "new", "diesel", "LHD"],
            ]
        },
    )


@pytest.fixture
def unknown_headers_file(tmp_path: Path) -> Path:
    """A fleet table whose headers no vocabulary knows."""
    return write_workbook(
        tmp_path / "odd.xlsx",
        {
            "Feuil1": [
                ["Etat du matériel roulant au 31/12"],
                [],
                ["Genre X", "Fab.", "Réf. engin", "Nbr"],
                ["Pick-up", "Toyota", "Land Cruiser 79", 12],
                ["Truck", "Mercedes-Benz", "Zetros 1833", 6],
            ]
        },
    )
