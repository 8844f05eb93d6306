"""Energy report, display tables: formatted frames for :func:`bilateral.figures.table` (numbers as text with
:func:`bilateral.energy.compute.cell`, an en dash for a gap), and the data frames exported beside them."""

from __future__ import annotations

import re

import pandas as pd

from bilateral import citations, fmt, gas_routes
from bilateral import events as evs
from bilateral.countries import display_name
from bilateral.energy.compute import (
    GAS_CONS,
    GAS_PROD,
    LNG_LABEL,
    OIL_CONS,
    OIL_PROD,
    cell,
    every_n_years,
)
from bilateral.energy.owid import OWID_LABELS

__all__ = [
    "btc",
    "buyer_data",
    "entries",
    "entries_data",
    "eurostat",
    "exports",
    "iea_vs_press",
    "imports",
    "left_out",
    "milestones",
    "monthly_rank",
    "owid_comparison",
    "pipelines",
    "press_shares",
    "press_volumes",
    "production",
    "production_data",
    "rank_cell",
    "reader_text",
    "reason_text",
    "route_points",
    "sides",
    "subannual",
    "transit",
]

MODE_NAMES = {"pipeline": "pipeline", "lng": "LNG"}

_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_WORDS = re.compile(rf"\b(?:(\d{{1,2}}) )?({_MONTH_NAMES}) (\d{{4}})\b")


def reader_text(text: object) -> str:
    """Text from the data as readers see it in a table: "Türkiye" for the country (company names such as
    "SOCAR Turkiye Enerji" kept), dates written out in full in the suite's one style (:func:`bilateral.fmt.date`), and
    an en dash between two dates.

    >>> reader_text("3 July 2007: commercial gas to Turkey start; Mar 2006-Mar 2009")
    '3 Jul 2007: commercial gas to Türkiye start; Mar 2006–Mar 2009'
    """
    out = re.sub(r"\bTurkey\b", "Türkiye", str(text))

    def date(m: re.Match) -> str:
        month = _MONTH_NAMES.split("|").index(m.group(2)) + 1
        iso = f"{m.group(3)}-{month:02d}" + (f"-{int(m.group(1)):02d}" if m.group(1) else "")
        return fmt.date(iso)

    out = _DATE_WORDS.sub(date, out)
    return re.sub(r"(\b[A-Z][a-z]{2} \d{4})-([A-Z][a-z]{2} \d{4}\b)", "\\1–\\2", out)


#: How the data pipeline's notes on a press figure left out of the series read in a table (no row numbers or
#: internal flags).
_REASON_WORDS = (
    (
        re.compile(r"same figure as line \d+ \(([^)]*)\), which is used: it cites"),
        r"same figure as the one used (\1), which cites",
    ),
    (re.compile(r"flagged CONFLICT with the ([\d.]+ bcm) row"), r"conflicts with the \1 figure"),
    (re.compile(r" \(see note\)"), ""),
    (re.compile(r", per the note: "), ": "),
    (re.compile(r" \(UNVERIFIED; 'Do not use'\)"), " (unverified)"),
    (re.compile(r"\b(\d{4}) row\b"), r"\1 figure"),
)


def reason_text(reason: object) -> str:
    """Why a press figure is not in the series, without row numbers or internal flags.

    >>> reason_text("same figure as line 17 (6.48 bcm, News.Az), which is used: it cites the importer-side authority")
    'same figure as the one used (6.48 bcm, News.Az), which cites the importer-side authority'
    """
    out = str(reason)
    for pattern, words in _REASON_WORDS:
        out = pattern.sub(words, out)
    return out


def _cells(values, digits: int) -> list[str]:
    return [cell(v, digits) for v in values]


def _bcm(values_mcm, digits: int = 2) -> list[str]:
    """Million cubic metres shown as billion cubic metres."""
    return [cell(v / 1000, digits) for v in values_mcm]


