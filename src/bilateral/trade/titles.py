"""The finding each chart of the trade report shows, as the first sentence of its caption (computed, true for any
pair and period): what the chart says, before the caption says what it draws. Kept short, and worded apart from
the key findings and the section text, so that no sentence is printed twice.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, ranks
from bilateral.countries import display_name
from bilateral.trade.amounts import adaptive, money, money_range
from bilateral.trade.findings import AGREE_RANGE, WIDE_RATIO, ratio_text
from bilateral.trade.importance import rank_among
from bilateral.trade.press import TURNOVER

__all__ = [
    "balance_title",
    "gdp_title",
    "intensity_title",
    "mirror_title",
    "press_title",
    "rank_lines_title",
    "ratio_title",
    "shares_title",
    "top_partners_title",
]


def _cap(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def mirror_title(g: dict, exporter: str, importer: str) -> str:
    """``"Türkiye's records show far less trade from Azerbaijan than Azerbaijan's: US$410.7 million against
    US$2.6 billion in 2020."`` (from :func:`gap_summary`)."""
    en, im = display_name(exporter), display_name(importer)
    r = g["latest_ratio"]
    if not g["n_both"] or math.isnan(r):
        return f"No year has both {fmt.poss(en)} and {fmt.poss(im)} figure for trade from {en} to {im}."
    xe, mi, y = money(g["latest_exporter_usd_m"]), money(g["latest_importer_usd_m"]), g["latest_year"]
    if AGREE_RANGE[0] <= r <= AGREE_RANGE[1]:
        return f"{fmt.poss(im)} and {fmt.poss(en)} records of this trade broadly agree: {mi} and {xe} in {y}."
    far = "far " if r < 1 / WIDE_RATIO or r > WIDE_RATIO else ""
    more = "less" if r < 1 else "more"
    return f"{fmt.poss(im)} records show {far}{more} trade from {en} than {fmt.poss(en)}: {mi} against {xe} in {y}."


def ratio_title(g_ab: dict, g_ba: dict, a: str, b: str) -> str:
    """The latest importer/exporter ratio of each direction, the one furthest from agreement first."""
    dirs = [
        (x, i, g)
        for x, i, g in ((a, b, g_ab), (b, a, g_ba))
        if g["n_both"] and not math.isnan(g["latest_ratio"]) and g["latest_ratio"] > 0
    ]
    if not dirs:
        return ""
    dirs.sort(key=lambda d: -abs(math.log(d[2]["latest_ratio"])))
    years = {g["latest_year"] for _, _, g in dirs}
    same = len(years) == 1
    parts = []
    for j, (x, i, g) in enumerate(dirs):
        of = " the exporter's" if j == 0 else ""
        when = "" if same else f" in {g['latest_year']}"
        parts.append(f"{ratio_text(g['latest_ratio'])}{of} for {display_name(x)} → {display_name(i)}{when}")
    lead = f"In {dirs[0][2]['latest_year']}, the importer's figure was " if same else "The importer's figure was "
    return lead + fmt.join_and(parts) + "."


def balance_title(bal: pd.DataFrame, a: str, b: str) -> str:
    """Whether the two records agree on who runs the surplus, over the last run of years in which they agree (or
    disagree) without a break."""
    na, nb = display_name(a), display_name(b)
    both = bal.dropna(subset=["a_records_usd_m", "b_records_usd_m"])
    if both.empty:
        return ""
    same = (both["a_records_usd_m"] >= 0) == (both["b_records_usd_m"] >= 0)
    years = [int(y) for y in both.index]
    last = bool(same.iloc[-1])
    start = years[-1]
    for y in reversed(years[:-1]):
        if y == start - 1 and bool(same.loc[y]) == last:
            start = y
        else:
            break
    when = f"in every year from {start} to {years[-1]}" if start < years[-1] else f"in {start}"
    if not last:
        return f"The two records give opposite answers to who ran the surplus {when}."
    word = "a surplus" if both["a_records_usd_m"].iloc[-1] >= 0 else "a deficit"
    return f"Both records show {na} with {word} in its trade with {nb} {when}."


def shares_title(P, sh_ax: pd.DataFrame, sh_bx: pd.DataFrame) -> str:
    """Where each partner stands among the partners compared, in the other's exports, in the latest year."""
    parts, seen = [], set()
    for frame, reporter, partner in ((sh_ax, P.country_a, P.country_b), (sh_bx, P.country_b, P.country_a)):
        rows = frame[frame["partner"] == partner].dropna(subset=["share_pct"])
        if rows.empty:
            continue
        y = int(rows["year"].max())
        when = "" if y in seen else f" in {y}"
        seen.add(y)
        rank, n = rank_among(frame, partner, y)
        nr, np_ = display_name(reporter), display_name(partner)
        if n < 2 or rank is None:
            continue
        year_rows = frame[(frame["year"] == y)].dropna(subset=["share_pct"])
        above = [display_name(p) for p in year_rows.sort_values("share_pct", ascending=False)["partner"]]
        above = [p for p in above if p != np_][: rank - 1] if rank > 1 else []
        if rank == 1:
            parts.append(f"no other partner compared took a larger share of {fmt.poss(nr)} exports than {np_}{when}")
        elif rank <= 3:
            parts.append(f"only {fmt.join_and(above)} took a larger share of {fmt.poss(nr)} exports than {np_}{when}")
        else:
            parts.append(
                f"{np_} came {fmt.ordinal(rank)} of the {n} partners compared in {fmt.poss(nr)} exports in {y}"
            )
    return _cap("; ".join(parts) + ".") if parts else ""


