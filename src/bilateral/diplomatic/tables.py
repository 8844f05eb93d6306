"""Diplomatic relations, display tables: formatted frames for :func:`bilateral.figures.table` (plain column
headers, states by name, numbers formatted with :mod:`bilateral.fmt`), with the tables' computed captions and notes.
Functions that need the pair, the names or the period take the validated parameters object ``P``.
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
    "ATOP_COMPARATORS_NOTE",
    "LOWY_MATRIX_NOTE",
    "LOWY_PAIR_NOTE",
    "atop_comparators_caption",
    "comparator_display",
    "comparator_table_caption",
    "comparator_table_note",
    "cosponsorship_comparators_caption",
    "cosponsorship_display",
    "cow_caption",
    "cow_display",
    "cow_note",
    "events_table",
    "events_table_caption",
    "latest_disagreements",
    "latest_disagreements_caption",
    "latest_disagreements_display",
    "lowy_matrix_caption",
    "lowy_pair_caption",
    "pair_names",
    "pledges_display",
    "posts_matrix_display",
    "posts_pair_display",
    "un_ranks_caption",
]


def _span(years: range) -> str:
    return fmt.years(years.start, years.stop - 1)


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


def comparator_display(comp: pd.DataFrame, recent: range, ideal_last: int, period: str | None = None) -> pd.DataFrame:
    """The pair and each of the pair with every comparator, in six columns that fit a phone: common votes,
    agreement and kappa over the period, kappa over the recent years, and the mean ideal-point distance (the
    data file keeps every measure, the recent agreement and distance too).

    Args:
        comp: :func:`bilateral.diplomatic.compare.comparator_table`.
        period: the whole period as text; when the recent years are the whole period, their column is left out.
    """
    t = comp
    out = pd.DataFrame(
        {
            "Pair": pair_names(t),
            "Common votes": t["n_votes"].map(fmt.integer),
            "Agreement": t["agreement_share"].map(lambda v: fmt.pct(v, share=True)),
            "Kappa": t["kappa"].map(lambda v: fmt.num(v, 2)),
            f"Kappa {_span(recent)}": t["kappa_recent"].map(lambda v: fmt.num(v, 2)),
            "Ideal-point distance": t["distance"].map(lambda v: fmt.num(v, 2)),
        }
    )
    return out.drop(columns=f"Kappa {_span(recent)}") if _span(recent) == period else out


def latest_disagreements_display(latest: pd.DataFrame) -> pd.DataFrame:
    """:func:`latest_disagreements` in five columns that fit a phone: the title and symbol of each resolution in
    one column ("Human rights and cultural diversity (A/RES/80/205)")."""
    out = latest.copy()
    out["Resolution"] = [f"{t} ({r})" for t, r in zip(out["Title"], out["Resolution"])]
    return out.drop(columns="Title")


def cosponsorship_display(pooled: pd.DataFrame) -> pd.DataFrame:
    """Co-sponsorship of each pair: resolutions each sponsored, both sponsored, and the overlap share.

    Args:
        pooled: :func:`bilateral.diplomatic.ties.cosponsorship_overlap`.
    """
    t = pooled
    return t.assign(
        Pair=pair_names(t),
        **{
            "First sponsored": t["n_anchor"],
            "Second sponsored": t["n_partner"],
            "Both": t["n_both"],
            "Overlap share": t["overlap_share"].map(lambda v: fmt.pct(v, share=True)),
        },
    )[["Pair", "First sponsored", "Second sponsored", "Both", "Overlap share"]]


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


# ---------------------------------------------------------------------------------------------
# Captions and notes of the tables
# ---------------------------------------------------------------------------------------------


def _cos_span(by_year: pd.DataFrame) -> str:
    return fmt.years(int(by_year["year"].min()), int(by_year["year"].max()))


def events_table_caption(P, background: bool) -> str:
    """Caption of the events table (``background``: some events fall before the period)."""
    return (
        f"Dated diplomatic events naming {P.name_a} and {P.name_b}, oldest first, with the sources each rests on (publisher and the date it gives) "
        "and whether they are the seed documents alone, one side's sources, both sides' or a third party's."
        + (f" Events dated before {P.start_year} are background to the report's period." if background else "")
    )


def comparator_table_caption(P, recent: range) -> str:
    """Caption of the table of the pair and the comparators (kappa also for the recent years, when they are not the
    whole period)."""
    also = "" if _span(recent) == P.period else f", with kappa also for {_span(recent)}"
    return f"UN voting alignment of the pair and of each of them with the comparators, {P.period}{also}."


def comparator_table_note(ideal_last: int) -> str:
    """Note under the table of the pair and the comparators: how the measures are pooled and read."""
    return (
        f"Agreement and kappa pool every common vote of the years (not a mean of yearly values); higher is closer. The distance is the mean "
        f"absolute gap between the two ideal points over the years with reliable estimates for both (the estimates end in {ideal_last}); lower is closer."
    )


def un_ranks_caption(P) -> str:
    """Caption of the table of the pair's ranks among all states."""
    from bilateral import ranks

    return (
        f"Rank of each of the pair among all states by UN General Assembly agreement share and Cohen's kappa with the other, "
        f"{P.period} and by period (1 = closest; among the states with enough common recorded votes in the period: {ranks.PRESENCE_WORDS})."
    )


def latest_disagreements_caption(P, n: int) -> str:
    """Caption of the table of the latest votes on which the pair differed."""
    return f"The {n} latest recorded votes in {P.period} on which {P.name_a} and {P.name_b} voted differently, newest first."


def cosponsorship_comparators_caption(by_year: pd.DataFrame) -> str:
    """Caption of the co-sponsorship table of the pair and the comparators."""
    return f"Co-sponsorship of the pair and of each of them with the comparators, {_cos_span(by_year)} pooled."


#: Note under the table of obligations with the comparators.
ATOP_COMPARATORS_NOTE = "Pledges between former Soviet republics may come from multilateral CIS-era treaties rather than bilateral alliances."


def atop_comparators_caption(year: int) -> str:
    """Caption of the table of obligations between each of the pair and the comparators."""
    return f"Alliance obligations in force between each of the pair and the comparators in {year} (ATOP)."


#: Note under the table of the pair's posts in each other.
LOWY_PAIR_NOTE = (
    "Edition labels are the compilation's; the label of the latest edition probably stands for the 2024 index."
)


#: Note under the matrix of posts.
LOWY_MATRIX_NOTE = "– : not covered by the subset (or the state itself). States absent as columns are not sending countries of the index."


def lowy_pair_caption() -> str:
    """Caption of the table of the pair's posts in each other."""
    return "Diplomatic posts of one state of the pair in the other, by Lowy edition."


def lowy_matrix_caption(edition: int) -> str:
    """Caption of the matrix of posts of each sender in each host."""
    return f"Number of posts of each sending state (columns) in each host (rows), Lowy edition labelled {edition}."


def cow_caption(P) -> str:
    """Caption of the COW diplomatic-exchange table."""
    return f"Level of diplomatic representation between {P.name_a} and {P.name_b} (COW Diplomatic Exchange)."


def cow_note(exchange: pd.DataFrame) -> str:
    """Note under the COW table: five-yearly data and their last year."""
    return f"The data are five-yearly and end in {int(exchange['year'].max())}."
