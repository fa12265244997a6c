"""What every rule-kind module uses: the outcomes of a rule that cannot judge or does not apply,
and the declarations of the kinds' parameters (their meaning is in the message catalogue)."""

from __future__ import annotations

from ..assessment import Evidence, Status
from ..messages import Message
from .registry import Outcome, ParamSpec


def unknown(message: Message, *evidence: Evidence) -> Outcome:
    """The data the rule needs is missing: judged at its worst case by the engine."""
    return Outcome(None, message, tuple(evidence), status=Status.UNKNOWN)


def not_applicable(message: Message) -> Outcome:
    """The rule does not apply to the line (its weight counts for nothing)."""
    return Outcome(100.0, message, applicable=False, status=Status.PASS)


def number_param(default: float | None) -> ParamSpec:
    return ParamSpec("number", default)


def texts_param(default: list[str]) -> ParamSpec:
    return ParamSpec("texts", default)


def ladder_param(default: list[list[float]]) -> ParamSpec:
    return ParamSpec("ladder", default)
