"""Reading a claims row and writing measured values for readers: the cell helpers every check uses
(:func:`cell_text`, :func:`args_of`, :func:`claimed_number`), the claimed value as text
(:func:`claimed_text`), numbers and dates in evidence text (:func:`num_text`, :func:`date_text`), the
catalogue keys behind a table, and :func:`none` for a check that finds nothing to measure.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from bilateral import citations, data, fmt
from bilateral.catalog import SOURCES
from bilateral.claims.model import PROXY_MARKERS, Measurement

__all__ = [
    "args_of",
    "cell_text",
    "claimed_number",
    "claimed_text",
    "date_range",
    "date_text",
    "first_source_key",
    "is_proxy",
    "missing",
    "none",
    "num_text",
    "short_urls",
    "table_sources",
    "turkiye",
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


def date_range(first: str, last: str) -> str:
    """Two dates as readers see them joined into one range, the shared month and year said once:
    ``date_range("8 Feb 1994", "11 Feb 1994") == "8–11 Feb 1994"``, ``"8 Feb–11 Mar 1994"``, ``"1992–1994"``."""
    if first == last:
        return first
    a, b = first.split(), last.split()
    shared = 0
    if len(a) == len(b):
        while shared < len(a) - 1 and a[len(a) - 1 - shared] == b[len(b) - 1 - shared]:
            shared += 1
    if not shared:
        return f"{first}–{last}"
    return f"{' '.join(a[: len(a) - shared])}–{' '.join(b)}"


def date_text(iso: str) -> str:
    """An ISO date, interval or period of any precision in the suite's date style (:func:`bilateral.fmt.date`,
    :func:`bilateral.fmt.period`): ``"1994-02-09"`` reads "9 Feb 1994", ``"2006-06"`` "Jun 2006",
    ``"1992-03-22/1992-03-24"`` "22–24 Mar 1992", ``"2019-01..2019-11"`` "Jan–Nov 2019"."""
    iso = str(iso).strip()
    if "/" in iso:
        a, _, b = iso.partition("/")
        return date_range(date_text(a), date_text(b))
    if ".." in iso or (len(iso) == 7 and iso[5] in "HQ"):
        return fmt.period(iso)
    return fmt.date(iso) or iso


_TURKEY = re.compile(r"\bTurkey\b")


def turkiye(text: str) -> str:
    """Text from a table with the country named Türkiye, except inside quotation marks (quoted titles and
    quotes keep their wording): ``turkiye("opening in Turkey, \u201cTurkey's pipeline\u201d")``."""
    parts = re.split("(\u201c[^\u201d]*\u201d)", str(text))
    return "".join(p if p.startswith("\u201c") else _TURKEY.sub("Türkiye", p) for p in parts)


_URL_IN_BRACKETS = re.compile(r" ?\((https?://[^\s)]+)\)")
_URL = re.compile(r"https?://[^\s)]+")


def _domain(url: str) -> str:
    return ".".join(citations.url_host(url).lower().split(".")[-2:])


def short_urls(text: str) -> str:
    """Text with each web address shortened to its site (the full addresses are in the data files); an address in
    brackets after a name that already says the site is dropped: ``"Trend (https://en.trend.az/business/1.html)"``
    reads "Trend (en.trend.az)", ``"News.Az (https://news.az/x)"`` reads "News.Az"."""

    def bracketed(m: re.Match) -> str:
        before = text[: m.start()].rsplit(";", 1)[-1].lower()
        return "" if _domain(m.group(1)) in before else f" ({citations.url_host(m.group(1))})"

    return _URL.sub(lambda m: citations.url_host(m.group()), _URL_IN_BRACKETS.sub(bracketed, text))


def claimed_text(claim: Mapping[str, Any]) -> str:
    """The claimed value with its qualifier and unit: "more than 5 USD bn", "9 Feb 1994", "rank 1"."""
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
