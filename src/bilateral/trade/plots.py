"""Charts of the trade report: each function returns a matplotlib figure in the house style
(:mod:`bilateral.figures`: one colour per country across the suite); the notebook shows it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import figures, fmt
from bilateral.countries import display_name
from bilateral.trade.compute import DOTS_YEARS
from bilateral.trade.press import TURNOVER
from bilateral.trade.text import side_label

__all__ = [
    "gdp_frames",
    "intensity_frames",
    "plot_balance",
    "plot_gdp",
    "plot_intensity",
    "plot_mirror",
    "plot_press",
    "plot_ratio",
    "plot_shares",
    "rank_lines",
    "ratio_frames",
    "share_panels",
]


def _mark_estimates(ax, x, y, flags, colour) -> bool:
    """Hollow markers on IMF-estimated points; returns True if any were drawn."""
    mask = np.asarray(flags, dtype=bool) & ~np.isnan(np.asarray(y, dtype=float))
    if not mask.any():
        return False
    ax.scatter(
        np.asarray(x)[mask],
        np.asarray(y, dtype=float)[mask],
        s=28,
        facecolors="white",
        edgecolors=colour,
        linewidths=1.3,
        zorder=4,
    )
    return True


def _estimate_legend(ax) -> None:
    from matplotlib.lines import Line2D

    handles, labels = ax.get_legend_handles_labels()
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="#333333",
            label="IMF estimate (e)",
        )
    )
    labels.append("IMF estimate (e)")
    ax.legend(handles, labels, loc="upper left")


def _log_axis(ax) -> None:
    """Log-scale y axis labelled 0.1, 0.2, 0.5, 1, 2, 5, 10 … (no scientific notation)."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,g}"))
    ax.yaxis.set_minor_formatter(NullFormatter())


def _usd_axis(ax, label: str = "US$ million, current prices") -> None:
    from matplotlib.ticker import FuncFormatter

    ax.set_ylabel(label)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def plot_mirror(m: pd.DataFrame, exporter: str, importer: str):
    """Line chart of one direction of trade as each side reports it (estimates hollow-marked)."""
    fig, ax = figures.new("wide")
    x = m.index.to_numpy()
    colours = figures.country_colours([exporter, importer])
    ce, ci = colours[exporter], colours[importer]
    en, im = display_name(exporter), display_name(importer)
    ax.plot(
        x, m["exporter_reported_usd_m"], color=ce, marker=".", label=f"{en}'s exports to {im}, FOB ({en}'s figures)"
    )
    ax.plot(
        x,
        m["importer_reported_usd_m"],
        color=ci,
        marker=".",
        linestyle="--",
        label=f"{im}'s imports from {en}, CIF ({im}'s figures)",
    )
    any_e = _mark_estimates(ax, x, m["exporter_reported_usd_m"], m["exporter_is_estimate"], ce)
    any_e = _mark_estimates(ax, x, m["importer_reported_usd_m"], m["importer_is_estimate"], ci) or any_e
    _usd_axis(ax)
    ax.set_xlabel("Year")
    ax.set_ylim(bottom=0)
    if any_e:
        _estimate_legend(ax)
    else:
        ax.legend(loc="upper left")
    return fig


def plot_balance(bal: pd.DataFrame, a: str, b: str):
    """Line chart of ``a``'s balance with ``b`` from each side's records."""
    fig, ax = figures.new("wide")
    x = bal.index.to_numpy()
    na, nb = display_name(a), display_name(b)
    ax.axhline(0, color=figures.GREY, linewidth=0.8)
    colours = figures.country_colours([a, b])
    ax.plot(x, bal["a_records_usd_m"], color=colours[a], marker=".", label=f"{na}'s figures (exports − imports)")
    ax.plot(
        x,
        bal["b_records_usd_m"],
        color=colours[b],
        marker=".",
        linestyle="--",
        label=f"{nb}'s figures (imports − exports)",
    )
    _usd_axis(ax, f"US$ million\n(above 0: surplus for {na})")
    ax.set_xlabel("Year")
    ax.legend(loc="upper left")
    return fig


