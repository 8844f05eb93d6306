"""Energy report, charts: each function returns a matplotlib figure in the house style
(:mod:`bilateral.figures`); the notebook shows it with caption, alt text and sources."""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from bilateral import figures, gas_routes
from bilateral.countries import display_name
from bilateral.energy.compute import (
    GAS_CONS,
    GAS_PROD,
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
    "BTC_MEASURE_COLOURS",
    "COMPARATOR_MARKERS",
    "OTHER_GREYS",
    "PIPELINE_COLOURS",
    "country_colour",
    "owid_panels",
    "plot_btc",
    "plot_buyer",
    "plot_comparators",
    "plot_entries_annual",
    "plot_entries_monthly",
    "plot_owid_join",
    "plot_production",
    "plot_suppliers",
    "plot_timeline",
    "source_colours",
    "supplier_colour",
]

#: Colours of the four lines (timeline, map): none is a country's colour of the suite (those mark states).
PIPELINE_COLOURS = {"BTC": "#000000", "SCP": "#7570B3", "TANAP": "#A6761D", "TAP": "#66A61E", OTHER_LANE: figures.GREY}
#: Colours of what BTC throughput figures measure (not states either).
BTC_MEASURE_COLOURS = ("#000000", "#000000", "#7570B3", "#A6761D")
# ---------------------------------------------------------------------------------------------
# Plots (return a figure; the notebook shows it with caption, alt text and sources)
# ---------------------------------------------------------------------------------------------


def _line(ax, x, y, label, colour, style="-", marker="o", width=1.6):
    """A line that breaks at gaps, with markers so that isolated years stay visible."""
    ax.plot(x, y, style, color=colour, marker=marker, markersize=3.5, linewidth=width, label=label)


#: Markers of the grey comparators in charts with gaps, so that a segment far from its label still says whose it is.
COMPARATOR_MARKERS = ("s", "^", "D", "v", "P")


def _room_for_labels(ax, share: float = 0.18) -> None:
    """Widen a year axis on the right so that labels at the line ends fit beside the lines (no tick is added
    beyond the data)."""
    lo, hi = ax.get_xlim()
    ticks = [t for t in ax.get_xticks() if lo <= t <= ax.dataLim.x1 + 1e-9]
    ax.set_xlim(lo, hi + share * (hi - lo))
    ax.set_xticks(ticks)


def country_colour(iso3: str) -> str:
    """A state's colour in every chart of the suite (:func:`bilateral.figures.country_colours`)."""
    return figures.country_colours([iso3])[iso3]


def plot_production(wide: pd.DataFrame, a: str):
    """Two panels: oil production and consumption (kb/d), gas production and consumption (bcm), in the
    supplier's colour, each line labelled at its end."""
    fig, (ax1, ax2) = figures.new("wide", 1, 2)
    c = country_colour(a)
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
        _room_for_labels(ax, 0.45)
        figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_comparators(frames: Sequence[tuple[str, pd.Series]], ylabel: str, highlight: str | None = None):
    """One line per country (code, series indexed by year), labelled at its end; the country ``highlight`` in its
    colour, the others in grey."""
    fig, ax = figures.new("wide")
    for code, s in sorted(frames, key=lambda f: f[0] == highlight):  # the highlighted line drawn last, on top
        mine = highlight is None or code == highlight
        colour = country_colour(code) if mine else figures.GREY
        _line(ax, s.index, s, display_name(code), colour, marker="", width=2.0 if mine else 1.2)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    _room_for_labels(ax)
    figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_buyer(wide_b: pd.DataFrame, b: str, press_total: pd.Series | None = None):
    """The buyer's gas consumption and LNG imports (EI lines) and, if given, press-reported total imports
    (points, a different source), each labelled at its end."""
    fig, ax = figures.new("wide")
    c = country_colour(b)
    _line(ax, wide_b.index, wide_b[GAS_CONS], "consumption", c, marker="", width=2.0)
    if GAS_PROD in wide_b and wide_b[GAS_PROD].notna().any():
        _line(ax, wide_b.index, wide_b[GAS_PROD], "production", c, ":", marker="")
    if LNG_IMPORTS in wide_b and wide_b[LNG_IMPORTS].notna().any():
        _line(ax, wide_b.index, wide_b[LNG_IMPORTS], "LNG imports", figures.GREY, "--", marker="")
    if press_total is not None and press_total.notna().any():
        s = press_total.dropna()
        ax.plot(s.index, s, "D", color="#000000", markersize=4, label="total imports (press)")
    ax.set_ylabel("billion cubic metres")
    ax.set_ylim(bottom=0)
    _room_for_labels(ax, 0.3)
    figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
    return fig


