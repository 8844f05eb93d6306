"""Diplomatic relations: events, UN General Assembly alignment, co-sponsorship, alliances, representation.

Everything behind ``notebooks/diplomatic.ipynb``, in modules of one job each:

* :mod:`~bilateral.diplomatic.compute`: constants, small helpers, the pair's events, UN agreement and kappa
  (yearly, pooled, by period), participation and the change of vote source;
* :mod:`~bilateral.diplomatic.compare`: ideal points, the pair against the comparators, and where the pair
  parts (disagreement by issue area and kind of split);
* :mod:`~bilateral.diplomatic.ties`: co-sponsorship of resolutions, alliance pledges (ATOP), diplomatic
  representation (Lowy posts, COW exchange);
* :mod:`~bilateral.diplomatic.text`: the computed sentences (key findings, the sentences of each section);
* :mod:`~bilateral.diplomatic.captions`: captions, alt text and notes of the figures and tables;
* :mod:`~bilateral.diplomatic.tables`: display tables;
* :mod:`~bilateral.diplomatic.plots`: the charts.

The computing modules are pure (frames in, frames out) except :func:`~bilateral.diplomatic.compute.load_votes`;
the voting measures themselves live in :mod:`bilateral.measures`. Every public name is re-exported here, so
that ``from bilateral import diplomatic as dip; dip.pooled_agreement(...)`` works for other modules (overview,
claims, ranks); the notebook imports the submodules by name.
"""

from bilateral.diplomatic.captions import *  # noqa: F403
from bilateral.diplomatic.compare import *  # noqa: F403
from bilateral.diplomatic.compute import *  # noqa: F403
from bilateral.diplomatic.findings import *  # noqa: F403
from bilateral.diplomatic.plots import *  # noqa: F403
from bilateral.diplomatic.tables import *  # noqa: F403
from bilateral.diplomatic.text import *  # noqa: F403
from bilateral.diplomatic.ties import *  # noqa: F403
