"""Tests of the curated events and claims tables (data/curated/) and their builder."""

from __future__ import annotations

import csv
import gzip
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from bilateral import paths, periods
from bilateral.sources import curated
from bilateral.sources.curated import citations, vocab
from bilateral.sources.curated.validate import CuratedDataError

SEED_0 = "000_bbf2abffa65fbe36.txt"
SEED_2 = "002_556960fc3d1098ab.txt"
EVENTS_CSV = paths.CURATED_DIR / "events.csv"
CLAIMS_CSV = paths.CURATED_DIR / "claims.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def built(raw):
    return curated.build(raw)


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    folder = paths.SEEDS_DIR_DEFAULT
    if not folder.is_dir():
        pytest.skip(f"seed documents not found at {folder}")
    return {name: (folder / name).read_text(encoding="utf-8") for name in (SEED_0, SEED_2)}


# ---------------------------------------------------------------- pure helpers


def test_parse_iso_value_covers_partial_dates_and_intervals():
    assert periods.parse_iso_value("1991-11-09") == (date(1991, 11, 9), date(1991, 11, 9))
    assert periods.parse_iso_value("1992-02") == (date(1992, 2, 1), date(1992, 2, 29))  # 1992 is a leap year
    assert periods.parse_iso_value("1920") == (date(1920, 1, 1), date(1920, 12, 31))
    assert periods.parse_iso_value("1992-03-22/1992-03-24") == (date(1992, 3, 22), date(1992, 3, 24))
    assert periods.parse_iso_value("1993/2003") == (date(1993, 1, 1), date(2003, 12, 31))
    for bad in ("1992-13", "22 March 1992", "2003/1993", "1991-02-30"):
        with pytest.raises(ValueError):
            periods.parse_iso_value(bad)


def test_mentions_date_needs_the_year_and_the_day_or_month():
    text = "the first gas started to flow into BOTAS's system on July 3, 2007."
    assert citations.mentions_date(text, date(2007, 7, 3), "day")
    assert not citations.mentions_date(text, date(2007, 7, 30), "day")
    assert not citations.mentions_date(text, date(2008, 7, 3), "day")
    assert citations.mentions_date("2021 Trade Minister said on Dec. 14 at the forum", date(2021, 12, 14), "day")
    assert citations.mentions_date("inaugurated in June 2018", date(2018, 6, 1), "month")
    assert not citations.mentions_date("inaugurated in June 2018", date(2018, 7, 1), "month")
    assert citations.mentions_date("2020 2020-03 monthly volume", date(2020, 3, 1), "month")


def test_parse_citation_forms():
    seed = citations.parse_citation(f"{SEED_0} § DEVELOPMENT")
    assert (seed.kind, seed.seed, seed.section) == ("seed", SEED_0, "DEVELOPMENT")
    assert citations.parse_citation("https://example.org/a?b=1").kind == "url"
    row = citations.parse_citation("unga_votes_unvotes_voeten/un_roll_calls.csv.gz#rcid=4828")
    assert (row.kind, row.key, row.file, row.selector) == (
        "raw",
        "unga_votes_unvotes_voeten",
        "un_roll_calls.csv.gz",
        (("rcid", "4828"),),
    )
    for bad in (f"{SEED_0} § Conclusions", f"{SEED_2} § DEVELOPMENT", "sipri_milex/other.csv#a=1", "see the paper"):
        with pytest.raises(ValueError):
            citations.parse_citation(bad)


def test_seed_sections_split_at_headings():
    text = "Title\nABSTRACT\nshort\nRESUMEN\ncorto\nINTRODUCTION\nintro\nDEVELOPMENT\nbody 1918\nCONCLUSIONS\nend\nREFERENCES\nrefs"
    sections = citations.seed_sections(text, SEED_0)
    assert sections["DEVELOPMENT"] == "DEVELOPMENT\nbody 1918"
    assert sections["CONCLUSIONS"] == "CONCLUSIONS\nend"


# ---------------------------------------------------------------- the curated files


def test_vocabularies_are_the_documented_ones():
    # The vocabularies as written in data/curated/README.md.
    assert vocab.EVENT_TYPES == (
        "treaty",
        "declaration",
        "visit",
        "recognition",
        "infrastructure",
        "military_cooperation",
        "war",
        "agreement",
        "institution",
        "other",
    )
    assert vocab.DIMENSIONS == ("diplomatic", "military", "energy", "trade", "transport", "cultural")
    assert vocab.SOURCE_KINDS == ("seed", "press", "curated_list", "dataset", "events_press")
    assert vocab.CATEGORIES == ("milestone", "friction", "multilateral")
    assert vocab.CLAIM_KINDS == ("date", "amount", "share", "ranking", "length", "capacity", "other")
    events, claims = _rows(EVENTS_CSV), _rows(CLAIMS_CSV)
    assert {r["type"] for r in events} <= set(vocab.EVENT_TYPES)
    assert {r["dimension"] for r in events} <= set(vocab.DIMENSIONS)
    assert {r["date_precision"] for r in events} <= {"day", "month", "year"}
    assert {r["source_kind"] for r in events} == set(vocab.SOURCE_KINDS)  # every kind is used
    assert {r["kind"] for r in claims} <= set(vocab.CLAIM_KINDS)
    for r in events:
        assert all(re.fullmatch(r"[A-Z]{3}", c) for c in r["countries"].split("|")), r["event_id"]
        assert r["source"].strip(), r["event_id"]
    readme = (paths.CURATED_DIR / "README.md").read_text(encoding="utf-8")
    for word in vocab.EVENT_TYPES + tuple(curated.CHECK_KEYS):
        assert f"`{word}`" in readme, f"{word} is not documented in data/curated/README.md"


