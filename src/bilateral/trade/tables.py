"""Display tables of the trade report (formatted frames for :func:`bilateral.figures.table`): IMF estimates
marked "e", missing values "–"."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from bilateral import fmt, ranks
from bilateral.countries import display_name
from bilateral.trade.amounts import adaptive
from bilateral.trade.compute import latest_year_with
from bilateral.trade.importance import intensity_table, rank_among
from bilateral.trade.press import TURNOVER
from bilateral.trade.text import publisher_name, side_label

__all__ = [
    "ESTIMATE_MARK",
    "composition_table",
    "flagged",
    "intensity_tables",
    "mirror_table",
    "partner_shares_table",
    "press_side_by_side",
    "rank_table",
    "shares_table",
]


#: Marker shown after an IMF-estimated value in tables.
ESTIMATE_MARK = "e"


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
        column=[side_label(s, a, b) for s in full["side"]],
        text=[
            prefix[q] + f"{v:,.0f}" + (" †" if c else "")
            for v, q, c in zip(full["value_usd_m"], full["qualifier"], full["caution"])
        ],
    )
    table = df.groupby(["year", "Measure", "column"], sort=False)["text"].agg(" / ".join).unstack("column")
    columns = [side_label(a, a, b), side_label(b, a, b), "side not stated"]
    table = table.reindex(columns=[c for c in columns if c in table.columns])
    order = {"Turnover": 0, f"{display_name(a)} → {display_name(b)}": 1, f"{display_name(b)} → {display_name(a)}": 2}
    table = table.reset_index().rename(columns={"year": "Year"})
    table = table.sort_values(
        ["Year", "Measure"], key=lambda s: s.map(order) if s.name == "Measure" else s, kind="mergesort"
    )
    table.columns.name = None
    return table.fillna("–").reset_index(drop=True)


def partner_shares_table(P, sh_ax, sh_am, sh_bx, sh_bm, share_year: int) -> pd.DataFrame:
    """Both countries' :func:`shares_table` rows, each in its own latest year with a share (``share_year`` when
    it has none); a country without any share is left out."""
    tables = [
        shares_table(rep, x, m, latest_year_with(x, "share_pct") or share_year)
        for rep, x, m in ((P.country_a, sh_ax, sh_am), (P.country_b, sh_bx, sh_bm))
        if x["share_pct"].notna().any() or m["share_pct"].notna().any()
    ]
    return pd.concat(tables, ignore_index=True)


def intensity_tables(P, dots: pd.DataFrame, window: range) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mean trade intensity of each country's exports to the partner and to its comparison partners over
    ``window``: ``(shown, data)``, the table for the reader and the frame behind it."""
    comps_b = P.extra.get("comparators_b", ())
    tab_a = intensity_table(dots, P.country_a, [P.country_b, *P.comparators], window).assign(exporter=P.name_a)
    tab_b = intensity_table(dots, P.country_b, [P.country_a, *comps_b], window).assign(exporter=P.name_b)
    tab = pd.concat([tab_a, tab_b], ignore_index=True)
    shown = pd.DataFrame(
        {
            "Exports of": tab["exporter"],
            "To": [display_name(c) for c in tab["partner"]],
            f"Mean intensity, {fmt.years(window.start, window.stop - 1)}": [
                fmt.num(v, 2) for v in tab["mean_intensity"]
            ],
            "Years averaged": tab["n_years"],
        }
    )
    return shown, tab


def _when(year_label: object, period: object) -> str:
    """When a press statement applies, in the suite's date style: ``("2021", "Jan-May")`` reads "Jan–May 2021",
    ``("2020-2024", "5 years cumulative")`` "2020–2024, combined", ``("2022", "year (approx.)")`` "2022 (approx.)"."""
    year = re.sub(r"(?<=\d)-(?=\d)", "–", str(year_label).strip()) if pd.notna(year_label) else ""
    period = str(period).strip() if pd.notna(period) else ""
    months = re.fullmatch(r"([A-Z][a-z]{2})-([A-Z][a-z]{2})", period)
    if months and year.isdigit():
        return f"{months[1]}–{months[2]} {year}"
    if period in ("year", "unspecified", ""):
        return year
    if period == "year (approx.)":
        return f"{year} (approx.)"
    if "cumulative" in period:
        return f"{year}, combined"
    return f"{year}, {period}"


