"""Visits ("Austin visited Seoul"; "during his visit to Manila"; "Erdogan arrived in Jeddah",
"travelled to Manila")."""

from __future__ import annotations

from kg.kinds.gathering import ROLES, TRAVEL_VERBS
from kg.kinds.model import Kind, words
from kg.vocab import DD

KIND = Kind(
    name="visit",
    cls=DD.Visit,
    roles=ROLES,
    verbs=words("visit") | TRAVEL_VERBS,
    nouns=words("visit visits"),
    relations=("meeting",),
    plover_type="CONSULT",
    plover_mode="visit",
    cameo="042",
    told="visit by {participant}[ to {location}] | visit to {location}",
)
