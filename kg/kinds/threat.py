"""Sanctions threatened ("Washington warned Ankara of sanctions")."""

from __future__ import annotations

from kg.kinds.coercion import ACTOR, EQUIPMENT, LEGAL_BASIS, TARGET
from kg.kinds.model import Kind, words
from kg.vocab import DD

KIND = Kind(
    name="threat",
    cls=DD.SanctionThreat,
    roles=(ACTOR, TARGET, LEGAL_BASIS, EQUIPMENT),
    verbs=words("warn threaten face risk caution"),
    relations=("sanction",),
    plover_type="THREATEN",
    plover_mode="restrict",
    cameo="1312",
)

TARGET_SUBJECT = words("face risk")
"""Threat verbs whose subject is the one threatened ("Turkey faces sanctions")."""
