"""How much each country matters to the other: partner shares and ranks among the comparators, the trade
intensity index, and trade relative to GDP (pure functions on DataFrames; each figure from one reporter,
see :mod:`bilateral.trade.compute`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral.trade.compute import EXPORTS, IMPORTS, WORLD, series

__all__ = [
    "GDP_JUMP_FACTOR",
    "gdp_artefacts",
    "gdp_series",
    "intensity",
    "intensity_series",
    "intensity_table",
    "rank_among",
    "share_of",
    "shares",
    "trade_to_gdp",
    "world_imports",
]


# ---------------------------------------------------------------------------------------------
# Shares and ranks among the comparators
# ---------------------------------------------------------------------------------------------


def shares(
    trade: pd.DataFrame, reporter: str, partners: Sequence[str], flow: str, years: Iterable[int]
) -> pd.DataFrame:
    """Each partner's share of a reporter's total exports or imports, from the reporter's own figures.

    Args:
        trade: ``trade_bilateral`` rows.
        reporter: whose trade.
        partners: partner codes (not ``WLD``).
        flow: ``"exports"`` or ``"imports"``.
        years: years wanted.

    Returns:
        Long frame: ``year, partner, value_usd_m, total_usd_m, share_pct, is_estimate`` where
        ``share_pct = 100 * value / total`` and ``is_estimate`` is True if either figure is an IMF
        estimate. Missing values stay missing.
    """
    years = list(years)
    total = series(trade, reporter, WORLD, flow, years)
    frames = []
    for partner in partners:
        s = series(trade, reporter, partner, flow, years)
        tot = total["value_usd_m"].where(total["value_usd_m"] > 0)
        frames.append(
            pd.DataFrame(
                {
                    "year": years,
                    "partner": partner,
                    "value_usd_m": s["value_usd_m"].to_numpy(),
                    "total_usd_m": total["value_usd_m"].to_numpy(),
                    "share_pct": (100 * s["value_usd_m"] / tot).to_numpy(),
                    "is_estimate": (s["is_estimate"] | total["is_estimate"]).to_numpy(),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def rank_among(share_frame: pd.DataFrame, partner: str, year: int) -> tuple[int | None, int]:
    """Rank of ``partner`` by share in one year among the partners of a :func:`shares` frame.

    Returns:
        ``(rank, n)``: 1 = largest share; rank is None if the partner's share is missing. ``n`` counts
        partners with a share that year.
    """
    year_rows = share_frame[(share_frame["year"] == year)].dropna(subset=["share_pct"])
    n = len(year_rows)
    if partner not in set(year_rows["partner"]):
        return None, n
    ordered = year_rows.sort_values("share_pct", ascending=False, kind="mergesort")["partner"].tolist()
    return ordered.index(partner) + 1, n


def share_of(frame: pd.DataFrame, partner: str, year: int) -> float:
    """A partner's share (%) in one year from a :func:`shares` frame (NaN if missing)."""
    rows = frame[(frame["partner"] == partner) & (frame["year"] == year)]
    return float(rows["share_pct"].iloc[0]) if len(rows) else float("nan")


# ---------------------------------------------------------------------------------------------
# Trade intensity
# ---------------------------------------------------------------------------------------------


def world_imports(trade: pd.DataFrame, years: Iterable[int]) -> pd.Series:
    """World imports ``M_w`` by year: the IMF's own world aggregate (reporter ``WLD``, partner ``WLD``).

    DOTS publishes a "World" row that totals all reporters' imports from the world (its own
    aggregate, including IMF estimates for countries that do not report). Using it rather than
    summing the reporters here avoids double-counting former or constituent economies.

    Returns:
        A Series indexed by year (NaN where missing).
    """
    return series(trade, WORLD, WORLD, IMPORTS, years)["value_usd_m"].rename("world_imports_usd_m")


def intensity(x_ab, x_a, m_b, m_w):
    """Trade intensity index ``(x_ab / x_a) / (m_b / m_w)`` (works on scalars, arrays and Series).

    Args:
        x_ab: exports of A to B (A's figure).
        x_a: A's exports to the world (A's figure).
        m_b: B's imports from the world (B's figure).
        m_w: world imports.

    Returns:
        The index; NaN where a denominator is zero or missing.
    """
    x_a = np.where(np.asarray(x_a, dtype=float) == 0, np.nan, x_a)
    m_w = np.where(np.asarray(m_w, dtype=float) == 0, np.nan, m_w)
    m_b = np.where(np.asarray(m_b, dtype=float) == 0, np.nan, m_b)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = (np.asarray(x_ab, dtype=float) / x_a) / (np.asarray(m_b, dtype=float) / m_w)
    if isinstance(x_ab, pd.Series):
        return pd.Series(value, index=x_ab.index)
    return value if np.ndim(value) else float(value)


