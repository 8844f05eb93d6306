"""Charts of the overview, each returning a matplotlib figure in the house style (:mod:`bilateral.figures`).

Conventions: a measure of the pair (UN alignment, the index) is black and its comparators grey, each labelled at
its line's end instead of in a legend; a flow from one state (arms, gas, trade shares) takes that state's colour
(:func:`bilateral.figures.colour`); panels that are compared share one time axis.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import diplomatic as dip
from bilateral import events as evs
from bilateral import fmt
from bilateral.countries import display_name
from bilateral.overview.chronology import dimension_order, split_eras
from bilateral.overview.config import DIMENSION_COLOURS, INDICATORS, OTHER_DIMENSION, pair_text

__all__ = [
    "PAIR_COLOUR",
    "plot_index",
    "plot_rank_distribution",
    "plot_summary",
    "plot_timeline",
]

#: The colour of a measure of the pair (not of one state), as in the diplomatic report; comparators are grey.
PAIR_COLOUR = "black"


def _empty(ax, message: str) -> None:
    """Mark a panel as empty: a grey message, no y ticks (the x axis may be shared with other panels)."""
    from bilateral import figures

    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=figures.SMALL_TEXT_PT,
        color=figures.GREY,
    )
    ax.set_yticks([])
    ax.grid(False)


def _grey_labels(texts: Sequence, keep: str) -> None:
    """Set the end labels of grey comparator lines in the darker grey of text (light grey is too faint to read)."""
    from bilateral import figures

    for t in texts:
        if t.get_text() != keep:
            t.set_color(figures.GREY)


def _partner(label: str, a: str) -> str:
    """The state paired with ``a`` in a pair label ``"AZE–RUS"``."""
    codes = label.split("–")
    return next((c for c in codes if c != a), codes[-1])


def _un_panel(ax, un: dict, a: str, b: str) -> None:
    from bilateral import figures

    y = un.get("yearly")
    main = pair_text((a, b))
    if y is None or not len(y):
        _empty(ax, "no common UN votes")
    else:
        for p in [p for p in dict.fromkeys(y["pair"]) if p != main]:
            d = y[y["pair"] == p]
            ax.plot(d["year"], d["kappa"], color=figures.MUTED_GREY, linewidth=0.9, label=display_name(_partner(p, a)))
        d = y[y["pair"] == main]
        ax.plot(d["year"], d["kappa"], color=PAIR_COLOUR, linewidth=2.0, label=display_name(b), zorder=3)
        dip.mark_switch(ax, un.get("switch", {}), label=False)
        ax.axhline(0, color=figures.GREY, linewidth=0.6)
        _grey_labels(figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT), display_name(b))
    ax.set_title(
        f"UN votes: {fmt.poss(display_name(a))} alignment with each state (Cohen's kappa)", loc="left", fontsize=9
    )


def _arms_panel(ax, arms: dict, a: str, b: str) -> None:
    from bilateral import figures

    by = arms.get("by_year")
    if by is not None and len(by) and by.to_numpy().sum() > 0:
        bottom = np.zeros(len(by))
        for col in by.columns:
            supplier = a if str(col).split(" → ")[0] == display_name(a) else b
            values = by[col].to_numpy()
            ax.bar(by.index, values, bottom=bottom, color=figures.colour(supplier), width=0.8)
            if values.sum() > 0:
                peak = int(np.argmax(values))
                ax.annotate(
                    str(col),
                    (by.index[peak], bottom[peak] + values[peak]),
                    xytext=(4, 2),
                    textcoords="offset points",
                    fontsize=figures.SMALL_TEXT_PT,
                    color=figures.colour(supplier),
                    ha="left",
                    va="bottom",
                )
            bottom = bottom + values
        ax.set_ylim(0, float(bottom.max()) * 1.3)
        ax.grid(axis="x", visible=False)
    else:
        _empty(ax, "no deliveries recorded" if arms.get("covered") else "not covered by the SIPRI register extract")
    ax.set_title("Arms deliveries, million TIV (volume)", loc="left", fontsize=9)


def _gas_panel(ax, gas: dict) -> None:
    from bilateral import figures

    if gas["kind"] == "tr_imports":
        sh, lab, sup = gas.get("shares"), gas.get("label"), gas["supplier"]
        if sh is not None and lab and lab in sh and sh[lab].notna().any():
            s = sh[lab]
            ax.plot(s.index, s.to_numpy(), color=figures.colour(sup), marker="o", markersize=3.5, linewidth=1.4)
            ax.set_ylim(0, max(30.0, float(s.max()) * 1.2))
        elif gas.get("source") == "iea":
            _empty(ax, f"no entry route carries gas from {display_name(sup)}")
        else:
            _empty(ax, f"the press figures name no gas imports from {display_name(sup)}")
        ax.set_title(f"Gas: {fmt.poss(display_name(sup))} share of all gas entering Türkiye, %", loc="left", fontsize=9)
        return
    w = gas["wide"]
    if len(w.columns):
        for c in w.columns:
            code, what = c.split()[0], c.split()[1]
            ax.plot(
                w.index,
                w[c],
                color=figures.colour(code),
                linestyle="-" if what == "production" else "--",
                linewidth=1.2,
                label=f"{display_name(code)} {what}",
            )
        figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
    else:
        _empty(ax, "neither state is listed by the Energy Institute")
    ax.set_title("Gas production (solid) and consumption (dashed), bcm", loc="left", fontsize=9)


def _trade_panel(ax, tr: dict, a: str, b: str) -> None:
    from bilateral import figures

    byt = tr.get("by_year")
    if byt is not None and len(byt) and byt.notna().any().any():
        for col in byt.columns:
            partner, reporter = col.split(" in ")
            ax.plot(
                byt.index,
                byt[col],
                color=figures.colour(partner),
                linewidth=1.4,
                label=f"{display_name(partner)} in {fmt.poss(display_name(reporter))} trade",
            )
        ax.set_ylim(bottom=0)
        figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
    else:
        _empty(ax, "no IMF figures for the period")
    ax.set_title("Trade: each state's share of the other's total trade, % (own figures)", loc="left", fontsize=9)


def _years(un: dict, arms: dict, gas: dict, tr: dict) -> list[int]:
    """Every year the four summary panels have data for (for their common time axis)."""
    frames = [
        un.get("yearly"),
        arms.get("by_year"),
        gas.get("shares") if gas["kind"] == "tr_imports" else gas.get("wide"),
        tr.get("by_year"),
    ]
    years = []
    for f in frames:
        if f is None or not len(f):
            continue
        if "year" in f.columns:
            years += [int(y) for y in f["year"]]
        elif f.notna().any(axis=None):
            years += [int(y) for y in f.index[f.notna().any(axis=1)]]
    return years


def plot_summary(un: dict, arms: dict, gas: dict, tr: dict, a: str, b: str, comparators: Sequence[str]):
    """Four stacked panels on one time axis, one per dimension: UN kappa of ``a`` with ``b`` (black) and with the
    comparators (grey); arms TIV delivered each way; the gas share (or production); each side's share of the other
    in its trade. Lines are labelled at their ends, bars at their peak."""
    from bilateral import figures

    fig, axes = figures.new("tall", 4, 1, sharex=True)
    fig.set_size_inches(6.7, 6.0)
    _un_panel(axes[0], un, a, b)
    _arms_panel(axes[1], arms, a, b)
    _gas_panel(axes[2], gas)
    _trade_panel(axes[3], tr, a, b)
    years = _years(un, arms, gas, tr)
    if years:
        axes[-1].set_xlim(min(years) - 0.7, max(years) + 0.7)
    axes[-1].set_xlabel("Year")
    return fig


def _tick_step(span: float) -> int:
    """Years between ticks on a time axis ``span`` years long."""
    return next((s for s, most in ((1, 6), (2, 12), (5, 35), (10, 80)) if span <= most), 20)


def plot_timeline(ev: pd.DataFrame):
    """The charted events (:func:`bilateral.overview.chronology.charted_events`), one labelled row each (its number
    and name, :func:`bilateral.events.draw_labelled_events`), the dot in its dimension's colour.

    Eras separated by long gaps (e.g. 1918–1921 and 1991 on) get their own stacked panel with their own scale.
    """
    from matplotlib.lines import Line2D

    from bilateral import figures

    eras = split_eras(ev["x"].tolist()) or [(0.0, 1.0)]
    groups = [ev[ev["x"].between(lo, hi)] for lo, hi in eras]
    rows = [max(len(g), 1) for g in groups]
    heights = [evs.LABEL_ROW_INCHES * (r + 1.2) for r in rows]
    fig, axes = figures.new("wide", len(eras), 1, gridspec_kw={"height_ratios": heights})
    fig.set_size_inches(6.7, sum(heights) + 0.3 * len(eras) + 0.6)
    axes = np.atleast_1d(axes)
    for ax, (lo, hi), g in zip(axes, eras, groups):
        xlim = (math.floor(lo) - 0.5, math.ceil(hi) + 0.5)
        evs.draw_labelled_events(
            ax,
            g["x"],
            [evs.short_label(n, t) for n, t in zip(g["no"], g["title"])],
            colours=[DIMENSION_COLOURS.get(d, OTHER_DIMENSION)[0] for d in g["dimension"]],
            hollow=evs.seed_only(g).to_numpy(),
            xlim=xlim,
        )
        step = _tick_step(xlim[1] - xlim[0])
        ticks = [t for t in range(math.ceil(xlim[0]), math.floor(xlim[1]) + 1) if t % step == 0] or [round(lo)]
        ax.set_xticks(ticks, [str(t) for t in ticks], fontsize=figures.SMALL_TEXT_PT)
    axes[-1].set_xlabel(
        "Year" + (" (a panel for each part of the record, separated by a long gap)" if len(eras) > 1 else "")
    )
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=6,
            color=DIMENSION_COLOURS.get(d, OTHER_DIMENSION)[0],
            label=d,
        )
        for d in dimension_order(ev)
    ]
    if evs.seed_only(ev).any():
        handles.append(
            Line2D(
                [], [], linestyle="none", marker="o", markersize=6, label="seed documents only (hollow)",
                **evs.marker_style(True, "#555555"), color="#555555",
            )
        )  # fmt: skip
    axes[0].legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncol=min(len(handles), 5),
        fontsize=figures.SMALL_TEXT_PT,
        frameon=False,
    )
    return fig


def plot_index(idx: pd.DataFrame, main: str):
    """The index per year: the report's pair in black, the comparison pairs in grey, each labelled at its line's
    end, over a strip of coverage counts.

    A marker is filled where the pair-year has as many indicators as the pair's best-covered year and
    hollow where it has fewer, so that changes caused by an indicator entering or leaving can be told apart.
    """
    from matplotlib.colors import ListedColormap

    from bilateral import figures

    labels = list(dict.fromkeys(idx.index.get_level_values("pair")))
    wide = idx["index"].unstack("pair")[labels]
    cov = idx["coverage"].unstack("pair")[labels]
    fig, (ax, strip) = figures.new("tall", 2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.25]})
    for p in [q for q in labels if q != main] + [main]:  # the pair last, on top
        thick = p == main
        colour = PAIR_COLOUR if thick else figures.MUTED_GREY
        full = cov[p] >= cov[p].max()
        ax.plot(wide.index, wide[p], color=colour, linewidth=2.4 if thick else 1.1, label=p, zorder=3 if thick else 2)
        ms = 5 if thick else 3.5
        z = 4 if thick else 2
        ax.plot(wide.index[full], wide[p][full], "o", color=colour, markersize=ms, zorder=z, label="_full")
        ax.plot(wide.index[~full], wide[p][~full], "o", color=colour, markerfacecolor="white", markersize=ms, zorder=z, label="_part")  # fmt: skip
    ax.set_ylim(0, 1)
    ax.set_ylabel("Index (0–1)")
    _grey_labels(figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT), main)
    n = len(INDICATORS)
    cmap = ListedColormap(["#ffffff", "#deebf7", "#9ecae1", "#4292c6", "#08519c"][: n + 1])
    grid = cov.T.to_numpy(dtype=float)
    strip.imshow(
        grid,
        aspect="auto",
        cmap=cmap,
        vmin=-0.5,
        vmax=n + 0.5,
        extent=(wide.index.min() - 0.5, wide.index.max() + 0.5, len(labels) - 0.5, -0.5),
        interpolation="nearest",
    )
    for j, p in enumerate(labels):
        for x, c in zip(cov.index, cov[p]):
            strip.text(
                x,
                j,
                str(int(c)),
                ha="center",
                va="center",
                fontsize=figures.SMALL_TEXT_PT,
                color="white" if c >= 3 else "black",
            )
    strip.set_yticks(range(len(labels)), labels, fontsize=figures.SMALL_TEXT_PT)
    strip.grid(False)
    strip.set_title(f"Indicators available (of {n}) per pair and year", loc="left", fontsize=8.5)
    strip.set_xlabel("Year")
    return fig


def plot_rank_distribution(dist: pd.DataFrame, summary: pd.DataFrame, main: str | None = None):
    """Horizontal stacked bars: for each pair, the share of random weightings giving each rank (the report's pair
    ``main`` in bold)."""
    from bilateral import figures

    fig, ax = figures.new("wide")
    n = dist.shape[1]
    cmap = __import__("matplotlib").colormaps["Blues_r"]
    colours = [cmap(0.1 + 0.75 * i / max(n - 1, 1)) for i in range(n)]
    labels = list(dist.index)
    yy = np.arange(len(labels))
    left = np.zeros(len(labels))
    for i, r in enumerate(dist.columns):
        vals = dist[r].to_numpy() * 100
        ax.barh(yy, vals, left=left, color=colours[i], edgecolor="white", linewidth=0.5, label=f"rank {r}")
        for y, v, l0 in zip(yy, vals, left):
            if v >= 7:
                ax.text(
                    l0 + v / 2,
                    y,
                    f"{v:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=figures.SMALL_TEXT_PT,
                    color="white" if i < n / 2 else "black",
                )
        left = left + vals
    ax.set_yticks(
        yy, [f"{p} (chosen weights: {int(summary.at[p, 'base_rank'])})" for p in labels], fontsize=figures.SMALL_TEXT_PT
    )
    for tick, p in zip(ax.get_yticklabels(), labels):
        if p == main:
            tick.set_fontweight("bold")
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of random weightings")
    ax.grid(axis="y", visible=False)
    ax.set_axisbelow(True)
    fig.legend(loc="outside lower center", ncol=min(n, 6), fontsize=figures.SMALL_TEXT_PT)
    return fig
