"""The military report's display tables: formatted frames for :func:`bilateral.figures.table`.

Each function takes the output of a :mod:`bilateral.military.compute` function and returns a frame of
text cells (numbers formatted with :mod:`bilateral.fmt`, names as readers read them).
"""

from __future__ import annotations

import pandas as pd

from bilateral import citations, fmt
from bilateral import events as evs
from bilateral.countries import display_name
from bilateral.events import split_codes
from bilateral.military.compute import party_name

__all__ = [
    "deliveries_table",
    "destination_share_table",
    "milestone_sources_table",
    "milestone_sourcing_table",
    "milestones_table",
    "milex_table",
    "standing_table",
    "top_destinations_table",
]


def deliveries_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The reader's table of deliveries: one row per deal and delivery year.

    Estimated numbers and years carry SIPRI's ``?`` mark; TIV keeps two decimals as published.

    Returns:
        Columns ``Year``, ``Direction`` (if present), ``Item``, ``Description``, ``Category``, ``Units``,
        ``Status``, ``TIV (m)``, ``Order year``.
    """

    def mark(values: pd.Series, flags: pd.Series) -> list[str]:
        return [f"{v}?" if bool(f) is True else f"{v}" for v, f in zip(values, flags.fillna(False))]

    out = pd.DataFrame(
        {
            "Year": mark(rows["delivery_year"], rows["delivery_year_is_estimate"]),
            "Item": rows["designation"].to_numpy(),
            "Description": rows["description"].to_numpy(),
            "Category": rows["category"].to_numpy(),
            "Units": mark(rows["units_delivered"], rows["units_delivered_is_estimate"]),
            "Status": rows["status"].to_numpy(),
            "TIV (m)": [fmt.num(float(v), 2) for v in rows["tiv_m"]],
            "Order year": mark(rows["order_year"], rows["order_year_is_estimate"]),
        }
    )
    if "direction" in rows and rows["direction"].nunique() > 1:
        out.insert(1, "Direction", rows["direction"].to_numpy())
    return out


def standing_table(st: pd.DataFrame, partner: str, *, partner_noun: str = "supplier") -> pd.DataFrame:
    """The reader's version of a :func:`~bilateral.military.compute.standing` frame (formatted text)."""
    name = party_name(partner)
    return pd.DataFrame(
        {
            "Period": st["period"],
            "Total TIV (m)": [fmt.num(v) for v in st["total_tiv_m"]],
            f"{name}: TIV (m)": [fmt.num(v) for v in st["tiv_m"]],
            f"{name}: share": [fmt.pct(v) for v in st["share_pct"]],
            f"{name}: rank": [f"{r} of {n}" if pd.notna(r) else "–" for r, n in zip(st["rank"], st["n_partners"])],
            f"Largest {partner_noun}": [party_name(p) if pd.notna(p) else "–" for p in st["top_partner"]],
            "its share": [fmt.pct(v) for v in st["top_share_pct"]],
        }
    )


def top_destinations_table(shares: pd.DataFrame, n: int, highlight: str) -> pd.DataFrame:
    """Largest destinations over one period (a single-period :func:`~bilateral.military.compute.partner_shares`
    frame), with ``highlight`` kept.

    Returns:
        Formatted frame ``Rank, Destination, TIV (m), Share``.
    """
    keep = shares[(shares["rank"].fillna(n + 1) <= n) | (shares["partner"] == highlight)]
    return pd.DataFrame(
        {
            "Rank": ["–" if pd.isna(r) else int(r) for r in keep["rank"]],
            "Destination": [party_name(p) + (" ◀" if p == highlight else "") for p in keep["partner"]],
            "TIV (m)": [fmt.num(v) for v in keep["tiv_m"]],
            "Share": [fmt.pct(v) for v in keep["share_pct"]],
        }
    )


def destination_share_table(per: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """The reader's version of a :func:`~bilateral.military.compute.destination_standing_from_totals` frame:
    ``a``'s share of ``b``'s total arms exports per period."""
    na, nb = display_name(a), display_name(b)
    return pd.DataFrame(
        {
            "Period": per["period"],
            f"To {na}: TIV (m)": [fmt.num(v) for v in per["tiv_m"]],
            f"{fmt.poss(nb)} total exports: TIV (m)": [fmt.num(v) for v in per["total_tiv_m"]],
            f"{fmt.poss(na)} share": [fmt.pct(v, 2) for v in per["share_pct"]],
        }
    )


def milex_table(const: pd.DataFrame, gdp: pd.DataFrame, every: int = 5) -> pd.DataFrame:
    """Selected years (every ``every`` years from the last, plus the first) of spending and GDP share, formatted."""
    years = list(const.index)
    picked = sorted({years[0], *years[::-1][::every]})
    out = pd.DataFrame({"Year": picked})
    for c in const.columns:
        out[f"{display_name(c)}: US$ m (2023)"] = [fmt.integer(const.at[y, c]) for y in picked]
    for c in gdp.columns:
        out[f"{display_name(c)}: % of GDP"] = [fmt.num(gdp.at[y, c], 2) for y in picked]
    return out


def milestones_table(ev: pd.DataFrame, *, with_source: bool = True) -> pd.DataFrame:
    """The reader's list of milestones, numbered as on the timeline.

    Args:
        ev: rows of :func:`~bilateral.military.compute.security_events`.
        with_source: include the ``Source`` column; without it, list the citations with
            :func:`milestone_sources_table` (long citations squeeze the other columns in print).
    """
    out = pd.DataFrame(
        {
            "No.": range(1, len(ev) + 1),
            "Date": [fmt.date(d, p) for d, p in zip(ev["date"], ev["date_precision"])],
            "Event": ev["title"].to_numpy(),
            "Type": [str(t).replace("_", " ") for t in ev["type"]],
            "Parties": [", ".join(party_name(c) for c in sorted(split_codes(v))) for v in ev["countries"]],
        }
    )
    if with_source:
        out["Source"] = [citations.reader_citations(s) for s in ev["source"]]
    return out


def milestone_sources_table(ev: pd.DataFrame) -> pd.DataFrame:
    """The citations of the milestones, numbered as in :func:`milestones_table`, as readers see them
    (:func:`bilateral.citations.reader_citations`)."""
    return pd.DataFrame(
        {
            "No.": range(1, len(ev) + 1),
            "Source (as cited in the events table)": [citations.reader_citations(s) for s in ev["source"]],
        }
    )


def milestone_sourcing_table(ev: pd.DataFrame, event_sources: pd.DataFrame) -> pd.DataFrame:
    """:func:`milestone_sources_table` with each source's publisher and the date it gives, and how the
    milestone is sourced (:func:`bilateral.events.with_sourcing`)."""
    column = "Source (as cited in the events table)"
    table = evs.with_sourcing(milestone_sources_table(ev), ev, event_sources, column=column)
    return table.rename(columns={column: "Sources (publisher, date given)"})
