"""Türkiye's gas imports by entry route, monthly and yearly, from the IEA Gas Trade Flows.

Pure functions on the processed tables ``gas_flows_turkiye_monthly`` and
``gas_flows_turkiye_annual`` (volumes in million cubic metres, mcm), with the press series
(``gas_imports_turkiye`` and ``_subannual``) as a cross-check only.

Rules the functions keep:

* The supplier of an entry route is what the route implies (Türkgözü: Azerbaijan; Samsun,
  Kıyıköy and the Malkoçlar entry: Russia; Doğubayazıt: Iran); LNG is one source whatever its
  origin, so it is never ranked as a country.
* Shares divide a route's entries by the total entries of the same series and period (numerator
  and denominator from one publication). Exits (Kipi, Malkoçlar, LNG re-exports) are shown beside
  the entries and never subtracted from them.
* Partial years (2008: October–December; 2025: January–May) are labelled and kept out of
  year-on-year statements; a month without a value stays missing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name

#: The supplying sources of the entry routes, in display order: (key, label, routes).
SUPPLIERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("AZE", "Azerbaijan", ("turkgozu",)),
    ("RUS", "Russia", ("blue_stream", "turkstream", "trans_balkan")),
    ("IRN", "Iran", ("dogubayazit",)),
    ("LNG", "LNG (all origins)", ("lng",)),
)
#: Country suppliers that can be ranked (LNG has no single origin).
COUNTRY_SUPPLIERS = ("AZE", "RUS", "IRN")
ENTRY_ROUTES = ("turkgozu", "blue_stream", "turkstream", "trans_balkan", "dogubayazit", "lng")
EXIT_ROUTES = ("kipi_exit", "malkoclar_exit", "lng_exit")
TOTAL = "total_entries"
MCM_PER_BCM = 1000.0
#: The workbook's span.
FIRST_MONTH, LAST_MONTH = "2008-10", "2025-05"


#: Months read as "not reported" although the workbook has zeros there: (routes, first, last month, reason).
UNREPORTED: tuple[tuple[tuple[str, ...], str, str, str], ...] = (
    ((*ENTRY_ROUTES, *EXIT_ROUTES), "2009-05", "2009-09",
     "the IEA's data collection was incomplete in April–September 2009 (every route reports zero from May to September)"),
    (("turkgozu",), FIRST_MONTH, "2009-11",
     "Türkgözü reports zeros until its first value in December 2009; zeros before a point's first value can mean 'not reported'"),
)  # fmt: skip


def supplier_label(key: str) -> str:
    """``supplier_label("AZE") == "Azerbaijan"``; ``"LNG"`` -> 'LNG (all origins)'."""
    return {k: lab for k, lab, _ in SUPPLIERS}.get(key, display_name(key))


def route_phrase(key: str) -> str:
    """``route_phrase("AZE") == "the route that carries Azerbaijan's gas"``; several routes in the plural."""
    routes = {k: r for k, _, r in SUPPLIERS}.get(key, ())
    name = fmt.poss(display_name(key))
    return f"the route that carries {name} gas" if len(routes) == 1 else f"the routes that carry {name} gas"


def covers(a: str, b: str) -> bool:
    """Whether the IEA route series answer for the pair: buyer Türkiye and a supplier with an entry route."""
    return b == "TUR" and a in COUNTRY_SUPPLIERS


def routes_wide(table: pd.DataFrame, index: str, routes: Sequence[str] = (*ENTRY_ROUTES, *EXIT_ROUTES)) -> pd.DataFrame:
    """Volumes (mcm) with one column per route and one row per ``index`` value ('year' or 'month').

    Missing values stay NaN (a route with no reported point in a period).
    """
    wide = table.pivot_table(index=index, columns="route_id", values="volume_mcm", aggfunc="first", dropna=False)
    wide = wide.reindex(columns=list(routes)).astype(float)
    wide.columns.name = None
    return wide.sort_index()


def mask_unreported(wide: pd.DataFrame) -> pd.DataFrame:
    """A monthly route frame with the months of :data:`UNREPORTED` set to NaN (gaps, not zeros)."""
    out = wide.copy()
    for routes, first, last, _ in UNREPORTED:
        rows = (out.index >= first) & (out.index <= last)
        cols = [r for r in routes if r in out]
        out.loc[rows, cols] = np.nan
    return out


def monthly_wide(monthly: pd.DataFrame) -> pd.DataFrame:
    """Routes × months (mcm) with the unreported months masked: the basis of every IEA figure in the reports."""
    return mask_unreported(routes_wide(monthly, "month"))


def annual_from_monthly(wm: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Calendar-year sums of a masked monthly route frame, and the months of each year with every entry route reported.

    A route's year sums the months with a value (NaN if none); a year is *full* only if all 12 months
    have a value for every entry route (see :func:`full_years`).

    Example:
        >>> wm = pd.DataFrame({"turkgozu": [1.0, np.nan], "lng": [2.0, 3.0]}, index=["2024-01", "2024-02"])
        >>> w, n = annual_from_monthly(wm)
        >>> w.to_dict("list"), n.to_dict()
        ({'turkgozu': [1.0], 'lng': [5.0]}, {2024: 1})
    """
    year = pd.Index([int(m[:4]) for m in wm.index], name="year")
    sums = wm.groupby(year).sum(min_count=1)
    entry = [r for r in ENTRY_ROUTES if r in wm]
    complete = wm[entry].notna().all(axis=1).groupby(year).sum().astype(int)
    return sums, complete


