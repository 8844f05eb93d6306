"""Years, periods and dates, defined once for every report.

A *period* is always an inclusive pair of years ``(first, last)``; a run of periods is a list of such
pairs (:func:`spans`). Dates are ISO 8601 strings, possibly partial (``"1992"``, ``"1992-02"``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from bilateral import fmt

_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def spans(start: int, end: int, width: int = 5) -> list[tuple[int, int]]:
    """Consecutive periods of ``width`` years from ``start``; the last ends at ``end`` (possibly shorter).

    Example:
        >>> spans(1995, 2006, 5)
        [(1995, 1999), (2000, 2004), (2005, 2006)]
    """
    if width < 1:
        raise ValueError(f"period width must be at least 1 year, got {width}")
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    return [(lo, min(lo + width - 1, end)) for lo in range(start, end + 1, width)]


def label(lo: int, hi: int) -> str:
    """``label(1995, 1999) == "1995–1999"``; ``label(2003, 2003) == "2003"``."""
    return fmt.years(lo, hi)


def assign(years: pd.Series, periods: Sequence[tuple[int, int]]) -> pd.Series:
    """The period label of each year (missing for years outside every period)."""
    labels = {y: label(lo, hi) for lo, hi in periods for y in range(lo, hi + 1)}
    return years.map(labels).astype("string")


def gap_years(wide: pd.DataFrame) -> dict[str, list[int]]:
    """Years with no value, per column of a year × series frame (columns without gaps are left out)."""
    return {c: [int(y) for y in wide.index[wide[c].isna()]] for c in wide.columns if wide[c].isna().any()}


def decimal_year(dates: pd.Series, precision: pd.Series | None = None) -> pd.Series:
    """ISO dates as fractional years for plotting: a day's own position, mid-month for month precision,
    mid-year for year precision (``precision`` values ``day``, ``month``, ``year``).

    Example:
        >>> decimal_year(pd.Series(["2020-01-01", "2010-07-01"]), pd.Series(["year", "month"])).round(3).tolist()
        [2020.5, 2010.542]
    """
    text = dates.astype("string").str.strip()
    y = pd.to_numeric(text.str[:4], errors="coerce").astype(float)
    m = pd.to_numeric(text.str[5:7], errors="coerce").fillna(1).astype(float)
    d = pd.to_numeric(text.str[8:10], errors="coerce").fillna(1).astype(float)
    prec = (precision.astype("string") if precision is not None else pd.Series("day", index=dates.index)).fillna("day")
    frac = np.where(prec == "year", 0.5, np.where(prec == "month", (m - 0.5) / 12, (m - 1 + (d - 0.5) / 31) / 12))
    return pd.Series(y.to_numpy() + frac, index=dates.index)


def parse_iso_value(value: str) -> tuple[date, date]:
    """Parse an ISO 8601 date value (YYYY, YYYY-MM, YYYY-MM-DD, or an interval ``start/end``).

    Returns:
        The first and last day the value covers.

    Raises:
        ValueError: when the value is not such a date or the interval runs backwards.
    """
    if "/" in value:
        start_text, _, end_text = value.partition("/")
        start, _ = parse_iso_value(start_text)
        _, end = parse_iso_value(end_text)
        if end < start:
            raise ValueError(f"interval {value!r} ends before it starts")
        return start, end
    if not _ISO_PARTIAL.match(value):
        raise ValueError(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        start = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return start, date.fromordinal(nxt.toordinal() - 1)
    day = date(*parts)
    return day, day
