"""Energy report, text: the key findings. Each says what a number means for the relationship and how sure one
can be of it (which source, why that one where sources disagree, what a share or a rank is out of), and each is
computed and true for any pair and period the parameters allow; a finding the data cannot support is left out
or said as not covered."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, gas_routes
from bilateral.countries import display_name
from bilateral.energy.compute import (
    EI_GROUP_ALSO,
    EI_PIPELINE_GROUP,
    GAS_CONS,
    GAS_PROD,
    LNG_IMPORTS,
    OIL_PROD,
    PRESS_BUYER,
    TOTAL_LABEL,
    TRADE_YEAR,
    ei_years,
    first_valid,
    last_valid,
    names,
    peak,
)
from bilateral.energy.owid import JOIN_TOLERANCE_PCT
from bilateral.energy.pipelines import PIPELINE_ORDER, pipelines_apply, reaching
from bilateral.energy.press import series_source
from bilateral.energy.text import amount, change_verb, trend_phrase

__all__ = [
    "bullets",
    "coverage_finding",
    "ei_findings",
    "moved",
    "pipeline_findings",
    "press_findings",
    "route_findings",
]

Items = Sequence[tuple[str, str, pd.Series, pd.Series]]
BCM = gas_routes.MCM_PER_BCM


def bullets(findings: Sequence[str]) -> str:
    """The findings as a Markdown list (empty findings left out)."""
    return "\n".join(f"- {s}" for s in findings if s)


def moved(v0: float, v1: float, unit: str, digits: int = 1) -> str:
    """``"rose from 4.52 to 11.48 bcm"``, ``"fell from …"``, ``"stayed at 5.0 bcm"`` (percent without a space).

    >>> moved(11.7, 22.2, "%"), moved(38.53, 51.73, "bcm", 2), moved(5.0, 5.0, "bcm")
    ('rose from 11.7% to 22.2%', 'rose from 38.53 to 51.73 bcm', 'stayed at 5.0 bcm')
    """
    verb = change_verb(v0, v1)
    end = amount(v1, unit, digits).replace(" %", "%")
    if verb == "stayed at":
        return f"stayed at {end}"
    start = amount(v0, "%" if unit == "%" else "", digits).replace(" %", "%")
    return f"{verb} from {start} to {end}"


def coverage_finding(not_covered: Sequence[str]) -> str:
    """Which states the Energy Institute extract does not list ("" when it lists them all)."""
    if not not_covered:
        return ""
    return f"The Energy Institute extract used here does not list {names(not_covered)}: those parts of the report are empty."


# ---------------------------------------------------------------------------------------------
# Energy Institute and Our World in Data
# ---------------------------------------------------------------------------------------------


def production_finding(P, wide_a: pd.DataFrame) -> str:
    """How the supplier's gas and oil production changed, and whether its output shifted from oil to gas."""
    gas, oil = wide_a[GAS_PROD], wide_a[OIL_PROD]
    na = fmt.poss(P.name_a)
    parts = []
    y0, g0 = first_valid(gas)
    y1, g1 = last_valid(gas)
    gas_up = y1 is not None and y0 != y1 and change_verb(g0, g1) == "rose"
    if y1 is not None:
        text = f"{na} gas production {trend_phrase(gas, 'bcm')}"
        if gas_up and g0 > 0 and g1 / g0 >= 1.5:
            text += f", {fmt.num(g1 / g0, 1)} times as much"
        parts.append(text)
    py, pv = peak(oil)
    oy, ov = last_valid(oil)
    oil_down = oy is not None and py is not None and py != oy and change_verb(pv, ov) == "fell"
    # a shift from oil to gas is said only when both moves are large: gas up by a fifth, oil 15% below its peak
    shifted = gas_up and g1 >= 1.2 * g0 and oil_down and ov <= 0.85 * pv
    if oy is not None:
        whose = "its" if parts else na
        if oil_down:
            parts.append(
                f"{whose} oil production peaked at {amount(pv, 'thousand barrels a day', 0)} in {py} and was "
                f"{fmt.pct(100 * (1 - ov / pv), 0)} lower in {oy}, at {fmt.integer(ov)}"
            )
        else:
            parts.append(f"{whose} oil production {trend_phrase(oil, 'thousand barrels a day', 0)}")
    if not parts:  # the section says so; the coverage finding names states the extract does not list
        return ""
    meaning = f": {na} output has shifted from oil towards gas" if shifted else ""
    return "; ".join(parts) + f" (Energy Institute){meaning}."


