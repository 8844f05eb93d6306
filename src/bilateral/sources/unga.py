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
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
import pycountry

from bilateral import countries
from bilateral.countries import FOCUS, raw_row
from bilateral.errors import RawDataError
from bilateral.measures import VOTE_CATEGORIES, pairs_among, pairs_with, pairwise_agreement
from bilateral.schema import ISO3_PATTERN, Field, Table, iso3, year
from bilateral.sources._raw import read_csv, require_sources, to_number

VOETEN = "unga_votes_unvotes_voeten"
UNXML = "unga_votes_unxml_dgacm"
IDEAL = "unga_idealpoints_voeten"
SOURCES_USED = (VOETEN, UNXML, IDEAL)

VOETEN_VOTES = "un_votes.csv.gz"
VOETEN_ROLLCALLS = "un_roll_calls.csv.gz"
VOETEN_ISSUES = "un_roll_call_issues.csv"
UN_VOTES = "ga_recorded_votes_long_s74_s80.csv.gz"
UN_RESOLUTIONS = "ga_resolutions_s74_s80.csv"
IDEAL_FILE = "IdealpointsJuly2025.csv"

#: First vote date kept (both sources).
START_DATE = "1991-01-01"
#: Last Voeten session used; the UN records cover the sessions after it.
LAST_VOETEN_SESSION = 73
#: States whose pairwise agreement with every other state is computed.
ANCHORS = ("AZE", "TUR")
#: The six issue areas (Voeten's codes), in a fixed order.
ISSUE_CODES = ("me", "nu", "di", "hr", "co", "ec")
VOTE_VALUES = (*VOTE_CATEGORIES, "absent")
#: Longest title kept per row in unga_votes (the full title is in unga_resolutions).
VOTE_TITLE_CHARS = 80
_UN_VOTE_CODES = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent"}
#: Voeten's ISO2 codes that do not mean what ISO 3166 now assigns to them (mapped by name instead).
_VOETEN_NAME_MAPPED = ("CS", "YU")
#: Serbia's seat: Yugoslavia (YUG) -> Serbia and Montenegro (SCG) -> Serbia (SRB).
SERBIA_SUCCESSION = (("2003-02-04", "SCG"), ("2006-06-03", "SRB"))

#: Keyword rules that put a UN resolution into Voeten's issue areas, applied (case-insensitively)
#: to its title and agenda-item name. A resolution can fall into several areas; one matching no
#: rule is "other". Checked against Voeten's own codes on his 556 roll calls of sessions 68–73,
#: applying the rules to his short titles: they agree with his coding on 84–93% of roll calls per
#: area (di lowest, ec highest), and on 90–100% of the 328 roll calls that have a title there. Most
#: differences are roll calls without a title (amendment and paragraph votes) or his broader coding
#: (he also files some Palestinian-conflict items under human rights and colonialism).
ISSUE_RULES: dict[str, str] = {
    "me": (
        r"palestin|israel|jerusalem|golan|unrwa|near east|occupied arab territor|lebanese shores"
        r"|interim force in lebanon|june 1967|west bank|gaza|peace in the middle east"
    ),
    "nu": r"nuclear|fissile|atomic energy|radioactive|test-ban",
    "di": (
        r"disarmament|\barms\b|armament|weapon|missile|munition|landmine|anti-personnel mine|military"
        r"|non-proliferation|outer space|brokering|zone of peace|depleted uranium|geneva protocol"
        r"|international security|cyberspace"
    ),
    "hr": (
        r"human rights|rights of the child|\bchildren\b|\bwomen\b|\bgirls\b|torture|racism|racial|xenophobia"
        r"|discrimination|death penalty|extrajudicial|enforced disappearance|fundamental freedoms|freedom of"
        r"|rights of persons|indigenous peoples|persons with disabilities|elections|democratic|mercenaries"
        r"|right to (?:food|development|peace|privacy)|nazism|religio|minorities|trafficking in persons|genocide"
    ),
    "co": (
        r"colonial|decoloni[sz]ation|non-self-governing|non self-governing|trust territor|self-determination"
        r"|question of guam|western sahara|new caledonia|french polynesia|tokelau|gibraltar|falkland|malvinas"
        r"|american samoa|turks and caicos|bermuda|cayman|montserrat|anguilla|pitcairn|saint helena"
        r"|virgin islands|article 73 e|chagos"
    ),
    "ec": (
        r"econom|development|\btrade\b|financial system|financing for development|\bdebt\b|poverty|commodit"
        r"|agricultur|food security|industriali|investment|globali[sz]ation|embargo|coercive|\btax"
        r"|migration|entrepreneurship|\benergy\b|tourism"
    ),
}

