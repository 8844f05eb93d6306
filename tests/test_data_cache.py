"""The validated binary copies behind ``bilateral.data.load``: validated once, reused while the file and
schema are unchanged, rebuilt when either changes or the copy is damaged."""

from __future__ import annotations

import pickle
import shutil

import pandas as pd
import pytest

from bilateral import data
from bilateral.paths import PROCESSED_DIR
from bilateral.schema import Field, Table, TableValidationError, iso3, year

TABLE = Table(
    name="toy",
    title="A toy table",
    description="Two rows.",
    sources=("imf_dots",),
    fields=(
        iso3("iso3", "A state."),
        year(),
        Field("value_usd_m", "number", "A value.", unit="US$ million", minimum=0),
    ),
    primary_key=("iso3", "year"),
)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(data.CACHE_DIR_ENV, str(tmp_path / "cache"))
    (tmp_path / "toy.csv").write_text("iso3,year,value_usd_m\nAZE,2000,1.5\nTUR,2000,2.0\n", encoding="utf-8")
    return tmp_path


def count_validations(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = Table.validate

    def counting(self, df, *, where):
        calls.append(1)
        return real(self, df, where=where)

    monkeypatch.setattr(Table, "validate", counting)
    return calls


def test_first_read_validates_and_caches_then_reads_the_copy(folder, monkeypatch):
    calls = count_validations(monkeypatch)
    first = data.read_validated(TABLE, folder)
    assert len(calls) == 1
    copies = list((folder / "cache").glob("toy-*.pkl"))
    assert len(copies) == 1
    second = data.read_validated(TABLE, folder)
    assert len(calls) == 1  # no second validation
    pd.testing.assert_frame_equal(first, second)
    assert list(second["iso3"]) == ["AZE", "TUR"] and second["value_usd_m"].tolist() == [1.5, 2.0]
    assert {c: str(t) for c, t in second.dtypes.items()} == {
        "iso3": "string",
        "year": "Int64",
        "value_usd_m": "float64",
    }


def test_changed_file_is_validated_again_and_the_old_copy_dropped(folder, monkeypatch):
    calls = count_validations(monkeypatch)
    data.read_validated(TABLE, folder)
    (folder / "toy.csv").write_text("iso3,year,value_usd_m\nAZE,2000,7.0\n", encoding="utf-8")
    df = data.read_validated(TABLE, folder)
    assert len(calls) == 2 and df["value_usd_m"].tolist() == [7.0]
    assert len(list((folder / "cache").glob("toy-*.pkl"))) == 1
    (folder / "toy.csv").write_text("iso3,year,value_usd_m\nAZE,2000,-1.0\n", encoding="utf-8")
    with pytest.raises(TableValidationError, match="value_usd_m"):
        data.read_validated(TABLE, folder)


def test_changed_schema_gives_a_new_key(folder):
    stricter = Table(
        **{**TABLE.__dict__, "fields": TABLE.fields[:2] + (Field("value_usd_m", "number", "A value.", minimum=5),)}
    )
    assert data.schema_fingerprint(stricter) != data.schema_fingerprint(TABLE)
    data.read_validated(TABLE, folder)
    with pytest.raises(TableValidationError, match="value_usd_m"):
        data.read_validated(stricter, folder)  # the copy cached under the old schema is not used


def test_damaged_or_foreign_copy_is_rebuilt(folder, monkeypatch):
    data.read_validated(TABLE, folder)
    (copy,) = (folder / "cache").glob("toy-*.pkl")
    calls = count_validations(monkeypatch)
    copy.write_bytes(b"not a pickle")
    assert len(data.read_validated(TABLE, folder)) == 2 and len(calls) == 1
    copy.write_bytes(pickle.dumps(pd.DataFrame({"iso3": ["AZE"], "year": [2000]})))  # wrong columns
    assert list(data.read_validated(TABLE, folder).columns) == ["iso3", "year", "value_usd_m"] and len(calls) == 2


def test_matches_declared_checks_columns_order_and_dtypes(folder):
    df = data.read_validated(TABLE, folder)
    assert data.matches_declared(TABLE, df)
    assert not data.matches_declared(TABLE, df[["year", "iso3", "value_usd_m"]])
    assert not data.matches_declared(TABLE, df.astype({"year": "int64"}))
    assert not data.matches_declared(TABLE, "not a frame")


@pytest.mark.skipif(
    not (PROCESSED_DIR / "unga_votes.csv.gz").exists(), reason="data/processed not built (run make data)"
)
def test_load_of_the_largest_table_equals_a_fresh_validated_read_and_is_fast():
    import time

    table = data.tables()["unga_votes"]
    data.warm_cache()
    data._load_cached.cache_clear()
    start = time.perf_counter()
    cached = data.load("unga_votes")
    seconds = time.perf_counter() - start
    fresh = table.validate(table.read(PROCESSED_DIR), where="test")
    pd.testing.assert_frame_equal(cached, fresh, check_exact=True)
    assert seconds < 2.0  # about 0.2 s; the CSV read and validation take about 3 s (slack for a busy machine)


def test_cache_can_be_switched_off(folder, monkeypatch):
    monkeypatch.setenv(data.CACHE_SWITCH_ENV, "off")
    calls = count_validations(monkeypatch)
    data.read_validated(TABLE, folder)
    data.read_validated(TABLE, folder)
    assert len(calls) == 2 and not (folder / "cache").exists()


def test_the_read_side_schemas_are_the_ones_the_pipeline_declares():
    """data.tables() reads each schema from the committed data package; it must be the pipeline's own."""
    from bilateral.pipeline import all_tables

    assert data.tables() == all_tables()


def _packaged_copy(tmp_path, name: str):
    """A folder holding the committed data package and one of its tables, byte for byte."""
    shutil.copyfile(PROCESSED_DIR / "datapackage.json", tmp_path / "datapackage.json")
    table = data.tables()[name]
    shutil.copyfile(PROCESSED_DIR / table.filename, tmp_path / table.filename)
    return table


def test_a_file_the_data_package_vouches_for_is_not_validated_again(tmp_path, monkeypatch):
    monkeypatch.setenv(data.CACHE_DIR_ENV, str(tmp_path / "cache"))
    table = _packaged_copy(tmp_path, "rivalries")
    calls = count_validations(monkeypatch)
    df = data.read_validated(table, tmp_path)
    assert calls == []  # the SHA-256 in the data package matches: make data validated these bytes
    assert df.equals(table.validate(table.read(PROCESSED_DIR), where="test"))


def test_a_file_edited_after_make_data_is_validated_in_full(tmp_path, monkeypatch):
    monkeypatch.setenv(data.CACHE_DIR_ENV, str(tmp_path / "cache"))
    table = _packaged_copy(tmp_path, "rivalries")
    path = tmp_path / table.filename
    # line 2's state a becomes a code that breaks the ISO3 pattern: the hash no longer matches
    path.write_text(path.read_text(encoding="utf-8").replace("104,Syria-Turkey,TUR,", "104,Syria-Turkey,Tur,", 1))
    calls = count_validations(monkeypatch)
    with pytest.raises(TableValidationError, match="iso3_a"):
        data.read_validated(table, tmp_path)
    assert calls == [1]


def test_text_size_reads_the_gzip_trailer(tmp_path):
    import gzip

    text = b"iso3,year\n" + b"AZE,2000\n" * 1000  # 10 + 9 * 1000 bytes
    plain, packed = tmp_path / "t.csv", tmp_path / "t.csv.gz"
    plain.write_bytes(text)
    packed.write_bytes(gzip.compress(text))
    assert data.text_size(plain) == data.text_size(packed) == 9010
    assert packed.stat().st_size < 200  # the compressed file is much smaller than what reading it costs


def test_deal_balances_shares_largest_first():
    # 63 alone; then 8 and 3 and 2 to the other share (its total stays below 63)
    assert data.deal([("posts", 3), ("votes", 63), ("events", 2), ("trade", 8)], 2) == [
        ["votes"],
        ["trade", "posts", "events"],
    ]
    # 5, 4, 3, 3: 5 -> A, 4 -> B, 3 -> B (4 < 5), 3 -> A (5 < 7): totals 8 and 7
    assert data.deal([("a", 5), ("b", 4), ("c", 3), ("d", 3)], 2) == [["a", "d"], ["b", "c"]]
    assert data.deal([("a", 1)], 3) == [["a"], [], []]
    assert data.deal([], 2) == [[], []]


@pytest.mark.skipif(not (PROCESSED_DIR / "datapackage.json").exists(), reason="data/processed not built")
def test_warm_shares_cache_every_table_once(tmp_path, monkeypatch):
    monkeypatch.setenv(data.CACHE_DIR_ENV, str(tmp_path / "cache"))
    missing = data.uncached()
    assert len(missing) == len(data.tables())  # an empty cache: every table is missing
    calls = count_validations(monkeypatch)  # the committed files were validated when built: no validation
    first, second = data.warm_share(1, 2), data.warm_share(0, 2)
    assert sorted(first + second) == sorted(missing) and not set(first) & set(second)
    assert first and second and not data.uncached() and not calls


def test_parallel_readers_wait_for_one_copy(folder, monkeypatch):
    """Three processes read a table without a copy at once: one reads the CSV file and makes the copy,
    the others wait for it and read it (the build's caching processes and its kernels do this)."""
    import multiprocessing
    import time

    reads = folder / "reads.log"
    real = Table.read

    def slow_read(self, where):
        with reads.open("a") as fh:
            fh.write("read\n")
        time.sleep(0.5)  # long enough for the others to find no copy and wait
        return real(self, where)

    monkeypatch.setattr(Table, "read", slow_read)
    fork = multiprocessing.get_context("fork")
    procs = [fork.Process(target=data.read_validated, args=(TABLE, folder)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert reads.read_text().splitlines() == ["read"]
    assert len(list((folder / "cache").glob("toy-*.pkl"))) == 1
