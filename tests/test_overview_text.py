"""Tests of the overview's text functions (bilateral.overview.text and .captions) and of the small compute and
table helpers the notebook calls, each on at least two pairs and on an empty or one-year case.

Expected values are worked out by hand in the comments beside them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bilateral.overview import captions, chronology, config, index_captions, summary, tables
from bilateral.overview import index as ov_index
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
    "ab": {"tiv_m": 0.0},
    "share_b": {"tiv_m": 166.17},
    "share_b_recent": {"tiv_m": 59.65},
    "recent": (2020, 2024),
    "by_year": pd.DataFrame({"TUR → AZE": [1.0, 2.0]}, index=pd.Index([2013, 2014], name="year")),
}
GAS = {
    "kind": "tr_imports",
    "source": "iea",
    "label": "Azerbaijan",
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


def test_summary_caption_leads_with_the_findings():
    with_line = captions.summary_caption(AZE_TUR, UN, ARMS, GAS, TRADE)
    # kappa 0.31 in 2020 against AZE-RUS 0.10 that year; 59.65 of 166.17 TIV = 35.9% -> "36%" in 2020-2024;
    # none the other way, so no second direction; gas 22.19 -> 22.2%; trade 16.99 -> 17.0%
    assert with_line.startswith(
        "Azerbaijan and Türkiye, 1995–2024: UN voting alignment (kappa) of Azerbaijan with Türkiye 0.31 in 2020, above "
        "that with Russia; Türkiye delivered 166.2 million TIV of major arms to Azerbaijan, 36% of it in 2020–2024; "
        "Azerbaijan's gas was 22.2% of all gas entering Türkiye in 2024; Türkiye had 17.0% of Azerbaijan's trade in 2020. "
        "One panel per dimension"
    )
    # Voeten up to 2019 (first four characters of the date), the UN's records from October 2019 (fmt.date, month)
    assert with_line.endswith("Voeten's roll calls up to 2019, the UN's own records from Oct 2019.")
    # nothing to report: no lead, no line; arms between them none recorded: said so
    none = {"years": [2020], "covered": True, "ba": {"tiv_m": 0.0}, "ab": {"tiv_m": 0.0}}
    empty = captions.summary_caption(ARM_RUS, UN_EMPTY, none, {"kind": "production"}, {"latest_year": None})
    assert empty.startswith(
        "Armenia and Russia, 2020: no delivery of major arms between them recorded in 2020. One panel"
    )
    assert "dashed line" not in empty
    bare = captions.summary_caption(ARM_RUS, UN_EMPTY, {"years": []}, {"kind": "production"}, {"latest_year": None})
    assert bare.startswith("One panel per dimension")


def test_summary_alt_describes_each_panel_for_two_pairs():
    alt = captions.summary_alt(AZE_TUR, UN, ARMS, GAS, TRADE)
    # the pair's latest kappa (0.31 in 2020), 166.17 -> "166.2", peak 40 -> "40.0", 22.19% -> "22.2%",
    # 16.99 -> "17.0%", 0.641 -> "0.64%" (two decimals below 1%)
    assert "Cohen's kappa of AZE–TUR by year, 0.31 in 2020, Azerbaijan's alignment with each comparator in grey" in alt
    assert "a dashed line marks the change of vote source in 2019." in alt
    assert alt.startswith("Four stacked panels on one time axis.")
    assert "Türkiye to Azerbaijan 166.2 million in total, peak 40.0 million in 2013." in alt
    assert "the route that carries Azerbaijan's gas, full years of the IEA series, last 22.2% in 2024." in alt
    assert (
        "Türkiye's share of Azerbaijan's trade and Azerbaijan's share of Türkiye's, by year; 17.0% and 0.64% in 2020."
        in alt
    )
    empty = captions.summary_alt(
        ARM_RUS, UN_EMPTY, {"covered": False, "years": []}, {"kind": "production"}, {"latest_year": None}
    )
    assert "in grey" not in empty and "dashed line" not in empty and "no common votes" in empty
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
    ev = _events().assign(n_sources=[3, 1, 3], title=["Agreement", "Relations", "Pipeline"], sourcing="one side")
    shown, rule = chronology.charted_events(ev, max_rows=2)
    # at most 2 rows: 3 events have >= 1 source, 2 have >= 2 (those with 3: 1918, 2006), in 2 panels (gap > 15 years)
    assert captions.timeline_alt(shown, ev) == (
        "Timeline naming 2 of the 3 events in 2 panels (1918; 2006): 1918, Agreement (diplomatic); "
        "Jun 2006, Pipeline (energy)."
    )
    # each year holds one event: no busiest year is named
    cap = captions.timeline_caption(AZE_TUR, shown, ev, rule)
    assert cap.startswith(
        "3 events name both Azerbaijan and Türkiye, 1918 to Jun 2006. The chart names the 2 of the 3 events that at "
        "least 2 sources record, one row each"
    )
    table = captions.charted_table_caption(ARM_RUS, shown, ev)
    assert table.startswith(
        "The 2 events on the chart, with their sources; the other event of the 3 is left out here (all 3: "
        "1 diplomatic and 2 energy). All dates, whatever the report period (2020)."
    )
    assert table.endswith("The table's data file lists all 3 events.")
    one = ev.iloc[:1]
    shown1, rule1 = chronology.charted_events(one)
    assert captions.timeline_caption(AZE_TUR, shown1, one, rule1).startswith(
        "1 event names both Azerbaijan and Türkiye, 1918 to 1918. The chart names the one event,"
    )
    assert "left out" not in captions.charted_table_caption(AZE_TUR, shown1, one)
    assert captions.no_events(ARM_RUS) == "The events table has no event that names both Armenia and Russia."


def test_busiest_years_are_named_only_when_they_stand_out():
    ev = _events().assign(year=pd.array([2020, 2020, 2021], dtype="Int64"), n_sources=1, title="t", sourcing="x")
    shown, rule = chronology.charted_events(ev)
    assert "; the busiest year was 2020 (2 events). " in captions.timeline_caption(AZE_TUR, shown, ev, rule)
    four = pd.concat([ev, ev]).assign(year=pd.array([2001, 2001, 2002, 2002, 2003, 2003], dtype="Int64"))
    assert "; the busiest years were 2001, 2002 and 2003 (2 events each). " in captions.timeline_caption(
        AZE_TUR, shown, four, rule
    )


def test_method_paragraphs_follow_the_parameters():
    lst = index_captions.indicator_list({"un_votes": 1, "arms": 0.5, "trade": 1, "energy": 0}, "agreement_share")
    assert lst.count("\n") == 3 and "- **Arms imports** (weight 0.50)" in lst
    assert "Measure used: the share of votes cast alike" in lst
    assert "Cohen's kappa (agreement corrected for chance)" in index_captions.indicator_list(dict.fromkeys("x", 1) | {
        "un_votes": 1, "arms": 1, "trade": 1, "energy": 1}, "kappa")  # fmt: skip
    assert "**Normalisation: min–max.**" in index_captions.normalisation_paragraph("minmax")
    assert "**Normalisation: shares as they are.**" in index_captions.normalisation_paragraph("share")
    ranking = index_captions.ranking_paragraph(
        3, {"un_votes": (2022, 2024), "arms": (2020, 2024), "trade": (2018, 2020), "energy": None}
    )
    # arms: trailing 5-year shares, so the deliveries behind 2020-2024 start in 2016; energy has no window
    assert (
        "latest 3 years" in ranking
        and "Arms imports 2020–2024 (trailing 5-year shares: deliveries 2016–2024)" in ranking
    )
    assert "Gas imports (Türkiye) no data" in ranking
    method = index_captions.sensitivity_method(1000, ["un_votes", "trade"], 7)
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
    # AZE-TUR latest 0.62 in 2020 from 4; AZE-RUS has no 2019 value, latest 0.30 in 2020 from 2 (pairs in index order)
    assert index_captions.index_alt(idx) == (
        "Line chart of the index (0 to 1) by year with a strip of indicator counts below. Latest values: "
        "AZE–TUR 0.62 in 2020 (from 4 indicators); AZE–RUS 0.30 in 2020 (from 2 indicators)."
    )
    cap = index_captions.index_caption(
        ARM_RUS, idx, "AZE–RUS", "share", {"un_votes": 1, "arms": 1, "trade": 2, "energy": 0}
    )
    # AZE-RUS 0.30 in 2020, below AZE-TUR's 0.62: 2nd of the 2 pairs with a value that year
    assert cap.startswith("In 2020 the index of AZE–RUS was 0.30, 2nd of the 2 pairs with a value that year. ")
    assert "Relationship index by year, 2020, for AZE–RUS (black)" in cap
    assert (
        "(shares as they are; weights UN votes 1.00, Arms imports 1.00, Trade 2.00, Gas imports (Türkiye) 0.00)" in cap
    )
    none = index_captions.index_caption(ARM_RUS, idx, "ARM–RUS", "minmax", dict.fromkeys(config.INDICATORS, 1.0))
    assert none.startswith("The index has no value for ARM–RUS in 2020. ")
    # the table: 1995, every 5 years and 2024
    years = pd.MultiIndex.from_product([["A–B"], range(1995, 2025)], names=["pair", "year"])
    long = pd.DataFrame({"index": 0.5, "coverage": 3}, index=years)
    assert tables.index_year_table(long, every=5)["Year"].tolist() == [1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert len(tables.index_year_table(long)) == 30
    assert index_captions.index_table_caption(long, 5).startswith(
        "The index by pair and year (1995, every 5 years and 2024; "
    )
    assert "(all years in the data file)" in index_captions.index_table_caption(long, 1)


def test_rank_distribution_texts():
    s = pd.DataFrame({"share_first": [0.3, 0.7], "median_rank": [2.0, 1.0]}, index=["AZE–TUR", "ARM–RUS"])
    assert index_captions.rank_distribution_alt(s) == (
        "Stacked horizontal bars, one per pair, of the share of draws at each rank: "
        "AZE–TUR first in 30.0% of draws, median rank 2; ARM–RUS first in 70.0% of draws, median rank 1."
    )
    cap = index_captions.rank_distribution_caption(1000, 7, s, "AZE–TUR")
    assert cap.startswith("AZE–TUR ranks first in 30.0% of the random weightings, ARM–RUS in 70.0%. Share of 1,000")
    assert index_captions.rank_distribution_caption(1000, 7, s, "ARM–RUS").startswith(
        "ARM–RUS ranks first in 70.0% of the random weightings. "
    )
    assert index_captions.rank_distribution_caption(1000, 7, s.iloc[:1], "AZE–TUR").startswith("Share of 1,000")


def test_bullets_and_rank_of():
    assert ov_text.bullets({"Arms": "One.", "Gas": "Two & three."}) == (
        "<ul>\n<li><strong>Arms.</strong> One.</li>\n<li><strong>Gas.</strong> Two &amp; three.</li>\n</ul>"
    )
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
    data = summary.panel_data(UN, ARMS, GAS, TRADE)
    # 3 UN rows, 2 arms years, 2 gas years, 2 trade series x 1 year
    assert data["panel"].value_counts().to_dict() == {
        "un_votes": 3,
        "arms": 2,
        "gas_share_of_turkiye_entries": 2,
        "trade": 2,
    }
    empty = summary.panel_data(
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
        "Shares as they are",
        "Mean of directions",
        "Raw UN agreement",
        "Equal weights, no gas",
    ]
    cap = index_captions.variants_caption(out)
    assert "'Shares as they are': shares kept as they are instead of min–max scaling;" in cap
    assert cap.endswith(
        "'Equal weights, no gas': equal weights without the gas indicator (which exists only for pairs with Türkiye)."
    )
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
    assert list(share)[1:4] == ["Min–max", "Mean of directions", "UN kappa"]


def test_weights_when_first_table():
    wf = pd.DataFrame({"un_votes": [0.512, 0.2], "trade": [0.488, 0.8]}, index=["AZE–TUR", "ARM–RUS"])
    t = tables.weights_when_first_table(wf)
    assert list(t.columns) == ["Pair first", "UN votes", "Trade"]
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


# ---------------------------------------------------------------------------------------------
# The key findings on the processed tables, for several pairs and a one-year period
# ---------------------------------------------------------------------------------------------

PAIRS_AND_PERIODS = {
    "AZE-TUR": Params("AZE", "TUR", 1995, 2024, ("RUS", "IRN", "GEO")),
    "ARM-RUS": Params("ARM", "RUS", 1995, 2024, ("AZE", "GEO")),
    "GEO-TUR": Params("GEO", "TUR", 1995, 2024, ("AZE", "RUS", "ARM")),
    "AZE-TUR-2020": Params("AZE", "TUR", 2020, 2020, ("RUS",)),
}


@pytest.fixture(scope="module")
def inputs():
    from bilateral.overview import indicators

    return indicators.load_inputs({"AZE", "TUR", "ARM", "RUS", "GEO", "IRN"})


def _findings(inputs, P) -> dict[str, str]:
    from bilateral.overview import index as ov_index
    from bilateral.overview import indicators

    a, b, c, years = P.country_a, P.country_b, list(P.comparators), list(P.years)
    arms = summary.arms_summary(inputs["transfers"], inputs["totals"], a, b, c, years)
    gas = summary.gas_summary_iea(inputs["gas_flows"], inputs["energy_series"], a, b, c, years)
    ev = chronology.pair_events(inputs["events"], a, b)
    _, rule = chronology.charted_events(ev)
    pairs = [(a, b), *[(a, x) for x in c]]
    un_rows = {
        m: indicators.un_table(inputs["agreement"], inputs["votes"], pairs, years, m) for m in config.UN_MEASURES
    }
    w = dict.fromkeys(config.INDICATORS, 1.0)
    variants = ov_index.variants(
        un_rows, indicators.directional_table(inputs, pairs, years), pairs, years, w,
        un_measure="kappa", normalisation="minmax", rank_years=5,
    )  # fmt: skip
    res = variants["Chosen"]
    sens = ov_index.sensitivity(res["norm_means"], w, 200, 1)
    main = config.pair_text((a, b))
    return {
        "Arms": ov_text.arms_finding(arms, P),
        "Gas": ov_text.gas_sentence(gas, a, b) + " " + ov_text.gas_meaning(gas),
        "The index": ov_text.index_finding(res, sens, variants, main, 200),
        "Events": ov_text.events_finding(ev, rule, P),
    }


@pytest.mark.parametrize("key", list(PAIRS_AND_PERIODS))
def test_key_findings_read_true_for_each_pair_and_period(inputs, key):
    P = PAIRS_AND_PERIODS[key]
    found = _findings(inputs, P)
    for label, text in found.items():
        text = text.strip()
        assert text.endswith("."), (label, text)
        assert "nan" not in text and "  " not in text and "of 1 " not in text, (label, text)
        assert f"{P.start_year}–{P.start_year}" not in text, (label, text)  # a one-year period reads "2020"
    # the index: its place is read against the random weightings, as a range or as firm
    assert "random weightings" in found["The index"] and (
        "read it as a range" in found["The index"] or "does not hinge" in found["The index"]
    )
    if key == "ARM-RUS":
        # Russia is Armenia's largest supplier and the pair's partner: not named twice; the rank has its denominator
        assert "1st of 9 suppliers)" in found["Arms"] and "largest: Russia" not in found["Arms"]
        assert "no bilateral gas measure for Armenia–Russia" in found["Gas"]
    if key == "GEO-TUR":
        assert found["Gas"].startswith("None of Türkiye's gas entry points carries gas from Georgia")
        assert "ranged from" not in found["Gas"]
        assert found["Events"].endswith("The timeline names all 17.")
    if key == "AZE-TUR":
        assert "(5th of 14 suppliers; largest: Russia)" in found["Arms"]
        assert "Over the full years 2010–2024 the share ranged from" in found["Gas"]
        assert found["Events"].endswith("The timeline names the 19 of the 148 events that at least 3 sources record.")
    if key == "AZE-TUR-2020":
        # one full year: no range, but what the share rests on
        assert "ranged from" not in found["Gas"] and "The entry route tells where the gas comes from" in found["Gas"]
        assert "in 2020 and none the other way" in found["Arms"]


def test_index_meaning_says_whether_the_rank_holds():
    s = pd.DataFrame({"p5_rank": [2, 1], "p95_rank": [2, 3]}, index=["AZE–TUR", "ARM–RUS"])
    assert ov_text.index_meaning(s, "AZE–TUR") == (
        "So AZE–TUR's place among these 2 pairs does not hinge on the weights: 90% of the random weightings give it rank 2."
    )
    assert ov_text.index_meaning(s, "ARM–RUS").startswith(
        "So ARM–RUS's place among these 2 pairs depends on how the indicators are weighted (rank 1 to 3 in 90%"
    )
    assert ov_text.index_meaning(s.iloc[:1], "AZE–TUR") == ""
    one = _index_result({"AZE–TUR": 0.6}, [4])
    summary_one = pd.DataFrame({"p5_rank": [1], "p95_rank": [1], "share_first": [1.0]}, index=["AZE–TUR"])
    assert ov_text.index_finding(one, {"summary": summary_one}, {"Chosen": one}, "AZE–TUR", 100) == (
        "The relationship index scores AZE–TUR 0.60 on the chosen weights (0 to 1); with no other pair that has an "
        "indicator there is nothing to rank it against, so the score alone says little."
    )


def test_bullets_link_each_finding():
    assert ov_text.bullets({"Arms": "One. "}, {"Arms": captions.report_link("Arms", "military report")}) == (
        '<ul>\n<li><strong>Arms.</strong> One. More: <a href="military.html#Who-arms-the-recipient">military report</a>.'
        "</li>\n</ul>"
    )
    # a heading with an apostrophe and brackets is encoded as the renderer does (bilateral.takeaways.section_anchor)
    assert captions.report_link("Gas").startswith(
        '<a href="energy.html#T%C3%BCrkiye&#x27;s-gas-imports-by-entry-route-(IEA-Gas-Trade-Flows)">'
    )


def test_section_link():
    assert captions.section_link("Timeline of events") == '<a href="#Timeline-of-events">Timeline of events</a>'


def test_page_sources_lists_each_key_once_in_first_order():
    assert captions.page_sources(["a", "b"], ["b", "c"], [], ["a", "d"]) == ["a", "b", "c", "d"]


def test_overview_links_resolve_in_the_built_reports():
    """Every link from the overview into another report lands on a heading that exists (skipped without the reports)."""
    import html as html_lib
    import re

    from bilateral.paths import REPORTS_DIR

    page = REPORTS_DIR / "overview.html"
    if not page.exists():
        pytest.skip("no built overview report")
    links = set(re.findall(r'href="([a-z]+)\.html#([^"]+)"', page.read_text(encoding="utf-8")))
    links = {(r, f) for r, f in links if r not in ("overview", "glossary", "index")}
    assert links, "the overview links to no section of another report"
    for report, fragment in sorted(links):
        target = REPORTS_DIR / f"{report}.html"
        if not target.exists():
            continue
        html = target.read_text(encoding="utf-8")
        ids = {html_lib.unescape(i) for i in re.findall(r'id="([^"]+)"', html)}
        # a browser looks for an id equal to the fragment as written (the ids are percent-encoded already)
        assert html_lib.unescape(fragment) in ids, f"{report}.html#{fragment}"
