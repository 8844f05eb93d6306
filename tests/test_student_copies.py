"""A student's copy of a notebook is first-class: it builds, and its report is checked like the project's own.

Every notebook in notebooks/ that is not one of the project's own (``PROJECT_NOTEBOOKS``) is built here, HTML
only, into a temporary folder, and its page is checked for errors, alt text, captions and source lines. The
documented path itself (copy a notebook, change the literals of its parameters cell, build) is exercised
with two copies for other pairs.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from bilateral import build
from bilateral.build import parse_parameters
from bilateral.checks import problems
from bilateral.paths import NOTEBOOKS_DIR
from conftest import PROJECT_NOTEBOOKS

OTHER_NOTEBOOKS = sorted(p.stem for p in build.find_notebooks(NOTEBOOKS_DIR) if p.stem not in PROJECT_NOTEBOOKS)


def copy_with_parameters(source: Path, target: Path, **changes) -> None:
    """Copy a notebook as a student would, changing literals of its parameters cell (``name = value`` lines)."""
    nb = nbformat.read(source, as_version=4)
    (cell,) = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    lines = cell.source.splitlines()
    for name, value in changes.items():
        found = [i for i, line in enumerate(lines) if re.match(rf"{name}\s*=", line)]
        assert found, f"test setup: no line assigns {name} in {source.name}"
        lines[found[0]] = f"{name} = {value!r}"
    cell.source = "\n".join(lines) + "\n"
    nbformat.write(nb, target)


def build_and_check(notebooks: Path, name: str, tmp_path: Path) -> str:
    """Build ``name`` from ``notebooks`` (HTML only) into ``tmp_path``; return the page after the common checks."""
    layout = build.Layout(notebooks=notebooks, reports=tmp_path / "reports", build=tmp_path / "build")
    report = build.build([name], layout=layout, html_only=True)
    assert report.ok, build.summarise(report)
    page = (layout.reports / f"{name}.html").read_text(encoding="utf-8")
    assert problems(page) == []  # offline, every image has alt text
    for marker in ("Traceback (most recent call last)", "ParameterError", "import bilateral", "Warning:"):
        assert marker not in page, f"{name}.html shows {marker!r}"
    for fig in re.findall(r'<figure class="(?:chart|table)".*?</figure>', page, flags=re.S):
        assert "<figcaption>" in fig and 'class="source">Source: ' in fig, fig[:300]
    return page


@pytest.mark.notebook
@pytest.mark.parametrize("name", OTHER_NOTEBOOKS)
def test_a_new_notebook_builds_and_its_report_passes_the_checks(name, tmp_path):
    build_and_check(NOTEBOOKS_DIR, name, tmp_path)


@pytest.mark.notebook
def test_a_copy_of_the_military_notebook_for_armenia_and_russia(tmp_path):
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    copy_with_parameters(
        NOTEBOOKS_DIR / "military.ipynb",
        nbdir / "military_arm_rus.ipynb",
        country_a="ARM",
        country_b="RUS",
        comparators=["AZE", "GEO"],
    )
    page = build_and_check(nbdir, "military_arm_rus", tmp_path / "out")
    # the default rival, Armenia, is now one of the pair: the first comparator takes its place, and the report says so
    assert "The rival state set for this report, Armenia, is one of the pair" in page
    assert "compared with the first comparator, Azerbaijan, instead." in page


@pytest.mark.notebook
def test_a_copy_of_the_trade_notebook_for_georgia_and_turkiye(tmp_path):
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    copy_with_parameters(NOTEBOOKS_DIR / "trade.ipynb", nbdir / "trade_geo_tur.ipynb", country_a="GEO", start_year=2000)
    page = build_and_check(nbdir, "trade_geo_tur", tmp_path / "out")
    # Georgia is in both default comparator lists: left out of both, said once
    assert page.count("Georgia is one of the two states this report is about") == 1


def test_copy_with_parameters_changes_only_the_named_literals(tmp_path):
    target = tmp_path / "copy.ipynb"
    copy_with_parameters(NOTEBOOKS_DIR / "military.ipynb", target, country_a="ARM", comparators=["AZE"])
    values = parse_parameters(
        next(c for c in nbformat.read(target, as_version=4).cells if "parameters" in c.metadata.get("tags", [])).source
    )
    defaults = build.read_notebook(NOTEBOOKS_DIR / "military.ipynb").defaults
    assert values == {**defaults, "country_a": "ARM", "comparators": ["AZE"]}
