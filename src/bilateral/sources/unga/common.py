"""Source keys, file names and constants of the UN General Assembly builder, and the small helpers its readers share."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from bilateral.countries import raw_row
from bilateral.errors import RawDataError
from bilateral.measures import VOTE_CATEGORIES

__all__ = [
    "ANCHORS",
    "IDEAL",
    "IDEAL_FILE",
    "LAST_VOETEN_SESSION",
    "SERBIA_SUCCESSION",
    "SOURCES_USED",
    "START_DATE",
    "UNXML",
    "UN_RESOLUTIONS",
    "UN_VOTES",
    "VOETEN",
    "VOETEN_ISSUES",
    "VOETEN_ROLLCALLS",
    "VOETEN_VOTES",
    "VOTE_TITLE_CHARS",
    "VOTE_VALUES",
    "check_date",
    "check_values",
    "serbia_succession",
    "short_title",
]


VOETEN = "unga_votes_unvotes_voeten"

UNXML = "unga_votes_unxml_dgacm"

IDEAL = "unga_idealpoints_voeten"

SOURCES_USED = (VOETEN, UNXML, IDEAL)

VOETEN_VOTES = "un_votes.csv.gz"

VOETEN_ROLLCALLS = "un_roll_calls.csv.gz"

VOETEN_ISSUES = "un_roll_call_issues.csv"

UN_VOTES = "ga_recorded_votes_long_s74_s80.csv.gz"

UN_RESOLUTIONS = "ga_resolutions_s74_s80.csv"

IDEAL_FILE = "IdealpointsJuly2025.csv"

#: First vote date kept (both sources).
START_DATE = "1991-01-01"

#: Last Voeten session used; the UN records cover the sessions after it.
LAST_VOETEN_SESSION = 73

#: States whose pairwise agreement with every other state is computed.
ANCHORS = ("AZE", "TUR")

VOTE_VALUES = (*VOTE_CATEGORIES, "absent")

#: Longest title kept per row in unga_votes (the full title is in unga_resolutions).
VOTE_TITLE_CHARS = 80

#: Serbia's seat: Yugoslavia (YUG) -> Serbia and Montenegro (SCG) -> Serbia (SRB).
SERBIA_SUCCESSION = (("2003-02-04", "SCG"), ("2006-06-03", "SRB"))


def serbia_succession(codes: pd.Series, dates: pd.Series) -> pd.Series:
    """Recode ``YUG`` to ``SCG`` / ``SRB`` from the dates in :data:`SERBIA_SUCCESSION` (ISO dates as text)."""
    out = codes.copy()
    is_yug = codes == "YUG"
    for start, code in SERBIA_SUCCESSION:
        out = out.mask(is_yug & (dates >= start), code)
    return out


def short_title(title: str | None, limit: int = VOTE_TITLE_CHARS) -> str | None:
    """``title`` cut at a word boundary to at most ``limit`` characters, ending in "…" when cut."""
    if not isinstance(title, str) or len(title) <= limit:
        return title
    return title[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def check_date(df: pd.DataFrame, column: str, file: str) -> None:
    """Raise :class:`RawDataError` naming the line of the first value that is not a YYYY-MM-DD date."""
    bad = ~df[column].astype("string").str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False)
    if bad.any():
        i = bad.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(i)}: {df.at[i, column]!r} is not a YYYY-MM-DD date"
        )


def check_values(df: pd.DataFrame, column: str, allowed: Iterable[str], file: str) -> None:
    """Raise :class:`RawDataError` naming the line of the first value not in ``allowed``."""
    bad = ~df[column].isin(list(allowed))
    if bad.any():
        i = bad.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(i)}: unexpected value {df.at[i, column]!r} (allowed: {sorted(allowed)})"
        )
