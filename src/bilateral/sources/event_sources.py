"""Every event with its sources: the curated events joined to the independent press/web rows.

The curated events (``data/curated/events.csv``) cite seed sections, agreements-list and press URLs
and raw data rows. The raw ``events_press`` table adds, for many events, an outlet of either state,
a third party or an international organisation, with an exact quote and the date that source gives:

* a row naming an existing event (``event_id_existing``) confirms (or dates differently) that event;
* a row with no id documents an event entered in ``events.csv`` that cites the row's URL; it joins the
  event that cites its URL and has the same date.

:func:`join_sources` builds one row per event and source (the ``event_sources`` table) and
:func:`sourcing_fields` derives, for each event, how it is sourced and by how many sources. Every
``events_press`` row must join exactly one event; errors name the file, line and what to change.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from bilateral.countries import raw_row
from bilateral.errors import BilateralError
from bilateral.sources._raw import read_csv

EVENTS_PRESS = "events_press"
EVENTS_PRESS_FILE = "events_press.csv"
EVENTS_PRESS_COLUMNS = (
    "event_id_existing",
    "date",
    "date_precision",
    "dimension",
    "title",
    "description",
    "countries",
    "source_name",
    "source_side",
    "url",
    "quote",
    "quote_en",
    "retrieved_from",
    "note",
)

#: Publisher sides of a source. ``seed`` is one of the two seed documents.
SIDES = ("seed", "AZE", "TUR", "third party", "international organisation")

#: How an event is sourced, from the sides of its sources (see :func:`sourcing_kind`).
SOURCINGS = ("seed only", "one side", "both sides", "third party")

#: Seed documents as readers know them.
SEED_OUTLETS = {"000_bbf2abffa65fbe36.txt": "Ismayilov (2025)", "002_556960fc3d1098ab.txt": "Barranzuela (2022)"}

#: Publisher and side of the raw datasets events cite (by raw folder).
DATASET_OUTLETS = {
    "sipri_arms_transfers": ("SIPRI Arms Transfers Database", "third party"),
    "unga_votes_unvotes_voeten": ("UN General Assembly roll calls (Voeten)", "international organisation"),
    "atop_mid_peacesciencer": ("ATOP/MID data notes (peacesciencer)", "third party"),
}

SOURCE_COLUMNS = (
    "event_id",
    "source_no",
    "outlet",
    "side",
    "citation_kind",
    "url",
    "reference",
    "date_given",
    "date_precision_given",
    "quote",
    "quote_en",
    "note",
)


class EventSourcesError(BilateralError):
    """The events_press rows or the outlets list do not fit the events table; the message says where."""


def sourcing_kind(sides: list[str] | set[str]) -> str:
    """How an event is sourced, from the publisher sides of its sources.

    * ``seed only``: every source is a seed document;
    * ``third party``: at least one source is a third party or an international organisation;
    * ``both sides``: otherwise, sources published in Azerbaijan and in Türkiye;
    * ``one side``: otherwise, non-seed sources from one of the two states only.

    >>> sourcing_kind(["seed"]), sourcing_kind(["seed", "AZE"]), sourcing_kind(["AZE", "TUR"]), sourcing_kind(["TUR", "international organisation"])
    ('seed only', 'one side', 'both sides', 'third party')
    """
    s = set(sides)
    unknown = s - set(SIDES)
    if not s or unknown:
        raise ValueError(f"sides {sorted(unknown) or '[]'} are not among {SIDES}")
    if s & {"third party", "international organisation"}:
        return "third party"
    states = s & {"AZE", "TUR"}
    if not states:
        return "seed only"
    return "both sides" if len(states) == 2 else "one side"


def read_events_press(raw: Path) -> pd.DataFrame:
    """The raw events_press rows as text (empty cells missing), with their file line in ``line``."""
    df = read_csv(raw, EVENTS_PRESS, EVENTS_PRESS_FILE, required=EVENTS_PRESS_COLUMNS, dtype=str, keep_default_na=False)
    df = df.apply(lambda col: col.str.strip().replace("", pd.NA))
    file = f"{EVENTS_PRESS}/{EVENTS_PRESS_FILE}"
    for i, r in df.iterrows():
        for column in ("date", "date_precision", "source_name", "source_side", "url", "quote"):
            if pd.isna(r[column]):
                raise EventSourcesError(f"{file}: column {column!r}, line {raw_row(i)}: is empty (a value is required)")
        if r["source_side"] not in SIDES[1:]:
            raise EventSourcesError(
                f"{file}: column 'source_side', line {raw_row(i)}: {r['source_side']!r} is not one of "
                f"{', '.join(SIDES[1:])}"
            )
    df["line"] = [raw_row(i) for i in df.index]
    return df


def read_outlets(folder: Path) -> dict[str, tuple[str, str]]:
    """``data/curated/outlets.csv``: web host -> (outlet name, side), for URLs cited in events.csv."""
    df = read_csv(folder.parent, folder.name, "outlets.csv", required=("host", "outlet", "side"), dtype=str)
    out = {}
    for i, r in df.iterrows():
        if r["side"] not in SIDES[1:]:
            raise EventSourcesError(
                f"{folder.name}/outlets.csv: column 'side', line {raw_row(i)}: {r['side']!r} is not one of "
                f"{', '.join(SIDES[1:])}"
            )
        out[r["host"]] = (r["outlet"], r["side"])
    return out


def _citation_row(event_id: str, text: str, outlets: Mapping[str, tuple[str, str]], file: str) -> dict:
    """One source row for a citation of the events table's ``source`` cell."""
    from bilateral.sources.curated import parse_citation  # curated imports this module

    c = parse_citation(text)
    row = {
        "event_id": event_id,
        "url": None,
        "reference": None,
        "date_given": None,
        "date_precision_given": None,
        "quote": None,
        "quote_en": None,
        "note": None,
    }
    if c.kind == "seed":
        return {
            **row,
            "outlet": SEED_OUTLETS[c.seed],
            "side": "seed",
            "citation_kind": "seed",
            "reference": f"section {c.section}",
        }
    if c.kind == "raw":
        outlet, side = DATASET_OUTLETS.get(c.key, (c.key, "third party"))
        return {**row, "outlet": outlet, "side": side, "citation_kind": "dataset", "reference": text}
    host = urlparse(text).netloc
    if host not in outlets:
        raise EventSourcesError(
            f"{file}: column 'source' ({event_id}): the host {host!r} of {text} is not in "
            "curated/outlets.csv; add a row naming its outlet and side"
        )
    outlet, side = outlets[host]
    return {**row, "outlet": outlet, "side": side, "citation_kind": "press", "url": text}


