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
    told=(
        "{actor} threatens {target} with sanctions[ over {equipment}][ under {law}] | "
        "{actor} threatens sanctions[ over {equipment}][ under {law}] | "
        "{target} threatened with sanctions[ over {equipment}][ under {law}]"
    ),
)

TARGET_SUBJECT = words("face risk")
"""Threat verbs whose subject is the one threatened ("Turkey faces sanctions")."""