def plot_shares(panels: Sequence[tuple[str, pd.DataFrame, str]]):
    """Small multiples of partner shares (%): one panel per (title, shares frame, highlighted partner).

    The highlighted partner is drawn thick; comparators thin. Estimated points are hollow-marked.
    """
    n = len(panels)
    nrows = (n + 1) // 2
    fig, axes = figures.new("tall", nrows, 2, sharex=True, squeeze=False)
    any_e = False
    legend_entries: dict[str, object] = {}
    colours = figures.country_colours([h for _, _, h in panels] + [p for _, f, _ in panels for p in f["partner"]])
    for ax, (title, frame, highlight) in zip(axes.flat, panels):
        partners = list(dict.fromkeys(frame["partner"]))
        for partner in partners:
            rows = frame[frame["partner"] == partner]
            colour = colours[partner]
            (line,) = ax.plot(
                rows["year"],
                rows["share_pct"],
                color=colour,
                linewidth=2.4 if partner == highlight else 1.0,
                label=display_name(partner),
            )
            legend_entries.setdefault(display_name(partner), line)
            any_e = _mark_estimates(ax, rows["year"], rows["share_pct"], rows["is_estimate"], colour) or any_e
        ax.set_title(title, loc="left", fontsize=9)
        ax.set_ylim(bottom=0)
        ax.set_ylabel("% of total")
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    handles = list(legend_entries.values())
    labels = list(legend_entries)
    if any_e:
        from matplotlib.lines import Line2D

        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#333333"))
        labels.append("IMF estimate (e)")
    fig.legend(handles, labels, loc="outside lower center", ncol=min(5, len(labels)))
    return fig


def plot_intensity(frames: Sequence[tuple[str, pd.DataFrame, str]]):
    """Line chart of trade intensity indices (log scale), one line per (label, frame, colour code)."""
    fig, ax = figures.new("wide")
    colours = figures.country_colours([code for _, _, code in frames])
    for i, (label, frame, code) in enumerate(frames):
        values = frame["intensity"].where(frame["intensity"] > 0)
        ax.plot(frame.index, values, color=colours[code], marker=".", linestyle="-" if i == 0 else "--", label=label)
    ax.axhline(1, color=figures.GREY, linewidth=0.8)
    _log_axis(ax)
    ax.set_ylabel("Trade intensity index\n(log scale; 1 = neutral)")
    ax.set_xlabel("Year")
    figures.label_line_ends(ax)
    return fig


def plot_gdp(frames: Sequence[tuple[str, pd.DataFrame, str]]):
    """Bilateral turnover as % of GDP: one panel per (label, frame, colour code), each with its own y scale
    (the two countries' ratios can differ by orders of magnitude, and one early outlier would flatten a
    shared axis)."""
    fig, axes = figures.new("tall", len(frames), 1, sharex=True, squeeze=False)
    colours = figures.country_colours([code for _, _, code in frames])
    for ax, (label, frame, code) in zip(axes[:, 0], frames):
        ax.plot(frame.index, frame["pct_gdp"], color=colours[code], marker=".")
        ax.set_title(label, loc="left", fontsize=9)
        ax.set_ylabel("% of GDP")
        ax.set_ylim(bottom=0)
    axes[-1, 0].set_xlabel("Year")
    return fig


def plot_press(turnover: pd.DataFrame, full: pd.DataFrame, a: str, b: str, after: int = DOTS_YEARS[1]):
    """DOTS turnover by side up to 2020 (lines) and full-year press turnover figures after it (points).

    The two are drawn apart: the press points are hollow, never joined to the DOTS lines or to
    each other, and a shaded band labelled "press figures (not DOTS)" marks their years.
    """
    fig, ax = figures.new("wide")
    colours = figures.country_colours([a, b])
    for i, code in enumerate((a, b)):
        ax.plot(
            turnover.index,
            turnover[code],
            color=colours[code],
            marker=".",
            linestyle="-" if i == 0 else "--",
            label=f"DOTS: {display_name(code)}'s figures",
        )
    points = full[full["measure"] == TURNOVER]
    last = after
    if len(points):
        ax.axvspan(last + 0.5, int(points["year"].max()) + 0.5, color="#eeeeee", zorder=0)
        ax.text(
            last + 0.7,
            0.03,
            "press figures\n(not DOTS)",
            transform=ax.get_xaxis_transform(),
            va="bottom",
            fontsize=figures.SMALL_TEXT_PT,
            color="#444444",
        )
        markers = {a: "o", b: "s"}
        for _j, side in enumerate([a, b, None]):
            rows = points[points["side"].isna()] if side is None else points[points["side"] == side]
            if rows.empty:
                continue
            colour = colours[side] if side else figures.GREY
            ax.scatter(
                rows["year"],
                rows["value_usd_m"],
                marker=markers.get(side, "^"),
                facecolors="white",
                edgecolors=colour,
                linewidths=1.4,
                s=40,
                zorder=4,
                label=f"Press: turnover, {side_label(side, a, b)}",
            )
    _usd_axis(ax)
    ax.set_xlabel("Year")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_ratio(frames: Sequence[tuple[str, pd.DataFrame, str]]):
    """Line chart of importer-reported / exporter-reported values for each direction (log scale, 1 = agreement)."""
    fig, ax = figures.new("wide")
    colours = figures.country_colours([code for _, _, code in frames])
    for i, (label, m, code) in enumerate(frames):
        values = m["ratio"].where(m["ratio"] > 0)
        ax.plot(m.index, values, color=colours[code], marker=".", linestyle="-" if i == 0 else "--", label=label)
    ax.axhline(1, color=figures.GREY, linewidth=0.8)
    _log_axis(ax)
    ax.set_ylabel("Importer's figure ÷ exporter's figure\n(log scale; 1 = the two agree)")
    ax.set_xlabel("Year")
    figures.label_line_ends(ax)
    return fig


