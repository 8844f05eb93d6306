"""Captions and alt text of the military report's figures and tables, computed from the data they show.

A figure's caption starts with its finding, stated with its number; then it says what is drawn. Functions that
need the pair, the names or the period take the report's parameters ``P`` (:class:`bilateral.params.Params`);
numbers are formatted with :mod:`bilateral.fmt`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from bilateral import events as evs
from bilateral import fmt, periods
from bilateral.countries import display_name
from bilateral.military.compute import party_name
from bilateral.military.spending import ratio_summary
from bilateral.military.spending_text import milex_finding, spending_lead_sentence
from bilateral.military.text import delivery_direction, ratio_text, yearly_bars_text

__all__ = [
    "ARMS_RANKS_NOTE",
    "MILESTONE_SOURCES_CAPTION",
    "MILEX_TABLE_CAPTION",
    "arms_ranks_caption",
    "deliveries_by_year_alt",
    "deliveries_by_year_caption",
    "deliveries_caption",
    "deliveries_finding",
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
    "supplier_shares_finding",
    "timeline_alt",
    "timeline_caption",
    "timeline_finding",
    "top_suppliers_alt",
    "top_suppliers_caption",
]

# ---------------------------------------------------------------------------------------------
# Deliveries between the pair
# ---------------------------------------------------------------------------------------------


def deliveries_caption(P, both: pd.DataFrame) -> str:
    """Caption of the table of deliveries in both directions (:func:`~bilateral.military.compute.both_directions`)."""
    deals = both["deal_id"].nunique()
    return (
        f"Deliveries of major arms between {P.name_b} and {P.name_a}, {P.period}: "
        f"{fmt.plural(len(both), 'delivery', 'deliveries')} under {fmt.plural(deals, 'deal')}, one row per deal and "
        "delivery year. TIV in millions."
    )


def deliveries_finding(P, both: pd.DataFrame) -> str:
    """The finding of the bars of TIV per year: the peak year (or the one year) and the largest category."""
    per_year = both.groupby("delivery_year")["tiv_m"].sum()
    per_year = per_year[per_year > 0]
    direction = delivery_direction(both, P.country_a, P.country_b)
    total = float(per_year.sum())
    if len(per_year) == 1:
        text = f"Deliveries {direction} came in one year, {int(per_year.index[0])}: {fmt.num(total)} TIV million"
    else:
        text = (
            f"Deliveries {direction} peaked in {int(per_year.idxmax())}, with {fmt.num(float(per_year.max()))} of the "
            f"{fmt.num(total)} TIV million delivered in {P.period}"
        )
    cats = both.groupby("category")["tiv_m"].sum().sort_values(ascending=False, kind="mergesort")
    if len(cats) > 1 and total > 0:
        text += f"; {str(cats.index[0]).lower()} was the largest category ({fmt.pct(100 * cats.iloc[0] / total)})"
    return text + "."


def deliveries_by_year_caption(P, both: pd.DataFrame, split: str) -> str:
    """Caption of the bars of TIV per year, split by ``"direction"`` or ``"category"``: the finding, then what is drawn."""
    by = "by direction" if split == "direction" else "by armament category"
    return f"{deliveries_finding(P, both)} TIV of the deliveries per year, {by}."


def deliveries_by_year_alt(P, both: pd.DataFrame, by_year: pd.DataFrame) -> str:
    """Alt text of the bars of TIV per year."""
    return (
        f"Bar chart of TIV delivered per year {delivery_direction(both, P.country_a, P.country_b)}, {P.period}. "
        f"{yearly_bars_text(by_year.sum(axis=1))}"
    )


# ---------------------------------------------------------------------------------------------
# Suppliers and destinations
# ---------------------------------------------------------------------------------------------


def supplier_shares_finding(P, by_period: pd.DataFrame) -> str:
    """The finding of the supplier shares: ``country_b``'s share in the last period with imports, against the period
    before, and who supplied the most (``by_period``: a :func:`~bilateral.military.compute.standing` frame)."""
    rows = by_period[by_period["total_tiv_m"] > 0]
    last = rows.iloc[-1]
    pa, nb = fmt.poss(P.name_a), P.name_b
    top = party_name(last["top_partner"])
    if not last["share_pct"] > 0:
        return (
            f"{nb} supplied none of {pa} recorded arms imports in {last['period']}; {top} supplied the most "
            f"({fmt.pct(last['top_share_pct'])})."
        )
    text = f"In {last['period']} {nb} supplied {fmt.pct(last['share_pct'])} of {pa} arms imports"
    if len(rows) > 1:
        prev = rows.iloc[-2]
        before = fmt.pct(prev["share_pct"]) if prev["share_pct"] > 0 else "none"
        text += f" (against {before} in {prev['period']})"
    n = int(last["n_partners"])
    if last["top_partner"] == P.country_b:
        text += ", as its only supplier" if n == 1 else f", the most of its {fmt.plural(n, 'supplier')}"
    else:
        text += f"; {top} supplied the most ({fmt.pct(last['top_share_pct'])})"
    return text + "."


def supplier_shares_caption(P, by_period: pd.DataFrame, width: int) -> str:
    """Caption of the stacked shares of ``country_a``'s suppliers per period: the finding, then what is drawn."""
    per = "per year" if width == 1 else f"in periods of up to {width} years"
    return (
        f"{supplier_shares_finding(P, by_period)} Suppliers' shares of {fmt.poss(P.name_a)} arms imports by TIV "
        f"{per}, {P.period}: {P.name_b} in colour, the other largest suppliers over the whole period in grey, and the "
        "rest together."
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
        f"{fmt.poss(P.name_b)} TIV, share and rank among {fmt.poss(P.name_a)} arms suppliers per period ('none': no "
        f"deliveries from {P.name_b}; '–': no arms imports recorded)."
    )


