"""House style for every chart and table: caption, source line, alt text, data export.

Notebooks call :func:`new` to get a figure in the house style, draw on it with matplotlib,
then :func:`show` it with a caption, alt text and the sources it rests on; :func:`table`
does the same for tables. Each call also writes the data behind the figure or table as CSV
(into ``$BILATERAL_FIGURE_DATA_DIR``, which the build copies beside the report) and links it.

Charts are SVG with their text kept as text (``svg.fonttype = "none"``), in DejaVu Sans (the font
matplotlib measures labels with; the PDF embeds it) and, where a reader's device lacks it, the
metrically close Verdana or Bitstream Vera Sans, then the system's sans-serif: characters such as
ə, ş, ğ, ı render with any of them. Text kept as text makes the pages about three times lighter and
the PDFs several times faster to print than glyphs drawn as paths (see README, Speed).
"""

from __future__ import annotations

import base64
import html
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from bilateral.catalog import SOURCES, short_source_line
from bilateral.paths import BUILD_DIR

#: Okabe–Ito colour-blind-safe palette (black last).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: Fixed colours for the states that recur across reports, so a country keeps its colour.
#: The first six take the palette; the states that recur as partners or comparators in several reports
#: (Paul Tol's muted scheme and a few darker tones) follow, so that Israel, say, has the same colour in the
#: military, trade and diplomatic charts.
COUNTRY_COLOURS = {
    "AZE": "#0072B2",
    "TUR": "#D55E00",
    "ARM": "#E69F00",
    "RUS": "#009E73",
    "IRN": "#CC79A7",
    "GEO": "#56B4E9",
    "USA": "#332288",
    "ISR": "#882255",
    "ITA": "#999933",
    "KAZ": "#997700",
    "CHN": "#A50F15",
    "DEU": "#8C564B",
}
GREY = "#6b6b6b"
#: Comparators that a chart need not tell apart, and the "others" remainder of a breakdown.
MUTED_GREY = "#b8b8b8"
OTHERS_GREY = "#cccccc"
#: Colours for states without a house colour, used only where a chart shows such a state (never a house
#: colour, never yellow (too pale on white) or black (which marks the pair in some charts)).
SPARE_COLOURS = ("#7B4173", "#7A7A00", "#3182BD", "#E7BA52", "#44AA99", "#636363")
#: Keys that stand for the remainder of a breakdown, not a state.
OTHERS_KEYS = frozenset({"Others", "Other", "others"})

#: Figure sizes in inches (width, height): fit an A4 text column (~6.7 in) and a phone screen.
SIZES = {"wide": (6.7, 3.6), "tall": (6.7, 5.2), "square": (5.0, 5.0), "small": (4.2, 3.0)}

#: The smallest text a chart may show (points): in a 6.7-inch chart shown 400 px wide on a phone it is
#: 7.05 px (see :func:`rendered_text_px`); use it for legends, annotations and tick labels that must be small.
SMALL_TEXT_PT = 8.5

#: Tables with more columns than this are laid out to the page width in print (class "wide").
WIDE_TABLE_COLUMNS = 8

FIGURE_DATA_ENV = "BILATERAL_FIGURE_DATA_DIR"
FIGURE_DATA_LINK_ENV = "BILATERAL_FIGURE_DATA_LINK"

_counter = {"figure": 0, "table": 0}

#: The charts' fonts, in order of preference (matplotlib lays text out with the first one, which it ships).
FONT_STACK = ("DejaVu Sans", "Bitstream Vera Sans", "Verdana", "Noto Sans", "Arial", "Helvetica")


def setup() -> None:
    """Apply the house style to matplotlib (called on import)."""
    plt.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": list(FONT_STACK),
            # a little larger than A4 body text, so that labels stay legible when a phone scales the chart down
            "font.size": 10.5,
            "axes.titlesize": 11,
            "axes.labelsize": 10.5,
            "xtick.labelsize": 9.5,
            "ytick.labelsize": 9.5,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#dddddd",
            "grid.linewidth": 0.6,
            "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
            "legend.frameon": False,
            "legend.fontsize": 9.5,
            "figure.dpi": 100,
            "svg.fonttype": "none",
            "svg.hashsalt": "bilateral",
        }
    )


setup()


def colour(iso3: str, i: int = 0) -> str:
    """The colour of a state in every chart (a state without a house colour gets a spare colour by position,
    never another state's colour; :func:`country_colours` gives a whole chart's colours at once)."""
    return COUNTRY_COLOURS.get(iso3, SPARE_COLOURS[i % len(SPARE_COLOURS)])


