"""Let the cell reader start on a workbook while the guard pass is still checking it.

The guard (sniff.inspect) inflates and scans every part of an .xlsx before any parser may touch
it. Run alone, it adds a fifth to a large import. The reader only needs the parts it is about to
parse to have passed: the workbook-level parts before it opens the file, then each sheet before
that sheet is parsed. The guard runs on a second thread and clears parts one by one; the reader
waits for each clearance. The cell reader releases the interpreter lock while it parses, so the
two really run side by side on two cores. Any refusal by the guard is raised in the reader's
thread, in place of whatever the reader was doing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .sniff import FileKind, Inspection
from .xmlscan import SheetFacts


class Clearance:
    """What the guard has let through so far."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._kind: FileKind | None = None
        self._workbook = False
        self._sheets: dict[str, SheetFacts] = {}
        self._result: Inspection | None = None
        self._error: BaseException | None = None

    # --- called by the guard ----------------------------------------------------------------

    def set_kind(self, kind: FileKind) -> None:
        with self._cond:
            self._kind = kind
            self._cond.notify_all()

    def clear_workbook(self) -> None:
        """Every part except the worksheets has passed."""
        with self._cond:
            self._workbook = True
            self._cond.notify_all()

    def clear_sheet(self, name: str, facts: SheetFacts) -> None:
        with self._cond:
            self._sheets[name] = facts
            self._cond.notify_all()

    def run(self, guard: Callable[[Clearance], Inspection]) -> None:
        """The guard thread's body: every outcome, refusal included, is kept for the reader."""
        try:
            result = guard(self)
        except BaseException as exc:  # handed over to the reader's thread
            with self._cond:
                self._error = exc
                self._cond.notify_all()
            return
        with self._cond:
            self._result = result
            self._kind = result.kind
            self._cond.notify_all()

    # --- called by the reader ---------------------------------------------------------------

    def _wait(self, ready: Callable[[], bool]) -> None:
        with self._cond:
            self._cond.wait_for(
                lambda: ready() or self._error is not None or self._result is not None
            )
            if self._error is not None:
                raise self._error

    def kind(self) -> FileKind:
        self._wait(lambda: self._kind is not None)
        assert self._kind is not None
        return self._kind

    def wait_workbook(self) -> None:
        self._wait(lambda: self._workbook)

    def sheet_facts(self, name: str) -> SheetFacts | None:
        """Blocks until the sheet has passed (or the whole file has); its facts if scanned."""
        self._wait(lambda: name in self._sheets)
        return self._sheets.get(name)

    def result(self) -> Inspection:
        """Blocks until the guard has finished; raises its refusal if it refused the file."""
        self._wait(lambda: False)
        assert self._result is not None
        return self._result


def start_guard(guard: Callable[[Clearance], Inspection]) -> Clearance:
    clearance = Clearance()
    threading.Thread(target=clearance.run, args=(guard,), name="import-guard", daemon=True).start()
    return clearance
