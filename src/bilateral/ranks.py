"""Where each country ranks among *all* of the other's partners, dimension by dimension.

A rank among a few hand-picked comparators depends on whom one chose; a rank among every partner the
data hold does not. This module ranks one partner among all partners of a country by a value, and
applies that to each dimension the processed tables can rank:

* **UN General Assembly**: every member state by its agreement share and Cohen's kappa with a country,
  pooled over a period and by five-year periods (:func:`un_scores`, :func:`un_ranks`);
* **trade**: every partner in a reporter's own IMF DOTS records, by exports, imports and both, per year
  (:func:`trade_values`, :func:`trade_ranks`), for the reporters whose records with every partner are
  in the data;
* **arms transfers**: every supplier of a recipient (and every recipient of a supplier) by SIPRI TIV per
  period, for the countries whose deals the register extract holds completely (:func:`arms_ranks`);
* **diplomatic posts**: every sending state of the Lowy Global Diplomacy Index by its number of posts in a
  host, where the subset holds every sender's posts in that host (:func:`posts_ranks`).

The core, :func:`rank_table`, is generic: any long frame of (group, entity, value) rows, e.g. gas
imports by supplier and year, can be ranked with it.

Conventions, the same everywhere:

* **Competition ranking** ("1224"): an entity's rank is one plus the number of ranked entities with a
  strictly better value; entities with equal values share the better rank and are *tied* ("joint 2nd").
* **Denominator**: ``n_ranked``, the number of entities with a value that are ranked in the group
  (e.g. partners with recorded trade that year). Sentences always state it ("2nd of 167 partners").
* **Percentile**: the share of the *other* ranked entities that the entity ranks strictly above, in %
  (100 = above all others, 0 = above none); undefined (NaN) when only one entity is ranked.
* **Excluded entities** (aggregates such as the world or regions, SIPRI's "unknown supplier(s)") are
  kept in the output with ``ranked`` False and no rank, so that they can be shown but are never ranked.

This module reads no file: callers pass the processed tables (``bilateral.data.load``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from bilateral import diplomatic as dip
from bilateral import fmt, periods
from bilateral import military as mil
from bilateral.countries import display_name, is_iso3
from bilateral.measures import pairs_with, pairwise_agreement

#: Columns added by :func:`rank_table`.
RANK_COLUMNS = ("ranked", "rank", "n_ranked", "n_tied", "percentile")

#: Digits to which values are rounded before they are compared (so float noise makes no tie or split one).
TIE_DIGITS = 12

#: Fewest common recorded votes with the anchor state for a state to be ranked in a period.
MIN_COMMON_VOTES = 20

#: A state is ranked in a period only with at least this share of the most common votes any state has with the anchor.
MIN_PRESENCE = 0.5


def presence_words(min_votes: int = MIN_COMMON_VOTES, min_presence: float = MIN_PRESENCE) -> str:
    """The ranking rule for UN votes, in words: "at least 20, and at least 50% of the largest number any state shares with it"."""
    return f"at least {min_votes}, and at least {min_presence:.0%} of the largest number any state shares with it"


#: The default ranking rule for UN votes, in words.
PRESENCE_WORDS = presence_words()

#: The UN measures ranked, with their names for readers.
UN_MEASURES = {"agreement_share": "agreement share", "kappa": "Cohen's kappa"}

#: Trade flows ranked: the reporter's exports to, imports from, and both with each partner.
TRADE_FLOWS = {"total": "exports plus imports", "exports": "exports", "imports": "imports"}

#: The partner code for the world in ``trade_bilateral`` (an aggregate: never ranked).
WORLD = "WLD"


#: Lowy editions with fewer rows than this in the subset are left out (the 2019 label holds 3 rows).
MIN_EDITION_ROWS = 100

NOT_COVERED = "not covered"


# ---------------------------------------------------------------------------------------------
# The generic core
# ---------------------------------------------------------------------------------------------


def rank_table(
    values: pd.DataFrame,
    *,
    entity: str = "partner",
    value: str = "value",
    by: Sequence[str] = (),
    exclude: Iterable[str] | Callable[[str], bool] = (),
    higher_is_better: bool = True,
    positive_only: bool = False,
) -> pd.DataFrame:
    """Rank every entity within each group by a value (competition ranking, ties shared).

    Args:
        values: one row per group and entity, with columns ``by``, ``entity`` and ``value``.
        entity: the column naming what is ranked (a partner, a supplier, a state).
        value: the column ranked.
        by: the grouping columns (e.g. ``["year"]``); empty for one group.
        exclude: entities never ranked (aggregates, "unknown supplier(s)"): a collection of names or
            a predicate. Their rows are kept with ``ranked`` False.
        higher_is_better: rank 1 is the largest value (False: the smallest).
        positive_only: only values above zero are ranked (e.g. partners with recorded trade).

    Returns:
        ``values`` with ``ranked`` (bool), ``rank``, ``n_ranked``, ``n_tied`` (entities sharing the rank,
        including this one; ``Int64``, missing where not ranked) and ``percentile`` (float), sorted by
        group, then ranked rows by rank and entity, then the unranked rows.

    Raises:
        ValueError: if a column is missing or an entity appears twice in a group.

    Example:
        >>> f = pd.DataFrame({"partner": ["A", "B", "C", "WLD"], "value": [5.0, 7.0, 5.0, 20.0]})
        >>> rank_table(f, exclude={"WLD"})[["partner", "rank", "n_tied"]].to_dict("list")
        {'partner': ['B', 'A', 'C', 'WLD'], 'rank': [1, 2, 2, <NA>], 'n_tied': [1, 2, 2, <NA>]}
    """
    by = list(by)
    missing = [c for c in [*by, entity, value] if c not in values.columns]
    if missing:
        raise ValueError(
            f"rank_table: column(s) {', '.join(map(repr, missing))} missing; columns are {list(values.columns)}"
        )
    if values.duplicated([*by, entity]).any():
        dup = values[values.duplicated([*by, entity], keep=False)].iloc[0]
        raise ValueError(f"rank_table: entity {dup[entity]!r} appears twice in group {[dup[c] for c in by]!r}")
    out = values.copy().reset_index(drop=True)
    excluded = exclude if callable(exclude) else set(exclude).__contains__
    v = pd.to_numeric(out[value], errors="coerce").astype(float)
    ok = v.notna() & ~out[entity].map(lambda e: bool(excluded(e)))
    if positive_only:
        ok &= v > 0
    out["ranked"] = ok.to_numpy()
    key = v.round(TIE_DIGITS) * (1 if higher_is_better else -1)
    key = key.where(ok)
    groups = [out[c] for c in by] if by else [pd.Series(0, index=out.index)]
    g = key.groupby(groups, dropna=False, sort=False)
    rank = g.rank(method="min", ascending=False)
    n = g.transform("count")
    tied = key.groupby([*groups, key], dropna=False, sort=False).transform("size") if len(out) else key
    below = g.rank(method="min", ascending=True) - 1  # ranked entities strictly below
    out["rank"] = pd.array(rank.where(ok), dtype="Int64") if len(out) else pd.array([], dtype="Int64")
    out["n_ranked"] = pd.array(n.where(ok), dtype="Int64") if len(out) else pd.array([], dtype="Int64")
    out["n_tied"] = (
        pd.array(pd.Series(tied, index=out.index).where(ok), dtype="Int64") if len(out) else pd.array([], dtype="Int64")
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        pct = 100 * below / (n - 1)
    out["percentile"] = pct.where(ok & (n > 1)).astype(float)
    order = out.assign(_unranked=~out["ranked"], _r=out["rank"].astype(float))
    order = order.sort_values([*by, "_unranked", "_r", entity], kind="mergesort")
    return order.drop(columns=["_unranked", "_r"]).reset_index(drop=True)


def rank_of(
    ranked: pd.DataFrame, entity_value: str, *, entity: str = "partner", where: Mapping[str, object] | None = None
) -> dict:
    """One entity's rank in one group of a :func:`rank_table` output.

    Args:
        ranked: :func:`rank_table` output.
        entity_value: the entity looked up (e.g. ``"TUR"``).
        entity: the entity column.
        where: the group, as ``{column: value}``.

    Returns:
        ``{"status", "rank", "n_ranked", "n_tied", "percentile", "value_row"}``; ``status`` is
        ``"ranked"``, ``"excluded"`` (present but not ranked: an aggregate or a value of zero),
        ``"absent"`` (no row in the group) or ``"empty"`` (nobody ranked in the group). ``n_ranked``
        is the group's denominator in every case (0 when empty).
    """
    sub = ranked
    for c, v in (where or {}).items():
        sub = sub[sub[c] == v]
    n = int(sub["ranked"].sum()) if len(sub) else 0
    row = sub[sub[entity] == entity_value]
    base = {"rank": None, "n_ranked": n, "n_tied": None, "percentile": float("nan"), "value_row": None}
    if n == 0 and row.empty:
        return {**base, "status": "empty"}
    if row.empty:
        return {**base, "status": "absent"}
    r = row.iloc[0]
    if not bool(r["ranked"]):
        return {**base, "status": "excluded", "value_row": r}
    return {
        "status": "ranked",
        "rank": int(r["rank"]),
        "n_ranked": int(r["n_ranked"]),
        "n_tied": int(r["n_tied"]),
        "percentile": float(r["percentile"]),
        "value_row": r,
    }


def top_n(ranked: pd.DataFrame, n: int = 10, *, keep: str | None = None, entity: str = "partner") -> pd.DataFrame:
    """The ``n`` best-ranked rows of one group (ties at the cut are all kept), plus ``keep`` if it ranks lower.

    Args:
        ranked: :func:`rank_table` output for one group.
        n: how many ranks to show.
        keep: an entity always shown (the partner of the pair), if ranked.
        entity: the entity column.

    Returns:
        The ranked rows with ``rank <= n`` (so a tie at rank ``n`` shows every tied entity), then ``keep``'s
        row if it is ranked lower; column ``highlight`` marks ``keep``.
    """
    r = ranked[ranked["ranked"]]
    out = r[r["rank"] <= n]
    if keep is not None and keep not in set(out[entity]):
        out = pd.concat([out, r[r[entity] == keep]])
    return out.assign(highlight=out[entity] == keep).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Words for ranks
# ---------------------------------------------------------------------------------------------


def rank_words(r: Mapping[str, object], noun: str, many: str | None = None) -> str:
    """A rank with its ties and denominator: "2nd of 167 partners", "joint 3rd (with 1 other) of 40 states",
    "1st, the only partner".

    Args:
        r: a :func:`rank_of` result (``rank``, ``n_tied``, ``n_ranked``).
        noun: what is counted, singular ("partner"); ``many`` its plural if not noun + "s".
    """
    n = int(r["n_ranked"])
    rank, tied = int(r["rank"]), int(r["n_tied"] or 1)
    joint = f"joint {fmt.ordinal(rank)} (with {fmt.plural(tied - 1, 'other')})" if tied > 1 else fmt.ordinal(rank)
    if n == 1:
        return f"1st, the only {noun}"
    return f"{joint} of {fmt.plural(n, noun, many)}"


def percentile_words(r: Mapping[str, object]) -> str:
    """``"ahead of 99% of the others"``; empty when undefined (one entity ranked)."""
    p = r.get("percentile")
    if p is None or (isinstance(p, float) and np.isnan(p)):
        return ""
    return f"ahead of {fmt.pct(p, 0)} of the others"


def rank_cell(r: Mapping[str, object]) -> str:
    """Short table cell: "2nd of 167", "joint 2nd of 167", "only one ranked", "not ranked", "–"."""
    if r["status"] == "ranked":
        if int(r["n_ranked"]) == 1:
            return "only one ranked"
        joint = "joint " if int(r["n_tied"]) > 1 else ""
        return f"{joint}{fmt.ordinal(int(r['rank']))} of {fmt.integer(int(r['n_ranked']))}"
    if r["status"] in ("excluded", "absent") and r["n_ranked"]:
        return f"not among the {fmt.integer(int(r['n_ranked']))}"
    return "–"


# ---------------------------------------------------------------------------------------------
# UN General Assembly
# ---------------------------------------------------------------------------------------------


def un_spans(start: int, end: int, width: int = 5) -> list[tuple[int, int]]:
    """The whole period first, then consecutive periods of ``width`` years (see :func:`bilateral.military.periods`)."""
    spans = periods.spans(start, end, width)
    return [(start, end)] + (spans if len(spans) > 1 else [])


def un_scores(votes: pd.DataFrame, anchors: Sequence[str], spans: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """Agreement share and kappa of each anchor with every other state, pooled over each span of years.

    One call to :func:`bilateral.measures.pairwise_agreement` per span (matrix products over all
    states at once), so the cost hardly depends on the number of states.

    Args:
        votes: ``unga_votes`` rows (every state, every roll call).
        anchors: the states whose partners are ranked (e.g. the pair).
        spans: ``(first, last)`` years; they may overlap (the whole period and its five-year parts).

    Returns:
        Columns ``period, start, end, anchor, partner, n_votes, agreement_share, kappa``: one row per
        anchor, span and other state with at least one common vote.
    """
    columns = ["period", "start", "end", "anchor", "partner", "n_votes", "agreement_share", "kappa"]
    states = sorted(set(votes["iso3"]))
    pairs = pairs_with(anchors, states)
    frames = []
    for lo, hi in spans:
        sub = votes[votes["year"].between(lo, hi)].assign(span=0)
        pw = pairwise_agreement(sub, pairs, by="span", vote_id="vote_id", country="iso3", vote="vote")
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
    out = pd.DataFrame(rows, columns=columns)
    for c in ("rank", "n_tied"):
        out[c] = pd.array(out[c], dtype="Int64")
    return out


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


def un_sentence(
    ranks: pd.DataFrame, anchor: str, partner: str, period: str, *, min_votes: int = MIN_COMMON_VOTES
) -> str:
    """Where ``partner`` ranks among all states by UN vote agreement with ``anchor`` over ``period``."""
    na, nb = display_name(anchor), display_name(partner)
    r = ranks[(ranks["anchor"] == anchor) & (ranks["partner"] == partner) & (ranks["period"] == period)].set_index(
        "measure"
    )
    if r.empty or (r["status"] == "empty").all():
        return f"The vote records hold no common vote of {na} with other states in {period}: no rank."
    share, kappa = r.loc["agreement_share"], r.loc["kappa"]
    if share["status"] != "ranked":
        return (
            f"{nb} shares too few recorded votes with {na} in {period} to be ranked among "
            f"the {fmt.plural(int(share['n_ranked']), 'state')} that share enough ({presence_words(min_votes)})."
        )
    text = (
        f"Among the {fmt.plural(int(share['n_ranked']), 'state')} with enough common recorded votes with {na} in "
        f"{period} ({presence_words(min_votes)}), {nb} ranks {_rank_only(share)} by agreement share ({fmt.pct(share['value'], share=True)})"
    )
    if kappa["status"] == "ranked":
        text += f" and {_rank_only(kappa)} of {fmt.integer(int(kappa['n_ranked']))} by Cohen's kappa ({fmt.num(kappa['value'], 2)}, {percentile_words(kappa)})"
    else:
        text += "; its kappa is undefined"
    return text + "."


def un_median(
    scores: pd.DataFrame, anchor: str, period: str, measure: str, *, min_votes: int = MIN_COMMON_VOTES
) -> float:
    """Median of ``measure`` over the states ranked among ``anchor``'s partners in ``period`` (NaN if none)."""
    ranked = un_ranked(scores, measure, min_votes=min_votes)
    x = ranked[(ranked["anchor"] == anchor) & (ranked["period"] == period) & ranked["ranked"]]
    return float(x["value"].median()) if len(x) else float("nan")


