"""Computed sentences about ranks: per dimension, across dimensions, and alt text for the top-partner charts.

Every sentence states its denominator ("2nd of 167 partners") and says so when there is nothing to rank.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import pandas as pd

from bilateral import diplomatic as dip
from bilateral import fmt
from bilateral import military as mil
from bilateral.countries import display_name
from bilateral.ranks.core import NOT_COVERED
from bilateral.ranks.trade import latest_ranked_year
from bilateral.ranks.un import MIN_COMMON_VOTES, un_median, un_ranked, un_ranks
from bilateral.ranks.words import party_label, percentile_words, presence_words, rank_words

__all__ = [
    "arms_sentence",
    "closeness_reading",
    "index_pairs_note",
    "overview_sentence",
    "posts_sentence",
    "record_un_measures",
    "top_alt",
    "trade_sentence",
    "un_headline",
    "un_meaning_sentence",
    "un_period_note",
    "un_sentence",
]


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