def by_supplier(wide: pd.DataFrame) -> pd.DataFrame:
    """Entries by supplying source (AZE, RUS, IRN, LNG) and their total, mcm.

    A supplier's routes are summed where at least one has a value; the total is the sum of the
    four sources where all four have a value, else NaN (never a total of part of the routes).

    Example:
        >>> w = pd.DataFrame({"turkgozu": [924.28], "blue_stream": [206.7], "turkstream": [183.0], "trans_balkan": [76.854],
        ...                   "dogubayazit": [557.81], "lng": [2069.22]}, index=["2020-03"])
        >>> by_supplier(w).round(3).iloc[0].tolist()
        [924.28, 466.554, 557.81, 2069.22, 4017.864]
    """
    out = pd.DataFrame(index=wide.index)
    for key, _, routes in SUPPLIERS:
        cols = [r for r in routes if r in wide]
        out[key] = wide[cols].sum(axis=1, min_count=1) if cols else np.nan
    parts = out[[k for k, _, _ in SUPPLIERS]]
    out[TOTAL] = parts.sum(axis=1).where(parts.notna().all(axis=1))
    return out


def shares(sup: pd.DataFrame) -> pd.DataFrame:
    """Each source's % of total entries of the same period (one series for both), NaN without a total."""
    total = sup[TOTAL].where(sup[TOTAL] > 0)
    return sup.drop(columns=[TOTAL]).div(total, axis=0) * 100.0


def rank_in_period(
    row: pd.Series, who: str, among: Sequence[str] = COUNTRY_SUPPLIERS
) -> tuple[int | None, int, list[str]]:
    """Rank of ``who`` among the country suppliers with a positive volume in one period.

    Returns:
        ``(rank, n, tied_with)``: rank 1 = largest ('min' method: tied suppliers share the better
        rank); None when ``who`` supplied nothing or has no value; ``n`` = suppliers with a positive
        volume (the denominator); ``tied_with`` = other suppliers with exactly the same volume.

    Example:
        >>> rank_in_period(pd.Series({"AZE": 924.28, "RUS": 466.554, "IRN": 557.81}), "AZE")
        (1, 3, [])
        >>> rank_in_period(pd.Series({"AZE": 5.0, "RUS": 5.0, "IRN": 0.0}), "RUS")
        (1, 2, ['AZE'])
    """
    vals = row.reindex(list(among)).astype(float)
    positive = vals[vals > 0]
    n = len(positive)
    v = vals.get(who, np.nan)
    if pd.isna(v) or v <= 0:
        return None, n, []
    rank = int((positive > v).sum()) + 1
    tied = [k for k, x in positive.items() if k != who and x == v]
    return rank, n, tied


