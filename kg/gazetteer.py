"""The gazetteer: known entities with their names, read from ``ontology/gazetteer/``.

Sovereign states come from pycountry (names, ISO codes) joined with
``countries.tsv`` (the common English label, demonyms, capitals and seats of
government used as metonyms, and the regions news groups states by, which pycountry
lacks: UN M49 continents and sub-regions, and groups such as "Baltic", "Gulf", "Arab").
Alliances, agencies, companies, media, weapon systems, programs, laws, places and
well-known people come from ``entities.yaml``. Every entry gets a deterministic IRI, so the same
entity from two articles, or from a question, is one node.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml
from rdflib import URIRef

from kg.errors import OntologyError
from kg.text import norm_key, slugify
from kg.vocab import DD, RES

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
GAZETTEER_DIR = ONTOLOGY_DIR / "gazetteer"

# Entity types the gazetteer may name, mapped to ontology classes.
TYPES: dict[str, URIRef] = {
    name: DD[name]
    for name in (
        "State",
        "Alliance",
        "InternationalOrganization",
        "GovernmentBody",
        "MilitaryOrganization",
        "Company",
        "MediaOrganization",
        "NonStateArmedGroup",
        "Person",
        "WeaponSystem",
        "DefenseProgram",
        "LegalInstrument",
        "Place",
        "Organization",
    )
}

_CLASS_NAME = re.compile(r"^(.+?)[- ]class\b", re.I)

CATEGORY_BASE = str(DD._NS) + "category/"


def category_iri(slug: str) -> URIRef:
    """IRI of a weapon category concept defined in the ontology (``dd:category/…``)."""
    return URIRef(CATEGORY_BASE + slug)


# The adjective news writes for each region, as ``countries.tsv`` names the region:
# "the Southeast Asian country", "Which Gulf states ...".
REGION_ADJECTIVES: dict[str, str] = {
    "european": "Europe",
    "eastern european": "Eastern Europe",
    "east european": "Eastern Europe",
    "central european": "Central Europe",
    "northern european": "Northern Europe",
    "southern european": "Southern Europe",
    "asian": "Asia",
    "east asian": "East Asia",
    "south asian": "South Asia",
    "southeast asian": "Southeast Asia",
    "south-east asian": "Southeast Asia",
    "south east asian": "Southeast Asia",
    "central asian": "Central Asia",
    "african": "Africa",
    "north african": "North Africa",
    "west african": "West Africa",
    "east african": "East Africa",
    "central african": "Central Africa",
    "latin american": "Latin America",
    "south american": "South America",
    "central american": "Central America",
    "caribbean": "Caribbean",
    "middle eastern": "Middle East",
    "mideast": "Middle East",
    "gulf": "Gulf",
    "arab": "Arab",
    "baltic": "Baltic",
    "nordic": "Nordic",
    "scandinavian": "Scandinavia",
    "balkan": "Balkans",
    "sahel": "Sahel",
    "sahelian": "Sahel",
    "caucasus": "Caucasus",
    "pacific": "Oceania",
}
_REGIONS_LONGEST_FIRST = sorted(REGION_ADJECTIVES, key=len, reverse=True)


def region_written(words: str) -> str | None:
    """The region that ``words``, the modifiers of a noun, end on: "Southeast Asian",
    "war-torn Caribbean", "South-East Asian" (the region's name, or none)."""
    written = " ".join(words.lower().replace("-", " ").split())
    for adjective in _REGIONS_LONGEST_FIRST:
        if written == adjective or written.endswith(" " + adjective):
            return REGION_ADJECTIVES[adjective]
    return None


@dataclass(frozen=True)
class Entry:
    """One known entity and every name it goes by."""

    iri: URIRef
    type: URIRef
    label: str
    names: tuple[str, ...] = ()  # proper names and abbreviations, label first
    demonyms: tuple[str, ...] = ()  # "Turkish": a reference to the state
    metonyms: tuple[str, ...] = ()  # "Ankara", "the Kremlin": its government
    country: URIRef | None = None
    iso2: str | None = None
    regions: tuple[str, ...] = ()  # a state's: "Europe", "Eastern Europe", "Baltic"
    category: URIRef | None = None
    manufacturer: URIRef | None = None
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def all_names(self) -> tuple[str, ...]:
        return self.names + self.demonyms + self.metonyms


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def country_iri(label: str) -> URIRef:
    return RES[slugify(label)]


def read_countries(path: Path) -> Iterator[Entry]:
    """States: ``countries.tsv`` rows enriched with pycountry's names for the ISO code."""
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh, delimiter="\t"), 2):
            iso2 = (row.get("iso2") or "").strip().upper()
            label = (row.get("label") or "").strip()
            if not iso2 or not label:
                raise OntologyError(f"{path}:{lineno}: a country needs iso2 and label")
            names = [label, *_split(row.get("aliases"))]
            record = pycountry.countries.get(alpha_2=iso2)
            if record is not None:
                for attr in ("name", "common_name", "official_name"):
                    value = getattr(record, attr, None)
                    # "Korea, Republic of" style names are index forms, not how news writes.
                    if value and "," not in value:
                        names.append(value)
            yield Entry(
                iri=country_iri(label),
                type=DD.State,
                label=label,
                names=_unique(names),
                demonyms=_split(row.get("demonyms")),
                metonyms=_split(row.get("metonyms")),
                iso2=iso2,
                regions=_split(row.get("regions")),
            )


