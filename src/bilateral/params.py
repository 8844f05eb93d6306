"""Validation of notebook parameters, run before any heavy work.

A notebook's ``parameters`` cell holds plain literals: it is the notebook's public interface and the
only place where a parameter and its default are declared. The first code cell after it calls
:func:`from_notebook`, which reads that cell back (from the kernel's input history), refuses a name
that papermill injected but the cell does not declare (papermill itself only warns), checks every value
with :func:`validate` and returns a frozen :class:`Params`. The build command also calls
:func:`check_names` before it starts a kernel.

Comparators that coincide with the pair are left out, and :attr:`Params.note` says so in words for
the report. A :class:`~bilateral.errors.ParameterError` raised in a notebook is shown as one line
(the message naming the parameter), without a traceback: importing this module in an IPython kernel
installs a handler for it (:func:`install_one_line_errors`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilateral.countries import display_name, is_iso3
from bilateral.errors import ParameterError
from bilateral.fmt import join_and
from bilateral.fmt import years as years_text

#: The parameters every report notebook takes.
STANDARD = ("country_a", "country_b", "start_year", "end_year", "comparators")


@dataclass(frozen=True)
class Params:
    """Validated parameters of a report: the one context object that analysis, text and plot functions take
    for the pair, the names, the period and the comparators (``P.pair``, ``P.name_a``, ``P.period``, ...)."""

    country_a: str
    country_b: str
    start_year: int
    end_year: int
    comparators: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict)
    #: Codes left out of a list of comparators because they are one of the pair, by parameter name.
    dropped: dict[str, tuple[str, ...]] = field(default_factory=dict)

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

    @property
    def span(self) -> tuple[int, int]:
        """The period as an inclusive pair of years (the contract of :mod:`bilateral.periods`)."""
        return (self.start_year, self.end_year)

    @property
    def period(self) -> str:
        """The period as readers see it: ``"1995–2024"``, or ``"2020"`` for a single year."""
        return years_text(self.start_year, self.end_year)

    @property
    def note(self) -> str:
        """A sentence for the report when comparators were left out because they are one of the pair; "" otherwise."""
        codes = list(dict.fromkeys(c for dropped in self.dropped.values() for c in dropped))
        if not codes:
            return ""
        names = join_and(display_name(c) for c in codes)
        # at most two codes: comparators are distinct, and only the pair's own codes are left out
        what = (
            "is one of the two states this report is about, so it is"
            if len(codes) == 1
            else "are the two states this report is about, so they are"
        )
        return f"{names} {what} left out of the states they are compared with."

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


def _numeric_hint(value: Any) -> str:
    """For a numeric ISO 3166 code (``"031"``, or ``31`` once papermill has read ``-p country_a 031`` as a number):
    the value as typed and the alpha-3 code to use instead."""
    import pycountry

    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return ""
    digits = f"{value:03d}" if isinstance(value, int) else value.strip()
    if not (digits.isdigit() and len(digits) == 3):
        return ""
    country = pycountry.countries.get(numeric=digits)
    if country is None:
        return ""
    return (
        f"{digits} is the numeric ISO code of {display_name(country.alpha_3)}: use its alpha-3 code {country.alpha_3!r}"
    )


def _code(name: str, value: Any) -> str:
    if not isinstance(value, str) or not is_iso3(value):
        hint = _numeric_hint(value)
        if hint:
            shown = f"{value:03d}" if isinstance(value, int) else value
            raise ParameterError(f"{name}={shown}: {hint}")
        raise ParameterError(
            f"{name}={value!r} is not an ISO 3166 alpha-3 country code; use upper-case codes such as 'AZE', 'TUR', 'ARM', 'RUS'"
        )
    return value


def _codes(name: str, value: Any, pair: tuple[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Check a list of comparator codes; return ``(kept, dropped)``, where ``dropped`` are the pair's own codes."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ParameterError(f"{name}={value!r} must be a list of ISO3 codes, e.g. ['ARM', 'RUS']")
    codes = tuple(_code(f"{name}[{i}]", c) for i, c in enumerate(value))
    if len(set(codes)) != len(codes):
        raise ParameterError(f"{name}={list(codes)!r} lists a code twice; give each code once")
    return tuple(c for c in codes if c not in pair), tuple(c for c in codes if c in pair)


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
    codes, left_out = _codes("comparators", params["comparators"], (a, b))
    dropped = {"comparators": left_out} if left_out else {}
    values = {}
    for name, default in extra.items():
        value = params.get(name, default)
        if not _same_type(value, default):
            raise ParameterError(f"{name}={value!r} must be of type {type(default).__name__} (default {default!r})")
        if name.startswith("comparators_"):  # another list of comparators (e.g. trade's comparators_b): same rules
            value, out = _codes(name, value, (a, b))
            value = list(value)
            if out:
                dropped[name] = out
        values[name] = value
    return Params(a, b, start, end, codes, values, dropped)


# ---------------------------------------------------------------------------------------------
# Reading the declaration back from the notebook
# ---------------------------------------------------------------------------------------------

#: The first line of the cell papermill injects after the parameters cell (its default ``comment``).
INJECTED_MARK = "# Parameters"


def is_injected(source: str) -> bool:
    """Whether a cell's source is the one papermill injects (it starts with ``# Parameters``)."""
    return source.lstrip().startswith(INJECTED_MARK + "\n") or source.strip() == INJECTED_MARK


