"""Agreements: treaties, pacts and accords that states and bodies sign ("Saudi Arabia and
Pakistan signed a mutual defence agreement"). A signing verb makes one only when it
governs an agreement noun: "signed a contract to buy jets" is a deal."""

from __future__ import annotations

from kg.kinds.model import AGENT, ANY, PLACE, Kind, Role, words
from kg.vocab import DD

NOUNS_SIGNED = words(
    "agreement pact treaty accord memorandum mou arrangement compact declaration charter "
    "protocol roadmap convention communique"
)
"""What a signing verb must govern to make an agreement (arms contracts are deals)."""


KIND = Kind(
    name="agreement",
    cls=DD.Agreement,
    roles=(
        Role("participant", DD.participant, AGENT),
        Role("topic", DD.topic, ANY),
        Role("location", DD.location, PLACE),
    ),
    verbs=words("sign conclude ink seal finalize finalise ratify"),
    nouns=NOUNS_SIGNED,
    relations=("agreement",),
    told=(
        "{topic} signed by {participant} | {written} signed by {participant} | "
        "agreement signed by {participant}"
    ),
    plover_type="SUPPORT",
    cameo="057",
)
