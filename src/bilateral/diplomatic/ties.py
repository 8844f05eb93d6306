"""Diplomatic relations, computation: co-sponsorship of UN resolutions, alliance pledges (ATOP) and diplomatic
representation (Lowy Global Diplomacy Index posts, COW diplomatic exchange).

Pure functions on the processed tables (frames in, frames out).

* **overlap share** (co-sponsorship): resolutions both sponsored divided by resolutions either
  sponsored (a Jaccard index).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral.diplomatic.compute import LOWY_FULL_HOSTS, LOWY_FULL_SENDERS, PLEDGES, pair_label

__all__ = [
    "absent_sponsors",
    "additional_sponsor_share",
    "atop_states",
    "cosponsorship_by_year",
    "cosponsorship_overlap",
    "exchange_between",
    "exchange_sides",
    "last_year_low",
    "latest_edition",
    "lowy_covers",
    "lowy_editions",
    "on_behalf_counts",
    "pledge_first_years",
    "pledge_grid",
    "pledges_between",
    "pledges_with_partners",
    "posts_between",
    "posts_matrix",
    "senders_in_host",
]


# ---------------------------------------------------------------------------------------------
# Co-sponsorship
# ---------------------------------------------------------------------------------------------


def cosponsorship_by_year(cos: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """Per year: resolutions with a sponsor list, those each state sponsored, those both sponsored,
    and the overlap share (both / either).

    Args:
        cos: unga_cosponsors (one row per resolution and sponsoring state; sponsors and additional sponsors).
        a, b: ISO3 codes.
        years: the years kept (only years present in ``cos`` appear).

    Returns:
        Columns ``year, n_resolutions, n_a, n_b, n_both, n_either, overlap_share``.
    """
    sub = cos[cos["year"].isin(list(years))]
    rows = []
    for yr, g in sub.groupby("year"):
        sa = set(g.loc[g["iso3"] == a, "resolution"])
        sb = set(g.loc[g["iso3"] == b, "resolution"])
        either = sa | sb
        rows.append(
            {
                "year": int(yr),
                "n_resolutions": g["resolution"].nunique(),
                "n_a": len(sa),
                "n_b": len(sb),
                "n_both": len(sa & sb),
                "n_either": len(either),
                "overlap_share": len(sa & sb) / len(either) if either else np.nan,
            }
        )
    return pd.DataFrame(rows, columns=["year", "n_resolutions", "n_a", "n_b", "n_both", "n_either", "overlap_share"])


def absent_sponsors(cos: pd.DataFrame, codes: Sequence[str]) -> list[str]:
    """The states among ``codes`` that never appear among the sponsors of the records."""
    sponsors = set(cos["iso3"])
    return [code for code in codes if code not in sponsors]


def cosponsorship_overlap(cos: pd.DataFrame, pairs: Iterable[tuple[str, str]], years: Iterable[int]) -> pd.DataFrame:
    """Pooled co-sponsorship over the years for each ``(anchor, partner)`` pair.

    Returns:
        Columns ``pair, anchor, partner, n_anchor, n_partner, n_both, overlap_share`` (NaN when
        neither sponsored anything).
    """
    sub = cos[cos["year"].isin(list(years))]
    sets = sub.groupby("iso3")["resolution"].agg(set).to_dict()
    rows = []
    for anchor, partner in pairs:
        sa, sb = sets.get(anchor, set()), sets.get(partner, set())
        either = sa | sb
        rows.append(
            {
                "pair": pair_label(anchor, partner),
                "anchor": anchor,
                "partner": partner,
                "n_anchor": len(sa),
                "n_partner": len(sb),
                "n_both": len(sa & sb),
                "overlap_share": len(sa & sb) / len(either) if either else np.nan,
            }
        )
    return pd.DataFrame(rows)


def additional_sponsor_share(cos: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """Per year: resolutions with a sponsor list and the share of them listing additional sponsors (states
    that joined after the draft was tabled). A last year far below the others suggests late additions not yet
    recorded, which would understate that year's sponsorship counts.

    Returns:
        Columns ``year, n_resolutions, n_with_additional, share_with_additional``.
    """
    sub = cos[cos["year"].isin(list(years))]
    total = sub.groupby("year")["resolution"].nunique()
    extra = (
        sub[sub["role"] == "additional_sponsor"]
        .groupby("year")["resolution"]
        .nunique()
        .reindex(total.index, fill_value=0)
    )
    out = pd.DataFrame(
        {"year": total.index.astype(int), "n_resolutions": total.to_numpy(), "n_with_additional": extra.to_numpy()}
    )
    out["share_with_additional"] = out["n_with_additional"] / out["n_resolutions"]
    return out.reset_index(drop=True)


def last_year_low(shares: pd.DataFrame, column: str = "share_with_additional") -> bool:
    """True when the last year's value is below every earlier year's (and there are at least three years)."""
    if len(shares) < 3:
        return False
    s = shares.sort_values("year")[column]
    return bool(s.iloc[-1] < s.iloc[:-1].min())


def on_behalf_counts(cos: pd.DataFrame, code: str, years: Iterable[int]) -> pd.DataFrame:
    """Resolutions a state sponsored on behalf of a group, by group (``on_behalf_of``), most first."""
    sub = cos[cos["year"].isin(list(years)) & (cos["iso3"] == code) & cos["on_behalf_of"].notna()]
    out = sub.groupby("on_behalf_of")["resolution"].nunique().rename("n_resolutions").reset_index()
    return out.sort_values(["n_resolutions", "on_behalf_of"], ascending=[False, True], kind="mergesort").reset_index(
        drop=True
    )


# ---------------------------------------------------------------------------------------------
# Alliances (ATOP)
# ---------------------------------------------------------------------------------------------


def atop_states(alliances: pd.DataFrame) -> set[str]:
    """States the alliances subset follows as pledging state (``iso3_a``): only their dyads are covered."""
    return set(alliances["iso3_a"].unique())


def pledges_between(alliances: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Obligations in force between two states per year, in either direction of the directed dyad.

    Returns:
        Columns ``year`` and one 0/1 column per obligation in :data:`PLEDGES`, plus ``any_pledge``,
        for the years ATOP records an alliance between them (years without are absent: no pledge).
    """
    cols = [*PLEDGES, "any_pledge"]
    rows = alliances[
        ((alliances["iso3_a"] == a) & (alliances["iso3_b"] == b))
        | ((alliances["iso3_a"] == b) & (alliances["iso3_b"] == a))
    ]
    if rows.empty:
        return pd.DataFrame(columns=["year", *cols])
    out = rows.groupby("year")[cols].max().reset_index()
    out["year"] = out["year"].astype(int)
    for c in cols:
        out[c] = out[c].astype(int)
    return out


