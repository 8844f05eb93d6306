"""The pipeline step: read, validate and cross-check the curated files, and join the events to their sources."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral import paths
from bilateral.sources._raw import require_sources
from bilateral.sources.curated.cross_check import cross_check_claims, cross_check_events
from bilateral.sources.curated.validate import read_curated, validate_claims, validate_events, validate_route_points
from bilateral.sources.curated.vocab import CLAIM_COLUMNS, EVENT_COLUMNS, ROUTE_COLUMNS, SOURCES_USED
from bilateral.sources.event_sources import (
    check_dates,
    join_sources,
    read_events_press,
    read_outlets,
    sourcing_fields,
)

__all__ = ["build"]


def build(raw: Path, folder: Path | None = None) -> dict[str, pd.DataFrame]:
    """Read, validate and cross-check ``data/curated/events.csv`` and ``claims.csv``.

    Args:
        raw: the raw sources folder (for the cross-checks).
        folder: the curated folder; defaults to :data:`bilateral.paths.CURATED_DIR`.

    Returns:
        ``{"events": ..., "claims": ...}`` with the published columns and dtypes.

    Raises:
        MissingSourcesError: when a raw source the cross-checks need is absent.
        CuratedDataError: naming the file, column, line and id of the first row that breaks a rule.
    """
    folder = Path(folder) if folder is not None else paths.CURATED_DIR
    require_sources(raw, SOURCES_USED)
    where = folder.name
    events = validate_events(read_curated("events", EVENT_COLUMNS, folder), f"{where}/events.csv")
    cross_check_events(events, raw, f"{where}/events.csv")
    sources = join_sources(events, read_events_press(raw), read_outlets(folder), f"{where}/events.csv")
    check_dates(events, sources, f"{where}/events.csv")
    events = sourcing_fields(events, sources)
    claims = validate_claims(read_curated("claims", CLAIM_COLUMNS, folder), events, f"{where}/claims.csv")
    cross_check_claims(claims, raw, f"{where}/claims.csv")
    points = validate_route_points(read_curated("route_points", ROUTE_COLUMNS, folder), f"{where}/route_points.csv")
    return {"events": events, "event_sources": sources, "claims": claims, "route_points": points}
