"""The build's settings: where things are (:class:`Layout`), names, limits and fixed texts."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from bilateral import paths

#: Bump when the build's own output format changes in a way the hashed inputs would not show.
ENGINE_VERSION = "2"


#: The kernelspec the build writes under ``build/jupyter``: this virtualenv's interpreter.
KERNEL_NAME = "bilateral-venv"


PACKAGE_DIR = Path(__file__).resolve().parents[1]


TEMPLATES_DIR = PACKAGE_DIR / "templates"


CSS_FILE = PACKAGE_DIR / "assets" / "report.css"


FIGURE_DATA_ENV = "BILATERAL_FIGURE_DATA_DIR"


FIGURE_DATA_LINK_ENV = "BILATERAL_FIGURE_DATA_LINK"


#: Optional modules that a dependency imports only for a feature the build never uses, and that are slow
#: to import. jsonschema (imported by nbformat, so by papermill and nbconvert) imports ``rfc3987_syntax``,
#: when it is installed (JupyterLab's dependencies install it), only to check strings of the "iri"
#: formats, which the notebook schemas do not use; importing it builds a parsing grammar and takes about
#: 1.4 s of CPU in every process that reads a notebook.
UNUSED_SLOW_IMPORTS = ("rfc3987_syntax",)


def skip_unused_imports() -> None:
    """Mark :data:`UNUSED_SLOW_IMPORTS` as absent in this process (``import`` then raises ImportError,
    which jsonschema expects of an optional module). Only modules not imported yet are marked."""
    for name in UNUSED_SLOW_IMPORTS:
        sys.modules.setdefault(name, None)


#: Characters of the inputs hash shown on the page (48 bits: collisions are not a concern here).
INPUTS_ID_LENGTH = 12


#: Seconds one cell may run before the build gives up on the notebook.
CELL_TIMEOUT = 900


MISSING_ALT = "Chart (the notebook gave no text description)"


INDEX_TITLE = "Azerbaijan–Türkiye relations: reports"


INDEX_SUMMARY = (
    "Reproducible reports, one per dimension of the relationship, built from the notebooks in this repository."
)


@dataclass(frozen=True)
class Layout:
    """The folders a build reads and writes (defaults from :mod:`bilateral.paths`; tests use tmp dirs)."""

    notebooks: Path = paths.NOTEBOOKS_DIR
    reports: Path = paths.REPORTS_DIR
    build: Path = paths.BUILD_DIR
    data: Path = paths.PROCESSED_DIR
    src: Path = paths.PROJ_ROOT / "src"
    lock_file: Path = paths.PROJ_ROOT / "requirements.lock"
    repo: Path = paths.PROJ_ROOT

    @property
    def executed(self) -> Path:
        return self.build / "executed"

    @property
    def failed(self) -> Path:
        return self.build / "failed"

    @property
    def stamps(self) -> Path:
        return self.build / "stamps"

    @property
    def scratch(self) -> Path:
        return self.build / "figure-data"

    @property
    def jupyter(self) -> Path:
        return self.build / "jupyter"


VARIANTS_SUMMARY = (
    "Reports built with parameters other than the defaults (for example one report per country pair), "
    "from the same notebooks as the main reports. They are not part of the published suite."
)
