"""Claim checks on the energy tables: pipeline facts (``pipelines``, with barrels per tonne from
``energy_series``), Türkiye's gas suppliers as quoted in the press (``gas_imports_turkiye_subannual``) and
the IEA entry points (``gas_flows_turkiye_monthly``). Each is ``check_<key>(claim, tables) -> Measurement``
for a key of :data:`bilateral.claim_registry.CHECK_KEYS`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from bilateral import energy, fmt, gas_routes
from bilateral.catalog import IEA_GAS_ROUTES as IEA_ROUTES
from bilateral.claims.compute import barrels_per_tonne
from bilateral.claims.helpers import (
    args_of,
    cell_text,
    date_text,
    missing,
    none,
    num_text,
    table_sources,
    turkiye,
)
from bilateral.claims.model import SEED_YEARS, Measurement
from bilateral.countries import display_name

__all__ = [
    "capacity_in_force",
    "check_gas_entry_rank",
    "check_gas_route_origin",
    "check_gas_supplier_rank",
    "check_pipeline_attribute",
    "fact_date",
]

_MONTH_YEAR = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{4})\b")


def fact_date(row: Mapping[str, Any]) -> tuple[str, str]:
    """The date of a dated pipelines fact, as precise as the table gives it.

    A full ``event_date`` gives day precision; a month and year in the ``qualifier`` matching the fact's year
    ("June 2006", "end December 2020") give month precision; otherwise the year in ``value``.

    Returns:
        ``(iso, precision)``, e.g. ``("2006-06", "month")``.
    """
    if not missing(row.get("event_date")):
        return str(row["event_date"])[:10], "day"
    year = int(row["value"])
    for m in _MONTH_YEAR.finditer(cell_text(row.get("qualifier"))):
        try:
            y, month = energy.parse_month_year(f"{m.group(1)} {m.group(2)}")
        except ValueError:
            continue
        if y == year:
            return f"{y}-{month:02d}", "month"
    return str(year), "year"


def _fact_rows(row: Mapping[str, Any]) -> str:
    return f"{row['source']} ({row['url']}): \u201c{cell_text(row.get('quote'))}\u201d"


def capacity_in_force(facts: pd.DataFrame, pipeline: str, year: int) -> tuple[float, str, str, list[str]] | None:
    """The capacity in force at the end of ``year`` (read with :func:`bilateral.energy.capacity_periods`).

    Returns:
        ``(value, unit, period, others)``: the period as text ("since Mar 2009") and the other capacities
        with their periods; None when no capacity period covers the year.
    """

    def month(ym: tuple[int, int]) -> str:
        return fmt.date(f"{ym[0]}-{ym[1]:02d}")

    chosen, others = None, []
    for start, end, value, unit in energy.capacity_periods(facts, pipeline):
        span = f"{month(start)}–{month(end)}" if end else f"since {month(start)}"
        if chosen is None and start <= (year, 12) and (end is None or end > (year, 12)):
            chosen = (value, unit, span)
        else:
            others.append(f"{num_text(value, unit)} ({span})")
    return None if chosen is None else (*chosen, others)


def check_pipeline_attribute(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """One fact of the ``pipelines`` table against the claim: a date, the year named as the peak, or a number.

    Numbers in another unit than the claim's are converted only from million tonnes of oil to barrels, with
    the barrels per tonne implied by Azerbaijan's oil production in the Energy Institute series
    (:func:`barrels_per_tonne`, pooled from the pipeline's first year to the fact's year).
    """
    a = args_of(claim)
    facts = tables["pipelines"]
    rows = facts[(facts["pipeline"] == a["pipeline"]) & (facts["attribute"] == a["attribute"])]
    base = {"table": "pipelines", "sources": table_sources("pipelines")}
    if rows.empty:
        return none(f"the pipelines table has no fact '{a['attribute']}' for {a['pipeline']}", **base)
    r = rows.iloc[0]
    name = str(r["pipeline_name"])
    note = turkiye(cell_text(r.get("note")))
    fact = fmt.dates_in_text(a["attribute"])
    others = (f"note in the table: {note}",) if note else ()
    kind = cell_text(claim.get("kind"))
    if kind == "date":
        iso, precision = fact_date(r)
        return Measurement(
            compare="date", value=iso, precision=precision, text=date_text(iso), unit="date",
            computation=f"the date of the fact '{fact}' of {name} ({precision} precision)",
            rows=_fact_rows(r), others=others, **base,
        )  # fmt: skip
    if kind == "ranking":
        year = r["reference_year"]
        if missing(year) or missing(claim.get("year")):
            return none("the fact names no year to compare with the claimed year", **base)
        return Measurement(
            compare="equal", value=int(year), claimed=int(claim["year"]), claimed_text=f"{int(claim['year'])} as the peak year",
            text=f"{int(year)} named as the peak ({num_text(r['value'], str(r['unit']))})",
            unit="year", computation=f"the year the fact '{fact}' names as {name}'s maximum",
            rows=_fact_rows(r), others=others, **base,
        )  # fmt: skip
    unit_claimed = cell_text(claim.get("unit"))
    value, unit = float(r["value"]), str(r["unit"])
    computation = f"the fact '{fact}' of {name}"
    basis = ""
    if a["attribute"].lower() == "capacity" and len(rows) > 1:
        ref = int(claim["year"]) if not missing(claim.get("year")) else SEED_YEARS.get(cell_text(claim.get("seed")))
        picked = capacity_in_force(facts, a["pipeline"], ref) if ref else None
        if picked is None:
            return none("no capacity is stated for the year the claim is about", **base)
        value, unit, span, rest = picked
        others = (*others, *[f"other capacity: {x}" for x in rest])
        basis = f"the verdict uses the capacity in force in {ref} ({span}), " + (
            "the year the claim is about"
            if not missing(claim.get("year"))
            else "when the seed was published (the claim has no year)"
        )
        computation += f" in force in {ref}"
    if unit_claimed and unit != unit_claimed:
        if unit == "million tonnes" and unit_claimed == "billion barrels" and "energy_series" in tables:
            first = energy.first_flow(facts[facts["pipeline"] == a["pipeline"]])[1]
            last = int(r["reference_year"]) if not missing(r["reference_year"]) else None
            if first is None or last is None:
                return none("the years for a barrels-per-tonne factor are not known", **base)
            bpt = barrels_per_tonne(tables["energy_series"], "AZE", range(first, last + 1))
            if math.isnan(bpt):
                return none("no barrels-per-tonne factor can be derived from the data", **base)
            converted = value * bpt / 1000
            return Measurement(
                compare="number", value=converted, unit=unit_claimed,
                text=f"{num_text(converted, unit_claimed)} ({num_text(value, unit)} x {fmt.num(bpt, 2)} barrels per tonne)",
                table="pipelines, energy_series",
                computation=(
                    f"{computation} ({num_text(value, unit)}) converted to barrels with {fmt.num(bpt, 2)} barrels per tonne, "
                    f"the factor implied by Azerbaijan's oil production in barrels and in tonnes, {fmt.years(first, last)} "
                    "(Energy Institute); the pipeline also carries some Kazakh and Turkmen oil"
                ),
                sources=(*base["sources"], *table_sources("energy_series")), rows=_fact_rows(r), others=others,
            )  # fmt: skip
        return none(f"the table gives {unit}, the claim {unit_claimed}, and no conversion is in the data", **base)
    return Measurement(
        compare="number", value=value, unit=unit, text=num_text(value, unit), computation=computation,
        rows=_fact_rows(r), others=others, basis=basis, **base,
    )  # fmt: skip


def check_gas_supplier_rank(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Rank of a supplier among Türkiye's gas suppliers in one period, from the shares quoted in the press
    (EPDK figures); volumes over the total are shown beside it.

    The rank among the suppliers listed is certain only if the supplier's share exceeds what the unlisted
    suppliers share between them (100% minus the listed shares); otherwise nothing is measured.
    """
    a = args_of(claim)
    sub = tables["gas_imports_turkiye_subannual"]
    rows = sub[(sub["period"] == a["period"]) & sub["usable"].astype(bool)]
    base = {
        "table": "gas_imports_turkiye_subannual",
        "sources": table_sources("gas_imports_turkiye_subannual"),
        "unit": "rank",
    }
    shares = rows[(rows["quantity"] == "share") & rows["supplier_iso3"].notna()].drop_duplicates("supplier_iso3")
    shares = shares.sort_values(["share_pct", "supplier_iso3"], ascending=[False, True], kind="mergesort")
    if a["supplier"] not in set(shares["supplier_iso3"]):
        return none(f"no share of {display_name(a['supplier'])} is quoted for {a['period']}", **base)
    order = list(shares["supplier_iso3"])
    own = float(shares.loc[shares["supplier_iso3"] == a["supplier"], "share_pct"].iloc[0])
    rank = 1 + int((shares["share_pct"] > own).sum())
    rest = 100.0 - float(shares["share_pct"].sum())
    listing = ", ".join(
        f"{display_name(c)} {fmt.pct(v, 2)}" for c, v in zip(shares["supplier_iso3"], shares["share_pct"])
    )
    if own <= rest:
        return none(
            f"the suppliers not listed share {fmt.pct(rest, 2)}, more than {display_name(a['supplier'])}'s {fmt.pct(own, 2)}, so its rank is not certain",
            **base,
        )
    others = []
    vols = rows[rows["quantity"] == "volume"]
    total = vols[vols["supplier"] == energy.TOTAL_LABEL]["volume_bcm"]
    mine = vols[vols["supplier_iso3"] == a["supplier"]]["volume_bcm"]
    if len(total) and len(mine):
        others.append(
            f"volumes: {num_text(float(mine.iloc[0]), 'bcm')} of {num_text(float(total.iloc[0]), 'bcm')} = "
            f"{fmt.pct(100 * float(mine.iloc[0]) / float(total.iloc[0]), 1)}"
        )
    stated = [m for m in shares.loc[shares["supplier_iso3"] == a["supplier"], "measure"] if "rank" in str(m)]
    if stated:
        others.append(f"as quoted: {stated[0]}")
    return Measurement(
        compare="rank",
        value=rank,
        text=f"rank {rank} of {len(order)} listed ({listing}; unlisted suppliers together {fmt.pct(rest, 2)})",
        computation=f"suppliers ranked by their share of Türkiye's gas imports in {date_text(a['period'])}, as quoted in the press",
        rows="; ".join(sorted({f"{p} ({u})" for p, u in zip(rows["reported_by"], rows["url"])})),
        others=tuple(others),
        **base,
    )


