"""The cell reader's own process: it parses workbooks under memory and CPU limits it cannot
raise, so a reader failure (an allocation refused, a parser abort, a runaway parse) ends this
process only, and the application refuses the file instead of dying with it.

It is run as a script (`python -I cellworker.py MEMORY_MB CPU_SECONDS`), importing only the
standard library and python_calamine, and speaks in length-prefixed frames on its standard input
and output: requests ("open", path) and ("sheet", name); answers are marshalled tuples, rows in
chunks. Values marshal cannot carry (dates, times, durations) travel as tagged tuples.
"""

from __future__ import annotations

import datetime as dt
import marshal
import struct
import sys
from typing import Any, BinaryIO

CHUNK_ROWS = 4096
_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")


def limit(memory_mb: int, cpu_seconds: int) -> None:
    """Hard limits (soft = hard): the process cannot raise them again."""
    if sys.platform == "win32":
        _windows_job(memory_mb, cpu_seconds)
        return
    import resource

    if memory_mb > 0:
        cap = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    if cpu_seconds > 0:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))


def _windows_job(memory_mb: int, cpu_seconds: int) -> None:
    """On Windows the same limits come from a job object the process puts itself in. Best
    effort: where it cannot be made, the process boundary alone protects the application."""
    if sys.platform != "win32":
        return
    import ctypes
    from ctypes import wintypes

    class Basic(ctypes.Structure):
        _fields_ = [  # ctypes layout
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class Extended(ctypes.Structure):
        _fields_ = [  # ctypes layout
            ("BasicLimitInformation", Basic),
            ("IoInfo", ctypes.c_ulonglong * 6),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    try:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateJobObjectW.restype = wintypes.HANDLE
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        job = kernel32.CreateJobObjectW(None, None)
        info = Extended()
        if memory_mb > 0:
            info.BasicLimitInformation.LimitFlags |= 0x100  # JOB_OBJECT_LIMIT_PROCESS_MEMORY
            info.ProcessMemoryLimit = memory_mb << 20
        if cpu_seconds > 0:
            info.BasicLimitInformation.LimitFlags |= 0x2  # JOB_OBJECT_LIMIT_PROCESS_TIME
            info.BasicLimitInformation.PerProcessUserTimeLimit = cpu_seconds * 10_000_000
        extended = 9  # JobObjectExtendedLimitInformation
        if job and kernel32.SetInformationJobObject(
            job, extended, ctypes.byref(info), ctypes.sizeof(info)
        ):
            kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess())
    except (OSError, AttributeError):
        pass


def write_frame(out: BinaryIO, payload: object) -> None:
    data = marshal.dumps(payload)  # type: ignore[arg-type]  # plain values only
    out.write(struct.pack("<I", len(data)) + data)


def read_frame(inp: BinaryIO) -> Any:
    head = inp.read(4)
    if len(head) < 4:
        return None
    (size,) = struct.unpack("<I", head)
    return marshal.loads(inp.read(size))


def tag(value: object) -> object:
    """A value marshal cannot carry, as a tuple the other side turns back (see untag)."""
    if isinstance(value, dt.datetime):
        return ("dt", value.year, value.month, value.day, value.hour, value.minute,
                value.second, value.microsecond)  # fmt: skip
    if isinstance(value, dt.date):
        return ("d", value.year, value.month, value.day)
    if isinstance(value, dt.time):
        return ("t", value.hour, value.minute, value.second, value.microsecond)
    if isinstance(value, dt.timedelta):
        return ("td", value.days, value.seconds, value.microseconds)
    return str(value)


def untag(value: tuple[Any, ...]) -> object:
    kind = value[0]
    if kind == "dt":
        return dt.datetime(*value[1:])
    if kind == "d":
        return dt.date(*value[1:])
    if kind == "t":
        return dt.time(*value[1:])
    return dt.timedelta(*value[1:])


def rows_frame(rows: list[list[object]]) -> tuple[str, bytes]:
    """A chunk of rows, sent column by column when the rows are equally wide: the receiving
    side keeps the columns, which the importer reads a column at a time.

    The rows are emptied on the way (the chunk is the caller's to drop): each value is then
    held by its column alone, and marshal writes a value held once without looking it up in
    its table of shared objects, which would otherwise cost twice the time of the write."""
    width = len(rows[0]) if rows else 0
    if width and all(len(row) == width for row in rows):
        cols = list(zip(*rows, strict=True))
        rows.clear()
        try:
            return ("cols", marshal.dumps(cols))
        except ValueError:
            plain = (int, float, str, bool, type(None))
            tagged = [tuple(v if isinstance(v, plain) else tag(v) for v in col) for col in cols]
            return ("tagged_cols", marshal.dumps(tagged))
    try:
        return ("rows", marshal.dumps(rows))
    except ValueError:
        plain = (int, float, str, bool, type(None))
        tagged_rows = [[v if isinstance(v, plain) else tag(v) for v in row] for row in rows]
        return ("tagged", marshal.dumps(tagged_rows))


def columns_of(kind: str, data: bytes) -> list[tuple[object, ...]]:
    """The columns of a frame rows_frame sent column by column ("cols" or "tagged_cols")."""
    cols: list[tuple[object, ...]] = marshal.loads(data)
    if kind == "tagged_cols":
        cols = [tuple(untag(v) if isinstance(v, tuple) else v for v in col) for col in cols]
    return cols


def rows_of(kind: str, data: bytes) -> list[list[object]]:
    """The rows of a frame made by rows_frame."""
    if kind in ("cols", "tagged_cols"):
        return list(map(list, zip(*columns_of(kind, data), strict=True)))
    rows: list[list[object]] = marshal.loads(data)
    if kind == "tagged":
        rows = [[untag(v) if isinstance(v, tuple) else v for v in row] for row in rows]
    return rows


def _open(path: str) -> Any:
    import python_calamine as pc

    try:
        with open(path, "rb") as fh:
            return pc.CalamineWorkbook.from_filelike(fh)
    except Exception:
        if path.lower().endswith(_SUFFIXES):
            return pc.CalamineWorkbook.from_path(path)
        raise


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _write_sheet(workbook: Any, name: str, out: BinaryIO, max_cells: int) -> None:
    sheet = workbook.get_sheet_by_name(name)
    if sheet.height * sheet.width > max_cells:
        write_frame(out, ("too_large", sheet.height, sheet.width))
        return
    merged = [tuple(map(tuple, m)) for m in sheet.merged_cell_ranges or []]
    write_frame(out, ("head", merged))
    if sheet.height and sheet.start is not None:
        pad: list[object] = [""] * sheet.start[1]
        chunk: list[list[object]] = []
        for row in sheet.iter_rows():
            chunk.append(pad + row if pad else row)
            if len(chunk) >= CHUNK_ROWS:
                write_frame(out, rows_frame(chunk))
                chunk = []
        if chunk:
            write_frame(out, rows_frame(chunk))
    write_frame(out, ("end",))


def _open_answer(workbook: Any) -> tuple[str, list[str], list[str]]:
    visible = [
        m.name for m in workbook.sheets_metadata if str(m.visible).lower().endswith("visible")
    ]
    return ("ok", list(workbook.sheet_names), visible)


def to_read(names: list[str], visible: list[str]) -> list[str]:
    """The sheets an import reads, in order: the visible ones (all when the file does not say)."""
    return [n for n in names if not visible or n in visible]


def serve(inp: BinaryIO, out: BinaryIO, max_cells: int) -> None:
    workbook: Any = None
    while (request := read_frame(inp)) is not None:
        try:
            if request[0] == "open":
                workbook = None
                workbook = _open(request[1])
                write_frame(out, _open_answer(workbook))
            elif request[0] == "sheet":
                _write_sheet(workbook, request[1], out, max_cells)
            elif request[0] == "read_all":
                # The whole workbook unasked, sheet after sheet: the command line sends this
                # first thing, so the parse runs while the importer's modules are loaded.
                workbook = None
                workbook = _open(request[1])
                answer = _open_answer(workbook)
                write_frame(out, answer)
                for name in to_read(answer[1], answer[2]):
                    out.flush()
                    _write_sheet(workbook, name, out, max_cells)
            else:
                write_frame(out, ("error", f"unknown request {request[0]!r}"))
        except MemoryError:
            # Past its memory limit the process is in no state to go on: say so and end.
            write_frame(out, ("failed", "memory limit reached"))
            out.flush()
            sys.exit(3)
        except Exception as exc:  # calamine raises its own error types for damaged files
            write_frame(out, ("error", _short(exc)))
        out.flush()


def main() -> None:
    memory_mb, cpu_seconds, max_cells = (int(x) for x in sys.argv[1:4])
    limit(memory_mb, cpu_seconds)
    serve(sys.stdin.buffer, sys.stdout.buffer, max_cells)


if __name__ == "__main__":
    main()