def destinations_caption(P, exp_whole: pd.DataFrame) -> str:
    """Caption of the table of ``country_b``'s largest export destinations (a whole-span
    :func:`~bilateral.military.compute.partner_shares` frame)."""
    return (
        f"The largest destinations of {fmt.poss(P.name_b)} arms exports by TIV, {P.period}, of "
        f"{fmt.integer(exp_whole['partner'].nunique())} recorded ({P.name_a} marked ◀)."
    )


def destination_rank_caption(P) -> str:
    """Caption of the table of ``country_a``'s standing among ``country_b``'s destinations per period."""
    return (
        f"{fmt.poss(P.name_a)} TIV, share and rank among {fmt.poss(P.name_b)} export destinations per period ('none': "
        f"no deliveries to {P.name_a}; '–': no arms exports recorded)."
    )


def destination_share_caption(P) -> str:
    """Caption of the table of ``country_a``'s share of ``country_b``'s total exports per period."""
    return f"{fmt.poss(P.name_a)} share of {fmt.poss(P.name_b)} total arms exports per period."


#: Note under the table of ranks among all partners.
ARMS_RANKS_NOTE = (
    "'not covered': the register extract does not hold every deal of that country; 'none recorded': no deliveries in "
    "the period."
)


def arms_ranks_caption(P) -> str:
    """Caption of the table of ranks among all suppliers and recipients."""
    return (
        f"Rank of each state among all of the other's arms suppliers and recipients by TIV, {P.period} and by period "
        "(1 = largest)."
    )