def owid_finding(P, owid_items: Items, cmp: pd.DataFrame) -> str:
    """The supplier's gas production in Our World in Data's later edition, and whether it may be read as one
    series with the Energy Institute's."""
    item = next(((o, e) for iso, ind, o, e in owid_items if iso == P.country_a and ind == "gas_production"), None)
    if item is None:
        return ""
    o, e = item
    y, v = last_valid(o)
    if y is None:
        return ""
    if round(v) == 0:  # none recorded is said as such, not as a finding of "0 TWh"
        return f"Our World in Data records no gas production for {P.name_a} (its last value, for {y}, is zero)."
    text = f"Our World in Data's later edition of the Review puts {fmt.poss(P.name_a)} gas production at {fmt.integer(v)} TWh in {y}"
    ey = e.last_valid_index()
    if ey is not None and y > ey and pd.notna(o.get(ey)) and o[ey] > 0:
        verb = change_verb(o[ey], v)
        text += (
            f", about the same as in {ey}"
            if verb == "stayed at"
            else f", {fmt.pct(abs(100 * (v / o[ey] - 1)), 0)} {'more' if verb == 'rose' else 'less'} than in {ey}, the Energy Institute series' last year"
        )
    rows = cmp[(cmp["iso3"] == P.country_a) & (cmp["indicator"] == "gas_production")]
    if len(rows) and rows["n_years"].iloc[0]:
        r = rows.iloc[0]
        text += (
            f"; where both exist ({r['years']}) it agrees with the Energy Institute series within {fmt.num(JOIN_TOLERANCE_PCT, 0)}%, so the two read as one series"
            if r["joined"]
            else f"; in {r['years']} it differs from the Energy Institute series by up to {fmt.num(r['max_abs_difference_pct'], 1)}%, so the later years are shown apart"
        )
    return text + "."


def exports_finding(P, exp_a: pd.DataFrame, gas_surplus: pd.Series, sup_a: pd.DataFrame) -> str:
    """The supplier's exports in the trade-matrix year against its production surplus, and what the matrices say
    about the buyer (an upper bound where the buyer sits inside a group), beside the IEA's figure."""
    na = P.name_a
    if exp_a.empty:
        return f"The Energy Institute's {TRADE_YEAR} gas trade matrices list no gas exports from {na}."
    bits, total = [], 0.0
    for mode, rows in exp_a.groupby("mode", sort=False):
        t = float(rows["total_bcm"].iloc[0])
        total += t
        top = fmt.join_and(
            f"'{d}' {amount(v, 'bcm')}" for d, v in zip(rows["destination"].head(3), rows["volume_bcm"].head(3))
        )
        bits.append(f"{amount(t, 'bcm')} {'by pipeline' if mode == 'pipeline' else 'as LNG'} ({top})")
    text = f"By the Energy Institute's trade matrices, {na} exported {fmt.join_and(bits)} in {TRADE_YEAR}"
    surplus = gas_surplus.get(TRADE_YEAR, float("nan"))
    if pd.notna(surplus) and surplus > 0:
        text += (
            f", about as much as its gas production exceeded its consumption ({amount(surplus, 'bcm')})"
            if 0.9 <= total / surplus <= 1.1
            else f", against a surplus of production over consumption of {amount(surplus, 'bcm')}"
        )
    group = EI_PIPELINE_GROUP.get(P.country_b)
    pipe = exp_a[(exp_a["mode"] == "pipeline") & (exp_a["destination"] == group)]
    direct = exp_a[exp_a["destination_iso3"].astype("string") == P.country_b]
    if group and len(pipe):
        others = fmt.join_and([*(display_name(c) for c in EI_GROUP_ALSO.get(group, ())), "other countries"])
        text += (
            f". The {amount(float(pipe['volume_bcm'].iloc[0]), 'bcm', 2)} to '{group}' is the nearest the matrices come to a figure for "
            f"{P.name_b}, and only an upper bound: '{group}' also holds {others}"
        )
        a = P.country_a
        if P.country_b == PRESS_BUYER and a in gas_routes.COUNTRY_SUPPLIERS and TRADE_YEAR in sup_a.index:
            v = sup_a.at[TRADE_YEAR, a]
            if pd.notna(v):
                text += f"; the IEA's border records show {amount(v / BCM, 'bcm', 2)} entering {P.name_b} on {gas_routes.route_phrase(a)} that year"
    elif len(direct):
        text += f"; {amount(float(direct['volume_bcm'].sum()), 'bcm')} of it went to {P.name_b}"
    return text + "."