def read_entities(path: Path, countries: dict[str, Entry]) -> Iterator[Entry]:
    """Curated entities from YAML; ``country`` and ``manufacturer`` are resolved to IRIs."""
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise OntologyError(f"{path}: invalid YAML ({exc})") from exc
    if not isinstance(items, list):
        raise OntologyError(f"{path}: expected a list of entities")
    for item in items:
        where = f"{path}: entity {item.get('id', '?')!r}"
        type_name = item.get("type")
        if type_name not in TYPES:
            raise OntologyError(f"{where}: unknown type {type_name!r}")
        label = str(item.get("label") or "").strip()
        if not label or not item.get("id"):
            raise OntologyError(f"{where}: id and label are required")
        country = item.get("country")
        if country and country not in countries:
            raise OntologyError(f"{where}: unknown country code {country!r}")
        manufacturer = item.get("manufacturer")
        yield Entry(
            iri=RES[slugify(str(item["id"]))],
            type=TYPES[type_name],
            label=label,
            names=_unique([label, *(str(a) for a in item.get("aliases") or [])]),
            country=countries[country].iri if country else None,
            category=category_iri(item["category"]) if item.get("category") else None,
            manufacturer=RES[slugify(str(manufacturer))] if manufacturer else None,
        )


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    return tuple(out)


def weapon_plural(name: str) -> str | None:
    """The plural of a weapon's name that ends in a common noun ("Apache helicopter" ->
    "Apache helicopters"), or of a one-word name ("Rafale" -> "Rafales", "Stinger" ->
    "Stingers": "Egypt ordered 30 Rafales"); None for names that end in a proper name
    or a plural, for acronyms ("PrSM") and for short names."""
    last = name.rsplit(" ", 1)[-1]
    if not last.isalpha() or last.endswith("s"):
        return None
    if " " not in name:
        named = len(name) >= 4 and name[0].isupper() and name[1:].islower()
        return f"{name}s" if named else None
    if not last.islower():
        return None
    return f"{name}es" if last.endswith(("ch", "sh", "x")) else f"{name}s"


class Gazetteer:
    """All known entries, indexed by IRI and by the normal form of every name."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[URIRef, Entry] = {}
        self.by_key: dict[str, Entry] = {}
        for entry in entries:
            self.entries[entry.iri] = entry
            for name in entry.all_names:
                # First come wins: states are read first, so a state keeps its names.
                self.by_key.setdefault(norm_key(name), entry)
        # A ship class is also named without its kind: "the Virginia class" is the
        # Virginia-class submarine. Weaker than any name given, so added last.
        for entry in self.entries.values():
            if entry.type != DD.WeaponSystem:
                continue
            for name in entry.names:
                plural = weapon_plural(name)
                if plural:  # "Apache helicopters" as well as "Apache helicopter"
                    self.by_key.setdefault(norm_key(plural), entry)
                match = _CLASS_NAME.match(name)
                if match:
                    for joiner in ("-", " "):
                        self.by_key.setdefault(norm_key(f"{match[1]}{joiner}class"), entry)

    def lookup(self, name: str) -> Entry | None:
        """The entry one of whose names has the same normal form as ``name``."""
        return self.by_key.get(norm_key(name))

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())


def load_gazetteer(directory: Path = GAZETTEER_DIR) -> Gazetteer:
    """Read the gazetteer files; states first so that their names take precedence."""
    countries = {e.iso2: e for e in read_countries(directory / "countries.tsv") if e.iso2}
    entities = list(read_entities(directory / "entities.yaml", countries))
    return Gazetteer([*countries.values(), *entities])


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    return load_gazetteer()
