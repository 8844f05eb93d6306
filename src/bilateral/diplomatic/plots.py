"""Diplomatic relations, charts: each function returns a matplotlib figure for :func:`bilateral.figures.show`.

Colours come from :mod:`bilateral.figures` (one colour per country across the suite). :mod:`bilateral.figures`
(and so matplotlib) is imported inside the functions, so that importing the package for its computations does not
load matplotlib.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral.countries import display_name
from bilateral.diplomatic.compute import EVENT_GROUPS, ISSUE_METHODS, PLEDGES, pair_label

__all__ = [
    "INK",
    "comparator_colours",
    "mark_switch",
    "plot_alignment",
    "plot_comparator_dots",
    "plot_comparator_periods",
    "plot_cosponsorship",
    "plot_ideal",
    "plot_issue_disagreement",
    "plot_pledges",
    "plot_timeline",
]


def comparator_colours(codes: Sequence[str], pair: Sequence[str]) -> dict[str, str]:
    """A distinct colour per comparator, the same as in every chart of the suite (see
    :func:`bilateral.figures.country_colours`; the pair's own colours and black are never given to a comparator)."""
    from bilateral import figures

    colours = figures.country_colours(codes, pair)
    return {code: colours[code] for code in codes}


def mark_switch(ax, switch: dict, *, label: bool = True) -> None:
    """A dashed vertical line where the vote source changes, between the last yearly value from Voeten's roll
    calls and the first from the UN records (see :func:`switch_boundary`)."""
    if not switch:
        return
    from bilateral import figures

    ax.axvline(switch["boundary"], color="#444444", linestyle="--", linewidth=0.9, zorder=1)
    if label:
        ax.annotate(
            "UN records\nfrom " + pd.Timestamp(switch["first_un"]).strftime("%b %Y"),
            xy=(switch["boundary"], 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -2),
            textcoords="offset points",
            va="top",
            ha="left",
            fontsize=figures.SMALL_TEXT_PT,
            color="#444444",
        )


def _pair_colours(a: str, b: str) -> dict[str, str]:
    """The two states' colours, the same as in every chart of the suite."""
    from bilateral import figures

    return figures.country_colours([], pair=(a, b))


def plot_alignment(yearly: pd.DataFrame, part: pd.DataFrame, a: str, b: str, switch: dict):
    """Two panels: agreement share and kappa per year, named at their line ends (top); recorded votes held and
    common votes, named on the panel (bottom)."""
    from bilateral import figures

    fig, (top, bottom) = figures.new("tall", nrows=2, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]})
    y = yearly.sort_values("year")
    # measures of the pair, not of one state: black and grey, not a country's colour
    top.plot(y["year"], y["agreement_share"], marker="o", markersize=3, color="black", label="Agreement share")
    top.plot(y["year"], y["kappa"], marker="s", markersize=3, color=figures.GREY, label="Cohen's kappa")
    top.axhline(0, color=figures.GREY, linewidth=0.6)
    top.set_ylim(min(-0.1, float(np.nanmin(y["kappa"])) - 0.05) if len(y) else -0.1, 1.02)
    top.set_ylabel("Share / coefficient")
    figures.label_line_ends(top)
    mark_switch(top, switch)
    bottom.bar(part["year"], part["n_rollcalls"], color="#cccccc")
    bottom.bar(y["year"], y["n_votes"], color="black", width=0.5)
    for row, (text, colour) in enumerate(
        (("Recorded votes held", "#8a8a8a"), (f"Common votes of {display_name(a)} and {display_name(b)}", "black"))
    ):
        bottom.text(
            0.01,
            0.97 - 0.16 * row,
            text,
            transform=bottom.transAxes,
            color=colour,
            fontsize=figures.SMALL_TEXT_PT,
            va="top",
        )
    bottom.set_ylim(0, float(max(part["n_rollcalls"].max() if len(part) else 1, 1)) * 1.45)
    bottom.set_ylabel("Votes")
    mark_switch(bottom, switch, label=False)
    bottom.set_xlabel("Year")
    return fig


