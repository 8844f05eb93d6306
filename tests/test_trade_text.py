"""Tests of the trade report's computed text moved out of the notebook (bilateral.trade.text, .paragraphs,
.captions): each checked on several pairs (AZE–TUR, TUR–AZE, GEO–TUR) and on a one-year period.

Small frames are built here with values worked out by hand; tests against the processed data are skipped
when data/processed has not been built.
"""

from __future__ import annotations

import re

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
    assert cap.mirror_caption("TUR", "AZE", trd.gap_summary(back)).startswith(
        "No year has both Türkiye's and Azerbaijan's figure for trade from Türkiye to Azerbaijan. Trade from Türkiye "
        "to Azerbaijan: Türkiye's exports (FOB)"
    )
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


PAIRS = {
    "AZE-TUR": {},
    "TUR-AZE": {"country_a": "TUR", "country_b": "AZE"},
    "GEO-TUR": {"country_a": "GEO", "country_b": "TUR"},
    "one-year": {"start_year": 2020, "end_year": 2020},
}


def _findings(changes) -> tuple[params.Params, list[str]]:
    from bilateral.data import load
    from bilateral.trade import findings
    from bilateral.trade import press as trd_press

    P = trade_params(**changes)
    full = trd_press.press_full_years(load("trade_press")) if set(P.pair) == trd.PRESS_PAIR else None
    return P, findings.key_findings(P, load("trade_bilateral"), load("macro"), full)


@needs_data
@pytest.mark.parametrize("changes", PAIRS.values(), ids=PAIRS.keys())
def test_key_findings_say_what_the_numbers_mean_for_any_pair(changes):
    P, found = _findings(changes)
    text = " ".join(found)
    assert found and all(s.strip() for s in found)
    # no sentence twice, no machine phrasing, no rank without its denominator
    sentences = [s for f in found for s in f.split(". ") if len(s) > 30]
    assert len(sentences) == len(set(sentences))
    assert "n/a" not in text and "0.0 million" not in text and "rank 1 of 1" not in text and "0.00×" not in text
    # mirror data: both records, and why they differ (FOB/CIF)
    assert "records of the same trade" in text and "(CIF)" in text and "(FOB)" in text
    # a rank says among how many partners
    assert re.search(r"came \d+(st|nd|rd|th) of \d+ partners", text)
    # a share is also said in money
    assert "In money," in text
    assert P.name_a in text and P.name_b in text
    if P.start_year == P.end_year:
        assert "years with both" not in text  # one year: nothing to count across years
    assert ("only figures quoted in the press" in text) == (set(P.pair) == trd.PRESS_PAIR)


@needs_data
def test_key_findings_by_hand_for_the_default_pair():
    _, found = _findings({})
    text = " ".join(found)
    # raw DOTS 2020: TUR imports from AZE 410.710278, AZE exports to TUR 2597.9026 -> 0.16x
    assert (
        "in 2020, Türkiye recorded imports from Azerbaijan of US$410.7 million, 0.16× the US$2.6 billion Azerbaijan "
        "recorded as exports to Türkiye" in text
    )
    # 2597.9026 / 13740.8175 = 18.9%; 2085.340263 / 169637.75531 = 1.2%; 169637.8 / 13740.8 = 12.3 -> "12 times"
    assert "18.9% of Azerbaijan's exports was US$2.6 billion and 1.2% of Türkiye's was US$2.1 billion" in text
    assert "Türkiye's exports as a whole were 12 times Azerbaijan's" in text
    assert "Türkiye came 2nd of 167 partners in Azerbaijan's records" in text
    assert "Azerbaijan came 33rd of 207 partners in Türkiye's records" in text


def test_mirror_finding_words_follow_the_size_of_the_gap():
    from bilateral.trade import findings

    P = trade_params()

    def g(ratio, year=2020, exporter=100.0):
        return {"n_both": 1, "latest_ratio": ratio, "latest_year": year, "latest_exporter_usd_m": exporter,
                "latest_importer_usd_m": exporter * ratio}  # fmt: skip

    assert findings.mirror_finding(P, g(1.05), g(0.9)).startswith(
        "The two countries' records of the same trade broadly agree"
    )
    assert "a gap of this size" in findings.mirror_finding(P, g(0.7), g(1.0))
    wide = findings.mirror_finding(P, g(0.9), g(3.0))
    # the direction furthest from agreement leads: Türkiye -> Azerbaijan at 3.0x
    assert wide.startswith(
        "The two countries' records of the same trade disagree widely: in 2020, Azerbaijan recorded imports from "
        "Türkiye of US$300.0 million, 3.00× the US$100.0 million Türkiye recorded"
    )
    assert wide.endswith("from Azerbaijan to Türkiye, the importer's figure was 0.90× the exporter's in 2020.")
    assert findings.ratio_text(0.00123) == "0.0012×"
    assert (
        findings.mirror_finding(
            P, {"n_both": 0, "latest_ratio": float("nan")}, {"n_both": 0, "latest_ratio": float("nan")}
        )
        == ""
    )