def _closeness_words(r: Mapping[str, object]) -> str:
    """Where a percentile puts a partner: "closer than 74% of the others", or "the closest of all"."""
    p = r.get("percentile")
    if p is None or pd.isna(p):
        return ""
    if p >= 100:
        return "closer than every other"
    if p <= 0:
        return "the least close of all"
    return f"closer than {fmt.pct(p, 0)} of the others"


def un_meaning_sentence(scores: pd.DataFrame, a: str, b: str, period: str, *, min_votes: int = MIN_COMMON_VOTES) -> str:
    """Key finding on UN General Assembly votes that says what the numbers mean.

    Raw agreement is high for almost every pair of states (most resolutions pass by large majorities), so
    the pair's agreement share is set beside the median of all of ``a``'s partners, and the pair's rank
    among all of them is given by agreement share and by Cohen's kappa, which discounts chance agreement.
    Ends with what the measure does and does not show.

    Args:
        scores: :func:`un_scores` output holding ``period`` (anchors ``a`` and ``b``).
        a, b: the pair; ``b`` is ranked among ``a``'s partners (and ``a`` among ``b``'s, by kappa).
        period: the period label (``"1995–2024"``).
    """
    na, nb = display_name(a), display_name(b)
    pair = scores[(scores["anchor"] == a) & (scores["partner"] == b) & (scores["period"] == period)]
    if pair.empty or int(pair["n_votes"].iloc[0]) == 0:
        return f"The vote records hold no General Assembly vote in {period} on which both {na} and {nb} cast a vote."
    p = pair.iloc[0]
    text = (
        f"In the UN General Assembly, {na} and {nb} voted alike on {fmt.pct(p['agreement_share'], share=True)} of the "
        f"{fmt.integer(int(p['n_votes']))} votes both cast in {period}."
    )
    ranks = un_ranks(scores[scores["period"] == period], a, b, min_votes=min_votes)
    pick = lambda anchor, m: ranks[(ranks["anchor"] == anchor) & (ranks["measure"] == m)].iloc[0]  # noqa: E731
    share, kappa = pick(a, "agreement_share"), pick(a, "kappa")
    med_share, med_kappa = (
        un_median(scores, a, period, "agreement_share", min_votes=min_votes),
        un_median(scores, a, period, "kappa", min_votes=min_votes),
    )
    if share["status"] != "ranked":
        return text + (
            f" {nb} shares too few recorded votes with {na} in {period} to be compared with {fmt.poss(na)} other partners "
            f"({presence_words(min_votes)})."
        )
    n = int(share["n_ranked"])
    ranked_a = un_ranked(scores, "agreement_share", min_votes=min_votes)
    ranked_a = ranked_a[(ranked_a["anchor"] == a) & (ranked_a["period"] == period) & ranked_a["ranked"]]
    n_most = int((ranked_a["value"] > 0.5).sum())
    if 2 * n_most >= n:
        text += (
            f" That is less than it sounds: most resolutions pass by large majorities, so {fmt.integer(n_most)} of the "
            f"{fmt.plural(n, 'state')} with enough common votes with {na} voted with it more than half the time, and the median "
            f"state agreed with it on {fmt.pct(med_share, share=True)}"
        )
    else:
        text += f" The median of the {fmt.plural(n, 'state')} with enough common votes with {na} agreed with it on {fmt.pct(med_share, share=True)}"
    text += f"; {nb} ranks {_rank_only(share)} of {fmt.integer(n)} by this share."
    if kappa["status"] == "ranked" and not pd.isna(p["kappa"]):
        words = _closeness_words(kappa)
        text += (
            f" Cohen's kappa, which discounts the agreement expected by chance, is {fmt.num(p['kappa'], 2)} for the pair "
            f"({dip.kappa_words(p['kappa'])}; median {fmt.num(med_kappa, 2)}): by kappa {nb} ranks "
            f"{_rank_only(kappa)} of {fmt.integer(int(kappa['n_ranked']))} among {fmt.poss(na)} partners"
            + (f", {words}" if words else "")
            + "."
        )
        back = pick(b, "kappa")
        if back["status"] == "ranked":
            text += f" Seen from {nb}, {na} ranks {_rank_only(back)} of {fmt.integer(int(back['n_ranked']))} by kappa."
    else:
        text += " The pair's kappa is undefined (one of them cast the same vote every time), so the chance-corrected comparison cannot be made."
    return text + " Votes show alignment on the resolutions put to the Assembly, not the depth of bilateral ties."


