"""Diplomatic relations, key findings: the computed sentences at the top of the report, each true for any pair
and period (a finding with nothing to say is "", and :func:`bullets` leaves it out).

Functions that need the pair, the names or the period take the validated parameters object ``P``
(:class:`bilateral.params.Params`). The sentences of the sections are in :mod:`bilateral.diplomatic.text`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name
from bilateral.diplomatic.compare import common
from bilateral.diplomatic.compute import ISSUE_METHODS, PLEDGES
from bilateral.diplomatic.ties import pledge_first_years

__all__ = [
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
    "representation_findings",
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
    """:func:`trend_sentence` for the first and the last years of the period; "" when the period is shorter than
    the two together.

    Args:
        comp: :func:`bilateral.diplomatic.compare.comparator_table` (the pair first, with the recent years' values).
        early: the pair's pooled ``agreement_share`` and ``kappa`` in ``early_years``.
    """
    if len(P.years) < 2 * len(recent_years):
        return ""
    row = comp.iloc[0]
    recent = {"agreement_share": row["agreement_share_recent"], "kappa": row["kappa_recent"]}
    return trend_sentence(
        early,
        fmt.years(early_years.start, early_years.stop - 1),
        recent,
        fmt.years(recent_years.start, recent_years.stop - 1),
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


def ideal_finding(P, reliable: pd.DataFrame) -> str:
    """The ideal-point distance in the first and the latest reliable year, its mean, and which state was further
    from the United States' positions; "" without a reliable year.

    Args:
        reliable: the reliable rows of :func:`bilateral.diplomatic.compare.ideal_distance`.
    """
    if not len(reliable):
        return ""
    last = reliable.iloc[-1]
    lower = P.name_a if last["ideal_a"] < last["ideal_b"] else P.name_b
    return (
        f"The distance between the two states' UN ideal points was {fmt.num(reliable['distance'].iloc[0], 2)} in "
        f"{int(reliable['year'].iloc[0])} and {fmt.num(last['distance'], 2)} in {int(last['year'])}, the latest year with reliable "
        f"estimates for both (mean over {fmt.integer(len(reliable))} years: {fmt.num(reliable['distance'].mean(), 2)}); in "
        f"{int(last['year'])} {lower} was the further of the two from the positions of the United States."
    )


def kind_words(P, kind: str) -> str:
    """A split such as "AZE yes, TUR no" with the states' names."""
    return kind.replace(P.country_a, P.name_a).replace(P.country_b, P.name_b)


def split_finding(P, pv: pd.DataFrame, kinds: pd.DataFrame, by_issue: pd.DataFrame, *, min_votes: int = 20) -> str:
    """How often the pair voted differently, the most frequent kind of split, and the issue area (with at least
    ``min_votes`` common votes) with the highest share of splits; "" without a split."""
    if not (len(common(pv)) and len(kinds)):
        return ""
    recs = by_issue[(by_issue["issue"] != "all") & (by_issue["n_votes"] >= min_votes)].sort_values(
        "disagreement_share", ascending=False
    )
    top = recs.iloc[0] if len(recs) else None
    k0 = kinds.iloc[0]
    text = (
        f"They voted differently on {fmt.integer(kinds['n_votes'].sum())} common votes; "
        f"the most frequent split was {kind_words(P, k0['kind'])} ({fmt.pct(k0['share'], share=True)} of splits)."
    )
    if top is not None:
        text += (
            f" The area with the highest share of splits was {top['label'].lower()} "
            f"({fmt.pct(top['disagreement_share'], share=True)} of {fmt.integer(top['n_votes'])} votes, "
            f"{ISSUE_METHODS[top['issue_method']].split(' (')[0]})."
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
    """Resolutions each state and both sponsored, and the overlap share; or which state never sponsors.

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
    return (
        f"In the UN records ({fmt.years(int(by_year['year'].min()), int(by_year['year'].max()))}), "
        f"{P.name_a} sponsored {fmt.integer(row['n_anchor'])} resolutions and {P.name_b} {fmt.integer(row['n_partner'])}; "
        f"both sponsored {fmt.integer(row['n_both'])}, {fmt.pct(row['overlap_share'], share=True)} of those either sponsored."
    )


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


def alliance_finding(P, pledges: pd.DataFrame, covered: bool, atop_first: int, atop_last: int) -> str:
    """What ATOP records for the pair (:func:`pledge_sentence`), or that it records nothing; "" when the ATOP
    subset does not cover the pair."""
    if not covered:
        return ""
    if len(pledges):
        return pledge_sentence(pledges, atop_last)
    return f"ATOP records no alliance obligation between {P.name_a} and {P.name_b} ({atop_first}–{atop_last})."


def representation_findings(posts_pair: pd.DataFrame) -> list[str]:
    """One sentence per covered direction: the number of posts of one state in the other across Lowy editions.

    Args:
        posts_pair: :func:`bilateral.diplomatic.ties.posts_between`.
    """
    out = []
    covered = posts_pair[posts_pair["coverage"] == "covered"]
    for (sender, host), g in covered.groupby(["sender", "host"], sort=False):
        counts = sorted(set(g["n_posts"].astype(int)))
        eds = fmt.years(int(g["edition_year"].min()), int(g["edition_year"].max()))
        what = f"{counts[0]} posts" if len(counts) == 1 else f"between {counts[0]} and {counts[-1]} posts"
        out.append(f"{display_name(sender)} had {what} in {display_name(host)} in each Lowy edition ({eds} labels).")
    return out


def events_finding(P, in_period: pd.DataFrame) -> str:
    """:func:`bilateral.events.events_finding` for the pair's events of the period."""
    from bilateral import events as evs

    return evs.events_finding(in_period, P.name_a, P.name_b, P.period)
