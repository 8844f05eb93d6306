"""Overview: the relationship at a glance, a timeline of all events, and a composite relationship index.

All computation behind ``notebooks/overview.ipynb``. The per-dimension numbers come from the four
dimension modules (:mod:`bilateral.diplomatic`, :mod:`bilateral.military`, :mod:`bilateral.energy`,
:mod:`bilateral.trade`), which this module calls and never re-implements. What is new here is the
composite index and its sensitivity analysis.

Terms used throughout:

* **pair**: two ISO3 codes, written ``"AZE-TUR"`` in parameters and ``AZE–TUR`` to readers. Every
  index indicator is symmetric: ``AZE-TUR`` and ``TUR-AZE`` are the same pair.
* **directional share**: how much one state of the pair weighs in the other's arms imports, trade or
  gas imports (0–1). Each indicator combines the two directions with :data:`PAIR_RULE` (the larger
  of the two by default: the dependence of the more dependent side).
* **indicators** (:data:`INDICATORS`):

  - ``un_votes``: UN General Assembly voting alignment in the year, Cohen's kappa (or the raw
    agreement share) on the votes both cast (``unga_agreement``; computed from ``unga_votes`` with
    :mod:`bilateral.measures` for pairs the table does not store).
  - ``arms``: the partner's share of a state's arms imports by SIPRI TIV over a trailing window of
    :data:`ARMS_WINDOW` years ending in the year; deliveries from the SIPRI register extract, the
    recipient's total imports from ``arms_totals``. The extract holds only deals in which Azerbaijan,
    Türkiye or Armenia is supplier or recipient: a direction with neither is missing.
  - ``trade``: the partner's share of a state's total merchandise trade (exports + imports), each
    side from its own reports to the IMF (DOTS, to 2020).
  - ``energy``: the partner's share of Türkiye's gas imports (importer-side press figures, with
    gaps). It exists only for pairs that include Türkiye and a supplier the press table names.

* **normalisation** (:func:`normalise`): ``"minmax"`` rescales each indicator to 0–1 across every
  pair and year of the index, ``(x - min) / (max - min)``; ``"share"`` keeps shares as they are
  (already 0–1) and sets negative kappa to 0.
* **index** (:func:`composite`): the weighted mean of the normalised indicators a pair-year has,
  with the weights of the missing ones left out and the rest rescaled to sum to 1
  ("renormalised weights"); ``coverage`` counts the indicators used.
* **sensitivity** (:func:`sensitivity`): many weight vectors drawn from a flat Dirichlet
  distribution (every weighting of the indicators equally likely), the pairs ranked under each.

Method references: OECD & JRC (2008), *Handbook on Constructing Composite Indicators: Methodology and
User Guide* (normalisation, weighting, uncertainty and sensitivity analysis); Lowy Institute, *Asia
Power Index* methodology (min–max normalised indicators, expert weights, weights varied to test the
rankings).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from bilateral import citations, energy, fmt, gas_routes, periods
from bilateral import diplomatic as dip
from bilateral import events as evs
from bilateral import military as mil
from bilateral import trade as trd
from bilateral.countries import display_name, is_iso3
from bilateral.data import load
from bilateral.errors import ParameterError

#: The index's indicators, in display order.
INDICATORS: tuple[str, ...] = ("un_votes", "arms", "trade", "energy")
#: How readers see each indicator.
INDICATOR_LABELS: dict[str, str] = {
    "un_votes": "UN votes",
    "arms": "Arms imports",
    "trade": "Trade",
    "energy": "Gas imports (Türkiye)",
}
#: What each indicator measures, in a phrase.
INDICATOR_MEANING: dict[str, str] = {
    "un_votes": "UN General Assembly voting alignment in the year",
    "arms": "the partner's share of a state's arms imports (SIPRI TIV, trailing window)",
    "trade": "the partner's share of a state's total merchandise trade (each side's own IMF DOTS reports)",
    "energy": "the partner's share of the gas entering Türkiye (IEA Gas Trade Flows, entries by route; full years)",
}
#: Catalogue keys behind each indicator.
INDICATOR_SOURCES: dict[str, tuple[str, ...]] = {
    "un_votes": ("unga_votes_unvotes_voeten", "unga_votes_unxml_dgacm"),
    "arms": ("sipri_arms_transfers",),
    "trade": ("imf_dots",),
    "energy": ("iea_gas_trade_flows",),
}
#: The default weights (the notebook's ``weights`` parameter must have exactly these keys).
DEFAULT_WEIGHTS: dict[str, float] = {"un_votes": 1.0, "arms": 1.0, "trade": 1.0, "energy": 1.0}
#: The default comparison pairs.
DEFAULT_COMPARISON_PAIRS: tuple[str, ...] = ("AZE-RUS", "AZE-IRN", "AZE-GEO", "TUR-GEO")
#: Years the notebook's period may span: the union of the sources' years (UN votes to 2025).
YEARS = (1990, 2025)
#: Length of the trailing window (years) over which arms-import shares are summed: SIPRI deliveries are lumpy.
ARMS_WINDOW = 5
#: How two directional shares make one pair value: "max" (default) or "mean" of those available.
PAIR_RULE = "max"
#: The only gas buyer whose imports by supplier the data give.
GAS_BUYER = energy.PRESS_BUYER
#: Length of the latest period for which the summary repeats the arms-import share.
RECENT_YEARS = 5
#: Dirichlet concentration for the random weights: 1 is flat (every weighting of the indicators equally likely).
DIRICHLET_ALPHA = 1.0
#: Normalisation methods accepted by :func:`normalise`.
NORMALISATIONS = ("minmax", "share")
#: UN measures accepted (columns of ``unga_agreement``).
UN_MEASURES = ("kappa", "agreement_share")
#: The UN measures as readers know them.
UN_MEASURE_NAMES = {"kappa": "kappa", "agreement_share": "raw agreement share"}

#: Colours of the event dimensions on the timeline (Okabe–Ito), with the text colour drawn on each.
DIMENSION_COLOURS: dict[str, tuple[str, str]] = {
    "diplomatic": ("#0072B2", "white"),
    "military": ("#D55E00", "white"),
    "energy": ("#009E73", "white"),
    "trade": ("#E69F00", "black"),
    "transport": ("#CC79A7", "black"),
}
#: Colour of an event dimension not listed above.
OTHER_DIMENSION = ("#6b6b6b", "white")


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------


def parse_pair(text: object, name: str = "comparison_pairs") -> tuple[str, str]:
    """Read a pair written ``"AAA-BBB"`` (a hyphen or an en dash between two ISO3 codes).

    Raises:
        ParameterError: naming the parameter if the text is not two different ISO3 codes.

    Example:
        >>> parse_pair("AZE-RUS")
        ('AZE', 'RUS')
    """
    if not isinstance(text, str):
        raise ParameterError(f"{name}: {text!r} must be a string such as 'AZE-RUS'")
    parts = [p.strip() for p in re.split(r"[-–]", text)]
    if len(parts) != 2 or not all(is_iso3(p) for p in parts):
        raise ParameterError(f"{name}: {text!r} must be two ISO3 codes joined by a hyphen, such as 'AZE-RUS'")
    if parts[0] == parts[1]:
        raise ParameterError(f"{name}: {text!r} pairs a state with itself")
    return parts[0], parts[1]


def same_pair(p: tuple[str, str], q: tuple[str, str]) -> bool:
    """True if two pairs name the same two states in either order."""
    return set(p) == set(q)


def index_pairs(a: str, b: str, comparison_pairs: Sequence[object]) -> list[tuple[str, str]]:
    """The report's pair first, then each comparison pair once (a pair repeated in either order is dropped).

    Raises:
        ParameterError: if ``comparison_pairs`` is not a list of ``"AAA-BBB"`` strings.

    Example:
        >>> index_pairs("AZE", "TUR", ["TUR-AZE", "AZE-RUS", "RUS-AZE"])
        [('AZE', 'TUR'), ('AZE', 'RUS')]
    """
    if isinstance(comparison_pairs, str) or not isinstance(comparison_pairs, (list, tuple)):
        raise ParameterError(
            f"comparison_pairs={comparison_pairs!r} must be a list of strings such as ['AZE-RUS', 'TUR-GEO']"
        )
    out = [(a, b)]
    for i, text in enumerate(comparison_pairs):
        p = parse_pair(text, f"comparison_pairs[{i}]")
        if not any(same_pair(p, q) for q in out):
            out.append(p)
    return out


def check_weights(weights: object) -> dict[str, float]:
    """Validate the ``weights`` parameter: one non-negative number per indicator, not all zero.

    Raises:
        ParameterError: naming the offending key or value and listing the keys allowed.

    Example:
        >>> check_weights({"un_votes": 2, "arms": 1, "trade": 1, "energy": 0})["un_votes"]
        2.0
    """
    if not isinstance(weights, Mapping):
        raise ParameterError(f"weights={weights!r} must be a dict with keys {', '.join(INDICATORS)}")
    unknown = [k for k in weights if k not in INDICATORS]
    missing = [k for k in INDICATORS if k not in weights]
    if unknown or missing:
        raise ParameterError(
            f"weights: {'unknown key(s) ' + ', '.join(map(repr, unknown)) if unknown else ''}"
            f"{'; ' if unknown and missing else ''}{'missing key(s) ' + ', '.join(map(repr, missing)) if missing else ''}; "
            f"the keys are {', '.join(INDICATORS)}"
        )
    out = {}
    for k in INDICATORS:
        v = weights[k]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not np.isfinite(v) or v < 0:
            raise ParameterError(f"weights[{k!r}]={v!r} must be a number of at least 0")
        out[k] = float(v)
    if sum(out.values()) <= 0:
        raise ParameterError("weights are all zero: give at least one indicator a positive weight")
    return out


def check_choice(name: str, value: object, allowed: Sequence[str]) -> str:
    """Validate a parameter that takes one of a few strings.

    Raises:
        ParameterError: naming the parameter and the values allowed.
    """
    if value not in allowed:
        raise ParameterError(f"{name}={value!r} must be one of {', '.join(map(repr, allowed))}")
    return str(value)


def check_range(name: str, value: int, lo: int, hi: int) -> int:
    """Validate a whole-number parameter (``n_draws``, ``random_seed``, ``rank_years``) with :func:`military.check_whole`."""
    return mil.check_whole(name, value, lo, hi)


def pair_text(p: tuple[str, str]) -> str:
    """``pair_text(("AZE", "TUR")) == "AZE–TUR"``."""
    return dip.pair_label(*p)


def pair_names(p: tuple[str, str]) -> str:
    """``pair_names(("AZE", "TUR")) == "Azerbaijan–Türkiye"``."""
    return f"{display_name(p[0])}–{display_name(p[1])}"


def share_text(x: float | None) -> str:
    """A percentage with one decimal, or two below 1% (``share_text(0.641) == "0.64%"``, ``share_text(17.0) == "17.0%"``)."""
    if x is None or pd.isna(x):
        return fmt.pct(None)
    return fmt.pct(x, 2 if abs(x) < 1 else 1)


# ---------------------------------------------------------------------------------------------
# Loading (the only I/O)
# ---------------------------------------------------------------------------------------------


def load_inputs(codes: Iterable[str]) -> dict[str, pd.DataFrame]:
    """Every processed table the overview reads, through :func:`bilateral.data.load`.

    Args:
        codes: the states whose UN votes are loaded (the pairs' states and the comparators).

    Returns:
        ``events, agreement, votes, resolutions, transfers, totals, trade, gas, gas_flows, energy_series``.
    """
    return {
        "events": load("events"),
        "agreement": load("unga_agreement"),
        "resolutions": load("unga_resolutions"),
        "votes": dip.load_votes(sorted(set(codes))),
        "transfers": load("arms_transfers"),
        "totals": load("arms_totals"),
        "trade": load("trade_bilateral"),
        "gas": load("gas_imports_turkiye"),
        "gas_flows": load("gas_flows_turkiye_monthly"),
        "energy_series": load("energy_series"),
    }


# ---------------------------------------------------------------------------------------------
# Directional shares (one state in the other's imports or trade)
# ---------------------------------------------------------------------------------------------


def arms_share(
    transfers: pd.DataFrame, totals: pd.DataFrame, supplier: str, recipient: str, years: Iterable[int]
) -> dict:
    """``supplier``'s share of ``recipient``'s arms imports (TIV) summed over ``years``.

    The deliveries come from the register (:func:`military.deliveries`), which is complete for the
    direction only if one of the two is a focus country (:func:`military.coverage`); the recipient's
    total imports come from ``arms_totals``.

    Returns:
        ``tiv_m``, ``total_tiv_m``, ``share`` (0–1) and ``reason`` (why the share is missing, or "").
    """
    years = list(years)
    if not mil.coverage(recipient, supplier).bilateral:
        return {"tiv_m": np.nan, "total_tiv_m": np.nan, "share": np.nan, "reason": "not in the register extract"}
    tot = totals[(totals["iso3"] == recipient) & (totals["direction"] == "imports") & totals["year"].isin(years)]
    if tot.empty:
        return {"tiv_m": np.nan, "total_tiv_m": np.nan, "share": np.nan, "reason": f"no import totals for {recipient}"}
    num = float(mil.deliveries(transfers, supplier, recipient, years)["tiv_m"].sum())
    den = float(tot["tiv_m"].sum())
    if not den > 0:
        return {"tiv_m": num, "total_tiv_m": den, "share": np.nan, "reason": f"{recipient} imported no major arms"}
    return {"tiv_m": num, "total_tiv_m": den, "share": num / den, "reason": ""}


def arms_shares_by_year(
    transfers: pd.DataFrame,
    totals: pd.DataFrame,
    supplier: str,
    recipient: str,
    years: Iterable[int],
    window: int = ARMS_WINDOW,
    first_year: int = mil.DATA_YEARS[0],
) -> pd.Series:
    """:func:`arms_share` for each year over the trailing ``window`` years ending in it (0–1, NaN if missing).

    Windows are cut at ``first_year`` (the first year of the register extract), so the first years
    rest on fewer years.
    """
    out = {}
    # the same rows arms_share would select for every year, selected once (same order, so the same sums)
    transfers = transfers[(transfers["supplier_iso3"] == supplier) & (transfers["recipient_iso3"] == recipient)]
    totals = totals[(totals["iso3"] == recipient) & (totals["direction"] == "imports")]
    for y in years:
        span = range(max(first_year, y - window + 1), y + 1)
        inside = first_year <= y <= mil.DATA_YEARS[1]
        out[y] = arms_share(transfers, totals, supplier, recipient, span)["share"] if inside else np.nan
    return pd.Series(out, dtype=float, name="share")


def trade_shares_by_year(trade: pd.DataFrame, reporter: str, partner: str, years: Iterable[int]) -> pd.Series:
    """``partner``'s share (0–1) of ``reporter``'s total merchandise trade, exports + imports, by the reporter's own figures.

    Uses :func:`trade.shares` for each flow; NaN where either flow or either total is missing.
    """
    years = list(years)
    x = trd.shares(trade, reporter, [partner], trd.EXPORTS, years).set_index("year")
    m = trd.shares(trade, reporter, [partner], trd.IMPORTS, years).set_index("year")
    total = x["total_usd_m"] + m["total_usd_m"]
    share = (x["value_usd_m"] + m["value_usd_m"]) / total.where(total > 0)
    return share.reindex(years).astype(float).rename("share")


def trade_is_estimate(trade: pd.DataFrame, reporter: str, partner: str, year: int) -> bool:
    """True if any figure behind :func:`trade_shares_by_year` for that year is an IMF estimate (flag ``e``)."""
    flags = [
        trd.shares(trade, reporter, [partner], flow, [year])["is_estimate"].iloc[0]
        for flow in (trd.EXPORTS, trd.IMPORTS)
    ]
    return bool(any(flags))


def iea_annual(flows: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """Entries by source per year from the IEA monthly routes (mcm), and the full years (12 months, every entry route reported)."""
    wm = gas_routes.monthly_wide(flows)
    wa, _ = gas_routes.annual_from_monthly(wm)
    cov = gas_routes.coverage(wm)
    full = [int(y) for y in cov.index if cov.at[y, "months_in_data"] == 12 and cov.at[y, "comparable"]]
    return gas_routes.by_supplier(wa), full


def gas_shares_by_year_iea(flows: pd.DataFrame, supplier: str, years: Iterable[int]) -> pd.Series:
    """``supplier``'s share (0–1) of the gas entering Türkiye, from the IEA entry routes: entries on the supplier's
    routes ÷ total entries of the same full year (one series for both). NaN for partial years and for a supplier
    without an entry route (LNG origins are unknown)."""
    years = list(years)
    out = pd.Series(np.nan, index=pd.Index(years, name="year"), dtype=float, name="share")
    if supplier not in gas_routes.COUNTRY_SUPPLIERS or not years:
        return out
    sup, full = iea_annual(flows)
    sh = gas_routes.shares(sup)[supplier] / 100.0
    for y in years:
        if y in full:
            out[y] = float(sh.get(y, np.nan))
    return out


def gas_summary_iea(
    flows: pd.DataFrame, series: pd.DataFrame, a: str, b: str, comparators: Sequence[str], years: Iterable[int]
) -> dict:
    """Energy headline from the IEA entry routes: for a pair with Türkiye, the partner's share of the gas entering
    Türkiye by full year, with its rank among the pipeline suppliers; otherwise as :func:`gas_summary` (EI production).

    Returns the keys of :func:`gas_summary` (``kind`` "tr_imports": ``label`` is the supplier's name, or None when no
    entry route carries its gas; ``volumes`` in bcm by source incl. 'Total'; ``shares`` in %; ``rank``/``n_ranked``
    among the pipeline suppliers with a positive volume), plus ``source`` = "iea".
    """
    years = list(years)
    if GAS_BUYER not in (a, b):
        return {**gas_summary(pd.DataFrame(columns=["year"]), series, a, b, comparators, years), "source": "iea"}
    supplier = b if a == GAS_BUYER else a
    sup, full = iea_annual(flows)
    yrs = [y for y in years if y in full]
    label = gas_routes.supplier_label(supplier) if supplier in gas_routes.COUNTRY_SUPPLIERS else None
    names = {k: gas_routes.supplier_label(k) for k, _, _ in gas_routes.SUPPLIERS}
    vol = (sup.reindex(yrs) / gas_routes.MCM_PER_BCM).rename(columns={**names, gas_routes.TOTAL: energy.TOTAL_LABEL})
    shares = gas_routes.shares(sup.reindex(yrs)).rename(columns=names)
    out = {"kind": "tr_imports", "source": "iea", "supplier": supplier, "label": label, "years": yrs, "labels": [names[k] for k in gas_routes.COUNTRY_SUPPLIERS],
           "volumes": vol, "shares": shares, "latest_year": None, "latest_share": np.nan, "latest_bcm": np.nan, "rank": None, "n_ranked": 0}  # fmt: skip
    if label is None or not yrs:
        return out
    y, v = energy.last_valid(shares[label])
    if y is None:
        return out
    rank, n, tied = gas_routes.rank_in_period(sup.loc[y], supplier)
    out.update(latest_year=y, latest_share=v, latest_bcm=float(vol.at[y, label]), rank=rank, n_ranked=n, tied_with=tied)
    return out


def combine(values: Sequence[float], rule: str = PAIR_RULE) -> float:
    """One pair value from its directional values: the largest (``"max"``) or the mean of those present.

    Example:
        >>> combine([0.2, float("nan")]), combine([0.2, 0.4], "mean")
        (0.2, 0.30000000000000004)
    """
    present = [float(v) for v in values if v is not None and not pd.isna(v)]
    if not present:
        return float("nan")
    if rule == "max":
        return max(present)
    if rule == "mean":
        return sum(present) / len(present)
    raise ValueError(f"unknown rule {rule!r}; use 'max' or 'mean'")


# ---------------------------------------------------------------------------------------------
# Indicators per pair and year
# ---------------------------------------------------------------------------------------------


def directional_table(
    inputs: Mapping[str, pd.DataFrame],
    pairs: Sequence[tuple[str, str]],
    years: Iterable[int],
    *,
    window: int = ARMS_WINDOW,
) -> pd.DataFrame:
    """Every directional share behind the arms, trade and energy indicators, long form.

    Returns:
        Columns ``pair, year, indicator, direction, share``: ``direction`` reads "TUR in AZE" (Türkiye's
        share of Azerbaijan's arms imports or trade; for energy, the supplier in Türkiye's gas imports).
    """
    years = list(years)
    # Every share below reads only rows among the pairs' states: select them once (hundreds of string
    # comparisons on the whole trade table were most of this function's time); the results are the same.
    codes = sorted({c for p in pairs for c in p})
    transfers = inputs["transfers"][
        inputs["transfers"]["supplier_iso3"].isin(codes) & inputs["transfers"]["recipient_iso3"].isin(codes)
    ]
    trade = inputs["trade"][inputs["trade"]["reporter_iso3"].isin(codes)]
    frames = []
    for a, b in pairs:
        label = pair_text((a, b))
        for s, r in ((b, a), (a, b)):
            arms = arms_shares_by_year(transfers, inputs["totals"], s, r, years, window)
            frames.append(
                pd.DataFrame(
                    {
                        "pair": label,
                        "year": years,
                        "indicator": "arms",
                        "direction": f"{s} in {r}",
                        "share": arms.to_numpy(),
                    }
                )
            )
            tr = trade_shares_by_year(trade, r, s, years)
            frames.append(
                pd.DataFrame(
                    {
                        "pair": label,
                        "year": years,
                        "indicator": "trade",
                        "direction": f"{s} in {r}",
                        "share": tr.to_numpy(),
                    }
                )
            )
        if GAS_BUYER in (a, b):
            supplier = b if a == GAS_BUYER else a
            g = gas_shares_by_year_iea(inputs["gas_flows"], supplier, years)
            frames.append(
                pd.DataFrame(
                    {
                        "pair": label,
                        "year": years,
                        "indicator": "energy",
                        "direction": f"{supplier} in {GAS_BUYER}",
                        "share": g.to_numpy(),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def un_table(
    agreement: pd.DataFrame,
    votes: pd.DataFrame,
    pairs: Sequence[tuple[str, str]],
    years: Iterable[int],
    measure: str = "kappa",
) -> pd.DataFrame:
    """The UN indicator per pair and year, from :func:`diplomatic.yearly_agreement`.

    Returns:
        Columns ``pair, year, n_votes, value`` (``value`` = ``measure``; years without a common vote are absent).
    """
    years = [y for y in years if dip.YEARS[0] <= y <= dip.YEARS[1]]
    y = dip.yearly_agreement(agreement, votes, pairs, years)
    return pd.DataFrame(
        {
            "pair": y["pair"],
            "year": y["year"].astype(int),
            "n_votes": y["n_votes"].astype(int),
            "value": y[measure].astype(float),
        }
    )


def indicator_table(
    un: pd.DataFrame,
    directional: pd.DataFrame,
    pairs: Sequence[tuple[str, str]],
    years: Iterable[int],
    rule: str = PAIR_RULE,
) -> pd.DataFrame:
    """The raw indicators, one row per pair and year, one column per indicator (NaN where missing).

    Args:
        un: :func:`un_table` output.
        directional: :func:`directional_table` output.
        pairs: the pairs (their order is kept).
        years: the years (every pair gets every year).
        rule: how two directional shares make one value (:func:`combine`).

    Returns:
        A frame indexed by ``(pair, year)`` with columns :data:`INDICATORS`.
    """
    years = list(years)
    labels = [pair_text(p) for p in pairs]
    idx = pd.MultiIndex.from_product([labels, years], names=["pair", "year"])
    out = pd.DataFrame(index=idx, columns=list(INDICATORS), dtype=float)
    if len(un):
        u = un.set_index(["pair", "year"])["value"]
        out["un_votes"] = u.reindex(idx).to_numpy()
    for ind in ("arms", "trade", "energy"):
        d = directional[directional["indicator"] == ind]
        if d.empty:
            continue
        g = d.groupby(["pair", "year"])["share"].agg(lambda s: combine(list(s), rule))
        out[ind] = g.reindex(idx).to_numpy()
    return out.astype(float)


# ---------------------------------------------------------------------------------------------
# Normalisation, weights, composite index
# ---------------------------------------------------------------------------------------------


def normalise(frame: pd.DataFrame, method: str = "minmax") -> pd.DataFrame:
    """Put every indicator on 0–1.

    Args:
        frame: raw indicators, one column each (rows: pair-years).
        method: ``"minmax"``: ``(x - min) / (max - min)`` per column over all rows (a column with one
            distinct value gets 0.5 wherever it has a value); ``"share"``: values kept as they are,
            clipped to 0–1 (shares already are; a negative kappa becomes 0).

    Returns:
        A frame of the same shape; missing values stay missing.

    Example:
        >>> normalise(pd.DataFrame({"x": [2.0, 4.0, None, 3.0]}))["x"].tolist()
        [0.0, 1.0, nan, 0.5]
    """
    if method == "share":
        return frame.clip(lower=0.0, upper=1.0)
    if method != "minmax":
        raise ValueError(f"unknown normalisation {method!r}; use one of {NORMALISATIONS}")
    lo, hi = frame.min(), frame.max()
    span = hi - lo
    out = (frame - lo) / span.where(span > 0)
    flat = span.index[(span == 0).to_numpy()]
    for c in flat:
        out[c] = frame[c].where(frame[c].isna(), 0.5)
    return out


def weight_vector(weights: Mapping[str, float], columns: Sequence[str]) -> np.ndarray:
    """The weights in the order of ``columns`` (a column without a weight gets 0)."""
    return np.array([float(weights.get(c, 0.0)) for c in columns], dtype=float)


def composite(norm: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """The weighted mean of the normalised indicators each row has, with renormalised weights.

    For a row with indicators ``x_i`` present (``m_i = 1``) or missing (``m_i = 0``) and weights ``w_i``:
    ``index = sum(w_i m_i x_i) / sum(w_i m_i)``. Missing indicators are not treated as zero: their
    weight is shared out over the others in proportion to their weights.

    Returns:
        Columns ``index`` (NaN when no weighted indicator is present), ``coverage`` (number of
        indicators with a positive weight that are present) and ``weight_share`` (the share of the
        total weight that those indicators carry, before renormalising).

    Example:
        >>> composite(pd.DataFrame({"a": [1.0], "b": [None]}), {"a": 1, "b": 3})["index"].tolist()
        [1.0]
    """
    cols = list(norm.columns)
    w = weight_vector(weights, cols)
    x = norm.to_numpy(dtype=float)
    present = ~np.isnan(x)
    used = present & (w > 0)
    den = (used * w).sum(axis=1)
    num = (np.where(used, x, 0.0) * w).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        idx = np.where(den > 0, num / den, np.nan)
    return pd.DataFrame(
        {
            "index": idx,
            "coverage": used.sum(axis=1).astype(int),
            "weight_share": den / w.sum() if w.sum() > 0 else np.nan,
        },
        index=norm.index,
    )


def renormalised_weights(weights: Mapping[str, float], present: Iterable[str]) -> dict[str, float]:
    """The weights actually applied when only the indicators in ``present`` are available (they sum to 1).

    Example:
        >>> renormalised_weights({"a": 1, "b": 1, "c": 2}, ["a", "c"])
        {'a': 0.3333333333333333, 'b': 0.0, 'c': 0.6666666666666666}
    """
    present = set(present)
    total = sum(float(w) for k, w in weights.items() if k in present)
    return {k: (float(w) / total if k in present and total > 0 else 0.0) for k, w in weights.items()}


# ---------------------------------------------------------------------------------------------
# Ranking window, scores and ranks
# ---------------------------------------------------------------------------------------------


def indicator_windows(raw: pd.DataFrame, n_years: int) -> dict[str, tuple[int, int] | None]:
    """For each indicator, the latest ``n_years`` calendar years ending in its last year with data for any pair.

    This is the "latest available data" rule: each indicator is scored over its own most recent
    window, so that a source that ends earlier (IMF DOTS in 2020) still counts.

    Returns:
        ``{indicator: (first, last)}``, or None for an indicator with no data at all.
    """
    years = raw.index.get_level_values("year")
    out: dict[str, tuple[int, int] | None] = {}
    for c in raw.columns:
        has = years[raw[c].notna().to_numpy()]
        if len(has) == 0:
            out[c] = None
        else:
            last = int(has.max())
            out[c] = (max(int(years.min()), last - n_years + 1), last)
    return out


def window_means(frame: pd.DataFrame, windows: Mapping[str, tuple[int, int] | None]) -> pd.DataFrame:
    """Each pair's mean of each indicator over the indicator's window (years without data are skipped).

    Returns:
        Pairs (in the frame's order) × indicators; NaN where a pair has no value in the window.
    """
    pairs = list(dict.fromkeys(frame.index.get_level_values("pair")))
    years = frame.index.get_level_values("year")
    out = pd.DataFrame(index=pd.Index(pairs, name="pair"), columns=list(frame.columns), dtype=float)
    for c in frame.columns:
        w = windows.get(c)
        if w is None:
            continue
        sub = frame.loc[(years >= w[0]) & (years <= w[1]), c]
        out[c] = sub.groupby(level="pair").mean().reindex(pairs).to_numpy()
    return out.astype(float)


def rank_desc(scores: pd.Series) -> pd.Series:
    """Ranks, 1 = highest score; ties share the better rank; missing scores get no rank.

    Example:
        >>> rank_desc(pd.Series([0.2, 0.9, 0.2, None], index=list("abcd"))).tolist()
        [2, 1, 2, <NA>]
    """
    return scores.rank(ascending=False, method="min").astype("Int64")


def ranking(means: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Score and rank the pairs on their window means (:func:`composite` applied to each pair).

    Returns:
        Columns ``score, coverage, weight_share, rank``, indexed by pair, in the order of ``means``.
    """
    out = composite(means, weights).rename(columns={"index": "score"})
    out["rank"] = rank_desc(out["score"])
    return out


# ---------------------------------------------------------------------------------------------
# Sensitivity analysis: random weights
# ---------------------------------------------------------------------------------------------


def draw_weights(n_draws: int, indicators: Sequence[str], seed: int, alpha: float = DIRICHLET_ALPHA) -> pd.DataFrame:
    """``n_draws`` weight vectors over ``indicators`` from a symmetric Dirichlet(``alpha``) distribution.

    With ``alpha = 1`` every weighting (non-negative, summing to 1) is equally likely. The generator
    is numpy's ``default_rng(seed)``, so a seed gives the same draws on every run.

    Returns:
        Draws × indicators; each row sums to 1.
    """
    rng = np.random.default_rng(seed)
    w = rng.dirichlet(np.full(len(indicators), float(alpha)), size=n_draws)
    return pd.DataFrame(w, columns=list(indicators))


def scores_under(means: pd.DataFrame, draws: pd.DataFrame) -> pd.DataFrame:
    """Each pair's score under each weight vector, with renormalised weights for missing indicators.

    Returns:
        Draws × pairs (NaN where a pair has none of the drawn indicators).
    """
    cols = list(draws.columns)
    x = means[cols].to_numpy(dtype=float)
    m = ~np.isnan(x)
    w = draws.to_numpy(dtype=float)
    num = w @ np.where(m, x, 0.0).T
    den = w @ m.T.astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.where(den > 0, num / den, np.nan)
    return pd.DataFrame(s, columns=means.index, index=draws.index)


def sensitivity(
    means: pd.DataFrame, weights: Mapping[str, float], n_draws: int, seed: int, alpha: float = DIRICHLET_ALPHA
) -> dict:
    """How the ranking of the pairs moves when the weights are drawn at random.

    Only the indicators with a positive weight in ``weights`` are drawn (a zero weight removes an
    indicator from the index altogether).

    Returns:
        ``draws`` (draws × indicators), ``ranks`` (draws × pairs, 1 = first), ``distribution`` (pairs ×
        ranks: share of draws, 0–1), ``summary`` (per pair: ``base_rank`` under ``weights``,
        ``share_first``, ``median_rank``, ``best_rank``, ``worst_rank``, ``p5_rank``, ``p95_rank``) and
        ``weights_when_first`` (per pair that ever ranks first: the mean drawn weights in those draws).
    """
    active = [c for c in means.columns if float(weights.get(c, 0.0)) > 0]
    means = means[means[active].notna().any(axis=1)]
    draws = draw_weights(n_draws, active, seed, alpha)
    scores = scores_under(means, draws)
    ranks = scores.rank(axis=1, ascending=False, method="min")
    n_pairs = len(means)
    dist = pd.DataFrame({r: (ranks == r).mean(axis=0) for r in range(1, n_pairs + 1)}, index=means.index)
    dist.columns.name = "rank"
    base = ranking(means, weights)["rank"]
    summary = pd.DataFrame(
        {
            "base_rank": base,
            "share_first": (ranks == 1).mean(axis=0),
            "median_rank": ranks.median(axis=0),
            "best_rank": ranks.min(axis=0),
            "worst_rank": ranks.max(axis=0),
            "p5_rank": ranks.quantile(0.05, axis=0, interpolation="lower"),
            "p95_rank": ranks.quantile(0.95, axis=0, interpolation="higher"),
        },
        index=means.index,
    )
    firsts = {}
    for p in means.index:
        mask = (ranks[p] == 1).to_numpy()
        if mask.any():
            firsts[p] = draws[mask].mean(axis=0)
    wf = pd.DataFrame(firsts).T.reindex(columns=active) if firsts else pd.DataFrame(columns=active)
    return {"draws": draws, "ranks": ranks, "distribution": dist, "summary": summary, "weights_when_first": wf}


def build_index(
    un: pd.DataFrame,
    directional: pd.DataFrame,
    pairs: Sequence[tuple[str, str]],
    years: Iterable[int],
    weights: Mapping[str, float],
    *,
    normalisation: str = "minmax",
    rule: str = PAIR_RULE,
    rank_years: int = 5,
) -> dict:
    """The whole index from its inputs: raw and normalised indicators, yearly index, windows, ranking.

    Returns:
        ``raw`` and ``norm`` (pair-year × indicators), ``index`` (:func:`composite` per pair-year),
        ``windows`` (:func:`indicator_windows`), ``raw_means`` and ``norm_means`` (pairs × indicators)
        and ``base`` (:func:`ranking` of the pairs on ``weights``).
    """
    raw = indicator_table(un, directional, pairs, years, rule)
    norm = normalise(raw, normalisation)
    windows = indicator_windows(raw, rank_years)
    norm_means = window_means(norm, windows)
    return {
        "raw": raw,
        "norm": norm,
        "index": composite(norm, weights),
        "windows": windows,
        "raw_means": window_means(raw, windows),
        "norm_means": norm_means,
        "base": ranking(norm_means, weights),
    }


def variant_ranks(variants: Mapping[str, dict]) -> pd.DataFrame:
    """Pairs × variants: each pair's rank under each variant (a :func:`build_index` result per label)."""
    cols = {}
    for label, res in variants.items():
        cols[label] = [str(int(r)) if pd.notna(r) else "–" for r in res["base"]["rank"]]
    first = next(iter(variants.values()))
    return pd.DataFrame(cols, index=first["base"].index).reset_index().rename(columns={"pair": "Pair"})


# ---------------------------------------------------------------------------------------------
# Reader-facing tables of the index
# ---------------------------------------------------------------------------------------------


def coverage_notes(raw: pd.DataFrame, pairs: Sequence[tuple[str, str]]) -> list[str]:
    """Sentences naming, for each indicator, the pairs that never have it and why (where the reason is known)."""
    notes = []
    labels = [pair_text(p) for p in pairs]
    for c in raw.columns:
        never = [lab for lab in labels if raw.loc[lab, c].isna().all()]
        if not never:
            continue
        why = {
            "energy": "the gas figures by supplier cover Türkiye's imports only, and only the suppliers the press table names",
            "arms": "the SIPRI register extract holds only deals with Azerbaijan, Türkiye or Armenia as supplier or recipient",
            "trade": "neither side reports the flows to the IMF in the period",
            "un_votes": "the two never both cast a vote in the period",
        }[c]
        notes.append(f"{INDICATOR_LABELS[c]}: no value for {fmt.join_and(never)} ({why}).")
    return notes


def index_year_table(idx: pd.DataFrame) -> pd.DataFrame:
    """Year × pair table of the index with its coverage, as text: ``0.62 (3)``; '–' where there is no index."""
    wide_i = idx["index"].unstack("pair")
    wide_c = idx["coverage"].unstack("pair")
    order = list(dict.fromkeys(idx.index.get_level_values("pair")))
    out = pd.DataFrame(index=wide_i.index)
    for p in order:
        out[p] = [f"{v:.2f} ({int(c)})" if pd.notna(v) else "–" for v, c in zip(wide_i[p], wide_c[p])]
    out.index.name = "Year"
    return out.reset_index()


def window_label(indicator: str, window: tuple[int, int] | None, arms_window: int = ARMS_WINDOW) -> str:
    """The years an indicator's ranking value rests on, as text. For arms, each year's value is a trailing
    share, so the deliveries behind the window start ``arms_window - 1`` years earlier.

    Example:
        >>> window_label("arms", (2020, 2024)), window_label("trade", (2016, 2020))
        ('2020–2024 (trailing 5-year shares: deliveries 2016–2024)', '2016–2020')
    """
    if window is None:
        return "no data"
    if indicator == "arms" and arms_window > 1:
        first = max(mil.DATA_YEARS[0], window[0] - arms_window + 1)
        return f"{fmt.years(*window)} (trailing {arms_window}-year shares: deliveries {fmt.years(first, window[1])})"
    return fmt.years(*window)


def window_table(
    raw_means: pd.DataFrame, norm_means: pd.DataFrame, windows: Mapping[str, tuple[int, int] | None], measure: str
) -> pd.DataFrame:
    """Pairs × indicators: the raw window mean (shares and the UN agreement share in %, kappa as is) and the
    normalised value, as text (``"26.1% → 0.26"``)."""
    out = pd.DataFrame({"Pair": raw_means.index})
    for c in raw_means.columns:
        w = windows.get(c)
        head = f"{INDICATOR_LABELS[c]}, {window_label(c, w)}" if w else INDICATOR_LABELS[c]
        raw_txt = []
        for r, n in zip(raw_means[c], norm_means[c]):
            if pd.isna(r):
                raw_txt.append("–")
            elif c == "un_votes" and measure == "kappa":
                raw_txt.append(f"{r:.2f} → {n:.2f}")
            else:
                raw_txt.append(f"{fmt.pct(r * 100)} → {n:.2f}")
        out[head] = raw_txt
    return out


def directional_window_table(directional: pd.DataFrame, windows: Mapping[str, tuple[int, int] | None]) -> pd.DataFrame:
    """Each directional share's mean over its indicator's window, as text (the values the pair rule combines)."""
    rows = []
    for (pair, ind, direction), g in directional.groupby(["pair", "indicator", "direction"], sort=False):
        w = windows.get(ind)
        if w is None:
            v = np.nan
        else:
            v = g.loc[g["year"].between(*w), "share"].mean()
        s, r = direction.split(" in ")
        what = {"arms": "arms imports", "trade": "trade (own reports)", "energy": "gas imports"}[ind]
        rows.append(
            {
                "Pair": pair,
                "Indicator": INDICATOR_LABELS[ind],
                "Direction": f"{display_name(s)} in {poss_name(r)} {what}",
                "Window": window_label(ind, w) if w else "–",
                "Mean share": fmt.pct(v * 100) if pd.notna(v) else "–",
            }
        )
    return pd.DataFrame(rows)


def sensitivity_table(summary: pd.DataFrame, base: pd.DataFrame, n_draws: int) -> pd.DataFrame:
    """The reader's sensitivity table: base score and rank, share of draws ranked first, rank range."""
    return pd.DataFrame(
        {
            "Pair": summary.index,
            "Score (chosen weights)": [f"{v:.2f}" if pd.notna(v) else "–" for v in base["score"]],
            "Indicators": base["coverage"].astype(int).to_numpy(),
            "Rank (chosen weights)": [str(int(r)) if pd.notna(r) else "–" for r in summary["base_rank"]],
            f"Ranked first (of {fmt.integer(n_draws)} draws)": [fmt.pct(v * 100) for v in summary["share_first"]],
            "Median rank": [f"{v:g}" for v in summary["median_rank"]],
            "Middle 90% of ranks": [
                f"{int(a)}–{int(b)}" if a != b else f"{int(a)}" for a, b in zip(summary["p5_rank"], summary["p95_rank"])
            ],
            "Best–worst": [f"{int(a)}–{int(b)}" for a, b in zip(summary["best_rank"], summary["worst_rank"])],
        }
    )


# ---------------------------------------------------------------------------------------------
# One-page summary, per dimension
# ---------------------------------------------------------------------------------------------


def years_within(years: Iterable[int], span: tuple[int, int]) -> list[int]:
    """The years of ``years`` inside ``span`` (inclusive)."""
    return [y for y in years if span[0] <= y <= span[1]]


def switch_within(switch: dict, years: Sequence[int]) -> dict:
    """The change of vote source (:func:`diplomatic.source_switch`) if its line falls between the first and last
    of ``years`` (sorted), else ``{}``: a chart of 2000-2010 has no line to draw.

    Example:
        >>> switch_within({"boundary": 2018.5}, [2010, 2024])
        {'boundary': 2018.5}
        >>> switch_within({"boundary": 2018.5}, [2000, 2018])
        {}
    """
    if not switch or not years or not (years[0] < switch["boundary"] < years[-1]):
        return {}
    return switch


def un_summary(
    agreement: pd.DataFrame,
    votes: pd.DataFrame,
    a: str,
    b: str,
    comparators: Sequence[str],
    years: Iterable[int],
    resolutions: pd.DataFrame | None = None,
) -> dict:
    """UN voting headline: pooled agreement and kappa of the pair and of ``a`` with each comparator.

    Returns:
        ``years`` (list), ``table`` (:func:`diplomatic.pooled_agreement`, the pair first), ``rank``/``n``
        of the pair by kappa among ``a``'s pairs (:func:`diplomatic.rank_of_pair`), ``yearly``
        (:func:`diplomatic.yearly_agreement` for the same pairs) and ``switch``: the change of vote source
        (:func:`diplomatic.source_switch`) when ``resolutions`` are given and the change falls inside the
        years, else ``{}``.
    """
    yrs = years_within(years, dip.YEARS)
    pairs = [(a, b)] + [(a, c) for c in comparators]
    if not yrs:
        return {"years": [], "table": pd.DataFrame(), "rank": 0, "n": 0, "yearly": pd.DataFrame(), "switch": {}}
    table = dip.pooled_agreement(votes, pairs, yrs)
    rank, n = dip.rank_of_pair(table, "kappa", a)
    switch = switch_within(dip.source_switch(resolutions), yrs) if resolutions is not None else {}
    yearly = dip.yearly_agreement(agreement, votes, pairs, yrs)
    return {"years": yrs, "table": table, "rank": rank, "n": n, "yearly": yearly, "switch": switch}


def arms_summary(
    transfers: pd.DataFrame, totals: pd.DataFrame, a: str, b: str, comparators: Sequence[str], years: Iterable[int]
) -> dict:
    """Arms headline: deliveries each way, ``b``'s share of ``a``'s imports, comparators' shares, ``b``'s rank.

    Returns:
        ``years``; ``covered`` (the register can show the pair); ``ba`` and ``ab``
        (:func:`military.delivery_summary` of each direction); ``share_b`` (:func:`arms_share` of ``b`` in
        ``a``'s imports over the whole period); ``shares`` (supplier → share 0–1 for ``b`` and each
        comparator, NaN where not covered); ``rank``/``n_suppliers`` of ``b`` among all ``a``'s suppliers
        (None when ``a``'s suppliers are not all in the extract); ``by_year`` (:func:`military.tiv_by_year`
        by direction).
    """
    yrs = years_within(years, mil.DATA_YEARS)
    cov = mil.coverage(a, b, totals)
    out = {
        "years": yrs,
        "covered": cov.bilateral,
        "ba": None,
        "ab": None,
        "share_b": None,
        "shares": {},
        "rank": None,
        "n_suppliers": 0,
        "by_year": pd.DataFrame(),
    }
    if not yrs:
        return out
    if cov.bilateral:
        out["ba"] = mil.delivery_summary(mil.deliveries(transfers, b, a, yrs))
        out["ab"] = mil.delivery_summary(mil.deliveries(transfers, a, b, yrs))
        out["by_year"] = mil.tiv_by_year(mil.both_directions(transfers, a, b, yrs), yrs, by="direction")
    out["share_b"] = arms_share(transfers, totals, b, a, yrs)
    out["recent"] = (max(yrs[0], yrs[-1] - RECENT_YEARS + 1), yrs[-1])
    out["share_b_recent"] = arms_share(transfers, totals, b, a, range(out["recent"][0], out["recent"][1] + 1))
    out["shares"] = {s: arms_share(transfers, totals, s, a, yrs)["share"] for s in [b, *comparators]}
    if cov.suppliers_of_a:
        spans = [(yrs[0], yrs[-1])]
        st = mil.standing(mil.partner_shares(transfers, a, "imports", spans), b, spans)
        r = st["rank"].iloc[0]
        out["rank"] = None if pd.isna(r) else int(r)
        out["n_suppliers"] = int(st["n_partners"].iloc[0])
        out["top"] = st["top_partner"].iloc[0]
        out["top_share_pct"] = float(st["top_share_pct"].iloc[0])
    return out


def gas_summary(
    gas: pd.DataFrame, series: pd.DataFrame, a: str, b: str, comparators: Sequence[str], years: Iterable[int]
) -> dict:
    """Energy headline. For a pair with Türkiye: the partner's share of Türkiye's gas imports (press
    figures); otherwise the two states' gas production and consumption (Energy Institute, to 2022).

    Returns:
        ``kind`` ("tr_imports" or "production"). For "tr_imports": ``supplier``, ``label`` (press label
        or None), ``years``, ``volumes`` (year × supplier labels incl. Total, bcm), ``shares`` (year ×
        supplier, %), ``latest_year``, ``latest_share``, ``latest_bcm``, ``rank``/``n_ranked`` in the
        latest year among the named suppliers with a volume. For "production": ``years``, ``wide``
        (year × columns ``<ISO3> production``/``<ISO3> consumption``, bcm), ``listed`` (codes EI lists).
    """
    years = list(years)
    if GAS_BUYER in (a, b):
        supplier = b if a == GAS_BUYER else a
        label = energy.supplier_label(gas, supplier)
        yrs = energy.press_years(gas, years[0], years[-1])
        codes = [supplier, *[c for c in comparators if c != GAS_BUYER]]
        labels = [lab for lab in (energy.supplier_label(gas, c) for c in codes) if lab]
        rows = energy.series_rows(gas)
        all_labels = sorted(
            {s for s in rows["supplier"] if s not in (energy.TOTAL_LABEL, energy.LNG_LABEL, "Pipeline total")}
        )
        out = {"kind": "tr_imports", "supplier": supplier, "label": label, "years": yrs, "labels": labels}
        if not yrs:
            out.update(
                volumes=pd.DataFrame(),
                shares=pd.DataFrame(),
                latest_year=None,
                latest_share=np.nan,
                latest_bcm=np.nan,
                rank=None,
                n_ranked=0,
            )
            return out
        vol = energy.volume_wide(gas, [*labels, energy.TOTAL_LABEL], yrs)
        shares = energy.computed_shares(vol)
        out.update(volumes=vol, shares=shares)
        if label is None:
            out.update(latest_year=None, latest_share=np.nan, latest_bcm=np.nan, rank=None, n_ranked=0)
            return out
        y, v = energy.last_valid(shares[label])
        out.update(latest_year=y, latest_share=v, latest_bcm=float(vol.at[y, label]) if y is not None else np.nan)
        if y is not None:
            every = energy.volume_wide(gas, all_labels, [y]).iloc[0].dropna().sort_values(ascending=False)
            out.update(rank=int(list(every.index).index(label)) + 1, n_ranked=len(every))
        else:
            out.update(rank=None, n_ranked=0)
        return out
    yrs = years_within(years, energy.EI_YEARS)
    covered, _ = energy.countries_covered(series, [a, b])
    frames = {}
    for c in covered:
        w = energy.ei_wide(series, c, [energy.GAS_PROD, energy.GAS_CONS], yrs)
        if w.notna().any().any():
            frames[f"{c} production"] = w[energy.GAS_PROD]
            frames[f"{c} consumption"] = w[energy.GAS_CONS]
    wide = pd.DataFrame(frames, index=pd.Index(yrs, name="year"))
    return {
        "kind": "production",
        "years": yrs,
        "wide": wide,
        "listed": [c for c in covered if f"{c} production" in frames],
    }


def trade_summary(trade: pd.DataFrame, a: str, b: str, comparators: Sequence[str], years: Iterable[int]) -> dict:
    """Trade headline: each side's share of the other in its total trade (own reports), by year, and
    where ``b`` ranks among ``a``'s partners ``b`` and the comparators in the latest year.

    Returns:
        ``years``; ``by_year`` (year × ``"<b> in <a>"``, ``"<a> in <b>"``, shares in %); ``latest_year``
        (latest year with both sides' shares, else the latest with either); ``share_b_in_a``,
        ``share_a_in_b`` (%, that year); ``comparators`` (partner → % share in ``a``'s trade that year);
        ``rank``/``n`` of ``b`` among those partners.
    """
    yrs = years_within(years, trd.DOTS_YEARS)
    out = {
        "years": yrs,
        "by_year": pd.DataFrame(),
        "latest_year": None,
        "share_b_in_a": np.nan,
        "share_a_in_b": np.nan,
        "comparators": {},
        "rank": None,
        "n": 0,
    }
    if not yrs:
        return out
    trade = trade[trade["reporter_iso3"].isin([a, b])]  # every figure below is a or b reporting: select once
    ba = trade_shares_by_year(trade, a, b, yrs) * 100
    ab = trade_shares_by_year(trade, b, a, yrs) * 100
    by_year = pd.DataFrame(
        {f"{b} in {a}": ba.to_numpy(), f"{a} in {b}": ab.to_numpy()}, index=pd.Index(yrs, name="year")
    )
    out["by_year"] = by_year
    both = by_year.dropna()
    anyv = by_year.dropna(how="all")
    if anyv.empty:
        return out
    y = int(both.index.max()) if len(both) else int(anyv.index.max())
    out.update(
        latest_year=y,
        share_b_in_a=float(by_year.at[y, f"{b} in {a}"]),
        share_a_in_b=float(by_year.at[y, f"{a} in {b}"]),
    )
    out["estimated"] = [r for r, p in ((a, b), (b, a)) if trade_is_estimate(trade, r, p, y)]
    comp = {c: float(trade_shares_by_year(trade, a, c, [y]).iloc[0]) * 100 for c in [b, *comparators]}
    out["comparators"] = comp
    ranked = sorted([c for c, v in comp.items() if not np.isnan(v)], key=lambda c: -comp[c])
    if b in ranked:
        out.update(rank=ranked.index(b) + 1, n=len(ranked))
    return out


def headline_table(a: str, b: str, un: dict, arms: dict, gas: dict, tr: dict) -> pd.DataFrame:
    """The one-page summary's table: one row per headline number, with its years and source."""
    na, nb = display_name(a), display_name(b)
    rows = []
    t = un.get("table")
    if t is not None and len(t) and t["n_votes"].iloc[0] > 0:
        span = fmt.years(un["years"][0], un["years"][-1])
        r = t.iloc[0]
        rows.append(
            (
                "Diplomatic",
                "UN General Assembly votes cast alike (both voting)",
                fmt.pct(r["agreement_share"] * 100),
                span,
                f"{fmt.integer(r['n_votes'])} common votes",
            )
        )
        rank_txt = (
            f"rank {un['rank']} of {un['n']} pairs of {na}'s with the comparators" if un["rank"] and un["n"] > 1 else ""
        )
        rows.append(("Diplomatic", "UN voting alignment, Cohen's kappa", fmt.num(r["kappa"], 2), span, rank_txt))
    else:
        rows.append(("Diplomatic", "UN voting alignment", "no common votes", "–", ""))
    if arms["years"] and arms["covered"]:
        span = fmt.years(arms["years"][0], arms["years"][-1])
        rows.append(
            (
                "Military",
                f"Arms delivered {nb} → {na} (SIPRI TIV, volume not US$)",
                f"{fmt.num(arms['ba']['tiv_m'])} million",
                span,
                f"{fmt.integer(arms['ba']['n_deals'])} deals",
            )
        )
        rows.append(
            (
                "Military",
                f"Arms delivered {na} → {nb} (SIPRI TIV)",
                f"{fmt.num(arms['ab']['tiv_m'])} million",
                span,
                f"{fmt.integer(arms['ab']['n_deals'])} deals",
            )
        )
        s = arms["share_b"]
        if not pd.isna(s["share"]):
            note = (
                f"rank {arms['rank']} of {arms['n_suppliers']} suppliers"
                if arms.get("rank")
                else ("not among the suppliers" if mil.coverage(a, b).suppliers_of_a else "")
            )
            rows.append(
                ("Military", f"{nb}'s share of {na}'s arms imports (TIV)", fmt.pct(s["share"] * 100), span, note)
            )
            r = arms["share_b_recent"]
            if not pd.isna(r["share"]) and arms["recent"][0] > arms["years"][0]:
                rows.append(
                    (
                        "Military",
                        f"{nb}'s share of {na}'s arms imports, latest years (TIV)",
                        fmt.pct(r["share"] * 100),
                        fmt.years(*arms["recent"]),
                        "",
                    )
                )
    else:
        rows.append(
            (
                "Military",
                "Arms transfers between the pair",
                "not covered",
                "–",
                "SIPRI register extract holds AZE, TUR, ARM deals only",
            )
        )
    if gas["kind"] == "tr_imports":
        iea = gas.get("source") == "iea"
        whole = "the gas entering Türkiye" if iea else "Türkiye's gas imports"
        ns = display_name(gas["supplier"])
        if gas.get("latest_year"):
            rank = (gas_routes.rank_text(gas["rank"], gas["n_ranked"], ", ".join(gas.get("tied_with") or [])) if iea
                    else f"rank {gas['rank']} of {gas['n_ranked']} suppliers with a reported volume")  # fmt: skip
            rows.append(("Energy", f"{ns}'s share of {whole} ({'IEA Gas Trade Flows' if iea else 'press figures'})", fmt.pct(gas["latest_share"]),
                         str(gas["latest_year"]), f"{fmt.num(gas['latest_bcm'], 1)} bcm; {rank}"))  # fmt: skip
        else:
            why = f"no entry route carries gas from {ns}" if iea else f"the press table names no imports from {ns}"
            rows.append(("Energy", f"Share of {whole}", "no figure", "–", why))
    else:
        wide = gas["wide"]
        for c in gas["listed"]:
            y, v = energy.last_valid(wide[f"{c} production"])
            if y is not None:
                rows.append(
                    (
                        "Energy",
                        f"{display_name(c)}: gas production (EI)",
                        f"{fmt.num(v)} bcm",
                        str(y),
                        "no bilateral gas series for this pair",
                    )
                )
        if not gas["listed"]:
            rows.append(
                (
                    "Energy",
                    "Gas production",
                    "not listed",
                    "–",
                    "the Energy Institute extract does not list either state",
                )
            )
    if tr["latest_year"]:
        y = str(tr["latest_year"])
        rank = f"rank {tr['rank']} of {tr['n']} (with the comparators)" if tr["rank"] and tr["n"] > 1 else ""
        rows.append(
            (
                "Trade",
                f"{nb}'s share of {na}'s trade ({na}'s reports, IMF DOTS)",
                share_text(tr["share_b_in_a"]),
                y,
                rank,
            )
        )
        rows.append(
            ("Trade", f"{na}'s share of {nb}'s trade ({nb}'s reports, IMF DOTS)", share_text(tr["share_a_in_b"]), y, "")
        )
    else:
        rows.append(("Trade", "Partner's share of trade", "no figures", "–", "IMF DOTS ends in 2020"))
    return pd.DataFrame(rows, columns=["Dimension", "Measure", "Value", "Year(s)", "Note"])


def summary_sources(arms: dict, gas: dict, tr: dict) -> list[str]:
    """The catalogue keys behind the one-page summary."""
    keys = ["unga_votes_unvotes_voeten", "unga_votes_unxml_dgacm"]
    if arms["years"]:
        keys.append("sipri_arms_transfers")
    if gas["kind"] == "tr_imports":
        keys.append("iea_gas_trade_flows" if gas.get("source") == "iea" else "press_figures")
    else:
        keys.append("ei_statistical_review_2023")
    if tr["years"]:
        keys.append("imf_dots")
    return keys


# ---------------------------------------------------------------------------------------------
# Events timeline
# ---------------------------------------------------------------------------------------------


def pair_events(events: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """All events whose ``countries`` name both states (:func:`diplomatic.involves`), dated, sorted and numbered.

    Returns:
        The rows with added ``no`` (1..), ``year``, ``x`` (decimal year, :func:`military.decimal_year`)
        and ``when`` (the date as precise as the source, :func:`diplomatic.date_label`).
    """
    ev = events[dip.involves(events["countries"], (a, b))].copy()
    ev = ev[ev["date"].notna()]
    ev = ev.sort_values(["date", "event_id"], kind="mergesort").reset_index(drop=True)
    ev["no"] = np.arange(1, len(ev) + 1)
    ev["year"] = pd.to_numeric(ev["date"].astype("string").str[:4], errors="coerce").astype("Int64")
    ev["x"] = periods.decimal_year(ev["date"], ev["date_precision"]).to_numpy()
    ev["when"] = [dip.date_label(d, p) for d, p in zip(ev["date"], ev["date_precision"])]
    return ev


def dimension_order(ev: pd.DataFrame) -> list[str]:
    """The dimensions present, known ones first in :data:`DIMENSION_COLOURS` order, then others alphabetically."""
    present = set(ev["dimension"].astype(str))
    return [d for d in DIMENSION_COLOURS if d in present] + sorted(present - set(DIMENSION_COLOURS))


def split_eras(x: Sequence[float], min_gap: float = 15.0) -> list[tuple[float, float]]:
    """Split event positions into eras at gaps longer than ``min_gap`` years (for a broken time axis).

    Returns:
        ``[(first, last), ...]`` spans of positions, in order.

    Example:
        >>> split_eras([1918.5, 1921.8, 1991.4, 2005.0, 2020.0])
        [(1918.5, 1921.8), (1991.4, 2020.0)]
    """
    xs = sorted(float(v) for v in x)
    if not xs:
        return []
    eras = [[xs[0], xs[0]]]
    for v in xs[1:]:
        if v - eras[-1][1] > min_gap:
            eras.append([v, v])
        else:
            eras[-1][1] = v
    return [(lo, hi) for lo, hi in eras]


def stack_levels(x: Sequence[float], min_gap: float) -> list[int]:
    """Greedy stacking: each point (in order) goes to the lowest level whose last point is at least ``min_gap`` before it.

    Example:
        >>> stack_levels([1.0, 1.2, 1.5, 3.0], 1.0)
        [0, 1, 2, 0]
    """
    last: list[float] = []
    out = []
    for v in x:
        for i, prev in enumerate(last):
            if v - prev >= min_gap:
                last[i] = v
                out.append(i)
                break
        else:
            last.append(v)
            out.append(len(last) - 1)
    return out


def timeline_table(ev: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """The reader's list of events, numbered as on the timeline: date, dimension and type, title, the
    other states named beside ``a`` and ``b``, and a short source."""
    return pd.DataFrame(
        {
            "No.": ev["no"].to_numpy(),
            "Date": ev["when"].to_numpy(),
            "Dimension · type": [f"{d} · {str(t).replace('_', ' ')}" for d, t in zip(ev["dimension"], ev["type"])],
            "Event": ev["title"].to_numpy(),
            "Others": [", ".join(sorted(evs.split_codes(c) - {a, b})) or "–" for c in ev["countries"]],
            "Source": [citations.reader_citations(s, short=True) for s in ev["source"]],
        }
    )


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------


def un_sentence(un: dict, a: str, b: str) -> str:
    """Key finding on UN voting (pooled over the years of the period the votes cover)."""
    t = un["table"]
    if not len(t) or t["n_votes"].iloc[0] == 0:
        return (
            f"{display_name(a)} and {display_name(b)} never both cast a vote in the UN General Assembly in the period."
        )
    r = t.iloc[0]
    span = fmt.years(un["years"][0], un["years"][-1])
    text = (
        f"In the UN General Assembly, {display_name(a)} and {display_name(b)} voted alike on {fmt.pct(r['agreement_share'] * 100)} of the "
        f"{fmt.integer(r['n_votes'])} votes both cast in {span} (Cohen's kappa {fmt.num(r['kappa'], 2)})"
    )
    if un["n"] > 1 and un["rank"]:
        text += f"; by kappa this ranks {un['rank']} of {un['n']} among {poss_name(a)} pairs with {display_name(b)} and the comparators"
    return text + "."


def poss_name(code: str) -> str:
    """``poss_name("AZE") == "Azerbaijan's"``."""
    return fmt.poss(display_name(code))


def arms_sentence(arms: dict, a: str, b: str) -> str:
    """Key finding on arms transfers."""
    na, nb = display_name(a), display_name(b)
    if not arms["years"]:
        return "The period lies outside the SIPRI register extract (deliveries 1995–2024)."
    if not arms["covered"]:
        return mil.not_covered_sentence(f"arms transfers between {na} and {nb}", [a, b])
    span = fmt.years(arms["years"][0], arms["years"][-1])
    s = arms["share_b"]
    if not arms["ba"]["tiv_m"] and not arms["ab"]["tiv_m"]:  # nothing recorded: say so, not "0.0% ... and 0.0%"
        return (
            f"SIPRI records no delivery of major arms between {na} and {nb} in {span}. TIV measures volume, not money."
        )
    ba, ab = arms["ba"]["tiv_m"], arms["ab"]["tiv_m"]
    if not ba:  # say "none" rather than "0.0 million"
        text = f"SIPRI records no delivery of major arms by {nb} to {na} in {span}, and {fmt.num(ab)} million TIV the other way"
    else:
        text = f"SIPRI records {fmt.num(ba)} million TIV of major arms delivered by {nb} to {na} in {span} and " + (
            f"{fmt.num(ab)} million the other way" if ab else "none the other way"
        )
    if not pd.isna(s["share"]) and s["share"] > 0:
        text += f"; {nb} supplied {fmt.pct(s['share'] * 100)} of {poss_name(a)} arms imports by volume"
        if arms.get("rank"):
            text += f" (rank {arms['rank']} of {arms['n_suppliers']} suppliers; largest: {mil.party_name(arms['top'])})"
        r = arms.get("share_b_recent") or {}
        if not pd.isna(r.get("share", np.nan)) and arms["recent"][0] > arms["years"][0]:
            text += f", and {fmt.pct(r['share'] * 100)} in {fmt.years(*arms['recent'])}"
    return text + ". TIV measures volume, not money."


def gas_sentence(gas: dict, a: str, b: str) -> str:
    """Key finding on gas."""
    if gas["kind"] == "tr_imports" and gas.get("source") == "iea":
        ns = display_name(gas["supplier"])
        if gas.get("label") is None:
            return f"None of Türkiye's gas entry points carries gas from {ns} (IEA Gas Trade Flows), so the gas indicator is not covered for this pair."
        if not gas.get("latest_year"):
            return f"The IEA Gas Trade Flows have no full year in the period for the gas entering Türkiye from {ns}."
        return (
            f"Gas entering Türkiye on {gas_routes.route_phrase(gas['supplier'])} was {fmt.pct(gas['latest_share'])} of all entries in {gas['latest_year']} "
            f"({fmt.num(gas['latest_bcm'], 1)} bcm; {gas_routes.rank_text(gas['rank'], gas['n_ranked'], ', '.join(gas.get('tied_with') or []))}), "
            "by this project's calculation from the IEA Gas Trade Flows, numerator and denominator from that one series."
        )
    if gas["kind"] == "tr_imports":
        ns = display_name(gas["supplier"])
        if not gas.get("latest_year"):
            return f"The press figures on Türkiye's gas imports name no imports from {ns} in the period."
        return (
            f"{ns} supplied {fmt.pct(gas['latest_share'])} of Türkiye's gas imports in {gas['latest_year']} ({fmt.num(gas['latest_bcm'], 1)} bcm; "
            f"rank {gas['rank']} of the {gas['n_ranked']} suppliers with a reported volume that year), by this project's calculation from importer-side press figures."
        )
    return (
        f"The data give gas imports by supplier for Türkiye only, so there is no bilateral gas measure for "
        f"{display_name(a)}–{display_name(b)}; the summary shows the two states' gas production and consumption instead, where the Energy Institute lists them."
    )


def trade_sentence(tr: dict, a: str, b: str) -> str:
    """Key finding on trade."""
    na, nb = display_name(a), display_name(b)
    if not tr["latest_year"]:
        return "The IMF trade figures used here (to 2020) do not cover the period."
    text = (
        f"In {tr['latest_year']}, {nb} accounted for {share_text(tr['share_b_in_a'])} of {poss_name(a)} merchandise trade by {poss_name(a)} own figures, "
        f"and {na} for {share_text(tr['share_a_in_b'])} of {poss_name(b)} by {poss_name(b)} figures"
    )
    est = tr.get("estimated") or []
    if est:
        text += f"; {fmt.join_and([poss_name(r) for r in est])} figures that year include IMF estimates"
    return text + " (IMF DOTS, exports plus imports)."


def index_sentence(
    base: pd.DataFrame, summary: pd.DataFrame, pair: str, n_draws: int, variant_ranks: Sequence[int] = ()
) -> str:
    """Key finding on the index: the pair's rank on the chosen weights, how often it ranks first under
    random weights, the middle 90% of its ranks, (if given) the range of its ranks under the alternative
    choices tested, and, when the pairs are scored on different numbers of indicators, how many each has.

    Example (values of the test): a pair ranked 2 of 3 on the chosen weights, first in 30% of 1,000 draws,
    median rank 2, middle 90% of ranks 1–3, reads "... ranks AAA–BBB 2 of 3 pairs (first: CCC–DDD); across
    1,000 random weightings it ranks first in 30.0% of draws (median rank 2; 90% of draws rank it 1 to 3) ...".
    """
    r = summary.loc[pair]
    scored = base[base["score"].notna()]
    n = len(scored)
    leader = base["score"].idxmax() if base["score"].notna().any() else None
    most_first = summary["share_first"].idxmax()
    lo90, hi90 = int(r["p5_rank"]), int(r["p95_rank"])
    spread = f"in 90% of draws it ranks {lo90}" if lo90 == hi90 else f"90% of draws rank it {lo90} to {hi90}"
    text = (
        f"On the chosen weights the relationship index ranks {pair} {int(r['base_rank'])} of {n} pairs"
        + (f" (first: {leader})" if leader and leader != pair else "")
        + f"; across {fmt.integer(n_draws)} random weightings it ranks first in {fmt.pct(r['share_first'] * 100)} of draws"
        + f" (median rank {r['median_rank']:g}; {spread})"
    )
    if most_first != pair:
        text += f", while {most_first} ranks first most often ({fmt.pct(summary.at[most_first, 'share_first'] * 100)})"
    ranks = [int(r) for r in variant_ranks if pd.notna(r)]
    if ranks:
        lo, hi = min(ranks), max(ranks)
        text += f". Under the {len(ranks)} alternative choices of method tested it ranks {lo if lo == hi else f'{lo} to {hi}'}"
    cov = scored["coverage"].astype(int)
    if pair in cov.index and cov.nunique() > 1:
        others = cov.drop(pair)
        span = f"{others.min()}" if others.min() == others.max() else f"{others.min()} to {others.max()}"
        text += (
            f". The pairs are not scored on the same evidence: {pair} on {cov[pair]} indicator{'s' if cov[pair] != 1 else ''}, "
            f"the other pairs on {span}, so the ranking compares like with like only in part"
        )
    return text + "."


# ---------------------------------------------------------------------------------------------
# Plots (each returns a matplotlib figure in the house style)
# ---------------------------------------------------------------------------------------------


def pair_colours(labels: Sequence[str]) -> dict[str, str]:
    """One colour per pair label: the Okabe–Ito palette in order (black last), then greys."""
    from bilateral import figures

    pal = [c for c in figures.PALETTE if c != "#F0E442"]
    spare = ["#882255", "#44AA99", "#999933", "#332288"]
    colours = pal[:-1] + spare + [pal[-1]]
    return {lab: colours[i % len(colours)] for i, lab in enumerate(labels)}


def _empty(ax, message: str) -> None:
    """Mark a panel as empty: a grey message, no ticks."""
    from bilateral import figures

    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=figures.SMALL_TEXT_PT,
        color=figures.GREY,
    )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)


def plot_summary(un: dict, arms: dict, gas: dict, tr: dict, a: str, b: str, comparators: Sequence[str]):
    """Four small panels, one per dimension: UN kappa by year; arms TIV by year each way; gas share or
    production; each side's share of the other in its trade."""
    from bilateral import figures

    fig, axes = figures.new("tall", 2, 2)
    _na, _nb = display_name(a), display_name(b)
    # Diplomatic
    ax = axes[0, 0]
    y = un.get("yearly")
    if y is not None and len(y):
        comps = [p for p in dict.fromkeys(y["pair"]) if p != pair_text((a, b))]
        for i, p in enumerate(comps):
            d = y[y["pair"] == p]
            ax.plot(d["year"], d["kappa"], color="#bbbbbb", linewidth=0.8, label="with comparators" if i == 0 else None)
        d = y[y["pair"] == pair_text((a, b))]
        ax.plot(d["year"], d["kappa"], color=figures.colour(b), linewidth=1.8, label=pair_text((a, b)))
        dip.mark_switch(ax, un.get("switch", {}), label=False)
        ax.legend(loc="lower left", fontsize=figures.SMALL_TEXT_PT)
    else:
        _empty(ax, "no common UN votes")
    ax.set_title("UN votes: Cohen's kappa", loc="left", fontsize=9)
    ax.axhline(0, color=figures.GREY, linewidth=0.6)
    # Military
    ax = axes[0, 1]
    by = arms.get("by_year")
    if by is not None and len(by) and by.to_numpy().sum() > 0:
        bottom = np.zeros(len(by))
        for i, col in enumerate(by.columns):
            ax.bar(
                by.index,
                by[col].to_numpy(),
                bottom=bottom,
                color=[figures.colour(b), figures.colour(a)][i % 2],
                width=0.8,
                label=col,
            )
            bottom = bottom + by[col].to_numpy()
        ax.set_ylim(0, float(bottom.max()) * 1.25)
        ax.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
        ax.grid(axis="x", visible=False)
    else:
        msg = "no deliveries recorded" if arms.get("covered") else "not covered by the\nSIPRI register extract"
        _empty(ax, msg)
    ax.set_title("Arms deliveries, TIV million (volume)", loc="left", fontsize=9)
    # Energy
    ax = axes[1, 0]
    if gas["kind"] == "tr_imports":
        sh = gas.get("shares")
        lab = gas.get("label")
        if sh is not None and lab and lab in sh and sh[lab].notna().any():
            s = sh[lab]
            ax.plot(
                s.index, s.to_numpy(), color=figures.colour(gas["supplier"]), marker="o", markersize=4, linewidth=1.4
            )
            ax.set_ylim(0, max(30.0, float(s.max()) * 1.2))
            ax.set_xlim(min(s.index) - 0.5, max(s.index) + 0.5)
        elif gas.get("source") == "iea":
            _empty(ax, f"no entry route carries\ngas from {display_name(gas['supplier'])}")
        else:
            _empty(ax, f"the press figures name no gas\nimports from {display_name(gas['supplier'])}")
        ax.set_title(
            f"{display_name(gas['supplier'])}: % of "
            + ("gas entering Türkiye" if gas.get("source") == "iea" else "Türkiye's gas imports"),
            loc="left",
            fontsize=9,
        )
    else:
        w = gas["wide"]
        if len(w.columns):
            for i, c in enumerate(w.columns):
                code = c.split()[0]
                ax.plot(
                    w.index,
                    w[c],
                    color=figures.colour(code, i),
                    linestyle="-" if c.endswith("production") else "--",
                    linewidth=1.2,
                    label=f"{code} {c.split()[1][:4]}.",
                )
            ax.legend(loc="upper left", fontsize=figures.SMALL_TEXT_PT)
        else:
            _empty(ax, "not listed by the\nEnergy Institute")
        ax.set_title("Gas production / consumption, bcm", loc="left", fontsize=9)
    # Trade
    ax = axes[1, 1]
    byt = tr.get("by_year")
    if byt is not None and len(byt) and byt.notna().any().any():
        for i, col in enumerate(byt.columns):
            ax.plot(
                byt.index,
                byt[col],
                color=[figures.colour(b), figures.colour(a)][i % 2],
                linewidth=1.4,
                label=col.replace(" in ", "'s share in ") + "'s trade",
            )
        ax.legend(loc="best", fontsize=figures.SMALL_TEXT_PT)
        ax.set_ylim(bottom=0)
    else:
        _empty(ax, "no IMF figures for the period")
    ax.set_title("Trade: partner's % of total trade", loc="left", fontsize=9)
    # one time axis for the four panels, so that the dimensions can be compared year by year
    drawn = [ax for ax in axes.flat if ax.has_data()]
    if drawn:
        lo = min(ax.get_xlim()[0] for ax in drawn)
        hi = max(ax.get_xlim()[1] for ax in drawn)
        for ax in drawn:
            ax.set_xlim(lo, hi)
    return fig


def plot_timeline(ev: pd.DataFrame):
    """Events on a time axis, one lane per dimension, each a numbered dot in the dimension's colour.

    Eras separated by long gaps (e.g. 1918–1921 and 1991 on) get their own panel, each with its own
    scale; close events stack upwards within their lane so that every number stays legible.
    """
    from bilateral import figures

    dims = dimension_order(ev)
    eras = split_eras(ev["x"].tolist())
    if not eras:
        fig, ax = figures.new("small")
        ax.text(0.5, 0.5, "no events", transform=ax.transAxes, ha="center")
        return fig
    widths = [max(hi - lo + 2.0, 3.0) for lo, hi in eras]
    # width of the main drawing area ~5.9 in; a dot ~0.2 in wide (its number at the suite's smallest text size)
    years_per_inch = sum(widths) / 5.9
    gap = 0.22 * years_per_inch
    levels = {}
    for d in dims:
        for lo, hi in eras:
            rows = ev[(ev["dimension"] == d) & ev["x"].between(lo, hi)]
            for i, lv in zip(rows.index, stack_levels(rows["x"].tolist(), gap)):
                levels[i] = lv
    depth = {d: max([levels[i] for i in ev.index[ev["dimension"] == d]], default=0) + 1 for d in dims}
    base, y0 = {}, 0.0
    for d in dims:
        base[d] = y0
        y0 += depth[d] + 0.6
    height = min(9.0, 1.1 + 0.24 * y0)
    fig, axes = figures.new("wide", 1, len(eras), sharey=True, gridspec_kw={"width_ratios": widths})
    fig.set_size_inches(6.7, height)
    axes = np.atleast_1d(axes)
    for k, ((lo, hi), ax) in enumerate(zip(eras, axes)):
        rows = ev[ev["x"].between(lo, hi)]
        hollow = evs.seed_only(rows)
        for i, r in rows.iterrows():
            face, text = DIMENSION_COLOURS.get(r["dimension"], OTHER_DIMENSION)
            yy = base[r["dimension"]] + levels[i]
            ax.plot(r["x"], yy, "o", markersize=14.5, color=face, zorder=3, **evs.marker_style(hollow[i], face))
            ax.text(
                r["x"],
                yy,
                str(r["no"]),
                ha="center",
                va="center",
                fontsize=figures.SMALL_TEXT_PT,
                color=face if hollow[i] else text,
                zorder=4,
            )
        pad = (widths[k] - (hi - lo)) / 2
        ax.set_xlim(lo - pad, hi + pad)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", length=0)
        span = hi - lo + 2 * pad
        inches = 5.9 * widths[k] / sum(widths)
        step = next(st for st in (1, 2, 5, 10, 20, 50) if span / st <= max(inches / 0.5, 1))
        first = int(np.ceil(lo - pad))
        ticks = [t for t in range(first, int(hi + pad) + 1) if t % step == 0] or [round((lo + hi) / 2)]
        ax.set_xticks(ticks, [str(t) for t in ticks], fontsize=figures.SMALL_TEXT_PT)
        if k > 0:
            ax.spines["left"].set_visible(False)
            ax.tick_params(axis="y", left=False)
    axes[0].set_yticks(
        [base[d] + (depth[d] - 1) / 2 for d in dims], [f"{d} ({int((ev['dimension'] == d).sum())})" for d in dims]
    )
    axes[0].set_ylim(y0 - 0.3, -0.7)
    for d in dims:
        for ax in axes:
            ax.axhspan(base[d] - 0.5, base[d] + depth[d] - 0.5, color="#f4f4f4", zorder=0)
    fig.supxlabel(
        "Year" + (" (separate panels where the record has a long gap)" if len(eras) > 1 else ""), fontsize=8.5
    )
    if evs.seed_only(ev).any():
        evs.add_marker_legend(axes[-1], loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2)
    return fig


def plot_index(idx: pd.DataFrame, main: str):
    """The index per year, one line per pair (the report's pair thicker), over a strip of coverage counts.

    A marker is filled where the pair-year has as many indicators as the pair's best-covered year and
    hollow where it has fewer, so that changes caused by an indicator entering or leaving can be told apart.
    """
    from matplotlib.colors import ListedColormap

    from bilateral import figures

    labels = list(dict.fromkeys(idx.index.get_level_values("pair")))
    colours = pair_colours(labels)
    wide = idx["index"].unstack("pair")[labels]
    cov = idx["coverage"].unstack("pair")[labels]
    fig, (ax, strip) = figures.new("tall", 2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.25]})
    for p in labels:
        thick = p == main
        full = cov[p] >= cov[p].max()
        ax.plot(
            wide.index, wide[p], color=colours[p], linewidth=2.4 if thick else 1.2, label=p, zorder=3 if thick else 2
        )
        ms = 5 if thick else 3.5
        ax.plot(wide.index[full], wide[p][full], "o", color=colours[p], markersize=ms, zorder=4 if thick else 2)
        ax.plot(
            wide.index[~full],
            wide[p][~full],
            "o",
            color=colours[p],
            markerfacecolor="white",
            markersize=ms,
            zorder=4 if thick else 2,
        )
    ax.set_ylim(0, 1)
    ax.set_ylabel("Index (0–1)")
    ax.legend(loc="upper left", ncol=min(3, len(labels)), fontsize=figures.SMALL_TEXT_PT)
    n = len(INDICATORS)
    cmap = ListedColormap(["#ffffff", "#deebf7", "#9ecae1", "#4292c6", "#08519c"][: n + 1])
    grid = cov.T.to_numpy(dtype=float)
    strip.imshow(
        grid,
        aspect="auto",
        cmap=cmap,
        vmin=-0.5,
        vmax=n + 0.5,
        extent=(wide.index.min() - 0.5, wide.index.max() + 0.5, len(labels) - 0.5, -0.5),
        interpolation="nearest",
    )
    for j, p in enumerate(labels):
        for x, c in zip(cov.index, cov[p]):
            strip.text(
                x,
                j,
                str(int(c)),
                ha="center",
                va="center",
                fontsize=figures.SMALL_TEXT_PT,
                color="white" if c >= 3 else "black",
            )
    strip.set_yticks(range(len(labels)), labels, fontsize=figures.SMALL_TEXT_PT)
    strip.grid(False)
    strip.set_title(f"Indicators available (of {n}) per pair and year", loc="left", fontsize=8.5)
    strip.set_xlabel("Year")
    return fig


