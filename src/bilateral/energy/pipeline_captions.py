"""Energy report, text: captions and alt text of the pipeline section's figures and tables (milestones, BTC
throughput, route map)."""

from __future__ import annotations

import calendar

import pandas as pd

from bilateral import events as evs
from bilateral import fmt
from bilateral.energy import titles
from bilateral.energy.compute import year_list
from bilateral.energy.maps import projection_text
from bilateral.energy.pipelines import OTHER_LANE, PIPELINE_ORDER
from bilateral.energy.text import reach_sentence
from bilateral.energy.titles import with_title

__all__ = [
    "btc",
    "btc_alt",
    "btc_table",
    "milestones_table",
    "pipelines_table",
    "route_map",
    "route_map_alt",
    "route_points_table",
    "timeline",
    "timeline_alt",
]

# ---------------------------------------------------------------------------------------------
# Pipelines
# ---------------------------------------------------------------------------------------------


def pipelines_table() -> str:
    return (
        "The four pipelines (what each carries in brackets): length, capacity, operator or shareholders and first flow, as company "
        "and press pages state them ('not in the data' where this project has no sourced figure)."
    )


def timeline(P, ev: pd.DataFrame) -> str:
    return with_title(
        titles.timeline_title(ev),
        f"Energy milestones involving {P.name_a}, {fmt.years(int(ev['x'].min()), int(ev['x'].max()))}, one row each, numbered and "
        "named (shortened) as in the table below, each dot in its pipeline's colour. Month- or year-precise dates are drawn "
        "mid-month or mid-year. " + evs.marker_caption(ev),
    )


def timeline_alt(ev: pd.DataFrame) -> str:
    lanes = [k for k in [*PIPELINE_ORDER, OTHER_LANE] if (ev["lane"] == k).any()]
    return (
        f"Timeline of {len(ev)} energy milestones from {ev['when'].iloc[0]} to {ev['when'].iloc[-1]}: "
        + "; ".join(f"{k} {int((ev['lane'] == k).sum())}" for k in lanes)
        + " events."
    )


def milestones_table() -> str:
    return (
        "Energy milestones (curated events table): each row names its sources by publisher (seed documents by author) and the date "
        "each gives, and whether the milestone rests on the seed documents alone or on independent sources of one side, of both "
        "sides or of a third party; the full addresses are under Sources."
    )


def btc(P, thr: pd.DataFrame, cap: pd.Series) -> str:
    return with_title(
        titles.btc_title(thr, cap),
        f"Oil carried by BTC, calendar years with a figure in {P.period} (press and company figures). Left: million barrels; "
        "right: million tonnes. Marker shapes distinguish what is measured; a year without a marker has no figure.",
    )


def btc_alt(thr: pd.DataFrame, cap: pd.Series) -> str:
    mb = thr[thr["unit"] == "million barrels"]
    mt = thr[thr["unit"] == "million tonnes"]
    return (
        f"Dot charts of BTC throughput: {len(mb)} figures in million barrels ({year_list(mb['year'])}), from "
        f"{fmt.num(mb['value'].min())} to {fmt.num(mb['value'].max())}; {len(mt)} figures in million tonnes ({year_list(mt['year']) or 'none'})"
        + (f", from {fmt.num(mt['value'].min())} to {fmt.num(mt['value'].max())}" if len(mt) else "")
        + _capacity_alt(cap)
    )


def _capacity_alt(cap: pd.Series) -> str:
    """The capacity in force at the end of the series, and the first year of the run of years it covers."""
    c = cap.dropna()
    if c.empty:
        return "."
    rate = pd.Series([v / (366 if calendar.isleap(int(y)) else 365) for y, v in c.items()], index=c.index)
    same = (rate - rate.iloc[-1]).abs() < 1e-9
    since = int(c.index[-1])
    for y in reversed(list(c.index)):
        if not same[y]:
            break
        since = int(y)
    return f". Capacity times days is about {fmt.integer(c.iloc[-1])} million barrels a year from {since}."


def btc_table() -> str:
    return "BTC throughput figures by year, as published (units as given)."


def route_map(P) -> str:
    return with_title(
        reach_sentence(P),
        "BTC, SCP (with its expansion SCPx), TANAP and TAP as straight segments between main points of each route (approximate), "
        f"on Natural Earth's 1:110m country outlines; {projection_text()}. {P.name_a} and {P.name_b} are shaded.",
    )


def route_map_alt(points: pd.DataFrame, lines: dict[str, pd.DataFrame]) -> str:
    by_lon = points.sort_values("lon")
    return (
        f"Map from the Caspian to southern Italy with {len(points)} points, from {by_lon.iloc[-1]['point']} in the east to "
        f"{by_lon.iloc[0]['point']} in the west: "
        + "; ".join(f"{k} joins {', '.join(p['point'])}" for k, p in lines.items())
        + "."
    )


def route_points_table() -> str:
    return "Route points of the map (curated), each with the GeoNames record its coordinates come from."