def pledge_grid(pledges: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """Obligation x year matrix of 0/1 (rows in :data:`PLEDGES` order), zero where no alliance is recorded."""
    years = list(years)
    grid = (
        pledges.set_index("year")[list(PLEDGES)].reindex(years, fill_value=0)
        if len(pledges)
        else pd.DataFrame(0, index=years, columns=list(PLEDGES))
    )
    return grid.T.astype(int)


def pledge_first_years(pledges: pd.DataFrame) -> dict[str, int]:
    """The first year each obligation is recorded in force (obligations never in force are left out)."""
    return {
        c: int(pledges.loc[pledges[c] == 1, "year"].min()) for c in PLEDGES if len(pledges) and (pledges[c] == 1).any()
    }


def pledges_with_partners(
    alliances: pd.DataFrame, anchors: Sequence[str], partners: Sequence[str], year: int
) -> pd.DataFrame:
    """Which obligations each anchor has with each partner in ``year``.

    Returns:
        Columns ``pair, anchor, partner, covered, obligations`` (comma-joined names of the obligations in
        force; "none" if there is none; "not covered" when neither state is followed by the subset).
    """
    followed = atop_states(alliances)
    rows = []
    for anchor in anchors:
        for partner in partners:
            if anchor == partner:
                continue
            covered = anchor in followed or partner in followed
            p = pledges_between(alliances, anchor, partner)
            p = p[p["year"] == year]
            names = [PLEDGES[c] for c in PLEDGES if len(p) and int(p[c].iloc[0]) == 1]
            rows.append(
                {
                    "pair": pair_label(anchor, partner),
                    "anchor": anchor,
                    "partner": partner,
                    "covered": covered,
                    "obligations": (", ".join(names) if names else "none") if covered else "not covered",
                }
            )
    return pd.DataFrame(rows, columns=["pair", "anchor", "partner", "covered", "obligations"])


# ---------------------------------------------------------------------------------------------
# Representation: Lowy posts and COW diplomatic exchange
# ---------------------------------------------------------------------------------------------


def lowy_editions(posts: pd.DataFrame) -> list[int]:
    """The Lowy editions with at least 100 rows in the subset (the 2019 label has 3 rows and is left out)."""
    return [int(e) for e, n in posts.groupby("edition_year").size().items() if n >= 100]


def latest_edition(posts: pd.DataFrame) -> int:
    """The latest of :func:`lowy_editions`."""
    return max(lowy_editions(posts))


def lowy_covers(posts: pd.DataFrame, sender: str, host: str) -> str:
    """Whether the posts subset can say how many posts ``sender`` has in ``host``.

    Returns:
        ``"covered"`` (a count, including zero, is meaningful), ``"not a sender"`` (the state never
        appears as a sending country: the index does not cover its network), or ``"not in subset"``
        (the subset keeps neither the sender's whole network nor every post in the host).
    """
    if sender not in set(posts["sender_iso3"]):
        return "not a sender"
    if sender in LOWY_FULL_SENDERS or host in LOWY_FULL_HOSTS:
        return "covered"
    return "not in subset"


def posts_between(posts: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Posts of each state in the other, by edition, where the subset covers that direction.

    Returns:
        Columns ``edition_year, sender, host, coverage, n_posts, posts`` (``"City (title)"``, ``; ``-joined);
        ``n_posts`` is missing where the direction is not covered. Editions are those with at least
        100 rows in the subset (the 2019 label has 3 rows and is left out).
    """
    editions = lowy_editions(posts)
    rows = []
    for sender, host in ((a, b), (b, a)):
        coverage = lowy_covers(posts, sender, host)
        for ed in editions:
            p = posts[(posts["edition_year"] == ed) & (posts["sender_iso3"] == sender) & (posts["host_iso3"] == host)]
            p = p.sort_values(["post_type", "host_city"], kind="mergesort")
            rows.append(
                {
                    "edition_year": ed,
                    "sender": sender,
                    "host": host,
                    "coverage": coverage,
                    "n_posts": len(p) if coverage == "covered" else pd.NA,
                    "posts": "; ".join(f"{c} ({t})" for c, t in zip(p["host_city"], p["post_title"]))
                    if coverage == "covered"
                    else "",
                }
            )
    out = pd.DataFrame(rows, columns=["edition_year", "sender", "host", "coverage", "n_posts", "posts"])
    out["n_posts"] = out["n_posts"].astype("Int64")
    return out


def senders_in_host(posts: pd.DataFrame, host: str) -> pd.DataFrame:
    """For a host the subset covers fully: per edition, how many index countries have a post there, and their posts.

    Returns:
        Columns ``edition_year, n_senders, n_posts`` (editions with 100+ rows only); empty if ``host`` is
        not one of :data:`LOWY_FULL_HOSTS`.
    """
    if host not in LOWY_FULL_HOSTS:
        return pd.DataFrame(columns=["edition_year", "n_senders", "n_posts"])
    editions = lowy_editions(posts)
    p = posts[(posts["host_iso3"] == host) & posts["edition_year"].isin(editions)]
    out = (
        p.groupby("edition_year")
        .agg(n_senders=("sender_iso3", "nunique"), n_posts=("host_city", "size"))
        .reindex(editions, fill_value=0)
    )
    return out.rename_axis("edition_year").reset_index()


def posts_matrix(posts: pd.DataFrame, senders: Sequence[str], hosts: Sequence[str], edition: int) -> pd.DataFrame:
    """Number of posts of each sender in each host in one edition; missing where the subset does not cover
    the direction (see :func:`lowy_covers`) and for a state and itself.

    Returns:
        A frame indexed by host, one ``Int64`` column per sender.
    """
    p = posts[posts["edition_year"] == edition]
    out = pd.DataFrame(index=pd.Index(list(hosts), name="host"))
    for sender in senders:
        counts = p[p["sender_iso3"] == sender].groupby("host_iso3").size()
        values = [
            pd.NA if sender == host or lowy_covers(posts, sender, host) != "covered" else int(counts.get(host, 0))
            for host in hosts
        ]
        out[sender] = pd.array(values, dtype="Int64")
    return out


def exchange_between(exchange: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """COW representation between two states per covered year, oriented as given.

    The extract holds rows with Azerbaijan as side a only; a pair without Azerbaijan gets an empty frame.

    Returns:
        Columns ``year, level_b_in_a, level_a_in_b`` (names of the levels), ``exchange``.
    """
    cols = ["year", "level_b_in_a", "level_a_in_b", "exchange"]
    direct = exchange[(exchange["iso3_a"] == a) & (exchange["iso3_b"] == b)]
    if len(direct):
        out = pd.DataFrame(
            {
                "year": direct["year"],
                "level_b_in_a": direct["level_in_a_meaning"],
                "level_a_in_b": direct["level_in_b_meaning"],
                "exchange": direct["exchange"],
            }
        )
    else:
        rev = exchange[(exchange["iso3_a"] == b) & (exchange["iso3_b"] == a)]
        out = pd.DataFrame(
            {
                "year": rev["year"],
                "level_b_in_a": rev["level_in_b_meaning"],
                "level_a_in_b": rev["level_in_a_meaning"],
                "exchange": rev["exchange"],
            }
        )
    return (
        out[cols].astype({"year": int}).sort_values("year").reset_index(drop=True)
        if len(out)
        else pd.DataFrame(columns=cols)
    )


def exchange_sides(exchange: pd.DataFrame) -> set[str]:
    """The states the COW extract covers as side a (Azerbaijan only)."""
    return set(exchange["iso3_a"].unique())
