"""Voeten's roll calls (``unga_votes_unvotes_voeten``), sessions up to 73, with absences inferred.

The rule for absences and the mapping of Voeten's country codes are described in :mod:`bilateral.sources.unga`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from bilateral import countries
from bilateral.countries import raw_row
from bilateral.errors import RawDataError
from bilateral.measures import VOTE_CATEGORIES
from bilateral.sources._raw import read_csv, to_number
from bilateral.sources.unga.common import (
    LAST_VOETEN_SESSION,
    START_DATE,
    VOETEN,
    VOETEN_ISSUES,
    VOETEN_ROLLCALLS,
    VOETEN_VOTES,
    check_date,
    check_values,
    serbia_succession,
)
from bilateral.sources.unga.issues import ISSUE_CODES

__all__ = ["clean_voeten_title", "normalise_resolution", "read_voeten"]


#: Voeten's ISO2 codes that do not mean what ISO 3166 now assigns to them (mapped by name instead).
_VOETEN_NAME_MAPPED = ("CS", "YU")


def normalise_resolution(symbol: str) -> str | None:
    """Voeten's ``R/46/12`` -> ``A/RES/46/12``; UN symbols unchanged; empty -> None."""
    s = (symbol or "").strip()
    if not s:
        return None
    return "A/RES/" + s[2:] if s.startswith("R/") else s


_VOETEN_TITLE_TAIL = re.compile(r"\s*:\s*(?:r(?:e(?:s(?:o(?:l(?:u(?:t(?:i(?:o(?:n)?)?)?)?)?)?)?)?)?)?(?:\s*/.*)?\s*$")


def clean_voeten_title(short: str, descr: str) -> str | None:
    """Voeten's short description without the catalogue tail " : resolution / adopted by ..."; else descr."""
    s = _VOETEN_TITLE_TAIL.sub("", (short or "").strip()).strip()
    if not s:
        s = (descr or "").strip()
    return s or None


def _numbers(df: pd.DataFrame, column: str, file: str) -> pd.Series:
    """A column of required numbers: :func:`bilateral.sources._raw.to_number` with a fast path for
    large clean columns; a missing value raises :class:`RawDataError` naming the line."""
    try:
        out = df[column].astype("float64")
    except (TypeError, ValueError):
        out = to_number(df, column, file=file)
    if out.isna().any():
        i = out.isna().idxmax()
        raise RawDataError(f"{file}: column {column!r}, line {raw_row(i)}: missing value")
    return out


