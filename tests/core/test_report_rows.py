"""The report's content as plain rows, and the shareable rendering policy, without a PDF."""

from __future__ import annotations

import dataclasses

from donation_checker.assessment import Evidence, RowRef, Status, Text, Verdict
from donation_checker.formatting import NARROW_NBSP
from donation_checker.messages import Message, count, money, msg, people, percent, place, year
from donation_checker.render import Renderer
from donation_checker.report import rows as R
from donation_checker.report.texts import all_label_keys, label, verdict_name
from tests.core.report_fixtures import (
    SENSITIVE_NUMBERS,
    SENSITIVE_PLACES,
    make_assessment,
    rule_ids,
)


def test_every_label_exists_in_both_languages_and_differs_where_it_should() -> None:
    same_allowed = {"conditions", "version", "condition_tag", "source", "total", "absorbable",
                    "band_models_1", "band_10_49", "xlsx_sheets.conditions", "xlsx_heads.text",
                    "xlsx_heads.sha"}  # fmt: skip
    for key in all_label_keys():
        en, fr = (
            label(key, "en", n="1", m="2", date="d", currency="c", chars="x", role="r"),
            label(key, "fr", n="1", m="2", date="d", currency="c", chars="x", role="r"),
        )
        assert en.strip() and fr.strip(), key
        if key not in same_allowed:
            assert en != fr, f"{key} is not translated"


def test_verdict_names_in_french_are_natural() -> None:
    assert [verdict_name(v, "fr") for v in Verdict] == [
        "acceptation",
        "acceptation sous conditions",
        "réorientation",
        "refus",
    ]


def test_unknown_family_score_is_shown_as_unknown_not_zero() -> None:
    rows = R.family_rows(make_assessment(), "en")
    spares = next(r for r in rows if r.key == "spares")
    assert spares.score is None
    assert spares.score_text == "unknown"
    assert spares.name == "Spare parts"


def test_line_rows_name_the_main_finding_with_its_message() -> None:
    rows = R.line_rows(make_assessment(), "en")
    assert [r.number for r in rows] == ["1", "2", "3"]
    assert rows[1].main_finding.startswith("MAINT-01: ")
    assert rows[2].verdict == "accept with conditions"


def test_key_reasons_put_blocking_failures_first_and_count_other_lines() -> None:
    reasons = R.key_reason_rows(make_assessment(6), "en")
    assert reasons[0].rule_id == "COMP-04"
    assert reasons[0].status is Status.FAIL
    assert "(and 1 other line)" in reasons[0].where
    assert len({r.rule_id for r in reasons}) == len(reasons)


def test_conditions_that_lift_a_knockout_come_first() -> None:
    rows = R.condition_rows(make_assessment(), "fr")
    assert rows[0].removes_knockout
    assert rows[0].where.startswith("ligne 3")
    assert any(r.where == "toute l’offre" for r in rows)


def test_findings_are_grouped_by_family_worst_rule_first() -> None:
    groups = R.finding_groups(make_assessment(), "en")
    compat = next(g for g in groups if g.key == "compatibility")
    assert [r.rule_id for r in compat.rules] == ["COMP-04", "COMP-02", "COMP-01"]
    comp01 = compat.rules[-1].rows[0]
    assert "Units of this model in the fleet: 137" in comp01.evidence
    assert comp01.evidence[-1] == "inventory rows: Parc 12, 13, 14"


def test_model_years_are_not_grouped_like_quantities() -> None:
    ev = Evidence("model_year", Text("Model year", "Année modèle"), year(2016))
    assert R.format_evidence(ev, "fr") == "Année modèle\u00a0: 2016"
    qty = Evidence("units", Text("Units", "Unités"), count(4821))
    assert R.format_evidence(qty, "fr") == f"Unités\u00a0: 4{NARROW_NBSP}821"


def test_row_references_are_capped() -> None:
    ev_rows = tuple(RowRef("fleet", "Parc", n) for n in range(1, 21))
    text = R.format_row_refs(ev_rows, "en")
    assert text.endswith("and 12 more")


