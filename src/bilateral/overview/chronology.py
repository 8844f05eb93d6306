"""The pair's dated events: selection from the events table, the events the labelled timeline names (the rule is
:func:`charted_events`), and the timeline's eras."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import diplomatic as dip
from bilateral import periods
from bilateral.overview.config import DIMENSION_COLOURS

__all__ = [
    "MAX_CHARTED",
    "charted_events",
    "dimension_order",
    "pair_events",
    "split_eras",
]

#: The most events the labelled timeline names (one row each).
MAX_CHARTED = 20


def pair_events(events: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """All events whose ``countries`` name both states (:func:`diplomatic.involves`), dated, sorted and numbered.

    Returns:
        The rows with added ``no`` (1..), ``year``, ``x`` (decimal year, :func:`military.decimal_year`)
        and ``when`` (the date as precise as the source, :func:`diplomatic.date_label`).
    """
    ev = events[dip.involves(events["countries"], (a, b))].copy()
    ev = ev[ev["date"].notna()]
    ev = ev.sort_values(["date", "event_id"], kind="mergesort").reset_index(drop=True)
    ev["no"] = np.arange(1, len(ev) + 1)
    ev["year"] = pd.to_numeric(ev["date"].astype("string").str[:4], errors="coerce").astype("Int64")
    ev["x"] = periods.decimal_year(ev["date"], ev["date_precision"]).to_numpy()
    ev["when"] = [dip.date_label(d, p) for d, p in zip(ev["date"], ev["date_precision"])]
    return ev


def dimension_order(ev: pd.DataFrame) -> list[str]:
    """The dimensions present, known ones first in :data:`DIMENSION_COLOURS` order, then others alphabetically."""
    present = set(ev["dimension"].astype(str))
    return [d for d in DIMENSION_COLOURS if d in present] + sorted(present - set(DIMENSION_COLOURS))


def split_eras(x: Sequence[float], min_gap: float = 15.0) -> list[tuple[float, float]]:
    """Split event positions into eras at gaps longer than ``min_gap`` years (for a broken time axis).

    Returns:
        ``[(first, last), ...]`` spans of positions, in order.

    Example:
        >>> split_eras([1918.5, 1921.8, 1991.4, 2005.0, 2020.0])
        [(1918.5, 1921.8), (1991.4, 2020.0)]
    """
    xs = sorted(float(v) for v in x)
    if not xs:
        return []
    eras = [[xs[0], xs[0]]]
    for v in xs[1:]:
        if v - eras[-1][1] > min_gap:
            eras.append([v, v])
        else:
            eras[-1][1] = v
    return [(lo, hi) for lo, hi in eras]


def charted_events(ev: pd.DataFrame, max_rows: int = MAX_CHARTED) -> tuple[pd.DataFrame, dict]:
    """The events the labelled timeline names: those that the most sources record.

    The rule: the smallest number of sources ``k`` (1, 2, ...) such that at most ``max_rows`` events have ``k``
    sources or more; those events are charted. If no event reaches that ``k`` (more than ``max_rows`` events have
    ``k - 1`` sources and none has ``k``), the latest ``max_rows`` of the events with ``k - 1`` sources are charted.
    A pair with at most ``max_rows`` events has all of them charted (``k`` = 1).

    Args:
        ev: :func:`pair_events` output (``n_sources`` counts each event's sources; missing counts as 1).

    Returns:
        The charted rows in date order, numbered again 1.. in ``no`` (the chart's and the table's numbers), and the
        rule applied: ``min_sources`` (``k``), ``latest_only`` (True when the latest ``max_rows`` were kept),
        ``n_charted`` and ``n_events``.

    Example:
        >>> ev = pd.DataFrame({"no": [1, 2, 3], "n_sources": [1, 3, 2]})
        >>> shown, rule = charted_events(ev, max_rows=2)
        >>> shown["n_sources"].tolist(), rule["min_sources"], rule["latest_only"]
        ([3, 2], 2, False)
    """
    n_sources = (
        pd.to_numeric(ev["n_sources"], errors="coerce").fillna(1).astype(int)
        if "n_sources" in ev
        else pd.Series(1, index=ev.index)
    )
    k, latest_only = 1, False
    while int((n_sources >= k).sum()) > max_rows:
        k += 1
    keep = n_sources >= k
    if not keep.any() and len(ev):
        k -= 1
        keep = (n_sources >= k) & (np.cumsum((n_sources >= k)[::-1])[::-1] <= max_rows)
        latest_only = True
    shown = ev[keep.to_numpy()].copy()
    shown["no"] = np.arange(1, len(shown) + 1)
    rule = {"min_sources": k, "latest_only": latest_only, "n_charted": len(shown), "n_events": len(ev)}
    return shown.reset_index(drop=True), rule
