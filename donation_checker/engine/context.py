"""Everything the rules read, computed once per assessment: offer lines with canonical keys and
the inventory pre-aggregated by category, make and model.

The fleet may hold 100,000 rows: it is aggregated with vectorised pandas group-bys on canonical
keys (computed on unique values only and mapped back), and the rules then look groups up in
dictionaries. No code here loops over inventory rows in Python.

What the rules share is explicit: read-only fleet facts (FleetIndex, the support-table views),
the capacity ledger (Capacity), and typed caches of per-key results (cache.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np
import pandas as pd

from ..assessment import RowRef, Text
from ..columns import map_unique
from ..model import ROW_COLUMN, SHEET_COLUMN, Inventory, Offer, OfferLine, Table
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
    fold,
    parse_bool,
    split_list,
)
from .cache import LineCache, Memo, SupportCache
from .capacity import Capacity, Free, driver_categories, free_of
from .pledges import PledgeView

if TYPE_CHECKING:
    from ..ruleset import RuleSet

V = TypeVar("V")

COMPLEXITY_ORDER = {"mechanical": 0, "electronic": 1, "digital": 2}


@dataclass(frozen=True)
class LineInfo:
    """One offer line with the canonical keys the rules join on."""

    index: int
    line: OfferLine
    cat: str
    cat_title: Text
    ref: Mapping[str, Any]  # the category's reference data from the rule set
    make_key: str
    model_key: str
    make: str
    model: str
    label: str
    qty: int
    fuel: str | None
    drive_side: str | None
    transmission: str | None
    complexity: str | None
    condition: str | None
    inspection: str | None
    languages: tuple[str, ...] | None


@dataclass(frozen=True)
class ModelStats:
    cat: str
    make_key: str
    model_key: str
    make: str
    model: str
    units: int
    serviceable: int
    fuels: Mapping[str, int]
    drive_sides: Mapping[str, int]
    transmissions: Mapping[str, int]
    voltages: Mapping[float, int]


@dataclass(frozen=True)
class CategoryStats:
    cat: str
    units: int
    serviceable: int
    authorised: int | None
    models: tuple[str, ...]  # model keys, largest first
    fuels: Mapping[str, int]
    drive_sides: Mapping[str, int]
    transmissions: Mapping[str, int]
    voltages: Mapping[float, int]


def exact(value: Any) -> Hashable:
    """A key equal for two values only when they read and print alike: 1, 1.0 and True are
    equal in Python but shown differently, so each keeps its type."""
    kind_of = type(value)
    if value is None or kind_of is str or kind_of is int:
        return cast(Hashable, value)
    if kind_of is float:
        return (float, value.hex())  # -0.0 and 0.0 print differently too
    if kind_of is tuple:
        return (tuple, *(exact(v) for v in value))
    return (kind_of, repr(value))


def _items(value: Any) -> tuple[str, ...]:
    """A list cell as the importer may store it: tuple, list, or delimited text."""
    if value is None:
        return ()
    if isinstance(value, list | tuple | set | np.ndarray):
        return tuple(str(v).strip() for v in value if v is not None and str(v).strip())
    if isinstance(value, float) and np.isnan(value):
        return ()
    return split_list(value)


def _languages(given: tuple[str, ...] | None) -> tuple[str, ...] | None:
    if given is None:
        return None
    return tuple(c for c in (canonical_language(v) for v in given) if c)


def _num(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce")


def _sorted_codes(keys: Sequence[Any]) -> tuple[list[Any], np.ndarray]:
    """The distinct keys in sorted order, and each key's position in that order."""
    names = sorted(set(keys))
    rank = {k: i for i, k in enumerate(names)}
    return names, np.array([rank[k] for k in keys], dtype=np.int64)


def _per_row(codes: np.ndarray, per_unique: np.ndarray, missing: int = -1) -> np.ndarray:
    """Row codes of distinct values (-1: missing) turned into the codes of what they map to."""
    out = np.full(len(codes), missing, dtype=np.int64)
    valid = codes >= 0
    out[valid] = per_unique[codes[valid]]
    return out