def country_colours(codes: Sequence[str | None], pair: Sequence[str] = ()) -> dict[str, str]:
    """One colour per state for a chart, the same colour for a state in every chart of the suite.

    A state with a house colour (:data:`COUNTRY_COLOURS`) always gets it; a state without one gets the
    first spare colour (:data:`SPARE_COLOURS`) not yet used in this chart, then (if the spares run out)
    a house colour of a state that is not in the chart, then grey. The remainder of a breakdown
    ("Others") is light grey. The states of ``pair`` are given colours first (and are in the result);
    ``None`` and repeated codes are ignored. The only colour algorithm of the suite: the dimension
    modules call this one.

    Example:
        >>> country_colours(["ISR", "RUS"], pair=("AZE", "TUR"))["ISR"] == COUNTRY_COLOURS["ISR"]
        True
    """
    keys = list(dict.fromkeys(c for c in (*pair, *codes) if c is not None))
    out: dict[str, str] = {}
    for key in keys:
        if key in OTHERS_KEYS:
            out[key] = OTHERS_GREY
        elif key in COUNTRY_COLOURS:
            out[key] = COUNTRY_COLOURS[key]
    present = set(keys)
    fallback = [*SPARE_COLOURS, *(c for k, c in COUNTRY_COLOURS.items() if k not in present)]
    for key in keys:
        if key not in out:
            free = [c for c in fallback if c not in out.values()]
            out[key] = free[0] if free else GREY
    return out


def new(size: str = "wide", nrows: int = 1, ncols: int = 1, **kwargs):
    """A new figure in the house style: ``fig, ax = figures.new("wide")``."""
    fig, ax = plt.subplots(nrows, ncols, figsize=SIZES[size], layout="constrained", **kwargs)
    return fig, ax


def label_line_ends(ax, *, fontsize: float | None = None, min_gap_pt: float | None = None) -> list:
    """Label each labelled line at its last point, in the line's colour, instead of a legend.

    Labels that would overlap are pushed apart vertically (at least ``min_gap_pt`` points between
    their centres, by default 1.3 times the font size); the legend, if any, is removed. Lines whose label starts with "_" (matplotlib's
    convention for unlabelled artists) or that have no finite point are skipped. Returns the texts.
    """
    import numpy as np

    ends = []
    for line in ax.get_lines():
        label = line.get_label()
        if not label or label.startswith("_"):
            continue
        x, y = (np.asarray(v, dtype=float) for v in line.get_data())
        finite = np.isfinite(x) & np.isfinite(y)
        if not finite.any():
            continue
        last = np.flatnonzero(finite)[-1]
        ends.append([x[last], y[last], label, line.get_color()])
    if not ends:
        return []
    fig = ax.figure
    size = fontsize or plt.rcParams["legend.fontsize"]
    gap = min_gap_pt if min_gap_pt is not None else 1.3 * size
    ax.autoscale_view()  # the data limits must be final before positions are measured
    to_points = ax.transData + matplotlib.transforms.Affine2D().scale(72.0 / fig.dpi)
    points = [to_points.transform((x, y))[1] for x, y, _, _ in ends]
    order = sorted(range(len(ends)), key=lambda i: points[i])
    placed = {}
    previous = None
    for i in order:
        target = points[i] if previous is None else max(points[i], previous + gap)
        placed[i] = target
        previous = target
    texts = []
    for i, (x, y, label, colour_) in enumerate(ends):
        offset = placed[i] - points[i]
        texts.append(
            ax.annotate(
                label,
                (x, y),
                xytext=(5, offset),
                textcoords="offset points",
                va="center",
                ha="left",
                color=colour_,
                fontsize=size,
                annotation_clip=False,
            )
        )
    legend = ax.get_legend()
    if legend is not None:
        legend.remove()
    return texts


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")
    if not slug:
        raise ValueError(f"figure name {name!r} gives an empty file name")
    return slug


