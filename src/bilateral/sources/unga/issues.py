"""Issue areas: Voeten's six codes, and the keyword rules that put a UN resolution into them."""

from __future__ import annotations

import re

__all__ = ["ISSUE_CODES", "ISSUE_RULES", "issue_areas"]


#: The six issue areas (Voeten's codes), in a fixed order.
ISSUE_CODES = ("me", "nu", "di", "hr", "co", "ec")

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
