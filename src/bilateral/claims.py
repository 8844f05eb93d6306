"""Claims check: the dated and quantitative claims of the two seed documents, measured against the data.

Every row of the ``claims`` table (curated in ``data/curated/claims.csv``) names, when a table here can
test it, a ``check_key`` and its ``check_args``. :data:`CHECKS` maps each key to a pure function
``check(claim, tables) -> Measurement`` that returns the measured value, its unit and the evidence
(table, computation, rows, catalogue source keys). :func:`verdict` then compares the claimed with the
measured value, with the tolerances stated once below (:data:`TOLERANCE_SUPPORTED_PCT`,
:data:`TOLERANCE_PARTLY_PCT`, :data:`DATE_TOLERANCE_DAYS`), and gives one of :data:`VERDICTS`.

How values are compared (the ``compare`` field of :class:`Measurement`):

* ``number``: the relative difference ``|claimed - measured| / |measured|``. For ``exact`` and ``about``
  claims, at most the supported tolerance gives *supported*, at most the partly tolerance *partly
  supported*, more *contradicted*. A bound (``more_than``, ``at_least``, ``less_than``, ``at_most``) that
  holds is *supported*; one that fails by at most the partly tolerance is *partly supported*.
* ``date``: the claimed date (or interval) and the measured one are each read as the days they cover at
  their precision (``1994`` covers the whole year). Overlapping is *supported*; apart by at most
  :data:`DATE_TOLERANCE_DAYS` days *partly supported*; further apart *contradicted*.
* ``rank``: the claimed rank against the measured rank, by one or two measures (UN votes: agreement
  share and Cohen's kappa). Every measure agrees: *supported*; some: *partly supported*; none:
  *contradicted*. A claim without a number ("A backs B") is read as "in the upper half of the group".
* ``years``: claims of something sustained ("keeps growing", "for 30 years") are read as "in every year of
  the period" (100%) and compared as numbers with the share of years that fit; when the share is too low
  but the overall direction is the claimed one, *partly supported* ("direction right, magnitude off").
* ``presence``: the data hold at least one matching record: *supported*; none: *contradicted*.
* ``equal``: a label (a year named as the peak) is the claimed one: *supported*; otherwise *contradicted*.

A check the claims table describes as a partial proxy or a rough comparison (:data:`PROXY_MARKERS`) can
give at most *partly supported*. A claim without a ``check_key``, or whose check finds nothing to
measure, is *not checkable with the data here*.
"""

from __future__ import annotations

import calendar
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from bilateral import citations, data, diplomatic, energy, events, fmt, gas_routes, military, periods, trade
from bilateral.catalog import IEA_GAS_ROUTES as IEA_ROUTES
from bilateral.catalog import SEED_BARRANZUELA, SEED_ISMAYILOV, SOURCES, source_line
from bilateral.countries import display_name
from bilateral.errors import ParameterError
from bilateral.periods import parse_iso_value

# ---------------------------------------------------------------------------------------------
# Verdicts and tolerances (stated once, applied to every claim)
# ---------------------------------------------------------------------------------------------

SUPPORTED = "supported"
PARTLY = "partly supported"
CONTRADICTED = "contradicted"
NOT_CHECKABLE = "not checkable with the data here"
#: The verdicts, in the order reports list them.
VERDICTS = (SUPPORTED, PARTLY, CONTRADICTED, NOT_CHECKABLE)

#: A number within this relative distance (percent of the measured value) of the data is supported.
TOLERANCE_SUPPORTED_PCT = 10.0
#: A number within this relative distance, but not within the one above, is partly supported.
TOLERANCE_PARTLY_PCT = 25.0
#: Dates that do not overlap but lie at most this many days apart are partly supported.
DATE_TOLERANCE_DAYS = 31
#: A claim of something sustained is read as holding in every year of its period: 100% of the years.
EVERY_YEAR_PCT = 100.0
#: Openings of the claims table's ``check`` text that mark a check testing only part of a claim.
PROXY_MARKERS = ("Partial proxy", "Rough comparison")

#: Opening of the claims table's ``check`` text for claims only the seeds themselves record here.
SEEDS_ONLY = "Not checkable independently"
#: Publication year of each seed document (used where a claim speaks of "now" and has no year).
SEED_YEARS = {SEED_ISMAYILOV: 2025, SEED_BARRANZUELA: 2022}
#: How reports name the seed documents.
SEED_NAMES = citations.SEED_NAMES
#: The pair the claims are about.
CLAIMS_PAIR = ("AZE", "TUR")
#: Years a claim can be about (the notebook's start_year and end_year must fall inside).
CLAIM_YEARS = (1900, 2025)


@dataclass(frozen=True)
class Tolerances:
    """The tolerances :func:`verdict` applies (defaults: the module constants).

    Attributes:
        supported_pct: relative distance (percent) within which a number is supported.
        partly_pct: relative distance within which it is partly supported (at least ``supported_pct``).
        date_days: days apart within which non-overlapping dates are partly supported.
    """

    supported_pct: float = TOLERANCE_SUPPORTED_PCT
    partly_pct: float = TOLERANCE_PARTLY_PCT
    date_days: int = DATE_TOLERANCE_DAYS

    def __post_init__(self) -> None:
        if not 0 <= self.supported_pct <= self.partly_pct:
            raise ParameterError(
                f"tolerances must satisfy 0 <= tolerance_supported_pct ({self.supported_pct}) <= tolerance_partly_pct ({self.partly_pct})"
            )
        if self.partly_pct > 100:
            raise ParameterError(
                f"tolerance_partly_pct={self.partly_pct} is above 100%; a claim that far off is not partly supported"
            )
        if isinstance(self.date_days, bool) or not isinstance(self.date_days, int) or self.date_days < 0:
            raise ParameterError(f"date_tolerance_days={self.date_days!r} must be a whole number of days, 0 or more")


@dataclass(frozen=True)
class Measurement:
    """What a check measured, and the evidence for it.

    Attributes:
        compare: how :func:`verdict` compares it with the claim (see the module docstring).
        value: the measured value the verdict uses (a number, an ISO date, a rank, a count, a label);
            None when the data give nothing to compare.
        text: the measured value as readers see it.
        unit: unit of ``value``.
        table: the processed table(s) read.
        computation: what was computed, in words.
        sources: catalogue keys of the sources behind the value.
        rows: the rows used (publisher, URL, event ids), as readers see them.
        others: other measured values (the other reporter, another measure, other figures), as text.
        basis: which value the verdict uses and why, when sources or measures give several.
        caveat: what the measured value does not cover (e.g. deliveries, not use in combat).
        precision: ``day``, ``month`` or ``year`` for dates.
        claimed: the value the check compares with when the claim row has none (or reads it otherwise).
        claimed_text: how that reading is shown (e.g. "every year of 1995–2020").
        second: a second measured rank that must agree (``rank``).
        group: the size of the ranked group (``rank``).
        direction_ok: whether the overall direction is the claimed one (``years``).
        note: why nothing could be measured, when ``value`` is None.
    """

    compare: str
    value: Any
    text: str
    unit: str = ""
    table: str = ""
    computation: str = ""
    sources: tuple[str, ...] = ()
    rows: str = ""
    others: tuple[str, ...] = ()
    basis: str = ""
    caveat: str = ""
    precision: str | None = None
    claimed: Any = None
    claimed_text: str = ""
    second: Any = None
    group: int | None = None
    direction_ok: bool | None = None
    note: str = ""


COMPARES = ("number", "date", "rank", "years", "presence", "equal")

# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def missing(x: object) -> bool:
    """True for None, NaN and pandas' NA (and an empty string)."""
    if x is None or x is pd.NA:
        return True
    if isinstance(x, float) and math.isnan(x):
        return True
    return isinstance(x, str) and not x.strip()


def text(x: object) -> str:
    """A cell as text ('' when missing)."""
    return "" if missing(x) else str(x).strip()


