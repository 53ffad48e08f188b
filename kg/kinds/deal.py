"""Arms deals: contracts, sales and purchases ("Egypt bought 30 Rafale jets from France")."""

from __future__ import annotations

from kg.kinds.model import Kind, words
from kg.kinds.transfer import (
    CONTRACTOR,
    EQUIPMENT,
    HANDOVER,
    RECIPIENT,
    RECIPIENT_SUBJECT,
    SUPPLIER,
    SUPPLIER_SUBJECT,
)
from kg.vocab import DD

KIND = Kind(
    name="deal",
    cls=DD.ArmsDeal,
    roles=(SUPPLIER, RECIPIENT, EQUIPMENT, CONTRACTOR),
    verbs=(SUPPLIER_SUBJECT | RECIPIENT_SUBJECT) - HANDOVER,
    # "deliveries", "exports", "imports" as written: the lemmatizer does not always
    # reduce them, and a deal noun is read whichever form it has.
    nouns=words(
        "deal contract agreement sale purchase order acquisition procurement "
        "deliveries supply export exports import imports package batch"
    ),
    relations=("transfer",),
    plover_type="COOPERATE",
    cameo="062",
    told=(
        "{supplier} sells[ {equipment}][ to {recipient}] | "
        "{recipient} buys[ {equipment}] | "
        "deal for {equipment}"
    ),
)
