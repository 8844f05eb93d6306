"""Validation of notebook parameters, run before any heavy work.

A notebook's ``parameters`` cell holds plain literals (its public API). The first code cell
after it calls :func:`validate`, which checks every value and returns a frozen
:class:`Params`. The build command also calls :func:`check_names` so that a misspelt
parameter name is refused instead of being silently ignored (papermill only warns).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bilateral.countries import display_name, is_iso3
from bilateral.errors import ParameterError

#: The parameters every report notebook takes.
STANDARD = ("country_a", "country_b", "start_year", "end_year", "comparators")


@dataclass(frozen=True)
class Params:
    """Validated parameters of a report."""

    country_a: str
    country_b: str
    start_year: int
    end_year: int
    comparators: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pair(self) -> tuple[str, str]:
        return (self.country_a, self.country_b)

    @property
    def name_a(self) -> str:
        return display_name(self.country_a)

    @property
    def name_b(self) -> str:
        return display_name(self.country_b)

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    def describe(self) -> str:
        """One line for the report header."""
        comps = ", ".join(self.comparators) or "none"
        return f"{self.country_a}–{self.country_b}, {self.start_year}–{self.end_year}; comparators: {comps}"


def check_names(given: Iterable[str], declared: Iterable[str]) -> None:
    """Refuse parameter names that the notebook does not declare.

    Raises:
        ParameterError: naming the unknown parameter(s) and listing the allowed ones.
    """
    declared = list(declared)
    unknown = [name for name in given if name not in declared]
    if unknown:
        raise ParameterError(
            f"unknown parameter(s) {', '.join(map(repr, unknown))}; this notebook takes: {', '.join(declared)}"
        )


def _code(name: str, value: Any) -> str:
    if not isinstance(value, str) or not is_iso3(value):
        raise ParameterError(
            f"{name}={value!r} is not an ISO 3166 alpha-3 country code; use upper-case codes such as 'AZE', 'TUR', 'ARM', 'RUS'"
        )
    return value


def _year(name: str, value: Any, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParameterError(f"{name}={value!r} must be a whole year such as {lo}")
    if not lo <= value <= hi:
        raise ParameterError(f"{name}={value} is outside the years the data cover for this report ({lo}–{hi})")
    return value


def _same_type(value: Any, default: Any) -> bool:
    """Whether ``value`` may replace ``default``: same type, an int for a float, never a bool for a number."""
    if default is None:
        return True
    if isinstance(value, bool) != isinstance(default, bool):
        return False
    if isinstance(default, float) and isinstance(value, int):
        return True
    return isinstance(value, type(default))


def validate(params: Mapping[str, Any], *, years: tuple[int, int], extra: Mapping[str, Any] | None = None) -> Params:
    """Check a notebook's parameters and return them as :class:`Params`.

    Args:
        params: the standard parameters (``country_a``, ``country_b``, ``start_year``, ``end_year``,
            ``comparators``); any other key must be declared in ``extra``.
        years: the first and last year the report's data cover; the period must fall inside.
        extra: notebook-specific parameters with their default values; a value given for one of
            them must have the default's type.

    Raises:
        ParameterError: naming the parameter and saying what is allowed.
    """
    extra = dict(extra or {})
    check_names(params, list(STANDARD) + list(extra))
    missing = [name for name in STANDARD if name not in params]
    if missing:
        raise ParameterError(f"missing parameter(s) {', '.join(missing)}; every report takes {', '.join(STANDARD)}")
    a = _code("country_a", params["country_a"])
    b = _code("country_b", params["country_b"])
    if a == b:
        raise ParameterError(f"country_a and country_b are both {a!r}; choose two different states")
    lo, hi = years
    start = _year("start_year", params["start_year"], lo, hi)
    end = _year("end_year", params["end_year"], lo, hi)
    if start > end:
        raise ParameterError(f"start_year={start} is after end_year={end}; the period must run forwards")
    comps = params["comparators"]
    if isinstance(comps, str) or not isinstance(comps, (list, tuple)):
        raise ParameterError(f"comparators={comps!r} must be a list of ISO3 codes, e.g. ['ARM', 'RUS']")
    codes = tuple(_code(f"comparators[{i}]", c) for i, c in enumerate(comps))
    if len(set(codes)) != len(codes):
        raise ParameterError(f"comparators={list(codes)!r} lists a code twice")
    clash = [c for c in codes if c in (a, b)]
    if clash:
        raise ParameterError(f"comparators={list(codes)!r} includes {clash[0]!r}, which is already country_a or country_b")
    values = {}
    for name, default in extra.items():
        value = params.get(name, default)
        if not _same_type(value, default):
            raise ParameterError(f"{name}={value!r} must be of type {type(default).__name__} (default {default!r})")
        values[name] = value
    return Params(a, b, start, end, codes, values)
