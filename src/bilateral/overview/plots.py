"""Charts of the overview, each returning a matplotlib figure in the house style (:mod:`bilateral.figures`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import diplomatic as dip
from bilateral import events as evs
from bilateral.countries import display_name
from bilateral.overview.chronology import dimension_order, split_eras, stack_levels
from bilateral.overview.config import DIMENSION_COLOURS, INDICATORS, OTHER_DIMENSION, pair_text

__all__ = [
    "pair_colours",
    "plot_index",
    "plot_rank_distribution",
    "plot_summary",
    "plot_timeline",
]


def pair_colours(labels: Sequence[str]) -> dict[str, str]:
    """One colour per pair label: the Okabe–Ito palette in order (black last), then greys."""
    from bilateral import figures

    pal = [c for c in figures.PALETTE if c != "#F0E442"]
    spare = ["#882255", "#44AA99", "#999933", "#332288"]
    colours = pal[:-1] + spare + [pal[-1]]
    return {lab: colours[i % len(colours)] for i, lab in enumerate(labels)}


def _empty(ax, message: str) -> None:
    """Mark a panel as empty: a grey message, no ticks."""
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
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)


def plot_summary(un: dict, arms: dict, gas: dict, tr: dict, a: str, b: str, comparators: Sequence[str]):
    """Four small panels, one per dimension: UN kappa by year; arms TIV by year each way; gas share or
    production; each side's share of the other in its trade."""
    from bilateral import figures

    fig, axes = figures.new("tall", 2, 2)
    _na, _nb = display_name(a), display_name(b)
    # Diplomatic
    ax = axes[0, 0]
    y = un.get("yearly")
    if y is not None and len(y):
        comps = [p for p in dict.fromkeys(y["pair"]) if p != pair_text((a, b))]
        for i, p in enumerate(comps):
            d = y[y["pair"] == p]
            ax.plot(d["year"], d["kappa"], color="#bbbbbb", linewidth=0.8, label="with comparators" if i == 0 else None)
        d = y[y["pair"] == pair_text((a, b))]
        ax.plot(d["year"], d["kappa"], color=figures.colour(b), linewidth=1.8, label=pair_text((a, b)))
        dip.mark_switch(ax, un.get("switch", {}), label=False)
        ax.legend(loc="lower left", fontsize=figures.SMALL_TEXT_PT)
    else:
        _empty(ax, "no common UN votes")
    ax.set_title("UN votes: Cohen's kappa", loc="left", fontsize=9)
    ax.axhline(0, color=figures.GREY, linewidth=0.6)
    # Military
    ax = axes[0, 1]
    by = arms.get("by_year")
    if by is not None and len(by) and by.to_numpy().sum() > 0:
        bottom = np.zeros(len(by))
        for i, col in enumerate(by.columns):
            ax.bar(
                by.index,
                by[col].to_numpy(),
                bottom=bottom,
                color=[figures.colour(b), figures.colour(a)][i % 2],
                width=0.8,
                label=col,
            )
            bottom = bottom + by[col].to_numpy()
        ax.set_ylim(0, float(bottom.max()) * 1.25)
        ax.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
        ax.grid(axis="x", visible=False)
    else:
        msg = "no deliveries recorded" if arms.get("covered") else "not covered by the\nSIPRI register extract"
        _empty(ax, msg)
    ax.set_title("Arms deliveries, TIV million (volume)", loc="left", fontsize=9)
    # Energy
    ax = axes[1, 0]
    if gas["kind"] == "tr_imports":
        sh = gas.get("shares")
        lab = gas.get("label")
        if sh is not None and lab and lab in sh and sh[lab].notna().any():
            s = sh[lab]
            ax.plot(
                s.index, s.to_numpy(), color=figures.colour(gas["supplier"]), marker="o", markersize=4, linewidth=1.4
            )
            ax.set_ylim(0, max(30.0, float(s.max()) * 1.2))
            ax.set_xlim(min(s.index) - 0.5, max(s.index) + 0.5)
        elif gas.get("source") == "iea":
            _empty(ax, f"no entry route carries\ngas from {display_name(gas['supplier'])}")
        else:
            _empty(ax, f"the press figures name no gas\nimports from {display_name(gas['supplier'])}")
        ax.set_title(
            f"{display_name(gas['supplier'])}: % of "
            + ("gas entering Türkiye" if gas.get("source") == "iea" else "Türkiye's gas imports"),
            loc="left",
            fontsize=9,
        )
    else:
        w = gas["wide"]
        if len(w.columns):
            for i, c in enumerate(w.columns):
                code = c.split()[0]
                ax.plot(
                    w.index,
                    w[c],
                    color=figures.colour(code, i),
                    linestyle="-" if c.endswith("production") else "--",
                    linewidth=1.2,
                    label=f"{code} {c.split()[1][:4]}.",
                )
            ax.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
        else:
            _empty(ax, "not listed by the\nEnergy Institute")
        ax.set_title("Gas production / consumption, bcm", loc="left", fontsize=9)
    # Trade
    ax = axes[1, 1]
    byt = tr.get("by_year")
    if byt is not None and len(byt) and byt.notna().any().any():
        for i, col in enumerate(byt.columns):
            ax.plot(
                byt.index,
                byt[col],
                color=[figures.colour(b), figures.colour(a)][i % 2],
                linewidth=1.4,
                label=col.replace(" in ", "'s share in ") + "'s trade",
            )
        ax.legend(loc="best", fontsize=figures.SMALL_TEXT_PT)
        ax.set_ylim(bottom=0)
    else:
        _empty(ax, "no IMF figures for the period")
    ax.set_title("Trade: partner's % of total trade", loc="left", fontsize=9)
    # one time axis for the four panels, so that the dimensions can be compared year by year
    drawn = [ax for ax in axes.flat if ax.has_data()]
    if drawn:
        lo = min(ax.get_xlim()[0] for ax in drawn)
        hi = max(ax.get_xlim()[1] for ax in drawn)
        for ax in drawn:
            ax.set_xlim(lo, hi)
    return fig


