"""Speed benchmarks side by side with the practical floor, as ratios measured in one run.

    python benchmarks/run.py            # 1k, 10k, 100k rows; writes benchmarks/RESULTS.md
    python benchmarks/run.py --smoke    # smallest size only (CI smoke test; no timing checks)

Every measurement runs in a fresh child process so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from datagen import write_inventory, write_offer  # noqa: E402


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- tasks, each run in its own child process -------------------------------------------------


def task_import(path: str) -> dict[str, float]:
    from donation_checker.importer import import_inventory

    t0 = time.perf_counter()
    inv = import_inventory(path)
    return {"seconds": time.perf_counter() - t0, "rows": len(inv.fleet), "peak_mb": _peak_mb()}


def task_calamine(path: str) -> dict[str, float]:
    import python_calamine as pc

    t0 = time.perf_counter()
    wb = pc.CalamineWorkbook.from_path(path)
    cells = sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)
    return {"seconds": time.perf_counter() - t0, "rows": cells, "peak_mb": _peak_mb()}


def task_pandas_openpyxl(path: str) -> dict[str, float]:
    import pandas as pd

    t0 = time.perf_counter()
    frames = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    rows = sum(len(f) for f in frames.values())
    return {"seconds": time.perf_counter() - t0, "rows": rows, "peak_mb": _peak_mb()}


def _assessment(inventory_path: str, offer_path: str):  # type: ignore[no-untyped-def]
    from donation_checker.engine import assess
    from donation_checker.importer import import_inventory, import_offer
    from donation_checker.ruleset import load_ruleset

    inventory, offer, rules = (
        import_inventory(inventory_path),
        import_offer(offer_path),
        load_ruleset(),
    )
    t0 = time.perf_counter()
    result = assess(inventory, offer, rules)
    return result, time.perf_counter() - t0


def task_assess(inventory_path: str, offer_path: str) -> dict[str, float]:
    from donation_checker.serialize import assessment_to_dict

    result, seconds = _assessment(inventory_path, offer_path)
    peak = _peak_mb()  # the assessment's peak, before the JSON is built
    brief = json.dumps(assessment_to_dict(result, "fr", full=False), ensure_ascii=False)
    return {
        "seconds": seconds,
        "rows": len(result.findings),
        "peak_mb": peak,
        "json_kb_per_line": len(brief.encode()) / 1024 / max(len(result.lines), 1),
    }


def task_pdf(inventory_path: str, offer_path: str) -> dict[str, float]:
    import tempfile

    from donation_checker.report import build_pdf

    result, _ = _assessment(inventory_path, offer_path)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        build_pdf(result, Path(tmp) / "report.pdf", lang="fr")
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "rows": len(result.lines), "peak_mb": _peak_mb()}


def task_pdf_bare(inventory_path: str, offer_path: str) -> dict[str, float]:
    """The floor: the same offer lines as one plain reportlab table, nothing else."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from donation_checker.importer import import_offer

    offer = import_offer(offer_path)
    rows = [["#", "Category", "Make", "Model", "Qty", "Year"]] + [
        [str(i + 1), line.category, line.make, line.model, str(line.quantity), str(line.year)]
        for i, line in enumerate(offer.lines)
    ]
    t0 = time.perf_counter()
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build([Table(rows, repeatRows=1)])
    return {"seconds": time.perf_counter() - t0, "rows": len(rows), "peak_mb": _peak_mb()}


def _until_first_paint(app, window, t0: float) -> float:  # type: ignore[no-untyped-def]
    """Seconds from t0 until the window's first frame is painted: the expose (or update) event
    of its native window is delivered here, and the time taken once the widgets in it have
    painted. A zero-timer after show() would fire before anything is drawn. The filter watches
    only the window: one on the application would wrap every object of every event in Python."""
    from PySide6.QtCore import QEvent, QObject

    frame_events = (QEvent.Type.Expose, QEvent.Type.UpdateRequest, QEvent.Type.Paint)
    painted: list[float] = []
    widget_painted = [False]

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if painted:
                return False
            if obj is window:
                if event.type() == QEvent.Type.Paint:
                    widget_painted[0] = True
                return False
            if event.type() in frame_events:
                obj.event(event)  # paints the widgets and flushes the frame
                if widget_painted[0]:
                    painted.append(time.perf_counter() - t0)
                    app.quit()
                return True
            return False

    watcher = FirstPaint()
    window.winId()  # the native window show() would create, so its events can be watched
    window.windowHandle().installEventFilter(watcher)
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    return painted[0]


