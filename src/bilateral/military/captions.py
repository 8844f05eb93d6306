"""Captions and alt text of the military report's figures and tables, computed from the data they show.

Functions that need the pair, the names or the period take the report's parameters ``P``
(:class:`bilateral.params.Params`); numbers are formatted with :mod:`bilateral.fmt`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from bilateral import events as evs
from bilateral import fmt
from bilateral.countries import display_name
from bilateral.military.compute import party_name
from bilateral.military.spending_text import milex_finding
from bilateral.military.text import TIV_NOTE, delivery_direction, ratio_text, yearly_bars_text

__all__ = [
    "ARMS_RANKS_NOTE",
    "MILESTONE_SOURCES_CAPTION",
    "MILEX_TABLE_CAPTION",
    "arms_ranks_caption",
    "deliveries_by_year_alt",
    "deliveries_by_year_caption",
    "deliveries_caption",
    "destination_rank_caption",
    "destination_share_caption",
    "destinations_caption",
    "milestones_caption",
    "milex_alt",
    "milex_caption",
    "ratio_alt",
    "ratio_caption",
    "supplier_rank_caption",
    "supplier_shares_alt",
    "supplier_shares_caption",
    "timeline_alt",
    "timeline_caption",
    "top_suppliers_alt",
    "top_suppliers_caption",
]

# ---------------------------------------------------------------------------------------------
# Deliveries between the pair
# ---------------------------------------------------------------------------------------------


def deliveries_caption(P, both: pd.DataFrame) -> str:
    """Caption of the table of deliveries in both directions (:func:`~bilateral.military.compute.both_directions`)."""
    return (
        f"Deliveries of major arms between {P.name_b} and {P.name_a}, {P.period}: {fmt.plural(len(both), 'deal-year')}. "
        f"TIV in millions. {TIV_NOTE}"
    )


def deliveries_by_year_caption(P, both: pd.DataFrame, split: str) -> str:
    """Caption of the bars of TIV per year, split by ``"direction"`` or ``"category"``."""
    by = " and direction" if split == "direction" else ", by armament category"
    return (
        f"SIPRI trend-indicator value of deliveries {delivery_direction(both, P.country_a, P.country_b)} by year"
        f"{by}, {P.period}. {TIV_NOTE}"
    )


def deliveries_by_year_alt(P, both: pd.DataFrame, by_year: pd.DataFrame) -> str:
    """Alt text of the bars of TIV per year."""
    return (
        f"Bar chart of TIV delivered per year {delivery_direction(both, P.country_a, P.country_b)}, {P.period}. "
        f"{yearly_bars_text(by_year.sum(axis=1))}"
    )


# ---------------------------------------------------------------------------------------------
# Suppliers and destinations
# ---------------------------------------------------------------------------------------------


def supplier_shares_caption(P, keep: list[str], width: int) -> str:
    """Caption of the stacked shares of ``country_a``'s suppliers per period (``keep``: the suppliers shown)."""
    return (
        f"Suppliers' shares of {fmt.poss(P.name_a)} arms imports by TIV, in periods of up to {width} years, {P.period}: the "
        f"{len(keep)} largest suppliers over the whole span (with {P.name_b}) and all others. Shares of TIV. "
        f"{TIV_NOTE}"
    )


def supplier_shares_alt(P, by_period: pd.DataFrame) -> str:
    """Alt text of the stacked shares: ``country_b``'s share in each period (a
    :func:`~bilateral.military.compute.standing` frame) and the largest supplier in the last period with imports."""
    last = by_period[by_period["total_tiv_m"] > 0].iloc[-1]
    shares = "; ".join(
        f"{p}: {fmt.pct(s) if t > 0 else 'no imports recorded'}"
        for p, s, t in zip(by_period["period"], by_period["share_pct"], by_period["total_tiv_m"])
    )
    return (
        f"Stacked bars, one per period, of {fmt.poss(P.name_a)} arms imports by supplier (100% each). "
        f"{fmt.poss(P.name_b)} share is {shares}. Largest supplier in {last['period']}: "
        f"{party_name(last['top_partner'])} ({fmt.pct(last['top_share_pct'])})."
    )


