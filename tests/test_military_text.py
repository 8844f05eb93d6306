"""The military report's sentences, captions and tables that the notebook used to build in f-strings, checked
on small hand-made frames for several pairs (AZE–TUR, TUR–AZE, ARM–RUS) and for a one-year period.

Expected values are worked out by hand in the comments."""

from __future__ import annotations

import pandas as pd
import pytest

from bilateral.military import captions, findings, methods, spending, spending_text, tables
from bilateral.military import compute as mil
from bilateral.military import text as mil_text
from bilateral.params import Params


def params(a="AZE", b="TUR", start=2000, end=2011, comparators=("ARM",)) -> Params:
    return Params(country_a=a, country_b=b, start_year=start, end_year=end, comparators=tuple(comparators))


def _row(deal, year, sup, rec, tiv, *, cat="Artillery", sup_name=None):
    return {
        "deal_id": deal,
        "delivery_year": year,
        "supplier_iso3": sup,
        "recipient_iso3": rec,
        "supplier": sup_name or sup,
        "recipient": rec,
        "designation": "X",
        "description": "thing",
        "category": cat,
        "order_year": year,
        "order_year_is_estimate": False,
        "units_delivered": 1,
        "units_delivered_is_estimate": False,
        "delivery_year_is_estimate": False,
        "status": "New",
        "tiv_per_unit_m": tiv,
        "tiv_m": tiv,
    }


@pytest.fixture()
def transfers():
    rows = [
        _row(1, 2000, "TUR", "AZE", 3.4, cat="Ships"),
        _row(2, 2010, "TUR", "AZE", 2.0, cat="Armoured vehicles"),
        _row(2, 2011, "TUR", "AZE", 3.0, cat="Armoured vehicles"),
        _row(3, 2000, "RUS", "AZE", 10.0),
        _row(3, 2011, "RUS", "AZE", 5.0),
        _row(4, 2011, None, "AZE", 1.0, sup_name="unknown supplier(s)"),
        _row(5, 2011, "TUR", "PAK", 8.0),
        _row(6, 2005, "RUS", "ARM", 4.0),
    ]
    df = pd.DataFrame(rows)
    df["supplier_iso3"] = df["supplier_iso3"].astype("string")
    return df


def test_not_covered_and_none_recorded_name_the_pair_of_the_parameters():
    geo = params("GEO", "IRN")
    assert mil_text.not_covered(geo, "pair").startswith(
        "The SIPRI register extract used here cannot show arms transfers between Georgia and Iran:"
    )
    assert "cannot show all of Georgia's arms suppliers" in mil_text.not_covered(geo, "suppliers")
    assert "where Georgia stands among Iran's export destinations" in mil_text.not_covered(geo, "destinations")
    assert mil_text.timeline_not_covered(geo).endswith(" The milestones are listed without them.")
    one = params("TUR", "AZE", 2020, 2020)
    assert mil_text.none_recorded(one, "deliveries") == (
        "SIPRI's register records no delivery of major arms between Türkiye and Azerbaijan in 2020."
    )
    assert mil_text.none_recorded(one, "imports") == "SIPRI's register records no arms imports by Türkiye in 2020."
    assert mil_text.none_recorded(one, "exports") == "SIPRI's register records no arms exports by Azerbaijan in 2020."
    assert mil_text.no_milestones_sentence(params("ARM", "RUS", 1995, 2024)) == (
        "The events table lists no security milestone of Armenia with Russia in 1995–2024."
    )
    with pytest.raises(ValueError):
        mil_text.not_covered(geo, "rivals")


def test_categories_sentence(transfers):
    s = mil.delivery_summary(mil.deliveries(transfers, "TUR", "AZE", range(2000, 2012)))
    # armoured vehicles 2.0 + 3.0 = 5.0 of 8.4 = 59.5%; ships 3.4 = 40.5%
    assert mil_text.categories_sentence(params(), s) == (
        "By armament category, deliveries from Türkiye to Azerbaijan were: armoured vehicles 5.0 TIV million (59.5%); "
        "ships 3.4 TIV million (40.5%)."
    )
    assert mil_text.categories_sentence(params("TUR", "AZE"), mil.delivery_summary(transfers.iloc[0:0])) == ""


def test_deliveries_captions_follow_the_rows(transfers):
    both = mil.both_directions(transfers, "AZE", "TUR", range(2000, 2012))
    by_year = mil.tiv_by_year(both, range(2000, 2012), by="category")
    P = params()
    assert captions.deliveries_caption(P, both).startswith(
        "Deliveries of major arms between Türkiye and Azerbaijan, 2000–2011: 3 deal-years."
    )
    assert captions.deliveries_by_year_caption(P, both, "category").startswith(
        "SIPRI trend-indicator value of deliveries from Türkiye to Azerbaijan by year, by armament category, 2000–2011."
    )
    # 12 years, deliveries in 3 (2000: 3.4, 2010: 2.0, 2011: 3.0), 8.4 in all
    assert captions.deliveries_by_year_alt(P, both, by_year) == (
        "Bar chart of TIV delivered per year from Türkiye to Azerbaijan, 2000–2011. Deliveries occur in 3 of 12 years, "
        "8.4 TIV million in all; the highest bar is 2000 at 3.4."
    )
    # TUR–AZE as the pair: the bars still go Türkiye -> Azerbaijan
    reverse = mil.both_directions(transfers, "TUR", "AZE", range(2000, 2012))
    assert "deliveries from Türkiye to Azerbaijan" in captions.deliveries_by_year_caption(
        params("TUR", "AZE"), reverse, "category"
    )
    one = mil.both_directions(transfers, "AZE", "TUR", [2000])
    assert captions.deliveries_caption(params(start=2000, end=2000), one).startswith(
        "Deliveries of major arms between Türkiye and Azerbaijan, 2000: 1 deal-year."
    )


