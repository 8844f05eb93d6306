"""Captions, alt text and the computed method paragraphs of ``notebooks/overview.ipynb``.

Each function returns text for one figure, table or paragraph; those that need the pair, the names or the
period take the report's parameters ``P`` (:class:`bilateral.params.Params`). Static prose stays in the
notebook's markdown cells.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from bilateral import events as evs
from bilateral import fmt, gas_routes, ranks
from bilateral import military as mil
from bilateral.catalog import SOURCES
from bilateral.countries import concerns, display_name
from bilateral.data import table_title, table_warnings
from bilateral.overview.chronology import dimension_order, split_eras
from bilateral.overview.config import (
    ARMS_WINDOW,
    INDICATOR_LABELS,
    INDICATOR_MEANING,
    INDICATORS,
    PAIR_RULE,
    pair_text,
    poss_name,
    share_text,
)
from bilateral.overview.tables import window_label

__all__ = [
    "context_line",
    "directional_caption",
    "events_table_caption",
    "headline_caption",
    "index_alt",
    "index_caption",
    "indicator_list",
    "no_events",
    "normalisation_paragraph",
    "rank_distribution_alt",
    "rank_distribution_caption",
    "ranking_paragraph",
    "ranks_caption",
    "sensitivity_method",
    "sensitivity_table_caption",
    "source_list",
    "sourcing_and_caveats",
    "summary_alt",
    "summary_caption",
    "timeline_alt",
    "timeline_caption",
    "window_table_caption",
]


def context_line(P, pairs: Sequence[tuple[str, str]]) -> str:
    """The line under the title: the pair, the period, the comparators and the pairs in the index."""
    comps = fmt.join_and([display_name(c) for c in P.comparators]) or "none"
    return (
        f"**Pair:** {P.name_a} ({P.country_a}) and {P.name_b} ({P.country_b}); **period:** {P.period}; "
        f"**comparators in the summary:** {comps}; **pairs in the index:** {fmt.join_and([pair_text(p) for p in pairs])}."
    )


def headline_caption(P) -> str:
    """Caption of the headline-numbers table."""
    return (
        f"Headline numbers for {P.name_a} and {P.name_b}, {P.period} (each measure over the years its source covers within "
        "the period). Ranks are among all suppliers with recorded deliveries (arms) or a reported volume (gas); the next "
        "table ranks each state among all of the other's partners."
    )


def ranks_caption() -> str:
    """Caption of the table of ranks among all partners."""
    return (
        "Rank of each state among all of the other's partners: UN General Assembly votes (agreement share, Cohen's kappa; "
        f"states with enough common votes: {ranks.PRESENCE_WORDS}), trade (each country's own records, latest year), arms "
        "transfers (SIPRI TIV) and diplomatic posts (Lowy Global Diplomacy Index, index states only)."
    )


def summary_caption(P, un: dict) -> str:
    """Caption of the four summary panels (``un``: :func:`bilateral.overview.summary.un_summary` output)."""
    switch = un["switch"]
    text = (
        f"{P.name_a} and {P.name_b} at a glance, {P.period}: one panel per dimension. Arms in SIPRI trend-indicator values (TIV). "
        "Gas shares are this project's calculation from the IEA Gas Trade Flows (the supplier's entry routes ÷ all entries, "
        "full years); a year without a dot has no figure. Trade shares are exports plus imports, each side's own figures."
    )
    if switch:
        text += (
            f" In the UN panel, the dashed line marks the change of vote source: Voeten's roll calls up to {switch['last_voeten'][:4]}, "
            f"the UN's own records from {fmt.date(switch['first_un'][:7], 'month')}."
        )
    return text


def summary_alt(P, un: dict, arms: dict, gas: dict, tr: dict) -> str:
    """Alt text of the four summary panels: what each panel shows and its latest or total value."""
    a, na, nb = P.country_a, P.name_a, P.name_b
    main = pair_text(P.pair)
    y = un["yearly"]
    un_last = y[y["pair"] == main].dropna(subset=["kappa"]) if len(y) else pd.DataFrame()
    latest = f", {fmt.num(un_last['kappa'].iloc[-1], 2)} in {int(un_last['year'].iloc[-1])}" if len(un_last) else ""
    grey = f", with {a}'s pairs with the comparators in grey" if P.comparators else ""
    line = f"; a dashed line marks the change of vote source in {un['switch']['year']}" if un["switch"] else ""
    parts = [f"Top left, UN voting: Cohen's kappa of {main} by year{latest}{grey}{line}."]
    if arms["covered"] and arms["years"]:
        ba = arms["ba"]
        peak = f", peak {fmt.num(ba['peak_tiv_m'])} million in {ba['peak_year']}" if ba["peak_year"] else ""
        parts.append(
            f"Top right, arms: stacked bars of TIV delivered each way per year; {nb} to {na} {fmt.num(ba['tiv_m'])} million in total{peak}."
        )
    else:
        parts.append("Top right, arms: empty, the SIPRI extract does not cover the pair.")
    if gas["kind"] == "tr_imports" and gas.get("latest_year"):
        parts.append(
            f"Bottom left, gas: the share of the gas entering Türkiye that came on {gas_routes.route_phrase(gas['supplier'])}, "
            f"full years of the IEA series, last {fmt.pct(gas['latest_share'])} in {gas['latest_year']}."
        )
    elif gas["kind"] == "tr_imports":
        parts.append(
            f"Bottom left, gas: empty, no entry route into Türkiye carries gas from {display_name(gas['supplier'])} in the years covered."
        )
    else:
        parts.append(
            "Bottom left, gas production (solid) and consumption (dashed) of the states the Energy Institute lists."
        )
    if tr["latest_year"]:
        parts.append(
            f"Bottom right, trade: {nb}'s share of {poss_name(a)} trade and {na}'s share of {poss_name(P.country_b)}, by year; "
            f"{share_text(tr['share_b_in_a'])} and {share_text(tr['share_a_in_b'])} in {tr['latest_year']}."
        )
    else:
        parts.append("Bottom right, trade: empty, no IMF figures for the period.")
    return " ".join(parts)


def timeline_caption(P, ev: pd.DataFrame) -> str:
    """Caption of the events timeline (``ev``: :func:`bilateral.overview.chronology.pair_events` output, not empty)."""
    return (
        f"Events naming both {P.name_a} and {P.name_b}, {ev['when'].iloc[0]} to {ev['when'].iloc[-1]}, one lane per dimension "
        "(the curators' classification). Dates known only to the month or year are drawn mid-month or mid-year. Numbers "
        "refer to the table below. " + evs.marker_caption(ev)
    )


def timeline_alt(ev: pd.DataFrame) -> str:
    """Alt text of the events timeline: the panels, the events per dimension and the busiest year."""
    eras = split_eras(ev["x"].tolist())
    counts = ev["dimension"].value_counts()
    per_year = ev["year"].value_counts()
    return (
        f"Timeline of {len(ev)} numbered events in {len(eras)} panel{'s' if len(eras) > 1 else ''} ("
        + "; ".join(fmt.years(int(lo), int(hi)) for lo, hi in eras)
        + "): "
        + ", ".join(f"{d} {int(counts[d])}" for d in dimension_order(ev))
        + ". "
        + f"The busiest year is {int(per_year.idxmax())} with {int(per_year.max())} events."
    )


def events_table_caption(P, ev: pd.DataFrame) -> str:
    """Caption of the table of all the pair's events."""
    return (
        f"The {len(ev)} events of the timeline, all dates (the report period is {P.period}). 'Others': other states the event "
        "involves; 'Source': whether the event rests on the seed documents alone or on independent sources of one side, of "
        "both sides or of a third party, then each source's publisher and the date it gives. Titles follow the cited sources; "
        "where a seed document frames an event in contested terms, the wording is the source's, not a finding of this report."
    )


