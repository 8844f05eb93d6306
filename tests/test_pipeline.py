"""The pipeline as a whole: committed tables equal a fresh build, failures write nothing, metadata is complete."""

from __future__ import annotations

import json
import shutil

import pytest

from bilateral import pipeline
from bilateral.catalog import SOURCES
from bilateral.errors import MissingSourcesError
from bilateral.paths import PROCESSED_DIR


@pytest.fixture(scope="module")
def fresh(raw):
    """Every table as the pipeline builds it now from the raw sources."""
    return pipeline.build_tables(raw)


def test_committed_tables_equal_a_fresh_build(fresh):
    tables = pipeline.all_tables()
    assert set(fresh) == set(tables)
    differ = [name for name, data in fresh.items() if (PROCESSED_DIR / tables[name].filename).read_bytes() != data]
    assert not differ, f"data/processed is stale for {differ}: run `make data` and commit the result"


def test_committed_metadata_equals_a_fresh_build(fresh):
    tables = pipeline.all_tables()
    expected = json.dumps(pipeline.datapackage(tables, fresh), indent=2, ensure_ascii=False) + "\n"
    assert (PROCESSED_DIR / "datapackage.json").read_text(encoding="utf-8") == expected
    assert (PROCESSED_DIR / "README.md").read_text(encoding="utf-8") == pipeline.data_dictionary(tables)


def test_no_stray_files_in_processed():
    expected = {t.filename for t in pipeline.all_tables().values()} | {"datapackage.json", "README.md"}
    assert {p.name for p in PROCESSED_DIR.iterdir()} == expected


def test_processed_folder_is_under_30_mb():
    assert sum(p.stat().st_size for p in PROCESSED_DIR.iterdir()) < 30 * 1024 * 1024


def test_required_tables_and_columns_exist():
    # The public data product of issue 2: names and these columns are fixed.
    required = {
        "unga_votes": ["vote_id", "date", "year", "session", "resolution", "title", "iso3", "vote", "source"],
        "unga_agreement": ["year", "iso3_a", "iso3_b", "n_votes", "agreement_share", "kappa"],
        "unga_ideal_points": ["iso3", "year", "ideal_point", "n_votes"],
        "arms_transfers": [
            "supplier_iso3",
            "recipient_iso3",
            "delivery_year",
            "designation",
            "description",
            "category",
            "units_delivered",
            "tiv_m",
        ],
        "arms_totals": ["iso3", "year", "direction", "tiv_m"],
        "military_expenditure": ["iso3", "year", "milex_usd_m_const2023", "milex_share_gdp_pct"],
        "trade_bilateral": ["year", "reporter_iso3", "partner_iso3", "flow", "value_usd_m", "is_estimate", "source"],
        "trade_press": ["year", "period", "metric", "value", "unit", "reported_by", "url"],
        "energy_series": ["iso3", "year", "indicator", "value", "unit"],
        "gas_imports_turkiye": ["year", "supplier", "volume_bcm", "share_pct", "reported_by", "url"],
        "pipelines": ["pipeline", "attribute", "value", "unit", "source"],
        "macro": ["iso3", "year", "gdp_usd_m", "population"],
        "events": ["event_id", "date", "date_precision", "type", "dimension", "title", "description", "source"],
        "claims": ["claim_id", "seed", "location", "claim", "kind", "value_claimed", "unit", "check"],
    }
    tables = pipeline.all_tables()
    for name, columns in required.items():
        assert name in tables, name
        missing = [c for c in columns if c not in tables[name].columns]
        assert not missing, f"{name} lacks {missing}"
    assert tables["unga_votes"].filename == "unga_votes.csv.gz"
    for name in ("alliances", "diplomatic_posts", "diplomatic_exchange"):
        assert tables[name].filename == f"{name}.csv"


def test_datapackage_describes_every_field_and_source():
    package = json.loads((PROCESSED_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    for resource in package["resources"]:
        assert resource["title"] and resource["description"], resource["name"]
        assert resource["sources"], resource["name"]
        for source in resource["sources"]:
            assert {"title", "path", "publisher", "version", "citation"} <= set(source), (resource["name"], source)
        assert resource["licenses"], resource["name"]
        for field in resource["schema"]["fields"]:
            assert field["type"] in {"string", "integer", "number", "boolean", "date"}
            assert field["description"], (resource["name"], field["name"])
            # a name that carries a unit must say the unit in full
            if field["name"].endswith(("_usd_m", "_bcm", "_tiv_m", "_pct", "_kbd")) or field["name"] == "tiv_m":
                assert field.get("unit"), (resource["name"], field["name"])


def test_missing_raw_folder_lists_what_is_missing_and_writes_nothing(tmp_path):
    target = tmp_path / "processed"
    with pytest.raises(MissingSourcesError) as info:
        pipeline.run(raw=tmp_path / "nowhere", target=target)
    assert "BILATERAL_RAW_DIR" in str(info.value)
    assert not target.exists()


def test_missing_source_is_named(raw, tmp_path):
    # A copy of the raw folder without SIPRI milex: the error lists that folder and nothing is written.
    copy = tmp_path / "raw"
    copy.mkdir()
    for key in {s.raw_folder for s in SOURCES.values() if s.files}:
        if key != "sipri_milex":
            (copy / key).symlink_to(raw / key)
    target = tmp_path / "processed"
    with pytest.raises(MissingSourcesError, match=r"sipri_milex/ \(whole folder\)"):
        pipeline.run(raw=copy, target=target)
    assert not target.exists()


def test_failed_run_leaves_previous_tables_intact(tmp_path, monkeypatch):
    target = tmp_path / "processed"
    shutil.copytree(PROCESSED_DIR, target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    tables = pipeline.all_tables()
    contents = {name: (target / t.filename).read_bytes() for name, t in tables.items()}
    contents.pop("macro")  # a table missing from a run makes the write fail mid-way

    with pytest.raises(KeyError):
        pipeline.write({**contents, "no_such_table": b""}, tables, target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert not list(tmp_path.glob(".processed.*")), "temporary folders must be cleaned up"