def plot_rank_distribution(dist: pd.DataFrame, summary: pd.DataFrame):
    """Horizontal stacked bars: for each pair, the share of random weightings giving each rank."""
    from bilateral import figures

    fig, ax = figures.new("wide")
    n = dist.shape[1]
    cmap = __import__("matplotlib").colormaps["Blues_r"]
    colours = [cmap(0.1 + 0.75 * i / max(n - 1, 1)) for i in range(n)]
    labels = list(dist.index)
    yy = np.arange(len(labels))
    left = np.zeros(len(labels))
    for i, r in enumerate(dist.columns):
        vals = dist[r].to_numpy() * 100
        ax.barh(yy, vals, left=left, color=colours[i], edgecolor="white", linewidth=0.5, label=f"rank {r}")
        for y, v, l0 in zip(yy, vals, left):
            if v >= 7:
                ax.text(
                    l0 + v / 2,
                    y,
                    f"{v:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=figures.SMALL_TEXT_PT,
                    color="white" if i < n / 2 else "black",
                )
        left = left + vals
    ax.set_yticks(
        yy, [f"{p} (chosen weights: {int(summary.at[p, 'base_rank'])})" for p in labels], fontsize=figures.SMALL_TEXT_PT
    )
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of random weightings")
    ax.grid(axis="y", visible=False)
    ax.set_axisbelow(True)
    fig.legend(loc="outside lower center", ncol=min(n, 6), fontsize=figures.SMALL_TEXT_PT)
    return fig


