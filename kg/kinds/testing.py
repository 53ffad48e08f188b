"""Weapon tests and launches ("North Korea test-fired a Hwasong-15")."""

from __future__ import annotations

from kg.kinds.forces import EQUIPMENT, LOCATION
from kg.kinds.model import AGENT, Kind, Role, words
from kg.vocab import DD

KIND = Kind(
    name="test",
    cls=DD.WeaponTest,
    roles=(Role("tester", DD.actor, AGENT), EQUIPMENT, LOCATION),
    verbs=words("test activate launch"),
    nouns=words("test launch test-firing test-fire test-launch"),
    verb_prefixes=("test-fir", "test-launch"),  # "test-fired", "test-launched" left whole
    relations=("testing",),
    plover_type="MOBILIZE",
    plover_mode="weapons",
    cameo="150",
    told="{tester} tests {equipment}[ at {location}] | test of {equipment}[ at {location}]",
)
