"""Claims check: the dated and quantitative claims of the two seed documents, measured against the data.

Every row of the ``claims`` table (curated in ``data/curated/claims.csv``) names, when a table here can
test it, a ``check_key`` and its ``check_args``. :data:`CHECKS` maps each key to a pure function
``check(claim, tables) -> Measurement`` that returns the measured value, its unit and the evidence
(table, computation, rows, catalogue source keys). :func:`verdict` then compares the claimed with the
measured value, with the tolerances stated once below (:data:`TOLERANCE_SUPPORTED_PCT`,
:data:`TOLERANCE_PARTLY_PCT`, :data:`DATE_TOLERANCE_DAYS`), and gives one of :data:`VERDICTS`.

How values are compared (the ``compare`` field of :class:`Measurement`):

* ``number``: the relative difference ``|claimed - measured| / |measured|``. For ``exact`` and ``about``
  claims, at most the supported tolerance gives *supported*, at most the partly tolerance *partly
  supported*, more *contradicted*. A bound (``more_than``, ``at_least``, ``less_than``, ``at_most``) that
  holds is *supported*; one that fails by at most the partly tolerance is *partly supported*.
* ``date``: the claimed date (or interval) and the measured one are each read as the days they cover at
  their precision (``1994`` covers the whole year). Overlapping is *supported*; apart by at most
  :data:`DATE_TOLERANCE_DAYS` days *partly supported*; further apart *contradicted*.
* ``rank``: the claimed rank against the measured rank, by one or two measures (UN votes: agreement
  share and Cohen's kappa). Every measure agrees: *supported*; some: *partly supported*; none:
  *contradicted*. A claim without a number ("A backs B") is read as "in the upper half of the group".
* ``years``: claims of something sustained ("keeps growing", "for 30 years") are read as "in every year of
  the period" (100%) and compared as numbers with the share of years that fit; when the share is too low
  but the overall direction is the claimed one, *partly supported* ("direction right, magnitude off").
* ``presence``: the data hold at least one matching record: *supported*; none: *contradicted*.
* ``equal``: a label (a year named as the peak) is the claimed one: *supported*; otherwise *contradicted*.

A check the claims table describes as a partial proxy or a rough comparison (:data:`PROXY_MARKERS`) can
give at most *partly supported*. A claim without a ``check_key``, or whose check finds nothing to
measure, is *not checkable with the data here*.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from bilateral import fmt
from bilateral.claims.helpers import cell_text, claimed_number, is_proxy
from bilateral.claims.model import (
    COMPARES,
    CONTRADICTED,
    DEFAULT_TOLERANCES,
    NOT_CHECKABLE,
    PARTLY,
    SUPPORTED,
    Measurement,
    Tolerances,
)
from bilateral.periods import parse_iso_value

__all__ = [
    "PARTIAL_CHECK",
    "VERDICT_ORDER",
    "date_verdict",
    "days_apart",
    "is_partial",
    "number_verdict",
    "rank_verdict",
    "relative_pct",
    "verdict",
]


#: What the reason of a verdict capped at partly supported ends with (the check tests only part of the claim).
PARTIAL_CHECK = (
    "; the check tests only part of the claim (a partial proxy or rough comparison), so it cannot support all of it"
)
#: How favourable each verdict on a measured claim is to the claim (higher: more).
VERDICT_ORDER = {CONTRADICTED: 0, PARTLY: 1, SUPPORTED: 2}


def is_partial(reason: str) -> bool:
    """Whether a verdict was capped at partly supported because the check tests only part of the claim."""
    return str(reason).endswith(PARTIAL_CHECK)


def relative_pct(claimed: float, measured: float) -> float:
    """``|claimed - measured| / |measured|`` in percent (0 if both are 0, infinite if only the measured is)."""
    if measured == 0:
        return 0.0 if claimed == 0 else float("inf")
    return 100.0 * abs(claimed - measured) / abs(measured)


def number_verdict(
    claimed: float, measured: float, qualifier: str, tol: Tolerances = DEFAULT_TOLERANCES
) -> tuple[str, str]:
    """Verdict on a claimed number (see the module docstring).

    Example:
        >>> number_verdict(6.2, 6.186, "exact")[0]
        'supported'
        >>> number_verdict(5.0, 5.8, "more_than")[0]
        'supported'
    """
    q = qualifier or "exact"
    off = relative_pct(claimed, measured)
    off_text = "∞" if math.isinf(off) else fmt.num(off, 1)
    bounds = {
        "more_than": measured > claimed,
        "at_least": measured >= claimed,
        "less_than": measured < claimed,
        "at_most": measured <= claimed,
    }
    if q in bounds:
        words = q.replace("_", " ")
        if bounds[q]:
            return SUPPORTED, f"the measured value is {words} the claimed bound"
        if off <= tol.partly_pct:
            return (
                PARTLY,
                f"the claimed bound fails, by {off_text}% of the measured value (within {fmt.num(tol.partly_pct, 0)}%)",
            )
        return CONTRADICTED, f"the claimed bound fails, by {off_text}% of the measured value"
    if off <= tol.supported_pct:
        return SUPPORTED, f"the claim is {off_text}% off the measured value (within {fmt.num(tol.supported_pct, 0)}%)"
    if off <= tol.partly_pct:
        return (
            PARTLY,
            f"the claim is {off_text}% off the measured value (within {fmt.num(tol.partly_pct, 0)}%, beyond {fmt.num(tol.supported_pct, 0)}%)",
        )
    return CONTRADICTED, f"the claim is {off_text}% off the measured value (beyond {fmt.num(tol.partly_pct, 0)}%)"


def days_apart(claimed: str, measured: str) -> int:
    """Days between two ISO dates or intervals read at their precision; 0 when they overlap.

    Example:
        >>> days_apart("2021", "2020-12")
        1
        >>> days_apart("2010", "2010-08-16")
        0
    """
    c0, c1 = parse_iso_value(claimed)
    m0, m1 = parse_iso_value(measured)
    if c0 > m1:
        return (c0 - m1).days
    if m0 > c1:
        return (m0 - c1).days
    return 0


def date_verdict(claimed: str, measured: str, tol: Tolerances = DEFAULT_TOLERANCES) -> tuple[str, str]:
    """Verdict on a claimed date against a measured one (see the module docstring)."""
    gap = days_apart(claimed, measured)
    if gap == 0:
        return SUPPORTED, "the dates agree at the precision of the coarser one"
    if gap <= tol.date_days:
        return PARTLY, f"the dates are {fmt.plural(gap, 'day')} apart (within {fmt.plural(tol.date_days, 'day')})"
    return CONTRADICTED, f"the dates are {fmt.plural(gap, 'day')} apart (beyond {fmt.plural(tol.date_days, 'day')})"


def rank_verdict(claimed: int | None, ranks: Sequence[int], group: int | None = None) -> tuple[str, str]:
    """Verdict on a claimed rank measured one or more ways (see the module docstring)."""
    if claimed is None:
        if not group:
            raise ValueError("a claim without a rank needs the group size")
        ok = [r <= group / 2 for r in ranks]
        target = f"the upper half of {group}"
    else:
        ok = [r == claimed for r in ranks]
        target = f"rank {claimed}"
    shown = ("ranks " if len(ranks) > 1 else "rank ") + " and ".join(str(r) for r in ranks)
    if all(ok):
        return SUPPORTED, f"measured {shown}: {target}" + (" by every measure" if len(ranks) > 1 else "")
    if any(ok):
        return PARTLY, f"measured {shown}: not every measure gives {target}"
    return CONTRADICTED, f"measured {shown}, not {target}"


def verdict(claim: Mapping[str, Any], m: Measurement | None, tol: Tolerances = DEFAULT_TOLERANCES) -> tuple[str, str]:
    """The verdict on one claim and the reason for it, in words.

    Args:
        claim: a row of the ``claims`` table.
        m: what its check measured (None when the claim has no ``check_key``).
        tol: the tolerances.

    Returns:
        ``(verdict, reason)`` with ``verdict`` one of :data:`VERDICTS`.
    """
    if m is None:
        return NOT_CHECKABLE, cell_text(claim.get("check")) or "no table here can test the claim"
    if m.value is None:
        return NOT_CHECKABLE, m.note or "the data give nothing to compare"
    if m.compare == "number":
        claimed = m.claimed if m.claimed is not None else claimed_number(claim)
        if claimed is None:
            return NOT_CHECKABLE, "the claim states no number to compare"
        v, why = number_verdict(float(claimed), float(m.value), cell_text(claim.get("value_qualifier")), tol)
    elif m.compare == "date":
        v, why = date_verdict(cell_text(claim.get("value_claimed")), str(m.value), tol)
    elif m.compare == "rank":
        claimed = claimed_number(claim)
        ranks = [int(m.value)] + ([int(m.second)] if m.second is not None else [])
        v, why = rank_verdict(int(claimed) if claimed is not None else None, ranks, m.group)
    elif m.compare == "years":
        v, _ = number_verdict(float(m.claimed), float(m.value), "exact", tol)
        off = relative_pct(float(m.claimed), float(m.value))
        limit = tol.supported_pct if v == SUPPORTED else tol.partly_pct
        # the tolerance is relative to the measured share: say what is compared with what, in words
        above = "infinitely" if math.isinf(off) else f"{fmt.num(off, 0)}%"
        why = (
            (
                f"the claim holds in {fmt.pct(m.value, 0)} of the years, not in every year: the claimed {fmt.pct(m.claimed, 0)} of the years "
                f"is {above} above the measured share ({'within' if v != CONTRADICTED else 'beyond'} the {fmt.num(limit, 0)}% tolerance)"
            )
            if m.value < m.claimed
            else f"the claim holds in {fmt.pct(m.value, 0)} of the years"
        )
        if v == CONTRADICTED and m.direction_ok:
            v, why = PARTLY, why + ", but the overall direction is the claimed one (direction right, magnitude off)"
    elif m.compare == "presence":
        v, why = (
            (SUPPORTED, "the data record what the claim requires")
            if m.value > 0
            else (CONTRADICTED, "the data record none")
        )
    elif m.compare == "equal":
        v, why = (
            (SUPPORTED, "the measured label is the claimed one")
            if m.value == m.claimed
            else (CONTRADICTED, f"the data name {m.value}, not {m.claimed}")
        )
    else:
        raise ValueError(f"unknown comparison {m.compare!r}; comparisons are {', '.join(COMPARES)}")
    if v == SUPPORTED and is_proxy(claim.get("check")):
        return (
            PARTLY,
            why + PARTIAL_CHECK,
        )
    return v, why
