"""Every file-from-the-field case under 1 MB: answered in under 2 seconds and 200 MB of
Python allocations, and the file itself unchanged afterwards (the reader's own process is
measured by test_bombs.py)."""

from __future__ import annotations

import contextlib
import hashlib
import time
import tracemalloc
from pathlib import Path

import pytest

from donation_checker.errors import InputRejected
from donation_checker.importer import import_inventory, import_offer

from .cases import CASES, Case
from .field_cases import FIELD_CASES  # after cases: it builds on its Case

assert all(c in CASES for c in FIELD_CASES)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in FIELD_CASES])
def test_field_case_is_fast_small_and_leaves_the_file_alone(case: Case, tmp_path: Path) -> None:
    path = case.build(tmp_path / case.file_name)
    if path.stat().st_size >= 1 << 20:
        pytest.skip("the bounds are for files under 1 MB")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    importer = import_inventory if case.importer == "inventory" else import_offer
    # Libraries loaded and the reader started first: the bounds are for the file, not for them.
    import_inventory(Path(__file__).parents[3] / "sample_inventories" / "inventaire_fama_2025.xlsx")
    tracemalloc.start()
    t0 = time.perf_counter()
    with contextlib.suppress(InputRejected):
        importer(path)
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 2.0, elapsed
    assert peak < 200 << 20, peak
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
