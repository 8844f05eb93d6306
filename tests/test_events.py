"""The events table joined to its independent sources (event_sources), and how reports show the sourcing."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from bilateral import events as evs
from bilateral import paths
from bilateral.sources import curated
from bilateral.sources.curated import validate, vocab
from bilateral.sources.event_sources import (
    SOURCINGS,
    EventSourcesError,
    check_dates,
    join_sources,
    read_events_press,
    read_outlets,
    sourcing_kind,
)

EVENTS_CSV = paths.CURATED_DIR / "events.csv"


@pytest.fixture(scope="module")
def built(raw):
    return curated.build(raw)


def _source(built, eid: str) -> pd.DataFrame:
    s = built["event_sources"]
    return s[s["event_id"] == eid]


def _event(built, eid: str) -> pd.Series:
    return built["events"].set_index("event_id").loc[eid]


# ---------------------------------------------------------------- the kind of sourcing


def test_sourcing_kind_definition():
    assert sourcing_kind(["seed", "seed"]) == "seed only"
    assert sourcing_kind(["seed", "AZE", "AZE"]) == "one side"
    assert sourcing_kind(["TUR"]) == "one side"
    assert sourcing_kind(["seed", "AZE", "TUR"]) == "both sides"
    assert sourcing_kind(["AZE", "TUR", "third party"]) == "third party"
    assert sourcing_kind(["seed", "international organisation"]) == "third party"
    with pytest.raises(ValueError, match="not among"):
        sourcing_kind(["Armenia"])
    with pytest.raises(ValueError):
        sourcing_kind([])


# ---------------------------------------------------------------- the built table


def test_every_event_has_sources_and_a_kind(built):
    events, sources = built["events"], built["event_sources"]
    assert events["event_id"].is_unique
    assert set(events["sourcing"]) <= set(SOURCINGS)
    counts = sources.groupby("event_id").size()
    assert set(counts.index) == set(events["event_id"])
    assert (events.set_index("event_id")["n_sources"] == counts.reindex(events["event_id"]).to_numpy()).all()
    assert not sources.duplicated(["event_id", "source_no"]).any()
    # the published specs accept both tables
    curated.EVENTS.validate(events, where="test")
    curated.EVENT_SOURCES.validate(sources, where="test")


def test_every_press_row_joins_one_event(raw, built):
    with open(raw / "events_press" / "events_press.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    joined = built["event_sources"]
    joined = joined[joined["citation_kind"] == "events_press"]
    assert len(joined) == len(rows) == 154  # PROVENANCE.md: 154 rows


def test_seed_only_count_from_the_raw_files(raw, built):
    # Independently of the builder: an event of data/curated/events.csv rests on the seeds alone when every
    # citation of its source cell is '<seed file> § <section>' and no events_press row names it.
    with open(raw / "events_press" / "events_press.csv", encoding="utf-8") as f:
        confirmed = {r["event_id_existing"] for r in csv.DictReader(f) if r["event_id_existing"]}
    with open(EVENTS_CSV, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    seed_only = sorted(
        r["event_id"]
        for r in rows
        if all(" § " in c for c in r["source"].split(" | ")) and r["event_id"] not in confirmed
    )
    # PROVENANCE.md lists exactly these twelve seed-only events as not confirmed.
    assert seed_only == ["E005", "E007", "E010", "E014", "E015", "E016", "E017", "E018", "E021", "E029", "E030", "E033"]
    events = built["events"]
    assert sorted(events.loc[events["sourcing"] == "seed only", "event_id"]) == seed_only
    assert len(seed_only) < 44  # the count before the join: 44 of 69
    assert len(events) == len(rows)


def test_pinned_joined_events(built):
    # Read by hand in events_press.csv and events.csv.
    # E047: seed 16 Aug 2010; president.az (AZE) dates the council's declaration to 15 Sep 2010.
    e = _event(built, "E047")
    assert (e["date"], e["date_precision"], e["date_seed"]) == ("2010-09-15", "day", "2010-08-16")
    s = _source(built, "E047")
    assert list(s["side"]) == ["seed", "AZE"]
    assert (
        s.iloc[1]["outlet"] == "Official website of the President of Azerbaijan"
        and s.iloc[1]["date_given"] == "2010-09-15"
    )
    assert e["sourcing"] == "one side"
    # E048: seed 26 Jun 2013; Natural Gas World, Hürriyet (blog copy), RFE/RL give 26 Jun 2012, president.az '2012'.
    e = _event(built, "E048")
    assert (e["date"], e["date_seed"], e["sourcing"], e["n_sources"]) == ("2012-06-26", "2013-06-26", "third party", 5)
    s = _source(built, "E048")
    assert sorted(s.loc[s["date_given"] == "2012-06-26", "outlet"]) == [
        "Hürriyet Daily News (blog copy)",
        "Natural Gas World",
        "RFE/RL",
    ]
    # E013: the seed plus SİA and the consulate in Istanbul (AZE) and Hürriyet Daily News (TUR).
    e = _event(built, "E013")
    assert (e["sourcing"], e["n_sources"]) == ("both sides", 4)
    # E044: the Zurich protocols, dated by Wikipedia (third party), a friction.
    e = _event(built, "E044")
    assert (e["date"], e["category"], e["sourcing"]) == ("2009-10-10", "friction", "third party")
    # A new event: the Nakhchivan Agreement (3 Oct 2009), from the Turkic Council Secretariat and Azerbaijan's MFA.
    events = built["events"]
    new = events[(events["date"] == "2009-10-03") & events["title"].str.contains("Nakhchivan Agreement")].iloc[0]
    assert (new["source_kind"], new["category"], new["sourcing"], new["n_sources"]) == (
        "events_press",
        "multilateral",
        "third party",
        2,
    )
    s = _source(built, new["event_id"])
    assert set(s["side"]) == {"international organisation", "AZE"}
    assert s["quote"].notna().all()


# ---------------------------------------------------------------- dates and bad input


def _events_frame(**extra) -> pd.DataFrame:
    row = {
        "event_id": "E900",
        "date": "2012-06-26",
        "date_precision": "day",
        "source": "000_bbf2abffa65fbe36.txt § DEVELOPMENT",
        "date_seed": pd.NA,
    } | extra
    return pd.DataFrame([row])


def _sources_frame(date_given: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": ["E900", "E900"],
            "side": ["seed", "third party"],
            "date_given": [pd.NA, date_given],
            "date_precision_given": [pd.NA, "day"],
        }
    )


def test_date_disagreement_needs_an_independent_source_giving_the_date():
    check_dates(_events_frame(date_seed="2013-06-26"), _sources_frame("2012-06-26"))  # fine
    with pytest.raises(EventSourcesError, match=r"column 'date' \(E900\): no independent source gives 2012-06-26"):
        check_dates(_events_frame(date_seed="2013-06-26"), _sources_frame("2012-06-27"))
    with pytest.raises(EventSourcesError, match=r"column 'date_seed' \(E900\).*agrees with the date"):
        check_dates(_events_frame(date_seed="2012-06"), _sources_frame("2012-06-26"))


def test_press_row_naming_an_unknown_event_is_reported(raw, built):
    press = read_events_press(raw)
    press.loc[press.index[0], "event_id_existing"] = "E999"
    with pytest.raises(
        EventSourcesError, match=r"events_press/events_press\.csv: column 'event_id_existing', line 2: 'E999'"
    ):
        join_sources(
            validate.validate_events(validate.read_curated("events", vocab.EVENT_COLUMNS)),
            press,
            read_outlets(paths.CURATED_DIR),
        )


def test_press_row_that_joins_no_event_is_reported(raw):
    press = read_events_press(raw)
    i = press.index[press["event_id_existing"].isna()][0]
    press.loc[i, "date"] = "1999-01-01"
    with pytest.raises(EventSourcesError, match=rf"line {i + 2} \(1999-01-01, .*joins no event"):
        join_sources(
            validate.validate_events(validate.read_curated("events", vocab.EVENT_COLUMNS)),
            press,
            read_outlets(paths.CURATED_DIR),
        )


def test_bad_date_seed_is_reported(raw, tmp_path, monkeypatch):
    import shutil

    folder = tmp_path / "curated"
    shutil.copytree(paths.CURATED_DIR, folder)
    text = (folder / "events.csv").read_text(encoding="utf-8")
    assert ",2010-08-16\n" in text  # E047's date_seed
    (folder / "events.csv").write_text(text.replace(",2010-08-16\n", ",16 Aug 2010\n", 1), encoding="utf-8")
    monkeypatch.setattr(paths, "CURATED_DIR", folder)
    with pytest.raises(validate.CuratedDataError, match=r"column 'date_seed', line \d+ \(E047\).*not an ISO date"):
        curated.build(raw)


def test_outlet_missing_for_a_cited_host_is_reported(raw, tmp_path):
    folder = tmp_path / "curated"
    folder.mkdir()
    text = (paths.CURATED_DIR / "outlets.csv").read_text(encoding="utf-8")
    (folder / "outlets.csv").write_text(
        "\n".join(ln for ln in text.splitlines() if not ln.startswith("dailysabah.com")) + "\n", encoding="utf-8"
    )
    with pytest.raises(EventSourcesError, match=r"\(E062\): the host 'dailysabah.com'.*add a row"):
        join_sources(
            validate.validate_events(validate.read_curated("events", vocab.EVENT_COLUMNS)),
            read_events_press(raw),
            read_outlets(folder),
        )


# ---------------------------------------------------------------- what readers see


def _frame(kinds: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"event_id": [f"E{i:03d}" for i in range(len(kinds))], "sourcing": kinds})


def test_seed_only_sentence_counts_and_plurals():
    table = _frame(["seed only"] * 3 + ["third party"] * 7)
    lead = "3 of the 10 events in the project's events table rest on the two seed documents alone"
    assert evs.seed_only_sentence(table.iloc[:0], table).startswith(lead)
    assert evs.seed_only_sentence(table.iloc[:0], table).endswith("No event is shown in this report.")
    assert evs.seed_only_sentence(table.iloc[[0]], table).endswith(
        "The one event shown in this report rests on the seed documents alone (hollow marker)."
    )
    assert evs.seed_only_sentence(table.iloc[[5]], table).endswith(
        "The event shown in this report has an independent source."
    )
    assert evs.seed_only_sentence(table.iloc[3:6], table).endswith(
        "All 3 events shown in this report have an independent source."
    )
    assert evs.seed_only_sentence(table.iloc[0:5], table).endswith(
        "Of the 5 events shown in this report, 3 rest on the seed documents alone (hollow markers)."
    )
    assert evs.seed_only_sentence(table.iloc[2:5], table).endswith(
        "Of the 3 events shown in this report, 1 rests on the seed documents alone (hollow markers)."
    )
    one = _frame(["seed only"])
    assert evs.seed_only_sentence(one, one).startswith("1 of the 1 events in the project's events table rests on")


def test_marker_caption():
    assert evs.marker_caption(_frame([])) == ""
    assert evs.marker_caption(_frame(["one side"])) == "Every event drawn has at least one independent source."
    assert evs.marker_caption(_frame(["seed only", "both sides"])).startswith(
        "Hollow markers: 1 event drawn rests on the seed documents alone"
    )


def test_reader_dates_and_source_texts():
    assert evs.date_text("2009-10-14", "day") == "14 Oct 2009"
    assert evs.date_text("2013-06-26", None) == "26 Jun 2013"
    assert evs.date_text("2003", None) == "2003" and evs.date_text(pd.NA, "day") == ""
    sources = pd.DataFrame(
        {
            "event_id": ["E1", "E1", "E1"],
            "outlet": ["Ismayilov (2025)", "Anadolu Agency", "TASS"],
            "side": ["seed", "TUR", "third party"],
            "date_given": [pd.NA, "2009-10-14", "2009-10-01"],
            "date_precision_given": [pd.NA, "day", "month"],
        }
    )
    assert evs.source_texts(sources, ["E1"]) == {"E1": "Anadolu Agency, 14 Oct 2009; TASS, Oct 2009; Ismayilov (2025)"}


def test_date_and_category_sentences(built):
    events, sources = built["events"], built["event_sources"]
    shown = events[events["event_id"].isin(["E047", "E013"])]
    text = evs.date_sentence(shown, sources)
    assert text == (
        "Where a seed document dates an event differently from the independent sources, the report uses the independent "
        "date: High-Level Strategic Cooperation Council declaration: 15 Sep 2010 (Official website of the President of "
        "Azerbaijan), where Ismayilov (2025) gives 16 Aug 2010."
    )
    assert evs.date_sentence(events[events["event_id"] == "E013"], sources) == ""
    none = evs.category_sentence(events[events["event_id"] == "E013"], "1992")
    assert (
        none
        == "Among the events of 1992, the events table records no strains in the relationship; and no multilateral or trilateral formats."
    )
    zurich = evs.category_sentence(events[events["event_id"] == "E044"], "2009")
    assert zurich.startswith(
        "Among the events of 2009, the events table records 1 strain in the relationship: Türkiye and Armenia sign the Zurich protocols (10 Oct 2009)"
    )


def test_report_sentences_on_several_pairs_and_periods(built):
    from bilateral import diplomatic as dip
    from bilateral.military import compute as mil

    events = built["events"]
    # Azerbaijan–Türkiye, diplomatic events up to 2025: counted here from the columns directly.
    ev = dip.pair_events(events, "AZE", "TUR", until=2025)
    n_seed = int((ev["sourcing"] == "seed only").sum())
    assert 0 < n_seed < len(ev)
    assert (
        f"Of the {len(ev)} events shown in this report, {n_seed} rest on the seed documents alone"
        in evs.seed_only_sentence(ev, events)
    )
    assert len(ev[ev["category"] == "friction"]) >= 5  # the 2009 strains, among others
    # A period without security milestones for the pair (1995 has none in the table).
    none = mil.security_events(events, "AZE", "TUR", [1995], also=["ARM"])
    assert none.empty and evs.seed_only_sentence(none, events).endswith("No event is shown in this report.")
    assert evs.marker_caption(none) == ""
    # A period with exactly one milestone, seed-only: 1996 (E030, documents on military cooperation, seed only).
    one = mil.security_events(events, "AZE", "TUR", [1996], also=["ARM"])
    assert list(one["event_id"]) == ["E030"]
    assert evs.seed_only_sentence(one, events).endswith(
        "The one event shown in this report rests on the seed documents alone (hollow marker)."
    )
    # Another pair: Armenia–Türkiye has the Zurich protocols, a third-party-sourced friction.
    arm = dip.pair_events(events, "ARM", "TUR", until=2025)
    assert "E044" in set(arm["event_id"])
    assert "strain" in evs.category_sentence(arm[arm["year"] == 2009], "2009")


def test_events_checked_by_claims(built):
    claims = built["claims"]
    checked = evs.events_checked(claims, built["events"])
    # Typed from data/curated/claims.csv: the event ids in the check_args of event_date claims.
    expected = set()
    for key, args in zip(claims["check_key"].fillna(""), claims["check_args"]):
        if key == "event_date":
            expected.add(args.split('"')[3])
    assert set(checked["event_id"]) == expected and {"E047", "E048", "E026"} <= expected


def test_claims_check_uses_the_independent_date_and_names_the_disagreement(built):
    from bilateral import claims as C

    tables = {"events": built["events"], "event_sources": built["event_sources"]}
    claim = built["claims"].set_index("claim_id").loc["C059"].to_dict()  # TANAP agreement: the paper says 26 Jun 2013
    m = C.check_event_date(claim, tables)
    assert m.value == "2012-06-26"
    assert m.rows == "Natural Gas World, 26 Jun 2012; Hürriyet Daily News (blog copy), 26 Jun 2012; RFE/RL, 26 Jun 2012"
    assert "26 Jun 2013" in m.others[0] and "events_press" in m.sources
    assert C.verdict(claim, m)[0] == "contradicted"
    # A seed-only event cannot test a seed's claim.
    seed_only = {**claim, "check_args": '{"event_id": "E017"}'}
    assert C.check_event_date(seed_only, tables).value is None


def test_category_caption():
    frame = pd.DataFrame({"category": ["milestone", "friction", "multilateral", "friction"]})
    assert evs.category_caption(frame) == (
        "Colours: other events in blue, strains in the relationship in vermilion and "
        "multilateral or trilateral formats in green."
    )
    assert evs.category_caption(frame.iloc[[1]]) == "Colours: strains in the relationship in vermilion."
    assert evs.category_caption(frame.iloc[:0]) == ""


def test_sourcing_labels_name_the_side(built):
    events, sources = built["events"], built["event_sources"]
    ev = events[events["event_id"].isin(["E003", "E047", "E013", "E017", "E048"])]
    # E003: Milli Gazete and Doğru Haber (TUR); E047: president.az (AZE); E013: both; E017: seed only; E048: third parties.
    assert dict(zip(ev["event_id"], evs.sourcing_labels(ev, sources))) == {
        "E003": "Turkish sources only",
        "E013": "sources of both sides",
        "E017": "seed documents only",
        "E047": "Azerbaijani sources only",
        "E048": "third-party source",
    }


def test_events_finding_on_several_periods(built):
    from bilateral import diplomatic as dip

    events = built["events"]

    def shown(a, b, start, end):
        ev = dip.pair_events(events, a, b, until=end)
        return ev[ev["year"] >= start]

    # 1993, Azerbaijan–Türkiye: counted from the columns of the rows shown.
    ev = shown("AZE", "TUR", 1993, 1993)
    n_f = int((ev["category"] == "friction").sum())
    assert n_f == 1  # Erbakan's criticism, 10 Jun 1993 (events_press row, Sonhaber)
    assert evs.events_finding(ev, "Azerbaijan", "Türkiye", "1993") == (
        f"The events table holds {len(ev)} events naming both Azerbaijan and Türkiye in 1993, among them 1 strain in the "
        "relationship (1993) and no multilateral or trilateral format; none rests on the seed documents alone."
    )
    # 2009, Armenia–Türkiye: the Zurich protocols year.
    text = evs.events_finding(shown("ARM", "TUR", 2009, 2009), "Armenia", "Türkiye", "2009")
    assert "strains in the relationship (2009)" in text
    # No event at all.
    assert evs.events_finding(shown("GEO", "IRN", 2000, 2010), "Georgia", "Iran", "2000–2010") == (
        "The events table holds no event of this report's kinds naming both Georgia and Iran in 2000–2010."
    )


def test_narrow_table_puts_the_sourcing_label_before_the_sources_and_drops_ids():
    table = pd.DataFrame(
        {
            "Date": ["4 Jun 1918", "2010"],
            "Event": ["First agreement", "Strategic partnership"],
            "Period": ["background", "in period"],
            "Source": ["Milli Gazete (English), 4 Jun 1918; Ismayilov (2025)", ""],
            "Sourcing": ["Turkish sources only", "seed documents only"],
            "Id": ["E003", "E046"],
        }
    )
    out = evs.narrow_table(table)
    assert list(out.columns) == ["Date", "Event", "Source"]
    assert out["Source"].tolist() == [
        "Turkish sources only: Milli Gazete (English), 4 Jun 1918; Ismayilov (2025)",
        "Seed documents only",
    ]
    assert evs.narrow_table(table, drop=()).columns.tolist() == ["Date", "Event", "Period", "Source", "Id"]
