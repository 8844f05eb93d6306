"""Reading raw files with errors that name the file, the column and the row."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from bilateral.catalog import SOURCES
from bilateral.countries import raw_row
from bilateral.errors import MissingSourcesError, RawDataError
from bilateral.paths import RAW_DIR_ENV


def missing_sources(raw: Path, keys: Iterable[str]) -> list[str]:
    """List the raw folders and files among ``keys`` that are absent from ``raw``."""
    missing = []
    for key in keys:
        name = SOURCES[key].raw_folder
        folder = raw / name
        if not folder.is_dir():
            missing.append(f"{name}/ (whole folder)")
            continue
        missing.extend(f"{name}/{file}" for file in SOURCES[key].files if not (folder / file).is_file())
    return sorted(set(missing))


def require_sources(raw: Path, keys: Iterable[str]) -> None:
    """Raise :class:`MissingSourcesError` listing every absent folder or file, and how to fix it."""
    if not raw.is_dir():
        raise MissingSourcesError(
            f"raw sources folder {raw} does not exist. Point the pipeline at it with "
            f"{RAW_DIR_ENV}=/path/to/sources (default: ../shared/sources beside the repository)."
        )
    missing = missing_sources(raw, keys)
    if missing:
        listing = "\n  ".join(missing)
        raise MissingSourcesError(
            f"raw sources missing under {raw}:\n  {listing}\n"
            f"Set {RAW_DIR_ENV} to the folder that holds them (default: ../shared/sources). Nothing was written."
        )


def read_csv(raw: Path, key: str, filename: str, *, required: Iterable[str], **kwargs) -> pd.DataFrame:
    """Read a raw CSV (or .csv.gz) and check that the ``required`` columns are present.

    Every column is read as text unless ``dtype`` is given, so that numbers are parsed
    by :func:`to_number` with row-level errors.
    """
    path = raw / key / filename
    if not path.is_file():
        raise MissingSourcesError(f"{key}/{filename} is missing under {raw}")
    kwargs.setdefault("dtype", str)
    kwargs.setdefault("keep_default_na", False)
    kwargs.setdefault("na_values", [""])
    try:
        df = pd.read_csv(path, **kwargs)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise RawDataError(f"{key}/{filename}: cannot be parsed as CSV: {exc}") from exc
    absent = [c for c in required if c not in df.columns]
    if absent:
        raise RawDataError(f"{key}/{filename}: missing column(s) {absent}; found {list(df.columns)}")
    return df


def to_number(df: pd.DataFrame, column: str, *, file: str, missing: Iterable[str] = ()) -> pd.Series:
    """Parse a text column as numbers; empty cells (and the ``missing`` markers) become NaN.

    Raises:
        RawDataError: naming the file, column, line and value of the first cell that is not a number.
    """
    text = df[column].astype("string").str.strip()
    markers = set(missing)
    blank = text.isna() | (text == "") | text.isin(markers)
    parsed = pd.to_numeric(text.where(~blank).str.replace(",", "", regex=False), errors="coerce")
    bad = parsed.isna() & ~blank
    if bad.any():
        first = bad.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(first)}: {df.at[first, column]!r} is not a number"
            + (f" ({int(bad.sum())} such cells)" if bad.sum() > 1 else "")
        )
    return parsed.astype("float64")


def to_integer(df: pd.DataFrame, column: str, *, file: str, missing: tuple[str, ...] = ()) -> pd.Series:
    """Parse a text column as whole numbers (nullable ``Int64``).

    Args:
        df: the raw frame (default index, so that row numbers can be reported).
        column: the column to parse.
        file: the raw file's name, quoted in errors.
        missing: extra cell texts that mean "no value".

    Raises:
        RawDataError: naming file, column and line of a cell that is not a whole number.
    """
    numbers = to_number(df, column, file=file, missing=missing)
    fractional = numbers.notna() & (numbers % 1 != 0)
    if fractional.any():
        first = fractional.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(first)}: {df.at[first, column]!r} is not a whole number"
        )
    return numbers.astype("Int64")


def to_yes_no(df: pd.DataFrame, column: str, *, file: str) -> pd.Series:
    """Parse a ``Yes``/``No`` column as nullable booleans (blank cells stay missing).

    Raises:
        RawDataError: naming file, column and line of any other value.
    """
    text = df[column].astype("string").str.strip()
    parsed = text.map({"Yes": True, "No": False}, na_action="ignore")
    bad = text.notna() & (text != "") & parsed.isna()
    if bad.any():
        first = bad.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(first)}: {df.at[first, column]!r} is not 'Yes' or 'No'"
        )
    return parsed.astype("boolean")
