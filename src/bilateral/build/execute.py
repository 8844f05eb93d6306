"""Running one job: execute the notebook with papermill in the build's kernel, render it, and move the
results into place atomically (a failed job leaves the previous report intact)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bilateral.build import kernels
from bilateral.build.jobs import Job, _atomic_write, _write_stamp
from bilateral.build.render import _check_outputs, page_info, render_html, render_pdf
from bilateral.build.settings import CELL_TIMEOUT, FIGURE_DATA_ENV, FIGURE_DATA_LINK_ENV, KERNEL_NAME, Layout
from bilateral.errors import BuildError
from bilateral.pages import add_navigation


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
    engine = {}
    if kernels.reuse_enabled():
        env = {FIGURE_DATA_ENV: os.environ[FIGURE_DATA_ENV], FIGURE_DATA_LINK_ENV: os.environ[FIGURE_DATA_LINK_ENV]}
        engine = {"engine_name": kernels.register_engine(), "kernel_env": env}
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
            **engine,
        )
    except Exception as exc:
        layout.failed.mkdir(parents=True, exist_ok=True)
        if tmp.exists():
            os.replace(tmp, layout.failed / f"{job.stem}.ipynb")
        raise _describe_failure(job, exc) from None
    os.replace(tmp, layout.executed / f"{job.stem}.ipynb")
    return nb, scratch


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
    """Execute, render and publish one report; never raises (the outcome is in the :class:`Result`).

    Afterwards the worker gives the memory the report's pages took back to the system
    (:func:`bilateral.build.kernels.release_memory`), so that a worker waiting for its kernel holds little.
    """
    result = _run_job(job, layout, inputs, parts)
    kernels.release_memory()
    return result


def _run_job(job: Job, layout: Layout, inputs: str, parts: Mapping[str, str]) -> Result:
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
