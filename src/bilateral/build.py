"""Build the reports: notebooks → executed notebooks → offline HTML, A4 PDF, figure data, index page.

``python -m bilateral.cli build`` (``make reports``) runs :func:`build`. For each notebook in
``notebooks/`` (or the ones named) it

1. reads the ``parameters``-tagged cell and refuses unknown ``-p`` names
   (:func:`bilateral.params.check_names`) before anything runs;
2. skips the report when a stamp under ``build/stamps/`` says that nothing it depends on has
   changed (the notebook, every file under ``src/``, ``data/processed/``, the parameters and
   ``requirements.lock`` are hashed) — this path imports nothing heavy and takes well under a second;
3. executes the notebook with papermill into ``build/executed/`` (a failed one is kept in
   ``build/failed/``), with ``notebooks/`` as working directory and the figure data written to a
   scratch folder;
4. renders HTML with nbconvert and the template in ``templates/bilateral/``: code hidden, images
   embedded as ``data:`` URIs, the stylesheet inline, no scripts; a header gives the parameters,
   the data vintages and the build commit;
5. prints the HTML to an A4 PDF with WeasyPrint;
6. moves everything into ``reports/`` with atomic renames, so a failed build never leaves a
   half-written report, and rewrites ``reports/index.html``.

Reports with non-default parameters go to ``reports/variants/`` under a name made of their
parameters (see :func:`variant_stem`), so the committed default reports are never overwritten.
Reports build in parallel (a process pool, one kernel per notebook); a lock file makes a second
concurrent build wait. Output is deterministic: no timestamps or random ids anywhere, so two builds
from the same commit give byte-identical HTML and PDF files.

PDF engine: WeasyPrint (pure Python, from PyPI, using the system's Pango) is the default because it
needs no manual step and gives deterministic files. The alternative is headless Chromium, e.g.
``chromium --headless --no-pdf-header-footer --print-to-pdf=reports/x.pdf reports/x.html``: it
honours the same print stylesheet (``@page`` size A4), but it must be installed separately and
stamps a creation date into the PDF, so its files are not byte-reproducible.
"""

from __future__ import annotations

import ast
import fcntl
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilateral import paths
from bilateral.errors import BuildError, ParameterError

#: Bump when the build's own output format changes in a way the hashed inputs would not show.
ENGINE_VERSION = "1"
#: The kernelspec the build writes under ``build/jupyter``: this virtualenv's interpreter.
KERNEL_NAME = "bilateral-venv"
PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
CSS_FILE = PACKAGE_DIR / "assets" / "report.css"
FIGURE_DATA_ENV = "BILATERAL_FIGURE_DATA_DIR"
FIGURE_DATA_LINK_ENV = "BILATERAL_FIGURE_DATA_LINK"
#: Seconds one cell may run before the build gives up on the notebook.
CELL_TIMEOUT = 900
MISSING_ALT = "Chart (the notebook gave no text description)"
INDEX_TITLE = "Azerbaijan–Türkiye relations: reports"
INDEX_SUMMARY = "Reproducible reports, one per dimension of the relationship, built from the notebooks in this repository."


# --------------------------------------------------------------------------------------------
# Folders


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


# --------------------------------------------------------------------------------------------
# Reading notebooks (plain JSON + ast: no nbformat/papermill import on the no-op path)


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
            raise BuildError(f"{where}: {target} must be a plain literal (str, number, list...), not an expression") from exc
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


# --------------------------------------------------------------------------------------------
# Jobs, variant names, hashes and stamps


