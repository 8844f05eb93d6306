"""The military report's charts: each function returns a matplotlib figure in the house style
(:mod:`bilateral.figures`: sizes, one colour per country, labels at line ends, labelled timelines)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from bilateral import events as evs
from bilateral import figures, periods
from bilateral.countries import display_name
from bilateral.military.compute import OTHERS
from bilateral.military.text import TIV_AXIS, ratio_text

__all__ = [
    "bar_colours",
    "plot_lines",
    "plot_milex",
    "plot_ratio",
    "plot_share_matrix",
    "plot_timeline",
    "plot_tiv_by_year",
]

#: Colour of the bars of all other suppliers under the timeline.
OTHER_SUPPLIERS_GREY = "#bbbbbb"


def _tiv_axis(ax) -> None:
    ax.set_ylabel(TIV_AXIS)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def _stacked_bars(ax, by_year: pd.DataFrame, x: np.ndarray, colours: Sequence[str] | None) -> None:
    bottom = np.zeros(len(x))
    for i, col in enumerate(by_year.columns):
        colour = colours[i] if colours else figures.PALETTE[i % len(figures.PALETTE)]
        ax.bar(
            x,
            by_year[col].to_numpy(),
            bottom=bottom,
            color=colour,
            width=0.8,
            label=str(col),
            edgecolor="white",
            linewidth=0.4,
        )
        bottom = bottom + by_year[col].to_numpy()


def shades(colour: str, n: int) -> list[str]:
    """``n`` shades of a colour, from the colour itself to a light tint (mixed with white), for the parts of one
    state's total: the parts stay that state's colour without borrowing another state's."""
    from matplotlib.colors import to_hex, to_rgb

    rgb = np.array(to_rgb(colour))
    mix = np.linspace(0.0, 0.8, n) if n > 1 else [0.0]
    return [to_hex(rgb + (1 - rgb) * m) for m in mix]


def bar_colours(rows: pd.DataFrame, by_year: pd.DataFrame) -> list[str]:
    """Colours of the bars of :func:`plot_tiv_by_year`: split by direction, each direction in its supplier's house
    colour; split by category (one supplier), shades of the supplier's colour, the largest category darkest."""
    supplier = dict(zip(rows["direction"], rows["supplier_iso3"])) if "direction" in rows else {}
    if set(by_year.columns) <= set(supplier):
        return [figures.colour(str(supplier[d]), i) for i, d in enumerate(by_year.columns)]
    codes = list(dict.fromkeys(rows["supplier_iso3"].dropna()))
    order = by_year.sum().rank(ascending=False, method="first").astype(int) - 1
    tones = shades(figures.colour(str(codes[0])) if len(codes) == 1 else figures.GREY, len(by_year.columns))
    return [tones[order[c]] for c in by_year.columns]


def plot_tiv_by_year(by_year: pd.DataFrame, colours: Sequence[str] | None = None):
    """Stacked bars of TIV per year, one segment per column of a
    :func:`~bilateral.military.compute.tiv_by_year` frame, the largest column at the bottom and first in the legend."""
    fig, ax = figures.new("wide")
    x = by_year.index.to_numpy()
    order = list(by_year.sum().sort_values(ascending=False, kind="mergesort").index)
    colour_of = dict(zip(by_year.columns, colours)) if colours else {}
    _stacked_bars(ax, by_year[order], x, [colour_of[c] for c in order] if colour_of else None)
    _tiv_axis(ax)
    ax.set_xlabel("Delivery year")
    ax.set_xlim(x.min() - 0.7, x.max() + 0.7)
    ax.grid(axis="x", visible=False)
    if len(by_year.columns) > 1:
        ax.legend(loc="upper left", ncol=2)
    return fig


#: Greys for the suppliers other than the pair's, dark and light in turn so that neighbours differ, and for the rest.
COMPARATOR_GREYS = ("#8a8a8a", "#b3b3b3", "#9e9e9e", "#c7c7c7", "#7a7a7a", "#bdbdbd")
REST_GREY = "#e3e3e3"
#: Segments at least this tall (percentage points) are named inside the bar; those of half of it show their share.
NAME_MIN_PCT = 8.0


def _is_dark(colour: str) -> bool:
    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b < 150