def _model_codes(
    make_col: pd.Series,
    model_col: pd.Series,
    names: ModelNames,
    make_factorised: tuple[np.ndarray, Any],
) -> tuple[list[str], np.ndarray]:
    """Sorted model keys and each row's position among them, keyed on the make and model as
    text (names.key on each distinct pair only). make_factorised: pd.factorize(make_col)."""
    make_text, model_text = make_col.astype(str), model_col.astype(str)
    # Text columns come through astype(str) unchanged: their codes are already known.
    unchanged = make_text.dtype == make_col.dtype and make_text.dtype != object
    make_codes, make_uniques = make_factorised if unchanged else pd.factorize(make_text)
    model_codes, model_uniques = pd.factorize(model_text)
    if (make_codes < 0).any() or (model_codes < 0).any():
        # Text columns keep missing values through astype(str): pair them as text, as before.
        pair = make_text.str.cat(model_text, sep="\x1f")
        pair_codes, pair_uniques = pd.factorize(pair)
        keys = [names.key(*p.split("\x1f", 1)) for p in pair_uniques]
        model_names, of = _sorted_codes(keys)
        return model_names, of[pair_codes]
    width = max(len(model_uniques), 1)
    combo_codes, combos = pd.factorize(make_codes.astype(np.int64) * width + model_codes)
    keys = [
        names.key(*f"{make_uniques[c // width]}\x1f{model_uniques[c % width]}".split("\x1f", 1))
        for c in combos.tolist()
    ]
    model_names, of = _sorted_codes(keys)
    return model_names, of[combo_codes]


