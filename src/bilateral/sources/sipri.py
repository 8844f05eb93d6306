"""SIPRI arms transfers (trade register, derived TIV totals) and military expenditure.

Builds three tables:

* ``arms_transfers``: the trade register, one row per deal and delivery year;
* ``arms_totals``: TIV delivered per country and year, imports and exports, as summed from the
  full register export by the raw folder's compiler (not SIPRI's official TIV tables);
* ``military_expenditure``: SIPRI's milex series for 14 countries, one row per country-year.

Parsing goes through the shared helpers of :mod:`bilateral.sources._raw` and
:func:`bilateral.countries.map_names`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral.catalog import REGISTER_COMPLETE_FOR
from bilateral.countries import check_same_codes, map_names, raw_row
from bilateral.errors import RawDataError
from bilateral.schema import Field, Table, iso3, year
from bilateral.sources._raw import read_csv, to_integer, to_number, to_yes_no

SOURCES_USED = ("sipri_arms_transfers", "sipri_milex")

REGISTER_FILE = "sipri_trade_register_deliveries_AZE_TUR_ARM_1995_2024.csv"
TOTALS_FILE = "derived_tiv_by_country_year_1995_2024.csv"
MILEX_FILE = "sipri_milex_subset_1992_2024.csv"

#: Parties SIPRI names that are not states. SIPRI marks non-state actors with a trailing ``*``;
#: such a name must be listed here (an unlisted one raises), and gets no ISO3 code.
NON_STATE_ACTORS: dict[str, str] = {
    "Syria rebels*": "armed opposition groups in Syria (SIPRI's label; not the Syrian state)",
}

#: SIPRI's labels for a supplier or recipient it could not identify; no ISO3 code.
UNKNOWN_PARTIES: tuple[str, ...] = ("unknown supplier(s)", "unknown recipient(s)")

PARTY_TYPES = ("state", "non-state actor", "unknown")

#: SIPRI milex variables (raw ``variable``) -> output column and the factor applied.
MILEX_VARIABLES: dict[str, tuple[str, float]] = {
    "milex_const2023_usd_mn": ("milex_usd_m_const2023", 1.0),
    "milex_current_usd_mn": ("milex_usd_m_current", 1.0),
    "milex_share_gdp": ("milex_share_gdp_pct", 100.0),
    "milex_share_govt_spending": ("milex_share_govt_spending_pct", 100.0),
}

#: Raw ``raw_marker`` texts -> the marker as SIPRI prints it.
MILEX_MARKERS: dict[str, str] = {"...": ". .", ". .": ". .", "xxx": "xxx"}

_TIV_NOTE = (
    "SIPRI trend-indicator value (TIV), millions: a volume indicator of military capability transferred, not a price"
)

# ---------------------------------------------------------------------------------------------
# Table specs
# ---------------------------------------------------------------------------------------------

ARMS_TRANSFERS = Table(
    name="arms_transfers",
    title="SIPRI arms transfers to and from Azerbaijan, Türkiye and Armenia: deliveries by deal and year",
    description=(
        "SIPRI trade register, one row per deal (deal_id) and delivery year, for every deal with deliveries "
        "1995–2024 whose supplier or recipient is Azerbaijan, Türkiye or Armenia. Parties are named as SIPRI "
        "spells them and coded ISO3; non-state actors and unknown parties are kept, typed and left uncoded "
        f"(non-state actors: {', '.join(NON_STATE_ACTORS)}; unknown: {', '.join(UNKNOWN_PARTIES)})."
    ),
    sources=("sipri_arms_transfers",),
    fields=(
        Field("deal_id", "integer", "SIPRI AT Database deal identifier.", minimum=1),
        year("delivery_year", "Year of the deliveries this row counts."),
        iso3(
            "supplier_iso3",
            "Supplier, ISO3; missing only for non-state actors and unknown suppliers (see supplier_type).",
            required=False,
        ),
        iso3(
            "recipient_iso3",
            "Recipient, ISO3; missing only for non-state actors and unknown recipients (see recipient_type).",
            required=False,
        ),
        Field("supplier", "string", "Supplier as SIPRI spells it (non-state actors carry SIPRI's '*')."),
        Field("recipient", "string", "Recipient as SIPRI spells it (non-state actors carry SIPRI's '*')."),
        Field("supplier_type", "string", "Kind of supplier: a state, a non-state actor or unknown.", enum=PARTY_TYPES),
        Field(
            "recipient_type", "string", "Kind of recipient: a state, a non-state actor or unknown.", enum=PARTY_TYPES
        ),
        Field("designation", "string", "Weapon designation as SIPRI gives it."),
        Field("description", "string", "Weapon description (e.g. 'armed UAV')."),
        Field("category", "string", "SIPRI armament category (e.g. 'Aircraft', 'Missiles')."),
        year("order_year", "Year the deal was ordered."),
        Field("order_year_is_estimate", "boolean", "SIPRI marks the order year as an estimate.", required=False),
        Field(
            "units_delivered", "integer", "Number of items delivered in this delivery year.", unit="items", minimum=0
        ),
        Field(
            "units_delivered_is_estimate", "boolean", "SIPRI marks the number delivered as an estimate.", required=False
        ),
        Field("delivery_year_is_estimate", "boolean", "SIPRI marks the delivery year as an estimate.", required=False),
        Field(
            "status",
            "string",
            "New, second hand, or second hand but modernized.",
            enum=("New", "Second hand", "Second hand but modernized"),
        ),
        Field(
            "tiv_per_unit_m",
            "number",
            "TIV per item for this deal (SIPRI 'TIV deal unit': the new-item value, reduced for second-hand items). "
            "Rounded by SIPRI, so units_delivered × tiv_per_unit_m can differ slightly from tiv_m.",
            unit="TIV million per item",
            minimum=0,
        ),
        Field(
            "tiv_per_unit_new_m",
            "number",
            "SIPRI's TIV estimate for one new item of this weapon (SIPRI 'SIPRI estimate').",
            unit="TIV million per item",
            minimum=0,
        ),
        Field(
            "tiv_m",
            "number",
            "TIV of this year's deliveries under the deal (SIPRI 'TIV delivery values'). " + _TIV_NOTE + ".",
            unit="TIV million",
            minimum=0,
        ),
        Field("local_production", "boolean", "The items are (partly) produced in the recipient country under licence."),
    ),
    primary_key=("deal_id", "delivery_year"),
    warnings=(
        "TIV measures the volume of transfers of major conventional arms, not their financial value; do not compare TIV with money.",
        "Deliveries before 1995 are not in this extract; 2025 deliveries are not yet recorded. SIPRI revises its data every year.",
        "A subset of the register (deals involving Azerbaijan, Türkiye or Armenia): totals for other countries computed from it are incomplete.",
        "Sums and shares computed from this table are this project's calculations, not SIPRI's.",
    ),
)

ARMS_TOTALS = Table(
    name="arms_totals",
    title="TIV of arms deliveries by country and year, imports and exports",
    description=(
        "TIV delivered to (imports) and by (exports) Azerbaijan, Türkiye, Armenia and 11 comparators, per delivery "
        "year 1995–2024: sums of the register's 'TIV delivery values' over the full SIPRI export, as compiled in the "
        "raw folder's derived_tiv_by_country_year file. Zero means no deliveries recorded."
    ),
    sources=("sipri_arms_transfers",),
    fields=(
        iso3("iso3", "Country, ISO3."),
        year("year", "Delivery year."),
        Field(
            "direction",
            "string",
            "imports: deliveries to the country; exports: deliveries by it.",
            enum=("imports", "exports"),
        ),
        Field("tiv_m", "number", _TIV_NOTE + ".", unit="TIV million", minimum=0),
    ),
    primary_key=("iso3", "year", "direction"),
    warnings=(
        "These totals are sums computed from the SIPRI trade register by this project's data compiler, not SIPRI's official TIV tables; they may differ slightly from them (rounding, table conventions). Do not attribute them to SIPRI.",
        "TIV measures the volume of transfers of major conventional arms, not their financial value.",
        "Zero means that no deliveries are recorded in the export for that year; deliveries below 0.005 TIV million would also show as zero.",
    ),
)

MILITARY_EXPENDITURE = Table(
    name="military_expenditure",
    title="SIPRI military expenditure, 14 countries, 1992–2024",
    description=(
        "SIPRI Military Expenditure Database (2025 release), one row per country and year: spending in constant "
        "2023 and current US$, as a share of GDP and of general government spending. Shares are percentages "
        "(SIPRI's fractions × 100). Cells SIPRI leaves unavailable ('. .') or not independent ('xxx') are missing "
        "here and named in sipri_markers."
    ),
    sources=("sipri_milex",),
    fields=(
        iso3("iso3", "Country, ISO3."),
        year("year", "Calendar year."),
        Field(
            "milex_usd_m_const2023",
            "number",
            "Military expenditure in constant (2023) US$.",
            unit="US$ million, constant 2023 prices",
            required=False,
            minimum=0,
        ),
        Field(
            "milex_usd_m_current",
            "number",
            "Military expenditure in current US$.",
            unit="US$ million, current prices",
            required=False,
            minimum=0,
        ),
        Field(
            "milex_share_gdp_pct",
            "number",
            "Military expenditure as a share of GDP (SIPRI's fraction × 100).",
            unit="percent of GDP",
            required=False,
            minimum=0,
            maximum=100,
        ),
        Field(
            "milex_share_govt_spending_pct",
            "number",
            "Military expenditure as a share of general government expenditure (SIPRI's fraction × 100).",
            unit="percent of general government expenditure",
            required=False,
            minimum=0,
            maximum=100,
        ),
        Field(
            "sipri_notes",
            "string",
            "SIPRI footnote symbols for the country (e.g. † excludes pensions, ‡ current spending only, § adopted budget, ¶ excludes paramilitary; see SIPRI's Footnotes sheet).",
            required=False,
        ),
        Field(
            "sipri_markers",
            "string",
            "Cells SIPRI marks instead of giving a number, as 'column: marker' pairs separated by '; '. "
            "'. .' = data unavailable, 'xxx' = country did not exist or was not independent. Empty when none.",
            required=False,
        ),
    ),
    primary_key=("iso3", "year"),
    warnings=(
        "SIPRI flags estimates and highly uncertain figures by font colour only; those flags are not in this table.",
        "Missing values are gaps (SIPRI '. .' or 'xxx'), never zeros. A few early-1990s current-US$ values are 0.0 as published by SIPRI (ARM 1992, KAZ 1993, KGZ 1992–93, RUS 1992), a result of currency conversion in hyperinflation years; treat them with care.",
        "Turkmenistan and Uzbekistan have long gaps.",
    ),
)

TABLES = (ARMS_TRANSFERS, ARMS_TOTALS, MILITARY_EXPENDITURE)

# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------

_REGISTER_COLUMNS = {
    "SIPRI AT Database ID": "deal_id",
    "Supplier": "supplier",
    "Recipient": "recipient",
    "Designation": "designation",
    "Description": "description",
    "Armament category": "category",
    "Order date": "order_year",
    "Order date is estimate": "order_year_is_estimate",
    "Numbers delivered": "units_delivered",
    "Numbers delivered is estimate": "units_delivered_is_estimate",
    "Delivery year": "delivery_year",
    "Delivery year is estimate": "delivery_year_is_estimate",
    "Status": "status",
    "SIPRI estimate": "tiv_per_unit_new_m",
    "TIV deal unit": "tiv_per_unit_m",
    "TIV delivery values": "tiv_m",
    "Local production": "local_production",
}


def party_types(names: pd.Series, *, file: str, column: str) -> pd.Series:
    """Classify SIPRI party names as ``state``, ``non-state actor`` or ``unknown``.

    A name ending in SIPRI's non-state marker ``*`` must be listed in :data:`NON_STATE_ACTORS`,
    and a name starting with "unknown" in :data:`UNKNOWN_PARTIES`.

    Raises:
        RawDataError: naming file, column and line of an unlisted non-state or unknown label.
    """
    text = names.astype("string").str.strip()
    starred = text.str.endswith("*").fillna(False)
    unknownish = text.str.lower().str.startswith("unknown").fillna(False)
    unlisted = (starred & ~text.isin(list(NON_STATE_ACTORS))) | (unknownish & ~text.isin(list(UNKNOWN_PARTIES)))
    if unlisted.any():
        first = unlisted.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(first)}: {names[first]!r} is a non-state or unknown party not "
            "listed in bilateral.sources.sipri.NON_STATE_ACTORS / UNKNOWN_PARTIES; add it there with a description."
        )
    kinds = pd.Series("state", index=names.index, dtype="string")
    kinds[text.isin(list(NON_STATE_ACTORS))] = "non-state actor"
    kinds[text.isin(list(UNKNOWN_PARTIES))] = "unknown"
    return kinds


def build_arms_transfers(raw: Path) -> pd.DataFrame:
    """The trade register as a tidy table (see :data:`ARMS_TRANSFERS`)."""
    file = f"sipri_arms_transfers/{REGISTER_FILE}"
    df = read_csv(raw, "sipri_arms_transfers", REGISTER_FILE, required=list(_REGISTER_COLUMNS))
    out = pd.DataFrame(index=df.index)
    for col in ("SIPRI AT Database ID", "Order date", "Numbers delivered", "Delivery year"):
        out[_REGISTER_COLUMNS[col]] = to_integer(df, col, file=file)
    for col in ("SIPRI estimate", "TIV deal unit", "TIV delivery values"):
        out[_REGISTER_COLUMNS[col]] = to_number(df, col, file=file)
    for col in (
        "Order date is estimate",
        "Numbers delivered is estimate",
        "Delivery year is estimate",
        "Local production",
    ):
        out[_REGISTER_COLUMNS[col]] = to_yes_no(df, col, file=file)
    for col in ("Supplier", "Recipient", "Designation", "Description", "Armament category", "Status"):
        out[_REGISTER_COLUMNS[col]] = df[col].astype("string").str.strip()
    non_states = list(NON_STATE_ACTORS) + list(UNKNOWN_PARTIES)
    for col, name in (("Supplier", "supplier"), ("Recipient", "recipient")):
        out[f"{name}_type"] = party_types(df[col], file=file, column=col)
        out[f"{name}_iso3"] = map_names(df[col].str.strip(), file=file, column=col, aggregates=non_states)
    duplicated = out.duplicated(["deal_id", "delivery_year"], keep=False)
    if duplicated.any():
        lines = [raw_row(i) for i in out.index[duplicated][:4]]
        raise RawDataError(
            f"{file}: deal id and delivery year repeat on lines {lines}; expected one row per deal and delivery year"
        )
    return out[ARMS_TRANSFERS.columns].reset_index(drop=True)


def build_arms_totals(raw: Path) -> pd.DataFrame:
    """The derived TIV totals in long form (see :data:`ARMS_TOTALS`)."""
    file = f"sipri_arms_transfers/{TOTALS_FILE}"
    df = read_csv(
        raw, "sipri_arms_transfers", TOTALS_FILE, required=["country", "year", "tiv_imports_mn", "tiv_exports_mn"]
    )
    wide = pd.DataFrame(
        {
            "iso3": map_names(df["country"].str.strip(), file=file, column="country"),
            "year": to_integer(df, "year", file=file),
            "imports": to_number(df, "tiv_imports_mn", file=file),
            "exports": to_number(df, "tiv_exports_mn", file=file),
        }
    )
    duplicated = wide.duplicated(["iso3", "year"], keep=False)
    if duplicated.any():
        lines = [raw_row(i) for i in wide.index[duplicated][:4]]
        raise RawDataError(f"{file}: country and year repeat on lines {lines}")
    long = wide.melt(
        id_vars=["iso3", "year"], value_vars=["imports", "exports"], var_name="direction", value_name="tiv_m"
    )
    return long[ARMS_TOTALS.columns].reset_index(drop=True)


def check_totals_against_register(totals: pd.DataFrame, transfers: pd.DataFrame, *, tolerance: float = 0.005) -> None:
    """Check the derived totals against sums of register rows for the countries the subset covers fully.

    For :data:`REGISTER_COMPLETE_FOR` every delivery is in the register subset, so each year's
    imports (exports) must equal the sum of ``tiv_m`` over rows with that recipient (supplier).

    Raises:
        RawDataError: naming the country, year and direction of the first disagreement.
    """
    for direction, party in (("imports", "recipient_iso3"), ("exports", "supplier_iso3")):
        sums = transfers.groupby([party, "delivery_year"])["tiv_m"].sum()
        subset = totals[(totals["direction"] == direction) & totals["iso3"].isin(REGISTER_COMPLETE_FOR)]
        for row in subset.itertuples():
            expected = float(sums.get((row.iso3, row.year), 0.0))
            if abs(expected - row.tiv_m) > tolerance:
                raise RawDataError(
                    f"sipri_arms_transfers/{TOTALS_FILE}: {row.iso3} {direction} {row.year} = {row.tiv_m} TIV m, "
                    f"but the register rows sum to {expected:.2f}"
                )


def milex_markers(markers: pd.DataFrame) -> pd.Series:
    """Combine per-column marker texts into one 'column: marker; …' string per row (missing if none).

    Args:
        markers: one column per output value column, holding SIPRI's marker or missing.
    """

    def join(row: pd.Series) -> str | None:
        parts = [f"{col}: {mark}" for col, mark in row.items() if isinstance(mark, str) and mark]
        return "; ".join(parts) if parts else None

    return markers.apply(join, axis=1).astype("string")


def build_military_expenditure(raw: Path) -> pd.DataFrame:
    """SIPRI milex, one row per country-year (see :data:`MILITARY_EXPENDITURE`)."""
    file = f"sipri_milex/{MILEX_FILE}"
    df = read_csv(
        raw,
        "sipri_milex",
        MILEX_FILE,
        required=["iso3", "country", "year", "variable", "value", "raw_marker", "sipri_notes"],
    )
    mapped = map_names(df["country"].str.strip(), file=file, column="country")
    check_same_codes(mapped, df["iso3"], file=file, column="iso3")
    unknown_variable = ~df["variable"].isin(list(MILEX_VARIABLES))
    if unknown_variable.any():
        first = unknown_variable.idxmax()
        raise RawDataError(
            f"{file}: column 'variable', line {raw_row(first)}: unknown variable {df.at[first, 'variable']!r}"
        )
    marker_text = df["raw_marker"].fillna("").str.strip()
    unknown_marker = (marker_text != "") & ~marker_text.isin(list(MILEX_MARKERS))
    if unknown_marker.any():
        first = unknown_marker.idxmax()
        raise RawDataError(
            f"{file}: column 'raw_marker', line {raw_row(first)}: unknown marker {df.at[first, 'raw_marker']!r}"
        )
    value = to_number(df, "value", file=file)
    both = value.notna() & (marker_text != "")
    if both.any():
        first = both.idxmax()
        raise RawDataError(
            f"{file}: line {raw_row(first)} has both a value and the marker {df.at[first, 'raw_marker']!r}"
        )
    factor = df["variable"].map({k: f for k, (_, f) in MILEX_VARIABLES.items()})
    long = pd.DataFrame(
        {
            "iso3": mapped,
            "year": to_integer(df, "year", file=file),
            "column": df["variable"].map({k: c for k, (c, _) in MILEX_VARIABLES.items()}),
            "value": value * factor,
            "marker": marker_text.map(MILEX_MARKERS),
            "notes": df["sipri_notes"].fillna("").str.strip().replace("", pd.NA),
        }
    )
    duplicated = long.duplicated(["iso3", "year", "column"], keep=False)
    if duplicated.any():
        lines = [raw_row(i) for i in long.index[duplicated][:4]]
        raise RawDataError(f"{file}: country, year and variable repeat on lines {lines}")
    notes = long.dropna(subset=["notes"]).groupby(["iso3", "year"])["notes"].unique()
    conflicting = notes[notes.map(len) > 1]
    if len(conflicting):
        (code, yr), values = next(iter(conflicting.items()))
        raise RawDataError(
            f"{file}: column 'sipri_notes': {code} {yr} has different notes {list(values)} on different variables"
        )
    columns = [c for c, _ in MILEX_VARIABLES.values()]
    values = long.pivot(index=["iso3", "year"], columns="column", values="value").reindex(columns=columns)
    marks = long.pivot(index=["iso3", "year"], columns="column", values="marker").reindex(columns=columns)
    out = values.copy()
    out.columns.name = None
    out["sipri_notes"] = notes.map(lambda v: v[0]).reindex(out.index).astype("string")
    out["sipri_markers"] = milex_markers(marks).reindex(out.index)
    return out.reset_index()[MILITARY_EXPENDITURE.columns]


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build ``arms_transfers``, ``arms_totals`` and ``military_expenditure`` from the raw folder."""
    transfers = build_arms_transfers(raw)
    totals = build_arms_totals(raw)
    check_totals_against_register(totals, transfers)
    return {
        ARMS_TRANSFERS.name: transfers,
        ARMS_TOTALS.name: totals,
        MILITARY_EXPENDITURE.name: build_military_expenditure(raw),
    }
