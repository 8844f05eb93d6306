"""The report build, on two tiny fixture notebooks that need no data (tests/fixtures/notebooks/).

``demo`` draws a chart with ə ş ğ ı in its title and caption, a table and computed prose;
``broken`` raises in its fourth cell. Both are built into temporary folders.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

from bilateral import build
from bilateral.build import kernels, runner
from bilateral.checks import external_references, images_without_alt
from bilateral.errors import BuildError, ParameterError

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
A4 = (595.28, 841.89)  # points


def make_layout(root: Path, *names: str) -> build.Layout:
    """Folders under ``root`` with copies of the named fixtures.

    The hashed inputs (src, data, lock file) are small stand-ins under ``root`` too, so that edits
    elsewhere in the repository during a test run do not make an up-to-date report look stale.
    """
    nbdir = root / "notebooks"
    nbdir.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(FIXTURES / f"{name}.ipynb", nbdir / f"{name}.ipynb")
    (root / "src").mkdir(exist_ok=True)
    (root / "src" / "module.py").write_text("X = 1\n")
    (root / "data").mkdir(exist_ok=True)
    (root / "data" / "table.csv").write_text("x\n1\n")
    (root / "requirements.lock").write_text("pkg==1.0\n")
    return build.Layout(
        notebooks=nbdir,
        reports=root / "reports",
        build=root / "build",
        src=root / "src",
        data=root / "data",
        lock_file=root / "requirements.lock",
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Both fixtures built once (two workers); returns the layout, the build report and the log lines."""
    layout = make_layout(tmp_path_factory.mktemp("built"), "demo", "broken")
    lines: list[str] = []
    report = build.build(layout=layout, jobs=2, log=lines.append)
    return layout, report, lines


def report_job(layout: build.Layout) -> build.Job:
    (job,) = build.plan(["demo"], layout=layout)
    return job


def pdf_pages(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data)).pages


# --------------------------------------------------------------------------------------------
# Pure parts (no notebook runs)


def test_parse_parameters_reads_literals_and_refuses_expressions():
    assert build.parse_parameters('a = "AZE"\nb: int = 3\nc = [1, 2]  # comment\n') == {"a": "AZE", "b": 3, "c": [1, 2]}
    with pytest.raises(BuildError, match="y must be a plain literal"):
        build.parse_parameters("y = 2000 + 1")
    with pytest.raises(BuildError, match="only `name = literal`"):
        build.parse_parameters("import os")


