"""Energy report: production and consumption (Energy Institute, Our World in Data), Türkiye's gas imports
(IEA entry routes; press figures as a cross-check), and the pipelines that carry Azerbaijani oil and gas.

Pure functions on the processed tables ``energy_series``, ``gas_trade_2022``,
``gas_imports_turkiye`` (+ ``_subannual`` and ``_eurostat``), ``pipelines``, ``events`` and
``route_points``; the ``load_*`` helpers are the only I/O. Plot helpers return a matplotlib
figure in the house style (:mod:`bilateral.figures`) for the notebook to show.

Rules the functions keep:

* Energy Institute (EI) series end in 2022; former Soviet republics are listed from 1985 (earlier
  cells are zeros standing for "inside the USSR" and are dropped).
* EI gives no export series here. Production minus consumption is shown only as a labelled
  *surplus*, never as exports; gas exports come from the 2022 trade matrices.
* Türkiye's gas imports by entry route come from the IEA Gas Trade Flows (:mod:`bilateral.gas_routes`);
  the press figures are a cross-check: one importer-side volume per supplier and year (the builder's
  ``use_in_series``); years without a figure stay missing (NaN) and are drawn as gaps. Exporter-side
  figures are shown apart, never in the same series.
* Production and consumption after 2022 come from Our World in Data (TWh), joined to the EI series
  (EJ converted exactly) only where the two agree in the overlap years.
* Units are never mixed on one axis: BTC throughput in million barrels and in million tonnes go
  on separate panels.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Sequence

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from bilateral import figures, fmt
from bilateral.countries import display_name, is_iso3
from bilateral.events import split_codes
from bilateral.periods import decimal_year

# ---------------------------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------------------------

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

#: The pipelines, in the order of their first flows, and the origin of what they carry.
PIPELINE_ORDER = ("BTC", "SCP", "TANAP", "TAP")
PIPELINE_ORIGIN = "AZE"
#: States each line crosses (BTC: bp's length split by country; SCP: its name Baku–Tbilisi–Erzurum;
#: TANAP: 'from the Georgian-Turkish border to Turkey's western borders'; TAP: Report.az's split
#: Greece / Albania / Adriatic / Italy) — all quoted in the ``pipelines`` table.
PIPELINE_COUNTRIES = {
    "BTC": ("AZE", "GEO", "TUR"),
    "SCP": ("AZE", "GEO", "TUR"),
    "TANAP": ("TUR",),
    "TAP": ("GRC", "ALB", "ITA"),
}
PIPELINE_COMMODITY = {"BTC": "oil", "SCP": "gas", "TANAP": "gas", "TAP": "gas"}
#: Attributes of the pipelines table that give a line's first flow.
FIRST_FLOW = re.compile(r"^(operational|first gas into|commercial gas to|first supplies)", re.IGNORECASE)
#: Keywords that tie an event title to a pipeline (timeline lanes).
LANE_PATTERNS = {
    "BTC": re.compile(r"\bBTC\b|Baku-Tbilisi-Ceyhan", re.IGNORECASE),
    "SCP": re.compile(r"South Caucasus|Shah Deniz|Baku-Tbilisi-Erzurum", re.IGNORECASE),
    "TANAP": re.compile(r"\bTANAP\b|Trans-Anatolian", re.IGNORECASE),
    "TAP": re.compile(r"\bTAP\b|Trans Adriatic", re.IGNORECASE),
}
OTHER_LANE = "Other"
PIPELINE_COLOURS = {"BTC": "#000000", "SCP": "#0072B2", "TANAP": "#D55E00", "TAP": "#009E73", OTHER_LANE: figures.GREY}

#: Measures of BTC throughput told apart in the pipelines table's attribute text.
BTC_MEASURES = (
    (re.compile(r"Turkish section", re.IGNORECASE), "carried through Türkiye (BOTAŞ)"),
    (re.compile(r"Ceyhan terminal", re.IGNORECASE), "delivered at Ceyhan (BIL/BTC)"),
    (re.compile(r"SOCAR exports", re.IGNORECASE), "SOCAR exports via BTC"),
    (re.compile(r"throughput", re.IGNORECASE), "transported via BTC (as reported)"),
)
_MONTHS = {m: i for i, m in enumerate(calendar.month_abbr) if m}


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def ei_years(start: int, end: int) -> list[int]:
    """The years of the period the EI series can cover: ``ei_years(2000, 2024)`` ends in 2022."""
    return list(range(max(start, EI_YEARS[0]), min(end, EI_YEARS[1]) + 1))


def names(codes: Iterable[str]) -> str:
    """``names(["RUS", "IRN"]) == "Russia and Iran"``; "none" when empty."""
    items = [display_name(c) if is_iso3(c) else str(c) for c in codes]
    if not items:
        return "none"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
    return _country_wide(series, iso3, indicators, years, "value")


def _country_wide(
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


# ---------------------------------------------------------------------------------------------
# Pipelines
# ---------------------------------------------------------------------------------------------


def pipelines_apply(country_a: str, country_b: str) -> bool:
    """The pipeline section concerns the pair if ``country_a`` is where the lines' oil and gas come from."""
    return country_a == PIPELINE_ORIGIN


