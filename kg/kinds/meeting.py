"""Meetings and talks ("Erdogan met Trump in Osaka")."""

from __future__ import annotations

from kg.kinds.gathering import ROLES
from kg.kinds.model import Kind, words
from kg.vocab import DD

KIND = Kind(
    name="meeting",
    cls=DD.Meeting,
    roles=ROLES,
    verbs=words("meet host attend gather convene receive"),
    # Nouns as written: "talks" is a meeting, "talk" is not.
    nouns=words("meeting meetings talks conference"),
    relations=("meeting",),
    plover_type="CONSULT",
    cameo="043",
    told=(
        "meeting of {participant}[ in {location}][ on {topic}] | meeting[ in {location}] on {topic}"
    ),
)
