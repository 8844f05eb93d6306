"""Pairwise agreement per year: the focus pairs, and each anchor state with every other state."""

from __future__ import annotations

import pandas as pd

from bilateral.countries import FOCUS
from bilateral.measures import pairs_among, pairs_with, pairwise_agreement
from bilateral.sources.unga.common import ANCHORS

__all__ = ["agreement_table"]


def agreement_table(votes: pd.DataFrame) -> pd.DataFrame:
    """unga_agreement from the unga_votes frame: focus pairs and AZE/TUR with every other state, per year."""
    states = votes["iso3"].unique()
    pairs = sorted(set(pairs_among(FOCUS)) | set(pairs_with(ANCHORS, states)))
    out = pairwise_agreement(votes, pairs, by="year")
    sources = votes.groupby("year")["source"].agg(lambda s: s.iloc[0] if s.nunique() == 1 else "mixed")
    out["source"] = out["year"].map(sources)
    return out
