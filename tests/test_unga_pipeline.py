"""Tests of the UN General Assembly builder (bilateral.sources.unga).

Pure helpers are tested on small hand-made inputs. Tests taking the ``raw`` fixture build the
tables from the raw folder and compare them with numbers computed independently from the raw
files (with awk/python one-offs, described beside each number); they are skipped without it.
"""

from __future__ import annotations

import gzip
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from bilateral.countries import FOCUS
from bilateral.errors import RawDataError
from bilateral.measures import pairs_among
from bilateral.sources import unga
from bilateral.sources.unga import common, issues, sponsors, unxml, voeten

# --------------------------------------------------------------------------------------------
# pure helpers


def test_session_in_progress():
    assert unxml.session_in_progress("2022-03-02") == 76  # ES-11/1, during the 76th session
    assert unxml.session_in_progress("2024-09-18") == 79  # ES-10/24, after the 79th opened
    assert unxml.session_in_progress("2021-06-02") == 75  # S-32/1


def test_serbia_succession():
    codes = pd.Series(["YUG", "YUG", "YUG", "YUG", "DEU"])
    dates = pd.Series(["2002-12-20", "2003-02-04", "2006-06-02", "2006-06-03", "2010-01-01"])
    assert common.serbia_succession(codes, dates).tolist() == ["YUG", "SCG", "SCG", "SRB", "DEU"]


def test_resolution_and_title_cleaning():
    assert voeten.normalise_resolution("R/46/12") == "A/RES/46/12"
    assert voeten.normalise_resolution("A/RES/72/5") == "A/RES/72/5"
    assert voeten.normalise_resolution("") is None
    assert voeten.clean_voeten_title("Jerusalem : resolution / adopted by the General Assembly", "") == "Jerusalem"
    assert voeten.clean_voeten_title("Towards a nuclear-weapon-free world : a new agenda : resolut", "") == (
        "Towards a nuclear-weapon-free world : a new agenda"
    )
    assert voeten.clean_voeten_title("", "TO ADOPT A DRAFT") == "TO ADOPT A DRAFT"
    assert common.short_title("a" * 10, limit=20) == "a" * 10
    assert common.short_title("one two three four five", limit=12) == "one two…"


def test_issue_areas_keyword_rules():
    assert issues.issue_areas("Israeli settlements in the Occupied Palestinian Territory") == ("me",)
    assert set(issues.issue_areas("Towards a nuclear-weapon-free world: nuclear disarmament")) == {"nu", "di"}
    assert issues.issue_areas("Situation of human rights in the Islamic Republic of Iran") == ("hr",)
    assert issues.issue_areas("Question of Guam") == ("co",)
    assert issues.issue_areas("International trade and development") == ("ec",)
    # GUAM the organisation (Georgia, Ukraine, Azerbaijan, Moldova) is not the territory of Guam.
    assert "co" not in issues.issue_areas("Cooperation between the United Nations and GUAM")
    assert issues.issue_areas("Aggression against Ukraine") == ()


def test_group_name():
    q = "(on behalf of the States Members of the United Nations that are members of the Group of 77 and China)"
    assert sponsors.group_name(q) == "Group of 77 and China"
    assert sponsors.group_name(
        ", ON BEHALF OF THE STATES MEMBERS OF THE UNITED NATIONS THAT ARE MEMBERS OF THE LEAGUE OF ARAB STATES"
    ) == ("League of Arab States")


def _fake_resolver(piece: str) -> list[str] | None:
    names = {
        "cuba": ["CUB"],
        "russian federation": ["RUS"],
        "antigua and barbuda": ["ATG"],
        "liberia": ["LBR"],
        "chile": ["CHL"],
    }
    return names.get(sponsors.name_key(piece))


