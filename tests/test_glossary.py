"""The suite's glossary: parsed from markdown, every term linked once from the reports' body text."""

from __future__ import annotations

import pytest

from bilateral import glossary
from bilateral.glossary import GlossaryError, Term, link_first_uses, parse

SMALL = """# Glossary
<!-- a comment with ## Not a heading {#nope} -->
## Cohen's kappa {#kappa}
Also: kappa

Agreement corrected for chance. Zero means chance.

## TIV {#tiv}

SIPRI's *volume* unit.
"""


def test_parse_reads_terms_aliases_and_definitions():
    terms = parse(SMALL)
    assert [t.anchor for t in terms] == ["kappa", "tiv"]
    assert terms[0].aliases == ("kappa",)
    assert terms[0].spellings == ("Cohen's kappa", "kappa")
    assert terms[0].summary() == "Agreement corrected for chance."
    assert terms[1].aliases == () and terms[1].definition == "SIPRI's *volume* unit."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## Kappa\n\nx\n", "line 1"),
        ("## Kappa {#k}\n\n## TIV {#k}\n\ny\n", "no definition"),
        ("## Kappa {#k}\n\nx\n## TIV {#k}\n\ny\n", "line 4: anchor #k already used on line 1"),
        ("# Only a title\n", "no entries"),
    ],
)
def test_parse_errors_name_the_line(text, message):
    with pytest.raises(GlossaryError, match=message):
        parse(text)


def test_first_use_is_linked_once_outside_headings_links_and_code():
    terms = parse(SMALL)
    page = (
        "<html><head><title>kappa</title></head><body><h2>Kappa</h2>"
        '<p>See <a href="x">kappa</a> and <code>kappa</code>.</p>'
        "<p>The Kappa of votes; TIV volumes and tiv in lower case. Kappa again.</p></body></html>"
    )
    out, linked = link_first_uses(page, terms)
    assert linked == ["kappa", "tiv"]
    assert out.count('class="gloss"') == 2
    assert (
        '<a class="gloss" href="glossary.html#kappa" title="Agreement corrected for chance.">Kappa</a> of votes' in out
    )
    assert '<a class="gloss" href="glossary.html#tiv" title="SIPRI&#x27;s volume unit.">TIV</a> volumes' in out
    assert "<h2>Kappa</h2>" in out and "<title>kappa</title>" in out  # headings and the head untouched
    assert "tiv in lower case" in out  # acronyms match their capitals only


def test_longer_spelling_wins_and_words_are_whole():
    terms = [Term("Ideal point", "ideal-point", ("ideal-point distance",), "A position.")]
    out, linked = link_first_uses("<body><p>idealpoints; the ideal-point distance grew</p></body>", terms)
    assert linked == ["ideal-point"]
    assert ">ideal-point distance</a> grew" in out and "idealpoints;" in out


def test_the_suite_glossary_parses_and_covers_the_terms_the_reports_use():
    terms = glossary.load()
    anchors = {t.anchor for t in terms}
    for needed in (
        "kappa",
        "ideal-point",
        "tiv",
        "fob",
        "cif",
        "mirror-data",
        "bcm",
        "trade-intensity",
        "co-sponsorship",
        "atop",
    ):
        assert needed in anchors
    body = glossary.glossary_body(terms)
    for t in terms:
        assert f'id="{t.anchor}"' in body and f'href="#{t.anchor}"' in body
