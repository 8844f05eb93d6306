"""Display tables of ranks (formatted frames for :func:`bilateral.figures.table_html`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name
from bilateral.ranks.core import NOT_COVERED, row_dict
from bilateral.ranks.words import status_cell

__all__ = ["arms_rank_table", "overview_table", "trade_rank_table", "un_rank_table"]


def un_rank_table(ranks: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Reader's table of :func:`un_ranks`: one row per period, ranks in both directions by both measures."""
    out = []
    for period, g in ranks.groupby("period", sort=False):
        row = {"Period": period}
        for anchor, partner in ((a, b), (b, a)):
            head = f"{display_name(partner)} among {fmt.poss(display_name(anchor))} partners"
            for measure, label in (("agreement_share", "agreement"), ("kappa", "kappa")):
                x = g[(g["anchor"] == anchor) & (g["measure"] == measure)]
                row[f"{head}: {label}"] = status_cell(row_dict(x))
        out.append(row)
    return pd.DataFrame(out)


def arms_rank_table(ranks: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Reader's table of :func:`arms_ranks`: per period, ``b`` among ``a``'s suppliers and ``a`` among ``b``'s recipients, and the reverse."""
    out = []
    for period, g in ranks.groupby("period", sort=False):
        row = {"Period": period}
        for country, partner, side, noun in (
            (a, b, "imports", "suppliers"),
            (b, a, "exports", "recipients"),
            (b, a, "imports", "suppliers"),
            (a, b, "exports", "recipients"),
        ):
            x = g[(g["country"] == country) & (g["side"] == side)]
            row[f"{display_name(partner)} among {fmt.poss(display_name(country))} {noun}"] = status_cell(
                row_dict(x), "none recorded"
            )
        out.append(row)
    return pd.DataFrame(out)


def trade_rank_table(ranks: pd.DataFrame, a: str, b: str, years: Sequence[int]) -> pd.DataFrame:
    """Reader's table of :func:`trade_ranks` for the given years: each side among the other's partners, three flows."""
    out = []
    for y in years:
        row = {"Year": str(y)}
        for reporter, partner in ((a, b), (b, a)):
            for flow, label in (("total", "exports + imports"), ("exports", "exports"), ("imports", "imports")):
                x = ranks[(ranks["reporter"] == reporter) & (ranks["flow"] == flow) & (ranks["year"] == y)]
                row[f"{display_name(partner)} in {fmt.poss(display_name(reporter))} records: {label}"] = status_cell(
                    row_dict(x)
                )
        out.append(row)
    return pd.DataFrame(out)


def overview_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The reader's table of :func:`overview_rows`: who is ranked among whose partners, rank, number ranked, when."""
    return pd.DataFrame(
        {
            "Dimension": rows["dimension"],
            "Ranked": [
                f"{display_name(p)} among {fmt.poss(display_name(c))} partners"
                for c, p in zip(rows["country"], rows["partner"])
            ],
            "By": rows["measure"],
            "Rank": rows["rank_text"],
            "Number ranked": [
                fmt.integer(int(n)) if s != NOT_COVERED and pd.notna(n) and int(n) > 0 else "–"
                for n, s in zip(rows["n_ranked"], rows["status"])
            ],
            "Year or period": rows["when"],
        }
    )
