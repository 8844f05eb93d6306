"""The suite's landing page (``reports/index.html``): the question, the takeaways, the reports in reading
order with their one-line findings, and the build details at the end.

The takeaways and each report's finding are published by the notebooks themselves (see
:mod:`bilateral.takeaways`), so every number on the page is computed; this module only assembles them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilateral import takeaways as takeaways_mod
from bilateral.pages import READING_ORDER

TEMPLATE = "landing.html.j2"
TITLE = "Azerbaijan and Türkiye: the relationship in data"
SUMMARY = (
    "How close are Azerbaijan and Türkiye? Reports on their votes at the United Nations, arms transfers, "
    "gas and trade, measured against each state's other partners, and a check of published claims."
)
INTRO = (
    "Azerbaijan and Türkiye are often described as the closest of partners. These reports ask what public data "
    "show: how the two states vote in the UN General Assembly, what arms, gas and goods pass between them, how "
    "they rank among each other's partners, and which events mark the relationship, including its strains.",
    "Every number is computed from a published dataset named under the chart or table that shows it. The last "
    "report checks the dated and quantitative claims of two publications about the relationship against the "
    "same data.",
)


@dataclass
class ReportEntry:
    """One report as the landing page lists it."""

    stem: str
    title: str
    short: str
    finding: str
    html_href: str
    pdf_href: str
    notebook: str
    build_id: str
    parameters: list[dict[str, str]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    data: list[dict[str, str]] = field(default_factory=list)


def data_label(file_name: str) -> str:
    """A reader's label for a figure-data file: ``btc-throughput.csv`` -> ``Btc throughput (CSV)``."""
    stem = file_name.rsplit(".", 1)[0].replace("-", " ").replace("_", " ").strip()
    return f"{stem[:1].upper()}{stem[1:]} (CSV)"


def reading_order(stems: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split report stems into the suite's six in reading order and the others (copies, tutorials) by name."""
    known = [s for s, _ in READING_ORDER]
    present = set(stems)
    return [s for s in known if s in present], sorted(present - set(known))


def link_text(stem: str, report_title: str) -> str:
    """The words of a takeaway's link to the section behind it ("See the trade report"): the report's name in
    the suite's menu, else its title up to a colon."""
    name = dict(READING_ORDER).get(stem) or report_title.split(":")[0].strip()
    return f"See the {name.lower()} report"


def entry(
    stem: str,
    title: str,
    summary: str,
    reports_dir: Path,
    notebook: str,
    build_id: str,
    parameters: Mapping[str, Any],
    sources: Sequence[Mapping[str, str]],
) -> ReportEntry:
    """Gather what the landing page shows of one built report (its finding if it published one, else its summary)."""
    data_dir = reports_dir / f"{stem}-data"
    published = takeaways_mod.read(data_dir)
    headline = next((t.sentence for t in published if t.kind == "headline"), "")
    short = dict(READING_ORDER).get(stem, title.split(":")[0].strip())
    return ReportEntry(
        stem=stem,
        title=title,
        short=short,
        finding=headline or summary,
        html_href=f"{stem}.html",
        pdf_href=f"{stem}.pdf" if (reports_dir / f"{stem}.pdf").is_file() else "",
        notebook=notebook,
        build_id=build_id,
        parameters=[
            {"name": k, "value": repr(list(v)) if isinstance(v, tuple) else repr(v)} for k, v in parameters.items()
        ],
        sources=[dict(s) for s in sources],
        data=[
            {"href": f"{data_dir.name}/{f.name}", "label": data_label(f.name)}
            for f in sorted(data_dir.glob("*.csv"))
            if f.name not in (takeaways_mod.FILE_NAME, takeaways_mod.MEASURES_FILE)
        ],
    )


def landing_html(
    entries: Sequence[ReportEntry], reports_dir: Path, css: str, templates_dir: Path, overview: str = "overview"
) -> str:
    """Render the landing page from the report entries and the overview's published takeaways."""
    import jinja2

    by_stem = {e.stem: e for e in entries}
    ordered, others = reading_order(by_stem)
    titles = {e.stem: e.title for e in entries}
    items = []
    for t in takeaways_mod.read(reports_dir / f"{overview}-data"):
        if t.kind != "takeaway":
            continue
        items.append(
            {"sentence": t.sentence, "href": t.href, "link_text": link_text(t.report, titles.get(t.report, t.report))}
        )
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir)), autoescape=False)
    return env.get_template(TEMPLATE).render(
        title=TITLE,
        summary=SUMMARY,
        intro=INTRO,
        css=css,
        takeaways=items,
        reports=[by_stem[s] for s in ordered],
        others=[by_stem[s] for s in others],
    )