def plot_timeline(ev: pd.DataFrame):
    """Events on a time axis, one lane per dimension, each a numbered dot in the dimension's colour.

    Eras separated by long gaps (e.g. 1918–1921 and 1991 on) get their own panel, each with its own
    scale; close events stack upwards within their lane so that every number stays legible.
    """
    from bilateral import figures

    dims = dimension_order(ev)
    eras = split_eras(ev["x"].tolist())
    if not eras:
        fig, ax = figures.new("small")
        ax.text(0.5, 0.5, "no events", transform=ax.transAxes, ha="center")
        return fig
    widths = [max(hi - lo + 2.0, 3.0) for lo, hi in eras]
    # width of the main drawing area ~5.9 in; a dot ~0.2 in wide (its number at the suite's smallest text size)
    years_per_inch = sum(widths) / 5.9
    gap = 0.22 * years_per_inch
    levels = {}
    for d in dims:
        for lo, hi in eras:
            rows = ev[(ev["dimension"] == d) & ev["x"].between(lo, hi)]
            for i, lv in zip(rows.index, stack_levels(rows["x"].tolist(), gap)):
                levels[i] = lv
    depth = {d: max([levels[i] for i in ev.index[ev["dimension"] == d]], default=0) + 1 for d in dims}
    base, y0 = {}, 0.0
    for d in dims:
        base[d] = y0
        y0 += depth[d] + 0.6
    height = min(9.0, 1.1 + 0.24 * y0)
    fig, axes = figures.new("wide", 1, len(eras), sharey=True, gridspec_kw={"width_ratios": widths})
    fig.set_size_inches(6.7, height)
    axes = np.atleast_1d(axes)
    for k, ((lo, hi), ax) in enumerate(zip(eras, axes)):
        rows = ev[ev["x"].between(lo, hi)]
        hollow = evs.seed_only(rows)
        for i, r in rows.iterrows():
            face, text = DIMENSION_COLOURS.get(r["dimension"], OTHER_DIMENSION)
            yy = base[r["dimension"]] + levels[i]
            ax.plot(r["x"], yy, "o", markersize=14.5, color=face, zorder=3, **evs.marker_style(hollow[i], face))
            ax.text(
                r["x"],
                yy,
                str(r["no"]),
                ha="center",
                va="center",
                fontsize=figures.SMALL_TEXT_PT,
                color=face if hollow[i] else text,
                zorder=4,
            )
        pad = (widths[k] - (hi - lo)) / 2
        ax.set_xlim(lo - pad, hi + pad)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", length=0)
        span = hi - lo + 2 * pad
        inches = 5.9 * widths[k] / sum(widths)
        step = next(st for st in (1, 2, 5, 10, 20, 50) if span / st <= max(inches / 0.5, 1))
        first = int(np.ceil(lo - pad))
        ticks = [t for t in range(first, int(hi + pad) + 1) if t % step == 0] or [round((lo + hi) / 2)]
        ax.set_xticks(ticks, [str(t) for t in ticks], fontsize=figures.SMALL_TEXT_PT)
        if k > 0:
            ax.spines["left"].set_visible(False)
            ax.tick_params(axis="y", left=False)
    axes[0].set_yticks(
        [base[d] + (depth[d] - 1) / 2 for d in dims], [f"{d} ({int((ev['dimension'] == d).sum())})" for d in dims]
    )
    axes[0].set_ylim(y0 - 0.3, -0.7)
    for d in dims:
        for ax in axes:
            ax.axhspan(base[d] - 0.5, base[d] + depth[d] - 0.5, color="#f4f4f4", zorder=0)
    fig.supxlabel(
        "Year" + (" (separate panels where the record has a long gap)" if len(eras) > 1 else ""), fontsize=8.5
    )
    if evs.seed_only(ev).any():
        evs.add_marker_legend(axes[-1], loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2)
    return fig


