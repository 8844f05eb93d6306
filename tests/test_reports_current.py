"""The committed reports are current: each records the hash of the inputs it was built from, and that
hash equals the one computed from the tree now (notebook, parameters, ``src/``, ``data/processed/``,
lock file). Hashing takes well under a second; nothing is rebuilt.

When this fails, the reports are stale (or were built from uncommitted changes): run ``make reports``
and commit ``reports/``. A fresh clone that runs ``make reports`` then rewrites nothing.
"""

from __future__ import annotations

import io
import re

import pytest

from bilateral import build
from bilateral.paths import NOTEBOOKS_DIR, REPORTS_DIR

NOTEBOOKS = sorted(p.stem for p in NOTEBOOKS_DIR.glob("*.ipynb"))
STALE = "reports/{name}.{ext} is stale (built from inputs {got}, the tree now hashes to {want}): run `make reports` and commit reports/"


@pytest.fixture(scope="module")
def expected() -> dict[str, str]:
    layout = build.Layout()
    shared = build.shared_digest(layout)
    return {job.info.name: build.inputs_id(job, shared) for job in build.plan(layout=layout)}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_html_was_built_from_the_current_inputs(name, expected):
    got = build.read_inputs_id(REPORTS_DIR / f"{name}.html")
    assert got == expected[name], STALE.format(name=name, ext="html", got=got, want=expected[name])


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_pdf_was_built_from_the_current_inputs(name, expected):
    from pypdf import PdfReader

    # the build details close the report: read the last pages
    pages = PdfReader(io.BytesIO((REPORTS_DIR / f"{name}.pdf").read_bytes())).pages
    text = "".join(page.extract_text() for page in pages[-3:])
    found = re.findall(r"inputs\s+([0-9a-f]{12})\b", text)
    got = found[0] if found else "(none recorded)"
    assert got == expected[name], STALE.format(name=name, ext="pdf", got=got, want=expected[name])


def test_index_lists_the_current_inputs(expected):
    index = (REPORTS_DIR / "index.html").read_text(encoding="utf-8")
    for name, ident in expected.items():
        assert f"inputs <code>{ident}</code>" in index, (
            STALE.format(name="index", ext="html", got="?", want=ident) + f" ({name})"
        )
