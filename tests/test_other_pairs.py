"""Sentences true for every pair and period, not only the default: each fix on a small hand-made case, then the
notebooks executed for other pairs and periods, checked for errors and for phrases known to be false."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from bilateral import diplomatic as dip
from bilateral import figures
from bilateral import overview as ov
from bilateral.military import compute as mil
from bilateral.military import text as mil_text


def _rows(pairs):
    return pd.DataFrame(pairs, columns=["supplier_iso3", "recipient_iso3"])


def test_delivery_direction_follows_the_rows_not_the_parameters():
    # TUR–AZE as the pair (a = TUR, b = AZE): every delivery goes Türkiye -> Azerbaijan
    assert (
        mil_text.delivery_direction(_rows([("TUR", "AZE"), ("TUR", "AZE")]), "TUR", "AZE")
        == "from Türkiye to Azerbaijan"
    )
    assert mil_text.delivery_direction(_rows([("TUR", "AZE")]), "AZE", "TUR") == "from Türkiye to Azerbaijan"
    assert (
        mil_text.delivery_direction(_rows([("TUR", "AZE"), ("AZE", "TUR")]), "AZE", "TUR")
        == "between Türkiye and Azerbaijan"
    )


def test_pledge_sentence_gives_each_obligation_its_own_last_year():
    # GEO–RUS as ATOP codes it (shape): defence and consultation 1993–2008, non-aggression 1993–2018
    years = list(range(1993, 2019))
    pledges = pd.DataFrame({"year": years, **dict.fromkeys(dip.PLEDGES, 0)})
    pledges["defense"] = pledges["consultation"] = [int(y <= 2008) for y in years]
    pledges["nonaggression"] = 1
    pledges["any_pledge"] = 1
    assert dip.pledge_sentence(pledges, 2018) == (
        "ATOP records defence from 1993, non-aggression from 1993, consultation from 1993; "
        "non-aggression is still in force in 2018, when its data end; defence and consultation were last in force in 2008."
    )
    # all three still in force at the end of the data: one clause (the default pair's wording)
    pledges["defense"] = pledges["consultation"] = 1
    assert dip.pledge_sentence(pledges, 2018) == (
        "ATOP records defence from 1993, non-aggression from 1993, consultation from 1993; still in force in 2018, when its data end."
    )
    # all ended before the data end
    assert dip.pledge_sentence(pledges[pledges["year"] <= 2008], 2018).endswith(
        "consultation from 1993; the last in force in 2008."
    )
    assert dip.pledge_sentence(pledges.iloc[0:0], 2018) == ""


def _one_delivery(year):
    return pd.DataFrame({"deal_id": [7], "delivery_year": [year], "tiv_m": [28.0], "category": ["Aircraft"]})


def test_deliveries_sentence_for_a_one_year_period():
    s = mil.delivery_summary(_one_delivery(2020))
    text = mil_text.deliveries_sentence(s, "TUR", "AZE", 2020, 2020)
    assert text == (
        "The register records 1 delivery of major arms from Türkiye to Azerbaijan under 1 deal in 2020, totalling 28.0 "
        "TIV million, and aircraft made up 100.0% of the total."
    )
    # a longer period with deliveries in one year only: the year is named once, no "largest year"
    text = mil_text.deliveries_sentence(s, "TUR", "AZE", 2015, 2024)
    assert "in 2015–2024, all in 2020, totalling" in text and "largest year" not in text and "1 year from" not in text


def test_arms_sentence_when_the_register_records_nothing():
    arms = {
        "years": [2020],
        "covered": True,
        "ba": {"tiv_m": 0.0},
        "ab": {"tiv_m": 0.0},
        "share_b": {"share": 0.0},
        "share_b_recent": {"share": 0.0},
        "recent": (2020, 2020),
        "rank": None,
    }
    text = ov.arms_sentence(arms, "AZE", "RUS")
    assert (
        text
        == "SIPRI records no delivery of major arms between Azerbaijan and Russia in 2020. TIV measures volume, not money."
    )


def test_a_one_year_series_keeps_its_axis_on_that_year():
    fig, ax = plt.subplots()
    ax.plot([2020], [3.0])
    fig.canvas.draw()
    assert ax.get_xlim()[1] - ax.get_xlim()[0] > 100  # matplotlib alone: about 1919 to 2121
    assert figures.single_year_axes(fig) == 1
    assert ax.get_xlim() == (2019.0, 2021.0) and [t.get_text() for t in ax.get_xticklabels()] == ["2020"]
    fig2, ax2 = plt.subplots()
    ax2.plot([2019, 2020], [1.0, 2.0])
    assert figures.single_year_axes(fig2) == 0  # two years: left alone
    plt.close("all")


# ---------------------------------------------------------------------------------------------
# The notebooks for other pairs and periods
# ---------------------------------------------------------------------------------------------

#: Phrases that are false or meaningless whatever the pair (each was in a report once).
BAD_PHRASES = [
    r"\b1 of 1\b",  # a rank with nothing to rank
    r"\b1 (deal-year|year|deliverie|deal|comparator|partner)s\b",  # plural after 1
    r"\b0 comparators\b",
    r"in 1 year from",
    r"\bfrom (\d{4}) to \1\b",  # a one-year span written as a range
    r"0\.0% [^.]* and 0\.0%",  # nothing recorded, written as a finding
    r"Traceback \(most recent call last\)",
    r"ParameterError",
]

VARIANTS = [
    ("military", {"country_a": "TUR", "country_b": "AZE"}),
    ("military", {"start_year": 2020, "end_year": 2020}),
    ("diplomatic", {"country_a": "GEO", "country_b": "RUS"}),
    ("diplomatic", {"comparators": []}),
    ("trade", {"country_a": "BRA", "country_b": "ARG", "comparators": ["CHN"], "comparators_b": []}),
    ("trade", {"comparators": [], "comparators_b": []}),
    ("overview", {"comparators": [], "n_draws": 200}),
    ("diplomatic", {"country_a": "ARM", "country_b": "RUS"}),  # the default comparators include both
]


def _id(variant):
    name, params = variant
    return name + "-" + "-".join(f"{k}={v}" for k, v in params.items())


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Each variant executed once (lazily), shared by the tests below."""
    from conftest import execute_notebook, notebook_text

    cache: dict[str, str] = {}

    def run(variant):
        key = _id(variant)
        if key not in cache:
            name, params = variant
            cache[key] = notebook_text(execute_notebook(name, tmp_path_factory.mktemp(name), **params))
        return cache[key]

    return run