def reaching(country: str) -> list[str]:
    """The pipelines that cross or end in ``country``."""
    return [p for p in PIPELINE_ORDER if country in PIPELINE_COUNTRIES[p]]


def _first(rows: pd.DataFrame) -> pd.Series | None:
    return None if rows.empty else rows.iloc[0]


def _fact_text(row: pd.Series, digits: int = 0) -> str:
    value = row["value"]
    unit = str(row["unit"])
    number = fmt.num(float(value), digits) if pd.notna(value) else ""
    qual = f" ({row['qualifier']})" if isinstance(row["qualifier"], str) and row["qualifier"] else ""
    return f"{number} {unit}{qual}".strip()


def operator_from_quotes(rows: pd.DataFrame) -> str | None:
    """'operated by X' as stated in a quote of the pipeline's facts, or None."""
    for q in rows["quote"].astype(str):
        if m := re.search(r"\boperated by ([A-Z][\w&.\- ]*?)(?:[.,;]|$)", q):
            return f"operated by {m.group(1).strip()}"
    return None


def shareholders_from_quotes(rows: pd.DataFrame) -> str | None:
    """The shareholder list quoted in a 'shareholders' fact ('A (51 percent), B (7 percent)'), or None."""
    sh = rows[rows["attribute"].str.lower() == "shareholders"]
    for q in sh["quote"].astype(str):
        if m := re.search(r"(?:are|is)\s*:\s*(.+?)\.?\s*$", q):
            return m.group(1).replace(" percent", "%")
    return None


def first_flow(rows: pd.DataFrame) -> tuple[str | None, int | None]:
    """The first-flow text (date as precise as the source) and year from a pipeline's facts."""
    r = _first(rows[rows["attribute"].str.match(FIRST_FLOW)])
    if r is None:
        return None, None
    year = int(r["value"]) if pd.notna(r["value"]) else None
    when = r["qualifier"] if isinstance(r["qualifier"], str) and r["qualifier"] else str(year)
    return f"{when}: {r['attribute']}", year


def pipeline_summary(facts: pd.DataFrame) -> pd.DataFrame:
    """One row per pipeline: length, capacity, operator or shareholders, first flow, sources.

    Cells the pipelines table has no fact for read "not in the data". Capacity cells list every
    capacity fact with its period; a contract volume is not a capacity and is listed under
    other facts. ``Sources`` names the publishers of the facts shown in the row only (not of the
    line's throughput figures, which have their own table).
    """
    out = []
    for key in PIPELINE_ORDER:
        rows = facts[facts["pipeline"] == key]
        if rows.empty:
            continue
        length = _first(rows[rows["attribute"].str.lower() == "length"])
        caps = rows[rows["attribute"].str.lower() == "capacity"]
        cap_text = "; ".join(_fact_text(r, 1) for _, r in caps.iterrows()) or "not in the data"
        who = shareholders_from_quotes(rows)
        who = f"shareholders: {who}" if who else operator_from_quotes(rows)
        flow, _ = first_flow(rows)
        other = rows[rows["attribute"].str.contains("contract", case=False)]
        shown = [r for r in (length, _first(rows[rows["attribute"].str.match(FIRST_FLOW)])) if r is not None]
        used = pd.concat(
            [
                pd.DataFrame(shown),
                caps,
                other,
                rows[rows["attribute"].str.lower() == "shareholders"]
                if who and who.startswith("shareholders")
                else rows.iloc[:0],
            ]
        )
        if who and who.startswith("operated by"):
            used = pd.concat([used, rows[rows["quote"].astype(str).str.contains("operated by", regex=False)]])
        out.append({
            "Pipeline": str(rows["pipeline_name"].iloc[0]),
            "Carries": PIPELINE_COMMODITY[key],
            "Length (km)": fmt.integer(float(length["value"])) if length is not None else "not in the data",
            "Capacity": cap_text,
            "Operator or shareholders": who or "not in the data",
            "First flow": flow or "not in the data",
            "Other facts": "; ".join(f"{r['attribute']}: {_fact_text(r, 1)}" for _, r in other.iterrows()),
            "Sources": "; ".join(sorted(set(used["source"].astype(str)))),
        })  # fmt: skip
    return pd.DataFrame(out)


def lengths(facts: pd.DataFrame) -> dict[str, float]:
    """Length in km of each pipeline that has one in the table."""
    rows = facts[(facts["attribute"].str.lower() == "length") & (facts["unit"] == "km")]
    return {str(p): float(v) for p, v in zip(rows["pipeline"], rows["value"])}


def btc_measure(attribute: str) -> str | None:
    """What a BTC throughput attribute measures (see :data:`BTC_MEASURES`), or None."""
    for pattern, label in BTC_MEASURES:
        if pattern.search(attribute):
            return label
    return None