def test_parse_sponsor_entry_lists_qualifiers_and_prose():
    entry = "Cuba (on behalf of the States Members of the United Nations that are members of the Group of 77 and China) and Russian Federation"
    states, skipped, unknown = sponsors.parse_sponsor_entry(entry, _fake_resolver)
    assert states == [("CUB", "Group of 77 and China"), ("RUS", None)]
    assert (skipped, unknown) == ([], [])

    states, skipped, unknown = sponsors.parse_sponsor_entry(
        "ANTIGUA AND BARBUDA, Chile; LIBERIA. SUBSEQUENTLY", _fake_resolver
    )
    assert [s for s, _ in states] == ["ATG", "CHL", "LBR"]
    assert skipped == ["SUBSEQUENTLY"] and unknown == []

    for prose in ("SUBMITTED BY THE CHAIR OF THE COMMITTEE", "the representative of Ghana, on behalf of the Bureau"):
        states, skipped, unknown = sponsors.parse_sponsor_entry(prose, _fake_resolver)
        assert states == [] and len(skipped) == 1 and unknown == []

    # A clean-looking name the resolver does not know is reported, not skipped.
    assert sponsors.parse_sponsor_entry("ATLANTIS", _fake_resolver)[2] == ["ATLANTIS"]


# --------------------------------------------------------------------------------------------
# built from the raw folder


@pytest.fixture(scope="module")
def tables(raw: Path) -> dict[str, pd.DataFrame]:
    return unga.build(raw)


def test_tables_match_their_schemas(tables):
    assert set(tables) == {t.name for t in unga.TABLES}
    for table in unga.TABLES:
        table.validate(tables[table.name], where="test")


def test_aze_tur_agreement_2010_voeten(tables):
    # By hand (awk on the raw files): the 88 roll calls of un_roll_calls dated 2010 (sessions 64-65);
    # AZ and TR both voted on 82 of them, the same way on 62. Cross-tab AZ x TR: yes/yes 61, yes/no 5,
    # yes/abstain 10, no/no 1, abstain/yes 1, abstain/no 4. Marginals AZ yes 76, no 1, abstain 5;
    # TR yes 62, no 10, abstain 10. p_e = (76*62 + 1*10 + 5*10) / 82^2 = 4772/6724;
    # kappa = (62/82 - 4772/6724) / (1 - 4772/6724) = 0.15984.
    a = tables["unga_agreement"]
    row = a[(a["year"] == 2010) & (a["iso3_a"] == "AZE") & (a["iso3_b"] == "TUR")].iloc[0]
    assert (row["n_votes"], row["n_same"], row["source"]) == (82, 62, "voeten")
    assert row["agreement_share"] == pytest.approx(62 / 82)
    assert row["kappa"] == pytest.approx(0.15984, abs=1e-5)


def test_aze_tur_agreement_2022_un(tables):
    # By hand (python on ga_recorded_votes_long): 89 recorded votes dated 2022; both AZE and TUR
    # voted Y/N/A on 70, the same way on 45. Cross-tab AZE x TUR: Y/Y 44, Y/N 14, Y/A 8, A/Y 2, A/A 1,
    # A/N 1. Marginals AZE Y 66, A 4; TUR Y 46, N 15, A 9. p_e = (66*46 + 4*9) / 70^2 = 3072/4900;
    # kappa = (45/70 - 3072/4900) / (1 - 3072/4900) = 0.04267.
    a = tables["unga_agreement"]
    row = a[(a["year"] == 2022) & (a["iso3_a"] == "AZE") & (a["iso3_b"] == "TUR")].iloc[0]
    assert (row["n_votes"], row["n_same"], row["source"]) == (70, 45, "un_dgacm")
    assert row["kappa"] == pytest.approx(0.04267, abs=1e-5)


def test_aze_rows_in_session_60(tables):
    # By hand: session 60 has 101 roll calls in un_roll_calls; un_votes has 95 AZ rows for them.
    # AZ voted in session 60, so the other 6 are inferred absences.
    v = tables["unga_votes"]
    aze = v[(v["iso3"] == "AZE") & (v["session"] == 60)]
    assert len(aze) == 101
    assert int(aze["vote_inferred"].sum()) == 6
    assert set(aze.loc[aze["vote_inferred"], "vote"]) == {"absent"}