def args_of(claim: Mapping[str, Any]) -> dict[str, Any]:
    """The claim's ``check_args`` JSON as a dict (``{}`` when empty)."""
    raw = text(claim.get("check_args"))
    return json.loads(raw) if raw else {}


def claimed_number(claim: Mapping[str, Any]) -> float | None:
    """The claimed value as a number, or None when the claim has none (or it is a date)."""
    raw = text(claim.get("value_claimed"))
    if not raw or text(claim.get("kind")) == "date":
        return None
    return float(raw)


def is_proxy(check: object) -> bool:
    """Whether the claims table describes the check as a partial proxy or a rough comparison."""
    return text(check).startswith(PROXY_MARKERS)


def table_sources(*names: str) -> tuple[str, ...]:
    """Catalogue keys behind processed tables, in order, without repeats."""
    keys: list[str] = []
    for name in names:
        keys += [k for k in data.table_sources(name) if k in SOURCES]
    return tuple(dict.fromkeys(keys))


def num_text(x: float, unit: str = "", digits: int | None = None) -> str:
    """A number for evidence text: integers without decimals, others with up to three significant decimals."""
    if missing(x):
        return "n/a"
    if digits is None:
        digits = 0 if float(x).is_integer() else (1 if abs(x) >= 100 else 2 if abs(x) >= 1 else 3)
    out = fmt.num(float(x), digits)
    if unit == "%":
        return f"{out}%"
    return f"{out} {unit}".strip()


def date_text(iso: str) -> str:
    """An ISO date or interval of any precision as readers see it (via :func:`bilateral.diplomatic.date_label`):
    ``"1994-02-09"`` stays, ``"2006-06"`` reads "Jun 2006", ``"1992-03-22/1992-03-24"`` reads
    "1992-03-22 to 1992-03-24"."""
    if "/" in iso:
        a, _, b = iso.partition("/")
        return f"{date_text(a)} to {date_text(b)}"
    precision = {4: "year", 7: "month"}.get(len(iso), "day")
    return diplomatic.date_label((iso + "-01-01")[:10], precision)


def claimed_text(claim: Mapping[str, Any]) -> str:
    """The claimed value with its qualifier and unit: "more than 5 USD bn", "1994-02-09", "rank 1"."""
    raw = text(claim.get("value_claimed"))
    if not raw:
        return "no number (qualitative claim)"
    if text(claim.get("kind")) == "date":
        return date_text(raw)
    unit = text(claim.get("unit"))
    words = {
        "exact": "",
        "about": "about ",
        "more_than": "more than ",
        "at_least": "at least ",
        "less_than": "less than ",
        "at_most": "at most ",
    }
    q = words.get(text(claim.get("value_qualifier")), "")
    if unit == "rank":
        return f"{q}rank {raw}"
    value = fmt.num(float(raw), 0 if float(raw).is_integer() else len(raw.split(".")[1]))
    return f"{q}{value}%" if unit == "%" else f"{q}{value} {unit}".strip()


def rising_years(values: pd.Series) -> tuple[int, int]:
    """How many year-on-year steps rose, and how many steps have both years' values.

    Args:
        values: a series indexed by consecutive years (NaN where missing).

    Example:
        >>> rising_years(pd.Series([1.0, 2.0, 2.0, 1.0, 3.0], index=range(2000, 2005)))
        (2, 4)
    """
    v = values.astype(float)
    prev = v.shift(1)
    both = v.notna() & prev.notna()
    return int((v[both] > prev[both]).sum()), int(both.sum())


def trend_slope(values: pd.Series) -> float:
    """Least-squares slope of the values on the years (index), NaNs left out; NaN with fewer than two points."""
    v = values.astype(float).dropna()
    if len(v) < 2:
        return float("nan")
    return float(np.polyfit(np.asarray(v.index, dtype=float), v.to_numpy(), 1)[0])


def least_favourable(values: Sequence[float], claimed: float, qualifier: str) -> int:
    """Position of the value least favourable to the claim: the lowest for a lower bound (``more_than``,
    ``at_least``), the highest for an upper bound, the farthest from the claimed value otherwise."""
    vals = [float(v) for v in values]
    if qualifier in ("more_than", "at_least"):
        return int(np.argmin(vals))
    if qualifier in ("less_than", "at_most"):
        return int(np.argmax(vals))
    return int(np.argmax([abs(v - claimed) for v in vals]))


def barrels_per_tonne(series: pd.DataFrame, iso3: str, years: Iterable[int]) -> float:
    """Barrels per tonne implied by a country's oil production in both units (Energy Institute), pooled.

    ``sum(kb/d x days of the year / 1000) / sum(million tonnes)`` over the years with both figures.

    Args:
        series: ``energy_series`` rows (``iso3, year, indicator, value``).
        iso3: the producing country.
        years: the years pooled.

    Returns:
        Barrels per tonne, or NaN if no year has both figures.
    """
    years = list(years)
    rows = series[
        (series["iso3"] == iso3)
        & series["year"].isin(years)
        & series["indicator"].isin(["oil_production_kbd", "oil_production_mt"])
    ]
    wide = rows.pivot_table(index="year", columns="indicator", values="value", aggfunc="first").dropna()
    if wide.empty or not {"oil_production_kbd", "oil_production_mt"} <= set(wide.columns):
        return float("nan")
    days = np.array([366 if calendar.isleap(int(y)) else 365 for y in wide.index], dtype=float)
    mbbl = (wide["oil_production_kbd"].to_numpy(dtype=float) * days / 1000).sum()
    return float(mbbl / wide["oil_production_mt"].to_numpy(dtype=float).sum())


def first_source_key(kind: str, source: str) -> str:
    """Catalogue key of an event's first citation, as :func:`bilateral.citations.source_keys` reads it (the
    agreements list for a ``curated_list`` event); 'project' if it cannot."""
    keys = citations.source_keys(str(source), kind)
    return keys[0] if keys and keys[0] in SOURCES else "project"


def none(note: str, **kw: Any) -> Measurement:
    """A measurement with nothing to compare (the claim is not checkable with the data here)."""
    return Measurement(compare="number", value=None, text="–", note=note, **kw)


# ---------------------------------------------------------------------------------------------
# Check functions, one per check_key: check(claim, tables) -> Measurement
# ---------------------------------------------------------------------------------------------


