"""Claim checks on SIPRI arms transfers (``arms_transfers``): deliveries of a named weapon, and the
trend of yearly deliveries. Each is ``check_<key>(claim, tables) -> Measurement`` for a key of
:data:`bilateral.claim_registry.CHECK_KEYS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from bilateral import fmt, military, periods
from bilateral.claims.compute import rising_years, trend_slope
from bilateral.claims.helpers import (
    args_of,
    table_sources,
)
from bilateral.claims.model import EVERY_YEAR_PCT, Measurement
from bilateral.countries import display_name

__all__ = [
    "check_arms_deliveries_designation",
    "check_arms_tiv_trend",
]


def check_arms_deliveries_designation(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """SIPRI deliveries from supplier to recipient up to ``end_year`` whose designation contains the text,
    with their share of the supplier's deliveries to the recipient."""
    a = args_of(claim)
    sup, rec, end = a["supplier"], a["recipient"], int(a["end_year"])
    years = range(military.DATA_YEARS[0], end + 1)
    rows = military.deliveries(tables["arms_transfers"], sup, rec, years)
    hit = rows[
        rows["designation"]
        .astype("string")
        .str.contains(a["designation"], case=False, regex=False)
        .fillna(False)
        .astype(bool)
    ]
    base = {"table": "arms_transfers", "sources": table_sources("arms_transfers"), "unit": "deliveries"}
    span = fmt.years(years.start, end)
    if hit.empty:
        return Measurement(
            compare="presence", value=0, text=f"none: no delivery of '{a['designation']}' from {display_name(sup)} to {display_name(rec)}, {span}",
            computation=f"SIPRI deliveries from {display_name(sup)} to {display_name(rec)}, {span}, whose designation contains '{a['designation']}'",
            **base,
        )  # fmt: skip
    items = (
        hit.groupby(["designation", "delivery_year"], sort=True)
        .agg(units=("units_delivered", "sum"), tiv=("tiv_m", "sum"))
        .reset_index()
    )
    deals = [str(d) for d in sorted(hit["deal_id"].unique())]
    listing = "; ".join(
        f"{int(u)} {d} in {int(y)} (TIV {fmt.num(t, 1)} m)"
        for d, y, u, t in zip(items["designation"], items["delivery_year"], items["units"], items["tiv"])
    )
    in_end = rows[rows["delivery_year"] == end]["tiv_m"].sum()
    hit_end = hit[hit["delivery_year"] == end]["tiv_m"].sum()
    others = [
        f"share of {display_name(sup)}'s deliveries to {display_name(rec)} by TIV, {span}: {fmt.pct(100 * hit['tiv_m'].sum() / rows['tiv_m'].sum(), 0)}"
    ]
    if in_end > 0:
        others.insert(0, f"share of those delivered in {end}: {fmt.pct(100 * hit_end / in_end, 0)}")
    return Measurement(
        compare="presence",
        value=len(hit),
        text=listing,
        computation=f"SIPRI deliveries from {display_name(sup)} to {display_name(rec)}, {span}, whose designation contains '{a['designation']}'",
        rows=f"SIPRI Arms Transfers Database, {'deal' if len(deals) == 1 else 'deals'} {fmt.join_and(deals)}",
        others=tuple(others),
        claimed_text=f"{a['designation']} deliveries from {display_name(sup)} to {display_name(rec)} by {end}",
        caveat="SIPRI records deliveries, not use in combat",
        **base,
    )


def check_arms_tiv_trend(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Yearly TIV delivered by the supplier to the recipient (SIPRI): share of years in which it rose, the sign
    of its least-squares trend, and five-year totals beside it."""
    a = args_of(claim)
    sup, rec, lo, hi = a["supplier"], a["recipient"], int(a["start_year"]), int(a["end_year"])
    years = range(lo, hi + 1)
    rows = military.deliveries(tables["arms_transfers"], sup, rec, years)
    by_year = military.tiv_by_year(rows, years)["tiv_m"]
    base = {"table": "arms_transfers", "sources": table_sources("arms_transfers"), "unit": "% of years"}
    k, n = rising_years(by_year)
    up = trend_slope(by_year) > 0
    spans = periods.spans(lo, hi, 5)
    totals = [f"{periods.label(p0, p1)}: {fmt.num(by_year.loc[p0:p1].sum(), 1)}" for p0, p1 in spans]
    active = by_year[by_year > 0]
    return Measurement(
        compare="years",
        value=100 * k / n,
        claimed=EVERY_YEAR_PCT,
        claimed_text=f"growth every year, {fmt.years(lo, hi)}",
        direction_ok=bool(up),
        text=(
            f"TIV rose in {k} of {n} years ({fmt.pct(100 * k / n, 0)}); deliveries in {len(active)} of {len(by_year)} years; "
            f"trend {'upward' if up else 'not upward'}"
        ),
        computation=f"year-on-year change of the TIV {display_name(sup)} delivered to {display_name(rec)}, {fmt.years(lo, hi)} (zero in years without deliveries); trend = least-squares slope",
        others=(f"TIV (millions) by five-year period: {'; '.join(totals)}",),
        caveat="TIV counts deliveries of major conventional arms only, not training or exercises",
        rows=f"SIPRI trade register, {display_name(sup)} to {display_name(rec)}",
        **base,
    )
