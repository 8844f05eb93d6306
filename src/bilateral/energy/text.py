"""Energy report, text: computed sentences and key findings (numbers formatted with :mod:`bilateral.fmt`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, gas_routes
from bilateral.countries import display_name
from bilateral.energy.compute import (
    GAS_CONS,
    GAS_PROD,
    OIL_PROD,
    PRESS_BUYER,
    TOTAL_LABEL,
    TRADE_YEAR,
    first_valid,
    last_valid,
    peak,
    share_pct,
    year_list,
)
from bilateral.energy.owid import JOIN_TOLERANCE_PCT, OWID_LABELS
from bilateral.energy.pipelines import reaching
from bilateral.energy.press import series_source

__all__ = [
    "amount",
    "buyer_notes",
    "change_verb",
    "crude_sentence",
    "eurostat_sentence",
    "flow_2022_sentence",
    "iea_vs_press_sentence",
    "join_sentence",
    "join_sentences",
    "owid_values_sentence",
    "owid_zero_sentence",
    "peak_phrase",
    "production_sentence",
    "reach_sentence",
    "share_gap_sentence",
    "trend_phrase",
]

# ---------------------------------------------------------------------------------------------
# Sentences (numbers formatted with bilateral.fmt)
# ---------------------------------------------------------------------------------------------


def production_sentence(wide: pd.DataFrame, a: str) -> str:
    """Oil and gas production of the supplier: first and last year of the period, oil peak."""
    na = display_name(a)
    parts = []
    y0, g0 = first_valid(wide[GAS_PROD])
    y1, g1 = last_valid(wide[GAS_PROD])
    if y1 is not None:
        parts.append(
            f"{na}'s gas production was {fmt.num(g1)} bcm in {y1}"
            + (f", against {fmt.num(g0)} bcm in {y0}" if y0 != y1 else "")
        )
    py, pv = peak(wide[OIL_PROD])
    oy, ov = last_valid(wide[OIL_PROD])
    if oy is not None:
        text = f"oil production was {fmt.integer(ov)} thousand barrels a day in {oy}"
        if py is not None and py != oy:
            text += (
                f", down from a peak of {fmt.integer(pv)} in {py}" if ov < pv else f" (peak {fmt.integer(pv)} in {py})"
            )
        parts.append(text)
    if not parts:
        return f"The Energy Institute series here give no oil or gas production for {na} in the period."
    return "; ".join(parts) + " (Energy Institute)."


def crude_sentence(oil: pd.Series, crude: pd.Series) -> str:
    """What the Review's oil production covers, with crude oil and condensate alone in the last year with both."""
    both = pd.concat([oil.rename("oil"), crude.rename("crude")], axis=1).dropna()
    text = "The Review's oil production counts natural gas liquids as well as crude oil and condensate"
    if both.empty:
        return text + "."
    y = int(both.index[-1])
    return (
        text
        + f"; crude oil and condensate alone were {fmt.integer(both.at[y, 'crude'])} thousand barrels a day in {y}, "
        f"against {fmt.integer(both.at[y, 'oil'])} in all."
    )


def join_sentence(row: pd.Series) -> str:
    """Whether a series pair was joined, and why, with the largest difference in the overlap."""
    what = f"{display_name(row['iso3'])}'s {OWID_LABELS[row['indicator']]}"
    if not row["n_years"]:
        return f"{what}: the Energy Institute 2023 extract has no series in exajoules to compare with, so OWID's series is shown on its own."
    worst = f"the largest difference is {fmt.num(row['max_abs_difference_pct'], 1)}%, in {int(row['year_of_max'])}"
    if row["joined"]:
        return f"{what}: OWID and the Energy Institute 2023 agree within {fmt.num(JOIN_TOLERANCE_PCT, 0)}% in each of {row['years']} ({worst}), so OWID's later years extend the Energy Institute series."
    return (
        f"{what}: the two differ by more than {fmt.num(JOIN_TOLERANCE_PCT, 0)}% in at least one year of {row['years']} ({worst}; OWID uses a later edition "
        "of the Review, which revised back years), so they are shown apart and not joined."
    )


# ---------------------------------------------------------------------------------------------
# Section sentences
# ---------------------------------------------------------------------------------------------


def join_sentences(cmp: pd.DataFrame) -> str:
    """:func:`join_sentence` for every row of :func:`bilateral.energy.owid.comparison_table`, as a list."""
    return "\n".join(f"- {join_sentence(r)}" for _, r in cmp.iterrows())


