"""Ontology edits: an edit as data read from a request, and pure functions that apply one.

Each ``apply_*`` returns a new graph and leaves its argument alone, so the editor
(:mod:`kg.ontology.editor`) can check the candidate before anything is written, and
refuse it with the stored ontology untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

from kg.errors import EditRefused, NotFound
from kg.ontology.terms import (
    KINDS,
    LABEL_PROPS,
    blank_closure,
    check_new_iri,
    kind_of,
    prefixed,
    resolve_ref,
)

MAX_LABEL_CHARS = 500
MAX_COMMENT_CHARS = 5000
MAX_VALUES = 500

# -- edits as data ----------------------------------------------------------------------------


# Control characters other than tab and line breaks: NUL and terminal escapes among them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _literals(value: Any, field_name: str, *, max_chars: int) -> list[Literal]:
    items = value if isinstance(value, list) else [value]
    if len(items) > MAX_VALUES:
        raise EditRefused(f"{field_name}: at most {MAX_VALUES} values")
    out: list[Literal] = []
    for item in items:
        if isinstance(item, str):
            text, lang = item, "en"
        elif isinstance(item, Mapping) and isinstance(item.get("value"), str):
            text = item["value"]
            lang = item.get("lang", "en")
            if lang is None:
                lang = ""
            if not isinstance(lang, str):
                raise EditRefused(f"{field_name}: a language must be a string such as 'en'")
        else:
            raise EditRefused(
                f"{field_name}: each value is a string or an object {{'value': ..., 'lang': ...}}"
            )
        text = text.strip()
        if not text:
            raise EditRefused(f"{field_name}: empty values are not allowed")
        if len(text) > max_chars:
            raise EditRefused(f"{field_name}: a value is longer than {max_chars} characters")
        control = _CONTROL.search(text)
        if control:
            raise EditRefused(
                f"{field_name}: control character U+{ord(control.group()):04X} (such as NUL) "
                "is not allowed in a value"
            )
        try:
            literal = Literal(text, lang=lang.strip() or None)
        except ValueError as exc:
            raise EditRefused(f"{field_name}: {exc}") from exc
        if literal not in out:
            out.append(literal)
    return out


def _refs(value: Any, field_name: str) -> list[URIRef]:
    items = value if isinstance(value, list) else [value]
    if len(items) > MAX_VALUES or not all(isinstance(i, str) for i in items):
        raise EditRefused(f"{field_name}: a list of term references such as 'dd:Event'")
    out: list[URIRef] = []
    for item in items:
        iri = resolve_ref(item)
        if iri not in out:
            out.append(iri)
    return out


@dataclass
class TermEdit:
    """The fields of a create or update; ``None`` leaves a field as it is."""

    kind: str | None = None
    labels: list[Literal] | None = None
    alt_labels: list[Literal] | None = None
    comments: list[Literal] | None = None
    parents: list[URIRef] | None = None
    domain: list[URIRef] | None = None
    range: list[URIRef] | None = None
    deprecated: bool | None = None

    FIELDS = ("kind", "labels", "alt_labels", "comments", "parents", "domain", "range")

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, ignore: Iterable[str] = ()) -> TermEdit:
        """Read the JSON body of an edit; malformed fields refuse the edit with a reason."""
        known = {*cls.FIELDS, "comment", "deprecated", *ignore}
        unknown = sorted(set(data) - known)
        if unknown:
            raise EditRefused(f"unknown field(s): {', '.join(unknown)}")
        edit = cls()
        if data.get("kind") is not None:
            if data["kind"] not in KINDS:
                raise EditRefused(f"kind must be one of {', '.join(KINDS)}")
            edit.kind = data["kind"]
        if "labels" in data:
            edit.labels = _literals(data["labels"], "labels", max_chars=MAX_LABEL_CHARS)
        if "alt_labels" in data:
            edit.alt_labels = _literals(data["alt_labels"], "alt_labels", max_chars=MAX_LABEL_CHARS)
        for name in ("comments", "comment"):
            if name in data:
                edit.comments = _literals(data[name], name, max_chars=MAX_COMMENT_CHARS)
        for name in ("parents", "domain", "range"):
            if name in data:
                setattr(edit, name, _refs(data[name], name))
        if "deprecated" in data:
            if not isinstance(data["deprecated"], bool):
                raise EditRefused("deprecated must be true or false")
            edit.deprecated = data["deprecated"]
        return edit


# -- pure edits -----------------------------------------------------------------------------------


def copy_graph(graph: Graph) -> Graph:
    out = Graph()
    for triple in graph:
        out.add(triple)
    return out


def _remove_objects(graph: Graph, subject: URIRef, prop: URIRef) -> None:
    objects = list(graph.objects(subject, prop))
    for node in blank_closure(graph, objects):
        graph.remove((node, None, None))
    graph.remove((subject, prop, None))


def _set_classes(graph: Graph, subject: URIRef, prop: URIRef, classes: list[URIRef]) -> None:
    """One class as itself; several as their union (what people mean by 'any of these')."""
    _remove_objects(graph, subject, prop)
    if len(classes) == 1:
        graph.add((subject, prop, classes[0]))
    elif classes:
        union, head = BNode(), BNode()
        graph.add((union, RDF.type, OWL.Class))
        Collection(graph, head, list(classes))
        graph.add((union, OWL.unionOf, head))
        graph.add((subject, prop, union))


def apply_edit(graph: Graph, iri: URIRef, edit: TermEdit, *, create: bool) -> Graph:
    """A copy of ``graph`` with the term created or its given fields replaced."""
    out = copy_graph(graph)
    kind = kind_of(out, iri)
    if create:
        check_new_iri(iri)
        if kind is not None or (iri, None, None) in out:
            raise EditRefused(f"{prefixed(iri)} already exists; update it instead")
        if edit.kind is None:
            raise EditRefused(f"say which kind of term {prefixed(iri)} is: {', '.join(KINDS)}")
        if not edit.labels:
            raise EditRefused(f"{prefixed(iri)} needs at least one label")
        out.add((iri, RDF.type, KINDS[edit.kind]))
        kind = edit.kind
    else:
        if kind is None:
            raise NotFound(f"no term {prefixed(iri)} in the ontology")
        if edit.kind is not None and edit.kind != kind:
            raise EditRefused(
                f"{prefixed(iri)} is a {kind.replace('_', ' ')}; a term's kind cannot change "
                "(create a new term and merge this one into it)"
            )
    is_property = kind in ("object_property", "datatype_property")
    if (edit.domain is not None or edit.range is not None) and not is_property:
        raise EditRefused(
            f"{prefixed(iri)} is not a property; only properties have a domain and range"
        )
    if edit.parents is not None and kind == "individual":
        raise EditRefused(f"{prefixed(iri)} is an individual; it has types, not parents")
    if edit.labels is not None:
        if not edit.labels:
            raise EditRefused(f"{prefixed(iri)} needs at least one label")
        for prop in LABEL_PROPS:
            out.remove((iri, prop, None))
        for label in edit.labels:
            out.add((iri, RDFS.label, label))
            out.add((iri, SKOS.prefLabel, label))
    if edit.alt_labels is not None:
        out.remove((iri, SKOS.altLabel, None))
        for label in edit.alt_labels:
            out.add((iri, SKOS.altLabel, label))
    if edit.comments is not None:
        out.remove((iri, RDFS.comment, None))
        for comment in edit.comments:
            out.add((iri, RDFS.comment, comment))
    if edit.parents is not None:
        prop = RDFS.subPropertyOf if is_property else RDFS.subClassOf
        _remove_objects(out, iri, prop)
        for parent in edit.parents:
            out.add((iri, prop, parent))
    if edit.domain is not None:
        _set_classes(out, iri, RDFS.domain, edit.domain)
    if edit.range is not None:
        _set_classes(out, iri, RDFS.range, edit.range)
    if edit.deprecated is not None:
        out.remove((iri, OWL.deprecated, None))
        if edit.deprecated:
            out.add((iri, OWL.deprecated, Literal(True)))
    return out


def apply_delete(graph: Graph, iri: URIRef) -> Graph:
    """A copy without the term's own triples (the caller has checked nothing refers to it)."""
    out = copy_graph(graph)
    for node in blank_closure(out, out.objects(iri)):
        out.remove((node, None, None))
    out.remove((iri, None, None))
    return out