def ranks(sup: pd.DataFrame, who: str) -> pd.DataFrame:
    """:func:`rank_in_period` for every period: columns ``rank`` (nullable), ``n_suppliers``, ``tied_with`` and
    ``reported`` (False where the supplier's route has no value: its rank is then unknown, not 'no supply')."""
    rows = [rank_in_period(sup.loc[i], who) for i in sup.index]
    return pd.DataFrame(
        {
            "rank": pd.array([r for r, _, _ in rows], dtype="Int64"),
            "n_suppliers": [n for _, n, _ in rows],
            "tied_with": [", ".join(t) for _, _, t in rows],
            "reported": sup[who].notna().to_numpy() if who in sup else False,
        },
        index=sup.index,
    )


def rank_text(rank: int | None, n: int, tied: str = "") -> str:
    """A supplier's rank among the pipeline suppliers in the suite's wording (:func:`bilateral.ranks.rank_words`,
    denominator and ties stated); an absent supplier is said as such.

    Args:
        rank: from :func:`rank_in_period` (None: no supply); n: the pipeline suppliers with a positive volume;
        tied: the codes tied with it, comma-separated (as in :func:`ranks`).

    >>> rank_text(2, 3), rank_text(1, 3, "RUS"), rank_text(1, 1)
    ('2nd of 3 pipeline suppliers', 'joint 1st (with 1 other) of 3 pipeline suppliers', '1st, the only pipeline supplier')
    >>> rank_text(None, 2)
    'no supply (2 pipeline suppliers)'
    """
    from bilateral.ranks import rank_words  # imported here: ranks reads several dimensions

    if rank is None:
        return f"no supply ({fmt.plural(n, 'pipeline supplier')})"
    n_tied = 1 + len([c for c in tied.split(",") if c.strip()])
    return rank_words({"rank": rank, "n_tied": n_tied, "n_ranked": n}, "pipeline supplier")


def monthly_rank_counts(rk_m: pd.DataFrame) -> pd.DataFrame:
    """Per year of a monthly :func:`ranks` frame: ``months`` with a reported value and at least one pipeline
    supplier, months the supplier ranked ``first`` (alone or tied) and, of those, months ``tied`` at the top.

    Example:
        >>> rk = pd.DataFrame({"rank": pd.array([1, 2, 1], dtype="Int64"), "n_suppliers": [3, 3, 2],
        ...                    "tied_with": ["", "", "RUS"], "reported": [True, True, True]}, index=["2020-01", "2020-02", "2021-01"])
        >>> monthly_rank_counts(rk).to_dict("index")
        {2020: {'months': 2, 'first': 1, 'tied': 0}, 2021: {'months': 1, 'first': 1, 'tied': 1}}
    """
    mk = rk_m[rk_m["reported"] & (rk_m["n_suppliers"] > 0)]
    mk = mk.assign(tied_at_top=(mk["rank"].fillna(0) == 1) & (mk["tied_with"] != ""))
    return (
        mk.assign(year=[int(m[:4]) for m in mk.index])
        .groupby("year")
        .agg(months=("n_suppliers", "size"), first=("rank", lambda r: int((r == 1).sum())), tied=("tied_at_top", "sum"))
    )


