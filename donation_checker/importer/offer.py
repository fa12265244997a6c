"""Import a donation offer: a header of key/value rows and a table of item lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputRejected
from ..gcpause import paused_gc
from ..model import ImportReport, Offer, OfferHeader, OfferLine, Place, RowIssue, TableReport
from ..normalise import ModelNames, fold
from ..render import renderer
from .accounting import unread_regions
from .common import (
    ColumnMapping,
    assign_tables,
    canonicalise,
    check_cancel,
    file_warnings,
    load_model_names,
    open_grids,
    sha256_of,
)
from .grid import Cancel, Progress, release
from .keyvalue import KeyValues, key_value_score, looks_like_key_value_sheet, read_key_values
from .questions import proposals_detail
from .sniff import FileKind
from .tables import extract, proposals_of
from .vocabulary import Vocabulary, load_vocabulary

_INT_FIELDS = {"quantity", "year", "mechanics_trained", "drivers_trained", "support_end_year"}


@paused_gc()
def import_offer(
    path: str | Path,
    *,
    mapping: ColumnMapping | None = None,
    names: ModelNames | None = None,
    vocabulary: Vocabulary | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Offer:
    path = Path(path)
    vocab = vocabulary or load_vocabulary()
    names = names or load_model_names()
    found, grids = open_grids(path, progress, cancel)
    kind = found.kind
    check_cancel(cancel)
    assignment = assign_tables(grids, ("offer_lines",), vocab, mapping)
    found_lines = assignment.first("offer_lines")
    if found_lines is None:
        guess = assignment.incomplete.get("offer_lines")
        detail_en = detail_fr = ""
        where = Place(path.name)
        if guess is not None and len(guess.columns) + len(guess.proposals) >= 2:
            asked_en, asked_fr = proposals_detail(proposals_of(guess, path.name))
            detail_en = (
                f" The best candidate (sheet '{guess.sheet}', row {guess.header_row + 1}) lacks: "
                f"{renderer('en').fields(guess.missing_required)}.{asked_en}"
            )
            detail_fr = (
                f" Le meilleur candidat (feuille « {guess.sheet} », ligne "
                f"{guess.header_row + 1}) n’a pas\u00a0: "
                f"{renderer('fr').fields(guess.missing_required)}.{asked_fr}"
            )
            where = Place(path.name, guess.sheet, guess.header_row + 1)
        required = vocab.table("offer_lines").required
        raise InputRejected(
            f"No table of offer lines was found (columns {renderer('en').fields(required)})."
            + detail_en,
            "Aucun tableau de lignes d’offre n’a été trouvé (colonnes "
            f"{renderer('fr').fields(required)})." + detail_fr,
            hint="Check that this is the offer file, or map the columns by hand.",
            hint_fr="Vérifiez qu’il s’agit bien du fichier de l’offre, ou associez les colonnes à "
            "la main.",
            place=where,
            reason="no_offer_lines",
            option="--map",
        )
    guess = found_lines
    by_sheet = {g.name: g for g in grids}
    lines_grid = by_sheet[guess.sheet]
    extracted = extract(lines_grid, guess, vocab.table("offer_lines"), path.name)
    table, lines_report = canonicalise(extracted.table, extracted.report, names)
    reports: list[TableReport] = [lines_report]

    header_spec = vocab.table("offer_header")
    header_values: dict[str, object] = {}
    header_map = (mapping or {}).get("offer_header")
    blocks: list[KeyValues] = []
    if guess.header_row > 0:
        blocks.append(
            read_key_values(
                lines_grid, header_spec, vocab, path.name, range(0, guess.first_row), header_map
            )
        )
    if kind is not FileKind.CSV:
        for g in grids:
            if g is lines_grid or not looks_like_key_value_sheet(g):
                continue
            score = key_value_score(g, header_spec, vocab, range(min(60, len(g.rows))))
            if score >= 2 or fold(g.name) in header_spec.sheet_names or header_map:
                blocks.append(
                    read_key_values(
                        g, header_spec, vocab, path.name, range(len(g.rows)), header_map
                    )
                )
    for kv in blocks:
        for k, v in kv.values.items():
            header_values.setdefault(k, v)
        contradiction = contradictory_request(kv, path.name, lines_grid.name)
        if contradiction is not None:
            header_values["requested"] = None  # which cell is right is for the officer to say
            kv = replace(
                kv, report=replace(kv.report, warnings=(*kv.report.warnings, contradiction))
            )
        if kv.report.rows_read:
            reports.append(kv.report)

    lines = tuple(_line(rec) for rec in table.records())
    if not lines:
        raise InputRejected(
            f"The offer has no usable line ({lines_report.rows_rejected} rejected).",
            f"L'offre n'a aucune ligne utilisable ({lines_report.rows_rejected} rejetées).",
            hint=(
                f"First problem: {lines_report.rejected[0].place.describe()}: "
                f"{lines_report.rejected[0].message}"
            )
            if lines_report.rejected
            else "",
            place=Place(path.name, lines_report.sheet),
            reason="no_usable_rows",
        )
    report = ImportReport(
        file=path.name,
        sha256=found.sha256 or sha256_of(path),
        kind="offer",
        tables=tuple(reports),
        unrecognised_sheets=tuple(
            g.name for g in grids if g.rows and g.name not in {r.sheet for r in reports}
        ),
        warnings=file_warnings(path, found, grids),
        unread=unread_regions(grids, reports, [guess], assignment, path.name, titles=False),
    )
    release(grids)
    return Offer(header=_header(header_values), lines=lines, report=report)


def contradictory_request(kv: KeyValues, file_name: str, sheet: str) -> RowIssue | None:
    """ "Requested: no" beside a request reference: one of the two cells is wrong, and the
    officer should say which (the request is then judged as not known)."""
    requested = kv.values.get("requested")
    reference = kv.values.get("request_reference")
    if requested is not False or reference is None or not str(reference).strip():
        return None
    row = kv.rows.get("requested")
    return RowIssue(
        Place(file_name, kv.report.sheet or sheet, row),
        "contradictory_request",
        f"The offer says it was not requested, yet gives a request reference ({reference}). "
        "Correct one of the two cells.",
        f"L'offre se dit non demandée mais donne une référence de demande ({reference}). "
        "Corrigez l'une des deux cellules.",
        value=str(reference),
    )


def _header(values: dict[str, object]) -> OfferHeader:
    def text(key: str) -> str | None:
        v = values.get(key)
        return None if v is None else str(v)

    date = values.get("date")
    requested = values.get("requested")
    monitoring = values.get("end_use_monitoring")
    return OfferHeader(
        donor=text("donor"),
        reference=text("reference"),
        date=date if isinstance(date, dt.date) else None,
        recipient=text("recipient"),
        requested=requested if isinstance(requested, bool) else None,
        request_reference=text("request_reference"),
        transport_paid_by=text("transport_paid_by"),
        customs_paid_by=text("customs_paid_by"),
        currency=text("currency"),
        end_use_monitoring=monitoring if isinstance(monitoring, bool) else None,
        notes=text("notes"),
    )


def _line(rec: dict[str, Any]) -> OfferLine:
    kwargs: dict[str, Any] = {}
    for name in OfferLine.__dataclass_fields__:
        if name == "row":
            continue
        value = rec.get(name)
        if value is None:
            continue
        if name in _INT_FIELDS:
            value = int(value)
        elif (
            isinstance(value, int)
            and not isinstance(value, bool)
            and name not in ("category", "make", "model")
        ):
            value = float(value)
        kwargs[name] = value
    kwargs.setdefault("category", "")
    kwargs.setdefault("make", "")
    kwargs.setdefault("model", "")
    row = rec.get("_row")
    return OfferLine(row=int(row) if row is not None else None, **kwargs)