def supplier_rank_caption(P) -> str:
    """Caption of the table of ``country_b``'s standing among ``country_a``'s suppliers per period."""
    return (
        f"{fmt.poss(P.name_b)} TIV, share and rank among {fmt.poss(P.name_a)} arms suppliers per period (rank 1 = largest; '–' = no "
        f"deliveries from {P.name_b}). {TIV_NOTE}"
    )


def destinations_caption(P, exp_whole: pd.DataFrame) -> str:
    """Caption of the table of ``country_b``'s largest export destinations (a whole-span
    :func:`~bilateral.military.compute.partner_shares` frame)."""
    return (
        f"The largest destinations of {fmt.poss(P.name_b)} arms exports by TIV, {P.period} ({P.name_a} marked ◀), of "
        f"{fmt.integer(exp_whole['partner'].nunique())} recorded. {TIV_NOTE}"
    )


def destination_rank_caption(P) -> str:
    """Caption of the table of ``country_a``'s standing among ``country_b``'s destinations per period."""
    return f"{fmt.poss(P.name_a)} TIV, share and rank among {fmt.poss(P.name_b)} export destinations per period. {TIV_NOTE}"


def destination_share_caption(P) -> str:
    """Caption of the table of ``country_a``'s share of ``country_b``'s total exports per period."""
    return (
        f"{fmt.poss(P.name_a)} share of {fmt.poss(P.name_b)} total arms exports per period. The totals are sums of "
        f"SIPRI's register compiled for this project, not SIPRI's official tables. {TIV_NOTE}"
    )


#: Note under the table of ranks among all partners.
ARMS_RANKS_NOTE = (
    "'not covered': the register extract does not hold every deal of that country; 'none recorded': no deliveries in "
    "the period. Unknown suppliers count in the totals but are not ranked, here and in the table above."
)


def arms_ranks_caption(P) -> str:
    """Caption of the table of ranks among all suppliers and recipients."""
    return (
        f"Rank of each state among all of the other's arms suppliers and recipients by SIPRI TIV, {P.period} and by "
        "period (1 = largest)."
    )


def top_suppliers_caption(P, rank: Mapping[str, object]) -> str:
    """Caption of the bars of ``country_a``'s largest suppliers; ``rank``: ``country_b``'s rank among them
    (:func:`bilateral.ranks.rank_of`)."""
    from bilateral import ranks

    where = ranks.rank_words(rank, "supplier") if rank["status"] == "ranked" else "not among them"
    return (
        f"{fmt.poss(P.name_a)} largest arms suppliers, {P.period}, by SIPRI TIV; {P.name_b} in colour ({where}); "
        "unknown suppliers hatched, not ranked."
    )


def top_suppliers_alt(P, top: pd.DataFrame) -> str:
    """Alt text of the bars of ``country_a``'s largest suppliers (:func:`bilateral.ranks.top_alt`)."""
    from bilateral import ranks

    return ranks.top_alt(
        top, "tiv_m", lambda v: f"{fmt.num(v)} TIV million", f"{fmt.poss(P.name_a)} largest arms suppliers"
    )


# ---------------------------------------------------------------------------------------------
# Military expenditure
# ---------------------------------------------------------------------------------------------

#: Caption of the table of spending in selected years.
MILEX_TABLE_CAPTION = "Military expenditure in selected years: US$ million at constant 2023 prices and % of GDP ('n/a' = no SIPRI figure)."


