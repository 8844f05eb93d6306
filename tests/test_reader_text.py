"""The committed reports speak to readers: no file names, hashes or identifiers in what they see, and the TIV
explanation stated once per report (issue 12, items 3 and 7).

These run over the committed reports in reports/, so they check the last `make reports`."""

from __future__ import annotations

import pytest

from bilateral.military.text import TIV_EXPLANATION
from bilateral.paths import REPORTS_DIR
from bilateral.readability import machine_identifiers, visible_text

#: The six reports (the index page and the tutorial are checked elsewhere).
NOTEBOOKS = ["overview", "diplomatic", "military", "energy", "trade", "claims"]


def _page(name: str) -> str:
    return (REPORTS_DIR / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_no_machine_identifiers_in_reader_text(name):
    # the build-details box (parameters) is exempt: machine_identifiers leaves it out
    assert machine_identifiers(_page(name)) == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_tiv_explanation_is_stated_at_most_once(name):
    text = visible_text(_page(name))
    found = [text[max(0, m.start() - 80) : m.end()] for m in TIV_EXPLANATION.finditer(text)]
    assert len(found) <= 1, found


def test_the_tiv_pattern_finds_each_wording_used():
    # the wordings the reports used before issue 12, each found once
    for said in (
        "TIV measures volume, not money.",
        "a measure of volume, not of money",
        "not their financial value",
        "It is not the price paid",
    ):
        assert len(TIV_EXPLANATION.findall(said)) == 1, said
    assert TIV_EXPLANATION.findall("TIV as explained under Methods and caveats.") == []
