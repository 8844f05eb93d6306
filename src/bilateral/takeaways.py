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

from bilateral.figures import data_folder

FILE_NAME = "takeaways.csv"
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
    """The fragment id the report renderer gives a markdown heading (spaces become hyphens)."""
    return re.sub(r"\s+", "-", heading.strip())


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
