"""Properties of the judgement over generated offers and inventories (hypothesis): the capacity
ledger never grants more than there is, the way an offer is written (split, merged, reordered)
changes nothing, more of a good thing never hurts, missing data never helps, and the verdict
agrees with its score and its conditions.

CI runs a bounded number of examples; DC_PROPERTY_EXAMPLES raises it (see test_properties.py).
"""

from __future__ import annotations

import itertools
import math
import os
from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from donation_checker.assessment import VERDICT_ORDER, Assessment, Verdict
from donation_checker.engine import assess
from donation_checker.engine.aggregate import band
from donation_checker.engine.capacity import ABSORPTION_KINDS
from donation_checker.engine.context import Context
from donation_checker.engine.ledger import POOLED, Demand, Resource, allocate
from donation_checker.model import Inventory, Offer, OfferLine, Profile
from donation_checker.normalise import ModelNames
from donation_checker.resources import rules_dir
from donation_checker.ruleset import load_ruleset, parse_ruleset
from tests.core.test_engine_samples import GOOD_HEADER, GOOD_LINE, PROFILE, inventory, report

RULES = load_ruleset()
_LONG = os.environ.get("DC_PROPERTY_EXAMPLES")


def options(ci: int) -> settings:
    return settings(
        max_examples=int(_LONG) if _LONG else ci,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def rank(v: Verdict) -> int:
    return VERDICT_ORDER.index(v)


# --- the ledger alone ----------------------------------------------------------------------------

KINDS = ("budget", "hours", "drivers")
MAKES = ("toyota", "ural", "ford")
PER_MAKE = ("spares",)  # plain resources, one per make


@st.composite
def ledgers(draw: Any) -> tuple[list[Resource], list[Demand]]:
    resources = [Resource((k, ""), draw(st.one_of(st.none(), st.floats(-10, 5000)))) for k in KINDS]
    resources += [
        Resource((k, m), draw(st.one_of(st.none(), st.floats(-10, 5000))))
        for k in PER_MAKE
        for m in MAKES
    ]
    pools = {f"w{i}": draw(st.floats(0, 40)) for i in range(draw(st.integers(0, 3)))}
    reach = {m: tuple(p for p in pools if draw(st.booleans())) for m in MAKES}
    resources.append(Resource(("mechanics", POOLED), None, pools, reach))
    demands = []
    for line in range(draw(st.integers(1, 6))):
        use: dict[tuple[str, str], float | None] = {
            (k, ""): draw(st.one_of(st.none(), st.floats(0, 50))) for k in KINDS
        }
        make = draw(st.sampled_from(MAKES))
        use[("mechanics", make)] = 1 / 12
        for k in PER_MAKE:
            use[(k, make)] = draw(st.one_of(st.none(), st.floats(0, 50)))
        rank_ = (draw(st.integers(0, 2)), line % 2)
        demands.append(Demand(line, draw(st.integers(0, 400)), rank_, use))
    return resources, demands


@given(ledgers())
@options(300)
def test_ledger_never_grants_more_than_capacity(case: tuple[list[Resource], list[Demand]]) -> None:
    resources, demands = case
    alloc = allocate(demands, resources)
    for d in demands:
        granted = alloc.granted[d.line]
        assert granted is None or 0 <= granted <= d.qty
    for r in resources:
        if r.key[1] == POOLED:
            for make in MAKES:
                pool = sum((r.pools or {})[p] for p in r.reach.get(make, ()))
                used = sum(
                    (alloc.granted[d.line] or 0) * (d.use[("mechanics", make)] or 0)
                    for d in demands
                    if ("mechanics", make) in d.use
                )
                assert used <= pool + 1e-6
            continue
        if r.capacity is None:
            continue
        used = sum((alloc.granted[d.line] or 0) * (d.use.get(r.key) or 0) for d in demands)
        assert used <= max(r.capacity, 0.0) + 1e-6


# --- whole assessments ------------------------------------------------------------------------------

MODELS = [
    ("Pick-up", "Toyota", "Land Cruiser 79"),  # in service
    ("Camion", "Ural", "4320"),  # in service, other workshop
    ("Ambulance", "Ford", "Transit"),  # new make
    ("Camion", "Ashok Leyland", "Stallion"),  # new make
]

TABLES = ("maintenance", "budget", "personnel", "pledges", "spare_parts")


@st.composite
def offer_lines(draw: Any) -> OfferLine:
    cat, make, model = draw(st.sampled_from(MODELS))
    return replace(
        GOOD_LINE,
        category=cat,
        make=make,
        model=model,
        quantity=draw(st.integers(1, 250)),
        year=draw(st.integers(1995, 2025)),
        condition=draw(st.sampled_from(["new", "used"])),
        odometer_km=draw(st.sampled_from([0, 30_000, 120_000, None])),
        spares_months=draw(st.sampled_from([0, 6, 12, 24, None])),
        warranty_months=draw(st.sampled_from([0, 6, 12, 24, None])),
        mechanics_trained=draw(st.sampled_from([0, 1, 4, None])),
        drivers_trained=draw(st.sampled_from([0, 10, None])),
        unit_value=draw(st.sampled_from([1, 45_000, 85_000_000, None])),
    )


offers = st.lists(offer_lines(), min_size=1, max_size=4).map(
    lambda lines: Offer(GOOD_HEADER, tuple(lines), report("offer", "offre.xlsx"))
)


def run(inv: Inventory, offer: Offer) -> Assessment:
    return assess(inv, offer, RULES)


def without(inv: Inventory, dropped: tuple[str, ...]) -> Inventory:
    return replace(inv, **{name: None for name in dropped})


@given(offers)
@options(25)
def test_verdict_agrees_with_score_band_and_conditions(offer: Offer) -> None:
    a = run(inventory(), offer)
    assert a.score is not None
    assert band(a.score, RULES) is a.verdict
    assert band(round(a.score), RULES) is a.verdict  # as printed
    if a.verdict is Verdict.ACCEPT:
        assert not any(c.mandatory for c in a.conditions)
    if a.verdict is Verdict.CONDITIONAL:
        failing = [f for f in a.findings if f.weight > 0 and f.status.value in ("fail", "unknown")]
        assert all(f.condition is not None for f in failing)


@given(offers)
@options(25)
def test_counter_proposal_fits_every_resource_at_once(offer: Offer) -> None:
    inv = inventory()
    a = run(inv, offer)
    ctx = Context(inv, offer, RULES, ModelNames(), None, None)
    cap = ctx.capacity
    granted = [p.absorbable or 0 for p in a.counter_proposals]
    for r in cap.resources:
        # A shortfall of spare parts is lifted by the donor's package, not by fewer units.
        if r.capacity is None or r.key[1] == POOLED or r.key[0] not in ABSORPTION_KINDS:
            continue
        used = sum(g * (d.use.get(r.key) or 0) for g, d in zip(granted, cap.demands, strict=True))
        assert used <= max(r.capacity, 0.0) + 1e-6, r.key


@given(offer_lines(), st.integers(2, 4))
@options(25)
def test_splitting_a_line_into_identical_parts_changes_nothing(line: OfferLine, parts: int) -> None:
    """k lines of q units (each training m mechanics and d drivers) are one line of k·q units
    training k·m and k·d."""
    part = replace(line, quantity=max(1, line.quantity // parts))

    def times(value: int | None) -> int | None:
        return None if value is None else value * parts

    whole = replace(
        part,
        quantity=part.quantity * parts,
        mechanics_trained=times(part.mechanics_trained),
        drivers_trained=times(part.drivers_trained),
    )
    a = run(inventory(), Offer(GOOD_HEADER, (whole,), report("offer", "o.xlsx")))
    b = run(inventory(), Offer(GOOD_HEADER, (part,) * parts, report("offer", "o.xlsx")))
    assert a.verdict is b.verdict
    assert a.score == b.score
    split = [p.absorbable for p in b.counter_proposals]
    assert a.counter_proposals[0].absorbable == (
        None if None in split else sum(x or 0 for x in split)
    )


@given(offers, st.randoms(use_true_random=False))
@options(25)
def test_reordering_lines_changes_nothing(offer: Offer, rnd: Any) -> None:
    lines = list(offer.lines)
    rnd.shuffle(lines)
    other = replace(offer, lines=tuple(lines))
    a, b = run(inventory(), offer), run(inventory(), other)
    assert a.verdict is b.verdict
    assert a.score == b.score

    def by_model(x: Assessment, o: Offer) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for p, ln in zip(x.counter_proposals, o.lines, strict=True):
            out[(ln.make, ln.model)] = out.get((ln.make, ln.model), 0) + (p.absorbable or 0)
        return out

    assert by_model(a, offer) == by_model(b, other)


IMPROVEMENTS = {
    "spares_months": lambda v: 24 if v is None else max(v, 24),
    "warranty_months": lambda v: 24 if v is None else max(v, 24),
    "mechanics_trained": lambda v: (v or 0) + 3,
    "drivers_trained": lambda v: (v or 0) + 20,
    "year": lambda v: min(2025, (v or 2000) + 5),
    "odometer_km": lambda v: 0,
}


@given(offer_lines(), st.sampled_from(sorted(IMPROVEMENTS)))
@options(40)
def test_a_better_offer_never_scores_lower(line: OfferLine, field: str) -> None:
    better = replace(line, **{field: IMPROVEMENTS[field](getattr(line, field))})
    a = run(inventory(), Offer(GOOD_HEADER, (line,), report("offer", "o.xlsx")))
    b = run(inventory(), Offer(GOOD_HEADER, (better,), report("offer", "o.xlsx")))
    assert a.score is not None and b.score is not None
    assert b.score >= a.score - 1e-9
    assert rank(b.verdict) <= rank(a.verdict)


@given(offer_lines())
@options(25)
def test_requesting_the_offer_never_hurts(line: OfferLine) -> None:
    offer = Offer(replace(GOOD_HEADER, requested=False), (line,), report("offer", "o.xlsx"))
    a = run(inventory(), offer)
    b = run(inventory(), replace(offer, header=GOOD_HEADER))
    assert a.score is not None and b.score is not None
    assert b.score >= a.score and rank(b.verdict) <= rank(a.verdict)


@given(offer_lines(), st.integers(1, 400))
@options(25)
def test_more_units_past_the_absorbable_number_never_score_higher(
    line: OfferLine, extra: int
) -> None:
    base = run(inventory(), Offer(GOOD_HEADER, (line,), report("offer", "o.xlsx")))
    absorbable = base.counter_proposals[0].absorbable
    if absorbable is None or absorbable >= line.quantity:
        return
    more = replace(line, quantity=line.quantity + extra)
    bigger = run(inventory(), Offer(GOOD_HEADER, (more,), report("offer", "o.xlsx")))
    assert base.score is not None and bigger.score is not None
    assert bigger.score <= base.score + 1e-9
    assert rank(bigger.verdict) >= rank(base.verdict)


PROFILE_FIELDS = ("fuel_price", "asset_register", "parts_register", "max_temperature")


@given(
    offers,
    st.lists(st.sampled_from(TABLES), unique=True, max_size=3),
    st.lists(st.sampled_from(PROFILE_FIELDS), unique=True, max_size=2),
)
@options(40)
def test_missing_data_never_improves_the_judgement(
    offer: Offer, dropped: list[str], blank: list[str]
) -> None:
    full = inventory()
    profile: Profile = replace(PROFILE, **{name: None for name in blank})
    less = replace(without(full, tuple(dropped)), profile=profile)
    a, b = run(full, offer), run(less, offer)
    assert a.score is not None and b.score is not None
    assert b.score <= a.score + 1e-9, (dropped, blank)
    assert rank(b.verdict) >= rank(a.verdict), (dropped, blank)
    assert b.confidence <= a.confidence + 1e-9


def _with_weight(text: str, family: str, weight: float) -> str:
    at = text.index(f"[families.{family}]\n")
    start = text.index("weight = ", at)
    end = text.index("\n", start)
    return text[:start] + f"weight = {weight!r}" + text[end:]


@given(st.sampled_from([3, 6, 9, 11]), st.floats(0.2, 1.5), st.booleans())
@options(12)
def test_sensitivity_misses_no_flip_and_its_flips_reproduce_through_a_rule_file(
    warranty: int, margin: float, above: bool
) -> None:
    """With the accept band set just above or below an offer's score: a verdict that changes
    when one family weight is moved to either end of the range is reported as fragile; and each
    reported change, written into a rule file, flips the verdict while 1 % less does not."""
    offer = Offer(
        GOOD_HEADER, (replace(GOOD_LINE, warranty_months=warranty),), report("offer", "o.xlsx")
    )
    base = assess(inventory(), offer, RULES)
    assume(base.score is not None and base.verdict is Verdict.ACCEPT)
    assert base.score is not None
    band = min(base.score + (margin if above else -margin), 99.95)
    text = (rules_dir() / "default.toml").read_text("utf-8")
    text = text.replace("accept = 75", f"accept = {band!r}")
    a = assess(inventory(), offer, parse_ruleset(text.encode()))
    assert a.sensitivity is not None
    reach = float(RULES.param("sensitivity_range", 0.5)) * 0.999
    for fam in a.sensitivity.families:
        ends = [
            assess(
                inventory(),
                offer,
                parse_ruleset(_with_weight(text, fam.family, fam.weight * (1 + r)).encode()),
            ).verdict
            for r in (-reach, reach)
        ]
        if any(v is not a.verdict for v in ends):
            assert fam.change_needed is not None, fam.family
        if fam.change_needed is None:
            continue
        for factor, flipped in ((1.0, True), (0.99, False)):
            weight = fam.weight * (1 + fam.change_needed * factor)
            changed = _with_weight(text, fam.family, weight)
            b = assess(inventory(), offer, parse_ruleset(changed.encode()))
            assert (b.verdict is not a.verdict) is flipped, (fam, factor)


def test_an_offer_affordable_line_by_line_is_not_affordable_as_a_whole() -> None:
    """Each line alone fits the fuel budget; together they do not, and the ledger says so."""
    inv = inventory()
    line = replace(GOOD_LINE, category="Camion", make="Ural", model="4320", quantity=30)
    alone = run(inv, Offer(GOOD_HEADER, (line,), report("offer", "o.xlsx")))
    together = run(inv, Offer(GOOD_HEADER, (line, line), report("offer", "o.xlsx")))
    running = {f.rule_id: f for f in alone.findings}["ABS-01"]
    assert not running.knockout
    both = {f.rule_id: f for f in together.findings}["ABS-01"]
    assert both.knockout and together.verdict in (Verdict.REDIRECT, Verdict.DECLINE)
    granted = sum(p.absorbable or 0 for p in together.counter_proposals)
    assert granted < 60 and math.isfinite(granted)


def test_an_unknown_budget_is_judged_as_no_headroom() -> None:
    """Without a budget table the running cost is judged at its worst case: no headroom. The
    verdict is then no better than with a budget fully committed, and the outputs say which
    table was missing."""
    from donation_checker.report.rows import headline_rows
    from donation_checker.summary import format_assessment
    from donation_checker.table_gaps import with_gaps

    inv = inventory()
    assert inv.budget is not None
    spent = inv.budget.frame.assign(committed=inv.budget.frame["amount"])
    full = replace(inv, budget=replace(inv.budget, frame=spent))
    offer = Offer(GOOD_HEADER, (GOOD_LINE,), report("offer", "o.xlsx"))
    none_left = run(full, offer)
    missing_inv = replace(inv, budget=None, report=replace(inv.report, missing_tables=("budget",)))
    missing = with_gaps(run(missing_inv, offer), RULES, missing_inv.report)
    assert none_left.verdict is Verdict.DECLINE
    assert rank(missing.verdict) >= rank(none_left.verdict)
    assert [g.table for g in missing.tables_not_found] == ["budget"]
    assert "ABS-01" in missing.tables_not_found[0].rules
    assert any("Budget" in line for line in format_assessment(missing, "en").splitlines())
    rows = dict(headline_rows(missing, "fr"))
    assert "Budget" in rows["Tableaux non trouvés"]


# --- the spare-parts stock ---------------------------------------------------------------------


def with_toyota_stock(extra: float | None) -> Inventory:
    """The inventory with its Toyota parts stocked at `extra` items beyond what today's Toyota
    fleet uses over the target months (None: the stock cells are blank)."""
    inv = inventory()
    assert inv.spare_parts is not None
    frame = inv.spare_parts.frame.copy()
    toyota = frame["applies_to"].str.contains("Toyota").to_numpy()
    frame["quantity_on_hand"] = frame["quantity_on_hand"].astype(float)
    frame.loc[toyota, "quantity_on_hand"] = 0.0
    empty = replace(inv, spare_parts=replace(inv.spare_parts, frame=frame.copy()))
    if extra is None:
        frame.loc[toyota, "quantity_on_hand"] = math.nan
        return replace(inv, spare_parts=replace(inv.spare_parts, frame=frame))
    offer = Offer(GOOD_HEADER, (GOOD_LINE,), report("offer", "o.xlsx"))
    stock = Context(empty, offer, RULES, ModelNames(), None, None).capacity.spares
    assert stock is not None and stock["toyota"].amount is not None
    fleet_need = -stock["toyota"].amount
    frame.loc[toyota, "quantity_on_hand"] = (fleet_need + extra) / int(toyota.sum())
    return replace(inv, spare_parts=replace(inv.spare_parts, frame=frame))


@st.composite
def toyota_lines(draw: Any) -> OfferLine:
    return replace(
        GOOD_LINE,
        quantity=draw(st.integers(1, 250)),
        spares_months=draw(st.sampled_from([0, 6, 12, 24, None])),
        year=draw(st.integers(2015, 2025)),
    )


toyota_offers = st.lists(toyota_lines(), min_size=1, max_size=4).map(
    lambda lines: Offer(GOOD_HEADER, tuple(lines), report("offer", "offre.xlsx"))
)


def stock_units(a: Assessment) -> list[int | None]:
    """Per line: the units SPARE-01 says the parts stock tops up to the target months."""
    out = []
    for f in a.findings:
        if f.rule_id == "SPARE-01":
            value = {e.key: e.value for e in f.evidence}["stock_units"].raw
            out.append(None if value is None else int(value))
    return out


@given(toyota_offers, st.floats(0, 20_000))
@options(30)
def test_the_parts_stock_is_shared_by_the_lines_of_a_make_not_counted_per_line(
    offer: Offer, extra: float
) -> None:
    inv = with_toyota_stock(extra)
    a = run(inv, offer)
    cap = Context(inv, offer, RULES, ModelNames(), None, None).capacity
    assert cap.spares is not None
    free = cap.spares["toyota"].amount
    assert free is not None and math.isclose(free, extra, abs_tol=1e-6)
    used = sum(
        (units or 0) * (d.use[("spares", "toyota")] or 0)
        for units, d in zip(stock_units(a), cap.demands, strict=True)
    )
    assert used <= extra + 1e-6
    for units, line in zip(stock_units(a), offer.lines, strict=True):
        assert units is not None and 0 <= units <= line.quantity


@given(toyota_lines(), st.integers(2, 4), st.floats(0, 20_000))
@options(25)
def test_splitting_a_line_shares_the_parts_stock_as_the_whole_line(
    line: OfferLine, parts: int, extra: float
) -> None:
    inv = with_toyota_stock(extra)
    part = replace(line, quantity=max(1, line.quantity // parts))
    whole = replace(part, quantity=part.quantity * parts)
    a = run(inv, Offer(GOOD_HEADER, (whole,), report("offer", "o.xlsx")))
    b = run(inv, Offer(GOOD_HEADER, (part,) * parts, report("offer", "o.xlsx")))
    assert sum(u or 0 for u in stock_units(b)) == sum(u or 0 for u in stock_units(a))
    assert a.score == b.score and a.verdict is b.verdict


@given(toyota_offers, st.floats(0, 20_000), st.floats(0, 20_000))
@options(25)
def test_more_parts_in_stock_never_score_lower_and_an_unknown_stock_counts_as_none(
    offer: Offer, low: float, high: float
) -> None:
    low, high = sorted((low, high))
    scores = []
    for inv in (
        replace(inventory(), spare_parts=None),
        with_toyota_stock(None),
        with_toyota_stock(0.0),
        with_toyota_stock(low),
        with_toyota_stock(high),
    ):
        a = run(inv, offer)
        assert a.score is not None
        spare = [f.score or 0.0 for f in a.findings if f.rule_id == "SPARE-01"]
        scores.append((sum(spare), a.score))
    for before, after in itertools.pairwise(scores):
        assert after[0] >= before[0] - 1e-9
        assert after[1] >= before[1] - 1e-9
    # A blank stock cell is no stock at all: neither a pass nor an infinite stock.
    assert scores[1] == scores[2]
