"""``make bench``: how fast is the report build, against the naive way?

In one run, on this machine, it measures

* the cold build of every report (executed notebooks, stamps and the validated-table cache all
  cleared first), with each report's own time and each notebook cell's time (papermill's
  per-cell durations in the executed notebooks);
* a no-op rebuild (nothing changed: every report is skipped);
* the naive way, one notebook after another: ``papermill`` on the command line, then
  ``jupyter nbconvert --to html --no-input``, then the ``weasyprint`` command line on that HTML,
  with the table cache switched off (``BILATERAL_TABLE_CACHE=off``: each kernel reads and
  validates the CSV files, as the notebooks did before the cache);
* peak memory, in a cold build of its own after the timed ones (sampling memory takes about a third
  of a core, which would slow the parallel build more than the sequential naive way, so no timed run
  is sampled): the largest proportional set size (PSS) of the whole process tree, each page shared
  between processes counted once (and, for comparison, the RSS summed per process, which counts a page
  shared after the fork once per process), sampled with psutil every 50 ms and summed over the build,
  its workers and their kernels; the naive way's with ``--naive-memory`` (one more naive run); and the
  largest single process (``getrusage(RUSAGE_CHILDREN).ru_maxrss``);
* many pairs in one run: one notebook (``--pairs-notebook``, default trade) built for 1, 5, 10
  and 20 country pairs (``--pairs-counts``) with ``--pairs``, giving the time per report and the
  marginal cost of one more report (least-squares slope of time against the number of pairs);

repeats each timing (``--runs``, default 3; the pairs series ``--pairs-runs``, default 1), prints
medians with their spread (min–max) and writes everything to ``build/bench.json``. The cold builds and
the naive runs alternate (ours, naive, ours, naive, ...), so that a change in the machine's speed during
the benchmark weighs on both; the speed-up is given as the ratio of the medians and run by run. Targets: cold
build at least 4x faster than naive; no-op rebuild under 0.5 s; peak memory under 1 GB; every
notebook cell under 3 s (the cells over it are listed).

The machine may be busy with other work: compare the ratios measured in the same run, not
absolute seconds across runs. Outputs of the timed builds go under ``build/bench/trial/``, never
into ``reports/``. ``--notebooks DIR`` benchmarks another folder of notebooks.
"""

from __future__ import annotations

import argparse
import contextlib
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

from bilateral import build, data, paths  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent


class PeakMemory:
    """Samples the memory of a process and all its descendants in a background thread.

    ``peak`` is the largest sum of their proportional set sizes (PSS: each page shared between processes,
    as the workers share the build's pages after the fork, counted once in all), which is what the build
    really occupies; ``peak_rss`` the largest sum of their resident sets, which counts every shared page
    once per process and so overstates it. Where PSS is not available (not Linux), both are the RSS sum.
    """

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval, self.peak, self.peak_rss = pid, interval, 0, 0
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
            total, total_rss = 0, 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for proc in procs:
                with contextlib.suppress(psutil.Error):
                    info = proc.memory_full_info()
                    total_rss += info.rss
                    total += getattr(info, "pss", info.rss)
            self.peak = max(self.peak, total)
            self.peak_rss = max(self.peak_rss, total_rss)
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


#: CPU seconds (user + system) of every finished process this one started, with their descendants.
CPU = {"s": 0.0}
#: The RSS sum of the last timed command's process tree at its peak (see :class:`PeakMemory`).
RSS = {"bytes": 0}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(
    cmd: list[str], *, cwd: Path = ROOT, env: dict | None = None, check: bool = True, memory: bool = False
) -> tuple[float, int]:
    """Run a command; return (wall seconds, peak total PSS of its process tree in bytes, 0 unless
    ``memory``; the RSS sum is left in ``RSS["bytes"]``).

    Its CPU time (user + system, the whole process tree) is left in ``CPU["s"]``: it does not count time
    spent waiting for a core that other work holds, but it does grow when the host itself runs slower (on
    this project's machine the same build has taken 44 to 67 s of CPU). Memory is sampled only when
    asked: reading every process's memory map 20 times a second takes about a third of a core, which would
    slow a parallel build (both cores busy) more than a sequential one, so timed runs are not sampled.
    """
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with PeakMemory(proc.pid) if memory else contextlib.nullcontext() as mem:
        out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    CPU["s"] = _children_cpu() - cpu
    RSS["bytes"] = mem.peak_rss if mem else 0
    if check and proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{out}")
    return seconds, mem.peak if mem else 0


