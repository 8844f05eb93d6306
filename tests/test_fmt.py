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
