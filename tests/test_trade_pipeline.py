"""Tests of bilateral.sources.trade: IMF DOTS and the press trade tables.

Expected values were read by hand from the raw files (grep / csv commands quoted in the comments).
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from bilateral.errors import RawDataError
from bilateral.sources import trade

DOTS = "imf_dots_bilateral_az_tr_comparators_1990_2020.csv"
PRESS = "az_tr_trade_press_figures.csv"
COMPOSITION = "az_tr_trade_composition_press.csv"


@pytest.fixture(scope="module")
def tables(raw):
    return trade.build(raw)


def value(df, reporter, partner, flow, yr):
    sel = df[
        (df["reporter_iso3"] == reporter) & (df["partner_iso3"] == partner) & (df["flow"] == flow) & (df["year"] == yr)
    ]
    assert len(sel) == 1
    return sel.iloc[0]


def broken_copy(raw, tmp_path, line, old, new, *, filename=DOTS, keep_lines=60):
    """A raw folder in tmp_path with the press files and a (short, for DOTS) copy of one file edited on one line."""
    shutil.copytree(raw / "press_figures", tmp_path / "press_figures")
    (tmp_path / "imf_dots").mkdir()
    key = "imf_dots" if filename == DOTS else "press_figures"
    text = (raw / key / filename).read_text(encoding="utf-8").split("\n")
    if filename == DOTS:
        text = text[:keep_lines]
    else:
        (tmp_path / "imf_dots" / DOTS).write_text(
            "\n".join((raw / "imf_dots" / DOTS).read_text(encoding="utf-8").split("\n")[:keep_lines]) + "\n",
            encoding="utf-8",
        )
    assert old in text[line - 1], f"test setup: {old!r} not on line {line}"
    text[line - 1] = text[line - 1].replace(old, new, 1)
    path = tmp_path / key / filename
    if path.exists():
        path.chmod(0o644)
    path.write_text("\n".join(text) + ("\n" if filename == DOTS else ""), encoding="utf-8")
    return tmp_path


# --- schema -------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", trade.TABLES, ids=lambda t: t.name)
def test_tables_match_their_schema(tables, table):
    table.validate(tables[table.name], where="test")


@pytest.mark.parametrize("table", trade.TABLES, ids=lambda t: t.name)
def test_round_trip(tables, table, tmp_path):
    (tmp_path / table.filename).write_bytes(table.to_bytes(table.validate(tables[table.name], where="test")))
    table.validate(table.read(tmp_path), where="round trip")


def test_trade_bilateral_file_is_plain_csv_and_small(tables):
    # The published name is trade_bilateral.csv (fixed); it must leave room in the 30 MB budget.
    assert trade.TRADE_BILATERAL.filename == "trade_bilateral.csv"
    data = trade.TRADE_BILATERAL.to_bytes(tables["trade_bilateral"])
    assert len(data) < 10_000_000


# --- trade_bilateral ----------------------------------------------------------------------------


def test_azerbaijan_reported_exports_to_turkiye(tables):
    # grep '^"Azerbaijan, Rep. of",AZE,exports_fob,Turkey,TUR,2020,' DOTS -> 2597.9026 ; 2015 -> 1477.2566
    df = tables["trade_bilateral"]
    assert value(df, "AZE", "TUR", "exports", 2020)["value_usd_m"] == pytest.approx(2597.9026)
    assert value(df, "AZE", "TUR", "exports", 2015)["value_usd_m"] == pytest.approx(1477.2566)


def test_turkiye_reported_imports_from_azerbaijan(tables):
    # grep '^Turkey,TUR,imports_cif,"Azerbaijan, Rep. of",AZE,2020,' DOTS -> 410.710278 ; 2015 -> 357.092829
    df = tables["trade_bilateral"]
    assert value(df, "TUR", "AZE", "imports", 2020)["value_usd_m"] == pytest.approx(410.710278)
    assert value(df, "TUR", "AZE", "imports", 2015)["value_usd_m"] == pytest.approx(357.092829)


def test_world_total_imports(tables):
    # grep '^World,WLD,imports_cif,World,WLD,2019,' DOTS -> 19028330.476346 (the IMF World aggregate)
    assert value(tables["trade_bilateral"], "WLD", "WLD", "imports", 2019)["value_usd_m"] == pytest.approx(
        19028330.476346
    )


def test_mirror_row_with_estimate_flag(tables):
    # grep '^"Afghanistan, Islamic Rep. of",,exports_fob,Turkey,TUR,1990,' DOTS -> 1.82,e (non-target reporter, target partner)
    row = value(tables["trade_bilateral"], "AFG", "TUR", "exports", 1990)
    assert row["value_usd_m"] == pytest.approx(1.82) and bool(row["is_estimate"])
    assert not bool(value(tables["trade_bilateral"], "AZE", "TUR", "exports", 2020)["is_estimate"])


def test_azerbaijan_reporter_row_count(tables):
    # python csv on the 6793 raw lines whose reporter is "Azerbaijan, Rep. of": 6735 distinct lines (58 exact
    # repeats), of which 5865 have a partner that is not in the aggregate list.
    df = tables["trade_bilateral"]
    assert (df["reporter_iso3"] == "AZE").sum() == 5865


def test_aggregates_and_unneeded_world_rows_dropped(tables):
    df = tables["trade_bilateral"]
    assert df["reporter_iso3"].notna().all() and df["partner_iso3"].notna().all()
    # the IMF World reporter is kept only against WLD and the 10 targets
    assert set(df.loc[df["reporter_iso3"] == "WLD", "partner_iso3"]) == {"WLD", *trade.TARGET_REPORTERS}
    # a non-target reporter appears only against WLD or a target partner
    assert set(df.loc[df["reporter_iso3"] == "AUT", "partner_iso3"]) <= {"WLD", *trade.TARGET_REPORTERS}


def test_one_row_per_reporter_partner_flow_year(tables):
    assert not tables["trade_bilateral"].duplicated(["reporter_iso3", "partner_iso3", "flow", "year"]).any()


def test_select_dots_rows_on_a_small_frame():
    dots = pd.DataFrame(
        {
            "reporter_iso3": ["AZE", "AZE", "FRA", "FRA", "FRA", "WLD", "WLD", None],
            "partner_iso3": ["FRA", None, "WLD", "TUR", "ESP", "AZE", "ESP", "TUR"],
        }
    )
    kept = trade.select_dots_rows(dots, targets=("AZE", "TUR"))
    # kept: AZE-FRA (target reporter), FRA-WLD, FRA-TUR (mirror), WLD-AZE; dropped: aggregates, FRA-ESP, WLD-ESP
    assert kept.index.tolist() == [0, 2, 3, 5]


# --- press tables -------------------------------------------------------------------------------


def test_press_rows_and_usable_flags(tables):
    # python csv.DictReader on PRESS: 47 rows; rows with an empty value or a note containing CONFLICT,
    # UNVERIFIED, INCONSISTENT, probable typo, do not use or use with caution: 1, 6, 21, 22, 23, 27, 28, 29, 30, 40, 41, 42
    df = tables["trade_press"]
    assert len(df) == 47
    assert df.loc[~df["usable"], "source_row"].tolist() == [1, 6, 21, 22, 23, 27, 28, 29, 30, 40, 41, 42]
    assert df.loc[~df["usable"], "usable_reason"].notna().all() and df.loc[df["usable"], "usable_reason"].isna().all()
    assert df["url"].notna().all()


def test_press_2023_azerbaijani_exports(tables):
    # PRESS row 35: 2023,year,Azerbaijan State Customs Committee,AZE exports to TUR,5.3,USD bn
    row = tables["trade_press"].set_index("source_row").loc[35]
    assert (row["year"], row["period"], row["metric"], row["value"], row["unit"]) == (
        2023,
        "year",
        "AZE exports to TUR",
        5.3,
        "USD bn",
    )
    assert row["value_usd_m"] == pytest.approx(5300.0) and row["basis_iso3"] == "AZE" and bool(row["is_full_year"])


def test_press_multi_year_row(tables):
    # PRESS row 16: year '2020-2024', period '5 years cumulative', 12.8 USD bn (TurkStat)
    row = tables["trade_press"].set_index("source_row").loc[16]
    assert pd.isna(row["year"]) and (row["year_start"], row["year_end"]) == (2020, 2024) and row["basis_iso3"] == "TUR"


def test_composition_rows(tables):
    # python csv on COMPOSITION: 18 rows; rows 9-12 and 15-18 have no value -> not usable
    df = tables["trade_composition_press"]
    assert len(df) == 18
    assert df.loc[~df["usable"], "source_row"].tolist() == [9, 10, 11, 12, 15, 16, 17, 18]
    # row 2: 2025 Jan-Oct AZE->TUR crude oil 65.042 USD m
    row = df.set_index("source_row").loc[2]
    assert (row["exporter_iso3"], row["importer_iso3"], row["value_usd_m"]) == ("AZE", "TUR", 65.042)


def test_parse_year_label():
    assert trade.parse_year_label("2021") == (2021, 2021, 2021)
    assert trade.parse_year_label("2020-2024") == (None, 2020, 2024)
    assert trade.parse_year_label("c. 2020") == (None, None, None)
    assert trade.parse_year_label("recent years") == (None, None, None)
    assert trade.parse_year_label("next year") is None
    assert trade.parse_year_label("2024-2020") is None


def test_usability_on_a_small_frame():
    value = pd.Series([1.0, None, 2.0, 3.0])
    note = pd.Series(["fine", "", "CONFLICT: other source says 2.1", "Do not use as exports."])
    out = trade.usability(value, note)
    assert out["usable"].tolist() == [True, False, False, False]
    assert out["usable_reason"].iloc[3] == "note says not to use the figure as labelled"


# --- errors on broken raw files -----------------------------------------------------------------


def test_missing_column_names_file_and_column(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, 1, ",flag", ",flags")
    with pytest.raises(RawDataError, match=rf"{DOTS}: missing column\(s\) \['flag'\]"):
        trade.build(broken)


def test_unparsable_number_names_file_column_line(raw, tmp_path):
    # line 2: "Afghanistan, Islamic Rep. of",,exports_fob,World,WLD,1990,131.0884023042053,
    broken = broken_copy(raw, tmp_path, 2, "131.0884023042053", "131.08 m")
    with pytest.raises(RawDataError, match=rf"{DOTS}: column 'value_usd_millions', line 2: '131.08 m' is not a number"):
        trade.build(broken)


def test_unknown_country_names_file_column_line(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, 3, ",World,WLD,", ",Atlantis,,")
    with pytest.raises(RawDataError, match=rf"{DOTS}: column 'partner', line 3: unknown country 'Atlantis'"):
        trade.build(broken)


def test_conflicting_duplicate_raises(raw, tmp_path):
    # line 4 repeats line 3's key with a different value
    broken = broken_copy(raw, tmp_path, 4, ",1992,", ",1991,")
    with pytest.raises(RawDataError, match=r"lines \[3, 4\] give different values"):
        trade.build(broken)


def test_unreadable_press_year_names_file_column_line(raw, tmp_path):
    # PRESS line 3 is data row 2 (2015, Jan-Aug); the file's quotes have no line breaks before it
    broken = broken_copy(raw, tmp_path, 3, "2015,Jan-Aug", "next year,Jan-Aug", filename=PRESS)
    with pytest.raises(RawDataError, match=rf"{PRESS}: column 'year', line 3: cannot read 'next year'"):
        trade.build(broken)
