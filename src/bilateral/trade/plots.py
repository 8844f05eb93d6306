"""Charts of the trade report: each function returns a matplotlib figure in the house style
(:mod:`bilateral.figures`: one colour per country across the suite); the notebook shows it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import figures, fmt, ranks
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
    "plot_ranks",
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


def _labels_grey(texts, keep: set[str]) -> None:
    """Comparators' direct labels in grey text (their lines are light grey; the partner keeps its colour)."""
    for t in texts:
        if t.get_text() not in keep:
            t.set_color(figures.GREY)


def plot_mirror(m: pd.DataFrame, exporter: str, importer: str):
    """Line chart of one direction of trade as each side reports it, each line labelled at its end (no legend);
    IMF estimates hollow-marked (the caption's note says so)."""
    fig, ax = figures.new("wide")
    x = m.index.to_numpy()
    colours = figures.country_colours([exporter, importer])
    ce, ci = colours[exporter], colours[importer]
    en, im = display_name(exporter), display_name(importer)
    ax.plot(x, m["exporter_reported_usd_m"], color=ce, marker=".", label=f"{fmt.poss(en)} exports")
    ax.plot(x, m["importer_reported_usd_m"], color=ci, marker=".", linestyle="--", label=f"{fmt.poss(im)} imports")
    _mark_estimates(ax, x, m["exporter_reported_usd_m"], m["exporter_is_estimate"], ce)
    _mark_estimates(ax, x, m["importer_reported_usd_m"], m["importer_is_estimate"], ci)
    _usd_axis(ax)
    ax.set_xlabel("Year")
    ax.set_ylim(bottom=0)
    figures.label_line_ends(ax)
    return fig


def plot_balance(bal: pd.DataFrame, a: str, b: str):
    """Line chart of ``a``'s balance with ``b`` from each side's records, labelled at the line ends."""
    fig, ax = figures.new("wide")
    x = bal.index.to_numpy()
    na, nb = display_name(a), display_name(b)
    ax.axhline(0, color=figures.GREY, linewidth=0.8)
    colours = figures.country_colours([a, b])
    ax.plot(x, bal["a_records_usd_m"], color=colours[a], marker=".", label=f"by {fmt.poss(na)} records")
    ax.plot(x, bal["b_records_usd_m"], color=colours[b], marker=".", linestyle="--", label=f"by {fmt.poss(nb)} records")
    _usd_axis(ax, f"US$ million\n(above 0: surplus for {na})")
    ax.set_xlabel("Year")
    figures.label_line_ends(ax)
    return fig


def plot_shares(panels: Sequence[tuple[str, pd.DataFrame, str]], *, label_above: int = 2):
    """Small multiples of partner shares (%): one panel per (title, shares frame, highlighted partner).

    The highlighted partner is drawn thick in its colour and labelled at its line end; the comparators are thin
    grey lines, and the ``label_above`` comparators with the largest last values above the partner's are labelled
    too (so a reader sees who takes more). No legend. Estimated points are hollow-marked.
    """
    n = len(panels)
    nrows = (n + 1) // 2
    fig, axes = figures.new("tall", nrows, 2, sharex=True, squeeze=False)
    colours = figures.country_colours([h for _, _, h in panels])
    for ax, (title, frame, highlight) in zip(axes.flat, panels):
        last = frame.dropna(subset=["share_pct"]).sort_values("year").groupby("partner")["share_pct"].last()
        mine = last.get(highlight, float("nan"))
        above = [p for p in last.sort_values(ascending=False).index if p != highlight and last[p] > mine]
        named = {highlight, *above[:label_above]}
        for partner in sorted(dict.fromkeys(frame["partner"]), key=lambda p: p == highlight):
            rows = frame[frame["partner"] == partner]
            colour = colours[highlight] if partner == highlight else figures.MUTED_GREY
            ax.plot(
                rows["year"],
                rows["share_pct"],
                color=colour,
                linewidth=2.4 if partner == highlight else 1.0,
                label=display_name(partner) if partner in named else "_" + partner,
                zorder=3 if partner == highlight else 2,
            )
            _mark_estimates(ax, rows["year"], rows["share_pct"], rows["is_estimate"], colour)
        ax.set_title(title, loc="left", fontsize=9)
        ax.set_ylim(bottom=0)
        ax.set_ylabel("% of total")
        texts = figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
        _labels_grey(texts, {display_name(highlight)})
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    return fig


