"""Display tables of the claims report (frames for ``figures.table``): the claims measured, their
evidence, the claims not checkable, the claims measured more than one way; and the sources behind them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from bilateral import citations
from bilateral.catalog import SOURCES
from bilateral.claims.helpers import cell_text, short_urls
from bilateral.claims.model import NOT_CHECKABLE

__all__ = [
    "checked_table",
    "claim_cell",
    "claimed_measured",
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


def evidence_text(r: Mapping[str, Any], *, full: bool = False) -> str:
    """The evidence of one result row in one cell: table, computation, the records used, and the sources by
    short name (the table's source line gives their vintages). Web addresses are shortened to their site
    unless ``full`` (the data file gives them in full)."""
    parts = [f"Data: {table_titles(r['table'])}; {r['computation']}."]
    if r["rows"]:
        parts.append(f"Records used: {r['rows'] if full else short_urls(r['rows'])}.")
    keys = [k for k in str(r.get("sources", "")).split("; ") if k]
    if keys:
        parts.append("Source: " + "; ".join(SOURCES[k].short if k in SOURCES else k for k in keys) + ".")
    return " ".join(parts)


_YEAR_RANGE = re.compile(r"\b(1[89]\d\d|20\d\d)-(1[89]\d\d|20\d\d)\b")


def claim_cell(r: Mapping[str, Any], *, seed: bool = False) -> str:
    """The restated claim with the seed section it comes from: ``"BTC is 1,768 km long. (section Energy
    Cooperation)"``; with ``seed``, the seed document too ("(Barranzuela (2022), section Energy Cooperation)"),
    for tables that mix both seeds. Year ranges read with an en dash ("1996–2003")."""
    claim = _YEAR_RANGE.sub(r"\1–\2", str(r["claim"]))
    where = citations.sections_text(cell_text(r.get("location")))
    if seed and cell_text(r.get("seed_name")):
        where = f"{r['seed_name']}, {where}" if where else str(r["seed_name"])
    return f"{claim} ({where})" if where else claim


def others_text(r: Mapping[str, Any]) -> str:
    """Other measured values, which one the verdict uses and why, and what the measure does not cover; '–' if none."""
    parts = (r["others"], f"Basis: {r['basis']}" if r["basis"] else "", f"Note: {r['caveat']}" if r["caveat"] else "")
    return "; ".join(x for x in parts if x) or "–"


def claimed_measured(r: Mapping[str, Any]) -> str:
    """The claimed and the measured value in one cell: "Claimed: 6.2%; measured: 6.19% (...)"; a claim without a
    number reads "Claim read as: ...", or "No number claimed"."""
    claimed = str(r["claimed"])
    if claimed.startswith("read as: "):
        return f"Claim {claimed}; measured: {r['measured']}"
    if claimed.startswith("no number"):
        return f"No number claimed; measured: {r['measured']}"
    return f"Claimed: {claimed}; measured: {r['measured']}"


def checked_table(results: pd.DataFrame) -> pd.DataFrame:
    """Reader's table of the claims a table here can test: claim (with its seed section), the claimed and the
    measured value, verdict and reason (four columns, so that it fits a phone).

    The other measured values and the evidence of each claim are in :func:`evidence_table`, keyed by the same
    ids: one table with all of them is unreadable on an A4 page.
    """
    rows = results[results["check_key"] != ""]
    return pd.DataFrame(
        {
            "Id": rows["claim_id"].to_numpy(),
            "Claim (restated; seed section)": [claim_cell(r) for _, r in rows.iterrows()],
            "Claimed and measured": [claimed_measured(r) for _, r in rows.iterrows()],
            "Verdict: reason": [f"{v}: {w}" for v, w in zip(rows["verdict"], rows["reason"])],
        }
    )


def evidence_table(results: pd.DataFrame, *, full: bool = False) -> pd.DataFrame:
    """The evidence behind each claim of :func:`checked_table`: other measured values and notes; table,
    computation, records used and sources (web addresses shortened to their site unless ``full``)."""
    rows = results[results["check_key"] != ""]
    return pd.DataFrame(
        {
            "Id": rows["claim_id"].to_numpy(),
            "Other values, basis, notes": [others_text(r) for _, r in rows.iterrows()],
            "Evidence: data, computation, records, sources": [
                evidence_text(r, full=full) if r["table"] else "–" for _, r in rows.iterrows()
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
    shown = results.set_index("claim_id").reindex(columns=["location", "seed_name"])
    cells = {
        i: claim_cell({"claim": c, **shown.loc[i].fillna("").to_dict()}, seed=True) if i in shown.index else c
        for i, c in zip(close["claim_id"], close["claim"])
    }
    return pd.DataFrame(
        {
            "Id": close["claim_id"],
            "Claim (restated; seed, section)": close["claim_id"].map(cells),
            "Rank among all states": close["text"],
            "Verdict above": close["claim_id"].map(results.set_index("claim_id")["verdict"]),
            "What the all-state rank adds": close["reading"],
        }
    )
