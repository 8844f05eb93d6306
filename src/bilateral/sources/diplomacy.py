"""Diplomacy tables: ATOP alliance pledges, MIDs and rivalries, COW diplomatic exchange, Lowy posts.

Sources (raw folders): ``atop_mid_peacesciencer`` (ATOP 5.1 directed dyad-years, COW and GML
militarized interstate dispute dyad-years and Thompson & Dreyer rivalries, all as packaged by the R
package peacesciencer), ``cow_diplomatic_exchange`` (v2006.1, Azerbaijan rows),
``lowy_global_diplomacy_index`` (post-level subset) and ``unga_idealpoints_voeten``, read only for
its pairs of COW state numbers and ISO3 codes (COW -> ISO3 goes through
:func:`bilateral.countries.map_names` with ``how="cow"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from bilateral.countries import check_same_codes, cow_crosswalk_from_voeten, map_names, raw_row
from bilateral.errors import RawDataError
from bilateral.schema import Field, Table, iso3, year
from bilateral.sources._raw import read_csv, to_integer, to_number

PS = "atop_mid_peacesciencer"
COW_DE = "cow_diplomatic_exchange"
LOWY = "lowy_global_diplomacy_index"
IDEAL = "unga_idealpoints_voeten"
MID = "mid_peacesciencer"
RIVALRY = "rivalries_peacesciencer"
SOURCES_USED = (PS, MID, RIVALRY, COW_DE, LOWY, IDEAL)

ATOP_FILE = "atop5_1_directed_dyad_year_subset_1991_2018.csv"
COW_MID_FILE = "cow_mid_ddydisps_subset_1991plus.csv"
GML_MID_FILE = "gml_mid_ddydisps_subset_1991plus.csv"
RIVALRY_FILE = "thompson_dreyer_rivalries_subset.csv"
COW_DE_FILE = "cow_diplomatic_exchange_2006v1_AZE_rows_subset.csv"
LOWY_FILE = "lowy_gdi_posts_subset_2016_2023.csv"
IDEAL_FILE = "IdealpointsJuly2025.csv"

#: ATOP column -> published column (1 = an alliance with that obligation is in force in the year).
ATOP_PLEDGES = {
    "atop_defense": "defense",
    "atop_offense": "offense",
    "atop_neutral": "neutrality",
    "atop_nonagg": "nonaggression",
    "atop_consul": "consultation",
}

#: MID data sets: key -> (raw file, prefix of the onset column, description).
MID_DATASETS = {
    "cow_mid": (COW_MID_FILE, "cowmid", "Correlates of War MID 5 (Palmer et al. 2021), dyad-years to 2014"),
    "gml_mid": (
        GML_MID_FILE,
        "gmlmid",
        "Gibler–Miller–Little MID 2.2.1 (Gibler, Miller & Little 2016), dyad-years to 2010",
    ),
}
HOSTILITY = {1: "no militarized action", 2: "threat to use force", 3: "display of force", 4: "use of force", 5: "war"}

#: Rivalries are kept if they last into or beyond this year (the project covers the post-Soviet period).
RIVALRY_FIRST_YEAR = 1991

#: COW diplomatic representation codes (per the PROVENANCE summary of the COW codebook).
REPRESENTATION = {0: "none", 1: "chargé d'affaires", 2: "minister", 3: "ambassador", 9: "other"}

#: Lowy senders that are not states (dropped) and hosts that are not ISO 3166 states (no ISO3).
LOWY_NON_STATE_SENDERS = ("European External Action Service",)
LOWY_NON_ISO_HOSTS = ("Abkhazia*", "South Ossetia*", "Northern Cyprus*", "Jerusalem*")

_01 = (0, 1)

# ---------------------------------------------------------------------------------------------
# Table specs
# ---------------------------------------------------------------------------------------------

ALLIANCES = Table(
    name="alliances",
    title="ATOP alliance obligations, directed dyad-years 1991–2018",
    description=(
        "One row per ordered pair of states and year in which ATOP 5.1 records at least one alliance in force "
        "between them, for the 14 states the project follows as state a (AZE, TUR, ARM, GEO, RUS, IRN, ISR, USA, KAZ, "
        "UZB, TKM, KGZ, PAK, UKR) and any partner as state b. Each obligation column is 1 if an alliance with that "
        "obligation is in force. Pairs without any alliance are absent (not zero rows)."
    ),
    sources=(PS,),
    fields=(
        iso3("iso3_a", "State a (the pledging state of the directed dyad), ISO3."),
        iso3("iso3_b", "State b (the partner), ISO3."),
        year(),
        Field("defense", "integer", "1 if a defence pledge (to aid the partner if attacked) is in force.", enum=_01),
        Field("offense", "integer", "1 if an offensive pledge is in force.", enum=_01),
        Field("neutrality", "integer", "1 if a neutrality pledge is in force.", enum=_01),
        Field("nonaggression", "integer", "1 if a non-aggression pledge is in force.", enum=_01),
        Field("consultation", "integer", "1 if a consultation pledge is in force.", enum=_01),
        Field("any_pledge", "integer", "1 if any of the five obligations is in force.", enum=_01),
    ),
    primary_key=("iso3_a", "iso3_b", "year"),
    warnings=("ATOP 5.1 ends in 2018: it misses the 2021 Shusha Declaration.",),
)

MIDS = Table(
    name="militarized_disputes",
    title="Militarized interstate disputes, directed dyad-years from 1991 (COW MID 5 and GML 2.2.1)",
    description=(
        "One row per data set, dispute, ordered pair of states and year, for the 14 followed states as state a. Two "
        "codings of the same disputes sit side by side (dataset = cow_mid: COW MID 5, to 2014; gml_mid: "
        "Gibler–Miller–Little 2.2.1, to 2010): use one at a time. Hostility levels: 1 no militarized action, 2 threat "
        "to use force, 3 display of force, 4 use of force, 5 war. No dispute between Azerbaijan and Türkiye is recorded."
    ),
    sources=(MID,),
    fields=(
        Field("dataset", "string", "cow_mid (COW MID 5) or gml_mid (GML MID 2.2.1).", enum=tuple(MID_DATASETS)),
        Field("dispnum", "integer", "Dispute number (shared by both codings where they agree on the dispute)."),
        iso3("iso3_a", "State a, ISO3."),
        iso3("iso3_b", "State b, ISO3."),
        year(),
        Field("onset", "integer", "1 in the year the dispute starts for the dyad, 0 while it is ongoing.", enum=_01),
        Field(
            "side_a_a",
            "integer",
            "1 if state a is on side A (the side that took the first militarized action).",
            enum=_01,
        ),
        Field("originator_a", "integer", "1 if state a was involved from the start of the dispute.", enum=_01),
        Field(
            "hostlev_a",
            "integer",
            "Highest hostility level reached by state a (1–5, see description).",
            minimum=1,
            maximum=5,
        ),
        Field("hostlev_b", "integer", "Highest hostility level reached by state b (1–5).", minimum=1, maximum=5),
        Field(
            "hostlev",
            "integer",
            "Hostility level the source records for the dyad-year (peacesciencer `hostlev`; equals the higher "
            "of hostlev_a and hostlev_b in about 99% of rows).",
            minimum=1,
            maximum=5,
        ),
        Field("hostility", "string", "Meaning of `hostlev`.", enum=tuple(HOSTILITY.values())),
        Field(
            "fatality",
            "integer",
            "Fatality level of the dispute as coded by the source (MID codebook: 0 none, 1 1–25 deaths, "
            "2 26–100, 3 101–250, 4 251–500, 5 501–999, 6 more than 999); empty where the source has -9 (unknown).",
            required=False,
            minimum=0,
            maximum=6,
        ),
        Field(
            "reciprocated",
            "integer",
            "1 if the dispute was reciprocated (both sides took militarized action).",
            enum=_01,
        ),
    ),
    primary_key=("dataset", "dispnum", "iso3_a", "iso3_b", "year"),
    warnings=(
        "MID data end in 2010 (GML) and 2014 (COW): the 2016 and 2020 Karabakh wars and the 2023 offensive are not covered.",
    ),
)

RIVALRIES = Table(
    name="rivalries",
    title="Strategic rivalries (Thompson & Dreyer) lasting into 1991 or later",
    description=(
        "One row per strategic rivalry of the Thompson & Dreyer (2012) catalogue that involves one of the 14 followed "
        "states and lasts into 1991 or later. An end year of 2010 is where the data end, not necessarily where the "
        "rivalry ends. Older rivalries (e.g. of the Ottoman Empire) are left out."
    ),
    sources=(RIVALRY,),
    fields=(
        Field("rivalry_id", "integer", "Thompson & Dreyer rivalry number."),
        Field("rivalry_name", "string", "Rivalry name as in the catalogue."),
        iso3("iso3_a", "First state (lower COW number), ISO3."),
        iso3("iso3_b", "Second state, ISO3."),
        year("start_year", "First year of the rivalry."),
        year("end_year", "Last year of the rivalry in the data (2010 = end of the data)."),
        Field("region", "string", "Region as labelled in the catalogue."),
        Field(
            "rivalry_types",
            "string",
            "Types of rivalry (spatial, positional, ideological, interventionary), semicolon-separated.",
        ),
    ),
    primary_key=("rivalry_id",),
)

DIPLOMATIC_POSTS = Table(
    name="diplomatic_posts",
    title="Diplomatic posts by sending state and host city (Lowy Institute Global Diplomacy Index)",
    description=(
        "One row per post (embassy, consulate, permanent mission, other) of a sending state in a host city, per "
        "edition, from a third-party compilation of the Lowy Institute Global Diplomacy Index. Kept: posts of Türkiye, "
        "Russia, Israel, Pakistan and the United States anywhere, and posts of any indexed state in Azerbaijan, "
        "Türkiye, Armenia and Georgia. Azerbaijan and Armenia are hosts only (the index does not cover their own "
        "networks). `edition_year` is the compilation's label: 2023 probably corresponds to the 2024 index (not "
        "verified). The 2019 edition is almost absent (3 rows). Posts of the EU's External Action Service are dropped."
    ),
    sources=(LOWY,),
    fields=(
        year("edition_year", "Year label of the index edition in the compilation (2023 probably = the 2024 index)."),
        iso3("sender_iso3", "Sending state, ISO3."),
        iso3(
            "host_iso3",
            "Host state, ISO3; empty for territories that are not ISO 3166 states (Abkhazia, South Ossetia, "
            "Northern Cyprus, Jerusalem as listed by Lowy).",
            required=False,
        ),
        Field("host_name", "string", "Host as named in the source (spellings vary between editions)."),
        Field("host_city", "string", "City of the post."),
        Field(
            "post_type",
            "string",
            "Type of post.",
            enum=("Consulate / Consulate-General", "Embassy / High Commission", "Other", "Permanent Mission"),
        ),
        Field("post_title", "string", "Title of the post (Embassy, Consulate-General, Mission to UN, ...)."),
    ),
    primary_key=("edition_year", "sender_iso3", "host_name", "host_city", "post_type", "post_title"),
    warnings=(
        "Lowy Institute data: non-commercial research use with attribution assumed (terms not verified); a subset only.",
        "Edition 2019 has only 3 rows in this compilation; do not read it as a count of posts.",
    ),
)

DIPLOMATIC_EXCHANGE = Table(
    name="diplomatic_exchange",
    title="Diplomatic representation between Azerbaijan and other states (COW Diplomatic Exchange v2006.1)",
    description=(
        "Rows of the Correlates of War Diplomatic Exchange data set with Azerbaijan as side a, for 1995, 2000 and 2005 "
        "(the data are quinquennial and end in 2005), transcribed by hand: partners with any representation, plus the "
        "post-Soviet comparators (ARM, GEO, UKR, TKM, TJK, KGZ, UZB, KAZ) even without. Levels: 0 none, 1 chargé "
        "d'affaires, 2 minister, 3 ambassador, 9 other. Per the PROVENANCE summary of the COW codebook (its wording "
        "was not re-read), DR_at_1 is side b's representation in side a and DR_at_2 side a's representation in side b."
    ),
    sources=(COW_DE,),
    fields=(
        iso3("iso3_a", "Side a (COW ccode1; always Azerbaijan here), ISO3."),
        iso3("iso3_b", "Side b (COW ccode2), ISO3."),
        year(),
        Field(
            "level_in_a",
            "integer",
            "COW DR_at_1: level at which b is represented in a (0, 1, 2, 3, 9).",
            enum=tuple(REPRESENTATION),
        ),
        Field("level_in_a_meaning", "string", "Meaning of level_in_a.", enum=tuple(REPRESENTATION.values())),
        Field(
            "level_in_b",
            "integer",
            "COW DR_at_2: level at which a is represented in b (0, 1, 2, 3, 9).",
            enum=tuple(REPRESENTATION),
        ),
        Field("level_in_b_meaning", "string", "Meaning of level_in_b.", enum=tuple(REPRESENTATION.values())),
        Field("exchange", "integer", "COW DE: 1 if there is any diplomatic exchange between the two.", enum=_01),
        Field("version", "string", "COW data set version."),
    ),
    primary_key=("iso3_a", "iso3_b", "year"),
    warnings=("Only 1995, 2000 and 2005; the reverse direction (partner as side a) is not in the extract.",),
)

TABLES = (ALLIANCES, MIDS, RIVALRIES, DIPLOMATIC_POSTS, DIPLOMATIC_EXCHANGE)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _label(key: str, filename: str) -> str:
    return f"{key}/{filename}"


def parse_codes(df: pd.DataFrame, column: str, *, file: str, allowed: Iterable[int] | None = None) -> pd.Series:
    """Parse a column of whole-number codes (``1``, ``1.0``), optionally checking them against ``allowed``.

    Returns:
        An ``Int64`` Series (missing where the cell is empty).

    Raises:
        RawDataError: naming file, column and line of a cell that is not a whole number or not allowed.
    """
    values = to_integer(df, column, file=file)
    if allowed is not None:
        allowed = sorted(allowed)
        bad = values.notna() & ~values.isin(allowed)
        if bad.any():
            first = bad.idxmax()
            raise RawDataError(
                f"{file}: column {column!r}, line {raw_row(first)}: {df.at[first, column]!r} is not a valid code; expected one of {allowed}"
            )
    return values


def cow_crosswalk(raw: Path) -> dict[int, str]:
    """COW state number -> ISO3, from the pairs in Voeten's ideal-point file."""
    df = read_csv(raw, IDEAL, IDEAL_FILE, required=("ccode", "iso3c"), usecols=["ccode", "iso3c"])
    df = df.assign(ccode=parse_codes(df, "ccode", file=_label(IDEAL, IDEAL_FILE)))
    return cow_crosswalk_from_voeten(df)