def test_counts_and_both_seeds_in_both_tables(built):
    events, claims = built["events"], built["claims"]
    assert len(events) >= 40
    assert len(claims) >= 30
    for seed in (SEED_0, SEED_2):
        assert events["source"].str.contains(seed, regex=False).sum() >= 5, seed
        assert (claims["seed"] == seed).sum() >= 15, seed
    assert events["date"].min() >= "1918-01-01"


def test_events_sorted_and_ids_unique(built):
    events = built["events"]
    assert events["event_id"].is_unique
    keys = list(zip(events["date"], events["event_id"]))
    assert keys == sorted(keys)
    # The published file is sorted by date as well (primary key date, event_id).
    published = curated.EVENTS.to_bytes(curated.EVENTS.validate(events, where="test")).decode().splitlines()[1:]
    dates = [line.split(",")[1] for line in published]
    assert dates == sorted(dates)
    assert built["claims"]["claim_id"].is_unique


def test_agreement_dates_match_the_raw_agreements_list(raw, built):
    # Dated rows of bilateral_agreements_curated/aze_tur_key_agreements_curated.csv, read by eye
    # (`cut -d, -f1` on the file: 5 of its 6 rows carry an event_date; the protocol row is undated).
    expected = {"1921-10-13", "1994-02-09", "2010-08-16", "2021-06-15", "2022-02-02"}
    with open(raw / "bilateral_agreements_curated" / "aze_tur_key_agreements_curated.csv", encoding="utf-8") as f:
        listed = {(r["event_date"], r["source_url"]) for r in csv.DictReader(f) if r["event_date"]}
    assert {d for d, _ in listed} == expected
    events = built["events"]
    from_list = events[events["source_kind"] == "curated_list"]
    pairs = {(d, s.split(" | ")[0]) for d, s in zip(from_list["date"], from_list["source"])}
    assert pairs == listed
    # The two treaties the claims check relies on (ids typed by hand from events.csv).
    treaties = dict(zip(from_list["event_id"], from_list["date"]))
    assert treaties["E026"] == "1994-02-09" and treaties["E046"] == "2010-08-16"


def test_un_resolution_event_matches_the_recorded_votes(raw, built):
    # E043 says AZE and TUR voted yes and ARM no on roll call 4828 (A/RES/62/243, 2008-03-14);
    # checked here with zcat/grep-style reading of the raw Voeten files.
    with gzip.open(raw / "unga_votes_unvotes_voeten" / "un_votes.csv.gz", "rt", encoding="utf-8") as f:
        votes = {r["country_code"]: r["vote"] for r in csv.DictReader(f) if r["rcid"] == "4828"}
    assert (votes["AZ"], votes["TR"], votes["AM"]) == ("yes", "yes", "no")
    event = built["events"].set_index("event_id").loc["E043"]
    assert event["date"] == "2008-03-14"


def test_claim_checks_name_declared_tables(built):
    from bilateral.pipeline import all_tables

    claims = built["claims"]
    used = set(claims["check_table"].dropna())
    assert used <= set(all_tables()), used - set(all_tables())
    checkable = claims[claims["check_key"].notna()]
    assert len(checkable) >= 20
    for args in claims["check_args"]:
        assert isinstance(json.loads(args), dict)


def test_seed_citations_mention_the_event_year(seeds):
    sections = {seed: citations.seed_sections(text, seed) for seed, text in seeds.items()}
    for r in _rows(EVENTS_CSV):
        cited = [citations.parse_citation(c) for c in citations.split_citations(r["source"])]
        texts = [sections[c.seed][c.section] for c in cited if c.kind == "seed"]
        year = (r["date_seed"] or r["date"])[:4]  # where the seed's date differs, its own year
        if texts:
            assert any(year in t for t in texts), f"{r['event_id']}: no cited seed section mentions {year}"


