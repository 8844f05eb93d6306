"""Tests of the bilateral.military package (compute, spending, parameters, text, tables) and of
notebooks/military.ipynb.

Unit tests use small frames built here; their expected values are worked out by hand in the comments.
Tests marked ``raw`` check the analysis on the SIPRI raw files against sums done with awk on those files
(the commands are quoted). Tests marked ``notebook`` execute the report for two pairs (and one pair the
register cannot cover) and check what the reader sees.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from bilateral import periods
from bilateral.errors import ParameterError
from bilateral.events import split_codes
from bilateral.military import compute as mil
from bilateral.military import parameters as mil_params
from bilateral.military import spending, spending_text, tables
from bilateral.military import text as mil_text

# ---------------------------------------------------------------------------------------------
# Small hand-made frames
# ---------------------------------------------------------------------------------------------


def _row(deal, year, sup, rec, tiv, *, cat="Artillery", item="X", units=1, est=False, sup_name=None):
    return {
        "deal_id": deal,
        "delivery_year": year,
        "supplier_iso3": sup,
        "recipient_iso3": rec,
        "supplier": sup_name or sup,
        "recipient": rec,
        "designation": item,
        "description": "thing",
        "category": cat,
        "order_year": year,
        "order_year_is_estimate": False,
        "units_delivered": units,
        "units_delivered_is_estimate": est,
        "delivery_year_is_estimate": False,
        "status": "New",
        "tiv_per_unit_m": tiv / units,
        "tiv_per_unit_new_m": tiv / units,
        "tiv_m": tiv,
        "local_production": False,
    }


@pytest.fixture()
def transfers():
    rows = [
        _row(1, 2000, "TUR", "AZE", 3.4, cat="Ships", item="AB-25"),
        _row(2, 2010, "TUR", "AZE", 2.0, cat="Armoured vehicles", item="Cobra", units=10, est=True),
        _row(2, 2011, "TUR", "AZE", 3.0, cat="Armoured vehicles", item="Cobra", units=15),
        _row(3, 2000, "RUS", "AZE", 10.0),
        _row(3, 2011, "RUS", "AZE", 5.0),
        _row(4, 2011, None, "AZE", 1.0, sup_name="unknown supplier(s)"),
        _row(5, 2011, "TUR", "PAK", 8.0),
    ]
    df = pd.DataFrame(rows)
    df["supplier_iso3"] = df["supplier_iso3"].astype("string")
    return df


SPANS = [(2000, 2004), (2005, 2009), (2010, 2011)]  # periods(2000, 2011, 5)


def test_periods_end_at_the_last_year():
    assert periods.spans(2000, 2011, 5) == SPANS
    assert periods.spans(1995, 2024, 5)[-1] == (2020, 2024)
    assert periods.spans(2003, 2003, 5) == [(2003, 2003)]
    with pytest.raises(ValueError):
        periods.spans(2005, 2000)


def test_coverage_follows_the_register_focus():
    totals = pd.DataFrame({"iso3": ["RUS"], "year": [2000], "direction": ["exports"], "tiv_m": [1.0]})
    assert mil.coverage("AZE", "TUR") == mil.Coverage(True, True, True, True)
    # Armenia is a focus state, Russia is not: bilateral rows and Armenia's suppliers are complete,
    # Russia's destinations are not; Russia's export totals exist only if arms_totals has them.
    assert mil.coverage("ARM", "RUS", totals) == mil.Coverage(True, True, False, True)
    assert mil.coverage("ARM", "RUS") == mil.Coverage(True, True, False, False)
    assert mil.coverage("GEO", "IRN", totals).bilateral is False


def test_not_covered_sentence_names_the_focus_states():
    s = mil_text.not_covered_sentence("arms transfers between Georgia and Iran", ["GEO", "IRN"])
    assert "Azerbaijan, Türkiye or Armenia is the supplier" in s and "Georgia and Iran are not among them" in s
    assert mil_text.names_or(["AZE"]) == "Azerbaijan"
    assert mil_text.ratio_text(0.384) == "0.38×" and mil_text.ratio_text(2.61) == "2.6×"


def test_deliveries_and_summary(transfers):
    rows = mil.deliveries(transfers, "TUR", "AZE", range(2000, 2012))
    assert rows["tiv_m"].tolist() == [3.4, 2.0, 3.0]
    s = mil.delivery_summary(rows)
    # 3 deal-years, deals 1 and 2; 3.4 + 2.0 + 3.0 = 8.4; per year 2000: 3.4, 2010: 2.0, 2011: 3.0 -> peak 2000.
    assert (s["n_rows"], s["n_deals"], s["first_year"], s["last_year"], s["peak_year"], s["n_years"]) == (
        3,
        2,
        2000,
        2011,
        2000,
        3,
    )
    assert s["tiv_m"] == pytest.approx(8.4)
    # Armoured vehicles 5.0 before Ships 3.4.
    assert s["by_category"].index.tolist() == ["Armoured vehicles", "Ships"]
    assert mil.delivery_summary(rows.iloc[0:0])["n_rows"] == 0
    assert "records no delivery" in mil_text.deliveries_sentence(
        mil.delivery_summary(rows.iloc[0:0]), "TUR", "AZE", 2000, 2011
    )


def test_sentence_quotes_share_of_top_category(transfers):
    s = mil.delivery_summary(mil.deliveries(transfers, "TUR", "AZE", range(2000, 2012)))
    text = mil_text.deliveries_sentence(s, "TUR", "AZE", 2000, 2011)
    # 5.0 / 8.4 = 59.52% armoured vehicles; total 8.4; 3 deliveries under 2 deals.
    assert "3 deliveries" in text and "2 deals" in text and "8.4 TIV million" in text and "59.5%" in text
    assert "not money" not in text  # the TIV explanation is stated once, under Methods


def test_deliveries_table_marks_estimates(transfers):
    t = tables.deliveries_table(mil.deliveries(transfers, "TUR", "AZE", range(2000, 2012)))
    assert t["Units"].tolist() == ["1", "10?", "15"]
    assert t["TIV (m)"].tolist() == ["3.40", "2.00", "3.00"]
    # narrow enough for a phone: the item with its description, a status other than new in brackets
    assert t.columns.tolist() == ["Year", "Item", "Category", "Units", "TIV (m)", "Ordered"]
    assert t["Item"].iloc[0] == "AB-25 thing"
    second_hand = mil.deliveries(transfers, "TUR", "AZE", [2000]).assign(status="Second hand")
    assert tables.deliveries_table(second_hand)["Item"].iloc[0] == "AB-25 thing (second hand)"


def test_tiv_by_year_fills_zero_years(transfers):
    rows = mil.deliveries(transfers, "TUR", "AZE", range(2000, 2012))
    by = mil.tiv_by_year(rows, range(2009, 2012))
    assert by["tiv_m"].tolist() == [0.0, 2.0, 3.0]
    cat = mil.tiv_by_year(rows, [2000, 2001], by="category")
    assert cat.loc[2000, "Ships"] == 3.4 and cat.loc[2001].sum() == 0


def test_imports_split(transfers):
    split = mil.imports_split(transfers, "AZE", "TUR", [2000, 2011])
    # 2000: TUR 3.4, others 10.0 (RUS); 2011: TUR 3.0, others 5.0 + 1.0 = 6.0.
    assert split["from Türkiye"].tolist() == [3.4, 3.0]
    assert split["from other suppliers"].tolist() == pytest.approx([10.0, 6.0])


def test_supplier_shares_by_period(transfers):
    sh = mil.partner_shares(transfers, "AZE", "imports", SPANS)
    p1 = sh[sh["period"] == "2000–2004"].set_index("partner")
    # 2000–2004: RUS 10.0, TUR 3.4, total 13.4 -> RUS 74.63%, TUR 25.37%.
    assert p1.loc["RUS", "share_pct"] == pytest.approx(100 * 10 / 13.4)
    assert p1.loc["TUR", "share_pct"] == pytest.approx(100 * 3.4 / 13.4)
    assert p1["rank"].to_dict() == {"RUS": 1, "TUR": 2}
    p3 = sh[sh["period"] == "2010–2011"].set_index("partner")
    # 2010–2011: TUR 2.0 + 3.0 = 5.0, RUS 5.0, unknown 1.0; total 11; the tie shares rank 1; the unknown
    # supplier keeps its share of the total but is not ranked and not counted among the suppliers.
    assert p3.loc["TUR", "tiv_m"] == pytest.approx(5.0)
    assert p3.loc[["RUS", "TUR"], "rank"].tolist() == [1, 1]
    assert pd.isna(p3.loc["unknown supplier(s)", "rank"])
    assert p3["n_partners"].unique().tolist() == [2]
    assert p3.loc["unknown supplier(s)", "share_pct"] == pytest.approx(100 / 11)
    assert set(sh["period"]) == {"2000–2004", "2010–2011"}


def test_standing_keeps_empty_periods(transfers):
    st = mil.standing(mil.partner_shares(transfers, "AZE", "imports", SPANS), "TUR", SPANS).set_index("period")
    assert st.loc["2000–2004", "rank"] == 2 and st.loc["2000–2004", "n_partners"] == 2
    assert st.loc["2000–2004", "top_partner"] == "RUS"
    assert math.isnan(st.loc["2005–2009", "share_pct"]) and st.loc["2005–2009", "total_tiv_m"] == 0
    assert pd.isna(st.loc["2005–2009", "rank"])
    assert st.loc["2010–2011", "share_pct"] == pytest.approx(100 * 5 / 11)
    # A supplier absent from a period with imports: share 0, no rank.
    st_pak = mil.standing(mil.partner_shares(transfers, "AZE", "imports", SPANS), "PAK", SPANS).set_index("period")
    assert st_pak.loc["2000–2004", "share_pct"] == 0 and pd.isna(st_pak.loc["2000–2004", "rank"])
    table = tables.standing_table(st.reset_index(), "TUR")
    # 2010–2011: Türkiye, Russia and SIPRI's unknown supplier, which is not counted among the suppliers;
    # shares 3.4 / 13.4 = 25.4% and 5.0 / 11.0 = 45.5%; 2005–2009 has no imports at all
    assert table["Türkiye: share (rank)"].tolist() == ["25.4% (2nd of 2)", "–", "45.5% (1st of 2)"]
    assert table["Largest supplier (share)"].tolist() == ["Russia (74.6%)", "–", "Russia (45.5%)"]
    # a supplier absent from a period with imports reads "none", not 0.0%
    assert tables.standing_table(st_pak.reset_index(), "PAK")["Pakistan: share (rank)"].iloc[0] == "none"


def test_supplier_sentence_gives_the_period_totals(transfers):
    # Review fix: a large share of a small period total must not read as a large volume.
    sh = mil.partner_shares(transfers, "AZE", "imports", SPANS)
    whole = mil.partner_shares(transfers, "AZE", "imports", mil.whole_span(SPANS))
    text = mil_text.supplier_sentence(
        mil.standing(whole, "TUR", mil.whole_span(SPANS)), mil.standing(sh, "TUR", SPANS), "AZE", "TUR"
    )
    # Whole span: TUR 3.4 + 2.0 + 3.0 = 8.4 of 13.4 + 11.0 = 24.4 -> 34.4%, rank 2 of 2 (RUS 15.0 = 61.5%; SIPRI's
    # unknown supplier, 1.0, counts in the total but not among the suppliers).
    assert "34.4% of Azerbaijan's arms imports" in text and "rank 2 of 2 suppliers" in text and "Russia (61.5%)" in text
    # Last period with imports 2010–2011: total 2.0 + 3.0 + 5.0 + 1.0 = 11.0; the one before with imports,
    # 2000–2004: 3.4 + 10.0 = 13.4 (2005–2009 has none and is skipped).
    assert (
        "Azerbaijan's recorded arms imports in 2010–2011 totalled 11.0 TIV million, against 13.4 in 2000–2004." in text
    )


def test_milex_marks_are_explained():
    # Review fix: SIPRI's double bar (AZE, TUR) was shown but not explained. Its footnotes sheet: † = excludes
    # military pensions; ‖ = currency changed or redenominated during the period.
    text = spending_text.milex_marks_text({"AZE": "‖7", "TUR": "‖", "ARM": "†6"})
    assert text.startswith("SIPRI attaches footnote marks to these series (Azerbaijan ‖7; Türkiye ‖; Armenia †6).")
    assert "† means that the figures exclude military pensions" in text
    assert "‖ means that the country changed or redenominated its currency" in text
    assert "§" not in text and "¶" not in text  # only the marks present are explained
    assert "numbered notes are country-specific" in text
    assert spending_text.milex_marks_text({"RUS": "83"}).endswith(
        "(Russia 83). Numbered notes are country-specific and are given in SIPRI's footnotes."
    )
    assert spending_text.milex_marks_text({}) == ""


def test_share_matrix_groups_others(transfers):
    sh = mil.partner_shares(transfers, "AZE", "imports", SPANS)
    # Over the span: RUS 15.0, TUR 8.4, unknown 1.0 -> the top 1 is RUS; TUR is always kept.
    keep = mil.top_partners(sh, 1, always=["TUR"])
    assert keep == ["RUS", "TUR"]
    m = mil.share_matrix(sh, keep, SPANS)
    assert m.columns.tolist() == ["Russia", "Türkiye", mil.OTHERS]
    assert m.loc["2010–2011", mil.OTHERS] == pytest.approx(100 / 11)
    assert m.loc["2010–2011"].sum() == pytest.approx(100)
    assert m.loc["2005–2009"].isna().all()


def test_export_destinations(transfers):
    sh = mil.partner_shares(transfers, "TUR", "exports", [(2000, 2011)])
    # TUR exports 2000–2011: AZE 3.4 + 2.0 + 3.0 = 8.4, PAK 8.0; total 16.4.
    st = mil.standing(sh, "AZE", [(2000, 2011)]).iloc[0]
    assert st["rank"] == 1 and st["n_partners"] == 2
    assert st["share_pct"] == pytest.approx(100 * 8.4 / 16.4)
    text = mil_text.destination_sentence(mil.standing(sh, "AZE", [(2000, 2011)]), "AZE", "TUR")
    assert "51.2%" in text and "rank 1 of 2 destinations" in text
    t = tables.top_destinations_table(sh, 1, "PAK")
    assert t["Destination"].tolist() == ["Azerbaijan", "Pakistan ◀"]


def test_destination_share_from_totals(transfers):
    totals = pd.DataFrame(
        {
            "iso3": ["RUS", "RUS", "RUS"],
            "year": [2000, 2011, 2011],
            "direction": ["exports", "exports", "imports"],
            "tiv_m": [40.0, 60.0, 7.0],
        }
    )
    out = mil.destination_standing_from_totals(transfers, totals, "RUS", "AZE", [(2000, 2011)]).iloc[0]
    # RUS -> AZE: 10 + 5 = 15 of 40 + 60 = 100 exported (imports row ignored): 15%.
    assert out["tiv_m"] == 15 and out["total_tiv_m"] == 100 and out["share_pct"] == pytest.approx(15)


@pytest.fixture()
def milex():
    return pd.DataFrame(
        {
            "iso3": ["AZE", "AZE", "AZE", "ARM", "ARM", "ARM"],
            "year": [2000, 2001, 2002, 2000, 2001, 2002],
            "milex_usd_m_const2023": [100.0, 300.0, 240.0, 50.0, np.nan, 80.0],
            "milex_share_gdp_pct": [2.0, 3.0, 4.0, 3.5, np.nan, 4.5],
            "sipri_notes": ["‖7", "‖7", "‖7", "†6", "†6", None],
        }
    )


def test_spending_ratio(milex):
    r = spending.spending_ratio(milex, "AZE", "ARM", range(2000, 2004))
    # 100/50 = 2.0; 2001 ARM missing; 240/80 = 3.0; 2003 absent for both.
    assert r["ratio"].iloc[[0, 2]].tolist() == [2.0, 3.0]
    assert r["ratio"].iloc[[1, 3]].isna().all()
    s = spending.ratio_summary(r)
    assert (s["latest_year"], s["latest"], s["min_year"], s["max_year"], s["n_years"]) == (2002, 3.0, 2000, 2002, 2)
    gdp = spending.milex_wide(milex, ["AZE", "ARM"], range(2000, 2003), "milex_share_gdp_pct")
    text = spending_text.milex_sentence(r, gdp, "AZE", "ARM")
    assert "In 2002 Azerbaijan spent US$240.0 million" in text and "4.0% of GDP" in text and "(4.5% of GDP)" in text
    assert "3.0×" in text and "2.0× (2000)" in text


def test_milex_helpers(milex):
    wide = spending.milex_wide(milex, ["AZE", "GEO", "ARM"], range(2000, 2003), "milex_usd_m_const2023")
    assert wide.columns.tolist() == ["AZE", "ARM"]
    assert spending.missing_countries(milex, ["AZE", "GEO"]) == ["GEO"]
    assert periods.gap_years(wide) == {"ARM": [2001]}
    assert spending.milex_notes(milex, ["AZE", "ARM"], range(2000, 2003)) == {"AZE": "‖7", "ARM": "†6"}
    assert spending.change_pct(wide["AZE"]) == (2000, 2002, pytest.approx(140.0))  # 240 / 100 - 1
    ratio = spending.spending_ratio(milex, "AZE", "GEO", range(2000, 2003))
    assert "do not allow" in spending_text.milex_sentence(ratio, wide, "AZE", "GEO")


@pytest.fixture()
def events():
    return pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3", "E4", "E5", "E6"],
            "date": ["2010-08-16", "2020-09-27", "2021-06-15", "2013-06-26", "1994-02-09", "2016-01-01"],
            "date_precision": ["day", "day", "day", "day", "day", "year"],
            "type": ["treaty", "war", "declaration", "agreement", "agreement", "war"],
            "dimension": ["military", "military", "military", "energy", "military", "military"],
            "title": ["Treaty", "War begins", "Shusha", "TANAP", "Protocol", "Fighting"],
            "countries": ["AZE|TUR", "ARM|AZE", "AZE|TUR", "AZE|TUR", "AZE|TUR", "ARM|AZE"],
            "source": ["s"] * 6,
        }
    )


def test_security_events(events):
    ev = mil.security_events(events, "AZE", "TUR", range(1995, 2025), also=["ARM"])
    # E4 is energy, E5 is before 1995; the rest sorted by date.
    assert ev["event_id"].tolist() == ["E1", "E6", "E2", "E3"]
    assert ev["with"].tolist() == ["TUR", "ARM", "ARM", "TUR"]
    assert mil.security_events(events, "AZE", "TUR", range(1995, 2025))["event_id"].tolist() == ["E1", "E3"]
    assert mil.security_events(events, "GEO", "IRN", range(1995, 2025)).empty
    table = tables.milestones_table(ev)
    assert table["Date"].tolist() == ["16 Aug 2010", "2016", "27 Sep 2020", "15 Jun 2021"]
    assert table["Parties"].iloc[1] == "Armenia, Azerbaijan"
    # Review fix: the citations go to their own table (long URLs squeezed the Event column in print).
    assert "Source" not in tables.milestones_table(ev, with_source=False).columns
    cites = tables.milestone_sources_table(
        ev.assign(source=["https://a.org/1 | 000_bbf2abffa65fbe36.txt § DEVELOPMENT", "c", "d", "e"])
    )
    assert (
        cites["No."].tolist() == [1, 2, 3, 4]
        and cites.iloc[0, 1] == "https://a.org/1; Ismayilov (2025), section Development"
    )
    # Milestones with the pair present: no note; only rival events (as for Armenia–Russia): a note.
    assert mil_text.milestones_partner_sentence(ev, "AZE", "TUR") == ""
    rival_only = ev[ev["with"] == "ARM"]
    note = mil_text.milestones_partner_sentence(rival_only, "AZE", "TUR")
    assert note.startswith(
        "The events table lists no security milestone between Azerbaijan and Türkiye; the milestones shown involve Armenia."
    )
    early = mil.security_events(events, "AZE", "TUR", range(1800, 1995))
    assert mil_text.earlier_sentence(early, 1995) == (
        "Before 1995, outside the period shown, the events table also lists: 9 Feb 1994: Protocol."
    )


def test_decimal_year_and_dates():
    d = periods.decimal_year(pd.Series(["2020-01-01", "2010-07-01", "2000-01-01"]), pd.Series(["year", "month", "day"]))
    # year precision -> mid-year; July -> (7 - 0.5) / 12 = 0.5417; 1 Jan -> 0.5 / 31 / 12 = 0.0013.
    assert d.round(4).tolist() == [2020.5, 2010.5417, 2000.0013]
    assert mil.event_date_text("2020-09-01", "month") == "2020-09"
    assert split_codes("ARM|AZE|TUR") == {"ARM", "AZE", "TUR"}
    assert split_codes(None) == set()


def test_year_spans_and_alliances():
    assert mil_text.year_spans([1995, 1993, 1994, 2010, 2012, 2011]) == "1993–1995, 2010–2012"
    alliances = pd.DataFrame(
        {
            "iso3_a": ["AZE", "AZE", "TUR", "AZE"],
            "iso3_b": ["TUR", "TUR", "AZE", "GEO"],
            "year": [1993, 1994, 1995, 1995],
            "defense": [0, 1, 1, 1],
            "offense": [0, 0, 0, 0],
            "neutrality": [0, 0, 0, 0],
            "nonaggression": [1, 1, 1, 0],
            "consultation": [0, 0, 0, 0],
            "any_pledge": [1, 1, 1, 1],
        }
    )
    assert mil_text.alliance_obligations(alliances, "AZE", "TUR") == {
        "defence": "1994–1995",
        "non-aggression": "1993–1995",
    }
    assert "records no alliance obligation" in mil_text.alliance_sentence(alliances, "TUR", "GEO")
    assert "The data end in 1995" in mil_text.alliance_sentence(alliances, "AZE", "TUR")


def test_parameter_checks():
    assert mil_params.check_rival("ARM", "AZE", "TUR") == "ARM"
    assert mil_params.check_rival("TUR", "AZE", "TUR") == "TUR"
    with pytest.raises(ParameterError, match="rival"):
        mil_params.check_rival("AZE", "AZE", "TUR")
    with pytest.raises(ParameterError, match="rival"):
        mil_params.check_rival("arm", "AZE", "TUR")
    assert mil_params.check_whole("period_years", 5, 1, 10) == 5
    for bad in (0, 11, True, 2.5):
        with pytest.raises(ParameterError, match="period_years"):
            mil_params.check_whole("period_years", bad, 1, 10)


# ---------------------------------------------------------------------------------------------
# On the raw SIPRI files (values from awk on the raw CSVs)
# ---------------------------------------------------------------------------------------------

REGISTER = "sipri_trade_register_deliveries_AZE_TUR_ARM_1995_2024.csv"


@pytest.fixture(scope="module")
def sipri_tables(raw):
    from bilateral.sources import sipri

    return sipri.build(raw)


@pytest.mark.raw
def test_turkish_deliveries_to_azerbaijan(sipri_tables):
    # awk -F, '$2=="Turkiye" && $3=="Azerbaijan" {n++; s+=$16; d[$1]=1} END {print n, s, length(d)}' REGISTER
    # -> 22 166.17 12
    rows = mil.deliveries(sipri_tables["arms_transfers"], "TUR", "AZE", range(1995, 2025))
    s = mil.delivery_summary(rows)
    assert (s["n_rows"], s["n_deals"]) == (22, 12)
    assert s["tiv_m"] == pytest.approx(166.17)
    # The register has no delivery by Azerbaijan at all (PROVENANCE: "Azerbaijan ... as supplier 0").
    assert mil.deliveries(sipri_tables["arms_transfers"], "AZE", "TUR", range(1995, 2025)).empty


@pytest.mark.raw
def test_turkiye_among_azerbaijans_suppliers(sipri_tables):
    t = sipri_tables["arms_transfers"]
    whole = mil.standing(mil.partner_shares(t, "AZE", "imports", [(1995, 2024)]), "TUR", [(1995, 2024)]).iloc[0]
    # awk -F, '$3=="Azerbaijan" {s[$2]+=$16} ...' REGISTER | sort -rn: 15 suppliers, total 4272.53;
    # Russia 2191.08, Israel 894.15, Ukraine 487.77, Belarus 332.8, Turkiye 166.17 (5th). One of the 15 is SIPRI's
    # "unknown supplier(s)" (5.1), which keeps its share but is not counted among the suppliers: 14, as in the rank tables.
    assert (whole["rank"], whole["n_partners"], whole["top_partner"]) == (5, 14, "RUS")
    assert whole["share_pct"] == pytest.approx(100 * 166.17 / 4272.53)
    # Same with $11>=2020: total 101.5, Turkiye 59.65 (largest of 5 names, one of them the unknown supplier: 4 suppliers).
    spans = periods.spans(1995, 2024, 5)
    last = mil.standing(mil.partner_shares(t, "AZE", "imports", spans), "TUR", spans).iloc[-1]
    assert (last["period"], last["rank"], last["n_partners"]) == ("2020–2024", 1, 4)
    assert last["share_pct"] == pytest.approx(100 * 59.65 / 101.5)


@pytest.mark.raw
def test_azerbaijan_among_turkiyes_destinations(sipri_tables):
    # awk -F, '$2=="Turkiye" {s[$3]+=$16; t+=$16} ...' REGISTER: total 4680.92, Azerbaijan 166.17,
    # 9th after UAE, Turkmenistan, Pakistan, Saudi Arabia, Qatar, Malaysia, Ukraine, Oman.
    sh = mil.partner_shares(sipri_tables["arms_transfers"], "TUR", "exports", [(1995, 2024)])
    st = mil.standing(sh, "AZE", [(1995, 2024)]).iloc[0]
    assert st["rank"] == 9 and st["top_partner"] == "ARE"
    assert st["share_pct"] == pytest.approx(100 * 166.17 / 4680.92)


@pytest.mark.raw
def test_armenia_and_russia(sipri_tables):
    t, totals = sipri_tables["arms_transfers"], sipri_tables["arms_totals"]
    # awk -F, '$2=="Russia" && $3=="Armenia" {n++; s+=$16}' REGISTER -> 40 676.94
    s = mil.delivery_summary(mil.deliveries(t, "RUS", "ARM", range(1995, 2025)))
    assert s["n_rows"] == 40 and s["tiv_m"] == pytest.approx(676.94)
    # awk -F, '$1=="Russia" {s+=$4}' derived_tiv_by_country_year_1995_2024.csv -> 150005 (printed rounded)
    out = mil.destination_standing_from_totals(t, totals, "RUS", "ARM", [(1995, 2024)]).iloc[0]
    assert out["total_tiv_m"] == pytest.approx(150005, abs=0.5)
    assert out["share_pct"] == pytest.approx(100 * 676.94 / 150005, rel=1e-5)


@pytest.mark.raw
def test_spending_ratio_2024(sipri_tables):
    # grep -E "^(AZE|ARM),.*,2024,milex_const" sipri_milex_subset_1992_2024.csv
    # -> AZE 3699.4025622473364, ARM 1416.4514745992349
    r = spending.spending_ratio(sipri_tables["military_expenditure"], "AZE", "ARM", range(1995, 2025))
    assert r.loc[2024, "ratio"] == pytest.approx(3699.4025622473364 / 1416.4514745992349)
    # Same grep for 1997 and 2012: AZE 173.88 / ARM 207.66 = 0.837 (lowest); 2931.54 / 547.85 = 5.35 (highest).
    s = spending.ratio_summary(r)
    assert (s["min_year"], s["max_year"]) == (1997, 2012)
    assert s["max"] == pytest.approx(2931.5430551347076 / 547.8546262799773)


# ---------------------------------------------------------------------------------------------
# The notebook, executed
# ---------------------------------------------------------------------------------------------


@pytest.mark.notebook
def test_notebook_default_pair(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(execute_notebook("military", tmp_path))
    # Values from the awk sums above: 22 deliveries under 12 deals, 166.17 TIV; share 166.17 / 4272.53 = 3.89%,
    # rank 5 of 14 (the unknown supplier not counted); 2020–2024 share 59.65 / 101.5 = 58.8%; Azerbaijan 9th of Türkiye's destinations with
    # 166.17 / 4680.92 = 3.55%; 2024 spending ratio 3699.40 / 1416.45 = 2.61.
    assert "22 deliveries of major arms from Türkiye to Azerbaijan under 12 deals" in text
    assert "166.2 TIV million" in text
    assert "3.9% of Azerbaijan's arms imports" in text and "rank 5 of 14 suppliers" in text
    assert "58.8%" in text
    assert "rank 9 of" in text and "3.5% of Türkiye's arms exports" in text
    assert "2.6× Armenia's" in text
    # awk on the derived totals: Azerbaijan's imports 2020–2024 = 101.5, 2015–2019 = 1318.8.
    assert "recorded arms imports in 2020–2024 totalled 101.5 TIV million, against 1,318.8 in 2015–2019" in text
    assert "‖ means that the country changed or redenominated its currency" in text
    assert "No delivery in the other direction" in text
    assert "Shusha Declaration" in text and "Second Karabakh War begins" in text
    assert len(mil_text.TIV_EXPLANATION.findall(text)) == 1  # TIV explained once (Methods); captions point there
    assert "Methods and caveats" in text and "Information from the SIPRI Arms Transfers Database" in text
    assert "Traceback" not in text and "Warning:" not in text


@pytest.mark.notebook
def test_notebook_armenia_russia(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(
        execute_notebook("military", tmp_path, country_a="ARM", country_b="RUS", comparators=["AZE"], rival="AZE")
    )
    # awk: 40 Russia -> Armenia delivery rows, 676.94 TIV; 676.94 / 821.02 = 82.5% of Armenia's imports (rank 1);
    # 676.94 / 150005.3 = 0.45% of Russia's exports; Russia's other deals are not in the extract.
    assert "40 deliveries of major arms from Russia to Armenia" in text
    assert "676.9 TIV million" in text
    assert "82.5% of Armenia's arms imports" in text and "rank 1 of" in text
    assert "0.45% of Russia's total recorded arms exports" in text
    assert "rank among its destinations cannot be computed" in text
    assert "Azerbaijan's" in text  # the spending ratio against the rival
    # The events table's only Armenia–Russia security milestone is the trilateral statement of 9 Nov 2020 (E060, signed by
    # Russia, Azerbaijan and Armenia according to TASS in events_press.csv); the report lists it with the wars with Azerbaijan.
    assert "Trilateral statement ends the 44-day war" in text
    assert "lists no security milestone between Armenia and Russia" not in text


@pytest.mark.notebook
def test_notebook_uncovered_pair(tmp_path):
    from conftest import execute_notebook, notebook_text

    text = notebook_text(
        execute_notebook("military", tmp_path, country_a="GEO", country_b="IRN", comparators=["ARM"], rival="ARM")
    )
    assert "cannot show arms transfers between Georgia and Iran" in text
    assert "cannot show all of Georgia's arms suppliers" in text
    assert "Georgia's spending was" in text


def test_milex_finding_names_the_largest_spender_and_the_largest_share_in_the_last_year():
    years = pd.Index([2023, 2024], name="year")
    const = pd.DataFrame(
        {"AZE": [3000.0, 3500.0], "TUR": [20000.0, 25000.0], "ARM": [1400.0, float("nan")]}, index=years
    )
    gdp = pd.DataFrame({"AZE": [4.6, 5.0], "TUR": [1.7, 1.9], "ARM": [5.5, float("nan")]}, index=years)
    assert spending_text.milex_finding(const, gdp) == (
        "In 2024 Türkiye spent the most (US$25.0 billion, constant 2023 prices); Azerbaijan spent the largest share of its GDP (5.0%)."
    )
    assert (
        spending_text.milex_finding(const[["TUR"]], gdp[["TUR"]])
        == "In 2024 Türkiye spent US$25.0 billion (constant 2023 prices), 1.9% of its GDP."
    )
    same = gdp.assign(TUR=[9.0, 9.0])
    assert (
        spending_text.milex_finding(const, same)
        == "In 2024 Türkiye spent the most (US$25.0 billion, constant 2023 prices) and also the largest share of its GDP (9.0%)."
    )
    assert spending_text.milex_finding(const.iloc[0:0], gdp.iloc[0:0]) == ""
