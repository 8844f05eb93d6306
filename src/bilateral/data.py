"""Loaders for the processed tables: the only way reports and notebooks read data.

``load("arms_transfers")`` reads ``data/processed/arms_transfers.csv`` with the declared
dtypes and validates it against the table's schema. Each table also has a named loader,
e.g. :func:`load_arms_transfers`.

The schemas, titles, sources and usage warnings come from the committed data package
(``data/processed/datapackage.json``, written by ``make data``), not from the code that builds the
tables: reading data never imports the ingest layer (:mod:`bilateral.sources`, :mod:`bilateral.pipeline`).

Reading a CSV and validating it with pandera costs up to a few seconds for the large tables
(the UN votes: about 3 s), and every report kernel would pay it again. Tables are validated when they
are built (``make data``), and the data package records each file's SHA-256: a file with that hash is
the one validated, so reading it needs only the cheap check of its columns and dtypes; any other file
(a table edited by hand, a student's own folder) is validated in full. The first read of a
table's file also keeps a binary copy (a pickle) under ``build/cache/tables/``
(or ``$BILATERAL_CACHE_DIR``), keyed by the SHA-256 of the file's bytes and by a fingerprint of the
table's schema, pandas' version and this cache's format. Later reads hash the file, unpickle the copy
(a few milliseconds to about 0.15 s) and check only that the columns and dtypes are the declared
ones. A changed file, schema or pandas version therefore gives a new key and a fresh validation;
a damaged or unreadable copy is ignored and rewritten. The cache is a build product: deleting it is
always safe (``make clean-build``). ``BILATERAL_TABLE_CACHE=off`` reads and validates the CSV every
time, as before the cache (``make bench`` uses it for the naive way).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Any

import pandas as pd

from bilateral.paths import BUILD_DIR, PROCESSED_DIR
from bilateral.schema import Table

#: Bump when the cached copies' format changes.
CACHE_FORMAT = "1"
CACHE_DIR_ENV = "BILATERAL_CACHE_DIR"
CACHE_SWITCH_ENV = "BILATERAL_TABLE_CACHE"


@functools.cache
def _package(path: Path, size: int, mtime_ns: int) -> tuple[dict[str, Table], dict[str, str]]:
    package = json.loads(path.read_text(encoding="utf-8"))
    declared = {t.name: t for t in map(Table.from_resource, package["resources"])}
    hashes = {r["path"]: r.get("hash", "").removeprefix("sha256:") for r in package["resources"]}
    return declared, hashes


def _package_of(folder: Path) -> tuple[dict[str, Table], dict[str, str]]:
    path = folder / "datapackage.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make data` to build the processed tables")
    stat = path.stat()
    return _package(path, stat.st_size, stat.st_mtime_ns)


def tables(folder: Path = PROCESSED_DIR) -> dict[str, Table]:
    """Every processed table's definition, by name, as the data package in ``folder`` declares it."""
    return _package_of(folder)[0]


def validated_when_built(table: Table, folder: Path, content_sha256: str) -> bool:
    """True if the file is byte for byte the one ``make data`` validated and wrote: the data package in
    ``folder`` records that SHA-256 for it. Such a file needs no second validation, only the cheap check."""
    try:
        return _package_of(folder)[1].get(table.filename) == content_sha256
    except (OSError, ValueError, KeyError):
        return False


def cache_dir() -> Path:
    """Where the validated binary copies of the tables live (``$BILATERAL_CACHE_DIR`` or ``build/cache/tables``)."""
    value = os.environ.get(CACHE_DIR_ENV)
    return Path(value) if value else BUILD_DIR / "cache" / "tables"


def schema_fingerprint(table: Table) -> str:
    """A short hash of everything besides the file's bytes that decides what a validated read returns."""
    text = f"{CACHE_FORMAT}|{pd.__version__}|{pickle.HIGHEST_PROTOCOL}|{table!r}"
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def cache_path(table: Table, content_sha256: str) -> Path:
    """The cached copy of ``table`` for a file with this content hash."""
    return cache_dir() / f"{table.name}-{content_sha256[:20]}-{schema_fingerprint(table)}.pkl"


def matches_declared(table: Table, df: pd.DataFrame) -> bool:
    """The cheap check at read time: the declared columns, in order, with the declared dtypes."""
    if not isinstance(df, pd.DataFrame) or list(df.columns) != table.columns:
        return False
    declared = table.dtypes()
    return all(str(dtype) == declared[name] for name, dtype in df.dtypes.items())


