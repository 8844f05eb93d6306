"""The committed reports: one per notebook, offline, accessible, A4, listed on the index page."""

from __future__ import annotations

import html
import io
import re

import pytest

from bilateral.build import find_notebooks, read_notebook
from bilateral.checks import external_references, images_without_alt
from bilateral.paths import NOTEBOOKS_DIR, REPORTS_DIR

NOTEBOOKS = sorted(p.stem for p in find_notebooks(NOTEBOOKS_DIR))
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
