"""Energy report, computation: production and consumption to 2024 from Our World in Data (TWh), joined to
the Energy Institute 2023 series (EJ converted exactly) only where the two agree in the overlap years.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral import fmt
from bilateral.energy.compute import USSR_SPLIT_YEAR, USSR_SUCCESSORS, country_wide, ei_wide

__all__ = [
    "JOIN_TOLERANCE_PCT",
    "JOIN_WINDOW",
    "OWID_EI_PAIRS",
    "OWID_LABELS",
    "TWH_PER_EJ",
    "agree",
    "comparison_table",
    "ei_twh",
    "items_frame",
    "joined",
    "overlap_differences",
    "owid_items",
    "owid_wide",
    "owid_years",
]

# ---------------------------------------------------------------------------------------------
# Production and consumption to 2024: OWID (TWh) joined to the EI 2023 series only where they agree
# ---------------------------------------------------------------------------------------------

#: Exact unit conversion: 1 EJ = 10^18 J and 1 TWh = 3.6 × 10^15 J.
TWH_PER_EJ = 1e18 / 3.6e15
#: OWID series with an EI 2023 counterpart in exajoules (an exact conversion into TWh, no gas or oil factor).
OWID_EI_PAIRS = {
    "gas_production": "gas_production_ej",
    "gas_consumption": "gas_consumption_ej",
    "primary_energy_consumption": "primary_energy_consumption_ej",
}
#: The series are joined only if every overlap year of the comparison window differs by at most this much.
JOIN_TOLERANCE_PCT = 2.0
#: Overlap years compared: the last this many years that both series have.
JOIN_WINDOW = 10
OWID_LABELS = {
    "gas_production": "gas production", "gas_consumption": "gas consumption", "oil_production": "oil production",
    "oil_consumption": "oil consumption", "primary_energy_consumption": "primary energy consumption",
}  # fmt: skip


def owid_wide(owid: pd.DataFrame, iso3: str, indicators: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """One country's OWID series (TWh) as columns, one row per year (NaN where OWID has no value).

    Years before :data:`USSR_SPLIT_YEAR` are blanked for former Soviet republics, as for the EI series.
    """
    return country_wide(owid, iso3, indicators, years, "value_twh")


def ei_twh(series: pd.DataFrame, iso3: str, owid_indicator: str, years: Iterable[int]) -> pd.Series:
    """The EI 2023 counterpart of an OWID series, converted from EJ to TWh exactly (NaN if none)."""
    ei = OWID_EI_PAIRS.get(owid_indicator)
    years = list(years)
    if ei is None:
        return pd.Series(np.nan, index=pd.Index(years, name="year"), dtype=float)
    return ei_wide(series, iso3, [ei], years)[ei] * TWH_PER_EJ


def overlap_differences(owid_s: pd.Series, ei_s: pd.Series, window: int = JOIN_WINDOW) -> pd.DataFrame:
    """OWID minus EI (both TWh) in the last ``window`` years that both have.

    Example:
        >>> d = overlap_differences(pd.Series([100.0, 102.0, 110.0], index=[2020, 2021, 2022]), pd.Series([100.0, 100.0, np.nan], index=[2020, 2021, 2022]))
        >>> d["difference_pct"].tolist()
        [0.0, 2.0]
    """
    both = pd.concat([owid_s.rename("owid_twh"), ei_s.rename("ei_twh")], axis=1).dropna().tail(window)
    both["difference_twh"] = both["owid_twh"] - both["ei_twh"]
    both["difference_pct"] = 100 * both["difference_twh"] / both["ei_twh"].where(both["ei_twh"] != 0)
    both.index.name = "year"
    return both


def agree(diff: pd.DataFrame, tolerance: float = JOIN_TOLERANCE_PCT) -> bool:
    """True if there is an overlap and every overlap year differs by at most ``tolerance`` %."""
    return bool(len(diff)) and bool((diff["difference_pct"].abs() <= tolerance).all())


def joined(owid_s: pd.Series, ei_s: pd.Series, diff: pd.DataFrame) -> pd.DataFrame:
    """The EI series to its last year, then OWID's later years, with the source of each value; only if they agree.

    Returns:
        ``value_twh`` and ``source`` ('Energy Institute 2023' or 'OWID') per year; empty when the two
        series disagree in the overlap (then they are shown apart, never spliced).
    """
    if not agree(diff):
        return pd.DataFrame(columns=["value_twh", "source"])
    last_ei = ei_s.last_valid_index()
    ei_part = ei_s.dropna()
    later = owid_s[owid_s.index > last_ei].dropna()
    out = pd.concat([
        pd.DataFrame({"value_twh": ei_part, "source": "Energy Institute 2023"}),
        pd.DataFrame({"value_twh": later, "source": "OWID"}),
    ])  # fmt: skip
    out.index.name = "year"
    return out


def comparison_table(items: Sequence[tuple[str, str, pd.Series, pd.Series]]) -> pd.DataFrame:
    """One row per (country, indicator): overlap years compared, largest difference and the join decision."""
    rows = []
    for iso, ind, o, e in items:
        d = overlap_differences(o, e)
        if d.empty:
            rows.append(
                {
                    "iso3": iso,
                    "indicator": ind,
                    "years": "",
                    "n_years": 0,
                    "max_abs_difference_pct": np.nan,
                    "year_of_max": None,
                    "joined": False,
                }
            )
            continue
        worst = d["difference_pct"].abs().idxmax()
        rows.append({
            "iso3": iso, "indicator": ind, "years": fmt.years(int(d.index[0]), int(d.index[-1])), "n_years": len(d),
            "max_abs_difference_pct": float(abs(d.at[worst, "difference_pct"])), "year_of_max": int(worst), "joined": agree(d),
        })  # fmt: skip
    return pd.DataFrame(rows)


def owid_years(iso3: str, start: int, end: int) -> list[int]:
    """The years of the period compared with OWID (from 1985 for a former Soviet republic)."""
    first = max(start, USSR_SPLIT_YEAR if iso3 in USSR_SUCCESSORS else start)
    return list(range(first, end + 1))


def owid_items(
    owid: pd.DataFrame, series: pd.DataFrame, wanted: Sequence[tuple[str, str]], years: Iterable[int]
) -> list[tuple[str, str, pd.Series, pd.Series]]:
    """``(iso3, indicator, OWID series, EI series in TWh)`` for each wanted (country, OWID indicator) that OWID
    has a value for in the years."""
    years = list(years)
    out = []
    for iso, ind in wanted:
        o = owid_wide(owid, iso, [ind], years)[ind]
        if o.notna().any():
            out.append((iso, ind, o, ei_twh(series, iso, ind, years)))
    return out


def items_frame(items: Sequence[tuple[str, str, pd.Series, pd.Series]], *, with_ei: bool) -> pd.DataFrame:
    """The data behind an OWID chart: one column per series (``AZE_gas_production_owid_twh``, ``..._ei_twh``)."""
    cols = {f"{iso}_{ind}_owid_twh": o for iso, ind, o, _ in items}
    if with_ei:
        cols |= {f"{iso}_{ind}_ei_twh": e for iso, ind, _, e in items}
    return pd.concat(cols, axis=1)
