"""The generic core: rank any long frame of (group, entity, value) rows, look one entity up, keep the top.

Competition ranking ("1224"), ties shared, a denominator (``n_ranked``) and a percentile for every ranked
row; excluded entities (aggregates, unknown parties) are kept but never ranked. See :mod:`bilateral.ranks`
for the conventions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = [
    "NOT_COVERED",
    "RANK_COLUMNS",
    "TIE_DIGITS",
    "rank_frame",
    "rank_of",
    "rank_table",
    "row_dict",
    "top_n",
    "unranked",
]


#: Columns added by :func:`rank_table`.
RANK_COLUMNS = ("ranked", "rank", "n_ranked", "n_tied", "percentile")

#: Digits to which values are rounded before they are compared (so float noise makes no tie or split one).
TIE_DIGITS = 12

#: Status of a rank the data cannot compute (they do not hold every partner of that country).
NOT_COVERED = "not covered"


def rank_table(
    values: pd.DataFrame,
    *,
    entity: str = "partner",
    value: str = "value",
    by: Sequence[str] = (),
    exclude: Iterable[str] | Callable[[str], bool] = (),
    higher_is_better: bool = True,
    positive_only: bool = False,
) -> pd.DataFrame:
    """Rank every entity within each group by a value (competition ranking, ties shared).

    Args:
        values: one row per group and entity, with columns ``by``, ``entity`` and ``value``.
        entity: the column naming what is ranked (a partner, a supplier, a state).
        value: the column ranked.
        by: the grouping columns (e.g. ``["year"]``); empty for one group.
        exclude: entities never ranked (aggregates, "unknown supplier(s)"): a collection of names or
            a predicate. Their rows are kept with ``ranked`` False.
        higher_is_better: rank 1 is the largest value (False: the smallest).
        positive_only: only values above zero are ranked (e.g. partners with recorded trade).

    Returns:
        ``values`` with ``ranked`` (bool), ``rank``, ``n_ranked``, ``n_tied`` (entities sharing the rank,
        including this one; ``Int64``, missing where not ranked) and ``percentile`` (float), sorted by
        group, then ranked rows by rank and entity, then the unranked rows.

    Raises:
        ValueError: if a column is missing or an entity appears twice in a group.

    Example:
        >>> f = pd.DataFrame({"partner": ["A", "B", "C", "WLD"], "value": [5.0, 7.0, 5.0, 20.0]})
        >>> rank_table(f, exclude={"WLD"})[["partner", "rank", "n_tied"]].to_dict("list")
        {'partner': ['B', 'A', 'C', 'WLD'], 'rank': [1, 2, 2, <NA>], 'n_tied': [1, 2, 2, <NA>]}
    """
    by = list(by)
    missing = [c for c in [*by, entity, value] if c not in values.columns]
    if missing:
        raise ValueError(
            f"rank_table: column(s) {', '.join(map(repr, missing))} missing; columns are {list(values.columns)}"
        )
    if values.duplicated([*by, entity]).any():
        dup = values[values.duplicated([*by, entity], keep=False)].iloc[0]
        raise ValueError(f"rank_table: entity {dup[entity]!r} appears twice in group {[dup[c] for c in by]!r}")
    out = values.copy().reset_index(drop=True)
    excluded = exclude if callable(exclude) else set(exclude).__contains__
    v = pd.to_numeric(out[value], errors="coerce").astype(float)
    ok = v.notna() & ~out[entity].map(lambda e: bool(excluded(e)))
    if positive_only:
        ok &= v > 0
    out["ranked"] = ok.to_numpy()
    key = v.round(TIE_DIGITS) * (1 if higher_is_better else -1)
    key = key.where(ok)
    groups = [out[c] for c in by] if by else [pd.Series(0, index=out.index)]
    g = key.groupby(groups, dropna=False, sort=False)
    rank = g.rank(method="min", ascending=False)
    n = g.transform("count")
    tied = key.groupby([*groups, key], dropna=False, sort=False).transform("size") if len(out) else key
    below = g.rank(method="min", ascending=True) - 1  # ranked entities strictly below
    out["rank"] = pd.array(rank.where(ok), dtype="Int64") if len(out) else pd.array([], dtype="Int64")
    out["n_ranked"] = pd.array(n.where(ok), dtype="Int64") if len(out) else pd.array([], dtype="Int64")
    out["n_tied"] = (
        pd.array(pd.Series(tied, index=out.index).where(ok), dtype="Int64") if len(out) else pd.array([], dtype="Int64")
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        pct = 100 * below / (n - 1)
    out["percentile"] = pct.where(ok & (n > 1)).astype(float)
    order = out.assign(_unranked=~out["ranked"], _r=out["rank"].astype(float))
    order = order.sort_values([*by, "_unranked", "_r", entity], kind="mergesort")
    return order.drop(columns=["_unranked", "_r"]).reset_index(drop=True)


def rank_of(
    ranked: pd.DataFrame, entity_value: str, *, entity: str = "partner", where: Mapping[str, object] | None = None
) -> dict:
    """One entity's rank in one group of a :func:`rank_table` output.

    Args:
        ranked: :func:`rank_table` output.
        entity_value: the entity looked up (e.g. ``"TUR"``).
        entity: the entity column.
        where: the group, as ``{column: value}``.

    Returns:
        ``{"status", "rank", "n_ranked", "n_tied", "percentile", "value_row"}``; ``status`` is
        ``"ranked"``, ``"excluded"`` (present but not ranked: an aggregate or a value of zero),
        ``"absent"`` (no row in the group) or ``"empty"`` (nobody ranked in the group). ``n_ranked``
        is the group's denominator in every case (0 when empty).
    """
    mask = np.ones(len(ranked), dtype=bool)
    for c, v in (where or {}).items():  # one selection at the end (rank_of is called hundreds of times)
        mask &= (ranked[c] == v).to_numpy(dtype=bool, na_value=False)
    sub = ranked[mask]
    n = int(sub["ranked"].sum()) if len(sub) else 0
    row = sub[sub[entity] == entity_value]
    base = {"rank": None, "n_ranked": n, "n_tied": None, "percentile": float("nan"), "value_row": None}
    if n == 0 and row.empty:
        return {**base, "status": "empty"}
    if row.empty:
        return {**base, "status": "absent"}
    r = row.iloc[0]
    if not bool(r["ranked"]):
        return {**base, "status": "excluded", "value_row": r}
    return {
        "status": "ranked",
        "rank": int(r["rank"]),
        "n_ranked": int(r["n_ranked"]),
        "n_tied": int(r["n_tied"]),
        "percentile": float(r["percentile"]),
        "value_row": r,
    }


def unranked(status: str = NOT_COVERED, n_ranked: int = 0) -> dict:
    """A :func:`rank_of` result for an entity that cannot be ranked (``status`` says why)."""
    return {
        "status": status,
        "rank": None,
        "n_ranked": n_ranked,
        "n_tied": None,
        "percentile": float("nan"),
        "value_row": None,
    }


def rank_frame(rows: list[dict], columns: Sequence[str], integers: Sequence[str] = ("rank", "n_tied")) -> pd.DataFrame:
    """Rows of rank results as a frame with ``columns``, the ``integers`` as nullable integers (a missing rank is NA)."""
    out = pd.DataFrame(rows, columns=list(columns))
    for c in integers:
        out[c] = pd.array(out[c], dtype="Int64")
    return out


def top_n(ranked: pd.DataFrame, n: int = 10, *, keep: str | None = None, entity: str = "partner") -> pd.DataFrame:
    """The ``n`` best-ranked rows of one group (ties at the cut are all kept), plus ``keep`` if it ranks lower.

    Args:
        ranked: :func:`rank_table` output for one group.
        n: how many ranks to show.
        keep: an entity always shown (the partner of the pair), if ranked.
        entity: the entity column.

    Returns:
        The ranked rows with ``rank <= n`` (so a tie at rank ``n`` shows every tied entity), then ``keep``'s
        row if it is ranked lower; column ``highlight`` marks ``keep``.
    """
    r = ranked[ranked["ranked"]]
    out = r[r["rank"] <= n]
    if keep is not None and keep not in set(out[entity]):
        out = pd.concat([out, r[r[entity] == keep]])
    return out.assign(highlight=out[entity] == keep).reset_index(drop=True)


def row_dict(x: pd.DataFrame) -> dict:
    """The first row of a rank lookup as a dict (missing rank and ties as None); ``{"status": "empty"}`` if none."""
    if x.empty:
        return {"status": "empty", "n_ranked": 0}
    r = x.iloc[0].to_dict()
    for k in ("rank", "n_tied"):
        if k in r and pd.isna(r[k]):
            r[k] = None
    return r
