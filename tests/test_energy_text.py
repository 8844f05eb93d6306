"""Tests of the energy package's layout and of its text, caption and table functions (bilateral.energy.text,
.notes, .captions, .tables): small hand-made frames, several pairs (AZE–TUR, ARM–RUS, GEO–TUR, RUS–TUR) and
one-year periods. Expected sentences are written out by hand."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bilateral import energy
from bilateral.energy import captions, findings, notes, pipeline_captions, tables, titles
from bilateral.energy import compute as en
from bilateral.energy import text as en_text
from bilateral.params import Params

AZE_TUR = Params("AZE", "TUR", 1990, 2025, ("RUS", "IRN"))
ARM_RUS = Params("ARM", "RUS", 2000, 2020, ("GEO",))
GEO_TUR = Params("GEO", "TUR", 2015, 2024, ())
RUS_TUR = Params("RUS", "TUR", 2015, 2024, ("AZE",))
ONE_YEAR = Params("AZE", "TUR", 2024, 2024, ())

REEXPORTED = ("compute", "owid", "press", "pipelines", "text", "plots", "maps")
SUBMODULES = (*REEXPORTED, "captions", "findings", "notes", "pipeline_captions", "tables", "titles")


# ---------------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SUBMODULES)
def test_every_submodule_declares_its_public_names(name):
    mod = importlib.import_module(f"bilateral.energy.{name}")
    assert mod.__all__, name
    missing = [n for n in mod.__all__ if not hasattr(mod, n)]
    assert not missing, f"{name}.__all__ names {missing}, which the module does not define"


def test_the_package_re_exports_the_analysis_names_without_clashes():
    seen: dict[str, str] = {}
    for name in REEXPORTED:
        for n in importlib.import_module(f"bilateral.energy.{name}").__all__:
            assert n not in seen, f"{n} is public in both {seen[n]} and {name}"
            seen[n] = name
            assert getattr(energy, n) is getattr(importlib.import_module(f"bilateral.energy.{name}"), n)
    # names other reports use
    for n in ("PRESS_BUYER", "TOTAL_LABEL", "last_valid", "parse_month_year", "capacity_periods", "first_flow"):
        assert hasattr(energy, n), n


def test_the_computation_modules_import_no_plotting():
    for name in ("compute", "owid", "press", "pipelines"):
        tree = ast.parse(Path(importlib.import_module(f"bilateral.energy.{name}").__file__).read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {f"{n.module}.{a.name}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        assert not [m for m in imported if "matplotlib" in m or m == "bilateral.figures"], name


# ---------------------------------------------------------------------------------------------
# Notes and header
# ---------------------------------------------------------------------------------------------


def test_notes_name_the_pair_and_the_period():
    assert (
        notes.note("no_ei_consumption_b", ARM_RUS)
        == "The Energy Institute extract used here gives no gas consumption for Russia."
    )
    assert notes.note("iea_not_turkiye", ARM_RUS) == (
        "Not covered: the IEA series used here are Türkiye's border points, and the buyer is Russia."
    )
    assert notes.note("no_btc", ONE_YEAR) == "The pipelines table has no calendar-year BTC throughput in 2024."
    assert notes.note("pipelines_not_origin", ARM_RUS).endswith(
        "carry oil and gas from Azerbaijan, and the supplier here is Armenia."
    )
    # every template fills with any pair
    for key in notes.NOTES:
        for p in (AZE_TUR, ARM_RUS, ONE_YEAR):
            assert "{" not in notes.note(key, p)


def test_header_says_when_the_period_lies_after_the_ei_series():
    assert notes.header(AZE_TUR, "1990–2022").startswith(
        "**Supplier:** Azerbaijan (AZE); **buyer:** Türkiye (TUR); **period:** 1990–2025; "
        "**other suppliers compared:** Russia and Iran. Energy Institute series are used for 1990–2022"
    )
    one = notes.header(ONE_YEAR, None)
    assert "**period:** 2024;" in one and "compared:** none." in one
    assert "The period lies after the Energy Institute series end (2022)." in one


def test_list_notes():
    assert notes.no_press_suppliers(["ARM", "GEO"]) == "The press table names no imports from Armenia or Georgia."
    assert notes.not_in_owid(["CHN"]) == "Our World in Data's subset used here does not cover China."
    imports = pd.DataFrame({"year": [2007, 2024]})
    assert notes.press_outside(Params("AZE", "TUR", 1990, 2000, ()), imports) == (
        "The press table spans 2007–2024, outside the period 1990–2000."
    )


# ---------------------------------------------------------------------------------------------
# Key findings
# ---------------------------------------------------------------------------------------------


def test_bullets_leave_out_empty_findings():
    assert findings.bullets(["One.", "", "Two."]) == "- One.\n- Two."


def test_reach_sentence_follows_the_buyer():
    assert en_text.reach_sentence(AZE_TUR) == "Of the four lines, BTC, SCP and TANAP cross or end in Türkiye."
    assert (
        en_text.reach_sentence(Params("AZE", "ITA", 2000, 2020, ()))
        == "Of the four lines, TAP crosses or ends in Italy."
    )
    assert en_text.reach_sentence(Params("AZE", "ARM", 2000, 2020, ())) == (
        "None of the four lines crosses Armenia; they are shown because they carry Azerbaijan's oil and gas."
    )


def test_flow_2022_sentence_with_and_without_the_iea_figure():
    flow = pd.DataFrame(
        {"mode": ["pipeline", "lng"], "volume_bcm": [10.86, np.nan], "label": ["Rest of Europe", ""],
         "note": ["an upper bound", "Azerbaijan is not an exporter in the lng matrix"], "upper_bound": [True, False]}
    )  # fmt: skip
    sup_a = pd.DataFrame({"AZE": [8_500.0]}, index=[2022])
    s = en_text.flow_2022_sentence(AZE_TUR, flow, sup_a)
    assert s.startswith(
        "**Azerbaijan to Türkiye in 2022 (EI trade matrices):** by pipeline: 10.86 bcm to 'Rest of Europe', an upper bound "
        "for Türkiye; by LNG: no figure"
    )
    # 8,500 mcm = 8.50 bcm
    assert (
        "the IEA's Gas Trade Flows record 8.50 bcm entering Türkiye on the route that carries Azerbaijan's gas in 2022"
        in s
    )
    assert "IEA" not in en_text.flow_2022_sentence(ARM_RUS, flow, sup_a)


def test_buyer_notes_proxy_and_press_ratio():
    wide_b = pd.DataFrame({en.GAS_CONS: [50.0, 40.0], en.GAS_PROD: [10.0, np.nan]}, index=[2021, 2022])
    press = pd.Series([45.0, 48.0], index=[2021, 2022])
    proxy, ratio = en_text.buyer_notes(ARM_RUS, wide_b, press)
    assert proxy == (  # (50 - 10) / 50 = 80%, the last year with both
        "Consumption minus production, a proxy for net imports that ignores stock changes, was 80.0% of Russia's consumption in 2021."
    )
    assert (
        "In the 2 years with both figures (2021–2022), the press-reported imports equal 90% to 120%" in ratio
    )  # 45/50, 48/40


# ---------------------------------------------------------------------------------------------
# Captions and tables
# ---------------------------------------------------------------------------------------------


def test_entries_caption_and_table_follow_the_supplier():
    assert "Azerbaijan's share of total entries" in captions.entries_table(AZE_TUR)
    assert "with the total of entries." in captions.entries_table(GEO_TUR)
    cov = pd.DataFrame({"months_in_data": [12], "months_complete": [12], "comparable": [True]}, index=[2024])
    sup = pd.DataFrame({"AZE": [11_478.433], "RUS": [21_075.034], "IRN": [7_043.365], "LNG": [12_137.813],
                        "total_entries": [51_734.645]}, index=[2024])  # fmt: skip
    sh = sup.drop(columns=["total_entries"]).div(sup["total_entries"], axis=0) * 100
    rk = pd.DataFrame(
        {"rank": pd.array([2], dtype="Int64"), "n_suppliers": [3], "tied_with": [""], "reported": [True]}, index=[2024]
    )
    t = tables.entries(AZE_TUR, cov, sup, sh, rk)
    assert t.iloc[0].tolist()[:2] == ["2024", "11.48"]
    assert t.at[0, "Share (%)"] == "22.2" and t.at[0, "Rank"] == "2nd\u00a0of\u00a03"
    assert list(tables.entries(GEO_TUR, cov, sup, sh, None).columns)[-1] == "Total"


def test_entries_annual_caption_names_partial_years_and_gaps():
    cov = pd.DataFrame({"months_in_data": [3, 12, 5], "comparable": [True, False, True]}, index=[2008, 2009, 2025])
    empty = pd.DataFrame()
    c = captions.entries_annual(AZE_TUR, cov, [2008, 2009, 2025], empty, empty, [])
    assert "calendar years 2008–2025" in c
    assert "Hatched: part of a year only (2008 (3 months) and 2025 (5 months))." in c
    assert "No bar for 2009: some entry route has unreported months." in c
    assert c.startswith("Gas entering Türkiye by source") and "Azerbaijan in colour, the other sources in grey" in c
    one = captions.entries_annual(GEO_TUR, cov.loc[[2025]], [2025], empty, empty, [])
    assert "calendar year 2025," in one and "No bar" not in one


def test_production_caption_and_table():
    wide = pd.DataFrame({en.OIL_PROD: [254.0, np.nan], en.OIL_CONS: [166.0, 120.0], en.GAS_PROD: [9.66, 5.2],
                         en.GAS_CONS: [15.43, 5.3]}, index=[1990, 1991])  # fmt: skip
    # the finding first: Armenia's gas production fell (9.66 -> 5.2); oil peaked in 1990 and has no later value
    assert captions.production(ARM_RUS, "1990–1991", wide).startswith(
        "Armenia's gas production fell from 9.7 bcm in 1990 to 5.2 bcm in 1991; its oil production was 254 thousand barrels "
        "a day in 1990. Armenia: oil and gas production and consumption, 1990–1991;"
    )
    data = tables.production_data(
        wide, en.surplus(wide, en.OIL_PROD, en.OIL_CONS), en.surplus(wide, en.GAS_PROD, en.GAS_CONS)
    )
    shown = tables.production(data)
    assert shown.iloc[0].tolist() == [1990, "254", "166", "88", "9.7", "15.4", "-5.8"]
    assert shown.iloc[1].tolist()[1:4] == ["–", "120", "–"]  # a gap stays a gap


def test_btc_alt_with_one_unit_only():
    thr = pd.DataFrame({"year": [2024, 2025], "measure": ["x", "x"], "unit": ["million barrels"] * 2,
                        "value": [200.0, 206.434], "source": ["a", "b"]})  # fmt: skip
    alt = pipeline_captions.btc_alt(thr, pd.Series([438.0], index=[2025]))
    assert "2 figures in million barrels (2024–2025), from 200.0 to 206.4; 0 figures in million tonnes (none)." in alt


def test_the_notebook_keeps_prose_out_of_its_code_cells():
    import json

    from bilateral.paths import NOTEBOOKS_DIR

    nb = json.loads((NOTEBOOKS_DIR / "energy.ipynb").read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    long = [(i, len(src.splitlines())) for i, src in enumerate(code) if len(src.splitlines()) > 30]
    assert not long, f"code cells longer than 30 lines: {long}"
    # computed sentences, captions and alt text come from the package's text functions, not f-strings
    assert not [src for src in code if 'f"' in src or "f'" in src]


# ---------------------------------------------------------------------------------------------
# Key findings (issue 12): what the number means and how sure one can be, on several pairs and periods
# ---------------------------------------------------------------------------------------------


def _sup(rows: dict[int, tuple[float, float, float, float]]) -> pd.DataFrame:
    """Annual IEA entries (mcm) by source: {year: (AZE, RUS, IRN, LNG)}, with the total."""
    df = pd.DataFrame.from_dict(rows, orient="index", columns=["AZE", "RUS", "IRN", "LNG"])
    df["total_entries"] = df.sum(axis=1)
    return df


def _ranked(sup: pd.DataFrame, who: str):
    from bilateral import gas_routes as G

    return G.shares(sup), G.ranks(sup, who)


# Values of the IEA workbook for 2010 and 2024 (mcm), rounded: AZE 4,520 / 11,478; RUS 18,070 / 21,075;
# IRN 7,770 / 7,043; LNG 8,180 / 12,138.
SUP = _sup({2010: (4_520.0, 18_070.0, 7_770.0, 8_180.0), 2024: (11_478.0, 21_075.034, 7_043.0, 12_138.0)})
NO_PRESS = pd.DataFrame(columns=["year", "supplier", "difference_pct"])


def test_route_share_finding_says_rank_among_whom_trend_and_source():
    sh, rk = _ranked(SUP, "AZE")
    press = pd.DataFrame({"year": [2010, 2024], "supplier": ["AZE", "AZE"], "difference_pct": [3.7, 0.0]})
    s = findings.route_share_finding(AZE_TUR, SUP, sh, rk, [2010, 2024], press)
    # 11,478 / (11,478 + 21,075 + 7,043 + 12,138 = 51,734) = 22.2%
    assert s.startswith(
        "In 2024, 11.48 bcm of gas entered Türkiye on the route that carries Azerbaijan's gas, 22.2% of all entries (51.73 bcm)"
    )
    assert "Azerbaijan ranked 2nd of 3 pipeline suppliers (Russia 21.08 bcm and Iran 7.04 bcm)" in s
    assert "LNG of all origins, which is not ranked, brought 12.14 bcm" in s
    # 2010: 4,520 / 38,540 = 11.7%
    assert (
        "Since 2010, the period's first full year in the series, its share rose from 11.7% to 22.2%: its volume rose from 4.52 to 11.48 bcm"
        in s
    )
    assert "within 1% in 1 of the 2 years with both" in s
    # Russia as the supplier: 1st of 3; its share fell (46.9% -> 40.7%) while it sent more gas
    sh, rk = _ranked(SUP, "RUS")
    r = findings.route_share_finding(RUS_TUR, SUP, sh, rk, [2010, 2024], NO_PRESS)
    assert "on the routes that carry Russia's gas" in r and "Russia ranked 1st of 3 pipeline suppliers" in r
    assert "so it sent more gas but had a smaller share of a growing total" in r
    assert "no press figure for the same years is at hand" in r


def test_route_share_finding_a_larger_share_of_a_smaller_total():
    sup = _sup({2020: (10_000.0, 30_000.0, 10_000.0, 10_000.0), 2024: (9_000.0, 15_000.0, 5_000.0, 6_000.0)})
    sh, rk = _ranked(sup, "AZE")
    s = findings.route_share_finding(AZE_TUR, sup, sh, rk, [2020, 2024], NO_PRESS)
    # 10/60 = 16.7% -> 9/35 = 25.7%, with less gas
    assert "its share rose from 16.7% to 25.7%: its volume fell from 10.00 to 9.00 bcm" in s
    assert "so the larger share is of a smaller total, not more gas" in s


def test_route_findings_for_a_one_year_period_have_no_trend():
    one = SUP.loc[[2024]]
    sh, rk = _ranked(one, "AZE")
    s = findings.route_share_finding(ONE_YEAR, one, sh, rk, [2024], NO_PRESS)
    assert "Since" not in s and "22.2% of all entries" in s
    assert findings.route_share_finding(ONE_YEAR, one, sh, rk, [], NO_PRESS).startswith(
        "No calendar year of the period is complete"
    )


def test_months_finding_counts_and_names_the_usual_leader():
    months = ["2019-09", "2019-10", "2019-11", "2019-12"]
    sup_m = pd.DataFrame(
        {"AZE": [5.0, 9.0, 5.0, 5.0], "RUS": [8.0, 8.0, 8.0, 8.0], "IRN": [1.0, 1.0, 1.0, 1.0], "LNG": [20.0] * 4},
        index=months,
    )
    from bilateral import gas_routes as G

    rk = G.ranks(sup_m, "AZE")
    assert findings.months_finding(AZE_TUR, rk, sup_m) == (
        "Azerbaijan was the largest pipeline supplier in 1 of the 4 months with a value from Sep 2019 to Dec 2019, "
        "in Oct 2019; Russia was the largest in 3 of them."
    )
    rk_r = G.ranks(sup_m, "RUS")
    assert "Russia was the largest pipeline supplier in 3 of the 4 months" in findings.months_finding(
        RUS_TUR, rk_r, sup_m
    )
    never = G.ranks(sup_m, "IRN")
    assert findings.months_finding(Params("IRN", "TUR", 2019, 2019, ()), never, sup_m).startswith(
        "Iran was never the largest pipeline supplier in the 4 months"
    )


def test_transit_finding_leaves_out_zero_exits():
    tr = pd.DataFrame(
        {"entries_mcm": [51_734.6, 40_000.0], "exits_mcm": [27_850.7, 0.0], "kipi_exit_mcm": [11_743.1, 0.0],
         "malkoclar_exit_mcm": [16_107.6, 0.0], "lng_exit_mcm": [0.0, 0.0]}, index=[2024, 2015],
    )  # fmt: skip
    s = findings.transit_finding(tr, 2024)
    # 27,850.7 / 51,734.6 = 53.8%
    assert (
        "27.85 bcm left Türkiye at its exit points (11.74 bcm at Kipi to Greece and 16.11 bcm at Malkoçlar to Bulgaria), 54% of the 51.73 bcm"
        in s
    )
    assert "LNG" not in s and "0.00" not in s
    assert "that entered: much of the gas crossing into Türkiye is in transit" in s  # 54% >= 25%
    # 4,000 / 40,000 = 10% < 25%: "part of"
    small = tr.assign(exits_mcm=[27_850.7, 4_000.0], kipi_exit_mcm=[11_743.1, 4_000.0])
    assert "10% of the 40.00 bcm that entered: part of the gas crossing" in findings.transit_finding(small, 2015)
    assert findings.transit_finding(tr, 2015).startswith("In 2015 almost no gas left Türkiye")
    assert findings.transit_finding(tr, None).startswith("No calendar year of the period is complete")


def test_production_and_buyer_findings_follow_the_data():
    wide = pd.DataFrame({en.GAS_PROD: [9.66, 34.14], en.OIL_PROD: [1037.0, 685.4]}, index=[2010, 2022])
    s = findings.production_finding(AZE_TUR, wide)
    # 34.14 / 9.66 = 3.5; 1 - 685.4 / 1037 = 34%
    assert s.startswith("Azerbaijan's gas production rose from 9.7 bcm in 2010 to 34.1 bcm in 2022, 3.5 times as much")
    assert "peaked at 1,037 thousand barrels a day in 2010 and was 34% lower in 2022, at 685" in s
    assert s.endswith("(Energy Institute): Azerbaijan's output has shifted from oil towards gas.")
    falling = pd.DataFrame({en.GAS_PROD: [2.0, 1.0], en.OIL_PROD: [np.nan, np.nan]}, index=[2000, 2020])
    f = findings.production_finding(ARM_RUS, falling)
    assert f == "Armenia's gas production fell from 2.0 bcm in 2000 to 1.0 bcm in 2020 (Energy Institute)."
    # a buyer that produces more than it uses (Russia), and one that imports (Türkiye, press figure)
    ru = pd.DataFrame({en.GAS_CONS: [470.0], en.GAS_PROD: [620.0], en.LNG_IMPORTS: [np.nan]}, index=[2020])
    assert (
        findings.buyer_finding(ARM_RUS, ru, None)
        == "Russia consumed 470.0 bcm of gas in 2020 and produced more (620.0 bcm)."
    )
    tr = pd.DataFrame({en.GAS_CONS: [51.2], en.GAS_PROD: [np.nan], en.LNG_IMPORTS: [15.1]}, index=[2022])
    b = findings.buyer_finding(AZE_TUR, tr, pd.Series([54.7], index=[2022]))
    # 54.7 / 51.2 = 107%; 15.1 / 51.2 = 29.5%
    assert (
        "puts its imports that year at 54.7 bcm, 107% of consumption: Türkiye imports practically all the gas it uses"
        in b
    )
    assert b.endswith("LNG imports equalled 29.5% of consumption (15.1 bcm).")


def test_exports_finding_upper_bound_and_direct_flows():
    exp = pd.DataFrame(
        {"mode": ["pipeline", "pipeline"], "destination": ["EU", "Rest of Europe"], "destination_iso3": [None, None],
         "volume_bcm": [11.51, 10.86], "share_pct": [51.4, 48.6], "total_bcm": [22.37, 22.37]}
    )  # fmt: skip
    surplus = pd.Series([22.0], index=[2022])
    s = findings.exports_finding(AZE_TUR, exp, surplus, pd.DataFrame({"AZE": [8_705.0]}, index=[2022]))
    assert "Azerbaijan exported 22.4 bcm by pipeline ('EU' 11.5 bcm and 'Rest of Europe' 10.9 bcm) in 2022" in s
    assert "about as much as its gas production exceeded its consumption (22.0 bcm)" in s
    assert (
        "The 10.86 bcm to 'Rest of Europe' is the nearest the matrices come to a figure for Türkiye, and only an upper bound"
        in s
    )
    assert "also holds Georgia and other countries" in s and "show 8.71 bcm entering Türkiye" in s
    rus = pd.DataFrame(
        {"mode": ["lng", "pipeline"], "destination": ["China", "China"], "destination_iso3": ["CHN", "CHN"],
         "volume_bcm": [6.11, 14.67], "share_pct": [15.0, 12.0], "total_bcm": [40.0, 120.0]}
    )  # fmt: skip
    r = findings.exports_finding(
        Params("RUS", "CHN", 2000, 2022, ()), rus, pd.Series([np.nan], index=[2022]), pd.DataFrame()
    )
    assert "Russia exported 40.0 bcm as LNG ('China' 6.1 bcm) and 120.0 bcm by pipeline ('China' 14.7 bcm)" in r
    assert "20.8 bcm of it went to China" in r and "upper bound" not in r


def test_press_and_pipeline_findings():
    sides = pd.DataFrame({"year": [2024], "supplier": ["Azerbaijan"], "importer_side_bcm": [11.48], "exporter_side_bcm": [9.9],
                          "difference_bcm": [1.58], "exporter_source": ["Timer.az"]})  # fmt: skip
    out = findings.press_findings(AZE_TUR, sides, "Azerbaijan", pd.DataFrame(columns=["difference_pp"]), pd.DataFrame())
    # 1.58 / 11.48 = 13.8%
    assert out == [
        "Importer and supplier figures differ: for Azerbaijan in 2024 the Turkish regulator records 11.48 bcm and the supplier's "
        "side 9.90 bcm (Timer.az), 1.58 bcm or 14% less. The two measure at different points and may differ in scope, so the "
        "report keeps the importer's side in every series and shows the supplier's figures apart."
    ]
    assert findings.press_findings(ARM_RUS, sides, None, pd.DataFrame(), pd.DataFrame()) == [
        "The figures on gas imports by supplier cover Türkiye only; they do not apply to Russia."
    ]
    thr = pd.DataFrame({"year": [2025], "measure": ["carried through Türkiye (BOTAŞ)"], "unit": ["million barrels"],
                        "value": [206.434], "source": ["Report.az"]})  # fmt: skip
    lines, btc = findings.pipeline_findings(
        AZE_TUR, {"BTC": 1768.0, "TANAP": 1841.0}, thr, pd.Series([438.0], index=[2025])
    )
    assert lines == (
        "Four lines carry Azerbaijan's oil and gas west; BTC, SCP and TANAP cross or end in Türkiye. Company and press pages "
        "give lengths of 1,768 km (BTC) and 1,841 km (TANAP); this project has no sourced length for SCP and TAP."
    )
    # 206.434 / 438 = 47.1%
    assert btc.startswith(
        "Oil carried by BTC through Türkiye (BOTAŞ): 206.4 million barrels in 2025 (Report.az), 47.1% of"
    )
    assert btc.endswith("the line ran at less than half its capacity.")
    assert findings.pipeline_findings(ARM_RUS, {}, thr, pd.Series(dtype=float)) == []


# ---------------------------------------------------------------------------------------------
# Chart titles: the finding first
# ---------------------------------------------------------------------------------------------


def test_comparator_title_places_the_supplier_among_those_shown():
    s = lambda v: pd.Series([v], index=[2022])  # noqa: E731
    three = [("AZE", s(34.1)), ("RUS", s(618.4)), ("IRN", s(259.3))]
    assert titles.comparators_title(three, "AZE") == (
        "Azerbaijan's gas production, 34.1 bcm in 2022, is the smallest of the 3 producers shown; Russia produced 618.4 bcm in 2022."
    )
    assert "is 2nd of the 3 producers shown" in titles.comparators_title(three, "IRN")
    assert "is the largest of the 3 producers shown; Iran produced 259.3 bcm" in titles.comparators_title(three, "RUS")
    assert titles.comparators_title([("AZE", s(34.1))], "AZE") == "Azerbaijan's gas production was 34.1 bcm in 2022."


def test_share_and_month_titles_on_two_pairs_and_one_year():
    sh, _rk = _ranked(SUP, "AZE")
    assert titles.entries_annual_title(AZE_TUR, sh, SUP, [2010, 2024]) == (
        "Azerbaijan's share of the gas entering Türkiye rose from 11.7% in 2010 to 22.2% in 2024."
    )
    assert (
        titles.entries_annual_title(ONE_YEAR, sh, SUP, [2024])
        == "Azerbaijan's share of the gas entering Türkiye was 22.2% in 2024."
    )
    assert (
        titles.entries_annual_title(GEO_TUR, sh, SUP, [2024])
        == "Russia brought the most gas into Türkiye in 2024: 21.08 bcm of 51.73 bcm."
    )
    assert titles.entries_monthly_title(GEO_TUR, None) == ""


def test_timeline_and_btc_titles():
    ev = pd.DataFrame({"lane": ["BTC", "BTC", "TANAP", "Other"], "x": [2002.5, 2006.5, 2018.5, 2024.5]})
    assert (
        titles.timeline_title(ev)
        == "4 energy milestones, 2002–2024: 2 concern BTC, more than any other line; 1 concerns no single line."
    )
    thr = pd.DataFrame(
        {
            "year": [2025],
            "measure": ["transported via BTC (as reported)"],
            "unit": ["million barrels"],
            "value": [200.0],
        }
    )
    assert (
        titles.btc_title(thr, pd.Series(dtype=float))
        == "Oil transported via BTC (as reported): 200.0 million barrels in 2025."
    )


def test_reader_text_and_rank_cells():
    assert (
        tables.reader_text("30 June 2018: commercial gas to Turkey start")
        == "30 Jun 2018: commercial gas to Türkiye start"
    )
    assert tables.reader_text("SOCAR Turkiye Enerji (7%)") == "SOCAR Turkiye Enerji (7%)"  # a company's name stays
    row = lambda r, n, t="": pd.Series({"rank": r, "n_suppliers": n, "tied_with": t})  # noqa: E731
    assert tables.rank_cell(row(1, 1)) == "only one" and tables.rank_cell(row(np.nan, 2)) == "none"
    assert tables.rank_cell(row(1, 3, "RUS")) == "joint\u00a01st\u00a0of\u00a03"


def test_none_recorded_and_single_years_are_said_as_such():
    zero = pd.Series([0.0, 0.0], index=[2015, 2016])
    items = [("ARM", "gas_production", zero, pd.Series(np.nan, index=[2015, 2016]))]
    cmp = pd.DataFrame(columns=["iso3", "indicator", "n_years"])
    assert findings.owid_finding(ARM_RUS, items, cmp) == (
        "Our World in Data records no gas production for Armenia (its last value, for 2016, is zero)."
    )
    one = SUP.loc[[2024]]
    sh, rk = _ranked(one, "AZE")
    press = pd.DataFrame({"year": [2024], "supplier": ["AZE"], "difference_pct": [0.0]})
    s = findings.route_share_finding(ONE_YEAR, one, sh, rk, [2024], press)
    assert s.endswith("the regulator's figure for Azerbaijan quoted in the press for 2024 agrees with it within 1%.")
    # a small dip in oil beside growing gas is not called a shift from oil to gas (Russia: oil 4% below its peak)
    ru = pd.DataFrame({en.GAS_PROD: [584.4, 618.4], en.OIL_PROD: [11_679.0, 11_202.0]}, index=[2019, 2022])
    assert "shifted" not in findings.production_finding(RUS_TUR, ru)
