"""Shared fixtures. Tests that need the raw sources use ``raw`` and are skipped, with a message, without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.paths import raw_dir


@pytest.fixture(scope="session")
def raw() -> Path:
    """The raw sources folder; skips the test when it is absent."""
    folder = raw_dir()
    if not folder.is_dir():
        pytest.skip(f"raw sources not found at {folder} (set BILATERAL_RAW_DIR); skipping checks against raw files")
    return folder
