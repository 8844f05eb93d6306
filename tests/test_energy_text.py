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
from bilateral.energy import captions, notes, tables
from bilateral.energy import compute as en
from bilateral.energy import text as en_text
from bilateral.params import Params

AZE_TUR = Params("AZE", "TUR", 1990, 2025, ("RUS", "IRN"))
ARM_RUS = Params("ARM", "RUS", 2000, 2020, ("GEO",))
GEO_TUR = Params("GEO", "TUR", 2015, 2024, ())
RUS_TUR = Params("RUS", "TUR", 2015, 2024, ("AZE",))
ONE_YEAR = Params("AZE", "TUR", 2024, 2024, ())

REEXPORTED = ("compute", "owid", "press", "pipelines", "text", "plots", "maps")
SUBMODULES = (*REEXPORTED, "captions", "notes", "tables")


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


def test_findings_apply_only_where_the_data_do():
    empty = pd.DataFrame()
    # a one-year period after the Energy Institute series: no EI finding at all
    assert en_text.ei_findings(ONE_YEAR, empty, empty, empty, pd.Series(dtype=float), None, []) == []
    # the IEA and press findings concern Türkiye as the buyer only
    assert en_text.route_findings(ARM_RUS, empty, empty, None, None, empty, None, iea_years=[2015]) == []
    assert en_text.sides_findings(ARM_RUS, empty, None) == [
        "The figures on gas imports by supplier cover Türkiye only; they do not apply to Russia."
    ]
    assert en_text.sides_findings(GEO_TUR, empty, None) == [
        "The press table of Türkiye's gas imports names no supplier Georgia."
    ]
    (none,) = en_text.route_findings(GEO_TUR, empty, empty, None, None, empty, None, iea_years=[2024])
    assert "none carries gas from Georgia, so its share of Türkiye's imports is not covered" in none
    assert en_text.pipeline_findings(ARM_RUS, {"BTC": 1768.0}, empty, pd.Series(dtype=float)) == []
    assert en_text.coverage_finding([]) == ""
    assert en_text.coverage_finding(["TKM"]).startswith(
        "The Energy Institute extract used here does not list Turkmenistan"
    )


def test_sides_finding_names_the_largest_difference():
    sides = pd.DataFrame(
        {
            "year": [2023, 2024],
            "supplier": ["Azerbaijan", "Azerbaijan"],
            "importer_side_bcm": [10.257, 11.478],
            "exporter_side_bcm": [9.5, 9.9],
            "difference_bcm": [0.757, 1.578],
            "exporter_source": ["Trend", "Timer.az"],
        }
    )
    (s,) = en_text.sides_findings(AZE_TUR, sides, "Azerbaijan")
    # 11.478 - 9.9 = 1.578 > 0.757: 2024
    assert (
        "for Azerbaijan in 2024 the Turkish regulator's 11.48 bcm compares with 9.90 bcm from the supplier's side (Timer.az)"
        in s
    )


def test_bullets_leave_out_empty_findings():
    assert en_text.bullets(["One.", "", "Two."]) == "- One.\n- Two."


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
        "**Azerbaijan to Türkiye in 2022 (EI trade matrices):** by pipeline: 10.86 bcm (an upper bound); by LNG: no figure"
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
    assert (
        t.at[0, "Azerbaijan, share of entries (%)"] == "22.2"
        and t.at[0, "Azerbaijan's rank"] == "2nd of 3 pipeline suppliers"
    )
    assert list(tables.entries(GEO_TUR, cov, sup, sh, None).columns)[-1] == "Total entries (bcm)"


def test_entries_annual_caption_names_partial_years_and_gaps():
    cov = pd.DataFrame({"months_in_data": [3, 12, 5], "comparable": [True, False, True]}, index=[2008, 2009, 2025])
    c = captions.entries_annual(cov, [2008, 2009, 2025])
    assert "calendar years 2008–2025" in c
    assert "Hatched: part of a year only (2008 (3 months) and 2025 (5 months))." in c
    assert "No bar for 2009: some entry route has unreported months." in c
    one = captions.entries_annual(cov.loc[[2025]], [2025])
    assert "calendar years 2025," in one and "No bar" not in one


def test_production_caption_and_table():
    assert captions.production(ARM_RUS, "2000–2020").startswith(
        "Armenia: oil and gas production and consumption, 2000–2020."
    )
    wide = pd.DataFrame({en.OIL_PROD: [254.0, np.nan], en.OIL_CONS: [166.0, 120.0], en.GAS_PROD: [9.66, 5.2],
                         en.GAS_CONS: [15.43, 5.3]}, index=[1990, 1991])  # fmt: skip
    data = tables.production_data(
        wide, en.surplus(wide, en.OIL_PROD, en.OIL_CONS), en.surplus(wide, en.GAS_PROD, en.GAS_CONS)
    )
    shown = tables.production(data)
    assert shown.iloc[0].tolist() == [1990, "254", "166", "88", "9.7", "15.4", "-5.8"]
    assert shown.iloc[1].tolist()[1:4] == ["–", "120", "–"]  # a gap stays a gap


def test_btc_alt_with_one_unit_only():
    thr = pd.DataFrame({"year": [2024, 2025], "measure": ["x", "x"], "unit": ["million barrels"] * 2,
                        "value": [200.0, 206.434], "source": ["a", "b"]})  # fmt: skip
    alt = captions.btc_alt(thr, pd.Series([438.0], index=[2025]))
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
