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
   the data vintages and the build's inputs identifier (:func:`inputs_id`: a short hash of
   everything the report depends on, so that the same inputs always give the same page, whatever
   commit or clone builds it);
5. prints the HTML to an A4 PDF with WeasyPrint;
6. moves everything into ``reports/`` with atomic renames, so a failed build never leaves a
   half-written report, and rewrites ``reports/index.html``.

Reports with non-default parameters go to ``reports/variants/`` under a name made of their
parameters (see :func:`variant_stem`), so the committed default reports are never overwritten;
``reports/variants/index.html`` (and ``variants.json``) list them. ``pairs=`` builds one notebook for
many country pairs in the same pool (``bilateral build trade --pairs AZE-TUR,ARM-RUS``); a pair that
fails is reported and the others still build. Reports build in parallel (a process pool, one kernel
per report); a lock file makes a second concurrent build wait. Output is deterministic: no timestamps or random ids anywhere, so two builds
from the same inputs give byte-identical HTML and PDF files (and ``make reports`` on a fresh clone
leaves ``git status`` clean). Before the workers start, the build validates and caches every
processed table once (:func:`bilateral.data.warm_cache`), so the kernels read binary copies.

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
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilateral import glossary, landing, paths
from bilateral.errors import BuildError, ParameterError
from bilateral.glossary import GLOSSARY_PAGE
from bilateral.pages import add_navigation, suite_menu, without_local_links

#: Bump when the build's own output format changes in a way the hashed inputs would not show.
ENGINE_VERSION = "2"
#: The kernelspec the build writes under ``build/jupyter``: this virtualenv's interpreter.
KERNEL_NAME = "bilateral-venv"
PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
CSS_FILE = PACKAGE_DIR / "assets" / "report.css"
FIGURE_DATA_ENV = "BILATERAL_FIGURE_DATA_DIR"
FIGURE_DATA_LINK_ENV = "BILATERAL_FIGURE_DATA_LINK"
#: Characters of the inputs hash shown on the page (48 bits: collisions are not a concern here).
INPUTS_ID_LENGTH = 12
#: Seconds one cell may run before the build gives up on the notebook.
CELL_TIMEOUT = 900
MISSING_ALT = "Chart (the notebook gave no text description)"
INDEX_TITLE = "Azerbaijan–Türkiye relations: reports"
INDEX_SUMMARY = (
    "Reproducible reports, one per dimension of the relationship, built from the notebooks in this repository."
)


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
    pair: str = ""

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


def _hash_files(files: Iterable[Path], root: Path, digest: hashlib._Hash) -> None:
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
        sorted(
            p
            for p in layout.src.rglob("*")
            if p.is_file()
            and "__pycache__" not in p.parts
            and p.suffix not in (".pyc", ".pyo")
            and not p.name.startswith(".")
        ),
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


def inputs_id(job: Job, shared: str) -> str:
    """The identifier a report page shows and records: the start of :func:`job_digest`.

    It depends only on the files (notebook, ``src/``, ``data/processed/``, lock file) and the
    parameters, never on the commit or the clone, so a report built from a fresh clone is byte-identical
    to the committed one, and a test can tell whether the committed reports are current by hashing the tree.
    """
    return job_digest(job, shared)[:INPUTS_ID_LENGTH]


def _stamp_path(job: Job, layout: Layout) -> Path:
    return layout.stamps / ("variants" if job.variant else "") / f"{job.stem}.json"


_INPUT_NAMES = {
    "src": "src/",
    "data": "data/processed/",
    "lock": "requirements.lock",
    "notebook": "the notebook",
    "parameters": "the parameters",
}


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


