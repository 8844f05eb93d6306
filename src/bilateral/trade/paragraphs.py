"""Computed paragraphs of the trade report's sections: the pair line, coverage, the ratio of the two records,
why this pair's records differ (sources' explanations), world imports, ranks, GDP, press figures, caveats
and sources. Each takes the report's parameters ``P`` (:class:`bilateral.params.Params`) and the computed
frames it describes; the static prose of the report stays in the notebook's markdown cells.
"""

from __future__ import annotations

import pandas as pd

from bilateral import fmt, ranks
from bilateral.catalog import SOURCES
from bilateral.countries import concerns, display_name
from bilateral.trade.amounts import money
from bilateral.trade.compute import DOTS_YEARS, estimate_ratios, gap_pattern, latest_year_with
from bilateral.trade.importance import gdp_series
from bilateral.trade.press import press_both_sides, press_partial_years
from bilateral.trade.text import gap_pattern_sentence, gdp_peak_sentence, gdp_sentence, press_sentence

__all__ = [
    "caveats_paragraph",
    "composition_missing_sentence",
    "coverage_paragraph",
    "gdp_paragraph",
    "no_direction_sentence",
    "no_shares_sentence",
    "pair_line",
    "press_missing_sentence",
    "press_paragraph",
    "rank_list",
    "ratio_paragraph",
    "sources_list",
    "why_gap_paragraph",
    "world_imports_sentence",
]


def pair_line(P) -> str:
    """The line under the title: the pair, the period and the comparison partners of each side."""
    comps_b = P.extra.get("comparators_b", ())
    return (
        f"**Pair:** {P.name_a} ({P.country_a}) and {P.name_b} ({P.country_b}); **years:** {P.period}; **comparison partners** "
        f"for {P.name_a}'s trade: {', '.join(display_name(c) for c in P.comparators) or 'none'}; for {P.name_b}'s trade: "
        f"{', '.join(display_name(c) for c in comps_b) or 'none'}. All values are current US$ million unless stated."
    )


def coverage_paragraph(P, missing_sentences: list[str]) -> str:
    """The :func:`coverage_sentences`, or a sentence saying both sides report everything."""
    if missing_sentences:
        return " ".join(missing_sentences)
    return f"Both {P.name_a} and {P.name_b} report both directions of their trade with each other in every year of {P.period}."


def no_direction_sentence(P, exporter: str, importer: str) -> str:
    en, im = display_name(exporter), display_name(importer)
    return f"Neither side reports trade from {en} to {im} in {P.period}; there is nothing to chart for this direction."


def _total_gap(g: dict, label: str) -> str:
    gap = g["cumulative_gap_usd_m"]
    if pd.isna(gap):
        return f"cannot be summed for {label}"
    word = "fall short of" if gap < 0 else "exceed"
    return f"{word} the exporter's by {money(abs(gap))} for {label}"


def ratio_paragraph(P, m_ab: pd.DataFrame, m_ba: pd.DataFrame, g_ab: dict, g_ba: dict) -> str:
    """Median ratios, the summed gap of each direction, and what the IMF's estimates say (or that no ratio exists)."""
    if not (m_ab["ratio"].notna().any() or m_ba["ratio"].notna().any()):
        return "No year has both sides' figures for either direction, so no ratio can be computed."
    ab, ba = f"{P.name_a} → {P.name_b}", f"{P.name_b} → {P.name_a}"
    text = (
        f"Over the years both sides report, the median ratio was {fmt.num(g_ab['median_ratio'], 2)} for {ab} and "
        f"{fmt.num(g_ba['median_ratio'], 2)} for {ba}. Summed over those years, the importer's records "
        f"{_total_gap(g_ab, ab)}, and {_total_gap(g_ba, ba)}."
    )
    est_ratios = estimate_ratios(m_ab, m_ba)
    if len(est_ratios) == 1:
        text += (
            f" In every year where one side's value is an IMF estimate, the two figures stand in the same ratio, {fmt.num(est_ratios[0], 2)}: "
            "the estimate is a fixed multiple of the other side's figure, so those years say nothing about how the two records differ."
        )
    elif est_ratios:
        text += (
            " In the years where one side's value is an IMF estimate, the ratios are "
            + ", ".join(fmt.num(r, 2) for r in est_ratios)
            + "."
        )
    return text


def why_gap_paragraph(P, m_ab: pd.DataFrame, m_ba: pd.DataFrame) -> str:
    """For Azerbaijan–Türkiye (either order): the computed pattern of the gap in trade from Azerbaijan to Türkiye
    and the sources' explanations, attributed to them; "" for any other pair."""
    if set(P.pair) != {"AZE", "TUR"}:
        return ""
    m_az_tr = m_ab if P.country_a == "AZE" else m_ba
    pattern = gap_pattern_sentence(gap_pattern(m_az_tr), "AZE", "TUR")
    return (
        "**Why this pair's figures differ so much.** "
        + (pattern + " " if pattern else "")
        + "The data here do not break trade down by product, so they cannot show which goods account for the gap, and this "
        "report does not settle the question. The explanations below are those of the sources, attributed to them:\n\n"
        "- *The compiler of the DOTS extract* (the provenance note filed with the IMF data in this project) describes "
        "Türkiye's recorded imports from Azerbaijan as far below Azerbaijan's recorded exports to Türkiye in the last decade of "
        "the series, and names energy flows as the *likely* cause: pipeline oil and gas attributed to partners differently by "
        "the two sides, kept confidential, or carried through Türkiye in transit (crude oil through the Baku–Tbilisi–Ceyhan "
        "pipeline to the Ceyhan terminal). The note offers this as a probable explanation, not a finding.\n"
        "- *Press reports quoting Türkiye's statistics office (TÜİK)* list mineral fuels first among Türkiye's imports from "
        "Azerbaijan but give no share for them; the collector of the press figures notes that the import total these reports "
        "quote is far below Azerbaijan's export figures (see the composition table at the end).\n"
        "- *A Turkish minister's* later import figure, much higher than the statistics office's, is flagged by the "
        "collector as conflicting with it (see the section on later years).\n\n"
        "These are the sources' explanations, not findings of this report."
    )


