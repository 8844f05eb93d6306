"""Formatting for narrative text, so that prose quotes computed values consistently: numbers, then a few
English helpers (lists, possessives, plurals)."""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable


def num(x: float | int | None, digits: int = 1) -> str:
    """``num(2597.93) == "2,597.9"``; missing values read as "n/a"."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x:,.{digits}f}"


def integer(x: float | int | None) -> str:
    """``integer(1234.6) == "1,235"``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{round(x):,d}"


def pct(x: float | None, digits: int = 1, *, share: bool = False) -> str:
    """Format a percentage: ``pct(23.456) == "23.5%"``; with ``share=True`` the input is a fraction (0.2345)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x * 100 if share else x:,.{digits}f}%"


def usd_m(x: float | None, digits: int = 1) -> str:
    """US$ millions as readable text: ``usd_m(2597.9) == "US$2.6 billion"``, ``usd_m(95.6) == "US$95.6 million"``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if abs(x) >= 1000:
        return f"US${x / 1000:,.{digits}f} billion"
    return f"US${x:,.{digits}f} million"


def ratio(x: float | None, digits: int = 1) -> str:
    """``ratio(3.04) == "3.0×"``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x:,.{digits}f}×"


def years(start: int, end: int) -> str:
    """``years(1995, 2020) == "1995–2020"``."""
    return f"{start}–{end}" if start != end else str(start)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date(value: object, precision: object = None) -> str:
    """A date for readers, as precise as the source, in the suite's one style: ``"14 Oct 2009"`` (day),
    ``"Oct 2009"`` (month), ``"2009"`` (year); "" when missing.

    Args:
        value: an ISO date (``2009-10-14``), year-month (``2009-10``) or year (``2009``), or a date object.
        precision: ``"day"``, ``"month"`` or ``"year"``; missing or unknown: read from the length of ``value``.

    >>> date("2009-10-14"), date("2009-10-01", "month"), date("2009-01-01", "year"), date("2009-10")
    ('14 Oct 2009', 'Oct 2009', '2009', 'Oct 2009')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value).strip()[:10]
    if not text or text.lower() in ("nan", "nat", "<na>", "none"):
        return ""
    if precision not in ("day", "month", "year"):
        precision = {4: "year", 7: "month"}.get(len(text), "day")
    year = text[:4]
    if precision == "year" or len(text) < 7:
        return year
    month = _MONTHS[int(text[5:7]) - 1]
    if precision == "month" or len(text) < 10:
        return f"{month} {year}"
    return f"{int(text[8:10])} {month} {year}"


def period(value: object) -> str:
    """A period of months as readers see it: ``"2019-01..2019-11"`` reads "Jan–Nov 2019", ``"2019-11..2020-02"``
    "Nov 2019–Feb 2020", ``"2020-02"`` "Feb 2020", ``"2020-H1"`` "H1 2020", ``"2020-Q1"`` "Q1 2020"; other text
    is kept.

    >>> period("2019-01..2019-11"), period("2020-H1"), period("2025-12")
    ('Jan–Nov 2019', 'H1 2020', 'Dec 2025')
    """
    text = "" if value is None else str(value).strip()
    if ".." in text:
        a, _, b = text.partition("..")
        if a[:4] == b[:4] and len(a) == len(b) == 7:
            return f"{_MONTHS[int(a[5:7]) - 1]}–{date(b)}"
        return f"{date(a)}–{date(b)}"
    if len(text) == 7 and text[4] == "-" and text[5] in "HQ":
        return f"{text[5:]} {text[:4]}"
    return date(text) if len(text) in (4, 7, 10) and text[:4].isdigit() else text


def join_and(items: Iterable[object], conj: str = "and") -> str:
    """``join_and(["BTC", "SCP", "TANAP"]) == "BTC, SCP and TANAP"``; ``conj="or"`` joins with "or"; an empty
    list gives ""."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def poss(name: str) -> str:
    """English possessive of a name: ``poss("Armenia") == "Armenia's"``, ``poss("United States") == "United States'"``."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def plural_noun(word: str) -> str:
    """``plural_noun("treaty") == "treaties"``, ``plural_noun("agreement") == "agreements"``."""
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``plural(1, "year") == "1 year"``, ``plural(3, "year") == "3 years"``, ``plural(2, "ally", "allies")``."""
    return f"{integer(n)} {noun if n == 1 else (many or noun + 's')}"


def ordinal(n: int) -> str:
    """``ordinal(1) == "1st"``, ``ordinal(2) == "2nd"``, ``ordinal(11) == "11th"``, ``ordinal(23) == "23rd"``."""
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_LONG_DAY = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(calendar.month_name[1:])}) (\d{{4}})\b")


def dates_in_text(text: str) -> str:
    """The dates written in a text (a catalogue vintage, a table's label) in the suite's one date style
    (:func:`date`): ``2021-02-21`` and ``21 February 2021`` both read "21 Feb 2021". For prose taken from a
    table, not for web addresses.

    >>> dates_in_text("Dataverse file of 2021-02-21; version of 28 July 2025")
    'Dataverse file of 21 Feb 2021; version of 28 Jul 2025'
    """
    text = _ISO_DAY.sub(lambda m: date(m.group(0), "day"), str(text))
    return _LONG_DAY.sub(
        lambda m: date(f"{m.group(3)}-{list(calendar.month_name).index(m.group(2)):02d}-{int(m.group(1)):02d}", "day"),
        text,
    )