def milex_caption(P, const: pd.DataFrame, gdp: pd.DataFrame) -> str:
    """Caption of the two spending panels: the finding (:func:`~bilateral.military.text.milex_finding`), then what is drawn."""
    names = ", ".join(display_name(c) for c in const.columns)
    return milex_finding(const, gdp) + (
        f" Military expenditure of {names}, {P.period}: constant 2023 US$ "
        "(top, logarithmic scale: equal steps are equal ratios) and share of GDP (bottom). Gaps are years SIPRI gives no figure."
    )


def milex_alt(const: pd.DataFrame, gdp: pd.DataFrame) -> str:
    """Alt text of the two spending panels: every state's value in the last year with a figure."""
    latest = const.dropna(how="all").index.max()
    money = ", ".join(f"{display_name(c)} {fmt.usd_m(const.at[latest, c])}" for c in const.columns)
    share = ", ".join(f"{display_name(c)} {fmt.num(gdp.at[latest, c])}%" for c in gdp.columns)
    return (
        f"Two line charts. Top: spending in constant 2023 US$; in {latest} {money}. "
        f"Bottom: share of GDP; in {latest} {share}."
    )


def ratio_caption(P, rival: str) -> str:
    """Caption of the spending ratio of ``country_a`` to ``rival``."""
    return (
        f"{fmt.poss(P.name_a)} military expenditure divided by {fmt.poss(display_name(rival))} (both in constant 2023 US$), "
        f"{P.period}. Ratio computed by this project."
    )


def ratio_alt(P, rival: str, summ: dict) -> str:
    """Alt text of the spending ratio (``summ``: :func:`~bilateral.military.compute.ratio_summary`)."""
    return (
        f"Line chart of the spending ratio {P.name_a} ÷ {display_name(rival)}; {ratio_text(summ['latest'])} in "
        f"{summ['latest_year']}, lowest {ratio_text(summ['min'])} in {summ['min_year']}, highest "
        f"{ratio_text(summ['max'])} in {summ['max_year']}; dashed line at parity."
    )


# ---------------------------------------------------------------------------------------------
# Security milestones
# ---------------------------------------------------------------------------------------------


def timeline_caption(P, bars: pd.DataFrame, milestones: pd.DataFrame) -> str:
    """Caption of the timeline: the bars (:func:`~bilateral.military.compute.timeline_bars`) over the milestones."""
    whom = f", from {P.name_b} and from all other suppliers" if bars.shape[1] > 1 else f", from {P.name_b}"
    return (
        f"Top: TIV of arms delivered to {P.name_a} per year, {P.period}{whom}. Bottom: the security milestones, one "
        f"row each, numbered and named (shortened) as in the table below. {evs.marker_caption(milestones)} {TIV_NOTE}"
    )


def timeline_alt(P, bars: pd.DataFrame, milestones: pd.DataFrame) -> str:
    """Alt text of the timeline: the totals and every milestone's title."""
    listing = "; ".join(f"{i} {t}" for i, t in enumerate(milestones["title"], start=1))
    return (
        f"Bar chart of TIV delivered to {P.name_a} per year ({fmt.num(bars.sum().sum())} TIV million in all, "
        f"{fmt.num(bars.iloc[:, 0].sum())} of it from {P.name_b}) above "
        f"{fmt.plural(len(milestones), 'labelled milestone')}" + (f": {listing}" if len(milestones) else "") + "."
    )


def milestones_caption(P, rival: str) -> str:
    """Caption of the table of milestones."""
    also = " or " + display_name(rival) if rival != P.country_b else ""
    return (
        f"Security milestones of {P.name_a} with {P.name_b}{also}, {P.period}, from the project's curated events table, "
        "numbered as on the timeline; the next table gives each row's citations."
    )


#: Caption of the table of the milestones' sources.
MILESTONE_SOURCES_CAPTION = (
    "Sources of the security milestones above: each source's publisher (seed documents by author) and the date it "
    "gives, and whether the milestone rests on the seed documents alone or on independent sources of one side, "
    "of both sides or of a third party."
)
