"""Military computations: pure functions on the SIPRI register, totals, spending and events tables.

No sentences, no HTML, no matplotlib: every function takes DataFrames (and codes, years) and returns
DataFrames, dicts or plain values. Terms (``tiv_m``, ``party``, periods, coverage) are explained in
:mod:`bilateral.military`. Every sum, share, rank and ratio here is this project's calculation, not SIPRI's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from bilateral import periods
from bilateral.catalog import REGISTER_COMPLETE_FOR
from bilateral.countries import display_name, is_iso3
from bilateral.events import split_codes

__all__ = [
    "DATA_YEARS",
    "DELIVERY_COLUMNS",
    "MILESTONE_SOURCE_COLUMNS",
    "OTHERS",
    "REGISTER_COMPLETE_FOR",
    "SECURITY_DIMENSIONS",
    "SECURITY_TYPES",
    "UNKNOWN_PARTY",
    "Coverage",
    "both_directions",
    "coverage",
    "deliveries",
    "delivery_summary",
    "destination_standing_from_totals",
    "event_date_text",
    "imports_split",
    "is_security",
    "is_unknown_party",
    "n_estimated",
    "partner_shares",
    "party_name",
    "security_events",
    "share_matrix",
    "standing",
    "timeline_bars",
    "tiv_by_year",
    "top_partners",
    "whole_span",
    "with_parties",
]

#: Years the arms-transfer extract covers (deliveries 1995–2024); the report's period must fall inside.
DATA_YEARS = (1995, 2024)
#: Label of the group that collects the smaller suppliers in stacked charts.
OTHERS = "Others"
#: Event dimensions and types (``events.dimension``, ``events.type``) that make an event a security milestone.
SECURITY_DIMENSIONS = ("military",)
SECURITY_TYPES = ("war", "military_cooperation")
#: The register columns behind the deliveries table (its data download).
DELIVERY_COLUMNS = [
    "direction",
    "deal_id",
    "delivery_year",
    "supplier_iso3",
    "recipient_iso3",
    "designation",
    "description",
    "category",
    "units_delivered",
    "units_delivered_is_estimate",
    "status",
    "tiv_per_unit_m",
    "tiv_m",
    "order_year",
]

#: The events columns behind the table of the milestones' sources (its data download).
MILESTONE_SOURCE_COLUMNS = ["event_id", "date", "title", "source", "source_kind", "sourcing", "n_sources"]

# ---------------------------------------------------------------------------------------------
# Coverage
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """What the register extract can say about a pair (see :func:`coverage`).

    Attributes:
        bilateral: deliveries between ``a`` and ``b`` (both directions) are all in the extract.
        suppliers_of_a: every delivery to ``a`` is in the extract (supplier shares are complete).
        destinations_of_b: every delivery by ``b`` is in the extract (destination ranks are complete).
        totals_of_b: ``b``'s total exports by year are in ``arms_totals`` (a share, but no rank, is possible).
    """

    bilateral: bool
    suppliers_of_a: bool
    destinations_of_b: bool
    totals_of_b: bool


def coverage(
    a: str, b: str, totals: pd.DataFrame | None = None, focus: Sequence[str] = REGISTER_COMPLETE_FOR
) -> Coverage:
    """Which questions about ``a`` (recipient side) and ``b`` (supplier side) the register extract answers.

    Args:
        a: ISO3 of the recipient side.
        b: ISO3 of the supplier side.
        totals: ``arms_totals`` rows (to know whether ``b``'s export totals exist), or None.
        focus: the countries whose every deal is in the extract.

    Example:
        >>> coverage("ARM", "RUS")
        Coverage(bilateral=True, suppliers_of_a=True, destinations_of_b=False, totals_of_b=False)
    """
    has_totals = totals is not None and bool(((totals["iso3"] == b) & (totals["direction"] == "exports")).any())
    return Coverage(
        bilateral=a in focus or b in focus,
        suppliers_of_a=a in focus,
        destinations_of_b=b in focus,
        totals_of_b=b in focus or has_totals,
    )


# ---------------------------------------------------------------------------------------------
# Parties
# ---------------------------------------------------------------------------------------------


def with_parties(transfers: pd.DataFrame) -> pd.DataFrame:
    """Add ``supplier_key``/``recipient_key``: the ISO3 code, or SIPRI's label where there is none."""
    out = transfers.copy()
    for side in ("supplier", "recipient"):
        out[f"{side}_key"] = out[f"{side}_iso3"].astype("string").fillna(out[side].astype("string"))
    return out


def party_name(key: str) -> str:
    """A readable name for a party key: ``party_name("TUR") == "Türkiye"``; SIPRI labels pass through."""
    return display_name(key) if is_iso3(key) else str(key)


#: SIPRI party labels that are not a partner ("unknown supplier(s)", "unknown recipient(s)"): shown, never ranked.
UNKNOWN_PARTY = re.compile(r"(?i)\bunknown\b")


def is_unknown_party(key: object) -> bool:
    """SIPRI's "unknown supplier(s)" / "unknown recipient(s)" labels: shown, never ranked."""
    return bool(UNKNOWN_PARTY.search(str(key)))


# ---------------------------------------------------------------------------------------------
# Bilateral deliveries
# ---------------------------------------------------------------------------------------------


def deliveries(transfers: pd.DataFrame, supplier: str, recipient: str, years: Iterable[int]) -> pd.DataFrame:
    """Every delivery from ``supplier`` to ``recipient`` in ``years``, sorted by year, category and item.

    Returns:
        The register rows (all columns), sorted by ``delivery_year``, ``category``, ``designation``,
        ``deal_id``.
    """
    years = set(years)
    rows = transfers[
        (transfers["supplier_iso3"] == supplier)
        & (transfers["recipient_iso3"] == recipient)
        & transfers["delivery_year"].isin(years)
    ]
    return rows.sort_values(["delivery_year", "category", "designation", "deal_id"], kind="mergesort").reset_index(
        drop=True
    )


def both_directions(transfers: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """Deliveries from ``b`` to ``a`` and from ``a`` to ``b``, with a ``direction`` label (``"B → A"``)."""
    years = list(years)
    frames = []
    for sup, rec in ((b, a), (a, b)):
        rows = deliveries(transfers, sup, rec, years)
        frames.append(rows.assign(direction=f"{display_name(sup)} → {display_name(rec)}"))
    return pd.concat(frames, ignore_index=True)


def tiv_by_year(rows: pd.DataFrame, years: Iterable[int], by: str | None = None) -> pd.DataFrame:
    """TIV delivered per year (zeros where nothing was delivered), optionally one column per ``by`` value.

    Args:
        rows: register rows.
        years: the years to show (every one gets a row).
        by: a column to split by (e.g. ``"category"`` or ``"direction"``), or None for one ``tiv_m`` column.

    Returns:
        A frame indexed by ``year``.
    """
    years = list(years)
    if by is None:
        s = rows.groupby("delivery_year")["tiv_m"].sum().reindex(years, fill_value=0.0)
        out = s.to_frame("tiv_m")
    else:
        out = rows.pivot_table(index="delivery_year", columns=by, values="tiv_m", aggfunc="sum", fill_value=0.0)
        out = out.reindex(years, fill_value=0.0)
        out.columns.name = None
    out.index.name = "year"
    return out.astype(float)


def delivery_summary(rows: pd.DataFrame) -> dict:
    """Counts and totals of a set of deliveries.

    Returns:
        ``n_rows`` (deal-year rows), ``n_deals``, ``tiv_m`` (sum), ``first_year``, ``last_year``,
        ``peak_year`` and ``peak_tiv_m`` (the year with the largest TIV; earliest on ties),
        ``n_years`` (years with deliveries), ``by_category`` (TIV by category, largest first),
        ``n_estimated`` (rows whose number of units or delivery year SIPRI gives as an estimate; 0 when the
        rows carry no estimate flags). Years are None when there are no rows.
    """
    if rows.empty:
        return {
            "n_rows": 0,
            "n_deals": 0,
            "tiv_m": 0.0,
            "first_year": None,
            "last_year": None,
            "peak_year": None,
            "peak_tiv_m": 0.0,
            "n_years": 0,
            "by_category": pd.Series(dtype=float),
            "n_estimated": 0,
        }
    per_year = rows.groupby("delivery_year")["tiv_m"].sum()
    by_cat = rows.groupby("category")["tiv_m"].sum().sort_values(ascending=False, kind="mergesort")
    return {
        "n_rows": len(rows),
        "n_deals": int(rows["deal_id"].nunique()),
        "tiv_m": float(rows["tiv_m"].sum()),
        "first_year": int(per_year.index.min()),
        "last_year": int(per_year.index.max()),
        "peak_year": int(per_year.idxmax()),
        "peak_tiv_m": float(per_year.max()),
        "n_years": len(per_year),
        "by_category": by_cat,
        "n_estimated": n_estimated(rows),
    }


#: The register's flags of SIPRI's estimates (its "?" marks).
ESTIMATE_FLAGS = ("units_delivered_is_estimate", "delivery_year_is_estimate")


def n_estimated(rows: pd.DataFrame) -> int:
    """How many deliveries have a number of units or a delivery year that SIPRI gives as an estimate."""
    flags = [rows[c].astype("boolean").fillna(False) for c in ESTIMATE_FLAGS if c in rows]
    if not flags:
        return 0
    return int(pd.concat(flags, axis=1).any(axis=1).sum())


def imports_split(transfers: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """``a``'s arms imports per year split into deliveries from ``b`` and from all other suppliers.

    Returns:
        Frame indexed by year with columns ``"from <b>"`` and ``"from other suppliers"`` (TIV million).
    """
    years = list(years)
    from_b = tiv_by_year(deliveries(transfers, b, a, years), years)["tiv_m"]
    rows = transfers[(transfers["recipient_iso3"] == a) & transfers["delivery_year"].isin(years)]
    total = tiv_by_year(rows, years)["tiv_m"]
    return pd.DataFrame({f"from {display_name(b)}": from_b, "from other suppliers": (total - from_b).clip(lower=0)})


def timeline_bars(transfers: pd.DataFrame, cov: Coverage, a: str, b: str, years: Iterable[int]) -> pd.DataFrame | None:
    """The bars under the milestones timeline: ``a``'s arms imports per year from ``b`` and from all others
    (:func:`imports_split`) when ``a``'s suppliers are all in the extract; else only those from ``b`` (column
    ``"from <b>"``) when the pair is covered; None when it is not."""
    years = list(years)
    if cov.suppliers_of_a:
        return imports_split(transfers, a, b, years)
    if cov.bilateral:
        return tiv_by_year(deliveries(transfers, b, a, years), years).rename(
            columns={"tiv_m": f"from {display_name(b)}"}
        )
    return None


# ---------------------------------------------------------------------------------------------
# Suppliers and destinations
# ---------------------------------------------------------------------------------------------


def partner_shares(transfers: pd.DataFrame, country: str, side: str, spans: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """Each partner's TIV, share and rank in a country's imports (``side="imports"``) or exports, per period.

    Args:
        transfers: register rows.
        country: ISO3 of the importer (or exporter).
        side: ``"imports"`` (partners are suppliers) or ``"exports"`` (partners are recipients).
        spans: the periods, as from :func:`bilateral.periods.spans`.

    Returns:
        Long frame ``period, partner, tiv_m, total_tiv_m, share_pct, rank, n_partners``, one row per
        partner with deliveries in the period, sorted by period then rank. ``share_pct`` is
        ``100 * tiv_m / total_tiv_m``; ``rank`` 1 is the largest (ties share the better rank).
        SIPRI's unknown parties ("unknown supplier(s)") keep their TIV and share but are not ranked
        (``rank`` missing) and not counted in ``n_partners``. Partners are keyed as in :func:`with_parties`.
    """
    if side not in ("imports", "exports"):
        raise ValueError(f"side must be 'imports' or 'exports', not {side!r}")
    own, other = ("recipient", "supplier") if side == "imports" else ("supplier", "recipient")
    t = with_parties(transfers)
    t = t[t[f"{own}_iso3"] == country].copy()
    t["period"] = periods.assign(t["delivery_year"], spans)
    t = t.dropna(subset=["period"])
    columns = ["period", "partner", "tiv_m", "total_tiv_m", "share_pct", "rank", "n_partners"]
    if t.empty:
        return pd.DataFrame(columns=columns)
    g = t.groupby(["period", f"{other}_key"])["tiv_m"].sum().rename("tiv_m").reset_index()
    g = g.rename(columns={f"{other}_key": "partner"})
    g = g[g["tiv_m"] > 0]
    g["total_tiv_m"] = g.groupby("period")["tiv_m"].transform("sum")
    g["share_pct"] = 100 * g["tiv_m"] / g["total_tiv_m"]
    known = ~g["partner"].map(is_unknown_party)
    g["rank"] = g["tiv_m"].where(known).groupby(g["period"]).rank(ascending=False, method="min").astype("Int64")
    g["n_partners"] = known.groupby(g["period"]).transform("sum").astype(int)
    order = {periods.label(lo, hi): i for i, (lo, hi) in enumerate(spans)}
    g["_o"] = g["period"].map(order)
    g = g.sort_values(["_o", "rank", "partner"], kind="mergesort").drop(columns="_o")
    return g[columns].reset_index(drop=True)


def whole_span(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The periods merged into one: ``[(first start, last end)]``."""
    return [(spans[0][0], spans[-1][1])]


def standing(shares: pd.DataFrame, partner: str, spans: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """One partner's TIV, share and rank per period, from a :func:`partner_shares` frame.

    Periods with no deliveries at all, or none from the partner, are kept: the partner's TIV and
    share are 0 where the country traded with others, and missing where it traded with no one;
    the rank is missing whenever the partner delivered nothing.

    Returns:
        Frame ``period, total_tiv_m, tiv_m, share_pct, rank, n_partners, top_partner, top_share_pct``.
    """
    rows = []
    for lo, hi in spans:
        label = periods.label(lo, hi)
        p = shares[shares["period"] == label]
        total = float(p["tiv_m"].sum()) if len(p) else 0.0
        mine = p[p["partner"] == partner]
        top = p.iloc[0] if len(p) else None
        rows.append(
            {
                "period": label,
                "total_tiv_m": total,
                "tiv_m": float(mine["tiv_m"].sum()) if total > 0 else np.nan,
                "share_pct": float(mine["share_pct"].sum()) if total > 0 else np.nan,
                "rank": int(mine["rank"].iloc[0]) if len(mine) else pd.NA,
                "n_partners": int(p["n_partners"].iloc[0]) if len(p) else 0,  # SIPRI's unknown parties are not counted
                "top_partner": top["partner"] if top is not None else pd.NA,
                "top_share_pct": float(top["share_pct"]) if top is not None else np.nan,
            }
        )
    out = pd.DataFrame(rows)
    out["rank"] = out["rank"].astype("Int64")
    return out


def top_partners(shares: pd.DataFrame, n: int, always: Sequence[str] = ()) -> list[str]:
    """The ``n`` partners with the largest TIV over all periods (plus ``always``, if they appear), largest first."""
    total = shares.groupby("partner")["tiv_m"].sum().sort_values(ascending=False, kind="mergesort")
    keep = list(total.index[:n])
    keep += [p for p in always if p in total.index and p not in keep]
    return sorted(keep, key=lambda p: -total[p])


def share_matrix(shares: pd.DataFrame, keep: Sequence[str], spans: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """Period × partner shares (%) for a stacked chart: the ``keep`` partners, then :data:`OTHERS`.

    Periods with no deliveries have a row of missing values. Columns are display names.
    """
    labels = [periods.label(lo, hi) for lo, hi in spans]
    wide = shares.pivot_table(index="period", columns="partner", values="share_pct", aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(labels)
    out = pd.DataFrame(index=pd.Index(labels, name="period"))
    for p in keep:
        out[party_name(p)] = wide.get(p, 0.0)
    others = [c for c in wide.columns if c not in keep]
    out[OTHERS] = wide[others].sum(axis=1) if others else 0.0
    empty = wide.isna().all(axis=1) if len(wide.columns) else pd.Series(True, index=labels)
    out.loc[empty[empty].index] = np.nan
    return out


def destination_standing_from_totals(
    transfers: pd.DataFrame, totals: pd.DataFrame, supplier: str, recipient: str, spans: Sequence[tuple[int, int]]
) -> pd.DataFrame:
    """``recipient``'s share of ``supplier``'s total exports per period, when only the totals are known.

    Used when the supplier's other deals are not in the extract (e.g. Russia): the numerator comes
    from the register (complete because the recipient is a focus country), the denominator from
    ``arms_totals``. No rank can be computed.

    Returns:
        Frame ``period, tiv_m, total_tiv_m, share_pct`` (share missing when the total is 0).
    """
    rows = deliveries(transfers, supplier, recipient, range(spans[0][0], spans[-1][1] + 1))
    tot = totals[(totals["iso3"] == supplier) & (totals["direction"] == "exports")]
    out = []
    for lo, hi in spans:
        num = float(rows.loc[rows["delivery_year"].between(lo, hi), "tiv_m"].sum())
        den = float(tot.loc[tot["year"].between(lo, hi), "tiv_m"].sum())
        out.append(
            {
                "period": periods.label(lo, hi),
                "tiv_m": num,
                "total_tiv_m": den,
                "share_pct": 100 * num / den if den > 0 else np.nan,
            }
        )
    return pd.DataFrame(out)


# ---------------------------------------------------------------------------------------------
# Security milestones
# ---------------------------------------------------------------------------------------------


def is_security(dimension: object, kind: object) -> bool:
    """True if an event is a security milestone: the curators put it in :data:`SECURITY_DIMENSIONS`
    or gave it one of :data:`SECURITY_TYPES`."""
    return (isinstance(dimension, str) and dimension in SECURITY_DIMENSIONS) or (
        isinstance(kind, str) and kind in SECURITY_TYPES
    )


def security_events(
    events: pd.DataFrame, a: str, b: str, years: Iterable[int], *, also: Sequence[str] = ()
) -> pd.DataFrame:
    """Security milestones involving ``a`` and ``b``, and those involving ``a`` and one of ``also`` (e.g. wars with the rival).

    Args:
        events: the curated ``events`` table (columns ``date``, ``type``, ``dimension``, ``countries``, ...).
        a, b: the pair.
        years: the years shown.
        also: other states whose security events with ``a`` are shown too.

    Returns:
        The matching rows, sorted by date then ``event_id``, with added ``year`` and ``with`` (``b``, or
        the state of ``also`` the event involves).
    """
    years = set(years)
    year = pd.to_numeric(events["date"].astype("string").str[:4], errors="coerce")
    partner: list[str | None] = []
    for cs in events["countries"].map(split_codes):
        if a in cs and b in cs:
            partner.append(b)
        else:
            partner.append(next((o for o in also if a in cs and o in cs), None))
    keep = [
        p is not None and pd.notna(y) and int(y) in years and is_security(d, t)
        for p, y, d, t in zip(partner, year, events["dimension"], events["type"])
    ]
    out = events.assign(year=year.astype("Int64"), **{"with": pd.Series(partner, index=events.index, dtype="string")})
    out = out[pd.Series(keep, index=events.index, dtype=bool)]
    return out.sort_values(["date", "event_id"], kind="mergesort").reset_index(drop=True)


def event_date_text(date: str, precision: str) -> str:
    """An ISO date cut to the source's precision, for comparing dates (readers see :func:`bilateral.fmt.date`):
    ``event_date_text("2020-01-01", "year") == "2020"``; month precision gives ``"2020-09"``."""
    return date[:4] if precision == "year" else date[:7] if precision == "month" else date
