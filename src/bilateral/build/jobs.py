"""What to build and whether it must be built: jobs (a notebook with parameters), variant names, the
inputs hash that identifies a build (:func:`inputs_id`), stamps, and ``--pairs`` lists."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilateral.build.notebooks import NotebookInfo
from bilateral.build.settings import ENGINE_VERSION, INPUTS_ID_LENGTH, Layout
from bilateral.errors import ParameterError


def _value_slug(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        text = "+".join(_value_slug(v) for v in value) or "none"
    elif isinstance(value, str):
        text = value
    else:
        text = repr(value)
    return re.sub(r"[^A-Za-z0-9.+]+", "_", text).strip("_") or "_"


def variant_stem(name: str, changed: Mapping[str, Any]) -> str:
    """Output name of a report with non-default parameters, e.g. ``trade__country_a-GEO__start_year-2000``."""
    parts = [f"{key}-{_value_slug(changed[key])}" for key in sorted(changed)]
    return "__".join([name, *parts])


@dataclass(frozen=True)
class Job:
    """One report to build: a notebook with its parameters."""

    info: NotebookInfo
    overrides: dict[str, Any]
    html_only: bool = False
    pair: str = ""

    @property
    def parameters(self) -> dict[str, Any]:
        return {**self.info.defaults, **self.overrides}

    @property
    def changed(self) -> dict[str, Any]:
        """Parameters given with a value other than the notebook's default."""
        return {k: v for k, v in self.overrides.items() if self.info.defaults.get(k, object()) != v}

    @property
    def variant(self) -> bool:
        return bool(self.changed)

    @property
    def stem(self) -> str:
        return variant_stem(self.info.name, self.changed) if self.variant else self.info.name

    def out_dir(self, layout: Layout) -> Path:
        return layout.reports / "variants" if self.variant else layout.reports


def _hash_files(files: Iterable[Path], root: Path, digest: hashlib._Hash) -> None:
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shared_parts(layout: Layout) -> dict[str, str]:
    """Hashes of the inputs every report shares: ``src/`` (without caches), ``data/processed/``, the lock file."""
    src = hashlib.sha256(ENGINE_VERSION.encode())
    _hash_files(
        sorted(
            p
            for p in layout.src.rglob("*")
            if p.is_file()
            and "__pycache__" not in p.parts
            and p.suffix not in (".pyc", ".pyo")
            and not p.name.startswith(".")
        ),
        layout.src,
        src,
    )
    data = hashlib.sha256()
    if layout.data.is_dir():
        _hash_files(sorted(p for p in layout.data.rglob("*") if p.is_file()), layout.data, data)
    lock = _sha(layout.lock_file.read_bytes()) if layout.lock_file.is_file() else ""
    return {"src": src.hexdigest(), "data": data.hexdigest(), "lock": lock}


def shared_digest(layout: Layout) -> str:
    """One hash of :func:`shared_parts`."""
    return _sha(json.dumps(shared_parts(layout), sort_keys=True).encode())


def job_parts(job: Job) -> dict[str, str]:
    """Hashes of the inputs of one report besides the shared ones: its notebook file and its parameters."""
    return {
        "notebook": _sha(job.info.path.read_bytes()),
        "parameters": _sha(json.dumps(job.parameters, sort_keys=True, default=repr).encode()),
    }


def job_digest(job: Job, shared: str) -> str:
    """One hash of everything a report depends on (``shared`` from :func:`shared_digest`)."""
    return _sha(json.dumps({"shared": shared, **job_parts(job)}, sort_keys=True).encode())


def inputs_id(job: Job, shared: str) -> str:
    """The identifier a report page shows and records: the start of :func:`job_digest`.

    It depends only on the files (notebook, ``src/``, ``data/processed/``, lock file) and the
    parameters, never on the commit or the clone, so a report built from a fresh clone is byte-identical
    to the committed one, and a test can tell whether the committed reports are current by hashing the tree.
    """
    return job_digest(job, shared)[:INPUTS_ID_LENGTH]


def _stamp_path(job: Job, layout: Layout) -> Path:
    return layout.stamps / ("variants" if job.variant else "") / f"{job.stem}.json"


_INPUT_NAMES = {
    "src": "src/",
    "data": "data/processed/",
    "lock": "requirements.lock",
    "notebook": "the notebook",
    "parameters": "the parameters",
}


def stale_reasons(job: Job, parts: Mapping[str, str], layout: Layout) -> list[str]:
    """Why a report must be rebuilt (empty when it is up to date): changed inputs or missing outputs.

    ``parts`` maps ``src``, ``data``, ``lock``, ``notebook`` and ``parameters`` to their hashes.
    """
    try:
        stamp = json.loads(_stamp_path(job, layout).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ["not built before"]
    old = stamp.get("parts", {})
    reasons = [f"{_INPUT_NAMES.get(k, k)} changed" for k in parts if old.get(k) != parts[k]]
    out = job.out_dir(layout)
    if not (out / f"{job.stem}.html").is_file():
        reasons.append("the HTML is missing")
    if not job.html_only and not (stamp.get("pdf") and (out / f"{job.stem}.pdf").is_file()):
        reasons.append("the PDF is missing")
    return reasons


def is_up_to_date(job: Job, parts: Mapping[str, str], layout: Layout) -> bool:
    """True when the stamp matches every input's hash and the outputs are all there."""
    return not stale_reasons(job, parts, layout)


def _write_stamp(job: Job, parts: Mapping[str, str], layout: Layout, pdf: bool) -> None:
    path = _stamp_path(job, layout)
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, json.dumps({"parts": dict(parts), "pdf": pdf}, indent=1, sort_keys=True).encode())


_PAIR = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")


def parse_pairs(text: str, where: str = "--pairs") -> list[tuple[str, str]]:
    """``"AZE-TUR, arm-rus"`` -> ``[("AZE", "TUR"), ("ARM", "RUS")]`` (upper-cased, duplicates dropped, order kept).

    Raises:
        ParameterError: naming the item that is not two three-letter codes joined by a hyphen.
    """
    pairs: list[tuple[str, str]] = []
    for item in (t.strip() for t in text.replace("\n", ",").split(",")):
        if not item:
            continue
        match = _PAIR.match(item)
        if not match:
            raise ParameterError(
                f"{where}: {item!r} is not a pair; write two ISO3 codes joined by a hyphen, e.g. AZE-TUR"
            )
        pair = (match.group(1).upper(), match.group(2).upper())
        if pair not in pairs:
            pairs.append(pair)
    return pairs


def read_pairs_file(path: Path) -> list[tuple[str, str]]:
    """Pairs from a grid file: one ``AAA-BBB`` per line (or several, comma-separated); ``#`` starts a comment.

    Raises:
        ParameterError: for a missing file or a line that is not a pair (named with its line number).
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ParameterError(f"--pairs-file {path}: cannot read it: {exc.strerror or exc}") from None
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(lines, 1):
        for pair in parse_pairs(line.split("#", 1)[0], where=f"{path}, line {number}"):
            if pair not in pairs:
                pairs.append(pair)
    if not pairs:
        raise ParameterError(f"--pairs-file {path}: no pair in it; write one pair per line, e.g. AZE-TUR")
    return pairs


def _atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
