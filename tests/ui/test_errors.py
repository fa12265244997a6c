"""No silent deaths: exceptions in slots, timers and background tasks are logged and shown, and
the application keeps running."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_and_shown(qtbot: Any, window: Any, notices: Any) -> None:
    window.reporter.install()
    button = QPushButton("boom")

    def broken_slot() -> None:
        raise ValueError("slot went wrong")

    button.clicked.connect(broken_slot)
    button.click()
    assert notices.items, "the user is told"
    _title, text, details = notices.items[-1]
    assert "slot went wrong" in text and str(window.reporter.log_path) in text
    assert "broken_slot" in details
    log = Path(window.reporter.log_path).read_text(encoding="utf-8")
    assert "slot went wrong" in log and "Traceback" in log
    # Still alive: the window keeps working.
    window.session.lines.add_line({"category": "Pick-up"})
    assert window.session.lines.rowCount() == 1


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_timer_callback_is_caught(qtbot: Any, window: Any, notices: Any) -> None:
    window.reporter.install()

    def broken_timer() -> None:
        raise RuntimeError("timer went wrong")

    QTimer.singleShot(0, broken_timer)
    qtbot.waitUntil(lambda: bool(notices.items), timeout=5000)
    assert "timer went wrong" in notices.items[-1][1]
    assert window.isVisible()


def test_exception_in_a_background_task_is_reported(qtbot: Any, window: Any, notices: Any) -> None:
    def job(progress: Any, cancel: Any) -> None:
        raise KeyError("task went wrong")

    failures: list[BaseException] = []
    with qtbot.waitSignal(window.runner.idle, timeout=5000):
        window.runner.submit(
            job, name="test", on_success=lambda _r: None, on_failure=failures.append
        )
    assert isinstance(failures[0], KeyError)
    qtbot.waitUntil(lambda: bool(notices.items), timeout=5000)
    assert "task went wrong" in notices.items[-1][1]
    assert "background task 'test'" in Path(window.reporter.log_path).read_text("utf-8")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_python_thread_is_shown_on_the_gui_thread(
    qtbot: Any, window: Any, notices: Any
) -> None:
    window.reporter.install()

    def work() -> None:
        raise OSError("thread went wrong")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(notices.items), timeout=5000)
    assert "thread went wrong" in notices.items[-1][1]


def test_expected_errors_go_to_the_owner_not_the_crash_dialog(
    qtbot: Any, window: Any, notices: Any
) -> None:
    from donation_checker.errors import InputRejected

    def job(progress: Any, cancel: Any) -> None:
        raise InputRejected("bad file", "mauvais fichier")

    failures: list[BaseException] = []
    with qtbot.waitSignal(window.runner.idle, timeout=5000):
        window.runner.submit(job, name="t", on_success=lambda _r: None, on_failure=failures.append)
    qtbot.wait(50)
    assert failures and not notices.items


def test_a_closed_runner_starts_no_new_work(qtbot: Any, window: Any) -> None:
    """A result queued before the window closed may ask for more work (an import schedules
    an assessment): once the runner is shut down, that work never starts, so nothing reports
    into a window that is gone."""
    ran: list[str] = []
    window.runner.shutdown()
    window.runner.submit(
        lambda progress, cancel: ran.append("ran"), name="late", on_success=lambda _r: None
    )
    qtbot.wait(100)
    assert ran == []
    assert window.runner.active_count() == 0
