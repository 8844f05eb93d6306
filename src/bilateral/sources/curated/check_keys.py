"""The claim-check registry: the computations that can test a claim of ``claims.csv``, by ``check_key``.

:func:`bilateral.sources.curated.validate.validate_claims` checks every claim's ``check_key``,
``check_table`` and ``check_args`` against it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CHECK_KEYS", "CheckSpec"]


@dataclass(frozen=True)
class CheckSpec:
    """A named computation that tests a claim: the table it reads and the arguments it takes."""

    table: str
    args: tuple[str, ...]
    meaning: str


#: The computations the claims-check notebook implements, by ``check_key``.
CHECK_KEYS: dict[str, CheckSpec] = {
    "event_date": CheckSpec(
        "events", ("event_id",), "the claimed date against the date of an event taken from an independent source"
    ),
    "events_count_before": CheckSpec(
        "events",
        ("after", "before", "countries", "source_kinds", "types"),
        "number of events of the given types and source kinds involving all the given "
        "countries, dated after `after` and before `before`",
    ),
    "pipeline_attribute": CheckSpec(
        "pipelines", ("attribute", "pipeline"), "the claimed value against one fact of the pipelines table"
    ),
    "trade_turnover_usd_bn": CheckSpec(
        "trade_press",
        ("metric", "period", "year"),
        "the claimed value against the press figures for that year, period and metric",
    ),
    "trade_turnover_trend": CheckSpec(
        "trade_bilateral",
        ("end_year", "partner", "reporter", "start_year"),
        "share of years in which the reporter's turnover with the partner rose",
    ),
    "partner_share_pct": CheckSpec(
        "trade_bilateral",
        ("flow", "partner", "reporter", "year"),
        "the partner's share of the reporter's exports or imports with the world",
    ),
    "gas_supplier_rank": CheckSpec(
        "gas_imports_turkiye_subannual",
        ("period", "supplier"),
        "rank of the supplier among Türkiye's gas suppliers in that period",
    ),
    "gas_entry_rank": CheckSpec(
        "gas_flows_turkiye_monthly",
        ("period", "supplier"),
        "rank of the supplier among the pipeline suppliers entering Türkiye in that month (IEA entry points)",
    ),
    "gas_route_origin": CheckSpec(
        "gas_flows_turkiye_monthly",
        ("origins", "route", "year"),
        "where the gas of an entry route comes from, by the IEA entry point's side of the border",
    ),
    "arms_deliveries_designation": CheckSpec(
        "arms_transfers",
        ("designation", "end_year", "recipient", "supplier"),
        "deliveries up to end_year whose designation contains the text",
    ),
    "arms_tiv_trend": CheckSpec(
        "arms_transfers",
        ("end_year", "recipient", "start_year", "supplier"),
        "yearly TIV of the supplier's deliveries to the recipient and its trend",
    ),
    "atop_obligation_first_year": CheckSpec(
        "alliances", ("iso3_a", "iso3_b", "obligation"), "first year in which ATOP codes the obligation for the pair"
    ),
    "diplomatic_posts_count": CheckSpec(
        "diplomatic_posts", ("host", "sender", "year"), "number of the sender's posts in the host state in that edition"
    ),
    "unga_agreement_rank": CheckSpec(
        "unga_agreement",
        ("end_year", "iso3", "partner", "peers", "start_year"),
        "rank of the partner among the peers by UN vote agreement with iso3",
    ),
    "unga_agreement_share": CheckSpec(
        "unga_agreement",
        ("end_year", "iso3_a", "iso3_b", "start_year"),
        "UN vote agreement share and kappa of the pair over the years",
    ),
}
