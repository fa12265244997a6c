"""The application's side of the cell reader's process (cellworker.py): start it, keep one warm,
ask for a workbook's sheets, and turn its death or silence into a refusal of the file.

Rows come back in chunks while the reader goes on parsing, so the transfer overlaps the parse;
a thread receives them, so a reader that stops answering is noticed by a time limit and a Cancel
is honoured at once (the process is killed).
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import queue
import stat
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from . import cellworker

# Address space the reader may use: the 10-million-cell cap in Python objects fits with room.
MEMORY_MB = int(os.environ.get("DC_READER_MEMORY_MB", "2048"))
CPU_SECONDS = int(os.environ.get("DC_READER_CPU_SECONDS", "600"))
# No answer for this long from a reader that is parsing: it is stuck.
SILENCE_SECONDS = float(os.environ.get("DC_READER_SILENCE_SECONDS", "120"))
SCRIPT = Path(cellworker.__file__)
# The bundled application (packaging/) has no Python to run the script with: its executables
# run the script's source, shipped beside it, when started with this flag.
CELL_READER_FLAG = "--cell-reader"


def reader_command() -> list[str]:
    """How to start the reader: an isolated Python on the script, or the bundled executable."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CELL_READER_FLAG, str(SCRIPT.with_suffix(".py"))]
    return [sys.executable, "-I", str(SCRIPT)]


class ReaderFailed(Exception):
    """The reader's process died, was stopped or answered nonsense; `detail` says what it said."""

    def __init__(self, detail: str, *, killed: bool = False) -> None:
        super().__init__(detail)
        self.detail = detail
        self.killed = killed


class ReaderError(Exception):
    """The reader is alive and reports that it cannot read the workbook or the sheet."""


class SheetTooLarge(Exception):
    def __init__(self, height: int, width: int) -> None:
        super().__init__(f"{height} × {width}")
        self.height, self.width = height, width


class SheetCells(NamedTuple):
    rows: list[list[object]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]]
    # The same values column by column, in blocks of consecutive rows covering them all (each
    # block a tuple of values per column); None when any block came row by row.
    columns: list[list[tuple[object, ...]]] | None