_ISSUE_FIELDS = tuple(
    Field(f"issue_{c}", "boolean", f"In issue area {c!r} ({d}).")
    for c, d in zip(
        ISSUE_CODES,
        (
            "Palestinian conflict",
            "nuclear weapons and material",
            "arms control and disarmament",
            "human rights",
            "colonialism",
            "economic development",
        ),
    )
)

VOTES = Table(
    name="unga_votes",
    title="UN General Assembly recorded votes by member state, 1991 onwards",
    description=(
        "One row per member state per recorded vote of the General Assembly from 1991: Voeten's roll calls "
        "for sessions up to 73 (including some separate votes on paragraphs and amendments) and the UN's "
        "records of resolutions adopted by recorded vote from session 74 (final resolutions only). Absences "
        "are inferred (vote_inferred): in the UN records from the member lists; in Voeten's data for states "
        "that voted in the same session but are not listed on the roll call."
    ),
    sources=(VOETEN, UNXML),
    fields=(
        Field("vote_id", "string", "Roll-call identifier: V-<rcid> for Voeten, the resolution symbol for UN records."),
        Field("date", "date", "Date of the vote (YYYY-MM-DD)."),
        year(description="Calendar year of the vote."),
        Field(
            "session",
            "integer",
            "Regular General Assembly session (in progress, for emergency special sessions).",
            minimum=1,
            maximum=200,
        ),
        Field(
            "resolution", "string", "Resolution symbol (A/RES/...); missing for some Voeten roll calls.", required=False
        ),
        Field(
            "title",
            "string",
            "Title of the resolution or roll call, cut to 80 characters (full text in unga_resolutions).",
            required=False,
        ),
        iso3("iso3", "The voting member state."),
        Field("vote", "string", "yes, no, abstain or absent.", enum=VOTE_VALUES),
        Field("source", "string", "voeten or un_dgacm.", enum=("voeten", "un_dgacm")),
        Field("vote_inferred", "boolean", "True when the row is an inferred absence (not in the source's vote lists)."),
    ),
    primary_key=("vote_id", "iso3"),
    compressed=True,
    warnings=(
        "Voeten's roll calls (to 2018) include separate votes on paragraphs and amendments; the UN records "
        "(2019 on) are final resolutions only: a small break in the series at 2019.",
        "Absences are inferred, differently in the two sources (see vote_inferred and the table description); "
        "compare yes/no/abstain only across the splice.",
        "1991 has only the roll calls of session 46 (from October); Voeten's dates in the 1990s are partly approximate.",
    ),
)

RESOLUTIONS = Table(
    name="unga_resolutions",
    title="UN General Assembly recorded votes: one row per roll call, with issue areas and counts",
    description=(
        "Metadata for every roll call in unga_votes: date, session, resolution, title, amendment and paragraph "
        "flags, the US State Department's important-vote flag (Voeten), issue areas, committee and vote counts "
        "computed from unga_votes. Issue areas are Voeten's codes for his roll calls and keyword rules "
        "(bilateral.sources.unga.ISSUE_RULES) for UN records."
    ),
    sources=(VOETEN, UNXML),
    fields=(
        Field("vote_id", "string", "Roll-call identifier, as in unga_votes."),
        Field("date", "date", "Date of the vote."),
        year(description="Calendar year of the vote."),
        Field("session", "integer", "Regular General Assembly session.", minimum=1, maximum=200),
        Field(
            "session_label",
            "string",
            "The session as named by the source when it is not a regular session (e.g. 'Eleventh emergency special session').",
            required=False,
        ),
        Field("resolution", "string", "Resolution symbol (A/RES/...).", required=False),
        Field("title", "string", "Title (UN) or short description (Voeten).", required=False),
        Field("description", "string", "Voeten's longer description of the roll call.", required=False),
        Field("source", "string", "voeten or un_dgacm.", enum=("voeten", "un_dgacm")),
        Field(
            "amendment",
            "boolean",
            "Vote on an amendment (Voeten's amend; False for UN final resolutions; missing where Voeten leaves it blank).",
            required=False,
        ),
        Field(
            "paragraph",
            "boolean",
            "Separate vote on a paragraph (Voeten's para; False for UN records; missing where Voeten leaves it blank).",
            required=False,
        ),
        Field(
            "important_vote",
            "boolean",
            "Listed by the US State Department as an important vote (Voeten; missing for UN records).",
            required=False,
        ),
        *_ISSUE_FIELDS,
        Field("issue_other", "boolean", "In none of the six issue areas."),
        Field("issue_method", "string", "voeten_codes or keyword_rules.", enum=("voeten_codes", "keyword_rules")),
        Field(
            "committee", "string", "Main Committee whose report the resolution came from (UN records).", required=False
        ),
        Field("agenda_item", "string", "Agenda item number and name (UN records).", required=False),
        Field("yes_count", "integer", "Members voting yes (from unga_votes).", minimum=0),
        Field("no_count", "integer", "Members voting no.", minimum=0),
        Field("abstain_count", "integer", "Members abstaining.", minimum=0),
        Field("absent_count", "integer", "Members recorded or inferred absent.", minimum=0),
        Field(
            "n_sponsors",
            "integer",
            "States in the sponsor and additional-sponsor lists (UN records).",
            required=False,
            minimum=0,
        ),
        Field(
            "sponsor_pieces_skipped",
            "integer",
            "Pieces of the sponsor lists that are not state names (prose, fragments) (UN records).",
            required=False,
            minimum=0,
        ),
    ),
    primary_key=("vote_id",),
    warnings=(
        "Issue areas of UN records come from keyword rules, not from Voeten's coding: compare areas across 2019 with care.",
    ),
)

