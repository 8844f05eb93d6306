"""How the trade report writes amounts and shares: US$ values (thousands for tiny amounts), shares that
would round to zero, and ranges of press figures. Built on :mod:`bilateral.fmt`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import fmt

__all__ = ["adaptive", "money", "money_range", "share_pct_text"]


def adaptive(x: float | None, digits: int = 1) -> str:
    """Format a number with ``digits`` decimals, or with enough decimals to show two significant
    digits when it would otherwise round to zero: ``adaptive(18.94) == "18.9"``,
    ``adaptive(0.0123) == "0.012"``, ``adaptive(0.0) == "0.0"``; missing values read "n/a"."""
    if x is None or pd.isna(x):
        return "n/a"
    x = float(x)
    if x != 0 and abs(x) < 0.5 * 10 ** (-digits):
        places = min(8, int(np.floor(-np.log10(abs(x)))) + 2)
        return f"{x:,.{places}f}"
    return f"{x:,.{digits}f}"


def share_pct_text(x: float | None, floor: float = 0.001) -> str:
    """A percentage share for prose: ``share_pct_text(18.94) == "18.9%"``, ``share_pct_text(0.0123) == "0.012%"``;
    positive shares below ``floor`` read "less than 0.001%" (a string of zeros tells the reader nothing);
    missing reads "n/a"."""
    if x is None or pd.isna(x):
        return "n/a"
    if 0 < float(x) < floor:
        return f"less than {floor:g}%"
    return f"{adaptive(x)}%"


def money(x: float | None) -> str:
    """US$ millions as text via :func:`bilateral.fmt.usd_m`, but amounts under US$50,000 in thousands:
    ``money(2597.9) == "US$2.6 billion"``, ``money(0.0021) == "US$2 thousand"``."""
    if x is not None and not pd.isna(x) and x != 0 and abs(x) < 0.05:
        return f"US${x * 1000:,.0f} thousand"
    return fmt.usd_m(x)


def money_range(values: Sequence[float]) -> str:
    """``money_range([5800, 5842, 6000]) == "US$5.8–6.0 billion"``; one value (or equal values) as :func:`money`."""
    lo, hi = float(min(values)), float(max(values))
    if round(lo, 1) == round(hi, 1) or len(values) == 1:
        return money(lo)
    if lo >= 1000:
        return f"US${lo / 1000:,.1f}–{hi / 1000:,.1f} billion"
    return f"US${lo:,.1f}–{hi:,.1f} million"