def buyer_finding(P, wide_b: pd.DataFrame, press_total: pd.Series | None) -> str:
    """How much of the buyer's gas consumption its own production or its imports cover, and the LNG part."""
    nb = P.name_b
    y, c = last_valid(wide_b[GAS_CONS])
    if y is None:
        return f"The Energy Institute series here give no gas consumption for {nb} in the period."
    text = f"{nb} consumed {amount(c, 'bcm')} of gas in {y}"
    prod = wide_b[GAS_PROD].get(y) if GAS_PROD in wide_b else None
    pt = press_total.get(y) if press_total is not None else None
    if prod is not None and pd.notna(prod):
        if prod >= c:
            text += f" and produced more ({amount(prod, 'bcm')})"
        else:
            share = 100 * prod / c
            text += f"; its own production ({amount(prod, 'bcm')}) covered {fmt.pct(share, 0)} of it"
            if share < 50:
                text += ", so most of its gas came from abroad"
    elif pt is not None and pd.notna(pt):
        r = 100 * pt / c
        text += (
            f"; the Energy Institute lists no production of its own, and the press, quoting the regulator, puts its imports "
            f"that year at {amount(pt, 'bcm')}, {fmt.pct(r, 0)} of consumption"
        )
        if r >= 95:
            text += f": {nb} imports practically all the gas it uses (imports also fill storage)"
    lng = wide_b[LNG_IMPORTS].get(y) if LNG_IMPORTS in wide_b else None
    if lng is not None and pd.notna(lng) and lng > 0:
        text += f". LNG imports equalled {fmt.pct(100 * lng / c)} of consumption ({amount(lng, 'bcm')})"
    return text + "."


def ei_findings(
    P,
    wide_a: pd.DataFrame,
    wide_b: pd.DataFrame,
    exp_a: pd.DataFrame,
    gas_surplus: pd.Series,
    press_total: pd.Series | None,
    *,
    sup_a: pd.DataFrame,
    owid_items: Items,
    owid_cmp: pd.DataFrame,
) -> list[str]:
    """Production (Energy Institute, then OWID to 2024), exports and the buyer's consumption; only the OWID finding
    when the period has no Energy Institute year."""
    years = ei_years(P.start_year, P.end_year)
    owid = owid_finding(P, owid_items, owid_cmp)
    if not years:
        return [owid]
    out = [production_finding(P, wide_a), owid]
    if TRADE_YEAR in years:
        out.append(exports_finding(P, exp_a, gas_surplus, sup_a))
    out.append(buyer_finding(P, wide_b, press_total))
    return out


# ---------------------------------------------------------------------------------------------
# IEA entry routes
# ---------------------------------------------------------------------------------------------


