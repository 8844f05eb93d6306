"""Energy tables: Energy Institute series and 2022 gas trade, Türkiye's gas imports, pipeline facts.

Sources (raw folders): ``ei_statistical_review_2023`` (the tidy CSVs only; the workbook is never
read or republished), ``press_figures`` (hand-collected press figures, each with URL and quote) and
``eurostat_nrg_ti_gas`` (Türkiye as a reporter).

The press table of Türkiye's gas imports mixes importer-side figures (EPDK/EMRA, BOTAŞ) with
exporter-side ones (Gazprom, Azerbaijan's Energy Ministry), BOTAŞ-only totals, shares, LNG in
million tonnes and rows the collector flagged. Every raw row is kept; ``use_in_series`` marks
the rows that together give one importer-side annual volume series per supplier, and
``exclusion_reason`` says why any other row is left out. Judgments on flagged or conflicting
rows are written down in :data:`PRESS_DECISIONS`, one line each with its reason.

Layout (one job per module):

* :mod:`~bilateral.sources.energy.vocab`: source keys, file names, vocabularies, pipeline names;
* :mod:`~bilateral.sources.energy.decisions`: the judgments on flagged or conflicting press rows;
* :mod:`~bilateral.sources.energy.tables`: the table specs (``TABLES``);
* :mod:`~bilateral.sources.energy.parsing`: small parsers (years, flags, supplier labels, periods, units);
* :mod:`~bilateral.sources.energy.ei`: the Energy Institute series and gas trade matrices;
* :mod:`~bilateral.sources.energy.press_gas`: Türkiye's gas imports from the press tables;
* :mod:`~bilateral.sources.energy.eurostat`: Eurostat's Türkiye rows;
* :mod:`~bilateral.sources.energy.pipelines`: the pipeline facts;
* :mod:`~bilateral.sources.energy.builder`: :func:`build`, the pipeline step.

The package is a builder module of :mod:`bilateral.pipeline` (``TABLES``, ``SOURCES_USED``, ``build``);
the public names of every module are re-exported here.
"""

from bilateral.sources.energy.builder import *  # noqa: F403
from bilateral.sources.energy.decisions import *  # noqa: F403
from bilateral.sources.energy.ei import *  # noqa: F403
from bilateral.sources.energy.eurostat import *  # noqa: F403
from bilateral.sources.energy.parsing import *  # noqa: F403
from bilateral.sources.energy.pipelines import *  # noqa: F403
from bilateral.sources.energy.press_gas import *  # noqa: F403
from bilateral.sources.energy.tables import *  # noqa: F403
from bilateral.sources.energy.vocab import *  # noqa: F403
