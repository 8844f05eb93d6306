"""Military: arms transfers (SIPRI trade register), military spending (SIPRI milex) and security milestones.

The package has one module per job (and per topic where a job would grow past 500 lines):

* :mod:`~bilateral.military.compute`: pure functions on the arms-transfer register and the events table
  (coverage, deliveries, supplier shares and standings, security milestones); no sentences, no matplotlib;
* :mod:`~bilateral.military.spending`: the same for SIPRI's military expenditure (spending ratios);
* :mod:`~bilateral.military.parameters`: the report's own parameters (``rival``, ``period_years``, ...);
* :mod:`~bilateral.military.text`: computed sentences on transfers, milestones and alliances;
* :mod:`~bilateral.military.spending_text`: computed sentences on military expenditure;
* :mod:`~bilateral.military.findings`: the key findings;
* :mod:`~bilateral.military.captions`: captions and alt text of the figures and tables;
* :mod:`~bilateral.military.methods`: the Methods and caveats list and the Sources list;
* :mod:`~bilateral.military.tables`: display tables (formatted frames for :func:`bilateral.figures.table`);
* :mod:`~bilateral.military.plots`: matplotlib charts (imported on its own: ``from bilateral.military
  import plots``, so that code using the computations does not load matplotlib).

The public names of all but ``plots`` are re-exported here, so that ``from bilateral import military as mil;
mil.deliveries(...)`` works for the other dimensions; the military notebook imports the submodules by name.

Terms used throughout:

* ``tiv_m``: SIPRI trend-indicator value, millions. TIV measures the *volume* of transfers of
  major conventional arms (a common unit based on production costs), not their financial value:
  it must never be read as money; each report says so once and every TIV chart points there.
* ``party``: a supplier or recipient as this package keys it: its ISO3 code, or SIPRI's own label
  for non-state actors and unknown parties (``"unknown supplier(s)"``), which have no code.
* periods: consecutive blocks of ``period_years`` years starting at ``start_year``; the last one may be
  shorter and is labelled with its real span (:func:`bilateral.periods.spans`).
* coverage: the register extract holds only deals in which one of
  :data:`bilateral.catalog.REGISTER_COMPLETE_FOR` (Azerbaijan, Türkiye, Armenia) is supplier
  or recipient. A pair without one of them is not covered, and a country's suppliers (or export
  destinations) are complete only if the country is one of them (see :func:`compute.coverage`).

Every sum, share, rank and ratio here is this project's calculation, not SIPRI's.
"""

from bilateral.military.captions import *  # noqa: F403
from bilateral.military.compute import *  # noqa: F403
from bilateral.military.findings import *  # noqa: F403
from bilateral.military.methods import *  # noqa: F403
from bilateral.military.parameters import *  # noqa: F403
from bilateral.military.spending import *  # noqa: F403
from bilateral.military.spending_text import *  # noqa: F403
from bilateral.military.tables import *  # noqa: F403
from bilateral.military.text import *  # noqa: F403
