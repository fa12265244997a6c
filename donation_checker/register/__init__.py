"""The register of offers: cases, decisions, conditions and the portfolio across donors.

Importing this package loads SQLAlchemy; the command line imports it only for the commands
that use a register.
"""

from .location import RegisterUnavailable, check_storable, choose_address, masked
from .reading import CaseNotFound
from .records import (
    Case,
    CaseFilter,
    CaseStatus,
    CaseSummary,
    ConditionStatus,
    Decision,
    HistoryEntry,
    OverdueCondition,
    Page,
    Pledge,
    RecordedLine,
    TrackedCondition,
)
from .store import Register, RegisterConflict, case_number

__all__ = [
    "Case",
    "CaseFilter",
    "CaseNotFound",
    "CaseStatus",
    "CaseSummary",
    "ConditionStatus",
    "Decision",
    "HistoryEntry",
    "OverdueCondition",
    "Page",
    "Pledge",
    "RecordedLine",
    "Register",
    "RegisterConflict",
    "RegisterUnavailable",
    "TrackedCondition",
    "case_number",
    "check_storable",
    "choose_address",
    "masked",
]