def flow_2022_sentence(P, flow_ab: pd.DataFrame, sup_a: pd.DataFrame) -> str:
    """The 2022 flow from supplier to buyer in each EI matrix (or why there is none), with the IEA figure beside it."""
    parts = []
    for _, r in flow_ab.iterrows():
        what = "pipeline" if r["mode"] == "pipeline" else "LNG"
        if pd.notna(r["volume_bcm"]) and r["upper_bound"]:  # the group that includes the buyer (explained above)
            parts.append(
                f"by {what}: {fmt.num(r['volume_bcm'], 2)} bcm to '{r['label']}', an upper bound for {P.name_b}"
            )
        elif pd.notna(r["volume_bcm"]):
            parts.append(f"by {what}: {fmt.num(r['volume_bcm'], 2)} bcm" + (f" ({r['note']})" if r["note"] else ""))
        else:
            parts.append(f"by {what}: no figure ({r['note']})")
    text = f"**{P.name_a} to {P.name_b} in {TRADE_YEAR} (EI trade matrices):** " + "; ".join(parts) + "."
    a = P.country_a
    iea = P.country_b == PRESS_BUYER and a in gas_routes.COUNTRY_SUPPLIERS
    if iea and TRADE_YEAR in sup_a.index and pd.notna(sup_a.at[TRADE_YEAR, a]):
        text += (
            f" For comparison, the IEA's Gas Trade Flows record {fmt.num(sup_a.at[TRADE_YEAR, a] / gas_routes.MCM_PER_BCM, 2)} bcm entering Türkiye "
            f"on {gas_routes.route_phrase(a)} in {TRADE_YEAR} (see the section on entry routes)."
        )
    return text


def buyer_notes(P, wide_b: pd.DataFrame, press_total: pd.Series | None) -> list[str]:
    """The buyer's net-import proxy (consumption minus production) and how press-reported imports compare
    with EI consumption."""
    out = []
    if wide_b[GAS_PROD].notna().any():
        proxy = share_pct(wide_b[GAS_CONS] - wide_b[GAS_PROD], wide_b[GAS_CONS])
        y, v = last_valid(proxy)
        out.append(
            f"Consumption minus production, a proxy for net imports that ignores stock changes, was {fmt.pct(v)} of {P.name_b}'s consumption in {y}."
        )
    if press_total is not None and press_total.notna().any():
        ratio = share_pct(press_total, wide_b[GAS_CONS]).dropna()
        out.append(
            f"In the {len(ratio)} years with both figures ({year_list(ratio.index)}), the press-reported imports equal "
            f"{fmt.pct(ratio.min(), 0)} to {fmt.pct(ratio.max(), 0)} of the consumption the Energy Institute records. The two come from different "
            "sources and need not match: imports also feed storage and re-exports, and volumes may be measured at different reference conditions."
        )
    return out


def iea_vs_press_sentence(P, d: pd.DataFrame, monthly: pd.DataFrame | None) -> str:
    """How often the IEA and the press agree within 1%, the largest gap, and single months quoted in the press."""
    big = d.loc[d["difference_bcm"].abs().idxmax()]
    close = int((d["difference_pct"].abs() <= 1).sum())
    who = "total entries" if big["supplier"] == gas_routes.TOTAL else gas_routes.supplier_label(big["supplier"])
    text = (
        f"In {close} of the {len(d)} comparisons the two differ by 1% or less; the largest gap is "
        f"{who} in {int(big['year'])} "
        f"({fmt.num(big['iea_bcm'], 2)} bcm IEA against {fmt.num(big['press_bcm'], 2)} bcm in the press)."
    )
    if monthly is not None and not monthly.empty:
        where = "at Türkgözü" if P.country_a == "AZE" else "in the IEA series"
        text += (
            " Single months quoted in the press: "
            + "; ".join(
                f"{fmt.date(r['month'])}, {fmt.num(r['press_mcm'], 2)} mcm in the press against {fmt.num(r['iea_mcm'], 2)} mcm {where}"
                for _, r in monthly.iterrows()
            )
            + "."
        )
    return text


def share_gap_sentence(share_diff: pd.DataFrame, imports: pd.DataFrame) -> str:
    """How far calculated and reported press shares differ, and why the largest gap arises."""
    d = share_diff.iloc[0]
    y, lab = int(d["year"]), str(d["supplier"])
    who_v, who_t = series_source(imports, lab, y), series_source(imports, TOTAL_LABEL, y)
    gaps = share_diff["difference_pp"].abs()
    return (
        f"In the {len(share_diff)} cases with both, calculated and reported shares differ by {fmt.num(gaps.min(), 1)} to "
        f"{fmt.num(gaps.max(), 1)} percentage points (reported shares are often rounded). "
        f"The largest gap is {lab} in {y}: {fmt.pct(d['computed_pct'])} calculated against {fmt.pct(d['reported_pct'])} reported"
        + (
            f"; that year the volume comes from {who_v} and the total from {who_t}, two different publications, so the calculated share mixes them"
            if who_v and who_t and who_v != who_t
            else ""
        )
        + "."
    )


