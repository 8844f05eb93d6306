"""Citations as readers see them: one module turns every citation form of the curated and processed tables
into reader text.

The tables cite in three forms, several joined by ``" | "``:

- a seed document and its section: ``000_bbf2abffa65fbe36.txt § DEVELOPMENT`` reads
  "Ismayilov (2025), section Development";
- a web page: its URL (kept in full; the short form is its site, "trend.az");
- a row of a raw dataset: ``<source folder>/<file>#<field>=<id>``, e.g.
  ``sipri_arms_transfers/…csv#SIPRI AT Database ID=31006`` reads "SIPRI Arms Transfers Database, deal 31006"
  and ``unga_votes_unvotes_voeten/un_roll_calls.csv.gz#rcid=4828`` reads "UN General Assembly roll call 4828
  (Voeten voting data)"; a dataset's documentation (``…/PROVENANCE.md``) reads as the dataset's name.

Pure functions on strings; the only data read is the source catalogue's metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bilateral.catalog import SOURCES

#: The seed documents' file names and how readers know them (author and year).
SEED_NAMES = {"000_bbf2abffa65fbe36.txt": "Ismayilov (2025)", "002_556960fc3d1098ab.txt": "Barranzuela (2022)"}

#: Separator of several citations in one cell of the curated tables.
SEPARATOR = " | "

#: How the id field of a cited dataset row reads before the id (other fields read "record").
_RECORD_WORDS = {
    "SIPRI AT Database ID": "deal",
    "rcid": "roll call",
}
#: Reader names of datasets whose rows are cited (otherwise the catalogue's short name).
_DATASET_NAMES = {
    "sipri_arms_transfers": "SIPRI Arms Transfers Database",
    "unga_votes_unvotes_voeten": "UN General Assembly",
}
_DATASET_SUFFIX = {"unga_votes_unvotes_voeten": " (Voeten voting data)"}

#: The events table's kinds of first source, in words.
KIND_NAMES = {
    "seed": "a seed document",
    "curated_list": "the curated list of agreements",
    "events_press": "a quoted press or official page",
    "press": "a press or web page",
    "dataset": "a dataset row",
}

_SEED = re.compile(r"^(?P<file>\S+\.txt) § (?P<section>.+)$")
_DATASET = re.compile(r"^(?P<folder>[a-z0-9_]+)/(?P<file>[^#]+)(?:#(?P<field>[^=]+)=(?P<id>.+))?$")


def section_name(section: str) -> str:
    """A seed section heading as prose: headings in capitals are set in sentence case; the untitled opening
    reads "opening".

    >>> section_name("DEVELOPMENT"), section_name("Military Alliance"), section_name("Opening (untitled)")
    ('Development', 'Military Alliance', 'opening')
    """
    s = section.strip()
    if s == "Opening (untitled)":
        return "opening"
    return s.capitalize() if s.isupper() else s


def sections_text(location: str) -> str:
    """The seed sections a claim comes from (``"INTRODUCTION; DEVELOPMENT"``) as prose:
    "sections Introduction and Development"; one section reads "section Development"; "" if none.
    """
    parts = [section_name(p) for p in str(location).split(";") if p.strip()]
    if not parts:
        return ""
    if len(parts) == 1:
        return f"section {parts[0]}" if parts[0] != "opening" else "opening section"
    return "sections " + ", ".join(parts[:-1]) + " and " + parts[-1]


def url_host(url: str) -> str:
    """The site of a URL without 'www.': ``url_host("https://www.bp.com/en_az/x") == "bp.com"``."""
    m = re.match(r"^https?://(?:www\.)?([^/?#]+)", url.strip())
    return m.group(1) if m else url.strip()


def is_url(citation: str) -> bool:
    """Whether one citation is a web address."""
    return citation.strip().startswith(("http://", "https://"))


def citation_key(citation: str) -> str | None:
    """The catalogue key of one citation: a URL is a press row ('press_figures'), a seed section is 'seeds',
    ``<source folder>/<file>`` is that folder's source; None for anything else.

    >>> citation_key("https://www.bp.com/x"), citation_key("000_bbf2abffa65fbe36.txt § DEVELOPMENT")
    ('press_figures', 'seeds')
    """
    c = citation.strip()
    if is_url(c):
        return "press_figures"
    if _SEED.match(c):
        return "seeds"
    if m := _DATASET.match(c):
        return m.group("folder")
    return None


def source_keys(source: str, kind: str = "") -> list[str]:
    """The catalogue keys of one table cell of citations, in order: the first citation of a ``curated_list``
    event is the agreements list (its URL is where the list took the event from), whatever its form.

    >>> source_keys("https://a.az/1 | 000_bbf2abffa65fbe36.txt § DEVELOPMENT", "curated_list")
    ['bilateral_agreements_curated', 'seeds']
    """
    keys: list[str] = []
    for i, c in enumerate(split(source)):
        key = "bilateral_agreements_curated" if i == 0 and kind == "curated_list" else citation_key(c)
        if key and key not in keys:
            keys.append(key)
    return keys


def split(source: object) -> list[str]:
    """The citations of one cell, stripped, empty ones dropped."""
    return [c.strip() for c in str(source).split(SEPARATOR.strip()) if c.strip()]


def _dataset_text(folder: str, file: str, field: str | None, record: str | None) -> str:
    name = _DATASET_NAMES.get(folder) or (SOURCES[folder].short if folder in SOURCES else "dataset")
    if field is None:
        return name
    words = _RECORD_WORDS.get(field.strip(), "record")
    return f"{name}, {words} {record.strip()}{_DATASET_SUFFIX.get(folder, '')}"


def reader_citation(citation: str, *, short: bool = False) -> str:
    """One citation as readers see it.

    Args:
        citation: one citation of the curated tables (a seed section, a URL, or a dataset row).
        short: the short form for table cells: a seed by author and year alone, a URL by its site;
            dataset rows read the same in both forms.

    >>> reader_citation("000_bbf2abffa65fbe36.txt § DEVELOPMENT")
    'Ismayilov (2025), section Development'
    >>> reader_citation("https://www.trend.az/a/1.html", short=True)
    'trend.az'
    """
    c = citation.strip()
    if is_url(c):
        return url_host(c) if short else c
    if m := _SEED.match(c):
        name = SEED_NAMES.get(m.group("file"), "seed document")
        if short:
            return name
        section = section_name(m.group("section"))
        return f"{name}, opening section" if section == "opening" else f"{name}, section {section}"
    if m := _DATASET.match(c):
        return _dataset_text(m.group("folder"), m.group("file"), m.group("field"), m.group("id"))
    return c


def reader_citations(source: object, *, short: bool = False, sep: str = "; ") -> str:
    """All citations of one table cell as readers see them, repeats dropped, joined by ``sep``.

    >>> reader_citations("000_bbf2abffa65fbe36.txt § DEVELOPMENT | https://x.org/a")
    'Ismayilov (2025), section Development; https://x.org/a'
    """
    out: list[str] = []
    for c in split(source):
        text = reader_citation(c, short=short)
        if text not in out:
            out.append(text)
    return sep.join(out)


def cited_urls(sources: Iterable[object]) -> list[str]:
    """Every URL cited in the cells, in order of first appearance."""
    return list(dict.fromkeys(c for s in sources for c in split(s) if is_url(c)))


def geonames_record(source: str) -> str:
    """A place's citation without the address and extract note: "GeoNames 318675 'Ceyhan'"."""
    return source.split(", http")[0].strip()


def kind_name(kind: str) -> str:
    """An events table's source kind in words: ``kind_name("curated_list") == "the curated list of agreements"``."""
    return KIND_NAMES.get(str(kind), "other sources")


def record_text(outlet: str, reference: object) -> str:
    """A source of the event-sources table as readers see it: a cited dataset row by dataset and record
    ("SIPRI Arms Transfers Database, deal 31006"), anything else by its outlet.

    >>> record_text("SIPRI Arms Transfers Database", "sipri_arms_transfers/x.csv#SIPRI AT Database ID=31006")
    'SIPRI Arms Transfers Database, deal 31006'
    >>> record_text("Ismayilov (2025)", "section DEVELOPMENT")
    'Ismayilov (2025)'
    """
    ref = (
        "" if reference is None or (isinstance(reference, float) and reference != reference) else str(reference).strip()
    )
    m = _DATASET.match(ref)
    return reader_citation(ref) if m and m.group("field") else outlet
