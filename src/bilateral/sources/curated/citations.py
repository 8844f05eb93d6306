"""Citations of the events table: parse them (seed sections, URLs, raw data rows) and find dates in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bilateral.catalog import SOURCES
from bilateral.sources.curated.vocab import SEED_SECTIONS

__all__ = [
    "CITATION_SEPARATOR",
    "Citation",
    "date_renderings",
    "mentions_date",
    "parse_citation",
    "seed_sections",
    "split_citations",
]


CITATION_SEPARATOR = " | "

_SEED_CITATION = re.compile(r"^(?P<file>\d{3}_[0-9a-f]{16}\.txt) § (?P<section>.+)$")

_RAW_CITATION = re.compile(r"^(?P<key>[a-z0-9_]+)/(?P<file>[^#\s|]+)(?:#(?P<selector>.+))?$")

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
