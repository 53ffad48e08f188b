"""Deployments of forces and weapons ("Russia deployed Iskander missiles to Kaliningrad")."""

from __future__ import annotations

from kg.kinds.forces import EQUIPMENT, LOCATION
from kg.kinds.model import AGENT, Kind, Role, words
from kg.vocab import DD

# Verbs that deploy only people ("sent 1,000 troops to Mozambique"; weapons sent are
# delivered), and the nouns of the people they deploy.
SENDING = frozenset({"send"})
FORCES = frozenset("troop soldier force unit personnel marine battalion brigade contingent".split())

KIND = Kind(
    name="deployment",
    cls=DD.Deployment,
    roles=(Role("deployer", DD.actor, AGENT), EQUIPMENT, LOCATION),
    verbs=words("deploy station redeploy position send dispatch"),
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