def supplier_colour(label: str, iso3: str | None, i: int = 0, highlight: str | None = None) -> str:
    """Colour of a supplier line: the country's colour of the suite (grey when another supplier is highlighted),
    light grey for LNG, black for the total."""
    if label == LNG_LABEL:
        return figures.MUTED_GREY
    if label == TOTAL_LABEL:
        return "#000000"
    if highlight is not None and iso3 != highlight:
        return figures.GREY
    return country_colour(iso3) if iso3 else figures.SPARE_COLOURS[i % len(figures.SPARE_COLOURS)]


def plot_suppliers(
    wide: pd.DataFrame,
    iso: dict[str, str | None],
    ylabel: str,
    *,
    sm3: Sequence[int] = (),
    highlight: str | None = None,
):
    """One line per supplier, labelled at its end; gaps stay gaps (a year without a figure breaks the line).

    Args:
        wide: years × supplier labels.
        iso: supplier label -> ISO3 (None for LNG and totals), for colours.
        ylabel: axis label (unit).
        sm3: years whose volumes EPDK gives in standard cubic metres (marked with a note on the axis).
        highlight: the supplier drawn in its colour; the others grey.
    """
    fig, ax = figures.new("wide")
    cols = sorted(wide.columns, key=lambda c: iso.get(c) == highlight and highlight is not None)
    others = iter(COMPARATOR_MARKERS)
    for i, col in enumerate(cols):
        label = "LNG" if col == LNG_LABEL else col
        mine = highlight is None or iso.get(col) == highlight
        colour = supplier_colour(col, iso.get(col), i, highlight)
        if col == LNG_LABEL and highlight is not None:
            colour = figures.GREY  # LNG is a comparator like the others here, and its label must stay legible
        _line(
            ax,
            wide.index,
            wide[col],
            label,
            colour,
            marker="o" if mine else next(others, "o"),
            width=2.0 if mine else 1.2,
        )
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    if len(wide.index):
        ax.set_xlim(min(wide.index) - 0.5, max(wide.index) + 0.5)
    _room_for_labels(ax, 0.15)
    figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
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
    style = {m: (mk, c) for m, mk, c in zip(labels, ["o", "s", "^", "D"], BTC_MEASURE_COLOURS)}
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
        elif e.notna().any():
            ax.plot(o.index, o, "--", color=figures.GREY, linewidth=1.3)
            kinds.add("apart")
        else:  # nothing to compare with: OWID's series alone, in the country's colour
            ax.plot(o.index, o, "--", color=c, linewidth=1.6)
            kinds.add("alone")
        ax.set_title(title, fontsize=8.5)
        ax.set_ylim(bottom=0)
        ax.xaxis.set_major_locator(mticker.MaxNLocator(3, integer=True))
    axes[0].set_ylabel("TWh")
    handles = {
        "ei": Line2D([], [], color="#000000", linewidth=1.8, label="Energy Institute 2023 (EJ × 277.78)"),
        "joined": Line2D(
            [], [], color="#000000", linestyle="--", marker="o", markersize=3.5, label="OWID, later years (joined)"
        ),
        "apart": Line2D([], [], color=figures.GREY, linestyle="--", label="OWID (not joined)"),
        "alone": Line2D([], [], color="#000000", linestyle="--", label="OWID (no Energy Institute series to compare)"),
    }
    shown = [h for k, h in handles.items() if k in kinds]
    fig.legend(
        handles=shown,
        loc="outside lower center",
        ncols=min(len(shown), 2),
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
        panels.append((f"{display_name(iso)}: {OWID_LABELS[ind]}", o, e, j, country_colour(iso)))
    return panels


# ---------------------------------------------------------------------------------------------
# IEA entry routes (bilateral.gas_routes)
# ---------------------------------------------------------------------------------------------


#: Greys for the sources other than the supplier highlighted (in the order of :data:`gas_routes.SUPPLIERS` after it):
#: darker for the countries, lightest for LNG, so that stacked bars stay apart.
OTHER_GREYS = ("#7d7d7d", "#a8a8a8", "#d0d0d0")


def source_colours(highlight: str | None = None) -> dict[str, str]:
    """One colour per source of :data:`gas_routes.SUPPLIERS`: the supplier highlighted in its colour of the suite
    (:func:`bilateral.figures.country_colours`), the others in greys; without a highlight every country has its
    own colour and LNG is grey.

    >>> source_colours("AZE")["AZE"] == figures.COUNTRY_COLOURS["AZE"], source_colours("AZE")["RUS"]
    (True, '#7d7d7d')
    """
    countries = figures.country_colours(list(gas_routes.COUNTRY_SUPPLIERS))
    if highlight not in gas_routes.COUNTRY_SUPPLIERS:
        return {**countries, "LNG": figures.GREY}
    others = [k for k, _, _ in gas_routes.SUPPLIERS if k != highlight]
    return {highlight: countries[highlight], **dict(zip(others, OTHER_GREYS))}


def plot_entries_monthly(sup: pd.DataFrame, highlight: str):
    """Monthly entries by source (bcm), one line each, labelled at its end; the supplier chosen in its colour and
    thicker, the other sources in grey."""
    fig, ax = figures.new("wide")
    colours = {k: (c if k == highlight else figures.GREY) for k, c in source_colours(highlight).items()}
    x = [int(m[:4]) + (int(m[5:7]) - 0.5) / 12 for m in sup.index.astype(str)]  # mid-month, in years
    keys = [k for k, _, _ in gas_routes.SUPPLIERS if k in sup]
    for key in sorted(keys, key=lambda k: k == highlight):  # the supplier chosen drawn last, on top
        ax.plot(
            x,
            sup[key] / gas_routes.MCM_PER_BCM,
            color=colours[key],
            linewidth=2.0 if key == highlight else 0.8,
            linestyle="--" if key == "LNG" and highlight in gas_routes.COUNTRY_SUPPLIERS else "-",
            label="LNG" if key == "LNG" else gas_routes.supplier_label(key),
        )
    from matplotlib.ticker import MaxNLocator

    ax.set_ylabel("bcm per month")
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_entries_annual(sup: pd.DataFrame, months: pd.Series, highlight: str | None = None):
    """Stacked annual entries by source (bcm), the supplier chosen at the bottom in its colour and the other
    sources in greys; years with fewer than 12 complete months hatched and paler."""
    from matplotlib.patches import Patch

    fig, ax = figures.new("wide")
    colours = source_colours(highlight)
    years = list(sup.index)
    bottom = np.zeros(len(years))
    order = sorted(gas_routes.SUPPLIERS, key=lambda item: item[0] != highlight)
    for key, _label, _ in order:
        vals = (sup[key] / gas_routes.MCM_PER_BCM).fillna(0).to_numpy()
        bars = ax.bar(years, vals, bottom=bottom, color=colours[key], width=0.8, edgecolor="white", linewidth=0.4)
        for b, y in zip(bars, years):
            if months.get(y, 12) < 12:
                b.set_hatch("///")
                b.set_alpha(0.6)
        bottom += vals
    ax.set_ylabel("bcm per year")
    ax.set_xticks(years[::2] if len(years) > 10 else years)
    handles = [Patch(facecolor=colours[key], label="LNG" if key == "LNG" else label) for key, label, _ in order]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=4, fontsize=figures.SMALL_TEXT_PT)
    return fig