def test_aze_un_vote_counts_match_provenance(tables):
    # PROVENANCE.md of unga_votes_unxml_dgacm: AZE votes Y 593, A 15, N 2, X 121.
    v = tables["unga_votes"]
    counts = v[(v["iso3"] == "AZE") & (v["source"] == "un_dgacm")]["vote"].value_counts().to_dict()
    assert counts == {"yes": 593, "abstain": 15, "no": 2, "absent": 121}


def test_splice_has_no_double_counting(tables):
    v, r = tables["unga_votes"], tables["unga_resolutions"]
    ids_by_source = v.groupby("source")["vote_id"].agg(set)
    assert not ids_by_source["voeten"] & ids_by_source["un_dgacm"]
    assert v.loc[v["source"] == "voeten", "session"].max() == 73
    assert v.loc[v["source"] == "un_dgacm", "session"].min() == 74
    res_by_source = r.dropna(subset=["resolution"]).groupby("source")["resolution"].agg(set)
    assert not res_by_source["voeten"] & res_by_source["un_dgacm"]
    assert v["date"].min() >= "1991-01-01"
    assert not v.duplicated(["vote_id", "iso3"]).any()
    assert set(r["vote_id"]) == set(v["vote_id"])


def test_resolution_counts_match_stated_counts(tables):
    # ga_resolutions_s74_s80.csv states 141 yes, 5 no, 35 abstain for A/RES/ES-11/1 (2 March 2022);
    # the vote file has 12 X rows for it (193 - 181).
    r = tables["unga_resolutions"].set_index("vote_id")
    row = r.loc["A/RES/ES-11/1"]
    assert (row["yes_count"], row["no_count"], row["abstain_count"], row["absent_count"]) == (141, 5, 35, 12)
    assert row["session"] == 76 and row["date"] == "2022-03-02"


def test_agreement_pairs(tables):
    a = tables["unga_agreement"]
    assert (a["iso3_a"] < a["iso3_b"]).all()
    y2015 = a[a["year"] == 2015]
    got = set(zip(y2015["iso3_a"], y2015["iso3_b"]))
    assert set(pairs_among(FOCUS)) <= got  # all 14 focus states were members in 2015
    v = tables["unga_votes"]
    voters_2015 = set(v.loc[(v["year"] == 2015) & (v["vote"] != "absent"), "iso3"])
    aze_pairs = {p for p in got if "AZE" in p}
    assert len(aze_pairs) == len(voters_2015) - 1
    assert ((a["kappa"].isna()) | a["kappa"].between(-1, 1)).all()


def test_ideal_points_flag_turkiye_2024(tables):
    # PROVENANCE.md of unga_idealpoints_voeten: TUR 2024 rests on 7 votes (nvotesfp), AZE 2024 on 74.
    ip = tables["unga_ideal_points"].set_index(["iso3", "year"])
    assert ip.loc[("TUR", 2024), "n_votes"] == 7 and bool(ip.loc[("TUR", 2024), "few_votes"])
    assert ip.loc[("AZE", 2024), "n_votes"] == 74 and not bool(ip.loc[("AZE", 2024), "few_votes"])
    assert ip.index.get_level_values("year").min() == 1991
    assert ("SRB", 2010) in ip.index and ("YUG", 2010) not in ip.index


