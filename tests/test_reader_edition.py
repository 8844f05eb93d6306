"""What readers get from the committed reports: tidy figure data, navigation, plain language."""

from __future__ import annotations

import csv

import pytest

from bilateral.paths import REPORTS_DIR

DATA_CSVS = sorted(REPORTS_DIR.glob("*-data/*.csv"))


@pytest.mark.parametrize("path", DATA_CSVS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_figure_data_csv_has_one_header_row_of_distinct_names(path):
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    assert all(name.strip() for name in header), f"{path.name}: unnamed column in {header}"
    assert len(set(header)) == len(header), f"{path.name}: repeated column names {header}"
    assert all(len(row) == len(header) for row in rows[1:]), f"{path.name}: ragged rows"