def route_share_finding(
    P, sup_a: pd.DataFrame, sh_a: pd.DataFrame, rk_a: pd.DataFrame, full: Sequence[int], iea_vs_press: pd.DataFrame
) -> str:
    """The supplier's volume, share and rank in the latest full year; how share, volume and total moved since the
    first full year (a larger share of a smaller total is not more gas); how well the press agrees."""
    a, na = P.country_a, P.name_a
    y = gas_routes.latest_full_year(sup_a, full)
    if y is None:
        return (
            "No calendar year of the period is complete in the IEA series (12 months reported on every entry route), so no annual "
            f"share of {na} is computed."
        )
    v, t, s = sup_a.at[y, a] / BCM, sup_a.at[y, gas_routes.TOTAL] / BCM, sh_a.at[y, a]
    r = rk_a.loc[y]
    rank = gas_routes.rank_text(None if pd.isna(r["rank"]) else int(r["rank"]), int(r["n_suppliers"]), r["tied_with"])
    others = sorted(
        ((k, sup_a.at[y, k] / BCM) for k in gas_routes.COUNTRY_SUPPLIERS if k != a and sup_a.at[y, k] > 0),
        key=lambda kv: -kv[1],
    )
    text = (
        f"In {y}, {amount(v, 'bcm', 2)} of gas entered Türkiye on {gas_routes.route_phrase(a)}, {fmt.pct(s)} of all entries "
        f"({amount(t, 'bcm', 2)}): {na} ranked {rank}"
    )
    if others:
        text += " (" + fmt.join_and(f"{gas_routes.supplier_label(k)} {amount(x, 'bcm', 2)}" for k, x in others) + ")"
    lng = sup_a.at[y, "LNG"] / BCM
    if pd.notna(lng) and lng > 0:
        text += f", and LNG of all origins, which is not ranked, brought {amount(lng, 'bcm', 2)}"
    text += "."
    years = [k for k in full if k in sh_a.index and pd.notna(sh_a.at[k, a]) and k < y]
    if years:
        y0 = years[0]
        v0, t0, s0 = sup_a.at[y0, a] / BCM, sup_a.at[y0, gas_routes.TOTAL] / BCM, sh_a.at[y0, a]
        text += (
            f" Since {y0}, the period's first full year in the series, its share {moved(s0, s, '%')}: its volume {moved(v0, v, 'bcm', 2)} "
            f"while all entries {moved(t0, t, 'bcm', 2)}"
        )
        share_up, vol_up = change_verb(s0, s) == "rose", change_verb(v0, v) == "rose"
        if share_up and not vol_up:
            text += ", so the larger share is of a smaller total, not more gas"
        elif change_verb(s0, s) == "fell" and vol_up:
            text += ", so it sent more gas but had a smaller share of a growing total"
        text += "."
    d = iea_vs_press[iea_vs_press["supplier"] == a]
    text += " Volume and total come from one series, the IEA's monthly records at the border points"
    if len(d) == 1:
        agree = abs(float(d["difference_pct"].iloc[0])) <= 1
        text += f"; the regulator's figure for {na} quoted in the press for {int(d['year'].iloc[0])} " + (
            "agrees with it within 1%." if agree else "differs from it by more than 1%."
        )
    elif len(d):
        close = int((d["difference_pct"].abs() <= 1).sum())
        text += f"; the regulator's figures for {na} quoted in the press agree with it within 1% in {close} of the {len(d)} years with both."
    else:
        text += "; no press figure for the same years is at hand to cross-check it."
    return text


