"""Tests of the bilateral.claims package and of notebooks/claims.ipynb.

Unit tests run each check function on small frames built here, with the expected values worked out by
hand in the comments, and test the verdict rules at their boundaries. Tests on the processed tables
compare verdicts with values computed by hand from the raw files in the raw sources folder (the awk or
grep commands are quoted; ``/tmp/dots_flat.csv`` is the DOTS file with its quoted names blanked,
``sed 's/"[^"]*"/X/g' imf_dots_bilateral_az_tr_comparators_1990_2020.csv``, so that awk can split it on
commas). Tests marked ``notebook`` execute the report and check what the reader sees.
"""

from __future__ import annotations

import json
import math
from html.parser import HTMLParser

import pandas as pd
import pytest

from bilateral.claim_registry import CHECK_KEYS, CHECK_TABLES
from bilateral.claims import (
    compute,
    diplomatic_checks,
    energy_checks,
    helpers,
    military_checks,
    model,
    run,
    trade_checks,
    verdicts,
)
from bilateral.claims import summary as cl_summary
from bilateral.claims import tables as cl_tables
from bilateral.claims import text as cl_text
from bilateral.data import load
from bilateral.errors import ParameterError

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def claim(
    key="",
    args=None,
    *,
    value="",
    qualifier="",
    kind="amount",
    unit="",
    year=None,
    check="",
    seed="002_556960fc3d1098ab.txt",
    cid="C900",
):
    """A claims row as the checks see it."""
    return {
        "claim_id": cid, "seed": seed, "location": "Opening (untitled)", "claim": "A claim.", "kind": kind,
        "value_claimed": value, "value_qualifier": qualifier, "unit": unit, "year": year, "check": check,
        "check_table": CHECK_TABLES[key][0] if key else "", "check_key": key, "check_args": json.dumps(args or {}),
    }  # fmt: skip


def event(eid, date, precision, kind, countries="AZE|TUR", etype="treaty", title="T"):
    return {
        "event_id": eid, "date": date, "date_precision": precision, "type": etype, "dimension": "diplomatic",
        "title": title, "description": "d", "countries": countries, "source": "https://x.org/a | 000_bbf2abffa65fbe36.txt § DEVELOPMENT",
        "source_kind": kind,
    }  # fmt: skip


def fact(pipeline, attribute, value, unit, qualifier=None, event_date=None, reference_year=None, note=None):
    return {
        "pipeline": pipeline, "pipeline_name": f"{pipeline} pipeline", "attribute": attribute, "value": value, "unit": unit,
        "qualifier": qualifier, "event_date": event_date, "reference_year": reference_year, "period_kind": None,
        "value_as_reported": str(value), "unit_as_reported": unit, "source": "Publisher", "url": "https://p.org/x",
        "quote": "quoted text", "note": note,
    }  # fmt: skip


def dots(rows):
    """trade_bilateral rows from (year, reporter, partner, flow, value)."""
    return pd.DataFrame(
        [
            {
                "year": y,
                "reporter_iso3": r,
                "partner_iso3": p,
                "flow": f,
                "value_usd_m": v,
                "is_estimate": False,
                "source": "imf_dots",
            }
            for y, r, p, f, v in rows
        ]
    )


def transfer(deal, year, sup, rec, tiv, item="X", units=1):
    return {
        "deal_id": deal, "delivery_year": year, "supplier_iso3": sup, "recipient_iso3": rec, "supplier": sup, "recipient": rec,
        "designation": item, "description": "thing", "category": "Aircraft", "units_delivered": units, "tiv_m": tiv,
    }  # fmt: skip


def votes(year, ballots):
    """unga_votes rows: ballots maps a state to its list of votes on roll calls ``year-0``, ``year-1``, ..."""
    return pd.DataFrame(
        [
            {"year": year, "vote_id": f"{year}-{i}", "iso3": s, "vote": v}
            for s, vs in ballots.items()
            for i, v in enumerate(vs)
        ]
    )


# ---------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------


def test_every_check_key_has_a_function_and_tables():
    assert set(run.CHECKS) == set(CHECK_KEYS) == set(CHECK_TABLES)
    for key, spec in CHECK_KEYS.items():
        # the table the claims table names for a key is among those its check reads (unga_votes stands for unga_agreement)
        tables = set(CHECK_TABLES[key]) | ({"unga_agreement"} if "unga_votes" in CHECK_TABLES[key] else set())
        assert spec.table in tables


def test_the_registry_is_the_one_place_both_sides_read():
    from bilateral import claim_registry as registry
    from bilateral.sources import curated

    # the curated-table validation reads the same registry object the checks are dispatched from
    assert curated.CHECK_KEYS is CHECK_KEYS
    for key, spec in CHECK_KEYS.items():
        assert spec.group in registry.GROUPS
        assert run.CHECKS[key].__module__ == f"bilateral.claims.{spec.group}_checks"
        assert run.CHECKS[key].__name__ == f"check_{key}"
        assert tuple(sorted(spec.args)) == spec.args and spec.reads
    # the registry imports nothing from the project (so the ingest side can import it without a cycle)
    import ast
    from pathlib import Path

    tree = ast.parse(Path(registry.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m.startswith("bilateral") for m in imported if m)


# ---------------------------------------------------------------------------------------------
# Verdict rules at their boundaries
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claimed", "measured", "qualifier", "expected"),
    [
        (110.0, 100.0, "exact", model.SUPPORTED),  # |110-100|/100 = 10% exactly: supported
        (90.0, 100.0, "about", model.SUPPORTED),  # 10% below
        (110.01, 100.0, "exact", model.PARTLY),  # 10.01%
        (125.0, 100.0, "exact", model.PARTLY),  # 25% exactly
        (75.0, 100.0, "exact", model.PARTLY),
        (125.01, 100.0, "exact", model.CONTRADICTED),  # 25.01%
        (1.0, 1.2, "exact", model.PARTLY),  # 0.2/1.2 = 16.7%
        (5.0, 5.8, "more_than", model.SUPPORTED),  # bound holds
        (5.0, 5.0, "more_than", model.PARTLY),  # not more than 5, but 0% off
        (5.0, 5.0, "at_least", model.SUPPORTED),
        (5.0, 4.0, "more_than", model.PARTLY),  # fails by 1/4 = 25%
        (5.0, 3.9, "at_least", model.CONTRADICTED),  # fails by 1.1/3.9 = 28.2%
        (5.0, 4.0, "less_than", model.SUPPORTED),
        (5.0, 5.0, "at_most", model.SUPPORTED),
        (5.0, 6.0, "at_most", model.PARTLY),  # fails by 1/6 = 16.7%
        (0.0, 0.0, "exact", model.SUPPORTED),
        (1.0, 0.0, "exact", model.CONTRADICTED),  # infinitely far from zero
    ],
)
def test_number_verdict(claimed, measured, qualifier, expected):
    assert verdicts.number_verdict(claimed, measured, qualifier)[0] == expected


def test_number_verdict_with_other_tolerances():
    tol = model.Tolerances(5.0, 15.0, 31)
    assert verdicts.number_verdict(107.0, 100.0, "exact", tol)[0] == model.PARTLY
    assert verdicts.number_verdict(116.0, 100.0, "exact", tol)[0] == model.CONTRADICTED


@pytest.mark.parametrize(
    ("claimed", "measured", "days"),
    [
        ("2010", "2010-08-16", 0),  # the year covers the day
        ("1994-02-09", "1994", 0),
        ("2006-07-13", "2006-06", 13),  # 30 June to 13 July
        ("2021", "2020-12", 1),  # 31 Dec 2020 to 1 Jan 2021
        ("2019", "2018-06", 185),  # 30 June 2018 to 1 Jan 2019: 185 days
        ("1992-03-22/1992-03-24", "1992-03-23", 0),
        ("1992-03-22/1992-03-24", "1992-03-01", 21),
    ],
)
def test_days_apart(claimed, measured, days):
    assert verdicts.days_apart(claimed, measured) == days


def test_date_verdict_boundaries():
    assert verdicts.date_verdict("2010", "2010-08-16")[0] == model.SUPPORTED
    assert verdicts.date_verdict("2006-07-31", "2006-06")[0] == model.PARTLY  # 31 days: within
    assert verdicts.date_verdict("2006-08-01", "2006-06")[0] == model.CONTRADICTED  # 32 days
    assert verdicts.date_verdict("2019", "2018-06")[0] == model.CONTRADICTED
    assert verdicts.date_verdict("2006-07-13", "2006-06", model.Tolerances(date_days=0))[0] == model.CONTRADICTED


