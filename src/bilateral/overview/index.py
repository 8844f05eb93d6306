"""The composite relationship index: normalisation, weights, the index per pair and year, the ranking over
each indicator's latest window, and the sensitivity analysis under random weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from bilateral.overview.config import DIRICHLET_ALPHA, INDICATORS, NORMALISATIONS, PAIR_RULE
from bilateral.overview.indicators import indicator_table

__all__ = [
    "VARIANT_LABELS",
    "build_index",
    "composite",
    "draw_weights",
    "indicator_windows",
    "normalise",
    "rank_desc",
    "ranking",
    "renormalised_weights",
    "scores_under",
    "sensitivity",
    "variants",
    "weight_vector",
    "window_means",
]


def normalise(frame: pd.DataFrame, method: str = "minmax") -> pd.DataFrame:
    """Put every indicator on 0–1.

    Args:
        frame: raw indicators, one column each (rows: pair-years).
        method: ``"minmax"``: ``(x - min) / (max - min)`` per column over all rows (a column with one
            distinct value gets 0.5 wherever it has a value); ``"share"``: values kept as they are,
            clipped to 0–1 (shares already are; a negative kappa becomes 0).

    Returns:
        A frame of the same shape; missing values stay missing.

    Example:
        >>> normalise(pd.DataFrame({"x": [2.0, 4.0, None, 3.0]}))["x"].tolist()
        [0.0, 1.0, nan, 0.5]
    """
    if method == "share":
        return frame.clip(lower=0.0, upper=1.0)
    if method != "minmax":
        raise ValueError(f"unknown normalisation {method!r}; use one of {NORMALISATIONS}")
    lo, hi = frame.min(), frame.max()
    span = hi - lo
    out = (frame - lo) / span.where(span > 0)
    flat = span.index[(span == 0).to_numpy()]
    for c in flat:
        out[c] = frame[c].where(frame[c].isna(), 0.5)
    return out


def weight_vector(weights: Mapping[str, float], columns: Sequence[str]) -> np.ndarray:
    """The weights in the order of ``columns`` (a column without a weight gets 0)."""
    return np.array([float(weights.get(c, 0.0)) for c in columns], dtype=float)


def composite(norm: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """The weighted mean of the normalised indicators each row has, with renormalised weights.

    For a row with indicators ``x_i`` present (``m_i = 1``) or missing (``m_i = 0``) and weights ``w_i``:
    ``index = sum(w_i m_i x_i) / sum(w_i m_i)``. Missing indicators are not treated as zero: their
    weight is shared out over the others in proportion to their weights.

    Returns:
        Columns ``index`` (NaN when no weighted indicator is present), ``coverage`` (number of
        indicators with a positive weight that are present) and ``weight_share`` (the share of the
        total weight that those indicators carry, before renormalising).

    Example:
        >>> composite(pd.DataFrame({"a": [1.0], "b": [None]}), {"a": 1, "b": 3})["index"].tolist()
        [1.0]
    """
    cols = list(norm.columns)
    w = weight_vector(weights, cols)
    x = norm.to_numpy(dtype=float)
    present = ~np.isnan(x)
    used = present & (w > 0)
    den = (used * w).sum(axis=1)
    num = (np.where(used, x, 0.0) * w).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        idx = np.where(den > 0, num / den, np.nan)
    return pd.DataFrame(
        {
            "index": idx,
            "coverage": used.sum(axis=1).astype(int),
            "weight_share": den / w.sum() if w.sum() > 0 else np.nan,
        },
        index=norm.index,
    )


def renormalised_weights(weights: Mapping[str, float], present: Iterable[str]) -> dict[str, float]:
    """The weights actually applied when only the indicators in ``present`` are available (they sum to 1).

    Example:
        >>> renormalised_weights({"a": 1, "b": 1, "c": 2}, ["a", "c"])
        {'a': 0.3333333333333333, 'b': 0.0, 'c': 0.6666666666666666}
    """
    present = set(present)
    total = sum(float(w) for k, w in weights.items() if k in present)
    return {k: (float(w) / total if k in present and total > 0 else 0.0) for k, w in weights.items()}


def indicator_windows(raw: pd.DataFrame, n_years: int) -> dict[str, tuple[int, int] | None]:
    """For each indicator, the latest ``n_years`` calendar years ending in its last year with data for any pair.

    This is the "latest available data" rule: each indicator is scored over its own most recent
    window, so that a source that ends earlier (IMF DOTS in 2020) still counts.

    Returns:
        ``{indicator: (first, last)}``, or None for an indicator with no data at all.
    """
    years = raw.index.get_level_values("year")
    out: dict[str, tuple[int, int] | None] = {}
    for c in raw.columns:
        has = years[raw[c].notna().to_numpy()]
        if len(has) == 0:
            out[c] = None
        else:
            last = int(has.max())
            out[c] = (max(int(years.min()), last - n_years + 1), last)
    return out


def window_means(frame: pd.DataFrame, windows: Mapping[str, tuple[int, int] | None]) -> pd.DataFrame:
    """Each pair's mean of each indicator over the indicator's window (years without data are skipped).

    Returns:
        Pairs (in the frame's order) × indicators; NaN where a pair has no value in the window.
    """
    pairs = list(dict.fromkeys(frame.index.get_level_values("pair")))
    years = frame.index.get_level_values("year")
    out = pd.DataFrame(index=pd.Index(pairs, name="pair"), columns=list(frame.columns), dtype=float)
    for c in frame.columns:
        w = windows.get(c)
        if w is None:
            continue
        sub = frame.loc[(years >= w[0]) & (years <= w[1]), c]
        out[c] = sub.groupby(level="pair").mean().reindex(pairs).to_numpy()
    return out.astype(float)


def rank_desc(scores: pd.Series) -> pd.Series:
    """Ranks, 1 = highest score; ties share the better rank; missing scores get no rank.

    Example:
        >>> rank_desc(pd.Series([0.2, 0.9, 0.2, None], index=list("abcd"))).tolist()
        [2, 1, 2, <NA>]
    """
    return scores.rank(ascending=False, method="min").astype("Int64")


def ranking(means: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Score and rank the pairs on their window means (:func:`composite` applied to each pair).

    Returns:
        Columns ``score, coverage, weight_share, rank``, indexed by pair, in the order of ``means``.
    """
    out = composite(means, weights).rename(columns={"index": "score"})
    out["rank"] = rank_desc(out["score"])
    return out


def draw_weights(n_draws: int, indicators: Sequence[str], seed: int, alpha: float = DIRICHLET_ALPHA) -> pd.DataFrame:
    """``n_draws`` weight vectors over ``indicators`` from a symmetric Dirichlet(``alpha``) distribution.

    With ``alpha = 1`` every weighting (non-negative, summing to 1) is equally likely. The generator
    is numpy's ``default_rng(seed)``, so a seed gives the same draws on every run.

    Returns:
        Draws × indicators; each row sums to 1.
    """
    rng = np.random.default_rng(seed)
    w = rng.dirichlet(np.full(len(indicators), float(alpha)), size=n_draws)
    return pd.DataFrame(w, columns=list(indicators))


def scores_under(means: pd.DataFrame, draws: pd.DataFrame) -> pd.DataFrame:
    """Each pair's score under each weight vector, with renormalised weights for missing indicators.

    Returns:
        Draws × pairs (NaN where a pair has none of the drawn indicators).
    """
    cols = list(draws.columns)
    x = means[cols].to_numpy(dtype=float)
    m = ~np.isnan(x)
    w = draws.to_numpy(dtype=float)
    num = w @ np.where(m, x, 0.0).T
    den = w @ m.T.astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.where(den > 0, num / den, np.nan)
    return pd.DataFrame(s, columns=means.index, index=draws.index)


def sensitivity(
    means: pd.DataFrame, weights: Mapping[str, float], n_draws: int, seed: int, alpha: float = DIRICHLET_ALPHA
) -> dict:
    """How the ranking of the pairs moves when the weights are drawn at random.

    Only the indicators with a positive weight in ``weights`` are drawn (a zero weight removes an
    indicator from the index altogether).

    Returns:
        ``draws`` (draws × indicators), ``ranks`` (draws × pairs, 1 = first), ``distribution`` (pairs ×
        ranks: share of draws, 0–1), ``summary`` (per pair: ``base_rank`` under ``weights``,
        ``share_first``, ``median_rank``, ``best_rank``, ``worst_rank``, ``p5_rank``, ``p95_rank``) and
        ``weights_when_first`` (per pair that ever ranks first: the mean drawn weights in those draws).
    """
    active = [c for c in means.columns if float(weights.get(c, 0.0)) > 0]
    means = means[means[active].notna().any(axis=1)]
    draws = draw_weights(n_draws, active, seed, alpha)
    scores = scores_under(means, draws)
    ranks = scores.rank(axis=1, ascending=False, method="min")
    n_pairs = len(means)
    dist = pd.DataFrame({r: (ranks == r).mean(axis=0) for r in range(1, n_pairs + 1)}, index=means.index)
    dist.columns.name = "rank"
    base = ranking(means, weights)["rank"]
    summary = pd.DataFrame(
        {
            "base_rank": base,
            "share_first": (ranks == 1).mean(axis=0),
            "median_rank": ranks.median(axis=0),
            "best_rank": ranks.min(axis=0),
            "worst_rank": ranks.max(axis=0),
            "p5_rank": ranks.quantile(0.05, axis=0, interpolation="lower"),
            "p95_rank": ranks.quantile(0.95, axis=0, interpolation="higher"),
        },
        index=means.index,
    )
    firsts = {}
    for p in means.index:
        mask = (ranks[p] == 1).to_numpy()
        if mask.any():
            firsts[p] = draws[mask].mean(axis=0)
    wf = pd.DataFrame(firsts).T.reindex(columns=active) if firsts else pd.DataFrame(columns=active)
    return {"draws": draws, "ranks": ranks, "distribution": dist, "summary": summary, "weights_when_first": wf}


def build_index(
    un: pd.DataFrame,
    directional: pd.DataFrame,
    pairs: Sequence[tuple[str, str]],
    years: Iterable[int],
    weights: Mapping[str, float],
    *,
    normalisation: str = "minmax",
    rule: str = PAIR_RULE,
    rank_years: int = 5,
) -> dict:
    """The whole index from its inputs: raw and normalised indicators, yearly index, windows, ranking.

    Returns:
        ``raw`` and ``norm`` (pair-year × indicators), ``index`` (:func:`composite` per pair-year),
        ``windows`` (:func:`indicator_windows`), ``raw_means`` and ``norm_means`` (pairs × indicators)
        and ``base`` (:func:`ranking` of the pairs on ``weights``).
    """
    raw = indicator_table(un, directional, pairs, years, rule)
    norm = normalise(raw, normalisation)
    windows = indicator_windows(raw, rank_years)
    norm_means = window_means(norm, windows)
    return {
        "raw": raw,
        "norm": norm,
        "index": composite(norm, weights),
        "windows": windows,
        "raw_means": window_means(raw, windows),
        "norm_means": norm_means,
        "base": ranking(norm_means, weights),
    }


#: Short names of the alternative choices of :func:`variants` (table headers that fit a phone).
VARIANT_LABELS = {
    "share": "Shares as they are",
    "minmax": "Min–max",
    "mean": "Mean of directions",
    "max": "Larger direction",
    "agreement_share": "Raw UN agreement",
    "kappa": "UN kappa",
    "no_gas": "Equal weights, no gas",
}


def variants(
    un_rows: Mapping[str, pd.DataFrame],
    directional: pd.DataFrame,
    pairs: Sequence[tuple[str, str]],
    years: Iterable[int],
    weights: Mapping[str, float],
    *,
    un_measure: str,
    normalisation: str,
    rank_years: int,
) -> dict[str, dict]:
    """The index on the chosen method and under other reasonable choices, one change at a time.

    Args:
        un_rows: :func:`bilateral.overview.indicators.un_table` output for each UN measure.
        directional, pairs, years, weights: as for :func:`build_index`.
        un_measure, normalisation, rank_years: the choices of the report.

    Returns:
        ``{label: build_index result}``: "Chosen" first, then the other normalisation, the other rule for
        combining the two directions, the other UN measure, and equal weights without the gas indicator
        (labels: :data:`VARIANT_LABELS`).
    """
    years = list(years)
    other_norm = "share" if normalisation == "minmax" else "minmax"
    other_rule = "mean" if PAIR_RULE == "max" else "max"
    other_un = "agreement_share" if un_measure == "kappa" else "kappa"
    no_gas = {**dict.fromkeys(INDICATORS, 1.0), "energy": 0.0}
    chosen = {"normalisation": normalisation, "rank_years": rank_years}
    un = un_rows[un_measure]
    return {
        "Chosen": build_index(un, directional, pairs, years, weights, **chosen),
        VARIANT_LABELS[other_norm]: build_index(
            un, directional, pairs, years, weights, normalisation=other_norm, rank_years=rank_years
        ),
        VARIANT_LABELS[other_rule]: build_index(un, directional, pairs, years, weights, rule=other_rule, **chosen),
        VARIANT_LABELS[other_un]: build_index(un_rows[other_un], directional, pairs, years, weights, **chosen),
        VARIANT_LABELS["no_gas"]: build_index(un, directional, pairs, years, no_gas, **chosen),
    }