#: Country pairs for the many-pairs series: Türkiye with the Turkic states, the South Caucasus pairs,
#: and each of these with Russia or Iran (none of them is one of COMPARATORS below).
PAIRS = [
    "AZE-TUR",
    "KAZ-TUR",
    "UZB-TUR",
    "KGZ-TUR",
    "TKM-TUR",
    "ARM-AZE",
    "ARM-GEO",
    "AZE-GEO",
    "ARM-TUR",
    "GEO-TUR",
    "AZE-RUS",
    "ARM-RUS",
    "GEO-RUS",
    "TUR-RUS",
    "AZE-IRN",
    "ARM-IRN",
    "TUR-IRN",
    "KAZ-RUS",
    "UZB-RUS",
    "AZE-KAZ",
]
#: Comparators passed with every pair, so that no pair clashes with a default comparator.
COMPARATORS = {"trade": ["comparators=['CHN', 'DEU', 'USA']", "comparators_b=['CHN', 'DEU', 'USA']"]}
CELL_TARGET_S = 3.0


def clear_cache(layout: build.Layout) -> None:
    """Forget every stamp, executed notebook and cached table, so that the next build is cold."""
    for sub in (layout.stamps, layout.executed, layout.scratch, layout.failed, layout.build / "cache"):
        shutil.rmtree(sub, ignore_errors=True)


def bench_env(layout: build.Layout) -> dict:
    """The environment of our timed builds: the table cache lives in the trial folder (cleared per cold run)."""
    env = dict(os.environ)
    env[data.CACHE_DIR_ENV] = str(layout.build / "cache" / "tables")
    env.pop(data.CACHE_SWITCH_ENV, None)
    return env


