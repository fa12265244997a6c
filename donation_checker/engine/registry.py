"""The closed vocabulary of rule kinds: what each kind measures, its parameters and placeholders.

A rule file may only name a kind listed here. Each kind declares its parameters (type and
default) and the placeholders it fills in condition texts, so the rule-set loader can reject a
bad file up front. What a kind and its parameters mean, in the reader's language, is in the
message catalogue under the keys KindSpec names (kinds.<kind>.title, .description,
.params.<name>; params.pass_at and params.fail_below for the two every kind takes).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..assessment import Evidence, Status
from ..messages import Message, msg

if TYPE_CHECKING:
    from ..ruleset import Rule
    from .context import Context, LineInfo

# Placeholders every kind provides for its condition text.
COMMON_PLACEHOLDERS = ("category", "make", "model", "qty", "line", "label")
# Parameters every kind takes; their meaning is the same for all (params.<name>).
COMMON_PARAMS = ("pass_at", "fail_below")


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a kind. type: number, int, bool, text, texts, ladder (each named in the
    catalogue under params.types)."""

    type: str
    default: Any

    def check(self, value: Any) -> Message | None:
        """None when `value` fits this parameter, else the problem (params.bad_type)."""
        ok: bool
        if self.type == "number":
            ok = _is_number(value) and value >= 0
        elif self.type == "int":
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        elif self.type == "bool":
            ok = isinstance(value, bool)
        elif self.type == "text":
            ok = isinstance(value, str)
        elif self.type == "texts":
            ok = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        elif self.type == "ladder":
            ok = isinstance(value, list | tuple) and all(
                isinstance(p, list | tuple)
                and len(p) == 2
                and all(_is_number(x) for x in p)
                and 0 <= p[1] <= 100
                for p in value
            )
        else:  # pragma: no cover - a programming error in a declaration
            raise ValueError(self.type)
        if ok:
            return None
        return msg("params.bad_type", type=msg(f"params.types.{self.type}"))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@dataclass(frozen=True)
class Outcome:
    """What a kind says about one line (or the whole offer) before the engine makes a Finding."""

    score: float | None
    message: Message
    evidence: tuple[Evidence, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict)  # placeholder values
    knockout: bool = False  # the knock-out criterion is met (only counts if the rule is a KO)
    applicable: bool = True  # False: the rule does not apply (radio and drive side) → weight 0
    status: Status | None = None  # forced status; otherwise derived from the score


ScoreFn = Callable[["Rule", "Context", "LineInfo | None"], Outcome]
LineKey = Callable[["LineInfo"], Hashable]


@dataclass(frozen=True)
class KindSpec:
    name: str
    scope: str  # "line": scored per offer line; "offer": once for the whole offer
    data: tuple[str, ...]  # the inputs it reads, for docs
    params: Mapping[str, ParamSpec]
    placeholders: frozenset[str]
    score: ScoreFn
    # Everything of a line the kind reads (line kinds): lines with equal keys get the same
    # outcome, computed once. Long offers repeat a few models, so most kinds see a few dozen.
    key: LineKey | None = None
    # The capacity-ledger resource kind the outcome reads (mechanics, drivers, spares): lines
    # then share an outcome only when the ledger also grants them the same number of units.
    ledger: str | None = None

    def line_keys(self, ctx: Context) -> list[Hashable]:
        """Per offer line, what decides the kind's outcome: lines with equal keys share one."""
        key = self.key
        keys: list[Hashable] = [
            key(info) if key is not None else ("line", info.index) for info in ctx.lines
        ]
        if self.ledger is None:
            return keys
        granted = ctx.capacity.of(self.ledger).granted
        return [(k, granted[i]) for i, k in enumerate(keys)]

    def defaults(self) -> Mapping[str, Any]:
        return {k: p.default for k, p in self.params.items()}

    @property
    def title_key(self) -> str:
        """The catalogue key of the kind's short name."""
        return f"kinds.{self.name}.title"

    @property
    def description_key(self) -> str:
        """The catalogue key of what the kind measures."""
        return f"kinds.{self.name}.description"

    def param_key(self, param: str) -> str:
        """The catalogue key of what one of the kind's parameters means."""
        if param in COMMON_PARAMS:
            return f"params.{param}"
        return f"kinds.{self.name}.params.{param}"


def kind(
    name: str,
    scope: str,
    data: tuple[str, ...],
    params: Mapping[str, ParamSpec],
    placeholders: tuple[str, ...],
    fn: ScoreFn,
    key: LineKey | None = None,
    ledger: str | None = None,
) -> KindSpec:
    # None: the rule set's own pass_at and fail_below apply.
    base = {name: ParamSpec("number", None) for name in COMMON_PARAMS}
    return KindSpec(
        name=name,
        scope=scope,
        data=data,
        params=MappingProxyType({**base, **params}),
        placeholders=frozenset((*COMMON_PLACEHOLDERS, *placeholders)),
        score=fn,
        key=key,
        ledger=ledger,
    )


def _collect() -> Mapping[str, KindSpec]:
    from . import kinds_absorption, kinds_compat, kinds_offer, kinds_support

    specs: dict[str, KindSpec] = {}
    for module in (kinds_compat, kinds_support, kinds_absorption, kinds_offer):
        for spec in module.SPECS:
            if spec.name in specs:  # pragma: no cover - a programming error
                raise ValueError(f"duplicate kind {spec.name}")
            specs[spec.name] = spec
    return MappingProxyType(specs)


KINDS: Mapping[str, KindSpec] = _collect()
