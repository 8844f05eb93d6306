"""Energy tables: Energy Institute series and 2022 gas trade, Türkiye's gas imports, pipeline facts.

Sources (raw folders): ``ei_statistical_review_2023`` (the tidy CSVs only; the workbook is never
read or republished), ``press_figures`` (hand-collected press figures, each with URL and quote) and
``eurostat_nrg_ti_gas`` (Türkiye as a reporter).

The press table of Türkiye's gas imports mixes importer-side figures (EPDK/EMRA, BOTAŞ) with
exporter-side ones (Gazprom, Azerbaijan's Energy Ministry), BOTAŞ-only totals, shares, LNG in
million tonnes and rows the collector flagged. Every raw row is kept; ``use_in_series`` marks
the rows that together give one importer-side annual volume series per supplier, and
``exclusion_reason`` says why any other row is left out. Judgments on flagged or conflicting
rows are written down in :data:`PRESS_DECISIONS`, one line each with its reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from bilateral.countries import check_same_codes, map_names, raw_row
from bilateral.errors import RawDataError
from bilateral.schema import Field, Table, iso3, year
from bilateral.sources._raw import read_csv, to_integer, to_number

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

#: Judgments on annual press rows, keyed by (year, supplier label as in the raw file, value text):
#: (use in the importer-side series?, reason). Every flagged row that would otherwise enter the
#: series must be listed here; the reasons only restate what the rows' own notes and values show.
PRESS_DECISIONS: dict[tuple[int, str, str], tuple[bool, str]] = {
    (2018, "Total", "55.25"): (
        False,
        "MEES figure conflicts with EPDK's 50.3 bcm for 2018 and probably refers to 2017 (see note)",
    ),
    (2018, "Total", "50.3"): (True, "EPDK figure preferred to MEES's 55.25 bcm, as the notes of both rows advise"),
    (2014, "Total", "47.6"): (
        False,
        "two press totals for 2014 disagree (47.6 and 49.2 bcm) and neither cites EPDK: left as a gap",
    ),
    (2014, "Total", "49.2"): (
        False,
        "two press totals for 2014 disagree (47.6 and 49.2 bcm) and neither cites EPDK: left as a gap",
    ),
    (2020, "Total", "47.95"): (
        False,
        "disagrees with 48.1 bcm, which matches the +6.5% growth quoted on EMRA's 45.2 bcm for 2019",
    ),
    (2020, "Total", "48.1"): (
        True,
        "kept over MEES's 47.95 bcm: 45.2 bcm (2019, EMRA) x 1.065 (growth quoted in the same article) = 48.1 bcm",
    ),
    (2019, "Azerbaijan", "9.5"): (
        False,
        "flagged CONFLICT with the 9.6 bcm row; 9.6 bcm matches 21.2% of the 45.2 bcm total quoted for 2019",
    ),
    (2022, "UNVERIFIED top supplier (excerpt truncated)", "21.57"): (
        False,
        "supplier name missing from the stored excerpt (UNVERIFIED; 'Do not use'); the Russia 2022 row (21.6 bcm, EPDK) is used instead",
    ),
    (2022, "Russia", "21.6"): (
        True,
        "the note's UNVERIFIED refers to the other (truncated) row, which this EPDK figure corroborates",
    ),
    (2024, "Azerbaijan", "11.478"): (
        True,
        "importer-side EPDK figure; its CONFLICT is with the exporter-side 9.9 bcm, which is not in the series",
    ),
    (2014, "Russia", "27.33"): (
        False,
        "same number as Gazprom's own (exporter-side) 2014 figure, per the note: side uncertain",
    ),
}

#: Judgments on subannual press rows, keyed by (period, supplier label, value text): (usable?, reason).
SUBANNUAL_DECISIONS: dict[tuple[str, str, str], tuple[bool, str]] = {
    ("2021-03", "Azerbaijan", "1.072"): (
        True,
        "consistent with +16% on March 2020 (924.28 mcm x 1.16 = 1.072 bcm); the 1.72 bcm row is the typo",
    ),
    ("2021-03", "Azerbaijan", "1.72"): (False, "probable typo ('Do not use'): +16% on 924.28 mcm cannot give 1.72 bcm"),
}

#: Pipeline labels in the press file -> (short key, display name).
PIPELINES: dict[str, tuple[str, str]] = {
    "BTC oil pipeline": ("BTC", "Baku–Tbilisi–Ceyhan oil pipeline (BTC)"),
    "South Caucasus Pipeline (BTE/SCP)": ("SCP", "South Caucasus Pipeline / Baku–Tbilisi–Erzurum (SCP/BTE)"),
    "TANAP": ("TANAP", "Trans-Anatolian Natural Gas Pipeline (TANAP)"),
    "TAP": ("TAP", "Trans Adriatic Pipeline (TAP)"),
}

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), 1
)}  # fmt: skip

SIDE_ENUM = ("importer", "exporter")
SCOPE_ENUM = ("all importers", "BOTAŞ only")
LABEL_KINDS = ("country", "region", "total")
_PRESS_WARNING = (
    "Press figures (secondary sources quoting EPDK/EMRA, BOTAŞ, Gazprom, Azerbaijan's Energy Ministry and others): "
    "label them as such. Years without a row are gaps, not zeros; nothing is interpolated."
)

# ---------------------------------------------------------------------------------------------
# Table specs
# ---------------------------------------------------------------------------------------------

ENERGY_SERIES = Table(
    name="energy_series",
    title="Energy Institute Statistical Review 2023: selected country series",
    description=(
        "One row per country (or the world, WLD), year and indicator, from the tidy extract of 20 sheets of the "
        "Energy Institute Statistical Review of World Energy 2023 (data 1965–2022) for Azerbaijan, Türkiye, Russia, "
        "Iran, Italy, Germany, China and Israel. Regional aggregates (CIS, Other CIS, USSR, Europe, EU, Middle East) "
        "are dropped; Georgia and Armenia are not listed separately by EI. Cells EI marks 'n/a' are omitted. "
        "A subset only: the EI workbook is not republished."
    ),
    sources=(EI,),
    fields=(
        iso3("iso3", "Country, ISO 3166 alpha-3 (WLD = world total)."),
        year(),
        Field(
            "indicator",
            "string",
            "Series name; its suffix gives the unit (kbd = thousand barrels a day, mt = million tonnes, "
            "bcm = billion cubic metres, ej = exajoules, twh = terawatt-hours, tcm = trillion cubic metres, "
            "bn_bbl = thousand million barrels; co2_emissions_energy_mt is in million tonnes of CO2).",
            enum=tuple(sorted(v[0] for v in EI_INDICATORS.values())),
        ),
        Field("value", "number", "The value, in the unit of the indicator.", unit="see `unit`"),
        Field("unit", "string", "The unit as EI prints it in the sheet header (an asterisk refers to an EI footnote)."),
        Field("ei_sheet", "string", "EI workbook sheet the value comes from.", enum=tuple(EI_INDICATORS)),
    ),
    primary_key=("iso3", "indicator", "year"),
    warnings=(
        "Energy Institute data: cite 'Energy Institute – Statistical Review of World Energy (2023)'. EI revises back years each edition.",
    ),
)

GAS_TRADE = Table(
    name="gas_trade_2022",
    title="Natural gas trade movements 2022, by pipeline and as LNG (EI matrices)",
    description=(
        "One row per exporter, importer and mode from the two 2022 gas trade matrices of the Energy Institute "
        "Statistical Review 2023, in billion cubic metres. Labels are kept as EI prints them; regional subtotals "
        "('EU', 'Rest of Europe', ...) and the matrix totals ('Total imports' = an importer's row total, "
        "'Total exports' = an exporter's column total) are rows too, so do not sum over all rows. Türkiye has its "
        "own row only in the LNG matrix; in the pipeline matrix it is inside 'Rest of Europe'. Zeros are kept as EI gives them."
    ),
    sources=(EI,),
    fields=(
        Field("mode", "string", "Transport mode: pipeline or lng (liquefied natural gas).", enum=("lng", "pipeline")),
        Field("exporter", "string", "Exporting country or region, as labelled by EI (column header of the matrix)."),
        Field("importer", "string", "Importing country or region, as labelled by EI (row label of the matrix)."),
        iso3(
            "exporter_iso3",
            "ISO3 of the exporter when the label is a country; empty for regions and totals.",
            required=False,
        ),
        iso3(
            "importer_iso3",
            "ISO3 of the importer when the label is a country; empty for regions and totals.",
            required=False,
        ),
        Field(
            "exporter_kind",
            "string",
            "Whether the exporter label is a country, a region (or 'Other ...' group) or the matrix total.",
            enum=LABEL_KINDS,
        ),
        Field(
            "importer_kind",
            "string",
            "Whether the importer label is a country, a region (or 'Other ...' group) or the matrix total.",
            enum=LABEL_KINDS,
        ),
        Field("volume_bcm", "number", "Volume traded in 2022.", unit="billion cubic metres", minimum=0),
        Field("ei_sheet", "string", "EI workbook sheet.", enum=tuple(EI_TRADE_MODES)),
    ),
    primary_key=("mode", "exporter", "importer"),
    warnings=("Regional subtotals and matrix totals are rows: filter on exporter_kind/importer_kind before summing.",),
)

GAS_IMPORTS = Table(
    name="gas_imports_turkiye",
    title="Türkiye's natural gas imports by supplier, calendar years (press figures)",
    description=(
        "Every row of the hand-collected press table of Türkiye's annual gas imports by supplier (2007–2024, with gaps), "
        "one row per figure as published, with its publisher, URL and quote. Importer-side figures (EPDK/EMRA, BOTAŞ) and "
        "exporter-side ones (Gazprom, Azerbaijan's Energy Ministry) are told apart in `side`; shares are in `share_pct`; "
        "volumes in `volume_bcm` only where the source gave bcm (LNG in million tonnes is never converted). "
        "`use_in_series` marks one importer-side volume per supplier and year (suppliers include 'Total', 'Pipeline total' "
        "and 'LNG total'); `exclusion_reason` says why every other row is left out."
    ),
    sources=(PRESS,),
    fields=(
        year(description="Calendar year the figure refers to (as established by the collector; see note)."),
        Field(
            "supplier",
            "string",
            "Supplying country as named by the source, or 'Total', 'Pipeline total', 'LNG total'; "
            "the truncated-excerpt row keeps its raw label.",
        ),
        iso3("supplier_iso3", "ISO3 of the supplier; empty for totals and the unidentified row.", required=False),
        Field(
            "side",
            "string",
            "Who reports the figure: importer (Turkish regulator/importers) or exporter (supplier's company or ministry).",
            enum=SIDE_ENUM,
        ),
        Field(
            "importer_scope", "string", "All importers, or BOTAŞ only (excludes private importers).", enum=SCOPE_ENUM
        ),
        Field(
            "quantity",
            "string",
            "volume (a quantity of gas) or share (a percentage of Türkiye's total imports).",
            enum=("share", "volume"),
        ),
        Field(
            "volume_bcm",
            "number",
            "Volume in billion cubic metres, as reported; empty for shares and for LNG reported in million tonnes.",
            unit="billion cubic metres",
            required=False,
            minimum=0,
        ),
        Field(
            "share_pct",
            "number",
            "Share of Türkiye's total gas imports, from a share row or from a percentage printed with the volume.",
            unit="percent of total imports",
            required=False,
            minimum=0,
            maximum=100,
        ),
        Field(
            "value_as_reported",
            "number",
            "The number as the source gives it, in `unit_as_reported`.",
            unit="see `unit_as_reported`",
        ),
        Field(
            "unit_as_reported",
            "string",
            "bcm, bcm (Sm3) (EPDK standard cubic metres), Mt LNG (million tonnes of LNG) or % of total imports.",
            enum=("% of total imports", "Mt LNG", "bcm", "bcm (Sm3)"),
        ),
        Field(
            "measure",
            "string",
            "What the figure measures, as noted by the collector (e.g. 'annual volume (Gazprom, exporter side)').",
        ),
        Field("reported_by", "string", "Publisher of the page and whom it cites."),
        Field("url", "string", "Page the figure was read from."),
        Field("quote", "string", "Excerpt of the page text containing the figure (original language)."),
        Field("note", "string", "Collector's note (translation, caveats, conflicts).", required=False),
        Field(
            "flag",
            "string",
            "Warnings found in the note or measure: CONFLICT, UNVERIFIED, probable typo, do not use (semicolon-separated).",
            required=False,
        ),
        Field(
            "use_in_series",
            "boolean",
            "True for the one importer-side volume per supplier and year that builds the annual series.",
        ),
        Field("exclusion_reason", "string", "Why the row is not in the series (empty when it is).", required=False),
        Field(
            "series_note",
            "string",
            "For rows in the series that needed a judgment (flagged or competing figures): why this one.",
            required=False,
        ),
        Field(
            "raw_line",
            "integer",
            "Line of the row in press_figures/turkey_gas_imports_by_supplier_press.csv (line 1 = header).",
            minimum=2,
        ),
    ),
    primary_key=("year", "supplier", "importer_scope", "quantity", "reported_by"),
    warnings=(
        _PRESS_WARNING,
        "Never mix importer-side and exporter-side figures in one series: they differ by up to about 1.5 bcm for the same year.",
    ),
)

GAS_IMPORTS_SUBANNUAL = Table(
    name="gas_imports_turkiye_subannual",
    title="Türkiye's natural gas imports by supplier, months, quarters and year-to-date (press figures)",
    description=(
        "Every row of the press table of monthly, quarterly, half-year and year-to-date figures (2019–2025) on Türkiye's "
        "gas imports by supplier, with publisher, URL and quote. Million cubic metres are converted to bcm (divided by 1,000); "
        "shares refer to the imports of the same period. Partial-year figures must not be read as annual ones."
    ),
    sources=(PRESS,),
    fields=(
        year(description="Year of the period."),
        Field(
            "period",
            "string",
            "Period as written by the collector: YYYY-MM, YYYY-Qn, YYYY-H1, or a range 'YYYY-MM..YYYY-MM'.",
        ),
        Field("period_start", "string", "First month of the period (YYYY-MM)."),
        Field("period_end", "string", "Last month of the period (YYYY-MM)."),
        Field("months", "integer", "Number of months the period covers.", minimum=1, maximum=12),
        Field("supplier", "string", "Supplying country as named by the source, or 'Total', 'LNG total'."),
        iso3("supplier_iso3", "ISO3 of the supplier; empty for totals.", required=False),
        Field(
            "side",
            "string",
            "Who reports the figure (all rows here are importer-side EPDK figures or press reports of them).",
            enum=SIDE_ENUM,
        ),
        Field(
            "quantity",
            "string",
            "volume, share (of the period's imports) or rank statement (qualitative, no number).",
            enum=("rank statement", "share", "volume"),
        ),
        Field(
            "volume_bcm",
            "number",
            "Volume over the period in billion cubic metres (mcm / 1,000).",
            unit="billion cubic metres",
            required=False,
            minimum=0,
        ),
        Field(
            "share_pct",
            "number",
            "Share of Türkiye's gas imports in the period.",
            unit="percent of the period's imports",
            required=False,
            minimum=0,
            maximum=100,
        ),
        Field(
            "value_as_reported",
            "number",
            "The number as the source gives it, in `unit_as_reported`.",
            unit="see `unit_as_reported`",
            required=False,
        ),
        Field("unit_as_reported", "string", "bcm, mcm (million cubic metres) or % of monthly imports.", required=False),
        Field("measure", "string", "What the figure measures, as noted by the collector."),
        Field("reported_by", "string", "Publisher of the page and whom it cites."),
        Field("url", "string", "Page the figure was read from."),
        Field("quote", "string", "Excerpt of the page text containing the figure (original language)."),
        Field("note", "string", "Collector's note.", required=False),
        Field(
            "flag",
            "string",
            "Warnings found in the note or measure (CONFLICT, UNVERIFIED, probable typo, do not use).",
            required=False,
        ),
        Field("usable", "boolean", "False for rows that must not be used (a flagged row judged wrong)."),
        Field(
            "exclusion_reason",
            "string",
            "Why an unusable row is left out, or why a flagged row is kept.",
            required=False,
        ),
        Field(
            "raw_line", "integer", "Line of the row in press_figures/turkey_gas_imports_subannual_press.csv.", minimum=2
        ),
    ),
    primary_key=("period", "supplier", "quantity", "reported_by"),
    warnings=(_PRESS_WARNING, "Partial-year figures: do not compare with calendar-year totals."),
)

GAS_IMPORTS_EUROSTAT = Table(
    name="gas_imports_turkiye_eurostat",
    title="Türkiye's natural gas imports, total and from Russia (Eurostat nrg_ti_gas)",
    description=(
        "Türkiye as reporter in a custom Eurostat extract of nrg_ti_gas (2011–2020): natural gas and LNG imports, from all "
        "partners and from Russia, in terajoules (gross calorific value). Azerbaijan as a partner is not in this extract."
    ),
    sources=(EUROSTAT,),
    fields=(
        year(),
        Field("siec", "string", "Product (Eurostat SIEC label).", enum=("Liquefied natural gas", "Natural gas")),
        Field(
            "partner",
            "string",
            "Partner as labelled by Eurostat: Russia or Total (all partners).",
            enum=("Russia", "Total"),
        ),
        iso3("partner_iso3", "ISO3 of the partner; empty for the total.", required=False),
        Field("value_tj_gcv", "number", "Imports.", unit="terajoules, gross calorific value", minimum=0),
    ),
    primary_key=("year", "siec", "partner"),
    warnings=(
        "Terajoules (GCV), not cubic metres: 1 bcm is roughly 38,000–40,000 TJ GCV depending on the gas; state any conversion.",
    ),
)

PIPELINE_FACTS = Table(
    name="pipelines",
    title="BTC, South Caucasus (SCP/BTE), TANAP and TAP: facts from press and company pages",
    description=(
        "One row per fact (length, capacity, dates, cost, throughput, flows) on the four pipelines that carry "
        "Azerbaijani oil and gas through or to Türkiye, each with the publisher, URL and quote. Values whose unit is "
        "'year' hold the year; the month or day, when given, is in `qualifier` and, for a full date, in `event_date`."
    ),
    sources=(PRESS,),
    fields=(
        Field("pipeline", "string", "Short key.", enum=tuple(sorted(v[0] for v in PIPELINES.values()))),
        Field("pipeline_name", "string", "Display name."),
        Field(
            "attribute",
            "string",
            "What the fact is about, as written by the collector (e.g. 'throughput 2019', 'capacity').",
        ),
        Field(
            "value",
            "number",
            "The number (a year when `unit` is 'year'); empty when the fact is text only (see quote).",
            unit="see `unit`",
            required=False,
        ),
        Field(
            "unit",
            "string",
            "Unit of `value` (km, million barrels/day, bcm/year, million barrels, million tonnes, bcm, USD bn, year, %).",
        ),
        Field(
            "qualifier",
            "string",
            "The bracketed text that followed the unit in the raw file (periods, dates, splits).",
            required=False,
        ),
        Field(
            "event_date",
            "date",
            "The full date given in the qualifier, when there is one (YYYY-MM-DD).",
            required=False,
        ),
        Field(
            "reference_year",
            "integer",
            "Year a throughput or flow figure refers to, read from the attribute.",
            required=False,
            minimum=1990,
            maximum=2100,
        ),
        Field(
            "period_kind",
            "string",
            "For throughput and flow figures: calendar year, partial year or cumulative.",
            enum=("calendar year", "cumulative", "partial year"),
            required=False,
        ),
        Field("value_as_reported", "string", "The value cell as in the raw file.", required=False),
        Field("unit_as_reported", "string", "The unit cell as in the raw file."),
        Field("source", "string", "Publisher of the page and whom it cites."),
        Field("url", "string", "Page the fact was read from."),
        Field("quote", "string", "Excerpt of the page text containing the fact."),
        Field("note", "string", "Collector's note.", required=False),
    ),
    primary_key=("pipeline", "attribute", "unit_as_reported"),
    warnings=(_PRESS_WARNING,),
)

TABLES = (ENERGY_SERIES, GAS_TRADE, GAS_IMPORTS, GAS_IMPORTS_SUBANNUAL, GAS_IMPORTS_EUROSTAT, PIPELINE_FACTS)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _label(key: str, filename: str) -> str:
    return f"{key}/{filename}"


def parse_years(df: pd.DataFrame, column: str, *, file: str) -> pd.Series:
    """Parse a year column that must be filled in every row.

    Raises:
        RawDataError: naming file, column and line of an empty cell or one that is not a whole number.
    """
    years = to_integer(df, column, file=file)
    if years.isna().any():
        raise _fail(file, column, years.isna().idxmax(), "empty year")
    return years


def _fail(file: str, column: str, index: object, message: str) -> RawDataError:
    return RawDataError(f"{file}: column {column!r}, line {raw_row(index)}: {message}")


def find_flags(*texts: object) -> str | None:
    """The warning marks (CONFLICT, UNVERIFIED, probable typo, do not use) found in the texts, or None.

    >>> find_flags("CONFLICT with row X", "annual volume (probable typo)")
    'CONFLICT; probable typo'
    """
    joined = " ".join(str(t) for t in texts if isinstance(t, str))
    found = [name for name, pattern in FLAG_PATTERNS.items() if pattern.search(joined)]
    return "; ".join(found) or None


def side_of(measure: str) -> str:
    """'exporter' if the measure text says the figure is the exporter's (or export) side, else 'importer'.

    >>> side_of("annual volume (Gazprom, exporter side)"), side_of("annual volume")
    ('exporter', 'importer')
    """
    return "exporter" if re.search(r"export(er)?\s+side", measure, re.IGNORECASE) else "importer"


def split_supplier(label: str) -> tuple[str, str, str]:
    """Split a raw supplier label into (supplier, quantity, importer scope).

    >>> split_supplier("Azerbaijan share")
    ('Azerbaijan', 'share', 'all importers')
    >>> split_supplier("LNG total (BOTAS only)")
    ('LNG total', 'volume', 'BOTAŞ only')
    >>> split_supplier("LNG share")
    ('LNG total', 'share', 'all importers')
    """
    text = label.strip()
    scope = "all importers"
    if re.search(r"\(BOTA[SŞ] only\)$", text):
        text, scope = re.sub(r"\s*\(BOTA[SŞ] only\)$", "", text), "BOTAŞ only"
    quantity = "volume"
    if text.endswith(" share"):
        text, quantity = text[: -len(" share")], "share"
        if text == "LNG":  # "LNG share": the share of all LNG in total imports
            text = "LNG total"
    return text, quantity, scope


def share_in_measure(measure: str) -> float:
    """The percentage printed in a measure text such as 'annual volume (42.27%)', or NaN."""
    found = re.search(r"(\d+(?:\.\d+)?)\s*%", measure)
    return float(found.group(1)) if found else np.nan


def decimals(text: str) -> int:
    """Number of decimal places written in a number's text ('7.52115' -> 5, '9.6' -> 1, '35' -> 0)."""
    return len(text.split(".", 1)[1]) if "." in text else 0


