"""Energy report, computation: constants of the sources, small helpers, the Energy Institute (EI) series
and the EI 2022 gas trade matrices. Pure functions on the processed tables ``energy_series`` and
``gas_trade_2022`` (no matplotlib, no sentences, no HTML).

Rules the functions keep:

* Energy Institute series end in 2022; former Soviet republics are listed from 1985 (earlier
  cells are zeros standing for "inside the USSR" and are dropped).
* EI gives no export series here. Production minus consumption is shown only as a labelled
  *surplus*, never as exports; gas exports come from the 2022 trade matrices.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name, is_iso3

__all__ = [
    "CRUDE_PROD",
    "EI_GROUP_ALSO",
    "EI_PIPELINE_GROUP",
    "EI_TOP_REGIONS",
    "EI_YEARS",
    "GAS_CONS",
    "GAS_PROD",
    "LNG_COLUMN",
    "LNG_IMPORTS",
    "LNG_LABEL",
    "OIL_CONS",
    "OIL_PROD",
    "PRESS_BUYER",
    "REPORT_YEARS",
    "TOTAL_LABEL",
    "TRADE_YEAR",
    "USSR_SPLIT_YEAR",
    "USSR_SUCCESSORS",
    "bilateral_2022",
    "cell",
    "countries_covered",
    "country_wide",
    "ei_wide",
    "ei_years",
    "every_n_years",
    "exports_2022",
    "first_valid",
    "imports_2022",
    "is_leaf",
    "last_valid",
    "leaves_check",
    "modes_listed",
    "names",
    "peak",
    "share_pct",
    "surplus",
    "year_list",
]

#: Years the Energy Institute series cover in this project (former Soviet republics from 1985).
EI_YEARS = (1985, 2022)
#: Years any section of the report covers: EI from 1985, OWID to 2024, IEA gas flows to May 2025.
REPORT_YEARS = (1985, 2025)
#: The one year of EI's gas trade matrices.
TRADE_YEAR = 2022
#: EI lists former Soviet republics separately only from this year; earlier cells are zeros.
USSR_SPLIT_YEAR = 1985
USSR_SUCCESSORS = frozenset(
    {"ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"}
)

#: The buyer whose imports by supplier the press tables cover.
PRESS_BUYER = "TUR"
#: The supplier label of the press table for all LNG (whatever its origin).
LNG_LABEL = "LNG total"
TOTAL_LABEL = "Total"
#: Columns of the supplier charts in this order, after the chosen suppliers.
LNG_COLUMN = "LNG (all origins)"

#: EI indicators used for each side.
OIL_PROD, OIL_CONS = "oil_production_kbd", "oil_consumption_kbd"
GAS_PROD, GAS_CONS = "gas_production_bcm", "gas_consumption_bcm"
LNG_IMPORTS = "lng_imports_bcm"
#: The Review's crude oil and condensate production (its oil production also counts natural gas liquids).
CRUDE_PROD = "crude_condensate_production_kbd"

#: Top-level regions of the EI trade matrices: each is the sum of rows listed elsewhere in the
#: matrix (countries, 'Other ...' groups, and for Europe the 'EU' and 'Rest of Europe' rows).
#: Every other non-total label is a leaf; the leaves of an exporter add up to its 'Total exports'.
EI_TOP_REGIONS = frozenset(
    {
        "Africa",
        "Asia Pacific",
        "CIS",
        "Europe",
        "Middle East",
        "Middle East & Africa",
        "North America",
        "S. & Cent. America",
    }
)
#: Where EI puts a buyer that has no row of its own in the 2022 pipeline matrix (catalog caveat).
EI_PIPELINE_GROUP = {"TUR": "Rest of Europe"}
#: Other countries inside those groups, per the EI workbook's definitions: Georgia counts in Europe
#: (non-EU), so a flow to 'Rest of Europe' is an upper bound for Türkiye, not Türkiye's figure.
EI_GROUP_ALSO = {"Rest of Europe": ("GEO",)}

# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def ei_years(start: int, end: int) -> list[int]:
    """The years of the period the EI series can cover: ``ei_years(2000, 2024)`` ends in 2022."""
    return list(range(max(start, EI_YEARS[0]), min(end, EI_YEARS[1]) + 1))


def names(codes: Iterable[str]) -> str:
    """``names(["RUS", "IRN"]) == "Russia and Iran"``; "none" when empty."""
    return fmt.join_and(display_name(c) if is_iso3(c) else str(c) for c in codes) or "none"


def year_list(years: Sequence[int]) -> str:
    """Years as short runs: ``year_list([2007, 2008, 2009, 2012]) == "2007–2009, 2012"``."""
    ys = sorted({int(y) for y in years})
    runs: list[tuple[int, int]] = []
    for y in ys:
        if runs and y == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    return ", ".join(fmt.years(a, b) for a, b in runs)


def cell(x: object, digits: int = 2) -> str:
    """A table cell: a number with ``digits`` decimals, or an en dash for a gap."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return fmt.num(float(x), digits)


