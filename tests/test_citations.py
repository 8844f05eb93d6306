"""Citations as readers see them (bilateral.citations): every form of the curated tables, worked out by hand."""

from __future__ import annotations

import pandas as pd

from bilateral import citations as C
from bilateral import energy, military

SIPRI = "sipri_arms_transfers/sipri_trade_register_deliveries_AZE_TUR_ARM_1995_2024.csv#SIPRI AT Database ID=31006"
ROLL_CALL = "unga_votes_unvotes_voeten/un_roll_calls.csv.gz#rcid=4828"
VOTES = "unga_votes_unvotes_voeten/un_votes.csv.gz#rcid=4828"


def test_seed_sections_read_as_author_year_and_section():
    assert C.reader_citation("000_bbf2abffa65fbe36.txt § DEVELOPMENT") == "Ismayilov (2025), section Development"
    assert (
        C.reader_citation("002_556960fc3d1098ab.txt § Military Alliance")
        == "Barranzuela (2022), section Military Alliance"
    )
    assert C.reader_citation("002_556960fc3d1098ab.txt § Opening (untitled)") == "Barranzuela (2022), opening section"
    # the short form (table cells) keeps author and year only
    assert C.reader_citation("000_bbf2abffa65fbe36.txt § CONCLUSIONS", short=True) == "Ismayilov (2025)"


def test_dataset_rows_read_as_dataset_and_record_in_words():
    assert C.reader_citation(SIPRI) == "SIPRI Arms Transfers Database, deal 31006"
    assert C.reader_citation(ROLL_CALL) == "UN General Assembly, roll call 4828 (Voeten voting data)"
    # a dataset's documentation reads as the dataset's name (from the catalogue)
    assert C.reader_citation("atop_mid_peacesciencer/PROVENANCE.md") == "ATOP 5.1 via peacesciencer"
    # an unknown id field reads "record"
    assert C.reader_citation("imf_dots/x.csv#row=7") == "IMF Direction of Trade Statistics, record 7"


def test_urls_stay_in_full_and_shorten_to_their_site():
    assert (
        C.reader_citation("https://en.trend.az/azerbaijan/politics/3440856.html")
        == "https://en.trend.az/azerbaijan/politics/3440856.html"
    )
    assert C.reader_citation("https://www.bp.com/en_az/x.html", short=True) == "bp.com"
    assert C.url_host("http://www.today.az/news/business/213369.html") == "today.az"


def test_a_cell_of_several_citations_drops_repeats():
    # the two files of Voeten's data cite the same roll call: one citation for readers
    assert C.reader_citations(f"{ROLL_CALL} | {VOTES}") == "UN General Assembly, roll call 4828 (Voeten voting data)"
    cell = "000_bbf2abffa65fbe36.txt § DEVELOPMENT | https://www.trend.az/a/1.html | https://www.trend.az/b/2.html | 000_bbf2abffa65fbe36.txt § INTRODUCTION"
    assert C.reader_citations(cell, short=True) == "Ismayilov (2025); trend.az"
    assert C.reader_citations(cell) == (
        "Ismayilov (2025), section Development; https://www.trend.az/a/1.html; https://www.trend.az/b/2.html; "
        "Ismayilov (2025), section Introduction"
    )
    assert C.reader_citations("") == ""


def test_claim_locations_read_as_sections():
    assert C.sections_text("INTRODUCTION; DEVELOPMENT") == "sections Introduction and Development"
    assert C.sections_text("ABSTRACT") == "section Abstract"
    assert (
        C.sections_text("Energy Cooperation / The project of the century")
        == "section Energy Cooperation / The project of the century"
    )
    assert C.sections_text("") == ""


def test_catalogue_keys_of_citations():
    assert C.citation_key("https://www.bp.com/x") == "press_figures"
    assert C.citation_key("000_bbf2abffa65fbe36.txt § DEVELOPMENT") == "seeds"
    assert C.citation_key(SIPRI) == "sipri_arms_transfers"
    assert C.citation_key("plain words") is None
    # the first citation of an agreements-list event is the list, whatever its form
    assert C.source_keys("https://a.az/1 | 000_bbf2abffa65fbe36.txt § DEVELOPMENT", "curated_list") == [
        "bilateral_agreements_curated",
        "seeds",
    ]
    assert C.source_keys("https://a.az/1 | https://b.az/2", "press") == ["press_figures"]


def test_urls_and_geonames_records():
    assert C.cited_urls(["https://a.org/1 | 000_bbf2abffa65fbe36.txt § X", "https://b.org/2 | https://a.org/1"]) == [
        "https://a.org/1",
        "https://b.org/2",
    ]
    src = "GeoNames 318675 'Ceyhan', https://www.geonames.org/318675 (read from the GeoNames cities500 extract)"
    assert C.geonames_record(src) == "GeoNames 318675 'Ceyhan'"


def test_no_copies_left_in_the_dimension_modules():
    # one module reads citations: the old copies are gone
    for module, name in [
        (energy, "readable_source"),
        (energy, "short_source"),
        (energy, "citation_key"),
        (military, "SEED_NAMES"),
    ]:
        assert not hasattr(module, name), f"{module.__name__}.{name}"
    from bilateral import diplomatic, overview

    assert not hasattr(diplomatic, "readable_citation") and not hasattr(overview, "short_citation")


def test_military_milestone_sources_read_in_words():
    from bilateral.military import tables

    ev = pd.DataFrame({"source": [f"{SIPRI} | https://x.org/a"]})
    assert tables.milestone_sources_table(ev).iloc[0, 1] == "SIPRI Arms Transfers Database, deal 31006; https://x.org/a"


def test_event_sources_name_the_dataset_record():
    assert C.record_text("SIPRI Arms Transfers Database", SIPRI) == "SIPRI Arms Transfers Database, deal 31006"
    assert (
        C.record_text("UN General Assembly roll calls (Voeten)", VOTES)
        == "UN General Assembly, roll call 4828 (Voeten voting data)"
    )
    # a dataset's notes and a seed section keep the outlet's name
    assert (
        C.record_text("ATOP/MID data notes (peacesciencer)", "atop_mid_peacesciencer/PROVENANCE.md")
        == "ATOP/MID data notes (peacesciencer)"
    )
    assert C.record_text("Ismayilov (2025)", "section DEVELOPMENT") == "Ismayilov (2025)"
    assert C.record_text("Trend", float("nan")) == "Trend"


def test_caveats_about_states_the_report_does_not_show_are_left_out():
    from bilateral.countries import concerns

    assert concerns("Turkmenistan and Uzbekistan have long gaps.", ["AZE", "TUR", "ARM"]) is False
    assert concerns("Turkmenistan and Uzbekistan have long gaps.", ["AZE", "TKM"]) is True
    assert concerns("Values are revised every year.", ["AZE", "TUR"]) is True
    # Türkiye's own caveat concerns a report on Türkiye only
    assert concerns("Türkiye's 2024 estimate rests on only 7 votes.", ["ARM", "RUS"]) is False
