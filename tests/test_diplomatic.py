"""Tests of the bilateral.diplomatic package (small frames worked out by hand) and of the diplomatic notebook."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from bilateral import periods
from bilateral.diplomatic import compare as dip_compare
from bilateral.diplomatic import compute as dip
from bilateral.diplomatic import plots as dip_plots
from bilateral.diplomatic import tables as dip_tables
from bilateral.diplomatic import text as dip_text
from bilateral.diplomatic import ties as dip_ties
from bilateral.errors import ParameterError

# ---------------------------------------------------------------------------------------------
# Small frames
# ---------------------------------------------------------------------------------------------


def _votes(rows):
    """rows: (vote_id, year, iso3, vote) -> a frame shaped like unga_votes."""
    df = pd.DataFrame(rows, columns=["vote_id", "year", "iso3", "vote"])
    df["date"] = df["year"].astype(str) + "-12-01"
    return df


# Four roll calls in 2000: X yes, yes, no, absent; Y yes, no, no, yes.
# Common votes: the first three; same: 1st and 3rd -> agreement 2/3.
# On the common votes X: 2 yes, 1 no; Y: 1 yes, 2 no -> p_e = (2/3)(1/3) + (1/3)(2/3) = 4/9,
# kappa = (6/9 - 4/9) / (1 - 4/9) = (2/9) / (5/9) = 0.4.
XY_2000 = [
    ("r1", 2000, "XXX", "yes"), ("r1", 2000, "YYY", "yes"),
    ("r2", 2000, "XXX", "yes"), ("r2", 2000, "YYY", "no"),
    ("r3", 2000, "XXX", "no"), ("r3", 2000, "YYY", "no"),
    ("r4", 2000, "XXX", "absent"), ("r4", 2000, "YYY", "yes"),
]  # fmt: skip
# Two roll calls in 2001, both yes-yes: agreement 1, kappa undefined (p_e = 1).
XY_2001 = [
    ("r5", 2001, "XXX", "yes"),
    ("r5", 2001, "YYY", "yes"),
    ("r6", 2001, "XXX", "yes"),
    ("r6", 2001, "YYY", "yes"),
]


def _agreement_table():
    """A stored pair AZE-TUR (alphabetical order in the table) for 2000."""
    return pd.DataFrame(
        {
            "year": [2000],
            "iso3_a": ["AZE"],
            "iso3_b": ["TUR"],
            "n_votes": [10],
            "n_same": [7],
            "agreement_share": [0.7],
            "kappa": [0.25],
            "source": ["voeten"],
        }
    )


def test_yearly_agreement_reads_stored_pairs_and_computes_the_others():
    votes = _votes(XY_2000 + XY_2001)
    out = dip.yearly_agreement(_agreement_table(), votes, [("TUR", "AZE"), ("XXX", "YYY")], range(2000, 2002))
    stored = out[out["pair"] == "TUR–AZE"]
    # Read from the table as is, oriented as asked (TUR first).
    assert stored[["year", "anchor", "partner", "n_votes", "n_same"]].values.tolist() == [[2000, "TUR", "AZE", 10, 7]]
    computed = out[out["pair"] == "XXX–YYY"].set_index("year")
    assert computed.loc[2000, "n_votes"] == 3 and computed.loc[2000, "n_same"] == 2
    assert computed.loc[2000, "agreement_share"] == pytest.approx(2 / 3)
    assert computed.loc[2000, "kappa"] == pytest.approx(0.4)
    assert computed.loc[2001, "agreement_share"] == 1.0 and np.isnan(computed.loc[2001, "kappa"])


def test_yearly_agreement_respects_years():
    out = dip.yearly_agreement(_agreement_table(), _votes(XY_2000 + XY_2001), [("XXX", "YYY")], [2001])
    assert out["year"].tolist() == [2001]


def test_pooled_agreement_pools_votes_not_years():
    # 2000 and 2001 pooled: 5 common votes, 4 the same -> 0.8 (the mean of yearly shares would be (2/3 + 1) / 2).
    # Pooled: X yes 4, no 1; Y yes 3, no 2 -> p_e = (4/5)(3/5) + (1/5)(2/5) = 14/25; kappa = (20/25 - 14/25) / (11/25) = 6/11.
    out = dip.pooled_agreement(_votes(XY_2000 + XY_2001), [("YYY", "XXX"), ("XXX", "ZZZ")], range(2000, 2002))
    first = out.iloc[0]
    assert (first["pair"], first["n_votes"], first["n_same"]) == ("YYY–XXX", 5, 4)
    assert first["agreement_share"] == pytest.approx(0.8)
    assert first["kappa"] == pytest.approx(6 / 11)
    # A pair with no common vote is kept, with zero votes and NaN measures.
    assert out.iloc[1]["n_votes"] == 0 and np.isnan(out.iloc[1]["agreement_share"])


def test_periodic_agreement_labels_spans():
    spans = periods.spans(2000, 2001, 1)
    out = dip.periodic_agreement(_votes(XY_2000 + XY_2001), [("XXX", "YYY")], spans)
    assert out["period"].tolist() == ["2000", "2001"]
    assert out[["start", "end", "mid"]].values.tolist() == [[2000, 2000, 2000.0], [2001, 2001, 2001.0]]
    # two years pooled in one period: the 2000-2001 pooled values (5 votes, 0.8; see the pooled test)
    both = dip.periodic_agreement(_votes(XY_2000 + XY_2001), [("XXX", "YYY")], [(2000, 2001)]).iloc[0]
    assert (both["period"], both["n_votes"], both["mid"]) == ("2000–2001", 5, 2000.5)
    assert both["agreement_share"] == pytest.approx(0.8)
    assert out["agreement_share"].tolist() == pytest.approx([2 / 3, 1.0])


def test_periods_recent_and_early_years():
    assert periods.spans(1992, 2025, 5)[-1] == (2022, 2025)
    assert len(periods.spans(1992, 2025, 5)) == 7  # 34 years: six spans of 5 and one of 4
    assert list(dip.recent_years(range(1992, 2026), 5)) == [2021, 2022, 2023, 2024, 2025]
    assert list(dip.early_years(range(1992, 2026), 5)) == [1992, 1993, 1994, 1995, 1996]
    assert list(dip.recent_years(range(2020, 2023), 5)) == [2020, 2021, 2022]
    with pytest.raises(ValueError):
        periods.spans(2000, 2004, 0)


def test_check_extras():
    dip.check_extras({"recent_years": 5, "period_years": 5, "n_latest": 15})
    with pytest.raises(ParameterError, match="n_latest"):
        dip.check_extras({"n_latest": 0})
    with pytest.raises(ParameterError, match="period_years"):
        dip.check_extras({"period_years": 50})


def test_participation_counts_cast_and_absent():
    out = dip.participation(_votes(XY_2000 + XY_2001), ["XXX", "YYY"], range(2000, 2002)).set_index("year")
    # 2000: four roll calls; X cast 3 and missed 1; Y cast 4.
    assert out.loc[2000].to_dict() == {
        "n_rollcalls": 4,
        "cast_XXX": 3,
        "absent_XXX": 1,
        "cast_YYY": 4,
        "absent_YYY": 0,
        "n_took_part": 4,
    }
    assert out.loc[2001, "n_rollcalls"] == 2


def test_participation_leaves_out_votes_both_missed():
    # r7: both absent -> a recorded vote held, but not one in which either took part.
    both_absent = [("r7", 2001, "XXX", "absent"), ("r7", 2001, "YYY", "absent")]
    out = dip.participation(_votes(XY_2001 + both_absent), ["XXX", "YYY"], [2001]).set_index("year")
    assert (out.loc[2001, "n_rollcalls"], out.loc[2001, "n_took_part"]) == (3, 2)


def test_participation_2025_audit():
    # Audit: ga_recorded_votes_long_s74_s80.csv.gz, dates 2025: 184 symbols; AZE and TUR both 'X' (absent) on
    # A/RES/80/6 and A/RES/80/222 (counted with the csv module, not the project's code), so 182.
    from bilateral.data import load

    part = dip.participation(load("unga_votes"), ["AZE", "TUR"], [2025]).set_index("year")
    assert (part.loc[2025, "n_rollcalls"], part.loc[2025, "n_took_part"]) == (184, 182)


def test_source_switch():
    res = pd.DataFrame(
        {
            "vote_id": ["a", "b", "c"],
            "date": ["2018-12-22", "2019-11-07", "2020-01-02"],
            "source": ["voeten", "un_dgacm", "un_dgacm"],
        }
    )
    s = dip.source_switch(res)
    assert (s["last_voeten"], s["first_un"], s["year"], s["n_voeten"], s["n_un"]) == (
        "2018-12-22",
        "2019-11-07",
        2019,
        1,
        2,
    )
    # 7 November is day 311: 2019 + 310 / 365.25
    assert s["x"] == pytest.approx(2019 + 310 / 365.25)
    assert dip.source_switch(res[res["source"] == "voeten"]) == {}
    # Voeten's last vote in 2018, UN records from 2019: on a yearly axis the line goes between the 2018 and 2019
    # points (2018.5), so the 2019 point, computed from UN records only, sits on the UN side (it used to be drawn
    # at 2019.85, to the right of the 2019 point).
    assert s["boundary"] == 2018.5


def test_switch_boundary():
    assert dip.switch_boundary(2018, 2019) == 2018.5
    # A year holding votes of both sources: the line goes through that year's point.
    assert dip.switch_boundary(2019, 2019) == 2019.0


def _ideal():
    return pd.DataFrame(
        {
            "iso3": ["AAA", "AAA", "AAA", "BBB", "BBB", "CCC"],
            "year": [2000, 2001, 2002, 2000, 2001, 2000],
            "ideal_point": [1.0, 0.5, 0.0, -0.5, 1.5, 0.0],
            "ideal_point_q5": [0.8, 0.3, -0.2, -0.7, 1.3, -0.2],
            "ideal_point_q95": [1.2, 0.7, 0.2, -0.3, 1.7, 0.2],
            "n_votes": [80, 80, 80, 80, 5, 80],
            "few_votes": [False, False, False, False, True, False],
        }
    )


def test_ideal_distance_and_reliability():
    d = dip_compare.ideal_distance(_ideal(), "AAA", "BBB", range(2000, 2003))
    # Both have estimates in 2000 and 2001 only; |1.0 - (-0.5)| = 1.5 and |0.5 - 1.5| = 1.0.
    assert d["year"].tolist() == [2000, 2001]
    assert d["distance"].tolist() == pytest.approx([1.5, 1.0])
    assert d["reliable"].tolist() == [True, False]
    assert d["few_a"].tolist() == [False, False] and d["few_b"].tolist() == [False, True]
    # The mean distance uses the reliable year only.
    assert dip_compare.mean_distance(_ideal(), "AAA", "BBB", range(2000, 2003)) == (pytest.approx(1.5), 1)
    assert dip_compare.unreliable_ideal_points(_ideal(), ["AAA", "BBB"], range(2000, 2003)).values.tolist() == [
        ["BBB", 2001, 5]
    ]


def _comparator_frame():
    # Pair AAA-BBB kappa 0.3; AAA with C1 0.5 and C2 0.1; BBB with C1 0.2 and C2 NaN.
    return pd.DataFrame(
        {
            "anchor": ["AAA", "AAA", "AAA", "BBB", "BBB"],
            "partner": ["BBB", "CC1", "CC2", "CC1", "CC2"],
            "kappa": [0.3, 0.5, 0.1, 0.2, np.nan],
        }
    )


def test_rank_and_above_pair():
    t = _comparator_frame()
    # For AAA: values 0.3 (pair), 0.5, 0.1 -> the pair ranks 2nd of 3; only CC1 is above.
    assert dip_compare.rank_of_pair(t, "kappa", "AAA") == (2, 3)
    assert dip_compare.above_pair(t, "kappa", "AAA") == ["CC1"]
    # For BBB: 0.3 (pair) and 0.2 (CC2 is NaN, left out) -> 1st of 2; no one above.
    assert dip_compare.rank_of_pair(t, "kappa", "BBB") == (1, 2)
    assert dip_compare.above_pair(t, "kappa", "BBB") == []


def test_closeness_reads_small_differences_as_ties():
    # The default pair's case, from the raw files: TUR-AZE kappa 0.149, TUR-KAZ 0.151, TUR-GEO 0.530,
    # TUR-USA 0.132. With a 0.01 margin: GEO is closer (+0.381), KAZ tied (+0.002), USA tied (-0.017 is outside
    # the margin, so it is neither closer nor tied). Rank = 1 + one closer comparator = 2 of 4.
    t = pd.DataFrame(
        {
            "anchor": ["TUR", "TUR", "TUR", "TUR"],
            "partner": ["AZE", "KAZ", "GEO", "USA"],
            "kappa": [0.149, 0.151, 0.530, 0.132],
            "distance": [0.78, 0.66, 0.28, 2.03],
        }
    )
    k = dip_compare.closeness(t, "kappa", "TUR")
    assert (k["rank"], k["n"], k["closer"], k["tied"]) == (2, 4, ["GEO"], ["KAZ"])
    # Without a margin KAZ counts as closer, as the old key finding had it.
    assert dip_compare.closeness(t, "kappa", "TUR", tol=0.0)["closer"] == ["GEO", "KAZ"]
    # Distances: lower is closer. GEO 0.28 and KAZ 0.66 are below 0.78 -> rank 3 of 4, closest first.
    d = dip_compare.closeness(t, "distance", "TUR", higher_is_closer=False)
    assert (d["rank"], d["closer"], d["tied"]) == (3, ["GEO", "KAZ"], [])
    # A pair without a value has rank 0.
    assert dip_compare.closeness(t.assign(kappa=[np.nan, 0.1, 0.2, 0.3]), "kappa", "TUR")["rank"] == 0


def test_comparator_table_shape_and_values():
    votes = _votes(XY_2000 + XY_2001 + [("r1", 2000, "ZZZ", "no"), ("r5", 2001, "ZZZ", "yes")])
    t = dip_compare.comparator_table(votes, _ideal(), "XXX", "YYY", ["ZZZ"], range(2000, 2002), range(2001, 2002))
    assert t["pair"].tolist() == ["XXX–YYY", "XXX–ZZZ", "YYY–ZZZ"]
    # XXX-ZZZ: r1 (yes/no) differ, r5 (yes/yes) same -> 1/2 over the period; in 2001 only r5 -> 1.
    row = t.set_index("pair").loc["XXX–ZZZ"]
    assert row["n_votes"] == 2 and row["agreement_share"] == pytest.approx(0.5)
    assert row["n_votes_recent"] == 1 and row["agreement_share_recent"] == pytest.approx(1.0)
    assert t["distance_years"].tolist() == [0, 0, 0]  # no ideal points for these codes
    assert t["distance_years_recent"].tolist() == [0, 0, 0] and t["distance_recent"].isna().all()


# ---------------------------------------------------------------------------------------------
# Disagreement
# ---------------------------------------------------------------------------------------------


def _pair_votes():
    """Six roll calls: issue flags and the two votes. Worked out by hand below."""
    flags = {f"issue_{c}": [False] * 6 for c in dip.ISSUE_LABELS}
    flags["issue_nu"] = [True, True, False, False, False, False]
    flags["issue_di"] = [True, False, False, False, False, False]
    flags["issue_hr"] = [False, False, True, True, False, False]
    flags["issue_other"] = [False, False, False, False, True, True]
    return pd.DataFrame(
        {
            "vote_id": ["v1", "v2", "v3", "v4", "v5", "v6"],
            "date": ["2020-12-01", "2020-12-02", "2021-12-01", "2021-12-02", "2021-12-03", "2021-12-04"],
            "year": [2020, 2020, 2021, 2021, 2021, 2021],
            "source": ["un_dgacm"] * 6,
            "resolution": ["A/RES/75/1", "A/RES/75/2", "A/RES/76/1", None, "A/RES/76/3", "A/RES/76/4"],
            "title": [
                "Nuclear disarmament",
                "Nuclear tests",
                "Human rights A",
                "Human rights B",
                "Other",
                "Absent one",
            ],
            "issue_method": ["keyword_rules"] * 6,
            **flags,
            "vote_a": ["yes", "yes", "yes", "no", "yes", "absent"],
            "vote_b": ["no", "yes", "abstain", "yes", "yes", "yes"],
        }
    )


def test_pair_votes_joins_votes_and_metadata():
    votes = _votes([("v1", 2020, "AAA", "yes"), ("v1", 2020, "BBB", "no"), ("v2", 2020, "AAA", "yes")])
    res = _pair_votes().drop(columns=["vote_a", "vote_b"])
    pv = dip_compare.pair_votes(votes, res, "AAA", "BBB", [2020])
    # Only v1 has rows for both states.
    assert pv[["vote_id", "vote_a", "vote_b", "title"]].values.tolist() == [["v1", "yes", "no", "Nuclear disarmament"]]


def test_disagreement_by_issue():
    out = dip_compare.disagreement_by_issue(_pair_votes()).set_index(["issue_method", "issue"])
    kr = out.loc["keyword_rules"]
    # Common votes: v1-v5 (v6 has an absence). Differ: v1, v3, v4.
    # nu: v1 (differ), v2 (same) -> 1/2; di: v1 -> 1/1; hr: v3, v4 -> 2/2; other: v5 -> 0/1 (v6 not common).
    assert (kr.loc["nu", "n_votes"], kr.loc["nu", "n_different"]) == (2, 1)
    assert kr.loc["di", "disagreement_share"] == 1.0
    assert kr.loc["hr", "disagreement_share"] == 1.0
    assert (kr.loc["other", "n_votes"], kr.loc["other", "n_different"]) == (1, 0)
    assert (kr.loc["all", "n_votes"], kr.loc["all", "n_different"]) == (5, 3)
    assert np.isnan(kr.loc["me", "disagreement_share"])  # no vote in the area
    assert out.loc["voeten_codes"].loc["all", "n_votes"] == 0


def test_disagreement_kinds():
    out = dip_compare.disagreement_kinds(_pair_votes(), "AAA", "BBB")
    # Splits: v1 yes/no, v3 yes/abstain, v4 no/yes: one each, a third each, sorted by kind on ties.
    assert out["kind"].tolist() == ["AAA no, BBB yes", "AAA yes, BBB abstain", "AAA yes, BBB no"]
    assert out["share"].tolist() == pytest.approx([1 / 3] * 3)


def test_latest_disagreements_newest_first_and_limited():
    out = dip_tables.latest_disagreements(_pair_votes(), "AZE", "TUR", 2)
    # Differing common votes by date: v4 (2021-12-02), v3 (2021-12-01), v1 (2020-12-01); the two newest kept.
    assert out["Date"].tolist() == ["2 Dec 2021", "1 Dec 2021"]
    # v4 has no resolution symbol: its vote id stands in.
    assert out["Resolution"].tolist() == ["v4", "A/RES/76/1"]
    assert out["Azerbaijan"].tolist() == ["no", "yes"] and out["Türkiye"].tolist() == ["yes", "abstain"]
    assert out["Issue areas"].tolist() == ["Human rights", "Human rights"]


def test_latest_disagreements_orders_symbols_by_number_within_a_day():
    # Two splits on the same day: A/RES/80/99 and A/RES/80/100. Newest first means the higher number first;
    # a plain string sort would put "99" above "100".
    pv = (
        _pair_votes()
        .iloc[[0, 1]]
        .assign(
            vote_id=["A/RES/80/99", "A/RES/80/100"],
            resolution=["A/RES/80/99", "A/RES/80/100"],
            date=["2025-12-01"] * 2,
            vote_a=["yes", "yes"],
            vote_b=["no", "abstain"],
        )
    )
    assert dip_tables.latest_disagreements(pv, "AZE", "TUR", 5)["Resolution"].tolist() == [
        "A/RES/80/100",
        "A/RES/80/99",
    ]
    assert dip_compare.natural_key("A/RES/80/99") < dip_compare.natural_key("A/RES/80/100")


def test_both_yes_share():
    # Common votes v1-v5; both yes on v2 and v5 -> 2/5; in 2020: v1, v2 -> 1/2.
    assert dip_compare.both_yes_share(_pair_votes()) == pytest.approx(0.4)
    assert dip_compare.both_yes_share(_pair_votes(), [2020]) == pytest.approx(0.5)


# ---------------------------------------------------------------------------------------------
# Co-sponsorship
# ---------------------------------------------------------------------------------------------


def _cos():
    rows = [
        ("R1", 2020, "AAA", None), ("R1", 2020, "BBB", None),
        ("R2", 2020, "AAA", "Group X"),
        ("R3", 2020, "CCC", None),
        ("R4", 2021, "BBB", None), ("R4", 2021, "CCC", None),
        ("R5", 2021, "AAA", "Group X"), ("R5", 2021, "BBB", None), ("R5", 2021, "CCC", None),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["resolution", "year", "iso3", "on_behalf_of"])


def test_cosponsorship_by_year():
    out = dip_ties.cosponsorship_by_year(_cos(), "AAA", "BBB", range(2019, 2022)).set_index("year")
    # 2020: resolutions R1-R3; AAA R1, R2; BBB R1; both R1; either R1, R2 -> overlap 1/2.
    assert out.loc[2020, ["n_resolutions", "n_a", "n_b", "n_both", "n_either"]].tolist() == [3, 2, 1, 1, 2]
    assert out.loc[2020, "overlap_share"] == pytest.approx(0.5)
    # 2021: AAA R5; BBB R4, R5 -> both 1, either 2.
    assert out.loc[2021, "overlap_share"] == pytest.approx(0.5)
    assert 2019 not in out.index


def test_additional_sponsor_share_and_low_last_year():
    cos = pd.DataFrame(
        {
            "resolution": ["R1", "R1", "R2", "R3", "R3", "R4", "R5", "R6"],
            "year": [2020, 2020, 2020, 2021, 2021, 2021, 2022, 2022],
            "role": [
                "sponsor",
                "additional_sponsor",
                "sponsor",
                "sponsor",
                "additional_sponsor",
                "additional_sponsor",
                "sponsor",
                "sponsor",
            ],
        }
    )
    out = dip_ties.additional_sponsor_share(cos, range(2020, 2023))
    # 2020: R1 has an additional sponsor, R2 not -> 1/2; 2021: R3 and R4 -> 2/2; 2022: none of R5, R6 -> 0/2.
    assert out["n_with_additional"].tolist() == [1, 2, 0]
    assert out["share_with_additional"].tolist() == pytest.approx([0.5, 1.0, 0.0])
    assert dip_ties.last_year_low(out)
    assert not dip_ties.last_year_low(out.iloc[:2])  # fewer than three years: no judgement
    assert not dip_ties.last_year_low(out.assign(share_with_additional=[0.5, 1.0, 0.6]))


def test_cosponsorship_overlap_and_groups():
    out = dip_ties.cosponsorship_overlap(
        _cos(), [("AAA", "BBB"), ("AAA", "CCC"), ("AAA", "DDD")], range(2020, 2022)
    ).set_index("pair")
    # AAA: R1, R2, R5; BBB: R1, R4, R5 -> both 2, either 4 -> 0.5. AAA-CCC: CCC R3, R4, R5 -> both R5, either 5 -> 0.2.
    assert out.loc["AAA–BBB", ["n_anchor", "n_partner", "n_both"]].tolist() == [3, 3, 2]
    assert out.loc["AAA–BBB", "overlap_share"] == pytest.approx(0.5)
    assert out.loc["AAA–CCC", "overlap_share"] == pytest.approx(0.2)
    assert out.loc["AAA–DDD", "n_partner"] == 0 and out.loc["AAA–DDD", "overlap_share"] == pytest.approx(0.0)
    assert dip_ties.on_behalf_counts(_cos(), "AAA", range(2020, 2022)).values.tolist() == [["Group X", 2]]


# ---------------------------------------------------------------------------------------------
# Alliances
# ---------------------------------------------------------------------------------------------


def _alliances():
    cols = [
        "iso3_a",
        "iso3_b",
        "year",
        "defense",
        "offense",
        "neutrality",
        "nonaggression",
        "consultation",
        "any_pledge",
    ]
    rows = [
        ("AAA", "BBB", 2000, 0, 0, 0, 1, 0, 1),
        ("AAA", "BBB", 2001, 1, 0, 0, 1, 0, 1),
        ("BBB", "AAA", 2001, 1, 0, 0, 1, 1, 1),  # consultation recorded in one direction only
        ("AAA", "CCC", 2001, 0, 0, 1, 0, 0, 1),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=cols)


def test_pledges_between_merges_directions():
    p = dip_ties.pledges_between(_alliances(), "AAA", "BBB")
    assert p["year"].tolist() == [2000, 2001]
    assert p.set_index("year").loc[2001, ["defense", "nonaggression", "consultation"]].tolist() == [1, 1, 1]
    assert dip_ties.pledge_first_years(p) == {"defense": 2001, "nonaggression": 2000, "consultation": 2001}
    grid = dip_ties.pledge_grid(p, range(1999, 2002))
    assert list(grid.index) == list(dip.PLEDGES) and list(grid.columns) == [1999, 2000, 2001]
    assert grid.loc["nonaggression"].tolist() == [0, 1, 1]
    assert dip_ties.pledges_between(_alliances(), "BBB", "CCC").empty
    assert int(dip_ties.pledge_grid(dip_ties.pledges_between(_alliances(), "BBB", "CCC"), [2000]).values.sum()) == 0


def test_pledges_with_partners_and_coverage():
    t = dip_ties.pledges_with_partners(_alliances(), ["AAA", "DDD"], ["BBB", "CCC"], 2001).set_index("pair")
    assert t.loc["AAA–BBB", "obligations"] == "Defence, Non-aggression, Consultation"
    assert t.loc["AAA–CCC", "obligations"] == "Neutrality"
    # DDD is never a pledging state and neither is CCC: not covered. BBB is one.
    assert not t.loc["DDD–CCC", "covered"] and t.loc["DDD–BBB", "covered"]


# ---------------------------------------------------------------------------------------------
# Representation
# ---------------------------------------------------------------------------------------------


def _posts():
    rows = []
    for ed in (2016, 2023):
        # 100 filler rows per edition so that both editions count (editions with fewer rows are dropped).
        rows += [
            (ed, "USA", "GBR", "United Kingdom", f"City{i}", "Consulate / Consulate-General", "Consulate")
            for i in range(100)
        ]
        rows += [
            (ed, "TUR", "AZE", "Azerbaijan", "Baku", "Embassy / High Commission", "Embassy"),
            (ed, "TUR", "AZE", "Azerbaijan", "Ganja", "Consulate / Consulate-General", "Consulate-General"),
            (ed, "DEU", "AZE", "Azerbaijan", "Baku", "Embassy / High Commission", "Embassy"),
        ]
    rows.append((2019, "TUR", "AZE", "Azerbaijan", "Baku", "Embassy / High Commission", "Embassy"))
    return pd.DataFrame(
        rows, columns=["edition_year", "sender_iso3", "host_iso3", "host_name", "host_city", "post_type", "post_title"]
    )


def test_lowy_covers():
    p = _posts()
    assert dip_ties.lowy_covers(p, "TUR", "AZE") == "covered"  # full sender and full host
    assert dip_ties.lowy_covers(p, "AZE", "TUR") == "not a sender"
    assert dip_ties.lowy_covers(p, "DEU", "AZE") == "covered"  # full host
    assert dip_ties.lowy_covers(p, "DEU", "FRA") == "not in subset"
    assert dip_ties.lowy_covers(p, "USA", "FRA") == "covered"  # full sender: zero is a real zero


def test_posts_between():
    out = dip_ties.posts_between(_posts(), "AZE", "TUR")
    # 2019 (one row) is left out; AZE -> TUR not covered; TUR -> AZE 2 posts each edition, consulate listed first.
    assert sorted(set(out["edition_year"])) == [2016, 2023]
    tur = out[out["sender"] == "TUR"]
    assert tur["n_posts"].tolist() == [2, 2]
    assert tur["posts"].iloc[0] == "Ganja (Consulate-General); Baku (Embassy)"
    assert out[out["sender"] == "AZE"]["n_posts"].isna().all()


def test_posts_matrix_and_senders_in_host():
    m = dip_ties.posts_matrix(_posts(), ["TUR", "DEU"], ["AZE", "TUR", "FRA"], 2023)
    assert m.loc["AZE"].tolist() == [2, 1]
    assert pd.isna(m.loc["TUR", "TUR"])  # a state and itself
    assert m.loc["TUR", "DEU"] == 0  # every post in Türkiye is kept: DEU has none there in this frame
    assert m.loc["FRA", "TUR"] == 0 and pd.isna(m.loc["FRA", "DEU"])
    h = dip_ties.senders_in_host(_posts(), "AZE")
    assert h.values.tolist() == [[2016, 2, 3], [2023, 2, 3]]
    assert dip_ties.senders_in_host(_posts(), "FRA").empty


def test_exchange_between_orients_either_way():
    ex = pd.DataFrame(
        {
            "iso3_a": ["AZE", "AZE"], "iso3_b": ["TUR", "TUR"], "year": [1995, 2000],
            "level_in_a": [3, 3], "level_in_a_meaning": ["ambassador", "ambassador"],
            "level_in_b": [1, 3], "level_in_b_meaning": ["chargé d'affaires", "ambassador"],
            "exchange": [1, 1], "version": ["2006.1", "2006.1"],
        }
    )  # fmt: skip
    # level_in_a: TUR represented in AZE; level_in_b: AZE represented in TUR.
    assert dip_ties.exchange_between(ex, "AZE", "TUR")["level_a_in_b"].tolist() == ["chargé d'affaires", "ambassador"]
    rev = dip_ties.exchange_between(ex, "TUR", "AZE")
    assert rev["level_b_in_a"].tolist() == ["chargé d'affaires", "ambassador"]  # AZE (b) represented in TUR (a)
    assert dip_ties.exchange_between(ex, "GEO", "TUR").empty
    assert dip_ties.exchange_sides(ex) == {"AZE"}


# ---------------------------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------------------------


def _events():
    return pd.DataFrame(
        {
            "event_id": ["E001", "E002", "E003", "E004", "E005", "E006"],
            "date": ["1991-11-09", "1994-02-09", "1996-01-01", "2010-08-16", "2021-06-15", "2022-01-01"],
            "date_precision": ["day", "day", "year", "day", "day", "month"],
            "type": ["recognition", "treaty", "military_cooperation", "agreement", "declaration", "agreement"],
            "dimension": ["diplomatic", "diplomatic", "military", "military", "military", "energy"],
            "title": ["Recognition", "Friendship treaty", "Training", "Mutual assistance", "Shusha", "Gas deal"],
            "countries": ["AZE|TUR", "AZE|TUR", "AZE|TUR", "AZE|TUR", "AZE|TUR", "AZE|TUR"],
            "source": ["000_bbf2abffa65fbe36.txt § DEVELOPMENT", "https://a.b/c", "x", "y", "z", "w"],
            "source_kind": ["seed", "curated_list", "seed", "seed", "curated_list", "press"],
        }
    )


def test_pair_events_filters_types_and_dates():
    ev = dip.pair_events(_events(), "TUR", "AZE", until=2021)
    # Military cooperation is not a diplomatic event; an energy agreement is not either; 2022 is after `until`.
    assert ev["event_id"].tolist() == ["E001", "E002", "E004", "E005"]
    assert dip.pair_events(_events(), "AZE", "ARM").empty
    ms = dip.security_milestones(ev)
    # The treaty, and the military agreement and declaration.
    assert ms["event_id"].tolist() == ["E002", "E004", "E005"]


def test_involves():
    s = pd.Series(["ARM|AZE|TUR", "AZE", None])
    assert dip.involves(s, ["AZE", "TUR"]).tolist() == [True, False, False]


def test_date_label():
    assert dip_text.date_label("2010-08-16", "day") == "16 Aug 2010"
    assert dip_text.date_label("1992-08-01", "month") == "Aug 1992"
    assert dip_text.date_label("1996-01-01", "year") == "1996"
    assert dip_text.date_label(None, "day") == "undated"


def test_events_table_marks_background():
    ev = dip.pair_events(_events(), "AZE", "TUR", until=2021)
    t = dip_tables.events_table(ev, 1992)
    assert t["Period"].tolist() == ["background", "in period", "in period", "in period"]
    assert t["Source"].iloc[0] == "Ismayilov (2025), section Development"


def test_comparator_colours_are_distinct():
    colours = dip_plots.comparator_colours(["RUS", "KAZ", "GEO", "ARM", "USA", "IRN"], ("AZE", "TUR"))
    from bilateral import figures

    assert len(set(colours.values())) == 6
    assert not set(colours.values()) & {figures.colour("AZE"), figures.colour("TUR"), "#000000"}
    assert colours["RUS"] == figures.colour("RUS")
    # The United States used to get teal (#44AA99), hard to tell from Russia's green: no extra colour given to
    # the default comparators is a teal or green.
    assert not {colours["KAZ"], colours["USA"]} & {"#44AA99", "#117733"}


# ---------------------------------------------------------------------------------------------
# The notebook
# ---------------------------------------------------------------------------------------------


def _findings(text: str) -> str:
    """The key findings section of the executed notebook's text."""
    start = text.index("## Key findings")
    return text[start : text.index("## Diplomatic events", start)]


