"""Diplomatic relations, captions: the computed captions, alt text and notes of the report's figures and tables.

Each figure has a ``*_caption`` and an ``*_alt`` function, each table a ``*_caption`` (and a note where the
table needs one). Functions that need the pair, the names or the period take the validated parameters object
``P`` (:class:`bilateral.params.Params`). Sentences of the running text are in :mod:`bilateral.diplomatic.text`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, periods
from bilateral.countries import display_name
from bilateral.diplomatic.compute import ISSUE_METHODS, PLEDGES

__all__ = [
    "ALIGNMENT_NOTE",
    "ATOP_COMPARATORS_NOTE",
    "DISAGREEMENT_NOTE",
    "LOWY_MATRIX_NOTE",
    "LOWY_PAIR_NOTE",
    "alignment_alt",
    "alignment_caption",
    "atop_comparators_caption",
    "comparator_dots_alt",
    "comparator_dots_caption",
    "comparator_periods_alt",
    "comparator_periods_caption",
    "comparator_table_caption",
    "comparator_table_note",
    "cosponsorship_alt",
    "cosponsorship_caption",
    "cosponsorship_comparators_caption",
    "cosponsorship_note",
    "cow_caption",
    "cow_note",
    "disagreement_alt",
    "disagreement_caption",
    "events_table_caption",
    "ideal_alt",
    "ideal_caption",
    "latest_disagreements_caption",
    "lowy_matrix_caption",
    "lowy_pair_caption",
    "pledges_alt",
    "pledges_caption",
    "timeline_alt",
    "timeline_caption",
    "top_ten_alt",
    "top_ten_axis_label",
    "top_ten_caption",
    "un_ranks_caption",
]


def _span(years: range) -> str:
    return fmt.years(years.start, years.stop - 1)


# ---------------------------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------------------------


def timeline_caption(P, in_period: pd.DataFrame) -> str:
    """Caption of the events timeline (the events of the period)."""
    from bilateral import events as evs

    return (
        f"Diplomatic events naming {P.name_a} and {P.name_b}, {P.period}, by type (number of events in brackets); each dot is one event of the table below. "
        + evs.category_caption(in_period)
        + " "
        + evs.marker_caption(in_period)
    )


def timeline_alt(in_period: pd.DataFrame) -> str:
    """Alt text of the events timeline: how many events of each type, over which years."""
    counts = in_period["type"].value_counts()
    return (
        f"Dot timeline of {len(in_period)} events from {int(in_period['year'].min())} to {int(in_period['year'].max())}, one row per type: "
        + ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in counts.items())
        + "."
    )


def events_table_caption(P, background: bool) -> str:
    """Caption of the events table (``background``: some events fall before the period)."""
    return (
        f"Dated diplomatic events naming {P.name_a} and {P.name_b}, oldest first, with the sources each rests on (publisher and the date it gives) "
        "and whether they are the seed documents alone, one side's sources, both sides' or a third party's."
        + (f" Events dated before {P.start_year} are background to the report's period." if background else "")
    )


# ---------------------------------------------------------------------------------------------
# UN General Assembly
# ---------------------------------------------------------------------------------------------

#: Note under the yearly agreement chart.
ALIGNMENT_NOTE = (
    "Absences never count. Voeten's roll calls to the switch include some votes on paragraphs and amendments; "
    "UN records after it are final resolutions only."
)


def alignment_caption(P) -> str:
    """Caption of the yearly agreement and kappa chart."""
    return (
        f"{P.name_a} and {P.name_b} in the UN General Assembly, {P.period}: share of common votes on which they voted alike and "
        f"Cohen's kappa (top); recorded votes held and common votes behind each year's figures (bottom)."
    )


def alignment_alt(yearly: pd.DataFrame, switch: dict) -> str:
    """Alt text of the yearly agreement chart: first and last values, votes per year, the change of source."""
    y0, y1 = yearly.iloc[0], yearly.iloc[-1]
    return (
        f"Two-panel chart by year. Top: agreement share from {fmt.pct(y0['agreement_share'], share=True)} in {int(y0['year'])} "
        f"to {fmt.pct(y1['agreement_share'], share=True)} in {int(y1['year'])}, and kappa from {fmt.num(y0['kappa'], 2)} to "
        f"{fmt.num(y1['kappa'], 2)}. Bottom: between {int(yearly['n_votes'].min())} and {int(yearly['n_votes'].max())} "
        f"common votes a year. A dashed line between {switch.get('last_voeten', 'n/a')[:4]} and {switch.get('year', 'n/a')} marks the switch "
        f"from Voeten's roll calls to the UN records, which start in {switch.get('first_un', 'n/a')[:7]}."
    )


def ideal_caption(P, dist: pd.DataFrame) -> str:
    """Caption of the ideal-points chart."""
    return (
        f"UN ideal points of {P.name_a} and {P.name_b} with their 5–95% posterior ranges (top) and the distance between them "
        f"(bottom), {fmt.years(int(dist['year'].min()), int(dist['year'].max()))}."
    )


def ideal_alt(P, dist: pd.DataFrame, reliable: pd.DataFrame) -> str:
    """Alt text of the ideal-points chart: each state's range, the mean and latest reliable distance."""
    last = reliable.iloc[-1] if len(reliable) else None
    return (
        f"Two-panel line chart. {P.name_a}'s ideal point ranges from {fmt.num(dist['ideal_a'].min(), 2)} to {fmt.num(dist['ideal_a'].max(), 2)} "
        f"and {P.name_b}'s from {fmt.num(dist['ideal_b'].min(), 2)} to {fmt.num(dist['ideal_b'].max(), 2)}; the distance averages "
        f"{fmt.num(reliable['distance'].mean(), 2)} over the reliable years"
        + (f" and is {fmt.num(last['distance'], 2)} in {int(last['year'])}." if last is not None else ".")
    )


