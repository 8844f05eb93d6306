"""Claims check: the dated and quantitative claims of the two seed documents, measured against the data.

Every row of the ``claims`` table (curated in ``data/curated/claims.csv``) names, when a table here can
test it, a ``check_key`` and its ``check_args``; the check measures a value with its evidence and the
verdict compares it with the claimed one. The package, in the order data flows through it:

* :mod:`~bilateral.claim_registry`: one entry per ``check_key`` (the table the claims table names, the
  arguments, the tables read, the group module). The curated-table validation uses it too; it imports
  nothing from the project.
* :mod:`~bilateral.claims.model`: the verdicts, the tolerances, :class:`Measurement` (what a check
  returns), facts about the seed documents.
* :mod:`~bilateral.claims.helpers`: reading a claims row; numbers and dates in evidence text.
* :mod:`~bilateral.claims.compute`: pure computations (trends, bounds, barrels per tonne, counts by verdict).
* one module per group of checks, ``check_<key>(claim, tables) -> Measurement``:
  :mod:`~bilateral.claims.diplomatic_checks` (events, ATOP, Lowy posts, UN votes),
  :mod:`~bilateral.claims.energy_checks` (pipelines, gas suppliers and entry routes),
  :mod:`~bilateral.claims.military_checks` (SIPRI deliveries), :mod:`~bilateral.claims.trade_checks`
  (IMF DOTS and press figures).
* :mod:`~bilateral.claims.verdicts`: the verdict rules (the module docstring states them).
* :mod:`~bilateral.claims.run`: the check of each key, :func:`check_all` and the loading of tables.
* :mod:`~bilateral.claims.summary`: the key findings and the headline.
* :mod:`~bilateral.claims.tables`, :mod:`~bilateral.claims.text`, :mod:`~bilateral.claims.plots`: display
  tables, computed sentences and charts of the report.

The public names of every module are re-exported here, so ``from bilateral import claims as C;
C.check_all(...)`` works; the notebook imports the modules themselves.
"""

from bilateral.claim_registry import *  # noqa: F403
from bilateral.claims.compute import *  # noqa: F403
from bilateral.claims.diplomatic_checks import *  # noqa: F403
from bilateral.claims.energy_checks import *  # noqa: F403
from bilateral.claims.helpers import *  # noqa: F403
from bilateral.claims.military_checks import *  # noqa: F403
from bilateral.claims.model import *  # noqa: F403
from bilateral.claims.plots import *  # noqa: F403
from bilateral.claims.run import *  # noqa: F403
from bilateral.claims.summary import *  # noqa: F403
from bilateral.claims.tables import *  # noqa: F403
from bilateral.claims.text import *  # noqa: F403
from bilateral.claims.trade_checks import *  # noqa: F403
from bilateral.claims.verdicts import *  # noqa: F403
