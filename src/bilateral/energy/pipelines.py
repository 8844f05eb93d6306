"""Energy report, computation: the pipelines that carry Azerbaijani oil and gas west (BTC, SCP, TANAP,
TAP), from the processed tables ``pipelines``, ``events`` and ``route_points``.

Units are never mixed: BTC throughput in million barrels and in million tonnes stay apart.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from bilateral import fmt
from bilateral.events import split_codes
from bilateral.periods import decimal_year

__all__ = [
    "BTC_MEASURES",
    "FIRST_FLOW",
    "LANE_PATTERNS",
    "OTHER_LANE",
    "PIPELINE_COMMODITY",
    "PIPELINE_COUNTRIES",
    "PIPELINE_ORDER",
    "PIPELINE_ORIGIN",
    "annual_capacity_mbbl",
    "btc_measure",
    "btc_throughput",
    "capacity_periods",
    "energy_events",
    "event_lane",
    "first_flow",
    "lengths",
    "operator_from_quotes",
    "parse_month_year",
    "pipeline_summary",
    "pipelines_apply",
    "reaching",
    "route_lines",
    "shareholders_from_quotes",
]

#: The pipelines, in the order of their first flows, and the origin of what they carry.
PIPELINE_ORDER = ("BTC", "SCP", "TANAP", "TAP")
PIPELINE_ORIGIN = "AZE"
#: States each line crosses (BTC: bp's length split by country; SCP: its name Baku–Tbilisi–Erzurum;
#: TANAP: 'from the Georgian-Turkish border to Turkey's western borders'; TAP: Report.az's split
#: Greece / Albania / Adriatic / Italy) — all quoted in the ``pipelines`` table.
PIPELINE_COUNTRIES = {
    "BTC": ("AZE", "GEO", "TUR"),
    "SCP": ("AZE", "GEO", "TUR"),
    "TANAP": ("TUR",),
    "TAP": ("GRC", "ALB", "ITA"),
}
PIPELINE_COMMODITY = {"BTC": "oil", "SCP": "gas", "TANAP": "gas", "TAP": "gas"}
#: Attributes of the pipelines table that give a line's first flow.
FIRST_FLOW = re.compile(r"^(operational|first gas into|commercial gas to|first supplies)", re.IGNORECASE)
#: Keywords that tie an event title to a pipeline (timeline lanes).
LANE_PATTERNS = {
    "BTC": re.compile(r"\bBTC\b|Baku-Tbilisi-Ceyhan", re.IGNORECASE),
    "SCP": re.compile(r"South Caucasus|Shah Deniz|Baku-Tbilisi-Erzurum", re.IGNORECASE),
    "TANAP": re.compile(r"\bTANAP\b|Trans-Anatolian", re.IGNORECASE),
    "TAP": re.compile(r"\bTAP\b|Trans Adriatic", re.IGNORECASE),
}
OTHER_LANE = "Other"

#: Measures of BTC throughput told apart in the pipelines table's attribute text.
BTC_MEASURES = (
    (re.compile(r"Turkish section", re.IGNORECASE), "carried through Türkiye (BOTAŞ)"),
    (re.compile(r"Ceyhan terminal", re.IGNORECASE), "delivered at Ceyhan (BIL/BTC)"),
    (re.compile(r"SOCAR exports", re.IGNORECASE), "SOCAR exports via BTC"),
    (re.compile(r"throughput", re.IGNORECASE), "transported via BTC (as reported)"),
)
_MONTHS = {m: i for i, m in enumerate(calendar.month_abbr) if m}
# ---------------------------------------------------------------------------------------------
# Pipelines
# ---------------------------------------------------------------------------------------------


def pipelines_apply(country_a: str, country_b: str) -> bool:
    """The pipeline section concerns the pair if ``country_a`` is where the lines' oil and gas come from."""
    return country_a == PIPELINE_ORIGIN


def reaching(country: str) -> list[str]:
    """The pipelines that cross or end in ``country``."""
    return [p for p in PIPELINE_ORDER if country in PIPELINE_COUNTRIES[p]]


def _first(rows: pd.DataFrame) -> pd.Series | None:
    return None if rows.empty else rows.iloc[0]


def _fact_text(row: pd.Series, digits: int = 0) -> str:
    value = row["value"]
    unit = str(row["unit"])
    number = fmt.num(float(value), digits) if pd.notna(value) else ""
    qual = f" ({row['qualifier']})" if isinstance(row["qualifier"], str) and row["qualifier"] else ""
    return f"{number} {unit}{qual}".strip()


