"""Find a table in a grid by its content, then extract its rows with a full account of each one.

The header row is the row (within the first rows of the sheet) whose cells best match a table's
fields; a second header row below merged cells is combined with the row above it
("Quantité" over "totale" | "en service"). Every data row ends up imported, rejected (with the
reason and the cell) or skipped (blank, totals, repeated header) — never silently dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..assessment import Text
from ..messages import count
from ..model import (
    ROW_COLUMN,
    SHEET_COLUMN,
    ColumnMatch,
    Place,
    Proposal,
    RowIssue,
    Table,
    TableReport,
)
from ..normalise import fold
from . import texts
from .bounds import out_of_bounds
from .convert import Converted, convert_column, is_blank
from .dateorder import VALUES, DateOrder, fallback_order, order_notice
from .grid import SheetGrid, column_letter
from .vocabulary import Match, TableSpec, Vocabulary

HEADER_SCAN_ROWS = 40
_TOTAL_WORDS = ("total", "sous total", "totaux", "grand total", "ensemble", "somme", "sum")


@dataclass(frozen=True)
class HeaderGuess:
    table: str
    sheet: str
    header_row: int  # 0-based index of the (last) header row
    labels: tuple[str, ...]  # label per column as matched (parent + child when combined)
    columns: Mapping[int, tuple[str, float]]  # column index -> (field, score), used
    score: float
    missing_required: tuple[str, ...]
    proposals: Mapping[int, Match] = field(default_factory=dict)  # not used: questions
    mapped: frozenset[int] = frozenset()  # columns set by the user's mapping
    header_top: int = -1  # 0-based first row of a header spanning several rows
    stop_row: int | None = None  # 0-based row where another table on the sheet begins

    @property
    def complete(self) -> bool:
        return not self.missing_required

    @property
    def first_row(self) -> int:
        return self.header_row if self.header_top < 0 else self.header_top


def _text(value: object) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _merged_over(grid: SheetGrid, r: int, width: int) -> dict[int, str]:
    """Columns covered by a cell merged across columns in row r, with its text."""
    out: dict[int, str] = {}
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 <= r <= r1 and c1 > c0:
            value = _text(grid.cell(r0, c0))
            for c in range(c0, min(c1 + 1, width)):
                out[c] = value
    return out


def _vertical(grid: SheetGrid, r: int, width: int) -> dict[int, tuple[str, int]]:
    """Columns whose cell in row r lies under the top of a merged cell: its text and top row."""
    out: dict[int, tuple[str, int]] = {}
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 < r <= r1:
            value = _text(grid.cell(r0, c0))
            for c in range(c0, min(c1 + 1, width)):
                out[c] = (value, r0)
    return out


def _row_labels(
    grid: SheetGrid, r: int, width: int, vocab: Vocabulary, table: str
) -> tuple[list[str], int]:
    """Each column's label in header row r, joined with the cells merged across columns above
    it (up to two rows: "Holdings" over "On hand" over "Serviceable"), whichever reads best; a
    cell merged down into row r is its own label. Returns the labels and the header's first
    row."""
    # Only columns with a cell in this row or the one above, or under a merged cell, can have
    # a label: a sheet 16,384 columns wide costs what its filled cells cost.
    cols = set(_filled_columns(grid, r, width))
    if r == 0:
        labels = [""] * width
        for c in cols:
            labels[c] = _text(grid.cell(r, c))
        return labels, r
    cols.update(_filled_columns(grid, r - 1, width))
    across = {k: _merged_over(grid, k, width) for k in (r - 1, r - 2) if k >= 0}
    down = _vertical(grid, r, width)
    cols.update(down)
    labels = [""] * width
    top = r
    for c in sorted(cols):
        child, plain_parent = _text(grid.cell(r, c)), _text(grid.cell(r - 1, c))
        if child:
            base, base_row = child, r
        elif c in down:
            base, base_row = down[c]  # header cell merged vertically
        elif plain_parent:
            base, base_row = plain_parent, r - 1
        else:
            continue
        options = [(base, base_row)]
        joined, first = base, base_row
        for k in (base_row - 1, base_row - 2):
            parent = across.get(k, {}).get(c) if k >= r - 2 else None
            if not parent:
                break
            joined, first = f"{parent} {joined}".strip(), k
            options.append((joined, first))
        # Scored only when there is a choice: most labels have no merged cell above them.
        text, row = (
            options[0]
            if len(options) == 1
            else max(
                options,
                key=lambda o: (
                    max(vocab.score_header(table, o[0]).values(), default=0.0) if o[0] else 0.0
                ),
            )
        )
        labels[c] = text
        if text and row < top:
            top = row
    return labels, top


# Filled columns of the rows header detection looks at, per grid: each row is scanned once,
# however many tables and header rows are tried on it. Emptied by forget_rows() once the
# tables are chosen, so no grid is kept alive by it.
_FILLED: dict[int, tuple[list[list[object]], dict[int, list[int]]]] = {}


def forget_rows() -> None:
    _FILLED.clear()


def _filled_columns(grid: SheetGrid, r: int, width: int) -> list[int]:
    if not 0 <= r < len(grid.rows):
        return []
    entry = _FILLED.get(id(grid.rows))
    if entry is None or entry[0] is not grid.rows:
        entry = _FILLED[id(grid.rows)] = (grid.rows, {})
    cached = entry[1].get(r)
    if cached is None:
        row = grid.rows[r]
        cached = entry[1][r] = [c for c, v in enumerate(row) if v != "" and v is not None]
    return [c for c in cached if c < width]


def _filled_count(grid: SheetGrid, r: int) -> int:
    row = grid.rows[r]
    return len(row) - row.count("") - row.count(None)


def guess_at_row(
    grid: SheetGrid, spec: TableSpec, vocab: Vocabulary, r: int, name_bonus: float = 1.5
) -> HeaderGuess | None:
    """The table read with its header on row r (0-based), or None when fewer than two
    columns are recognised."""
    width = grid.width
    if width == 0 or r >= len(grid.rows):
        return None
    labels, top = _row_labels(grid, r, width, vocab, spec.name)
    found = vocab.match_row(spec.name, labels)
    if len(found.taken) + len(found.proposed) < 2:
        return None
    fields = {f for f, _ in found.taken.values()}
    missing = tuple(f for f in spec.required if f not in fields)
    score = (
        sum(s for _, s in found.taken.values())
        + 0.5 * sum(m.score for m in found.proposed.values())
        + 1.0 * (len(spec.required) - len(missing))
    )
    folded = fold(grid.name)
    if folded in spec.sheet_names or any(n and n in folded for n in spec.sheet_names):
        score += name_bonus
    return HeaderGuess(
        spec.name,
        grid.name,
        r,
        tuple(labels),
        dict(found.taken),
        score,
        missing,
        dict(found.proposed),
        header_top=top,
    )


def find_header(
    grid: SheetGrid, spec: TableSpec, vocab: Vocabulary, name_bonus: float = 1.5
) -> HeaderGuess | None:
    width = grid.width
    if width == 0:
        return None
    best: HeaderGuess | None = None
    for r in range(min(HEADER_SCAN_ROWS, len(grid.rows))):
        if _filled_count(grid, r) < 2:
            continue
        guess = guess_at_row(grid, spec, vocab, r, name_bonus)
        if guess is not None and (best is None or guess.score > best.score):
            best = guess
    return best


MAX_BLOCKS = 50  # blocks below the first rows searched for the header of another table


def block_starts(grid: SheetGrid, after: int) -> list[int]:
    """Rows from `after` on that follow a blank row (or start the scan): where a table on the
    sheet would begin (its title or its header). At most MAX_BLOCKS, so a sheet with many blank
    rows costs no more than a short one."""
    rows = grid.rows
    # Only a row whose first cell is empty can be blank: the others are passed over in one
    # comprehension, so a long table costs a few milliseconds.
    maybe_blank = [r for r in range(after, len(rows)) if not rows[r] or rows[r][0] in ("", None)]
    blank = {r for r in maybe_blank if not any(not is_blank(v) for v in rows[r])}
    out: list[int] = []
    previous = after - 1
    for r in sorted(blank | {after - 1}):
        start = r + 1
        if start < len(rows) and start not in blank and start > previous and start >= after:
            out.append(start)
            if len(out) >= MAX_BLOCKS:
                break
        previous = r
    return out


def find_block_headers(
    grid: SheetGrid, spec: TableSpec, vocab: Vocabulary, blocks: Sequence[int]
) -> list[HeaderGuess]:
    """Complete headers of a table at the start of blocks of rows (see block_starts), each
    under a title of up to two rows: more tables on the same sheet."""
    found: list[HeaderGuess] = []
    for b in blocks:
        for r in (b, b + 1, b + 2):
            guess = guess_at_row(grid, spec, vocab, r)
            if guess is not None and guess.complete and len(guess.columns) >= 2:
                found.append(guess)
                break
    return found


HEADER_ROW_KEY = "header_row"  # optional entry of a mapping: the header's Excel row number
SHEET_KEY = "sheet"  # optional entry of a mapping: the sheet the table is on


def explicit_guess(
    grid: SheetGrid,
    spec: TableSpec,
    mapping: Mapping[str, str],
    vocab: Vocabulary | None = None,
    header_row: int | None = None,
) -> HeaderGuess | None:
    """Build a guess from a caller's mapping: field -> header text or column letter, plus an
    optional "header_row" (Excel row number) and "sheet". Header text wins over a letter, so a
    header such as "Qty" or "Nbr" is not read as column QTY or NBR.

    The mapping completes detection, never replaces it: with `vocab`, the fields it does not
    name are detected on the same header row as usual."""
    width = grid.width
    sheet = str(mapping.get(SHEET_KEY, "")).strip()
    if sheet and fold(sheet) != fold(grid.name):
        return None
    if header_row is None and str(mapping.get(HEADER_ROW_KEY, "")).strip().isdigit():
        header_row = int(str(mapping[HEADER_ROW_KEY]).strip()) - 1
    named = {f: str(t).strip() for f, t in mapping.items() if f in spec.field_names}
    # "-" (or nothing) answers a proposal with "no": the field is not read from this table.
    declined = {f for f, t in named.items() if t in ("", "-")}
    fields = {f: t for f, t in named.items() if f not in declined}
    if not named or width == 0:
        return None
    detected = find_header(grid, spec, vocab) if vocab is not None else None
    if header_row is not None:
        rows: list[int] = [header_row]
    else:
        scan = range(min(HEADER_SCAN_ROWS, len(grid.rows)))
        by_text = [
            r
            for r in scan
            if any(fold(t) in {fold(_text(v)) for v in grid.rows[r]} for t in fields.values())
        ]
        first_filled = next(
            (r for r in scan if sum(1 for v in grid.rows[r] if _text(v)) >= 2),
            None,
        )
        fallback = detected.header_row if detected is not None else first_filled
        rows = by_text[:1] or ([fallback] if fallback is not None else [])
        if not fields and detected is not None:
            rows = [detected.header_row]
    for r in rows:
        labels = [_text(grid.cell(r, c)) for c in range(width)]
        folded = [fold(x) for x in labels]
        columns: dict[int, tuple[str, float]] = {}
        for field_name, target in fields.items():
            idx = folded.index(fold(target)) if fold(target) in folded else _letter_index(target)
            if idx is not None and idx < width:
                columns[idx] = (field_name, 1.0)
        if not columns and not declined:
            continue
        mapped = frozenset(columns)
        settled = {f for f, _ in columns.values()} | declined
        proposals: dict[int, Match] = {}
        auto = guess_at_row(grid, spec, vocab, r) if vocab is not None else None
        if auto is not None:
            labels = [
                auto.labels[c] if c not in mapped and c < len(auto.labels) else labels[c]
                for c in range(width)
            ]
            for c, (f, s) in auto.columns.items():
                if c not in mapped and f not in settled:
                    columns[c] = (f, s)
            taken = {f for f, _ in columns.values()} | declined
            proposals = {
                c: m for c, m in auto.proposals.items() if c not in columns and m.field not in taken
            }
        elif not columns:
            continue
        found = {f for f, _ in columns.values()}
        missing = tuple(f for f in spec.required if f not in found)
        return HeaderGuess(
            spec.name,
            grid.name,
            r,
            tuple(labels),
            columns,
            sum(s for _, s in columns.values()) + 10.0,
            missing,
            proposals,
            mapped,
            auto.header_top if auto is not None else -1,
        )
    return None


def _letter_index(text: str) -> int | None:
    t = text.strip().upper()
    if not t.isalpha() or len(t) > 3 or not t.isascii():
        return None
    n = 0
    for ch in t:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


# Rows transposed per C-level call: small enough that one call never holds the interpreter
# lock long enough to freeze the window during a background import.
_TRANSPOSE_CHUNK = 8192


def _grid_columns(
    grid: SheetGrid, start: int, end: int, cols: list[int]
) -> list[np.ndarray | list[object]]:
    """The chosen columns of rows start..end-1: sliced out of the columns the reader sent when
    the grid has them, else gathered from the rows."""
    blocks = grid.columns
    if blocks is None or blocks.height != len(grid.rows) or any(c >= blocks.width for c in cols):
        return _columns(grid.rows[start:end], cols)
    out: list[np.ndarray | list[object]] = []
    for c in cols:
        column = np.empty(max(end - start, 0), dtype=object)
        blocks.fill(c, start, end, column)
        out.append(column)
    return out


def _columns(rows: list[list[object]], cols: list[int]) -> list[np.ndarray | list[object]]:
    """The chosen columns of a block of rows. Rectangular rows are turned into 2-D object
    arrays a chunk at a time and sliced by column (no per-cell Python work)."""
    if not rows:
        return [[] for _ in cols]
    width = len(rows[0])
    if len(set(map(len, rows))) != 1 or not cols or max(cols) >= width:
        return [[row[c] if c < len(row) else "" for row in rows] for c in cols]
    n = len(rows)
    out = [np.empty(n, dtype=object) for _ in cols]
    for i in range(0, n, _TRANSPOSE_CHUNK):
        chunk = rows[i : i + _TRANSPOSE_CHUNK]
        try:
            block = np.array(chunk, dtype=object)
        except ValueError:
            block = np.empty(0, dtype=object)
        if block.shape != (len(chunk), width):  # a cell numpy took for a sequence
            block = np.empty((len(chunk), width), dtype=object)
            for r, row in enumerate(chunk):
                for c, value in enumerate(row):
                    block[r, c] = value
        for column, c in zip(out, cols, strict=True):
            column[i : i + len(chunk)] = block[:, c]
    return list(out)


_TOTAL_INITIALS = frozenset("tTsSgGeE")


def _is_total_label(value: object) -> bool:
    # The initial-letter test spares folding the thousands of ordinary values.
    return (
        isinstance(value, str)
        and value.lstrip()[:1] in _TOTAL_INITIALS
        and fold(value).startswith(_TOTAL_WORDS)
    )


def _factorised(series: pd.Series, conv: Converted | None) -> tuple[np.ndarray, np.ndarray]:
    if conv is not None and conv.codes is not None and conv.uniques is not None:
        return conv.codes, conv.uniques
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, np.asarray(uniques, dtype=object)


def _unique_mask(
    series: pd.Series, predicate: Callable[[object], bool], conv: Converted | None = None
) -> np.ndarray:
    """predicate applied once per distinct value, mapped back to every row."""
    codes, uniques = _factorised(series, conv)
    hits = np.array([bool(predicate(u)) for u in uniques], dtype=bool)
    out = np.zeros(len(series), dtype=bool)
    valid = codes >= 0
    out[valid] = hits[codes[valid]]
    return out


def _equals(series: pd.Series, text: str, conv: Converted) -> np.ndarray:
    """Rows whose raw cell is exactly `text`; compared once per distinct value when the column
    was factorised."""
    if conv.codes is None or conv.uniques is None:
        return series.eq(text).to_numpy(dtype=bool)
    hits = [i for i, u in enumerate(conv.uniques) if isinstance(u, str) and u == text]
    if not hits:
        return np.zeros(len(series), dtype=bool)
    return np.isin(conv.codes, hits)


_MAX_MERGES_FILLED = 1000


def _fill_merged(
    grid: SheetGrid,
    guess: HeaderGuess,
    raw: dict[str, pd.Series],
    start: int,
    end: int,
    file_name: str,
) -> list[RowIssue]:
    """Copy the value of a vertically merged data range (only its top cell holds it) to every
    row of the range, and say so: each row of a merged "Camion" block is a truck."""
    issues: list[RowIssue] = []
    fields = {c: f for c, (f, _) in guess.columns.items()}
    merges = [m for m in grid.merged if m[0][0] >= start and m[1][0] > m[0][0] and m[0][0] < end]
    for (r0, c0), (r1, c1) in merges[:_MAX_MERGES_FILLED]:
        mapped = [c for c in range(c0, min(c1 + 1, grid.width)) if c in fields]
        if not mapped:
            continue
        value = grid.cell(r0, c0)
        for c in mapped:
            raw[fields[c]].iloc[r0 + 1 - start : min(r1 + 1, end) - start] = value
        where = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
        c = mapped[0]
        issues.append(
            RowIssue(
                Place(file_name, grid.name, r0 + 1, column_letter(c), guess.labels[c]),
                "merged_cells_filled",
                *texts.both(
                    "import.row.merged_cells_filled",
                    cells=where,
                    value=texts.quoted(_text(value)),
                    rows=count(r1 - r0 + 1),
                ),
                value=_text(value),
            )
        )
    return issues


def _duplicate_headers(grid: SheetGrid, guess: HeaderGuess, file_name: str) -> list[RowIssue]:
    """An unmapped column headed like a mapped one: the user must know which one was read."""
    used = {fold(guess.labels[c]): c for c in guess.columns if guess.labels[c]}
    issues = []
    for c, label in enumerate(guess.labels):
        first = used.get(fold(label)) if label else None
        if c in guess.columns or first is None:
            continue
        issues.append(
            RowIssue(
                Place(file_name, grid.name, guess.header_row + 1, column_letter(c), label),
                "duplicate_column",
                *texts.both(
                    "import.row.duplicate_column",
                    header=texts.quoted(label),
                    first=column_letter(first),
                    other=column_letter(c),
                ),
            )
        )
    return issues


@dataclass
class Extracted:
    table: Table
    report: TableReport


def extract(
    grid: SheetGrid,
    guess: HeaderGuess,
    spec: TableSpec,
    file_name: str,
    stop_row: int | None = None,
) -> Extracted:
    """Read the rows below the header into a typed table and its report."""
    start = guess.header_row + 1
    stop_row = guess.stop_row if stop_row is None else stop_row
    end = len(grid.rows) if stop_row is None else min(stop_row, len(grid.rows))
    cols = sorted(guess.columns)
    # Unmapped leading columns are read too: a "TOTAL" label often sits in a number column.
    lead = [c for c in range(min(3, grid.width)) if c not in guess.columns]
    columns = _grid_columns(grid, start, end, cols + lead)
    raw = {
        guess.columns[c][0]: pd.Series(col, dtype=object, copy=False)
        for c, col in zip(cols, columns[: len(cols)], strict=True)
    }
    lead_raw = [pd.Series(col, dtype=object, copy=False) for col in columns[len(cols) :]]
    layout_issues = _fill_merged(grid, guess, raw, start, end, file_name)
    layout_issues += _duplicate_headers(grid, guess, file_name)

    n = end - start
    labels = [guess.labels[c] for c in cols]

    def date_order() -> DateOrder:
        return fallback_order(grid.declared, labels, spec.dates)

    converted = {
        f: convert_column(s, spec.field(f).type, field_name=f, date_order=date_order)
        for f, s in raw.items()
    }
    blank_all = np.ones(n, dtype=bool)
    for conv in converted.values():
        blank_all &= conv.blank
    # Trailing blank rows (formatted but empty cells) are outside the table, not rows of it.
    last = int(np.nonzero(~blank_all)[0].max()) + 1 if (~blank_all).any() else 0
    n = last
    excel_rows = np.arange(start + 1, start + 1 + n)
    header_by_field = {guess.columns[c][0]: (column_letter(c), guess.labels[c]) for c in cols}

    skipped: list[RowIssue] = []
    rejected: list[RowIssue] = []
    warnings: list[RowIssue] = []
    status = np.zeros(n, dtype=np.int8)  # 0 imported, 1 skipped, 2 rejected

    def place(i: int, f: str = "") -> Place:
        letter, header = header_by_field.get(f, ("", ""))
        return Place(file_name, grid.name, int(excel_rows[i]), letter, header)

    blank_row = texts.both("import.row.blank_row")
    for i in np.nonzero(blank_all[:n])[0].tolist():
        status[i] = 1
        skipped.append(RowIssue(place(int(i)), "blank_row", *blank_row))

    header_folded = {f: fold(guess.labels[c]) for c, (f, _) in guess.columns.items()}
    # A totals row: a text cell starts with "Total"/"Sous-total" and a required text cell
    # (make, model...) is empty or is that label. Codes are not scanned (too many values).
    text_fields = [f for f in raw if spec.field(f).type in ("text", "list")]
    labelled = np.zeros(n, dtype=bool)
    total_label = {f: _unique_mask(raw[f], _is_total_label, converted[f]) for f in text_fields}
    for mask in [*total_label.values(), *(_unique_mask(s, _is_total_label) for s in lead_raw)]:
        labelled |= mask[:n]
    required_text = [f for f in text_fields if f in spec.required] or text_fields
    gap = np.zeros(n, dtype=bool)
    for f in required_text:
        gap |= converted[f].blank[:n] | total_label[f][:n]
    total_mask = labelled & gap
    # A header repeated by a page-break export is an exact copy of the header cells.
    same_count = np.zeros(n, dtype=np.int32)
    for c, (f, _) in guess.columns.items():
        header_cell = grid.cell(guess.header_row, c)
        if header_folded[f] and isinstance(header_cell, str) and header_cell.strip():
            same_count += _equals(raw[f], header_cell, converted[f])[:n]
    repeated_mask = same_count >= max(2, len(raw) // 2)
    total_row = texts.both("import.row.total_row")
    repeated_header = texts.both("import.row.repeated_header")
    for i in np.nonzero((total_mask | repeated_mask) & (status == 0))[0].tolist():
        status[i] = 1
        if total_mask[i]:
            skipped.append(RowIssue(place(i), "total_row", *total_row))
        else:
            skipped.append(RowIssue(place(i), "repeated_header", *repeated_header))

    normalised: Counter[str] = Counter()
    warnings.extend(layout_issues)
    filled = sum(1 for i in layout_issues if i.reason == "merged_cells_filled")
    if filled:
        normalised["merged_cells_filled"] += filled
    for f, conv in converted.items():
        field_type = spec.field(f).type
        problems = conv.problems.to_numpy()[:n]
        values = conv.values.to_numpy()[:n]
        blanks = conv.blank[:n]
        required = f in spec.required
        for i in np.nonzero(pd.notna(problems) | (blanks & required))[0].tolist():
            if status[i] == 1:
                continue
            raw_value = _text(raw[f].iat[i])
            kept_blank = bool(blanks[i]) and f in spec.blank_allowed
            code = (
                "blank_kept"
                if kept_blank
                else "missing_required"
                if blanks[i]
                else str(problems[i])
            )
            issue = RowIssue(
                place(int(i), f),
                code,
                *texts.problem_text(code, header_by_field[f][1], raw_value),
                value=raw_value,
            )
            if values[i] is None and required and f not in spec.blank_allowed:
                if status[i] != 2:
                    status[i] = 2
                    rejected.append(issue)
            else:
                warnings.append(issue)
        if field_type in ("int", "number", "money"):
            bounded = out_of_bounds(spec.field(f), values, status, header_by_field[f][1])
            for i, code, en, fr, shown in bounded:
                issue = RowIssue(place(i, f), code, en, fr, value=shown)
                if required:
                    status[i] = 2
                    rejected.append(issue)
                else:
                    conv.values.iat[i] = None  # questioned: not stated rather than wrong
                    warnings.append(issue)
        for kind, n_values in conv.normalised.items():
            normalised[f"{f}:{kind}"] += n_values
        if conv.date_order is not None and conv.date_order.basis != VALUES:
            letter, header = header_by_field[f]
            warnings.append(
                date_order_issue(
                    Place(file_name, grid.name, guess.header_row + 1, letter, header),
                    conv.date_order,
                    conv.ambiguous_date,
                )
            )

    keep = status == 0
    kept = int(keep.sum())
    rows: slice | np.ndarray = slice(0, n) if kept == n else keep  # a slice copies nothing
    frame = pd.DataFrame(
        {
            f: (
                converted[f].values.to_numpy()[:n][rows]
                if f in converted
                else np.full(kept, None, dtype=object)
            )
            for f in spec.field_names
        }
    )
    frame[ROW_COLUMN] = excel_rows[keep]
    frame[SHEET_COLUMN] = grid.name
    frame = frame.reset_index(drop=True)

    mapping = tuple(
        ColumnMatch(
            f,
            column_letter(c),
            guess.labels[c],
            round(s, 2),
            "mapped" if c in guess.mapped else "detected",
        )
        for c, (f, s) in sorted(guess.columns.items())
    )
    ignored = tuple(
        f"{column_letter(c)} ('{_text(guess.labels[c])}')"
        for c in range(len(guess.labels))
        if c not in guess.columns and guess.labels[c]
    )
    rejected.sort(key=lambda x: x.place.row or 0)
    report = TableReport(
        table=spec.name,
        sheet=grid.name,
        header_row=guess.header_row + 1,
        rows_read=n,
        rows_imported=int(keep.sum()),
        rejected=tuple(rejected),
        skipped=tuple(skipped),
        mapping=mapping,
        ignored_columns=ignored,
        normalised=dict(normalised),
        warnings=tuple(sorted(warnings, key=lambda x: x.place.row or 0)),
        proposals=proposals_of(guess, file_name),
    )
    return Extracted(Table(spec.name, frame), report)


def date_order_issue(place: Place, order: DateOrder, example: str) -> RowIssue:
    """The report's note on a column whose dates all read either way: the order used and why,
    placed at the header cell (the key's row in a key/value block)."""
    notice = Text(order_notice(order, example, "en"), order_notice(order, example, "fr"))
    return RowIssue(
        place,
        "ambiguous_dates",
        *texts.both("import.problem.dates", header=texts.quoted(place.header), notice=notice),
        value=example,
    )


def proposals_of(guess: HeaderGuess, file_name: str) -> tuple[Proposal, ...]:
    """The guess's unconfirmed matches as questions for the user."""
    return tuple(
        Proposal(
            guess.table,
            Place(file_name, guess.sheet, guess.header_row + 1, column_letter(c), guess.labels[c]),
            m.field,
            round(m.score, 2),
            m.rival,
            m.guess,
            m.unknown,
        )
        for c, m in sorted(guess.proposals.items())
    )
