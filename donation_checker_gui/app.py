"""Entry point of the desktop application (`donation-checker-gui`), including the offscreen
`--screenshot` mode used for the README and for visual checks."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dialogs import Dialogs
    from .errors import ErrorReporter
    from .main_window import MainWindow
    from .settings import Settings

TAB_NAMES = ("inventory", "offer", "assessment", "rules", "report", "register")
SCREENSHOT_TIMEOUT_MS = 180_000


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="donation-checker-gui", description="Donation Checker desktop application"
    )
    parser.add_argument("file", nargs="?", help="an inventory workbook or a case file to open")
    parser.add_argument("--inventory", help="inventory workbook to load")
    parser.add_argument("--offer", help="offer workbook to load")
    parser.add_argument("--rules", help="rule set file to use instead of the default one")
    parser.add_argument("--lang", choices=("en", "fr"), help="interface language")
    parser.add_argument(
        "--tab", choices=TAB_NAMES, default="assessment", help="area shown by --screenshot"
    )
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="render the window offscreen with the files loaded, save a PNG, exit",
    )
    parser.add_argument("--size", default="1366x768", help="window size for --screenshot")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from .errors import ErrorReporter
    from .i18n import install_language
    from .settings import APPLICATION, ORGANISATION, Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    QApplication.setApplicationDisplayName("Donation Checker")

    if args.screenshot:
        import tempfile

        # A throwaway settings file: a screenshot must not depend on, or change, the user's.
        ini = Path(tempfile.mkdtemp(prefix="dc-shot-")) / "settings.ini"
        settings = Settings(ini)
        reporter = ErrorReporter(notifier=_stderr_notifier)
    else:
        settings = Settings()
        reporter = ErrorReporter()
    if args.lang:
        settings.language = args.lang
    if args.rules:
        settings.default_rules = str(Path(args.rules).resolve())
    reporter.install()
    install_language(settings.language)

    if args.screenshot:
        return _screenshot(app, settings, reporter, args)
    open_window(settings, reporter, args)
    return int(app.exec())


def open_window(
    settings: Settings,
    reporter: ErrorReporter,
    args: argparse.Namespace,
    dialogs: Dialogs | None = None,
) -> MainWindow:
    """Show the main window at once, as a shell the event loop completes on its next turns
    (pandas, the core and the panels load meanwhile); then recover or open the files asked."""
    from .main_window import MainWindow

    window = MainWindow(settings, reporter, dialogs, deferred=True)
    window.show()
    window.when_ready(_warm_reader)  # before any import, which then finds it started
    window.when_ready(_warm_register)
    window.when_ready(lambda: _open_at_start(window, args))
    return window


def _warm_reader() -> None:
    from donation_checker.importer import warm_reader

    warm_reader()


def _warm_register() -> None:
    """Import the Register area (and its database library, about a second) on a thread, so the
    first click on its tab does not wait for it."""
    import threading
    from importlib import import_module

    threading.Thread(
        target=import_module,
        args=("donation_checker_gui.register_panel",),
        name="warm register",
        daemon=True,
    ).start()


def _open_at_start(window: MainWindow, args: argparse.Namespace) -> None:
    """Work left by a crashed instance first (if the user recovers it), else the files named
    on the command line."""
    if window.cases.offer_recovery():
        return
    if args.file:
        # An inventory or a case, whichever tab the user opened while the window was loading.
        window.open_file(args.file)
    if args.inventory:
        window.open_inventory(args.inventory)
    if args.offer:
        _after_idle(window, lambda: window.import_offer(args.offer))


def _stderr_notifier(title: str, text: str, details: str) -> None:
    print(f"{title}: {text}\n{details}", file=sys.stderr)


def _after_idle(window: object, callback: object) -> None:
    """Run `callback` once the window's import flow is free (imports run one at a time)."""
    from PySide6.QtCore import QTimer

    def poll() -> None:
        if window.flow.busy():  # type: ignore[attr-defined]
            QTimer.singleShot(100, poll)
        else:
            callback()  # type: ignore[operator]

    QTimer.singleShot(0, poll)


def _screenshot(app: object, settings: object, reporter: object, args: argparse.Namespace) -> int:
    from PySide6.QtCore import QElapsedTimer, QTimer

    from .dialogs import HeadlessDialogs
    from .main_window import MainWindow

    window = MainWindow(settings, reporter, HeadlessDialogs())  # type: ignore[arg-type]
    width, _, height = args.size.partition("x")
    window.resize(int(width), int(height))
    window.show()
    if args.inventory:
        window.open_inventory(args.inventory)
    if args.offer:
        _after_idle(window, lambda: window.import_offer(args.offer))
    window.tabs.setCurrentIndex(TAB_NAMES.index(args.tab))
    clock = QElapsedTimer()
    clock.start()
    result = {"code": 1}
    quiet_polls = {"n": 0}

    def settled() -> bool:
        return (
            not window.flow.busy()
            and window.runner.active_count() == 0
            and not window.session.is_busy()
            and window.mapping_dialog is None
        )

    def poll() -> None:
        if clock.elapsed() > SCREENSHOT_TIMEOUT_MS:
            print("screenshot: timed out waiting for the background tasks", file=sys.stderr)
            app.quit()  # type: ignore[attr-defined]
            return
        # Settled several polls in a row: queued follow-ups (offer import, report) have started.
        quiet_polls["n"] = quiet_polls["n"] + 1 if settled() else 0
        if quiet_polls["n"] < 5:
            QTimer.singleShot(100, poll)
            return
        window.tabs.setCurrentIndex(TAB_NAMES.index(args.tab))
        if (
            args.tab == "report"
            and window.report_panel.pdf_bytes is None
            and window.session.assessment is not None
        ):
            quiet_polls["n"] = 0
            QTimer.singleShot(100, poll)
            return
        app.processEvents()  # type: ignore[attr-defined]
        out = Path(args.screenshot)
        out.parent.mkdir(parents=True, exist_ok=True)
        result["code"] = 0 if window.grab().save(str(out)) else 1
        window.session.set_modified(False)
        window.close()
        app.quit()  # type: ignore[attr-defined]

    QTimer.singleShot(200, poll)
    app.exec()  # type: ignore[attr-defined]
    return result["code"]


if __name__ == "__main__":
    sys.exit(main())
