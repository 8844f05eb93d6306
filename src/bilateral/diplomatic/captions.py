"""Diplomatic relations, captions: the computed captions (each led by the chart's finding), alt text and notes of
the report's figures; functions take the parameters object ``P`` where they name the pair or the period. Table
captions are in :mod:`bilateral.diplomatic.tables`, running text in :mod:`bilateral.diplomatic.text`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, periods
from bilateral.countries import display_name
from bilateral.diplomatic.compute import EVENT_GROUPS, ISSUE_METHODS, PLEDGES

__all__ = [
    "ALIGNMENT_NOTE",
    "DISAGREEMENT_NOTE",
    "alignment_alt",
    "alignment_caption",
    "comparator_dots_alt",
    "comparator_dots_caption",
    "comparator_periods_alt",
    "comparator_periods_caption",
    "cosponsorship_alt",
    "cosponsorship_caption",
    "cosponsorship_note",
    "disagreement_alt",
    "disagreement_caption",
    "ideal_alt",
    "ideal_caption",
    "pledges_alt",
    "pledges_caption",
    "timeline_alt",
    "timeline_caption",
    "top_ten_alt",
    "top_ten_axis_label",
    "top_ten_caption",
]


def _change(before: str, after: str, up: bool) -> str:
    """ "rose from 0.4 to 0.6", "fell from ...", or "was 0.4 at both ends" for two formatted values."""
    return f"was {before} at both ends" if before == after else f"{'rose' if up else 'fell'} from {before} to {after}"


def _span(years: range) -> str:
    return fmt.years(years.start, years.stop - 1)


def _timeline_finding(in_period: pd.DataFrame) -> str:
    """The finding of the events timeline: the year most strains fall in (when they cluster), and the span of the
    multilateral formats; "" when the period has neither."""
    cats = in_period["category"] if "category" in in_period else pd.Series("", index=in_period.index)
    parts = []
    strains = in_period[cats == "friction"]
    if len(strains):
        per_year = strains["year"].astype(int).value_counts()
        year, k = int(per_year.index[0]), int(per_year.iloc[0])
        if len(strains) == 1:
            parts.append(f"The one strain in the relationship falls in {year}")
        elif k > 1 and (per_year == k).sum() == 1:
            parts.append(f"{k} of the {len(strains)} strains in the relationship fall in {year}")
        else:
            parts.append(
                f"The {len(strains)} strains in the relationship spread over {fmt.plural(len(per_year), 'year')}"
            )
    formats = in_period[cats == "multilateral"]
    if len(formats):
        first, last = int(formats["year"].min()), int(formats["year"].max())
        if len(formats) == 1:
            parts.append(f"the one multilateral or trilateral format dates from {first}")
        elif first == last:
            parts.append(f"all {len(formats)} multilateral or trilateral formats date from {first}")
        else:
            parts.append(f"the {len(formats)} multilateral or trilateral formats run from {first} to {last}")
    if not parts:
        return ""
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]


def timeline_caption(P, in_period: pd.DataFrame) -> str:
    """Caption of the labelled events timeline: its finding, then what it draws."""
    from bilateral import events as evs

    return " ".join(
        t
        for t in (
            _timeline_finding(in_period),
            f"Strains in the relationship and multilateral or trilateral formats naming {P.name_a} and {P.name_b}, "
            f"{P.period}, one row each at its date (listed in full above; every event is in the table below).",
            evs.marker_caption(in_period[in_period["category"].isin(["friction", "multilateral"])])
            if "category" in in_period
            else "",
        )
        if t
    )


def timeline_alt(in_period: pd.DataFrame) -> str:
    """Alt text of the labelled events timeline: how many events of each kind, over which years."""
    cats = in_period["category"] if "category" in in_period else pd.Series("", index=in_period.index)
    parts = []
    for cat, (one, many) in EVENT_GROUPS.items():
        rows = in_period[cats == cat]
        if len(rows):
            lo, hi = int(rows["year"].min()), int(rows["year"].max())
            parts.append(f"{fmt.plural(len(rows), one, many)} ({fmt.years(lo, hi)})")
    return "Labelled timeline, one row per event: " + fmt.join_and(parts) + ", each named as in the lists above."


# ---------------------------------------------------------------------------------------------
# UN General Assembly
# ---------------------------------------------------------------------------------------------

#: Note under the yearly agreement chart.
ALIGNMENT_NOTE = (
    "Absences never count. Voeten's roll calls to the switch include some votes on paragraphs and amendments; "
    "UN records after it are final resolutions only."
)


def _alignment_finding(P, yearly: pd.DataFrame) -> str:
    """The finding of the yearly agreement chart: agreement and kappa in the first and the last year shown."""
    if yearly.empty:
        return ""
    y = yearly.sort_values("year")
    y0, y1 = y.iloc[0], y.iloc[-1]
    a0, a1 = fmt.pct(y0["agreement_share"], 0, share=True), fmt.pct(y1["agreement_share"], 0, share=True)
    k0, k1 = fmt.num(y0["kappa"], 2), fmt.num(y1["kappa"], 2)
    if int(y0["year"]) == int(y1["year"]):
        return f"In {int(y1['year'])} {P.name_a} and {P.name_b} voted alike on {a1} of their common votes (kappa {k1})."
    return (
        f"From {int(y0['year'])} to {int(y1['year'])} the share of votes on which {P.name_a} and {P.name_b} voted alike "
        f"{_change(a0, a1, y1['agreement_share'] > y0['agreement_share'])}, while kappa "
        f"{_change(k0, k1, y1['kappa'] > y0['kappa'])}."
    )


def alignment_caption(P, yearly: pd.DataFrame) -> str:
    """Caption of the yearly agreement and kappa chart: its finding, then what it draws."""
    return (
        _alignment_finding(P, yearly)
        + f" {P.name_a} and {P.name_b} in the UN General Assembly, {P.period}: share of common votes on which they voted "
        "alike and Cohen's kappa (top); recorded votes held and common votes behind each year's figures (bottom)."
    )


def alignment_alt(yearly: pd.DataFrame, switch: dict) -> str:
    """Alt text of the yearly agreement chart: first and last values, votes per year, the change of source."""
    y0, y1 = yearly.iloc[0], yearly.iloc[-1]
    text = (
        f"Two-panel chart by year. Top: agreement share from {fmt.pct(y0['agreement_share'], share=True)} in {int(y0['year'])} "
        f"to {fmt.pct(y1['agreement_share'], share=True)} in {int(y1['year'])}, and kappa from {fmt.num(y0['kappa'], 2)} to "
        f"{fmt.num(y1['kappa'], 2)}. Bottom: between {int(yearly['n_votes'].min())} and {int(yearly['n_votes'].max())} "
        "common votes a year."
    )
    if switch:
        text += (
            f" A dashed line between {switch['last_voeten'][:4]} and {switch['year']} marks the switch from Voeten's "
            f"roll calls to the UN records, which start in {fmt.date(switch['first_un'], 'month')}."
        )
    return text


def _ideal_finding(P, dist: pd.DataFrame) -> str:
    """The finding of the ideal-points chart: the distance in the first and the last reliable year."""
    good = dist[dist["reliable"]]
    if good.empty:
        return ""
    g0, g1 = good.iloc[0], good.iloc[-1]
    d0, d1 = fmt.num(g0["distance"], 2), fmt.num(g1["distance"], 2)
    if int(g0["year"]) == int(g1["year"]):
        return f"In {int(g1['year'])} the two states' ideal points were {d1} apart."
    verb = "stayed" if d0 == d1 else ("widened" if g1["distance"] > g0["distance"] else "narrowed")
    return (
        f"The gap between the two states' ideal points {verb}"
        + (f" at {d1}" if d0 == d1 else f" from {d0} in {int(g0['year'])} to {d1}")
        + f" in {int(g1['year'])}."
    )


def ideal_caption(P, dist: pd.DataFrame) -> str:
    """Caption of the ideal-points chart: its finding, then what it draws."""
    hollow = bool((dist["few_a"] | dist["few_b"]).any())
    return (
        _ideal_finding(P, dist)
        + f" UN ideal points of {P.name_a} and {P.name_b} with their 5–95% posterior ranges (top) and the distance "
        f"between them (bottom), {fmt.years(int(dist['year'].min()), int(dist['year'].max()))}"
        + ("; hollow circles: estimates resting on few votes, left out of the distance." if hollow else ".")
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


def _dots_finding(P, comp: pd.DataFrame) -> str:
    """The finding of the dot chart: how many of the comparator pairs have a higher kappa than the pair."""
    if len(comp) < 2 or pd.isna(comp["kappa"].iloc[0]):
        return ""
    others = comp["kappa"].iloc[1:].dropna()
    k = int((others > comp["kappa"].iloc[0]).sum())
    return (
        f"{fmt.integer(k)} of the {fmt.integer(len(others))} pairings with the comparators have a higher kappa than "
        f"{P.name_a} and {P.name_b} ({fmt.num(comp['kappa'].iloc[0], 2)})."
    )


def comparator_dots_caption(P, comp: pd.DataFrame, recent: range, ideal_last: int) -> str:
    """Caption of the dot chart of the pair and the comparators: its finding, then what it draws (the recent
    years' diamonds only when they differ from the period)."""
    recent_text = _span(recent)
    if recent_text == P.period:
        when = f"{P.period}"
    else:
        end = f"; ideal points end in {ideal_last}" if ideal_last < recent.stop - 1 else ""
        when = f"{P.period} (dots) and {recent_text} (diamonds{end})"
    return " ".join(
        t
        for t in (
            _dots_finding(P, comp),
            f"Agreement share (left), kappa (middle) and mean ideal-point distance (right; lower is closer) for each "
            f"pair, {when}; the pair in black, the comparators in grey.",
        )
        if t
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


def _periods_finding(P, periodic: pd.DataFrame) -> str:
    """The finding of the kappa-by-period chart: the pair's kappa in the first and the last period, and how many
    comparators each state was closer to in the last period."""
    from bilateral.diplomatic.compute import pair_label

    pair_p = periodic[periodic["pair"] == pair_label(*P.pair)].dropna(subset=["kappa"])
    if pair_p.empty:
        return ""
    p0, p1 = pair_p.iloc[0], pair_p.iloc[-1]
    text = (
        f"The pair's kappa {_change(fmt.num(p0['kappa'], 2), fmt.num(p1['kappa'], 2), p1['kappa'] > p0['kappa'])}"
        if p0["period"] != p1["period"]
        else f"The pair's kappa was {fmt.num(p1['kappa'], 2)}"
    )
    text += f" ({p0['period']} to {p1['period']})" if p0["period"] != p1["period"] else f" in {p1['period']}"
    last = periodic[(periodic["period"] == p1["period"]) & (periodic["pair"] != pair_label(*P.pair))]
    parts = []
    for anchor, other in (P.pair, P.pair[::-1]):
        rows = last[(last["anchor"] == anchor) & last["kappa"].notna()]
        if len(rows):
            k, n = int((rows["kappa"] > p1["kappa"]).sum()), len(rows)
            na, no = display_name(anchor), display_name(other)
            if k == 0:
                them = "its comparator" if n == 1 else f"any of its {n} comparators"
                parts.append(f"{na} voted more like {no} than like {them}")
            elif k == n:
                them = "its comparator" if n == 1 else f"all {n} of its comparators"
                parts.append(f"{na} voted more like {them} than like {no}")
            else:
                parts.append(f"{na} voted more like {k} of its {n} comparators than like {no}")
    if parts:
        text += f"; in {p1['period']} " + " and ".join(parts)
    return text + "."


def comparator_periods_caption(P, periodic: pd.DataFrame, spans: Sequence[tuple[int, int]], switch: dict) -> str:
    """Caption of the kappa-by-period chart: its finding, what it draws, and the period that mixes the two vote
    sources."""
    mixed = _mixed_periods(spans, switch)
    lead = _periods_finding(P, periodic)
    return (
        (lead + " " if lead else "")
        + (
            f"Cohen's kappa by period of {fmt.plural(P.extra['period_years'], 'year')}"
            if len(spans) > 1
            else f"Cohen's kappa in {periods.label(*spans[0])}"
        )
        + f": {P.name_a} (top) and {P.name_b} (bottom) with each other (in colour) and with each comparator (grey)."
        + (
            f" The dashed line marks the change from Voeten's roll calls (to {switch['last_voeten'][:4]}) to the UN "
            f"records (from {switch['year']}); the {mixed[0]} period draws on both."
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


def _disagreement_finding(by_issue: pd.DataFrame, *, min_votes: int = 20) -> str:
    """The finding of the disagreement chart: the area (with at least ``min_votes`` common votes) with the highest
    share of splits, for each vote source."""
    tops = []
    for method, name in ISSUE_METHODS.items():
        rows = by_issue[
            (by_issue["issue_method"] == method) & (by_issue["issue"] != "all") & (by_issue["n_votes"] >= min_votes)
        ]
        if len(rows):
            top = rows.sort_values("disagreement_share", ascending=False).iloc[0]
            share = f"{fmt.pct(top['disagreement_share'], 0, share=True)} of {fmt.integer(top['n_votes'])} votes"
            tops.append((top["label"].lower(), name.split(" (")[0], share))
    if not tops:
        return ""
    if len(tops) == 2 and tops[0][0] == tops[1][0]:
        return (
            f"They split most often on {tops[0][0]} in both sources: {tops[0][2]} in {tops[0][1]} and {tops[1][2]} "
            f"in {tops[1][1]}."
        )
    return "They split most often on " + " and on ".join(f"{lbl} in {src} ({sh})" for lbl, src, sh in tops) + "."


def disagreement_caption(P, by_issue: pd.DataFrame) -> str:
    """Caption of the disagreement-by-issue chart: its finding, then what it draws."""
    lead = _disagreement_finding(by_issue)
    return (lead + " " if lead else "") + (
        f"Share of common votes on which {P.name_a} and {P.name_b} voted differently, by issue area, one panel per "
        f"vote source, {P.period}."
    )


def disagreement_alt(by_issue: pd.DataFrame) -> str:
    """Alt text of the disagreement chart: the overall share of each vote source."""
    allrow = by_issue[by_issue["issue"] == "all"].set_index("issue_method")
    parts = [
        f"{ISSUE_METHODS[m].split(' (')[0]}: {fmt.pct(r['disagreement_share'], share=True)} of {fmt.integer(r['n_votes'])}"
        for m, r in allrow.iterrows()
        if r["n_votes"]
    ]
    return (
        "Horizontal bar charts of disagreement shares by issue area, one panel per vote source. Overall: "
        + "; ".join(parts)
        + "."
    )


def _cos_span(by_year: pd.DataFrame) -> str:
    return fmt.years(int(by_year["year"].min()), int(by_year["year"].max()))


def cosponsorship_caption(P, by_year: pd.DataFrame) -> str:
    """Caption of the co-sponsorship chart: its finding (the range of the yearly overlap share), then what it
    draws."""
    lo, hi = by_year["overlap_share"].min(), by_year["overlap_share"].max()
    lo_t, hi_t = fmt.pct(lo, 0, share=True), fmt.pct(hi, 0, share=True)
    if len(by_year) == 1 or lo_t == hi_t:
        lead = f"Both sponsored {hi_t} of the resolutions either sponsored in {_cos_span(by_year)}."
    else:
        lead = f"Each year both sponsored between {lo_t} and {hi_t} of the resolutions either sponsored."
    return (
        lead
        + f" Resolutions sponsored by {P.name_a}, by {P.name_b} and by both, per year of adoption, with the overlap "
        f"share, {_cos_span(by_year)}."
    )


def cosponsorship_alt(P, by_year: pd.DataFrame) -> str:
    """Alt text of the co-sponsorship chart: the range of each count and of the overlap share."""
    c = by_year
    return (
        f"Line chart by year. {P.name_a} sponsored between {c['n_a'].min()} and {c['n_a'].max()} resolutions a year, "
        f"{P.name_b} between {c['n_b'].min()} and {c['n_b'].max()}, both between {c['n_both'].min()} and "
        f"{c['n_both'].max()}; the overlap share ranges from {fmt.pct(c['overlap_share'].min(), share=True)} to "
        f"{fmt.pct(c['overlap_share'].max(), share=True)}."
    )


def cosponsorship_note(cosponsors: pd.DataFrame, by_year: pd.DataFrame) -> str:
    """Note under the co-sponsorship chart: the first year shown is partial when the records start in it ("" if
    they start earlier)."""
    first = str(cosponsors["date"].min())
    if int(first[:4]) != int(by_year["year"].min()):
        return ""
    return f"The records start with resolutions adopted on {fmt.date(first, 'day')}, so the first year is partial."


def _pledges_finding(P, grid: pd.DataFrame) -> str:
    """The finding of the pledges chart: the obligations ATOP codes in force in its last year shown."""
    if grid.empty:
        return ""
    last = int(max(grid.columns))
    on = [PLEDGES[k].lower() for k in grid.index if grid.loc[k, last] == 1]
    if not on:
        return f"ATOP codes no alliance obligation between {P.name_a} and {P.name_b} in force in {last}."
    return f"In {last} ATOP codes {fmt.join_and(on)} in force between {P.name_a} and {P.name_b}."


def pledges_caption(P, grid: pd.DataFrame, atop_years: range, n_marked: int) -> str:
    """Caption of the pledges chart: its finding (:func:`_pledges_finding`), then what it draws (``n_marked``:
    commitments drawn below the grid)."""
    return (
        _pledges_finding(P, grid)
        + f" Alliance obligations between {P.name_a} and {P.name_b} in force each year according to ATOP, {_span(atop_years)}"
        + (
            ", above the pair's treaties and security commitments from the events table, each named at its date."
            if n_marked
            else "; the events table has no treaty or security commitment of the pair in these years."
        )
    )


def pledges_alt(P, grid: pd.DataFrame, commitments: pd.DataFrame, atop_last: int) -> str:
    """Alt text of the pledges chart: years in force of each obligation, the commitments, the years not covered."""
    on = {PLEDGES[k]: int(grid.loc[k].sum()) for k in grid.index if grid.loc[k].sum()}
    named = "; ".join(
        f"{t} ({fmt.date(d, p)})"
        for t, d, p in zip(commitments["title"], commitments["date"], commitments["date_precision"])
    )
    return (
        "Grid of obligations by year: "
        + (", ".join(f"{k} in force in {v} years" for k, v in on.items()) if on else "no obligation in force")
        + (
            f"; below it, {fmt.plural(len(commitments), 'commitment')} on the same time axis: {named}"
            if len(commitments)
            else ""
        )
        + (f"; the years after {atop_last} are shaded as not covered." if P.end_year > atop_last else ".")
    )
