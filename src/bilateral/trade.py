"""Trade: bilateral merchandise trade seen from both sides (IMF DOTS), with press figures after 2020.

The IMF's Direction of Trade Statistics (DOTS) record each country's exports (FOB) and imports
(CIF) by partner, *as reported by that country*. A flow from A to B therefore appears twice: as
A's exports to B and as B's imports from A ("mirror" figures). The two rarely agree, and for
Azerbaijan–Türkiye they disagree badly. The functions here keep the two reporters apart: they
never add or average mirror flows, and every time series comes from one reporter.

Terms used throughout:

* ``exporter``/``importer``: the two sides of one direction of trade.
* ``gap``: importer-reported imports (CIF) minus exporter-reported exports (FOB), US$ million.
* ``ratio``: importer-reported imports divided by exporter-reported exports.
* trade intensity index of A's exports to B: ``(x_ab / X_a) / (M_b / M_w)``, where ``x_ab`` is A's
  reported exports to B, ``X_a`` A's reported exports to the world, ``M_b`` B's reported imports
  from the world and ``M_w`` world imports (see :func:`world_imports`). 1 means A sends B the share
  of its exports that B takes of world imports; above 1, more.

Press figures (``trade_press``) for 2021 onwards are kept in separate frames and are never
joined to the DOTS series.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name
from bilateral.errors import ParameterError

#: Years the DOTS vintage used here covers.
DOTS_YEARS = (1990, 2020)
#: Values of the ``flow`` column of ``trade_bilateral``.
EXPORTS, IMPORTS = "exports", "imports"
#: Partner (and reporter) code for the world total.
WORLD = "WLD"
#: The only pair the press tables cover.
PRESS_PAIR = frozenset({"AZE", "TUR"})
#: Marker shown after an IMF-estimated value in tables.
ESTIMATE_MARK = "e"


# ---------------------------------------------------------------------------------------------
# Selecting series
# ---------------------------------------------------------------------------------------------


def series(trade: pd.DataFrame, reporter: str, partner: str, flow: str, years: Iterable[int]) -> pd.DataFrame:
    """One reporter's flow with one partner, by year.

    Args:
        trade: ``trade_bilateral`` rows (columns ``year, reporter_iso3, partner_iso3, flow,
            value_usd_m, is_estimate``).
        reporter: the reporting country.
        partner: the partner (``WLD`` for the world).
        flow: ``"exports"`` or ``"imports"``.
        years: the years wanted; years without a value are kept as missing.

    Returns:
        A frame indexed by ``year`` with ``value_usd_m`` (float, NaN when not reported) and
        ``is_estimate`` (bool, False when not reported).
    """
    # the same rows as three `==` masks, about ten times faster: `isin` on the string columns, the reporter first
    mine = trade[trade["reporter_iso3"].isin([reporter])]
    rows = mine[mine["partner_iso3"].isin([partner]) & mine["flow"].isin([flow])]
    out = rows.set_index(rows["year"].astype(int))[["value_usd_m", "is_estimate"]]
    out = out.reindex(pd.Index(list(years), name="year"))
    return pd.DataFrame(
        {
            "value_usd_m": out["value_usd_m"].astype(float),
            "is_estimate": out["is_estimate"].astype("boolean").fillna(False).astype(bool),
        }
    )


def mirror(trade: pd.DataFrame, exporter: str, importer: str, years: Iterable[int]) -> pd.DataFrame:
    """One direction of trade as each side reports it.

    Args:
        trade: ``trade_bilateral`` rows.
        exporter: the exporting country; its exports (FOB) to ``importer`` are one line.
        importer: the importing country; its imports (CIF) from ``exporter`` are the other.
        years: years wanted.

    Returns:
        A frame indexed by ``year``: ``exporter_reported_usd_m``, ``importer_reported_usd_m``,
        ``exporter_is_estimate``, ``importer_is_estimate``, ``gap_usd_m`` (importer minus exporter)
        and ``ratio`` (importer / exporter; NaN when either is missing or the exporter's is zero).
        The two figures are never added.
    """
    years = list(years)
    exp = series(trade, exporter, importer, EXPORTS, years)
    imp = series(trade, importer, exporter, IMPORTS, years)
    out = pd.DataFrame(
        {
            "exporter_reported_usd_m": exp["value_usd_m"],
            "importer_reported_usd_m": imp["value_usd_m"],
            "exporter_is_estimate": exp["is_estimate"],
            "importer_is_estimate": imp["is_estimate"],
        }
    )
    out["gap_usd_m"] = out["importer_reported_usd_m"] - out["exporter_reported_usd_m"]
    denominator = out["exporter_reported_usd_m"].where(out["exporter_reported_usd_m"] > 0)
    out["ratio"] = out["importer_reported_usd_m"] / denominator
    return out


def gap_summary(m: pd.DataFrame, *, below: float = 0.5) -> dict:
    """Summarise how far the two sides of one direction disagree.

    Args:
        m: a frame from :func:`mirror`.
        below: a ratio threshold; years where the importer reports less than ``below`` times the
            exporter's figure are counted.

    Returns:
        A dict with ``n_both`` (years both sides report), ``n_importer_lower`` (years the importer's
        CIF figure is below the exporter's FOB figure), ``n_below`` (years with ratio < ``below``),
        ``first_below`` (first such year or None), ``median_ratio``, ``latest_year`` (last year
        both report, or None) and ``latest_ratio``, ``latest_gap_usd_m``, ``latest_exporter_usd_m``,
        ``latest_importer_usd_m`` for that year, and ``cumulative_gap_usd_m`` (sum of gaps over the
        years both report).
    """
    both = m.dropna(subset=["exporter_reported_usd_m", "importer_reported_usd_m"])
    ratios = both["ratio"].dropna()
    below_years = ratios.index[ratios < below]
    latest = both.index.max() if len(both) else None
    out = {
        "n_both": len(both),
        "n_importer_lower": int((both["importer_reported_usd_m"] < both["exporter_reported_usd_m"]).sum()),
        "n_below": len(below_years),
        "first_below": int(below_years.min()) if len(below_years) else None,
        "median_ratio": float(ratios.median()) if len(ratios) else float("nan"),
        "latest_year": int(latest) if latest is not None else None,
        "latest_ratio": float(both.loc[latest, "ratio"]) if latest is not None else float("nan"),
        "latest_gap_usd_m": float(both.loc[latest, "gap_usd_m"]) if latest is not None else float("nan"),
        "latest_exporter_usd_m": float(both.loc[latest, "exporter_reported_usd_m"])
        if latest is not None
        else float("nan"),
        "latest_importer_usd_m": float(both.loc[latest, "importer_reported_usd_m"])
        if latest is not None
        else float("nan"),
        "cumulative_gap_usd_m": float(both["gap_usd_m"].sum()) if len(both) else float("nan"),
    }
    return out


def gap_pattern(m: pd.DataFrame, *, below: float = 0.5) -> dict:
    """When one direction's two records have diverged persistently, and when the importer's ran far above.

    Args:
        m: a frame from :func:`mirror`.
        below: the ratio threshold (importer's figure ÷ exporter's).

    Returns:
        ``run_start`` and ``run_end``: the final run of consecutive years, ending in the last year both
        sides report, in which the ratio is below ``below`` (both None if that last year is not below);
        ``run_min`` and ``run_max``: the ratio's range over that run; ``above``: ``{year: ratio}`` for the
        years in which the ratio exceeds ``1 / below`` (the importer's figure far above the exporter's).
    """
    ratios = m["ratio"].dropna()
    out = {"run_start": None, "run_end": None, "run_min": float("nan"), "run_max": float("nan"), "above": {}}
    if ratios.empty:
        return out
    out["above"] = {int(y): float(r) for y, r in ratios.items() if r > 1 / below}
    years = [int(y) for y in ratios.index]
    if ratios.iloc[-1] >= below:
        return out
    start = years[-1]
    for y in reversed(years[:-1]):
        if y == start - 1 and ratios.loc[y] < below:
            start = y
        else:
            break
    run = ratios.loc[start:]
    out.update(run_start=start, run_end=years[-1], run_min=float(run.min()), run_max=float(run.max()))
    return out


def gap_pattern_sentence(p: dict, exporter: str, importer: str, *, below: float = 0.5) -> str:
    """The pattern of :func:`gap_pattern` in words (numbers computed, never typed); "" if there is nothing to say."""
    from bilateral import fmt

    en, im = display_name(exporter), display_name(importer)
    parts = []
    if p["run_start"] is not None:
        span = (
            f"every year from {p['run_start']} to {p['run_end']}"
            if p["run_start"] < p["run_end"]
            else f"{p['run_end']}"
        )
        share = "half" if below == 0.5 else fmt.ratio(below, 2)
        parts.append(
            f"in the data here, {poss_name(im)} import figure for goods from {en} was below {share} of {poss_name(en)} export figure in "
            f"{span} (between {fmt.ratio(p['run_min'], 2)} and {fmt.ratio(p['run_max'], 2)} of it)"
        )
    if p["above"]:
        listed = _year_list([f"{y} ({fmt.ratio(r, 1)})" for y, r in p["above"].items()])
        parts.append(f"in {listed} it was instead more than {fmt.ratio(1 / below, 0)} the exporter's figure")
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def poss_name(name: str) -> str:
    """English possessive of a display name: ``poss_name("Türkiye") == "Türkiye's"``."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def estimate_ratios(*mirrors: pd.DataFrame) -> list[float]:
    """The distinct importer/exporter ratios (rounded to 2 decimals) in years where either side's value
    is an IMF estimate, across :func:`mirror` frames. Identical ratios suggest that the estimate was
    derived from the other side's figure."""
    values = set()
    for m in mirrors:
        flagged_rows = m[(m["exporter_is_estimate"] | m["importer_is_estimate"]) & m["ratio"].notna()]
        values.update(round(float(r), 2) for r in flagged_rows["ratio"])
    return sorted(values)


# ---------------------------------------------------------------------------------------------
# Coverage: who reports what
# ---------------------------------------------------------------------------------------------


def coverage(trade: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """Which side reports which flow of the pair, and in how many of the years.

    Returns:
        One row per reported series (``reporter``, ``flow``, ``partner``) with ``n_years`` (years
        with a value), ``first``, ``last`` (None when no value), ``missing`` (the years without a
        value, as a list) and ``n_estimates`` (values flagged as IMF estimates).
    """
    years = list(years)
    rows = []
    for reporter, partner in ((a, b), (b, a)):
        for flow in (EXPORTS, IMPORTS):
            s = series(trade, reporter, partner, flow, years)
            present = s["value_usd_m"].dropna()
            rows.append(
                {
                    "reporter": reporter,
                    "flow": flow,
                    "partner": partner,
                    "n_years": len(present),
                    "first": int(present.index.min()) if len(present) else None,
                    "last": int(present.index.max()) if len(present) else None,
                    "missing": [int(y) for y in s.index if pd.isna(s.at[y, "value_usd_m"])],
                    "n_estimates": int(s.loc[present.index, "is_estimate"].sum()),
                }
            )
    return pd.DataFrame(rows)


def coverage_sentences(cov: pd.DataFrame, n_years: int) -> list[str]:
    """Plain sentences saying which side's figures are missing, from :func:`coverage`.

    Args:
        cov: the frame from :func:`coverage`.
        n_years: the number of years in the period.

    Returns:
        An empty list when both sides report every flow in every year; otherwise one sentence per
        reporter whose figures are missing in some or all years, e.g. "Türkiye reports no trade
        with Armenia to the IMF in this period ..." or "Türkiye's figures are incomplete: it
        reports exports to Armenia in only 12 of the 28 years."
    """
    out = []
    if (cov["n_years"] == 0).all():
        a, b = (display_name(c) for c in cov["reporter"].drop_duplicates())
        return [
            f"Neither {a} nor {b} has any figure for trade with the other in the IMF data used here for this period, so no "
            "section of this report can show the pair. (The extract holds the trade of Azerbaijan, Türkiye and a few "
            "neighbours and partners with every country, and every country's trade with them.)"
        ]
    for reporter, group in cov.groupby("reporter", sort=False):
        name = display_name(reporter)
        partner = display_name(group["partner"].iloc[0])
        if (group["n_years"] == 0).all():
            out.append(
                f"{name} reports no trade with {partner} to the IMF in this period: only {partner}'s figures are shown, "
                f"and {name}'s side of each comparison is missing."
            )
            continue
        parts = []
        for _, row in group.iterrows():
            what = f"exports to {partner}" if row["flow"] == EXPORTS else f"imports from {partner}"
            if row["n_years"] == 0:
                parts.append(f"no {what} in any year")
            elif row["n_years"] < n_years:
                missing = row["missing"]
                listed = f" (none for {_year_list(missing)})" if len(missing) <= 5 else ""
                parts.append(f"{what} in only {row['n_years']} of the {n_years} years{listed}")
        if parts:
            out.append(f"{name}'s figures are incomplete: it reports " + " and ".join(parts) + ".")
    return out


def _year_list(years: Sequence[int]) -> str:
    """``[1992]`` -> "1992"; ``[1992, 1994]`` -> "1992 and 1994"; three or more joined with commas."""
    years = [str(y) for y in years]
    if len(years) <= 2:
        return " and ".join(years)
    return ", ".join(years[:-1]) + " and " + years[-1]


def reporting_sides(cov: pd.DataFrame) -> list[str]:
    """The countries of the pair that report at least one value (in the order of ``cov``)."""
    present = cov.groupby("reporter", sort=False)["n_years"].sum()
    return [r for r, n in present.items() if n > 0]


# ---------------------------------------------------------------------------------------------
# Balance
# ---------------------------------------------------------------------------------------------


def balance_both_sides(trade: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """``a``'s trade balance with ``b`` as each side's records show it.

    ``a``'s records: a's exports to b minus a's imports from b. ``b``'s records: b's imports from
    a minus b's exports to a (the same quantity, seen from b's books). Positive = surplus for ``a``.

    Returns:
        A frame indexed by ``year`` with ``a_records_usd_m``, ``b_records_usd_m`` and the four
        components ``a_exports_usd_m``, ``a_imports_usd_m``, ``b_exports_usd_m``, ``b_imports_usd_m``.
    """
    years = list(years)
    ax = series(trade, a, b, EXPORTS, years)["value_usd_m"]
    am = series(trade, a, b, IMPORTS, years)["value_usd_m"]
    bx = series(trade, b, a, EXPORTS, years)["value_usd_m"]
    bm = series(trade, b, a, IMPORTS, years)["value_usd_m"]
    return pd.DataFrame(
        {
            "a_records_usd_m": ax - am,
            "b_records_usd_m": bm - bx,
            "a_exports_usd_m": ax,
            "a_imports_usd_m": am,
            "b_exports_usd_m": bx,
            "b_imports_usd_m": bm,
        }
    )


# ---------------------------------------------------------------------------------------------
# Shares and intensity
# ---------------------------------------------------------------------------------------------


def shares(
    trade: pd.DataFrame, reporter: str, partners: Sequence[str], flow: str, years: Iterable[int]
) -> pd.DataFrame:
    """Each partner's share of a reporter's total exports or imports, from the reporter's own figures.

    Args:
        trade: ``trade_bilateral`` rows.
        reporter: whose trade.
        partners: partner codes (not ``WLD``).
        flow: ``"exports"`` or ``"imports"``.
        years: years wanted.

    Returns:
        Long frame: ``year, partner, value_usd_m, total_usd_m, share_pct, is_estimate`` where
        ``share_pct = 100 * value / total`` and ``is_estimate`` is True if either figure is an IMF
        estimate. Missing values stay missing.
    """
    years = list(years)
    total = series(trade, reporter, WORLD, flow, years)
    frames = []
    for partner in partners:
        s = series(trade, reporter, partner, flow, years)
        tot = total["value_usd_m"].where(total["value_usd_m"] > 0)
        frames.append(
            pd.DataFrame(
                {
                    "year": years,
                    "partner": partner,
                    "value_usd_m": s["value_usd_m"].to_numpy(),
                    "total_usd_m": total["value_usd_m"].to_numpy(),
                    "share_pct": (100 * s["value_usd_m"] / tot).to_numpy(),
                    "is_estimate": (s["is_estimate"] | total["is_estimate"]).to_numpy(),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def rank_among(share_frame: pd.DataFrame, partner: str, year: int) -> tuple[int | None, int]:
    """Rank of ``partner`` by share in one year among the partners of a :func:`shares` frame.

    Returns:
        ``(rank, n)``: 1 = largest share; rank is None if the partner's share is missing. ``n`` counts
        partners with a share that year.
    """
    year_rows = share_frame[(share_frame["year"] == year)].dropna(subset=["share_pct"])
    n = len(year_rows)
    if partner not in set(year_rows["partner"]):
        return None, n
    ordered = year_rows.sort_values("share_pct", ascending=False, kind="mergesort")["partner"].tolist()
    return ordered.index(partner) + 1, n


def world_imports(trade: pd.DataFrame, years: Iterable[int]) -> pd.Series:
    """World imports ``M_w`` by year: the IMF's own world aggregate (reporter ``WLD``, partner ``WLD``).

    DOTS publishes a "World" row that totals all reporters' imports from the world (its own
    aggregate, including IMF estimates for countries that do not report). Using it rather than
    summing the reporters here avoids double-counting former or constituent economies.

    Returns:
        A Series indexed by year (NaN where missing).
    """
    return series(trade, WORLD, WORLD, IMPORTS, years)["value_usd_m"].rename("world_imports_usd_m")


def intensity(x_ab, x_a, m_b, m_w):
    """Trade intensity index ``(x_ab / x_a) / (m_b / m_w)`` (works on scalars, arrays and Series).

    Args:
        x_ab: exports of A to B (A's figure).
        x_a: A's exports to the world (A's figure).
        m_b: B's imports from the world (B's figure).
        m_w: world imports.

    Returns:
        The index; NaN where a denominator is zero or missing.
    """
    x_a = np.where(np.asarray(x_a, dtype=float) == 0, np.nan, x_a)
    m_w = np.where(np.asarray(m_w, dtype=float) == 0, np.nan, m_w)
    m_b = np.where(np.asarray(m_b, dtype=float) == 0, np.nan, m_b)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = (np.asarray(x_ab, dtype=float) / x_a) / (np.asarray(m_b, dtype=float) / m_w)
    if isinstance(x_ab, pd.Series):
        return pd.Series(value, index=x_ab.index)
    return value if np.ndim(value) else float(value)


def intensity_series(
    trade: pd.DataFrame, exporter: str, importer: str, years: Iterable[int], m_w: pd.Series | None = None
) -> pd.DataFrame:
    """The trade intensity index of ``exporter``'s exports to ``importer``, by year.

    Returns:
        A frame indexed by ``year`` with the components ``x_ab_usd_m`` (exporter's reported
        exports to importer), ``x_a_usd_m`` (exporter's exports to the world), ``m_b_usd_m``
        (importer's imports from the world), ``m_w_usd_m`` (world imports) and ``intensity``.
    """
    years = list(years)
    if m_w is None:
        m_w = world_imports(trade, years)
    out = pd.DataFrame(
        {
            "x_ab_usd_m": series(trade, exporter, importer, EXPORTS, years)["value_usd_m"],
            "x_a_usd_m": series(trade, exporter, WORLD, EXPORTS, years)["value_usd_m"],
            "m_b_usd_m": series(trade, importer, WORLD, IMPORTS, years)["value_usd_m"],
            "m_w_usd_m": m_w.reindex(years).to_numpy(),
        }
    )
    out["intensity"] = intensity(out["x_ab_usd_m"], out["x_a_usd_m"], out["m_b_usd_m"], out["m_w_usd_m"])
    return out


def intensity_table(trade: pd.DataFrame, exporter: str, partners: Sequence[str], years: Iterable[int]) -> pd.DataFrame:
    """Mean trade intensity of ``exporter``'s exports to each partner over ``years``.

    Returns:
        One row per partner: ``partner``, ``mean_intensity`` (mean of the yearly indices that can be
        computed) and ``n_years`` (how many).
    """
    years = list(years)
    m_w = world_imports(trade, years)
    rows = []
    for partner in partners:
        s = intensity_series(trade, exporter, partner, years, m_w)["intensity"].dropna()
        rows.append(
            {"partner": partner, "mean_intensity": float(s.mean()) if len(s) else float("nan"), "n_years": len(s)}
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# Trade relative to GDP
# ---------------------------------------------------------------------------------------------


def gdp_series(macro: pd.DataFrame, iso3: str) -> pd.Series:
    """A country's GDP (current US$ million) for every year of the macro table, indexed by year."""
    rows = macro[macro["iso3"] == iso3]
    return pd.Series(
        rows["gdp_usd_m"].astype(float).to_numpy(), index=rows["year"].astype(int).to_numpy(), name="gdp_usd_m"
    )


def trade_to_gdp(
    trade: pd.DataFrame, macro: pd.DataFrame, reporter: str, partner: str, years: Iterable[int]
) -> pd.DataFrame:
    """A reporter's trade with a partner (its own exports plus its own imports) as a share of its GDP.

    Both figures come from the same reporter, so this is one side's turnover, not a sum of mirror
    flows.

    Returns:
        A frame indexed by ``year``: ``turnover_usd_m``, ``gdp_usd_m``, ``pct_gdp``. The turnover is
        missing if either flow is missing.
    """
    years = list(years)
    x = series(trade, reporter, partner, EXPORTS, years)["value_usd_m"]
    m = series(trade, reporter, partner, IMPORTS, years)["value_usd_m"]
    gdp_rows = macro[macro["iso3"] == reporter].set_index(macro.loc[macro["iso3"] == reporter, "year"].astype(int))
    gdp = gdp_rows["gdp_usd_m"].astype(float).reindex(years)
    gdp.index.name = "year"
    out = pd.DataFrame({"turnover_usd_m": x + m, "gdp_usd_m": gdp.where(gdp > 0)})
    out["pct_gdp"] = 100 * out["turnover_usd_m"] / out["gdp_usd_m"]
    return out


# ---------------------------------------------------------------------------------------------
# Press figures (2021 onwards), never joined to DOTS
# ---------------------------------------------------------------------------------------------

_FLOW_METRIC = re.compile(r"^\s*([A-Z]{3}) (exports to|imports from) ([A-Z]{3})\s*$")
#: Label of the turnover measure in press tables.
TURNOVER = "turnover"


def press_measure(metric: str) -> tuple[str, str, str] | None:
    """Read a press ``metric`` as ``(measure, exporter, importer)``.

    ``"turnover"`` and its variants (``"turnover (approx.)"``, ``"turnover (lower bound)"``) give
    ``("turnover", "", "")``; ``"AZE exports to TUR"`` gives ``("flow", "AZE", "TUR")`` and
    ``"TUR imports from AZE"`` also ``("flow", "AZE", "TUR")`` (the same direction of trade, seen
    by the importer). Combined metrics (``"turnover / AZ exports"``), qualified flows
    (``"AZE exports to TUR (as stated)"``) and anything else give None.
    """
    if metric is None or metric is pd.NA or (isinstance(metric, float) and np.isnan(metric)):
        return None
    text = str(metric).strip()
    if text.casefold().startswith(TURNOVER) and "/" not in text:
        return (TURNOVER, "", "")
    match = _FLOW_METRIC.match(text)
    if not match:
        return None
    first, verb, second = match.groups()
    return ("flow", first, second) if verb == "exports to" else ("flow", second, first)


def press_qualifier(metric: str) -> str:
    """``"approx."``, ``"lower bound"`` or ``""`` from a press metric's wording."""
    text = str(metric).casefold()
    if "lower bound" in text or "exceed" in text:
        return "lower bound"
    if "approx" in text:
        return "approx."
    return ""


def press_full_years(press: pd.DataFrame, *, after: int = DOTS_YEARS[1]) -> pd.DataFrame:
    """Full-year press figures for single years after the DOTS series ends.

    Keeps rows of ``trade_press`` with a single ``year`` after ``after``, ``period == "year"``, a
    value in US$ (``value_usd_m``), and a metric that :func:`press_measure` reads (turnover or one
    direction of trade). Rows whose note says not to use them are dropped; rows the table flags
    as not usable for another reason (a conflict with another figure) are kept and marked.

    Returns:
        Columns ``year`` (int), ``measure`` (``"turnover"`` or ``"flow"``), ``exporter``,
        ``importer`` (empty for turnover), ``side`` (``basis_iso3``: whose official figure; None
        when not stated), ``qualifier``, ``value_usd_m``, ``basis``, ``reported_by``, ``url``,
        ``caution`` (the table's ``usable_reason``, "" when usable), sorted.
    """
    df = press[press["year"].notna() & (press["year"] > after)]
    df = df[df["period"].astype("string").str.strip() == "year"]
    df = df[df["value_usd_m"].notna()]
    note = df["note"].astype("string").fillna("")
    df = df[~note.str.contains("do not use", case=False, regex=False)]
    parsed = df["metric"].map(press_measure)
    df = df[parsed.notna()]
    parsed = parsed[df.index]
    out = pd.DataFrame(
        {
            "year": df["year"].astype(int),
            "measure": [p[0] for p in parsed],
            "exporter": [p[1] for p in parsed],
            "importer": [p[2] for p in parsed],
            "side": df["basis_iso3"].astype(object).where(df["basis_iso3"].notna(), None),
            "qualifier": df["metric"].map(press_qualifier),
            "value_usd_m": df["value_usd_m"].astype(float),
            "basis": df["basis"],
            "reported_by": df["reported_by"],
            "url": df["url"],
            "caution": df["usable_reason"].astype("string").fillna("").where(~df["usable"].astype(bool), ""),
        }
    )
    order = out.assign(_side=out["side"].fillna("~"))
    order = order.sort_values(["year", "measure", "exporter", "_side", "value_usd_m"], kind="mergesort")
    return out.loc[order.index].reset_index(drop=True)


def press_partial_years(press: pd.DataFrame, *, after: int = DOTS_YEARS[1]) -> pd.DataFrame:
    """Press rows for part of a year (``period`` other than ``"year"``) after ``after``: counted, not charted."""
    df = press[press["year"].notna() & (press["year"] > after)]
    return df[df["period"].astype("string").str.strip() != "year"]


def _side_label(side, a: str, b: str) -> str:
    if side in (a, b):
        return f"{display_name(side)}'s side"
    return "side not stated"


def press_side_by_side(full: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Full-year press figures as a table: one row per year and measure, one column per side.

    Args:
        full: the frame from :func:`press_full_years`.
        a, b: the pair (they order and name the rows and columns).

    Returns:
        Columns ``Year``, ``Measure`` ("Turnover", "A → B", "B → A"), ``<A>'s side``, ``<B>'s side``
        and ``side not stated`` when needed. Values are US$ million; several figures from one side
        for the same year and measure are all listed (never averaged), joined by " / "; "≈" marks
        an approximate figure, "≥" a lower bound and "†" a figure the press table flags as
        conflicting with another.
    """
    if full.empty:
        return pd.DataFrame(columns=["Year", "Measure"])
    prefix = {"approx.": "≈", "lower bound": "≥", "": ""}
    df = full.assign(
        Measure=[
            "Turnover" if m == TURNOVER else f"{display_name(x)} → {display_name(i)}"
            for m, x, i in zip(full["measure"], full["exporter"], full["importer"])
        ],
        column=[_side_label(s, a, b) for s in full["side"]],
        text=[
            prefix[q] + f"{v:,.0f}" + (" †" if c else "")
            for v, q, c in zip(full["value_usd_m"], full["qualifier"], full["caution"])
        ],
    )
    table = df.groupby(["year", "Measure", "column"], sort=False)["text"].agg(" / ".join).unstack("column")
    columns = [_side_label(a, a, b), _side_label(b, a, b), "side not stated"]
    table = table.reindex(columns=[c for c in columns if c in table.columns])
    order = {"Turnover": 0, f"{display_name(a)} → {display_name(b)}": 1, f"{display_name(b)} → {display_name(a)}": 2}
    table = table.reset_index().rename(columns={"year": "Year"})
    table = table.sort_values(
        ["Year", "Measure"], key=lambda s: s.map(order) if s.name == "Measure" else s, kind="mergesort"
    )
    table.columns.name = None
    return table.fillna("–").reset_index(drop=True)


def press_both_sides(full: pd.DataFrame) -> pd.DataFrame:
    """Year-and-direction cells where both sides of the pair give a full-year figure for one direction.

    Returns:
        The rows of ``full`` (measure ``"flow"``) whose year, exporter and importer have figures
        from two different sides.
    """
    flows = full[(full["measure"] == "flow") & full["side"].notna()]
    n_sides = flows.groupby(["year", "exporter", "importer"])["side"].transform("nunique")
    return flows[n_sides > 1]


def dots_turnover_by_side(trade: pd.DataFrame, a: str, b: str, years: Iterable[int]) -> pd.DataFrame:
    """Each side's own turnover with the other (its exports plus its imports), by year.

    Returns:
        A frame indexed by ``year`` with one column per reporter code (``a`` then ``b``).
    """
    years = list(years)
    out = {}
    for reporter, partner in ((a, b), (b, a)):
        x = series(trade, reporter, partner, EXPORTS, years)["value_usd_m"]
        m = series(trade, reporter, partner, IMPORTS, years)["value_usd_m"]
        out[reporter] = x + m
    return pd.DataFrame(out)


# ---------------------------------------------------------------------------------------------
# Presentation helpers
# ---------------------------------------------------------------------------------------------


def adaptive(x: float | None, digits: int = 1) -> str:
    """Format a number with ``digits`` decimals, or with enough decimals to show two significant
    digits when it would otherwise round to zero: ``adaptive(18.94) == "18.9"``,
    ``adaptive(0.0123) == "0.012"``, ``adaptive(0.0) == "0.0"``; missing values read "n/a"."""
    if x is None or pd.isna(x):
        return "n/a"
    x = float(x)
    if x != 0 and abs(x) < 0.5 * 10 ** (-digits):
        places = min(8, int(np.floor(-np.log10(abs(x)))) + 2)
        return f"{x:,.{places}f}"
    return f"{x:,.{digits}f}"


def share_pct_text(x: float | None, floor: float = 0.001) -> str:
    """A percentage share for prose: ``share_pct_text(18.94) == "18.9%"``, ``share_pct_text(0.0123) == "0.012%"``;
    positive shares below ``floor`` read "less than 0.001%" (a string of zeros tells the reader nothing);
    missing reads "n/a"."""
    if x is None or pd.isna(x):
        return "n/a"
    if 0 < float(x) < floor:
        return f"less than {floor:g}%"
    return f"{adaptive(x)}%"


def money(x: float | None) -> str:
    """US$ millions as text via :func:`bilateral.fmt.usd_m`, but amounts under US$50,000 in thousands:
    ``money(2597.9) == "US$2.6 billion"``, ``money(0.0021) == "US$2 thousand"``."""
    from bilateral import fmt

    if x is not None and not pd.isna(x) and x != 0 and abs(x) < 0.05:
        return f"US${x * 1000:,.0f} thousand"
    return fmt.usd_m(x)


def flagged(values: Sequence[float], flags: Sequence[bool], digits: int = 1) -> list[str]:
    """Format values for a table, marking IMF estimates: ``flagged([5.46, 2.0], [True, False])``
    gives ``["5.5 e", "2.0"]``; values that would round to zero keep two significant digits
    (:func:`adaptive`); missing values read "–"."""
    out = []
    for value, flag in zip(values, flags):
        if value is None or pd.isna(value):
            out.append("–")
        else:
            out.append(adaptive(value, digits) + (f" {ESTIMATE_MARK}" if flag else ""))
    return out


# ---------------------------------------------------------------------------------------------
# Plots (each returns a matplotlib figure in the house style; the notebook shows it)
# ---------------------------------------------------------------------------------------------


def distinct_colours(codes: Sequence[str]) -> dict[str, str]:
    """One colour per country code, all different, the same as in every chart of the suite
    (:func:`bilateral.figures.country_colours`)."""
    from bilateral import figures

    return figures.country_colours(codes)


def _mark_estimates(ax, x, y, flags, colour) -> bool:
    """Hollow markers on IMF-estimated points; returns True if any were drawn."""
    mask = np.asarray(flags, dtype=bool) & ~np.isnan(np.asarray(y, dtype=float))
    if not mask.any():
        return False
    ax.scatter(
        np.asarray(x)[mask],
        np.asarray(y, dtype=float)[mask],
        s=28,
        facecolors="white",
        edgecolors=colour,
        linewidths=1.3,
        zorder=4,
    )
    return True


def _estimate_legend(ax) -> None:
    from matplotlib.lines import Line2D

    handles, labels = ax.get_legend_handles_labels()
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="#333333",
            label="IMF estimate (e)",
        )
    )
    labels.append("IMF estimate (e)")
    ax.legend(handles, labels, loc="upper left")


def _log_axis(ax) -> None:
    """Log-scale y axis labelled 0.1, 0.2, 0.5, 1, 2, 5, 10 … (no scientific notation)."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,g}"))
    ax.yaxis.set_minor_formatter(NullFormatter())


def _usd_axis(ax, label: str = "US$ million, current prices") -> None:
    from matplotlib.ticker import FuncFormatter

    ax.set_ylabel(label)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def plot_mirror(m: pd.DataFrame, exporter: str, importer: str):
    """Line chart of one direction of trade as each side reports it (estimates hollow-marked)."""
    from bilateral import figures

    fig, ax = figures.new("wide")
    x = m.index.to_numpy()
    colours = distinct_colours([exporter, importer])
    ce, ci = colours[exporter], colours[importer]
    en, im = display_name(exporter), display_name(importer)
    ax.plot(
        x, m["exporter_reported_usd_m"], color=ce, marker=".", label=f"{en}'s exports to {im}, FOB ({en}'s figures)"
    )
    ax.plot(
        x,
        m["importer_reported_usd_m"],
        color=ci,
        marker=".",
        linestyle="--",
        label=f"{im}'s imports from {en}, CIF ({im}'s figures)",
    )
    any_e = _mark_estimates(ax, x, m["exporter_reported_usd_m"], m["exporter_is_estimate"], ce)
    any_e = _mark_estimates(ax, x, m["importer_reported_usd_m"], m["importer_is_estimate"], ci) or any_e
    _usd_axis(ax)
    ax.set_xlabel("Year")
    ax.set_ylim(bottom=0)
    if any_e:
        _estimate_legend(ax)
    else:
        ax.legend(loc="upper left")
    return fig


def plot_balance(bal: pd.DataFrame, a: str, b: str):
    """Line chart of ``a``'s balance with ``b`` from each side's records."""
    from bilateral import figures

    fig, ax = figures.new("wide")
    x = bal.index.to_numpy()
    na, nb = display_name(a), display_name(b)
    ax.axhline(0, color=figures.GREY, linewidth=0.8)
    colours = distinct_colours([a, b])
    ax.plot(x, bal["a_records_usd_m"], color=colours[a], marker=".", label=f"{na}'s figures (exports − imports)")
    ax.plot(
        x,
        bal["b_records_usd_m"],
        color=colours[b],
        marker=".",
        linestyle="--",
        label=f"{nb}'s figures (imports − exports)",
    )
    _usd_axis(ax, f"US$ million\n(above 0: surplus for {na})")
    ax.set_xlabel("Year")
    ax.legend(loc="upper left")
    return fig


def plot_shares(panels: Sequence[tuple[str, pd.DataFrame, str]]):
    """Small multiples of partner shares (%): one panel per (title, shares frame, highlighted partner).

    The highlighted partner is drawn thick; comparators thin. Estimated points are hollow-marked.
    """
    from bilateral import figures

    n = len(panels)
    nrows = (n + 1) // 2
    fig, axes = figures.new("tall", nrows, 2, sharex=True, squeeze=False)
    any_e = False
    legend_entries: dict[str, object] = {}
    colours = distinct_colours([h for _, _, h in panels] + [p for _, f, _ in panels for p in f["partner"]])
    for ax, (title, frame, highlight) in zip(axes.flat, panels):
        partners = list(dict.fromkeys(frame["partner"]))
        for partner in partners:
            rows = frame[frame["partner"] == partner]
            colour = colours[partner]
            (line,) = ax.plot(
                rows["year"],
                rows["share_pct"],
                color=colour,
                linewidth=2.4 if partner == highlight else 1.0,
                label=display_name(partner),
            )
            legend_entries.setdefault(display_name(partner), line)
            any_e = _mark_estimates(ax, rows["year"], rows["share_pct"], rows["is_estimate"], colour) or any_e
        ax.set_title(title, loc="left", fontsize=9)
        ax.set_ylim(bottom=0)
        ax.set_ylabel("% of total")
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    handles = list(legend_entries.values())
    labels = list(legend_entries)
    if any_e:
        from matplotlib.lines import Line2D

        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#333333"))
        labels.append("IMF estimate (e)")
    fig.legend(handles, labels, loc="outside lower center", ncol=min(5, len(labels)))
    return fig


def plot_intensity(frames: Sequence[tuple[str, pd.DataFrame, str]]):
    """Line chart of trade intensity indices (log scale), one line per (label, frame, colour code)."""
    from bilateral import figures

    fig, ax = figures.new("wide")
    colours = distinct_colours([code for _, _, code in frames])
    for i, (label, frame, code) in enumerate(frames):
        values = frame["intensity"].where(frame["intensity"] > 0)
        ax.plot(frame.index, values, color=colours[code], marker=".", linestyle="-" if i == 0 else "--", label=label)
    ax.axhline(1, color=figures.GREY, linewidth=0.8)
    _log_axis(ax)
    ax.set_ylabel("Trade intensity index\n(log scale; 1 = neutral)")
    ax.set_xlabel("Year")
    figures.label_line_ends(ax)
    return fig


def plot_gdp(frames: Sequence[tuple[str, pd.DataFrame, str]]):
    """Bilateral turnover as % of GDP: one panel per (label, frame, colour code), each with its own y scale
    (the two countries' ratios can differ by orders of magnitude, and one early outlier would flatten a
    shared axis)."""
    from bilateral import figures

    fig, axes = figures.new("tall", len(frames), 1, sharex=True, squeeze=False)
    colours = distinct_colours([code for _, _, code in frames])
    for ax, (label, frame, code) in zip(axes[:, 0], frames):
        ax.plot(frame.index, frame["pct_gdp"], color=colours[code], marker=".")
        ax.set_title(label, loc="left", fontsize=9)
        ax.set_ylabel("% of GDP")
        ax.set_ylim(bottom=0)
    axes[-1, 0].set_xlabel("Year")
    return fig


def plot_press(turnover: pd.DataFrame, full: pd.DataFrame, a: str, b: str, after: int = DOTS_YEARS[1]):
    """DOTS turnover by side up to 2020 (lines) and full-year press turnover figures after it (points).

    The two are drawn apart: the press points are hollow, never joined to the DOTS lines or to
    each other, and a shaded band labelled "press figures (not DOTS)" marks their years.
    """
    from bilateral import figures

    fig, ax = figures.new("wide")
    colours = distinct_colours([a, b])
    for i, code in enumerate((a, b)):
        ax.plot(
            turnover.index,
            turnover[code],
            color=colours[code],
            marker=".",
            linestyle="-" if i == 0 else "--",
            label=f"DOTS: {display_name(code)}'s figures",
        )
    points = full[full["measure"] == TURNOVER]
    last = after
    if len(points):
        ax.axvspan(last + 0.5, int(points["year"].max()) + 0.5, color="#eeeeee", zorder=0)
        ax.text(
            last + 0.7,
            0.03,
            "press figures\n(not DOTS)",
            transform=ax.get_xaxis_transform(),
            va="bottom",
            fontsize=figures.SMALL_TEXT_PT,
            color="#444444",
        )
        markers = {a: "o", b: "s"}
        for _j, side in enumerate([a, b, None]):
            rows = points[points["side"].isna()] if side is None else points[points["side"] == side]
            if rows.empty:
                continue
            colour = colours[side] if side else figures.GREY
            ax.scatter(
                rows["year"],
                rows["value_usd_m"],
                marker=markers.get(side, "^"),
                facecolors="white",
                edgecolors=colour,
                linewidths=1.4,
                s=40,
                zorder=4,
                label=f"Press: turnover, {_side_label(side, a, b)}",
            )
    _usd_axis(ax)
    ax.set_xlabel("Year")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
    return fig


def plot_ratio(frames: Sequence[tuple[str, pd.DataFrame, str]]):
    """Line chart of importer-reported / exporter-reported values for each direction (log scale, 1 = agreement)."""
    from bilateral import figures

    fig, ax = figures.new("wide")
    colours = distinct_colours([code for _, _, code in frames])
    for i, (label, m, code) in enumerate(frames):
        values = m["ratio"].where(m["ratio"] > 0)
        ax.plot(m.index, values, color=colours[code], marker=".", linestyle="-" if i == 0 else "--", label=label)
    ax.axhline(1, color=figures.GREY, linewidth=0.8)
    _log_axis(ax)
    ax.set_ylabel("Importer's figure ÷ exporter's figure\n(log scale; 1 = the two agree)")
    ax.set_xlabel("Year")
    figures.label_line_ends(ax)
    return fig


# ---------------------------------------------------------------------------------------------
# Tables and sentences for the report (numbers formatted with bilateral.fmt)
# ---------------------------------------------------------------------------------------------


def recent_window(end_year: int, n: int, start_year: int) -> range:
    """The last ``n`` years of the period, for averages: ``recent_window(2020, 5, 1992) == range(2016, 2021)``.

    Raises:
        ParameterError: if ``n`` is not a positive whole number.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ParameterError(f"recent_years={n!r} must be a whole number of years, at least 1")
    return range(max(start_year, end_year - n + 1), end_year + 1)


def both_directions_table(m_ab: pd.DataFrame, m_ba: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Both directions side by side, by year, for the reader (estimates marked "e", ratios to 2 decimals)."""
    na, nb = display_name(a), display_name(b)
    return pd.DataFrame(
        {
            "Year": m_ab.index.astype(int),
            f"{na} → {nb}: {na}'s exports": flagged(m_ab["exporter_reported_usd_m"], m_ab["exporter_is_estimate"]),
            f"{na} → {nb}: {nb}'s imports": flagged(m_ab["importer_reported_usd_m"], m_ab["importer_is_estimate"]),
            f"{na} → {nb}: ratio": flagged(m_ab["ratio"], [False] * len(m_ab), digits=2),
            f"{nb} → {na}: {nb}'s exports": flagged(m_ba["exporter_reported_usd_m"], m_ba["exporter_is_estimate"]),
            f"{nb} → {na}: {na}'s imports": flagged(m_ba["importer_reported_usd_m"], m_ba["importer_is_estimate"]),
            f"{nb} → {na}: ratio": flagged(m_ba["ratio"], [False] * len(m_ba), digits=2),
        }
    )


def shares_table(reporter: str, exports: pd.DataFrame, imports: pd.DataFrame, year: int) -> pd.DataFrame:
    """One reporter's partner shares in one year, for the reader: one row per partner.

    Args:
        reporter: whose trade.
        exports, imports: :func:`shares` frames of that reporter (same partners).
        year: the year shown.

    Returns:
        Columns ``Trade of``, ``Partner``, ``Share of exports, %``, ``Rank in exports``, ``Share of
        imports, %``, ``Rank in imports`` (ranks among the partners listed; "e" marks a share resting
        on an IMF estimate; "–" missing).
    """
    rows = []
    for partner in dict.fromkeys(exports["partner"]):
        row = {"Trade of": display_name(reporter), "Partner": display_name(partner)}
        for label, frame in (("exports", exports), ("imports", imports)):
            r = frame[(frame["partner"] == partner) & (frame["year"] == year)]
            value = r["share_pct"].iloc[0] if len(r) else float("nan")
            est = bool(r["is_estimate"].iloc[0]) if len(r) else False
            row[f"Share of {label}, %"] = flagged([value], [est])[0]
            rank, n = rank_among(frame, partner, year)
            row[f"Rank in {label}"] = f"{rank} of {n}" if rank and n > 1 else "–"
        rows.append(row)
    return pd.DataFrame(rows)


def count_estimates(*flag_series: Iterable[bool]) -> int:
    """How many values are flagged as IMF estimates across several boolean series."""
    return int(sum(int(np.asarray(list(f), dtype=bool).sum()) for f in flag_series))


def direction_sentence(g: dict, exporter: str, importer: str) -> str:
    """One or two sentences on how far the two sides' figures for one direction differ (from :func:`gap_summary`)."""
    from bilateral import fmt

    en, im = display_name(exporter), display_name(importer)
    if g["n_both"] == 0:
        return f"No year in the period has both {en}'s export figure and {im}'s import figure for trade from {en} to {im}, so the two cannot be compared."
    text = (
        f"In {g['latest_year']}, {en} reported exports to {im} of {money(g['latest_exporter_usd_m'])}; {im} reported imports from "
        f"{en} of {money(g['latest_importer_usd_m'])}, {fmt.ratio(g['latest_ratio'], 2)} the exporter's figure. "
        f"In {g['n_importer_lower']} of the {g['n_both']} years with both figures, the importer's CIF value was below the exporter's FOB value"
    )
    if g["n_below"]:
        text += f"; in {g['n_below']} of them (the first in {g['first_below']}) it was less than half of it."
    else:
        text += "."
    return text


def balance_sentence(bal: pd.DataFrame, a: str, b: str) -> str:
    """The latest year in which both sides' records give ``a``'s balance with ``b``, and what each says."""

    na, nb = display_name(a), display_name(b)
    both = bal.dropna(subset=["a_records_usd_m", "b_records_usd_m"])
    if both.empty:
        one = (
            bal.dropna(subset=["a_records_usd_m"])
            if bal["a_records_usd_m"].notna().any()
            else bal.dropna(subset=["b_records_usd_m"])
        )
        if one.empty:
            return f"Neither side's figures give {na}'s balance with {nb} in this period."
        who = na if bal["a_records_usd_m"].notna().any() else nb
        col = "a_records_usd_m" if who == na else "b_records_usd_m"
        y = int(one.index.max())
        v = float(one.at[y, col])
        return f"Only {who}'s figures give the balance: in {y}, {na} had a {'surplus' if v >= 0 else 'deficit'} of {money(abs(v))} with {nb}."
    y = int(both.index.max())
    va, vb = float(both.at[y, "a_records_usd_m"]), float(both.at[y, "b_records_usd_m"])
    word = lambda v: "surplus" if v >= 0 else "deficit"  # noqa: E731
    text = (
        f"In {y}, by {na}'s figures {na} had a {word(va)} of {money(abs(va))} with {nb}; by {nb}'s figures {na} had a "
        f"{word(vb)} of {money(abs(vb))}."
    )
    disagree = int(((both["a_records_usd_m"] >= 0) != (both["b_records_usd_m"] >= 0)).sum())
    if disagree:
        text += f" The two records disagree on which side has the surplus in {disagree} of the {len(both)} years both give a balance."
    return text


def gap_headline(g: dict, exporter: str, importer: str) -> str:
    """A one-sentence version of :func:`direction_sentence` for the key findings."""
    from bilateral import fmt

    en, im = display_name(exporter), display_name(importer)
    if g["n_both"] == 0:
        return f"Trade from {en} to {im} cannot be compared: the two sides never both report it in this period."
    return (
        f"{g['latest_year']}: {en} reported exports to {im} of {money(g['latest_exporter_usd_m'])}, while {im} reported imports "
        f"from {en} of {money(g['latest_importer_usd_m'])} ({fmt.ratio(g['latest_ratio'], 2)} the exporter's figure)."
    )


def latest_year_with(frame: pd.DataFrame, column: str, where: pd.Series | None = None) -> int | None:
    """The last year (from a ``year`` column or the index) with a value in ``column`` (optionally only rows where ``where``)."""
    df = frame if where is None else frame[where]
    df = df.dropna(subset=[column])
    if df.empty:
        return None
    years = df["year"] if "year" in df.columns else df.index.to_series()
    return int(years.max())


def share_of(frame: pd.DataFrame, partner: str, year: int) -> float:
    """A partner's share (%) in one year from a :func:`shares` frame (NaN if missing)."""
    rows = frame[(frame["partner"] == partner) & (frame["year"] == year)]
    return float(rows["share_pct"].iloc[0]) if len(rows) else float("nan")


def share_sentence(
    a: str, b: str, a_exports: pd.DataFrame, a_imports: pd.DataFrame, b_exports: pd.DataFrame, b_imports: pd.DataFrame
) -> str:
    """How much each matters to the other, in the latest year with data, from four :func:`shares` frames."""

    na, nb = display_name(a), display_name(b)
    parts = []

    def supplied(frame: pd.DataFrame, partner: str, year: int) -> str:
        value = share_of(frame, partner, year)
        if pd.isna(value):
            return f"its imports from {display_name(partner)} are not reported for that year"
        return f"supplied {share_pct_text(value)} of its imports"

    ya = latest_year_with(a_exports, "share_pct", a_exports["partner"] == b)
    if ya is not None:
        rank, n = rank_among(a_exports, b, ya)
        ranked = f"; rank {rank} of {n} among {nb} and the comparators" if n > 1 else ""  # nothing to rank alone
        parts.append(
            f"in {ya}, {nb} took {share_pct_text(share_of(a_exports, b, ya))} of {na}'s exports (by {na}'s figures{ranked}) "
            f"and {supplied(a_imports, b, ya)}"
        )
    yb = latest_year_with(b_exports, "share_pct", b_exports["partner"] == a)
    if yb is not None:
        rank, n = rank_among(b_exports, a, yb)
        ranked = f"; rank {rank} of {n}" if n > 1 else ""
        parts.append(
            f"in {yb}, {na} took {share_pct_text(share_of(b_exports, a, yb))} of {nb}'s exports (by {nb}'s figures{ranked}) "
            f"and {supplied(b_imports, a, yb)}"
        )
    if not parts:
        return "Neither side's figures give the partner's share of its total trade in this period."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def intensity_sentence(
    a: str, b: str, int_ab: pd.DataFrame, int_ba: pd.DataFrame, window: range, *, explain: bool = True
) -> str:
    """Mean trade intensity indices over ``window`` in both directions; ``explain=False`` leaves out what an index
    of 1 means (for a section that has defined the index already)."""
    from bilateral import fmt

    na, nb = display_name(a), display_name(b)
    vab = int_ab["intensity"].reindex(list(window)).dropna()
    vba = int_ba["intensity"].reindex(list(window)).dropna()
    span = fmt.years(window.start, window.stop - 1)
    if vab.empty and vba.empty:
        return f"No trade intensity index can be computed for {span}: the figures it needs are missing."
    text = f"Over {span} the trade intensity index of {na}'s exports to {nb} averaged {adaptive(vab.mean()) if len(vab) else 'n/a'}"
    text += f", and that of {nb}'s exports to {na} {adaptive(vba.mean()) if len(vba) else 'n/a'}."
    if explain:
        text += " An index of 1 means the partner takes the same share of the exporter's exports as it takes of world imports; above 1, a larger share."
    return text


def gdp_sentence(a: str, b: str, gdp_a: pd.DataFrame, gdp_b: pd.DataFrame) -> str:
    """Bilateral turnover as a share of each country's GDP in the latest year with both."""

    parts = []
    for code, other, frame in ((a, b, gdp_a), (b, a, gdp_b)):
        y = latest_year_with(frame, "pct_gdp")
        if frame["gdp_usd_m"].isna().all():
            parts.append(f"the GDP table used here has no GDP for {display_name(code)} in these years")
        elif y is not None:
            parts.append(
                f"in {y}, {display_name(code)}'s trade with {display_name(other)} (its own figures, exports plus imports) equalled "
                f"{adaptive(frame.at[y, 'pct_gdp'], 2)}% of its GDP"
            )
        elif frame["turnover_usd_m"].isna().all():
            parts.append(
                f"{display_name(code)}'s own figures never give both its exports to and its imports from {display_name(other)} "
                "in the same year, so its trade with the partner relative to GDP cannot be computed"
            )
        else:
            parts.append(f"no year gives both {display_name(code)}'s trade with {display_name(other)} and its GDP")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def money_range(values: Sequence[float]) -> str:
    """``money_range([5800, 5842, 6000]) == "US$5.8–6.0 billion"``; one value (or equal values) as :func:`money`."""
    lo, hi = float(min(values)), float(max(values))
    if round(lo, 1) == round(hi, 1) or len(values) == 1:
        return money(lo)
    if lo >= 1000:
        return f"US${lo / 1000:,.1f}–{hi / 1000:,.1f} billion"
    return f"US${lo:,.1f}–{hi:,.1f} million"


def press_sentence(full: pd.DataFrame, a: str, b: str) -> str:
    """The latest full-year turnover each side gives in the press table (figures flagged as conflicting left out)."""
    turnover = full[(full["measure"] == TURNOVER) & (full["caution"] == "")]
    if turnover.empty:
        return "The press table holds no usable full-year turnover figure after the DOTS series ends."
    parts = []
    for side in (a, b, None):
        rows = turnover[turnover["side"].isna()] if side is None else turnover[turnover["side"] == side]
        if rows.empty:
            continue
        y = int(rows["year"].max())
        values = rows.loc[rows["year"] == y, "value_usd_m"].tolist()
        count = f" ({len(values)} figures)" if len(values) > 1 else ""
        who = f"{display_name(side)}'s side" if side else "side not stated"
        parts.append(f"{who}, {money_range(values)} for {y}{count}")
    return (
        "After 2020 only press figures are available here. The latest full-year trade turnover they give: "
        + "; ".join(parts)
        + " (figures the press table flags as conflicting are left out)."
    )


#: A year's GDP is flagged as a likely conversion artefact when it is this many times smaller (or larger)
#: than the GDP of both the year before and the year after.
GDP_JUMP_FACTOR = 3.0


def gdp_artefacts(gdp: pd.Series, factor: float = GDP_JUMP_FACTOR) -> list[int]:
    """Years whose GDP (current US$) differs from both neighbouring years by more than ``factor`` times, in the same
    direction: an isolated dip or spike that a currency conversion (e.g. a rouble-to-manat switch at an exchange rate
    of the time) rather than the economy produces.

    Example:
        >>> gdp_artefacts(pd.Series({1991: 8792.4, 1992: 446.3, 1993: 1570.0, 1994: 1193.3}))
        [1992]
    """
    g = gdp.dropna().sort_index()
    out = []
    for prev, y, nxt in zip(g.index[:-2], g.index[1:-1], g.index[2:]):
        if prev != y - 1 or nxt != y + 1:
            continue
        low = g[y] * factor < g[prev] and g[y] * factor < g[nxt]
        high = g[y] > factor * g[prev] and g[y] > factor * g[nxt]
        if low or high:
            out.append(int(y))
    return out


def gdp_peak_sentence(code: str, frame: pd.DataFrame, gdp_all: pd.Series | None = None) -> str:
    """The year a :func:`trade_to_gdp` ratio peaks, with the GDP of that year and the next (ratios move with GDP too).

    A peak that rests on a GDP flagged by :func:`gdp_artefacts` is not presented as a peak: the sentence says so,
    gives the GDP of the years around it, and names the highest ratio among the other years. ``gdp_all`` is the
    country's whole GDP series (indexed by year), so that the first year of the period can be checked against the
    year before it; without it only the frame's years are used.
    """
    values = frame["pct_gdp"].dropna()
    if values.empty:
        return ""
    gdp = frame["gdp_usd_m"] if gdp_all is None else gdp_all.astype(float).combine_first(frame["gdp_usd_m"])
    odd = gdp_artefacts(gdp)
    y = int(values.idxmax())
    if y in odd:
        text = (
            f"{display_name(code)}'s highest ratio, {adaptive(values.max(), 2)}% in {y}, rests on a GDP of {money(gdp[y])} that year in the World Bank data, "
            f"against {money(gdp[y - 1])} in {y - 1} and {money(gdp[y + 1])} in {y + 1}: a likely currency-conversion artefact in the GDP series rather than a peak in trade"
        )
        rest = values.drop(index=[v for v in odd if v in values.index])
        if not rest.empty:
            y2 = int(rest.idxmax())
            text += f"; leaving {fmt.join_and(str(v) for v in odd if v in values.index)} aside, the ratio is highest in {y2}, at {adaptive(rest.max(), 2)}%"
        return text + "."
    text = (
        f"{display_name(code)}'s ratio is highest in {y}, at {adaptive(values.max(), 2)}%, when its GDP in current US dollars "
        f"was {money(frame.at[y, 'gdp_usd_m'])}"
    )
    if y + 1 in frame.index and pd.notna(frame.at[y + 1, "gdp_usd_m"]):
        text += f" (against {money(frame.at[y + 1, 'gdp_usd_m'])} the next year)"
    return text + "."


def value_meaning(trade: pd.DataFrame, a: str, b: str, years: Iterable[int], year: int | None) -> str:
    """What the trade shares mean in money: the value behind each share in ``year`` by each side's own
    figures (which differ: mirror data), and how far ``a``'s total trade that year was below its peak in
    ``years``, since a share of a shrunken total stands for less trade. ``year`` None: the latest year of
    ``years`` with ``a``'s figures. Empty when there is no such year."""
    na, nb = display_name(a), display_name(b)

    def values(reporter: str, partner: str) -> pd.DataFrame:
        x = shares(trade, reporter, [partner], EXPORTS, years).set_index("year")
        m = shares(trade, reporter, [partner], IMPORTS, years).set_index("year")
        return pd.DataFrame(
            {"value": x["value_usd_m"] + m["value_usd_m"], "total": x["total_usd_m"] + m["total_usd_m"]}
        )

    years = list(years)
    if not years:
        return ""
    va = values(a, b)
    if year is None:
        have = va["value"].dropna()
        year = int(have.index.max()) if len(have) else None
    if not year:
        return ""
    years = [y for y in years if y <= year]
    va, vb = va.loc[[y for y in va.index if y <= year]], values(b, a)
    parts = []
    if year in va.index and pd.notna(va.at[year, "value"]):
        text = (
            f"By {fmt.poss(na)} figures, {fmt.poss(nb)} share in {year} stood for {fmt.usd_m(va.at[year, 'value'])} "
            f"of {fmt.usd_m(va.at[year, 'total'])}"
        )
        tot = va["total"].dropna()
        peak_year = int(tot.idxmax()) if len(tot) else year
        drop = 1 - va.at[year, "total"] / tot.max() if len(tot) else 0
        if peak_year != year and drop >= 0.1:
            text += (
                f"; {fmt.poss(na)} total trade that year was {fmt.pct(drop * 100, 0)} below its peak of {fmt.usd_m(tot.max())} "
                f"in {peak_year}, so a given share stood for less trade than it would have then"
            )
        parts.append(text + ".")
    if year in vb.index and pd.notna(vb.at[year, "value"]) and year in va.index and pd.notna(va.at[year, "value"]):
        parts.append(
            f"The two sides' records of the same trade differ: {fmt.usd_m(va.at[year, 'value'])} by {fmt.poss(na)} figures, "
            f"{fmt.usd_m(vb.at[year, 'value'])} by {fmt.poss(nb)}; each share uses its own side's records, never a mix."
        )
    return " ".join(parts)