def cow_to_iso3(df: pd.DataFrame, column: str, *, file: str, crosswalk: dict[int, str]) -> pd.Series:
    """Map a column of COW state numbers to ISO3 (errors name file, column and line)."""
    codes = parse_codes(df, column, file=file)
    if codes.isna().any():
        raise RawDataError(f"{file}: column {column!r}, line {raw_row(codes.isna().idxmax())}: empty COW code")
    plain = pd.Series(
        codes.astype("int64").tolist(), index=codes.index, dtype=object
    )  # Python ints: errors print 999, not np.int64(999)
    return map_names(plain, file=file, column=column, how="cow", cow_crosswalk=crosswalk)


def _check_unique(out: pd.DataFrame, key: list[str], *, file: str) -> None:
    dup = out.duplicated(key, keep=False)
    if dup.any():
        lines = ", ".join(str(raw_row(i)) for i in out.index[dup][:6])
        raise RawDataError(f"{file}: rows on lines {lines} map to the same {key} after ISO3 coding")


# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------


def atop_alliances(raw: Path, crosswalk: dict[int, str]) -> pd.DataFrame:
    """ATOP 5.1 directed dyad-years with ISO3 codes and an any-pledge column."""
    file = _label(PS, ATOP_FILE)
    df = read_csv(raw, PS, ATOP_FILE, required=("iso3_1", "ccode1", "ccode2", "year", *ATOP_PLEDGES))
    iso_a = cow_to_iso3(df, "ccode1", file=file, crosswalk=crosswalk)
    check_same_codes(iso_a, df["iso3_1"], file=file, column="iso3_1")
    out = pd.DataFrame(
        {
            "iso3_a": iso_a,
            "iso3_b": cow_to_iso3(df, "ccode2", file=file, crosswalk=crosswalk),
            "year": parse_codes(df, "year", file=file),
        }
    )
    for raw_col, col in ATOP_PLEDGES.items():
        out[col] = parse_codes(df, raw_col, file=file, allowed=_01)
    out["any_pledge"] = out[list(ATOP_PLEDGES.values())].max(axis=1).astype("Int64")
    _check_unique(out, ["iso3_a", "iso3_b", "year"], file=file)
    return out.reset_index(drop=True)