def _value_slug(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        text = "+".join(_value_slug(v) for v in value) or "none"
    elif isinstance(value, str):
        text = value
    else:
        text = repr(value)
    return re.sub(r"[^A-Za-z0-9.+]+", "_", text).strip("_") or "_"


def variant_stem(name: str, changed: Mapping[str, Any]) -> str:
    """Output name of a report with non-default parameters, e.g. ``trade__country_a-GEO__start_year-2000``."""
    parts = [f"{key}-{_value_slug(changed[key])}" for key in sorted(changed)]
    return "__".join([name, *parts])


@dataclass(frozen=True)
class Job:
    """One report to build: a notebook with its parameters."""

    info: NotebookInfo
    overrides: dict[str, Any]
    html_only: bool = False

    @property
    def parameters(self) -> dict[str, Any]:
        return {**self.info.defaults, **self.overrides}

    @property
    def changed(self) -> dict[str, Any]:
        """Parameters given with a value other than the notebook's default."""
        return {k: v for k, v in self.overrides.items() if self.info.defaults.get(k, object()) != v}

    @property
    def variant(self) -> bool:
        return bool(self.changed)

    @property
    def stem(self) -> str:
        return variant_stem(self.info.name, self.changed) if self.variant else self.info.name

    def out_dir(self, layout: Layout) -> Path:
        return layout.reports / "variants" if self.variant else layout.reports


def _hash_files(files: Iterable[Path], root: Path, digest: "hashlib._Hash") -> None:
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shared_parts(layout: Layout) -> dict[str, str]:
    """Hashes of the inputs every report shares: ``src/`` (without caches), ``data/processed/``, the lock file."""
    src = hashlib.sha256(ENGINE_VERSION.encode())
    _hash_files(
        sorted(p for p in layout.src.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")),
        layout.src,
        src,
    )
    data = hashlib.sha256()
    if layout.data.is_dir():
        _hash_files(sorted(p for p in layout.data.rglob("*") if p.is_file()), layout.data, data)
    lock = _sha(layout.lock_file.read_bytes()) if layout.lock_file.is_file() else ""
    return {"src": src.hexdigest(), "data": data.hexdigest(), "lock": lock}


def shared_digest(layout: Layout) -> str:
    """One hash of :func:`shared_parts`."""
    return _sha(json.dumps(shared_parts(layout), sort_keys=True).encode())


def job_parts(job: Job) -> dict[str, str]:
    """Hashes of the inputs of one report besides the shared ones: its notebook file and its parameters."""
    return {
        "notebook": _sha(job.info.path.read_bytes()),
        "parameters": _sha(json.dumps(job.parameters, sort_keys=True, default=repr).encode()),
    }


def job_digest(job: Job, shared: str) -> str:
    """One hash of everything a report depends on (``shared`` from :func:`shared_digest`)."""
    return _sha(json.dumps({"shared": shared, **job_parts(job)}, sort_keys=True).encode())


def _stamp_path(job: Job, layout: Layout) -> Path:
    return layout.stamps / ("variants" if job.variant else "") / f"{job.stem}.json"


_INPUT_NAMES = {"src": "src/", "data": "data/processed/", "lock": "requirements.lock", "notebook": "the notebook", "parameters": "the parameters"}


def stale_reasons(job: Job, parts: Mapping[str, str], layout: Layout) -> list[str]:
    """Why a report must be rebuilt (empty when it is up to date): changed inputs or missing outputs.

    ``parts`` maps ``src``, ``data``, ``lock``, ``notebook`` and ``parameters`` to their hashes.
    """
    try:
        stamp = json.loads(_stamp_path(job, layout).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ["not built before"]
    old = stamp.get("parts", {})
    reasons = [f"{_INPUT_NAMES.get(k, k)} changed" for k in parts if old.get(k) != parts[k]]
    out = job.out_dir(layout)
    if not (out / f"{job.stem}.html").is_file():
        reasons.append("the HTML is missing")
    if not job.html_only and not (stamp.get("pdf") and (out / f"{job.stem}.pdf").is_file()):
        reasons.append("the PDF is missing")
    return reasons


def is_up_to_date(job: Job, parts: Mapping[str, str], layout: Layout) -> bool:
    """True when the stamp matches every input's hash and the outputs are all there."""
    return not stale_reasons(job, parts, layout)


def _write_stamp(job: Job, parts: Mapping[str, str], layout: Layout, pdf: bool) -> None:
    path = _stamp_path(job, layout)
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, json.dumps({"parts": dict(parts), "pdf": pdf}, indent=1, sort_keys=True).encode())


# --------------------------------------------------------------------------------------------
# Small helpers


def _atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _replace_dir(target: Path, new: Path | None) -> None:
    """Swap folder ``new`` in at ``target`` (or remove ``target`` when ``new`` is None)."""
    old = target.with_name(f".{target.name}.old{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    if new is not None:
        os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(layout: Layout) -> None:
    """Delete temporary files an interrupted build left in the reports folders (we hold the lock)."""
    for folder in (layout.reports, layout.reports / "variants"):
        for path in folder.glob(".*"):
            if re.search(r"\.(tmp|old)\d+", path.name):
                shutil.rmtree(path) if path.is_dir() else path.unlink()


def build_commit(repo: Path) -> str:
    """``git rev-parse --short HEAD``, with ``+dirty`` if files other than reports/ and build/ have changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--", ".", ":(exclude)reports", ":(exclude)build"],
            cwd=repo, capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{head}+dirty" if status else head


def ensure_kernel(layout: Layout) -> Path:
    """Write a kernelspec that runs this interpreter (``sys.executable``); return its ``JUPYTER_PATH`` folder.

    The build puts that folder first on ``JUPYTER_PATH``, so the kernel is this virtualenv's
    Python whatever other kernels the machine has, with no manual ``ipykernel install`` step.
    """
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--IPKernelApp.log_level=CRITICAL"],
        "display_name": "Python (bilateral venv)",
        "language": "python",
        "metadata": {"debugger": False},
    }
    path = layout.jupyter / "kernels" / KERNEL_NAME / "kernel.json"
    data = json.dumps(spec, indent=1).encode()
    if not path.is_file() or path.read_bytes() != data:
        _atomic_write(path, data)
    return layout.jupyter


def _format_value(value: Any) -> str:
    return repr(list(value)) if isinstance(value, tuple) else repr(value)


def page_info(job: Job, commit: str, layout: Layout) -> dict[str, Any]:
    """The header of a report page: title, parameters, data vintages, build commit, links."""
    from bilateral.sources.catalog import SOURCES

    info = job.info
    params = []
    for name, value in job.parameters.items():
        default = info.defaults.get(name)
        changed = name in job.changed
        params.append({"name": name, "value": _format_value(value), "default": _format_value(default), "changed": changed})
    sources = []
    for key in info.sources:
        src = SOURCES.get(key)
        sources.append({"short": src.short, "vintage": src.vintage} if src else {"short": key, "vintage": "unknown source key"})
    return {
        "title": info.title,
        "summary": info.summary,
        "parameters": params,
        "sources": sources,
        "commit": commit,
        "notebook": f"notebooks/{info.path.name}",
        "index_href": "../index.html" if job.variant else "index.html",
        "pdf_href": "" if job.html_only else f"{job.stem}.pdf",
        "data_href": f"{job.stem}-data/",
        "css": CSS_FILE.read_text(encoding="utf-8"),
        "missing_alt": MISSING_ALT,
        "title_in_notebook": False,
    }


# --------------------------------------------------------------------------------------------
# Executing and rendering one report (runs in a worker process)


@dataclass
class Result:
    """Outcome of one job."""

    stem: str
    notebook: str
    ok: bool
    seconds: float = 0.0
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    parameter_error: bool = False
    skipped: bool = False
    phases: dict[str, float] = field(default_factory=dict)
    kept: str = ""


class NotebookFailed(BuildError):
    """A notebook raised while executing."""

    def __init__(self, message: str, parameter_error: bool = False):
        super().__init__(message)
        self.parameter_error = parameter_error


def _describe_failure(job: Job, exc: Exception) -> NotebookFailed:
    """Turn papermill's error into: notebook, cell (1-based, in the notebook file), first line, error."""
    index = getattr(exc, "cell_index", None)
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    source = getattr(exc, "source", "") or ""
    name = job.info.path.name
    if index is None:
        return NotebookFailed(f"{name}: execution failed: {ename}: {evalue}")
    # papermill inserts a cell after the parameters cell when parameters are passed
    injected = bool(job.overrides) and job.info.parameters_cell is not None
    if injected and index > job.info.parameters_cell:
        index -= 1
    if ename == "ParameterError":  # one line: the notebook and the message naming the parameter
        return NotebookFailed(f"{name}: {evalue}", parameter_error=True)
    first = next((line.strip() for line in source.splitlines() if line.strip()), "")
    where = f"{name}: cell {index + 1} (`{first[:80]}`)"
    return NotebookFailed(f"{where} raised {ename}: {evalue}")


def execute(job: Job, layout: Layout):
    """Run the notebook with papermill; return the executed notebook and its figure-data folder.

    Raises:
        NotebookFailed: naming the notebook, the cell and the error; the executed notebook is
            kept in ``build/failed/``.
    """
    import papermill as pm

    scratch = layout.scratch / job.stem
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    jupyter = ensure_kernel(layout)
    os.environ[FIGURE_DATA_ENV] = str(scratch)
    os.environ[FIGURE_DATA_LINK_ENV] = f"{job.stem}-data"
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(jupyter)] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p and p != str(jupyter)]
    )
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    os.environ["MPLBACKEND"] = "Agg"
    layout.executed.mkdir(parents=True, exist_ok=True)
    tmp = layout.executed / f".{job.stem}.tmp{os.getpid()}.ipynb"
    try:
        nb = pm.execute_notebook(
            str(job.info.path),
            str(tmp),
            parameters=dict(job.overrides),
            kernel_name=KERNEL_NAME,
            language="python",
            cwd=str(layout.notebooks),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            start_timeout=120,
            execution_timeout=CELL_TIMEOUT,
        )
    except Exception as exc:  # noqa: BLE001 - every failure is reported, with the notebook kept
        layout.failed.mkdir(parents=True, exist_ok=True)
        if tmp.exists():
            os.replace(tmp, layout.failed / f"{job.stem}.ipynb")
        raise _describe_failure(job, exc) from None
    os.replace(tmp, layout.executed / f"{job.stem}.ipynb")
    return nb, scratch