def check_gas_entry_rank(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Rank of a supplier among the pipeline suppliers entering Türkiye in one month, from the IEA entry points
    (Türkgözü = Azerbaijan; Samsun, Kıyıköy and the Malkoçlar entry = Russia; Doğubayazıt = Iran).

    LNG, whose origins the IEA series does not give, cannot be ranked as a country; its total is shown. Where the
    press quotes the regulator's shares by country for the same month (:func:`check_gas_supplier_rank`), that rank
    is a second measure that must agree.
    """
    a = args_of(claim)
    flows = tables["gas_flows_turkiye_monthly"]
    sources = table_sources("gas_flows_turkiye_monthly")
    base = {"table": "gas_flows_turkiye_monthly", "unit": "rank"}
    sup = gas_routes.by_supplier(gas_routes.monthly_wide(flows))
    period, who = a["period"], a["supplier"]
    if period not in sup.index or who not in gas_routes.COUNTRY_SUPPLIERS:
        return none(
            f"the IEA entry points give no route for {display_name(who)} in {date_text(period)}",
            sources=sources,
            **base,
        )
    row = sup.loc[period]
    rank, n, tied = gas_routes.rank_in_period(row, who)
    if rank is None:
        return none(
            f"no gas entered Türkiye on {gas_routes.route_phrase(who)} in {date_text(period)}", sources=sources, **base
        )
    listing = ", ".join(
        f"{display_name(k)} {num_text(float(row[k]), 'mcm')}"
        for k in sorted(gas_routes.COUNTRY_SUPPLIERS, key=lambda k: -float(row[k]))
    )
    others = [f"LNG of all origins {num_text(float(row['LNG']), 'mcm')} (not ranked: the IEA series gives no LNG origin)",
              f"{display_name(who)}'s share of all entries: {fmt.pct(100 * float(row[who]) / float(row[gas_routes.TOTAL]), 1)}"]  # fmt: skip
    rk = gas_routes.ranks(sup, who)
    first = gas_routes.first_top_month(rk[rk["reported"]])
    if first and first < period:
        others.append(
            f"{display_name(who)} had already ranked first among the pipeline suppliers in {date_text(first)}"
        )
    second, press_sources, rows = (
        None,
        (),
        "IEA, Gas Trade Flows (May 2025): Türkiye's entry points, " + date_text(period),
    )
    if "gas_imports_turkiye_subannual" in tables:
        press = check_gas_supplier_rank(claim, tables)
        if press.value is not None:
            second, press_sources = int(press.value), press.sources
            others.append(f"press (EPDK shares by country, incl. LNG origins): {press.text}")
            rows += "; " + press.rows
    return Measurement(
        compare="rank",
        value=rank,
        text=f"{gas_routes.rank_text(rank, n, ', '.join(tied))} in {date_text(period)} ({listing})",
        computation=f"entries by route in {date_text(period)} summed per supplier (IEA Gas Trade Flows) and ranked",
        rows=rows,
        others=tuple(others),
        second=second,
        basis="the verdict needs the IEA rank among pipeline suppliers and, where the press quotes the regulator's shares by country, that rank too",
        caveat="entry points imply the supplier; the IEA series does not split LNG by origin",
        sources=tuple(dict.fromkeys((*sources, *press_sources))),
        **base,
    )


def check_gas_route_origin(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Where an entry route's gas comes from by the IEA entry point (the country on the other side of the border
    and the supplier it implies), against the origins the claim names; the other routes' volumes beside it."""
    a = args_of(claim)
    flows = tables["gas_flows_turkiye_monthly"]
    base = {"table": "gas_flows_turkiye_monthly", "unit": "", "sources": table_sources("gas_flows_turkiye_monthly")}
    route, year = a["route"], int(a["year"])
    rows = flows[(flows["route_id"] == route) & (flows["year"] == year)]
    if rows.empty or route not in IEA_ROUTES:
        return none(f"the IEA series has no route {route!r} in {year}", **base)
    info = IEA_ROUTES[route]
    measured = sorted({str(s) for s in rows["supplier_iso3"].dropna()})
    claimed = sorted(str(a["origins"]).split("|"))
    total = float(rows["volume_mcm"].sum())
    others = []
    for k in claimed:
        if k not in measured and k in gas_routes.COUNTRY_SUPPLIERS:
            own = flows[(flows["supplier_iso3"] == k) & (flows["year"] == year) & (flows["direction"] == "entry")]
            via = fmt.join_and(IEA_ROUTES[r][0] for r in {kk: rr for kk, _, rr in gas_routes.SUPPLIERS}[k])
            others.append(
                f"{display_name(k)}'s gas entered Türkiye elsewhere, at {via}: {num_text(float(own['volume_mcm'].sum()) / 1000, 'bcm')} in {year}"
            )
    return Measurement(
        compare="equal",
        value=fmt.join_and(display_name(k) for k in measured),
        claimed=fmt.join_and(display_name(k) for k in claimed),
        text=f"{info[0]}: gas from {fmt.join_and(display_name(k) for k in measured)} ({num_text(total / 1000, 'bcm')} entered in {year}, all from {display_name(str(rows['partner_iso3'].iloc[0]))})",
        computation=f"the supplier implied by the route's entry point, IEA Gas Trade Flows, {year}",
        rows=f"IEA, Gas Trade Flows (May 2025): {info[0]}, {year}",
        others=tuple(others),
        caveat="tests only where the route's gas comes from, not any other involvement in the project",
        **base,
    )
