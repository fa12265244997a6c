"""The one background mechanism of the GUI: run a core function on a thread pool, report progress,
then deliver its result (or its error) on the GUI thread.

The core takes plain `progress(fraction, label)` and `cancel() -> bool` callables and knows nothing
of Qt; this module adapts them to signals. A cancelled task ends with `cancelled`, never `failed`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from donation_checker.errors import DonationCheckerError

from .errors import ErrorReporter

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]
Job = Callable[[ProgressFn, CancelFn], Any]

# Errors a task's owner explains to the user itself; anything else is a bug and goes to the
# ErrorReporter with its traceback.
EXPECTED_ERRORS: tuple[type[BaseException], ...] = (DonationCheckerError, OSError)
_PROGRESS_INTERVAL = 0.05  # seconds: at most ~20 progress signals a second reach the GUI


class TaskSignals(QObject):
    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception, for errors in EXPECTED_ERRORS
    cancelled = Signal()
    finished = Signal()  # after any of the three above


class Task(QRunnable):
    """One job. Create it on the GUI thread so its signals are delivered there."""

    def __init__(self, job: Job, name: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner holds the Python object until `finished`
        self.job = job
        self.name = name
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, fraction: float, label: str) -> None:
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last_progress >= _PROGRESS_INTERVAL:
            self._last_progress = now
            self.signals.progress.emit(max(0.0, min(1.0, float(fraction))), str(label))

    def run(self) -> None:
        try:
            result = self.job(self._progress, self.is_cancelled)
        except BaseException as exc:  # delivered to the GUI thread, never lost in the pool
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.error = exc
                self.signals.failed.emit(exc)
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)
        self.signals.finished.emit()


class TaskRunner(QObject):
    """Starts tasks on a QThreadPool and keeps them alive until they finish."""

    idle = Signal()  # no task left running

    def __init__(
        self, reporter: ErrorReporter, parent: QObject | None = None, max_threads: int = 2
    ) -> None:
        super().__init__(parent)
        self.reporter = reporter
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._active: set[Task] = set()
        self._closed = False

    def submit(
        self,
        job: Job,
        *,
        name: str,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> Task:
        task = Task(job, name)
        if self._closed:
            # The window is closing: a result queued before it closed may still ask for work
            # (an import schedules an assessment); that work is never started.
            return task
        sig = task.signals
        sig.succeeded.connect(on_success)
        sig.failed.connect(lambda exc: self._failed(task, exc, on_failure))
        if on_progress is not None:
            sig.progress.connect(on_progress)
        if on_cancel is not None:
            sig.cancelled.connect(on_cancel)
        sig.finished.connect(lambda: self._finished(task))
        self._active.add(task)
        self.pool.start(task)
        return task

    def _failed(
        self, task: Task, exc: BaseException, on_failure: Callable[[BaseException], None] | None
    ) -> None:
        if on_failure is not None and isinstance(exc, EXPECTED_ERRORS):
            on_failure(exc)
            return
        self.reporter.report(exc, f"background task '{task.name}'")
        if on_failure is not None:
            on_failure(exc)

    @Slot()
    def _finished(self, task: Task) -> None:
        self._active.discard(task)
        if not self._active:
            self.idle.emit()

    def active_count(self) -> int:
        return len(self._active)

    def cancel_all(self) -> None:
        for task in list(self._active):
            task.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every task, start no new one, and wait for the threads; True when all
        stopped in time."""
        self._closed = True
        self.cancel_all()
        return bool(self.pool.waitForDone(timeout_ms))
