"""Tests of the bilateral.energy package (compute, owid, press, pipelines, text, maps) and bilateral.gas_routes: pure functions on hand-made frames, checks against the raw files, and
the energy notebook executed with the default pair and with Russia–China.

Expected values are worked out by hand (the arithmetic is in the comment beside each) or read from
the raw CSVs with awk, never copied from the module's output.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from bilateral import fmt
from bilateral.data import load
from bilateral.energy import compute as en
from bilateral.energy import maps as en_maps
from bilateral.energy import owid as en_owid
from bilateral.energy import pipelines as en_pipes
from bilateral.energy import press as en_press
from bilateral.energy import text as en_text
from bilateral.paths import PROCESSED_DIR

# ---------------------------------------------------------------------------------------------
# Hand-made frames
# ---------------------------------------------------------------------------------------------


def _series(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "indicator", "value"])


def _trade(rows):
    """rows: (mode, exporter, importer, exporter_iso3, importer_iso3, volume)."""
    df = pd.DataFrame(rows, columns=["mode", "exporter", "importer", "exporter_iso3", "importer_iso3", "volume_bcm"])
    return df.astype({"exporter_iso3": "string", "importer_iso3": "string"})


def _imports(rows):
    """rows: (year, supplier, iso3, side, scope, quantity, volume, share, unit, reported_by, use)."""
    cols = ["year", "supplier", "supplier_iso3", "side", "importer_scope", "quantity", "volume_bcm", "share_pct",
            "unit_as_reported", "reported_by", "use_in_series"]  # fmt: skip
    return pd.DataFrame(rows, columns=cols)


IMPORTS = _imports(
    [
        (
            2023,
            "Azerbaijan",
            "AZE",
            "importer",
            "all importers",
            "volume",
            10.257,
            20.32,
            "bcm",
            "ABC.AZ citing EPDK",
            True,
        ),
        (2023, "Azerbaijan", "AZE", "exporter", "all importers", "volume", 9.5, np.nan, "bcm", "Trend", False),
        (2023, "Total", None, "importer", "all importers", "volume", 50.48, np.nan, "bcm", "EPDK", True),
        (
            2024,
            "Azerbaijan",
            "AZE",
            "importer",
            "all importers",
            "volume",
            11.478,
            np.nan,
            "bcm (Sm3)",
            "Cumhuriyet citing EPDK",
            True,
        ),
        (2024, "Azerbaijan", "AZE", "exporter", "all importers", "volume", 9.9, np.nan, "bcm", "Timer.az", False),
        (
            2024,
            "Azerbaijan",
            "AZE",
            "importer",
            "all importers",
            "share",
            np.nan,
            21.0,
            "% of total imports",
            "Aydın Ses",
            False,
        ),
        (2024, "Total", None, "importer", "all importers", "volume", 52.18, np.nan, "bcm", "Aydın Ses", True),
        (2022, "Total", None, "importer", "BOTAŞ only", "volume", 40.0, np.nan, "bcm", "BOTAŞ", False),
        (2021, "Russia", "RUS", "exporter", "all importers", "volume", 26.3, np.nan, "bcm", "Exchange-Turkey", False),
    ]
)


# ---------------------------------------------------------------------------------------------
# Energy Institute series
# ---------------------------------------------------------------------------------------------


def test_ei_wide_blanks_soviet_zeros_and_keeps_gaps():
    s = _series(
        [
            ("AZE", 1984, "gas_production_bcm", 0.0),  # inside the USSR: not a real zero
            ("AZE", 1985, "gas_production_bcm", 14.0),
            ("TUR", 1984, "gas_production_bcm", 0.0),  # not a Soviet republic: a zero stays a zero
        ]
    )
    a = en.ei_wide(s, "AZE", ["gas_production_bcm"], [1984, 1985, 1986])
    assert math.isnan(a.at[1984, "gas_production_bcm"])
    assert a.at[1985, "gas_production_bcm"] == 14.0
    assert math.isnan(a.at[1986, "gas_production_bcm"])  # no row: a gap, not filled
    t = en.ei_wide(s, "TUR", ["gas_production_bcm"], [1984])
    assert t.at[1984, "gas_production_bcm"] == 0.0


def test_ei_years_clip_to_ei_coverage():
    assert en.ei_years(1990, 2024)[-1] == 2022
    assert en.ei_years(1980, 1986) == [1985, 1986]
    assert en.ei_years(2023, 2024) == []


def test_surplus_peak_share():
    w = pd.DataFrame({"p": [34.0, 20.0, np.nan], "c": [12.0, 25.0, 3.0]}, index=[2022, 2021, 2020])
    s = en.surplus(w, "p", "c")
    assert s[2022] == 22.0 and s[2021] == -5.0 and math.isnan(s[2020])  # 34-12, 20-25, missing
    assert en.peak(pd.Series([5.0, 9.0, 9.0, 1.0], index=[2000, 2001, 2002, 2003])) == (2001, 9.0)  # first of the ties
    assert en.share_pct(pd.Series([15.0]), pd.Series([60.0])).iloc[0] == 25.0  # 100 * 15 / 60


def test_every_n_years_keeps_first_and_last():
    f = pd.DataFrame({"x": range(12)}, index=range(1991, 2003))
    assert list(en.every_n_years(f, 5).index) == [1991, 1995, 2000, 2002]


# ---------------------------------------------------------------------------------------------
# Trade matrices
# ---------------------------------------------------------------------------------------------

TRADE = _trade(
    [
        ("pipeline", "Azerbaijan", "EU", "AZE", None, 3.0),
        ("pipeline", "Azerbaijan", "Rest of Europe", "AZE", None, 2.0),
        ("pipeline", "Azerbaijan", "Europe", "AZE", None, 5.0),  # region = EU + Rest of Europe
        ("pipeline", "Azerbaijan", "Georgia", "AZE", "GEO", 0.0),  # zero: not listed
        ("pipeline", "Azerbaijan", "Total exports", "AZE", None, 5.0),
        ("pipeline", "Russia", "China", "RUS", "CHN", 14.0),
        ("pipeline", "Russia", "Total exports", "RUS", None, 14.0),
        ("pipeline", "Total imports", "China", None, "CHN", 56.0),
        ("lng", "Russia", "China", "RUS", "CHN", 6.0),
        ("lng", "Russia", "Turkey", "RUS", "TUR", 1.0),
        ("lng", "Russia", "Total exports", "RUS", None, 7.0),
        ("lng", "Total imports", "China", None, "CHN", 90.0),
    ]
)


def test_exports_2022_leaves_and_shares():
    x = en.exports_2022(TRADE, "AZE")
    # leaves EU 3 and Rest of Europe 2 (Europe is their sum, the zero row is dropped): shares 3/5, 2/5
    assert list(x["destination"]) == ["EU", "Rest of Europe"]
    assert x["share_pct"].round(6).tolist() == [60.0, 40.0]
    assert (x["total_bcm"] == 5.0).all()
    assert en.leaves_check(TRADE, "Azerbaijan", "pipeline") == 0.0  # 3 + 2 + 0 - 5
    assert en.exports_2022(TRADE, "IRN").empty


def test_imports_2022_shares_of_total_imports():
    m = en.imports_2022(TRADE, "CHN")
    pipe = m[m["mode"] == "pipeline"].iloc[0]
    assert pipe["origin"] == "Russia" and pipe["share_pct"] == pytest.approx(25.0)  # 14 / 56
    lng = m[m["mode"] == "lng"].iloc[0]
    assert lng["share_pct"] == pytest.approx(100 * 6 / 90)


def test_bilateral_2022_uses_the_group_for_turkiye():
    b = en.bilateral_2022(TRADE, "AZE", "TUR").set_index("mode")
    assert b.at["pipeline", "volume_bcm"] == 2.0 and b.at["pipeline", "label"] == "Rest of Europe"
    assert "includes it" in b.at["pipeline", "note"]
    assert math.isnan(b.at["lng", "volume_bcm"]) and "not an exporter" in b.at["lng", "note"]
    rc = en.bilateral_2022(TRADE, "RUS", "CHN").set_index("mode")
    assert rc.at["pipeline", "volume_bcm"] == 14.0 and rc.at["lng", "volume_bcm"] == 6.0
    rd = en.bilateral_2022(TRADE, "RUS", "DEU").set_index("mode")
    assert rd["volume_bcm"].isna().all() and "no row of its own" in rd.at["lng", "note"]


# ---------------------------------------------------------------------------------------------
# Türkiye's imports by supplier
# ---------------------------------------------------------------------------------------------


def test_volume_wide_keeps_gaps_and_only_series_rows():
    w = en_press.volume_wide(IMPORTS, ["Azerbaijan", "Total"], [2022, 2023, 2024])
    assert math.isnan(w.at[2022, "Azerbaijan"]) and math.isnan(
        w.at[2022, "Total"]
    )  # BOTAŞ-only total is not in the series
    assert w.at[2023, "Azerbaijan"] == 10.257 and w.at[2024, "Azerbaijan"] == 11.478  # importer side, not 9.5 / 9.9
    sh = en_press.computed_shares(w)
    assert sh.at[2024, "Azerbaijan"] == pytest.approx(100 * 11.478 / 52.18)  # = 21.996...%
    assert math.isnan(sh.at[2022, "Azerbaijan"])


def test_series_rows_refuses_duplicates_and_exporter_rows():
    dup = pd.concat([IMPORTS, IMPORTS.iloc[[0]]])
    with pytest.raises(ValueError, match="two series rows"):
        en_press.series_rows(dup)
    bad = IMPORTS.copy()
    bad.loc[8, "use_in_series"] = True  # an exporter-side row (Russia 2021) flagged for the series
    with pytest.raises(ValueError, match="not an importer-side volume"):
        en_press.series_rows(bad)


def test_reported_shares_and_sm3_years():
    r = en_press.reported_shares(IMPORTS, ["Azerbaijan"], [2023, 2024])
    assert r.at[2023, "Azerbaijan"] == 20.32 and r.at[2024, "Azerbaijan"] == 21.0
    assert en_press.sm3_years(IMPORTS) == [2024]


def test_exporter_vs_importer_difference():
    d = en_press.exporter_vs_importer(IMPORTS, ["Azerbaijan", "Russia"], range(2020, 2025))
    az = d[d["supplier"] == "Azerbaijan"].set_index("year")
    assert az.at[2024, "difference_bcm"] == pytest.approx(1.578)  # 11.478 - 9.9
    assert az.at[2023, "difference_bcm"] == pytest.approx(0.757)  # 10.257 - 9.5
    ru = d[d["supplier"] == "Russia"].iloc[0]
    assert ru["year"] == 2021 and math.isnan(ru["importer_side_bcm"])  # no importer figure: left empty


def test_press_years_limit_to_table_span():
    assert en_press.press_years(IMPORTS, 1990, 2024) == [2021, 2022, 2023, 2024]
    assert en_press.press_years(IMPORTS, 1990, 2000) == []


def test_eurostat_crosscheck_compares_shares_without_conversion():
    eu = pd.DataFrame(
        {
            "year": [2020, 2020, 2020],
            "siec": ["Natural gas", "Natural gas", "Liquefied natural gas"],
            "partner": ["Total", "Russia", "Total"],
            "value_tj_gcv": [1_800_000.0, 600_000.0, 540_000.0],
        }
    )
    press = pd.DataFrame({"Russia": [16.0], en.LNG_LABEL: [np.nan], en.TOTAL_LABEL: [48.0]}, index=[2020])
    c = en_press.eurostat_crosscheck(eu, press, [2019, 2020])
    assert list(c.index) == [2020]  # 2019 has no Eurostat figure
    row = c.loc[2020]
    assert row["eurostat_partner_share_pct"] == pytest.approx(100 / 3)  # 600,000 / 1,800,000
    assert row["press_partner_share_pct"] == pytest.approx(100 / 3)  # 16 / 48
    assert row["eurostat_lng_share_pct"] == pytest.approx(30.0)  # 540,000 / 1,800,000
    assert row["implied_tj_per_bcm"] == pytest.approx(37_500.0)  # 1,800,000 / 48


# ---------------------------------------------------------------------------------------------
# Pipelines
# ---------------------------------------------------------------------------------------------


def _facts(rows):
    cols = [
        "pipeline",
        "pipeline_name",
        "attribute",
        "value",
        "unit",
        "qualifier",
        "reference_year",
        "period_kind",
        "source",
        "quote",
    ]
    return pd.DataFrame(rows, columns=cols)


FACTS = _facts(
    [
        ("BTC", "BTC line", "length", 1768.0, "km", None, None, None, "bp", "1768km in total length"),
        ("BTC", "BTC line", "capacity", 1.0, "million barrels/day", "Mar 2006-Mar 2009", None, None, "bp", "x"),
        ("BTC", "BTC line", "capacity", 1.2, "million barrels/day", "since Mar 2009", None, None, "bp", "x"),
        ("BTC", "BTC line", "operational", 2006.0, "year", "June 2006", None, None, "bp", "built by BTC Co operated by BP."),
        ("BTC", "BTC line", "throughput 2019", 233.1, "million barrels", None, 2019, "calendar year", "Today.az", "x"),
        ("BTC", "BTC line", "throughput 2016", 33.93, "million tonnes", None, 2016, "calendar year", "AzerNews", "x"),
        ("BTC", "BTC line", "throughput Jan-Sep 2020", 161.9, "million barrels", None, 2020, "partial year", "Today.az", "x"),
        ("BTC", "BTC line", "cumulative by 2021-12-12", 500.0, "million tonnes", None, 2021, "cumulative", "Today.az", "x"),
        ("BTC", "BTC line", "throughput 2022 (Turkish section, BOTAŞ)", 225.445, "million barrels", None, 2022, "calendar year", "APA", "x"),
        ("TANAP", "TANAP line", "shareholders", np.nan, "%", None, None, None, "AzerNews",
         "The shareholders of the TANAP project are: SOCAR (51 percent), BOTAS (30 percent)."),
        ("SCP", "SCP line", "first gas into BOTAŞ system", 2007.0, "year", "3 July 2007", None, None, "bp", "x"),
    ]
)  # fmt: skip


def test_pipeline_summary_reads_facts_and_says_what_is_missing():
    rows = {r["Pipeline"]: r for _, r in en_pipes.pipeline_summary(FACTS).iterrows()}
    assert rows["BTC line"]["Length (km)"] == "1,768"
    assert rows["BTC line"]["Operator or shareholders"] == "operated by BP"
    assert (
        rows["BTC line"]["Capacity"]
        == "1.0 million barrels/day (Mar 2006-Mar 2009); 1.2 million barrels/day (since Mar 2009)"
    )
    assert rows["BTC line"]["First flow"] == "June 2006: operational"
    assert rows["TANAP line"]["Operator or shareholders"] == "shareholders: SOCAR (51%), BOTAS (30%)"
    assert rows["SCP line"]["Length (km)"] == "not in the data"
    assert rows["SCP line"]["First flow"] == "3 July 2007: first gas into BOTAŞ system"
    assert len(rows) == 3


def test_btc_throughput_keeps_units_and_drops_partial_years():
    t = en_pipes.btc_throughput(FACTS, range(2010, 2025))
    assert sorted(t["year"]) == [2016, 2019, 2022]  # partial 2020 and cumulative 2021 left out
    assert set(t["unit"]) == {"million barrels", "million tonnes"}
    assert t.set_index("year").at[2022, "measure"] == "carried through Türkiye (BOTAŞ)"


def test_capacity_per_year():
    per = en_pipes.capacity_periods(FACTS)
    assert per == [((2006, 3), (2009, 3), 1.0, "million barrels/day"), ((2009, 3), None, 1.2, "million barrels/day")]
    cap = en_pipes.annual_capacity_mbbl(per, [2008, 2009, 2011, 2012])
    assert cap[2008] == pytest.approx(366.0)  # 1.0 x 366 (leap year)
    assert math.isnan(cap[2009])  # capacity changed in March 2009
    assert cap[2011] == pytest.approx(438.0) and cap[2012] == pytest.approx(439.2)  # 1.2 x 365, 1.2 x 366


def test_parse_month_year():
    assert en_pipes.parse_month_year("Mar 2009") == (2009, 3)
    with pytest.raises(ValueError):
        en_pipes.parse_month_year("2009")


EVENTS = pd.DataFrame(
    {
        "event_id": ["E1", "E2", "E3", "E4"],
        "date": ["2006-06-01", "2018-06-30", "2016-05-17", "2010-08-16"],
        "date_precision": ["month", "day", "day", "day"],
        "dimension": ["energy", "energy", "energy", "military"],
        "title": [
            "BTC oil pipeline becomes operational",
            "Commercial gas through TANAP begins",
            "Groundbreaking of the Trans Adriatic Pipeline (TAP)",
            "Treaty",
        ],
        "countries": ["AZE|GEO|TUR", "AZE|TUR", "AZE", "AZE|TUR"],
        "source": [
            "https://bp.example/btc",
            "000_bbf2abffa65fbe36.txt § DEVELOPMENT",
            "https://report.example | 002_556960fc3d1098ab.txt § Military Alliance",
            "x",
        ],
        "source_kind": ["press", "seed", "press", "curated_list"],
    }
)


def test_energy_events_lanes_and_sources():
    ev = en_pipes.energy_events(EVENTS, "AZE", range(2000, 2025))
    assert list(ev["event_id"]) == ["E1", "E3", "E2"]  # by date; the military event is left out
    assert list(ev["lane"]) == ["BTC", "TAP", "TANAP"]
    assert ev["x"].iloc[0] == pytest.approx(2006 + 5.5 / 12)  # month precision: mid-June
    assert list(ev["when"]) == ["Jun 2006", "17 May 2016", "30 Jun 2018"]
    assert en_pipes.energy_events(EVENTS, "CHN", range(2000, 2025)).empty
    assert en_pipes.event_lane("Contract of the Century") == en_pipes.OTHER_LANE


def test_pipelines_apply_only_to_the_origin():
    assert en_pipes.pipelines_apply("AZE", "TUR") and en_pipes.pipelines_apply("AZE", "ITA")
    assert not en_pipes.pipelines_apply("RUS", "CHN")
    assert en_pipes.reaching("TUR") == ["BTC", "SCP", "TANAP"] and en_pipes.reaching("ITA") == ["TAP"]


# ---------------------------------------------------------------------------------------------
# Route points
# ---------------------------------------------------------------------------------------------

POINTS = pd.DataFrame(
    {
        "point": ["West", "Middle", "East"],
        "lat": [40.3, 40.9, 40.2],
        "lon": [18.3, 26.4, 49.5],
        "role": ["a", "b", "c"],
        "pipelines": ["TAP", "TANAP|TAP", "TANAP"],
        "source": ["s", "s", "s"],
    }
)


def test_route_lines_order_east_to_west():
    lines = en_pipes.route_lines(POINTS)
    assert list(lines["TAP"]["point"]) == ["Middle", "West"]
    assert list(lines["TANAP"]["point"]) == ["East", "Middle"]
    assert "BTC" not in lines  # fewer than two points


def test_route_points_validation_refuses_bad_rows():
    from bilateral.errors import BilateralError
    from bilateral.sources.curated import validate_route_points

    text = POINTS.astype(str)
    validate_route_points(text)
    with pytest.raises(BilateralError, match="line 2: coordinates .* rounded to 0.1"):
        validate_route_points(text.assign(lat=["40.27", "40.9", "40.2"]))
    with pytest.raises(BilateralError, match="column 'pipelines', line 3"):
        validate_route_points(text.assign(pipelines=["TAP", "XYZ", "TANAP"]))
    with pytest.raises(BilateralError, match="column 'lat', line 4: 'north' is not a number"):
        validate_route_points(text.assign(lat=["40.2", "40.9", "north"]))


def test_curated_route_points_file():
    pts = load("route_points")
    names = " ".join(pts["point"])
    for place in ("Sangachal", "Tbilisi", "Erzurum", "Ceyhan", "Eskişehir", "İpsala", "Melendugno"):
        assert place in names
    assert pts["source"].str.contains("https://www.geonames.org/").all()
    # Ceyhan: GeoNames 318675 gives 37.02472 N, 35.8175 E -> 37.0, 35.8
    ceyhan = pts[pts["point"] == "Ceyhan"].iloc[0]
    assert (ceyhan["lat"], ceyhan["lon"]) == (37.0, 35.8)
    assert set(en_pipes.route_lines(pts)) == set(en_pipes.PIPELINE_ORDER)


def test_label_below_and_short_names():
    assert en_maps.label_below(pd.DataFrame({"lat": [41.7, 41.5, 37.0], "lon": [44.8, 42.7, 35.8]})) == [
        False,
        True,
        True,
    ]
    assert en_maps.short_name("İpsala (Türkiye–Greece border)") == "İpsala"


def test_small_text_helpers():
    assert en.year_list([2007, 2008, 2009, 2012]) == "2007–2009, 2012"
    assert en.cell(float("nan")) == "–" and en.cell(6.478, 2) == "6.48"
    assert en.names(["RUS", "IRN"]) == "Russia and Iran"


# ---------------------------------------------------------------------------------------------
# Against the raw files (builder run in memory; expected values read with awk)
# ---------------------------------------------------------------------------------------------


def test_pipeline_summary_sources_are_those_of_the_facts_shown():
    rows = {r["Pipeline"]: r for _, r in en_pipes.pipeline_summary(FACTS).iterrows()}
    # BTC: length, capacities and 'operational' all come from 'bp'; the throughput rows (Today.az,
    # AzerNews, APA) are not shown in the row and must not be listed as its sources
    assert rows["BTC line"]["Sources"] == "bp"
    assert rows["TANAP line"]["Sources"] == "AzerNews"  # the shareholders quote


LEFT_OUT = _imports(
    [
        (2017, "Azerbaijan", "AZE", "importer", "all importers", "volume", 6.54, np.nan, "bcm", "AzerNews", False),
        (
            2017,
            "Azerbaijan",
            "AZE",
            "importer",
            "all importers",
            "share",
            np.nan,
            12.0,
            "% of total imports",
            "TPAO",
            False,
        ),
        (2020, "Azerbaijan", "AZE", "exporter", "all importers", "volume", 11.1, np.nan, "bcm", "AZERTAC", False),
        (2020, "Azerbaijan", "AZE", "importer", "all importers", "volume", 11.548, np.nan, "bcm", "Today.az", True),
        (2014, "Total", None, "importer", "BOTAŞ only", "volume", 40.0, np.nan, "bcm", "Teleqraf", False),
        (2014, "Russia", "RUS", "importer", "all importers", "volume", 27.33, np.nan, "bcm", "MEES", False),
    ]
).assign(
    value_as_reported=[6.54, 12.0, 11.1, 11.548, 40.0, 27.33],
    exclusion_reason=["lower bound", "share only", "exporter side", None, "BOTAŞ only", "side uncertain"],
)


def test_left_out_lists_unused_importer_volumes_with_reasons():
    d = en_press.left_out(LEFT_OUT, ["Azerbaijan", "Total"], range(2007, 2025))
    # importer-side volumes not in the series, for the two labels asked: AZ 2017 (the share row, the
    # exporter row and the used 2020 row are not listed) and the BOTAŞ-only total of 2014; Russia not asked
    assert list(zip(d["year"], d["supplier"], d["reason"])) == [
        (2017, "Azerbaijan", "lower bound"),
        (2014, "Total", "BOTAŞ only"),
    ]
    assert en_press.left_out(LEFT_OUT, ["Azerbaijan"], range(2018, 2025)).empty


def test_share_differences_largest_first():
    computed = pd.DataFrame({"Russia": [47.0, 41.34], "Iran": [15.6, 13.5]}, index=[2018, 2024])
    reported = pd.DataFrame({"Russia": [np.nan, 35.0], "Iran": [np.nan, 13.0]}, index=[2018, 2024])
    d = en_press.share_differences(computed, reported)
    # 2024 only (2018 has no reported share): Russia 41.34 - 35 = 6.34, Iran 13.5 - 13 = 0.5
    assert list(d["supplier"]) == ["Russia", "Iran"]
    assert d["difference_pp"].tolist() == pytest.approx([6.34, 0.5])
    assert en_press.share_differences(computed, reported.iloc[:0]).empty


def test_series_source():
    assert en_press.series_source(IMPORTS, "Azerbaijan", 2024) == "Cumhuriyet citing EPDK"
    assert en_press.series_source(IMPORTS, "Total", 2024) == "Aydın Ses"
    assert en_press.series_source(IMPORTS, "Azerbaijan", 2021) is None


def test_crude_sentence():
    oil = pd.Series([700.0, 685.41], index=[2021, 2022])
    crude = pd.Series([690.0, 667.79], index=[2021, 2022])
    # last year with both: 2022; 667.79 -> "668", 685.41 -> "685"
    assert "668 thousand barrels a day in 2022, against 685 in all" in en_text.crude_sentence(oil, crude)
    assert en_text.crude_sentence(oil, crude * np.nan).endswith("crude oil and condensate.")


@pytest.mark.raw
def test_raw_ei_values(raw):
    from bilateral.sources import energy as builder

    series = builder.ei_series(raw)
    w = en.ei_wide(series, "AZE", [en.GAS_PROD, en.GAS_CONS, en.OIL_PROD], en.ei_years(1990, 2022))
    # awk -F, '$5=="AZE" && $6==2022' on ei_sr2023_country_series_targets.csv: production 34.13678, consumption 12.1014725
    assert en.surplus(w, en.GAS_PROD, en.GAS_CONS)[2022] == pytest.approx(34.13678 - 12.1014725)
    # Oil production (barrels) sorted by value: the largest is 1036.716876712329 in 2010
    assert en.peak(w[en.OIL_PROD]) == (2010, pytest.approx(1036.716876712329))
    t = en.ei_wide(series, "TUR", [en.GAS_CONS, en.LNG_IMPORTS], [2022])
    # TUR 2022: LNG 15.05810103044389 / consumption 51.22179138983623 = 29.3978%
    assert 100 * t.at[2022, en.LNG_IMPORTS] / t.at[2022, en.GAS_CONS] == pytest.approx(29.3978, abs=1e-3)


@pytest.mark.raw
def test_raw_trade_matrix_azerbaijan(raw):
    from bilateral.sources import energy as builder

    trade = builder.ei_gas_trade(raw)
    x = en.exports_2022(trade, "AZE")
    # grep of the pipeline matrix, column Azerbaijan: EU 11.50964099242227, Rest of Europe 10.8629619175,
    # Other Middle East 0.167084225 (leaves); Total exports 22.53968713492226
    assert dict(zip(x["destination"], x["volume_bcm"].round(6))) == {
        "EU": 11.509641,
        "Rest of Europe": 10.862962,
        "Other Middle East": 0.167084,
    }
    assert x["total_bcm"].iloc[0] == pytest.approx(22.53968713492226)
    for exporter in ("Azerbaijan", "Russian Federation", "Qatar"):
        for mode in ("pipeline", "lng"):
            assert abs(en.leaves_check(trade, exporter, mode)) < 1e-6


@pytest.mark.raw
def test_raw_press_series_azerbaijan(raw):
    from bilateral.sources import energy as builder

    imports = builder.press_gas_imports(raw)
    w = en_press.volume_wide(imports, ["Azerbaijan"], range(2007, 2025))["Azerbaijan"]
    # awk on turkey_gas_imports_by_supplier_press.csv, supplier Azerbaijan: years with a figure are
    # 2010, 2015-2020, 2022-2024 (10 years), but 2017 is only a lower bound ('more than 6.54'), so 9 years
    assert sorted(w.dropna().index) == [2010, 2015, 2016, 2018, 2019, 2020, 2022, 2023, 2024]
    assert w[2023] == pytest.approx(10.257) and w[2024] == pytest.approx(11.478)  # EPDK, not the ministry's 9.5 / 9.9
    assert math.isnan(w[2021])
    # 2024: Russia 21.572 bcm (EPDK via Cumhuriyet) / total 52.18 bcm (NGO via Aydın Ses) = 41.34%, against
    # the 35% the NGO reports: 6.34 points, the largest gap between calculated and reported shares
    labels = ["Azerbaijan", "Russia", "Iran", en.LNG_LABEL]
    vol = en_press.volume_wide(imports, [*labels, en.TOTAL_LABEL], range(2007, 2025))
    diff = en_press.share_differences(
        en_press.computed_shares(vol), en_press.reported_shares(imports, labels, range(2007, 2025))
    )
    top = diff.iloc[0]
    assert (top["year"], top["supplier"]) == (2024, "Russia") and top["difference_pp"] == pytest.approx(
        100 * 21.572 / 52.18 - 35.0
    )
    assert en_press.series_source(imports, "Russia", 2024) != en_press.series_source(imports, en.TOTAL_LABEL, 2024)
    # the 2017 Azerbaijan gap is explained: 'more than 6.54 bcm' is a lower bound
    gone = en_press.left_out(imports, ["Azerbaijan"], range(2007, 2025)).set_index("year")
    assert gone.at[2017, "volume_bcm"] == pytest.approx(6.54) and "lower bound" in gone.at[2017, "reason"]


# ---------------------------------------------------------------------------------------------
# The notebook
# ---------------------------------------------------------------------------------------------

needs_data = pytest.mark.skipif(
    not (PROCESSED_DIR / "energy_series.csv").exists(), reason="data/processed not built (run make data)"
)


@pytest.mark.notebook
@needs_data
def test_notebook_default_pair(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(execute_notebook("energy", tmp_path))
    # Key findings, from the IEA workbook by hand (sheet GTF_data, 2024 sums): Türkgözü 11,478.433 mcm of total entries
    # 11,478.433 + 12,138.202 + 8,936.832 + 0 + 7,043.365 + 12,137.813 = 51,734.645 mcm -> 22.19% (one series for both;
    # the old 22.0% divided EPDK's 11.478 bcm by another publication's 52.18 bcm)
    assert (
        "11.48 bcm of gas entered Türkiye on the route that carries Azerbaijan's gas, 22.2% of all entries (51.73 bcm)"
        in text
    )
    assert "Volume and total come from one series, the IEA's monthly records at the border points" in text
    assert "22.0% of its total imports" not in text
    # 2024 pipeline suppliers: Russia 21.08, Azerbaijan 11.48, Iran 7.04 bcm -> 2nd of 3
    assert "Azerbaijan ranked 2nd of 3 pipeline suppliers (Russia 21.08 bcm and Iran 7.04 bcm)" in text
    # Monthly ranks (column of Oct-19): Türkgözü 932 mcm > Doğubayazıt 856 > Russia 590 (Samsun + Malkoçlar entry);
    # in every earlier month with a Türkgözü value, Russia or Iran was larger
    assert "the first time in Oct 2019" in text
    # Audit correction: Georgia is in Europe in the EI matrices, so 'Rest of Europe' (10.86 bcm) is an upper bound
    assert "10.86 bcm to 'Rest of Europe', an upper bound for Türkiye" in text
    assert "'Rest of Europe' also holds Georgia and other countries" in text
    assert "upper bound for Türkiye" in text and "Georgia (which the Review counts in Europe, not in" in text
    assert "Georgia and Armenia sit inside" not in text
    # Transit: 2024 Kipi 11,743.130 mcm, Malkoçlar + Malkoçlar2 16,107.612 mcm
    assert "11.74 bcm at Kipi to Greece" in text and "16.11 bcm at Malkoçlar to Bulgaria" in text
    # Cross-check: March 2020 press 924.28 mcm = Türkgözü 924.28 mcm
    assert "Mar 2020, 924.28 mcm in the press against 924.28 mcm at Türkgözü" in text
    # 34.13678 - 12.1014725 = 22.035 -> "22.0 bcm"; pipeline exports 22.5397 -> "22.5 bcm"
    assert "exported 22.5 bcm by pipeline" in text and "exceeded its consumption (22.0 bcm)" in text
    # BTC 2025 (BOTAŞ, line 30 of pipeline_facts_press.csv) 206.434 / (1.2 x 365) = 47.13%
    assert "206.4 million barrels in 2025" in text and "47.1%" in text
    assert "Schematic route map" not in text and "no offline boundary data" not in text
    assert "no position on disputed territory is implied" in text  # said once, under the route map heading
    assert "equirectangular projection (longitude scaled by the cosine of 40° N)" in text
    # OWID: AZE gas production 2024 = 377.599 TWh; EI 2023 agrees (2022: 341.340 TWh vs 1.2288 EJ x 277.78)
    assert "puts Azerbaijan's gas production at 378 TWh in 2024" in text
    # AZE gas consumption 2022: OWID 136.162 TWh vs EI 0.43565 EJ = 121.0 TWh -> 12.5% apart: not joined
    assert "the largest difference is 12.5%, in 2022" in text
    assert "does not apply" not in text
    # reported vs calculated shares: Russia 2024, 21.572 / 52.18 = 41.3% against 35.0% reported
    assert "The largest gap is Russia in 2024: 41.3% calculated against 35.0% reported" in text
    assert "two different publications" in text
    assert "lower bound ('more than'), not a point value" in text  # why 2017 has no Azerbaijan figure
    # EI AZE 2022: crude and condensate 667.79 kb/d, all oil 685.41 kb/d
    assert "668 thousand barrels a day in 2022, against 685 in all" in text
    assert "Traceback" not in text


@pytest.mark.notebook
@needs_data
def test_notebook_russia_china(tmp_path):
    from conftest import execute_notebook, notebook_text

    nb = execute_notebook(
        "energy", tmp_path, country_a="RUS", country_b="CHN", comparators=["IRN", "TKM"], start_year=2000, end_year=2022
    )
    text = notebook_text(nb)
    assert "the press figures cover Türkiye's gas imports only" in text
    assert "Not covered: the IEA series used here are Türkiye's border points, and the buyer is China." in text
    assert "Our World in Data's subset used here does not cover China." in text
    assert "the pipelines described here carry oil and gas from Azerbaijan" in text
    assert "does not list Turkmenistan" in text
    # EI 2022 matrices: Russian Federation -> China, pipeline 14.669371, LNG 6.113810
    assert "by pipeline: 14.67 bcm; by LNG: 6.11 bcm" in text
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.notebook
@needs_data
def test_notebook_russia_turkiye_and_georgia(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(
        execute_notebook(
            "energy",
            tmp_path / "rus",
            country_a="RUS",
            country_b="TUR",
            comparators=["AZE"],
            start_year=2015,
            end_year=2024,
        )
    )
    # 2024 Russia (Samsun 12,138.202 + Kıyıköy 8,936.832 + Malkoçlar entry 0) = 21,075.034 of 51,734.645 mcm = 40.74%
    assert (
        "21.08 bcm of gas entered Türkiye on the routes that carry Russia's gas, 40.7% of all entries" in text
        and "Russia ranked 1st of 3 pipeline suppliers (Azerbaijan 11.48 bcm and Iran 7.04 bcm)" in text
    )
    assert "Traceback" not in text
    text = notebook_text(
        execute_notebook(
            "energy", tmp_path / "geo", country_a="GEO", country_b="TUR", comparators=[], start_year=2015, end_year=2024
        )
    )
    assert "none carries gas from Georgia, so its share of Türkiye's imports is not covered" in text
    assert "Traceback" not in text


@pytest.mark.notebook
@needs_data
def test_notebook_one_year(tmp_path):
    """A one-year period after the Energy Institute series: the sentences say what the data cover, with no trend,
    no 'rank 1 of 1' and no zero read as a finding."""
    from conftest import execute_notebook, notebook_text

    nb = execute_notebook(
        "energy", tmp_path, country_a="AZE", country_b="TUR", comparators=["RUS"], start_year=2024, end_year=2024
    )
    text = notebook_text(nb)
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    assert "The period lies after the Energy Institute series end (2022)." in text
    # one full year of the IEA series (2024): share and rank, months within the year, no change since a first year
    assert "In 2024, 11.48 bcm of gas entered Türkiye" in text and "Since 20" not in text
    # Apr, May and Jun 2024: Türkgözü above Russia's routes (months with Azerbaijan first, from the IEA workbook)
    assert (
        "Azerbaijan was the largest pipeline supplier in 3 of the 12 months with a value from Jan 2024 to Dec 2024"
        in text
    )
    assert "0.00 bcm" not in text and "Traceback" not in text


# ---------------------------------------------------------------------------------------------
# IEA entry routes (bilateral.gas_routes) and the OWID join: small frames, values by hand
# ---------------------------------------------------------------------------------------------

from bilateral import gas_routes as G  # noqa: E402


def _routes(**cols):
    base = {r: [0.0] for r in (*G.ENTRY_ROUTES, *G.EXIT_ROUTES)}
    base.update({k: [v] for k, v in cols.items()})
    return pd.DataFrame(base, index=["2020-03"])


def test_by_supplier_shares_and_rank_march_2020():
    # IEA cells Mar-20: Türkgözü 924.28; Samsun 206.7 + Kıyıköy 183 + Malkoçlar 76.854 = 466.554; Doğubayazıt 557.81;
    # LNG 1345.13 + 724.09 = 2069.22; total 4017.864 -> Azerbaijan 23.004%, 1st of 3 pipeline suppliers.
    w = _routes(
        turkgozu=924.28, blue_stream=206.7, turkstream=183.0, trans_balkan=76.854, dogubayazit=557.81, lng=2069.22
    )
    sup = G.by_supplier(w)
    assert sup.at["2020-03", "RUS"] == pytest.approx(466.554) and sup.at["2020-03", G.TOTAL] == pytest.approx(4017.864)
    assert G.shares(sup).at["2020-03", "AZE"] == pytest.approx(100 * 924.28 / 4017.864)
    r = G.ranks(sup, "AZE").iloc[0]
    assert (int(r["rank"]), r["n_suppliers"], r["tied_with"]) == (1, 3, "")
    # LNG is larger than Azerbaijan but is not ranked as a country
    assert sup.at["2020-03", "LNG"] > sup.at["2020-03", "AZE"]


def test_total_needs_every_source_and_ties_are_stated():
    w = _routes(turkgozu=5.0, blue_stream=5.0, dogubayazit=np.nan)
    sup = G.by_supplier(w)
    assert math.isnan(sup.at["2020-03", G.TOTAL])  # Iran unreported: no total, no share
    assert math.isnan(G.shares(sup).at["2020-03", "AZE"])
    assert G.rank_in_period(pd.Series({"AZE": 5.0, "RUS": 5.0, "IRN": 1.0}), "AZE") == (1, 3, ["RUS"])
    # worded by bilateral.ranks.rank_words (one wording of ranks in the suite): ties and a lone supplier said so
    assert G.rank_text(1, 3, "RUS") == "joint 1st (with 1 other) of 3 pipeline suppliers"
    assert G.rank_text(1, 1) == "1st, the only pipeline supplier"
    assert G.rank_text(None, 2) == "no supply (2 pipeline suppliers)"
    assert G.rank_in_period(pd.Series({"AZE": 0.0, "RUS": 2.0, "IRN": 1.0}), "AZE") == (None, 2, [])
    assert fmt.ordinal(12) == "12th" and fmt.ordinal(22) == "22nd"


def test_unreported_months_are_masked():
    idx = ["2009-04", "2009-05", "2009-11", "2009-12"]
    w = pd.DataFrame({r: [1.0] * 4 for r in (*G.ENTRY_ROUTES, *G.EXIT_ROUTES)}, index=idx)
    m = G.mask_unreported(w)
    assert m.loc["2009-04"].drop("turkgozu").notna().all()  # April 2009 has values (Türkgözü: zeros until Dec 2009)
    assert m.loc["2009-05"].isna().all()
    assert math.isnan(m.at["2009-11", "turkgozu"]) and m.at["2009-11", "lng"] == 1.0
    assert m.at["2009-12", "turkgozu"] == 1.0
    cov = G.coverage(m)
    assert (
        cov.loc[2009, "months_in_data"] == 4
        and cov.loc[2009, "months_complete"] == 1
        and not cov.loc[2009, "comparable"]
    )


def test_press_crosscheck_and_transit():
    sup = pd.DataFrame({"AZE": [11.478433], G.TOTAL: [51.734645]}, index=[2024])
    press = pd.DataFrame({"Azerbaijan": [11.478], "Total": [52.18]}, index=[2024])
    d = G.press_crosscheck(sup, press, {"AZE": "Azerbaijan", G.TOTAL: "Total"}).set_index("supplier")
    assert d.at["AZE", "difference_bcm"] == pytest.approx(0.000433)
    assert d.at[G.TOTAL, "difference_bcm"] == pytest.approx(51.734645 - 52.18)
    w = _routes(turkgozu=10.0, lng=5.0, kipi_exit=3.0, malkoclar_exit=2.0, lng_exit=0.5)
    t = G.transit(w).iloc[0]
    assert (t["entries_mcm"], t["exits_mcm"], t["entries_minus_exits_mcm"]) == (15.0, 5.5, 9.5)


def test_owid_join_only_where_they_agree():
    years = [2020, 2021, 2022, 2023, 2024]
    owid = pd.Series([100.0, 101.0, 102.0, 110.0, 120.0], index=years)
    ei = pd.Series([100.0, 100.0, 100.0, np.nan, np.nan], index=years)
    d = en_owid.overlap_differences(owid, ei)
    assert d["difference_pct"].tolist() == pytest.approx([0.0, 1.0, 2.0])
    j = en_owid.joined(owid, ei, d)
    assert j["source"].tolist() == ["Energy Institute 2023"] * 3 + ["OWID"] * 2 and j.loc[2024, "value_twh"] == 120.0
    worse = pd.Series([100.0, 100.0, 103.0, 110.0, 120.0], index=years)
    assert en_owid.joined(
        worse, ei, en_owid.overlap_differences(worse, ei)
    ).empty  # 3% apart in 2022: shown apart, not spliced
    assert pytest.approx(277.7778, abs=1e-4) == en_owid.TWH_PER_EJ


def test_bilateral_2022_states_the_upper_bound():
    b = en.bilateral_2022(TRADE, "AZE", "TUR").set_index("mode")
    assert (
        bool(b.at["pipeline", "upper_bound"])
        and "Georgia" in b.at["pipeline", "note"]
        and "upper bound" in b.at["pipeline", "note"]
    )