def indicator_list(weights: Mapping[str, float], un_measure: str) -> str:
    """The index's indicators as a list, each with its weight, what it measures and how it is built."""
    measure = (
        "Cohen's kappa (agreement corrected for chance)" if un_measure == "kappa" else "the share of votes cast alike"
    )
    extra = {
        "un_votes": f" Measure used: {measure}, on the votes both states cast (yes, no or abstain).",
        "arms": f" Shares are summed over a trailing window of {ARMS_WINDOW} years ending in the year (cut at {mil.DATA_YEARS[0]}, "
        "the extract's first year), because deliveries are lumpy. The SIPRI extract holds only deals with Azerbaijan, "
        "Türkiye or Armenia as supplier or recipient; a direction without them is missing, not zero.",
        "trade": " Exports plus imports, each state from its own reports to the IMF; the two sides' figures are never "
        "mixed. The IMF series used here ends in 2020.",
        "energy": " Only Türkiye's gas imports are broken down by supplier in these data (entry routes in the IEA Gas "
        "Trade Flows: Türkgözü for Azerbaijan; Samsun, Kıyıköy and the Malkoçlar entry for Russia; Doğubayazıt for Iran), "
        "so the indicator exists only for pairs that include Türkiye and one of those suppliers, and only in full years "
        "(2010–2024). Numerator and denominator come from that one series; exits (transit) are not subtracted.",
    }
    return "\n".join(
        f"- **{INDICATOR_LABELS[k]}** (weight {fmt.num(weights[k], 2)}): {INDICATOR_MEANING[k]}.{extra[k]}"
        for k in INDICATORS
    )


