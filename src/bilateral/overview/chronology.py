"""The pair's dated events: selection from the events table, and the layout of the timeline (eras, lanes)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import diplomatic as dip
from bilateral import periods
from bilateral.overview.config import DIMENSION_COLOURS

__all__ = [
    "dimension_order",
    "pair_events",
    "split_eras",
    "stack_levels",
]


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


def stack_levels(x: Sequence[float], min_gap: float) -> list[int]:
    """Greedy stacking: each point (in order) goes to the lowest level whose last point is at least ``min_gap`` before it.

    Example:
        >>> stack_levels([1.0, 1.2, 1.5, 3.0], 1.0)
        [0, 1, 2, 0]
    """
    last: list[float] = []
    out = []
    for v in x:
        for i, prev in enumerate(last):
            if v - prev >= min_gap:
                last[i] = v
                out.append(i)
                break
        else:
            last.append(v)
            out.append(len(last) - 1)
    return out