def composition_table(composition: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The press statements on the goods traded, as quoted, in five columns that fit a phone: when, direction,
    goods, value and source (whose figure, and the outlet that reported it). ``(shown, data)``, data sorted as
    shown and kept as collected."""
    comp = composition.sort_values(["year_start", "source_row"], kind="mergesort", na_position="last")

    def value(v, u) -> str:
        if pd.isna(v):
            return "–"
        if pd.notna(u) and str(u).strip() == "USD m":
            return fmt.usd_m(float(v))
        return f"{fmt.num(v, 1)} {u}" if pd.notna(u) else fmt.num(v, 1)

    def source(basis, outlet) -> str:
        basis, outlet = publisher_name(basis), publisher_name(outlet)
        return basis if not outlet or outlet == basis else f"{basis}; reported by {outlet}"

    shown = pd.DataFrame(
        {
            "When": [_when(y, p) for y, p in zip(comp["year_label"], comp["period"])],
            "Direction": [
                f"{display_name(x)} → {display_name(i)}" for x, i in zip(comp["exporter_iso3"], comp["importer_iso3"])
            ],
            "Goods": comp["product_group"],
            "Value": [value(v, u) for v, u in zip(comp["value"], comp["unit"])],
            "Source": [source(b, o) for b, o in zip(comp["basis"], comp["reported_by"])],
        }
    )
    return shown, comp


def mirror_table(P, m_ab: pd.DataFrame, m_ba: pd.DataFrame) -> pd.DataFrame:
    """Both directions by year, each as its exporter and its importer record it (US$ million, "e" for IMF
    estimates): two header rows, the direction above each country's record, so that it fits a phone. The ratios
    are charted and in the data file, not repeated here."""
    na, nb = P.name_a, P.name_b
    columns = pd.MultiIndex.from_tuples(
        [
            ("", "Year"),
            (f"{na} → {nb}", f"{fmt.poss(na)} exports"),
            (f"{na} → {nb}", f"{fmt.poss(nb)} imports"),
            (f"{nb} → {na}", f"{fmt.poss(nb)} exports"),
            (f"{nb} → {na}", f"{fmt.poss(na)} imports"),
        ]
    )
    values = [
        [str(int(y)) for y in m_ab.index],
        flagged(m_ab["exporter_reported_usd_m"], m_ab["exporter_is_estimate"]),
        flagged(m_ab["importer_reported_usd_m"], m_ab["importer_is_estimate"]),
        flagged(m_ba["exporter_reported_usd_m"], m_ba["exporter_is_estimate"]),
        flagged(m_ba["importer_reported_usd_m"], m_ba["importer_is_estimate"]),
    ]
    return pd.DataFrame(dict(zip(columns, values)), columns=columns)


def rank_table(P, tr_ranks: pd.DataFrame, years) -> pd.DataFrame:
    """:func:`bilateral.ranks.trade_rank_table` in long form, to fit a phone: one row per year and country whose
    records rank the other, with the rank by exports plus imports, by exports and by imports."""
    wide = ranks.trade_rank_table(tr_ranks, P.country_a, P.country_b, years)
    rows = []
    for i, (reporter, partner) in enumerate(((P.country_a, P.country_b), (P.country_b, P.country_a))):
        block = wide.iloc[:, 1 + 3 * i : 4 + 3 * i]
        label = f"{display_name(partner)} in {fmt.poss(display_name(reporter))} trade"
        for year, (total, exports, imports) in zip(wide["Year"], block.itertuples(index=False)):
            rows.append(
                {"Year": year, "Ranked": label, "Exports + imports": total, "Exports": exports, "Imports": imports}
            )
    return pd.DataFrame(rows, columns=["Year", "Ranked", "Exports + imports", "Exports", "Imports"])
