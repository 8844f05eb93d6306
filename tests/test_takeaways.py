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