def test_supplier_captions_and_alt(transfers):
    spans = [(2000, 2004), (2005, 2009), (2010, 2011)]
    st = mil.standing(mil.partner_shares(transfers, "AZE", "imports", spans), "TUR", spans)
    # 2000–2004: 3.4 / 13.4 = 25.4%; 2005–2009 no imports; 2010–2011: 5.0 / 11.0 = 45.5%, tied with Russia, which
    # sorts first (partner order) and is named the largest
    assert captions.supplier_shares_alt(params(), st) == (
        "Stacked bars, one per period, of Azerbaijan's arms imports by supplier (100% each). Türkiye's share is "
        "2000–2004: 25.4%; 2005–2009: no imports recorded; 2010–2011: 45.5%. Largest supplier in 2010–2011: "
        "Russia (45.5%)."
    )
    assert "the 2 largest suppliers over the whole span (with Türkiye)" in captions.supplier_shares_caption(
        params(), ["RUS", "TUR"], 5
    )
    assert captions.supplier_rank_caption(params("ARM", "RUS")).startswith(
        "Russia's TIV, share and rank among Armenia's arms suppliers per period"
    )


def test_destination_share_table_and_captions(transfers):
    totals = pd.DataFrame(
        {"iso3": ["RUS", "RUS"], "year": [2000, 2005], "direction": ["exports"] * 2, "tiv_m": [50, 50]}
    )
    per = mil.destination_standing_from_totals(transfers, totals, "RUS", "ARM", [(2000, 2004), (2005, 2009)])
    t = tables.destination_share_table(per, "ARM", "RUS")
    # 2005–2009: 4.0 of 50 = 8.00%; 2000–2004: none of 50
    assert t.columns.tolist() == ["Period", "To Armenia: TIV (m)", "Russia's total exports: TIV (m)", "Armenia's share"]
    assert t["Armenia's share"].tolist() == ["0.00%", "8.00%"]
    assert captions.destination_share_caption(params("ARM", "RUS")).startswith(
        "Armenia's share of Russia's total arms exports per period."
    )


def test_timeline_bars_follow_the_coverage(transfers):
    years = [2000, 2011]
    full = mil.timeline_bars(transfers, mil.coverage("AZE", "TUR"), "AZE", "TUR", years)
    # 2011: Türkiye 3.0; others 5.0 (Russia) + 1.0 (unknown) = 6.0
    assert full.columns.tolist() == ["from Türkiye", "from other suppliers"]
    assert full.loc[2011].tolist() == [3.0, 6.0]
    # Russia's suppliers are not in the extract: only the deliveries from Armenia (none here)
    only = mil.timeline_bars(transfers, mil.coverage("RUS", "ARM"), "RUS", "ARM", years)
    assert only.columns.tolist() == ["from Armenia"] and only["from Armenia"].sum() == 0
    assert mil.timeline_bars(transfers, mil.coverage("GEO", "IRN"), "GEO", "IRN", years) is None
    # 2000: Türkiye 3.4 + Russia 10.0; 2011: 3.0 + 6.0: 22.4 in all, 6.4 from Türkiye
    P = params()
    assert captions.timeline_alt(P, full, pd.DataFrame({"title": []})) == (
        "Bar chart of TIV delivered to Azerbaijan per year (22.4 TIV million in all, 6.4 of it from Türkiye) above "
        "0 labelled milestones."
    )