def data_folder() -> Path:
    """The folder that receives the data behind figures and tables (``$BILATERAL_FIGURE_DATA_DIR``; the
    build sets it and copies the folder beside the report); created if missing."""
    folder = Path(os.environ.get(FIGURE_DATA_ENV) or BUILD_DIR / "interactive" / "figure-data")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def tidy_csv_frame(data: pd.DataFrame) -> pd.DataFrame:
    """The frame as a tidy table for CSV export: one header row, the index as ordinary columns.

    Column levels are joined with "_" (``("AZE_to_TUR", "gap_usd_m")`` becomes ``AZE_to_TUR_gap_usd_m``).
    A named index (or a multi-level one) becomes columns; an unnamed text index becomes a column
    ``label``; an unnamed integer index (row numbers left over from filtering) is dropped.
    """
    out = data.copy()
    if isinstance(out.columns, pd.MultiIndex):
        out.columns = ["_".join(str(part) for part in parts if str(part) != "") for parts in out.columns]
    index = out.index
    if isinstance(index, pd.MultiIndex) or index.name is not None:
        return out.reset_index()
    if isinstance(index, pd.RangeIndex) or pd.api.types.is_integer_dtype(index.dtype):
        return out.reset_index(drop=True)
    out.index.name = "label" if "label" not in out.columns else "row_label"
    return out.reset_index()


def _export(name: str, data: pd.DataFrame | None) -> str:
    """Write the data behind a figure as CSV; return the HTML link to it ('' if no data)."""
    if data is None:
        return ""
    folder = data_folder()
    filename = f"{_slug(name)}.csv"
    tidy_csv_frame(data).to_csv(folder / filename, index=False, lineterminator="\n")
    prefix = os.environ.get(FIGURE_DATA_LINK_ENV, "")
    href = f"{prefix}/{filename}" if prefix else filename
    return f' <a class="data-link" href="{html.escape(href)}">Data (CSV)</a>'


def svg_bytes(fig) -> bytes:
    """The figure as deterministic SVG bytes (no date, fixed ids)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def reset_numbering() -> None:
    """Start figure and table numbers again at 1 (each report's kernel starts fresh anyway)."""
    for kind in _counter:
        _counter[kind] = 0


def _check(kind: str, name: str, caption: str, sources: Sequence[str]) -> None:
    """Refuse a figure or table without a caption or sources, or with a source key not in the catalog."""
    if not caption or not caption.strip():
        raise ValueError(f"{kind} {name!r} needs a caption")
    if not sources or isinstance(sources, str):
        raise ValueError(f"{kind} {name!r} needs a list of at least one source (catalog keys)")
    unknown = [k for k in sources if k not in SOURCES]
    if unknown:
        raise ValueError(
            f"{kind} {name!r}: unknown source key(s) {', '.join(map(repr, unknown))}; keys are: {', '.join(sorted(SOURCES))}"
        )


def _caption(kind: str, caption: str, sources: Sequence[str], note: str, link: str) -> str:
    _counter[kind] += 1
    label = f"{kind.capitalize()} {_counter[kind]}."
    extra = f" {html.escape(note)}" if note else ""
    return (
        f"<strong>{label}</strong> {html.escape(caption)}{extra}"
        f'<br><span class="source">{html.escape(short_source_line(*sources))}</span>{link}'
    )


#: The narrowest page a chart must stay legible on, and the smallest text it may show there (CSS px).
PHONE_WIDTH_PX = 400
MIN_PHONE_TEXT_PX = 7.0


def smallest_font_pt(fig) -> float | None:
    """The smallest font size (points) of the text the figure shows: titles, labels, tick labels, legend
    entries and annotations that are visible and not empty. ``None`` if the figure shows no text.

    Call it after the figure has been drawn (e.g. by :func:`svg_bytes`), when the tick labels exist.
    """
    from matplotlib.text import Text

    sizes = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        parent = getattr(text, "axes", None)
        if parent is not None and not parent.get_visible():
            continue
        sizes.append(float(text.get_fontsize()))
    return min(sizes) if sizes else None


def rendered_text_px(font_pt: float, width_in: float, page_px: float = PHONE_WIDTH_PX) -> float:
    """The height in CSS pixels of ``font_pt``-point text in a chart ``width_in`` inches wide, when the chart
    is scaled to ``page_px`` pixels wide (charts fill the text column: ``width: 100%``).

    A point is 4/3 CSS px and an inch 96 px, so the text is ``font_pt * 4/3 * page_px / (96 * width_in)``
    px: 10.5 pt in a 6.7-inch chart shown 400 px wide is 8.7 px; 7 pt is 5.8 px.
    """
    return font_pt * 4.0 / 3.0 * page_px / (96.0 * width_in)


def figure_html(
    fig, *, name: str, caption: str, alt: str, sources: Sequence[str], data: pd.DataFrame | None = None, note: str = ""
) -> str:
    """HTML for a figure: embedded SVG image with alt text, numbered caption, source line, data link."""
    if not alt or not alt.strip():
        raise ValueError(f"figure {name!r} needs alt text describing what it shows")
    _check("figure", name, caption, sources)
    encoded = base64.b64encode(svg_bytes(fig)).decode("ascii")
    # recorded on the page so that a test can check every chart stays legible on a phone
    smallest = smallest_font_pt(fig)
    width_in = float(fig.get_figwidth())
    legibility = f' data-width-in="{width_in:.2f}"' + (
        f' data-min-font-pt="{smallest:.2f}"' if smallest is not None else ""
    )
    plt.close(fig)
    link = _export(name, data)
    return (
        f'<figure class="chart" id="fig-{_slug(name)}"{legibility}>'
        f'<img src="data:image/svg+xml;base64,{encoded}" alt="{html.escape(alt)}">'
        f"<figcaption>{_caption('figure', caption, sources, note, link)}</figcaption></figure>"
    )


def single_year_axes(fig, span: int = 1) -> int:
    """Keep a time axis whose data hold one year to that year (± ``span``), with one tick.

    Matplotlib widens a single x value by 5% of its size, so a one-year series (e.g. a period of one
    year) would be drawn on an axis from about 1925 to 2125. Returns how many axes were narrowed.
    """
    narrowed = 0
    for ax in fig.axes:
        lo, hi = ax.dataLim.intervalx
        if lo == hi and 1000 <= lo <= 3000 and float(lo).is_integer():
            ax.set_xlim(lo - span, hi + span)
            ax.set_xticks([lo], [str(int(lo))])
            narrowed += 1
    return narrowed


def show(
    fig, *, name: str, caption: str, alt: str, sources: Sequence[str], data: pd.DataFrame | None = None, note: str = ""
) -> None:
    """Display a figure in the notebook/report (see :func:`figure_html`)."""
    single_year_axes(fig)
    from IPython.display import HTML, display

    display(HTML(figure_html(fig, name=name, caption=caption, alt=alt, sources=sources, data=data, note=note)))


_NUMBER_TEXT = re.compile(r"^[\s~≈<>+−–-]*(US\$|\$)?[\d.,]+\s*(%|×|e|bn|m|bcm)?[\s?*]*$")


def numeric_columns(df: pd.DataFrame) -> list[int]:
    """Positions (0-based) of the columns that hold numbers, or numbers formatted as text.

    Numbers are right-aligned in tables so that digits line up; text stays left-aligned.
    """
    positions = []
    for i, _column in enumerate(df.columns):
        values = df.iloc[:, i].dropna()
        if values.empty:
            continue
        if (pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)) or values.map(
            lambda v: bool(_NUMBER_TEXT.match(str(v))) or str(v) in {"–", "n/a", ""}
        ).all():
            positions.append(i)
    return positions


