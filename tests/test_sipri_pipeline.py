"""Tests of bilateral.sources.sipri: the arms-transfer and military-expenditure tables.

Expected values were worked out by hand from the raw files (commands quoted in the comments),
not taken from the builder's output.
"""

from __future__ import annotations

import pandas as pd
import pytest

from bilateral.errors import RawDataError
from bilateral.sources import _raw, sipri
from conftest import broken_copy

REGISTER = "sipri_trade_register_deliveries_AZE_TUR_ARM_1995_2024.csv"
TOTALS = "derived_tiv_by_country_year_1995_2024.csv"
MILEX = "sipri_milex_subset_1992_2024.csv"


@pytest.fixture(scope="module")
def tables(raw):
    return sipri.build(raw)


# --- schema -------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", sipri.TABLES, ids=lambda t: t.name)
def test_tables_match_their_schema(tables, table):
    table.validate(tables[table.name], where="test")


@pytest.mark.parametrize("table", sipri.TABLES, ids=lambda t: t.name)
def test_tables_survive_a_write_read_round_trip(tables, table, tmp_path):
    (tmp_path / table.filename).write_bytes(table.to_bytes(table.validate(tables[table.name], where="test")))
    table.validate(table.read(tmp_path), where="round trip")


# --- arms_transfers -----------------------------------------------------------------------------


def test_register_rows_all_kept(tables):
    # wc -l on the register = 1237 lines, header included.
    assert len(tables["arms_transfers"]) == 1236


def test_deal_and_delivery_year_identify_a_row(tables):
    # python: pd.read_csv(REGISTER).duplicated(["SIPRI AT Database ID", "Delivery year"]).sum() == 0
    assert not tables["arms_transfers"].duplicated(["deal_id", "delivery_year"]).any()


def test_turkiye_to_azerbaijan_deliveries(tables):
    # awk -F, '$2=="Turkiye" && $3=="Azerbaijan" {n++; s+=$16} END {print n, s}' REGISTER -> 22 rows, 166.17 TIV m
    df = tables["arms_transfers"]
    pair = df[(df["supplier_iso3"] == "TUR") & (df["recipient_iso3"] == "AZE")]
    assert len(pair) == 22
    assert pair["tiv_m"].sum() == pytest.approx(166.17)


def test_one_delivery_row_in_full(tables):
    # Line 5 of the register: 39090,Belarus,Azerbaijan,T-72M1,tank,Armoured vehicles,2004,Yes,41,No,2006,No,
    # Second hand,2.6,1.04,42.64,No
    df = tables["arms_transfers"]
    row = df[(df["deal_id"] == 39090) & (df["delivery_year"] == 2006)].iloc[0]
    assert (row["supplier_iso3"], row["recipient_iso3"], row["supplier"]) == ("BLR", "AZE", "Belarus")
    assert (row["order_year"], row["units_delivered"], row["status"]) == (2004, 41, "Second hand")
    assert bool(row["order_year_is_estimate"]) and not bool(row["units_delivered_is_estimate"])
    assert (row["tiv_per_unit_new_m"], row["tiv_per_unit_m"], row["tiv_m"]) == (2.6, 1.04, 42.64)
    assert not bool(row["local_production"])


def test_non_state_and_unknown_parties_are_typed_and_uncoded(tables):
    # grep -c 'unknown supplier(s)' REGISTER -> 3 ; grep -c 'Syria rebels\*' REGISTER -> 3
    df = tables["arms_transfers"]
    unknown = df[df["supplier"] == "unknown supplier(s)"]
    rebels = df[df["recipient"] == "Syria rebels*"]
    assert len(unknown) == 3 and set(unknown["supplier_type"]) == {"unknown"} and unknown["supplier_iso3"].isna().all()
    assert (
        len(rebels) == 3
        and set(rebels["recipient_type"]) == {"non-state actor"}
        and rebels["recipient_iso3"].isna().all()
    )
    # ISO3 codes are missing only for those parties
    states = df[df["supplier_type"] == "state"]
    assert states["supplier_iso3"].notna().all()
    assert df.loc[df["recipient_type"] == "state", "recipient_iso3"].notna().all()


def test_uae_is_coded_are(tables):
    # SIPRI spells the United Arab Emirates "UAE"; the generic lookup used to return the non-code "UAE".
    df = tables["arms_transfers"]
    assert set(df.loc[df["recipient"] == "UAE", "recipient_iso3"]) == {"ARE"}


# --- arms_totals --------------------------------------------------------------------------------


def test_totals_equal_hand_sum_of_register_rows(tables):
    # awk -F, '$3=="Azerbaijan" && $11=="2011" {s+=$16} END {print s}' REGISTER -> 567.89 (16 rows);
    # the derived file says Azerbaijan,2011,567.89,0.0
    df = tables["arms_totals"]
    value = df[(df["iso3"] == "AZE") & (df["year"] == 2011) & (df["direction"] == "imports")]["tiv_m"]
    assert value.tolist() == [pytest.approx(567.89)]
    # awk -F, '$2=="Turkiye" && $11=="2021" {s+=$16} END {print s}' REGISTER -> 481.66 (28 rows)
    value = df[(df["iso3"] == "TUR") & (df["year"] == 2021) & (df["direction"] == "exports")]["tiv_m"]
    assert value.tolist() == [pytest.approx(481.66)]


