"""Steps shared by the inventory and offer importers: open, hash, find tables, canonicalise."""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..assessment import Text
from ..columns import map_unique
from ..errors import RuleSetError
from ..model import Place, RowIssue, Table, TableReport
from ..normalise import (
    ModelNames,
    canonical_complexity,
    canonical_condition,
    canonical_drive_side,
    canonical_fuel,
    canonical_inspection,
    canonical_language,
    canonical_transmission,
    compact,
)
from ..resources import aliases_path
from ..user_files import ALIASES, Layered, layered, merge, read_toml, stamp
from . import texts
from .clearance import start_guard
from .convert import is_blank
from .grid import (
    Cancel,
    ImportCancelled,
    OnGrid,
    Progress,
    SheetGrid,
    read_csv,
    read_workbook,
)
from .sniff import FileKind, Inspection, PartListener, inspect
from .tables import (
    SHEET_KEY,
    HeaderGuess,
    block_starts,
    explicit_guess,
    find_block_headers,
    find_header,
    forget_rows,
)
from .vocabulary import Vocabulary
from .xmlsafety import require_safe_xml

# Explicit column mapping from a caller (GUI mapping dialog, --map): table -> field -> column
# letter or header text.
ColumnMapping = Mapping[str, Mapping[str, str]]


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def open_grids(
    path: Path, progress: Progress | None, cancel: Cancel | None, on_grid: OnGrid | None = None
) -> tuple[Inspection, list[SheetGrid]]:
    clearance = start_guard(lambda listener: _guard(path, listener))
    kind = clearance.kind()
    if cancel and cancel():
        raise ImportCancelled
    hidden: list[str] = []
    if kind is FileKind.CSV:
        grids = [read_csv(path)]
    elif kind is FileKind.XLSX:
        grids = read_workbook(path, kind, progress, cancel, clearance, hidden, on_grid)
    else:
        facts = clearance.result().sheets
        grids = read_workbook(path, kind, progress, cancel, facts, hidden, on_grid)
    found = replace(clearance.result(), hidden=tuple(hidden))
    for grid in grids:
        grid.declared = found.declared
    if not any(g.rows for g in grids):
        raise texts.rejected(
            "empty_workbook", reason="empty_workbook", place=Place(path.name), hint="right_file"
        )
    return found, grids


def _guard(path: Path, listener: PartListener) -> Inspection:
    found = inspect(path, listener=listener)
    # openpyxl, which writes the Excel export, must never be able to parse XML unguarded. The
    # check imports it (a tenth of a second), so it runs here, alongside the cell reader; a
    # failure reaches the user when the reader asks for the guard's result.
    require_safe_xml()
    # The file's hash for the report, also off the reader's path (hashing releases the lock).
    return replace(found, sha256=sha256_of(path))


def file_warnings(
    path: Path, found: Inspection, grids: Sequence[SheetGrid]
) -> tuple[RowIssue, ...]:
    """Problems of the file as a whole: hidden sheets left unread, content never run or
    followed, CSV lines and encoding."""
    hidden = tuple(
        RowIssue(
            Place(path.name, s),
            "hidden_sheet",
            *texts.both("import.row.hidden_sheet", sheet=texts.quoted(s)),
        )
        for s in found.hidden
    )
    ignored = tuple(
        RowIssue(
            Place(path.name),
            "external_content_ignored" if label != "macros" else "macros_ignored",
            *texts.both(
                "import.row.content_ignored",
                content=Text(*texts.both(f"import.content.{label}")),
            ),
        )
        for label in found.ignored
    )
    return hidden + ignored + tuple(issue for g in grids for issue in g.issues)


@dataclass
class Assignment:
    """Which sheet holds which table. A table in `multi` may be spread over several sheets
    (a fleet kept per region or per unit): its parts are listed in order of score."""

    chosen: dict[str, list[HeaderGuess]]
    incomplete: dict[str, HeaderGuess]  # best guess per table that lacks a required column
    best_by_sheet: dict[str, HeaderGuess]  # best guess per sheet, whatever the table

    def first(self, table: str) -> HeaderGuess | None:
        parts = self.chosen.get(table)
        return parts[0] if parts else None


@dataclass
class Detection:
    """Where each table would be on one grid: its best header in the first rows, and its
    headers at the start of blocks further down (see tables.find_block_headers)."""

    grid: SheetGrid
    headers: dict[str, HeaderGuess | None]
    blocks: dict[str, list[HeaderGuess]]


