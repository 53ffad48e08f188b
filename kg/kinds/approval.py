"""Sale approvals: a government clearing an arms sale ("The State Department approved a
possible sale of ... to Norway")."""

from __future__ import annotations

from kg.kinds.model import AGENT, Kind, Role, words
from kg.kinds.transfer import CONTRACTOR, EQUIPMENT, RECIPIENT, SUPPLIER
from kg.vocab import DD

KIND = Kind(
    name="approval",
    cls=DD.ArmsSaleApproval,
    roles=(Role("actor", DD.actor, AGENT), SUPPLIER, RECIPIENT, EQUIPMENT, CONTRACTOR),
    verbs=words("approve clear authorize authorise notify greenlight"),
    relations=("approval", "transfer"),
    plover_type="AGREE",
    cameo="0332",
    told=(
        "{actor} approves a sale[ of {equipment}][ to {recipient}] | "
        "sale[ of {equipment}] to {recipient} approved"
    ),
)
