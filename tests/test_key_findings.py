"""Key findings that say what the numbers mean, the landing page's findings, and consistency across reports."""

from __future__ import annotations

import pandas as pd
import pytest

from bilateral import ranks, takeaways
from bilateral.paths import REPORTS_DIR

# Four roll calls in 2000. Agreement with Azerbaijan: Türkiye 1/4, Russia 4/4, Georgia 3/4, Iran 3/4
# (median 75%, three of four above one half). Kappa with Azerbaijan (yes 3/4, no 1/4): Türkiye (yes 2/4):
# p_e = .75*.5 + .25*.5 = .5, p_o = .25, kappa = -0.5; Russia (identical) 1; Georgia (all yes) p_e = .75 = p_o, 0;
# Iran (yes 2/4) p_e = .5, p_o = .75, 0.5: median of (-0.5, 0, 0.5, 1) = 0.25, Türkiye last of four.
# Seen from Türkiye: Azerbaijan -0.5, Russia -0.5, Georgia 0, Iran (p_o = .5 = p_e) 0: Azerbaijan joint 3rd.
VOTES = {
    "AZE": ["yes", "yes", "yes", "no"],
    "TUR": ["yes", "no", "no", "yes"],
    "RUS": ["yes", "yes", "yes", "no"],
    "GEO": ["yes", "yes", "yes", "yes"],
    "IRN": ["yes", "yes", "no", "no"],
}


def _votes() -> pd.DataFrame:
    rows = [{"year": 2000, "vote_id": k + 1, "iso3": c, "vote": v[k]} for c, v in VOTES.items() for k in range(4)]
    return pd.DataFrame(rows)


def _scores(spans=((2000, 2000),)) -> pd.DataFrame:
    return ranks.un_scores(_votes(), ["AZE", "TUR"], list(spans))


def test_un_meaning_sentence_sets_agreement_beside_all_partners_and_kappa():
    text = ranks.un_meaning_sentence(_scores(), "AZE", "TUR", "2000", min_votes=1)
    assert "Azerbaijan and Türkiye voted alike on 25.0% of the 4 votes both cast in 2000." in text
    assert (
        "That is less than it sounds: most resolutions pass by large majorities, so 3 of the 4 states with enough common votes "
        "with Azerbaijan voted with it more than half the time, and the median state agreed with it on 75.0%; Türkiye ranks 4th of 4 "
        "by this share."
    ) in text
    assert (
        "Cohen's kappa, which discounts the agreement expected by chance, is -0.50 for the pair (less agreement than chance alone "
        "would give; median 0.25): by kappa Türkiye ranks 4th of 4 among Azerbaijan's partners, the least close of all."
    ) in text
    assert "Seen from Türkiye, Azerbaijan ranks joint 3rd (with 1 other) of 4 by kappa." in text


def test_un_meaning_sentence_from_the_other_side_and_when_nothing_is_recorded():
    text = ranks.un_meaning_sentence(_scores(), "TUR", "AZE", "2000", min_votes=1)
    # Türkiye's partners: Azerbaijan 1/4, Russia 1/4, Georgia 2/4, Iran 2/4: none above one half, median 37.5%
    assert (
        "The median of the 4 states with enough common votes with Türkiye agreed with it on 37.5%; Azerbaijan ranks joint 3rd (with 1 other) of 4 by this share."
        in text
    )
    empty = ranks.un_scores(_votes(), ["AZE", "TUR"], [(1990, 1990)])
    assert ranks.un_meaning_sentence(empty, "AZE", "TUR", "1990") == (
        "The vote records hold no General Assembly vote in 1990 on which both Azerbaijan and Türkiye cast a vote."
    )
    assert (
        ranks.un_headline(empty, "AZE", "TUR", "1990")
        == "Azerbaijan and Türkiye never both cast a vote in the UN General Assembly in 1990."
    )


