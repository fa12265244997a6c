"""Other partners' pledges as the rules read them: per category, within a window around the
offer date, without the donor's own; computed once per category and window."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import pandas as pd

from ..assessment import RowRef
from ..normalise import fold

if TYPE_CHECKING:
    from .context import Context


class PledgeView:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._within: dict[tuple[str, float, float], pd.DataFrame] = {}
        self._rows: dict[int, tuple[RowRef, ...]] = {}

    @cached_property
    def _by_cat(self) -> dict[str, pd.DataFrame]:
        pledges = self.ctx.pledges
        return {} if pledges is None else {str(c): f for c, f in pledges.groupby("cat", sort=False)}

    def within(self, cat: str, months_before: float, months_after: float) -> pd.DataFrame | None:
        """Other partners' pledges in the category within the window (undated ones are kept);
        None without a pledges table or an offer date."""
        ctx = self.ctx
        pledges = ctx.pledges
        if pledges is None or ctx.ref_date is None:  # no window without a date
            return None
        key = (cat, months_before, months_after)
        if key not in self._within:
            ref = pd.Timestamp(ctx.ref_date)
            start = ref - pd.DateOffset(months=int(months_before))
            end = ref + pd.DateOffset(months=int(months_after))
            sub = self._by_cat.get(cat, pledges.iloc[0:0])
            donor = fold(ctx.offer.header.donor)
            keep = sub["date"].isna() | sub["date"].between(start, end)
            if donor:
                keep &= sub["partner"].fillna("") != donor
            self._within[key] = sub[keep.to_numpy()]
        return self._within[key]

    def rows(self, frame: pd.DataFrame) -> tuple[RowRef, ...]:
        """The pledges rows behind a selection, at most max_evidence_rows of them."""
        if id(frame) not in self._rows:
            ctx = self.ctx
            name = ctx.inventory.pledges.name if ctx.inventory.pledges is not None else "pledges"
            head = frame.head(ctx.max_rows)
            self._rows[id(frame)] = tuple(
                RowRef(name, str(s), int(r))
                for s, r in zip(head["sheet"], head["row"], strict=True)
            )
        return self._rows[id(frame)]
