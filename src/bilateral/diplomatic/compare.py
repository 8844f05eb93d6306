"""Diplomatic relations, computation: ideal points, the pair against the comparators, and where the pair parts
(disagreement by issue area and by kind of split).

Pure functions on the processed tables (frames in, frames out).

* **ideal-point distance**: the absolute difference between two states' ideal points in a year
  (Bailey, Strezhnev & Voeten; final-passage estimates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral.diplomatic.compute import ISSUE_LABELS, ISSUE_METHODS, comparison_pairs, pooled_agreement
from bilateral.measures import VOTE_CATEGORIES

__all__ = [
    "TIE_TOLERANCE",
    "above_pair",
    "both_yes_share",
    "closeness",
    "common",
    "comparator_table",
    "disagreement_by_issue",
    "disagreement_kinds",
    "ideal_distance",
    "ideal_standing",
    "mean_distance",
    "natural_key",
    "pair_votes",
    "rank_of_pair",
    "unreliable_ideal_points",
]


# ---------------------------------------------------------------------------------------------
# Ideal points
# ---------------------------------------------------------------------------------------------


def ideal_distance(ideal: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """Both states' ideal points per year and the distance between them.

    Args:
        ideal: unga_ideal_points.
        a, b: ISO3 codes.
        years: the years kept.

    Returns:
        Columns ``year, ideal_a, ideal_b, q5_a, q95_a, q5_b, q95_b, distance, few_a, few_b, reliable`` for
        the years both have an estimate; ``few_a``/``few_b`` copy each state's ``few_votes`` flag, ``reliable``
        is False when either is set, and ``distance`` is then still given but should not be read.
    """
    cols = ["year", "ideal_point", "ideal_point_q5", "ideal_point_q95", "few_votes"]
    sub = ideal[ideal["year"].isin(list(years)) & ideal["ideal_point"].notna()]
    left = sub[sub["iso3"] == a][cols].rename(columns=lambda c: c if c == "year" else f"{c}_a")
    right = sub[sub["iso3"] == b][cols].rename(columns=lambda c: c if c == "year" else f"{c}_b")
    m = left.merge(right, on="year", how="inner")
    out = pd.DataFrame(
        {
            "year": m["year"].astype(int),
            "ideal_a": m["ideal_point_a"],
            "ideal_b": m["ideal_point_b"],
            "q5_a": m["ideal_point_q5_a"],
            "q95_a": m["ideal_point_q95_a"],
            "q5_b": m["ideal_point_q5_b"],
            "q95_b": m["ideal_point_q95_b"],
            "distance": (m["ideal_point_a"] - m["ideal_point_b"]).abs(),
            "few_a": m["few_votes_a"].astype(bool),
            "few_b": m["few_votes_b"].astype(bool),
            "reliable": ~(m["few_votes_a"].astype(bool) | m["few_votes_b"].astype(bool)),
        }
    )
    return out.sort_values("year").reset_index(drop=True)


def ideal_standing(ideal: pd.DataFrame, a: str, b: str, year: int) -> dict:
    """Where ``b`` stands among every state as seen from ``a`` on the ideal-point scale in one year, and whether
    the two states' 5–95% posterior ranges overlap.

    Returns:
        ``distance`` (|a - b|), ``n_closer`` (other states nearer to ``a`` than ``b`` is), ``n_states`` (states
        with a reliable estimate that year, ``a`` and ``b`` left out) and ``overlap`` (True when the two ranges
        overlap); NaN distance and zero counts when either has no estimate.
    """
    sub = ideal[(ideal["year"] == year) & ideal["ideal_point"].notna()]
    sub = sub[~sub["few_votes"].astype(bool) | sub["iso3"].isin([a, b])].set_index("iso3")
    if a not in sub.index or b not in sub.index:
        return {"distance": float("nan"), "n_closer": 0, "n_states": 0, "overlap": False}
    point = sub["ideal_point"]
    distance = abs(float(point[a]) - float(point[b]))
    others = (point.drop([a, b]) - float(point[a])).abs()
    ra = (float(sub.at[a, "ideal_point_q5"]), float(sub.at[a, "ideal_point_q95"]))
    rb = (float(sub.at[b, "ideal_point_q5"]), float(sub.at[b, "ideal_point_q95"]))
    return {
        "distance": distance,
        "n_closer": int((others < distance).sum()),
        "n_states": len(others),
        "overlap": ra[0] <= rb[1] and rb[0] <= ra[1],
    }


def unreliable_ideal_points(ideal: pd.DataFrame, codes: Iterable[str], years: Iterable[int]) -> pd.DataFrame:
    """Rows of the given states and years flagged ``few_votes`` (iso3, year, n_votes)."""
    sub = ideal[ideal["iso3"].isin(list(codes)) & ideal["year"].isin(list(years)) & ideal["few_votes"].astype(bool)]
    return sub[["iso3", "year", "n_votes"]].sort_values(["year", "iso3"]).reset_index(drop=True)


def mean_distance(ideal: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> tuple[float, int]:
    """Mean ideal-point distance over the reliable years, and the number of those years."""
    d = ideal_distance(ideal, a, b, years)
    d = d[d["reliable"]]
    return (float(d["distance"].mean()) if len(d) else float("nan"), len(d))


# ---------------------------------------------------------------------------------------------
# The pair against the comparators
# ---------------------------------------------------------------------------------------------


def comparator_table(
    votes: pd.DataFrame, ideal: pd.DataFrame, a: str, b: str, comparators: Sequence[str], years: range, recent: range
) -> pd.DataFrame:
    """The pair and each of the pair with every comparator: pooled agreement and kappa over the whole
    period and over the recent years, and the mean ideal-point distance over the period.

    Returns:
        One row per pair (the pair first), columns ``pair, anchor, partner, n_votes, agreement_share,
        kappa, n_votes_recent, agreement_share_recent, kappa_recent, distance, distance_years,
        distance_recent, distance_years_recent`` (distances: means over the years with reliable estimates
        for both; NaN when there is none).
    """
    pairs = comparison_pairs(a, b, comparators)
    whole = pooled_agreement(votes, pairs, years)
    late = pooled_agreement(votes, pairs, recent)[["n_votes", "agreement_share", "kappa"]].add_suffix("_recent")
    out = pd.concat([whole.drop(columns="n_same"), late], axis=1)
    dist = [mean_distance(ideal, x, y, years) for x, y in pairs]
    out["distance"] = [d for d, _ in dist]
    out["distance_years"] = [n for _, n in dist]
    dist_recent = [mean_distance(ideal, x, y, recent) for x, y in pairs]
    out["distance_recent"] = [d for d, _ in dist_recent]
    out["distance_years_recent"] = [n for _, n in dist_recent]
    return out


def above_pair(table: pd.DataFrame, column: str, anchor: str) -> list[str]:
    """The comparators with whom ``anchor`` scores higher on ``column`` than with its pair partner.

    ``table`` is :func:`comparator_table` output (the pair is its first row); returns the partners'
    codes, highest first.
    """
    if table.empty or pd.isna(table[column].iloc[0]):
        return []
    rows = table.iloc[1:]
    rows = rows[(rows["anchor"] == anchor) & (rows[column] > table[column].iloc[0])]
    return list(rows.sort_values(column, ascending=False)["partner"])


def rank_of_pair(table: pd.DataFrame, column: str, anchor: str) -> tuple[int, int]:
    """Among the rows of ``table`` whose anchor or partner is ``anchor``, the rank (1 = highest) of the first
    row (the pair) by ``column``, and how many rows had a value. Ties share the better rank."""
    rows = table[(table["anchor"] == anchor) | (table["partner"] == anchor)]
    values = rows[column].dropna()
    if table.empty or pd.isna(table[column].iloc[0]):
        return (0, len(values))
    return (int((values > table[column].iloc[0]).sum()) + 1, len(values))


#: Differences in kappa or ideal-point distance smaller than this are read as ties when the pair is compared
#: with the comparators (both measures are shown to two decimals).
TIE_TOLERANCE = 0.01


def closeness(
    table: pd.DataFrame, column: str, anchor: str, *, higher_is_closer: bool = True, tol: float = TIE_TOLERANCE
) -> dict:
    """How the pair compares with ``anchor``'s ties to the comparators on one measure, ties allowed.

    A comparator is *closer* than the pair partner when its value is better by more than ``tol``, and
    *tied* when the two differ by ``tol`` or less. The rank is one plus the number of closer comparators.

    Args:
        table: :func:`comparator_table` output (the pair first).
        column: ``kappa``, ``agreement_share`` (higher is closer) or ``distance`` (lower is closer).
        anchor: the state of the pair whose partners are compared.
        higher_is_closer: False for distances.
        tol: the tie margin.

    Returns:
        ``rank`` (0 when the pair has no value), ``n`` (partners with a value, the pair included), ``closer``
        and ``tied`` (comparator codes, closest first).

    Example:
        With kappa 0.149 for the pair, 0.151 and 0.53 with two comparators and ``tol`` 0.01, the first
        comparator is tied, the second closer, and the pair ranks 2 of 3.
    """
    rows = table[(table["anchor"] == anchor) | (table["partner"] == anchor)]
    values = rows[column].dropna()
    if table.empty or pd.isna(table[column].iloc[0]):
        return {"rank": 0, "n": len(values), "closer": [], "tied": []}
    ref = float(table[column].iloc[0])
    others = table.iloc[1:]
    others = others[(others["anchor"] == anchor) & others[column].notna()]
    better = (others[column] - ref) if higher_is_closer else (ref - others[column])
    order = others.assign(_b=better).sort_values("_b", ascending=False, kind="mergesort")
    closer = list(order.loc[order["_b"] > tol, "partner"])
    tied = list(order.loc[order["_b"].abs() <= tol, "partner"])
    return {"rank": len(closer) + 1, "n": len(values), "closer": closer, "tied": tied}


# ---------------------------------------------------------------------------------------------
# Where they part: disagreement
# ---------------------------------------------------------------------------------------------


def pair_votes(votes: pd.DataFrame, resolutions: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """The two states' votes side by side on every roll call both have a row for, with the roll call's metadata.

    Returns:
        Columns ``vote_id, date, year, source, resolution, title, issue_method``, the issue flags
        ``issue_<code>`` and ``vote_a, vote_b``.
    """
    sub = votes[votes["year"].isin(list(years))]
    va = sub[sub["iso3"] == a][["vote_id", "vote"]].rename(columns={"vote": "vote_a"})
    vb = sub[sub["iso3"] == b][["vote_id", "vote"]].rename(columns={"vote": "vote_b"})
    issue_cols = [f"issue_{c}" for c in ISSUE_LABELS]
    meta = resolutions[["vote_id", "date", "year", "source", "resolution", "title", "issue_method", *issue_cols]]
    return meta.merge(va.merge(vb, on="vote_id", how="inner"), on="vote_id", how="inner").reset_index(drop=True)


def common(pv: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`pair_votes` on which both voted yes, no or abstain."""
    return pv[pv["vote_a"].isin(VOTE_CATEGORIES) & pv["vote_b"].isin(VOTE_CATEGORIES)]


