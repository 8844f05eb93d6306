"""Display tables of the claims report (frames for ``figures.table``): the claims measured, their
evidence, the claims not checkable, the claims measured more than one way; and the sources behind them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from bilateral import citations
from bilateral.catalog import SOURCES
from bilateral.claims.helpers import cell_text
from bilateral.claims.model import NOT_CHECKABLE

__all__ = [
    "checked_table",
    "claim_cell",
    "closeness_table",
    "disagreement_table",
    "evidence_table",
    "evidence_text",
    "others_text",
    "sources_used",
    "table_titles",
    "unchecked_table",
]


def table_titles(names: str) -> str:
    """The titles of the processed tables named (``"pipelines, energy_series"``), for readers, ``"; "``-joined."""
    from bilateral.data import table_title

    return "; ".join(table_title(n) for n in (x.strip() for x in str(names).split(",")) if n)


def evidence_text(r: Mapping[str, Any]) -> str:
    """The evidence of one result row in one cell: table, computation, rows, and the sources by short name
    (the table's source line gives their vintages)."""
    parts = [f"Data: {table_titles(r['table'])}; {r['computation']}."]
    if r["rows"]:
        parts.append(f"Rows: {r['rows']}.")
    keys = [k for k in str(r.get("sources", "")).split("; ") if k]
    if keys:
        parts.append("Source: " + "; ".join(SOURCES[k].short if k in SOURCES else k for k in keys) + ".")
    return " ".join(parts)


def claim_cell(r: Mapping[str, Any]) -> str:
    """The restated claim with the seed section it comes from: ``"BTC is 1,768 km long. (section Energy Cooperation)"``."""
    where = citations.sections_text(cell_text(r.get("location")))
    return f"{r['claim']} ({where})" if where else str(r["claim"])


def others_text(r: Mapping[str, Any]) -> str:
    """Other measured values, which one the verdict uses and why, and what the measure does not cover; '–' if none."""
    parts = (r["others"], f"Basis: {r['basis']}" if r["basis"] else "", f"Note: {r['caveat']}" if r["caveat"] else "")
    return "; ".join(x for x in parts if x) or "–"


def checked_table(results: pd.DataFrame) -> pd.DataFrame:
    """Reader's table of the claims a table here can test: claim (with its seed section), claimed, measured, verdict.

    The other measured values and the evidence of each claim are in :func:`evidence_table`, keyed by the same
    ids: one table with all seven columns is unreadable on an A4 page.
    """
    rows = results[results["check_key"] != ""]
    return pd.DataFrame(
        {
            "Id": rows["claim_id"].to_numpy(),
            "Claim (restated; seed section)": [claim_cell(r) for _, r in rows.iterrows()],
            "Claimed": rows["claimed"].to_numpy(),
            "Measured (used for the verdict)": rows["measured"].to_numpy(),
            "Verdict and reason": [f"{v}: {w}" for v, w in zip(rows["verdict"], rows["reason"])],
        }
    )


def evidence_table(results: pd.DataFrame) -> pd.DataFrame:
    """The evidence behind each claim of :func:`checked_table`: other measured values and notes; table,
    computation, rows used and sources."""
    rows = results[results["check_key"] != ""]
    return pd.DataFrame(
        {
            "Id": rows["claim_id"].to_numpy(),
            "Other measured values, basis and notes": [others_text(r) for _, r in rows.iterrows()],
            "Evidence: data, computation, rows used, sources": [
                evidence_text(r) if r["table"] else "–" for _, r in rows.iterrows()
            ],
        }
    )


def unchecked_table(results: pd.DataFrame) -> pd.DataFrame:
    """Reader's table of the claims no table here can test, with the reason."""
    rows = results[results["verdict"] == NOT_CHECKABLE]
    return pd.DataFrame(
        {
            "Id": rows["claim_id"].to_numpy(),
            "Claim (restated; seed section)": [claim_cell(r) for _, r in rows.iterrows()],
            "Claimed": rows["claimed"].to_numpy(),
            "Why not checkable": rows["reason"].to_numpy(),
        }
    )


def disagreement_table(results: pd.DataFrame) -> pd.DataFrame:
    """Claims measured more than one way (two reporters, several press figures, two measures, a value that
    changed over time), with the value the verdict uses and why."""
    rows = results[(results["basis"] != "") & (results["verdict"] != NOT_CHECKABLE)]
    return pd.DataFrame(
        {
            "Id": rows["claim_id"].to_numpy(),
            "Measured (used)": rows["measured"].to_numpy(),
            "Other values": rows["others"].to_numpy(),
            "Which value the verdict uses, and why": rows["basis"].to_numpy(),
        }
    )


def sources_used(results: pd.DataFrame) -> list[str]:
    """Catalogue keys behind the results, in catalogue order, with the seeds and the project's curation."""
    keys = {k for cell in results["sources"] for k in cell.split("; ") if k} | {"seeds", "project"}
    return [k for k in SOURCES if k in keys]


def closeness_table(close: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    """Reader's table of the closeness claims ranked among all states (:func:`bilateral.ranks.claims_against_all`
    output), with the verdict each got against the claims table's peers."""
    return pd.DataFrame(
        {
            "Id": close["claim_id"],
            "Claim": close["claim"],
            "Rank among all states": close["text"],
            "Verdict above": close["claim_id"].map(results.set_index("claim_id")["verdict"]),
            "What the all-state rank adds": close["reading"],
        }
    )