COSPONSORS = Table(
    name="unga_cosponsors",
    title="UN General Assembly resolutions' sponsors, sessions 74 onwards",
    description=(
        "One row per resolution (adopted with or without a vote, UN records from session 74) and sponsoring "
        "state: sponsors named on the draft and additional sponsors who joined later. Parsed from the records' "
        "sponsor strings; pieces that are not state names are skipped and counted in "
        "unga_resolutions.sponsor_pieces_skipped."
    ),
    sources=(UNXML,),
    fields=(
        Field("resolution", "string", "Resolution symbol (A/RES/...)."),
        Field("date", "date", "Adoption date."),
        year(description="Calendar year of adoption."),
        Field("session", "integer", "Regular General Assembly session.", minimum=1, maximum=200),
        iso3("iso3", "The sponsoring state."),
        Field(
            "role",
            "string",
            "sponsor (on the draft) or additional_sponsor (joined later); sponsor wins if both.",
            enum=("sponsor", "additional_sponsor"),
        ),
        Field(
            "on_behalf_of",
            "string",
            "The group the state sponsored for (e.g. 'Group of 77 and China'), or the capacity it acted in, where stated.",
            required=False,
        ),
        Field(
            "recorded_vote",
            "boolean",
            "True if the resolution was adopted by a recorded vote (it is then in unga_resolutions).",
        ),
        Field(
            "issue_areas",
            "string",
            "Issue areas by the keyword rules, '|'-joined (me, nu, di, hr, co, ec), or 'other'.",
        ),
    ),
    primary_key=("resolution", "iso3"),
    compressed=True,
    warnings=("Sponsorship is parsed from free text; a few fragments of names broken in the source are skipped.",),
)

AGREEMENT = Table(
    name="unga_agreement",
    title="UN General Assembly voting agreement between pairs of states, by year",
    description=(
        "One row per year and pair of states: every pair among the focus states (AZE, TUR, ARM, RUS, IRN, GEO, "
        "ISR, USA, KAZ, UZB, TKM, KGZ, PAK, UKR) and every pair of AZE or TUR with any other member state. Each "
        "pair is stored once, with iso3_a < iso3_b alphabetically. Only roll calls on which both cast yes, no or "
        "abstain count; pair-years without such a roll call are left out."
    ),
    sources=(VOETEN, UNXML),
    fields=(
        year(description="Calendar year of the votes."),
        iso3("iso3_a", "First state of the pair (alphabetically first)."),
        iso3("iso3_b", "Second state of the pair."),
        Field("n_votes", "integer", "Roll calls on which both voted yes, no or abstain.", minimum=1),
        Field("n_same", "integer", "Of those, roll calls on which both voted the same way.", minimum=0),
        Field("agreement_share", "number", "n_same / n_votes.", unit="share (0-1)", minimum=0, maximum=1),
        Field(
            "kappa",
            "number",
            "Cohen's kappa on the same votes (yes/no/abstain); missing when undefined.",
            unit="coefficient (-1 to 1)",
            required=False,
            minimum=-1,
            maximum=1,
        ),
        Field(
            "source",
            "string",
            "Vote source(s) of the year: voeten, un_dgacm or mixed.",
            enum=("voeten", "un_dgacm", "mixed"),
        ),
    ),
    primary_key=("year", "iso3_a", "iso3_b"),
    warnings=(
        "Agreement shares are high for most pairs because most resolutions pass with large majorities; "
        "read them beside kappa and ideal-point distances, and against peers.",
        "Voeten's roll calls (to 2018) include paragraph and amendment votes; the UN records (2019 on) do not.",
    ),
)