def record_measures(arms: dict, gas: dict, a: str, b: str) -> None:
    """Note the headline measures this report prints that a dimension report also prints (arms TIV delivered
    each way, the supplier's share of the gas entering Türkiye), see :func:`bilateral.takeaways.record_measure`."""
    from bilateral import takeaways

    if arms["years"] and arms["covered"]:
        span = fmt.years(arms["years"][0], arms["years"][-1])
        takeaways.record_measure("arms TIV delivered (million)", b, a, span, fmt.num(arms["ba"]["tiv_m"]))
        takeaways.record_measure("arms TIV delivered (million)", a, b, span, fmt.num(arms["ab"]["tiv_m"]))
    if (
        gas["kind"] == "tr_imports"
        and gas.get("source") == "iea"
        and gas.get("label") is not None
        and gas.get("latest_year")
    ):
        takeaways.record_measure(
            "share of gas entering Türkiye",
            gas["supplier"],
            "TUR",
            str(gas["latest_year"]),
            fmt.pct(gas["latest_share"]),
        )


def events_sentence(ev: pd.DataFrame, a: str, b: str) -> str:
    """Key finding on the pair's dated events (:func:`pair_events` output): how many, from when to when."""
    na, nb = display_name(a), display_name(b)
    if not len(ev):
        return f"The project's curated events table lists no dated event naming both {na} and {nb}."
    return (
        f"The project's curated events table lists {fmt.plural(len(ev), 'dated event')} naming both {na} and {nb}, from "
        f"{ev['when'].iloc[0]} to {ev['when'].iloc[-1]}; it is a curated selection, so the count shows what the record holds, not how close the two are."
    )