def test_read_notebook_uses_metadata_and_falls_back_on_the_first_heading(tmp_path):
    info = build.read_notebook(FIXTURES / "demo.ipynb")
    assert info.title == "Demo report: Bakı, Şəki, Iğdır"
    assert info.sources == ("imf_dots",)
    assert info.defaults["comparators"] == ["ARM", "RUS"] and info.parameters_cell == 1
    nb = json.loads((FIXTURES / "demo.ipynb").read_text(encoding="utf-8"))
    del nb["metadata"]["bilateral"]
    (tmp_path / "student.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    info = build.read_notebook(tmp_path / "student.ipynb")
    assert info.title == "Demo report: Bakı, Şəki, Iğdır"
    assert info.summary.startswith("A tiny report used by the build tests")
    assert info.sources == ()


def test_unknown_parameter_name_is_refused_before_running(tmp_path):
    layout = make_layout(tmp_path, "demo")
    with pytest.raises(ParameterError) as err:
        build.build(["demo"], {"start_yaer": 2001}, layout=layout)
    msg = str(err.value)
    assert "'start_yaer'" in msg and "demo.ipynb" in msg and "start_year" in msg
    assert not (tmp_path / "build" / "executed").exists()  # nothing ran


def test_unknown_notebook_is_named(tmp_path):
    layout = make_layout(tmp_path, "demo")
    with pytest.raises(BuildError, match="no notebook 'nope'.*demo"):
        build.plan(["nope"], layout=layout)


def test_variants_are_named_after_their_parameters(tmp_path):
    layout = make_layout(tmp_path, "demo")
    (job,) = build.plan(["demo"], {"start_year": 2005, "comparators": ["GEO", "IRN"]}, layout=layout)
    assert job.variant
    assert job.stem == "demo__comparators-GEO+IRN__start_year-2005"
    assert job.out_dir(layout) == layout.reports / "variants"
    # a value equal to the default is not a variant: the default report is (re)built
    (same,) = build.plan(["demo"], {"start_year": 2000}, layout=layout)
    assert not same.variant and same.stem == "demo" and same.out_dir(layout) == layout.reports
    assert build.variant_stem("trade", {"country_b": "GEO", "scale": 0.5}) == "trade__country_b-GEO__scale-0.5"


def test_digest_covers_notebook_parameters_src_data_and_lock(tmp_path):
    layout = make_layout(tmp_path, "demo")
    shared = build.shared_digest(layout)
    (a,) = build.plan(["demo"], layout=layout)
    (b,) = build.plan(["demo"], {"start_year": 2005}, layout=layout)
    assert build.job_digest(a, shared) == build.job_digest(a, shared)
    assert build.job_digest(a, shared) != build.job_digest(b, shared)
    # any change to src/ (but not its __pycache__), data/processed/ or the lock file changes the hash
    (layout.src / "__pycache__").mkdir()
    (layout.src / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"junk")
    assert build.shared_digest(layout) == shared
    seen = {shared}
    for path, text in [
        (layout.src / "module.py", "X = 2\n"),
        (layout.data / "table.csv", "x\n2\n"),
        (layout.lock_file, "pkg==1.1\n"),
    ]:
        path.write_text(text)
        seen.add(build.shared_digest(layout))
    assert len(seen) == 4
    # and so does the notebook file; stale_reasons names what changed
    parts = {**build.shared_parts(layout), **build.job_parts(a)}
    build._write_stamp(a, parts, layout, pdf=False)
    before = build.job_digest(a, shared)
    nb = layout.notebooks / "demo.ipynb"
    nb.write_text(nb.read_text(encoding="utf-8").replace("A tiny report", "A small report"), encoding="utf-8")
    assert build.job_digest(a, shared) != before
    reasons = build.stale_reasons(a, {**build.shared_parts(layout), **build.job_parts(a)}, layout)
    assert reasons == ["the notebook changed", "the HTML is missing", "the PDF is missing"]
    (layout.src / "module.py").write_text("X = 3\n")
    assert build.stale_reasons(a, {**build.shared_parts(layout), **build.job_parts(a)}, layout)[:2] == [
        "src/ changed",
        "the notebook changed",
    ]


def test_kernelspec_runs_this_interpreter(tmp_path):
    import sys

    folder = build.ensure_kernel(build.Layout(build=tmp_path))
    spec = json.loads((folder / "kernels" / build.KERNEL_NAME / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable


def test_second_build_waits_for_the_lock(tmp_path):
    layout = make_layout(tmp_path, "demo")
    lines: list[str] = []
    done = threading.Event()

    def second():  # a build of an empty notebook folder: nothing to do once it has the lock
        empty = build.Layout(notebooks=tmp_path / "empty", reports=layout.reports, build=layout.build)
        build.build(layout=empty, log=lines.append)
        done.set()

    (tmp_path / "empty").mkdir()
    with build.BuildLock(layout, log=lines.append):
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        assert not done.is_set(), "the second build must wait while the first holds the lock"
    thread.join(10)
    assert done.is_set()
    assert any("another build is running" in line for line in lines)


# --------------------------------------------------------------------------------------------
# Built reports


@pytest.mark.notebook
def test_demo_builds_and_broken_fails_with_notebook_cell_and_error(built):
    layout, report, _lines = built
    assert not report.ok
    results = {r.stem: r for r in report.results}
    assert results["demo"].ok and not results["demo"].skipped
    broken = results["broken"]
    assert not broken.ok and not broken.parameter_error
    assert "broken.ipynb" in broken.message
    assert "cell 4 (`x = 1`)" in broken.message
    assert "RuntimeError: deliberate failure in cell four" in broken.message
    assert (layout.failed / "broken.ipynb").is_file()  # kept for inspection
    assert broken.kept == str(layout.failed / "broken.ipynb")
    assert not (layout.reports / "broken.html").exists()
    text = build.summarise(report)
    assert "error: broken.ipynb: cell 4" in text and "failed/broken.ipynb" in text and "FAILED" in text


@pytest.mark.notebook
def test_kernel_is_the_build_kernelspec(built):
    """demo.ipynb names a kernel installed nowhere, yet it ran: the build used its own kernelspec."""
    _layout, report, _ = built
    nb = json.loads((FIXTURES / "demo.ipynb").read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "not-installed-anywhere"
    assert next(r for r in report.results if r.stem == "demo").ok


def test_leftover_temporary_files_are_removed(tmp_path):
    layout = make_layout(tmp_path)
    layout.reports.mkdir()
    (layout.reports / ".demo.html.tmp123").write_text("half")
    (layout.reports / ".demo-data.tmp123").mkdir()
    (layout.reports / "keep.html").write_text("whole")
    build.build(layout=layout)
    assert sorted(p.name for p in layout.reports.iterdir()) == ["glossary.html", "index.html", "keep.html"]


@pytest.mark.notebook
def test_outputs_are_in_place(built):
    layout, _, _ = built
    for name in ("demo.html", "demo.pdf", "index.html", "demo-data/demo-line.csv", "demo-data/demo-table.csv"):
        assert (layout.reports / name).is_file(), name
    assert (layout.executed / "demo.ipynb").is_file()
    csv = (layout.reports / "demo-data" / "demo-line.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0] == "year,value" and csv[1] == "2000,0.0" and len(csv) == 12  # 2000..2010
    assert not list(layout.reports.glob(".*"))  # no temporary files left behind


@pytest.mark.notebook
def test_html_is_offline_with_alt_text_and_hidden_code(built):
    layout, _, _ = built
    for page in ("demo.html", "index.html"):
        html = (layout.reports / page).read_text(encoding="utf-8")
        assert external_references(html) == [], page
        assert images_without_alt(html) == [], page
        assert "<script" not in html
        assert '<meta name="viewport"' in html or 'name="viewport"' in html
    html = (layout.reports / "demo.html").read_text(encoding="utf-8")
    assert html.count("<img") == 1 and 'src="data:image/svg+xml;base64,' in html
    assert "figures.new" not in html and "params.validate" not in html  # code cells hidden
    assert "ə ş ğ ı" in html
    assert 'href="demo-data/demo-line.csv"' in html


@pytest.mark.notebook
def expected_inputs_id(layout: build.Layout, name: str = "demo") -> str:
    (job,) = build.plan([name], layout=layout)
    return build.inputs_id(job, build.shared_digest(layout))


def test_report_header_shows_parameters_vintages_and_inputs(built):
    layout, _, _ = built
    html = (layout.reports / "demo.html").read_text(encoding="utf-8")
    assert "<code>start_year = 2000</code>" in html
    assert "<code>comparators = [&#39;ARM&#39;, &#39;RUS&#39;]</code>" in html or "comparators = ['ARM', 'RUS']" in html
    assert "IMF Direction of Trade Statistics: downloaded before 2 Feb 2022, data to 2020" in html
    ident = expected_inputs_id(layout)
    assert len(ident) == 12 and f"inputs <code>{ident}</code>" in html
    assert build.read_inputs_id(layout.reports / "demo.html") == ident
    assert "commit" not in html
    assert "<title>Demo report: Bakı, Şəki, Iğdır</title>" in html


@pytest.mark.notebook
def test_index_lists_reports_with_links(built):
    layout, _, _ = built
    html = (layout.reports / "index.html").read_text(encoding="utf-8")
    assert 'href="demo.html"' in html and 'href="demo.pdf"' in html and 'href="demo-data/demo-line.csv"' in html
    assert "A tiny test report with ə ş ğ ı." in html  # one-line summary
    assert "downloaded before 2 Feb 2022" in html and f"inputs <code>{expected_inputs_id(layout)}</code>" in html
    assert "Broken report" not in html  # no report, no entry


@pytest.mark.notebook
def test_pdf_is_a4_with_turkic_letters(built):
    layout, _, _ = built
    pages = pdf_pages((layout.reports / "demo.pdf").read_bytes())
    assert len(pages) >= 1
    for page in pages:
        box = page.mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == (round(A4[0], 1), round(A4[1], 1))
    text = "".join(p.extract_text() for p in pages)
    for word in ("Şəki", "Iğdır", "ə, ş, ğ, ı", "Figure 1.", "Table 1."):
        assert word in text, word
    assert "figures.show" not in text


@pytest.mark.notebook
def test_noop_rebuild_skips_execution(built):
    layout, _, _ = built
    before = (layout.reports / "demo.html").stat().st_mtime_ns
    start = time.perf_counter()
    report = build.build(["demo"], layout=layout)
    elapsed = time.perf_counter() - start
    assert [r.skipped for r in report.results] == [True]
    assert (
        build.stale_reasons(
            report_job(layout), {**build.shared_parts(layout), **build.job_parts(report_job(layout))}, layout
        )
        == []
    )
    assert (layout.reports / "demo.html").stat().st_mtime_ns == before
    assert elapsed < 2.0  # the benchmark holds the real target (< 1 s); leave slack for a busy test machine


@pytest.mark.notebook
def test_two_builds_are_byte_identical(built, tmp_path):
    layout, _, _ = built
    again = make_layout(tmp_path, "demo")
    report = build.build(["demo"], layout=again, force=True)
    assert report.ok
    for name in ("demo.html", "demo.pdf", "demo-data/demo-line.csv", "demo-data/demo-table.csv"):
        assert (again.reports / name).read_bytes() == (layout.reports / name).read_bytes(), name


@pytest.mark.notebook
def test_failure_keeps_the_previous_report(tmp_path):
    layout = make_layout(tmp_path, "demo")
    assert build.build(["demo"], layout=layout, html_only=True).ok
    previous = (layout.reports / "demo.html").read_bytes()
    # the notebook now raises in cell 4 (same name, the broken fixture's cells)
    shutil.copyfile(FIXTURES / "broken.ipynb", layout.notebooks / "demo.ipynb")
    report = build.build(["demo"], layout=layout, html_only=True)
    assert not report.ok
    assert "demo.ipynb: cell 4" in report.results[0].message
    assert (layout.reports / "demo.html").read_bytes() == previous
    assert (layout.reports / "demo-data" / "demo-line.csv").is_file()
    assert (layout.failed / "demo.ipynb").is_file()


@pytest.mark.notebook
def test_parameter_error_in_the_notebook_and_variant_outputs(tmp_path):
    layout = make_layout(tmp_path, "demo")
    report = build.build(["demo"], {"start_year": 1990}, layout=layout, html_only=True)
    (result,) = report.results
    assert not result.ok and result.parameter_error
    # one line: the notebook and the message naming the parameter (no cell, no traceback)
    assert result.message.startswith("demo.ipynb: start_year=1990") and "\n" not in result.message
    summary = [line for line in build.summarise(report).splitlines() if not line.startswith(("index:", "variants:"))]
    assert summary[0] == f"parameter error: {result.message}" and summary[1].startswith("FAILED in ")

    report = build.build(["demo"], {"start_year": 2005, "country_b": "GEO"}, layout=layout, html_only=True)
    assert report.ok
    page = layout.reports / "variants" / "demo__country_b-GEO__start_year-2005.html"
    assert page.is_file()
    assert not (layout.reports / "demo.html").exists()  # defaults untouched
    html = page.read_text(encoding="utf-8")
    assert "Azerbaijan and Georgia" in html
    assert 'class="changed"' in html and "(default 2000)" in html
    assert 'href="demo__country_b-GEO__start_year-2005-data/demo-line.csv"' in html
    assert (layout.reports / "variants" / "demo__country_b-GEO__start_year-2005-data" / "demo-line.csv").is_file()


def test_inputs_id_depends_on_the_inputs_not_on_the_checkout(tmp_path):
    """Two copies of the same inputs in different folders (as in two clones) get the same id; any input changes it."""
    one, two = make_layout(tmp_path / "one", "demo"), make_layout(tmp_path / "two", "demo")
    ids = [expected_inputs_id(one), expected_inputs_id(two)]
    assert ids[0] == ids[1] and re.fullmatch(r"[0-9a-f]{12}", ids[0])
    (job,) = build.plan(["demo"], layout=one)
    assert ids[0] == build.job_digest(job, build.shared_digest(one))[:12]
    (variant,) = build.plan(["demo"], {"start_year": 2005}, layout=one)
    assert build.inputs_id(variant, build.shared_digest(one)) != ids[0]
    (two.src / ".module.py.swp").write_bytes(b"editor junk")  # hidden files are not inputs
    assert expected_inputs_id(two) == ids[0]
    (two.data / "table.csv").write_text("x\n2\n")
    assert expected_inputs_id(two) != ids[0]


# --------------------------------------------------------------------------------------------
# Many pairs in one run


def test_parse_pairs_and_pairs_file(tmp_path):
    assert build.parse_pairs("AZE-TUR, arm-rus,,AZE-TUR") == [("AZE", "TUR"), ("ARM", "RUS")]
    with pytest.raises(ParameterError, match=r"--pairs: 'AZE_TUR' is not a pair.*AZE-TUR"):
        build.parse_pairs("AZE-GEO,AZE_TUR")
    grid = tmp_path / "pairs.txt"
    grid.write_text(
        "# Turkic states with Türkiye\nAZE-TUR\nKAZ-TUR, UZB-TUR  # two on a line\n\nAZE-TUR\n", encoding="utf-8"
    )
    assert build.read_pairs_file(grid) == [("AZE", "TUR"), ("KAZ", "TUR"), ("UZB", "TUR")]
    grid.write_text("AZE-TUR\nAZETUR\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"pairs.txt, line 2: 'AZETUR' is not a pair"):
        build.read_pairs_file(grid)
    with pytest.raises(ParameterError, match="cannot read it"):
        build.read_pairs_file(tmp_path / "missing.txt")


def test_pairs_make_one_job_per_notebook_and_pair(tmp_path):
    layout = make_layout(tmp_path, "demo")
    jobs = build.plan(
        ["demo"], {"start_year": 2005}, layout=layout, pairs=[("AZE", "GEO"), ("GEO", "TUR"), ("AZE", "TUR")]
    )
    assert [j.stem for j in jobs] == [
        "demo__country_b-GEO__start_year-2005",
        "demo__country_a-GEO__start_year-2005",
        "demo__start_year-2005",
    ]
    assert [j.pair for j in jobs] == ["AZE-GEO", "GEO-TUR", "AZE-TUR"]
    assert all(j.parameters["start_year"] == 2005 for j in jobs)
    with pytest.raises(ParameterError, match="do not also pass country_a"):
        build.plan(["demo"], {"country_a": "GEO"}, layout=layout, pairs=[("AZE", "GEO")])
    with pytest.raises(ParameterError, match="unknown parameter"):
        build.plan(["demo"], {"start_yaer": 2001}, layout=layout, pairs=[("AZE", "GEO")])


@pytest.mark.notebook
def test_batch_of_pairs_builds_the_good_ones_and_names_the_failed_one(tmp_path):
    layout = make_layout(tmp_path, "demo")
    lines: list[str] = []
    pairs = [("AZE", "GEO"), ("XXX", "TUR"), ("GEO", "TUR")]
    report = build.build(["demo"], layout=layout, pairs=pairs, jobs=2, html_only=True, log=lines.append)
    assert not report.ok
    outcome = {r.pair: r for r in report.results}
    assert outcome["AZE-GEO"].ok and outcome["GEO-TUR"].ok
    bad = outcome["XXX-TUR"]
    assert not bad.ok and bad.parameter_error and "country_a='XXX'" in bad.message
    assert report.failed_pairs == ["demo: XXX-TUR"]
    text = build.summarise(report)
    assert "failed pairs (1; 2 built or up to date): demo: XXX-TUR" in text and "FAILED" in text
    variants = layout.reports / "variants"
    assert "Azerbaijan and Georgia" in (variants / "demo__country_b-GEO.html").read_text(encoding="utf-8")
    assert "Georgia and Türkiye" in (variants / "demo__country_a-GEO.html").read_text(encoding="utf-8")
    assert not (variants / "demo__country_a-XXX.html").exists()
    manifest = json.loads((variants / "variants.json").read_text(encoding="utf-8"))["variants"]
    assert [(e["pair"], e["ok"], bool(e["html_href"])) for e in manifest] == [
        ("AZE-GEO", True, True),
        ("GEO-TUR", True, True),
        ("XXX-TUR", False, False),
    ]
    assert manifest[0]["inputs"] == build.read_inputs_id(variants / "demo__country_b-GEO.html")
    index = (variants / "index.html").read_text(encoding="utf-8")
    assert 'href="demo__country_b-GEO.html"' in index and 'href="demo__country_a-GEO.html"' in index
    assert "failed: demo.ipynb: country_a=&#39;XXX&#39;" in index and external_references(index) == []
    # a second run with the same pairs rebuilds only the failed one (and fails it again)
    again = build.build(["demo"], layout=layout, pairs=pairs, html_only=True, log=lines.append)
    assert sorted((r.pair, r.skipped, r.ok) for r in again.results) == [
        ("AZE-GEO", True, True),
        ("GEO-TUR", True, True),
        ("XXX-TUR", False, False),
    ]


def test_cli_passes_pairs_and_exits_non_zero_naming_failed_pairs(tmp_path, monkeypatch, capsys):
    from bilateral import cli

    seen = {}

    def fake_build(names, overrides, **kwargs):
        seen.update(names=names, overrides=overrides, pairs=kwargs["pairs"])
        report = build.BuildReport(
            results=[
                build.Result("demo__country_b-GEO", "demo.ipynb", ok=True, pair="AZE-GEO"),
                build.Result(
                    "demo__country_a-XXX",
                    "demo.ipynb",
                    ok=False,
                    parameter_error=True,
                    pair="XXX-TUR",
                    message="demo.ipynb: cell 3 (`import pandas as pd`): parameter error: country_a='XXX' is not ...",
                ),
            ]
        )
        return report

    monkeypatch.setattr(build, "build", fake_build)
    grid = tmp_path / "grid.txt"
    grid.write_text("GEO-TUR\nAZE-GEO\n", encoding="utf-8")
    status = cli.main(
        ["build", "demo", "--pairs", "AZE-GEO,XXX-TUR", "--pairs-file", str(grid), "-p", "start_year=2005"]
    )
    assert status == 1
    assert seen == {
        "names": ["demo"],
        "overrides": {"start_year": 2005},
        "pairs": [("AZE", "GEO"), ("XXX", "TUR"), ("GEO", "TUR")],
    }
    err = capsys.readouterr().err
    assert "failed pairs (1; 1 built or up to date): demo: XXX-TUR" in err
    assert cli.main(["build", "demo", "--pairs", "AZE+GEO"]) == 2
    assert "'AZE+GEO' is not a pair" in capsys.readouterr().err


def _without_inputs_hash(page: str) -> str:
    return re.sub(r"\b[0-9a-f]{12}\b", "HASH", page)


@pytest.mark.notebook
def test_a_reused_kernel_gives_the_page_a_new_kernel_gives(built, tmp_path, monkeypatch):
    """One worker runs a failing notebook, then the demo twice in its kept kernel: each page equals the
    demo page built in a kernel of its own (figure numbers, namespace and history start afresh)."""
    fresh_layout, _, _ = built
    fresh = (fresh_layout.reports / "demo.html").read_text(encoding="utf-8")
    layout = make_layout(tmp_path, "broken", "demo")
    shutil.copyfile(FIXTURES / "demo.ipynb", layout.notebooks / "demo2.ipynb")
    monkeypatch.delenv("BILATERAL_REUSE_KERNELS", raising=False)
    kept = {}  # the kernel kept after each report
    real_run_job = runner.run_job

    def run_job(job, *args):
        result = real_run_job(job, *args)
        kept[job.stem] = kernels._state["km"]
        return result

    monkeypatch.setattr(runner, "run_job", run_job)
    report = build.build(["broken", "demo", "demo2"], layout=layout, jobs=1, log=lambda line: None)
    results = {r.stem: r for r in report.results}
    assert not results["broken"].ok and results["demo"].ok and results["demo2"].ok
    # the failed notebook's kernel is not kept; demo's kernel was cleaned up, kept, and ran demo2
    assert kept["broken"] is None and kept["demo"] is not None and kept["demo2"] is kept["demo"]
    first = (layout.reports / "demo.html").read_text(encoding="utf-8")
    second = (layout.reports / "demo2.html").read_text(encoding="utf-8").replace("demo2", "demo")
    assert _without_inputs_hash(first) == _without_inputs_hash(fresh)
    assert _without_inputs_hash(second) == _without_inputs_hash(fresh)


def test_jobs_start_longest_first_by_last_duration_else_notebook_size(tmp_path):
    layout = make_layout(tmp_path, "demo", "broken")
    jobs = [(job, {}) for job in build.plan([], layout=layout)]
    by_size = sorted(jobs, key=lambda item: item[0].info.path.stat().st_size, reverse=True)
    assert [j.stem for j, _ in runner.longest_first(jobs, layout)] == [j.stem for j, _ in by_size]
    # a recorded duration wins over the size: the smaller notebook took longer last time
    small = by_size[-1][0].stem
    layout.build.mkdir(parents=True, exist_ok=True)
    (layout.build / runner.DURATIONS_FILE).write_text(json.dumps({small: 99.0}))
    assert runner.longest_first(jobs, layout)[0][0].stem == small


def test_the_build_skips_jsonschemas_unused_iri_grammar():
    """Notebooks still read and validate without rfc3987_syntax, which the build marks absent (its import
    builds a grammar for string formats that notebook schemas do not use)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from bilateral.build.settings import skip_unused_imports\n"
        "skip_unused_imports()\n"
        "import nbformat\n"
        "nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1 + 1')]))\n"
        "print(sys.modules['rfc3987_syntax'] is None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
