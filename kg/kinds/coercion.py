"""The roles that sanctions, threats, suspensions, halts and ultimatums share: who
coerces, whom, under which law and over which weapons."""

from __future__ import annotations

from kg.kinds.model import AGENT, LAW, WEAPON, Role
from kg.vocab import DD

ACTOR = Role("actor", DD.actor, AGENT)
TARGET = Role("target", DD.target, AGENT)
LEGAL_BASIS = Role("law", DD.legalBasis, LAW)
EQUIPMENT = Role("equipment", DD.equipment, WEAPON)
