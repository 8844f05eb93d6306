"""Computed sentences of the overview: the key findings, the landing page's takeaways, and the notes on the index's coverage."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from bilateral import fmt, gas_routes, ranks
from bilateral import military as mil
from bilateral import trade as trd
from bilateral.countries import display_name
from bilateral.overview.config import INDICATOR_LABELS, pair_text, poss_name, share_text

__all__ = [
    "arms_finding",
    "arms_meaning",
    "arms_sentence",
    "arms_takeaway",
    "bullets",
    "charted_rule_sentence",
    "coverage_notes",
    "coverage_paragraph",
    "events_finding",
    "events_sentence",
    "gas_meaning",
    "gas_sentence",
    "gas_takeaway",
    "index_finding",
    "index_meaning",
    "index_sentence",
    "rank_findings",
    "rank_of",
    "record_measures",
    "trade_finding",
    "trade_sentence",
    "trade_takeaway",
    "un_finding",
    "un_sentence",
]


def un_sentence(un: dict, a: str, b: str) -> str:
    """Key finding on UN voting (pooled over the years of the period the votes cover)."""
    t = un["table"]
    if not len(t) or t["n_votes"].iloc[0] == 0:
        return (
            f"{display_name(a)} and {display_name(b)} never both cast a vote in the UN General Assembly in the period."
        )
    r = t.iloc[0]
    span = fmt.years(un["years"][0], un["years"][-1])
    text = (
        f"In the UN General Assembly, {display_name(a)} and {display_name(b)} voted alike on {fmt.pct(r['agreement_share'] * 100)} of the "
        f"{fmt.integer(r['n_votes'])} votes both cast in {span} (Cohen's kappa {fmt.num(r['kappa'], 2)})"
    )
    if un["n"] > 1 and un["rank"]:
        text += f"; by kappa this ranks {un['rank']} of {un['n']} among {poss_name(a)} pairs with {display_name(b)} and the comparators"
    return text + "."


def arms_sentence(arms: dict, a: str, b: str) -> str:
    """Key finding on arms transfers."""
    na, nb = display_name(a), display_name(b)
    if not arms["years"]:
        return "The period lies outside the SIPRI register extract (deliveries 1995–2024)."
    if not arms["covered"]:
        return mil.not_covered_sentence(f"arms transfers between {na} and {nb}", [a, b])
    span = fmt.years(arms["years"][0], arms["years"][-1])
    s = arms["share_b"]
    if not arms["ba"]["tiv_m"] and not arms["ab"]["tiv_m"]:  # nothing recorded: say so, not "0.0% ... and 0.0%"
        return (
            f"SIPRI records no delivery of major arms between {na} and {nb} in {span}. TIV measures volume, not money."
        )
    ba, ab = arms["ba"]["tiv_m"], arms["ab"]["tiv_m"]
    if not ba:  # say "none" rather than "0.0 million"
        text = f"SIPRI records no delivery of major arms by {nb} to {na} in {span}, and {fmt.num(ab)} million TIV the other way"
    else:
        text = f"SIPRI records {fmt.num(ba)} million TIV of major arms delivered by {nb} to {na} in {span} and " + (
            f"{fmt.num(ab)} million the other way" if ab else "none the other way"
        )
    if not pd.isna(s["share"]) and s["share"] > 0:
        text += f"; {nb} supplied {fmt.pct(s['share'] * 100)} of {poss_name(a)} arms imports by volume"
        if arms.get("rank"):
            top = f"; largest: {mil.party_name(arms['top'])}" if arms.get("top") and arms["top"] != b else ""
            text += f" ({rank_of(arms['rank'], arms['n_suppliers'], 'supplier')}{top})"
        r = arms.get("share_b_recent") or {}
        if not pd.isna(r.get("share", np.nan)) and arms["recent"][0] > arms["years"][0]:
            text += f", and {fmt.pct(r['share'] * 100)} in {fmt.years(*arms['recent'])}"
    return text + ". TIV measures volume, not money."


def gas_sentence(gas: dict, a: str, b: str) -> str:
    """Key finding on gas."""
    if gas["kind"] == "tr_imports" and gas.get("source") == "iea":
        ns = display_name(gas["supplier"])
        if gas.get("label") is None:
            return f"None of Türkiye's gas entry points carries gas from {ns} (IEA Gas Trade Flows), so the gas indicator is not covered for this pair."
        if not gas.get("latest_year"):
            return f"The IEA Gas Trade Flows have no full year in the period for the gas entering Türkiye from {ns}."
        return (
            f"Gas entering Türkiye on {gas_routes.route_phrase(gas['supplier'])} was {fmt.pct(gas['latest_share'])} of all entries in {gas['latest_year']} "
            f"({fmt.num(gas['latest_bcm'], 1)} bcm; {gas_routes.rank_text(gas['rank'], gas['n_ranked'], ', '.join(gas.get('tied_with') or []))}), "
            "by this project's calculation from the IEA Gas Trade Flows, numerator and denominator from that one series."
        )
    if gas["kind"] == "tr_imports":
        ns = display_name(gas["supplier"])
        if not gas.get("latest_year"):
            return f"The press figures on Türkiye's gas imports name no imports from {ns} in the period."
        return (
            f"{ns} supplied {fmt.pct(gas['latest_share'])} of Türkiye's gas imports in {gas['latest_year']} ({fmt.num(gas['latest_bcm'], 1)} bcm; "
            f"rank {gas['rank']} of the {gas['n_ranked']} suppliers with a reported volume that year), by this project's calculation from importer-side press figures."
        )
    return (
        f"The data give gas imports by supplier for Türkiye only, so there is no bilateral gas measure for "
        f"{display_name(a)}–{display_name(b)}; the summary shows the two states' gas production and consumption instead, where the Energy Institute lists them."
    )


def trade_sentence(tr: dict, a: str, b: str) -> str:
    """Key finding on trade."""
    na, nb = display_name(a), display_name(b)
    if not tr["latest_year"]:
        return "The IMF trade figures used here (to 2020) do not cover the period."
    text = (
        f"In {tr['latest_year']}, {nb} accounted for {share_text(tr['share_b_in_a'])} of {poss_name(a)} merchandise trade by {poss_name(a)} own figures, "
        f"and {na} for {share_text(tr['share_a_in_b'])} of {poss_name(b)} by {poss_name(b)} figures"
    )
    est = tr.get("estimated") or []
    if est:
        text += f"; {fmt.join_and([poss_name(r) for r in est])} figures that year include IMF estimates"
    return text + " (IMF DOTS, exports plus imports)."


def index_sentence(
    base: pd.DataFrame, summary: pd.DataFrame, pair: str, n_draws: int, variant_ranks: Sequence[int] = ()
) -> str:
    """Key finding on the index: the pair's rank on the chosen weights, how often it ranks first under
    random weights, the middle 90% of its ranks, (if given) the range of its ranks under the alternative
    choices tested, and, when the pairs are scored on different numbers of indicators, how many each has.

    Example (values of the test): a pair ranked 2 of 3 on the chosen weights, first in 30% of 1,000 draws,
    median rank 2, middle 90% of ranks 1–3, reads "... ranks AAA–BBB 2 of 3 pairs (first: CCC–DDD); across
    1,000 random weightings it ranks first in 30.0% of draws (median rank 2; 90% of draws rank it 1 to 3) ...".
    """
    r = summary.loc[pair]
    scored = base[base["score"].notna()]
    n = len(scored)
    leader = base["score"].idxmax() if base["score"].notna().any() else None
    most_first = summary["share_first"].idxmax()
    lo90, hi90 = int(r["p5_rank"]), int(r["p95_rank"])
    spread = f"in 90% of draws it ranks {lo90}" if lo90 == hi90 else f"90% of draws rank it {lo90} to {hi90}"
    text = (
        f"On the chosen weights the relationship index ranks {pair} {int(r['base_rank'])} of {n} pairs"
        + (f" (first: {leader})" if leader and leader != pair else "")
        + f"; across {fmt.integer(n_draws)} random weightings it ranks first in {fmt.pct(r['share_first'] * 100)} of draws"
        + f" (median rank {r['median_rank']:g}; {spread})"
    )
    if most_first != pair:
        text += f", while {most_first} ranks first most often ({fmt.pct(summary.at[most_first, 'share_first'] * 100)})"
    ranks = [int(r) for r in variant_ranks if pd.notna(r)]
    if ranks:
        lo, hi = min(ranks), max(ranks)
        text += f". Under the {len(ranks)} alternative choices of method tested it ranks {lo if lo == hi else f'{lo} to {hi}'}"
    cov = scored["coverage"].astype(int)
    if pair in cov.index and cov.nunique() > 1:
        others = cov.drop(pair)
        span = f"{others.min()}" if others.min() == others.max() else f"{others.min()} to {others.max()}"
        text += (
            f". The pairs are not scored on the same evidence: {pair} on {cov[pair]} indicator{'s' if cov[pair] != 1 else ''}, "
            f"the other pairs on {span}, so the ranking compares like with like only in part"
        )
    return text + "."


def events_sentence(ev: pd.DataFrame, a: str, b: str) -> str:
    """Key finding on the pair's dated events (:func:`pair_events` output): how many, from when to when."""
    na, nb = display_name(a), display_name(b)
    if not len(ev):
        return f"The project's curated events table lists no dated event naming both {na} and {nb}."
    return (
        f"The project's curated events table lists {fmt.plural(len(ev), 'dated event')} naming both {na} and {nb}, from "
        f"{ev['when'].iloc[0]} to {ev['when'].iloc[-1]}; it is a curated selection, so the count shows what the record holds, not how close the two are."
    )