def test_balance_finding_sign_agreement_and_one_side():
    from bilateral.trade import findings

    P = trade_params(start_year=2019, end_year=2020)
    bal = trd.balance_both_sides(
        dots(
            [
                (2019, "AZE", "TUR", "exports", 100.0, False),
                (2019, "AZE", "TUR", "imports", 40.0, False),
                (2019, "TUR", "AZE", "imports", 90.0, False),
                (2019, "TUR", "AZE", "exports", 50.0, False),
                (2020, "AZE", "TUR", "exports", 100.0, False),
                (2020, "AZE", "TUR", "imports", 40.0, False),
                (2020, "TUR", "AZE", "imports", 20.0, False),
                (2020, "TUR", "AZE", "exports", 50.0, False),
            ]
        ),
        "AZE",
        "TUR",
        [2019, 2020],
    )
    # 2020: AZE's books +60, TUR's books 20 - 50 = -30: opposite signs; 2019 both positive (+60, +40)
    assert findings.balance_finding(P, bal) == (
        "Whose records are read decides who runs the surplus: in 2020, Azerbaijan's records give Azerbaijan a surplus "
        "of US$60.0 million with Türkiye, Türkiye's records a deficit of US$30.0 million; the two point different ways "
        "in 1 of the 2 years with both."
    )
    one = bal.assign(b_records_usd_m=float("nan"))
    assert findings.balance_finding(P, one).startswith("Only Azerbaijan's records give the balance")


def test_share_and_intensity_findings_by_hand():
    from bilateral.trade import findings
    from bilateral.trade import importance as imp

    P = trade_params(start_year=2020, end_year=2020, comparators=[], comparators_b=[])
    df = dots(
        [
            (2020, "AZE", "TUR", "exports", 200.0, False),
            (2020, "AZE", "WLD", "exports", 1000.0, False),
            (2020, "TUR", "AZE", "exports", 150.0, False),
            (2020, "TUR", "WLD", "exports", 15000.0, False),
        ]
    )
    sh_ax = imp.shares(df, "AZE", ["TUR"], "exports", [2020])
    sh_bx = imp.shares(df, "TUR", ["AZE"], "exports", [2020])
    text = findings.share_finding(P, sh_ax, sh_bx)
    # 200 / 1000 = 20%; 150 / 15000 = 1%; 15000 / 1000 = 15 times; 150 >= half of 200
    assert text.startswith(
        "Türkiye matters more in Azerbaijan's exports than Azerbaijan in Türkiye's: in 2020, Türkiye took 20.0%"
    )
    assert (
        "Türkiye's exports as a whole were 15 times Azerbaijan's, so its smaller share stands for a comparable" in text
    )
    assert "partners compared" not in text  # nothing to rank among
    ab = pd.DataFrame({"intensity": [4.0]}, index=[2020])
    ba = pd.DataFrame({"intensity": [0.5]}, index=[2020])
    assert findings.intensity_finding(P, ab, ba, range(2020, 2021)) == (
        "Allowing for size, the two directions differ: in 2020, Türkiye took 4.0 times the share of Azerbaijan's "
        "exports that its weight in world imports would predict, and Azerbaijan 0.5 times the share of Türkiye's "
        "(trade intensity index; 1 means exactly as predicted)."
    )


def test_coverage_finding_only_when_it_matters():
    from bilateral.trade import findings

    # SMALL: Azerbaijan never reports imports from Türkiye, Türkiye never reports exports to Azerbaijan
    patchy = trd.coverage(SMALL, "AZE", "TUR", [2019, 2020])
    assert findings.coverage_finding(patchy, 2) == (
        "The records are patchy: Azerbaijan's and Türkiye's give no figure at all for some flows, so comparisons "
        "rest on fewer years than the period spans."
    )
    # three of four years is enough: nothing to add to the section's own sentence
    assert findings.coverage_finding(patchy.assign(n_years=3), 4) == ""
    none = trd.coverage(SMALL, "ARM", "RUS", [2019])
    assert findings.coverage_finding(none, 1).startswith("There is nothing to compare: neither Armenia nor Russia")