def btc_throughput(facts: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """BTC's calendar-year throughput figures in the years, each with its measure and unit.

    Partial-year and cumulative figures are left out. Units are kept as published (million
    barrels or million tonnes): never convert one into the other here.

    Returns:
        ``year``, ``measure``, ``unit``, ``value``, ``source``, sorted by unit, measure, year.
    """
    years = set(years)
    rows = facts[(facts["pipeline"] == "BTC") & (facts["period_kind"] == "calendar year") & facts["value"].notna()]
    rows = rows[rows["reference_year"].isin(years)]
    out = pd.DataFrame(
        {
            "year": rows["reference_year"].astype(int).to_numpy(),
            "measure": [btc_measure(a) for a in rows["attribute"]],
            "unit": rows["unit"].astype(str).to_numpy(),
            "value": rows["value"].astype(float).to_numpy(),
            "source": rows["source"].astype(str).to_numpy(),
        }
    )
    return out.sort_values(["unit", "measure", "year"], kind="mergesort").reset_index(drop=True)


def parse_month_year(text: str) -> tuple[int, int]:
    """``parse_month_year("Mar 2009") == (2009, 3)``."""
    m = re.fullmatch(r"\s*([A-Za-z]{3})[a-z]*\.? (\d{4})\s*", text)
    if not m or m.group(1).title() not in _MONTHS:
        raise ValueError(f"not a month and year: {text!r}")
    return int(m.group(2)), _MONTHS[m.group(1).title()]


def capacity_periods(
    facts: pd.DataFrame, pipeline: str = "BTC"
) -> list[tuple[tuple[int, int], tuple[int, int] | None, float, str]]:
    """Capacity facts with their validity: ``((start year, month), (end year, month) or None, value, unit)``.

    Reads qualifiers such as 'Mar 2006-Mar 2009' and 'since Mar 2009'; facts whose qualifier is
    neither are skipped.
    """
    rows = facts[(facts["pipeline"] == pipeline) & (facts["attribute"].str.lower() == "capacity")]
    out = []
    for _, r in rows.iterrows():
        q = r["qualifier"] if isinstance(r["qualifier"], str) else ""
        if m := re.fullmatch(r"\s*([A-Za-z]{3} \d{4})\s*[-–]\s*([A-Za-z]{3} \d{4})\s*", q):
            out.append((parse_month_year(m.group(1)), parse_month_year(m.group(2)), float(r["value"]), str(r["unit"])))
        elif m := re.fullmatch(r"\s*since ([A-Za-z]{3} \d{4})\s*", q):
            out.append((parse_month_year(m.group(1)), None, float(r["value"]), str(r["unit"])))
    return out


def annual_capacity_mbbl(periods, years: Iterable[int]) -> pd.Series:
    """Capacity over a calendar year in million barrels: a rate in million barrels/day × the days of
    the year, for years wholly inside one capacity period (NaN for years that straddle a change)."""
    out = {}
    for y in years:
        value = np.nan
        for start, end, rate, unit in periods:
            if unit != "million barrels/day":
                continue
            starts_before = start <= (y, 1)
            ends_after = end is None or end > (y, 12)
            if starts_before and ends_after:
                value = rate * (366 if calendar.isleap(y) else 365)
        out[int(y)] = value
    return pd.Series(out, dtype=float, name="capacity_mbbl")


def energy_events(events: pd.DataFrame, country: str, years: Iterable[int]) -> pd.DataFrame:
    """Energy events involving ``country`` in the years, with a pipeline lane and a plotting date.

    Returns:
        The matching rows sorted by date and id, with added ``lane`` (a key of
        :data:`PIPELINE_ORDER` or 'Other'), ``x`` (decimal year) and ``when`` (date as precise as the source).
    """
    years = set(years)
    year = pd.to_numeric(events["date"].astype("string").str[:4], errors="coerce")
    keep = (
        (events["dimension"] == "energy")
        & year.isin(years)
        & events["countries"].map(lambda v: country in split_codes(v))
    )
    ev = events[keep.to_numpy()].sort_values(["date", "event_id"], kind="mergesort").reset_index(drop=True)
    ev["lane"] = [event_lane(t) for t in ev["title"].astype(str)]
    ev["x"] = decimal_year(ev["date"], ev["date_precision"]).to_numpy()
    ev["when"] = [fmt.date(d, p) for d, p in zip(ev["date"], ev["date_precision"])]
    return ev


def event_lane(title: str) -> str:
    """The pipeline an event title names (first match in :data:`PIPELINE_ORDER`), else 'Other'."""
    for key in PIPELINE_ORDER:
        if LANE_PATTERNS[key].search(title):
            return key
    return OTHER_LANE


def route_lines(points: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The points of each pipeline, ordered east to west (all four lines flow westwards)."""
    out = {}
    for key in PIPELINE_ORDER:
        on = points[points["pipelines"].astype(str).map(lambda s, key=key: key in s.split("|"))]
        if len(on) >= 2:
            out[key] = on.sort_values("lon", ascending=False, kind="mergesort").reset_index(drop=True)
    return out


# ---------------------------------------------------------------------------------------------
# Sentences (numbers formatted with bilateral.fmt)
# ---------------------------------------------------------------------------------------------


def production_sentence(wide: pd.DataFrame, a: str) -> str:
    """Oil and gas production of the supplier: first and last year of the period, oil peak."""
    na = display_name(a)
    parts = []
    y0, g0 = first_valid(wide[GAS_PROD])
    y1, g1 = last_valid(wide[GAS_PROD])
    if y1 is not None:
        parts.append(
            f"{na}'s gas production was {fmt.num(g1)} bcm in {y1}"
            + (f", against {fmt.num(g0)} bcm in {y0}" if y0 != y1 else "")
        )
    py, pv = peak(wide[OIL_PROD])
    oy, ov = last_valid(wide[OIL_PROD])
    if oy is not None:
        text = f"oil production was {fmt.integer(ov)} thousand barrels a day in {oy}"
        if py is not None and py != oy:
            text += (
                f", down from a peak of {fmt.integer(pv)} in {py}" if ov < pv else f" (peak {fmt.integer(pv)} in {py})"
            )
        parts.append(text)
    if not parts:
        return f"The Energy Institute series here give no oil or gas production for {na} in the period."
    return "; ".join(parts) + " (Energy Institute)."


def crude_sentence(oil: pd.Series, crude: pd.Series) -> str:
    """What the Review's oil production covers, with crude oil and condensate alone in the last year with both."""
    both = pd.concat([oil.rename("oil"), crude.rename("crude")], axis=1).dropna()
    text = "The Review's oil production counts natural gas liquids as well as crude oil and condensate"
    if both.empty:
        return text + "."
    y = int(both.index[-1])
    return (
        text
        + f"; crude oil and condensate alone were {fmt.integer(both.at[y, 'crude'])} thousand barrels a day in {y}, "
        f"against {fmt.integer(both.at[y, 'oil'])} in all."
    )


def production_alt(wide: pd.DataFrame, a: str, span: str) -> str:
    """Alt text for :func:`plot_production`: the oil peak and last value, the last gas values."""
    parts = []
    py, pv = peak(wide[OIL_PROD])
    oy, ov = last_valid(wide[OIL_PROD])
    if oy is not None:
        parts.append(
            f"oil production peaks at {fmt.integer(pv)} thousand barrels a day in {py} and is {fmt.integer(ov)} in {oy}"
        )
    else:
        parts.append("no oil production figures")
    gy, gv = last_valid(wide[GAS_PROD])
    cy, cv = last_valid(wide[GAS_CONS])
    if gy is not None:
        parts.append(f"gas production reaches {fmt.num(gv)} bcm in {gy}")
    if cy is not None:
        parts.append(f"gas consumption is {fmt.num(cv)} bcm in {cy}")
    return f"Two line charts for {display_name(a)}, {span}: " + "; ".join(parts) + "."


def group_gloss(label: str) -> str:
    """What an EI group label holds, for the groups in which a buyer of this report hides.

    >>> group_gloss("Rest of Europe")
    ' (non-EU Europe: Türkiye, Georgia and others)'
    >>> group_gloss("EU")
    ''
    """
    inside = [b for b, g in EI_PIPELINE_GROUP.items() if g == label] + list(EI_GROUP_ALSO.get(label, ()))
    if not inside:
        return ""
    return f" (non-EU Europe: {fmt.join_and([*(display_name(c) for c in inside), 'others'])})"


def exports_sentence(exp: pd.DataFrame, a: str, surplus_2022: float) -> str:
    """The supplier's 2022 gas exports from the EI matrices, with the production surplus beside them."""
    na = display_name(a)
    if exp.empty:
        return f"The Energy Institute's 2022 gas trade matrices list no exports from {na}."
    bits = []
    for mode, rows in exp.groupby("mode", sort=False):
        total = rows["total_bcm"].iloc[0]
        top = ", ".join(
            f"{fmt.num(v)} bcm to '{d}'{group_gloss(d)}"
            for d, v in zip(rows["destination"].head(3), rows["volume_bcm"].head(3))
        )
        bits.append(f"{fmt.num(total)} bcm by {'pipeline' if mode == 'pipeline' else 'LNG tanker'} ({top})")
    text = f"In {TRADE_YEAR} {na} exported " + " and ".join(bits) + " (EI trade matrices)"
    if not math.isnan(surplus_2022):
        text += f"; its gas production exceeded its consumption by {fmt.num(surplus_2022)} bcm that year"
    return text + "."


def buyer_sentence(wide_b: pd.DataFrame, b: str, press_total: pd.Series | None) -> str:
    """The buyer's gas consumption, LNG imports and (Türkiye) press-reported total imports."""
    nb = display_name(b)
    y, c = last_valid(wide_b[GAS_CONS])
    if y is None:
        return f"The Energy Institute series here give no gas consumption for {nb} in the period."
    text = f"{nb} consumed {fmt.num(c)} bcm of gas in {y}"
    lng = wide_b.at[y, LNG_IMPORTS] if LNG_IMPORTS in wide_b else np.nan
    if pd.notna(lng):
        text += f", of which an amount equal to {fmt.pct(100 * lng / c)} arrived as LNG ({fmt.num(lng)} bcm)"
    prod = wide_b.at[y, GAS_PROD] if GAS_PROD in wide_b else np.nan
    if pd.notna(prod):
        text += f"; consumption exceeded its own production ({fmt.num(prod)} bcm) by {fmt.num(c - prod)} bcm, a proxy for net imports"
    elif press_total is not None and y in press_total.index and pd.notna(press_total[y]):
        text += (
            f"; the press, quoting the regulator, puts its total gas imports that year at {fmt.num(press_total[y])} bcm "
            f"(EI does not list {nb}'s own gas production separately)"
        )
    return text + "."


def btc_sentence(thr: pd.DataFrame, cap: pd.Series) -> str:
    """The latest BTC annual throughput in million barrels, set against capacity × days."""
    mb = thr[thr["unit"] == "million barrels"]
    if mb.empty:
        return "The pipelines table has no calendar-year BTC throughput in million barrels for the period."
    last = mb.sort_values(["year"], kind="mergesort").iloc[-1]
    y = int(last["year"])
    text = f"Oil {last['measure'].replace('carried', 'carried by BTC')}: {fmt.num(last['value'])} million barrels in {y} ({last['source']})"
    c = cap.get(y, np.nan)
    if pd.notna(c):
        text += f", {fmt.pct(100 * last['value'] / c)} of the line's rated capacity over that year ({fmt.num(c, 0)} million barrels)"
    return text + "."


# ---------------------------------------------------------------------------------------------
# Plots (return a figure; the notebook shows it with caption, alt text and sources)
# ---------------------------------------------------------------------------------------------


def _line(ax, x, y, label, colour, style="-", marker="o"):
    """A line that breaks at gaps, with markers so that isolated years stay visible."""
    ax.plot(x, y, style, color=colour, marker=marker, markersize=3.5, linewidth=1.6, label=label)


def plot_production(wide: pd.DataFrame, a: str):
    """Two panels: oil production and consumption (kb/d), gas production and consumption (bcm)."""
    fig, (ax1, ax2) = figures.new("wide", 1, 2)
    c = figures.colour(a)
    x = wide.index
    _line(ax1, x, wide[OIL_PROD], "production", c, marker="")
    _line(ax1, x, wide[OIL_CONS], "consumption", c, "--", marker="")
    ax1.set_title("Oil")
    ax1.set_ylabel("thousand barrels a day")
    _line(ax2, x, wide[GAS_PROD], "production", c, marker="")
    _line(ax2, x, wide[GAS_CONS], "consumption", c, "--", marker="")
    ax2.set_title("Natural gas")
    ax2.set_ylabel("billion cubic metres")
    for ax in (ax1, ax2):
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left")
    return fig


def plot_comparators(frames: Sequence[tuple[str, pd.Series]], ylabel: str):
    """One line per country (code, series indexed by year)."""
    fig, ax = figures.new("wide")
    for i, (code, s) in enumerate(frames):
        _line(ax, s.index, s, display_name(code), figures.colour(code, i), marker="")
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", ncols=2)
    return fig


def plot_buyer(wide_b: pd.DataFrame, b: str, press_total: pd.Series | None = None):
    """The buyer's gas consumption and LNG imports (EI lines) and, if given, press-reported total
    imports (points, a different source)."""
    fig, ax = figures.new("wide")
    c = figures.colour(b)
    _line(ax, wide_b.index, wide_b[GAS_CONS], "consumption (EI)", c, marker="")
    if GAS_PROD in wide_b and wide_b[GAS_PROD].notna().any():
        _line(ax, wide_b.index, wide_b[GAS_PROD], "production (EI)", c, ":", marker="")
    if LNG_IMPORTS in wide_b and wide_b[LNG_IMPORTS].notna().any():
        _line(ax, wide_b.index, wide_b[LNG_IMPORTS], "LNG imports (EI)", figures.GREY, "--", marker="")
    if press_total is not None and press_total.notna().any():
        s = press_total.dropna()
        ax.plot(s.index, s, "D", color="#000000", markersize=4, label="total imports (press, importer side)")
    ax.set_ylabel("billion cubic metres")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    return fig


def supplier_colour(label: str, iso3: str | None, i: int) -> str:
    """Colour of a supplier line: the country's house colour, grey for LNG, black for the total."""
    if label == LNG_LABEL:
        return figures.GREY
    if label == TOTAL_LABEL:
        return "#000000"
    return figures.colour(iso3 or "", i + 3)


def plot_suppliers(wide: pd.DataFrame, iso: dict[str, str | None], ylabel: str, *, sm3: Sequence[int] = ()):
    """One line per supplier; gaps stay gaps (a year without a figure breaks the line).

    Args:
        wide: years × supplier labels.
        iso: supplier label -> ISO3 (None for LNG and totals), for colours.
        ylabel: axis label (unit).
        sm3: years whose volumes EPDK gives in standard cubic metres (marked with a note on the axis).
    """
    fig, ax = figures.new("wide")
    for i, col in enumerate(wide.columns):
        label = LNG_COLUMN if col == LNG_LABEL else col
        _line(ax, wide.index, wide[col], label, supplier_colour(col, iso.get(col), i))
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    if len(wide.index):
        ax.set_xlim(min(wide.index) - 0.5, max(wide.index) + 0.5)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=4)
    if sm3:
        ax.annotate(
            f"{year_list(sm3)}: EPDK standard m³",
            xy=(1, 0),
            xycoords="axes fraction",
            ha="right",
            va="bottom",
            fontsize=figures.SMALL_TEXT_PT,
            color=figures.GREY,
        )
    return fig


def plot_timeline(ev: pd.DataFrame):
    """The energy milestones, one labelled row each (number, pipeline and shortened title, as in the table
    below it), each dot in its pipeline's colour (:func:`bilateral.events.draw_labelled_events`)."""
    from bilateral import events as evs

    rows = max(len(ev), 2)
    fig, ax = figures.new("wide")
    fig.set_size_inches(fig.get_figwidth(), evs.LABEL_ROW_INCHES * (rows + 1) + 0.9)
    hollow = evs.seed_only(ev)
    lanes = [str(k) for k in ev["lane"]]
    labels = [
        evs.short_label(i, t if k == OTHER_LANE else f"{k}: {t}")
        for i, (k, t) in enumerate(zip(lanes, ev["title"]), start=1)
    ]
    lo, hi = float(ev["x"].min()), float(ev["x"].max())
    evs.draw_labelled_events(
        ax,
        ev["x"],
        labels,
        colours=[PIPELINE_COLOURS.get(k, figures.GREY) for k in lanes],
        hollow=hollow.to_numpy(),
        xlim=(math.floor(lo) - 0.5, math.ceil(hi) + 0.5),
    )
    ax.set_xlabel("Year")
    if hollow.any():
        evs.add_marker_legend(ax, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2)
    return fig


def plot_btc(thr: pd.DataFrame, cap: pd.Series):
    """BTC throughput: million barrels (left panel, with capacity × days) and million tonnes (right panel)."""
    units = [u for u in ("million barrels", "million tonnes") if u in set(thr["unit"])]
    fig, axes = figures.new("tall", 1, max(len(units), 1), sharex=True)
    axes = np.atleast_1d(axes)
    labels = [lbl for _, lbl in BTC_MEASURES]
    style = {m: (mk, figures.PALETTE[i]) for i, (m, mk) in enumerate(zip(labels, ["o", "s", "^", "D"]))}
    for ax, unit in zip(axes, units):
        sub = thr[thr["unit"] == unit]
        for measure, rows in sub.groupby("measure", sort=True):
            mk, col = style.get(measure, ("o", figures.GREY))
            hollow = mk == "s"  # Ceyhan deliveries nearly equal the BOTAŞ figures: hollow so both show
            ax.plot(
                rows["year"],
                rows["value"],
                mk,
                color=col,
                label=measure,
                markersize=7 if hollow else 5,
                fillstyle="none" if hollow else "full",
            )
        top = float(sub["value"].max())
        if unit == "million barrels" and cap.notna().any():
            c = cap.dropna()
            ax.hlines(
                c.to_numpy(),
                c.index - 0.5,
                c.index + 0.5,
                color=figures.GREY,
                linestyle="--",
                linewidth=1,
                label="capacity × days in year",
            )
            top = max(top, float(c.max()))
        ax.set_ylabel(unit)
        ax.set_ylim(0, top * 1.12)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=figures.SMALL_TEXT_PT)
    return fig