def test_cosponsors_examples(tables):
    c = tables["unga_cosponsors"]

    def rows(symbol):
        return c[c["resolution"] == symbol].set_index("iso3")

    # A/RES/79/166 (without a vote): sponsors "Cuba (on behalf of ... Non-Aligned Countries) and Russian
    # Federation", additional sponsors CHINA|EL SALVADOR.
    r = rows("A/RES/79/166")
    assert set(r.index) == {"CUB", "RUS", "CHN", "SLV"}
    assert r.loc["CUB", "on_behalf_of"] == "Movement of Non-Aligned Countries"
    assert r.loc["CUB", "role"] == "sponsor" and r.loc["CHN", "role"] == "additional_sponsor"
    assert not r["recorded_vote"].any()
    # A/RES/79/168: the additional sponsors include the glued entry "ANGOLA BAHAMAS".
    r = rows("A/RES/79/168")
    assert {"AGO", "BHS"} <= set(r.index)
    assert r["recorded_vote"].all()
    # A/RES/79/173: AZERBAIJAN|LIBERIA sponsor it and appear again among additional sponsors
    # ("LIBERIA. SUBSEQUENTLY"): one row each, as sponsor.
    r = rows("A/RES/79/173")
    assert r.loc["AZE", "role"] == "sponsor" and r.loc["LBR", "role"] == "sponsor"


# --------------------------------------------------------------------------------------------
# broken raw copies


@pytest.fixture
def raw_copy(raw: Path, tmp_path: Path) -> Path:
    """A copy of the three UNGA folders (only the files the builder reads)."""
    dst = tmp_path / "raw"
    for key in unga.SOURCES_USED:
        shutil.copytree(raw / key, dst / key, ignore=shutil.ignore_patterns("raw_data_extract", "*.rda", "*.dta"))
    return dst


def _rewrite_gz_line(path: Path, match: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in the first line starting with ``match``; return that line's number (1 = header)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    n = next(i for i, line in enumerate(lines) if line.startswith(match))
    lines[n] = lines[n].replace(old, new, 1)
    path.chmod(0o644)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
        f.writelines(lines)
    return n + 1


def test_missing_column_is_named(raw_copy):
    path = raw_copy / common.UNXML / common.UN_RESOLUTIONS
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    path.chmod(0o644)
    df.drop(columns=["sponsors"]).to_csv(path, index=False)
    with pytest.raises(RawDataError, match=r"ga_resolutions_s74_s80\.csv: missing column\(s\) \['sponsors'\]"):
        unga.build(raw_copy)


def test_unknown_voeten_country_code_is_named(raw_copy):
    # Roll call 3587 (4 October 1991) is the first one kept; its first row is the United States.
    line = _rewrite_gz_line(raw_copy / common.VOETEN / common.VOETEN_VOTES, "3587,", ",US,", ",QQ,")
    with pytest.raises(
        RawDataError, match=rf"un_votes\.csv\.gz: column 'country_code', line {line}: unknown country 'QQ'"
    ):
        unga.build(raw_copy)


def test_unknown_un_country_code_is_named(raw_copy):
    line = _rewrite_gz_line(raw_copy / common.UNXML / common.UN_VOTES, "A/RES/74/7,", ",AFG,", ",QQQ,")
    with pytest.raises(
        RawDataError,
        match=rf"ga_recorded_votes_long_s74_s80\.csv\.gz: column 'ms_code', line {line}: unknown country code 'QQQ'",
    ):
        unga.build(raw_copy)


def test_unknown_sponsor_name_fails_but_prose_does_not(raw_copy):
    path = raw_copy / common.UNXML / common.UN_RESOLUTIONS
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    i = df.index[df["symbol"] == "A/RES/79/166"][0]
    df.loc[i, "additional_sponsors"] += "|SUBMITTED BY THE CHAIR|ATLANTIS"
    path.chmod(0o644)
    df.to_csv(path, index=False)
    with pytest.raises(
        RawDataError, match=rf"column 'additional_sponsors', line {i + 2}: cannot map sponsor 'ATLANTIS'"
    ):
        unga.build(raw_copy)


def test_kappa_is_nan_only_when_undefined(tables):
    a = tables["unga_agreement"]
    nan = a[a["kappa"].isna()]
    # kappa is undefined only if both cast one and the same category on every common vote.
    assert (nan["n_same"] == nan["n_votes"]).all()
    assert not math.isnan(a["agreement_share"].min())
