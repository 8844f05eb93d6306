"""Energy Institute Statistical Review 2023: the country series and the 2022 gas trade matrices, in long form."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral.countries import check_same_codes, map_names
from bilateral.sources._raw import read_csv, to_number
from bilateral.sources.energy.parsing import (
    label_kind,
    parse_years,
    row_error,
    source_label,
)
from bilateral.sources.energy.vocab import (
    EI,
    EI_INDICATORS,
    EI_SERIES_AGGREGATES,
    EI_SERIES_FILE,
    EI_TRADE_FILE,
    EI_TRADE_MODES,
    EI_TRADE_REGIONS,
    EI_TRADE_TOTALS,
)

__all__ = ["ei_gas_trade", "ei_series"]


def ei_series(raw: Path) -> pd.DataFrame:
    """The EI country series in long form: countries and WLD, one indicator per sheet, n/a cells dropped."""
    file = source_label(EI, EI_SERIES_FILE)
    df = read_csv(raw, EI, EI_SERIES_FILE, required=("sheet", "unit", "country", "code", "year", "value", "note"))
    unknown = ~df["sheet"].isin(list(EI_INDICATORS))
    if unknown.any():
        first = unknown.idxmax()
        raise row_error(
            file,
            "sheet",
            first,
            f"sheet {df.at[first, 'sheet']!r} has no indicator name in bilateral.sources.energy.vocab.EI_INDICATORS",
        )
    expected_unit = df["sheet"].map({k: v[1] for k, v in EI_INDICATORS.items()})
    wrong = df["unit"] != expected_unit
    if wrong.any():
        first = wrong.idxmax()
        raise row_error(
            file,
            "unit",
            first,
            f"unit {df.at[first, 'unit']!r} differs from {expected_unit[first]!r} expected for sheet {df.at[first, 'sheet']!r}",
        )
    iso = map_names(df["country"], file=file, column="country", aggregates=EI_SERIES_AGGREGATES)
    check_same_codes(iso[iso.notna()], df.loc[iso.notna(), "code"], file=file, column="code")
    value = to_number(df, "value", file=file)
    out = pd.DataFrame(
        {
            "iso3": iso,
            "year": parse_years(df, "year", file=file),
            "indicator": df["sheet"].map({k: v[0] for k, v in EI_INDICATORS.items()}),
            "value": value,
            "unit": df["unit"],
            "ei_sheet": df["sheet"],
        }
    )
    keep = iso.notna() & value.notna()
    return out[keep].reset_index(drop=True)


def ei_gas_trade(raw: Path) -> pd.DataFrame:
    """The 2022 gas trade matrices (pipeline and LNG) in long form, labels kept, ISO3 where a label is a country."""
    file = source_label(EI, EI_TRADE_FILE)
    df = read_csv(raw, EI, EI_TRADE_FILE, required=("sheet", "unit", "year", "from_exporter", "to_importer", "value"))
    unknown = ~df["sheet"].isin(list(EI_TRADE_MODES))
    if unknown.any():
        first = unknown.idxmax()
        raise row_error(file, "sheet", first, f"unknown trade sheet {df.at[first, 'sheet']!r}")
    wrong = df["unit"] != "Billion cubic metres"
    if wrong.any():
        first = wrong.idxmax()
        raise row_error(file, "unit", first, f"unit {df.at[first, 'unit']!r} is not 'Billion cubic metres'")
    years = parse_years(df, "year", file=file)
    if (years != 2022).any():
        first = (years != 2022).idxmax()
        raise row_error(file, "year", first, f"year {df.at[first, 'year']!r} is not 2022")
    skip = EI_TRADE_REGIONS + EI_TRADE_TOTALS
    exp_iso = map_names(df["from_exporter"], file=file, column="from_exporter", aggregates=skip)
    imp_iso = map_names(df["to_importer"], file=file, column="to_importer", aggregates=skip)
    volume = to_number(df, "value", file=file)
    if volume.isna().any():
        raise row_error(file, "value", volume.isna().idxmax(), "empty value")
    return pd.DataFrame(
        {
            "mode": df["sheet"].map(EI_TRADE_MODES),
            "exporter": df["from_exporter"],
            "importer": df["to_importer"],
            "exporter_iso3": exp_iso,
            "importer_iso3": imp_iso,
            "exporter_kind": label_kind(df["from_exporter"], exp_iso),
            "importer_kind": label_kind(df["to_importer"], imp_iso),
            "volume_bcm": volume,
            "ei_sheet": df["sheet"],
        }
    )
