"""The relations questions ask about, one record each, beside the kinds of event they ask of.

A question is read into a relation ("Who sells the S-400 to Turkey?": a *transfer*) from
the ontology terms it names; the relation then says which event classes its questions are
about (the classes of the kinds that list it in :attr:`~kg.kinds.model.Kind.relations`,
and any it adds), how strongly it claims a question that names several, and whether a
sentence tells of it only in its own words. Question reading (:mod:`kg.qa.frame_tables`)
takes its tables from here, so a relation is declared once, next to its kinds.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kg.kinds.model import Kind
from kg.vocab import DD


@dataclass(frozen=True)
class Relation:
    """What questions about one relation share.

    ``signals``: ontology terms whose labels, in a question, name the relation (the first
    two of a transfer are its supplier and recipient roles). ``strength``: which relation
    wins when a question names several (a sanction noun beats a verb of saying: "Who
    warned Turkey of sanctions?"). ``also_about``: event classes its questions are about
    besides its kinds' own. ``own_words``: an answer read from a sentence must come from
    one that says a word of the relation ("sanction", "blacklist"); statements, meetings,
    roles, deployments and deadlines are told in too many ways ("Defence Minister X", a
    quotation with no verb of saying, "troops serving in X") for that.
    """

    name: str
    signals: tuple[URIRef, ...]
    strength: int
    also_about: tuple[URIRef, ...] = ()
    own_words: bool = True

    def about(self, kinds: tuple[Kind, ...]) -> tuple[URIRef, ...]:
        """The event classes its questions are about."""
        own = tuple(kind.cls for kind in kinds if self.name in kind.relations)
        return tuple(dict.fromkeys(own + self.also_about))


RELATIONS: tuple[Relation, ...] = (
    Relation(
        "transfer",
        (DD.supplier, DD.recipient, DD.ArmsDeal, DD.ArmsDelivery, DD.ArmsNegotiation),
        2,
        also_about=(DD.ArmsSaleApproval,),
    ),
    Relation("approval", (DD.ArmsSaleApproval,), 3, also_about=(DD.ArmsDeal,)),
    Relation("sanction", (DD.SanctionThreat, DD.SanctionImposition, DD.legalBasis), 3),
    Relation("suspension", (DD.ProgramSuspension, DD.program), 3),
    Relation("halt", (DD.ExportHalt,), 3),
    Relation("membership", (DD.Membership, DD.MembershipChange, DD.member), 2),
    Relation("making", (DD.Manufacturing, DD.manufacturer, DD.contractor), 2),
    Relation("testing", (DD.WeaponTest,), 2),
    Relation("deployment", (DD.Deployment,), 2, own_words=False),
    # A joint statement is made at a meeting; a press conference is held at one.
    Relation(
        "statement",
        (DD.Statement, DD.speaker, DD.quote),
        1,
        also_about=(DD.Meeting,),
        own_words=False,
    ),
    Relation(
        "meeting",
        (DD.Meeting, DD.participant),
        1,
        also_about=(DD.Statement,),
        own_words=False,
    ),
    # An exercise noun beats a verb of joining: "Which exercise did New Zealand join?"
    Relation("exercise", (DD.MilitaryExercise, DD.ExerciseSeries), 3, own_words=False),
    Relation("role", (DD.RoleAssignment, DD.holder, DD.position), 1, own_words=False),
    # "What pact did Japan and the Philippines sign?", "Who signed the Shusha Declaration?"
    Relation("agreement", (DD.Agreement,), 2),
    Relation("succession", (DD.Succession, DD.successor, DD.predecessor), 2),
    Relation(
        "deadline",
        (DD.Ultimatum, DD.deadline),
        2,
        also_about=(DD.Ultimatum,),
        own_words=False,
    ),
)
