"""Read every sheet of a workbook (or a CSV file) into plain grids of cell values.

Bulk values come from calamine (Rust), about ten times faster than openpyxl on large sheets
(see benchmarks/RESULTS.md); it also reads legacy .xls and .ods and respects the 1904 date
system. It runs in a process of its own under memory and time limits (reader.py). Grids keep absolute positions: row i is Excel row i + 1, column j is letter j.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import io
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ..assessment import Text
from ..errors import InputRejected
from ..model import Place, RowIssue
from .cells import CellFault, zero_padded
from .clearance import Clearance
from .dateorder import Declaration
from .encoding import decode_csv
from .reader import ReaderCancelled, ReaderFailed, SheetTooLarge, reader
from .sniff import FileKind
from .xmlscan import MAX_SHEET_CELLS, SheetFacts

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]
OnGrid = Callable[["SheetGrid", bool], None]


class ImportCancelled(Exception):
    """The user cancelled a running import."""


class ColumnBlocks:
    """A sheet's values column by column, as the reader sent them: blocks of consecutive rows,
    each holding one sequence of values per column, all blocks equally wide. They hold the same
    values as the grid's rows, so a table's columns are sliced out of them instead of being
    gathered cell by cell from a hundred thousand rows."""

    def __init__(self, blocks: list[list[Sequence[object]]]) -> None:
        self.blocks = blocks
        self.width = len(blocks[0]) if blocks else 0
        self.starts: list[int] = []
        height = 0
        for block in blocks:
            self.starts.append(height)
            height += len(block[0]) if block else 0
        self.height = height

    @classmethod
    def of(cls, blocks: list[list[tuple[object, ...]]] | None, height: int) -> ColumnBlocks | None:
        """The blocks when they are equally wide and cover exactly `height` rows."""
        if not blocks:
            return None
        width = len(blocks[0])
        if not width or any(len(b) != width for b in blocks):
            return None
        made = cls(list(blocks))  # type: ignore[arg-type]
        return made if made.height == height else None

    def set(self, r: int, c: int, value: object) -> bool:
        """Change one cell as its row is changed; False when it lies outside the blocks."""
        if not (0 <= r < self.height and 0 <= c < self.width):
            return False
        i = bisect.bisect_right(self.starts, r) - 1
        column = self.blocks[i][c]
        if not isinstance(column, list):
            column = self.blocks[i][c] = list(column)
        column[r - self.starts[i]] = value
        return True

    def fill(self, c: int, start: int, end: int, out: Any) -> None:
        """Copy column c's values of rows start..end-1 into out[0 : end - start] (an object
        array: a slice of it takes a block's values in one step)."""
        for first, block in zip(self.starts, self.blocks, strict=True):
            last = first + len(block[c])
            if last <= start or first >= end:
                continue
            a, b = max(start, first), min(end, last)
            values = block[c]
            # A block wholly inside the range is taken as it is, without slicing a copy.
            out[a - start : b - start] = (
                values if b - a == len(values) else values[a - first : b - first]
            )


@dataclass
class SheetGrid:
    name: str
    rows: list[list[object]]  # ragged rows allowed; "" marks an empty cell
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    # Problems found while reading the sheet itself (CSV lines, encoding), for the import report.
    issues: list[RowIssue] = field(default_factory=list)
    # What the workbook declares about its language, which decides ambiguous dates.
    declared: Declaration = field(default_factory=Declaration)
    # The same values column by column, when the reader sent them so (see ColumnBlocks).
    columns: ColumnBlocks | None = None

    @property
    def width(self) -> int:
        return max(map(len, self.rows[:200]), default=0)

    def cell(self, r: int, c: int) -> object:
        if r < len(self.rows) and c < len(self.rows[r]):
            return self.rows[r][c]
        return ""


RELEASE_CHUNK = 4096


