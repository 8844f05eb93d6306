"""Energy report, display tables: formatted frames for :func:`bilateral.figures.table` (numbers as text with
:func:`bilateral.energy.compute.cell`, an en dash for a gap), and the data frames exported beside them."""

from __future__ import annotations

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
    "route_points",
    "sides",
    "subannual",
    "transit",
]

MODE_NAMES = {"pipeline": "pipeline", "lng": "LNG"}


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
            "Destination (EI label)": top["destination"],
            "Volume (bcm)": _cells(top["volume_bcm"], 2),
            "Share of the mode's exports (%)": _cells(top["share_pct"], 1),
        }
    )


def imports(imp_b: pd.DataFrame, per_mode: int = 6) -> pd.DataFrame:
    top = imp_b.groupby("mode", sort=True).head(per_mode)
    return pd.DataFrame(
        {
            "Mode": top["mode"].map(MODE_NAMES),
            "Origin (EI label)": top["origin"],
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
        tab[f"{lab} (bcm)"] = _bcm(sup_a[k])
    tab["Total entries (bcm)"] = _bcm(sup_a[gas_routes.TOTAL])
    if rk_a is not None:
        tab[f"{P.name_a}, share of entries (%)"] = _cells(sh_a[P.country_a], 1)
        tab[f"{P.name_a}'s rank"] = [
            gas_routes.rank_text(None if pd.isna(r["rank"]) else int(r["rank"]), int(r["n_suppliers"]), r["tied_with"])
            if pd.notna(t)
            else "–"
            for (_, r), t in zip(rk_a.iterrows(), sup_a[gas_routes.TOTAL])
        ]
    return tab


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
            "Entries (bcm)": _bcm(t["entries_mcm"]),
            "Kipi exit to Greece (bcm)": _bcm(t["kipi_exit_mcm"]),
            "Malkoçlar exits to Bulgaria (bcm)": _bcm(t["malkoclar_exit_mcm"]),
            "LNG re-exports (bcm)": _bcm(t["lng_exit_mcm"]),
            "Türkgözü entries, Azerbaijani gas (bcm)": _bcm(wa.loc[t.index, "turkgozu"]),
        }
    )


def iea_vs_press(d: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Year": d["year"],
            "Supplier": [
                ("Total entries" if k == gas_routes.TOTAL else gas_routes.supplier_label(k)) for k in d["supplier"]
            ],
            "IEA (bcm)": _cells(d["iea_bcm"], 3),
            "Press, importer side (bcm)": _cells(d["press_bcm"], 3),
            "IEA − press (bcm)": _cells(d["difference_bcm"], 3),
            "Difference (% of press)": _cells(d["difference_pct"], 1),
        }
    )


# ---------------------------------------------------------------------------------------------
# Press figures
# ---------------------------------------------------------------------------------------------


def _short(label: str) -> str:
    return "LNG" if label == LNG_LABEL else label


def press_volumes(vol: pd.DataFrame) -> pd.DataFrame:
    shown = pd.DataFrame({"Year": vol.index})
    for lab in vol.columns:
        shown[f"{_short(lab)} (bcm)"] = _cells(vol[lab], 2)
    return shown


def press_shares(shares: pd.DataFrame) -> pd.DataFrame:
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
            "Why not in the series": dropped["reason"],
        }
    )


def sides(s: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Year": s["year"],
            "Supplier": s["supplier"],
            "Importer side, EPDK series (bcm)": _cells(s["importer_side_bcm"], 2),
            "Supplier side (bcm)": _cells(s["exporter_side_bcm"], 2),
            "Importer − supplier (bcm)": _cells(s["difference_bcm"], 2),
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
            "Russia, Eurostat (% of TJ)": _cells(cross["eurostat_partner_share_pct"], 1),
            "Russia, press (% of bcm)": _cells(cross["press_partner_share_pct"], 1),
            "LNG, Eurostat (% of TJ)": _cells(cross["eurostat_lng_share_pct"], 1),
            "LNG, press (% of bcm)": _cells(cross["press_lng_share_pct"], 1),
            "Eurostat TJ ÷ press bcm": _cells(cross["implied_tj_per_bcm"], 0),
        }
    )


# ---------------------------------------------------------------------------------------------
# Pipelines
# ---------------------------------------------------------------------------------------------


def pipelines(summary: pd.DataFrame) -> pd.DataFrame:
    shown = summary.assign(
        Pipeline=summary["Pipeline"] + " (" + summary["Carries"] + ")",
        Length=[v if v == "not in the data" else f"{v} km" for v in summary["Length (km)"]],
    )
    return shown[["Pipeline", "Length", "Capacity", "Operator or shareholders", "First flow", "Other facts", "Sources"]]


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