def _write_cache(path: Path, df: pd.DataFrame) -> None:
    """Write the copy atomically (parallel report kernels may race to write the same one)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
        tmp.write_bytes(pickle.dumps(df, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
        for old in path.parent.glob(f"{path.name.rsplit('-', 2)[0]}-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only checkout still reads, only more slowly
        pass


def read_validated(table: Table, folder: Path = PROCESSED_DIR) -> pd.DataFrame:
    """The table from ``folder``: from the cached copy when there is one for the file's bytes, else read
    from the CSV, validated against the schema, and cached."""
    path = folder / table.filename
    if os.environ.get(CACHE_SWITCH_ENV, "").lower() == "off":
        return table.validate(table.read(folder), where=str(path))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    copy_path = cache_path(table, digest)
    df = _read_copy(table, copy_path)
    if df is not None:
        return df
    # One process makes the copy; the others (parallel kernels, the build's caching processes) wait for it
    # and read it, rather than reading and checking the same CSV file each.
    with _copy_lock(copy_path.parent, table.name):
        df = _read_copy(table, copy_path)
        if df is not None:
            return df
        df = table.read(folder)
        if not (validated_when_built(table, folder, digest) and matches_declared(table, df)):
            df = table.validate(df, where=str(path))
        _write_cache(copy_path, df)
    return df


def _read_copy(table: Table, copy_path: Path) -> pd.DataFrame | None:
    """The cached copy, or None if there is none or it is damaged or not of the declared columns and dtypes."""
    try:
        df = pickle.loads(copy_path.read_bytes())
    except Exception:  # missing, unreadable or damaged: made again
        return None
    return df if matches_declared(table, df) else None


@contextlib.contextmanager
def _copy_lock(folder: Path, name: str):
    """An exclusive lock on ``folder/.<name>.lock`` while one process makes a table's copy (no lock, and no
    waiting, where the folder cannot be written: a read-only checkout then reads the CSV file)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fh = open(folder / f".{name}.lock", "a")  # noqa: SIM115 - held open across the yield
    except OSError:
        yield
        return
    try:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield
    finally:
        fh.close()  # closing the file releases the lock


@functools.cache
def _load_cached(name: str, size: int, mtime_ns: int) -> pd.DataFrame:
    return read_validated(tables()[name], PROCESSED_DIR)


def load(name: str) -> pd.DataFrame:
    """Read and validate one processed table by name; returns a fresh copy."""
    declared = tables()
    if name not in declared:
        raise KeyError(f"no table {name!r}; tables are: {', '.join(sorted(declared))}")
    path = PROCESSED_DIR / declared[name].filename
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make data` to build the processed tables")
    stat = path.stat()
    return _load_cached(name, stat.st_size, stat.st_mtime_ns).copy()


def text_size(path: Path) -> int:
    """How much text a table file holds, in bytes: its size, or for a gzip file the uncompressed size its
    last four bytes record (modulo 4 GiB), which is what reading it costs."""
    if path.suffix == ".gz":
        with path.open("rb") as fh:
            fh.seek(-4, os.SEEK_END)
            return int.from_bytes(fh.read(4), "little")
    return path.stat().st_size


def uncached(folder: Path = PROCESSED_DIR) -> list[str]:
    """The built tables that have no validated copy yet, the most text first."""
    missing = []
    for name, table in tables(folder).items():
        path = folder / table.filename
        if path.exists() and not cache_path(table, hashlib.sha256(path.read_bytes()).hexdigest()).is_file():
            missing.append((-text_size(path), name))
    return [name for _, name in sorted(missing)]


def deal(sizes: list[tuple[str, int]], n: int) -> list[list[str]]:
    """Deal named jobs of the given sizes into ``n`` shares of about the same total: the largest first, each
    to the share with the least so far (the first such share on a tie).

    Example:
        >>> deal([("votes", 63), ("trade", 8), ("posts", 3), ("events", 2)], 2)
        [['votes'], ['trade', 'posts', 'events']]
    """
    shares: list[list[str]] = [[] for _ in range(max(n, 1))]
    totals = [0] * len(shares)
    for name, size in sorted(sizes, key=lambda item: -item[1]):
        i = totals.index(min(totals))
        shares[i].append(name)
        totals[i] += size
    return shares


def warm_share(i: int, n: int, folder: Path = PROCESSED_DIR) -> list[str]:
    """Validate and cache the tables without a copy in share ``i`` of ``n`` of all the tables (:func:`deal`
    by text size), so that ``n`` processes started together, each with its own ``i``, cache every table
    once whatever the others have done so far; returns the names done."""
    declared = tables(folder)
    built = [(name, text_size(folder / t.filename)) for name, t in declared.items() if (folder / t.filename).exists()]
    missing = set(uncached(folder))
    return warm_cache(folder, [name for name in deal(built, n)[i] if name in missing])


def warm_cache(folder: Path = PROCESSED_DIR, names: list[str] | None = None) -> list[str]:
    """Validate and cache the named tables (default: every one without a copy); returns the names done.

    The build calls it through :func:`warm_share` in short-lived processes while its workers start, so
    that each table is validated once rather than once per report.
    """
    names = uncached(folder) if names is None else list(names)
    declared = tables(folder)
    for name in names:
        read_validated(declared[name], folder)
    return names


def load_optional(name: str) -> pd.DataFrame | None:
    """A processed table if the pipeline declares it and it has been built, else None (for optional context,
    so that a report still builds from a partial data folder)."""
    declared = tables()
    if name not in declared or not (PROCESSED_DIR / declared[name].filename).exists():
        return None
    return load(name)


def table_title(name: str) -> str:
    """A processed table as readers know it: its title, never its identifier (an unknown name reads "data table")."""
    declared = tables()
    return declared[name].title if name in declared else "data table"


def table_sources(name: str) -> tuple[str, ...]:
    """The catalogue keys (see :mod:`bilateral.catalog`) a processed table derives from, for source lines."""
    return tables()[name].sources


def table_warnings(name: str) -> tuple[str, ...]:
    """The usage warnings declared for a processed table."""
    return tables()[name].warnings


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
    if attr.startswith("load_") and attr[5:] in tables():
        return _make_loader(attr[5:])
    raise AttributeError(attr)
