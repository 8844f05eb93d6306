"""Pure measures of voting similarity between states.

Used by the UN General Assembly builder (``bilateral.sources.unga``) and by the diplomatic
report. Votes are compared only where both states cast a substantive vote: yes, no or
abstain. Absences (recorded or inferred) and non-membership are left out of every measure.

* **Agreement share**: the share of those common votes on which both states voted the same way.
* **Cohen's kappa** (3 categories: yes, no, abstain): the agreement share corrected for the
  agreement expected by chance given how often each state votes yes, no and abstain on those
  same votes: ``kappa = (p_o - p_e) / (1 - p_e)`` with ``p_o`` the agreement share and
  ``p_e = sum_k p_a(k) * p_b(k)``. It is undefined (NaN) when there are no common votes or when
  ``p_e == 1`` (both states cast one and the same category on every common vote).

:func:`pairwise_agreement` computes both for many pairs and groups (e.g. years) at once from a
long frame of votes, with matrix products instead of loops over pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

#: The substantive vote categories compared by the measures, in a fixed order.
VOTE_CATEGORIES: tuple[str, ...] = ("yes", "no", "abstain")


def _common_votes(a: Sequence[object], b: Sequence[object], categories: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The two vote sequences restricted to positions where both are one of ``categories``."""
    a_arr = np.asarray(pd.Series(list(a), dtype="object").astype("string").fillna(""), dtype=object)
    b_arr = np.asarray(pd.Series(list(b), dtype="object").astype("string").fillna(""), dtype=object)
    if a_arr.shape != b_arr.shape:
        raise ValueError(f"vote sequences differ in length: {a_arr.shape[0]} and {b_arr.shape[0]}")
    cats = set(categories)
    both = np.array([x in cats and y in cats for x, y in zip(a_arr, b_arr)], dtype=bool)
    return a_arr[both], b_arr[both]


def agreement_share(a: Sequence[object], b: Sequence[object], categories: Sequence[str] = VOTE_CATEGORIES) -> float:
    """Share of common substantive votes on which two states voted alike.

    Args:
        a: one state's votes, aligned with ``b`` (one entry per roll call).
        b: the other state's votes.
        categories: the votes that count as cast; anything else (``"absent"``, missing) is ignored.

    Returns:
        The share in [0, 1], or NaN if the two never both cast a vote.

    Example:
        >>> agreement_share(["yes", "yes", "no", "absent"], ["yes", "no", "no", "yes"])
        0.6666666666666666
    """
    x, y = _common_votes(a, b, categories)
    if len(x) == 0:
        return float("nan")
    return float(np.mean(x == y))


def cohens_kappa(a: Sequence[object], b: Sequence[object], categories: Sequence[str] = VOTE_CATEGORIES) -> float:
    """Cohen's kappa between two states' votes, on the votes both cast.

    Args:
        a: one state's votes, aligned with ``b``.
        b: the other state's votes.
        categories: the categories compared (default yes, no, abstain); other values are ignored.

    Returns:
        ``(p_o - p_e) / (1 - p_e)``, or NaN when there is no common vote or ``p_e == 1``.

    Example:
        >>> round(cohens_kappa(["yes", "yes", "no", "no"], ["yes", "no", "no", "no"]), 3)
        0.5
    """
    x, y = _common_votes(a, b, categories)
    n = len(x)
    if n == 0:
        return float("nan")
    p_o = float(np.mean(x == y))
    p_e = sum(float(np.mean(x == k)) * float(np.mean(y == k)) for k in categories)
    if np.isclose(p_e, 1.0):
        return float("nan")
    return (p_o - p_e) / (1.0 - p_e)


def ordered_pair(a: str, b: str) -> tuple[str, str]:
    """A pair of codes stored once: alphabetical order (``ordered_pair("TUR", "AZE") == ("AZE", "TUR")``)."""
    return (a, b) if a <= b else (b, a)


def pairs_among(codes: Iterable[str]) -> list[tuple[str, str]]:
    """Every unordered pair of distinct codes, each once with ``a < b``, sorted."""
    uniq = sorted(set(codes))
    return [(a, b) for i, a in enumerate(uniq) for b in uniq[i + 1 :]]


def pairs_with(anchors: Iterable[str], others: Iterable[str]) -> list[tuple[str, str]]:
    """Every pair of an anchor with any other code (anchors among themselves too), each once, sorted."""
    out = {ordered_pair(a, o) for a in set(anchors) for o in set(others) if a != o}
    return sorted(out)


