"""Tests of the diplomacy builder (bilateral.sources.diplomacy).

Expected values were read off the raw files by hand (grep/awk on the CSVs under the raw folder),
not taken from the builder's output; each test says how.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bilateral.errors import RawDataError
from bilateral.sources import diplomacy
from conftest import broken_copy

# ------------------------------------------------------------------------------------------
# Pure functions
# ------------------------------------------------------------------------------------------


def test_parse_codes():
    df = pd.DataFrame({"c": ["1", "0.0", "", "9"]})
    assert diplomacy.parse_codes(df, "c", file="f.csv").tolist() == [1, 0, pd.NA, 9]
    with pytest.raises(
        RawDataError, match=r"f\.csv: column 'c', line 5: '9' is not a valid code; expected one of \[0, 1\]"
    ):
        diplomacy.parse_codes(df, "c", file="f.csv", allowed=(0, 1))
    with pytest.raises(RawDataError, match=r"line 2: '1\.5' is not a whole number"):
        diplomacy.parse_codes(pd.DataFrame({"c": ["1.5"]}), "c", file="f.csv")


def test_cow_to_iso3():
    df = pd.DataFrame({"ccode": ["373", "640.0"]})
    crosswalk = {373: "AZE", 640: "TUR"}
    assert diplomacy.cow_to_iso3(df, "ccode", file="f.csv", crosswalk=crosswalk).tolist() == ["AZE", "TUR"]
    with pytest.raises(RawDataError, match=r"f\.csv: column 'ccode', line 3: unknown country 999"):
        diplomacy.cow_to_iso3(pd.DataFrame({"ccode": ["373", "999"]}), "ccode", file="f.csv", crosswalk=crosswalk)


# ------------------------------------------------------------------------------------------
# The build on the real raw folder
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(raw: Path) -> dict[str, pd.DataFrame]:
    frames = diplomacy.build(raw)
    return {t.name: t.validate(frames[t.name], where="test") for t in diplomacy.TABLES}


def test_tables_declared_and_valid(built):
    assert set(built) == {t.name for t in diplomacy.TABLES}
    for table in diplomacy.TABLES:
        assert list(built[table.name].columns) == table.columns
        assert len(built[table.name]) > 0


def test_aze_tur_atop(built):
    a = built["alliances"]
    aze_tur = a[(a.iso3_a == "AZE") & (a.iso3_b == "TUR")].set_index("year")
    # awk -F, '$2==373 && $3==640 && $5==1 {print $4}' atop...csv | sort -n | head -1 -> 1994 (defense)
    assert aze_tur.index[aze_tur.defense == 1].min() == 1994
    # same with $9==1 (atop_consul) -> 2010; awk '$2==373 && $3==640' | wc -l -> 26 dyad-years (1993-2018)
    assert aze_tur.index[aze_tur.consultation == 1].min() == 2010
    assert len(aze_tur) == 26
    # 1993 row: '...,373,640,1993,0,0,0,1,0' -> non-aggression only
    assert aze_tur.loc[1993, ["defense", "nonaggression", "any_pledge"]].tolist() == [0, 1, 1]
    # PROVENANCE: 18,768 rows in the ATOP subset; every row is kept.
    assert len(a) == 18768


def test_turkiye_posts_in_azerbaijan_2023(built):
    # grep -E '^(Turkey|Türkiye),' lowy...csv | grep ',Azerbaijan,' -> Baku, Ganja, Nakhchivan in each of 2016, 2017, 2021, 2023
    p = built["diplomatic_posts"]
    posts = p[(p.edition_year == 2023) & (p.sender_iso3 == "TUR") & (p.host_iso3 == "AZE")]
    assert len(posts) == 3
    assert sorted(posts["host_city"]) == ["Baku", "Ganja", "Nakhchivan"]


def test_turkiye_network_size(built):
    # PROVENANCE (counted there from the raw file): Türkiye total posts 225 (2016), 228 (2017), 246 (2021), 252 (2023).
    p = built["diplomatic_posts"]
    counts = p[p.sender_iso3 == "TUR"].groupby("edition_year").size()
    assert counts[[2016, 2017, 2021, 2023]].tolist() == [225, 228, 246, 252]


def test_non_state_rows(built):
    p = built["diplomatic_posts"]
    # grep -c '^European External Action Service,' lowy...csv -> 8 rows, dropped: 4,352 raw rows - 8 = 4,344.
    assert len(p) == 4352 - 8
    assert set(p.loc[p.host_iso3.isna(), "host_name"]) == {
        "Abkhazia*",
        "South Ossetia*",
        "Northern Cyprus*",
        "Jerusalem*",
    }


def test_cow_aze_tur_2000(built):
    # grep '^373,640,' cow...csv -> '373,640,2000,3,3,1,2006.1'
    x = built["diplomatic_exchange"]
    row = x[(x.iso3_a == "AZE") & (x.iso3_b == "TUR") & (x.year == 2000)].iloc[0]
    assert (row.level_in_a, row.level_in_b, row.exchange, row.version) == (3, 3, 1, "2006.1")
    assert (row.level_in_a_meaning, row.level_in_b_meaning) == ("ambassador", "ambassador")
    # grep '^373,371,' -> 0,0,0 in 1995, 2000, 2005
    arm = x[(x.iso3_b == "ARM")]
    assert (
        sorted(arm["year"]) == [1995, 2000, 2005] and (arm[["level_in_a", "level_in_b", "exchange"]] == 0).all().all()
    )
    assert len(x) == 86  # PROVENANCE: 86 rows transcribed


def test_mids_and_rivalries(built):
    m = built["militarized_disputes"]
    # PROVENANCE: 622 COW MID rows and 436 GML rows; no AZE-TUR dispute in either.
    assert m.groupby("dataset").size().to_dict() == {"cow_mid": 622, "gml_mid": 436}
    assert not ((m.iso3_a == "AZE") & (m.iso3_b == "TUR")).any()
    # awk -F, '$3==373 && $4==371 && $5==1992' gml...csv -> dispnum 3564, hostlev 5 (war)
    first = m[(m.dataset == "gml_mid") & (m.iso3_a == "AZE") & (m.iso3_b == "ARM") & (m.year == 1992)].iloc[0]
    assert (first.dispnum, first.hostlev, first.hostility) == (3564, 5, "war")
    r = built["rivalries"].set_index("rivalry_id")
    # thompson_dreyer file: '180.0,Armenia-Azerbaijan,371.0,373.0,1991.0,2010.0,...'
    assert r.loc[180, ["iso3_a", "iso3_b", "start_year", "end_year"]].tolist() == ["ARM", "AZE", 1991, 2010]
    # awk -F, 'NR>1 && $6>=1991' on the 53 rivalries -> 18
    assert len(r) == 18


# ------------------------------------------------------------------------------------------
# Bad raw input: errors name file, column and line
# ------------------------------------------------------------------------------------------


def test_error_missing_column(raw, tmp_path):
    broken = broken_copy(raw, tmp_path, diplomacy.COW_DE, diplomacy.COW_DE_FILE, 1, ",DE,", ",DX,")
    with pytest.raises(
        RawDataError, match=r"cow_diplomatic_exchange_2006v1_AZE_rows_subset\.csv: missing column\(s\) \['DE'\]"
    ):
        diplomacy.build(broken)


def test_error_unparsable_number(raw, tmp_path):
    # Line 3 of the ATOP file is 'USA,2,20,1992,1,0,0,1,1'.
    broken = broken_copy(raw, tmp_path, diplomacy.PS, diplomacy.ATOP_FILE, 3, "USA,2,20,1992,1,", "USA,2,20,1992,yes,")
    with pytest.raises(
        RawDataError,
        match=r"atop5_1_directed_dyad_year_subset_1991_2018\.csv: column 'atop_defense', line 3: 'yes' is not a number",
    ):
        diplomacy.build(broken)


def test_error_unknown_country(raw, tmp_path):
    # Line 100 of the Lowy file is 'Israel,...,Santiago,Chile,Embassy / High Commission,Embassy,2023'.
    broken = broken_copy(
        raw, tmp_path, diplomacy.LOWY, diplomacy.LOWY_FILE, 100, ",Santiago,Chile,", ",Santiago,Atlantis,"
    )
    with pytest.raises(
        RawDataError,
        match=r"lowy_gdi_posts_subset_2016_2023\.csv: column 'POST COUNTRY', line 100: unknown country 'Atlantis'",
    ):
        diplomacy.build(broken)


def test_error_unknown_cow_code(raw, tmp_path):
    # Line 2 of the COW file is '373,2,1995,3,3,1,2006.1'; COW 999 is no state.
    broken = broken_copy(raw, tmp_path, diplomacy.COW_DE, diplomacy.COW_DE_FILE, 2, "373,2,1995,", "373,999,1995,")
    with pytest.raises(
        RawDataError,
        match=r"cow_diplomatic_exchange_2006v1_AZE_rows_subset\.csv: column 'ccode2', line 2: unknown country 999",
    ):
        diplomacy.build(broken)


def test_build_is_fast_and_deterministic(raw):
    import time

    start = time.perf_counter()
    first = diplomacy.build(raw)
    assert time.perf_counter() - start < 5
    second = diplomacy.build(raw)
    for table in diplomacy.TABLES:
        assert table.to_bytes(table.validate(first[table.name], where="a")) == table.to_bytes(
            table.validate(second[table.name], where="b")
        )