def plot_share_matrix(matrix: pd.DataFrame, keys: Sequence[str], highlight: str | None = None):
    """Stacked bars of partner shares (%) per period (a :func:`~bilateral.military.compute.share_matrix` frame):
    the partner of the pair in its house colour, the other partners in greys, the rest (:data:`OTHERS`) lightest.

    Large segments carry the partner's name and share inside the bar, so no legend is needed; with more than
    eight bars (short periods) the segments are too narrow for names and a legend is drawn instead.

    Args:
        matrix: period × partner shares; columns are display names, the last one :data:`OTHERS`.
        keys: the party keys of the columns before :data:`OTHERS`, in order.
        highlight: the party key drawn in colour (the supplier of the pair).
    """
    fig, ax = figures.new("tall")
    x = np.arange(len(matrix))
    bottom = np.zeros(len(x))
    keys = list(keys) + [OTHERS]
    greys = iter(COMPARATOR_GREYS * 3)
    named = len(matrix) <= 8
    for key, col in zip(keys, matrix.columns):
        vals = matrix[col].fillna(0).to_numpy()
        colour = figures.colour(key) if key == highlight else REST_GREY if key == OTHERS else next(greys)
        ax.bar(x, vals, bottom=bottom, color=colour, width=0.7, label=col, edgecolor="white", linewidth=0.8)
        for xi, v, b0 in zip(x, vals, bottom):
            text = f"{textwrap.fill(str(col), 10)}\n{v:.0f}%" if named and v >= NAME_MIN_PCT else f"{v:.0f}%"
            if v >= (NAME_MIN_PCT * 0.6 if named else 7):
                ax.text(
                    xi,
                    b0 + v / 2,
                    text,
                    ha="center",
                    va="center",
                    fontsize=figures.SMALL_TEXT_PT,
                    color="white" if _is_dark(colour) else "#222222",
                    fontweight="bold" if key == highlight else "normal",
                    linespacing=1.0,
                )
        bottom = bottom + vals
    for xi, row in zip(x, matrix.itertuples(index=False)):
        if all(pd.isna(v) for v in row):
            ax.text(
                xi,
                50,
                "no deliveries\nrecorded",
                ha="center",
                va="center",
                fontsize=figures.SMALL_TEXT_PT,
                color=figures.GREY,
            )
    ax.set_xticks(x, matrix.index)
    ax.set_ylim(0, 100)
    ax.set_ylabel("% of TIV delivered in the period (volume, not US$)")
    ax.grid(axis="x", visible=False)
    if not named:
        fig.legend(loc="outside lower center", ncol=min(4, len(matrix.columns)))
    return fig


def plot_lines(wide: pd.DataFrame, ylabel: str, ax=None, highlight: Sequence[str] = (), pair: Sequence[str] = ()):
    """Line chart of a year × country frame: the states of ``pair`` in their house colours, the others grey (all in
    their house colours when ``pair`` is empty); ``highlight`` lines are thicker."""
    fig = None
    if ax is None:
        fig, ax = figures.new("wide")
    for i, c in enumerate(wide.columns):
        ax.plot(
            wide.index,
            wide[c],
            color=figures.colour(c, i + 3) if not pair or c in pair else figures.GREY,
            marker=".",
            markersize=3,
            linewidth=2.2 if c in highlight else 1.3,
            label=display_name(c),
        )
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    return fig