def task_qt_bare() -> dict[str, float]:
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1200, 800)
    seconds = _until_first_paint(app, window, t0)
    return {"seconds": seconds, "rows": 0, "peak_mb": _peak_mb()}


def _window(deferred: bool = False, folder: str | None = None):  # type: ignore[no-untyped-def]
    """The application's main window built as `donation-checker-gui` builds it, with throwaway
    settings (in `folder`, else a new temporary folder) so the run neither reads nor changes
    the user's. `deferred`: the panels are built after the window has been painted, as at
    start-up; otherwise they are ready on return."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    from donation_checker_gui.dialogs import HeadlessDialogs
    from donation_checker_gui.errors import ErrorReporter
    from donation_checker_gui.main_window import MainWindow
    from donation_checker_gui.settings import Settings

    app = QApplication.instance() or QApplication([])
    settings = Settings(Path(folder or tempfile.mkdtemp(prefix="dc-bench-")) / "settings.ini")
    reporter = ErrorReporter(
        notifier=lambda title, text, details: print(title, text, file=sys.stderr)
    )
    window = MainWindow(settings, reporter, HeadlessDialogs(), deferred=deferred)
    window.resize(1200, 800)
    return app, window


def task_gui_start() -> dict[str, float]:
    import tempfile

    # The benchmark's own settings folder, made before the clock starts: the application
    # neither imports tempfile nor makes a folder at start-up.
    folder = tempfile.mkdtemp(prefix="dc-bench-")
    t0 = time.perf_counter()
    app, window = _window(deferred=True, folder=folder)
    seconds = _until_first_paint(app, window, t0)
    return {"seconds": seconds, "rows": 0, "peak_mb": _peak_mb()}


def task_gui_stall(inventory_path: str) -> dict[str, float]:
    """Longest gap between 10 ms timer ticks while the window imports the inventory."""
    from PySide6.QtCore import QTimer

    app, window = _window()
    window.show()
    from stall_probe import StallProbe

    probe = StallProbe()
    done: list[float] = []

    def finished(*_: object) -> None:
        done.append(time.perf_counter() - t0)
        QTimer.singleShot(200, app.quit)  # the report panel fills in just after the import

    window.flow.imported.connect(finished)
    window.flow.failed.connect(finished)
    t0 = probe.start()
    window.open_inventory(inventory_path)
    app.exec()
    return {
        "seconds": done[0] if done else float("nan"),
        "rows": 0,
        "peak_mb": _peak_mb(),
        "stall_ms": probe.longest_ms,
    }


START_RUNS = 9  # whole-process start-ups are short: the median of a few runs


def task_start(kind: str) -> dict[str, float]:
    """A whole process as a user meets it: `donation-checker --version` (or `--help`), from
    the interpreter's start to its exit; the floor `python -c "import argparse"` likewise."""
    import statistics

    command = {
        "floor": [sys.executable, "-c", "import argparse"],
        "version": [sys.executable, "-m", "donation_checker.cli", "--version"],
        "help": [sys.executable, "-m", "donation_checker.cli", "--help"],
    }[kind]
    times = []
    for _ in range(START_RUNS):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, cwd=HERE.parent, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    # No peak: a child's maxrss would include the parent's pages copied before exec.
    return {"seconds": statistics.median(times), "rows": 0}


PROCESS_RUNS = 5
_BARE_READ = (
    "import sys, python_calamine as pc; wb = pc.CalamineWorkbook.from_path(sys.argv[1]); "
    "[wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]"
)