def plot_ideal(dist: pd.DataFrame, a: str, b: str):
    """Two panels: both ideal points with 5–95% posterior bands, each state named at its line end in its own
    colour (top); the distance between them (bottom). Unreliable years (few votes) are drawn hollow and left out
    of the distance line. No source switch is marked: the ideal points are estimated from their own vote data,
    not from the project's spliced series."""
    from bilateral import figures

    colours = _pair_colours(a, b)
    fig, (top, bottom) = figures.new("tall", nrows=2, sharex=True, gridspec_kw={"height_ratios": [1.6, 1]})
    for side, code in (("a", a), ("b", b)):
        col = colours[code]
        top.fill_between(dist["year"], dist[f"q5_{side}"], dist[f"q95_{side}"], color=col, alpha=0.18, linewidth=0)
        top.plot(dist["year"], dist[f"ideal_{side}"], color=col, marker="o", markersize=3, label=display_name(code))
    for side in ("a", "b"):
        bad = dist[dist[f"few_{side}"]]
        top.scatter(
            bad["year"], bad[f"ideal_{side}"], s=40, facecolors="white", edgecolors="black", zorder=5, linewidths=0.8
        )
    top.set_ylabel("Ideal point (latent scale)")
    figures.label_line_ends(top)
    good = dist[dist["reliable"]]
    bottom.plot(good["year"], good["distance"], color="black", marker="o", markersize=3)
    bottom.set_ylabel("Distance")
    bottom.set_ylim(bottom=0)
    bottom.set_xlabel("Year")
    return fig


def plot_comparator_periods(
    periodic: pd.DataFrame, a: str, b: str, comparators: Sequence[str], switch: dict, column: str = "kappa"
):
    """Two panels (one per state of the pair): ``column`` by period with each comparator in grey and with the
    other state of the pair in that state's colour, every line named at its end.

    Args:
        periodic: :func:`periodic_agreement` output for :func:`comparison_pairs`.
    """
    from bilateral import figures

    fig, axes = figures.new("tall", nrows=2, sharex=True, sharey=True)
    colours = _pair_colours(a, b)
    for ax, anchor in zip(axes, (a, b)):
        for c in comparators:
            s = periodic[periodic["pair"] == pair_label(anchor, c)]
            if s[column].notna().any():
                ax.plot(
                    s["mid"],
                    s[column],
                    color=figures.MUTED_GREY,
                    linewidth=1.0,
                    marker="o",
                    markersize=2.5,
                    label=display_name(c),
                )
        s = periodic[periodic["pair"] == pair_label(a, b)]
        other = b if anchor == a else a
        ax.plot(
            s["mid"],
            s[column],
            color=colours[other],
            linewidth=2.4,
            marker="o",
            markersize=4,
            label=display_name(other),
        )
        ax.axhline(0, color=figures.GREY, linewidth=0.6)
        ax.set_title(f"{display_name(anchor)} with …", loc="left")
        ax.set_ylabel("Cohen's kappa" if column == "kappa" else "Agreement share")
        mark_switch(ax, switch, label=False)
    spans = periodic.drop_duplicates("period")
    axes[-1].set_xticks(spans["mid"], spans["period"], rotation=30, ha="right", fontsize=figures.SMALL_TEXT_PT)
    for ax in axes:  # names at the line ends instead of a legend; comparators' names in a darker grey
        for text in figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT):
            if text.get_color() == figures.MUTED_GREY:
                text.set_color(figures.GREY)
    return fig


