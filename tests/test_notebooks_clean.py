"""Every report notebook is stripped of outputs and follows the notebook contract's header.

The contract applies to any notebook in notebooks/ (a student's copy too); that the parameters are the default
pair applies to the project's own notebooks only."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from bilateral.build import parse_parameters
from bilateral.catalog import SOURCES
from bilateral.params import STANDARD
from bilateral.paths import NOTEBOOKS_DIR
from conftest import PROJECT_NOTEBOOKS

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))

pytestmark = pytest.mark.skipif(not NOTEBOOKS, reason=f"no notebooks in {NOTEBOOKS_DIR} yet")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


@pytest.fixture(params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def nb(request) -> dict:
    return {**_load(request.param), "_stem": request.param.stem}


def test_no_outputs_and_no_execution_counts(nb):
    dirty = [
        i + 1
        for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert not dirty, (
        f"cells {dirty} have outputs or execution counts: strip them (e.g. jupyter nbconvert --clear-output --inplace)"
    )


def test_no_papermill_or_widget_leftovers(nb):
    assert "papermill" not in nb.get("metadata", {})
    assert "widgets" not in nb.get("metadata", {})


def test_parameters_cell_holds_the_standard_parameters_as_literals(nb):
    tagged = [
        c for c in nb["cells"] if c["cell_type"] == "code" and "parameters" in c.get("metadata", {}).get("tags", [])
    ]
    assert len(tagged) == 1, "exactly one code cell must be tagged 'parameters'"
    assert nb["cells"].index(tagged[0]) == 1, "the parameters cell is the second cell (after the title)"
    values = parse_parameters(_source(tagged[0]))  # raises unless every line is name = literal
    missing = [name for name in STANDARD if name not in values]
    assert not missing, f"parameters cell lacks {missing}"
    if nb["_stem"] in PROJECT_NOTEBOOKS:  # the committed reports are for the default pair
        assert values["country_a"] == "AZE" and values["country_b"] == "TUR"
    assert isinstance(values["start_year"], int) and isinstance(values["end_year"], int)
    assert isinstance(values["comparators"], list)


def test_first_cell_is_a_title(nb):
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown" and _source(first).lstrip().startswith("# ")


def test_validate_comes_right_after_the_parameters(nb):
    third = _source(nb["cells"][2])
    assert "params.from_notebook(globals()" in third, (
        "cell 3 must call bilateral.params.from_notebook(globals(), years=...) before any heavy work"
    )
    ast.parse(third)


def test_parameters_are_declared_once(nb):
    """The validation reads the names from the parameters cell: no notebook repeats them in a dict or a second default."""
    third = _source(nb["cells"][2])
    assert "params.validate(" not in third and "extra=" not in third
    assert '"country_a": country_a' not in "".join(_source(c) for c in nb["cells"])


def test_the_project_notebooks_are_all_there():
    assert sorted(PROJECT_NOTEBOOKS) == sorted(set(PROJECT_NOTEBOOKS) & {p.stem for p in NOTEBOOKS})


def test_metadata_bilateral(nb):
    meta = nb.get("metadata", {}).get("bilateral")
    assert isinstance(meta, dict), "notebook metadata needs a 'bilateral' entry with title, summary and sources"
    assert meta.get("title", "").strip()
    assert meta.get("summary", "").strip() and "\n" not in meta["summary"]
    unknown = [k for k in meta.get("sources", []) if k not in SOURCES]
    assert meta.get("sources") and not unknown, f"sources must be catalog keys; unknown: {unknown}"


#: The longest code cell a project notebook may have: about a screen. Longer logic belongs in src/.
MAX_CELL_LINES = 30


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.stem in PROJECT_NOTEBOOKS], ids=lambda p: p.stem)
def test_no_code_cell_is_longer_than_a_screen(path):
    nb = _load(path)
    long = [
        (i, len(_source(c).splitlines()))
        for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "code" and len(_source(c).splitlines()) > MAX_CELL_LINES
    ]
    assert not long, f"{path.name}: code cells longer than {MAX_CELL_LINES} lines (cell, lines): {long}"
