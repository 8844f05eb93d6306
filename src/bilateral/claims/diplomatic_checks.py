"""Claim checks on the diplomatic tables: event dates and counts (``events``), ATOP obligations
(``alliances``), Lowy diplomatic posts (``diplomatic_posts``) and UN General Assembly votes
(``unga_votes``, ``unga_agreement``). Each is ``check_<key>(claim, tables) -> Measurement`` for a key of
:data:`bilateral.claim_registry.CHECK_KEYS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from bilateral import citations, diplomatic, events, fmt, military
from bilateral.claims.helpers import (
    args_of,
    claimed_number,
    date_text,
    first_source_key,
    missing,
    none,
    table_sources,
)
from bilateral.claims.model import EVERY_YEAR_PCT, Measurement
from bilateral.countries import display_name

__all__ = [
    "check_atop_obligation_first_year",
    "check_diplomatic_posts_count",
    "check_event_date",
    "check_events_count_before",
    "check_unga_agreement_rank",
    "check_unga_agreement_share",
]


def check_event_date(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """The date of one event of the ``events`` table, if an independent source (not a seed) supports it.

    An event is independent when its ``sourcing`` is not 'seed only' (older tables without that field:
    when its first citation is not a seed). The measured value names the independent sources that give
    the date (``event_sources``), and, where the event keeps a seed's other date (``date_seed``), says so.
    """
    from bilateral import events as evs

    a = args_of(claim)
    ev = tables["events"]
    rows = ev[ev["event_id"] == a["event_id"]]
    kw = {"table": "events", "sources": table_sources("claims")}
    if rows.empty:
        return none(f"event {a['event_id']} is not in the events table", **kw)
    r = rows.iloc[0]
    seed_only = str(r["sourcing"]) == evs.SEED_ONLY if "sourcing" in r.index else r["source_kind"] == "seed"
    if seed_only:
        return none(f"event {a['event_id']} rests on a seed document, so it cannot test the seed's claim", **kw)
    precision = str(r["date_precision"])
    day = str(r["date"])[:10]
    value = military.event_date_text(day, precision)
    common = {
        "compare": "date",
        "value": value,
        "precision": precision,
        "unit": "date",
        "table": "events",
        "text": f"{date_text(value)} ({a['event_id']}: {r['title']})",
    }
    sources = tables.get("event_sources")
    if sources is not None:
        own = sources[(sources["event_id"] == a["event_id"]) & (sources["side"] != "seed")]
        giving = own[(own["date_given"] == day) & (own["date_precision_given"] == precision)]
        used = giving if len(giving) else own
        by = evs.source_texts(used, [a["event_id"]])[a["event_id"]]
        keys = ["events_press"] if (used["citation_kind"] == "events_press").any() else []
        keys += (
            [first_source_key(str(r["source_kind"]), str(r["source"]))]
            if (used["citation_kind"] != "events_press").any()
            else []
        )
        others = ()
        if "date_seed" in r.index and pd.notna(r["date_seed"]):
            others = (
                f"the seed document's own date for this event: {evs.date_text(r['date_seed'], None)}; the independent "
                f"sources give {evs.date_text(day, precision)}",
            )
        return Measurement(
            **common,
            computation=(
                f"date of event {a['event_id']} ({precision} precision), as the independent sources give it "
                f"(sourcing: {r['sourcing']})"
            ),
            sources=tuple(dict.fromkeys([*keys, "project"])),
            rows=by,
            others=others,
        )
    first = str(r["source"]).split(" | ")[0]
    return Measurement(
        **common,
        computation=f"date of event {a['event_id']} ({precision} precision), whose first source is {citations.kind_name(r['source_kind'])}",
        sources=(first_source_key(str(r["source_kind"]), str(r["source"])), "project"),
        rows=citations.reader_citation(first),
    )


def check_events_count_before(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Events of given types and source kinds involving all given countries, strictly between two dates.

    The count ``n`` makes the claimed "first" event rank ``n + 1`` among them.
    """
    a = args_of(claim)
    ev = tables["events"]
    wanted = events.split_codes(a["countries"])
    day = ev["date"].astype("string").str[:10]
    keep = (
        (day > a["after"])
        & (day < a["before"])
        & ev["type"].isin(a["types"])
        & ev["source_kind"].isin(a["source_kinds"])
        & ev["countries"].map(lambda c: wanted <= events.split_codes(c)).astype(bool)
    )
    found = ev[keep.to_numpy()].sort_values(["date", "event_id"], kind="mergesort")
    n = len(found)
    listing = "; ".join(
        f"{i}, {diplomatic.date_label(d, p)}"
        for i, d, p in zip(found["event_id"], found["date"], found["date_precision"])
    )
    types = " or ".join(a["types"])
    return Measurement(
        compare="rank",
        value=n + 1,
        text=f"rank {n + 1}: {fmt.plural(n, 'earlier ' + types, 'earlier ' + fmt.plural_noun(types))}"
        + (f" ({listing})" if n else ""),
        unit="rank",
        table="events",
        computation=(
            f"events of type {types} whose first source is {fmt.join_and([citations.kind_name(k) for k in a['source_kinds']], 'or')}, "
            f"involving {fmt.join_and(sorted(display_name(c) for c in wanted))}, dated after {fmt.date(a['after'])} and before "
            f"{fmt.date(a['before'])}; the claimed first one ranks 1 + their number"
        ),
        sources=tuple(
            dict.fromkeys([*(first_source_key(k, s) for k, s in zip(found["source_kind"], found["source"])), "project"])
        ),
        rows="; ".join(f"{i}: {t}" for i, t in zip(found["event_id"], found["title"])) if n else "none",
    )