def normalisation_paragraph(normalisation: str) -> str:
    """How two directional shares make one value, and the normalisation chosen (two paragraphs)."""
    rule = (
        "**Two directions, one value.** Arms, trade and gas are shares of one state in the other's imports or trade. "
        f"A pair gets the {'larger' if PAIR_RULE == 'max' else 'mean'} of its two directional shares (the dependence of "
        "the more dependent side); the table of directional shares below shows both."
    )
    if normalisation == "minmax":
        norm = (
            "**Normalisation: min–max.** Each indicator is rescaled to 0–1 across all pairs and years of the index: "
            "(value − lowest) ÷ (highest − lowest). The scale therefore depends on the pairs and years included: adding "
            "a pair can move every value."
        )
    else:
        norm = (
            "**Normalisation: shares as they are.** Shares are already on 0–1 and are kept; a negative kappa (less "
            "agreement than chance) is set to 0."
        )
    return rule + "\n\n" + norm


def ranking_paragraph(rank_years: int, windows: Mapping[str, tuple[int, int] | None]) -> str:
    """How the pairs are ranked: the latest ``rank_years`` years of each indicator (its window)."""
    return (
        f"**Ranking.** Pairs are ranked on the same formula applied to the mean of each normalised indicator over its "
        f"latest {rank_years} years with data (the 'latest available data' rule): "
        + "; ".join(f"{INDICATOR_LABELS[k]} {window_label(k, windows[k])}" for k in INDICATORS)
        + ". A pair that lacks an indicator in its window is scored on the others, so pairs can rest on different "
        "numbers of indicators (the 'Indicators' column of the sensitivity table)."
    )


def index_caption(P, main: str, normalisation: str, weights: Mapping[str, float]) -> str:
    """Caption of the index-by-year chart."""
    w = ", ".join(f"{INDICATOR_LABELS[k]} {fmt.num(weights[k], 2)}" for k in INDICATORS)
    return (
        f"Relationship index by year, {P.period}, for {main} (thick line) and the comparison pairs: weighted mean of the "
        f"available normalised indicators ({normalisation} normalisation, weights {w}). Hollow markers: fewer indicators "
        "than in the pair's best-covered years, so a jump there may come from an indicator entering or leaving. The strip "
        "below counts the indicators behind each value."
    )


def index_alt(idx: pd.DataFrame) -> str:
    """Alt text of the index-by-year chart: each pair's latest value and the indicators behind it."""
    wide = idx["index"].unstack("pair")
    last = {p: wide[p].dropna() for p in wide.columns}
    return (
        "Line chart of the index (0 to 1) by year with a strip of indicator counts below. Latest values: "
        + "; ".join(
            f"{p} {s.iloc[-1]:.2f} in {int(s.index[-1])} (from {int(idx.loc[(p, int(s.index[-1])), 'coverage'])} indicators)"
            for p, s in last.items()
            if len(s)
        )
        + "."
    )


def window_table_caption(un_measure: str) -> str:
    """Caption of the table of each pair's indicators over their ranking windows."""
    return (
        f"Each pair's indicators over their ranking windows: the raw mean (UN: {un_measure.replace('_', ' ')}; others: "
        "shares, %) → its normalised value (0–1). '–': no value in the window."
    )


def directional_caption() -> str:
    """Caption of the table of directional shares."""
    return (
        "The directional shares behind the arms, trade and gas indicators, averaged over the same windows (arms shares "
        f"over trailing windows). The pair's value is the {'larger' if PAIR_RULE == 'max' else 'mean'} of its two directions."
    )


