"""Computed sentences of the claims report: key findings, the one-line headline, the verdict rules in
words, the note for a run whose pair is not the claims' pair, captions, alt text, the methods and the
sources list. Functions that need the run's pair or period take the parameters object ``P``
(:class:`bilateral.params.Params`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from bilateral import events, fmt, military
from bilateral.catalog import SOURCES
from bilateral.claims.model import (
    CLAIMS_PAIR,
    CONTRADICTED,
    NOT_CHECKABLE,
    PARTLY,
    SEEDS_ONLY,
    SUPPORTED,
    VERDICTS,
    Tolerances,
)
from bilateral.claims.tables import sources_used
from bilateral.countries import display_name

__all__ = [
    "bullets",
    "checked_caption",
    "closeness_caption",
    "counts_alt",
    "counts_caption",
    "disagreement_caption",
    "evidence_caption",
    "findings",
    "headline",
    "key_findings_md",
    "method_points",
    "no_closeness",
    "no_disagreement",
    "nothing_measured",
    "pair_note",
    "pct_of",
    "run_notes",
    "seed_heading",
    "source_citations",
    "tolerance_points",
    "unchecked_caption",
    "verdicts_caption",
]


def pct_of(n: int, total: int) -> str:
    """``pct_of(3, 12) == "25%"``."""
    return fmt.pct(100 * n / total, 0) if total else "n/a"


def findings(results: pd.DataFrame, *, selection: bool = False) -> list[str]:
    """Key findings in sentences: how many claims each verdict got, by seed, and the contradicted claims.

    Args:
        results: :func:`check_all` output.
        selection: True when the results cover only some of the claims (a period was chosen).
    """
    counts = results["verdict"].value_counts()
    n = len(results)
    unchecked = int(counts.get(NOT_CHECKABLE, 0))
    checked = n - unchecked
    seeds_only = int(((results["verdict"] == NOT_CHECKABLE) & results["reason"].str.startswith(SEEDS_ONLY)).sum())
    out = [
        f"Of the {fmt.integer(n)} claims {'in this selection' if selection else 'restated from the two seed documents'}, "
        f"{fmt.integer(checked)} ({pct_of(checked, n)}) "
        f"can be measured against a table here and {fmt.integer(unchecked)} cannot: {fmt.integer(seeds_only)} because only the "
        f"seeds themselves record the date or event here, {fmt.integer(unchecked - seeds_only)} because no table here covers "
        "the matter (or the check found nothing to measure)."
    ]
    if checked:
        out.append(
            f"Verdicts on the {fmt.integer(checked)} measured claims, with the tolerances stated below: "
            f"{fmt.integer(int(counts.get(SUPPORTED, 0)))} supported, {fmt.integer(int(counts.get(PARTLY, 0)))} partly supported, "
            f"{fmt.integer(int(counts.get(CONTRADICTED, 0)))} contradicted."
        )
    for seed_name, g in results.groupby("seed_name", sort=False):
        c = g["verdict"].value_counts()
        k = len(g) - int(c.get(NOT_CHECKABLE, 0))
        out.append(
            f"{seed_name}: {fmt.integer(len(g))} claims, {fmt.integer(k)} measured "
            f"({fmt.integer(int(c.get(SUPPORTED, 0)))} supported, {fmt.integer(int(c.get(PARTLY, 0)))} partly supported, "
            f"{fmt.integer(int(c.get(CONTRADICTED, 0)))} contradicted)."
        )
    bad = results[results["verdict"] == CONTRADICTED]
    if len(bad):
        out.append(
            ("The one contradicted claim: " if len(bad) == 1 else f"The {fmt.integer(len(bad))} contradicted claims: ")
            + "; ".join(
                f"{i} ({c.rstrip('.')}): claimed {cl}, measured {m}"
                for i, c, cl, m in zip(bad["claim_id"], bad["claim"], bad["claimed"], bad["measured"])
            )
            + "."
        )
    return out


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


def pair_note(country_a: str, country_b: str) -> str:
    """A sentence for a run whose pair is not the claims' pair ('' for Azerbaijan–Türkiye in either order)."""
    if {country_a, country_b} == set(CLAIMS_PAIR):
        return ""
    return (
        f"This run names {display_name(country_a)} and {display_name(country_b)}, but the claims checked here are the seed "
        f"documents' claims about {display_name(CLAIMS_PAIR[0])} and {display_name(CLAIMS_PAIR[1])}: they are pair-specific, "
        "so they are checked as written, against the data for that pair. The parameters country_a and country_b do not change the "
        "verdicts; start_year and end_year select which claims are shown."
    )


def headline(results: pd.DataFrame) -> str:
    """The report's one-line finding: the verdicts on the claims the data can measure, and how many cannot be."""
    counts = results["verdict"].value_counts()
    n = len(results)
    unchecked = int(counts.get(NOT_CHECKABLE, 0))
    checked = n - unchecked
    if not checked:
        return f"None of the {fmt.plural(n, 'claim')} of the seed documents can be measured against the data here."
    return (
        f"Of the {fmt.integer(checked)} claims of the seed documents that the data here can measure, {fmt.integer(int(counts.get(SUPPORTED, 0)))} "
        f"are supported, {fmt.integer(int(counts.get(PARTLY, 0)))} partly supported and {fmt.integer(int(counts.get(CONTRADICTED, 0)))} contradicted; "
        f"{fmt.integer(unchecked)} of the {fmt.integer(n)} claims cannot be checked with these data."
    )


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


def run_notes(P, n_all: int, n_shown: int) -> list[str]:
    """Notes on this run, before the key findings: a pair other than the claims' pair, comparators given
    (not used), claims left out by the period.

    Args:
        P: the report's parameters (:class:`bilateral.params.Params`).
        n_all: the number of claims in the claims table.
        n_shown: the number of claims of the period.
    """
    notes = []
    if pair_note(P.country_a, P.country_b):
        notes.append(pair_note(P.country_a, P.country_b))
    if P.comparators:
        notes.append(
            "The comparators given are not used: the comparison groups of the ranking claims are fixed by the claims table."
        )
    left_out = n_all - n_shown
    if left_out:
        notes.append(
            f"{fmt.integer(left_out)} of the {fmt.integer(n_all)} claims are about years outside {fmt.years(P.start_year, P.end_year)} "
            "and are left out of this run; claims without a year are always kept."
        )
    return notes


def key_findings_md(P, results: pd.DataFrame, n_all: int) -> str:
    """The key findings section's markdown: the notes on this run (:func:`run_notes`) as a quote, then the
    findings (:func:`findings`) as bullet points.

    Args:
        P: the report's parameters.
        results: :func:`bilateral.claims.run.check_all` output for the claims of the period.
        n_all: the number of claims in the claims table.
    """
    notes = run_notes(P, n_all, len(results))
    return "".join(f"> {n}\n>\n" for n in notes) + bullets(findings(results, selection=n_all > len(results)))


def counts_caption(results: pd.DataFrame) -> str:
    """Caption of the table of claims by verdict and seed document."""
    return f"Claims by verdict and seed document ({fmt.integer(len(results))} claims)."


def verdicts_caption(counts: pd.DataFrame) -> str:
    """Caption of :func:`bilateral.claims.plots.plot_verdicts`."""
    return "Claims by verdict, for each seed document and for all claims together."


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
        "one the verdict uses, then the table, computation, rows and sources behind the measured value."
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