def check_atop_obligation_first_year(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """First year in which ATOP codes the obligation between the pair (either direction), via
    :func:`bilateral.diplomatic.pledges_between`."""
    a = args_of(claim)
    alliances = tables["alliances"]
    pledges = diplomatic.pledges_between(alliances, a["iso3_a"], a["iso3_b"])
    firsts = diplomatic.pledge_first_years(pledges)
    lo, hi = int(alliances["year"].min()), int(alliances["year"].max())
    base = {"table": "alliances", "sources": table_sources("alliances"), "unit": "year"}
    name = diplomatic.PLEDGES.get(a["obligation"], a["obligation"]).lower()
    if a["obligation"] not in firsts:
        return none(
            f"ATOP codes no {name} obligation between {display_name(a['iso3_a'])} and {display_name(a['iso3_b'])} in {fmt.years(lo, hi)}",
            **base,
        )
    first = firsts[a["obligation"]]
    others = tuple(
        f"first year of {diplomatic.PLEDGES[k].lower()}: {v}" for k, v in firsts.items() if k != a["obligation"]
    )
    return Measurement(
        compare="date", value=str(first), precision="year", text=f"{first} (first year with a {name} obligation)",
        computation=f"first year ATOP 5.1 ({fmt.years(lo, hi)}) codes a {name} obligation between the two; ATOP gives years, not days, and does not name the document",
        others=others, rows=f"ATOP 5.1 directed dyad-years, {display_name(a['iso3_a'])}–{display_name(a['iso3_b'])}", **base,
    )  # fmt: skip


def check_diplomatic_posts_count(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Number of the sender's posts in the host state in one Lowy edition (where the subset covers it,
    :func:`bilateral.diplomatic.lowy_covers`)."""
    a = args_of(claim)
    posts = tables["diplomatic_posts"]
    base = {"table": "diplomatic_posts", "sources": table_sources("diplomatic_posts"), "unit": "posts"}
    cover = diplomatic.lowy_covers(posts, a["sender"], a["host"])
    if cover != "covered":
        return none(
            f"the Lowy subset does not cover {display_name(a['sender'])}'s posts in {display_name(a['host'])} ({cover})",
            **base,
        )
    between = diplomatic.posts_between(posts, a["sender"], a["host"])
    between = between[(between["sender"] == a["sender"]) & (between["host"] == a["host"])]
    row = between[between["edition_year"] == int(a["year"])]
    if row.empty:
        return none(f"no Lowy edition labelled {a['year']} in the data", **base)
    r = row.iloc[0]
    others = tuple(
        f"edition {int(e)}: {int(n)}"
        for e, n in zip(between["edition_year"], between["n_posts"])
        if int(e) != int(a["year"])
    )
    return Measurement(
        compare="number", value=float(r["n_posts"]), text=f"{int(r['n_posts'])}: {r['posts']}",
        computation=f"{display_name(a['sender'])}'s posts in {display_name(a['host'])}, Lowy edition labelled {a['year']}",
        others=others, rows=f"Lowy Global Diplomacy Index, edition labelled {a['year']}", **base,
    )  # fmt: skip


def check_unga_agreement_rank(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Rank of the partner among the peers and itself by UN General Assembly vote agreement with ``iso3``,
    pooled over the years (:func:`bilateral.diplomatic.pooled_agreement`): by agreement share and by
    Cohen's kappa, which must agree for a claim to be supported."""
    a = args_of(claim)
    iso3, partner, lo, hi = a["iso3"], a["partner"], int(a["start_year"]), int(a["end_year"])
    group = [partner, *a["peers"]]
    pooled = diplomatic.pooled_agreement(tables["unga_votes"], [(iso3, p) for p in group], range(lo, hi + 1))
    base = {"table": "unga_agreement", "sources": table_sources("unga_agreement"), "unit": "rank"}
    me = pooled[pooled["partner"] == partner].iloc[0]
    if missing(me["agreement_share"]):
        return none(f"{display_name(iso3)} and {display_name(partner)} share no vote in {fmt.years(lo, hi)}", **base)

    def rank(col: str) -> int:
        return 1 + int((pooled[col].dropna() > me[col]).sum())

    r_share, r_kappa = rank("agreement_share"), rank("kappa")
    n = int(pooled["agreement_share"].notna().sum())
    read = (
        ""
        if claimed_number(claim) is not None
        else f"{display_name(partner)} in the upper half of the {n} states compared"
    )
    top = pooled.sort_values("agreement_share", ascending=False, kind="mergesort").head(3)
    topk = pooled.sort_values("kappa", ascending=False, kind="mergesort").head(3)
    return Measurement(
        compare="rank",
        value=r_share,
        second=r_kappa,
        group=n,
        claimed_text=read,
        text=(
            f"rank {r_share} of {n} by agreement share ({fmt.pct(100 * me['agreement_share'], 1)}); "
            f"rank {r_kappa} of {n} by kappa ({fmt.num(me['kappa'], 2)})"
        ),
        computation=(
            f"{display_name(iso3)}'s UN General Assembly vote agreement with {display_name(partner)} and with "
            f"{fmt.join_and(display_name(p) for p in a['peers'])}, pooled over {fmt.years(lo, hi)}, ranked (1 = closest)"
        ),
        others=(
            "highest agreement shares: "
            + ", ".join(
                f"{display_name(p)} {fmt.pct(100 * s, 1)}" for p, s in zip(top["partner"], top["agreement_share"])
            ),
            "highest kappas: "
            + ", ".join(f"{display_name(p)} {fmt.num(k, 2)}" for p, k in zip(topk["partner"], topk["kappa"])),
        ),
        basis="the claim is supported only if both measures give the claimed rank; raw agreement ignores chance, kappa corrects for it",
        rows=f"UN General Assembly roll calls (Voeten to 2019, UN DGACM from 2019), {fmt.years(lo, hi)}",
        **base,
    )


def check_unga_agreement_share(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Years in which the pair voted alike in the UN General Assembly more often than chance (kappa > 0),
    from ``unga_agreement``; the pooled agreement share and kappa give the overall direction."""
    a = args_of(claim)
    x, y, lo, hi = a["iso3_a"], a["iso3_b"], int(a["start_year"]), int(a["end_year"])
    years = range(lo, hi + 1)
    votes = tables["unga_votes"]
    yearly = diplomatic.yearly_agreement(tables["unga_agreement"], votes, [(x, y)], years)
    yearly = yearly[yearly["kappa"].notna()]
    base = {"table": "unga_agreement", "sources": table_sources("unga_agreement"), "unit": "% of years"}
    if yearly.empty:
        return none(f"no UN vote shared by {display_name(x)} and {display_name(y)} in {fmt.years(lo, hi)}", **base)
    above = yearly[yearly["kappa"] > 0]
    k, n = len(above), len(yearly)
    pooled = diplomatic.pooled_agreement(votes, [(x, y)], years).iloc[0]
    not_above = yearly.loc[yearly["kappa"] <= 0, "year"]
    return Measurement(
        compare="years",
        value=100 * k / n,
        claimed=EVERY_YEAR_PCT,
        claimed_text=f"support in every year, {fmt.years(lo, hi)}",
        direction_ok=bool(pooled["kappa"] > 0),
        text=(
            f"voted alike more often than chance (kappa > 0) in {k} of {n} years ({fmt.pct(100 * k / n, 0)})"
            + (f"; not in {military.year_spans(not_above)}" if len(not_above) else "")
        ),
        computation=f"yearly Cohen's kappa of the pair's UN General Assembly votes, {fmt.years(lo, hi)}; overall direction = kappa of all those votes pooled",
        others=(
            f"pooled over {fmt.years(lo, hi)}: agreement share {fmt.pct(100 * pooled['agreement_share'], 1)}, kappa {fmt.num(pooled['kappa'], 2)}",
        ),
        caveat="UN votes are one arena only; support outside the UN is not measured",
        rows=f"UN General Assembly roll calls (Voeten to 2019, UN DGACM from 2019), {fmt.years(lo, hi)}",
        **base,
    )