def arms_meaning(arms: dict, a: str, b: str) -> str:
    """What the arms shares mean: how much of ``b``'s deliveries to ``a`` fell in the recent years, and whether
    ``b``'s recent share is of a larger or smaller total than ``a`` imported on average over the period
    (:func:`arms_summary` output). Empty when there is nothing to compare."""
    whole, recent = arms.get("share_b") or {}, arms.get("share_b_recent") or {}
    if (
        not arms.get("years")
        or not arms.get("covered")
        or not whole.get("tiv_m")
        or pd.isna(whole.get("share", np.nan))
        or pd.isna(recent.get("share", np.nan))
    ):
        return ""
    (lo, hi), (rlo, rhi) = (arms["years"][0], arms["years"][-1]), arms["recent"]
    if rlo <= lo:
        return ""
    na, _nb = display_name(a), display_name(b)
    span, rspan = fmt.years(lo, hi), fmt.years(rlo, rhi)
    part = recent["tiv_m"] / whole["tiv_m"]
    avg_all, avg_recent = whole["total_tiv_m"] / len(arms["years"]), recent["total_tiv_m"] / (rhi - rlo + 1)
    size = "smaller" if avg_recent < avg_all else "larger"
    return (
        f"{fmt.pct(part * 100, 0)} of {poss_name(b)} recorded deliveries to {na} in {span} came in {rspan}. In those years {poss_name(a)} "
        f"arms imports averaged {fmt.num(avg_recent)} million TIV a year against {fmt.num(avg_all)} over {span}, so {poss_name(b)} recent "
        f"share is a share of a {size} total. A single large order can move these shares, and SIPRI "
        "counts deliveries of major conventional weapons only."
    )