def agree_when_rounded(values: list[str]) -> bool:
    """True if the numbers (as text) agree when each is rounded to the coarsest precision among them."""
    places = min(decimals(v) for v in values)
    return len({round(float(v), places) for v in values}) == 1


def parse_period(period: str) -> tuple[str, str, int]:
    """Turn a collector's period into (first month, last month, number of months).

    >>> parse_period("2020-Q1"), parse_period("2019-01..2019-11"), parse_period("2020-H1")
    (('2020-01', '2020-03', 3), ('2019-01', '2019-11', 11), ('2020-01', '2020-06', 6))

    Raises:
        ValueError: if the period is in none of the known forms.
    """
    text = period.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        start = end = text
    elif m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        q = int(m.group(2))
        start, end = f"{m.group(1)}-{3 * q - 2:02d}", f"{m.group(1)}-{3 * q:02d}"
    elif m := re.fullmatch(r"(\d{4})-H([12])", text):
        h = int(m.group(2))
        start, end = f"{m.group(1)}-{6 * h - 5:02d}", f"{m.group(1)}-{6 * h:02d}"
    elif m := re.fullmatch(r"(\d{4}-\d{2})\.\.(\d{4}-\d{2})", text):
        start, end = m.group(1), m.group(2)
    else:
        raise ValueError(f"unknown period {period!r}")
    (y0, m0), (y1, m1) = (map(int, start.split("-")), map(int, end.split("-")))
    months = (y1 - y0) * 12 + m1 - m0 + 1
    if not (1 <= m0 <= 12 and 1 <= m1 <= 12 and 1 <= months <= 12):
        raise ValueError(f"period {period!r} is not a span of 1 to 12 months")
    return start, end, months


