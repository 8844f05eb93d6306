"""From an executed notebook to the reader's page: HTML with nbconvert and the house template, and the A4
PDF with WeasyPrint (deterministic: no dates, no random ids)."""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bilateral.build.jobs import Job
from bilateral.build.settings import CSS_FILE, MISSING_ALT, TEMPLATES_DIR, Layout
from bilateral.glossary import GLOSSARY_PAGE
from bilateral.pages import without_local_links


def _format_value(value: Any) -> str:
    return repr(list(value)) if isinstance(value, tuple) else repr(value)


def page_info(job: Job, inputs: str, layout: Layout) -> dict[str, Any]:
    """The header of a report page: title, parameters, data vintages, inputs identifier, links."""
    from bilateral.catalog import SOURCES

    info = job.info
    params = []
    for name, value in job.parameters.items():
        default = info.defaults.get(name)
        changed = name in job.changed
        params.append(
            {"name": name, "value": _format_value(value), "default": _format_value(default), "changed": changed}
        )
    sources = []
    for key in info.sources:
        src = SOURCES.get(key)
        sources.append(
            {"short": src.short, "vintage": src.vintage} if src else {"short": key, "vintage": "unknown source key"}
        )
    return {
        "title": info.title,
        "summary": info.summary,
        "parameters": params,
        "sources": sources,
        "inputs": inputs,
        "notebook": f"notebooks/{info.path.name}",
        "index_href": "../index.html" if job.variant else "index.html",
        "glossary_href": f"{'../' if job.variant else ''}{GLOSSARY_PAGE}",
        "pdf_href": "" if job.html_only else f"{job.stem}.pdf",
        "data_href": f"{job.stem}-data/",
        "css": CSS_FILE.read_text(encoding="utf-8"),
        "missing_alt": MISSING_ALT,
        "title_in_notebook": False,
    }


def _check_outputs(nb) -> list[str]:
    """Warnings about outputs the contract forbids: stderr text (warnings) and images without alt text."""
    notes = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                notes.append(f"cell {i + 1} writes to stderr (a warning?): {out.get('text', '').strip()[:120]!r}")
            data = out.get("data", {})
            if any(k.startswith("image/") for k in data) and not out.get("metadata", {}).get("alt"):
                notes.append(f"cell {i + 1} shows an image without alt text (use bilateral.figures.show)")
    return notes


def _title_in_notebook(nb) -> bool:
    """Whether the first Markdown cell opens with an H1 (else the page template writes the title)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            return cell.source.lstrip().startswith("# ")
    return False


def render_html(nb, header: Mapping[str, Any]) -> str:
    """Render an executed notebook to a self-contained HTML page (code hidden)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    nb = _strip_for_render(nb)
    header = dict(header)
    header["title_in_notebook"] = _title_in_notebook(nb)
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell", "remove_cell"}
    config.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output", "remove_output"}
    exporter = HTMLExporter(
        config=config,
        template_name="bilateral",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    exporter.display_data_priority = [
        "text/html",
        "text/markdown",
        "image/svg+xml",
        "image/png",
        "image/jpeg",
        "text/latex",
        "text/plain",
    ]
    body, _ = exporter.from_notebook_node(nb, resources={"bilateral": header})
    return body


def _strip_for_render(nb):
    """A copy of the notebook without papermill's bookkeeping (nothing time-dependent reaches the page)."""
    import copy

    nb = copy.deepcopy(nb)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    return nb


def _pdf_stylesheet():
    """Fonts for the PDF: the DejaVu family shipped with matplotlib, so ə ş ğ ı print on any machine."""
    import matplotlib
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    faces = [
        ("DejaVuSans.ttf", "normal", "normal"),
        ("DejaVuSans-Bold.ttf", "bold", "normal"),
        ("DejaVuSans-Oblique.ttf", "normal", "italic"),
        ("DejaVuSans-BoldOblique.ttf", "bold", "italic"),
    ]
    rules = [
        f'@font-face {{ font-family: "Report Sans"; src: url("{(ttf / f).as_uri()}"); font-weight: {w}; font-style: {s}; }}'
        for f, w, s in faces
    ]
    rules.append(f'@font-face {{ font-family: "Report Mono"; src: url("{(ttf / "DejaVuSansMono.ttf").as_uri()}"); }}')
    # the charts' SVG text asks for "DejaVu Sans": the same files, so print never depends on the system's fonts
    rules += [
        f'@font-face {{ font-family: "DejaVu Sans"; src: url("{(ttf / f).as_uri()}"); font-weight: {w}; font-style: {s}; }}'
        for f, w, s in faces
    ]
    rules.append(
        'html, body { font-family: "Report Sans", "DejaVu Sans", sans-serif; } code, pre { font-family: "Report Mono", monospace; }'
    )
    fonts = FontConfiguration()
    return CSS(string="\n".join(rules), font_config=fonts), fonts


def _quiet_harfbuzz(record) -> bool:
    """Drop WeasyPrint's notice that it subsets fonts with fontTools (it works, and deterministically)."""
    return "HarfBuzz-Subset" not in record.getMessage()


def render_pdf(page: str, base_dir: Path) -> bytes:
    """Print the HTML page to an A4 PDF with WeasyPrint (deterministic: no dates, no random ids)."""
    import logging
    import warnings

    logging.getLogger("weasyprint").addFilter(_quiet_harfbuzz)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        from weasyprint import HTML

    css, fonts = _pdf_stylesheet()
    # fontTools stamps the current time into each embedded font subset unless SOURCE_DATE_EPOCH is set
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    # WeasyPrint's layout makes millions of short-lived objects and little cyclic garbage: Python's cyclic
    # collector ran 300-700 times per report for 14-18% of the time and freed next to nothing, so it is
    # paused while the page is printed (the build worker collects once afterwards)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return HTML(string=without_local_links(page), base_url=str(base_dir) + "/").write_pdf(
            stylesheets=[css], font_config=fonts, pdf_identifier=False
        )
    finally:
        if collecting:
            gc.enable()
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
