"""Tests of the diplomatic package's text, caption and display-table functions (bilateral.diplomatic.findings,
.text, .captions, .tables): small frames worked out by hand, each sentence checked on at least two pairs (the
default AZE–TUR and ARM–RUS or the pair reversed) and on the empty or one-year case where it applies."""

from __future__ import annotations

import pandas as pd
import pytest

from bilateral import periods
from bilateral.diplomatic import captions as dip_captions
from bilateral.diplomatic import compare as dip_compare
from bilateral.diplomatic import compute as dip
from bilateral.diplomatic import findings as dip_findings
from bilateral.diplomatic import tables as dip_tables
from bilateral.diplomatic import text as dip_text
from bilateral.params import Params

EXTRA = {"recent_years": 5, "period_years": 5, "n_latest": 15}


def _p(a="AZE", b="TUR", start=1992, end=2025, comparators=("RUS", "KAZ"), **extra):
    return Params(a, b, start, end, tuple(comparators), extra={**EXTRA, **extra})


AZE_TUR, ARM_RUS, TUR_AZE = _p(), _p("ARM", "RUS", comparators=("AZE", "TUR")), _p("TUR", "AZE")
ONE_YEAR = _p(start=2020, end=2020)


def test_bullets_leave_out_empty_findings_and_list_several():
    text = dip_findings.bullets({"UN votes": "A.", "Trend": "", "Representation": ["B.", "C."], "Events": []})
    assert text == "- **UN votes.** A.\n- **Representation.** B.\n- **Representation.** C."


def test_no_votes_sentence_names_the_pair_and_period():
    assert dip_findings.no_votes_sentence(ARM_RUS) == (
        "The vote records hold no roll call in 1992–2025 on which both Armenia and Russia cast a vote."
    )
    assert dip_findings.no_votes_sentence(ONE_YEAR, section=True).endswith(
        "in 2020 on which both Azerbaijan and Türkiye cast a vote, so this section is empty."
    )


def _comp(share_recent=0.69, kappa_recent=0.005):
    return pd.DataFrame({"agreement_share_recent": [share_recent], "kappa_recent": [kappa_recent]})


def test_trend_finding_only_when_the_period_holds_both_spans():
    early = {"agreement_share": 0.7911, "kappa": 0.428}
    text = dip_findings.trend_finding(AZE_TUR, _comp(), early, range(1992, 1997), range(2021, 2026))
    assert text.startswith("Agreement fell from 79.1% in 1992–1996 to 69.0% in 2021–2025; kappa went from 0.43")
    # a one-year period (recent and early years are that year): no trend to tell
    assert dip_findings.trend_finding(ONE_YEAR, _comp(), early, range(2020, 2021), range(2020, 2021)) == ""


def _dist(rows):
    return pd.DataFrame(rows, columns=["year", "ideal_a", "ideal_b", "distance"])


def test_ideal_finding_names_the_state_further_from_the_united_states():
    # AZE 0.29 and TUR 0.73 in 1992 (0.44), AZE -0.45 and TUR 0.60 in 2023 (1.05): AZE the lower, so further.
    d = _dist([(1992, 0.29, 0.73, 0.44), (2023, -0.45, 0.60, 1.05)])
    text = dip_findings.ideal_finding(AZE_TUR, d)
    assert "was 0.44 in 1992 and 1.05 in 2023" in text and "(mean over 2 years: 0.74)" in text
    assert text.endswith("in 2023 Azerbaijan was the further of the two from the positions of the United States.")
    # the same years for TUR–AZE: the columns follow the parameters, the words too
    flipped = d.assign(ideal_a=d["ideal_b"], ideal_b=d["ideal_a"])
    assert "in 2023 Azerbaijan was the further" in dip_findings.ideal_finding(TUR_AZE, flipped)
    assert dip_findings.ideal_finding(AZE_TUR, d.iloc[0:0]) == ""


