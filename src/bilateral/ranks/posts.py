"""Diplomatic posts (Lowy Global Diplomacy Index subset): every sending state ranked by its posts in a host.

A rank exists only for hosts where the subset keeps every sender's posts
(:data:`bilateral.diplomatic.LOWY_FULL_HOSTS`), and only for editions with enough rows
(:data:`MIN_EDITION_ROWS`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import diplomatic as dip
from bilateral.countries import is_iso3
from bilateral.ranks.core import NOT_COVERED, rank_frame, rank_of, rank_table, unranked

__all__ = ["MIN_EDITION_ROWS", "posts_editions", "posts_ranked", "posts_ranks"]


#: Lowy editions with fewer rows than this in the subset are left out (the 2019 label holds 3 rows).
MIN_EDITION_ROWS = 100


def posts_editions(posts: pd.DataFrame) -> list[int]:
    """Editions with at least :data:`MIN_EDITION_ROWS` rows in the subset."""
    n = posts.groupby("edition_year").size()
    return [int(e) for e, k in n.items() if k >= MIN_EDITION_ROWS]


def posts_ranked(posts: pd.DataFrame, host: str) -> pd.DataFrame:
    """Every sending state with a post in ``host`` ranked by its number of posts there, per edition.

    Non-state senders (no ISO code) are shown but not ranked.
    """
    p = posts[(posts["host_iso3"] == host) & posts["edition_year"].isin(posts_editions(posts))]
    counts = (
        p.groupby(["edition_year", "sender_iso3"])
        .size()
        .rename("n_posts")
        .reset_index()
        .rename(columns={"sender_iso3": "partner"})
    )
    return rank_table(
        counts.assign(host=host), by=["host", "edition_year"], value="n_posts", exclude=lambda c: not is_iso3(c)
    )


def posts_ranks(posts: pd.DataFrame, a: str, b: str, full_hosts: Sequence[str] = dip.LOWY_FULL_HOSTS) -> pd.DataFrame:
    """Each of the pair's posts in the other against every sender in the index, per edition.

    Args:
        posts: ``diplomatic_posts`` rows.
        a, b: the pair.
        full_hosts: hosts where the subset keeps every index state's posts (only there is a rank possible;
            default :data:`bilateral.diplomatic.LOWY_FULL_HOSTS`).

    Returns:
        One row per direction and edition: ``host, sender, edition_year, status, n_posts, rank, n_ranked,
        n_tied, percentile``; ``status`` "not covered" where the host is not fully kept, "not a sender"
        where the index does not map the sender's network, "absent" where the sender has no post there.
    """
    senders = set(posts["sender_iso3"])
    rows = []
    for host, sender in ((a, b), (b, a)):
        ranked = posts_ranked(posts, host) if host in full_hosts else None
        for ed in posts_editions(posts):
            if ranked is None or sender not in senders:
                status = NOT_COVERED if ranked is None else "not a sender"
                r = unranked(
                    status, 0 if ranked is None else int(ranked.loc[ranked["edition_year"] == ed, "ranked"].sum())
                )
            else:
                r = rank_of(ranked, sender, where={"edition_year": ed})
            vr = r["value_row"]
            rows.append(
                {
                    "host": host,
                    "sender": sender,
                    "edition_year": ed,
                    "status": r["status"],
                    "n_posts": int(vr["n_posts"]) if vr is not None else (0 if r["status"] == "absent" else pd.NA),
                    "rank": r["rank"],
                    "n_ranked": r["n_ranked"],
                    "n_tied": r["n_tied"],
                    "percentile": r["percentile"],
                }
            )
    return rank_frame(
        rows,
        ["host", "sender", "edition_year", "status", "n_posts", "rank", "n_ranked", "n_tied", "percentile"],
        integers=("rank", "n_tied", "n_posts"),
    )