def militarized_disputes(raw: Path, crosswalk: dict[int, str]) -> pd.DataFrame:
    """COW MID 5 and GML MID 2.2.1 dyad-years, stacked with a ``dataset`` column."""
    frames = []
    for key, (filename, prefix, _) in MID_DATASETS.items():
        file = _label(PS, filename)
        cols = (
            "dispnum",
            "ccode1",
            "ccode2",
            "year",
            f"{prefix}onset",
            "sidea1",
            "orig1",
            "hostlev1",
            "hostlev2",
            "hostlev",
            "fatality",
            "recip",
        )
        df = read_csv(raw, PS, filename, required=cols)
        hostlev = parse_codes(df, "hostlev", file=file, allowed=HOSTILITY)
        fatality = parse_codes(df, "fatality", file=file, allowed=(-9, *range(7)))
        out = pd.DataFrame(
            {
                "dataset": key,
                "dispnum": parse_codes(df, "dispnum", file=file),
                "iso3_a": cow_to_iso3(df, "ccode1", file=file, crosswalk=crosswalk),
                "iso3_b": cow_to_iso3(df, "ccode2", file=file, crosswalk=crosswalk),
                "year": parse_codes(df, "year", file=file),
                "onset": parse_codes(df, f"{prefix}onset", file=file, allowed=_01),
                "side_a_a": parse_codes(df, "sidea1", file=file, allowed=_01),
                "originator_a": parse_codes(df, "orig1", file=file, allowed=_01),
                "hostlev_a": parse_codes(df, "hostlev1", file=file, allowed=HOSTILITY),
                "hostlev_b": parse_codes(df, "hostlev2", file=file, allowed=HOSTILITY),
                "hostlev": hostlev,
                "hostility": hostlev.map(HOSTILITY).astype("string"),
                "fatality": fatality.where(fatality >= 0),
                "reciprocated": parse_codes(df, "recip", file=file, allowed=_01),
            }
        )
        _check_unique(out, ["dispnum", "iso3_a", "iso3_b", "year"], file=file)
        frames.append(out)
    return pd.concat(frames, ignore_index=True)


