"""Reading report notebooks without running them: the parameters cell, the title, the list of notebooks."""

from __future__ import annotations

import ast
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilateral.errors import BuildError


@dataclass(frozen=True)
class NotebookInfo:
    """What the build needs to know about a notebook without running it."""

    name: str
    path: Path
    title: str
    summary: str
    sources: tuple[str, ...]
    defaults: dict[str, Any]
    parameters_cell: int | None


def _cell_source(cell: Mapping[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def parse_parameters(source: str, where: str = "parameters cell") -> dict[str, Any]:
    """The ``name = literal`` assignments of a parameters cell, in order.

    Raises:
        BuildError: if a statement is not a plain assignment of a literal.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise BuildError(f"{where}: cannot parse the parameters cell: {exc}") from exc
    values: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target, value = node.targets[0].id, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            target, value = node.target.id, node.value
        else:
            raise BuildError(f"{where}: line {node.lineno}: the parameters cell may hold only `name = literal` lines")
        try:
            values[target] = ast.literal_eval(value)
        except ValueError as exc:
            raise BuildError(
                f"{where}: {target} must be a plain literal (str, number, list...), not an expression"
            ) from exc
    return values


def _first_heading(cells: Sequence[Mapping[str, Any]]) -> tuple[str, str]:
    """Title (first Markdown H1) and summary (first paragraph after it); empty strings if absent."""
    for cell in cells:
        if cell.get("cell_type") != "markdown":
            continue
        lines = _cell_source(cell).splitlines()
        for i, line in enumerate(lines):
            if line.startswith("# "):
                title = line[2:].strip()
                para: list[str] = []
                for rest in lines[i + 1 :]:
                    if rest.strip():
                        para.append(rest.strip())
                    elif para:
                        break
                return title, " ".join(para)
    return "", ""


def read_notebook(path: Path) -> NotebookInfo:
    """Read a notebook's title, summary, sources and default parameters (see the notebook contract)."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildError(f"{path}: cannot read the notebook: {exc}") from exc
    cells = nb.get("cells", [])
    meta = nb.get("metadata", {}).get("bilateral", {}) or {}
    h1, para = _first_heading(cells)
    defaults: dict[str, Any] = {}
    index = None
    for i, cell in enumerate(cells):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            defaults = parse_parameters(_cell_source(cell), where=f"{path.name}, cell {i + 1}")
            index = i
            break
    return NotebookInfo(
        name=path.stem,
        path=path,
        title=meta.get("title") or h1 or path.stem,
        summary=meta.get("summary") or para,
        sources=tuple(meta.get("sources") or ()),
        defaults=defaults,
        parameters_cell=index,
    )


def find_notebooks(notebooks_dir: Path, names: Sequence[str] = ()) -> list[Path]:
    """The notebooks to build: all ``*.ipynb`` in ``notebooks_dir``, or those named (stem, file name or path).

    Raises:
        BuildError: naming a notebook that does not exist and listing those that do.
    """
    available = sorted(p for p in notebooks_dir.glob("*.ipynb") if not p.name.startswith("."))
    if not names:
        return available
    chosen = []
    for name in names:
        stem = Path(name).name.removesuffix(".ipynb")
        path = notebooks_dir / f"{stem}.ipynb"
        if not path.is_file():
            listed = ", ".join(p.stem for p in available) or "none"
            raise BuildError(f"no notebook {name!r} in {notebooks_dir}; notebooks: {listed}")
        if path not in chosen:
            chosen.append(path)
    return chosen