def test_totals_cover_14_countries_30_years_two_directions(tables):
    # derived file: 420 data rows = 14 countries x 30 years (1995-2024), two value columns
    df = tables["arms_totals"]
    assert len(df) == 840 and df["iso3"].nunique() == 14 and set(df["year"]) == set(range(1995, 2025))


def test_totals_warn_they_are_not_sipri_tables():
    assert any("not SIPRI's official TIV tables" in w for w in sipri.ARMS_TOTALS.warnings)


def test_totals_disagreeing_with_register_raise(raw, tmp_path):
    broken = broken_copy(
        raw, tmp_path, "sipri_arms_transfers", TOTALS, 18, "Azerbaijan,2011,567.89", "Azerbaijan,2011,568.89"
    )
    with pytest.raises(RawDataError, match=r"AZE imports 2011"):
        sipri.build(broken)


# --- military_expenditure -----------------------------------------------------------------------


def test_milex_share_of_gdp_is_percent(tables):
    # grep -n 'TUR,.*,2020,' MILEX: line 1416 TUR,Türkiye,2020,milex_share_gdp,0.02195552186910229 -> x 100
    df = tables["military_expenditure"]
    row = df[(df["iso3"] == "TUR") & (df["year"] == 2020)].iloc[0]
    assert row["milex_share_gdp_pct"] == pytest.approx(2.195552186910229)
    # line 1350: milex_const2023_usd_mn 15070.378798030746; line 1383: milex_current_usd_mn 15782.990905830842
    assert row["milex_usd_m_const2023"] == pytest.approx(15070.378798030746)
    assert row["milex_usd_m_current"] == pytest.approx(15782.990905830842)
    # line 1449: milex_share_govt_spending is empty with raw_marker '...' -> missing, marked ". ."
    assert pd.isna(row["milex_share_govt_spending_pct"])
    assert row["sipri_markers"] == "milex_share_govt_spending_pct: . ."
    assert row["sipri_notes"] == "‖"


def test_milex_missing_stays_missing(tables):
    # line 4 of MILEX: ARM,Armenia,1994,milex_const2023_usd_mn,,...,†6
    df = tables["military_expenditure"]
    row = df[(df["iso3"] == "ARM") & (df["year"] == 1994)].iloc[0]
    assert pd.isna(row["milex_usd_m_const2023"])
    assert "milex_usd_m_const2023: . ." in row["sipri_markers"]


def test_milex_one_row_per_country_year(tables):
    # 1848 data rows / 4 variables = 462 = 14 countries x 33 years
    assert len(tables["military_expenditure"]) == 462


# --- errors on broken raw files -----------------------------------------------------------------


def test_missing_column_names_file_and_column(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "sipri_arms_transfers", REGISTER, 1, "Status", "State")
    with pytest.raises(RawDataError, match=rf"{REGISTER}: missing column\(s\) \['Status'\]"):
        sipri.build(broken)


def test_unparsable_number_names_file_column_line(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "sipri_arms_transfers", REGISTER, 5, "42.64", "4x.64")
    with pytest.raises(RawDataError, match=rf"{REGISTER}: column 'TIV delivery values', line 5: '4x.64'"):
        sipri.build(broken)


def test_unknown_country_names_file_column_line(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "sipri_arms_transfers", REGISTER, 3, "Belarus", "Atlantis")
    with pytest.raises(RawDataError, match=rf"{REGISTER}: column 'Supplier', line 3: unknown country 'Atlantis'"):
        sipri.build(broken)


def test_unlisted_non_state_actor_raises(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "sipri_arms_transfers", REGISTER, 3, "Belarus", "Narnia rebels*")
    with pytest.raises(RawDataError, match=r"column 'Supplier', line 3: 'Narnia rebels\*' is a non-state"):
        sipri.build(broken)


def test_unknown_milex_country_names_file_column_line(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "sipri_milex", MILEX, 2, "ARM,Armenia", "ARM,Atlantis")
    with pytest.raises(RawDataError, match=rf"{MILEX}: column 'country', line 2: unknown country 'Atlantis'"):
        sipri.build(broken)


def test_unparsable_milex_value_names_file_column_line(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, "sipri_milex", MILEX, 2, "207.7518973149305", "n/a")
    with pytest.raises(RawDataError, match=rf"{MILEX}: column 'value', line 2: 'n/a' is not a number"):
        sipri.build(broken)


# --- pure helpers -------------------------------------------------------------------------------


def test_to_yes_no_parses_and_rejects():
    df = pd.DataFrame({"flag": ["Yes", "No", None, "Yes "]})
    assert _raw.to_yes_no(df, "flag", file="f.csv").tolist() == [True, False, pd.NA, True]
    with pytest.raises(RawDataError, match=r"f.csv: column 'flag', line 3: 'maybe'"):
        _raw.to_yes_no(pd.DataFrame({"flag": ["Yes", "maybe"]}), "flag", file="f.csv")


def test_to_integer_rejects_fractions():
    assert _raw.to_integer(pd.DataFrame({"n": ["3", "", "1,200"]}), "n", file="f.csv").tolist() == [3, pd.NA, 1200]
    with pytest.raises(RawDataError, match=r"f.csv: column 'n', line 2: '2.5' is not a whole number"):
        _raw.to_integer(pd.DataFrame({"n": ["2.5"]}), "n", file="f.csv")


def test_milex_markers_joins_in_column_order():
    marks = pd.DataFrame({"a": [". .", None], "b": ["xxx", None]})
    assert sipri.milex_markers(marks).tolist() == ["a: . .; b: xxx", pd.NA]