# ---------------------------------------------------------------------------------------------
# Energy Institute and Our World in Data
# ---------------------------------------------------------------------------------------------


def production_data(wide_a: pd.DataFrame, oil_surplus: pd.Series, gas_surplus: pd.Series) -> pd.DataFrame:
    """Production, consumption and surplus every fifth year and the last year (the data of :func:`production`)."""
    frame = pd.concat([wide_a, oil_surplus.rename("oil_surplus_kbd"), gas_surplus.rename("gas_surplus_bcm")], axis=1)
    return every_n_years(frame)


def production(tab: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Year": tab.index,
            "Oil output (kb/d)": _cells(tab[OIL_PROD], 0),
            "Oil use (kb/d)": _cells(tab[OIL_CONS], 0),
            "Oil surplus (kb/d)": _cells(tab["oil_surplus_kbd"], 0),
            "Gas output (bcm)": _cells(tab[GAS_PROD], 1),
            "Gas use (bcm)": _cells(tab[GAS_CONS], 1),
            "Gas surplus (bcm)": _cells(tab["gas_surplus_bcm"], 1),
        }
    )


def owid_comparison(cmp: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Country": [display_name(c) for c in cmp["iso3"]],
            "Series": [OWID_LABELS[k] for k in cmp["indicator"]],
            "Overlap years compared": [y or "none (no EI series in EJ)" for y in cmp["years"]],
            "Largest difference, OWID vs EI (%)": _cells(cmp["max_abs_difference_pct"], 2),
            "Year of largest difference": [str(int(y)) if pd.notna(y) else "–" for y in cmp["year_of_max"]],
            "Joined": ["yes" if j else "no" for j in cmp["joined"]],
        }
    )


def exports(exp_a: pd.DataFrame, per_mode: int = 8) -> pd.DataFrame:
    top = exp_a.groupby("mode", sort=True).head(per_mode)
    return pd.DataFrame(
        {
            "Mode": top["mode"].map(MODE_NAMES),
            "Destination (EI label)": top["destination"].map(reader_text),
            "Volume (bcm)": _cells(top["volume_bcm"], 2),
            "Share of the mode's exports (%)": _cells(top["share_pct"], 1),
        }
    )


def imports(imp_b: pd.DataFrame, per_mode: int = 6) -> pd.DataFrame:
    top = imp_b.groupby("mode", sort=True).head(per_mode)
    return pd.DataFrame(
        {
            "Mode": top["mode"].map(MODE_NAMES),
            "Origin (EI label)": top["origin"].map(reader_text),
            "Volume (bcm)": _cells(top["volume_bcm"], 2),
            "Share of the mode's imports (%)": _cells(top["share_pct"], 1),
        }
    )


def buyer_data(wide_b: pd.DataFrame, press_total: pd.Series | None) -> pd.DataFrame:
    """The data of the buyer chart: EI series and, if given, the press-reported total imports."""
    frame = wide_b.copy()
    if press_total is not None:
        frame["press_total_imports_bcm"] = press_total
    return frame


# ---------------------------------------------------------------------------------------------
# IEA entry routes
# ---------------------------------------------------------------------------------------------


def _year_labels(cov: pd.DataFrame, years) -> list[str]:
    return [gas_routes.year_label(y, int(cov.at[y, "months_in_data"])) for y in years]


def entries(P, cov: pd.DataFrame, sup_a: pd.DataFrame, sh_a: pd.DataFrame, rk_a: pd.DataFrame | None) -> pd.DataFrame:
    """Entries by source and year (bcm) and, for a supplier with an entry route, its share and rank."""
    tab = pd.DataFrame({"Year": _year_labels(cov, cov.index)})
    for k, lab, _ in gas_routes.SUPPLIERS:
        tab["LNG" if k == "LNG" else lab] = _bcm(sup_a[k])
    tab["Total"] = _bcm(sup_a[gas_routes.TOTAL])
    if rk_a is not None:
        tab["Share (%)"] = _cells(sh_a[P.country_a], 1)
        tab["Rank"] = [
            rank_cell(r) if pd.notna(t) else "–" for (_, r), t in zip(rk_a.iterrows(), sup_a[gas_routes.TOTAL])
        ]
    return tab


