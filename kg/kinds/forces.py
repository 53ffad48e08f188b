"""The roles that making, testing and deploying weapons share."""

from __future__ import annotations

from kg.kinds.model import PLACE, WEAPON, Role
from kg.vocab import DD

EQUIPMENT = Role("equipment", DD.equipment, WEAPON)
LOCATION = Role("location", DD.location, PLACE)