def _literals(source: str) -> dict[str, Any] | None:
    """The ``name = literal`` assignments of a cell, or None if it holds anything else."""
    from bilateral.build import parse_parameters  # the parser the build uses on the notebook file
    from bilateral.errors import BuildError

    try:
        return parse_parameters(source)
    except BuildError:
        return None


def find_cells(history: Sequence[str]) -> tuple[str, str | None]:
    """The latest parameters cell in a kernel's input history, and papermill's injected cell run after it.

    The parameters cell is the latest input that is only ``name = literal`` lines and declares every
    standard parameter, papermill's injected cell excepted.

    Raises:
        ParameterError: if no input looks like a parameters cell.
    """
    injected = None
    for source in reversed(list(history)):
        if not source or not source.strip():
            continue
        if is_injected(source):
            injected = injected if injected is not None else source
            continue
        values = _literals(source)
        if values is not None and all(name in values for name in STANDARD):
            return source, injected
    raise ParameterError(
        f"run the parameters cell first: no cell run so far assigns all of {', '.join(STANDARD)} as plain literals "
        f"(the parameters cell must keep these names)"
    )


def _history() -> list[str]:
    """The inputs run so far in this IPython kernel, oldest first (empty outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return []
    shell = get_ipython()
    if shell is None:
        return []
    return list(shell.history_manager.input_hist_raw)


def from_notebook(
    namespace: Mapping[str, Any],
    *,
    years: tuple[int, int],
    parameters_cell: str | None = None,
    injected_cell: str | None = None,
) -> Params:
    """Validate a notebook's parameters as its own ``parameters`` cell declares them.

    Names and defaults are read from the parameters cell (by default the latest one run in this
    kernel); values from ``namespace`` (the notebook's ``globals()``). A name that papermill injected
    but the parameters cell does not declare is refused, as the project's build command refuses it.

    Args:
        namespace: the notebook's globals.
        years: the first and last year the report's data cover.
        parameters_cell, injected_cell: the sources of the two cells (read from the kernel's input
            history when not given; for tests).

    Raises:
        ParameterError: naming the parameter and saying what to change.
    """
    if parameters_cell is None:
        parameters_cell, injected_cell = find_cells(_history())
    defaults = _literals(parameters_cell)
    if defaults is None:
        raise ParameterError("the parameters cell may hold only `name = literal` lines")
    if injected_cell:
        injected = _literals(injected_cell) or {}
        check_names(injected, defaults)
    values = {name: namespace[name] for name in defaults if name in namespace}
    extra = {name: value for name, value in defaults.items() if name not in STANDARD}
    return validate(values, years=years, extra=extra)


# ---------------------------------------------------------------------------------------------
# One-line parameter errors in a notebook
# ---------------------------------------------------------------------------------------------


def one_line(etype: type, value: BaseException) -> list[str]:
    """The whole traceback shown for a parameter error: one line naming the parameter."""
    return [f"{etype.__name__}: {value}"]


def install_one_line_errors() -> bool:
    """Show a :class:`ParameterError` raised in this IPython kernel as one line, without a traceback.

    Returns:
        True if a handler is installed (inside IPython), False otherwise.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return False
    shell = get_ipython()
    if shell is None:
        return False

    def handler(shell, etype, value, tb, tb_offset=None):
        stb = one_line(etype, value)
        shell._showtraceback(etype, value, stb)
        return stb

    shell.set_custom_exc((ParameterError,), handler)
    return True


install_one_line_errors()


def notebook_defaults(stem: str) -> dict[str, Any]:
    """The default parameters another report declares in its notebook's parameters cell (``"overview"``)."""
    from bilateral.build import read_notebook
    from bilateral.paths import NOTEBOOKS_DIR

    return read_notebook(NOTEBOOKS_DIR / f"{stem}.ipynb").defaults