def task_processes(path: str) -> dict[str, float]:
    """Whole processes reading a workbook, as a user meets it: `donation-checker
    check-inventory FILE` from the interpreter's start to its exit, against a process that only
    reads every sheet with python-calamine. The two run in turn, so a machine whose speed drifts
    slows both alike; the median of each."""
    import statistics

    commands = {
        "check_inventory": [sys.executable, "-m", "donation_checker.cli", "check-inventory", path],
        "calamine": [sys.executable, "-c", _BARE_READ, path],
    }
    times: dict[str, list[float]] = {kind: [] for kind in commands}
    for _ in range(PROCESS_RUNS):
        for kind, command in commands.items():
            t0 = time.perf_counter()
            subprocess.run(command, check=True, cwd=HERE.parent, stdout=subprocess.DEVNULL)
            times[kind].append(time.perf_counter() - t0)
    return {kind: statistics.median(ts) for kind, ts in times.items()}


TASKS = {name[5:]: fn for name, fn in globals().items() if name.startswith("task_")}


def measure(task: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, __file__, "--task", task, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=HERE.parent,
        timeout=1800,
    )
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}  # type: ignore[dict-item]
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the run ------------------------------------------------------------------------------------


NOTES = """\
How to read the figures:

- The packages are byte-compiled first, as an installation leaves them.
- Workbooks are laid out as Excel saves them (shared strings, a dimension, text-formatted code
  columns), generated deterministically by `datagen.py` and cached in `benchmarks/data/`.
- The import uses both cores: the guard pass (zip and XML checks, sheet scan, file hash) runs on
  a second thread beside the cell reader. The bare calamine read uses one.
- Start-up times run from before PySide6 is imported until the window's first frame is painted,
  for the bare window and for the application alike; the application paints its shell first
  and builds its panels on the following event-loop turns.
- The stall is the longest gap between 10 ms timer ticks of the window while it imports the
  largest inventory in the background and shows it.
- `check-inventory` is also timed as a whole process, against a process that only reads every
  sheet with python-calamine, the two in turn (the median of 5 each): the command line starts
  the reader's process on the workbook before it loads pandas and the importer, so the two
  overlap.
- Command-line start-ups are whole processes (`python -m donation_checker.cli --version`,
  `--help`) against `python -c "import argparse"`, the median of 9 runs each.
- The PDF of a 1,000-line offer summarises each rule (worst lines first); the full detail is in
  the Excel export.

"""


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(
            next(
                x
                for x in Path("/proc/meminfo").read_text().splitlines()
                if x.startswith("MemTotal")
            ).split()[1]
        )
        mem = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        mem = "?"
    versions = []
    for pkg in ("pandas", "openpyxl", "python-calamine", "reportlab", "PySide6-Essentials"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{pkg} {metadata.version(pkg)}")
    return (
        f"{platform.system()} {platform.machine()}, {cpu or 'CPU ?'}, {os.cpu_count()} cores, "
        f"{mem}, Python {platform.python_version()}; " + ", ".join(versions)
    )


def fmt(m: dict[str, float], key: str = "seconds") -> str:
    if "error" in m:
        return f"error: {m['error']}"[:60]
    return f"{m[key]:.2f}"


def ratio(a: dict[str, float], b: dict[str, float]) -> float | None:
    if "error" in a or "error" in b or not b.get("seconds"):
        return None
    return a["seconds"] / b["seconds"]


def rtxt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}×"


