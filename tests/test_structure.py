"""The module layout the project promises (README, Layout): small modules, one-way imports.

* No module in ``src/bilateral`` is longer than :data:`MAX_LINES` lines.
* The ingest layer (:mod:`bilateral.sources`, :mod:`bilateral.pipeline`) turns raw files into the
  processed tables. Nothing that reads those tables (analysis, text, plots, the build) imports it,
  directly or through another module: only the ingest layer itself and the ``data`` command of the
  command line do.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "bilateral"
MAX_LINES = 600
INGEST = ("bilateral.sources", "bilateral.pipeline")
#: Modules allowed to import the ingest layer.
INGEST_SIDE = ("bilateral.sources", "bilateral.pipeline", "bilateral.cli")


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(PACKAGE.rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Every module a file imports, at any depth of the file (functions included), as absolute names."""
    names: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parent, base] if base else parent)
            names.add(base)
            names.update(f"{base}.{a.name}" for a in node.names)
    return names


def is_ingest(name: str) -> bool:
    return any(name == m or name.startswith(m + ".") for m in INGEST)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_is_longer_than_a_few_screens(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(SRC)} has {lines} lines; split it (at most {MAX_LINES})"


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if not module_name(p).startswith(INGEST_SIDE)],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_reading_side_never_imports_the_ingest_layer(path):
    bad = sorted(n for n in imported(path) if is_ingest(n))
    assert not bad, f"{module_name(path)} imports the ingest layer: {', '.join(bad)}"


def test_the_import_check_sees_nested_and_relative_imports(tmp_path):
    pkg = tmp_path / "bilateral" / "military"
    pkg.mkdir(parents=True)
    (pkg / "compute.py").write_text("def f():\n    from ..sources import sipri\n    import bilateral.pipeline\n")
    global SRC
    saved, SRC = SRC, tmp_path
    try:
        found = imported(pkg / "compute.py")
    finally:
        SRC = saved
    assert {"bilateral.sources", "bilateral.sources.sipri", "bilateral.pipeline"} <= found


def test_loading_the_reading_side_loads_no_ingest_module():
    """Transitively too: import every reading-side module and look at what Python loaded."""
    names = [module_name(p) for p in MODULES if not module_name(p).startswith(INGEST_SIDE)]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        f"print(sorted(m for m in sys.modules if m.startswith({INGEST!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=SRC.parent)
    assert out.stdout.strip() == "[]", f"ingest modules loaded by the reading side: {out.stdout.strip()}"
