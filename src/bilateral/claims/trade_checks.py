"""Claim checks on the trade tables: press figures for a year's turnover (``trade_press``), and the
growth of turnover and a partner's share from IMF DOTS (``trade_bilateral``). Each is
``check_<key>(claim, tables) -> Measurement`` for a key of :data:`bilateral.claim_registry.CHECK_KEYS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from bilateral import fmt, trade
from bilateral.claims.compute import least_favourable, rising_years, trend_slope
from bilateral.claims.helpers import (
    args_of,
    cell_text,
    claimed_number,
    missing,
    none,
    num_text,
    table_sources,
)
from bilateral.claims.model import EVERY_YEAR_PCT, Measurement
from bilateral.countries import display_name

__all__ = [
    "check_partner_share_pct",
    "check_trade_turnover_trend",
    "check_trade_turnover_usd_bn",
]


def check_trade_turnover_usd_bn(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Press figures for the year, period and metric (US$ billion), via :func:`bilateral.trade.press_full_years`.

    Figures the press table flags as conflicting are shown but not used; among the usable ones the verdict
    uses the figure least favourable to the claim (:func:`least_favourable`), so that it does not depend on
    which source is picked.
    """
    a = args_of(claim)
    press = tables["trade_press"]
    base = {"table": "trade_press", "sources": table_sources("trade_press"), "unit": "USD bn"}
    if a["period"] != "year":
        return none(f"only full-year press figures are compared (period {a['period']!r} asked)", **base)
    full = trade.press_full_years(press, after=int(a["year"]) - 1)
    rows = full[(full["year"] == int(a["year"])) & (full["measure"] == a["metric"])].reset_index(drop=True)
    usable = rows[rows["caution"] == ""].reset_index(drop=True)
    if usable.empty:
        return none(f"no usable full-year {a['metric']} figure for {a['year']} in the press table", **base)

    def label(r) -> str:
        side = f"{display_name(r['side'])}'s figures" if isinstance(r["side"], str) else "side not stated"
        q = {"approx.": "about ", "lower bound": "more than "}.get(r["qualifier"], "")
        flag = f" [not used: {r['caution']}]" if r["caution"] else ""
        return f"{q}{num_text(r['value_usd_m'] / 1000, 'USD bn')} ({r['reported_by']}, {side}){flag}"

    claimed = claimed_number(claim)
    i = least_favourable(
        usable["value_usd_m"] / 1000, claimed if claimed is not None else 0.0, cell_text(claim.get("value_qualifier"))
    )
    chosen = usable.iloc[i]
    others = tuple(
        label(r)
        for _, r in rows.iterrows()
        if not (r["url"] == chosen["url"] and r["value_usd_m"] == chosen["value_usd_m"])
    )
    sides = sorted({s for s in usable["side"] if isinstance(s, str)})
    return Measurement(
        compare="number",
        value=float(chosen["value_usd_m"]) / 1000,
        text=label(chosen),
        computation=(
            f"full-year {a['metric']} figures for {a['year']} in the press table ({len(usable)} usable, "
            f"{len(rows) - len(usable)} flagged as conflicting)"
        ),
        rows="; ".join(f"{r['reported_by']} ({r['url']})" for _, r in rows.iterrows()),
        others=others,
        basis=(
            f"the verdict uses the usable figure least favourable to the claim; all usable figures come from "
            f"{' and '.join(display_name(s) + chr(39) + 's' for s in sides) or 'unstated'} official data"
        ),
        **base,
    )


