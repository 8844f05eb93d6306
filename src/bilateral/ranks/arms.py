"""Arms transfers (SIPRI register extract): every supplier of a recipient, and every recipient of a supplier, by TIV per period.

Built on :func:`bilateral.military.partner_shares`; unknown suppliers keep their TIV and share but are not
ranked. Ranks exist only for the countries whose every deal the extract holds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import military as mil
from bilateral import periods
from bilateral.ranks.core import rank_frame, rank_of, rank_table, top_n, unranked

__all__ = ["arms_ranked", "arms_ranks", "arms_top"]


def arms_ranked(transfers: pd.DataFrame, country: str, side: str, spans: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """Every supplier of ``country`` (``side="imports"``) or recipient (``"exports"``) ranked by TIV per period.

    Builds on :func:`bilateral.military.partner_shares` (TIV and share per partner and period); unknown
    parties keep their TIV and share but are not ranked.
    """
    frames = [
        mil.partner_shares(transfers, country, side, [span]) for span in spans
    ]  # spans may overlap: one call each
    frames = [f for f in frames if len(f)]
    shares = (
        pd.concat(frames, ignore_index=True)
        if frames
        else mil.partner_shares(transfers.iloc[0:0], country, side, spans)
    )
    shares = shares.drop(columns=["rank", "n_partners"]).assign(country=country, side=side)
    return rank_table(
        shares, by=["country", "side", "period"], value="tiv_m", exclude=mil.is_unknown_party, positive_only=True
    )


def arms_ranks(
    transfers: pd.DataFrame, a: str, b: str, spans: Sequence[tuple[int, int]], complete: Sequence[str]
) -> pd.DataFrame:
    """``b`` among all of ``a``'s suppliers and ``a`` among all of ``b``'s recipients, and the reverse, per period.

    Args:
        transfers: ``arms_transfers`` rows.
        a, b: the pair.
        spans: periods ``(first, last)`` (the whole period may be one of them).
        complete: the countries whose every deal, as supplier and as recipient, is in the register extract;
            for any other country no rank is computed (status ``"not covered"``).

    Returns:
        One row per country, side and period: ``country, side, partner, period, status, tiv_m, share_pct,
        rank, n_ranked, n_tied, percentile``; ``side`` "imports" ranks ``partner`` among ``country``'s
        suppliers, "exports" among its recipients.
    """
    rows = []
    for country, partner in ((a, b), (b, a)):
        for side in ("imports", "exports"):
            ranked = arms_ranked(transfers, country, side, spans) if country in complete else None
            for lo, hi in spans:
                period = periods.label(lo, hi)
                if ranked is None:
                    r = unranked()
                else:
                    r = rank_of(ranked, partner, where={"period": period})
                vr = r["value_row"]
                rows.append(
                    {
                        "country": country,
                        "side": side,
                        "partner": partner,
                        "period": period,
                        "status": r["status"],
                        "tiv_m": float(vr["tiv_m"]) if vr is not None else 0.0,
                        "share_pct": float(vr["share_pct"]) if vr is not None else np.nan,
                        "rank": r["rank"],
                        "n_ranked": r["n_ranked"],
                        "n_tied": r["n_tied"],
                        "percentile": r["percentile"],
                    }
                )
    columns = [
        "country",
        "side",
        "partner",
        "period",
        "status",
        "tiv_m",
        "share_pct",
        "rank",
        "n_ranked",
        "n_tied",
        "percentile",
    ]
    return rank_frame(rows, columns)


def arms_top(
    transfers: pd.DataFrame, country: str, partner: str, side: str, span: tuple[int, int], n: int = 10
) -> pd.DataFrame:
    """``country``'s largest suppliers (or recipients) over ``span``, with ``partner`` kept and unknown parties shown last."""
    ranked = arms_ranked(transfers, country, side, [span])
    top = top_n(ranked, n, keep=partner)
    unknown = ranked[ranked["partner"].map(mil.is_unknown_party)].assign(highlight=False)
    return pd.concat([top, unknown], ignore_index=True)
