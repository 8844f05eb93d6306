"""The military report's own parameters (``rival``, ``period_years``, ``top_suppliers``), checked after
:func:`bilateral.params.from_notebook` has validated the standard ones."""

from __future__ import annotations

from collections.abc import Sequence

from bilateral import fmt
from bilateral.countries import display_name, is_iso3
from bilateral.errors import ParameterError

__all__ = ["check_rival", "check_whole", "resolve_rival"]


def check_rival(rival: str, country_a: str, country_b: str) -> str:
    """Validate the extra parameter ``rival`` (the state whose spending ``country_a``'s is compared with).

    Args:
        rival: ISO3 code.
        country_a: the first country of the pair.
        country_b: the second country of the pair.

    Returns:
        The code.

    Raises:
        ParameterError: if the code is not ISO3 or is ``country_a`` itself.
    """
    if not isinstance(rival, str) or not is_iso3(rival):
        raise ParameterError(f"rival={rival!r} is not an ISO 3166 alpha-3 country code such as 'ARM'")
    if rival == country_a:
        raise ParameterError(
            f"rival={rival!r} is country_a itself; choose the state country_a's spending is compared with"
        )
    return rival


def resolve_rival(rival: str, country_a: str, country_b: str, comparators: Sequence[str]) -> tuple[str, str]:
    """The rival whose spending ``country_a``'s is compared with, and a sentence when the parameter had to be replaced.

    A rival that is ``country_a`` itself (as the default ``"ARM"`` is when the pair is Armenia and another
    state) is replaced by the first comparator or, with no comparator left, by ``country_b``, the other state
    of the pair; the sentence says so. A student who changes only the pair therefore gets a report.

    Raises:
        ParameterError: if the code is not ISO3.
    """
    if isinstance(rival, str) and rival == country_a:
        spare = [c for c in comparators if c not in (country_a, country_b)]
        new = spare[0] if spare else country_b
        instead = (
            f"the first comparator, {display_name(new)}, instead"
            if spare
            else f"that of {display_name(new)}, the other state of the pair, as no comparator is left"
        )
        return new, (
            f"The rival state set for this report, {display_name(rival)}, is one of the pair, so "
            f"{fmt.poss(display_name(country_a))} military spending is compared with {instead}."
        )
    return check_rival(rival, country_a, country_b), ""


def check_whole(name: str, value: int, lo: int, hi: int) -> int:
    """Validate a whole-number extra parameter (``period_years``, ``top_suppliers``).

    Raises:
        ParameterError: naming the parameter unless ``lo <= value <= hi``.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ParameterError(f"{name}={value!r} must be a whole number from {lo} to {hi}")
    return value
