"""Military: arms transfers (SIPRI trade register), military spending (SIPRI milex) and security milestones.

Terms used throughout:

* ``tiv_m``: SIPRI trend-indicator value, millions. TIV measures the *volume* of transfers of
  major conventional arms (a common unit based on production costs), not their financial value:
  it must never be read as money; each report says so once and every TIV chart points there.
* ``party``: a supplier or recipient as this module keys it: its ISO3 code, or SIPRI's own label
  for non-state actors and unknown parties (``"unknown supplier(s)"``), which have no code.
* five-year periods: consecutive blocks of ``period_years`` years starting at ``start_year``; the
  last one may be shorter and is labelled with its real span (see :func:`periods`).
* coverage: the register extract holds only deals in which one of
  :data:`bilateral.sources.sipri.REGISTER_COMPLETE_FOR` (Azerbaijan, Türkiye, Armenia) is supplier
  or recipient. A pair without one of them is not covered, and a country's suppliers (or export
  destinations) are complete only if the country is one of them (see :func:`coverage`).

Every sum, share, rank and ratio here is this project's calculation, not SIPRI's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from bilateral import citations, fmt, periods
from bilateral.catalog import REGISTER_COMPLETE_FOR
from bilateral.countries import display_name, is_iso3
from bilateral.errors import ParameterError
from bilateral.events import split_codes

#: Years the arms-transfer extract covers (deliveries 1995–2024); the report's period must fall inside.
DATA_YEARS = (1995, 2024)
#: Axis label for every TIV chart: TIV is a volume indicator, not money.
TIV_AXIS = "SIPRI TIV, millions (volume, not US$)"
#: Sentence appended to every TIV caption: a pointer to the one explanation of TIV, under Methods and caveats.
TIV_NOTE = "TIV as explained under Methods and caveats."
#: The explanation that TIV is a volume, not money: each report states it once (tests/test_reader_text.py).
TIV_EXPLANATION = re.compile(
    r"not (?:of |in )?money|not (?:their|its) (?:financial )?value|not (?:the|their) price", re.I
)
#: Label of the group that collects the smaller suppliers in stacked charts.
OTHERS = "Others"
#: Event dimensions and types (``events.dimension``, ``events.type``) that make an event a security milestone.
SECURITY_DIMENSIONS = ("military",)
SECURITY_TYPES = ("war", "military_cooperation")

# ---------------------------------------------------------------------------------------------
# Parameters and coverage
# ---------------------------------------------------------------------------------------------


def check_rival(rival: str, country_a: str, country_b: str) -> str:
    """Validate the extra parameter ``rival`` (the state whose spending ``country_a``'s is compared with).

    Args:
        rival: ISO3 code.
        country_a: the first country of the pair.
        country_b: the second country of the pair.

    Returns:
        The code.

    Raises:
        ParameterError: if the code is not ISO3 or is ``country_a`` itself.
    """
    if not isinstance(rival, str) or not is_iso3(rival):
        raise ParameterError(f"rival={rival!r} is not an ISO 3166 alpha-3 country code such as 'ARM'")
    if rival == country_a:
        raise ParameterError(
            f"rival={rival!r} is country_a itself; choose the state country_a's spending is compared with"
        )
    return rival


def resolve_rival(rival: str, country_a: str, country_b: str, comparators: Sequence[str]) -> tuple[str, str]:
    """The rival whose spending ``country_a``'s is compared with, and a sentence when the parameter had to be replaced.

    A rival that is ``country_a`` itself (as the default ``"ARM"`` is when the pair is Armenia and another
    state) is replaced by the first comparator, and the sentence says so; with no comparator to fall back
    on, the run stops with a message naming the parameter to set.

    Raises:
        ParameterError: if the code is not ISO3, or is ``country_a`` and there is no comparator.
    """
    if isinstance(rival, str) and rival == country_a:
        spare = [c for c in comparators if c not in (country_a, country_b)]
        if not spare:
            raise ParameterError(
                f"rival={rival!r} is country_a itself and no comparator is left to take its place; set rival (or "
                f"comparators) to the ISO3 code of the state whose military spending {country_a}'s is compared with"
            )
        new = spare[0]
        return new, (
            f"The rival state set for this report, {display_name(rival)}, is one of the pair, so "
            f"{fmt.poss(display_name(country_a))} military spending is compared with the first comparator, "
            f"{display_name(new)}, instead."
        )
    return check_rival(rival, country_a, country_b), ""


def check_whole(name: str, value: int, lo: int, hi: int) -> int:
    """Validate a whole-number extra parameter (``period_years``, ``top_suppliers``).

    Raises:
        ParameterError: naming the parameter unless ``lo <= value <= hi``.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ParameterError(f"{name}={value!r} must be a whole number from {lo} to {hi}")
    return value


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


def names_or(codes: Sequence[str]) -> str:
    """``names_or(["AZE", "TUR", "ARM"]) == "Azerbaijan, Türkiye or Armenia"``."""
    return fmt.join_and([display_name(c) for c in codes], "or")


def ratio_text(x: float | None) -> str:
    """A ratio with one decimal, or two below 1 (``ratio_text(0.384) == "0.38×"``)."""
    return fmt.ratio(x, 2 if x is not None and not np.isnan(x) and abs(x) < 1 else 1)


def not_covered_sentence(what: str, countries: Sequence[str], focus: Sequence[str] = REGISTER_COMPLETE_FOR) -> str:
    """A sentence saying that the extract cannot answer ``what`` for the given countries.

    Example:
        >>> not_covered_sentence("arms transfers between Georgia and Iran", ["GEO", "IRN"])[:60]
        'The SIPRI register extract used here cannot show arms transf'
    """
    who = " and ".join(display_name(c) for c in countries)
    return (
        f"The SIPRI register extract used here cannot show {what}: it holds only deals in which "
        f"{names_or(focus)} is the supplier or the recipient, and {who} {'is' if len(countries) == 1 else 'are'} not among them."
    )


# ---------------------------------------------------------------------------------------------
# Table metadata (sources and warnings declared by the pipeline)
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Parties and periods
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


def delivery_direction(rows: pd.DataFrame, a: str, b: str) -> str:
    """Words for the direction of the deliveries in ``rows`` (from :func:`both_directions`), for captions.

    ``"from Türkiye to Azerbaijan"`` when every delivery goes one way (whichever way that is), else
    ``"between Türkiye and Azerbaijan"`` (``b`` named first, as in the report's tables).
    """
    pairs = set(zip(rows["supplier_iso3"], rows["recipient_iso3"]))
    if len(pairs) == 1:
        sup, rec = next(iter(pairs))
        return f"from {display_name(sup)} to {display_name(rec)}"
    return f"between {display_name(b)} and {display_name(a)}"


def yearly_bars_text(per_year: pd.Series) -> str:
    """Alt-text words for a bar chart of TIV per year (index: years, values: TIV million, zeros included).

    ``"Deliveries occur in 3 of 5 years, 8.4 TIV million in all; the highest bar is 2000 at 3.4."``; for one
    year, ``"8.4 TIV million delivered in 2020."`` (no "1 of 1 years").
    """
    if len(per_year) == 1:
        return f"{fmt.num(per_year.iloc[0])} TIV million delivered in {int(per_year.index[0])}."
    return (
        f"Deliveries occur in {fmt.integer((per_year > 0).sum())} of {fmt.plural(len(per_year), 'year')}, "
        f"{fmt.num(per_year.sum())} TIV million in all; the highest bar is {int(per_year.idxmax())} at {fmt.num(per_year.max())}."
    )


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
        ``n_years`` (years with deliveries), ``by_category`` (TIV by category, largest first).
        Years are None when there are no rows.
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
    }


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


