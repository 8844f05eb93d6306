"""Computed sentences of the claims report other than the key findings (:mod:`bilateral.claims.summary`):
the verdict rules in words, headings, captions, alt text, the methods and the sources list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from bilateral import events, fmt, military
from bilateral.catalog import SOURCES
from bilateral.claims.model import (
    VERDICTS,
    Tolerances,
)
from bilateral.claims.tables import sources_used

__all__ = [
    "bullets",
    "checked_caption",
    "closeness_caption",
    "counts_alt",
    "counts_caption",
    "disagreement_caption",
    "evidence_caption",
    "method_points",
    "no_closeness",
    "no_disagreement",
    "nothing_measured",
    "seed_heading",
    "source_citations",
    "tolerance_points",
    "unchecked_caption",
    "verdicts_caption",
]


def tolerance_points(tol: Tolerances) -> list[str]:
    """The rules :func:`verdict` applies, in words, with the tolerances in force."""
    s, p, d = fmt.num(tol.supported_pct, 0), fmt.num(tol.partly_pct, 0), fmt.plural(tol.date_days, "day")
    return [
        f"**Numbers.** The distance between claim and data is |claimed − measured| / measured. Within {s}%: supported; "
        f"within {p}%: partly supported; beyond: contradicted. A claim stated as about a number is treated like an exact one "
        f"(seeds and press round their figures). A bound (more than, at least, less than, at most) that holds is supported; "
        f"one that fails by at most {p}% is partly supported.",
        f"**Dates.** Each date covers the days of its precision (a year covers the whole year, a month the whole month). "
        f"If the claimed and measured dates overlap: supported; if they are at most {d} apart: partly supported; otherwise contradicted.",
        "**Ranks.** The claimed rank must be the measured one. Where a rank is measured two ways (UN votes: raw agreement "
        "share and Cohen's kappa, which corrects for chance), both must give it for supported; one of the two gives partly "
        "supported. A claim with no number ('Azerbaijan backs Türkiye') is read as 'in the upper half of the group'.",
        "**Sustained claims** ('keeps growing', 'for 30 years'). Read as 'in every year of the period' and compared, as a number, "
        "with the share of years that fit; when that share is too low but the overall trend has the claimed direction "
        "(least-squares slope, or pooled kappa above zero), the verdict is partly supported: direction right, magnitude off.",
        "**Records.** A claim that something happened (a delivery) is supported when the data record it.",
        "**Partial checks.** When the claims table calls a check a partial proxy or a rough comparison, the verdict is at most "
        "partly supported: the data can test only part of the claim.",
        "**Several values.** Where sources disagree (exporter and importer, Azerbaijani and Turkish figures, several press "
        "reports), every value is shown; the verdict uses the one named in the claims table's arguments or, among equally "
        "usable press figures, the one least favourable to the claim.",
    ]


def counts_alt(counts: pd.DataFrame) -> str:
    """Alt text for :func:`plot_verdicts`: the bars and their numbers in words."""
    parts = []
    for col in counts.columns:
        c = counts[col]
        parts.append(f"{col}: " + ", ".join(f"{int(c[v])} {v}" for v in VERDICTS))
    return "Horizontal stacked bars of the number of claims by verdict. " + "; ".join(parts) + "."


def bullets(items: Iterable[str]) -> str:
    """Markdown bullet points, one per item."""
    return "\n".join(f"- {x}" for x in items)


def counts_caption(results: pd.DataFrame) -> str:
    """Caption of the table of claims by verdict and seed document."""
    return f"Claims by verdict and seed document ({fmt.integer(len(results))} claims)."


def verdicts_caption(counts: pd.DataFrame) -> str:
    """Caption of :func:`bilateral.claims.plots.plot_verdicts`, the finding first.

    Args:
        counts: :func:`bilateral.claims.compute.verdict_counts` output.
    """
    col = counts["All claims"]
    s, p, c, u = (int(col[v]) for v in VERDICTS)
    k, n = s + p + c, s + p + c + u
    if not k:
        return (
            f"{'The one claim cannot' if n == 1 else f'None of the {fmt.integer(n)} claims can'} be measured against the data here (right), "
            "for each seed document and for all claims together."
        )
    if s > k / 2:
        lead = "Most measured claims are supported"
    elif s + p > k / 2:
        lead = "Most measured claims hold at least in part"
    else:
        lead = "Fewer than half of the measured claims hold even in part"
    return (
        f"{lead}: of the {fmt.integer(k)} claims the data can test, {fmt.integer(s)} {'is' if s == 1 else 'are'} supported, "
        f"{fmt.integer(p)} partly supported and {fmt.integer(c)} contradicted (left); {fmt.integer(u)} of the "
        f"{fmt.integer(n)} claims cannot be checked here (right). Each seed document and all claims together."
    )


def _seed_name(part: pd.DataFrame) -> str:
    return str(part["seed_name"].iloc[0])


def seed_heading(part: pd.DataFrame) -> str:
    """Heading and count line of one seed document's section: ``"### Name\n\n12 claims: 5 supported, ..."``.

    Args:
        part: the results of one seed document (not empty).
    """
    c = part["verdict"].value_counts()
    return (
        f"### {_seed_name(part)}\n\n{fmt.integer(len(part))} claims: "
        + ", ".join(f"{fmt.integer(int(c.get(v, 0)))} {v}" for v in VERDICTS)
        + "."
    )


def checked_caption(part: pd.DataFrame) -> str:
    """Caption of one seed document's table of measured claims."""
    return (
        f"{_seed_name(part)}: claims measured against the data, with the claimed and measured values and the verdict. "
        "The evidence for each claim follows in the next table."
    )


