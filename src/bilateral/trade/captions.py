"""Captions, alt text and notes of the trade report's figures and tables.

Each function takes the report's parameters ``P`` (:class:`bilateral.params.Params`) where it needs the
pair, the names or the period, and the computed frames it describes; numbers are computed, never typed.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, ranks
from bilateral.countries import display_name
from bilateral.trade.amounts import money
from bilateral.trade.compute import count_estimates
from bilateral.trade.press import TURNOVER
from bilateral.trade.text import (
    balance_sentence,
    gdp_peak_sentence,
    gdp_sentence,
    intensity_sentence,
    press_sentence,
    share_sentence,
)
from bilateral.trade.titles import (
    balance_title,
    gdp_title,
    intensity_title,
    mirror_title,
    press_title,
    rank_lines_title,
    ratio_title,
    shares_title,
    top_partners_title,
)

__all__ = [
    "COMPOSITION_CAPTION",
    "COMPOSITION_NOTE",
    "INTENSITY_TABLE_NOTE",
    "MIRROR_TABLE_NOTE",
    "PRESS_FIGURE_NOTE",
    "PRESS_TABLE_CAPTION",
    "PRESS_TABLE_NOTE",
    "RANK_TABLE_NOTE",
    "SHARES_TABLE_NOTE",
    "balance_alt",
    "balance_caption",
    "gdp_alt",
    "gdp_caption",
    "intensity_alt",
    "intensity_caption",
    "intensity_table_caption",
    "mirror_alt",
    "mirror_caption",
    "mirror_estimates_note",
    "mirror_table_caption",
    "press_alt",
    "press_caption",
    "rank_over_time_alt",
    "rank_over_time_caption",
    "rank_table_caption",
    "ratio_alt",
    "ratio_caption",
    "shares_alt",
    "shares_caption",
    "shares_note",
    "shares_table_caption",
    "top_partners_alt",
    "top_partners_caption",
]

#: Notes under tables (static wording).
MIRROR_TABLE_NOTE = "'e' marks IMF estimates; '–' means not reported."
SHARES_TABLE_NOTE = "'e': rests on an IMF estimate; '–': not reported."
INTENSITY_TABLE_NOTE = (
    "Exporter's own export figures; the partner's own import total; 'n/a' where a figure is missing in every year."
)
RANK_TABLE_NOTE = (
    "'joint' marks a rank shared by partners with equal values; 'not covered': the data do not hold that "
    "reporter's trade with every partner."
)
PRESS_FIGURE_NOTE = (
    "Press points marked in the table below with † are flagged by the collector of the press figures as conflicting "
    "with another figure."
)
PRESS_TABLE_CAPTION = "Full-year trade figures after 2020 quoted in the press, by whose figures they are, US$ million."
COMPOSITION_CAPTION = "What the press says about the goods traded (statements as collected, partial years included)."
COMPOSITION_NOTE = "Press snippets, not a product breakdown: no numeric share of energy in the trade was found."
PRESS_TABLE_NOTE = (
    "Several figures from one side are listed, not averaged. ≈: approximate; ≥: lower bound ('exceeded'); †: flagged by "
    "the collector as conflicting with another reported figure. Press figures, not the IMF series."
)


# ---------------------------------------------------------------------------------------------
# Each direction, as each side reports it
# ---------------------------------------------------------------------------------------------


def mirror_estimates_note(*mirrors: pd.DataFrame) -> str:
    """The note on IMF estimates under the first chart of the mirror section, from the :func:`mirror` frames."""
    n = count_estimates(*(m[c] for m in mirrors for c in ("exporter_is_estimate", "importer_is_estimate")))
    if n:
        return f"Hollow markers: values the IMF marks as estimates ('e'); {n} of the values in this section are."
    return "None of the values in this section is marked by the IMF as an estimate."


def mirror_caption(exporter: str, importer: str, g: dict) -> str:
    """The finding (:func:`mirror_title`), then what the chart of one direction draws."""
    en, im = display_name(exporter), display_name(importer)
    return (
        f"{mirror_title(g, exporter, importer)} Trade from {en} to {im}: {fmt.poss(en)} exports (FOB) and "
        f"{fmt.poss(im)} imports (CIF), each as that country records them, US$ million."
    )


def mirror_alt(P, g: dict, exporter: str, importer: str) -> str:
    """Alt text of one direction's chart, from its :func:`gap_summary`."""
    en, im = display_name(exporter), display_name(importer)
    y = g["latest_year"]
    return (
        f"Line chart, {P.period}, of trade from {en} to {im} in US$ million: {en}'s reported exports and {im}'s reported imports. "
        + (
            f"In {y} {en} reported {money(g['latest_exporter_usd_m'])} and {im} {money(g['latest_importer_usd_m'])}."
            if y
            else "The two sides never both report a year."
        )
    )