def _pv():
    """Four common votes of a one-year period: AZE yes/TUR abstain twice, AZE yes/TUR no once, one alike."""
    flags = {f"issue_{c}": [False] * 4 for c in dip.ISSUE_LABELS}
    flags["issue_nu"] = [True, True, True, False]
    return pd.DataFrame(
        {
            "vote_id": ["v1", "v2", "v3", "v4"],
            "date": ["2020-12-01", "2020-12-02", "2020-12-03", "2020-12-04"],
            "year": [2020] * 4,
            "source": ["un_dgacm"] * 4,
            "resolution": ["A/RES/75/1", "A/RES/75/2", "A/RES/75/3", "A/RES/75/4"],
            "title": ["N1", "N2", "N3", "Other"],
            "issue_method": ["keyword_rules"] * 4,
            **flags,
            "vote_a": ["yes", "yes", "yes", "yes"],
            "vote_b": ["abstain", "abstain", "no", "yes"],
        }
    )


def test_split_finding_and_sentence_name_the_states_of_the_parameters():
    pv = _pv()
    kinds = dip_compare.disagreement_kinds(pv, "ARM", "RUS")
    by_issue = dip_compare.disagreement_by_issue(pv)
    text = dip_findings.split_finding(ARM_RUS, pv, kinds, by_issue, min_votes=3)
    # 3 splits of 4 common votes; 2 of the 3 are yes/abstain; nuclear: 3 of 3 votes split.
    assert text == (
        "They voted differently on 3 common votes; the most frequent split was Armenia yes, Russia abstain "
        "(66.7% of splits). The area with the highest share of splits was nuclear weapons and material "
        "(100.0% of 3 votes, UN records from 2019)."
    )
    assert dip_text.splits_sentence(ARM_RUS, kinds).startswith(
        "Of the 3 splits, Armenia yes, Russia abstain: 2 (66.7%); Armenia yes, Russia no: 1 (33.3%)."
    )
    # no area has enough votes: the area sentence is left out; no common vote: nothing
    assert "The area" not in dip_findings.split_finding(ARM_RUS, pv, kinds, by_issue)
    assert dip_findings.split_finding(ARM_RUS, pv.iloc[0:0], kinds.iloc[0:0], by_issue) == ""


def test_cosponsorship_finding_for_sponsors_and_for_absent_ones():
    by_year = pd.DataFrame({"year": [2019, 2025]})
    pooled = pd.DataFrame({"n_anchor": [199], "n_partner": [470], "n_both": [121], "overlap_share": [121 / 548]})
    assert dip_findings.cosponsorship_finding(AZE_TUR, [], by_year, pooled) == (
        "In the UN records (2019–2025), Azerbaijan sponsored 199 resolutions and Türkiye 470; both sponsored 121, "
        "22.1% of those either sponsored."
    )
    assert dip_findings.cosponsorship_finding(ARM_RUS, ["ARM"], by_year, pooled) == (
        "Armenia never appears among the sponsors in the UN records."
    )
    assert dip_findings.cosponsorship_finding(ARM_RUS, [], by_year.iloc[0:0], pooled) == ""


def test_alliance_finding_covered_or_not():
    empty = pd.DataFrame(columns=["year", *dip.PLEDGES, "any_pledge"])
    assert dip_findings.alliance_finding(ARM_RUS, empty, True, 1816, 2018) == (
        "ATOP records no alliance obligation between Armenia and Russia (1816–2018)."
    )
    assert dip_findings.alliance_finding(AZE_TUR, empty, False, 1816, 2018) == ""


def _posts_pair():
    return pd.DataFrame(
        {
            "edition_year": [2016, 2023, 2016, 2023],
            "sender": ["AZE", "AZE", "TUR", "TUR"],
            "host": ["TUR", "TUR", "AZE", "AZE"],
            "coverage": ["not a sender", "not a sender", "covered", "covered"],
            "n_posts": pd.array([pd.NA, pd.NA, 2, 3], dtype="Int64"),
            "posts": ["", "", "Baku (Embassy); Ganja (Consulate)", "Baku; Ganja; Nakhchivan"],
        }
    )


def test_representation_and_coverage_sentences():
    assert dip_findings.representation_findings(_posts_pair()) == [
        "Türkiye had between 2 and 3 posts in Azerbaijan in each Lowy edition (2016–2023 labels)."
    ]
    assert dip_text.lowy_coverage_sentences(_posts_pair()) == [
        "The index does not map Azerbaijan's own network: its posts in Türkiye are not in the data."
    ]
    shown = dip_tables.posts_pair_display(_posts_pair())
    assert list(shown.columns) == ["Edition (label)", "Sender", "Host", "Posts", "Cities (type)"]
    assert shown["Sender"].tolist() == ["Türkiye", "Türkiye"]