def read_voeten(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Voeten's votes (with inferred absences) and roll calls from 1991, sessions <= 73."""
    votes_file, rc_file, iss_file = (f"{VOETEN}/{n}" for n in (VOETEN_VOTES, VOETEN_ROLLCALLS, VOETEN_ISSUES))
    rc = read_csv(
        raw,
        VOETEN,
        VOETEN_ROLLCALLS,
        required=["rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr"],
    )
    votes = read_csv(raw, VOETEN, VOETEN_VOTES, required=["rcid", "country", "country_code", "vote"])
    issues = read_csv(raw, VOETEN, VOETEN_ISSUES, required=["rcid", "short_name"])

    rc["rcid"] = _numbers(rc, "rcid", rc_file).astype("int64")
    rc["session"] = _numbers(rc, "session", rc_file).astype("int64")
    check_date(rc, "date", rc_file)
    for col in ("importantvote", "amend", "para"):
        check_values(rc.fillna({col: ""}), col, ("", "0", "1"), rc_file)
    votes["rcid"] = _numbers(votes, "rcid", votes_file).astype("int64")
    check_values(votes, "vote", VOTE_CATEGORIES, votes_file)
    issues["rcid"] = _numbers(issues, "rcid", iss_file).astype("int64")
    check_values(issues, "short_name", ISSUE_CODES, iss_file)
    unknown = ~votes["rcid"].isin(rc["rcid"])
    if unknown.any():
        i = unknown.idxmax()
        raise RawDataError(
            f"{votes_file}: column 'rcid', line {raw_row(i)}: roll call {votes.at[i, 'rcid']} is not in {VOETEN_ROLLCALLS}"
        )

    kept_rc = rc[(rc["date"] >= START_DATE) & (rc["session"] <= LAST_VOETEN_SESSION)]
    kept = votes["rcid"].isin(kept_rc["rcid"])
    # Codes of the rows kept are checked as read (errors name the file's line), and mapped after inference.
    code_map = _voeten_code_map(votes[kept], votes_file)
    no_code = votes["country_code"].isna()
    if (no_code & kept).any():
        i = (no_code & kept).idxmax()
        raise RawDataError(
            f"{votes_file}: column 'country_code', line {raw_row(i)}: missing for {votes.at[i, 'country']!r}"
        )
    # A state's first and last vote are taken over all of Voeten's data (1946 on).
    dates = votes["rcid"].map(rc.set_index("rcid")["date"])
    span = dates.groupby(votes["country_code"]).agg(["min", "max"])
    votes = votes[kept].merge(kept_rc[["rcid", "session", "date"]], on="rcid", how="left", validate="many_to_one")
    votes = _with_inferred_absences(votes, kept_rc, span, key="country_code")

    iso3 = (
        pd.Series(list(zip(votes["country_code"], votes["country"])), index=votes.index).map(code_map).astype("string")
    )
    votes["iso3"] = serbia_succession(iso3, votes["date"])
    dup = votes.duplicated(["rcid", "iso3"])
    if dup.any():
        i = votes.index[dup][0]
        raise RawDataError(f"{votes_file}: two rows for {votes.at[i, 'iso3']} on roll call {votes.at[i, 'rcid']}")

    rc = kept_rc.copy()
    rc["vote_id"] = "V-" + rc["rcid"].astype(str)
    rc["resolution"] = rc["unres"].fillna("").map(normalise_resolution)
    rc["title"] = [clean_voeten_title(s, d) for s, d in zip(rc["short"].fillna(""), rc["descr"].fillna(""))]
    rc["description"] = rc["descr"].where(rc["descr"].fillna("").str.strip() != "")
    for src, dst in (("amend", "amendment"), ("para", "paragraph"), ("importantvote", "important_vote")):
        rc[dst] = rc[src].map({"1": True, "0": False}).astype("boolean")
    codes = issues.groupby("rcid")["short_name"].agg(set)
    has = rc["rcid"].map(codes)
    for code in ISSUE_CODES:
        rc[f"issue_{code}"] = has.map(lambda s, c=code: isinstance(s, set) and c in s).astype("boolean")
    rc["issue_method"] = "voeten_codes"
    rc["source"] = "voeten"
    rc["session_label"] = None

    votes = votes.merge(rc[["rcid", "vote_id", "resolution", "title"]], on="rcid", how="left")
    votes["source"] = "voeten"
    return votes, rc


def _with_inferred_absences(
    votes: pd.DataFrame, rollcalls: pd.DataFrame, span: pd.DataFrame, *, key: str
) -> pd.DataFrame:
    """Add ``absent`` rows (``vote_inferred`` True) by the rule in the docstring of :mod:`bilateral.sources.unga`.

    Args:
        votes: Voeten's votes on ``rollcalls``, with ``rcid``, ``session``, ``date``, ``country``
            and the state column ``key``.
        rollcalls: the roll calls to fill (``rcid``, ``session``, ``date``); whole sessions.
        span: per state (index: ``key``), the dates of its first (``min``) and last (``max``) vote
            anywhere in the source.
        key: the state column (Voeten's code, before any recoding).
    """
    votes = votes.assign(vote_inferred=False)
    sessions = votes[[key, "session"]].drop_duplicates()
    cand = sessions.merge(rollcalls[["rcid", "session", "date"]], on="session")
    cand = cand.join(span, on=key)
    cand = cand[(cand["date"] >= cand["min"]) & (cand["date"] <= cand["max"])]
    have = pd.MultiIndex.from_frame(votes[["rcid", key]])
    missing = cand[~pd.MultiIndex.from_frame(cand[["rcid", key]]).isin(have)]
    names = votes.drop_duplicates(key).set_index(key)["country"]
    absent = pd.DataFrame(
        {
            "rcid": missing["rcid"].to_numpy(),
            "country": missing[key].map(names).to_numpy(),
            key: missing[key].to_numpy(),
            "vote": "absent",
            "session": missing["session"].to_numpy(),
            "date": missing["date"].to_numpy(),
            "vote_inferred": True,
        }
    )
    return pd.concat([votes, absent], ignore_index=True)


def _voeten_code_map(votes: pd.DataFrame, file: str) -> dict[tuple[str, str], str]:
    """(country_code, country) -> ISO3 for Voeten's rows as read: ISO2 via countries, by name for CS/YU.

    Raises:
        RawDataError: naming the file, column and line of the first code (or name) countries cannot map.
    """
    rows = votes[votes["country_code"].notna()]
    by_name = rows["country_code"].isin(_VOETEN_NAME_MAPPED)
    iso3 = pd.Series(pd.NA, index=rows.index, dtype="string")
    iso3[~by_name] = countries.map_names(
        rows.loc[~by_name, "country_code"], file=file, column="country_code", how="iso2"
    )
    if by_name.any():
        iso3[by_name] = countries.map_names(rows.loc[by_name, "country"], file=file, column="country", how="name")
    pairs = pd.DataFrame({"code": rows["country_code"], "name": rows["country"], "iso3": iso3}).drop_duplicates(
        ["code", "name"]
    )
    return {(c, n): i for c, n, i in zip(pairs["code"], pairs["name"], pairs["iso3"])}
