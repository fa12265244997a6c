"""Kill a saving process at random moments and check what is left on disk.

    python -m tests.core.crash_child KIND FOLDER KILLS SEED

KIND is "case" (a case file, saved where the GUI's autosave writes it), "rules" (a rule set,
RuleSet.to_toml() written atomically) or "pdf" (build_pdf). This process prepares two versions,
A and B, and saves A. Then, KILLS times: it forks a child that saves A, B, A, B... without end,
sleeps a random time, kills the child with SIGKILL, and loads the file: it must load and be
exactly version A or version B. Forking keeps each round cheap (libraries are imported once).
Prints a JSON summary on stdout. POSIX only.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

Save = Callable[[str], None]
Verify = Callable[[], str]
# A pid Linux never hands out (pid_max is at most 2**22): the autosave of a dead instance.
DEAD_PID = 999_999_999


def prepare_case(folder: Path) -> tuple[Path, Save, Verify]:
    os.environ["DONATION_CHECKER_HOME"] = str(folder)
    from donation_checker_gui.case_file import (
        SUFFIX,
        autosave_dir,
        load_case,
        orphaned_autosaves,
        save_case,
    )

    target = autosave_dir() / f"autosave-{DEAD_PID}{SUFFIX}"
    # Large enough that a kill often lands in the middle of writing.
    notes = {v: f"version {v} " + v * 2_000_000 for v in "AB"}

    def snapshot(v: str) -> dict[str, object]:
        line = {"category": "Camion", "make": "Renault", "model": f"GBC {v}", "quantity": "3"}
        return {
            "offer": {"header": {"donor": f"Donateur {v}"}, "lines": [line] * 50},
            "inventory": {"path": None, "sha256": None},
            "rules": {"path": None, "family_weights": {"spares": 1.0 if v == "A" else 2.0}},
            "notes": notes[v],
        }

    def save(v: str) -> None:
        save_case(target, snapshot(v))

    def verify() -> str:
        # The GUI offers to restore exactly these files at its next start.
        assert target in orphaned_autosaves(), "the autosave is not offered for recovery"
        data = load_case(target)
        version = data.notes[8]
        assert data.notes == notes[version] and data.offer_header["donor"] == f"Donateur {version}"
        assert data.offer_lines[0]["model"] == f"GBC {version}"
        return version

    return target, save, verify


def prepare_rules(folder: Path) -> tuple[Path, Save, Verify]:
    from donation_checker.atomic import write_text_atomic
    from donation_checker.ruleset import load_ruleset

    base = load_ruleset()
    families = sorted(base.families)
    versions = {
        "A": base.with_family_weights({f: 1.0 for f in families}),
        "B": base.with_family_weights({f: float(i + 2) for i, f in enumerate(families)}),
    }
    texts = {v: rs.to_toml() for v, rs in versions.items()}
    target = folder / "rules.toml"

    def save(v: str) -> None:
        write_text_atomic(target, versions[v].to_toml())

    def verify() -> str:
        from donation_checker.ruleset import load_ruleset as load

        loaded = load(target)  # validates the whole rule set
        text = target.read_text(encoding="utf-8")
        version = next(v for v, t in texts.items() if t == text)
        weights = {f: loaded.families[f].weight for f in families}
        assert weights == {f: versions[version].families[f].weight for f in families}
        return version

    return target, save, verify


def prepare_pdf(folder: Path) -> tuple[Path, Save, Verify]:
    from pypdf import PdfReader

    from donation_checker.report import build_pdf
    from tests.core.report_fixtures import make_assessment

    versions = {v: make_assessment(donor=f"Donateur version {v}") for v in "AB"}
    target = folder / "rapport.pdf"

    def save(v: str) -> None:
        build_pdf(versions[v], target, lang="fr")

    def verify() -> str:
        reader = PdfReader(target, strict=True)
        text = reader.pages[0].extract_text()
        found = [v for v in "AB" if f"Donateur version {v}" in text]
        assert len(found) == 1, text[:200]
        assert len(reader.pages) >= 2
        return found[0]

    return target, save, verify


PREPARE = {"case": prepare_case, "rules": prepare_rules, "pdf": prepare_pdf}


def run(kind: str, folder: Path, kills: int, seed: int) -> dict[str, object]:
    target, save, verify = PREPARE[kind](folder)
    save("A")
    t0 = time.perf_counter()
    save("B")
    one_save = time.perf_counter() - t0
    rng = random.Random(seed)
    versions: Counter[str] = Counter()
    failures: list[str] = []
    started = time.perf_counter()
    for _ in range(kills):
        pid = os.fork()
        if pid == 0:  # the victim: save forever, alternating
            try:
                i = 0
                while True:
                    save("AB"[i % 2])
                    i += 1
            finally:
                os._exit(1)
        # Kill anywhere from before the first save ends to several saves later.
        time.sleep(rng.uniform(0, 3 * one_save))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        try:
            versions[verify()] += 1
        except Exception as exc:  # a loss: recorded, the run goes on to count them all
            failures.append(f"{type(exc).__name__}: {exc}"[:300])
    leftovers = sorted(p.name for p in target.parent.glob(f".{target.name}.*.tmp"))
    return {
        "kind": kind,
        "kills": kills,
        "old_or_new": dict(versions),
        "failures": failures,
        "seconds_per_save": round(one_save, 4),
        "elapsed_s": round(time.perf_counter() - started, 1),
        "temp_files_left": len(leftovers),
    }


if __name__ == "__main__":
    kind, folder, kills, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(run(kind, folder, kills, seed)))