def _events():
    return pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3"],
            "date": ["1991-11-09", "2009-10-14", "2020-01-01"],
            "date_precision": ["day", "day", "year"],
            "type": ["recognition", "declaration", "visit"],
            "category": ["milestone", "friction", "milestone"],
            "sourcing": ["both sides", "seed only", "third party"],
            "title": ["Recognition", "Flag row", "Visit"],
            "year": pd.array([1991, 2009, 2020], dtype="Int64"),
        }
    )


def test_events_intro_counts_and_the_empty_case():
    ev = _events()
    text = dip_text.events_intro(AZE_TUR, ev, dip.events_in_period(ev, 1992))
    assert text.startswith(
        "3 events name both states up to 2025, 2 of them in 1992–2025; 1 rests on the seed documents"
    )
    assert "1 strain in the relationship: Flag row (14 Oct 2009)" in text
    one = dip_text.events_intro(ONE_YEAR, ev, dip.events_in_period(ev, 2020).iloc[-1:])
    assert "1 of them in 2020;" in one
    assert dip_text.events_intro(ARM_RUS, ev.iloc[0:0], ev.iloc[0:0]) == (
        "The events table holds no diplomatic event that names both Armenia and Russia."
    )


def test_votes_behind_and_agenda_sentences():
    yearly = pd.DataFrame(
        {
            "year": [2020, 2021, 2022],
            "n_votes": [60, 150, 70],
            "agreement_share": [0.8, 0.7, 0.75],
            "kappa": [0.2, 0.1, 0.1],
        }
    )
    part = pd.DataFrame(
        {
            "year": [2020, 2021, 2022],
            "n_rollcalls": [62, 155, 70],
            "n_took_part": [61, 153, 70],
            "absent_ARM": [1, 2, 0],
            "absent_RUS": [0, 1, 0],
        }
    )
    switch = {"last_voeten": "2018-12-22", "first_un": "2019-11-07", "year": 2019}
    text = dip_text.votes_behind_sentence(ARM_RUS, yearly, part, switch)
    assert "between 60 and 150 common votes" in text
    assert "Armenia is recorded or inferred absent on 3 votes and Russia on 1" in text
    assert text.endswith("the UN records start with a recorded vote on 7 Nov 2019.")
    # 2021: 153 votes against a median of 70 (> 1.5 times): the agenda sentence, with both absent on 2 votes
    pv = _pv().assign(year=2021)
    agenda = dip_text.agenda_sentence(ARM_RUS, part, yearly, pv)
    assert agenda.startswith("The agenda moves the figures. In 2021 the Assembly held 155 recorded votes")
    assert "(both were absent on 2 votes)" in agenda and "a median of 70 such votes a year over 1992–2025" in agenda
    # a one-year period has no unusual year
    assert dip_text.agenda_sentence(ONE_YEAR, part.iloc[:1], yearly.iloc[:1], pv) == ""


def test_comparator_findings_for_the_pair_both_ways():
    t = pd.DataFrame(
        {
            "anchor": ["ARM", "ARM", "RUS"],
            "partner": ["RUS", "AZE", "AZE"],
            "kappa": [0.35, 0.10, 0.40],
            "distance": [0.5, 1.0, 0.2],
        }
    )
    text = dip_text.comparator_findings(ARM_RUS, t)
    lines = text.splitlines()
    assert lines[0].startswith("- **Armenia and the comparators.** By kappa over 1992–2025, Russia ranks 1 of 2")
    assert lines[1].startswith("- **Russia and the comparators.** By kappa over 1992–2025, Armenia ranks 2 of 2")
    # without comparators there is nothing to rank: no sentence at all
    assert dip_text.comparator_findings(ARM_RUS, t.iloc[:1]) == ""