def rank_cell(r: pd.Series) -> str:
    """A rank among the pipeline suppliers as a short cell: "2nd of 3", "joint 1st of 2", "only one", "none"."""
    n = int(r["n_suppliers"])
    if pd.isna(r["rank"]):
        return "none"
    if n == 1:
        return "only one"
    joint = "joint\u00a0" if r["tied_with"] else ""
    return f"{joint}{fmt.ordinal(int(r['rank']))}\u00a0of\u00a0{n}"  # no-break spaces: the cell never wraps


def entries_data(P, sup_a: pd.DataFrame, sh_a: pd.DataFrame, rk_a: pd.DataFrame | None) -> pd.DataFrame:
    ranks = rk_a.add_prefix(f"{P.country_a}_") if rk_a is not None else None
    return pd.concat([sup_a, sh_a.add_suffix("_share_pct"), ranks], axis=1)


def monthly_rank(P, rk_m: pd.DataFrame) -> pd.DataFrame:
    """Per year: months with a value, months the supplier ranked first, and how many of those were ties."""
    counts = gas_routes.monthly_rank_counts(rk_m)
    return pd.DataFrame(
        {
            "Year": counts.index,
            "Months with a value": counts["months"],
            f"Months {P.name_a} ranked first": counts["first"],
            "Of which tied": counts["tied"],
        }
    )


def transit(t: pd.DataFrame, cov: pd.DataFrame, wa: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Year": _year_labels(cov, t.index),
            "Entries": _bcm(t["entries_mcm"]),
            "Exit at Kipi (to Greece)": _bcm(t["kipi_exit_mcm"]),
            "Exits at Malkoçlar (to Bulgaria)": _bcm(t["malkoclar_exit_mcm"]),
            "LNG re-exports": _bcm(t["lng_exit_mcm"]),
            "Entries at Türkgözü (Azerbaijani gas)": _bcm(wa.loc[t.index, "turkgozu"]),
        }
    )


def iea_vs_press(d: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Year": d["year"],
            "Supplier": [
                ("Total entries" if k == gas_routes.TOTAL else gas_routes.supplier_label(k)) for k in d["supplier"]
            ],
            "IEA": _cells(d["iea_bcm"], 3),
            "Press": _cells(d["press_bcm"], 3),
            "IEA − press": _cells(d["difference_bcm"], 3),
            "IEA − press (%)": _cells(d["difference_pct"], 1),
        }
    )


# ---------------------------------------------------------------------------------------------
# Press figures
# ---------------------------------------------------------------------------------------------


def _short(label: str) -> str:
    return "LNG" if label == LNG_LABEL else label


def press_volumes(vol: pd.DataFrame) -> pd.DataFrame:
    """Press volumes by supplier (bcm); years without any figure are left out."""
    vol = vol.dropna(how="all")
    shown = pd.DataFrame({"Year": vol.index})
    for lab in vol.columns:
        shown[f"{_short(lab)} (bcm)"] = _cells(vol[lab], 2)
    return shown


def press_shares(shares: pd.DataFrame) -> pd.DataFrame:
    """Shares by supplier (%); years without any share are left out."""
    shares = shares.dropna(how="all")
    shown = pd.DataFrame({"Year": shares.index})
    for lab in shares.columns:
        shown[f"{_short(lab)} (%)"] = _cells(shares[lab], 1)
    return shown


def left_out(dropped: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Year": dropped["year"],
            "Supplier": dropped["supplier"].replace({LNG_LABEL: "LNG"}),
            "Figure as reported": [
                f"{cell(v, 2)} {u}" for v, u in zip(dropped["value_as_reported"], dropped["unit_as_reported"])
            ],
            "Reported by": dropped["reported_by"],
            "Why not in the series": dropped["reason"].map(reason_text),
        }
    )


