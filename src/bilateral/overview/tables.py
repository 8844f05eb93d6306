"""Display tables of the overview (formatted frames for :func:`bilateral.figures.table`)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from bilateral import citations, energy, fmt, gas_routes
from bilateral import events as evs
from bilateral import military as mil
from bilateral.countries import display_name
from bilateral.overview.config import ARMS_WINDOW, INDICATOR_LABELS, poss_name, share_text
from bilateral.overview.text import rank_of

__all__ = [
    "charted_table",
    "directional_window_table",
    "headline_table",
    "index_year_table",
    "sensitivity_table",
    "summary_sources",
    "timeline_table",
    "variant_ranks",
    "weights_when_first_table",
    "window_label",
    "window_table",
]


def _tiv(summary: dict) -> str:
    """TIV delivered, or "none recorded" (not "0.0 million")."""
    return f"{fmt.num(summary['tiv_m'])} million" if summary["tiv_m"] else "none recorded"


def _deals(summary: dict) -> str:
    """The number of deals behind a delivery total ("" when there is none)."""
    return fmt.plural(int(summary["n_deals"]), "deal") if summary["n_deals"] else ""


def headline_table(a: str, b: str, un: dict, arms: dict, gas: dict, tr: dict) -> pd.DataFrame:
    """The one-page summary's table: one row per headline number (the measure names its dimension and source),
    with its value, years and a note; a direction with no recorded delivery reads "none recorded", not "0.0 million"."""
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
                _tiv(arms["ba"]),
                span,
                _deals(arms["ba"]),
            )
        )
        rows.append(
            (
                "Military",
                f"Arms delivered {na} → {nb} (SIPRI TIV)",
                _tiv(arms["ab"]),
                span,
                _deals(arms["ab"]),
            )
        )
        s = arms["share_b"]
        if not pd.isna(s["share"]):
            note = (
                rank_of(arms["rank"], arms["n_suppliers"], "supplier")
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
    # the measure names its dimension, so the table needs no Dimension column (narrower on a phone)
    return pd.DataFrame([r[1:] for r in rows], columns=["Measure", "Value", "Period", "Note"])


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


def index_year_table(idx: pd.DataFrame, every: int = 1) -> pd.DataFrame:
    """Year × pair table of the index with its coverage, as text: ``0.62 (3)``; '–' where there is no index.

    Args:
        every: keep every ``every``-th year from the first, and the last year (1: every year).
    """
    wide_i = idx["index"].unstack("pair")
    wide_c = idx["coverage"].unstack("pair")
    order = list(dict.fromkeys(idx.index.get_level_values("pair")))
    out = pd.DataFrame(index=wide_i.index)
    for p in order:
        out[p] = [f"{v:.2f} ({int(c)})" if pd.notna(v) else "–" for v, c in zip(wide_i[p], wide_c[p])]
    out.index.name = "Year"
    if every > 1 and len(out):
        first, last = out.index.min(), out.index.max()
        out = out[[(y - first) % every == 0 or y == last for y in out.index]]
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
    normalised value, as text (``"26.1% → 0.26"``); each header names the indicator and its window's years (the
    caption says what the arms window's trailing shares cover, :func:`window_label`)."""
    out = pd.DataFrame({"Pair": raw_means.index})
    for c in raw_means.columns:
        w = windows.get(c)
        head = f"{INDICATOR_LABELS[c]}, {fmt.years(*w)}" if w else INDICATOR_LABELS[c]
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
    """Each directional share's mean over its indicator's window (the windows of :func:`window_table`), as text:
    the values the pair rule combines."""
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
                "Share": f"{display_name(s)} in {poss_name(r)} {what}",
                "Mean": fmt.pct(v * 100) if pd.notna(v) else "–",
            }
        )
    return pd.DataFrame(rows)


def sensitivity_table(summary: pd.DataFrame, base: pd.DataFrame, n_draws: int) -> pd.DataFrame:
    """The reader's sensitivity table: score and rank on the chosen weights, the share of the ``n_draws`` random
    weightings in which the pair ranks first, and the spread of its ranks (short headers; the caption explains them)."""
    return pd.DataFrame(
        {
            "Pair": summary.index,
            "Score": [f"{v:.2f}" if pd.notna(v) else "–" for v in base["score"]],
            "Indicators": base["coverage"].astype(int).to_numpy(),
            "Rank": [str(int(r)) if pd.notna(r) else "–" for r in summary["base_rank"]],
            "First in": [fmt.pct(v * 100) for v in summary["share_first"]],
            "Median rank": [f"{v:g}" for v in summary["median_rank"]],
            "90% of ranks": [
                f"{int(a)}–{int(b)}" if a != b else f"{int(a)}" for a, b in zip(summary["p5_rank"], summary["p95_rank"])
            ],
            "Best–worst": [f"{int(a)}–{int(b)}" for a, b in zip(summary["best_rank"], summary["worst_rank"])],
        }
    )


def variant_ranks(variants: Mapping[str, dict]) -> pd.DataFrame:
    """Pairs × variants: each pair's rank under each variant (a :func:`build_index` result per label)."""
    cols = {}
    for label, res in variants.items():
        cols[label] = [str(int(r)) if pd.notna(r) else "–" for r in res["base"]["rank"]]
    first = next(iter(variants.values()))
    return pd.DataFrame(cols, index=first["base"].index).reset_index().rename(columns={"pair": "Pair"})


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


def weights_when_first_table(wf: pd.DataFrame) -> pd.DataFrame:
    """Which weightings put each pair first: the mean drawn weight of each indicator in the draws where the pair
    ranks first (``wf``: the sensitivity analysis's ``weights_when_first``), as text."""
    shown = pd.DataFrame({"Pair first": wf.index})
    for k in wf.columns:
        shown[INDICATOR_LABELS[k]] = [f"{v:.2f}" for v in wf[k]]
    return shown


def charted_table(ev: pd.DataFrame, a: str, b: str, sources: pd.DataFrame) -> pd.DataFrame:
    """The events of the labelled timeline, numbered as on it: date, event (with its dimension and the other
    states it names) and its sources (whether they are independent, then outlet and date: :func:`bilateral.events.
    narrow_table`). Four columns, so that it fits a phone."""
    narrow = evs.narrow_table(evs.with_sourcing(timeline_table(ev, a, b), ev, sources))
    events = []
    for title, dim, codes in zip(ev["title"], ev["dimension"], ev["countries"]):
        others = sorted(evs.split_codes(codes) - {a, b})
        also = f"; also {fmt.join_and([display_name(c) for c in others])}" if others else ""
        events.append(f"{title} ({dim}{also})")
    return pd.DataFrame(
        {
            "No.": narrow["No."].to_numpy(),
            "Date": narrow["Date"].to_numpy(),
            "Event": events,
            "Sources": narrow["Source"].to_numpy(),
        }
    )
