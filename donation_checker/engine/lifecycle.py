"""Running cost per offer line and year (fuel, maintenance, parts) against the budget headroom.

fuel per unit-year = km per year × L/100 km ÷ 100 × fuel price (or hours × L/h for generators);
maintenance and parts per unit-year = unit value × the category's cost ratios. Reference figures
come from the rule set; the unit value and its currency from the offer, converted with the rule
set's exchange rates. Components that cannot be computed are listed in the assumptions, never
silently counted as zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..assessment import CostYear, Evidence, LifecycleCost, LineCost
from ..messages import Unit, Value, as_value, canonical, category, currency, msg, number, percent
from .context import Context, LineInfo
from .wording import ev


@dataclass(frozen=True)
class UnitCost:
    """Yearly running cost of one unit in the recipient's currency; None when not computable."""

    fuel: float | None
    maintenance: float | None
    parts: float | None

    @property
    def complete(self) -> bool:
        return None not in (self.fuel, self.maintenance, self.parts)

    @property
    def total(self) -> float | None:
        """The yearly cost, or None when a part of it is not known."""
        if self.fuel is None or self.maintenance is None or self.parts is None:
            return None
        return self.fuel + self.maintenance + self.parts

    @property
    def known_total(self) -> float:
        return sum(v for v in (self.fuel, self.maintenance, self.parts) if v is not None)


def recipient_currency(ctx: Context) -> str | None:
    """The ISO code of the recipient's currency ("FCFA" in the file -> XOF): every amount of
    the assessment carries the code, and each reader's renderer writes it as they prefer."""
    return currency_code(ctx, ctx.profile.currency or (ctx.budget.currency if ctx.budget else None))


def currency_code(ctx: Context, written: str | None) -> str | None:
    """The ISO code of a currency as a file writes it, through the rule set's aliases."""
    aliases: Any = ctx.ruleset.param("currency_aliases", {})
    return ctx.support_cache.currency_code.get(written, lambda: _currency_code(written, aliases))


def _currency_code(name: str | None, aliases: Any) -> str | None:
    """ISO code of a currency as people write it ("FCFA", "F CFA" -> XOF), via the rule set."""
    if not name or not name.strip():
        return None
    key = "".join(ch for ch in name.upper() if ch.isalnum())
    table = {
        "".join(ch for ch in str(k).upper() if ch.isalnum()): str(v).upper()
        for k, v in dict(aliases).items()
    }
    return table.get(key, key)


def convert(ctx: Context, amount: float, source: str | None) -> float | None:
    """Amount in `source` currency expressed in the recipient's; None when no rate is known."""
    target = recipient_currency(ctx)
    src = currency_code(ctx, source)
    if src is None or target is None or src == target:
        return amount
    rates: Any = ctx.ruleset.param("exchange_rates", {})
    if f"{src}_{target}" in rates:
        return amount * float(rates[f"{src}_{target}"])
    if f"{target}_{src}" in rates and float(rates[f"{target}_{src}"]) > 0:
        return amount / float(rates[f"{target}_{src}"])
    return None


def life_used(ctx: Context, info: LineInfo) -> float | None:
    """Share of the economic life used at handover (age, distance or hours, whichever is
    furthest), 0 for new equipment; None when neither the line nor the category says."""
    ref, line = info.ref, info.line
    used: list[float] = []
    if line.year is not None and ctx.ref_year is not None and ref.get("life_years"):
        used.append(max(0, ctx.ref_year - line.year) / float(ref["life_years"]))
    if line.odometer_km is not None and ref.get("life_km"):
        used.append(max(0.0, line.odometer_km) / float(ref["life_km"]))
    if line.hours is not None and ref.get("life_hours"):
        used.append(max(0.0, line.hours) / float(ref["life_hours"]))
    if used:
        return max(used)
    return 0.0 if info.condition == "new" else None


def fuel_factor(ctx: Context, fuel: str | None) -> float:
    """Price of the line's fuel relative to the profile's fuel price; an unknown fuel is priced
    as the dearest one the rule set knows."""
    factors = {
        str(k): float(v) for k, v in dict(ctx.ruleset.param("fuel_price_factors", {})).items()
    }
    if fuel is not None and fuel in factors:
        return factors[fuel]
    return max(factors.values(), default=1.0) if fuel is None or factors else 1.0


