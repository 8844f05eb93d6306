"""Tests of the diplomatic package's text, caption and display-table functions (bilateral.diplomatic.findings,
.text, .captions, .tables): small frames worked out by hand, each sentence checked on at least two pairs (the
default AZE–TUR and ARM–RUS or the pair reversed) and on the empty or one-year case where it applies."""

from __future__ import annotations

import numpy as np
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
    assert "grew from 0.44 in 1992 to 1.05 in 2023" in text and "(mean over 2 years: 0.74)" in text
    assert text.endswith("in 2023 Azerbaijan was the further of the two from the positions of the United States.")
    # the same years for TUR–AZE: the columns follow the parameters, the words too
    flipped = d.assign(ideal_a=d["ideal_b"], ideal_b=d["ideal_a"])
    assert "in 2023 Azerbaijan was the further" in dip_findings.ideal_finding(TUR_AZE, flipped)
    assert dip_findings.ideal_finding(AZE_TUR, d.iloc[0:0]) == ""
    # one reliable year (a one-year period): no "from ... to", no mean
    one = dip_findings.ideal_finding(ONE_YEAR, _dist([(2020, -0.6, 0.6, 1.2)]))
    assert one.startswith("The distance between the two states' UN ideal points was 1.20 in 2020, the only year")
    # with every state's ideal points: how many stood closer, and whether the ranges overlap
    ideal = _ideal_all()
    text = dip_findings.ideal_finding(AZE_TUR, _dist([(2023, -0.45, 0.60, 1.05)]), ideal)
    assert text.endswith(
        "On this scale 1 of the 2 other states with a reliable estimate stood closer to Azerbaijan than Türkiye did, "
        "and the two states' 90% ranges do not overlap, so the gap is larger than the estimates' uncertainty."
    )


def _ideal_all():
    """2023: AZE -0.45 (-0.6 to -0.3), TUR 0.60 (0.4 to 0.8), KAZ -0.2 (0.25 from AZE), USA 2.0, and RUS with few
    votes (left out)."""
    return pd.DataFrame(
        {
            "iso3": ["AZE", "TUR", "KAZ", "USA", "RUS"],
            "year": [2023] * 5,
            "ideal_point": [-0.45, 0.60, -0.2, 2.0, -0.4],
            "ideal_point_q5": [-0.6, 0.4, -0.3, 1.9, -0.5],
            "ideal_point_q95": [-0.3, 0.8, -0.1, 2.1, -0.3],
            "few_votes": [False, False, False, False, True],
        }
    )


def test_ideal_standing_counts_closer_states_and_checks_the_ranges():
    st = dip_compare.ideal_standing(_ideal_all(), "AZE", "TUR", 2023)
    assert st == {"distance": pytest.approx(1.05), "n_closer": 1, "n_states": 2, "overlap": False}
    # from KAZ, AZE is 0.25 away and TUR 0.8: the ranges of KAZ and AZE do not overlap either (-0.3 vs -0.3 touch)
    assert dip_compare.ideal_standing(_ideal_all(), "KAZ", "AZE", 2023)["overlap"] is True
    assert dip_compare.ideal_standing(_ideal_all(), "AZE", "GEO", 2023)["n_states"] == 0


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
    # 3 splits of 4 common votes; 2 of the 3 are yes/abstain, 1 yes/no; nuclear: 3 of 3 votes split.
    assert text.startswith(
        "They voted differently on 3 of their 4 common votes (75.0%); the most frequent split was Armenia yes, "
        "Russia abstain (66.7% of splits). A yes against a no, the sharpest split, made up 33.3% of them;"
    )
    assert "The area with the highest share of splits was nuclear weapons and material (100.0% of 3 votes" in text
    assert dip_text.splits_sentence(ARM_RUS, kinds).startswith(
        "Of the 3 splits, Armenia yes, Russia abstain: 2 (66.7%); Armenia yes, Russia no: 1 (33.3%)."
    )
    # no area has enough votes: the area sentence is left out; no common vote: nothing
    assert "The area" not in dip_findings.split_finding(ARM_RUS, pv, kinds, by_issue)
    assert dip_findings.split_finding(ARM_RUS, pv.iloc[0:0], kinds.iloc[0:0], by_issue) == ""
    # only yes-against-no splits
    hard = pv.assign(vote_b=["no", "no", "no", "yes"])
    hk = dip_compare.disagreement_kinds(hard, "ARM", "RUS")
    assert "Every split was a yes against a no" in dip_findings.split_finding(ARM_RUS, hard, hk, by_issue)


