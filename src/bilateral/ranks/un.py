"""UN General Assembly: every member state ranked by its agreement share and Cohen's kappa with a country.

Scores are pooled over a period and its five-year parts (:func:`un_scores`); a state is ranked only with
enough common recorded votes (:data:`MIN_COMMON_VOTES`, :data:`MIN_PRESENCE`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import fmt, periods
from bilateral.measures import pairs_with, pairwise_agreement
from bilateral.ranks.core import rank_frame, rank_of, rank_table, top_n

__all__ = [
    "MIN_COMMON_VOTES",
    "MIN_PRESENCE",
    "UN_MEASURES",
    "span_layers",
    "un_median",
    "un_ranked",
    "un_ranks",
    "un_scores",
    "un_spans",
    "un_top",
]


#: Fewest common recorded votes with the anchor state for a state to be ranked in a period.
MIN_COMMON_VOTES = 20

#: A state is ranked in a period only with at least this share of the most common votes any state has with the anchor.
MIN_PRESENCE = 0.5

#: The UN measures ranked, with their names for readers.
UN_MEASURES = {"agreement_share": "agreement share", "kappa": "Cohen's kappa"}


def un_spans(start: int, end: int, width: int = 5) -> list[tuple[int, int]]:
    """The whole period first, then consecutive periods of ``width`` years (see :func:`bilateral.military.periods`)."""
    spans = periods.spans(start, end, width)
    return [(start, end)] + (spans if len(spans) > 1 else [])


def un_scores(votes: pd.DataFrame, anchors: Sequence[str], spans: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """Agreement share and kappa of each anchor with every other state, pooled over each span of years.

    The spans are put in layers of spans that do not overlap (:func:`span_layers`: the whole period is
    one layer, its five-year parts another), and each layer takes one call to
    :func:`bilateral.measures.pairwise_agreement` (matrix products over all states at once, one group
    per span), so the cost hardly depends on the number of states or of spans.

    Args:
        votes: ``unga_votes`` rows (every state, every roll call).
        anchors: the states whose partners are ranked (e.g. the pair).
        spans: ``(first, last)`` years; they may overlap (the whole period and its five-year parts).

    Returns:
        Columns ``period, start, end, anchor, partner, n_votes, agreement_share, kappa``: one row per
        anchor, span and other state with at least one common vote, spans in the order given.
    """
    columns = ["period", "start", "end", "anchor", "partner", "n_votes", "agreement_share", "kappa"]
    states = sorted(votes["iso3"].dropna().unique())
    pairs = pairs_with(anchors, states)
    years = votes["year"].to_numpy(dtype=float, na_value=np.nan)
    by_span: dict[int, pd.DataFrame] = {}
    for layer in span_layers(spans):
        span_of_row = np.full(len(votes), -1)
        for i in layer:
            lo, hi = spans[i]
            span_of_row[(years >= lo) & (years <= hi)] = i
        inside = np.flatnonzero(span_of_row >= 0)
        # only the rows and columns the agreement needs (the votes table is long: copy no more than that)
        sub = pd.DataFrame({"span": span_of_row[inside]}).assign(
            **{c: votes[c].iloc[inside].reset_index(drop=True) for c in ("vote_id", "iso3", "vote")}
        )
        pw = pairwise_agreement(sub, pairs, by="span", vote_id="vote_id", country="iso3", vote="vote")
        by_span.update({int(i): group for i, group in pw.groupby("span", sort=False)})
    none = pd.DataFrame(columns=["span", "iso3_a", "iso3_b", "n_votes", "n_same", "agreement_share", "kappa"])
    frames = []
    for i, (lo, hi) in enumerate(spans):
        pw = by_span.get(i, none)
        for anchor in anchors:
            mine = pw[(pw["iso3_a"] == anchor) | (pw["iso3_b"] == anchor)]
            partner = np.where(mine["iso3_a"] == anchor, mine["iso3_b"], mine["iso3_a"])
            frames.append(
                pd.DataFrame(
                    {
                        "period": fmt.years(lo, hi),
                        "start": lo,
                        "end": hi,
                        "anchor": anchor,
                        "partner": partner,
                        "n_votes": mine["n_votes"].to_numpy(),
                        "agreement_share": mine["agreement_share"].to_numpy(dtype=float),
                        "kappa": mine["kappa"].to_numpy(dtype=float),
                    }
                )
            )
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def span_layers(spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The positions of ``spans`` in layers of spans that do not overlap, each span in the first layer it fits.

    Example:
        >>> span_layers([(1992, 2024), (1992, 1996), (1997, 2001), (2000, 2003)])
        [[0], [1, 2], [3]]
    """
    layers: list[list[int]] = []
    for i, (lo, hi) in enumerate(spans):
        for layer in layers:
            if all(hi < spans[j][0] or lo > spans[j][1] for j in layer):
                layer.append(i)
                break
        else:
            layers.append([i])
    return layers


