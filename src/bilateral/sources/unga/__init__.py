"""UN General Assembly: recorded votes, resolutions, co-sponsors, pairwise agreement, ideal points.

Two sources make one vote series from 1991 on:

* **Voeten** (``unga_votes_unvotes_voeten``, R package ``unvotes``): every roll call of sessions
  46–73 dated 1991-01-01 or later (the first is of October 1991), including separate votes on
  paragraphs and amendments. ``vote_id`` is ``V-<rcid>``.
* **UN DGACM** (``unga_votes_unxml_dgacm``): every resolution adopted by a recorded vote from
  session 74 on (October 2019 onwards), final resolutions only. ``vote_id`` is the resolution
  symbol (``A/RES/74/7``).

Voeten's session 74 (November 2019 – January 2020) is dropped in favour of the UN records, so no
roll call is counted twice; the provenance notes that the two agree exactly for the states checked.

Absences. The UN records list every one of the 193 members on every recorded vote; a member in
none of the yes/no/abstain lists is marked ``X`` there and becomes ``absent`` here
(``vote_inferred`` True). Voeten's package dropped absences. They are inferred here with a
conservative rule: a state is ``absent`` on a Voeten roll call when it has no row for it, cast
at least one vote in the same session, and the roll call falls between the state's first and
last recorded vote in the whole Voeten file (so states before admission, after dissolution —
Czechoslovakia — and during suspension — Yugoslavia 1992–2000 — are not counted as absent).
A member that cast no vote in a whole session (e.g. one that lost its vote under Article 19) is
not marked absent there, unlike in the UN records. Absences never enter the agreement measures.

Country codes. Voeten's ISO2 codes go through :func:`bilateral.countries.map_names`, except
``CS`` and ``YU``, which Voeten uses for Czechoslovakia and for Yugoslavia and its successor
(Serbia); those two are mapped by Voeten's country name. The one membership that changed name
is then split by date (:func:`serbia_succession`): ``YUG`` to 3 February 2003, ``SCG`` (Serbia
and Montenegro) from 4 February 2003, ``SRB`` from 3 June 2006 (Montenegro's independence;
Serbia kept the seat). The same rule applies by year to the ideal points, which code Serbia as
``YUG`` throughout.

Sessions. ``session`` is the number of the regular session; resolutions of emergency special
and special sessions (``A/RES/ES-11/1``, ``A/RES/S-32/1``) get the regular session in progress,
taking 1 September as the changeover (:func:`session_in_progress`).

Issue areas. Voeten's six codes (me: Palestinian conflict, nu: nuclear weapons and material,
di: arms control and disarmament, hr: human rights, co: colonialism, ec: economic development)
are kept for his roll calls. UN records are classified by the keyword rules in
:data:`ISSUE_RULES` (see :func:`issue_areas`), which can give several areas or none ("other").

Co-sponsors. The UN records' ``sponsors`` and ``additional_sponsors`` strings are parsed by
:func:`parse_sponsor_entry`. They hold 63,072 ``|``-separated entries; 31 of them name several
states ("Albania, Australia, ... and Chile", "ANGOLA BAHAMAS"), and group qualifiers ("Cuba (on
behalf of ... the Group of 77 and China)") go to ``on_behalf_of``. 726 pieces are skipped as not
naming a state: 723 pieces of prose in 109 distinct wordings ("SUBMITTED BY THE CHAIR OF THE
COMMITTEE", "the representative of Ghana, on behalf of the Bureau", the heading of an annex) and 3
fragments of names broken apart in the source ("ISLANDS", "PRINCIPE", "NORTHERN IRELAND"). Misspelt
or mangled names are mapped through ``countries.NAME_OVERRIDES`` ("THE OF KOREA", alphabetised
among the R's of its list, is read as the Republic of Korea). Skipped pieces per resolution are in
``unga_resolutions.sponsor_pieces_skipped``. A piece that looks like a name but cannot be mapped
raises an error naming the file, column and row.

Layout (one job per module):

* :mod:`~bilateral.sources.unga.common`: source keys, file names, constants, shared checks;
* :mod:`~bilateral.sources.unga.issues`: the issue areas and their keyword rules;
* :mod:`~bilateral.sources.unga.tables`: the table specs (``TABLES``);
* :mod:`~bilateral.sources.unga.voeten`: the reader of Voeten's roll calls (absences inferred);
* :mod:`~bilateral.sources.unga.unxml`: the reader of the UN's own records;
* :mod:`~bilateral.sources.unga.sponsors`: the co-sponsor lists;
* :mod:`~bilateral.sources.unga.ideal_points`: Voeten's ideal points;
* :mod:`~bilateral.sources.unga.agreement`: pairwise agreement per year;
* :mod:`~bilateral.sources.unga.builder`: :func:`build`, the pipeline step that splices the two sources.

The package is a builder module of :mod:`bilateral.pipeline` (``TABLES``, ``SOURCES_USED``, ``build``);
the public names of every module are re-exported here.
"""

from bilateral.sources.unga.agreement import *  # noqa: F403
from bilateral.sources.unga.builder import *  # noqa: F403
from bilateral.sources.unga.common import *  # noqa: F403
from bilateral.sources.unga.ideal_points import *  # noqa: F403
from bilateral.sources.unga.issues import *  # noqa: F403
from bilateral.sources.unga.sponsors import *  # noqa: F403
from bilateral.sources.unga.tables import *  # noqa: F403
from bilateral.sources.unga.unxml import *  # noqa: F403
from bilateral.sources.unga.voeten import *  # noqa: F403
