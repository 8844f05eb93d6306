"""Energy report, text: the finding each chart shows, as the first sentence of its caption (computed, true for
any pair and period the parameters allow; "" when the data give no finding, and the caption then only
describes the chart)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, gas_routes
from bilateral.countries import display_name
from bilateral.energy.compute import GAS_CONS, GAS_PROD, LNG_IMPORTS, OIL_PROD, last_valid
from bilateral.energy.owid import OWID_LABELS
from bilateral.energy.pipelines import OTHER_LANE, PIPELINE_ORDER
from bilateral.energy.text import amount, peak_phrase, trend_phrase

__all__ = [
    "btc_title",
    "buyer_title",
    "comparators_title",
    "entries_annual_title",
    "entries_monthly_title",
    "owid_gas_title",
    "owid_oil_title",
    "press_shares_title",
    "press_volumes_title",
    "production_title",
    "timeline_title",
    "with_title",
]


def with_title(title: str, caption: str) -> str:
    """The caption with its finding first (the caption alone when there is no finding)."""
    return f"{title} {caption}" if title else caption


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "." if text else ""


def production_title(P, wide: pd.DataFrame) -> str:
    """``"Azerbaijan's gas production rose from 9.7 bcm in 1990 to 34.1 bcm in 2022; its oil production peaked …"``"""
    gas = trend_phrase(wide[GAS_PROD], "bcm")
    oil = peak_phrase(wide[OIL_PROD], "thousand barrels a day", 0)
    parts = [f"{fmt.poss(P.name_a)} gas production {gas}" if gas else "", f"oil production {oil}" if oil else ""]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    if len(parts) == 2:
        parts[1] = "its " + parts[1]
    else:
        parts[0] = parts[0] if gas else f"{fmt.poss(P.name_a)} {parts[0]}"
    return _sentence("; ".join(parts))


def owid_gas_title(cmp: pd.DataFrame, items: Sequence[tuple[str, str, pd.Series, pd.Series]] = ()) -> str:
    """Which gas series the later edition extends (to the last year of ``items``, the OWID series drawn), and which
    differ from the Energy Institute's (a table of :func:`bilateral.energy.owid.comparison_table`)."""
    gas = cmp[cmp["indicator"].str.startswith("gas") & (cmp["n_years"] > 0)]
    if gas.empty:
        return ""
    owid_end = max((int(o.last_valid_index()) for _, _, o, _ in items if o.notna().any()), default=None)
    ei_end = max((int(e.last_valid_index()) for _, _, _, e in items if e.notna().any()), default=None)
    later = owid_end is not None and ei_end is not None and owid_end > ei_end

    def what(r) -> str:
        return f"{fmt.poss(display_name(r['iso3']))} {OWID_LABELS[r['indicator']]}"

    joined = [what(r) for _, r in gas.iterrows() if r["joined"]]
    apart = gas[~gas["joined"].astype(bool)]
    parts = []
    if joined:
        parts.append(
            f"Our World in Data's later edition extends {fmt.join_and(joined)} to {owid_end}"
            if later
            else f"Our World in Data's later edition agrees with the Energy Institute's series for {fmt.join_and(joined)}"
        )
    if not apart.empty:
        worst = apart["max_abs_difference_pct"].max()
        who = fmt.join_and(what(r) for _, r in apart.iterrows())
        text = f"for {who} the two editions differ by up to {fmt.num(worst, 1)}%, so they are drawn apart"
        parts.append(text if joined else text[0].upper() + text[1:])
    return "; ".join(parts) + "."


def owid_oil_title(P, oil: Sequence[tuple[str, str, pd.Series, pd.Series]]) -> str:
    """The supplier's oil production and consumption in OWID's series, with the production peak."""
    parts = []
    for _iso, ind, o, _ in oil:
        if not (o.fillna(0) != 0).any():  # none recorded is said as such
            parts.append(f"{OWID_LABELS[ind]} is zero in every year Our World in Data gives")
            continue
        phrase = peak_phrase(o, "TWh", 0) if ind == "oil_production" else trend_phrase(o, "TWh", 0)
        if phrase:
            parts.append(f"{OWID_LABELS[ind]} {phrase}")
    if not parts:
        return ""
    return _sentence(f"{fmt.poss(P.name_a)} " + "; its ".join(parts))


def comparators_title(frames: Sequence[tuple[str, pd.Series]], highlight: str) -> str:
    """Where the supplier's latest gas production stands among the producers shown."""
    last = {c: last_valid(s) for c, s in frames}
    if highlight not in last or last[highlight][0] is None:
        return ""
    y, v = last[highlight]
    name = display_name(highlight)
    if len(last) == 1:
        return f"{fmt.poss(name)} gas production was {amount(v, 'bcm')} in {y}."
    larger = [(c, yv) for c, yv in last.items() if c != highlight and yv[1] > v]
    n = len(last)
    if not larger:
        position = f"the largest of the {n} producers shown"
    elif len(larger) == n - 1:
        position = f"the smallest of the {n} producers shown"
    else:
        position = f"{fmt.ordinal(len(larger) + 1)} of the {n} producers shown"
    top_code, (top_y, top_v) = max(((c, yv) for c, yv in last.items() if c != highlight), key=lambda kv: kv[1][1])
    other = f"{display_name(top_code)} produced {amount(top_v, 'bcm')} in {top_y}"
    return f"{fmt.poss(name)} gas production, {amount(v, 'bcm')} in {y}, is {position}; {other}."


