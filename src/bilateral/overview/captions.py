"""Captions, alt text, links and the computed paragraphs of ``notebooks/overview.ipynb`` (the index section's are in
:mod:`bilateral.overview.index_captions`).

Each function returns text for one figure, table or paragraph; those that need the pair, the names or the period take
the report's parameters ``P`` (:class:`bilateral.params.Params`). A caption leads with what the chart or table shows
for the pair, then says how to read it. Static prose stays in the notebook's markdown cells.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from bilateral import events as evs
from bilateral import fmt, gas_routes, ranks, takeaways
from bilateral import military as mil
from bilateral.catalog import SOURCES
from bilateral.countries import concerns, display_name
from bilateral.data import table_title, table_warnings
from bilateral.overview.chronology import dimension_order, split_eras
from bilateral.overview.config import (
    pair_text,
    poss_name,
    share_text,
)
from bilateral.overview.text import charted_rule_sentence

__all__ = [
    "DETAIL_SECTIONS",
    "charted_table_caption",
    "context_line",
    "headline_caption",
    "no_events",
    "page_sources",
    "ranks_caption",
    "report_link",
    "section_link",
    "source_list",
    "sourcing_and_caveats",
    "summary_alt",
    "summary_caption",
    "timeline_alt",
    "timeline_caption",
]

#: The report and section that show the detail behind each part of the overview (headings as written in the
#: dimension notebooks; :func:`bilateral.takeaways.section_anchor` turns them into links).
DETAIL_SECTIONS: dict[str, tuple[str, str]] = {
    "UN votes": ("diplomatic", "UN General Assembly alignment"),
    "UN ranks": ("diplomatic", "Among all member states"),
    "Arms": ("military", "Who arms the recipient"),
    "Arms ranks": ("military", "Ranks among all suppliers and recipients"),
    "Gas": ("energy", "Türkiye's gas imports by entry route (IEA Gas Trade Flows)"),
    "Trade": ("trade", "How much each matters to the other"),
    "Trade ranks": ("trade", "Among all trading partners"),
    "Diplomatic events": ("diplomatic", "Diplomatic events"),
    "Security milestones": ("military", "Security milestones and transfers on one timeline"),
    "Pipeline milestones": ("energy", "Milestones"),
}


def report_link(key: str, text: str | None = None) -> str:
    """A link to the report section behind ``key`` of :data:`DETAIL_SECTIONS`, as an HTML anchor inside markdown
    (``<a href="military.html#Who-arms-the-recipient">military report, section Who arms the recipient</a>``): the
    address must equal the heading's id exactly (:func:`bilateral.takeaways.section_anchor`), which a markdown link
    would re-encode."""
    report, section = DETAIL_SECTIONS[key]
    label = html.escape(text or f"{report} report, section {section}")
    return f'<a href="{report}.html#{html.escape(takeaways.section_anchor(section))}">{label}</a>'


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


def summary_caption(P, un: dict, arms: dict, gas: dict, tr: dict) -> str:
    """Caption of the four summary panels: first what each panel shows for the pair (latest UN alignment against the
    comparators', arms delivered, the gas share, the trade share), then how to read them. Arguments: the
    :mod:`bilateral.overview.summary` outputs."""
    na, nb = P.name_a, P.name_b
    parts = [p for p in (_un_lead(P, un), _arms_lead(P, arms), _gas_lead(gas), _trade_lead(P, tr)) if p]
    lead = f"{na} and {nb}, {P.period}: " + "; ".join(parts) + ". " if parts else ""
    text = lead + (
        "One panel per dimension on one time axis. Arms in SIPRI trend-indicator values (TIV). Gas shares are this "
        "project's calculation from the IEA Gas Trade Flows (the supplier's entry routes ÷ all entries, full years); a "
        "year without a dot has no figure. Trade shares are exports plus imports, each side's own figures."
    )
    switch = un["switch"]
    if switch:
        text += (
            f" In the UN panel, the dashed line marks the change of vote source: Voeten's roll calls up to {switch['last_voeten'][:4]}, "
            f"the UN's own records from {fmt.date(switch['first_un'][:7], 'month')}."
        )
    return text


def _un_lead(P, un: dict) -> str:
    """The UN panel's finding: the pair's latest kappa, above or below the comparators' that year."""
    y = un["yearly"]
    if not len(y):
        return ""
    main = pair_text(P.pair)
    mine = y[y["pair"] == main].dropna(subset=["kappa"])
    if not len(mine):
        return ""
    year, k = int(mine["year"].iloc[-1]), float(mine["kappa"].iloc[-1])
    others = y[(y["pair"] != main) & (y["year"] == year)].dropna(subset=["kappa"])
    names = {p: display_name(next(c for c in p.split("–") if c != P.country_a)) for p in others["pair"]}
    below = [names[p] for p, v in zip(others["pair"], others["kappa"]) if v < k]
    above = [names[p] for p, v in zip(others["pair"], others["kappa"]) if v > k]
    text = f"UN voting alignment (kappa) of {P.name_a} with {P.name_b} {fmt.num(k, 2)} in {year}"
    if below:
        text += f", above that with {fmt.join_and(below)}"
    if above:
        text += f"{' and' if below else ','} below that with {fmt.join_and(above)}"
    return text


def _arms_lead(P, arms: dict) -> str:
    """The arms panel's finding: TIV delivered each way, and the part of ``b``'s deliveries in the recent years."""
    if not (arms.get("years") and arms.get("covered")):
        return ""
    ba, ab = arms["ba"]["tiv_m"], arms["ab"]["tiv_m"]
    if not ba and not ab:
        return f"no delivery of major arms between them recorded in {fmt.years(arms['years'][0], arms['years'][-1])}"
    parts = []
    if ba:
        text = f"{P.name_b} delivered {fmt.num(ba)} million TIV of major arms to {P.name_a}"
        recent, whole = arms.get("share_b_recent") or {}, arms.get("share_b") or {}
        if recent.get("tiv_m") is not None and whole.get("tiv_m") and arms["recent"][0] > arms["years"][0]:
            text += f", {fmt.pct(100 * recent['tiv_m'] / whole['tiv_m'], 0)} of it in {fmt.years(*arms['recent'])}"
        parts.append(text)
    if ab:
        parts.append(f"{P.name_a} delivered {fmt.num(ab)} million TIV to {P.name_b}")
    return "; ".join(parts)


def _gas_lead(gas: dict) -> str:
    """The gas panel's finding: the supplier's latest share of the gas entering Türkiye."""
    if gas["kind"] == "tr_imports" and gas.get("source") == "iea" and gas.get("latest_year"):
        return (
            f"{fmt.poss(display_name(gas['supplier']))} gas was {fmt.pct(gas['latest_share'])} of all gas entering "
            f"Türkiye in {gas['latest_year']}"
        )
    return ""


def _trade_lead(P, tr: dict) -> str:
    """The trade panel's finding: each side's share of the other's trade in the latest year."""
    if not tr["latest_year"] or pd.isna(tr["share_b_in_a"]):
        return ""
    return f"{P.name_b} had {share_text(tr['share_b_in_a'])} of {poss_name(P.country_a)} trade in {tr['latest_year']}"


def summary_alt(P, un: dict, arms: dict, gas: dict, tr: dict) -> str:
    """Alt text of the four summary panels: what each panel shows and its latest or total value."""
    a, na, nb = P.country_a, P.name_a, P.name_b
    main = pair_text(P.pair)
    y = un["yearly"]
    un_last = y[y["pair"] == main].dropna(subset=["kappa"]) if len(y) else pd.DataFrame()
    latest = f", {fmt.num(un_last['kappa'].iloc[-1], 2)} in {int(un_last['year'].iloc[-1])}" if len(un_last) else ""
    grey = f", {poss_name(a)} alignment with each comparator in grey" if P.comparators and len(y) else ""
    line = f"; a dashed line marks the change of vote source in {un['switch']['year']}" if un["switch"] else ""
    if not len(un_last):
        latest = ", no common votes"
    parts = [
        f"Four stacked panels on one time axis. First, UN voting: Cohen's kappa of {main} by year{latest}{grey}{line}."
    ]
    if arms["covered"] and arms["years"]:
        ba = arms["ba"]
        peak = f", peak {fmt.num(ba['peak_tiv_m'])} million in {ba['peak_year']}" if ba["peak_year"] else ""
        parts.append(
            f"Second, arms: bars of TIV delivered each way per year; {nb} to {na} {fmt.num(ba['tiv_m'])} million in total{peak}."
        )
    else:
        parts.append("Second, arms: empty, the SIPRI extract does not cover the pair.")
    if gas["kind"] == "tr_imports" and gas.get("latest_year"):
        parts.append(
            f"Third, gas: the share of the gas entering Türkiye that came on {gas_routes.route_phrase(gas['supplier'])}, "
            f"full years of the IEA series, last {fmt.pct(gas['latest_share'])} in {gas['latest_year']}."
        )
    elif gas["kind"] == "tr_imports":
        parts.append(
            f"Third, gas: empty, no entry route into Türkiye carries gas from {display_name(gas['supplier'])} in the years covered."
        )
    else:
        parts.append("Third, gas production (solid) and consumption (dashed) of the states the Energy Institute lists.")
    if tr["latest_year"]:
        parts.append(
            f"Fourth, trade: {nb}'s share of {poss_name(a)} trade and {na}'s share of {poss_name(P.country_b)}, by year; "
            f"{share_text(tr['share_b_in_a'])} and {share_text(tr['share_a_in_b'])} in {tr['latest_year']}."
        )
    else:
        parts.append("Fourth, trade: empty, no IMF figures for the period.")
    return " ".join(parts)


def timeline_caption(P, shown: pd.DataFrame, ev: pd.DataFrame, rule: dict) -> str:
    """Caption of the labelled events timeline: first when the record is busiest, then which events the chart names
    and how to read it (``ev``: all the pair's events, :func:`bilateral.overview.chronology.pair_events`, not empty;
    ``shown``, ``rule``: :func:`bilateral.overview.chronology.charted_events` of it)."""
    per_year = ev["year"].value_counts()
    most = int(per_year.max())
    busiest = sorted(int(y) for y in per_year.index[per_year == most])
    if most < 2:
        peak = ""
    elif len(busiest) == 1:
        peak = f"; the busiest year was {busiest[0]} ({fmt.plural(most, 'event')})"
    elif len(busiest) <= 3:
        peak = f"; the busiest years were {fmt.join_and(busiest)} ({most} events each)"
    else:
        peak = f"; no year has more than {most} events"
    verb = "names" if len(ev) == 1 else "name"
    lead = (
        f"{fmt.plural(len(ev), 'event')} {verb} both {P.name_a} and {P.name_b}, {ev['when'].iloc[0]} to "
        f"{ev['when'].iloc[-1]}{peak}. "
    )
    return (
        lead + charted_rule_sentence(rule).replace("The timeline names", "The chart names") + ", one row each, "
        "numbered as in the table below and coloured by dimension (the curators' classification). Dates known only to "
        "the month or year are drawn mid-month or mid-year. " + evs.marker_caption(shown)
    )


def timeline_alt(shown: pd.DataFrame, ev: pd.DataFrame) -> str:
    """Alt text of the labelled timeline: how many events it names among how many, in how many panels, and each one."""
    eras = split_eras(shown["x"].tolist())
    return (
        f"Timeline naming {len(shown)} of the {fmt.plural(len(ev), 'event')} in {fmt.plural(len(eras), 'panel')} ("
        + "; ".join(fmt.years(int(lo), int(hi)) for lo, hi in eras)
        + "): "
        + "; ".join(f"{w}, {t} ({d})" for w, t, d in zip(shown["when"], shown["title"], shown["dimension"]))
        + "."
    )


def charted_table_caption(P, shown: pd.DataFrame, ev: pd.DataFrame) -> str:
    """Caption of the table of the charted events: what it includes and how many events it leaves out."""
    left = len(ev) - len(shown)
    counts = ev["dimension"].value_counts()
    by_dim = fmt.join_and([f"{int(counts[d])} {d}" for d in dimension_order(ev)])
    out = (
        f"The {fmt.plural(len(shown), 'event')} on the chart, with their sources"
        + (f"; the other {left} events of the {len(ev)} are left out here" if left > 1 else "")
        + (f"; the other event of the {len(ev)} is left out here" if left == 1 else "")
        + f" (all {len(ev)}: {by_dim}). All dates, whatever the report period ({P.period}). 'Sources': whether the event "
        "rests on the seed documents alone or on independent sources of one side, of both sides or of a third party, "
        "then each source's publisher and the date it gives. Titles follow the cited sources; where a seed document "
        "frames an event in contested terms, the wording is the source's, not a finding of this report."
    )
    return out + (f" The table's data file lists all {len(ev)} events." if left else "")


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


def page_sources(*groups: Sequence[str]) -> list[str]:
    """The catalogue keys cited anywhere on the page, each once, in the order first cited: the Sources section gives
    each one's full citation (figures and tables carry a short source line)."""
    return list(dict.fromkeys(k for g in groups for k in g))


def section_link(heading: str) -> str:
    """An HTML link to a section of this page by its heading (``<a href="#Timeline-of-events">Timeline of
    events</a>``)."""
    return f'<a href="#{html.escape(takeaways.section_anchor(heading))}">{html.escape(heading)}</a>'