# ---------------------------------------------------------------------------------------------
# Inputs of the charts, labelled for the reader
# ---------------------------------------------------------------------------------------------


def share_panels(
    P, sh_ax: pd.DataFrame, sh_am: pd.DataFrame, sh_bx: pd.DataFrame, sh_bm: pd.DataFrame
) -> list[tuple[str, pd.DataFrame, str]]:
    """The panels of :func:`plot_shares` from the four :func:`shares` frames: a panel is kept only when it shows
    the pair (a share of the partner exists in some year), never comparators alone."""
    na, nb, a, b = P.name_a, P.name_b, P.country_a, P.country_b
    panels = [
        (f"{na}'s exports ({na}'s figures)", sh_ax, b),
        (f"{na}'s imports ({na}'s figures)", sh_am, b),
        (f"{nb}'s exports ({nb}'s figures)", sh_bx, a),
        (f"{nb}'s imports ({nb}'s figures)", sh_bm, a),
    ]
    return [p for p in panels if p[1].loc[p[1]["partner"] == p[2], "share_pct"].notna().any()]


def rank_lines(P, tr_ranks: pd.DataFrame, complete) -> list[tuple[str, pd.DataFrame, str]]:
    """The lines of :func:`bilateral.ranks.plot_rank_over_time`: each country's rank among all of the other's
    partners (exports plus imports), for the reporters whose trade with every partner the data hold."""
    pairs = ((P.country_a, P.country_b), (P.country_b, P.country_a))
    return [
        (
            f"{display_name(y)} among {fmt.poss(display_name(x))} partners",
            tr_ranks[(tr_ranks["reporter"] == x) & (tr_ranks["flow"] == "total")],
            y,
        )
        for x, y in pairs
        if x in complete
    ]


def ratio_frames(P, m_ab: pd.DataFrame, m_ba: pd.DataFrame) -> list[tuple[str, pd.DataFrame, str]]:
    """The lines of :func:`plot_ratio`: each direction's :func:`mirror` frame, labelled "A → B"."""
    return [(f"{P.name_a} → {P.name_b}", m_ab, P.country_a), (f"{P.name_b} → {P.name_a}", m_ba, P.country_b)]


def intensity_frames(P, int_ab: pd.DataFrame, int_ba: pd.DataFrame) -> list[tuple[str, pd.DataFrame, str]]:
    """The lines of :func:`plot_intensity`: each country's exports to the other."""
    return [
        (f"{P.name_a}'s exports to {P.name_b}", int_ab, P.country_a),
        (f"{P.name_b}'s exports to {P.name_a}", int_ba, P.country_b),
    ]


def gdp_frames(P, gdp_a: pd.DataFrame, gdp_b: pd.DataFrame) -> list[tuple[str, pd.DataFrame, str]]:
    """The panels of :func:`plot_gdp`: each country's trade with the other as a share of its own GDP."""
    na, nb = P.name_a, P.name_b
    return [
        (f"{na}: trade with {nb}, % of {na}'s GDP", gdp_a, P.country_a),
        (f"{nb}: trade with {na}, % of {nb}'s GDP", gdp_b, P.country_b),
    ]