def both_yes_share(pv: pd.DataFrame, years: Iterable[int] | None = None) -> float:
    """Share of the common votes (optionally of some years only) on which both voted yes."""
    c = common(pv)
    if years is not None:
        c = c[c["year"].isin(list(years))]
    if c.empty:
        return float("nan")
    return float(((c["vote_a"] == "yes") & (c["vote_b"] == "yes")).mean())


def disagreement_by_issue(pv: pd.DataFrame) -> pd.DataFrame:
    """Share of common votes on which the two voted differently, by issue area and issue method.

    A roll call in several areas counts in each; the ``all`` row counts every common vote once.

    Returns:
        Columns ``issue_method, issue, label, n_votes, n_different, disagreement_share`` (NaN share
        where there is no common vote), areas in :data:`ISSUE_LABELS` order then ``all``.
    """
    c = common(pv)
    rows = []
    for method in ISSUE_METHODS:
        m = c[c["issue_method"] == method]
        differ = m["vote_a"] != m["vote_b"]
        for code, label in [*ISSUE_LABELS.items(), ("all", "All recorded votes")]:
            mask = pd.Series(True, index=m.index) if code == "all" else m[f"issue_{code}"].astype(bool)
            n = int(mask.sum())
            k = int((differ & mask).sum())
            rows.append(
                {
                    "issue_method": method,
                    "issue": code,
                    "label": label,
                    "n_votes": n,
                    "n_different": k,
                    "disagreement_share": k / n if n else np.nan,
                }
            )
    return pd.DataFrame(rows)


