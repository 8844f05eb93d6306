"""Eurostat ``nrg_ti_gas``: Türkiye's gas imports as a reporter."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral.countries import map_names
from bilateral.sources._raw import read_csv, to_number
from bilateral.sources.energy.parsing import (
    parse_years,
    row_error,
    source_label,
)
from bilateral.sources.energy.vocab import (
    EUROSTAT,
    EUROSTAT_AGGREGATES,
    EUROSTAT_FILE,
)

__all__ = ["eurostat_turkiye"]


def eurostat_turkiye(raw: Path) -> pd.DataFrame:
    """Eurostat nrg_ti_gas rows with Türkiye as the reporter."""
    file = source_label(EUROSTAT, EUROSTAT_FILE)
    df = read_csv(raw, EUROSTAT, EUROSTAT_FILE, required=("siec", "partner", "unit", "reporter_geo", "year", "value"))
    reporter = map_names(df["reporter_geo"], file=file, column="reporter_geo", aggregates=EUROSTAT_AGGREGATES)
    df = df[reporter == "TUR"]
    wrong = df["unit"] != "Terajoule (gross calorific value - GCV)"
    if wrong.any():
        raise row_error(file, "unit", wrong.idxmax(), f"unit {df.at[wrong.idxmax(), 'unit']!r} is not TJ GCV")
    value = to_number(df, "value", file=file)
    return pd.DataFrame(
        {
            "year": parse_years(df, "year", file=file),
            "siec": df["siec"],
            "partner": df["partner"],
            "partner_iso3": map_names(df["partner"], file=file, column="partner", aggregates=("Total",)),
            "value_tj_gcv": value,
        }
    ).reset_index(drop=True)
