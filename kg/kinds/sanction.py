"""Sanctions imposed ("the US sanctioned Turkey's defence procurement agency")."""

from __future__ import annotations

from kg.kinds.coercion import ACTOR, EQUIPMENT, LEGAL_BASIS, TARGET
from kg.kinds.model import Kind, words
from kg.vocab import DD

KIND = Kind(
    name="sanction",
    cls=DD.SanctionImposition,
    roles=(ACTOR, TARGET, LEGAL_BASIS, EQUIPMENT),
    # "OFAC designated four firms": a listing is a sanction ("designated X as army chief"
    # is an appointment, which the rule leaves alone).
    verbs=words("sanction punish blacklist penalize penalise designate"),
    nouns=words(
        "sanction sanctions penalty penalties consequence consequences measure measures "
        "countermeasure countermeasures retaliation"
    ),
    relations=("sanction",),
    told=(
        "{actor} sanctions {target}[ over {equipment}][ under {law}] | "
        "{actor} imposes sanctions[ over {equipment}][ under {law}] | "
        "{target} sanctioned[ over {equipment}][ under {law}]"
    ),
    plover_type="SANCTION",
    cameo="163",
)

IMPOSE = words("impose slap levy announce apply introduce place put hit adopt decide")
"""Verbs whose subject imposes the sanctions they govern ("China will impose sanctions")."""

ENTRY_BANS = words("ban bar")
"""Verbs that, with "from entering", ban people from a country: a sanction on them."""