def arms_takeaway(arms: dict, a: str, b: str) -> str:
    """Short finding on arms for the landing page: ``b``'s share of ``a``'s arms imports in the recent years and over
    the whole period, with its rank among all suppliers (:func:`arms_summary` output); falls back on :func:`arms_sentence`."""
    whole, recent = arms.get("share_b") or {}, arms.get("share_b_recent") or {}
    if (
        not arms.get("years")
        or not arms.get("covered")
        or pd.isna(whole.get("share", np.nan))
        or not whole.get("tiv_m")
    ):
        return arms_sentence(arms, a, b)
    na, nb = display_name(a), display_name(b)
    span = fmt.years(arms["years"][0], arms["years"][-1])
    top = f"; largest: {mil.party_name(arms['top'])}" if arms.get("top") and arms["top"] != b else ""
    rank = f" ({rank_of(arms['rank'], arms['n_suppliers'], 'supplier')}{top})" if arms.get("rank") else ""
    text = f"{nb} supplied {fmt.pct(whole['share'] * 100)} of {poss_name(a)} major arms imports by volume (SIPRI TIV) in {span}{rank}"
    if not pd.isna(recent.get("share", np.nan)) and arms["recent"][0] > arms["years"][0]:
        text += (
            f", and {fmt.pct(recent['share'] * 100)} in {fmt.years(*arms['recent'])}, when {na} imported far less in all"
            if recent["total_tiv_m"] / (arms["recent"][1] - arms["recent"][0] + 1)
            < 0.5 * whole["total_tiv_m"] / len(arms["years"])
            else f", and {fmt.pct(recent['share'] * 100)} in {fmt.years(*arms['recent'])}"
        )
    return text + "."