def test_cost_rows_flag_years_above_headroom() -> None:
    rows = R.cost_year_rows(make_assessment(), "en")
    assert [r.exceeds for r in rows] == [False, False, False, True, True]
    assert rows[3].share == "125%"
    shared = R.cost_year_rows(make_assessment(), Renderer("en", share=True))
    assert {r.headroom for r in shared} == {"[100,000,000–1,000,000,000]"}
    assert shared[3].share == "exceeds headroom"


def test_hidden_counts_are_written_as_bands_suited_to_their_unit() -> None:
    r = Renderer("en", share=True)
    assert [r.value(count(v, "holdings")) for v in (0, 1, 9, 10, 49, 50, 199, 200)] == [
        "[0]",
        "[1–9]",
        "[1–9]",
        "[10–49]",
        "[10–49]",
        "[50–199]",
        "[50–199]",
        "[200 or more]",
    ]
    fr = Renderer("fr", share=True)
    assert fr.value(money(161_120_000, "FCFA", "budget")) == (
        f"[100{NARROW_NBSP}000{NARROW_NBSP}000 à 1{NARROW_NBSP}000{NARROW_NBSP}000{NARROW_NBSP}000 FCFA]"
    )
    assert fr.value(people(3, "personnel")) == "[1 à 9]"


def test_a_value_computed_from_a_sovereign_one_is_hidden_with_it() -> None:
    qualified = people(62, "personnel")
    trained = people(6)
    total = people(68, derived_from=(qualified, trained))
    free = money(600_000_000, "FCFA", "budget")
    share = percent(0.32, derived_from=(money(192_000_000, "FCFA"), free))
    shown, hidden = Renderer("en"), Renderer("en", share=True)
    assert [shown.value(v) for v in (qualified, trained, total, share)] == ["62", "6", "68", "32%"]
    assert [hidden.value(v) for v in (qualified, trained, total, share)] == [
        "[50–199]",
        "6",
        "[50–199]",
        "withheld",
    ]
    assert hidden.value(place("Tessalit-Nord")) == "withheld"


def test_the_shareable_version_never_shows_an_untyped_sentence() -> None:
    untyped = Message("", template=Text("3 mechanics at Tessalit-Nord.", "3 à Tessalit-Nord."))
    assert Renderer("en").message(untyped) == "3 mechanics at Tessalit-Nord."
    assert "Tessalit" not in Renderer("en", share=True).message(untyped)


def test_shareable_messages_take_their_share_wording_when_a_value_is_hidden() -> None:
    m = msg(
        "impact.hours.need",
        need=count(2000),
        have=count(7600, "workshop_capacity"),
        share=percent(0.26, derived_from=(count(2000), count(7600, "workshop_capacity"))),
    )
    assert Renderer("en").message(m) == (
        "The offer needs 2,000 workshop hours a year: 26% of the 7,600 free hours."
    )
    shared = Renderer("fr", share=True).message(m)
    assert "26" not in shared and "7" not in shared
    assert shared.startswith("L’offre demande 2\u202f000 heures d’atelier par an\u00a0;")


def test_shared_rows_hold_no_sensitive_value_or_row_reference() -> None:
    a = make_assessment()
    r = Renderer("fr", share=True)
    groups = R.finding_groups(a, r)
    blob = repr(groups) + repr(R.counter_rows(a, r)) + repr(R.condition_rows(a, r))
    blob += repr(R.fleet_rows(a.fleet_impact, r)) + repr(R.input_rows(a, r))
    for secret in (*SENSITIVE_NUMBERS, *SENSITIVE_PLACES):
        assert secret not in blob
    assert "Parc 12" not in blob


def test_counter_proposals_that_change_nothing_are_left_out() -> None:
    a = make_assessment()
    same = dataclasses.replace(
        a.counter_proposals[0], line=0, offered=20, absorbable=20, limiting_factor=None,
        alternative=None, alternative_reason=None,
    )  # fmt: skip
    rows = R.counter_rows(
        dataclasses.replace(a, counter_proposals=(same, *a.counter_proposals)), "en"
    )
    assert [r.where for r in rows] == ["line 2 — Mercedes-Benz Unimog U4000 × 12"]
    assert rows[0].alternative.startswith("Toyota Land Cruiser 79 — already in service")


