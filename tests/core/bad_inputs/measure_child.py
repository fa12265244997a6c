"""Import one file in a fresh process and print what it cost, as JSON on stdout.

    python -m tests.core.bad_inputs.measure_child inventory|offer PATH

Peak memory is the process's high-water mark (resource.getrusage ru_maxrss), read before the
import (interpreter and libraries loaded) and after it.
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


def main(kind: str, path: str) -> None:
    from donation_checker.errors import InputRejected
    from donation_checker.importer import import_inventory, import_offer
    from donation_checker.importer.xmlsafety import require_safe_xml

    require_safe_xml()
    importer = import_inventory if kind == "inventory" else import_offer
    before = _maxrss_mb()
    t0 = time.perf_counter()
    try:
        importer(Path(path))
        reason = "imported"
    except InputRejected as exc:
        reason = exc.reason
    elapsed = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "reason": reason,
                "seconds": elapsed,
                "rss_before_mb": before,
                "rss_peak_mb": _maxrss_mb(),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