def detect(grid: SheetGrid, tables: Sequence[str], vocab: Vocabulary) -> Detection:
    headers = {name: find_header(grid, vocab.table(name), vocab) for name in tables}
    starts = block_starts(grid, 0)
    blocks = {name: find_block_headers(grid, vocab.table(name), vocab, starts) for name in tables}
    return Detection(grid, headers, blocks)


def assign_tables(
    grids: Sequence[SheetGrid],
    tables: Sequence[str],
    vocab: Vocabulary,
    mapping: ColumnMapping | None,
    multi: Sequence[str] = (),
    detections: Mapping[str, Detection] | None = None,
) -> Assignment:
    """`detections`: grids already searched (by sheet name), for these tables."""
    known = detections or {}
    try:
        found = [
            d if (d := known.get(g.name)) is not None and d.grid is g else detect(g, tables, vocab)
            for g in grids
        ]
        return _assign_tables(found, tables, vocab, mapping, multi)
    finally:
        forget_rows()


def _assign_tables(
    found: Sequence[Detection],
    tables: Sequence[str],
    vocab: Vocabulary,
    mapping: ColumnMapping | None,
    multi: Sequence[str],
) -> Assignment:
    """Choose the sheets of each table by content; explain the tables not found.

    A user's mapping for a table applies to the sheet it names, else to the sheet where
    detection finds that table best (else to every sheet), and decides where the table is:
    the table is not looked for elsewhere, so a mapping never moves it to another sheet."""
    grids = [d.grid for d in found]
    detected: dict[tuple[str, str], HeaderGuess] = {}
    for d in found:
        for name in tables:
            guess = d.headers[name]
            if guess is not None:
                detected[(d.grid.name, name)] = guess
    explicit: dict[tuple[str, str], HeaderGuess] = {}
    for name in tables:
        if not mapping or name not in mapping:
            continue
        own = [d for (_, t), d in detected.items() if t == name]
        best = max(own, key=lambda g: g.score).sheet if own else None
        for grid in grids:
            if best is None or grid.name == best or mapping[name].get(SHEET_KEY):
                guess = explicit_guess(grid, vocab.table(name), mapping[name], vocab)
                if guess is not None:
                    explicit[(grid.name, name)] = guess
    mapped_tables = {t for _, t in explicit}

    candidates: list[HeaderGuess] = []
    extra: list[HeaderGuess] = []
    incomplete: dict[str, HeaderGuess] = {}
    best_by_sheet: dict[str, HeaderGuess] = {}
    for (sheet, name), guess in {**detected, **explicit}.items():
        spec = vocab.table(name)
        current = best_by_sheet.get(sheet)
        if current is None or guess.score > current.score:
            best_by_sheet[sheet] = guess
        by_user = (sheet, name) in explicit
        if guess.complete and len(guess.columns) >= max(2, len(spec.required)):
            (candidates if by_user or name not in mapped_tables else extra).append(guess)
        elif (by_user or name not in mapped_tables) and (
            name not in incomplete or by_user or guess.score > incomplete[name].score
        ):
            incomplete[name] = guess
    # Tables further down a sheet, under a blank row: a second table on the same sheet.
    by_name = {g.name: g for g in grids}
    for d in found:
        for name in tables:
            for guess in d.blocks[name]:
                (extra if name in mapped_tables else candidates).append(guess)
    candidates.sort(key=lambda g: -g.score)
    chosen: dict[str, list[HeaderGuess]] = {}
    on_sheet: dict[str, list[HeaderGuess]] = {}
    for g in candidates:
        if g.table not in chosen and _fits(g, on_sheet, by_name):
            chosen[g.table] = [g]
            on_sheet.setdefault(g.sheet, []).append(g)
    # More parts of a multi-part table (a fleet kept per region, on several sheets or one under
    # another): complete, with the same columns as the first part (a sheet laid out otherwise
    # is another list, an old one or a summary: it is listed, not added), and no other table
    # reads the sheet better.
    for g in sorted(candidates + extra, key=lambda g: -g.score):
        if (
            g.table in multi
            and g.table in chosen
            and _fields(g) == _fields(chosen[g.table][0])
            and best_by_sheet[g.sheet].table == g.table
            and _fits(g, on_sheet, by_name)
        ):
            chosen[g.table].append(g)
            on_sheet.setdefault(g.sheet, []).append(g)
    stops = _stop_rows(on_sheet, by_name)
    chosen = {
        t: [replace(g, stop_row=stops.get((g.sheet, g.header_row))) for g in parts]
        for t, parts in chosen.items()
    }
    return Assignment(chosen, incomplete, best_by_sheet)