def comparator_table_caption(P, recent: range) -> str:
    """Caption of the table of the pair and the comparators."""
    return f"UN voting alignment of the pair and of each of them with the comparators, {P.period} and {_span(recent)}."


def comparator_table_note(ideal_last: int) -> str:
    """Note under the table of the pair and the comparators: how the measures are pooled and read."""
    return (
        f"Agreement and kappa pool every common vote of the years (not a mean of yearly values); higher is closer. The distance is the mean "
        f"absolute gap between the two ideal points over the years with reliable estimates for both (the estimates end in {ideal_last}); lower is closer."
    )


def comparator_dots_caption(P, recent: range, ideal_last: int) -> str:
    """Caption of the dot chart of the pair and the comparators."""
    return (
        f"Agreement share (left), kappa (middle) and mean ideal-point distance (right; lower is closer) for each pair, {P.period} (dots) and "
        f"{_span(recent)} (diamonds; ideal points end in {ideal_last}); the pair in black."
    )


def comparator_dots_alt(P, comp: pd.DataFrame) -> str:
    """Alt text of the dot chart: the pair's values and the highest and lowest kappa."""
    best = comp.iloc[comp["kappa"].idxmax()]
    return (
        f"Three-panel dot chart of {len(comp)} pairs. The pair {P.name_a}–{P.name_b} has agreement {fmt.pct(comp['agreement_share'].iloc[0], share=True)}, kappa "
        f"{fmt.num(comp['kappa'].iloc[0], 2)} and mean ideal-point distance {fmt.num(comp['distance'].iloc[0], 2)}; the highest kappa is "
        f"{display_name(best['anchor'])}–{display_name(best['partner'])} at {fmt.num(best['kappa'], 2)}, the lowest {fmt.num(comp['kappa'].min(), 2)}."
    )


