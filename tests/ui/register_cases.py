"""Registers of generated cases for the GUI tests and the benchmark: donors, verdicts, years and
categories drawn from a seeded generator, so a filter's right answer is known in advance."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from donation_checker.assessment import Assessment, Verdict
from donation_checker.model import Offer
from donation_checker.register import Register
from donation_checker.ruleset import RuleSet
from tests.hand_made import hand_made

DONORS = ("Partner Alpha", "Partner Bravo", "Coalition Charlie", "Delta Aid", "Echo Fund")
YEARS = (2024, 2025, 2026)
LINES = (
    ("Camion", "Mercedes-Benz", "Zetros 1833"),
    ("Ambulance", "Toyota", "Land Cruiser 78"),
    ("Pick-up", "Toyota", "Land Cruiser 79"),
)


@dataclass(frozen=True)
class Made:
    """What was recorded, to compare with what the list shows."""

    number: str
    donor: str
    verdict: str
    year: int
    category: str  # the line's category as written in the offer


def offer_and_assessment(
    donor: str, reference: str, verdict: Verdict, date: dt.date, line: tuple[str, str, str]
) -> tuple[Assessment, Offer]:
    conditions = 1 if verdict == Verdict.CONDITIONAL else 0
    return hand_made(
        donor, reference, conditions=conditions, verdict=verdict, date=date, line=line, quantity=4
    )


def fill(register: Register, count: int, ruleset: RuleSet, seed: int = 15) -> list[Made]:
    rng = random.Random(seed)
    made = []
    for i in range(count):
        donor, verdict = rng.choice(DONORS), rng.choice(list(Verdict))
        year, line = rng.choice(YEARS), rng.choice(LINES)
        date = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        assessment, offer = offer_and_assessment(donor, f"REF-{i}", verdict, date, line)
        case = register.record(assessment, offer, officer="tester", ruleset=ruleset)
        made.append(Made(case.number, donor, verdict.value, year, line[0]))
    return made
