"""Tests of bilateral.sources.macro: GDP (WDI) and population (OWID).

Expected values were read by hand from the raw files (grep commands quoted in the comments).
"""

from __future__ import annotations

import pandas as pd
import pytest

from bilateral.errors import RawDataError
from bilateral.sources import macro
from conftest import broken_copy

WDI = "wdi_gdp_targets_1990_2021.csv"
OWID = "owid_population_targets_1990_2024.csv"


@pytest.fixture(scope="module")
def table(raw):
    return macro.build(raw)["macro"]


def row(df, code, yr):
    return df[(df["iso3"] == code) & (df["year"] == yr)].iloc[0]


def test_table_matches_its_schema(table):
    macro.MACRO.validate(table, where="test")


def test_round_trip(table, tmp_path):
    (tmp_path / macro.MACRO.filename).write_bytes(macro.MACRO.to_bytes(macro.MACRO.validate(table, where="test")))
    macro.MACRO.validate(macro.MACRO.read(tmp_path), where="round trip")


def test_eleven_entities_35_years(table):
    # OWID file: 385 data rows = 11 entities x 1990-2024; GDP adds no other country-year
    assert len(table) == 385
    assert set(table["year"]) == set(range(1990, 2025))
    assert set(table["iso3"]) == {"AZE", "TUR", "RUS", "IRN", "GEO", "ITA", "DEU", "CHN", "ARM", "ISR", "WLD"}


def test_gdp_in_millions(table):
    # grep 'Azerbaijan,AZE,GDP (current US$),NY.GDP.MKTP.CD,2000' WDI -> 5272798391.0 US$ -> 5272.798391 m
    assert row(table, "AZE", 2000)["gdp_usd_m"] == pytest.approx(5272.798391)
    # grep 'Turkiye,TUR,GDP (current US$),NY.GDP.MKTP.CD,2010' WDI -> 776993000000.0 US$ -> 776993 m
    assert row(table, "TUR", 2010)["gdp_usd_m"] == pytest.approx(776993.0)


def test_population_in_persons(table):
    # grep '^Azerbaijan,2000,' OWID -> 8174784.0 ; grep '^World,2024,' OWID -> 8161972574.0 (iso_code blank)
    assert row(table, "AZE", 2000)["population"] == 8174784
    assert row(table, "WLD", 2024)["population"] == 8161972574


def test_gdp_after_2021_is_missing_not_zero(table):
    # WDI ends in 2021; OWID goes to 2024
    later = table[table["year"] > 2021]
    assert later["gdp_usd_m"].isna().all() and later["population"].notna().all()
    # Israel has no WDI GDP before 1995 (python: set(range(1990, 2022)) - set of ISR years in WDI)
    assert pd.isna(row(table, "ISR", 1994)["gdp_usd_m"])


def test_missing_column_names_file_and_column(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "owid_population", OWID, 1, "population", "pop")
    with pytest.raises(RawDataError, match=rf"{OWID}: missing column\(s\) \['population'\]"):
        macro.build(broken)


def test_unparsable_number_names_file_column_line(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "wdi_gdp_2022", WDI, 3, "8858006036.0", "8858006036 USD")
    with pytest.raises(RawDataError, match=rf"{WDI}: column 'value', line 3: '8858006036 USD' is not a number"):
        macro.build(broken)


def test_unknown_country_names_file_column_line(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "owid_population", OWID, 4, "Armenia", "Atlantis")
    with pytest.raises(RawDataError, match=rf"{OWID}: column 'country', line 4: unknown country 'Atlantis'"):
        macro.build(broken)


def test_code_disagreeing_with_name_raises(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "wdi_gdp_2022", WDI, 2, "Armenia,ARM", "Armenia,AZE")
    with pytest.raises(RawDataError, match=rf"{WDI}: column 'iso3', line 2: code 'AZE' disagrees"):
        macro.build(broken)