def _mixed_periods(spans: Sequence[tuple[int, int]], switch: dict) -> list[str]:
    """The periods that draw on both vote sources."""
    if not switch:
        return []
    last_voeten = int(switch["last_voeten"][:4])
    return [periods.label(lo, hi) for lo, hi in spans if lo <= last_voeten and switch["year"] <= hi]


def comparator_periods_caption(P, spans: Sequence[tuple[int, int]], switch: dict) -> str:
    """Caption of the kappa-by-period chart, naming the period that mixes the two vote sources."""
    mixed = _mixed_periods(spans, switch)
    return (
        f"Cohen's kappa by period of {P.extra['period_years']} years: {P.name_a} (top) and {P.name_b} (bottom) with each comparator and with each other (black)."
        + (
            f" The dashed line marks the change from Voeten's roll calls (to {switch['last_voeten'][:4]}) to the UN records (from {switch['year']});"
            f" the {mixed[0]} period draws on both."
            if mixed
            else ""
        )
    )


def comparator_periods_alt(P, periodic: pd.DataFrame, spans: Sequence[tuple[int, int]]) -> str:
    """Alt text of the kappa-by-period chart: the pair's first and last values."""
    from bilateral.diplomatic.compute import pair_label

    pair_p = periodic[periodic["pair"] == pair_label(*P.pair)]
    return (
        f"Two-panel line chart over {len(spans)} periods from {spans[0][0]} to {spans[-1][1]}. The pair's kappa goes from "
        f"{fmt.num(pair_p['kappa'].iloc[0], 2)} in {pair_p['period'].iloc[0]} to {fmt.num(pair_p['kappa'].iloc[-1], 2)} in {pair_p['period'].iloc[-1]}."
    )


def un_ranks_caption(P) -> str:
    """Caption of the table of the pair's ranks among all states."""
    from bilateral import ranks

    return (
        f"Rank of each of the pair among all states by UN General Assembly agreement share and Cohen's kappa with the other, "
        f"{P.period} and by period (1 = closest; among the states with enough common recorded votes in the period: {ranks.PRESENCE_WORDS})."
    )


def top_ten_caption(P, scores: pd.DataFrame, anchor: str, partner: str) -> str:
    """Caption of the chart of the ten states closest to ``anchor`` by kappa, with ``partner``'s rank."""
    from bilateral import ranks

    r = ranks.rank_of(ranks.un_ranked(scores, "kappa"), partner, where={"anchor": anchor, "period": P.period})
    where = ranks.rank_words(r, "state") if r["status"] == "ranked" else "not ranked"
    return (
        f"The states closest to {display_name(anchor)} in UN General Assembly votes, {P.period}, by Cohen's kappa; "
        f"{display_name(partner)} in colour ({where})."
    )


def top_ten_axis_label(anchor: str) -> str:
    """The value axis of the top-ten chart."""
    return "Cohen's kappa with " + display_name(anchor) + " (0 = chance, 1 = full agreement)"


def top_ten_alt(top: pd.DataFrame, anchor: str) -> str:
    """Alt text of the top-ten chart (:func:`bilateral.ranks.top_alt`)."""
    from bilateral import ranks

    return ranks.top_alt(
        top, "kappa", lambda v: fmt.num(v, 2), f"the states with the highest kappa with {display_name(anchor)}"
    )


# ---------------------------------------------------------------------------------------------
# Where they part
# ---------------------------------------------------------------------------------------------

#: Note under the disagreement chart.
DISAGREEMENT_NOTE = (
    "Areas overlap: a roll call in two areas counts in both. The UN records' areas come from keyword rules."
)


def disagreement_caption(P) -> str:
    """Caption of the disagreement-by-issue chart."""
    return f"Share of common votes on which {P.name_a} and {P.name_b} voted differently, by issue area and vote source, {P.period}."