def _dense(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Non-negative integer codes renumbered 0, 1, 2, ... in the same order, and the codes used.

    Example:
        >>> [x.tolist() for x in _dense(np.array([5, 2, 5, 9]))]
        [[1, 0, 1, 2], [2, 5, 9]]
    """
    present = np.zeros(int(codes.max(initial=-1)) + 1, dtype=bool)
    present[codes] = True
    return (np.cumsum(present) - 1)[codes], np.flatnonzero(present)


def pairwise_agreement(
    votes: pd.DataFrame,
    pairs: Iterable[tuple[str, str]] | None = None,
    *,
    by: str = "year",
    vote_id: str = "vote_id",
    country: str = "iso3",
    vote: str = "vote",
    categories: Sequence[str] = VOTE_CATEGORIES,
    min_votes: int = 1,
) -> pd.DataFrame:
    """Agreement share and Cohen's kappa for pairs of states, per group (e.g. per year).

    The long frame is turned into one matrix of vote codes (roll call x state); per group, the
    counts every pair needs (common votes, identical votes, and each state's use of every
    category on the common votes) come from matrix products, so the cost does not grow with
    the number of pairs requested.

    Args:
        votes: one row per state per roll call, with columns ``by``, ``vote_id``, ``country``, ``vote``.
            A roll call must belong to one group.
        pairs: the pairs to report, in any order (each is stored as ``ordered_pair``); None for
            every pair of states present in ``votes``.
        by: the grouping column (a roll call's year, session, ...).
        vote_id, country, vote: the column names.
        categories: the votes that count as cast; other values (``"absent"``) are ignored.
        min_votes: pairs with fewer common votes in a group are left out (1 drops only empty pairs).

    Returns:
        A frame with columns ``by``, ``iso3_a``, ``iso3_b`` (``iso3_a < iso3_b``), ``n_votes``
        (common substantive votes), ``n_same``, ``agreement_share`` and ``kappa`` (NaN when
        undefined), sorted by group and pair.

    Raises:
        ValueError: if a state has two rows for one roll call, or a roll call spans groups.
    """
    columns = [by, "iso3_a", "iso3_b", "n_votes", "n_same", "agreement_share", "kappa"]
    # integer codes of roll calls, states and groups (codes of roll calls and states in sorted order); the
    # checks and the matrix work on these codes, without copying the (possibly long) frame
    call_code, _ = pd.factorize(votes[vote_id], sort=True)
    state_code, state_ids = pd.factorize(votes[country], sort=True)
    group_code, _ = pd.factorize(votes[by])
    if len(call_code) and np.bincount((call_code + 1) * (len(state_ids) + 1) + state_code + 1).max() > 1:
        df = votes[[vote_id, country]]
        first = df[df.duplicated(keep=False)].iloc[0]
        raise ValueError(f"two votes for {first[country]!r} on roll call {first[vote_id]!r}")
    grouped = (group_code >= 0) & (call_code >= 0)
    calls, groups = call_code[grouped], group_code[grouped]
    group_of_call = np.zeros(int(calls.max(initial=-1)) + 1, dtype=groups.dtype)
    group_of_call[calls] = groups  # one of each roll call's groups; any other differs from it
    if (group_of_call[calls] != groups).any():
        raise ValueError(f"a roll call spans more than one {by!r} group")
    is_cast = votes[vote].isin(categories).to_numpy(dtype=bool, na_value=False) & (call_code >= 0) & (state_code >= 0)
    if not is_cast.any():
        return pd.DataFrame(columns=columns)

    # the matrix: one row per roll call with a cast vote, one column per state that cast one (both sorted)
    col, used_states = _dense(state_code[is_cast])
    states = np.asarray(state_ids)[used_states]
    row_codes, used_calls = _dense(call_code[is_cast])
    code = pd.Categorical(votes[vote][is_cast], categories=list(categories)).codes.astype(np.int8) + 1
    matrix = np.zeros((len(used_calls), len(states)), dtype=np.int8)
    matrix[row_codes, col] = code
    # each roll call's group: the group of its first row with a cast vote
    firsts = np.flatnonzero(~pd.Index(row_codes).duplicated())
    group_of_row = votes[by].to_numpy()[is_cast][firsts[np.argsort(row_codes[firsts])]]

    if pairs is None:
        ia, ib = np.triu_indices(len(states), k=1)
    else:
        wanted = sorted({ordered_pair(a, b) for a, b in pairs if a != b})
        pos = {s: i for i, s in enumerate(states)}
        kept = [(pos[a], pos[b]) for a, b in wanted if a in pos and b in pos]
        if not kept:
            return pd.DataFrame(columns=columns)
        ia, ib = (np.array(x, dtype=int) for x in zip(*kept))

    frames = []
    for group in sorted(pd.unique(group_of_row)):
        m = matrix[group_of_row == group]
        s, k_cats = m.shape[1], len(categories)
        # One product gives every count: blocks of [one-hot of each category | cast any vote]. The counts are
        # whole numbers far below 2**24, so single precision holds them exactly (at half the memory).
        z = np.concatenate([(m == k + 1) for k in range(k_cats)] + [m > 0], axis=1).astype(np.float32)
        g = (z.T @ z).astype(np.float64)
        block = lambda r, c, g=g, s=s: g[r * s : (r + 1) * s, c * s : (c + 1) * s]  # noqa: E731
        n = block(k_cats, k_cats)
        same = sum(block(k, k) for k in range(k_cats))
        # uses[k][i, j]: votes on which i voted category k and j cast a vote.
        uses = [block(k, k_cats) for k in range(k_cats)]
        n_ab = n[ia, ib]
        with np.errstate(invalid="ignore", divide="ignore"):
            p_o = same[ia, ib] / n_ab
            p_e = sum(u[ia, ib] * u[ib, ia] for u in uses) / (n_ab * n_ab)
            kappa = np.where(np.isclose(p_e, 1.0), np.nan, (p_o - p_e) / (1.0 - p_e))
        frames.append(
            pd.DataFrame(
                {
                    by: group,
                    "iso3_a": states[ia],
                    "iso3_b": states[ib],
                    "n_votes": n_ab.astype(np.int64),
                    "n_same": same[ia, ib].astype(np.int64),
                    "agreement_share": p_o,
                    "kappa": kappa,
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    out = out[out["n_votes"] >= max(min_votes, 1)]
    return out.sort_values([by, "iso3_a", "iso3_b"], kind="mergesort").reset_index(drop=True)