def check_trade_turnover_trend(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Share of years in which the reporter's turnover with the partner (its exports plus its imports, IMF DOTS)
    rose, and the sign of its least-squares trend; the partner's own figures are shown beside it."""
    a = args_of(claim)
    rep, par, lo, hi = a["reporter"], a["partner"], int(a["start_year"]), int(a["end_year"])
    turn = trade.dots_turnover_by_side(tables["trade_bilateral"], rep, par, range(lo, hi + 1))
    base = {"table": "trade_bilateral", "sources": table_sources("trade_bilateral"), "unit": "% of years"}
    k, n = rising_years(turn[rep])
    if n == 0:
        return none(
            f"{display_name(rep)} reports no turnover with {display_name(par)} in two consecutive years of {fmt.years(lo, hi)}",
            **base,
        )
    k2, n2 = rising_years(turn[par])
    up, up2 = trend_slope(turn[rep]) > 0, trend_slope(turn[par]) > 0

    def describe(col: str, k: int, n: int, up: bool) -> str:
        s = turn[col].dropna()
        return (
            f"rose in {k} of {n} years ({fmt.pct(100 * k / n, 0)}); {fmt.years(int(s.index[0]), int(s.index[-1]))}: "
            f"{trade.money(s.iloc[0])} to {trade.money(s.iloc[-1])}, trend {'upward' if up else 'not upward'}"
        )

    return Measurement(
        compare="years",
        value=100 * k / n,
        claimed=EVERY_YEAR_PCT,
        claimed_text=f"growth every year, {fmt.years(lo, hi)}",
        direction_ok=bool(up),
        text=f"{display_name(rep)}'s figures: turnover {describe(rep, k, n, up)}",
        computation=f"year-on-year change of each side's exports plus imports with the other, {fmt.years(lo, hi)}; trend = least-squares slope",
        others=(f"{display_name(par)}'s figures: turnover {describe(par, k2, n2, up2)}",) if n2 else (),
        basis=(
            f"the verdict uses {display_name(rep)}'s figures, the reporter the claims table names; the two sides' "
            "figures are never added (they disagree, see the trade report)"
        ),
        rows=f"IMF DOTS, {display_name(rep)} and {display_name(par)} as reporters",
        **base,
    )


def check_partner_share_pct(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """The partner's share of the reporter's exports or imports with the world (the reporter's own figures,
    :func:`bilateral.trade.shares`), with the share implied by the partner's mirror figure beside it."""
    a = args_of(claim)
    rep, par, flow, year = a["reporter"], a["partner"], a["flow"], int(a["year"])
    tb = tables["trade_bilateral"]
    s = trade.shares(tb, rep, [par], flow, [year]).iloc[0]
    base = {"table": "trade_bilateral", "sources": table_sources("trade_bilateral"), "unit": "%"}
    if missing(s["share_pct"]):
        return none(f"{display_name(rep)} reports no {flow} to {display_name(par)} or the world in {year}", **base)
    mirror_flow = trade.IMPORTS if flow == trade.EXPORTS else trade.EXPORTS
    mirror = trade.series(tb, par, rep, mirror_flow, [year]).iloc[0]
    est = " (IMF estimate)" if bool(s["is_estimate"]) else ""
    verb = "exports to" if flow == trade.EXPORTS else "imports from"
    others = ()
    if not missing(mirror["value_usd_m"]):
        mverb = "imports from" if flow == trade.EXPORTS else "exports to"
        others = (
            f"{display_name(par)}'s {mverb} {display_name(rep)} ({trade.money(mirror['value_usd_m'])}) against the same total give "
            f"{fmt.pct(100 * mirror['value_usd_m'] / s['total_usd_m'], 2)}",
        )
    return Measurement(
        compare="number",
        value=float(s["share_pct"]),
        text=(
            f"{fmt.pct(s['share_pct'], 2)} ({trade.money(s['value_usd_m'])} of {trade.money(s['total_usd_m'])}, "
            f"{display_name(rep)}'s figures){est}"
        ),
        computation=f"{display_name(rep)}'s {verb} {display_name(par)} / {display_name(rep)}'s {flow} with the world, {year}",
        others=others,
        basis=f"the verdict uses {display_name(rep)}'s own figures: the share of its {flow} needs its total, and both parts then come from one reporter",
        rows=f"IMF DOTS, reporter {display_name(rep)}, partners {display_name(par)} and World, {year}",
        **base,
    )
