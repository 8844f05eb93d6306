"""Build the reports: notebooks → executed notebooks → offline HTML, A4 PDF, figure data, index page.

``python -m bilateral.cli build`` (``make reports``) runs :func:`build`. For each notebook in
``notebooks/`` (or the ones named) it

1. reads the ``parameters``-tagged cell and refuses unknown ``-p`` names
   (:func:`bilateral.params.check_names`) before anything runs;
2. skips the report when a stamp under ``build/stamps/`` says that nothing it depends on has
   changed (the notebook, every file under ``src/``, ``data/processed/``, the parameters and
   ``requirements.lock`` are hashed) — this path imports nothing heavy and takes well under a second;
3. executes the notebook with papermill into ``build/executed/`` (a failed one is kept in
   ``build/failed/``), with ``notebooks/`` as working directory and the figure data written to a
   scratch folder;
4. renders HTML with nbconvert and the template in ``templates/bilateral/``: code hidden, images
   embedded as ``data:`` URIs, the stylesheet inline, no scripts; a header gives the parameters,
   the data vintages and the build's inputs identifier (:func:`inputs_id`: a short hash of
   everything the report depends on, so that the same inputs always give the same page, whatever
   commit or clone builds it);
5. prints the HTML to an A4 PDF with WeasyPrint;
6. moves everything into ``reports/`` with atomic renames, so a failed build never leaves a
   half-written report, and rewrites ``reports/index.html``.

Reports with non-default parameters go to ``reports/variants/`` under a name made of their
parameters (see :func:`variant_stem`), so the committed default reports are never overwritten;
``reports/variants/index.html`` (and ``variants.json``) list them. ``pairs=`` builds one notebook for
many country pairs in the same pool (``bilateral build trade --pairs AZE-TUR,ARM-RUS``); a pair that
fails is reported and the others still build. Reports build in parallel (a process pool, one kernel
per worker, reused from report to report); a lock file makes a second concurrent build wait. Output is deterministic: no timestamps or random ids anywhere, so two builds
from the same inputs give byte-identical HTML and PDF files (and ``make reports`` on a fresh clone
leaves ``git status`` clean). While the workers start, the build validates and caches every
processed table once (:func:`bilateral.data.warm_share`, in short-lived processes sharing the tables
out by size), so the kernels read binary copies; a kernel that needs a table still being cached waits for
its copy.

PDF engine: WeasyPrint (pure Python, from PyPI, using the system's Pango) is the default because it
needs no manual step and gives deterministic files. The alternative is headless Chromium, e.g.
``chromium --headless --no-pdf-header-footer --print-to-pdf=reports/x.pdf reports/x.html``: it
honours the same print stylesheet (``@page`` size A4), but it must be installed separately and
stamps a creation date into the PDF, so its files are not byte-reproducible.

The package's modules, in the order a build uses them: :mod:`~bilateral.build.settings` (paths, names),
:mod:`~bilateral.build.notebooks` (reading notebooks), :mod:`~bilateral.build.jobs` (what to build, the
inputs hash, stamps), :mod:`~bilateral.build.execute` (running one job), :mod:`~bilateral.build.render`
(HTML and PDF), :mod:`~bilateral.build.pages` (index, glossary, variants) and
:mod:`~bilateral.build.runner` (the whole build). The names below are the package's public interface.
"""

from bilateral.build.execute import NotebookFailed, Result, ensure_kernel, execute, publish, run_job
from bilateral.build.jobs import (
    Job,
    _write_stamp,
    inputs_id,
    is_up_to_date,
    job_digest,
    job_parts,
    parse_pairs,
    read_pairs_file,
    shared_digest,
    shared_parts,
    stale_reasons,
    variant_stem,
)
from bilateral.build.notebooks import NotebookInfo, find_notebooks, parse_parameters, read_notebook
from bilateral.build.pages import (
    read_inputs_id,
    read_meta,
    render_glossary,
    render_index,
    write_glossary,
    write_index,
    write_variants_index,
)
from bilateral.build.render import page_info, render_html, render_pdf
from bilateral.build.runner import BuildLock, BuildReport, build, plan, summarise
from bilateral.build.settings import (
    CELL_TIMEOUT,
    CSS_FILE,
    ENGINE_VERSION,
    FIGURE_DATA_ENV,
    FIGURE_DATA_LINK_ENV,
    INPUTS_ID_LENGTH,
    KERNEL_NAME,
    TEMPLATES_DIR,
    Layout,
)

__all__ = [
    "CELL_TIMEOUT",
    "CSS_FILE",
    "ENGINE_VERSION",
    "FIGURE_DATA_ENV",
    "FIGURE_DATA_LINK_ENV",
    "INPUTS_ID_LENGTH",
    "KERNEL_NAME",
    "TEMPLATES_DIR",
    "BuildLock",
    "BuildReport",
    "Job",
    "Layout",
    "NotebookFailed",
    "NotebookInfo",
    "Result",
    "_write_stamp",
    "build",
    "ensure_kernel",
    "execute",
    "find_notebooks",
    "inputs_id",
    "is_up_to_date",
    "job_digest",
    "job_parts",
    "page_info",
    "parse_pairs",
    "parse_parameters",
    "plan",
    "publish",
    "read_inputs_id",
    "read_meta",
    "read_notebook",
    "read_pairs_file",
    "render_glossary",
    "render_html",
    "render_index",
    "render_pdf",
    "run_job",
    "shared_digest",
    "shared_parts",
    "stale_reasons",
    "summarise",
    "variant_stem",
    "write_glossary",
    "write_index",
    "write_variants_index",
]
