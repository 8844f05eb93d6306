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
    "milex_table_data",
    "milex_years",
    "standing_table",
    "top_destinations_table",
]


def deliveries_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The reader's table of deliveries: one row per deal and delivery year, narrow enough for a phone.

    Estimated numbers and years carry SIPRI's ``?`` mark; TIV keeps two decimals as published. The item is
    named with its description, and a status other than new (e.g. second hand) follows it in brackets.

    Returns:
        Columns ``Year``, ``Direction`` (if the rows go both ways), ``Item``, ``Category``, ``Units``,
        ``TIV (m)``, ``Ordered``.
    """

    def mark(values: pd.Series, flags: pd.Series) -> list[str]:
        return [f"{v}?" if bool(f) is True else f"{v}" for v, f in zip(values, flags.fillna(False))]

    def item(name: object, what: object, status: object) -> str:
        text = " ".join(str(v) for v in (name, what) if pd.notna(v) and str(v).strip())
        if pd.notna(status) and str(status).strip() and str(status).strip().lower() != "new":
            text += f" ({str(status).strip().lower()})"
        return text

    out = pd.DataFrame(
        {
            "Year": mark(rows["delivery_year"], rows["delivery_year_is_estimate"]),
            "Item": [item(n, d, s) for n, d, s in zip(rows["designation"], rows["description"], rows["status"])],
            "Category": rows["category"].to_numpy(),
            "Units": mark(rows["units_delivered"], rows["units_delivered_is_estimate"]),
            "TIV (m)": [fmt.num(float(v), 2) for v in rows["tiv_m"]],
            "Ordered": mark(rows["order_year"], rows["order_year_is_estimate"]),
        }
    )
    if "direction" in rows and rows["direction"].nunique() > 1:
        out.insert(1, "Direction", rows["direction"].to_numpy())
    return out


def _share_rank(tiv: float, total: float, share: float, rank: object, n: object) -> str:
    if not total > 0:
        return "–"
    if not tiv > 0:
        return "none"
    return f"{fmt.pct(share)} ({fmt.ordinal(int(rank))} of {int(n)})" if pd.notna(rank) else fmt.pct(share)


def standing_table(st: pd.DataFrame, partner: str, *, partner_noun: str = "supplier") -> pd.DataFrame:
    """The reader's version of a :func:`~bilateral.military.compute.standing` frame, narrow enough for a phone:
    the partner's share with its rank among all partners in one cell ("3.5% (4th of 5)"; "none" when it
    delivered nothing, "–" when nothing was delivered at all), and the largest partner with its share."""
    name = party_name(partner)
    return pd.DataFrame(
        {
            "Period": st["period"],
            "All: TIV (m)": [fmt.num(v) if v > 0 else "–" for v in st["total_tiv_m"]],
            f"{name}: TIV (m)": [fmt.num(v) if t > 0 else "–" for v, t in zip(st["tiv_m"], st["total_tiv_m"])],
            f"{name}: share (rank)": [
                _share_rank(v, t, s, r, n)
                for v, t, s, r, n in zip(st["tiv_m"], st["total_tiv_m"], st["share_pct"], st["rank"], st["n_partners"])
            ],
            f"Largest {partner_noun} (share)": [
                f"{party_name(p)} ({fmt.pct(s)})" if pd.notna(p) else "–"
                for p, s in zip(st["top_partner"], st["top_share_pct"])
            ],
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


def milex_years(const: pd.DataFrame, every: int = 5) -> list[int]:
    """The years the spending table shows: every ``every`` years back from the last, and the first."""
    years = list(const.index)
    return sorted({years[0], *years[::-1][::every]})


def milex_table(const: pd.DataFrame, gdp: pd.DataFrame, every: int = 5) -> pd.DataFrame:
    """Selected years (:func:`milex_years`) of spending and GDP share, formatted, under two header rows (the
    measure, then the state) so that the table stays narrow."""
    picked = milex_years(const, every)
    money, share = "US$ million (2023 prices)", "% of GDP"
    columns = {("", "Year"): picked}
    for c in const.columns:
        columns[(money, display_name(c))] = [fmt.integer(const.at[y, c]) for y in picked]
    for c in gdp.columns:
        columns[(share, display_name(c))] = [fmt.num(gdp.at[y, c], 2) for y in picked]
    return pd.DataFrame(columns)


def milex_table_data(const: pd.DataFrame, gdp: pd.DataFrame, every: int = 5) -> pd.DataFrame:
    """The data behind :func:`milex_table`: one row per year shown, one column per state and measure."""
    picked = milex_years(const, every)
    return const.add_suffix("_usd_m_const2023").join(gdp.add_suffix("_share_gdp_pct")).loc[picked]


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
