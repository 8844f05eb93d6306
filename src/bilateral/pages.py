"""Reader navigation added to a rendered report page: the suite's menu, a contents list, glossary links.

These are pure functions on the HTML that nbconvert renders (see :mod:`bilateral.build`), so the
notebooks do not have to carry navigation. Section ids are the ones nbconvert gives headings.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bilateral import glossary

# The suite's reports in reading order: (file stem, short name in the menu).
READING_ORDER: tuple[tuple[str, str], ...] = (
    ("overview", "Overview"),
    ("diplomatic", "Diplomatic"),
    ("military", "Military"),
    ("energy", "Energy"),
    ("trade", "Trade"),
    ("claims", "Claims check"),
)

_H2 = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<inner>.*?)</h2>', re.S)


@dataclass(frozen=True)
class Section:
    """A level-2 heading of a page: its fragment id and its text."""

    anchor: str
    text: str


def sections(page: str) -> list[Section]:
    """The page's level-2 sections in order (heading text without the nbconvert anchor link)."""
    out = []
    for match in _H2.finditer(page):
        inner = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", match["inner"], flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        out.append(Section(match["id"], text))
    return out


def contents_html(items: list[Section]) -> str:
    """A contents list linking each section (empty string for fewer than two sections)."""
    if len(items) < 2:
        return ""
    links = "\n".join(
        f'<li><a href="#{html.escape(s.anchor, quote=True)}">{html.escape(s.text)}</a></li>' for s in items
    )
    return f'<nav class="contents" aria-label="Contents">\n<p class="contents-title">Contents</p>\n<ol>\n{links}\n</ol>\n</nav>'


def suite_menu(current: str, prefix: str = "", present: frozenset[str] | None = None) -> str:
    """The menu at the top of every page: the index, each report in reading order, the glossary.

    ``prefix`` is prepended to every link (``"../"`` for pages in ``reports/variants/``); ``present``
    limits the menu to the reports that exist. The current page is marked, not linked.
    """
    items = [f'<li><a href="{prefix}index.html">All reports</a></li>']
    for stem, name in READING_ORDER:
        if present is not None and stem not in present:
            continue
        if stem == current:
            items.append(f'<li aria-current="page"><span>{name}</span></li>')
        else:
            items.append(f'<li><a href="{prefix}{stem}.html">{name}</a></li>')
    if current == "glossary":
        items.append('<li aria-current="page"><span>Glossary</span></li>')
    else:
        items.append(f'<li><a href="{prefix}{glossary.GLOSSARY_PAGE}">Glossary</a></li>')
    return '<nav class="suite-menu screen-only" aria-label="Reports">\n<ul>\n' + "\n".join(items) + "\n</ul>\n</nav>"


def add_navigation(
    page: str,
    current: str,
    prefix: str = "",
    present: frozenset[str] | None = None,
    terms: list[glossary.Term] | None = None,
) -> str:
    """The page with the suite menu after ``<main …>``, a contents list before the first section, and the
    first use of each glossary term linked to its entry."""
    menu = suite_menu(current, prefix, present)
    page = re.sub(r"(<main\b[^>]*>)", lambda m: m.group(1) + "\n" + menu, page, count=1)
    toc = contents_html(sections(page))
    if toc:
        first = _H2.search(page)
        page = page[: first.start()] + toc + "\n" + page[first.start() :]
    if terms is None:
        terms = glossary.load()
    page, _ = glossary.link_first_uses(page, terms, href=prefix + glossary.GLOSSARY_PAGE)
    return page


_LOCAL_HREF = re.compile(r'(<a\b[^>]*?)\s+href="(?!#|https?:|mailto:)[^"]*"')


def without_local_links(page: str) -> str:
    """The page with links to other local files (reports, glossary, data) made plain text, for print.

    A PDF cannot follow a relative link to a sibling file, and the PDF printer would resolve it against
    the folder the build ran in, so two builds in different folders would differ. Links within the page
    (``#…``) and to the web stay.
    """
    return _LOCAL_HREF.sub(r"\1", page)