def leader_counts(sup: pd.DataFrame, among: Sequence[str] = COUNTRY_SUPPLIERS) -> pd.Series:
    """How many periods each country supplier was the largest (ties count for each), among the periods with at
    least one positive volume; sorted from most to fewest.

    >>> leader_counts(pd.DataFrame({"AZE": [5.0, 1.0, 2.0], "RUS": [4.0, 3.0, 2.0], "IRN": [0.0, np.nan, 1.0]})).to_dict()
    {'AZE': 2, 'RUS': 2, 'IRN': 0}
    """
    vals = sup.reindex(columns=list(among)).astype(float)
    top = vals.max(axis=1)
    rows = top > 0
    first = vals[rows].eq(top[rows], axis=0)
    return first.sum().astype(int).sort_values(ascending=False, kind="mergesort")


def coverage(wm: pd.DataFrame) -> pd.DataFrame:
    """Per year of a masked monthly frame: months in the workbook, months with every entry route
    reported, and ``comparable`` (every month the workbook has for that year is complete).

    Example:
        >>> wm = pd.DataFrame({r: [1.0, 1.0] for r in ENTRY_ROUTES}, index=["2025-01", "2025-02"])
        >>> [int(v) for v in coverage(wm).loc[2025]]
        [2, 2, 1]
    """
    _, complete = annual_from_monthly(wm)
    in_data = pd.Series([int(m[:4]) for m in wm.index]).value_counts().sort_index()
    out = pd.DataFrame(
        {"months_in_data": in_data, "months_complete": complete.reindex(in_data.index).fillna(0).astype(int)}
    )
    out["comparable"] = out["months_in_data"] == out["months_complete"]
    out.index.name = "year"
    return out


def full_years(complete_months: pd.Series, years: Iterable[int]) -> list[int]:
    """The years of ``years`` with all 12 months reported on every entry route (from :func:`annual_from_monthly`)."""
    return [int(y) for y in years if complete_months.get(int(y), 0) == 12]


def data_years(complete_months: pd.Series, start: int, end: int) -> list[int]:
    """Years of the period that the workbook covers at all (2008–2025, partly for some)."""
    return [int(y) for y in complete_months.index if start <= int(y) <= end]


def year_label(y: int, months: int) -> str:
    """``year_label(2025, 5) == "2025 (5 months)"``; a full year is just the year."""
    return str(y) if months >= 12 else f"{y} ({fmt.plural(months, 'month')})"


# ---------------------------------------------------------------------------------------------
# Cross-checks and transit
# ---------------------------------------------------------------------------------------------


