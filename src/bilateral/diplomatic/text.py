"""Diplomatic relations, text: the computed sentences of the report's sections, and its methods and sources lists.

Each function returns Markdown text (or "" when there is nothing to say), formatted with :mod:`bilateral.fmt`.
Functions that need the pair, the names or the period take the validated parameters object ``P``
(:class:`bilateral.params.Params`). The key findings are in :mod:`bilateral.diplomatic.findings`, captions and
alt text in :mod:`bilateral.diplomatic.captions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name
from bilateral.diplomatic.compare import TIE_TOLERANCE, both_yes_share, closeness
from bilateral.diplomatic.compute import EVENT_GROUPS
from bilateral.diplomatic.findings import kind_words

__all__ = [
    "agenda_sentence",
    "alliance_not_covered_sentence",
    "atop_ends_before_sentence",
    "caveats_list",
    "comparator_findings",
    "comparator_sentence",
    "cow_sentence",
    "date_label",
    "event_lists",
    "events_intro",
    "events_sourcing_note",
    "ideal_end_sentence",
    "last_year_sentence",
    "lowy_coverage_sentences",
    "no_common_vote_sentence",
    "no_ideal_sentence",
    "no_sponsor_years_sentence",
    "no_top_ten_sentence",
    "on_behalf_sentence",
    "pledges_after_atop_sentence",
    "posts_rank_sentences",
    "say",
    "senders_in_host_sentence",
    "sources_list",
    "splits_sentence",
    "un_rank_sentences",
    "unreliable_sentence",
    "votes_behind_sentence",
]


def say(*texts: str) -> None:
    """Show each text that is not empty as Markdown (:func:`bilateral.figures.md`); "" shows nothing."""
    from bilateral import figures

    for text in texts:
        if text:
            figures.md(text)


def date_label(date: object, precision: object) -> str:
    """A date as precise as the source says (:func:`bilateral.fmt.date`): ``16 Aug 2010`` (day), ``Aug 1992``
    (month), ``1996`` (year); "undated" if missing."""
    return fmt.date(date, precision) or "undated"


def comparator_sentence(comp: pd.DataFrame, anchor: str, other: str, period: str) -> str:
    """Where ``other`` stands among ``anchor``'s partners chosen for the report (``other`` and the comparators of
    :func:`comparator_table`), by kappa and by mean ideal-point distance; empty when there is no comparator to
    rank against. The rank is among these few states only: the all-state ranks are in :mod:`bilateral.ranks`."""
    name, oname = display_name(anchor), display_name(other)
    names = lambda codes: fmt.join_and([display_name(c) for c in codes])  # noqa: E731
    k = closeness(comp, "kappa", anchor)
    d = closeness(comp, "distance", anchor, higher_is_closer=False)
    if k["n"] <= 1:  # a rank needs at least one comparator with a value
        return ""
    within = f"kappa within {fmt.num(TIE_TOLERANCE, 2)}"
    if k["closer"]:
        tail = f"{name} voted more like {names(k['closer'])} than like {oname}"
        if k["tied"]:
            tail += f", and about as much like {names(k['tied'])} ({within})"
    elif k["tied"]:
        tail = f"{name} voted at least as much like {oname} as like any comparator, and about as much like {names(k['tied'])} ({within})"
    else:
        tail = f"{name} voted more like {oname} than like any comparator"
    text = (
        f"By kappa over {period}, {oname} ranks {k['rank']} of {k['n']} among "
        f"{name}'s partners here ({oname} and {k['n'] - 1} comparator{'s' if k['n'] != 2 else ''}): {tail}."
    )
    if d["n"] > 1 and d["rank"]:
        text += (
            f" By mean ideal-point distance {oname} ranks {d['rank']} of {d['n']}"
            + (f" (closer: {names(d['closer'])})" if d["closer"] else "")
            + (f" (about as close: {names(d['tied'])})" if d["tied"] else "")
            + "."
        )
    return text


def events_intro(P, ev: pd.DataFrame, in_period: pd.DataFrame) -> str:
    """How many events name both states, how many fall in the period and rest on the seed documents alone, and
    how many of them are strains and multilateral formats (listed by :func:`event_lists`)."""
    from bilateral import events as evs

    if ev.empty:
        return f"The events table holds no diplomatic event that names both {P.name_a} and {P.name_b}."
    n_seed = int(evs.seed_only(ev).sum())
    text = (
        f"{fmt.integer(len(ev))} events name both states up to {P.end_year}, {fmt.integer(len(in_period))} of them in {P.period}; "
        f"{fmt.integer(n_seed)} {'rests' if n_seed == 1 else 'rest'} on the seed documents alone."
    )
    if in_period.empty:
        return text
    cats = in_period["category"] if "category" in in_period else pd.Series("", index=in_period.index)
    counts = [
        fmt.plural(int((cats == c).sum()), one, many) if (cats == c).any() else f"no {one}"
        for c, (one, many) in EVENT_GROUPS.items()
    ]
    return text + f" Among the events of {P.period} the events table records {fmt.join_and(counts)}."


def event_lists(P, in_period: pd.DataFrame) -> str:
    """The period's strains in the relationship and multilateral or trilateral formats as two Markdown lists,
    oldest first, each item the event's date (as precise as known) and title; a kind without an event says so."""
    cats = in_period["category"] if "category" in in_period else pd.Series("", index=in_period.index)
    blocks = []
    for cat, (_, many) in EVENT_GROUPS.items():
        rows = in_period[cats == cat].sort_values(["date", "event_id"], kind="mergesort")
        heading = many[0].upper() + many[1:]
        if rows.empty:
            blocks.append(f"**{heading}:** none recorded in {P.period}.")
            continue
        items = "\n".join(
            f"- {date_label(d, p)}: {t}" for d, p, t in zip(rows["date"], rows["date_precision"], rows["title"])
        )
        blocks.append(f"**{heading}** ({fmt.integer(len(rows))}):\n\n{items}")
    return "\n\n".join(blocks)


