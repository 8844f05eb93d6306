"""The military report's Methods and caveats list and its Sources list.

The TIV explanation is stated here, once per report; the sources' own caveats that restate it are left
out (:func:`bilateral.military.text.without_tiv_explanation`), and so are caveats about states the
report does not show (:func:`bilateral.countries.concerns`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import data
from bilateral import events as evs
from bilateral.catalog import SOURCES
from bilateral.countries import concerns
from bilateral.military.compute import DATA_YEARS, REGISTER_COMPLETE_FOR
from bilateral.military.text import names_or, without_tiv_explanation

__all__ = ["methods_points", "source_citations", "source_keys"]


def methods_points(
    width: int,
    milestones: pd.DataFrame,
    events: pd.DataFrame,
    event_sources: pd.DataFrame,
    event_keys: Sequence[str],
    countries: Sequence[str],
) -> list[str]:
    """The Methods and caveats points, each once.

    Args:
        width: the length of the periods (years).
        milestones: the security milestones shown; ``events``, ``event_sources``: the whole events tables.
        event_keys: catalogue keys of the milestones' sources (:func:`bilateral.events.source_keys`).
        countries: the states whose spending is shown (their sources' caveats are kept).
    """
    dates = evs.date_sentence(milestones, event_sources)
    points = [
        "TIV (SIPRI's trend-indicator value) puts deliveries of major conventional arms on one scale based on known unit "
        "production costs, so that volumes can be compared across weapons, suppliers and years. It is not the price paid, "
        "and none of the TIV charts or tables above is in money.",
        f"Shares and ranks are computed from TIV summed over periods of up to {width} years, because deliveries are lumpy "
        "from year to year; tied suppliers share the better rank; deliveries from unidentified suppliers count in the totals "
        "under SIPRI's label. All totals, shares, ranks and ratios are this project's calculations, not SIPRI's.",
        f"The register extract holds only deals in which {names_or(REGISTER_COMPLETE_FOR)} "
        "is the supplier or the recipient. For any other state it holds only its deals with these three: a pair without one "
        "of them cannot be covered, and the export destinations of a supplier outside them cannot be ranked (only its total "
        "exports are known, from SIPRI's totals of arms deliveries by country and year).",
        f"What the data miss: deliveries before {DATA_YEARS[0]} (for the post-Soviet states, the first years after independence) and in "
        f"{DATA_YEARS[1] + 1}; deals kept secret or that SIPRI could not confirm from open sources; small arms, light "
        "weapons, ammunition and services, which SIPRI does not count as major arms. SIPRI's '?' marks estimated numbers and years.",
        "Security milestones come from the project's curated events table, built from the seed documents, press reports and "
        "datasets; it is a selection rather than a complete record, and the seed documents argue a position in places. The "
        "timeline shows events of the military dimension and wars or military cooperation involving the recipient with the "
        "supplier or the rival.",
        "How the milestones are sourced: "
        + evs.seed_only_sentence(milestones, events, what="this report's timeline")
        + (" " + dates if dates else ""),
    ]
    for key in ["sipri_arms_transfers", "sipri_milex", *event_keys]:
        points += [
            f"{SOURCES[key].short}: {c}"
            for c in without_tiv_explanation(SOURCES[key].caveats)
            if concerns(c, countries)
        ]
    for name in ("arms_totals", "military_expenditure"):
        points += [f"{data.table_title(name)}: {w}" for w in without_tiv_explanation(data.table_warnings(name))]
    return list(dict.fromkeys(points))


def source_keys(event_keys: Sequence[str], alliances: pd.DataFrame | None) -> list[str]:
    """The catalogue keys of every source the report uses, in the order of the Sources list."""
    atop = list(data.table_sources("alliances")) if alliances is not None else []
    return list(dict.fromkeys(["sipri_arms_transfers", "sipri_milex", *event_keys, *atop]))


def source_citations(keys: Sequence[str]) -> list[str]:
    """The full citation of each source, for the Sources list."""
    return [SOURCES[k].citation for k in keys]