def _fields(g: HeaderGuess) -> frozenset[str]:
    return frozenset(f for f, _ in g.columns.values())


def _filled(row: Sequence[object]) -> int:
    return sum(1 for v in row if not is_blank(v))


def _fits(
    g: HeaderGuess, on_sheet: Mapping[str, list[HeaderGuess]], grids: Mapping[str, SheetGrid]
) -> bool:
    """A second table on a sheet must not share the header rows of one already chosen, and
    must open a block of its own: a blank row or a one-cell title just above its header."""
    others = on_sheet.get(g.sheet, [])
    if not others:
        return True
    for o in others:
        if not (g.header_row < o.first_row or o.header_row < g.first_row):
            return False
    rows = grids[g.sheet].rows
    return g.first_row == 0 or _filled(rows[g.first_row - 1]) <= 1


def _stop_rows(
    on_sheet: Mapping[str, list[HeaderGuess]], grids: Mapping[str, SheetGrid]
) -> dict[tuple[str, int], int]:
    """Where each table ends on a sheet holding several: above the next table's title."""
    stops: dict[tuple[str, int], int] = {}
    for sheet, guesses in on_sheet.items():
        ordered = sorted(guesses, key=lambda g: g.header_row)
        rows = grids[sheet].rows
        for upper, lower in itertools.pairwise(ordered):
            stop = lower.first_row
            while stop - 1 > upper.header_row and _filled(rows[stop - 1]) <= 1:
                stop -= 1
            stops[(sheet, upper.header_row)] = stop
    return stops


def load_model_names(path: str | Path | None = None) -> ModelNames:
    """The alias table: shipped aliases, the user folder's aliases.toml over them, and a file
    given by the caller (--aliases) over both; later entries win."""
    table = alias_layers().value
    if path:
        extra, _ = read_toml(Path(path))
        table = check_aliases(merge(table, extra), str(path))
    return ModelNames(table.get("makes", {}), table.get("models", {}))


def alias_layers() -> Layered[dict[str, Any]]:
    """The default alias table and what became of the user's aliases.toml."""
    return _alias_layers_cached(str(aliases_path()), stamp(ALIASES))


@functools.lru_cache(maxsize=4)
def _alias_layers_cached(shipped: str, user: object) -> Layered[dict[str, Any]]:
    # `user` (the user file's path, time and size) is in the key so an edit is seen at once.
    return layered(ALIASES, check_aliases)


def check_aliases(data: dict[str, Any], label: str) -> dict[str, Any]:
    """An alias table: [makes] of "variant" = "Make", [models.<Make>] of "variant" = "Model"."""
    makes, models = data.get("makes", {}), data.get("models", {})
    good = (
        isinstance(makes, Mapping)
        and all(isinstance(v, str) for v in makes.values())
        and isinstance(models, Mapping)
        and all(
            isinstance(t, Mapping) and all(isinstance(v, str) for v in t.values())
            for t in models.values()
        )
    )
    if not good:
        raise RuleSetError(
            'aliases are [makes] entries "variant" = "Make" and [models.Make] entries '
            '"variant" = "Model".',
            "les alias sont des entrées [makes] « variante » = « Marque » et [models.Marque] "
            "« variante » = « Modèle ».",
            hint="Compare the file with the shipped rules/aliases.toml.",
            hint_fr="Comparez le fichier avec rules/aliases.toml livré.",
            place=Place(file=label),
            reason="aliases_invalid",
        )
    return {
        "makes": {str(k): str(v) for k, v in makes.items()},
        "models": {str(m): {str(k): str(v) for k, v in t.items()} for m, t in models.items()},
    }


_CANONICAL: Mapping[str, Callable[[object], object]] = {
    "fuel": canonical_fuel,
    "drive_side": canonical_drive_side,
    "transmission": canonical_transmission,
    "complexity": canonical_complexity,
    "condition": canonical_condition,
    "inspection": canonical_inspection,
}


def _languages(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, tuple):
        return None
    return tuple(dict.fromkeys(x for x in (canonical_language(i) for i in value) if x))