def date_in_text(text: str) -> str | None:
    """The first full date ('3 July 2007', 'June 30, 2018') in a text, as YYYY-MM-DD, or None."""
    names = "|".join(_MONTHS)
    if m := re.search(rf"\b(\d{{1,2}}) ({names}) (\d{{4}})\b", text, re.IGNORECASE):
        day, month, yr = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    elif m := re.search(rf"\b({names}) (\d{{1,2}}), (\d{{4}})\b", text, re.IGNORECASE):
        day, month, yr = int(m.group(2)), _MONTHS[m.group(1).lower()], int(m.group(3))
    else:
        return None
    return f"{yr:04d}-{month:02d}-{day:02d}"


def split_unit(unit: str) -> tuple[str, str | None]:
    """Split 'year (June 2006)' into ('year', 'June 2006'); a unit without brackets has no qualifier."""
    m = re.fullmatch(r"\s*([^()]*?)\s*(?:\((.*)\))?\s*", unit)
    if not m or not m.group(1):
        return unit.strip(), None
    return m.group(1), m.group(2)


def period_kind(attribute: str) -> str | None:
    """Classify a pipeline attribute: 'cumulative', 'partial year', 'calendar year' (has a year) or None."""
    if "cumulative" in attribute.lower():
        return "cumulative"
    if re.search(r"\bJan-|\bH[12]\b|\bQ[1-4]\b", attribute):
        return "partial year"
    if re.search(r"\b(19|20)\d{2}\b", attribute):
        return "calendar year"
    return None