def byte_compile() -> None:
    """Compile the packages as an installation does (pip and the bundle ship bytecode): a
    working copy run with PYTHONDONTWRITEBYTECODE would otherwise compile every module at
    every start, a cost no user meets."""
    import compileall

    for package in ("donation_checker", "donation_checker_gui"):
        compileall.compile_dir(HERE.parent / package, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="smallest size only")
    parser.add_argument("--out", help="results file (default benchmarks/RESULTS.md; none in smoke)")
    parser.add_argument("--task", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.task:
        name, *rest = args.task
        print(json.dumps(TASKS[name](*rest)))
        return 0

    sizes = [1_000] if args.smoke else [1_000, 10_000, 100_000]
    offers = [10] if args.smoke else [10, 100, 1_000]
    long_offer = 1_000 if args.smoke else 20_000  # the scale of a coordination cell's portfolio
    print(f"Machine: {machine()}", flush=True)
    t0 = time.perf_counter()
    byte_compile()
    inv = {n: str(write_inventory(n)) for n in sizes}
    off = {n: str(write_offer(n)) for n in (*offers, long_offer)}
    print(f"data ready in {time.perf_counter() - t0:.0f} s", flush=True)

    rows: list[str] = ["| measurement | size | seconds | peak MB |", "|---|---|---|---|"]
    results: dict[str, dict[str, float]] = {}

    def record(key: str, label: str, size: str, m: dict[str, float]) -> None:
        results[key] = m
        peak = f"{m['peak_mb']:.0f}" if "peak_mb" in m else "—"
        rows.append(f"| {label} | {size} | {fmt(m)} | {peak} |")
        print(rows[-1], flush=True)

    for n in sizes:
        record(
            f"import_{n}", "import_inventory (all tables)", f"{n:,} rows", measure("import", inv[n])
        )
        record(
            f"calamine_{n}",
            "bare python-calamine, all sheets",
            f"{n:,} rows",
            measure("calamine", inv[n]),
        )
        record(
            f"pandas_{n}",
            "pandas.read_excel(engine=openpyxl), all sheets",
            f"{n:,} rows",
            measure("pandas_openpyxl", inv[n]),
        )
    pair = measure("processes", inv[sizes[-1]])
    for key, label, kind in (
        ("process_check", "donation-checker check-inventory (whole process)", "check_inventory"),
        ("process_calamine", "bare python-calamine read (whole process)", "calamine"),
    ):
        timed = {"seconds": pair[kind], "rows": 0} if kind in pair else pair
        record(key, label, f"{sizes[-1]:,} rows", timed)
    big_offer = off[offers[-1]]
    for n in sizes:
        record(
            f"assess_{n}",
            f"assess {offers[-1]:,}-line offer",
            f"{n:,} rows",
            measure("assess", inv[n], big_offer),
        )
    for k in offers:
        record(
            f"assess_offer_{k}",
            f"assess {k:,}-line offer",
            f"{sizes[-1]:,} rows",
            measure("assess", inv[sizes[-1]], off[k]),
        )
    long = measure("assess", inv[sizes[-1]], off[long_offer])
    record(
        f"assess_offer_{long_offer}",
        f"assess {long_offer:,}-line offer",
        f"{sizes[-1]:,} rows",
        long,
    )
    print(
        f"brief JSON: {long.get('json_kb_per_line', 0):.2f} kB a line ({long_offer:,} lines)",
        flush=True,
    )
    record(
        "pdf",
        f"PDF report, {offers[-1]:,}-line offer",
        f"{sizes[0]:,} rows",
        measure("pdf", inv[sizes[0]], big_offer),
    )
    record(
        "pdf_bare",
        f"bare reportlab table, {offers[-1]:,} rows",
        "—",
        measure("pdf_bare", inv[sizes[0]], big_offer),
    )
    record("qt_bare", "bare QApplication + QMainWindow shown", "—", measure("qt_bare"))
    record("gui_start", "donation-checker-gui window shown", "—", measure("gui_start"))
    record(
        "start_floor", 'python -c "import argparse" (whole process)', "—", measure("start", "floor")
    )
    record(
        "start_version",
        "donation-checker --version (whole process)",
        "—",
        measure("start", "version"),
    )
    record("start_help", "donation-checker --help (whole process)", "—", measure("start", "help"))
    stall = measure("gui_stall", inv[sizes[-1]])
    record("gui_stall", "GUI import (window responsive)", f"{sizes[-1]:,} rows", stall)

    big, mid = sizes[-1], sizes[-2] if len(sizes) > 1 else sizes[-1]
    targets = [
        (
            "import / bare calamine (≤ 1.5×)",
            ratio(results[f"import_{big}"], results[f"calamine_{big}"]),
            1.5,
            "le",
        ),
        (
            "check-inventory / bare calamine read, whole processes (≤ 1.5×)",
            ratio(results["process_check"], results["process_calamine"]),
            1.5,
            "le",
        ),
        (
            "pandas+openpyxl / import (≥ 5×)",
            ratio(results[f"pandas_{big}"], results[f"import_{big}"]),
            5.0,
            "ge",
        ),
        (
            "import 10× rows (≤ 11×)",
            ratio(results[f"import_{big}"], results[f"import_{mid}"]),
            11.0,
            "le",
        ),
        (
            "assessment 10× rows (≤ 11×)",
            ratio(results[f"assess_{big}"], results[f"assess_{mid}"]),
            11.0,
            "le",
        ),
        (
            "assessment / import of the same inventory (≤ 0.25×)",
            ratio(results[f"assess_{big}"], results[f"import_{big}"]),
            0.25,
            "le",
        ),
        (
            f"assessment, {long_offer:,} / {offers[-1]:,} offer lines (≤ 20×)",
            ratio(results[f"assess_offer_{long_offer}"], results[f"assess_offer_{offers[-1]}"]),
            20.0,
            "le",
        ),
        (
            f"brief JSON per line, {long_offer:,}-line offer (≤ 2 kB)",
            long.get("json_kb_per_line"),
            2.0,
            "le",
            "kB",
        ),
        (
            f"peak memory, {long_offer:,}-line assessment (≤ 1,000 MB)",
            long.get("peak_mb"),
            1000.0,
            "le",
            "MB",
        ),
        (
            "PDF / bare reportlab table (≤ 2×)",
            ratio(results["pdf"], results["pdf_bare"]),
            2.0,
            "le",
        ),
        (
            'donation-checker --version / python -c "import argparse" (≤ 3×)',
            ratio(results["start_version"], results["start_floor"]),
            3.0,
            "le",
        ),
        (
            'donation-checker --help / python -c "import argparse" (≤ 3×)',
            ratio(results["start_help"], results["start_floor"]),
            3.0,
            "le",
        ),
        (
            "GUI start-up / bare Qt window (≤ 2×)",
            ratio(results["gui_start"], results["qt_bare"]),
            2.0,
            "le",
        ),
    ]
    stall_ms = stall.get("stall_ms")
    lines = ["", "| target | measured | met |", "|---|---|---|"]
    for name, value, limit, how, *unit in targets:
        met = (
            "n/a"
            if value is None
            else ("yes" if (value <= limit if how == "le" else value >= limit) else "**no**")
        )
        shown = rtxt(value) if not unit or value is None else f"{value:,.2f} {unit[0]}"
        lines.append(f"| {name} | {shown} | {met} |")
    if stall_ms is not None:
        lines.append(
            f"| longest GUI event-loop stall during the import (≤ 100 ms) | {stall_ms:.0f} ms | "
            f"{'yes' if stall_ms <= 100 else '**no**'} |"
        )
    else:
        lines.append(f"| longest GUI event-loop stall (≤ 100 ms) | {fmt(stall)} | n/a |")
    print("\n".join(lines))
    if not args.smoke or args.out:
        out = Path(args.out) if args.out else HERE / "RESULTS.md"
        # The register's benchmarks write their own marked sections: they are kept.
        previous = out.read_text(encoding="utf-8") if out.exists() else ""
        sections = re.finditer(r"<!-- ([a-z-]+):begin -->.*?<!-- \1:end -->\n?", previous, re.S)
        tail = "".join("\n" + m.group(0) for m in sections)
        out.write_text(
            "# Benchmark results\n\n"
            f"Run on {time.strftime('%Y-%m-%d')} with `python benchmarks/run.py`.\n\n"
            f"Machine: {machine()}\n\n"
            "Each figure is one run in a fresh process; ratios compare figures of the same run.\n\n"
            + NOTES
            + "\n".join(rows)
            + "\n"
            + "\n".join(lines)
            + "\n"
            + tail,
            encoding="utf-8",
        )
        print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
