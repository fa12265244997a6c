"""The assessment engine: rules from a rule set applied to an offer against an inventory.

`assess()` is pure and deterministic; `KINDS` is the closed vocabulary of rule kinds a rule file
may use, with their parameters and condition placeholders.
"""

from .assess import assess
from .registry import KINDS, KindSpec, ParamSpec

__all__ = ["KINDS", "KindSpec", "ParamSpec", "assess"]
