"""Checks that a rendered page speaks to readers, not to the pipeline.

:func:`visible_text` extracts what a reader sees (no tags, scripts, styles, attribute values or the
build-details box, which lists parameters by design); :func:`machine_identifiers` finds file names,
hashes and snake_case identifiers in it.
"""

from __future__ import annotations

import html
import re

# Parts of a page whose text is exempt: code, the build-details box (parameter names are its point).
_EXEMPT_BLOCKS = (
    re.compile(r"<(script|style|code|pre)\b.*?</\1>", re.S | re.I),
    re.compile(r'<(section|details)\b[^>]*class="[^"]*\b(report-meta|about-build)\b[^"]*"[^>]*>.*?</\1>', re.S | re.I),
    re.compile(r"<head\b.*?</head>", re.S | re.I),
)
_FILE_NAME = re.compile(r"\b[\w.-]+\.(?:csv|txt|md|gz|json|ipynb|py|xlsx|xls|dta|shp|dbf|pdf)\b", re.I)
_HASH = re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{10,}\b")
_SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_URL = re.compile(r"https?://\S+")


def visible_text(page: str) -> str:
    """The text a reader sees on the page, whitespace collapsed (URLs kept: they are citations)."""
    body = page
    for pattern in _EXEMPT_BLOCKS:
        body = pattern.sub(" ", body)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(body)).strip()


def machine_identifiers(page: str) -> list[str]:
    """File names, hexadecimal hashes and snake_case identifiers in the page's visible text (URLs excepted)."""
    text = _URL.sub(" ", visible_text(page))
    found = []
    for pattern in (_FILE_NAME, _HASH, _SNAKE):  # each found item is blanked so it is reported once
        found.extend(m.group(0) for m in pattern.finditer(text))
        text = pattern.sub(" ", text)
    return sorted(set(found))
