"""The military report's computed sentences on arms transfers, security milestones and alliances.

Every number comes from :mod:`bilateral.military.compute` and is formatted with :mod:`bilateral.fmt`;
functions that need the pair, the names or the period take the report's parameters ``P``
(:class:`bilateral.params.Params`). Sentences on spending are in :mod:`bilateral.military.spending_text`,
the key findings in :mod:`bilateral.military.findings`, captions and alt text in
:mod:`bilateral.military.captions`, the Methods and Sources lists in :mod:`bilateral.military.methods`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral import fmt
from bilateral.catalog import REGISTER_COMPLETE_FOR
from bilateral.countries import display_name
from bilateral.military.compute import party_name

__all__ = [
    "ATOP_NOTE",
    "OBLIGATIONS",
    "TIV_AXIS",
    "TIV_EXPLANATION",
    "TIV_MEANING",
    "alliance_obligations",
    "alliance_sentence",
    "alliances_paragraph",
    "bullets",
    "categories_sentence",
    "deliveries_sentence",
    "delivery_direction",
    "destination_sentence",
    "destination_totals_sentence",
    "earlier_sentence",
    "milestones_partner_sentence",
    "names_or",
    "no_milestones_sentence",
    "none_recorded",
    "not_covered",
    "not_covered_sentence",
    "ratio_text",
    "supplier_sentence",
    "timeline_not_covered",
    "without_tiv_explanation",
    "year_spans",
    "yearly_bars_text",
]

#: Axis label for every TIV chart: TIV is a volume indicator, not money.
TIV_AXIS = "SIPRI TIV, millions (volume, not US$)"
#: What TIV means, said once per report, where the key findings first give a TIV number.
TIV_MEANING = (
    "TIV, SIPRI's trend-indicator value, is an index of the volume of major conventional arms transferred, not of "
    "money paid: it compares quantities and capability across suppliers and years."
)
#: The explanation that TIV is a volume, not money: each report states it once (tests/test_reader_text.py).
TIV_EXPLANATION = re.compile(
    r"not (?:of |in )?money|not (?:their|its) (?:financial )?value|not (?:the|their) price", re.I
)


def bullets(items: Iterable[str]) -> str:
    """A Markdown bullet list, one item a line."""
    return "\n".join(f"- {item}" for item in items)


def names_or(codes: Sequence[str]) -> str:
    """``names_or(["AZE", "TUR", "ARM"]) == "Azerbaijan, Türkiye or Armenia"``."""
    return fmt.join_and([display_name(c) for c in codes], "or")


def ratio_text(x: float | None) -> str:
    """A ratio with one decimal, or two below 1 (``ratio_text(0.384) == "0.38×"``)."""
    return fmt.ratio(x, 2 if x is not None and not np.isnan(x) and abs(x) < 1 else 1)


def without_tiv_explanation(points: Iterable[str]) -> list[str]:
    """The caveats or warnings that do not restate the TIV explanation (a report states it once, in its own words).

    >>> without_tiv_explanation(["TIV measures volume, not their financial value.", "SIPRI revises its data."])
    ['SIPRI revises its data.']
    """
    return [p for p in points if not TIV_EXPLANATION.search(p)]


# ---------------------------------------------------------------------------------------------
# What the extract cannot show, and what it does not record
# ---------------------------------------------------------------------------------------------


def not_covered_sentence(what: str, countries: Sequence[str], focus: Sequence[str] = REGISTER_COMPLETE_FOR) -> str:
    """A sentence saying that the extract cannot answer ``what`` for the given countries.

    Example:
        >>> not_covered_sentence("arms transfers between Georgia and Iran", ["GEO", "IRN"])[:60]
        'The SIPRI register extract used here cannot show arms transf'
    """
    who = " and ".join(display_name(c) for c in countries)
    return (
        f"The SIPRI register extract used here cannot show {what}: it holds only deals in which "
        f"{names_or(focus)} is the supplier or the recipient, and {who} {'is' if len(countries) == 1 else 'are'} not among them."
    )


def not_covered(P, what: str, *, short: bool = True) -> str:
    """The sentence for one of the report's questions that the extract cannot answer: ``"pair"`` (the transfers
    between the two), ``"suppliers"`` (all of ``country_a``'s suppliers) or ``"destinations"`` (``country_a``
    among ``country_b``'s export destinations). The reason (which deals the extract holds) is given once, in
    the key findings (``short=False``, :func:`not_covered_sentence`); the sections point to Methods and caveats."""
    a, b, na, nb = P.country_a, P.country_b, P.name_a, P.name_b
    if what == "pair":
        what_text, codes = f"arms transfers between {na} and {nb}", [a, b]
    elif what == "suppliers":
        what_text, codes = f"all of {fmt.poss(na)} arms suppliers", [a]
    elif what == "destinations":
        what_text, codes = f"where {na} stands among {fmt.poss(nb)} export destinations", [a, b]
    else:
        raise ValueError(f"what must be 'pair', 'suppliers' or 'destinations', not {what!r}")
    if not short:
        return not_covered_sentence(what_text, codes)
    return (
        f"The SIPRI register extract used here cannot show {what_text} (Methods and caveats say which deals it holds)."
    )


def timeline_not_covered(P) -> str:
    """The sentence that replaces the timeline's bars when the extract cannot show the pair's transfers."""
    return not_covered(P, "pair") + " The milestones are listed without them."


def none_recorded(P, what: str) -> str:
    """The sentence for a section with nothing to show: ``"deliveries"`` (none between the pair),
    ``"imports"`` (none by ``country_a``) or ``"exports"`` (none by ``country_b``)."""
    if what == "deliveries":
        return f"SIPRI's register records no delivery of major arms between {P.name_a} and {P.name_b} in {P.period}."
    if what == "imports":
        return f"SIPRI's register records no arms imports by {P.name_a} in {P.period}."
    if what == "exports":
        return f"SIPRI's register records no arms exports by {P.name_b} in {P.period}."
    raise ValueError(f"what must be 'deliveries', 'imports' or 'exports', not {what!r}")


# ---------------------------------------------------------------------------------------------
# Deliveries
# ---------------------------------------------------------------------------------------------


def delivery_direction(rows: pd.DataFrame, a: str, b: str) -> str:
    """Words for the direction of the deliveries in ``rows`` (from
    :func:`~bilateral.military.compute.both_directions`), for captions.

    ``"from Türkiye to Azerbaijan"`` when every delivery goes one way (whichever way that is), else
    ``"between Türkiye and Azerbaijan"`` (``b`` named first, as in the report's tables).
    """
    pairs = set(zip(rows["supplier_iso3"], rows["recipient_iso3"]))
    if len(pairs) == 1:
        sup, rec = next(iter(pairs))
        return f"from {display_name(sup)} to {display_name(rec)}"
    return f"between {display_name(b)} and {display_name(a)}"


def yearly_bars_text(per_year: pd.Series) -> str:
    """Alt-text words for a bar chart of TIV per year (index: years, values: TIV million, zeros included).

    ``"Deliveries occur in 3 of 5 years, 8.4 TIV million in all; the highest bar is 2000 at 3.4."``; for one
    year, ``"8.4 TIV million delivered in 2020."`` (no "1 of 1 years").
    """
    if len(per_year) == 1:
        return f"{fmt.num(per_year.iloc[0])} TIV million delivered in {int(per_year.index[0])}."
    return (
        f"Deliveries occur in {fmt.integer((per_year > 0).sum())} of {fmt.plural(len(per_year), 'year')}, "
        f"{fmt.num(per_year.sum())} TIV million in all; the highest bar is {int(per_year.idxmax())} at {fmt.num(per_year.max())}."
    )


def deliveries_sentence(summary: dict, supplier: str, recipient: str, start: int, end: int) -> str:
    """One sentence on the deliveries from ``supplier`` to ``recipient`` (see
    :func:`~bilateral.military.compute.delivery_summary`)."""
    s, r = display_name(supplier), display_name(recipient)
    if summary["n_rows"] == 0:
        return f"The register records no delivery of major arms from {s} to {r} in {fmt.years(start, end)}."
    top_cat = summary["by_category"].index[0]
    top_share = 100 * summary["by_category"].iloc[0] / summary["tiv_m"]
    # one year of deliveries: no "in 1 year from 2020 to 2020", no "largest year"
    if summary["n_years"] > 1:
        when = f", in {fmt.plural(summary['n_years'], 'year')} from {summary['first_year']} to {summary['last_year']}"
        peak = f"; the largest year was {summary['peak_year']} ({fmt.num(summary['peak_tiv_m'])})"
    else:
        when, peak = (f", all in {summary['first_year']}" if start != end else ""), ""
    return (
        f"The register records {fmt.plural(summary['n_rows'], 'delivery', 'deliveries')} of major arms from {s} to {r} "
        f"under {fmt.plural(summary['n_deals'], 'deal')} in {fmt.years(start, end)}{when}, totalling {fmt.num(summary['tiv_m'])} "
        f"TIV million{peak}, and {top_cat.lower()} made up {fmt.pct(top_share)} of the total."
    )


def categories_sentence(summary: dict, supplier: str, recipient: str) -> str:
    """The deliveries from ``supplier`` to ``recipient`` by armament category ("" when there are none)."""
    cats = summary["by_category"]
    if not len(cats):
        return ""
    return (
        f"By armament category, deliveries from {display_name(supplier)} to {display_name(recipient)} were: "
        + "; ".join(
            f"{c.lower()} {fmt.num(v)} TIV million ({fmt.pct(100 * v / summary['tiv_m'])})" for c, v in cats.items()
        )
        + "."
    )


# ---------------------------------------------------------------------------------------------
# Suppliers and destinations
# ---------------------------------------------------------------------------------------------


def supplier_sentence(overall: pd.DataFrame, by_period: pd.DataFrame, a: str, b: str) -> str:
    """A sentence on ``b``'s place among ``a``'s suppliers, from two
    :func:`~bilateral.military.compute.standing` frames (whole span, periods)."""
    na, nb = display_name(a), display_name(b)
    o = overall.iloc[0]
    if not o["total_tiv_m"] > 0:
        return f"The register records no arms imports by {na} in {o['period']}."
    top = party_name(o["top_partner"])
    if pd.isna(o["rank"]):
        first = f"{nb} delivered none of {fmt.poss(na)} recorded arms imports in {o['period']}"
    else:
        first = (
            f"{nb} supplied {fmt.pct(o['share_pct'])} of {fmt.poss(na)} arms imports by TIV in {o['period']}, "
            f"rank {int(o['rank'])} of {int(o['n_partners'])} suppliers"
        )
    lead = f"; the largest supplier was {top} ({fmt.pct(o['top_share_pct'])})" if o["top_partner"] != b else ""
    last = by_period[by_period["total_tiv_m"] > 0]
    tail = ""
    if len(last):
        L = last.iloc[-1]
        if L["top_partner"] == b:
            where = f"the largest of {int(L['n_partners'])} suppliers"
        elif pd.notna(L["rank"]):
            where = f"rank {int(L['rank'])} of {int(L['n_partners'])}; largest: {party_name(L['top_partner'])}, {fmt.pct(L['top_share_pct'])}"
        else:
            where = f"largest: {party_name(L['top_partner'])}, {fmt.pct(L['top_share_pct'])}"
        if L["share_pct"] > 0:
            tail = (
                f". In {L['period']}, the last period with imports, its share was {fmt.pct(L['share_pct'])} ({where})"
            )
        else:  # none recorded: not "its share was 0.0%"
            tail = f". In {L['period']}, the last period with imports, the register records none from {nb} ({where})"
        # A share says nothing about volume: give the period's total beside the previous period's.
        tail += (
            f". {fmt.poss(na)} recorded arms imports in {L['period']} totalled {fmt.num(L['total_tiv_m'])} TIV million"
        )
        if len(last) > 1:
            prev = last.iloc[-2]
            tail += f", against {fmt.num(prev['total_tiv_m'])} in {prev['period']}"
    return first + lead + tail + "."


def destination_sentence(overall: pd.DataFrame, a: str, b: str) -> str:
    """A sentence on ``a``'s place among ``b``'s export destinations (whole span, complete register)."""
    na, nb = display_name(a), display_name(b)
    o = overall.iloc[0]
    if not o["total_tiv_m"] > 0:
        return f"The register records no arms exports by {nb} in {o['period']}."
    if pd.isna(o["rank"]):
        return f"{na} received none of {fmt.poss(nb)} recorded arms exports in {o['period']}."
    return (
        f"{na} took {fmt.pct(o['share_pct'])} of {fmt.poss(nb)} arms exports by TIV in {o['period']}, "
        f"rank {int(o['rank'])} of {int(o['n_partners'])} destinations (largest: {party_name(o['top_partner'])}, "
        f"{fmt.pct(o['top_share_pct'])})."
    )


def destination_totals_sentence(frame: pd.DataFrame, a: str, b: str) -> str:
    """A sentence on ``a``'s share of ``b``'s total exports when ``b``'s other deals are not in the extract.

    Args:
        frame: a one-row :func:`~bilateral.military.compute.destination_standing_from_totals` frame (the whole span).
    """
    na, nb = display_name(a), display_name(b)
    o = frame.iloc[0]
    if not o["total_tiv_m"] > 0:
        return f"No arms exports by {nb} are recorded for {o['period']}."
    return (
        f"Deliveries to {na} were {fmt.pct(o['share_pct'], 2)} of {fmt.poss(nb)} total recorded arms exports by TIV in "
        f"{o['period']} ({fmt.num(o['tiv_m'])} of {fmt.num(o['total_tiv_m'])} TIV million). The extract does not hold "
        f"{fmt.poss(nb)} other deals, so {fmt.poss(na)} rank among its destinations cannot be computed."
    )


# ---------------------------------------------------------------------------------------------
# Security milestones and alliances
# ---------------------------------------------------------------------------------------------


def earlier_sentence(events: pd.DataFrame, start: int) -> str:
    """A sentence naming the security milestones dated before ``start`` (rows of
    :func:`~bilateral.military.compute.security_events`)."""
    if events.empty:
        return ""
    items = "; ".join(
        f"{fmt.date(d, p)}: {t}" for d, p, t in zip(events["date"], events["date_precision"], events["title"])
    )
    return f"Before {start}, outside the period shown, the events table also lists: {items}."


def no_milestones_sentence(P) -> str:
    """The sentence that replaces the milestones tables when the events table lists none."""
    return f"The events table lists no security milestone of {P.name_a} with {P.name_b} in {P.period}."


def milestones_partner_sentence(ev: pd.DataFrame, a: str, b: str) -> str:
    """A sentence when none of the milestones shown involves ``b`` (they all involve another state); else "".

    Args:
        ev: rows of :func:`~bilateral.military.compute.security_events` (column ``with``).
    """
    if ev.empty or (ev["with"] == b).any():
        return ""
    others = sorted({party_name(w) for w in ev["with"].dropna()})
    return (
        f"The events table lists no security milestone between {display_name(a)} and {display_name(b)}; the "
        f"milestones shown involve {' and '.join(others)}. The table was compiled for the Azerbaijan–Türkiye "
        "relationship, so its coverage of other pairs is thin."
    )


#: ATOP obligation columns of the ``alliances`` table and how the reports name them.
OBLIGATIONS = {
    "defense": "defence",
    "offense": "offence",
    "neutrality": "neutrality",
    "nonaggression": "non-aggression",
    "consultation": "consultation",
}


def year_spans(years: Iterable[int]) -> str:
    """Years as runs: ``year_spans([1993, 1994, 1995, 2010]) == "1993–1995, 2010"``."""
    ys = sorted({int(y) for y in years})
    runs: list[list[int]] = []
    for y in ys:
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(fmt.years(lo, hi) for lo, hi in runs)


def alliance_obligations(alliances: pd.DataFrame, a: str, b: str) -> dict[str, str]:
    """The ATOP obligations in force between ``a`` and ``b`` (either direction), each with its years as runs.

    Returns:
        ``{"non-aggression": "1993–2018", ...}`` in :data:`OBLIGATIONS` order; empty if none.
    """
    rows = alliances[
        ((alliances["iso3_a"] == a) & (alliances["iso3_b"] == b))
        | ((alliances["iso3_a"] == b) & (alliances["iso3_b"] == a))
    ]
    out = {}
    for col, name in OBLIGATIONS.items():
        years = rows.loc[rows[col] == 1, "year"]
        if len(years):
            out[name] = year_spans(years)
    return out


def alliance_sentence(alliances: pd.DataFrame, a: str, b: str) -> str:
    """A sentence on the ATOP alliance obligations between ``a`` and ``b`` and where the data end."""
    na, nb = display_name(a), display_name(b)
    last = int(alliances["year"].max())
    first = int(alliances["year"].min())
    obl = alliance_obligations(alliances, a, b)
    if not obl:
        return f"ATOP 5.1 records no alliance obligation between {na} and {nb} in {fmt.years(first, last)}."
    listing = "; ".join(f"{k}, {v}" for k, v in obl.items())
    return (
        f"ATOP 5.1 records these alliance obligations between {na} and {nb} (years in force): {listing}. "
        f"The data end in {last}, so later agreements are not covered."
    )


#: What ATOP counts, said after :func:`alliance_sentence`.
ATOP_NOTE = (
    "ATOP counts obligations under multilateral treaties too, so a pledge need not come from a bilateral treaty."
)


def alliances_paragraph(alliances: pd.DataFrame, a: str, b: str) -> str:
    """:func:`alliance_sentence` and what ATOP counts (:data:`ATOP_NOTE`)."""
    return f"{alliance_sentence(alliances, a, b)} {ATOP_NOTE}"
