"""The one-page summary, one headline computation per dimension (UN votes, arms, gas, trade), each calling the
dimension modules' functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from bilateral import diplomatic as dip
from bilateral import energy, gas_routes
from bilateral import military as mil
from bilateral import trade as trd
from bilateral.overview.config import GAS_BUYER, RECENT_YEARS
from bilateral.overview.indicators import arms_share, iea_annual, trade_is_estimate, trade_shares_by_year

__all__ = [
    "arms_summary",
    "gas_summary",
    "gas_summary_iea",
    "panel_data",
    "switch_within",
    "trade_summary",
    "un_summary",
    "years_within",
]


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


def panel_data(un: dict, arms: dict, gas: dict, tr: dict) -> pd.DataFrame:
    """The data behind the four summary panels, long form: a ``panel`` column (``un_votes``, ``arms``,
    ``gas_share_of_turkiye_entries`` or ``gas_bcm``, ``trade``) and each panel's own columns."""
    frames = []
    if len(un["yearly"]):
        frames.append(
            un["yearly"].assign(panel="un_votes")[["panel", "year", "pair", "kappa", "agreement_share", "n_votes"]]
        )
    if len(arms["by_year"]):
        by = arms["by_year"].reset_index().melt(id_vars="year", var_name="series", value_name="tiv_m")
        frames.append(by.assign(panel="arms"))
    if gas["kind"] == "tr_imports" and len(gas["shares"]):
        sh = gas["shares"].reset_index().melt(id_vars="year", var_name="series", value_name="share_pct")
        frames.append(sh.assign(panel="gas_share_of_turkiye_entries"))
    elif gas["kind"] == "production":
        w = gas.get("wide", pd.DataFrame()).reset_index().melt(id_vars="year", var_name="series", value_name="bcm")
        frames.append(w.assign(panel="gas_bcm"))
    if len(tr["by_year"]):
        t = tr["by_year"].reset_index().melt(id_vars="year", var_name="series", value_name="share_pct")
        frames.append(t.assign(panel="trade"))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
