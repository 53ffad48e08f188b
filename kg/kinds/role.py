"""Roles that hold over time: who holds which office where ("Turkish President Erdogan",
"Heiko Maas, Germany's foreign minister"); read from titles, not from a trigger word."""

from __future__ import annotations

from kg.kinds.model import ORGANIZATION, PERSON, Kind, Role
from kg.vocab import DD

KIND = Kind(
    name="role",
    cls=DD.RoleAssignment,
    roles=(Role("holder", DD.holder, PERSON), Role("org", DD.organization, ORGANIZATION)),
    relations=("role", "role_fallback"),
)