def rivalries(raw: Path, crosswalk: dict[int, str]) -> pd.DataFrame:
    """Thompson & Dreyer rivalries lasting into :data:`RIVALRY_FIRST_YEAR` or later."""
    file = _label(PS, RIVALRY_FILE)
    df = read_csv(
        raw,
        PS,
        RIVALRY_FILE,
        required=(
            "rivalryno",
            "rivalryname",
            "ccode1",
            "ccode2",
            "styear",
            "endyear",
            "region",
            "type1",
            "type2",
            "type3",
        ),
    )
    end = parse_codes(df, "endyear", file=file)
    df = df[end >= RIVALRY_FIRST_YEAR]
    types = df[["type1", "type2", "type3"]].apply(
        lambda r: "; ".join(t.strip() for t in r if isinstance(t, str) and t.strip()), axis=1
    )
    return pd.DataFrame(
        {
            "rivalry_id": parse_codes(df, "rivalryno", file=file),
            "rivalry_name": df["rivalryname"],
            "iso3_a": cow_to_iso3(df, "ccode1", file=file, crosswalk=crosswalk),
            "iso3_b": cow_to_iso3(df, "ccode2", file=file, crosswalk=crosswalk),
            "start_year": parse_codes(df, "styear", file=file),
            "end_year": parse_codes(df, "endyear", file=file),
            "region": df["region"],
            "rivalry_types": types,
        }
    ).reset_index(drop=True)


