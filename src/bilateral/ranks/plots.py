"""Charts of ranks: the top partners as bars (the pair's partner highlighted) and ranks over time."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt
from bilateral.ranks.words import party_label

__all__ = ["plot_rank_over_time", "plot_top"]


def plot_top(
    top: pd.DataFrame, value: str, xlabel: str, *, highlight_colour: str | None = None, entity: str = "partner", ax=None
):
    """Horizontal bars of a :func:`top_n` frame, best at the top, the highlighted partner in colour, others grey.

    Unranked rows (unknown parties) are drawn hatched and labelled "(not ranked)". Returns the figure.
    """
    from bilateral import figures

    if ax is None:
        fig, ax = figures.new("tall" if len(top) > 8 else "wide")
    else:
        fig = ax.figure
    # Best first from the top; a gap before a partner that ranks below the top ten (so the break in ranks shows).
    ys, labels, colours, y, prev = [], [], [], 0.0, None
    for _, r in top.iterrows():
        if (
            prev is not None
            and bool(r["ranked"])
            and bool(prev["ranked"])
            and int(r["rank"]) > int(prev["rank"]) + int(prev["n_tied"])
        ):
            y += 0.8
        ys.append(-y)
        y += 1
        prev = r
        name = party_label(r[entity])
        head = (
            (f"joint {fmt.ordinal(int(r['rank']))}" if int(r["n_tied"]) > 1 else fmt.ordinal(int(r["rank"])))
            if bool(r["ranked"])
            else ""
        )
        labels.append(f"{head}  {name}" if head else f"{name} (not ranked)")
        colours.append(
            (highlight_colour or figures.colour(str(r[entity]))) if bool(r.get("highlight", False)) else "#b8b8b8"
        )
    bars = ax.barh(ys, top[value].astype(float), color=colours)
    for bar, ranked in zip(bars, top["ranked"]):
        if not bool(ranked):
            bar.set_hatch("///")
            bar.set_edgecolor("#6b6b6b")
            bar.set_facecolor("white")
    ax.set_yticks(ys, labels)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    return fig


def plot_rank_over_time(
    lines: Sequence[tuple[str, pd.DataFrame, str]], *, x: str = "year", ylabel: str = "Rank (1 = largest)"
):
    """Rank over time, one line per (label, frame with ``x``/``rank``/``n_ranked``, ISO3 for colour); rank 1 at the top.

    Years without a rank are gaps. The last point of each line is labelled with its rank and denominator.
    """
    from bilateral import figures

    fig, ax = figures.new("wide")
    worst = 1
    for i, (label, f, code) in enumerate(lines):
        f = f.sort_values(x)
        y = f["rank"].astype(float)
        colour = figures.colour(code, i)
        ax.plot(f[x], y, marker="o", ms=3, lw=1.8, color=colour, label=label)
        ok = f[y.notna()]
        if len(ok):
            last = ok.iloc[-1]
            ax.annotate(
                f"{fmt.ordinal(int(last['rank']))} of {int(last['n_ranked'])}",
                (last[x], float(last["rank"])),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8.5,
                color=colour,
            )
            worst = max(worst, int(y.max()))
    ax.set_ylim(worst + 0.5 if worst > 1 else 1.5, 0.5)
    ax.set_ylabel(ylabel)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="best")
    return fig
