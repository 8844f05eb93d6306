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
from bilateral.diplomatic.compute import ISSUE_METHODS, PLEDGES, pair_label

__all__ = [
    "TIMELINE_ORDER",
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


def plot_alignment(yearly: pd.DataFrame, part: pd.DataFrame, a: str, b: str, switch: dict):
    """Two panels: agreement share and kappa per year (top); roll calls held and common votes (bottom)."""
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
    bottom.bar(part["year"], part["n_rollcalls"], color="#cccccc", label="Recorded votes held")
    bottom.bar(
        y["year"],
        y["n_votes"],
        color="black",
        width=0.5,
        label=f"Common votes (both {display_name(a)} and {display_name(b)} voted)",
    )
    bottom.set_ylabel("Votes")
    bottom.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
    mark_switch(bottom, switch, label=False)
    bottom.set_xlabel("Year")
    return fig


def plot_ideal(dist: pd.DataFrame, a: str, b: str):
    """Two panels: both ideal points with 5–95% posterior bands (top); the distance between them (bottom).
    Unreliable years (few votes) are drawn hollow and left out of the distance line. No source switch is
    marked: the ideal points are estimated from their own vote data, not from the project's spliced series."""
    from bilateral import figures

    fig, (top, bottom) = figures.new("tall", nrows=2, sharex=True, gridspec_kw={"height_ratios": [1.6, 1]})
    for side, code in (("a", a), ("b", b)):
        col = figures.colour(code, 0 if side == "a" else 1)
        top.fill_between(dist["year"], dist[f"q5_{side}"], dist[f"q95_{side}"], color=col, alpha=0.18, linewidth=0)
        top.plot(dist["year"], dist[f"ideal_{side}"], color=col, marker="o", markersize=3, label=display_name(code))
    if (dist["few_a"] | dist["few_b"]).any():
        for side in ("a", "b"):
            bad = dist[dist[f"few_{side}"]]
            top.scatter(
                bad["year"],
                bad[f"ideal_{side}"],
                s=40,
                facecolors="white",
                edgecolors="black",
                zorder=5,
                linewidths=0.8,
            )
        top.scatter([], [], s=40, facecolors="white", edgecolors="black", label="Few votes: unreliable")
    top.set_ylabel("Ideal point (latent scale)")
    top.legend(loc="best")
    good = dist[dist["reliable"]]
    bottom.plot(good["year"], good["distance"], color=figures.GREY, marker="o", markersize=3)
    bottom.set_ylabel("Distance")
    bottom.set_ylim(bottom=0)
    bottom.set_xlabel("Year")
    return fig


def plot_comparator_periods(
    periodic: pd.DataFrame, a: str, b: str, comparators: Sequence[str], switch: dict, column: str = "kappa"
):
    """Two panels (one per state of the pair): ``column`` by period with each comparator, the pair in bold black.

    Args:
        periodic: :func:`periodic_agreement` output for :func:`comparison_pairs`.
    """
    from bilateral import figures

    fig, axes = figures.new("tall", nrows=2, sharex=True, sharey=True)
    colours = comparator_colours(comparators, (a, b))
    for ax, anchor in zip(axes, (a, b)):
        for c in comparators:
            s = periodic[periodic["pair"] == pair_label(anchor, c)]
            if s[column].notna().any():
                ax.plot(
                    s["mid"],
                    s[column],
                    color=colours[c],
                    linewidth=1.1,
                    marker="o",
                    markersize=3,
                    label=display_name(c),
                )
        s = periodic[periodic["pair"] == pair_label(a, b)]
        other = b if anchor == a else a
        ax.plot(
            s["mid"],
            s[column],
            color="black",
            linewidth=2.2,
            marker="o",
            markersize=4,
            label=f"{display_name(other)} (the pair)",
        )
        ax.axhline(0, color=figures.GREY, linewidth=0.6)
        ax.set_title(f"{display_name(anchor)} with …", loc="left")
        ax.set_ylabel("Cohen's kappa" if column == "kappa" else "Agreement share")
        mark_switch(ax, switch, label=False)
    spans = periodic.drop_duplicates("period")
    axes[-1].set_xticks(spans["mid"], spans["period"], rotation=30, ha="right", fontsize=figures.SMALL_TEXT_PT)
    for ax in axes:  # names at the line ends instead of a legend
        figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_comparator_dots(table: pd.DataFrame, a: str, b: str):
    """Dot chart, one row per pair (the pair in black): pooled agreement share (left), kappa (middle) and mean
    ideal-point distance (right; lower is closer), for the whole period (dots) and the recent years (diamonds)."""
    from bilateral import figures

    t = table.iloc[::-1].reset_index(drop=True)
    fig, axes = figures.new("tall", ncols=3, sharey=True)
    ypos = np.arange(len(t))
    colours = [
        "black" if p == pair_label(a, b) else figures.colour(an, 0 if an == a else 1)
        for p, an in zip(t["pair"], t["anchor"])
    ]
    panels = (
        (axes[0], "agreement_share", "Agreement share\n(higher = closer)"),
        (axes[1], "kappa", "Cohen's kappa\n(higher = closer)"),
        (axes[2], "distance", "Ideal-point distance\n(lower = closer)"),
    )
    for ax, col, label in panels:
        start = t[col].min(skipna=True) - 0.05 if col == "agreement_share" else 0
        ax.hlines(ypos, start, t[col], color="#cccccc", linewidth=1)
        ax.scatter(t[col], ypos, color=colours, zorder=3, s=22)
        ax.scatter(t[f"{col}_recent"], ypos, facecolors="none", edgecolors=colours, zorder=3, s=30, marker="D")
        ax.set_xlabel(label, fontsize=8.5)
        ax.tick_params(axis="x", labelsize=figures.SMALL_TEXT_PT)
        ax.grid(axis="y", visible=False)
    axes[0].set_yticks(ypos, [p.replace("–", " – ") for p in t["pair"]], fontsize=figures.SMALL_TEXT_PT)
    axes[2].set_xlim(left=0)
    axes[2].scatter([], [], color=figures.GREY, s=22, label="Whole period")
    axes[2].scatter([], [], facecolors="none", edgecolors=figures.GREY, s=30, marker="D", label="Recent years")
    fig.legend(loc="outside lower center", ncols=2, fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_issue_disagreement(by_issue: pd.DataFrame):
    """Horizontal bars: disagreement share by issue area, one bar per issue method (vote source)."""
    from bilateral import figures

    fig, ax = figures.new("tall")
    labels = list(dict.fromkeys(by_issue["label"]))
    ypos = np.arange(len(labels))[::-1]
    height = 0.38
    for i, (method, name) in enumerate(ISSUE_METHODS.items()):
        rows = by_issue[by_issue["issue_method"] == method].set_index("label").reindex(labels)
        vals = rows["disagreement_share"].fillna(0) * 100
        ax.barh(ypos + (0.2 if i == 0 else -0.2), vals, height=height, color=figures.PALETTE[i], label=name)
        for y_, v, n in zip(ypos + (0.2 if i == 0 else -0.2), rows["disagreement_share"], rows["n_votes"]):
            text = "no votes" if not n or pd.isna(n) else f"{v * 100:.0f}% of {int(n)}"
            ax.text((0 if pd.isna(v) else v * 100) + 0.5, y_, text, va="center", fontsize=figures.SMALL_TEXT_PT)
    ax.set_yticks(ypos, labels)
    ax.set_xlabel("Voted differently (% of common votes)")
    ax.set_xlim(0, max(10.0, float(by_issue["disagreement_share"].max(skipna=True) or 0) * 100 * 1.35))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper right", fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_cosponsorship(by_year: pd.DataFrame, a: str, b: str):
    """Grouped bars per year: resolutions sponsored by each state and by both (top); the overlap share in a
    panel below on the same year axis (no second y axis)."""
    from bilateral import figures

    fig, (ax, ax2) = figures.new("tall", 2, 1, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]})
    x = by_year["year"].to_numpy()
    w = 0.27
    ax.bar(x - w, by_year["n_a"], width=w, color=figures.colour(a, 0), label=f"Sponsored by {display_name(a)}")
    ax.bar(x, by_year["n_b"], width=w, color=figures.colour(b, 1), label=f"Sponsored by {display_name(b)}")
    ax.bar(x + w, by_year["n_both"], width=w, color="black", label="By both")
    ax.set_ylabel("Resolutions")
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
    ax2.plot(x, by_year["overlap_share"] * 100, color="black", marker="o", markersize=3, linewidth=1.2)
    ax2.set_ylim(0, 100)
    ax2.set_ylabel("Overlap share (%)")
    ax2.set_xticks(x, [str(v) for v in x])
    return fig


