"""Co-sponsors of the UN resolutions: parse the records' sponsor lists into states and groups.

How entries are split, which pieces are skipped and how names are resolved is described in
:mod:`bilateral.sources.unga` (Co-sponsors) and :func:`parse_sponsor_entry`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pandas as pd
import pycountry

from bilateral import countries
from bilateral.countries import raw_row
from bilateral.errors import RawDataError
from bilateral.sources.unga.issues import issue_areas

__all__ = ["cosponsor_rows", "group_name", "name_key", "parse_sponsor_entry", "set_known_names"]


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
    """name_key -> ISO3 for the spellings the lookups accept exactly (set by :func:`set_known_names`)."""
    return _KNOWN


def set_known_names(names: pd.Series, codes: pd.Series) -> None:
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


def cosponsor_rows(res: pd.DataFrame, file: str) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
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
