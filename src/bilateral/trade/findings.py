"""The trade report's key findings: each says, in plain words, what a number means for the relationship and how
sure one can be of it (why the two sides' records differ, what a share stands for in money, among how many
partners a rank is). Every number is computed; every sentence is written to hold for any pair and period.

The sections of the report give the detail in other words (:mod:`bilateral.trade.text`,
:mod:`bilateral.trade.paragraphs`), so that no sentence is printed twice.
"""

from __future__ import annotations

import math

import pandas as pd

from bilateral import fmt, ranks
from bilateral.countries import display_name
from bilateral.trade.amounts import adaptive, money, money_range, share_pct_text
from bilateral.trade.compute import (
    EXPORTS,
    balance_both_sides,
    coverage,
    gap_summary,
    mirror,
    recent_window,
    reporting_sides,
)
from bilateral.trade.importance import intensity_series, rank_among, shares, trade_to_gdp, world_imports
from bilateral.trade.press import latest_turnover

__all__ = [
    "AGREE_RANGE",
    "WIDE_RATIO",
    "balance_finding",
    "coverage_finding",
    "gdp_finding",
    "intensity_finding",
    "key_findings",
    "mirror_finding",
    "press_finding",
    "rank_finding",
    "ratio_text",
    "share_finding",
]

#: Importer's figure ÷ exporter's figure within which the two records "broadly agree" (freight, insurance and
#: timing explain a few per cent either way).
AGREE_RANGE = (0.8, 1.25)
#: Beyond this factor either way the two records "disagree widely".
WIDE_RATIO = 2.0


def ratio_text(r: float) -> str:
    """``ratio_text(0.158) == "0.16×"``; tiny ratios keep two significant digits (``"0.0012×"``), never "0.00×"."""
    return f"{adaptive(r, 2)}×"


def _agreement(r: float) -> str:
    """ "wide", "agree" or "differ" for an importer/exporter ratio."""
    if r < 1 / WIDE_RATIO or r > WIDE_RATIO:
        return "wide"
    if AGREE_RANGE[0] <= r <= AGREE_RANGE[1]:
        return "agree"
    return "differ"


def coverage_finding(cov: pd.DataFrame, n_years: int) -> str:
    """How much the comparison can rest on, from :func:`coverage`: "" when both sides report most years (the
    section lists any missing year), otherwise a sentence on what is missing and what that means."""
    present = cov.groupby("reporter", sort=False)["n_years"].sum()
    names = {r: display_name(r) for r in present.index}
    if (present == 0).all():
        a, b = names.values()
        return (
            f"There is nothing to compare: neither {a} nor {b} reports trade with the other to the IMF in this period."
        )
    silent = [r for r, n in present.items() if n == 0]
    if silent:
        other = next(r for r in present.index if r not in silent)
        return (
            f"Only {fmt.poss(names[other])} records exist for this pair: {names[silent[0]]} reports no trade with "
            f"{names[other]} to the IMF in this period, so every figure here is one side's account and cannot be "
            "checked against the other's."
        )
    thin = cov[cov["n_years"] < 0.75 * n_years]
    if thin.empty:
        return ""
    worst = int(thin["n_years"].min())
    who = fmt.join_and(dict.fromkeys(fmt.poss(names[r]) for r in thin["reporter"]))
    extent = (
        "give no figure at all for some flows"
        if worst == 0
        else f"cover some flows in as few as {worst} of the {n_years} years"
    )
    return f"The records are patchy: {who} {extent}, so comparisons rest on fewer years than the period spans."


