"""Navigation added to rendered pages: menu, contents list, glossary links."""

from __future__ import annotations

from bilateral.glossary import Term
from bilateral.pages import add_navigation, contents_html, sections, suite_menu

PAGE = (
    '<html><head><title>T</title></head><body><main class="report">'
    '<h1 id="Title">Title</h1><p>Intro on kappa.</p>'
    '<div class="prose"><h2 id="Key-findings">Key findings<a class="anchor-link" href="#Key-findings">¶</a></h2>'
    "<p>Kappa is low.</p></div>"
    '<h2 id="Methods-&amp;-caveats">Methods &amp; caveats</h2><p>TIV.</p></main></body></html>'
)
TERMS = [
    Term("Cohen's kappa", "kappa", ("kappa",), "Chance-corrected agreement."),
    Term("TIV", "tiv", (), "A volume unit."),
]


def test_sections_read_the_level_two_headings_without_anchor_links():
    assert [(s.anchor, s.text) for s in sections(PAGE)] == [
        ("Key-findings", "Key findings"),
        ("Methods-&amp;-caveats", "Methods & caveats"),
    ]


def test_contents_list_needs_two_sections():
    assert contents_html(sections(PAGE)[:1]) == ""
    toc = contents_html(sections(PAGE))
    assert '<a href="#Key-findings">Key findings</a>' in toc and "Methods &amp; caveats</a>" in toc


def test_menu_marks_the_current_page_and_follows_the_reading_order():
    menu = suite_menu("military")
    assert (
        menu.index("overview.html") < menu.index("diplomatic.html") < menu.index("Military") < menu.index("energy.html")
    )
    assert '<li aria-current="page"><span>Military</span></li>' in menu and "military.html" not in menu
    variant = suite_menu("trade", prefix="../", present=frozenset({"trade", "overview"}))
    assert 'href="../index.html"' in variant and 'href="../overview.html"' in variant
    assert "energy.html" not in variant and 'href="../glossary.html"' in variant


def test_navigation_is_added_once_and_terms_are_linked_outside_the_navigation():
    out = add_navigation(PAGE, "overview", terms=TERMS)
    assert out.count('class="suite-menu') == 1 and out.count('class="contents"') == 1
    assert out.index('class="contents"') < out.index('<h2 id="Key-findings"')
    assert out.index('<h1 id="Title">') < out.index('class="contents"')
    # first use of kappa is in the intro; the contents list and headings are not linked
    assert 'Intro on <a class="gloss" href="glossary.html#kappa"' in out
    assert out.count('class="gloss"') == 2 and '<a class="gloss" href="glossary.html#tiv"' in out


def test_links_to_local_files_are_dropped_for_print():
    from bilateral.pages import without_local_links

    page = (
        '<a href="#Key-findings">K</a> <a class="gloss" href="glossary.html#kappa" title="t">kappa</a> '
        '<a href="https://www.sipri.org/x">SIPRI</a> <a href="../index.html">All</a>'
    )
    assert without_local_links(page) == (
        '<a href="#Key-findings">K</a> <a class="gloss" title="t">kappa</a> '
        '<a href="https://www.sipri.org/x">SIPRI</a> <a>All</a>'
    )