def test_summarised_rules_count_every_line_and_detail_the_worst_few() -> None:
    a = make_assessment(300)
    groups = R.finding_groups(a, "en", worst=R.WORST_SHOWN)
    rules = {r.rule_id: r for g in groups for r in g.rules}
    assert set(rules) == rule_ids(a)
    comp01 = rules["COMP-01"]  # passes on every line it judges: nothing to detail
    assert comp01.counts == ((Status.PASS, 100),)
    assert comp01.rows == () and comp01.hidden == 100
    assert comp01.score_range == "100/100"
    cond01 = rules["COND-01"]
    assert cond01.counts == ((Status.WARN, 100),)
    assert len(cond01.rows) == R.WORST_SHOWN and cond01.hidden == 100 - R.WORST_SHOWN
    assert cond01.rows[0].evidence  # the lines shown keep their evidence
    comp02 = rules["COMP-02"]  # a whole-offer finding is always shown
    assert comp02.rows[0].where == "whole offer" and comp02.hidden == 0


def test_worst_lines_are_the_lowest_scores_among_those_that_did_not_pass() -> None:
    a = make_assessment(9)
    scores = (70.0, 10.0, 40.0, 90.0, 30.0, 60.0, 20.0, 50.0, 80.0)
    findings = tuple(
        dataclasses.replace(f, score=scores[f.line or 0]) if f.rule_id == "COND-01" else f
        for f in a.findings
    )
    a = dataclasses.replace(a, findings=findings)
    rule = next(
        r for g in R.finding_groups(a, "en", worst=2) for r in g.rules if r.rule_id == "COND-01"
    )
    # COND-01 judges lines 1, 4 and 7 (0-based 0, 3, 6): scores 70, 90 and 20.
    assert [r.where.split(" — ")[0] for r in rule.rows] == ["line 7", "line 1"]
    assert rule.score_range == "20–90/100"


def test_condition_summary_keeps_a_few_wordings_per_rule_and_counts_the_rest() -> None:
    a = make_assessment(12)
    reworded = tuple(
        dataclasses.replace(c, text=Text(f"Train {c.line} mechanics.", f"Former {c.line}."))
        if c.rule_id == "MAINT-01"
        else c
        for c in a.conditions
    )
    a = dataclasses.replace(a, conditions=reworded)
    summary = R.condition_summary(a, "en", per_rule=1)
    assert [r.rule_id for r in summary.rows].count("MAINT-01") == 1
    assert summary.other_wordings == len([c for c in reworded if c.rule_id == "MAINT-01"]) - 1
    assert len(R.condition_rows(a, "en")) == len(summary.rows) + summary.other_wordings


def test_line_lists_are_complete_without_a_limit() -> None:
    assert R.lines_list(range(20), "en") == "lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 8 more"
    assert R.lines_list(range(20), "en", limit=None).endswith("19, 20")


def test_capped_lists_keep_the_largest_cuts_and_the_costliest_lines() -> None:
    a = make_assessment(30)
    cps = tuple(
        dataclasses.replace(a.counter_proposals[0], line=i, offered=10 + i, absorbable=0)
        for i in range(30)
    )
    a = dataclasses.replace(a, counter_proposals=cps)
    top = R.counter_rows(a, "en", limit=3)
    assert [r.offered for r in top] == ["39", "38", "37"]
    assert R.counter_count(a) == 30 and len(R.counter_rows(a, "en")) == 30
    _, rows = R.cost_line_rows(a, "en", limit=4)
    assert len(rows) == 4
    # Lines 3, 6, 9… (0-based 2, 5, 8…) cost the most in the fixture.
    assert all(r[0].startswith(("line 3 ", "line 6 ", "line 9 ", "line 12 ")) for r in rows)


def test_family_names_come_from_the_rule_set_so_a_new_family_has_its_own_name() -> None:
    a = dataclasses.replace(
        make_assessment(),
        families={**make_assessment().families, "cyber": 80.0},
        family_weights={**make_assessment().family_weights, "cyber": 5.0},
        family_titles={"cyber": Text("Cyber security", "Cybersécurité")},
    )
    names = {r.key: r.name for r in R.family_rows(a, "fr")}
    assert names["cyber"] == "Cybersécurité"
    assert names["spares"] == "Pièces de rechange"  # the shipped family keeps its name