def label_kind(labels: pd.Series, iso: pd.Series) -> pd.Series:
    """'total' for matrix totals, 'country' where an ISO3 was found, else 'region'."""
    kind = np.where(labels.isin(EI_TRADE_TOTALS), "total", np.where(iso.notna(), "country", "region"))
    return pd.Series(kind, index=labels.index, dtype="string")


# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------


def ei_series(raw: Path) -> pd.DataFrame:
    """The EI country series in long form: countries and WLD, one indicator per sheet, n/a cells dropped."""
    file = _label(EI, EI_SERIES_FILE)
    df = read_csv(raw, EI, EI_SERIES_FILE, required=("sheet", "unit", "country", "code", "year", "value", "note"))
    unknown = ~df["sheet"].isin(list(EI_INDICATORS))
    if unknown.any():
        first = unknown.idxmax()
        raise _fail(
            file, "sheet", first, f"sheet {df.at[first, 'sheet']!r} has no indicator name in energy.EI_INDICATORS"
        )
    expected_unit = df["sheet"].map({k: v[1] for k, v in EI_INDICATORS.items()})
    wrong = df["unit"] != expected_unit
    if wrong.any():
        first = wrong.idxmax()
        raise _fail(
            file,
            "unit",
            first,
            f"unit {df.at[first, 'unit']!r} differs from {expected_unit[first]!r} expected for sheet {df.at[first, 'sheet']!r}",
        )
    iso = map_names(df["country"], file=file, column="country", aggregates=EI_SERIES_AGGREGATES)
    check_same_codes(iso[iso.notna()], df.loc[iso.notna(), "code"], file=file, column="code")
    value = to_number(df, "value", file=file)
    out = pd.DataFrame(
        {
            "iso3": iso,
            "year": parse_years(df, "year", file=file),
            "indicator": df["sheet"].map({k: v[0] for k, v in EI_INDICATORS.items()}),
            "value": value,
            "unit": df["unit"],
            "ei_sheet": df["sheet"],
        }
    )
    keep = iso.notna() & value.notna()
    return out[keep].reset_index(drop=True)


