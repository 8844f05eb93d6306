"""The project's two curated tables: dated events of the relationship, and the seeds' claims.

Both are written by hand in ``data/curated/`` (see its README) and published unchanged in
content after strict validation:

* ``events.csv``: one row per dated event (treaty, visit, war, pipeline opening, ...), each
  citing the seed section, source URL or raw data row that states it;
* ``claims.csv``: every dated or quantitative claim of the two seed documents, with the
  table and computation that can test it (or why none can).

Validation checks identifiers, dates, vocabularies, ISO3 codes and the form of every
citation, and cross-checks citations against the raw sources: an event taken from the
curated agreements list must carry that list's date (and every dated row of the list must
appear), a press URL must be a row of the press tables whose text mentions the event's date,
and a dataset citation must name an existing row with a matching year or date. Errors name
the file, the column, the line and the row's id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from bilateral import paths
from bilateral.catalog import SEED_BARRANZUELA, SEED_ISMAYILOV, SOURCES
from bilateral.claims.registry import CHECK_KEYS
from bilateral.countries import is_iso3, raw_row
from bilateral.errors import BilateralError
from bilateral.periods import parse_iso_value
from bilateral.schema import Field, Table, year
from bilateral.sources._raw import read_csv, require_sources, to_number
from bilateral.sources.event_sources import (
    EVENTS_PRESS,
    EVENTS_PRESS_FILE,
    SIDES,
    SOURCINGS,
    check_dates,
    join_sources,
    read_events_press,
    read_outlets,
    sourcing_fields,
)


class CuratedDataError(BilateralError):
    """A curated file (``data/curated/*.csv``) breaks a rule; the message names file, column and line."""


# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------

#: Citable sections of each seed: (name used in citations, heading line in the text or None
#: for an untitled opening). Sections run from their heading to the next one.
SEED_SECTIONS: dict[str, tuple[tuple[str, str | None], ...]] = {
    SEED_ISMAYILOV: (
        ("ABSTRACT", "ABSTRACT"),
        ("RESUMEN", "RESUMEN"),
        ("INTRODUCTION", "INTRODUCTION"),
        ("DEVELOPMENT", "DEVELOPMENT"),
        ("CONCLUSIONS", "CONCLUSIONS"),
        ("REFERENCES", "REFERENCES"),
    ),
    SEED_BARRANZUELA: (
        ("Opening (untitled)", None),
        ("Military Alliance", "Military Alliance"),
        ("Energy Cooperation", "Energy Cooperation"),
        ("Energy Cooperation / The project of the century", '"The project of the century"'),
    ),
}

EVENT_TYPES = (
    "treaty",
    "declaration",
    "visit",
    "recognition",
    "infrastructure",
    "military_cooperation",
    "war",
    "agreement",
    "institution",
    "other",
)
DIMENSIONS = ("diplomatic", "military", "energy", "trade", "transport", "cultural")
PRECISIONS = ("day", "month", "year")
SOURCE_KINDS = ("seed", "press", "curated_list", "dataset", "events_press")
#: Where an event sits in the story: a strain between the two states (or over one's ties with a third state),
#: a multilateral or trilateral format, or any other milestone of the relationship.
CATEGORIES = ("milestone", "friction", "multilateral")
CLAIM_KINDS = ("date", "amount", "share", "ranking", "length", "capacity", "other")
QUALIFIERS = ("exact", "about", "more_than", "at_least", "less_than", "at_most")

#: Events before this day are out of scope (the relationship is traced from 1918).
EARLIEST_EVENT = "1918-01-01"


#: The claim checks (check_key, check_table, the arguments) are registered once, in
#: :data:`bilateral.claims.registry.CHECK_KEYS`, which the validation below reads.

#: Arguments of check_args that hold ISO3 codes (a list for ``peers``; '|'-joined for ``countries``).
ISO3_ARGS = ("host", "iso3", "iso3_a", "iso3_b", "partner", "recipient", "reporter", "sender", "supplier")
ATOP_OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation")

EVENT_COLUMNS = (
    "event_id",
    "date",
    "date_precision",
    "type",
    "dimension",
    "title",
    "description",
    "countries",
    "source",
    "source_kind",
    "category",
    "date_seed",
)
CLAIM_COLUMNS = (
    "claim_id",
    "seed",
    "location",
    "claim",
    "kind",
    "value_claimed",
    "value_qualifier",
    "unit",
    "year",
    "check",
    "check_table",
    "check_key",
    "check_args",
)

#: Raw sources read to cross-check citations. ``bilateral_agreements_curated`` is the list the
#: agreement events must agree with; the others are cited by individual events.
AGREEMENTS = "bilateral_agreements_curated"
AGREEMENTS_FILE = "aze_tur_key_agreements_curated.csv"
PRESS = "press_figures"
SOURCES_USED = (
    AGREEMENTS,
    PRESS,
    "sipri_arms_transfers",
    "unga_votes_unvotes_voeten",
    "atop_mid_peacesciencer",
    "events_press",
)

CITATION_SEPARATOR = " | "
_COUNTRIES_PATTERN = r"^[A-Z]{3}(\|[A-Z]{3})*$"
_SEED_CITATION = re.compile(r"^(?P<file>\d{3}_[0-9a-f]{16}\.txt) § (?P<section>.+)$")
_RAW_CITATION = re.compile(r"^(?P<key>[a-z0-9_]+)/(?P<file>[^#\s|]+)(?:#(?P<selector>.+))?$")
_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# --------------------------------------------------------------------------------------------
# Table specs
# --------------------------------------------------------------------------------------------

EVENTS = Table(
    name="events",
    title="Dated events of the Azerbaijan–Türkiye relationship, 1918 to today",
    description=(
        "One row per dated event (treaty, declaration, visit, recognition, infrastructure opening, military "
        "cooperation, war, agreement, institution), curated by the project in data/curated/events.csv. Each row "
        "cites the seed section, press or agreements-list URL, or raw data row that states it; `source_kind` gives "
        "the kind of the first (primary) citation. `make data` joins the independent press/web rows (events_press) "
        "to the events: every source of an event, with its outlet, side, quote and the date it gives, is in the "
        "event_sources table, and `sourcing` and `n_sources` summarise them. Rows are sorted by date. TUR also stands "
        "for the Ottoman Empire before 1923, AZE for the Azerbaijan Democratic Republic (1918–20) and the Azerbaijan SSR."
    ),
    sources=(
        "seeds",
        AGREEMENTS,
        PRESS,
        "sipri_arms_transfers",
        "unga_votes_unvotes_voeten",
        "atop_mid_peacesciencer",
        "events_press",
        "project",
    ),
    fields=(
        Field(
            "event_id",
            "string",
            "Stable identifier (E001, E002, ...); never reused or renumbered.",
            pattern=r"^E\d{3}$",
        ),
        Field(
            "date",
            "date",
            "Date of the event, from the best independent source where one gives it; for month or "
            "year precision, the first day of the month or year.",
        ),
        Field("date_precision", "string", "How much of the date the source gives.", enum=PRECISIONS),
        Field("type", "string", "Kind of event (vocabulary in data/curated/README.md).", enum=EVENT_TYPES),
        Field("dimension", "string", "Dimension of the relationship the event belongs to.", enum=DIMENSIONS),
        Field("title", "string", "Short title."),
        Field(
            "description",
            "string",
            "One or two sentences in the project's words; contested framings are "
            "attributed to the source that makes them.",
        ),
        Field(
            "countries",
            "string",
            "States involved, ISO3 codes joined by '|' in alphabetical order.",
            pattern=_COUNTRIES_PATTERN,
        ),
        Field(
            "source",
            "string",
            "Citations joined by ' | ': '<seed file> § <section>', a URL of a row of the "
            "agreements list or the press tables, or '<raw folder>/<file>#<column>=<value>'.",
        ),
        Field(
            "source_kind",
            "string",
            "Kind of the first citation: seed, press, curated_list (agreements list), "
            "dataset (a raw data row) or events_press (a row of the press/web events "
            "table).",
            enum=SOURCE_KINDS,
        ),
        Field(
            "category",
            "string",
            "Where the event sits in the story: friction (a strain between the two states, "
            "or a quarrel over one's ties with a third state that the sources link to the "
            "relationship), multilateral (a multilateral or trilateral format: Turkic "
            "Council / Organization of Turkic States, trilateral meetings, UN votes), or "
            "milestone (any other event).",
            enum=CATEGORIES,
        ),
        Field(
            "date_seed",
            "string",
            "The date a seed document gives when it disagrees with the independent date in "
            "`date` (ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD); empty when the seed agrees or "
            "gives none.",
            required=False,
            pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        ),
        Field(
            "sourcing",
            "string",
            "How the event is sourced, from the publishers of all its sources (event_sources): "
            "'seed only' = every source is one of the two seed documents; 'third party' = at "
            "least one source is published by a third party (neither Azerbaijani nor "
            "Turkish) or an international organisation; 'both sides' = otherwise, sources "
            "published in Azerbaijan and in Türkiye; 'one side' = otherwise, non-seed "
            "sources published in one of the two states only.",
            enum=SOURCINGS,
        ),
        Field("n_sources", "integer", "Number of sources of the event (its rows in event_sources).", minimum=1),
    ),
    primary_key=("date", "event_id"),
    warnings=(
        "An event whose only citations are seed documents (sourcing 'seed only') is the seed's account, not "
        "independently confirmed.",
        "Independent sources are secondary (news agencies, official sites of either state, encyclopaedic pages); "
        "some are forum or blog copies of agency text, and some confirm an event only in part: read the note "
        "published with the event's sources.",
        "A date known only to the month or the year is stored as the first day of that month or year, not an exact day.",
        "A selection, not a complete treaty list: no systematic treaty register was available.",
    ),
)

CLAIMS = Table(
    name="claims",
    title="Dated and quantitative claims of the two seed documents, with how each can be checked",
    description=(
        "One row per claim of Ismayilov (2025) or Barranzuela (2022), restated in the project's words, with the "
        "claimed value and the table and computation (`check_key`, `check_args`) that can test it. An empty "
        "`check_key` means no table here can test the claim; `check` says why. Curated by the project in "
        "data/curated/claims.csv."
    ),
    sources=("seeds", "project"),
    fields=(
        Field("claim_id", "string", "Stable identifier (C001, C002, ...).", pattern=r"^C\d{3}$"),
        Field("seed", "string", "Seed document (file name under shared/seeds).", enum=tuple(SEED_SECTIONS)),
        Field("location", "string", "Section(s) of the seed making the claim, '; '-separated."),
        Field("claim", "string", "The claim, in the project's words."),
        Field("kind", "string", "Kind of claim.", enum=CLAIM_KINDS),
        Field(
            "value_claimed",
            "string",
            "The claimed value: a number, or for dates an ISO 8601 date (YYYY, YYYY-MM, "
            "YYYY-MM-DD or an interval start/end); empty when the claim has none.",
            required=False,
        ),
        Field(
            "value_qualifier",
            "string",
            "How the value is stated: exact, about, more_than, at_least, less_than, "
            "at_most; empty for dates and claims without a value.",
            required=False,
            enum=QUALIFIERS,
        ),
        Field("unit", "string", "Unit of value_claimed ('date' for dates).", required=False),
        year("year", "Year the claim is about, if any.", required=False),
        Field("check", "string", "Which table and computation can test the claim, or why none can."),
        Field("check_table", "string", "Processed table the check reads; empty when not checkable.", required=False),
        Field(
            "check_key",
            "string",
            "Name of the check computation (see data/curated/README.md); empty when not checkable.",
            required=False,
            enum=tuple(CHECK_KEYS),
        ),
        Field("check_args", "string", "JSON object with the computation's arguments ('{}' when not checkable)."),
    ),
    primary_key=("claim_id",),
    warnings=(
        "Claims are restated, not quoted; read the seed section for the exact wording.",
        "A claim with a check is not thereby confirmed: the verdict comes from the claims-check report.",
    ),
)

ROUTE_COLUMNS = ("point", "lat", "lon", "role", "pipelines", "source")
ROUTE_PIPELINES = ("BTC", "SCP", "TANAP", "TAP")

ROUTE_POINTS = Table(
    name="route_points",
    title="Main points on the routes of BTC, SCP/BTE, TANAP and TAP (approximate coordinates)",
    description=(
        "One row per point used to draw a schematic route map of the pipelines, curated by the project in "
        "data/curated/route_points.csv. Coordinates are rounded to 0.1 degree and read from the cited GeoNames "
        "record: they place the towns the routes pass, not the pipelines' surveyed paths."
    ),
    sources=("geonames", "project"),
    fields=(
        Field("point", "string", "Name of the place (with a short qualifier where useful)."),
        Field(
            "lat", "number", "Latitude, rounded to 0.1 degree.", unit="degrees north (WGS 84)", minimum=-90, maximum=90
        ),
        Field(
            "lon",
            "number",
            "Longitude, rounded to 0.1 degree.",
            unit="degrees east (WGS 84)",
            minimum=-180,
            maximum=180,
        ),
        Field("role", "string", "What the point is on the route(s)."),
        Field(
            "pipelines",
            "string",
            "Pipelines passing the point, '|'-joined keys (BTC, SCP, TANAP, TAP).",
            pattern=r"^(BTC|SCP|TANAP|TAP)(\|(BTC|SCP|TANAP|TAP))*$",
        ),
        Field("source", "string", "The GeoNames record the coordinates come from (id and URL)."),
    ),
    primary_key=("point",),
)

EVENT_SOURCES = Table(
    name="event_sources",
    title="Sources of each dated event: seed sections, press and web pages with quotes, raw data rows",
    description=(
        "One row per event of the events table and source: first the citations curated in data/curated/events.csv, "
        "then the rows of the press/web events table (events_press) that confirm the event or, for events that "
        "entered from it, document it. `side` says who published the source; the events table's `sourcing` field is "
        "derived from these sides."
    ),
    sources=(
        "seeds",
        AGREEMENTS,
        PRESS,
        "sipri_arms_transfers",
        "unga_votes_unvotes_voeten",
        "atop_mid_peacesciencer",
        "events_press",
        "project",
    ),
    fields=(
        Field("event_id", "string", "Event of the events table.", pattern=r"^E\d{3}$"),
        Field("source_no", "integer", "Number of the source within the event (1 = first).", minimum=1),
        Field("outlet", "string", "Who published the source: seed author (year), outlet or institution, or dataset."),
        Field(
            "side",
            "string",
            "Publisher's side: seed (one of the two seed documents), AZE or TUR (a publisher of "
            "that state, official or press), third party (any other publisher, including "
            "Armenian, Russian and Western outlets, companies and research institutes) or "
            "international organisation.",
            enum=SIDES,
        ),
        Field(
            "citation_kind",
            "string",
            "seed, press (press tables or agreements list), dataset (raw data row) or "
            "events_press (a row of the press/web events table, with a quote).",
            enum=("seed", "press", "dataset", "events_press"),
        ),
        Field("url", "string", "Address of the page, for web sources.", required=False),
        Field("reference", "string", "Seed section or raw data row, for other sources.", required=False),
        Field(
            "date_given",
            "string",
            "Date this source gives for the event (ISO; first day of the month or year for "
            "coarser precision); empty when not recorded.",
            required=False,
        ),
        Field("date_precision_given", "string", "Precision of date_given.", required=False, enum=PRECISIONS),
        Field("quote", "string", "Exact excerpt of the page (at most 300 characters).", required=False),
        Field(
            "quote_en",
            "string",
            "English translation made for the table when the quote is not in English.",
            required=False,
        ),
        Field(
            "note",
            "string",
            "Conflicts, inferences, partial confirmation or weak-source warnings from the source "
            "table; read before relying on the row.",
            required=False,
        ),
    ),
    primary_key=("event_id", "source_no"),
    warnings=(
        "Secondary sources: they date and document events; they are not a neutral account of motives.",
        "Rows whose note says CONFLICT, PARTIAL, DATE INFERRED, YEAR UNCERTAIN or NOT FULLY INDEPENDENT, or that "
        "come from forum or blog copies, must be read with their note.",
    ),
)

TABLES = (EVENTS, EVENT_SOURCES, CLAIMS, ROUTE_POINTS)


# --------------------------------------------------------------------------------------------
# Pure helpers
# --------------------------------------------------------------------------------------------


def seed_sections(text: str, seed: str) -> dict[str, str]:
    """Split a seed document's text into its citable sections.

    Args:
        text: the whole document.
        seed: its file name (a key of :data:`SEED_SECTIONS`).

    Returns:
        Section name -> text of the section (from its heading to the next heading).
    """
    lines = text.splitlines()
    starts: list[tuple[int, str]] = []
    for name, heading in SEED_SECTIONS[seed]:
        if heading is None:
            starts.append((0, name))
            continue
        found = [i for i, line in enumerate(lines) if line.strip() == heading]
        if not found:
            raise ValueError(f"{seed}: heading {heading!r} not found")
        starts.append((found[0], name))
    starts.sort()
    bounds = [s for s, _ in starts[1:]] + [len(lines)]
    return {name: "\n".join(lines[start:end]) for (start, name), end in zip(starts, bounds)}


@dataclass(frozen=True)
class Citation:
    """One citation of an event's ``source`` cell.

    Attributes:
        kind: ``seed``, ``url`` or ``raw``.
        text: the citation as written.
        seed, section: for seed citations.
        key, file, selector: for raw citations (``selector`` maps column -> value).
    """

    kind: str
    text: str
    seed: str = ""
    section: str = ""
    key: str = ""
    file: str = ""
    selector: tuple[tuple[str, str], ...] = ()


def parse_citation(text: str) -> Citation:
    """Parse one citation: ``<seed file> § <section>``, a URL, or ``<raw folder>/<file>[#col=value[&...]]``.

    Raises:
        ValueError: when the citation has none of these forms, or names an unknown seed section,
            raw folder or file.
    """
    text = text.strip()
    m = _SEED_CITATION.match(text)
    if m:
        seed, section = m["file"], m["section"]
        if seed not in SEED_SECTIONS:
            raise ValueError(f"unknown seed document {seed!r} (known: {', '.join(SEED_SECTIONS)})")
        names = [n for n, _ in SEED_SECTIONS[seed]]
        if section not in names:
            raise ValueError(f"{seed} has no section {section!r} (sections: {', '.join(names)})")
        return Citation("seed", text, seed=seed, section=section)
    if re.match(r"^https?://\S+$", text):
        return Citation("url", text)
    m = _RAW_CITATION.match(text)
    if m and m["key"] in SOURCES:
        key, file = m["key"], m["file"]
        if file not in SOURCES[key].files and file != "PROVENANCE.md":
            raise ValueError(
                f"{key}/{file} is not a file of raw source {key!r} (files: {', '.join(SOURCES[key].files)})"
            )
        selector: list[tuple[str, str]] = []
        for part in (m["selector"] or "").split("&") if m["selector"] else []:
            column, sep, value = part.partition("=")
            if not sep or not column or not value:
                raise ValueError(f"row selector {part!r} is not of the form column=value")
            selector.append((column, value))
        return Citation("raw", text, key=key, file=file, selector=tuple(selector))
    raise ValueError(
        f"citation {text!r} is neither '<seed file> § <section>', a URL, nor '<raw folder>/<file>#<column>=<value>'"
    )


def split_citations(source: str) -> list[str]:
    """Split a ``source`` cell into its citations (separator ``' | '``)."""
    return [part.strip() for part in source.split(CITATION_SEPARATOR)]


def date_renderings(day: date, precision: str) -> list[str]:
    """Ways a source may write a date at the given precision (used to find it in press text).

    >>> date_renderings(date(2007, 7, 3), "day")[:3]
    ['2007-07-03', '3 July 2007', 'July 3, 2007']
    """
    month = _MONTHS[day.month - 1]
    abbrevs = {month[:3], month[:3] + "."}
    if precision == "year":
        return [str(day.year)]
    if precision == "month":
        return [f"{day:%Y-%m}", f"{month} {day.year}"] + [f"{a} {day.year}" for a in sorted(abbrevs)]
    out = [
        day.isoformat(),
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        f"{month} {day.day}",
        f"{day.day} {month}",
    ]
    for a in sorted(abbrevs):
        out += [f"{day.day} {a} {day.year}", f"{a} {day.day}, {day.year}", f"{a} {day.day}", f"{day.day} {a}"]
    return out


def mentions_date(text: str, day: date, precision: str) -> bool:
    """True if ``text`` mentions the year and, beyond year precision, the month or day in a usual form."""
    if str(day.year) not in text:
        return False
    return any(re.search(rf"(?<![\w]){re.escape(r)}(?![\d])", text) for r in date_renderings(day, precision))


# --------------------------------------------------------------------------------------------
# Validation of the curated files (no raw data needed)
# --------------------------------------------------------------------------------------------


def _where(file: str, column: str, index: object, row_id: object = None) -> str:
    ident = f" ({row_id})" if row_id is not None and not pd.isna(row_id) else ""
    return f"{file}: column {column!r}, line {raw_row(index)}{ident}"


def _fail(file: str, column: str, index: object, row_id: object, message: str) -> NoReturn:
    raise CuratedDataError(f"{_where(file, column, index, row_id)}: {message}")


def read_curated(name: str, columns: Iterable[str], folder: Path | None = None) -> pd.DataFrame:
    """Read ``<folder>/<name>.csv`` as text (empty cells -> missing) and check its columns exactly.

    Raises:
        RawDataError: when the file or a column is missing (from :func:`bilateral.sources._raw.read_csv`).
        CuratedDataError: when an unexpected column is present.
    """
    folder = Path(folder) if folder is not None else paths.CURATED_DIR
    columns = list(columns)
    df = read_csv(folder.parent, folder.name, f"{name}.csv", required=columns)
    extra = [c for c in df.columns if c not in columns]
    if extra:
        raise CuratedDataError(f"{folder.name}/{name}.csv: unexpected column(s) {extra}; expected {columns}")
    for column in columns:
        df[column] = df[column].astype("string").str.strip().replace("", pd.NA)
    return df[columns]


def _rows(df: pd.DataFrame):
    """Iterate over (index, row as a dict) with missing cells as None."""
    for i, row in df.iterrows():
        yield i, {k: (None if pd.isna(v) else v) for k, v in row.items()}


def _require(df: pd.DataFrame, columns: Iterable[str], file: str, id_column: str) -> None:
    for column in columns:
        blank = df[column].isna()
        if blank.any():
            i = blank.idxmax()
            _fail(file, column, i, df.at[i, id_column], "is empty (a value is required)")


def _check_enum(df: pd.DataFrame, column: str, allowed: Iterable[str], file: str, id_column: str) -> None:
    allowed = tuple(allowed)
    bad = df[column].notna() & ~df[column].isin(allowed)
    if bad.any():
        i = bad.idxmax()
        _fail(file, column, i, df.at[i, id_column], f"{df.at[i, column]!r} is not one of {', '.join(allowed)}")


def _check_ids(df: pd.DataFrame, column: str, pattern: str, file: str) -> None:
    bad = ~df[column].str.fullmatch(pattern)
    if bad.any():
        i = bad.idxmax()
        _fail(file, column, i, None, f"{df.at[i, column]!r} does not match {pattern}")
    dup = df[column].duplicated()
    if dup.any():
        i = dup.idxmax()
        _fail(file, column, i, df.at[i, column], f"{df.at[i, column]!r} is used twice")


def _check_countries(value: str) -> str | None:
    """Why a ``countries`` cell is invalid, or None."""
    codes = value.split("|")
    bad = [c for c in codes if not is_iso3(c)]
    if bad:
        return f"{bad} are not ISO3 codes"
    if codes != sorted(set(codes)):
        return f"codes must be unique and in alphabetical order ({'|'.join(sorted(set(codes)))})"
    return None


def validate_events(df: pd.DataFrame, file: str = "curated/events.csv") -> pd.DataFrame:
    """Check the events file on its own (ids, dates, vocabularies, countries, citation forms, order).

    Returns:
        The table with the published dtypes.

    Raises:
        CuratedDataError: naming the file, column, line and event id of the first problem.
    """
    _require(df, [c for c in EVENT_COLUMNS if c != "date_seed"], file, "event_id")
    _check_ids(df, "event_id", r"E\d{3}", file)
    for column, allowed in (
        ("date_precision", PRECISIONS),
        ("type", EVENT_TYPES),
        ("dimension", DIMENSIONS),
        ("source_kind", SOURCE_KINDS),
        ("category", CATEGORIES),
    ):
        _check_enum(df, column, allowed, file, "event_id")
    for i, row in _rows(df):
        eid = row["event_id"]
        try:
            day = date.fromisoformat(row["date"]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]) else None
        except ValueError:
            day = None
        if day is None:
            _fail(file, "date", i, eid, f"{row['date']!r} is not a valid date (YYYY-MM-DD)")
        if row["date"] < EARLIEST_EVENT:
            _fail(file, "date", i, eid, f"{row['date']} is before {EARLIEST_EVENT}, the start of the table's scope")
        if row["date_precision"] == "month" and day.day != 1:
            _fail(file, "date", i, eid, "month precision: the date must be the first day of the month")
        if row["date_precision"] == "year" and (day.month, day.day) != (1, 1):
            _fail(file, "date", i, eid, "year precision: the date must be 1 January of the year")
        problem = _check_countries(row["countries"])
        if problem:
            _fail(file, "countries", i, eid, f"{row['countries']!r}: {problem}")
        if row["date_seed"] is not None:
            try:
                parse_iso_value(row["date_seed"])
            except ValueError as exc:
                _fail(file, "date_seed", i, eid, f"{exc}; write the seed's date as YYYY, YYYY-MM or YYYY-MM-DD")
        if len(row["title"]) > 90:
            _fail(file, "title", i, eid, f"title is {len(row['title'])} characters long (at most 90)")
        if len(row["description"]) > 500:
            _fail(file, "description", i, eid, f"description is {len(row['description'])} characters (at most 500)")
        citations = []
        for text in split_citations(row["source"]):
            try:
                citations.append(parse_citation(text))
            except ValueError as exc:
                _fail(file, "source", i, eid, str(exc))
        first = citations[0].kind
        expected = {"seed": ("seed",), "raw": ("dataset",), "url": ("press", "curated_list", "events_press")}[first]
        if row["source_kind"] not in expected:
            _fail(
                file,
                "source_kind",
                i,
                eid,
                f"{row['source_kind']!r} does not fit the first citation "
                f"{citations[0].text!r} (expected {' or '.join(expected)})",
            )
        if len({c.text for c in citations}) != len(citations):
            _fail(file, "source", i, eid, "the same citation appears twice")
    order = list(zip(df["date"], df["event_id"]))
    for n in range(1, len(order)):
        if order[n] < order[n - 1]:
            i = df.index[n]
            _fail(
                file,
                "date",
                i,
                df.at[i, "event_id"],
                f"rows must be sorted by date, then event_id ({order[n - 1]} comes before {order[n]})",
            )
    return df.astype("string").reset_index(drop=True)


def _check_args(args: Mapping[str, Any], key: str, events: pd.DataFrame) -> str | None:
    """Why ``check_args`` do not fit ``check_key``, or None."""
    spec = CHECK_KEYS[key]
    if tuple(sorted(args)) != tuple(sorted(spec.args)):
        return f"{key} takes exactly the arguments {list(spec.args)}, got {sorted(args)}"
    for name in ISO3_ARGS:
        if name in args and not is_iso3(args[name]):
            return f"argument {name}={args[name]!r} is not an ISO3 code"
    if "peers" in args and (not isinstance(args["peers"], list) or not all(is_iso3(p) for p in args["peers"])):
        return "argument peers must be a list of ISO3 codes"
    for name in ("year", "start_year", "end_year"):
        if name in args and not (isinstance(args[name], int) and 1900 <= args[name] <= 2100):
            return f"argument {name}={args[name]!r} is not a year"
    if "start_year" in args and args["start_year"] > args["end_year"]:
        return "start_year is after end_year"
    if "obligation" in args and args["obligation"] not in ATOP_OBLIGATIONS:
        return f"obligation must be one of {', '.join(ATOP_OBLIGATIONS)}"
    if "flow" in args and args["flow"] not in ("exports", "imports"):
        return "flow must be exports or imports"
    if key == "event_date":
        match = events.loc[events["event_id"] == args["event_id"]]
        if match.empty:
            return f"event {args['event_id']!r} is not in events.csv"
        seed_only = (
            (match.iloc[0]["sourcing"] == "seed only")
            if "sourcing" in match
            else match.iloc[0]["source_kind"] == "seed"
        )
        if seed_only:
            return (
                f"event {args['event_id']} rests on a seed document, so it cannot test a seed's claim; "
                "cite an event from an independent source"
            )
    if key == "events_count_before":
        for name in ("after", "before"):
            try:
                date.fromisoformat(args[name])
            except (TypeError, ValueError):
                return f"argument {name}={args[name]!r} is not a YYYY-MM-DD date"
        problem = _check_countries(args["countries"]) if isinstance(args["countries"], str) else "not a string"
        if problem:
            return f"argument countries: {problem}"
        if not set(args["types"]) <= set(EVENT_TYPES) or not set(args["source_kinds"]) <= set(SOURCE_KINDS):
            return "types / source_kinds must be lists from the events vocabularies"
    return None


def validate_claims(df: pd.DataFrame, events: pd.DataFrame, file: str = "curated/claims.csv") -> pd.DataFrame:
    """Check the claims file (ids, seeds and sections, kinds, values, years, check keys and arguments).

    Args:
        df: the claims as read by :func:`read_curated`.
        events: the validated events (check arguments may refer to them).
        file: name used in error messages.

    Returns:
        The table with the published dtypes (``year`` as Int64).

    Raises:
        CuratedDataError: naming the file, column, line and claim id of the first problem.
    """
    _require(df, ("claim_id", "seed", "location", "claim", "kind", "check", "check_args"), file, "claim_id")
    _check_ids(df, "claim_id", r"C\d{3}", file)
    _check_enum(df, "seed", SEED_SECTIONS, file, "claim_id")
    _check_enum(df, "kind", CLAIM_KINDS, file, "claim_id")
    _check_enum(df, "value_qualifier", QUALIFIERS, file, "claim_id")
    _check_enum(df, "check_key", CHECK_KEYS, file, "claim_id")
    years = pd.Series(pd.NA, index=df.index, dtype="Int64")
    for i, row in _rows(df):
        cid = row["claim_id"]
        sections = [n for n, _ in SEED_SECTIONS[row["seed"]]]
        for part in row["location"].split("; "):
            if part not in sections:
                _fail(file, "location", i, cid, f"{part!r} is not a section of {row['seed']} ({', '.join(sections)})")
        if row["year"] is not None:
            if not re.fullmatch(r"\d{4}", row["year"]):
                _fail(file, "year", i, cid, f"{row['year']!r} is not a year")
            years[i] = int(row["year"])
        value, kind = row["value_claimed"], row["kind"]
        if kind == "date":
            if value is None:
                _fail(file, "value_claimed", i, cid, "a date claim needs an ISO date value")
            try:
                start, _ = parse_iso_value(value)
            except ValueError as exc:
                _fail(file, "value_claimed", i, cid, str(exc))
            if row["year"] is None or int(row["year"]) != start.year:
                _fail(file, "year", i, cid, f"must be {start.year}, the year of the claimed date")
            if row["unit"] != "date" or row["value_qualifier"] is not None:
                _fail(file, "unit", i, cid, "date claims take unit 'date' and no value_qualifier")
        elif value is not None:
            if not re.fullmatch(r"-?\d+(\.\d+)?", value):
                _fail(file, "value_claimed", i, cid, f"{value!r} is not a number")
            if row["unit"] is None or row["value_qualifier"] is None:
                _fail(file, "unit", i, cid, "a numeric value needs a unit and a value_qualifier")
        else:
            if kind != "other":
                _fail(file, "value_claimed", i, cid, f"a {kind} claim needs a value")
            if row["unit"] is not None or row["value_qualifier"] is not None:
                _fail(file, "unit", i, cid, "unit and value_qualifier must be empty when there is no value")
        try:
            args = json.loads(row["check_args"])
        except json.JSONDecodeError as exc:
            _fail(file, "check_args", i, cid, f"not valid JSON ({exc.msg})")
        if not isinstance(args, dict):
            _fail(file, "check_args", i, cid, "must be a JSON object")
        key = row["check_key"]
        if key is None:
            if row["check_table"] is not None or args:
                _fail(
                    file, "check_table", i, cid, "check_table must be empty and check_args {} when check_key is empty"
                )
            continue
        if row["check_table"] != CHECK_KEYS[key].table:
            _fail(
                file, "check_table", i, cid, f"{key} reads table {CHECK_KEYS[key].table!r}, not {row['check_table']!r}"
            )
        problem = _check_args(args, key, events)
        if problem:
            _fail(file, "check_args", i, cid, problem)
    out = df.astype("string")
    out["year"] = years
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Cross-checks against the raw sources
# --------------------------------------------------------------------------------------------


class RawIndex:
    """Lazy access to the raw files that citations point to (each read at most once)."""

    def __init__(self, raw: Path) -> None:
        self.raw = raw
        self._frames: dict[tuple[str, str, tuple[str, ...]], pd.DataFrame] = {}

    def agreements(self) -> pd.DataFrame:
        """The curated agreements list."""
        return self._read(AGREEMENTS, AGREEMENTS_FILE, ("event_date", "date_precision", "event", "source_url"))

    def press(self) -> pd.DataFrame:
        """Every row of the press tables, with its file, line and the row's whole text."""
        key = (PRESS, "*", ())
        if key not in self._frames:
            parts = []
            for name in SOURCES[PRESS].files:
                df = read_csv(self.raw, PRESS, name, required=("url",))
                parts.append(
                    pd.DataFrame(
                        {
                            "file": name,
                            "line": [raw_row(i) for i in df.index],
                            "url": df["url"],
                            "text": df.fillna("").astype(str).agg(" ".join, axis=1),
                        }
                    )
                )
            self._frames[key] = pd.concat(parts, ignore_index=True)
        return self._frames[key]

    def _read(self, key: str, file: str, usecols: tuple[str, ...]) -> pd.DataFrame:
        if (key, file, usecols) not in self._frames:
            kwargs = {"usecols": list(usecols)} if usecols else {}
            self._frames[(key, file, usecols)] = read_csv(self.raw, key, file, required=usecols, **kwargs)
        return self._frames[(key, file, usecols)]

    def rows(self, citation: Citation) -> tuple[pd.DataFrame, list[str]]:
        """Rows of a raw CSV matching a citation's selector, and the columns that carry dates or years."""
        header = read_csv(self.raw, citation.key, citation.file, required=[c for c, _ in citation.selector], nrows=0)
        timing = [c for c in header.columns if c.lower() == "date" or "year" in c.lower()]
        cols = tuple(dict.fromkeys([c for c, _ in citation.selector] + timing))
        df = self._read(citation.key, citation.file, cols)
        mask = pd.Series(True, index=df.index)
        for column, value in citation.selector:
            mask &= df[column].astype(str) == value
        return df.loc[mask], timing

    def text(self, key: str, file: str) -> str:
        """A raw text file (e.g. a PROVENANCE.md)."""
        path = self.raw / key / file
        if not path.is_file():
            raise CuratedDataError(f"{key}/{file} is missing under {self.raw}")
        return path.read_text(encoding="utf-8")


def _raw_citation_problem(index: RawIndex, citation: Citation, day: date, precision: str) -> str | None:
    """Why a raw-data citation does not support an event's date, or None."""
    if not citation.file.endswith((".csv", ".csv.gz")):
        if citation.selector:
            return f"{citation.file} is not a table: a row selector cannot apply"
        if str(day.year) not in index.text(citation.key, citation.file):
            return f"{citation.key}/{citation.file} does not mention {day.year}"
        return None
    if not citation.selector:
        return "a citation of a raw table must select a row (#column=value)"
    rows, timing = index.rows(citation)
    if rows.empty:
        return f"no row of {citation.key}/{citation.file} matches {dict(citation.selector)}"
    if "date" in timing:
        wanted = {"day": day.isoformat(), "month": f"{day:%Y-%m}", "year": str(day.year)}[precision]
        if not rows["date"].astype(str).str.startswith(wanted).any():
            return f"the cited row's date ({', '.join(rows['date'].astype(str))}) does not match {wanted}"
    elif timing:
        values = set(rows[timing].astype(str).to_numpy().ravel())
        if str(day.year) not in values:
            return f"the cited row's year columns ({', '.join(timing)}) do not contain {day.year}"
    return None


def cross_check_events(events: pd.DataFrame, raw: Path, file: str = "curated/events.csv") -> None:
    """Check every event's citations against the raw sources.

    * An event whose first citation is an agreements-list URL must match a row of that list with the
      same URL and the same date and precision; every dated row of the list must have such an event.
    * Every other URL must be a row of the agreements list or of the press tables; for press rows,
      one row with that URL must mention the event's date (year, and month or day as precise).
    * A raw-data citation must select an existing row whose date or year matches.

    Raises:
        CuratedDataError: naming the file, column, line and event of the first mismatch.
    """
    index = RawIndex(raw)
    agreements = index.agreements()
    press = index.press()
    ep_urls = set(read_events_press(raw)["url"])
    list_file = f"{AGREEMENTS}/{AGREEMENTS_FILE}"
    list_urls = set(agreements["source_url"].dropna())
    matched: set[object] = set()
    for i, row in _rows(events):
        eid, day, precision = row["event_id"], date.fromisoformat(row["date"]), row["date_precision"]
        for position, text in enumerate(split_citations(row["source"])):
            citation = parse_citation(text)
            if citation.kind == "seed":
                continue
            if citation.kind == "raw":
                problem = _raw_citation_problem(index, citation, day, precision)
                if problem:
                    _fail(file, "source", i, eid, f"{citation.text}: {problem}")
                continue
            url = citation.text
            in_list, in_press = url in list_urls, bool((press["url"] == url).any())
            if position == 0 and row["source_kind"] == "events_press" and url not in ep_urls:
                _fail(
                    file,
                    "source_kind",
                    i,
                    eid,
                    f"events_press, but {url} is not a row of {EVENTS_PRESS}/{EVENTS_PRESS_FILE}",
                )
            if url in ep_urls and not (in_list or in_press):
                continue  # dated by the join (event_sources.join_sources)
            if not (in_list or in_press):
                _fail(file, "source", i, eid, f"{url} is not the URL of any row of {list_file} or of the press tables")
            if position == 0 and row["source_kind"] == "curated_list":
                if not in_list:
                    _fail(file, "source_kind", i, eid, f"curated_list, but {url} is not in {list_file}")
                same = agreements[(agreements["source_url"] == url) & (agreements["event_date"] == row["date"])]
                if same.empty:
                    dates = ", ".join(agreements.loc[agreements["source_url"] == url, "event_date"].fillna("undated"))
                    _fail(
                        file, "date", i, eid, f"{row['date']} does not match {list_file}, which gives {dates} for {url}"
                    )
                if (same["date_precision"] != precision).all():
                    _fail(
                        file,
                        "date_precision",
                        i,
                        eid,
                        f"{precision!r} differs from {list_file} ({same['date_precision'].iloc[0]!r})",
                    )
                matched.update(same.index)
                continue
            if position == 0 and row["source_kind"] == "press" and not in_press:
                _fail(file, "source_kind", i, eid, f"press, but {url} is not a row of the press tables")
            if in_press:
                texts = press.loc[press["url"] == url, "text"]
                if not any(mentions_date(t, day, precision) for t in texts):
                    _fail(
                        file,
                        "source",
                        i,
                        eid,
                        f"no press row with URL {url} mentions {row['date']} at {precision} precision",
                    )
    for j, lrow in agreements.iterrows():
        if pd.notna(lrow["event_date"]) and j not in matched:
            raise CuratedDataError(
                f"{list_file}: line {raw_row(j)}: dated agreement {lrow['event']!r} ({lrow['event_date']}) has no "
                f"event in {file} citing {lrow['source_url']} first with source_kind curated_list"
            )


def cross_check_claims(claims: pd.DataFrame, raw: Path, file: str = "curated/claims.csv") -> None:
    """Check that pipeline check arguments name a pipeline and attribute present in the raw press table.

    Raises:
        CuratedDataError: naming the file, column, line and claim of the first unknown fact.
    """
    from bilateral.sources.energy import PIPELINES  # the raw-name -> short-key mapping lives there

    facts = read_csv(raw, PRESS, "pipeline_facts_press.csv", required=("pipeline", "attribute"))
    known = {(PIPELINES[p][0], a) for p, a in zip(facts["pipeline"], facts["attribute"]) if p in PIPELINES}
    for i, row in _rows(claims):
        if row["check_key"] == "pipeline_attribute":
            args = json.loads(row["check_args"])
            if (args["pipeline"], args["attribute"]) not in known:
                _fail(
                    file,
                    "check_args",
                    i,
                    row["claim_id"],
                    f"no fact ({args['pipeline']}, {args['attribute']!r}) in {PRESS}/pipeline_facts_press.csv",
                )


# --------------------------------------------------------------------------------------------
# Builder
# --------------------------------------------------------------------------------------------


def build(raw: Path, folder: Path | None = None) -> dict[str, pd.DataFrame]:
    """Read, validate and cross-check ``data/curated/events.csv`` and ``claims.csv``.

    Args:
        raw: the raw sources folder (for the cross-checks).
        folder: the curated folder; defaults to :data:`bilateral.paths.CURATED_DIR`.

    Returns:
        ``{"events": ..., "claims": ...}`` with the published columns and dtypes.

    Raises:
        MissingSourcesError: when a raw source the cross-checks need is absent.
        CuratedDataError: naming the file, column, line and id of the first row that breaks a rule.
    """
    folder = Path(folder) if folder is not None else paths.CURATED_DIR
    require_sources(raw, SOURCES_USED)
    where = folder.name
    events = validate_events(read_curated("events", EVENT_COLUMNS, folder), f"{where}/events.csv")
    cross_check_events(events, raw, f"{where}/events.csv")
    sources = join_sources(events, read_events_press(raw), read_outlets(folder), f"{where}/events.csv")
    check_dates(events, sources, f"{where}/events.csv")
    events = sourcing_fields(events, sources)
    claims = validate_claims(read_curated("claims", CLAIM_COLUMNS, folder), events, f"{where}/claims.csv")
    cross_check_claims(claims, raw, f"{where}/claims.csv")
    points = validate_route_points(read_curated("route_points", ROUTE_COLUMNS, folder), f"{where}/route_points.csv")
    return {"events": events, "event_sources": sources, "claims": claims, "route_points": points}


def validate_route_points(df: pd.DataFrame, file: str = "curated/route_points.csv") -> pd.DataFrame:
    """Check the route points: coordinates are numbers in range rounded to 0.1°, pipelines are known
    keys, every row has a source.

    Raises:
        RawDataError / CuratedDataError: naming the file, column and line of the first bad row.
    """
    out = df.copy()
    for column in ("lat", "lon"):
        out[column] = to_number(df, column, file=file)
    for i, row in out.iterrows():
        line = raw_row(i)
        if pd.isna(row["lat"]) or pd.isna(row["lon"]) or not (-90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180):
            raise CuratedDataError(
                f"{file}: columns 'lat'/'lon', line {line}: coordinates ({row['lat']}, {row['lon']}) missing or out of range"
            )
        if round(row["lat"], 1) != row["lat"] or round(row["lon"], 1) != row["lon"]:
            raise CuratedDataError(
                f"{file}: columns 'lat'/'lon', line {line}: coordinates ({row['lat']}, {row['lon']}) must be rounded to 0.1°"
            )
        keys = str(row["pipelines"]).split("|") if not pd.isna(row["pipelines"]) else []
        if not keys or any(k not in ROUTE_PIPELINES for k in keys):
            raise CuratedDataError(
                f"{file}: column 'pipelines', line {line}: {row['pipelines']!r} must be '|'-joined keys of {ROUTE_PIPELINES}"
            )
        if pd.isna(row["source"]):
            raise CuratedDataError(f"{file}: column 'source', line {line}: every point needs a source")
    return out
