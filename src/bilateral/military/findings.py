"""The military report's key findings: for each section, what the data record, what the number means for the
relationship, and how sure one can be. Every number is computed; every sentence is checked on several pairs."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, periods
from bilateral.countries import display_name
from bilateral.military.compute import Coverage
from bilateral.military.spending_text import milex_sentence, spending_lead_sentence
from bilateral.military.text import (
    TIV_MEANING,
    deliveries_sentence,
    destination_sentence,
    destination_totals_sentence,
    not_covered,
    supplier_sentence,
)

__all__ = [
    "estimates_sentence",
    "key_findings",
    "milestones_finding",
    "other_direction_sentence",
    "volume_sentence",
    "weight_sentence",
]


def estimates_sentence(summary: dict) -> str:
    """How many of the deliveries SIPRI gives with an estimated number of units or year ("" when none)."""
    k, n = summary.get("n_estimated", 0), summary["n_rows"]
    if not k or not n:
        return ""
    if n == 1:
        return "SIPRI gives the number of units or the year of this delivery as an estimate, so it is approximate."
    share = f"all {fmt.integer(n)}" if k == n else f"{fmt.integer(k)} of the {fmt.integer(n)}"
    return (
        f"SIPRI gives the number of units or the year as an estimate for {share} deliveries, so counts, volumes and "
        "timing are approximate."
    )


def other_direction_sentence(P, sum_ba: dict, sum_ab: dict) -> str:
    """The deliveries from ``country_a`` to ``country_b``, or that there are none (and what that means)."""
    if sum_ab["n_rows"]:
        return deliveries_sentence(sum_ab, P.country_a, P.country_b, P.start_year, P.end_year)
    if sum_ba["n_rows"]:
        return f"No delivery in the other direction, from {P.name_a} to {P.name_b}, is recorded: the arms went one way only."
    return f"No delivery from {P.name_a} to {P.name_b} is recorded either."


def _with_imports(by_period: pd.DataFrame) -> pd.DataFrame:
    return by_period[by_period["total_tiv_m"] > 0]


def volume_sentence(P, by_period: pd.DataFrame) -> str:
    """What ``country_b``'s share in the last period with imports means in volume: its own deliveries and those of
    all other suppliers, against the period before (a large share of a shrinking total is a small volume).

    Args:
        by_period: ``country_b``'s :func:`~bilateral.military.compute.standing` among ``country_a``'s suppliers.

    Returns:
        "" with fewer than two periods with imports, or when ``country_b`` delivered nothing in either.
    """
    rows = _with_imports(by_period)
    if len(rows) < 2:
        return ""
    prev, last = rows.iloc[-2], rows.iloc[-1]
    b0, b1 = float(prev["tiv_m"]), float(last["tiv_m"])
    if not (b0 > 0 or b1 > 0):
        return ""
    o0, o1 = float(prev["total_tiv_m"]) - b0, float(last["total_tiv_m"]) - b1
    s0, s1 = float(prev["share_pct"]), float(last["share_pct"])
    t0, t1 = float(prev["total_tiv_m"]), float(last["total_tiv_m"])
    volumes = (
        f"from {fmt.num(b0)} TIV million in {prev['period']} to {fmt.num(b1)} in {last['period']}, those of all other "
        f"suppliers from {fmt.num(o0)} to {fmt.num(o1)}"
    )
    if s1 > s0 and t1 < t0:  # a large share of a shrinking total is a small volume
        text = f"{fmt.poss(P.name_b)} larger share is a share of a smaller total: its own deliveries went {volumes}"
    else:
        text = f"In volume, {fmt.poss(P.name_b)} own deliveries went {volumes}"
    if s1 > s0 and o1 < o0 / 2 and b0 / 2 <= b1 <= 2 * b0:
        text += ", so the share rose mainly because the other suppliers delivered far less"
    return text + "."


#: How much more one side's share is than the other's for the tie to weigh "far more" or "more" for it.
FAR, MORE = 3.0, 1.5


def weight_sentence(P, b_by_period: pd.DataFrame, dest_by_period: pd.DataFrame | None) -> str:
    """Whom the arms tie weighs more for, in the last period where each side's share of the other is positive:
    ``country_b``'s share of ``country_a``'s imports against ``country_a``'s share of ``country_b``'s exports.

    Args:
        b_by_period: ``country_b``'s standing among ``country_a``'s suppliers (``period``, ``share_pct``).
        dest_by_period: ``country_a``'s share of ``country_b``'s exports per period (a standing among the
            destinations, or shares of ``country_b``'s export totals), or None.

    Returns:
        "" when no period has both shares above zero.
    """
    if dest_by_period is None or b_by_period is None:
        return ""
    dest = dest_by_period.set_index("period")["share_pct"]
    both = [
        (p, float(s), float(dest[p]))
        for p, s in zip(b_by_period["period"], b_by_period["share_pct"])
        if p in dest.index and pd.notna(s) and pd.notna(dest[p]) and s > 0 and dest[p] > 0
    ]
    if not both:
        return ""
    period, sb, sa = both[-1]
    r = sb / sa
    na, nb = P.name_a, P.name_b
    if r >= FAR:
        level = f"far more for {na} than for {nb}"
    elif r >= MORE:
        level = f"more for {na} than for {nb}"
    elif r <= 1 / FAR:
        level = f"far less for {na} than for {nb}"
    elif r <= 1 / MORE:
        level = f"less for {na} than for {nb}"
    else:
        level = f"about as much for {na} as for {nb}"
    return (
        f"In {period} the arms tie weighed {level}: {fmt.pct(sb)} of {fmt.poss(na)} arms imports came from {nb}, "
        f"and {fmt.pct(sa, 2 if sa < 1 else 1)} of {fmt.poss(nb)} arms exports went to {na}."
    )


def milestones_finding(P, milestones: pd.DataFrame, rival: str, spans: Sequence[tuple[int, int]] = ()) -> str:
    """How many security milestones the events table lists for the report, and the period most of them fall in
    when there are several periods ("" when none)."""
    if not len(milestones):
        return ""
    with_whom = P.name_b + (" or " + display_name(rival) if rival != P.country_b else "")
    dated = fmt.years(int(milestones["year"].min()), int(milestones["year"].max()))
    n = len(milestones)
    text = (
        f"The project's events table lists {fmt.plural(n, 'security milestone')} for {P.name_a} with "
        f"{with_whom} in {P.period} (dated {dated})"
    )
    if len(spans) > 1:
        counts = periods.assign(milestones["year"].astype(int), spans).value_counts()
        top, k = counts.index[0], int(counts.iloc[0])
        if k < n and (counts == k).sum() == 1:
            text += f", {fmt.integer(k)} of them in {top}"
    return text + "; they are shown on the timeline below."


def key_findings(
    P,
    cov: Coverage,
    *,
    sum_ba: dict,
    sum_ab: dict,
    b_whole: pd.DataFrame,
    b_by_period: pd.DataFrame,
    a_dest_whole: pd.DataFrame,
    dest_totals: pd.DataFrame | None,
    ratio: pd.DataFrame,
    gdp: pd.DataFrame,
    rival: str,
    milestones: pd.DataFrame,
    dest_by_period: pd.DataFrame | None = None,
    spans: Sequence[tuple[int, int]] = (),
) -> list[str]:
    """The report's key findings, in the order of the report's sections; each says what the data record, what
    it means for the relationship and how sure one can be. TIV is explained once, at its first use.

    Args:
        P: the report's parameters.
        cov: what the register extract covers for the pair (:func:`~bilateral.military.compute.coverage`).
        sum_ba, sum_ab: :func:`~bilateral.military.compute.delivery_summary` of the deliveries from
            ``country_b`` to ``country_a`` and the other way.
        b_whole, b_by_period: ``country_b``'s standing among ``country_a``'s suppliers (whole span, periods).
        a_dest_whole: ``country_a``'s standing among ``country_b``'s destinations (whole span).
        dest_totals: ``country_a``'s share of ``country_b``'s total exports (whole span), used when
            ``country_b``'s other deals are not in the extract; None when not needed.
        ratio, gdp: the spending ratio with the rival and the spending as % of GDP.
        rival: the state whose spending ``country_a``'s is compared with.
        milestones: the security milestones shown.
        dest_by_period: ``country_a``'s share of ``country_b``'s exports per period (see :func:`weight_sentence`).
        spans: the report's periods.
    """
    a, b = P.country_a, P.country_b
    parts: list[list[str]] = []  # each finding as its sentences
    if cov.bilateral:
        parts.append([deliveries_sentence(sum_ba, b, a, P.start_year, P.end_year), estimates_sentence(sum_ba)])
        parts.append([other_direction_sentence(P, sum_ba, sum_ab)])
    else:
        parts.append([not_covered(P, "pair", short=False)])
    if cov.suppliers_of_a:
        parts.append([supplier_sentence(b_whole, b_by_period, a, b), volume_sentence(P, b_by_period)])
    if cov.destinations_of_b:
        destination = destination_sentence(a_dest_whole, a, b)
    elif cov.bilateral and cov.totals_of_b and dest_totals is not None:
        destination = destination_totals_sentence(dest_totals, a, b)
    else:
        destination = ""
    if destination:
        parts.append([destination, weight_sentence(P, b_by_period, dest_by_period) if cov.suppliers_of_a else ""])
    parts.append([milex_sentence(ratio, gdp, a, rival), spending_lead_sentence(ratio, a, rival)])
    parts.append([milestones_finding(P, milestones, rival, spans)])
    # TIV explained once, right after the first sentence that gives a TIV number
    first = next(((i, j) for i, ss in enumerate(parts) for j, s in enumerate(ss) if "TIV" in s), None)
    if first is not None:
        parts[first[0]].insert(first[1] + 1, TIV_MEANING)
    return [" ".join(s for s in ss if s) for ss in parts if any(ss)]