def replace_term(term: Any, old: URIRef, new: URIRef) -> Any:
    """``new`` where ``term`` is ``old``; any other term as it is."""
    return new if term == old else term


def apply_rename(graph: Graph, old: URIRef, new: URIRef) -> Graph:
    """A copy with ``old`` replaced by ``new`` wherever it occurs."""
    out = Graph()
    for s, p, o in graph:
        out.add((replace_term(s, old, new), replace_term(p, old, new), replace_term(o, old, new)))
    return out


def apply_merge(graph: Graph, source: URIRef, target: URIRef) -> Graph:
    """A copy where ``source`` is folded into ``target``.

    References to ``source`` point to ``target``; the source's labels and alt labels
    become alt labels of the target, so the words that named it keep working in
    questions; its other statements (comment, parents, domain) go.
    """
    drop = blank_closure(graph, graph.objects(source))
    target_labels = {str(v) for prop in LABEL_PROPS for v in graph.objects(target, prop)}
    out = Graph()
    for s, p, o in graph:
        if s in drop:
            continue
        if s == source:
            if p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) and str(o) not in target_labels:
                out.add((target, SKOS.altLabel, o))
            continue
        s2, p2, o2 = s, replace_term(p, source, target), replace_term(o, source, target)
        if s2 == o2 and p2 in (RDFS.subClassOf, RDFS.subPropertyOf):
            continue
        out.add((s2, p2, o2))
    return out