def votes_behind_sentence(P, yearly: pd.DataFrame, part: pd.DataFrame, switch: dict) -> str:
    """How many common votes are behind each year's figures, the absences left out, and where the sources meet."""
    missed = part[[f"absent_{P.country_a}", f"absent_{P.country_b}"]].sum()
    return (
        f"Behind each year's figures are between {fmt.integer(yearly['n_votes'].min())} and {fmt.integer(yearly['n_votes'].max())} "
        f"common votes. Over {P.period}, {P.name_a} is recorded or inferred absent on {fmt.integer(missed.iloc[0])} votes and {P.name_b} on "
        f"{fmt.integer(missed.iloc[1])}; those votes are left out. The last year of Voeten's roll calls here is "
        f"{switch.get('last_voeten', 'n/a')[:4]}; the UN records start with a recorded vote on {fmt.date(switch.get('first_un')) or 'n/a'}."
    )


def agenda_sentence(P, part: pd.DataFrame, yearly: pd.DataFrame, pv: pd.DataFrame) -> str:
    """When one year held far more votes than usual (over 1.5 times the median), how the agenda moves that year's
    figures; "" otherwise."""
    busiest = part.loc[part["n_took_part"].idxmax()]
    typical = part["n_took_part"].median()
    if not busiest["n_took_part"] > 1.5 * typical:
        return ""
    row = yearly[yearly["year"] == busiest["year"]]
    both_absent = int(busiest["n_rollcalls"] - busiest["n_took_part"])
    return (
        f"The agenda moves the figures. In {int(busiest['year'])} the Assembly held {fmt.integer(busiest['n_rollcalls'])} recorded votes; "
        f"at least one of the two took part in {fmt.integer(busiest['n_took_part'])} of them"
        + (f" (both were absent on {fmt.plural(both_absent, 'vote')})" if both_absent else "")
        + f", against a median of {fmt.num(typical, 1 if typical % 1 else 0)} such votes a year over {P.period}; "
        + (
            f"the pair's agreement share that year was {fmt.pct(row['agreement_share'].iloc[0], share=True)} and kappa "
            f"{fmt.num(row['kappa'].iloc[0], 2)}. Both voted yes on {fmt.pct(both_yes_share(pv, [int(busiest['year'])]), share=True)} "
            f"of that year's common votes, against {fmt.pct(both_yes_share(pv), share=True)} over the whole period: "
            f"a different mix of resolutions, not necessarily a change in either state's positions."
            if len(row)
            else ""
        )
    )


def ideal_end_sentence(P, dist: pd.DataFrame) -> str:
    """That the ideal-point estimates end before the period does ("" if they do not)."""
    last = int(dist["year"].max())
    return f"The ideal-point estimates end in {last}." if last < P.end_year else ""


