"""Pure computations on tables for the claim checks and the summary: years that rose and the trend of a
series, the value least favourable to a claim, barrels per tonne, the claims of a period, and the number
of claims by verdict and seed document. No sentences, no charts.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral.claims.model import VERDICTS

__all__ = [
    "barrels_per_tonne",
    "least_favourable",
    "rising_years",
    "select_claims",
    "trend_slope",
    "verdict_counts",
]


def rising_years(values: pd.Series) -> tuple[int, int]:
    """How many year-on-year steps rose, and how many steps have both years' values.

    Args:
        values: a series indexed by consecutive years (NaN where missing).

    Example:
        >>> rising_years(pd.Series([1.0, 2.0, 2.0, 1.0, 3.0], index=range(2000, 2005)))
        (2, 4)
    """
    v = values.astype(float)
    prev = v.shift(1)
    both = v.notna() & prev.notna()
    return int((v[both] > prev[both]).sum()), int(both.sum())


def trend_slope(values: pd.Series) -> float:
    """Least-squares slope of the values on the years (index), NaNs left out; NaN with fewer than two points."""
    v = values.astype(float).dropna()
    if len(v) < 2:
        return float("nan")
    return float(np.polyfit(np.asarray(v.index, dtype=float), v.to_numpy(), 1)[0])


def least_favourable(values: Sequence[float], claimed: float, qualifier: str) -> int:
    """Position of the value least favourable to the claim: the lowest for a lower bound (``more_than``,
    ``at_least``), the highest for an upper bound, the farthest from the claimed value otherwise."""
    vals = [float(v) for v in values]
    if qualifier in ("more_than", "at_least"):
        return int(np.argmin(vals))
    if qualifier in ("less_than", "at_most"):
        return int(np.argmax(vals))
    return int(np.argmax([abs(v - claimed) for v in vals]))


def barrels_per_tonne(series: pd.DataFrame, iso3: str, years: Iterable[int]) -> float:
    """Barrels per tonne implied by a country's oil production in both units (Energy Institute), pooled.

    ``sum(kb/d x days of the year / 1000) / sum(million tonnes)`` over the years with both figures.

    Args:
        series: ``energy_series`` rows (``iso3, year, indicator, value``).
        iso3: the producing country.
        years: the years pooled.

    Returns:
        Barrels per tonne, or NaN if no year has both figures.
    """
    years = list(years)
    rows = series[
        (series["iso3"] == iso3)
        & series["year"].isin(years)
        & series["indicator"].isin(["oil_production_kbd", "oil_production_mt"])
    ]
    wide = rows.pivot_table(index="year", columns="indicator", values="value", aggfunc="first").dropna()
    if wide.empty or not {"oil_production_kbd", "oil_production_mt"} <= set(wide.columns):
        return float("nan")
    days = np.array([366 if calendar.isleap(int(y)) else 365 for y in wide.index], dtype=float)
    mbbl = (wide["oil_production_kbd"].to_numpy(dtype=float) * days / 1000).sum()
    return float(mbbl / wide["oil_production_mt"].to_numpy(dtype=float).sum())


def select_claims(claims: pd.DataFrame, start_year: int, end_year: int) -> pd.DataFrame:
    """Claims about a year in the period, and every claim without a year."""
    year = claims["year"]
    keep = year.isna() | ((year >= start_year) & (year <= end_year))
    return claims[keep.fillna(True).astype(bool).to_numpy()].reset_index(drop=True)


def verdict_counts(results: pd.DataFrame) -> pd.DataFrame:
    """Number of claims by verdict (rows, in :data:`VERDICTS` order) and seed document (columns), with a total column and row."""
    seeds = list(dict.fromkeys(results["seed_name"]))
    table = pd.crosstab(results["verdict"], results["seed_name"]).reindex(
        index=list(VERDICTS), columns=seeds, fill_value=0
    )
    table["All claims"] = table.sum(axis=1)
    table.loc["All verdicts"] = table.sum(axis=0)
    table.index.name = "Verdict"
    table.columns.name = None
    return table.astype(int)