def plot_press(turnover: pd.DataFrame, full: pd.DataFrame, a: str, b: str, after: int = DOTS_YEARS[1]):
    """DOTS turnover by side up to 2020 (lines) and full-year press turnover figures after it (points).

    The two are drawn apart: the press points are hollow, never joined to the DOTS lines or to each other, and
    a shaded band labelled "press figures (not IMF)" marks their years. Lines and point groups are labelled on
    the chart (no legend).
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
            label=f"IMF, {fmt.poss(display_name(code))} figures",
        )
    points = full[full["measure"] == TURNOVER]
    if len(points):
        ax.axvspan(after + 0.5, int(points["year"].max()) + 0.5, color="#eeeeee", zorder=0)
        ax.text(
            after + 0.7,
            0.03,
            "press figures\n(not IMF)",
            transform=ax.get_xaxis_transform(),
            va="bottom",
            fontsize=figures.SMALL_TEXT_PT,
            color="#444444",
        )
        markers = {a: "o", b: "s"}
        for side in [a, b, None]:
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
            )
            top = rows.loc[rows["value_usd_m"].idxmax()]
            ax.annotate(
                f"press, {side_label(side, a, b)}",
                (top["year"], top["value_usd_m"]),
                xytext=(0, 8),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=figures.SMALL_TEXT_PT,
                color=colour,
                annotation_clip=False,
            )
    _usd_axis(ax)
    ax.set_xlabel("Year")
    ax.set_ylim(bottom=0)
    _label_turnover_lines(ax, turnover, [a, b], colours)
    return fig


def _label_turnover_lines(ax, turnover: pd.DataFrame, codes: Sequence[str], colours: dict[str, str]) -> None:
    """Name the IMF turnover lines without crossing the press points to their right: the line that ends lower is
    labelled at its end; the one that ends higher just above its own highest point over the label's width, the
    label ending at the line's last year."""
    size = figures.SMALL_TEXT_PT
    ends = []
    for code in codes:
        s = turnover[code].dropna()
        if len(s):
            ends.append((float(s.iloc[-1]), code, s))
    if not ends:
        return
    ends.sort(key=lambda e: e[0])
    ax.autoscale_view()
    x0, x1 = ax.get_xlim()
    width_pt = ax.get_position().width * ax.figure.get_figwidth() * 72
    for j, (_, code, s) in enumerate(ends):
        label = f"IMF, {fmt.poss(display_name(code))} figures"
        x_last = float(s.index[-1])
        if j < len(ends) - 1:  # lower ends: beside the end, like label_line_ends
            ax.annotate(label, (x_last, s.iloc[-1]), xytext=(5, 0), textcoords="offset points", ha="left",
                        va="center", fontsize=size, color=colours[code], annotation_clip=False)  # fmt: skip
            continue
        span = 0.6 * size * len(label) * (x1 - x0) / width_pt  # the label's width in years, roughly
        top = float(s[(s.index >= x_last - span)].max())
        ax.annotate(label, (x_last, top), xytext=(0, 5), textcoords="offset points", ha="right", va="bottom",
                    fontsize=size, color=colours[code], annotation_clip=False)  # fmt: skip


def plot_ranks(lines: Sequence[tuple[str, pd.DataFrame, str]]):
    """:func:`bilateral.ranks.plot_rank_over_time` with its lines named on the chart instead of in a legend.

    With two lines and room between them, each name sits in the gap, centred: the better-ranked line's name just
    under its worst point, the other's just over its best point, so neither crosses a line. Otherwise a name sits
    beside its line's last point (above it for the best-ranked line, below for the others).
    """
    fig = ranks.plot_rank_over_time(lines)
    ax = fig.axes[0]
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    drawn = []
    for line in ax.get_lines():
        label = line.get_label()
        x, y = (np.asarray(v, dtype=float) for v in line.get_data())
        ok = np.isfinite(x) & np.isfinite(y)
        if not label.startswith("_") and ok.any():
            drawn.append((float(np.median(y[ok])), x[ok], y[ok], label, line.get_color()))
    drawn.sort(key=lambda d: d[0])  # best-ranked (smallest) first
    ax.autoscale_view()
    to_pt = ax.transData.transform
    size = figures.SMALL_TEXT_PT
    if len(drawn) == 2:
        (_, _, y1, l1, c1), (_, _, y2, l2, c2) = drawn
        gap_px = to_pt((0, y1.max()))[1] - to_pt((0, y2.min()))[1]  # y axis inverted: rank 1 at the top
        if gap_px * 72 / fig.dpi > 4 * size:
            mid = (ax.get_xlim()[0] + ax.get_xlim()[1]) / 2
            for y, label, colour, dy, va in ((y1.max(), l1, c1, -5, "top"), (y2.min(), l2, c2, 5, "bottom")):
                ax.annotate(
                    label, (mid, y), xytext=(0, dy), textcoords="offset points", ha="center", va=va, fontsize=size,
                    color=colour,
                )  # fmt: skip
            return fig
    for j, (_, x, y, label, colour) in enumerate(drawn):
        ax.annotate(
            label,
            (x[-1], y[-1]),
            xytext=(0, 9 if j == 0 else -9),
            textcoords="offset points",
            ha="right",
            va="bottom" if j == 0 else "top",
            fontsize=size,
            color=colour,
        )
    return fig


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


def _log_lines(frames: Sequence[tuple[str, pd.DataFrame, str]], column: str, ylabel: str):
    """Lines of ``column`` on a log scale around 1 (drawn as a reference), one per (label, frame, colour code);
    the first line solid, the others dashed, each labelled at its end."""
    fig, ax = figures.new("wide")
    colours = figures.country_colours([code for _, _, code in frames])
    for i, (label, frame, code) in enumerate(frames):
        values = frame[column].where(frame[column] > 0)
        ax.plot(frame.index, values, color=colours[code], marker=".", linestyle="-" if i == 0 else "--", label=label)
    ax.axhline(1, color=figures.GREY, linewidth=0.8)
    _log_axis(ax)
    ax.set_ylabel(ylabel)
    ax.set_xlabel("Year")
    figures.label_line_ends(ax)
    return fig


def plot_intensity(frames: Sequence[tuple[str, pd.DataFrame, str]]):
    """Line chart of trade intensity indices (log scale), one line per (label, frame, colour code)."""
    return _log_lines(frames, "intensity", "Trade intensity index\n(log scale; 1 = neutral)")


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


def plot_ratio(frames: Sequence[tuple[str, pd.DataFrame, str]]):
    """Line chart of importer-reported / exporter-reported values for each direction (log scale, 1 = agreement)."""
    return _log_lines(frames, "ratio", "Importer's figure ÷ exporter's figure\n(log scale; 1 = the two agree)")


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
