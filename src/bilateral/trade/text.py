"""Computed sentences of the trade report: coverage, the gap between the two records, the balance, shares,
intensity, trade relative to GDP and press figures (numbers from :mod:`bilateral.trade.compute`, formatted
with :mod:`bilateral.fmt` and :mod:`bilateral.trade.amounts`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name
from bilateral.trade.amounts import adaptive, money, money_range, share_pct_text
from bilateral.trade.compute import (
    EXPORTS,
    IMPORTS,
    latest_year_with,
)
from bilateral.trade.importance import (
    gdp_artefacts,
    rank_among,
    share_of,
    shares,
)
from bilateral.trade.press import latest_turnover

__all__ = [
    "balance_sentence",
    "coverage_sentences",
    "direction_detail",
    "gap_pattern_sentence",
    "gdp_peak_sentence",
    "gdp_sentence",
    "intensity_sentence",
    "press_sentence",
    "publisher_name",
    "share_sentence",
    "side_label",
    "value_meaning",
]


# ---------------------------------------------------------------------------------------------
# Coverage and the two records
# ---------------------------------------------------------------------------------------------


def coverage_sentences(cov: pd.DataFrame, n_years: int) -> list[str]:
    """Plain sentences saying which side's figures are missing, from :func:`coverage`.

    Args:
        cov: the frame from :func:`coverage`.
        n_years: the number of years in the period.

    Returns:
        An empty list when both sides report every flow in every year; otherwise one sentence per
        reporter whose figures are missing in some or all years, e.g. "Türkiye reports no trade
        with Armenia to the IMF in this period ..." or "Türkiye's figures are incomplete: it
        reports exports to Armenia in only 12 of the 28 years."
    """
    out = []
    if (cov["n_years"] == 0).all():
        a, b = (display_name(c) for c in cov["reporter"].drop_duplicates())
        return [
            f"Neither {a} nor {b} has any figure for trade with the other in the IMF data used here for this period, so no "
            "section of this report can show the pair. (The extract holds the trade of Azerbaijan, Türkiye and a few "
            "neighbours and partners with every country, and every country's trade with them.)"
        ]
    for reporter, group in cov.groupby("reporter", sort=False):
        name = display_name(reporter)
        partner = display_name(group["partner"].iloc[0])
        if (group["n_years"] == 0).all():
            out.append(
                f"{name} reports no trade with {partner} to the IMF in this period: only {partner}'s figures are shown, "
                f"and {name}'s side of each comparison is missing."
            )
            continue
        parts = []
        for _, row in group.iterrows():
            what = f"exports to {partner}" if row["flow"] == EXPORTS else f"imports from {partner}"
            if row["n_years"] == 0:
                parts.append(f"no {what} in any year")
            elif row["n_years"] < n_years:
                missing = row["missing"]
                listed = f" (none for {fmt.join_and(missing)})" if len(missing) <= 5 else ""
                parts.append(f"{what} in only {row['n_years']} of the {n_years} years{listed}")
        if parts:
            out.append(f"{name}'s figures are incomplete: it reports " + " and ".join(parts) + ".")
    return out


def gap_pattern_sentence(p: dict, exporter: str, importer: str, *, below: float = 0.5) -> str:
    """The pattern of :func:`gap_pattern` in words (numbers computed, never typed); "" if there is nothing to say."""
    en, im = display_name(exporter), display_name(importer)
    parts = []
    if p["run_start"] is not None:
        span = (
            f"every year from {p['run_start']} to {p['run_end']}"
            if p["run_start"] < p["run_end"]
            else f"{p['run_end']}"
        )
        share = "half" if below == 0.5 else fmt.ratio(below, 2)
        parts.append(
            f"in the data here, {fmt.poss(im)} import figure for goods from {en} was below {share} of {fmt.poss(en)} export figure in "
            f"{span} (between {fmt.ratio(p['run_min'], 2)} and {fmt.ratio(p['run_max'], 2)} of it)"
        )
    if p["above"]:
        listed = fmt.join_and([f"{y} ({fmt.ratio(r, 1)})" for y, r in p["above"].items()])
        parts.append(f"in {listed} it was instead more than {fmt.ratio(1 / below, 0)} the exporter's figure")
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def balance_sentence(bal: pd.DataFrame, a: str, b: str) -> str:
    """The latest year in which both sides' records give ``a``'s balance with ``b``, and what each says."""

    na, nb = display_name(a), display_name(b)
    both = bal.dropna(subset=["a_records_usd_m", "b_records_usd_m"])
    if both.empty:
        one = (
            bal.dropna(subset=["a_records_usd_m"])
            if bal["a_records_usd_m"].notna().any()
            else bal.dropna(subset=["b_records_usd_m"])
        )
        if one.empty:
            return f"Neither side's figures give {na}'s balance with {nb} in this period."
        who = na if bal["a_records_usd_m"].notna().any() else nb
        col = "a_records_usd_m" if who == na else "b_records_usd_m"
        y = int(one.index.max())
        v = float(one.at[y, col])
        return f"Only {who}'s figures give the balance: in {y}, {na} had a {'surplus' if v >= 0 else 'deficit'} of {money(abs(v))} with {nb}."
    y = int(both.index.max())
    va, vb = float(both.at[y, "a_records_usd_m"]), float(both.at[y, "b_records_usd_m"])
    word = lambda v: "surplus" if v >= 0 else "deficit"  # noqa: E731
    text = (
        f"In {y}, by {na}'s figures {na} had a {word(va)} of {money(abs(va))} with {nb}; by {nb}'s figures {na} had a "
        f"{word(vb)} of {money(abs(vb))}."
    )
    disagree = int(((both["a_records_usd_m"] >= 0) != (both["b_records_usd_m"] >= 0)).sum())
    if disagree:
        text += f" The two records disagree on which side has the surplus in {disagree} of the {len(both)} years both give a balance."
    return text


# ---------------------------------------------------------------------------------------------
# Shares, intensity, GDP
# ---------------------------------------------------------------------------------------------


def share_sentence(
    a: str, b: str, a_exports: pd.DataFrame, a_imports: pd.DataFrame, b_exports: pd.DataFrame, b_imports: pd.DataFrame
) -> str:
    """How much each matters to the other, in the latest year with data, from four :func:`shares` frames."""

    na, nb = display_name(a), display_name(b)
    parts = []

    def supplied(frame: pd.DataFrame, partner: str, year: int) -> str:
        value = share_of(frame, partner, year)
        if pd.isna(value):
            return f"its imports from {display_name(partner)} are not reported for that year"
        return f"supplied {share_pct_text(value)} of its imports"

    ya = latest_year_with(a_exports, "share_pct", a_exports["partner"] == b)
    if ya is not None:
        rank, n = rank_among(a_exports, b, ya)
        ranked = (
            f"; rank {rank} of {n} among {nb} and the other partners compared" if n > 1 else ""
        )  # nothing to rank alone
        parts.append(
            f"in {ya}, {nb} took {share_pct_text(share_of(a_exports, b, ya))} of {na}'s exports (by {na}'s figures{ranked}) "
            f"and {supplied(a_imports, b, ya)}"
        )
    yb = latest_year_with(b_exports, "share_pct", b_exports["partner"] == a)
    if yb is not None:
        rank, n = rank_among(b_exports, a, yb)
        ranked = f"; rank {rank} of {n}" if n > 1 else ""
        parts.append(
            ("" if yb == ya else f"in {yb}, ")
            + f"{na} took {share_pct_text(share_of(b_exports, a, yb))} of {nb}'s exports (by {nb}'s figures{ranked}) "
            f"and {supplied(b_imports, a, yb)}"
        )
    if not parts:
        return "Neither side's figures give the partner's share of its total trade in this period."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def value_meaning(trade: pd.DataFrame, a: str, b: str, years: Iterable[int], year: int | None) -> str:
    """What the trade shares mean in money: the value behind each share in ``year`` by each side's own
    figures (which differ: mirror data), and how far ``a``'s total trade that year was below its peak in
    ``years``, since a share of a shrunken total stands for less trade. ``year`` None: the latest year of
    ``years`` with ``a``'s figures. Empty when there is no such year."""
    na, nb = display_name(a), display_name(b)

    def values(reporter: str, partner: str) -> pd.DataFrame:
        x = shares(trade, reporter, [partner], EXPORTS, years).set_index("year")
        m = shares(trade, reporter, [partner], IMPORTS, years).set_index("year")
        return pd.DataFrame(
            {"value": x["value_usd_m"] + m["value_usd_m"], "total": x["total_usd_m"] + m["total_usd_m"]}
        )

    years = list(years)
    if not years:
        return ""
    va = values(a, b)
    if year is None:
        have = va["value"].dropna()
        year = int(have.index.max()) if len(have) else None
    if not year:
        return ""
    years = [y for y in years if y <= year]
    va, vb = va.loc[[y for y in va.index if y <= year]], values(b, a)
    parts = []
    if year in va.index and pd.notna(va.at[year, "value"]):
        text = (
            f"By {fmt.poss(na)} figures, {fmt.poss(nb)} share in {year} stood for {fmt.usd_m(va.at[year, 'value'])} "
            f"of {fmt.usd_m(va.at[year, 'total'])}"
        )
        tot = va["total"].dropna()
        peak_year = int(tot.idxmax()) if len(tot) else year
        drop = 1 - va.at[year, "total"] / tot.max() if len(tot) else 0
        if peak_year != year and drop >= 0.1:
            text += (
                f"; {fmt.poss(na)} total trade that year was {fmt.pct(drop * 100, 0)} below its peak of {fmt.usd_m(tot.max())} "
                f"in {peak_year}, so a given share stood for less trade than it would have then"
            )
        parts.append(text + ".")
    if year in vb.index and pd.notna(vb.at[year, "value"]) and year in va.index and pd.notna(va.at[year, "value"]):
        parts.append(
            f"The two sides' records of the same trade differ: {fmt.usd_m(va.at[year, 'value'])} by {fmt.poss(na)} figures, "
            f"{fmt.usd_m(vb.at[year, 'value'])} by {fmt.poss(nb)}; each share uses its own side's records, never a mix."
        )
    return " ".join(parts)


