"""Kinds of event, one record each (:class:`~kg.kinds.model.Kind`), and their registry.

Each module names one kind: its ontology class, its participant roles with the types
that may answer for them, its default trigger words, the question relations that ask
of it and its PLOVER/CAMEO codes. Extraction rules register against these records
(:mod:`kg.events.rules`); the order of :data:`KINDS` is the order in which the rules of
one trigger word run. Pure data: importing this package loads neither spaCy nor a store.
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import URIRef

from kg.kinds import (
    accession,
    agreement,
    approval,
    ceremony,
    deadline,
    deal,
    delivery,
    deployment,
    exercise,
    halt,
    manufacture,
    meeting,
    membership,
    negotiation,
    role,
    sanction,
    statement,
    succession,
    summit,
    suspension,
    testing,
    threat,
    visit,
)
from kg.kinds.model import Kind, Role

KINDS: tuple[Kind, ...] = (
    deal.KIND,
    delivery.KIND,
    negotiation.KIND,
    approval.KIND,
    sanction.KIND,
    suspension.KIND,
    halt.KIND,
    threat.KIND,
    meeting.KIND,
    visit.KIND,
    summit.KIND,
    ceremony.KIND,
    accession.KIND,
    manufacture.KIND,
    testing.KIND,
    deployment.KIND,
    exercise.KIND,
    agreement.KIND,
    deadline.KIND,
    statement.KIND,
    membership.KIND,
    role.KIND,
    succession.KIND,
)

BY_CLASS: Mapping[URIRef, Kind] = {kind.cls: kind for kind in KINDS}


def kind_of(cls: URIRef) -> Kind:
    """The kind whose class is ``cls`` (KeyError for a class no kind is)."""
    return BY_CLASS[cls]


__all__ = ["BY_CLASS", "KINDS", "Kind", "Role", "kind_of"]
