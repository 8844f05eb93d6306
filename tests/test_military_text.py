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
    # the reason (which deals the extract holds) once, in the key findings; the sections point to Methods
    assert mil_text.not_covered(geo, "pair", short=False).startswith(
        "The SIPRI register extract used here cannot show arms transfers between Georgia and Iran: it holds only deals"
    )
    assert mil_text.not_covered(geo, "pair") == (
        "The SIPRI register extract used here cannot show arms transfers between Georgia and Iran (Methods and caveats "
        "say which deals it holds)."
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
    assert mil_text.categories_sentence(s, "TUR", "AZE") == (
        "By armament category, deliveries from Türkiye to Azerbaijan were: armoured vehicles 5.0 TIV million (59.5%); "
        "ships 3.4 TIV million (40.5%)."
    )
    assert mil_text.categories_sentence(mil.delivery_summary(transfers.iloc[0:0]), "AZE", "TUR") == ""


def test_deliveries_captions_state_the_finding_and_follow_the_rows(transfers):
    both = mil.both_directions(transfers, "AZE", "TUR", range(2000, 2012))
    by_year = mil.tiv_by_year(both, range(2000, 2012), by="category")
    P = params()
    assert captions.deliveries_caption(P, both).startswith(
        "Deliveries of major arms between Türkiye and Azerbaijan, 2000–2011: 3 deliveries under 2 deals, one row per "
        "deal and delivery year."
    )
    # per year 2000: 3.4, 2010: 2.0, 2011: 3.0 -> peak 2000; armoured vehicles 5.0 of 8.4 = 59.5%
    assert captions.deliveries_by_year_caption(P, both, "category") == (
        "Deliveries from Türkiye to Azerbaijan peaked in 2000, with 3.4 of the 8.4 TIV million delivered in 2000–2011; "
        "armoured vehicles was the largest category (59.5%). TIV of the deliveries per year, by armament category."
    )
    # 12 years, deliveries in 3 (2000: 3.4, 2010: 2.0, 2011: 3.0), 8.4 in all
    assert captions.deliveries_by_year_alt(P, both, by_year) == (
        "Bar chart of TIV delivered per year from Türkiye to Azerbaijan, 2000–2011. Deliveries occur in 3 of 12 years, "
        "8.4 TIV million in all; the highest bar is 2000 at 3.4."
    )
    # TUR–AZE as the pair: the bars still go Türkiye -> Azerbaijan
    reverse = mil.both_directions(transfers, "TUR", "AZE", range(2000, 2012))
    assert captions.deliveries_finding(params("TUR", "AZE"), reverse).startswith(
        "Deliveries from Türkiye to Azerbaijan"
    )
    # one year, one delivery: no "peak", singular nouns
    one = mil.both_directions(transfers, "AZE", "TUR", [2000])
    P1 = params(start=2000, end=2000)
    assert captions.deliveries_caption(P1, one).startswith(
        "Deliveries of major arms between Türkiye and Azerbaijan, 2000: 1 delivery under 1 deal,"
    )
    assert (
        captions.deliveries_finding(P1, one)
        == "Deliveries from Türkiye to Azerbaijan came in one year, 2000: 3.4 TIV million."
    )


def test_supplier_shares_finding_and_alt(transfers):
    spans = [(2000, 2004), (2005, 2009), (2010, 2011)]
    st = mil.standing(mil.partner_shares(transfers, "AZE", "imports", spans), "TUR", spans)
    # 2000–2004: 3.4 / 13.4 = 25.4%; 2005–2009 no imports; 2010–2011: 5.0 / 11.0 = 45.5%, tied with Russia, which
    # sorts first (partner order) and is named the largest
    assert captions.supplier_shares_alt(params(), st) == (
        "Stacked bars, one per period, of Azerbaijan's arms imports by supplier (100% each). Türkiye's share is "
        "2000–2004: 25.4%; 2005–2009: no imports recorded; 2010–2011: 45.5%. Largest supplier in 2010–2011: "
        "Russia (45.5%)."
    )
    assert captions.supplier_shares_finding(params(), st) == (
        "In 2010–2011 Türkiye supplied 45.5% of Azerbaijan's arms imports (against 25.4% in 2000–2004); Russia "
        "supplied the most (45.5%)."
    )
    assert "in periods of up to 5 years" in captions.supplier_shares_caption(params(), st, 5)
    assert "per year" in captions.supplier_shares_caption(params(), st, 1)
    # ARM–RUS: Russia the only supplier of Armenia in 2005–2009 (4.0)
    arm = mil.standing(mil.partner_shares(transfers, "ARM", "imports", spans), "RUS", spans)
    assert captions.supplier_shares_finding(params("ARM", "RUS"), arm) == (
        "In 2005–2009 Russia supplied 100.0% of Armenia's arms imports, as its only supplier."
    )
    # TUR–AZE: Azerbaijan supplied nothing
    none = st.assign(share_pct=0.0, tiv_m=0.0)
    assert captions.supplier_shares_finding(params("TUR", "AZE"), none).startswith(
        "Azerbaijan supplied none of Türkiye's recorded arms imports in 2010–2011;"
    )


def test_standing_captions_explain_their_marks():
    assert captions.supplier_rank_caption(params("ARM", "RUS")) == (
        "Russia's TIV, share and rank among Armenia's arms suppliers per period ('none': no deliveries from Russia; "
        "'–': no arms imports recorded)."
    )
    assert "'none': no deliveries to Azerbaijan" in captions.destination_rank_caption(params())


def test_destination_share_table_and_caption(transfers):
    totals = pd.DataFrame(
        {"iso3": ["RUS", "RUS"], "year": [2000, 2005], "direction": ["exports"] * 2, "tiv_m": [50, 50]}
    )
    per = mil.destination_standing_from_totals(transfers, totals, "RUS", "ARM", [(2000, 2004), (2005, 2009)])
    t = tables.destination_share_table(per, "ARM", "RUS")
    # 2005–2009: 4.0 of 50 = 8.00%; 2000–2004: none of 50
    assert t.columns.tolist() == ["Period", "To Armenia: TIV (m)", "Russia's total exports: TIV (m)", "Armenia's share"]
    assert t["Armenia's share"].tolist() == ["0.00%", "8.00%"]
    assert captions.destination_share_caption(params("ARM", "RUS")) == (
        "Armenia's share of Russia's total arms exports per period."
    )


def test_milex_table_has_two_header_rows_and_tidy_data():
    years = pd.Index(range(2000, 2012), name="year")
    const = pd.DataFrame({"AZE": range(12), "ARM": range(12)}, index=years, dtype=float)
    t = tables.milex_table(const, const / 10)
    # every 5 years back from 2011, and the first: 2000, 2001, 2006, 2011
    assert t[("", "Year")].tolist() == [2000, 2001, 2006, 2011]
    assert t.columns.get_level_values(1).tolist() == ["Year", "Azerbaijan", "Armenia", "Azerbaijan", "Armenia"]
    data = tables.milex_table_data(const, const / 10)
    assert data.index.tolist() == [2000, 2001, 2006, 2011] and "AZE_usd_m_const2023" in data.columns


def test_timeline_bars_and_finding_follow_the_coverage(transfers):
    years = range(2000, 2012)
    full = mil.timeline_bars(transfers, mil.coverage("AZE", "TUR"), "AZE", "TUR", years)
    # 2011: Türkiye 3.0; others 5.0 (Russia) + 1.0 (unknown) = 6.0
    assert full.columns.tolist() == ["from Türkiye", "from other suppliers"]
    assert full.loc[2011].tolist() == [3.0, 6.0]
    # Russia's suppliers are not in the extract: only the deliveries from Armenia (none here)
    only = mil.timeline_bars(transfers, mil.coverage("RUS", "ARM"), "RUS", "ARM", years)
    assert only.columns.tolist() == ["from Armenia"] and only["from Armenia"].sum() == 0
    assert mil.timeline_bars(transfers, mil.coverage("GEO", "IRN"), "GEO", "IRN", years) is None
    spans = [(2000, 2004), (2005, 2009), (2010, 2011)]
    ev = pd.DataFrame(
        {
            "year": [2001, 2010, 2011],
            "date": ["2001", "2010-08-16", "2011-02"],
            "date_precision": ["year", "day", "month"],
            "title": ["A", "Treaty", "C"],
        }
    )
    P = params()
    # 2 of 3 milestones in 2010–2011, when Türkiye delivered 2.0 + 3.0 = 5.0 of 5.0 + 6.0 = 11.0 (45.5%)
    assert captions.timeline_finding(P, full, ev, spans) == (
        "Of the 3 security milestones, 2 fall in 2010–2011, when Türkiye delivered 45.5% of the arms Azerbaijan "
        "received (5.0 of 11.0 TIV million)."
    )
    # no period stands out (one period): the whole span; 3.4 + 5.0 = 8.4 of 13.4 + 11.0 = 24.4 (34.4%)
    assert captions.timeline_finding(P, full, ev, [(2000, 2011)]) == (
        "Türkiye delivered 34.4% of the arms Azerbaijan received in 2000–2011 (8.4 of 24.4 TIV million)."
    )
    assert captions.timeline_finding(params("RUS", "ARM"), only, ev.iloc[0:0], spans) == (
        "Armenia delivered no major arms to Russia in 2000–2011."
    )
    # 2000: Türkiye 3.4 + Russia 10.0, 2010: 2.0, 2011: 3.0 + 6.0: 24.4 in all, 8.4 from Türkiye
    assert captions.timeline_alt(P, full, ev) == (
        "Bar chart of TIV delivered to Azerbaijan per year (24.4 TIV million in all, 8.4 of it from Türkiye) above "
        "3 labelled milestones: 2001: A; 16 Aug 2010: Treaty; Feb 2011: C."
    )
    assert captions.timeline_alt(P, full, ev.iloc[0:0]).endswith("; no security milestone to show below it.")
    assert "0 labelled" not in captions.timeline_alt(P, full, ev.iloc[0:0])


def test_milex_paragraphs_and_ratio_caption():
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
    # the pair in colour, the comparator in grey
    assert "Azerbaijan in colour, Armenia in grey" in captions.milex_caption(params(), const, gdp)
    milex_rows = pd.DataFrame(
        {"iso3": ["AZE", "ARM"] * 2, "year": [2000, 2000, 2001, 2001], "milex_usd_m_const2023": [1.0, 2.0, 3.0, 2.0]}
    )
    ratio = spending.spending_ratio(milex_rows, "AZE", "ARM", [2000, 2001])
    assert captions.ratio_alt(params(), "ARM", spending.ratio_summary(ratio)) == (
        "Line chart of the spending ratio Azerbaijan ÷ Armenia; 1.5× in 2001, lowest 0.50× in 2000, highest 1.5× in "
        "2001; dashed line at parity."
    )
    # 1.5 in 2001 after 0.5 in 2000: no run of years to speak of, the ratio alone
    assert captions.ratio_caption(params(), "ARM", ratio).startswith(
        "Azerbaijan's military spending was 1.5× Armenia's in 2001. Azerbaijan's military expenditure divided by"
    )


def test_spending_lead_sentence_counts_the_years_with_figures():
    years = [1995, 1996, 1997, 1998, 1999]
    ratio = pd.DataFrame({"ratio": [0.9, 0.8, 1.2, float("nan"), 2.0]}, index=years)
    # above 1 in 1997 and 1999 (1998 has no figure): since 1997
    assert spending_text.spending_lead_sentence(ratio, "AZE", "ARM") == (
        "Azerbaijan has outspent Armenia in every year with figures for both since 1997."
    )
    assert spending_text.spending_lead_sentence(ratio.iloc[2:], "AZE", "ARM") == (
        "Azerbaijan outspent Armenia in each of the 2 years with figures for both."
    )
    # ARM–AZE: the other way round
    assert spending_text.spending_lead_sentence(1 / ratio.iloc[:2], "ARM", "AZE") == (
        "Armenia outspent Azerbaijan in each of the 2 years with figures for both."
    )
    assert spending_text.spending_lead_sentence(ratio.iloc[:2], "AZE", "ARM") == (
        "Azerbaijan spent less than Armenia in each of the 2 years with figures for both."
    )
    assert spending_text.spending_lead_sentence(ratio.iloc[:1], "AZE", "ARM") == ""  # one year
    assert spending_text.spending_lead_sentence(ratio.iloc[:3], "AZE", "ARM") == ""  # the run is the last year only


def test_milestones_finding_and_caption():
    ev = pd.DataFrame({"year": [2010, 2020, 2021], "title": ["Treaty", "War", "Declaration"]})
    spans = [(2010, 2014), (2015, 2019), (2020, 2024)]
    assert findings.milestones_finding(params(), ev, "ARM", spans) == (
        "The project's events table lists 3 security milestones for Azerbaijan with Türkiye or Armenia in 2000–2011 "
        "(dated 2010–2021), 2 of them in 2020–2024; they are shown on the timeline below."
    )
    # the rival is the partner: named once; one period: no count per period
    assert findings.milestones_finding(params("TUR", "AZE"), ev, "AZE", [(2000, 2024)]) == (
        "The project's events table lists 3 security milestones for Türkiye with Azerbaijan in 2000–2011 "
        "(dated 2010–2021); they are shown on the timeline below."
    )
    assert findings.milestones_finding(params(), ev.iloc[0:0], "ARM") == ""
    assert captions.milestones_caption(params("ARM", "RUS"), "AZE").startswith(
        "Security milestones of Armenia with Russia or Azerbaijan, 2000–2011,"
    )


def test_estimates_and_other_direction_sentences():
    assert findings.estimates_sentence({"n_rows": 22, "n_estimated": 20}) == (
        "SIPRI gives the number of units or the year as an estimate for 20 of the 22 deliveries, so counts, volumes "
        "and timing are approximate."
    )
    assert "for all 3 deliveries" in findings.estimates_sentence({"n_rows": 3, "n_estimated": 3})
    assert findings.estimates_sentence({"n_rows": 1, "n_estimated": 1}).startswith(
        "SIPRI gives the number of units or the year of this delivery as an estimate"
    )
    assert findings.estimates_sentence({"n_rows": 4, "n_estimated": 0}) == ""
    some, none = {"n_rows": 2, "n_deals": 1}, {"n_rows": 0}
    assert findings.other_direction_sentence(params(), some, none) == (
        "No delivery in the other direction, from Azerbaijan to Türkiye, is recorded: the arms went one way only."
    )
    assert findings.other_direction_sentence(params("GEO", "ARM"), none, none) == (
        "No delivery from Georgia to Armenia is recorded either."
    )


def _standing(periods_, totals, tivs, ranks, n, top):
    return pd.DataFrame(
        {
            "period": periods_,
            "total_tiv_m": totals,
            "tiv_m": tivs,
            "share_pct": [100 * t / s if s else float("nan") for t, s in zip(tivs, totals)],
            "rank": pd.array(ranks, dtype="Int64"),
            "n_partners": n,
            "top_partner": top,
            "top_share_pct": [60.0, 58.8],
        }
    )


def test_volume_sentence_says_a_large_share_of_a_small_total_is_a_small_volume():
    # the default pair in 2015–2019 and 2020–2024: Türkiye 43.8 of 1,318.8, then 59.7 of 101.5
    st = _standing(["2015–2019", "2020–2024"], [1318.8, 101.5], [43.8, 59.7], [4, 1], [9, 4], ["ISR", "TUR"])
    assert findings.volume_sentence(params(), st) == (
        "Türkiye's larger share is a share of a smaller total: its own deliveries went from 43.8 TIV million in "
        "2015–2019 to 59.7 in 2020–2024, those of all other suppliers from 1,275.0 to 41.8, so the share rose mainly "
        "because the other suppliers delivered far less."
    )
    # a smaller share of a larger total, and no "mainly because"
    grow = _standing(["2015–2019", "2020–2024"], [100.0, 400.0], [50.0, 60.0], [1, 2], [3, 3], ["TUR", "ISR"])
    assert findings.volume_sentence(params(), grow) == (
        "In volume, Türkiye's own deliveries went from 50.0 TIV million in 2015–2019 to 60.0 in 2020–2024, those of "
        "all other suppliers from 50.0 to 340.0."
    )
    # TUR–AZE: Azerbaijan delivered nothing in either period; a one-period report: nothing to compare
    assert findings.volume_sentence(params("TUR", "AZE"), st.assign(tiv_m=0.0, share_pct=0.0)) == ""
    assert findings.volume_sentence(params(start=2020, end=2020), st.iloc[1:]) == ""


def test_weight_sentence_says_for_whom_the_tie_weighs_more():
    st = _standing(["2015–2019", "2020–2024"], [1318.8, 101.5], [43.8, 59.7], [4, 1], [9, 4], ["ISR", "TUR"])
    dest = pd.DataFrame({"period": ["2015–2019", "2020–2024"], "share_pct": [3.8, 2.5]})
    # 58.8 / 2.5 > 3: far more for Azerbaijan
    assert findings.weight_sentence(params(), st, dest) == (
        "In 2020–2024 the arms tie weighed far more for Azerbaijan than for Türkiye: 58.8% of Azerbaijan's arms imports "
        "came from Türkiye, and 2.5% of Türkiye's arms exports went to Azerbaijan."
    )
    # ARM–RUS from Russia's export totals: 0.45% of Russia's exports, two decimals below 1%
    arm = st.assign(period=["1995–1999", "2000–2004"])
    rus = pd.DataFrame({"period": ["1995–1999", "2000–2004"], "share_pct": [0.3, 0.45]})
    assert "and 0.45% of Türkiye's arms exports" in findings.weight_sentence(params(), arm, rus)
    even = pd.DataFrame({"period": ["2020–2024"], "share_pct": [50.0]})
    assert "about as much for Azerbaijan as for Türkiye" in findings.weight_sentence(params(), st, even)
    # 58.8 / 99.0 = 0.59: less (not far less) for Azerbaijan
    more = pd.DataFrame({"period": ["2020–2024"], "share_pct": [99.0]})
    assert "weighed less for Azerbaijan than for Türkiye" in findings.weight_sentence(params(), st, more)
    # no period with both shares above zero (TUR–AZE), or no destination data (an uncovered supplier)
    assert findings.weight_sentence(params("TUR", "AZE"), st.assign(share_pct=0.0), dest) == ""
    assert findings.weight_sentence(params(), st, None) == ""


def test_top_suppliers_caption_names_the_rank_and_its_denominator():
    top = pd.DataFrame({"partner": ["RUS", "TUR"], "tiv_m": [2191.1, 166.2], "ranked": [True, True]})
    rank = {"status": "ranked", "rank": 5, "n_ranked": 14, "n_tied": 1, "value_row": {"tiv_m": 166.2}}
    assert captions.top_suppliers_caption(params(start=1995, end=2024), rank, top) == (
        "Türkiye ranks 5th of 14 suppliers of Azerbaijan's arms in 1995–2024 by TIV; Russia supplied the most "
        "(2,191.1 TIV million, against 166.2 from Türkiye). The largest suppliers by TIV, Türkiye in colour; SIPRI's "
        "unknown suppliers hatched."
    )
    first = {"status": "ranked", "rank": 1, "n_ranked": 3, "n_tied": 1, "value_row": {"tiv_m": 676.9}}
    assert captions.top_suppliers_caption(params("ARM", "RUS"), first, top.assign(partner=["RUS", "UKR"])).startswith(
        "Russia ranks 1st of 3 suppliers of Armenia's arms in 2000–2011 by TIV. The largest"
    )
    absent = {"status": "absent", "rank": None, "n_ranked": 6, "n_tied": None, "value_row": None}
    assert captions.top_suppliers_caption(params("TUR", "AZE"), absent, top).startswith(
        "Azerbaijan is not among the 6 suppliers of Türkiye's arms in 2000–2011."
    )


def _key_findings(transfers, P, cov, *, spans, ratio, dest_by_period=None, a_dest_whole=None, dest_totals=None):
    a, b = P.country_a, P.country_b
    years = range(P.start_year, P.end_year + 1)
    whole = mil.whole_span(spans)
    return findings.key_findings(
        P,
        cov,
        sum_ba=mil.delivery_summary(mil.deliveries(transfers, b, a, years)),
        sum_ab=mil.delivery_summary(mil.deliveries(transfers, a, b, years)),
        b_whole=mil.standing(mil.partner_shares(transfers, a, "imports", whole), b, whole),
        b_by_period=mil.standing(mil.partner_shares(transfers, a, "imports", spans), b, spans),
        a_dest_whole=a_dest_whole
        if a_dest_whole is not None
        else mil.standing(mil.partner_shares(transfers, b, "exports", whole), a, whole),
        dest_totals=dest_totals,
        dest_by_period=dest_by_period,
        ratio=ratio.rename(columns={"AZE": a}) if a != "ARM" else ratio.rename(columns={"ARM": "AZE", "AZE": a}),
        gdp=pd.DataFrame(),
        rival="ARM" if a != "ARM" else "AZE",
        milestones=pd.DataFrame({"year": pd.Series([], dtype=int)}),
        spans=spans,
    )


def test_key_findings_explain_tiv_once_for_every_pair(transfers):
    spans = [(2000, 2004), (2005, 2009), (2010, 2011)]
    whole = mil.whole_span(spans)
    ratio = pd.DataFrame({"AZE": [2.0], "ARM": [1.0], "ratio": [2.0]}, index=[2011])
    exports = mil.partner_shares(transfers, "TUR", "exports", spans)
    aze = _key_findings(
        transfers,
        params(),
        mil.coverage("AZE", "TUR"),
        spans=spans,
        ratio=ratio,
        a_dest_whole=mil.standing(mil.partner_shares(transfers, "TUR", "exports", whole), "AZE", whole),
        dest_by_period=mil.standing(exports, "AZE", spans),
    )
    text = " ".join(aze)
    assert len(mil_text.TIV_EXPLANATION.findall(text)) == 1
    assert aze[0].startswith("The register records 3 deliveries of major arms from Türkiye to Azerbaijan")
    assert mil_text.TIV_MEANING in aze[0]
    assert (
        aze[1]
        == "No delivery in the other direction, from Azerbaijan to Türkiye, is recorded: the arms went one way only."
    )
    # 8.4 of 16.4 of Türkiye's exports = 51.2%; in 2010–2011 Türkiye 45.5% of Azerbaijan's imports, Azerbaijan 5.0 of
    # 13.0 = 38.5% of Türkiye's exports: about as much for both (45.5 / 38.5 = 1.2)
    assert aze[3].startswith("Azerbaijan took 51.2% of Türkiye's arms exports by TIV in 2000–2011")
    assert "In 2010–2011 the arms tie weighed about as much for Azerbaijan as for Türkiye" in aze[3]
    # TUR–AZE: nothing from Azerbaijan; the explanation goes with the first TIV number, in the second finding
    tur = _key_findings(transfers, params("TUR", "AZE"), mil.coverage("TUR", "AZE"), spans=spans, ratio=ratio)
    assert tur[0] == "The register records no delivery of major arms from Azerbaijan to Türkiye in 2000–2011."
    assert mil_text.TIV_MEANING in tur[1] and len(mil_text.TIV_EXPLANATION.findall(" ".join(tur))) == 1
    # ARM–RUS: Russia's destinations are not in the extract, its export totals are
    totals = pd.DataFrame({"iso3": ["RUS"], "year": [2005], "direction": ["exports"], "tiv_m": [400.0]})
    arm = _key_findings(
        transfers,
        params("ARM", "RUS"),
        mil.coverage("ARM", "RUS", totals),
        spans=spans,
        ratio=ratio,
        dest_totals=mil.destination_standing_from_totals(transfers, totals, "RUS", "ARM", whole),
        dest_by_period=mil.destination_standing_from_totals(transfers, totals, "RUS", "ARM", spans),
    )
    # 4.0 of 400 = 1.00% of Russia's exports; Russia 100% of Armenia's imports in 2005–2009: far more for Armenia
    assert "Deliveries to Armenia were 1.00% of Russia's total recorded arms exports" in arm[3]
    assert "In 2005–2009 the arms tie weighed far more for Armenia than for Russia" in arm[3]
    # a one-year period: no comparison with an earlier period
    one = _key_findings(
        transfers, params(start=2011, end=2011), mil.coverage("AZE", "TUR"), spans=[(2011, 2011)], ratio=ratio
    )
    assert not any("larger share" in f or "smaller share" in f for f in one)
    # an uncovered pair: the reason once, in full; no TIV number, so no TIV explanation
    geo = _key_findings(transfers, params("GEO", "IRN"), mil.coverage("GEO", "IRN"), spans=spans, ratio=ratio)
    assert geo[0].startswith(
        "The SIPRI register extract used here cannot show arms transfers between Georgia and Iran:"
    )
    assert not any(mil_text.TIV_MEANING in f for f in geo)


def test_methods_keep_each_point_once():
    events = pd.DataFrame({"event_id": ["E1"], "sourcing": ["seed only"]})
    sources = pd.DataFrame({"event_id": [], "side": [], "outlet": [], "date_given": []})
    points = methods.methods_points(5, events.iloc[0:0], events, sources, ["project"], ["AZE", "TUR"])
    text = " ".join(points)
    # what TIV means is said in the key findings; here only how it is built
    assert not mil_text.TIV_EXPLANATION.search(text) and "How TIV is built" in text
    assert "periods of up to 5 years" in text and len(points) == len(set(points))
    assert text.count("this project's calculations, not SIPRI's") == 1
    assert "Turkmenistan" not in text  # a caveat about states the report does not show
    firsts = [p.split(": ", 1)[-1].split(";")[0] for p in points]
    assert len(firsts) == len(set(firsts))  # no caveat stated twice by two sources
    keys = methods.source_keys(["seeds", "project"], None)
    assert keys == ["sipri_arms_transfers", "sipri_milex", "seeds", "project"]
    assert methods.source_citations(keys)[0].startswith("Information from the SIPRI Arms Transfers Database")


def test_bar_colours_keep_one_colour_per_country():
    from bilateral import figures
    from bilateral.military import plots

    rows = pd.DataFrame(
        {"direction": ["Türkiye → Azerbaijan", "Azerbaijan → Türkiye"], "supplier_iso3": ["TUR", "AZE"]}
    )
    by_direction = pd.DataFrame(columns=["Azerbaijan → Türkiye", "Türkiye → Azerbaijan"], data=[[1.0, 2.0]])
    assert plots.bar_colours(rows, by_direction) == [figures.COUNTRY_COLOURS["AZE"], figures.COUNTRY_COLOURS["TUR"]]
    one_way = pd.DataFrame({"direction": ["Türkiye → Azerbaijan"] * 2, "supplier_iso3": ["TUR", "TUR"]})
    by_category = pd.DataFrame({"Ships": [1.0], "Artillery": [5.0]})
    colours = plots.bar_colours(one_way, by_category)
    # the largest category in Türkiye's own colour, the other a lighter shade of it (no other state's colour)
    assert colours[1] == figures.COUNTRY_COLOURS["TUR"].lower() and colours[0] != colours[1]
    assert not set(colours) & {c.lower() for k, c in figures.COUNTRY_COLOURS.items() if k != "TUR"}


def test_a_rival_that_is_country_a_falls_back_to_a_comparator_then_to_the_other_state():
    from bilateral.military import parameters as mil_params

    # the default rival ARM for the pair ARM-RUS: the first comparator not in the pair takes its place
    assert mil_params.resolve_rival("ARM", "ARM", "RUS", ["ARM", "GEO"])[0] == "GEO"
    # a student who changes only the pair: the default comparators (ARM) are dropped, Russia is the rival
    rival, note = mil_params.resolve_rival("ARM", "ARM", "RUS", [])
    assert rival == "RUS"
    assert note == (
        "The rival state set for this report, Armenia, is one of the pair, so Armenia's military spending is "
        "compared with that of Russia, the other state of the pair, as no comparator is left."
    )
    assert mil_params.resolve_rival("ARM", "AZE", "TUR", []) == ("ARM", "")