def rank_of(rank: int, n: int, noun: str, tied: object = None) -> str:
    """A rank with its denominator in words, by :func:`bilateral.ranks.rank_words` ("5th of 14 suppliers"; ties
    stated when ``tied`` counts more than one).

    Example:
        >>> rank_of(5, 14, "supplier")
        '5th of 14 suppliers'
    """
    n_tied = 1 if tied is None or pd.isna(tied) else int(tied)
    return ranks.rank_words({"rank": int(rank), "n_ranked": int(n), "n_tied": n_tied}, noun)


def trade_takeaway(tr: dict, all_ranks: pd.DataFrame, a: str, b: str) -> str:
    """Short finding on trade for the landing page: each side's share of the other's trade in the latest year and
    its rank among all of the other's trading partners (``all_ranks``: :func:`bilateral.ranks.overview_rows`)."""
    if not tr["latest_year"]:
        return trade_sentence(tr, a, b)
    y = tr["latest_year"]
    parts = []
    for c, p, share in ((a, b, tr["share_b_in_a"]), (b, a, tr["share_a_in_b"])):
        if pd.isna(share):
            continue
        r = all_ranks[(all_ranks["dimension"] == "Trade") & (all_ranks["country"] == c) & (all_ranks["partner"] == p)]
        r = r.iloc[0] if len(r) else None
        where = (
            f", {rank_of(r['rank'], r['n_ranked'], 'partner', r.get('n_tied'))}"
            if r is not None and r["status"] == "ranked" and str(r["when"]) == str(y)
            else ""
        )
        parts.append(
            f"{display_name(p)} accounted for {share_text(share)} of {poss_name(c)} trade by {poss_name(c)} own figures{where}"
        )
    return (
        f"In {y}, " + "; ".join(parts) + " (IMF DOTS; the series ends in 2020)." if parts else trade_sentence(tr, a, b)
    )


def gas_takeaway(gas: dict, a: str, b: str) -> str:
    """Short finding on gas for the landing page (the IEA entry routes into Türkiye); falls back on :func:`gas_sentence`."""
    if (
        gas["kind"] == "tr_imports"
        and gas.get("source") == "iea"
        and gas.get("label") is not None
        and gas.get("latest_year")
    ):
        return (
            f"In {gas['latest_year']}, {fmt.pct(gas['latest_share'])} of the gas entering Türkiye ({fmt.num(gas['latest_bcm'], 1)} bcm) came on "
            f"{gas_routes.route_phrase(gas['supplier'])}, {gas_routes.rank_text(gas['rank'], gas['n_ranked'], ', '.join(gas.get('tied_with') or []))} (IEA Gas Trade Flows)."
        )
    return gas_sentence(gas, a, b)


def coverage_notes(raw: pd.DataFrame, pairs: Sequence[tuple[str, str]]) -> list[str]:
    """Sentences naming, for each indicator, the pairs that never have it and why (where the reason is known)."""
    notes = []
    labels = [pair_text(p) for p in pairs]
    for c in raw.columns:
        never = [lab for lab in labels if raw.loc[lab, c].isna().all()]
        if not never:
            continue
        why = {
            "energy": "gas by supplier is known only for the gas entering Türkiye, from suppliers whose gas comes on a route of its own",
            "arms": "the SIPRI register extract holds only deals with Azerbaijan, Türkiye or Armenia as supplier or recipient",
            "trade": "neither side reports the flows to the IMF in the period",
            "un_votes": "the two never both cast a vote in the period",
        }[c]
        notes.append(f"{INDICATOR_LABELS[c]}: no value for {fmt.join_and(never)} ({why}).")
    return notes


