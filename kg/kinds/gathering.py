"""The roles that meetings, summits, visits and ceremonies share."""

from __future__ import annotations

from kg.kinds.model import AGENT, ANY, ORG, PLACE, Role
from kg.vocab import DD

PARTICIPANT = Role("participant", DD.participant, AGENT)
ORGANIZATION = Role("organization", DD.organization, ORG)
LOCATION = Role("location", DD.location, PLACE)
TOPIC = Role("topic", DD.topic, ANY)
ROLES = (PARTICIPANT, ORGANIZATION, LOCATION, TOPIC)

MET_IN_PAIRS = frozenset({"meet", "receive"})
"""Meeting verbs that need two parties named ("X met Y"; "X received Y")."""
TRAVEL_VERBS = frozenset({"arrive", "travel"})
"""Verbs of going somewhere: a visit by the people who go, to where they go ("Erdogan
arrived in Jeddah", "Austin travelled to Manila"); nobody else is met."""
