"""How the reports show the sourcing of events: markers, source lists, and computed sentences.

The ``events`` table says how each event is sourced (``sourcing``: seed only, one side, both sides,
third party) and ``event_sources`` lists every source with its outlet and the date it gives. The
helpers here turn these into what readers see: a hollow marker for an event that rests on the seed
documents alone, a source list by outlet and date ("Anadolu Agency, 14 Oct 2009"), the sentence
"n of N events rest on the seed documents alone", the dates that differ from a seed's, and the
frictions and multilateral formats among the events shown. No file name or column id reaches the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from bilateral import citations, fmt

SEED_ONLY = "seed only"

#: Sourcing kinds as readers read them.
SOURCING_TEXT = {
    "seed only": "seed documents only",
    "one side": "one side's sources",  # sourcing_labels names the state
    "both sides": "sources of both sides",
    "third party": "third-party source",
}

#: Caption sentence explaining the markers.
MARKER_NOTE = (
    "Hollow markers: events that rest on the seed documents alone; filled markers: events with at least one "
    "independent source."
)


def seed_only(ev: pd.DataFrame) -> pd.Series:
    """True for events whose every source is a seed document (False where ``sourcing`` is absent)."""
    if "sourcing" not in ev:
        return pd.Series(False, index=ev.index)
    return (ev["sourcing"].astype("string") == SEED_ONLY).fillna(False).astype(bool)


def marker_style(hollow: bool, colour: str) -> dict:
    """Matplotlib marker keywords for one event: filled in ``colour``, or hollow with a ``colour`` edge."""
    if hollow:
        return {"markerfacecolor": "white", "markeredgecolor": colour, "markeredgewidth": 1.3}
    return {"markerfacecolor": colour, "markeredgecolor": "white", "markeredgewidth": 0.5}


def marker_caption(ev: pd.DataFrame) -> str:
    """The caption sentence on markers for the events drawn: explains hollow markers when there are any."""
    n = int(seed_only(ev).sum())
    if not len(ev):
        return ""
    if n == 0:
        return "Every event drawn has at least one independent source."
    return (
        f"Hollow markers: {fmt.plural(n, 'event')} drawn {'rests' if n == 1 else 'rest'} on the seed documents alone; "
        "filled markers: events with at least one independent source."
    )


def add_marker_legend(ax, colour: str = "#555555", **kwargs) -> None:
    """A two-entry legend (independent source / seed documents only) on ``ax``."""
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=7,
            color=colour,
            **marker_style(False, colour),
            label="at least one independent source",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=7,
            color=colour,
            **marker_style(True, colour),
            label="seed documents only",
        ),
    ]
    from bilateral import figures

    ax.legend(handles=handles, fontsize=figures.SMALL_TEXT_PT, frameon=False, **({"loc": "lower right"} | kwargs))


#: Height of one event's row in a labelled timeline (inches) and the longest name shown (characters).
LABEL_ROW_INCHES = 0.2
LABEL_CHARS = 46


def short_label(no: object, title: object, width: int = LABEL_CHARS) -> str:
    """An event's label on a timeline: its number and its title, shortened at a word to ``width`` characters.

    >>> short_label(3, "Shusha Declaration on Allied Relations signed by the two presidents", 30)
    '3 Shusha Declaration on Allied…'
    """
    import textwrap

    text = " ".join(str(title).split())
    short = textwrap.shorten(text, width=width, placeholder="…") if len(text) > width else text
    return f"{no} {short}"


def empty_strip(ax, message: str, *, colour: str = "#777777", fontsize: float = 8.5) -> None:
    """An events strip with nothing to draw: no ticks, no grid, a short grey note in the middle saying why."""
    ax.set_yticks([])
    ax.grid(False)
    ax.spines["left"].set_visible(False)
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=fontsize, color=colour)


def draw_labelled_events(
    ax,
    x: Iterable[float],
    labels: Iterable[str],
    *,
    colours: Iterable[str] | str = "#222222",
    hollow: Iterable[bool] | None = None,
    xlim: tuple[float, float] | None = None,
) -> int:
    """The suite's labelled events timeline: one row per event in the order given (top to bottom), a dot at
    its date and its name beside it, instead of numbered dots that the reader must look up.

    The name is right of the dot, or left of it for an event in the right 45% of the axis, so that it stays
    inside the chart. Hollow dots mark events that rest on the seed documents alone (:func:`marker_style`).
    Text is :data:`bilateral.figures.SMALL_TEXT_PT`, legible on a phone. Returns the number of rows drawn;
    the caller sizes the axis (:data:`LABEL_ROW_INCHES` per row).
    """
    from bilateral import figures

    xs = [float(v) for v in x]
    names = [str(v) for v in labels]
    n = len(xs)
    cols = [colours] * n if isinstance(colours, str) else list(colours)
    empty = [False] * n if hollow is None else [bool(h) for h in hollow]
    lo, hi = xlim if xlim is not None else ((min(xs) - 1, max(xs) + 1) if n else (0.0, 1.0))
    ax.set_xlim(lo, hi)
    for row, (xv, name, colour, h) in enumerate(zip(xs, names, cols, empty)):
        ax.plot([lo, xv], [row, row], color="#e6e6e6", linewidth=0.6, zorder=1)
        ax.plot(xv, row, "o", markersize=5.5, color=colour, zorder=3, **marker_style(h, colour))
        left = (xv - lo) > 0.55 * (hi - lo)
        ax.annotate(
            name,
            (xv, row),
            xytext=(-6 if left else 6, 0),
            textcoords="offset points",
            ha="right" if left else "left",
            va="center",
            fontsize=figures.SMALL_TEXT_PT,
            color="#222222",
            annotation_clip=False,
        )
    ax.set_ylim(n - 0.5, -0.7)
    ax.set_yticks([])
    ax.grid(False)
    ax.spines["left"].set_visible(False)
    return n


#: Colours of the event categories in timelines that show them (Okabe–Ito blue, vermilion, bluish green).
CATEGORY_COLOURS = {"milestone": "#0072B2", "friction": "#D55E00", "multilateral": "#009E73"}
CATEGORY_LABELS = {
    "milestone": "milestone",
    "friction": "strain in the relationship",
    "multilateral": "multilateral or trilateral format",
}


def add_category_legend(ax, ev: pd.DataFrame, *, hollow: bool, **kwargs) -> None:
    """A legend of the categories present in ``ev`` (coloured dots) and, if ``hollow``, of the hollow seed-only marker."""
    from matplotlib.lines import Line2D

    present = set(ev["category"]) if "category" in ev else set()
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=7,
            color=c,
            **marker_style(False, c),
            label=CATEGORY_LABELS[k],
        )
        for k, c in CATEGORY_COLOURS.items()
        if k in present
    ]
    if hollow:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                markersize=7,
                color="#555555",
                **marker_style(True, "#555555"),
                label="seed documents only (hollow)",
            )
        )
    if handles:
        from bilateral import figures

        ax.legend(handles=handles, fontsize=figures.SMALL_TEXT_PT, frameon=False, ncol=2, **kwargs)


def date_text(date: object, precision: object) -> str:
    """A date for readers, as precise as the source (:func:`bilateral.fmt.date`): ``14 Oct 2009``, ``Oct 2009``
    or ``2009``; "" if missing."""
    return fmt.date(date, precision)


def source_texts(sources: pd.DataFrame, event_ids: Iterable[str]) -> dict[str, str]:
    """Each event's sources as readers see them: outlet (a dataset with the record cited, "SIPRI Arms Transfers
    Database, deal 31006") and the date it gives, ``; ``-joined, seeds last.

    Example: ``{"E044": "Wikipedia (Zurich Protocols), 10 Oct 2009; Barranzuela (2022)"}``.
    """
    out = {}
    for eid in event_ids:
        rows = sources[sources["event_id"] == eid]
        rows = pd.concat([rows[rows["side"] != "seed"], rows[rows["side"] == "seed"]])
        items = []
        refs = rows["reference"] if "reference" in rows else pd.Series("", index=rows.index)
        for outlet, ref, day, precision in zip(rows["outlet"], refs, rows["date_given"], rows["date_precision_given"]):
            outlet = citations.record_text(str(outlet), ref)
            item = f"{outlet}, {date_text(day, precision)}" if date_text(day, precision) else outlet
            if item not in items:
                items.append(item)
        out[eid] = "; ".join(items)
    return out


def seed_only_sentence(shown: pd.DataFrame, table: pd.DataFrame, *, what: str = "this report") -> str:
    """ "n of N events rest on the seed documents alone", for the whole table and for the events shown.

    Args:
        shown: the events the report shows (may be empty).
        table: the whole events table.
        what: how the text names the place the events are shown.
    """
    n_all, n_seed = len(table), int(seed_only(table).sum())
    text = (
        f"{fmt.integer(n_seed)} of the {fmt.integer(n_all)} events in the project's events table "
        f"{'rests' if n_seed == 1 else 'rest'} on the two seed documents alone; the others have at least one "
        "independent source (a press or web page of either state, a third party or an international organisation, "
        "or a dataset)."
    )
    k, m = len(shown), int(seed_only(shown).sum())
    if k == 0:
        return text + f" No event is shown in {what}."
    if m == 0:
        return (
            text
            + f" {'The event' if k == 1 else f'All {fmt.integer(k)} events'} shown in {what} {'has' if k == 1 else 'have'} an independent source."
        )
    if k == 1:
        return text + f" The one event shown in {what} rests on the seed documents alone (hollow marker)."
    return (
        text + f" Of the {fmt.integer(k)} events shown in {what}, {fmt.integer(m)} "
        f"{'rests' if m == 1 else 'rest'} on the seed documents alone (hollow markers)."
    )


def date_sentence(shown: pd.DataFrame, sources: pd.DataFrame | None = None) -> str:
    """Where a seed gives another date than the independent sources, which date the report uses; "" if none."""
    if "date_seed" not in shown:
        return ""
    rows = shown[shown["date_seed"].notna()]
    if rows.empty:
        return ""
    items = []
    for eid, title, day, precision, seed_day in zip(
        rows["event_id"], rows["title"], rows["date"], rows["date_precision"], rows["date_seed"]
    ):
        by = ""
        if sources is not None:
            s = sources[(sources["event_id"] == eid) & (sources["side"] != "seed") & (sources["date_given"] == day)]
            if len(s):
                by = " (" + fmt.join_and(list(dict.fromkeys(s["outlet"]))) + ")"
        seeds = ""
        if sources is not None:
            seeds = fmt.join_and(
                list(dict.fromkeys(sources.loc[(sources["event_id"] == eid) & (sources["side"] == "seed"), "outlet"]))
            )
        items.append(
            f"{title}: {date_text(day, precision)}{by}, where {seeds or 'the seed document'} "
            f"{'gives' if ' and ' not in seeds else 'give'} {date_text(seed_day, None)}"
        )
    lead = (
        "Where a seed document dates an event differently from the independent sources, the report uses the "
        "independent date: "
    )
    return lead + "; ".join(items) + "."


def category_sentence(shown: pd.DataFrame, span: str) -> str:
    """The frictions and multilateral formats among the events shown, named with their dates.

    Args:
        shown: events with ``category``, ``title``, ``date``, ``date_precision``.
        span: the period in words ("1991–2025").
    """
    if "category" not in shown or shown.empty:
        return ""
    parts = []
    for cat, noun, many in (
        ("friction", "strain in the relationship", "strains in the relationship"),
        ("multilateral", "multilateral or trilateral format", "multilateral or trilateral formats"),
    ):
        rows = shown[shown["category"] == cat].sort_values(["date", "event_id"], kind="mergesort")
        if len(rows):
            listed = "; ".join(
                f"{t} ({date_text(d, p)})" for t, d, p in zip(rows["title"], rows["date"], rows["date_precision"])
            )
            parts.append(f"{fmt.plural(len(rows), noun, many)}: {listed}")
        else:
            parts.append(f"no {many}")
    return f"Among the events of {span}, the events table records " + "; and ".join(parts) + "."


def sourcing_column(ev: pd.DataFrame) -> list[str]:
    """The sourcing kind of each event for a table column (as in :data:`SOURCING_TEXT`)."""
    if "sourcing" not in ev:
        return ["" for _ in range(len(ev))]
    return [SOURCING_TEXT.get(str(s), str(s)) for s in ev["sourcing"]]


def catalog_keys(ev: pd.DataFrame, sources: pd.DataFrame, keys: Iterable[str]) -> list[str]:
    """``keys`` plus ``events_press`` when one of the events shown has a source from the press/web events table."""
    keys = list(keys)
    used = sources[sources["event_id"].isin(set(ev["event_id"])) & (sources["citation_kind"] == "events_press")]
    if len(used) and "events_press" not in keys:
        keys.append("events_press")
    return keys


def source_keys(ev: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """Catalogue keys of every source of the events shown, in a fixed order, then ``project``.

    Seeds are ``seeds``; a URL that is an agreements-list event's first citation is
    ``bilateral_agreements_curated``, other curated URLs ``press_figures``; press/web events rows are
    ``events_press``; raw data rows their folder.
    """
    rows = sources[sources["event_id"].isin(set(ev["event_id"]))]
    first_of_list = {
        str(src).split(" | ")[0].strip() for src, kind in zip(ev["source"], ev["source_kind"]) if kind == "curated_list"
    }
    found = []
    for kind, url, ref in zip(rows["citation_kind"], rows["url"], rows["reference"]):
        if kind == "seed":
            key = "seeds"
        elif kind == "events_press":
            key = "events_press"
        elif kind == "press":
            key = "bilateral_agreements_curated" if url in first_of_list else "press_figures"
        else:
            key = str(ref).split("/")[0]
        found.append(key)
    order = ["seeds", "events_press", "bilateral_agreements_curated", "press_figures"]
    present = set(found)
    return [k for k in order if k in present] + sorted(present - set(order)) + ["project"]


def with_sourcing(
    table: pd.DataFrame, ev: pd.DataFrame, sources: pd.DataFrame, *, column: str = "Source"
) -> pd.DataFrame:
    """A reader's events table (one row per event of ``ev``, same order) with its source column replaced by
    the outlets and dates of :func:`source_texts` and a 'Sourcing' column added after it."""
    out = table.copy()
    texts = source_texts(sources, ev["event_id"])
    out[column] = [texts[e] for e in ev["event_id"]]
    out.insert(list(out.columns).index(column) + 1, "Sourcing", sourcing_labels(ev, sources))
    return out


def narrow_table(
    table: pd.DataFrame, *, source: str = "Source", drop: Iterable[str] = ("Id", "Period")
) -> pd.DataFrame:
    """A :func:`with_sourcing` table narrow enough for a phone and an A4 page at 8 pt: the sourcing label leads
    the source list in one column ("Turkish sources only: Milli Gazete, 4 Jun 1918; …") instead of a column
    of its own, and the columns in ``drop`` (record ids, a period that the date already tells) are left out.
    Rows and their order are unchanged; columns absent from ``table`` are ignored.
    """
    out = table.drop(columns=[c for c in drop if c in table.columns])
    if "Sourcing" in out.columns and source in out.columns:
        label = out["Sourcing"].fillna("").astype(str)
        text = out[source].fillna("").astype(str)
        joined = [
            f"{lab[0].upper() + lab[1:]}: {src}" if lab and src else (lab[:1].upper() + lab[1:] if lab else src)
            for lab, src in zip(label, text)
        ]
        out = out.drop(columns="Sourcing")
        out[source] = joined
    return out


def sourcing_labels(ev: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """:func:`sourcing_column`, naming the state for 'one side' ("Azerbaijani sources only")."""
    adjective = {"AZE": "Azerbaijani", "TUR": "Turkish"}
    out = []
    for eid, label in zip(ev["event_id"], sourcing_column(ev)):
        kind = ev.loc[ev["event_id"] == eid, "sourcing"].iloc[0] if "sourcing" in ev else None
        if kind == "one side":
            sides = sorted(set(sources.loc[sources["event_id"] == eid, "side"]) & set(adjective))
            label = f"{adjective[sides[0]]} sources only" if len(sides) == 1 else label
        out.append(label)
    return out


def events_checked(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The events that the claims' date checks (``check_key`` event_date) compare with, in table order."""
    import json

    ids = {
        json.loads(a).get("event_id")
        for k, a in zip(claims["check_key"].fillna(""), claims["check_args"])
        if k == "event_date"
    }
    return events[events["event_id"].isin(ids)]


