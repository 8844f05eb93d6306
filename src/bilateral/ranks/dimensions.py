"""Every dimension at once, both directions: the rows behind the overview's all-partner rank table.

:func:`overview_rows` gathers the UN, trade, arms, posts and gas ranks of the pair; the two summary
helpers adjust the overview's comparator-based summaries to the all-partner ranks.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name
from bilateral.ranks.core import NOT_COVERED, row_dict
from bilateral.ranks.trade import TRADE_FLOWS, latest_ranked_year
from bilateral.ranks.un import UN_MEASURES
from bilateral.ranks.words import status_cell

__all__ = ["overview_rows", "with_all_supplier_rank", "without_comparator_rank"]


def overview_rows(
    a: str,
    b: str,
    un: pd.DataFrame | None,
    tr: pd.DataFrame | None,
    arms: pd.DataFrame | None,
    posts: pd.DataFrame | None,
    *,
    un_period: str | None = None,
    arms_period: str | None = None,
    gas: Mapping | None = None,
) -> pd.DataFrame:
    """One row per dimension and direction: the partner's rank among all of the country's partners.

    Args:
        a, b: the pair.
        un: :func:`un_ranks` output (the row for ``un_period`` is used; default: the first period, the whole span).
        tr: :func:`trade_ranks` output (each reporter's latest year with records).
        arms: :func:`arms_ranks` output (the row for ``arms_period``; default the first period).
        posts: :func:`posts_ranks` output (the latest edition).
        gas: the overview's gas summary from the IEA entry routes (``bilateral.overview.gas_summary_iea``: keys
            ``kind`` "tr_imports", ``buyer``-side ``supplier``, ``rank``, ``n_ranked``, ``tied_with``,
            ``latest_year``): the supplier's rank among the pipeline suppliers of the gas entering the buyer in its
            latest full year. The entry-route data say nothing of the supplier's sales to other buyers, so the
            other direction is not covered.
        Any of them may be None: the dimension is then reported as not covered.

    Returns:
        Columns ``dimension, country, partner, measure, rank_text, rank, n_ranked, n_tied, when, status``:
        "``partner`` among all of ``country``'s ...".
    """
    rows = []

    def add(dimension, country, partner, measure, r, when):
        r = {"status": NOT_COVERED, **r}
        status, text = r["status"], status_cell(r, "none recorded")
        rows.append(
            {
                "dimension": dimension,
                "country": country,
                "partner": partner,
                "measure": measure,
                "rank_text": text,
                "rank": r.get("rank"),
                "n_ranked": r.get("n_ranked", 0),
                "n_tied": r.get("n_tied"),
                "when": when,
                "status": status,
            }
        )

    for country, partner in ((a, b), (b, a)):
        if un is not None and len(un):
            period = un_period or str(un["period"].iloc[0])
            for measure, label in UN_MEASURES.items():
                x = un[
                    (un["anchor"] == country)
                    & (un["partner"] == partner)
                    & (un["measure"] == measure)
                    & (un["period"] == period)
                ]
                add("UN votes", country, partner, f"{label} of votes with {display_name(country)}", row_dict(x), period)
        else:
            add("UN votes", country, partner, "agreement with " + display_name(country), {}, "–")
        if tr is not None and len(tr):
            year = latest_ranked_year(tr, country)
            for flow, label in TRADE_FLOWS.items():
                x = (
                    tr[(tr["reporter"] == country) & (tr["flow"] == flow) & (tr["year"] == year)]
                    if year
                    else tr.iloc[0:0]
                )
                d = (
                    row_dict(x)
                    if year
                    else {
                        "status": tr.loc[tr["reporter"] == country, "status"].iloc[0]
                        if (tr["reporter"] == country).any()
                        else NOT_COVERED
                    }
                )
                add(
                    "Trade",
                    country,
                    partner,
                    f"{label}, {fmt.poss(display_name(country))} records",
                    d,
                    str(year) if year else "–",
                )
        else:
            add("Trade", country, partner, "trade, own records", {}, "–")
        if arms is not None and len(arms):
            period = arms_period or str(arms["period"].iloc[0])
            for side, label in (("imports", "supplier of arms to"), ("exports", "recipient of arms from")):
                x = arms[(arms["country"] == country) & (arms["side"] == side) & (arms["period"] == period)]
                add("Arms transfers", country, partner, f"{label} {display_name(country)} (TIV)", row_dict(x), period)
        else:
            add("Arms transfers", country, partner, "arms supplier (TIV)", {}, "–")
        if posts is not None and len(posts):
            x = posts[(posts["host"] == country)]
            ed = int(x["edition_year"].max()) if len(x) else None
            x = x[x["edition_year"] == ed]
            add(
                "Diplomatic posts",
                country,
                partner,
                f"posts in {display_name(country)} among index states",
                row_dict(x),
                str(ed) if ed else "–",
            )
        else:
            add("Diplomatic posts", country, partner, "posts", {}, "–")
        add("Gas", country, partner, *_gas_rank(gas, country, partner))
    out = pd.DataFrame(rows)
    for c in ("rank", "n_tied", "n_ranked"):
        out[c] = pd.array(out[c], dtype="Int64")
    return out


def _gas_rank(gas: Mapping | None, country: str, partner: str) -> tuple[str, dict, str]:
    """The measure, rank dict and year of ``partner`` among ``country``'s gas suppliers, from the overview's gas
    summary (see :func:`overview_rows`); not covered unless ``country`` is the buyer the entry routes describe."""
    if not gas or gas.get("kind") != "tr_imports" or gas.get("supplier") != partner:
        return "gas supplier", {}, "–"
    measure = f"pipeline supplier of the gas entering {display_name(country)} (entry routes)"
    year = gas.get("latest_year")
    if gas.get("label") is None or year is None:
        return measure, {"status": "empty", "n_ranked": int(gas.get("n_ranked") or 0)}, "–"
    if gas.get("rank") is None:
        return measure, {"status": "absent", "n_ranked": int(gas.get("n_ranked") or 0)}, str(year)
    tied = len(gas.get("tied_with") or ())
    return (
        measure,
        {"status": "ranked", "rank": int(gas["rank"]), "n_ranked": int(gas["n_ranked"]), "n_tied": tied + 1},
        str(year),
    )


def without_comparator_rank(summary: dict) -> dict:
    """A copy of an overview summary dict (UN or trade) with its comparator-based rank removed, so that the headline
    and key findings show no rank among hand-picked comparators (the all-partner ranks are shown instead)."""
    return {**summary, "rank": None}


def with_all_supplier_rank(arms: dict, ranks: pd.DataFrame, a: str, period: str) -> dict:
    """A copy of the overview's arms summary whose supplier rank is the all-supplier rank of :func:`arms_ranks`
    (unknown suppliers not ranked), so the headline's denominator matches the rank table."""
    x = ranks[(ranks["country"] == a) & (ranks["side"] == "imports") & (ranks["period"] == period)]
    r = row_dict(x)
    if r.get("status") == "ranked":
        return {**arms, "rank": int(r["rank"]), "n_suppliers": int(r["n_ranked"])}
    return {**arms, "rank": None}
