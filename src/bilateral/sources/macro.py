"""Macro context: GDP (World Bank WDI, 2022 vintage) and population (Our World in Data).

Builds one table, ``macro``: one row per country (or the world) and year, 1990–2024. GDP ends
in 2021 in this WDI vintage; later years keep the population and leave GDP missing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral.countries import check_same_codes, map_names, raw_row
from bilateral.errors import RawDataError
from bilateral.schema import Field, Table, iso3, year
from bilateral.sources._raw import read_csv, to_integer, to_number

SOURCES_USED = ("wdi_gdp_2022", "owid_population")

WDI_FILE = "wdi_gdp_targets_1990_2021.csv"
OWID_FILE = "owid_population_targets_1990_2024.csv"

FIRST_YEAR, LAST_YEAR = 1990, 2024

#: WDI indicators used -> (output column, factor from the WDI unit to the column's unit).
WDI_INDICATORS: dict[str, tuple[str, float]] = {
    "NY.GDP.MKTP.CD": ("gdp_usd_m", 1e-6),
    "NY.GDP.PCAP.CD": ("gdp_per_capita_usd", 1.0),
}

MACRO = Table(
    name="macro",
    title="GDP and population, target countries and the world, 1990–2024",
    description=(
        "One row per country (or WLD, the world) and year, 1990–2024: GDP in current US$ and GDP per capita from "
        "the World Bank's World Development Indicators (2022 vintage, data to 2021), population from Our World in "
        "Data (based on UN World Population Prospects). Countries: AZE, TUR, ARM, RUS, IRN, GEO, ITA, DEU, CHN, ISR."
    ),
    sources=("wdi_gdp_2022", "owid_population"),
    fields=(
        iso3("iso3", "Country, ISO3 (WLD = world)."),
        year("year", "Calendar year."),
        Field(
            "gdp_usd_m",
            "number",
            "GDP at purchaser's prices (WDI NY.GDP.MKTP.CD) divided by one million.",
            unit="US$ million, current prices",
            required=False,
            minimum=0,
        ),
        Field(
            "gdp_per_capita_usd",
            "number",
            "GDP per capita as published by the World Bank (WDI NY.GDP.PCAP.CD, computed with the World Bank's own population figures, not the population column here).",
            unit="US$ per person, current prices",
            required=False,
            minimum=0,
        ),
        Field(
            "population",
            "integer",
            "Mid-year population (OWID compilation based on UN WPP).",
            unit="persons",
            required=False,
            minimum=0,
        ),
    ),
    primary_key=("iso3", "year"),
    warnings=(
        "GDP ends in 2021 in this WDI vintage: 2022–2024 GDP is missing, not zero. Some earlier years are missing too (Iran 1991–92 and 2021, Israel 1990–94).",
        "GDP and population come from different publishers; gdp_usd_m / population is close to, but not the same as, gdp_per_capita_usd.",
        "Current US$: values are not adjusted for inflation or exchange-rate movements.",
    ),
)

TABLES = (MACRO,)


def build_gdp(raw: Path) -> pd.DataFrame:
    """WDI GDP indicators, wide: ``iso3, year`` and one column per :data:`WDI_INDICATORS` entry."""
    file = f"wdi_gdp_2022/{WDI_FILE}"
    df = read_csv(raw, "wdi_gdp_2022", WDI_FILE, required=["country_name", "iso3", "indicator_code", "year", "value"])
    mapped = map_names(df["country_name"].str.strip(), file=file, column="country_name")
    check_same_codes(mapped, df["iso3"], file=file, column="iso3")
    long = pd.DataFrame(
        {
            "iso3": mapped,
            "year": to_integer(df, "year", file=file),
            "indicator": df["indicator_code"].str.strip(),
            "value": to_number(df, "value", file=file),
        }
    )
    long = long[long["indicator"].isin(list(WDI_INDICATORS))]
    missing = set(WDI_INDICATORS) - set(long["indicator"])
    if missing:
        raise RawDataError(f"{file}: column 'indicator_code': indicator(s) {sorted(missing)} not found")
    duplicated = long.duplicated(["iso3", "year", "indicator"], keep=False)
    if duplicated.any():
        lines = [raw_row(i) for i in long.index[duplicated][:4]]
        raise RawDataError(f"{file}: country, indicator and year repeat on lines {lines}")
    long["value"] = long["value"] * long["indicator"].map({k: f for k, (_, f) in WDI_INDICATORS.items()})
    long["column"] = long["indicator"].map({k: c for k, (c, _) in WDI_INDICATORS.items()})
    wide = long.pivot(index=["iso3", "year"], columns="column", values="value")
    wide.columns.name = None
    return wide.reindex(columns=[c for c, _ in WDI_INDICATORS.values()]).reset_index()


def build_population(raw: Path) -> pd.DataFrame:
    """OWID population: ``iso3, year, population``."""
    file = f"owid_population/{OWID_FILE}"
    df = read_csv(raw, "owid_population", OWID_FILE, required=["country", "year", "iso_code", "population"])
    mapped = map_names(df["country"].str.strip(), file=file, column="country")
    # OWID codes its own aggregates OWID_*; only real ISO3 codes are compared with the mapped names.
    check_same_codes(
        mapped, df["iso_code"].where(~df["iso_code"].fillna("").str.startswith("OWID_")), file=file, column="iso_code"
    )
    out = pd.DataFrame(
        {
            "iso3": mapped,
            "year": to_integer(df, "year", file=file),
            "population": to_integer(df, "population", file=file),
        }
    )
    duplicated = out.duplicated(["iso3", "year"], keep=False)
    if duplicated.any():
        lines = [raw_row(i) for i in out.index[duplicated][:4]]
        raise RawDataError(f"{file}: country and year repeat on lines {lines}")
    return out


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build ``macro``: GDP and population joined on country and year, 1990–2024."""
    table = build_population(raw).merge(build_gdp(raw), on=["iso3", "year"], how="outer")
    table = table[table["year"].between(FIRST_YEAR, LAST_YEAR)]
    return {MACRO.name: table[MACRO.columns].reset_index(drop=True)}