def test_un_headline_and_the_note_on_another_report_s_period():
    scores = _scores()
    assert ranks.un_headline(scores, "AZE", "TUR", "2000", min_votes=1) == (
        "Azerbaijan and Türkiye voted alike on 25.0% of UN General Assembly votes in 2000, against a median of 75.0% for all of "
        "Azerbaijan's partners; corrected for chance (kappa -0.50), Türkiye ranks 4th of 4."
    )
    assert ranks.un_period_note(scores, "AZE", "TUR", "2000", "2000", "overview") == ""
    both = ranks.un_scores(_votes(), ["AZE", "TUR"], [(1999, 2001), (2000, 2000)])
    assert ranks.un_period_note(both, "AZE", "TUR", "1999–2001", "2000", "overview") == (
        "The overview report covers 2000 by default, hence its different figures: 25.0% of 4 common votes, kappa -0.50."
    )


def test_un_measures_are_recorded_as_printed(tmp_path, monkeypatch):
    monkeypatch.setenv("BILATERAL_FIGURE_DATA_DIR", str(tmp_path))
    ranks.record_un_measures(_scores(), "TUR", "AZE", "2000")
    assert takeaways.read_measures(tmp_path) == [
        {"measure": "UN agreement share", "country_a": "AZE", "country_b": "TUR", "period": "2000", "value": "25.0%"},
        {"measure": "UN kappa", "country_a": "AZE", "country_b": "TUR", "period": "2000", "value": "-0.50"},
    ]


@pytest.mark.parametrize(
    "a, b, lo, hi",
    [("AZE", "TUR", 1992, 2025), ("TUR", "AZE", 1995, 2024), ("ARM", "RUS", 1995, 2024), ("GEO", "TUR", 2010, 2010)],
)
def test_un_meaning_sentence_on_real_pairs(a, b, lo, hi, un_votes_all):
    from bilateral import fmt
    from bilateral.countries import display_name

    period = fmt.years(lo, hi)
    text = ranks.un_meaning_sentence(ranks.un_scores(un_votes_all, [a, b], [(lo, hi)]), a, b, period)
    assert text.startswith(f"In the UN General Assembly, {display_name(a)} and {display_name(b)} voted alike on ")
    assert f"among {display_name(a)}'s partners" in text and "nan" not in text and "n/a" not in text


@pytest.fixture(scope="module")
def un_votes_all():
    from bilateral.data import load

    return load("unga_votes")


def _built(name: str) -> list:
    return sorted(p for p in REPORTS_DIR.glob(f"*-data/{name}"))


def test_the_same_measure_prints_the_same_value_in_every_report():
    files = _built(takeaways.MEASURES_FILE)
    if not files:
        pytest.skip("no built report has recorded its measures yet (reports built before issue 12)")
    by_report = {p.parent.name.removesuffix("-data"): takeaways.read_measures(p.parent) for p in files}
    assert takeaways.inconsistent_measures(by_report) == []


def test_every_published_finding_links_to_a_section_that_exists():
    files = _built(takeaways.FILE_NAME)
    if not files:
        pytest.skip("no built report has published findings yet (reports built before issue 12)")
    for path in files:
        for item in takeaways.read(path.parent):
            page = (REPORTS_DIR / f"{item.report}.html").read_text(encoding="utf-8")
            assert f'id="{item.section}"' in page, f"{path.parent.name}: {item.href} has no such section"


# ---------------------------------------------------------------------------------------------------------
# Arms, trade, events and claims: what the shares and counts mean

ARMS = {
    "years": list(range(2000, 2010)),
    "covered": True,
    "recent": (2005, 2009),
    "share_b": {"tiv_m": 100.0, "total_tiv_m": 1000.0, "share": 0.1},
    "share_b_recent": {"tiv_m": 60.0, "total_tiv_m": 150.0, "share": 0.4},
}