def ei_gas_trade(raw: Path) -> pd.DataFrame:
    """The 2022 gas trade matrices (pipeline and LNG) in long form, labels kept, ISO3 where a label is a country."""
    file = _label(EI, EI_TRADE_FILE)
    df = read_csv(raw, EI, EI_TRADE_FILE, required=("sheet", "unit", "year", "from_exporter", "to_importer", "value"))
    unknown = ~df["sheet"].isin(list(EI_TRADE_MODES))
    if unknown.any():
        first = unknown.idxmax()
        raise _fail(file, "sheet", first, f"unknown trade sheet {df.at[first, 'sheet']!r}")
    wrong = df["unit"] != "Billion cubic metres"
    if wrong.any():
        first = wrong.idxmax()
        raise _fail(file, "unit", first, f"unit {df.at[first, 'unit']!r} is not 'Billion cubic metres'")
    years = parse_years(df, "year", file=file)
    if (years != 2022).any():
        first = (years != 2022).idxmax()
        raise _fail(file, "year", first, f"year {df.at[first, 'year']!r} is not 2022")
    skip = EI_TRADE_REGIONS + EI_TRADE_TOTALS
    exp_iso = map_names(df["from_exporter"], file=file, column="from_exporter", aggregates=skip)
    imp_iso = map_names(df["to_importer"], file=file, column="to_importer", aggregates=skip)
    volume = to_number(df, "value", file=file)
    if volume.isna().any():
        raise _fail(file, "value", volume.isna().idxmax(), "empty value")
    return pd.DataFrame(
        {
            "mode": df["sheet"].map(EI_TRADE_MODES),
            "exporter": df["from_exporter"],
            "importer": df["to_importer"],
            "exporter_iso3": exp_iso,
            "importer_iso3": imp_iso,
            "exporter_kind": label_kind(df["from_exporter"], exp_iso),
            "importer_kind": label_kind(df["to_importer"], imp_iso),
            "volume_bcm": volume,
            "ei_sheet": df["sheet"],
        }
    )


