"""One glossary for the whole suite: parsed from ``assets/glossary.md``, rendered as a page, linked from reports.

The glossary is plain markdown so that it is easy to extend: each ``## Term {#anchor}`` heading starts an
entry, an optional ``Also: a; b`` line lists other spellings, and the paragraphs that follow are the
definition. :func:`link_first_uses` links the first use of each term in a rendered report to its entry.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

GLOSSARY_MD = Path(__file__).resolve().parent / "assets" / "glossary.md"
GLOSSARY_PAGE = "glossary.html"

_HEADING = re.compile(r"^## (?P<term>.+?) \{#(?P<anchor>[a-z0-9-]+)\}\s*$")
# Text inside these elements is never linked (links, headings, code, the page head, form controls).
_SKIP = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "script",
    "style",
    "title",
    "button",
    "summary",
    "svg",
    "textarea",
    "option",
    "label",
    "nav",
}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class GlossaryError(ValueError):
    """The glossary file is malformed (the message names the line)."""


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes:
        term: the headword, as shown in the glossary.
        anchor: the fragment id of its entry (``glossary.html#kappa``).
        aliases: other spellings that link to the entry.
        definition: the definition, paragraphs separated by blank lines (inline ``*emphasis*`` allowed).
    """

    term: str
    anchor: str
    aliases: tuple[str, ...]
    definition: str

    @property
    def spellings(self) -> tuple[str, ...]:
        """The headword and its aliases, longest first (so "ideal-point distance" wins over "ideal point")."""
        return tuple(sorted({self.term, *self.aliases}, key=len, reverse=True))

    def summary(self, limit: int = 160) -> str:
        """The first sentence of the definition, for a tooltip."""
        text = re.sub(r"\s+", " ", _strip_emphasis(self.definition)).strip()
        first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
        return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def _strip_emphasis(text: str) -> str:
    return re.sub(r"\*([^*]+)\*", r"\1", text)


def parse(text: str, where: str = "glossary.md") -> list[Term]:
    """Parse the glossary markdown into terms (in file order); raise :class:`GlossaryError` naming the line."""
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    terms: list[Term] = []
    current: dict | None = None
    seen: dict[str, int] = {}

    def close() -> None:
        if current is None:
            return
        definition = "\n".join(current["lines"]).strip()
        if not definition:
            raise GlossaryError(f"{where} line {current['line']}: the entry {current['term']!r} has no definition")
        terms.append(Term(current["term"], current["anchor"], tuple(current["aliases"]), definition))

    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            match = _HEADING.match(line)
            if not match:
                raise GlossaryError(
                    f"{where} line {number}: a heading must read '## Term {{#anchor}}' "
                    f"(lower-case anchor), got {line!r}"
                )
            close()
            anchor = match["anchor"]
            if anchor in seen:
                raise GlossaryError(f"{where} line {number}: anchor #{anchor} already used on line {seen[anchor]}")
            seen[anchor] = number
            current = {"term": match["term"].strip(), "anchor": anchor, "aliases": [], "lines": [], "line": number}
        elif current is not None and line.startswith("Also:") and not current["lines"]:
            current["aliases"] = [a.strip() for a in line[len("Also:") :].split(";") if a.strip()]
        elif current is not None:
            current["lines"].append(line)
    close()
    if not terms:
        raise GlossaryError(f"{where}: no entries (each starts with '## Term {{#anchor}}')")
    return terms


def load(path: Path = GLOSSARY_MD) -> list[Term]:
    """The suite's glossary terms, in the order of the file."""
    return parse(path.read_text(encoding="utf-8"), where=path.name)


def _pattern(spelling: str) -> re.Pattern[str]:
    """Whole-word match; acronyms (all capitals) match case-sensitively, other words in any case."""
    body = re.escape(spelling).replace(r"\ ", r"\s+")
    flags = 0 if spelling.isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)


def link_first_uses(page: str, terms: list[Term], href: str = GLOSSARY_PAGE) -> tuple[str, list[str]]:
    """Link the first use of each term in the body text of an HTML page to its glossary entry.

    Only text outside links, headings, code and similar elements is considered, and only inside
    ``<body>``. Returns the new page and the anchors that were linked, in page order.
    """
    start = page.find("<body")
    if start < 0:
        return page, []
    head, body = page[:start], page[start:]
    pieces = re.split(r"(<[^>]+>)", body)
    stack: list[str] = []
    pending = {t.anchor: t for t in terms}
    patterns = {t.anchor: [_pattern(s) for s in t.spellings] for t in terms}
    linked: list[str] = []
    for i, piece in enumerate(pieces):
        if piece.startswith("<"):
            _track(piece, stack)
            continue
        if not piece.strip() or any(tag in _SKIP for tag in stack) or not pending:
            continue
        pieces[i], done = _link_text(piece, pending, patterns, href)
        for anchor in done:
            pending.pop(anchor)
            linked.append(anchor)
    return head + "".join(pieces), linked


def _track(tag: str, stack: list[str]) -> None:
    match = re.match(r"<\s*(/?)\s*([a-zA-Z0-9]+)", tag)
    if not match or tag.startswith("<!") or tag.endswith("/>"):
        return
    closing, name = match.group(1) == "/", match.group(2).lower()
    if name in _VOID:
        return
    if not closing:
        stack.append(name)
    elif name in stack:
        while stack and stack.pop() != name:
            pass


def _link_text(text: str, pending: dict[str, Term], patterns: dict, href: str) -> tuple[str, list[str]]:
    """Link, in one text node, the earliest use of every pending term (without overlapping links)."""
    hits = []
    for anchor in pending:
        found = [m for p in patterns[anchor] if (m := p.search(text))]
        if found:
            first = min(found, key=lambda m: (m.start(), -len(m.group(0))))
            hits.append((first.start(), first.end(), anchor))
    hits.sort()
    out, pos, done = [], 0, []
    for begin, end, anchor in hits:
        if begin < pos:
            continue
        term = pending[anchor]
        out.append(text[pos:begin])
        out.append(
            f'<a class="gloss" href="{href}#{anchor}" title="{html.escape(term.summary(), quote=True)}">'
            f"{text[begin:end]}</a>"
        )
        pos = end
        done.append(anchor)
    out.append(text[pos:])
    return "".join(out), done


def _paragraphs(definition: str) -> str:
    parts = [p.strip() for p in re.split(r"\n\s*\n", definition) if p.strip()]
    rendered = []
    for part in parts:
        escaped = html.escape(re.sub(r"\s+", " ", part), quote=False)
        rendered.append("<p>" + re.sub(r"\*([^*]+)\*", r"<em>\1</em>", escaped) + "</p>")
    return "\n".join(rendered)


def glossary_body(terms: list[Term]) -> str:
    """The glossary as HTML: a list of links to the entries, then one entry per term, alphabetically."""
    ordered = sorted(terms, key=lambda t: t.term.casefold())
    index = " · ".join(f'<a href="#{t.anchor}">{html.escape(t.term)}</a>' for t in ordered)
    entries = []
    for t in ordered:
        also = f'<p class="note">Also: {html.escape("; ".join(t.aliases))}</p>' if t.aliases else ""
        entries.append(
            f'<section class="gloss-entry" id="{t.anchor}">\n<h2>{html.escape(t.term)}</h2>\n'
            f"{_paragraphs(t.definition)}\n{also}\n</section>"
        )
    return f'<nav class="gloss-index" aria-label="Terms">{index}</nav>\n' + "\n".join(entries)
