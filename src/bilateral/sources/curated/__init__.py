"""The project's two curated tables: dated events of the relationship, and the seeds' claims.

Both are written by hand in ``data/curated/`` (see its README) and published unchanged in
content after strict validation:

* ``events.csv``: one row per dated event (treaty, visit, war, pipeline opening, ...), each
  citing the seed section, source URL or raw data row that states it;
* ``claims.csv``: every dated or quantitative claim of the two seed documents, with the
  table and computation that can test it (or why none can).

Validation checks identifiers, dates, vocabularies, ISO3 codes and the form of every
citation, and cross-checks citations against the raw sources: an event taken from the
curated agreements list must carry that list's date (and every dated row of the list must
appear), a press URL must be a row of the press tables whose text mentions the event's date,
and a dataset citation must name an existing row with a matching year or date. Errors name
the file, the column, the line and the row's id.

Layout (one job per module):

* :mod:`~bilateral.sources.curated.vocab`: vocabularies, columns and the raw sources read;
* ``CHECK_KEYS``: the claim-check registry, defined once in :mod:`bilateral.claim_registry`;
* :mod:`~bilateral.sources.curated.tables`: the table specs (``TABLES``);
* :mod:`~bilateral.sources.curated.citations`: parsing citations, finding dates in text;
* :mod:`~bilateral.sources.curated.validate`: validation of the curated files on their own;
* :mod:`~bilateral.sources.curated.cross_check`: cross-checks against the raw sources;
* :mod:`~bilateral.sources.curated.builder`: :func:`build`, the pipeline step.

The package is a builder module of :mod:`bilateral.pipeline` (``TABLES``, ``SOURCES_USED``, ``build``);
the public names of every module are re-exported here.
"""

from bilateral.claim_registry import CHECK_KEYS, CheckSpec  # noqa: F401 (the registry the claims table is checked against)
from bilateral.sources.curated.builder import *  # noqa: F403
from bilateral.sources.curated.citations import *  # noqa: F403
from bilateral.sources.curated.cross_check import *  # noqa: F403
from bilateral.sources.curated.tables import *  # noqa: F403
from bilateral.sources.curated.validate import *  # noqa: F403
from bilateral.sources.curated.vocab import *  # noqa: F403