IDEAL_POINTS = Table(
    name="unga_ideal_points",
    title="UN General Assembly ideal points by state and year (Bailey, Strezhnev & Voeten), 1991 onwards",
    description=(
        "Bailey, Strezhnev and Voeten's ideal-point estimates, country-year, from 1991 (version of 28 July 2025): "
        "final-passage estimate with its 5% and 95% posterior quantiles and vote count, and the estimate from "
        "all votes (to 2023). Rows without any estimate are dropped."
    ),
    sources=(IDEAL,),
    fields=(
        iso3("iso3", "The state (Serbia's seat split by year into YUG, SCG, SRB)."),
        year(),
        Field("ccode", "integer", "Correlates of War state number (as in the source)."),
        Field(
            "ideal_point",
            "number",
            "Ideal point from final-passage votes (idealpointfp).",
            unit="latent scale (higher = closer to the US)",
            required=False,
        ),
        Field("ideal_point_q5", "number", "5% posterior quantile of ideal_point.", unit="latent scale", required=False),
        Field(
            "ideal_point_q95", "number", "95% posterior quantile of ideal_point.", unit="latent scale", required=False
        ),
        Field("n_votes", "integer", "Final-passage votes behind ideal_point (nvotesfp).", required=False, minimum=0),
        Field(
            "ideal_point_all",
            "number",
            "Ideal point from all votes, including amendments and paragraphs (idealpointall; to 2023).",
            unit="latent scale",
            required=False,
        ),
        Field(
            "ideal_point_all_q5",
            "number",
            "5% posterior quantile of ideal_point_all.",
            unit="latent scale",
            required=False,
        ),
        Field(
            "ideal_point_all_q95",
            "number",
            "95% posterior quantile of ideal_point_all.",
            unit="latent scale",
            required=False,
        ),
        Field("n_votes_all", "integer", "Votes behind ideal_point_all (nvotesall).", required=False, minimum=0),
        Field(
            "few_votes",
            "boolean",
            "ideal_point rests on fewer than a quarter of the year's median number of votes: treat as unreliable (catches Türkiye 2024, 7 votes, a likely name-matching problem in the source).",
        ),
    ),
    primary_key=("iso3", "year"),
    warnings=(
        "Türkiye's 2024 final-passage estimate rests on only 7 votes (probably a Turkey/Türkiye name-matching "
        "problem in the source): flagged few_votes; do not use it.",
        "The scale is latent and re-estimated with each release: compare positions and distances, not levels across releases.",
    ),
)

TABLES = (VOTES, RESOLUTIONS, COSPONSORS, AGREEMENT, IDEAL_POINTS)


# --------------------------------------------------------------------------------------------
# small pure helpers


def session_in_progress(date: str) -> int:
    """The regular session in progress on ``date`` (YYYY-MM-DD), with 1 September as changeover.

    Used only for emergency special and special sessions, whose symbols carry no regular-session
    number: ``session_in_progress("2022-03-02") == 76``.
    """
    y, m = int(date[:4]), int(date[5:7])
    return y - 1945 if m >= 9 else y - 1946


def serbia_succession(codes: pd.Series, dates: pd.Series) -> pd.Series:
    """Recode ``YUG`` to ``SCG`` / ``SRB`` from the dates in :data:`SERBIA_SUCCESSION` (ISO dates as text)."""
    out = codes.copy()
    is_yug = codes == "YUG"
    for start, code in SERBIA_SUCCESSION:
        out = out.mask(is_yug & (dates >= start), code)
    return out


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


