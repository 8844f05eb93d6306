"""The build as a whole: plan the jobs, skip what is current, warm the table cache, run the jobs in a
process pool, and summarise (:func:`build`)."""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilateral import paths
from bilateral.build import kernels
from bilateral.build.execute import Result, _remove_leftovers, ensure_kernel, run_job
from bilateral.build.jobs import Job, _atomic_write, _sha, inputs_id, job_parts, shared_parts, stale_reasons
from bilateral.build.notebooks import find_notebooks, read_notebook
from bilateral.build.pages import write_glossary, write_index, write_variants_index
from bilateral.build.settings import Layout, skip_unused_imports
from bilateral.errors import ParameterError


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
    skip_unused_imports()
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
            warm = _warms_tables(layout)
            log(f"building {len(pending)} report(s) with {workers} worker(s): {', '.join(j.stem for j, _ in pending)}")
            ids = {job.stem: inputs_id(job, shared_hash) for job, _ in pending}
            pending = longest_first(pending, layout)
            for result in _run_all(pending, layout, ids, workers, warm, log):
                report.results.append(result)
                if result.ok:
                    phases = ", ".join(f"{k} {v:.1f} s" for k, v in result.phases.items())
                    log(f"  built {result.stem} in {result.seconds:.1f} s ({phases})")
                    for note in result.warnings:
                        log(f"  warning: {result.notebook}: {note}")
                else:
                    log(f"  FAILED {result.message}")
            _record_durations(layout, report.results)
        if any(not job.variant for job in todo) or not (layout.reports / "index.html").exists():
            report.index_written = write_index(layout)
            write_glossary(layout)
        if any(job.variant for job in todo):
            report.variants_index_written = write_variants_index(layout, todo, report.results)
    report.seconds = time.perf_counter() - start
    return report


DURATIONS_FILE = "durations.json"


def longest_first(pending: list[tuple[Job, dict[str, str]]], layout: Layout) -> list[tuple[Job, dict[str, str]]]:
    """The jobs in the order the pool should start them: the longest first, so that two workers finish
    together rather than one waiting on a long report started last. A job's expected time is its last
    build's (``build/durations.json``), or else its notebook's size (10 kB per second, a rough fit)."""
    path = layout.build / DURATIONS_FILE
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}

    def expected(item: tuple[Job, dict[str, str]]) -> float:
        job = item[0]
        return float(known.get(job.stem) or job.info.path.stat().st_size / 10_000)

    return sorted(pending, key=expected, reverse=True)


def _record_durations(layout: Layout, results: Sequence[Result]) -> None:
    """Remember how long each built report took (for :func:`longest_first`)."""
    path = layout.build / DURATIONS_FILE
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    known.update({r.stem: round(r.seconds, 2) for r in results if r.ok and not r.skipped})
    _atomic_write(path, json.dumps(known, indent=1, sort_keys=True).encode())


def _warms_tables(layout: Layout) -> bool:
    """Whether the build caches the processed tables before its reports (see :mod:`bilateral.data`): only
    for the project's own data folder, the one the kernels read."""
    return layout.data.resolve() == paths.PROCESSED_DIR.resolve() and layout.data.is_dir()


def _warm(i: int, n: int) -> tuple[int, str]:
    """Validate and cache share ``i`` of ``n`` of the tables without a copy (:func:`bilateral.data.warm_share`);
    returns how many, and '' or why it failed (the notebooks then report it when they read the table)."""
    try:
        from bilateral.data import warm_share

        return len(warm_share(i, n)), ""
    except Exception as exc:
        return 0, f"{type(exc).__name__}: {exc}"


def _preload() -> None:
    """Import papermill, nbconvert and WeasyPrint here (about 1.3 s together) rather than in every worker."""
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
    warm: bool = False,
    log=print,
) -> Iterable[Result]:
    """Run jobs in a process pool (or in this process when there is one worker), yielding as they finish.

    With ``warm``, short-lived processes validate and cache the processed tables that have no copy yet
    (each process finds them and takes its share, so this process never imports pandas), while this
    process imports papermill, nbconvert and WeasyPrint; then the report workers are forked, inheriting
    those imports, and live for the whole build however many reports (or pairs) they build. The workers
    do not wait for the caching: their kernels start and import meanwhile, and a kernel that reads a table
    still being cached waits for its copy (:func:`bilateral.data.read_validated` locks it while it is made).
    """
    saved = dict(os.environ)
    try:
        if workers == 1:
            if warm:
                _log_warmed([_warm(0, 1)], log)
            for job, parts in pending:
                yield run_job(job, layout, ids[job.stem], parts)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        fork = multiprocessing.get_context("fork")
        # plain processes, not a pool: this process must have no other thread when it forks the workers
        warmers = [_start_warmer(fork, i, workers) for i in range(workers)] if warm else []
        try:
            _preload()
            with ProcessPoolExecutor(max_workers=workers, mp_context=fork) as pool:
                futures = [pool.submit(run_job, job, layout, ids[job.stem], parts) for job, parts in pending]
                for future in as_completed(futures):
                    yield future.result()
        finally:
            _log_warmed([_finish_warmer(w) for w in warmers], log)
    finally:
        kernels.shutdown()  # the kernel kept by this process when it ran the jobs itself
        os.environ.clear()
        os.environ.update(saved)


def _start_warmer(context, i: int, n: int):
    """Start a process that caches share ``i`` of ``n`` of the tables (:func:`_warm`) and sends back its outcome."""
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_warm_and_send, args=(i, n, send), daemon=True)
    process.start()
    send.close()
    return process, receive


def _warm_and_send(i: int, n: int, send) -> None:
    send.send(_warm(i, n))
    send.close()


def _finish_warmer(warmer) -> tuple[int, str]:
    """Wait for a process of :func:`_start_warmer`; its outcome as :func:`_warm` gives it."""
    process, receive = warmer
    try:
        outcome = receive.recv()
    except EOFError:
        process.join()
        outcome = (0, f"the caching process ended with exit code {process.exitcode}")
    process.join()
    receive.close()
    return outcome


def _log_warmed(outcomes: Sequence[tuple[int, str]], log) -> None:
    done = sum(n for n, _ in outcomes)
    if done:
        log(f"validated and cached {done} processed table(s) for the kernels")
    for _, error in outcomes:
        if error:
            log(f"  could not cache the tables ({error}); the reports read them directly")


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