def record_measures(arms: dict, gas: dict, a: str, b: str) -> None:
    """Note the headline measures this report prints that a dimension report also prints (arms TIV delivered
    each way, the supplier's share of the gas entering Türkiye), see :func:`bilateral.takeaways.record_measure`."""
    from bilateral import takeaways

    if arms["years"] and arms["covered"]:
        span = fmt.years(arms["years"][0], arms["years"][-1])
        takeaways.record_measure("arms TIV delivered (million)", b, a, span, fmt.num(arms["ba"]["tiv_m"]))
        takeaways.record_measure("arms TIV delivered (million)", a, b, span, fmt.num(arms["ab"]["tiv_m"]))
    if (
        gas["kind"] == "tr_imports"
        and gas.get("source") == "iea"
        and gas.get("label") is not None
        and gas.get("latest_year")
    ):
        takeaways.record_measure(
            "share of gas entering Türkiye",
            gas["supplier"],
            "TUR",
            str(gas["latest_year"]),
            fmt.pct(gas["latest_share"]),
        )


def bullets(items: Mapping[str, str], links: Mapping[str, str] | None = None) -> str:
    """A list with a bold lead-in per item, each followed by its link in ``links`` (an HTML anchor, by label) where
    there is one, as one block of HTML: the notebook renderer breaks an HTML link written inside markdown text, and a
    markdown link would re-encode the apostrophe of an address such as ``energy.html#T%C3%BCrkiye's-gas-…``.

    Example:
        >>> bullets({"Arms": "One.", "Gas": "Two."}, {"Gas": '<a href="energy.html">energy report</a>'})
        '<ul>\\n<li><strong>Arms.</strong> One.</li>\\n<li><strong>Gas.</strong> Two. More: <a href="energy.html">energy report</a>.</li>\\n</ul>'
    """
    links = links or {}
    rows = [
        f"<li><strong>{html.escape(label)}.</strong> {html.escape(s.strip(), quote=False)}"
        + (f" More: {links[label]}." if label in links else "")
        + "</li>"
        for label, s in items.items()
    ]
    return "<ul>\n" + "\n".join(rows) + "\n</ul>" if rows else ""


def un_finding(scores: pd.DataFrame, P, other_period: str, other_report: str = "diplomatic") -> str:
    """Key finding on UN voting among all member states (:func:`bilateral.ranks.un_meaning_sentence`), with a note on
    why another report's default period gives other figures (``scores``: :func:`bilateral.ranks.un_scores`)."""
    a, b = P.country_a, P.country_b
    return (
        ranks.un_meaning_sentence(scores, a, b, P.period)
        + " "
        + ranks.un_period_note(scores, a, b, P.period, other_period, other_report)
    )


def arms_finding(arms: dict, P) -> str:
    """Key finding on arms: :func:`arms_sentence` and what the shares mean (:func:`arms_meaning`)."""
    a, b = P.country_a, P.country_b
    return " ".join(t for t in (arms_sentence(arms, a, b), arms_meaning(arms, a, b)) if t)


def trade_finding(tr: dict, trade: pd.DataFrame, P) -> str:
    """Key finding on trade: :func:`trade_sentence` and the values behind the shares (:func:`bilateral.trade.value_meaning`)."""
    a, b = P.country_a, P.country_b
    return trade_sentence(tr, a, b) + " " + trd.value_meaning(trade, a, b, list(P.years), tr["latest_year"])


def index_finding(res: dict, sens: dict, variants: Mapping[str, dict], pair: str, n_draws: int) -> str:
    """Key finding on the index (:func:`index_sentence`, with the ranks under the alternative choices of method in
    ``variants``, the first of which is the chosen one), or a sentence saying the pair has no indicator."""
    summary = sens["summary"]
    if pair not in summary.index:
        return f"The relationship index has no indicator for {pair} in the period."
    if len(summary) < 2:
        score = res["base"].at[pair, "score"]
        return (
            f"The relationship index scores {pair} {score:.2f} on the chosen weights (0 to 1); with no other pair "
            "that has an indicator there is nothing to rank it against, so the score alone says little."
        )
    alt_ranks = [v["base"].at[pair, "rank"] for v in list(variants.values())[1:]]
    return index_sentence(res["base"], summary, pair, n_draws, alt_ranks) + " " + index_meaning(summary, pair)


