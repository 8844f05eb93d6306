"""Charts of the claims report: claims by verdict and seed document, one colour per verdict."""

from __future__ import annotations

import numpy as np
import pandas as pd

from bilateral.claims.model import CONTRADICTED, NOT_CHECKABLE, PARTLY, SUPPORTED, VERDICTS

__all__ = [
    "VERDICT_COLOURS",
    "legend_patch",
    "plot_verdicts",
]

#: Colour of each verdict in charts (Okabe–Ito: green, orange, vermilion, grey).
VERDICT_COLOURS = {SUPPORTED: "#009E73", PARTLY: "#E69F00", CONTRADICTED: "#D55E00", NOT_CHECKABLE: "#BBBBBB"}


def plot_verdicts(counts: pd.DataFrame):
    """Claims by verdict for each seed document and for all claims: measured claims as stacked bars
    (supported, partly supported, contradicted) on the left, claims not checkable on the right.

    Args:
        counts: :func:`verdict_counts` output.

    Returns:
        The matplotlib figure.
    """
    from bilateral import figures

    body = counts.drop(index="All verdicts")
    bars = list(body.columns)[::-1]
    fig, (ax, ax2) = figures.new("wide", 1, 2, sharey=True, gridspec_kw={"width_ratios": [3, 2]})
    fig.set_size_inches(figures.SIZES["wide"][0], 0.6 * len(bars) + 1.7)

    def stack(axis, verdicts):
        left = np.zeros(len(bars))
        top = float(body.loc[list(verdicts), bars].sum(axis=0).max()) or 1.0
        for v in verdicts:
            vals = body.loc[v, bars].to_numpy(dtype=float)
            axis.barh(bars, vals, left=left, color=VERDICT_COLOURS[v], label=v, edgecolor="white", linewidth=0.6)
            for y, (x0, w) in enumerate(zip(left, vals)):
                if w > 0 and w / top >= 0.03:
                    axis.text(x0 + w / 2, y, f"{int(w)}", ha="center", va="center", fontsize=9, color="black")
            left += vals
        axis.grid(axis="y", visible=False)

    for axis in (ax, ax2):
        axis.set_axisbelow(True)
    stack(ax, VERDICTS[:3])
    stack(ax2, VERDICTS[3:])
    ax.set_xlabel("Measured claims")
    ax2.set_xlabel("Claims not checkable here")
    handles = [legend_patch(VERDICT_COLOURS[v], v) for v in VERDICTS]
    fig.legend(handles=handles, loc="outside upper center", ncol=2, frameon=False)
    return fig


def legend_patch(colour: str, label: str):
    """A legend patch."""
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, label=label)
