"""The landing page: takeaways first, reports in reading order with their findings, build details last."""

from __future__ import annotations

from pathlib import Path

from bilateral import landing
from bilateral.build import TEMPLATES_DIR


def _report(tmp: Path, stem: str, rows: list[str]) -> None:
    data = tmp / f"{stem}-data"
    data.mkdir()
    (tmp / f"{stem}.html").write_text("<html></html>", encoding="utf-8")
    (data / "shares-by-year.csv").write_text("year,share_pct\n2020,1.0\n", encoding="utf-8")
    if rows:
        (data / "takeaways.csv").write_text("kind,report,section,sentence\n" + "\n".join(rows) + "\n", encoding="utf-8")


def _entry(tmp: Path, stem: str, title: str) -> landing.ReportEntry:
    return landing.entry(
        stem,
        title,
        f"Summary of {stem}.",
        tmp,
        f"notebooks/{stem}.ipynb",
        "b1d",
        {"country_a": "AZE", "comparators": ("ARM",)},
        [{"short": "IMF DOTS", "vintage": "2022"}],
    )


def test_landing_page_order_takeaways_and_about_section(tmp_path):
    _report(tmp_path, "claims", ["headline,claims,Verdicts,Most claims hold."])
    _report(
        tmp_path,
        "overview",
        [
            "takeaway,trade,Shares,Trade rose 5% in 2020.",
            "takeaway,diplomatic,Key-findings,Votes agree.",
            "headline,overview,,At a glance.",
        ],
    )
    _report(tmp_path, "trade", [])
    _report(tmp_path, "military_arm_rus", [])
    entries = [
        _entry(tmp_path, s, t)
        for s, t in [
            ("claims", "Claims check: seeds"),
            ("overview", "Overview: at a glance"),
            ("trade", "Trade: goods"),
            ("military_arm_rus", "Military: ARM–RUS"),
        ]
    ]
    page = landing.landing_html(entries, tmp_path, css="", templates_dir=TEMPLATES_DIR / "bilateral")
    # takeaways first, each linking to its report section
    assert page.index("Takeaways") < page.index("The reports") < page.index("About this build")
    assert '<a class="more" href="trade.html#Shares">See the trade report</a>' in page
    assert '<a class="more" href="diplomatic.html#Key-findings">See the diplomatic report</a>' in page
    # reports in reading order; a student's notebook after the suite's six
    cards = [page.index(f'<h3><a href="{s}.html">') for s in ("overview", "trade", "claims", "military_arm_rus")]
    assert cards == sorted(cards)
    # a report's published headline replaces its summary; without one the summary stays
    assert "At a glance." in page and "Most claims hold." in page and "Summary of trade." in page
    # parameters only in the About part; data files labelled in words
    assert page.index("country_a") > page.index("About this build")
    assert "Shares by year (CSV)" in page and "takeaways.csv" not in page


def test_data_label_and_reading_order():
    assert landing.data_label("btc-throughput.csv") == "Btc throughput (CSV)"
    assert landing.reading_order(["trade", "zeta", "overview", "alpha"]) == (["overview", "trade"], ["alpha", "zeta"])
    assert landing.link_text("trade", "Bilateral trade seen from both sides") == "See the trade report"
    assert landing.link_text("claims", "Claims check: the seeds") == "See the claims check report"
    assert landing.link_text("military_arm_rus", "Military ties: Armenia and Russia") == "See the military ties report"