def unit_cost(ctx: Context, info: LineInfo) -> UnitCost:
    """Yearly running cost of one unit from the category's reference data: consumption priced
    at the line's fuel, maintenance and parts as shares of the category's reference value,
    raised with the share of life already used. The value a donor declares is not used: a
    unit declared at 1 FCFA costs as much to run as any other."""
    ref = info.ref
    price = ctx.profile.fuel_price
    fuel: float | None
    if (
        info.fuel in {"none", "mains"}
        or ref.get("fuel_l_per_100km") == 0
        or ref.get("fuel_l_per_hour") == 0
    ):
        fuel = 0.0
    elif price is None:
        fuel = None
    elif "km_per_year" in ref and "fuel_l_per_100km" in ref:
        litres = float(ref["km_per_year"]) * float(ref["fuel_l_per_100km"]) / 100
        fuel = litres * price * fuel_factor(ctx, info.fuel)
    elif "hours_per_year" in ref and "fuel_l_per_hour" in ref:
        litres = float(ref["hours_per_year"]) * float(ref["fuel_l_per_hour"])
        fuel = litres * price * fuel_factor(ctx, info.fuel)
    else:
        fuel = None
    value: float | None = None
    if "reference_unit_value" in ref:
        value = convert(
            ctx, float(ref["reference_unit_value"]), ctx.ruleset.param("reference_currency")
        )
    used = life_used(ctx, info)
    uplift = 1.0 + float(ctx.ruleset.param("age_cost_uplift", 0.0)) * min(
        1.0, 1.0 if used is None else used
    )
    maintenance = (
        value * float(ref["maintenance_cost_ratio"]) * uplift
        if value is not None and "maintenance_cost_ratio" in ref
        else None
    )
    parts = (
        value * float(ref["parts_cost_ratio"]) * uplift
        if value is not None and "parts_cost_ratio" in ref
        else None
    )
    return UnitCost(fuel, maintenance, parts)


def unit_costs(ctx: Context) -> tuple[UnitCost, ...]:
    return ctx.capacity.unit_costs


def headroom(ctx: Context, year_index: int) -> float | None:
    """Uncommitted fuel + maintenance + parts budget in year `year_index` (1-based) after handover."""
    return ctx.support_cache.headroom.get(year_index, lambda: _headroom(ctx, year_index))


def _headroom(ctx: Context, year_index: int) -> float | None:
    budget = ctx.budget
    if budget is None:
        return None
    year = ctx.ref_year + year_index - 1 if ctx.ref_year is not None else None
    parts = [budget.for_year(k, year) for k in ("fuel", "maintenance", "parts")]
    known = [p for p in parts if p is not None]
    return sum(known) if known else None


def lifecycle(ctx: Context) -> LifecycleCost:
    costs = unit_costs(ctx)
    horizon = max(ctx.horizon, 1)
    lines: list[LineCost] = []
    # An unknown part of a line's cost stays unknown in the line and in the totals.
    totals: list[list[float | None]] = [[0.0, 0.0, 0.0] for _ in range(horizon)]
    for info, cost in zip(ctx.lines, costs, strict=True):
        parts = [
            None if v is None else info.qty * v for v in (cost.fuel, cost.maintenance, cost.parts)
        ]
        years = tuple(CostYear(k, *parts) for k in range(1, horizon + 1))
        lines.append(LineCost(info.index, years))
        for t in totals:
            for i, v in enumerate(parts):
                before = t[i]
                t[i] = None if v is None or before is None else before + v
    total_years = tuple(
        CostYear(k, totals[k - 1][0], totals[k - 1][1], totals[k - 1][2], headroom(ctx, k))
        for k in range(1, horizon + 1)
    )
    return LifecycleCost(
        recipient_currency(ctx), horizon, tuple(lines), total_years, assumptions(ctx, costs)
    )


def assumptions(ctx: Context, costs: tuple[UnitCost, ...]) -> tuple[Evidence, ...]:
    out = [
        ev(
            "fuel_price",
            msg("evidence.assumptions.fuel_price"),
            ctx.profile.fuel_price,
            recipient_currency(ctx) or "",
        ),
        ev(
            "offer_currency",
            msg("evidence.assumptions.offer_currency"),
            currency(currency_code(ctx, ctx.offer.header.currency)),
        ),
    ]
    seen_cats: set[str] = set()
    for attr in ("fuel", "maintenance", "parts"):
        missing = [
            str(i.index + 1)
            for i, c in zip(ctx.lines, costs, strict=True)
            if getattr(c, attr) is None
        ]
        if missing:
            out.append(
                ev(
                    f"{attr}_not_computed",
                    msg("evidence.lifecycle.not_computed", cost=canonical("budget_line", attr)),
                    ", ".join(missing),
                )
            )
    for info in ctx.lines:
        ref = info.ref
        if ref and f"reference_{info.cat}" not in seen_cats:  # the first line of each category
            seen_cats.add(f"reference_{info.cat}")
            out.append(
                ev(
                    f"reference_{info.cat}",
                    msg("evidence.lifecycle.reference", category=category(info.cat_title)),
                    Value(
                        Unit.LIST,
                        tuple(
                            as_value(msg(f"lifecycle.{k}", n=shown(k, ref[k])))
                            for k in REFERENCE_KEYS
                            if k in ref
                        ),
                    ),
                )
            )
    seen: set[str] = set()
    unique = []
    for item in out:
        if item.key not in seen:
            seen.add(item.key)
            unique.append(item)
    return tuple(unique)


# The reference figures of a category the running cost is computed from, in the order shown.
REFERENCE_KEYS = (
    "km_per_year",
    "fuel_l_per_100km",
    "hours_per_year",
    "fuel_l_per_hour",
    "maintenance_cost_ratio",
    "parts_cost_ratio",
)


def shown(key: str, value: float) -> Value:
    """A reference figure as its message quotes it: cost ratios as shares of the unit value."""
    return percent(float(value), decimals=None) if key.endswith("_ratio") else number(float(value))
