"""Memberships that hold over time ("NATO ally Turkey", "a member of the EU"); read from
how members are described, not from a trigger word."""

from __future__ import annotations

from kg.kinds.model import ORG, ORGANIZATION, Kind, Role
from kg.vocab import DD

KIND = Kind(
    name="membership",
    cls=DD.Membership,
    roles=(Role("member", DD.member, ORGANIZATION), Role("organization", DD.organization, ORG)),
    relations=("membership",),
    told="{member} belongs to {organization}",
)
