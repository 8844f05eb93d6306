"""Bilateral merchandise trade: IMF Direction of Trade Statistics and later-year press figures.

Builds three tables:

* ``trade_bilateral``: IMF DOTS, one row per reporter, partner, flow and year (1990–2020);
* ``trade_press``: Azerbaijan–Türkiye trade figures quoted in the press (mostly after 2020), kept
  apart from DOTS and never spliced into it;
* ``trade_composition_press``: what the press says about the goods traded between the two.

Rows kept from DOTS (see :func:`select_dots_rows`):

1. every row whose reporter is one of :data:`TARGET_REPORTERS`, with any country partner or WLD;
2. every reporter's trade with the world (partner WLD), including the IMF's "World" reporter,
   whose imports from the world are the world's total imports used in trade intensity indices;
3. every reporter's trade with the target countries (mirror data).

Dropped: rows whose reporter or partner is an aggregate (:data:`DOTS_AGGREGATES`), and the IMF
World reporter's trade with non-target partners (no report uses it). The selection holds about
180,000 rows, about 8.3 MB as plain CSV. The table's name is fixed as ``trade_bilateral.csv``
(a published file that other code depends on), so it is written uncompressed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from bilateral.countries import check_same_codes, is_iso3, map_names, raw_row
from bilateral.errors import RawDataError
from bilateral.schema import Field, Table, iso3, year
from bilateral.sources._raw import read_csv, to_integer, to_number

SOURCES_USED = ("imf_dots", "press_figures")

DOTS_FILE = "imf_dots_bilateral_az_tr_comparators_1990_2020.csv"
PRESS_FILE = "az_tr_trade_press_figures.csv"
COMPOSITION_FILE = "az_tr_trade_composition_press.csv"

#: The reporters whose trade with every partner is kept.
TARGET_REPORTERS = ("AZE", "TUR", "RUS", "IRN", "GEO", "ITA", "DEU", "CHN", "ARM", "ISR")

#: IMF DOTS names that are not single economies: regions, country groups, "not specified"
#: residuals, and Belgium-Luxembourg (a former joint reporting unit with no ISO code).
#: Rows with these as reporter or partner are dropped; any other unknown name raises.
DOTS_AGGREGATES: tuple[str, ...] = (
    "Advanced Economies",
    "Africa",
    "Africa not specified",
    "Asia not specified",
    "Belgium-Luxembourg",
    "Countries & Areas not specified",
    "Emerging Market and Developing Economies by Source of Export Earnings: Fuel",
    "Emerging Market and Developing Economies by Source of Export Earnings: Nonfuel",
    "Emerging and Developing Asia",
    "Emerging and Developing Economies",
    "Emerging and Developing Europe",
    "Euro Area",
    "Europe not specified",
    "European Union",
    "Middle East",
    "Middle East and Central Asia",
    "Middle East and Central Asia not specified",
    "Other Countries not included elsewhere",
    "South African Common Customs Area (SACCA)",
    "Special Categories",
    "Sub-Saharan Africa",
    "Western Hemisphere",
    "Western Hemisphere not specified",
)

DOTS_FLOWS = {"exports_fob": "exports", "imports_cif": "imports"}
DOTS_FLAGS = {"": False, "e": True}

#: Prefixes of the press ``basis`` column -> whose official figures the row reports.
#: ``None``: a news outlet or an expert, no official side. Any other basis raises.
BASIS_SIDES: dict[str, str | None] = {
    "Azerbaijan": "AZE",  # also "Azerbaijani MP ..."
    "Turkey": "TUR",
    "Turkish": "TUR",
    "TurkStat": "TUR",
    "Türkiye": "TUR",
    "unspecified": None,
    "expert opinion": None,
    "AzerNews": None,
}

#: Words in a press row's ``note`` that PROVENANCE.md says call for care, and the reason recorded.
#: The collector writes CONFLICT, UNVERIFIED and INCONSISTENT in capitals; the phrases match in any case.
CARE_FLAGS: dict[str, str] = {
    r"(?i:do not use)": "note says not to use the figure as labelled",
    r"\bCONFLICT\b": "conflicts with another reported figure for the same period",
    r"\bUNVERIFIED\b": "unverified",
    r"(?i:probable typo)": "probable typo",
    r"\bINCONSISTENT\b|(?i:use with caution)": "inconsistent with other figures from the same source",
}

USD_UNITS = {"USD bn": 1000.0, "USD m": 1.0}

_DOTS_NOTE = "exports FOB and imports CIF, each as reported by the reporter"

TRADE_BILATERAL = Table(
    name="trade_bilateral",
    title="IMF Direction of Trade Statistics: merchandise trade of the target countries, mirror flows and world totals",
    description=(
        "IMF DOTS, annual, 1990–2020: one row per reporter, partner, flow and year, as reported by the reporter "
        f"({_DOTS_NOTE}). Kept: every row of the 10 target reporters ({', '.join(TARGET_REPORTERS)}) with a country "
        "partner or the world (WLD); every reporter's trade with WLD; every reporter's trade with the 10 targets "
        "(mirror data). Reporter WLD is the IMF's World aggregate: its imports from WLD are the world's total "
        "imports (the denominator of a trade intensity index), its imports from a target are the world's imports "
        "from that country. Region and group aggregates are dropped."
    ),
    sources=("imf_dots",),
    fields=(
        year("year", "Calendar year."),
        iso3("reporter_iso3", "Reporting economy, ISO3; WLD = the IMF's World aggregate of all reporters."),
        iso3("partner_iso3", "Partner economy, ISO3; WLD = the world (trade with all partners)."),
        Field(
            "flow",
            "string",
            "exports: the reporter's exports to the partner, FOB; imports: its imports from the partner, CIF.",
            enum=("exports", "imports"),
        ),
        Field(
            "value_usd_m",
            "number",
            "Trade value as reported by the reporter.",
            unit="US$ million, current prices",
            minimum=0,
        ),
        Field("is_estimate", "boolean", "The IMF marks the value as an estimate ('e')."),
        Field("source", "string", "Source key (bilateral.catalog).", enum=("imf_dots",)),
    ),
    primary_key=("reporter_iso3", "partner_iso3", "flow", "year"),
    warnings=(
        "Each side reports its own figures: Azerbaijan's exports to Türkiye are not Türkiye's imports from Azerbaijan. Since about 2011 Türkiye-reported imports from Azerbaijan are far below Azerbaijan-reported exports to Türkiye (energy). Show both reporters, never add mirror flows, and keep one reporter for a time series.",
        "Exports are FOB and imports CIF, so even consistent mirror flows differ by freight and insurance.",
        "Early-1990s values are partly IMF estimates (is_estimate).",
        "Data end in 2020 in this vintage; later press figures are in trade_press and must not be spliced into this series.",
        "The raw file repeats 954 rows exactly (a duplicated sheet in the source workbooks); each is kept once.",
        "Trade with former economies (USSR SUN, Yugoslavia YUG, Czechoslovakia CSK, Serbia and Montenegro SCG, Netherlands Antilles ANT) keeps their ISO 3166-3 codes. Belgium-Luxembourg (a joint reporting unit) is dropped with the aggregates.",
    ),
)

_PRESS_COMMON = (
    Field(
        "source_row",
        "integer",
        "Data row number in the raw press file (1 = first row after the header); identifies the row.",
        minimum=1,
    ),
    Field(
        "year_label",
        "string",
        "The period's year as written in the raw file ('2021', '2020-2024', 'c. 2020', 'recent years').",
    ),
    year(
        "year",
        "The calendar year, when the figure refers to a single year; missing for multi-year spans and undated rows.",
        required=False,
    ),
    year("year_start", "First year covered; missing for undated or approximately dated rows.", required=False),
    year("year_end", "Last year covered; missing for undated or approximately dated rows.", required=False),
    Field(
        "period", "string", "Part of the year covered, as in the source ('year', 'Jan-Nov', '5 years cumulative', …)."
    ),
    Field(
        "is_full_year",
        "boolean",
        "The figure covers whole calendar year(s) (period 'year', 'year (approx.)' or a cumulative span of years).",
    ),
    Field(
        "basis", "string", "Who produced the figure (statistical office, ministry, official, outlet), as in the source."
    ),
    iso3(
        "basis_iso3",
        "Whose official figures the row reports: AZE (Azerbaijani side), TUR (Turkish side); missing for news outlets and experts without an official source.",
        required=False,
    ),
)

_PRESS_TAIL = (
    Field("reported_by", "string", "The publication that printed the figure."),
    Field("url", "string", "Address of the page quoted."),
    Field(
        "quote",
        "string",
        "Short attributed excerpt from the page (original language; whitespace normalised to single spaces).",
        required=False,
    ),
    Field("note", "string", "The collector's note: translations, context, conflicts.", required=False),
    Field(
        "usable",
        "boolean",
        "False when the row has no single number or its note flags it (CONFLICT, UNVERIFIED, probable typo, inconsistent, do not use): read the note before using it.",
    ),
    Field("usable_reason", "string", "Why usable is False ('; '-separated); missing when usable.", required=False),
)

_PRESS_WARNINGS = (
    "Press figures are secondary sources (news agencies quoting ministries, customs and statistics offices); label them as press figures in reports.",
    "Azerbaijani-side and Turkish-side figures differ (Türkiye records much less import from Azerbaijan); never mix sides in one series (basis_iso3).",
    "Do not splice these figures into the IMF DOTS series (trade_bilateral).",
    "Check period before comparing: many rows are partial years (Jan-Nov etc.). Years without a figure are gaps, not zeros.",
)

TRADE_PRESS = Table(
    name="trade_press",
    title="Azerbaijan–Türkiye trade figures quoted in the press",
    description=(
        "Trade turnover, exports and imports between Azerbaijan and Türkiye as quoted by news agencies and official "
        "web pages, 1998 and 2015–2025, one row per quoted figure, with the page address, a short quote and the "
        "collector's note. Kept apart from IMF DOTS."
    ),
    sources=("press_figures",),
    fields=(
        *_PRESS_COMMON,
        Field(
            "metric",
            "string",
            "What the figure measures, as labelled by the collector ('turnover', 'AZE exports to TUR', …). When several quantities are named, the value is the first one named.",
        ),
        Field("value", "number", "The figure, in the unit of the unit column.", required=False),
        Field("unit", "string", "Unit of value ('USD bn', 'USD m', '%').", required=False),
        Field(
            "value_usd_m",
            "number",
            "value converted to US$ million when the unit is 'USD bn' or 'USD m'; missing otherwise.",
            unit="US$ million, current prices",
            required=False,
        ),
        *_PRESS_TAIL,
    ),
    primary_key=("source_row",),
    warnings=_PRESS_WARNINGS,
)

TRADE_COMPOSITION_PRESS = Table(
    name="trade_composition_press",
    title="Composition of Azerbaijan–Türkiye trade as reported in the press",
    description=(
        "What the press reports about the goods traded between Azerbaijan and Türkiye: values and tonnages for "
        "product groups (crude oil, non-oil goods, cement, defence products) and qualitative statements about the "
        "main goods, one row per statement, with the page address, a short quote and the collector's note."
    ),
    sources=("press_figures",),
    fields=(
        *_PRESS_COMMON,
        iso3("exporter_iso3", "Exporting country, ISO3 (from the raw flow 'AZE->TUR')."),
        iso3("importer_iso3", "Importing country, ISO3."),
        Field(
            "product_group",
            "string",
            "Goods concerned, as labelled by the collector; '(qualitative)' marks statements without a number.",
        ),
        Field("value", "number", "The figure, in the unit of the unit column.", required=False),
        Field("unit", "string", "Unit of value ('USD m', 'thousand tonnes', …).", required=False),
        Field(
            "value_usd_m",
            "number",
            "value converted to US$ million when the unit is 'USD bn' or 'USD m'; missing otherwise.",
            unit="US$ million, current prices",
            required=False,
        ),
        *_PRESS_TAIL,
    ),
    primary_key=("source_row",),
    warnings=_PRESS_WARNINGS[:1]
    + ("No numeric share of mineral fuels in bilateral trade was found; qualitative rows say energy dominates.",)
    + _PRESS_WARNINGS[3:],
)

TABLES = (TRADE_BILATERAL, TRADE_PRESS, TRADE_COMPOSITION_PRESS)

# ---------------------------------------------------------------------------------------------
# IMF DOTS
# ---------------------------------------------------------------------------------------------


def _lookup(df: pd.DataFrame, column: str, mapping: dict, *, file: str) -> pd.Series:
    """Map a text column through a closed dictionary; raise naming file, column and line of other values."""
    text = df[column].fillna("").str.strip()
    unknown = ~text.isin(list(mapping))
    if unknown.any():
        first = unknown.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(first)}: {df.at[first, column]!r} is not one of {list(mapping)}"
        )
    return text.map(mapping)


def read_dots(raw: Path) -> pd.DataFrame:
    """Every row of the DOTS file, parsed and coded (aggregates have missing codes), exact repeats removed.

    Raises:
        RawDataError: on a missing column, an unparsable value, an unknown name or flow or flag,
            or two different values for one reporter, partner, flow and year.
    """
    file = f"imf_dots/{DOTS_FILE}"
    df = read_csv(
        raw,
        "imf_dots",
        DOTS_FILE,
        required=["reporter", "reporter_iso3", "flow", "partner", "partner_iso3", "year", "value_usd_millions", "flag"],
    )
    out = pd.DataFrame(
        {
            "year": to_integer(df, "year", file=file),
            "reporter_iso3": map_names(
                df["reporter"].str.strip(), file=file, column="reporter", aggregates=DOTS_AGGREGATES
            ),
            "partner_iso3": map_names(
                df["partner"].str.strip(), file=file, column="partner", aggregates=DOTS_AGGREGATES
            ),
            "flow": _lookup(df, "flow", DOTS_FLOWS, file=file),
            "value_usd_m": to_number(df, "value_usd_millions", file=file),
            "is_estimate": _lookup(df, "flag", DOTS_FLAGS, file=file).astype("boolean"),
            "source": "imf_dots",
        }
    )
    check_same_codes(out["reporter_iso3"], df["reporter_iso3"], file=file, column="reporter_iso3")
    check_same_codes(out["partner_iso3"], df["partner_iso3"], file=file, column="partner_iso3")
    if out["value_usd_m"].isna().any():
        first = out["value_usd_m"].isna().idxmax()
        raise RawDataError(f"{file}: column 'value_usd_millions', line {raw_row(first)}: empty value")
    out = out[~df.duplicated()]
    key = ["reporter_iso3", "partner_iso3", "flow", "year"]
    clash = out.dropna(subset=["reporter_iso3", "partner_iso3"]).duplicated(key, keep=False)
    if clash.any():
        lines = [raw_row(i) for i in clash[clash].index[:4]]
        raise RawDataError(f"{file}: lines {lines} give different values for the same reporter, partner, flow and year")
    return out


def select_dots_rows(dots: pd.DataFrame, targets: tuple[str, ...] = TARGET_REPORTERS) -> pd.DataFrame:
    """Keep the DOTS rows the reports need (see the module docstring); drop aggregates.

    Args:
        dots: the output of :func:`read_dots`.
        targets: ISO3 codes of the target reporters (and mirror partners).
    """
    coded = dots["reporter_iso3"].notna() & dots["partner_iso3"].notna()
    target_reporter = dots["reporter_iso3"].isin(targets)
    world_or_target_partner = dots["partner_iso3"].isin((*targets, "WLD"))
    keep = coded & (target_reporter | world_or_target_partner)
    return dots[keep]


# ---------------------------------------------------------------------------------------------
# Press figures
# ---------------------------------------------------------------------------------------------


def parse_year_label(label: str) -> tuple[int | None, int | None, int | None] | None:
    """Read a press file's year cell as ``(year, year_start, year_end)``.

    ``"2021"`` -> ``(2021, 2021, 2021)``; ``"2020-2024"`` -> ``(None, 2020, 2024)``;
    ``"c. 2020"``, ``"recent years"`` and ``"unspecified"`` -> ``(None, None, None)``.
    Returns None for any other text.
    """
    text = " ".join(str(label).split())
    if m := re.fullmatch(r"(\d{4})", text):
        y = int(m.group(1))
        return (y, y, y)
    if (m := re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", text)) and int(m.group(1)) <= int(m.group(2)):
        return (None, int(m.group(1)), int(m.group(2)))
    if re.fullmatch(r"c\.\s?\d{4}|recent years|unspecified", text):
        return (None, None, None)
    return None


def year_columns(df: pd.DataFrame, *, file: str) -> pd.DataFrame:
    """The ``year_label, year, year_start, year_end`` columns of a press file.

    Raises:
        RawDataError: naming file, column and line of a year cell that cannot be read.
    """
    labels = df["year"].fillna("").astype(str).str.strip()
    parsed = labels.map(parse_year_label)
    if parsed.isna().any():
        first = parsed.isna().idxmax()
        raise RawDataError(
            f"{file}: column 'year', line {raw_row(first)}: cannot read {df.at[first, 'year']!r} as a year or span of years"
        )
    out = pd.DataFrame(parsed.tolist(), index=df.index, columns=["year", "year_start", "year_end"]).astype("Int64")
    out.insert(0, "year_label", labels.astype("string"))
    return out


def basis_side(df: pd.DataFrame, *, file: str) -> pd.Series:
    """ISO3 of the side whose figures a press row reports (see :data:`BASIS_SIDES`).

    Raises:
        RawDataError: naming file, column and line of a basis that matches no listed prefix.
    """

    def side(text: str) -> str | None:
        for prefix, code in BASIS_SIDES.items():
            if text.startswith(prefix):
                return code or ""
        return None

    sides = df["basis"].fillna("").str.strip().map(side)
    if sides.isna().any():
        first = sides.isna().idxmax()
        raise RawDataError(
            f"{file}: column 'basis', line {raw_row(first)}: cannot tell whose figures {df.at[first, 'basis']!r} are; "
            "add its prefix to bilateral.sources.trade.BASIS_SIDES"
        )
    return sides.replace("", pd.NA).astype("string")


def usability(value: pd.Series, note: pd.Series) -> pd.DataFrame:
    """Flag press rows that must not be used without reading their note.

    Args:
        value: the parsed figures (missing for qualitative rows).
        note: the collector's notes.

    Returns:
        Columns ``usable`` (boolean) and ``usable_reason`` (missing when usable).
    """
    reasons = pd.DataFrame(index=value.index)
    reasons["no number"] = value.isna().map(
        {True: "no single number (qualitative, or figures only in the quote or note)", False: ""}
    )
    text = note.fillna("")
    for pattern, reason in CARE_FLAGS.items():
        reasons[pattern] = text.str.contains(pattern, regex=True).map({True: reason, False: ""})
    joined = reasons.apply(lambda row: "; ".join(r for r in row if r), axis=1)
    return pd.DataFrame(
        {"usable": (joined == "").astype("boolean"), "usable_reason": joined.replace("", pd.NA).astype("string")}
    )


def press_common(df: pd.DataFrame, *, file: str) -> pd.DataFrame:
    """The columns shared by both press tables (period, basis, value, source and usability); the caller adds its own."""
    out = pd.DataFrame({"source_row": pd.array(df.index + 1, dtype="Int64")}, index=df.index)
    out = out.join(year_columns(df, file=file))
    out["period"] = df["period"].str.strip().astype("string")
    out["is_full_year"] = out["period"].str.startswith("year").fillna(False) | out["period"].str.contains(
        r"\d+ years", regex=True
    ).fillna(False)
    out["basis"] = df["basis"].str.strip().astype("string")
    out["basis_iso3"] = basis_side(df, file=file)
    value = to_number(df, "value", file=file)
    out["value"] = value
    out["unit"] = df["unit"].str.strip().astype("string")
    out["value_usd_m"] = value * out["unit"].map(USD_UNITS).astype("float64")
    out["reported_by"] = df["reported_by"].str.strip().astype("string")
    out["url"] = df["url"].str.strip().astype("string")
    out["quote"] = df["quote"].map(lambda q: " ".join(q.split()) if isinstance(q, str) else q).astype("string")
    out["note"] = df["note"].str.strip().astype("string")
    return out.join(usability(value, df["note"]))


def build_trade_press(raw: Path) -> pd.DataFrame:
    """The press trade figures (see :data:`TRADE_PRESS`)."""
    file = f"press_figures/{PRESS_FILE}"
    df = read_csv(
        raw,
        "press_figures",
        PRESS_FILE,
        required=["year", "period", "basis", "metric", "value", "unit", "reported_by", "url", "quote", "note"],
    )
    out = press_common(df, file=file)
    out["metric"] = df["metric"].str.strip().astype("string")
    return out[TRADE_PRESS.columns].reset_index(drop=True)


def parse_flows(df: pd.DataFrame, *, file: str) -> pd.DataFrame:
    """Split the composition file's ``flow`` ('AZE->TUR') into exporter and importer ISO3 codes.

    Raises:
        RawDataError: naming file, column and line of a flow that is not 'XXX->YYY' with ISO3 codes.
    """
    parts = df["flow"].fillna("").str.strip().str.extract(r"^([A-Z]{3})\s*->\s*([A-Z]{3})$")
    bad = parts.isna().any(axis=1) | ~parts[0].fillna("").map(is_iso3) | ~parts[1].fillna("").map(is_iso3)
    if bad.any():
        first = bad.idxmax()
        raise RawDataError(
            f"{file}: column 'flow', line {raw_row(first)}: {df.at[first, 'flow']!r} is not 'XXX->YYY' with ISO3 codes"
        )
    return pd.DataFrame(
        {"exporter_iso3": parts[0].astype("string"), "importer_iso3": parts[1].astype("string")}, index=df.index
    )


def build_trade_composition_press(raw: Path) -> pd.DataFrame:
    """The press statements on trade composition (see :data:`TRADE_COMPOSITION_PRESS`)."""
    file = f"press_figures/{COMPOSITION_FILE}"
    df = read_csv(
        raw,
        "press_figures",
        COMPOSITION_FILE,
        required=[
            "year",
            "period",
            "flow",
            "basis",
            "product_group",
            "value",
            "unit",
            "reported_by",
            "url",
            "quote",
            "note",
        ],
    )
    out = press_common(df, file=file).join(parse_flows(df, file=file))
    out["product_group"] = df["product_group"].str.strip().astype("string")
    return out[TRADE_COMPOSITION_PRESS.columns].reset_index(drop=True)


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build ``trade_bilateral``, ``trade_press`` and ``trade_composition_press`` from the raw folder."""
    bilateral = select_dots_rows(read_dots(raw))
    return {
        TRADE_BILATERAL.name: bilateral[TRADE_BILATERAL.columns].reset_index(drop=True),
        TRADE_PRESS.name: build_trade_press(raw),
        TRADE_COMPOSITION_PRESS.name: build_trade_composition_press(raw),
    }
