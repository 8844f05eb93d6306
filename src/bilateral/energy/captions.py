"""Energy report, text: captions and alt text of the report's figures and tables (numbers formatted with
:mod:`bilateral.fmt`). Functions that need the pair, the names or the period take the report's parameters
``P`` (:class:`bilateral.params.Params`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, gas_routes, periods
from bilateral.countries import display_name
from bilateral.energy import titles
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
from bilateral.energy.owid import JOIN_TOLERANCE_PCT, JOIN_WINDOW
from bilateral.energy.text import owid_values_sentence
from bilateral.energy.titles import with_title

__all__ = [
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
    "monthly_rank",
    "owid_comparison",
    "owid_gas",
    "owid_gas_alt",
    "owid_oil",
    "owid_oil_alt",
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
    "sides_table",
    "subannual_table",
    "transit_table",
]

Items = Sequence[tuple[str, str, pd.Series, pd.Series]]

# ---------------------------------------------------------------------------------------------
# Energy Institute and Our World in Data
# ---------------------------------------------------------------------------------------------


def production(P, ei_span: str, wide: pd.DataFrame) -> str:
    return with_title(
        titles.production_title(P, wide),
        f"{P.name_a}: oil and gas production and consumption, {ei_span}; solid lines production, dashed lines consumption. "
        "Oil in thousand barrels a day, gas in billion cubic metres.",
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
        "(output: production; use: consumption; '–': no value)."
    )


def owid_comparison() -> str:
    return (
        "Our World in Data (terawatt-hours) against the Energy Institute's 2023 Review (exajoules converted exactly into terawatt-hours) "
        "in the overlap years: the largest difference, and whether OWID's later years are joined to the EI series (only if each "
        f"of the last {JOIN_WINDOW} years both have differs by at most {fmt.num(JOIN_TOLERANCE_PCT, 0)}%)."
    )


def owid_gas(gas: Items, cmp: pd.DataFrame) -> str:
    first = min(int(o.first_valid_index()) for _, _, o, _ in gas)
    last = max(int(o.last_valid_index()) for _, _, o, _ in gas)
    return with_title(
        titles.owid_gas_title(cmp, gas),
        f"Gas production and consumption, {fmt.years(first, last)}, terawatt-hours. Solid lines: Energy Institute 2023 Review (exajoules × 277.78). "
        "Where the two editions agree, OWID's later years continue the line, dashed with dots; where they do not, OWID's series is drawn "
        "as a grey dashed line beside the EI line, not joined to it.",
    )


def owid_gas_alt(gas: Items) -> str:
    return "Line charts of gas, one panel per series. " + owid_values_sentence(gas).replace(
        "(TWh):", "(TWh), last values:"
    )


def owid_oil(P, oil: Items) -> str:
    return with_title(
        titles.owid_oil_title(P, oil),
        f"{P.name_a}: oil production and consumption, terawatt-hours, from Our World in Data only (the Energy Institute extract here has "
        "oil in barrels and tonnes, not in exajoules, so nothing is joined). Oil production includes natural gas liquids.",
    )


def owid_oil_alt(oil: Items) -> str:
    return "Line charts of oil, one panel per series. " + owid_values_sentence(oil).replace(
        "(TWh):", "(TWh), last values:"
    )


def exports_table(P) -> str:
    return (
        f"{P.name_a}'s gas exports in {TRADE_YEAR} by destination (up to eight per mode; all in the data file), from the Energy Institute's "
        "trade matrices. Destinations are EI's labels; 'EU' and 'Rest of Europe' together make up Europe. 'Rest of Europe' is non-EU Europe: "
        "Türkiye has no row of its own in the pipeline matrix and sits inside it together with Georgia (which the Review counts in Europe, "
        "not in 'Other CIS') and other non-EU countries, so the flow to 'Rest of Europe' is an upper bound for Türkiye."
    )


def comparators(frames: Sequence[tuple[str, pd.Series]], ei_span: str, highlight: str) -> str:
    return with_title(
        titles.comparators_title(frames, highlight),
        f"Gas production of {names([c for c, _ in frames])}, {ei_span}, billion cubic metres; "
        f"{display_name(highlight)} highlighted.",
    )


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
    return with_title(
        titles.buyer_title(P, wide_b),
        f"{P.name_b}: gas consumption"
        + (", production" if _has(wide_b[GAS_PROD]) else "")
        + (" and LNG imports" if _has(wide_b[LNG_IMPORTS]) else "")
        + f" (Energy Institute, lines), {ei_span}, billion cubic metres"
        + (
            ". Points: total gas imports as reported by the Turkish regulator and quoted in the press (importer side); "
            "years without a point have no figure."
            if _has(press_total)
            else "."
        ),
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
            f" {nb} has no row of its own in the pipeline matrix (it is inside '{EI_PIPELINE_GROUP[b]}'), so no pipeline origin is given."
            if b in EI_PIPELINE_GROUP
            else ""
        )
    )


# ---------------------------------------------------------------------------------------------
# IEA entry routes
# ---------------------------------------------------------------------------------------------


def entries_annual(
    P, cov: pd.DataFrame, years: Sequence[int], sh_a: pd.DataFrame, sup_a: pd.DataFrame, full: Sequence[int]
) -> str:
    months = cov["months_in_data"]
    partial = [gas_routes.year_label(y, int(months[y])) for y in years if months[y] < 12 and cov.at[y, "comparable"]]
    gaps = [y for y in years if not cov.at[y, "comparable"]]
    return with_title(
        titles.entries_annual_title(P, sh_a, sup_a, full),
        f"Gas entering Türkiye by source, calendar {'year' if len(years) == 1 else 'years'} {fmt.years(years[0], years[-1])}, "
        "billion cubic metres (IEA Gas Trade Flows)"
        + (
            f"; {P.name_a} in colour, the other sources in grey."
            if P.country_a in gas_routes.COUNTRY_SUPPLIERS
            else "."
        )
        + (f" Hatched: part of a year only ({fmt.join_and(partial)})." if partial else "")
        + (f" No bar for {year_list(gaps)}: some entry route has unreported months." if gaps else ""),
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


def entries_monthly(P, wm: pd.DataFrame, rk_m: pd.DataFrame | None) -> str:
    span = f"{fmt.date(str(wm.index[0]))} to {fmt.date(str(wm.index[-1]))}"
    return with_title(
        titles.entries_monthly_title(P, rk_m),
        f"Gas entering Türkiye by source, monthly, {span}, billion cubic metres a month (IEA Gas Trade Flows). "
        "A break in a line is a month without a reported value, not a zero.",
    )


def entries_monthly_alt(sup_m: pd.DataFrame) -> str:
    parts = []
    for k, _, _ in gas_routes.SUPPLIERS:
        if sup_m[k].notna().any():
            month, v = gas_routes.last_value(sup_m[k])
            parts.append(f"{gas_routes.supplier_label(k)} last {fmt.num(v / 1000, 2)} bcm in {fmt.date(str(month))}")
    return "Line chart of monthly entries: " + "; ".join(parts) + "."


def entries_table(P) -> str:
    return (
        "Türkiye's gas entries by source and year, billion cubic metres, with "
        + (
            f"{P.name_a}'s share of total entries (%) and its rank among the pipeline suppliers with a positive volume that year. "
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
    return "Gas leaving Türkiye at its exit points beside the gas entering it, by year, billion cubic metres (IEA Gas Trade Flows)."


def iea_vs_press() -> str:
    return (
        "The IEA Gas Trade Flows (entries by source, full years) beside the importer-side press figures of the same supplier and year, "
        "billion cubic metres, with the difference. Press figures are labelled as such and are the cross-check, not the series."
    )


# ---------------------------------------------------------------------------------------------
# Press figures
# ---------------------------------------------------------------------------------------------


def press_volumes(P, p_span: str, sm3: Sequence[int], vol: pd.DataFrame, label_a: str | None) -> str:
    return with_title(
        titles.press_volumes_title(P, vol, label_a),
        f"Türkiye's gas imports by supplier, {p_span}, billion cubic metres: importer-side press figures (mostly quoting EPDK). "
        "A year without a figure is a gap in the line, not a zero; single years appear as isolated dots."
        + (f" {year_list(sm3)} figures are EPDK standard cubic metres." if sm3 else ""),
    )


def press_volumes_alt(vol: pd.DataFrame, labels: Sequence[str], years: Sequence[int], p_span: str) -> str:
    gaps = periods.gap_years(vol)
    parts = []
    for lab in [*labels, LNG_LABEL]:
        text = f"{'LNG' if lab == LNG_LABEL else lab}: figures for {year_list([y for y in years if y not in gaps.get(lab, [])]) or 'no year'}"
        if vol[lab].notna().any():
            y, v = last_valid(vol[lab])
            text += f", last {fmt.num(v, 1)} bcm in {y}"
        parts.append(text)
    return f"Line chart with gaps of Türkiye's gas imports, {p_span}. " + "; ".join(parts) + "."


def press_shares(P, p_span: str, shares: pd.DataFrame, label_a: str | None) -> str:
    return with_title(
        titles.press_shares_title(P, shares, label_a),
        f"Shares of Türkiye's total gas imports, {p_span}, %: this report's calculation from importer-side press volumes "
        "(supplier ÷ total of the same year). Only years with both figures have a share.",
    )


def press_shares_alt(shares: pd.DataFrame) -> str:
    last = {lab: last_valid(shares[lab]) for lab in shares.columns if shares[lab].notna().any()}
    return (
        "Line chart with gaps of supplier shares. Last computed shares: "
        + "; ".join(f"{'LNG' if lab == LNG_LABEL else lab} {fmt.pct(v)} in {y}" for lab, (y, v) in last.items())
        + "."
    )


def press_volumes_table(p_span: str) -> str:
    return (
        f"Türkiye's gas imports by supplier, {p_span}: importer-side press volumes, billion cubic metres. '–': no figure; "
        "years without any figure are left out."
    )


def press_shares_table(p_span: str) -> str:
    return (
        f"Shares of Türkiye's total gas imports, {p_span}, %: this report's calculation, supplier ÷ total of the same year "
        "(both importer-side press volumes). '–': no volume or no total that year; years without any share are left out."
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
