"""The check for machine identifiers in reader-facing text."""

from __future__ import annotations

from bilateral.readability import machine_identifiers, visible_text


def test_finds_file_names_hashes_and_snake_case_in_visible_text_only():
    page = (
        "<html><head><title>unga_votes</title><style>.a_b{}</style></head><body>"
        '<p title="arms_totals">Seen: <b>un_roll_calls.csv.gz</b>, 000_bbf2abffa65fbe36.txt § DEVELOPMENT,'
        " commit 42a69b6c1d, table unga_agreement.</p>"
        "<code>load_optional</code>"
        '<section class="report-meta"><code>country_a</code> start_year</section>'
        "<p>Plain words, well-known: co-sponsorship, 2019–2024, A/RES/74/10, https://x.org/a_b.html.</p>"
        "</body></html>"
    )
    assert machine_identifiers(page) == [
        "000_bbf2abffa65fbe36.txt",
        "42a69b6c1d",
        "un_roll_calls.csv.gz",
        "unga_agreement",
    ]
    assert "start_year" not in visible_text(page) and "Plain words" in visible_text(page)


def test_plain_prose_has_none():
    assert machine_identifiers("<body><p>Türkiye's share rose to 12.5% in 2020 (IMF, 2021).</p></body>") == []
