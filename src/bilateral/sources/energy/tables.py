"""Table specs of the energy tables (EI series and gas trade, Türkiye's gas imports, pipeline facts)."""

from __future__ import annotations

from bilateral.schema import Field, Table, iso3, year
from bilateral.sources.energy.vocab import (
    EI,
    EI_INDICATORS,
    EI_TRADE_MODES,
    EUROSTAT,
    LABEL_KINDS,
    PIPELINES,
    PRESS,
    SCOPE_ENUM,
    SIDE_ENUM,
)

__all__ = [
    "ENERGY_SERIES",
    "GAS_IMPORTS",
    "GAS_IMPORTS_EUROSTAT",
    "GAS_IMPORTS_SUBANNUAL",
    "GAS_TRADE",
    "PIPELINE_FACTS",
    "TABLES",
]


_PRESS_WARNING = (
    "Press figures (secondary sources quoting EPDK/EMRA, BOTAŞ, Gazprom, Azerbaijan's Energy Ministry and others): "
    "label them as such. Years without a row are gaps, not zeros; nothing is interpolated."
)

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
