"""Tests of the energy builder (bilateral.sources.energy).

Expected values were read off the raw files by hand (grep/awk/csv on the CSVs under the raw
folder), not taken from the builder's output; each test says how.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from bilateral.errors import RawDataError
from bilateral.sources import energy
from bilateral.sources.energy import parsing, vocab
from conftest import broken_copy, broken_copy_with

# ------------------------------------------------------------------------------------------
# Pure functions (small inputs, expected values by hand)
# ------------------------------------------------------------------------------------------


def test_split_supplier():
    assert parsing.split_supplier("Azerbaijan share") == ("Azerbaijan", "share", "all importers")
    assert parsing.split_supplier("Total (BOTAS only)") == ("Total", "volume", "BOTAŞ only")
    assert parsing.split_supplier("Russia") == ("Russia", "volume", "all importers")
    assert parsing.split_supplier("LNG share") == ("LNG total", "share", "all importers")


def test_side_of():
    assert parsing.side_of("annual volume (Azerbaijani export side)") == "exporter"
    assert parsing.side_of("annual volume (Gazprom, exporter side)") == "exporter"
    assert parsing.side_of("annual volume (EPDK annual sector report)") == "importer"


def test_find_flags():
    assert parsing.find_flags("CONFLICT with row X", "annual volume (probable typo)") == "CONFLICT; probable typo"
    assert parsing.find_flags("Do not use without verification", None) == "do not use"
    assert parsing.find_flags("consistent with the other row", "annual volume") is None


def test_share_in_measure():
    assert parsing.share_in_measure("annual volume (42.27%)") == 42.27
    assert math.isnan(parsing.share_in_measure("annual volume"))


def test_agree_when_rounded():
    # 11.54799 rounded to one decimal is 11.5; 9.6 and 9.5 differ at one decimal.
    assert parsing.agree_when_rounded(["11.5", "11.54799"])
    assert parsing.agree_when_rounded(["6.48", "6.47987"])
    assert not parsing.agree_when_rounded(["9.6", "9.5"])
    assert not parsing.agree_when_rounded(["47.95", "48.1"])


def test_parse_period():
    assert parsing.parse_period("2020-03") == ("2020-03", "2020-03", 1)
    assert parsing.parse_period("2020-Q1") == ("2020-01", "2020-03", 3)
    assert parsing.parse_period("2020-H1") == ("2020-01", "2020-06", 6)
    assert parsing.parse_period("2019-01..2019-11") == ("2019-01", "2019-11", 11)
    with pytest.raises(ValueError):
        parsing.parse_period("spring 2020")


def test_date_and_unit_parsing():
    assert parsing.date_in_text("3 July 2007") == "2007-07-03"
    assert parsing.date_in_text("started on June 30, 2018") == "2018-06-30"
    assert parsing.date_in_text("June 2006") is None
    assert parsing.split_unit("year (June 2006)") == ("year", "June 2006")
    assert parsing.split_unit("km") == ("km", None)
    assert parsing.period_kind("throughput Jan-Sep 2020") == "partial year"
    assert parsing.period_kind("cumulative by 2021-12-12") == "cumulative"
    assert parsing.period_kind("throughput 2019") == "calendar year"
    assert parsing.period_kind("length") is None


# ------------------------------------------------------------------------------------------
# The build on the real raw folder
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(raw: Path) -> dict[str, pd.DataFrame]:
    frames = energy.build(raw)
    return {t.name: t.validate(frames[t.name], where="test") for t in energy.TABLES}


def test_tables_declared_and_valid(built):
    assert set(built) == {t.name for t in energy.TABLES}
    for table in energy.TABLES:
        assert list(built[table.name].columns) == table.columns
        assert len(built[table.name]) > 0


def test_azerbaijan_gas_production_2010(built):
    # grep '^Gas Production - Bcm,.*,Azerbaijan,AZE,2010,' ei_sr2023_country_series_targets.csv -> 16.28089155
    s = built["energy_series"]
    row = s[(s.iso3 == "AZE") & (s.year == 2010) & (s.indicator == "gas_production_bcm")]
    assert row["value"].item() == pytest.approx(16.28089155)
    assert row["unit"].item() == "Billion cubic metres"


def test_turkiye_gas_consumption_and_lng_2022(built):
    # grep '^Gas Consumption - Bcm,.*,Turkey,TUR,2022,' -> 51.22179138983623
    # grep '^Gas - LNG imports,.*,Turkey,TUR,2022,' -> 15.05810103044389
    s = built["energy_series"].set_index(["iso3", "indicator", "year"])["value"]
    assert s[("TUR", "gas_consumption_bcm", 2022)] == pytest.approx(51.22179138983623)
    assert s[("TUR", "lng_imports_bcm", 2022)] == pytest.approx(15.05810103044389)


def test_energy_series_has_countries_and_world_only(built):
    # The raw file's `code` column lists 8 countries, WLD and 6 aggregates (CIS, OTHER_CIS, USSR, EUROPE, EU27, MIDDLE_EAST).
    assert set(built["energy_series"]["iso3"]) == {"AZE", "TUR", "RUS", "IRN", "ITA", "DEU", "CHN", "ISR", "WLD"}


def test_gas_trade_2022(built):
    # grep ',Total imports,Turkey,' (LNG sheet) -> 15.05810103044388
    # grep '^Gas - Trade movts - pipeline,.*,Azerbaijan,Total exports,' -> 22.53968713492226
    t = built["gas_trade_2022"].set_index(["mode", "exporter", "importer"])
    assert t.loc[("lng", "Total imports", "Turkey"), "volume_bcm"] == pytest.approx(15.05810103044388)
    assert t.loc[("lng", "Total imports", "Turkey"), "importer_iso3"] == "TUR"
    assert t.loc[("lng", "Total imports", "Turkey"), "exporter_kind"] == "total"
    az = t.loc[("pipeline", "Azerbaijan", "Rest of Europe")]
    assert (az["exporter_iso3"], az["importer_kind"]) == ("AZE", "region")
    assert pd.isna(az["importer_iso3"])
    assert t.loc[("pipeline", "Azerbaijan", "Total exports"), "volume_bcm"] == pytest.approx(22.53968713492226)
    # wc -l on the raw matrix file: 1473 lines = header + 1472 rows, all kept.
    assert len(built["gas_trade_2022"]) == 1472


def test_importer_side_azerbaijan_series(built):
    g = built["gas_imports_turkiye"]
    series = g[g.use_in_series & (g.supplier == "Azerbaijan")]
    assert not series["year"].duplicated().any()
    assert set(series["side"]) == {"importer"}
    # Read off the 17 raw rows with supplier == "Azerbaijan" (python csv listing of year, value, unit, measure,
    # reported_by): exporter-side rows (2015 6.168, 2020 11.1, 2023 9.5, 2024 9.9), the 2017 lower bound, the
    # 2019 9.5 flagged CONFLICT and the 2016 APA / 2020 Hürriyet duplicates of EPDK figures are left out.
    expected = {
        2010: 4.36,
        2015: 6.17,
        2016: 6.48,
        2018: 7.52115,
        2019: 9.6,
        2020: 11.54799,
        2022: 8.70998,
        2023: 10.257,
        2024: 11.478,
    }
    got = dict(zip(series["year"], series["volume_bcm"]))
    assert got == pytest.approx(expected)


def test_series_excludes_flagged_and_unconverted_rows(built):
    g = built["gas_imports_turkiye"]
    # Every row in the series that carries a flag must have a written judgment; rows out of the series have a reason.
    used = g[g.use_in_series]
    assert used.loc[used["flag"].notna(), "series_note"].notna().all()
    assert g.loc[~g.use_in_series, "exclusion_reason"].notna().all()
    assert g.loc[g.use_in_series, "exclusion_reason"].isna().all()
    # The raw rows flagged UNVERIFIED/"Do not use" (2022, 21.57) and CONFLICT (2018 Total 55.25 MEES; 2019 AZE 9.5)
    # are out of the series.
    out = g[~g.use_in_series]
    for year_, value in [(2022, 21.57), (2018, 55.25)]:
        assert ((out.year == year_) & (out.value_as_reported == value)).any()
    assert not ((used.year == 2019) & (used.supplier == "Azerbaijan") & (used.volume_bcm == 9.5)).any()
    # The three Mt LNG rows (2020: LNG total 10.72, Algeria 3.96, Nigeria 1.32) have no bcm value and stay out.
    mt = g[g.unit_as_reported == "Mt LNG"]
    assert sorted(mt["value_as_reported"]) == [1.32, 3.96, 10.72]
    assert mt["volume_bcm"].isna().all() and not mt["use_in_series"].any()
    # One series row per supplier and year, importer side and all importers only.
    assert not used.duplicated(["supplier", "year"]).any()
    assert set(used["side"]) == {"importer"} and set(used["importer_scope"]) == {"all importers"}


def test_gas_imports_keeps_every_raw_row(built):
    # PROVENANCE: 90 rows in turkey_gas_imports_by_supplier_press.csv, 38 in the subannual file.
    assert len(built["gas_imports_turkiye"]) == 90
    assert len(built["gas_imports_turkiye_subannual"]) == 38


def test_subannual(built):
    s = built["gas_imports_turkiye_subannual"]
    # Line 2 of the raw file: 2020-03 Azerbaijan 924.28 mcm -> 0.92428 bcm.
    row = s[(s.period == "2020-03") & (s.supplier == "Azerbaijan") & (s.quantity == "volume")]
    assert row["volume_bcm"].item() == pytest.approx(0.92428)
    # Lines 25-26: March 2021 Azerbaijan 1.072 (kept) vs 1.72 ("probable typo", "Do not use").
    march = s[(s.period == "2021-03") & (s.supplier == "Azerbaijan")].set_index("value_as_reported")["usable"]
    assert bool(march[1.072]) and not bool(march[1.72])


def test_eurostat_turkiye(built):
    # grep -c ',Turkey,' on the Eurostat tidy file -> 40 rows;
    # grep 'Natural gas,Total,.*,Turkey,2019' -> 1731656.0
    e = built["gas_imports_turkiye_eurostat"]
    assert len(e) == 40
    value = e[(e.year == 2019) & (e.siec == "Natural gas") & (e.partner == "Total")]["value_tj_gcv"].item()
    assert value == 1731656.0


def test_pipelines(built):
    p = built["pipelines"]
    assert set(p["pipeline"]) == {"BTC", "SCP", "TANAP", "TAP"}
    # Raw line 36: 'South Caucasus Pipeline (BTE/SCP),first gas into BOTAŞ system,2007.0,year (3 July 2007)'
    scp = p[(p.pipeline == "SCP") & (p.attribute == "first gas into BOTAŞ system")]
    assert scp["value"].item() == 2007 and scp["event_date"].item() == "2007-07-03"
    # Raw line 13: 'TANAP,length,1841.0,km'
    assert p[(p.pipeline == "TANAP") & (p.attribute == "length")]["value"].item() == 1841


# ------------------------------------------------------------------------------------------
# Bad raw input: errors name file, column and line
# ------------------------------------------------------------------------------------------


def test_error_missing_column(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, vocab.EI, vocab.EI_TRADE_FILE, 1, ",value,", ",val,")
    with pytest.raises(RawDataError, match=r"ei_sr2023_gas_trade_matrices_2022\.csv: missing column\(s\) \['value'\]"):
        energy.build(broken)


def test_error_unparsable_number(raw, tmp_path):
    # Line 21 of the press file is '2019,Turkey,Azerbaijan,9.6,bcm,...'.
    broken = broken_copy(
        raw, tmp_path, vocab.PRESS, vocab.PRESS_ANNUAL_FILE, 21, "Azerbaijan,9.6,bcm", "Azerbaijan,9.6x,bcm"
    )
    with pytest.raises(
        RawDataError,
        match=r"turkey_gas_imports_by_supplier_press\.csv: column 'value', line 21: '9\.6x' is not a number",
    ):
        energy.build(broken)


def test_error_unknown_country(raw, tmp_path):
    # Line 31 of the Eurostat file has reporter 'Belgium' for 2011.
    broken = broken_copy(raw, tmp_path, vocab.EUROSTAT, vocab.EUROSTAT_FILE, 31, ",Belgium,2011,", ",Atlantis,2011,")
    with pytest.raises(
        RawDataError,
        match=r"eurostat_nrg_ti_gas_custom_2022-04_tidy\.csv: column 'reporter_geo', line 31: unknown country 'Atlantis'",
    ):
        energy.build(broken)


def test_error_flagged_row_without_decision(raw, tmp_path):
    # Line 33 (2023 Azerbaijan 10.257, EPDK) gets a CONFLICT mark in its empty note: the build must ask for a decision.
    def edit(lines):
        assert lines[32].startswith("2023,Turkey,Azerbaijan,10.257,") and lines[32].endswith(",")
        lines[32] += "CONFLICT with another row"
        return lines

    broken = broken_copy_with(raw, tmp_path, vocab.PRESS, vocab.PRESS_ANNUAL_FILE, edit)
    with pytest.raises(RawDataError, match=r"column 'note', line 33: row flagged CONFLICT has no decision"):
        energy.build(broken)


def test_build_is_fast_and_deterministic(raw):
    import time

    start = time.perf_counter()
    first = energy.build(raw)
    assert time.perf_counter() - start < 5
    second = energy.build(raw)
    for table in energy.TABLES:
        assert table.to_bytes(table.validate(first[table.name], where="a")) == table.to_bytes(
            table.validate(second[table.name], where="b")
        )
