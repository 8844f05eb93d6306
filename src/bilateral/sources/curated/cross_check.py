"""Cross-checks of the curated events and claims against the raw sources their citations point to."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd

from bilateral.catalog import SOURCES
from bilateral.countries import raw_row
from bilateral.sources._raw import read_csv
from bilateral.sources.curated.citations import Citation, mentions_date, parse_citation, split_citations
from bilateral.sources.curated.validate import CuratedDataError, fail, iter_rows
from bilateral.sources.curated.vocab import AGREEMENTS, AGREEMENTS_FILE, PRESS
from bilateral.sources.event_sources import (
    EVENTS_PRESS,
    EVENTS_PRESS_FILE,
    read_events_press,
)

__all__ = ["RawIndex", "cross_check_claims", "cross_check_events"]


class RawIndex:
    """Lazy access to the raw files that citations point to (each read at most once)."""

    def __init__(self, raw: Path) -> None:
        self.raw = raw
        self._frames: dict[tuple[str, str, tuple[str, ...]], pd.DataFrame] = {}

    def agreements(self) -> pd.DataFrame:
        """The curated agreements list."""
        return self._read(AGREEMENTS, AGREEMENTS_FILE, ("event_date", "date_precision", "event", "source_url"))

    def press(self) -> pd.DataFrame:
        """Every row of the press tables, with its file, line and the row's whole text."""
        key = (PRESS, "*", ())
        if key not in self._frames:
            parts = []
            for name in SOURCES[PRESS].files:
                df = read_csv(self.raw, PRESS, name, required=("url",))
                parts.append(
                    pd.DataFrame(
                        {
                            "file": name,
                            "line": [raw_row(i) for i in df.index],
                            "url": df["url"],
                            "text": df.fillna("").astype(str).agg(" ".join, axis=1),
                        }
                    )
                )
            self._frames[key] = pd.concat(parts, ignore_index=True)
        return self._frames[key]

    def _read(self, key: str, file: str, usecols: tuple[str, ...]) -> pd.DataFrame:
        if (key, file, usecols) not in self._frames:
            kwargs = {"usecols": list(usecols)} if usecols else {}
            self._frames[(key, file, usecols)] = read_csv(self.raw, key, file, required=usecols, **kwargs)
        return self._frames[(key, file, usecols)]

    def rows(self, citation: Citation) -> tuple[pd.DataFrame, list[str]]:
        """Rows of a raw CSV matching a citation's selector, and the columns that carry dates or years."""
        header = read_csv(self.raw, citation.key, citation.file, required=[c for c, _ in citation.selector], nrows=0)
        timing = [c for c in header.columns if c.lower() == "date" or "year" in c.lower()]
        cols = tuple(dict.fromkeys([c for c, _ in citation.selector] + timing))
        df = self._read(citation.key, citation.file, cols)
        mask = pd.Series(True, index=df.index)
        for column, value in citation.selector:
            mask &= df[column].astype(str) == value
        return df.loc[mask], timing

    def text(self, key: str, file: str) -> str:
        """A raw text file (e.g. a PROVENANCE.md)."""
        path = self.raw / key / file
        if not path.is_file():
            raise CuratedDataError(f"{key}/{file} is missing under {self.raw}")
        return path.read_text(encoding="utf-8")


def _raw_citation_problem(index: RawIndex, citation: Citation, day: date, precision: str) -> str | None:
    """Why a raw-data citation does not support an event's date, or None."""
    if not citation.file.endswith((".csv", ".csv.gz")):
        if citation.selector:
            return f"{citation.file} is not a table: a row selector cannot apply"
        if str(day.year) not in index.text(citation.key, citation.file):
            return f"{citation.key}/{citation.file} does not mention {day.year}"
        return None
    if not citation.selector:
        return "a citation of a raw table must select a row (#column=value)"
    rows, timing = index.rows(citation)
    if rows.empty:
        return f"no row of {citation.key}/{citation.file} matches {dict(citation.selector)}"
    if "date" in timing:
        wanted = {"day": day.isoformat(), "month": f"{day:%Y-%m}", "year": str(day.year)}[precision]
        if not rows["date"].astype(str).str.startswith(wanted).any():
            return f"the cited row's date ({', '.join(rows['date'].astype(str))}) does not match {wanted}"
    elif timing:
        values = set(rows[timing].astype(str).to_numpy().ravel())
        if str(day.year) not in values:
            return f"the cited row's year columns ({', '.join(timing)}) do not contain {day.year}"
    return None