def _check_importer_is_turkiye(df: pd.DataFrame, *, file: str) -> None:
    iso = map_names(df["importer"], file=file, column="importer")
    if (iso != "TUR").any():
        first = (iso != "TUR").idxmax()
        raise _fail(file, "importer", first, f"importer {df.at[first, 'importer']!r} is not Türkiye")


def _read_press_gas(raw: Path, filename: str, extra: tuple[str, ...] = ()) -> tuple[pd.DataFrame, str]:
    file = _label(PRESS, filename)
    required = (
        "year",
        *extra,
        "importer",
        "supplier",
        "value",
        "unit",
        "measure",
        "reported_by",
        "url",
        "quote",
        "note",
    )
    df = read_csv(raw, PRESS, filename, required=required)
    _check_importer_is_turkiye(df, file=file)
    return df, file


def press_gas_imports(raw: Path) -> pd.DataFrame:
    """Türkiye's annual gas imports by supplier from the press table, with the series flags.

    Raises:
        RawDataError: for an unparsable number, an unknown supplier or unit, a flagged row without a
            decision in :data:`PRESS_DECISIONS`, or two different figures competing for one series cell.
    """
    df, file = _read_press_gas(raw, PRESS_ANNUAL_FILE)
    parts = df["supplier"].map(split_supplier)
    supplier = parts.str[0]
    quantity = parts.str[1]
    scope = parts.str[2]
    value = to_number(df, "value", file=file)
    if value.isna().any():
        raise _fail(file, "value", value.isna().idxmax(), "empty value")
    known_units = set(PRESS_VOLUME_UNITS) | set(PRESS_SHARE_UNITS)
    bad_unit = ~df["unit"].isin(known_units) | ((quantity == "share") != df["unit"].isin(PRESS_SHARE_UNITS))
    if bad_unit.any():
        first = bad_unit.idxmax()
        raise _fail(
            file,
            "unit",
            first,
            f"unit {df.at[first, 'unit']!r} does not fit supplier label {df.at[first, 'supplier']!r}",
        )
    per_bcm = df["unit"].map(PRESS_VOLUME_UNITS).astype("float64")
    volume = (value / per_bcm).where(quantity == "volume")
    share = value.where(quantity == "share").fillna(df["measure"].map(share_in_measure))
    iso = map_names(pd.Series(supplier, index=df.index), file=file, column="supplier", aggregates=PRESS_NON_COUNTRY)
    out = pd.DataFrame(
        {
            "year": parse_years(df, "year", file=file),
            "supplier": supplier.astype("string"),
            "supplier_iso3": iso,
            "side": df["measure"].map(side_of),
            "importer_scope": scope,
            "quantity": quantity,
            "volume_bcm": volume,
            "share_pct": share,
            "value_as_reported": value,
            "unit_as_reported": df["unit"],
            "measure": df["measure"],
            "reported_by": df["reported_by"],
            "url": df["url"],
            "quote": df["quote"],
            "note": df["note"],
            "flag": [find_flags(n, m, s) for n, m, s in zip(df["note"], df["measure"], df["supplier"])],
            "raw_line": [raw_row(i) for i in df.index],
        },
        index=df.index,
    )
    reasons, notes = _series_reasons(df, out, file=file)
    out["exclusion_reason"] = reasons
    out["series_note"] = notes
    _resolve_duplicates(df, out, file=file)
    out["use_in_series"] = out["exclusion_reason"].isna()
    return out[GAS_IMPORTS.columns].reset_index(drop=True)