def index_meaning(summary: pd.DataFrame, pair: str) -> str:
    """What the sensitivity analysis says about the pair's rank (``summary``: :func:`bilateral.overview.index.
    sensitivity` summary): whether its place holds under most weightings or depends on them. "" with fewer than two
    ranked pairs.

    Example:
        >>> s = pd.DataFrame({"p5_rank": [1, 1], "p95_rank": [3, 3]}, index=["A–B", "C–D"])
        >>> index_meaning(s, "A–B")[:60]
        "So A–B's place among these 2 pairs depends on how the indica"
    """
    if pair not in summary.index or len(summary) < 2:
        return ""
    lo, hi, n = int(summary.at[pair, "p5_rank"]), int(summary.at[pair, "p95_rank"]), len(summary)
    if lo == hi:
        return (
            f"So {fmt.poss(pair)} place among these {n} pairs does not hinge on the weights: 90% of the random "
            f"weightings give it rank {lo}."
        )
    return (
        f"So {fmt.poss(pair)} place among these {n} pairs depends on how the indicators are weighted (rank {lo} to {hi} "
        "in 90% of the random weightings): read it as a range, not a verdict."
    )


def gas_meaning(gas: dict) -> str:
    """What the gas share means and how firm it is: its range over the full years of the IEA series in the period,
    and why the share rests on no assumption about origins except for LNG. "" when there is no share."""
    if not (gas["kind"] == "tr_imports" and gas.get("source") == "iea" and gas.get("latest_year")):
        return ""
    s = gas["shares"][gas["label"]].dropna()
    text = ""
    if len(s) > 1:
        lo, hi = s.idxmin(), s.idxmax()
        text = (
            f"Over the full years {fmt.years(int(s.index.min()), int(s.index.max()))} the share ranged from "
            f"{fmt.pct(s[lo])} ({lo}) to {fmt.pct(s[hi])} ({hi}). "
        )
    return text + (
        "The entry route tells where the gas comes from, so the share needs no estimate of origins; only LNG, "
        "whose origin the series does not give, counts in the total and for no supplier."
    )


def events_finding(ev: pd.DataFrame, rule: Mapping[str, object], P) -> str:
    """Key finding on the events: :func:`events_sentence`, and which of them the timeline names (``rule``:
    :func:`bilateral.overview.chronology.charted_events`)."""
    text = events_sentence(ev, P.country_a, P.country_b)
    n, total = int(rule["n_charted"]), int(rule["n_events"])
    if not total:
        return text
    if n == total:
        return text + f" The timeline names {'it' if n == 1 else f'all {n}'}."
    return text + " " + charted_rule_sentence(rule) + "."


def charted_rule_sentence(rule: Mapping[str, object]) -> str:
    """How the timeline chose its events, in words (no final stop): "The timeline names the 19 of the 148 events that
    at least 3 sources record"."""
    n, total, k = int(rule["n_charted"]), int(rule["n_events"]), int(rule["min_sources"])
    if n == total:
        return f"The timeline names {'the one event' if n == 1 else f'all {n} events'}"
    if rule.get("latest_only"):
        return f"The timeline names the latest {n} of the {total} events (no event has more than {fmt.plural(k, 'source')})"
    return f"The timeline names the {n} of the {total} events that at least {fmt.plural(k, 'source')} record"


def coverage_paragraph(raw: pd.DataFrame, pairs: Sequence[tuple[str, str]]) -> str:
    """The indicators that some pairs never have, and why (:func:`coverage_notes`), as one paragraph; "" if none."""
    notes = coverage_notes(raw, pairs)
    return "Indicators that some pairs never have: " + " ".join(notes) if notes else ""


def rank_findings(all_ranks: pd.DataFrame, P, pairs: Sequence[tuple[str, str]], scored: Sequence[str]) -> str:
    """The ranks of each state among all of the other's partners (:func:`bilateral.ranks.overview_sentence`, both
    ways) and which pairs of the index have a score (``scored``), as a markdown list."""
    a, b = P.country_a, P.country_b
    items = [
        (f"{fmt.poss(P.name_b)} rank among {fmt.poss(P.name_a)} partners", ranks.overview_sentence(all_ranks, a, b)),
        (f"{fmt.poss(P.name_a)} rank among {fmt.poss(P.name_b)} partners", ranks.overview_sentence(all_ranks, b, a)),
        ("Ranks in the index", ranks.index_pairs_note([pair_text(p) for p in pairs], scored)),
    ]
    return "\n".join(f"- **{title}.** {s}" for title, s in items)
