"""Energy report, the route map: the pipelines drawn on Natural Earth's country outlines."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import pandas as pd

from bilateral import figures, fmt
from bilateral.energy.plots import PIPELINE_COLOURS

__all__ = [
    "MAP_EXTENT",
    "MAP_LINE_NAMES",
    "MAP_PARALLEL",
    "label_below",
    "plot_route_map",
    "projection_text",
    "short_name",
]


def short_name(point: str) -> str:
    """A point's name without its bracketed gloss, for map labels: ``short_name("Posof (border)") == "Posof"``."""
    return re.sub(r"\s*\(.*\)\s*$", "", point)


def label_below(points: pd.DataFrame, near_deg: float = 3.5) -> list[bool]:
    """Whether each point's label goes below it: when a higher point lies within ``near_deg`` of
    longitude (so the two labels do not collide), or for the southernmost point.

    Example:
        >>> label_below(pd.DataFrame({"lat": [41.7, 41.5, 37.0], "lon": [44.8, 42.7, 35.8]}))
        [False, True, True]
    """
    lat, lon = points["lat"].to_numpy(float), points["lon"].to_numpy(float)
    out = []
    for i in range(len(lat)):
        higher_near = any(j != i and abs(lon[j] - lon[i]) <= near_deg and lat[j] > lat[i] for j in range(len(lat)))
        out.append(bool(higher_near or lat[i] == lat.min()))
    return out


# ---------------------------------------------------------------------------------------------
# Route map on Natural Earth borders
# ---------------------------------------------------------------------------------------------

#: Standard parallel of the map's equirectangular projection.
MAP_PARALLEL = 40.0
MAP_EXTENT = (17.0, 51.5, 34.5, 44.5)  # lon min, lon max, lat min, lat max
MAP_LINE_NAMES = {"BTC": "BTC (oil)", "SCP": "SCP / SCPx (gas)", "TANAP": "TANAP (gas)", "TAP": "TAP (gas)"}


def projection_text(parallel: float = MAP_PARALLEL) -> str:
    """The projection as stated in the caption."""
    return f"equirectangular projection (longitude scaled by the cosine of {fmt.num(parallel, 0)}° N), WGS 84"


def plot_route_map(
    borders: pd.DataFrame, points: pd.DataFrame, lines: dict[str, pd.DataFrame], highlight: Sequence[str] = ()
):
    """The pipelines as lines between their main points, on Natural Earth's country outlines.

    Countries in ``highlight`` are shaded; other countries in light grey. Each line is labelled in
    the legend and the points are named on the map.
    """
    from matplotlib import patheffects
    from matplotlib.patches import Polygon

    fig, ax = figures.new("wide")
    for (code, _ring), pts in borders.groupby(["ne_code", "ring"], sort=True):
        fill = "#dbe7f3" if code in highlight else "#f2f2f2"
        ax.add_patch(
            Polygon(
                pts.sort_values("vertex")[["lon", "lat"]].to_numpy(),
                closed=True,
                facecolor=fill,
                edgecolor="#8a8a8a",
                linewidth=0.5,
                zorder=1,
            )
        )
    offsets = {"BTC": -0.12, "SCP": 0.12, "TANAP": 0.0, "TAP": 0.0}
    for key, pts in lines.items():
        ax.plot(
            pts["lon"],
            pts["lat"] + offsets.get(key, 0),
            "-",
            color=PIPELINE_COLOURS[key],
            linewidth=2.4,
            label=MAP_LINE_NAMES.get(key, key),
            zorder=3,
        )
    ax.plot(points["lon"], points["lat"], "o", color="#ffffff", markeredgecolor="#000000", markersize=5, zorder=4)
    below = label_below(points)
    for (_, r), low in zip(points.iterrows(), below):
        ax.annotate(
            short_name(str(r["point"])), (r["lon"], r["lat"]), xytext=(0, -11 if low else 6), textcoords="offset points", ha="center", fontsize=figures.SMALL_TEXT_PT, zorder=5,
            path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")],
        )  # fmt: skip
    lon0, lon1, lat0, lat1 = MAP_EXTENT
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / math.cos(math.radians(MAP_PARALLEL)))
    ax.grid(False)
    ax.set_xlabel("longitude (° east)")
    ax.set_ylabel("latitude (° north)")
    ax.legend(loc="lower left", ncols=2, fontsize=figures.SMALL_TEXT_PT, framealpha=0.9)
    return fig
