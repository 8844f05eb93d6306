"""Tests of the overview's text functions (bilateral.overview.text and .captions) and of the small compute and
table helpers the notebook calls, each on at least two pairs and on an empty or one-year case.

Expected values are worked out by hand in the comments beside them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bilateral.overview import captions, tables
from bilateral.overview import index as ov_index
from bilateral.overview import summary as ov_summary
from bilateral.overview import text as ov_text
from bilateral.params import Params

AZE_TUR = Params("AZE", "TUR", 1995, 2024, ("RUS", "IRN", "GEO"))
ARM_RUS = Params("ARM", "RUS", 2020, 2020, ())  # one year, no comparators

UN = {
    "yearly": pd.DataFrame(
        {
            "pair": ["AZE–TUR", "AZE–TUR", "AZE–RUS"],
            "year": [2019, 2020, 2020],
            "kappa": [0.2, 0.31, 0.1],
            "agreement_share": [0.7, 0.72, 0.6],
            "n_votes": [80, 90, 85],
        }
    ),
    "switch": {"year": 2019, "last_voeten": "2019-06-01", "first_un": "2019-10-15"},
}
UN_EMPTY = {"yearly": pd.DataFrame(), "switch": {}}
ARMS = {
    "covered": True,
    "years": list(range(1995, 2025)),
    "ba": {"tiv_m": 166.17, "peak_tiv_m": 40.0, "peak_year": 2013},
    "by_year": pd.DataFrame({"TUR → AZE": [1.0, 2.0]}, index=pd.Index([2013, 2014], name="year")),
}
GAS = {
    "kind": "tr_imports",
    "supplier": "AZE",
    "latest_year": 2024,
    "latest_share": 22.19,
    "shares": pd.DataFrame({"Azerbaijan": [20.0, 22.19]}, index=pd.Index([2023, 2024], name="year")),
}
TRADE = {
    "latest_year": 2020,
    "share_b_in_a": 16.99,
    "share_a_in_b": 0.641,
    "by_year": pd.DataFrame({"TUR in AZE": [16.99], "AZE in TUR": [0.641]}, index=pd.Index([2020], name="year")),
}


def test_context_line_names_the_pair_period_and_comparators():
    assert captions.context_line(AZE_TUR, [("AZE", "TUR"), ("AZE", "RUS")]) == (
        "**Pair:** Azerbaijan (AZE) and Türkiye (TUR); **period:** 1995–2024; **comparators in the summary:** "
        "Russia, Iran and Georgia; **pairs in the index:** AZE–TUR and AZE–RUS."
    )
    # one year: "2020", not "2020–2020"; no comparators: "none"
    assert captions.context_line(ARM_RUS, [("ARM", "RUS")]) == (
        "**Pair:** Armenia (ARM) and Russia (RUS); **period:** 2020; **comparators in the summary:** none; "
        "**pairs in the index:** ARM–RUS."
    )


def test_summary_caption_mentions_the_source_change_only_when_drawn():
    with_line = captions.summary_caption(AZE_TUR, UN)
    assert with_line.startswith("Azerbaijan and Türkiye at a glance, 1995–2024: one panel per dimension.")
    # Voeten up to 2019 (first four characters of the date), the UN's records from October 2019 (fmt.date, month)
    assert with_line.endswith("Voeten's roll calls up to 2019, the UN's own records from Oct 2019.")
    assert "dashed line" not in captions.summary_caption(ARM_RUS, UN_EMPTY)
    assert captions.summary_caption(ARM_RUS, UN_EMPTY).startswith("Armenia and Russia at a glance, 2020:")


def test_summary_alt_describes_each_panel_for_two_pairs():
    alt = captions.summary_alt(AZE_TUR, UN, ARMS, GAS, TRADE)
    # the pair's latest kappa (0.31 in 2020), 166.17 -> "166.2", peak 40 -> "40.0", 22.19% -> "22.2%",
    # 16.99 -> "17.0%", 0.641 -> "0.64%" (two decimals below 1%)
    assert "Cohen's kappa of AZE–TUR by year, 0.31 in 2020, with AZE's pairs with the comparators in grey" in alt
    assert "a dashed line marks the change of vote source in 2019." in alt
    assert "Türkiye to Azerbaijan 166.2 million in total, peak 40.0 million in 2013." in alt
    assert "the route that carries Azerbaijan's gas, full years of the IEA series, last 22.2% in 2024." in alt
    assert (
        "Türkiye's share of Azerbaijan's trade and Azerbaijan's share of Türkiye's, by year; 17.0% and 0.64% in 2020."
        in alt
    )
    empty = captions.summary_alt(
        ARM_RUS, UN_EMPTY, {"covered": False, "years": []}, {"kind": "production"}, {"latest_year": None}
    )
    assert "in grey" not in empty and "dashed line" not in empty
    assert "arms: empty, the SIPRI extract does not cover the pair." in empty
    assert "trade: empty, no IMF figures for the period." in empty


def _events(n_dims=("diplomatic", "energy", "energy")):
    n = len(n_dims)
    return pd.DataFrame(
        {
            "no": range(1, n + 1),
            "event_id": [f"E{i}" for i in range(n)],
            "when": ["1918", "14 Jan 1992", "Jun 2006"][:n],
            "year": pd.array([1918, 1992, 2006][:n], dtype="Int64"),
            "x": [1918.5, 1992.04, 2006.46][:n],
            "dimension": list(n_dims),
            "date_precision": ["year", "day", "month"][:n],
        }
    )


def test_timeline_texts():
    ev = _events()
    # 1918 and 1992-2006 are more than 15 years apart: two panels; energy 2, diplomatic 1; each year once -> 1918 first
    assert captions.timeline_alt(ev) == (
        "Timeline of 3 numbered events in 2 panels (1918; 1992–2006): diplomatic 1, energy 2. "
        "The busiest year is 1918 with 1 events."
    )
    assert captions.timeline_caption(AZE_TUR, ev).startswith(
        "Events naming both Azerbaijan and Türkiye, 1918 to Jun 2006,"
    )
    assert captions.events_table_caption(ARM_RUS, ev).startswith(
        "The 3 events of the timeline, all dates (the report period is 2020)."
    )
    one = _events(("military",))
    assert captions.timeline_alt(one).startswith("Timeline of 1 numbered events in 1 panel (1918): military 1.")
    assert captions.no_events(ARM_RUS) == "The events table has no event that names both Armenia and Russia."


def test_method_paragraphs_follow_the_parameters():
    lst = captions.indicator_list({"un_votes": 1, "arms": 0.5, "trade": 1, "energy": 0}, "agreement_share")
    assert lst.count("\n") == 3 and "- **Arms imports** (weight 0.50)" in lst
    assert "Measure used: the share of votes cast alike" in lst
    assert "Cohen's kappa (agreement corrected for chance)" in captions.indicator_list(dict.fromkeys("x", 1) | {
        "un_votes": 1, "arms": 1, "trade": 1, "energy": 1}, "kappa")  # fmt: skip
    assert "**Normalisation: min–max.**" in captions.normalisation_paragraph("minmax")
    assert "**Normalisation: shares as they are.**" in captions.normalisation_paragraph("share")
    ranking = captions.ranking_paragraph(
        3, {"un_votes": (2022, 2024), "arms": (2020, 2024), "trade": (2018, 2020), "energy": None}
    )
    # arms: trailing 5-year shares, so the deliveries behind 2020-2024 start in 2016; energy has no window
    assert (
        "latest 3 years" in ranking
        and "Arms imports 2020–2024 (trailing 5-year shares: deliveries 2016–2024)" in ranking
    )
    assert "Gas imports (Türkiye) no data" in ranking
    method = captions.sensitivity_method(1000, ["un_votes", "trade"], 7)
    assert (
        "under 1,000 weightings" in method
        and "over the 2 indicators with a positive weight (UN votes and Trade)" in method
    )
    assert "seed 7" in method


def test_index_caption_and_alt():
    idx = pd.DataFrame(
        {"index": [0.5, 0.62, np.nan, 0.3], "coverage": [3, 4, 0, 2]},
        index=pd.MultiIndex.from_product([["AZE–TUR", "AZE–RUS"], [2019, 2020]], names=["pair", "year"]),
    )
    # AZE-TUR latest 0.62 in 2020 from 4; AZE-RUS has no 2019 value, latest 0.30 in 2020 from 2 (pairs in sorted order)
    assert captions.index_alt(idx) == (
        "Line chart of the index (0 to 1) by year with a strip of indicator counts below. Latest values: "
        "AZE–RUS 0.30 in 2020 (from 2 indicators); AZE–TUR 0.62 in 2020 (from 4 indicators)."
    )
    cap = captions.index_caption(ARM_RUS, "ARM–RUS", "share", {"un_votes": 1, "arms": 1, "trade": 2, "energy": 0})
    assert cap.startswith("Relationship index by year, 2020, for ARM–RUS (thick line)")
    assert (
        "(share normalisation, weights UN votes 1.00, Arms imports 1.00, Trade 2.00, Gas imports (Türkiye) 0.00)" in cap
    )


def test_rank_distribution_alt():
    s = pd.DataFrame({"share_first": [0.3, 0.7], "median_rank": [2.0, 1.0]}, index=["AZE–TUR", "ARM–RUS"])
    assert captions.rank_distribution_alt(s) == (
        "Stacked horizontal bars, one per pair, of the share of draws at each rank: "
        "AZE–TUR first in 30.0% of draws, median rank 2; ARM–RUS first in 70.0% of draws, median rank 1."
    )


def test_bullets_and_rank_of():
    assert ov_text.bullets({"Arms": "One.", "Gas": "Two."}) == "- **Arms.** One.\n- **Gas.** Two."
    assert ov_text.bullets({}) == ""
    assert ov_text.rank_of(5, 14, "supplier") == "5th of 14 suppliers"
    # a denominator of one is said as such, ties are stated, a missing tie count is no tie
    assert ov_text.rank_of(1, 1, "partner") == "1st, the only partner"
    assert ov_text.rank_of(3, 40, "partner", 2) == "joint 3rd (with 1 other) of 40 partners"
    assert ov_text.rank_of(3, 40, "partner", float("nan")) == "3rd of 40 partners"


def test_arms_finding_joins_the_sentence_and_its_meaning():
    none = {"years": [2020], "covered": True, "ba": {"tiv_m": 0.0}, "ab": {"tiv_m": 0.0}, "share_b": {"share": np.nan}}
    # nothing recorded: said as such, and nothing to add about its meaning
    assert ov_text.arms_finding(none, ARM_RUS).strip() == (
        "SIPRI records no delivery of major arms between Armenia and Russia in 2020. TIV measures volume, not money."
    )
    outside = {"years": [], "covered": False}
    assert ov_text.arms_finding(outside, AZE_TUR).startswith("The period lies outside the SIPRI register extract")


def _index_result(scores, coverage):
    pairs = list(scores)
    base = pd.DataFrame({"score": list(scores.values()), "coverage": coverage}, index=pd.Index(pairs, name="pair"))
    base["rank"] = ov_index.rank_desc(base["score"])
    return {"base": base}


def test_index_finding_for_a_pair_with_and_without_indicators():
    res = _index_result({"AZE–TUR": 0.6, "AZE–RUS": 0.4}, [4, 3])
    summary = pd.DataFrame(
        {
            "base_rank": [1, 2],
            "share_first": [0.8, 0.2],
            "median_rank": [1.0, 2.0],
            "p5_rank": [1, 1],
            "p95_rank": [2, 2],
        },
        index=["AZE–TUR", "AZE–RUS"],
    )
    variants = {"Chosen": res, "Other": _index_result({"AZE–TUR": 0.3, "AZE–RUS": 0.5}, [4, 3])}
    text = ov_text.index_finding(res, {"summary": summary}, variants, "AZE–TUR", 1000)
    # ranks 1 of 2 (no "first:" since it is the leader); under the one alternative it ranks 2
    assert text.startswith(
        "On the chosen weights the relationship index ranks AZE–TUR 1 of 2 pairs; across 1,000 random"
    )
    assert "Under the 1 alternative choices of method tested it ranks 2" in text
    assert "AZE–TUR on 4 indicators, the other pairs on 3" in text
    assert ov_text.index_finding(res, {"summary": summary}, variants, "ARM–RUS", 1000) == (
        "The relationship index has no indicator for ARM–RUS in the period."
    )


def test_coverage_paragraph():
    raw = pd.DataFrame(
        {"un_votes": [0.1, 0.2], "energy": [0.3, np.nan]},
        index=pd.MultiIndex.from_tuples([("AZE–TUR", 2020), ("ARM–RUS", 2020)], names=["pair", "year"]),
    )
    para = ov_text.coverage_paragraph(raw, [("AZE", "TUR"), ("ARM", "RUS")])
    assert para.startswith("Indicators that some pairs never have: Gas imports (Türkiye): no value for ARM–RUS (")
    assert ov_text.coverage_paragraph(raw[["un_votes"]], [("AZE", "TUR"), ("ARM", "RUS")]) == ""


def test_panel_data_long_form_and_empty():
    data = ov_summary.panel_data(UN, ARMS, GAS, TRADE)
    # 3 UN rows, 2 arms years, 2 gas years, 2 trade series x 1 year
    assert data["panel"].value_counts().to_dict() == {
        "un_votes": 3,
        "arms": 2,
        "gas_share_of_turkiye_entries": 2,
        "trade": 2,
    }
    empty = ov_summary.panel_data(
        UN_EMPTY,
        {"by_year": pd.DataFrame()},
        {"kind": "production", "wide": pd.DataFrame(index=pd.Index([], name="year"))},
        {"by_year": pd.DataFrame()},
    )
    assert empty.empty


def test_variants_start_with_the_chosen_method():
    pairs = [("AZE", "TUR"), ("AZE", "RUS")]
    years = [2019, 2020]
    un = pd.DataFrame(
        {
            "pair": ["AZE–TUR"] * 2 + ["AZE–RUS"] * 2,
            "year": years * 2,
            "n_votes": [1] * 4,
            "value": [0.2, 0.3, 0.1, 0.4],
        }
    )
    directional = pd.DataFrame(
        {"pair": ["AZE–TUR"] * 2, "year": years, "indicator": "trade", "direction": "TUR in AZE", "share": [0.1, 0.2]}
    )
    w = {"un_votes": 1.0, "arms": 1.0, "trade": 1.0, "energy": 1.0}
    out = ov_index.variants(
        {"kappa": un, "agreement_share": un},
        directional,
        pairs,
        years,
        w,
        un_measure="kappa",
        normalisation="minmax",
        rank_years=2,
    )
    assert list(out) == [
        "Chosen",
        "Normalisation 'share'",
        "Pair rule 'mean'",
        "UN measure: raw agreement share",
        "Equal weights, no gas",
    ]
    chosen = ov_index.build_index(un, directional, pairs, years, w, normalisation="minmax", rank_years=2)
    pd.testing.assert_frame_equal(out["Chosen"]["base"], chosen["base"])
    share = ov_index.variants(
        {"kappa": un, "agreement_share": un},
        directional,
        pairs,
        years,
        w,
        un_measure="agreement_share",
        normalisation="share",
        rank_years=2,
    )
    assert list(share)[1:4] == ["Normalisation 'minmax'", "Pair rule 'mean'", "UN measure: kappa"]


def test_weights_when_first_table():
    wf = pd.DataFrame({"un_votes": [0.512, 0.2], "trade": [0.488, 0.8]}, index=["AZE–TUR", "ARM–RUS"])
    t = tables.weights_when_first_table(wf)
    assert list(t.columns) == ["Pair ranked first", "UN votes: mean weight", "Trade: mean weight"]
    assert t.iloc[0].tolist() == ["AZE–TUR", "0.51", "0.49"]
    assert tables.weights_when_first_table(wf.iloc[0:0]).empty


@pytest.mark.parametrize("P", [AZE_TUR, ARM_RUS], ids=["AZE-TUR", "ARM-RUS"])
def test_sourcing_and_caveats_on_the_real_tables(P):
    from bilateral.data import load
    from bilateral.overview import chronology

    events, sources = load("events"), load("event_sources")
    ev = chronology.pair_events(events, P.country_a, P.country_b)
    text = captions.sourcing_and_caveats(P, ev, events, sources)
    assert text.startswith("**How the events are sourced.** ")
    assert "\n\nCaveats stated by the sources and the tables:\n\n- *" in text
