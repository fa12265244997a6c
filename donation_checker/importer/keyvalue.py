"""Two-column "key : value" blocks: the recipient profile and the offer header."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from ..model import ColumnMatch, Place, Proposal, RowIssue, TableReport
from ..normalise import fold
from . import texts
from .convert import convert_column, is_blank
from .dateorder import VALUES, DateOrder, fallback_order
from .grid import SheetGrid, column_letter
from .tables import date_order_issue
from .vocabulary import Match, TableSpec, Vocabulary


@dataclass
class KeyValues:
    values: dict[str, object]
    extra: dict[str, str]
    report: TableReport
    matched_rows: int = 0
    rows: dict[str, int] = field(default_factory=dict)  # field -> Excel row


def _pairs(grid: SheetGrid, rows: range) -> list[tuple[int, int, str, object]]:
    """(row index, value column, key text, value) for each row that holds a key and a value."""
    out = []
    for r in rows:
        row = grid.rows[r] if r < len(grid.rows) else []
        cells = [(c, v) for c, v in enumerate(row) if not is_blank(v)]
        if len(cells) != 2:
            continue  # blank, a title (one cell) or a table row: not a "key : value" pair
        _, key = cells[0]
        if not isinstance(key, str):
            continue
        vcol, value = cells[1]
        out.append((r, vcol, " ".join(key.split()).rstrip(" :"), value))
    return out


def key_value_score(grid: SheetGrid, spec: TableSpec, vocab: Vocabulary, rows: range) -> int:
    """How many rows look like known keys of this block."""
    hits = set()
    for _, _, key, _ in _pairs(grid, rows):
        match = vocab.match_key(spec.name, key)
        if match is not None and match.taken:
            hits.add(match.field)
    return len(hits)


def read_key_values(
    grid: SheetGrid,
    spec: TableSpec,
    vocab: Vocabulary,
    file_name: str,
    rows: range,
    keys: Mapping[str, str] | None = None,
) -> KeyValues:
    """Read key/value rows. `keys` (field -> key text, from the user's mapping) answers keys the vocabulary only
    proposes or does not know; the other keys are matched as usual."""
    by_key = {
        fold(text): Match(name, 1.0, True)
        for name, text in (keys or {}).items()
        if name in spec.field_names and fold(text)
    }
    values: dict[str, object] = {}
    extra: dict[str, str] = {}
    where: dict[str, int] = {}
    rejected: list[RowIssue] = []
    mapping: list[ColumnMatch] = []
    normalised: dict[str, int] = {}
    proposals: list[Proposal] = []
    warnings: list[RowIssue] = []
    pairs = _pairs(grid, rows)

    def date_order() -> DateOrder:
        return fallback_order(grid.declared, [p[2] for p in pairs], spec.dates)

    for r, vcol, key, raw in pairs:
        match = by_key.get(fold(key)) or vocab.match_key(spec.name, key)
        place = Place(file_name, grid.name, r + 1, column_letter(vcol), key)
        if match is None or not match.taken or match.field in values:
            extra[key] = "" if is_blank(raw) else " ".join(str(raw).split())
            if match is not None and not match.taken and match.field not in values:
                proposals.append(
                    Proposal(
                        spec.name,
                        place,
                        match.field,
                        round(match.score, 2),
                        match.rival,
                        match.guess,
                        match.unknown,
                    )
                )
            continue
        name, score = match.field, match.score
        if is_blank(raw):
            where[name] = r + 1
            mapping.append(ColumnMatch(name, column_letter(vcol), key, round(score, 2)))
            continue
        conv = convert_column(
            pd.Series([raw], dtype=object),
            spec.field(name).type,
            field_name=name,
            date_order=date_order,
        )
        if conv.date_order is not None and conv.date_order.basis != VALUES:
            warnings.append(date_order_issue(place, conv.date_order, conv.ambiguous_date))
        value = conv.values.iat[0]
        problem = conv.problems.iat[0]
        for kind, count in conv.normalised.items():
            normalised[f"{name}:{kind}"] = normalised.get(f"{name}:{kind}", 0) + count
        if value is None:
            rejected.append(
                RowIssue(
                    place,
                    str(problem),
                    *texts.problem_text(str(problem), key, str(raw)),
                    value=str(raw),
                )
            )
            continue
        values[name] = value
        where[name] = r + 1
        mapping.append(ColumnMatch(name, column_letter(vcol), key, round(score, 2)))
    report = TableReport(
        table=spec.name,
        sheet=grid.name,
        header_row=None,
        rows_read=len(pairs),
        rows_imported=len(pairs) - len(rejected),
        rejected=tuple(rejected),
        mapping=tuple(mapping),
        ignored_columns=tuple(f"'{k}'" for k in extra),
        normalised=normalised,
        warnings=tuple(warnings),
        proposals=tuple(proposals),
    )
    return KeyValues(values, extra, report, len(values), where)


def looks_like_key_value_sheet(grid: SheetGrid) -> bool:
    """Most non-empty rows hold exactly one text key and at most one value."""
    rows = [r for r in grid.rows[:60] if any(not is_blank(v) for v in r)]
    if len(rows) < 2:
        return False
    narrow = sum(1 for r in rows if sum(1 for v in r if not is_blank(v)) <= 2)
    return narrow >= 0.8 * len(rows)