def operator_from_quotes(rows: pd.DataFrame) -> str | None:
    """'operated by X' as stated in a quote of the pipeline's facts, or None."""
    for q in rows["quote"].astype(str):
        if m := re.search(r"\boperated by ([A-Z][\w&.\- ]*?)(?:[.,;]|$)", q):
            return f"operated by {m.group(1).strip()}"
    return None


def shareholders_from_quotes(rows: pd.DataFrame) -> str | None:
    """The shareholder list quoted in a 'shareholders' fact ('A (51 percent), B (7 percent)'), or None."""
    sh = rows[rows["attribute"].str.lower() == "shareholders"]
    for q in sh["quote"].astype(str):
        if m := re.search(r"(?:are|is)\s*:\s*(.+?)\.?\s*$", q):
            return m.group(1).replace(" percent", "%")
    return None


def first_flow(rows: pd.DataFrame) -> tuple[str | None, int | None]:
    """The first-flow text (date as precise as the source) and year from a pipeline's facts."""
    r = _first(rows[rows["attribute"].str.match(FIRST_FLOW)])
    if r is None:
        return None, None
    year = int(r["value"]) if pd.notna(r["value"]) else None
    when = r["qualifier"] if isinstance(r["qualifier"], str) and r["qualifier"] else str(year)
    return f"{when}: {r['attribute']}", year


def pipeline_summary(facts: pd.DataFrame) -> pd.DataFrame:
    """One row per pipeline: length, capacity, operator or shareholders, first flow, sources.

    Cells the pipelines table has no fact for read "not in the data". Capacity cells list every
    capacity fact with its period; a contract volume is not a capacity and is listed under
    other facts. ``Sources`` names the publishers of the facts shown in the row only (not of the
    line's throughput figures, which have their own table).
    """
    out = []
    for key in PIPELINE_ORDER:
        rows = facts[facts["pipeline"] == key]
        if rows.empty:
            continue
        length = _first(rows[rows["attribute"].str.lower() == "length"])
        caps = rows[rows["attribute"].str.lower() == "capacity"]
        cap_text = "; ".join(_fact_text(r, 1) for _, r in caps.iterrows()) or "not in the data"
        who = shareholders_from_quotes(rows)
        who = f"shareholders: {who}" if who else operator_from_quotes(rows)
        flow, _ = first_flow(rows)
        other = rows[rows["attribute"].str.contains("contract", case=False)]
        shown = [r for r in (length, _first(rows[rows["attribute"].str.match(FIRST_FLOW)])) if r is not None]
        used = pd.concat(
            [
                pd.DataFrame(shown),
                caps,
                other,
                rows[rows["attribute"].str.lower() == "shareholders"]
                if who and who.startswith("shareholders")
                else rows.iloc[:0],
            ]
        )
        if who and who.startswith("operated by"):
            used = pd.concat([used, rows[rows["quote"].astype(str).str.contains("operated by", regex=False)]])
        out.append({
            "Pipeline": str(rows["pipeline_name"].iloc[0]),
            "Carries": PIPELINE_COMMODITY[key],
            "Length (km)": fmt.integer(float(length["value"])) if length is not None else "not in the data",
            "Capacity": cap_text,
            "Operator or shareholders": who or "not in the data",
            "First flow": flow or "not in the data",
            "Other facts": "; ".join(f"{r['attribute']}: {_fact_text(r, 1)}" for _, r in other.iterrows()),
            "Sources": "; ".join(sorted(set(used["source"].astype(str)))),
        })  # fmt: skip
    return pd.DataFrame(out)


def lengths(facts: pd.DataFrame) -> dict[str, float]:
    """Length in km of each pipeline that has one in the table."""
    rows = facts[(facts["attribute"].str.lower() == "length") & (facts["unit"] == "km")]
    return {str(p): float(v) for p, v in zip(rows["pipeline"], rows["value"])}


def btc_measure(attribute: str) -> str | None:
    """What a BTC throughput attribute measures (see :data:`BTC_MEASURES`), or None."""
    for pattern, label in BTC_MEASURES:
        if pattern.search(attribute):
            return label
    return None


