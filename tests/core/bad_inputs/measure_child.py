"""Import one file in a fresh process and print what it cost, as JSON on stdout.

    python -m tests.core.bad_inputs.measure_child inventory|offer PATH

Peak memory is the process's high-water mark, read before the import (interpreter and
libraries loaded) and after it: resource.getrusage ru_maxrss, and on Linux VmHWM from
/proc/self/status. ru_maxrss survives exec, so a child started by a large parent (pytest) starts
with the parent's figure; VmHWM belongs to the new program only and is the one to compare.
The cell reader's process is measured apart (its ru_maxrss, once it has been stopped).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _maxrss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    scale = 1 / (1 << 20) if sys.platform == "darwin" else 1 / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _hwm_mb() -> float | None:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def main(kind: str, path: str) -> None:
    from donation_checker.errors import InputRejected
    from donation_checker.importer import import_inventory, import_offer
    from donation_checker.importer.xmlsafety import require_safe_xml

    require_safe_xml()
    importer = import_inventory if kind == "inventory" else import_offer
    before, hwm_before = _maxrss_mb(), _hwm_mb()
    t0 = time.perf_counter()
    try:
        importer(Path(path))
        reason = "imported"
    except InputRejected as exc:
        reason = exc.reason
    elapsed = time.perf_counter() - t0
    hwm = _hwm_mb()
    # The cell reader runs in a process of its own: stop it so its peak is counted too.
    from donation_checker.importer import reader

    reader.shutdown()
    scale = 1 / (1 << 20) if sys.platform == "darwin" else 1 / 1024
    reader_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
    figures = {
        "reason": reason,
        "seconds": round(elapsed, 4),
        "ru_maxrss_before_mb": round(before, 1),
        "ru_maxrss_peak_mb": round(_maxrss_mb(), 1),
        "hwm_before_mb": None if hwm_before is None else round(hwm_before, 1),
        "hwm_peak_mb": None if hwm is None else round(hwm, 1),
        "reader_peak_mb": round(reader_peak, 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
