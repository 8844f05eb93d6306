"""Claims about closeness or rank, checked against the partner's rank among *all* states.

The claims table checks such a claim against the few peers it names; here the same partner is ranked
among every state with enough common UN votes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from bilateral import fmt
from bilateral.ranks.core import rank_of
from bilateral.ranks.text import closeness_reading
from bilateral.ranks.un import MIN_COMMON_VOTES, UN_MEASURES, un_ranked, un_scores
from bilateral.ranks.words import rank_cell

__all__ = ["CLOSENESS_WORDS", "claims_against_all", "closeness_claims"]


#: Words that make a claim one about closeness or rank.
CLOSENESS_WORDS = re.compile(r"(?i)\b(closest|close|main|largest|biggest|leading|first|top)\b")


def closeness_claims(claims: pd.DataFrame, check_keys: Sequence[str] = ("unga_agreement_rank",)) -> pd.DataFrame:
    """Claims about closeness or rank that an all-partner rank can test: the claim's wording names closeness
    or a rank and its check compares a partner with others by UN vote agreement."""
    word = claims["claim"].astype(str).map(lambda t: bool(CLOSENESS_WORDS.search(t)))
    rank_claim = claims["kind"].astype(str).eq("ranking") | word
    return claims[rank_claim & claims["check_key"].isin(list(check_keys))].reset_index(drop=True)


def claims_against_all(claims: pd.DataFrame, votes: pd.DataFrame, *, min_votes: int = MIN_COMMON_VOTES) -> pd.DataFrame:
    """Each closeness claim (:func:`closeness_claims`) checked against the partner's rank among *all* states.

    The check's own comparison uses the peers the claims table names; here the same partner is ranked
    among every state with at least ``min_votes`` common votes over the claim's years, by agreement share
    and by kappa, and the verdict follows the claims check's rule for ranks
    (:func:`bilateral.claims.rank_verdict`: a claimed rank must hold by both measures; a claim without a
    number needs the upper half).

    Returns:
        Columns ``claim_id, claim, iso3, partner, period, rank_share, rank_kappa, n_ranked, text, verdict, reason``.
    """
    import json

    from bilateral.claims import claimed_number, rank_verdict

    rows = []
    for c in closeness_claims(claims).to_dict("records"):
        args = json.loads(c["check_args"])
        iso3, partner, lo, hi = args["iso3"], args["partner"], int(args["start_year"]), int(args["end_year"])
        scores = un_scores(votes, [iso3], [(lo, hi)])
        ranks = {
            m: rank_of(un_ranked(scores, m, min_votes=min_votes), partner, where={"anchor": iso3}) for m in UN_MEASURES
        }
        share, kappa = ranks["agreement_share"], ranks["kappa"]
        claimed = claimed_number(c)
        if share["status"] != "ranked" or kappa["status"] != "ranked":
            verdict_, reason = "not checkable with the data here", "no rank for the partner over these years"
            text = "not ranked"
        else:
            verdict_, reason = rank_verdict(
                int(claimed) if claimed is not None else None, [share["rank"], kappa["rank"]], group=share["n_ranked"]
            )
            text = (
                f"{rank_cell(share)} by agreement share; {rank_cell(kappa)} by kappa "
                f"(among all states with enough common votes, {fmt.years(lo, hi)})"
            )
        reading = closeness_reading(iso3, partner, share, kappa, args.get("peers", []))
        rows.append(
            {
                "claim_id": c["claim_id"],
                "claim": c["claim"],
                "iso3": iso3,
                "partner": partner,
                "period": fmt.years(lo, hi),
                "rank_share": share["rank"],
                "rank_kappa": kappa["rank"],
                "n_ranked": share["n_ranked"],
                "text": text,
                "reading": reading,
                "verdict_if_all_states": verdict_,
                "reason_if_all_states": reason,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "claim_id",
            "claim",
            "iso3",
            "partner",
            "period",
            "rank_share",
            "rank_kappa",
            "n_ranked",
            "text",
            "reading",
            "verdict_if_all_states",
            "reason_if_all_states",
        ],
    )