def test_rank_verdict():
    assert verdicts.rank_verdict(1, [1])[0] == model.SUPPORTED
    assert verdicts.rank_verdict(1, [1, 1])[0] == model.SUPPORTED
    assert verdicts.rank_verdict(1, [1, 2])[0] == model.PARTLY
    assert verdicts.rank_verdict(1, [3])[0] == model.CONTRADICTED
    # no claimed rank: upper half of 13 means rank <= 6.5
    assert verdicts.rank_verdict(None, [6], 13)[0] == model.SUPPORTED
    assert verdicts.rank_verdict(None, [3, 7], 13)[0] == model.PARTLY
    assert verdicts.rank_verdict(None, [7], 13)[0] == model.CONTRADICTED
    with pytest.raises(ValueError):
        verdicts.rank_verdict(None, [1])


def test_verdict_caps_partial_proxies_and_handles_missing_values():
    m = model.Measurement(compare="number", value=3.0, text="3")
    assert verdicts.verdict(claim(value="3", unit="posts"), m)[0] == model.SUPPORTED
    assert verdicts.verdict(claim(value="3", unit="posts", check="Partial proxy: votes only"), m)[0] == model.PARTLY
    assert verdicts.verdict(claim(value="3", unit="posts", check="Rough comparison only: tonnes"), m)[0] == model.PARTLY
    assert (
        verdicts.verdict(
            claim(value="3", unit="posts", check="Partial proxy: x"), model.Measurement("number", 10.0, "10")
        )[0]
        == model.CONTRADICTED
    )
    assert verdicts.verdict(claim(check="Not checkable: no table."), None) == (
        model.NOT_CHECKABLE,
        "Not checkable: no table.",
    )
    assert (
        verdicts.verdict(claim(value="3"), model.Measurement("number", None, "–", note="nothing"))[0]
        == model.NOT_CHECKABLE
    )


def test_years_verdict_direction():
    # 60% of the years vs 100% claimed: 40/60 = 67% off, contradicted as a number, partly if the trend is right
    up = model.Measurement("years", 60.0, "t", claimed=100.0, direction_ok=True)
    down = model.Measurement("years", 60.0, "t", claimed=100.0, direction_ok=False)
    assert verdicts.verdict(claim(kind="other"), up)[0] == model.PARTLY
    assert verdicts.verdict(claim(kind="other"), down)[0] == model.CONTRADICTED
    # 91% of the years: 9/91 = 9.9% off, supported
    assert (
        verdicts.verdict(claim(kind="other"), model.Measurement("years", 91.0, "t", claimed=100.0, direction_ok=True))[
            0
        ]
        == model.SUPPORTED
    )


def test_years_verdict_says_what_the_percentage_compares():
    # 34.5% of the years against the 100% claimed: (100 - 34.5) / 34.5 = 190% above the measured share
    why = verdicts.verdict(
        claim(kind="other"), model.Measurement("years", 34.5, "t", claimed=100.0, direction_ok=False)
    )[1]
    assert why == (
        "the claim holds in 34% of the years, not in every year: the claimed 100% of the years is 190% above "
        "the measured share (beyond the 25% tolerance)"
    )
    assert "% off" not in why
    full = verdicts.verdict(
        claim(kind="other"), model.Measurement("years", 100.0, "t", claimed=100.0, direction_ok=True)
    )
    assert full == (model.SUPPORTED, "the claim holds in 100% of the years")


def test_tolerances_are_checked():
    with pytest.raises(ParameterError):
        model.Tolerances(30.0, 25.0)
    with pytest.raises(ParameterError):
        model.Tolerances(10.0, 120.0)
    with pytest.raises(ParameterError):
        model.Tolerances(10.0, 25.0, -1)


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def test_helpers():
    assert compute.rising_years(pd.Series([1.0, 2.0, 2.0, 1.0, 3.0], index=range(2000, 2005))) == (2, 4)
    assert compute.rising_years(pd.Series([1.0, float("nan"), 3.0, 4.0], index=range(2000, 2004))) == (1, 1)
    assert compute.trend_slope(pd.Series([1.0, 2.0, 3.0], index=[2000, 2001, 2002])) == pytest.approx(1.0)
    assert compute.least_favourable([5.8, 5.842, 6.0], 5.0, "more_than") == 0
    assert compute.least_favourable([5.8, 5.842, 6.0], 7.0, "at_most") == 2
    assert compute.least_favourable([5.8, 6.6], 6.0, "about") == 1
    assert helpers.claimed_text(claim(value="5", qualifier="more_than", unit="USD bn")) == "more than 5 USD bn"
    assert helpers.claimed_text(claim(value="6.2", qualifier="exact", unit="%", kind="share")) == "6.2%"
    assert helpers.claimed_text(claim(value="1921-10", kind="date", unit="date")) == "Oct 1921"
    assert helpers.claimed_text(claim(value="1", qualifier="exact", unit="rank", kind="ranking")) == "rank 1"
    assert cl_summary.pair_note("TUR", "AZE") == ""
    assert "pair-specific" in cl_summary.pair_note("ARM", "RUS")


def test_select_claims_keeps_claims_without_a_year():
    df = pd.DataFrame({"claim_id": ["C1", "C2", "C3"], "year": pd.array([1915, None, 2020], dtype="Int64")})
    assert compute.select_claims(df, 1990, 2025)["claim_id"].tolist() == ["C2", "C3"]


def test_barrels_per_tonne():
    # 2020 (leap year): 100 kb/d x 366 days / 1000 = 36.6 million barrels from 5 Mt -> 7.32 barrels per tonne
    series = pd.DataFrame(
        {
            "iso3": ["AZE", "AZE"],
            "year": [2020, 2020],
            "indicator": ["oil_production_kbd", "oil_production_mt"],
            "value": [100.0, 5.0],
        }
    )
    assert compute.barrels_per_tonne(series, "AZE", [2020]) == pytest.approx(7.32)
    assert math.isnan(compute.barrels_per_tonne(series, "AZE", [2019]))


# ---------------------------------------------------------------------------------------------
# Each check on small hand-built frames
# ---------------------------------------------------------------------------------------------


@pytest.fixture()
def events():
    return pd.DataFrame(
        [
            event("E001", "1994-02-09", "day", "curated_list", title="Friendship treaty"),
            event("E002", "1994-02-09", "day", "seed", etype="agreement"),
            event("E003", "2010-08-16", "day", "curated_list", title="Partnership treaty"),
            event("E004", "1990-01-01", "year", "curated_list"),  # before the window
            event("E005", "2000-01-01", "year", "seed"),  # a seed's treaty: not counted
            event("E006", "2005-05-05", "day", "curated_list", countries="ARM|AZE"),  # not the pair
            event("E007", "2021-06-15", "day", "curated_list", etype="declaration"),  # the claimed first one
        ]
    )


def test_check_event_date(events):
    c = claim("event_date", {"event_id": "E001"}, value="1994-02-09", kind="date", unit="date")
    m = diplomatic_checks.check_event_date(c, {"events": events})
    assert (m.value, m.precision) == ("1994-02-09", "day")
    assert m.sources[0] == "bilateral_agreements_curated"
    assert verdicts.verdict(c, m)[0] == model.SUPPORTED
    seed = diplomatic_checks.check_event_date(
        claim("event_date", {"event_id": "E002"}, value="1994-02-09", kind="date"), {"events": events}
    )
    assert seed.value is None and "seed" in seed.note


def test_check_events_count_before(events):
    args = {
        "after": "1991-10-18",
        "before": "2021-06-15",
        "countries": "AZE|TUR",
        "types": ["treaty"],
        "source_kinds": ["curated_list"],
    }
    c = claim("events_count_before", args, value="1", qualifier="exact", unit="rank", kind="ranking")
    m = diplomatic_checks.check_events_count_before(c, {"events": events})
    # E001 and E003 only (E004 too early, E005 a seed, E006 not the pair, E007 not a treaty): rank 3
    assert m.value == 3 and m.rows == "E001: Friendship treaty; E003: Partnership treaty"
    assert m.text == "rank 3: 2 earlier treaties (E001, 9 Feb 1994; E003, 16 Aug 2010)"
    assert verdicts.verdict(c, m)[0] == model.CONTRADICTED


@pytest.fixture()
def facts():
    return pd.DataFrame(
        [
            fact("BTC", "length", 1768.0, "km", note="Another source gives 1,776 km."),
            fact("BTC", "operational", 2006.0, "year", qualifier="June 2006"),
            fact("BTC", "capacity", 1.0, "million barrels/day", qualifier="Mar 2006-Mar 2009"),
            fact("BTC", "capacity", 1.2, "million barrels/day", qualifier="since Mar 2009"),
            fact("BTC", "throughput 2009 (max)", 287.6, "million barrels", reference_year=2009),
            fact("BTC", "cumulative by 2021-12-12", 500.0, "million tonnes", reference_year=2021),
            fact(
                "SCP", "first gas into BOTAŞ system", 2007.0, "year", qualifier="3 July 2007", event_date="2007-07-03"
            ),
            fact("TAP", "first supplies", 2020.0, "year", qualifier="end December 2020"),
            fact(
                "TANAP",
                "construction start / inauguration",
                2018.0,
                "year",
                qualifier="inaugurated June 2018; construction started March 2015",
            ),
        ]
    )


