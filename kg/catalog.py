"""What the graph holds, read for people: answers' types and support, entities, articles.

The pages and the articles API show more than a question's payload carries: the kind of
thing an answer is, how well it is supported, one entity's facts and timeline, one
article's extraction. Every read here is a SPARQL file in ``kg/entity_queries/`` with its
values bound (never pasted), parsed once and checked by a test like the question
templates. Nothing here knows HTTP.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef

from kg.errors import NotFound
from kg.sparql import serialize
from kg.store.base import Store, Term
from kg.vocab import ART, RES

QUERY_DIR = Path(__file__).resolve().parent / "entity_queries"
_PARAMS = re.compile(r"^#\s*params:\s*(.*)$", re.M)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,200}$")


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file: its text and the parameters its header comment names."""

    name: str
    text: str
    params: tuple[str, ...]


@functools.cache
def queries() -> dict[str, NamedQuery]:
    """Every query file, read once; a header ``# params: ?x ?y`` names what is bound."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        match = _PARAMS.search(text)
        params = tuple(p.lstrip("?$") for p in match.group(1).split()) if match else ()
        out[path.stem] = NamedQuery(path.stem, text, params)
    return out


def run(store: Store, name: str, **bindings: Term) -> list[dict[str, Term]]:
    """Run a named query with exactly the parameters its header names."""
    query = queries()[name]
    if set(bindings) != set(query.params):
        raise TypeError(f"{name} takes {query.params}, got {tuple(bindings)}")
    return store.select(query.text, bindings).bindings


def run_many(store: Store, name: str, var: str, values: Iterable[Term]) -> list[dict[str, Term]]:
    """Run a named query over many values of ``var``, sent as one ``VALUES`` block."""
    terms = list(dict.fromkeys(values))
    if not terms:
        return []
    query = queries()[name]
    if query.params != (var,):
        raise TypeError(f"{name} takes {query.params}, not ?{var}")
    block = f"VALUES ?{var} {{ {' '.join(serialize(t) for t in terms)} }}"
    at = query.text.index("{", query.text.upper().index("WHERE")) + 1
    return store.select(query.text[:at] + " " + block + "\n" + query.text[at:]).bindings


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def entity_id(iri: str) -> str | None:
    """The short id of an entity IRI (``res:s-400`` → ``s-400``), None for other IRIs."""
    if iri.startswith(str(RES)):
        rest = iri[len(str(RES)) :]
        return rest if _ID.match(rest) else None
    return None


def entity_iri(ident: str) -> URIRef:
    if not _ID.match(ident):
        raise NotFound(f"no entity {ident!r}")
    return RES[ident]


def article_id(iri: str) -> str | None:
    if iri.startswith(str(ART)):
        rest = iri[len(str(ART)) :]
        return rest if _ID.match(rest) else None
    return None


# -- answers -----------------------------------------------------------------------------------


def support(evidence: list[Mapping[str, Any]]) -> dict[str, Any]:
    """How well an answer is supported, from its evidence: distinct articles and sentences.

    The level is a plain reading of that count, not a probability: ``high`` when two or
    more articles state it, ``medium`` for one article, ``low`` when no sentence is cited.
    """
    articles = len({e.get("article") for e in evidence if e.get("article")})
    sentences = len({(e.get("article"), e.get("sentence")) for e in evidence})
    level = "high" if articles >= 2 else "medium" if articles == 1 else "low"
    return {"level": level, "articles": articles, "sentences": sentences}


def type_labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """The label of each entity's class (its most specific one that has a label)."""
    rows = run_many(store, "types_of", "x", [URIRef(i) for i in iris])
    found: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        label = row.get("label")
        found.setdefault(str(row["x"]), []).append(
            (str(row["type"]), str(label) if label is not None else local_name(str(row["type"])))
        )
    out: dict[str, str] = {}
    for iri, types in found.items():
        # The generic classes every entity has say nothing; a named subclass does.
        specific = [t for t in types if local_name(t[0]) not in {"Entity", "Thing", "Agent"}]
        out[iri] = sorted(specific or types)[0][1]
    return out


def annotate_answers(store: Store, payload: dict[str, Any]) -> dict[str, Any]:
    """Give each answer its ``type`` (when it is an entity) and its ``confidence``."""
    answers = payload.get("answers") or []
    iris = [a["iri"] for a in answers if isinstance(a.get("iri"), str) and entity_id(a["iri"])]
    types = type_labels(store, iris) if iris else {}
    for answer in answers:
        iri = answer.get("iri")
        if "type" not in answer and isinstance(iri, str) and iri in types:
            answer["type"] = types[iri]
        if "confidence" not in answer:
            answer["confidence"] = support(answer.get("evidence") or [])
    return payload


def pluralize(count: int, noun: str, plural: str | None = None) -> str:
    """``1 article``, ``2 articles``."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _str(row: Mapping[str, Term], name: str) -> str:
    value = row.get(name)
    return "" if value is None else str(value)


def _date(value: Term | None) -> str:
    if isinstance(value, Literal):
        return str(value)[:10]
    return ""


__all__ = [
    "NamedQuery",
    "annotate_answers",
    "article_id",
    "entity_id",
    "entity_iri",
    "pluralize",
    "queries",
    "run",
    "run_many",
    "support",
    "type_labels",
]