def test_claimed_values_appear_in_the_cited_section(seeds):
    # Values worked out from the text rather than written in it (each says so in its claim).
    derived = {"C088": "2006 = construction start 2003 + 'three years later'"}
    sections = {seed: citations.seed_sections(text, seed) for seed, text in seeds.items()}
    for r in _rows(CLAIMS_CSV):
        if r["claim_id"] in derived:
            continue
        text = " ".join(sections[r["seed"]][loc] for loc in r["location"].split("; "))
        text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,768 -> 1768
        value = r["value_claimed"]
        if r["kind"] == "date":
            assert value[:4] in text, f"{r['claim_id']}: {value[:4]} not in {r['location']}"
        elif r["kind"] in ("amount", "share", "length", "capacity"):
            assert re.search(rf"(?<![\d.]){re.escape(value)}(?![\d])", text), (
                f"{r['claim_id']}: {value} not in {r['location']}"
            )


def test_no_twelve_word_run_of_a_seed_in_the_curated_text(seeds):
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())

    n = 12
    grams = set()
    for text in seeds.values():
        w = words(text)
        grams.update(tuple(w[i : i + n]) for i in range(len(w) - n + 1))
    cells = [(f"events {r['event_id']}", v) for r in _rows(EVENTS_CSV) for v in r.values()]
    cells += [(f"claims {r['claim_id']}", v) for r in _rows(CLAIMS_CSV) for v in r.values()]
    for where, text in cells:
        w = words(text)
        copied = [" ".join(w[i : i + n]) for i in range(len(w) - n + 1) if tuple(w[i : i + n]) in grams]
        assert not copied, f"{where} copies a seed: {copied[0]!r}"


# ---------------------------------------------------------------- bad input


def _broken_copy(tmp_path: Path, monkeypatch, file: str, old: str, new: str) -> None:
    folder = tmp_path / "curated"
    shutil.copytree(paths.CURATED_DIR, folder)
    text = (folder / file).read_text(encoding="utf-8")
    assert old in text, old
    (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setattr(paths, "CURATED_DIR", folder)


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        # an impossible date
        (
            "events.csv",
            "E062,2021-06-15,",
            "E062,2021-06-31,",
            r"events\.csv: column 'date', line 138 \(E062\).*not a valid date",
        ),
        # a date that disagrees with the agreements list (still in order)
        (
            "events.csv",
            "E062,2021-06-15,",
            "E062,2021-06-16,",
            r"events\.csv: column 'date', line 138 \(E062\).*does not match",
        ),
        # a type outside the vocabulary
        (
            "events.csv",
            "E013,1992-01-14,day,institution,",
            "E013,1992-01-14,day,embassy,",
            r"column 'type', line 14 \(E013\)",
        ),
        # a duplicate id
        ("events.csv", "E014,1992-02-01,", "E013,1992-02-01,", r"column 'event_id', line 15 \(E013\).*used twice"),
        # a press row that does not give that day
        (
            "events.csv",
            "E055,2018-06-30,",
            "E055,2018-06-29,",
            r"column 'source', line 105 \(E055\).*mentions 2018-06-29",
        ),
        # a claim whose check key does not exist
        ("claims.csv", "partner_share_pct", "partner_share", r"claims\.csv: column 'check_key', line 50 \(C049\)"),
        # check arguments that are not JSON
        (
            "claims.csv",
            '"{""event_id"": ""E046""}"',
            '"{event_id: E046}"',
            r"column 'check_args', line 87 \(C086\).*not valid JSON",
        ),
    ],
)
def test_bad_curated_rows_raise_naming_file_column_and_row(raw, tmp_path, monkeypatch, file, old, new, expected):
    _broken_copy(tmp_path, monkeypatch, file, old, new)
    with pytest.raises(CuratedDataError, match=expected):
        curated.build(raw)


def test_bad_country_code_is_reported(raw, tmp_path, monkeypatch):
    row = next(r for r in _rows(EVENTS_CSV) if r["event_id"] == "E013")
    assert row["countries"] == "AZE|TUR"
    _broken_copy(
        tmp_path, monkeypatch, "events.csv", f"{row['description']},AZE|TUR,", f"{row['description']},AZE|TRK,"
    )
    with pytest.raises(CuratedDataError, match=r"column 'countries', line 14 \(E013\).*TRK"):
        curated.build(raw)


def test_missing_agreement_event_is_reported(raw, tmp_path, monkeypatch):
    # Drop the event for the 2022 parliamentary approval: the agreements list's row 7 (line 7) is then uncovered.
    row = next(r for r in _rows(EVENTS_CSV) if r["event_id"] == "E065")
    line = next(ln for ln in EVENTS_CSV.read_text(encoding="utf-8").splitlines(keepends=True) if ln.startswith("E065,"))
    _broken_copy(tmp_path, monkeypatch, "events.csv", line, "")
    with pytest.raises(CuratedDataError, match=r"aze_tur_key_agreements_curated\.csv: line 7: dated agreement"):
        curated.build(raw)
    assert row["date"] == "2022-02-02"


def test_unexpected_column_is_rejected(raw, tmp_path, monkeypatch):
    _broken_copy(tmp_path, monkeypatch, "claims.csv", "check_args\n", "check_args,verdict\n")
    with pytest.raises(CuratedDataError, match=r"claims\.csv: unexpected column\(s\) \['verdict'\]"):
        curated.build(raw)
