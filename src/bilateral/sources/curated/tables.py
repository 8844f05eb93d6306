"""Table specs of the curated tables: ``events``, ``event_sources``, ``claims`` and ``route_points``."""

from __future__ import annotations

from bilateral.claim_registry import CHECK_KEYS
from bilateral.schema import Field, Table, year
from bilateral.sources.curated.vocab import (
    AGREEMENTS,
    CATEGORIES,
    CLAIM_KINDS,
    DIMENSIONS,
    EVENT_TYPES,
    PRECISIONS,
    PRESS,
    QUALIFIERS,
    SEED_SECTIONS,
    SOURCE_KINDS,
)
from bilateral.sources.event_sources import (
    SIDES,
    SOURCINGS,
)

__all__ = ["CLAIMS", "EVENTS", "EVENT_SOURCES", "ROUTE_POINTS", "TABLES"]


_COUNTRIES_PATTERN = r"^[A-Z]{3}(\|[A-Z]{3})*$"

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
