"""Small parsers of the energy builder: years, flags, supplier labels, periods, dates and units in text."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from bilateral.countries import raw_row
from bilateral.errors import RawDataError
from bilateral.sources._raw import to_integer
from bilateral.sources.energy.vocab import EI_TRADE_TOTALS, FLAG_PATTERNS

__all__ = [
    "agree_when_rounded",
    "date_in_text",
    "decimals",
    "find_flags",
    "label_kind",
    "parse_period",
    "parse_years",
    "period_kind",
    "row_error",
    "share_in_measure",
    "side_of",
    "source_label",
    "split_supplier",
    "split_unit",
]


def source_label(key: str, filename: str) -> str:
    return f"{key}/{filename}"


def parse_years(df: pd.DataFrame, column: str, *, file: str) -> pd.Series:
    """Parse a year column that must be filled in every row.

    Raises:
        RawDataError: naming file, column and line of an empty cell or one that is not a whole number.
    """
    years = to_integer(df, column, file=file)
    if years.isna().any():
        raise row_error(file, column, years.isna().idxmax(), "empty year")
    return years


def row_error(file: str, column: str, index: object, message: str) -> RawDataError:
    return RawDataError(f"{file}: column {column!r}, line {raw_row(index)}: {message}")


def find_flags(*texts: object) -> str | None:
    """The warning marks (CONFLICT, UNVERIFIED, probable typo, do not use) found in the texts, or None.

    >>> find_flags("CONFLICT with row X", "annual volume (probable typo)")
    'CONFLICT; probable typo'
    """
    joined = " ".join(str(t) for t in texts if isinstance(t, str))
    found = [name for name, pattern in FLAG_PATTERNS.items() if pattern.search(joined)]
    return "; ".join(found) or None


def side_of(measure: str) -> str:
    """'exporter' if the measure text says the figure is the exporter's (or export) side, else 'importer'.

    >>> side_of("annual volume (Gazprom, exporter side)"), side_of("annual volume")
    ('exporter', 'importer')
    """
    return "exporter" if re.search(r"export(er)?\s+side", measure, re.IGNORECASE) else "importer"


def split_supplier(label: str) -> tuple[str, str, str]:
    """Split a raw supplier label into (supplier, quantity, importer scope).

    >>> split_supplier("Azerbaijan share")
    ('Azerbaijan', 'share', 'all importers')
    >>> split_supplier("LNG total (BOTAS only)")
    ('LNG total', 'volume', 'BOTAŞ only')
    >>> split_supplier("LNG share")
    ('LNG total', 'share', 'all importers')
    """
    text = label.strip()
    scope = "all importers"
    if re.search(r"\(BOTA[SŞ] only\)$", text):
        text, scope = re.sub(r"\s*\(BOTA[SŞ] only\)$", "", text), "BOTAŞ only"
    quantity = "volume"
    if text.endswith(" share"):
        text, quantity = text[: -len(" share")], "share"
        if text == "LNG":  # "LNG share": the share of all LNG in total imports
            text = "LNG total"
    return text, quantity, scope


def share_in_measure(measure: str) -> float:
    """The percentage printed in a measure text such as 'annual volume (42.27%)', or NaN."""
    found = re.search(r"(\d+(?:\.\d+)?)\s*%", measure)
    return float(found.group(1)) if found else np.nan


def decimals(text: str) -> int:
    """Number of decimal places written in a number's text ('7.52115' -> 5, '9.6' -> 1, '35' -> 0)."""
    return len(text.split(".", 1)[1]) if "." in text else 0


def agree_when_rounded(values: list[str]) -> bool:
    """True if the numbers (as text) agree when each is rounded to the coarsest precision among them."""
    places = min(decimals(v) for v in values)
    return len({round(float(v), places) for v in values}) == 1


def parse_period(period: str) -> tuple[str, str, int]:
    """Turn a collector's period into (first month, last month, number of months).

    >>> parse_period("2020-Q1"), parse_period("2019-01..2019-11"), parse_period("2020-H1")
    (('2020-01', '2020-03', 3), ('2019-01', '2019-11', 11), ('2020-01', '2020-06', 6))

    Raises:
        ValueError: if the period is in none of the known forms.
    """
    text = period.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        start = end = text
    elif m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        q = int(m.group(2))
        start, end = f"{m.group(1)}-{3 * q - 2:02d}", f"{m.group(1)}-{3 * q:02d}"
    elif m := re.fullmatch(r"(\d{4})-H([12])", text):
        h = int(m.group(2))
        start, end = f"{m.group(1)}-{6 * h - 5:02d}", f"{m.group(1)}-{6 * h:02d}"
    elif m := re.fullmatch(r"(\d{4}-\d{2})\.\.(\d{4}-\d{2})", text):
        start, end = m.group(1), m.group(2)
    else:
        raise ValueError(f"unknown period {period!r}")
    (y0, m0), (y1, m1) = (map(int, start.split("-")), map(int, end.split("-")))
    months = (y1 - y0) * 12 + m1 - m0 + 1
    if not (1 <= m0 <= 12 and 1 <= m1 <= 12 and 1 <= months <= 12):
        raise ValueError(f"period {period!r} is not a span of 1 to 12 months")
    return start, end, months


_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), 1
)}  # fmt: skip


def date_in_text(text: str) -> str | None:
    """The first full date ('3 July 2007', 'June 30, 2018') in a text, as YYYY-MM-DD, or None."""
    names = "|".join(_MONTHS)
    if m := re.search(rf"\b(\d{{1,2}}) ({names}) (\d{{4}})\b", text, re.IGNORECASE):
        day, month, yr = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    elif m := re.search(rf"\b({names}) (\d{{1,2}}), (\d{{4}})\b", text, re.IGNORECASE):
        day, month, yr = int(m.group(2)), _MONTHS[m.group(1).lower()], int(m.group(3))
    else:
        return None
    return f"{yr:04d}-{month:02d}-{day:02d}"


def split_unit(unit: str) -> tuple[str, str | None]:
    """Split 'year (June 2006)' into ('year', 'June 2006'); a unit without brackets has no qualifier."""
    m = re.fullmatch(r"\s*([^()]*?)\s*(?:\((.*)\))?\s*", unit)
    if not m or not m.group(1):
        return unit.strip(), None
    return m.group(1), m.group(2)


def period_kind(attribute: str) -> str | None:
    """Classify a pipeline attribute: 'cumulative', 'partial year', 'calendar year' (has a year) or None."""
    if "cumulative" in attribute.lower():
        return "cumulative"
    if re.search(r"\bJan-|\bH[12]\b|\bQ[1-4]\b", attribute):
        return "partial year"
    if re.search(r"\b(19|20)\d{2}\b", attribute):
        return "calendar year"
    return None


def label_kind(labels: pd.Series, iso: pd.Series) -> pd.Series:
    """'total' for matrix totals, 'country' where an ISO3 was found, else 'region'."""
    kind = np.where(labels.isin(EI_TRADE_TOTALS), "total", np.where(iso.notna(), "country", "region"))
    return pd.Series(kind, index=labels.index, dtype="string")
