"""Trade (IMF DOTS, each reporter's own records): every partner ranked by exports, imports and both, per year.

Ranks exist only for the reporters whose records with every partner the table holds
(:func:`trade_complete_reporters`); the world (``WLD``) is kept but never ranked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral.ranks.core import rank_frame, rank_of, rank_table, top_n, unranked

__all__ = [
    "TRADE_FLOWS",
    "WORLD",
    "latest_ranked_year",
    "trade_complete_reporters",
    "trade_ranked",
    "trade_ranks",
    "trade_top",
    "trade_values",
]


#: Trade flows ranked: the reporter's exports to, imports from, and both with each partner.
TRADE_FLOWS = {"total": "exports plus imports", "exports": "exports", "imports": "imports"}

#: The partner code for the world in ``trade_bilateral`` (an aggregate: never ranked).
WORLD = "WLD"


def trade_values(trade: pd.DataFrame, reporter: str, years: Iterable[int]) -> pd.DataFrame:
    """A reporter's exports to, imports from and both with every partner it records, per year.

    Args:
        trade: ``trade_bilateral`` rows.
        reporter: ISO3 of the reporting country (its own records only; mirror flows are never used).
        years: the years kept.

    Returns:
        Long frame ``reporter, year, flow (total/exports/imports), partner, value_usd_m``; the world
        (``WLD``) is kept as a row (an aggregate, excluded when ranked). ``total`` is exports plus imports,
        both as the reporter records them; a partner missing in one flow counts 0 there.
    """
    rows = trade[
        (trade["reporter_iso3"] == reporter) & trade["year"].isin(list(years)) & (trade["partner_iso3"] != reporter)
    ]
    wide = rows.pivot_table(index=["year", "partner_iso3"], columns="flow", values="value_usd_m", aggfunc="sum")
    for f in ("exports", "imports"):
        if f not in wide:
            wide[f] = np.nan
    wide["total"] = wide[["exports", "imports"]].sum(axis=1, min_count=1)
    long = wide[list(TRADE_FLOWS)].stack(future_stack=True).rename("value_usd_m").reset_index()
    long = long.rename(columns={"partner_iso3": "partner", "level_2": "flow"})
    if "flow" not in long:
        long = long.rename(columns={long.columns[2]: "flow"})
    long = long.dropna(subset=["value_usd_m"]).assign(reporter=reporter)
    long["year"] = long["year"].astype(int)
    return long[["reporter", "year", "flow", "partner", "value_usd_m"]].reset_index(drop=True)


def trade_ranked(trade: pd.DataFrame, reporter: str, years: Iterable[int]) -> pd.DataFrame:
    """:func:`rank_table` of a reporter's partners by year and flow (partners with recorded trade only; WLD excluded)."""
    return rank_table(
        trade_values(trade, reporter, years),
        by=["reporter", "flow", "year"],
        value="value_usd_m",
        exclude={WORLD},
        positive_only=True,
    )


def trade_ranks(trade: pd.DataFrame, a: str, b: str, years: Iterable[int], complete: Sequence[str]) -> pd.DataFrame:
    """Each of the pair among all the other's trading partners, by the other's own records, per year and flow.

    Args:
        trade: ``trade_bilateral`` rows.
        a, b: the pair.
        years: the years wanted.
        complete: the reporters whose trade with every partner the table holds (for other reporters the
            table keeps only a few partners, so no rank is computed: status ``"not covered"``).

    Returns:
        One row per direction, flow and year: ``reporter, partner, flow, year, status, value_usd_m, rank,
        n_ranked, n_tied, percentile``; ``partner`` is ranked among ``reporter``'s partners.
    """
    years = list(years)
    rows = []
    for reporter, partner in ((a, b), (b, a)):
        ranked = trade_ranked(trade, reporter, years) if reporter in complete else None
        for flow in TRADE_FLOWS:
            for y in years:
                if ranked is None:
                    r = unranked()
                else:
                    r = rank_of(ranked, partner, where={"flow": flow, "year": y})
                vr = r["value_row"]
                rows.append(
                    {
                        "reporter": reporter,
                        "partner": partner,
                        "flow": flow,
                        "year": y,
                        "status": r["status"],
                        "value_usd_m": float(vr["value_usd_m"]) if vr is not None else np.nan,
                        "rank": r["rank"],
                        "n_ranked": r["n_ranked"],
                        "n_tied": r["n_tied"],
                        "percentile": r["percentile"],
                    }
                )
    return rank_frame(
        rows,
        [
            "reporter",
            "partner",
            "flow",
            "year",
            "status",
            "value_usd_m",
            "rank",
            "n_ranked",
            "n_tied",
            "percentile",
        ],
    )


def latest_ranked_year(ranks: pd.DataFrame, reporter: str, flow: str = "total") -> int | None:
    """The last year in which ``reporter`` records any partner (the rank's latest year), or None."""
    r = ranks[(ranks["reporter"] == reporter) & (ranks["flow"] == flow) & (ranks["n_ranked"] > 0)]
    return int(r["year"].max()) if len(r) else None


def trade_top(
    trade: pd.DataFrame, reporter: str, partner: str, year: int, flow: str = "total", n: int = 10
) -> pd.DataFrame:
    """The reporter's ``n`` largest partners in ``year`` by ``flow``, with ``partner`` kept (see :func:`top_n`)."""
    ranked = trade_ranked(trade, reporter, [year])
    return top_n(ranked[ranked["flow"] == flow], n, keep=partner)


def trade_complete_reporters(trade: pd.DataFrame) -> set[str]:
    """The reporters whose trade with every partner ``trade_bilateral`` holds, read from the table itself.

    The table keeps every reporter's trade with a fixed set of target countries and the world (the
    mirror flows), and the full partner list only for the target reporters. The IMF's World reporter
    (``WLD``) appears only with the targets and the world, so its partners name that fixed set; a
    reporter recording any other partner has its full list in the table.
    """
    mirror = set(trade.loc[trade["reporter_iso3"] == WORLD, "partner_iso3"]) | {WORLD}
    extra = trade[~trade["partner_iso3"].isin(mirror)]
    return set(extra["reporter_iso3"]) - {WORLD}