def test_fact_date(facts):
    rows = dict(zip(facts["attribute"], facts.to_dict("records")))
    assert energy_checks.fact_date(rows["operational"]) == ("2006-06", "month")
    assert energy_checks.fact_date(rows["first gas into BOTAŞ system"]) == ("2007-07-03", "day")
    assert energy_checks.fact_date(rows["first supplies"]) == ("2020-12", "month")
    # the month whose year is the fact's year, not the construction start
    assert energy_checks.fact_date(rows["construction start / inauguration"]) == ("2018-06", "month")


def test_check_pipeline_attribute(facts):
    tables = {"pipelines": facts}
    length = claim(
        "pipeline_attribute",
        {"pipeline": "BTC", "attribute": "length"},
        value="1768",
        qualifier="exact",
        unit="km",
        kind="length",
    )
    m = energy_checks.check_pipeline_attribute(length, tables)
    assert m.value == 1768.0 and "1,776" in m.others[0]
    assert verdicts.verdict(length, m)[0] == model.SUPPORTED
    opened = claim(
        "pipeline_attribute",
        {"pipeline": "BTC", "attribute": "operational"},
        value="2006-07-13",
        kind="date",
        unit="date",
    )
    m = energy_checks.check_pipeline_attribute(opened, tables)
    assert (m.value, m.precision) == ("2006-06", "month")
    assert verdicts.verdict(opened, m)[0] == model.PARTLY  # 13 days after June 2006
    tap = claim(
        "pipeline_attribute", {"pipeline": "TAP", "attribute": "first supplies"}, value="2021", kind="date", unit="date"
    )
    assert verdicts.verdict(tap, energy_checks.check_pipeline_attribute(tap, tables))[0] == model.PARTLY  # 1 day
    peak = claim(
        "pipeline_attribute",
        {"pipeline": "BTC", "attribute": "throughput 2009 (max)"},
        value="1",
        qualifier="exact",
        unit="rank",
        kind="ranking",
        year=2010,
    )
    m = energy_checks.check_pipeline_attribute(peak, tables)
    assert (m.compare, m.value, m.claimed) == ("equal", 2009, 2010)
    assert verdicts.verdict(peak, m)[0] == model.CONTRADICTED


def test_check_pipeline_capacity_in_force(facts):
    # No year in the claim: the 2022 seed's publication year; 1.2 is in force since March 2009.
    cap = claim(
        "pipeline_attribute",
        {"pipeline": "BTC", "attribute": "capacity"},
        value="1",
        qualifier="exact",
        unit="million barrels/day",
        kind="capacity",
    )
    m = energy_checks.check_pipeline_attribute(cap, {"pipelines": facts})
    assert m.value == 1.2 and "2022" in m.basis and "Mar 2006–Mar 2009" in m.others[0]
    assert verdicts.verdict(cap, m)[0] == model.PARTLY  # 0.2 / 1.2 = 16.7%
    # A claim about 2007 gets the 1.0 in force then.
    m2007 = energy_checks.check_pipeline_attribute({**cap, "year": 2007}, {"pipelines": facts})
    assert m2007.value == 1.0 and verdicts.verdict(cap, m2007)[0] == model.SUPPORTED


def test_check_pipeline_attribute_converts_tonnes_to_barrels(facts):
    facts = pd.concat(
        [facts, pd.DataFrame([fact("BTC", "throughput 2021", 1.0, "million tonnes", reference_year=2021)])]
    )
    # operational 2006, fact of 2021: factor from 2006-2021; here only 2020 has data:
    # 100 kb/d x 366 / 1000 = 36.6 million barrels from 5 Mt = 7.32 bbl/t; 500 Mt x 7.32 / 1000 = 3.66 bn barrels
    series = pd.DataFrame(
        {
            "iso3": ["AZE", "AZE"],
            "year": [2020, 2020],
            "indicator": ["oil_production_kbd", "oil_production_mt"],
            "value": [100.0, 5.0],
        }
    )
    c = claim("pipeline_attribute", {"pipeline": "BTC", "attribute": "cumulative by 2021-12-12"}, value="3.5", qualifier="about",
              unit="billion barrels", check="Rough comparison only: tonnes.")  # fmt: skip
    m = energy_checks.check_pipeline_attribute(c, {"pipelines": facts, "energy_series": series})
    assert m.value == pytest.approx(3.66)
    assert "ei_statistical_review_2023" in m.sources
    # |3.5 - 3.66| / 3.66 = 4.4%: within 10%, but a rough comparison gives at most partly supported
    assert verdicts.verdict(c, m)[0] == model.PARTLY
    no_factor = energy_checks.check_pipeline_attribute(c, {"pipelines": facts})
    assert no_factor.value is None


def _press_row(year, period, metric, value_bn, side="AZE", usable=True, reason=None, note=None, by="Agency"):
    return {
        "source_row": 1, "year_label": str(year), "year": year, "year_start": year, "year_end": year, "period": period,
        "is_full_year": period == "year", "basis": "customs", "basis_iso3": side, "metric": metric, "value": value_bn,
        "unit": "USD bn", "value_usd_m": value_bn * 1000, "reported_by": by, "url": f"https://{by}.org", "quote": "q",
        "note": note, "usable": usable, "usable_reason": reason,
    }  # fmt: skip


def test_check_trade_turnover_usd_bn():
    press = pd.DataFrame(
        [
            _press_row(2022, "year", "turnover", 5.8, by="A"),
            _press_row(2022, "year", "turnover (approx.)", 6.0, by="B"),
            _press_row(
                2022, "year", "turnover (lower bound: 'exceeded')", 6.0, usable=False, reason="conflicts", by="C"
            ),
            _press_row(2022, "year", "turnover", 4.0, note="Do not use: mislabelled", by="D"),
            _press_row(2022, "Jan-Oct", "turnover", 5.06, by="E"),
            _press_row(2021, "year", "turnover", 4.6, by="F"),
        ]
    )
    c = claim(
        "trade_turnover_usd_bn",
        {"year": 2022, "period": "year", "metric": "turnover"},
        value="5",
        qualifier="more_than",
        unit="USD bn",
        year=2022,
    )
    m = trade_checks.check_trade_turnover_usd_bn(c, {"trade_press": press})
    # usable full-year 2022 figures: 5.8 (A) and about 6.0 (B); the lowest is least favourable to "more than 5"
    assert m.value == pytest.approx(5.8)
    assert len(m.others) == 2 and "not used" in m.others[1]
    assert verdicts.verdict(c, m)[0] == model.SUPPORTED
    # "more than 6": 5.8 fails by 0.2/5.8 = 3.4%: partly
    assert verdicts.verdict({**c, "value_claimed": "6"}, m)[0] == model.PARTLY


def test_check_trade_turnover_trend():
    # AZE turnover 2000-2003: 10, 12, 11, 15 -> rose 2 of 3 years (67%), slope upward
    # TUR turnover: 5, 6, 7, 8 -> 3 of 3
    rows = []
    for y, (x, m, tx, tm) in zip(range(2000, 2004), [(6, 4, 2, 3), (7, 5, 3, 3), (6, 5, 3, 4), (9, 6, 4, 4)]):
        rows += [
            (y, "AZE", "TUR", "exports", x),
            (y, "AZE", "TUR", "imports", m),
            (y, "TUR", "AZE", "exports", tx),
            (y, "TUR", "AZE", "imports", tm),
        ]
    c = claim(
        "trade_turnover_trend",
        {"reporter": "AZE", "partner": "TUR", "start_year": 2000, "end_year": 2003},
        kind="other",
    )
    m = trade_checks.check_trade_turnover_trend(c, {"trade_bilateral": dots(rows)})
    assert m.value == pytest.approx(200 / 3) and m.direction_ok is True
    assert "3 of 3" in m.others[0]
    # 100 vs 66.7: 50% off, contradicted as a number, but the direction is right
    assert verdicts.verdict(c, m)[0] == model.PARTLY


def test_check_partner_share_pct():
    # DOTS 1996 (see the raw test below): 39.0488 / 631.2453 = 6.186%; mirror 35.229092 / 631.2453 = 5.581%
    rows = [
        (1996, "AZE", "TUR", "exports", 39.0488),
        (1996, "AZE", "WLD", "exports", 631.2453),
        (1996, "TUR", "AZE", "imports", 35.229092),
    ]
    c = claim(
        "partner_share_pct",
        {"year": 1996, "reporter": "AZE", "partner": "TUR", "flow": "exports"},
        value="6.2",
        qualifier="exact",
        unit="%",
        kind="share",
    )
    m = trade_checks.check_partner_share_pct(c, {"trade_bilateral": dots(rows)})
    assert m.value == pytest.approx(100 * 39.0488 / 631.2453)
    assert "5.58%" in m.others[0]
    assert verdicts.verdict(c, m)[0] == model.SUPPORTED