# ---------------------------------------------------------------------------------------------
# Suppliers and destinations
# ---------------------------------------------------------------------------------------------


#: SIPRI party labels that are not a partner ("unknown supplier(s)", "unknown recipient(s)"): shown, never ranked.
UNKNOWN_PARTY = re.compile(r"(?i)\bunknown\b")


def is_unknown_party(key: object) -> bool:
    """SIPRI's "unknown supplier(s)" / "unknown recipient(s)" labels: shown, never ranked."""
    return bool(UNKNOWN_PARTY.search(str(key)))


def partner_shares(transfers: pd.DataFrame, country: str, side: str, spans: Sequence[tuple[int, int]]) -> pd.DataFrame:
    """Each partner's TIV, share and rank in a country's imports (``side="imports"``) or exports, per period.

    Args:
        transfers: register rows.
        country: ISO3 of the importer (or exporter).
        side: ``"imports"`` (partners are suppliers) or ``"exports"`` (partners are recipients).
        spans: the periods, as from :func:`periods`.

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


def standing_table(st: pd.DataFrame, partner: str, *, partner_noun: str = "supplier") -> pd.DataFrame:
    """The reader's version of a :func:`standing` frame (formatted text)."""
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


def top_destinations_table(shares: pd.DataFrame, n: int, highlight: str) -> pd.DataFrame:
    """Largest destinations over one period (a single-period :func:`partner_shares` frame), with ``highlight`` kept.

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


# ---------------------------------------------------------------------------------------------
# Military expenditure
# ---------------------------------------------------------------------------------------------


def milex_wide(milex: pd.DataFrame, countries: Sequence[str], years: Iterable[int], column: str) -> pd.DataFrame:
    """Year × country frame of one milex column (missing stays missing; countries absent from the table are dropped).

    Columns are ISO3 codes, in the order given.
    """
    years = list(years)
    wide = milex.pivot_table(index="year", columns="iso3", values=column, aggfunc="first")
    present = [c for c in countries if c in wide.columns]
    out = wide.reindex(index=years, columns=present).astype(float)
    out.index.name = "year"
    out.columns.name = None
    return out


def missing_countries(milex: pd.DataFrame, countries: Sequence[str]) -> list[str]:
    """Countries with no row in the milex table."""
    have = set(milex["iso3"])
    return [c for c in countries if c not in have]


def spending_ratio(
    milex: pd.DataFrame, a: str, rival: str, years: Iterable[int], column: str = "milex_usd_m_const2023"
) -> pd.DataFrame:
    """``a``'s spending divided by ``rival``'s, year by year.

    Returns:
        Frame indexed by year with columns ``a``, ``rival`` (the two series) and ``ratio``
        (missing where either is missing or the rival's is 0).
    """
    wide = milex_wide(milex, [a, rival], years, column)
    for c in (a, rival):
        if c not in wide:
            wide[c] = np.nan
    den = wide[rival].where(wide[rival] > 0)
    return pd.DataFrame({a: wide[a], rival: wide[rival], "ratio": wide[a] / den})


def ratio_summary(ratio: pd.DataFrame) -> dict:
    """Latest, highest and lowest value of a :func:`spending_ratio` frame (years with a ratio only).

    Returns:
        ``latest_year``, ``latest``, ``max_year``, ``max``, ``min_year``, ``min``, ``n_years``; values
        None when no year has a ratio.
    """
    r = ratio["ratio"].dropna()
    if r.empty:
        return {
            "latest_year": None,
            "latest": None,
            "max_year": None,
            "max": None,
            "min_year": None,
            "min": None,
            "n_years": 0,
        }
    return {
        "latest_year": int(r.index.max()),
        "latest": float(r.loc[r.index.max()]),
        "max_year": int(r.idxmax()),
        "max": float(r.max()),
        "min_year": int(r.idxmin()),
        "min": float(r.min()),
        "n_years": len(r),
    }


def change_pct(series: pd.Series) -> tuple[int | None, int | None, float | None]:
    """Percentage change from the first to the last non-missing value of a yearly series.

    Returns:
        ``(first_year, last_year, change_pct)``; Nones if fewer than two values or the first is 0.
    """
    s = series.dropna()
    if len(s) < 2 or s.iloc[0] == 0:
        return None, None, None
    return int(s.index[0]), int(s.index[-1]), float(100 * (s.iloc[-1] / s.iloc[0] - 1))


def milex_notes(milex: pd.DataFrame, countries: Sequence[str], years: Iterable[int]) -> dict[str, str]:
    """SIPRI's footnote marks per country over ``years`` (distinct marks joined by ``", "``); countries without marks are left out."""
    rows = milex[milex["iso3"].isin(countries) & milex["year"].isin(list(years))].dropna(subset=["sipri_notes"])
    out = {}
    for c in countries:
        marks = sorted(set(rows.loc[rows["iso3"] == c, "sipri_notes"]))
        if marks:
            out[c] = ", ".join(marks)
    return out


#: SIPRI's special-note symbols in the milex workbook (its "Footnotes" sheet), paraphrased. SIPRI's
#: double vertical bar appears as U+2016 in the raw extract and as U+01C1 in some SIPRI files.
MILEX_MARKS: dict[str, str] = {
    "†": "the figures exclude military pensions",
    "‡": "the figures are for current spending only (capital spending excluded)",
    "§": "the figures are for the adopted budget, not actual spending",
    "¶": "the figures exclude spending on paramilitary forces",
    "‖": "the country changed or redenominated its currency during the period (local-currency figures are converted to the latest currency)",
    "ǁ": "the country changed or redenominated its currency during the period (local-currency figures are converted to the latest currency)",
}


def milex_marks_text(notes: dict[str, str]) -> str:
    """A sentence listing SIPRI's footnote marks per country and explaining the symbols that occur.

    Args:
        notes: ``{iso3: marks}`` as from :func:`milex_notes` (e.g. ``{"AZE": "‖7"}``).

    Returns:
        "" when there are no marks. Numbered notes are country-specific and only pointed to.

    Example:
        >>> milex_marks_text({"ARM": "†6"})
        "SIPRI attaches footnote marks to these series (Armenia †6). In SIPRI's footnotes, † means that the figures exclude military pensions; numbered notes are country-specific and are given in SIPRI's footnotes."
    """
    if not notes:
        return ""
    listing = "; ".join(f"{display_name(c)} {v}" for c, v in notes.items())
    present = "".join(notes.values())
    symbols = [s for s in MILEX_MARKS if s in present]
    explained = "; ".join(f"{s} means that {MILEX_MARKS[s]}" for s in symbols)
    unknown = sorted(
        {ch for ch in present if not ch.isdigit() and not ch.isspace() and ch not in MILEX_MARKS and ch != ","}
    )
    clauses = [f"In SIPRI's footnotes, {explained}"] if explained else []
    if unknown:
        clauses.append(f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} explained in SIPRI's footnotes")
    if any(ch.isdigit() for ch in present):
        clauses.append("numbered notes are country-specific and are given in SIPRI's footnotes")
    tail = "; ".join(clauses)
    return f"SIPRI attaches footnote marks to these series ({listing})." + (
        f" {tail[0].upper()}{tail[1:]}." if tail else ""
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


def without_tiv_explanation(points: Iterable[str]) -> list[str]:
    """The caveats or warnings that do not restate the TIV explanation (a report states it once, in its own words).

    >>> without_tiv_explanation(["TIV measures volume, not their financial value.", "SIPRI revises its data."])
    ['SIPRI revises its data.']
    """
    return [p for p in points if not TIV_EXPLANATION.search(p)]


def event_date_text(date: str, precision: str) -> str:
    """An ISO date cut to the source's precision, for comparing dates (readers see :func:`bilateral.fmt.date`):
    ``event_date_text("2020-01-01", "year") == "2020"``; month precision gives ``"2020-09"``."""
    return date[:4] if precision == "year" else date[:7] if precision == "month" else date


def milestones_table(ev: pd.DataFrame, *, with_source: bool = True) -> pd.DataFrame:
    """The reader's list of milestones, numbered as on the timeline.

    Args:
        ev: rows of :func:`security_events`.
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


def milestones_partner_sentence(ev: pd.DataFrame, a: str, b: str) -> str:
    """A sentence when none of the milestones shown involves ``b`` (they all involve another state); else "".

    Args:
        ev: rows of :func:`security_events` (column ``with``).
    """
    if ev.empty or (ev["with"] == b).any():
        return ""
    others = sorted({party_name(w) for w in ev["with"].dropna()})
    return (
        f"The events table lists no security milestone between {display_name(a)} and {display_name(b)}; the "
        f"milestones shown involve {' and '.join(others)}. The table was compiled for the Azerbaijan–Türkiye "
        "relationship, so its coverage of other pairs is thin."
    )


#: ATOP obligation columns of the ``alliances`` table and how the reports name them.
OBLIGATIONS = {
    "defense": "defence",
    "offense": "offence",
    "neutrality": "neutrality",
    "nonaggression": "non-aggression",
    "consultation": "consultation",
}


def year_spans(years: Iterable[int]) -> str:
    """Years as runs: ``year_spans([1993, 1994, 1995, 2010]) == "1993–1995, 2010"``."""
    ys = sorted({int(y) for y in years})
    runs: list[list[int]] = []
    for y in ys:
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(fmt.years(lo, hi) for lo, hi in runs)


def alliance_obligations(alliances: pd.DataFrame, a: str, b: str) -> dict[str, str]:
    """The ATOP obligations in force between ``a`` and ``b`` (either direction), each with its years as runs.

    Returns:
        ``{"non-aggression": "1993–2018", ...}`` in :data:`OBLIGATIONS` order; empty if none.
    """
    rows = alliances[
        ((alliances["iso3_a"] == a) & (alliances["iso3_b"] == b))
        | ((alliances["iso3_a"] == b) & (alliances["iso3_b"] == a))
    ]
    out = {}
    for col, name in OBLIGATIONS.items():
        years = rows.loc[rows[col] == 1, "year"]
        if len(years):
            out[name] = year_spans(years)
    return out


def alliance_sentence(alliances: pd.DataFrame, a: str, b: str) -> str:
    """A sentence on the ATOP alliance obligations between ``a`` and ``b`` and where the data end."""
    na, nb = display_name(a), display_name(b)
    last = int(alliances["year"].max())
    first = int(alliances["year"].min())
    obl = alliance_obligations(alliances, a, b)
    if not obl:
        return f"ATOP 5.1 records no alliance obligation between {na} and {nb} in {fmt.years(first, last)}."
    listing = "; ".join(f"{k}, {v}" for k, v in obl.items())
    return (
        f"ATOP 5.1 records these alliance obligations between {na} and {nb} (years in force): {listing}. "
        f"The data end in {last}, so later agreements are not covered."
    )


# ---------------------------------------------------------------------------------------------
# Narrative sentences (numbers formatted with bilateral.fmt)
# ---------------------------------------------------------------------------------------------


def deliveries_sentence(summary: dict, supplier: str, recipient: str, start: int, end: int) -> str:
    """One sentence on the deliveries from ``supplier`` to ``recipient`` (see :func:`delivery_summary`)."""
    s, r = display_name(supplier), display_name(recipient)
    if summary["n_rows"] == 0:
        return f"The register records no delivery of major arms from {s} to {r} in {fmt.years(start, end)}."
    top_cat = summary["by_category"].index[0]
    top_share = 100 * summary["by_category"].iloc[0] / summary["tiv_m"]
    # one year of deliveries: no "in 1 year from 2020 to 2020", no "largest year"
    if summary["n_years"] > 1:
        when = f", in {fmt.plural(summary['n_years'], 'year')} from {summary['first_year']} to {summary['last_year']}"
        peak = f"; the largest year was {summary['peak_year']} ({fmt.num(summary['peak_tiv_m'])})"
    else:
        when, peak = (f", all in {summary['first_year']}" if start != end else ""), ""
    return (
        f"The register records {fmt.plural(summary['n_rows'], 'delivery', 'deliveries')} of major arms from {s} to {r} "
        f"under {fmt.plural(summary['n_deals'], 'deal')} in {fmt.years(start, end)}{when}, totalling {fmt.num(summary['tiv_m'])} "
        f"TIV million{peak}, and {top_cat.lower()} made up {fmt.pct(top_share)} of the total."
    )


def supplier_sentence(overall: pd.DataFrame, by_period: pd.DataFrame, a: str, b: str) -> str:
    """A sentence on ``b``'s place among ``a``'s suppliers, from two :func:`standing` frames (whole span, periods)."""
    na, nb = display_name(a), display_name(b)
    o = overall.iloc[0]
    if not o["total_tiv_m"] > 0:
        return f"The register records no arms imports by {na} in {o['period']}."
    top = party_name(o["top_partner"])
    if pd.isna(o["rank"]):
        first = f"{nb} delivered none of {fmt.poss(na)} recorded arms imports in {o['period']}"
    else:
        first = (
            f"{nb} supplied {fmt.pct(o['share_pct'])} of {fmt.poss(na)} arms imports by TIV in {o['period']}, "
            f"rank {int(o['rank'])} of {int(o['n_partners'])} suppliers"
        )
    lead = f"; the largest supplier was {top} ({fmt.pct(o['top_share_pct'])})" if o["top_partner"] != b else ""
    last = by_period[by_period["total_tiv_m"] > 0]
    tail = ""
    if len(last):
        L = last.iloc[-1]
        if L["top_partner"] == b:
            where = f"the largest of {int(L['n_partners'])} suppliers"
        elif pd.notna(L["rank"]):
            where = f"rank {int(L['rank'])} of {int(L['n_partners'])}; largest: {party_name(L['top_partner'])}, {fmt.pct(L['top_share_pct'])}"
        else:
            where = f"largest: {party_name(L['top_partner'])}, {fmt.pct(L['top_share_pct'])}"
        if L["share_pct"] > 0:
            tail = (
                f". In {L['period']}, the last period with imports, its share was {fmt.pct(L['share_pct'])} ({where})"
            )
        else:  # none recorded: not "its share was 0.0%"
            tail = f". In {L['period']}, the last period with imports, the register records none from {nb} ({where})"
        # A share says nothing about volume: give the period's total beside the previous period's.
        tail += (
            f". {fmt.poss(na)} recorded arms imports in {L['period']} totalled {fmt.num(L['total_tiv_m'])} TIV million"
        )
        if len(last) > 1:
            P = last.iloc[-2]
            tail += f", against {fmt.num(P['total_tiv_m'])} in {P['period']}"
    return first + lead + tail + "."


def destination_sentence(overall: pd.DataFrame, a: str, b: str) -> str:
    """A sentence on ``a``'s place among ``b``'s export destinations (whole span, complete register)."""
    na, nb = display_name(a), display_name(b)
    o = overall.iloc[0]
    if not o["total_tiv_m"] > 0:
        return f"The register records no arms exports by {nb} in {o['period']}."
    if pd.isna(o["rank"]):
        return f"{na} received none of {fmt.poss(nb)} recorded arms exports in {o['period']}."
    return (
        f"{na} took {fmt.pct(o['share_pct'])} of {fmt.poss(nb)} arms exports by TIV in {o['period']}, "
        f"rank {int(o['rank'])} of {int(o['n_partners'])} destinations (largest: {party_name(o['top_partner'])}, "
        f"{fmt.pct(o['top_share_pct'])})."
    )


def destination_totals_sentence(frame: pd.DataFrame, a: str, b: str) -> str:
    """A sentence on ``a``'s share of ``b``'s total exports when ``b``'s other deals are not in the extract.

    Args:
        frame: a one-row :func:`destination_standing_from_totals` frame (the whole span).
    """
    na, nb = display_name(a), display_name(b)
    o = frame.iloc[0]
    if not o["total_tiv_m"] > 0:
        return f"No arms exports by {nb} are recorded for {o['period']}."
    return (
        f"Deliveries to {na} were {fmt.pct(o['share_pct'], 2)} of {fmt.poss(nb)} total recorded arms exports by TIV in "
        f"{o['period']} ({fmt.num(o['tiv_m'])} of {fmt.num(o['total_tiv_m'])} TIV million). The extract does not hold "
        f"{fmt.poss(nb)} other deals, so {fmt.poss(na)} rank among its destinations cannot be computed."
    )


def earlier_sentence(events: pd.DataFrame, start: int) -> str:
    """A sentence naming the security milestones dated before ``start`` (rows of :func:`security_events`)."""
    if events.empty:
        return ""
    items = "; ".join(
        f"{fmt.date(d, p)}: {t}" for d, p, t in zip(events["date"], events["date_precision"], events["title"])
    )
    return f"Before {start}, outside the period shown, the events table also lists: {items}."


def milex_sentence(ratio: pd.DataFrame, gdp: pd.DataFrame, a: str, rival: str) -> str:
    """A sentence on the latest spending of ``a`` and ``rival`` and their ratio."""
    summ = ratio_summary(ratio)
    na, nr = display_name(a), display_name(rival)
    if summ["latest_year"] is None:
        return f"SIPRI's spending figures do not allow {fmt.poss(na)} spending to be compared with {fmt.poss(nr)} for these years."
    y = summ["latest_year"]

    def gdp_of(c: str) -> str | None:
        v = gdp.at[y, c] if c in gdp and y in gdp.index else np.nan
        return None if pd.isna(v) else f"{fmt.num(v)}% of GDP"

    ga, gr = gdp_of(a), gdp_of(rival)
    return (
        f"In {y} {na} spent {fmt.usd_m(ratio.at[y, a])} on its military (constant 2023 US${'; ' + ga if ga else ''}) and {nr} "
        f"{fmt.usd_m(ratio.at[y, rival])}{f' ({gr})' if gr else ''}: {fmt.poss(na)} spending was "
        f"{ratio_text(summ['latest'])} {fmt.poss(nr)}."
        + (
            f" Over the {summ['n_years']} years with data for both, the ratio ranged from "
            f"{ratio_text(summ['min'])} ({summ['min_year']}) to {ratio_text(summ['max'])} ({summ['max_year']})."
            if summ["n_years"] > 1
            else ""
        )
    )


# ---------------------------------------------------------------------------------------------
# Plots (each returns a matplotlib figure in the house style)
# ---------------------------------------------------------------------------------------------


def _tiv_axis(ax) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.set_ylabel(TIV_AXIS)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def distinct_colours(keys: Sequence[str]) -> dict[str, str]:
    """A colour per party key, the same as in every chart of the suite (:func:`bilateral.figures.country_colours`).

    Keys :data:`OTHERS` get light grey. No two keys share a colour while the colours last.

    Example:
        >>> distinct_colours(["RUS", "ISR", "TUR"])["ISR"] != distinct_colours(["RUS", "ISR", "TUR"])["RUS"]
        True
    """
    from bilateral import figures

    return figures.country_colours(keys)


def plot_tiv_by_year(by_year: pd.DataFrame, colours: Sequence[str] | None = None):
    """Stacked bars of TIV per year, one segment per column of a :func:`tiv_by_year` frame."""
    from bilateral import figures

    fig, ax = figures.new("wide")
    x = by_year.index.to_numpy()
    bottom = np.zeros(len(x))
    for i, col in enumerate(by_year.columns):
        colour = colours[i] if colours else figures.PALETTE[i % len(figures.PALETTE)]
        ax.bar(x, by_year[col].to_numpy(), bottom=bottom, color=colour, width=0.8, label=str(col))
        bottom = bottom + by_year[col].to_numpy()
    _tiv_axis(ax)
    ax.set_xlabel("Delivery year")
    ax.set_xlim(x.min() - 0.7, x.max() + 0.7)
    ax.grid(axis="x", visible=False)
    if len(by_year.columns) > 1:
        ax.legend(loc="upper left", ncol=2)
    return fig


def plot_share_matrix(matrix: pd.DataFrame, keys: Sequence[str], highlight: str | None = None):
    """Stacked bars of partner shares (%) per period (a :func:`share_matrix` frame).

    Args:
        matrix: period × partner shares; columns are display names, the last one :data:`OTHERS`.
        keys: the party keys of the columns before :data:`OTHERS`, in order (for colours).
        highlight: the party key outlined in black (the supplier of the pair).
    """
    from bilateral import figures

    fig, ax = figures.new("tall")
    x = np.arange(len(matrix))
    bottom = np.zeros(len(x))
    keys = list(keys) + [OTHERS]
    colours = distinct_colours(keys)
    light = {"#cccccc", "#F0E442", "#E69F00", "#56B4E9", "#e7ba52"}
    for key, col in zip(keys, matrix.columns):
        vals = matrix[col].fillna(0).to_numpy()
        colour = colours[key]
        ax.bar(
            x,
            vals,
            bottom=bottom,
            color=colour,
            width=0.7,
            label=col,
            edgecolor="#111111" if key == highlight else "white",
            linewidth=1.6 if key == highlight else 0.5,
        )
        for xi, v, b0 in zip(x, vals, bottom):
            if v >= 7:
                ax.text(
                    xi,
                    b0 + v / 2,
                    f"{v:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=figures.SMALL_TEXT_PT,
                    color="#222222" if colour in light else "white",
                )
        bottom = bottom + vals
    for xi, row in zip(x, matrix.itertuples(index=False)):
        if all(pd.isna(v) for v in row):
            ax.text(
                xi,
                50,
                "no deliveries\nrecorded",
                ha="center",
                va="center",
                fontsize=figures.SMALL_TEXT_PT,
                color=figures.GREY,
            )
    ax.set_xticks(x, matrix.index)
    ax.set_ylim(0, 100)
    ax.set_ylabel("% of TIV delivered in the period (volume, not US$)")
    ax.grid(axis="x", visible=False)
    fig.legend(loc="outside lower center", ncol=min(4, len(matrix.columns)))
    return fig


def plot_lines(wide: pd.DataFrame, ylabel: str, ax=None, highlight: Sequence[str] = ()):
    """Line chart of a year × country frame (countries keep their house colours)."""
    from bilateral import figures

    fig = None
    if ax is None:
        fig, ax = figures.new("wide")
    for i, c in enumerate(wide.columns):
        ax.plot(
            wide.index,
            wide[c],
            color=figures.colour(c, i + 3),
            marker=".",
            markersize=3,
            linewidth=2.2 if c in highlight else 1.3,
            label=display_name(c),
        )
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    return fig


def milex_finding(const: pd.DataFrame, gdp: pd.DataFrame) -> str:
    """The finding a military-expenditure chart shows, as its caption's first sentence: in the last year with a
    figure, who spent the most in constant US$ and who the largest share of GDP ("" without figures).

    Args:
        const: spending in constant US$ million, one column per state (ISO3), indexed by year.
        gdp: spending as % of GDP, same shape.

    Example: "In 2024 Türkiye spent the most (US$25.0 billion, constant 2023 prices); Azerbaijan spent the
    largest share of its GDP (5.0%)."
    """
    money = const.dropna(how="all")
    if money.empty:
        return ""
    year = money.index.max()
    row = money.loc[year].dropna()
    top = row.idxmax()
    share = gdp.loc[year].dropna() if year in gdp.index else pd.Series(dtype=float)
    if len(row) == 1:
        text = f"In {int(year)} {display_name(top)} spent {fmt.usd_m(float(row[top]))} (constant 2023 prices)"
        return text + (f", {fmt.pct(float(share[top]))} of its GDP." if top in share.index else ".")
    text = f"In {int(year)} {display_name(top)} spent the most ({fmt.usd_m(float(row[top]))}, constant 2023 prices)"
    if len(share):
        high = share.idxmax()
        text += (
            f" and also the largest share of its GDP ({fmt.pct(float(share[high]))})"
            if high == top
            else f"; {display_name(high)} spent the largest share of its GDP ({fmt.pct(float(share[high]))})"
        )
    return text + "."


def plot_milex(const: pd.DataFrame, gdp: pd.DataFrame, highlight: Sequence[str] = (), log: bool = True):
    """Two panels: spending in constant 2023 US$ (billions; log scale by default, so that small and large
    spenders can be read on one chart) and as a share of GDP, one line per country."""
    from bilateral import figures

    fig, (ax1, ax2) = figures.new("tall", 2, 1, sharex=True)
    plot_lines(const / 1000, "US$ billion (log scale)", ax=ax1, highlight=highlight)
    if log:
        from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

        ax1.set_yscale("log")
        lo = float(np.nanmin(const.to_numpy())) / 1000 if np.isfinite(const.to_numpy()).any() else 0.1
        ticks = [
            t for t in (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if t >= lo / 2.5
        ]
        ax1.yaxis.set_major_locator(FixedLocator(ticks))
        ax1.yaxis.set_minor_locator(NullLocator())
        ax1.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        hi = float(np.nanmax(const.to_numpy())) / 1000 if np.isfinite(const.to_numpy()).any() else 1.0
        ax1.set_ylim(lo / 1.5, hi * 1.5)
    else:
        ax1.set_ylabel("US$ billion")
    plot_lines(gdp, "% of GDP", ax=ax2, highlight=highlight)
    ax1.set_title("Military expenditure, constant 2023 US$", loc="left", fontsize=9)
    ax2.set_title("Military expenditure, share of GDP", loc="left", fontsize=9)
    ax2.set_xlabel("Year")
    for ax in (ax1, ax2):  # names at the line ends instead of a legend
        figures.label_line_ends(ax)
    return fig


def plot_ratio(ratio: pd.DataFrame, a: str, rival: str):
    """Line chart of the spending ratio, with a reference line at 1 (parity)."""
    from bilateral import figures

    fig, ax = figures.new("small")
    ax.plot(ratio.index, ratio["ratio"], color=figures.colour(a), marker=".")
    ax.axhline(1, color=figures.GREY, linewidth=0.8, linestyle="--")
    ax.text(ratio.index.min(), 1, " parity", va="bottom", fontsize=figures.SMALL_TEXT_PT, color=figures.GREY)
    ax.set_ylabel(f"{display_name(a)} ÷ {display_name(rival)}")
    ax.set_xlabel("Year")
    ax.set_ylim(bottom=0)
    return fig


def plot_timeline(by_year: pd.DataFrame, events: pd.DataFrame, *, colours: Sequence[str] | None = None):
    """TIV bars by year (top) over the security milestones (bottom), one labelled row each, on one time axis.

    Args:
        by_year: a :func:`tiv_by_year` frame (one or more columns, stacked).
        events: rows of :func:`security_events`, numbered 1.. in order (as in the table that follows the chart).
        colours: bar colours per column.
    """
    from bilateral import events as evs
    from bilateral import figures

    pos = periods.decimal_year(events["date"], events["date_precision"]).to_numpy() if len(events) else np.array([])
    hollow = evs.seed_only(events).to_numpy()
    rows = max(len(events), 2)
    bars_in, rows_in = 2.6, evs.LABEL_ROW_INCHES * (rows + 1)
    fig, (ax, strip) = figures.new("tall", 2, 1, sharex=True, gridspec_kw={"height_ratios": [bars_in, rows_in]})
    fig.set_size_inches(fig.get_figwidth(), bars_in + rows_in + 0.9)
    # Bars are centred mid-year so that dated milestones fall inside the right year's bar.
    x = by_year.index.to_numpy() + 0.5
    bottom = np.zeros(len(x))
    for i, col in enumerate(by_year.columns):
        colour = colours[i] if colours else figures.PALETTE[i % len(figures.PALETTE)]
        ax.bar(x, by_year[col].to_numpy(), bottom=bottom, color=colour, width=0.8, label=str(col))
        bottom = bottom + by_year[col].to_numpy()
    _tiv_axis(ax)
    ax.grid(axis="x", visible=False)
    if len(by_year.columns) > 1:
        ax.legend(loc="upper left")
    xlim = (x.min() - 0.7, x.max() + 0.7)
    strip.set_xlabel("Year")
    if len(events):
        for p in pos:
            ax.axvline(p, color=figures.GREY, linewidth=0.6, linestyle=":")
        labels = [evs.short_label(i, t) for i, t in enumerate(events["title"], start=1)]
        evs.draw_labelled_events(strip, pos, labels, colours="#222222", hollow=hollow, xlim=xlim)
        if hollow.any():
            evs.add_marker_legend(strip, "#222222", loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2)
    else:
        strip.set_yticks([])
        strip.grid(False)
        strip.spines["left"].set_visible(False)
        strip.text(
            0.5,
            0.5,
            "no security milestones in the events table for this pair",
            transform=strip.transAxes,
            ha="center",
            va="center",
            fontsize=figures.SMALL_TEXT_PT,
            color=figures.GREY,
        )
    ax.set_xlim(*xlim)
    years = by_year.index.to_numpy()
    step = 5 if len(years) > 12 else 1
    shown = [y for y in years if y % step == 0] or [years[0]]
    strip.set_xticks([y + 0.5 for y in shown], [str(y) for y in shown])
    return fig
