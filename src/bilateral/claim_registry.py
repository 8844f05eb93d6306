"""The registry of claim checks: one entry per ``check_key`` of the claims table, in one place.

Each :class:`CheckSpec` says which table the claims table names for the check (its ``check_table``
column), the arguments the check takes (``check_args``), what it computes in words, which processed
tables the check reads, and the group module that implements it (``check_<key>`` in
``bilateral.claims.<group>_checks``).

Both sides use this registry: the curated-table validation (``bilateral.sources.curated``, which checks
every claim's ``check_key``, ``check_table`` and ``check_args`` against it) and the checks themselves
(:data:`bilateral.claims.run.CHECKS` maps each key to its function, :func:`bilateral.claims.run.load_tables`
loads the tables it reads). This module imports nothing from the project, so the ingest side can import it.

To add a check: add an entry here, write ``check_<key>(claim, tables) -> Measurement`` in the group
module, and document the key in ``data/curated/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CHECK_KEYS", "CHECK_TABLES", "GROUPS", "CheckSpec"]

#: The group modules checks live in (``bilateral.claims.<group>_checks``).
GROUPS = ("diplomatic", "energy", "military", "trade")


@dataclass(frozen=True)
class CheckSpec:
    """A named computation that tests a claim.

    Attributes:
        table: the table the claims table names for the check (its ``check_table`` column).
        args: the arguments the check takes (the keys of ``check_args``), sorted.
        meaning: what the check computes, in words.
        reads: the processed tables the check reads (``unga_votes`` is loaded for the states the claims
            name only).
        group: the group module that implements ``check_<key>`` (one of :data:`GROUPS`).
    """

    table: str
    args: tuple[str, ...]
    meaning: str
    reads: tuple[str, ...] = ()
    group: str = ""


#: The checks, by ``check_key``.
CHECK_KEYS: dict[str, CheckSpec] = {
    "event_date": CheckSpec(
        "events",
        ("event_id",),
        "the claimed date against the date of an event taken from an independent source",
        reads=("events", "event_sources"),
        group="diplomatic",
    ),
    "events_count_before": CheckSpec(
        "events",
        ("after", "before", "countries", "source_kinds", "types"),
        "number of events of the given types and source kinds involving all the given "
        "countries, dated after `after` and before `before`",
        reads=("events",),
        group="diplomatic",
    ),
    "pipeline_attribute": CheckSpec(
        "pipelines",
        ("attribute", "pipeline"),
        "the claimed value against one fact of the pipelines table",
        reads=("pipelines", "energy_series"),
        group="energy",
    ),
    "trade_turnover_usd_bn": CheckSpec(
        "trade_press",
        ("metric", "period", "year"),
        "the claimed value against the press figures for that year, period and metric",
        reads=("trade_press",),
        group="trade",
    ),
    "trade_turnover_trend": CheckSpec(
        "trade_bilateral",
        ("end_year", "partner", "reporter", "start_year"),
        "share of years in which the reporter's turnover with the partner rose",
        reads=("trade_bilateral",),
        group="trade",
    ),
    "partner_share_pct": CheckSpec(
        "trade_bilateral",
        ("flow", "partner", "reporter", "year"),
        "the partner's share of the reporter's exports or imports with the world",
        reads=("trade_bilateral",),
        group="trade",
    ),
    "gas_supplier_rank": CheckSpec(
        "gas_imports_turkiye_subannual",
        ("period", "supplier"),
        "rank of the supplier among Türkiye's gas suppliers in that period",
        reads=("gas_imports_turkiye_subannual",),
        group="energy",
    ),
    "gas_entry_rank": CheckSpec(
        "gas_flows_turkiye_monthly",
        ("period", "supplier"),
        "rank of the supplier among the pipeline suppliers entering Türkiye in that month (IEA entry points)",
        reads=("gas_flows_turkiye_monthly", "gas_imports_turkiye_subannual"),
        group="energy",
    ),
    "gas_route_origin": CheckSpec(
        "gas_flows_turkiye_monthly",
        ("origins", "route", "year"),
        "where the gas of an entry route comes from, by the IEA entry point's side of the border",
        reads=("gas_flows_turkiye_monthly",),
        group="energy",
    ),
    "arms_deliveries_designation": CheckSpec(
        "arms_transfers",
        ("designation", "end_year", "recipient", "supplier"),
        "deliveries up to end_year whose designation contains the text",
        reads=("arms_transfers",),
        group="military",
    ),
    "arms_tiv_trend": CheckSpec(
        "arms_transfers",
        ("end_year", "recipient", "start_year", "supplier"),
        "yearly TIV of the supplier's deliveries to the recipient and its trend",
        reads=("arms_transfers",),
        group="military",
    ),
    "atop_obligation_first_year": CheckSpec(
        "alliances",
        ("iso3_a", "iso3_b", "obligation"),
        "first year in which ATOP codes the obligation for the pair",
        reads=("alliances",),
        group="diplomatic",
    ),
    "diplomatic_posts_count": CheckSpec(
        "diplomatic_posts",
        ("host", "sender", "year"),
        "number of the sender's posts in the host state in that edition",
        reads=("diplomatic_posts",),
        group="diplomatic",
    ),
    "unga_agreement_rank": CheckSpec(
        "unga_agreement",
        ("end_year", "iso3", "partner", "peers", "start_year"),
        "rank of the partner among the peers by UN vote agreement with iso3",
        reads=("unga_votes",),
        group="diplomatic",
    ),
    "unga_agreement_share": CheckSpec(
        "unga_agreement",
        ("end_year", "iso3_a", "iso3_b", "start_year"),
        "UN vote agreement share and kappa of the pair over the years",
        reads=("unga_agreement", "unga_votes"),
        group="diplomatic",
    ),
}

#: The processed tables each check reads, by ``check_key`` (from :data:`CHECK_KEYS`).
CHECK_TABLES: dict[str, tuple[str, ...]] = {key: spec.reads for key, spec in CHECK_KEYS.items()}
