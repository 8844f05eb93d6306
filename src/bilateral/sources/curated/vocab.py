"""Vocabularies of the curated tables: seed sections, event and claim vocabularies, columns, raw sources read.

The check keys of ``claims.csv`` are in :mod:`bilateral.claim_registry`.
"""

from __future__ import annotations

from bilateral.catalog import SEED_BARRANZUELA, SEED_ISMAYILOV

__all__ = [
    "AGREEMENTS",
    "AGREEMENTS_FILE",
    "ATOP_OBLIGATIONS",
    "CATEGORIES",
    "CLAIM_COLUMNS",
    "CLAIM_KINDS",
    "DIMENSIONS",
    "EARLIEST_EVENT",
    "EVENT_COLUMNS",
    "EVENT_TYPES",
    "ISO3_ARGS",
    "PRECISIONS",
    "PRESS",
    "QUALIFIERS",
    "ROUTE_COLUMNS",
    "ROUTE_PIPELINES",
    "SEED_SECTIONS",
    "SOURCES_USED",
    "SOURCE_KINDS",
]


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

ROUTE_COLUMNS = ("point", "lat", "lon", "role", "pipelines", "source")

ROUTE_PIPELINES = ("BTC", "SCP", "TANAP", "TAP")

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
