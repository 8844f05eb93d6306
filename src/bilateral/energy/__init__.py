"""Energy report: production and consumption (Energy Institute, Our World in Data), Türkiye's gas imports
(IEA entry routes in :mod:`bilateral.gas_routes`; press figures as a cross-check), and the pipelines that
carry Azerbaijani oil and gas west.

The package has one module per job:

* :mod:`~bilateral.energy.compute`: constants, small helpers, the Energy Institute series and its 2022 gas
  trade matrices (pure functions on DataFrames);
* :mod:`~bilateral.energy.owid`: production and consumption to 2024 (Our World in Data), joined to the
  Energy Institute series only where the two agree;
* :mod:`~bilateral.energy.press`: Türkiye's gas imports by supplier in the press (the cross-check);
* :mod:`~bilateral.energy.pipelines`: pipeline facts, BTC throughput and capacity, milestones, route points;
* :mod:`~bilateral.energy.text`: computed sentences (and the words for a change over time);
* :mod:`~bilateral.energy.findings`: the key findings, each with what it means and how sure it is;
* :mod:`~bilateral.energy.titles`: the finding each chart shows, the first sentence of its caption;
* :mod:`~bilateral.energy.captions` and :mod:`~bilateral.energy.pipeline_captions`: captions and alt text of
  the figures and tables;
* :mod:`~bilateral.energy.notes`: the header line, "not covered" notes, caveats and the list of sources;
* :mod:`~bilateral.energy.tables`: display tables (formatted frames for :func:`bilateral.figures.table`);
* :mod:`~bilateral.energy.plots`: charts (matplotlib, house style of :mod:`bilateral.figures`);
* :mod:`~bilateral.energy.maps`: the route map on Natural Earth's outlines.

Code outside the dimension may keep using ``from bilateral import energy; energy.some_function(...)``:
the public names of the computation, text, plot and map modules are re-exported here (they never share a
name). Findings, titles, captions, notes and display tables serve the notebook only, which imports every submodule
by name: ``from bilateral.energy import captions, findings, notes, tables``.
"""

from bilateral.energy.compute import *  # noqa: F403
from bilateral.energy.maps import *  # noqa: F403
from bilateral.energy.owid import *  # noqa: F403
from bilateral.energy.pipelines import *  # noqa: F403
from bilateral.energy.plots import *  # noqa: F403
from bilateral.energy.press import *  # noqa: F403
from bilateral.energy.text import *  # noqa: F403
