"""Summits ("the NATO summit in London")."""

from __future__ import annotations

from kg.kinds.gathering import ROLES
from kg.kinds.model import Kind, words
from kg.vocab import DD

KIND = Kind(
    name="summit",
    cls=DD.Summit,
    roles=ROLES,
    nouns=words("summit summits"),
    relations=("meeting",),
    plover_type="CONSULT",
    plover_mode="multilateral",
    cameo="044",
    told="summit[ of {organization}][ with {participant}][ in {location}] | summit in {location}",
)
