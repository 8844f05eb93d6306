"""Tests of the bilateral.trade package (analysis of IMF DOTS mirror trade and press figures) and of notebooks/trade.ipynb.

Unit tests use small frames built here, with expected values worked out by hand in the comments.
Tests against the data use values read off the raw DOTS file with grep (quoted in comments), and are
skipped when data/processed has not been built.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from bilateral import figures
from bilateral.data import load
from bilateral.errors import ParameterError
from bilateral.paths import PROCESSED_DIR
from bilateral.trade import amounts
from bilateral.trade import compute as trd
from bilateral.trade import importance as imp
from bilateral.trade import plots as trd_plots
from bilateral.trade import press as trd_press
from bilateral.trade import tables as trd_tables
from bilateral.trade import text as trd_text


def dots(rows):
    """A trade_bilateral-like frame from (year, reporter, partner, flow, value, is_estimate) tuples."""
    df = pd.DataFrame(rows, columns=["year", "reporter_iso3", "partner_iso3", "flow", "value_usd_m", "is_estimate"])
    df["year"] = df["year"].astype("Int64")
    df["is_estimate"] = df["is_estimate"].astype("boolean")
    df["source"] = "imf_dots"
    return df


# A small world: AZE and TUR trade in 2019-2020; TUR's 2020 import figure is an IMF estimate.
SMALL = dots(
    [
        (2019, "AZE", "TUR", "exports", 100.0, False),
        (2020, "AZE", "TUR", "exports", 200.0, False),
        (2019, "TUR", "AZE", "imports", 110.0, False),
        (2020, "TUR", "AZE", "imports", 50.0, True),
        (2020, "TUR", "AZE", "exports", 90.0, False),
        (2020, "AZE", "TUR", "imports", 40.0, False),
        (2020, "AZE", "WLD", "exports", 1000.0, False),
        (2020, "AZE", "RUS", "exports", 100.0, False),
        (2020, "AZE", "WLD", "imports", 400.0, True),
        (2020, "AZE", "RUS", "imports", 80.0, False),
        (2020, "TUR", "WLD", "imports", 500.0, False),
        (2020, "WLD", "WLD", "imports", 10000.0, False),
    ]
)


# ---------------------------------------------------------------------------------------------
# Series, mirror flows, gaps
# ---------------------------------------------------------------------------------------------


def test_series_keeps_missing_years_as_missing():
    s = trd.series(SMALL, "AZE", "TUR", "exports", [2018, 2019, 2020])
    assert list(s.index) == [2018, 2019, 2020]
    assert math.isnan(s.loc[2018, "value_usd_m"])
    assert s.loc[2020, "value_usd_m"] == 200.0
    assert list(s["is_estimate"]) == [False, False, False]


def test_mirror_never_adds_and_computes_gap_and_ratio():
    m = trd.mirror(SMALL, "AZE", "TUR", [2019, 2020])
    # 2019: exporter 100, importer 110 -> gap +10, ratio 1.1; 2020: 200 and 50 -> gap -150, ratio 0.25
    assert list(m["exporter_reported_usd_m"]) == [100.0, 200.0]
    assert list(m["importer_reported_usd_m"]) == [110.0, 50.0]
    assert list(m["gap_usd_m"]) == [10.0, -150.0]
    assert m["ratio"].tolist() == pytest.approx([1.1, 0.25])
    assert list(m["importer_is_estimate"]) == [False, True]
    assert "total" not in " ".join(m.columns) and "sum" not in " ".join(m.columns)


def test_mirror_ratio_is_missing_when_exporter_reports_zero():
    df = dots([(2020, "AZE", "TUR", "exports", 0.0, False), (2020, "TUR", "AZE", "imports", 5.0, False)])
    assert math.isnan(trd.mirror(df, "AZE", "TUR", [2020]).loc[2020, "ratio"])


def test_gap_summary_by_hand():
    g = trd.gap_summary(trd.mirror(SMALL, "AZE", "TUR", [2018, 2019, 2020]))
    # both report 2019 and 2020; importer lower only in 2020 (50 < 200); ratio 0.25 < 0.5 in 2020
    assert g["n_both"] == 2
    assert g["n_importer_lower"] == 1
    assert g["n_below"] == 1 and g["first_below"] == 2020
    assert g["median_ratio"] == pytest.approx((1.1 + 0.25) / 2)
    assert g["latest_year"] == 2020 and g["latest_ratio"] == pytest.approx(0.25)
    assert g["cumulative_gap_usd_m"] == pytest.approx(10 - 150)


def test_gap_summary_without_overlap():
    g = trd.gap_summary(trd.mirror(SMALL, "TUR", "AZE", [2019]))
    assert g["n_both"] == 0 and g["latest_year"] is None and math.isnan(g["median_ratio"])
    assert "cannot be compared" in trd_text.direction_detail(g, "TUR", "AZE")


def test_gap_pattern_by_hand():
    # Review fix: the "why" paragraph quoted "since about 2011" from the compiler's note; the pattern is now computed.
    years = [2010, 2011, 2012, 2013, 2014, 2015]
    rows = [(y, "AZE", "TUR", "exports", 100.0, False) for y in years]
    # importer/exporter: 2010 3.0 (> 2), 2011 0.4, 2012 0.6 (breaks the run), 2013 0.3, 2014 0.2, 2015 0.45
    rows += [(y, "TUR", "AZE", "imports", v, False) for y, v in zip(years, [300.0, 40.0, 60.0, 30.0, 20.0, 45.0])]
    m = trd.mirror(dots(rows), "AZE", "TUR", years)
    p = trd.gap_pattern(m)
    assert (p["run_start"], p["run_end"]) == (2013, 2015)
    assert p["run_min"] == pytest.approx(0.2) and p["run_max"] == pytest.approx(0.45)
    assert p["above"] == {2010: pytest.approx(3.0)}
    assert trd_text.gap_pattern_sentence(p, "AZE", "TUR") == (
        "In the data here, Türkiye's import figure for goods from Azerbaijan was below half of Azerbaijan's export figure in "
        "every year from 2013 to 2015 (between 0.20× and 0.45× of it); in 2010 (3.0×) it was instead more than 2× the "
        "exporter's figure."
    )
    # The last year not below half: no run; nothing above 2: nothing to say.
    calm = trd.mirror(dots(rows[:6] + [(y, "TUR", "AZE", "imports", 90.0, False) for y in years]), "AZE", "TUR", years)
    assert (
        trd.gap_pattern(calm)["run_start"] is None
        and trd_text.gap_pattern_sentence(trd.gap_pattern(calm), "AZE", "TUR") == ""
    )


def test_estimate_ratios():
    m = trd.mirror(SMALL, "AZE", "TUR", [2019, 2020])
    # only 2020 has an estimate; its ratio is 50 / 200 = 0.25
    assert trd.estimate_ratios(m) == [0.25]


# ---------------------------------------------------------------------------------------------
# Coverage
# ---------------------------------------------------------------------------------------------


def test_coverage_counts_and_missing_years():
    cov = trd.coverage(SMALL, "AZE", "TUR", [2019, 2020]).set_index(["reporter", "flow"])
    # AZE exports to TUR: 2019 and 2020; AZE imports from TUR: 2020 only; TUR exports: 2020; TUR imports: both
    assert cov.loc[("AZE", "exports"), "n_years"] == 2
    assert cov.loc[("AZE", "imports"), "missing"] == [2019]
    assert cov.loc[("TUR", "imports"), "n_estimates"] == 1


def test_coverage_sentences_name_the_missing_side():
    df = dots(
        [
            (2019, "ARM", "TUR", "exports", 1.0, False),
            (2020, "ARM", "TUR", "exports", 2.0, False),
            (2019, "ARM", "TUR", "imports", 1.0, False),
            (2020, "ARM", "TUR", "imports", 2.0, False),
        ]
    )
    sentences = trd_text.coverage_sentences(trd.coverage(df, "ARM", "TUR", [2019, 2020]), 2)
    assert sentences == [
        "Türkiye reports no trade with Armenia to the IMF in this period: only Armenia's figures are shown, "
        "and Türkiye's side of each comparison is missing."
    ]
    assert trd.reporting_sides(trd.coverage(df, "ARM", "TUR", [2019, 2020])) == ["ARM"]


def test_coverage_sentences_partial():
    sentences = trd_text.coverage_sentences(trd.coverage(SMALL, "AZE", "TUR", [2019, 2020]), 2)
    # AZE lacks imports from TUR in 2019; TUR lacks exports to AZE in 2019
    assert sentences == [
        "Azerbaijan's figures are incomplete: it reports imports from Türkiye in only 1 of the 2 years (none for 2019).",
        "Türkiye's figures are incomplete: it reports exports to Azerbaijan in only 1 of the 2 years (none for 2019).",
    ]


# ---------------------------------------------------------------------------------------------
# Balance, shares, intensity, GDP
# ---------------------------------------------------------------------------------------------


def test_balance_from_each_side():
    bal = trd.balance_both_sides(SMALL, "AZE", "TUR", [2020])
    # AZE's books: 200 - 40 = 160; TUR's books: TUR imports 50 - TUR exports 90 = -40
    assert bal.loc[2020, "a_records_usd_m"] == 160.0
    assert bal.loc[2020, "b_records_usd_m"] == -40.0
    text = trd_text.balance_sentence(bal, "AZE", "TUR")
    assert "surplus of US$160.0 million" in text and "deficit of US$40.0 million" in text
    assert "disagree on which side has the surplus in 1 of the 1 years" in text


def test_shares_and_rank():
    sh = imp.shares(SMALL, "AZE", ["TUR", "RUS"], "exports", [2020])
    # 200 / 1000 = 20%; 100 / 1000 = 10%
    assert sh.set_index("partner")["share_pct"].to_dict() == pytest.approx({"TUR": 20.0, "RUS": 10.0})
    assert imp.rank_among(sh, "TUR", 2020) == (1, 2)
    assert imp.rank_among(sh, "RUS", 2020) == (2, 2)
    sh_m = imp.shares(SMALL, "AZE", ["TUR", "RUS"], "imports", [2020])
    # 40 / 400 = 10%, 80 / 400 = 20%; the world total is an estimate so both shares are flagged
    assert sh_m.set_index("partner")["share_pct"].to_dict() == pytest.approx({"TUR": 10.0, "RUS": 20.0})
    assert sh_m["is_estimate"].all()
    table = trd_tables.shares_table("AZE", sh, sh_m, 2020)
    assert table.loc[0, "Share of exports, %"] == "20.0" and table.loc[0, "Share of imports, %"] == "10.0 e"
    assert table.loc[0, "Rank in imports"] == "2 of 2"


def test_share_sentence_handles_missing_and_tiny_shares():
    # Review fix: a pair with sparse figures read "supplied n/a% of its imports" and "0.0000057%".
    df = dots(
        [
            (2015, "ARM", "AZE", "exports", 0.000085, False),
            (2015, "ARM", "WLD", "exports", 1500.0, False),
            (2015, "ARM", "WLD", "imports", 3000.0, False),
        ]
    )
    ax = imp.shares(df, "ARM", ["AZE"], "exports", [2015])
    am = imp.shares(df, "ARM", ["AZE"], "imports", [2015])
    bx = imp.shares(df, "AZE", ["ARM"], "exports", [2015])
    bm = imp.shares(df, "AZE", ["ARM"], "imports", [2015])
    text = trd_text.share_sentence("ARM", "AZE", ax, am, bx, bm)
    # 0.000085 / 1500 * 100 = 0.0000057% -> below the 0.001% floor; Armenia's imports from Azerbaijan are missing.
    assert text == (
        "In 2015, Azerbaijan took less than 0.001% of Armenia's exports (by Armenia's figures) "
        "and its imports from Azerbaijan are not reported for that year."
    )  # no comparator with a value: nothing to rank, so no "rank 1 of 1"
    assert amounts.share_pct_text(18.94) == "18.9%" and amounts.share_pct_text(0.0123) == "0.012%"
    assert amounts.share_pct_text(float("nan")) == "n/a" and amounts.share_pct_text(0.0) == "0.0%"


def test_intensity_by_hand():
    # (250 / 1000) / (500 / 10000) = 0.25 / 0.05 = 5
    assert imp.intensity(250, 1000, 500, 10000) == pytest.approx(5.0)
    assert math.isnan(imp.intensity(250, 0, 500, 10000))
    s = imp.intensity_series(SMALL, "AZE", "TUR", [2020])
    # (200 / 1000) / (500 / 10000) = 0.2 / 0.05 = 4
    assert s.loc[2020, "intensity"] == pytest.approx(4.0)
    assert s.loc[2020, "m_w_usd_m"] == 10000.0


def test_world_imports_uses_the_imf_world_row():
    assert imp.world_imports(SMALL, [2020]).loc[2020] == 10000.0


def test_intensity_table_averages_available_years():
    tab = imp.intensity_table(SMALL, "AZE", ["TUR", "RUS"], [2019, 2020])
    # TUR: only 2020 computable (4.0); RUS has no import total, so none
    row = tab.set_index("partner")
    assert row.loc["TUR", "mean_intensity"] == pytest.approx(4.0) and row.loc["TUR", "n_years"] == 1
    assert row.loc["RUS", "n_years"] == 0 and math.isnan(row.loc["RUS", "mean_intensity"])


def test_trade_to_gdp():
    macro = pd.DataFrame({"iso3": ["AZE"], "year": pd.array([2020], dtype="Int64"), "gdp_usd_m": [4800.0]})
    out = imp.trade_to_gdp(SMALL, macro, "AZE", "TUR", [2019, 2020])
    # 2020: (200 + 40) / 4800 = 5%; 2019: imports missing -> no turnover
    assert out.loc[2020, "pct_gdp"] == pytest.approx(5.0)
    assert math.isnan(out.loc[2019, "turnover_usd_m"])
    # Review fix: GDP present but never both flows in one year -> say that, not "no year gives ... its GDP".
    macro2 = pd.DataFrame(
        {"iso3": ["AZE", "TUR"], "year": pd.array([2019, 2019], dtype="Int64"), "gdp_usd_m": [4000.0, 9000.0]}
    )
    a = imp.trade_to_gdp(SMALL, macro2, "AZE", "TUR", [2019])
    b = imp.trade_to_gdp(SMALL, macro2, "TUR", "AZE", [2019])
    text = trd_text.gdp_sentence("AZE", "TUR", a, b)
    assert (
        "Azerbaijan's own figures never give both its exports to and its imports from Türkiye in the same year" in text
    )


# ---------------------------------------------------------------------------------------------
# Press figures
# ---------------------------------------------------------------------------------------------


def press_frame():
    """A trade_press-like frame (only the columns the functions read)."""
    rows = [
        # year, period, basis_iso3, metric, value_usd_m, usable, usable_reason, note, basis
        (2019, "year", "TUR", "turnover (lower bound)", 2000.0, True, None, None, "Turkey Ministry of Trade"),
        (2021, "year", "AZE", "turnover", 4600.0, True, None, None, "Azerbaijan State Customs Committee"),
        (
            2021,
            "year",
            "AZE",
            "turnover (approx.)",
            5000.0,
            False,
            "conflicts with another reported figure for the same period",
            "CONFLICT: ...",
            "Azerbaijan (KOBIA)",
        ),
        (
            2021,
            "year",
            "AZE",
            "AZE exports to TUR (as stated)",
            4700.0,
            False,
            "conflicts",
            "Do not use as exports.",
            "Azerbaijan (AZPROMO)",
        ),
        (2021, "Jan-Nov", "AZE", "turnover", 4100.0, True, None, None, "Azerbaijan State Customs Committee"),
        (2023, "year", "AZE", "AZE imports from TUR", 2300.0, True, None, None, "Azerbaijan State Customs Committee"),
        (2023, "year", "TUR", "TUR exports to AZE", 2400.0, True, None, None, "Turkey (TİM)"),
        (2024, "year", None, "turnover", 8000.0, True, None, None, "unspecified (outlet)"),
        (
            None,
            "5 years cumulative",
            "TUR",
            "TUR exports to AZE / TUR imports from AZE",
            12800.0,
            True,
            None,
            None,
            "TurkStat",
        ),
    ]
    df = pd.DataFrame(
        rows,
        columns=["year", "period", "basis_iso3", "metric", "value_usd_m", "usable", "usable_reason", "note", "basis"],
    )
    df["year"] = df["year"].astype("Int64")
    df["usable"] = df["usable"].astype("boolean")
    df["basis_iso3"] = df["basis_iso3"].astype("string")
    df["reported_by"] = "Outlet"
    df["url"] = "https://example.org/" + df.index.astype(str)
    return df


def test_press_measure():
    assert trd_press.press_measure("turnover (approx.)") == ("turnover", "", "")
    assert trd_press.press_measure("AZE exports to TUR") == ("flow", "AZE", "TUR")
    # an importer's figure is the same direction of trade
    assert trd_press.press_measure("TUR imports from AZE") == ("flow", "AZE", "TUR")
    assert trd_press.press_measure("AZE exports to TUR (as stated)") is None
    assert trd_press.press_measure("turnover / AZ exports / AZ imports") is None
    assert trd_press.press_qualifier("turnover (lower bound: 'exceeded')") == "lower bound"


def test_press_full_years_keeps_only_full_later_years():
    full = trd_press.press_full_years(press_frame())
    # kept: 2021 turnover 4600 and 5000 (conflict), 2023 both flows, 2024 turnover; dropped: 2019 (DOTS years),
    # the "do not use" row, the Jan-Nov row and the multi-year row
    assert list(full["value_usd_m"]) == [4600.0, 5000.0, 2300.0, 2400.0, 8000.0]
    assert list(full["caution"] != "") == [False, True, False, False, False]
    assert list(full["qualifier"]) == ["", "approx.", "", "", ""]
    assert full.loc[2, ["exporter", "importer", "side"]].tolist() == ["TUR", "AZE", "AZE"]


def test_press_side_by_side_lists_without_averaging():
    table = trd_tables.press_side_by_side(trd_press.press_full_years(press_frame()), "AZE", "TUR")
    assert list(table.columns) == ["Year", "Measure", "Azerbaijan's side", "Türkiye's side", "side not stated"]
    rows = table.set_index(["Year", "Measure"])
    assert rows.loc[(2021, "Turnover"), "Azerbaijan's side"] == "4,600 / ≈5,000 †"
    assert rows.loc[(2023, "Türkiye → Azerbaijan"), "Türkiye's side"] == "2,400"
    assert rows.loc[(2024, "Turnover"), "side not stated"] == "8,000"
    both = trd_press.press_both_sides(trd_press.press_full_years(press_frame()))
    assert sorted(both["value_usd_m"]) == [2300.0, 2400.0]


def test_press_partial_and_sentence():
    assert list(trd_press.press_partial_years(press_frame())["value_usd_m"]) == [4100.0]
    text = trd_text.press_sentence(trd_press.press_full_years(press_frame()), "AZE", "TUR")
    # AZE side: 2021 has 4600 (usable) and 5000 (conflict, left out); side not stated: 8000 in 2024
    assert (
        "turnover in the press figures: Azerbaijan's side, US$4.6 billion for 2021; side not stated, US$8.0 billion for 2024 ("
        in text
    )
    assert amounts.money_range([5800, 5842, 6000]) == "US$5.8–6.0 billion"


# ---------------------------------------------------------------------------------------------
# Parameters and formatting
# ---------------------------------------------------------------------------------------------


def test_recent_window():
    assert trd.recent_window(2020, 5, 1992) == range(2016, 2021)
    assert trd.recent_window(2020, 50, 1992) == range(1992, 2021)
    with pytest.raises(ParameterError):
        trd.recent_window(2020, 0, 1992)


def test_number_formats():
    assert amounts.adaptive(18.94) == "18.9"
    assert amounts.adaptive(0.0123) == "0.012"
    assert amounts.adaptive(0.0) == "0.0"
    assert amounts.adaptive(float("nan")) == "n/a"
    assert trd_tables.flagged([5.46, 2.0, np.nan], [True, False, False]) == ["5.5 e", "2.0", "–"]
    assert amounts.money(2597.9) == "US$2.6 billion"
    assert amounts.money(0.0021) == "US$2 thousand"


def test_trade_charts_take_the_suite_colours():
    # the trade module's own colour helper is gone: its charts use figures.country_colours
    m = trd.mirror(SMALL, "AZE", "TUR", [2019, 2020])
    fig = trd_plots.plot_mirror(m, "AZE", "TUR")
    assert [line.get_color() for line in fig.axes[0].get_lines()] == ["#0072B2", "#D55E00"]
    plt.close(fig)
    colours = figures.country_colours(["TUR", "RUS", "ITA", "ISR", "GEO", "CHN", "DEU", "AZE", "IRN"])
    assert len(set(colours.values())) == 9
    assert colours["TUR"] == "#D55E00" and colours["AZE"] == "#0072B2"
    # two states without a house colour still get different colours
    a, b = figures.country_colours(["KAZ", "AZE"]).values()
    assert a != b


# ---------------------------------------------------------------------------------------------
# Against the processed data (values read off the raw DOTS file with grep)
# ---------------------------------------------------------------------------------------------


def _tables_built() -> bool:
    """True when every table the trade report reads is in data/processed (under its declared file name)."""
    from bilateral.pipeline import all_tables

    tables = all_tables()
    return all(
        (PROCESSED_DIR / tables[name].filename).exists()
        for name in ("trade_bilateral", "trade_press", "trade_composition_press", "macro")
    )


needs_data = pytest.mark.skipif(not _tables_built(), reason="data/processed lacks the trade tables (run `make data`)")


@needs_data
def test_mirror_2020_matches_raw():
    df = load("trade_bilateral")
    m = trd.mirror(df, "AZE", "TUR", [2020])
    # grep '^"Azerbaijan, Rep. of",AZE,exports_fob,Turkey' -> 2020,2597.9026
    # grep '^Turkey,TUR,imports_cif,"Azerbaijan, Rep. of"' -> 2020,410.710278
    assert m.loc[2020, "exporter_reported_usd_m"] == pytest.approx(2597.9026)
    assert m.loc[2020, "importer_reported_usd_m"] == pytest.approx(410.710278)
    # awk: (2597.9026/13740.8175)/(219516.806838/17523548.691636402) = 15.092618
    assert imp.intensity_series(df, "AZE", "TUR", [2020]).loc[2020, "intensity"] == pytest.approx(15.092618, abs=1e-5)
    # bc: 2597.9026/13740.8175*100 = 18.9064
    assert imp.share_of(imp.shares(df, "AZE", ["TUR"], "exports", [2020]), "TUR", 2020) == pytest.approx(
        18.9064, abs=1e-3
    )


# ---------------------------------------------------------------------------------------------
# The notebook
# ---------------------------------------------------------------------------------------------


def _outputs_clean(nb) -> None:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "stream", (
                f"unexpected stream output (print or warning): {out.get('text', '')[:200]}"
            )
            assert out.get("output_type") != "error"


@pytest.mark.notebook
@needs_data
def test_notebook_default_pair(tmp_path):
    from conftest import execute_notebook, notebook_text

    nb = execute_notebook("trade", tmp_path)
    _outputs_clean(nb)
    text = notebook_text(nb)
    # raw: AZE exports to TUR 2020 = 2597.9026 -> US$2.6 billion; TUR imports from AZE = 410.710278 -> US$410.7 million
    # 410.710278 / 2597.9026 = 0.158 -> 0.16x
    assert (
        "in 2020, Türkiye recorded imports from Azerbaijan of US$410.7 million, 0.16× the US$2.6 billion Azerbaijan "
        "recorded as exports to Türkiye" in text
    )
    # Figure 1's caption opens with that finding (captions are HTML, their apostrophes escaped)
    assert (
        "records show far less trade from Azerbaijan than Azerbaijan&#x27;s: US$410.7 million against US$2.6 billion "
        "in 2020" in text
    )
    # balance: AZE 2597.9026 - 1562.9705 = 1034.9 (surplus US$1.0 billion); TUR 410.710278 - 2085.340263 = -1674.6
    assert (
        "by Azerbaijan's figures Azerbaijan had a surplus of US$1.0 billion with Türkiye; by Türkiye's figures Azerbaijan had a deficit of US$1.7 billion"
        in text
    )
    # shares 2020: 2597.9026/13740.8175 = 18.9%; 1562.9705/10746.2296 = 14.5%; 2085.340263/169637.75531 = 1.2%
    assert "Türkiye took 18.9% of Azerbaijan's exports" in text and "supplied 14.5% of its imports" in text
    assert "Azerbaijan took 1.2% of Türkiye's exports" in text
    # Audit: the 1992 ratio (48%) rests on WDI's GDP of US$446.3 million (8,792.4 in 1991, 1,570.0 in 1993): flagged
    assert (
        "rests on a GDP of US$446.3 million that year in the World Bank data, against US$8.8 billion in 1991 and US$1.6 billion in 1993"
        in text
    )
    assert "likely currency-conversion artefact" in text and "ratio is highest in 1992" not in text
    # awk: (2597.9026 + 1562.9705) / 42693.0 (WDI GDP 2020, US$ m) * 100 = 9.746; (2085.340263 + 410.710278) / 719955 * 100 = 0.347
    assert "Azerbaijan's trade with Türkiye (its own figures, exports plus imports) equalled 9.75% of its GDP" in text
    assert "Türkiye's trade with Azerbaijan (its own figures, exports plus imports) equalled 0.35% of its GDP" in text
    # Türkiye's DOTS rows for Azerbaijan start in 1993 (grep: no 1992 line)
    assert "(none for 1992)" in text
    # press table: AZ side 2022 = 5.8, 5.842, 6.0 (approx.) bn; TR side 2024 = 8.0 bn (Yılmaz; Bolat's flagged CONFLICT)
    assert "Azerbaijan's side, US$5.8–6.0 billion for 2022 (3 figures); Türkiye's side, US$8.0 billion for 2024" in text
    assert "Vestnik Kavkaza" in text
    # the press table's "Turkey Ministry of Trade" reads as readers know it
    assert "Türkiye's Ministry of Trade (via AzerNews)" in text and "Turkey Ministry" not in text
    assert "names energy flows as the *likely* cause" in text
    # Computed from the raw ratios (TUR imports / AZE exports): 2014 0.96; 2015..2020 0.24, 0.28 (328.0/1185.7 = 0.277),
    # 0.28, 0.22, 0.14 (411.0/2862.7 = 0.144), 0.16; 2009 752.8/107.6 = 7.0, 2010 865.1/170.9 = 5.1.
    assert (
        "below half of Azerbaijan's export figure in every year from 2015 to 2020 (between 0.14× and 0.28× of it); "
        "in 2009 (7.0×) and 2010 (5.1×) it was instead more than 2× the exporter's figure"
    ) in text
    assert "since about 2011" not in text.split("Caveats recorded")[0]  # the typed date is gone from the narrative
    assert "The IMF's own notes on DOTS" in text


@pytest.mark.notebook
@needs_data
def test_notebook_pair_with_missing_side(tmp_path):
    from conftest import execute_notebook, notebook_text

    nb = execute_notebook("trade", tmp_path, country_a="ARM", country_b="TUR", comparators=["RUS", "GEO", "IRN", "CHN"])
    _outputs_clean(nb)
    text = notebook_text(nb)
    # raw: Türkiye reports exports to Armenia in 14 and imports from Armenia in 17 of the years 1992-2020
    # (grep '^Turkey,TUR,exports_fob,"Armenia, Rep. of"' | awk '$year in 1992..2020' | wc -l)
    assert (
        "Türkiye's figures are incomplete: it reports exports to Armenia in only 14 of the 29 years and imports from Armenia in only 17 of the 29 years."
        in text
    )
    assert "The press figures collected here cover only Azerbaijan–Türkiye trade" in text
    assert "energy flows as the" not in text


@pytest.mark.notebook
@needs_data
def test_notebook_pair_with_sparse_figures(tmp_path):
    from conftest import execute_notebook, notebook_text

    nb = execute_notebook(
        "trade", tmp_path, country_a="ARM", country_b="AZE", comparators=["RUS", "GEO"], comparators_b=["RUS", "GEO"]
    )
    _outputs_clean(nb)
    text = notebook_text(nb)
    # raw: Armenia reports exports to Azerbaijan only for 1993, 2005, 2015 (2015: 8.5e-05 US$ m) and imports only for
    # 1997, 1998, 2011, 2012, 2014; Azerbaijan reports nothing for Armenia.
    assert "Azerbaijan reports no trade with Armenia to the IMF in this period" in text
    assert "Azerbaijan took less than 0.001% of Armenia's exports" in text
    assert "its imports from Azerbaijan are not reported for that year" in text
    assert "n/a%" not in text
    assert "never give both its exports to and its imports from Azerbaijan in the same year" in text


@pytest.mark.notebook
@needs_data
def test_notebook_marks_imf_estimates(tmp_path):
    from conftest import execute_notebook, notebook_text

    nb = execute_notebook(
        "trade",
        tmp_path,
        country_a="GEO",
        country_b="TUR",
        comparators=["RUS", "AZE", "ARM", "CHN"],
        comparators_b=["AZE", "IRN", "RUS"],
    )
    _outputs_clean(nb)
    text = notebook_text(nb)
    # raw: Georgia,GEO,exports_fob,Turkey,TUR,1998,82.73,e
    assert "<td>82.7 e</td>" in text
    assert "Hollow markers: values the IMF marks as estimates" in text


@pytest.mark.notebook
def test_notebook_refuses_bad_comparators_b(tmp_path):
    import papermill

    from conftest import execute_notebook

    with pytest.raises(papermill.PapermillExecutionError, match=r"comparators_b\[0\]='Georgia'"):
        execute_notebook("trade", tmp_path, comparators_b=["Georgia"])


def test_gdp_artefacts_and_the_1992_peak():
    # WDI (wdi_gdp_2022 raw file): Azerbaijan GDP 1991 8,792.4, 1992 446.3, 1993 1,570.0 US$ million: 1992 is
    # more than 3x below both neighbours; a smooth series and an edge year are not flagged.
    gdp = pd.Series({1991: 8792.365811, 1992: 446.305556, 1993: 1570.0, 1994: 1193.312102})
    assert imp.gdp_artefacts(gdp) == [1992]
    assert imp.gdp_artefacts(pd.Series({2000: 10.0, 2001: 12.0, 2002: 11.0})) == []
    assert imp.gdp_artefacts(pd.Series({2000: 1.0, 2001: 10.0})) == []
    # Turnover 214.3 in 1992 and 100 in 2000 against those GDPs: the 1992 ratio (48.0%) is flagged, not called a peak.
    frame = pd.DataFrame(
        {"gdp_usd_m": [8792.365811, 446.305556, 1570.0, 1000.0], "turnover_usd_m": [100.0, 214.3, 30.0, 50.0]},
        index=[1991, 1992, 1993, 1994],
    )
    frame["pct_gdp"] = 100 * frame["turnover_usd_m"] / frame["gdp_usd_m"]
    text = trd_text.gdp_peak_sentence("AZE", frame)
    assert (
        text.startswith("Azerbaijan's highest ratio, 48.0") and "rests on a GDP of US$446.3 million that year" in text
    )
    assert "against US$8.8 billion in 1991 and US$1.6 billion in 1993: a likely currency-conversion artefact" in text
    # 50 / 1000 = 5% in 1994 beats 100 / 8792 = 1.1% and 30 / 1570 = 1.9%
    assert "leaving 1992 aside, the ratio is highest in 1994, at 5" in text
    assert "is highest in 1992" not in text
    # A period starting in 1992 still sees 1991 through the whole GDP series.
    late = frame.loc[1992:]
    assert "is highest in 1992" in trd_text.gdp_peak_sentence(
        "AZE", late
    )  # without the year before, nothing to compare
    assert "likely currency-conversion artefact" in trd_text.gdp_peak_sentence("AZE", late, frame["gdp_usd_m"])


@pytest.mark.notebook
def test_notebook_leaves_out_comparators_that_are_the_pair(tmp_path):
    """The default comparators include Georgia: for GEO–TUR it is left out, and the report says so."""
    from conftest import execute_notebook, notebook_text

    text = notebook_text(execute_notebook("trade", tmp_path, country_a="GEO", start_year=2000))
    assert (
        "Georgia is one of the two states this report is about, so it is left out of the states they are compared with."
        in text
    )
    assert "Traceback" not in text


def test_intensity_sentence_explains_the_index_only_when_asked():
    ab = pd.DataFrame({"intensity": [2.0, 4.0]}, index=[2019, 2020])
    ba = pd.DataFrame({"intensity": [1.0, 1.0]}, index=[2019, 2020])
    full = trd_text.intensity_sentence("AZE", "TUR", ab, ba, range(2019, 2021))
    short = trd_text.intensity_sentence("AZE", "TUR", ab, ba, range(2019, 2021), explain=False)
    assert full.startswith(short) and full.count("An index of 1 means") == 1 and "An index of 1" not in short
