"""Table specs of the UN General Assembly tables (votes, resolutions, co-sponsors, agreement, ideal points)."""

from __future__ import annotations

from bilateral.schema import Field, Table, iso3, year
from bilateral.sources.unga.common import IDEAL, UNXML, VOETEN, VOTE_VALUES
from bilateral.sources.unga.issues import ISSUE_CODES

__all__ = ["AGREEMENT", "COSPONSORS", "IDEAL_POINTS", "RESOLUTIONS", "TABLES", "VOTES"]


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