def short_name(point: str) -> str:
    """A point's name without its bracketed gloss, for map labels: ``short_name("Posof (border)") == "Posof"``."""
    return re.sub(r"\s*\(.*\)\s*$", "", point)


def label_below(points: pd.DataFrame, near_deg: float = 3.5) -> list[bool]:
    """Whether each point's label goes below it: when a higher point lies within ``near_deg`` of
    longitude (so the two labels do not collide), or for the southernmost point.

    Example:
        >>> label_below(pd.DataFrame({"lat": [41.7, 41.5, 37.0], "lon": [44.8, 42.7, 35.8]}))
        [False, True, True]
    """
    lat, lon = points["lat"].to_numpy(float), points["lon"].to_numpy(float)
    out = []
    for i in range(len(lat)):
        higher_near = any(j != i and abs(lon[j] - lon[i]) <= near_deg and lat[j] > lat[i] for j in range(len(lat)))
        out.append(bool(higher_near or lat[i] == lat.min()))
    return out


# ---------------------------------------------------------------------------------------------
# Production and consumption to 2024: OWID (TWh) joined to the EI 2023 series only where they agree
# ---------------------------------------------------------------------------------------------

#: Exact unit conversion: 1 EJ = 10^18 J and 1 TWh = 3.6 × 10^15 J.
TWH_PER_EJ = 1e18 / 3.6e15
#: OWID series with an EI 2023 counterpart in exajoules (an exact conversion into TWh, no gas or oil factor).
OWID_EI_PAIRS = {
    "gas_production": "gas_production_ej",
    "gas_consumption": "gas_consumption_ej",
    "primary_energy_consumption": "primary_energy_consumption_ej",
}
#: The series are joined only if every overlap year of the comparison window differs by at most this much.
JOIN_TOLERANCE_PCT = 2.0
#: Overlap years compared: the last this many years that both series have.
JOIN_WINDOW = 10
OWID_LABELS = {
    "gas_production": "gas production", "gas_consumption": "gas consumption", "oil_production": "oil production",
    "oil_consumption": "oil consumption", "primary_energy_consumption": "primary energy consumption",
}  # fmt: skip


