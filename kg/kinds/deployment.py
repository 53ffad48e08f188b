"""Deployments of forces and weapons ("Russia deployed Iskander missiles to Kaliningrad")."""

from __future__ import annotations

from kg.kinds.forces import EQUIPMENT, LOCATION
from kg.kinds.model import AGENT, Kind, Role, words
from kg.vocab import DD

KIND = Kind(
    name="deployment",
    cls=DD.Deployment,
    roles=(Role("deployer", DD.actor, AGENT), EQUIPMENT, LOCATION),
    verbs=words("deploy station redeploy position"),
    nouns=words("deployment redeployment stationing"),
    relations=("deployment",),
    plover_type="MOBILIZE",
    plover_mode="troops",
    cameo="154",
    told=(
        "{deployer} deploys {equipment}[ to {location}] | "
        "{deployer} deploys forces to {location} | "
        "{equipment} deployed[ to {location}]"
    ),
)