def short_title(title: str | None, limit: int = VOTE_TITLE_CHARS) -> str | None:
    """``title`` cut at a word boundary to at most ``limit`` characters, ending in "…" when cut."""
    if not isinstance(title, str) or len(title) <= limit:
        return title
    return title[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


_ISSUE_PATTERNS = {code: re.compile(rule) for code, rule in ISSUE_RULES.items()}


def issue_areas(text: str) -> tuple[str, ...]:
    """Voeten's issue areas that a UN resolution falls into, by the keyword rules of :data:`ISSUE_RULES`.

    The rules, in words: **me** names Palestine, Israel, Jerusalem, the Golan, UNRWA, the occupied
    Arab territories, Gaza/West Bank or Middle East peace; **nu** anything nuclear, fissile or
    radioactive, or the test ban; **di** disarmament, arms, weapons, missiles, munitions, mines,
    military matters, non-proliferation, outer space (arms race), zones of peace, cyberspace and
    international security; **hr** human rights and named rights (children, women, torture, racism,
    discrimination, the death penalty, extrajudicial executions, democracy and elections, religion,
    minorities, indigenous peoples, mercenaries, the rights to food, development and peace);
    **co** colonialism, decolonization, non-self-governing and trust territories,
    self-determination and the listed territories (Guam, Western Sahara, Falklands/Malvinas, ...);
    **ec** economy, development, trade, finance for development, debt, poverty, commodities,
    agriculture and food security, industry, investment, globalization, embargoes and coercive
    measures, tax, migration, energy and tourism. Matching is case-insensitive and a text can fall
    into several areas.

    Args:
        text: the resolution's title and agenda-item name, joined.

    Returns:
        The matching codes in :data:`ISSUE_CODES` order; ``()`` means "other".

    Example:
        >>> issue_areas("Israeli settlements in the Occupied Palestinian Territory")
        ('me',)
    """
    t = (text or "").casefold()
    return tuple(code for code in ISSUE_CODES if _ISSUE_PATTERNS[code].search(t))


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


def _check_date(df: pd.DataFrame, column: str, file: str) -> None:
    """Raise :class:`RawDataError` naming the line of the first value that is not a YYYY-MM-DD date."""
    bad = ~df[column].astype("string").str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False)
    if bad.any():
        i = bad.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(i)}: {df.at[i, column]!r} is not a YYYY-MM-DD date"
        )


def _check_values(df: pd.DataFrame, column: str, allowed: Iterable[str], file: str) -> None:
    """Raise :class:`RawDataError` naming the line of the first value not in ``allowed``."""
    bad = ~df[column].isin(list(allowed))
    if bad.any():
        i = bad.idxmax()
        raise RawDataError(
            f"{file}: column {column!r}, line {raw_row(i)}: unexpected value {df.at[i, column]!r} (allowed: {sorted(allowed)})"
        )


# --------------------------------------------------------------------------------------------
# Voeten


def _read_voeten(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    _check_date(rc, "date", rc_file)
    for col in ("importantvote", "amend", "para"):
        _check_values(rc.fillna({col: ""}), col, ("", "0", "1"), rc_file)
    votes["rcid"] = _numbers(votes, "rcid", votes_file).astype("int64")
    _check_values(votes, "vote", VOTE_CATEGORIES, votes_file)
    issues["rcid"] = _numbers(issues, "rcid", iss_file).astype("int64")
    _check_values(issues, "short_name", ISSUE_CODES, iss_file)
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
    """Add ``absent`` rows (``vote_inferred`` True) by the rule in the module docstring.

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


# --------------------------------------------------------------------------------------------
# UN DGACM


def _read_unxml(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    _check_date(res, "date", res_file)
    _check_date(votes, "date", votes_file)
    dup = res.duplicated("symbol")
    if dup.any():
        i = dup.idxmax()
        raise RawDataError(f"{res_file}: column 'symbol', line {raw_row(i)}: {res.at[i, 'symbol']!r} appears twice")
    _check_values(votes, "vote", _UN_VOTE_CODES, votes_file)
    _check_values(votes, "vote_inferred_absent", ("True", "False"), votes_file)
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


def _un_resolution_rows(res: pd.DataFrame) -> pd.DataFrame:
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


# --------------------------------------------------------------------------------------------
# sponsors

_QUALIFIER_START = re.compile(r"\(\s*(?:o[nf]\s+behalf\s+of|in\s+its\s+capacity\s+as)\b", re.IGNORECASE)
_QUALIFIER_TAIL = re.compile(r"[,\s]+\b(?:o[nf]\s+behalf\s+of)\b.*$", re.IGNORECASE)
_PROSE = re.compile(
    r"\b(?:submitted|introduced|representative|rapporteur|vice-chair|chair|basis|consultations|amendment|annex"
    r"|subsequently|committee|bureau|president|report|draft|resolution|rejected|assembly|behalf|was)\b|\d|:",
    re.IGNORECASE,
)
_GLUED = {"KINGDOMAND ": "KINGDOM AND "}
_GROUPS = {
    "group of 77 and china": "Group of 77 and China",
    "group of african states": "Group of African States",
    "movement of non-aligned countries": "Movement of Non-Aligned Countries",
    "organization of islamic cooperation": "Organization of Islamic Cooperation",
    "organisation of islamic cooperation": "Organization of Islamic Cooperation",
    "league of arab states": "League of Arab States",
    "economic community of central african states": "Economic Community of Central African States",
    "economic community of west african states": "Economic Community of West African States",
    "e economic community of west african states": "Economic Community of West African States",
    "southern african development community": "Southern African Development Community",
    "association of southeast asian nations": "Association of Southeast Asian Nations",
    "group of latin american and caribbean states": "Group of Latin American and Caribbean States",
    "bureau of the disarmament commission": "Bureau of the Disarmament Commission",
    "association of south-east asian nations and the states parties to the treaty on the southeast asia nuclear-weapon-free zone (bangkok treaty)": (
        "Association of South-East Asian Nations and the States Parties to the Treaty on the Southeast Asia Nuclear-Weapon-Free Zone (Bangkok Treaty)"
    ),
    "united nations standing advisory committee on security questions in central africa": (
        "United Nations Standing Advisory Committee on Security Questions in Central Africa"
    ),
    "chair of the committee on the peaceful uses of outer space": "Chair of the Committee on the Peaceful Uses of Outer Space",
}


def name_key(name: str) -> str:
    """Normalise a state's name for lookups: case, apostrophes, hyphens, spacing, a leading "the", "(the)"."""
    s = name.casefold().translate(str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "-": " "}))
    s = re.sub(r"\(\s*(?:the)?\s*\)", " ", s)
    s = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", s))
    s = " ".join(s.split()).strip(" ,.;")
    return s[4:] if s.startswith("the ") else s


