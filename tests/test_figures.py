"""bilateral.figures: alt text and sources required, data CSV export, caption numbering, SVG determinism."""

from __future__ import annotations

import base64
import re

import pandas as pd
import pytest

from bilateral import figures


@pytest.fixture(autouse=True)
def _fresh(tmp_path, monkeypatch):
    """Each test numbers from 1 and writes figure data into its own folder."""
    figures.reset_numbering()
    monkeypatch.setenv(figures.FIGURE_DATA_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(figures.FIGURE_DATA_LINK_ENV, "report-data")
    yield
    figures.reset_numbering()


def _chart(title: str = "Şəki – Iğdır: ə ş ğ ı"):
    fig, ax = figures.new("wide")
    ax.plot([2000, 2001, 2002], [1.0, 3.0, 2.0], color=figures.colour("AZE"))
    ax.set_title(title)
    return fig


FRAME = pd.DataFrame({"year": [2000, 2001, 2002], "value": [1.0, 3.0, 2.0]})


@pytest.mark.parametrize("alt", ["", "   ", None])
def test_figure_needs_alt_text(alt):
    with pytest.raises(ValueError, match="alt text"):
        figures.figure_html(_chart(), name="f", caption="c", alt=alt, sources=["imf_dots"])


@pytest.mark.parametrize("sources", [[], None, "imf_dots"])
def test_figure_needs_a_list_of_sources(sources):
    with pytest.raises(ValueError, match="source"):
        figures.figure_html(_chart(), name="f", caption="c", alt="a", sources=sources)


def test_unknown_source_key_is_named():
    with pytest.raises(ValueError, match="'no_such_source'"):
        figures.figure_html(_chart(), name="f", caption="c", alt="a", sources=["imf_dots", "no_such_source"])


def test_table_needs_sources_and_caption():
    with pytest.raises(ValueError, match="source"):
        figures.table_html(FRAME, name="t", caption="c", sources=[])
    with pytest.raises(ValueError, match="caption"):
        figures.table_html(FRAME, name="t", caption=" ", sources=["imf_dots"])


def test_figure_html_has_embedded_svg_alt_caption_and_source_line():
    out = figures.figure_html(
        _chart(), name="Trade balance", caption="Exports ə ş.", alt="Line rising then falling.", sources=["imf_dots"]
    )
    img = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)">', out)
    assert img, out[:200]
    assert img.group(2) == "Line rising then falling."
    svg = base64.b64decode(img.group(1))
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    assert "<strong>Figure 1.</strong> Exports ə ş." in out
    # source line: publisher and dataset only (vintages are in the report's Sources section)
    assert '<span class="source">Source: IMF Direction of Trade Statistics.</span>' in out
    assert 'id="fig-trade-balance"' in out
    assert "Data (CSV)" not in out  # no data given, no link


def test_alt_text_is_escaped():
    out = figures.figure_html(_chart(), name="f", caption="c", alt='Bars "A" & <B>', sources=["imf_dots"])
    assert 'alt="Bars &quot;A&quot; &amp; &lt;B&gt;"' in out


def test_data_is_exported_as_csv_and_linked(tmp_path):
    out = figures.figure_html(
        _chart(), name="Arms: TIV by year", caption="c", alt="a", sources=["sipri_arms_transfers"], data=FRAME
    )
    path = tmp_path / "data" / "arms-tiv-by-year.csv"
    assert path.read_text(encoding="utf-8") == "year,value\n2000,1.0\n2001,3.0\n2002,2.0\n"
    assert '<a class="data-link" href="report-data/arms-tiv-by-year.csv">Data (CSV)</a>' in out


def test_table_exports_its_frame_and_keeps_a_named_index(tmp_path):
    frame = FRAME.set_index("year")
    out = figures.table_html(frame, name="tab", caption="A table.", sources=["imf_dots"], index=True)
    assert (tmp_path / "data" / "tab.csv").read_text(encoding="utf-8") == "year,value\n2000,1.0\n2001,3.0\n2002,2.0\n"
    assert '<div class="table-scroll"><table' in out
    assert "<strong>Table 1.</strong> A table." in out


