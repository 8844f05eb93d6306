"""Tests of the trade report's computed text moved out of the notebook (bilateral.trade.text, .paragraphs,
.captions): each checked on several pairs (AZE–TUR, TUR–AZE, GEO–TUR) and on a one-year period.

Small frames are built here with values worked out by hand; tests against the processed data are skipped
when data/processed has not been built.
"""

from __future__ import annotations

import pandas as pd
import pytest

from bilateral import params
from bilateral.paths import PROCESSED_DIR
from bilateral.trade import captions as cap
from bilateral.trade import compute as trd
from bilateral.trade import paragraphs as para
from bilateral.trade import text as trd_text


def trade_params(**changes) -> params.Params:
    """The trade notebook's default parameters with ``changes``, validated as the notebook validates them."""
    values = params.notebook_defaults("trade") | changes
    extra = {k: v for k, v in params.notebook_defaults("trade").items() if k not in params.STANDARD}
    return params.validate(values, years=trd.DOTS_YEARS, extra=extra)


def dots(rows):
    df = pd.DataFrame(rows, columns=["year", "reporter_iso3", "partner_iso3", "flow", "value_usd_m", "is_estimate"])
    df["year"] = df["year"].astype("Int64")
    df["is_estimate"] = df["is_estimate"].astype("boolean")
    return df


# AZE exports 100 (2019) and 200 (2020) to TUR; TUR records imports of 110 and 50 (2020 an IMF estimate).
SMALL = dots(
    [
        (2019, "AZE", "TUR", "exports", 100.0, False),
        (2020, "AZE", "TUR", "exports", 200.0, False),
        (2019, "TUR", "AZE", "imports", 110.0, False),
        (2020, "TUR", "AZE", "imports", 50.0, True),
    ]
)


def test_pair_line_names_the_pair_the_period_and_both_comparator_lists():
    P = trade_params()
    line = para.pair_line(P)
    assert line.startswith("**Pair:** Azerbaijan (AZE) and Türkiye (TUR); **years:** 1992–2020;")
    assert "for Türkiye's trade: Georgia, Iran, Russia." in line
    # Georgia is left out of both lists for GEO–TUR; a one-year period reads as one year
    P = trade_params(country_a="GEO", start_year=2020)
    line = para.pair_line(P)
    assert "**years:** 2020;" in line and "Georgia," not in line.split("comparison partners")[1]
    assert "for Georgia's trade: Russia, Italy, Israel, China, Germany" in line
    assert para.pair_line(trade_params(comparators=[], comparators_b=[])).count("none") == 2


def test_coverage_paragraph_and_missing_directions_name_the_pair_in_order():
    P = trade_params(country_a="TUR", country_b="AZE")
    assert para.coverage_paragraph(P, []) == (
        "Both Türkiye and Azerbaijan report both directions of their trade with each other in every year of 1992–2020."
    )
    assert para.coverage_paragraph(P, ["One.", "Two."]) == "One. Two."
    assert para.no_direction_sentence(P, "AZE", "TUR").startswith(
        "Neither side reports trade from Azerbaijan to Türkiye"
    )


def test_ratio_paragraph_by_hand_and_without_overlap():
    P = trade_params(start_year=2019, end_year=2020)
    m_ab, m_ba = trd.mirror(SMALL, "AZE", "TUR", [2019, 2020]), trd.mirror(SMALL, "TUR", "AZE", [2019, 2020])
    g_ab, g_ba = trd.gap_summary(m_ab), trd.gap_summary(m_ba)
    text = para.ratio_paragraph(P, m_ab, m_ba, g_ab, g_ba)
    # ratios 1.1 and 0.25: median (1.1 + 0.25) / 2 = 0.675, printed to 2 decimals; gaps +10 - 150 = -140
    assert "the median ratio was 0.68 for Azerbaijan → Türkiye and n/a for Türkiye → Azerbaijan" in text
    assert "fall short of the exporter's by US$140.0 million for Azerbaijan → Türkiye" in text
    assert "cannot be summed for Türkiye → Azerbaijan" in text
    # the one estimated year (2020) has ratio 0.25
    assert "stand in the same ratio, 0.25" in text
    assert cap.ratio_alt(P, g_ab, g_ba).startswith(
        "Line chart of the ratio of importer-reported to exporter-reported trade, log scale, 2019–2020."
    )
    empty = trd.mirror(SMALL, "AZE", "TUR", [2000])
    g = trd.gap_summary(empty)
    assert para.ratio_paragraph(P, empty, empty, g, g) == (
        "No year has both sides' figures for either direction, so no ratio can be computed."
    )


