"""Energy report, computation: Türkiye's gas imports by supplier as the press reports them (the
cross-check of the IEA series), from the processed tables ``gas_imports_turkiye`` (+ ``_subannual`` and
``_eurostat``).

Rules the functions keep: one importer-side volume per supplier and year (the builder's
``use_in_series``); years without a figure stay missing (NaN) and are drawn as gaps. Exporter-side
figures are shown apart, never in the same series.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral.energy.compute import LNG_LABEL, TOTAL_LABEL, share_pct

__all__ = [
    "computed_shares",
    "eurostat_crosscheck",
    "exporter_vs_importer",
    "left_out",
    "press_years",
    "reported_shares",
    "series_rows",
    "series_source",
    "share_differences",
    "sm3_years",
    "subannual_rows",
    "supplier_label",
    "volume_wide",
]

# ---------------------------------------------------------------------------------------------
# Türkiye's gas imports by supplier (press figures)
# ---------------------------------------------------------------------------------------------


def press_years(imports: pd.DataFrame, start: int, end: int) -> list[int]:
    """The years of the period that the annual press table spans (first to last year with any row)."""
    lo, hi = int(imports["year"].min()), int(imports["year"].max())
    return list(range(max(start, lo), min(end, hi) + 1))


def supplier_label(imports: pd.DataFrame, iso3: str) -> str | None:
    """The press table's label for a supplying country, or None if it never appears."""
    rows = imports[imports["supplier_iso3"] == iso3]
    return None if rows.empty else str(rows["supplier"].iloc[0])


def series_rows(imports: pd.DataFrame) -> pd.DataFrame:
    """The rows that build the importer-side annual series (one per supplier and year)."""
    rows = imports[imports["use_in_series"].astype(bool)]
    if rows.duplicated(["year", "supplier"]).any():
        dup = rows[rows.duplicated(["year", "supplier"], keep=False)].iloc[0]
        raise ValueError(f"two series rows for {dup['supplier']!r} in {dup['year']}")
    bad = rows[
        (rows["side"] != "importer") | (rows["quantity"] != "volume") | (rows["importer_scope"] != "all importers")
    ]
    if not bad.empty:
        raise ValueError(
            f"series row for {bad['supplier'].iloc[0]!r} in {bad['year'].iloc[0]} is not an importer-side volume for all importers"
        )
    return rows