def category_caption(ev: pd.DataFrame) -> str:
    """Caption sentence on the colours of :func:`add_category_legend` for the categories present ("" if none)."""
    names = {"milestone": "blue", "friction": "vermilion", "multilateral": "green"}
    present = [k for k in CATEGORY_COLOURS if "category" in ev and k in set(ev["category"])]
    if not present:
        return ""
    plurals = {
        "milestone": "other events",
        "friction": "strains in the relationship",
        "multilateral": "multilateral or trilateral formats",
    }
    parts = [f"{plurals[k]} in {names[k]}" for k in present]
    return "Colours: " + fmt.join_and(parts) + "."


def events_finding(shown: pd.DataFrame, a: str, b: str, span: str) -> str:
    """A key-finding sentence on the events of a period: how many, how many strains and multilateral formats
    (with the years of the strains), and how many rest on the seed documents alone."""
    if shown.empty:
        return f"The events table holds no event of this report's kinds naming both {a} and {b} in {span}."
    cats = shown["category"].value_counts() if "category" in shown else pd.Series(dtype=int)
    n_f, n_m = int(cats.get("friction", 0)), int(cats.get("multilateral", 0))
    text = f"The events table holds {fmt.plural(len(shown), 'event')} naming both {a} and {b} in {span}"
    parts = []
    if n_f:
        years = sorted({str(d)[:4] for d in shown.loc[shown["category"] == "friction", "date"]})
        parts.append(f"{fmt.plural(n_f, 'strain', 'strains')} in the relationship ({fmt.join_and(years)})")
    parts.append(
        f"{fmt.plural(n_m, 'multilateral or trilateral format', 'multilateral or trilateral formats')}"
        if n_m
        else "no multilateral or trilateral format"
    )
    if not n_f:
        parts.insert(0, "no strain in the relationship")
    n_seed = int(seed_only(shown).sum())
    seed = "none rests" if n_seed == 0 else f"{fmt.integer(n_seed)} {'rests' if n_seed == 1 else 'rest'}"
    return text + ", among them " + fmt.join_and(parts) + f"; {seed} on the seed documents alone."


def split_codes(value: object) -> set[str]:
    """The ISO3 codes in an events ``countries`` cell (``"AZE|TUR"``; ``;`` and ``,`` also accepted)."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return set()
    return {c.strip() for c in re.split(r"[|;,]", str(value)) if c.strip()}
