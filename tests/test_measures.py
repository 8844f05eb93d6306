"""Unit tests of bilateral.measures on tiny hand-worked cases."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from bilateral.measures import (
    agreement_share,
    cohens_kappa,
    ordered_pair,
    pairs_among,
    pairs_with,
    pairwise_agreement,
)

# Five roll calls, both states vote on all of them.
A5 = ["yes", "yes", "no", "abstain", "yes"]
B5 = ["yes", "no", "no", "abstain", "yes"]
# By hand: same on calls 1, 3, 4, 5 -> p_o = 4/5 = 0.8.
# Marginals: A yes 3, no 1, abstain 1; B yes 2, no 2, abstain 1.
# p_e = (3*2 + 1*2 + 1*1) / 25 = 9/25 = 0.36; kappa = (0.8 - 0.36) / (1 - 0.36) = 0.44 / 0.64 = 0.6875.
KAPPA_A5_B5 = 0.6875


def test_agreement_share_five_votes():
    assert agreement_share(A5, B5) == pytest.approx(0.8)


def test_kappa_five_votes():
    assert cohens_kappa(A5, B5) == pytest.approx(KAPPA_A5_B5)


def test_absences_and_missing_are_ignored():
    a = ["yes", "absent", "no", "yes", None]
    b = ["yes", "yes", "yes", "no", "yes"]
    # Common votes: calls 1, 3, 4 -> (yes, yes), (no, yes), (yes, no): p_o = 1/3.
    # Marginals on them: A yes 2, no 1; B yes 2, no 1 -> p_e = (2*2 + 1*1) / 9 = 5/9.
    # kappa = (1/3 - 5/9) / (1 - 5/9) = (-2/9) / (4/9) = -0.5.
    assert agreement_share(a, b) == pytest.approx(1 / 3)
    assert cohens_kappa(a, b) == pytest.approx(-0.5)


def test_perfect_disagreement():
    # p_o = 0; p_e = (1*1 + 1*1) / 4 = 0.5; kappa = (0 - 0.5) / 0.5 = -1.
    assert cohens_kappa(["yes", "no"], ["no", "yes"]) == pytest.approx(-1.0)


def test_kappa_undefined_when_one_category_only():
    # Both always yes: p_o = 1, p_e = 1 -> kappa undefined.
    assert agreement_share(["yes"] * 4, ["yes"] * 4) == 1.0
    assert math.isnan(cohens_kappa(["yes"] * 4, ["yes"] * 4))


def test_no_common_vote_gives_nan():
    assert math.isnan(agreement_share(["yes", "absent"], ["absent", "no"]))
    assert math.isnan(cohens_kappa(["yes", "absent"], ["absent", "no"]))


def test_length_mismatch_raises():
    with pytest.raises(ValueError, match="differ in length"):
        agreement_share(["yes"], ["yes", "no"])


def test_pairs_helpers():
    assert ordered_pair("TUR", "AZE") == ("AZE", "TUR")
    assert pairs_among(["TUR", "AZE", "ARM", "AZE"]) == [("ARM", "AZE"), ("ARM", "TUR"), ("AZE", "TUR")]
    assert pairs_with(["AZE", "TUR"], ["AZE", "TUR", "ARM"]) == [("ARM", "AZE"), ("ARM", "TUR"), ("AZE", "TUR")]


def _long(year: int, votes: dict[str, list[str]], start: int = 0) -> pd.DataFrame:
    rows = []
    for state, seq in votes.items():
        for k, v in enumerate(seq):
            rows.append({"year": year, "vote_id": f"r{start + k}", "iso3": state, "vote": v})
    return pd.DataFrame(rows)


@pytest.fixture
def tiny_votes() -> pd.DataFrame:
    """2020: the five-vote case for AZE/TUR plus ARM; 2021: two votes."""
    y2020 = _long(2020, {"AZE": A5, "TUR": B5, "ARM": ["no", "no", "no", "no", "absent"]})
    y2021 = _long(2021, {"AZE": ["yes", "no"], "TUR": ["no", "yes"], "ARM": ["absent", "absent"]}, start=10)
    return pd.concat([y2020, y2021], ignore_index=True)


def test_pairwise_matches_hand_values(tiny_votes):
    out = pairwise_agreement(tiny_votes, [("TUR", "AZE")], by="year")
    assert list(out.columns) == ["year", "iso3_a", "iso3_b", "n_votes", "n_same", "agreement_share", "kappa"]
    assert out[["iso3_a", "iso3_b"]].drop_duplicates().values.tolist() == [["AZE", "TUR"]]  # stored once, a < b
    r2020 = out[out["year"] == 2020].iloc[0]
    assert (r2020["n_votes"], r2020["n_same"]) == (5, 4)
    assert r2020["agreement_share"] == pytest.approx(0.8)
    assert r2020["kappa"] == pytest.approx(KAPPA_A5_B5)
    r2021 = out[out["year"] == 2021].iloc[0]
    assert (r2021["n_votes"], r2021["n_same"], r2021["kappa"]) == (2, 0, pytest.approx(-1.0))


def test_pairwise_all_pairs_and_empty_pairs_dropped(tiny_votes):
    out = pairwise_agreement(tiny_votes, by="year")
    # ARM never votes in 2021, so its pairs appear for 2020 only.
    assert out[out["year"] == 2021][["iso3_a", "iso3_b"]].values.tolist() == [["AZE", "TUR"]]
    arm_aze = out[(out["year"] == 2020) & (out["iso3_a"] == "ARM") & (out["iso3_b"] == "AZE")].iloc[0]
    # ARM votes no on calls 1-4 (absent on 5): with AZE (yes, yes, no, abstain) -> 4 common, 1 same.
    # Marginals: ARM no 4; AZE yes 2, no 1, abstain 1 -> p_e = 4*1/16 = 0.25; kappa = (0.25 - 0.25)/0.75 = 0.
    assert (arm_aze["n_votes"], arm_aze["n_same"]) == (4, 1)
    assert arm_aze["kappa"] == pytest.approx(0.0)
    assert len(pairwise_agreement(tiny_votes, by="year", min_votes=3)) == 3  # 2020 only


def test_pairwise_equals_scalar_functions_on_random_votes():
    rng = np.random.default_rng(0)
    cats = np.array(["yes", "no", "abstain", "absent"])
    states = ["AAA", "BBB", "CCC", "DDD"]
    frames = []
    for year in (2000, 2001):
        seq = {s: list(rng.choice(cats, size=40, p=[0.6, 0.15, 0.15, 0.1])) for s in states}
        frames.append(_long(year, seq, start=year * 100))
    votes = pd.concat(frames, ignore_index=True)
    out = pairwise_agreement(votes, by="year")
    for _, row in out.iterrows():
        sub = votes[votes["year"] == row["year"]]
        a = sub[sub["iso3"] == row["iso3_a"]].sort_values("vote_id")["vote"].tolist()
        b = sub[sub["iso3"] == row["iso3_b"]].sort_values("vote_id")["vote"].tolist()
        assert row["agreement_share"] == pytest.approx(agreement_share(a, b))
        assert row["kappa"] == pytest.approx(cohens_kappa(a, b))


def test_pairwise_rejects_duplicates_and_split_roll_calls(tiny_votes):
    with pytest.raises(ValueError, match="two votes"):
        pairwise_agreement(pd.concat([tiny_votes, tiny_votes.head(1)]), by="year")
    bad = tiny_votes.copy()
    bad.loc[0, "year"] = 1999
    with pytest.raises(ValueError, match="spans"):
        pairwise_agreement(bad, by="year")