def volume_wide(imports: pd.DataFrame, labels: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """Importer-side annual volumes (bcm), one column per supplier label, one row per year.

    Years without a figure are NaN (gaps), never filled.

    Args:
        imports: the ``gas_imports_turkiye`` table.
        labels: supplier labels as in the table ('Azerbaijan', 'LNG total', 'Total', ...).
        years: the years (index).
    """
    rows = series_rows(imports)
    rows = rows[rows["supplier"].isin(list(labels))]
    wide = rows.pivot_table(index="year", columns="supplier", values="volume_bcm", aggfunc="first")
    wide = wide.reindex(index=pd.Index(list(years), name="year"), columns=list(labels)).astype(float)
    wide.columns.name = None
    return wide


def computed_shares(wide: pd.DataFrame, total: str = TOTAL_LABEL) -> pd.DataFrame:
    """Each supplier's volume as a % of the total of the same year (both importer-side press
    figures); NaN where either is missing. The total column is dropped."""
    parts = wide.drop(columns=[total])
    return parts.apply(lambda col: share_pct(col, wide[total]))


def reported_shares(imports: pd.DataFrame, labels: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """Shares of Türkiye's total imports as the press states them (importer side, all importers):
    share rows and percentages printed with a volume. NaN where none is reported; where two
    sources give a share for one year the first in source order is kept."""
    rows = imports[
        (imports["side"] == "importer") & (imports["importer_scope"] == "all importers") & imports["share_pct"].notna()
    ]
    rows = rows[rows["supplier"].isin(list(labels))]
    wide = rows.pivot_table(index="year", columns="supplier", values="share_pct", aggfunc="first")
    wide = wide.reindex(index=pd.Index(list(years), name="year"), columns=list(labels)).astype(float)
    wide.columns.name = None
    return wide


def left_out(imports: pd.DataFrame, labels: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """Importer-side annual volumes of the given suppliers that the series does not use, with the reason.

    These explain many of the gaps: a year can have a press figure that was left out (a lower bound,
    BOTAŞ's imports only, two totals that disagree, a unit that cannot be converted).

    Returns:
        ``year``, ``supplier``, ``volume_bcm`` (NaN when the unit is not bcm), ``value_as_reported``,
        ``unit_as_reported``, ``importer_scope``, ``reported_by``, ``reason``; sorted by supplier, year.
    """
    years = set(years)
    rows = imports[
        (imports["side"] == "importer")
        & (imports["quantity"] == "volume")
        & ~imports["use_in_series"].astype(bool)
        & imports["supplier"].isin(list(labels))
        & imports["year"].isin(years)
    ]
    out = pd.DataFrame(
        {
            "year": rows["year"].astype(int).to_numpy(),
            "supplier": rows["supplier"].astype(str).to_numpy(),
            "volume_bcm": rows["volume_bcm"].astype(float).to_numpy(),
            "value_as_reported": rows["value_as_reported"].to_numpy() if "value_as_reported" in rows else np.nan,
            "unit_as_reported": rows["unit_as_reported"].astype(str).to_numpy(),
            "importer_scope": rows["importer_scope"].astype(str).to_numpy(),
            "reported_by": rows["reported_by"].astype(str).to_numpy(),
            "reason": rows["exclusion_reason"].fillna("").astype(str).to_numpy() if "exclusion_reason" in rows else "",
        }
    )
    return out.sort_values(["supplier", "year"], kind="mergesort").reset_index(drop=True)


def share_differences(computed: pd.DataFrame, reported: pd.DataFrame) -> pd.DataFrame:
    """Computed shares beside the shares the press reports, where both exist for a supplier and year.

    Returns:
        ``year``, ``supplier``, ``computed_pct``, ``reported_pct``, ``difference_pp`` (computed minus
        reported, percentage points), sorted by the size of the difference (largest first), then year.

    Example:
        >>> c = pd.DataFrame({"Russia": [41.34]}, index=[2024]); r = pd.DataFrame({"Russia": [35.0]}, index=[2024])
        >>> round(float(share_differences(c, r)["difference_pp"].iloc[0]), 2)
        6.34
    """
    rows = []
    for label in [c for c in reported.columns if c in computed.columns]:
        for year in reported.index:
            c, r = computed[label].get(year, np.nan), reported.at[year, label]
            if pd.notna(c) and pd.notna(r):
                rows.append(
                    {
                        "year": int(year),
                        "supplier": label,
                        "computed_pct": float(c),
                        "reported_pct": float(r),
                        "difference_pp": float(c) - float(r),
                    }
                )
    df = pd.DataFrame(rows, columns=["year", "supplier", "computed_pct", "reported_pct", "difference_pp"])
    order = df["difference_pp"].abs().sort_values(ascending=False, kind="mergesort").index
    return df.loc[order].reset_index(drop=True)


def series_source(imports: pd.DataFrame, label: str, year: int) -> str | None:
    """Who reported the series figure of ``label`` in ``year`` (None when the series has none)."""
    rows = series_rows(imports)
    rows = rows[(rows["supplier"] == label) & (rows["year"] == year)]
    return None if rows.empty else str(rows["reported_by"].iloc[0])


def sm3_years(imports: pd.DataFrame) -> list[int]:
    """Years whose series figures EPDK gives in standard cubic metres (Sm3)."""
    rows = series_rows(imports)
    return sorted({int(y) for y in rows.loc[rows["unit_as_reported"] == "bcm (Sm3)", "year"]})


def exporter_vs_importer(imports: pd.DataFrame, suppliers: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """Exporter-side figures set beside the importer-side series figure of the same supplier and year.

    Returns:
        One row per exporter-side volume (all importers' scope): ``year``, ``supplier``,
        ``importer_side_bcm`` (the series figure, NaN if none), ``exporter_side_bcm``,
        ``difference_bcm`` (importer minus exporter), ``exporter_source``; sorted by supplier, year.
    """
    years = set(years)
    series = series_rows(imports).set_index(["year", "supplier"])["volume_bcm"]
    exp = imports[
        (imports["side"] == "exporter") & (imports["quantity"] == "volume") & imports["supplier"].isin(list(suppliers))
    ]
    exp = exp[exp["year"].isin(years) & exp["volume_bcm"].notna()]
    out = pd.DataFrame(
        {
            "year": exp["year"].astype(int).to_numpy(),
            "supplier": exp["supplier"].astype(str).to_numpy(),
            "importer_side_bcm": [float(series.get((y, s), np.nan)) for y, s in zip(exp["year"], exp["supplier"])],
            "exporter_side_bcm": exp["volume_bcm"].astype(float).to_numpy(),
            "exporter_source": exp["reported_by"].astype(str).to_numpy(),
        }
    )
    out["difference_bcm"] = out["importer_side_bcm"] - out["exporter_side_bcm"]
    cols = ["year", "supplier", "importer_side_bcm", "exporter_side_bcm", "difference_bcm", "exporter_source"]
    return out[cols].sort_values(["supplier", "year"], kind="mergesort").reset_index(drop=True)


def subannual_rows(sub: pd.DataFrame, label: str, years: Iterable[int]) -> pd.DataFrame:
    """Usable monthly/quarterly/year-to-date figures for one supplier label in the years."""
    rows = sub[
        (sub["supplier"] == label)
        & sub["usable"].astype(bool)
        & sub["year"].isin(list(years))
        & (sub["quantity"] != "rank statement")
    ]
    return rows.sort_values(["period_start", "period_end", "quantity"], kind="mergesort").reset_index(drop=True)


def eurostat_crosscheck(
    eurostat: pd.DataFrame, press: pd.DataFrame, years: Iterable[int], partner: str = "Russia"
) -> pd.DataFrame:
    """Shares that need no unit conversion, from Eurostat (TJ) and the press series (bcm), side by side.

    Args:
        eurostat: ``gas_imports_turkiye_eurostat``.
        press: :func:`volume_wide` with columns ``partner``, 'LNG total' and 'Total' (bcm).
        years: the years compared.
        partner: the Eurostat partner label (also the press supplier label).

    Returns:
        Per year: Eurostat's partner share and LNG share of natural gas imports (TJ / TJ), the
        same shares from the press volumes (bcm / bcm), and ``implied_tj_per_bcm`` = Eurostat
        total (TJ) / press total (bcm) — a check of consistency, not a conversion factor.
        Eurostat's 'Natural gas' includes LNG.
    """
    years = list(years)
    e = eurostat.pivot_table(index="year", columns=["siec", "partner"], values="value_tj_gcv", aggfunc="first")
    e = e.reindex(pd.Index(years, name="year"))

    def col(siec: str, p: str) -> pd.Series:
        return e[(siec, p)] if (siec, p) in e.columns else pd.Series(np.nan, index=e.index)

    ng_total = col("Natural gas", "Total")
    out = pd.DataFrame(index=pd.Index(years, name="year"))
    out["eurostat_partner_share_pct"] = share_pct(col("Natural gas", partner), ng_total)
    out["press_partner_share_pct"] = share_pct(press[partner], press[TOTAL_LABEL]) if partner in press else np.nan
    out["eurostat_lng_share_pct"] = share_pct(col("Liquefied natural gas", "Total"), ng_total)
    out["press_lng_share_pct"] = share_pct(press[LNG_LABEL], press[TOTAL_LABEL]) if LNG_LABEL in press else np.nan
    out["eurostat_total_tj"] = ng_total
    out["press_total_bcm"] = press[TOTAL_LABEL].reindex(out.index)
    out["implied_tj_per_bcm"] = out["eurostat_total_tj"] / out["press_total_bcm"]
    return out[ng_total.notna().to_numpy()]