def top_suppliers_caption(P, rank: Mapping[str, object], top: pd.DataFrame) -> str:
    """Caption of the bars of ``country_a``'s largest suppliers: where ``country_b`` ranks (``rank``:
    :func:`bilateral.ranks.rank_of`) and who supplied the most (``top``: :func:`bilateral.ranks.arms_top`)."""
    from bilateral import ranks

    pa, nb = fmt.poss(P.name_a), P.name_b
    if rank["status"] == "ranked":
        text = f"{nb} ranks {ranks.rank_words(rank, 'supplier')} of {pa} arms in {P.period} by TIV"
        first = top[top["ranked"]].iloc[0]
        if first["partner"] != P.country_b:
            own = float(rank["value_row"]["tiv_m"])
            text += (
                f"; {party_name(first['partner'])} supplied the most ({fmt.num(float(first['tiv_m']))} TIV million, "
                f"against {fmt.num(own)} from {nb})"
            )
    else:
        text = f"{nb} is not among the {fmt.plural(int(rank['n_ranked']), 'supplier')} of {pa} arms in {P.period}"
    return f"{text}. The largest suppliers by TIV, {nb} in colour; SIPRI's unknown suppliers hatched."


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
    """Caption of the two spending panels: the finding (:func:`~bilateral.military.spending_text.milex_finding`),
    then what is drawn."""
    pair = fmt.join_and(display_name(c) for c in P.pair if c in const.columns)
    others = [display_name(c) for c in const.columns if c not in P.pair]
    who = f"{pair} in colour, {fmt.join_and(others)} in grey" if others and pair else ""
    return milex_finding(const, gdp) + (
        f" Military expenditure, {P.period}: constant 2023 US$ (top, logarithmic scale: equal steps are equal ratios) "
        f"and share of GDP (bottom){'; ' + who if who else ''}. Gaps are years SIPRI gives no figure."
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


def ratio_caption(P, rival: str, ratio: pd.DataFrame) -> str:
    """Caption of the spending ratio of ``country_a`` to ``rival``: the latest ratio and since when one side has
    spent more, then what is drawn."""
    summ = ratio_summary(ratio)
    nr = display_name(rival)
    lead = (
        f"{fmt.poss(P.name_a)} military spending was {ratio_text(summ['latest'])} {fmt.poss(nr)} in "
        f"{summ['latest_year']}."
    )
    since = spending_lead_sentence(ratio, P.country_a, rival)
    return (
        f"{lead}{' ' + since if since else ''} {fmt.poss(P.name_a)} military expenditure divided by {fmt.poss(nr)} "
        f"(both in constant 2023 US$), {P.period}; the dashed line marks equal spending."
    )


def ratio_alt(P, rival: str, summ: dict) -> str:
    """Alt text of the spending ratio (``summ``: :func:`~bilateral.military.spending.ratio_summary`)."""
    return (
        f"Line chart of the spending ratio {P.name_a} ÷ {display_name(rival)}; {ratio_text(summ['latest'])} in "
        f"{summ['latest_year']}, lowest {ratio_text(summ['min'])} in {summ['min_year']}, highest "
        f"{ratio_text(summ['max'])} in {summ['max_year']}; dashed line at parity."
    )


# ---------------------------------------------------------------------------------------------
# Security milestones
# ---------------------------------------------------------------------------------------------


def timeline_finding(P, bars: pd.DataFrame, milestones: pd.DataFrame, spans: Sequence[tuple[int, int]]) -> str:
    """The finding of the timeline: the period most milestones fall in (when one stands out) and what ``country_b``
    delivered then; else what it delivered over the whole period.

    Args:
        bars: :func:`~bilateral.military.compute.timeline_bars` (first column: from ``country_b``).
        milestones: the milestones drawn (column ``year``).
        spans: the report's periods.
    """
    na, nb = P.name_a, P.name_b
    lo, hi, lead = P.start_year, P.end_year, ""
    if len(milestones) and len(spans) > 1:
        counts = periods.assign(milestones["year"].astype(int), spans).value_counts()
        k, n = int(counts.iloc[0]), len(milestones)
        if k < n and (counts == k).sum() == 1:
            lo, hi = next(s for s in spans if periods.label(*s) == counts.index[0])
            lead = (
                f"Of the {fmt.plural(n, 'security milestone')}, {fmt.integer(k)} fall in {periods.label(lo, hi)}, when "
            )
    years = (bars.index >= lo) & (bars.index <= hi)
    from_b, total = float(bars.iloc[:, 0][years].sum()), float(bars[years].sum().sum())
    when = f" in {periods.label(lo, hi)}" if not lead else ""
    if from_b > 0 and bars.shape[1] > 1:
        what = (
            f"{nb} delivered {fmt.pct(100 * from_b / total)} of the arms {na} received{when} "
            f"({fmt.num(from_b)} of {fmt.num(total)} TIV million)"
        )
    elif from_b > 0:
        what = f"{nb} delivered {fmt.num(from_b)} TIV million of arms to {na}{when}"
    else:
        what = f"{nb} delivered no major arms to {na}{when}"
    text = lead + what
    return text[0].upper() + text[1:] + "."


def timeline_caption(P, bars: pd.DataFrame, milestones: pd.DataFrame, spans: Sequence[tuple[int, int]]) -> str:
    """Caption of the timeline: the finding (:func:`timeline_finding`), then what is drawn."""
    others = " and from all other suppliers (grey)" if bars.shape[1] > 1 else ""
    return (
        f"{timeline_finding(P, bars, milestones, spans)} Top: TIV of arms delivered to {P.name_a} per year, from "
        f"{P.name_b} (in colour){others}. Bottom: the security milestones at their dates, named (shortened) as in the "
        f"table below. {evs.marker_caption(milestones)}"
    ).strip()


def timeline_alt(P, bars: pd.DataFrame, milestones: pd.DataFrame) -> str:
    """Alt text of the timeline: the totals and every milestone's date and title."""
    listing = "; ".join(
        f"{fmt.date(d, p)}: {t}"
        for d, p, t in zip(milestones["date"], milestones["date_precision"], milestones["title"])
    )
    head = (
        f"Bar chart of TIV delivered to {P.name_a} per year ({fmt.num(bars.sum().sum())} TIV million in all, "
        f"{fmt.num(bars.iloc[:, 0].sum())} of it from {P.name_b})"
    )
    if not len(milestones):
        return f"{head}; no security milestone to show below it."
    return f"{head} above {fmt.plural(len(milestones), 'labelled milestone')}: {listing}."


def milestones_caption(P, rival: str) -> str:
    """Caption of the table of milestones."""
    also = " or " + display_name(rival) if rival != P.country_b else ""
    return (
        f"Security milestones of {P.name_a} with {P.name_b}{also}, {P.period}, from the project's curated events table, "
        "numbered as in the next table, which gives the sources of each."
    )


#: Caption of the table of the milestones' sources.
MILESTONE_SOURCES_CAPTION = (
    "Sources of the security milestones above: each source's publisher (seed documents by author) and the date it "
    "gives, and whether the milestone rests on the seed documents alone or on independent sources of one side, "
    "of both sides or of a third party."
)