def sensitivity_method(n_draws: int, active: Sequence[str], seed: int) -> str:
    """The paragraph on how the sensitivity analysis works."""
    return (
        f"**How the sensitivity analysis works.** Weights are a judgement, so the ranking is recomputed under {fmt.integer(n_draws)} "
        f"weightings drawn at random from a flat Dirichlet distribution over the {len(active)} indicators with a positive "
        f"weight ({fmt.join_and([INDICATOR_LABELS[k] for k in active])}): every combination of non-negative weights summing "
        "to 1 is equally likely. Under each draw every pair gets the weighted mean of the indicators it has (renormalised "
        "weights, as above) and the pairs are ranked, 1 being the highest. "
        f"The draws use numpy's generator with seed {seed}, so the same parameters give the same results. "
        "This follows the uncertainty and sensitivity analysis recommended in the OECD/JRC *Handbook on Constructing "
        "Composite Indicators* (2008), and the practice of the Lowy Institute's *Asia Power Index*, which publishes its "
        "weights and tests how rankings change when they vary. A pair that keeps its rank under most draws is ranked "
        "robustly; a pair whose rank moves a lot owes its place to the weights."
    )


def rank_distribution_caption(n_draws: int, seed: int) -> str:
    """Caption of the chart of ranks under random weights."""
    return (
        f"Share of {fmt.integer(n_draws)} random weightings (flat Dirichlet, seed {seed}) in which each pair takes each "
        "rank. In brackets, its rank on the chosen weights."
    )


def rank_distribution_alt(summary: pd.DataFrame) -> str:
    """Alt text of the chart of ranks under random weights (``summary``: the sensitivity summary)."""
    return (
        "Stacked horizontal bars, one per pair, of the share of draws at each rank: "
        + "; ".join(
            f"{p} first in {fmt.pct(summary.at[p, 'share_first'] * 100)} of draws, median rank {summary.at[p, 'median_rank']:g}"
            for p in summary.index
        )
        + "."
    )


def sensitivity_table_caption(n_draws: int) -> str:
    """Caption of the sensitivity table."""
    return (
        f"Scores and ranks on the chosen weights, and the spread of ranks over {fmt.integer(n_draws)} random weightings. "
        "'Indicators' counts those the pair has in the ranking windows; a pair with fewer indicators is scored on those it has."
    )


def source_list(keys: Sequence[str]) -> str:
    """The Sources section's list: each catalogue entry's full citation, vintage and terms."""
    return "\n".join(
        f"- **{SOURCES[k].short}.** {SOURCES[k].citation} Vintage: {SOURCES[k].vintage}. Terms: {SOURCES[k].licence}."
        for k in keys
    )


#: Catalogue keys whose own caveats the Methods section repeats (where they concern the report's states).
CAVEAT_SOURCES = (
    "unga_votes_unvotes_voeten",
    "unga_votes_unxml_dgacm",
    "sipri_arms_transfers",
    "imf_dots",
    "iea_gas_trade_flows",
    "ei_statistical_review_2023",
)


def sourcing_and_caveats(P, ev: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame) -> str:
    """How the timeline's events are sourced (``ev`` among the whole ``events`` table, with the ``event_sources``),
    then the caveats the sources and tables state that concern the pair or the comparators."""
    sourced = "**How the events are sourced.** " + evs.seed_only_sentence(ev, events, what="this report's timeline")
    dates = evs.date_sentence(ev, sources)
    if dates:
        sourced += " " + dates
    states = [P.country_a, P.country_b, *P.comparators]
    caveats = [
        f"- *{SOURCES[k].short}:* {c}"
        for k in CAVEAT_SOURCES
        for c in mil.without_tiv_explanation(SOURCES[k].caveats)
        if concerns(c, states)
    ]
    warn = [
        f"- *{table_title(t)}:* {w}"
        for t in ("arms_totals", "events")
        for w in mil.without_tiv_explanation(table_warnings(t))
    ]
    return sourced + "\n\nCaveats stated by the sources and the tables:\n\n" + "\n".join(caveats + warn)


def no_events(P) -> str:
    """What the timeline section says when the events table names no event of the pair."""
    return f"The events table has no event that names both {P.name_a} and {P.name_b}."
