"""Text of the overview's relationship-index section: the method paragraphs (computed from the parameters), and
the captions and alt text of its charts and tables, each leading with what the numbers show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from bilateral import fmt
from bilateral import military as mil
from bilateral.overview.config import ARMS_WINDOW, INDICATOR_LABELS, INDICATOR_MEANING, INDICATORS, PAIR_RULE
from bilateral.overview.index import VARIANT_LABELS
from bilateral.overview.tables import window_label

__all__ = [
    "NORMALISATION_NAMES",
    "directional_caption",
    "index_alt",
    "index_caption",
    "index_table_caption",
    "indicator_list",
    "normalisation_paragraph",
    "rank_distribution_alt",
    "rank_distribution_caption",
    "ranking_paragraph",
    "sensitivity_method",
    "sensitivity_table_caption",
    "variants_caption",
    "window_table_caption",
]

#: The normalisations as readers know them.
NORMALISATION_NAMES = {"minmax": "min–max", "share": "shares as they are"}


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


def index_caption(P, idx: pd.DataFrame, main: str, normalisation: str, weights: Mapping[str, float]) -> str:
    """Caption of the index-by-year chart, leading with the pair's latest value and its rank among the pairs with a
    value that year (``idx``: :func:`bilateral.overview.index.composite` by pair and year)."""
    w = ", ".join(f"{INDICATOR_LABELS[k]} {fmt.num(weights[k], 2)}" for k in INDICATORS)
    wide = idx["index"].unstack("pair")
    mine = wide[main].dropna() if main in wide else pd.Series(dtype=float)
    if len(mine):
        y = int(mine.index[-1])
        that_year = wide.loc[y].dropna()
        rank = int((that_year > mine.iloc[-1]).sum()) + 1
        lead = f"In {y} the index of {main} was {mine.iloc[-1]:.2f}"
        if len(that_year) > 1:
            lead += f", {fmt.ordinal(rank)} of the {len(that_year)} pairs with a value that year"
        lead += ". "
    else:
        lead = f"The index has no value for {main} in {P.period}. "
    return (
        lead + f"Relationship index by year, {P.period}, for {main} (black) and the comparison pairs (grey): weighted "
        f"mean of the available normalised indicators ({NORMALISATION_NAMES[normalisation]}; weights {w}). Hollow "
        "markers: fewer indicators than in the pair's best-covered years, so a jump there may come from an indicator "
        "entering or leaving. The strip below counts the indicators behind each value."
    )


def index_alt(idx: pd.DataFrame) -> str:
    """Alt text of the index-by-year chart: each pair's latest value and the indicators behind it."""
    wide = idx["index"].unstack("pair")
    order = list(dict.fromkeys(idx.index.get_level_values("pair")))  # the report's pair first, as in the chart
    last = {p: wide[p].dropna() for p in order}
    return (
        "Line chart of the index (0 to 1) by year with a strip of indicator counts below. Latest values: "
        + "; ".join(
            f"{p} {s.iloc[-1]:.2f} in {int(s.index[-1])} (from {int(idx.loc[(p, int(s.index[-1])), 'coverage'])} indicators)"
            for p, s in last.items()
            if len(s)
        )
        + "."
    )


def window_table_caption(un_measure: str, windows: Mapping[str, tuple[int, int] | None]) -> str:
    """Caption of the table of each pair's indicators over their ranking windows (the years in each header)."""
    arms = windows.get("arms")
    trailing = ""
    if arms and ARMS_WINDOW > 1:
        first = max(mil.DATA_YEARS[0], arms[0] - ARMS_WINDOW + 1)
        trailing = (
            f" Arms: each year's value is a trailing {ARMS_WINDOW}-year share, so the deliveries behind "
            f"{fmt.years(*arms)} run from {first} to {arms[1]}."
        )
    return (
        f"Each pair's indicators over their ranking windows: the raw mean (UN: {un_measure.replace('_', ' ')}; others: "
        f"shares, %) → its normalised value (0–1). '–': no value in the window.{trailing}"
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


def rank_distribution_caption(n_draws: int, seed: int, summary: pd.DataFrame, main: str) -> str:
    """Caption of the chart of ranks under random weights, leading with how often the pair and the pair most often
    first rank first (``summary``: the sensitivity summary)."""
    lead = ""
    if main in summary.index and len(summary) > 1:
        most = summary["share_first"].idxmax()
        lead = f"{main} ranks first in {fmt.pct(summary.at[main, 'share_first'] * 100)} of the random weightings"
        if most != main:
            lead += f", {most} in {fmt.pct(summary.at[most, 'share_first'] * 100)}"
        lead += ". "
    return lead + (
        f"Share of {fmt.integer(n_draws)} random weightings (flat Dirichlet, seed {seed}) in which each pair takes each "
        f"rank; {main} in bold. In brackets, its rank on the chosen weights."
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
    """Caption of the sensitivity table (what its short headers mean)."""
    return (
        f"Scores and ranks on the chosen weights, and the spread of ranks over {fmt.integer(n_draws)} random weightings. "
        "'First in': the share of the weightings in which the pair ranks first; '90% of ranks': the ranks of the middle "
        "90% of weightings. 'Indicators' counts those the pair has in the ranking windows; a pair with fewer indicators "
        "is scored on those it has."
    )


#: What each alternative choice of :func:`bilateral.overview.index.variants` changes, by its label.
VARIANT_MEANING = {
    VARIANT_LABELS["share"]: "shares kept as they are instead of min–max scaling",
    VARIANT_LABELS["minmax"]: "min–max scaling instead of shares as they are",
    VARIANT_LABELS["mean"]: "the mean of a pair's two directional shares instead of the larger",
    VARIANT_LABELS["max"]: "the larger of a pair's two directional shares instead of the mean",
    VARIANT_LABELS["agreement_share"]: "the raw share of UN votes cast alike instead of kappa",
    VARIANT_LABELS["kappa"]: "UN kappa instead of the raw share of votes cast alike",
    VARIANT_LABELS["no_gas"]: "equal weights without the gas indicator (which exists only for pairs with Türkiye)",
}


def variants_caption(variants: Mapping[str, dict]) -> str:
    """Caption of the table of ranks under the alternative choices (its headers are the labels of ``variants``)."""
    changes = "; ".join(f"'{k}': {VARIANT_MEANING[k]}" for k in list(variants)[1:] if k in VARIANT_MEANING)
    return f"Ranks of the pairs under other reasonable choices, one change at a time: {changes}."


def index_table_caption(idx: pd.DataFrame, every: int) -> str:
    """Caption of the table of the index by pair and year (shown every ``every`` years and in the last year)."""
    years = idx.index.get_level_values("year")
    shown = (
        ""
        if every <= 1 or years.max() - years.min() < every
        else f"{years.min()}, every {every} years and {years.max()}; "
    )
    return (
        f"The index by pair and year ({shown}all years in the data file); in brackets, the number of indicators it "
        f"rests on (of {len(INDICATORS)}). '–': no indicator that year."
    )
