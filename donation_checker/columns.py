"""Column helpers shared by the importer and the engine: Python work once per distinct value."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd


def map_unique(series: pd.Series, func: Callable[[object], object]) -> pd.Series:
    """func applied to each distinct value only, then mapped back to every row (missing → None).

    Results are placed one by one into an object array, so tuples stay single values.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = [func(u) for u in uniques]
    out = np.empty(len(series), dtype=object)
    valid = codes >= 0
    out[valid] = mapped[codes[valid]]
    out[~valid] = None
    return pd.Series(out, index=series.index, dtype=object)
