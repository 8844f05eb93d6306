"""The military report's Methods and caveats list and its Sources list.

What TIV means is said once per report, in the key findings (:data:`bilateral.military.text.TIV_MEANING`);
here is how it is built. The sources' own caveats that restate the TIV explanation or a point made here are
left out, and so are caveats about states the report does not show (:func:`bilateral.countries.concerns`) and
caveats that two sources state alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from bilateral import data
from bilateral import events as evs
from bilateral.catalog import SOURCES
from bilateral.countries import concerns
from bilateral.military.compute import REGISTER_COMPLETE_FOR
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
        "How TIV is built: SIPRI values each weapon system at a known unit production cost (less for second-hand "
        "systems) and multiplies it by the units delivered, so that volumes can be compared across weapons, suppliers "
        "and years; the charts and tables give TIV in millions.",
        f"Shares and ranks are computed from TIV summed over periods of up to {width} years; tied partners share the "
        "better rank; SIPRI's unknown suppliers count in the totals and shares but are not ranked. All totals, shares, "
        "ranks and ratios are this project's calculations, not SIPRI's.",
        f"The register extract holds only deals in which {names_or(REGISTER_COMPLETE_FOR)} "
        "is the supplier or the recipient. For any other state it holds only its deals with these three: a pair without one "
        "of them cannot be covered, and the export destinations of a supplier outside them cannot be ranked (only its total "
        "exports are known, from SIPRI's totals of arms deliveries by country and year).",
        "What the data miss besides the years outside the extract (for the post-Soviet states, the first years after "
        "independence): deals kept secret or that SIPRI could not confirm from open sources; small arms, light weapons, "
        "ammunition and services, which SIPRI does not count as major arms.",
        "Security milestones come from the project's curated events table, built from the seed documents, press reports and "
        "datasets; it is a selection rather than a complete record. The "
        "timeline shows events of the military dimension and wars or military cooperation involving the recipient with the "
        "supplier or the rival.",
        "How the milestones are sourced: "
        + evs.seed_only_sentence(milestones, events, what="this report's timeline")
        + (" " + dates if dates else ""),
    ]
    for key in ["sipri_arms_transfers", "sipri_milex", *event_keys]:
        points += [f"{SOURCES[key].short}: {c}" for c in _own(SOURCES[key].caveats, countries)]
    for name in ("arms_totals", "military_expenditure"):
        points += [f"{data.table_title(name)}: {w}" for w in _own(data.table_warnings(name), countries)]
    return _once(points)


#: Caveats that restate a point made above (the project's calculations): left out of the sources' caveats.
_SAID_ABOVE = re.compile(r"this project's calculations?, not SIPRI's", re.I)


def _own(caveats: Sequence[str], countries: Sequence[str]) -> list[str]:
    """A source's caveats that concern the states shown and do not restate the TIV explanation or a point above."""
    return [c for c in without_tiv_explanation(caveats) if concerns(c, countries) and not _SAID_ABOVE.search(c)]


def _once(points: Sequence[str]) -> list[str]:
    """The points without repeats: a point whose first clause (after its source's name) was made already is left out."""
    seen, out = set(), []
    for p in points:
        key = p.split(": ", 1)[-1].split(";")[0].strip().rstrip(".").lower()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def source_keys(event_keys: Sequence[str], alliances: pd.DataFrame | None) -> list[str]:
    """The catalogue keys of every source the report uses, in the order of the Sources list."""
    atop = list(data.table_sources("alliances")) if alliances is not None else []
    return list(dict.fromkeys(["sipri_arms_transfers", "sipri_milex", *event_keys, *atop]))


def source_citations(keys: Sequence[str]) -> list[str]:
    """The full citation of each source, for the Sources list."""
    return [SOURCES[k].citation for k in keys]