def join_sources(
    events: pd.DataFrame, press: pd.DataFrame, outlets: Mapping[str, tuple[str, str]], file: str = "curated/events.csv"
) -> pd.DataFrame:
    """One row per event and source: the event's own citations, then the events_press rows joined to it.

    Args:
        events: the validated curated events (``event_id``, ``date``, ``source``, ...).
        press: rows of :func:`read_events_press`.
        outlets: :func:`read_outlets`.
        file: name of the events file in error messages.

    Returns:
        Columns :data:`SOURCE_COLUMNS`, ordered by event (as in ``events``) and ``source_no``.

    Raises:
        EventSourcesError: when a press row names an unknown event, joins no event or two events, or a
            cited host has no outlet.
    """
    pfile = f"{EVENTS_PRESS}/{EVENTS_PRESS_FILE}"
    ids = set(events["event_id"])
    cites: dict[str, list[tuple[str, str]]] = {}
    for eid, day, source in zip(events["event_id"], events["date"], events["source"]):
        for text in str(source).split(" | "):
            cites.setdefault(text.strip(), []).append((eid, day))
    joined: dict[str, list[int]] = {}
    for i, r in press.iterrows():
        if pd.notna(r["event_id_existing"]):
            if r["event_id_existing"] not in ids:
                raise EventSourcesError(
                    f"{pfile}: column 'event_id_existing', line {r['line']}: {r['event_id_existing']!r} "
                    f"is not an event of {file}"
                )
            joined.setdefault(r["event_id_existing"], []).append(i)
            continue
        match = [eid for eid, day in cites.get(r["url"], []) if day == r["date"]]
        if len(match) != 1:
            what = "no event" if not match else f"{len(match)} events ({', '.join(match)})"
            raise EventSourcesError(
                f"{pfile}: line {r['line']} ({r['date']}, {r['title']!r}) joins {what}: cite its URL in the source of "
                f"exactly one event of {file} dated {r['date']}, or name the event in event_id_existing"
            )
        joined.setdefault(match[0], []).append(i)
    rows = []
    for eid, source in zip(events["event_id"], events["source"]):
        extra = joined.get(eid, [])
        press_urls = {
            press.at[i, "url"] for i in extra
        }  # a cited URL with a joined press row: the row carries the quote
        own = [
            _citation_row(eid, t.strip(), outlets, file)
            for t in str(source).split(" | ")
            if t.strip() not in press_urls
        ]
        for i in extra:
            r = press.loc[i]
            own.append(
                {
                    "event_id": eid,
                    "outlet": r["source_name"],
                    "side": r["source_side"],
                    "citation_kind": "events_press",
                    "url": r["url"],
                    "reference": None,
                    "date_given": r["date"],
                    "date_precision_given": r["date_precision"],
                    "quote": r["quote"],
                    "quote_en": r["quote_en"],
                    "note": r["note"],
                }
            )
        for n, o in enumerate(own, start=1):
            rows.append({**o, "source_no": n})
    out = pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))
    out["source_no"] = out["source_no"].astype("Int64")
    for column in SOURCE_COLUMNS:
        if column != "source_no":
            out[column] = out[column].astype("string")
    return out


