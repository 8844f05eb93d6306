"""Overview: the relationship at a glance, a labelled timeline of its events, and a composite relationship index.

All computation and text behind ``notebooks/overview.ipynb``. The per-dimension numbers come from the four
dimension modules (:mod:`bilateral.diplomatic`, :mod:`bilateral.military`, :mod:`bilateral.energy`,
:mod:`bilateral.trade`), which this module calls and never re-implements. What is new here is the
composite index and its sensitivity analysis.

Terms used throughout:

* **pair**: two ISO3 codes, written ``"AZE-TUR"`` in parameters and ``AZE–TUR`` to readers. Every
  index indicator is symmetric: ``AZE-TUR`` and ``TUR-AZE`` are the same pair.
* **directional share**: how much one state of the pair weighs in the other's arms imports, trade or
  gas imports (0–1). Each indicator combines the two directions with :data:`PAIR_RULE` (the larger
  of the two by default: the dependence of the more dependent side).
* **indicators** (:data:`INDICATORS`):

  - ``un_votes``: UN General Assembly voting alignment in the year, Cohen's kappa (or the raw
    agreement share) on the votes both cast (``unga_agreement``; computed from ``unga_votes`` with
    :mod:`bilateral.measures` for pairs the table does not store).
  - ``arms``: the partner's share of a state's arms imports by SIPRI TIV over a trailing window of
    :data:`ARMS_WINDOW` years ending in the year; deliveries from the SIPRI register extract, the
    recipient's total imports from ``arms_totals``. The extract holds only deals in which Azerbaijan,
    Türkiye or Armenia is supplier or recipient: a direction with neither is missing.
  - ``trade``: the partner's share of a state's total merchandise trade (exports + imports), each
    side from its own reports to the IMF (DOTS, to 2020).
  - ``energy``: the partner's share of the gas entering Türkiye, by entry route (IEA Gas Trade Flows,
    full years). It exists only for pairs that include Türkiye and a supplier whose gas comes on a
    route of its own (Azerbaijan, Russia, Iran).

* **normalisation** (:func:`~bilateral.overview.index.normalise`): ``"minmax"`` rescales each indicator to 0–1 across every
  pair and year of the index, ``(x - min) / (max - min)``; ``"share"`` keeps shares as they are
  (already 0–1) and sets negative kappa to 0.
* **index** (:func:`~bilateral.overview.index.composite`): the weighted mean of the normalised indicators a pair-year has,
  with the weights of the missing ones left out and the rest rescaled to sum to 1
  ("renormalised weights"); ``coverage`` counts the indicators used.
* **sensitivity** (:func:`~bilateral.overview.index.sensitivity`): many weight vectors drawn from a flat Dirichlet
  distribution (every weighting of the indicators equally likely), the pairs ranked under each.

Method references: OECD & JRC (2008), *Handbook on Constructing Composite Indicators: Methodology and
User Guide* (normalisation, weighting, uncertainty and sensitivity analysis); Lowy Institute, *Asia
Power Index* methodology (min–max normalised indicators, expert weights, weights varied to test the
rankings).

Layout of the package (one job per module; the notebook imports the modules it uses by name):

* :mod:`~bilateral.overview.config`: the indicators, defaults and constants; checks of the notebook's
  parameters (pairs, weights, choices); how pairs and shares are written.
* :mod:`~bilateral.overview.indicators`: loading the processed tables; the directional shares and the
  UN measure per pair and year; the table of raw indicators.
* :mod:`~bilateral.overview.index`: normalisation, the composite index, the ranking and the sensitivity
  analysis (pure functions on DataFrames).
* :mod:`~bilateral.overview.summary`: the one-page summary, one headline computation per dimension.
* :mod:`~bilateral.overview.chronology`: the pair's dated events, the ones the labelled timeline names
  (:func:`~bilateral.overview.chronology.charted_events`) and the timeline's eras.
* :mod:`~bilateral.overview.tables`: display tables.
* :mod:`~bilateral.overview.text`: key findings and takeaways (sentences).
* :mod:`~bilateral.overview.captions`: figure and table captions, alt text, links to the dimension reports
  and the computed paragraphs of the notebook, taking the report's parameters ``P``
  (:class:`bilateral.params.Params`) where they need the pair, the names or the period.
* :mod:`~bilateral.overview.index_captions`: the same for the relationship-index section.
* :mod:`~bilateral.overview.plots`: matplotlib charts.

Every public name is re-exported here, so ``from bilateral import overview as ov; ov.index_pairs(...)``
keeps working for code outside the package.
"""

from bilateral.overview.captions import *  # noqa: F403
from bilateral.overview.chronology import *  # noqa: F403
from bilateral.overview.config import *  # noqa: F403
from bilateral.overview.index import *  # noqa: F403
from bilateral.overview.index_captions import *  # noqa: F403
from bilateral.overview.indicators import *  # noqa: F403
from bilateral.overview.plots import *  # noqa: F403
from bilateral.overview.summary import *  # noqa: F403
from bilateral.overview.tables import *  # noqa: F403
from bilateral.overview.text import *  # noqa: F403
