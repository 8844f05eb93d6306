"""Diplomatic relations: events, UN General Assembly alignment, co-sponsorship, alliances, representation.

All computation behind ``notebooks/diplomatic.ipynb``. The functions are pure (frames in, frames
out) except the ``load_*`` helpers, which read processed tables through :func:`bilateral.data.load`.
The voting measures themselves (agreement share, Cohen's kappa, pairwise computation) live in
:mod:`bilateral.measures` and are reused here, never re-implemented.

Terms used throughout:

* **common vote**: a recorded vote on which both states voted yes, no or abstain. Absences
  (recorded or inferred) never count, for agreement or for disagreement.
* **agreement share**: the share of common votes on which both voted alike; **kappa**: Cohen's
  kappa on the same votes (agreement corrected for the agreement expected by chance given how
  often each state votes yes, no and abstain).
* **ideal-point distance**: the absolute difference between two states' ideal points in a year
  (Bailey, Strezhnev & Voeten; final-passage estimates).
* **overlap share** (co-sponsorship): resolutions both sponsored divided by resolutions either
  sponsored (a Jaccard index).
* **vote source**: ``voeten`` (roll calls to session 73, including some paragraph and amendment
  votes) or ``un_dgacm`` (UN records from session 74, October 2019, final resolutions only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from bilateral import citations, fmt
from bilateral.countries import display_name
from bilateral.errors import ParameterError
from bilateral.measures import VOTE_CATEGORIES, ordered_pair, pairwise_agreement

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
    """True where a ``|``-joined countries cell names every one of ``codes``."""
    wanted = set(codes)
    return countries.fillna("").map(lambda s: wanted <= set(s.split("|")))


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


def security_milestones(events: pd.DataFrame) -> pd.DataFrame:
    """Treaties, and military declarations and agreements, among already filtered pair events (dated only)."""
    is_treaty = events["type"] == "treaty"
    military = (events["dimension"] == "military") & events["type"].isin(("declaration", "agreement"))
    out = events[(is_treaty | military) & events["year"].notna()]
    return out.drop_duplicates("date", keep="first").reset_index(drop=True)


def date_label(date: object, precision: object) -> str:
    """A date as precise as the source says (:func:`bilateral.fmt.date`): ``16 Aug 2010`` (day), ``Aug 1992``
    (month), ``1996`` (year); "undated" if missing."""
    return fmt.date(date, precision) or "undated"


def events_table(ev: pd.DataFrame, start_year: int) -> pd.DataFrame:
    """Reader-facing timeline table: date (as precise as known), type, event, source, and whether it
    falls before the report period (background)."""
    return pd.DataFrame(
        {
            "Date": [date_label(d, p) for d, p in zip(ev["date"], ev["date_precision"])],
            "Type": ev["type"].str.replace("_", " "),
            "Event": ev["title"],
            "Period": np.where(ev["year"].fillna(start_year).astype(int) < start_year, "background", "in period"),
            "Source": [citations.reader_citations(x) for x in ev["source"]],
            "Id": ev["event_id"],
        }
    )


# ---------------------------------------------------------------------------------------------
# UN General Assembly: agreement, kappa, participation, ideal points
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


def periods(years: range, width: int) -> list[range]:
    """Consecutive spans of ``width`` years from the first year (the last may be shorter).

    Example:
        >>> [(p.start, p.stop - 1) for p in periods(range(1992, 2003), 5)]
        [(1992, 1996), (1997, 2001), (2002, 2002)]
    """
    if width < 1:
        raise ValueError(f"period width must be at least 1 year, got {width}")
    return [range(y, min(y + width, years.stop)) for y in range(years.start, years.stop, width)]


def periodic_agreement(votes: pd.DataFrame, pairs: Iterable[tuple[str, str]], spans: Sequence[range]) -> pd.DataFrame:
    """:func:`pooled_agreement` for each span of years.

    Returns:
        The columns of :func:`pooled_agreement` plus ``period`` (label such as "1992–1996"), ``start``,
        ``end`` and ``mid`` (the span's midpoint, for plotting).
    """
    pairs = list(pairs)
    frames = []
    for span in spans:
        f = pooled_agreement(votes, pairs, span)
        first, last = span.start, span.stop - 1
        frames.append(
            f.assign(
                period=f"{first}–{last}" if last > first else f"{first}", start=first, end=last, mid=(first + last) / 2
            )
        )
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def above_pair(table: pd.DataFrame, column: str, anchor: str) -> list[str]:
    """The comparators with whom ``anchor`` scores higher on ``column`` than with its pair partner.

    ``table`` is :func:`comparator_table` output (the pair is its first row); returns the partners'
    codes, highest first.
    """
    if table.empty or pd.isna(table[column].iloc[0]):
        return []
    rows = table.iloc[1:]
    rows = rows[(rows["anchor"] == anchor) & (rows[column] > table[column].iloc[0])]
    return list(rows.sort_values(column, ascending=False)["partner"])


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


def ideal_distance(ideal: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """Both states' ideal points per year and the distance between them.

    Args:
        ideal: unga_ideal_points.
        a, b: ISO3 codes.
        years: the years kept.

    Returns:
        Columns ``year, ideal_a, ideal_b, q5_a, q95_a, q5_b, q95_b, distance, few_a, few_b, reliable`` for
        the years both have an estimate; ``few_a``/``few_b`` copy each state's ``few_votes`` flag, ``reliable``
        is False when either is set, and ``distance`` is then still given but should not be read.
    """
    cols = ["year", "ideal_point", "ideal_point_q5", "ideal_point_q95", "few_votes"]
    sub = ideal[ideal["year"].isin(list(years)) & ideal["ideal_point"].notna()]
    left = sub[sub["iso3"] == a][cols].rename(columns=lambda c: c if c == "year" else f"{c}_a")
    right = sub[sub["iso3"] == b][cols].rename(columns=lambda c: c if c == "year" else f"{c}_b")
    m = left.merge(right, on="year", how="inner")
    out = pd.DataFrame(
        {
            "year": m["year"].astype(int),
            "ideal_a": m["ideal_point_a"],
            "ideal_b": m["ideal_point_b"],
            "q5_a": m["ideal_point_q5_a"],
            "q95_a": m["ideal_point_q95_a"],
            "q5_b": m["ideal_point_q5_b"],
            "q95_b": m["ideal_point_q95_b"],
            "distance": (m["ideal_point_a"] - m["ideal_point_b"]).abs(),
            "few_a": m["few_votes_a"].astype(bool),
            "few_b": m["few_votes_b"].astype(bool),
            "reliable": ~(m["few_votes_a"].astype(bool) | m["few_votes_b"].astype(bool)),
        }
    )
    return out.sort_values("year").reset_index(drop=True)


def unreliable_ideal_points(ideal: pd.DataFrame, codes: Iterable[str], years: Iterable[int]) -> pd.DataFrame:
    """Rows of the given states and years flagged ``few_votes`` (iso3, year, n_votes)."""
    sub = ideal[ideal["iso3"].isin(list(codes)) & ideal["year"].isin(list(years)) & ideal["few_votes"].astype(bool)]
    return sub[["iso3", "year", "n_votes"]].sort_values(["year", "iso3"]).reset_index(drop=True)


def mean_distance(ideal: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> tuple[float, int]:
    """Mean ideal-point distance over the reliable years, and the number of those years."""
    d = ideal_distance(ideal, a, b, years)
    d = d[d["reliable"]]
    return (float(d["distance"].mean()) if len(d) else float("nan"), len(d))


def comparator_table(
    votes: pd.DataFrame, ideal: pd.DataFrame, a: str, b: str, comparators: Sequence[str], years: range, recent: range
) -> pd.DataFrame:
    """The pair and each of the pair with every comparator: pooled agreement and kappa over the whole
    period and over the recent years, and the mean ideal-point distance over the period.

    Returns:
        One row per pair (the pair first), columns ``pair, anchor, partner, n_votes, agreement_share,
        kappa, n_votes_recent, agreement_share_recent, kappa_recent, distance, distance_years,
        distance_recent, distance_years_recent`` (distances: means over the years with reliable estimates
        for both; NaN when there is none).
    """
    pairs = comparison_pairs(a, b, comparators)
    whole = pooled_agreement(votes, pairs, years)
    late = pooled_agreement(votes, pairs, recent)[["n_votes", "agreement_share", "kappa"]].add_suffix("_recent")
    out = pd.concat([whole.drop(columns="n_same"), late], axis=1)
    dist = [mean_distance(ideal, x, y, years) for x, y in pairs]
    out["distance"] = [d for d, _ in dist]
    out["distance_years"] = [n for _, n in dist]
    dist_recent = [mean_distance(ideal, x, y, recent) for x, y in pairs]
    out["distance_recent"] = [d for d, _ in dist_recent]
    out["distance_years_recent"] = [n for _, n in dist_recent]
    return out


def rank_of_pair(table: pd.DataFrame, column: str, anchor: str) -> tuple[int, int]:
    """Among the rows of ``table`` whose anchor or partner is ``anchor``, the rank (1 = highest) of the first
    row (the pair) by ``column``, and how many rows had a value. Ties share the better rank."""
    rows = table[(table["anchor"] == anchor) | (table["partner"] == anchor)]
    values = rows[column].dropna()
    if table.empty or pd.isna(table[column].iloc[0]):
        return (0, len(values))
    return (int((values > table[column].iloc[0]).sum()) + 1, len(values))


#: Differences in kappa or ideal-point distance smaller than this are read as ties when the pair is compared
#: with the comparators (both measures are shown to two decimals).
TIE_TOLERANCE = 0.01


def closeness(
    table: pd.DataFrame, column: str, anchor: str, *, higher_is_closer: bool = True, tol: float = TIE_TOLERANCE
) -> dict:
    """How the pair compares with ``anchor``'s ties to the comparators on one measure, ties allowed.

    A comparator is *closer* than the pair partner when its value is better by more than ``tol``, and
    *tied* when the two differ by ``tol`` or less. The rank is one plus the number of closer comparators.

    Args:
        table: :func:`comparator_table` output (the pair first).
        column: ``kappa``, ``agreement_share`` (higher is closer) or ``distance`` (lower is closer).
        anchor: the state of the pair whose partners are compared.
        higher_is_closer: False for distances.
        tol: the tie margin.

    Returns:
        ``rank`` (0 when the pair has no value), ``n`` (partners with a value, the pair included), ``closer``
        and ``tied`` (comparator codes, closest first).

    Example:
        With kappa 0.149 for the pair, 0.151 and 0.53 with two comparators and ``tol`` 0.01, the first
        comparator is tied, the second closer, and the pair ranks 2 of 3.
    """
    rows = table[(table["anchor"] == anchor) | (table["partner"] == anchor)]
    values = rows[column].dropna()
    if table.empty or pd.isna(table[column].iloc[0]):
        return {"rank": 0, "n": len(values), "closer": [], "tied": []}
    ref = float(table[column].iloc[0])
    others = table.iloc[1:]
    others = others[(others["anchor"] == anchor) & others[column].notna()]
    better = (others[column] - ref) if higher_is_closer else (ref - others[column])
    order = others.assign(_b=better).sort_values("_b", ascending=False, kind="mergesort")
    closer = list(order.loc[order["_b"] > tol, "partner"])
    tied = list(order.loc[order["_b"].abs() <= tol, "partner"])
    return {"rank": len(closer) + 1, "n": len(values), "closer": closer, "tied": tied}


# ---------------------------------------------------------------------------------------------
# Where they part: disagreement
# ---------------------------------------------------------------------------------------------


def pair_votes(votes: pd.DataFrame, resolutions: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """The two states' votes side by side on every roll call both have a row for, with the roll call's metadata.

    Returns:
        Columns ``vote_id, date, year, source, resolution, title, issue_method``, the issue flags
        ``issue_<code>`` and ``vote_a, vote_b``.
    """
    sub = votes[votes["year"].isin(list(years))]
    va = sub[sub["iso3"] == a][["vote_id", "vote"]].rename(columns={"vote": "vote_a"})
    vb = sub[sub["iso3"] == b][["vote_id", "vote"]].rename(columns={"vote": "vote_b"})
    issue_cols = [f"issue_{c}" for c in ISSUE_LABELS]
    meta = resolutions[["vote_id", "date", "year", "source", "resolution", "title", "issue_method", *issue_cols]]
    return meta.merge(va.merge(vb, on="vote_id", how="inner"), on="vote_id", how="inner").reset_index(drop=True)


def common(pv: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`pair_votes` on which both voted yes, no or abstain."""
    return pv[pv["vote_a"].isin(VOTE_CATEGORIES) & pv["vote_b"].isin(VOTE_CATEGORIES)]


def both_yes_share(pv: pd.DataFrame, years: Iterable[int] | None = None) -> float:
    """Share of the common votes (optionally of some years only) on which both voted yes."""
    c = common(pv)
    if years is not None:
        c = c[c["year"].isin(list(years))]
    if c.empty:
        return float("nan")
    return float(((c["vote_a"] == "yes") & (c["vote_b"] == "yes")).mean())


def disagreement_by_issue(pv: pd.DataFrame) -> pd.DataFrame:
    """Share of common votes on which the two voted differently, by issue area and issue method.

    A roll call in several areas counts in each; the ``all`` row counts every common vote once.

    Returns:
        Columns ``issue_method, issue, label, n_votes, n_different, disagreement_share`` (NaN share
        where there is no common vote), areas in :data:`ISSUE_LABELS` order then ``all``.
    """
    c = common(pv)
    rows = []
    for method in ISSUE_METHODS:
        m = c[c["issue_method"] == method]
        differ = m["vote_a"] != m["vote_b"]
        for code, label in [*ISSUE_LABELS.items(), ("all", "All recorded votes")]:
            mask = pd.Series(True, index=m.index) if code == "all" else m[f"issue_{code}"].astype(bool)
            n = int(mask.sum())
            k = int((differ & mask).sum())
            rows.append(
                {
                    "issue_method": method,
                    "issue": code,
                    "label": label,
                    "n_votes": n,
                    "n_different": k,
                    "disagreement_share": k / n if n else np.nan,
                }
            )
    return pd.DataFrame(rows)


def disagreement_kinds(pv: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """How the two split on the common votes where they differed: counts of each (vote_a, vote_b) combination.

    Returns:
        Columns ``kind`` (e.g. "AZE yes, TUR no"), ``vote_a``, ``vote_b``, ``n_votes``, ``share`` (of
        all disagreements), most frequent first.
    """
    c = common(pv)
    d = c[c["vote_a"] != c["vote_b"]]
    if d.empty:
        return pd.DataFrame(columns=["kind", "vote_a", "vote_b", "n_votes", "share"])
    counts = d.groupby(["vote_a", "vote_b"]).size().rename("n_votes").reset_index()
    counts["kind"] = [f"{a} {x}, {b} {y}" for x, y in zip(counts["vote_a"], counts["vote_b"])]
    counts["share"] = counts["n_votes"] / counts["n_votes"].sum()
    counts = counts.sort_values(["n_votes", "kind"], ascending=[False, True], kind="mergesort")
    return counts[["kind", "vote_a", "vote_b", "n_votes", "share"]].reset_index(drop=True)


def natural_key(text: object) -> tuple:
    """A sort key that orders the numbers inside a symbol by value: ``A/RES/80/99`` before ``A/RES/80/100``.

    Example:
        >>> sorted(["A/RES/80/100", "A/RES/80/99"], key=natural_key)
        ['A/RES/80/99', 'A/RES/80/100']
    """
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", str(text)) if p)


def latest_disagreements(pv: pd.DataFrame, a: str, b: str, n: int) -> pd.DataFrame:
    """The ``n`` latest common votes on which the two voted differently, newest first, for display.

    Returns:
        Columns ``Date, Resolution, Title, Issue areas``, then one column per state (headed by its name).
    """
    c = common(pv)
    d = c[c["vote_a"] != c["vote_b"]]
    d = (
        d.assign(_key=d["vote_id"].map(natural_key))
        .sort_values(["date", "_key"], ascending=False, kind="mergesort")
        .head(n)
    )
    areas = [
        ", ".join(ISSUE_LABELS[k] for k in ISSUE_LABELS if k != "other" and bool(row[f"issue_{k}"])) or "–"
        for _, row in d.iterrows()
    ]
    return pd.DataFrame(
        {
            "Date": [fmt.date(x, "day") for x in d["date"]],
            "Resolution": d["resolution"].fillna(d["vote_id"]).to_numpy(),
            "Title": d["title"].fillna("(no title in the source)").to_numpy(),
            "Issue areas": areas,
            display_name(a): d["vote_a"].to_numpy(),
            display_name(b): d["vote_b"].to_numpy(),
        }
    )


# ---------------------------------------------------------------------------------------------
# Co-sponsorship
# ---------------------------------------------------------------------------------------------


def cosponsorship_by_year(cos: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """Per year: resolutions with a sponsor list, those each state sponsored, those both sponsored,
    and the overlap share (both / either).

    Args:
        cos: unga_cosponsors (one row per resolution and sponsoring state; sponsors and additional sponsors).
        a, b: ISO3 codes.
        years: the years kept (only years present in ``cos`` appear).

    Returns:
        Columns ``year, n_resolutions, n_a, n_b, n_both, n_either, overlap_share``.
    """
    sub = cos[cos["year"].isin(list(years))]
    rows = []
    for yr, g in sub.groupby("year"):
        sa = set(g.loc[g["iso3"] == a, "resolution"])
        sb = set(g.loc[g["iso3"] == b, "resolution"])
        either = sa | sb
        rows.append(
            {
                "year": int(yr),
                "n_resolutions": g["resolution"].nunique(),
                "n_a": len(sa),
                "n_b": len(sb),
                "n_both": len(sa & sb),
                "n_either": len(either),
                "overlap_share": len(sa & sb) / len(either) if either else np.nan,
            }
        )
    return pd.DataFrame(rows, columns=["year", "n_resolutions", "n_a", "n_b", "n_both", "n_either", "overlap_share"])


def cosponsorship_overlap(cos: pd.DataFrame, pairs: Iterable[tuple[str, str]], years: Iterable[int]) -> pd.DataFrame:
    """Pooled co-sponsorship over the years for each ``(anchor, partner)`` pair.

    Returns:
        Columns ``pair, anchor, partner, n_anchor, n_partner, n_both, overlap_share`` (NaN when
        neither sponsored anything).
    """
    sub = cos[cos["year"].isin(list(years))]
    sets = sub.groupby("iso3")["resolution"].agg(set).to_dict()
    rows = []
    for anchor, partner in pairs:
        sa, sb = sets.get(anchor, set()), sets.get(partner, set())
        either = sa | sb
        rows.append(
            {
                "pair": pair_label(anchor, partner),
                "anchor": anchor,
                "partner": partner,
                "n_anchor": len(sa),
                "n_partner": len(sb),
                "n_both": len(sa & sb),
                "overlap_share": len(sa & sb) / len(either) if either else np.nan,
            }
        )
    return pd.DataFrame(rows)


def additional_sponsor_share(cos: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """Per year: resolutions with a sponsor list and the share of them listing additional sponsors (states
    that joined after the draft was tabled). A last year far below the others suggests late additions not yet
    recorded, which would understate that year's sponsorship counts.

    Returns:
        Columns ``year, n_resolutions, n_with_additional, share_with_additional``.
    """
    sub = cos[cos["year"].isin(list(years))]
    total = sub.groupby("year")["resolution"].nunique()
    extra = (
        sub[sub["role"] == "additional_sponsor"]
        .groupby("year")["resolution"]
        .nunique()
        .reindex(total.index, fill_value=0)
    )
    out = pd.DataFrame(
        {"year": total.index.astype(int), "n_resolutions": total.to_numpy(), "n_with_additional": extra.to_numpy()}
    )
    out["share_with_additional"] = out["n_with_additional"] / out["n_resolutions"]
    return out.reset_index(drop=True)


def last_year_low(shares: pd.DataFrame, column: str = "share_with_additional") -> bool:
    """True when the last year's value is below every earlier year's (and there are at least three years)."""
    if len(shares) < 3:
        return False
    s = shares.sort_values("year")[column]
    return bool(s.iloc[-1] < s.iloc[:-1].min())


def on_behalf_counts(cos: pd.DataFrame, code: str, years: Iterable[int]) -> pd.DataFrame:
    """Resolutions a state sponsored on behalf of a group, by group (``on_behalf_of``), most first."""
    sub = cos[cos["year"].isin(list(years)) & (cos["iso3"] == code) & cos["on_behalf_of"].notna()]
    out = sub.groupby("on_behalf_of")["resolution"].nunique().rename("n_resolutions").reset_index()
    return out.sort_values(["n_resolutions", "on_behalf_of"], ascending=[False, True], kind="mergesort").reset_index(
        drop=True
    )


# ---------------------------------------------------------------------------------------------
# Alliances (ATOP)
# ---------------------------------------------------------------------------------------------


def atop_states(alliances: pd.DataFrame) -> set[str]:
    """States the alliances subset follows as pledging state (``iso3_a``): only their dyads are covered."""
    return set(alliances["iso3_a"].unique())


def pledges_between(alliances: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Obligations in force between two states per year, in either direction of the directed dyad.

    Returns:
        Columns ``year`` and one 0/1 column per obligation in :data:`PLEDGES`, plus ``any_pledge``,
        for the years ATOP records an alliance between them (years without are absent: no pledge).
    """
    cols = [*PLEDGES, "any_pledge"]
    rows = alliances[
        ((alliances["iso3_a"] == a) & (alliances["iso3_b"] == b))
        | ((alliances["iso3_a"] == b) & (alliances["iso3_b"] == a))
    ]
    if rows.empty:
        return pd.DataFrame(columns=["year", *cols])
    out = rows.groupby("year")[cols].max().reset_index()
    out["year"] = out["year"].astype(int)
    for c in cols:
        out[c] = out[c].astype(int)
    return out


def pledge_grid(pledges: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """Obligation x year matrix of 0/1 (rows in :data:`PLEDGES` order), zero where no alliance is recorded."""
    years = list(years)
    grid = (
        pledges.set_index("year")[list(PLEDGES)].reindex(years, fill_value=0)
        if len(pledges)
        else pd.DataFrame(0, index=years, columns=list(PLEDGES))
    )
    return grid.T.astype(int)


def pledge_first_years(pledges: pd.DataFrame) -> dict[str, int]:
    """The first year each obligation is recorded in force (obligations never in force are left out)."""
    return {
        c: int(pledges.loc[pledges[c] == 1, "year"].min()) for c in PLEDGES if len(pledges) and (pledges[c] == 1).any()
    }


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


def pledges_with_partners(
    alliances: pd.DataFrame, anchors: Sequence[str], partners: Sequence[str], year: int
) -> pd.DataFrame:
    """Which obligations each anchor has with each partner in ``year``.

    Returns:
        Columns ``pair, anchor, partner, covered, obligations`` (comma-joined names of the obligations in
        force; "none" if there is none; "not covered" when neither state is followed by the subset).
    """
    followed = atop_states(alliances)
    rows = []
    for anchor in anchors:
        for partner in partners:
            if anchor == partner:
                continue
            covered = anchor in followed or partner in followed
            p = pledges_between(alliances, anchor, partner)
            p = p[p["year"] == year]
            names = [PLEDGES[c] for c in PLEDGES if len(p) and int(p[c].iloc[0]) == 1]
            rows.append(
                {
                    "pair": pair_label(anchor, partner),
                    "anchor": anchor,
                    "partner": partner,
                    "covered": covered,
                    "obligations": (", ".join(names) if names else "none") if covered else "not covered",
                }
            )
    return pd.DataFrame(rows, columns=["pair", "anchor", "partner", "covered", "obligations"])


# ---------------------------------------------------------------------------------------------
# Representation: Lowy posts and COW diplomatic exchange
# ---------------------------------------------------------------------------------------------


def lowy_covers(posts: pd.DataFrame, sender: str, host: str) -> str:
    """Whether the posts subset can say how many posts ``sender`` has in ``host``.

    Returns:
        ``"covered"`` (a count, including zero, is meaningful), ``"not a sender"`` (the state never
        appears as a sending country: the index does not cover its network), or ``"not in subset"``
        (the subset keeps neither the sender's whole network nor every post in the host).
    """
    if sender not in set(posts["sender_iso3"]):
        return "not a sender"
    if sender in LOWY_FULL_SENDERS or host in LOWY_FULL_HOSTS:
        return "covered"
    return "not in subset"


def posts_between(posts: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Posts of each state in the other, by edition, where the subset covers that direction.

    Returns:
        Columns ``edition_year, sender, host, coverage, n_posts, posts`` (``"City (title)"``, ``; ``-joined);
        ``n_posts`` is missing where the direction is not covered. Editions are those with at least
        100 rows in the subset (the 2019 label has 3 rows and is left out).
    """
    editions = [int(e) for e, n in posts.groupby("edition_year").size().items() if n >= 100]
    rows = []
    for sender, host in ((a, b), (b, a)):
        coverage = lowy_covers(posts, sender, host)
        for ed in editions:
            p = posts[(posts["edition_year"] == ed) & (posts["sender_iso3"] == sender) & (posts["host_iso3"] == host)]
            p = p.sort_values(["post_type", "host_city"], kind="mergesort")
            rows.append(
                {
                    "edition_year": ed,
                    "sender": sender,
                    "host": host,
                    "coverage": coverage,
                    "n_posts": len(p) if coverage == "covered" else pd.NA,
                    "posts": "; ".join(f"{c} ({t})" for c, t in zip(p["host_city"], p["post_title"]))
                    if coverage == "covered"
                    else "",
                }
            )
    out = pd.DataFrame(rows, columns=["edition_year", "sender", "host", "coverage", "n_posts", "posts"])
    out["n_posts"] = out["n_posts"].astype("Int64")
    return out


def senders_in_host(posts: pd.DataFrame, host: str) -> pd.DataFrame:
    """For a host the subset covers fully: per edition, how many index countries have a post there, and their posts.

    Returns:
        Columns ``edition_year, n_senders, n_posts`` (editions with 100+ rows only); empty if ``host`` is
        not one of :data:`LOWY_FULL_HOSTS`.
    """
    if host not in LOWY_FULL_HOSTS:
        return pd.DataFrame(columns=["edition_year", "n_senders", "n_posts"])
    editions = [int(e) for e, n in posts.groupby("edition_year").size().items() if n >= 100]
    p = posts[(posts["host_iso3"] == host) & posts["edition_year"].isin(editions)]
    out = (
        p.groupby("edition_year")
        .agg(n_senders=("sender_iso3", "nunique"), n_posts=("host_city", "size"))
        .reindex(editions, fill_value=0)
    )
    return out.rename_axis("edition_year").reset_index()


def posts_matrix(posts: pd.DataFrame, senders: Sequence[str], hosts: Sequence[str], edition: int) -> pd.DataFrame:
    """Number of posts of each sender in each host in one edition; missing where the subset does not cover
    the direction (see :func:`lowy_covers`) and for a state and itself.

    Returns:
        A frame indexed by host, one ``Int64`` column per sender.
    """
    p = posts[posts["edition_year"] == edition]
    out = pd.DataFrame(index=pd.Index(list(hosts), name="host"))
    for sender in senders:
        counts = p[p["sender_iso3"] == sender].groupby("host_iso3").size()
        values = [
            pd.NA if sender == host or lowy_covers(posts, sender, host) != "covered" else int(counts.get(host, 0))
            for host in hosts
        ]
        out[sender] = pd.array(values, dtype="Int64")
    return out


def exchange_between(exchange: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """COW representation between two states per covered year, oriented as given.

    The extract holds rows with Azerbaijan as side a only; a pair without Azerbaijan gets an empty frame.

    Returns:
        Columns ``year, level_b_in_a, level_a_in_b`` (names of the levels), ``exchange``.
    """
    cols = ["year", "level_b_in_a", "level_a_in_b", "exchange"]
    direct = exchange[(exchange["iso3_a"] == a) & (exchange["iso3_b"] == b)]
    if len(direct):
        out = pd.DataFrame(
            {
                "year": direct["year"],
                "level_b_in_a": direct["level_in_a_meaning"],
                "level_a_in_b": direct["level_in_b_meaning"],
                "exchange": direct["exchange"],
            }
        )
    else:
        rev = exchange[(exchange["iso3_a"] == b) & (exchange["iso3_b"] == a)]
        out = pd.DataFrame(
            {
                "year": rev["year"],
                "level_b_in_a": rev["level_in_b_meaning"],
                "level_a_in_b": rev["level_in_a_meaning"],
                "exchange": rev["exchange"],
            }
        )
    return (
        out[cols].astype({"year": int}).sort_values("year").reset_index(drop=True)
        if len(out)
        else pd.DataFrame(columns=cols)
    )


def exchange_sides(exchange: pd.DataFrame) -> set[str]:
    """The states the COW extract covers as side a (Azerbaijan only)."""
    return set(exchange["iso3_a"].unique())


# ---------------------------------------------------------------------------------------------
# Plots (each returns a figure for bilateral.figures.show)
# ---------------------------------------------------------------------------------------------


def comparator_colours(codes: Sequence[str], pair: Sequence[str]) -> dict[str, str]:
    """A distinct colour per comparator, the same as in every chart of the suite (see
    :func:`bilateral.figures.country_colours`; the pair's own colours and black are never given to a comparator)."""
    from bilateral import figures

    colours = figures.country_colours(codes, pair)
    return {code: colours[code] for code in codes}


def mark_switch(ax, switch: dict, *, label: bool = True) -> None:
    """A dashed vertical line where the vote source changes, between the last yearly value from Voeten's roll
    calls and the first from the UN records (see :func:`switch_boundary`)."""
    if not switch:
        return
    from bilateral import figures

    ax.axvline(switch["boundary"], color="#444444", linestyle="--", linewidth=0.9, zorder=1)
    if label:
        ax.annotate(
            "UN records\nfrom " + pd.Timestamp(switch["first_un"]).strftime("%b %Y"),
            xy=(switch["boundary"], 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -2),
            textcoords="offset points",
            va="top",
            ha="left",
            fontsize=figures.SMALL_TEXT_PT,
            color="#444444",
        )


def plot_alignment(yearly: pd.DataFrame, part: pd.DataFrame, a: str, b: str, switch: dict):
    """Two panels: agreement share and kappa per year (top); roll calls held and common votes (bottom)."""
    from bilateral import figures

    fig, (top, bottom) = figures.new("tall", nrows=2, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]})
    y = yearly.sort_values("year")
    # measures of the pair, not of one state: black and grey, not a country's colour
    top.plot(y["year"], y["agreement_share"], marker="o", markersize=3, color="black", label="Agreement share")
    top.plot(y["year"], y["kappa"], marker="s", markersize=3, color=figures.GREY, label="Cohen's kappa")
    top.axhline(0, color=figures.GREY, linewidth=0.6)
    top.set_ylim(min(-0.1, float(np.nanmin(y["kappa"])) - 0.05) if len(y) else -0.1, 1.02)
    top.set_ylabel("Share / coefficient")
    figures.label_line_ends(top)
    mark_switch(top, switch)
    bottom.bar(part["year"], part["n_rollcalls"], color="#cccccc", label="Recorded votes held")
    bottom.bar(
        y["year"],
        y["n_votes"],
        color="black",
        width=0.5,
        label=f"Common votes (both {display_name(a)} and {display_name(b)} voted)",
    )
    bottom.set_ylabel("Votes")
    bottom.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
    mark_switch(bottom, switch, label=False)
    bottom.set_xlabel("Year")
    return fig


def plot_ideal(dist: pd.DataFrame, a: str, b: str):
    """Two panels: both ideal points with 5–95% posterior bands (top); the distance between them (bottom).
    Unreliable years (few votes) are drawn hollow and left out of the distance line. No source switch is
    marked: the ideal points are estimated from their own vote data, not from the project's spliced series."""
    from bilateral import figures

    fig, (top, bottom) = figures.new("tall", nrows=2, sharex=True, gridspec_kw={"height_ratios": [1.6, 1]})
    for side, code in (("a", a), ("b", b)):
        col = figures.colour(code, 0 if side == "a" else 1)
        top.fill_between(dist["year"], dist[f"q5_{side}"], dist[f"q95_{side}"], color=col, alpha=0.18, linewidth=0)
        top.plot(dist["year"], dist[f"ideal_{side}"], color=col, marker="o", markersize=3, label=display_name(code))
    if (dist["few_a"] | dist["few_b"]).any():
        for side in ("a", "b"):
            bad = dist[dist[f"few_{side}"]]
            top.scatter(
                bad["year"],
                bad[f"ideal_{side}"],
                s=40,
                facecolors="white",
                edgecolors="black",
                zorder=5,
                linewidths=0.8,
            )
        top.scatter([], [], s=40, facecolors="white", edgecolors="black", label="Few votes: unreliable")
    top.set_ylabel("Ideal point (latent scale)")
    top.legend(loc="best")
    good = dist[dist["reliable"]]
    bottom.plot(good["year"], good["distance"], color=figures.GREY, marker="o", markersize=3)
    bottom.set_ylabel("Distance")
    bottom.set_ylim(bottom=0)
    bottom.set_xlabel("Year")
    return fig


def plot_comparator_periods(
    periodic: pd.DataFrame, a: str, b: str, comparators: Sequence[str], switch: dict, column: str = "kappa"
):
    """Two panels (one per state of the pair): ``column`` by period with each comparator, the pair in bold black.

    Args:
        periodic: :func:`periodic_agreement` output for :func:`comparison_pairs`.
    """
    from bilateral import figures

    fig, axes = figures.new("tall", nrows=2, sharex=True, sharey=True)
    colours = comparator_colours(comparators, (a, b))
    for ax, anchor in zip(axes, (a, b)):
        for c in comparators:
            s = periodic[periodic["pair"] == pair_label(anchor, c)]
            if s[column].notna().any():
                ax.plot(
                    s["mid"],
                    s[column],
                    color=colours[c],
                    linewidth=1.1,
                    marker="o",
                    markersize=3,
                    label=display_name(c),
                )
        s = periodic[periodic["pair"] == pair_label(a, b)]
        other = b if anchor == a else a
        ax.plot(
            s["mid"],
            s[column],
            color="black",
            linewidth=2.2,
            marker="o",
            markersize=4,
            label=f"{display_name(other)} (the pair)",
        )
        ax.axhline(0, color=figures.GREY, linewidth=0.6)
        ax.set_title(f"{display_name(anchor)} with …", loc="left")
        ax.set_ylabel("Cohen's kappa" if column == "kappa" else "Agreement share")
        mark_switch(ax, switch, label=False)
    spans = periodic.drop_duplicates("period")
    axes[-1].set_xticks(spans["mid"], spans["period"], rotation=30, ha="right", fontsize=figures.SMALL_TEXT_PT)
    for ax in axes:  # names at the line ends instead of a legend
        figures.label_line_ends(ax, fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_comparator_dots(table: pd.DataFrame, a: str, b: str):
    """Dot chart, one row per pair (the pair in black): pooled agreement share (left), kappa (middle) and mean
    ideal-point distance (right; lower is closer), for the whole period (dots) and the recent years (diamonds)."""
    from bilateral import figures

    t = table.iloc[::-1].reset_index(drop=True)
    fig, axes = figures.new("tall", ncols=3, sharey=True)
    ypos = np.arange(len(t))
    colours = [
        "black" if p == pair_label(a, b) else figures.colour(an, 0 if an == a else 1)
        for p, an in zip(t["pair"], t["anchor"])
    ]
    panels = (
        (axes[0], "agreement_share", "Agreement share\n(higher = closer)"),
        (axes[1], "kappa", "Cohen's kappa\n(higher = closer)"),
        (axes[2], "distance", "Ideal-point distance\n(lower = closer)"),
    )
    for ax, col, label in panels:
        start = t[col].min(skipna=True) - 0.05 if col == "agreement_share" else 0
        ax.hlines(ypos, start, t[col], color="#cccccc", linewidth=1)
        ax.scatter(t[col], ypos, color=colours, zorder=3, s=22)
        ax.scatter(t[f"{col}_recent"], ypos, facecolors="none", edgecolors=colours, zorder=3, s=30, marker="D")
        ax.set_xlabel(label, fontsize=8.5)
        ax.tick_params(axis="x", labelsize=figures.SMALL_TEXT_PT)
        ax.grid(axis="y", visible=False)
    axes[0].set_yticks(ypos, [p.replace("–", " – ") for p in t["pair"]], fontsize=figures.SMALL_TEXT_PT)
    axes[2].set_xlim(left=0)
    axes[2].scatter([], [], color=figures.GREY, s=22, label="Whole period")
    axes[2].scatter([], [], facecolors="none", edgecolors=figures.GREY, s=30, marker="D", label="Recent years")
    fig.legend(loc="outside lower center", ncols=2, fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_issue_disagreement(by_issue: pd.DataFrame):
    """Horizontal bars: disagreement share by issue area, one bar per issue method (vote source)."""
    from bilateral import figures

    fig, ax = figures.new("tall")
    labels = list(dict.fromkeys(by_issue["label"]))
    ypos = np.arange(len(labels))[::-1]
    height = 0.38
    for i, (method, name) in enumerate(ISSUE_METHODS.items()):
        rows = by_issue[by_issue["issue_method"] == method].set_index("label").reindex(labels)
        vals = rows["disagreement_share"].fillna(0) * 100
        ax.barh(ypos + (0.2 if i == 0 else -0.2), vals, height=height, color=figures.PALETTE[i], label=name)
        for y_, v, n in zip(ypos + (0.2 if i == 0 else -0.2), rows["disagreement_share"], rows["n_votes"]):
            text = "no votes" if not n or pd.isna(n) else f"{v * 100:.0f}% of {int(n)}"
            ax.text((0 if pd.isna(v) else v * 100) + 0.5, y_, text, va="center", fontsize=figures.SMALL_TEXT_PT)
    ax.set_yticks(ypos, labels)
    ax.set_xlabel("Voted differently (% of common votes)")
    ax.set_xlim(0, max(10.0, float(by_issue["disagreement_share"].max(skipna=True) or 0) * 100 * 1.35))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper right", fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_cosponsorship(by_year: pd.DataFrame, a: str, b: str):
    """Grouped bars per year: resolutions sponsored by each state and by both (top); the overlap share in a
    panel below on the same year axis (no second y axis)."""
    from bilateral import figures

    fig, (ax, ax2) = figures.new("tall", 2, 1, sharex=True, gridspec_kw={"height_ratios": [2.2, 1]})
    x = by_year["year"].to_numpy()
    w = 0.27
    ax.bar(x - w, by_year["n_a"], width=w, color=figures.colour(a, 0), label=f"Sponsored by {display_name(a)}")
    ax.bar(x, by_year["n_b"], width=w, color=figures.colour(b, 1), label=f"Sponsored by {display_name(b)}")
    ax.bar(x + w, by_year["n_both"], width=w, color="black", label="By both")
    ax.set_ylabel("Resolutions")
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
    ax2.plot(x, by_year["overlap_share"] * 100, color="black", marker="o", markersize=3, linewidth=1.2)
    ax2.set_ylim(0, 100)
    ax2.set_ylabel("Overlap share (%)")
    ax2.set_xticks(x, [str(v) for v in x])
    return fig


def plot_pledges(grid: pd.DataFrame, milestones: pd.DataFrame, atop_last: int, end_year: int):
    """Obligation x year grid of ATOP pledges in force, with the pair's treaties marked and the years after
    ATOP's last year shaded."""
    from matplotlib.patches import Patch

    from bilateral import figures

    fig, ax = figures.new("wide")
    years = list(grid.columns)
    names = [PLEDGES[c] for c in grid.index]
    for i, c in enumerate(grid.index):
        on = [y for y in years if grid.loc[c, y] == 1]
        ax.scatter(on, [i] * len(on), marker="s", s=30, color=figures.PALETTE[0], zorder=3)
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(-0.7, len(names) - 0.3)
    ax.invert_yaxis()
    lo, hi = min(years), max(end_year, max(years))
    ax.set_xlim(lo - 0.8, hi + 0.8)
    if atop_last < hi:
        ax.axvspan(atop_last + 0.5, hi + 0.8, color="#eeeeee", zorder=0)
        ax.text(
            atop_last + 0.7,
            -0.55,
            f"no ATOP data\nafter {atop_last}",
            fontsize=figures.SMALL_TEXT_PT,
            color=figures.GREY,
            va="top",
        )
    for k, (_, ev) in enumerate(milestones.iterrows()):
        x = pd.Timestamp(str(ev["date"]))
        xv = x.year + (x.dayofyear - 1) / 365.25
        if lo - 0.8 <= xv <= hi + 0.8:
            ax.axvline(xv, color=figures.PALETTE[3], linewidth=1, linestyle="--", zorder=2)
            ax.annotate(
                str(k + 1),
                xy=(xv, 0),
                xycoords=("data", "axes fraction"),
                xytext=(2, 2),
                textcoords="offset points",
                fontsize=figures.SMALL_TEXT_PT,
                color=figures.PALETTE[3],
            )
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Year")
    ax.legend(
        handles=[
            Patch(color=figures.PALETTE[0], label="Obligation in force (ATOP)"),
            Patch(color=figures.PALETTE[3], label="Treaty or declaration (numbered, events table)"),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.22),
        ncols=2,
        fontsize=figures.SMALL_TEXT_PT,
    )
    return fig


#: Order of event types on the timeline's axis (top to bottom).
TIMELINE_ORDER = ("recognition", "treaty", "declaration", "agreement", "visit", "institution", "other")


def plot_timeline(ev: pd.DataFrame, start_year: int, end_year: int):
    """Dated events on a year axis, one row per event type (each dot one event of the events table)."""
    from bilateral import figures

    fig, ax = figures.new("wide")
    ev = ev[ev["year"].notna() & (ev["year"] >= start_year) & (ev["year"] <= end_year)]
    types = [t for t in TIMELINE_ORDER if t in set(ev["type"])] + sorted(set(ev["type"]) - set(TIMELINE_ORDER))
    from bilateral import events as evs

    for i, t in enumerate(types):
        rows = ev[ev["type"] == t]
        xs = [pd.Timestamp(str(d)).year + (pd.Timestamp(str(d)).dayofyear - 1) / 365.25 for d in rows["date"]]
        hollow = evs.seed_only(rows).to_numpy()
        colour = [
            evs.CATEGORY_COLOURS.get(c, figures.PALETTE[0])
            for c in rows.get("category", pd.Series("milestone", index=rows.index))
        ]
        face = ["white" if h else c for h, c in zip(hollow, colour)]
        edge = [c if h else "white" for h, c in zip(hollow, colour)]
        ax.scatter(
            xs,
            [i] * len(xs),
            s=36,
            facecolors=face,
            edgecolors=edge,
            alpha=0.8,
            linewidths=[1.2 if h else 0.5 for h in hollow],
            zorder=3,
        )
    evs.add_category_legend(
        ax, ev, hollow=bool(evs.seed_only(ev).any()), loc="upper center", bbox_to_anchor=(0.5, -0.15)
    )
    ax.set_yticks(range(len(types)), [f"{t.replace('_', ' ')} ({int((ev['type'] == t).sum())})" for t in types])
    ax.set_ylim(len(types) - 0.4, -0.6)
    ax.set_xlim(start_year - 0.5, end_year + 1)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Year")
    return fig


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