def eurostat_sentence(cross: pd.DataFrame) -> str:
    """How close Eurostat's and the press's shares for Russia are, and how steady the ratio of their totals is."""
    both = cross.dropna(subset=["eurostat_partner_share_pct", "press_partner_share_pct"])
    ratio = cross["implied_tj_per_bcm"].dropna()
    text = []
    if not both.empty:
        diff = (both["eurostat_partner_share_pct"] - both["press_partner_share_pct"]).abs()
        text.append(
            f"In the {len(both)} years with both ({year_list(both.index)}), Russia's share from Eurostat and from the press figures differ by at most "
            f"{fmt.num(diff.max(), 1)} percentage points."
        )
    if len(ratio) > 1:
        text.append(
            f"Eurostat's terajoules per press bcm stay between {fmt.integer(ratio.min())} and {fmt.integer(ratio.max())} in {year_list(ratio.index)}."
        )
    return " ".join(text)


def reach_sentence(P) -> str:
    """Which of the four lines cross or end in the buyer."""
    reach = reaching(P.country_b)
    if not reach:
        return f"None of the four lines crosses {P.name_b}; they are shown because they carry {P.name_a}'s oil and gas."
    return f"Of the four lines, {fmt.join_and(reach)} {'crosses or ends' if len(reach) == 1 else 'cross or end'} in {P.name_b}."


# ---------------------------------------------------------------------------------------------
# Words for a change over time (used by the key findings and the chart titles)
# ---------------------------------------------------------------------------------------------


def amount(v: float, unit: str, digits: int = 1) -> str:
    """``amount(34.137, "bcm") == "34.1 bcm"``; ``digits=0`` rounds to a whole number with thousands separators."""
    number = fmt.integer(v) if digits == 0 else fmt.num(v, digits)
    return f"{number} {unit}".strip()


def change_verb(v0: float, v1: float, rel_tol: float = 0.005) -> str:
    """``"rose"``, ``"fell"`` or ``"stayed at"`` (within ``rel_tol`` of the first value)."""
    if abs(v1 - v0) <= rel_tol * max(abs(v0), abs(v1)):
        return "stayed at"
    return "rose" if v1 > v0 else "fell"


def trend_phrase(s: pd.Series, unit: str, digits: int = 1) -> str:
    """How a yearly series changed from its first to its last value, or its one value; "" when it has none.

    >>> trend_phrase(pd.Series([9.66, None, 34.14], index=[1990, 1991, 2022]), "bcm")
    'rose from 9.7 bcm in 1990 to 34.1 bcm in 2022'
    >>> trend_phrase(pd.Series([5.0], index=[2020]), "bcm"), trend_phrase(pd.Series([5.0, 5.0], index=[2020, 2021]), "bcm")
    ('was 5.0 bcm in 2020', 'stayed at 5.0 bcm from 2020 to 2021')
    """
    y0, v0 = first_valid(s)
    y1, v1 = last_valid(s)
    if y1 is None:
        return ""
    if y0 == y1:
        return f"was {amount(v1, unit, digits)} in {y1}"
    verb = change_verb(v0, v1)
    if verb == "stayed at":
        return f"stayed at {amount(v1, unit, digits)} from {y0} to {y1}"
    return f"{verb} from {amount(v0, unit, digits)} in {y0} to {amount(v1, unit, digits)} in {y1}"


def peak_phrase(s: pd.Series, unit: str, digits: int = 1) -> str:
    """``"peaked at 1,037 kb/d in 2010 and was 685 kb/d in 2022"`` when the series' highest value lies before its
    last and above it; otherwise :func:`trend_phrase`."""
    py, pv = peak(s)
    y1, v1 = last_valid(s)
    if py is None or py == y1 or change_verb(pv, v1) == "stayed at":
        return trend_phrase(s, unit, digits)
    last = fmt.integer(v1) if digits == 0 else fmt.num(v1, digits)
    return f"peaked at {amount(pv, unit, digits)} in {py} and was {last} in {y1}"


def owid_values_sentence(items: Sequence[tuple[str, str, pd.Series, pd.Series]]) -> str:
    """The last value of each OWID series in one sentence (for a period too short to chart); "" without values.

    >>> owid_values_sentence([("AZE", "gas_production", pd.Series([377.6], index=[2024]), pd.Series(dtype=float))])
    "Our World in Data (TWh): Azerbaijan's gas production 378 in 2024."
    """
    parts = []
    for iso, ind, o, _ in items:
        y, v = last_valid(o)
        if y is not None:
            parts.append(f"{fmt.poss(display_name(iso))} {OWID_LABELS[ind]} {fmt.integer(v)} in {y}")
    return f"Our World in Data (TWh): {'; '.join(parts)}." if parts else ""


def owid_zero_sentence(items: Sequence[tuple[str, str, pd.Series, pd.Series]]) -> str:
    """The OWID series that are zero in every year they have, said as "none recorded" (they are not drawn)."""
    zero: dict[str, list[str]] = {}
    for iso, ind, o, _ in items:
        if o.notna().any() and not (o.fillna(0) != 0).any():
            zero.setdefault(iso, []).append(OWID_LABELS[ind])
    if not zero:
        return ""
    what = fmt.join_and(f"{fmt.join_and(inds, 'or')} for {display_name(iso)}" for iso, inds in zero.items())
    return f"Our World in Data records no {what}: its figures are zero in every year it gives, so nothing is drawn."