def test_milex_paragraphs():
    years = pd.Index([2000, 2001, 2002], name="year")
    const = pd.DataFrame({"AZE": [100.0, 300.0, 240.0], "ARM": [50.0, float("nan"), 80.0]}, index=years)
    milex = pd.DataFrame({"iso3": ["AZE", "ARM", "TUR"]})
    # AZE 240 / 100 - 1 = +140%; ARM 80 / 50 - 1 = +60%; ARM has no figure in 2001
    assert spending_text.milex_notes_text(const, {"ARM": [2001]}, {"AZE": "‖"}) == (
        "Change in spending at constant 2023 prices between the first and last year with data: Azerbaijan +140% "
        "(2000–2002); Armenia +60% (2000–2002). Years without a constant-US$ figure: Armenia 2001. SIPRI attaches "
        "footnote marks to these series (Azerbaijan ‖). In SIPRI's footnotes, ‖ means that the country changed or "
        "redenominated its currency during the period (local-currency figures are converted to the latest currency)."
    )
    assert spending_text.milex_notes_text(const.iloc[:1], {}, {}) == ""  # one year: no change to give
    assert spending_text.milex_missing_sentence(["GEO"], milex) == (
        "SIPRI's spending subset used here does not include Georgia; it holds 3 countries."
    )
    assert spending_text.milex_missing_sentence([], milex) == ""
    gdp = const / 50
    assert captions.milex_alt(const, gdp) == (
        "Two line charts. Top: spending in constant 2023 US$; in 2002 Azerbaijan US$240.0 million, Armenia US$80.0 "
        "million. Bottom: share of GDP; in 2002 Azerbaijan 4.8%, Armenia 1.6%."
    )
    ratio = spending.spending_ratio(
        pd.DataFrame(
            {
                "iso3": ["AZE", "ARM"] * 2,
                "year": [2000, 2000, 2001, 2001],
                "milex_usd_m_const2023": [1.0, 2.0, 3.0, 2.0],
            }
        ),
        "AZE",
        "ARM",
        [2000, 2001],
    )
    assert captions.ratio_alt(params(), "ARM", spending.ratio_summary(ratio)) == (
        "Line chart of the spending ratio Azerbaijan ÷ Armenia; 1.5× in 2001, lowest 0.50× in 2000, highest 1.5× in "
        "2001; dashed line at parity."
    )


def test_milestones_finding_and_caption():
    ev = pd.DataFrame({"year": [2010, 2020], "title": ["Treaty", "War"]})
    assert findings.milestones_finding(params(), ev, "ARM") == (
        "The project's events table lists 2 security milestones for Azerbaijan with Türkiye or Armenia in 2000–2011 "
        "(dated 2010–2020); they are listed with the timeline below."
    )
    # the rival is the partner: named once
    assert "for Türkiye with Azerbaijan in" in findings.milestones_finding(params("TUR", "AZE"), ev, "AZE")
    assert findings.milestones_finding(params(), ev.iloc[0:0], "ARM") == ""
    assert captions.milestones_caption(params("ARM", "RUS"), "AZE").startswith(
        "Security milestones of Armenia with Russia or Azerbaijan, 2000–2011,"
    )


def test_key_findings_for_an_uncovered_pair_and_for_the_default_pair(transfers):
    spans = [(2000, 2011)]
    ratio = pd.DataFrame({"GEO": [1.0], "ARM": [2.0], "ratio": [0.5]}, index=[2011])
    empty = pd.DataFrame({"year": pd.Series([], dtype=int)})
    geo = findings.key_findings(
        params("GEO", "IRN"),
        mil.coverage("GEO", "IRN"),
        sum_ba=mil.delivery_summary(transfers.iloc[0:0]),
        sum_ab=mil.delivery_summary(transfers.iloc[0:0]),
        b_whole=None,
        b_by_period=None,
        a_dest_whole=None,
        dest_totals=None,
        ratio=ratio,
        gdp=pd.DataFrame(),
        rival="ARM",
        milestones=empty,
    )
    assert geo[0].startswith("The SIPRI register extract used here cannot show arms transfers between Georgia and Iran")
    assert geo[-1] == findings.CALCULATION_NOTE and len(geo) == 3
    sh = mil.partner_shares(transfers, "AZE", "imports", spans)
    aze = findings.key_findings(
        params(),
        mil.coverage("AZE", "TUR"),
        sum_ba=mil.delivery_summary(mil.deliveries(transfers, "TUR", "AZE", range(2000, 2012))),
        sum_ab=mil.delivery_summary(mil.deliveries(transfers, "AZE", "TUR", range(2000, 2012))),
        b_whole=mil.standing(sh, "TUR", spans),
        b_by_period=mil.standing(sh, "TUR", spans),
        a_dest_whole=mil.standing(mil.partner_shares(transfers, "TUR", "exports", spans), "AZE", spans),
        dest_totals=None,
        ratio=ratio.rename(columns={"GEO": "AZE"}),
        gdp=pd.DataFrame(),
        rival="ARM",
        milestones=empty,
    )
    assert aze[1] == "No delivery in the other direction, from Azerbaijan to Türkiye, is recorded."
    # 8.4 of 16.4 of Türkiye's exports = 51.2%
    assert aze[3].startswith("Azerbaijan took 51.2% of Türkiye's arms exports by TIV in 2000–2011")


def test_methods_keep_one_tiv_explanation_and_the_sources_list():
    events = pd.DataFrame({"event_id": ["E1"], "sourcing": ["seed only"]})
    sources = pd.DataFrame({"event_id": [], "side": [], "outlet": [], "date_given": []})
    points = methods.methods_points(5, events.iloc[0:0], events, sources, ["project"], ["AZE", "TUR"])
    text = " ".join(points)
    assert len(mil_text.TIV_EXPLANATION.findall(text)) == 1
    assert "periods of up to 5 years" in text and len(points) == len(set(points))
    keys = methods.source_keys(["seeds", "project"], None)
    assert keys == ["sipri_arms_transfers", "sipri_milex", "seeds", "project"]
    assert methods.source_citations(keys)[0].startswith("Information from the SIPRI Arms Transfers Database")
