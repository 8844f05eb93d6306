"""The overview's settings and parameters: the index's indicators and defaults, the checks of the notebook's
parameters, and how pairs and shares are written for readers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from bilateral import diplomatic as dip
from bilateral import energy, fmt
from bilateral import military as mil
from bilateral.countries import display_name, is_iso3
from bilateral.errors import ParameterError

__all__ = [
    "ARMS_WINDOW",
    "DEFAULT_COMPARISON_PAIRS",
    "DEFAULT_WEIGHTS",
    "DIMENSION_COLOURS",
    "DIRICHLET_ALPHA",
    "GAS_BUYER",
    "INDICATORS",
    "INDICATOR_LABELS",
    "INDICATOR_MEANING",
    "INDICATOR_SOURCES",
    "NORMALISATIONS",
    "OTHER_DIMENSION",
    "PAIR_RULE",
    "RECENT_YEARS",
    "UN_MEASURES",
    "YEARS",
    "check_choice",
    "check_range",
    "check_weights",
    "index_pairs",
    "pair_names",
    "pair_text",
    "parse_pair",
    "poss_name",
    "same_pair",
    "share_text",
]

#: The index's indicators, in display order.
INDICATORS: tuple[str, ...] = ("un_votes", "arms", "trade", "energy")
#: How readers see each indicator.
INDICATOR_LABELS: dict[str, str] = {
    "un_votes": "UN votes",
    "arms": "Arms imports",
    "trade": "Trade",
    "energy": "Gas imports (Türkiye)",
}
#: What each indicator measures, in a phrase.
INDICATOR_MEANING: dict[str, str] = {
    "un_votes": "UN General Assembly voting alignment in the year",
    "arms": "the partner's share of a state's arms imports (SIPRI TIV, trailing window)",
    "trade": "the partner's share of a state's total merchandise trade (each side's own IMF DOTS reports)",
    "energy": "the partner's share of the gas entering Türkiye (IEA Gas Trade Flows, entries by route; full years)",
}
#: Catalogue keys behind each indicator.
INDICATOR_SOURCES: dict[str, tuple[str, ...]] = {
    "un_votes": ("unga_votes_unvotes_voeten", "unga_votes_unxml_dgacm"),
    "arms": ("sipri_arms_transfers",),
    "trade": ("imf_dots",),
    "energy": ("iea_gas_trade_flows",),
}
#: The default weights (the notebook's ``weights`` parameter must have exactly these keys).
DEFAULT_WEIGHTS: dict[str, float] = {"un_votes": 1.0, "arms": 1.0, "trade": 1.0, "energy": 1.0}
#: The default comparison pairs.
DEFAULT_COMPARISON_PAIRS: tuple[str, ...] = ("AZE-RUS", "AZE-IRN", "AZE-GEO", "TUR-GEO")
#: Years the notebook's period may span: the union of the sources' years (UN votes to 2025).
YEARS = (1990, 2025)
#: Length of the trailing window (years) over which arms-import shares are summed: SIPRI deliveries are lumpy.
ARMS_WINDOW = 5
#: How two directional shares make one pair value: "max" (default) or "mean" of those available.
PAIR_RULE = "max"
#: The only gas buyer whose imports by supplier the data give.
GAS_BUYER = energy.PRESS_BUYER
#: Length of the latest period for which the summary repeats the arms-import share.
RECENT_YEARS = 5
#: Dirichlet concentration for the random weights: 1 is flat (every weighting of the indicators equally likely).
DIRICHLET_ALPHA = 1.0
#: Normalisation methods accepted by :func:`normalise`.
NORMALISATIONS = ("minmax", "share")
#: UN measures accepted (columns of ``unga_agreement``).
UN_MEASURES = ("kappa", "agreement_share")
#: Colours of the event dimensions on the timeline (Okabe–Ito), with the text colour drawn on each.
DIMENSION_COLOURS: dict[str, tuple[str, str]] = {
    "diplomatic": ("#0072B2", "white"),
    "military": ("#D55E00", "white"),
    "energy": ("#009E73", "white"),
    "trade": ("#E69F00", "black"),
    "transport": ("#CC79A7", "black"),
}
#: Colour of an event dimension not listed above.
OTHER_DIMENSION = ("#6b6b6b", "white")


def parse_pair(text: object, name: str = "comparison_pairs") -> tuple[str, str]:
    """Read a pair written ``"AAA-BBB"`` (a hyphen or an en dash between two ISO3 codes).

    Raises:
        ParameterError: naming the parameter if the text is not two different ISO3 codes.

    Example:
        >>> parse_pair("AZE-RUS")
        ('AZE', 'RUS')
    """
    if not isinstance(text, str):
        raise ParameterError(f"{name}: {text!r} must be a string such as 'AZE-RUS'")
    parts = [p.strip() for p in re.split(r"[-–]", text)]
    if len(parts) != 2 or not all(is_iso3(p) for p in parts):
        raise ParameterError(f"{name}: {text!r} must be two ISO3 codes joined by a hyphen, such as 'AZE-RUS'")
    if parts[0] == parts[1]:
        raise ParameterError(f"{name}: {text!r} pairs a state with itself")
    return parts[0], parts[1]


def same_pair(p: tuple[str, str], q: tuple[str, str]) -> bool:
    """True if two pairs name the same two states in either order."""
    return set(p) == set(q)


def index_pairs(a: str, b: str, comparison_pairs: Sequence[object]) -> list[tuple[str, str]]:
    """The report's pair first, then each comparison pair once (a pair repeated in either order is dropped).

    Raises:
        ParameterError: if ``comparison_pairs`` is not a list of ``"AAA-BBB"`` strings.

    Example:
        >>> index_pairs("AZE", "TUR", ["TUR-AZE", "AZE-RUS", "RUS-AZE"])
        [('AZE', 'TUR'), ('AZE', 'RUS')]
    """
    if isinstance(comparison_pairs, str) or not isinstance(comparison_pairs, (list, tuple)):
        raise ParameterError(
            f"comparison_pairs={comparison_pairs!r} must be a list of strings such as ['AZE-RUS', 'TUR-GEO']"
        )
    out = [(a, b)]
    for i, text in enumerate(comparison_pairs):
        p = parse_pair(text, f"comparison_pairs[{i}]")
        if not any(same_pair(p, q) for q in out):
            out.append(p)
    return out


def check_weights(weights: object) -> dict[str, float]:
    """Validate the ``weights`` parameter: one non-negative number per indicator, not all zero.

    Raises:
        ParameterError: naming the offending key or value and listing the keys allowed.

    Example:
        >>> check_weights({"un_votes": 2, "arms": 1, "trade": 1, "energy": 0})["un_votes"]
        2.0
    """
    if not isinstance(weights, Mapping):
        raise ParameterError(f"weights={weights!r} must be a dict with keys {', '.join(INDICATORS)}")
    unknown = [k for k in weights if k not in INDICATORS]
    missing = [k for k in INDICATORS if k not in weights]
    if unknown or missing:
        raise ParameterError(
            f"weights: {'unknown key(s) ' + ', '.join(map(repr, unknown)) if unknown else ''}"
            f"{'; ' if unknown and missing else ''}{'missing key(s) ' + ', '.join(map(repr, missing)) if missing else ''}; "
            f"the keys are {', '.join(INDICATORS)}"
        )
    out = {}
    for k in INDICATORS:
        v = weights[k]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not np.isfinite(v) or v < 0:
            raise ParameterError(f"weights[{k!r}]={v!r} must be a number of at least 0")
        out[k] = float(v)
    if sum(out.values()) <= 0:
        raise ParameterError("weights are all zero: give at least one indicator a positive weight")
    return out


def check_choice(name: str, value: object, allowed: Sequence[str]) -> str:
    """Validate a parameter that takes one of a few strings.

    Raises:
        ParameterError: naming the parameter and the values allowed.
    """
    if value not in allowed:
        raise ParameterError(f"{name}={value!r} must be one of {', '.join(map(repr, allowed))}")
    return str(value)


def check_range(name: str, value: int, lo: int, hi: int) -> int:
    """Validate a whole-number parameter (``n_draws``, ``random_seed``, ``rank_years``) with :func:`military.check_whole`."""
    return mil.check_whole(name, value, lo, hi)


def pair_text(p: tuple[str, str]) -> str:
    """``pair_text(("AZE", "TUR")) == "AZE–TUR"``."""
    return dip.pair_label(*p)


def pair_names(p: tuple[str, str]) -> str:
    """``pair_names(("AZE", "TUR")) == "Azerbaijan–Türkiye"``."""
    return f"{display_name(p[0])}–{display_name(p[1])}"


def share_text(x: float | None) -> str:
    """A percentage with one decimal, or two below 1% (``share_text(0.641) == "0.64%"``, ``share_text(17.0) == "17.0%"``)."""
    if x is None or pd.isna(x):
        return fmt.pct(None)
    return fmt.pct(x, 2 if abs(x) < 1 else 1)


def poss_name(code: str) -> str:
    """``poss_name("AZE") == "Azerbaijan's"``."""
    return fmt.poss(display_name(code))