@pytest.mark.notebook
def test_notebook_default_pair(tmp_path):
    from conftest import execute_notebook, notebook_text

    nb = execute_notebook("diplomatic", tmp_path)
    text = notebook_text(nb)
    key = _findings(text)
    # Worked out from the raw files with a short pandas script independent of the project's code: Voeten roll
    # calls of sessions <= 73 plus UN records (s74 on), dated 1992-2025, both AZ/TR (AZE/TUR) voting Y/N/A:
    # 2,707 common votes, 1,951 identical (72.07%); kappa 0.149. First five years (1992-1996): 316 votes,
    # 79.11%, kappa 0.428; last five (2021-2025): 426 votes, 69.01%, kappa 0.005.
    assert "voted alike on 72.1% of the 2,707 votes both cast in 1992–2025" in key
    assert "is 0.15 for the pair (15% of the agreement possible beyond chance" in key
    assert "fell from 79.1% in 1992–1996 to 69.0% in 2021–2025; kappa went from 0.43" in key
    # the ranks among the report's comparators are in the section that compares them, not among the key findings
    compared = text[text.index("### Compared with other states") :]
    # AZE-KAZ from the same script: 2,700 votes, kappa 0.558 > 0.149, so Kazakhstan is named as closer to Azerbaijan.
    assert re.search(r"Azerbaijan voted more like Kazakhstan", compared)
    # TUR-KAZ kappa 0.151 against TUR-AZE 0.149 (same script): within 0.01, so Kazakhstan is a tie, not "closer";
    # GEO 0.530, ARM 0.293, RUS 0.186 are closer -> Azerbaijan ranks 4 of 7 for Türkiye by kappa.
    assert (
        "Türkiye voted more like Georgia, Armenia and Russia than like Azerbaijan, and about as much like Kazakhstan"
        in compared
    )
    assert "Azerbaijan ranks 4 of 7 among Türkiye's partners" in compared
    # Ideal-point means over reliable years (IdealpointsJuly2025.csv): AZE-KAZ 0.15, AZE-RUS 0.42, AZE-ARM 0.45 are
    # below AZE-TUR 0.78; GEO 1.09, IRN 1.29, USA 2.82 above -> Türkiye ranks 4 of 7 for Azerbaijan.
    assert "By mean ideal-point distance Türkiye ranks 4 of 7 (closer: Kazakhstan, Russia and Armenia)" in compared
    # IdealpointsJuly2025.csv, idealpointfp: AZE 1992 0.2939, TUR 1992 0.7349 -> 0.44; AZE 2023 -0.4457, TUR 2023
    # 0.6019 -> 1.05 (2024 is left out: TUR rests on 7 votes); AZE is the lower (further from the US).
    assert "grew from 0.44 in 1992 to 1.05 in 2023, the latest year with reliable estimates" in key
    assert "in 2023 Azerbaijan was the further of the two" in key
    # Sponsors, from ga_resolutions_s74_s80.csv (dates 2019-2025, sponsors + additional_sponsors, case-insensitive
    # match of AZERBAIJAN and of TURKEY/TÜRKIYE spellings): 199, 470, both 121, 121/548 = 22.1%.
    assert "Azerbaijan sponsored 199 resolutions and Türkiye 470; both sponsored 121, 22.1%" in key
    # ATOP raw file, AZE (ccode1 373) with ccode2 640: first atop_nonagg 1993, atop_defense 1994, atop_consul 2010.
    assert (
        "non-aggression from 1993, defence from 1994, consultation from 2010; still in force in 2018, when its data end"
        in key
    )
    # Lowy raw subset: Türkiye's posts in Azerbaijan are Baku, Ganja, Nakhchivan in 2016, 2017, 2021 and 2023.
    assert "Türkiye had 3 posts in Azerbaijan in each Lowy edition (2016–2023 labels)" in key
    # The switch of source is marked and the sources are cited; caveats of ATOP are shown.
    assert "UN records start with a recorded vote on 7 Nov 2019" in text
    # Audit correction: 184 recorded votes in 2025, of which 182 with at least one of the two taking part
    assert (
        "In 2025 the Assembly held 184 recorded votes; at least one of the two took part in 182 of them (both were absent on 2 votes)"
        in text
    )
    assert "184 recorded votes in which at least one" not in text
    assert "ATOP 5.1 ends in 2018 and misses the 2021 Shusha Declaration." in text
    assert "Shusha Declaration on Allied Relations" in text
    assert "## Methods and caveats" in text and "## Sources" in text
    # Reader's edition (issue 12): the strains and formats as lists, the findings say how sure, one date style.
    # 316 and 426 common votes (the script above); 14 strains and 11 formats in the events table for 1992-2025.
    assert "The two figures rest on 316 and 426 common votes" in key and "combined margin" in key
    assert "**Strains in the relationship** (14):" in text and "**Multilateral or trilateral formats** (11):" in text
    assert "- 14 Oct 2009: Azerbaijani flags barred at Türkiye–Armenia match in Bursa" in text
    assert "Marked: (1)" not in text and not re.search(r"\b(19|20)\d\d-\d\d-\d\d\b", re.sub(r"<[^>]+>", " ", text))
    # No warnings or errors reached the reader.
    streams = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") in ("stream", "error")]
    assert not streams, streams


@pytest.mark.notebook
def test_notebook_other_pair(tmp_path):
    from conftest import execute_notebook, notebook_text

    nb = execute_notebook(
        "diplomatic", tmp_path, country_a="ARM", country_b="RUS", comparators=["AZE", "TUR", "GEO", "USA", "IRN", "KAZ"]
    )
    text = notebook_text(nb)
    key = _findings(text)
    # Same independent script for AM/RU (ARM/RUS), 1992-2025: 2,932 common votes, 2,075 identical (70.77%), kappa 0.352.
    assert "Armenia and Russia voted alike on 70.8% of the 2,932 votes both cast in 1992–2025" in key
    assert "is 0.35 for the pair (35% of the agreement possible beyond chance" in key
    # Sections the data do not cover say so instead of failing.
    assert (
        "The COW diplomatic-exchange extract holds only rows for Azerbaijan; it does not cover Armenia–Russia." in text
    )
    assert "The index does not map Armenia's own network" in text
    streams = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") in ("stream", "error")]
    assert not streams, streams