class ReaderProcess:
    def __init__(self, max_cells: int) -> None:
        args = [*reader_command(), str(MEMORY_MB), str(CPU_SECONDS)]
        self._proc = subprocess.Popen(
            [*args, str(max_cells)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            # A native abort prints its first line and stops; a backtrace only costs seconds.
            env={**os.environ, "RUST_BACKTRACE": "0"},
        )
        self._frames: queue.Queue[Any] = queue.Queue()
        self._busy = False
        # A workbook asked for whole (prefetch): its path until opened, then the sheets still
        # to come unasked, in order.
        self._prefetched: str | None = None
        self._stream: list[str] | None = None
        self._asked: str | None = None  # a sheet asked for ahead of its sheet() call
        self._stderr: list[bytes] = []  # the first lines: what went wrong, not where
        assert self._proc.stdout is not None and self._proc.stderr is not None
        threading.Thread(target=self._receive, args=(self._proc.stdout,), daemon=True).start()
        threading.Thread(target=self._drain, args=(self._proc.stderr,), daemon=True).start()

    # --- threads --------------------------------------------------------------------------

    def _receive(self, stream: IO[bytes]) -> None:
        try:
            while True:
                head = stream.read(4)
                if len(head) < 4:
                    break
                (size,) = struct.unpack("<I", head)
                frame = marshal.loads(stream.read(size))
                if frame[0] in ("cols", "tagged_cols"):
                    # The columns are kept beside the rows: the importer reads a table's
                    # columns from them rather than from the rows.
                    cols = cellworker.columns_of(frame[0], frame[1])
                    frame = ("rows", list(map(list, zip(*cols, strict=True))), cols)
                elif frame[0] in ("rows", "tagged"):
                    frame = ("rows", cellworker.rows_of(frame[0], frame[1]), None)
                self._frames.put(frame)
        except (OSError, ValueError, EOFError, TypeError, struct.error):
            pass
        self._frames.put(None)  # end of the stream: the process has gone

    def _drain(self, stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError, ValueError):
            for line in stream:
                if len(self._stderr) < 5:
                    self._stderr.append(line)

    # --- requests -------------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        return self._proc.poll() is None

    @property
    def busy(self) -> bool:
        """A request was sent and its last answer not yet received, or sheets of a workbook
        asked for whole are still to come."""
        return self._busy or bool(self._stream) or self._prefetched is not None

    def prefetch(self, path: str) -> None:
        """Ask for every sheet of the workbook at once; open() and sheet() then take the
        answers in order instead of asking."""
        self._send(("read_all", path))
        self._prefetched = path

    def _send(self, request: tuple[object, ...]) -> None:
        stdin = self._proc.stdin
        assert stdin is not None
        self._busy = True
        try:
            data = marshal.dumps(request)  # type: ignore[arg-type]  # plain values only
            stdin.write(struct.pack("<I", len(data)) + data)
            stdin.flush()
        except OSError as exc:
            raise self._failure() from exc

    def _next(self, cancel: Callable[[], bool] | None) -> Any:
        waited = 0.0
        while True:
            try:
                frame = self._frames.get(timeout=0.1)
            except queue.Empty:
                waited += 0.1
                if cancel is not None and cancel():
                    self.kill()
                    raise ReaderCancelled from None
                if waited > SILENCE_SECONDS:
                    self.kill()
                    raise ReaderFailed(
                        f"no answer for {SILENCE_SECONDS:.0f} s", killed=True
                    ) from None
                continue
            if frame is None:
                raise self._failure()
            if frame[0] == "failed":
                self.kill()
                raise ReaderFailed(frame[1])
            if frame[0] in ("ok", "end", "error", "too_large"):
                self._busy = False  # the request's last answer
            if frame[0] == "error":
                raise ReaderError(frame[1])
            if frame[0] == "too_large":
                raise SheetTooLarge(frame[1], frame[2])
            return frame

    def _failure(self) -> ReaderFailed:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._proc.wait(timeout=2)
        said = b"".join(self._stderr).decode("utf-8", "replace").strip().splitlines()
        code = self._proc.poll()
        detail = said[0][:160] if said else f"exit status {code}"
        return ReaderFailed(detail)

    def open(
        self, path: Path, cancel: Callable[[], bool] | None = None
    ) -> tuple[list[str], set[str]]:
        """The workbook's sheet names in order, and the visible ones."""
        target = os.path.abspath(path)  # its working folder may differ
        streaming = self._prefetched == target
        if not streaming:
            self._stream = self._prefetched = None
            self._asked = None
            self._send(("open", target))
        frame = self._next(cancel)
        names, visible = list(frame[1]), list(frame[2])
        if streaming:
            self._prefetched = None
            self._stream = cellworker.to_read(names, visible)
        return names, set(visible)

    def ask(self, name: str) -> None:
        """Ask for a sheet now, to be taken by the next sheet() call: the reader parses it
        while the application works on the sheet before."""
        if self._stream is None and self._asked is None:
            self._send(("sheet", name))
            self._asked = name

    def sheet(self, name: str, cancel: Callable[[], bool] | None = None) -> SheetCells:
        """The sheet's rows from A1, its merged ranges, and its columns when the reader sent
        them column by column."""
        asked, self._asked = self._asked, None
        if asked is not None and asked != name:
            raise ReaderError(f"sheet {name!r} asked out of the reader's order")
        if self._stream is None:
            if asked is None:
                self._send(("sheet", name))
        elif not self._stream or self._stream[0] != name:
            raise ReaderError(f"sheet {name!r} asked out of the reader's order")
        try:
            head = self._next(cancel)
            merged = [tuple(map(tuple, m)) for m in head[1]]
            rows: list[list[object]] = []
            blocks: list[list[tuple[object, ...]]] | None = []
            while (frame := self._next(cancel))[0] == "rows":
                rows += frame[1]
                if frame[2] is None:
                    blocks = None
                elif blocks is not None:
                    blocks.append(frame[2])
        except ReaderError:
            self._stream = None  # the reader stops a whole-workbook answer at its first error
            raise
        finally:
            if self._stream:
                self._stream.pop(0)
        return SheetCells(rows, merged, blocks or None)  # type: ignore[arg-type]

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self._proc.kill()
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            self._proc.wait(timeout=5)
        for stream in (self._proc.stdin, self._proc.stdout, self._proc.stderr):
            with contextlib.suppress(OSError, ValueError):
                if stream is not None:
                    stream.close()


class ReaderCancelled(Exception):
    """The user cancelled while the reader was parsing: the process was stopped."""


# --- one warm reader --------------------------------------------------------------------------

_idle: list[ReaderProcess] = []
_lock = threading.Lock()


def prestart(max_cells: int) -> None:
    """Start a reader ahead of the first import (the desktop application does it at start-up)."""
    with _lock:
        if not any(r.alive for r in _idle):
            _idle.append(ReaderProcess(max_cells))


_prefetched: dict[str, ReaderProcess] = {}


def prefetch(path: str | Path, max_cells: int) -> None:
    """Start reading a workbook whole before the importer's modules are even loaded (the command
    line does this first thing): the reader's process parses it meanwhile, and the import that
    follows takes its answers. Only regular files: a pipe or a device is refused by the guard,
    never waited on."""
    target = os.path.abspath(path)
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return
    except OSError:
        return
    with _lock:
        proc = None
        while _idle and proc is None:
            candidate = _idle.pop()
            proc = candidate if candidate.alive else None
        proc = proc or ReaderProcess(max_cells)
        previous = _prefetched.pop(target, None)
        _prefetched[target] = proc
    if previous is not None:
        previous.kill()
    proc.prefetch(target)


def prefetched_paths() -> list[str]:
    """The workbooks being read ahead and not yet imported."""
    with _lock:
        return list(_prefetched)


@contextlib.contextmanager
def reader(max_cells: int, path: str | Path | None = None) -> Iterator[ReaderProcess]:
    """A reader for one workbook: the one already reading it (prefetch), else the warm one if
    there is one. It goes back to wait for the next workbook only if it finished this one
    alive."""
    with _lock:
        proc = _prefetched.pop(os.path.abspath(path), None) if path is not None else None
        while _idle and proc is None:
            candidate = _idle.pop()
            proc = candidate if candidate.alive else None
    proc = proc or ReaderProcess(max_cells)
    try:
        yield proc
    finally:
        # A refusal between two requests leaves the reader ready for the next workbook; one in
        # the middle of an answer would leave it out of step.
        if proc.alive and not proc.busy:
            with _lock:
                _idle.append(proc)
        else:
            proc.kill()


@atexit.register
def shutdown() -> None:
    """Stop the waiting readers (at exit, and in tests that measure the processes)."""
    with _lock:
        waiting = [*_idle, *_prefetched.values()]
        _idle.clear()
        _prefetched.clear()
    for proc in waiting:
        proc.kill()
