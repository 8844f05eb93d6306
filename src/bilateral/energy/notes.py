"""Energy report, text: the header line, the notes a section prints when the data do not cover the pair or
the period, the caveats and the list of sources.

A note is a template filled from the report's parameters (:class:`bilateral.params.Params`): ``note(key, P)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import citations, fmt, gas_routes
from bilateral import events as evs
from bilateral.catalog import SOURCES
from bilateral.countries import concerns, display_name
from bilateral.data import table_title, table_warnings
from bilateral.energy.compute import EI_YEARS, PRESS_BUYER, TRADE_YEAR, names, year_list
from bilateral.energy.pipelines import PIPELINE_ORIGIN, pipelines_apply

__all__ = [
    "NOTES",
    "caveats",
    "header",
    "no_gas_production",
    "no_press_suppliers",
    "no_sides",
    "not_in_owid",
    "note",
    "press_missing",
    "press_outside",
    "sources_list",
]

#: What a section says when its data do not cover the pair or the period. Placeholders: ``{name_a}``,
#: ``{name_b}`` (the pair's names), ``{period}``, ``{ei_last}`` (last year of the Energy Institute series),
#: ``{trade_year}`` (the year of its trade matrices), ``{origin}`` (where the pipelines' oil and gas come from).
NOTES = {
    "no_ei_years": "The period {period} lies after the last year of the Energy Institute series ({ei_last}): this section has no data.",
    "no_ei_series_a": "The Energy Institute extract used here gives no oil or gas series for {name_a}.",
    "no_exports_a": "The Energy Institute's {trade_year} gas trade matrices list no gas exports from {name_a}.",
    "trade_year_outside": "The Energy Institute's trade matrices are for {trade_year} only, which is outside the period {period}.",
    "no_ei_consumption_b": "The Energy Institute extract used here gives no gas consumption for {name_b}.",
    "iea_not_turkiye": "Not covered: the IEA series used here are Türkiye's border points, and the buyer is {name_b}.",
    "iea_outside": f"The IEA series runs from {fmt.date(gas_routes.FIRST_MONTH)} to {fmt.date(gas_routes.LAST_MONTH)}, "
    "outside the period {period}: not covered.",
    "no_route_a": "No entry route carries gas from {name_a}; the figures below show Türkiye's entries by source for context.",
    "press_not_turkiye": "This section does not apply to the pair chosen: the press figures cover Türkiye's gas imports only, and the buyer here is {name_b}.",
    "sides_not_turkiye": "Not applicable: the buyer is {name_b}, not Türkiye.",
    "subannual_not_turkiye": "Not applicable: the buyer is {name_b}, not Türkiye.",
    "subannual_no_label": "Not applicable: the press tables name no imports from {name_a}.",
    "no_subannual": "The press tables give no monthly or quarterly figures for {name_a} in the period.",
    "eurostat_not_turkiye": "Not applicable: Eurostat's extract here has Türkiye as the reporter, and the buyer is {name_b}.",
    "eurostat_outside": "Eurostat's extract covers 2011–2020, outside the period {period}.",
    "pipelines_not_origin": "This section does not apply to the pair chosen: the pipelines described here carry oil and gas from {origin}, and the supplier here is {name_a}.",
    "no_milestones": "The events table has no energy events involving {name_a} in {period}.",
    "no_btc": "The pipelines table has no calendar-year BTC throughput in {period}.",
}  # fmt: skip


def note(key: str, P) -> str:
    """The note :data:`NOTES` ``[key]`` for the report's parameters ``P``.

    >>> from bilateral.params import Params
    >>> note("no_ei_consumption_b", Params("AZE", "GEO", 2000, 2020, ()))
    'The Energy Institute extract used here gives no gas consumption for Georgia.'
    """
    return NOTES[key].format(
        name_a=P.name_a,
        name_b=P.name_b,
        period=P.period,
        ei_last=EI_YEARS[1],
        trade_year=TRADE_YEAR,
        origin=display_name(PIPELINE_ORIGIN),
    )


def header(P, ei_span: str | None) -> str:
    """The line under the title: the pair, the period, the comparators, the years of the EI series and the units."""
    return (
        f"**Supplier:** {P.name_a} ({P.country_a}); **buyer:** {P.name_b} ({P.country_b}); **period:** {P.period}; "
        f"**other suppliers compared:** {names(P.comparators)}. "
        + (
            f"Energy Institute series are used for {ei_span} (they end in {EI_YEARS[1]}). "
            if ei_span
            else f"The period lies after the Energy Institute series end ({EI_YEARS[1]}). "
        )
        + "Volumes of gas are in billion cubic metres (bcm) or, month by month, million cubic metres (mcm); "
        "energy content in terawatt-hours (TWh)."
    )


def not_in_owid(codes: Sequence[str], tail: str = "") -> str:
    """``"Our World in Data's subset used here does not cover China."``"""
    return f"Our World in Data's subset used here does not cover {names(codes)}{tail}."


def no_gas_production(codes: Sequence[str]) -> str:
    return f"No gas production series for {names(codes)} in the Energy Institute extract used here."


def press_outside(P, imports: pd.DataFrame) -> str:
    """The press table's span, when the period lies outside it."""
    span = f"{int(imports['year'].min())}–{int(imports['year'].max())}"
    return f"The press table spans {span}, outside the period {P.period}."