def unreliable_sentence(P, unreliable: pd.DataFrame) -> str:
    """The pair's years left out of the distance as unreliable, with the votes behind each ("" if none)."""
    bad = unreliable[unreliable["iso3"].isin(P.pair)]
    if not len(bad):
        return ""
    return (
        "Left out of the distance as unreliable (the estimate rests on fewer than a quarter of the year's median number of votes): "
        + "; ".join(f"{display_name(r.iso3)} {r.year} ({r.n_votes} votes)" for r in bad.itertuples())
        + "."
    )


def comparator_findings(P, comp: pd.DataFrame) -> str:
    """A list item per state of the pair with :func:`comparator_sentence` (where the other ranks among its
    comparators); "" when neither has a comparator to rank against."""
    return "\n".join(
        f"- **{display_name(x)} and the comparators.** {s}"
        for x, y in (P.pair, P.pair[::-1])
        if (s := comparator_sentence(comp, x, y, P.period))
    )


def splits_sentence(P, kinds: pd.DataFrame) -> str:
    """Every kind of split with its count and share."""
    return (
        f"Of the {fmt.integer(kinds['n_votes'].sum())} splits, "
        + "; ".join(
            f"{kind_words(P, r.kind)}: {fmt.integer(r.n_votes)} ({fmt.pct(r.share, share=True)})"
            for r in kinds.itertuples()
        )
        + ". A split with an abstention is milder than a yes against a no."
    )


def last_year_sentence(extra: pd.DataFrame) -> str:
    """That the last year's sponsor lists may be incomplete, when its share of resolutions with additional
    sponsors is below every earlier year's (:func:`bilateral.diplomatic.ties.last_year_low`); "" otherwise."""
    from bilateral.diplomatic.ties import last_year_low

    if not last_year_low(extra):
        return ""
    last, before = extra.iloc[-1], extra.iloc[:-1]
    return (
        f"The last year may be incomplete: {fmt.pct(last['share_with_additional'], share=True)} of the resolutions adopted in {int(last['year'])} "
        f"list additional sponsors, against {fmt.pct(before['share_with_additional'].min(), share=True)} to "
        f"{fmt.pct(before['share_with_additional'].max(), share=True)} in the earlier years; states that join late may not yet be recorded."
    )


def on_behalf_sentence(groups: Iterable[tuple[str, pd.DataFrame]]) -> str:
    """Sponsorships made on behalf of a group, per state ("" if none).

    Args:
        groups: ``(state, on_behalf_counts frame)`` pairs.
    """
    said = [
        f"{display_name(code)} sponsored {int(g['n_resolutions'].sum())} on behalf of a group ({', '.join(g['on_behalf_of'])})"
        for code, g in groups
        if len(g)
    ]
    return "Some sponsorships are made for a group of states: " + "; ".join(said) + "." if said else ""


def alliance_not_covered_sentence(P, followed: Iterable[str]) -> str:
    """That the ATOP subset does not cover the pair, naming the states it follows."""
    return f"The ATOP subset follows only {', '.join(sorted(followed))} as pledging states; it does not cover {P.name_a}–{P.name_b}."


def pledges_after_atop_sentence(commitments: pd.DataFrame, atop_last: int) -> str:
    """The pair's commitments dated after ATOP's last year, whose effect on the coded obligations ATOP cannot
    show ("" if none).

    Args:
        commitments: :func:`bilateral.diplomatic.compute.commitments`.
    """
    after = commitments[commitments["year"] > atop_last]
    if not len(after):
        return ""
    listed = "; ".join(f"{r.title} ({date_label(r.date, r.date_precision)})" for r in after.itertuples())
    one = len(after) == 1
    return (
        f"ATOP's data end in {atop_last}, before {'this commitment' if one else f'these {fmt.integer(len(after))} commitments'} "
        f"of the pair: {listed}. Whether {'it' if one else 'they'} changed the coded obligations cannot be read from ATOP."
    )


def lowy_coverage_sentences(posts_pair: pd.DataFrame) -> list[str]:
    """For each direction the Lowy subset cannot count, why."""
    out = []
    for (sender, host), g in posts_pair.groupby(["sender", "host"], sort=False):
        status = g["coverage"].iloc[0]
        if status == "not a sender":
            out.append(
                f"The index does not map {display_name(sender)}'s own network: its posts in {display_name(host)} are not in the data."
            )
        elif status == "not in subset":
            out.append(
                f"The subset keeps neither {display_name(sender)}'s whole network nor every post in {display_name(host)}: not covered here."
            )
    return out


