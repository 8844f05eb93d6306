"""Sentences on military expenditure: the latest spending and the ratio with the rival, the finding of the
spending chart, the states SIPRI's subset lacks, and SIPRI's footnote marks. Numbers are formatted with
:mod:`bilateral.fmt`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name
from bilateral.military.spending import change_pct, ratio_summary
from bilateral.military.text import ratio_text, year_spans

__all__ = [
    "MILEX_MARKS",
    "NO_SPENDING_DATA",
    "milex_finding",
    "milex_marks_text",
    "milex_missing_sentence",
    "milex_notes_text",
    "milex_sentence",
    "spending_lead_sentence",
]


def milex_sentence(ratio: pd.DataFrame, gdp: pd.DataFrame, a: str, rival: str) -> str:
    """A sentence on the latest spending of ``a`` and ``rival`` and their ratio."""
    summ = ratio_summary(ratio)
    na, nr = display_name(a), display_name(rival)
    if summ["latest_year"] is None:
        return f"SIPRI's spending figures do not allow {fmt.poss(na)} spending to be compared with {fmt.poss(nr)} for these years."
    y = summ["latest_year"]

    def gdp_of(c: str) -> str | None:
        v = gdp.at[y, c] if c in gdp and y in gdp.index else np.nan
        return None if pd.isna(v) else f"{fmt.num(v)}% of GDP"

    ga, gr = gdp_of(a), gdp_of(rival)
    return (
        f"In {y} {na} spent {fmt.usd_m(ratio.at[y, a])} on its military (constant 2023 US${'; ' + ga if ga else ''}) and {nr} "
        f"{fmt.usd_m(ratio.at[y, rival])}{f' ({gr})' if gr else ''}: {fmt.poss(na)} spending was "
        f"{ratio_text(summ['latest'])} {fmt.poss(nr)}."
        + (
            f" Over the {summ['n_years']} years with data for both, the ratio ranged from "
            f"{ratio_text(summ['min'])} ({summ['min_year']}) to {ratio_text(summ['max'])} ({summ['max_year']})."
            if summ["n_years"] > 1
            else ""
        )
    )


def spending_lead_sentence(ratio: pd.DataFrame, a: str, rival: str) -> str:
    """Since when ``a`` has spent more (or less) than ``rival`` in every year with figures for both, from a
    :func:`~bilateral.military.spending.spending_ratio` frame; "" when the latest ratio is exactly 1 or there is
    no ratio.

    Example: "Azerbaijan has outspent Armenia in every year with figures for both since 1998."
    """
    r = ratio["ratio"].dropna()
    if r.empty or r.iloc[-1] == 1:
        return ""
    above = bool(r.iloc[-1] > 1)
    same = (r > 1) if above else (r < 1)
    breaks = same[~same]
    start = int(r.index[0]) if breaks.empty else int(same[same.index > breaks.index[-1]].index[0])
    na, nr = display_name(a), display_name(rival)
    verb = f"outspent {nr}" if above else f"spent less than {nr}"
    if len(r) == 1:
        return ""
    if breaks.empty:
        return f"{na} {'outspent' if above else 'spent less than'} {nr} in each of the {fmt.integer(len(r))} years with figures for both."
    if start == int(r.index[-1]):
        return ""
    return f"{na} has {verb} in every year with figures for both since {start}."


def milex_finding(const: pd.DataFrame, gdp: pd.DataFrame) -> str:
    """The finding a military-expenditure chart shows, as its caption's first sentence: in the last year with a
    figure, who spent the most in constant US$ and who the largest share of GDP ("" without figures).

    Args:
        const: spending in constant US$ million, one column per state (ISO3), indexed by year.
        gdp: spending as % of GDP, same shape.

    Example: "In 2024 Türkiye spent the most (US$25.0 billion, constant 2023 prices); Azerbaijan spent the
    largest share of its GDP (5.0%)."
    """
    money = const.dropna(how="all")
    if money.empty:
        return ""
    year = money.index.max()
    row = money.loc[year].dropna()
    top = row.idxmax()
    share = gdp.loc[year].dropna() if year in gdp.index else pd.Series(dtype=float)
    if len(row) == 1:
        text = f"In {int(year)} {display_name(top)} spent {fmt.usd_m(float(row[top]))} (constant 2023 prices)"
        return text + (f", {fmt.pct(float(share[top]))} of its GDP." if top in share.index else ".")
    text = f"In {int(year)} {display_name(top)} spent the most ({fmt.usd_m(float(row[top]))}, constant 2023 prices)"
    if len(share):
        high = share.idxmax()
        text += (
            f" and also the largest share of its GDP ({fmt.pct(float(share[high]))})"
            if high == top
            else f"; {display_name(high)} spent the largest share of its GDP ({fmt.pct(float(share[high]))})"
        )
    return text + "."


#: The sentence that replaces the spending chart when none of the states is in SIPRI's subset.
NO_SPENDING_DATA = "None of the chosen countries is in the spending data."


def milex_missing_sentence(absent: Sequence[str], milex: pd.DataFrame) -> str:
    """The states of the report that SIPRI's spending subset does not hold ("" when it holds them all)."""
    if not absent:
        return ""
    return (
        f"SIPRI's spending subset used here does not include {', '.join(display_name(c) for c in absent)}; "
        f"it holds {fmt.integer(milex['iso3'].nunique())} countries."
    )


