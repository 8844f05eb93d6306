"""Every path the project uses, anchored at the repository root.

Nothing in the project depends on the working directory: import the constants from here.
The raw third-party sources live outside the repository; their folder is read from the
environment variable ``BILATERAL_RAW_DIR`` and defaults to ``../shared/sources`` next to the
repository.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJ_ROOT / "data"
PROCESSED_DIR = DATA_DIR / "processed"
CURATED_DIR = DATA_DIR / "curated"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
BUILD_DIR = PROJ_ROOT / "build"
SEEDS_DIR_DEFAULT = PROJ_ROOT.parent / "shared" / "seeds"

RAW_DIR_ENV = "BILATERAL_RAW_DIR"
RAW_DIR_DEFAULT = PROJ_ROOT.parent / "shared" / "sources"


def raw_dir() -> Path:
    """Return the folder holding the raw sources (``$BILATERAL_RAW_DIR`` or ``../shared/sources``)."""
    value = os.environ.get(RAW_DIR_ENV)
    return Path(value).expanduser().resolve() if value else RAW_DIR_DEFAULT.resolve()


def processed(name: str) -> Path:
    """Path of a processed table by file name, e.g. ``processed("arms_transfers.csv")``."""
    return PROCESSED_DIR / name