def months_finding(P, rk_m: pd.DataFrame, sup_m: pd.DataFrame) -> str:
    """In how many months the supplier was the largest pipeline supplier, and who was the largest otherwise."""
    a, na = P.country_a, P.name_a
    with_data = rk_m[(rk_m["n_suppliers"] > 0) & rk_m["reported"].fillna(False).astype(bool)]
    if with_data.empty:
        return f"The IEA series has no month with pipeline entries in the period, so {fmt.poss(na)} monthly rank is not covered."
    n = len(with_data)
    span = f"{fmt.date(str(with_data.index[0]))} to {fmt.date(str(with_data.index[-1]))}"
    top = with_data[with_data["rank"].fillna(0) == 1]
    if top.empty:
        text = f"{na} was never the largest pipeline supplier in the {fmt.plural(n, 'month')} with a value from {span}"
    elif len(top) == n:
        text = f"{na} was the largest pipeline supplier in all {fmt.plural(n, 'month')} with a value from {span}"
    else:
        first = str(top.index[0])
        text = f"{na} was the largest pipeline supplier in {len(top)} of the {n} months with a value from {span}"
        if len(top) == 1:
            text += f", in {fmt.date(first)}"
        elif first != str(with_data.index[0]):
            text += f", the first time in {fmt.date(first)}"
    ties = int((top["tied_with"] != "").sum())
    if ties:
        text += f" ({fmt.plural(ties, 'month')} of them tied)"
    leaders = gas_routes.leader_counts(sup_m.loc[with_data.index]).drop(a, errors="ignore")
    leaders = leaders[leaders > 0]
    if len(top) < n and len(leaders):
        text += f"; {gas_routes.supplier_label(leaders.index[0])} was the largest in {leaders.iloc[0]} of them"
    return text + "."


#: The share of the entries leaving Türkiye again from which the transit finding says "much of" the gas is in
#: transit (below it, "part of").
MUCH_IN_TRANSIT = 0.25


def transit_finding(tr: pd.DataFrame, year: int | None) -> str:
    """How much of the gas entering Türkiye left it again in the latest full year, and where."""
    if year is None or year not in tr.index:
        return (
            "No calendar year of the period is complete in the IEA series (12 months reported on every entry route), so exits "
            "and entries are not compared."
        )
    r = tr.loc[year]
    exits, entries = r["exits_mcm"] / BCM, r["entries_mcm"] / BCM
    parts = [
        (r["kipi_exit_mcm"], "at Kipi to Greece"),
        (r["malkoclar_exit_mcm"], "at Malkoçlar to Bulgaria"),
        (r["lng_exit_mcm"], "as LNG re-exports"),
    ]
    where = [f"{amount(v / BCM, 'bcm', 2)} {w}" for v, w in parts if pd.notna(v) and v / BCM >= 0.005]
    if exits < 0.005 or not where:  # exits is in bcm already
        return f"In {year} almost no gas left Türkiye at its exit points: the {amount(entries, 'bcm', 2)} that entered stayed in the country."
    share = exits / entries
    how_much = "much of" if share >= MUCH_IN_TRANSIT else "part of"
    return (
        f"In {year}, {amount(exits, 'bcm', 2)} left Türkiye at its exit points ({fmt.join_and(where)}), "
        f"{fmt.pct(100 * share, 0)} of the {amount(entries, 'bcm', 2)} that entered: {how_much} the gas crossing "
        "into Türkiye is in transit, so the entries are not what Türkiye consumed."
    )


def route_findings(
    P,
    sup_a: pd.DataFrame,
    sh_a: pd.DataFrame,
    rk_a: pd.DataFrame | None,
    rk_m: pd.DataFrame | None,
    sup_m: pd.DataFrame,
    transit_a: pd.DataFrame,
    *,
    full: Sequence[int],
    iea_vs_press: pd.DataFrame,
    iea_years: Sequence[int],
) -> list[str]:
    """The IEA findings for Türkiye as the buyer: the supplier's share, rank and months at the top, and the transit."""
    if P.country_b != PRESS_BUYER or not iea_years:
        return []
    last_full = gas_routes.latest_full_year(sup_a, full)
    if P.country_a not in gas_routes.COUNTRY_SUPPLIERS:
        return [
            f"Türkiye's gas entry points carry gas from Azerbaijan, Russia and Iran, and LNG: none carries gas from {P.name_a}, "
            "so its share of Türkiye's imports is not covered.",
            transit_finding(transit_a, last_full),
        ]
    return [
        route_share_finding(P, sup_a, sh_a, rk_a, full, iea_vs_press),
        months_finding(P, rk_m, sup_m),
        transit_finding(transit_a, last_full),
    ]


# ---------------------------------------------------------------------------------------------
# Press figures and pipelines
# ---------------------------------------------------------------------------------------------


