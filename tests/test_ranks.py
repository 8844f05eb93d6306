"""Tests of bilateral.ranks (ranks among all partners).

Unit tests use small frames built here; the expected ranks are worked out by hand in the comments.
Tests marked ``raw`` recompute a few ranks with pandas directly on the raw files (IMF DOTS, SIPRI register)
and compare them with what the module computes from the processed tables. Text tests run on several pairs.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from bilateral import fmt
from bilateral import ranks as R
from bilateral.data import load
from bilateral.ranks import posts as ranks_posts

# ---------------------------------------------------------------------------------------------
# The generic core
# ---------------------------------------------------------------------------------------------


def test_rank_table_ties_exclusion_and_percentile():
    # values: B 7 > A 5 = C 5 > D 1; WLD 20 is an aggregate (excluded). Competition ranks: B 1, A 2, C 2, D 4.
    # n = 4; percentile = ranked others strictly below / 3: B 3/3 = 100, A and C 1/3 = 33.3, D 0.
    f = pd.DataFrame({"partner": ["A", "B", "C", "WLD", "D"], "value": [5.0, 7.0, 5.0, 20.0, 1.0]})
    out = R.rank_table(f, exclude={"WLD"})
    assert list(out["partner"]) == ["B", "A", "C", "D", "WLD"]
    assert list(out["rank"].iloc[:4]) == [1, 2, 2, 4]
    assert list(out["n_tied"].iloc[:4]) == [1, 2, 2, 1]
    assert set(out["n_ranked"].iloc[:4]) == {4}
    assert out["percentile"].iloc[:4].round(2).tolist() == [100.0, 33.33, 33.33, 0.0]
    wld = out[out["partner"] == "WLD"].iloc[0]
    assert not wld["ranked"] and pd.isna(wld["rank"]) and math.isnan(wld["percentile"])


def test_rank_table_by_group_positive_only_and_lower_is_better():
    # 2019: X 0 (no recorded trade, not ranked), Y 2, Z 3 -> Z 1st of 2, Y 2nd. 2020: X 4, Y 4 -> joint 1st of 2.
    f = pd.DataFrame(
        {
            "year": [2019, 2019, 2019, 2020, 2020],
            "partner": ["X", "Y", "Z", "X", "Y"],
            "value": [0.0, 2.0, 3.0, 4.0, 4.0],
        }
    )
    out = R.rank_table(f, by=["year"], positive_only=True)
    r19 = out[out["year"] == 2019].set_index("partner")
    assert r19.loc["Z", "rank"] == 1 and r19.loc["Y", "rank"] == 2 and r19.loc["Z", "n_ranked"] == 2
    assert not r19.loc["X", "ranked"]
    r20 = out[out["year"] == 2020].set_index("partner")
    assert list(r20["rank"]) == [1, 1] and list(r20["n_tied"]) == [2, 2]
    # lower is better (a distance): Y 2 is 1st of 3 with X 0 counted (positive_only False) -> X 1st, Y 2nd, Z 3rd.
    low = R.rank_table(f[f["year"] == 2019], higher_is_better=False).set_index("partner")
    assert low["rank"].to_dict() == {"X": 1, "Y": 2, "Z": 3}


def test_rank_table_empty_and_one_partner():
    empty = R.rank_table(pd.DataFrame({"partner": [], "value": []}))
    assert empty.empty and set(R.RANK_COLUMNS) <= set(empty.columns)
    one = R.rank_table(pd.DataFrame({"partner": ["TUR"], "value": [3.0]}))
    r = R.rank_of(one, "TUR")
    assert (r["status"], r["rank"], r["n_ranked"]) == ("ranked", 1, 1)
    assert math.isnan(r["percentile"])
    assert R.rank_words(r, "partner") == "1st, the only partner"
    assert R.rank_cell(r) == "only one ranked"
    assert R.rank_of(empty, "TUR")["status"] == "empty"


def test_rank_table_bad_input_names_the_problem():
    with pytest.raises(ValueError, match="'value'"):
        R.rank_table(pd.DataFrame({"partner": ["A"]}))
    with pytest.raises(ValueError, match="entity 'A' appears twice"):
        R.rank_table(pd.DataFrame({"partner": ["A", "A"], "value": [1.0, 2.0]}))


def test_rank_of_statuses():
    out = R.rank_table(pd.DataFrame({"partner": ["A", "B", "WLD"], "value": [1.0, 2.0, 9.0]}), exclude={"WLD"})
    assert R.rank_of(out, "WLD")["status"] == "excluded"
    absent = R.rank_of(out, "ZZZ")
    assert absent["status"] == "absent" and absent["n_ranked"] == 2
    assert R.rank_cell(absent) == "not among the 2"


def test_top_n_keeps_ties_at_the_cut_and_the_partner():
    # values 9, 8, 7, 7, 1: top 3 keeps both 7s (joint 3rd); the partner E (5th) is appended and highlighted.
    f = pd.DataFrame({"partner": list("ABCDE"), "value": [9.0, 8.0, 7.0, 7.0, 1.0]})
    top = R.top_n(R.rank_table(f), 3, keep="E")
    assert list(top["partner"]) == ["A", "B", "C", "D", "E"]
    assert list(top["highlight"]) == [False, False, False, False, True]


def test_generic_core_ranks_a_supplier_by_year_table():
    # A gas-like table: supplier volumes by year. 2021: RUS 26, AZE 8.5, IRN 5.8 -> AZE 2nd of 3; 2022: AZE 9.5 = RUS 9.5 -> joint 1st.
    gas = pd.DataFrame(
        {
            "year": [2021, 2021, 2021, 2022, 2022, 2022],
            "supplier": ["RUS", "AZE", "IRN", "RUS", "AZE", "IRN"],
            "volume_bcm": [26.0, 8.5, 5.8, 9.5, 9.5, 5.4],
        }
    )
    out = R.rank_table(gas, entity="supplier", value="volume_bcm", by=["year"])
    r21 = R.rank_of(out, "AZE", entity="supplier", where={"year": 2021})
    r22 = R.rank_of(out, "AZE", entity="supplier", where={"year": 2022})
    assert R.rank_words(r21, "supplier") == "2nd of 3 suppliers"
    assert R.rank_words(r22, "supplier") == "joint 1st (with 1 other) of 3 suppliers"


@pytest.mark.parametrize(
    "n, text",
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (167, "167th"),
    ],
)
def test_ordinal(n, text):
    assert fmt.ordinal(n) == text


def test_rank_words_ties_and_denominators():
    assert R.rank_words({"rank": 2, "n_tied": 1, "n_ranked": 167}, "partner") == "2nd of 167 partners"
    assert (
        R.rank_words({"rank": 2, "n_tied": 3, "n_ranked": 167}, "partner")
        == "joint 2nd (with 2 others) of 167 partners"
    )
    assert (
        R.rank_words({"rank": 1, "n_tied": 2, "n_ranked": 2}, "index state")
        == "joint 1st (with 1 other) of 2 index states"
    )


# ---------------------------------------------------------------------------------------------
# UN votes
# ---------------------------------------------------------------------------------------------


@pytest.fixture()
def small_votes():
    # Four roll calls in 2000. Anchor X votes y, y, n, a.
    #   P: y, y, n, a   -> 4 common, agreement 4/4 = 1
    #   Q: y, n, n, y   -> same on rc1 and rc3: 2/4 = 0.5
    #   R: n, n, y, a   -> same on rc4 only: 1/4 = 0.25
    #   S: y, y, n, absent -> 3 common votes, all alike: 1
    # Kappa: P 1 (p_o 1, p_e 0.375); S 1 (p_o 1, p_e 5/9), so P and S tie on both measures.
    table = {"X": "yyna", "P": "yyna", "Q": "ynny", "R": "nnya", "S": "yyn-"}
    code = {"y": "yes", "n": "no", "a": "abstain", "-": "absent"}
    rows = [
        {"vote_id": f"rc{i}", "year": 2000, "iso3": s, "vote": code[v]}
        for s, vs in table.items()
        for i, v in enumerate(vs, 1)
    ]
    return pd.DataFrame(rows)


def test_un_ranks_by_hand(small_votes):
    scores = R.un_scores(small_votes, ["X"], [(2000, 2000)])
    assert scores.set_index("partner")["agreement_share"].to_dict() == {"P": 1.0, "Q": 0.5, "R": 0.25, "S": 1.0}
    ranked = R.un_ranked(scores, "agreement_share", min_votes=1)
    got = ranked.set_index("partner")
    assert got["rank"].to_dict() == {"P": 1, "S": 1, "Q": 3, "R": 4}
    assert got.loc["P", "n_tied"] == 2 and got.loc["Q", "n_ranked"] == 4
    kappa = R.un_ranked(scores, "kappa", min_votes=1).set_index("partner")
    assert kappa.loc["P", "rank"] == 1 and kappa.loc["S", "rank"] == 1
    # S shares 3 votes, fewer than 4: with min_votes=4 it is shown but not ranked, so P is 1st of 3.
    strict = R.un_ranked(scores, "agreement_share", min_votes=4).set_index("partner")
    assert (
        not strict.loc["S", "ranked"]
        and strict.loc["P", "rank"] == 1
        and strict.loc["P", "n_ranked"] == 3
        and strict.loc["P", "n_tied"] == 1
    )
    # presence rule: S has 3 of the most (4) common votes; 0.8 * 4 = 3.2 > 3, so S is not ranked.
    presence = R.un_ranked(scores, "agreement_share", min_votes=1, min_presence=0.8).set_index("partner")
    assert not presence.loc["S", "ranked"]


def test_span_layers_keep_overlapping_spans_apart():
    # the whole period overlaps every part; the parts do not overlap one another; (1995, 1998) overlaps both
    assert R.span_layers([(1992, 2001), (1992, 1996), (1997, 2001), (1995, 1998)]) == [[0], [1, 2], [3]]
    assert R.span_layers([]) == []
    assert R.span_layers([(2000, 2000), (2000, 2000)]) == [[0], [1]]


def test_un_scores_overlapping_spans_by_hand(small_votes):
    # rc1-rc4 in 2000 (above) plus two roll calls in 2001 where X and P differ: yes/no, then no/yes.
    later = pd.DataFrame(
        [
            {"vote_id": f"rc{i}", "year": 2001, "iso3": s, "vote": v}
            for i, votes in ((5, {"X": "yes", "P": "no"}), (6, {"X": "no", "P": "yes"}))
            for s, v in votes.items()
        ]
    )
    votes = pd.concat([small_votes, later], ignore_index=True)
    scores = R.un_scores(votes, ["X"], [(2000, 2001), (2000, 2000), (2001, 2001), (2001, 2001)])
    p = scores[scores["partner"] == "P"]
    # X-P: 4 of 4 alike in 2000, 0 of 2 in 2001, 4 of 6 over both; each span keeps its place in the output
    assert p["period"].tolist() == ["2000–2001", "2000", "2001", "2001"]
    assert p["n_votes"].tolist() == [6, 4, 2, 2]
    assert p["agreement_share"].tolist() == pytest.approx([4 / 6, 1.0, 0.0, 0.0])
    # only P voted with X in 2001, so Q, R and S appear in the 2000 spans only
    assert scores.groupby("period")["partner"].nunique().to_dict() == {"2000": 4, "2000–2001": 4, "2001": 1}


def test_un_ranks_both_directions(small_votes):
    scores = R.un_scores(small_votes, ["X", "Q"], [(2000, 2000)])
    out = R.un_ranks(scores, "X", "Q", min_votes=1)
    # Q among X's partners by agreement: 3rd of 4 (above). X among Q's partners: Q agrees with X 2/4, with P 2/4,
    # with R (n,n,y,a against y,n,n,y: rc2 only) 1/4, with S (3 common: y,y,n against y,n,n: rc1, rc3) 2/3
    # -> S 1st, X and P joint 2nd, R 4th, of 4.
    share = out[out["measure"] == "agreement_share"].set_index("anchor")
    assert (share.loc["X", "rank"], share.loc["X", "n_ranked"]) == (3, 4)
    assert (share.loc["Q", "rank"], share.loc["Q", "n_tied"], share.loc["Q", "n_ranked"]) == (2, 2, 4)


def test_un_sentence_not_ranked_and_empty(small_votes):
    scores = R.un_scores(small_votes, ["X", "S"], [(2000, 2000)])
    out = R.un_ranks(scores, "X", "S", min_votes=4)
    assert R.un_sentence(out, "X", "S", "2000", min_votes=4) == (
        "S shares too few recorded votes with X in 2000 to be ranked among the 3 states that share enough "
        "(at least 4, and at least 50% of the largest number any state shares with it)."
    )
    empty = R.un_ranks(R.un_scores(small_votes, ["X", "P"], [(1990, 1991)]), "X", "P")
    assert "no common vote" in R.un_sentence(empty, "X", "P", "1990–1991")


# ---------------------------------------------------------------------------------------------
# Trade
# ---------------------------------------------------------------------------------------------


@pytest.fixture()
def small_trade():
    def row(rep, par, flow, v, year=2020):
        return {
            "year": year,
            "reporter_iso3": rep,
            "partner_iso3": par,
            "flow": flow,
            "value_usd_m": v,
            "is_estimate": False,
            "source": "imf_dots",
        }

    rows = [
        # AZE's own records (complete: it has partners beyond the mirror set)
        row("AZE", "ITA", "exports", 10.0),
        row("AZE", "TUR", "exports", 5.0),
        row("AZE", "RUS", "exports", 0.0),
        row("AZE", "TUR", "imports", 4.0),
        row("AZE", "RUS", "imports", 6.0),
        row("AZE", "WLD", "exports", 15.0),
        row("AZE", "WLD", "imports", 10.0),
        # TUR appears only with the mirror set (AZE and WLD): not complete
        row("TUR", "AZE", "exports", 3.0),
        row("TUR", "WLD", "exports", 100.0),
        # the IMF World reporter's partners name the mirror set
        row("WLD", "AZE", "imports", 5.0),
        row("WLD", "TUR", "imports", 50.0),
        row("WLD", "WLD", "imports", 1000.0),
    ]
    return pd.DataFrame(rows)


def test_trade_complete_reporters(small_trade):
    assert R.trade_complete_reporters(small_trade) == {"AZE"}


def test_trade_ranks_by_hand(small_trade):
    # AZE 2020, exports plus imports: ITA 10, TUR 9, RUS 6 -> TUR 2nd of 3. Exports: ITA 10, TUR 5 (RUS 0 not ranked)
    # -> TUR 2nd of 2. Imports: RUS 6, TUR 4 -> TUR 2nd of 2. WLD is never ranked.
    out = R.trade_ranks(small_trade, "AZE", "TUR", [2020], complete={"AZE"})
    aze = out[out["reporter"] == "AZE"].set_index("flow")
    assert (
        aze.loc["total", "rank"] == 2 and aze.loc["total", "n_ranked"] == 3 and aze.loc["total", "value_usd_m"] == 9.0
    )
    assert (aze.loc["exports", "rank"], aze.loc["exports", "n_ranked"]) == (2, 2)
    assert (aze.loc["imports", "rank"], aze.loc["imports", "n_ranked"]) == (2, 2)
    assert (out[out["reporter"] == "TUR"]["status"] == R.NOT_COVERED).all()
    ranked = R.trade_ranked(small_trade, "AZE", [2020])
    assert not ranked.loc[ranked["partner"] == "WLD", "ranked"].any()
    assert R.trade_sentence(out, "AZE", "TUR") == (
        "In Azerbaijan's own records for 2020, Türkiye ranks 2nd of 3 partners with recorded trade by exports plus imports "
        "(US$9.0 million), 2nd of 2 by Azerbaijan's exports and 2nd of 2 by its imports."
    )
    assert R.trade_sentence(out, "TUR", "AZE").startswith("Trade ranks are not covered for Türkiye")


def test_trade_sentence_partner_without_trade(small_trade):
    out = R.trade_ranks(small_trade, "AZE", "GEO", [2020], complete={"AZE"})
    assert (
        R.trade_sentence(out, "AZE", "GEO")
        == "In Azerbaijan's own records for 2020, Georgia is not among the 3 partners with recorded trade."
    )


# ---------------------------------------------------------------------------------------------
# Arms and posts
# ---------------------------------------------------------------------------------------------


def _deal(deal, year, sup, rec, tiv, sup_name=None):
    return {
        "deal_id": deal,
        "delivery_year": year,
        "supplier_iso3": sup,
        "recipient_iso3": rec,
        "supplier": sup_name or sup,
        "recipient": rec,
        "tiv_m": tiv,
    }


@pytest.fixture()
def small_transfers():
    df = pd.DataFrame(
        [
            _deal(1, 2000, "TUR", "AZE", 3.4),
            _deal(3, 2000, "RUS", "AZE", 10.0),
            _deal(2, 2011, "TUR", "AZE", 5.0),
            _deal(3, 2011, "RUS", "AZE", 5.0),
            _deal(4, 2011, None, "AZE", 7.0, "unknown supplier(s)"),
            _deal(5, 2011, "TUR", "PAK", 8.0),
        ]
    )
    df["supplier_iso3"] = df["supplier_iso3"].astype("string")
    return df


def test_arms_ranks_by_hand(small_transfers):
    # AZE's suppliers 2000-2004: RUS 10, TUR 3.4 -> TUR 2nd of 2. 2010-2014: TUR 5 = RUS 5 -> joint 1st of 2; the unknown
    # supplier's 7 is shown, not ranked. TUR's recipients 2010-2014: PAK 8, AZE 5 -> AZE 2nd of 2.
    spans = [(2000, 2004), (2010, 2014)]
    out = R.arms_ranks(small_transfers, "AZE", "TUR", spans, complete=("AZE", "TUR"))
    imp = out[(out["country"] == "AZE") & (out["side"] == "imports")].set_index("period")
    assert (imp.loc["2000–2004", "rank"], imp.loc["2000–2004", "n_ranked"]) == (2, 2)
    assert (imp.loc["2010–2014", "rank"], imp.loc["2010–2014", "n_tied"], imp.loc["2010–2014", "n_ranked"]) == (1, 2, 2)
    exp = out[(out["country"] == "TUR") & (out["side"] == "exports")].set_index("period")
    assert (exp.loc["2010–2014", "rank"], exp.loc["2010–2014", "n_ranked"]) == (2, 2)
    # 2000-2004: Azerbaijan is Türkiye's only recipient (3.4) -> 1st of 1.
    assert (exp.loc["2000–2004", "rank"], exp.loc["2000–2004", "n_ranked"]) == (1, 1)
    assert R.arms_sentence(out, "TUR", "AZE", "exports", "2000–2004") == (
        "In 2000–2004, Azerbaijan ranks 1st, the only recipient of Türkiye's arms exports by SIPRI trend-indicator value (100.0% of the total)."
    )
    # 2000-2004, Pakistan among Türkiye's recipients: absent (delivered nothing), with the denominator stated.
    pak = R.arms_ranks(small_transfers, "PAK", "TUR", spans, complete=("TUR",))
    assert R.arms_sentence(pak, "TUR", "PAK", "exports", "2000–2004") == (
        "Pakistan received none of Türkiye's arms exports recorded in 2000–2004, which went to 1 recipient."
    )
    top = R.arms_top(small_transfers, "AZE", "TUR", "imports", (2010, 2014))
    assert list(top["partner"]) == ["RUS", "TUR", "unknown supplier(s)"] and not top["ranked"].iloc[-1]
    assert R.arms_sentence(out, "AZE", "TUR", "imports", "2010–2014") == (
        "In 2010–2014, Türkiye ranks joint 1st (with 1 other) of 2 suppliers of Azerbaijan's arms imports by SIPRI trend-indicator "
        "value (29.4% of the total)."
    )
    not_cov = R.arms_ranks(small_transfers, "GEO", "TUR", spans, complete=("AZE", "TUR"))
    assert R.arms_sentence(not_cov, "GEO", "TUR", "imports", "2010–2014").startswith("Not covered")


def test_posts_ranks_by_hand(monkeypatch):
    monkeypatch.setattr(ranks_posts, "MIN_EDITION_ROWS", 1)
    # 2023, host AZE: TUR 3 posts, RUS 2, USA 2, EU delegation (not a state, code 'EU') 1 -> TUR 1st of 3, RUS/USA joint 2nd.
    posts = pd.DataFrame(
        {
            "edition_year": 2023,
            "sender_iso3": ["TUR"] * 3 + ["RUS"] * 2 + ["USA"] * 2 + ["EU"],
            "host_iso3": "AZE",
            "host_city": "Baku",
        }
    )
    out = R.posts_ranks(posts, "AZE", "TUR", full_hosts=("AZE",))
    r = out[(out["host"] == "AZE")].iloc[0]
    assert (r["rank"], r["n_ranked"], r["n_posts"]) == (1, 3, 3)
    assert (
        R.posts_sentence(out, "AZE", "TUR")
        == "In the 2023 edition, Türkiye's 3 posts in Azerbaijan rank 1st of 3 index states with a post there."
    )
    assert R.posts_sentence(out, "TUR", "AZE").startswith("Not covered")
    rus = R.posts_ranks(posts, "AZE", "RUS", full_hosts=("AZE",))
    assert R.posts_sentence(rus, "AZE", "RUS").endswith(
        "rank joint 2nd (with 1 other) of 3 index states with a post there."
    )


# ---------------------------------------------------------------------------------------------
# The processed tables: text on several pairs, overview, claims
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dots():
    return load("trade_bilateral")


@pytest.fixture(scope="module")
def transfers():
    return load("arms_transfers")


@pytest.mark.parametrize("a, b", [("AZE", "TUR"), ("TUR", "AZE"), ("ARM", "RUS"), ("GEO", "TUR"), ("KAZ", "TUR")])
def test_trade_text_on_several_pairs(dots, a, b):
    out = R.trade_ranks(dots, a, b, range(1992, 2021), R.trade_complete_reporters(dots))
    text = R.trade_sentence(out, a, b)
    if a == "KAZ":
        assert text.startswith("Trade ranks are not covered for Kazakhstan")
    else:
        assert re.match(
            r"^In .+'s own records for 2020, .+ ranks (joint )?\d+(st|nd|rd|th) .*of \d+ partners with recorded trade",
            text,
        ), text


@pytest.mark.parametrize("a, b, covered", [("AZE", "TUR", True), ("ARM", "RUS", True), ("GEO", "TUR", False)])
def test_arms_text_on_several_pairs(transfers, a, b, covered):
    out = R.arms_ranks(transfers, a, b, [(1995, 2024)], ("AZE", "TUR", "ARM"))
    text = R.arms_sentence(out, a, b, "imports", "1995–2024")
    assert text.startswith("In 1995–2024") if covered else text.startswith("Not covered")


def test_overview_rows_say_not_covered_for_a_pair_the_data_cannot_rank(dots, transfers):
    a, b = "KAZ", "UZB"
    rows = R.overview_rows(
        a,
        b,
        None,
        R.trade_ranks(dots, a, b, [2020], R.trade_complete_reporters(dots)),
        R.arms_ranks(transfers, a, b, [(1995, 2024)], ("AZE", "TUR", "ARM")),
        None,
    )
    assert (rows["rank_text"] == R.NOT_COVERED).all()
    assert R.overview_sentence(rows, a, b) == (
        "The data rank Uzbekistan among all of Kazakhstan's partners in no dimension. Not covered by the data for Uzbekistan's place "
        "among Kazakhstan's partners: UN votes, trade, arms transfers, diplomatic posts and gas."
    )


def test_overview_rows_default_pair(dots, transfers):
    tr = R.trade_ranks(dots, "AZE", "TUR", [2019, 2020], R.trade_complete_reporters(dots))
    ar = R.arms_ranks(transfers, "AZE", "TUR", [(1995, 2024)], ("AZE", "TUR", "ARM"))
    rows = R.overview_rows("AZE", "TUR", None, tr, ar, None).set_index(["country", "dimension", "measure"])
    trade_row = rows.loc[("AZE", "Trade", "exports plus imports, Azerbaijan's records")]
    assert trade_row["when"] == "2020" and trade_row["rank_text"] == "2nd of 167"
    # Türkiye's suppliers 1995-2024 (17 with recorded deliveries) do not include Azerbaijan.
    assert R.overview_sentence(R.overview_rows("AZE", "TUR", None, tr, ar, None), "TUR", "AZE") == (
        "Among all of Türkiye's partners, Azerbaijan ranks 33rd of 207 trading partners in Türkiye's records (2020). It is not among "
        "Türkiye's 17 arms suppliers (1995–2024). Not covered by the data for Azerbaijan's place among Türkiye's partners: UN votes, "
        "diplomatic posts and gas."
    )
    table = R.overview_table(R.overview_rows("AZE", "TUR", None, tr, ar, None))
    assert {"Rank", "Number ranked", "Year or period"} <= set(table.columns)


def test_index_pairs_note():
    assert R.index_pairs_note(["AZE–TUR", "AZE–RUS"], ["AZE–TUR"]) == (
        "The relationship index ranks only the 2 pairs chosen for it (AZE–TUR and AZE–RUS), not all partners: its rank is a "
        "rank among those pairs, of which 1 pair has a score."
    )


def test_closeness_claims_are_selected_from_the_claims_table():
    claims = load("claims")
    picked = R.closeness_claims(claims)
    assert {"C012", "C081"} <= set(picked["claim_id"])
    assert (picked["check_key"] == "unga_agreement_rank").all()


# ---------------------------------------------------------------------------------------------
# Against the raw files, computed here with pandas
# ---------------------------------------------------------------------------------------------

_DOTS_FILE = "imf_dots/imf_dots_bilateral_az_tr_comparators_1990_2020.csv"
#: IMF aggregates read off the raw partner list by eye (regions, groups, residuals, the world).
_AGGREGATE = re.compile(
    r"^(World|Africa|Advanced Economies|Euro Area|European Union|Middle East|Middle East and Central Asia|Sub-Saharan Africa|Western Hemisphere"
    r"|Emerging.*|.*not specified|Other Countries not included elsewhere|Special Categories|Belgium-Luxembourg|South African Common Customs Area.*)$"
)


def _raw_partner_totals(raw, reporter_iso3: str, year: int) -> pd.Series:
    d = pd.read_csv(raw / _DOTS_FILE, keep_default_na=False, dtype={"value_usd_millions": float})
    d = d[(d["reporter_iso3"] == reporter_iso3) & (d["year"] == year)].drop_duplicates()
    d = d[~d["partner"].str.match(_AGGREGATE)]
    total = d.groupby("partner")["value_usd_millions"].sum()
    return total[total > 0].sort_values(ascending=False)


@pytest.mark.raw
@pytest.mark.parametrize(
    "reporter, partner_name, partner",
    [("AZE", "Turkey", "TUR"), ("TUR", "Azerbaijan, Rep. of", "AZE"), ("GEO", "Turkey", "TUR")],
)
def test_trade_rank_matches_the_raw_file(raw, dots, reporter, partner_name, partner):
    total = _raw_partner_totals(raw, reporter, 2020)
    expected_rank = 1 + int((total > total[partner_name]).sum())
    out = R.trade_ranks(dots, reporter, partner, [2020], {reporter})
    got = out[(out["reporter"] == reporter) & (out["flow"] == "total")].iloc[0]
    assert (got["rank"], got["n_ranked"]) == (expected_rank, len(total))
    assert got["value_usd_m"] == pytest.approx(total[partner_name])


@pytest.mark.raw
def test_azerbaijan_2020_leader_is_italy_in_the_raw_file(raw, dots):
    # The example: by Azerbaijan's own records for 2020 another partner (Italy) was larger than Türkiye.
    total = _raw_partner_totals(raw, "AZE", 2020)
    assert total.index[0] == "Italy"
    top = R.trade_top(dots, "AZE", "TUR", 2020)
    assert top["partner"].iloc[0] == "ITA" and int(top.loc[top["partner"] == "TUR", "rank"].iloc[0]) == 2


@pytest.mark.raw
@pytest.mark.parametrize(
    "country, side, partner_name, partner, lo, hi",
    [
        ("AZE", "imports", "Turkiye", "TUR", 1995, 2024),
        ("TUR", "exports", "Azerbaijan", "AZE", 2020, 2024),
        ("ARM", "imports", "Russia", "RUS", 1995, 2024),
    ],
)
def test_arms_rank_matches_the_raw_register(raw, transfers, country, side, partner_name, partner, lo, hi):
    reg = pd.read_csv(raw / "sipri_arms_transfers/sipri_trade_register_deliveries_AZE_TUR_ARM_1995_2024.csv")
    names = {"AZE": "Azerbaijan", "TUR": "Turkiye", "ARM": "Armenia"}
    own, other = ("Recipient", "Supplier") if side == "imports" else ("Supplier", "Recipient")
    d = reg[(reg[own] == names[country]) & reg["Delivery year"].between(lo, hi)]
    tiv = d.groupby(other)["TIV delivery values"].sum()
    tiv = tiv[(tiv > 0) & ~tiv.index.str.contains("unknown", case=False)]
    expected = 1 + int((tiv > tiv[partner_name]).sum())
    out = R.arms_ranks(transfers, country, partner, [(lo, hi)], ("AZE", "TUR", "ARM"))
    got = out[(out["country"] == country) & (out["side"] == side)].iloc[0]
    assert (got["rank"], got["n_ranked"]) == (expected, len(tiv))
    assert got["tiv_m"] == pytest.approx(tiv[partner_name])


def test_un_ranks_match_a_direct_computation_on_the_vote_table():
    # Kappa of Türkiye with every state over 2015-2019, computed here pair by pair with measures.cohens_kappa on
    # the aligned roll calls (no matrix products); Azerbaijan's rank among the states passing the same rule.
    from bilateral.measures import agreement_share, cohens_kappa

    votes = load("unga_votes")
    v = votes[votes["year"].between(2015, 2019)].pivot(index="vote_id", columns="iso3", values="vote")
    tur = v["TUR"]
    values, n_common = {}, {}
    for s in v.columns.drop("TUR"):
        both = tur.isin(["yes", "no", "abstain"]) & v[s].isin(["yes", "no", "abstain"])
        n_common[s] = int(both.sum())
        if n_common[s]:
            values[s] = (agreement_share(tur, v[s]), cohens_kappa(tur, v[s]))
    most = max(n_common.values())
    eligible = {s: x for s, x in values.items() if n_common[s] >= max(R.MIN_COMMON_VOTES, R.MIN_PRESENCE * most)}
    kappa = pd.Series({s: x[1] for s, x in eligible.items()}).dropna()
    expected = 1 + int((kappa.round(12) > round(kappa["AZE"], 12)).sum())
    out = R.un_ranks(R.un_scores(votes, ["TUR", "AZE"], [(2015, 2019)]), "TUR", "AZE")
    got = out[(out["anchor"] == "TUR") & (out["measure"] == "kappa")].iloc[0]
    assert (got["rank"], got["n_ranked"]) == (expected, len(kappa))
    assert got["value"] == pytest.approx(kappa["AZE"])
    assert np.isfinite(got["percentile"])


def test_closeness_reading_by_hand():
    first = {"status": "ranked", "rank": 1, "n_ranked": 50, "n_tied": 1}
    third = {"status": "ranked", "rank": 3, "n_ranked": 50, "n_tied": 1}
    second = {"status": "ranked", "rank": 2, "n_ranked": 50, "n_tied": 1}
    assert R.closeness_reading("TUR", "AZE", first, first, ["UZB"]) == (
        "Azerbaijan is the closest of all 50 states ranked to Türkiye by both measures, not only among the states the check names."
    )
    # rank 2 by share (1 state above, singular verb), rank 3 by kappa (2 above).
    assert R.closeness_reading("TUR", "AZE", second, third, ["UZB", "TKM"]) == (
        "1 state votes more alike with Türkiye than Azerbaijan by agreement share and 2 by kappa, of 50 ranked: the claim can hold "
        "only within the 2 states the check names, not among all states."
    )


def test_claims_against_all_uses_the_all_state_ranks():
    claims = load("claims")
    votes = load("unga_votes")
    out = R.claims_against_all(claims[claims["claim_id"] == "C012"], votes).iloc[0]
    # The same rank from un_ranks over the claim's years (1992-2024), Azerbaijan among Türkiye's partners.
    ur = R.un_ranks(R.un_scores(votes, ["TUR", "AZE"], [(1992, 2024)]), "TUR", "AZE").set_index(["anchor", "measure"])
    assert out["rank_share"] == ur.loc[("TUR", "agreement_share"), "rank"]
    assert out["rank_kappa"] == ur.loc[("TUR", "kappa"), "rank"]
    assert out["verdict_if_all_states"] == (
        "supported"
        if out["rank_share"] == out["rank_kappa"] == 1
        else "partly supported"
        if 1 in (out["rank_share"], out["rank_kappa"])
        else "contradicted"
    )


def test_top_chart_labels_and_alt_text():
    # values 9, 8, 8, 2, 1 with the partner IRN 5th: labels best first, the tie stated, D after a gap; alt text lists the same.
    f = pd.DataFrame({"partner": ["AZE", "TUR", "RUS", "GEO", "IRN"], "value_usd_m": [9.0, 8.0, 8.0, 2.0, 1.0]})
    top = R.top_n(R.rank_table(f, value="value_usd_m"), 2, keep="IRN")
    fig = R.plot_top(top, "value_usd_m", "US$ million")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # ties are listed by code (RUS before TUR)
    assert labels == ["1st  Azerbaijan", "joint 2nd  Russia", "joint 2nd  Türkiye", "5th  Iran"]
    ys = list(ax.get_yticks())
    assert ys[2] - ys[3] > 1.5  # the gap before the partner ranked below the top
    alt = R.top_alt(top, "value_usd_m", lambda v: f"{v:g}", "largest partners")
    assert (
        alt
        == "Horizontal bar chart of largest partners. 1st Azerbaijan (9); joint 2nd Russia (8); joint 2nd Türkiye (8); 5th Iran (1)."
    )


# ---------------------------------------------------------------------------------------------
# The reports, executed for pairs other than the default
# ---------------------------------------------------------------------------------------------


@pytest.mark.notebook
def test_overview_notebook_ranks_for_armenia_russia(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(
        execute_notebook(
            "overview",
            tmp_path,
            country_a="ARM",
            country_b="RUS",
            comparators=["AZE", "GEO"],
            comparison_pairs=["ARM-GEO", "AZE-RUS"],
            n_draws=200,
        )
    )
    assert "Rank among all partners" in text
    assert (
        "Among all of Armenia&#x27;s partners, Russia ranks" in text
        or "Among all of Armenia's partners, Russia ranks" in text
    )
    assert "not covered" in text  # Russia's own arms exports and posts are not fully in the data
    assert "The relationship index ranks only the 3 pairs chosen for it (ARM–RUS, ARM–GEO and AZE–RUS)" in text
    # no rank among hand-picked comparators in the headline table or the key findings
    assert not re.search(r"rank \d+ of \d+ (pairs of .{0,30}with the comparators|\(with the comparators\))", text)
    assert "pairs with Russia and the comparators" not in text


@pytest.mark.notebook
def test_trade_notebook_ranks_for_a_reporter_without_all_partners(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(
        execute_notebook(
            "trade", tmp_path, country_a="KAZ", country_b="TUR", comparators=["RUS", "CHN"], comparators_b=["GEO"]
        )
    )
    assert "Trade ranks are not covered for Kazakhstan" in text
    assert re.search(
        r"In Türkiye(&#x27;|')s own records for 2020, Kazakhstan ranks \d+(st|nd|rd|th) of \d+ partners", text
    )


@pytest.mark.notebook
def test_diplomatic_notebook_ranks_for_georgia_turkiye(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(
        execute_notebook(
            "diplomatic", tmp_path, country_a="GEO", country_b="TUR", comparators=["AZE", "ARM"], start_year=2000
        )
    )
    assert "Among all member states" in text
    assert re.search(r"Among the \d+ states with enough common recorded votes with Georgia in 2000–2025", text)
    assert "Türkiye&#x27;s 2 posts in Georgia rank" in text or "Türkiye's 2 posts in Georgia rank" in text


@pytest.mark.parametrize(
    "r, empty, text",
    [
        ({"status": "ranked", "rank": 2, "n_tied": 2, "n_ranked": 167}, "–", "joint 2nd of 167"),
        ({"status": R.NOT_COVERED, "n_ranked": 0}, "–", "not covered"),
        ({"status": "not a sender", "n_ranked": 56}, "–", "not covered"),
        ({"status": "empty", "n_ranked": 0}, "none recorded", "none recorded"),
        ({"status": "absent", "n_ranked": 17}, "–", "not among the 17"),
    ],
)
def test_status_cell(r, empty, text):
    assert R.status_cell(r, empty) == text


def test_un_spans_whole_period_then_five_year_periods():
    assert R.un_spans(1992, 2005, 5) == [(1992, 2005), (1992, 1996), (1997, 2001), (2002, 2005)]
    assert R.un_spans(2020, 2022, 5) == [(2020, 2022)]  # one period only: no repetition


def test_overview_rows_rank_the_gas_supplier_only_for_the_buyer():
    # Türkiye buys; Azerbaijan 2nd of 3 pipeline suppliers in 2024, no tie. The entry routes say nothing about
    # Azerbaijan's other buyers, so Türkiye's place among them is not covered.
    gas = {
        "kind": "tr_imports",
        "supplier": "AZE",
        "label": "Azerbaijan",
        "latest_year": 2024,
        "rank": 2,
        "n_ranked": 3,
        "tied_with": [],
    }
    rows = R.overview_rows("AZE", "TUR", None, None, None, None, gas=gas)
    g = rows[rows["dimension"] == "Gas"].set_index("country")
    assert (
        g.loc["TUR", "rank_text"] == "2nd of 3"
        and g.loc["TUR", "when"] == "2024"
        and g.loc["TUR", "status"] == "ranked"
    )
    assert g.loc["AZE", "status"] == R.NOT_COVERED
    text = R.overview_sentence(rows, "TUR", "AZE")
    assert "2nd of 3 pipeline suppliers of the gas entering Türkiye (2024)" in text
    # a tie of two is stated; a pair without the buyer, or without a gas summary, is not covered
    tied = R.overview_rows(
        "AZE", "TUR", None, None, None, None, gas={**gas, "rank": 1, "n_ranked": 3, "tied_with": ["RUS"]}
    )
    assert tied[(tied["dimension"] == "Gas") & (tied["country"] == "TUR")]["rank_text"].iloc[0].startswith("joint 1st")
    for other in (None, {**gas, "supplier": "IRN"}):
        r = R.overview_rows("AZE", "TUR", None, None, None, None, gas=other)
        assert set(r.loc[r["dimension"] == "Gas", "status"]) == {R.NOT_COVERED}
