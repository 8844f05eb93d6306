"""Türkiye's gas imports by supplier from the press tables: annual (with the importer-side series) and subannual.

Every raw row is kept; ``use_in_series`` (annual) and ``usable`` (subannual) mark the rows that enter a
series, and ``exclusion_reason`` says why any other row is left out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from bilateral.countries import map_names, raw_row
from bilateral.sources._raw import read_csv, to_number
from bilateral.sources.energy.decisions import PRESS_DECISIONS, SUBANNUAL_DECISIONS
from bilateral.sources.energy.parsing import (
    agree_when_rounded,
    decimals,
    find_flags,
    parse_period,
    parse_years,
    row_error,
    share_in_measure,
    side_of,
    source_label,
    split_supplier,
)
from bilateral.sources.energy.tables import GAS_IMPORTS
from bilateral.sources.energy.vocab import (
    IMPORTER_AUTHORITY,
    PRESS,
    PRESS_ANNUAL_FILE,
    PRESS_NON_COUNTRY,
    PRESS_SHARE_UNITS,
    PRESS_SUBANNUAL_FILE,
    PRESS_VOLUME_UNITS,
)

__all__ = ["press_gas_imports", "press_gas_imports_subannual"]


def _check_importer_is_turkiye(df: pd.DataFrame, *, file: str) -> None:
    iso = map_names(df["importer"], file=file, column="importer")
    if (iso != "TUR").any():
        first = (iso != "TUR").idxmax()
        raise row_error(file, "importer", first, f"importer {df.at[first, 'importer']!r} is not Türkiye")


def _read_press_gas(raw: Path, filename: str, extra: tuple[str, ...] = ()) -> tuple[pd.DataFrame, str]:
    file = source_label(PRESS, filename)
    required = (
        "year",
        *extra,
        "importer",
        "supplier",
        "value",
        "unit",
        "measure",
        "reported_by",
        "url",
        "quote",
        "note",
    )
    df = read_csv(raw, PRESS, filename, required=required)
    _check_importer_is_turkiye(df, file=file)
    return df, file


def press_gas_imports(raw: Path) -> pd.DataFrame:
    """Türkiye's annual gas imports by supplier from the press table, with the series flags.

    Raises:
        RawDataError: for an unparsable number, an unknown supplier or unit, a flagged row without a
            decision in :data:`PRESS_DECISIONS`, or two different figures competing for one series cell.
    """
    df, file = _read_press_gas(raw, PRESS_ANNUAL_FILE)
    parts = df["supplier"].map(split_supplier)
    supplier = parts.str[0]
    quantity = parts.str[1]
    scope = parts.str[2]
    value = to_number(df, "value", file=file)
    if value.isna().any():
        raise row_error(file, "value", value.isna().idxmax(), "empty value")
    known_units = set(PRESS_VOLUME_UNITS) | set(PRESS_SHARE_UNITS)
    bad_unit = ~df["unit"].isin(known_units) | ((quantity == "share") != df["unit"].isin(PRESS_SHARE_UNITS))
    if bad_unit.any():
        first = bad_unit.idxmax()
        raise row_error(
            file,
            "unit",
            first,
            f"unit {df.at[first, 'unit']!r} does not fit supplier label {df.at[first, 'supplier']!r}",
        )
    per_bcm = df["unit"].map(PRESS_VOLUME_UNITS).astype("float64")
    volume = (value / per_bcm).where(quantity == "volume")
    share = value.where(quantity == "share").fillna(df["measure"].map(share_in_measure))
    iso = map_names(pd.Series(supplier, index=df.index), file=file, column="supplier", aggregates=PRESS_NON_COUNTRY)
    out = pd.DataFrame(
        {
            "year": parse_years(df, "year", file=file),
            "supplier": supplier.astype("string"),
            "supplier_iso3": iso,
            "side": df["measure"].map(side_of),
            "importer_scope": scope,
            "quantity": quantity,
            "volume_bcm": volume,
            "share_pct": share,
            "value_as_reported": value,
            "unit_as_reported": df["unit"],
            "measure": df["measure"],
            "reported_by": df["reported_by"],
            "url": df["url"],
            "quote": df["quote"],
            "note": df["note"],
            "flag": [find_flags(n, m, s) for n, m, s in zip(df["note"], df["measure"], df["supplier"])],
            "raw_line": [raw_row(i) for i in df.index],
        },
        index=df.index,
    )
    reasons, notes = _series_reasons(df, out, file=file)
    out["exclusion_reason"] = reasons
    out["series_note"] = notes
    _resolve_duplicates(df, out, file=file)
    out["use_in_series"] = out["exclusion_reason"].isna()
    return out[GAS_IMPORTS.columns].reset_index(drop=True)


def _series_reasons(df: pd.DataFrame, out: pd.DataFrame, *, file: str) -> tuple[pd.Series, pd.Series]:
    """Why each row is kept out of the importer-side series (None if eligible), and notes on judged rows kept in."""
    reasons = pd.Series(None, index=out.index, dtype="object")
    notes = pd.Series(None, index=out.index, dtype="object")
    for i, row in out.iterrows():
        key = (int(row["year"]), df.at[i, "supplier"], df.at[i, "value"].strip())
        if key in PRESS_DECISIONS:
            use, why = PRESS_DECISIONS[key]
            if use:
                notes[i] = why
            else:
                reasons[i] = why
        elif row["side"] == "exporter":
            reasons[i] = "exporter-side figure (not comparable with the importer-side series)"
        elif row["importer_scope"] != "all importers":
            reasons[i] = "BOTAŞ only (excludes private importers)"
        elif row["quantity"] == "share":
            reasons[i] = "share only, no volume"
        elif pd.isna(row["volume_bcm"]):
            reasons[i] = f"reported in {row['unit_as_reported']}; not converted to bcm"
        elif re.search(r"lower bound", row["measure"], re.IGNORECASE):
            reasons[i] = "lower bound ('more than'), not a point value"
        elif row["flag"]:
            raise row_error(
                file, "note", i,
                f"row flagged {row['flag']} has no decision in bilateral.sources.energy.decisions.PRESS_DECISIONS "
                f"(key {key!r}); read the note and add one",
            )  # fmt: skip
    return reasons, notes


def _resolve_duplicates(df: pd.DataFrame, out: pd.DataFrame, *, file: str) -> None:
    """Keep one series row per supplier and year: the importer authority's, then the most precise.

    Competing figures are accepted only if they agree when rounded to the coarser one; otherwise
    a decision in :data:`PRESS_DECISIONS` is needed.
    """
    eligible = out[out["exclusion_reason"].isna()]
    for (_, _), group in eligible.groupby(["year", "supplier"], sort=True):
        if len(group) < 2:
            continue
        texts = [df.at[i, "value"].strip() for i in group.index]
        if not agree_when_rounded(texts):
            lines = ", ".join(str(raw_row(i)) for i in group.index)
            raise row_error(
                file,
                "value",
                group.index[0],
                f"competing series figures {texts} on lines {lines}; add a decision to PRESS_DECISIONS",
            )
        ranked = sorted(
            group.index,
            key=lambda i: (
                not IMPORTER_AUTHORITY.search(out.at[i, "reported_by"]),
                -decimals(df.at[i, "value"].strip()),
                i,
            ),
        )
        kept = ranked[0]
        for i in ranked[1:]:
            out.at[i, "exclusion_reason"] = (
                f"same figure as line {raw_row(kept)} ({df.at[kept, 'value'].strip()} bcm, {out.at[kept, 'reported_by']}), "
                "which is used: it cites the importer-side authority or is more precise"
            )
        out.at[kept, "series_note"] = (
            f"chosen over line(s) {', '.join(str(raw_row(i)) for i in ranked[1:])} (same figure, rounded)"
        )


def press_gas_imports_subannual(raw: Path) -> pd.DataFrame:
    """Türkiye's monthly, quarterly and year-to-date gas imports by supplier from the press table."""
    df, file = _read_press_gas(raw, PRESS_SUBANNUAL_FILE, extra=("period",))
    years = parse_years(df, "year", file=file)
    spans = []
    for i, period in df["period"].items():
        try:
            start, end, months = parse_period(period)
        except ValueError as exc:
            raise row_error(file, "period", i, str(exc)) from None
        if int(start[:4]) != years[i]:
            raise row_error(file, "period", i, f"period {period!r} does not start in year {years[i]}")
        spans.append((start, end, months))
    parts = df["supplier"].map(split_supplier)
    supplier, quantity = parts.str[0], parts.str[1].copy()
    value = to_number(df, "value", file=file)
    quantity[value.isna()] = "rank statement"
    known = set(PRESS_VOLUME_UNITS) | set(PRESS_SHARE_UNITS)
    bad_unit = value.notna() & (~df["unit"].isin(known) | ((quantity == "share") != df["unit"].isin(PRESS_SHARE_UNITS)))
    if bad_unit.any():
        first = bad_unit.idxmax()
        raise row_error(
            file,
            "unit",
            first,
            f"unit {df.at[first, 'unit']!r} does not fit supplier label {df.at[first, 'supplier']!r}",
        )
    per_bcm = df["unit"].map(PRESS_VOLUME_UNITS).astype("float64")
    iso = map_names(pd.Series(supplier, index=df.index), file=file, column="supplier", aggregates=PRESS_NON_COUNTRY)
    flags = [find_flags(n, m, s) for n, m, s in zip(df["note"], df["measure"], df["supplier"])]
    usable, reasons = [], []
    for i, flag in zip(df.index, flags):
        key = (df.at[i, "period"], df.at[i, "supplier"], str(df.at[i, "value"]).strip())
        if key in SUBANNUAL_DECISIONS:
            use, why = SUBANNUAL_DECISIONS[key]
        elif flag:
            raise row_error(
                file,
                "note",
                i,
                f"row flagged {flag} has no decision in bilateral.sources.energy.decisions.SUBANNUAL_DECISIONS (key {key!r})",
            )
        else:
            use, why = True, None
        usable.append(use)
        reasons.append(why)
    out = pd.DataFrame(
        {
            "year": years,
            "period": df["period"],
            "period_start": [s[0] for s in spans],
            "period_end": [s[1] for s in spans],
            "months": [s[2] for s in spans],
            "supplier": supplier,
            "supplier_iso3": iso,
            "side": df["measure"].map(side_of),
            "quantity": quantity,
            "volume_bcm": (value / per_bcm).where(quantity == "volume"),
            "share_pct": value.where(quantity == "share"),
            "value_as_reported": value,
            "unit_as_reported": df["unit"],
            "measure": df["measure"],
            "reported_by": df["reported_by"],
            "url": df["url"],
            "quote": df["quote"],
            "note": df["note"],
            "flag": flags,
            "usable": usable,
            "exclusion_reason": reasons,
            "raw_line": [raw_row(i) for i in df.index],
        },
        index=df.index,
    )
    return out.reset_index(drop=True)