def _gas(period, supplier, iso3, quantity, bcm=None, share=None, measure="share", usable=True):
    return {
        "year": int(period[:4]), "period": period, "period_start": period[:7], "period_end": period[:7], "months": 1,
        "supplier": supplier, "supplier_iso3": iso3, "side": "importer", "quantity": quantity, "volume_bcm": bcm,
        "share_pct": share, "value_as_reported": bcm if bcm is not None else share, "unit_as_reported": "x", "measure": measure,
        "reported_by": "Agency", "url": "https://a.org", "quote": "q", "note": None, "flag": None, "usable": usable,
        "exclusion_reason": None, "raw_line": 1,
    }  # fmt: skip


def _iea_month(period, **routes):
    """IEA monthly route rows for one month (mcm), as gas_flows_turkiye_monthly holds them."""
    from bilateral.sources.iea_gas import ROUTES

    vals = dict.fromkeys(ROUTES, 0.0) | routes
    return pd.DataFrame(
        [{"month": period, "year": int(period[:4]), "route_id": r, "direction": ROUTES[r][1], "supplier_iso3": ROUTES[r][2],
          "partner_iso3": ROUTES[r][3], "points_reported": 1, "volume_mcm": v} for r, v in vals.items()]
    )  # fmt: skip


def test_check_gas_entry_rank_and_route_origin():
    flows = pd.concat([_iea_month("2020-02", turkgozu=5.0, blue_stream=6.0, dogubayazit=1.0, lng=9.0),
                       _iea_month("2020-03", turkgozu=5.0, blue_stream=2.0, turkstream=2.0, dogubayazit=5.0, lng=9.0)])  # fmt: skip
    c = claim(
        "gas_entry_rank",
        {"period": "2020-03", "supplier": "AZE"},
        value="1",
        qualifier="exact",
        unit="rank",
        kind="ranking",
    )
    m = energy_checks.check_gas_entry_rank(c, {"gas_flows_turkiye_monthly": flows})
    # March: Azerbaijan 5 = Iran 5 > Russia 2 + 2 = 4 -> Azerbaijan 1st of 3, tied with Iran; LNG (9) is not ranked
    assert m.value == 1 and m.text.startswith("joint 1st (with 1 other) of 3 pipeline suppliers in Mar 2020")
    assert any("LNG of all origins 9 mcm" in o for o in m.others) and m.second is None
    assert verdicts.verdict(c, m)[0] == model.SUPPORTED
    feb = energy_checks.check_gas_entry_rank(claim("gas_entry_rank", {"period": "2020-02", "supplier": "AZE"}, value="1", qualifier="exact", unit="rank", kind="ranking"),
                                 {"gas_flows_turkiye_monthly": flows})  # fmt: skip
    assert (
        feb.value == 2
        and verdicts.verdict(
            claim(
                "gas_entry_rank",
                {"period": "2020-02", "supplier": "AZE"},
                value="1",
                qualifier="exact",
                unit="rank",
                kind="ranking",
            ),
            feb,
        )[0]
        == model.CONTRADICTED
    )
    geo = energy_checks.check_gas_entry_rank(
        claim("gas_entry_rank", {"period": "2020-03", "supplier": "GEO"}), {"gas_flows_turkiye_monthly": flows}
    )
    assert geo.value is None
    o = claim("gas_route_origin", {"origins": "AZE|RUS", "route": "turkstream", "year": 2020}, kind="other")
    m = energy_checks.check_gas_route_origin(o, {"gas_flows_turkiye_monthly": flows})
    assert (m.value, m.claimed) == ("Russia", "Azerbaijan and Russia") and verdicts.verdict(o, m)[
        0
    ] == model.CONTRADICTED
    assert m.others == (
        "Azerbaijan's gas entered Türkiye elsewhere, at Türkgözü (Azerbaijani gas via Georgia): 0.010 bcm in 2020",
    )
    ok = claim("gas_route_origin", {"origins": "RUS", "route": "blue_stream", "year": 2020}, kind="other")
    assert (
        verdicts.verdict(ok, energy_checks.check_gas_route_origin(ok, {"gas_flows_turkiye_monthly": flows}))[0]
        == model.SUPPORTED
    )


def test_check_gas_supplier_rank():
    sub = pd.DataFrame(
        [
            _gas("2020-03", "Azerbaijan", "AZE", "share", share=23.45, measure="share (rank 1)"),
            _gas("2020-03", "Qatar", "QAT", "share", share=19.95),
            _gas("2020-03", "Russia", "RUS", "share", share=9.89),
            _gas("2020-03", "Azerbaijan", "AZE", "volume", bcm=0.92428, measure="monthly volume"),
            _gas("2020-03", "Total", None, "volume", bcm=3.9, measure="monthly total"),
            _gas("2020-04", "Azerbaijan", "AZE", "share", share=30.0),
            _gas("2020-04", "Russia", "RUS", "share", share=20.0),
        ]
    )
    c = claim(
        "gas_supplier_rank",
        {"period": "2020-03", "supplier": "AZE"},
        value="1",
        qualifier="exact",
        unit="rank",
        kind="ranking",
    )
    m = energy_checks.check_gas_supplier_rank(c, {"gas_imports_turkiye_subannual": sub})
    # unlisted: 100 - 53.29 = 46.71% > 23.45%: another supplier could be larger, so the rank is not certain
    assert m.value is None
    more = pd.DataFrame(
        [_gas("2020-03", "Iran", "IRN", "share", share=14.15), _gas("2020-03", "Algeria", "DZA", "share", share=13.69)]
    )
    sub = pd.DataFrame(sub.to_dict("records") + more.to_dict("records"))
    m = energy_checks.check_gas_supplier_rank(c, {"gas_imports_turkiye_subannual": sub})
    # now unlisted 100 - 81.13 = 18.87% < 23.45%: rank 1 of 5 is certain; volumes 0.92428/3.9 = 23.7%
    assert m.value == 1 and "23.7%" in m.others[0] and "rank 1" in m.others[1]
    assert verdicts.verdict(c, m)[0] == model.SUPPORTED
    c2 = claim(
        "gas_supplier_rank",
        {"period": "2020-04", "supplier": "RUS"},
        value="1",
        qualifier="exact",
        unit="rank",
        kind="ranking",
    )
    assert energy_checks.check_gas_supplier_rank(c2, {"gas_imports_turkiye_subannual": sub}).value is None


@pytest.fixture()
def arms():
    return pd.DataFrame(
        [
            transfer(1, 2000, "TUR", "AZE", 3.4, "AB-25"),
            transfer(2, 2003, "TUR", "AZE", 10.0, "T-122"),
            transfer(3, 2004, "TUR", "AZE", 12.0, "T-122"),
            transfer(4, 2004, "TUR", "AZE", 24.0, "Bayraktar TB-2", units=10),
            transfer(5, 2004, "ISR", "AZE", 50.0, "Bayraktar-like"),  # another supplier
        ]
    )


def test_check_arms_deliveries_designation(arms):
    c = claim(
        "arms_deliveries_designation",
        {"supplier": "TUR", "recipient": "AZE", "designation": "bayraktar", "end_year": 2004},
        kind="other",
    )
    m = military_checks.check_arms_deliveries_designation(c, {"arms_transfers": arms})
    # one delivery; 2004: 24 of 36 TIV = 67%; 1995-2004: 24 of 49.4 = 49%
    assert m.value == 1 and "10 Bayraktar TB-2 in 2004" in m.text
    assert m.others[0].endswith("67%") and m.others[1].endswith("49%")
    assert verdicts.verdict(c, m)[0] == model.SUPPORTED
    early = military_checks.check_arms_deliveries_designation(
        {**c, "check_args": json.dumps({**json.loads(c["check_args"]), "end_year": 2003})}, {"arms_transfers": arms}
    )
    assert early.value == 0 and verdicts.verdict(c, early)[0] == model.CONTRADICTED


def test_check_arms_tiv_trend(arms):
    # TUR -> AZE TIV 2000-2004: 3.4, 0, 0, 10, 36 -> rose in 2003 and 2004: 2 of 4 years (50%); slope upward
    c = claim(
        "arms_tiv_trend", {"supplier": "TUR", "recipient": "AZE", "start_year": 2000, "end_year": 2004}, kind="other"
    )
    m = military_checks.check_arms_tiv_trend(c, {"arms_transfers": arms})
    assert m.value == pytest.approx(50.0) and m.direction_ok is True
    assert "2000–2004: 49.4" in m.others[0]
    assert verdicts.verdict(c, m)[0] == model.PARTLY


