"""Every corpus file through the real importer: the outcome, reason and place the case table
names, and never an exception other than the importer's own rejection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from donation_checker.errors import InputRejected
from donation_checker.importer import import_inventory, import_offer
from donation_checker.model import ImportReport, RowIssue

from .cases import CASES, IMPORTED, PARTIAL, REJECTED, Case


def problems(report: ImportReport) -> list[RowIssue]:
    """Everything a user must look at: rejected rows, warnings, file-level warnings."""
    found = list(report.warnings)
    for t in report.tables:
        found.extend(t.rejected)
        found.extend(t.warnings)
    return found


def run(case: Case, path: Path) -> tuple[str, Any]:
    importer = import_inventory if case.importer == "inventory" else import_offer
    try:
        result = importer(path)
    except InputRejected as exc:
        return REJECTED, exc
    assert result.report is not None
    return (PARTIAL if problems(result.report) else IMPORTED), result


def _place_matches(case: Case, sheet: str, row: int | None, column: str) -> bool:
    return (
        (case.sheet is None or case.sheet == sheet)
        and (case.row is None or case.row == row)
        and (case.column is None or case.column == column)
    )


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    path = case.build(tmp_path / case.file_name)
    outcome, result = run(case, path)
    if outcome == REJECTED:
        assert case.outcome == REJECTED, f"rejected ({result.reason}): {result.describe()}"
        assert result.reason == case.reason, result.describe()
        assert result.place is not None and result.place.file == path.name
        assert _place_matches(case, result.place.sheet, result.place.row, result.place.column), (
            result.place
        )
        assert result.message and result.message_fr and result.describe("fr")
        return
    found = problems(result.report)
    assert outcome == case.outcome, [(p.reason, p.place) for p in found]
    codes = {p.reason for p in found}
    assert set(case.problems) <= codes, codes
    if case.problems:
        named = [p for p in found if p.reason in case.problems]
        assert any(
            _place_matches(case, p.place.sheet, p.place.row, p.place.column) for p in named
        ), [(p.reason, p.place) for p in named]
        assert all(p.place.file == path.name and p.message and p.message_fr for p in found)
    for table in result.report.tables:
        assert table.is_balanced, table  # every row read is imported, rejected or skipped
    if case.check is not None:
        case.check(result)


def test_every_case_is_classified() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
    assert all(c.outcome in (IMPORTED, PARTIAL, REJECTED) for c in CASES)
    assert all(c.reason for c in CASES if c.outcome == REJECTED)
    assert all(c.problems for c in CASES if c.outcome == PARTIAL)


def test_docs_table_matches_the_cases() -> None:
    from .cases import markdown_table

    docs = Path(__file__).parents[3] / "docs" / "robustness.md"
    assert markdown_table() in docs.read_text(encoding="utf-8")
