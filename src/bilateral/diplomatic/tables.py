"""Diplomatic relations, display tables: formatted frames for :func:`bilateral.figures.table` (plain column
headers, states by name, numbers formatted with :mod:`bilateral.fmt`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bilateral import citations, fmt
from bilateral.countries import display_name
from bilateral.diplomatic.compare import common, natural_key
from bilateral.diplomatic.compute import ISSUE_LABELS
from bilateral.diplomatic.text import date_label

__all__ = [
    "comparator_display",
    "cosponsorship_display",
    "cow_display",
    "events_table",
    "latest_disagreements",
    "pair_names",
    "pledges_display",
    "posts_matrix_display",
    "posts_pair_display",
]


def pair_names(table: pd.DataFrame) -> list[str]:
    """Each row's pair by name: "Azerbaijan – Türkiye" (columns ``anchor`` and ``partner``)."""
    return [f"{display_name(x)} – {display_name(y)}" for x, y in zip(table["anchor"], table["partner"])]


def events_table(ev: pd.DataFrame, start_year: int) -> pd.DataFrame:
    """Reader-facing timeline table: date (as precise as known), type, event, source, and whether it
    falls before the report period (background)."""
    return pd.DataFrame(
        {
            "Date": [date_label(d, p) for d, p in zip(ev["date"], ev["date_precision"])],
            "Type": ev["type"].str.replace("_", " "),
            "Event": ev["title"],
            "Period": np.where(ev["year"].fillna(start_year).astype(int) < start_year, "background", "in period"),
            "Source": [citations.reader_citations(x) for x in ev["source"]],
            "Id": ev["event_id"],
        }
    )


def latest_disagreements(pv: pd.DataFrame, a: str, b: str, n: int) -> pd.DataFrame:
    """The ``n`` latest common votes on which the two voted differently, newest first, for display.

    Returns:
        Columns ``Date, Resolution, Title, Issue areas``, then one column per state (headed by its name).
    """
    c = common(pv)
    d = c[c["vote_a"] != c["vote_b"]]
    d = (
        d.assign(_key=d["vote_id"].map(natural_key))
        .sort_values(["date", "_key"], ascending=False, kind="mergesort")
        .head(n)
    )
    areas = [
        ", ".join(ISSUE_LABELS[k] for k in ISSUE_LABELS if k != "other" and bool(row[f"issue_{k}"])) or "–"
        for _, row in d.iterrows()
    ]
    return pd.DataFrame(
        {
            "Date": [fmt.date(x, "day") for x in d["date"]],
            "Resolution": d["resolution"].fillna(d["vote_id"]).to_numpy(),
            "Title": d["title"].fillna("(no title in the source)").to_numpy(),
            "Issue areas": areas,
            display_name(a): d["vote_a"].to_numpy(),
            display_name(b): d["vote_b"].to_numpy(),
        }
    )


def comparator_display(comp: pd.DataFrame, recent: range, ideal_last: int) -> pd.DataFrame:
    """The pair and each of the pair with every comparator: common votes, agreement and kappa over the period
    and the recent years, and the mean ideal-point distance (recent years to ``ideal_last`` at most).

    Args:
        comp: :func:`bilateral.diplomatic.compare.comparator_table`.
    """
    t = comp
    span = fmt.years(recent.start, recent.stop - 1)
    recent_dist = f"Distance {fmt.years(recent.start, min(recent.stop - 1, ideal_last))}"
    show = t.assign(
        Pair=pair_names(t),
        **{
            "Common votes": t["n_votes"].map(fmt.integer),
            "Agreement": t["agreement_share"].map(lambda v: fmt.pct(v, share=True)),
            "Kappa": t["kappa"].map(lambda v: fmt.num(v, 2)),
            f"Agreement {span}": t["agreement_share_recent"].map(lambda v: fmt.pct(v, share=True)),
            f"Kappa {span}": t["kappa_recent"].map(lambda v: fmt.num(v, 2)),
            "Mean ideal-point distance": t["distance"].map(lambda v: fmt.num(v, 2)),
            recent_dist: t["distance_recent"].map(lambda v: fmt.num(v, 2)),
        },
    )
    return show[
        [
            "Pair",
            "Common votes",
            "Agreement",
            "Kappa",
            f"Agreement {span}",
            f"Kappa {span}",
            "Mean ideal-point distance",
            recent_dist,
        ]
    ]


def cosponsorship_display(pooled: pd.DataFrame) -> pd.DataFrame:
    """Co-sponsorship of each pair: resolutions each sponsored, both sponsored, and the overlap share.

    Args:
        pooled: :func:`bilateral.diplomatic.ties.cosponsorship_overlap`.
    """
    t = pooled
    return t.assign(
        Pair=pair_names(t),
        **{
            "Sponsored by the first": t["n_anchor"],
            "Sponsored by the second": t["n_partner"],
            "By both": t["n_both"],
            "Overlap share": t["overlap_share"].map(lambda v: fmt.pct(v, share=True)),
        },
    )[["Pair", "Sponsored by the first", "Sponsored by the second", "By both", "Overlap share"]]


def pledges_display(table: pd.DataFrame) -> pd.DataFrame:
    """Obligations in force for each pair (:func:`bilateral.diplomatic.ties.pledges_with_partners`)."""
    return table.assign(Pair=pair_names(table)).rename(columns={"obligations": "Obligations in force"})[
        ["Pair", "Obligations in force"]
    ]


def posts_pair_display(posts_pair: pd.DataFrame) -> pd.DataFrame:
    """The covered directions of :func:`bilateral.diplomatic.ties.posts_between`: edition, sender, host, number
    of posts and the cities (empty when no direction is covered)."""
    rows = posts_pair.assign(
        Sender=posts_pair["sender"].map(display_name),
        Host=posts_pair["host"].map(display_name),
        Posts=posts_pair["n_posts"].astype("object").where(posts_pair["coverage"] == "covered", "not covered"),
    )
    covered = rows[rows["coverage"] == "covered"]
    return covered[["edition_year", "Sender", "Host", "Posts", "posts"]].rename(
        columns={"edition_year": "Edition (label)", "posts": "Cities (type)"}
    )


def posts_matrix_display(matrix: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`bilateral.diplomatic.ties.posts_matrix` with the states by name: the numbers (for the data file)
    and the cells as shown ("–" where the subset does not cover the direction)."""
    m = matrix.copy()
    m.index = [display_name(h) for h in m.index]
    m.columns = [display_name(s) for s in m.columns]
    return m, m.astype("object").where(m.notna(), "–")


def cow_display(P, cow_pair: pd.DataFrame) -> pd.DataFrame:
    """:func:`bilateral.diplomatic.ties.exchange_between` with plain headers naming the states."""
    return cow_pair.rename(
        columns={
            "year": "Year",
            "level_b_in_a": f"{P.name_b} represented in {P.name_a}",
            "level_a_in_b": f"{P.name_a} represented in {P.name_b}",
            "exchange": "Any exchange (1 = yes)",
        }
    )