def mirror_finding(P, g_ab: dict, g_ba: dict) -> str:
    """How far the two sides' records of the same trade differ, what that means, and how far either can be trusted
    (from the :func:`gap_summary` of each direction); "" when no year has both sides' figures."""
    dirs = [
        (x, i, g)
        for x, i, g in ((P.country_a, P.country_b, g_ab), (P.country_b, P.country_a, g_ba))
        if g["n_both"] and not math.isnan(g["latest_ratio"])
    ]
    if not dirs:
        return ""
    dirs.sort(key=lambda d: -abs(math.log(d[2]["latest_ratio"])) if d[2]["latest_ratio"] > 0 else -math.inf)
    (x, i, g), rest = dirs[0], dirs[1:]
    en, im, r, y = display_name(x), display_name(i), g["latest_ratio"], g["latest_year"]
    kind = _agreement(r)
    verb = {"wide": "disagree widely", "agree": "broadly agree", "differ": "differ"}[kind]
    text = (
        f"The two countries' records of the same trade {verb}: in {y}, {im} recorded imports from {en} of "
        f"{money(g['latest_importer_usd_m'])}, {ratio_text(r)} the {money(g['latest_exporter_usd_m'])} {en} recorded "
        f"as exports to {im}."
    )
    if kind == "agree":
        text += (
            " That is within what freight and insurance (imports are valued CIF, exports FOB) and timing explain, "
            "so either record gives a fair measure."
        )
    else:
        size = "this large" if kind == "wide" else "of this size"
        text += (
            " An importer's figure includes freight and insurance (CIF) and is normally a little above the exporter's "
            f"(FOB); a gap {size} means the two sides recorded different goods, partners or years, so neither figure "
            "is the true value and this report shows both."
        )
    for x2, i2, g2 in rest:
        text += (
            f" For trade the other way, from {display_name(x2)} to {display_name(i2)}, the importer's figure was "
            f"{ratio_text(g2['latest_ratio'])} the exporter's in {g2['latest_year']}."
        )
    return text


def _balance_words(v: float) -> str:
    if abs(v) < 0.05:
        return "balanced trade"
    return f"a {'surplus' if v > 0 else 'deficit'} of {money(abs(v))}"


def balance_finding(P, bal: pd.DataFrame) -> str:
    """Who runs a surplus, by each side's records, and whether the two agree (from :func:`balance_both_sides`)."""
    na, nb = P.name_a, P.name_b
    both = bal.dropna(subset=["a_records_usd_m", "b_records_usd_m"])
    if both.empty:
        for col, who in (("a_records_usd_m", na), ("b_records_usd_m", nb)):
            one = bal[col].dropna()
            if len(one):
                y = int(one.index.max())
                return (
                    f"Only {fmt.poss(who)} records give the balance, so it cannot be checked against the other side: "
                    f"they show {na} with {_balance_words(float(one[y]))} with {nb} in {y}."
                )
        return ""
    y = int(both.index.max())
    va, vb = float(both.at[y, "a_records_usd_m"]), float(both.at[y, "b_records_usd_m"])
    n = len(both)
    differ = int(((both["a_records_usd_m"] >= 0) != (both["b_records_usd_m"] >= 0)).sum())
    if (va >= 0) != (vb >= 0):
        text = (
            f"Whose records are read decides who runs the surplus: in {y}, {fmt.poss(na)} records give {na} "
            f"{_balance_words(va)} with {nb}, {fmt.poss(nb)} records {_balance_words(vb)}"
        )
    else:
        word = "a surplus" if va >= 0 else "a deficit"
        text = (
            f"Both records give {na} {word} with {nb} in {y}, of different size "
            f"({money(abs(va))} by {fmt.poss(na)} figures, {money(abs(vb))} by {fmt.poss(nb)})"
        )
    if n == 1:
        return text + "."
    if differ:
        return text + f"; the two point different ways in {differ} of the {n} years with both."
    return text + f"; they agree on the sign in every one of the {n} years with both."