def group_name(qualifier: str) -> str:
    """The group in "(on behalf of the States Members ... that are members of the Group of 77 and China)"."""
    t = " ".join(qualifier.split()).strip(" ,")
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1]
    t = re.sub(r"^(?:o[nf] behalf of|in its capacity as)\s+(?:the\s+)?", "", t, flags=re.IGNORECASE)
    t = re.sub(
        r"^states members of the united nations that are members of\s+(?:the\s+)?(?:members of the\s+)?",
        "",
        t,
        flags=re.IGNORECASE,
    )
    t = t.strip()
    return _GROUPS.get(t.casefold(), t)


def _split_qualifiers(entry: str) -> tuple[str, list[str]]:
    """Replace each "(on behalf of ...)" / ", on behalf of ..." by a marker ``\\x00k\\x00``; return text and qualifiers."""
    quals: list[str] = []
    out, pos = [], 0
    for m in _QUALIFIER_START.finditer(entry):
        if m.start() < pos:
            continue
        depth, end = 0, len(entry)
        for j in range(m.start(), len(entry)):
            depth += {"(": 1, ")": -1}.get(entry[j], 0)
            if depth == 0:
                end = j + 1
                break
        out.append(entry[pos : m.start()])
        out.append(f" \x00{len(quals)}\x00 ")
        quals.append(entry[m.start() : end])
        pos = end
    text = "".join(out) + entry[pos:]
    tail = _QUALIFIER_TAIL.search(text)
    if tail:
        quals.append(tail.group(0))
        text = text[: tail.start()] + f" \x00{len(quals) - 1}\x00"
    return text, quals


def parse_sponsor_entry(
    entry: str, resolve: Callable[[str], list[str] | None]
) -> tuple[list[tuple[str, str | None]], list[str], list[str]]:
    """Parse one ``|``-separated entry of a sponsor list.

    An entry is normally one state's name, but may be a list ("Albania, Austria and Chile"), carry a
    group qualifier ("Cuba (on behalf of ... the Group of 77 and China)"), be glued to another name
    ("ANGOLA BAHAMAS"), or be prose ("SUBMITTED BY THE CHAIR OF THE COMMITTEE").

    Args:
        entry: the raw entry.
        resolve: maps a piece of text to the ISO3 codes of the state names it consists of, or None.

    Returns:
        ``(states, skipped, unknown)``: ``(iso3, group or None)`` pairs; pieces skipped as prose or
        as fragments of names (every word occurs in some state's name); pieces that look like names
        but cannot be resolved (the caller raises on these).
    """
    text = " ".join(entry.split())
    for glued, fixed in _GLUED.items():
        text = text.replace(glued, fixed)
    text, quals = _split_qualifiers(text)
    states: list[tuple[str, str | None]] = []
    skipped: list[str] = []
    unknown: list[str] = []
    for sentence in re.split(r"\.\s+", text):
        plain = re.sub(r"\x00\d+\x00", " ", sentence)
        if _PROSE.search(plain):
            skipped.append(" ".join(plain.split()))
            continue
        for chunk in re.split(r"[,;]", sentence):
            parts = re.split(r"\x00(\d+)\x00", chunk)
            for k in range(0, len(parts), 2):
                piece = re.sub(r"^\s*and\s+|\s+and\s*$", "", parts[k].strip(), flags=re.IGNORECASE).strip(" .")
                qual = group_name(quals[int(parts[k + 1])]) if k + 1 < len(parts) else None
                if not piece:
                    if qual:  # a qualifier with no state before it
                        skipped.append(quals[int(parts[k + 1])].strip())
                    continue
                codes = resolve(piece)
                if codes is None:
                    (skipped if _is_fragment(piece) else unknown).append(piece)
                    continue
                states.extend((c, qual if i == len(codes) - 1 else None) for i, c in enumerate(codes))
    return states, skipped, unknown


