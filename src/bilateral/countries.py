"""Country codes: every source's spelling mapped to ISO 3166 alpha-3, in this one place.

Sources spell Türkiye five ways (Turkey, Turkiye, Türkiye, COW 640, ISO2 TR) and name other
states in their own styles ("Azerbaijan, Rep. of", "China, P.R.: Mainland"). All mapping goes
through the functions below; a name that cannot be mapped raises an error naming the file,
column and row, unless the caller declares it an aggregate (a region or income group).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pandas as pd
import pycountry

from bilateral.errors import RawDataError

#: How reports name the states they discuss (ISO3 -> display name).
DISPLAY_NAMES: dict[str, str] = {
    "AZE": "Azerbaijan",
    "TUR": "Türkiye",
    "ARM": "Armenia",
    "RUS": "Russia",
    "IRN": "Iran",
    "GEO": "Georgia",
    "ISR": "Israel",
    "USA": "United States",
    "KAZ": "Kazakhstan",
    "UZB": "Uzbekistan",
    "TKM": "Turkmenistan",
    "KGZ": "Kyrgyzstan",
    "PAK": "Pakistan",
    "UKR": "Ukraine",
    "ITA": "Italy",
    "DEU": "Germany",
    "CHN": "China",
    "GBR": "United Kingdom",
    "FRA": "France",
    "BLR": "Belarus",
    "WLD": "World",
}

#: The states the project's tables cover in depth (UN agreement pairs, SIPRI, milex subsets).
FOCUS = ("AZE", "TUR", "ARM", "RUS", "IRN", "GEO", "ISR", "USA", "KAZ", "UZB", "TKM", "KGZ", "PAK", "UKR")

#: Source spellings that the generic lookups get wrong or do not know.
NAME_OVERRIDES: dict[str, str] = {
    "turkey": "TUR",
    "turkiye": "TUR",
    "türkiye": "TUR",
    "türki̇ye": "TUR",
    "tÜrkİye": "TUR",
    "republic of türkiye": "TUR",
    "azerbaijan, rep. of": "AZE",
    "china, p.r.: mainland": "CHN",
    "china": "CHN",
    "russia": "RUS",
    "russian federation": "RUS",
    "iran": "IRN",
    "iran, islamic rep. of": "IRN",
    "kyrgyz republic": "KGZ",
    "kyrgyz rep.": "KGZ",
    "united states": "USA",
    "united states of america": "USA",
    "soviet union": "SUN",
    "ussr": "SUN",
    "kosovo": "XKX",
    "kosovo, rep. of": "XKX",
    "taiwan province of china": "TWN",
    "world": "WLD",
    "total world": "WLD",
    # SIPRI spelling (the generic lookup returns the non-code "UAE")
    "uae": "ARE",
    # IMF DOTS spellings of former and constituent economies (the generic lookup maps
    # Czechoslovakia to CZE and finds none of the others)
    "czechoslovakia": "CSK",
    "netherlands antilles": "ANT",
    "serbia and montenegro": "SCG",
    "yugoslavia": "YUG",
    "aruba, kingdom of the netherlands": "ABW",
    "curaçao, kingdom of the netherlands": "CUW",
    "sint maarten, kingdom of the netherlands": "SXM",
    # UN DGACM resolution records (vote lists and sponsor lists): a mis-encoded Türkiye and
    # typing slips in the sponsor lists
    "türkýye": "TUR",
    "united kingdom": "GBR",
    "czechi a": "CZE",
    "ge rmany": "DEU",
    "ir eland": "IRL",
    "mauritani a": "MRT",
    "maltas": "MLT",
    "nambia": "NAM",
    "therepublic of korea": "KOR",
    "theunited republic of tanzania": "TZA",
    "venezuela (bolivarian republic)": "VEN",
    "micronesia (federates states of)": "FSM",
    "lao people's democratic": "LAO",
    "solomon": "SLB",
    # "THE REPUBLIC OF KOREA" with a word lost; alphabetised among the R's in its list (A/RES/78/208)
    "the of korea": "KOR",
    # UN spellings that pycountry does not know (spares the slow generic lookup)
    "bolivia (plurinational state of)": "BOL",
    "cote d'ivoire": "CIV",
    "iran (islamic republic of)": "IRN",
    "micronesia (federated states of)": "FSM",
    "republic of korea": "KOR",
    "venezuela (bolivarian republic of)": "VEN",
    "democratic republic of the congo": "COD",
    "netherlands (kingdom of the)": "NLD",
    "state of palestine": "PSE",
    # Lowy Global Diplomacy Index compilation: "Curaçao" arrives with a U+FFFD replacement character
    "cura\ufffdao": "CUW",
}

#: ISO2 codes used by sources that ISO no longer assigns, and Kosovo's user-assigned code.
ISO2_OVERRIDES: dict[str, str] = {"YU": "YUG", "CS": "SCG", "DD": "DDR", "SU": "SUN", "XK": "XKX", "ZR": "COD"}

#: COW state numbers that Voeten's crosswalk does not list (non-members of the UN and others).
COW_OVERRIDES: dict[int, str] = {347: "XKX", 713: "TWN", 345: "SRB", 260: "DEU", 255: "DEU", 817: "VNM"}


def _norm(name: str) -> str:
    return " ".join(str(name).strip().split()).casefold()


def display_name(iso3: str) -> str:
    """Name a state for readers: ``display_name("TUR") == "Türkiye"``.

    Falls back on ISO 3166's common or short name, then on the code itself.
    """
    if iso3 in DISPLAY_NAMES:
        return DISPLAY_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return getattr(country, "common_name", None) or country.name


def concerns(text: str, shown: Iterable[str]) -> bool:
    """Whether a caveat concerns a report that shows the states ``shown`` (ISO3): a text that names states of
    :data:`DISPLAY_NAMES` concerns it only if it names one of them; a text naming no state always does.

    >>> concerns("Turkmenistan and Uzbekistan have long gaps.", ["AZE", "TUR"]), concerns("Values are estimates.", ["AZE"])
    (False, True)
    """
    named = {
        code for code, name in DISPLAY_NAMES.items() if code != "WLD" and re.search(rf"\b{re.escape(name)}\b", text)
    }
    return not named or bool(named & set(shown))


def is_iso3(code: object) -> bool:
    """True if ``code`` is an ISO 3166-1 alpha-3 code (or one of the project's extra codes)."""
    if not isinstance(code, str) or len(code) != 3 or not code.isupper():
        return False
    return (
        code in DISPLAY_NAMES
        or code in {"XKX", "SUN", "YUG", "SCG"}
        or pycountry.countries.get(alpha_3=code) is not None
    )


@functools.lru_cache(maxsize=4096)
def iso3_from_name(name: str) -> str | None:
    """Map a country name as spelled by a source to ISO3, or None if it is not recognised."""
    key = _norm(name)
    if key in NAME_OVERRIDES:
        return NAME_OVERRIDES[key]
    for candidate in (name.strip(), name.strip().title()):
        try:
            return pycountry.countries.lookup(candidate).alpha_3
        except LookupError:
            pass
    import logging

    import country_converter as coco  # imported lazily: it loads a table on import

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    found = coco.convert(name, to="ISO3", not_found="")
    return found if isinstance(found, str) and len(found) == 3 else None


def iso3_from_iso2(code: str) -> str | None:
    """Map an ISO 3166 alpha-2 code (as used by Voeten's UN votes) to alpha-3."""
    code = str(code).strip().upper()
    if code in ISO2_OVERRIDES:
        return ISO2_OVERRIDES[code]
    country = pycountry.countries.get(alpha_2=code)
    return country.alpha_3 if country else None


def map_names(
    values: pd.Series,
    *,
    file: str,
    column: str,
    how: str = "name",
    aggregates: Iterable[str] = (),
    cow_crosswalk: dict[int, str] | None = None,
) -> pd.Series:
    """Map a column of source spellings to ISO3.

    Args:
        values: the column as read from the raw file (its index gives the row numbers).
        file: the raw file's name, quoted in errors.
        column: the column's name, quoted in errors.
        how: ``"name"``, ``"iso2"`` or ``"cow"``.
        aggregates: names that are regions or groups, mapped to missing instead of failing.
        cow_crosswalk: COW number -> ISO3, needed when ``how == "cow"``.

    Returns:
        A string Series of ISO3 codes (missing for declared aggregates).

    Raises:
        RawDataError: naming the file, column, line and value of the first unknown name, or of a name
            mapped to a string that is not an ISO 3166 alpha-3 code (current or former).
    """
    skip = {_norm(a) for a in aggregates}
    uniques = pd.unique(values.dropna())
    mapping: dict[object, str | None] = {}
    for value in uniques:
        if how == "name":
            if _norm(value) in skip:
                mapping[value] = None
                continue
            mapping[value] = iso3_from_name(str(value))
        elif how == "iso2":
            mapping[value] = iso3_from_iso2(str(value))
        elif how == "cow":
            if cow_crosswalk is None:
                raise ValueError("map_names(how='cow') needs cow_crosswalk")
            code = int(value)
            mapping[value] = COW_OVERRIDES.get(code) or cow_crosswalk.get(code)
        else:
            raise ValueError(f"unknown mapping {how!r}; use 'name', 'iso2' or 'cow'")
        if mapping[value] is None:
            row = values.index[values == value][0]
            raise RawDataError(
                f"{file}: column {column!r}, line {raw_row(row)}: unknown country {value!r}. "
                f"Add its spelling to bilateral.countries.NAME_OVERRIDES (or declare it an aggregate)."
            )
        if not _known_code(mapping[value]):
            row = values.index[values == value][0]
            raise RawDataError(
                f"{file}: column {column!r}, line {raw_row(row)}: {value!r} was mapped to {mapping[value]!r}, "
                "which is not an ISO 3166 alpha-3 code. Add the spelling to bilateral.countries.NAME_OVERRIDES."
            )
    return values.map(mapping).astype("string")


def raw_row(index_label: object) -> object:
    """The line number in a CSV file (line 1 = header) of a row read with pandas' default index."""
    try:
        return int(index_label) + 2
    except (TypeError, ValueError):
        return index_label


def cow_crosswalk_from_voeten(idealpoints: pd.DataFrame) -> dict[int, str]:
    """COW state number -> ISO3, as paired in Voeten's ideal-point file (columns ``ccode``, ``iso3c``)."""
    pairs = idealpoints[["ccode", "iso3c"]].dropna().drop_duplicates()
    return {int(c): str(i) for c, i in zip(pairs["ccode"], pairs["iso3c"])}


def _known_code(code: str) -> bool:
    """True for current ISO3 codes, the project's extra codes and ISO 3166-3 codes of former states."""
    return is_iso3(code) or pycountry.historic_countries.get(alpha_3=code) is not None


def check_same_codes(mapped: pd.Series, given: pd.Series, *, file: str, column: str) -> None:
    """Check that codes mapped from names agree with a code column of the same file (where it is filled).

    Raises:
        RawDataError: naming file, column and line of the first disagreement.
    """
    given = given.astype("string").str.strip()
    differ = given.notna() & (given != "") & (mapped.astype("string") != given).fillna(True)
    if differ.any():
        first = differ.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(first)}: code {given[first]!r} disagrees with "
            f"{mapped[first]!r}, the code mapped from the row's country name"
        )
