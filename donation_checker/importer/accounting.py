"""Account for every cell holding data: what no table took is listed with its size.

Rows read = imported + rejected + skipped holds per table; this module covers the rest of the
workbook, so that a sheet not recognised, a title block or a second block of rows under a table
is named in the report instead of disappearing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import TableReport, UnreadRegion
from .common import Assignment
from .convert import is_blank
from .grid import SheetGrid
from .tables import HeaderGuess, proposals_of


def _filled(row: Sequence[object]) -> int:
    return sum(1 for v in row if not is_blank(v))


def _region(
    grid: SheetGrid, rows: Iterable[int], where: str, guess: HeaderGuess | None = None
) -> UnreadRegion | None:
    first = last = -1
    count = cells = 0
    for r in rows:
        n = _filled(grid.rows[r])
        if n:
            first = r if first < 0 else first
            last = r
            count += 1
            cells += n
    if not count:
        return None
    if guess is None:
        return UnreadRegion(grid.name, first + 1, last + 1, count, cells, where)
    return UnreadRegion(
        grid.name,
        first + 1,
        last + 1,
        count,
        cells,
        where,
        candidate=guess.table,
        header_row=guess.header_row + 1,
        score=round(guess.score, 1),
        recognised=tuple(sorted({f for f, _ in guess.columns.values()})),
        missing=guess.missing_required,
        proposals=proposals_of(guess, ""),
    )


def unread_regions(
    grids: Sequence[SheetGrid],
    reports: Sequence[TableReport],
    guesses: Sequence[HeaderGuess],
    assignment: Assignment,
    file_name: str,
    *,
    titles: bool = True,
) -> tuple[UnreadRegion, ...]:
    """Sheets no table was read from, and rows of the sheets read that lie outside every table
    read from them: above the first header (a tabular block; one-cell title rows are titles,
    and with `titles` false the block above is an offer's key/value header, read on its own),
    between two tables, or below the last one."""
    spans: dict[str, list[tuple[int, int]]] = {}
    besides: list[UnreadRegion] = []
    read_sheets = {r.sheet for r in reports}
    for g in guesses:
        report = next(
            (r for r in reports if r.sheet == g.sheet and r.header_row == g.header_row + 1),
            None,
        )
        if report is not None:
            end = g.header_row + 1 + report.rows_read
            spans.setdefault(g.sheet, []).append((g.first_row, end))
            beside = _beside(grids, g, end)
            if beside is not None:
                besides.append(beside)
    out: list[UnreadRegion] = []
    for grid in grids:
        if grid.name not in read_sheets:
            found = _region(
                grid, range(len(grid.rows)), "sheet", assignment.best_by_sheet.get(grid.name)
            )
            if found is not None:
                out.append(_with_file(found, file_name))
            continue
        if grid.name not in spans:
            continue  # a key/value block: its rows are accounted in its own report
        cursor = 0
        for i, (first, end) in enumerate(sorted(spans[grid.name])):
            gap = range(cursor, first)
            # Rows just above a table that hold one cell at most are its title.
            tabular = any(_filled(grid.rows[r]) >= 2 for r in gap)
            if tabular and (titles or i > 0):
                found = _region(grid, gap, "above" if i == 0 else "below")
                if found is not None:
                    out.append(found)
            cursor = max(cursor, end)
        below = _region(grid, range(cursor, len(grid.rows)), "below")
        if below is not None:
            out.append(below)
    return tuple(out) + tuple(besides)


def _beside(grids: Sequence[SheetGrid], g: HeaderGuess, end: int) -> UnreadRegion | None:
    """Cells in the table's rows under no header (a note far to the right): not read, so
    listed. Costs nothing when every column of the sheet has a header."""
    grid = next((x for x in grids if x.name == g.sheet), None)
    if grid is None:
        return None
    headed = [c for c, label in enumerate(g.labels) if label]
    if len(headed) == grid.width:
        return None
    first = last = -1
    count = cells = 0
    for r in range(g.header_row + 1, min(end, len(grid.rows))):
        row = grid.rows[r]
        n = len(row) - row.count("") - row.count(None)
        if n:
            n -= sum(1 for c in headed if c < len(row) and not is_blank(row[c]))
        if n > 0:
            first = r if first < 0 else first
            last = r
            count += 1
            cells += n
    if not count:
        return None
    return UnreadRegion(grid.name, first + 1, last + 1, count, cells, "beside")


def _with_file(region: UnreadRegion, file_name: str) -> UnreadRegion:
    return replace(
        region,
        proposals=tuple(
            replace(p, place=replace(p.place, file=file_name)) for p in region.proposals
        ),
    )