def arms_meaning(arms: dict, a: str, b: str) -> str:
    """What the arms shares mean: how much of ``b``'s deliveries to ``a`` fell in the recent years, and whether
    ``b``'s recent share is of a larger or smaller total than ``a`` imported on average over the period
    (:func:`arms_summary` output). Empty when there is nothing to compare."""
    whole, recent = arms.get("share_b") or {}, arms.get("share_b_recent") or {}
    if (
        not arms.get("years")
        or not arms.get("covered")
        or not whole.get("tiv_m")
        or pd.isna(whole.get("share", np.nan))
        or pd.isna(recent.get("share", np.nan))
    ):
        return ""
    (lo, hi), (rlo, rhi) = (arms["years"][0], arms["years"][-1]), arms["recent"]
    if rlo <= lo:
        return ""
    na, _nb = display_name(a), display_name(b)
    span, rspan = fmt.years(lo, hi), fmt.years(rlo, rhi)
    part = recent["tiv_m"] / whole["tiv_m"]
    avg_all, avg_recent = whole["total_tiv_m"] / len(arms["years"]), recent["total_tiv_m"] / (rhi - rlo + 1)
    size = "smaller" if avg_recent < avg_all else "larger"
    return (
        f"{fmt.pct(part * 100, 0)} of {poss_name(b)} recorded deliveries to {na} in {span} came in {rspan}. In those years {poss_name(a)} "
        f"arms imports averaged {fmt.num(avg_recent)} million TIV a year against {fmt.num(avg_all)} over {span}, so {poss_name(b)} recent "
        f"share is a share of a {size} total. A single large order can move these shares, and SIPRI "
        "counts deliveries of major conventional weapons only."
    )


