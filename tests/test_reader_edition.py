"""What readers get from the committed reports: tidy figure data, navigation, plain language."""

from __future__ import annotations

import csv

import pytest

from bilateral.paths import REPORTS_DIR

DATA_CSVS = sorted(REPORTS_DIR.glob("*-data/*.csv"))


@pytest.mark.parametrize("path", DATA_CSVS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_figure_data_csv_has_one_header_row_of_distinct_names(path):
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    assert all(name.strip() for name in header), f"{path.name}: unnamed column in {header}"
    assert len(set(header)) == len(header), f"{path.name}: repeated column names {header}"
    assert all(len(row) == len(header) for row in rows[1:]), f"{path.name}: ragged rows"


# --- navigation: index order, takeaways, contents lists, glossary links ---------------------------------

import html  # noqa: E402
import re  # noqa: E402

from bilateral.pages import READING_ORDER  # noqa: E402

REPORT_PAGES = [stem for stem, _ in READING_ORDER if (REPORTS_DIR / f"{stem}.html").is_file()]


def _ids(page: str) -> set[str]:
    return {html.unescape(i) for i in re.findall(r'\bid="([^"]+)"', page)}


def _resolves(href: str) -> bool:
    target, _, anchor = html.unescape(href).partition("#")
    path = REPORTS_DIR / target
    if not path.is_file():
        return False
    return not anchor or anchor in _ids(path.read_text(encoding="utf-8"))


def test_index_lists_the_reports_in_reading_order_before_the_build_details():
    index = (REPORTS_DIR / "index.html").read_text(encoding="utf-8")
    cards = [index.index(f'<h3><a href="{stem}.html">') for stem in REPORT_PAGES]
    assert cards == sorted(cards)
    assert index.index("The reports") < index.index("About this build")
    if "Takeaways" in index:
        assert index.index("Takeaways") < index.index("The reports")


def test_index_takeaways_link_to_sections_that_exist():
    index = (REPORTS_DIR / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="more" href="([^"]+)"', index)
    assert 5 <= len(links) <= 7, f"the landing page should have five to seven takeaways, has {len(links)}"
    broken = [href for href in links if not _resolves(href)]
    assert not broken, broken


@pytest.mark.parametrize("stem", REPORT_PAGES)
def test_report_has_a_contents_list_whose_links_resolve(stem):
    page = (REPORTS_DIR / f"{stem}.html").read_text(encoding="utf-8")
    toc = re.search(r'<nav class="contents".*?</nav>', page, flags=re.S)
    assert toc, f"{stem}.html has no contents list"
    anchors = [html.unescape(a) for a in re.findall(r'href="#([^"]+)"', toc.group(0))]
    assert len(anchors) >= 3
    missing = [a for a in anchors if a not in _ids(page)]
    assert not missing, missing
    assert 'href="index.html"' in page, "no way back to the index"


@pytest.mark.parametrize("stem", REPORT_PAGES)
def test_glossary_links_resolve(stem):
    page = (REPORTS_DIR / f"{stem}.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="gloss" href="([^"]+)"', page)
    assert links, f"{stem}.html links no term to the glossary"
    broken = [href for href in links if not _resolves(href)]
    assert not broken, broken


@pytest.mark.parametrize("page", ["index", "glossary"])
def test_landing_and_glossary_pages_name_no_files_hashes_or_identifiers(page):
    from bilateral.readability import machine_identifiers

    text = (REPORTS_DIR / f"{page}.html").read_text(encoding="utf-8")
    assert machine_identifiers(text) == []


@pytest.mark.parametrize("stem", REPORT_PAGES)
def test_no_pdf_page_ends_with_a_heading(stem):
    """A heading is never stranded at the foot of a PDF page, away from its content (read from the text of
    each page: its last lines, page footer aside, must not be a section heading of the report)."""
    from pypdf import PdfReader

    page = (REPORTS_DIR / f"{stem}.html").read_text(encoding="utf-8")
    headings = {
        html.unescape(re.sub(r"<[^>]+>", "", h)).replace("¶", "").strip()
        for h in re.findall(r"<h[234][^>]*>(.*?)</h[234]>", page, flags=re.S)
    } - {""}
    stranded = []
    for number, pdf_page in enumerate(PdfReader(str(REPORTS_DIR / f"{stem}.pdf")).pages, 1):
        lines = [line.strip() for line in pdf_page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not re.search(r"\d+ / \d+$", line)]
        if body and body[-1] in headings:
            stranded.append((number, body[-1]))
    assert not stranded, f"{stem}.pdf: headings at the foot of a page: {stranded}"
