"""Formatting helpers for narrative text: numbers and a few English helpers (values worked out by hand)."""

from __future__ import annotations

import numpy as np

from bilateral import fmt


def test_numbers():
    assert fmt.num(2597.93) == "2,597.9"
    assert fmt.num(0.384, 2) == "0.38"
    assert fmt.integer(1234.6) == "1,235"
    assert fmt.pct(23.456) == "23.5%"
    assert fmt.pct(0.2346, share=True) == "23.5%"
    assert fmt.usd_m(2597.9) == "US$2.6 billion" and fmt.usd_m(95.6) == "US$95.6 million"
    assert fmt.ratio(3.04) == "3.0×"
    assert fmt.years(1995, 2020) == "1995–2020" and fmt.years(2020, 2020) == "2020"


def test_missing_values_read_as_n_a():
    for f in (fmt.num, fmt.integer, fmt.pct, fmt.usd_m, fmt.ratio):
        assert f(None) == "n/a" and f(float("nan")) == "n/a" and f(np.float64("nan")) == "n/a"


def test_lists_possessives_and_plurals():
    assert fmt.join_and([]) == ""
    assert fmt.join_and(["BTC"]) == "BTC"
    assert fmt.join_and(["BTC", "SCP"]) == "BTC and SCP"
    assert fmt.join_and(["BTC", "SCP", "TANAP"]) == "BTC, SCP and TANAP"
    assert fmt.join_and(("Azerbaijan", "Türkiye", "Armenia"), "or") == "Azerbaijan, Türkiye or Armenia"
    assert fmt.poss("United States") == "United States'" and fmt.poss("Armenia") == "Armenia's"
    assert fmt.plural_noun("treaty") == "treaties" and fmt.plural_noun("agreement") == "agreements"
    assert fmt.plural(1, "delivery", "deliveries") == "1 delivery" and fmt.plural(2, "deal") == "2 deals"
    assert fmt.plural(1200, "vote") == "1,200 votes"


def test_dates_in_one_style():
    # day, month and year precision; precision read from the text when not given
    assert fmt.date("2009-10-14", "day") == "14 Oct 2009"
    assert fmt.date("2009-10-01", "month") == "Oct 2009"
    assert fmt.date("2009-01-01", "year") == "2009"
    assert fmt.date("2009-10") == "Oct 2009" and fmt.date("2009") == "2009" and fmt.date("1994-02-09") == "9 Feb 1994"
    # a timestamp's time is ignored; missing values read as ""
    assert fmt.date("2010-08-16 00:00:00") == "16 Aug 2010"
    assert fmt.date(None) == "" and fmt.date(float("nan")) == "" and fmt.date("") == ""


def test_periods_of_months_in_the_same_style():
    assert fmt.period("2019-01..2019-11") == "Jan–Nov 2019"
    assert fmt.period("2019-11..2020-02") == "Nov 2019–Feb 2020"
    assert fmt.period("2020-02") == "Feb 2020"
    assert fmt.period("2020-H1") == "H1 2020" and fmt.period("2020-Q1") == "Q1 2020"
    assert fmt.period("year to date") == "year to date"


def test_dates_in_text_take_the_one_date_style():
    assert fmt.dates_in_text("file of 2021-02-21; version of 28 July 2025; 2019") == (
        "file of 21 Feb 2021; version of 28 Jul 2025; 2019"
    )
    assert fmt.dates_in_text("cumulative by 2021-12-12") == "cumulative by 12 Dec 2021"
    # a month name without a day, and a number that is not a date, stay as they are
    assert fmt.dates_in_text("May 2025 edition, 3 Maytime 2020") == "May 2025 edition, 3 Maytime 2020"