def sides(s: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Year": s["year"],
            "Supplier": s["supplier"],
            "Importer side (EPDK)": _cells(s["importer_side_bcm"], 2),
            "Supplier side": _cells(s["exporter_side_bcm"], 2),
            "Importer − supplier": _cells(s["difference_bcm"], 2),
            "Supplier-side source": s["exporter_source"],
        }
    )


def subannual(rows: pd.DataFrame) -> pd.DataFrame:

    return pd.DataFrame(
        {
            "Period": rows["period"].map(fmt.period),
            "Months": rows["months"],
            "Volume (bcm)": _cells(rows["volume_bcm"], 3),
            "Share of the period's imports (%)": _cells(rows["share_pct"], 2),
            "Reported by": rows["reported_by"],
        }
    )


def eurostat(cross: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Year": cross.index,
            "Russia, Eurostat (%)": _cells(cross["eurostat_partner_share_pct"], 1),
            "Russia, press (%)": _cells(cross["press_partner_share_pct"], 1),
            "LNG, Eurostat (%)": _cells(cross["eurostat_lng_share_pct"], 1),
            "LNG, press (%)": _cells(cross["press_lng_share_pct"], 1),
            "TJ per press bcm": _cells(cross["implied_tj_per_bcm"], 0),
        }
    )


# ---------------------------------------------------------------------------------------------
# Pipelines
# ---------------------------------------------------------------------------------------------


def pipelines(summary: pd.DataFrame) -> pd.DataFrame:
    """One row per line, short enough for a phone: the line's short name and what it carries, length, capacity
    (with any contract volume), operator or shareholders, first flow and sources; full names are in the text."""
    short = summary["Pipeline"].str.extract(r"\(([^()]*)\)\s*$")[0].fillna(summary["Pipeline"])
    capacity = [
        reader_text(c if not o else f"{c}; {o}") for c, o in zip(summary["Capacity"], summary["Other facts"].fillna(""))
    ]
    return pd.DataFrame(
        {
            "Line, length": [
                f"{s} ({c}), " + ("length not in the data" if v == "not in the data" else f"{v} km")
                for s, c, v in zip(short, summary["Carries"], summary["Length (km)"])
            ],
            "Capacity": capacity,
            "Operator or shareholders": summary["Operator or shareholders"].map(reader_text),
            "First flow": summary["First flow"].map(reader_text),
            "Sources": summary["Sources"],
        }
    )


def milestones(ev: pd.DataFrame, event_sources: pd.DataFrame) -> pd.DataFrame:
    """One row per milestone: number, date, pipeline, title and sources, with how it is sourced."""
    shown = pd.DataFrame(
        {
            "#": range(1, len(ev) + 1),
            "Date": ev["when"],
            "Pipeline": ev["lane"],
            "Event": ev["title"],
            "Source": ev["source"].map(lambda s: citations.reader_citations(s, short=True)),
        }
    )
    return evs.narrow_table(evs.with_sourcing(shown, ev, event_sources))


def btc(thr: pd.DataFrame, cap: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Year": thr["year"],
            "Measure": thr["measure"],
            "Value (unit as published)": [f"{cell(v, 1)} {u}" for v, u in zip(thr["value"], thr["unit"])],
            "Capacity × days (million barrels)": [
                cell(cap.get(y), 0) if u == "million barrels" else "" for y, u in zip(thr["year"], thr["unit"])
            ],
            "Source": thr["source"],
        }
    ).sort_values(["Year"], kind="mergesort")


def route_points(points: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Point": points["point"],
            "Lat. (°N)": _cells(points["lat"], 1),
            "Lon. (°E)": _cells(points["lon"], 1),
            "Role": points["role"],
            "Lines": points["pipelines"].str.replace("|", ", ", regex=False),
            "GeoNames record": points["source"].map(citations.geonames_record),
        }
    )
