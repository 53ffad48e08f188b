"""Ceremonies ("a signing ceremony in Riyadh")."""

from __future__ import annotations

from kg.kinds.gathering import ROLES
from kg.kinds.model import Kind, words
from kg.vocab import DD

KIND = Kind(
    name="ceremony",
    cls=DD.Ceremony,
    roles=ROLES,
    nouns=words("ceremony signing"),
    relations=("meeting",),
    told="ceremony[ with {participant}][ in {location}]",
    plover_type="CONSULT",
    cameo="043",
)
