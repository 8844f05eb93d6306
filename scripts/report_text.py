"""Dump what a reader gets from the built reports, to compare two builds (for example before and after a
refactoring that must not change the reports' content).

For each report page it writes the visible text (one block per line, scripts and styles dropped), a
SHA-256 of every embedded image, and the figure and table data (CSV) files' hashes. The "About this build"
part, which names the build's inputs hash, is left out.

Usage:
    python scripts/report_text.py OUT_DIR [REPORTS_DIR]
    diff -r BEFORE_DIR AFTER_DIR
"""

from __future__ import annotations

import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "tr", "figcaption", "caption", "div", "section", "pre", "td", "th"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.images: list[str] = []
        self._skip = 0
        self._line: list[str] = []

    def _flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self._line)).strip()
        if line:
            self.out.append(line)
        self._line = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag in BLOCKS:
            self._flush()
        if tag == "img":
            src = dict(attrs).get("src") or ""
            self.images.append(
                hashlib.sha256(src.encode()).hexdigest()[:16] + "  alt=" + (dict(attrs).get("alt") or "")
            )

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._line.append(data)


def page_text(html: str) -> tuple[list[str], list[str]]:
    """The visible lines of a page, without its "About this build" part, and its images' hashes."""
    parser = _Text()
    parser.feed(html)
    parser._flush()
    lines = parser.out
    # the part itself is the last heading of that name (the contents list near the top links to it)
    heads = [i for i, line in enumerate(lines) if line.startswith("About this build")]
    if len(heads) > 1:
        lines = lines[: heads[-1]]
    return lines, parser.images


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    reports = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "reports"
    out.mkdir(parents=True, exist_ok=True)
    for page in sorted(reports.glob("*.html")):
        lines, images = page_text(page.read_text(encoding="utf-8"))
        (out / f"{page.stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (out / f"{page.stem}.images.txt").write_text("\n".join(images) + "\n", encoding="utf-8")
        folder = reports / f"{page.stem}-data"
        if folder.is_dir():
            sums = [f"{hashlib.sha256(p.read_bytes()).hexdigest()[:16]}  {p.name}" for p in sorted(folder.iterdir())]
            (out / f"{page.stem}.data.txt").write_text("\n".join(sums) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
