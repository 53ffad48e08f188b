"""Successions in office ("X replaces General Y as Chief of Defence Staff", "X will
succeed Y"): who took over a post from whom. The post is the successor's role."""

from __future__ import annotations

from kg.kinds.model import PERSON, Kind, Role, words
from kg.vocab import DD

KIND = Kind(
    name="succession",
    cls=DD.Succession,
    roles=(Role("successor", DD.successor, PERSON), Role("predecessor", DD.predecessor, PERSON)),
    verbs=words("replace succeed"),
    nouns=words("succession"),
    relations=("succession",),
    told="{successor} succeeds {predecessor}",
)
