"""The assessment tab says which tables the inventory lacked and which rules they leave unknown,
and keeps saying it once the live assessment has settled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.helpers import load_inventory, wait_assessment


def test_tables_not_found_are_stated_on_the_assessment_tab(
    qtbot: Any, window: Any, inventory_file: Path, offer_file: Path
) -> None:
    load_inventory(qtbot, window, inventory_file)
    with qtbot.waitSignal(window.flow.imported, timeout=30_000):
        window.import_offer(str(offer_file))
    result = wait_assessment(qtbot, window)
    assert result is not None
    missing = {g.table for g in result.tables_not_found}
    assert "budget" in missing
    panel = window.assessment_panel
    qtbot.waitUntil(lambda: "Budget" in panel.state.text(), timeout=10_000)
    assert "ABS-01" in panel.state.text()
