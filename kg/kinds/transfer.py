"""How the grammar of an arms transfer maps onto its roles, for the kinds that tell of
one (:mod:`~kg.kinds.deal`, :mod:`~kg.kinds.delivery`, :mod:`~kg.kinds.negotiation`,
:mod:`~kg.kinds.approval`).

A verb's subject supplies ("Russia sold ...") or receives ("Egypt bought ..."); weapons
that arrive are the subject of their own delivery. A trigger verb the ontology adds
without being listed here is read as one whose subject receives.
"""

from __future__ import annotations

from kg.kinds.model import AGENT, COMPANY, WEAPON, Role, words
from kg.vocab import DD

SUPPLIER_SUBJECT = words(
    "sell supply deliver export provide transfer ship send give offer hand lease donate"
)
"""Verbs whose subject supplies and whose object or "to" phrase receives."""

RECIPIENT_SUBJECT = words(
    "buy purchase acquire order procure receive import obtain get take field "
    "induct choose select pick request"
)
"""Verbs whose subject receives and whose "from" phrase supplies."""

EQUIPMENT_SUBJECT = words("arrive")
"""Verbs whose subject is the weapons delivered ("the tanks arrived in March")."""

HANDOVER = words("deliver ship receive transfer send hand donate give")
"""Transfer verbs that tell of a delivery rather than a deal."""

SUPPLIER = Role("supplier", DD.supplier, AGENT)
RECIPIENT = Role("recipient", DD.recipient, AGENT)
EQUIPMENT = Role("equipment", DD.equipment, WEAPON)
CONTRACTOR = Role("contractor", DD.contractor, COMPANY)