def intensity_sentence(
    a: str, b: str, int_ab: pd.DataFrame, int_ba: pd.DataFrame, window: range, *, explain: bool = True
) -> str:
    """Mean trade intensity indices over ``window`` in both directions; ``explain=False`` leaves out what an index
    of 1 means (for a section that has defined the index already)."""
    na, nb = display_name(a), display_name(b)
    vab = int_ab["intensity"].reindex(list(window)).dropna()
    vba = int_ba["intensity"].reindex(list(window)).dropna()
    span = fmt.years(window.start, window.stop - 1)
    if vab.empty and vba.empty:
        return f"No trade intensity index can be computed for {span}: the figures it needs are missing."
    text = f"Over {span} the trade intensity index of {na}'s exports to {nb} averaged {adaptive(vab.mean()) if len(vab) else 'n/a'}"
    text += f", and that of {nb}'s exports to {na} {adaptive(vba.mean()) if len(vba) else 'n/a'}."
    if explain:
        text += " An index of 1 means the partner takes the same share of the exporter's exports as it takes of world imports; above 1, a larger share."
    return text


def gdp_sentence(a: str, b: str, gdp_a: pd.DataFrame, gdp_b: pd.DataFrame) -> str:
    """Bilateral turnover as a share of each country's GDP in the latest year with both."""

    parts, years = [], []
    for code, other, frame in ((a, b, gdp_a), (b, a, gdp_b)):
        y = latest_year_with(frame, "pct_gdp")
        years.append(y)
        if frame["gdp_usd_m"].isna().all():
            parts.append(f"the GDP table used here has no GDP for {display_name(code)} in these years")
        elif y is not None:
            parts.append(
                f"in {y}, {display_name(code)}'s trade with {display_name(other)} (its own figures, exports plus imports) equalled "
                f"{adaptive(frame.at[y, 'pct_gdp'], 2)}% of its GDP"
            )
        elif frame["turnover_usd_m"].isna().all():
            parts.append(
                f"{display_name(code)}'s own figures never give both its exports to and its imports from {display_name(other)} "
                "in the same year, so its trade with the partner relative to GDP cannot be computed"
            )
        else:
            parts.append(f"no year gives both {display_name(code)}'s trade with {display_name(other)} and its GDP")
    if years[0] is not None and years[0] == years[1]:  # one year for both: say it once
        parts[1] = parts[1].removeprefix(f"in {years[1]}, ")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def direction_detail(g: dict, exporter: str, importer: str) -> str:
    """How often, over the years both report, the importer's figure for one direction was the lower one and less than
    half of the exporter's (from :func:`gap_summary`); the latest year's figures are in the chart's caption."""
    en, im = display_name(exporter), display_name(importer)
    n, k, nb = g["n_both"], g["n_importer_lower"], g["n_below"]
    if n == 0:
        return (
            f"No year in the period has both {fmt.poss(en)} export figure and {fmt.poss(im)} import figure for this "
            "direction, so the two cannot be compared."
        )
    if n == 1:
        text = (
            f"Only {g['latest_year']} has both figures; {fmt.poss(im)} was the {'lower' if k else 'higher'} of the two"
        )
    elif k == n:
        text = f"{fmt.poss(im)} figure was the lower of the two in every one of the {n} years with both figures"
    elif k == 0:
        text = f"{fmt.poss(im)} figure was never the lower of the two in the {n} years with both figures"
    else:
        text = f"{fmt.poss(im)} figure was the lower of the two in {k} of the {n} years with both figures"
    if nb == 1:
        text += f", and less than half of {fmt.poss(en)} in {g['first_below']}"
    elif nb > 1:
        text += f", and less than half of {fmt.poss(en)} in {nb} of them, the first in {g['first_below']}"
    return text + "."


