"""The index's indicators per pair and year: the directional shares (one state in the other's arms imports,
trade or gas imports), the UN voting measure, and the table of raw indicators, with the one function that
loads the processed tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from bilateral import diplomatic as dip
from bilateral import gas_routes
from bilateral import military as mil
from bilateral import trade as trd
from bilateral.data import load
from bilateral.overview.config import ARMS_WINDOW, GAS_BUYER, INDICATORS, PAIR_RULE, pair_text

__all__ = [
    "arms_share",
    "arms_shares_by_year",
    "combine",
    "directional_table",
    "gas_shares_by_year_iea",
    "iea_annual",
    "indicator_table",
    "load_inputs",
    "trade_is_estimate",
    "trade_shares_by_year",
    "un_table",
]


def load_inputs(codes: Iterable[str]) -> dict[str, pd.DataFrame]:
    """Every processed table the overview reads, through :func:`bilateral.data.load`.

    Args:
        codes: the states whose UN votes are loaded (the pairs' states and the comparators).

    Returns:
        ``events, agreement, votes, resolutions, transfers, totals, trade, gas, gas_flows, energy_series``.
    """
    return {
        "events": load("events"),
        "agreement": load("unga_agreement"),
        "resolutions": load("unga_resolutions"),
        "votes": dip.load_votes(sorted(set(codes))),
        "transfers": load("arms_transfers"),
        "totals": load("arms_totals"),
        "trade": load("trade_bilateral"),
        "gas": load("gas_imports_turkiye"),
        "gas_flows": load("gas_flows_turkiye_monthly"),
        "energy_series": load("energy_series"),
    }


def arms_share(
    transfers: pd.DataFrame, totals: pd.DataFrame, supplier: str, recipient: str, years: Iterable[int]
) -> dict:
    """``supplier``'s share of ``recipient``'s arms imports (TIV) summed over ``years``.

    The deliveries come from the register (:func:`military.deliveries`), which is complete for the
    direction only if one of the two is a focus country (:func:`military.coverage`); the recipient's
    total imports come from ``arms_totals``.

    Returns:
        ``tiv_m``, ``total_tiv_m``, ``share`` (0–1) and ``reason`` (why the share is missing, or "").
    """
    years = list(years)
    if not mil.coverage(recipient, supplier).bilateral:
        return {"tiv_m": np.nan, "total_tiv_m": np.nan, "share": np.nan, "reason": "not in the register extract"}
    tot = totals[(totals["iso3"] == recipient) & (totals["direction"] == "imports") & totals["year"].isin(years)]
    if tot.empty:
        return {"tiv_m": np.nan, "total_tiv_m": np.nan, "share": np.nan, "reason": f"no import totals for {recipient}"}
    num = float(mil.deliveries(transfers, supplier, recipient, years)["tiv_m"].sum())
    den = float(tot["tiv_m"].sum())
    if not den > 0:
        return {"tiv_m": num, "total_tiv_m": den, "share": np.nan, "reason": f"{recipient} imported no major arms"}
    return {"tiv_m": num, "total_tiv_m": den, "share": num / den, "reason": ""}


def arms_shares_by_year(
    transfers: pd.DataFrame,
    totals: pd.DataFrame,
    supplier: str,
    recipient: str,
    years: Iterable[int],
    window: int = ARMS_WINDOW,
    first_year: int = mil.DATA_YEARS[0],
) -> pd.Series:
    """:func:`arms_share` for each year over the trailing ``window`` years ending in it (0–1, NaN if missing).

    Windows are cut at ``first_year`` (the first year of the register extract), so the first years
    rest on fewer years.
    """
    out = {}
    # The rows arms_share would select for each year, selected once: the direction's deliveries sorted as
    # military.deliveries sorts them (year first) and the recipient's import totals in table order. Each
    # window then sums the same values in the same order with the same pandas sum, so the shares are the
    # ones arms_share gives (tests compare them), at a fraction of the cost of 30 selections per direction.
    covered = mil.coverage(recipient, supplier).bilateral
    totals = totals[(totals["iso3"] == recipient) & (totals["direction"] == "imports")]
    total_year = totals["year"].to_numpy(dtype=float, na_value=np.nan)
    transfers = transfers[(transfers["supplier_iso3"] == supplier) & (transfers["recipient_iso3"] == recipient)]
    delivered = mil.deliveries(transfers, supplier, recipient, range(first_year, mil.DATA_YEARS[1] + 1))
    delivery_year = delivered["delivery_year"].to_numpy(dtype=float, na_value=np.nan)
    for y in years:
        out[y] = np.nan
        if not (covered and first_year <= y <= mil.DATA_YEARS[1]):
            continue
        lo = max(first_year, y - window + 1)
        in_total = np.flatnonzero((total_year >= lo) & (total_year <= y))
        if not len(in_total):
            continue
        den = float(totals["tiv_m"].iloc[in_total].sum())
        num = float(delivered["tiv_m"].iloc[np.flatnonzero((delivery_year >= lo) & (delivery_year <= y))].sum())
        out[y] = num / den if den > 0 else np.nan
    return pd.Series(out, dtype=float, name="share")


def trade_shares_by_year(trade: pd.DataFrame, reporter: str, partner: str, years: Iterable[int]) -> pd.Series:
    """``partner``'s share (0–1) of ``reporter``'s total merchandise trade, exports + imports, by the reporter's own figures.

    Uses :func:`trade.shares` for each flow; NaN where either flow or either total is missing.
    """
    years = list(years)
    x = trd.shares(trade, reporter, [partner], trd.EXPORTS, years).set_index("year")
    m = trd.shares(trade, reporter, [partner], trd.IMPORTS, years).set_index("year")
    total = x["total_usd_m"] + m["total_usd_m"]
    share = (x["value_usd_m"] + m["value_usd_m"]) / total.where(total > 0)
    return share.reindex(years).astype(float).rename("share")


def trade_is_estimate(trade: pd.DataFrame, reporter: str, partner: str, year: int) -> bool:
    """True if any figure behind :func:`trade_shares_by_year` for that year is an IMF estimate (flag ``e``)."""
    flags = [
        trd.shares(trade, reporter, [partner], flow, [year])["is_estimate"].iloc[0]
        for flow in (trd.EXPORTS, trd.IMPORTS)
    ]
    return bool(any(flags))


def iea_annual(flows: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """Entries by source per year from the IEA monthly routes (mcm), and the full years (12 months, every entry route reported)."""
    wm = gas_routes.monthly_wide(flows)
    wa, _ = gas_routes.annual_from_monthly(wm)
    cov = gas_routes.coverage(wm)
    full = [int(y) for y in cov.index if cov.at[y, "months_in_data"] == 12 and cov.at[y, "comparable"]]
    return gas_routes.by_supplier(wa), full


def gas_shares_by_year_iea(flows: pd.DataFrame, supplier: str, years: Iterable[int]) -> pd.Series:
    """``supplier``'s share (0–1) of the gas entering Türkiye, from the IEA entry routes: entries on the supplier's
    routes ÷ total entries of the same full year (one series for both). NaN for partial years and for a supplier
    without an entry route (LNG origins are unknown)."""
    years = list(years)
    out = pd.Series(np.nan, index=pd.Index(years, name="year"), dtype=float, name="share")
    if supplier not in gas_routes.COUNTRY_SUPPLIERS or not years:
        return out
    sup, full = iea_annual(flows)
    sh = gas_routes.shares(sup)[supplier] / 100.0
    for y in years:
        if y in full:
            out[y] = float(sh.get(y, np.nan))
    return out


def combine(values: Sequence[float], rule: str = PAIR_RULE) -> float:
    """One pair value from its directional values: the largest (``"max"``) or the mean of those present.

    Example:
        >>> combine([0.2, float("nan")]), combine([0.2, 0.4], "mean")
        (0.2, 0.30000000000000004)
    """
    present = [float(v) for v in values if v is not None and not pd.isna(v)]
    if not present:
        return float("nan")
    if rule == "max":
        return max(present)
    if rule == "mean":
        return sum(present) / len(present)
    raise ValueError(f"unknown rule {rule!r}; use 'max' or 'mean'")


def directional_table(
    inputs: Mapping[str, pd.DataFrame],
    pairs: Sequence[tuple[str, str]],
    years: Iterable[int],
    *,
    window: int = ARMS_WINDOW,
) -> pd.DataFrame:
    """Every directional share behind the arms, trade and energy indicators, long form.

    Returns:
        Columns ``pair, year, indicator, direction, share``: ``direction`` reads "TUR in AZE" (Türkiye's
        share of Azerbaijan's arms imports or trade; for energy, the supplier in Türkiye's gas imports).
    """
    years = list(years)
    # Every share below reads only rows among the pairs' states: select them once (hundreds of string
    # comparisons on the whole trade table were most of this function's time); the results are the same.
    codes = sorted({c for p in pairs for c in p})
    transfers = inputs["transfers"][
        inputs["transfers"]["supplier_iso3"].isin(codes) & inputs["transfers"]["recipient_iso3"].isin(codes)
    ]
    trade = inputs["trade"][inputs["trade"]["reporter_iso3"].isin(codes)]
    frames = []
    for a, b in pairs:
        label = pair_text((a, b))
        for s, r in ((b, a), (a, b)):
            arms = arms_shares_by_year(transfers, inputs["totals"], s, r, years, window)
            frames.append(
                pd.DataFrame(
                    {
                        "pair": label,
                        "year": years,
                        "indicator": "arms",
                        "direction": f"{s} in {r}",
                        "share": arms.to_numpy(),
                    }
                )
            )
            tr = trade_shares_by_year(trade, r, s, years)
            frames.append(
                pd.DataFrame(
                    {
                        "pair": label,
                        "year": years,
                        "indicator": "trade",
                        "direction": f"{s} in {r}",
                        "share": tr.to_numpy(),
                    }
                )
            )
        if GAS_BUYER in (a, b):
            supplier = b if a == GAS_BUYER else a
            g = gas_shares_by_year_iea(inputs["gas_flows"], supplier, years)
            frames.append(
                pd.DataFrame(
                    {
                        "pair": label,
                        "year": years,
                        "indicator": "energy",
                        "direction": f"{supplier} in {GAS_BUYER}",
                        "share": g.to_numpy(),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def un_table(
    agreement: pd.DataFrame,
    votes: pd.DataFrame,
    pairs: Sequence[tuple[str, str]],
    years: Iterable[int],
    measure: str = "kappa",
) -> pd.DataFrame:
    """The UN indicator per pair and year, from :func:`diplomatic.yearly_agreement`.

    Returns:
        Columns ``pair, year, n_votes, value`` (``value`` = ``measure``; years without a common vote are absent).
    """
    years = [y for y in years if dip.YEARS[0] <= y <= dip.YEARS[1]]
    y = dip.yearly_agreement(agreement, votes, pairs, years)
    return pd.DataFrame(
        {
            "pair": y["pair"],
            "year": y["year"].astype(int),
            "n_votes": y["n_votes"].astype(int),
            "value": y[measure].astype(float),
        }
    )


def indicator_table(
    un: pd.DataFrame,
    directional: pd.DataFrame,
    pairs: Sequence[tuple[str, str]],
    years: Iterable[int],
    rule: str = PAIR_RULE,
) -> pd.DataFrame:
    """The raw indicators, one row per pair and year, one column per indicator (NaN where missing).

    Args:
        un: :func:`un_table` output.
        directional: :func:`directional_table` output.
        pairs: the pairs (their order is kept).
        years: the years (every pair gets every year).
        rule: how two directional shares make one value (:func:`combine`).

    Returns:
        A frame indexed by ``(pair, year)`` with columns :data:`INDICATORS`.
    """
    years = list(years)
    labels = [pair_text(p) for p in pairs]
    idx = pd.MultiIndex.from_product([labels, years], names=["pair", "year"])
    out = pd.DataFrame(index=idx, columns=list(INDICATORS), dtype=float)
    if len(un):
        u = un.set_index(["pair", "year"])["value"]
        out["un_votes"] = u.reindex(idx).to_numpy()
    for ind in ("arms", "trade", "energy"):
        d = directional[directional["indicator"] == ind]
        if d.empty:
            continue
        g = d.groupby(["pair", "year"])["share"].agg(lambda s: combine(list(s), rule))
        out[ind] = g.reindex(idx).to_numpy()
    return out.astype(float)
