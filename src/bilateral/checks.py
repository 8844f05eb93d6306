"""Checks that a rendered report page is self-contained and accessible.

Used by the tests on every committed report and by ``python -m bilateral.checks reports/*.html``.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path


class Tags(HTMLParser):
    """Collects every start tag with its attributes, and the text of <style> elements."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def external_references(html: str) -> list[str]:
    """Everything in a page that a browser would fetch from elsewhere (empty for an offline page)."""
    parser = Tags()
    parser.feed(html)
    bad = []
    for tag, attrs in parser.tags:
        if tag == "script" and attrs.get("src"):
            bad.append(f"<script src={attrs['src']}>")
        if tag == "link" and attrs.get("href"):
            bad.append(f"<link href={attrs['href']}>")
        if (
            tag in ("img", "source", "video", "audio", "iframe", "embed")
            and attrs.get("src")
            and not attrs["src"].startswith("data:")
        ):
            bad.append(f"<{tag} src={attrs['src'][:60]}>")
        if "style" in attrs and re.search(r"url\((?!['\"]?data:)", attrs["style"]):
            bad.append(f"style url() on <{tag}>")
    for css in parser.styles:
        bad += [f"css {m}" for m in re.findall(r"url\((?!['\"]?data:)[^)]*\)|@import[^;]*", css)]
    return bad


def images_without_alt(html: str) -> list[str]:
    parser = Tags()
    parser.feed(html)
    return [a.get("src", "")[:40] for t, a in parser.tags if t == "img" and not (a.get("alt") or "").strip()]


def problems(html: str) -> list[str]:
    """Everything wrong with a page: external references and images without alt text."""
    return external_references(html) + [f"<img> without alt text: {src}" for src in images_without_alt(html)]


def main(argv: list[str] | None = None) -> int:
    """Check the given HTML files; print each problem; exit 1 if there is any."""
    bad = 0
    for name in argv if argv is not None else sys.argv[1:]:
        for problem in problems(Path(name).read_text(encoding="utf-8")):
            print(f"{name}: {problem}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