def gdp_peak_sentence(code: str, frame: pd.DataFrame, gdp_all: pd.Series | None = None) -> str:
    """The year a :func:`trade_to_gdp` ratio peaks, with the GDP of that year and the next (ratios move with GDP too).

    A peak that rests on a GDP flagged by :func:`gdp_artefacts` is not presented as a peak: the sentence says so,
    gives the GDP of the years around it, and names the highest ratio among the other years. ``gdp_all`` is the
    country's whole GDP series (indexed by year), so that the first year of the period can be checked against the
    year before it; without it only the frame's years are used.
    """
    values = frame["pct_gdp"].dropna()
    if values.empty:
        return ""
    gdp = frame["gdp_usd_m"] if gdp_all is None else gdp_all.astype(float).combine_first(frame["gdp_usd_m"])
    odd = gdp_artefacts(gdp)
    y = int(values.idxmax())
    if y in odd:
        text = (
            f"{display_name(code)}'s highest ratio, {adaptive(values.max(), 2)}% in {y}, rests on a GDP of {money(gdp[y])} that year in the World Bank data, "
            f"against {money(gdp[y - 1])} in {y - 1} and {money(gdp[y + 1])} in {y + 1}: a likely currency-conversion artefact in the GDP series rather than a peak in trade"
        )
        rest = values.drop(index=[v for v in odd if v in values.index])
        if not rest.empty:
            y2 = int(rest.idxmax())
            text += f"; leaving {fmt.join_and(str(v) for v in odd if v in values.index)} aside, the ratio is highest in {y2}, at {adaptive(rest.max(), 2)}%"
        return text + "."
    text = (
        f"{display_name(code)}'s ratio is highest in {y}, at {adaptive(values.max(), 2)}%, when its GDP in current US dollars "
        f"was {money(frame.at[y, 'gdp_usd_m'])}"
    )
    if y + 1 in frame.index and pd.notna(frame.at[y + 1, "gdp_usd_m"]):
        text += f" (against {money(frame.at[y + 1, 'gdp_usd_m'])} the next year)"
    return text + "."


