"""Voeten's ideal points (``unga_idealpoints_voeten``): the country-year file, 1991 onwards."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral.countries import raw_row
from bilateral.errors import RawDataError
from bilateral.schema import ISO3_PATTERN
from bilateral.sources._raw import read_csv, to_number
from bilateral.sources.unga.common import IDEAL, IDEAL_FILE, START_DATE, serbia_succession

__all__ = ["read_ideal_points"]


def read_ideal_points(raw: Path) -> pd.DataFrame:
    """unga_ideal_points from Voeten's country-year file, 1991 onwards."""
    file = f"{IDEAL}/{IDEAL_FILE}"
    cols = {
        "idealpointfp": "ideal_point",
        "q5fp": "ideal_point_q5",
        "q95fp": "ideal_point_q95",
        "nvotesfp": "n_votes",
        "idealpointall": "ideal_point_all",
        "q5all": "ideal_point_all_q5",
        "q95all": "ideal_point_all_q95",
        "nvotesall": "n_votes_all",
    }
    df = read_csv(raw, IDEAL, IDEAL_FILE, required=["ccode", "iso3c", "year", *cols])
    for c in ("ccode", "year", *cols):
        df[c] = to_number(df, c, file=file)
    df = df[(df["year"] >= int(START_DATE[:4])) & df[["idealpointfp", "idealpointall"]].notna().any(axis=1)].copy()
    bad = ~df["iso3c"].fillna("").str.fullmatch(ISO3_PATTERN.strip("^$"))
    if bad.any():
        i = bad.idxmax()
        raise RawDataError(f"{file}: column 'iso3c', line {raw_row(i)}: {df.at[i, 'iso3c']!r} is not an ISO3 code")
    df["iso3"] = serbia_succession(df["iso3c"].astype("string"), df["year"].astype(int).astype(str) + "-07-01")
    out = df.rename(columns=cols)[["iso3", "year", "ccode", *cols.values()]].copy()
    for c in ("year", "ccode"):
        out[c] = out[c].astype("int64")
    for c in ("n_votes", "n_votes_all"):
        out[c] = out[c].round().astype("Int64")
    median = out.groupby("year")["n_votes"].transform("median")
    out["few_votes"] = (out["n_votes"] < 0.25 * median).fillna(True).astype(bool)
    return out.reset_index(drop=True)