def evidence_caption(part: pd.DataFrame) -> str:
    """Caption of one seed document's evidence table."""
    return (
        f"{_seed_name(part)}: the evidence for each claim of the table above (same ids): other measured values and which "
        "one the verdict uses, then the data, computation, records and sources behind the measured value (web "
        "addresses shortened to their site; the data file gives them in full)."
    )


def nothing_measured(part: pd.DataFrame) -> str:
    """The sentence for a seed document none of whose claims of the period can be measured."""
    return f"No claim of {_seed_name(part)} in this selection can be measured against a table here."


def unchecked_caption(part: pd.DataFrame) -> str:
    """Caption of one seed document's table of claims not checkable."""
    return f"{_seed_name(part)}: claims not checkable with the data here, and why."


def disagreement_caption(table: pd.DataFrame) -> str:
    """Caption of the table of claims measured more than one way."""
    return "Claims measured more than one way: the value the verdict uses, the others, and why."


def no_disagreement() -> str:
    """The sentence when no claim of the period is measured more than one way."""
    return "No claim in this selection is measured more than one way."


def closeness_caption(table: pd.DataFrame) -> str:
    """Caption of the table of closeness claims ranked among all states."""
    return "Claims about closeness or rank, checked against the partner's rank among all states in UN General Assembly votes."


def no_closeness() -> str:
    """The sentence when no claim of the period concerns closeness or a rank among all states."""
    return "No claim in this selection concerns closeness or a rank that the all-state ranks can test."


#: Methods and caveats that hold for every run.
METHOD_POINTS = (
    "The claims are the project's restatements of the seed documents (curated by hand, with the seed "
    "section each comes from). A verdict concerns the restated claim; the seeds' own wording may carry nuances the "
    "restatement does not.",
    "A claim is checked only when a table here can test it independently of the seeds. Dates that only the seeds give, "
    "even if the events table repeats them, are not checkable; so are claims about matters no table covers (aid, visits, "
    "prisoners of war, border closures, religious demography).",
    "Several checks are proxies: UN General Assembly votes stand for diplomatic support in general, SIPRI deliveries of "
    "major conventional arms for military cooperation (not training, exercises or use in combat), and the number of years "
    "in which a series rose for claims of steady growth. Checks the claims table calls partial proxies or rough "
    "comparisons cannot give more than partly supported.",
    "Trade values are in current US dollars as each country reports them (IMF DOTS); the two sides' figures for this pair "
    "disagree widely and are never added. Press figures are secondary reports of official data, labelled as such, and "
    "are not spliced into the DOTS series.",
    "SIPRI's trend-indicator value (TIV) measures the volume of deliveries of major conventional arms, not their price.",
    "To compare a cumulative BTC volume given in tonnes with a claim in barrels, the tonnes are converted with the barrels "
    "per tonne implied by Azerbaijan's oil production in the Energy Institute series; BTC also carries some Kazakh and "
    "Turkmen crude, so the comparison is rough.",
    "Which table, reporter, period and comparison group test a claim is set in the claims table (its check and "
    "arguments columns), not chosen here; for example, the states against which UN vote "
    "agreement is ranked, or the reporting country whose trade series is used.",
    "Every number, share, rank and conversion here is this project's calculation from the sources named, not theirs.",
)


def method_points(claims: pd.DataFrame, tables: Mapping[str, pd.DataFrame], results: pd.DataFrame) -> list[str]:
    """The methods and caveats: :data:`METHOD_POINTS`, how event dates are compared (when the claims of the
    period check any), and the caveats of the sources used (the TIV explanation is given once above).

    Args:
        claims: the claims of the period.
        tables: the tables the checks read (:func:`bilateral.claims.run.load_tables`).
        results: :func:`bilateral.claims.run.check_all` output.
    """
    points = list(METHOD_POINTS)
    if "events" in tables:
        checked = events.events_checked(claims, tables["events"])
        dates = events.date_sentence(checked, tables["event_sources"])
        points.append(
            "Dates of events are compared only where an independent source dates the event. "
            + events.seed_only_sentence(checked, tables["events"], what="this report's date checks")
            + (" " + dates if dates else "")
        )
    for k in sources_used(results):
        for cav in military.without_tiv_explanation(SOURCES[k].caveats):
            points.append(f"{SOURCES[k].short}: {cav}")
    return points


def source_citations(results: pd.DataFrame) -> str:
    """The sources section: the full citation of every source behind the results, as bullet points."""
    return bullets(SOURCES[k].citation for k in sources_used(results))
