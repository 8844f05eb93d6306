"""Source keys, file names and vocabularies of the energy builder: EI indicators and aggregates, press units
and flags, pipeline names.

The judgments on flagged or conflicting press rows are in :mod:`bilateral.sources.energy.decisions`.
"""

from __future__ import annotations

import re

__all__ = [
    "EI",
    "EI_INDICATORS",
    "EI_SERIES_AGGREGATES",
    "EI_SERIES_FILE",
    "EI_TRADE_FILE",
    "EI_TRADE_MODES",
    "EI_TRADE_REGIONS",
    "EI_TRADE_TOTALS",
    "EUROSTAT",
    "EUROSTAT_AGGREGATES",
    "EUROSTAT_FILE",
    "FLAG_PATTERNS",
    "IMPORTER_AUTHORITY",
    "LABEL_KINDS",
    "PIPELINES",
    "PIPELINE_FILE",
    "PRESS",
    "PRESS_ANNUAL_FILE",
    "PRESS_NON_COUNTRY",
    "PRESS_SHARE_UNITS",
    "PRESS_SUBANNUAL_FILE",
    "PRESS_VOLUME_UNITS",
    "SCOPE_ENUM",
    "SIDE_ENUM",
    "SOURCES_USED",
]


EI = "ei_statistical_review_2023"

PRESS = "press_figures"

EUROSTAT = "eurostat_nrg_ti_gas"

SOURCES_USED = (EI, PRESS, EUROSTAT)

EI_SERIES_FILE = "ei_sr2023_country_series_targets.csv"

EI_TRADE_FILE = "ei_sr2023_gas_trade_matrices_2022.csv"

PRESS_ANNUAL_FILE = "turkey_gas_imports_by_supplier_press.csv"

PRESS_SUBANNUAL_FILE = "turkey_gas_imports_subannual_press.csv"

PIPELINE_FILE = "pipeline_facts_press.csv"

EUROSTAT_FILE = "eurostat_nrg_ti_gas_custom_2022-04_tidy.csv"

#: EI sheet -> (indicator name, EI unit text as printed in the sheet header). A sheet not listed,
#: or a sheet whose unit differs, is an error: indicator names carry the unit.
EI_INDICATORS: dict[str, tuple[str, str]] = {
    "Primary Energy Consumption": ("primary_energy_consumption_ej", "Exajoules"),
    "Oil Production - Barrels": ("oil_production_kbd", "Thousand barrels daily"),
    "Oil Production - Tonnes": ("oil_production_mt", "Million tonnes"),
    "Oil Production - Crude Conds": ("crude_condensate_production_kbd", "Thousand barrels daily"),
    "Oil Consumption - Barrels": ("oil_consumption_kbd", "Thousand barrels daily"),
    "Oil Consumption - Tonnes": ("oil_consumption_mt", "Million tonnes"),
    "Oil - Refinery capacity": ("refinery_capacity_kbd", "Thousand barrels daily*"),
    "Oil - Refining throughput": ("refinery_throughput_kbd", "Thousand barrels daily*"),
    "Oil - Proved reserves history": ("oil_proved_reserves_bn_bbl", "Thousand million barrels"),
    "Gas Production - Bcm": ("gas_production_bcm", "Billion cubic metres"),
    "Gas Production - EJ": ("gas_production_ej", "Exajoules"),
    "Gas Consumption - Bcm": ("gas_consumption_bcm", "Billion cubic metres"),
    "Gas Consumption - EJ": ("gas_consumption_ej", "Exajoules"),
    "Gas - Proved reserves history": ("gas_proved_reserves_tcm", "Trillion cubic metres"),
    "Gas - LNG imports": ("lng_imports_bcm", "Billion cubic metres"),
    "Coal Consumption - EJ": ("coal_consumption_ej", "Exajoules"),
    "Electricity Generation": ("electricity_generation_twh", "Terawatt-hours"),
    "Renewable power - TWh": ("renewable_power_generation_twh", "Terawatt-hours"),
    "CO2 Emissions from Energy": ("co2_emissions_energy_mt", "Million tonnes of carbon dioxide"),
    "Natural Gas Flaring": ("gas_flaring_bcm", "Billion cubic metres"),
}

#: EI country-series rows that are regional aggregates (dropped; only countries and the world are kept).
EI_SERIES_AGGREGATES = ("Total CIS", "Other CIS", "USSR", "Total Europe", "European Union#", "Total Middle East")

#: EI gas-trade matrix labels that are regions or subtotals, not countries (kept as text, no ISO3).
EI_TRADE_REGIONS = (
    "Africa", "Asia Pacific", "CIS", "EU", "Europe", "Middle East", "Middle East & Africa", "North America",
    "Other Africa", "Other Americas*", "Other Asia Pacific", "Other Asia Pacific*", "Other CIS", "Other EU",
    "Other Europe", "Other Europe*", "Other Middle East", "Other Middle East & Africa",
    "Other S. & Cent. America", "Rest of Europe", "S. & Cent. America",
)  # fmt: skip

#: Row and column totals of the EI trade matrices.
EI_TRADE_TOTALS = ("Total imports", "Total exports")

EI_TRADE_MODES = {"Gas - Trade movts - pipeline": "pipeline", "Gas - Trade movts LNG": "lng"}

#: Eurostat reporters that are country groups.
EUROSTAT_AGGREGATES = (
    "European Union - 27 countries (from 2020)",
    "European Union - 28 countries (2013-2020)",
    "Euro area - 19 countries  (from 2015)",
)

#: Press supplier labels that are not a single country (no ISO3).
PRESS_NON_COUNTRY = ("Total", "Pipeline total", "LNG total", "UNVERIFIED top supplier (excerpt truncated)")

#: Units of the press gas tables: unit as reported -> how many of that unit make one bcm
#: (None: not a gas volume, never converted).
PRESS_VOLUME_UNITS: dict[str, float | None] = {
    "bcm": 1.0,
    "bcm (Sm3)": 1.0,  # EPDK's standard cubic metres; kept as bcm, the unit text says which
    "mcm": 1000.0,
    "Mt LNG": None,  # mass of LNG: never converted to a gas volume here
}

PRESS_SHARE_UNITS = ("% of total imports", "% of monthly imports")

#: Marks in the collector's ``note`` (or ``measure``) that a row must be read before use.
FLAG_PATTERNS = {
    "CONFLICT": re.compile(r"CONFLICT"),
    "UNVERIFIED": re.compile(r"UNVERIFIED"),
    "probable typo": re.compile(r"typo", re.IGNORECASE),
    "do not use": re.compile(r"do not use", re.IGNORECASE),
}

#: Who speaks for the importer side (Turkish regulator and state importer).
IMPORTER_AUTHORITY = re.compile(r"EPDK|EMRA|BOTA[SŞ]", re.IGNORECASE)

#: Pipeline labels in the press file -> (short key, display name).
PIPELINES: dict[str, tuple[str, str]] = {
    "BTC oil pipeline": ("BTC", "Baku–Tbilisi–Ceyhan oil pipeline (BTC)"),
    "South Caucasus Pipeline (BTE/SCP)": ("SCP", "South Caucasus Pipeline / Baku–Tbilisi–Erzurum (SCP/BTE)"),
    "TANAP": ("TANAP", "Trans-Anatolian Natural Gas Pipeline (TANAP)"),
    "TAP": ("TAP", "Trans Adriatic Pipeline (TAP)"),
}

SIDE_ENUM = ("importer", "exporter")

SCOPE_ENUM = ("all importers", "BOTAŞ only")

LABEL_KINDS = ("country", "region", "total")