def owid_wide(owid: pd.DataFrame, iso3: str, indicators: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """One country's OWID series (TWh) as columns, one row per year (NaN where OWID has no value).

    Years before :data:`USSR_SPLIT_YEAR` are blanked for former Soviet republics, as for the EI series.
    """
    return _country_wide(owid, iso3, indicators, years, "value_twh")


def ei_twh(series: pd.DataFrame, iso3: str, owid_indicator: str, years: Iterable[int]) -> pd.Series:
    """The EI 2023 counterpart of an OWID series, converted from EJ to TWh exactly (NaN if none)."""
    ei = OWID_EI_PAIRS.get(owid_indicator)
    years = list(years)
    if ei is None:
        return pd.Series(np.nan, index=pd.Index(years, name="year"), dtype=float)
    return ei_wide(series, iso3, [ei], years)[ei] * TWH_PER_EJ


def overlap_differences(owid_s: pd.Series, ei_s: pd.Series, window: int = JOIN_WINDOW) -> pd.DataFrame:
    """OWID minus EI (both TWh) in the last ``window`` years that both have.

    Example:
        >>> d = overlap_differences(pd.Series([100.0, 102.0, 110.0], index=[2020, 2021, 2022]), pd.Series([100.0, 100.0, np.nan], index=[2020, 2021, 2022]))
        >>> d["difference_pct"].tolist()
        [0.0, 2.0]
    """
    both = pd.concat([owid_s.rename("owid_twh"), ei_s.rename("ei_twh")], axis=1).dropna().tail(window)
    both["difference_twh"] = both["owid_twh"] - both["ei_twh"]
    both["difference_pct"] = 100 * both["difference_twh"] / both["ei_twh"].where(both["ei_twh"] != 0)
    both.index.name = "year"
    return both


def agree(diff: pd.DataFrame, tolerance: float = JOIN_TOLERANCE_PCT) -> bool:
    """True if there is an overlap and every overlap year differs by at most ``tolerance`` %."""
    return bool(len(diff)) and bool((diff["difference_pct"].abs() <= tolerance).all())


def joined(owid_s: pd.Series, ei_s: pd.Series, diff: pd.DataFrame) -> pd.DataFrame:
    """The EI series to its last year, then OWID's later years, with the source of each value; only if they agree.

    Returns:
        ``value_twh`` and ``source`` ('Energy Institute 2023' or 'OWID') per year; empty when the two
        series disagree in the overlap (then they are shown apart, never spliced).
    """
    if not agree(diff):
        return pd.DataFrame(columns=["value_twh", "source"])
    last_ei = ei_s.last_valid_index()
    ei_part = ei_s.dropna()
    later = owid_s[owid_s.index > last_ei].dropna()
    out = pd.concat([
        pd.DataFrame({"value_twh": ei_part, "source": "Energy Institute 2023"}),
        pd.DataFrame({"value_twh": later, "source": "OWID"}),
    ])  # fmt: skip
    out.index.name = "year"
    return out


def comparison_table(items: Sequence[tuple[str, str, pd.Series, pd.Series]]) -> pd.DataFrame:
    """One row per (country, indicator): overlap years compared, largest difference and the join decision."""
    rows = []
    for iso, ind, o, e in items:
        d = overlap_differences(o, e)
        if d.empty:
            rows.append(
                {
                    "iso3": iso,
                    "indicator": ind,
                    "years": "",
                    "n_years": 0,
                    "max_abs_difference_pct": np.nan,
                    "year_of_max": None,
                    "joined": False,
                }
            )
            continue
        worst = d["difference_pct"].abs().idxmax()
        rows.append({
            "iso3": iso, "indicator": ind, "years": fmt.years(int(d.index[0]), int(d.index[-1])), "n_years": len(d),
            "max_abs_difference_pct": float(abs(d.at[worst, "difference_pct"])), "year_of_max": int(worst), "joined": agree(d),
        })  # fmt: skip
    return pd.DataFrame(rows)


def join_sentence(row: pd.Series) -> str:
    """Whether a series pair was joined, and why, with the largest difference in the overlap."""
    what = f"{display_name(row['iso3'])}'s {OWID_LABELS[row['indicator']]}"
    if not row["n_years"]:
        return f"{what}: the Energy Institute 2023 extract has no series in exajoules to compare with, so OWID's series is shown on its own."
    worst = f"the largest difference is {fmt.num(row['max_abs_difference_pct'], 1)}%, in {int(row['year_of_max'])}"
    if row["joined"]:
        return f"{what}: OWID and the Energy Institute 2023 agree within {fmt.num(JOIN_TOLERANCE_PCT, 0)}% in each of {row['years']} ({worst}), so OWID's later years extend the Energy Institute series."
    return (
        f"{what}: the two differ by more than {fmt.num(JOIN_TOLERANCE_PCT, 0)}% in at least one year of {row['years']} ({worst}; OWID uses a later edition "
        "of the Review, which revised back years), so they are shown apart and not joined."
    )


def latest_sentence(o: pd.Series, iso: str, indicator: str) -> str:
    """The latest OWID value of a series and its year."""
    y, v = last_valid(o)
    what = f"{display_name(iso)}'s {OWID_LABELS[indicator]}"
    if y is None:
        return f"OWID gives no {OWID_LABELS[indicator]} for {display_name(iso)} in the period (not covered)."
    return f"{what} was {fmt.integer(v)} TWh in {y} (Our World in Data, based on the Energy Institute's Statistical Review)."


def plot_owid_join(panels: Sequence[tuple[str, pd.Series, pd.Series, pd.DataFrame, str]]):
    """One panel per series: EI 2023 (solid) and OWID (dashed); where joined, OWID's later years in a heavier dash.

    Args:
        panels: (title, OWID series, EI series in TWh, joined frame (may be empty or None), colour).
    """
    from matplotlib.lines import Line2D

    fig, axes = figures.new("wide", 1, max(len(panels), 1))
    axes = np.atleast_1d(axes)
    kinds = set()
    for ax, (title, o, e, j, c) in zip(axes, panels):
        if e.notna().any():
            ax.plot(e.index, e, "-", color=c, linewidth=1.8)
            kinds.add("ei")
        if j is not None and len(j):
            later = j[j["source"] == "OWID"]["value_twh"]
            last_ei = e.last_valid_index()
            ax.plot(
                [last_ei, *later.index],
                [e[last_ei], *later.to_numpy()],
                "--",
                color=c,
                linewidth=1.8,
                marker="o",
                markersize=3.5,
            )
            kinds.add("joined")
        else:
            ax.plot(o.index, o, "--", color=figures.GREY, linewidth=1.3)
            kinds.add("apart")
        ax.set_title(title, fontsize=8.5)
        ax.set_ylim(bottom=0)
        ax.xaxis.set_major_locator(mticker.MaxNLocator(3, integer=True))
    axes[0].set_ylabel("TWh")
    handles = {
        "ei": Line2D([], [], color="#000000", linewidth=1.8, label="Energy Institute 2023 (EJ × 277.78)"),
        "joined": Line2D(
            [], [], color="#000000", linestyle="--", marker="o", markersize=3.5, label="OWID, later years (joined)"
        ),
        "apart": Line2D([], [], color=figures.GREY, linestyle="--", label="OWID (shown apart, not joined)"),
    }
    fig.legend(
        handles=[h for k, h in handles.items() if k in kinds],
        loc="outside lower center",
        ncols=3,
        fontsize=figures.SMALL_TEXT_PT,
        frameon=False,
    )
    return fig


# ---------------------------------------------------------------------------------------------
# Route map on Natural Earth borders
# ---------------------------------------------------------------------------------------------

#: Standard parallel of the map's equirectangular projection.
MAP_PARALLEL = 40.0
MAP_EXTENT = (17.0, 51.5, 34.5, 44.5)  # lon min, lon max, lat min, lat max
MAP_LINE_NAMES = {"BTC": "BTC (oil)", "SCP": "SCP / SCPx (gas)", "TANAP": "TANAP (gas)", "TAP": "TAP (gas)"}


def projection_text(parallel: float = MAP_PARALLEL) -> str:
    """The projection as stated in the caption."""
    return f"equirectangular projection (longitude scaled by the cosine of {fmt.num(parallel, 0)}° N), WGS 84"


def plot_route_map(
    borders: pd.DataFrame, points: pd.DataFrame, lines: dict[str, pd.DataFrame], highlight: Sequence[str] = ()
):
    """The pipelines as lines between their main points, on Natural Earth's country outlines.

    Countries in ``highlight`` are shaded; other countries in light grey. Each line is labelled in
    the legend and the points are named on the map.
    """
    from matplotlib import patheffects
    from matplotlib.patches import Polygon

    fig, ax = figures.new("wide")
    for (code, _ring), pts in borders.groupby(["ne_code", "ring"], sort=True):
        fill = "#dbe7f3" if code in highlight else "#f2f2f2"
        ax.add_patch(
            Polygon(
                pts.sort_values("vertex")[["lon", "lat"]].to_numpy(),
                closed=True,
                facecolor=fill,
                edgecolor="#8a8a8a",
                linewidth=0.5,
                zorder=1,
            )
        )
    offsets = {"BTC": -0.12, "SCP": 0.12, "TANAP": 0.0, "TAP": 0.0}
    for key, pts in lines.items():
        ax.plot(
            pts["lon"],
            pts["lat"] + offsets.get(key, 0),
            "-",
            color=PIPELINE_COLOURS[key],
            linewidth=2.4,
            label=MAP_LINE_NAMES.get(key, key),
            zorder=3,
        )
    ax.plot(points["lon"], points["lat"], "o", color="#ffffff", markeredgecolor="#000000", markersize=5, zorder=4)
    below = label_below(points)
    for (_, r), low in zip(points.iterrows(), below):
        ax.annotate(
            short_name(str(r["point"])), (r["lon"], r["lat"]), xytext=(0, -11 if low else 6), textcoords="offset points", ha="center", fontsize=figures.SMALL_TEXT_PT, zorder=5,
            path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")],
        )  # fmt: skip
    lon0, lon1, lat0, lat1 = MAP_EXTENT
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / math.cos(math.radians(MAP_PARALLEL)))
    ax.grid(False)
    ax.set_xlabel("longitude (° east)")
    ax.set_ylabel("latitude (° north)")
    ax.legend(loc="lower left", ncols=2, fontsize=figures.SMALL_TEXT_PT, framealpha=0.9)
    return fig
