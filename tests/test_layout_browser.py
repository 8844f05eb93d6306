"""Rendered pages in headless Chromium: nothing scrolls sideways at desktop or phone width.

Wide tables may scroll inside their own scroll box; nothing else may reach past the viewport. The
tests are skipped, with a message, where no Chromium is installed (`.ci/run` installs the Debian
package when it can).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.browser import find_chromium, sideways_overflow
from bilateral.build import find_notebooks
from bilateral.paths import NOTEBOOKS_DIR, REPORTS_DIR

PAGES = sorted(p.stem for p in find_notebooks(NOTEBOOKS_DIR) if (REPORTS_DIR / f"{p.stem}.html").exists()) + ["index"]
WIDTHS = (1280, 500)


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = find_chromium()
    if not binary:
        pytest.skip("headless Chromium not installed (Debian package `chromium`); skipping the layout checks")
    return binary


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_does_not_scroll_sideways(name, width, chromium):
    result = sideways_overflow(REPORTS_DIR / f"{name}.html", width, binary=chromium)
    assert result["viewport"] == width
    assert result["count"] == 0, f"{name}.html at {width}px: {result['offenders']}"


def test_the_check_catches_a_wide_element_and_allows_a_scroll_box(tmp_path: Path, chromium):
    page = tmp_path / "wide.html"
    page.write_text(
        '<html><head><meta name="viewport" content="width=device-width"></head><body>'
        '<div id="too-wide" style="width:900px">wide</div>'
        '<div style="overflow-x:auto"><table style="width:2000px"><tr><td>scrolls</td></tr></table></div>'
        "</body></html>",
        encoding="utf-8",
    )
    result = sideways_overflow(page, 500, binary=chromium)
    assert [o["element"] for o in result["offenders"]] == ["div#too-wide"]
    assert result["scroll_width"] > 500