def sourcing_fields(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """``events`` with ``sourcing`` (:func:`sourcing_kind`) and ``n_sources`` (rows of ``sources``) added.

    Raises:
        EventSourcesError: when an event has no source row.
    """
    by = sources.groupby("event_id")["side"].agg(list)
    missing = [e for e in events["event_id"] if e not in by.index]
    if missing:
        raise EventSourcesError(f"events {', '.join(missing)} have no source")
    out = events.copy()
    out["sourcing"] = pd.array([sourcing_kind(by[e]) for e in out["event_id"]], dtype="string")
    out["n_sources"] = pd.array([len(by[e]) for e in out["event_id"]], dtype="Int64")
    return out


def check_dates(events: pd.DataFrame, sources: pd.DataFrame, file: str = "curated/events.csv") -> None:
    """An event that keeps a seed's other date (``date_seed``) must take its ``date`` from a non-seed source
    that gives exactly that date (at the event's precision), and the seed's date must differ from it.

    Raises:
        EventSourcesError: naming the event and what to change.
    """
    for eid, day, precision, seed_day in zip(
        events["event_id"], events["date"], events["date_precision"], events["date_seed"]
    ):
        if pd.isna(seed_day):
            continue
        if str(day).startswith(str(seed_day)):
            raise EventSourcesError(
                f"{file}: column 'date_seed' ({eid}): {seed_day} agrees with the date {day}; leave it empty"
            )
        s = sources[(sources["event_id"] == eid) & (sources["side"] != "seed")]
        given = s[(s["date_given"] == day) & (s["date_precision_given"] == precision)]
        if given.empty:
            raise EventSourcesError(
                f"{file}: column 'date' ({eid}): no independent source gives {day} ({precision}); "
                "a date that differs from the seed's must come from a quoted source"
            )
