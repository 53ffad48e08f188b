"""Money as news writes it: "$4.6 billion", "€2.3bn", "630 billion rupees", "3.98 billion
Czech crowns", "a 14-billion-Canadian-dollar deal", "one billion euros".

One grammar for the extractor (the value of a deal) and the sentence reader (an amount
answered as written), so both read the same amounts. The currency names come from ISO
4217 as ``pycountry`` gives them ("Forint", "Rupiah", "Czech Koruna"), with the English
plurals and translations news uses ("forints", "crowns", "reais"); a unit several
currencies share ("dinar", "crown") is told by the people's adjective before it ("Czech
crowns" is CZK) and is otherwise left without a code. Pure text: no parser needed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

import pycountry

# Words that end an ISO currency name but are ordinary English after a number ("the
# 100 mark", "a real threat"), or name metals and accounting units rather than money.
_NOT_UNITS = frozenset(
    "mark real sum sol colon gold silver platinum palladium account involved purposes "
    "previsional fomento oro omani uruguayo soberano sucre escudo guilder mvdol".split()
)
# English names news uses for currencies ISO names otherwise: the unit and the ISO words
# it translates.
_TRANSLATED = {
    "crown": ("koruna", "krona", "krone"),
    "kroner": ("krone",),
    "kronor": ("krona",),
    "shekel": ("sheqel",),
    "rouble": ("ruble",),
    "reais": ("real",),
    "yuan": ("renminbi",),
    "riyal": ("rial",),
    "rial": ("riyal",),
}
# The currency a unit many states use means when no people's adjective says otherwise.
_USUALLY = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "rupee": "INR",
    "won": "KRW",
    "riyal": "SAR",
    "rial": "IRR",
    "yuan": "CNY",
}
_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "ksh": "KES",
    "sh": "KES",  # Kenyan papers: "Sh25 billion"
    "tsh": "TZS",
    "ush": "UGX",
    "rm": "MYR",
    "₱": "PHP",
    "p": "PHP",  # Philippine papers: "P16 billion" (read only with a number right after)
    "php": "PHP",
}
# Symbols that are letters a name may begin with: money only with a scale after them.
_LETTERS_WITH_A_SCALE = frozenset({"P", "Sh", "TSh", "USh"})
# A dollar other than the US one is told by its state: "A$1.2 billion", "2.35 billion New
# Zealand dollars".
_STATE_DOLLARS = {
    "canadian": "CAD",
    "australian": "AUD",
    "new zealand": "NZD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "us": "USD",
    "u.s.": "USD",
}
SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "crore": 1e7,
    "lakh": 1e5,
}
_WORD_AMOUNTS = {
    "a": 1.0,
    "half a": 0.5,
    **{
        w: float(n)
        for n, w in enumerate("one two three four five six seven eight nine ten".split(), 1)
    },
}


@cache
def _units() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each unit word as written (singular and plural) with its singular and the ISO
    codes it may stand for."""
    every: dict[str, set[str]] = {}
    for currency in pycountry.currencies:
        every.setdefault(currency.name.split()[-1].lower(), set()).add(currency.alpha_3)
    names = {w: codes for w, codes in every.items() if w.isalpha() and w not in _NOT_UNITS}
    for word, iso_words in _TRANSLATED.items():
        codes = {code for iso in iso_words for code in every.get(iso, ())}
        names[word] = names.get(word, set()) | codes
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for word, codes in names.items():
        forms = {word} if word.endswith("s") else {word, word + "s", word + "es"}
        for form in forms:
            out.setdefault(form, (word, tuple(sorted(codes))))
    return out


@cache
def _pattern() -> re.Pattern[str]:
    units = "|".join(sorted(map(re.escape, _units()), key=len, reverse=True))
    return re.compile(
        r"(?P<cur>US\$|A\$|C\$|NZ\$|HK\$|S\$|\$|€|£|¥|₹|₱|KSh|RM|Rs\.?|"
        r"(?-i:TSh|USh|Sh)(?=\s?\d)|(?-i:P)(?=\d)|"
        r"(?-i:[A-Z]{3})(?=\s?\d))\s?"
        r"(?P<num>\d+(?:[.,]\d+)*)[\s-]*"
        r"(?P<scale>trillion|billion|million|thousand|crore|lakh|bn|mn|m|b|tn)?\b|"
        r"(?P<num2>\d+(?:[.,]\d+)*|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|"
        r"half a)(?=[\s-]+(?:billion|million|trillion)))[\s-]*"
        r"(?P<scale2>trillion|billion|million|crore|lakh|bn|mn)?[\s-]*"
        r"(?:(?P<state>Canadian|Australian|New[\s-]Zealand|Hong[\s-]Kong|Singapore|Taiwan|"
        r"U\.?S\.?)[\s-]|(?P<people>(?-i:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\s)?"
        rf"(?P<unit>{units}|(?-i:[A-Z]{{3}}))\b",
        re.I,
    )