def ensure_kernel(layout: Layout) -> Path:
    """Write a kernelspec that runs this interpreter (``sys.executable``); return its ``JUPYTER_PATH`` folder.

    The build puts that folder first on ``JUPYTER_PATH``, so the kernel is this virtualenv's
    Python whatever other kernels the machine has, with no manual ``ipykernel install`` step.
    """
    spec = {
        "argv": [
            sys.executable,
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--IPKernelApp.log_level=CRITICAL",
        ],
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


def page_info(job: Job, inputs: str, layout: Layout) -> dict[str, Any]:
    """The header of a report page: title, parameters, data vintages, inputs identifier, links."""
    from bilateral.catalog import SOURCES

    info = job.info
    params = []
    for name, value in job.parameters.items():
        default = info.defaults.get(name)
        changed = name in job.changed
        params.append(
            {"name": name, "value": _format_value(value), "default": _format_value(default), "changed": changed}
        )
    sources = []
    for key in info.sources:
        src = SOURCES.get(key)
        sources.append(
            {"short": src.short, "vintage": src.vintage} if src else {"short": key, "vintage": "unknown source key"}
        )
    return {
        "title": info.title,
        "summary": info.summary,
        "parameters": params,
        "sources": sources,
        "inputs": inputs,
        "notebook": f"notebooks/{info.path.name}",
        "index_href": "../index.html" if job.variant else "index.html",
        "glossary_href": f"{'../' if job.variant else ''}{GLOSSARY_PAGE}",
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
    pair: str = ""


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
    except Exception as exc:
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


def _title_in_notebook(nb) -> bool:
    """Whether the first Markdown cell opens with an H1 (else the page template writes the title)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            return cell.source.lstrip().startswith("# ")
    return False


def render_html(nb, header: Mapping[str, Any]) -> str:
    """Render an executed notebook to a self-contained HTML page (code hidden)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    nb = _strip_for_render(nb)
    header = dict(header)
    header["title_in_notebook"] = _title_in_notebook(nb)
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
    exporter.display_data_priority = [
        "text/html",
        "text/markdown",
        "image/svg+xml",
        "image/png",
        "image/jpeg",
        "text/latex",
        "text/plain",
    ]
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
    import matplotlib
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    faces = [
        ("DejaVuSans.ttf", "normal", "normal"),
        ("DejaVuSans-Bold.ttf", "bold", "normal"),
        ("DejaVuSans-Oblique.ttf", "normal", "italic"),
        ("DejaVuSans-BoldOblique.ttf", "bold", "italic"),
    ]
    rules = [
        f'@font-face {{ font-family: "Report Sans"; src: url("{(ttf / f).as_uri()}"); font-weight: {w}; font-style: {s}; }}'
        for f, w, s in faces
    ]
    rules.append(f'@font-face {{ font-family: "Report Mono"; src: url("{(ttf / "DejaVuSansMono.ttf").as_uri()}"); }}')
    rules.append(
        'html, body { font-family: "Report Sans", "DejaVu Sans", sans-serif; } code, pre { font-family: "Report Mono", monospace; }'
    )
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
        return HTML(string=without_local_links(page), base_url=str(base_dir) + "/").write_pdf(
            stylesheets=[css], font_config=fonts, pdf_identifier=False
        )
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


def run_job(job: Job, layout: Layout, inputs: str, parts: Mapping[str, str]) -> Result:
    """Execute, render and publish one report; never raises (the outcome is in the :class:`Result`)."""
    start = time.perf_counter()
    result = Result(stem=job.stem, notebook=job.info.path.name, ok=False, pair=job.pair)
    try:
        nb, scratch = execute(job, layout)
        result.phases["execute"] = time.perf_counter() - start
        result.warnings = _check_outputs(nb)
        header = page_info(job, inputs, layout)
        if not any(scratch.glob("*.csv")):
            header["data_href"] = ""
        page = add_navigation(render_html(nb, header), current=job.stem, prefix="../" if job.variant else "")
        result.phases["html"] = time.perf_counter() - start - sum(result.phases.values())
        pdf = None if job.html_only else render_pdf(page, job.out_dir(layout))
        result.phases["pdf"] = time.perf_counter() - start - sum(result.phases.values())
        publish(job, layout, page, pdf, scratch)
        _write_stamp(job, parts, layout, pdf=pdf is not None)
        old_pdf = job.out_dir(layout) / f"{job.stem}.pdf"
        if pdf is None and old_pdf.is_file():
            result.warnings.append(
                f"--html-only: {old_pdf.name} is from an earlier build and may not match the new HTML"
            )
        result.ok = True
    except NotebookFailed as exc:
        result.message, result.parameter_error = str(exc), exc.parameter_error
        kept = layout.failed / f"{job.stem}.ipynb"
        result.kept = str(kept) if kept.is_file() else ""
    except Exception as exc:
        result.message = f"{job.info.path.name}: rendering failed: {type(exc).__name__}: {exc}"
    result.seconds = time.perf_counter() - start
    return result


# --------------------------------------------------------------------------------------------
# Index page


def read_meta(html_path: Path, name: str) -> str:
    """The content of a report page's ``<meta name="bilateral-<name>">`` ('' when absent)."""
    with html_path.open("rb") as fh:
        head = fh.read(16384).decode("utf-8", "replace")
    tag = re.search(rf'<meta[^>]*name="bilateral-{re.escape(name)}"[^>]*>', head)
    value = re.search(r'content="([^"]*)"', tag.group(0)) if tag else None
    return html.unescape(value.group(1)) if value else ""


def read_inputs_id(html_path: Path) -> str:
    """The inputs identifier recorded in a report page (``<meta name="bilateral-build-inputs">``)."""
    return read_meta(html_path, "build-inputs") or "unknown"


def render_index(layout: Layout) -> str:
    """The landing page: the question and the overview's takeaways, the reports in reading order with their
    published findings (other notebooks after them), build details at the end (see :mod:`bilateral.landing`)."""
    from bilateral.catalog import SOURCES

    entries = []
    for path in find_notebooks(layout.notebooks):
        html_path = layout.reports / f"{path.stem}.html"
        if not html_path.is_file():
            continue
        info = read_notebook(path)
        sources = [
            {"short": SOURCES[k].short, "vintage": SOURCES[k].vintage}
            if k in SOURCES
            else {"short": k, "vintage": "unknown source key"}
            for k in info.sources
        ]
        entries.append(
            landing.entry(
                path.stem,
                info.title,
                info.summary,
                layout.reports,
                f"notebooks/{path.name}",
                read_inputs_id(html_path),
                info.defaults,
                sources,
            )
        )
    return landing.landing_html(
        entries, layout.reports, css=CSS_FILE.read_text(encoding="utf-8"), templates_dir=TEMPLATES_DIR / "bilateral"
    )


def render_glossary() -> str:
    """The suite's glossary page (``reports/glossary.html``), from ``assets/glossary.md``."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR / "bilateral")), autoescape=False)
    body = glossary.glossary_body(glossary.load())
    return env.get_template("glossary.html.j2").render(
        title="Glossary",
        summary="The terms the reports use, explained.",
        css=CSS_FILE.read_text(encoding="utf-8"),
        menu=suite_menu("glossary"),
        body=body,
    )


def write_glossary(layout: Layout) -> bool:
    """Rewrite ``reports/glossary.html`` if its content changed; return whether it was written."""
    data = render_glossary().encode("utf-8")
    path = layout.reports / GLOSSARY_PAGE
    if path.is_file() and path.read_bytes() == data:
        return False
    layout.reports.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, data)
    return True


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
    variants_index_written: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def built(self) -> list[Result]:
        return [r for r in self.results if r.ok and not r.skipped]

    @property
    def failed_pairs(self) -> list[str]:
        """``"<notebook>: <A-B>"`` for every pair of a ``pairs=`` build that failed."""
        return [f"{Path(r.notebook).stem}: {r.pair}" for r in self.results if not r.ok and r.pair]


_PAIR = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")


def parse_pairs(text: str, where: str = "--pairs") -> list[tuple[str, str]]:
    """``"AZE-TUR, arm-rus"`` -> ``[("AZE", "TUR"), ("ARM", "RUS")]`` (upper-cased, duplicates dropped, order kept).

    Raises:
        ParameterError: naming the item that is not two three-letter codes joined by a hyphen.
    """
    pairs: list[tuple[str, str]] = []
    for item in (t.strip() for t in text.replace("\n", ",").split(",")):
        if not item:
            continue
        match = _PAIR.match(item)
        if not match:
            raise ParameterError(
                f"{where}: {item!r} is not a pair; write two ISO3 codes joined by a hyphen, e.g. AZE-TUR"
            )
        pair = (match.group(1).upper(), match.group(2).upper())
        if pair not in pairs:
            pairs.append(pair)
    return pairs


def read_pairs_file(path: Path) -> list[tuple[str, str]]:
    """Pairs from a grid file: one ``AAA-BBB`` per line (or several, comma-separated); ``#`` starts a comment.

    Raises:
        ParameterError: for a missing file or a line that is not a pair (named with its line number).
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ParameterError(f"--pairs-file {path}: cannot read it: {exc.strerror or exc}") from None
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(lines, 1):
        for pair in parse_pairs(line.split("#", 1)[0], where=f"{path}, line {number}"):
            if pair not in pairs:
                pairs.append(pair)
    if not pairs:
        raise ParameterError(f"--pairs-file {path}: no pair in it; write one pair per line, e.g. AZE-TUR")
    return pairs


def plan(
    names: Sequence[str] = (),
    overrides: Mapping[str, Any] | None = None,
    *,
    html_only: bool = False,
    layout: Layout = Layout(),
    pairs: Sequence[tuple[str, str]] = (),
) -> list[Job]:
    """The jobs for the named notebooks (or all), after checking the parameter names.

    With ``pairs``, one job per notebook and pair (``country_a``, ``country_b`` set from the pair,
    the other ``overrides`` for every pair). Codes are not checked here: a pair the notebook refuses
    fails on its own when it runs, and the other pairs still build.

    Raises:
        ParameterError: a ``-p`` name that a notebook does not declare (named, with the allowed ones).
        BuildError: an unknown notebook, or a parameters cell that is not plain literals.
    """
    overrides = dict(overrides or {})
    variants = [dict(overrides)]
    if pairs:
        clash = sorted({"country_a", "country_b"} & set(overrides))
        if clash:
            raise ParameterError(f"--pairs sets country_a and country_b; do not also pass {', '.join(clash)} with -p")
        variants = [{"country_a": a, "country_b": b, **overrides} for a, b in pairs]
    if variants[0]:
        from bilateral.params import check_names  # imports pandas via countries: only when needed
    jobs = []
    for path in find_notebooks(layout.notebooks, names):
        info = read_notebook(path)
        if variants[0]:
            if info.parameters_cell is None:
                raise ParameterError(f"{path.name} has no cell tagged 'parameters', so it takes no parameters")
            try:
                check_names(variants[0], info.defaults)
            except ParameterError as exc:
                raise ParameterError(f"{path.name}: {exc}") from None
        for values in variants:
            pair = f"{values['country_a']}-{values['country_b']}" if pairs else ""
            jobs.append(Job(info=info, overrides=values, html_only=html_only, pair=pair))
    return jobs


def build(
    names: Sequence[str] = (),
    overrides: Mapping[str, Any] | None = None,
    *,
    html_only: bool = False,
    force: bool = False,
    jobs: int | None = None,
    layout: Layout = Layout(),
    pairs: Sequence[tuple[str, str]] = (),
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
        pairs: build each notebook once per ``(country_a, country_b)`` pair, in one pool; a failed pair
            is reported in the results (``Result.pair``) and does not stop the others.
        log: where progress lines go.
    """
    start = time.perf_counter()
    todo = plan(names, overrides, html_only=html_only, layout=layout, pairs=pairs)
    report = BuildReport()
    with BuildLock(layout, log):
        _remove_leftovers(layout)
        shared = shared_parts(layout)
        shared_hash = _sha(json.dumps(shared, sort_keys=True).encode())
        pending = []
        for job in todo:
            parts = {**shared, **job_parts(job)}
            reasons = ["--force"] if force else stale_reasons(job, parts, layout)
            if reasons:
                pending.append((job, parts))
                log(f"{job.stem}: {', '.join(reasons)}")
            else:
                report.results.append(Result(job.stem, job.info.path.name, ok=True, skipped=True, pair=job.pair))
        if pending:
            ensure_kernel(layout)
            workers = max(1, min(jobs or os.cpu_count() or 1, len(pending)))
            tables = _tables_to_cache(layout, log)
            log(f"building {len(pending)} report(s) with {workers} worker(s): {', '.join(j.stem for j, _ in pending)}")
            ids = {job.stem: inputs_id(job, shared_hash) for job, _ in pending}
            for result in _run_all(pending, layout, ids, workers, tables):
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
            write_glossary(layout)
        if any(job.variant for job in todo):
            report.variants_index_written = write_variants_index(layout, todo, report.results)
    report.seconds = time.perf_counter() - start
    return report


def _tables_to_cache(layout: Layout, log) -> list[str]:
    """The processed tables without a validated copy (see :mod:`bilateral.data`), largest first.

    Only for the project's own data folder (the kernels read that one). The workers validate them
    before the first report starts, so that each table is validated once, not once per kernel.
    """
    if layout.data.resolve() != paths.PROCESSED_DIR.resolve() or not layout.data.is_dir():
        return []
    from bilateral.data import uncached

    names = uncached(layout.data)
    if names:
        log(f"validating and caching {len(names)} processed table(s) for the kernels")
    return names


def _warm(names: Sequence[str]) -> str:
    """Validate and cache tables in a worker; returns '' or why it failed (the notebooks then report it)."""
    try:
        from bilateral.data import warm_cache

        warm_cache(names=list(names))
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return ""


def _preload() -> None:
    """Import papermill, nbconvert and WeasyPrint here (about 6 s together) rather than in every worker."""
    import warnings

    import papermill  # noqa: F401
    from nbconvert import HTMLExporter  # noqa: F401

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        import weasyprint  # noqa: F401


def _run_all(
    pending: list[tuple[Job, dict[str, str]]],
    layout: Layout,
    ids: Mapping[str, str],
    workers: int,
    tables: Sequence[str] = (),
) -> Iterable[Result]:
    """Run jobs in a process pool (or in this process when there is one worker), yielding as they finish.

    First short-lived processes validate and cache ``tables`` (shared out, largest first) while this
    process imports papermill, nbconvert and WeasyPrint; then the report workers are forked, inheriting
    those imports, and live for the whole build however many reports (or pairs) they build; each report
    still gets a fresh kernel.
    """
    saved = dict(os.environ)
    try:
        if workers == 1:
            if tables:
                _warm(tables)
            for job, parts in pending:
                yield run_job(job, layout, ids[job.stem], parts)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        fork = multiprocessing.get_context("fork")
        shares = [list(tables[i::workers]) for i in range(workers) if tables[i::workers]]
        # the tables are cached in short-lived processes (the report workers do not keep their memory),
        # while this process imports what every worker needs, once, for the workers to inherit
        warming = ProcessPoolExecutor(max_workers=len(shares), mp_context=fork) if shares else None
        try:
            waits = [warming.submit(_warm, share) for share in shares] if warming else []
            _preload()
            for wait in waits:
                wait.result()
        finally:
            if warming:
                warming.shutdown()
        with ProcessPoolExecutor(max_workers=workers, mp_context=fork) as pool:
            futures = [pool.submit(run_job, job, layout, ids[job.stem], parts) for job, parts in pending]
            for future in as_completed(futures):
                yield future.result()
    finally:
        os.environ.clear()
        os.environ.update(saved)


# --------------------------------------------------------------------------------------------
# Index of the variants (reports/variants/index.html and variants.json)


def _variant_entries(layout: Layout, todo: Sequence[Job], results: Sequence[Result]) -> list[dict[str, Any]]:
    """The manifest's entries: the previous ones whose page still exists, updated with this build's outcomes."""
    folder = layout.reports / "variants"
    manifest = folder / "variants.json"
    try:
        entries = {e["stem"]: e for e in json.loads(manifest.read_text(encoding="utf-8"))["variants"]}
    except (OSError, ValueError, KeyError, TypeError):
        entries = {}
    outcome = {r.stem: r for r in results}
    for job in todo:
        if not job.variant:
            continue
        r = outcome.get(job.stem)
        entries[job.stem] = {
            "stem": job.stem,
            "notebook": job.info.name,
            "title": job.info.title,
            "pair": job.pair
            or f"{job.parameters.get('country_a', '')}-{job.parameters.get('country_b', '')}".strip("-"),
            "parameters": {k: _format_value(v) for k, v in sorted(job.changed.items())},
            "ok": bool(r and r.ok),
            "error": "" if r is None or r.ok else r.message,
        }
    out = []
    for stem, entry in sorted(
        entries.items(), key=lambda kv: (kv[1].get("notebook", ""), kv[1].get("pair", ""), kv[0])
    ):
        html_path = folder / f"{stem}.html"
        exists = html_path.is_file()
        if not exists and entry.get("ok", True):
            continue  # removed by hand: forget it
        entry = dict(entry)
        entry["html_href"] = f"{stem}.html" if exists else ""
        entry["pdf_href"] = f"{stem}.pdf" if (folder / f"{stem}.pdf").is_file() else ""
        entry["inputs"] = read_inputs_id(html_path) if exists else ""
        out.append(entry)
    return out


def write_variants_index(layout: Layout, todo: Sequence[Job] = (), results: Sequence[Result] = ()) -> bool:
    """Rewrite ``reports/variants/variants.json`` and ``index.html``: every variant report in the folder
    with its parameters, links and the outcome of its last build (a failed one keeps its earlier page,
    if any). Returns whether anything changed."""
    import jinja2

    folder = layout.reports / "variants"
    entries = _variant_entries(layout, todo, results)
    data = (json.dumps({"variants": entries}, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR / "bilateral")), autoescape=False)
    page = (
        env.get_template("variants.html.j2")
        .render(
            title="Report variants",
            summary=VARIANTS_SUMMARY,
            css=CSS_FILE.read_text(encoding="utf-8"),
            variants=entries,
        )
        .encode("utf-8")
    )
    changed = False
    for path, content in ((folder / "variants.json", data), (folder / "index.html", page)):
        if not (path.is_file() and path.read_bytes() == content):
            _atomic_write(path, content)
            changed = True
    return changed


VARIANTS_SUMMARY = (
    "Reports built with parameters other than the defaults (for example one report per country pair), "
    "from the same notebooks as the main reports. They are not part of the published suite."
)


def summarise(report: BuildReport) -> str:
    """Closing lines: what was built, skipped and failed (failed pairs named together at the end)."""
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
    if report.variants_index_written:
        lines.append("variants: reports/variants/index.html rewritten")
    for r in failed:
        kind = "parameter error" if r.parameter_error else "error"
        lines.append(f"{kind}: {r.message}")
        if r.parameter_error:  # nothing ran past the check: the message is all there is to say
            continue
        if r.kept:
            lines.append(f"  the executed notebook is kept for inspection: {r.kept}")
        lines.append(f"  the previous outputs of {r.stem} (if any) are untouched")
    if report.failed_pairs:
        ok = sum(1 for r in report.results if r.ok and r.pair)
        lines.append(
            f"failed pairs ({len(report.failed_pairs)}; {ok} built or up to date): {', '.join(report.failed_pairs)}"
        )
    lines.append(f"{'FAILED' if failed else 'done'} in {report.seconds:.2f} s")
    return "\n".join(lines)