def no_press_suppliers(codes: Sequence[str]) -> str:
    return f"The press table names no imports from {names(codes).replace(' and ', ' or ')}."


def press_missing(codes: Sequence[str]) -> str:
    return f"The press table names no imports from {names(codes)}; they are left out of this section."


def no_sides(codes: Sequence[str]) -> str:
    return f"The press table has no supplier-side figures for {names(codes)} in the period."


#: Sources whose caveats the report repeats (those that concern the states shown).
CAVEAT_SOURCES = (
    "iea_gas_trade_flows",
    "ei_statistical_review_2023",
    "owid_energy",
    "press_figures",
    "eurostat_nrg_ti_gas",
    "natural_earth_110m",
)
#: Processed tables whose usage warnings the report repeats.
WARNED_TABLES = ("gas_flows_turkiye_monthly", "owid_energy_series", "gas_imports_turkiye", "events")
#: Every source the report cites, in the order of the Sources section.
USED_SOURCES = (*CAVEAT_SOURCES, "seeds", "events_press", "project")


def caveats(P, ev: pd.DataFrame, events: pd.DataFrame, event_sources: pd.DataFrame, sm3: Sequence[int]) -> str:
    """The caveats the sources and the tables state, the sourcing of the milestones and the Sm³ note."""
    shown = [P.country_a, P.country_b, *P.comparators]
    lines = [f"- *{SOURCES[k].short}:* {c}" for k in CAVEAT_SOURCES for c in SOURCES[k].caveats if concerns(c, shown)]
    lines += [f"- *{table_title(t)}:* {w}" for t in WARNED_TABLES for w in table_warnings(t)]
    text = "Caveats stated by the sources and the tables:\n\n" + "\n".join(lines)
    if pipelines_apply(P.country_a, P.country_b):
        dates = evs.date_sentence(ev, event_sources)
        text += (
            "\n\n**How the energy milestones are sourced.** "
            + evs.seed_only_sentence(ev, events, what="this report's pipeline timeline")
            + (" " + dates if dates else "")
        )
    if P.country_b == PRESS_BUYER and sm3:
        text += (
            f"\n\nThe {year_list(sm3)} volumes are given by EPDK in standard cubic metres (Sm³); earlier press figures do not always state "
            "the reference conditions, so small differences between years can reflect measurement as well as flows."
        )
    return text


def sources_list(P, imports: pd.DataFrame, facts: pd.DataFrame, ev: pd.DataFrame) -> str:
    """The Sources section: each dataset's citation, vintage and terms, then the press and company pages quoted."""
    lines = [
        f"- **{SOURCES[k].short}.** {SOURCES[k].citation} Vintage: {SOURCES[k].vintage}. Terms: {SOURCES[k].licence}."
        for k in USED_SOURCES
    ]
    lines.append(
        "- **GeoNames** (coordinates of the route points), https://www.geonames.org, CC BY 4.0; records cited row by row in the route-points table."
    )
    pipes = pipelines_apply(P.country_a, P.country_b)
    pages = []
    if P.country_b == PRESS_BUYER:
        rows = imports[imports["use_in_series"].astype(bool) | (imports["side"] == "exporter")]
        pages.append(rows[["reported_by", "url"]])
    if pipes:
        pages.append(facts[["source", "url"]].rename(columns={"source": "reported_by"}))
    if pipes and not ev.empty:
        urls = citations.cited_urls(ev["source"])
        pages.append(pd.DataFrame({"reported_by": [citations.url_host(u) for u in urls], "url": urls}))
    if pages:
        pg = pd.concat(pages).drop_duplicates("url").sort_values(["reported_by", "url"], kind="mergesort")
        lines.append(
            "\n  Press and company pages quoted in this report:\n"
            + "\n".join(f"  - {r}: <{u}>" for r, u in zip(pg["reported_by"], pg["url"]))
        )
    return "\n".join(lines)