def un_headline(scores: pd.DataFrame, a: str, b: str, period: str, *, min_votes: int = MIN_COMMON_VOTES) -> str:
    """One-line finding on UN votes for the landing page: the pair's agreement beside the median of ``a``'s
    partners, and ``b``'s rank by kappa among all of them."""
    na, nb = display_name(a), display_name(b)
    pair = scores[(scores["anchor"] == a) & (scores["partner"] == b) & (scores["period"] == period)]
    if pair.empty or int(pair["n_votes"].iloc[0]) == 0:
        return f"{na} and {nb} never both cast a vote in the UN General Assembly in {period}."
    p = pair.iloc[0]
    med = un_median(scores, a, period, "agreement_share", min_votes=min_votes)
    text = f"{na} and {nb} voted alike on {fmt.pct(p['agreement_share'], share=True)} of UN General Assembly votes in {period}"
    if not pd.isna(med):
        text += f", against a median of {fmt.pct(med, share=True)} for all of {fmt.poss(na)} partners"
    k = un_ranks(scores[scores["period"] == period], a, b, min_votes=min_votes)
    k = k[(k["anchor"] == a) & (k["measure"] == "kappa")].iloc[0]
    if k["status"] == "ranked":
        text += f"; corrected for chance (kappa {fmt.num(p['kappa'], 2)}), {nb} ranks {_rank_only(k)} of {fmt.integer(int(k['n_ranked']))}"
    return text + "."