def lowy_posts(raw: Path) -> pd.DataFrame:
    """Lowy Global Diplomacy Index posts with ISO3 codes for senders and hosts."""
    file = _label(LOWY, LOWY_FILE)
    df = read_csv(
        raw,
        LOWY,
        LOWY_FILE,
        required=("COUNTRY", "POST CITY", "POST COUNTRY", "TYPE OF POST", "POST TYPE TITLE", "Year"),
    )
    sender = map_names(df["COUNTRY"], file=file, column="COUNTRY", aggregates=LOWY_NON_STATE_SENDERS)
    host = map_names(df["POST COUNTRY"], file=file, column="POST COUNTRY", aggregates=LOWY_NON_ISO_HOSTS)
    out = pd.DataFrame(
        {
            "edition_year": parse_codes(df, "Year", file=file),
            "sender_iso3": sender,
            "host_iso3": host,
            "host_name": df["POST COUNTRY"],
            "host_city": df["POST CITY"],
            "post_type": df["TYPE OF POST"],
            "post_title": df["POST TYPE TITLE"],
        }
    )
    out = out[sender.notna()]
    _check_unique(out, list(DIPLOMATIC_POSTS.primary_key), file=file)
    return out.reset_index(drop=True)


def diplomatic_exchange(raw: Path, crosswalk: dict[int, str]) -> pd.DataFrame:
    """COW Diplomatic Exchange rows with ISO3 codes and the meaning of each representation level."""
    file = _label(COW_DE, COW_DE_FILE)
    df = read_csv(
        raw, COW_DE, COW_DE_FILE, required=("ccode1", "ccode2", "year", "DR_at_1", "DR_at_2", "DE", "version")
    )
    level_a = parse_codes(df, "DR_at_1", file=file, allowed=REPRESENTATION)
    level_b = parse_codes(df, "DR_at_2", file=file, allowed=REPRESENTATION)
    version = to_number(df, "version", file=file)
    out = pd.DataFrame(
        {
            "iso3_a": cow_to_iso3(df, "ccode1", file=file, crosswalk=crosswalk),
            "iso3_b": cow_to_iso3(df, "ccode2", file=file, crosswalk=crosswalk),
            "year": parse_codes(df, "year", file=file),
            "level_in_a": level_a,
            "level_in_a_meaning": level_a.map(REPRESENTATION).astype("string"),
            "level_in_b": level_b,
            "level_in_b_meaning": level_b.map(REPRESENTATION).astype("string"),
            "exchange": parse_codes(df, "DE", file=file, allowed=_01),
            "version": version.map(lambda v: f"{v:.1f}").astype("string"),
        }
    )
    _check_unique(out, ["iso3_a", "iso3_b", "year"], file=file)
    return out.reset_index(drop=True)


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build the diplomacy tables from the raw folder ``raw``."""
    crosswalk = cow_crosswalk(raw)
    return {
        ALLIANCES.name: atop_alliances(raw, crosswalk),
        MIDS.name: militarized_disputes(raw, crosswalk),
        RIVALRIES.name: rivalries(raw, crosswalk),
        DIPLOMATIC_POSTS.name: lowy_posts(raw),
        DIPLOMATIC_EXCHANGE.name: diplomatic_exchange(raw, crosswalk),
    }