def press_findings(
    P, sides: pd.DataFrame, label_a: str | None, share_diff: pd.DataFrame, imports: pd.DataFrame
) -> list[str]:
    """Why the report keeps the importer's side, and why it follows the IEA series where press figures disagree."""
    if P.country_b != PRESS_BUYER:
        return [f"The figures on gas imports by supplier cover Türkiye only; they do not apply to {P.name_b}."]
    if not label_a:
        return [f"The press table of Türkiye's gas imports names no supplier {P.name_a}."]
    out = []
    big = sides.dropna(subset=["difference_bcm"])
    if (big["supplier"] == label_a).any():  # the pair's own figures first
        big = big[big["supplier"] == label_a]
    if not big.empty:
        r = big.loc[big["difference_bcm"].abs().idxmax()]
        gap = abs(r["difference_bcm"])
        rel = 100 * gap / r["importer_side_bcm"] if r["importer_side_bcm"] else float("nan")
        out.append(
            f"Importer and supplier figures differ: for {r['supplier']} in {int(r['year'])} the Turkish regulator records "
            f"{amount(r['importer_side_bcm'], 'bcm', 2)} and the supplier's side {amount(r['exporter_side_bcm'], 'bcm', 2)} "
            f"({r['exporter_source']}), {amount(gap, 'bcm', 2)} or {fmt.pct(rel, 0)} {'less' if r['difference_bcm'] > 0 else 'more'}. "
            "The two measure at different points and may differ in scope, so the report keeps the importer's side in every "
            "series and shows the supplier's figures apart."
        )
    if not share_diff.empty:
        d = share_diff.iloc[0]
        y, lab = int(d["year"]), str(d["supplier"])
        mixed = series_source(imports, lab, y) != series_source(imports, TOTAL_LABEL, y)
        out.append(
            "Shares calculated from press figures can differ from the shares the press reports by up to "
            f"{fmt.num(share_diff['difference_pp'].abs().max(), 1)} percentage points ({lab} in {y}: {fmt.pct(d['computed_pct'])} "
            f"calculated, {fmt.pct(d['reported_pct'])} reported"
            + ("; volume and total from two publications" if mixed else "")
            + "), which is why the shares in this report come from the IEA series, where volume and total are one publication's."
        )
    return out


def pipeline_findings(P, lengths: dict[str, float], thr: pd.DataFrame, cap: pd.Series) -> list[str]:
    """Which lines reach the buyer, their lengths, and how full BTC ran in its latest year with a figure."""
    if not pipelines_apply(P.country_a, P.country_b):
        return []
    reach = reaching(P.country_b)
    text = f"Four lines carry {fmt.poss(P.name_a)} oil and gas west; " + (
        f"{fmt.join_and(reach)} {'crosses or ends' if len(reach) == 1 else 'cross or end'} in {P.name_b}"
        if reach
        else f"none crosses {P.name_b}"
    )
    measured = [f"{amount(v, 'km', 0)} ({k})" for k, v in lengths.items()]
    missing = [k for k in PIPELINE_ORDER if k not in lengths]
    if measured:
        text += f". Company and press pages give lengths of {fmt.join_and(measured)}"
    if missing:
        text += f"; this project has no sourced length for {fmt.join_and(missing)}"
    out = [text + "."]
    mb = thr[thr["unit"] == "million barrels"].sort_values("year", kind="mergesort")
    if not mb.empty:
        last = mb.iloc[-1]
        y = int(last["year"])
        btc = f"Oil {last['measure'].replace('carried', 'carried by BTC')}: {amount(last['value'], 'million barrels')} in {y} ({last['source']})"
        c = cap.get(y, float("nan"))
        if pd.notna(c) and c > 0:
            ratio = 100 * last["value"] / c
            btc += f", {fmt.pct(ratio)} of what the line's rated capacity allows over the year ({fmt.integer(c)} million barrels)"
            if ratio < 50:
                btc += ": the line ran at less than half its capacity"
        out.append(btc + ".")
    return out