def plot_pledges(grid: pd.DataFrame, milestones: pd.DataFrame, atop_last: int, end_year: int):
    """Obligation x year grid of ATOP pledges in force, with the pair's treaties marked and the years after
    ATOP's last year shaded."""
    from matplotlib.patches import Patch

    from bilateral import figures

    fig, ax = figures.new("wide")
    years = list(grid.columns)
    names = [PLEDGES[c] for c in grid.index]
    for i, c in enumerate(grid.index):
        on = [y for y in years if grid.loc[c, y] == 1]
        ax.scatter(on, [i] * len(on), marker="s", s=30, color=figures.PALETTE[0], zorder=3)
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(-0.7, len(names) - 0.3)
    ax.invert_yaxis()
    lo, hi = min(years), max(end_year, max(years))
    ax.set_xlim(lo - 0.8, hi + 0.8)
    if atop_last < hi:
        ax.axvspan(atop_last + 0.5, hi + 0.8, color="#eeeeee", zorder=0)
        ax.text(
            atop_last + 0.7,
            -0.55,
            f"no ATOP data\nafter {atop_last}",
            fontsize=figures.SMALL_TEXT_PT,
            color=figures.GREY,
            va="top",
        )
    for k, (_, ev) in enumerate(milestones.iterrows()):
        x = pd.Timestamp(str(ev["date"]))
        xv = x.year + (x.dayofyear - 1) / 365.25
        if lo - 0.8 <= xv <= hi + 0.8:
            ax.axvline(xv, color=figures.PALETTE[3], linewidth=1, linestyle="--", zorder=2)
            ax.annotate(
                str(k + 1),
                xy=(xv, 0),
                xycoords=("data", "axes fraction"),
                xytext=(2, 2),
                textcoords="offset points",
                fontsize=figures.SMALL_TEXT_PT,
                color=figures.PALETTE[3],
            )
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Year")
    ax.legend(
        handles=[
            Patch(color=figures.PALETTE[0], label="Obligation in force (ATOP)"),
            Patch(color=figures.PALETTE[3], label="Treaty or declaration (numbered, events table)"),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.22),
        ncols=2,
        fontsize=figures.SMALL_TEXT_PT,
    )
    return fig


