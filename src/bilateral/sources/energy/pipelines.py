"""Pipeline facts from the press table: short keys, numeric values and the date or text that came with them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral.sources._raw import read_csv, to_number
from bilateral.sources.energy.parsing import (
    date_in_text,
    period_kind,
    row_error,
    source_label,
    split_unit,
)
from bilateral.sources.energy.vocab import (
    PIPELINE_FILE,
    PIPELINES,
    PRESS,
)

__all__ = ["pipeline_facts"]


def pipeline_facts(raw: Path) -> pd.DataFrame:
    """Pipeline facts with short keys, numeric values and the date or text that came with them."""
    file = source_label(PRESS, PIPELINE_FILE)
    df = read_csv(
        raw,
        PRESS,
        PIPELINE_FILE,
        required=("pipeline", "attribute", "value", "unit", "reported_by", "url", "quote", "note"),
    )
    unknown = ~df["pipeline"].isin(list(PIPELINES))
    if unknown.any():
        first = unknown.idxmax()
        raise row_error(
            file,
            "pipeline",
            first,
            f"unknown pipeline {df.at[first, 'pipeline']!r}; add it to bilateral.sources.energy.vocab.PIPELINES",
        )
    units = df["unit"].map(split_unit)
    qualifier = units.str[1]
    ref_year = df["attribute"].str.extract(r"\b((?:19|20)\d{2})\b", expand=False)
    return pd.DataFrame(
        {
            "pipeline": df["pipeline"].map(lambda p: PIPELINES[p][0]),
            "pipeline_name": df["pipeline"].map(lambda p: PIPELINES[p][1]),
            "attribute": df["attribute"],
            "value": to_number(df, "value", file=file),
            "unit": units.str[0],
            "qualifier": qualifier,
            "event_date": qualifier.map(lambda q: date_in_text(q) if isinstance(q, str) else None),
            "reference_year": pd.to_numeric(ref_year).astype("Int64"),
            "period_kind": df["attribute"].map(period_kind),
            "value_as_reported": df["value"],
            "unit_as_reported": df["unit"],
            "source": df["reported_by"],
            "url": df["url"],
            "quote": df["quote"],
            "note": df["note"],
        }
    ).reset_index(drop=True)