def plot_comparator_dots(table: pd.DataFrame, a: str, b: str):
    """Dot chart, one row per pair, the pair in black and the comparators in grey: pooled agreement share (left),
    kappa (middle) and mean ideal-point distance (right; lower is closer), for the whole period (dots) and the
    recent years (diamonds)."""
    from bilateral import figures

    t = table.iloc[::-1].reset_index(drop=True)
    fig, axes = figures.new("tall", ncols=3, sharey=True)
    ypos = np.arange(len(t))
    is_pair = (t["pair"] == pair_label(a, b)).to_numpy()
    colours = ["black" if p else figures.GREY for p in is_pair]
    panels = (
        (axes[0], "agreement_share", "Agreement share\n(higher = closer)"),
        (axes[1], "kappa", "Cohen's kappa\n(higher = closer)"),
        (axes[2], "distance", "Ideal-point distance\n(lower = closer)"),
    )
    for ax, col, label in panels:
        start = t[col].min(skipna=True) - 0.05 if col == "agreement_share" else 0
        ax.hlines(ypos, start, t[col], color="#dddddd", linewidth=1)
        ax.scatter(t[col], ypos, color=colours, zorder=3, s=[30 if p else 18 for p in is_pair])
        ax.scatter(t[f"{col}_recent"], ypos, facecolors="none", edgecolors=colours, zorder=3, s=30, marker="D")
        ax.set_xlabel(label, fontsize=8.5)
        ax.tick_params(axis="x", labelsize=figures.SMALL_TEXT_PT)
        ax.grid(axis="y", visible=False)
    axes[0].set_yticks(ypos, [p.replace("–", " – ") for p in t["pair"]], fontsize=figures.SMALL_TEXT_PT)
    for tick, pair in zip(axes[0].get_yticklabels(), is_pair):
        tick.set_fontweight("bold" if pair else "normal")
    axes[2].set_xlim(left=0)
    axes[2].scatter([], [], color=figures.GREY, s=22, label="Whole period")
    axes[2].scatter([], [], facecolors="none", edgecolors=figures.GREY, s=30, marker="D", label="Recent years")
    fig.legend(loc="outside lower center", ncols=2, fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_issue_disagreement(by_issue: pd.DataFrame):
    """Horizontal bars: disagreement share by issue area, one panel per issue method (vote source), each panel
    titled with its source (no legend); every bar labelled with its share and number of common votes."""
    from bilateral import figures

    labels = list(dict.fromkeys(by_issue["label"]))
    ypos = np.arange(len(labels))[::-1]
    top = float(by_issue["disagreement_share"].max(skipna=True) or 0) * 100
    fig, axes = figures.new("tall", ncols=len(ISSUE_METHODS), sharey=True)
    for ax, (method, name) in zip(np.atleast_1d(axes), ISSUE_METHODS.items()):
        rows = by_issue[by_issue["issue_method"] == method].set_index("label").reindex(labels)
        vals = rows["disagreement_share"].fillna(0) * 100
        ax.barh(
            ypos, vals, height=0.6, color=[("black" if lbl == "All recorded votes" else figures.GREY) for lbl in labels]
        )
        for y_, v, n in zip(ypos, rows["disagreement_share"], rows["n_votes"]):
            text = "no votes" if not n or pd.isna(n) else f"{v * 100:.0f}% of {int(n)}"
            ax.text((0 if pd.isna(v) else v * 100) + 1, y_, text, va="center", fontsize=figures.SMALL_TEXT_PT)
        ax.set_title(name.replace(" (", "\n("), loc="left", fontsize=figures.SMALL_TEXT_PT + 1)
        ax.set_xlim(0, max(10.0, top * 1.6))
        ax.set_xlabel("Voted differently (%)")
        ax.grid(axis="y", visible=False)
    np.atleast_1d(axes)[0].set_yticks(ypos, labels)
    return fig


def plot_cosponsorship(by_year: pd.DataFrame, a: str, b: str):
    """Resolutions sponsored each year by each state (in its colour) and by both (black), named at the line ends
    (top); the overlap share in a panel below on the same year axis (no second y axis)."""
    from bilateral import figures

    colours = _pair_colours(a, b)
    fig, (ax, ax2) = figures.new("tall", 2, 1, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]})
    x = by_year["year"].to_numpy()
    ax.plot(x, by_year["n_a"], color=colours[a], marker="o", markersize=3, label=display_name(a))
    ax.plot(x, by_year["n_b"], color=colours[b], marker="o", markersize=3, label=display_name(b))
    ax.plot(x, by_year["n_both"], color="black", marker="o", markersize=3, linewidth=2, label="Both")
    ax.set_ylabel("Resolutions sponsored")
    ax.set_ylim(bottom=0)
    figures.label_line_ends(ax)
    ax2.plot(x, by_year["overlap_share"] * 100, color="black", marker="o", markersize=3, linewidth=1.2)
    ax2.set_ylim(0, 100)
    ax2.set_ylabel("Overlap share (%)")
    ax2.set_xticks(x, [str(v) for v in x])
    ax2.set_xlim(x.min() - 0.5, x.max() + 1.2)
    return fig


#: Colour of the obligations in force on the pledges chart and of the events on the labelled timelines (a dark
#: grey: these charts show no country, so no country's colour).
INK = "#333333"


def _label(title: object, width: int) -> str:
    """An event's title shortened at a word to ``width`` characters for a label on the chart."""
    import textwrap

    text = " ".join(str(title).split())
    return textwrap.shorten(text, width=width, placeholder="…") if len(text) > width else text


#: Width of an average character of the labels (inches, DejaVu Sans at figures.SMALL_TEXT_PT, with a margin).
_CHAR_IN = 0.07


def _labels(x, titles, xlim: tuple[float, float], axes_in: float) -> list[str]:
    """Titles shortened to fit beside their dots: a label goes right of its dot, or left of it in the right 45% of
    the axis (as :func:`bilateral.events.draw_labelled_events` places it), and may use the room on that side of
    an axis ``axes_in`` inches wide."""
    lo, hi = xlim
    out = []
    for xv, title in zip(x, titles):
        frac = (float(xv) - lo) / (hi - lo)
        room = (frac if frac > 0.55 else 1 - frac) * axes_in - 0.15
        out.append(_label(title, max(20, min(90, int(room / _CHAR_IN)))))
    return out