def canonicalise(table: Table, report: TableReport, names: ModelNames) -> tuple[Table, TableReport]:
    """Canonical fuel, drive side, etc., alias-resolved make/model and their matching keys.

    Every rule runs once per distinct value (or make/model pair) and is mapped back to the rows,
    as are the counts of rows it changed."""
    frame = table.frame.copy()
    counts = dict(report.normalised)
    for column, func in _CANONICAL.items():
        if column in frame.columns:
            codes, uniques = pd.factorize(frame[column], use_na_sentinel=True)
            mapped = [func(u) for u in uniques]
            changed = _rows_where(
                codes, [str(a) != str(b) for a, b in zip(mapped, uniques, strict=True)]
            )
            if changed:
                counts[f"{column}:canonical"] = counts.get(f"{column}:canonical", 0) + changed
            frame[column] = _spread(codes, mapped, frame.index)
    for column in ("manuals_language",):
        if column in frame.columns:
            frame[column] = map_unique(frame[column], _languages)
    if "make" in frame.columns and "model" in frame.columns:
        frame["make"], inferred = infer_makes(frame["make"], frame["model"], names)
        if inferred:
            counts["make:inferred"] = counts.get("make:inferred", 0) + inferred
        inverse, pairs = _pairs(frame["make"], frame["model"])
        resolved = [_resolve(names, make, model) for make, model in pairs]
        # A missing value compares unequal to its resolved text, as a changed row.
        aliased = _rows_where(
            inverse,
            [
                r[0] != make or r[1] != model
                for r, (make, model) in zip(resolved, pairs, strict=True)
            ],
        )
        if aliased:
            counts["make_model:alias"] = counts.get("make_model:alias", 0) + aliased
        for i, col in enumerate(("make", "model", "make_key", "model_key")):
            frame[col] = _spread(inverse, [r[i] for r in resolved], frame.index)
    return Table(table.name, frame), replace(report, normalised=counts)


def _spread(codes: np.ndarray, per_value: Sequence[object], index: pd.Index) -> pd.Series:
    """Values computed per distinct value put back on every row; code -1 (missing) → None."""
    mapped = np.empty(len(per_value) + 1, dtype=object)
    mapped[: len(per_value)] = per_value
    mapped[-1] = None
    return pd.Series(mapped[codes], index=index, dtype=object, copy=False)  # a new array


def _rows_where(codes: np.ndarray, per_value: Sequence[bool]) -> int:
    """How many rows carry a distinct value for which per_value is true."""
    if not len(per_value) or not any(per_value):
        return 0
    counts = np.bincount(codes[codes >= 0], minlength=len(per_value))
    return int(counts[np.asarray(per_value, dtype=bool)].sum())


def _pairs(make: pd.Series, model: pd.Series) -> tuple[np.ndarray, list[tuple[object, object]]]:
    """Distinct (make, model) pairs, missing values included, and each row's pair number."""
    make_codes, makes = pd.factorize(make, use_na_sentinel=True)
    model_codes, models = pd.factorize(model, use_na_sentinel=True)
    stride = len(models) + 1
    joint = np.where(make_codes < 0, len(makes), make_codes).astype(np.int64) * stride + np.where(
        model_codes < 0, len(models), model_codes
    )
    distinct, inverse = np.unique(joint, return_inverse=True)
    make_values, model_values = [*makes, None], [*models, None]
    pairs = [(make_values[j // stride], model_values[j % stride]) for j in distinct.tolist()]
    return inverse.reshape(-1), pairs


def infer_makes(make: pd.Series, model: pd.Series, names: ModelNames) -> tuple[pd.Series, int]:
    """Blank makes filled from the model: the one make the table gives that model elsewhere,
    else the one make whose aliases name it; and the number of rows filled."""
    # Judged once per distinct make, not once per row.
    codes, uniques = pd.factorize(make, use_na_sentinel=True)
    ublank = [is_blank(u) or not str(u).strip() for u in uniques]
    blank = np.array([*ublank, True], dtype=bool)[np.where(codes < 0, len(uniques), codes)]
    if not blank.any():
        return make, 0
    make = make.astype(object).copy()
    known: dict[str, set[str]] = {}
    for mk, md in zip(make[~blank].tolist(), model[~blank].tolist(), strict=True):
        known.setdefault(compact(md), set()).add(names.make(mk))
    filled = 0
    for i in np.nonzero(blank)[0].tolist():
        md = model.iat[i]
        makes = known.get(compact(md), set())
        guess = next(iter(makes)) if len(makes) == 1 else names.make_of_model(md)
        if guess:
            make.iat[i] = guess
            filled += 1
    return make, filled


def _resolve(names: ModelNames, make: object, model: object) -> tuple[str, str, str, str]:
    # A missing model is "", never the text "None" (a model may be called "None").
    mk = "" if make is None or make != make else str(make)
    md = "" if model is None or model != model else str(model)
    return names.make(mk), names.model(mk, md), names.make_key(mk), names.key(mk, md)


def check_cancel(cancel: Cancel | None) -> None:
    if cancel and cancel():
        raise ImportCancelled
