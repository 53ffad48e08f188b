"""The graph as PLOVER-style event records, one JSON object per line.

PLOVER (the successor of CAMEO in political event data) codes an event as an actor, a
recipient, an event type with a mode and a context, a date and a location, with its
source. Each kind of event in Attaché's ontology that has a PLOVER type names it
(``dd:ploverType``, ``dd:ploverMode``, ``dd:ploverContext``, ``dd:cameoCode``), so an
edit to the ontology changes the export. Arms transfers (deals and deliveries) also
carry the fields of SIPRI's arms-transfers register: supplier, recipient, designation,
description, number ordered, order date, delivery years, number delivered, status and
comments, as far as the article states them.

Roles map onto PLOVER's two sides: the supplier, actor, speaker or participants act; the
recipient or target receives. Kinds without a PLOVER type (statements, roles,
manufacturing) are not exported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef

from kg.sparql import bind_many
from kg.sparql.files import read_query
from kg.store.base import Store, Term
from kg.vocab import DD

QUERY_DIR = Path(__file__).with_name("plover_queries")
_ACTORS = (DD.supplier, DD.actor, DD.speaker, DD.participant)
_RECIPIENTS = (DD.recipient, DD.target)
_BATCH = 300


def query(name: str) -> str:
    """One of the export's queries (``plover_queries/<name>.rq``), read once."""
    return read_query(QUERY_DIR, name)


def _text(term: Term | None) -> str | None:
    return None if term is None else str(term)


def _local(term: Term | None) -> str | None:
    return None if term is None else str(term).rsplit("#", 1)[-1]


def _party(value: Term, label: Term | None) -> dict[str, str]:
    return {"iri": str(value), "name": str(label) if label is not None else _local(value) or ""}


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Every event with a PLOVER type, as a PLOVER-style record (sorted by event IRI)."""
    rows = store.select(query("events")).bindings
    events: dict[Term, dict[str, Term]] = {}
    for row in rows:
        events.setdefault(row["e"], row)
    ordered = sorted(events, key=str)
    for start in range(0, len(ordered), _BATCH):
        batch = ordered[start : start + _BATCH]
        bound = bind_many(query("roles"), "e", batch)
        roles: dict[Term, dict[URIRef, list[tuple[Term, Term | None]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for row in store.select(bound):
            role = row["role"]
            if isinstance(role, URIRef):
                pair = (row["value"], row.get("label"))
                if pair not in roles[row["e"]][role]:
                    roles[row["e"]][role].append(pair)
        for event in batch:
            yield record(event, events[event], roles.get(event, {}))


def record(
    event: Term, row: dict[str, Term], roles: dict[URIRef, list[tuple[Term, Term | None]]]
) -> dict[str, Any]:
    """One event's record from its row and its roles."""

    def parties(props: tuple[URIRef, ...]) -> list[dict[str, str]]:
        seen: dict[str, dict[str, str]] = {}
        for prop in props:
            for value, label in roles.get(prop, []):
                if isinstance(value, URIRef):
                    seen.setdefault(str(value), _party(value, label))
        return list(seen.values())

    def first(prop: URIRef) -> Term | None:
        values = roles.get(prop) or []
        return values[0][0] if values else None

    out: dict[str, Any] = {
        "id": str(event),
        "event_type": _text(row.get("type")),
        "mode": _text(row.get("mode")),
        "context": _text(row.get("context")),
        "cameo": _text(row.get("cameo")),
        "kind": _local(row.get("cls")),
        "event_date": _text(row.get("date")),
        "date_end": _text(first(DD.dateEnd)),
        "date_precision": _local(row.get("precision")),
        "actor": parties(_ACTORS),
        "recipient": parties(_RECIPIENTS),
        "location": parties((DD.location,)),
        "modality": _local(row.get("modality")),
        "confidence": float(str(row["confidence"])) if row.get("confidence") else None,
        "source": {
            "article": _text(row.get("article")),
            "url": _text(row.get("url")),
            "title": _text(row.get("title")),
            "published": _text(row.get("published")),
        },
        "evidence": _text(row.get("sentence")),
    }
    if row.get("cls") in (DD.ArmsDeal, DD.ArmsDelivery):
        out["sipri"] = _sipri(row, roles, parties, first)
    return out


def _sipri(
    row: dict[str, Term],
    roles: dict[URIRef, list[tuple[Term, Term | None]]],
    parties: Any,
    first: Any,
) -> dict[str, Any]:
    """The SIPRI register's fields, as far as the event states them."""
    delivery = row.get("cls") == DD.ArmsDelivery
    equipment = [
        str(label) if label is not None else _local(value)
        for value, label in roles.get(DD.equipment, [])
    ]
    quantity = first(DD.quantity)
    number = int(float(str(quantity))) if isinstance(quantity, Literal) else None
    date = _text(row.get("date"))
    return {
        "supplier": [p["name"] for p in parties((DD.supplier,))],
        "recipient": [p["name"] for p in parties((DD.recipient,))],
        "designation": equipment,
        "description": None,
        "number_ordered": None if delivery else number,
        "order_date": None if delivery else date,
        "delivery_years": [date[:4]] if delivery and date else [],
        "number_delivered": number if delivery else None,
        "status": _local(row.get("modality")),
        "comments": _text(row.get("sentence")),
    }