def release(grids: list[SheetGrid]) -> None:
    """Empty the grids a block of rows at a time. Freeing a 100,000-row sheet in one go holds
    the interpreter for most of a tenth of a second, which freezes the window at the end of a
    background import; between blocks the window's thread gets its turn."""
    for grid in grids:
        grid.columns = None
        rows = grid.rows
        while rows:
            del rows[-RELEASE_CHUNK:]


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read_workbook(
    path: Path,
    kind: FileKind,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    facts: Mapping[str, SheetFacts] | Clearance | None = None,
    hidden: list[str] | None = None,
    on_grid: OnGrid | None = None,
) -> list[SheetGrid]:
    """Every visible sheet as a grid. `facts` (from sniff.inspect) marks formula cells without a
    saved value and error cells, and restores codes shown with leading zeros; given as a
    Clearance, each part is read only once the guard running alongside has let it through.
    The names of hidden sheets, which are not read, are appended to `hidden`.

    `on_grid` is given each grid as soon as it is read, with whether more sheets follow: the
    next one is then already asked for, so the reader parses it meanwhile."""
    clearance = facts if isinstance(facts, Clearance) else None
    known = facts if facts is not None and not isinstance(facts, Clearance) else {}

    def guard_first() -> None:
        # The guard's refusal, if any, says more than the reader's failure.
        if clearance is not None:
            clearance.result()

    facts_of = clearance.sheet_facts if clearance is not None else known.get
    grids: list[SheetGrid] = []
    with reader(MAX_SHEET_CELLS, path) as proc:
        try:
            if clearance is not None:
                clearance.wait_workbook()
            names, visible = proc.open(path, cancel)
        except InputRejected:
            raise
        except ReaderCancelled as exc:
            raise ImportCancelled from exc
        except Exception as exc:  # whatever stopped the reading, the guard speaks first
            guard_first()
            raise _unreadable(path, "", exc) from exc
        for i, name in enumerate(names):
            if cancel and cancel():
                raise ImportCancelled
            if visible and name not in visible:
                if hidden is not None:
                    hidden.append(name)  # hidden and very hidden sheets are reported, not read
                continue
            if progress:
                progress(i / max(1, len(names)), name)
            try:
                sheet_facts = facts_of(name)
                rows, merged, blocks = proc.sheet(name, cancel)
            except (InputRejected, ImportCancelled):
                raise
            except ReaderCancelled as exc:
                raise ImportCancelled from exc
            except SheetTooLarge as exc:
                raise _too_large(path, name, exc.height, exc.width) from exc
            except Exception as exc:  # whatever stopped the reading, the guard speaks first
                guard_first()
                raise _unreadable(path, name, exc) from exc
            columns = ColumnBlocks.of(blocks, len(rows))
            if sheet_facts is not None and not _apply_facts(rows, sheet_facts, columns):
                columns = None  # a fact beyond the blocks' extent: the rows alone are right
            grids.append(SheetGrid(name, rows, merged, columns=columns))
            if on_grid is not None:
                following = [n for n in names[i + 1 :] if not visible or n in visible]
                # The guard lets the next sheet through first, as always. Whatever stops the
                # asking is met again, and said as usual, when that sheet is read.
                with contextlib.suppress(Exception):
                    if following:
                        facts_of(following[0])
                        proc.ask(following[0])
                on_grid(grids[-1], bool(following))
    return grids


def _unreadable(path: Path, sheet: str, exc: Exception) -> InputRejected:
    from . import texts  # the catalogue is read only when a file is refused

    if isinstance(exc, ReaderFailed):
        how = "reader_time_limit" if exc.killed else "reader_error"
        return texts.rejected(
            "reader_failed",
            reason="reader_failed",
            place=Place(path.name, sheet),
            hint="resave_copy",
            how=Text(*texts.both(f"import.error.{how}")),
            detail=texts.quoted(exc.detail),
        )
    if sheet:
        return texts.rejected(
            "unreadable_sheet",
            reason="unreadable_sheet",
            place=Place(path.name, sheet),
            hint="check_sheet",
            error=texts.quoted(exc),
        )
    return texts.rejected(
        "unreadable_workbook",
        reason="unreadable_workbook",
        place=Place(path.name),
        hint="resave",
        error=texts.quoted(exc),
    )


def _apply_facts(
    rows: list[list[object]], facts: SheetFacts, columns: ColumnBlocks | None = None
) -> bool:
    """Mark the cells the guard's scan knows more about, in the rows and in `columns` alike;
    False when `columns` could not follow (a cell beyond their extent)."""
    followed = True

    def put(r: int, c: int, value: object) -> None:
        nonlocal followed
        while len(rows) <= r:
            rows.append([])
        row = rows[r]
        if len(row) <= c:
            row.extend([""] * (c + 1 - len(row)))
        row[c] = value
        if columns is not None and followed:
            followed = columns.set(r, c, value)

    for (r, c), formula in facts.formulas_without_value.items():
        put(r, c, CellFault("formula_without_value", formula))
    for (r, c), shown in facts.errors.items():
        put(r, c, CellFault("formula_error", shown))
    for (r, c), width in facts.zero_padded.items():
        if r < len(rows) and c < len(rows[r]) and isinstance(rows[r][c], float):
            put(r, c, zero_padded(cast(float, rows[r][c]), width))
    return followed


