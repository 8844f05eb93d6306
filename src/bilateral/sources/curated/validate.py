"""Validation of the curated files on their own (no raw data needed): ids, dates, vocabularies, citations.

Every error is a :class:`CuratedDataError` naming the file, the column, the line and the row's id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from bilateral import paths
from bilateral.claim_registry import CHECK_KEYS
from bilateral.countries import is_iso3, raw_row
from bilateral.errors import BilateralError
from bilateral.periods import parse_iso_value
from bilateral.sources._raw import read_csv, to_number
from bilateral.sources.curated.citations import parse_citation, split_citations
from bilateral.sources.curated.vocab import (
    ATOP_OBLIGATIONS,
    CATEGORIES,
    CLAIM_KINDS,
    DIMENSIONS,
    EARLIEST_EVENT,
    EVENT_COLUMNS,
    EVENT_TYPES,
    ISO3_ARGS,
    PRECISIONS,
    QUALIFIERS,
    ROUTE_PIPELINES,
    SEED_SECTIONS,
    SOURCE_KINDS,
)

__all__ = [
    "CuratedDataError",
    "countries_problem",
    "fail",
    "iter_rows",
    "read_curated",
    "validate_claims",
    "validate_events",
    "validate_route_points",
]


class CuratedDataError(BilateralError):
    """A curated file (``data/curated/*.csv``) breaks a rule; the message names file, column and line."""


def _where(file: str, column: str, index: object, row_id: object = None) -> str:
    ident = f" ({row_id})" if row_id is not None and not pd.isna(row_id) else ""
    return f"{file}: column {column!r}, line {raw_row(index)}{ident}"


def fail(file: str, column: str, index: object, row_id: object, message: str) -> NoReturn:
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


def iter_rows(df: pd.DataFrame):
    """Iterate over (index, row as a dict) with missing cells as None."""
    for i, row in df.iterrows():
        yield i, {k: (None if pd.isna(v) else v) for k, v in row.items()}


def _require(df: pd.DataFrame, columns: Iterable[str], file: str, id_column: str) -> None:
    for column in columns:
        blank = df[column].isna()
        if blank.any():
            i = blank.idxmax()
            fail(file, column, i, df.at[i, id_column], "is empty (a value is required)")


def _check_enum(df: pd.DataFrame, column: str, allowed: Iterable[str], file: str, id_column: str) -> None:
    allowed = tuple(allowed)
    bad = df[column].notna() & ~df[column].isin(allowed)
    if bad.any():
        i = bad.idxmax()
        fail(file, column, i, df.at[i, id_column], f"{df.at[i, column]!r} is not one of {', '.join(allowed)}")


def _check_ids(df: pd.DataFrame, column: str, pattern: str, file: str) -> None:
    bad = ~df[column].str.fullmatch(pattern)
    if bad.any():
        i = bad.idxmax()
        fail(file, column, i, None, f"{df.at[i, column]!r} does not match {pattern}")
    dup = df[column].duplicated()
    if dup.any():
        i = dup.idxmax()
        fail(file, column, i, df.at[i, column], f"{df.at[i, column]!r} is used twice")


def countries_problem(value: str) -> str | None:
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
    for i, row in iter_rows(df):
        eid = row["event_id"]
        try:
            day = date.fromisoformat(row["date"]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]) else None
        except ValueError:
            day = None
        if day is None:
            fail(file, "date", i, eid, f"{row['date']!r} is not a valid date (YYYY-MM-DD)")
        if row["date"] < EARLIEST_EVENT:
            fail(file, "date", i, eid, f"{row['date']} is before {EARLIEST_EVENT}, the start of the table's scope")
        if row["date_precision"] == "month" and day.day != 1:
            fail(file, "date", i, eid, "month precision: the date must be the first day of the month")
        if row["date_precision"] == "year" and (day.month, day.day) != (1, 1):
            fail(file, "date", i, eid, "year precision: the date must be 1 January of the year")
        problem = countries_problem(row["countries"])
        if problem:
            fail(file, "countries", i, eid, f"{row['countries']!r}: {problem}")
        if row["date_seed"] is not None:
            try:
                parse_iso_value(row["date_seed"])
            except ValueError as exc:
                fail(file, "date_seed", i, eid, f"{exc}; write the seed's date as YYYY, YYYY-MM or YYYY-MM-DD")
        if len(row["title"]) > 90:
            fail(file, "title", i, eid, f"title is {len(row['title'])} characters long (at most 90)")
        if len(row["description"]) > 500:
            fail(file, "description", i, eid, f"description is {len(row['description'])} characters (at most 500)")
        citations = []
        for text in split_citations(row["source"]):
            try:
                citations.append(parse_citation(text))
            except ValueError as exc:
                fail(file, "source", i, eid, str(exc))
        first = citations[0].kind
        expected = {"seed": ("seed",), "raw": ("dataset",), "url": ("press", "curated_list", "events_press")}[first]
        if row["source_kind"] not in expected:
            fail(
                file,
                "source_kind",
                i,
                eid,
                f"{row['source_kind']!r} does not fit the first citation "
                f"{citations[0].text!r} (expected {' or '.join(expected)})",
            )
        if len({c.text for c in citations}) != len(citations):
            fail(file, "source", i, eid, "the same citation appears twice")
    order = list(zip(df["date"], df["event_id"]))
    for n in range(1, len(order)):
        if order[n] < order[n - 1]:
            i = df.index[n]
            fail(
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
        problem = countries_problem(args["countries"]) if isinstance(args["countries"], str) else "not a string"
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
    for i, row in iter_rows(df):
        cid = row["claim_id"]
        sections = [n for n, _ in SEED_SECTIONS[row["seed"]]]
        for part in row["location"].split("; "):
            if part not in sections:
                fail(file, "location", i, cid, f"{part!r} is not a section of {row['seed']} ({', '.join(sections)})")
        if row["year"] is not None:
            if not re.fullmatch(r"\d{4}", row["year"]):
                fail(file, "year", i, cid, f"{row['year']!r} is not a year")
            years[i] = int(row["year"])
        value, kind = row["value_claimed"], row["kind"]
        if kind == "date":
            if value is None:
                fail(file, "value_claimed", i, cid, "a date claim needs an ISO date value")
            try:
                start, _ = parse_iso_value(value)
            except ValueError as exc:
                fail(file, "value_claimed", i, cid, str(exc))
            if row["year"] is None or int(row["year"]) != start.year:
                fail(file, "year", i, cid, f"must be {start.year}, the year of the claimed date")
            if row["unit"] != "date" or row["value_qualifier"] is not None:
                fail(file, "unit", i, cid, "date claims take unit 'date' and no value_qualifier")
        elif value is not None:
            if not re.fullmatch(r"-?\d+(\.\d+)?", value):
                fail(file, "value_claimed", i, cid, f"{value!r} is not a number")
            if row["unit"] is None or row["value_qualifier"] is None:
                fail(file, "unit", i, cid, "a numeric value needs a unit and a value_qualifier")
        else:
            if kind != "other":
                fail(file, "value_claimed", i, cid, f"a {kind} claim needs a value")
            if row["unit"] is not None or row["value_qualifier"] is not None:
                fail(file, "unit", i, cid, "unit and value_qualifier must be empty when there is no value")
        try:
            args = json.loads(row["check_args"])
        except json.JSONDecodeError as exc:
            fail(file, "check_args", i, cid, f"not valid JSON ({exc.msg})")
        if not isinstance(args, dict):
            fail(file, "check_args", i, cid, "must be a JSON object")
        key = row["check_key"]
        if key is None:
            if row["check_table"] is not None or args:
                fail(file, "check_table", i, cid, "check_table must be empty and check_args {} when check_key is empty")
            continue
        if row["check_table"] != CHECK_KEYS[key].table:
            fail(
                file, "check_table", i, cid, f"{key} reads table {CHECK_KEYS[key].table!r}, not {row['check_table']!r}"
            )
        problem = _check_args(args, key, events)
        if problem:
            fail(file, "check_args", i, cid, problem)
    out = df.astype("string")
    out["year"] = years
    return out.reset_index(drop=True)


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
