"""Amounts in news text: money ("$4.6 billion", "630 billion rupees") and counts
("32 F-35 jets", "two dozen drones")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rdflib import Literal, URIRef
from spacy.tokens import Token

from kg.events.model import Event
from kg.nlp import looks_like_year
from kg.vocab import DD

XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


# (Indian amounts are written in crores and lakhs of rupees: "Rs 1,056 crore".)
# (A dollar other than the US one is told by its state: "A$1.2 billion", "2.35 billion New
# Zealand dollars", "a 14-billion-Canadian-dollar deal".)
_MONEY = re.compile(
    r"(?P<cur>US\$|A\$|C\$|NZ\$|HK\$|S\$|\$|€|£|¥|₹|EUR|USD|GBP|INR|KSh|RM|Rs\.?)\s?"
    r"(?P<num>\d+(?:[.,]\d+)*)[\s-]*"
    r"(?P<scale>trillion|billion|million|thousand|crore|lakh|bn|mn|m|b|tn)?\b|"
    r"(?P<num2>\d+(?:[.,]\d+)*|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|half a)"
    r"(?=[\s-]+(?:billion|million|trillion)))[\s-]*"
    r"(?P<scale2>trillion|billion|million|crore|lakh)?[\s-]*"
    r"(?:(?P<state>Canadian|Australian|New[\s-]Zealand|Hong[\s-]Kong|Singapore|Taiwan|US)[\s-])?"
    r"(?P<cur2>dollars?|euros?|pounds|yuan|rubles|roubles|won|zloty|rupees|shillings|naira|"
    r"rand|riyals|dirhams|yen)\b",
    re.I,
)


_SCALES = {
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


_CURRENCIES = {
    "$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "ksh": "KES",
    "rm": "MYR",
    "dollar": "USD",
    "euro": "EUR",
    "shillings": "KES",
    "naira": "NGN",
    "rand": "ZAR",
    "riyals": "SAR",
    "dirhams": "AED",
    "yen": "JPY",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
    "won": "KRW",
    "zloty": "PLN",
    "rupees": "INR",
    "₹": "INR",
    "inr": "INR",
    "rs": "INR",
    "rs.": "INR",
}


_STATE_DOLLARS = {
    "canadian": "CAD",
    "australian": "AUD",
    "new zealand": "NZD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "us": "USD",
}


_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}


# Numbers written out before a scale: "one billion euros", "half a billion dollars".
_AMOUNT_WORDS = {"a": 1.0, "half a": 0.5, **{w: float(n) for w, n in _NUMBER_WORDS.items() if n}}


def parse_money(text: str, near: int | None = None) -> tuple[float, str, str] | None:
    """("$4.6 billion" ->) value, ISO currency, the text as written.

    With several amounts in a sentence, the one nearest ``near`` (a character offset in
    ``text``: the trigger or the equipment) is the event's.
    """
    found: list[tuple[int, tuple[float, str, str]]] = []
    for m in _MONEY.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        cur = (m.group("cur") or m.group("cur2") or "").lower()
        state = " ".join((m.group("state") or "").lower().replace("-", " ").split())
        currency = _STATE_DOLLARS.get(state, "") if cur.startswith("dollar") else ""
        try:
            base = _AMOUNT_WORDS.get(num.lower()) or float(num.replace(",", ""))
        except ValueError:
            continue
        value = base * _SCALES.get(scale, 1.0)
        if not scale and value < 1000:
            continue  # "$5" in defense news is noise; real values carry a scale or size
        currency = currency or _CURRENCIES.get(cur, "USD")
        found.append((m.start(), (value, currency, m.group(0).strip())))
    if not found:
        return None
    if near is None:
        return found[0][1]
    return min(found, key=lambda f: abs(f[0] - near))[1]


def number_value(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(text)


def quantity_for(weapon_tokens: Sequence[Token]) -> int | None:
    """A count modifying the equipment noun: "32 F-35 jets", "three submarines", "24 drones",
    and the figure sale notices put in brackets: "one hundred fifty (150) AIM-9X"."""
    for t in weapon_tokens:
        doc = t.doc
        if t.i >= 3 and doc[t.i - 1].text == ")" and doc[t.i - 3].text == "(":
            value = number_value(doc[t.i - 2])
            if value is not None and 0 < value < 100000:
                return value
        head = t.head if t.dep_ in {"compound", "nmod", "amod"} else t
        for candidate in (head, *head.children, *t.children):
            for c in [candidate, *candidate.children]:
                if c.dep_ in {"nummod", "quantmod"} and c.like_num:
                    value = number_value(c)
                    if value is not None and 0 < value < 100000 and not looks_like_year(c):
                        return value
        # "32 of its F-35 jets": the number governs "of" + the weapon phrase
        node = head
        for _ in range(3):
            if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.like_num:
                value = number_value(node.head.head)
                if value is not None and not looks_like_year(node.head.head):
                    return value
            node = node.head
    return None


def set_money(event: Event, money: tuple[float, str, str]) -> None:
    value, currency, written = money
    event.set(DD.value, Literal(f"{value:.2f}", datatype=XSD_DECIMAL))
    event.set(DD.currency, Literal(currency))
    event.set(DD.valueText, Literal(written))
