"""Exceptions with messages that name what went wrong and where."""

from __future__ import annotations


class BilateralError(Exception):
    """Base class for the project's own errors."""


class RawDataError(BilateralError):
    """A raw source file is missing, or has a missing column, an unparsable value or an unknown name."""


class MissingSourcesError(RawDataError):
    """One or more raw source folders or files are absent."""


class ParameterError(BilateralError, ValueError):
    """A notebook parameter is unknown or has a value that is not allowed."""


class BuildError(BilateralError):
    """A report failed to build."""
