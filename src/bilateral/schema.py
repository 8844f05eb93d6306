"""Table metadata as code: one definition per table drives validation, writing and documentation.

A :class:`Table` lists its fields (name, type, unit, meaning, constraints), its primary key and
its sources. From it come the pandera schema that validates the table when it is written and
when it is read, the deterministic CSV writer, and the table's entry in ``datapackage.json``.
"""

from __future__ import annotations

import gzip
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from bilateral.errors import BilateralError

ISO3_PATTERN = r"^[A-Z]{3}$"
_PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean", "date": "string"}


class TableValidationError(BilateralError):
    """A table does not match its declared schema."""


@dataclass(frozen=True)
class Field:
    """One column of a published table.

    Attributes:
        name: column name; units go in the name where there is one (``value_usd_m``).
        type: Frictionless type: ``string``, ``integer``, ``number``, ``boolean`` or ``date``.
        description: what the value means, in a sentence.
        unit: the unit, spelled out (``"US$ million, current prices"``), or None.
        required: False when missing values are allowed.
        enum: the allowed values, if closed.
        minimum, maximum: bounds for numbers.
        pattern: a regular expression strings must match (ISO3 codes use ``ISO3_PATTERN``).
    """

    name: str
    type: str
    description: str
    unit: str | None = None
    required: bool = True
    enum: tuple[Any, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None

    def frictionless(self) -> dict[str, Any]:
        """This field as a Frictionless Table Schema field descriptor."""
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.unit:
            out["unit"] = self.unit
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            out["constraints"] = constraints
        return out


def iso3(name: str, description: str, *, required: bool = True) -> Field:
    """A field holding an ISO 3166 alpha-3 code (``WLD`` stands for the world)."""
    return Field(name, "string", description, required=required, pattern=ISO3_PATTERN)


def year(name: str = "year", description: str = "Calendar year.", *, required: bool = True) -> Field:
    """A calendar-year field."""
    return Field(name, "integer", description, required=required, minimum=1900, maximum=2100)


@dataclass(frozen=True)
class Table:
    """A published table of ``data/processed/``.

    Attributes:
        name: the table's name (file stem), e.g. ``arms_transfers``.
        title: a short human title.
        description: what one row is and what the table covers.
        sources: keys of :data:`bilateral.catalog.SOURCES` the table derives from.
        fields: the columns, in order.
        primary_key: columns that identify a row (checked for uniqueness).
        compressed: write as ``.csv.gz`` (deterministic gzip, no timestamp).
        warnings: usage warnings shown in the datapackage and the reports.
    """

    name: str
    title: str
    description: str
    sources: tuple[str, ...]
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    compressed: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv.gz" if self.compressed else f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def dtypes(self) -> dict[str, str]:
        """pandas dtypes to read the CSV with."""
        return {f.name: _PANDAS_DTYPES[f.type] for f in self.fields}

    def pandera_schema(self):
        """The pandera schema that every read and write of this table must pass."""
        import pandera.pandas as pa

        columns = {}
        for f in self.fields:
            checks = []
            if f.enum is not None:
                checks.append(pa.Check.isin(list(f.enum)))
            if f.minimum is not None:
                checks.append(pa.Check.ge(f.minimum))
            if f.maximum is not None:
                checks.append(pa.Check.le(f.maximum))
            if f.pattern:
                checks.append(pa.Check.str_matches(f.pattern))
            if f.type == "date":
                checks.append(pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$"))
            columns[f.name] = pa.Column(_PANDAS_DTYPES[f.type], checks=checks, nullable=not f.required, coerce=True)
        return pa.DataFrameSchema(
            columns,
            strict=True,
            ordered=True,
            unique=list(self.primary_key) or None,
            name=self.name,
        )

    def validate(self, df: pd.DataFrame, *, where: str) -> pd.DataFrame:
        """Validate ``df`` against the schema; raise :class:`TableValidationError` naming table, column and rows."""
        import pandera.errors

        try:
            return self.pandera_schema().validate(df, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            lines = []
            for _, case in cases.head(10).iterrows():
                lines.append(
                    f"  column {case.get('column')!r}, row {case.get('index')}: {case.get('check')} (value {case.get('failure_case')!r})"
                )
            more = f"\n  … and {len(cases) - 10} more" if len(cases) > 10 else ""
            raise TableValidationError(
                f"table {self.name!r} ({where}) does not match its schema:\n" + "\n".join(lines) + more
            ) from None

    def to_bytes(self, df: pd.DataFrame) -> bytes:
        """Serialise deterministically: columns in declared order, rows sorted by the primary key."""
        out = df[self.columns]
        if self.primary_key:
            out = out.sort_values(list(self.primary_key), kind="mergesort")
        buffer = io.StringIO()
        out.to_csv(buffer, index=False, lineterminator="\n")
        data = buffer.getvalue().encode("utf-8")
        return gzip.compress(data, compresslevel=9, mtime=0) if self.compressed else data

    def read(self, folder: Path) -> pd.DataFrame:
        """Read the table from ``folder`` with the declared dtypes (no validation)."""
        path = folder / self.filename
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: run `make data` to build the processed tables")
        df = pd.read_csv(path, dtype=self.dtypes(), keep_default_na=False, na_values=[""])
        return df

    @classmethod
    def from_resource(cls, res: Mapping[str, Any]) -> Table:
        """The table a ``datapackage.json`` entry describes (the inverse of :meth:`resource`).

        The read side (:mod:`bilateral.data`) takes each table's schema from the committed data package
        this way, so that reading a table never imports the code that builds it from the raw sources.
        """
        fields = []
        for f in res["schema"]["fields"]:
            c = f.get("constraints", {})
            fields.append(
                Field(
                    f["name"],
                    f["type"],
                    f["description"],
                    unit=f.get("unit"),
                    required=bool(c.get("required", False)),
                    enum=tuple(c["enum"]) if "enum" in c else None,
                    minimum=c.get("minimum"),
                    maximum=c.get("maximum"),
                    pattern=c.get("pattern"),
                )
            )
        return cls(
            name=res["name"].replace("-", "_"),
            title=res["title"],
            description=res["description"],
            sources=tuple(lic["name"] for lic in res.get("licenses", ())),
            fields=tuple(fields),
            primary_key=tuple(res["schema"].get("primaryKey", ())),
            compressed=res.get("compression") == "gz",
            warnings=tuple(res.get("usage_warnings", ())),
        )

    def resource(self, sources: dict[str, Any], data: bytes) -> dict[str, Any]:
        """This table's entry in ``datapackage.json``."""
        res: dict[str, Any] = {
            "name": self.name.replace("_", "-"),
            "path": self.filename,
            "title": self.title,
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "schema": {"fields": [f.frictionless() for f in self.fields]},
            "sources": [sources[k].frictionless() for k in self.sources],
            "licenses": [lic for k in self.sources for lic in [sources[k].licence_descriptor()]],
        }
        if self.compressed:
            res["compression"] = "gz"
        if self.primary_key:
            res["schema"]["primaryKey"] = list(self.primary_key)
        if self.warnings:
            res["usage_warnings"] = list(self.warnings)
        return res
