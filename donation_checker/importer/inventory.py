"""Import the recipient's inventory workbook (or a single-table CSV of the fleet)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from ..assessment import Text
from ..errors import InputRejected
from ..gcpause import paused_gc
from ..model import (
    ImportReport,
    Inventory,
    Place,
    Profile,
    RowIssue,
    Table,
    TableReport,
    UnreadRegion,
)
from ..normalise import (
    ModelNames,
    canonical_fuel,
    canonical_language,
    canonical_traffic_side,
    fold,
)
from . import texts
from .accounting import unread_regions
from .common import (
    ColumnMapping,
    Detection,
    assign_tables,
    canonicalise,
    check_cancel,
    detect,
    file_warnings,
    load_model_names,
    open_grids,
    sha256_of,
)
from .convert import is_blank
from .grid import Cancel, Progress, SheetGrid, release
from .keyvalue import key_value_score, looks_like_key_value_sheet, read_key_values
from .questions import proposals_detail
from .sniff import FileKind
from .tables import Extracted, HeaderGuess, extract, forget_rows, proposals_of
from .vocabulary import Vocabulary, load_vocabulary

INVENTORY_TABLES = ("fleet", "maintenance", "spare_parts", "budget", "personnel", "pledges")


@paused_gc()
def import_inventory(
    path: str | Path,
    *,
    mapping: ColumnMapping | None = None,
    names: ModelNames | None = None,
    vocabulary: Vocabulary | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Inventory:
    """Read an inventory. Raises InputRejected when the file cannot be used at all (no fleet
    table, not a spreadsheet, hostile container); every other problem is in the report."""
    path = Path(path)
    vocab = vocabulary or load_vocabulary()
    names = names or load_model_names()
    if progress:
        progress(0.0, path.name)
    # Without a mapping, each sheet is searched (and its table read) while the next is parsed.
    early = _EarlyWork(vocab, names, path.name, cancel) if mapping is None else None
    found, grids = open_grids(
        path, _scaled(progress, 0.0, 0.6), cancel, early.on_grid if early else None
    )
    kind = found.kind
    check_cancel(cancel)

    profile_grid = _find_profile_sheet(grids, vocab) if kind is not FileKind.CSV else None
    table_grids = [g for g in grids if g is not profile_grid]
    assignment = assign_tables(
        table_grids,
        INVENTORY_TABLES,
        vocab,
        mapping,
        multi=("fleet",),
        detections=early.detections if early else None,
    )
    chosen = assignment.chosen
    if "fleet" not in chosen:
        raise _no_fleet(path, assignment.incomplete.get("fleet"), vocab)

    by_sheet = {g.name: g for g in grids}
    tables: dict[str, Table] = {}
    reports: list[TableReport] = []
    guesses: list[HeaderGuess] = []
    for i, name in enumerate(t for t in INVENTORY_TABLES if t in chosen):
        check_cancel(cancel)
        if progress:
            progress(0.6 + 0.35 * i / len(chosen), name)
        parts: list[Table] = []
        order = {g.name: i for i, g in enumerate(grids)}
        for guess in sorted(chosen[name], key=lambda g: (order[g.sheet], g.header_row)):
            ahead = early.take(guess) if early else None
            if ahead is not None and len(chosen[name]) == 1:
                table, report = ahead.whole
            else:
                extracted = ahead.extracted if ahead else None
                extracted = extracted or extract(
                    by_sheet[guess.sheet], guess, vocab.table(name), path.name
                )
                table, report = extracted.table, extracted.report
                if len(chosen[name]) > 1:
                    table, report = _part_as_location(table, report, guess, by_sheet[guess.sheet])
                if name in ("fleet", "pledges"):
                    table, report = canonicalise(table, report, names)
            parts.append(table)
            reports.append(report)
            guesses.append(guess)
        tables[name] = parts[0] if len(parts) == 1 else _concat(name, parts)
    if tables["fleet"].frame.empty:
        fleet_reports = [r for r in reports if r.table == "fleet"]
        fleet_report = fleet_reports[0]
        rejected = sum(r.rows_rejected for r in fleet_reports)
        skipped = sum(r.rows_skipped for r in fleet_reports)
        en, fr = texts.both(
            "import.error.no_usable_fleet",
            sheet=fleet_report.sheet,
            rejected=rejected,
            skipped=skipped,
        )
        hint_en, hint_fr = texts.first_problem(fleet_report)
        raise InputRejected(
            en,
            fr,
            hint=hint_en,
            hint_fr=hint_fr,
            place=Place(path.name, fleet_report.sheet),
            reason="no_usable_rows",
        )

    profile = Profile()
    if profile_grid is not None:
        kv = read_key_values(
            profile_grid,
            vocab.table("profile"),
            vocab,
            path.name,
            range(len(profile_grid.rows)),
            (mapping or {}).get("profile"),
        )
        profile = _profile(kv.values, kv.extra)
        reports.append(kv.report)

    used = {r.sheet for r in reports}
    unrecognised = tuple(g.name for g in grids if g.name not in used and g.rows)
    warnings = file_warnings(path, found, grids)
    missing = tuple(
        t
        for t in (*INVENTORY_TABLES, "profile")
        if t not in tables and not (t == "profile" and profile_grid is not None)
    )
    unread = unread_regions(grids, reports, guesses, assignment, path.name)
    import_report = _report(path, found.sha256, reports, missing, unrecognised, warnings, unread)
    release(grids)
    if progress:
        progress(1.0, path.name)
    return Inventory(
        fleet=tables["fleet"],
        profile=profile,
        report=import_report,
        maintenance=tables.get("maintenance"),
        spare_parts=tables.get("spare_parts"),
        budget=tables.get("budget"),
        personnel=tables.get("personnel"),
        pledges=tables.get("pledges"),
    )


# Sheets shorter than this are only searched ahead, not read: their table costs little later.
EARLY_EXTRACT_ROWS = 1000


@dataclass
class _ReadAhead:
    guess: HeaderGuess
    extracted: Extracted
    whole: tuple[Table, TableReport]  # the table as import_inventory keeps a one-part table


class _EarlyWork:
    """What can be done with a sheet before the next one is read: the search for every table's
    header (assign_tables then takes it), and reading the table that sheet holds best, which
    the assignment most often chooses (extract is then not run again for it)."""

    def __init__(
        self, vocab: Vocabulary, names: ModelNames, file_name: str, cancel: Cancel | None
    ) -> None:
        self.vocab, self.names, self.file_name, self.cancel = vocab, names, file_name, cancel
        self.detections: dict[str, Detection] = {}
        self._read: list[_ReadAhead] = []

    def on_grid(self, grid: SheetGrid, more: bool) -> None:
        if not more:
            return  # nothing is being read meanwhile: the usual order costs the same
        check_cancel(self.cancel)
        try:
            found = detect(grid, INVENTORY_TABLES, self.vocab)
        finally:
            forget_rows()
        self.detections[grid.name] = found
        if len(grid.rows) < EARLY_EXTRACT_ROWS:
            return
        tables = [
            g
            for g in found.headers.values()
            if g is not None
            and g.complete
            and len(g.columns) >= max(2, len(self.vocab.table(g.table).required))
        ]
        if tables:
            best = max(tables, key=lambda g: g.score)
            extracted = extract(grid, best, self.vocab.table(best.table), self.file_name)
            whole = extracted.table, extracted.report
            if best.table in ("fleet", "pledges"):
                whole = canonicalise(*whole, self.names)
            self._read.append(_ReadAhead(best, extracted, whole))

    def take(self, guess: HeaderGuess) -> _ReadAhead | None:
        """The table read ahead with exactly this header (same rows, same columns), if any."""
        for i, ahead in enumerate(self._read):
            if ahead.guess == guess:
                del self._read[i]
                return ahead
        return None


def _report(
    path: Path,
    sha256: str,
    reports: list[TableReport],
    missing: tuple[str, ...],
    unrecognised: tuple[str, ...],
    warnings: tuple[RowIssue, ...],
    unread: tuple[UnreadRegion, ...] = (),
) -> ImportReport:
    return ImportReport(
        file=path.name,
        sha256=sha256 or sha256_of(path),
        kind="inventory",
        tables=tuple(reports),
        missing_tables=missing,
        unrecognised_sheets=unrecognised,
        warnings=warnings,
        unread=unread,
    )


def _part_as_location(
    table: Table, report: TableReport, guess: HeaderGuess, grid: SheetGrid
) -> tuple[Table, TableReport]:
    """A fleet kept per region or unit, one sheet or one block of rows each: without a location
    column, the block's one-cell title ("Region South") or else the sheet's name is the
    location of its rows."""
    if any(f == "location" for f, _ in guess.columns.values()) or table.frame.empty:
        return table, report
    above = grid.rows[guess.first_row - 1] if guess.first_row > 0 else []
    cells = [str(v).strip() for v in above if not is_blank(v)]
    title = cells[0] if len(cells) == 1 and not cells[0].replace(".", "").isdigit() else ""
    frame = table.frame.copy()
    frame["location"] = title or guess.sheet
    kind = "location:block_title" if title else "location:sheet_name"
    counts = dict(report.normalised)
    counts[kind] = counts.get(kind, 0) + len(frame)
    return Table(table.name, frame), replace(report, normalised=counts)


def _concat(name: str, parts: list[Table]) -> Table:
    return Table(name, pd.concat([p.frame for p in parts], ignore_index=True))


def _scaled(progress: Progress | None, start: float, span: float) -> Progress | None:
    if progress is None:
        return None
    return lambda fraction, label: progress(start + span * fraction, label)


def _find_profile_sheet(grids: list[SheetGrid], vocab: Vocabulary) -> SheetGrid | None:
    spec = vocab.table("profile")
    best: tuple[int, SheetGrid] | None = None
    for g in grids:
        if not looks_like_key_value_sheet(g):
            continue
        score = key_value_score(g, spec, vocab, range(min(60, len(g.rows))))
        if fold(g.name) in spec.sheet_names:
            score += 2
        if score >= 3 and (best is None or score > best[0]):
            best = (score, g)
    return best[1] if best else None


def _profile(values: dict[str, object], extra: dict[str, str]) -> Profile:
    def text(key: str) -> str | None:
        v = values.get(key)
        return None if v is None else str(v)

    def number(key: str) -> float | None:
        v = values.get(key)
        return float(v) if isinstance(v, int | float) else None

    def flag(key: str) -> bool | None:
        v = values.get(key)
        return v if isinstance(v, bool) else None

    fuels = values.get("national_fuels")
    lang = text("working_language")
    traffic = text("traffic_side")
    return Profile(
        recipient=text("recipient"),
        country=text("country"),
        traffic_side=canonical_traffic_side(traffic) if traffic else None,
        national_fuels=tuple(dict.fromkeys(f for f in (canonical_fuel(x) for x in fuels) if f))
        if isinstance(fuels, tuple)
        else None,
        working_language=canonical_language(lang) if lang else None,
        currency=text("currency"),
        fuel_price=number("fuel_price"),
        max_temperature=number("max_temperature"),
        grid_voltage=number("grid_voltage"),
        asset_register=flag("asset_register"),
        parts_register=flag("parts_register"),
        region=text("region"),
        extra=dict(extra),
    )


def _no_fleet(path: Path, guess: HeaderGuess | None, vocab: Vocabulary) -> InputRejected:
    spec = vocab.table("fleet")
    if guess is not None and len(guess.columns) + len(guess.proposals) >= 2:
        recognised = sorted({f for f, _ in guess.columns.values()})
        return texts.rejected(
            "missing_columns",
            reason="missing_columns",
            place=Place(path.name, guess.sheet, guess.header_row + 1),
            hint="add_column",
            option="--map",
            row=str(guess.header_row + 1),
            missing=texts.fields_text(guess.missing_required),
            recognised=texts.fields_text(recognised),
            asked=Text(*proposals_detail(proposals_of(guess, path.name))),
        )
    return texts.rejected(
        "no_fleet_table",
        reason="no_fleet_table",
        place=Place(path.name),
        hint="inventory_file",
        option="--map",
        columns=texts.fields_text(spec.required),
    )