def test_figures_and_tables_are_numbered_separately_in_order():
    kwargs = {"caption": "c", "alt": "a", "sources": ["imf_dots"]}
    first = figures.figure_html(_chart(), name="a", **kwargs)
    table = figures.table_html(FRAME, name="t", caption="c", sources=["imf_dots"])
    second = figures.figure_html(_chart(), name="b", **kwargs)
    assert "<strong>Figure 1.</strong>" in first
    assert "<strong>Table 1.</strong>" in table
    assert "<strong>Figure 2.</strong>" in second
    figures.reset_numbering()
    assert "<strong>Figure 1.</strong>" in figures.figure_html(_chart(), name="c", **kwargs)


def test_svg_is_deterministic_and_undated():
    one = figures.svg_bytes(_chart())
    two = figures.svg_bytes(_chart())
    assert one == two
    assert b"<dc:date>" not in one
    # text stays text, in DejaVu Sans first (the font matplotlib measured it with), then close fallbacks
    assert b"<text" in one
    assert b"font-family: 'DejaVu Sans', 'Bitstream Vera Sans', 'Verdana'" in one


def test_colours_are_fixed_per_country_and_colour_blind_palette():
    assert figures.colour("AZE") == figures.colour("AZE", 5) == "#0072B2"
    assert figures.colour("XYZ", 1) == figures.SPARE_COLOURS[1]
    assert figures.colour("XYZ", 1) not in figures.COUNTRY_COLOURS.values()
    assert figures.PALETTE[:3] == ["#0072B2", "#E69F00", "#009E73"]  # Okabe–Ito


def test_tables_with_many_columns_are_marked_wide_for_print():
    narrow = figures.table_html(FRAME, name="n", caption="c", sources=["imf_dots"])
    wide_frame = pd.DataFrame(
        [[1] * (figures.WIDE_TABLE_COLUMNS + 1)], columns=[f"c{i}" for i in range(figures.WIDE_TABLE_COLUMNS + 1)]
    )
    wide = figures.table_html(wide_frame, name="w", caption="c", sources=["imf_dots"])
    assert 'class="dataframe data-table"' in narrow
    assert 'class="dataframe data-table wide"' in wide


def test_numbers_are_right_aligned_and_text_left_aligned():
    import pandas as pd

    from bilateral.figures import numeric_columns, table_html

    df = pd.DataFrame(
        {
            "claim": ["Trade grew", "Pipeline opened"],
            "value": [5.8, 1768.0],
            "share": ["23.5%", "–"],
            "text": ["about 5", "n/a"],
        }
    )
    # by hand: 'value' is float, 'share' is formatted numbers; 'claim' and 'text' hold words
    assert numeric_columns(df) == [1, 2]
    html = table_html(df, name="align", caption="c", sources=["sipri_milex"])
    assert "#tab-align td:nth-child(2)" in html and "#tab-align td:nth-child(3)" in html
    assert "nth-child(1)" not in html and "nth-child(4)" not in html


def test_figure_data_csvs_are_tidy_with_one_header_row():
    import pandas as pd

    from bilateral.figures import tidy_csv_frame

    wide = pd.DataFrame(
        [[1.0, 2.0, 3.0]],
        index=pd.Index([2020], name="year"),
        columns=pd.MultiIndex.from_tuples(
            [("AZE_to_TUR", "gap_usd_m"), ("AZE_to_TUR", "ratio"), ("TUR_to_AZE", "ratio")]
        ),
    )
    assert (
        tidy_csv_frame(wide).to_csv(index=False)
        == "year,AZE_to_TUR_gap_usd_m,AZE_to_TUR_ratio,TUR_to_AZE_ratio\n2020,1.0,2.0,3.0\n"
    )
    filtered = pd.DataFrame({"claim_id": ["C002", "C005"]}, index=[1, 4])
    assert tidy_csv_frame(filtered).to_csv(index=False) == "claim_id\nC002\nC005\n"
    matrix = pd.DataFrame({"Türkiye": [3]}, index=["Azerbaijan"])
    assert tidy_csv_frame(matrix).to_csv(index=False) == "label,Türkiye\nAzerbaijan,3\n"


