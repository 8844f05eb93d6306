"""The suite's own pages: the landing page (``index.html``), the glossary, and the index of variants."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bilateral import glossary, landing
from bilateral.build.execute import Result
from bilateral.build.jobs import Job, _atomic_write
from bilateral.build.notebooks import find_notebooks, read_notebook
from bilateral.build.render import _format_value
from bilateral.build.settings import CSS_FILE, TEMPLATES_DIR, VARIANTS_SUMMARY, Layout
from bilateral.glossary import GLOSSARY_PAGE
from bilateral.pages import suite_menu


def read_meta(html_path: Path, name: str) -> str:
    """The content of a report page's ``<meta name="bilateral-<name>">`` ('' when absent)."""
    with html_path.open("rb") as fh:
        head = fh.read(16384).decode("utf-8", "replace")
    tag = re.search(rf'<meta[^>]*name="bilateral-{re.escape(name)}"[^>]*>', head)
    value = re.search(r'content="([^"]*)"', tag.group(0)) if tag else None
    return html.unescape(value.group(1)) if value else ""


def read_inputs_id(html_path: Path) -> str:
    """The inputs identifier recorded in a report page (``<meta name="bilateral-build-inputs">``)."""
    return read_meta(html_path, "build-inputs") or "unknown"


def render_index(layout: Layout) -> str:
    """The landing page: the question and the overview's takeaways, the reports in reading order with their
    published findings (other notebooks after them), build details at the end (see :mod:`bilateral.landing`)."""
    from bilateral.catalog import SOURCES

    entries = []
    for path in find_notebooks(layout.notebooks):
        html_path = layout.reports / f"{path.stem}.html"
        if not html_path.is_file():
            continue
        info = read_notebook(path)
        sources = [
            {"short": SOURCES[k].short, "vintage": SOURCES[k].vintage}
            if k in SOURCES
            else {"short": k, "vintage": "unknown source key"}
            for k in info.sources
        ]
        entries.append(
            landing.entry(
                path.stem,
                info.title,
                info.summary,
                layout.reports,
                f"notebooks/{path.name}",
                read_inputs_id(html_path),
                info.defaults,
                sources,
            )
        )
    return landing.landing_html(
        entries, layout.reports, css=CSS_FILE.read_text(encoding="utf-8"), templates_dir=TEMPLATES_DIR / "bilateral"
    )


def render_glossary() -> str:
    """The suite's glossary page (``reports/glossary.html``), from ``assets/glossary.md``."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR / "bilateral")), autoescape=False)
    body = glossary.glossary_body(glossary.load())
    return env.get_template("glossary.html.j2").render(
        title="Glossary",
        summary="The terms the reports use, explained.",
        css=CSS_FILE.read_text(encoding="utf-8"),
        menu=suite_menu("glossary"),
        body=body,
    )


def write_glossary(layout: Layout) -> bool:
    """Rewrite ``reports/glossary.html`` if its content changed; return whether it was written."""
    data = render_glossary().encode("utf-8")
    path = layout.reports / GLOSSARY_PAGE
    if path.is_file() and path.read_bytes() == data:
        return False
    layout.reports.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, data)
    return True


def write_index(layout: Layout) -> bool:
    """Rewrite ``reports/index.html`` if its content changed; return whether it was written."""
    data = render_index(layout).encode("utf-8")
    path = layout.reports / "index.html"
    if path.is_file() and path.read_bytes() == data:
        return False
    _atomic_write(path, data)
    return True


def _variant_entries(layout: Layout, todo: Sequence[Job], results: Sequence[Result]) -> list[dict[str, Any]]:
    """The manifest's entries: the previous ones whose page still exists, updated with this build's outcomes."""
    folder = layout.reports / "variants"
    manifest = folder / "variants.json"
    try:
        entries = {e["stem"]: e for e in json.loads(manifest.read_text(encoding="utf-8"))["variants"]}
    except (OSError, ValueError, KeyError, TypeError):
        entries = {}
    outcome = {r.stem: r for r in results}
    for job in todo:
        if not job.variant:
            continue
        r = outcome.get(job.stem)
        entries[job.stem] = {
            "stem": job.stem,
            "notebook": job.info.name,
            "title": job.info.title,
            "pair": job.pair
            or f"{job.parameters.get('country_a', '')}-{job.parameters.get('country_b', '')}".strip("-"),
            "parameters": {k: _format_value(v) for k, v in sorted(job.changed.items())},
            "ok": bool(r and r.ok),
            "error": "" if r is None or r.ok else r.message,
        }
    out = []
    for stem, entry in sorted(
        entries.items(), key=lambda kv: (kv[1].get("notebook", ""), kv[1].get("pair", ""), kv[0])
    ):
        html_path = folder / f"{stem}.html"
        exists = html_path.is_file()
        if not exists and entry.get("ok", True):
            continue  # removed by hand: forget it
        entry = dict(entry)
        entry["html_href"] = f"{stem}.html" if exists else ""
        entry["pdf_href"] = f"{stem}.pdf" if (folder / f"{stem}.pdf").is_file() else ""
        entry["inputs"] = read_inputs_id(html_path) if exists else ""
        out.append(entry)
    return out


def write_variants_index(layout: Layout, todo: Sequence[Job] = (), results: Sequence[Result] = ()) -> bool:
    """Rewrite ``reports/variants/variants.json`` and ``index.html``: every variant report in the folder
    with its parameters, links and the outcome of its last build (a failed one keeps its earlier page,
    if any). Returns whether anything changed."""
    import jinja2

    folder = layout.reports / "variants"
    entries = _variant_entries(layout, todo, results)
    data = (json.dumps({"variants": entries}, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR / "bilateral")), autoescape=False)
    page = (
        env.get_template("variants.html.j2")
        .render(
            title="Report variants",
            summary=VARIANTS_SUMMARY,
            css=CSS_FILE.read_text(encoding="utf-8"),
            variants=entries,
        )
        .encode("utf-8")
    )
    changed = False
    for path, content in ((folder / "variants.json", data), (folder / "index.html", page)):
        if not (path.is_file() and path.read_bytes() == content):
            _atomic_write(path, content)
            changed = True
    return changed