def check_event_date(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """The date of one event of the ``events`` table, if an independent source (not a seed) supports it.

    An event is independent when its ``sourcing`` is not 'seed only' (older tables without that field:
    when its first citation is not a seed). The measured value names the independent sources that give
    the date (``event_sources``), and, where the event keeps a seed's other date (``date_seed``), says so.
    """
    from bilateral import events as evs

    a = args_of(claim)
    ev = tables["events"]
    rows = ev[ev["event_id"] == a["event_id"]]
    kw = {"table": "events", "sources": table_sources("claims")}
    if rows.empty:
        return none(f"event {a['event_id']} is not in the events table", **kw)
    r = rows.iloc[0]
    seed_only = str(r["sourcing"]) == evs.SEED_ONLY if "sourcing" in r.index else r["source_kind"] == "seed"
    if seed_only:
        return none(f"event {a['event_id']} rests on a seed document, so it cannot test the seed's claim", **kw)
    precision = str(r["date_precision"])
    day = str(r["date"])[:10]
    value = military.event_date_text(day, precision)
    common = {
        "compare": "date",
        "value": value,
        "precision": precision,
        "unit": "date",
        "table": "events",
        "text": f"{date_text(value)} ({a['event_id']}: {r['title']})",
    }
    sources = tables.get("event_sources")
    if sources is not None:
        own = sources[(sources["event_id"] == a["event_id"]) & (sources["side"] != "seed")]
        giving = own[(own["date_given"] == day) & (own["date_precision_given"] == precision)]
        used = giving if len(giving) else own
        by = evs.source_texts(used, [a["event_id"]])[a["event_id"]]
        keys = ["events_press"] if (used["citation_kind"] == "events_press").any() else []
        keys += (
            [first_source_key(str(r["source_kind"]), str(r["source"]))]
            if (used["citation_kind"] != "events_press").any()
            else []
        )
        others = ()
        if "date_seed" in r.index and pd.notna(r["date_seed"]):
            others = (
                f"the seed document's own date for this event: {evs.date_text(r['date_seed'], None)}; the independent "
                f"sources give {evs.date_text(day, precision)}",
            )
        return Measurement(
            **common,
            computation=(
                f"date of event {a['event_id']} ({precision} precision), as the independent sources give it "
                f"(sourcing: {r['sourcing']})"
            ),
            sources=tuple(dict.fromkeys([*keys, "project"])),
            rows=by,
            others=others,
        )
    first = str(r["source"]).split(" | ")[0]
    return Measurement(
        **common,
        computation=f"date of event {a['event_id']} ({precision} precision), whose first source is {citations.kind_name(r['source_kind'])}",
        sources=(first_source_key(str(r["source_kind"]), str(r["source"])), "project"),
        rows=citations.reader_citation(first),
    )


def check_events_count_before(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Events of given types and source kinds involving all given countries, strictly between two dates.

    The count ``n`` makes the claimed "first" event rank ``n + 1`` among them.
    """
    a = args_of(claim)
    ev = tables["events"]
    wanted = events.split_codes(a["countries"])
    day = ev["date"].astype("string").str[:10]
    keep = (
        (day > a["after"])
        & (day < a["before"])
        & ev["type"].isin(a["types"])
        & ev["source_kind"].isin(a["source_kinds"])
        & ev["countries"].map(lambda c: wanted <= events.split_codes(c)).astype(bool)
    )
    found = ev[keep.to_numpy()].sort_values(["date", "event_id"], kind="mergesort")
    n = len(found)
    listing = "; ".join(
        f"{i}, {diplomatic.date_label(d, p)}"
        for i, d, p in zip(found["event_id"], found["date"], found["date_precision"])
    )
    types = " or ".join(a["types"])
    return Measurement(
        compare="rank",
        value=n + 1,
        text=f"rank {n + 1}: {fmt.plural(n, 'earlier ' + types, 'earlier ' + fmt.plural_noun(types))}"
        + (f" ({listing})" if n else ""),
        unit="rank",
        table="events",
        computation=(
            f"events of type {types} whose first source is {fmt.join_and([citations.kind_name(k) for k in a['source_kinds']], 'or')}, "
            f"involving {fmt.join_and(sorted(display_name(c) for c in wanted))}, dated after {fmt.date(a['after'])} and before "
            f"{fmt.date(a['before'])}; the claimed first one ranks 1 + their number"
        ),
        sources=tuple(
            dict.fromkeys([*(first_source_key(k, s) for k, s in zip(found["source_kind"], found["source"])), "project"])
        ),
        rows="; ".join(f"{i}: {t}" for i, t in zip(found["event_id"], found["title"])) if n else "none",
    )


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
    for m in _MONTH_YEAR.finditer(text(row.get("qualifier"))):
        try:
            y, month = energy.parse_month_year(f"{m.group(1)} {m.group(2)}")
        except ValueError:
            continue
        if y == year:
            return f"{y}-{month:02d}", "month"
    return str(year), "year"


def _fact_rows(row: Mapping[str, Any]) -> str:
    return f"{row['source']} ({row['url']}): \u201c{text(row.get('quote'))}\u201d"


def capacity_in_force(facts: pd.DataFrame, pipeline: str, year: int) -> tuple[float, str, str, list[str]] | None:
    """The capacity in force at the end of ``year`` (read with :func:`bilateral.energy.capacity_periods`).

    Returns:
        ``(value, unit, period, others)``: the period as text ("since Mar 2009") and the other capacities
        with their periods; None when no capacity period covers the year.
    """

    def month(ym: tuple[int, int]) -> str:
        return f"{calendar.month_abbr[ym[1]]} {ym[0]}"

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
    note = text(r.get("note"))
    others = (f"note in the table: {note}",) if note else ()
    kind = text(claim.get("kind"))
    if kind == "date":
        iso, precision = fact_date(r)
        return Measurement(
            compare="date", value=iso, precision=precision, text=date_text(iso), unit="date",
            computation=f"the date of the fact '{a['attribute']}' of {name} ({precision} precision)",
            rows=_fact_rows(r), others=others, **base,
        )  # fmt: skip
    if kind == "ranking":
        year = r["reference_year"]
        if missing(year) or missing(claim.get("year")):
            return none("the fact names no year to compare with the claimed year", **base)
        return Measurement(
            compare="equal", value=int(year), claimed=int(claim["year"]), claimed_text=f"{int(claim['year'])} as the peak year",
            text=f"{int(year)} named as the peak ({num_text(r['value'], str(r['unit']))})",
            unit="year", computation=f"the year the fact '{a['attribute']}' names as {name}'s maximum",
            rows=_fact_rows(r), others=others, **base,
        )  # fmt: skip
    unit_claimed = text(claim.get("unit"))
    value, unit = float(r["value"]), str(r["unit"])
    computation = f"the fact '{a['attribute']}' of {name}"
    basis = ""
    if a["attribute"].lower() == "capacity" and len(rows) > 1:
        ref = int(claim["year"]) if not missing(claim.get("year")) else SEED_YEARS.get(text(claim.get("seed")))
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


def check_trade_turnover_usd_bn(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Press figures for the year, period and metric (US$ billion), via :func:`bilateral.trade.press_full_years`.

    Figures the press table flags as conflicting are shown but not used; among the usable ones the verdict
    uses the figure least favourable to the claim (:func:`least_favourable`), so that it does not depend on
    which source is picked.
    """
    a = args_of(claim)
    press = tables["trade_press"]
    base = {"table": "trade_press", "sources": table_sources("trade_press"), "unit": "USD bn"}
    if a["period"] != "year":
        return none(f"only full-year press figures are compared (period {a['period']!r} asked)", **base)
    full = trade.press_full_years(press, after=int(a["year"]) - 1)
    rows = full[(full["year"] == int(a["year"])) & (full["measure"] == a["metric"])].reset_index(drop=True)
    usable = rows[rows["caution"] == ""].reset_index(drop=True)
    if usable.empty:
        return none(f"no usable full-year {a['metric']} figure for {a['year']} in the press table", **base)

    def label(r) -> str:
        side = f"{display_name(r['side'])}'s figures" if isinstance(r["side"], str) else "side not stated"
        q = {"approx.": "about ", "lower bound": "more than "}.get(r["qualifier"], "")
        flag = f" [not used: {r['caution']}]" if r["caution"] else ""
        return f"{q}{num_text(r['value_usd_m'] / 1000, 'USD bn')} ({r['reported_by']}, {side}){flag}"

    claimed = claimed_number(claim)
    i = least_favourable(
        usable["value_usd_m"] / 1000, claimed if claimed is not None else 0.0, text(claim.get("value_qualifier"))
    )
    chosen = usable.iloc[i]
    others = tuple(
        label(r)
        for _, r in rows.iterrows()
        if not (r["url"] == chosen["url"] and r["value_usd_m"] == chosen["value_usd_m"])
    )
    sides = sorted({s for s in usable["side"] if isinstance(s, str)})
    return Measurement(
        compare="number",
        value=float(chosen["value_usd_m"]) / 1000,
        text=label(chosen),
        computation=(
            f"full-year {a['metric']} figures for {a['year']} in the press table ({len(usable)} usable, "
            f"{len(rows) - len(usable)} flagged as conflicting)"
        ),
        rows="; ".join(f"{r['reported_by']} ({r['url']})" for _, r in rows.iterrows()),
        others=others,
        basis=(
            f"the verdict uses the usable figure least favourable to the claim; all usable figures come from "
            f"{' and '.join(display_name(s) + chr(39) + 's' for s in sides) or 'unstated'} official data"
        ),
        **base,
    )


def check_trade_turnover_trend(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Share of years in which the reporter's turnover with the partner (its exports plus its imports, IMF DOTS)
    rose, and the sign of its least-squares trend; the partner's own figures are shown beside it."""
    a = args_of(claim)
    rep, par, lo, hi = a["reporter"], a["partner"], int(a["start_year"]), int(a["end_year"])
    turn = trade.dots_turnover_by_side(tables["trade_bilateral"], rep, par, range(lo, hi + 1))
    base = {"table": "trade_bilateral", "sources": table_sources("trade_bilateral"), "unit": "% of years"}
    k, n = rising_years(turn[rep])
    if n == 0:
        return none(
            f"{display_name(rep)} reports no turnover with {display_name(par)} in two consecutive years of {fmt.years(lo, hi)}",
            **base,
        )
    k2, n2 = rising_years(turn[par])
    up, up2 = trend_slope(turn[rep]) > 0, trend_slope(turn[par]) > 0

    def describe(col: str, k: int, n: int, up: bool) -> str:
        s = turn[col].dropna()
        return (
            f"rose in {k} of {n} years ({fmt.pct(100 * k / n, 0)}); {fmt.years(int(s.index[0]), int(s.index[-1]))}: "
            f"{trade.money(s.iloc[0])} to {trade.money(s.iloc[-1])}, trend {'upward' if up else 'not upward'}"
        )

    return Measurement(
        compare="years",
        value=100 * k / n,
        claimed=EVERY_YEAR_PCT,
        claimed_text=f"growth every year, {fmt.years(lo, hi)}",
        direction_ok=bool(up),
        text=f"{display_name(rep)}'s figures: turnover {describe(rep, k, n, up)}",
        computation=f"year-on-year change of each side's exports plus imports with the other, {fmt.years(lo, hi)}; trend = least-squares slope",
        others=(f"{display_name(par)}'s figures: turnover {describe(par, k2, n2, up2)}",) if n2 else (),
        basis=(
            f"the verdict uses {display_name(rep)}'s figures, the reporter the claims table names; the two sides' "
            "figures are never added (they disagree, see the trade report)"
        ),
        rows=f"IMF DOTS, {display_name(rep)} and {display_name(par)} as reporters",
        **base,
    )


def check_partner_share_pct(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """The partner's share of the reporter's exports or imports with the world (the reporter's own figures,
    :func:`bilateral.trade.shares`), with the share implied by the partner's mirror figure beside it."""
    a = args_of(claim)
    rep, par, flow, year = a["reporter"], a["partner"], a["flow"], int(a["year"])
    tb = tables["trade_bilateral"]
    s = trade.shares(tb, rep, [par], flow, [year]).iloc[0]
    base = {"table": "trade_bilateral", "sources": table_sources("trade_bilateral"), "unit": "%"}
    if missing(s["share_pct"]):
        return none(f"{display_name(rep)} reports no {flow} to {display_name(par)} or the world in {year}", **base)
    mirror_flow = trade.IMPORTS if flow == trade.EXPORTS else trade.EXPORTS
    mirror = trade.series(tb, par, rep, mirror_flow, [year]).iloc[0]
    est = " (IMF estimate)" if bool(s["is_estimate"]) else ""
    verb = "exports to" if flow == trade.EXPORTS else "imports from"
    others = ()
    if not missing(mirror["value_usd_m"]):
        mverb = "imports from" if flow == trade.EXPORTS else "exports to"
        others = (
            f"{display_name(par)}'s {mverb} {display_name(rep)} ({trade.money(mirror['value_usd_m'])}) against the same total give "
            f"{fmt.pct(100 * mirror['value_usd_m'] / s['total_usd_m'], 2)}",
        )
    return Measurement(
        compare="number",
        value=float(s["share_pct"]),
        text=(
            f"{fmt.pct(s['share_pct'], 2)} ({trade.money(s['value_usd_m'])} of {trade.money(s['total_usd_m'])}, "
            f"{display_name(rep)}'s figures){est}"
        ),
        computation=f"{display_name(rep)}'s {verb} {display_name(par)} / {display_name(rep)}'s {flow} with the world, {year}",
        others=others,
        basis=f"the verdict uses {display_name(rep)}'s own figures: the share of its {flow} needs its total, and both parts then come from one reporter",
        rows=f"IMF DOTS, reporter {display_name(rep)}, partners {display_name(par)} and World, {year}",
        **base,
    )


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
            f"{display_name(who)} had already ranked first among the pipeline suppliers in {gas_routes.month_text(first)}"
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


def check_arms_deliveries_designation(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """SIPRI deliveries from supplier to recipient up to ``end_year`` whose designation contains the text,
    with their share of the supplier's deliveries to the recipient."""
    a = args_of(claim)
    sup, rec, end = a["supplier"], a["recipient"], int(a["end_year"])
    years = range(military.DATA_YEARS[0], end + 1)
    rows = military.deliveries(tables["arms_transfers"], sup, rec, years)
    hit = rows[
        rows["designation"]
        .astype("string")
        .str.contains(a["designation"], case=False, regex=False)
        .fillna(False)
        .astype(bool)
    ]
    base = {"table": "arms_transfers", "sources": table_sources("arms_transfers"), "unit": "deliveries"}
    span = fmt.years(years.start, end)
    if hit.empty:
        return Measurement(
            compare="presence", value=0, text=f"none: no delivery of '{a['designation']}' from {display_name(sup)} to {display_name(rec)}, {span}",
            computation=f"SIPRI deliveries from {display_name(sup)} to {display_name(rec)}, {span}, whose designation contains '{a['designation']}'",
            **base,
        )  # fmt: skip
    items = (
        hit.groupby(["designation", "delivery_year"], sort=True)
        .agg(units=("units_delivered", "sum"), tiv=("tiv_m", "sum"))
        .reset_index()
    )
    listing = "; ".join(
        f"{int(u)} {d} in {int(y)} (TIV {fmt.num(t, 1)} m)"
        for d, y, u, t in zip(items["designation"], items["delivery_year"], items["units"], items["tiv"])
    )
    in_end = rows[rows["delivery_year"] == end]["tiv_m"].sum()
    hit_end = hit[hit["delivery_year"] == end]["tiv_m"].sum()
    others = [
        f"share of {display_name(sup)}'s deliveries to {display_name(rec)} by TIV, {span}: {fmt.pct(100 * hit['tiv_m'].sum() / rows['tiv_m'].sum(), 0)}"
    ]
    if in_end > 0:
        others.insert(0, f"share of those delivered in {end}: {fmt.pct(100 * hit_end / in_end, 0)}")
    return Measurement(
        compare="presence",
        value=len(hit),
        text=listing,
        computation=f"SIPRI deliveries from {display_name(sup)} to {display_name(rec)}, {span}, whose designation contains '{a['designation']}'",
        rows=f"SIPRI deal(s) {', '.join(str(d) for d in sorted(hit['deal_id'].unique()))}",
        others=tuple(others),
        claimed_text=f"{a['designation']} deliveries from {display_name(sup)} to {display_name(rec)} by {end}",
        caveat="SIPRI records deliveries, not use in combat",
        **base,
    )


def check_arms_tiv_trend(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Yearly TIV delivered by the supplier to the recipient (SIPRI): share of years in which it rose, the sign
    of its least-squares trend, and five-year totals beside it."""
    a = args_of(claim)
    sup, rec, lo, hi = a["supplier"], a["recipient"], int(a["start_year"]), int(a["end_year"])
    years = range(lo, hi + 1)
    rows = military.deliveries(tables["arms_transfers"], sup, rec, years)
    by_year = military.tiv_by_year(rows, years)["tiv_m"]
    base = {"table": "arms_transfers", "sources": table_sources("arms_transfers"), "unit": "% of years"}
    k, n = rising_years(by_year)
    up = trend_slope(by_year) > 0
    spans = periods.spans(lo, hi, 5)
    totals = [f"{periods.label(p0, p1)}: {fmt.num(by_year.loc[p0:p1].sum(), 1)}" for p0, p1 in spans]
    active = by_year[by_year > 0]
    return Measurement(
        compare="years",
        value=100 * k / n,
        claimed=EVERY_YEAR_PCT,
        claimed_text=f"growth every year, {fmt.years(lo, hi)}",
        direction_ok=bool(up),
        text=(
            f"TIV rose in {k} of {n} years ({fmt.pct(100 * k / n, 0)}); deliveries in {len(active)} of {len(by_year)} years; "
            f"trend {'upward' if up else 'not upward'}"
        ),
        computation=f"year-on-year change of the TIV {display_name(sup)} delivered to {display_name(rec)}, {fmt.years(lo, hi)} (zero in years without deliveries); trend = least-squares slope",
        others=(f"TIV (millions) by five-year period: {'; '.join(totals)}",),
        caveat="TIV counts deliveries of major conventional arms only, not training or exercises",
        rows=f"SIPRI trade register, {display_name(sup)} to {display_name(rec)}",
        **base,
    )


def check_atop_obligation_first_year(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """First year in which ATOP codes the obligation between the pair (either direction), via
    :func:`bilateral.diplomatic.pledges_between`."""
    a = args_of(claim)
    alliances = tables["alliances"]
    pledges = diplomatic.pledges_between(alliances, a["iso3_a"], a["iso3_b"])
    firsts = diplomatic.pledge_first_years(pledges)
    lo, hi = int(alliances["year"].min()), int(alliances["year"].max())
    base = {"table": "alliances", "sources": table_sources("alliances"), "unit": "year"}
    name = diplomatic.PLEDGES.get(a["obligation"], a["obligation"]).lower()
    if a["obligation"] not in firsts:
        return none(
            f"ATOP codes no {name} obligation between {display_name(a['iso3_a'])} and {display_name(a['iso3_b'])} in {fmt.years(lo, hi)}",
            **base,
        )
    first = firsts[a["obligation"]]
    others = tuple(
        f"first year of {diplomatic.PLEDGES[k].lower()}: {v}" for k, v in firsts.items() if k != a["obligation"]
    )
    return Measurement(
        compare="date", value=str(first), precision="year", text=f"{first} (first year with a {name} obligation)",
        computation=f"first year ATOP 5.1 ({fmt.years(lo, hi)}) codes a {name} obligation between the two; ATOP gives years, not days, and does not name the document",
        others=others, rows=f"ATOP 5.1 directed dyad-years {a['iso3_a']}–{a['iso3_b']}", **base,
    )  # fmt: skip


def check_diplomatic_posts_count(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Number of the sender's posts in the host state in one Lowy edition (where the subset covers it,
    :func:`bilateral.diplomatic.lowy_covers`)."""
    a = args_of(claim)
    posts = tables["diplomatic_posts"]
    base = {"table": "diplomatic_posts", "sources": table_sources("diplomatic_posts"), "unit": "posts"}
    cover = diplomatic.lowy_covers(posts, a["sender"], a["host"])
    if cover != "covered":
        return none(
            f"the Lowy subset does not cover {display_name(a['sender'])}'s posts in {display_name(a['host'])} ({cover})",
            **base,
        )
    between = diplomatic.posts_between(posts, a["sender"], a["host"])
    between = between[(between["sender"] == a["sender"]) & (between["host"] == a["host"])]
    row = between[between["edition_year"] == int(a["year"])]
    if row.empty:
        return none(f"no Lowy edition labelled {a['year']} in the data", **base)
    r = row.iloc[0]
    others = tuple(
        f"edition {int(e)}: {int(n)}"
        for e, n in zip(between["edition_year"], between["n_posts"])
        if int(e) != int(a["year"])
    )
    return Measurement(
        compare="number", value=float(r["n_posts"]), text=f"{int(r['n_posts'])}: {r['posts']}",
        computation=f"{display_name(a['sender'])}'s posts in {display_name(a['host'])}, Lowy edition labelled {a['year']}",
        others=others, rows=f"Lowy Global Diplomacy Index, edition labelled {a['year']}", **base,
    )  # fmt: skip


def check_unga_agreement_rank(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Rank of the partner among the peers and itself by UN General Assembly vote agreement with ``iso3``,
    pooled over the years (:func:`bilateral.diplomatic.pooled_agreement`): by agreement share and by
    Cohen's kappa, which must agree for a claim to be supported."""
    a = args_of(claim)
    iso3, partner, lo, hi = a["iso3"], a["partner"], int(a["start_year"]), int(a["end_year"])
    group = [partner, *a["peers"]]
    pooled = diplomatic.pooled_agreement(tables["unga_votes"], [(iso3, p) for p in group], range(lo, hi + 1))
    base = {"table": "unga_agreement", "sources": table_sources("unga_agreement"), "unit": "rank"}
    me = pooled[pooled["partner"] == partner].iloc[0]
    if missing(me["agreement_share"]):
        return none(f"{display_name(iso3)} and {display_name(partner)} share no vote in {fmt.years(lo, hi)}", **base)

    def rank(col: str) -> int:
        return 1 + int((pooled[col].dropna() > me[col]).sum())

    r_share, r_kappa = rank("agreement_share"), rank("kappa")
    n = int(pooled["agreement_share"].notna().sum())
    read = (
        ""
        if claimed_number(claim) is not None
        else f"{display_name(partner)} in the upper half of the {n} states compared"
    )
    top = pooled.sort_values("agreement_share", ascending=False, kind="mergesort").head(3)
    topk = pooled.sort_values("kappa", ascending=False, kind="mergesort").head(3)
    return Measurement(
        compare="rank",
        value=r_share,
        second=r_kappa,
        group=n,
        claimed_text=read,
        text=(
            f"rank {r_share} of {n} by agreement share ({fmt.pct(100 * me['agreement_share'], 1)}); "
            f"rank {r_kappa} of {n} by kappa ({fmt.num(me['kappa'], 2)})"
        ),
        computation=(
            f"{display_name(iso3)}'s UN General Assembly vote agreement with {display_name(partner)} and with "
            f"{', '.join(a['peers'])}, pooled over {fmt.years(lo, hi)}, ranked (1 = closest)"
        ),
        others=(
            "highest agreement shares: "
            + ", ".join(f"{p} {fmt.pct(100 * s, 1)}" for p, s in zip(top["partner"], top["agreement_share"])),
            "highest kappas: " + ", ".join(f"{p} {fmt.num(k, 2)}" for p, k in zip(topk["partner"], topk["kappa"])),
        ),
        basis="the claim is supported only if both measures give the claimed rank; raw agreement ignores chance, kappa corrects for it",
        rows=f"UN General Assembly roll calls (Voeten to 2019, UN DGACM from 2019), {fmt.years(lo, hi)}",
        **base,
    )


def check_unga_agreement_share(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement:
    """Years in which the pair voted alike in the UN General Assembly more often than chance (kappa > 0),
    from ``unga_agreement``; the pooled agreement share and kappa give the overall direction."""
    a = args_of(claim)
    x, y, lo, hi = a["iso3_a"], a["iso3_b"], int(a["start_year"]), int(a["end_year"])
    years = range(lo, hi + 1)
    votes = tables["unga_votes"]
    yearly = diplomatic.yearly_agreement(tables["unga_agreement"], votes, [(x, y)], years)
    yearly = yearly[yearly["kappa"].notna()]
    base = {"table": "unga_agreement", "sources": table_sources("unga_agreement"), "unit": "% of years"}
    if yearly.empty:
        return none(f"no UN vote shared by {display_name(x)} and {display_name(y)} in {fmt.years(lo, hi)}", **base)
    above = yearly[yearly["kappa"] > 0]
    k, n = len(above), len(yearly)
    pooled = diplomatic.pooled_agreement(votes, [(x, y)], years).iloc[0]
    not_above = yearly.loc[yearly["kappa"] <= 0, "year"]
    return Measurement(
        compare="years",
        value=100 * k / n,
        claimed=EVERY_YEAR_PCT,
        claimed_text=f"support in every year, {fmt.years(lo, hi)}",
        direction_ok=bool(pooled["kappa"] > 0),
        text=(
            f"voted alike more often than chance (kappa > 0) in {k} of {n} years ({fmt.pct(100 * k / n, 0)})"
            + (f"; not in {military.year_spans(not_above)}" if len(not_above) else "")
        ),
        computation=f"yearly Cohen's kappa of the pair's UN General Assembly votes, {fmt.years(lo, hi)}; overall direction = kappa of all those votes pooled",
        others=(
            f"pooled over {fmt.years(lo, hi)}: agreement share {fmt.pct(100 * pooled['agreement_share'], 1)}, kappa {fmt.num(pooled['kappa'], 2)}",
        ),
        caveat="UN votes are one arena only; support outside the UN is not measured",
        rows=f"UN General Assembly roll calls (Voeten to 2019, UN DGACM from 2019), {fmt.years(lo, hi)}",
        **base,
    )


#: The check function of each ``check_key`` (the keys of :data:`bilateral.sources.curated.CHECK_KEYS`).
CHECKS: dict[str, Callable[[Mapping[str, Any], Mapping[str, pd.DataFrame]], Measurement]] = {
    "event_date": check_event_date,
    "events_count_before": check_events_count_before,
    "pipeline_attribute": check_pipeline_attribute,
    "trade_turnover_usd_bn": check_trade_turnover_usd_bn,
    "trade_turnover_trend": check_trade_turnover_trend,
    "partner_share_pct": check_partner_share_pct,
    "gas_supplier_rank": check_gas_supplier_rank,
    "gas_entry_rank": check_gas_entry_rank,
    "gas_route_origin": check_gas_route_origin,
    "arms_deliveries_designation": check_arms_deliveries_designation,
    "arms_tiv_trend": check_arms_tiv_trend,
    "atop_obligation_first_year": check_atop_obligation_first_year,
    "diplomatic_posts_count": check_diplomatic_posts_count,
    "unga_agreement_rank": check_unga_agreement_rank,
    "unga_agreement_share": check_unga_agreement_share,
}

#: The processed tables each check reads (``unga_votes`` is loaded for the states the claims name only).
CHECK_TABLES: dict[str, tuple[str, ...]] = {
    "event_date": ("events", "event_sources"),
    "events_count_before": ("events",),
    "pipeline_attribute": ("pipelines", "energy_series"),
    "trade_turnover_usd_bn": ("trade_press",),
    "trade_turnover_trend": ("trade_bilateral",),
    "partner_share_pct": ("trade_bilateral",),
    "gas_supplier_rank": ("gas_imports_turkiye_subannual",),
    "gas_entry_rank": ("gas_flows_turkiye_monthly", "gas_imports_turkiye_subannual"),
    "gas_route_origin": ("gas_flows_turkiye_monthly",),
    "arms_deliveries_designation": ("arms_transfers",),
    "arms_tiv_trend": ("arms_transfers",),
    "atop_obligation_first_year": ("alliances",),
    "diplomatic_posts_count": ("diplomatic_posts",),
    "unga_agreement_rank": ("unga_votes",),
    "unga_agreement_share": ("unga_agreement", "unga_votes"),
}

# ---------------------------------------------------------------------------------------------
# Verdicts
# ---------------------------------------------------------------------------------------------


def relative_pct(claimed: float, measured: float) -> float:
    """``|claimed - measured| / |measured|`` in percent (0 if both are 0, infinite if only the measured is)."""
    if measured == 0:
        return 0.0 if claimed == 0 else float("inf")
    return 100.0 * abs(claimed - measured) / abs(measured)


def number_verdict(claimed: float, measured: float, qualifier: str, tol: Tolerances = Tolerances()) -> tuple[str, str]:
    """Verdict on a claimed number (see the module docstring).

    Example:
        >>> number_verdict(6.2, 6.186, "exact")[0]
        'supported'
        >>> number_verdict(5.0, 5.8, "more_than")[0]
        'supported'
    """
    q = qualifier or "exact"
    off = relative_pct(claimed, measured)
    off_text = "∞" if math.isinf(off) else fmt.num(off, 1)
    bounds = {
        "more_than": measured > claimed,
        "at_least": measured >= claimed,
        "less_than": measured < claimed,
        "at_most": measured <= claimed,
    }
    if q in bounds:
        words = q.replace("_", " ")
        if bounds[q]:
            return SUPPORTED, f"the measured value is {words} the claimed bound"
        if off <= tol.partly_pct:
            return (
                PARTLY,
                f"the claimed bound fails, by {off_text}% of the measured value (within {fmt.num(tol.partly_pct, 0)}%)",
            )
        return CONTRADICTED, f"the claimed bound fails, by {off_text}% of the measured value"
    if off <= tol.supported_pct:
        return SUPPORTED, f"the claim is {off_text}% off the measured value (within {fmt.num(tol.supported_pct, 0)}%)"
    if off <= tol.partly_pct:
        return (
            PARTLY,
            f"the claim is {off_text}% off the measured value (within {fmt.num(tol.partly_pct, 0)}%, beyond {fmt.num(tol.supported_pct, 0)}%)",
        )
    return CONTRADICTED, f"the claim is {off_text}% off the measured value (beyond {fmt.num(tol.partly_pct, 0)}%)"


def days_apart(claimed: str, measured: str) -> int:
    """Days between two ISO dates or intervals read at their precision; 0 when they overlap.

    Example:
        >>> days_apart("2021", "2020-12")
        1
        >>> days_apart("2010", "2010-08-16")
        0
    """
    c0, c1 = parse_iso_value(claimed)
    m0, m1 = parse_iso_value(measured)
    if c0 > m1:
        return (c0 - m1).days
    if m0 > c1:
        return (m0 - c1).days
    return 0


def date_verdict(claimed: str, measured: str, tol: Tolerances = Tolerances()) -> tuple[str, str]:
    """Verdict on a claimed date against a measured one (see the module docstring)."""
    gap = days_apart(claimed, measured)
    if gap == 0:
        return SUPPORTED, "the claimed and measured dates agree at the precision of the coarser one"
    if gap <= tol.date_days:
        return PARTLY, f"the dates are {fmt.plural(gap, 'day')} apart (within {fmt.plural(tol.date_days, 'day')})"
    return CONTRADICTED, f"the dates are {fmt.plural(gap, 'day')} apart (beyond {fmt.plural(tol.date_days, 'day')})"


def rank_verdict(claimed: int | None, ranks: Sequence[int], group: int | None = None) -> tuple[str, str]:
    """Verdict on a claimed rank measured one or more ways (see the module docstring)."""
    if claimed is None:
        if not group:
            raise ValueError("a claim without a rank needs the group size")
        ok = [r <= group / 2 for r in ranks]
        target = f"the upper half of {group}"
    else:
        ok = [r == claimed for r in ranks]
        target = f"rank {claimed}"
    shown = ("ranks " if len(ranks) > 1 else "rank ") + " and ".join(str(r) for r in ranks)
    if all(ok):
        return SUPPORTED, f"measured {shown}: {target}" + (" by every measure" if len(ranks) > 1 else "")
    if any(ok):
        return PARTLY, f"measured {shown}: not every measure gives {target}"
    return CONTRADICTED, f"measured {shown}, not {target}"


def verdict(claim: Mapping[str, Any], m: Measurement | None, tol: Tolerances = Tolerances()) -> tuple[str, str]:
    """The verdict on one claim and the reason for it, in words.

    Args:
        claim: a row of the ``claims`` table.
        m: what its check measured (None when the claim has no ``check_key``).
        tol: the tolerances.

    Returns:
        ``(verdict, reason)`` with ``verdict`` one of :data:`VERDICTS`.
    """
    if m is None:
        return NOT_CHECKABLE, text(claim.get("check")) or "no table here can test the claim"
    if m.value is None:
        return NOT_CHECKABLE, m.note or "the data give nothing to compare"
    if m.compare == "number":
        claimed = m.claimed if m.claimed is not None else claimed_number(claim)
        if claimed is None:
            return NOT_CHECKABLE, "the claim states no number to compare"
        v, why = number_verdict(float(claimed), float(m.value), text(claim.get("value_qualifier")), tol)
    elif m.compare == "date":
        v, why = date_verdict(text(claim.get("value_claimed")), str(m.value), tol)
    elif m.compare == "rank":
        claimed = claimed_number(claim)
        ranks = [int(m.value)] + ([int(m.second)] if m.second is not None else [])
        v, why = rank_verdict(int(claimed) if claimed is not None else None, ranks, m.group)
    elif m.compare == "years":
        v, _ = number_verdict(float(m.claimed), float(m.value), "exact", tol)
        off = relative_pct(float(m.claimed), float(m.value))
        limit = tol.supported_pct if v == SUPPORTED else tol.partly_pct
        # the tolerance is relative to the measured share: say what is compared with what, in words
        above = "infinitely" if math.isinf(off) else f"{fmt.num(off, 0)}%"
        why = (
            (
                f"the claim holds in {fmt.pct(m.value, 0)} of the years, not in every year: the claimed {fmt.pct(m.claimed, 0)} of the years "
                f"is {above} above the measured share ({'within' if v != CONTRADICTED else 'beyond'} the {fmt.num(limit, 0)}% tolerance)"
            )
            if m.value < m.claimed
            else f"the claim holds in {fmt.pct(m.value, 0)} of the years"
        )
        if v == CONTRADICTED and m.direction_ok:
            v, why = PARTLY, why + ", but the overall direction is the claimed one (direction right, magnitude off)"
    elif m.compare == "presence":
        v, why = (
            (SUPPORTED, "the data record what the claim requires")
            if m.value > 0
            else (CONTRADICTED, "the data record none")
        )
    elif m.compare == "equal":
        v, why = (
            (SUPPORTED, "the measured label is the claimed one")
            if m.value == m.claimed
            else (CONTRADICTED, f"the data name {m.value}, not {m.claimed}")
        )
    else:
        raise ValueError(f"unknown comparison {m.compare!r}; comparisons are {', '.join(COMPARES)}")
    if v == SUPPORTED and is_proxy(claim.get("check")):
        return (
            PARTLY,
            why
            + "; the check tests only part of the claim (a partial proxy or rough comparison), so it cannot support all of it",
        )
    return v, why


# ---------------------------------------------------------------------------------------------
# All claims
# ---------------------------------------------------------------------------------------------


def measure(claim: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> Measurement | None:
    """Run the claim's check (None when it has no ``check_key``)."""
    key = text(claim.get("check_key"))
    return CHECKS[key](claim, tables) if key else None


RESULT_COLUMNS = (
    "claim_id", "seed", "seed_name", "location", "claim", "kind", "year", "check_key", "claimed", "measured",
    "others", "basis", "caveat", "verdict", "reason", "table", "computation", "rows", "sources", "source_line",
)  # fmt: skip


def check_all(claims: pd.DataFrame, tables: Mapping[str, pd.DataFrame], tol: Tolerances = Tolerances()) -> pd.DataFrame:
    """Measure every claim and give its verdict.

    Returns:
        One row per claim (in the claims' order) with :data:`RESULT_COLUMNS`: the claimed and measured values
        as text, other measured values (``; ``-joined), which one the verdict uses and why (``basis``), the
        verdict and its reason, and the evidence (table, computation, rows, catalogue keys and source line).
    """
    out = []
    for _, row in claims.iterrows():
        claim = row.to_dict()
        m = measure(claim, tables)
        v, why = verdict(claim, m, tol)
        keys = tuple(m.sources) if m is not None else ()
        shown = claimed_text(claim)
        if m is not None and m.claimed_text:
            shown = (
                f"read as: {m.claimed_text}"
                if not text(claim.get("value_claimed"))
                else f"{shown} (read as: {m.claimed_text})"
            )
        out.append(
            {
                "claim_id": claim["claim_id"],
                "seed": claim["seed"],
                "seed_name": SEED_NAMES.get(claim["seed"], claim["seed"]),
                "location": text(claim.get("location")),
                "claim": text(claim.get("claim")),
                "kind": text(claim.get("kind")),
                "year": None if missing(claim.get("year")) else int(claim["year"]),
                "check_key": text(claim.get("check_key")),
                "claimed": shown,
                "measured": m.text if m is not None and m.value is not None else "–",
                "others": "; ".join(m.others) if m is not None and m.value is not None else "",
                "basis": m.basis if m is not None and m.value is not None else "",
                "caveat": m.caveat if m is not None and m.value is not None else "",
                "verdict": v,
                "reason": why,
                "table": m.table if m is not None else "",
                "computation": m.computation if m is not None else "",
                "rows": m.rows if m is not None else "",
                "sources": "; ".join(keys),
                "source_line": source_line(*keys) if keys else "",
            }
        )
    return pd.DataFrame(out, columns=list(RESULT_COLUMNS))


def select_claims(claims: pd.DataFrame, start_year: int, end_year: int) -> pd.DataFrame:
    """Claims about a year in the period, and every claim without a year."""
    year = claims["year"]
    keep = year.isna() | ((year >= start_year) & (year <= end_year))
    return claims[keep.fillna(True).astype(bool).to_numpy()].reset_index(drop=True)


def verdict_counts(results: pd.DataFrame) -> pd.DataFrame:
    """Number of claims by verdict (rows, in :data:`VERDICTS` order) and seed document (columns), with a total column and row."""
    seeds = list(dict.fromkeys(results["seed_name"]))
    table = pd.crosstab(results["verdict"], results["seed_name"]).reindex(
        index=list(VERDICTS), columns=seeds, fill_value=0
    )
    table["All claims"] = table.sum(axis=1)
    table.loc["All verdicts"] = table.sum(axis=0)
    table.index.name = "Verdict"
    table.columns.name = None
    return table.astype(int)


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


def vote_states(claims: pd.DataFrame) -> list[str]:
    """The states the UN-vote checks of the claims name (to load only their votes)."""
    codes: set[str] = set()
    for key, raw in zip(claims["check_key"], claims["check_args"]):
        if text(key).startswith("unga_"):
            a = json.loads(raw)
            codes |= {a[k] for k in ("iso3", "partner", "iso3_a", "iso3_b") if k in a} | set(a.get("peers", []))
    return sorted(codes)


def load_tables(claims: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every processed table the claims' checks read (UN votes only for the states they name)."""
    from bilateral.data import load

    names = sorted({t for key in claims["check_key"].dropna() if text(key) for t in CHECK_TABLES[text(key)]})
    out = {}
    for name in names:
        out[name] = diplomatic.load_votes(vote_states(claims)) if name == "unga_votes" else load(name)
    return out


# ---------------------------------------------------------------------------------------------
# Presentation
# ---------------------------------------------------------------------------------------------

#: Colour of each verdict in charts (Okabe–Ito: green, orange, vermilion, grey).
VERDICT_COLOURS = {SUPPORTED: "#009E73", PARTLY: "#E69F00", CONTRADICTED: "#D55E00", NOT_CHECKABLE: "#BBBBBB"}


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
    where = citations.sections_text(text(r.get("location")))
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


def pct_of(n: int, total: int) -> str:
    """``pct_of(3, 12) == "25%"``."""
    return fmt.pct(100 * n / total, 0) if total else "n/a"


def findings(results: pd.DataFrame, *, selection: bool = False) -> list[str]:
    """Key findings in sentences: how many claims each verdict got, by seed, and the contradicted claims.

    Args:
        results: :func:`check_all` output.
        selection: True when the results cover only some of the claims (a period was chosen).
    """
    counts = results["verdict"].value_counts()
    n = len(results)
    unchecked = int(counts.get(NOT_CHECKABLE, 0))
    checked = n - unchecked
    seeds_only = int(((results["verdict"] == NOT_CHECKABLE) & results["reason"].str.startswith(SEEDS_ONLY)).sum())
    out = [
        f"Of the {fmt.integer(n)} claims {'in this selection' if selection else 'restated from the two seed documents'}, "
        f"{fmt.integer(checked)} ({pct_of(checked, n)}) "
        f"can be measured against a table here and {fmt.integer(unchecked)} cannot: {fmt.integer(seeds_only)} because only the "
        f"seeds themselves record the date or event here, {fmt.integer(unchecked - seeds_only)} because no table here covers "
        "the matter (or the check found nothing to measure)."
    ]
    if checked:
        out.append(
            f"Verdicts on the {fmt.integer(checked)} measured claims, with the tolerances stated below: "
            f"{fmt.integer(int(counts.get(SUPPORTED, 0)))} supported, {fmt.integer(int(counts.get(PARTLY, 0)))} partly supported, "
            f"{fmt.integer(int(counts.get(CONTRADICTED, 0)))} contradicted."
        )
    for seed_name, g in results.groupby("seed_name", sort=False):
        c = g["verdict"].value_counts()
        k = len(g) - int(c.get(NOT_CHECKABLE, 0))
        out.append(
            f"{seed_name}: {fmt.integer(len(g))} claims, {fmt.integer(k)} measured "
            f"({fmt.integer(int(c.get(SUPPORTED, 0)))} supported, {fmt.integer(int(c.get(PARTLY, 0)))} partly supported, "
            f"{fmt.integer(int(c.get(CONTRADICTED, 0)))} contradicted)."
        )
    bad = results[results["verdict"] == CONTRADICTED]
    if len(bad):
        out.append(
            ("The one contradicted claim: " if len(bad) == 1 else f"The {fmt.integer(len(bad))} contradicted claims: ")
            + "; ".join(
                f"{i} ({c.rstrip('.')}): claimed {cl}, measured {m}"
                for i, c, cl, m in zip(bad["claim_id"], bad["claim"], bad["claimed"], bad["measured"])
            )
            + "."
        )
    return out


def tolerance_points(tol: Tolerances) -> list[str]:
    """The rules :func:`verdict` applies, in words, with the tolerances in force."""
    s, p, d = fmt.num(tol.supported_pct, 0), fmt.num(tol.partly_pct, 0), fmt.plural(tol.date_days, "day")
    return [
        f"**Numbers.** The distance between claim and data is |claimed − measured| / measured. Within {s}%: supported; "
        f"within {p}%: partly supported; beyond: contradicted. A claim stated as about a number is treated like an exact one "
        f"(seeds and press round their figures). A bound (more than, at least, less than, at most) that holds is supported; "
        f"one that fails by at most {p}% is partly supported.",
        f"**Dates.** Each date covers the days of its precision (a year covers the whole year, a month the whole month). "
        f"If the claimed and measured dates overlap: supported; if they are at most {d} apart: partly supported; otherwise contradicted.",
        "**Ranks.** The claimed rank must be the measured one. Where a rank is measured two ways (UN votes: raw agreement "
        "share and Cohen's kappa, which corrects for chance), both must give it for supported; one of the two gives partly "
        "supported. A claim with no number ('Azerbaijan backs Türkiye') is read as 'in the upper half of the group'.",
        "**Sustained claims** ('keeps growing', 'for 30 years'). Read as 'in every year of the period' and compared, as a number, "
        "with the share of years that fit; when that share is too low but the overall trend has the claimed direction "
        "(least-squares slope, or pooled kappa above zero), the verdict is partly supported: direction right, magnitude off.",
        "**Records.** A claim that something happened (a delivery) is supported when the data record it.",
        "**Partial checks.** When the claims table calls a check a partial proxy or a rough comparison, the verdict is at most "
        "partly supported: the data can test only part of the claim.",
        "**Several values.** Where sources disagree (exporter and importer, Azerbaijani and Turkish figures, several press "
        "reports), every value is shown; the verdict uses the one named in the claims table's arguments or, among equally "
        "usable press figures, the one least favourable to the claim.",
    ]


def pair_note(country_a: str, country_b: str) -> str:
    """A sentence for a run whose pair is not the claims' pair ('' for Azerbaijan–Türkiye in either order)."""
    if {country_a, country_b} == set(CLAIMS_PAIR):
        return ""
    return (
        f"This run names {display_name(country_a)} and {display_name(country_b)}, but the claims checked here are the seed "
        f"documents' claims about {display_name(CLAIMS_PAIR[0])} and {display_name(CLAIMS_PAIR[1])}: they are pair-specific, "
        "so they are checked as written, against the data for that pair. The parameters country_a and country_b do not change the "
        "verdicts; start_year and end_year select which claims are shown."
    )


def plot_verdicts(counts: pd.DataFrame):
    """Claims by verdict for each seed document and for all claims: measured claims as stacked bars
    (supported, partly supported, contradicted) on the left, claims not checkable on the right.

    Args:
        counts: :func:`verdict_counts` output.

    Returns:
        The matplotlib figure.
    """
    from bilateral import figures

    body = counts.drop(index="All verdicts")
    bars = list(body.columns)[::-1]
    fig, (ax, ax2) = figures.new("wide", 1, 2, sharey=True, gridspec_kw={"width_ratios": [3, 2]})
    fig.set_size_inches(figures.SIZES["wide"][0], 0.6 * len(bars) + 1.7)

    def stack(axis, verdicts):
        left = np.zeros(len(bars))
        top = float(body.loc[list(verdicts), bars].sum(axis=0).max()) or 1.0
        for v in verdicts:
            vals = body.loc[v, bars].to_numpy(dtype=float)
            axis.barh(bars, vals, left=left, color=VERDICT_COLOURS[v], label=v, edgecolor="white", linewidth=0.6)
            for y, (x0, w) in enumerate(zip(left, vals)):
                if w > 0 and w / top >= 0.03:
                    axis.text(x0 + w / 2, y, f"{int(w)}", ha="center", va="center", fontsize=9, color="black")
            left += vals
        axis.grid(axis="y", visible=False)

    for axis in (ax, ax2):
        axis.set_axisbelow(True)
    stack(ax, VERDICTS[:3])
    stack(ax2, VERDICTS[3:])
    ax.set_xlabel("Measured claims")
    ax2.set_xlabel("Claims not checkable here")
    handles = [legend_patch(VERDICT_COLOURS[v], v) for v in VERDICTS]
    fig.legend(handles=handles, loc="outside upper center", ncol=2, frameon=False)
    return fig


def legend_patch(colour: str, label: str):
    """A legend patch."""
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, label=label)


def counts_alt(counts: pd.DataFrame) -> str:
    """Alt text for :func:`plot_verdicts`: the bars and their numbers in words."""
    parts = []
    for col in counts.columns:
        c = counts[col]
        parts.append(f"{col}: " + ", ".join(f"{int(c[v])} {v}" for v in VERDICTS))
    return "Horizontal stacked bars of the number of claims by verdict. " + "; ".join(parts) + "."


def headline(results: pd.DataFrame) -> str:
    """The report's one-line finding: the verdicts on the claims the data can measure, and how many cannot be."""
    counts = results["verdict"].value_counts()
    n = len(results)
    unchecked = int(counts.get(NOT_CHECKABLE, 0))
    checked = n - unchecked
    if not checked:
        return f"None of the {fmt.plural(n, 'claim')} of the seed documents can be measured against the data here."
    return (
        f"Of the {fmt.integer(checked)} claims of the seed documents that the data here can measure, {fmt.integer(int(counts.get(SUPPORTED, 0)))} "
        f"are supported, {fmt.integer(int(counts.get(PARTLY, 0)))} partly supported and {fmt.integer(int(counts.get(CONTRADICTED, 0)))} contradicted; "
        f"{fmt.integer(unchecked)} of the {fmt.integer(n)} claims cannot be checked with these data."
    )