def _check_outputs(nb) -> list[str]:
    """Warnings about outputs the contract forbids: stderr text (warnings) and images without alt text."""
    notes = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                notes.append(f"cell {i + 1} writes to stderr (a warning?): {out.get('text', '').strip()[:120]!r}")
            data = out.get("data", {})
            if any(k.startswith("image/") for k in data) and not out.get("metadata", {}).get("alt"):
                notes.append(f"cell {i + 1} shows an image without alt text (use bilateral.figures.show)")
    return notes


def _mark_title_cell(nb) -> bool:
    """Flag the first Markdown cell when it opens with an H1, so the header box goes right after it."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            if cell.source.lstrip().startswith("# "):
                cell.metadata["bilateral_meta_after"] = True
                return True
            return False
    return False


def render_html(nb, header: Mapping[str, Any]) -> str:
    """Render an executed notebook to a self-contained HTML page (code hidden)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    nb = _strip_for_render(nb)
    header = dict(header)
    header["title_in_notebook"] = _mark_title_cell(nb)
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell", "remove_cell"}
    config.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output", "remove_output"}
    exporter = HTMLExporter(
        config=config,
        template_name="bilateral",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    exporter.display_data_priority = ["text/html", "text/markdown", "image/svg+xml", "image/png", "image/jpeg", "text/latex", "text/plain"]
    body, _ = exporter.from_notebook_node(nb, resources={"bilateral": header})
    return body


def _strip_for_render(nb):
    """A copy of the notebook without papermill's bookkeeping (nothing time-dependent reaches the page)."""
    import copy

    nb = copy.deepcopy(nb)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    return nb


def _pdf_stylesheet():
    """Fonts for the PDF: the DejaVu family shipped with matplotlib, so ə ş ğ ı print on any machine."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    import matplotlib

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    faces = [("DejaVuSans.ttf", "normal", "normal"), ("DejaVuSans-Bold.ttf", "bold", "normal"),
             ("DejaVuSans-Oblique.ttf", "normal", "italic"), ("DejaVuSans-BoldOblique.ttf", "bold", "italic")]
    rules = [
        f'@font-face {{ font-family: "Report Sans"; src: url("{(ttf / f).as_uri()}"); font-weight: {w}; font-style: {s}; }}'
        for f, w, s in faces
    ]
    rules.append(f'@font-face {{ font-family: "Report Mono"; src: url("{(ttf / "DejaVuSansMono.ttf").as_uri()}"); }}')
    rules.append('html, body { font-family: "Report Sans", "DejaVu Sans", sans-serif; } code, pre { font-family: "Report Mono", monospace; }')
    fonts = FontConfiguration()
    return CSS(string="\n".join(rules), font_config=fonts), fonts


def _quiet_harfbuzz(record) -> bool:
    """Drop WeasyPrint's notice that it subsets fonts with fontTools (it works, and deterministically)."""
    return "HarfBuzz-Subset" not in record.getMessage()


def render_pdf(page: str, base_dir: Path) -> bytes:
    """Print the HTML page to an A4 PDF with WeasyPrint (deterministic: no dates, no random ids)."""
    import logging
    import warnings

    logging.getLogger("weasyprint").addFilter(_quiet_harfbuzz)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        from weasyprint import HTML

    css, fonts = _pdf_stylesheet()
    # fontTools stamps the current time into each embedded font subset unless SOURCE_DATE_EPOCH is set
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        return HTML(string=page, base_url=str(base_dir) + "/").write_pdf(stylesheets=[css], font_config=fonts, pdf_identifier=False)
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def publish(job: Job, layout: Layout, page: str, pdf: bytes | None, scratch: Path) -> None:
    """Move the new outputs into the reports folder with renames; the old ones stay until then."""
    out = job.out_dir(layout)
    out.mkdir(parents=True, exist_ok=True)
    csvs = sorted(scratch.glob("*.csv"))
    staged = None
    if csvs:
        staged = out / f".{job.stem}-data.tmp{os.getpid()}"
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir()
        for f in csvs:
            shutil.copyfile(f, staged / f.name)
    if pdf is not None:
        _atomic_write(out / f"{job.stem}.pdf", pdf)
    _atomic_write(out / f"{job.stem}.html", page.encode("utf-8"))
    _replace_dir(out / f"{job.stem}-data", staged)


def run_job(job: Job, layout: Layout, commit: str, parts: Mapping[str, str]) -> Result:
    """Execute, render and publish one report; never raises (the outcome is in the :class:`Result`)."""
    start = time.perf_counter()
    result = Result(stem=job.stem, notebook=job.info.path.name, ok=False)
    try:
        nb, scratch = execute(job, layout)
        result.phases["execute"] = time.perf_counter() - start
        result.warnings = _check_outputs(nb)
        header = page_info(job, commit, layout)
        if not any(scratch.glob("*.csv")):
            header["data_href"] = ""
        page = render_html(nb, header)
        result.phases["html"] = time.perf_counter() - start - sum(result.phases.values())
        pdf = None if job.html_only else render_pdf(page, job.out_dir(layout))
        result.phases["pdf"] = time.perf_counter() - start - sum(result.phases.values())
        publish(job, layout, page, pdf, scratch)
        _write_stamp(job, parts, layout, pdf=pdf is not None)
        old_pdf = job.out_dir(layout) / f"{job.stem}.pdf"
        if pdf is None and old_pdf.is_file():
            result.warnings.append(f"--html-only: {old_pdf.name} is from an earlier build and may not match the new HTML")
        result.ok = True
    except NotebookFailed as exc:
        result.message, result.parameter_error = str(exc), exc.parameter_error
        kept = layout.failed / f"{job.stem}.ipynb"
        result.kept = str(kept) if kept.is_file() else ""
    except Exception as exc:  # noqa: BLE001 - report, keep going with the other notebooks
        result.message = f"{job.info.path.name}: rendering failed: {type(exc).__name__}: {exc}"
    result.seconds = time.perf_counter() - start
    return result


# --------------------------------------------------------------------------------------------
# Index page


def _read_commit(html_path: Path) -> str:
    """The build commit recorded in a report page's ``<meta name="bilateral-build-commit">``."""
    with html_path.open("rb") as fh:
        head = fh.read(16384).decode("utf-8", "replace")
    tag = re.search(r'<meta[^>]*name="bilateral-build-commit"[^>]*>', head)
    value = re.search(r'content="([^"]*)"', tag.group(0)) if tag else None
    return html.unescape(value.group(1)) if value else "unknown"


def render_index(layout: Layout) -> str:
    """The index page: every default report that exists in the reports folder, in file-name order."""
    import jinja2

    from bilateral.sources.catalog import SOURCES

    reports = []
    for path in find_notebooks(layout.notebooks):
        html_path = layout.reports / f"{path.stem}.html"
        if not html_path.is_file():
            continue
        info = read_notebook(path)
        data_dir = layout.reports / f"{path.stem}-data"
        reports.append(
            {
                "title": info.title,
                "summary": info.summary,
                "parameters": [{"name": k, "value": _format_value(v)} for k, v in info.defaults.items()],
                "sources": [
                    {"short": SOURCES[k].short, "vintage": SOURCES[k].vintage} if k in SOURCES else {"short": k, "vintage": "unknown source key"}
                    for k in info.sources
                ],
                "commit": _read_commit(html_path),
                "html_href": html_path.name,
                "pdf_href": f"{path.stem}.pdf" if (layout.reports / f"{path.stem}.pdf").is_file() else "",
                "data": [{"name": f.name, "href": f"{data_dir.name}/{f.name}"} for f in sorted(data_dir.glob("*.csv"))],
            }
        )
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR / "bilateral")), autoescape=False)
    page = env.get_template("site.html.j2")
    return page.render(title=INDEX_TITLE, summary=INDEX_SUMMARY, css=CSS_FILE.read_text(encoding="utf-8"), reports=reports)


