"""Energy report, charts: each function returns a matplotlib figure in the house style
(:mod:`bilateral.figures`); the notebook shows it with caption, alt text and sources."""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from bilateral import figures
from bilateral.countries import display_name
from bilateral.energy.compute import (
    GAS_CONS,
    GAS_PROD,
    LNG_COLUMN,
    LNG_IMPORTS,
    LNG_LABEL,
    OIL_CONS,
    OIL_PROD,
    TOTAL_LABEL,
    year_list,
)
from bilateral.energy.owid import OWID_LABELS, joined, overlap_differences
from bilateral.energy.pipelines import BTC_MEASURES, OTHER_LANE

__all__ = [
    "PIPELINE_COLOURS",
    "owid_panels",
    "plot_btc",
    "plot_buyer",
    "plot_comparators",
    "plot_owid_join",
    "plot_production",
    "plot_suppliers",
    "plot_timeline",
    "supplier_colour",
]

PIPELINE_COLOURS = {"BTC": "#000000", "SCP": "#0072B2", "TANAP": "#D55E00", "TAP": "#009E73", OTHER_LANE: figures.GREY}
# ---------------------------------------------------------------------------------------------
# Plots (return a figure; the notebook shows it with caption, alt text and sources)
# ---------------------------------------------------------------------------------------------


def _line(ax, x, y, label, colour, style="-", marker="o"):
    """A line that breaks at gaps, with markers so that isolated years stay visible."""
    ax.plot(x, y, style, color=colour, marker=marker, markersize=3.5, linewidth=1.6, label=label)


def plot_production(wide: pd.DataFrame, a: str):
    """Two panels: oil production and consumption (kb/d), gas production and consumption (bcm)."""
    fig, (ax1, ax2) = figures.new("wide", 1, 2)
    c = figures.colour(a)
    x = wide.index
    _line(ax1, x, wide[OIL_PROD], "production", c, marker="")
    _line(ax1, x, wide[OIL_CONS], "consumption", c, "--", marker="")
    ax1.set_title("Oil")
    ax1.set_ylabel("thousand barrels a day")
    _line(ax2, x, wide[GAS_PROD], "production", c, marker="")
    _line(ax2, x, wide[GAS_CONS], "consumption", c, "--", marker="")
    ax2.set_title("Natural gas")
    ax2.set_ylabel("billion cubic metres")
    for ax in (ax1, ax2):
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left")
    return fig


def plot_comparators(frames: Sequence[tuple[str, pd.Series]], ylabel: str):
    """One line per country (code, series indexed by year)."""
    fig, ax = figures.new("wide")
    for i, (code, s) in enumerate(frames):
        _line(ax, s.index, s, display_name(code), figures.colour(code, i), marker="")
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", ncols=2)
    return fig


def plot_buyer(wide_b: pd.DataFrame, b: str, press_total: pd.Series | None = None):
    """The buyer's gas consumption and LNG imports (EI lines) and, if given, press-reported total
    imports (points, a different source)."""
    fig, ax = figures.new("wide")
    c = figures.colour(b)
    _line(ax, wide_b.index, wide_b[GAS_CONS], "consumption (EI)", c, marker="")
    if GAS_PROD in wide_b and wide_b[GAS_PROD].notna().any():
        _line(ax, wide_b.index, wide_b[GAS_PROD], "production (EI)", c, ":", marker="")
    if LNG_IMPORTS in wide_b and wide_b[LNG_IMPORTS].notna().any():
        _line(ax, wide_b.index, wide_b[LNG_IMPORTS], "LNG imports (EI)", figures.GREY, "--", marker="")
    if press_total is not None and press_total.notna().any():
        s = press_total.dropna()
        ax.plot(s.index, s, "D", color="#000000", markersize=4, label="total imports (press, importer side)")
    ax.set_ylabel("billion cubic metres")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    return fig


def supplier_colour(label: str, iso3: str | None, i: int) -> str:
    """Colour of a supplier line: the country's house colour, grey for LNG, black for the total."""
    if label == LNG_LABEL:
        return figures.GREY
    if label == TOTAL_LABEL:
        return "#000000"
    return figures.colour(iso3 or "", i + 3)


def plot_suppliers(wide: pd.DataFrame, iso: dict[str, str | None], ylabel: str, *, sm3: Sequence[int] = ()):
    """One line per supplier; gaps stay gaps (a year without a figure breaks the line).

    Args:
        wide: years × supplier labels.
        iso: supplier label -> ISO3 (None for LNG and totals), for colours.
        ylabel: axis label (unit).
        sm3: years whose volumes EPDK gives in standard cubic metres (marked with a note on the axis).
    """
    fig, ax = figures.new("wide")
    for i, col in enumerate(wide.columns):
        label = LNG_COLUMN if col == LNG_LABEL else col
        _line(ax, wide.index, wide[col], label, supplier_colour(col, iso.get(col), i))
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    if len(wide.index):
        ax.set_xlim(min(wide.index) - 0.5, max(wide.index) + 0.5)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=4)
    if sm3:
        ax.annotate(
            f"{year_list(sm3)}: EPDK standard m³",
            xy=(1, 0),
            xycoords="axes fraction",
            ha="right",
            va="bottom",
            fontsize=figures.SMALL_TEXT_PT,
            color=figures.GREY,
        )
    return fig


