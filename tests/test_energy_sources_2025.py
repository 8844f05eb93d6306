"""Tests of the three newer energy loaders: IEA Gas Trade Flows, OWID energy, Natural Earth borders.

Expected values were read from the raw files independently of the loaders: the IEA cells with
openpyxl cell by cell (sheet GTF_data, e.g. column EL = Mar-20; the annual sums added by hand in a
separate pandas session, and they match the verified values listed in the source's provenance
notes), the OWID cells with grep on the CSV, the Natural Earth bounding boxes from the
provenance notes (read there with pyshp).
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from bilateral.errors import RawDataError
from bilateral.sources import iea_gas, natural_earth, owid_energy
from conftest import broken_copy

# ------------------------------------------------------------------------------------------
# Pure functions
# ------------------------------------------------------------------------------------------


def test_parse_month():
    assert iea_gas.parse_month("Oct-08") == "2008-10"
    assert iea_gas.parse_month("Dec-24") == "2024-12"
    with pytest.raises(ValueError, match="Oct-08"):
        iea_gas.parse_month("2024-01")
    with pytest.raises(ValueError):
        iea_gas.parse_month("Foo-24")


def test_column_letter():
    assert [iea_gas._column_letter(i) for i in (0, 25, 26, 141)] == ["A", "Z", "AA", "EL"]


def _sheet(*rows):
    header = ("Borderpoint", "Exit", "Entry", "MAXFLOW (Mm3/h)", "Jan-24", "Feb-24")
    all_points = [(p, e, n, 1.0, 0, 0) for (p, e, n) in iea_gas.POINTS]
    return [header, *rows, *all_points]


def test_turkiye_points_sums_routes_and_keeps_na_as_missing():
    # Two LNG terminals: 10 + 2.5 in January; both N/A in February -> missing, not 0.
    rows = [r for r in _sheet() if r[0] not in ("Izmir", "Marmara Ereglisi") or r[2] != iea_gas.TURKIYE]
    rows += [
        ("Izmir", iea_gas.LNG, iea_gas.TURKIYE, 1, 10, "N/A"),
        ("Marmara Ereglisi", iea_gas.LNG, iea_gas.TURKIYE, 1, 2.5, "N/A"),
    ]
    rows += [("Ignored", "Germany", "Austria", 1, "x", "y")]  # not a Türkiye row: not read
    pts = iea_gas.turkiye_points(rows)
    m = iea_gas.monthly_routes(pts)
    lng = m[m["route_id"] == "lng"].set_index("month")
    # The other three LNG rows (FSRUs) carry 0 in both months.
    assert lng.at["2024-01", "volume_mcm"] == 12.5
    assert lng.at["2024-02", "points_reported"] == 3 and lng.at["2024-02", "volume_mcm"] == 0
    only_na = [r for r in _sheet() if r[0] != "Turkgozu"] + [("Turkgozu", "Georgia", iea_gas.TURKIYE, 0.8, "N/A", 5)]
    t = iea_gas.monthly_routes(iea_gas.turkiye_points(only_na))
    t = t[t["route_id"] == "turkgozu"].set_index("month")
    assert math.isnan(t.at["2024-01", "volume_mcm"]) and t.at["2024-01", "points_reported"] == 0
    annual = iea_gas.annual_routes(t.reset_index())
    assert annual["months_reported"].tolist() == [1] and annual["volume_mcm"].tolist() == [5.0]
    assert annual["complete"].tolist() == [False] and annual["months_in_data"].tolist() == [2]


def test_turkiye_points_errors_name_the_cell():
    unknown = _sheet(("Newpoint", "Georgia", iea_gas.TURKIYE, 1, 0, 0))
    with pytest.raises(RawDataError, match=r"cell A2: Türkiye border point \('Newpoint'.*POINTS"):
        iea_gas.turkiye_points(unknown)
    bad = [r for r in _sheet() if r[0] != "Samsun"] + [("Samsun", "Russia", iea_gas.TURKIYE, 1, "12,5", 3)]
    with pytest.raises(RawDataError, match=r"cell E\d+: '12,5' is not a number or 'N/A' \(Samsun, 2024-01\)"):
        iea_gas.turkiye_points(bad)
    header = _sheet()
    header[0] = header[0][:4] + ("2024-01", "Feb-24")
    with pytest.raises(RawDataError, match=r"cell E1: month header '2024-01'"):
        iea_gas.turkiye_points(header)
    with pytest.raises(RawDataError, match=r"no row for Türkiye border point"):
        iea_gas.turkiye_points([_sheet()[0]])


def test_owid_and_map_helpers():
    assert natural_earth._overlaps((40, 38, 50, 42)) and not natural_earth._overlaps((100, 0, 120, 10))
    assert natural_earth.rings([(0, 0), (1, 1), (2, 2)], [0]) == [[(0, 0), (1, 1), (2, 2)]]


# ------------------------------------------------------------------------------------------
# Against the raw files
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def iea(raw):
    return iea_gas.build(raw)


def _month(iea, route, month):
    m = iea["gas_flows_turkiye_monthly"]
    return float(m.loc[(m["route_id"] == route) & (m["month"] == month), "volume_mcm"].iloc[0])


def _year(iea, route, year):
    a = iea["gas_flows_turkiye_annual"]
    return a[(a["route_id"] == route) & (a["year"] == year)].iloc[0]


def test_iea_tables_valid_and_small(iea):
    for t in iea_gas.TABLES:
        df = t.validate(iea[t.name], where="test")
        assert len(t.to_bytes(df)) < 200_000
    m = iea["gas_flows_turkiye_monthly"]
    assert m["month"].min() == "2008-10" and m["month"].max() == "2025-05"
    assert len(m) == 200 * len(iea_gas.ROUTES)


def test_iea_monthly_values_read_by_hand(iea):
    # Cells EL (Mar-20): Turkgozu 924.28 (the regulator's figure quoted in the press), Kiyikoy 183,
    # Samsun 206.7, Izmir 1345.13 + Marmara Ereglisi 724.09 (FSRUs N/A), Malkoclar entry 76.854.
    assert _month(iea, "turkgozu", "2020-03") == pytest.approx(924.28)
    assert _month(iea, "turkstream", "2020-03") == pytest.approx(183.0)
    assert _month(iea, "blue_stream", "2020-03") == pytest.approx(206.7)
    assert _month(iea, "lng", "2020-03") == pytest.approx(2069.22)
    assert _month(iea, "trans_balkan", "2020-03") == pytest.approx(76.854)
    # Exits to Bulgaria, Mar-20: Malkoclar 0 + Malkoclar2 493.882.
    assert _month(iea, "malkoclar_exit", "2020-03") == pytest.approx(493.882)
    # Türkgözü: zeros until Nov 2009, first flow Dec 2009 = 429.
    assert _month(iea, "turkgozu", "2009-11") == 0 and _month(iea, "turkgozu", "2009-12") == pytest.approx(429.0)
    # Kıyıköy is zero before TurkStream (Dec 2019) and positive from Jan 2020.
    assert _month(iea, "turkstream", "2019-12") == 0 and _month(iea, "turkstream", "2020-01") > 0


def test_iea_annual_values_summed_by_hand(iea):
    assert _year(iea, "turkgozu", 2024)["volume_mcm"] == pytest.approx(11478.433)  # the press-quoted 11,478 mcm
    assert _year(iea, "turkgozu", 2021)["volume_mcm"] == pytest.approx(8375.36)
    assert _year(iea, "turkgozu", 2023)["volume_mcm"] == pytest.approx(10239.276)
    assert _year(iea, "turkstream", 2021)["volume_mcm"] == pytest.approx(9969.88)
    assert _year(iea, "turkstream", 2024)["volume_mcm"] == pytest.approx(8936.832)
    assert _year(iea, "blue_stream", 2024)["volume_mcm"] == pytest.approx(12138.202)
    assert _year(iea, "dogubayazit", 2024)["volume_mcm"] == pytest.approx(7043.365)
    assert _year(iea, "lng", 2024)["volume_mcm"] == pytest.approx(12137.813)
    assert _year(iea, "kipi_exit", 2021)["volume_mcm"] == pytest.approx(8502.13)
    assert _year(iea, "malkoclar_exit", 2021)["volume_mcm"] == pytest.approx(12043.931)
    assert _year(iea, "trans_balkan", 2019)["volume_mcm"] == pytest.approx(4276.49)  # provenance rounds to 4,276.5
    assert _year(iea, "trans_balkan", 2020)["volume_mcm"] == pytest.approx(344.048)  # provenance rounds to 344.0
    first, last = _year(iea, "turkgozu", 2008), _year(iea, "turkgozu", 2025)
    assert (first["months_in_data"], bool(first["complete"])) == (3, False)
    assert (last["months_in_data"], bool(last["complete"])) == (5, False)


def _xlsx_copy(raw: Path, tmp_path: Path, cell: str, value) -> Path:
    """A raw folder linking to ``raw`` except for the IEA workbook, copied with one cell changed."""
    import openpyxl

    target = tmp_path / "raw"
    target.mkdir()
    for folder in raw.iterdir():
        if folder.name != iea_gas.IEA:
            (target / folder.name).symlink_to(folder)
    (target / iea_gas.IEA).mkdir()
    wb = openpyxl.load_workbook(raw / iea_gas.IEA / iea_gas.GTF_FILE)
    ws = wb[iea_gas.GTF_SHEET]
    assert ws["A1"].value == "Borderpoint"  # test setup: the layout the loader expects
    ws[cell] = value
    wb.save(target / iea_gas.IEA / iea_gas.GTF_FILE)
    return target


def test_iea_error_on_broken_workbook(raw, tmp_path):
    # Row of Turkgozu: find it by hand-checked name, then put text into its Mar-20 cell (column EL).
    import openpyxl

    wb = openpyxl.load_workbook(raw / iea_gas.IEA / iea_gas.GTF_FILE, read_only=True)
    row = next(
        i for i, r in enumerate(wb[iea_gas.GTF_SHEET].iter_rows(values_only=True), start=1) if r[0] == "Turkgozu"
    )
    wb.close()
    broken = _xlsx_copy(raw, tmp_path, f"EL{row}", "about 900")
    with pytest.raises(
        RawDataError, match=rf"Export_GTF_IEA_202505.xlsx: sheet 'GTF_data', cell EL{row}: 'about 900' is not a number"
    ):
        iea_gas.build(broken)


def test_iea_error_on_unreadable_file(raw, tmp_path):
    target = tmp_path / "raw"
    (target / iea_gas.IEA).mkdir(parents=True)
    (target / iea_gas.IEA / iea_gas.GTF_FILE).write_text("not a workbook")
    with pytest.raises(RawDataError, match=r"cannot be opened as an .xlsx workbook"):
        iea_gas.build(target)


def test_owid_values_read_by_grep(raw):
    df = owid_energy.owid_series(raw)
    owid_energy.OWID_ENERGY.validate(df, where="test")
    v = df.set_index(["iso3", "indicator", "year"])["value_twh"]
    # grep '^Azerbaijan,2024,' and '^Turkey,2024,' in owid_energy_subset.csv (columns by the header)
    assert v[("AZE", "gas_production", 2024)] == pytest.approx(377.599)
    assert v[("AZE", "oil_production", 2024)] == pytest.approx(339.212)
    assert v[("AZE", "gas_consumption", 2022)] == pytest.approx(136.162)
    assert v[("TUR", "gas_consumption", 2024)] == pytest.approx(509.19)
    # Türkiye's production stops in 2016: later years are absent, not zero.
    tur = df[(df["iso3"] == "TUR") & (df["indicator"] == "gas_production")]
    assert tur["year"].max() == 2016


def test_owid_error_names_line(raw, tmp_path):
    # Line 2 of the file is Armenia 1992; put a text into its year.
    broken = broken_copy(raw, tmp_path, "owid_energy", "owid_energy_subset.csv", 2, "Armenia,1992,", "Armenia,199x,")
    with pytest.raises(
        RawDataError, match=r"owid_energy/owid_energy_subset.csv: column 'year', line 2: '199x' is not a number"
    ):
        owid_energy.owid_series(broken)


def test_natural_earth_outlines(raw):
    df = natural_earth.borders(raw)
    natural_earth.MAP_BORDERS.validate(df, where="test")
    bbox = df.groupby("ne_code").agg(xmin=("lon", "min"), ymin=("lat", "min"), xmax=("lon", "max"), ymax=("lat", "max"))
    # Provenance notes (pyshp): AZE 44.79399, 38.27038, 50.39282, 41.86068; TUR 26.04335, 35.82153, 44.79399, 42.14148
    assert bbox.loc["AZE"].tolist() == pytest.approx([44.794, 38.2704, 50.3928, 41.8607], abs=1e-4)
    assert bbox.loc["TUR"].tolist() == pytest.approx([26.0434, 35.8215, 44.794, 42.1415], abs=1e-4)
    assert df[df["ne_code"] == "AZE"]["ring"].nunique() == 2  # mainland and Nakhchivan
    assert {"GEO", "ARM", "GRC", "ALB", "ITA", "BGR", "IRN"} <= set(df["ne_code"])
    assert "USA" not in set(df["ne_code"])


def test_natural_earth_error_on_broken_shapefile(raw, tmp_path):
    target = tmp_path / "raw"
    (target / natural_earth.NE).mkdir(parents=True)
    for p in (raw / natural_earth.NE).iterdir():
        shutil.copy(p, target / natural_earth.NE / p.name)
    shp = target / natural_earth.NE / "naturalearth_lowres.shp"
    shp.write_bytes(shp.read_bytes()[:200])  # truncated
    with pytest.raises(
        RawDataError, match=r"natural_earth_110m/naturalearth_lowres.shp: cannot be read as a shapefile"
    ):
        natural_earth.borders(target)
    (target / natural_earth.NE / "naturalearth_lowres.dbf").unlink()
    with pytest.raises(RawDataError, match=r"naturalearth_lowres.dbf is missing"):
        natural_earth.borders(target)


def test_catalog_entries_and_the_georgia_correction():
    from bilateral.catalog import SOURCES
    from bilateral.pipeline import all_tables

    for key in ("iea_gas_trade_flows", "owid_energy", "natural_earth_110m"):
        s = SOURCES[key]
        assert s.files and s.vintage and s.licence and s.citation
    assert "derived monthly and annual totals" in SOURCES["iea_gas_trade_flows"].licence
    tables = all_tables()
    for name in ("gas_flows_turkiye_monthly", "gas_flows_turkiye_annual", "owid_energy_series", "map_borders"):
        assert name in tables and all(f.description for f in tables[name].fields)
    assert (
        "volume_mcm" in tables["gas_flows_turkiye_monthly"].columns
        and "value_twh" in tables["owid_energy_series"].columns
    )
    # EI workbook definitions (provenance notes): Georgia is in Europe (non-EU), Armenia in 'Other CIS'
    caveats = " ".join(SOURCES["ei_statistical_review_2023"].caveats)
    assert "Georgia inside Europe" in caveats and "upper bound for Türkiye" in caveats
    assert "(they sit inside 'Other CIS')" not in caveats
