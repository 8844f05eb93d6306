"""Shared fixtures. Tests that need the raw sources use ``raw`` and are skipped, with a message, without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.paths import raw_dir

#: The project's own notebooks, whose default reports are committed and pinned by tests. Any other notebook in
#: notebooks/ (a student's copy, a new report) is built and checked by tests/test_student_copies.py instead.
PROJECT_NOTEBOOKS = ("claims", "diplomatic", "energy", "military", "overview", "trade", "tutorial")


@pytest.fixture(scope="session")
def raw() -> Path:
    """The raw sources folder; skips the test when it is absent."""
    folder = raw_dir()
    if not folder.is_dir():
        pytest.skip(f"raw sources not found at {folder} (set BILATERAL_RAW_DIR); skipping checks against raw files")
    return folder


def execute_notebook(name: str, out_dir: Path, **parameters):
    """Execute ``notebooks/<name>.ipynb`` with papermill and the given parameters; return the executed notebook.

    Figure data go to ``out_dir`` so that tests never write into the repository. A cell that raises
    makes papermill raise ``PapermillExecutionError`` naming the cell.
    """
    import os

    import nbformat
    import papermill

    from bilateral.paths import NOTEBOOKS_DIR

    out_dir.mkdir(parents=True, exist_ok=True)
    output = out_dir / f"{name}-executed.ipynb"
    env_before = os.environ.get("BILATERAL_FIGURE_DATA_DIR")
    os.environ["BILATERAL_FIGURE_DATA_DIR"] = str(out_dir / "figure-data")
    try:
        papermill.execute_notebook(
            str(NOTEBOOKS_DIR / f"{name}.ipynb"),
            str(output),
            parameters=parameters,
            cwd=str(NOTEBOOKS_DIR),
            progress_bar=False,
            kernel_name="python3",
        )
    finally:
        if env_before is None:
            os.environ.pop("BILATERAL_FIGURE_DATA_DIR", None)
        else:
            os.environ["BILATERAL_FIGURE_DATA_DIR"] = env_before
    return nbformat.read(output, as_version=4)


def notebook_text(nb) -> str:
    """All text and HTML outputs of an executed notebook, joined (for assertions on what readers see)."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            data = out.get("data", {})
            for mime in ("text/html", "text/markdown", "text/plain"):
                if mime in data:
                    parts.append(data[mime] if isinstance(data[mime], str) else "".join(data[mime]))
                    break
    return "\n".join(parts)


def broken_copy(raw: Path, tmp_path: Path, key: str, filename: str, line: int, old: str, new: str) -> Path:
    """A raw folder in ``tmp_path`` that links to ``raw`` except for one file with one line edited.

    ``old`` is replaced by ``new`` on line ``line`` (1 = the header) of ``key/filename``; the
    test setup fails if ``old`` is not on that line, so a changed raw file cannot make a test vacuous.
    """
    return broken_copy_with(raw, tmp_path, key, filename, replace_on_line(line, old, new))


def broken_copy_with(raw: Path, tmp_path: Path, key: str, filename: str, edit) -> Path:
    """A raw folder in ``tmp_path`` that links to ``raw`` except for one file, rewritten by ``edit(lines)``."""
    target = tmp_path / "raw"
    target.mkdir()
    for folder in raw.iterdir():
        if folder.name != key:
            (target / folder.name).symlink_to(folder)
    (target / key).mkdir()
    for path in (raw / key).iterdir():
        if path.name != filename:
            (target / key / path.name).symlink_to(path)
    lines = (raw / key / filename).read_text(encoding="utf-8").split("\n")
    (target / key / filename).write_text("\n".join(edit(lines)), encoding="utf-8")
    return target


def replace_on_line(line: int, old: str, new: str):
    """An edit for :func:`broken_copy_with`: replace ``old`` by ``new`` on line ``line`` (1 = header)."""

    def edit(lines: list[str]) -> list[str]:
        assert old in lines[line - 1], f"test setup: {old!r} not on line {line}: {lines[line - 1][:80]!r}"
        lines[line - 1] = lines[line - 1].replace(old, new, 1)
        return lines

    return edit