def plot_milex(
    const: pd.DataFrame, gdp: pd.DataFrame, highlight: Sequence[str] = (), log: bool = True, pair: Sequence[str] = ()
):
    """Two panels on one time axis: spending in constant 2023 US$ (billions; log scale by default, so that small
    and large spenders can be read on one chart) and as a share of GDP, one line per country, named at its end;
    the states of ``pair`` in colour, the others grey."""
    fig, (ax1, ax2) = figures.new("tall", 2, 1, sharex=True)
    plot_lines(const / 1000, "US$ billion (log scale)", ax=ax1, highlight=highlight, pair=pair)
    if log:
        ax1.set_yscale("log")
        lo = float(np.nanmin(const.to_numpy())) / 1000 if np.isfinite(const.to_numpy()).any() else 0.1
        ticks = [
            t for t in (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if t >= lo / 2.5
        ]
        ax1.yaxis.set_major_locator(FixedLocator(ticks))
        ax1.yaxis.set_minor_locator(NullLocator())
        ax1.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        hi = float(np.nanmax(const.to_numpy())) / 1000 if np.isfinite(const.to_numpy()).any() else 1.0
        ax1.set_ylim(lo / 1.5, hi * 1.5)
    else:
        ax1.set_ylabel("US$ billion")
    plot_lines(gdp, "% of GDP", ax=ax2, highlight=highlight, pair=pair)
    ax1.set_title("Military expenditure, constant 2023 US$", loc="left", fontsize=9)
    ax2.set_title("Military expenditure, share of GDP", loc="left", fontsize=9)
    ax2.set_xlabel("Year")
    for ax in (ax1, ax2):  # names at the line ends instead of a legend
        figures.label_line_ends(ax)
    return fig


def plot_ratio(ratio: pd.DataFrame, a: str, rival: str):
    """Line chart of the spending ratio, with a reference line at 1 (parity) and the last value at the line's end."""
    fig, ax = figures.new("wide")
    colour = figures.colour(a)
    ax.plot(ratio.index, ratio["ratio"], color=colour, marker=".", linewidth=2)
    ax.axhline(1, color=figures.GREY, linewidth=0.8, linestyle="--")
    ax.text(
        ratio.index.max(),
        1,
        "equal spending ",
        ha="right",
        va="top",
        fontsize=figures.SMALL_TEXT_PT,
        color=figures.GREY,
    )
    last = ratio["ratio"].dropna()
    if len(last):
        ax.annotate(
            f"{ratio_text(float(last.iloc[-1]))} ({int(last.index[-1])})",
            (last.index[-1], last.iloc[-1]),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=figures.SMALL_TEXT_PT,
            color=colour,
            annotation_clip=False,
        )
    ax.set_ylabel(f"{display_name(a)} ÷ {display_name(rival)}")
    ax.set_xlabel("Year")
    ax.set_ylim(bottom=0)
    return fig


def plot_timeline(
    by_year: pd.DataFrame,
    events: pd.DataFrame,
    *,
    partner: str | None = None,
    colours: Sequence[str] | None = None,
):
    """TIV bars by year (top) over the security milestones (bottom), one labelled row each, on one time axis.

    Args:
        by_year: a :func:`~bilateral.military.compute.timeline_bars` frame (one or more columns, stacked).
        events: rows of :func:`~bilateral.military.compute.security_events`, each drawn at its date and named
            (:func:`bilateral.events.draw_labelled_events`).
        partner: the supplier of the pair: its house colour for the first column, grey for all others.
        colours: bar colours per column (instead of ``partner``'s).
    """
    if colours is None and partner is not None:
        colours = [figures.colour(partner, 1), OTHER_SUPPLIERS_GREY][: by_year.shape[1]]
    pos = periods.decimal_year(events["date"], events["date_precision"]).to_numpy() if len(events) else np.array([])
    hollow = evs.seed_only(events).to_numpy()
    rows = max(len(events), 2)
    bars_in, rows_in = 2.6, evs.LABEL_ROW_INCHES * (rows + 1)
    fig, (ax, strip) = figures.new("tall", 2, 1, sharex=True, gridspec_kw={"height_ratios": [bars_in, rows_in]})
    fig.set_size_inches(fig.get_figwidth(), bars_in + rows_in + 0.9)
    # Bars are centred mid-year so that dated milestones fall inside the right year's bar.
    x = by_year.index.to_numpy() + 0.5
    _stacked_bars(ax, by_year, x, colours)
    _tiv_axis(ax)
    ax.grid(axis="x", visible=False)
    if len(by_year.columns) > 1:
        ax.legend(loc="upper left")
    xlim = (x.min() - 0.7, x.max() + 0.7)
    strip.set_xlabel("Year")
    if len(events):
        for p in pos:
            ax.axvline(p, color=figures.GREY, linewidth=0.6, linestyle=":")
        labels = [evs.short_label("", t).strip() for t in events["title"]]  # names, not numbers
        evs.draw_labelled_events(strip, pos, labels, colours="#222222", hollow=hollow, xlim=xlim)
        if hollow.any():
            evs.add_marker_legend(strip, "#222222", loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2)
    else:
        evs.empty_strip(
            strip,
            "no security milestones in the events table for this pair",
            colour=figures.GREY,
            fontsize=figures.SMALL_TEXT_PT,
        )
    ax.set_xlim(*xlim)
    years = by_year.index.to_numpy()
    step = 5 if len(years) > 12 else 1
    shown = [y for y in years if y % step == 0] or [years[0]]
    strip.set_xticks([y + 0.5 for y in shown], [str(y) for y in shown])
    return fig
