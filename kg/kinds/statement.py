"""Statements: who said what, about whom, to which outlet ("Esper told reporters ...")."""

from __future__ import annotations

from kg.kinds.model import AGENT, ANY, ORG, Kind, Role, words
from kg.vocab import DD

KIND = Kind(
    name="statement",
    cls=DD.Statement,
    roles=(
        Role("speaker", DD.speaker, AGENT),
        Role("topic", DD.topic, ANY),
        Role("outlet", DD.outlet, ORG),
    ),
    verbs=words(
        "say tell state add warn announce declare stress note insist claim argue describe "
        "call write tweet confirm deny explain predict suggest acknowledge vow pledge urge "
        "complain"
    ),
    relations=("statement",),
    told="{speaker}: “{quote}” | “{quote}”",
)