def un_period_note(scores: pd.DataFrame, a: str, b: str, period: str, other_period: str, report: str) -> str:
    """Why another report prints other UN figures for the pair: it uses another period. Gives the values for
    ``other_period`` (from ``scores``, which must hold it); empty when the periods are the same."""
    if other_period == period:
        return ""
    x = scores[(scores["anchor"] == a) & (scores["partner"] == b) & (scores["period"] == other_period)]
    if x.empty or int(x["n_votes"].iloc[0]) == 0:
        return f"The {report} report covers {other_period} by default, in which the two never both cast a vote."
    r = x.iloc[0]
    return (
        f"The {report} report covers {other_period} by default, hence its different figures: "
        f"{fmt.pct(r['agreement_share'], share=True)} of {fmt.integer(int(r['n_votes']))} common votes, kappa {fmt.num(r['kappa'], 2)}."
    )


def record_un_measures(scores: pd.DataFrame, a: str, b: str, period: str) -> None:
    """Note the pair's UN agreement share and kappa for ``period`` as printed (:func:`bilateral.takeaways.record_measure`)."""
    from bilateral import takeaways

    x = scores[(scores["anchor"] == a) & (scores["partner"] == b) & (scores["period"] == period)]
    if x.empty or int(x["n_votes"].iloc[0]) == 0:
        return
    r = x.iloc[0]
    pa, pb = sorted((a, b))
    takeaways.record_measure("UN agreement share", pa, pb, period, fmt.pct(r["agreement_share"], share=True))
    takeaways.record_measure("UN kappa", pa, pb, period, fmt.num(r["kappa"], 2))


def _rank_only(r: Mapping[str, object]) -> str:
    tied = int(r["n_tied"]) if r["n_tied"] is not None and not pd.isna(r["n_tied"]) else 1
    return (
        f"joint {fmt.ordinal(int(r['rank']))} (with {fmt.plural(tied - 1, 'other')})"
        if tied > 1
        else fmt.ordinal(int(r["rank"]))
    )


