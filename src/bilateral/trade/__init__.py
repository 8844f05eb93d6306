"""Trade: bilateral merchandise trade seen from both sides (IMF DOTS), with press figures after 2020.

The package has one module per job:

* :mod:`~bilateral.trade.compute`: selecting one reporter's series, mirror figures and the gap between
  them, who reports what, the balance by each side's records (pure functions on DataFrames);
* :mod:`~bilateral.trade.importance`: how much each country matters to the other: partner shares and
  ranks, the trade intensity index, trade relative to GDP;
* :mod:`~bilateral.trade.press`: press figures after the DOTS series ends, never joined to it;
* :mod:`~bilateral.trade.amounts`: how amounts and shares are written (US$, tiny shares, ranges);
* :mod:`~bilateral.trade.text`: computed sentences of the sections;
* :mod:`~bilateral.trade.findings`: the key findings, each saying what its number means and how sure it is;
* :mod:`~bilateral.trade.paragraphs`: the computed paragraphs of the report's sections;
* :mod:`~bilateral.trade.titles`: the computed finding that opens each chart's caption;
* :mod:`~bilateral.trade.captions`: captions, alt text and notes of the report's figures and tables;
* :mod:`~bilateral.trade.tables`: display tables;
* :mod:`~bilateral.trade.plots`: matplotlib charts in the house style.

The public names of every module are re-exported here, so that other reports can write
``from bilateral import trade as trd; trd.shares(...)``. The trade notebook imports the modules
themselves.
"""

from bilateral.trade.amounts import *  # noqa: F403
from bilateral.trade.captions import *  # noqa: F403
from bilateral.trade.compute import *  # noqa: F403
from bilateral.trade.findings import *  # noqa: F403
from bilateral.trade.importance import *  # noqa: F403
from bilateral.trade.paragraphs import *  # noqa: F403
from bilateral.trade.plots import *  # noqa: F403
from bilateral.trade.press import *  # noqa: F403
from bilateral.trade.tables import *  # noqa: F403
from bilateral.trade.text import *  # noqa: F403
from bilateral.trade.titles import *  # noqa: F403
