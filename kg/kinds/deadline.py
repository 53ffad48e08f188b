"""Ultimatums and deadlines ("gave Turkey until July 31 to ...")."""

from __future__ import annotations

from kg.kinds.coercion import ACTOR, TARGET
from kg.kinds.model import Kind, words
from kg.vocab import DD

KIND = Kind(
    name="deadline",
    cls=DD.Ultimatum,
    roles=(ACTOR, TARGET),
    nouns=words("deadline ultimatum"),
    plover_type="THREATEN",
    plover_mode="ultimatum",
    cameo="139",
    told="{actor} sets {target} a deadline | {actor} sets a deadline",
)