def test_titles_open_the_captions_with_the_finding():
    from bilateral.trade import titles

    m = trd.mirror(SMALL, "AZE", "TUR", [2019, 2020])
    # 2020: importer 50 against exporter 200 -> 0.25: "far less"
    assert titles.mirror_title(trd.gap_summary(m), "AZE", "TUR") == (
        "Türkiye's records show far less trade from Azerbaijan than Azerbaijan's: US$50.0 million against US$200.0 "
        "million in 2020."
    )
    bal = pd.DataFrame(
        {"a_records_usd_m": [5.0, 10.0, 20.0], "b_records_usd_m": [1.0, -3.0, -4.0]}, index=[2018, 2019, 2020]
    )
    assert titles.balance_title(bal, "AZE", "TUR") == (
        "The two records give opposite answers to who ran the surplus in every year from 2019 to 2020."
    )
    assert titles.balance_title(bal.loc[[2018]], "AZE", "TUR") == (
        "Both records show Azerbaijan with a surplus in its trade with Türkiye in 2018."
    )
    P = trade_params()
    ab = pd.DataFrame({"intensity": [2.0, 0.5]}, index=[2019, 2020])
    assert titles.intensity_title(P, ab, ab.iloc[:0]) == (
        "The index was above 1 for Azerbaijan's exports to Türkiye in 1 of the 2 years with a value."
    )


def test_tables_fit_a_phone_and_name_publishers_as_readers_know_them():
    from bilateral.trade import tables as trd_tables

    P = trade_params(start_year=2019, end_year=2020)
    t = trd_tables.mirror_table(
        P, trd.mirror(SMALL, "AZE", "TUR", [2019, 2020]), trd.mirror(SMALL, "TUR", "AZE", [2019, 2020])
    )
    assert len(t.columns) == 5 and t.columns[1] == ("Azerbaijan → Türkiye", "Azerbaijan's exports")
    assert t.iloc[1, 2] == "50.0 e"  # TUR's 2020 import figure is an IMF estimate
    assert trd_tables._when("2021", "Jan-May") == "Jan–May 2021"
    assert trd_tables._when("2020-2024", "5 years cumulative") == "2020–2024, combined"
    assert (
        trd_text.publisher_name("Turkey Ministry of Trade (via AzerNews)")
        == "Türkiye's Ministry of Trade (via AzerNews)"
    )
    assert trd_text.publisher_name("Turkey (Vice-President Cevdet Yılmaz)") == "Türkiye (Vice-President Cevdet Yılmaz)"
    assert trd_text.publisher_name(None) == ""


def test_charts_have_no_legend_and_name_their_lines():
    import matplotlib.pyplot as plt

    from bilateral.trade import importance as imp
    from bilateral.trade import plots as trd_plots

    m = trd.mirror(SMALL, "AZE", "TUR", [2019, 2020])
    fig = trd_plots.plot_mirror(m, "AZE", "TUR")
    ax = fig.axes[0]
    assert ax.get_legend() is None
    assert {t.get_text() for t in ax.texts} == {"Azerbaijan's exports", "Türkiye's imports"}
    plt.close(fig)
    small = dots(
        [
            (2020, "AZE", "TUR", "exports", 20.0, False),
            (2020, "AZE", "RUS", "exports", 50.0, False),
            (2020, "AZE", "ITA", "exports", 10.0, False),
            (2020, "AZE", "WLD", "exports", 100.0, False),
        ]
    )
    sh = imp.shares(small, "AZE", ["TUR", "RUS", "ITA"], "exports", [2019, 2020])
    fig = trd_plots.plot_shares([("Azerbaijan's exports", sh, "TUR")])
    ax = fig.axes[0]
    assert not fig.legends and ax.get_legend() is None
    # the partner in its colour, the comparator above it named in grey, the one below it unnamed
    names = {t.get_text(): t.get_color() for t in ax.texts}
    assert names == {"Türkiye": "#D55E00", "Russia": "#6b6b6b"}
    plt.close(fig)