def cell_seconds(executed: Path) -> dict[str, list[tuple[int, float, str]]]:
    """Per notebook: (cell number, seconds, first line) for every code cell papermill timed."""
    out = {}
    for path in sorted(executed.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        rows = []
        for i, cell in enumerate(nb.get("cells", [])):
            duration = cell.get("metadata", {}).get("papermill", {}).get("duration")
            if cell.get("cell_type") == "code" and duration is not None:
                src = "".join(cell.get("source", ""))
                first = next((line.strip() for line in src.splitlines() if line.strip()), "")
                rows.append((i + 1, float(duration), first[:70]))
        out[path.stem] = rows
    return out


def new_ours() -> dict:
    """Where :func:`ours_cold` and :func:`ours_noop` collect their timings."""
    keys = ("cold_s", "cold_cpu_s", "noop_s", "peak_pss_bytes", "peak_rss_bytes")
    return {**{k: [] for k in keys}, "per_report_s": {}, "phases_s": {}, "cells_s": {}}


def ours_cold(
    layout: build.Layout, dirs: list[str], jobs: int, i: int, work: Path, acc: dict, *, memory: bool = False
) -> None:
    """One cold build of every report (stamps, executed notebooks and the table cache cleared first).

    With ``memory``, the build's peak memory is sampled and recorded instead of its times (see :func:`timed`).
    """
    env = bench_env(layout)
    clear_cache(layout)
    report = work / f"cold-{i}{'-memory' if memory else ''}.json"
    seconds, peak = timed(
        [PY, "-m", "bilateral.cli", "build", "--jobs", str(jobs), "--json", str(report), *dirs],
        env=env,
        memory=memory,
    )
    if memory:
        acc["peak_pss_bytes"].append(peak)
        acc["peak_rss_bytes"].append(RSS["bytes"])
        print(f"  cold build, memory sampled: peak {peak / 2**20:.0f} MB PSS ({seconds:.1f} s, not timed)", flush=True)
        return
    acc["cold_s"].append(seconds)
    acc["cold_cpu_s"].append(CPU["s"])
    for r in json.loads(report.read_text())["results"]:
        acc["per_report_s"].setdefault(r["stem"], []).append(r["seconds"])
        for phase, sec in r["phases"].items():
            acc["phases_s"].setdefault(r["stem"], {}).setdefault(phase, []).append(sec)
    for stem, rows in cell_seconds(layout.executed).items():
        for number, sec, first in rows:
            acc["cells_s"].setdefault(stem, {}).setdefault(str(number), {"first_line": first, "s": []})["s"].append(sec)
    print(f"  cold build {i + 1}: {seconds:.1f} s ({CPU['s']:.1f} s of CPU)", flush=True)


def ours_noop(layout: build.Layout, dirs: list[str], runs: int, work: Path, acc: dict) -> None:
    """``runs`` rebuilds with nothing changed (every report should be skipped)."""
    env = bench_env(layout)
    # catch up first, in case files changed while the cold builds ran (stamps then match the inputs)
    timed([PY, "-m", "bilateral.cli", "build", *dirs], env=env)
    for i in range(runs):
        report = work / f"noop-{i}.json"
        seconds, _ = timed([PY, "-m", "bilateral.cli", "build", "--json", str(report), *dirs], env=env)
        skipped = all(r["skipped"] for r in json.loads(report.read_text())["results"])
        acc["noop_s"].append(seconds)
        print(
            f"  no-op rebuild {i + 1}/{runs}: {seconds:.2f} s{'' if skipped else ' (NOT all skipped: inputs changed during the run?)'}",
            flush=True,
        )


def new_naive() -> dict:
    """Where :func:`naive_once` collects its timings."""
    return {
        "total_s": [],
        "cpu_s": [],
        "steps_s": {"papermill": [], "nbconvert": [], "weasyprint": []},
        "peak_pss_bytes": [],
        "peak_rss_bytes": [],
    }


def naive_once(
    notebooks: list[Path], nb_dir: Path, i: int, work: Path, layout: build.Layout, acc: dict, *, memory: bool = False
) -> None:
    """papermill CLI -> jupyter nbconvert --to html -> weasyprint CLI, one notebook after another, no table cache.

    With ``memory``, the peak memory is sampled and recorded instead of the times (see :func:`timed`).
    """
    env = dict(os.environ)
    env["JUPYTER_PATH"] = str(build.ensure_kernel(layout))
    env[data.CACHE_SWITCH_ENV] = "off"
    out = work / f"naive-{i}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    total, cpu, peak, peak_rss, step = 0.0, 0.0, 0, 0, dict.fromkeys(acc["steps_s"], 0.0)
    for nb in notebooks:
        env[build.FIGURE_DATA_ENV] = str(out / f"{nb.stem}-data")
        env[build.FIGURE_DATA_LINK_ENV] = f"{nb.stem}-data"
        executed = out / f"{nb.stem}.ipynb"
        for name, cmd, cwd in [
            (
                "papermill",
                [str(BIN / "papermill"), "--no-progress-bar", "-k", build.KERNEL_NAME, str(nb), str(executed)],
                nb_dir,
            ),
            (
                "nbconvert",
                [
                    str(BIN / "jupyter"),
                    "nbconvert",
                    "--to",
                    "html",
                    "--no-input",
                    str(executed),
                    "--output-dir",
                    str(out),
                ],
                ROOT,
            ),
            (
                "weasyprint",
                [str(BIN / "weasyprint"), str(out / f"{nb.stem}.html"), str(out / f"{nb.stem}.pdf")],
                ROOT,
            ),
        ]:
            seconds, pss = timed(cmd, cwd=cwd, env=env, memory=memory)
            step[name] += seconds
            total += seconds
            cpu += CPU["s"]
            peak = max(peak, pss)
            peak_rss = max(peak_rss, RSS["bytes"])
    if memory:
        acc["peak_pss_bytes"].append(peak)
        acc["peak_rss_bytes"].append(peak_rss)
        print(f"  naive way, memory sampled: peak {peak / 2**20:.0f} MB PSS ({total:.1f} s, not timed)", flush=True)
        return
    acc["total_s"].append(total)
    acc["cpu_s"].append(cpu)
    for k in acc["steps_s"]:
        acc["steps_s"][k].append(step[k])
    print(f"  naive way {i + 1}: {total:.1f} s ({cpu:.1f} s of CPU)", flush=True)


def many_pairs(
    layout: build.Layout, dirs: list[str], jobs: int, notebook: str, counts: list[int], runs: int, work: Path
) -> dict:
    """Build ``notebook`` for the first n of :data:`PAIRS`, for each n in ``counts`` (table cache warm, stamps cleared)."""
    env = bench_env(layout)
    params = [arg for p in COMPARATORS.get(notebook, []) for arg in ("-p", p)]
    points = []
    for n in counts:
        for i in range(runs):
            for sub in (layout.stamps, layout.executed, layout.failed):
                shutil.rmtree(sub, ignore_errors=True)
            report = work / f"pairs-{n}-{i}.json"
            cmd = [
                PY,
                "-m",
                "bilateral.cli",
                "build",
                notebook,
                "--pairs",
                ",".join(PAIRS[:n]),
                *params,
                "--jobs",
                str(jobs),
                "--json",
                str(report),
                *dirs,
            ]
            seconds, _ = timed(cmd, env=env, check=False)
            result = (
                json.loads(report.read_text())
                if report.is_file()
                else {"results": [], "failed_pairs": ["(the build did not run)"]}
            )
            ok = sum(1 for r in result["results"] if r["ok"])
            points.append(
                {
                    "pairs": n,
                    "seconds": seconds,
                    "ok": ok,
                    "failed_pairs": result.get("failed_pairs", []),
                }
            )
            print(f"  {notebook} for {n} pair(s), run {i + 1}/{runs}: {seconds:.1f} s ({ok} built)", flush=True)
    xs = [p["pairs"] for p in points]
    ys = [p["seconds"] for p in points]
    slope = intercept = None
    if len(set(xs)) >= 2:
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        intercept = my - slope * mx
    return {
        "notebook": notebook,
        "pairs": PAIRS[: max(counts)],
        "points": points,
        "marginal_s_per_report": slope,
        "fixed_s": intercept,
    }


def spread(values: list[float]) -> dict:
    """Median, min, max and interquartile range of a list of timings."""
    values = sorted(values)
    q = statistics.quantiles(values, n=4, method="inclusive") if len(values) >= 2 else [values[0]] * 3
    return {
        "median": statistics.median(values),
        "min": values[0],
        "max": values[-1],
        "iqr": q[2] - q[0],
        "n": len(values),
    }


def fmt_spread(s: dict, unit: str = "s", digits: int = 1) -> str:
    if s["n"] == 1:
        return f"{s['median']:.{digits}f} {unit} (one run)"
    return f"{s['median']:.{digits}f} {unit} (min {s['min']:.{digits}f}, max {s['max']:.{digits}f}, n={s['n']})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each timing (medians are reported)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="workers for our build")
    parser.add_argument("--notebooks", type=Path, default=None, help="benchmark this folder instead of notebooks/")
    parser.add_argument("--skip-naive", action="store_true", help="only time our build")
    parser.add_argument("--pairs-notebook", default="trade", help="notebook of the many-pairs series")
    parser.add_argument(
        "--pairs-counts", default="1,5,10,20", help="numbers of pairs to time (comma-separated; at most 20)"
    )
    parser.add_argument("--pairs-runs", type=int, default=1, help="repetitions of each point of the pairs series")
    parser.add_argument("--skip-pairs", action="store_true", help="skip the many-pairs series")
    parser.add_argument(
        "--naive-memory", action="store_true", help="also sample the naive way's peak memory (one more naive run)"
    )
    args = parser.parse_args(argv)

    trial = paths.BUILD_DIR / "bench" / "trial"
    notebooks_dir = args.notebooks.resolve() if args.notebooks else build.Layout().notebooks
    layout = build.Layout(notebooks=notebooks_dir, reports=trial / "reports", build=trial / "build")
    dirs = [
        "--notebooks-dir",
        str(layout.notebooks),
        "--reports-dir",
        str(layout.reports),
        "--build-dir",
        str(layout.build),
    ]
    notebooks = build.find_notebooks(layout.notebooks)
    if not notebooks:
        print(f"no notebooks in {layout.notebooks}: nothing to benchmark")
        return 0
    counts = sorted({min(len(PAIRS), int(c)) for c in args.pairs_counts.split(",") if c.strip()})
    print(
        f"benchmark: {len(notebooks)} notebook(s) in {layout.notebooks}, {args.runs} run(s) each, {args.jobs} worker(s), {os.cpu_count()} CPU(s)"
    )
    print(
        f"load average before the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine slows every timing)"
    )
    work = Path(tempfile.mkdtemp(prefix="bench-", dir=paths.BUILD_DIR if paths.BUILD_DIR.exists() else None))
    try:
        result = {
            "notebooks": [p.name for p in notebooks],
            "runs": args.runs,
            "jobs": args.jobs,
            "cpus": os.cpu_count(),
            "load_average_before": os.getloadavg(),
        }
        # the two ways alternate, run by run, so that a change in the machine's speed (other work, a busy
        # host) during the benchmark weighs on both alike; each run's ratio is also reported
        result["ours"], naive_runs = new_ours(), new_naive()
        for i in range(args.runs):
            ours_cold(layout, dirs, args.jobs, i, work, result["ours"])
            if not args.skip_naive:
                naive_once(notebooks, layout.notebooks, i, work, layout, naive_runs)
        ours_noop(layout, dirs, args.runs, work, result["ours"])
        # peak memory in runs of their own (sampling it slows the parallel build more than the naive way)
        ours_cold(layout, dirs, args.jobs, 0, work, result["ours"], memory=True)
        if not args.skip_naive:
            if args.naive_memory:
                naive_once(notebooks, layout.notebooks, 0, work, layout, naive_runs, memory=True)
            result["naive"] = naive_runs
        if not args.skip_pairs and (layout.notebooks / f"{args.pairs_notebook}.ipynb").is_file():
            result["pairs"] = many_pairs(layout, dirs, args.jobs, args.pairs_notebook, counts, args.pairs_runs, work)
        result["max_single_process_rss_bytes"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        result["load_average_after"] = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    med = statistics.median
    o = result["ours"]
    slowest = {}
    for stem, by_cell in sorted(o["cells_s"].items()):
        rows = sorted(((med(c["s"]), int(n), c["first_line"]) for n, c in by_cell.items()), reverse=True)
        slowest[stem] = [{"cell": n, "median_s": s, "first_line": first} for s, n, first in rows[:3]]
    over = [
        f"{stem} cell {c['cell']} ({c['median_s']:.1f} s)"
        for stem, cs in slowest.items()
        for c in cs
        if c["median_s"] >= CELL_TARGET_S
    ]
    summary = {
        "cold_build": spread(o["cold_s"]),
        "cold_build_cpu": spread(o["cold_cpu_s"]),
        "noop_rebuild": spread(o["noop_s"]),
        "peak_pss_mb_ours": max(o["peak_pss_bytes"]) / 2**20,
        "peak_rss_mb_ours": max(o["peak_rss_bytes"]) / 2**20,
        "per_report_s": {k: med(v) for k, v in sorted(o["per_report_s"].items())},
        "per_report_phases_s": {k: {p: med(v) for p, v in ph.items()} for k, ph in sorted(o["phases_s"].items())},
        "slowest_cells": slowest,
        "cells_over_target": over,
    }
    if "naive" in result:
        n = result["naive"]
        summary["naive"] = spread(n["total_s"])
        summary["naive_steps_s"] = {k: med(v) for k, v in n["steps_s"].items()}
        summary["peak_pss_mb_naive"] = max(n["peak_pss_bytes"]) / 2**20 if n["peak_pss_bytes"] else None
        summary["peak_rss_mb_naive"] = max(n["peak_rss_bytes"]) / 2**20 if n["peak_rss_bytes"] else None
        summary["speedup_vs_naive"] = summary["naive"]["median"] / summary["cold_build"]["median"]
        paired = [n_s / o_s for n_s, o_s in zip(n["total_s"], o["cold_s"])]
        summary["speedup_paired"] = spread(paired)
        summary["naive_cpu"] = spread(n["cpu_s"])
        summary["cpu_ratio_naive_over_ours"] = summary["naive_cpu"]["median"] / summary["cold_build_cpu"]["median"]
    if "pairs" in result:
        pr = result["pairs"]
        by_n = {}
        for p in pr["points"]:
            by_n.setdefault(p["pairs"], []).append(p["seconds"])
        summary["pairs"] = {
            "notebook": pr["notebook"],
            "seconds_by_pairs": {str(k): med(v) for k, v in sorted(by_n.items())},
            "seconds_per_report_by_pairs": {str(k): med(v) / k for k, v in sorted(by_n.items())},
            "marginal_s_per_report": pr["marginal_s_per_report"],
            "fixed_s": pr["fixed_s"],
            "failed_pairs": sorted({f for p in pr["points"] for f in p["failed_pairs"]}),
        }
    summary["max_single_process_rss_mb"] = result["max_single_process_rss_bytes"] / 2**20
    summary["targets"] = {
        "cold_at_least_4x_faster_than_naive": summary["speedup_vs_naive"] >= 4.0 if "naive" in result else None,
        "noop_under_0.5s": summary["noop_rebuild"]["median"] < 0.5,
        "peak_memory_under_1GB": summary["peak_pss_mb_ours"] < 1024,
        "every_cell_under_3s": not over,
    }
    result["summary"] = summary
    out = paths.BUILD_DIR / "bench.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")

    def met(key):
        return "met" if summary["targets"][key] else "MISSED"

    rows = [
        (
            "cold build, all reports (ours)",
            fmt_spread(summary["cold_build"]) + f"; CPU {fmt_spread(summary['cold_build_cpu'])}",
        )
    ]
    rows += [
        (
            f"  {stem}",
            f"{sec:.1f} s  ("
            + ", ".join(f"{p} {v:.1f}" for p, v in summary["per_report_phases_s"].get(stem, {}).items())
            + ")",
        )
        for stem, sec in summary["per_report_s"].items()
    ]
    rows.append(
        (
            "no-op rebuild",
            fmt_spread(summary["noop_rebuild"], digits=2) + f"  (target < 0.5 s: {met('noop_under_0.5s')})",
        )
    )
    rows.append(
        (
            "peak memory, process tree, PSS (ours)",
            f"{summary['peak_pss_mb_ours']:.0f} MB  (target < 1 GB: {met('peak_memory_under_1GB')}; "
            f"RSS summed per process: {summary['peak_rss_mb_ours']:.0f} MB)",
        )
    )
    if "naive" in result:
        rows.append(
            (
                "naive way (papermill, nbconvert, weasyprint CLIs)",
                fmt_spread(summary["naive"]) + f"; CPU {fmt_spread(summary['naive_cpu'])}",
            )
        )
        rows += [(f"  {k}", f"{v:.1f} s") for k, v in summary["naive_steps_s"].items()]
        rows.append(
            (
                "peak memory, process tree, PSS (naive)",
                f"{summary['peak_pss_mb_naive']:.0f} MB (RSS summed: {summary['peak_rss_mb_naive']:.0f} MB)"
                if summary["peak_pss_mb_naive"] is not None
                else "not measured (--naive-memory measures it in one more run)",
            )
        )
        lo, hi = summary["speedup_paired"]["min"], summary["speedup_paired"]["max"]
        rows.append(
            (
                "speed-up, ours vs naive",
                f"{summary['speedup_vs_naive']:.2f}x, median naive / median ours  (target >= 4x: "
                f"{met('cold_at_least_4x_faster_than_naive')}); run by run: median "
                f"{summary['speedup_paired']['median']:.2f}x, range {lo:.2f}-{hi:.2f}x",
            )
        )
        rows.append(
            (
                "CPU time, naive / ours",
                f"{summary['cpu_ratio_naive_over_ours']:.2f}x  (not counting waits for a core; a slower host still raises it)",
            )
        )
    rows.append(("largest single process (ru_maxrss)", f"{summary['max_single_process_rss_mb']:.0f} MB"))
    rows.append(("slowest cells (median)", f"target < {CELL_TARGET_S:.0f} s: {met('every_cell_under_3s')}"))
    for stem, cs in slowest.items():
        rows.append((f"  {stem}", "; ".join(f"cell {c['cell']} {c['median_s']:.1f} s" for c in cs)))
    if "pairs" in summary:
        ps = summary["pairs"]
        rows.append(
            (
                f"many pairs, {ps['notebook']} (one run, one pool)",
                ", ".join(f"{k}: {v:.1f} s" for k, v in ps["seconds_by_pairs"].items()),
            )
        )
        rows.append(
            ("  seconds per report", ", ".join(f"{k}: {v:.1f}" for k, v in ps["seconds_per_report_by_pairs"].items()))
        )
        if ps["marginal_s_per_report"] is not None:
            rows.append(
                (
                    "  marginal cost of one more report",
                    f"{ps['marginal_s_per_report']:.1f} s (fixed part {ps['fixed_s']:.1f} s)",
                )
            )
        if ps["failed_pairs"]:
            rows.append(("  failed pairs", ", ".join(ps["failed_pairs"])))
    width = max(len(r[0]) for r in rows)
    print(f"\nmedians of {args.runs} run(s) (spread: min and max); details in {out.relative_to(ROOT)}")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    print(f"load average after the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
