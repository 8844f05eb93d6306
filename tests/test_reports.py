"""The committed reports: one per project notebook, offline, accessible, A4, listed on the index page.

A student's copy or a new notebook in notebooks/ has no committed report: tests/test_student_copies.py builds
and checks it instead."""

from __future__ import annotations

import html
import io
import re

import pytest

from bilateral.build import read_notebook
from bilateral.checks import external_references, images_without_alt
from bilateral.paths import NOTEBOOKS_DIR, REPORTS_DIR
from conftest import PROJECT_NOTEBOOKS

NOTEBOOKS = sorted(PROJECT_NOTEBOOKS)
A4_POINTS = (595.28, 841.89)


def test_every_notebook_has_a_committed_report():
    missing = [n for n in NOTEBOOKS for ext in ("html", "pdf") if not (REPORTS_DIR / f"{n}.{ext}").is_file()]
    assert not missing, f"reports missing (run `make reports`): {missing}"


@pytest.mark.parametrize("name", NOTEBOOKS + ["index"])
def test_html_is_offline_and_every_image_has_alt_text(name):
    page = (REPORTS_DIR / f"{name}.html").read_text(encoding="utf-8")
    assert external_references(page) == []
    assert images_without_alt(page) == []
    assert re.search(r'<meta[^>]*name="viewport"[^>]*width=device-width', page) or re.search(
        r'<meta[^>]*width=device-width[^>]*name="viewport"', page
    ), "pages must scale on phones"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_report_shows_no_code_and_no_errors(name):
    page = (REPORTS_DIR / f"{name}.html").read_text(encoding="utf-8")
    for marker in ("Traceback (most recent call last)", "import bilateral", "Warning:", "DeprecationWarning"):
        assert marker not in page, f"{name}.html shows {marker!r}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_figure_has_a_caption_and_a_source_line(name):
    page = (REPORTS_DIR / f"{name}.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="chart".*?</figure>', page, flags=re.S)
    assert figures, f"{name}.html has no figure"
    for fig in figures:
        assert "<figcaption>" in fig and 'class="source">Source: ' in fig, fig[:200]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_pdf_is_a4_and_renders_turkish_and_azerbaijani_letters(name):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO((REPORTS_DIR / f"{name}.pdf").read_bytes()))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 0), round(height, 0)) == (round(A4_POINTS[0]), round(A4_POINTS[1]))
    text = "".join(page.extract_text() for page in reader.pages[:3])
    assert "Türkiye" in text


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_figure_data_are_published_beside_the_report(name):
    page = (REPORTS_DIR / f"{name}.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+\.csv)"', page)
    assert links, f"{name}.html links no figure data"
    missing = [link for link in links if not (REPORTS_DIR / link).is_file()]
    assert not missing, missing


def test_index_lists_every_report_with_its_title():
    index = html.unescape((REPORTS_DIR / "index.html").read_text(encoding="utf-8"))
    for name in NOTEBOOKS:
        info = read_notebook(NOTEBOOKS_DIR / f"{name}.ipynb")
        assert f'href="{name}.html"' in index and f'href="{name}.pdf"' in index, name
        assert info.title in index, name


def text_outside_page(pdf: bytes, margin: float = 24.0) -> list[tuple[int, int, int]]:
    """Every string the PDF shows (operators Tj, TJ) whose start lies off the page or within ``margin`` points of
    its right edge, as ``(page, x, y)`` in points. Read from the content streams, so that each table cell is
    seen at its own position (text extraction would merge a row into one run)."""
    from pypdf import PdfReader

    out = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)

        def visit(op, args, cm, tm, number=number, width=width, height=height):
            if op not in (b"Tj", b"TJ"):
                return
            if list(cm) == [1, 0, 0, 1, 0, 0]:
                # Text inside a chart drawn as a form XObject: pypdf passes the XObject's own matrix, not its
                # placement on the page (WeasyPrint's page-level matrix is never the identity: it scales
                # CSS pixels to points), so its position cannot be judged here; the chart image itself is
                # laid out inside the text column.
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]  # the string's origin in page coordinates
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if not (0 <= x <= width - margin and 0 <= y <= height):
                out.append((number, round(x), round(y)))

        page.extract_text(visitor_operand_before=visit)
    return out


def test_the_off_page_check_finds_a_table_too_wide_for_a4():
    weasyprint = pytest.importorskip("weasyprint")
    cells = "".join(f"<td>Column{i}value</td>" for i in range(12))
    wide = weasyprint.HTML(
        string=f"<style>@page {{ size: A4; margin: 17mm }} td {{ white-space: nowrap }}</style><table><tr>{cells}</tr></table>"
    )
    narrow = weasyprint.HTML(
        string="<style>@page { size: A4; margin: 17mm }</style><table><tr><td>One</td><td>Two</td></tr></table>"
    )
    # twelve cells of about 87 points each cannot fit the 499 points between A4's 17 mm margins
    assert len(text_outside_page(wide.write_pdf())) >= 6
    assert text_outside_page(narrow.write_pdf()) == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_pdf_text_stays_inside_the_page(name):
    """Nothing is cut off on A4: every string starts inside the page, clear of the right edge by at least half
    the 17 mm (48-point) side margin the print stylesheet sets (a table too wide for the page would push its
    last columns past that line or off the page)."""
    outside = text_outside_page((REPORTS_DIR / f"{name}.pdf").read_bytes())
    assert not outside, f"{name}.pdf has text off the page (page, x, y): {outside[:5]}"