def write_index(layout: Layout) -> bool:
    """Rewrite ``reports/index.html`` if its content changed; return whether it was written."""
    data = render_index(layout).encode("utf-8")
    path = layout.reports / "index.html"
    if path.is_file() and path.read_bytes() == data:
        return False
    _atomic_write(path, data)
    return True


# --------------------------------------------------------------------------------------------
# The build


class BuildLock:
    """An exclusive lock on ``build/.lock``: a second build waits for the first to finish."""

    def __init__(self, layout: Layout, log=print):
        self.path = layout.build / ".lock"
        self.log = log
        self.fh = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = self.path.open("a")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.log(f"another build is running (lock {self.path}); waiting for it to finish...")
            fcntl.flock(self.fh, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


@dataclass
class BuildReport:
    """What a build did."""

    results: list[Result] = field(default_factory=list)
    index_written: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def built(self) -> list[Result]:
        return [r for r in self.results if r.ok and not r.skipped]


def plan(
    names: Sequence[str] = (),
    overrides: Mapping[str, Any] | None = None,
    *,
    html_only: bool = False,
    layout: Layout = Layout(),
) -> list[Job]:
    """The jobs for the named notebooks (or all), after checking the parameter names.

    Raises:
        ParameterError: a ``-p`` name that a notebook does not declare (named, with the allowed ones).
        BuildError: an unknown notebook, or a parameters cell that is not plain literals.
    """
    overrides = dict(overrides or {})
    if overrides:
        from bilateral.params import check_names  # imports pandas via countries: only when needed
    jobs = []
    for path in find_notebooks(layout.notebooks, names):
        info = read_notebook(path)
        if overrides:
            if info.parameters_cell is None:
                raise ParameterError(f"{path.name} has no cell tagged 'parameters', so it takes no parameters")
            try:
                check_names(overrides, info.defaults)
            except ParameterError as exc:
                raise ParameterError(f"{path.name}: {exc}") from None
        jobs.append(Job(info=info, overrides=overrides, html_only=html_only))
    return jobs


def build(
    names: Sequence[str] = (),
    overrides: Mapping[str, Any] | None = None,
    *,
    html_only: bool = False,
    force: bool = False,
    jobs: int | None = None,
    layout: Layout = Layout(),
    commit: str | None = None,
    log=print,
) -> BuildReport:
    """Build reports; see the module docstring. Parameter-name errors raise before anything runs.

    Args:
        names: notebooks to build (stems or file names); all in ``layout.notebooks`` when empty.
        overrides: parameter values for every named notebook (outputs then go to ``reports/variants/``
            unless every value equals the default).
        html_only: skip the PDF.
        force: rebuild even when the inputs are unchanged.
        jobs: worker processes (default: the number of CPUs, at most the number of reports).
        layout: folders to read and write.
        commit: build commit to show (default: ``git rev-parse --short HEAD`` plus a dirty flag).
        log: where progress lines go.
    """
    start = time.perf_counter()
    todo = plan(names, overrides, html_only=html_only, layout=layout)
    report = BuildReport()
    with BuildLock(layout, log):
        _remove_leftovers(layout)
        shared = shared_parts(layout)
        pending = []
        for job in todo:
            parts = {**shared, **job_parts(job)}
            reasons = ["--force"] if force else stale_reasons(job, parts, layout)
            if reasons:
                pending.append((job, parts))
                log(f"{job.stem}: {', '.join(reasons)}")
            else:
                report.results.append(Result(job.stem, job.info.path.name, ok=True, skipped=True))
        if pending:
            commit = commit or build_commit(layout.repo)
            ensure_kernel(layout)
            workers = max(1, min(jobs or os.cpu_count() or 1, len(pending)))
            log(f"building {len(pending)} report(s) with {workers} worker(s): {', '.join(j.stem for j, _ in pending)}")
            for result in _run_all(pending, layout, commit, workers):
                report.results.append(result)
                if result.ok:
                    phases = ", ".join(f"{k} {v:.1f} s" for k, v in result.phases.items())
                    log(f"  built {result.stem} in {result.seconds:.1f} s ({phases})")
                    for note in result.warnings:
                        log(f"  warning: {result.notebook}: {note}")
                else:
                    log(f"  FAILED {result.message}")
        if any(not job.variant for job in todo) or not (layout.reports / "index.html").exists():
            report.index_written = write_index(layout)
    report.seconds = time.perf_counter() - start
    return report


def _run_all(pending: list[tuple[Job, dict[str, str]]], layout: Layout, commit: str, workers: int) -> Iterable[Result]:
    """Run jobs in a process pool (or in this process when there is one worker), yielding as they finish."""
    saved = dict(os.environ)
    try:
        if workers == 1:
            for job, parts in pending:
                yield run_job(job, layout, commit, parts)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(run_job, job, layout, commit, parts) for job, parts in pending]
            for future in as_completed(futures):
                yield future.result()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def summarise(report: BuildReport) -> str:
    """Closing lines: what was built, skipped and failed."""
    built = [r.stem for r in report.built]
    skipped = [r.stem for r in report.results if r.skipped]
    failed = [r for r in report.results if not r.ok]
    lines = []
    if built:
        lines.append(f"built: {', '.join(built)}")
    if skipped:
        lines.append(f"up to date (inputs unchanged): {', '.join(skipped)}")
    if report.index_written:
        lines.append("index: reports/index.html rewritten")
    for r in failed:
        kind = "parameter error" if r.parameter_error else "error"
        lines.append(f"{kind}: {r.message}")
        if r.parameter_error:  # nothing ran past the check: the message is all there is to say
            continue
        if r.kept:
            lines.append(f"  the executed notebook is kept for inspection: {r.kept}")
        lines.append(f"  the previous outputs of {r.stem} (if any) are untouched")
    lines.append(f"{'FAILED' if failed else 'done'} in {report.seconds:.2f} s")
    return "\n".join(lines)
