"""Charts stay legible on a phone: no text smaller than 7 px when a chart is shown 400 px wide.

Charts are SVG images, whose text the page cannot be asked for font sizes; instead
:func:`bilateral.figures.figure_html` records each chart's width (inches) and its smallest font size (points)
on the ``<figure>`` element, and this test works out the rendered size from them.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pytest

from bilateral import figures
from bilateral.paths import REPORTS_DIR
from conftest import PROJECT_NOTEBOOKS


def test_rendered_text_size_at_phone_width():
    # 10.5 pt = 14 px at full size; a 6.7-inch chart is 643.2 px wide, shown at 400 px: 14 * 400 / 643.2
    assert figures.rendered_text_px(10.5, 6.7) == pytest.approx(8.706, abs=0.001)
    assert figures.rendered_text_px(7.0, 6.7) == pytest.approx(5.804, abs=0.001)
    # a chart 400 px wide (4.1667 in) keeps its size
    assert figures.rendered_text_px(9.0, 400 / 96) == pytest.approx(12.0)


def test_smallest_font_counts_every_visible_text_but_not_hidden_or_empty_ones():
    fig, ax = plt.subplots(figsize=(6.7, 3))
    ax.plot([2000, 2001], [1, 2], label="a line")
    ax.legend(fontsize=8)
    ax.annotate("note", (2000, 1), fontsize=9)
    ax.text(2000, 2, "hidden", fontsize=4).set_visible(False)
    ax.text(2000, 2, "   ", fontsize=3)
    ax.tick_params(labelsize=9.5)
    figures.svg_bytes(fig)
    assert figures.smallest_font_pt(fig) == 8
    html = figures.figure_html(fig, name="legible", caption="c", alt="a", sources=["imf_dots"])
    assert 'data-width-in="6.70"' in html and 'data-min-font-pt="8.00"' in html


def _charts(name: str) -> list[tuple[str, float, float]]:
    path = REPORTS_DIR / f"{name}.html"
    if not path.is_file():
        pytest.skip(f"no committed report {path.name} (tests/test_reports.py reports missing reports)")
    page = path.read_text(encoding="utf-8")
    out = []
    for tag in re.findall(r'<figure class="chart"[^>]*>', page):
        ident = re.search(r'id="([^"]+)"', tag)
        width = re.search(r'data-width-in="([\d.]+)"', tag)
        font = re.search(r'data-min-font-pt="([\d.]+)"', tag)
        assert width and font, (
            f"{name}.html: chart {ident and ident.group(1)} does not record its width and font size (rebuild the report)"
        )
        out.append((ident.group(1) if ident else "?", float(width.group(1)), float(font.group(1))))
    return out


@pytest.mark.parametrize("name", sorted(PROJECT_NOTEBOOKS))
def test_every_chart_of_the_committed_reports_is_legible_at_400_px(name):
    small = [
        f"{ident}: {font:g} pt in {width:g} in → {figures.rendered_text_px(font, width):.1f} px"
        for ident, width, font in _charts(name)
        if figures.rendered_text_px(font, width) < figures.MIN_PHONE_TEXT_PX
    ]
    assert not small, (
        f"{name}.html: text under {figures.MIN_PHONE_TEXT_PX:g} px at {figures.PHONE_WIDTH_PX} px width: {small}"
    )