def plot_index(idx: pd.DataFrame, main: str):
    """The index per year, one line per pair (the report's pair thicker), over a strip of coverage counts.

    A marker is filled where the pair-year has as many indicators as the pair's best-covered year and
    hollow where it has fewer, so that changes caused by an indicator entering or leaving can be told apart.
    """
    from matplotlib.colors import ListedColormap

    from bilateral import figures

    labels = list(dict.fromkeys(idx.index.get_level_values("pair")))
    colours = pair_colours(labels)
    wide = idx["index"].unstack("pair")[labels]
    cov = idx["coverage"].unstack("pair")[labels]
    fig, (ax, strip) = figures.new("tall", 2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.25]})
    for p in labels:
        thick = p == main
        full = cov[p] >= cov[p].max()
        ax.plot(
            wide.index, wide[p], color=colours[p], linewidth=2.4 if thick else 1.2, label=p, zorder=3 if thick else 2
        )
        ms = 5 if thick else 3.5
        ax.plot(wide.index[full], wide[p][full], "o", color=colours[p], markersize=ms, zorder=4 if thick else 2)
        ax.plot(
            wide.index[~full],
            wide[p][~full],
            "o",
            color=colours[p],
            markerfacecolor="white",
            markersize=ms,
            zorder=4 if thick else 2,
        )
    ax.set_ylim(0, 1)
    ax.set_ylabel("Index (0–1)")
    ax.legend(loc="upper left", ncol=min(3, len(labels)), fontsize=figures.SMALL_TEXT_PT)
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


def plot_rank_distribution(dist: pd.DataFrame, summary: pd.DataFrame):
    """Horizontal stacked bars: for each pair, the share of random weightings giving each rank."""
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
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of random weightings")
    ax.grid(axis="y", visible=False)
    ax.set_axisbelow(True)
    fig.legend(loc="outside lower center", ncol=min(n, 6), fontsize=figures.SMALL_TEXT_PT)
    return fig