def top_partners_title(top: pd.DataFrame, reporter: str, partner: str, year: int, r: dict) -> str:
    """Where ``partner`` ranks among all of ``reporter``'s partners (a :func:`bilateral.ranks.rank_of` result ``r``),
    naming those ahead of it when there are few."""
    nr, np_ = display_name(reporter), display_name(partner)
    if r.get("status") != "ranked":
        return f"{np_} has no recorded trade in {fmt.poss(nr)} records for {year}."
    rank = int(r["rank"])
    ahead = [display_name(p) for p, k, ok in zip(top["partner"], top["rank"], top["ranked"]) if ok and int(k) < rank]
    text = f"{np_} ranked {ranks.rank_words(r, 'partner')} in {fmt.poss(nr)} trade in {year}"
    return text + (f", after {fmt.join_and(ahead)}." if 0 < len(ahead) <= 3 else ".")


def rank_lines_title(lines: Sequence[tuple[str, pd.DataFrame, str]]) -> str:
    """Each line's best rank over the period and when (from the frames drawn by :func:`plot_ranks`)."""
    parts = []
    for label, frame, _ in lines:
        ranked = frame.dropna(subset=["rank"])
        if ranked.empty:
            continue
        best = int(ranked["rank"].min())
        years = sorted(int(y) for y in ranked.loc[ranked["rank"] == best, "year"])
        when = fmt.join_and(years) if len(years) <= 3 else f"{len(years)} years, the last in {years[-1]}"
        parts.append(f"{label}, {fmt.ordinal(best)} ({when})")
    return f"Best ranks: {'; '.join(parts)}." if parts else ""


def intensity_title(P, int_ab: pd.DataFrame, int_ba: pd.DataFrame) -> str:
    """In how many years each index was above 1 (each took more of the other's exports than its size predicts)."""
    parts = []
    for frame, exporter, importer in ((int_ab, P.name_a, P.name_b), (int_ba, P.name_b, P.name_a)):
        v = frame["intensity"].dropna()
        if v.empty:
            continue
        k, n = int((v > 1).sum()), len(v)
        if n == 1:
            how = f"in {int(v.index[0])}" if k else f"not in {int(v.index[0])}"
        else:
            how = f"in every one of the {n} years with a value" if k == n else f"in {k} of the {n} years with a value"
        parts.append(f"for {fmt.poss(exporter)} exports to {importer} {how}")
    if not parts:
        return ""
    return f"The index was above 1 {'; '.join(parts)}."


def gdp_title(P, gdp_a: pd.DataFrame, gdp_b: pd.DataFrame) -> str:
    """How many times as large a share of one economy the bilateral trade is as of the other, in the latest year
    with both."""
    both = pd.concat([gdp_a["pct_gdp"], gdp_b["pct_gdp"]], axis=1, keys=["a", "b"]).dropna()
    both = both[(both["a"] > 0) & (both["b"] > 0)]
    if both.empty:
        return ""
    y = int(both.index.max())
    va, vb = float(both.at[y, "a"]), float(both.at[y, "b"])
    big, small, k = (P.name_a, P.name_b, va / vb) if va >= vb else (P.name_b, P.name_a, vb / va)
    if k < 1.5:
        return f"In {y} the trade was a similar share of both economies ({adaptive(va, 2)}% and {adaptive(vb, 2)}%)."
    return (
        f"In {y} the trade was {adaptive(k, 0)} times as large a share of {fmt.poss(big)} GDP as of {fmt.poss(small)}."
    )


def press_title(turnover: pd.DataFrame, full: pd.DataFrame, P) -> str:
    """How the press turnover figures after the IMF series compare with its last year, by each side's figures."""
    points = full[(full["measure"] == TURNOVER) & (full["caution"] == "")]
    last = turnover.dropna(how="all")
    if points.empty or last.empty:
        return ""
    y = int(last.index.max())
    dots = [float(v) for v in last.loc[y].dropna()]
    lo, hi = float(points["value_usd_m"].min()), float(points["value_usd_m"].max())
    if lo > max(dots):
        where = "all above"
    elif hi < min(dots):
        where = "all below"
    else:
        where = "around"
    years = fmt.years(int(points["year"].min()), int(points["year"].max()))
    return (
        f"Press figures for {years} ({money_range([lo, hi])}) are {where} the IMF-based turnover of {y} "
        f"({fmt.join_and(money(v) for v in dots)}, by each side's figures)."
    )