def test_line_end_labels_replace_the_legend_and_do_not_overlap():
    import numpy as np

    from bilateral import figures

    fig, ax = figures.new("wide")
    ax.plot([2000, 2010], [1.0, 2.0], label="Azerbaijan", color="#0072B2")
    ax.plot([2000, 2010], [1.0, 2.01], label="Türkiye", color="#D55E00")
    ax.plot([2000, 2005, 2010], [3.0, 4.0, np.nan], label="Georgia")
    ax.plot([2000, 2010], [0.5, 0.5], label="_hidden")
    ax.legend()
    texts = figures.label_line_ends(ax)
    assert [t.get_text() for t in texts] == ["Azerbaijan", "Türkiye", "Georgia"]
    assert ax.get_legend() is None
    assert texts[0].xy == (2010.0, 2.0) and texts[2].xy == (2005.0, 4.0)  # last finite point
    assert texts[1].get_color() == "#D55E00"
    # the two near-equal ends get labels that do not overlap once drawn
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box_a, box_t = (t.get_window_extent(renderer) for t in texts[:2])
    assert not box_a.overlaps(box_t)
    import matplotlib.pyplot as plt

    plt.close(fig)


def test_short_source_line_names_publisher_and_dataset_once():
    from bilateral.catalog import short_source_line, source_line

    assert (
        short_source_line("sipri_arms_transfers", "imf_dots")
        == "Source: SIPRI Arms Transfers Database; IMF Direction of Trade Statistics."
    )
    assert short_source_line("sipri_arms_transfers", "sipri_arms_transfers") == "Source: SIPRI Arms Transfers Database."
    # the full line (Sources section) keeps the vintage
    assert (
        source_line("imf_dots")
        == "Source: IMF Direction of Trade Statistics (downloaded before 2 Feb 2022, data to 2020)."
    )


def test_one_colour_algorithm_gives_a_state_the_same_colour_in_every_chart():
    from bilateral import diplomatic

    # Israel in a trade chart of partners, a military chart of suppliers (both call figures.country_colours)
    # and a diplomatic chart of comparators
    seen = {
        figures.country_colours(["TUR", "ITA", "ISR"])["ISR"],
        figures.country_colours(["RUS", "ISR", "Others"])["ISR"],
        diplomatic.comparator_colours(["ISR", "KAZ"], ("ARM", "RUS"))["ISR"],
        figures.country_colours(["ISR"])["ISR"],
    }
    assert seen == {"#882255"}
    # states without a house colour get spare colours, distinct within the chart and never a house colour
    colours = figures.country_colours(["BLR", "SRB", "UKR"], pair=("AZE", "TUR"))
    assert list(colours) == ["AZE", "TUR", "BLR", "SRB", "UKR"]
    assert colours["BLR"] == "#7B4173" and colours["SRB"] == "#7A7A00" and colours["UKR"] == "#3182BD"
    assert not {colours["BLR"], colours["SRB"], colours["UKR"]} & set(figures.COUNTRY_COLOURS.values())
    # the remainder of a breakdown is light grey; None and repeats are ignored
    assert figures.country_colours(["Others", None, "AZE", "AZE"]) == {"Others": "#cccccc", "AZE": "#0072B2"}
    # more states than spare colours: house colours of absent states, still all different
    many = figures.country_colours([f"X{i}" for i in range(10)])
    assert len(set(many.values())) == 10