#: Order of event types on the timeline's axis (top to bottom).
TIMELINE_ORDER = ("recognition", "treaty", "declaration", "agreement", "visit", "institution", "other")


def plot_timeline(ev: pd.DataFrame, start_year: int, end_year: int):
    """Dated events on a year axis, one row per event type (each dot one event of the events table)."""
    from bilateral import figures

    fig, ax = figures.new("wide")
    ev = ev[ev["year"].notna() & (ev["year"] >= start_year) & (ev["year"] <= end_year)]
    types = [t for t in TIMELINE_ORDER if t in set(ev["type"])] + sorted(set(ev["type"]) - set(TIMELINE_ORDER))
    from bilateral import events as evs

    for i, t in enumerate(types):
        rows = ev[ev["type"] == t]
        xs = [pd.Timestamp(str(d)).year + (pd.Timestamp(str(d)).dayofyear - 1) / 365.25 for d in rows["date"]]
        hollow = evs.seed_only(rows).to_numpy()
        colour = [
            evs.CATEGORY_COLOURS.get(c, figures.PALETTE[0])
            for c in rows.get("category", pd.Series("milestone", index=rows.index))
        ]
        face = ["white" if h else c for h, c in zip(hollow, colour)]
        edge = [c if h else "white" for h, c in zip(hollow, colour)]
        ax.scatter(
            xs,
            [i] * len(xs),
            s=36,
            facecolors=face,
            edgecolors=edge,
            alpha=0.8,
            linewidths=[1.2 if h else 0.5 for h in hollow],
            zorder=3,
        )
    evs.add_category_legend(
        ax, ev, hollow=bool(evs.seed_only(ev).any()), loc="upper center", bbox_to_anchor=(0.5, -0.15)
    )
    ax.set_yticks(range(len(types)), [f"{t.replace('_', ' ')} ({int((ev['type'] == t).sum())})" for t in types])
    ax.set_ylim(len(types) - 0.4, -0.6)
    ax.set_xlim(start_year - 0.5, end_year + 1)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Year")
    return fig