def _series_reasons(df: pd.DataFrame, out: pd.DataFrame, *, file: str) -> tuple[pd.Series, pd.Series]:
    """Why each row is kept out of the importer-side series (None if eligible), and notes on judged rows kept in."""
    reasons = pd.Series(None, index=out.index, dtype="object")
    notes = pd.Series(None, index=out.index, dtype="object")
    for i, row in out.iterrows():
        key = (int(row["year"]), df.at[i, "supplier"], df.at[i, "value"].strip())
        if key in PRESS_DECISIONS:
            use, why = PRESS_DECISIONS[key]
            if use:
                notes[i] = why
            else:
                reasons[i] = why
        elif row["side"] == "exporter":
            reasons[i] = "exporter-side figure (not comparable with the importer-side series)"
        elif row["importer_scope"] != "all importers":
            reasons[i] = "BOTAŞ only (excludes private importers)"
        elif row["quantity"] == "share":
            reasons[i] = "share only, no volume"
        elif pd.isna(row["volume_bcm"]):
            reasons[i] = f"reported in {row['unit_as_reported']}; not converted to bcm"
        elif re.search(r"lower bound", row["measure"], re.IGNORECASE):
            reasons[i] = "lower bound ('more than'), not a point value"
        elif row["flag"]:
            raise _fail(
                file, "note", i,
                f"row flagged {row['flag']} has no decision in bilateral.sources.energy.PRESS_DECISIONS "
                f"(key {key!r}); read the note and add one",
            )  # fmt: skip
    return reasons, notes


def _resolve_duplicates(df: pd.DataFrame, out: pd.DataFrame, *, file: str) -> None:
    """Keep one series row per supplier and year: the importer authority's, then the most precise.

    Competing figures are accepted only if they agree when rounded to the coarser one; otherwise
    a decision in :data:`PRESS_DECISIONS` is needed.
    """
    eligible = out[out["exclusion_reason"].isna()]
    for (_, _), group in eligible.groupby(["year", "supplier"], sort=True):
        if len(group) < 2:
            continue
        texts = [df.at[i, "value"].strip() for i in group.index]
        if not agree_when_rounded(texts):
            lines = ", ".join(str(raw_row(i)) for i in group.index)
            raise _fail(
                file,
                "value",
                group.index[0],
                f"competing series figures {texts} on lines {lines}; add a decision to PRESS_DECISIONS",
            )
        ranked = sorted(
            group.index,
            key=lambda i: (
                not IMPORTER_AUTHORITY.search(out.at[i, "reported_by"]),
                -decimals(df.at[i, "value"].strip()),
                i,
            ),
        )
        kept = ranked[0]
        for i in ranked[1:]:
            out.at[i, "exclusion_reason"] = (
                f"same figure as line {raw_row(kept)} ({df.at[kept, 'value'].strip()} bcm, {out.at[kept, 'reported_by']}), "
                "which is used: it cites the importer-side authority or is more precise"
            )
        out.at[kept, "series_note"] = (
            f"chosen over line(s) {', '.join(str(raw_row(i)) for i in ranked[1:])} (same figure, rounded)"
        )