def table_html(
    df: pd.DataFrame,
    *,
    name: str,
    caption: str,
    sources: Sequence[str],
    data: pd.DataFrame | None = None,
    note: str = "",
    index: bool = False,
) -> str:
    """HTML for a table with a numbered caption, a source line and a link to its data."""
    _check("table", name, caption, sources)
    link = _export(name, df if data is None else data)
    columns = len(df.columns) + (df.index.nlevels if index else 0)
    classes = "data-table wide" if columns > WIDE_TABLE_COLUMNS else "data-table"
    body = df.to_html(index=index, border=0, classes=classes, na_rep="–", escape=True)
    offset = df.index.nlevels if index else 0
    rules = ", ".join(
        f"#tab-{_slug(name)} td:nth-child({i + 1 + offset}), #tab-{_slug(name)} th:nth-child({i + 1 + offset})"
        for i in numeric_columns(df)
    )
    style = f"<style>{rules} {{ text-align: right; }}</style>" if rules else ""
    return (
        f'<figure class="table" id="tab-{_slug(name)}">{style}<figcaption>{_caption("table", caption, sources, note, link)}</figcaption>'
        f'<div class="table-scroll">{body}</div></figure>'
    )


def table(
    df: pd.DataFrame,
    *,
    name: str,
    caption: str,
    sources: Sequence[str],
    data: pd.DataFrame | None = None,
    note: str = "",
    index: bool = False,
) -> None:
    """Display a table in the notebook/report (see :func:`table_html`)."""
    from IPython.display import HTML, display

    display(HTML(table_html(df, name=name, caption=caption, sources=sources, data=data, note=note, index=index)))


def md(text: str) -> None:
    """Display computed Markdown text (numbers formatted by the caller)."""
    from IPython.display import Markdown, display

    display(Markdown(text))
