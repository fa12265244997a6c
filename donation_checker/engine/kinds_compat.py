"""Compatibility kinds: commonality with the fleet, fragmentation, lot size of new types, fuel,
drive side and transmission, electrical system, and climate (catalogue COMP-01…06, COMP-09)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..assessment import Evidence
from ..messages import Unit, Value, canonical, canonicals, count, msg, number
from ..messages import make as make_value
from ..messages import model as model_value
from ..normalise import canonical_fuel
from .context import Context, LineInfo, dominant, exact, traffic_side
from .kind_shared import not_applicable, number_param, unknown
from .registry import Outcome, ParamSpec, kind
from .wording import ev, ladder

if TYPE_CHECKING:
    from ..ruleset import Rule


def _alternative(ctx: Context, info: LineInfo) -> Value:
    """The category's most common model in service, a model of the recipient's fleet."""
    stats = ctx.fleet.categories.get(info.cat)
    name = ctx.fleet.name(stats.models[0]) if stats and stats.models else ""
    return model_value(name, topic="model_names")


def commonality(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    p = rule.params
    fleet = ctx.fleet
    cat = fleet.categories.get(info.cat)
    model = fleet.models.get((info.cat, info.model_key))
    cat_serv = cat.serviceable if cat else 0
    in_service = count(model.serviceable if model else 0, "holdings")
    in_category = count(cat_serv, "holdings")
    offered = (make_value(info.make), model_value(info.model))
    values = {"alternative": _alternative(ctx, info), "units": in_service}
    evidence = [
        ev(
            "model_serviceable",
            msg("evidence.commonality.model_serviceable"),
            in_service,
            rows=fleet.rows("model", (info.cat, info.model_key)),
        ),
        ev(
            "category_serviceable",
            msg("evidence.commonality.category_serviceable"),
            in_category,
            rows=fleet.rows("category", info.cat),
        ),
    ]
    if model and (
        model.serviceable >= p["min_units"]
        or (cat_serv and model.serviceable >= p["min_share"] * cat_serv)
    ):
        return Outcome(
            float(p["same_model"]),
            msg(
                "commonality.same_model",
                make=offered[0],
                model=offered[1],
                units=in_service,
                category=in_category,
            ),
            tuple(evidence),
            values,
        )
    same_make = fleet.cat_make_units.get((info.cat, info.make_key), 0)
    if model or same_make:
        make_units = count(same_make, "holdings")
        evidence.append(
            ev(
                "make_units",
                msg("evidence.commonality.make_units"),
                make_units,
                rows=fleet.rows("make", info.make_key),
            )
        )
        return Outcome(
            float(p["same_make"]),
            msg("commonality.same_make", make_units=make_units, make=offered[0], units=in_service),
            tuple(evidence),
            values,
        )
    fuels = cat.fuels if cat and cat.fuels else fleet.fuels
    sides = cat.drive_sides if cat and cat.drive_sides else fleet.drive_sides
    volts = cat.voltages if cat else {}
    checks: list[tuple[str, bool]] = []
    if info.fuel and fuels:
        checks.append(("fuel", info.fuel in fuels))
    if info.drive_side and sides:
        checks.append(("drive_side", info.drive_side == dominant(sides)))
    if info.line.voltage is not None and volts:
        checks.append(("voltage", any(abs(float(v) - info.line.voltage) < 0.5 for v in volts)))
    evidence.append(
        ev(
            "make_units",
            msg("evidence.commonality.make_units"),
            count(0, "holdings"),
        )
    )
    if not checks:
        return unknown(msg("commonality.new_make_nothing_to_compare", make=offered[0]), *evidence)
    mismatched = [name for name, ok in checks if not ok]
    if mismatched:
        return Outcome(
            float(p["other"]),
            msg(
                "commonality.new_make_differs",
                make=offered[0],
                features=canonicals("feature", mismatched),
            ),
            tuple(evidence),
            values,
        )
    return Outcome(
        float(p["compatible"]),
        msg(
            "commonality.new_make_shares",
            make=offered[0],
            features=canonicals("feature", [n for n, _ in checks]),
        ),
        tuple(evidence),
        values,
    )


def fragmentation(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    p = rule.params
    cat = ctx.fleet.categories.get(info.cat)
    before = len(cat.models) if cat else 0
    new = ctx.new_models_by_cat.get(info.cat, ())
    after = before + len(new)
    units_after = (cat.units if cat else 0) + ctx.offered_by_cat.get(info.cat, 0)
    per100 = round(after * 100 / units_after, 1) if units_after else None
    before_v = count(before, "holdings")
    after_v = count(after, derived_from=(before_v,))
    evidence = (
        ev(
            "models_before",
            msg("evidence.fragmentation.models_before"),
            before_v,
            rows=ctx.fleet.rows("category", info.cat),
        ),
        ev(
            "models_after",
            msg("evidence.fragmentation.models_after"),
            after_v,
        ),
        ev(
            "models_per_100",
            msg("evidence.fragmentation.models_per_100"),
            number(per100, "holdings"),
        ),
    )
    values = {
        "models_before": before_v,
        "models_after": after_v,
        "alternative": _alternative(ctx, info),
    }
    if (info.cat, info.model_key) in ctx.fleet.models:
        return Outcome(
            float(p["no_new_model"]),
            msg("fragmentation.no_new_model", before=before_v),
            evidence,
            values,
        )
    score = p["crowded"] if before >= p["max_models"] else p["one_new_model"]
    return Outcome(
        float(score),
        msg("fragmentation.new_model", before=before_v, after=after_v),
        evidence,
        values,
    )


def new_type_lot(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    p = rule.params
    if (info.cat, info.model_key) in ctx.fleet.models:
        return not_applicable(
            msg("new_type_lot.model_already_fleet_lot"),
        )
    lot = ctx.offered_by_model[(info.cat, info.model_key)]
    # Units the recipient cannot sustain make no lot bigger: the ladder reads the units the
    # capacity ledger grants (the counter-proposal), so offering more past that never helps.
    sustained = ctx.sustained_by_model[(info.cat, info.model_key)]
    min_lot = max((t for t, _ in p["steps"]), default=0)
    score = ladder(sustained, p["steps"], p["floor"])
    evidence = [ev("lot_size", msg("evidence.new_type_lot.lot_size"), count(lot))]
    if sustained < lot:
        evidence.append(ev("sustained", msg("evidence.new_type_lot.sustained"), count(sustained)))
        message = msg(
            "new_type_lot.lot_sustained",
            lot=count(lot),
            sustained=count(sustained),
            threshold=number(min_lot),
        )
    else:
        message = msg("new_type_lot.lot", lot=count(lot), threshold=number(min_lot))
    return Outcome(score, message, tuple(evidence), {"lot": count(lot), "min_lot": number(min_lot)})


def fuel_supply(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    if info.fuel in set(rule.params["no_fuel"]):
        return not_applicable(msg("fuel_supply.runs_on_fuel_recipient"))
    if ctx.profile.national_fuels is not None:
        supply = sorted({f for f in (canonical_fuel(v) for v in ctx.profile.national_fuels) if f})
        origin = msg("evidence.fuel_supply.national_supply")
        rows = ()
    else:
        supply = sorted(ctx.fleet.fuels)
        origin = msg("evidence.fuel_supply.fleet_fuels")
        rows = ()
    supply_v = canonicals("fuel", supply) if supply else None
    fuel_v = canonical("fuel", info.fuel)
    evidence = (
        ev("supply", origin, supply_v, rows=rows),
        ev("fuel", msg("evidence.fuel_supply.fuel"), fuel_v),
    )
    if not info.fuel:
        return unknown(msg("fuel_supply.offer_does_state_fuel"), *evidence)
    if not supply:
        return unknown(
            msg("fuel_supply.recipient_s_fuels_known"),
            *evidence,
        )
    values = {"fuel": fuel_v, "supply": supply_v}
    if info.fuel in supply:
        return Outcome(100.0, msg("fuel_supply.supplied", fuel=fuel_v), evidence, values)
    return Outcome(
        0.0,
        msg("fuel_supply.not_supplied", fuel=fuel_v, supply=supply_v),
        evidence,
        values,
        knockout=True,
    )


def fleet_transmission(ctx: Context, info: LineInfo) -> tuple[str | None, Evidence]:
    """The transmission the category's drivers know, and the evidence naming it."""
    cat = ctx.fleet.categories.get(info.cat)
    fleet_tx = dominant(cat.transmissions) if cat else None
    return fleet_tx, ev(
        "fleet_transmission",
        msg("evidence.fleet_transmission.fleet_transmission"),
        Value(Unit.CANONICAL, fleet_tx, "holdings", vocabulary="transmission"),
        rows=ctx.fleet.rows("category", info.cat) if fleet_tx else (),
    )


