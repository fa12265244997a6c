"""Zip and XML entity bombs are refused before any parser sees them: in under 2 seconds and
under 200 MB, measured both in this process (tracemalloc: Python allocations) and in a fresh
child process (ru_maxrss: everything, native code included)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from donation_checker.errors import InputRejected
from donation_checker.importer import import_inventory

from . import build_corpus as B
from . import build_field as F

ROOT = Path(__file__).parents[3]
BOMBS = {
    "zip-bomb": (B.b12_zip_bomb, "zip_bomb"),
    "ratio-bomb": (B.b12_ratio_bomb, "zip_bomb"),
    "lying-size": (B.b12_lying_size, "zip_bomb"),
    "billion-laughs": (B.b13_billion_laughs, "xml_entities"),
    "quadratic": (B.b13_quadratic, "xml_entities"),
    "xxe": (B.b14_xxe, "xml_entities"),
    "stray-far-cell": (B.b15_stray_far_cell, "sheet_too_large"),
    "prefixed-far-cell": (F.g_prefixed_far_cell, "sheet_too_large"),
    "single-quotes-far-cell": (F.g_single_quotes_far_cell, "sheet_too_large"),
    "part-name-case-far-cell": (F.g_part_name_case_far_cell, "sheet_too_large"),
    "xlsb-far-cell": (F.g_xlsb_far_cell, "sheet_too_large"),
    "xls-far-cell": (F.g_xls_far_cell, "sheet_too_large"),
    "ods-repeated-cells": (B.b15_ods_repeated_cells, "sheet_too_large"),
    "ods-ninety-million": (F.g_ods_ninety_million, "sheet_too_large"),
    # Past the guard (the cell lies about its row): the reader's own memory limit refuses it.
    "cell-outside-its-row": (F.g_cell_outside_its_row, "reader_failed"),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_bomb_is_refused_fast_and_small(name: str, tmp_path: Path) -> None:
    build, reason = BOMBS[name]
    path = build(tmp_path / f"{name}.xlsx")
    tracemalloc.start()
    t0 = time.perf_counter()
    with pytest.raises(InputRejected) as err:
        import_inventory(path)
    elapsed = time.perf_counter() - t0
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert err.value.reason == reason
    assert elapsed < 2.0, elapsed
    assert traced < 200 << 20, traced

    child = subprocess.run(
        [sys.executable, "-m", "tests.core.bad_inputs.measure_child", "inventory", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    figures = json.loads(child.stdout)
    assert figures["reason"] == reason
    assert figures["seconds"] < 2.0, figures
    # The whole process, interpreter and pandas included, stays under 200 MB (VmHWM where the
    # system has it: ru_maxrss carries the parent's figure across exec).
    peak = figures["hwm_peak_mb"] or figures["ru_maxrss_peak_mb"]
    assert peak < 200, figures
    assert figures["ru_maxrss_peak_mb"] - figures["ru_maxrss_before_mb"] < 200, figures
    assert figures["reader_peak_mb"] < 200, figures
    print(f"{name}: {elapsed:.3f} s, tracemalloc peak {traced / 2**20:.1f} MB; child {figures}")


def test_an_xml_stack_without_defusedxml_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl.xml

    from donation_checker.errors import DonationCheckerError
    from donation_checker.importer.xmlsafety import require_safe_xml

    assert "defusedxml active" in require_safe_xml()
    require_safe_xml.cache_clear()
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    try:
        with pytest.raises(DonationCheckerError) as err:
            require_safe_xml()
        assert err.value.reason == "unsafe_xml_stack"
        with pytest.raises(DonationCheckerError):
            import_inventory(ROOT / "sample_inventories" / "inventaire_fama_2025.xlsx")
    finally:
        require_safe_xml.cache_clear()
