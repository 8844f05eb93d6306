"""Words and table cells for ranks: the suite's one rank-wording helper (:func:`rank_words`), percentiles, cells.

Also the names of ranked parties (:func:`party_label`: ISO3 codes, former states and SIPRI labels) and the
UN ranking rule in words (:func:`presence_words`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from bilateral import fmt
from bilateral.countries import display_name, is_iso3
from bilateral.ranks.core import NOT_COVERED
from bilateral.ranks.un import MIN_COMMON_VOTES, MIN_PRESENCE

__all__ = [
    "PRESENCE_WORDS",
    "party_label",
    "percentile_words",
    "presence_words",
    "rank_cell",
    "rank_words",
    "status_cell",
]


def presence_words(min_votes: int = MIN_COMMON_VOTES, min_presence: float = MIN_PRESENCE) -> str:
    """The ranking rule for UN votes, in words: "at least 20, and at least 50% of the largest number any state shares with it"."""
    return f"at least {min_votes}, and at least {min_presence:.0%} of the largest number any state shares with it"


#: The default ranking rule for UN votes, in words.
PRESENCE_WORDS = presence_words()


def rank_words(r: Mapping[str, object], noun: str, many: str | None = None) -> str:
    """A rank with its ties and denominator: "2nd of 167 partners", "joint 3rd (with 1 other) of 40 states",
    "1st, the only partner".

    Args:
        r: a :func:`rank_of` result (``rank``, ``n_tied``, ``n_ranked``).
        noun: what is counted, singular ("partner"); ``many`` its plural if not noun + "s".
    """
    n = int(r["n_ranked"])
    rank, tied = int(r["rank"]), int(r["n_tied"] or 1)
    joint = f"joint {fmt.ordinal(rank)} (with {fmt.plural(tied - 1, 'other')})" if tied > 1 else fmt.ordinal(rank)
    if n == 1:
        return f"1st, the only {noun}"
    return f"{joint} of {fmt.plural(n, noun, many)}"


def percentile_words(r: Mapping[str, object]) -> str:
    """``"ahead of 99% of the others"``; empty when undefined (one entity ranked)."""
    p = r.get("percentile")
    if p is None or (isinstance(p, float) and np.isnan(p)):
        return ""
    return f"ahead of {fmt.pct(p, 0)} of the others"


def rank_cell(r: Mapping[str, object]) -> str:
    """Short table cell: "2nd of 167", "joint 2nd of 167", "only one ranked", "not ranked", "–"."""
    if r["status"] == "ranked":
        if int(r["n_ranked"]) == 1:
            return "only one ranked"
        joint = "joint " if int(r["n_tied"]) > 1 else ""
        return f"{joint}{fmt.ordinal(int(r['rank']))} of {fmt.integer(int(r['n_ranked']))}"
    if r["status"] in ("excluded", "absent") and r["n_ranked"]:
        return f"not among the {fmt.integer(int(r['n_ranked']))}"
    return "–"


def status_cell(r: Mapping[str, object], empty: str = "–") -> str:
    """A table cell for any rank lookup: the rank ("2nd of 167"), "not covered" (the data cannot rank it), ``empty``
    (nobody ranked, e.g. no deliveries) or "not among the N" (others ranked, not this one)."""
    status = r.get("status")
    if status == "ranked":
        return rank_cell(r)
    if status in (NOT_COVERED, "not a sender"):
        return NOT_COVERED
    if status == "empty" or not r.get("n_ranked"):
        return empty
    return f"not among the {fmt.integer(int(r['n_ranked']))}"


def party_label(code: object) -> str:
    """A readable name for any partner key: ISO3 codes (including former states such as SCG) or a SIPRI label."""
    code = str(code)
    if not is_iso3(code):
        return code
    name = display_name(code)
    if name == code:
        import pycountry

        old = pycountry.historic_countries.get(alpha_3=code)
        name = old.name if old is not None else code
    return name