def last_valid(series: pd.Series) -> tuple[int | None, float]:
    """The last index label with a value, and the value (``(None, nan)`` if none)."""
    s = series.dropna()
    if s.empty:
        return None, float("nan")
    return int(s.index[-1]), float(s.iloc[-1])


def first_valid(series: pd.Series) -> tuple[int | None, float]:
    """The first index label with a value, and the value (``(None, nan)`` if none)."""
    s = series.dropna()
    if s.empty:
        return None, float("nan")
    return int(s.index[0]), float(s.iloc[0])


# ---------------------------------------------------------------------------------------------
# Energy Institute series
# ---------------------------------------------------------------------------------------------


def ei_wide(series: pd.DataFrame, iso3: str, indicators: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """One country's EI indicators as columns, one row per year (NaN where EI gives no value).

    Years before :data:`USSR_SPLIT_YEAR` are blanked for former Soviet republics (EI's zeros there
    mean "inside the USSR", not zero).

    Args:
        series: the ``energy_series`` table.
        iso3: the country.
        indicators: indicator names (columns of the result, in this order).
        years: the years (index of the result).
    """
    return country_wide(series, iso3, indicators, years, "value")


def country_wide(
    table: pd.DataFrame, iso3: str, indicators: Sequence[str], years: Iterable[int], value: str
) -> pd.DataFrame:
    """Years × indicators of one country from a long table (``iso3, year, indicator, <value>``); Soviet-era
    years blanked for former Soviet republics."""
    years = list(years)
    rows = table[(table["iso3"] == iso3) & table["indicator"].isin(list(indicators))]
    wide = rows.pivot_table(index="year", columns="indicator", values=value, aggfunc="first")
    wide = wide.reindex(index=pd.Index(years, name="year"), columns=list(indicators)).astype(float)
    if iso3 in USSR_SUCCESSORS:
        wide.loc[wide.index < USSR_SPLIT_YEAR, :] = np.nan
    wide.columns.name = None
    return wide


def countries_covered(series: pd.DataFrame, codes: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split codes into those the EI extract lists and those it does not."""
    present = set(series["iso3"].astype(str))
    codes = list(codes)
    return [c for c in codes if c in present], [c for c in codes if c not in present]


def surplus(wide: pd.DataFrame, production: str, consumption: str) -> pd.Series:
    """Production minus consumption (NaN where either is missing).

    This is *not* exports: it ignores stock changes, re-injection, losses and, for oil, the
    different coverage of production and consumption. Label it "surplus of production over
    consumption" wherever it is shown.

    Example:
        >>> surplus(pd.DataFrame({"p": [34.0, None], "c": [12.0, 3.0]}), "p", "c").tolist()
        [22.0, nan]
    """
    return (wide[production] - wide[consumption]).rename(f"{production}_minus_{consumption}")


def peak(series: pd.Series) -> tuple[int | None, float]:
    """The year and value of a series' maximum (the first such year on ties); ``(None, nan)`` if empty."""
    s = series.dropna()
    if s.empty:
        return None, float("nan")
    return int(s.idxmax()), float(s.max())


def share_pct(part: pd.Series, whole: pd.Series) -> pd.Series:
    """``100 * part / whole``, NaN where either is missing or the whole is not positive."""
    whole = whole.where(whole > 0)
    return 100.0 * part / whole


def every_n_years(frame: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """Rows of a year-indexed frame every ``n`` years, plus the last year (for compact tables)."""
    if frame.empty:
        return frame
    years = list(frame.index)
    keep = [y for y in years if y % n == 0]
    if years[-1] not in keep:
        keep.append(years[-1])
    if years[0] not in keep:
        keep.insert(0, years[0])
    return frame.loc[sorted(set(keep))]


# ---------------------------------------------------------------------------------------------
# EI gas trade matrices, 2022
# ---------------------------------------------------------------------------------------------


def _label_of(trade: pd.DataFrame, iso3: str, side: str) -> str | None:
    rows = trade[trade[f"{side}_iso3"] == iso3]
    return None if rows.empty else str(rows[side].iloc[0])


def is_leaf(label: str) -> bool:
    """Whether a trade-matrix label is a leaf (a country, an 'Other ...' group, 'EU', 'Rest of Europe')."""
    return label not in EI_TOP_REGIONS and label not in ("Total imports", "Total exports")


def exports_2022(trade: pd.DataFrame, exporter: str) -> pd.DataFrame:
    """An exporter's 2022 gas exports by mode and destination, from the EI matrices.

    Returns:
        One row per mode and leaf destination with a positive volume: ``mode``, ``destination``
        (EI's label), ``destination_iso3``, ``volume_bcm``, ``share_pct`` (of the exporter's total
        for the mode), ``total_bcm`` (EI's 'Total exports' for the mode), sorted by mode then
        descending volume. Empty when the exporter has no column in either matrix.
    """
    label = _label_of(trade, exporter, "exporter")
    cols = ["mode", "destination", "destination_iso3", "volume_bcm", "share_pct", "total_bcm"]
    if label is None:
        return pd.DataFrame(columns=cols)
    out = []
    for mode, rows in trade[trade["exporter"] == label].groupby("mode", sort=True):
        total = rows.loc[rows["importer"] == "Total exports", "volume_bcm"]
        total_v = float(total.iloc[0]) if len(total) else float("nan")
        leaves = rows[rows["importer"].map(is_leaf) & (rows["volume_bcm"] > 0)]
        for _, r in leaves.iterrows():
            out.append({
                "mode": mode, "destination": r["importer"], "destination_iso3": r["importer_iso3"],
                "volume_bcm": float(r["volume_bcm"]), "share_pct": 100 * float(r["volume_bcm"]) / total_v if total_v > 0 else np.nan,
                "total_bcm": total_v,
            })  # fmt: skip
    df = pd.DataFrame(out, columns=cols)
    return df.sort_values(["mode", "volume_bcm"], ascending=[True, False], kind="mergesort").reset_index(drop=True)


def leaves_check(trade: pd.DataFrame, exporter_label: str, mode: str) -> float:
    """The leaves of an exporter's column minus its 'Total exports' (about 0 if the matrix adds up)."""
    rows = trade[(trade["exporter"] == exporter_label) & (trade["mode"] == mode)]
    total = rows.loc[rows["importer"] == "Total exports", "volume_bcm"].sum()
    return float(rows.loc[rows["importer"].map(is_leaf), "volume_bcm"].sum() - total)


def imports_2022(trade: pd.DataFrame, importer: str) -> pd.DataFrame:
    """An importer's 2022 gas imports by mode and origin, where EI gives the importer a row.

    Returns:
        ``mode``, ``origin``, ``origin_iso3``, ``volume_bcm``, ``share_pct`` (of the importer's
        'Total imports' for the mode), ``total_bcm``; leaf origins with positive volume only.
    """
    label = _label_of(trade, importer, "importer")
    cols = ["mode", "origin", "origin_iso3", "volume_bcm", "share_pct", "total_bcm"]
    if label is None:
        return pd.DataFrame(columns=cols)
    out = []
    for mode, rows in trade[trade["importer"] == label].groupby("mode", sort=True):
        total = rows.loc[rows["exporter"] == "Total imports", "volume_bcm"]
        total_v = float(total.iloc[0]) if len(total) else float("nan")
        leaves = rows[rows["exporter"].map(is_leaf) & (rows["volume_bcm"] > 0)]
        for _, r in leaves.iterrows():
            out.append({
                "mode": mode, "origin": r["exporter"], "origin_iso3": r["exporter_iso3"], "volume_bcm": float(r["volume_bcm"]),
                "share_pct": 100 * float(r["volume_bcm"]) / total_v if total_v > 0 else np.nan, "total_bcm": total_v,
            })  # fmt: skip
    df = pd.DataFrame(out, columns=cols)
    return df.sort_values(["mode", "volume_bcm"], ascending=[True, False], kind="mergesort").reset_index(drop=True)


def modes_listed(trade: pd.DataFrame, iso3: str, side: str) -> list[str]:
    """The matrices ('lng', 'pipeline') in which a country has its own row (importer) or column (exporter)."""
    return sorted(set(trade.loc[trade[f"{side}_iso3"] == iso3, "mode"]))


def bilateral_2022(trade: pd.DataFrame, exporter: str, importer: str) -> pd.DataFrame:
    """The 2022 flow from ``exporter`` to ``importer`` in each matrix, or why EI does not give it.

    Returns:
        One row per mode: ``mode``, ``volume_bcm`` (NaN when not given), ``label`` (the importer
        label the volume refers to, e.g. 'Rest of Europe' when the importer is inside a group),
        ``note``, ``upper_bound`` (True when the figure is for a group that contains other countries too).
    """
    rows = []
    for mode in ("pipeline", "lng"):
        m = trade[trade["mode"] == mode]
        exp_label = _label_of(m, exporter, "exporter")
        imp_label = _label_of(m, importer, "importer")
        if exp_label is None:
            rows.append(
                {
                    "mode": mode,
                    "volume_bcm": np.nan,
                    "label": "",
                    "note": f"{display_name(exporter)} is not an exporter in the {mode} matrix",
                }
            )
            continue
        if imp_label is None:
            group = EI_PIPELINE_GROUP.get(importer) if mode == "pipeline" else None
            if group is not None:
                v = m.loc[(m["exporter"] == exp_label) & (m["importer"] == group), "volume_bcm"]
                others = [display_name(c) for c in EI_GROUP_ALSO.get(group, ())]
                also = f" together with {fmt.join_and([*others, 'other non-EU European countries'])}" if others else ""
                rows.append({
                    "mode": mode, "volume_bcm": float(v.iloc[0]) if len(v) else np.nan, "label": group,
                    "note": (f"{display_name(importer)} has no row of its own; the figure is for '{group}', which includes it{also}, "
                             f"so it is an upper bound for {display_name(importer)}, not its figure"),
                    "upper_bound": True,
                })  # fmt: skip
            else:
                rows.append(
                    {
                        "mode": mode,
                        "volume_bcm": np.nan,
                        "label": "",
                        "note": f"{display_name(importer)} has no row of its own in the {mode} matrix",
                    }
                )
            continue
        v = m.loc[(m["exporter"] == exp_label) & (m["importer"] == imp_label), "volume_bcm"]
        rows.append({"mode": mode, "volume_bcm": float(v.iloc[0]) if len(v) else 0.0, "label": imp_label, "note": ""})
    for r in rows:
        r.setdefault("upper_bound", False)
    return pd.DataFrame(rows, columns=["mode", "volume_bcm", "label", "note", "upper_bound"])
