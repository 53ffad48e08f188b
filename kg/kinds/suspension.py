"""Suspensions and exclusions from a program or body ("Turkey was removed from the F-35
program", "the Council of Europe expelled Russia")."""

from __future__ import annotations

from kg.kinds.coercion import ACTOR, TARGET
from kg.kinds.model import FROM_WHAT, ORG, Kind, Role, words
from kg.vocab import DD

KIND = Kind(
    name="suspension",
    cls=DD.ProgramSuspension,
    roles=(
        ACTOR,
        TARGET,
        Role("program", DD.program, FROM_WHAT),
        Role("organization", DD.organization, ORG),
    ),
    verbs=words("suspend remove expel exclude kick oust eject drop bar ban cut freeze"),
    relations=("suspension",),
    told=(
        "{actor} suspends {target}[ from {program}][ from {organization}] | "
        "{target} suspended[ from {program}][ from {organization}]"
    ),
    plover_type="SANCTION",
    plover_mode="discontinue",
    cameo="163",
)