def cross_check_events(events: pd.DataFrame, raw: Path, file: str = "curated/events.csv") -> None:
    """Check every event's citations against the raw sources.

    * An event whose first citation is an agreements-list URL must match a row of that list with the
      same URL and the same date and precision; every dated row of the list must have such an event.
    * Every other URL must be a row of the agreements list or of the press tables; for press rows,
      one row with that URL must mention the event's date (year, and month or day as precise).
    * A raw-data citation must select an existing row whose date or year matches.

    Raises:
        CuratedDataError: naming the file, column, line and event of the first mismatch.
    """
    index = RawIndex(raw)
    agreements = index.agreements()
    press = index.press()
    ep_urls = set(read_events_press(raw)["url"])
    list_file = f"{AGREEMENTS}/{AGREEMENTS_FILE}"
    list_urls = set(agreements["source_url"].dropna())
    matched: set[object] = set()
    for i, row in iter_rows(events):
        eid, day, precision = row["event_id"], date.fromisoformat(row["date"]), row["date_precision"]
        for position, text in enumerate(split_citations(row["source"])):
            citation = parse_citation(text)
            if citation.kind == "seed":
                continue
            if citation.kind == "raw":
                problem = _raw_citation_problem(index, citation, day, precision)
                if problem:
                    fail(file, "source", i, eid, f"{citation.text}: {problem}")
                continue
            url = citation.text
            in_list, in_press = url in list_urls, bool((press["url"] == url).any())
            if position == 0 and row["source_kind"] == "events_press" and url not in ep_urls:
                fail(
                    file,
                    "source_kind",
                    i,
                    eid,
                    f"events_press, but {url} is not a row of {EVENTS_PRESS}/{EVENTS_PRESS_FILE}",
                )
            if url in ep_urls and not (in_list or in_press):
                continue  # dated by the join (event_sources.join_sources)
            if not (in_list or in_press):
                fail(file, "source", i, eid, f"{url} is not the URL of any row of {list_file} or of the press tables")
            if position == 0 and row["source_kind"] == "curated_list":
                if not in_list:
                    fail(file, "source_kind", i, eid, f"curated_list, but {url} is not in {list_file}")
                same = agreements[(agreements["source_url"] == url) & (agreements["event_date"] == row["date"])]
                if same.empty:
                    dates = ", ".join(agreements.loc[agreements["source_url"] == url, "event_date"].fillna("undated"))
                    fail(
                        file, "date", i, eid, f"{row['date']} does not match {list_file}, which gives {dates} for {url}"
                    )
                if (same["date_precision"] != precision).all():
                    fail(
                        file,
                        "date_precision",
                        i,
                        eid,
                        f"{precision!r} differs from {list_file} ({same['date_precision'].iloc[0]!r})",
                    )
                matched.update(same.index)
                continue
            if position == 0 and row["source_kind"] == "press" and not in_press:
                fail(file, "source_kind", i, eid, f"press, but {url} is not a row of the press tables")
            if in_press:
                texts = press.loc[press["url"] == url, "text"]
                if not any(mentions_date(t, day, precision) for t in texts):
                    fail(
                        file,
                        "source",
                        i,
                        eid,
                        f"no press row with URL {url} mentions {row['date']} at {precision} precision",
                    )
    for j, lrow in agreements.iterrows():
        if pd.notna(lrow["event_date"]) and j not in matched:
            raise CuratedDataError(
                f"{list_file}: line {raw_row(j)}: dated agreement {lrow['event']!r} ({lrow['event_date']}) has no "
                f"event in {file} citing {lrow['source_url']} first with source_kind curated_list"
            )


def cross_check_claims(claims: pd.DataFrame, raw: Path, file: str = "curated/claims.csv") -> None:
    """Check that pipeline check arguments name a pipeline and attribute present in the raw press table.

    Raises:
        CuratedDataError: naming the file, column, line and claim of the first unknown fact.
    """
    from bilateral.sources.energy.vocab import PIPELINES  # the raw-name -> short-key mapping lives there

    facts = read_csv(raw, PRESS, "pipeline_facts_press.csv", required=("pipeline", "attribute"))
    known = {(PIPELINES[p][0], a) for p, a in zip(facts["pipeline"], facts["attribute"]) if p in PIPELINES}
    for i, row in iter_rows(claims):
        if row["check_key"] == "pipeline_attribute":
            args = json.loads(row["check_args"])
            if (args["pipeline"], args["attribute"]) not in known:
                fail(
                    file,
                    "check_args",
                    i,
                    row["claim_id"],
                    f"no fact ({args['pipeline']}, {args['attribute']!r}) in {PRESS}/pipeline_facts_press.csv",
                )