def intensity_series(
    trade: pd.DataFrame, exporter: str, importer: str, years: Iterable[int], m_w: pd.Series | None = None
) -> pd.DataFrame:
    """The trade intensity index of ``exporter``'s exports to ``importer``, by year.

    Returns:
        A frame indexed by ``year`` with the components ``x_ab_usd_m`` (exporter's reported
        exports to importer), ``x_a_usd_m`` (exporter's exports to the world), ``m_b_usd_m``
        (importer's imports from the world), ``m_w_usd_m`` (world imports) and ``intensity``.
    """
    years = list(years)
    if m_w is None:
        m_w = world_imports(trade, years)
    out = pd.DataFrame(
        {
            "x_ab_usd_m": series(trade, exporter, importer, EXPORTS, years)["value_usd_m"],
            "x_a_usd_m": series(trade, exporter, WORLD, EXPORTS, years)["value_usd_m"],
            "m_b_usd_m": series(trade, importer, WORLD, IMPORTS, years)["value_usd_m"],
            "m_w_usd_m": m_w.reindex(years).to_numpy(),
        }
    )
    out["intensity"] = intensity(out["x_ab_usd_m"], out["x_a_usd_m"], out["m_b_usd_m"], out["m_w_usd_m"])
    return out


def intensity_table(trade: pd.DataFrame, exporter: str, partners: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """Mean trade intensity of ``exporter``'s exports to each partner over ``years``.

    Returns:
        One row per partner: ``partner``, ``mean_intensity`` (mean of the yearly indices that can be
        computed) and ``n_years`` (how many).
    """
    years = list(years)
    m_w = world_imports(trade, years)
    rows = []
    for partner in partners:
        s = intensity_series(trade, exporter, partner, years, m_w)["intensity"].dropna()
        rows.append(
            {"partner": partner, "mean_intensity": float(s.mean()) if len(s) else float("nan"), "n_years": len(s)}
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# Trade relative to GDP
# ---------------------------------------------------------------------------------------------


def gdp_series(macro: pd.DataFrame, iso3: str) -> pd.Series:
    """A country's GDP (current US$ million) for every year of the macro table, indexed by year."""
    rows = macro[macro["iso3"] == iso3]
    return pd.Series(
        rows["gdp_usd_m"].astype(float).to_numpy(), index=rows["year"].astype(int).to_numpy(), name="gdp_usd_m"
    )


def trade_to_gdp(
    trade: pd.DataFrame, macro: pd.DataFrame, reporter: str, partner: str, years: Iterable[int]
) -> pd.DataFrame:
    """A reporter's trade with a partner (its own exports plus its own imports) as a share of its GDP.

    Both figures come from the same reporter, so this is one side's turnover, not a sum of mirror
    flows.

    Returns:
        A frame indexed by ``year``: ``turnover_usd_m``, ``gdp_usd_m``, ``pct_gdp``. The turnover is
        missing if either flow is missing.
    """
    years = list(years)
    x = series(trade, reporter, partner, EXPORTS, years)["value_usd_m"]
    m = series(trade, reporter, partner, IMPORTS, years)["value_usd_m"]
    gdp_rows = macro[macro["iso3"] == reporter].set_index(macro.loc[macro["iso3"] == reporter, "year"].astype(int))
    gdp = gdp_rows["gdp_usd_m"].astype(float).reindex(years)
    gdp.index.name = "year"
    out = pd.DataFrame({"turnover_usd_m": x + m, "gdp_usd_m": gdp.where(gdp > 0)})
    out["pct_gdp"] = 100 * out["turnover_usd_m"] / out["gdp_usd_m"]
    return out


#: A year's GDP is flagged as a likely conversion artefact when it is this many times smaller (or larger)
#: than the GDP of both the year before and the year after.
GDP_JUMP_FACTOR = 3.0


def gdp_artefacts(gdp: pd.Series, factor: float = GDP_JUMP_FACTOR) -> list[int]:
    """Years whose GDP (current US$) differs from both neighbouring years by more than ``factor`` times, in the same
    direction: an isolated dip or spike that a currency conversion (e.g. a rouble-to-manat switch at an exchange rate
    of the time) rather than the economy produces.

    Example:
        >>> gdp_artefacts(pd.Series({1991: 8792.4, 1992: 446.3, 1993: 1570.0, 1994: 1193.3}))
        [1992]
    """
    g = gdp.dropna().sort_index()
    out = []
    for prev, y, nxt in zip(g.index[:-2], g.index[1:-1], g.index[2:]):
        if prev != y - 1 or nxt != y + 1:
            continue
        low = g[y] * factor < g[prev] and g[y] * factor < g[nxt]
        high = g[y] > factor * g[prev] and g[y] > factor * g[nxt]
        if low or high:
            out.append(int(y))
    return out
