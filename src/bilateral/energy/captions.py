"""Energy report, text: captions and alt text of the report's figures and tables (numbers formatted with
:mod:`bilateral.fmt`). Functions that need the pair, the names or the period take the report's parameters
``P`` (:class:`bilateral.params.Params`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import events as evs
from bilateral import fmt, gas_routes, periods
from bilateral.countries import display_name
from bilateral.energy.compute import (
    EI_PIPELINE_GROUP,
    GAS_CONS,
    GAS_PROD,
    LNG_IMPORTS,
    LNG_LABEL,
    OIL_PROD,
    TRADE_YEAR,
    last_valid,
    names,
    peak,
    year_list,
)
from bilateral.energy.maps import projection_text
from bilateral.energy.pipelines import OTHER_LANE, PIPELINE_ORDER
from bilateral.energy.text import group_gloss, latest_sentence

__all__ = [
    "btc",
    "btc_alt",
    "btc_table",
    "buyer",
    "buyer_alt",
    "buyer_sources",
    "comparators",
    "comparators_alt",
    "entries_annual",
    "entries_annual_alt",
    "entries_monthly",
    "entries_monthly_alt",
    "entries_table",
    "eurostat_table",
    "exports_table",
    "iea_vs_press",
    "imports_table",
    "left_out",
    "milestones_table",
    "monthly_rank",
    "owid_comparison",
    "owid_gas",
    "owid_gas_alt",
    "owid_oil",
    "owid_oil_alt",
    "pipelines_table",
    "press_shares",
    "press_shares_alt",
    "press_shares_table",
    "press_volumes",
    "press_volumes_alt",
    "press_volumes_table",
    "production",
    "production_alt",
    "production_table",
    "reported_shares_table",
    "route_map",
    "route_map_alt",
    "route_points_table",
    "sides_table",
    "subannual_table",
    "timeline",
    "timeline_alt",
    "transit_table",
]

Items = Sequence[tuple[str, str, pd.Series, pd.Series]]

# ---------------------------------------------------------------------------------------------
# Energy Institute and Our World in Data
# ---------------------------------------------------------------------------------------------


def production(P, ei_span: str) -> str:
    return (
        f"{P.name_a}: oil and gas production and consumption, {ei_span}. Solid lines: production; dashed lines: consumption. "
        "Oil in thousand barrels a day, gas in billion cubic metres."
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


def production_table(P) -> str:
    return (
        f"{P.name_a}: production, consumption and the surplus of production over consumption, every fifth year and the last year "
        "(output: production; use: consumption). The surplus is production minus consumption, not exports; '–' marks a year without a value."
    )


def owid_comparison() -> str:
    return (
        "Our World in Data (terawatt-hours) against the Energy Institute's 2023 Review (exajoules converted exactly into terawatt-hours) "
        "in the overlap years: the largest difference, and whether OWID's later years are joined to the EI series (only if every year "
        "compared differs by at most 2%)."
    )


def owid_gas(gas: Items) -> str:
    first = min(int(o.first_valid_index()) for _, _, o, _ in gas)
    last = max(int(o.last_valid_index()) for _, _, o, _ in gas)
    return (
        f"Gas production and consumption, {fmt.years(first, last)}, terawatt-hours. Solid lines: Energy Institute 2023 Review (exajoules × 277.78). "
        "Where the two editions agree, OWID's later years continue the line, dashed with dots; where they do not, OWID's series is drawn "
        "as a grey dashed line beside the EI line, not joined to it."
    )


def owid_gas_alt(gas: Items) -> str:
    return (
        "Line charts of gas in TWh: "
        + "; ".join(latest_sentence(o, iso, ind).rstrip(".") for iso, ind, o, _ in gas)
        + "."
    )


def owid_oil(P) -> str:
    return (
        f"{P.name_a}: oil production and consumption, terawatt-hours, from Our World in Data only (the Energy Institute extract here has "
        "oil in barrels and tonnes, not in exajoules, so nothing is joined). Oil production includes natural gas liquids."
    )


def owid_oil_alt(oil: Items) -> str:
    return (
        "Line charts of oil in TWh (OWID): "
        + "; ".join(latest_sentence(o, iso, ind).rstrip(".") for iso, ind, o, _ in oil)
        + "."
    )


def exports_table(P) -> str:
    return (
        f"{P.name_a}'s gas exports in {TRADE_YEAR} by destination (up to eight per mode; all in the data file), from the Energy Institute's "
        "trade matrices. Destinations are EI's labels; 'EU' and 'Rest of Europe' together make up Europe. 'Rest of Europe' is non-EU Europe: "
        "Türkiye has no row of its own in the pipeline matrix and sits inside it together with Georgia (which the Review counts in Europe, "
        "not in 'Other CIS') and other non-EU countries, so the flow to 'Rest of Europe' is an upper bound for Türkiye."
    )


def comparators(frames: Sequence[tuple[str, pd.Series]], ei_span: str) -> str:
    return f"Gas production of {names([c for c, _ in frames])}, {ei_span}, billion cubic metres."


def comparators_alt(frames: Sequence[tuple[str, pd.Series]], ei_span: str) -> str:
    last = {c: last_valid(s) for c, s in frames}
    return (
        f"Line chart of gas production, {ei_span}. Last values: "
        + "; ".join(f"{display_name(c)} {fmt.num(v)} bcm in {y}" for c, (y, v) in last.items())
        + "."
    )


def _has(s: pd.Series | None) -> bool:
    return s is not None and bool(s.notna().any())


def buyer(P, wide_b: pd.DataFrame, press_total: pd.Series | None, ei_span: str) -> str:
    return (
        f"{P.name_b}: gas consumption"
        + (", production" if _has(wide_b[GAS_PROD]) else "")
        + (" and LNG imports" if _has(wide_b[LNG_IMPORTS]) else "")
        + f" (Energy Institute, lines), {ei_span}, billion cubic metres"
        + (
            ". Points: total gas imports as reported by the Turkish regulator and quoted in the press (importer side); "
            "years without a point have no figure."
            if _has(press_total)
            else "."
        )
    )


def buyer_alt(P, wide_b: pd.DataFrame, press_total: pd.Series | None) -> str:
    cy, cv = last_valid(wide_b[GAS_CONS])
    return (
        f"Line chart for {P.name_b}: gas consumption rises to {fmt.num(cv)} bcm in {cy}"
        + (
            f"; LNG imports are {fmt.num(wide_b[LNG_IMPORTS].get(cy))} bcm that year"
            if _has(wide_b[LNG_IMPORTS])
            else ""
        )
        + (
            f"; press-reported total imports appear as points in {year_list(press_total.dropna().index)}"
            if _has(press_total)
            else ""
        )
        + "."
    )


def buyer_sources(press_total: pd.Series | None) -> list[str]:
    """The catalog keys of the buyer chart: the press too when its points are drawn."""
    return ["ei_statistical_review_2023"] + (["press_figures"] if _has(press_total) else [])


def imports_table(P, modes: Sequence[str]) -> str:
    b, nb = P.country_b, P.name_b
    return (
        f"{nb}'s gas imports in {TRADE_YEAR}: the largest origins in each matrix in which EI gives {nb} a row of its own ("
        + ", ".join("pipeline" if m == "pipeline" else "LNG" for m in modes)
        + ")."
        + (
            f" In the pipeline matrix {nb} is inside '{EI_PIPELINE_GROUP[b]}'{group_gloss(EI_PIPELINE_GROUP[b])}, "
            f"so no pipeline origin of {nb}'s own is given."
            if b in EI_PIPELINE_GROUP
            else ""
        )
    )


# ---------------------------------------------------------------------------------------------
# IEA entry routes
# ---------------------------------------------------------------------------------------------


def entries_annual(cov: pd.DataFrame, years: Sequence[int]) -> str:
    months = cov["months_in_data"]
    partial = [gas_routes.year_label(y, int(months[y])) for y in years if months[y] < 12 and cov.at[y, "comparable"]]
    gaps = [y for y in years if not cov.at[y, "comparable"]]
    return (
        f"Gas entering Türkiye by source, calendar years {fmt.years(years[0], years[-1])}, billion cubic metres (IEA Gas Trade Flows; "
        "Azerbaijan = Türkgözü; Russia = Samsun, Kıyıköy and the Malkoçlar entry; Iran = Doğubayazıt; LNG = all terminals)."
        + (f" Hatched: part of a year only ({fmt.join_and(partial)})." if partial else "")
        + (f" No bar for {year_list(gaps)}: some entry route has unreported months." if gaps else "")
    )


def entries_annual_alt(sup_a: pd.DataFrame, last_full: int | None) -> str:
    text = "Stacked bar chart of Türkiye's gas entries by source. "
    if not last_full:
        return text
    return (
        text
        + f"In {last_full}: "
        + "; ".join(
            f"{gas_routes.supplier_label(k)} {fmt.num(sup_a.at[last_full, k] / 1000, 1)} bcm"
            for k, _, _ in gas_routes.SUPPLIERS
        )
        + "."
    )


def entries_monthly(wm: pd.DataFrame) -> str:
    span = f"{gas_routes.month_text(str(wm.index[0]))} to {gas_routes.month_text(str(wm.index[-1]))}"
    return (
        f"Gas entering Türkiye by source, monthly, {span}, billion cubic metres a month (IEA Gas Trade Flows). "
        "A break in a line is a month without a reported value, not a zero."
    )


def entries_monthly_alt(sup_m: pd.DataFrame) -> str:
    parts = []
    for k, _, _ in gas_routes.SUPPLIERS:
        if sup_m[k].notna().any():
            month, v = gas_routes.last_value(sup_m[k])
            parts.append(
                f"{gas_routes.supplier_label(k)} last {fmt.num(v / 1000, 2)} bcm in {gas_routes.month_text(str(month))}"
            )
    return "Line chart of monthly entries: " + "; ".join(parts) + "."


def entries_table(P) -> str:
    return (
        "Türkiye's gas entries by source and year, billion cubic metres, with "
        + (
            f"{P.name_a}'s share of total entries (numerator and denominator from the IEA series) and its rank among the pipeline "
            "suppliers with a positive volume (the denominator is stated; LNG is not ranked). "
            if P.country_a in gas_routes.COUNTRY_SUPPLIERS
            else "the total of entries. "
        )
        + "'–': a year with an unreported month on some entry route; a year shown with its number of months covers only part of the year."
    )


def monthly_rank(P) -> str:
    return (
        f"{P.name_a}'s monthly rank among the pipeline suppliers to Türkiye (those with a positive volume that month), by year: "
        "how many months it ranked first, and how many of those were ties. IEA Gas Trade Flows."
    )


def transit_table() -> str:
    return (
        "Gas leaving Türkiye at its exit points beside the gas entering it, by year, billion cubic metres (IEA Gas Trade Flows). "
        "Exits are transit or re-exports; they are shown, not subtracted from the entries."
    )


def iea_vs_press() -> str:
    return (
        "The IEA Gas Trade Flows (entries by source, full years) beside the importer-side press figures of the same supplier and year, "
        "billion cubic metres, with the difference. Press figures are labelled as such and are the cross-check, not the series."
    )


# ---------------------------------------------------------------------------------------------
# Press figures
# ---------------------------------------------------------------------------------------------


def press_volumes(p_span: str, sm3: Sequence[int]) -> str:
    return (
        f"Türkiye's gas imports by supplier, {p_span}, billion cubic metres: importer-side press figures (mostly quoting EPDK). "
        "A year without a figure is a gap in the line, not a zero; single years appear as isolated dots."
        + (f" {year_list(sm3)} figures are EPDK standard cubic metres." if sm3 else "")
    )


def press_volumes_alt(vol: pd.DataFrame, labels: Sequence[str], years: Sequence[int], p_span: str) -> str:
    gaps = periods.gap_years(vol)
    parts = []
    for lab in [*labels, LNG_LABEL]:
        text = f"{lab}: figures for {year_list([y for y in years if y not in gaps.get(lab, [])]) or 'no year'}"
        if vol[lab].notna().any():
            y, v = last_valid(vol[lab])
            text += f", last {fmt.num(v, 1)} bcm in {y}"
        parts.append(text)
    return f"Line chart with gaps of Türkiye's gas imports, {p_span}. " + "; ".join(parts) + "."


def press_shares(p_span: str) -> str:
    return (
        f"Shares of Türkiye's total gas imports, {p_span}, %: this report's calculation from importer-side press volumes "
        "(supplier ÷ total of the same year). Only years with both figures have a share."
    )


def press_shares_alt(shares: pd.DataFrame) -> str:
    last = {lab: last_valid(shares[lab]) for lab in shares.columns if shares[lab].notna().any()}
    return (
        "Line chart with gaps of supplier shares. Last computed shares: "
        + "; ".join(f"{lab} {fmt.pct(v)} in {y}" for lab, (y, v) in last.items())
        + "."
    )


def press_volumes_table(p_span: str) -> str:
    return f"Türkiye's gas imports by supplier, {p_span}: importer-side press volumes, billion cubic metres. '–': no figure."


def press_shares_table(p_span: str) -> str:
    return (
        f"Shares of Türkiye's total gas imports, {p_span}, %: this report's calculation, supplier ÷ total of the same year "
        "(both importer-side press volumes). '–': no volume or no total that year."
    )


def reported_shares_table() -> str:
    return "Shares of Türkiye's total gas imports as the press reports them (importer side), for comparison with the calculated shares above."


def left_out(p_span: str) -> str:
    return (
        f"Importer-side annual figures for these suppliers, {p_span}, that the series above does not use, and why "
        "(the data pipeline's choices, recorded in the table)."
    )


def sides_table() -> str:
    return (
        "Supplier-side figures (company or ministry, as quoted in the press) beside the importer-side figure of the same year. "
        "'–': no importer-side figure that year."
    )


def subannual_table(label_a: str) -> str:
    return (
        f"Türkiye's gas imports from {label_a} over months, quarters and parts of years (importer side, press figures). "
        "Partial-year figures; do not compare with annual totals."
    )


def eurostat_table() -> str:
    return (
        "Russia's and LNG's shares of Türkiye's gas imports: Eurostat (Türkiye's reporting, terajoules GCV) against the importer-side "
        "press volumes. The last column divides Eurostat's total in terajoules by the press total in bcm: a consistency check, not a "
        "conversion factor."
    )


# ---------------------------------------------------------------------------------------------
# Pipelines
# ---------------------------------------------------------------------------------------------


def pipelines_table() -> str:
    return (
        "The four pipelines (what each carries in brackets): length, capacity, operator or shareholders and first flow, as company "
        "and press pages state them ('not in the data' where this project has no sourced figure)."
    )


def timeline(P, ev: pd.DataFrame) -> str:
    return (
        f"Energy milestones involving {P.name_a}, {fmt.years(int(ev['x'].min()), int(ev['x'].max()))}, one row each, numbered and "
        "named (shortened) as in the table below, each dot in its pipeline's colour. Month- or year-precise dates are drawn "
        "mid-month or mid-year. " + evs.marker_caption(ev)
    )


def timeline_alt(ev: pd.DataFrame) -> str:
    lanes = [k for k in [*PIPELINE_ORDER, OTHER_LANE] if (ev["lane"] == k).any()]
    return (
        f"Timeline of {len(ev)} energy milestones from {ev['when'].iloc[0]} to {ev['when'].iloc[-1]}: "
        + "; ".join(f"{k} {int((ev['lane'] == k).sum())}" for k in lanes)
        + " events."
    )


def milestones_table() -> str:
    return (
        "Energy milestones (curated events table): each row names its sources by publisher (seed documents by author) and the date "
        "each gives, and whether the milestone rests on the seed documents alone or on independent sources of one side, of both "
        "sides or of a third party; the full addresses are under Sources."
    )


def btc(P) -> str:
    return (
        f"Oil carried by BTC, calendar years with a figure in {P.period} (press and company figures). Left: million barrels; "
        "right: million tonnes. Marker shapes distinguish what is measured; a year without a marker has no figure."
    )


def btc_alt(thr: pd.DataFrame, cap: pd.Series) -> str:
    mb = thr[thr["unit"] == "million barrels"]
    mt = thr[thr["unit"] == "million tonnes"]
    return (
        f"Dot charts of BTC throughput: {len(mb)} figures in million barrels ({year_list(mb['year'])}), from "
        f"{fmt.num(mb['value'].min())} to {fmt.num(mb['value'].max())}; {len(mt)} figures in million tonnes ({year_list(mt['year']) or 'none'})"
        + (f", from {fmt.num(mt['value'].min())} to {fmt.num(mt['value'].max())}" if len(mt) else "")
        + f". Capacity times days is about {fmt.integer(cap.dropna().max())} million barrels a year since 2010."
    )


def btc_table() -> str:
    return "BTC throughput figures by year, as published (units as given)."


def route_map(P) -> str:
    return (
        "BTC, SCP (with its expansion SCPx), TANAP and TAP: straight segments between main points of each route (approximate; "
        f"coordinates of nearby towns from GeoNames, rounded to 0.1°) on country outlines from Natural Earth, 1:110m; {projection_text()}. "
        f"{P.name_a} and {P.name_b} are shaded. Borders as shown by Natural Earth; no position on disputed territory is implied."
    )


def route_map_alt(points: pd.DataFrame, lines: dict[str, pd.DataFrame]) -> str:
    by_lon = points.sort_values("lon")
    return (
        f"Map from the Caspian to southern Italy with {len(points)} points, from {by_lon.iloc[-1]['point']} in the east to "
        f"{by_lon.iloc[0]['point']} in the west: "
        + "; ".join(f"{k} joins {', '.join(p['point'])}" for k, p in lines.items())
        + "."
    )


def route_points_table() -> str:
    return (
        "Route points of the map (curated). Coordinates from the GeoNames record named in each row (its address and the GeoNames "
        "extract read are in the data file), rounded to 0.1°."
    )
