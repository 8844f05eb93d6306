"""Reading a claims row and writing measured values for readers: the cell helpers every check uses
(:func:`cell_text`, :func:`args_of`, :func:`claimed_number`), the claimed value as text
(:func:`claimed_text`), numbers and dates in evidence text (:func:`num_text`, :func:`date_text`), the
catalogue keys behind a table, and :func:`none` for a check that finds nothing to measure.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from bilateral import citations, data, diplomatic, fmt
from bilateral.catalog import SOURCES
from bilateral.claims.model import PROXY_MARKERS, Measurement

__all__ = [
    "args_of",
    "cell_text",
    "claimed_number",
    "claimed_text",
    "date_text",
    "first_source_key",
    "is_proxy",
    "missing",
    "none",
    "num_text",
    "table_sources",
]


def missing(x: object) -> bool:
    """True for None, NaN and pandas' NA (and an empty string)."""
    if x is None or x is pd.NA:
        return True
    if isinstance(x, float) and math.isnan(x):
        return True
    return isinstance(x, str) and not x.strip()


def cell_text(x: object) -> str:
    """A cell as text ('' when missing)."""
    return "" if missing(x) else str(x).strip()


def args_of(claim: Mapping[str, Any]) -> dict[str, Any]:
    """The claim's ``check_args`` JSON as a dict (``{}`` when empty)."""
    raw = cell_text(claim.get("check_args"))
    return json.loads(raw) if raw else {}


def claimed_number(claim: Mapping[str, Any]) -> float | None:
    """The claimed value as a number, or None when the claim has none (or it is a date)."""
    raw = cell_text(claim.get("value_claimed"))
    if not raw or cell_text(claim.get("kind")) == "date":
        return None
    return float(raw)


def is_proxy(check: object) -> bool:
    """Whether the claims table describes the check as a partial proxy or a rough comparison."""
    return cell_text(check).startswith(PROXY_MARKERS)


def table_sources(*names: str) -> tuple[str, ...]:
    """Catalogue keys behind processed tables, in order, without repeats."""
    keys: list[str] = []
    for name in names:
        keys += [k for k in data.table_sources(name) if k in SOURCES]
    return tuple(dict.fromkeys(keys))


def num_text(x: float, unit: str = "", digits: int | None = None) -> str:
    """A number for evidence text: integers without decimals, others with up to three significant decimals."""
    if missing(x):
        return "n/a"
    if digits is None:
        digits = 0 if float(x).is_integer() else (1 if abs(x) >= 100 else 2 if abs(x) >= 1 else 3)
    out = fmt.num(float(x), digits)
    if unit == "%":
        return f"{out}%"
    return f"{out} {unit}".strip()


def date_text(iso: str) -> str:
    """An ISO date or interval of any precision as readers see it (via :func:`bilateral.diplomatic.date_label`):
    ``"1994-02-09"`` stays, ``"2006-06"`` reads "Jun 2006", ``"1992-03-22/1992-03-24"`` reads
    "1992-03-22 to 1992-03-24"."""
    if "/" in iso:
        a, _, b = iso.partition("/")
        return f"{date_text(a)} to {date_text(b)}"
    precision = {4: "year", 7: "month"}.get(len(iso), "day")
    return diplomatic.date_label((iso + "-01-01")[:10], precision)


def claimed_text(claim: Mapping[str, Any]) -> str:
    """The claimed value with its qualifier and unit: "more than 5 USD bn", "1994-02-09", "rank 1"."""
    raw = cell_text(claim.get("value_claimed"))
    if not raw:
        return "no number (qualitative claim)"
    if cell_text(claim.get("kind")) == "date":
        return date_text(raw)
    unit = cell_text(claim.get("unit"))
    words = {
        "exact": "",
        "about": "about ",
        "more_than": "more than ",
        "at_least": "at least ",
        "less_than": "less than ",
        "at_most": "at most ",
    }
    q = words.get(cell_text(claim.get("value_qualifier")), "")
    if unit == "rank":
        return f"{q}rank {raw}"
    value = fmt.num(float(raw), 0 if float(raw).is_integer() else len(raw.split(".")[1]))
    return f"{q}{value}%" if unit == "%" else f"{q}{value} {unit}".strip()


def first_source_key(kind: str, source: str) -> str:
    """Catalogue key of an event's first citation, as :func:`bilateral.citations.source_keys` reads it (the
    agreements list for a ``curated_list`` event); 'project' if it cannot."""
    keys = citations.source_keys(str(source), kind)
    return keys[0] if keys and keys[0] in SOURCES else "project"


def none(note: str, **kw: Any) -> Measurement:
    """A measurement with nothing to compare (the claim is not checkable with the data here)."""
    return Measurement(compare="number", value=None, text="–", note=note, **kw)
