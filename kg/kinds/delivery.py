"""Arms deliveries: weapons handed over, shipped or arriving ("Russia began delivering
the S-400 to Turkey", "the tanks arrived in March")."""

from __future__ import annotations

from kg.kinds.model import Kind, words
from kg.kinds.transfer import EQUIPMENT, EQUIPMENT_SUBJECT, HANDOVER, RECIPIENT, SUPPLIER
from kg.vocab import DD

KIND = Kind(
    name="delivery",
    cls=DD.ArmsDelivery,
    roles=(SUPPLIER, RECIPIENT, EQUIPMENT),
    verbs=HANDOVER | EQUIPMENT_SUBJECT,
    nouns=words("delivery shipment transfer"),
    relations=("transfer",),
    plover_type="AID",
    cameo="072",
    told=(
        "{supplier} delivers[ {equipment}][ to {recipient}] | "
        "{recipient} receives[ {equipment}] | "
        "delivery of {equipment}"
    ),
)