def test_check_atop_obligation_first_year():
    rows = [
        ("AZE", "TUR", 1993, 0, 1, 0),
        ("AZE", "TUR", 1994, 1, 1, 0),
        ("TUR", "AZE", 1994, 1, 1, 0),
        ("AZE", "TUR", 2010, 1, 1, 1),
    ]
    alliances = pd.DataFrame(
        [
            {
                "iso3_a": a,
                "iso3_b": b,
                "year": y,
                "defense": d,
                "offense": 0,
                "neutrality": 0,
                "nonaggression": n,
                "consultation": k,
                "any_pledge": 1,
            }
            for a, b, y, d, n, k in rows
        ]
    )
    c = claim(
        "atop_obligation_first_year",
        {"iso3_a": "AZE", "iso3_b": "TUR", "obligation": "defense"},
        value="1994-02-09",
        kind="date",
        unit="date",
    )
    m = diplomatic_checks.check_atop_obligation_first_year(c, {"alliances": alliances})
    assert (m.value, m.precision) == ("1994", "year")
    assert "non-aggression: 1993" in m.others[0]
    assert verdicts.verdict(c, m)[0] == model.SUPPORTED
    off = diplomatic_checks.check_atop_obligation_first_year(
        {**c, "check_args": json.dumps({"iso3_a": "AZE", "iso3_b": "TUR", "obligation": "offense"})},
        {"alliances": alliances},
    )
    assert off.value is None


def test_check_diplomatic_posts_count():
    # the posts table keeps editions with at least 100 rows: pad each with 100 posts of the USA in Georgia
    rows = []
    for ed in (2021, 2023):
        rows += [{"edition_year": ed, "sender_iso3": "USA", "host_iso3": "GEO", "host_name": "Georgia", "host_city": f"City{i}",
                  "post_type": "Consulate", "post_title": "Consulate"} for i in range(100)]  # fmt: skip
        for city, title in (("Baku", "Embassy"), ("Ganja", "Consulate-General"), ("Nakhchivan", "Consulate-General"))[
            : 3 if ed == 2023 else 2
        ]:
            rows.append(
                {
                    "edition_year": ed,
                    "sender_iso3": "TUR",
                    "host_iso3": "AZE",
                    "host_name": "Azerbaijan",
                    "host_city": city,
                    "post_type": title,
                    "post_title": title,
                }
            )
    c = claim(
        "diplomatic_posts_count",
        {"sender": "TUR", "host": "AZE", "year": 2023},
        value="3",
        qualifier="exact",
        unit="posts",
    )
    m = diplomatic_checks.check_diplomatic_posts_count(c, {"diplomatic_posts": pd.DataFrame(rows)})
    assert m.value == 3 and m.others == ("edition 2021: 2",)
    assert verdicts.verdict(c, m)[0] == model.SUPPORTED
    # Azerbaijan is never a sender in the index: not checkable
    c2 = claim(
        "diplomatic_posts_count",
        {"sender": "AZE", "host": "TUR", "year": 2023},
        value="3",
        qualifier="exact",
        unit="posts",
    )
    assert diplomatic_checks.check_diplomatic_posts_count(c2, {"diplomatic_posts": pd.DataFrame(rows)}).value is None


def test_check_unga_agreement_rank():
    # Six roll calls. TUR: y y y y n a.
    # AZE: y y y y y y -> same on 4: share 4/6; TUR uses y 4/6, n 1/6, a 1/6; AZE y 6/6 -> p_e = 4/6, kappa 0.
    # KAZ: y n n n n a -> same on calls 1, 5, 6: share 3/6; KAZ y 1/6, n 4/6, a 1/6 ->
    #      p_e = 4/36 + 4/36 + 1/36 = 0.25, kappa = (0.5 - 0.25) / 0.75 = 1/3.
    # So AZE is 1st by share and 2nd by kappa.
    v = votes(2000, {"TUR": list("yyyyna"), "AZE": list("yyyyyy"), "KAZ": list("ynnnna")})
    v["vote"] = v["vote"].map({"y": "yes", "n": "no", "a": "abstain"})
    args = {"iso3": "TUR", "partner": "AZE", "peers": ["KAZ"], "start_year": 2000, "end_year": 2000}
    c = claim("unga_agreement_rank", args, value="1", qualifier="exact", unit="rank", kind="ranking")
    m = diplomatic_checks.check_unga_agreement_rank(c, {"unga_votes": v})
    assert (m.value, m.second, m.group) == (1, 2, 2)
    assert "kappa (0.00)" in m.text and "Kazakhstan 0.33" in m.others[1]
    assert verdicts.verdict(c, m)[0] == model.PARTLY
    # no claimed rank: upper half of 2 means rank 1; one of the two measures gives it
    assert verdicts.verdict({**c, "value_claimed": "", "kind": "other"}, m)[0] == model.PARTLY


def test_check_unga_agreement_share():
    # 2000: identical votes y y n a -> kappa 1; 2001: TUR y y y y n a, AZE all yes -> kappa 0.
    # Pooled 10 votes: same 8 (p_o 0.8); TUR y .6 n .2 a .2, AZE y .8 n .1 a .1 -> p_e .52, kappa .28/.48 = 0.583
    v = pd.concat(
        [
            votes(2000, {"TUR": list("yyna"), "AZE": list("yyna")}),
            votes(2001, {"TUR": list("yyyyna"), "AZE": list("yyyyyy")}),
        ]
    )
    v["vote"] = v["vote"].map({"y": "yes", "n": "no", "a": "abstain"})
    agreement = pd.DataFrame(
        {
            "year": [2000, 2001],
            "iso3_a": "AZE",
            "iso3_b": "TUR",
            "n_votes": [4, 6],
            "n_same": [4, 4],
            "agreement_share": [1.0, 4 / 6],
            "kappa": [1.0, 0.0],
            "source": "voeten",
        }
    )
    args = {"iso3_a": "AZE", "iso3_b": "TUR", "start_year": 2000, "end_year": 2001}
    c = claim(
        "unga_agreement_share", args, value="30", qualifier="exact", unit="years", check="Partial proxy: UN votes."
    )
    m = diplomatic_checks.check_unga_agreement_share(c, {"unga_agreement": agreement, "unga_votes": v})
    assert m.value == pytest.approx(50.0) and m.direction_ok is True
    assert "kappa 0.58" in m.others[0] and "not in 2001" in m.text
    # 50% vs 100%: 100% off, contradicted as a number; pooled kappa > 0: partly supported
    assert verdicts.verdict(c, m)[0] == model.PARTLY


def test_check_all_and_counts(events):
    cl = pd.DataFrame(
        [
            claim(
                "event_date",
                {"event_id": "E001"},
                value="1994-02-09",
                kind="date",
                unit="date",
                cid="C001",
                seed="000_bbf2abffa65fbe36.txt",
            ),
            claim(
                "",
                {},
                value="1918",
                kind="date",
                unit="date",
                check="Not checkable: only the seeds.",
                cid="C002",
                seed="000_bbf2abffa65fbe36.txt",
            ),
            claim("event_date", {"event_id": "E003"}, value="2011", kind="date", unit="date", cid="C003"),
        ]
    )
    results = run.check_all(cl, {"events": events})
    assert results["verdict"].tolist() == [model.SUPPORTED, model.NOT_CHECKABLE, model.CONTRADICTED]
    counts = compute.verdict_counts(results)
    assert counts.loc[model.SUPPORTED, "Ismayilov (2025)"] == 1
    assert counts.loc[model.CONTRADICTED, "Barranzuela (2022)"] == 1
    assert counts.loc["All verdicts", "All claims"] == 3
    # 3 claims, 2 measured (67%), 1 not checkable for want of a table (its check text does not say "independently");
    # of the 2 measured, 1 supported and 1 contradicted: 1 of 2 (50%) holds at least in part
    lines = cl_summary.findings(results)
    assert lines[0].startswith(
        "**2 of the 3 dated or quantitative claims restated from the two seed documents can be checked"
    )
    assert lines[0].endswith(
        "1 is supported, 0 partly supported and 1 contradicted: 1 of the 2 (50%) hold at least in part."
    )
    # each seed: Ismayilov has C001 (supported) and C002 (not checkable); Barranzuela C003 (contradicted, a date
    # 2011 against 2010-08-16: more than 31 days apart)
    assert lines[1].startswith(
        "**Ismayilov (2025): on what the data here can test, its claims are largely borne out"
    )  # 1 of 1
    assert "1 of its 2 claims (50%) cannot be checked here" in lines[1]
    assert lines[2].startswith("**Barranzuela (2022): on what the data here can test, its claims are contradicted")
    assert "Contradicted: 1 date is off by more than 31 days." in lines[2]
    assert lines[3].startswith("**1 of the 3 claims (33%) cannot be checked here**: 0 because only the seed documents")
    assert lines[-1].startswith(
        "**The one contradicted claim:**\n    - C003: A claim. (Barranzuela (2022), opening section)"
    )
    assert "Claimed: 2011; measured: 16 Aug 2010" in lines[-1]
    assert cl_summary.findings(results, selection=True)[0].startswith(
        "**2 of the 3 dated or quantitative claims in this selection"
    )
    assert cl_tables.checked_table(results)["Id"].tolist() == ["C001", "C003"]
    assert cl_tables.unchecked_table(results)["Id"].tolist() == ["C002"]
    # the evidence sits in its own table under the same ids, so that the verdict table has four columns (a phone)
    assert len(cl_tables.checked_table(results).columns) == 4
    assert (
        cl_tables.checked_table(results)["Claimed and measured"]
        .iloc[1]
        .startswith("Claimed: 2011; measured: 16 Aug 2010")
    )
    ev = cl_tables.evidence_table(results)
    assert ev["Id"].tolist() == ["C001", "C003"]
    # every claim shows the seed section it comes from (the helper `claim` puts 'Opening (untitled)')
    assert cl_tables.checked_table(results)["Claim (restated; seed section)"].iloc[0] == "A claim. (opening section)"
    assert cl_tables.unchecked_table(results)["Claim (restated; seed section)"].iloc[0] == "A claim. (opening section)"
    # sources in the evidence cell by short name (vintages are in the table's source line), not repeated in full
    cell = ev["Evidence: data, computation, records, sources"].iloc[0]
    assert cell.endswith("Source: Curated list of key agreements; This project's compilation.")
    assert "compiled 2026" not in cell
    # the data are named by their titles, not by table identifiers
    assert cell.startswith("Data: Dated events of the Azerbaijan–Türkiye relationship, 1918 to today; date of event")
    # the two events' first citations are the agreements list; the seeds and the project's curation are always listed
    assert cl_tables.sources_used(results) == ["bilateral_agreements_curated", "seeds", "project"]


