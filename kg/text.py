"""Text normalization shared by linking, the label index and question parsing.

One normal form for names means "Erdoğan", "Erdogan" and "ERDOGAN", or "U.S." and
"US", meet in the same index entry, whichever article or question they come from.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Quotation marks that open and close a quotation, straight or curly (a straight one does
# both).
OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})

# The weapon categories (of the gazetteer) a noun for weapons may name: "the stealth jets"
# told back are the fighters told before, not the missile system told last; "Apart from
# fighter jets, what did X order?" leaves the fighters out.
_AIRCRAFT = {"fighter-aircraft", "bomber", "transport-aircraft"}
SHIP_CATEGORIES = frozenset({"warship", "submarine"})

# The calendar's names, as news writes them (answers show dates with them; the question
# side reads them).
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WEAPON_NOUN_CATEGORIES: dict[str, frozenset[str]] = {
    noun: frozenset(categories)
    for nouns, categories in (
        ("jet jets fighter warplane plane", _AIRCRAFT),
        ("aircraft", _AIRCRAFT | {"helicopter", "drone"}),
        ("helicopter chopper", {"helicopter"}),
        ("drone uav", {"drone"}),
        ("submarine", {"submarine"}),
        ("ship vessel warship frigate corvette destroyer", SHIP_CATEGORIES),
        ("tank", {"tank"}),
        ("howitzer", {"artillery"}),
    )
    for noun in nouns.split()
}

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})
_DOTTED = re.compile(r"(?<=\b\w)\.(?=\w\b|\w\.)|(?<=\b\w)\.(?=\s|$)")
_POSSESSIVE = re.compile(r"'s\b|'")
_NON_WORD = re.compile(r"[^\w\s\-]+")
_SPACE = re.compile(r"\s+")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def local_name(iri: object) -> str:
    """The last part of an IRI, after its "#" or its last "/" ("fighter-aircraft")."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def strip_accents(text: str) -> str:
    """Remove combining marks after NFKD decomposition ("Türkiye" -> "Turkiye")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def norm(text: str) -> str:
    """The normal form of a name: accents and case folded, dots of initialisms dropped.

    >>> norm("the U.S.")
    'the us'
    >>> norm("Recep Tayyip Erdoğan")
    'recep tayyip erdogan'
    >>> norm("NATO's")
    'nato'
    >>> norm("S-400  Triumf")
    's-400 triumf'
    """
    text = strip_accents(text).translate(_QUOTES).casefold()
    text = _DOTTED.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


# A model designator in the plural: "S-400s", "F-35As", "MiG-29s" name the S-400, ...
_PLURAL_DESIGNATOR = re.compile(r"\b([a-z]{1,4}-\d{1,4}[a-z]?)s\b")


@lru_cache(maxsize=1 << 16)
def norm_key(text: str) -> str:
    """:func:`norm` without a leading article or a designator's plural, for lookups ("the
    Kremlin" = "Kremlin", "F-35s" = "F-35").

    Cached: names recur across articles (on 34 real articles, 70% of the calls repeat a
    name already seen), and linking and the label index ask for the same key many times.

    >>> norm_key("the S-400s")
    's-400'
    """
    key = _PLURAL_DESIGNATOR.sub(r"\1", norm(text))
    for article in ("the ", "a ", "an "):
        if key.startswith(article):
            return key[len(article) :]
    return key


def slugify(text: str) -> str:
    """A lowercase ASCII slug for minting IRIs ("Mark Esper" -> "mark-esper")."""
    return _SLUG_DROP.sub("-", strip_accents(text).casefold()).strip("-") or "x"


COUNTERPARTS = frozenset({"counterpart", "counterparts"})
"""Who holds the same post in another state: a name right after it is a person's ("his
counterpart from Burkina Faso Kassoum Coulibaly", "his Indian counterpart Rajnath Singh")."""
