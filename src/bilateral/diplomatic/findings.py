"""Diplomatic relations, key findings: the computed sentences at the top of the report, each true for any pair
and period (a finding with nothing to say is "", and :func:`bullets` leaves it out).

Functions that need the pair, the names or the period take the validated parameters object ``P``
(:class:`bilateral.params.Params`). The sentences of the sections are in :mod:`bilateral.diplomatic.text`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name
from bilateral.diplomatic.compare import closeness, common
from bilateral.diplomatic.compute import ISSUE_METHODS, PLEDGES
from bilateral.diplomatic.ties import pledge_first_years

__all__ = [
    "PLEDGE_MEANINGS",
    "absent_sponsors_sentence",
    "alliance_finding",
    "bullets",
    "cosponsorship_finding",
    "events_finding",
    "ideal_finding",
    "kappa_words",
    "kind_words",
    "no_votes_sentence",
    "pledge_sentence",
    "representation_finding",
    "split_finding",
    "trend_finding",
    "trend_sentence",
    "un_votes_finding",
]


def bullets(findings: Mapping[str, str | Sequence[str]]) -> str:
    """A Markdown list of findings, each led by its label in bold (``- **UN votes.** ...``); a finding may be
    one sentence or a list of them (one item each); empty ones are left out."""
    lines = []
    for label, items in findings.items():
        for item in [items] if isinstance(items, str) else items:
            if item:
                lines.append(f"- **{label}.** {item}")
    return "\n".join(lines)


def kappa_words(kappa: float) -> str:
    """Cohen's kappa in plain words: the share of the agreement possible beyond chance that the pair reached,
    (p_o - p_e) / (1 - p_e). ``kappa_words(0.12) == "12% of the agreement possible beyond chance"``."""
    if pd.isna(kappa):
        return "undefined"
    if round(kappa, 2) == 0:
        return "no more agreement than chance alone would give"
    if kappa < 0:
        return "less agreement than chance alone would give"
    return f"{fmt.pct(kappa * 100, 0)} of the agreement possible beyond chance"


def trend_sentence(early: Mapping[str, float], early_span: str, recent: Mapping[str, float], recent_span: str) -> str:
    """The pair's UN agreement and kappa in the first and the last years of the period, with what kappa means.

    Args:
        early, recent: ``agreement_share`` (0–1) and ``kappa`` of the pair in each span.
        early_span, recent_span: the spans as text (``"1992–1996"``).
    """
    a0, a1 = fmt.pct(early["agreement_share"], share=True), fmt.pct(recent["agreement_share"], share=True)
    if a0 == a1:
        agreement = f"Agreement was {a0} both in {early_span} and in {recent_span}"
    else:
        agreement = f"Agreement {'rose' if recent['agreement_share'] > early['agreement_share'] else 'fell'} from {a0} in {early_span} to {a1} in {recent_span}"
    return (
        f"{agreement}; kappa went from {fmt.num(early['kappa'], 2)} "
        f"({kappa_words(early['kappa'])}) to {fmt.num(recent['kappa'], 2)} ({kappa_words(recent['kappa'])})."
    )


def trend_finding(P, comp: pd.DataFrame, early: Mapping[str, float], early_years: range, recent_years: range) -> str:
    """:func:`trend_sentence` for the first and the last years of the period, with how many votes each rests on
    and whether the change in kappa is larger than its margin of error (:func:`bilateral.diplomatic.compute.
    kappa_margin`); "" when the period is shorter than the two spans together.

    Args:
        comp: :func:`bilateral.diplomatic.compare.comparator_table` (the pair first, with the recent years' values).
        early: the pair's pooled ``agreement_share``, ``kappa`` and ``n_votes`` in ``early_years``.
    """
    from bilateral.diplomatic.compute import kappa_margin

    if len(P.years) < 2 * len(recent_years):
        return ""
    row = comp.iloc[0]
    recent = {"agreement_share": row["agreement_share_recent"], "kappa": row["kappa_recent"]}
    text = trend_sentence(
        early,
        fmt.years(early_years.start, early_years.stop - 1),
        recent,
        fmt.years(recent_years.start, recent_years.stop - 1),
    )
    n0, n1 = int(early.get("n_votes", 0) or 0), int(row.get("n_votes_recent", 0) or 0)
    m0 = kappa_margin(early["agreement_share"], early["kappa"], n0)
    m1 = kappa_margin(recent["agreement_share"], recent["kappa"], n1)
    if pd.isna(m0) or pd.isna(m1):
        return text
    change = abs(float(recent["kappa"]) - float(early["kappa"]))
    margin = float(np.hypot(m0, m1))
    verdict = (
        "larger than their combined margin of about ±{m}, so chance alone does not explain it"
        if change > margin
        else "within their combined margin of about ±{m}, so it may be chance"
    ).format(m=fmt.num(margin, 2))
    return (
        f"{text} The two figures rest on {fmt.integer(n0)} and {fmt.integer(n1)} common votes; on that many votes a "
        f"kappa is uncertain by about ±{fmt.num(m0, 2)} and ±{fmt.num(m1, 2)} (two standard errors), and the change "
        f"of {fmt.num(change, 2)} is {verdict}."
    )


def no_votes_sentence(P, *, section: bool = False) -> str:
    """The sentence for a pair without a common vote in the period (``section``: for the section it empties)."""
    end = ", so this section is empty." if section else "."
    return f"The vote records hold no roll call in {P.period} on which both {P.name_a} and {P.name_b} cast a vote{end}"


def un_votes_finding(P, scores: pd.DataFrame, other_period: str, other_report: str = "overview") -> str:
    """What the pair's UN agreement means among all member states (:func:`bilateral.ranks.un_meaning_sentence`),
    and why another report's default period gives other figures (:func:`bilateral.ranks.un_period_note`).

    Args:
        scores: :func:`bilateral.ranks.un_scores` for the pair over ``P.period`` and ``other_period``.
    """
    from bilateral import ranks

    a, b = P.pair
    return (
        ranks.un_meaning_sentence(scores, a, b, P.period)
        + " "
        + ranks.un_period_note(scores, a, b, P.period, other_period, other_report)
    )


def ideal_finding(P, reliable: pd.DataFrame, ideal: pd.DataFrame | None = None) -> str:
    """The ideal-point distance in the first and the latest reliable year and its mean; which state was further
    from the United States' positions; and, given every state's ideal points, how many states stood closer to
    the first state than the second did and whether the two estimates' ranges overlap. "" without a reliable year.

    Args:
        reliable: the reliable rows of :func:`bilateral.diplomatic.compare.ideal_distance`.
        ideal: the unga_ideal_points table (all states), for :func:`bilateral.diplomatic.compare.ideal_standing`.
    """
    from bilateral.diplomatic.compare import ideal_standing

    if not len(reliable):
        return ""
    first, last = reliable.iloc[0], reliable.iloc[-1]
    y0, y1 = int(first["year"]), int(last["year"])
    d0, d1 = fmt.num(first["distance"], 2), fmt.num(last["distance"], 2)
    lower = P.name_a if last["ideal_a"] < last["ideal_b"] else P.name_b
    if y0 == y1:
        text = (
            f"The distance between the two states' UN ideal points was {d1} in {y1}, the only year with reliable "
            f"estimates for both"
        )
    else:
        moved = "stayed at" if d0 == d1 else ("grew from" if last["distance"] > first["distance"] else "shrank from")
        text = (
            f"The distance between the two states' UN ideal points {moved} {d0} in {y0}"
            + ("" if d0 == d1 else f" to {d1}")
            + f" in {y1}, the latest year with reliable estimates for both (mean over "
            f"{fmt.plural(len(reliable), 'year')}: {fmt.num(reliable['distance'].mean(), 2)})"
        )
    text += f"; in {y1} {lower} was the further of the two from the positions of the United States."
    if ideal is None:
        return text
    st = ideal_standing(ideal, P.country_a, P.country_b, y1)
    if st["n_states"]:
        text += (
            f" On this scale {fmt.integer(st['n_closer'])} of the {fmt.integer(st['n_states'])} other states with a "
            f"reliable estimate stood closer to {P.name_a} than {P.name_b} did"
            + (
                ", and the two states' 90% ranges do not overlap, so the gap is larger than the estimates' uncertainty."
                if not st["overlap"]
                else ", but the two states' 90% ranges overlap, so part of the gap may be estimation noise."
            )
        )
    return text


def kind_words(P, kind: str) -> str:
    """A split such as "AZE yes, TUR no" with the states' names."""
    return kind.replace(P.country_a, P.name_a).replace(P.country_b, P.name_b)


def split_finding(P, pv: pd.DataFrame, kinds: pd.DataFrame, by_issue: pd.DataFrame, *, min_votes: int = 20) -> str:
    """How often the pair voted differently, how sharp the splits were (a yes against a no, or an abstention),
    and the issue area (with at least ``min_votes`` common votes) with the highest share of splits; "" without a
    split."""
    n_common = len(common(pv))
    if not (n_common and len(kinds)):
        return ""
    n_split = int(kinds["n_votes"].sum())
    hard = kinds[kinds[["vote_a", "vote_b"]].apply(lambda r: {r["vote_a"], r["vote_b"]} == {"yes", "no"}, axis=1)]
    k0 = kinds.iloc[0]
    text = (
        f"They voted differently on {fmt.integer(n_split)} of their {fmt.integer(n_common)} common votes "
        f"({fmt.pct(n_split / n_common, share=True)}); the most frequent split was {kind_words(P, k0['kind'])} "
        f"({fmt.pct(k0['share'], share=True)} of splits). "
    )
    n_hard = int(hard["n_votes"].sum())
    text += (
        f"A yes against a no, the sharpest split, made up {fmt.pct(n_hard / n_split, share=True)} of them; "
        "the rest are abstentions, milder than a vote against."
        if n_hard < n_split
        else "Every split was a yes against a no, the sharpest kind."
    )
    recs = by_issue[(by_issue["issue"] != "all") & (by_issue["n_votes"] >= min_votes)].sort_values(
        "disagreement_share", ascending=False
    )
    if len(recs):
        top = recs.iloc[0]
        text += (
            f" The area with the highest share of splits was {top['label'].lower()} "
            f"({fmt.pct(top['disagreement_share'], share=True)} of {fmt.integer(top['n_votes'])} votes, "
            f"{ISSUE_METHODS[top['issue_method']].split(' (')[0]}); areas are assigned by codes or keywords and "
            "overlap, so this points to where they part rather than measuring it."
        )
    return text


def absent_sponsors_sentence(absent: Sequence[str], *, section: bool = False) -> str:
    """The states of the pair that never sponsor a resolution in the UN records ("" if none)."""
    if not absent:
        return ""
    names = " and ".join(display_name(c) for c in absent)
    if section:
        return f"{names} never appears among the sponsors in the UN records, so there is no co-sponsorship to show."
    return f"{names} never appears among the sponsors in the UN records."


def cosponsorship_finding(P, absent: Sequence[str], by_year: pd.DataFrame, pooled: pd.DataFrame) -> str:
    """Resolutions each state and both sponsored, the overlap share and where it ranks among each state's
    partners in the report; or which state never sponsors.

    Args:
        absent: the states of the pair never among the sponsors.
        by_year: :func:`bilateral.diplomatic.ties.cosponsorship_by_year`.
        pooled: :func:`bilateral.diplomatic.ties.cosponsorship_overlap`, the pair first.
    """
    if absent:
        return absent_sponsors_sentence(absent)
    if not len(by_year):
        return ""
    row = pooled.iloc[0]
    text = (
        f"In the UN records ({fmt.years(int(by_year['year'].min()), int(by_year['year'].max()))}), "
        f"{P.name_a} sponsored {fmt.integer(row['n_anchor'])} resolutions and {P.name_b} {fmt.integer(row['n_partner'])}; "
        f"both sponsored {fmt.integer(row['n_both'])}, {fmt.pct(row['overlap_share'], share=True)} of those either sponsored. "
        "Sponsoring is a choice to put one's name to a text, so a shared sponsorship is a stronger sign of common "
        "cause than a shared vote."
    )
    ranked = []
    for anchor in P.pair:
        c = closeness(pooled, "overlap_share", anchor)
        if c["n"] > 1 and c["rank"]:
            ranked.append(f"{fmt.ordinal(c['rank'])} of {fmt.integer(c['n'])} among {fmt.poss(display_name(anchor))}")
    if ranked:
        text += (
            " Among the partners this report compares each state with, the overlap ranks "
            + " and ".join(ranked)
            + " (1st = the largest overlap)."
        )
    return text


def pledge_sentence(pledges: pd.DataFrame, last_year: int) -> str:
    """What ATOP records for a pair: each obligation's first year, and which are in force until when.

    When all end in the same year, one clause: ``"ATOP records non-aggression from 1993, defence from 1994,
    consultation from 2010; still in force in 2018, when its data end."``; otherwise each group of
    obligations gets its own last year (``"...; non-aggression is still in force in 2018, when its data end;
    defence and consultation were last in force in 2008."``). "" if no obligation is recorded.
    """
    starts = sorted(pledge_first_years(pledges).items(), key=lambda kv: kv[1])
    if not starts:
        return ""
    items = ", ".join(f"{PLEDGES[c].lower()} from {first}" for c, first in starts)
    groups: dict[int, list[str]] = {}
    for c, _ in starts:
        groups.setdefault(int(pledges.loc[pledges[c] == 1, "year"].max()), []).append(PLEDGES[c].lower())
    if len(groups) == 1:
        (last,) = groups
        until = (
            f"still in force in {last_year}, when its data end" if last == last_year else f"the last in force in {last}"
        )
        return f"ATOP records {items}; {until}."
    clauses = []
    for last, names in sorted(groups.items(), reverse=True):
        one = len(names) == 1
        if last == last_year:
            clauses.append(
                f"{fmt.join_and(names)} {'is' if one else 'are'} still in force in {last}, when its data end"
            )
        else:
            clauses.append(f"{fmt.join_and(names)} {'was' if one else 'were'} last in force in {last}")
    return f"ATOP records {items}; " + "; ".join(clauses) + "."


#: What each ATOP obligation commits the allies to, in plain words.
PLEDGE_MEANINGS: dict[str, str] = {
    "defense": "defence, to come to the other's aid if it is attacked",
    "offense": "offence, to join the other in a war it starts",
    "neutrality": "neutrality, to stay out of a war the other fights",
    "nonaggression": "non-aggression, not to attack the other",
    "consultation": "consultation, to consult each other in a crisis",
}


def alliance_finding(
    P, pledges: pd.DataFrame, covered: bool, atop_first: int, atop_last: int, commitments: pd.DataFrame | None = None
) -> str:
    """What ATOP records for the pair (:func:`pledge_sentence`) and what those obligations promise, or that it
    records nothing; the pair's commitments after ATOP's last year, which it cannot show. "" when the ATOP subset
    does not cover the pair.

    Args:
        commitments: :func:`bilateral.diplomatic.compute.commitments` of the pair (None: not mentioned).
    """
    if not covered:
        return ""
    if len(pledges):
        held = [c for c in PLEDGES if (pledges[c] == 1).any()]
        text = (
            pledge_sentence(pledges, atop_last)
            + " "
            + ("The obligation means " if len(held) == 1 else "The obligations mean: ")
            + "; ".join(PLEDGE_MEANINGS[c] for c in held)
            + "."
        )
    else:
        text = f"ATOP records no alliance obligation between {P.name_a} and {P.name_b} ({atop_first}–{atop_last})."
    if commitments is not None:
        after = commitments[commitments["year"] > atop_last]
        if len(after):
            names = "; ".join(
                f"{t} ({fmt.date(d, p)})" for t, d, p in zip(after["title"], after["date"], after["date_precision"])
            )
            text += f" ATOP's data end in {atop_last}, so it does not code the later commitments: {names}."
    return text


def representation_finding(posts_pair: pd.DataFrame, posts_ranks: pd.DataFrame | None = None) -> str:
    """A sentence per direction, covered directions first: the number of posts of one state in the other across Lowy editions and, given
    :func:`bilateral.ranks.posts_ranks`, where that count ranks among every index state with a post there; a
    direction the index cannot count says so.

    Args:
        posts_pair: :func:`bilateral.diplomatic.ties.posts_between`.
    """
    from bilateral import ranks

    out, unknown = [], []
    for (sender, host), g in posts_pair.groupby(["sender", "host"], sort=False):
        ns, nh = display_name(sender), display_name(host)
        if g["coverage"].iloc[0] != "covered":
            # "not in subset": the subset keeps a sender's whole network only for some senders, and every
            # post only in some hosts (see the diplomatic_posts table)
            why = (
                "does not map its network"
                if g["coverage"].iloc[0] == "not a sender"
                else f"keeps neither {fmt.poss(ns)} whole network nor every post in {nh}"
            )
            unknown.append(f"{fmt.poss(ns)} posts in {nh} are not known: the Lowy subset {why}.")
            continue
        counts = sorted(set(g["n_posts"].astype(int)))
        eds = fmt.years(int(g["edition_year"].min()), int(g["edition_year"].max()))
        what = fmt.plural(counts[0], "post") if len(counts) == 1 else f"between {counts[0]} and {counts[-1]} posts"
        text = (
            f"{ns} had no post in {nh} in any Lowy edition ({eds} labels)"
            if counts == [0]
            else f"{ns} had {what} in {nh} in each Lowy edition ({eds} labels)"
        )
        r = None
        if posts_ranks is not None:
            rows = posts_ranks[(posts_ranks["host"] == host) & (posts_ranks["sender"] == sender)]
            rows = rows[rows["edition_year"] == rows["edition_year"].max()] if len(rows) else rows
            r = rows.iloc[0] if len(rows) and rows.iloc[0]["status"] in ("ranked", "absent") else None
        if r is not None and r["status"] == "absent":
            n = int(r["n_ranked"])
            text += f", while {fmt.plural(n, 'index state')} {'has' if n == 1 else 'have'} at least one there"
        elif r is not None:
            text += (
                f"; in the {int(r['edition_year'])} edition that ranks {ranks.rank_words(r, 'index state')} with a "
                f"post in {nh}"
                if int(r["rank"]) > 1
                else f"; in the {int(r['edition_year'])} edition no index state had more posts in {nh} "
                f"({ranks.rank_words(r, 'index state')} with a post there)"
            )
        out.append(text + ".")
    return " ".join(out + unknown)


def events_finding(P, in_period: pd.DataFrame) -> str:
    """:func:`bilateral.events.events_finding` for the pair's events of the period, with what the counts can
    and cannot say."""
    from bilateral import events as evs

    text = evs.events_finding(in_period, P.name_a, P.name_b, P.period)
    if in_period.empty:
        return text
    return (
        text + " The table is a curated selection, not a register, so the counts show what is documented rather "
        "than how close the two states were."
    )