# ---------------------------------------------------------------------------------------------
# Press figures
# ---------------------------------------------------------------------------------------------


#: Publishers as readers know them (the source's spelling of Türkiye otherwise left as quoted).
_PUBLISHERS = ((re.compile(r"\bTurkey Ministry of Trade\b"), "Türkiye's Ministry of Trade"),)


def publisher_name(text: object) -> str:
    """A publisher or official as readers know them, with "Türkiye" for the source's "Turkey":
    ``publisher_name("Turkey Ministry of Trade (via AzerNews)") == "Türkiye's Ministry of Trade (via AzerNews)"``,
    ``publisher_name("Turkey (Trade Minister Ömer Bolat)") == "Türkiye (Trade Minister Ömer Bolat)"``; "" if missing.
    Quoted titles are not passed through it."""
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return ""
    out = str(text)
    for pattern, name in _PUBLISHERS:
        out = pattern.sub(name, out)
    return re.sub(r"\bTurkey\b", "Türkiye", out)


def side_label(side, a: str, b: str) -> str:
    """Whose press figure: "Azerbaijan's side" for a side of the pair, else "side not stated"."""
    if side in (a, b):
        return f"{display_name(side)}'s side"
    return "side not stated"


def press_sentence(full: pd.DataFrame, a: str, b: str) -> str:
    """The latest full-year turnover each side gives in the press table (figures flagged as conflicting left out)."""
    latest = latest_turnover(full, a, b)
    if not latest:
        return "The press figures collected here hold no usable full-year turnover figure after the IMF series ends."
    parts = []
    for side, y, values in latest:
        count = f" ({len(values)} figures)" if len(values) > 1 else ""
        who = f"{display_name(side)}'s side" if side else "side not stated"
        parts.append(f"{who}, {money_range(values)} for {y}{count}")
    return (
        "Latest full-year trade turnover in the press figures: "
        + "; ".join(parts)
        + " (figures flagged as conflicting with another report are left out)."
    )
