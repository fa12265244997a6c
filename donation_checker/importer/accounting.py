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
    """Sheets no table was read from, and rows of the sheets read that lie above the header
    (title blocks, unless `titles` is false) or below the last row of the table."""
    by_sheet = {g.sheet: g for g in guesses}
    read: dict[str, TableReport] = {}
    for r in reports:  # a table's report wins over a key/value block on the same sheet
        if r.header_row is not None or r.sheet not in read:
            read[r.sheet] = r
    out: list[UnreadRegion] = []
    for grid in grids:
        if grid.name not in read:
            found = _region(
                grid, range(len(grid.rows)), "sheet", assignment.best_by_sheet.get(grid.name)
            )
            if found is not None:
                out.append(_with_file(found, file_name))
            continue
        report, guess = read[grid.name], by_sheet.get(grid.name)
        if guess is None or report.header_row is None:
            continue  # a key/value block: its rows are accounted in its own report
        # Rows above an offer's table are its key/value header block, read on their own; one
        # cell per row above a table is its title block, not data.
        top = range(guess.first_row)
        tabular = any(_filled(grid.rows[r]) >= 2 for r in top)
        above = _region(grid, top, "above") if titles and tabular else None
        below = _region(
            grid, range(guess.header_row + 1 + report.rows_read, len(grid.rows)), "below"
        )
        out += [r for r in (above, below) if r is not None]
    return tuple(out)


def _with_file(region: UnreadRegion, file_name: str) -> UnreadRegion:
    return replace(
        region,
        proposals=tuple(
            replace(p, place=replace(p.place, file=file_name)) for p in region.proposals
        ),
    )
