"""Türkiye's gas flows by entry and exit route, monthly and yearly, from the IEA Gas Trade Flows workbook.

Source (raw folder): ``iea_gas_trade_flows`` (workbook ``Export_GTF_IEA_202505.xlsx``, sheet
``GTF_data``). The IEA's terms allow no republication of the workbook: only derived totals per
route and month (and per route and year) are written. Every row of the sheet that has Türkiye on
either side must be one of the border points listed in :data:`POINTS`; an unknown point, a month
header that is not ``Mon-YY`` or a cell that is neither a number nor the workbook's ``N/A`` is an
error naming the sheet, the cell and what to change.

Routes (what the entry point implies about the gas, per the source's provenance notes):

* Türkgözü (Georgia → Türkiye): Azerbaijani gas (South Caucasus Pipeline / TANAP start);
* Samsun (Russia → Türkiye): Blue Stream; Kıyıköy: TurkStream; Malkoçlar (Bulgaria → Türkiye):
  the Trans-Balkan route of Russian gas, until December 2020;
* Doğubayazıt (Iran → Türkiye): Iranian gas;
* the LNG terminals and FSRUs: LNG of any origin (summed: FSRUs are reported apart only from
  December 2023);
* exits Kipi (to Greece) and Malkoçlar/Malkoçlar2 (to Bulgaria): transit and re-export, kept as
  exits, never netted against entries; small LNG re-exports are a third exit route.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from bilateral.catalog import IEA_GAS_ROUTES as ROUTES
from bilateral.errors import MissingSourcesError, RawDataError
from bilateral.schema import Field, Table, iso3, year

IEA = "iea_gas_trade_flows"
SOURCES_USED = (IEA,)
GTF_FILE = "Export_GTF_IEA_202505.xlsx"
GTF_SHEET = "GTF_data"
#: How the workbook spells Türkiye and LNG.
TURKIYE = "Republic of Türkiye"
LNG = "Liquefied Natural Gas"
#: The text the workbook puts in a cell with no value (different from 0).
NOT_AVAILABLE = "N/A"
HEADER = ("Borderpoint", "Exit", "Entry", "MAXFLOW (Mm3/h)")

#: The workbook's Türkiye rows: (Borderpoint, Exit, Entry) -> route key.
POINTS: dict[tuple[str, str, str], str] = {
    ("Turkgozu", "Georgia", TURKIYE): "turkgozu",
    ("Samsun", "Russia", TURKIYE): "blue_stream",
    ("Kiyikoy", "Russia", TURKIYE): "turkstream",
    ("Malkoclar", "Bulgaria", TURKIYE): "trans_balkan",
    ("Dogubajazit", "Iran, Islamic Republic", TURKIYE): "dogubayazit",
    ("Marmara Ereglisi", LNG, TURKIYE): "lng",
    ("Izmir", LNG, TURKIYE): "lng",
    ("Etki FSRU", LNG, TURKIYE): "lng",
    ("Dortyol FSRU", LNG, TURKIYE): "lng",
    ("Saros FSRU", LNG, TURKIYE): "lng",
    ("Kipi", TURKIYE, "Greece"): "kipi_exit",
    ("Malkoclar", TURKIYE, "Bulgaria"): "malkoclar_exit",
    ("Malkoclar2", TURKIYE, "Bulgaria"): "malkoclar_exit",
    ("Marmara Ereglisi", TURKIYE, LNG): "lng_exit",
    ("Edirne", TURKIYE, LNG): "lng_exit",
    ("Not Elsewhere Specified", TURKIYE, LNG): "lng_exit",
}
#: Border points as readers know them (Turkish spelling).
POINT_NAMES = {
    "Turkgozu": "Türkgözü", "Kiyikoy": "Kıyıköy", "Malkoclar": "Malkoçlar", "Malkoclar2": "Malkoçlar 2",
    "Dogubajazit": "Doğubayazıt", "Marmara Ereglisi": "Marmara Ereğlisi", "Izmir": "İzmir (Aliağa)",
}  # fmt: skip

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WARNING = (
    "IEA data: cite 'IEA, Gas Trade Flows (May 2025)'. Entry point is not contract origin; exits are transit or "
    "re-exports and are never subtracted from entries here. Derived totals only: the IEA workbook is not republished."
)

_COMMON = (
    Field("route_id", "string", "Route key.", enum=tuple(ROUTES)),
    Field("route", "string", "Route as shown to readers.", enum=tuple(v[0] for v in ROUTES.values())),
    Field(
        "direction",
        "string",
        "entry (into Türkiye) or exit (out of Türkiye: transit or re-export).",
        enum=("entry", "exit"),
    ),
    iso3(
        "supplier_iso3",
        "Origin of the gas that the entry route implies (AZE, RUS, IRN); empty for LNG and exits.",
        required=False,
    ),
    iso3("partner_iso3", "Country on the other side of the border point; empty for LNG terminals.", required=False),
    Field("border_points", "string", "The IEA border points summed in the route, separated by '; '."),
)

GAS_FLOWS_MONTHLY = Table(
    name="gas_flows_turkiye_monthly",
    title="Türkiye's gas flows by entry and exit route, monthly (IEA Gas Trade Flows)",
    description=(
        "One row per route and month, October 2008 to May 2025: the sum over the route's border points of the IEA's "
        "monthly physical flows, in million cubic metres at 15 °C. Entries: Türkgözü (Azerbaijani gas), Samsun "
        "(Blue Stream), Kıyıköy (TurkStream), Malkoçlar (Trans-Balkan, Russian gas via Bulgaria), Doğubayazıt (Iran) and "
        "the LNG terminals; exits: Kipi (to Greece), Malkoçlar (to Bulgaria) and LNG re-exports. A month in which no point "
        "of the route reported a value ('N/A' in the workbook) has an empty volume; 0 is a reported zero."
    ),
    sources=(IEA,),
    fields=(
        Field("month", "string", "Month (YYYY-MM)."),
        year(description="Calendar year of the month."),
        *(f for f in _COMMON if f.name not in ("route", "border_points")),
        Field(
            "points_reported",
            "integer",
            "How many of the route's border points have a value (not 'N/A') that month.",
            minimum=0,
        ),
        Field(
            "volume_mcm",
            "number",
            "Physical flow over the month, summed over the points that reported.",
            unit="million cubic metres (15 °C)",
            required=False,
            minimum=0,
        ),
    ),
    primary_key=("route_id", "month"),
    warnings=(_WARNING,),
)

GAS_FLOWS_ANNUAL = Table(
    name="gas_flows_turkiye_annual",
    title="Türkiye's gas flows by entry and exit route, calendar years (IEA Gas Trade Flows)",
    description=(
        "One row per route and calendar year 2008–2025: the sum of the monthly volumes, with the number of months that "
        "have a value. 2008 covers October–December and 2025 January–May only (`months_in_data`); such years are partial "
        "and must not be compared with full years."
    ),
    sources=(IEA,),
    fields=(
        year(),
        *_COMMON,
        Field(
            "months_in_data",
            "integer",
            "Months of the year the workbook covers (3 for 2008, 5 for 2025, else 12).",
            minimum=1,
            maximum=12,
        ),
        Field(
            "months_reported", "integer", "Months of the year in which the route has a value.", minimum=0, maximum=12
        ),
        Field("complete", "boolean", "True when all 12 months of the year have a value."),
        Field(
            "volume_mcm",
            "number",
            "Flow over the months with a value (empty when no month has one).",
            unit="million cubic metres (15 °C)",
            required=False,
            minimum=0,
        ),
    ),
    primary_key=("route_id", "year"),
    warnings=(_WARNING, "Partial years (2008, 2025, and routes with unreported months) are flagged by `complete`."),
)

TABLES = (GAS_FLOWS_MONTHLY, GAS_FLOWS_ANNUAL)


def _column_letter(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index (0 -> 'A', 26 -> 'AA')."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _fail(cell: str, message: str) -> RawDataError:
    return RawDataError(f"{IEA}/{GTF_FILE}: sheet {GTF_SHEET!r}, cell {cell}: {message}")


def parse_month(header: object) -> str:
    """A month header of the workbook ('Oct-08') as 'YYYY-MM'.

    >>> parse_month("Oct-08"), parse_month("May-25")
    ('2008-10', '2025-05')

    Raises:
        ValueError: if the header is not a three-letter English month, a dash and two digits.
    """
    m = re.fullmatch(r"([A-Z][a-z]{2})-(\d{2})", str(header).strip())
    if not m or m.group(1) not in _MONTH_ABBR:
        raise ValueError(f"month header {header!r} is not of the form 'Oct-08'")
    return f"20{m.group(2)}-{_MONTH_ABBR.index(m.group(1)) + 1:02d}"


def read_rows(raw: Path) -> list[tuple]:
    """The rows of the data sheet (header first), read with openpyxl in read-only mode."""
    import zipfile

    import openpyxl

    path = raw / IEA / GTF_FILE
    if not path.is_file():
        raise MissingSourcesError(f"{IEA}/{GTF_FILE} is missing under {raw}")
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise RawDataError(
            f"{IEA}/{GTF_FILE}: cannot be opened as an .xlsx workbook ({exc}); restore the file as stored"
        ) from None
    try:
        if GTF_SHEET not in wb.sheetnames:
            raise RawDataError(f"{IEA}/{GTF_FILE}: no sheet {GTF_SHEET!r} (sheets: {wb.sheetnames})")
        return [tuple(r) for r in wb[GTF_SHEET].iter_rows(values_only=True)]
    finally:
        wb.close()


def turkiye_points(rows: list[tuple]) -> pd.DataFrame:
    """Türkiye's border-point rows in long form: ``border_point``, ``route_id``, ``month``, ``volume_mcm``.

    Args:
        rows: the sheet's rows, header first (as :func:`read_rows` returns them).

    Raises:
        RawDataError: naming the cell, for a header other than :data:`HEADER` + months, a Türkiye row
            not in :data:`POINTS`, a point listed twice, or a cell that is neither a number nor 'N/A'.
    """
    if not rows:
        raise RawDataError(f"{IEA}/{GTF_FILE}: sheet {GTF_SHEET!r} is empty")
    header = rows[0]
    for i, name in enumerate(HEADER):
        if i >= len(header) or header[i] != name:
            found = header[i] if i < len(header) else None
            raise _fail(f"{_column_letter(i)}1", f"header {found!r}, expected {name!r}")
    months = []
    for j, h in enumerate(header[len(HEADER) :], start=len(HEADER)):
        try:
            months.append(parse_month(h))
        except ValueError as exc:
            raise _fail(f"{_column_letter(j)}1", str(exc)) from None
    if months != sorted(set(months)):
        raise _fail("E1", "month headers are not in order or repeat a month")
    records = []
    seen: dict[tuple[str, str, str], int] = {}
    for r, row in enumerate(rows[1:], start=2):
        point, exit_, entry = (str(v).strip() if v is not None else "" for v in row[:3])
        if TURKIYE not in (exit_, entry):
            continue
        key = (point, exit_, entry)
        if key not in POINTS:
            raise _fail(
                f"A{r}",
                f"Türkiye border point {key!r} is not known; add it to bilateral.sources.iea_gas.POINTS with its route",
            )
        if key in seen:
            raise _fail(f"A{r}", f"border point {key!r} appears again (first on row {seen[key]})")
        seen[key] = r
        for j, month in enumerate(months, start=len(HEADER)):
            v = row[j] if j < len(row) else None
            if isinstance(v, str) and v.strip() == NOT_AVAILABLE:
                value = float("nan")
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                value = float(v)
                if value < 0:
                    raise _fail(f"{_column_letter(j)}{r}", f"negative flow {v!r} for {point}")
            else:
                raise _fail(f"{_column_letter(j)}{r}", f"{v!r} is not a number or {NOT_AVAILABLE!r} ({point}, {month})")
            records.append((point, POINTS[key], month, value))
    missing = sorted(set(POINTS) - set(seen))
    if missing:
        raise RawDataError(f"{IEA}/{GTF_FILE}: sheet {GTF_SHEET!r} has no row for Türkiye border point(s) {missing}")
    return pd.DataFrame(records, columns=["border_point", "route_id", "month", "volume_mcm"])


def _route_columns(frame: pd.DataFrame) -> pd.DataFrame:
    info = frame["route_id"].map(ROUTES)
    frame.insert(frame.columns.get_loc("route_id") + 1, "route", info.str[0])
    frame.insert(frame.columns.get_loc("route") + 1, "direction", info.str[1])
    frame.insert(frame.columns.get_loc("direction") + 1, "supplier_iso3", info.str[2].astype("string"))
    frame.insert(frame.columns.get_loc("supplier_iso3") + 1, "partner_iso3", info.str[3].astype("string"))
    names = {
        k: "; ".join(
            POINT_NAMES.get(p, p) for p, rk in dict.fromkeys((p, v) for (p, _, _), v in POINTS.items()) if rk == k
        )
        for k in ROUTES
    }
    frame.insert(frame.columns.get_loc("partner_iso3") + 1, "border_points", frame["route_id"].map(names))
    return frame


def monthly_routes(points: pd.DataFrame) -> pd.DataFrame:
    """Sum the points of each route per month; a month with no reported point stays empty (not 0).

    Volumes are rounded to 3 decimals (the workbook's precision), so sums are reproducible.

    Example:
        >>> pts = pd.DataFrame({"border_point": ["A", "B", "A", "B"], "route_id": ["lng"] * 4,
        ...                     "month": ["2024-01", "2024-01", "2024-02", "2024-02"], "volume_mcm": [1.5, 2.0, float("nan"), float("nan")]})
        >>> monthly_routes(pts)[["month", "points_reported", "volume_mcm"]].values.tolist()
        [['2024-01', 2, 3.5], ['2024-02', 0, nan]]
    """
    g = points.groupby(["route_id", "month"], sort=True)["volume_mcm"]
    out = pd.DataFrame({"points_reported": g.count(), "volume_mcm": g.sum(min_count=1).round(3)}).reset_index()
    out.insert(1, "year", out["month"].str[:4].astype(int))
    out = _route_columns(out)
    out["points_reported"] = out["points_reported"].astype(int)
    return out


def annual_routes(monthly: pd.DataFrame) -> pd.DataFrame:
    """Calendar-year totals per route, with the months covered and reported."""
    in_data = monthly.groupby("year")["month"].nunique()
    g = monthly.groupby(["route_id", "year"], sort=True)["volume_mcm"]
    out = pd.DataFrame({"months_reported": g.count(), "volume_mcm": g.sum(min_count=1).round(3)}).reset_index()
    out["months_in_data"] = out["year"].map(in_data).astype(int)
    out["complete"] = out["months_reported"] == 12
    out = _route_columns(
        out.drop(columns=["route", "direction", "supplier_iso3", "partner_iso3", "border_points"], errors="ignore")
    )
    return out[GAS_FLOWS_ANNUAL.columns]


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build the monthly and annual route tables from the workbook in ``raw``."""
    points = turkiye_points(read_rows(raw))
    monthly = monthly_routes(points)
    return {GAS_FLOWS_MONTHLY.name: monthly[GAS_FLOWS_MONTHLY.columns], GAS_FLOWS_ANNUAL.name: annual_routes(monthly)}