def drive_controls(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    if info.ref.get("road_vehicle") is False:
        return not_applicable(
            msg("drive_controls.road_vehicle_drive_side"),
        )
    side, inferred = traffic_side(ctx)
    expected = {"right": "LHD", "left": "RHD"}.get(side or "")
    fleet_tx, tx_evidence = fleet_transmission(ctx, info)
    drive_v = canonical("drive_side", info.drive_side)
    side_v = canonical("traffic_side", side)
    evidence = [
        ev("drive_side", msg("evidence.drive_controls.drive_side"), drive_v),
        ev(
            "traffic_side",
            msg(f"evidence.drive_controls.traffic_side{'_inferred' if inferred else ''}"),
            side_v,
        ),
        tx_evidence,
    ]
    values = {
        "drive_side": drive_v,
        "expected_side": canonical("drive_side", expected),
        "transmission": canonical("transmission", info.transmission),
        "fleet_transmission": tx_evidence.value,
    }
    if not info.drive_side or not expected:
        return unknown(
            msg("drive_controls.drive_side_traffic_side"),
            *evidence,
        )
    if info.drive_side != expected:
        return Outcome(
            0.0,
            msg("drive_controls.wrong_side", drive=drive_v, side=side_v),
            tuple(evidence),
            values,
            knockout=True,
        )
    if info.transmission and fleet_tx and info.transmission != fleet_tx:
        return Outcome(
            100.0 - rule.params["transmission_penalty"],
            msg(
                "drive_controls.fits_other_transmission",
                transmission=values["transmission"],
                fleet=tx_evidence.value,
            ),
            tuple(evidence),
            values,
        )
    return Outcome(
        100.0,
        msg("drive_controls.fits", drive=drive_v, side=side_v),
        tuple(evidence),
        values,
    )


def transmission(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    """A transmission the drivers of the category do not know: driver training lifts it."""
    assert info is not None
    if info.ref.get("road_vehicle") is False:
        return not_applicable(
            msg("transmission.road_vehicle_transmission_does"),
        )
    fleet_tx, tx_evidence = fleet_transmission(ctx, info)
    offered = canonical("transmission", info.transmission)
    evidence = (
        ev("transmission", msg("evidence.transmission.transmission"), offered),
        tx_evidence,
    )
    if not info.transmission or not fleet_tx:
        return unknown(
            msg("transmission.offered_transmission_one_category"),
            *evidence,
        )
    known = tx_evidence.value
    values = {"transmission": offered, "fleet_transmission": known}
    if info.transmission != fleet_tx:
        return Outcome(
            float(rule.params["mismatch_score"]),
            msg("transmission.other", transmission=offered, fleet=known),
            evidence,
            values,
        )
    return Outcome(
        100.0,
        msg("transmission.known", transmission=offered),
        evidence,
        values,
    )


def electrical(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    cat = ctx.fleet.categories.get(info.cat)
    refs = sorted(float(v) for v in (cat.voltages if cat else {}))
    origin = msg("evidence.electrical.category_voltages")
    if not refs and info.ref.get("mains_powered") and ctx.profile.grid_voltage:
        refs = [float(ctx.profile.grid_voltage)]
        origin = msg("evidence.electrical.mains_voltage")
    offered = number(info.line.voltage, measure="V")
    fleet_v = Value(Unit.LIST, tuple(number(v, measure="V") for v in refs)) if refs else None
    evidence = (
        ev("voltage", msg("evidence.electrical.voltage"), offered),
        ev(
            "reference_voltages",
            origin,
            fleet_v,
            rows=ctx.fleet.rows("category", info.cat) if cat and cat.voltages else (),
        ),
    )
    # The rule's own text writes "V" after these.
    values = {
        "voltage": number(info.line.voltage),
        "fleet_voltage": Value(Unit.LIST, tuple(number(v) for v in refs)) if refs else None,
    }
    if info.line.voltage is None or not refs:
        return unknown(msg("electrical.offered_fleet_voltage_known"), *evidence)
    tolerance = rule.params["tolerance"]
    if any(abs(info.line.voltage - v) <= tolerance * v for v in refs):
        return Outcome(
            100.0,
            msg("electrical.matches", voltage=offered),
            evidence,
            values,
        )
    return Outcome(
        100.0 - rule.params["mismatch_penalty"],
        msg("electrical.differs", voltage=offered, fleet=fleet_v),
        evidence,
        values,
    )


def climate(rule: Rule, ctx: Context, info: LineInfo | None) -> Outcome:
    assert info is not None
    theatre, rated = ctx.profile.max_temperature, info.line.max_temperature
    evidence = (
        ev("rated", msg("evidence.climate.rated"), rated, "°C"),
        ev(
            "theatre",
            msg("evidence.climate.theatre"),
            theatre,
            "°C",
        ),
    )
    rated_v, theatre_v = number(rated, measure="°C"), number(theatre, measure="°C")
    values = {"rated": number(rated), "theatre": number(theatre)}
    if theatre is None or rated is None:
        return unknown(
            msg("climate.rated_theatre_maximum_temperature"),
            *evidence,
        )
    if rated < theatre:
        return Outcome(
            0.0,
            msg("climate.too_hot", rated=rated_v, theatre=theatre_v),
            evidence,
            values,
            knockout=True,
        )
    if rated < theatre + rule.params["margin"]:
        return Outcome(
            float(rule.params["margin_score"]),
            msg("climate.little_margin", rated=rated_v, theatre=theatre_v),
            evidence,
            values,
        )
    return Outcome(
        100.0,
        msg("climate.margin", rated=rated_v, theatre=theatre_v),
        evidence,
        values,
    )


SPECS = (
    kind(
        "commonality",
        "line",
        (
            "fleet.category",
            "fleet.make",
            "fleet.model",
            "fleet.quantity_serviceable",
            "offer.fuel",
            "offer.drive_side",
            "offer.voltage",
        ),
        {
            "min_units": number_param(10),
            "min_share": number_param(0.10),
            "same_model": number_param(100),
            "same_make": number_param(70),
            "compatible": number_param(40),
            "other": number_param(0),
        },
        ("alternative", "units"),
        commonality,
        key=lambda i: (
            i.cat,
            i.model_key,
            i.make_key,
            i.make,
            i.model,
            i.fuel,
            i.drive_side,
            exact(i.line.voltage),
        ),
    ),
    kind(
        "fragmentation",
        "line",
        ("fleet.category", "fleet.model", "offer.model"),
        {
            "max_models": number_param(4),
            "no_new_model": number_param(100),
            "one_new_model": number_param(50),
            "crowded": number_param(0),
        },
        ("models_before", "models_after", "alternative"),
        fragmentation,
        key=lambda i: (i.cat, i.model_key),
    ),
    kind(
        "new_type_lot",
        "line",
        ("offer.quantity", "fleet.model"),
        {
            "steps": ParamSpec("ladder", [[30, 80], [10, 50]]),
            "floor": number_param(0),
        },
        ("lot", "min_lot"),
        new_type_lot,
        key=lambda i: (i.cat, i.model_key),
    ),
    kind(
        "fuel_supply",
        "line",
        ("offer.fuel", "profile.national_fuels", "fleet.fuel"),
        {"no_fuel": ParamSpec("texts", ["none", "mains"])},
        ("fuel", "supply"),
        fuel_supply,
        key=lambda i: i.fuel,
    ),
    kind(
        "drive_controls",
        "line",
        ("offer.drive_side", "offer.transmission", "profile.traffic_side", "fleet.transmission"),
        {"transmission_penalty": number_param(30)},
        ("drive_side", "expected_side", "transmission", "fleet_transmission"),
        drive_controls,
        key=lambda i: (i.cat, i.drive_side, i.transmission),
    ),
    kind(
        "transmission",
        "line",
        ("offer.transmission", "fleet.transmission"),
        {"mismatch_score": number_param(70)},
        ("transmission", "fleet_transmission"),
        transmission,
        key=lambda i: (i.cat, i.transmission, exact(i.ref.get("road_vehicle"))),
    ),
    kind(
        "electrical",
        "line",
        ("offer.voltage", "fleet.voltage", "profile.grid_voltage"),
        {
            "mismatch_penalty": number_param(50),
            "tolerance": number_param(0.1),
        },
        ("voltage", "fleet_voltage"),
        electrical,
        key=lambda i: (i.cat, exact(i.line.voltage)),
    ),
    kind(
        "climate",
        "line",
        ("offer.max_temperature", "profile.max_temperature"),
        {
            "margin": number_param(5),
            "margin_score": number_param(70),
        },
        ("rated", "theatre"),
        climate,
        key=lambda i: exact(i.line.max_temperature),
    ),
)