# ---------------------------------------------------------------------------------------------
# Verdicts on the processed tables against values worked out by hand from the raw files
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    from bilateral.paths import PROCESSED_DIR

    if not (PROCESSED_DIR / "claims.csv").exists():
        pytest.skip("processed tables not built (run make data)")
    claims = load("claims")
    results = run.check_all(claims, run.load_tables(claims)).set_index("claim_id")
    return claims, results


def test_real_every_claim_gets_a_verdict(real):
    claims, results = real
    assert list(results.index) == claims["claim_id"].tolist()
    assert set(results["verdict"]) <= set(model.VERDICTS)
    # a claim without a check_key is never given a verdict other than not checkable
    no_key = claims.loc[claims["check_key"].isna(), "claim_id"]
    assert (results.loc[no_key, "verdict"] == model.NOT_CHECKABLE).all()


def test_real_partner_shares_1996(real):
    # awk -F, '$2=="AZE" && $6==1996 && ($5=="TUR"||$5=="WLD") {print $3,$5,$7}' /tmp/dots_flat.csv
    # -> exports TUR 39.0488, WLD 631.2453; imports TUR 216.2578, WLD 960.6366
    # 39.0488 / 631.2453 = 6.186% (claim 6.2); 216.2578 / 960.6366 = 22.512% (claim 22.5)
    _, r = real
    assert r.loc["C049", "measured"].startswith("6.19%") and r.loc["C049", "verdict"] == model.SUPPORTED
    assert r.loc["C050", "measured"].startswith("22.51%") and r.loc["C050", "verdict"] == model.SUPPORTED


def test_real_turnover_trend(real):
    # awk -F, -v R=AZE -v P=TUR '$6>=1995 && $6<=2020 && $2==R && $5==P {t[$6]+=$7} END {for (y=1995;y<=2020;y++) print y, t[y]}'
    #   /tmp/dots_flat.csv | awk 'NR>1 && $2>p {up++} NR>1 {n++} {p=$2} END {print up, n}'  -> 15 25 (and 16 25 with R=TUR P=AZE)
    # 1995 turnover 26.44475 + 140.5102 = 166.95 (US$167.0 million), 2020: 2597.9026 + 1562.9705 = 4160.87
    _, r = real
    assert "rose in 15 of 25 years (60%)" in r.loc["C005", "measured"]
    assert "rose in 16 of 25 years (64%)" in r.loc["C005", "others"]
    assert r.loc["C005", "verdict"] == model.PARTLY


def test_real_trade_2022_press(real):
    # grep '^2022,year' press_figures/az_tr_trade_press_figures.csv: turnover 5.8 (Trend), 5.842 (Gundeminfo),
    # 'turnover (approx.)' 6.0 (VisionTV), 'turnover (lower bound ...)' 6.0 (News.Az, flagged as conflicting in the
    # processed table). The lowest, 5.8, is more than the claimed 5.
    _, r = real
    assert r.loc["C006", "measured"].startswith("5.80 USD bn (Trend")
    assert r.loc["C006", "verdict"] == model.SUPPORTED


def test_real_pipeline_facts(real):
    # grep -n 'length\|capacity\|operational' press_figures/pipeline_facts_press.csv:
    # BTC length 1768.0 km (bp); capacity 1.0 (Mar 2006-Mar 2009) and 1.2 (since Mar 2009); operational 2006 (June 2006)
    _, r = real
    assert r.loc["C089", "measured"] == "1,768 km" and r.loc["C089", "verdict"] == model.SUPPORTED
    assert r.loc["C091", "measured"].startswith("1.20") and r.loc["C091", "verdict"] == model.PARTLY  # 0.2/1.2 = 16.7%
    assert (
        r.loc["C056", "measured"] == "Jun 2006" and r.loc["C056", "verdict"] == model.PARTLY
    )  # 13 July is 13 days after June
    assert r.loc["C088", "verdict"] == model.SUPPORTED
    # '2009 (max)' row: 287.6 million barrels in 2009, the claim says 2010
    assert r.loc["C093", "verdict"] == model.CONTRADICTED
    # EI csv, AZE 'Oil Production - Barrels' x days / 1000 over 'Oil Production - Tonnes', 2006-2021, pooled with awk:
    # 4951.402 million barrels / 669.351 Mt = 7.3973 bbl/t; 500 Mt -> 3.6987 bn barrels; |3.5-3.6987|/3.6987 = 5.4%
    assert r.loc["C092", "measured"].startswith("3.70 billion barrels")
    assert r.loc["C092", "verdict"] == model.PARTLY  # within 10%, but a rough comparison


def test_real_agreement_dates(real):
    # bilateral_agreements_curated/aze_tur_key_agreements_curated.csv: friendship treaty 1994-02-09 (day);
    # strategic partnership treaty 2010-08-16. Treaties dated after 1991-10-18 and before the Shusha Declaration
    # (2021-06-15): those two -> the declaration ranks 3rd, not 1st.
    _, r = real
    assert r.loc["C042", "measured"].startswith("9 Feb 1994") and r.loc["C042", "verdict"] == model.SUPPORTED
    assert r.loc["C086", "measured"].startswith("16 Aug 2010") and r.loc["C086", "verdict"] == model.SUPPORTED
    assert r.loc["C069", "measured"].startswith("rank 3") and r.loc["C069", "verdict"] == model.CONTRADICTED


def test_real_other_checks(real):
    _, r = real
    # awk -F, '$5=="AZE" || ...' atop5_1_directed_dyad_year_subset_1991_2018.csv, AZE 373 - TUR 640: defense 0 in 1993, 1 from 1994
    assert (
        r.loc["C043", "measured"].startswith("1994") and r.loc["C043", "verdict"] == model.PARTLY
    )  # proxy check: capped by the stated rule
    # grep Azerbaijan lowy_gdi_posts_subset_2016_2023.csv | grep ',2023$' | grep Türkiye -> Baku, Ganja, Nakhchivan
    assert r.loc["C035", "measured"].startswith("3:") and r.loc["C035", "verdict"] == model.SUPPORTED
    # IEA workbook, column of Mar-20: Türkgözü 924.28 > Doğubayazıt 557.81 > Samsun 206.7 + Kıyıköy 183 + Malkoçlar 76.854
    # = 466.554 -> 1st of 3 pipeline suppliers; and turkey_gas_imports_subannual_press.csv 2020-03 shares: AZE 23.45,
    # QAT 19.95, IRN 14.15, DZA 13.69, RUS 9.89; unlisted 100 - 81.13 = 18.87 < 23.45 -> rank 1 for certain (second measure)
    assert (
        r.loc["C096", "measured"].startswith("1st of 3 pipeline suppliers in Mar 2020")
        and r.loc["C096", "verdict"] == model.SUPPORTED
    )
    assert (
        "rank 1 of 5 listed" in r.loc["C096", "others"]
        and "already ranked first among the pipeline suppliers in Oct 2019" in r.loc["C096", "others"]
    )
    # TurkStream's entry point Kıyıköy: exit country Russia in the workbook; 2024 sum 8,936.832 mcm. Azerbaijani gas
    # enters at Türkgözü (11,478.433 mcm): the claim that TurkStream brings Azerbaijani gas is contradicted.
    assert r.loc["C004", "measured"].startswith("TurkStream (Kıyıköy): gas from Russia (8.94 bcm entered in 2024")
    assert r.loc["C004", "verdict"] == model.CONTRADICTED and "Türkgözü" in r.loc["C004", "others"]
    # grep Bayraktar sipri_trade_register...csv: 63668,Turkiye,Azerbaijan,Bayraktar TB-2,...,12,...,2020,...,28.8
    assert (
        r.loc["C067", "measured"] == "12 Bayraktar TB-2 in 2020 (TIV 28.8 m)"
        and r.loc["C067", "verdict"] == model.SUPPORTED
    )


