"""Where each country ranks among *all* of the other's partners, dimension by dimension.

A rank among a few hand-picked comparators depends on whom one chose; a rank among every partner the
data hold does not. This package ranks one partner among all partners of a country by a value, and
applies that to each dimension the processed tables can rank:

* **UN General Assembly**: every member state by its agreement share and Cohen's kappa with a country,
  pooled over a period and by five-year periods (:func:`un_scores`, :func:`un_ranks`);
* **trade**: every partner in a reporter's own IMF DOTS records, by exports, imports and both, per year
  (:func:`trade_values`, :func:`trade_ranks`), for the reporters whose records with every partner are
  in the data;
* **arms transfers**: every supplier of a recipient (and every recipient of a supplier) by SIPRI TIV per
  period, for the countries whose deals the register extract holds completely (:func:`arms_ranks`);
* **diplomatic posts**: every sending state of the Lowy Global Diplomacy Index by its number of posts in a
  host, where the subset holds every sender's posts in that host (:func:`posts_ranks`).

The core, :func:`rank_table`, is generic: any long frame of (group, entity, value) rows, e.g. gas
imports by supplier and year, can be ranked with it.

Conventions, the same everywhere:

* **Competition ranking** ("1224"): an entity's rank is one plus the number of ranked entities with a
  strictly better value; entities with equal values share the better rank and are *tied* ("joint 2nd").
* **Denominator**: ``n_ranked``, the number of entities with a value that are ranked in the group
  (e.g. partners with recorded trade that year). Sentences always state it ("2nd of 167 partners").
* **Percentile**: the share of the *other* ranked entities that the entity ranks strictly above, in %
  (100 = above all others, 0 = above none); undefined (NaN) when only one entity is ranked.
* **Excluded entities** (aggregates such as the world or regions, SIPRI's "unknown supplier(s)") are
  kept in the output with ``ranked`` False and no rank, so that they can be shown but are never ranked.

This package reads no file: callers pass the processed tables (``bilateral.data.load``).

Layout (one job per module):

* :mod:`~bilateral.ranks.core`: the generic ranking (:func:`rank_table`, :func:`rank_of`, :func:`top_n`);
* :mod:`~bilateral.ranks.un`, :mod:`~bilateral.ranks.trade`, :mod:`~bilateral.ranks.arms`,
  :mod:`~bilateral.ranks.posts`: the ranks of one measure each (pure functions on the processed tables);
* :mod:`~bilateral.ranks.dimensions`: every dimension at once, both directions (the overview's rows);
* :mod:`~bilateral.ranks.words`: rank wording and table cells (:func:`rank_words`, the suite's one
  rank-wording helper);
* :mod:`~bilateral.ranks.text`: computed sentences and alt text;
* :mod:`~bilateral.ranks.tables`: display tables;
* :mod:`~bilateral.ranks.plots`: charts;
* :mod:`~bilateral.ranks.closeness`: closeness claims checked against the rank among all states.

The public names of every module are re-exported here, so ``from bilateral import ranks;
ranks.un_scores(...)`` works.
"""

from bilateral.ranks.arms import *  # noqa: F403
from bilateral.ranks.closeness import *  # noqa: F403
from bilateral.ranks.core import *  # noqa: F403
from bilateral.ranks.dimensions import *  # noqa: F403
from bilateral.ranks.plots import *  # noqa: F403
from bilateral.ranks.posts import *  # noqa: F403
from bilateral.ranks.tables import *  # noqa: F403
from bilateral.ranks.text import *  # noqa: F403
from bilateral.ranks.trade import *  # noqa: F403
from bilateral.ranks.un import *  # noqa: F403
from bilateral.ranks.words import *  # noqa: F403