def buyer_title(P, wide_b: pd.DataFrame) -> str:
    """How the buyer's gas consumption changed, and its LNG imports in the last year."""
    cons = trend_phrase(wide_b[GAS_CONS], "bcm")
    if not cons:
        return ""
    text = f"{fmt.poss(P.name_b)} gas consumption {cons}"
    y, c = last_valid(wide_b[GAS_CONS])
    lng = wide_b[LNG_IMPORTS].get(y) if LNG_IMPORTS in wide_b else None
    if lng is not None and pd.notna(lng) and c > 0:
        text += f"; in {y} LNG imports equalled {fmt.pct(100 * lng / c)} of it"
    return _sentence(text)


def entries_annual_title(P, sh_a: pd.DataFrame, sup_a: pd.DataFrame, full: Sequence[int]) -> str:
    """How the supplier's share of the gas entering Türkiye changed over the full years (one series); for a
    supplier without an entry route, the largest source in the last full year."""
    a = P.country_a
    years = [y for y in full if y in sh_a.index]
    if not years:
        return ""
    if a in gas_routes.COUNTRY_SUPPLIERS:
        s = sh_a.loc[years, a].dropna()
        if s.empty:
            return ""
        phrase = trend_phrase(s, "%", 1).replace(" %", "%")
        return f"{fmt.poss(P.name_a)} share of the gas entering Türkiye {phrase}."
    y = years[-1]
    row = sup_a.loc[y, [k for k, _, _ in gas_routes.SUPPLIERS]]
    top = row.astype(float).idxmax()
    return (
        f"{gas_routes.supplier_label(top)} brought the most gas into Türkiye in {y}: "
        f"{amount(row[top] / gas_routes.MCM_PER_BCM, 'bcm', 2)} of {amount(sup_a.at[y, gas_routes.TOTAL] / gas_routes.MCM_PER_BCM, 'bcm', 2)}."
    )


def entries_monthly_title(P, rk_m: pd.DataFrame | None) -> str:
    """In how many months the supplier was the largest pipeline supplier, and since when."""
    if rk_m is None:
        return ""
    with_data = rk_m[(rk_m["n_suppliers"] > 0) & rk_m["reported"].fillna(False).astype(bool)]
    if with_data.empty:
        return ""
    n = len(with_data)
    top = with_data[with_data["rank"].fillna(0) == 1]
    if top.empty:
        return f"{P.name_a} was never the largest pipeline supplier in the {fmt.plural(n, 'month')} with a value."
    if len(top) == n:
        return f"{P.name_a} was the largest pipeline supplier in all {fmt.plural(n, 'month')} with a value."
    first = str(top.index[0])
    when = (
        f", in {fmt.date(first)}"
        if len(top) == 1
        else (f", the first time in {fmt.date(first)}" if first != str(with_data.index[0]) else "")
    )
    return f"{P.name_a} was the largest pipeline supplier in {len(top)} of the {n} months with a value{when}."


def press_volumes_title(P, vol: pd.DataFrame, label_a: str | None) -> str:
    """How the press figures for the supplier changed (gaps are years without a figure)."""
    if not label_a or label_a not in vol or vol[label_a].notna().sum() == 0:
        return ""
    return _sentence(
        f"in the press figures, the volume Türkiye imported from {label_a} {trend_phrase(vol[label_a], 'bcm', 2)}"
    )


def press_shares_title(P, shares: pd.DataFrame, label_a: str | None) -> str:
    """How the supplier's share calculated from press figures changed."""
    if not label_a or label_a not in shares or shares[label_a].notna().sum() == 0:
        return ""
    phrase = trend_phrase(shares[label_a], "%", 1).replace(" %", "%")
    return _sentence(f"calculated from press figures, {fmt.poss(label_a)} share of Türkiye's gas imports {phrase}")


def _concern(n: int) -> str:
    return "concerns" if n == 1 else "concern"


def timeline_title(ev: pd.DataFrame) -> str:
    """How many milestones there are, and which line most concern."""
    counts = {k: int((ev["lane"] == k).sum()) for k in PIPELINE_ORDER}
    counts = {k: v for k, v in counts.items() if v}
    span = fmt.years(int(ev["x"].min()), int(ev["x"].max()))
    if len(ev) == 1:
        lane = str(ev["lane"].iloc[0])
        return f"One energy milestone, in {span}" + (f", about {lane}." if lane in counts else ".")
    text = f"{fmt.plural(len(ev), 'energy milestone')}, {span}"
    if counts:
        top = max(counts.values())
        most = [k for k, v in counts.items() if v == top]
        text += (
            f": {top} {_concern(top)} {most[0]}, more than any other line"
            if len(most) == 1 and len(counts) > 1
            else ": " + fmt.join_and(f"{v} {_concern(v)} {k}" for k, v in counts.items())
        )
    others = int((ev["lane"] == OTHER_LANE).sum())
    if others:
        text += f"; {others} {_concern(others)} no single line"
    return _sentence(text)


def btc_title(thr: pd.DataFrame, cap: pd.Series) -> str:
    """The latest calendar-year throughput in million barrels against the line's capacity that year."""
    mb = thr[thr["unit"] == "million barrels"].sort_values("year", kind="mergesort")
    if mb.empty:
        return ""
    last = mb.iloc[-1]
    y = int(last["year"])
    text = (
        f"Oil {last['measure'].replace('carried', 'carried by BTC')}: {amount(last['value'], 'million barrels')} in {y}"
    )
    c = cap.get(y)
    if c is not None and pd.notna(c) and c > 0:
        ratio = 100 * last["value"] / c
        text += f", {fmt.pct(ratio)} of what its rated capacity allows over the year"
    return text + "."