#: SIPRI's special-note symbols in the milex workbook (its "Footnotes" sheet), paraphrased. SIPRI's
#: double vertical bar appears as U+2016 in the raw extract and as U+01C1 in some SIPRI files.
MILEX_MARKS: dict[str, str] = {
    "†": "the figures exclude military pensions",
    "‡": "the figures are for current spending only (capital spending excluded)",
    "§": "the figures are for the adopted budget, not actual spending",
    "¶": "the figures exclude spending on paramilitary forces",
    "‖": "the country changed or redenominated its currency during the period (local-currency figures are converted to the latest currency)",
    "ǁ": "the country changed or redenominated its currency during the period (local-currency figures are converted to the latest currency)",
}


def milex_marks_text(notes: dict[str, str]) -> str:
    """A sentence listing SIPRI's footnote marks per country and explaining the symbols that occur.

    Args:
        notes: ``{iso3: marks}`` as from :func:`~bilateral.military.compute.milex_notes` (e.g. ``{"AZE": "‖7"}``).

    Returns:
        "" when there are no marks. Numbered notes are country-specific and only pointed to.

    Example:
        >>> milex_marks_text({"ARM": "†6"})
        "SIPRI attaches footnote marks to these series (Armenia †6). In SIPRI's footnotes, † means that the figures exclude military pensions; numbered notes are country-specific and are given in SIPRI's footnotes."
    """
    if not notes:
        return ""
    listing = "; ".join(f"{display_name(c)} {v}" for c, v in notes.items())
    present = "".join(notes.values())
    symbols = [s for s in MILEX_MARKS if s in present]
    explained = "; ".join(f"{s} means that {MILEX_MARKS[s]}" for s in symbols)
    unknown = sorted(
        {ch for ch in present if not ch.isdigit() and not ch.isspace() and ch not in MILEX_MARKS and ch != ","}
    )
    clauses = [f"In SIPRI's footnotes, {explained}"] if explained else []
    if unknown:
        clauses.append(f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} explained in SIPRI's footnotes")
    if any(ch.isdigit() for ch in present):
        clauses.append("numbered notes are country-specific and are given in SIPRI's footnotes")
    tail = "; ".join(clauses)
    return f"SIPRI attaches footnote marks to these series ({listing})." + (
        f" {tail[0].upper()}{tail[1:]}." if tail else ""
    )


def milex_notes_text(const: pd.DataFrame, gaps: dict[str, list[int]], notes: dict[str, str]) -> str:
    """The paragraph under the spending table: the change from the first to the last year with data, the
    years without a figure (``gaps``, :func:`bilateral.periods.gap_years`) and SIPRI's footnote marks
    (:func:`milex_marks_text`); "" when there is nothing to say."""
    extra = []
    if gaps:
        extra.append(
            "Years without a constant-US$ figure: "
            + "; ".join(f"{display_name(c)} {year_spans(v)}" for c, v in gaps.items())
            + "."
        )
    if notes:
        extra.append(milex_marks_text(notes))
    changes = {c: change_pct(const[c]) for c in const.columns}
    changes = {c: v for c, v in changes.items() if v[2] is not None}
    if changes:
        extra.insert(
            0,
            "Change in spending at constant 2023 prices between the first and last year with data: "
            + "; ".join(
                f"{display_name(c)} {'+' if ch >= 0 else ''}{fmt.pct(ch, 0)} ({fmt.years(y0, y1)})"
                for c, (y0, y1, ch) in changes.items()
            )
            + ".",
        )
    return " ".join(extra)