def test_mirror_captions_and_alt_follow_the_direction():
    P = trade_params(start_year=2020, end_year=2020)
    m = trd.mirror(SMALL, "AZE", "TUR", [2020])
    alt = cap.mirror_alt(P, trd.gap_summary(m), "AZE", "TUR")
    assert alt == (
        "Line chart, 2020, of trade from Azerbaijan to Türkiye in US$ million: Azerbaijan's reported exports and "
        "Türkiye's reported imports. In 2020 Azerbaijan reported US$200.0 million and Türkiye US$50.0 million."
    )
    back = trd.mirror(SMALL, "TUR", "AZE", [2020])
    assert cap.mirror_alt(P, trd.gap_summary(back), "TUR", "AZE").endswith("The two sides never both report a year.")
    assert cap.mirror_caption("TUR", "AZE").startswith("Trade from Türkiye to Azerbaijan: Türkiye's exports (FOB)")
    # one estimate (TUR's 2020 import figure) in this section
    assert cap.mirror_estimates_note(m, back) == (
        "Hollow markers: values the IMF marks as estimates ('e'); 1 of the values in this section are."
    )


def test_why_gap_paragraph_only_for_azerbaijan_and_turkiye_in_either_order():
    years = [2019, 2020]
    m_az = trd.mirror(SMALL, "AZE", "TUR", years)
    m_tr = trd.mirror(SMALL, "TUR", "AZE", years)
    for P, (m_ab, m_ba) in (
        (trade_params(), (m_az, m_tr)),
        (trade_params(country_a="TUR", country_b="AZE"), (m_tr, m_az)),
    ):
        text = para.why_gap_paragraph(P, m_ab, m_ba)
        # 2020: 50 / 200 = 0.25, below half; 2019 1.1 is not: a run of one year
        assert text.startswith(
            "**Why this pair's figures differ so much.** In the data here, Türkiye's import figure for goods from "
            "Azerbaijan was below half of Azerbaijan's export figure in 2020 (between 0.25× and 0.25× of it)."
        )
    assert para.why_gap_paragraph(trade_params(country_a="GEO"), m_az, m_tr) == ""


def test_world_imports_sentence_with_and_without_the_world_row():
    assert para.world_imports_sentence(pd.Series([float("nan")], index=[2020], name="world_imports_usd_m")) == (
        "World imports are missing in this period, so no intensity index can be computed."
    )
    mw = pd.Series([9000.0, 10000.0], index=[2019, 2020], name="world_imports_usd_m")
    assert para.world_imports_sentence(mw).endswith("(US$10.0 billion in 2020).")


def _tables_built() -> bool:
    return all((PROCESSED_DIR / f"{name}.csv").exists() for name in ("trade_bilateral", "trade_press", "macro"))


needs_data = pytest.mark.skipif(not _tables_built(), reason="data/processed lacks the trade tables (run `make data`)")


@needs_data
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"country_a": "TUR", "country_b": "AZE"},
        {"country_a": "GEO", "country_b": "TUR"},
        {"start_year": 2020, "end_year": 2020},
    ],
    ids=["AZE-TUR", "TUR-AZE", "GEO-TUR", "one-year"],
)
def test_key_findings_name_the_pair_in_its_order(changes):
    from bilateral.data import load
    from bilateral.trade import press as trd_press

    P = trade_params(**changes)
    dots_, macro = load("trade_bilateral"), load("macro")
    full = trd_press.press_full_years(load("trade_press")) if set(P.pair) == trd.PRESS_PAIR else None
    findings = trd_text.key_findings(P, dots_, macro, full)
    assert findings and all(s.strip() for s in findings)
    text = " ".join(findings)
    assert f"{P.name_a} reported exports to {P.name_b}" in text and f"{P.name_b} reported exports to {P.name_a}" in text
    assert "n/a%" not in text and "rank 1 of 1" not in text
    assert ("press figures" in text) == (full is not None)
