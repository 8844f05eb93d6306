"""Tests of the bilateral.overview package (its modules imported by name) and of notebooks/overview.ipynb.

Unit tests use small frames built here; every expected value is worked out by hand in the comment
beside it. Tests marked ``notebook`` execute the report for the default pair, for Georgia–Türkiye and
for a pair outside the arms register and the gas figures (Russia–Iran), and check what the reader sees
against numbers computed by hand from the raw source files (the commands are quoted).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from bilateral.errors import ParameterError
from bilateral.overview import chronology, config, indicators, tables
from bilateral.overview import index as ov_index
from bilateral.overview import summary as ov_summary
from bilateral.overview import text as ov_text

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------


def test_parse_pair_accepts_hyphen_and_en_dash():
    assert config.parse_pair("AZE-RUS") == ("AZE", "RUS")
    assert config.parse_pair("TUR–GEO") == ("TUR", "GEO")


@pytest.mark.parametrize("bad", ["AZE", "AZE-", "AZE-XXX", "aze-tur", "AZE-AZE", "AZE-TUR-GEO", 3])
def test_parse_pair_refuses_bad_text(bad):
    with pytest.raises(ParameterError, match="comparison_pairs"):
        config.parse_pair(bad)


def test_index_pairs_puts_the_pair_first_and_drops_repeats():
    # TUR-AZE is the report's pair reversed; RUS-AZE repeats AZE-RUS: both dropped
    assert config.index_pairs("AZE", "TUR", ["TUR-AZE", "AZE-RUS", "RUS-AZE", "TUR-GEO"]) == [
        ("AZE", "TUR"),
        ("AZE", "RUS"),
        ("TUR", "GEO"),
    ]
    with pytest.raises(ParameterError):
        config.index_pairs("AZE", "TUR", "AZE-RUS")


def test_check_weights():
    assert config.check_weights({"un_votes": 2, "arms": 1, "trade": 0.5, "energy": 0}) == {
        "un_votes": 2.0,
        "arms": 1.0,
        "trade": 0.5,
        "energy": 0.0,
    }
    with pytest.raises(ParameterError, match="missing key"):
        config.check_weights({"un_votes": 1, "arms": 1, "trade": 1})
    with pytest.raises(ParameterError, match="unknown key"):
        config.check_weights({"un_votes": 1, "arms": 1, "trade": 1, "energy": 1, "gdp": 1})
    with pytest.raises(ParameterError, match="at least 0"):
        config.check_weights({"un_votes": -1, "arms": 1, "trade": 1, "energy": 1})
    with pytest.raises(ParameterError, match="all zero"):
        config.check_weights({"un_votes": 0, "arms": 0, "trade": 0, "energy": 0})


def test_choices_and_ranges():
    assert config.check_choice("normalisation", "share", config.NORMALISATIONS) == "share"
    with pytest.raises(ParameterError, match="normalisation"):
        config.check_choice("normalisation", "zscore", config.NORMALISATIONS)
    with pytest.raises(ParameterError, match="n_draws"):
        config.check_range("n_draws", 5, 100, 1000)


# ---------------------------------------------------------------------------------------------
# Normalisation, composite index, renormalised weights
# ---------------------------------------------------------------------------------------------


def test_minmax_normalisation():
    # x: min 2, max 4 -> (2-2)/2 = 0, (4-2)/2 = 1, missing, (3-2)/2 = 0.5
    # y: one distinct value -> 0.5 wherever it has a value
    f = pd.DataFrame({"x": [2.0, 4.0, np.nan, 3.0], "y": [5.0, 5.0, 5.0, np.nan]})
    out = ov_index.normalise(f, "minmax")
    assert out["x"].tolist()[:2] == [0.0, 1.0] and math.isnan(out["x"].iloc[2]) and out["x"].iloc[3] == 0.5
    assert out["y"].tolist()[:3] == [0.5, 0.5, 0.5] and math.isnan(out["y"].iloc[3])


def test_share_normalisation_clips_negative_kappa():
    # shares kept; kappa -0.2 -> 0 (less agreement than chance counts as none)
    f = pd.DataFrame({"un_votes": [-0.2, 0.3], "trade": [0.05, 0.17]})
    out = ov_index.normalise(f, "share")
    assert out["un_votes"].tolist() == [0.0, 0.3]
    assert out["trade"].tolist() == [0.05, 0.17]
    with pytest.raises(ValueError):
        ov_index.normalise(f, "rank")


def test_composite_with_missing_values_renormalises_weights():
    w = {"a": 1.0, "b": 1.0, "c": 2.0}
    norm = pd.DataFrame(
        {"a": [1.0, 0.0, np.nan, 0.4], "b": [0.5, np.nan, np.nan, 0.4], "c": [np.nan, 1.0, np.nan, 0.1]},
        index=["r1", "r2", "r3", "r4"],
    )
    out = ov_index.composite(norm, w)
    # r1: a, b present: (1*1 + 1*0.5) / (1 + 1) = 0.75; 2 indicators; weight share (1+1)/4 = 0.5
    assert out.at["r1", "index"] == pytest.approx(0.75)
    assert out.at["r1", "coverage"] == 2 and out.at["r1", "weight_share"] == pytest.approx(0.5)
    # r2: a, c present: (1*0 + 2*1) / (1 + 2) = 2/3; weight share 3/4
    assert out.at["r2", "index"] == pytest.approx(2 / 3)
    assert out.at["r2", "weight_share"] == pytest.approx(0.75)
    # r3: nothing present -> no index, coverage 0
    assert math.isnan(out.at["r3", "index"]) and out.at["r3", "coverage"] == 0
    # r4: all present: (0.4 + 0.4 + 2*0.1) / 4 = 1.0 / 4 = 0.25
    assert out.at["r4", "index"] == pytest.approx(0.25) and out.at["r4", "coverage"] == 3


def test_composite_ignores_zero_weight_indicators():
    # b has weight 0: r1 has only b -> no index; r2: a alone -> 0.2
    norm = pd.DataFrame({"a": [np.nan, 0.2], "b": [0.9, 0.9]}, index=["r1", "r2"])
    out = ov_index.composite(norm, {"a": 1.0, "b": 0.0})
    assert math.isnan(out.at["r1", "index"]) and out.at["r1", "coverage"] == 0
    assert out.at["r2", "index"] == pytest.approx(0.2) and out.at["r2", "coverage"] == 1


def test_renormalised_weights():
    # a and c present: 1/(1+2) and 2/(1+2); b missing -> 0
    assert ov_index.renormalised_weights({"a": 1, "b": 1, "c": 2}, ["a", "c"]) == pytest.approx(
        {"a": 1 / 3, "b": 0.0, "c": 2 / 3}
    )
    assert ov_index.renormalised_weights({"a": 1, "b": 3}, []) == {"a": 0.0, "b": 0.0}


def test_combine_directions():
    assert indicators.combine([0.2, 0.5]) == 0.5
    assert indicators.combine([0.2, np.nan]) == 0.2
    assert indicators.combine([0.2, 0.5], "mean") == pytest.approx(0.35)
    assert math.isnan(indicators.combine([np.nan, np.nan]))


# ---------------------------------------------------------------------------------------------
# Ranking
# ---------------------------------------------------------------------------------------------


def test_rank_desc_ties_and_missing():
    r = ov_index.rank_desc(pd.Series([0.2, 0.9, 0.2, np.nan], index=list("abcd")))
    assert r.tolist()[:3] == [2, 1, 2] and pd.isna(r.iloc[3])


def test_ranking_on_window_means():
    # equal weights on x and y: P (0.9+0.9)/2 = 0.9; Q (1+0)/2 = 0.5; R (0+1)/2 = 0.5; S only y: 0.95
    means = pd.DataFrame(
        {"x": [0.9, 1.0, 0.0, np.nan], "y": [0.9, 0.0, 1.0, 0.95]}, index=pd.Index(list("PQRS"), name="pair")
    )
    out = ov_index.ranking(means, {"x": 1.0, "y": 1.0})
    assert out["score"].tolist() == pytest.approx([0.9, 0.5, 0.5, 0.95])
    assert out["rank"].tolist() == [2, 3, 3, 1]
    assert out["coverage"].tolist() == [2, 2, 2, 1]


def test_indicator_windows_and_means():
    # x has data to 2005 -> window (2004, 2005); y to 2003 -> (2002, 2003); z none
    idx = pd.MultiIndex.from_product([["P", "Q"], range(2000, 2006)], names=["pair", "year"])
    raw = pd.DataFrame({"x": np.arange(12, dtype=float), "y": np.nan, "z": np.nan}, index=idx)
    raw.loc[("P", 2003), "y"] = 0.4
    raw.loc[("P", 2002), "y"] = 0.2
    raw.loc[("Q", 2001), "y"] = 0.9
    win = ov_index.indicator_windows(raw, 2)
    assert win == {"x": (2004, 2005), "y": (2002, 2003), "z": None}
    m = ov_index.window_means(raw, win)
    # P x: rows 2004, 2005 -> values 4, 5 -> 4.5; Q x: 10, 11 -> 10.5
    assert m["x"].tolist() == [4.5, 10.5]
    # P y: (0.2 + 0.4)/2 = 0.3; Q has no y in 2002-2003 (its 2001 value is outside the window)
    assert m.at["P", "y"] == pytest.approx(0.3) and math.isnan(m.at["Q", "y"])
    assert m["z"].isna().all()


# ---------------------------------------------------------------------------------------------
# Sensitivity analysis
# ---------------------------------------------------------------------------------------------


def _means():
    return pd.DataFrame({"x": [0.9, 1.0, 0.0], "y": [0.9, 0.0, 1.0]}, index=pd.Index(list("PQR"), name="pair"))


def test_sensitivity_shares_first_match_hand_computation():
    # Two indicators: with a flat Dirichlet(1, 1), the weight w of x is uniform on (0, 1).
    # Scores: P = 0.9 always; Q = w; R = 1 - w. Q is first when w > 0.9 (probability 0.1),
    # R when w < 0.1 (0.1), P otherwise (0.8).
    s = ov_index.sensitivity(_means(), {"x": 1.0, "y": 1.0}, 20000, seed=7)
    first = s["summary"]["share_first"]
    assert first["P"] == pytest.approx(0.8, abs=0.015)
    assert first["Q"] == pytest.approx(0.1, abs=0.015)
    assert first["R"] == pytest.approx(0.1, abs=0.015)
    # every draw gives each pair one rank: each row of the distribution sums to 1
    assert s["distribution"].sum(axis=1).tolist() == pytest.approx([1.0, 1.0, 1.0])
    # base ranks (equal weights): P 0.9 first; Q and R tie at 0.5 -> both rank 2
    assert s["summary"]["base_rank"].tolist() == [1, 2, 2]
    # P is never last (it beats at least one of Q, R in every draw): worst rank 2
    assert s["summary"].at["P", "worst_rank"] == 2
    # Q is first only when w > 0.9: the mean x-weight in those draws is about 0.95
    assert s["weights_when_first"].at["Q", "x"] == pytest.approx(0.95, abs=0.01)


def test_index_sentence_gives_the_spread_and_the_uneven_coverage():
    # Hand-made results: three pairs; AAA–BBB second on the chosen weights with 4 indicators, the others 3.
    base = pd.DataFrame(
        {"score": [0.4, 0.5, 0.1], "coverage": [4, 3, 3], "rank": [2, 1, 3]}, index=["AAA–BBB", "CCC–DDD", "EEE–FFF"]
    )
    summary = pd.DataFrame(
        {
            "base_rank": [2, 1, 3],
            "share_first": [0.3, 0.7, 0.0],
            "median_rank": [2.0, 1.0, 3.0],
            "p5_rank": [1, 1, 3],
            "p95_rank": [3, 2, 3],
        },
        index=base.index,
    )
    text = ov_text.index_sentence(base, summary, "AAA–BBB", 1000, [2, 1])
    assert "ranks AAA–BBB 2 of 3 pairs (first: CCC–DDD)" in text
    assert "first in 30.0% of draws (median rank 2; 90% of draws rank it 1 to 3)" in text
    assert "while CCC–DDD ranks first most often (70.0%)" in text
    assert "it ranks 1 to 2" in text
    # Uneven coverage is said: 4 indicators against 3.
    assert "AAA–BBB on 4 indicators, the other pairs on 3" in text
    # Same coverage everywhere: nothing said about it.
    assert "not scored on the same evidence" not in ov_text.index_sentence(
        base.assign(coverage=3), summary, "AAA–BBB", 1000
    )


def test_sensitivity_handles_a_missing_indicator():
    # S has only y (0.95), scored on y alone under every draw. S beats P (0.9) always, Q = w unless
    # w > 0.95, R = 1 - w unless w < 0.05: S first with probability 0.9, Q 0.05, R 0.05, P 0.
    means = pd.concat([_means(), pd.DataFrame({"x": [np.nan], "y": [0.95]}, index=pd.Index(["S"], name="pair"))])
    s = ov_index.sensitivity(means, {"x": 1.0, "y": 1.0}, 20000, seed=11)
    first = s["summary"]["share_first"]
    assert first["S"] == pytest.approx(0.9, abs=0.015)
    assert first["P"] == 0.0
    assert first["Q"] == pytest.approx(0.05, abs=0.01)


def test_sensitivity_is_reproducible_and_skips_zero_weights():
    a = ov_index.sensitivity(_means(), {"x": 1.0, "y": 1.0}, 500, seed=3)
    b = ov_index.sensitivity(_means(), {"x": 1.0, "y": 1.0}, 500, seed=3)
    c = ov_index.sensitivity(_means(), {"x": 1.0, "y": 1.0}, 500, seed=4)
    pd.testing.assert_frame_equal(a["draws"], b["draws"])
    assert not a["draws"].equals(c["draws"])
    assert np.allclose(a["draws"].sum(axis=1), 1.0)
    # y has weight 0: only x is drawn, so every draw ranks Q (1.0) first, P second, R last
    z = ov_index.sensitivity(_means(), {"x": 1.0, "y": 0.0}, 200, seed=3)
    assert list(z["draws"].columns) == ["x"]
    assert z["summary"]["share_first"].tolist() == [0.0, 1.0, 0.0]
    assert z["summary"]["median_rank"].tolist() == [2.0, 1.0, 3.0]


# ---------------------------------------------------------------------------------------------
# Directional shares on hand-made frames
# ---------------------------------------------------------------------------------------------


def _transfers():
    rows = [
        # supplier, recipient, year, tiv
        ("TUR", "AZE", 2000, 3.0),
        ("RUS", "AZE", 2001, 7.0),
        ("TUR", "GEO", 2001, 2.0),
    ]
    df = pd.DataFrame(
        [
            {
                "deal_id": i,
                "supplier_iso3": s,
                "recipient_iso3": r,
                "delivery_year": y,
                "tiv_m": t,
                "category": "Artillery",
                "designation": "X",
            }
            for i, (s, r, y, t) in enumerate(rows)
        ]
    )
    df["supplier_iso3"] = df["supplier_iso3"].astype("string")
    df["recipient_iso3"] = df["recipient_iso3"].astype("string")
    return df


def _totals():
    return pd.DataFrame(
        {
            "iso3": ["AZE", "AZE", "GEO", "GEO", "IRN"],
            "year": [2000, 2001, 2000, 2001, 2001],
            "direction": ["imports"] * 5,
            "tiv_m": [3.0, 7.0, 0.0, 8.0, 0.0],
        }
    )


def test_arms_share():
    t, tot = _transfers(), _totals()
    # TUR in AZE over 2000-2001: 3 / (3 + 7) = 0.3
    assert indicators.arms_share(t, tot, "TUR", "AZE", [2000, 2001])["share"] == pytest.approx(0.3)
    # TUR in GEO over 2001: 2 / 8 = 0.25 (numerator from the register, total from arms_totals)
    assert indicators.arms_share(t, tot, "TUR", "GEO", [2001])["share"] == pytest.approx(0.25)
    # GEO imported nothing in 2000: the share is undefined
    assert math.isnan(indicators.arms_share(t, tot, "TUR", "GEO", [2000])["share"])
    # RUS -> IRN: neither is a focus country, the register cannot show it
    r = indicators.arms_share(t, tot, "RUS", "IRN", [2001])
    assert math.isnan(r["share"]) and r["reason"] == "not in the register extract"


def test_arms_shares_by_year_trailing_window():
    t, tot = _transfers(), _totals()
    s = indicators.arms_shares_by_year(t, tot, "TUR", "AZE", [2000, 2001], window=2, first_year=2000)
    # 2000: window cut at 2000 -> 3/3 = 1.0; 2001: window 2000-2001 -> 3/10 = 0.3
    assert s.tolist() == pytest.approx([1.0, 0.3])


@pytest.mark.parametrize(
    ("supplier", "recipient"), [("TUR", "AZE"), ("ISR", "AZE"), ("RUS", "ARM"), ("AZE", "TUR"), ("RUS", "IRN")]
)
def test_arms_shares_by_year_equal_arms_share_of_each_window_on_the_register(supplier, recipient):
    from bilateral import data
    from bilateral import military as mil

    transfers, totals = data.load("arms_transfers"), data.load("arms_totals")
    years = list(range(1990, 2027))  # before, inside and after the extract's years
    got = indicators.arms_shares_by_year(transfers, totals, supplier, recipient, years)
    first, last = mil.DATA_YEARS
    expected = [
        indicators.arms_share(transfers, totals, supplier, recipient, range(max(first, y - 4), y + 1))["share"]
        if first <= y <= last
        else np.nan
        for y in years
    ]
    # exactly equal (the same values summed in the same order), NaN where arms_share gives NaN
    assert got.tolist() == pytest.approx(expected, rel=0, abs=0, nan_ok=True)


def test_trade_share_of_total_trade():
    rows = [
        ("AZE", "TUR", "exports", 10.0),
        ("AZE", "WLD", "exports", 100.0),
        ("AZE", "TUR", "imports", 30.0),
        ("AZE", "WLD", "imports", 100.0),
        ("TUR", "AZE", "exports", 25.0),
        ("TUR", "WLD", "exports", 1000.0),
    ]
    trade = pd.DataFrame(
        [
            {"year": 2020, "reporter_iso3": r, "partner_iso3": p, "flow": f, "value_usd_m": v, "is_estimate": False}
            for r, p, f, v in rows
        ]
    )
    # AZE's figures: (10 + 30) / (100 + 100) = 0.2
    assert indicators.trade_shares_by_year(trade, "AZE", "TUR", [2020]).iloc[0] == pytest.approx(0.2)
    # TUR reports no imports: no share (never half a figure)
    assert math.isnan(indicators.trade_shares_by_year(trade, "TUR", "AZE", [2020]).iloc[0])


def _gas():
    def row(year, supplier, iso, bcm):
        return {
            "year": year,
            "supplier": supplier,
            "supplier_iso3": iso,
            "side": "importer",
            "importer_scope": "all importers",
            "quantity": "volume",
            "volume_bcm": bcm,
            "share_pct": np.nan,
            "unit_as_reported": "bcm",
            "use_in_series": True,
        }

    df = pd.DataFrame(
        [
            row(2020, "Azerbaijan", "AZE", 5.0),
            row(2020, "Total", None, 20.0),
            row(2021, "Azerbaijan", "AZE", 6.0),
            row(2020, "Russia", "RUS", 8.0),
            row(2021, "Total", None, 30.0),
            row(2021, "Russia", "RUS", 4.0),
        ]
    )
    df["supplier_iso3"] = df["supplier_iso3"].astype("string")
    return df


def test_gas_summary_rank():
    g = _gas()
    out = ov_summary.gas_summary(
        g, pd.DataFrame(columns=["iso3", "year", "indicator", "value"]), "AZE", "TUR", ["RUS"], range(2020, 2022)
    )
    # latest share: 2021, 6/30 = 20%; suppliers with a volume in 2021: AZE 6, RUS 4 -> AZE rank 1 of 2
    assert out["latest_year"] == 2021 and out["latest_share"] == pytest.approx(20.0)
    assert (out["rank"], out["n_ranked"]) == (1, 2)


def _flows():
    """A year of IEA monthly routes (mcm): each month Türkgözü 1, Samsun 2, Kıyıköy 1, Malkoçlar 0, Doğubayazıt 1, LNG 5."""
    per_month = {"turkgozu": 1.0, "blue_stream": 2.0, "turkstream": 1.0, "trans_balkan": 0.0, "dogubayazit": 1.0, "lng": 5.0,
                 "kipi_exit": 0.5, "malkoclar_exit": 0.5, "lng_exit": 0.0}  # fmt: skip
    rows = [
        {"month": f"2024-{m:02d}", "year": 2024, "route_id": r, "volume_mcm": v}
        for m in range(1, 13)
        for r, v in per_month.items()
    ]
    return pd.DataFrame(rows)


def test_gas_indicator_from_the_iea_entries():
    f = _flows()
    # 2024: Azerbaijan 12 of total entries 12 + 36 + 12 + 60 = 120 -> 0.1 (exits not subtracted)
    s = indicators.gas_shares_by_year_iea(f, "AZE", [2023, 2024])
    assert math.isnan(s[2023]) and s[2024] == pytest.approx(0.1)
    assert indicators.gas_shares_by_year_iea(f, "GEO", [2024]).isna().all()  # no entry route carries Georgian gas
    out = ov_summary.gas_summary_iea(
        f, pd.DataFrame(columns=["iso3", "year", "indicator", "value"]), "TUR", "AZE", ["RUS"], [2024]
    )
    # Russia 36 > Azerbaijan 12 = Iran 12: 2nd of 3, tied with Iran
    assert (out["latest_year"], out["rank"], out["n_ranked"], out["tied_with"]) == (2024, 2, 3, ["IRN"])
    assert out["latest_share"] == pytest.approx(10.0) and out["latest_bcm"] == pytest.approx(0.012)
    text = ov_text.gas_sentence(out, "TUR", "AZE")
    assert "was 10.0% of all entries in 2024 (0.0 bcm; joint 2nd (with 1 other) of 3 pipeline suppliers)" in text
    geo = ov_summary.gas_summary_iea(
        f, pd.DataFrame(columns=["iso3", "year", "indicator", "value"]), "GEO", "TUR", [], [2024]
    )
    assert geo["label"] is None and "not covered" in ov_text.gas_sentence(geo, "GEO", "TUR")


def test_indicator_table_combines_directions_with_the_larger_share():
    un = pd.DataFrame({"pair": ["AZE–TUR"], "year": [2020], "n_votes": [10], "value": [0.3]})
    d = pd.DataFrame(
        {
            "pair": ["AZE–TUR"] * 4,
            "year": [2020] * 4,
            "indicator": ["arms", "arms", "trade", "trade"],
            "direction": ["TUR in AZE", "AZE in TUR", "TUR in AZE", "AZE in TUR"],
            "share": [0.26, 0.0, 0.17, np.nan],
        }
    )
    raw = indicators.indicator_table(un, d, [("AZE", "TUR")], [2020, 2021])
    # 2020: un 0.3; arms max(0.26, 0) = 0.26; trade max(0.17, missing) = 0.17; energy none
    r = raw.loc[("AZE–TUR", 2020)]
    assert (r["un_votes"], r["arms"], r["trade"]) == pytest.approx((0.3, 0.26, 0.17)) and math.isnan(r["energy"])
    # 2021 has no data at all, but keeps its row
    assert raw.loc[("AZE–TUR", 2021)].isna().all()
    mean = indicators.indicator_table(un, d, [("AZE", "TUR")], [2020], rule="mean")
    assert mean.loc[("AZE–TUR", 2020), "arms"] == pytest.approx(0.13)  # (0.26 + 0) / 2


# ---------------------------------------------------------------------------------------------
# Timeline helpers
# ---------------------------------------------------------------------------------------------


def test_pair_events_filters_on_both_countries():
    ev = pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3", "E4"],
            "date": ["2006-06-01", "1992-01-14", "2010-01-01", "1999-11-18"],
            "date_precision": ["month", "day", "year", "day"],
            "type": ["infrastructure", "institution", "war", "agreement"],
            "dimension": ["energy", "diplomatic", "military", "energy"],
            "title": ["a", "b", "c", "d"],
            "countries": ["AZE|GEO|TUR", "AZE|TUR", "ARM|AZE", "AZE|GEO|TUR"],
            "source": ["s", "s", "s", "s"],
        }
    )
    out = chronology.pair_events(ev, "GEO", "TUR")
    # E1 and E4 name both GEO and TUR; sorted by date: E4 (1999) then E1 (2006)
    assert out["event_id"].tolist() == ["E4", "E1"] and out["no"].tolist() == [1, 2]
    # month precision drawn mid-month: 2006 + (6 - 0.5)/12
    assert out["x"].iloc[1] == pytest.approx(2006 + 5.5 / 12)
    assert chronology.pair_events(ev, "AZE", "TUR")["event_id"].tolist() == ["E2", "E4", "E1"]


def test_timeline_table_short_sources_and_other_states():
    ev = pd.DataFrame(
        {
            "no": [1],
            "when": ["1999-11-18"],
            "year": pd.array([1999], dtype="Int64"),
            "dimension": ["energy"],
            "type": ["agreement"],
            "title": ["BTC agreement"],
            "countries": ["AZE|GEO|TUR"],
            "source": ["002_556960fc3d1098ab.txt § Energy | https://www.bp.com/x | https://www.bp.com/y"],
        }
    )
    t = tables.timeline_table(ev, "AZE", "TUR")
    # GEO is the only state beyond the pair; the two bp.com pages collapse into one site
    assert t.loc[0, "Others"] == "GEO"
    assert t.loc[0, "Source"] == "Barranzuela (2022); bp.com"
    assert t.loc[0, "Dimension · type"] == "energy · agreement"
    # the phone-width table of the charted events: four columns, the other states named in the event cell
    narrow = tables.charted_table(
        ev.assign(event_id=["E1"], sourcing=["seed only"]),
        "AZE",
        "TUR",
        pd.DataFrame(columns=["event_id", "side", "outlet", "reference", "date_given", "date_precision_given"]),
    )
    assert list(narrow.columns) == ["No.", "Date", "Event", "Sources"]
    assert narrow.loc[0, "Event"] == "BTC agreement (energy; also Georgia)"


def test_split_eras():
    # gaps: 3.3, 69.6 (> 15: new era), 13.6, 15.0 (not > 15: same era)
    assert chronology.split_eras([1918.5, 1921.8, 1991.4, 2005.0, 2020.0]) == [(1918.5, 1921.8), (1991.4, 2020.0)]
    assert chronology.split_eras([1990.0, 2006.0]) == [(1990.0, 1990.0), (2006.0, 2006.0)]
    assert chronology.split_eras([]) == []
    # (stack_levels went with the numbered-dot timeline: the labelled timeline has one row per event)


def test_charted_events_keeps_the_most_widely_recorded():
    ev = pd.DataFrame({"no": range(1, 8), "event_id": list("ABCDEFG"), "n_sources": [1, 3, 2, 1, 3, 2, 1]})
    # at most 3 rows: 7 events have >= 1 source, 4 have >= 2, 2 have >= 3 -> k = 3: B and E, renumbered 1, 2
    shown, rule = chronology.charted_events(ev, max_rows=3)
    assert shown["event_id"].tolist() == ["B", "E"] and shown["no"].tolist() == [1, 2]
    assert rule == {"min_sources": 3, "latest_only": False, "n_charted": 2, "n_events": 7}
    # at most 7 rows: all of them (k = 1)
    assert chronology.charted_events(ev, max_rows=7)[1]["min_sources"] == 1
    # all single-sourced and too many: the latest 3 (E, F, G), said as such
    one = ev.assign(n_sources=1)
    shown, rule = chronology.charted_events(one, max_rows=3)
    assert shown["event_id"].tolist() == ["E", "F", "G"] and rule["latest_only"] and rule["min_sources"] == 1
    # no events: nothing charted
    assert chronology.charted_events(ev.iloc[0:0])[1]["n_charted"] == 0


# ---------------------------------------------------------------------------------------------
# The notebook, executed
# ---------------------------------------------------------------------------------------------


@pytest.mark.notebook
def test_notebook_default_pair(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(execute_notebook("overview", tmp_path))
    # Trade, from the raw IMF file (imf_dots_bilateral_az_tr_comparators_1990_2020.csv), 2020:
    #   AZE reports exports_fob to Turkey 2597.9026, World 13740.8175; imports_cif from Turkey 1562.9705, World 10746.2296
    #   (2597.9026 + 1562.9705) / (13740.8175 + 10746.2296) = 16.99% -> "17.0%"
    #   TUR reports exports to AZE 2085.340263, World 169637.75531; imports from AZE 410.710278, World 219516.806838
    #   (2085.340263 + 410.710278) / (169637.75531 + 219516.806838) = 0.641% -> "0.64%"
    assert "Türkiye accounted for 17.0% of Azerbaijan's merchandise trade" in text
    assert "Azerbaijan for 0.64% of Türkiye's" in text
    # Arms, from the raw SIPRI register: awk -F, '$2=="Turkiye" && $3=="Azerbaijan" {s+=$16}' -> 166.17
    assert "166.2 million TIV of major arms delivered by Türkiye to Azerbaijan" in text
    # ... and over 2020-2024: awk ... $3=="Azerbaijan" && $11>=2020 && $11<=2024: Turkiye 59.65 of 101.5 -> 58.8%
    assert "and 58.8% in 2020–2024" in text
    # Gas, from the IEA workbook (GTF_data, 2024 sums by hand): Türkgözü 11,478.433 mcm of all entries 51,734.645 mcm
    # (Samsun 12,138.202 + Kıyıköy 8,936.832 + Doğubayazıt 7,043.365 + LNG 12,137.813 + Türkgözü) -> 22.19%; Russia 21.08
    # > Azerbaijan 11.48 > Iran 7.04 bcm -> 2nd of 3. The old 22.0% divided EPDK's volume by another publication's total.
    assert (
        "Gas entering Türkiye on the route that carries Azerbaijan's gas was 22.2% of all entries in 2024 (11.5 bcm; 2nd of 3 pipeline suppliers)"
        in text
    )
    assert "numerator and denominator from that one series" in text and "22.0%" not in text
    # UN votes, from data/processed/unga_agreement.csv:
    #   awk -F, '$2=="AZE" && $3=="TUR" && $1>=1995 && $1<=2024 {n+=$4; s+=$5} END {print n, s, s/n}' -> 2373 1677 0.7067
    assert "voted alike on 70.7% of the 2,373 votes both cast in 1995–2024" in text
    for heading in (
        "Key findings",
        "The relationship at a glance",
        "Timeline of events",
        "Relationship index",
        "Methods and caveats",
        "Sources",
    ):
        assert heading in text
    assert "Handbook on Constructing Composite Indicators" in text and "Asia Power Index" in text
    assert "AZE–RUS" in text and "AZE–IRN" in text and "AZE–GEO" in text and "TUR–GEO" in text
    assert "random weightings" in text and "seed 20260101" in text
    # Only AZE–TUR has the gas indicator (the press table gives Türkiye's imports by supplier; Georgia, Russia's and
    # Iran's ties with Azerbaijan have no gas measure), so the key finding says the pairs rest on 4 and 3 indicators.
    assert "not scored on the same evidence: AZE–TUR on 4 indicators, the other pairs on 3" in text
    assert "index = Σ wᵢ·xᵢ ÷ Σ wᵢ" in text
    assert "Traceback" not in text and "Warning" not in text


@pytest.mark.notebook
def test_notebook_georgia_turkiye(tmp_path):
    from conftest import execute_notebook, notebook_text

    nb = execute_notebook(
        "overview", tmp_path, country_a="GEO", country_b="TUR", comparators=["AZE", "RUS", "ARM"], n_draws=500
    )
    text = notebook_text(nb)
    # Raw IMF file, 2020: GEO exports to Turkey 190.571798 of 3343.442938, imports from Turkey 1407.581324 of 8052.882152
    #   (190.571798 + 1407.581324) / (3343.442938 + 8052.882152) = 14.02% -> "14.0%"
    #   TUR: exports to GEO 1461.257379, imports from GEO 348.883558 over the same world totals as above -> 0.465% -> "0.47%"
    assert "Türkiye accounted for 14.0% of Georgia's merchandise trade" in text
    assert "Georgia for 0.47% of Türkiye's" in text
    # Raw SIPRI register: awk -F, '$2=="Turkiye" && $3=="Georgia" {s+=$16}' -> 77.7
    assert "77.7 million TIV of major arms delivered by Türkiye to Georgia" in text
    # awk -F, '$2=="GEO" && $3=="TUR" && $1>=1995 && $1<=2024 {n+=$4; s+=$5} END {print n, s, s/n}' unga_agreement.csv -> 2536 1943 0.7662
    assert "voted alike on 76.6% of the 2,536 votes both cast in 1995–2024" in text
    # No entry point of Türkiye carries Georgian gas (Türkgözü's gas is Azerbaijani): said, not shown as zero
    assert "None of Türkiye's gas entry points carries gas from Georgia" in text
    # TUR-GEO in the default comparison pairs is the report's own pair: listed once
    assert "GEO–TUR" in text and "TUR–GEO" not in text


@pytest.mark.notebook
def test_notebook_pair_outside_the_arms_register(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(
        execute_notebook(
            "overview",
            tmp_path,
            country_a="RUS",
            country_b="IRN",
            comparators=["TUR"],
            comparison_pairs=["AZE-TUR", "ARM-RUS"],
            n_draws=300,
        )
    )
    assert "The SIPRI register extract used here cannot show arms transfers between Russia and Iran" in text
    assert "gas imports by supplier for Türkiye only" in text
    assert "The project's curated events table lists no dated event naming both Russia and Iran." in text
    # Raw IMF file, 2020: RUS exports to Iran 1433.651529 of 337884.789154, imports 795.68101 of 231429.507465 -> 0.392% -> "0.39%";
    #   IRN exports to Russia 750.64 (flag e) of 14209.226148, imports 1373.072254 of 21229.506115 -> 5.993% -> "6.0%"
    assert "Iran accounted for 0.39% of Russia's merchandise trade" in text and "Russia for 6.0% of Iran's" in text
    assert "Iran's figures that year include IMF estimates" in text
    assert "Traceback" not in text


def test_switch_within_keeps_the_line_only_inside_the_years():
    switch = {"boundary": 2018.5, "year": 2019}
    assert ov_summary.switch_within(switch, [2015, 2016, 2017, 2018, 2019]) == switch
    # all years before the change, all after it, a single year, no switch at all: no line
    assert ov_summary.switch_within(switch, [2010, 2018]) == {}
    assert ov_summary.switch_within(switch, [2019, 2024]) == {}
    assert ov_summary.switch_within(switch, [2019]) == {}
    assert ov_summary.switch_within({}, [2010, 2024]) == {}