def _export_share(frame: pd.DataFrame, partner: str) -> dict | None:
    rows = frame[(frame["partner"] == partner)].dropna(subset=["share_pct"])
    if rows.empty:
        return None
    row = rows.loc[rows["year"].idxmax()]
    year = int(row["year"])
    rank, n = rank_among(frame, partner, year)
    return {"year": year, "share": float(row["share_pct"]), "value": float(row["value_usd_m"]),
            "total": float(row["total_usd_m"]), "rank": rank, "n": n}  # fmt: skip


def share_finding(P, sh_ax: pd.DataFrame, sh_bx: pd.DataFrame) -> str:
    """How much each matters in the other's exports (each side's own figures), and what the shares stand for in
    money: a large share of a small total can be a smaller sum than a small share of a large one."""
    a, b, na, nb = P.country_a, P.country_b, P.name_a, P.name_b
    sa, sb = _export_share(sh_ax, b), _export_share(sh_bx, a)
    if sa is None and sb is None:
        return f"Neither side's figures give the other's share of its exports in {P.period}."
    same = sa is not None and sb is not None and sa["year"] == sb["year"]
    parts = []
    for s, partner, reporter in ((sa, nb, na), (sb, na, nb)):
        if s is None:
            parts.append(f"{fmt.poss(reporter)} figures give no share for {partner}")
            continue
        ranked = (
            f", {fmt.ordinal(s['rank'])} of the {s['n']} partners compared here" if s["rank"] and s["n"] > 1 else ""
        )
        when = "" if same else f" in {s['year']}"
        parts.append(
            f"{partner} took {share_pct_text(s['share'])} of {fmt.poss(reporter)} exports{when} "
            f"({fmt.poss(reporter)} figures{ranked})"
        )
    larger = max(s["share"] for s in (sa, sb) if s is not None)
    if larger < 1:
        lead = "Neither matters much in the other's exports: "
    elif sa and sb and sa["share"] > 2 * sb["share"]:
        lead = f"{nb} matters more in {fmt.poss(na)} exports than {na} in {fmt.poss(nb)}: "
    elif sa and sb and sb["share"] > 2 * sa["share"]:
        lead = f"{na} matters more in {fmt.poss(nb)} exports than {nb} in {fmt.poss(na)}: "
    else:
        lead = ""
    body = f"in {sa['year']}, " + " and ".join(parts) if same else "; ".join(parts)
    text = lead + body + "."
    text = text[0].upper() + text[1:]
    if sa and sb and sa["value"] > 0 and sb["value"] > 0:
        big, small = (sa, sb) if sa["share"] >= sb["share"] else (sb, sa)
        big_r, small_r = (na, nb) if big is sa else (nb, na)
        text += (
            f" In money, {share_pct_text(big['share'])} of {fmt.poss(big_r)} exports was {money(big['value'])} and "
            f"{share_pct_text(small['share'])} of {fmt.poss(small_r)} was {money(small['value'])}"
        )
        k = small["total"] / big["total"] if big["total"] else float("nan")
        text += (
            f": {fmt.poss(small_r)} exports as a whole were {adaptive(k, 0)} times {fmt.poss(big_r)}, so its smaller "
            "share stands for a comparable or larger sum."
            if k >= 2 and small["value"] >= 0.5 * big["value"]
            else "."
        )
    if sa:
        totals = sh_ax[(sh_ax["partner"] == b) & (sh_ax["year"] <= sa["year"])].set_index("year")["total_usd_m"]
        totals = totals.dropna()
        if len(totals) and totals.idxmax() != sa["year"] and sa["total"] <= 0.75 * totals.max():
            drop = 1 - sa["total"] / totals.max()
            text += (
                f" {fmt.poss(na)} exports as a whole were {fmt.pct(drop * 100, 0)} below their {int(totals.idxmax())} "
                "peak that year, so the same share stood for less trade than it would have then."
            )
    return text