def test_arms_meaning_says_a_large_recent_share_is_of_a_smaller_total():
    from bilateral import overview as ov

    # 60 of 100 TIV in 2005–2009; imports averaged 150/5 = 30.0 a year then, 1000/10 = 100.0 over the decade
    assert ov.arms_meaning(ARMS, "AZE", "TUR") == (
        "60% of Türkiye's recorded deliveries to Azerbaijan in 2000–2009 came in 2005–2009. In those years Azerbaijan's arms "
        "imports averaged 30.0 million TIV a year against 100.0 over 2000–2009, so Türkiye's recent share is a share "
        "of a smaller total. A single large order can move these shares, and SIPRI counts deliveries of major conventional weapons only."
    )
    one_year = {**ARMS, "years": [2009], "recent": (2009, 2009)}
    assert ov.arms_meaning(one_year, "AZE", "TUR") == ""
    assert ov.arms_meaning({**ARMS, "covered": False}, "ARM", "RUS") == ""


def _trade() -> pd.DataFrame:
    rows = []
    # Azerbaijan's records: trade with Türkiye 30+10 of a world total 300+100 (2018) and 30+20 of 150+50 (2019);
    # Türkiye's records: trade with Azerbaijan 25+5 in 2019.
    for year, xt, mt, xw, mw in ((2018, 30, 10, 300, 100), (2019, 30, 20, 150, 50)):
        rows += [
            (year, "AZE", "TUR", "exports", xt),
            (year, "AZE", "TUR", "imports", mt),
            (year, "AZE", "WLD", "exports", xw),
            (year, "AZE", "WLD", "imports", mw),
        ]
    rows += [
        (2019, "TUR", "AZE", "exports", 25),
        (2019, "TUR", "AZE", "imports", 5),
        (2019, "TUR", "WLD", "exports", 1000),
        (2019, "TUR", "WLD", "imports", 1000),
    ]
    return pd.DataFrame(rows, columns=["year", "reporter_iso3", "partner_iso3", "flow", "value_usd_m"]).assign(
        is_estimate=False
    )


def test_trade_value_meaning_gives_the_money_the_shrunken_total_and_the_mirror_gap():
    from bilateral.trade import text as trade

    text = trade.value_meaning(_trade(), "AZE", "TUR", [2018, 2019], None)
    # 2019: 50 of 200, the total 50% below its 2018 peak of 400; Türkiye's records: 30
    assert text == (
        "By Azerbaijan's figures, Türkiye's share in 2019 stood for US$50.0 million of US$200.0 million; Azerbaijan's total trade "
        "that year was 50% below its peak of US$400.0 million in 2018, so a given share stood for less trade than it would have then. "
        "The two sides' records of the same trade differ: US$50.0 million by Azerbaijan's figures, US$30.0 million by Türkiye's; "
        "each share uses its own side's records, never a mix."
    )
    # one year: no peak to compare with, and Türkiye's records have no 2018
    assert trade.value_meaning(_trade(), "AZE", "TUR", [2018], None) == (
        "By Azerbaijan's figures, Türkiye's share in 2018 stood for US$40.0 million of US$400.0 million."
    )
    assert trade.value_meaning(_trade(), "AZE", "TUR", [], None) == ""
    assert trade.value_meaning(_trade(), "ARM", "RUS", [2019], None) == ""


def test_events_sentence_counts_and_says_what_a_count_is():
    from bilateral import overview as ov

    ev = pd.DataFrame({"when": ["1992-01-14", "2021-06-15"]})
    assert ov.events_sentence(ev, "AZE", "TUR") == (
        "The project's curated events table lists 2 dated events naming both Azerbaijan and Türkiye, from 1992-01-14 to 2021-06-15; "
        "it is a curated selection, so the count shows what the record holds, not how close the two are."
    )
    assert (
        ov.events_sentence(ev.iloc[0:0], "ARM", "RUS")
        == "The project's curated events table lists no dated event naming both Armenia and Russia."
    )