def test_real_un_vote_ranks(real):
    # Independent path: sum n_same / n_votes in data/processed/unga_agreement.csv (pairs AZE-TUR, TKM-TUR, TUR-UZB),
    # 1992-2022: awk -F, '$2=="AZE" && $3=="TUR" && $1>=1992 && $1<=2022 {n+=$4; s+=$5} END {print s/n}' -> 1751/2427 = 0.7215
    # TKM-TUR -> 1117/1599 = 0.6986, TUR-UZB -> 1270/1916 = 0.6628: AZE first by share.
    _, r = real
    assert "rank 1 of 3 by agreement share (72.1%)" in r.loc["C081", "measured"]
    assert r.loc["C081", "verdict"] == model.SUPPORTED


# ---------------------------------------------------------------------------------------------
# The notebook, executed
# ---------------------------------------------------------------------------------------------


class _Tables(HTMLParser):
    """Collect the cells of every table of an HTML text, by the id of the figure element around it."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._id = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and a.get("id", "").startswith("tab-"):
            self._id = a["id"]
            self.tables[self._id] = []
        elif tag == "tr" and self._id:
            self.tables[self._id].append([])
        elif tag in ("td", "th") and self._id:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._id and self._cell is not None:
            self.tables[self._id][-1].append(self._cell.strip())
            self._cell = None
        elif tag == "figure":
            self._id = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


@pytest.mark.notebook
def test_notebook_default(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(execute_notebook("claims", tmp_path))
    claims = load("claims")
    results = run.check_all(claims, run.load_tables(claims))
    expected = compute.verdict_counts(results)
    parser = _Tables()
    parser.feed(text)
    n_measured = int((results["check_key"] != "").sum())
    shown = parser.tables["tab-verdict-counts"]
    header, body = shown[0], shown[1:]
    assert header == ["Verdict", *expected.columns]
    got = {row[0]: [int(x) for x in row[1:]] for row in body}
    assert got == {v: expected.loc[v].tolist() for v in expected.index}
    # every claim id appears in the tables shown
    ids = {
        row[0]
        for name, rows in parser.tables.items()
        if name.startswith(("tab-checked", "tab-unchecked"))
        for row in rows[1:]
    }
    assert ids == set(claims["claim_id"])
    # each measured claim has its evidence row, under the same id, in the evidence table of its seed
    checked_ids = {row[0] for name, rows in parser.tables.items() if name.startswith("tab-checked") for row in rows[1:]}
    evidence_ids = {
        row[0] for name, rows in parser.tables.items() if name.startswith("tab-evidence") for row in rows[1:]
    }
    assert evidence_ids == checked_ids and len(checked_ids) == n_measured
    assert "pair-specific" not in text
    # the key findings quote the same counts
    n_checked = int(expected.loc["All verdicts", "All claims"] - expected.loc[model.NOT_CHECKABLE, "All claims"])
    n_all = int(expected.loc["All verdicts", "All claims"])
    assert (
        f"{n_checked} of the {n_all} dated or quantitative claims restated from the two seed documents can be checked"
        in text
    )
    assert (
        f"{expected.loc[model.SUPPORTED, 'All claims']} are supported, {expected.loc[model.PARTLY, 'All claims']} partly "
        f"supported and {expected.loc[model.CONTRADICTED, 'All claims']} contradicted"
    ) in text
    # every chart caption states its finding first; no raw ISO date in what readers see
    assert "Most measured claims" in text or "Fewer than half" in text
    import re

    visible = re.sub(r"<[^>]+>", " ", text)
    assert not re.search(r"\b(19|20)\d\d-\d\d-\d\d\b", visible.replace("data-", ""))
    assert "Methods and caveats" in text and "Sources" in text


@pytest.mark.notebook
def test_notebook_other_pair_and_period(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(
        execute_notebook(
            "claims",
            tmp_path,
            country_a="ARM",
            country_b="RUS",
            start_year=1990,
            end_year=2010,
            comparators=["GEO"],
            tolerance_supported_pct=5.0,
        )
    )
    claims = load("claims")
    kept = compute.select_claims(claims, 1990, 2010)
    assert "pair-specific" in text and "Armenia and Russia" in text
    assert f"{len(claims) - len(kept)} of the {len(claims)} claims are about years outside 1990–2010" in text
    assert "comparators given are not used" in text
    assert "Within 5%: supported" in text
    results = run.check_all(kept, run.load_tables(kept), model.Tolerances(5.0, 25.0, 31))
    parser = _Tables()
    parser.feed(text)
    got = {row[0]: [int(x) for x in row[1:]] for row in parser.tables["tab-verdict-counts"][1:]}
    expected = compute.verdict_counts(results)
    assert got == {v: expected.loc[v].tolist() for v in expected.index}


# ---------------------------------------------------------------------------------------------
# Text functions of the notebook, on several pairs and periods
# ---------------------------------------------------------------------------------------------


def params_for(a, b, start, end, comparators=()):
    from bilateral import params

    return params.validate(
        {"country_a": a, "country_b": b, "start_year": start, "end_year": end, "comparators": list(comparators)},
        years=model.CLAIM_YEARS,
    )


def results_frame(verdicts_by_seed):
    """check_all-like results: verdicts_by_seed maps a seed file to its list of verdicts."""
    rows = []
    for seed, vs in verdicts_by_seed.items():
        for i, v in enumerate(vs):
            rows.append(
                {
                    "claim_id": f"C{seed[:3]}{i}", "seed": seed, "seed_name": model.SEED_NAMES[seed], "claim": "A claim.",
                    "claimed": "1", "measured": "2" if v != model.NOT_CHECKABLE else "–", "verdict": v,
                    "reason": "Not checkable independently." if v == model.NOT_CHECKABLE else "r",
                    "check_key": "" if v == model.NOT_CHECKABLE else "event_date",
                }
            )  # fmt: skip
    return pd.DataFrame(rows)


SEED_I, SEED_B = "000_bbf2abffa65fbe36.txt", "002_556960fc3d1098ab.txt"


def test_run_notes_and_key_findings_follow_the_parameters():
    results = results_frame({SEED_I: [model.SUPPORTED, model.NOT_CHECKABLE], SEED_B: [model.CONTRADICTED]})
    # the claims' own pair, either order, whole table: no notes
    assert cl_summary.run_notes(params_for("AZE", "TUR", 1915, 2025), 3, 3) == []
    assert cl_summary.run_notes(params_for("TUR", "AZE", 1915, 2025), 3, 3) == []
    md = cl_summary.key_findings_md(params_for("AZE", "TUR", 1915, 2025), results, 3)
    assert md.startswith("- **2 of the 3 dated or quantitative claims restated from the two seed documents")
    assert "\n> " not in md and not md.startswith(">")
    # another pair with comparators and a period that leaves claims out: three notes, as a quote
    notes = cl_summary.run_notes(params_for("ARM", "RUS", 1990, 2010, ["GEO"]), 10, 3)
    assert len(notes) == 3 and "Armenia and Russia" in notes[0]
    assert "comparators given are not used" in notes[1]
    assert notes[2].startswith("7 of the 10 claims are about years outside 1990–2010")
    md = cl_summary.key_findings_md(params_for("ARM", "RUS", 1990, 2010, ["GEO"]), results, 10)
    assert (
        md.startswith("> This run names Armenia and Russia")
        and "- **2 of the 3 dated or quantitative claims in this selection" in md
    )
    # a one-year period
    assert "outside 2020 and are left out" in cl_summary.run_notes(params_for("AZE", "TUR", 2020, 2020), 5, 1)[0]


def test_seed_texts():
    results = results_frame({SEED_I: [model.SUPPORTED, model.SUPPORTED, model.NOT_CHECKABLE], SEED_B: [model.PARTLY]})
    part = results[results["seed"] == SEED_I]
    assert cl_text.seed_heading(part) == (
        "### Ismayilov (2025)\n\n3 claims: 2 supported, 0 partly supported, 0 contradicted, 1 not checkable with the data here."
    )
    assert cl_text.checked_caption(part).startswith("Ismayilov (2025): claims measured against the data")
    assert cl_text.evidence_caption(part).startswith("Ismayilov (2025): the evidence for each claim")
    assert cl_text.unchecked_caption(part) == "Ismayilov (2025): claims not checkable with the data here, and why."
    other = results[results["seed"] == SEED_B]
    assert cl_text.nothing_measured(other) == (
        "No claim of Barranzuela (2022) in this selection can be measured against a table here."
    )
    assert cl_text.counts_caption(results) == "Claims by verdict and seed document (4 claims)."
    assert cl_text.bullets(["a", "b"]) == "- a\n- b" and cl_text.bullets([]) == ""


def test_method_points_and_sources():
    results = pd.DataFrame({"sources": ["sipri_arms_transfers; project", ""]})
    points = cl_text.method_points(pd.DataFrame(), {}, results)
    assert points[: len(cl_text.METHOD_POINTS)] == list(cl_text.METHOD_POINTS)
    # the TIV explanation is stated once, in the methods' own words, not again among SIPRI's caveats
    assert sum("TIV" in p and "not their price" in p for p in points) == 1
    sources = cl_text.source_citations(results)
    assert sources.count("\n- ") == len(cl_tables.sources_used(results)) - 1


def test_closeness_table():
    close = pd.DataFrame({"claim_id": ["C1"], "claim": ["X is closest."], "text": ["rank 2 of 150"], "reading": ["r"]})
    results = pd.DataFrame({"claim_id": ["C1"], "verdict": [model.SUPPORTED]})
    t = cl_tables.closeness_table(close, results)
    assert t.columns.tolist() == [
        "Id",
        "Claim (restated; seed, section)",
        "Rank among all states",
        "Verdict above",
        "What the all-state rank adds",
    ]
    assert t["Verdict above"].tolist() == [model.SUPPORTED]


# ---------------------------------------------------------------------------------------------
# Reader's edition: dates, names, addresses, findings in words
# ---------------------------------------------------------------------------------------------


def test_dates_in_one_style():
    assert helpers.date_text("1994-02-09") == "9 Feb 1994"
    assert helpers.date_text("2006-06") == "Jun 2006" and helpers.date_text("2019") == "2019"
    # intervals say the shared month and year once
    assert helpers.date_text("1992-03-22/1992-03-24") == "22–24 Mar 1992"
    assert helpers.date_text("1994-02-08/1994-03-11") == "8 Feb–11 Mar 1994"
    assert helpers.date_text("1991/1993") == "1991–1993"
    assert helpers.date_text("1993-12-30/1994-01-02") == "30 Dec 1993–2 Jan 1994"
    assert helpers.date_text("2019-01..2019-11") == "Jan–Nov 2019"
    assert helpers.claimed_text(claim(value="1992-03-22/1992-03-24", kind="date", unit="date")) == "22–24 Mar 1992"


def test_turkiye_and_short_addresses():
    assert helpers.turkiye("Opening in Turkey; Turkey's imports") == "Opening in Türkiye; Türkiye's imports"
    # quoted text keeps its wording
    assert (
        helpers.turkiye("in Turkey: \u201cgas flows to Turkey\u201d") == "in Türkiye: \u201cgas flows to Turkey\u201d"
    )
    assert helpers.short_urls("Trend (https://en.trend.az/business/1.html); News.Az (https://news.az/x)") == (
        "Trend (en.trend.az); News.Az"
    )
    r = {
        "table": "events", "computation": "c", "rows": "Trend (https://en.trend.az/b/1.html)", "sources": "",
    }  # fmt: skip
    assert "Records used: Trend (en.trend.az)." in cl_tables.evidence_text(r)
    assert "https://en.trend.az/b/1.html" in cl_tables.evidence_text(r, full=True)
    assert cl_tables.claim_cell({"claim": "The years 1996-2003 opened.", "location": "DEVELOPMENT"}) == (
        "The years 1996–2003 opened. (section Development)"
    )


def test_reliability_words_at_their_boundaries():
    # fully = supported / measured, held = (supported + partly) / measured
    assert summary_words(9, 0, 1) == "largely borne out by the data"  # 90% supported, 10% contradicted
    assert summary_words(3, 1, 0) == "largely borne out by the data"  # 75% supported
    assert summary_words(8, 1, 1) == "largely borne out by the data"  # 80%, 10%
    assert summary_words(15, 3, 2) == "largely borne out by the data"  # 75%, 10%
    assert summary_words(15, 2, 3) == "mostly borne out by the data"  # 15% contradicted
    assert summary_words(26, 9, 3) == "mostly borne out by the data"  # 68% supported, 92% held
    assert summary_words(2, 1, 1) == "mostly borne out by the data"  # 50% supported, 75% held
    assert summary_words(3, 5, 1) == "borne out only in part"  # 33% supported, 89% held
    assert summary_words(2, 1, 2) == "borne out only in part"  # 60% held
    assert summary_words(1, 0, 1) == "contradicted at least as often as borne out"  # 50% held
    assert summary_words(0, 0, 0) == "not measurable with the data here"


def summary_words(s, p, c):
    return cl_summary.reliability_words(s, p, c)


def test_miss_reasons_count_the_kinds_of_miss():
    results = pd.DataFrame(
        {
            "verdict": [model.PARTLY, model.PARTLY, model.PARTLY, model.CONTRADICTED, model.SUPPORTED],
            "compare": ["years", "years", "date", "number", "date"],
            "partial": [False, False, True, False, False],
        }
    )
    assert cl_summary.miss_reasons(results, model.PARTLY) == (
        "2 claims of growth or support in every year hold in some years only (trends in the claimed direction) "
        "and 1 check tests only part of the claim"
    )
    assert cl_summary.miss_reasons(results, model.CONTRADICTED) == "1 figure is off by more than 25%"
    assert cl_summary.miss_reasons(results, model.CONTRADICTED, model.Tolerances(5.0, 15.0, 31)) == (
        "1 figure is off by more than 15%"
    )
    assert cl_summary.miss_reasons(results.iloc[4:], model.PARTLY) == ""


def test_tolerance_sensitivity_and_its_sentence():
    # a number 15% off is partly supported at 10/25%; with half (5/12.5%) contradicted; with twice (20/50%) supported
    cl = pd.DataFrame([claim(value="115", unit="posts", cid="C1"), claim(value="100", unit="posts", cid="C2")])
    measured = [model.Measurement("number", 100.0, "100"), model.Measurement("number", 100.0, "100")]
    sens = run.tolerance_sensitivity(cl, measured)
    assert sens.loc["stricter", ["measured", "worse", "better"]].tolist() == [2, 1, 0]
    assert sens.loc["looser", ["measured", "worse", "better"]].tolist() == [2, 0, 1]
    assert sens.loc["stricter", "date_days"] == 15 and sens.loc["looser", "partly_pct"] == 50
    sentence = cl_summary.sensitivity_sentence(sens)
    assert "With half those tolerances (5%, 12.5%, 15 days), 1 of the 2 verdicts would be less favourable" in sentence
    assert "with twice them (20%, 50%, 62 days), 1 of the 2 verdicts would be more favourable" in sentence
    # looser tolerances stop at 100%
    assert run.tolerance_sensitivity(cl, measured, model.Tolerances(60.0, 80.0, 0)).loc["looser", "partly_pct"] == 100
    # check_all with the measurements given does not measure again
    results = run.check_all(cl, {}, measured=measured)
    assert results["verdict"].tolist() == [model.PARTLY, model.SUPPORTED]
    assert results["compare"].tolist() == ["number", "number"] and not results["partial"].any()


def test_findings_with_nothing_measured_or_nothing_selected():
    results = results_frame({SEED_I: [model.NOT_CHECKABLE], SEED_B: [model.NOT_CHECKABLE, model.NOT_CHECKABLE]})
    lines = cl_summary.findings(results)
    assert (
        lines[0]
        == "**None of the 3 claims restated from the two seed documents can be checked against the data here.**"
    )
    assert lines[1] == (
        "**Ismayilov (2025)**: its one claim restated from the two seed documents cannot be checked against the data here."
    )
    assert lines[2].startswith("**Barranzuela (2022)**: none of its 2 claims restated")
    assert not any("How sure" in x or "contradicted claim" in x for x in lines)
    assert cl_summary.findings(results.iloc[0:0]) == ["No claim of the seed documents is about a year of this period."]
    counts = compute.verdict_counts(results)
    assert cl_text.verdicts_caption(counts).startswith("None of the 3 claims can be measured")


def test_verdicts_caption_states_the_finding():
    results = results_frame(
        {SEED_I: [model.SUPPORTED, model.PARTLY, model.NOT_CHECKABLE], SEED_B: [model.CONTRADICTED]}
    )
    caption = cl_text.verdicts_caption(compute.verdict_counts(results))
    # 1 supported of 3 measured: not most; 2 of 3 hold at least in part
    assert caption.startswith(
        "Most measured claims hold at least in part: of the 3 claims the data can test, 1 is supported, 1 partly "
        "supported and 1 contradicted (left); 1 of the 4 claims cannot be checked here (right)."
    )