def un_ranked(
    scores: pd.DataFrame, measure: str, *, min_votes: int = MIN_COMMON_VOTES, min_presence: float = MIN_PRESENCE
) -> pd.DataFrame:
    """:func:`rank_table` of every state by ``measure`` with each anchor, per period.

    A state is ranked only if its common votes with the anchor number at least ``min_votes`` and at least
    ``min_presence`` times the most common votes any state has with the anchor in that period, so that a
    state present for a small part of a period (a new member, a suspended seat) is shown but not ranked
    on a few votes of its own.
    """
    if measure not in UN_MEASURES:
        raise ValueError(f"measure={measure!r}: use one of {', '.join(UN_MEASURES)}")
    most = scores.groupby(["anchor", "period"])["n_votes"].transform("max") if len(scores) else scores["n_votes"]
    few = (scores["n_votes"] < min_votes) | (scores["n_votes"] < min_presence * most)
    f = scores.assign(value=scores[measure].where(~few))
    return rank_table(f, by=["anchor", "period"], value="value")


def un_ranks(scores: pd.DataFrame, a: str, b: str, *, min_votes: int = MIN_COMMON_VOTES) -> pd.DataFrame:
    """Each of the pair among the other's partners, by both measures and every period of ``scores``.

    Returns:
        One row per direction, measure and period: ``anchor, partner, measure, period, start, end,
        status, value, n_votes, rank, n_ranked, n_tied, percentile``. ``partner`` is ranked among all of
        ``anchor``'s partners.
    """
    rows = []
    spans = scores[["period", "start", "end"]].drop_duplicates()
    for measure in UN_MEASURES:
        ranked = un_ranked(scores, measure, min_votes=min_votes)
        for anchor, partner in ((a, b), (b, a)):
            for period, lo, hi in spans.itertuples(index=False):
                r = rank_of(ranked, partner, where={"anchor": anchor, "period": period})
                vr = r["value_row"]
                rows.append(
                    {
                        "anchor": anchor,
                        "partner": partner,
                        "measure": measure,
                        "period": period,
                        "start": lo,
                        "end": hi,
                        "status": r["status"],
                        "value": float(vr[measure]) if vr is not None else np.nan,
                        "n_votes": int(vr["n_votes"]) if vr is not None else 0,
                        "rank": r["rank"],
                        "n_ranked": r["n_ranked"],
                        "n_tied": r["n_tied"],
                        "percentile": r["percentile"],
                    }
                )
    columns = [
        "anchor",
        "partner",
        "measure",
        "period",
        "start",
        "end",
        "status",
        "value",
        "n_votes",
        "rank",
        "n_ranked",
        "n_tied",
        "percentile",
    ]
    return rank_frame(rows, columns)


def un_top(
    scores: pd.DataFrame,
    anchor: str,
    partner: str,
    period: str,
    measure: str = "kappa",
    n: int = 10,
    *,
    min_votes: int = MIN_COMMON_VOTES,
) -> pd.DataFrame:
    """The ``n`` states closest to ``anchor`` by ``measure`` in ``period``, with ``partner`` kept (see :func:`top_n`)."""
    ranked = un_ranked(scores, measure, min_votes=min_votes)
    one = ranked[(ranked["anchor"] == anchor) & (ranked["period"] == period)]
    return top_n(one, n, keep=partner)


def un_median(
    scores: pd.DataFrame, anchor: str, period: str, measure: str, *, min_votes: int = MIN_COMMON_VOTES
) -> float:
    """Median of ``measure`` over the states ranked among ``anchor``'s partners in ``period`` (NaN if none)."""
    ranked = un_ranked(scores, measure, min_votes=min_votes)
    x = ranked[(ranked["anchor"] == anchor) & (ranked["period"] == period) & ranked["ranked"]]
    return float(x["value"].median()) if len(x) else float("nan")