def rank_finding(P, tr_ranks: pd.DataFrame, complete) -> str:
    """Where each ranks among all of the other's trading partners (not only the comparators), with the number of
    partners ranked; "" when neither side's trade with every partner is in the data."""
    found, missing = [], []
    for reporter, partner in ((P.country_a, P.country_b), (P.country_b, P.country_a)):
        if reporter not in complete:
            missing.append(display_name(reporter))
            continue
        y = ranks.latest_ranked_year(tr_ranks, reporter)
        if y is not None:
            t = tr_ranks[(tr_ranks["reporter"] == reporter) & (tr_ranks["flow"] == "total") & (tr_ranks["year"] == y)]
            found.append((display_name(reporter), display_name(partner), y, t.iloc[0].to_dict()))
    if not found:
        return ""
    same = len({y for _, _, y, _ in found}) == 1
    parts = []
    for nr, np_, y, r in found:
        when = "" if same else f" ({y})"
        if r["status"] == "ranked":
            parts.append(f"{np_} came {ranks.rank_words(r, 'partner')} in {fmt.poss(nr)} records{when}")
        else:
            n = fmt.plural(int(r["n_ranked"]), "partner")
            parts.append(f"{np_} was not among the {n} with recorded trade in {fmt.poss(nr)} records{when}")
    lead = "Ranked among all trading partners rather than the few compared here, by exports plus imports"
    text = f"{lead} in {found[0][2]}: " if same else f"{lead}: "
    text += fmt.join_and(parts) if same else "; ".join(parts)
    text += "."
    if missing:
        text += (
            f" No such rank can be given in {fmt.join_and(fmt.poss(m) for m in missing)} trade: the data hold the "
            "trade with every partner only for a few reporters."
        )
    return text


def intensity_finding(P, int_ab: pd.DataFrame, int_ba: pd.DataFrame, window: range) -> str:
    """Trade intensity in plain words: how much more (or less) each takes of the other's exports than its weight in
    world imports predicts, averaged over ``window``."""
    span = fmt.years(window.start, window.stop - 1)
    when = f"in {span}" if window.stop - window.start == 1 else f"over {span}"
    found = []
    for frame, importer, exporter in ((int_ab, P.name_b, P.name_a), (int_ba, P.name_a, P.name_b)):
        v = frame["intensity"].reindex(list(window)).dropna()
        if len(v):
            found.append((importer, exporter, float(v.mean())))
    if not found:
        return ""
    values = [m for _, _, m in found]
    if len(found) == 1:
        lead = "Allowing for size"
    elif all(v > 1 for v in values):
        lead = "Allowing for size, each takes more of the other's exports than expected"
    elif all(v < 1 for v in values):
        lead = "Allowing for size, each takes less of the other's exports than expected"
    else:
        lead = "Allowing for size, the two directions differ"
    (i1, x1, m1), rest = found[0], found[1:]
    text = (
        f"{lead}: {when}, {i1} took {adaptive(m1)} times the share of {fmt.poss(x1)} exports that its weight in world "
        "imports would predict"
    )
    for i2, x2, m2 in rest:
        text += f", and {i2} {adaptive(m2)} times the share of {fmt.poss(x2)}"
    return text + " (trade intensity index; 1 means exactly as predicted)."


def gdp_finding(P, gdp_a: pd.DataFrame, gdp_b: pd.DataFrame) -> str:
    """How much the bilateral trade weighs on each economy (each side's own trade figures against its GDP)."""
    latest = []
    for frame, name, other in ((gdp_a, P.name_a, P.name_b), (gdp_b, P.name_b, P.name_a)):
        v = frame["pct_gdp"].dropna()
        if len(v):
            y = int(v.index.max())
            latest.append((name, other, y, float(v[y])))
    if not latest:
        return ""
    same = len({y for _, _, y, _ in latest}) == 1
    parts = [
        f"trade with {o} equalled {adaptive(x, 2)}% of {fmt.poss(n)} GDP" + ("" if same else f" in {y}")
        for n, o, y, x in latest
    ]
    when = f"in {latest[0][2]}, " if same else ""
    if len(latest) == 1:
        return (when + parts[0])[0].upper() + (when + parts[0])[1:] + " (no ratio can be computed for the other side)."
    (n1, _, _, x1), (n2, _, _, x2) = latest
    if x1 > 3 * x2:
        lead = f"The relationship weighs far more on {fmt.poss(n1)} economy than on {fmt.poss(n2)}: "
    elif x2 > 3 * x1:
        lead = f"The relationship weighs far more on {fmt.poss(n2)} economy than on {fmt.poss(n1)}: "
    else:
        lead = "The relationship weighs on both economies to a similar degree: "
    return lead + when + fmt.join_and(parts) + " (each side's own trade figures)."


