"""The pipeline step: read both vote sources, splice them, and build the five tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from bilateral.schema import Table
from bilateral.sources._raw import require_sources
from bilateral.sources.unga.agreement import agreement_table
from bilateral.sources.unga.common import SOURCES_USED, START_DATE, UN_RESOLUTIONS, UNXML, VOTE_VALUES, short_title
from bilateral.sources.unga.ideal_points import read_ideal_points
from bilateral.sources.unga.issues import ISSUE_CODES
from bilateral.sources.unga.sponsors import cosponsor_rows, set_known_names
from bilateral.sources.unga.tables import AGREEMENT, COSPONSORS, IDEAL_POINTS, RESOLUTIONS, VOTES
from bilateral.sources.unga.unxml import read_unxml, un_resolution_rows
from bilateral.sources.unga.voeten import read_voeten

__all__ = ["build"]


def _typed(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """``df`` with its columns cast to ``table``'s declared pandas dtypes (so frames concatenate cleanly)."""
    dtypes = table.dtypes()
    return df.astype({c: dtypes[c] for c in df.columns if c in dtypes})


def _counts(votes: pd.DataFrame) -> pd.DataFrame:
    counts = (
        votes.groupby(["vote_id", "vote"]).size().unstack(fill_value=0).reindex(columns=list(VOTE_VALUES), fill_value=0)
    )
    return counts.rename(columns={v: f"{v}_count" for v in VOTE_VALUES})


def build(raw: Path) -> dict[str, pd.DataFrame]:
    """Build the five UN General Assembly tables from the raw folder."""
    require_sources(raw, SOURCES_USED)
    v_votes, v_rc = read_voeten(raw)
    u_votes, u_res = read_unxml(raw)
    u_res = u_res[u_res["date"] >= START_DATE]

    set_known_names(
        u_votes.loc[u_votes["ms_name_raw"].notna(), "ms_name_raw"], u_votes.loc[u_votes["ms_name_raw"].notna(), "iso3"]
    )
    cosponsors, n_states, skipped = cosponsor_rows(u_res, f"{UNXML}/{UN_RESOLUTIONS}")

    u_votes = u_votes.merge(
        u_res[["symbol", "session_number", "title"]].rename(columns={"session_number": "session"}),
        on="symbol",
        how="left",
        validate="many_to_one",
    )
    u_votes = u_votes.assign(vote_id=u_votes["symbol"], resolution=u_votes["symbol"], source="un_dgacm")
    columns = VOTES.columns
    votes = pd.concat([v_votes.assign(year=0)[columns], u_votes.assign(year=0)[columns]], ignore_index=True)
    votes = votes[votes["date"] >= START_DATE].copy()
    votes["year"] = votes["date"].str[:4].astype("int64")
    votes["session"] = votes["session"].astype("int64")
    votes["vote_inferred"] = votes["vote_inferred"].astype(bool)
    titles = pd.unique(votes["title"].dropna())
    votes["title"] = votes["title"].map(dict(zip(titles, map(short_title, titles))))

    u_rows = un_resolution_rows(u_res)
    u_rows["n_sponsors"] = u_res.loc[u_res["recorded_vote"]].index.map(n_states).to_numpy()
    u_rows["sponsor_pieces_skipped"] = u_res.loc[u_res["recorded_vote"]].index.map(skipped).to_numpy()
    v_rows = v_rc.assign(n_sponsors=pd.NA, sponsor_pieces_skipped=pd.NA, committee=None, agenda_item=None)
    own = [c for c in RESOLUTIONS.columns if c in u_rows.columns]
    resolutions = pd.concat([_typed(v_rows[own], RESOLUTIONS), _typed(u_rows[own], RESOLUTIONS)], ignore_index=True)
    resolutions = resolutions[resolutions["vote_id"].isin(votes["vote_id"])].copy()
    resolutions["year"] = resolutions["date"].str[:4].astype("int64")
    issue_cols = [f"issue_{c}" for c in ISSUE_CODES]
    resolutions[issue_cols] = resolutions[issue_cols].astype(bool)
    resolutions["issue_other"] = ~resolutions[issue_cols].any(axis=1)
    resolutions = resolutions.join(_counts(votes), on="vote_id")

    return {
        VOTES.name: votes.reset_index(drop=True),
        RESOLUTIONS.name: resolutions[RESOLUTIONS.columns].reset_index(drop=True),
        COSPONSORS.name: cosponsors,
        AGREEMENT.name: agreement_table(votes)[AGREEMENT.columns],
        IDEAL_POINTS.name: read_ideal_points(raw)[IDEAL_POINTS.columns],
    }
