"""Manufacture: who builds, makes or develops a weapon ("the jets, built by Dassault")."""

from __future__ import annotations

from kg.kinds.forces import EQUIPMENT
from kg.kinds.model import AGENT, Kind, Role, words
from kg.vocab import DD

KIND = Kind(
    name="manufacture",
    cls=DD.Manufacturing,
    roles=(Role("maker", DD.actor, AGENT), EQUIPMENT),
    verbs=words("build manufacture make produce develop design assemble construct"),
    relations=("making",),
    told="{maker} makes {equipment} | {equipment} made",
)