@functools.lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    return frozenset(w for k in _known_names() for w in k.split())


def _is_fragment(piece: str) -> bool:
    """True if every word of ``piece`` occurs in some member state's name (a name broken in the source)."""
    words = name_key(piece).split()
    return bool(words) and all(w in _name_words() or w == "the" for w in words)


_KNOWN: dict[str, str] = {}


def _known_names() -> dict[str, str]:
    """name_key -> ISO3 for the spellings the lookups accept exactly (set by :func:`_set_known_names`)."""
    return _KNOWN


def _set_known_names(names: pd.Series, codes: pd.Series) -> None:
    """Exact spellings: the UN records' member names (already checked against countries), ISO 3166's
    short, official and common names of those members, and NAME_OVERRIDES."""
    _KNOWN.clear()
    for key, code in countries.NAME_OVERRIDES.items():
        _KNOWN[name_key(key)] = code
    pairs = pd.DataFrame({"name": names.to_numpy(), "code": codes.to_numpy()}).drop_duplicates()
    for name, code in zip(pairs["name"], pairs["code"]):
        _KNOWN[name_key(name)] = code
    for code in sorted(set(codes)):
        entry = pycountry.countries.get(alpha_3=code)
        for attr in ("name", "official_name", "common_name"):
            name = getattr(entry, attr, None) if entry else None
            if name:
                _KNOWN.setdefault(name_key(name), code)
    _name_words.cache_clear()
    _resolve.cache_clear()
    _parse_cached.cache_clear()


@functools.cache
def _resolve(piece: str) -> tuple[str, ...] | None:
    """ISO3 codes of the state names ``piece`` consists of.

    Exact spellings first, splitting glued names greedily (longest name first, "and" between names
    allowed); a piece that is only part of a longer name ("ISLANDS", "PRINCIPE") is not resolved;
    otherwise :func:`bilateral.countries.iso3_from_name` on the whole piece.
    """
    known = _known_names()
    words = name_key(piece).split()
    codes, i = [], 0
    while i < len(words):
        if words[i] == "and" and codes:
            i += 1
            continue
        for j in range(len(words), i, -1):
            code = known.get(" ".join(words[i:j]))
            if code:
                codes.append(code)
                i = j
                break
        else:
            codes = []
            break
    if codes:
        return tuple(codes)
    if "and" in words:  # a list the exact spellings could not split: never let a loose lookup pick one name
        return None
    phrase = f" {' '.join(words)} "
    if any(phrase in f" {k} " for k in known):  # part of a longer name, broken in the source
        return None
    code = countries.iso3_from_name(piece)
    if code:
        _FALLBACKS[piece] = code
    return (code,) if code else None


#: Pieces mapped by the generic lookup rather than an exact spelling (for review), piece -> ISO3.
_FALLBACKS: dict[str, str] = {}


def _cosponsors(res: pd.DataFrame, file: str) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """unga_cosponsors rows, and per resolution the number of states and of skipped pieces."""
    rows = []
    skipped_per: dict[object, int] = {}
    for col, role in (("sponsors", "sponsor"), ("additional_sponsors", "additional_sponsor")):
        for i, text in res[col].items():
            if not isinstance(text, str) or not text.strip():
                continue
            for entry in text.split("|"):
                states, skipped, unknown = _parse_cached(entry)
                if unknown:
                    raise RawDataError(
                        f"{file}: column {col!r}, line {raw_row(i)}: cannot map sponsor {unknown[0]!r} (in entry {entry.strip()[:120]!r}). "
                        "Add its spelling to bilateral.countries.NAME_OVERRIDES."
                    )
                skipped_per[i] = skipped_per.get(i, 0) + len(skipped)
                rows.extend((i, code, role, group) for code, group in states)
    df = pd.DataFrame(rows, columns=["row", "iso3", "role", "on_behalf_of"])
    df["rank"] = (df["role"] == "additional_sponsor").astype(int)
    df = df.sort_values(["row", "iso3", "rank"], kind="mergesort")
    first_group = df.groupby(["row", "iso3"])["on_behalf_of"].first()  # first stated group, sponsor role first
    df = df.drop_duplicates(["row", "iso3"])
    df["on_behalf_of"] = pd.MultiIndex.from_frame(df[["row", "iso3"]]).map(first_group)
    meta = res.loc[df["row"]]
    areas_of = pd.Series(
        [
            "|".join(issue_areas(f"{t} {a}")) or "other"
            for t, a in zip(res["title"].fillna(""), res["agenda_item_name"].fillna(""))
        ],
        index=res.index,
    )
    areas = areas_of.loc[df["row"]].to_numpy()
    out = pd.DataFrame(
        {
            "resolution": meta["symbol"].to_numpy(),
            "date": meta["date"].to_numpy(),
            "year": meta["date"].str[:4].astype(int).to_numpy(),
            "session": meta["session_number"].to_numpy(),
            "iso3": df["iso3"].to_numpy(),
            "role": df["role"].to_numpy(),
            "on_behalf_of": df["on_behalf_of"].to_numpy(),
            "recorded_vote": meta["recorded_vote"].to_numpy(),
            "issue_areas": areas,
        }
    )
    n_states = df.groupby("row").size().reindex(res.index, fill_value=0)
    return out, n_states, pd.Series(skipped_per, dtype="int64").reindex(res.index, fill_value=0)


