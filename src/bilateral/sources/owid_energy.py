"""Oil and gas production and consumption to 2024 from Our World in Data's energy dataset.

Source (raw folder): ``owid_energy`` (``owid_energy_subset.csv``: OWID's rows for Armenia,
Azerbaijan, Georgia, Iran, Kazakhstan, Russia, Türkiye and Turkmenistan). OWID gives energy in
terawatt-hours (TWh), converted by OWID from the Energy Institute's volumes: the unit stays in the
column name and nothing is converted back into barrels or cubic metres here. Only the five series
listed in :data:`INDICATORS` are kept, and only cells with a value (missing stays missing: Türkiye's
oil and gas production stop in 2016 and are not zero afterwards).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral.countries import check_same_codes, map_names
from bilateral.schema import Field, Table, iso3, year
from bilateral.sources._raw import read_csv, to_integer, to_number

OWID = "owid_energy"
SOURCES_USED = (OWID,)
OWID_FILE = "owid_energy_subset.csv"

#: OWID column -> indicator name (the unit, TWh, is in the value column's name).
INDICATORS: dict[str, str] = {
    "oil_production": "oil_production",
    "oil_consumption": "oil_consumption",
    "gas_production": "gas_production",
    "gas_consumption": "gas_consumption",
    "primary_energy_consumption": "primary_energy_consumption",
}

OWID_ENERGY = Table(
    name="owid_energy_series",
    title="Oil and gas production and consumption, primary energy, to 2024 (Our World in Data, TWh)",
    description=(
        "One row per country, year and indicator with a value, from Our World in Data's energy dataset (rows for Armenia, "
        "Azerbaijan, Georgia, Iran, Kazakhstan, Russia, Türkiye and Turkmenistan), in terawatt-hours as OWID gives them. "
        "OWID's fossil-fuel series to 2024 are based on the Energy Institute's Statistical Review (a later edition than the "
        "2023 one in `energy_series`); earlier oil and gas production of some countries comes from the Shift Data Portal. "
        "Missing cells are left out, not filled."
    ),
    sources=(OWID,),
    fields=(
        iso3("iso3", "Country, ISO 3166 alpha-3."),
        year(),
        Field(
            "indicator",
            "string",
            "OWID series: oil or gas production or consumption, or primary energy consumption.",
            enum=tuple(sorted(INDICATORS.values())),
        ),
        Field(
            "value_twh",
            "number",
            "The value in terawatt-hours (energy content, as converted by OWID).",
            unit="terawatt-hours",
            minimum=0,
        ),
    ),
    primary_key=("iso3", "indicator", "year"),
    warnings=(
        "Terawatt-hours, not barrels or cubic metres: compare with the Energy Institute's exajoules (1 EJ = 277.78 TWh exactly) "
        "or state the factor used for any conversion to volumes.",
        "Cite 'Our World in Data, Energy dataset, based on Energy Institute – Statistical Review of World Energy'. OWID revises back years.",
    ),
)

TABLES = (OWID_ENERGY,)


def owid_series(raw: Path) -> pd.DataFrame:
    """The kept OWID series in long form (country, year, indicator, TWh), cells with a value only.

    Raises:
        RawDataError: for a missing column, an unknown country name, a country whose ``iso_code``
            differs from its name's ISO3, a year or value that is not a number (naming file, column, line).
    """
    file = f"{OWID}/{OWID_FILE}"
    df = read_csv(raw, OWID, OWID_FILE, required=("country", "year", "iso_code", *INDICATORS))
    iso = map_names(df["country"], file=file, column="country")
    check_same_codes(iso, df["iso_code"], file=file, column="iso_code")
    years = to_integer(df, "year", file=file)
    frames = []
    for column, name in INDICATORS.items():
        value = to_number(df, column, file=file)
        keep = value.notna()
        frames.append(
            pd.DataFrame({"iso3": iso[keep], "year": years[keep], "indicator": name, "value_twh": value[keep]})
        )
    return pd.concat(frames, ignore_index=True)


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build the OWID energy table from the raw folder ``raw``."""
    return {OWID_ENERGY.name: owid_series(raw)}