def arms_takeaway(arms: dict, a: str, b: str) -> str:
    """Short finding on arms for the landing page: ``b``'s share of ``a``'s arms imports in the recent years and over
    the whole period, with its rank among all suppliers (:func:`arms_summary` output); falls back on :func:`arms_sentence`."""
    whole, recent = arms.get("share_b") or {}, arms.get("share_b_recent") or {}
    if (
        not arms.get("years")
        or not arms.get("covered")
        or pd.isna(whole.get("share", np.nan))
        or not whole.get("tiv_m")
    ):
        return arms_sentence(arms, a, b)
    na, nb = display_name(a), display_name(b)
    span = fmt.years(arms["years"][0], arms["years"][-1])
    top = f"; largest: {mil.party_name(arms['top'])}" if arms.get("top") and arms["top"] != b else ""
    rank = f" ({ranks_words(arms['rank'], arms['n_suppliers'], 'supplier')}{top})" if arms.get("rank") else ""
    text = f"{nb} supplied {fmt.pct(whole['share'] * 100)} of {poss_name(a)} major arms imports by volume (SIPRI TIV) in {span}{rank}"
    if not pd.isna(recent.get("share", np.nan)) and arms["recent"][0] > arms["years"][0]:
        text += (
            f", and {fmt.pct(recent['share'] * 100)} in {fmt.years(*arms['recent'])}, when {na} imported far less in all"
            if recent["total_tiv_m"] / (arms["recent"][1] - arms["recent"][0] + 1)
            < 0.5 * whole["total_tiv_m"] / len(arms["years"])
            else f", and {fmt.pct(recent['share'] * 100)} in {fmt.years(*arms['recent'])}"
        )
    return text + "."


