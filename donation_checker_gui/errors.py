"""No silent deaths: uncaught exceptions are logged with their traceback and shown to the user.

Exceptions raised in a slot or a timer callback reach sys.excepthook (PySide prints them through
it); exceptions in plain Python threads reach threading.excepthook; background tasks hand theirs
to ErrorReporter.report(). Whatever the thread, the dialog is shown on the GUI thread and the
application keeps running.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from donation_checker.logs import setup_logging

log = logging.getLogger("donation_checker.ui")

# notifier(title, text, details): shows the problem to the user; tests inject a recorder.
Notifier = Callable[[str, str, str], None]


def message_box_notifier(parent: QWidget | None = None) -> Notifier:
    """The production notifier: a non-blocking critical message box with the traceback folded."""

    def notify(title: str, text: str, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            parent or QApplication.activeWindow(),
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # exception text is never markup
        box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    return notify


class ErrorReporter(QObject):
    """Logs an exception with its traceback, then tells the user where the log is."""

    _show = Signal(str, str, str)

    def __init__(self, notifier: Notifier | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path: Path = setup_logging()
        self.notifier: Notifier = notifier or message_box_notifier()
        self.count = 0
        # Queued so a report from a worker thread is shown by the GUI thread.
        self._show.connect(self._notify, Qt.ConnectionType.QueuedConnection)
        self._previous_hooks: tuple[object, object] | None = None

    def install(self) -> None:
        """Route uncaught exceptions of the GUI thread and of Python threads to report()."""
        if self._previous_hooks is None:
            self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None

    def report(self, exc: BaseException, where: str = "") -> None:
        self._report(type(exc), exc, exc.__traceback__, where)

    def _excepthook(
        self, etype: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(etype, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        self._report(etype, value, tb, "")

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread else "?"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    def _report(
        self, etype: type[BaseException], value: BaseException, tb: TracebackType | None, where: str
    ) -> None:
        self.count += 1
        details = "".join(traceback.format_exception(etype, value, tb))
        log.error("Uncaught exception%s\n%s", f" in {where}" if where else "", details)
        title = QCoreApplication.translate("ErrorReporter", "Unexpected error")
        text = QCoreApplication.translate(
            "ErrorReporter",
            "Something went wrong: {error}\n\nYour work is still open. The details were written "
            "to the log file:\n{path}\n\nPlease send that file to your support contact.",
        ).format(error=f"{etype.__name__}: {value}"[:500], path=self.log_path)
        if threading.current_thread() is threading.main_thread():
            self._notify(title, text, details)
        else:
            self._show.emit(title, text, details)

    @Slot(str, str, str)
    def _notify(self, title: str, text: str, details: str) -> None:
        try:
            self.notifier(title, text, details)
        except Exception:  # a failing dialog must not recurse into the hook
            log.exception("Could not show the error dialog")