def disagreement_kinds(pv: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """How the two split on the common votes where they differed: counts of each (vote_a, vote_b) combination.

    Returns:
        Columns ``kind`` (e.g. "AZE yes, TUR no"), ``vote_a``, ``vote_b``, ``n_votes``, ``share`` (of
        all disagreements), most frequent first.
    """
    c = common(pv)
    d = c[c["vote_a"] != c["vote_b"]]
    if d.empty:
        return pd.DataFrame(columns=["kind", "vote_a", "vote_b", "n_votes", "share"])
    counts = d.groupby(["vote_a", "vote_b"]).size().rename("n_votes").reset_index()
    counts["kind"] = [f"{a} {x}, {b} {y}" for x, y in zip(counts["vote_a"], counts["vote_b"])]
    counts["share"] = counts["n_votes"] / counts["n_votes"].sum()
    counts = counts.sort_values(["n_votes", "kind"], ascending=[False, True], kind="mergesort")
    return counts[["kind", "vote_a", "vote_b", "n_votes", "share"]].reset_index(drop=True)


def natural_key(text: object) -> tuple:
    """A sort key that orders the numbers inside a symbol by value: ``A/RES/80/99`` before ``A/RES/80/100``.

    Example:
        >>> sorted(["A/RES/80/100", "A/RES/80/99"], key=natural_key)
        ['A/RES/80/99', 'A/RES/80/100']
    """
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", str(text)) if p)
