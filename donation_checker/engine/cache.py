"""The engine's cache: results shared by every offer line with the same key, one typed memo per
purpose, so that a long offer of a few models computes each of them once."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import numpy as np
import pandas as pd

from ..assessment import RowRef, Text
from ..messages import Message, Value

if TYPE_CHECKING:
    from .ledger import Allocation

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """Values computed once per key."""

    __slots__ = ("_found",)

    def __init__(self) -> None:
        self._found: dict[K, V] = {}

    def get(self, key: K, compute: Callable[[], V]) -> V:
        found = self._found
        if key not in found:
            found[key] = compute()
        return found[key]


class LineCache:
    """Offer cells read into canonical values: offers repeat the same wording on many lines,
    so each distinct cell (keyed by context.exact) is canonicalised once."""

    def __init__(self) -> None:
        self.category: Memo[Hashable, tuple[str, Text, Mapping[str, Any]]] = Memo()
        self.names: Memo[Hashable, tuple[str, str, str, str]] = Memo()
        self.languages: Memo[Hashable, tuple[str, ...] | None] = Memo()
        self.fuel: Memo[Hashable, str | None] = Memo()
        self.drive_side: Memo[Hashable, str | None] = Memo()
        self.transmission: Memo[Hashable, str | None] = Memo()
        self.complexity: Memo[Hashable, str | None] = Memo()
        self.condition: Memo[Hashable, str | None] = Memo()
        self.inspection: Memo[Hashable, str | None] = Memo()


class SupportCache:
    """Look-ups on the inventory's support tables, per make, category or year."""

    def __init__(self) -> None:
        self.workshop_rows: Memo[str | None, tuple[RowRef, ...]] = Memo()
        self.personnel_rows: Memo[str, tuple[RowRef, ...]] = Memo()
        self.parts: Memo[str, pd.DataFrame | None] = Memo()
        self.parts_rows: Memo[str, tuple[RowRef, ...]] = Memo()
        self.parts_mask: Memo[str, np.ndarray | None] = Memo()
        self.parts_lead: Memo[str, tuple[float | None, tuple[RowRef, ...]]] = Memo()
        self.supplier_places: Memo[str, frozenset[str]] = Memo()
        self.pledge_partners: Memo[tuple[str, float, float], list[str]] = Memo()
        self.currency_code: Memo[str | None, str | None] = Memo()
        self.headroom: Memo[int, float | None] = Memo()
        self.alternative: Memo[tuple[str, str], tuple[Value | None, Message | None]] = Memo()


class LedgerCache:
    """The capacity ledger's allocations of one kind of resource, and what each leaves short."""

    def __init__(self) -> None:
        self.by_kind: Memo[str, Allocation] = Memo()
        self.short: Memo[tuple[str, str], int | None] = Memo()