def ratio_caption(P, g_ab: dict, g_ba: dict) -> str:
    title = ratio_title(g_ab, g_ba, P.country_a, P.country_b)
    return (
        f"{title} Importer's reported imports divided by exporter's reported exports, each direction, {P.period} "
        "(log scale; 1 = the two records agree)."
    ).strip()


def ratio_alt(P, g_ab: dict, g_ba: dict) -> str:
    na, nb = P.name_a, P.name_b
    return (
        f"Line chart of the ratio of importer-reported to exporter-reported trade, log scale, {P.period}. "
        f"{na} → {nb}: median {fmt.num(g_ab['median_ratio'], 2)}, {fmt.num(g_ab['latest_ratio'], 2)} in {g_ab['latest_year']}. "
        f"{nb} → {na}: median {fmt.num(g_ba['median_ratio'], 2)}, {fmt.num(g_ba['latest_ratio'], 2)} in {g_ba['latest_year']}."
    )


def mirror_table_caption(P) -> str:
    return (
        f"Both directions of {P.name_a}–{P.name_b} trade by year, each as its exporter and its importer record it, "
        f"{P.period}, US$ million (the ratio of the two is charted above and given in the data file)."
    )


# ---------------------------------------------------------------------------------------------
# Balance and shares
# ---------------------------------------------------------------------------------------------


def balance_caption(P, bal: pd.DataFrame) -> str:
    title = balance_title(bal, P.country_a, P.country_b)
    return (
        f"{title} {fmt.poss(P.name_a)} trade balance with {P.name_b} by each side's records, {P.period}, US$ million "
        f"(above 0: surplus for {P.name_a})."
    ).strip()


def balance_alt(P, bal: pd.DataFrame) -> str:
    return (
        f"Line chart of {P.name_a}'s balance with {P.name_b} from {P.name_a}'s records and from {P.name_b}'s records, "
        f"{P.period}. " + balance_sentence(bal, P.country_a, P.country_b)
    )


def shares_caption(P, sh_ax: pd.DataFrame, sh_bx: pd.DataFrame) -> str:
    title = shares_title(P, sh_ax, sh_bx)
    return (
        f"{title} Partner shares of each country's total exports and imports, {P.period}, %, each country's own "
        "figures; the partner in colour, the other partners compared in grey."
    ).strip()


def shares_note(panels: Sequence[tuple[str, pd.DataFrame, str]]) -> str:
    if any(f["is_estimate"].any() for _, f, _ in panels):
        return "Hollow markers: a share resting on a value the IMF marks as an estimate."
    return "None of these shares rests on a value marked by the IMF as an estimate."


def shares_alt(P, sh_ax: pd.DataFrame, sh_am: pd.DataFrame, sh_bx: pd.DataFrame, sh_bm: pd.DataFrame) -> str:
    return "Small multiples of partner shares of total trade. " + share_sentence(
        P.country_a, P.country_b, sh_ax, sh_am, sh_bx, sh_bm
    )


def shares_table_caption(share_year: int) -> str:
    return (
        f"Partner shares of each country's total exports and imports in the latest year with data ({share_year} unless the "
        "country's figures end earlier), %, each country's own figures; ranks are among the partners listed."
    )


# ---------------------------------------------------------------------------------------------
# Ranks among all partners
# ---------------------------------------------------------------------------------------------


def rank_table_caption(P) -> str:
    return (
        "Rank of each country among all of the other's trading partners with recorded trade, in the other's own "
        f"records, by its exports plus imports, its exports and its imports, {P.period} (every fifth year and the "
        "last; every year in the data file)."
    )


