"""Judgments on flagged or conflicting press rows, one line each with its reason.

Every flagged row that would otherwise enter a series must be listed here; the reasons only restate what the
rows' own notes and values show.
"""

from __future__ import annotations

__all__ = ["PRESS_DECISIONS", "SUBANNUAL_DECISIONS"]


#: Judgments on annual press rows, keyed by (year, supplier label as in the raw file, value text):
#: (use in the importer-side series?, reason). Every flagged row that would otherwise enter the
#: series must be listed here; the reasons only restate what the rows' own notes and values show.
PRESS_DECISIONS: dict[tuple[int, str, str], tuple[bool, str]] = {
    (2018, "Total", "55.25"): (
        False,
        "MEES figure conflicts with EPDK's 50.3 bcm for 2018 and probably refers to 2017 (see note)",
    ),
    (2018, "Total", "50.3"): (True, "EPDK figure preferred to MEES's 55.25 bcm, as the notes of both rows advise"),
    (2014, "Total", "47.6"): (
        False,
        "two press totals for 2014 disagree (47.6 and 49.2 bcm) and neither cites EPDK: left as a gap",
    ),
    (2014, "Total", "49.2"): (
        False,
        "two press totals for 2014 disagree (47.6 and 49.2 bcm) and neither cites EPDK: left as a gap",
    ),
    (2020, "Total", "47.95"): (
        False,
        "disagrees with 48.1 bcm, which matches the +6.5% growth quoted on EMRA's 45.2 bcm for 2019",
    ),
    (2020, "Total", "48.1"): (
        True,
        "kept over MEES's 47.95 bcm: 45.2 bcm (2019, EMRA) x 1.065 (growth quoted in the same article) = 48.1 bcm",
    ),
    (2019, "Azerbaijan", "9.5"): (
        False,
        "flagged CONFLICT with the 9.6 bcm row; 9.6 bcm matches 21.2% of the 45.2 bcm total quoted for 2019",
    ),
    (2022, "UNVERIFIED top supplier (excerpt truncated)", "21.57"): (
        False,
        "supplier name missing from the stored excerpt (UNVERIFIED; 'Do not use'); the Russia 2022 row (21.6 bcm, EPDK) is used instead",
    ),
    (2022, "Russia", "21.6"): (
        True,
        "the note's UNVERIFIED refers to the other (truncated) row, which this EPDK figure corroborates",
    ),
    (2024, "Azerbaijan", "11.478"): (
        True,
        "importer-side EPDK figure; its CONFLICT is with the exporter-side 9.9 bcm, which is not in the series",
    ),
    (2014, "Russia", "27.33"): (
        False,
        "same number as Gazprom's own (exporter-side) 2014 figure, per the note: side uncertain",
    ),
}

#: Judgments on subannual press rows, keyed by (period, supplier label, value text): (usable?, reason).
SUBANNUAL_DECISIONS: dict[tuple[str, str, str], tuple[bool, str]] = {
    ("2021-03", "Azerbaijan", "1.072"): (
        True,
        "consistent with +16% on March 2020 (924.28 mcm x 1.16 = 1.072 bcm); the 1.72 bcm row is the typo",
    ),
    ("2021-03", "Azerbaijan", "1.72"): (False, "probable typo ('Do not use'): +16% on 924.28 mcm cannot give 1.72 bcm"),
}