def plot_timeline(ev: pd.DataFrame):
    """The energy milestones, one labelled row each (number, pipeline and shortened title, as in the table
    below it), each dot in its pipeline's colour (:func:`bilateral.events.draw_labelled_events`)."""
    from bilateral import events as evs

    rows = max(len(ev), 2)
    fig, ax = figures.new("wide")
    fig.set_size_inches(fig.get_figwidth(), evs.LABEL_ROW_INCHES * (rows + 1) + 0.9)
    hollow = evs.seed_only(ev)
    lanes = [str(k) for k in ev["lane"]]
    labels = [
        evs.short_label(i, t if k == OTHER_LANE else f"{k}: {t}")
        for i, (k, t) in enumerate(zip(lanes, ev["title"]), start=1)
    ]
    lo, hi = float(ev["x"].min()), float(ev["x"].max())
    evs.draw_labelled_events(
        ax,
        ev["x"],
        labels,
        colours=[PIPELINE_COLOURS.get(k, figures.GREY) for k in lanes],
        hollow=hollow.to_numpy(),
        xlim=(math.floor(lo) - 0.5, math.ceil(hi) + 0.5),
    )
    ax.set_xlabel("Year")
    if hollow.any():
        evs.add_marker_legend(ax, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2)
    return fig


def plot_btc(thr: pd.DataFrame, cap: pd.Series):
    """BTC throughput: million barrels (left panel, with capacity × days) and million tonnes (right panel)."""
    units = [u for u in ("million barrels", "million tonnes") if u in set(thr["unit"])]
    fig, axes = figures.new("tall", 1, max(len(units), 1), sharex=True)
    axes = np.atleast_1d(axes)
    labels = [lbl for _, lbl in BTC_MEASURES]
    style = {m: (mk, figures.PALETTE[i]) for i, (m, mk) in enumerate(zip(labels, ["o", "s", "^", "D"]))}
    for ax, unit in zip(axes, units):
        sub = thr[thr["unit"] == unit]
        for measure, rows in sub.groupby("measure", sort=True):
            mk, col = style.get(measure, ("o", figures.GREY))
            hollow = mk == "s"  # Ceyhan deliveries nearly equal the BOTAŞ figures: hollow so both show
            ax.plot(
                rows["year"],
                rows["value"],
                mk,
                color=col,
                label=measure,
                markersize=7 if hollow else 5,
                fillstyle="none" if hollow else "full",
            )
        top = float(sub["value"].max())
        if unit == "million barrels" and cap.notna().any():
            c = cap.dropna()
            ax.hlines(
                c.to_numpy(),
                c.index - 0.5,
                c.index + 0.5,
                color=figures.GREY,
                linestyle="--",
                linewidth=1,
                label="capacity × days in year",
            )
            top = max(top, float(c.max()))
        ax.set_ylabel(unit)
        ax.set_ylim(0, top * 1.12)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_owid_join(panels: Sequence[tuple[str, pd.Series, pd.Series, pd.DataFrame, str]]):
    """One panel per series: EI 2023 (solid) and OWID (dashed); where joined, OWID's later years in a heavier dash.

    Args:
        panels: (title, OWID series, EI series in TWh, joined frame (may be empty or None), colour).
    """
    from matplotlib.lines import Line2D

    fig, axes = figures.new("wide", 1, max(len(panels), 1))
    axes = np.atleast_1d(axes)
    kinds = set()
    for ax, (title, o, e, j, c) in zip(axes, panels):
        if e.notna().any():
            ax.plot(e.index, e, "-", color=c, linewidth=1.8)
            kinds.add("ei")
        if j is not None and len(j):
            later = j[j["source"] == "OWID"]["value_twh"]
            last_ei = e.last_valid_index()
            ax.plot(
                [last_ei, *later.index],
                [e[last_ei], *later.to_numpy()],
                "--",
                color=c,
                linewidth=1.8,
                marker="o",
                markersize=3.5,
            )
            kinds.add("joined")
        else:
            ax.plot(o.index, o, "--", color=figures.GREY, linewidth=1.3)
            kinds.add("apart")
        ax.set_title(title, fontsize=8.5)
        ax.set_ylim(bottom=0)
        ax.xaxis.set_major_locator(mticker.MaxNLocator(3, integer=True))
    axes[0].set_ylabel("TWh")
    handles = {
        "ei": Line2D([], [], color="#000000", linewidth=1.8, label="Energy Institute 2023 (EJ × 277.78)"),
        "joined": Line2D(
            [], [], color="#000000", linestyle="--", marker="o", markersize=3.5, label="OWID, later years (joined)"
        ),
        "apart": Line2D([], [], color=figures.GREY, linestyle="--", label="OWID (shown apart, not joined)"),
    }
    fig.legend(
        handles=[h for k, h in handles.items() if k in kinds],
        loc="outside lower center",
        ncols=3,
        fontsize=figures.SMALL_TEXT_PT,
        frameon=False,
    )
    return fig


def owid_panels(items: Sequence[tuple[str, str, pd.Series, pd.Series]], *, join: bool) -> list:
    """The panels of :func:`plot_owid_join` for OWID items ``(iso3, indicator, OWID, EI in TWh)``: titled by country
    and series, joined where the two agree (``join=True``) or drawn apart."""
    panels = []
    for iso, ind, o, e in items:
        j = joined(o, e, overlap_differences(o, e)) if join else None
        panels.append((f"{display_name(iso)}: {OWID_LABELS[ind]}", o, e, j, figures.colour(iso)))
    return panels
