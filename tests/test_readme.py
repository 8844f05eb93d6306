"""Every command in the README's code blocks is run (or, for the long-running targets, dry-run with ``make -n``).

Builds go to a temporary folder (the CLI's --reports-dir/--build-dir) and HTML only, so that the test is cheap
and never writes into reports/. A command this file does not know how to run fails the test: a new example in
the README needs a line here.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from bilateral.paths import PROJ_ROOT

README = (PROJ_ROOT / "README.md").read_text(encoding="utf-8")
#: Targets that run for minutes or open a server: the test checks that make knows them and what they run.
DRY_RUN_TARGETS = {"reports", "test", "data", "lab", "bench"}


def blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)```", README, flags=re.S)


def commands(block: str) -> list[str]:
    """The block's command lines, without their trailing comments."""
    out = []
    for line in block.splitlines():
        line = re.sub(r"\s+#\s.*$", "", line).strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def examples() -> list[str]:
    """One entry per example: a single command, or a whole block when its lines depend on each other (``cd``)."""
    out = []
    for block in blocks():
        lines = commands(block)
        if lines and lines[0].startswith("cd "):
            out.append("\n".join(lines))
        else:
            out.extend(lines)
    return out


EXAMPLES = examples()


def run(cmd: str | list[str], tmp_path, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "BILATERAL_FIGURE_DATA_DIR": str(tmp_path / "figure-data")}
    shell = isinstance(cmd, str)
    return subprocess.run(
        cmd,
        shell=shell,
        executable="/bin/bash" if shell else None,
        cwd=PROJ_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        **kwargs,
    )


def into_tmp(args: list[str], tmp_path) -> list[str]:
    """A build command made cheap and kept out of reports/: HTML only, outputs under ``tmp_path``."""
    extra = ["--reports-dir", str(tmp_path / "reports"), "--build-dir", str(tmp_path / "build"), "--jobs", "1"]
    return args + ([] if "--html-only" in args else ["--html-only"]) + extra


def test_the_readme_has_the_examples_this_file_expects():
    # the README's parameter section keeps its examples (a change of wording should not silently drop them)
    assert any(e.startswith("make report ") for e in EXAMPLES)
    assert any("papermill" in e for e in EXAMPLES)
    assert any("bilateral.cli build" in e for e in EXAMPLES)


def test_commands_drops_comments_only():
    assert commands("make reports   # build\n# a note\nmake report NB=trade PARAMS='a=1'  # x\n") == [
        "make reports",
        "make report NB=trade PARAMS='a=1'",
    ]


@pytest.mark.notebook
@pytest.mark.parametrize("example", EXAMPLES)
def test_readme_example_runs(example, tmp_path):
    words = shlex.split(example.splitlines()[0])
    env_prefix = (
        [w for w in words if re.match(r"^[A-Z_]+=", w) and words.index(w) < words.index("make")]
        if "make" in words
        else []
    )
    if "make" in words and words[len(env_prefix)] == "make":
        args = words[len(env_prefix) + 1 :]
        target = next(a for a in args if "=" not in a)
        if target in DRY_RUN_TARGETS:
            done = run(["make", "-n", *args], tmp_path)
            assert done.returncode == 0, done.stderr
            return
        assert target == "report", f"README example not covered by tests/test_readme.py: {example}"
        # the command make would run, with HTML only, then run into tmp_path
        done = run(["make", "-n", *args, "HTML_ONLY=1"], tmp_path)
        assert done.returncode == 0, done.stderr
        line = [x for x in done.stdout.splitlines() if "bilateral.cli build" in x][-1]
        build_args = into_tmp(shlex.split(line), tmp_path)
        done = run(build_args, tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert list((tmp_path / "reports").rglob("*.html")), done.stdout
    elif words[0] == ".venv/bin/python" and words[1:4] == ["-m", "bilateral.cli", "build"]:
        if "--help" in words:
            done = run(words, tmp_path)
            assert done.returncode == 0 and "--html-only" in done.stdout
            return
        done = run(into_tmp(words, tmp_path), tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert list((tmp_path / "reports").rglob("*.html")), done.stdout
    elif "papermill" in example:
        # papermill's own command line, then nbconvert: the block as written, writing under tmp_path instead of build/
        script = example.replace("../build/", f"{tmp_path}/")
        done = run("set -e\n" + script, tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert list(tmp_path.glob("*.html")), "nbconvert wrote no HTML page"
    else:
        pytest.fail(f"README example not covered by tests/test_readme.py: {example}")


@pytest.mark.notebook
def test_papermill_stops_on_a_misspelt_name_with_one_line(tmp_path):
    """As the README says: a misspelt parameter name stops the run, under papermill too; the error is one line."""
    done = run(
        [
            sys.executable,
            "-m",
            "papermill",
            "notebooks/trade.ipynb",
            str(tmp_path / "out.ipynb"),
            "-p",
            "contry_a",
            "GEO",
            "--cwd",
            "notebooks",
        ],
        tmp_path,
    )
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ParameterError: unknown parameter(s) 'contry_a'; this notebook takes: country_a, country_b")


@pytest.mark.notebook
def test_the_build_prints_a_parameter_error_as_one_line(tmp_path):
    done = run(
        into_tmp([sys.executable, "-m", "bilateral.cli", "build", "trade", "-p", "country_a=031"], tmp_path), tmp_path
    )
    assert done.returncode == 1, done.stdout + done.stderr
    # (the kernel's own log lines share stderr, so the line is looked for, not assumed to start a line)
    expected = "parameter error: trade.ipynb: country_a=031: 031 is the numeric ISO code of Azerbaijan: use its alpha-3 code 'AZE'"
    errors = [line for line in (done.stdout + done.stderr).splitlines() if "parameter error:" in line]
    assert len(errors) == 1 and errors[0].endswith(expected), done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