def top_partners_caption(dots: pd.DataFrame, top: pd.DataFrame, reporter: str, partner: str, year: int) -> str:
    """Caption of a reporter's ten largest partners in ``year``: where ``partner`` ranks among all, then the chart."""
    r = ranks.rank_of(ranks.trade_ranked(dots, reporter, [year]), partner, where={"flow": "total", "year": year})
    return (
        f"{top_partners_title(top, reporter, partner, year, r)} {fmt.poss(display_name(reporter))} ten largest trading "
        f"partners in {year}, exports plus imports in its own records; {display_name(partner)} in colour."
    )


def top_partners_alt(top: pd.DataFrame, reporter: str, year: int) -> str:
    return ranks.top_alt(top, "value_usd_m", money, f"{display_name(reporter)}'s largest trading partners in {year}")


def rank_over_time_caption(P, lines) -> str:
    return (
        f"{rank_lines_title(lines)} Rank of each country among all of the other's trading partners by exports plus imports, each in the other's "
        f"own records, {P.period} (1 = largest partner)."
    ).strip()


def rank_over_time_alt(P, tr_ranks: pd.DataFrame, complete) -> str:
    pairs = ((P.country_a, P.country_b), (P.country_b, P.country_a))
    return "Line chart of ranks by year, rank 1 at the top. " + " ".join(
        ranks.trade_sentence(tr_ranks, x, y) for x, y in pairs if x in complete
    )


# ---------------------------------------------------------------------------------------------
# Intensity and GDP
# ---------------------------------------------------------------------------------------------


def intensity_caption(P, int_ab: pd.DataFrame, int_ba: pd.DataFrame) -> str:
    return (
        f"{intensity_title(P, int_ab, int_ba)} Trade intensity index of each country's exports to the other, "
        f"{P.period} (log scale; 1 = as large a share as the partner's share of world imports)."
    ).strip()


def intensity_alt(P, int_ab: pd.DataFrame, int_ba: pd.DataFrame, window: range) -> str:
    return "Line chart of trade intensity indices, log scale. " + intensity_sentence(
        P.country_a, P.country_b, int_ab, int_ba, window
    )


def intensity_table_caption(window: range) -> str:
    return (
        "Mean trade intensity index of each country's exports to the partner and to the comparison partners, "
        f"{fmt.years(window.start, window.stop - 1)}."
    )


def gdp_caption(P, gdp_a: pd.DataFrame, gdp_b: pd.DataFrame) -> str:
    return (
        f"{gdp_title(P, gdp_a, gdp_b)} Bilateral trade as a share of each country's GDP (each side's own trade figures), {P.period}, %; "
        "the two panels have different scales."
    ).strip()


def gdp_alt(P, gdp_a: pd.DataFrame, gdp_b: pd.DataFrame, gdp_all_a: pd.Series | None = None) -> str:
    """Alt text of the GDP chart; ``gdp_all_a``: country_a's whole GDP series (see :func:`gdp_peak_sentence`)."""
    return (
        "Two line charts, one per country, each with its own scale, of bilateral trade as a percentage of that country's GDP. "
        + gdp_sentence(P.country_a, P.country_b, gdp_a, gdp_b)
        + " "
        + gdp_peak_sentence(P.country_a, gdp_a, gdp_all_a)
    ).strip()


# ---------------------------------------------------------------------------------------------
# Press figures
# ---------------------------------------------------------------------------------------------


def press_caption(P, turnover: pd.DataFrame, full: pd.DataFrame) -> str:
    return (
        f"{press_title(turnover, full, P)} Trade turnover (exports plus imports) from each side's IMF figures to "
        f"{P.end_year} (lines) and full-year turnover figures quoted in the press after 2020 (hollow markers, not "
        "joined), US$ million."
    ).strip()


def press_alt(P, full: pd.DataFrame) -> str:
    pts = full[full["measure"] == TURNOVER]
    when = fmt.years(int(pts["year"].min()), int(pts["year"].max())) if len(pts) else "no year"
    return (
        f"Line chart of {P.name_a}'s and {P.name_b}'s own turnover figures to {P.end_year}, then {len(pts)} press figures for "
        f"{when}. " + press_sentence(full, P.country_a, P.country_b)
    )
