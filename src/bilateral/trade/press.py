"""Press figures for the years after the DOTS series (2021 onwards): reading the press table's metrics,
selecting full-year figures and finding where both sides give one. Never joined to the DOTS series."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from bilateral.trade.compute import DOTS_YEARS

__all__ = [
    "TURNOVER",
    "latest_turnover",
    "press_both_sides",
    "press_full_years",
    "press_measure",
    "press_partial_years",
    "press_qualifier",
]


_FLOW_METRIC = re.compile(r"^\s*([A-Z]{3}) (exports to|imports from) ([A-Z]{3})\s*$")


#: Label of the turnover measure in press tables.
TURNOVER = "turnover"


def press_measure(metric: str) -> tuple[str, str, str] | None:
    """Read a press ``metric`` as ``(measure, exporter, importer)``.

    ``"turnover"`` and its variants (``"turnover (approx.)"``, ``"turnover (lower bound)"``) give
    ``("turnover", "", "")``; ``"AZE exports to TUR"`` gives ``("flow", "AZE", "TUR")`` and
    ``"TUR imports from AZE"`` also ``("flow", "AZE", "TUR")`` (the same direction of trade, seen
    by the importer). Combined metrics (``"turnover / AZ exports"``), qualified flows
    (``"AZE exports to TUR (as stated)"``) and anything else give None.
    """
    if metric is None or metric is pd.NA or (isinstance(metric, float) and np.isnan(metric)):
        return None
    text = str(metric).strip()
    if text.casefold().startswith(TURNOVER) and "/" not in text:
        return (TURNOVER, "", "")
    match = _FLOW_METRIC.match(text)
    if not match:
        return None
    first, verb, second = match.groups()
    return ("flow", first, second) if verb == "exports to" else ("flow", second, first)


def press_qualifier(metric: str) -> str:
    """``"approx."``, ``"lower bound"`` or ``""`` from a press metric's wording."""
    text = str(metric).casefold()
    if "lower bound" in text or "exceed" in text:
        return "lower bound"
    if "approx" in text:
        return "approx."
    return ""


def press_full_years(press: pd.DataFrame, *, after: int = DOTS_YEARS[1]) -> pd.DataFrame:
    """Full-year press figures for single years after the DOTS series ends.

    Keeps rows of ``trade_press`` with a single ``year`` after ``after``, ``period == "year"``, a
    value in US$ (``value_usd_m``), and a metric that :func:`press_measure` reads (turnover or one
    direction of trade). Rows whose note says not to use them are dropped; rows the table flags
    as not usable for another reason (a conflict with another figure) are kept and marked.

    Returns:
        Columns ``year`` (int), ``measure`` (``"turnover"`` or ``"flow"``), ``exporter``,
        ``importer`` (empty for turnover), ``side`` (``basis_iso3``: whose official figure; None
        when not stated), ``qualifier``, ``value_usd_m``, ``basis``, ``reported_by``, ``url``,
        ``caution`` (the table's ``usable_reason``, "" when usable), sorted.
    """
    df = press[press["year"].notna() & (press["year"] > after)]
    df = df[df["period"].astype("string").str.strip() == "year"]
    df = df[df["value_usd_m"].notna()]
    note = df["note"].astype("string").fillna("")
    df = df[~note.str.contains("do not use", case=False, regex=False)]
    parsed = df["metric"].map(press_measure)
    df = df[parsed.notna()]
    parsed = parsed[df.index]
    out = pd.DataFrame(
        {
            "year": df["year"].astype(int),
            "measure": [p[0] for p in parsed],
            "exporter": [p[1] for p in parsed],
            "importer": [p[2] for p in parsed],
            "side": df["basis_iso3"].astype(object).where(df["basis_iso3"].notna(), None),
            "qualifier": df["metric"].map(press_qualifier),
            "value_usd_m": df["value_usd_m"].astype(float),
            "basis": df["basis"],
            "reported_by": df["reported_by"],
            "url": df["url"],
            "caution": df["usable_reason"].astype("string").fillna("").where(~df["usable"].astype(bool), ""),
        }
    )
    order = out.assign(_side=out["side"].fillna("~"))
    order = order.sort_values(["year", "measure", "exporter", "_side", "value_usd_m"], kind="mergesort")
    return out.loc[order.index].reset_index(drop=True)


def press_partial_years(press: pd.DataFrame, *, after: int = DOTS_YEARS[1]) -> pd.DataFrame:
    """Press rows for part of a year (``period`` other than ``"year"``) after ``after``: counted, not charted."""
    df = press[press["year"].notna() & (press["year"] > after)]
    return df[df["period"].astype("string").str.strip() != "year"]


def press_both_sides(full: pd.DataFrame) -> pd.DataFrame:
    """Year-and-direction cells where both sides of the pair give a full-year figure for one direction.

    Returns:
        The rows of ``full`` (measure ``"flow"``) whose year, exporter and importer have figures
        from two different sides.
    """
    flows = full[(full["measure"] == "flow") & full["side"].notna()]
    n_sides = flows.groupby(["year", "exporter", "importer"])["side"].transform("nunique")
    return flows[n_sides > 1]


def latest_turnover(full: pd.DataFrame, a: str, b: str) -> list[tuple[str | None, int, list[float]]]:
    """The latest full-year turnover each side gives in the press table, figures flagged as conflicting with
    another report left out: ``(side, year, values in US$ million)`` for ``a``, ``b`` and then figures whose
    side is not stated (``None``); a side with no usable figure is left out."""
    turnover = full[(full["measure"] == TURNOVER) & (full["caution"] == "")]
    out = []
    for side in (a, b, None):
        rows = turnover[turnover["side"].isna()] if side is None else turnover[turnover["side"] == side]
        if rows.empty:
            continue
        y = int(rows["year"].max())
        out.append((side, y, rows.loc[rows["year"] == y, "value_usd_m"].tolist()))
    return out