def plot_pledges(grid: pd.DataFrame, commitments: pd.DataFrame, atop_last: int, end_year: int):
    """Obligation x year grid of ATOP pledges in force (top), the years after ATOP's last year shaded, over the
    pair's treaties and security commitments, one labelled row each, on the same time axis (bottom).

    Args:
        grid: :func:`bilateral.diplomatic.ties.pledge_grid` (obligations x years).
        commitments: :func:`bilateral.diplomatic.compute.commitments` within the chart's years.
    """
    from bilateral import events as evs
    from bilateral import figures, periods

    years = list(grid.columns)
    names = [PLEDGES[c] for c in grid.index]
    lo, hi = min(years), max(end_year, max(years))
    xlim = (lo - 0.8, hi + 0.8)
    rows = max(len(commitments), 1)
    grid_in, rows_in = 1.9, evs.LABEL_ROW_INCHES * (rows + 1)
    fig, (ax, strip) = figures.new("wide", 2, 1, sharex=True, gridspec_kw={"height_ratios": [grid_in, rows_in]})
    fig.set_size_inches(fig.get_figwidth(), grid_in + rows_in + 0.8)
    for i, c in enumerate(grid.index):
        on = [y for y in years if grid.loc[c, y] == 1]
        ax.scatter(on, [i] * len(on), marker="s", s=26, color=INK, zorder=3)
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(-0.7, len(names) - 0.3)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_title("Obligations in force (ATOP)", loc="left", fontsize=figures.SMALL_TEXT_PT + 1)
    for a in (ax, strip):
        if atop_last < hi:
            a.axvspan(atop_last + 0.5, xlim[1], color="#eeeeee", zorder=0)
    if atop_last < hi:
        ax.text(
            atop_last + 0.7,
            -0.55,
            f"no ATOP data\nafter {atop_last}",
            fontsize=figures.SMALL_TEXT_PT,
            color=figures.GREY,
            va="top",
        )
    if len(commitments):
        x = periods.decimal_year(commitments["date"], commitments["date_precision"]).to_numpy()
        for xv in x:
            ax.axvline(xv, color=figures.GREY, linewidth=0.6, linestyle=":", zorder=1)
        labels = _labels(x, commitments["title"], xlim, axes_in=fig.get_figwidth() - 1.3)
        evs.draw_labelled_events(strip, x, labels, colours=INK, hollow=evs.seed_only(commitments).to_numpy(), xlim=xlim)
        strip.set_title(
            "Treaties and security commitments (events table)", loc="left", fontsize=figures.SMALL_TEXT_PT + 1
        )
    else:
        evs.empty_strip(
            strip,
            "no treaty or security commitment of the pair in the events table",
            colour=figures.GREY,
            fontsize=figures.SMALL_TEXT_PT,
        )
    ax.set_xlim(*xlim)
    strip.set_xlabel("Year")
    return fig


def plot_timeline(ev: pd.DataFrame, start_year: int, end_year: int):
    """The period's strains in the relationship and multilateral or trilateral formats as a labelled timeline:
    one panel per kind (:data:`bilateral.diplomatic.compute.EVENT_GROUPS`), one row per event with its
    shortened title beside its dot, on one time axis; hollow dots rest on the seed documents alone. A kind
    without an event in the period gets no panel (the caller draws nothing when neither has one).
    """
    from bilateral import events as evs
    from bilateral import figures, periods

    ev = ev[ev["year"].notna() & (ev["year"] >= start_year) & (ev["year"] <= end_year)]
    cats = ev["category"] if "category" in ev else pd.Series("", index=ev.index)
    groups = [(plural, ev[cats == cat]) for cat, (_, plural) in EVENT_GROUPS.items() if (cats == cat).any()]
    heights = [len(g) + 1 for _, g in groups]
    fig, axes = figures.new("wide", max(len(groups), 1), 1, sharex=True, gridspec_kw={"height_ratios": heights or [1]})
    fig.set_size_inches(fig.get_figwidth(), evs.LABEL_ROW_INCHES * sum(heights or [2]) + 0.45 * len(groups) + 0.7)
    axes = np.atleast_1d(axes)
    xlim = (start_year - 0.5, end_year + 1.5)
    for ax, (plural, g) in zip(axes, groups):
        x = periods.decimal_year(g["date"], g["date_precision"]).to_numpy()
        evs.draw_labelled_events(
            ax,
            x,
            _labels(x, g["title"], xlim, axes_in=fig.get_figwidth() - 0.3),
            colours=INK,
            hollow=evs.seed_only(g).to_numpy(),
            xlim=xlim,
        )
        ax.set_title(f"{plural[0].upper()}{plural[1:]} ({len(g)})", loc="left", fontsize=figures.SMALL_TEXT_PT + 1)
    axes[-1].set_xlabel("Year")
    drawn = pd.concat([g for _, g in groups]) if groups else ev.iloc[0:0]
    if bool(evs.seed_only(drawn).any()):
        evs.add_marker_legend(axes[0], INK, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2)
    return fig