# ---------------------------------------------------------------------------------------------
# Trade (IMF DOTS, each reporter's own records)
# ---------------------------------------------------------------------------------------------


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
                    r = {
                        "status": NOT_COVERED,
                        "rank": None,
                        "n_ranked": 0,
                        "n_tied": None,
                        "percentile": np.nan,
                        "value_row": None,
                    }
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
    out = pd.DataFrame(
        rows,
        columns=[
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
    for c in ("rank", "n_tied"):
        out[c] = pd.array(out[c], dtype="Int64")
    return out


def latest_ranked_year(ranks: pd.DataFrame, reporter: str, flow: str = "total") -> int | None:
    """The last year in which ``reporter`` records any partner (the rank's latest year), or None."""
    r = ranks[(ranks["reporter"] == reporter) & (ranks["flow"] == flow) & (ranks["n_ranked"] > 0)]
    return int(r["year"].max()) if len(r) else None


def trade_sentence(ranks: pd.DataFrame, reporter: str, partner: str, year: int | None = None) -> str:
    """Where ``partner`` ranks among all of ``reporter``'s partners in its own records, in one year.

    Example: "In Azerbaijan's own records for 2020, Türkiye ranks 2nd of 167 partners with recorded trade by
    exports plus imports (US$3.6 billion), 1st of 120 by Azerbaijan's exports and 3rd of 160 by its imports."
    """
    nr, np_ = display_name(reporter), display_name(partner)
    r = ranks[(ranks["reporter"] == reporter) & (ranks["partner"] == partner)]
    if r.empty or (r["status"] == NOT_COVERED).all():
        return (
            f"Trade ranks are not covered for {nr}: the trade data here hold {fmt.poss(nr)} trade with every partner "
            f"only for a few reporters, and {nr} is not one of them."
        )
    year = year if year is not None else latest_ranked_year(ranks, reporter)
    if year is None:
        return f"{nr} records no trade with any partner in the period: no rank."
    one = r[r["year"] == year].set_index("flow")
    t = one.loc["total"]
    if t["status"] != "ranked":
        return (
            f"In {fmt.poss(nr)} own records for {year}, {np_} is not among the "
            f"{fmt.plural(int(t['n_ranked']), 'partner')} with recorded trade."
        )
    text = (
        f"In {fmt.poss(nr)} own records for {year}, {np_} ranks {rank_words(t, 'partner')} with recorded trade "
        f"by exports plus imports ({fmt.usd_m(t['value_usd_m'])})"
    )
    parts = []
    for flow, words in (("exports", f"{fmt.poss(nr)} exports"), ("imports", "its imports")):
        f = one.loc[flow]
        if f["status"] == "ranked":
            parts.append(f"{_rank_only(f)} of {fmt.integer(int(f['n_ranked']))} by {words}")
        else:
            parts.append(f"is not among the {fmt.integer(int(f['n_ranked']))} partners ranked by {words}")
    return text + ", " + fmt.join_and(parts) + "."


def trade_top(
    trade: pd.DataFrame, reporter: str, partner: str, year: int, flow: str = "total", n: int = 10
) -> pd.DataFrame:
    """The reporter's ``n`` largest partners in ``year`` by ``flow``, with ``partner`` kept (see :func:`top_n`)."""
    ranked = trade_ranked(trade, reporter, [year])
    return top_n(ranked[ranked["flow"] == flow], n, keep=partner)


# ---------------------------------------------------------------------------------------------
# Arms transfers (SIPRI register extract)
# ---------------------------------------------------------------------------------------------


def party_label(code: object) -> str:
    """A readable name for any partner key: ISO3 codes (including former states such as SCG) or a SIPRI label."""
    code = str(code)
    if not is_iso3(code):
        return code
    name = display_name(code)
    if name == code:
        import pycountry

        old = pycountry.historic_countries.get(alpha_3=code)
        name = old.name if old is not None else code
    return name


def arms_ranked(transfers: pd.DataFrame, country: str, side: str, spans: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """Every supplier of ``country`` (``side="imports"``) or recipient (``"exports"``) ranked by TIV per period.

    Builds on :func:`bilateral.military.partner_shares` (TIV and share per partner and period); unknown
    parties keep their TIV and share but are not ranked.
    """
    frames = [
        mil.partner_shares(transfers, country, side, [span]) for span in spans
    ]  # spans may overlap: one call each
    frames = [f for f in frames if len(f)]
    shares = (
        pd.concat(frames, ignore_index=True)
        if frames
        else mil.partner_shares(transfers.iloc[0:0], country, side, spans)
    )
    shares = shares.drop(columns=["rank", "n_partners"]).assign(country=country, side=side)
    return rank_table(
        shares, by=["country", "side", "period"], value="tiv_m", exclude=mil.is_unknown_party, positive_only=True
    )


def arms_ranks(
    transfers: pd.DataFrame, a: str, b: str, spans: Sequence[tuple[int, int]], complete: Sequence[str]
) -> pd.DataFrame:
    """``b`` among all of ``a``'s suppliers and ``a`` among all of ``b``'s recipients, and the reverse, per period.

    Args:
        transfers: ``arms_transfers`` rows.
        a, b: the pair.
        spans: periods ``(first, last)`` (the whole period may be one of them).
        complete: the countries whose every deal, as supplier and as recipient, is in the register extract;
            for any other country no rank is computed (status ``"not covered"``).

    Returns:
        One row per country, side and period: ``country, side, partner, period, status, tiv_m, share_pct,
        rank, n_ranked, n_tied, percentile``; ``side`` "imports" ranks ``partner`` among ``country``'s
        suppliers, "exports" among its recipients.
    """
    rows = []
    for country, partner in ((a, b), (b, a)):
        for side in ("imports", "exports"):
            ranked = arms_ranked(transfers, country, side, spans) if country in complete else None
            for lo, hi in spans:
                period = periods.label(lo, hi)
                if ranked is None:
                    r = {
                        "status": NOT_COVERED,
                        "rank": None,
                        "n_ranked": 0,
                        "n_tied": None,
                        "percentile": np.nan,
                        "value_row": None,
                    }
                else:
                    r = rank_of(ranked, partner, where={"period": period})
                vr = r["value_row"]
                rows.append(
                    {
                        "country": country,
                        "side": side,
                        "partner": partner,
                        "period": period,
                        "status": r["status"],
                        "tiv_m": float(vr["tiv_m"]) if vr is not None else 0.0,
                        "share_pct": float(vr["share_pct"]) if vr is not None else np.nan,
                        "rank": r["rank"],
                        "n_ranked": r["n_ranked"],
                        "n_tied": r["n_tied"],
                        "percentile": r["percentile"],
                    }
                )
    columns = [
        "country",
        "side",
        "partner",
        "period",
        "status",
        "tiv_m",
        "share_pct",
        "rank",
        "n_ranked",
        "n_tied",
        "percentile",
    ]
    out = pd.DataFrame(rows, columns=columns)
    for c in ("rank", "n_tied"):
        out[c] = pd.array(out[c], dtype="Int64")
    return out


def arms_sentence(ranks: pd.DataFrame, country: str, partner: str, side: str, period: str) -> str:
    """Where ``partner`` ranks among all of ``country``'s suppliers (``side="imports"``) or recipients in ``period``."""
    nc, np_ = display_name(country), display_name(partner)
    noun = "supplier" if side == "imports" else "recipient"
    what = "arms imports" if side == "imports" else "arms exports"
    r = ranks[
        (ranks["country"] == country)
        & (ranks["partner"] == partner)
        & (ranks["side"] == side)
        & (ranks["period"] == period)
    ]
    if r.empty:
        return f"No {noun} rank for {np_} in {period}."
    r = r.iloc[0]
    if r["status"] == NOT_COVERED:
        return (
            f"Not covered: the register extract holds every deal only of {mil.names_or(list(mil.REGISTER_COMPLETE_FOR))}, "
            f"so {np_} cannot be ranked among {fmt.poss(nc)} {noun}s."
        )
    if r["status"] == "empty":
        return f"The register records no {what} by {nc} in {period}."
    if r["status"] != "ranked":
        return (
            f"{np_} delivered none of {fmt.poss(nc)} {what} recorded in {period}, which came from {fmt.plural(int(r['n_ranked']), noun)}."
            if side == "imports"
            else f"{np_} received none of {fmt.poss(nc)} {what} recorded in {period}, which went to {fmt.plural(int(r['n_ranked']), noun)}."
        )
    return (
        f"In {period}, {np_} ranks {rank_words(r, noun)} of {fmt.poss(nc)} {what} by SIPRI trend-indicator value "
        f"({fmt.pct(r['share_pct'])} of the total)."
    )


def arms_top(
    transfers: pd.DataFrame, country: str, partner: str, side: str, span: tuple[int, int], n: int = 10
) -> pd.DataFrame:
    """``country``'s largest suppliers (or recipients) over ``span``, with ``partner`` kept and unknown parties shown last."""
    ranked = arms_ranked(transfers, country, side, [span])
    top = top_n(ranked, n, keep=partner)
    unknown = ranked[ranked["partner"].map(mil.is_unknown_party)].assign(highlight=False)
    return pd.concat([top, unknown], ignore_index=True)


# ---------------------------------------------------------------------------------------------
# Diplomatic posts (Lowy Global Diplomacy Index subset)
# ---------------------------------------------------------------------------------------------


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
                r = {
                    "status": status,
                    "rank": None,
                    "n_ranked": 0 if ranked is None else int(ranked.loc[ranked["edition_year"] == ed, "ranked"].sum()),
                    "n_tied": None,
                    "percentile": np.nan,
                    "value_row": None,
                }
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
    out = pd.DataFrame(
        rows,
        columns=["host", "sender", "edition_year", "status", "n_posts", "rank", "n_ranked", "n_tied", "percentile"],
    )
    for c in ("rank", "n_tied", "n_posts"):
        out[c] = pd.array(out[c], dtype="Int64")
    return out


def posts_sentence(ranks: pd.DataFrame, host: str, sender: str, edition: int | None = None) -> str:
    """Where ``sender``'s posts in ``host`` rank among every index state's posts there, in one edition (default: latest)."""
    nh, ns = display_name(host), display_name(sender)
    r = ranks[(ranks["host"] == host) & (ranks["sender"] == sender)]
    if r.empty:
        return f"The diplomatic-posts data hold no edition for {ns} in {nh}."
    edition = edition if edition is not None else int(r["edition_year"].max())
    r = r[r["edition_year"] == edition].iloc[0]
    if r["status"] == NOT_COVERED:
        return f"Not covered: the diplomatic-posts subset does not keep every sender's posts in {nh}, so {fmt.poss(ns)} posts there cannot be ranked."
    if r["status"] == "not a sender":
        return f"Not covered: the Global Diplomacy Index does not map {fmt.poss(ns)} own network, so its posts in {nh} cannot be ranked."
    if r["status"] != "ranked":
        return f"In the {edition} edition {ns} has no post in {nh}, where {fmt.plural(int(r['n_ranked']), 'index state')} {'has' if int(r['n_ranked']) == 1 else 'have'} at least one."
    return (
        f"In the {edition} edition, {fmt.poss(ns)} {fmt.plural(int(r['n_posts']), 'post')} in {nh} rank {rank_words(r, 'index state')} "
        f"with a post there."
    )


# ---------------------------------------------------------------------------------------------
# The overview: every dimension, both directions
# ---------------------------------------------------------------------------------------------


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
                add(
                    "UN votes", country, partner, f"{label} of votes with {display_name(country)}", _row_dict(x), period
                )
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
                    _row_dict(x)
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
                add("Arms transfers", country, partner, f"{label} {display_name(country)} (TIV)", _row_dict(x), period)
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
                _row_dict(x),
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


def _row_dict(x: pd.DataFrame) -> dict:
    if x.empty:
        return {"status": "empty", "n_ranked": 0}
    r = x.iloc[0].to_dict()
    for k in ("rank", "n_tied"):
        if k in r and pd.isna(r[k]):
            r[k] = None
    return r


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


def overview_sentence(rows: pd.DataFrame, country: str, partner: str) -> str:
    """One sentence on ``partner``'s ranks among all of ``country``'s partners, dimension by dimension (the first
    measure of each dimension: UN agreement share, trade exports plus imports, arms supplied), then what is not covered.

    Example: "Among all of Azerbaijan's partners, Türkiye ranks 129th of 184 states by UN vote agreement (1995–2024); 2nd of 167
    trading partners in Azerbaijan's records (2020); ... Not covered by the data: diplomatic posts."
    """
    nc, np_ = display_name(country), display_name(partner)
    groups = {
        "UN votes": ("states by UN vote agreement", "states ranked by UN vote agreement"),
        "Trade": (f"trading partners in {fmt.poss(nc)} records", "trading partners with recorded trade"),
        "Arms transfers": ("arms suppliers by TIV", "arms suppliers"),
        "Diplomatic posts": (f"index states by posts in {nc}", "index states with a post there"),
        "Gas": (f"pipeline suppliers of the gas entering {nc}", "pipeline suppliers of its gas"),
    }
    x = rows[(rows["country"] == country) & (rows["partner"] == partner)]
    ranked, outside, missing = [], [], []
    for dimension, g in x.groupby("dimension", sort=False):
        r = g.iloc[0]
        ranked_words, outside_words = groups.get(dimension, (dimension.lower(), dimension.lower()))
        n = int(r["n_ranked"]) if pd.notna(r["n_ranked"]) else 0
        if r["status"] == "ranked":
            ranked.append(f"{_rank_only(r)} of {fmt.integer(n)} {ranked_words} ({r['when']})")
        elif r["status"] in ("absent", "excluded") and n:
            outside.append(f"{fmt.poss(nc)} {fmt.integer(n)} {outside_words} ({r['when']})")
        elif r["status"] in (NOT_COVERED, "not a sender"):
            missing.append(dimension if dimension.startswith("UN") else dimension.lower())
    if ranked:
        text = f"Among all of {fmt.poss(nc)} partners, {np_} ranks " + "; ".join(ranked) + "."
    else:
        text = f"The data rank {np_} among all of {fmt.poss(nc)} partners in no dimension."
    if outside:
        text += f" It is not among {fmt.join_and(outside)}."
    if missing:
        text += f" Not covered by the data for {fmt.poss(np_)} place among {fmt.poss(nc)} partners: {fmt.join_and(missing)}."
    return text


# ---------------------------------------------------------------------------------------------
# Claims about closeness or rank
# ---------------------------------------------------------------------------------------------

#: Words that make a claim one about closeness or rank.
CLOSENESS_WORDS = re.compile(r"(?i)\b(closest|close|main|largest|biggest|leading|first|top)\b")


def closeness_claims(claims: pd.DataFrame, check_keys: Sequence[str] = ("unga_agreement_rank",)) -> pd.DataFrame:
    """Claims about closeness or rank that an all-partner rank can test: the claim's wording names closeness
    or a rank and its check compares a partner with others by UN vote agreement."""
    word = claims["claim"].astype(str).map(lambda t: bool(CLOSENESS_WORDS.search(t)))
    rank_claim = claims["kind"].astype(str).eq("ranking") | word
    return claims[rank_claim & claims["check_key"].isin(list(check_keys))].reset_index(drop=True)


def claims_against_all(claims: pd.DataFrame, votes: pd.DataFrame, *, min_votes: int = MIN_COMMON_VOTES) -> pd.DataFrame:
    """Each closeness claim (:func:`closeness_claims`) checked against the partner's rank among *all* states.

    The check's own comparison uses the peers the claims table names; here the same partner is ranked
    among every state with at least ``min_votes`` common votes over the claim's years, by agreement share
    and by kappa, and the verdict follows the claims check's rule for ranks
    (:func:`bilateral.claims.rank_verdict`: a claimed rank must hold by both measures; a claim without a
    number needs the upper half).

    Returns:
        Columns ``claim_id, claim, iso3, partner, period, rank_share, rank_kappa, n_ranked, text, verdict, reason``.
    """
    import json

    from bilateral.claims import claimed_number, rank_verdict

    rows = []
    for c in closeness_claims(claims).to_dict("records"):
        args = json.loads(c["check_args"])
        iso3, partner, lo, hi = args["iso3"], args["partner"], int(args["start_year"]), int(args["end_year"])
        scores = un_scores(votes, [iso3], [(lo, hi)])
        ranks = {
            m: rank_of(un_ranked(scores, m, min_votes=min_votes), partner, where={"anchor": iso3}) for m in UN_MEASURES
        }
        share, kappa = ranks["agreement_share"], ranks["kappa"]
        claimed = claimed_number(c)
        if share["status"] != "ranked" or kappa["status"] != "ranked":
            verdict_, reason = "not checkable with the data here", "no rank for the partner over these years"
            text = "not ranked"
        else:
            verdict_, reason = rank_verdict(
                int(claimed) if claimed is not None else None, [share["rank"], kappa["rank"]], group=share["n_ranked"]
            )
            text = (
                f"{rank_cell(share)} by agreement share; {rank_cell(kappa)} by kappa "
                f"(among all states with enough common votes, {fmt.years(lo, hi)})"
            )
        reading = closeness_reading(iso3, partner, share, kappa, args.get("peers", []))
        rows.append(
            {
                "claim_id": c["claim_id"],
                "claim": c["claim"],
                "iso3": iso3,
                "partner": partner,
                "period": fmt.years(lo, hi),
                "rank_share": share["rank"],
                "rank_kappa": kappa["rank"],
                "n_ranked": share["n_ranked"],
                "text": text,
                "reading": reading,
                "verdict_if_all_states": verdict_,
                "reason_if_all_states": reason,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "claim_id",
            "claim",
            "iso3",
            "partner",
            "period",
            "rank_share",
            "rank_kappa",
            "n_ranked",
            "text",
            "reading",
            "verdict_if_all_states",
            "reason_if_all_states",
        ],
    )


def closeness_reading(
    iso3: str, partner: str, share: Mapping[str, object], kappa: Mapping[str, object], peers: Sequence[str]
) -> str:
    """What the all-state ranks add to a closeness claim checked against named peers.

    The claims table compares the partner with a few named states (``peers``); the verdict there stands for that
    group. This sentence says how many states *of all* vote more alike with ``iso3`` than the partner does, so that
    a reader can see whether the claim also holds among all states.
    """
    ni, np_ = display_name(iso3), display_name(partner)
    if share["status"] != "ranked" or kappa["status"] != "ranked":
        return f"{np_} is not ranked among all states over these years (too few common votes)."
    above_s, above_k = int(share["rank"]) - 1, int(kappa["rank"]) - 1
    n = int(share["n_ranked"])
    if above_s == 0 and above_k == 0:
        return f"{np_} is the closest of all {fmt.integer(n)} states ranked to {ni} by both measures, not only among the states the check names."
    group = f"the {fmt.plural(len(peers), 'state')} the check names" if peers else "a named group"
    return (
        f"{fmt.plural(above_s, 'state')} {'votes' if above_s == 1 else 'vote'} more alike with {ni} than {np_} by agreement share and "
        f"{fmt.integer(above_k)} by kappa, of {fmt.integer(n)} ranked: the claim can hold only within {group}, not among all states."
    )


# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------


def plot_top(
    top: pd.DataFrame, value: str, xlabel: str, *, highlight_colour: str | None = None, entity: str = "partner", ax=None
):
    """Horizontal bars of a :func:`top_n` frame, best at the top, the highlighted partner in colour, others grey.

    Unranked rows (unknown parties) are drawn hatched and labelled "(not ranked)". Returns the figure.
    """
    from bilateral import figures

    if ax is None:
        fig, ax = figures.new("tall" if len(top) > 8 else "wide")
    else:
        fig = ax.figure
    # Best first from the top; a gap before a partner that ranks below the top ten (so the break in ranks shows).
    ys, labels, colours, y, prev = [], [], [], 0.0, None
    for _, r in top.iterrows():
        if (
            prev is not None
            and bool(r["ranked"])
            and bool(prev["ranked"])
            and int(r["rank"]) > int(prev["rank"]) + int(prev["n_tied"])
        ):
            y += 0.8
        ys.append(-y)
        y += 1
        prev = r
        name = party_label(r[entity])
        head = (
            (f"joint {fmt.ordinal(int(r['rank']))}" if int(r["n_tied"]) > 1 else fmt.ordinal(int(r["rank"])))
            if bool(r["ranked"])
            else ""
        )
        labels.append(f"{head}  {name}" if head else f"{name} (not ranked)")
        colours.append(
            (highlight_colour or figures.colour(str(r[entity]))) if bool(r.get("highlight", False)) else "#b8b8b8"
        )
    bars = ax.barh(ys, top[value].astype(float), color=colours)
    for bar, ranked in zip(bars, top["ranked"]):
        if not bool(ranked):
            bar.set_hatch("///")
            bar.set_edgecolor("#6b6b6b")
            bar.set_facecolor("white")
    ax.set_yticks(ys, labels)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    return fig


def plot_rank_over_time(
    lines: Sequence[tuple[str, pd.DataFrame, str]], *, x: str = "year", ylabel: str = "Rank (1 = largest)"
):
    """Rank over time, one line per (label, frame with ``x``/``rank``/``n_ranked``, ISO3 for colour); rank 1 at the top.

    Years without a rank are gaps. The last point of each line is labelled with its rank and denominator.
    """
    from bilateral import figures

    fig, ax = figures.new("wide")
    worst = 1
    for i, (label, f, code) in enumerate(lines):
        f = f.sort_values(x)
        y = f["rank"].astype(float)
        colour = figures.colour(code, i)
        ax.plot(f[x], y, marker="o", ms=3, lw=1.8, color=colour, label=label)
        ok = f[y.notna()]
        if len(ok):
            last = ok.iloc[-1]
            ax.annotate(
                f"{fmt.ordinal(int(last['rank']))} of {int(last['n_ranked'])}",
                (last[x], float(last["rank"])),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8.5,
                color=colour,
            )
            worst = max(worst, int(y.max()))
    ax.set_ylim(worst + 0.5 if worst > 1 else 1.5, 0.5)
    ax.set_ylabel(ylabel)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="best")
    return fig


def top_alt(
    top: pd.DataFrame, value: str, value_text: Callable[[float], str], what: str, entity: str = "partner"
) -> str:
    """Alt text listing a :func:`top_n` frame: "Horizontal bar chart of X. 1st Russia (US$2.1 billion); ..."."""
    items = []
    for _, r in top.iterrows():
        name = party_label(r[entity])
        head = (
            (f"joint {fmt.ordinal(int(r['rank']))}" if int(r["n_tied"]) > 1 else fmt.ordinal(int(r["rank"])))
            if bool(r["ranked"])
            else "not ranked:"
        )
        items.append(f"{head} {name} ({value_text(float(r[value]))})")
    return f"Horizontal bar chart of {what}. " + "; ".join(items) + "."


# ---------------------------------------------------------------------------------------------
# Coverage of the trade table, display tables, notes
# ---------------------------------------------------------------------------------------------


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


def status_cell(r: Mapping[str, object], empty: str = "–") -> str:
    """A table cell for any rank lookup: the rank ("2nd of 167"), "not covered" (the data cannot rank it), ``empty``
    (nobody ranked, e.g. no deliveries) or "not among the N" (others ranked, not this one)."""
    status = r.get("status")
    if status == "ranked":
        return rank_cell(r)
    if status in (NOT_COVERED, "not a sender"):
        return NOT_COVERED
    if status == "empty" or not r.get("n_ranked"):
        return empty
    return f"not among the {fmt.integer(int(r['n_ranked']))}"


def un_rank_table(ranks: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Reader's table of :func:`un_ranks`: one row per period, ranks in both directions by both measures."""
    out = []
    for period, g in ranks.groupby("period", sort=False):
        row = {"Period": period}
        for anchor, partner in ((a, b), (b, a)):
            head = f"{display_name(partner)} among {fmt.poss(display_name(anchor))} partners"
            for measure, label in (("agreement_share", "agreement"), ("kappa", "kappa")):
                x = g[(g["anchor"] == anchor) & (g["measure"] == measure)]
                row[f"{head}: {label}"] = status_cell(_row_dict(x))
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
                _row_dict(x), "none recorded"
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
                    _row_dict(x)
                )
        out.append(row)
    return pd.DataFrame(out)


def index_pairs_note(labels: Sequence[str], scored: Iterable[str] | None = None) -> str:
    """Among how many and which pairs the relationship index ranks (its rank is not a rank among all partners).

    Args:
        labels: the index's pairs as labelled in the report ("AZE–TUR").
        scored: the pairs with a score, if some have none.
    """
    labels = list(labels)
    text = (
        f"The relationship index ranks only the {fmt.plural(len(labels), 'pair')} chosen for it ({fmt.join_and(labels)}), "
        "not all partners: its rank is a rank among those pairs"
    )
    if scored is not None:
        s = [p for p in labels if p in set(scored)]
        if len(s) != len(labels):
            text += f", of which {fmt.plural(len(s), 'pair')} {'has' if len(s) == 1 else 'have'} a score"
    return text + "."


def without_comparator_rank(summary: dict) -> dict:
    """A copy of an overview summary dict (UN or trade) with its comparator-based rank removed, so that the headline
    and key findings show no rank among hand-picked comparators (the all-partner ranks are shown instead)."""
    return {**summary, "rank": None}


def with_all_supplier_rank(arms: dict, ranks: pd.DataFrame, a: str, period: str) -> dict:
    """A copy of the overview's arms summary whose supplier rank is the all-supplier rank of :func:`arms_ranks`
    (unknown suppliers not ranked), so the headline's denominator matches the rank table."""
    x = ranks[(ranks["country"] == a) & (ranks["side"] == "imports") & (ranks["period"] == period)]
    r = _row_dict(x)
    if r.get("status") == "ranked":
        return {**arms, "rank": int(r["rank"]), "n_suppliers": int(r["n_ranked"])}
    return {**arms, "rank": None}
