"""Steps shared by the inventory and offer importers: open, hash, find tables, canonicalise."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from ..columns import map_unique
from ..errors import InputRejected, RuleSetError
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
)
from ..resources import aliases_path
from .grid import (
    Cancel,
    ImportCancelled,
    Progress,
    SheetGrid,
    read_csv,
    read_workbook,
)
from .sniff import FileKind, Inspection, inspect
from .tables import HeaderGuess, explicit_guess, find_header
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
    path: Path, progress: Progress | None, cancel: Cancel | None
) -> tuple[Inspection, list[SheetGrid]]:
    require_safe_xml()
    found = inspect(path)
    kind = found.kind
    if cancel and cancel():
        raise ImportCancelled
    if kind is FileKind.CSV:
        grids = [read_csv(path)]
    else:
        hidden: list[str] = []
        grids = read_workbook(path, kind, progress, cancel, found.sheets, hidden)
        found = replace(found, hidden=tuple(hidden))
    if not any(g.rows for g in grids):
        raise InputRejected(
            "The workbook has no data in any sheet.",
            "Le classeur ne contient aucune donnée.",
            hint="Check that you chose the right file.",
            hint_fr="Vérifiez que vous avez choisi le bon fichier.",
            place=Place(path.name),
            reason="empty_workbook",
        )
    return found, grids


_IGNORED_TEXT = {
    "macros": ("macros (never run)", "macros (jamais exécutées)"),
    "external_links": ("links to other workbooks", "liens vers d'autres classeurs"),
    "connections": ("data connections and web queries", "connexions de données et requêtes web"),
}


def file_warnings(
    path: Path, found: Inspection, grids: Sequence[SheetGrid]
) -> tuple[RowIssue, ...]:
    """Problems of the file as a whole: hidden sheets left unread, content never run or
    followed, CSV lines and encoding."""
    hidden = tuple(
        RowIssue(
            Place(path.name, s),
            "hidden_sheet",
            f"Hidden sheet '{s}' was not read.",
            f"La feuille masquée « {s} » n'a pas été lue.",
        )
        for s in found.hidden
    )
    ignored = tuple(
        RowIssue(
            Place(path.name),
            "external_content_ignored" if label != "macros" else "macros_ignored",
            f"The workbook holds {_IGNORED_TEXT[label][0]}: ignored, only cell values are read.",
            f"Le classeur contient des {_IGNORED_TEXT[label][1]} : ignorés, seules les valeurs "
            "des cellules sont lues.",
        )
        for label in found.ignored
    )
    return hidden + ignored + tuple(issue for g in grids for issue in g.issues)


def assign_tables(
    grids: Sequence[SheetGrid],
    tables: Sequence[str],
    vocab: Vocabulary,
    mapping: ColumnMapping | None,
) -> tuple[dict[str, HeaderGuess], dict[str, HeaderGuess]]:
    """Choose one sheet per table by content. Returns (chosen complete guesses, best incomplete
    guesses per table) — the latter explain what is missing when a table cannot be found."""
    candidates: list[HeaderGuess] = []
    incomplete: dict[str, HeaderGuess] = {}
    for grid in grids:
        for name in tables:
            spec = vocab.table(name)
            guess = None
            if mapping and name in mapping:
                guess = explicit_guess(grid, spec, mapping[name])
            guess = guess or find_header(grid, spec, vocab)
            if guess is None:
                continue
            if guess.complete and len(guess.columns) >= max(2, len(spec.required)):
                candidates.append(guess)
            elif name not in incomplete or guess.score > incomplete[name].score:
                incomplete[name] = guess
    candidates.sort(key=lambda g: -g.score)
    chosen: dict[str, HeaderGuess] = {}
    used_sheets: set[str] = set()
    for g in candidates:
        if g.table in chosen or g.sheet in used_sheets:
            continue
        chosen[g.table] = g
        used_sheets.add(g.sheet)
    return chosen, incomplete


def load_model_names(path: str | Path | None = None) -> ModelNames:
    """The alias table: shipped aliases plus, optionally, a user's file (whose entries win)."""
    makes: dict[str, str] = {}
    models: dict[str, dict[str, str]] = {}
    for p in [aliases_path(), *([Path(path)] if path else [])]:
        try:
            data = tomllib.loads(Path(p).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RuleSetError(
                f"Cannot read the alias file {Path(p).name}: {exc}",
                f"Impossible de lire le fichier d'alias {Path(p).name} : {exc}",
                reason="aliases_invalid",
            ) from exc
        makes.update({str(k): str(v) for k, v in data.get("makes", {}).items()})
        for make, table in data.get("models", {}).items():
            models.setdefault(str(make), {}).update({str(k): str(v) for k, v in table.items()})
    return ModelNames(makes, models)


_CANONICAL: Mapping[str, Callable[[object], object]] = {
    "fuel": canonical_fuel,
    "drive_side": canonical_drive_side,
    "transmission": canonical_transmission,
    "complexity": canonical_complexity,
    "condition": canonical_condition,
    "inspection": canonical_inspection,
}


def _skip_none(func: Callable[[object], object]) -> Callable[[object], object]:
    return lambda value: None if value is None else func(value)


def _languages(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, tuple):
        return None
    return tuple(dict.fromkeys(x for x in (canonical_language(i) for i in value) if x))


def canonicalise(table: Table, report: TableReport, names: ModelNames) -> tuple[Table, TableReport]:
    """Canonical fuel, drive side, etc., alias-resolved make/model and their matching keys."""
    frame = table.frame.copy()
    counts = dict(report.normalised)
    for column, func in _CANONICAL.items():
        if column in frame.columns:
            before = frame[column]
            after = map_unique(before, _skip_none(func))
            changed = int((before.notna() & (after.astype(str) != before.astype(str))).sum())
            if changed:
                counts[f"{column}:canonical"] = counts.get(f"{column}:canonical", 0) + changed
            frame[column] = after
    for column in ("manuals_language",):
        if column in frame.columns:
            frame[column] = map_unique(frame[column], _languages)
    if "make" in frame.columns and "model" in frame.columns:
        # A missing model is "", never the text "None" (a model may be called "None").
        pairs = _text_or_empty(frame["make"]) + "\x1f" + _text_or_empty(frame["model"])
        split = map_unique(pairs, lambda p: _resolve(names, str(p)))
        resolved = (
            pd.DataFrame(
                split.tolist(),
                columns=["make", "model", "make_key", "model_key"],
                index=frame.index,
            )
            if len(frame)
            else None
        )
        if resolved is not None:
            aliased = int(
                ((resolved["make"] != frame["make"]) | (resolved["model"] != frame["model"])).sum()
            )
            if aliased:
                counts["make_model:alias"] = counts.get("make_model:alias", 0) + aliased
            for col in resolved.columns:
                frame[col] = resolved[col]
        else:
            frame["make_key"] = pd.Series(dtype=object)
            frame["model_key"] = pd.Series(dtype=object)
    return Table(table.name, frame), replace(report, normalised=counts)


def _text_or_empty(series: pd.Series) -> pd.Series:
    return series.where(series.notna(), "").astype(str)


def _resolve(names: ModelNames, pair: str) -> tuple[str, str, str, str]:
    make, model = pair.split("\x1f", 1)
    canonical_make = names.make(make)
    return canonical_make, names.model(make, model), names.make_key(make), names.key(make, model)


def check_cancel(cancel: Cancel | None) -> None:
    if cancel and cancel():
        raise ImportCancelled