def test_unreliable_and_ideal_end_sentences():
    bad = pd.DataFrame({"iso3": ["TUR", "KAZ"], "year": [2024, 2024], "n_votes": [7, 3]})
    assert dip_text.unreliable_sentence(AZE_TUR, bad).endswith(": Türkiye 2024 (7 votes).")
    assert dip_text.unreliable_sentence(ARM_RUS, bad) == ""
    assert dip_text.ideal_end_sentence(AZE_TUR, pd.DataFrame({"year": [2023, 2024]})) == (
        "The ideal-point estimates end in 2024."
    )
    assert dip_text.ideal_end_sentence(ONE_YEAR, pd.DataFrame({"year": [2020]})) == ""


def test_cow_sentence_for_pairs_outside_the_extract():
    ex = pd.DataFrame({"iso3_a": ["AZE", "AZE"], "iso3_b": ["TUR", "RUS"], "year": [2000, 2005]})
    assert dip_text.cow_sentence(ARM_RUS, ex, pd.DataFrame()) == (
        "The COW diplomatic-exchange extract holds only rows for Azerbaijan; it does not cover Armenia–Russia."
    )
    assert "has no row for Azerbaijan–Georgia" in dip_text.cow_sentence(_p("AZE", "GEO"), ex, pd.DataFrame())
    assert dip_text.cow_sentence(AZE_TUR, ex, pd.DataFrame({"year": [2000]})) == ""


def test_comparator_periods_caption_names_the_mixed_period():
    switch = {"last_voeten": "2018-12-22", "first_un": "2019-11-07", "year": 2019}
    spans = periods.spans(1992, 2025, 5)
    caption = dip_captions.comparator_periods_caption(AZE_TUR, spans, switch)
    assert caption.startswith("Cohen's kappa by period of 5 years: Azerbaijan (top) and Türkiye (bottom)")
    assert caption.endswith("the 2017–2021 period draws on both.")
    # one-year periods: the year that holds the switch is written once, not as "2019–2019"
    one = dip_captions.comparator_periods_caption(
        _p(start=2018, end=2020, period_years=1), periods.spans(2018, 2020, 1), switch
    )
    assert "no period" not in one and "2019–2019" not in one
    assert dip_captions.comparator_periods_caption(AZE_TUR, spans, {}).endswith("with each other (black).")


def test_captions_follow_the_parameters():
    assert dip_captions.alignment_caption(ARM_RUS).startswith(
        "Armenia and Russia in the UN General Assembly, 1992–2025"
    )
    assert dip_captions.disagreement_caption(ONE_YEAR).endswith("by issue area and vote source, 2020.")
    assert dip_captions.cow_caption(TUR_AZE) == (
        "Level of diplomatic representation between Türkiye and Azerbaijan (COW Diplomatic Exchange)."
    )


def test_display_tables_name_the_states():
    comp = pd.DataFrame(
        {
            "anchor": ["ARM"],
            "partner": ["RUS"],
            "n_votes": [2932],
            "agreement_share": [0.7077],
            "kappa": [0.352],
            "agreement_share_recent": [0.6],
            "kappa_recent": [0.2],
            "distance": [0.5],
            "distance_recent": [float("nan")],
        }
    )
    shown = dip_tables.comparator_display(comp, range(2021, 2026), 2024)
    assert shown.iloc[0].tolist() == ["Armenia – Russia", "2,932", "70.8%", "0.35", "60.0%", "0.20", "0.50", "n/a"]
    assert list(shown.columns)[-1] == "Distance 2021–2024"
    cow = dip_tables.cow_display(ARM_RUS, pd.DataFrame(columns=["year", "level_b_in_a", "level_a_in_b", "exchange"]))
    assert list(cow.columns)[1:3] == ["Russia represented in Armenia", "Armenia represented in Russia"]


@pytest.mark.parametrize("P", [AZE_TUR, ARM_RUS], ids=["AZE-TUR", "ARM-RUS"])
def test_no_data_sentences_name_the_pair(P):
    for text in (
        dip_text.no_ideal_sentence(P),
        dip_text.no_common_vote_sentence(P),
        dip_text.atop_ends_before_sentence(P, 2018),
        dip_text.no_sponsor_years_sentence(P, 2019),
    ):
        assert "1992–2025" in text
    assert P.name_a in dip_text.no_common_vote_sentence(P) and P.name_b in dip_text.no_ideal_sentence(P)
