"""Command line: ``python -m bilateral.cli data`` and ``python -m bilateral.cli build``.

Examples::

    python -m bilateral.cli build                       # every notebook, default parameters
    python -m bilateral.cli build trade --html-only     # one report, no PDF
    python -m bilateral.cli build trade -p country_b=GEO -p start_year=2000   # -> reports/variants/
    python -m bilateral.cli build --force --jobs 2      # rebuild everything on two cores
    python -m bilateral.cli build trade --pairs AZE-TUR,ARM-RUS,GEO-TUR   # one report per pair -> reports/variants/
    python -m bilateral.cli build trade --pairs-file pairs.txt            # pairs from a grid file, one per line

``-p name=value`` values are read as Python literals (``2000``, ``['ARM', 'RUS']``, ``"GEO"``); a
value that is not a literal is taken as a string, so ``-p country_a=GEO`` works without quotes.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bilateral.errors import BuildError, ParameterError


def parse_assignment(text: str) -> tuple[str, Any]:
    """``"start_year=2000"`` -> ``("start_year", 2000)``; non-literal values stay strings.

    Raises:
        argparse.ArgumentTypeError: when there is no ``=`` or no name.
    """
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or not name.isidentifier():
        raise argparse.ArgumentTypeError(f"expected name=value, got {text!r}")
    try:
        value = ast.literal_eval(raw.strip())
    except (ValueError, SyntaxError):
        value = raw.strip()
    return name, value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bilateral.cli", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("data", help="rebuild data/processed/ from the raw sources ($BILATERAL_RAW_DIR)")
    b = sub.add_parser("build", help="build reports (HTML, PDF, figure data, index page)")
    b.add_argument("notebooks", nargs="*", metavar="NB", help="notebook names (e.g. trade); default: all in notebooks/")
    b.add_argument(
        "-p",
        "--param",
        action="append",
        type=parse_assignment,
        default=[],
        metavar="NAME=VALUE",
        help="parameter value (repeatable); outputs then go to reports/variants/",
    )
    b.add_argument(
        "--pairs",
        action="append",
        default=[],
        metavar="A-B,C-D",
        help="build each notebook once per country pair (comma-separated, repeatable), in one pool; "
        "outputs and an index go to reports/variants/; a failing pair does not stop the others",
    )
    b.add_argument(
        "--pairs-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="pairs from a file: one A-B per line, # starts a comment",
    )
    b.add_argument("--html-only", action="store_true", help="skip the PDF")
    b.add_argument("--force", action="store_true", help="rebuild even if the inputs are unchanged")
    b.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: number of CPUs)")
    b.add_argument("--notebooks-dir", type=Path, default=None, help=argparse.SUPPRESS)
    b.add_argument("--reports-dir", type=Path, default=None, help=argparse.SUPPRESS)
    b.add_argument("--build-dir", type=Path, default=None, help=argparse.SUPPRESS)
    b.add_argument(
        "--json", type=Path, default=None, metavar="PATH", help="also write each report's outcome and timings as JSON"
    )
    return parser


def _layout(args: argparse.Namespace):
    """The build's folders, with the (undocumented, used by scripts/bench.py) overrides applied."""
    from bilateral.build import Layout

    changes = {
        k: v.resolve()
        for k, v in [("notebooks", args.notebooks_dir), ("reports", args.reports_dir), ("build", args.build_dir)]
        if v
    }
    return Layout(**changes)


def _write_json(path: Path, report) -> None:
    from dataclasses import asdict

    data = {
        "seconds": report.seconds,
        "ok": report.ok,
        "failed_pairs": report.failed_pairs,
        "results": [asdict(r) for r in report.results],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 1 a report failed, 2 bad arguments or parameters)."""
    args = _parser().parse_args(argv)
    if args.command == "data":
        from bilateral import pipeline

        return pipeline.main() or 0
    from bilateral import build

    overrides = dict(args.param)
    try:
        pairs = [p for text in args.pairs for p in build.parse_pairs(text)]
        if args.pairs_file:
            pairs += [p for p in build.read_pairs_file(args.pairs_file) if p not in pairs]
        report = build.build(
            args.notebooks,
            overrides,
            html_only=args.html_only,
            force=args.force,
            jobs=args.jobs,
            layout=_layout(args),
            pairs=pairs,
        )
    except ParameterError as exc:
        print(f"parameter error: {exc}", file=sys.stderr)
        return 2
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        _write_json(args.json, report)
    print(build.summarise(report), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