def test_cosponsorship_finding_for_sponsors_and_for_absent_ones():
    by_year = pd.DataFrame({"year": [2019, 2025]})
    pooled = pd.DataFrame(
        {
            "anchor": ["AZE"],
            "partner": ["TUR"],
            "n_anchor": [199],
            "n_partner": [470],
            "n_both": [121],
            "overlap_share": [121 / 548],
        }
    )
    text = dip_findings.cosponsorship_finding(AZE_TUR, [], by_year, pooled)
    assert text.startswith(
        "In the UN records (2019–2025), Azerbaijan sponsored 199 resolutions and Türkiye 470; both sponsored 121, "
        "22.1% of those either sponsored."
    )
    assert "ranks" not in text  # no comparator: nothing to rank against
    # AZE-RUS 25.3% and AZE-KAZ 29.6% are larger than the pair's 22.1%; TUR-GEO 45.4% larger, TUR-IRN 6.6% smaller:
    # 3rd of 3 for Azerbaijan, 2nd of 3 for Türkiye
    more = pd.concat(
        [
            pooled,
            pd.DataFrame(
                {
                    "anchor": ["AZE", "AZE", "TUR", "TUR"],
                    "partner": ["RUS", "KAZ", "GEO", "IRN"],
                    "overlap_share": [0.253, 0.296, 0.454, 0.066],
                }
            ),
        ],
        ignore_index=True,
    )
    assert dip_findings.cosponsorship_finding(AZE_TUR, [], by_year, more).endswith(
        "the overlap ranks 3rd of 3 among Azerbaijan's and 2nd of 3 among Türkiye's (1st = the largest overlap)."
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
    # an obligation with what it means, and a commitment after the data end
    one = pd.DataFrame({"year": [2017, 2018], **{c: [0, 0] for c in dip.PLEDGES}, "any_pledge": [1, 1]})
    one["nonaggression"] = 1
    later = pd.DataFrame(
        {"year": [2021], "title": ["Shusha Declaration on Allied Relations"], "date": ["2021-06-15"]}
        | {"date_precision": ["day"]}
    )
    text = dip_findings.alliance_finding(AZE_TUR, one, True, 1816, 2018, later)
    assert text == (
        "ATOP records non-aggression from 2017; still in force in 2018, when its data end. The obligation means "
        "non-aggression, not to attack the other. ATOP's data end in 2018, so it does not code the later commitments: "
        "Shusha Declaration on Allied Relations (15 Jun 2021)."
    )


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
    assert dip_findings.representation_finding(_posts_pair()) == (
        "Türkiye had between 2 and 3 posts in Azerbaijan in each Lowy edition (2016–2023 labels). "
        "Azerbaijan's posts in Türkiye are not known: the Lowy subset does not map its network."
    )
    ranks = pd.DataFrame(
        {
            "host": ["AZE"],
            "sender": ["TUR"],
            "edition_year": [2023],
            "status": ["ranked"],
            "n_posts": [3],
            "rank": [1],
            "n_ranked": [33],
            "n_tied": [1],
            "percentile": [100.0],
        }
    )
    assert "in the 2023 edition no index state had more posts in Azerbaijan (1st of 33 index states" in (
        dip_findings.representation_finding(_posts_pair(), ranks)
    )
    # no post at all (Russia in Georgia): said as such, with how many states do have one
    none = _posts_pair().assign(n_posts=pd.array([pd.NA, pd.NA, 0, 0], dtype="Int64"))
    absent = ranks.assign(status="absent", n_posts=0, rank=pd.NA, n_ranked=19)
    assert dip_findings.representation_finding(none, absent).startswith(
        "Türkiye had no post in Azerbaijan in any Lowy edition (2016–2023 labels), while 19 index states have at least "
        "one there."
    )
    # a direction the subset does not keep (Azerbaijan is neither a full-network sender nor a host whose every
    # post is kept): said as such, after the covered direction
    partial = _posts_pair().assign(coverage=["not in subset", "not in subset", "covered", "covered"])
    assert dip_findings.representation_finding(partial).endswith(
        "Azerbaijan's posts in Türkiye are not known: the Lowy subset keeps neither Azerbaijan's whole network "
        "nor every post in Türkiye."
    )
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


def test_events_intro_lists_and_the_empty_case():
    ev = _events()
    in_period = dip.events_in_period(ev, 1992)
    text = dip_text.events_intro(AZE_TUR, ev, in_period)
    assert text == (
        "3 events name both states up to 2025, 2 of them in 1992–2025; 1 rests on the seed documents alone. Among the "
        "events of 1992–2025 the events table records 1 strain in the relationship and no multilateral or trilateral "
        "format."
    )
    assert dip_text.event_lists(AZE_TUR, in_period) == (
        "**Strains in the relationship** (1):\n\n- 14 Oct 2009: Flag row\n\n"
        "**Multilateral or trilateral formats:** none recorded in 1992–2025."
    )
    one = dip_text.events_intro(ONE_YEAR, ev, dip.events_in_period(ev, 2020).iloc[-1:])
    assert "1 of them in 2020;" in one and "no strain in the relationship" in one
    assert dip_text.events_intro(ARM_RUS, ev.iloc[0:0], ev.iloc[0:0]) == (
        "The events table holds no diplomatic event that names both Armenia and Russia."
    )


def test_timeline_caption_states_its_finding():
    ev = pd.concat([_events(), _events().assign(event_id=["E4", "E5", "E6"], category="multilateral")])
    in_period = dip.events_in_period(ev, 1992)
    caption = dip_captions.timeline_caption(AZE_TUR, in_period)
    # one strain (2009); two formats (2009 and 2020)
    assert caption.startswith(
        "The one strain in the relationship falls in 2009; the 2 multilateral or trilateral formats run from 2009 to "
        "2020. Strains in the relationship and multilateral or trilateral formats naming Azerbaijan and Türkiye"
    )
    assert dip_captions.timeline_alt(in_period) == (
        "Labelled timeline, one row per event: 1 strain in the relationship (2009) and 2 multilateral or trilateral "
        "formats (2009–2020), each named as in the lists above."
    )
    # three strains, two of them in one year
    strains = _events().assign(category="friction", year=pd.array([2009, 2009, 2010], dtype="Int64"))
    assert dip_captions.timeline_caption(ARM_RUS, strains).startswith(
        "2 of the 3 strains in the relationship fall in 2009."
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
    periodic = pd.DataFrame(
        {
            "pair": ["AZE–TUR", "AZE–RUS", "TUR–RUS"] * 2,
            "anchor": ["AZE", "AZE", "TUR"] * 2,
            "kappa": [0.43, 0.3, 0.5, 0.01, 0.2, 0.0],
            "period": ["1992–1996"] * 3 + ["2022–2025"] * 3,
        }
    )
    caption = dip_captions.comparator_periods_caption(AZE_TUR, periodic, spans, switch)
    # the finding first: the pair's kappa at both ends; Azerbaijan closer to Russia, Türkiye to Azerbaijan
    assert caption.startswith(
        "The pair's kappa fell from 0.43 to 0.01 (1992–1996 to 2022–2025); in 2022–2025 Azerbaijan voted more like its "
        "comparator than like Türkiye and Türkiye voted more like Azerbaijan than like its comparator. Cohen's kappa by "
        "period of 5 years: Azerbaijan (top) and Türkiye (bottom)"
    )
    assert caption.endswith("the 2017–2021 period draws on both.")
    # one-year periods: the year that holds the switch is written once, not as "2019–2019"
    one = dip_captions.comparator_periods_caption(
        _p(start=2018, end=2020, period_years=1), periodic.iloc[0:0], periods.spans(2018, 2020, 1), switch
    )
    assert one.startswith("Cohen's kappa by period of 1 year:") and "2019–2019" not in one
    assert dip_captions.comparator_periods_caption(AZE_TUR, periodic, spans, {}).endswith("each comparator (grey).")
    # a one-year report has one period, not "periods of 5 years"
    single = dip_captions.comparator_periods_caption(ONE_YEAR, periodic.iloc[0:0], [(2020, 2020)], {})
    assert single.startswith("Cohen's kappa in 2020: Azerbaijan (top)")


def test_captions_follow_the_parameters():
    yearly = pd.DataFrame({"year": [1992, 2025], "agreement_share": [0.836, 0.824], "kappa": [0.57, 0.06]})
    assert dip_captions.alignment_caption(ARM_RUS, yearly).startswith(
        "From 1992 to 2025 the share of votes on which Armenia and Russia voted alike fell from 84% to 82%, while kappa "
        "fell from 0.57 to 0.06. Armenia and Russia in the UN General Assembly, 1992–2025"
    )
    assert dip_captions.alignment_caption(ONE_YEAR, yearly.iloc[1:]).startswith(
        "In 2025 Azerbaijan and Türkiye voted alike on 82% of their common votes (kappa 0.06)."
    )
    by_issue = dip_compare.disagreement_by_issue(_pv())
    assert dip_captions.disagreement_caption(ONE_YEAR, by_issue).endswith("one panel per vote source, 2020.")
    assert dip_captions.disagreement_caption(ONE_YEAR, by_issue.assign(n_votes=0)).startswith("Share of common votes")
    assert dip_tables.cow_caption(TUR_AZE) == (
        "Level of diplomatic representation between Türkiye and Azerbaijan (COW Diplomatic Exchange)."
    )
    # the co-sponsorship note only when the records start in the first year shown
    cos = pd.DataFrame({"date": ["2019-10-15", "2020-01-02"]})
    assert dip_captions.cosponsorship_note(cos, pd.DataFrame({"year": [2019, 2020]})) == (
        "The records start with resolutions adopted on 15 Oct 2019, so the first year is partial."
    )
    assert dip_captions.cosponsorship_note(cos, pd.DataFrame({"year": [2020]})) == ""


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
    shown = dip_tables.comparator_display(comp, range(2021, 2026), 2024, "1992–2025")
    assert shown.iloc[0].tolist() == ["Armenia – Russia", "2,932", "70.8%", "0.35", "0.20", "0.50"]
    assert list(shown.columns)[4] == "Kappa 2021–2025"
    # a period no longer than the recent years: no second kappa column
    assert "Kappa 2020" not in dip_tables.comparator_display(comp, range(2020, 2021), 2024, "2020").columns
    cow = dip_tables.cow_display(ARM_RUS, pd.DataFrame(columns=["year", "level_b_in_a", "level_a_in_b", "exchange"]))
    assert list(cow.columns)[1:3] == ["Russia represented in Armenia", "Armenia represented in Russia"]
    latest = dip_tables.latest_disagreements_display(dip_tables.latest_disagreements(_pv(), "AZE", "TUR", 2))
    assert list(latest.columns) == ["Date", "Resolution", "Issue areas", "Azerbaijan", "Türkiye"]
    assert latest["Resolution"].iloc[0] == "N3 (A/RES/75/3)"


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


def test_kappa_margin_and_trend_with_it():
    # p_o 0.8, kappa 6/11 on 5 votes: p_e = 14/25, SE = sqrt(0.8 * 0.2 / 5) / (11/25) = 0.4066; margin 2 SE
    assert dip.kappa_margin(0.8, 6 / 11, 5) == pytest.approx(2 * (0.16 / 5) ** 0.5 / (11 / 25))
    assert np.isnan(dip.kappa_margin(1.0, float("nan"), 10)) and np.isnan(dip.kappa_margin(0.8, 0.5, 0))
    early = {"agreement_share": 0.7911, "kappa": 0.428, "n_votes": 316}
    comp = _comp().assign(n_votes_recent=[426])
    text = dip_findings.trend_finding(AZE_TUR, comp, early, range(1992, 1997), range(2021, 2026))
    assert "rest on 316 and 426 common votes" in text
    assert "the change of 0.42 is larger than their combined margin of about ±0.19" in text
    # a small change on few votes: within the margin
    small = dip_findings.trend_finding(
        AZE_TUR,
        _comp(0.69, 0.40).assign(n_votes_recent=[40]),
        early | {"n_votes": 30},
        range(1992, 1997),
        range(2021, 2026),
    )
    assert "so it may be chance" in small


def test_commitments_keep_treaties_and_named_declarations_not_statements():
    ev = pd.DataFrame(
        {
            "event_id": ["E1", "E2", "E3", "E4", "E5"],
            "date": ["1994-02-09", "1994-02-09", "2020-10-01", "2021-06-15", "2010-05-17"],
            "type": ["treaty", "agreement", "declaration", "declaration", "agreement"],
            "dimension": ["diplomatic", "military", "military", "military", "diplomatic"],
            "title": ["Friendship treaty", "Protocol", "Macron accuses", "Shusha Declaration", "Council agreed"],
            "year": pd.array([1994, 1994, 2020, 2021, 2010], dtype="Int64"),
        }
    )
    assert dip.commitments(ev)["event_id"].tolist() == ["E1", "E2", "E4"]
    assert dip.commitments(ev.iloc[0:0]).empty


def test_pledges_after_atop_names_the_later_commitments():
    com = pd.DataFrame(
        {
            "year": [1994, 2021],
            "title": ["Friendship treaty", "Shusha Declaration"],
            "date": ["1994-02-09", "2021-06-15"],
            "date_precision": ["day", "day"],
        }
    )
    assert dip_text.pledges_after_atop_sentence(com, 2018) == (
        "ATOP's data end in 2018, before this commitment of the pair: Shusha Declaration (15 Jun 2021). Whether it "
        "changed the coded obligations cannot be read from ATOP."
    )
    assert dip_text.pledges_after_atop_sentence(com.iloc[:1], 2018) == ""


def test_charts_draw_for_one_event_and_without_commitments():
    import matplotlib.pyplot as plt

    from bilateral.diplomatic import plots as dip_plots

    ev = _events().assign(dimension="diplomatic", event_id=["E1", "E2", "E3"])
    fig = dip_plots.plot_timeline(ev, 2020, 2020)  # no strain or format in 2020: an empty frame, no error
    fig = dip_plots.plot_timeline(ev, 1992, 2025)  # one strain
    assert len(fig.axes) == 1 and fig.axes[0].get_title(loc="left") == "Strains in the relationship (1)"
    grid = pd.DataFrame(0, index=list(dip.PLEDGES), columns=[2017, 2018])
    fig = dip_plots.plot_pledges(grid, ev.iloc[0:0], 2018, 2020)
    assert "no treaty or security commitment" in " ".join(t.get_text() for t in fig.axes[1].texts)
    plt.close("all")