def _too_large(path: Path, sheet: str, height: int, width: int) -> InputRejected:
    from ..messages import count
    from . import texts

    return texts.rejected(
        "sheet_too_large",
        reason="sheet_too_large",
        place=Place(path.name, sheet),
        hint="trim_or_split",
        rows=count(height),
        columns=count(width),
        limit=count(MAX_SHEET_CELLS),
    )


_DELIMITERS = (";", ",", "\t", "|")


def read_csv(path: Path) -> SheetGrid:
    """Read a CSV/TSV file as text cells only: nothing is guessed as a number or a date here.

    The separator is the candidate that splits the first lines into the most consistent number
    of fields (csv.Sniffer guesses letters on some files). Quotes are parsed strictly: a stray
    quote would otherwise swallow the following lines silently. A line with more fields than the
    table has its cells marked (the row is rejected), one with fewer is reported.
    """
    raw = path.read_bytes()
    text, issues = decode_csv(raw, path)
    first, _, rest = text.partition("\n")
    hint = first.strip().lower()
    if hint.startswith("sep=") and len(hint) == 5:
        delimiter, text = first.strip()[4], rest  # Excel's "sep=;" line names the separator
    else:
        delimiter = _choose_delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[object]] = []
    # One value may be as long as the file (a pasted document): the cell limit of the import
    # (32,767 characters, with a warning) applies later, the parser must not refuse the file.
    csv.field_size_limit(max(csv.field_size_limit(), min(len(text) + 1, 2**31 - 1)))
    width = 0
    try:
        for record in reader:
            rows.append(list(record))
            width = max(width, len(record))
            # The real extent: the widest line so far, not the first one (a title line).
            if len(rows) * max(width, 1) > MAX_SHEET_CELLS:
                raise _too_large(path, "", len(rows), width)
    except csv.Error as exc:
        from . import texts

        raise texts.rejected(
            "bad_csv",
            reason="bad_csv",
            place=Place(path.name, "", reader.line_num),
            hint="close_quote",
            line=str(reader.line_num),
            error=texts.quoted(exc),
        ) from exc
    issues.extend(_ragged(rows, path.name))
    return SheetGrid("", rows, issues=issues)


def _choose_delimiter(sample: str) -> str:
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        if not counts:
            continue
        modal = max(set(counts), key=counts.count)
        score = (counts.count(modal) if modal > 1 else 0, modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _ragged(rows: list[list[object]], file_name: str) -> list[RowIssue]:
    """Lines whose field count differs from the table's: more fields are marked on every cell
    (the values are probably shifted), fewer are reported. Lines above the table are not."""
    lengths = Counter(len(r) for r in rows)
    lengths.pop(0, None)
    if not lengths:
        return []
    modal = lengths.most_common(1)[0][0]
    first = next(i for i, r in enumerate(rows) if len(r) == modal)
    from . import texts  # the catalogue is read only when a file needs a warning

    issues: list[RowIssue] = []
    said: dict[int, texts.Frames] = {}  # sentence per field count, the line number left open
    for i in [i for i, r in enumerate(rows) if len(r) != modal and i > first]:
        row = rows[i]
        while len(row) > modal and not str(row[-1]).strip():
            row.pop()  # a trailing separator adds an empty field: harmless
        n = len(row)
        if n == modal or not any(str(v).strip() for v in row):
            continue
        place = Place(file_name, "", i + 1)
        issues.append(
            RowIssue(
                place,
                "ragged_line",
                *texts.fill(
                    said.get(n)
                    or said.setdefault(
                        n,
                        texts.frames(
                            "import.row.ragged_line", "line", fields=str(n), expected=str(modal)
                        ),
                    ),
                    str(i + 1),
                ),
                value=str(n),
            )
        )
        if n > modal:
            rows[i] = [CellFault("ragged_line", str(v)) for v in row]
    return issues
