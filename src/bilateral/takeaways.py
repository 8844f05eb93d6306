"""Findings a report publishes for the suite's landing page.

A notebook calls :func:`record` with a computed sentence and the heading of the section that shows the
evidence. ``kind="headline"`` is the report's one-line finding shown beside it on the landing page;
``kind="takeaway"`` (the overview's) are the landing page's takeaways across the dimensions. They are
written beside the figure data (``takeaways.csv``) and read back by the index page's builder.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from bilateral.figures import data_folder

FILE_NAME = "takeaways.csv"
MEASURES_FILE = "measures.csv"
_MEASURE_FIELDS = ("measure", "country_a", "country_b", "period", "value")
KINDS = ("headline", "takeaway")
_FIELDS = ("kind", "report", "section", "sentence")


@dataclass(frozen=True)
class Takeaway:
    """One published finding: its kind, the report and section anchor that show it, and the sentence."""

    kind: str
    report: str
    section: str
    sentence: str

    @property
    def href(self) -> str:
        """Link from the landing page to the section (``trade.html#Shares``)."""
        return f"{self.report}.html#{self.section}" if self.section else f"{self.report}.html"


def section_anchor(heading: str) -> str:
    """The fragment id the report renderer (nbconvert) gives a markdown heading: spaces become hyphens and
    other characters are percent-encoded as nbconvert does ("Türkiye's gas" -> "T%C3%BCrkiye's-gas")."""
    return quote(re.sub(r"\s+", "-", heading.strip()), safe="?/:@!$&'()*+,;=")


def record(sentence: str, *, report: str, section: str = "", kind: str = "takeaway") -> Takeaway:
    """Publish one finding: append it to this report's ``takeaways.csv`` and return it.

    Args:
        sentence: the finding, one computed sentence with its number and period.
        report: the report file stem that shows it (``"trade"``).
        section: the heading of the section that shows it, as written in the notebook.
        kind: ``"headline"`` (the report's one-liner) or ``"takeaway"`` (for the landing page).
    """
    if kind not in KINDS:
        raise ValueError(f"takeaways.record: kind={kind!r}; use one of {', '.join(KINDS)}")
    if not sentence or not sentence.strip():
        raise ValueError("takeaways.record: the sentence is empty")
    item = Takeaway(kind, report, section_anchor(section) if section else "", " ".join(sentence.split()))
    path = data_folder() / FILE_NAME
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if new:
            writer.writerow(_FIELDS)
        writer.writerow([item.kind, item.report, item.section, item.sentence])
    return item


def read(folder: Path) -> list[Takeaway]:
    """The findings a built report published (none if it published none)."""
    path = folder / FILE_NAME
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [Takeaway(**{k: row[k] for k in _FIELDS}) for row in csv.DictReader(fh)]


def record_measure(measure: str, country_a: str, country_b: str, period: str, value: str) -> str:
    """Note a headline measure as printed (``value`` is the formatted text), so that a test can check
    that every report printing the same measure for the same pair and period prints the same value.
    Returns ``value`` so the call can sit inside the sentence that prints it."""
    path = data_folder() / MEASURES_FILE
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if new:
            writer.writerow(_MEASURE_FIELDS)
        writer.writerow([measure, country_a, country_b, period, value])
    return value


def read_measures(folder: Path) -> list[dict[str, str]]:
    """The measures a built report printed (see :func:`record_measure`)."""
    path = folder / MEASURES_FILE
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def inconsistent_measures(by_report: dict[str, list[dict[str, str]]]) -> list[str]:
    """Descriptions of measures printed with different values for the same pair and period."""
    seen: dict[tuple[str, ...], dict[str, set[str]]] = {}
    for report, rows in by_report.items():
        for row in rows:
            key = tuple(row[k] for k in _MEASURE_FIELDS[:-1])
            seen.setdefault(key, {}).setdefault(row["value"], set()).add(report)
    problems = []
    for key, values in sorted(seen.items()):
        if len(values) > 1:
            shown = "; ".join(f"{v} in {', '.join(sorted(r))}" for v, r in sorted(values.items()))
            problems.append(f"{key[0]} for {key[1]}–{key[2]}, {key[3]}: {shown}")
    return problems
