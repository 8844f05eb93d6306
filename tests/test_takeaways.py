"""Findings published for the landing page."""

from __future__ import annotations

import pytest

from bilateral import takeaways


def test_record_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("BILATERAL_FIGURE_DATA_DIR", str(tmp_path))
    first = takeaways.record("Trade  rose\nsharply.", report="trade", section="Who trades with whom", kind="headline")
    takeaways.record("Votes agree.", report="diplomatic", section="Key findings")
    assert first.href == "trade.html#Who-trades-with-whom" and first.sentence == "Trade rose sharply."
    back = takeaways.read(tmp_path)
    assert [(t.kind, t.href, t.sentence) for t in back] == [
        ("headline", "trade.html#Who-trades-with-whom", "Trade rose sharply."),
        ("takeaway", "diplomatic.html#Key-findings", "Votes agree."),
    ]
    assert (tmp_path / "takeaways.csv").read_text(encoding="utf-8").splitlines()[0] == "kind,report,section,sentence"


def test_bad_kind_and_empty_sentence_are_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("BILATERAL_FIGURE_DATA_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="kind='finding'"):
        takeaways.record("x", report="trade", kind="finding")
    with pytest.raises(ValueError, match="empty"):
        takeaways.record("  ", report="trade")
    assert takeaways.read(tmp_path) == []


def test_measures_printed_differently_for_the_same_pair_and_period_are_found(tmp_path, monkeypatch):
    monkeypatch.setenv("BILATERAL_FIGURE_DATA_DIR", str(tmp_path / "overview"))
    assert takeaways.record_measure("UN agreement", "AZE", "TUR", "1992–2025", "72.1%") == "72.1%"
    takeaways.record_measure("UN kappa", "AZE", "TUR", "1992–2025", "0.15")
    monkeypatch.setenv("BILATERAL_FIGURE_DATA_DIR", str(tmp_path / "diplomatic"))
    takeaways.record_measure("UN agreement", "AZE", "TUR", "1992–2025", "72.1%")
    takeaways.record_measure("UN kappa", "AZE", "TUR", "1992–2025", "0.12")
    takeaways.record_measure("UN kappa", "AZE", "TUR", "1995–2024", "0.12")
    by_report = {r: takeaways.read_measures(tmp_path / r) for r in ("overview", "diplomatic")}
    assert takeaways.inconsistent_measures(by_report) == [
        "UN kappa for AZE–TUR, 1992–2025: 0.12 in diplomatic; 0.15 in overview"
    ]


def test_section_anchor_matches_the_report_renderer():
    from nbconvert.filters.strings import _convert_header_id

    for heading in ("Key findings", "Türkiye's gas imports by entry route (IEA Gas Trade Flows)", "Ranks: 2020–2024"):
        assert takeaways.section_anchor(heading) == _convert_header_id(heading)


def test_section_anchor_matches_the_renderer_for_non_ascii_headings():
    from nbconvert.filters.strings import add_anchor

    heading = "Türkiye's gas imports by entry route (IEA Gas Trade Flows)"
    html = add_anchor(f"<h2>{heading}</h2>")
    assert f'id="{takeaways.section_anchor(heading)}"' in html
    assert takeaways.section_anchor(heading) == "T%C3%BCrkiye's-gas-imports-by-entry-route-(IEA-Gas-Trade-Flows)"