def press_gas_imports_subannual(raw: Path) -> pd.DataFrame:
    """Türkiye's monthly, quarterly and year-to-date gas imports by supplier from the press table."""
    df, file = _read_press_gas(raw, PRESS_SUBANNUAL_FILE, extra=("period",))
    years = parse_years(df, "year", file=file)
    spans = []
    for i, period in df["period"].items():
        try:
            start, end, months = parse_period(period)
        except ValueError as exc:
            raise _fail(file, "period", i, str(exc)) from None
        if int(start[:4]) != years[i]:
            raise _fail(file, "period", i, f"period {period!r} does not start in year {years[i]}")
        spans.append((start, end, months))
    parts = df["supplier"].map(split_supplier)
    supplier, quantity = parts.str[0], parts.str[1].copy()
    value = to_number(df, "value", file=file)
    quantity[value.isna()] = "rank statement"
    known = set(PRESS_VOLUME_UNITS) | set(PRESS_SHARE_UNITS)
    bad_unit = value.notna() & (~df["unit"].isin(known) | ((quantity == "share") != df["unit"].isin(PRESS_SHARE_UNITS)))
    if bad_unit.any():
        first = bad_unit.idxmax()
        raise _fail(
            file,
            "unit",
            first,
            f"unit {df.at[first, 'unit']!r} does not fit supplier label {df.at[first, 'supplier']!r}",
        )
    per_bcm = df["unit"].map(PRESS_VOLUME_UNITS).astype("float64")
    iso = map_names(pd.Series(supplier, index=df.index), file=file, column="supplier", aggregates=PRESS_NON_COUNTRY)
    flags = [find_flags(n, m, s) for n, m, s in zip(df["note"], df["measure"], df["supplier"])]
    usable, reasons = [], []
    for i, flag in zip(df.index, flags):
        key = (df.at[i, "period"], df.at[i, "supplier"], str(df.at[i, "value"]).strip())
        if key in SUBANNUAL_DECISIONS:
            use, why = SUBANNUAL_DECISIONS[key]
        elif flag:
            raise _fail(
                file,
                "note",
                i,
                f"row flagged {flag} has no decision in bilateral.sources.energy.SUBANNUAL_DECISIONS (key {key!r})",
            )
        else:
            use, why = True, None
        usable.append(use)
        reasons.append(why)
    out = pd.DataFrame(
        {
            "year": years,
            "period": df["period"],
            "period_start": [s[0] for s in spans],
            "period_end": [s[1] for s in spans],
            "months": [s[2] for s in spans],
            "supplier": supplier,
            "supplier_iso3": iso,
            "side": df["measure"].map(side_of),
            "quantity": quantity,
            "volume_bcm": (value / per_bcm).where(quantity == "volume"),
            "share_pct": value.where(quantity == "share"),
            "value_as_reported": value,
            "unit_as_reported": df["unit"],
            "measure": df["measure"],
            "reported_by": df["reported_by"],
            "url": df["url"],
            "quote": df["quote"],
            "note": df["note"],
            "flag": flags,
            "usable": usable,
            "exclusion_reason": reasons,
            "raw_line": [raw_row(i) for i in df.index],
        },
        index=df.index,
    )
    return out.reset_index(drop=True)


def eurostat_turkiye(raw: Path) -> pd.DataFrame:
    """Eurostat nrg_ti_gas rows with Türkiye as the reporter."""
    file = _label(EUROSTAT, EUROSTAT_FILE)
    df = read_csv(raw, EUROSTAT, EUROSTAT_FILE, required=("siec", "partner", "unit", "reporter_geo", "year", "value"))
    reporter = map_names(df["reporter_geo"], file=file, column="reporter_geo", aggregates=EUROSTAT_AGGREGATES)
    df = df[reporter == "TUR"]
    wrong = df["unit"] != "Terajoule (gross calorific value - GCV)"
    if wrong.any():
        raise _fail(file, "unit", wrong.idxmax(), f"unit {df.at[wrong.idxmax(), 'unit']!r} is not TJ GCV")
    value = to_number(df, "value", file=file)
    return pd.DataFrame(
        {
            "year": parse_years(df, "year", file=file),
            "siec": df["siec"],
            "partner": df["partner"],
            "partner_iso3": map_names(df["partner"], file=file, column="partner", aggregates=("Total",)),
            "value_tj_gcv": value,
        }
    ).reset_index(drop=True)


def pipeline_facts(raw: Path) -> pd.DataFrame:
    """Pipeline facts with short keys, numeric values and the date or text that came with them."""
    file = _label(PRESS, PIPELINE_FILE)
    df = read_csv(
        raw,
        PRESS,
        PIPELINE_FILE,
        required=("pipeline", "attribute", "value", "unit", "reported_by", "url", "quote", "note"),
    )
    unknown = ~df["pipeline"].isin(list(PIPELINES))
    if unknown.any():
        first = unknown.idxmax()
        raise _fail(
            file, "pipeline", first, f"unknown pipeline {df.at[first, 'pipeline']!r}; add it to energy.PIPELINES"
        )
    units = df["unit"].map(split_unit)
    qualifier = units.str[1]
    ref_year = df["attribute"].str.extract(r"\b((?:19|20)\d{2})\b", expand=False)
    return pd.DataFrame(
        {
            "pipeline": df["pipeline"].map(lambda p: PIPELINES[p][0]),
            "pipeline_name": df["pipeline"].map(lambda p: PIPELINES[p][1]),
            "attribute": df["attribute"],
            "value": to_number(df, "value", file=file),
            "unit": units.str[0],
            "qualifier": qualifier,
            "event_date": qualifier.map(lambda q: date_in_text(q) if isinstance(q, str) else None),
            "reference_year": pd.to_numeric(ref_year).astype("Int64"),
            "period_kind": df["attribute"].map(period_kind),
            "value_as_reported": df["value"],
            "unit_as_reported": df["unit"],
            "source": df["reported_by"],
            "url": df["url"],
            "quote": df["quote"],
            "note": df["note"],
        }
    ).reset_index(drop=True)


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build the energy tables from the raw folder ``raw``."""
    return {
        ENERGY_SERIES.name: ei_series(raw),
        GAS_TRADE.name: ei_gas_trade(raw),
        GAS_IMPORTS.name: press_gas_imports(raw),
        GAS_IMPORTS_SUBANNUAL.name: press_gas_imports_subannual(raw),
        GAS_IMPORTS_EUROSTAT.name: eurostat_turkiye(raw),
        PIPELINE_FACTS.name: pipeline_facts(raw),
    }