def disagreement_alt(by_issue: pd.DataFrame) -> str:
    """Alt text of the disagreement chart: the overall share of each vote source."""
    allrow = by_issue[by_issue["issue"] == "all"].set_index("issue_method")
    parts = [
        f"{ISSUE_METHODS[m].split(' (')[0]}: {fmt.pct(r['disagreement_share'], share=True)} of {fmt.integer(r['n_votes'])}"
        for m, r in allrow.iterrows()
        if r["n_votes"]
    ]
    return (
        "Horizontal bar chart of disagreement shares by issue area, two bars per area (one per vote source). Overall: "
        + "; ".join(parts)
        + "."
    )


def latest_disagreements_caption(P, n: int) -> str:
    """Caption of the table of the latest votes on which the pair differed."""
    return f"The {n} latest recorded votes in {P.period} on which {P.name_a} and {P.name_b} voted differently, newest first."


# ---------------------------------------------------------------------------------------------
# Co-sponsorship
# ---------------------------------------------------------------------------------------------


def _cos_span(by_year: pd.DataFrame) -> str:
    return fmt.years(int(by_year["year"].min()), int(by_year["year"].max()))


def cosponsorship_caption(P, by_year: pd.DataFrame) -> str:
    """Caption of the co-sponsorship chart."""
    return f"Resolutions sponsored by {P.name_a}, by {P.name_b} and by both, per year of adoption, with the overlap share, {_cos_span(by_year)}."


def cosponsorship_alt(P, by_year: pd.DataFrame) -> str:
    """Alt text of the co-sponsorship chart: the range of each count and of the overlap share."""
    c = by_year
    return (
        f"Grouped bar chart by year. {P.name_a} sponsored between {c['n_a'].min()} and {c['n_a'].max()} resolutions a year, "
        f"{P.name_b} between {c['n_b'].min()} and {c['n_b'].max()}, both between {c['n_both'].min()} and "
        f"{c['n_both'].max()}; the overlap share ranges from {fmt.pct(c['overlap_share'].min(), share=True)} to "
        f"{fmt.pct(c['overlap_share'].max(), share=True)}."
    )


def cosponsorship_note(cosponsors: pd.DataFrame) -> str:
    """Note under the co-sponsorship chart: the first year is partial."""
    return f"The records start with resolutions adopted on {cosponsors['date'].min()!s}, so the first year is partial."


def cosponsorship_comparators_caption(by_year: pd.DataFrame) -> str:
    """Caption of the co-sponsorship table of the pair and the comparators."""
    return f"Co-sponsorship of the pair and of each of them with the comparators, {_cos_span(by_year)} pooled."


# ---------------------------------------------------------------------------------------------
# Alliance pledges and representation
# ---------------------------------------------------------------------------------------------

#: Note under the table of obligations with the comparators.
ATOP_COMPARATORS_NOTE = "Pledges between former Soviet republics may come from multilateral CIS-era treaties rather than bilateral alliances."


def pledges_caption(P, atop_years: range, n_marked: int) -> str:
    """Caption of the pledges chart (``n_marked``: treaties and declarations marked on it)."""
    return (
        f"Alliance obligations between {P.name_a} and {P.name_b} in force each year according to ATOP, {_span(atop_years)}"
        + (
            ", with the pair's treaties and security declarations (dashed, numbered as listed below)."
            if n_marked
            else "; the events table has no treaty or security declaration of the pair to mark."
        )
    )


def pledges_alt(P, grid: pd.DataFrame, n_marked: int, atop_last: int) -> str:
    """Alt text of the pledges chart: years in force of each obligation, the marks, the years not covered."""
    on = {PLEDGES[k]: int(grid.loc[k].sum()) for k in grid.index if grid.loc[k].sum()}
    return (
        "Grid of obligations by year: "
        + (", ".join(f"{k} in force in {v} years" for k, v in on.items()) if on else "no obligation in force")
        + (f"; {n_marked} treaty or declaration dates are marked" if n_marked else "")
        + (f"; the years after {atop_last} are shaded as not covered." if P.end_year > atop_last else ".")
    )


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