def senders_in_host_sentence(host: str, hosts: pd.DataFrame) -> str:
    """How many indexed states have a post in ``host``, per edition ("" when the subset cannot say).

    Args:
        hosts: :func:`bilateral.diplomatic.ties.senders_in_host`.
    """
    if not len(hosts):
        return ""
    return (
        f"Indexed states with a post in {display_name(host)}: "
        + ", ".join(f"{r.n_senders} in {r.edition_year}" for r in hosts.itertuples())
        + " (edition labels; the EU's External Action Service is not counted)."
    )


def cow_sentence(P, exchange: pd.DataFrame, cow_pair: pd.DataFrame) -> str:
    """Why the COW extract has nothing for the pair ("" when it has rows for it)."""
    from bilateral.diplomatic.ties import exchange_sides

    if len(cow_pair):
        return ""
    sides = exchange_sides(exchange)
    if not set(P.pair) & sides:
        names = ", ".join(display_name(s) for s in sorted(sides))
        return (
            f"The COW diplomatic-exchange extract holds only rows for {names}; it does not cover {P.name_a}–{P.name_b}."
        )
    return (
        f"The COW diplomatic-exchange extract has no row for {P.name_a}–{P.name_b}: it keeps Azerbaijan's partners with some "
        f"representation and a few post-Soviet comparators, in {', '.join(str(y) for y in sorted(set(exchange['year'])))}."
    )


def caveats_list(P, keys: Sequence[str]) -> str:
    """The sources' own caveats that concern the pair or the comparators, one list item per source."""
    from bilateral.catalog import SOURCES
    from bilateral.countries import concerns

    codes = [*P.pair, *P.comparators]
    shown = {k: [c for c in SOURCES[k].caveats if concerns(c, codes)] for k in keys}
    return "\n".join(f"- *{SOURCES[k].short}*: " + " ".join(shown[k]) for k in keys if shown[k])


def events_sourcing_note(ev: pd.DataFrame, events: pd.DataFrame, event_sources: pd.DataFrame) -> str:
    """How the events shown are sourced, and where a seed document dates an event differently."""
    from bilateral import events as evs

    dates = evs.date_sentence(ev, event_sources)
    return (
        "**How the events are sourced.** "
        + evs.seed_only_sentence(ev, events, what="this report")
        + (" " + dates if dates else "")
    )


def sources_list(keys: Sequence[str]) -> str:
    """The full citation of every source, one list item each, its version dated in the report's date style."""
    from bilateral.catalog import SOURCES

    return "\n".join(
        f"- **{SOURCES[k].short}.** {SOURCES[k].citation} Version: {fmt.dates_in_text(SOURCES[k].vintage)}. "
        f"Terms: {SOURCES[k].licence}."
        for k in keys
    )


# ---------------------------------------------------------------------------------------------
# Sections without data, and ranks among all states
# ---------------------------------------------------------------------------------------------


def no_ideal_sentence(P) -> str:
    """For a pair without an ideal-point year in the period."""
    return f"The ideal-point data hold no year in {P.period} with estimates for both {P.name_a} and {P.name_b}."


def no_common_vote_sentence(P) -> str:
    """For a pair without a common vote in the period (the section on disagreement)."""
    return f"There is no common vote of {P.name_a} and {P.name_b} in {P.period} to compare."


def no_sponsor_years_sentence(P, first_year: int) -> str:
    """For a period that ends before the UN records of sponsors start."""
    return f"The UN records of sponsors start in {first_year}; the period {P.period} does not reach them."


def atop_ends_before_sentence(P, atop_last: int) -> str:
    """For a period that starts after ATOP's last year."""
    return f"ATOP data end in {atop_last}, before the period {P.period}."


def un_rank_sentences(P, un_ranks: pd.DataFrame) -> str:
    """A list item per state of the pair: where the other ranks among all states (:func:`bilateral.ranks.un_sentence`)."""
    from bilateral import ranks

    return "\n".join(f"- {ranks.un_sentence(un_ranks, x, y, P.period)}" for x, y in (P.pair, P.pair[::-1]))


def no_top_ten_sentence(P, anchor: str) -> str:
    """For a state that shares too few recorded votes with any state to rank them."""
    return f"No state shares enough recorded votes with {display_name(anchor)} in {P.period}: no top ten."


def posts_rank_sentences(P, posts_ranks: pd.DataFrame) -> str:
    """A list item per direction: each state's posts in the other against every sending state
    (:func:`bilateral.ranks.posts_sentence`)."""
    from bilateral import ranks

    return "\n".join(f"- {ranks.posts_sentence(posts_ranks, host, sender)}" for host, sender in (P.pair, P.pair[::-1]))
