"""Loaders for the processed tables: the only way reports and notebooks read data.

``load("arms_transfers")`` reads ``data/processed/arms_transfers.csv`` with the declared
dtypes and validates it against the table's schema. Each table also has a named loader,
e.g. :func:`load_arms_transfers`.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pandas as pd

from bilateral.paths import PROCESSED_DIR
from bilateral.pipeline import all_tables


@functools.lru_cache(maxsize=None)
def _load_cached(name: str, mtime_ns: int) -> pd.DataFrame:
    table = all_tables()[name]
    df = table.read(PROCESSED_DIR)
    return table.validate(df, where=str(PROCESSED_DIR / table.filename))


def load(name: str) -> pd.DataFrame:
    """Read and validate one processed table by name; returns a fresh copy."""
    tables = all_tables()
    if name not in tables:
        raise KeyError(f"no table {name!r}; tables are: {', '.join(sorted(tables))}")
    path = PROCESSED_DIR / tables[name].filename
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make data` to build the processed tables")
    return _load_cached(name, path.stat().st_mtime_ns).copy()


def load_optional(name: str) -> pd.DataFrame | None:
    """A processed table if the pipeline declares it and it has been built, else None (for optional context,
    so that a report still builds from a partial data folder)."""
    tables = all_tables()
    if name not in tables or not (PROCESSED_DIR / tables[name].filename).exists():
        return None
    return load(name)


def table_title(name: str) -> str:
    """A processed table as readers know it: its title, never its identifier (an unknown name reads "data table")."""
    tables = all_tables()
    return tables[name].title if name in tables else "data table"


def datapackage() -> dict[str, Any]:
    """The parsed ``data/processed/datapackage.json``."""
    return json.loads((PROCESSED_DIR / "datapackage.json").read_text(encoding="utf-8"))


def _make_loader(name: str):
    def loader() -> pd.DataFrame:
        return load(name)

    loader.__name__ = f"load_{name}"
    loader.__doc__ = f"Read and validate ``data/processed/{name}`` (see the data dictionary)."
    return loader


def __getattr__(attr: str):
    """Named loaders: ``bilateral.data.load_<table>()`` for every table."""
    if attr.startswith("load_") and attr[5:] in all_tables():
        return _make_loader(attr[5:])
    raise AttributeError(attr)
