"""Accessions: a state joining an alliance or body ("Finland joined NATO")."""

from __future__ import annotations

from kg.kinds.model import ORG, ORGANIZATION, Kind, Role, words
from kg.vocab import DD

KIND = Kind(
    name="accession",
    cls=DD.MembershipChange,
    roles=(Role("member", DD.member, ORGANIZATION), Role("organization", DD.organization, ORG)),
    verbs=words("join accede enter admit"),
    # "membership" is read only when asked for ("applied for NATO membership").
    nouns=words("accession admission membership"),
    relations=("membership",),
    plover_type="AGREE",
    cameo="032",
    told="{member} joins {organization} | {organization} admits a member",
)