@pytest.mark.notebook
@pytest.mark.parametrize("variant", VARIANTS, ids=[_id(v) for v in VARIANTS])
def test_no_error_and_no_known_false_phrase(variant, executed):
    text = executed(variant)
    found = [p for p in BAD_PHRASES if re.search(p, text)]
    assert not found, [re.search(p, text).group(0) for p in found]


@pytest.mark.notebook
def test_military_figure_1_names_the_direction_of_its_bars(executed):
    text = executed(VARIANTS[0])  # TUR–AZE: the register's deliveries run Türkiye -> Azerbaijan
    assert re.search(r"Figure 1\.</strong> Deliveries from Türkiye to Azerbaijan (peaked|came in one year)", text)
    assert "deliveries from Azerbaijan to Türkiye" not in text


@pytest.mark.notebook
def test_one_year_period_in_the_military_report(executed):
    text = executed(VARIANTS[1])
    assert re.search(r": (1 delivery under 1 deal|\d+ deliveries under \d+ deals), one row per deal", text)
    assert "in 2020, totalling" in text


@pytest.mark.notebook
def test_diplomatic_alliance_line_for_georgia_and_russia(executed):
    text = executed(VARIANTS[2])
    line = next(line for line in text.splitlines() if "**Alliance.**" in line)
    # ATOP: Georgia–Russia defence and consultation pledges lapse before 2018; non-aggression runs to 2018
    assert "non-aggression is still in force in 2018, when its data end" in line, line
    assert re.search(r"; defence and consultation were last in force in (\d{4})\.", line), line


@pytest.mark.notebook
def test_trade_for_a_pair_outside_the_extract_draws_no_comparator_only_chart(executed):
    text = executed(VARIANTS[4])
    assert "so no section of this report can show the pair" in text
    assert "Partner shares of each country's total exports and imports" not in text


def test_yearly_bars_text_for_one_year_and_for_several():
    assert mil_text.yearly_bars_text(pd.Series([28.8], index=[2020])) == "28.8 TIV million delivered in 2020."
    # 3.4 + 0 + 2.0 + 3.0 = 8.4 over 4 years, 3 with deliveries; highest 2000
    per_year = pd.Series([3.4, 0.0, 2.0, 3.0], index=[2000, 2001, 2010, 2011])
    assert (
        mil_text.yearly_bars_text(per_year)
        == "Deliveries occur in 3 of 4 years, 8.4 TIV million in all; the highest bar is 2000 at 3.4."
    )


@pytest.mark.notebook
def test_diplomatic_runs_for_armenia_and_russia_with_its_default_comparators(executed):
    text = executed(VARIANTS[7])
    assert (
        "Russia and Armenia are the two states this report is about, so they are left out of the states they "
        "are compared with."
    ) in text


def test_supplier_sentence_says_none_recorded_instead_of_a_zero_share():
    # TUR as recipient, AZE as supplier: Türkiye imported 100 TIV in 2020–2024, Spain 33 of it, nothing from Azerbaijan
    row = {
        "period": "2020–2024",
        "total_tiv_m": 100.0,
        "tiv_m": 0.0,
        "share_pct": 0.0,
        "rank": float("nan"),
        "n_partners": 6,
        "top_partner": "ESP",
        "top_share_pct": 33.0,
    }
    frame = pd.DataFrame([row])
    text = mil_text.supplier_sentence(frame, frame, "TUR", "AZE")
    assert "its share was 0.0%" not in text
    assert (
        "In 2020–2024, the last period with imports, the register records none from Azerbaijan (largest: Spain, 33.0%)"
        in text
    )


def test_arms_sentence_says_none_rather_than_zero_million():
    base = {
        "years": [2020],
        "covered": True,
        "share_b": {"share": 0.0},
        "share_b_recent": {"share": 0.0},
        "recent": (2020, 2020),
        "rank": None,
    }
    one_way = ov.arms_sentence({**base, "ba": {"tiv_m": 28.0}, "ab": {"tiv_m": 0.0}}, "AZE", "TUR")
    assert (
        one_way
        == "SIPRI records 28.0 million TIV of major arms delivered by Türkiye to Azerbaijan in 2020 and none the other way. TIV measures volume, not money."
    )
    other_way = ov.arms_sentence({**base, "ba": {"tiv_m": 0.0}, "ab": {"tiv_m": 5.0}}, "AZE", "TUR")
    assert other_way.startswith(
        "SIPRI records no delivery of major arms by Türkiye to Azerbaijan in 2020, and 5.0 million TIV the other way."
    )