def _first_rows(codes: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the first `limit` rows of each code (negative codes left out), in row order."""
    if not len(codes):
        return codes
    # A stable sort of 16-bit integers is a radix sort, several times faster on 100,000 rows.
    small = codes.max() < np.iinfo(np.int16).max
    order = np.argsort(codes.astype(np.int16) if small else codes, kind="stable")
    ordered = codes[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    rank = np.arange(len(codes)) - np.repeat(starts, np.diff(np.r_[starts, len(codes)]))
    return np.sort(order[(rank < limit) & (ordered >= 0)])


class FleetIndex:
    """The fleet aggregated per model, per category and per make, with row references.

    Category, make key and model key are turned into integer codes once (Python work on
    distinct values only); the group-bys then run on integers, whose order is the order of the
    strings, so every dictionary below comes out as a group-by on the strings would give it.
    """

    def __init__(self, table: Table, ruleset: RuleSet, names: ModelNames, max_rows: int) -> None:
        frame = table.frame
        self.table_name = table.name
        self.max_rows = max_rows
        vocab = ruleset.categories
        n = len(frame)
        none = pd.Series([None] * n, index=frame.index, dtype=object)
        if "category" in frame:
            raw, uniques = pd.factorize(frame["category"])
            cat_names, cat_of = _sorted_codes([vocab.canonical(u) for u in uniques])
            cat_code = _per_row(raw, cat_of)  # -1: no category, left out of every group
        else:
            cat_names, cat_code = ["other:"], np.zeros(n, dtype=np.int64)
        make_col = frame.get("make", none)
        model_col = frame.get("model", none)
        raw, uniques = make_factorised = pd.factorize(make_col)
        make_names, make_of = _sorted_codes([*(names.make_key(u) for u in uniques), ""])
        make_code = _per_row(raw, make_of[:-1], missing=int(make_of[-1]))  # missing make: ""
        model_names, model_code = _model_codes(make_col, model_col, names, make_factorised)
        qty = (
            _num(frame["quantity"]).fillna(0).clip(lower=0)
            if "quantity" in frame
            else pd.Series(np.ones(n), index=frame.index)
        )
        if table.has("quantity_serviceable"):
            # Rows that do not state a serviceable count are taken at their held quantity.
            serv = np.minimum(_num(frame["quantity_serviceable"]).fillna(qty).clip(lower=0), qty)
        else:
            serv = qty
        n_models = max(len(model_names), 1)
        cat_model = cat_code * n_models + model_code
        valid = cat_code >= 0
        work = pd.DataFrame(
            {
                "cat": cat_code,
                "make": make_code,
                "cat_model": cat_model,
                "qty": qty.to_numpy(),
                "serv": np.asarray(serv),
            }
        )
        has_auth = table.has("quantity_authorised")
        if has_auth:
            work["auth"] = _num(frame["quantity_authorised"]).to_numpy()
        in_cat = work if valid.all() else work[valid]

        # Display names: the first spelling seen for each model key.
        first = _first_rows(model_code, 1)
        first_makes = make_col.take(first).tolist()
        first_models = model_col.take(first).tolist()
        self._names = {
            model_names[model_code[i]]: (names.make(mk), names.model(mk, md))
            for i, mk, md in zip(first.tolist(), first_makes, first_models, strict=True)
        }

        per_model = in_cat.groupby("cat_model", sort=True).agg(
            make=("make", "first"), units=("qty", "sum"), serviceable=("serv", "sum")
        )
        per_cat = in_cat.groupby("cat", sort=True).agg(
            units=("qty", "sum"),
            serviceable=("serv", "sum"),
            **({"authorised": ("auth", lambda s: s.sum(min_count=1))} if has_auth else {}),
        )
        # Attribute counters on unit weights, per model and per category.
        attrs: dict[str, tuple[dict[Any, dict[Any, int]], dict[Any, dict[Any, int]]]] = {}
        self.complexity_max: str | None = None
        for attr, fn in (
            ("fuel", canonical_fuel),
            ("drive_side", canonical_drive_side),
            ("transmission", canonical_transmission),
            ("complexity", canonical_complexity),
            ("voltage", None),
        ):
            if attr not in frame:  # an empty column gives empty counters, as no column does
                continue
            if fn is None:
                raw, values = pd.factorize(_num(frame[attr]), sort=True)
                attr_code = raw
            else:
                raw, uniques = pd.factorize(frame[attr])
                mapped = [fn(u) for u in uniques]
                values_list, of = _sorted_codes([m for m in mapped if m is not None])
                rank = iter(of.tolist())
                per_unique = np.array([-1 if m is None else next(rank) for m in mapped], np.int64)
                attr_code = _per_row(raw, per_unique)
                values = pd.Index(values_list, dtype=object)
            if attr == "complexity":
                ranks = [COMPLEXITY_ORDER[v] for v in values if v in COMPLEXITY_ORDER]
                if ranks and (attr_code >= 0).any():
                    top = max(ranks)
                    self.complexity_max = next(k for k, v in COMPLEXITY_ORDER.items() if v == top)
                continue
            # Units per (category, model, value), then per (category, value) summed over the
            # models in their sorted order.
            keep = valid & (attr_code >= 0)
            width = max(len(values), 1)
            qty_kept = pd.Series(work["qty"].to_numpy()[keep])
            per_value = qty_kept.groupby(cat_model[keep] * width + attr_code[keep], sort=True).sum()
            pair, value = np.divmod(per_value.index.to_numpy(), width)
            per_cat_value = (
                pd.Series(per_value.to_numpy())
                .groupby(pair // n_models * width + value, sort=True)
                .sum()
            )
            shown = values.tolist()
            by_model: dict[Any, dict[Any, int]] = {}
            for p, v, units in zip(pair.tolist(), value.tolist(), per_value.tolist(), strict=True):
                model_key = (cat_names[p // n_models], model_names[p % n_models])
                by_model.setdefault(model_key, {})[shown[v]] = int(units)
            by_cat: dict[Any, dict[Any, int]] = {}
            for k, units in zip(per_cat_value.index.tolist(), per_cat_value.tolist(), strict=True):
                by_cat.setdefault(cat_names[k // width], {})[shown[k % width]] = int(units)
            attrs[attr] = (by_model, by_cat)

        def counts(attr: str, level: int, key: Any) -> Mapping[Any, int]:
            return attrs.get(attr, ({}, {}))[level].get(key, {})

        self.models: dict[tuple[str, str], ModelStats] = {}
        cat_models: dict[str, list[tuple[int, str]]] = {}
        for code, make_k, units, serviceable in zip(
            per_model.index.tolist(),
            per_model["make"].tolist(),
            per_model["units"].tolist(),
            per_model["serviceable"].tolist(),
            strict=True,
        ):
            c, mk = cat_names[code // n_models], model_names[code % n_models]
            make, model = self._names.get(mk, ("", ""))
            stats = ModelStats(
                c,
                make_names[make_k],
                mk,
                make,
                model,
                int(units),
                int(serviceable),
                counts("fuel", 0, (c, mk)),
                counts("drive_side", 0, (c, mk)),
                counts("transmission", 0, (c, mk)),
                counts("voltage", 0, (c, mk)),
            )
            self.models[(c, mk)] = stats
            cat_models.setdefault(c, []).append((-stats.units, mk))
        self.categories: dict[str, CategoryStats] = {}
        auths = per_cat["authorised"].tolist() if has_auth else [None] * len(per_cat)
        for code, units, serviceable, auth in zip(
            per_cat.index.tolist(),
            per_cat["units"].tolist(),
            per_cat["serviceable"].tolist(),
            auths,
            strict=True,
        ):
            c = cat_names[code]
            self.categories[c] = CategoryStats(
                c,
                int(units),
                int(serviceable),
                None if auth is None or pd.isna(auth) else int(auth),
                tuple(mk for _, mk in sorted(cat_models.get(c, []))),
                counts("fuel", 1, c),
                counts("drive_side", 1, c),
                counts("transmission", 1, c),
                counts("voltage", 1, c),
            )
        make_units = work.groupby("make", sort=True)["qty"].sum()
        self.make_units: dict[str, int] = {
            make_names[k]: int(v)
            for k, v in zip(make_units.index.tolist(), make_units.tolist(), strict=True)
        }
        n_makes = max(len(make_names), 1)
        cat_make = (
            pd.Series(in_cat["qty"].to_numpy())
            .groupby(in_cat["cat"].to_numpy() * n_makes + in_cat["make"].to_numpy(), sort=True)
            .sum()
        )
        self.cat_make_units: dict[tuple[str, str], int] = {
            (cat_names[k // n_makes], make_names[k % n_makes]): int(v)
            for k, v in zip(cat_make.index.tolist(), cat_make.tolist(), strict=True)
        }
        self.fuels: Counter[str] = Counter()
        self.drive_sides: Counter[str] = Counter()
        for cat_stats in self.categories.values():
            self.fuels.update(cat_stats.fuels)
            self.drive_sides.update(cat_stats.drive_sides)
        self.total_units = int(qty.sum())

        # Row references: the first max_rows rows of each model, make and category.
        self._refs: dict[str, dict[Any, list[tuple[str, int]]]] = {}
        for level, codes_of_row, key_of in (
            (
                "model",
                np.where(valid, cat_model, -1),
                lambda k: (cat_names[k // n_models], model_names[k % n_models]),
            ),
            ("make", make_code, make_names.__getitem__),
            ("category", cat_code, cat_names.__getitem__),
        ):
            picked = _first_rows(codes_of_row, max_rows)
            rows = (
                _num(frame[ROW_COLUMN].iloc[picked]).fillna(0).astype(int).tolist()
                if ROW_COLUMN in frame
                else (picked + 2).tolist()
            )
            sheets = (
                frame[SHEET_COLUMN].iloc[picked].fillna("").astype(str).tolist()
                if SHEET_COLUMN in frame
                else [""] * len(picked)
            )
            grouped: dict[Any, list[tuple[str, int]]] = {}
            for code, sheet, row in zip(codes_of_row[picked].tolist(), sheets, rows, strict=True):
                grouped.setdefault(key_of(code), []).append((sheet, row))
            self._refs[level] = grouped
        self._cache: dict[tuple[str, Any], tuple[RowRef, ...]] = {}

    def rows(self, level: str, key: Any) -> tuple[RowRef, ...]:
        """The fleet rows behind a model ((cat, model_key)), make (make_key) or category (cat)."""
        cache_key = (level, key)
        if cache_key not in self._cache:
            self._cache[cache_key] = tuple(
                RowRef(self.table_name, s, r) for s, r in self._refs[level].get(key, [])
            )
        return self._cache[cache_key]

    def name(self, model_key: str) -> str:
        make, model = self._names.get(model_key, ("", ""))
        return f"{make} {model}".strip()


def _rows_of(table: Table, mask: pd.Series | None, max_rows: int) -> tuple[RowRef, ...]:
    # Only the first max_rows rows are read: a mask of 100,000 rows is not copied out whole.
    if mask is None:
        frame = table.frame.head(max_rows)
    else:
        frame = table.frame.iloc[np.flatnonzero(mask.to_numpy())[:max_rows]]
    if ROW_COLUMN not in frame:
        return ()
    sheets = (
        frame[SHEET_COLUMN].fillna("").astype(str) if SHEET_COLUMN in frame else [""] * len(frame)
    )
    return tuple(
        RowRef(table.name, s, int(r))
        for s, r in zip(sheets, _num(frame[ROW_COLUMN]).fillna(0), strict=True)
    )


@dataclass(frozen=True)
class Workshops:
    rows_present: bool
    mechanics_total: int | None
    by_make: Mapping[
        str, int
    ]  # make key -> mechanics qualified (sum over workshops listing the make)
    qualified_known: bool
    hours_free: float | None  # available − committed over the rows that state both
    hours_unstated: int  # rows with available hours but no committed figure (none free)
    tool_makes: frozenset[str] | None
    locations: tuple[str, ...]
    table: Table


@dataclass(frozen=True)
class BudgetView:
    """Uncommitted budget per line type ("fuel", "maintenance", "parts") and year (None: any year)."""

    headroom: Mapping[tuple[str, int | None], float]
    years: tuple[int, ...]
    currency: str | None
    table: Table
    unstated: Mapping[str, int]  # per line type: rows with no committed figure (none free)

    def for_year(self, kind: str, year: int | None) -> float | None:
        if year is not None and (kind, year) in self.headroom:
            return self.headroom[(kind, year)]
        if (kind, None) in self.headroom:
            return self.headroom[(kind, None)]
        earlier = [
            y for y in self.years if (kind, y) in self.headroom and (year is None or y <= year)
        ]
        if earlier:  # the latest known year, assumed renewed
            return self.headroom[(kind, max(earlier))]
        return None


class Context:
    """Inputs of one assessment, with lazily computed aggregates."""

    def __init__(
        self,
        inventory: Inventory,
        offer: Offer,
        ruleset: RuleSet,
        names: ModelNames,
        horizon_years: int | None,
        as_of: dt.date | None,
    ) -> None:
        self.inventory = inventory
        self.offer = offer
        self.ruleset = ruleset
        self.names = names
        self.profile = inventory.profile
        self.max_rows = int(ruleset.param("max_evidence_rows", 20))
        self.horizon = int(
            horizon_years if horizon_years is not None else ruleset.param("horizon_years", 3)
        )
        self.ref_date = offer.header.date or as_of
        # Per-key results shared by all lines with the same key.
        self.line_cache = LineCache()
        self.support_cache = SupportCache()
        self.lines = tuple(self._line_info(i, line) for i, line in enumerate(offer.lines))

    @property
    def ref_year(self) -> int | None:
        return self.ref_date.year if self.ref_date else None

    def _line_info(self, index: int, line: OfferLine) -> LineInfo:
        # Offers repeat the same category, model and wording on many lines: each distinct
        # value is canonicalised once.
        seen = self.line_cache

        def once(memo: Memo[Hashable, V], raw: Any, compute: Callable[[Any], V]) -> V:
            return memo.get(exact(raw), lambda: compute(raw))

        cat, cat_title, ref = once(seen.category, line.category, self._category_of)
        make, model, make_key, model_key = once(
            seen.names, (line.make, line.model), lambda pair: self._names_of(*pair)
        )
        langs = once(seen.languages, line.manuals_language, _languages)
        return LineInfo(
            index=index,
            line=line,
            cat=cat,
            cat_title=cat_title,
            ref=ref,
            make_key=make_key,
            model_key=model_key,
            make=make,
            model=model,
            label=f"{make} {model} × {line.quantity}".strip(),
            qty=max(int(line.quantity or 0), 0),
            fuel=once(seen.fuel, line.fuel, canonical_fuel),
            drive_side=once(seen.drive_side, line.drive_side, canonical_drive_side),
            transmission=once(seen.transmission, line.transmission, canonical_transmission),
            complexity=once(seen.complexity, line.complexity, canonical_complexity),
            condition=once(seen.condition, line.condition, canonical_condition),
            inspection=once(seen.inspection, line.inspection, canonical_inspection),
            languages=langs,
        )

    def _category_of(self, raw: Any) -> tuple[str, Text, Mapping[str, Any]]:
        vocab = self.ruleset.categories
        cat = vocab.canonical(raw)
        return cat, vocab.title(cat), vocab.reference(cat)

    def _names_of(self, make: Any, model: Any) -> tuple[str, str, str, str]:
        """Display make and model, make key and model key."""
        names = self.names
        return (
            names.make(make),
            names.model(make, model),
            names.make_key(make),
            names.key(make, model),
        )

    @cached_property
    def _known_makes(self) -> tuple[str, ...]:
        """Make keys of the fleet and the offer, longest first."""
        keys = {k for k in self.fleet.make_units if k} | {
            i.make_key for i in self.lines if i.make_key
        }
        return tuple(sorted(keys, key=lambda k: (-len(k), k)))

    def make_in(self, text: Any) -> str:
        """The make a workshop cell names: "Toyota (valise de diagnostic GTS)" or "Toyota —
        outillage" is Toyota when Toyota is a make of the fleet or the offer; otherwise the
        cell's own make key."""
        key = self.names.make_key(text)
        if key in self._known_makes:
            return key
        whole = compact(text)
        found = next((k for k in self._known_makes if whole.startswith(k)), None)
        if found is not None:
            return found
        # A short form of one make only: "Mercedes" for Mercedes-Benz.
        longer = [k for k in self._known_makes if len(whole) >= 4 and k.startswith(whole)]
        return longer[0] if len(longer) == 1 else key

    @cached_property
    def fleet(self) -> FleetIndex:
        return FleetIndex(self.inventory.fleet, self.ruleset, self.names, self.max_rows)

    # --- offer-wide totals the rules share ------------------------------------------------------

    @cached_property
    def offered_by_make(self) -> Mapping[str, int]:
        out: Counter[str] = Counter()
        for info in self.lines:
            out[info.make_key] += info.qty
        return out

    @cached_property
    def offered_by_model(self) -> Mapping[tuple[str, str], int]:
        out: Counter[tuple[str, str]] = Counter()
        for info in self.lines:
            out[(info.cat, info.model_key)] += info.qty
        return out

    @cached_property
    def sustained_by_model(self) -> Mapping[tuple[str, str], int]:
        """Units per model the capacity ledger lets the recipient take (its joint allocation,
        where a capacity not known binds nothing); the offered units where no use is known."""
        granted = self.capacity.joint.granted
        out: Counter[tuple[str, str]] = Counter()
        for info in self.lines:
            g = granted[info.index]
            out[(info.cat, info.model_key)] += info.qty if g is None else min(g, info.qty)
        return out

    @cached_property
    def trained_by_make(self) -> Mapping[str, int | None]:
        """Mechanics the donor trains per make; None when no line of the make states it."""
        out: dict[str, int | None] = {}
        for info in self.lines:
            stated = info.line.mechanics_trained
            if stated is not None:
                out[info.make_key] = (out.get(info.make_key) or 0) + stated
            else:
                out.setdefault(info.make_key, None)
        return out

    @cached_property
    def offered_by_cat(self) -> Mapping[str, int]:
        out: Counter[str] = Counter()
        for info in self.lines:
            out[info.cat] += info.qty
        return out

    @cached_property
    def new_models_by_cat(self) -> Mapping[str, tuple[str, ...]]:
        """Model keys this offer would add to each category (not yet in the fleet)."""
        out: dict[str, list[str]] = {}
        for info in self.lines:
            if (
                info.cat,
                info.model_key,
            ) not in self.fleet.models and info.model_key not in out.get(info.cat, []):
                out.setdefault(info.cat, []).append(info.model_key)
        return {k: tuple(v) for k, v in out.items()}

    # --- support tables ----------------------------------------------------------------------------

    @cached_property
    def workshops(self) -> Workshops | None:
        table = self.inventory.maintenance
        if table is None or len(table) == 0:
            return None
        frame = table.frame
        mechanics = _num(frame["mechanics"]) if "mechanics" in frame else None
        by_make: Counter[str] = Counter()
        qualified_known = table.has("qualified_makes") and mechanics is not None
        qualified = self.qualified_makes
        if qualified_known and mechanics is not None and qualified is not None:
            codes, makes = qualified
            for code, count in zip(codes.tolist(), mechanics.fillna(0), strict=True):
                for make in makes[code] if code >= 0 else ():
                    by_make[make] += int(count)
        tool_makes: frozenset[str] | None = None
        if table.has("tool_kits"):
            _, kits = pd.factorize(
                frame["tool_kits"].map(lambda v: tuple(v) if isinstance(v, list) else v)
            )
            tool_makes = frozenset(self.make_in(k) for kit in kits for k in _items(kit))
        hours = (
            free_of(
                _num(frame["hours_available"]),
                _num(frame["hours_committed"]) if "hours_committed" in frame else None,
            )
            if "hours_available" in frame
            else Free(None)
        )
        locations = (
            tuple(sorted({fold(v) for v in frame["location"].dropna().unique()}))
            if "location" in frame
            else ()
        )
        return Workshops(
            rows_present=True,
            mechanics_total=None
            if mechanics is None or mechanics.isna().all()
            else int(mechanics.fillna(0).sum()),
            by_make=dict(by_make),
            qualified_known=qualified_known,
            hours_free=hours.amount,
            hours_unstated=hours.unstated_rows,
            tool_makes=tool_makes,
            locations=locations,
            table=table,
        )

    def workshop_rows(self, make_key: str | None = None) -> tuple[RowRef, ...]:
        return self.support_cache.workshop_rows.get(make_key, lambda: self._workshop_rows(make_key))

    def _workshop_rows(self, make_key: str | None) -> tuple[RowRef, ...]:
        shop = self.workshops
        if shop is None:
            return ()
        qualified = self.qualified_makes
        if make_key is None or qualified is None:
            return _rows_of(shop.table, None, self.max_rows)
        codes, makes = qualified
        hits = [code for code, keys in enumerate(makes) if make_key in keys]
        mask = pd.Series(np.isin(codes, hits), index=shop.table.frame.index)
        return _rows_of(shop.table, mask, self.max_rows)

    @cached_property
    def qualified_makes(self) -> tuple[np.ndarray, list[frozenset[str]]] | None:
        """Each workshop's code among the distinct qualified-makes lists (-1: none stated), and
        the make keys of each distinct list: makes are matched once per list, not per row."""
        table = self.inventory.maintenance
        if table is None or "qualified_makes" not in table.frame:
            return None
        column = table.frame["qualified_makes"]
        codes, uniques = pd.factorize(column.map(lambda v: tuple(v) if isinstance(v, list) else v))
        makes = [frozenset(self.make_in(i) for i in _items(u)) for u in uniques]
        return codes, makes

    def personnel_rows(self, cat: str) -> tuple[RowRef, ...]:
        return self.support_cache.personnel_rows.get(cat, lambda: self._personnel_rows(cat))

    def _personnel_rows(self, cat: str) -> tuple[RowRef, ...]:
        table = self.inventory.personnel
        if table is None:
            return ()
        mask = driver_categories(self).eq(cat)
        return _rows_of(table, mask, self.max_rows)

    @cached_property
    def pledge_view(self) -> PledgeView:
        """Other partners' pledges per category and window, computed once."""
        return PledgeView(self)

    @cached_property
    def capacity(self) -> Capacity:
        """The recipient's free capacity, the offer's use of it and the ledger's allocations."""
        return Capacity(self)

    @cached_property
    def budget(self) -> BudgetView | None:
        table = self.inventory.budget
        if (
            table is None
            or len(table) == 0
            or "amount" not in table.frame
            or "line" not in table.frame
        ):
            return None
        frame = table.frame
        words = self.ruleset.param("budget_lines", {})

        def line_type(value: Any) -> str | None:
            key = f" {fold(value)} "
            for kind in ("fuel", "maintenance", "parts"):
                if any(f" {fold(w)} " in key for w in words.get(kind, ())):
                    return kind
            return None

        kind = map_unique(frame["line"], line_type)
        amount = _num(frame["amount"])
        committed = _num(frame["committed"]) if "committed" in frame else None
        year = _num(frame["year"]) if "year" in frame else pd.Series(np.nan, index=frame.index)
        headroom: dict[tuple[str, int | None], float] = {}
        unstated: Counter[str] = Counter()
        groups = pd.DataFrame({"kind": kind, "year": year}).groupby(["kind", "year"], dropna=False)
        for key, rows in groups.groups.items():
            k, y = cast(tuple[Any, Any], key)
            if pd.isna(k):
                continue
            free = free_of(amount.loc[rows], None if committed is None else committed.loc[rows])
            unstated[str(k)] += free.unstated_rows
            if free.amount is not None:
                headroom[(str(k), None if pd.isna(y) else int(y))] = free.amount
        currency = None
        if "currency" in frame and frame["currency"].notna().any():
            currency = str(frame["currency"].dropna().iloc[0]).strip().upper()
        years = tuple(sorted({y for (_, y) in headroom if y is not None}))
        return BudgetView(headroom, years, currency, table, dict(unstated))

    @cached_property
    def budget_rows(self) -> tuple[RowRef, ...]:
        table = self.inventory.budget
        return () if table is None else _rows_of(table, None, self.max_rows)

    @cached_property
    def pledges(self) -> pd.DataFrame | None:
        """Other partners' pledges with canonical category, model key, date and their rows."""
        table = self.inventory.pledges
        if table is None:
            return None
        frame = table.frame
        n = len(frame)
        none = pd.Series([None] * n, index=frame.index, dtype=object)
        cat = (
            map_unique(frame["category"], self.ruleset.categories.canonical)
            if "category" in frame
            else none
        )
        make = frame.get("make", none)
        model = frame.get("model", none)
        pair = make.astype(str).str.cat(model.astype(str), sep="\x1f")
        has_model = model.notna()
        keys = map_unique(pair, lambda p: self.names.key(*str(p).split("\x1f", 1)))
        partner = map_unique(frame["partner"], fold) if "partner" in frame else none
        partner_name = (
            frame["partner"].astype(object).where(frame["partner"].notna(), None)
            if "partner" in frame
            else none
        )
        date = (
            pd.to_datetime(frame["date"], errors="coerce")
            if "date" in frame
            else pd.Series(pd.NaT, index=frame.index)
        )
        qty = (
            _num(frame["quantity"]) if "quantity" in frame else pd.Series(np.nan, index=frame.index)
        )
        status = map_unique(frame["status"], fold) if "status" in frame else none
        row = (
            _num(frame[ROW_COLUMN]).fillna(0).astype(int)
            if ROW_COLUMN in frame
            else pd.Series(0, index=frame.index)
        )
        sheet = (
            frame[SHEET_COLUMN].fillna("").astype(str)
            if SHEET_COLUMN in frame
            else pd.Series("", index=frame.index)
        )
        return pd.DataFrame(
            {
                "cat": cat,
                "model_key": keys.where(has_model, None),
                "partner": partner,
                "partner_name": partner_name,
                "date": date,
                "qty": qty,
                "status": status,
                "row": row,
                "sheet": sheet,
            }
        )

    @cached_property
    def part_codes(self) -> frozenset[str] | None:
        table = self.inventory.spare_parts
        if table is None:
            return None
        codes: set[str] = set()
        for col in ("part_number", "nsn"):
            if col in table.frame:
                values = table.frame[col].dropna().astype(str).unique()
                codes.update(compact(v) for v in values)
        codes.discard("")
        return frozenset(codes)

    def parts_for_make(self, make_key: str, make: str = "") -> pd.DataFrame | None:
        """Spare-parts rows whose applicability names the make (matched on unique values):
        the whole make ("mercedesbenz" in "Mercedes-Benz Zetros") or its first word
        ("Mercedes Zetros")."""
        return self.support_cache.parts.get(make_key, lambda: self._parts_for_make(make_key, make))

    def parts_rows(self, make_key: str, make: str = "") -> tuple[RowRef, ...]:
        """The spare-parts rows behind parts_for_make, at most max_evidence_rows of them."""

        def rows() -> tuple[RowRef, ...]:
            table = self.inventory.spare_parts
            mask = self.parts_mask(make_key, make)
            if table is None or mask is None:
                return ()
            return _rows_of(table, pd.Series(mask, index=table.frame.index), self.max_rows)

        return self.support_cache.parts_rows.get(make_key, rows)

    def _parts_for_make(self, make_key: str, make: str) -> pd.DataFrame | None:
        table = self.inventory.spare_parts
        mask = self.parts_mask(make_key, make)
        return None if table is None or mask is None else table.frame[mask]

    def parts_mask(self, make_key: str, make: str = "") -> np.ndarray | None:
        """Which spare-parts rows parts_for_make selects; None without an applicability column."""
        return self.support_cache.parts_mask.get(make_key, lambda: self._parts_mask(make_key, make))

    def _parts_mask(self, make_key: str, make: str) -> np.ndarray | None:
        table = self.inventory.spare_parts
        if table is None or "applies_to" not in table.frame:
            return None
        words = fold(make).split()
        first = words[0] if words and len(words[0]) >= 3 else ""

        def applies(value: Any) -> bool:
            if not make_key:
                return False
            return make_key in compact(value) or (bool(first) and first in fold(value).split())

        codes, uniques = self._applies_to
        hits = [code for code, value in enumerate(uniques) if applies(value)]
        return np.isin(codes, hits)

    @cached_property
    def parts_on_hand(self) -> np.ndarray | None:
        """Each spare-parts row's quantity on hand (NaN: not stated); None without the column."""
        table = self.inventory.spare_parts
        if table is None or "quantity_on_hand" not in table.frame:
            return None
        return _num(table.frame["quantity_on_hand"]).to_numpy(dtype=float, na_value=np.nan)

    @cached_property
    def _applies_to(self) -> tuple[np.ndarray, list[Any]]:
        """The spare-parts applicability column factorised once for all makes."""
        assert self.inventory.spare_parts is not None
        codes, uniques = pd.factorize(self.inventory.spare_parts.frame["applies_to"])
        return codes, list(uniques)

    def rows_of(self, table: Table, frame: pd.DataFrame) -> tuple[RowRef, ...]:
        return _rows_of(Table(table.name, frame), None, self.max_rows)

    def truthy(self, value: Any) -> bool | None:
        return parse_bool(value)


def traffic_side(ctx: Context) -> tuple[str | None, bool]:
    """The recipient's traffic side, and whether it was inferred from the fleet's drive side."""
    if ctx.profile.traffic_side:
        side = fold(ctx.profile.traffic_side)
        return ("left" if "left" in side or "gauche" in side else "right"), False
    sides = ctx.fleet.drive_sides
    if not sides:
        return None, False
    dominant = max(sorted(sides), key=lambda s: sides[s])
    return ("right" if dominant == "LHD" else "left" if dominant == "RHD" else None), True


def dominant(counts: Mapping[Any, int]) -> Any:
    if not counts:
        return None
    return max(sorted(counts, key=str), key=lambda k: counts[k])


def iter_nonempty(values: Iterable[str | None]) -> list[str]:
    return [v for v in values if v]