def press_crosscheck(sup_bcm: pd.DataFrame, press: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    """IEA entries beside the importer-side press figure for the same supplier and full year.

    Args:
        sup_bcm: :func:`by_supplier` converted to bcm, full years only, indexed by year.
        press: :func:`bilateral.energy.volume_wide` (bcm, press labels as columns).
        mapping: IEA key -> press label (e.g. ``{"AZE": "Azerbaijan", "LNG": "LNG total", TOTAL: "Total"}``).

    Returns:
        One row per year and supplier where both exist: ``year``, ``supplier`` (IEA key), ``iea_bcm``,
        ``press_bcm``, ``difference_bcm`` (IEA minus press), ``difference_pct`` (of the press figure).
    """
    rows = []
    for key, label in mapping.items():
        if key not in sup_bcm or label not in press:
            continue
        for y in sup_bcm.index:
            a, p = sup_bcm.at[y, key], press[label].get(y, np.nan)
            if pd.notna(a) and pd.notna(p):
                rows.append({"year": int(y), "supplier": key, "iea_bcm": float(a), "press_bcm": float(p),
                             "difference_bcm": float(a) - float(p), "difference_pct": 100 * (float(a) - float(p)) / float(p) if p else np.nan})  # fmt: skip
    return pd.DataFrame(rows, columns=["year", "supplier", "iea_bcm", "press_bcm", "difference_bcm", "difference_pct"])


def press_monthly_crosscheck(monthly_sup: pd.DataFrame, sub: pd.DataFrame, key: str, label: str) -> pd.DataFrame:
    """Single-month press volumes for one supplier beside the IEA month (both in mcm).

    Returns:
        ``month``, ``press_mcm``, ``iea_mcm``, ``difference_mcm`` (IEA minus press), ``reported_by``.
    """
    rows = sub[
        (sub["supplier"] == label) & (sub["months"] == 1) & (sub["quantity"] == "volume") & sub["usable"].astype(bool)
    ]
    out = pd.DataFrame(
        {
            "month": rows["period_start"].astype(str).to_numpy(),
            "press_mcm": (rows["volume_bcm"].astype(float) * MCM_PER_BCM).round(3).to_numpy(),
            "reported_by": rows["reported_by"].astype(str).to_numpy(),
        }
    )
    out["iea_mcm"] = [float(monthly_sup[key].get(m, np.nan)) if key in monthly_sup else np.nan for m in out["month"]]
    out["difference_mcm"] = out["iea_mcm"] - out["press_mcm"]
    return (
        out[["month", "press_mcm", "iea_mcm", "difference_mcm", "reported_by"]]
        .sort_values("month", kind="mergesort")
        .reset_index(drop=True)
    )


def transit(wide: pd.DataFrame) -> pd.DataFrame:
    """Entries, exits and entries minus exits per period (mcm), for the transit table.

    ``entries_minus_exits_mcm`` is shown only to explain transit: it is not Türkiye's consumption
    (storage and measurement differences are ignored) and nothing else in the report subtracts exits.
    """
    sup = by_supplier(wide)
    out = pd.DataFrame(index=wide.index)
    out["entries_mcm"] = sup[TOTAL]
    out["kipi_exit_mcm"] = wide["kipi_exit"]
    out["malkoclar_exit_mcm"] = wide["malkoclar_exit"]
    out["lng_exit_mcm"] = wide["lng_exit"]
    exits = wide[list(EXIT_ROUTES)]
    out["exits_mcm"] = exits.sum(axis=1).where(exits.notna().all(axis=1))
    out["entries_minus_exits_mcm"] = out["entries_mcm"] - out["exits_mcm"]
    return out


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------


def latest_full_year(sup: pd.DataFrame, full: Sequence[int]) -> int | None:
    """The last full year with a total of entries."""
    ys = [y for y in full if y in sup.index and pd.notna(sup.at[y, TOTAL])]
    return max(ys) if ys else None


def share_sentence(sup: pd.DataFrame, sh: pd.DataFrame, rk: pd.DataFrame, a: str, year: int | None) -> str:
    """The supplier's entries, share of total entries and rank in the latest full year (one series)."""
    na = display_name(a)
    if year is None:
        return (
            f"No calendar year of the period is complete in the IEA series (12 months reported on every entry route), so no annual share "
            f"of {na} is computed; the monthly figures cover the period."
        )
    v, t = sup.at[year, a], sup.at[year, TOTAL]
    r = rk.loc[year]
    return (
        f"In {year} gas entering Türkiye by {route_phrase(a)} amounted to {fmt.num(v / MCM_PER_BCM, 2)} bcm, "
        f"{fmt.pct(sh.at[year, a])} of all entries ({fmt.num(t / MCM_PER_BCM, 2)} bcm; numerator and denominator both from the IEA Gas Trade Flows); "
        f"{na} ranked {rank_text(None if pd.isna(r['rank']) else int(r['rank']), int(r['n_suppliers']), r['tied_with'])} that year."
    )


def first_top_month(rk: pd.DataFrame) -> str | None:
    """The first month in which the supplier ranked first (alone or tied), or None."""
    top = rk[rk["rank"].fillna(0) == 1]
    return str(top.index[0]) if len(top) else None


def last_value(series: pd.Series) -> tuple[object, float]:
    """The last index with a value, and the value (``(None, nan)`` if none)."""
    s = series.dropna()
    return (None, math.nan) if s.empty else (s.index[-1], float(s.iloc[-1]))