def no_shares_sentence(P) -> str:
    return (
        f"Neither {P.name_a}'s nor {P.name_b}'s figures give their trade by partner and with the world in {P.period}, "
        "so no shares can be computed."
    )


def rank_list(P, tr_ranks: pd.DataFrame) -> str:
    """Each country's rank among all of the other's partners, as a Markdown list."""
    pairs = ((P.country_a, P.country_b), (P.country_b, P.country_a))
    return "\n".join(f"- {ranks.trade_sentence(tr_ranks, x, y)}" for x, y in pairs)


def world_imports_sentence(m_w: pd.Series) -> str:
    """What world imports ``M_W`` are, with the latest value (or that they are missing)."""
    mw_year = latest_year_with(m_w.to_frame(), "world_imports_usd_m")
    if not mw_year:
        return "World imports are missing in this period, so no intensity index can be computed."
    return (
        "World imports `M_W` are the IMF's own world total: the imports from the world of the 'World' reporter in DOTS, "
        "which the IMF compiles from all reporters and its own estimates for those that do not report "
        f"({money(m_w.get(mw_year))} in {mw_year})."
    )


def gdp_paragraph(P, gdp_a: pd.DataFrame, gdp_b: pd.DataFrame, macro: pd.DataFrame) -> str:
    """Trade relative to GDP in the latest year, and the year each side's ratio peaks."""
    a, b = P.country_a, P.country_b
    return " ".join(
        [
            gdp_sentence(a, b, gdp_a, gdp_b),
            gdp_peak_sentence(a, gdp_a, gdp_series(macro, a)),
            gdp_peak_sentence(b, gdp_b, gdp_series(macro, b)),
        ]
    ).strip()


def press_paragraph(P, full: pd.DataFrame, press: pd.DataFrame) -> str:
    """The latest press turnover, the years both sides give a figure for one direction, and the partial years."""
    text = press_sentence(full, P.country_a, P.country_b)
    both = press_both_sides(full)
    partial = press_partial_years(press)
    if len(both):
        groups = both.groupby(["year", "exporter", "importer"], sort=True)
        text += (
            " Both sides give a full-year figure for the same direction in "
            + "; ".join(
                f"{y}, {display_name(x)} → {display_name(i)} ("
                + ", ".join(f"{display_name(s)}'s side {money(v)}" for s, v in zip(g["side"], g["value_usd_m"]))
                + ")"
                for (y, x, i), g in groups
            )
            + "."
        )
    if len(partial):
        only_partial = sorted(set(partial["year"].astype(int)) - set(full["year"]))
        text += f" A further {len(partial)} press figures cover only part of a year (for example January–November) and are not shown"
        text += (
            f"; {', '.join(map(str, only_partial))} {'is' if len(only_partial) == 1 else 'are'} covered only by such figures."
            if only_partial
            else "."
        )
    return text


def press_missing_sentence(P) -> str:
    return (
        f"The press figures collected here cover only Azerbaijan–Türkiye trade, so there are no figures after {DOTS_YEARS[1]} for "
        f"{P.name_a}–{P.name_b} in this report."
    )


def composition_missing_sentence(P) -> str:
    return (
        "The press statements on the composition of trade collected here cover only Azerbaijan–Türkiye; there is "
        f"nothing on what {P.name_a} and {P.name_b} trade."
    )


def caveats_paragraph(P, n_est: int) -> str:
    """The sources' caveats that concern the states shown, and how many values shown rest on IMF estimates."""
    keys = ("imf_dots", "press_figures", "wdi_gdp_2022")
    shown = [P.country_a, P.country_b, *P.comparators]
    caveats = [f"- *{SOURCES[k].short}:* {c}" for k in keys for c in SOURCES[k].caveats if concerns(c, shown)]
    est_text = (
        f"In this report, {n_est} of the bilateral values and shares shown {'rests' if n_est == 1 else 'rest'} on values the IMF marks as estimates ('e')."
        if n_est
        else f"The IMF marks none of the {P.name_a}–{P.name_b} values or shares shown here as estimates for {P.period}."
    )
    return (
        "Caveats recorded for these sources in the project's catalogue (from the providers and from the compilers of the "
        "extracts used here):\n\n" + "\n".join(caveats) + "\n\n" + est_text
    )


def sources_list(full: pd.DataFrame | None, composition: pd.DataFrame | None) -> str:
    """The Sources section: full citations, and the press pages quoted (when the press tables are used)."""
    lines = [
        f"- **{SOURCES[k].short}.** {SOURCES[k].citation} Vintage: {fmt.dates_in_text(SOURCES[k].vintage)}. Terms: {SOURCES[k].licence}."
        for k in ("imf_dots", "wdi_gdp_2022", "press_figures")
    ]
    if full is not None:
        used = pd.concat([full[["reported_by", "url"]], composition[["reported_by", "url"]]]).drop_duplicates("url")
        used = used.sort_values(["reported_by", "url"], kind="mergesort")
        lines.append(
            "\n  Press pages quoted in this report:\n"
            + "\n".join(f"  - {r}: <{u}>" for r, u in zip(used["reported_by"], used["url"]))
        )
    return "\n".join(lines)
