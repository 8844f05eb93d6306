"""The military report's key findings: one or two sentences per section, in the order of the report."""

from __future__ import annotations

import pandas as pd

from bilateral import fmt
from bilateral.countries import display_name
from bilateral.military.compute import Coverage
from bilateral.military.spending_text import milex_sentence
from bilateral.military.text import (
    deliveries_sentence,
    destination_sentence,
    destination_totals_sentence,
    not_covered,
    supplier_sentence,
)

__all__ = ["CALCULATION_NOTE", "key_findings", "milestones_finding"]

#: The last key finding: whose calculations these are.
CALCULATION_NOTE = "Every total, share, rank and ratio here is this project's calculation from SIPRI data, not SIPRI's."


def milestones_finding(P, milestones: pd.DataFrame, rival: str) -> str:
    """How many security milestones the events table lists for the report ("" when none)."""
    if not len(milestones):
        return ""
    with_whom = P.name_b + (" or " + display_name(rival) if rival != P.country_b else "")
    dated = fmt.years(int(milestones["year"].min()), int(milestones["year"].max()))
    return (
        f"The project's events table lists {fmt.plural(len(milestones), 'security milestone')} for {P.name_a} with "
        f"{with_whom} in {P.period} (dated {dated}); they are listed with the timeline below."
    )


def key_findings(
    P,
    cov: Coverage,
    *,
    sum_ba: dict,
    sum_ab: dict,
    b_whole: pd.DataFrame,
    b_by_period: pd.DataFrame,
    a_dest_whole: pd.DataFrame,
    dest_totals: pd.DataFrame | None,
    ratio: pd.DataFrame,
    gdp: pd.DataFrame,
    rival: str,
    milestones: pd.DataFrame,
) -> list[str]:
    """The report's key findings, one sentence (or two) each, in the order of the report's sections.

    Args:
        P: the report's parameters.
        cov: what the register extract covers for the pair (:func:`~bilateral.military.compute.coverage`).
        sum_ba, sum_ab: :func:`~bilateral.military.compute.delivery_summary` of the deliveries from
            ``country_b`` to ``country_a`` and the other way.
        b_whole, b_by_period: ``country_b``'s standing among ``country_a``'s suppliers (whole span, periods).
        a_dest_whole: ``country_a``'s standing among ``country_b``'s destinations (whole span).
        dest_totals: ``country_a``'s share of ``country_b``'s total exports (whole span), used when
            ``country_b``'s other deals are not in the extract; None when not needed.
        ratio, gdp: the spending ratio with the rival and the spending as % of GDP.
        rival: the state whose spending ``country_a``'s is compared with.
        milestones: the security milestones shown.
    """
    a, b = P.country_a, P.country_b
    findings = []
    if cov.bilateral:
        findings.append(deliveries_sentence(sum_ba, b, a, P.start_year, P.end_year))
        if sum_ab["n_rows"]:
            findings.append(deliveries_sentence(sum_ab, a, b, P.start_year, P.end_year))
        else:
            findings.append(f"No delivery in the other direction, from {P.name_a} to {P.name_b}, is recorded.")
    else:
        findings.append(not_covered(P, "pair"))
    if cov.suppliers_of_a:
        findings.append(supplier_sentence(b_whole, b_by_period, a, b))
    if cov.destinations_of_b:
        findings.append(destination_sentence(a_dest_whole, a, b))
    elif cov.bilateral and cov.totals_of_b and dest_totals is not None:
        findings.append(destination_totals_sentence(dest_totals, a, b))
    findings.append(milex_sentence(ratio, gdp, a, rival))
    if len(milestones):
        findings.append(milestones_finding(P, milestones, rival))
    findings.append(CALCULATION_NOTE)
    return findings
