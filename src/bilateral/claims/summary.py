"""The key findings of the claims report, and its one-line headline for the landing page.

The findings say in plain words what the verdicts mean: how many claims hold, partly hold, fail or cannot
be checked, what that says about each seed document on the matters the data can test (with the reasons
for the misses), and how sure the verdicts are (the claims left unchecked, the tolerances, the checks that
test only part of a claim). Every number is computed; functions that need the run's pair or period take the
parameters object ``P`` (:class:`bilateral.params.Params`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from bilateral import fmt
from bilateral.claims.model import (
    CLAIMS_PAIR,
    CONTRADICTED,
    DEFAULT_TOLERANCES,
    NOT_CHECKABLE,
    PARTLY,
    SEEDS_ONLY,
    SUPPORTED,
    Tolerances,
)
from bilateral.claims.tables import claim_cell
from bilateral.countries import display_name

__all__ = [
    "findings",
    "headline",
    "key_findings_md",
    "miss_reasons",
    "pair_note",
    "pct_of",
    "reliability_words",
    "run_notes",
    "sensitivity_sentence",
]


def pct_of(n: int, total: int) -> str:
    """``pct_of(3, 12) == "25%"``."""
    return fmt.pct(100 * n / total, 0) if total else "n/a"


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


def _none_of(n: int, det: str, scope: str) -> str:
    """ "None of the 3 claims ... can be checked", "The one claim ... cannot be checked"."""
    if n == 1:
        return f"{det.capitalize()} one claim {scope} cannot be checked"
    return f"None of {det} {fmt.integer(n)} claims {scope} can be checked"


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def _counts(g: pd.DataFrame) -> tuple[int, int, int, int]:
    c = g["verdict"].value_counts()
    return tuple(int(c.get(v, 0)) for v in (SUPPORTED, PARTLY, CONTRADICTED, NOT_CHECKABLE))  # type: ignore[return-value]


def reliability_words(supported: int, partly: int, contradicted: int) -> str:
    """What the verdicts on a document's measured claims say about it, in words (no judgement beyond them).

    With ``k`` measured claims: at least 75% supported and at most 10% contradicted is "largely borne out by the
    data"; at least 75% holding at least in part, half of them or more supported, "mostly borne out"; more
    than half holding at least in part "borne out only in part"; otherwise "contradicted at least as often as
    borne out".

    >>> reliability_words(30, 5, 3), reliability_words(26, 9, 3), reliability_words(3, 5, 1)
    ('largely borne out by the data', 'mostly borne out by the data', 'borne out only in part')
    """
    k = supported + partly + contradicted
    if not k:
        return "not measurable with the data here"
    held, fully = (supported + partly) / k, supported / k
    if fully >= 0.75 and contradicted / k <= 0.1:
        return "largely borne out by the data"
    if held >= 0.75 and fully >= 0.5:
        return "mostly borne out by the data"
    if held > 0.5:
        return "borne out only in part"
    return "contradicted at least as often as borne out"


def _reason_phrases(tol: Tolerances) -> dict[tuple[str, str], tuple[str, str]]:
    """``(verdict, kind) -> (one, many)``: why a claim is partly supported or contradicted, with ``{n}``."""
    s, p, d = fmt.num(tol.supported_pct, 0), fmt.num(tol.partly_pct, 0), fmt.plural(tol.date_days, "day")
    return {
        (PARTLY, "partial"): ("{n} check tests only part of the claim", "{n} checks test only part of the claim"),
        (PARTLY, "years"): (
            "{n} claim of growth or support in every year holds in some years only (trend in the claimed direction)",
            "{n} claims of growth or support in every year hold in some years only (trends in the claimed direction)",
        ),
        (PARTLY, "rank"): ("{n} rank holds by one of two measures only", "{n} ranks hold by one of two measures only"),
        (PARTLY, "date"): (f"{{n}} date is off by at most {d}", f"{{n}} dates are off by at most {d}"),
        (PARTLY, "number"): (
            f"{{n}} figure is off by more than {s}% but at most {p}% (or misses its bound by at most {p}%)",
            f"{{n}} figures are off by more than {s}% but at most {p}% (or miss their bound by at most {p}%)",
        ),
        (CONTRADICTED, "date"): (f"{{n}} date is off by more than {d}", f"{{n}} dates are off by more than {d}"),
        (CONTRADICTED, "number"): (
            f"{{n}} figure is off by more than {p}%",
            f"{{n}} figures are off by more than {p}%",
        ),
        (CONTRADICTED, "rank"): ("{n} rank is not the claimed one", "{n} ranks are not the claimed ones"),
        (CONTRADICTED, "equal"): (
            "{n} year or origin the claim names is not the one the data give",
            "{n} years or origins the claims name are not the ones the data give",
        ),
        (CONTRADICTED, "presence"): (
            "{n} claimed record is absent from the data",
            "{n} claimed records are absent from the data",
        ),
        (CONTRADICTED, "years"): (
            "{n} claim of growth or support in every year holds in too few years, and the trend does not have the claimed direction",
            "{n} claims of growth or support in every year hold in too few years, and the trends do not have the claimed direction",
        ),
    }


def miss_reasons(results: pd.DataFrame, verdict: str, tol: Tolerances = DEFAULT_TOLERANCES) -> str:
    """Why the claims with a verdict (partly supported or contradicted) got it, counted, in words:
    "3 claims of growth ... hold in some years only and 2 checks test only part of the claim"; "" if none.

    Args:
        results: :func:`bilateral.claims.run.check_all` output (with ``compare`` and ``partial``).
        verdict: :data:`~bilateral.claims.model.PARTLY` or :data:`~bilateral.claims.model.CONTRADICTED`.
        tol: the tolerances in force (named in the phrases).
    """
    rows = results[results["verdict"] == verdict]
    if rows.empty:
        return ""
    compare = rows["compare"] if "compare" in rows else pd.Series("", index=rows.index)
    partial = rows["partial"] if "partial" in rows else pd.Series(False, index=rows.index)
    kinds = ["partial" if bool(p) else str(c) for c, p in zip(compare, partial)]
    phrases = _reason_phrases(tol)
    counts = pd.Series(kinds).value_counts(sort=False)
    counts = counts.sort_values(ascending=False, kind="mergesort")
    out = []
    for kind, n in counts.items():
        one, many = phrases.get((verdict, str(kind)), ("{n} other", "{n} other"))
        out.append((one if n == 1 else many).format(n=fmt.integer(n)))
    return fmt.join_and(out)


def sensitivity_sentence(sensitivity: pd.DataFrame, tol: Tolerances = DEFAULT_TOLERANCES) -> str:
    """How much the verdicts depend on the tolerances, from :func:`bilateral.claims.run.tolerance_sensitivity`."""
    strict, loose = sensitivity.loc["stricter"], sensitivity.loc["looser"]
    k = int(strict["measured"])
    if not k:
        return ""

    def changed(n: int, word: str) -> str:
        return (
            f"none of the {fmt.integer(k)} verdicts would be {word}"
            if not n
            else f"{fmt.integer(n)} of the {fmt.integer(k)} verdicts would be {word}"
        )

    return (
        f"The verdicts use the tolerances stated below ({fmt.num(tol.supported_pct, 0)}% and {fmt.num(tol.partly_pct, 0)}% for "
        f"numbers, {fmt.plural(tol.date_days, 'day')} for dates). With half those tolerances "
        f"({fmt.num(strict['supported_pct'], 1).removesuffix('.0')}%, {fmt.num(strict['partly_pct'], 1).removesuffix('.0')}%, "
        f"{fmt.plural(int(strict['date_days']), 'day')}), {changed(int(strict['worse']), 'less favourable to the claim')}; "
        f"with twice them ({fmt.num(loose['supported_pct'], 0)}%, {fmt.num(loose['partly_pct'], 0)}%, "
        f"{fmt.plural(int(loose['date_days']), 'day')}), {changed(int(loose['better']), 'more favourable')}."
    )


def _contradicted_item(r: Mapping) -> str:
    claimed = str(r["claimed"])
    said = "" if claimed.startswith("no number") else f"Claimed: {claimed}; "
    return f"{r['claim_id']}: {claim_cell(r, seed=True).rstrip('.')}. {said}{'measured' if said else 'Measured'}: {r['measured']}."


def findings(
    results: pd.DataFrame,
    *,
    selection: bool = False,
    sensitivity: pd.DataFrame | None = None,
    tol: Tolerances = DEFAULT_TOLERANCES,
) -> list[str]:
    """Key findings, one markdown bullet each: the claims that hold, partly hold, fail or cannot be checked;
    what that says about each seed document, with the reasons; how sure the verdicts are; the contradicted
    claims (as a nested list).

    Args:
        results: :func:`bilateral.claims.run.check_all` output.
        selection: True when the results cover only some of the claims (a period was chosen).
        sensitivity: :func:`bilateral.claims.run.tolerance_sensitivity` output, if computed.
        tol: the tolerances in force.
    """
    n = len(results)
    scope = "in this selection" if selection else "restated from the two seed documents"
    if not n:
        return ["No claim of the seed documents is about a year of this period."]
    s, p, c, u = _counts(results)
    k = n - u
    seeds_only = int(((results["verdict"] == NOT_CHECKABLE) & results["reason"].str.startswith(SEEDS_ONLY)).sum())
    out = []
    if k:
        out.append(
            f"**{fmt.integer(k)} of the {fmt.integer(n)} dated or quantitative claims {scope} can be checked against "
            f"independent data, and they are {reliability_words(s, p, c).removesuffix(' by the data')}.** "
            f"{fmt.integer(s)} {_are(s)} supported, {fmt.integer(p)} partly supported and {fmt.integer(c)} contradicted: "
            f"{fmt.integer(s + p)} of the {fmt.integer(k)} ({pct_of(s + p, k)}) hold at least in part."
        )
    else:
        out.append(f"**{_none_of(n, 'the', scope)} against the data here.**")
    for seed_name, g in results.groupby("seed_name", sort=False):
        gs, gp, gc, gu = _counts(g)
        gk = len(g) - gu
        if not gk:
            out.append(f"**{seed_name}**: {_none_of(len(g), 'its', scope).lower()} against the data here.")
            continue
        text = (
            f"**{seed_name}: on what the data here can test, its claims are {reliability_words(gs, gp, gc)}.** "
            f"Of its {fmt.plural(gk, 'measurable claim')}, {fmt.integer(gs)} {_are(gs)} supported, {fmt.integer(gp)} partly "
            f"supported and {fmt.integer(gc)} contradicted ({pct_of(gs + gp, gk)} hold at least in part); "
            f"{fmt.integer(gu)} of its {fmt.integer(len(g))} claims ({pct_of(gu, len(g))}) cannot be checked here."
        )
        for verdict, word in ((PARTLY, "Partly supported"), (CONTRADICTED, "Contradicted")):
            why = miss_reasons(g, verdict, tol)
            if why:
                text += f" {word}: {why}."
        out.append(text)
    if u:
        out.append(
            f"**{fmt.integer(u)} of the {fmt.integer(n)} claims ({pct_of(u, n)}) cannot be checked here**: "
            f"{fmt.integer(seeds_only)} because only the seed documents themselves record the date or event (a date the "
            f"events table takes from a seed is not independent evidence), {fmt.integer(u - seeds_only)} because no table "
            "here covers the matter (or the check found nothing to measure). The verdicts speak for the dated and "
            "quantitative claims only, not for the documents' interpretations or arguments."
        )
    if k:
        sure = [sensitivity_sentence(sensitivity, tol)] if sensitivity is not None else []
        capped = int(results["partial"].astype(bool).sum()) if "partial" in results else 0
        if capped:
            sure.append(
                f"For {fmt.integer(capped)} of the {fmt.integer(p)} partly supported claims, the data test only part of the "
                "claim, so they cannot support all of it."
            )
        sizes = [(str(name), len(g) - _counts(g)[3]) for name, g in results.groupby("seed_name", sort=False)]
        sizes = [(name, m) for name, m in sizes if m > 1]
        if sizes:
            sure.append(
                "Each document's shares rest on few claims: one verdict more or less moves them by "
                + fmt.join_and(
                    f"{pct_of(1, m).removesuffix('%')} percentage points ({name}, {fmt.plural(m, 'measured claim')})"
                    for name, m in sizes
                )
                + "."
            )
        several = (
            int(((results["basis"] != "") & (results["verdict"] != NOT_CHECKABLE)).sum()) if "basis" in results else 0
        )
        if several:
            sure.append(
                f"{fmt.integer(several)} of the {fmt.plural(k, 'measured claim')} can be measured more than one way; "
                "the values and the one each verdict uses are under [Where sources disagree](#Where-sources-disagree)."
            )
        if sure:
            out.append("**How sure.** " + " ".join(x for x in sure if x))
    bad = results[results["verdict"] == CONTRADICTED]
    if len(bad):
        head = (
            "**The one contradicted claim:**"
            if len(bad) == 1
            else f"**The {fmt.integer(len(bad))} contradicted claims:**"
        )
        out.append(head + "".join(f"\n    - {_contradicted_item(r)}" for _, r in bad.iterrows()))
    return out


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


def key_findings_md(
    P,
    results: pd.DataFrame,
    n_all: int,
    *,
    sensitivity: pd.DataFrame | None = None,
    tol: Tolerances = DEFAULT_TOLERANCES,
) -> str:
    """The key findings section's markdown: the notes on this run (:func:`run_notes`) as a quote, then the
    findings (:func:`findings`) as bullet points.

    Args:
        P: the report's parameters.
        results: :func:`bilateral.claims.run.check_all` output for the claims of the period.
        n_all: the number of claims in the claims table.
        sensitivity: :func:`bilateral.claims.run.tolerance_sensitivity` output, if computed.
        tol: the tolerances in force.
    """
    notes = run_notes(P, n_all, len(results))
    found = findings(results, selection=n_all > len(results), sensitivity=sensitivity, tol=tol)
    return "".join(f"> {n}\n>\n" for n in notes) + "\n".join(f"- {f}" for f in found)
