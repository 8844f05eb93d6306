"""Running the checks: the check function of each key (:data:`CHECKS`, from the registry), measuring
every claim and giving its verdict (:func:`check_all`), and loading the tables the checks read
(:func:`load_tables`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from bilateral import diplomatic
from bilateral.catalog import source_line
from bilateral.claim_registry import CHECK_KEYS, CHECK_TABLES
from bilateral.claims import diplomatic_checks, energy_checks, military_checks, trade_checks
from bilateral.claims.helpers import cell_text, claimed_text, missing
from bilateral.claims.model import DEFAULT_TOLERANCES, SEED_NAMES, Measurement, Tolerances
from bilateral.claims.verdicts import VERDICT_ORDER, is_partial, verdict

__all__ = [
    "CHECKS",
    "RESULT_COLUMNS",
    "check_all",
    "load_tables",
    "measure",
    "measure_all",
    "tolerance_sensitivity",
    "vote_states",
]

_MODULES = {
    "diplomatic": diplomatic_checks,
    "energy": energy_checks,
    "military": military_checks,
    "trade": trade_checks,
}

#: The check function of each ``check_key``: ``check_<key>`` in the group module the registry names.
CHECKS: dict[str, Callable[[Mapping[str, Any], Mapping[str, pd.DataFrame]], Measurement]] = {
    key: getattr(_MODULES[spec.group], f"check_{key}") for key, spec in CHECK_KEYS.items()
}


def measure(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement | None:
    """Run the claim's check (None when it has no ``check_key``)."""
    key = cell_text(claim.get("check_key"))
    return CHECKS[key](claim, tables) if key else None


RESULT_COLUMNS = (
    "claim_id", "seed", "seed_name", "location", "claim", "kind", "year", "check_key", "claimed", "measured",
    "others", "basis", "caveat", "verdict", "reason", "compare", "partial", "table", "computation", "rows", "sources", "source_line",
)  # fmt: skip


def measure_all(claims: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> list[Measurement | None]:
    """Run every claim's check, in the claims' order (None for a claim without a ``check_key``)."""
    return [measure(row.to_dict(), tables) for _, row in claims.iterrows()]


def check_all(
    claims: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame],
    tol: Tolerances = DEFAULT_TOLERANCES,
    *,
    measured: Sequence[Measurement | None] | None = None,
) -> pd.DataFrame:
    """Measure every claim and give its verdict.

    Returns:
        One row per claim (in the claims' order) with :data:`RESULT_COLUMNS`: the claimed and measured values
        as text, other measured values (``; ``-joined), which one the verdict uses and why (``basis``), the
        verdict and its reason, how the values were compared and whether the check tests only part of the
        claim, and the evidence (table, computation, rows, catalogue keys and source line).

    Args:
        claims: rows of the ``claims`` table.
        tables: the tables the checks read (:func:`load_tables`).
        tol: the tolerances.
        measured: the claims' measurements (:func:`measure_all`), when already run.
    """
    if measured is None:
        measured = measure_all(claims, tables)
    out = []
    for (_, row), m in zip(claims.iterrows(), measured):
        claim = row.to_dict()
        v, why = verdict(claim, m, tol)
        keys = tuple(m.sources) if m is not None else ()
        shown = claimed_text(claim)
        if m is not None and m.claimed_text:
            shown = (
                f"read as: {m.claimed_text}"
                if not cell_text(claim.get("value_claimed"))
                else f"{shown} (read as: {m.claimed_text})"
            )
        out.append(
            {
                "claim_id": claim["claim_id"],
                "seed": claim["seed"],
                "seed_name": SEED_NAMES.get(claim["seed"], claim["seed"]),
                "location": cell_text(claim.get("location")),
                "claim": cell_text(claim.get("claim")),
                "kind": cell_text(claim.get("kind")),
                "year": None if missing(claim.get("year")) else int(claim["year"]),
                "check_key": cell_text(claim.get("check_key")),
                "claimed": shown,
                "measured": m.text if m is not None and m.value is not None else "–",
                "others": "; ".join(m.others) if m is not None and m.value is not None else "",
                "basis": m.basis if m is not None and m.value is not None else "",
                "caveat": m.caveat if m is not None and m.value is not None else "",
                "verdict": v,
                "reason": why,
                "compare": m.compare if m is not None and m.value is not None else "",
                "partial": is_partial(why),
                "table": m.table if m is not None else "",
                "computation": m.computation if m is not None else "",
                "rows": m.rows if m is not None else "",
                "sources": "; ".join(keys),
                "source_line": source_line(*keys) if keys else "",
            }
        )
    return pd.DataFrame(out, columns=list(RESULT_COLUMNS))


def vote_states(claims: pd.DataFrame) -> list[str]:
    """The states the UN-vote checks of the claims name (to load only their votes)."""
    codes: set[str] = set()
    for key, raw in zip(claims["check_key"], claims["check_args"]):
        if cell_text(key).startswith("unga_"):
            a = json.loads(raw)
            codes |= {a[k] for k in ("iso3", "partner", "iso3_a", "iso3_b") if k in a} | set(a.get("peers", []))
    return sorted(codes)


def load_tables(claims: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every processed table the claims' checks read (UN votes only for the states they name)."""
    from bilateral.data import load

    names = sorted({t for key in claims["check_key"].dropna() if cell_text(key) for t in CHECK_TABLES[cell_text(key)]})
    out = {}
    for name in names:
        out[name] = diplomatic.load_votes(vote_states(claims)) if name == "unga_votes" else load(name)
    return out


def tolerance_sensitivity(
    claims: pd.DataFrame, measured: Sequence[Measurement | None], tol: Tolerances = DEFAULT_TOLERANCES
) -> pd.DataFrame:
    """How many verdicts change when the tolerances are halved or doubled (measurements unchanged).

    Args:
        claims: rows of the ``claims`` table.
        measured: their measurements (:func:`measure_all`).
        tol: the tolerances in force.

    Returns:
        One row per alternative (``stricter``: half the tolerances; ``looser``: twice, at most 100%) with the
        tolerances (``supported_pct``, ``partly_pct``, ``date_days``), the measured claims (``measured``) and how
        many verdicts become less (``worse``) or more (``better``) favourable to the claim.
    """
    others = {
        "stricter": Tolerances(tol.supported_pct / 2, tol.partly_pct / 2, tol.date_days // 2),
        "looser": Tolerances(min(tol.supported_pct * 2, 100.0), min(tol.partly_pct * 2, 100.0), tol.date_days * 2),
    }
    rows = []
    for name, other in others.items():
        worse = better = n = 0
        for (_, row), m in zip(claims.iterrows(), measured):
            claim = row.to_dict()
            base = verdict(claim, m, tol)[0]
            if base not in VERDICT_ORDER:
                continue
            n += 1
            change = VERDICT_ORDER[verdict(claim, m, other)[0]] - VERDICT_ORDER[base]
            worse += change < 0
            better += change > 0
        rows.append(
            {
                "alternative": name,
                "supported_pct": other.supported_pct,
                "partly_pct": other.partly_pct,
                "date_days": other.date_days,
                "measured": n,
                "worse": worse,
                "better": better,
            }
        )
    return pd.DataFrame(rows).set_index("alternative")