def test_claims_headline_counts_verdicts_on_measured_claims():
    from bilateral import claims as C

    results = pd.DataFrame({"verdict": [C.SUPPORTED, C.SUPPORTED, C.PARTLY, C.CONTRADICTED, C.NOT_CHECKABLE]})
    assert C.headline(results) == (
        "Of the 4 claims of the seed documents that the data here can measure, 2 are supported, 1 partly supported and 1 contradicted; "
        "1 of the 5 claims cannot be checked with these data."
    )
    assert (
        C.headline(results.iloc[4:])
        == "None of the 1 claim of the seed documents can be measured against the data here."
    )


def test_kappa_in_plain_words_and_the_trend_sentence():
    from bilateral import diplomatic as dip

    # kappa = (p_o - p_e) / (1 - p_e): the share of the agreement possible beyond chance that was reached
    assert dip.kappa_words(0.43) == "43% of the agreement possible beyond chance"
    assert dip.kappa_words(0.001) == "no more agreement than chance alone would give"
    assert dip.kappa_words(-0.2) == "less agreement than chance alone would give"
    assert dip.trend_sentence(
        {"agreement_share": 0.791, "kappa": 0.43}, "1992–1996", {"agreement_share": 0.69, "kappa": 0.001}, "2021–2025"
    ) == (
        "Agreement fell from 79.1% in 1992–1996 to 69.0% in 2021–2025; kappa went from 0.43 (43% of the agreement possible beyond "
        "chance) to 0.00 (no more agreement than chance alone would give)."
    )
    assert dip.trend_sentence(
        {"agreement_share": 0.5, "kappa": 0.1}, "2000", {"agreement_share": 0.5, "kappa": 0.3}, "2001"
    ).startswith("Agreement was 50.0% both in 2000 and in 2001; kappa went from 0.10 (10% of")


def test_arms_takeaway_gives_the_whole_and_recent_shares_and_the_rank():
    from bilateral import overview as ov

    arms = {**ARMS, "rank": 5, "n_suppliers": 14, "top": "RUS"}
    # recent imports 150/5 = 30 a year, under half of 1000/10 = 100 a year: "far less in all"
    assert ov.arms_takeaway(arms, "AZE", "TUR") == (
        "Türkiye supplied 10.0% of Azerbaijan's major arms imports by volume (SIPRI TIV) in 2000–2009 (5th of 14 suppliers; "
        "largest: Russia), and 40.0% in 2005–2009, when Azerbaijan imported far less in all."
    )
    # the partner is itself the largest supplier: not named twice; recent imports not under half: no "far less"
    same = {
        **ARMS,
        "rank": 1,
        "n_suppliers": 9,
        "top": "RUS",
        "share_b_recent": {"tiv_m": 60.0, "total_tiv_m": 600.0, "share": 0.1},
    }
    assert ov.arms_takeaway(same, "ARM", "RUS") == (
        "Russia supplied 10.0% of Armenia's major arms imports by volume (SIPRI TIV) in 2000–2009 (1st of 9 suppliers), and 10.0% in 2005–2009."
    )


def test_trade_takeaway_ranks_each_side_among_all_partners_of_the_latest_year():
    from bilateral import overview as ov

    tr = {"latest_year": 2020, "share_b_in_a": 17.0, "share_a_in_b": 0.64}
    rows = pd.DataFrame(
        {
            "dimension": ["Trade", "Trade"],
            "country": ["AZE", "TUR"],
            "partner": ["TUR", "AZE"],
            "rank": [2, 33],
            "n_ranked": [167, 207],
            "status": ["ranked", "ranked"],
            "when": ["2020", "2020"],
        }
    )
    assert ov.trade_takeaway(tr, rows, "AZE", "TUR") == (
        "In 2020, Türkiye accounted for 17.0% of Azerbaijan's trade by Azerbaijan's own figures, 2nd of 167 partners; Azerbaijan "
        "accounted for 0.64% of Türkiye's trade by Türkiye's own figures, 33rd of 207 partners (IMF DOTS; the series ends in 2020)."
    )
    # a rank from another year than the shares is not attached to them
    assert ", 33rd of 207" not in ov.trade_takeaway(tr, rows.assign(when=["2020", "2019"]), "AZE", "TUR")