def btc_throughput(facts: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """BTC's calendar-year throughput figures in the years, each with its measure and unit.

    Partial-year and cumulative figures are left out. Units are kept as published (million
    barrels or million tonnes): never convert one into the other here.

    Returns:
        ``year``, ``measure``, ``unit``, ``value``, ``source``, sorted by unit, measure, year.
    """
    years = set(years)
    rows = facts[(facts["pipeline"] == "BTC") & (facts["period_kind"] == "calendar year") & facts["value"].notna()]
    rows = rows[rows["reference_year"].isin(years)]
    out = pd.DataFrame(
        {
            "year": rows["reference_year"].astype(int).to_numpy(),
            "measure": [btc_measure(a) for a in rows["attribute"]],
            "unit": rows["unit"].astype(str).to_numpy(),
            "value": rows["value"].astype(float).to_numpy(),
            "source": rows["source"].astype(str).to_numpy(),
        }
    )
    return out.sort_values(["unit", "measure", "year"], kind="mergesort").reset_index(drop=True)


def parse_month_year(text: str) -> tuple[int, int]:
    """``parse_month_year("Mar 2009") == (2009, 3)``."""
    m = re.fullmatch(r"\s*([A-Za-z]{3})[a-z]*\.? (\d{4})\s*", text)
    if not m or m.group(1).title() not in _MONTHS:
        raise ValueError(f"not a month and year: {text!r}")
    return int(m.group(2)), _MONTHS[m.group(1).title()]


def capacity_periods(
    facts: pd.DataFrame, pipeline: str = "BTC"
) -> list[tuple[tuple[int, int], tuple[int, int] | None, float, str]]:
    """Capacity facts with their validity: ``((start year, month), (end year, month) or None, value, unit)``.

    Reads qualifiers such as 'Mar 2006-Mar 2009' and 'since Mar 2009'; facts whose qualifier is
    neither are skipped.
    """
    rows = facts[(facts["pipeline"] == pipeline) & (facts["attribute"].str.lower() == "capacity")]
    out = []
    for _, r in rows.iterrows():
        q = r["qualifier"] if isinstance(r["qualifier"], str) else ""
        if m := re.fullmatch(r"\s*([A-Za-z]{3} \d{4})\s*[-–]\s*([A-Za-z]{3} \d{4})\s*", q):
            out.append((parse_month_year(m.group(1)), parse_month_year(m.group(2)), float(r["value"]), str(r["unit"])))
        elif m := re.fullmatch(r"\s*since ([A-Za-z]{3} \d{4})\s*", q):
            out.append((parse_month_year(m.group(1)), None, float(r["value"]), str(r["unit"])))
    return out


def annual_capacity_mbbl(periods, years: Iterable[int]) -> pd.Series:
    """Capacity over a calendar year in million barrels: a rate in million barrels/day × the days of
    the year, for years wholly inside one capacity period (NaN for years that straddle a change)."""
    out = {}
    for y in years:
        value = np.nan
        for start, end, rate, unit in periods:
            if unit != "million barrels/day":
                continue
            starts_before = start <= (y, 1)
            ends_after = end is None or end > (y, 12)
            if starts_before and ends_after:
                value = rate * (366 if calendar.isleap(y) else 365)
        out[int(y)] = value
    return pd.Series(out, dtype=float, name="capacity_mbbl")


def energy_events(events: pd.DataFrame, country: str, years: Iterable[int]) -> pd.DataFrame:
    """Energy events involving ``country`` in the years, with a pipeline lane and a plotting date.

    Returns:
        The matching rows sorted by date and id, with added ``lane`` (a key of
        :data:`PIPELINE_ORDER` or 'Other'), ``x`` (decimal year) and ``when`` (date as precise as the source).
    """
    years = set(years)
    year = pd.to_numeric(events["date"].astype("string").str[:4], errors="coerce")
    keep = (
        (events["dimension"] == "energy")
        & year.isin(years)
        & events["countries"].map(lambda v: country in split_codes(v))
    )
    ev = events[keep.to_numpy()].sort_values(["date", "event_id"], kind="mergesort").reset_index(drop=True)
    ev["lane"] = [event_lane(t) for t in ev["title"].astype(str)]
    ev["x"] = decimal_year(ev["date"], ev["date_precision"]).to_numpy()
    ev["when"] = [fmt.date(d, p) for d, p in zip(ev["date"], ev["date_precision"])]
    return ev


def event_lane(title: str) -> str:
    """The pipeline an event title names (first match in :data:`PIPELINE_ORDER`), else 'Other'."""
    for key in PIPELINE_ORDER:
        if LANE_PATTERNS[key].search(title):
            return key
    return OTHER_LANE


def route_lines(points: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The points of each pipeline, ordered east to west (all four lines flow westwards)."""
    out = {}
    for key in PIPELINE_ORDER:
        on = points[points["pipelines"].astype(str).map(lambda s, key=key: key in s.split("|"))]
        if len(on) >= 2:
            out[key] = on.sort_values("lon", ascending=False, kind="mergesort").reset_index(drop=True)
    return out