@functools.cache
def _parse_cached(entry: str) -> tuple[tuple[tuple[str, str | None], ...], tuple[str, ...], tuple[str, ...]]:
    """:func:`parse_sponsor_entry` with the exact-spelling resolver, cached (entries repeat a lot)."""
    states, skipped, unknown = parse_sponsor_entry(entry, lambda p: list(c) if (c := _resolve(p)) else None)
    return tuple(states), tuple(skipped), tuple(unknown)


# --------------------------------------------------------------------------------------------
# ideal points


def _ideal_points(raw: Path) -> pd.DataFrame:
    """unga_ideal_points from Voeten's country-year file, 1991 onwards."""
    file = f"{IDEAL}/{IDEAL_FILE}"
    cols = {
        "idealpointfp": "ideal_point",
        "q5fp": "ideal_point_q5",
        "q95fp": "ideal_point_q95",
        "nvotesfp": "n_votes",
        "idealpointall": "ideal_point_all",
        "q5all": "ideal_point_all_q5",
        "q95all": "ideal_point_all_q95",
        "nvotesall": "n_votes_all",
    }
    df = read_csv(raw, IDEAL, IDEAL_FILE, required=["ccode", "iso3c", "year", *cols])
    for c in ("ccode", "year", *cols):
        df[c] = to_number(df, c, file=file)
    df = df[(df["year"] >= int(START_DATE[:4])) & df[["idealpointfp", "idealpointall"]].notna().any(axis=1)].copy()
    bad = ~df["iso3c"].fillna("").str.fullmatch(ISO3_PATTERN.strip("^$"))
    if bad.any():
        i = bad.idxmax()
        raise RawDataError(f"{file}: column 'iso3c', line {raw_row(i)}: {df.at[i, 'iso3c']!r} is not an ISO3 code")
    df["iso3"] = serbia_succession(df["iso3c"].astype("string"), df["year"].astype(int).astype(str) + "-07-01")
    out = df.rename(columns=cols)[["iso3", "year", "ccode", *cols.values()]].copy()
    for c in ("year", "ccode"):
        out[c] = out[c].astype("int64")
    for c in ("n_votes", "n_votes_all"):
        out[c] = out[c].round().astype("Int64")
    median = out.groupby("year")["n_votes"].transform("median")
    out["few_votes"] = (out["n_votes"] < 0.25 * median).fillna(True).astype(bool)
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# assembly


def agreement_table(votes: pd.DataFrame) -> pd.DataFrame:
    """unga_agreement from the unga_votes frame: focus pairs and AZE/TUR with every other state, per year."""
    states = votes["iso3"].unique()
    pairs = sorted(set(pairs_among(FOCUS)) | set(pairs_with(ANCHORS, states)))
    out = pairwise_agreement(votes, pairs, by="year")
    sources = votes.groupby("year")["source"].agg(lambda s: s.iloc[0] if s.nunique() == 1 else "mixed")
    out["source"] = out["year"].map(sources)
    return out


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
    v_votes, v_rc = _read_voeten(raw)
    u_votes, u_res = _read_unxml(raw)
    u_res = u_res[u_res["date"] >= START_DATE]

    _set_known_names(
        u_votes.loc[u_votes["ms_name_raw"].notna(), "ms_name_raw"], u_votes.loc[u_votes["ms_name_raw"].notna(), "iso3"]
    )
    cosponsors, n_states, skipped = _cosponsors(u_res, f"{UNXML}/{UN_RESOLUTIONS}")

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

    u_rows = _un_resolution_rows(u_res)
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
        IDEAL_POINTS.name: _ideal_points(raw)[IDEAL_POINTS.columns],
    }
