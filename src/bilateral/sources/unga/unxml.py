"""The UN's own records (``unga_votes_unxml_dgacm``), session 74 onwards: recorded votes and resolutions."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from bilateral import countries
from bilateral.countries import raw_row
from bilateral.errors import RawDataError
from bilateral.sources._raw import read_csv
from bilateral.sources.unga.common import UN_RESOLUTIONS, UN_VOTES, UNXML, check_date, check_values
from bilateral.sources.unga.issues import ISSUE_CODES, issue_areas

__all__ = ["read_unxml", "session_in_progress", "un_resolution_rows"]


_UN_VOTE_CODES = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent"}


def session_in_progress(date: str) -> int:
    """The regular session in progress on ``date`` (YYYY-MM-DD), with 1 September as changeover.

    Used only for emergency special and special sessions, whose symbols carry no regular-session
    number: ``session_in_progress("2022-03-02") == 76``.
    """
    y, m = int(date[:4]), int(date[5:7])
    return y - 1945 if m >= 9 else y - 1946


def read_unxml(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """UN records: (votes of recorded votes, all resolutions) with ISO3 codes checked."""
    votes_file, res_file = f"{UNXML}/{UN_VOTES}", f"{UNXML}/{UN_RESOLUTIONS}"
    res = read_csv(
        raw,
        UNXML,
        UN_RESOLUTIONS,
        required=[
            "symbol",
            "date",
            "session",
            "title",
            "committee",
            "agenda_item",
            "agenda_item_name",
            "adoption_type",
            "sponsors",
            "additional_sponsors",
        ],
    )
    votes = read_csv(
        raw, UNXML, UN_VOTES, required=["symbol", "date", "ms_code", "ms_name_raw", "vote", "vote_inferred_absent"]
    )
    check_date(res, "date", res_file)
    check_date(votes, "date", votes_file)
    dup = res.duplicated("symbol")
    if dup.any():
        i = dup.idxmax()
        raise RawDataError(f"{res_file}: column 'symbol', line {raw_row(i)}: {res.at[i, 'symbol']!r} appears twice")
    check_values(votes, "vote", _UN_VOTE_CODES, votes_file)
    check_values(votes, "vote_inferred_absent", ("True", "False"), votes_file)
    inconsistent = (votes["vote"] == "X") != (votes["vote_inferred_absent"] == "True")
    if inconsistent.any():
        i = inconsistent.idxmax()
        raise RawDataError(
            f"{votes_file}: column 'vote_inferred_absent', line {raw_row(i)}: does not match vote {votes.at[i, 'vote']!r}"
        )
    unknown = ~votes["symbol"].isin(res["symbol"])
    if unknown.any():
        i = unknown.idxmax()
        raise RawDataError(
            f"{votes_file}: column 'symbol', line {raw_row(i)}: {votes.at[i, 'symbol']!r} is not in {UN_RESOLUTIONS}"
        )
    stated = res["adoption_type"].fillna("").str.casefold() == "by a recorded vote"
    differ = stated != res["symbol"].isin(votes["symbol"])
    if differ.any():
        i = differ.idxmax()
        raise RawDataError(
            f"{res_file}: column 'adoption_type', line {raw_row(i)}: {res.at[i, 'adoption_type']!r} disagrees with {UN_VOTES}"
        )

    votes["iso3"] = _checked_un_codes(votes, votes_file)
    dup = votes.duplicated(["symbol", "iso3"])
    if dup.any():
        i = dup.idxmax()
        raise RawDataError(
            f"{votes_file}: line {raw_row(i)}: second vote of {votes.at[i, 'iso3']} on {votes.at[i, 'symbol']}"
        )
    votes["vote"] = votes["vote"].map(_UN_VOTE_CODES)
    votes["vote_inferred"] = votes["vote_inferred_absent"] == "True"

    res["session_number"] = [
        int(m.group(1)) if (m := re.match(r"A/RES/(\d+)/", s)) else session_in_progress(d)
        for s, d in zip(res["symbol"], res["date"])
    ]
    res["recorded_vote"] = res["symbol"].isin(votes["symbol"])
    return votes, res


def _checked_un_codes(votes: pd.DataFrame, file: str) -> pd.Series:
    """The ``ms_code`` column, checked: every code a valid ISO3 and equal to countries' mapping of the listed name."""
    codes = votes["ms_code"].fillna("")
    valid = {c: countries.is_iso3(c) for c in codes.unique()}
    bad = ~codes.map(valid).astype(bool)
    if bad.any():
        i = bad.idxmax()
        raise RawDataError(f"{file}: column 'ms_code', line {raw_row(i)}: unknown country code {codes.at[i]!r}")
    named = votes["ms_name_raw"].notna()
    mapped = countries.map_names(votes.loc[named, "ms_name_raw"], file=file, column="ms_name_raw")
    differ = mapped != codes[named]
    if differ.any():
        i = differ.idxmax()
        raise RawDataError(
            f"{file}: line {raw_row(i)}: ms_code {codes.at[i]!r} does not match name {votes.at[i, 'ms_name_raw']!r} (maps to {mapped.at[i]!r})"
        )
    return codes.astype("string")


_COMMITTEES = {"#fifthcommittee": "Fifth Committee"}


def un_resolution_rows(res: pd.DataFrame) -> pd.DataFrame:
    """unga_resolutions rows (without counts) for the UN resolutions adopted by recorded vote."""
    r = res[res["recorded_vote"]].copy()
    areas = [issue_areas(f"{t} {a}") for t, a in zip(r["title"].fillna(""), r["agenda_item_name"].fillna(""))]
    out = pd.DataFrame(
        {
            "vote_id": r["symbol"],
            "date": r["date"],
            "session": r["session_number"],
            "session_label": r["session"].where(~r["symbol"].str.match(r"A/RES/\d+/")),
            "resolution": r["symbol"],
            "title": r["title"],
            "description": None,
            "source": "un_dgacm",
            "amendment": False,
            "paragraph": False,
            "important_vote": pd.NA,
            "issue_method": "keyword_rules",
            "committee": r["committee"].map(lambda c: _COMMITTEES.get(str(c).casefold(), c) if pd.notna(c) else c),
            "agenda_item": [
                ": ".join(x for x in (i, n) if isinstance(x, str) and x) or None
                for i, n in zip(r["agenda_item"], r["agenda_item_name"])
            ],
        }
    )
    for code in ISSUE_CODES:
        out[f"issue_{code}"] = [code in a for a in areas]
    return out