class Amount(NamedTuple):
    """An amount as ``text`` writes it: where, its value (None when the number does not
    read: "1,2,3"), its ISO currency ("" when the unit leaves it open) and the scale
    word written with it ("billion", "bn", "crore"; "" for none)."""

    start: int
    end: int
    value: float | None
    currency: str
    scale: str


def find_money(text: str) -> list[Amount]:
    """The amounts ``text`` writes, in order."""
    out: list[Amount] = []
    for m in _pattern().finditer(text):
        unit = m.group("unit")
        cur = m.group("cur")
        if unit and unit.isupper() and not _is_iso(unit):
            continue  # "200 NATO": letters that are no currency
        if unit and not unit.isupper() and not unit.islower():
            continue  # "156 Iveco Guarani": a name; news writes currencies in lowercase
        if cur and cur.isalpha() and cur.isupper() and len(cur) == 3 and not _is_iso(cur):
            continue
        number = m.group("num") or m.group("num2")
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        if cur in _LETTERS_WITH_A_SCALE and not scale:
            continue  # "P8 jets", "Sh5": a name and a number; "P16 billion" is money
        end = m.start() + len(m.group(0).rstrip(" -"))
        try:
            base = _WORD_AMOUNTS.get(number.lower()) or float(number.replace(",", ""))
        except ValueError:
            out.append(Amount(m.start(), end, None, "", scale))
            continue
        out.append(Amount(m.start(), end, base * SCALES.get(scale, 1.0), _currency(m), scale))
    return out


def _currency(m: re.Match[str]) -> str:
    """The ISO code an amount is in, or "" when its unit leaves it open."""
    cur = (m.group("cur") or "").lower()
    if cur:
        return _SYMBOLS.get(cur, cur.upper())
    unit = m.group("unit")
    if unit.isupper():
        return unit
    state = " ".join((m.group("state") or "").lower().replace("-", " ").split())
    if state and unit.lower().startswith("dollar"):
        return _STATE_DOLLARS.get(state, "USD")
    word, codes = _units()[unit.lower()]
    if len(codes) == 1:
        return codes[0]
    people = (m.group("people") or "").lower().split()
    if people:
        # "Czech crowns", "Qatari riyals": the currency among the unit's whose ISO name
        # names that people ("Czech Koruna", "Qatari Rial").
        told = [c for c in codes if all(p[:5] in _currency_name(c).lower() for p in people)]
        if len(told) == 1:
            return told[0]
    return _USUALLY.get(word, "")


@cache
def _is_iso(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


@cache
def _currency_name(code: str) -> str:
    found = pycountry.currencies.get(alpha_3=code)
    return found.name if found is not None else ""


# An amount written as the adjective of spending that is no deal: "a two-billion-euro
# development programme", "a $1 billion modernisation plan", "its $50bn defence budget".
_OTHER_SPENDING = re.compile(
    r"(?:-\w+)*\s+(?:[\w-]+\s+)?(?:programme|program|project|budget|plan|fund|loan|"
    r"investment|upgrade|modernisation|modernization|research|development)s?\b",
    re.I,
)


# What makes an amount a difference between two prices: "2 billion Swiss francs cheaper
# than the next lowest bidder", "$300 million more than planned".
_A_DIFFERENCE = re.compile(
    r"\s+(?:cheaper|dearer|costlier|more|less|higher|lower)\b(?:\s+[\w-]+)?\s+than\b", re.I
)


def a_difference(text: str, amount: Amount) -> bool:
    """Whether ``amount`` is how much one price is above or below another, not a price."""
    return _A_DIFFERENCE.match(text, amount.end) is not None


def spent_on_other_things(text: str, amount: Amount) -> bool:
    """Whether ``amount`` is the size of a programme, budget or plan ("a two-billion-euro
    development programme"), not of a deal, sale or aid."""
    return _OTHER_SPENDING.match(text, amount.end) is not None


def not_a_price(text: str, amount: Amount) -> bool:
    """Whether ``amount`` is no price of a deal, sale or aid: the size of other spending,
    or a difference between two prices (what extraction and the sentence tier skip)."""
    return spent_on_other_things(text, amount) or a_difference(text, amount)