def press_finding(full: pd.DataFrame | None, a: str, b: str) -> str:
    """What the press figures after the IMF series add, and how far to trust them; "" without a press table."""
    if full is None:
        return ""
    latest = latest_turnover(full, a, b)
    if not latest:
        return "After the IMF series ends, the press figures collected here give no usable full-year turnover for the pair."
    parts = []
    for side, y, values in latest:
        who = f"{fmt.poss(display_name(side))} figures" if side else "side not stated"
        parts.append((y, f"{money_range(values)} for {y} ({who})"))
    parts.sort(key=lambda p: -p[0])
    return (
        "After the IMF series ends, only figures quoted in the press are available: the latest full-year turnover "
        f"they give is {fmt.join_and(p for _, p in parts)}. Each comes from one side and is not compiled like the "
        "IMF's series, so they show the order of magnitude, not a comparable series."
    )


def key_findings(
    P,
    dots: pd.DataFrame,
    macro: pd.DataFrame,
    full_press: pd.DataFrame | None = None,
    *,
    tr_ranks: pd.DataFrame | None = None,
    complete=None,
) -> list[str]:
    """The report's key findings for the pair and period of ``P``, each saying what the number means.

    Args:
        P: the report's parameters (pair, period, comparators, ``comparators_b`` and ``recent_years`` in ``P.extra``).
        dots: ``trade_bilateral`` rows; macro: the ``macro`` table (GDP).
        full_press: :func:`press_full_years` of the press table, or None when the pair has no press figures.
        tr_ranks, complete: :func:`bilateral.ranks.trade_ranks` and the reporters it ranks (computed if None).
    """
    a, b, years = P.country_a, P.country_b, list(P.years)
    comps_b = P.extra.get("comparators_b", ())
    window = recent_window(P.end_year, P.extra.get("recent_years", 5), P.start_year)
    if complete is None:
        complete = ranks.trade_complete_reporters(dots)
    if tr_ranks is None:
        tr_ranks = ranks.trade_ranks(dots, a, b, years, complete)
    cov = coverage(dots, a, b, years)
    findings = [coverage_finding(cov, len(years))]
    if reporting_sides(cov):
        m_ab, m_ba = mirror(dots, a, b, years), mirror(dots, b, a, years)
        findings.append(mirror_finding(P, gap_summary(m_ab), gap_summary(m_ba)))
        findings.append(balance_finding(P, balance_both_sides(dots, a, b, years)))
        sh_ax = shares(dots, a, [b, *P.comparators], EXPORTS, years)
        sh_bx = shares(dots, b, [a, *comps_b], EXPORTS, years)
        findings.append(share_finding(P, sh_ax, sh_bx))
        findings.append(rank_finding(P, tr_ranks, complete))
        m_w = world_imports(dots, years)
        int_ab, int_ba = intensity_series(dots, a, b, years, m_w), intensity_series(dots, b, a, years, m_w)
        findings.append(intensity_finding(P, int_ab, int_ba, window))
        findings.append(gdp_finding(P, trade_to_gdp(dots, macro, a, b, years), trade_to_gdp(dots, macro, b, a, years)))
    findings.append(press_finding(full_press, a, b))
    return [f for f in findings if f]