def ranks_words(rank: int, n: int, noun: str) -> str:
    """``ranks_words(5, 14, "supplier") == "5th of 14 suppliers"``."""

    return f"{fmt.ordinal(rank)} of {fmt.plural(n, noun)}"


def trade_takeaway(tr: dict, all_ranks: pd.DataFrame, a: str, b: str) -> str:
    """Short finding on trade for the landing page: each side's share of the other's trade in the latest year and
    its rank among all of the other's trading partners (``all_ranks``: :func:`bilateral.ranks.overview_rows`)."""
    if not tr["latest_year"]:
        return trade_sentence(tr, a, b)
    y = tr["latest_year"]
    parts = []
    for c, p, share in ((a, b, tr["share_b_in_a"]), (b, a, tr["share_a_in_b"])):
        if pd.isna(share):
            continue
        r = all_ranks[(all_ranks["dimension"] == "Trade") & (all_ranks["country"] == c) & (all_ranks["partner"] == p)]
        r = r.iloc[0] if len(r) else None
        where = (
            f", {ranks_words(int(r['rank']), int(r['n_ranked']), 'partner')}"
            if r is not None and r["status"] == "ranked" and str(r["when"]) == str(y)
            else ""
        )
        parts.append(
            f"{display_name(p)} accounted for {share_text(share)} of {poss_name(c)} trade by {poss_name(c)} own figures{where}"
        )
    return (
        f"In {y}, " + "; ".join(parts) + " (IMF DOTS; the series ends in 2020)." if parts else trade_sentence(tr, a, b)
    )


def gas_takeaway(gas: dict, a: str, b: str) -> str:
    """Short finding on gas for the landing page (the IEA entry routes into Türkiye); falls back on :func:`gas_sentence`."""
    if (
        gas["kind"] == "tr_imports"
        and gas.get("source") == "iea"
        and gas.get("label") is not None
        and gas.get("latest_year")
    ):
        return (
            f"In {gas['latest_year']}, {fmt.pct(gas['latest_share'])} of the gas entering Türkiye ({fmt.num(gas['latest_bcm'], 1)} bcm) came on "
            f"{gas_routes.route_phrase(gas['supplier'])}, {gas_routes.rank_text(gas['rank'], gas['n_ranked'], ', '.join(gas.get('tied_with') or []))} (IEA Gas Trade Flows)."
        )
    return gas_sentence(gas, a, b)
