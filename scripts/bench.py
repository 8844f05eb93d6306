"""``make bench``: how fast is the report build, against the naive way?

In one run, on this machine, it measures

* the cold build of every report (build cache cleared first), with each report's own time;
* a no-op rebuild (nothing changed: every report is skipped);
* the naive way, one notebook after another: ``papermill`` on the command line, then
  ``jupyter nbconvert --to html --no-input``, then the ``weasyprint`` command line on that HTML;
* peak memory: the largest resident set of the whole process tree (sampled with psutil every
  50 ms; summed over the build, its workers and their kernels), and the largest single process
  (``getrusage(RUSAGE_CHILDREN).ru_maxrss``);

repeats each timing (``--runs``, default 3), prints medians in a table and writes everything to
``build/bench.json``. Targets: no-op rebuild under 1 s; cold build at least 2x faster than naive.

Outputs of the timed builds go under ``build/bench/trial/``, never into ``reports/``.
``--notebooks DIR`` benchmarks another folder of notebooks.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bilateral import build, paths  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent


class PeakMemory:
    """Samples the total RSS of a process and all its descendants in a background thread."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:  # pragma: no cover - psutil is in the lock; fall back on ru_maxrss only
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for proc in procs:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def timed(cmd: list[str], *, cwd: Path = ROOT, env: dict | None = None, check: bool = True) -> tuple[float, int]:
    """Run a command; return (wall seconds, peak total RSS of its process tree in bytes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with PeakMemory(proc.pid) as mem:
        out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    if check and proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{out}")
    return seconds, mem.peak


def clear_cache(layout: build.Layout) -> None:
    """Forget every stamp and executed notebook, so that the next build is cold."""
    for sub in (layout.stamps, layout.executed, layout.scratch, layout.failed):
        shutil.rmtree(sub, ignore_errors=True)


def ours(layout: build.Layout, dirs: list[str], jobs: int, runs: int, work: Path) -> dict:
    cold, noop, mem, per_report = [], [], [], {}
    for i in range(runs):
        clear_cache(layout)
        report = work / f"cold-{i}.json"
        seconds, peak = timed([PY, "-m", "bilateral.cli", "build", "--jobs", str(jobs), "--json", str(report), *dirs])
        cold.append(seconds)
        mem.append(peak)
        for r in json.loads(report.read_text())["results"]:
            per_report.setdefault(r["stem"], []).append(r["seconds"])
        print(f"  cold build {i + 1}/{runs}: {seconds:.1f} s", flush=True)
    # catch up first, in case files changed while the cold builds ran (stamps then match the inputs)
    timed([PY, "-m", "bilateral.cli", "build", *dirs])
    for i in range(runs):
        report = work / f"noop-{i}.json"
        seconds, _ = timed([PY, "-m", "bilateral.cli", "build", "--json", str(report), *dirs])
        skipped = all(r["skipped"] for r in json.loads(report.read_text())["results"])
        noop.append(seconds)
        print(f"  no-op rebuild {i + 1}/{runs}: {seconds:.2f} s{'' if skipped else ' (NOT all skipped: inputs changed during the run?)'}", flush=True)
    return {"cold_s": cold, "noop_s": noop, "peak_rss_bytes": mem, "per_report_s": per_report}


def naive(notebooks: list[Path], nb_dir: Path, runs: int, work: Path, layout: build.Layout) -> dict:
    """papermill CLI -> jupyter nbconvert --to html -> weasyprint CLI, one notebook after another."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = str(build.ensure_kernel(layout))
    totals, steps, mem = [], {"papermill": [], "nbconvert": [], "weasyprint": []}, []
    for i in range(runs):
        out = work / f"naive-{i}"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        total, peak, step = 0.0, 0, {k: 0.0 for k in steps}
        for nb in notebooks:
            env[build.FIGURE_DATA_ENV] = str(out / f"{nb.stem}-data")
            env[build.FIGURE_DATA_LINK_ENV] = f"{nb.stem}-data"
            executed = out / f"{nb.stem}.ipynb"
            for name, cmd, cwd in [
                ("papermill", [str(BIN / "papermill"), "--no-progress-bar", "-k", build.KERNEL_NAME, str(nb), str(executed)], nb_dir),
                ("nbconvert", [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed), "--output-dir", str(out)], ROOT),
                ("weasyprint", [str(BIN / "weasyprint"), str(out / f"{nb.stem}.html"), str(out / f"{nb.stem}.pdf")], ROOT),
            ]:
                seconds, rss = timed(cmd, cwd=cwd, env=env)
                step[name] += seconds
                total += seconds
                peak = max(peak, rss)
        totals.append(total)
        mem.append(peak)
        for k in steps:
            steps[k].append(step[k])
        print(f"  naive way {i + 1}/{runs}: {total:.1f} s", flush=True)
    return {"total_s": totals, "steps_s": steps, "peak_rss_bytes": mem}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each timing (medians are reported)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="workers for our build")
    parser.add_argument("--notebooks", type=Path, default=None, help="benchmark this folder instead of notebooks/")
    parser.add_argument("--skip-naive", action="store_true", help="only time our build")
    args = parser.parse_args(argv)

    trial = paths.BUILD_DIR / "bench" / "trial"
    notebooks_dir = args.notebooks.resolve() if args.notebooks else build.Layout().notebooks
    layout = build.Layout(notebooks=notebooks_dir, reports=trial / "reports", build=trial / "build")
    dirs = ["--notebooks-dir", str(layout.notebooks), "--reports-dir", str(layout.reports), "--build-dir", str(layout.build)]
    notebooks = build.find_notebooks(layout.notebooks)
    if not notebooks:
        print(f"no notebooks in {layout.notebooks}: nothing to benchmark")
        return 0
    print(f"benchmark: {len(notebooks)} notebook(s) in {layout.notebooks}, {args.runs} run(s) each, {args.jobs} worker(s), {os.cpu_count()} CPU(s)")
    work = Path(tempfile.mkdtemp(prefix="bench-", dir=paths.BUILD_DIR if paths.BUILD_DIR.exists() else None))
    try:
        result = {"notebooks": [p.name for p in notebooks], "runs": args.runs, "jobs": args.jobs, "cpus": os.cpu_count()}
        result["ours"] = ours(layout, dirs, args.jobs, args.runs, work)
        if not args.skip_naive:
            result["naive"] = naive(notebooks, layout.notebooks, args.runs, work, layout)
        result["max_single_process_rss_bytes"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    finally:
        shutil.rmtree(work, ignore_errors=True)

    med = statistics.median
    o = result["ours"]
    summary = {
        "cold_build_s": med(o["cold_s"]),
        "noop_rebuild_s": med(o["noop_s"]),
        "peak_rss_mb_ours": max(o["peak_rss_bytes"]) / 2**20,
        "per_report_s": {k: med(v) for k, v in sorted(o["per_report_s"].items())},
    }
    if "naive" in result:
        n = result["naive"]
        summary["naive_s"] = med(n["total_s"])
        summary["naive_steps_s"] = {k: med(v) for k, v in n["steps_s"].items()}
        summary["peak_rss_mb_naive"] = max(n["peak_rss_bytes"]) / 2**20
        summary["speedup_vs_naive"] = summary["naive_s"] / summary["cold_build_s"]
    summary["max_single_process_rss_mb"] = result["max_single_process_rss_bytes"] / 2**20
    summary["targets"] = {
        "noop_under_1s": summary["noop_rebuild_s"] < 1.0,
        "cold_at_least_2x_faster_than_naive": summary.get("speedup_vs_naive", 0) >= 2.0 if "naive" in result else None,
    }
    result["summary"] = summary
    out = paths.BUILD_DIR / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")

    rows = [("cold build, all reports (ours)", f"{summary['cold_build_s']:.1f} s")]
    rows += [(f"  {stem}", f"{sec:.1f} s") for stem, sec in summary["per_report_s"].items()]
    rows.append(("no-op rebuild", f"{summary['noop_rebuild_s']:.2f} s  (target < 1 s: {'met' if summary['targets']['noop_under_1s'] else 'MISSED'})"))
    rows.append(("peak memory, process tree (ours)", f"{summary['peak_rss_mb_ours']:.0f} MB"))
    if "naive" in result:
        rows.append(("naive way (papermill, nbconvert, weasyprint CLIs)", f"{summary['naive_s']:.1f} s"))
        rows += [(f"  {k}", f"{v:.1f} s") for k, v in summary["naive_steps_s"].items()]
        rows.append(("peak memory, process tree (naive)", f"{summary['peak_rss_mb_naive']:.0f} MB"))
        met = "met" if summary["targets"]["cold_at_least_2x_faster_than_naive"] else "MISSED"
        rows.append(("speed-up, ours vs naive", f"{summary['speedup_vs_naive']:.2f}x  (target >= 2x: {met})"))
    rows.append(("largest single process (ru_maxrss)", f"{summary['max_single_process_rss_mb']:.0f} MB"))
    width = max(len(r[0]) for r in rows)
    print(f"\nmedians of {args.runs} run(s); details in {out.relative_to(ROOT)}")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
