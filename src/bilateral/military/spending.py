"""Military expenditure computations: pure functions on SIPRI's spending table (``military_expenditure``).

No sentences, no matplotlib; the sentences are in :mod:`bilateral.military.spending_text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

__all__ = ["change_pct", "milex_notes", "milex_wide", "missing_countries", "ratio_summary", "spending_ratio"]


def milex_wide(milex: pd.DataFrame, countries: Sequence[str], years: Iterable[int], column: str) -> pd.DataFrame:
    """Year × country frame of one milex column (missing stays missing; countries absent from the table are dropped).

    Columns are ISO3 codes, in the order given.
    """
    years = list(years)
    wide = milex.pivot_table(index="year", columns="iso3", values=column, aggfunc="first")
    present = [c for c in countries if c in wide.columns]
    out = wide.reindex(index=years, columns=present).astype(float)
    out.index.name = "year"
    out.columns.name = None
    return out


def missing_countries(milex: pd.DataFrame, countries: Sequence[str]) -> list[str]:
    """Countries with no row in the milex table."""
    have = set(milex["iso3"])
    return [c for c in countries if c not in have]


def spending_ratio(
    milex: pd.DataFrame, a: str, rival: str, years: Iterable[int], column: str = "milex_usd_m_const2023"
) -> pd.DataFrame:
    """``a``'s spending divided by ``rival``'s, year by year.

    Returns:
        Frame indexed by year with columns ``a``, ``rival`` (the two series) and ``ratio``
        (missing where either is missing or the rival's is 0).
    """
    wide = milex_wide(milex, [a, rival], years, column)
    for c in (a, rival):
        if c not in wide:
            wide[c] = np.nan
    den = wide[rival].where(wide[rival] > 0)
    return pd.DataFrame({a: wide[a], rival: wide[rival], "ratio": wide[a] / den})


def ratio_summary(ratio: pd.DataFrame) -> dict:
    """Latest, highest and lowest value of a :func:`spending_ratio` frame (years with a ratio only).

    Returns:
        ``latest_year``, ``latest``, ``max_year``, ``max``, ``min_year``, ``min``, ``n_years``; values
        None when no year has a ratio.
    """
    r = ratio["ratio"].dropna()
    if r.empty:
        return {
            "latest_year": None,
            "latest": None,
            "max_year": None,
            "max": None,
            "min_year": None,
            "min": None,
            "n_years": 0,
        }
    return {
        "latest_year": int(r.index.max()),
        "latest": float(r.loc[r.index.max()]),
        "max_year": int(r.idxmax()),
        "max": float(r.max()),
        "min_year": int(r.idxmin()),
        "min": float(r.min()),
        "n_years": len(r),
    }


def change_pct(series: pd.Series) -> tuple[int | None, int | None, float | None]:
    """Percentage change from the first to the last non-missing value of a yearly series.

    Returns:
        ``(first_year, last_year, change_pct)``; Nones if fewer than two values or the first is 0.
    """
    s = series.dropna()
    if len(s) < 2 or s.iloc[0] == 0:
        return None, None, None
    return int(s.index[0]), int(s.index[-1]), float(100 * (s.iloc[-1] / s.iloc[0] - 1))


def milex_notes(milex: pd.DataFrame, countries: Sequence[str], years: Iterable[int]) -> dict[str, str]:
    """SIPRI's footnote marks per country over ``years`` (distinct marks joined by ``", "``); countries without marks are left out."""
    rows = milex[milex["iso3"].isin(countries) & milex["year"].isin(list(years))].dropna(subset=["sipri_notes"])
    out = {}
    for c in countries:
        marks = sorted(set(rows.loc[rows["iso3"] == c, "sipri_notes"]))
        if marks:
            out[c] = ", ".join(marks)
    return out
