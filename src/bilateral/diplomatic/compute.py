"""Diplomatic relations, computation: constants, small helpers, the pair's events and UN General Assembly
agreement (share, kappa, participation, the change of vote source).

The functions are pure (frames in, frames out) except :func:`load_votes`, which reads a processed table
through :func:`bilateral.data.load`. The voting measures themselves (agreement share, Cohen's kappa, pairwise
computation) live in :mod:`bilateral.measures` and are reused here, never re-implemented. Periods are
inclusive ``(first, last)`` tuples (:mod:`bilateral.periods`).

Terms used throughout:

* **common vote**: a recorded vote on which both states voted yes, no or abstain. Absences
  (recorded or inferred) never count, for agreement or for disagreement.
* **agreement share**: the share of common votes on which both voted alike; **kappa**: Cohen's
  kappa on the same votes (agreement corrected for the agreement expected by chance given how
  often each state votes yes, no and abstain).
* **vote source**: ``voeten`` (roll calls to session 73, including some paragraph and amendment
  votes) or ``un_dgacm`` (UN records from session 74, October 2019, final resolutions only).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral import periods
from bilateral.errors import ParameterError
from bilateral.events import split_codes
from bilateral.measures import VOTE_CATEGORIES, ordered_pair, pairwise_agreement

__all__ = [
    "EVENT_GROUPS",
    "ISSUE_LABELS",
    "ISSUE_METHODS",
    "LOWY_FULL_HOSTS",
    "LOWY_FULL_SENDERS",
    "PLEDGES",
    "POLITICAL_DIMENSIONS",
    "TIMELINE_TYPES",
    "TIMELINE_TYPES_IF_POLITICAL",
    "YEARS",
    "check_extras",
    "commitments",
    "comparison_pairs",
    "early_years",
    "events_in_period",
    "involves",
    "kappa_margin",
    "load_votes",
    "pair_events",
    "pair_label",
    "participation",
    "periodic_agreement",
    "pooled_agreement",
    "recent_years",
    "security_milestones",
    "source_switch",
    "switch_boundary",
    "yearly_agreement",
]


#: First and last calendar year the report's vote data cover in full (Voeten's roll calls from 1991;
#: UN records to mid-2026, so 2025 is the last complete year). Ideal points end in 2024, ATOP in 2018.
YEARS = (1991, 2025)

#: Issue areas of unga_resolutions (Voeten's codes), in display order, with their names.
ISSUE_LABELS: dict[str, str] = {
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and material",
    "di": "Arms control and disarmament",
    "hr": "Human rights",
    "co": "Colonialism",
    "ec": "Economic development",
    "other": "None of the six areas",
}

#: How the issue areas of a roll call were assigned, by vote source (unga_resolutions.issue_method).
ISSUE_METHODS: dict[str, str] = {
    "voeten_codes": "Voeten's roll calls (his issue codes)",
    "keyword_rules": "UN records from 2019 (keyword rules)",
}

#: Event types shown in the diplomatic timeline (events.type), whatever the event's dimension.
TIMELINE_TYPES = ("treaty", "declaration", "recognition", "visit", "institution")
#: Further event types shown when the event's dimension is diplomatic or military.
TIMELINE_TYPES_IF_POLITICAL = ("agreement", "other")
#: Event categories the report lists and draws on its labelled timeline (events.category), with their names
#: (singular, plural).
EVENT_GROUPS: dict[str, tuple[str, str]] = {
    "friction": ("strain in the relationship", "strains in the relationship"),
    "multilateral": ("multilateral or trilateral format", "multilateral or trilateral formats"),
}
#: Dimensions counted as political for :data:`TIMELINE_TYPES_IF_POLITICAL`.
POLITICAL_DIMENSIONS = ("diplomatic", "military")

#: ATOP obligations (alliances columns), in display order, with their names.
PLEDGES: dict[str, str] = {
    "defense": "Defence",
    "offense": "Offence",
    "neutrality": "Neutrality",
    "nonaggression": "Non-aggression",
    "consultation": "Consultation",
}

#: Lowy senders whose whole network is in the subset, and hosts where every index country's posts are kept
#: (see the diplomatic_posts table description).
LOWY_FULL_SENDERS = ("TUR", "RUS", "ISR", "PAK", "USA")
LOWY_FULL_HOSTS = ("AZE", "TUR", "ARM", "GEO")


# ---------------------------------------------------------------------------------------------
# Loading (the only I/O)
# ---------------------------------------------------------------------------------------------


def load_votes(codes: Iterable[str]) -> pd.DataFrame:
    """unga_votes restricted to the given states (every roll call, every vote including absences)."""
    from bilateral.data import load

    votes = load("unga_votes")
    return votes[votes["iso3"].isin(list(codes))].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def pair_label(a: str, b: str) -> str:
    """``pair_label("AZE", "TUR") == "AZE–TUR"`` (in the order given)."""
    return f"{a}–{b}"


def check_extras(extra: dict) -> None:
    """Check the notebook's extra parameters: ``recent_years`` and ``period_years`` (1–20) and ``n_latest`` (1–100).

    Raises:
        ParameterError: naming the parameter and the allowed range.
    """
    limits = {"recent_years": (1, 20), "period_years": (1, 20), "n_latest": (1, 100)}
    for name, (lo, hi) in limits.items():
        if name in extra and not lo <= extra[name] <= hi:
            raise ParameterError(f"{name}={extra[name]!r} must be between {lo} and {hi}")


def recent_years(years: range, n: int) -> range:
    """The last ``n`` years of ``years`` (all of them if there are fewer)."""
    return range(max(years.start, years.stop - n), years.stop)


def early_years(years: range, n: int) -> range:
    """The first ``n`` years of ``years`` (all of them if there are fewer)."""
    return range(years.start, min(years.stop, years.start + n))


def comparison_pairs(a: str, b: str, comparators: Sequence[str]) -> list[tuple[str, str]]:
    """The pair itself, then each of the pair with every comparator, as ``(anchor, partner)`` tuples."""
    return [(a, b)] + [(a, c) for c in comparators] + [(b, c) for c in comparators]


# ---------------------------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------------------------


def involves(countries: pd.Series, codes: Iterable[str]) -> pd.Series:
    """True where a countries cell (``"AZE|TUR"``, read with :func:`bilateral.events.split_codes`) names every one
    of ``codes``."""
    wanted = set(codes)
    return countries.fillna("").map(lambda s: wanted <= split_codes(s)).astype(bool)


def pair_events(events: pd.DataFrame, a: str, b: str, *, until: int | None = None) -> pd.DataFrame:
    """The pair's diplomatic events: both states named, type as in :data:`TIMELINE_TYPES` (and
    :data:`TIMELINE_TYPES_IF_POLITICAL` for diplomatic or military events) or category friction or
    multilateral, sorted by date.

    Args:
        events: the events table (columns ``date``, ``type``, ``dimension``, ``countries``, ...).
        a, b: ISO3 codes.
        until: last year kept (None keeps all).

    Returns:
        The matching rows with an integer ``year`` column (missing for undated events), undated last.
    """
    ev = events[involves(events["countries"], (a, b))].copy()
    political = ev["dimension"].isin(POLITICAL_DIMENSIONS)
    keep = ev["type"].isin(TIMELINE_TYPES) | (ev["type"].isin(TIMELINE_TYPES_IF_POLITICAL) & political)
    if "category" in ev:  # strains and multilateral formats belong in the diplomatic story, whatever their type
        keep |= ev["category"].isin(("friction", "multilateral"))
    ev = ev[keep]
    ev["year"] = pd.to_numeric(ev["date"].astype("string").str[:4], errors="coerce").astype("Int64")
    if until is not None:
        ev = ev[ev["year"].isna() | (ev["year"] <= until)]
    return ev.sort_values(["date", "event_id"], na_position="last", kind="mergesort").reset_index(drop=True)


def events_in_period(ev: pd.DataFrame, start_year: int) -> pd.DataFrame:
    """The dated events of :func:`pair_events` from ``start_year`` on (the events before are background)."""
    return ev[ev["year"].notna() & (ev["year"] >= start_year)]


def security_milestones(events: pd.DataFrame) -> pd.DataFrame:
    """Treaties, and military declarations and agreements, among already filtered pair events (dated only)."""
    is_treaty = events["type"] == "treaty"
    military = (events["dimension"] == "military") & events["type"].isin(("declaration", "agreement"))
    out = events[(is_treaty | military) & events["year"].notna()]
    return out.drop_duplicates("date", keep="first").reset_index(drop=True)


def commitments(events: pd.DataFrame) -> pd.DataFrame:
    """The pair's formal security commitments among already filtered pair events (dated only): treaties,
    military agreements, and military declarations that are named declarations ("Shusha Declaration ..."),
    not statements such as an allegation or a denial. Sorted by date.
    """
    dated = events[events["year"].notna()]
    military = dated["dimension"] == "military"
    named = dated["title"].astype("string").str.contains("declaration", case=False, na=False)
    keep = (
        (dated["type"] == "treaty")
        | (military & (dated["type"] == "agreement"))
        | (military & (dated["type"] == "declaration") & named)
    )
    return dated[keep].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# UN General Assembly: agreement, kappa, participation, the change of source
# ---------------------------------------------------------------------------------------------


def yearly_agreement(
    agreement: pd.DataFrame, votes: pd.DataFrame, pairs: Iterable[tuple[str, str]], years: Iterable[int]
) -> pd.DataFrame:
    """Agreement share, kappa and number of common votes per year for each pair, oriented as given.

    Pairs stored in ``unga_agreement`` are read from it; others are computed from ``votes`` with
    :func:`bilateral.measures.pairwise_agreement` (the same computation the table is built with).

    Args:
        agreement: the unga_agreement table.
        votes: unga_votes rows covering at least the states of the pairs not in ``agreement``.
        pairs: ``(anchor, partner)`` tuples; the output keeps this orientation.
        years: the years kept.

    Returns:
        Columns ``year, anchor, partner, pair, n_votes, n_same, agreement_share, kappa``, one row per
        pair-year with at least one common vote.
    """
    years = list(years)
    pairs = list(dict.fromkeys(pairs))
    stored = set(zip(agreement["iso3_a"], agreement["iso3_b"]))
    frames = []
    missing = []
    for anchor, partner in pairs:
        key = ordered_pair(anchor, partner)
        if key in stored:
            rows = agreement[
                (agreement["iso3_a"] == key[0]) & (agreement["iso3_b"] == key[1]) & agreement["year"].isin(years)
            ]
            frames.append(rows.assign(anchor=anchor, partner=partner))
        else:
            missing.append((anchor, partner))
    if missing:
        sub = votes[votes["year"].isin(years) & votes["iso3"].isin({c for p in missing for c in p})]
        computed = pairwise_agreement(sub, missing, by="year", vote_id="vote_id", country="iso3", vote="vote")
        for anchor, partner in missing:
            key = ordered_pair(anchor, partner)
            rows = computed[(computed["iso3_a"] == key[0]) & (computed["iso3_b"] == key[1])]
            frames.append(rows.assign(anchor=anchor, partner=partner))
    columns = ["year", "anchor", "partner", "pair", "n_votes", "n_same", "agreement_share", "kappa"]
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)
    out["pair"] = [pair_label(x, y) for x, y in zip(out["anchor"], out["partner"])]
    out["year"] = out["year"].astype(int)
    out["n_votes"] = out["n_votes"].astype(int)
    out["n_same"] = out["n_same"].astype(int)
    out["kappa"] = out["kappa"].astype(float)
    return out[columns].sort_values(["pair", "year"], kind="mergesort").reset_index(drop=True)


def pooled_agreement(votes: pd.DataFrame, pairs: Iterable[tuple[str, str]], years: Iterable[int]) -> pd.DataFrame:
    """Agreement share and kappa over all common votes of the given years pooled (not a mean of years).

    Returns:
        Columns ``anchor, partner, pair, n_votes, n_same, agreement_share, kappa``, in the order of
        ``pairs``; a pair without a common vote gets ``n_votes`` 0 and NaN measures.
    """
    pairs = list(dict.fromkeys(pairs))
    sub = votes[votes["year"].isin(list(years))].assign(period=0)
    computed = pairwise_agreement(sub, pairs, by="period", vote_id="vote_id", country="iso3", vote="vote")
    lookup = {(r.iso3_a, r.iso3_b): r for r in computed.itertuples(index=False)}
    rows = []
    for anchor, partner in pairs:
        r = lookup.get(ordered_pair(anchor, partner))
        rows.append(
            {
                "anchor": anchor,
                "partner": partner,
                "pair": pair_label(anchor, partner),
                "n_votes": int(r.n_votes) if r is not None else 0,
                "n_same": int(r.n_same) if r is not None else 0,
                "agreement_share": float(r.agreement_share) if r is not None else np.nan,
                "kappa": float(r.kappa) if r is not None else np.nan,
            }
        )
    return pd.DataFrame(rows)


def periodic_agreement(
    votes: pd.DataFrame, pairs: Iterable[tuple[str, str]], spans: Sequence[tuple[int, int]]
) -> pd.DataFrame:
    """:func:`pooled_agreement` for each period.

    Args:
        votes: unga_votes rows.
        pairs: ``(anchor, partner)`` tuples.
        spans: inclusive ``(first, last)`` periods, as :func:`bilateral.periods.spans` gives them.

    Returns:
        The columns of :func:`pooled_agreement` plus ``period`` (label such as "1992–1996", or "2020" for one
        year: :func:`bilateral.periods.label`), ``start``, ``end`` and ``mid`` (the period's midpoint, for
        plotting).
    """
    pairs = list(pairs)
    frames = []
    for first, last in spans:
        f = pooled_agreement(votes, pairs, range(first, last + 1))
        frames.append(f.assign(period=periods.label(first, last), start=first, end=last, mid=(first + last) / 2))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def kappa_margin(agreement_share: float, kappa: float, n_votes: int) -> float:
    """About two standard errors of Cohen's kappa on ``n_votes`` common votes (Cohen's large-sample
    approximation, which treats the votes as independent draws and so, if anything, understates the margin).

    With observed agreement p_o and chance agreement p_e = (p_o - kappa) / (1 - kappa), the standard error is
    sqrt(p_o (1 - p_o) / n) / (1 - p_e). NaN when kappa is undefined or there is no vote.

    Example:
        >>> round(kappa_margin(0.8, 6 / 11, 5), 2)  # p_e = 14/25: sqrt(0.8 * 0.2 / 5) / (11/25) * 2
        0.81
    """
    if not n_votes or pd.isna(kappa) or pd.isna(agreement_share) or kappa >= 1:
        return float("nan")
    p_e = (agreement_share - kappa) / (1 - kappa)
    if p_e >= 1:
        return float("nan")
    return float(2 * np.sqrt(agreement_share * (1 - agreement_share) / n_votes) / (1 - p_e))


def participation(votes: pd.DataFrame, codes: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """Per year: recorded votes held, and for each state how many it cast (yes/no/abstain) and missed.

    Args:
        votes: unga_votes rows (with absences).
        codes: the states.
        years: the years kept.

    Returns:
        Columns ``year, n_rollcalls``, ``cast_<ISO3>``, ``absent_<ISO3>`` for each state, then
        ``n_took_part``. A roll call counts in ``n_rollcalls`` if any of the given states has a row for it
        (so it counts only votes held while at least one of them was a member; the UN records infer
        absences, so from 2019 this is every recorded vote of the year); it counts in ``n_took_part``
        only if at least one of the states cast a vote (yes, no or abstain) on it.
    """
    sub = votes[votes["year"].isin(list(years)) & votes["iso3"].isin(list(codes))]
    out = sub.groupby("year")["vote_id"].nunique().rename("n_rollcalls").to_frame()
    took_part = sub[sub["vote"].isin(VOTE_CATEGORIES)].groupby("year")["vote_id"].nunique()
    for code in codes:
        mine = sub[sub["iso3"] == code]
        out[f"cast_{code}"] = mine[mine["vote"].isin(VOTE_CATEGORIES)].groupby("year").size()
        out[f"absent_{code}"] = mine[mine["vote"] == "absent"].groupby("year").size()
    out["n_took_part"] = took_part
    return out.fillna(0).astype(int).reset_index()


def source_switch(resolutions: pd.DataFrame) -> dict:
    """Where the vote series changes source: last Voeten date, first UN-record date, the switch year and
    its position on a year axis (year + fraction of the year elapsed), and the number of roll calls of each."""
    voeten = resolutions[resolutions["source"] == "voeten"]
    un = resolutions[resolutions["source"] == "un_dgacm"]
    if un.empty or voeten.empty:
        return {}
    first_un = pd.Timestamp(un["date"].min())
    last_voeten = pd.Timestamp(voeten["date"].max())
    return {
        "last_voeten": str(voeten["date"].max()),
        "first_un": str(first_un.date()),
        "year": first_un.year,
        "x": first_un.year + (first_un.dayofyear - 1) / 365.25,
        "boundary": switch_boundary(last_voeten.year, first_un.year),
        "n_voeten": len(voeten),
        "n_un": len(un),
    }


def switch_boundary(last_voeten_year: int, first_un_year: int) -> float:
    """Where to draw the change of vote source on an axis of yearly values (one point per year).

    When the two sources meet between calendar years, the line goes half-way between the last Voeten year
    and the first UN-record year, so that every yearly point sits on the side of the source it is computed
    from; when a year holds votes of both sources, the line goes through that year's point.

    Example:
        >>> switch_boundary(2018, 2019)
        2018.5
    """
    return first_un_year - 0.5 if last_voeten_year < first_un_year else float(first_un_year)
