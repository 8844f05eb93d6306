"""What a claim check returns and the vocabulary of verdicts: the verdicts, the tolerances stated once
(:data:`TOLERANCE_SUPPORTED_PCT`, :data:`TOLERANCE_PARTLY_PCT`, :data:`DATE_TOLERANCE_DAYS`), the
:class:`Measurement` every check returns, and the facts about the seed documents the checks need.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bilateral import citations
from bilateral.catalog import SEED_BARRANZUELA, SEED_ISMAYILOV
from bilateral.errors import ParameterError

__all__ = [
    "CLAIMS_PAIR",
    "CLAIM_YEARS",
    "COMPARES",
    "CONTRADICTED",
    "DATE_TOLERANCE_DAYS",
    "DEFAULT_TOLERANCES",
    "EVERY_YEAR_PCT",
    "NOT_CHECKABLE",
    "PARTLY",
    "PROXY_MARKERS",
    "SEEDS_ONLY",
    "SEED_NAMES",
    "SEED_YEARS",
    "SUPPORTED",
    "TOLERANCE_PARTLY_PCT",
    "TOLERANCE_SUPPORTED_PCT",
    "VERDICTS",
    "Measurement",
    "Tolerances",
]

SUPPORTED = "supported"

PARTLY = "partly supported"

CONTRADICTED = "contradicted"

NOT_CHECKABLE = "not checkable with the data here"

#: The verdicts, in the order reports list them.
VERDICTS = (SUPPORTED, PARTLY, CONTRADICTED, NOT_CHECKABLE)

#: A number within this relative distance (percent of the measured value) of the data is supported.
TOLERANCE_SUPPORTED_PCT = 10.0

#: A number within this relative distance, but not within the one above, is partly supported.
TOLERANCE_PARTLY_PCT = 25.0

#: Dates that do not overlap but lie at most this many days apart are partly supported.
DATE_TOLERANCE_DAYS = 31

#: A claim of something sustained is read as holding in every year of its period: 100% of the years.
EVERY_YEAR_PCT = 100.0

#: Openings of the claims table's ``check`` text that mark a check testing only part of a claim.
PROXY_MARKERS = ("Partial proxy", "Rough comparison")

#: Opening of the claims table's ``check`` text for claims only the seeds themselves record here.
SEEDS_ONLY = "Not checkable independently"

#: Publication year of each seed document (used where a claim speaks of "now" and has no year).
SEED_YEARS = {SEED_ISMAYILOV: 2025, SEED_BARRANZUELA: 2022}

#: How reports name the seed documents.
SEED_NAMES = citations.SEED_NAMES

#: The pair the claims are about.
CLAIMS_PAIR = ("AZE", "TUR")

#: Years a claim can be about (the notebook's start_year and end_year must fall inside).
CLAIM_YEARS = (1900, 2025)


@dataclass(frozen=True)
class Tolerances:
    """The tolerances :func:`verdict` applies (defaults: the module constants).

    Attributes:
        supported_pct: relative distance (percent) within which a number is supported.
        partly_pct: relative distance within which it is partly supported (at least ``supported_pct``).
        date_days: days apart within which non-overlapping dates are partly supported.
    """

    supported_pct: float = TOLERANCE_SUPPORTED_PCT
    partly_pct: float = TOLERANCE_PARTLY_PCT
    date_days: int = DATE_TOLERANCE_DAYS

    def __post_init__(self) -> None:
        if not 0 <= self.supported_pct <= self.partly_pct:
            raise ParameterError(
                f"tolerances must satisfy 0 <= tolerance_supported_pct ({self.supported_pct}) <= tolerance_partly_pct ({self.partly_pct})"
            )
        if self.partly_pct > 100:
            raise ParameterError(
                f"tolerance_partly_pct={self.partly_pct} is above 100%; a claim that far off is not partly supported"
            )
        if isinstance(self.date_days, bool) or not isinstance(self.date_days, int) or self.date_days < 0:
            raise ParameterError(f"date_tolerance_days={self.date_days!r} must be a whole number of days, 0 or more")


@dataclass(frozen=True)
class Measurement:
    """What a check measured, and the evidence for it.

    Attributes:
        compare: how :func:`verdict` compares it with the claim (see the module docstring).
        value: the measured value the verdict uses (a number, an ISO date, a rank, a count, a label);
            None when the data give nothing to compare.
        text: the measured value as readers see it.
        unit: unit of ``value``.
        table: the processed table(s) read.
        computation: what was computed, in words.
        sources: catalogue keys of the sources behind the value.
        rows: the rows used (publisher, URL, event ids), as readers see them.
        others: other measured values (the other reporter, another measure, other figures), as text.
        basis: which value the verdict uses and why, when sources or measures give several.
        caveat: what the measured value does not cover (e.g. deliveries, not use in combat).
        precision: ``day``, ``month`` or ``year`` for dates.
        claimed: the value the check compares with when the claim row has none (or reads it otherwise).
        claimed_text: how that reading is shown (e.g. "every year of 1995–2020").
        second: a second measured rank that must agree (``rank``).
        group: the size of the ranked group (``rank``).
        direction_ok: whether the overall direction is the claimed one (``years``).
        note: why nothing could be measured, when ``value`` is None.
    """

    compare: str
    value: Any
    text: str
    unit: str = ""
    table: str = ""
    computation: str = ""
    sources: tuple[str, ...] = ()
    rows: str = ""
    others: tuple[str, ...] = ()
    basis: str = ""
    caveat: str = ""
    precision: str | None = None
    claimed: Any = None
    claimed_text: str = ""
    second: Any = None
    group: int | None = None
    direction_ok: bool | None = None
    note: str = ""


COMPARES = ("number", "date", "rank", "years", "presence", "equal")


#: The tolerances in force unless a report sets others (the module constants).
DEFAULT_TOLERANCES = Tolerances()
