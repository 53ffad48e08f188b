"""Editing the ontology safely: checked edits, impact on the data, migrations, revisions.

Ontologists change the vocabulary while Attaché runs (an alt label for a relation, a
new event class, a deprecated term), several at a time. Every change goes through
:class:`OntologyEditor`, which (under one lock) reads the stored ontology, checks the
writer's ETag, applies the edit to a copy with the pure functions below, refuses it
with a plain sentence when it would break the ontology (unparseable, a subclass
cycle, a reference to an undefined term, a term without a label, a term the SHACL
shapes or the code need), and then writes the new ontology, any instance-data
migration (rename, merge) and the revision record in ONE SPARQL Update, which the
store applies in one transaction. Values that reach SPARQL are serialized terms in
``VALUES`` blocks, never pasted request text.

Nothing here knows about HTTP: :mod:`service.ontology` maps requests to these calls.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS
from rdflib.plugins.serializers.longturtle import LongTurtleSerializer

from kg.errors import EditRefused, NotFound, OntologyError, RevertConflict, StaleVersion, TermInUse
from kg.ontology import ONTOLOGY_FILE, SHAPES_FILE, ensure_ontology, parse_turtle
from kg.ontology_history import (
    HISTORY_GRAPH,
    Revision,
    canonical_lines,
    data_block,
    etag_of,
    get_revision,
    graph_from_lines,
    insert_data,
    latest_number,
    quad_line,
    quads_from_lines,
    term_nt,
)
from kg.sparql import values_block
from kg.store.base import Store
from kg.store.lock import StoreLock
from kg.vocab import DD, ONTOLOGY_GRAPH, ONTOLOGY_IRI, PREFIXES

DD_NS = str(DD._NS)

KINDS: dict[str, URIRef] = {
    "class": OWL.Class,
    "object_property": OWL.ObjectProperty,
    "datatype_property": OWL.DatatypeProperty,
}
_KIND_OF_TYPE = {v: k for k, v in KINDS.items()}
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty)
# Anything typed with one of these is a term that needs a label.
TERM_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
    SKOS.Concept,
    SKOS.ConceptScheme,
)
LABEL_PROPS = (RDFS.label, SKOS.prefLabel)

_LOCAL_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,99}$")
_PREFIXED = re.compile(r"^([A-Za-z][\w-]*):(.*)$")
MAX_LABEL_CHARS = 500
MAX_COMMENT_CHARS = 5000
MAX_VALUES = 500


# -- names -----------------------------------------------------------------------------


def prefixed(term: object) -> str:
    """``dd:recipient`` for a known namespace, else the IRI itself."""
    text = str(term)
    best = ""
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{text[len(PREFIXES[best]) :]}" if best else text


def resolve_ref(ref: str) -> URIRef:
    """A term reference as written by people: ``dd:Summit``, ``Summit``, or a full IRI."""
    ref = ref.strip()
    if ref.startswith("<") and ref.endswith(">"):
        ref = ref[1:-1]
    if not ref:
        raise EditRefused("an empty term reference")
    if re.match(r"^https?://", ref):
        iri = URIRef(ref)
    else:
        match = _PREFIXED.match(ref)
        if match:
            prefix, local = match.groups()
            if prefix not in PREFIXES:
                raise EditRefused(f"unknown prefix {prefix!r} in {ref!r}")
            iri = URIRef(PREFIXES[prefix] + local)
        else:
            iri = URIRef(DD_NS + ref)
    term_nt(iri)  # validates the IRI
    return iri


def is_dd(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(DD_NS)


def check_new_iri(iri: URIRef) -> None:
    """New terms live in ``dd:`` with a plain local name, so they read well as prefixed names."""
    if not is_dd(iri):
        raise EditRefused(f"new terms are created in the dd: namespace ({DD_NS}); got {iri}")
    if not _LOCAL_NAME.match(str(iri)[len(DD_NS) :]):
        raise EditRefused(
            f"{prefixed(iri)}: a new term's local name starts with a letter and holds only "
            "letters, digits, '_' and '-'"
        )


@lru_cache(maxsize=1)
def code_terms() -> frozenset[URIRef]:
    """Terms Attaché's own code names (``kg.vocab.DD``): they can be relabelled, not removed."""
    return frozenset(DD[name] for name in DD.__annotations__)


@lru_cache(maxsize=4)
def _shapes(path: Path, mtime: float) -> tuple[Graph, frozenset[URIRef]]:
    graph = parse_turtle(path)
    used = frozenset(t for triple in graph for t in triple if is_dd(t))
    return graph, used  # type: ignore[return-value]


def shape_terms(path: Path = SHAPES_FILE) -> frozenset[URIRef]:
    """``dd:`` terms the SHACL shapes use (re-read when the file changes)."""
    return _shapes(path, path.stat().st_mtime)[1]


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


# -- reading terms -------------------------------------------------------------------------------


def kind_of(graph: Graph, iri: URIRef) -> str | None:
    """``class``, ``object_property``, ``datatype_property``, ``individual``, or None."""
    types = set(graph.objects(iri, RDF.type))
    for rdf_type, kind in _KIND_OF_TYPE.items():
        if rdf_type in types:
            return kind
    return "individual" if types else None


def _members(graph: Graph, node: object) -> list[URIRef]:
    """The classes a domain or range names: itself, or the members of its ``owl:unionOf``."""
    if isinstance(node, URIRef):
        return [node]
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        if union is not None:
            return [m for m in Collection(graph, union) if isinstance(m, URIRef)]
    return []


def _class_list(graph: Graph, iri: URIRef, prop: URIRef) -> list[URIRef]:
    out: list[URIRef] = []
    for node in graph.objects(iri, prop):
        out.extend(m for m in _members(graph, node) if m not in out)
    return out


def _literal_json(values: Iterable[object]) -> list[dict[str, str]]:
    lits = [v for v in values if isinstance(v, Literal)]
    lits.sort(key=lambda v: (v.language or "", str(v).casefold()))
    return [{"value": str(v), "lang": v.language or ""} for v in lits]


def display_label(graph: Graph, iri: URIRef) -> str:
    for prop in LABEL_PROPS:
        values = [v for v in graph.objects(iri, prop) if isinstance(v, Literal)]
        if values:
            english = [v for v in values if v.language in (None, "en")]
            return str(sorted(english or values)[0])
    return prefixed(iri).split(":", 1)[-1]


def is_deprecated(graph: Graph, iri: URIRef) -> bool:
    value = graph.value(iri, OWL.deprecated)
    return isinstance(value, Literal) and value.toPython() is True


def describe_term(graph: Graph, iri: URIRef) -> dict[str, Any]:
    """Everything the editor shows about one term."""
    kind = kind_of(graph, iri)
    if kind is None:
        raise NotFound(f"no term {prefixed(iri)} in the ontology")
    parent_prop = (
        RDFS.subPropertyOf
        if kind in ("object_property", "datatype_property")
        else (RDFS.subClassOf)
    )
    labels = list(graph.objects(iri, RDFS.label)) or list(graph.objects(iri, SKOS.prefLabel))
    children = sorted(
        {s for s in graph.subjects(parent_prop, iri) if isinstance(s, URIRef)}, key=str
    )
    return {
        "iri": str(iri),
        "id": prefixed(iri),
        "kind": kind,
        "types": sorted(prefixed(t) for t in graph.objects(iri, RDF.type)),
        "label": display_label(graph, iri),
        "labels": _literal_json(labels),
        "alt_labels": _literal_json(graph.objects(iri, SKOS.altLabel)),
        "comments": _literal_json(graph.objects(iri, RDFS.comment)),
        "parents": [
            prefixed(p)
            for p in sorted(graph.objects(iri, parent_prop), key=str)
            if isinstance(p, URIRef)
        ],
        "domain": [prefixed(c) for c in _class_list(graph, iri, RDFS.domain)],
        "range": [prefixed(c) for c in _class_list(graph, iri, RDFS.range)],
        "deprecated": is_deprecated(graph, iri),
        "children": [prefixed(c) for c in children],
        "code_term": iri in code_terms(),
        "shape_term": iri in shape_terms(),
    }


def _terms_of(graph: Graph, types: Sequence[URIRef]) -> list[URIRef]:
    found = {s for t in types for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef)}
    return sorted((s for s in found if is_dd(s)), key=str)


def tree(graph: Graph) -> dict[str, Any]:
    """Class and property hierarchies (a term appears under each of its parents), plus a
    flat index of every ``dd:`` term with its labels for searching."""

    def forest(terms: list[URIRef], parent_prop: URIRef) -> list[dict[str, Any]]:
        known = set(terms)
        children: dict[URIRef, list[URIRef]] = {t: [] for t in terms}
        roots = []
        for term in terms:
            parents = [p for p in graph.objects(term, parent_prop) if p in known and p != term]
            for parent in parents:
                children[parent].append(term)  # type: ignore[index]
            if not parents:
                roots.append(term)

        def node(term: URIRef, path: frozenset[URIRef]) -> dict[str, Any]:
            kids = [k for k in children[term] if k not in path]
            kids.sort(key=lambda k: display_label(graph, k).casefold())
            return {
                "id": prefixed(term),
                "iri": str(term),
                "label": display_label(graph, term),
                "kind": kind_of(graph, term),
                "deprecated": is_deprecated(graph, term),
                "children": [node(k, path | {k}) for k in kids],
            }

        roots.sort(key=lambda r: display_label(graph, r).casefold())
        return [node(r, frozenset({r})) for r in roots]

    classes = _terms_of(graph, [OWL.Class])
    properties = _terms_of(graph, list(PROPERTY_TYPES))
    index = [
        {
            "id": prefixed(t),
            "label": display_label(graph, t),
            "kind": kind_of(graph, t),
            "alt_labels": sorted(str(v) for v in graph.objects(t, SKOS.altLabel)),
            "deprecated": is_deprecated(graph, t),
        }
        for t in _terms_of(graph, list(TERM_TYPES))
    ]
    return {
        "classes": forest(classes, RDFS.subClassOf),
        "properties": forest(properties, RDFS.subPropertyOf),
        "terms": index,
    }


# -- pure edits -----------------------------------------------------------------------------------


def copy_graph(graph: Graph) -> Graph:
    out = Graph()
    for triple in graph:
        out.add(triple)
    return out


def _closure(graph: Graph, roots: Iterable[object]) -> set[BNode]:
    """Blank nodes reachable from ``roots`` (the structure of a union class, its list)."""
    seen: set[BNode] = set()
    stack = [r for r in roots if isinstance(r, BNode)]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        stack.extend(o for o in graph.objects(node) if isinstance(o, BNode))
    return seen


def _remove_objects(graph: Graph, subject: URIRef, prop: URIRef) -> None:
    objects = list(graph.objects(subject, prop))
    for node in _closure(graph, objects):
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


def references(graph: Graph, iri: URIRef) -> list[URIRef]:
    """Named terms whose definitions mention ``iri`` (as parent, domain, range, type...)."""
    own = {iri, *_closure(graph, graph.objects(iri))}
    found: set[URIRef] = set()
    for s, p, o in graph:
        if s in own or iri not in (p, o):
            continue
        root = s
        seen = set()
        while isinstance(root, BNode) and root not in seen:
            seen.add(root)
            parents = list(graph.subjects(None, root))
            root = parents[0] if parents else root
        if isinstance(root, URIRef) and root != iri:
            found.add(root)
    return sorted(found, key=str)


def apply_delete(graph: Graph, iri: URIRef) -> Graph:
    """A copy without the term's own triples (the caller has checked nothing refers to it)."""
    out = copy_graph(graph)
    for node in _closure(out, out.objects(iri)):
        out.remove((node, None, None))
    out.remove((iri, None, None))
    return out


def _replace(term: Any, old: URIRef, new: URIRef) -> Any:
    return new if term == old else term


def apply_rename(graph: Graph, old: URIRef, new: URIRef) -> Graph:
    """A copy with ``old`` replaced by ``new`` wherever it occurs."""
    out = Graph()
    for s, p, o in graph:
        out.add((_replace(s, old, new), _replace(p, old, new), _replace(o, old, new)))
    return out


def apply_merge(graph: Graph, source: URIRef, target: URIRef) -> Graph:
    """A copy where ``source`` is folded into ``target``.

    References to ``source`` point to ``target``; the source's labels and alt labels
    become alt labels of the target, so the words that named it keep working in
    questions; its other statements (comment, parents, domain) go.
    """
    drop = _closure(graph, graph.objects(source))
    target_labels = {str(v) for prop in LABEL_PROPS for v in graph.objects(target, prop)}
    out = Graph()
    for s, p, o in graph:
        if s in drop:
            continue
        if s == source:
            if p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) and str(o) not in target_labels:
                out.add((target, SKOS.altLabel, o))
            continue
        s2, p2, o2 = s, _replace(p, source, target), _replace(o, source, target)
        if s2 == o2 and p2 in (RDFS.subClassOf, RDFS.subPropertyOf):
            continue
        out.add((s2, p2, o2))
    return out


# -- validation ---------------------------------------------------------------------------------


def _cycles(graph: Graph, prop: URIRef) -> list[list[URIRef]]:
    edges: dict[URIRef, list[URIRef]] = {}
    for s, o in graph.subject_objects(prop):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            edges.setdefault(s, []).append(o)
    cycles: list[list[URIRef]] = []
    state: dict[URIRef, int] = {}  # 1 = on the path, 2 = done

    def visit(node: URIRef, path: list[URIRef]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, []), key=str):
            if state.get(nxt) == 1:
                loop = path[path.index(nxt) :]
                # Told from its smallest term, whatever term the search met it from.
                first = min(range(len(loop)), key=lambda i: str(loop[i]))
                loop = loop[first:] + loop[:first]
                cycles.append([*loop, loop[0]])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(edges, key=str):
        if start not in state:
            visit(start, [start])
    return cycles


def find_problems(graph: Graph, *, shapes: Path = SHAPES_FILE) -> list[str]:
    """Everything that would make ``graph`` a broken ontology, as sentences (empty when fine)."""
    problems: list[str] = []
    version = graph.value(ONTOLOGY_IRI, OWL.versionInfo)
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) not in graph or version is None:
        problems.append(
            f"the ontology node <{ONTOLOGY_IRI}> must stay, typed owl:Ontology with its "
            "owl:versionInfo"
        )
    typed = {s for s in graph.subjects(RDF.type) if isinstance(s, URIRef)}
    kinds: dict[URIRef, set[URIRef]] = {}
    for rdf_type in (OWL.Class, *PROPERTY_TYPES):
        for s in graph.subjects(RDF.type, rdf_type):
            if isinstance(s, URIRef):
                kinds.setdefault(s, set()).add(rdf_type)

    for term in sorted(typed, key=str):
        if not is_dd(term):
            continue
        if len(kinds.get(term, ())) > 1:
            problems.append(f"{prefixed(term)} is declared both a class and a property")
        is_term = any((term, RDF.type, t) in graph for t in TERM_TYPES)
        if is_term and not any(
            str(v).strip() for prop in LABEL_PROPS for v in graph.objects(term, prop)
        ):
            problems.append(f"{prefixed(term)} has no label (rdfs:label)")

    dangling: dict[URIRef, set[str]] = {}
    untyped: set[URIRef] = set()
    for s, p, o in graph:
        if is_dd(s) and s not in typed:
            untyped.add(s)  # type: ignore[arg-type]
        for ref in (p, o):
            if is_dd(ref) and ref not in typed:
                owner = s if isinstance(s, URIRef) else _owner(graph, s)
                dangling.setdefault(ref, set()).add(prefixed(owner) if owner else "a blank node")  # type: ignore[arg-type]
    for ref, owners in sorted(dangling.items(), key=lambda kv: str(kv[0])):
        verb = "refers" if len(owners) == 1 else "refer"
        problems.append(
            f"{', '.join(sorted(owners))} {verb} to {prefixed(ref)}, which is not defined"
        )
    for s in sorted(untyped - set(dangling), key=str):
        problems.append(f"{prefixed(s)} has statements but no type (class, property, individual)")

    def must_be(
        ref: object, wanted: tuple[URIRef, ...], what: str, owner: URIRef, role: str
    ) -> None:
        if not isinstance(ref, URIRef) or not is_dd(ref) or ref not in typed:
            return
        if not kinds.get(ref, set()) & set(wanted):
            problems.append(f"{prefixed(owner)}: its {role} {prefixed(ref)} is not {what}")

    for s, o in graph.subject_objects(RDFS.subClassOf):
        if isinstance(s, URIRef):
            must_be(o, (OWL.Class,), "a class", s, "parent")
    for s, o in graph.subject_objects(RDFS.subPropertyOf):
        if isinstance(s, URIRef):
            own = tuple(kinds.get(s, set())) or PROPERTY_TYPES
            must_be(o, own, "a property of the same kind", s, "parent")
    for prop, role in ((RDFS.domain, "domain"), (RDFS.range, "range")):
        for s, node in graph.subject_objects(prop):
            if not isinstance(s, URIRef):
                continue
            for member in _members(graph, node):
                if role == "range" and OWL.DatatypeProperty in kinds.get(s, set()):
                    if is_dd(member):
                        problems.append(
                            f"{prefixed(s)}: a datatype property's range is a datatype "
                            f"(xsd:...), not {prefixed(member)}"
                        )
                    continue
                must_be(member, (OWL.Class,), "a class", s, role)

    for prop, what in ((RDFS.subClassOf, "subclass"), (RDFS.subPropertyOf, "subproperty")):
        for cycle in _cycles(graph, prop):
            problems.append(f"{what} cycle: {' → '.join(prefixed(t) for t in cycle)}")

    missing = sorted(t for t in shape_terms(shapes) if t not in typed)
    if missing:
        problems.append(
            f"the SHACL shapes ({shapes.name}) use {', '.join(prefixed(t) for t in missing)}, "
            "which the ontology would no longer define"
        )
    return problems


def _owner(graph: Graph, node: object) -> URIRef | None:
    seen: set[object] = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        parents = list(graph.subjects(None, node))
        if not parents:
            return None
        node = parents[0]
    return node if isinstance(node, URIRef) else None


@lru_cache(maxsize=2)
def _shapes_apply(path: Path, mtime: float) -> str | None:
    """Whether pySHACL accepts the shapes graph at all (None when it does)."""
    from pyshacl import validate

    try:
        validate(Graph(), shacl_graph=_shapes(path, mtime)[0], inference="none")
    except Exception as exc:  # pyshacl raises many types for a malformed shapes graph
        return str(exc)
    return None


def check(graph: Graph, *, shapes: Path = SHAPES_FILE) -> None:
    """Refuse (:class:`EditRefused`) an ontology that :func:`find_problems` objects to."""
    problems = find_problems(graph, shapes=shapes)
    shapes_error = _shapes_apply(shapes, shapes.stat().st_mtime)
    if shapes_error:
        problems.append(f"the SHACL shapes no longer apply: {shapes_error}")
    if problems:
        raise EditRefused("the edit was refused: " + "; ".join(problems))


# -- impact on the data -------------------------------------------------------------------------

_USE_PATTERN = """
    { GRAPH ?g { ?term ?p ?o } BIND(?term AS ?s) }
    UNION { GRAPH ?g { ?s ?term ?o } BIND(?term AS ?p) }
    UNION { GRAPH ?g { ?s ?p ?term } BIND(?term AS ?o) }
    FILTER(?g != ?ont && ?g != ?hist)"""

_IMPACT_COUNT = (
    f"SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?g) AS ?graphs) WHERE {{{_USE_PATTERN}\n}}"
)

_IMPACT_ARTICLES = f"""
SELECT ?g (SAMPLE(?t) AS ?title) (COUNT(*) AS ?n) WHERE {{{_USE_PATTERN}
    OPTIONAL {{ GRAPH ?g {{ ?g ?title_p ?t }} }}
}} GROUP BY ?g ORDER BY DESC(?n) ?g LIMIT 20"""

_USES = f"SELECT DISTINCT ?g ?s ?p ?o WHERE {{{_USE_PATTERN}\n}}"


def _use_bindings(iri: URIRef) -> dict[str, URIRef]:
    return {"term": iri, "ont": ONTOLOGY_GRAPH, "hist": HISTORY_GRAPH}


def impact(store: Store, graph: Graph, iri: URIRef) -> dict[str, Any]:
    """How much data and which terms use ``iri``: what a delete or rename would touch."""
    rows = store.select(_IMPACT_COUNT, _use_bindings(iri))
    row = rows.bindings[0] if rows.bindings else {}
    articles = store.select(
        _IMPACT_ARTICLES, {**_use_bindings(iri), "title_p": URIRef(PREFIXES["dcterms"] + "title")}
    )
    return {
        "term": prefixed(iri),
        "triples": int(str(row.get("triples", 0))),
        "articles": int(str(row.get("graphs", 0))),
        "top_articles": [
            {
                "iri": str(r["g"]),
                "title": str(r.get("title", "")),
                "triples": int(str(r.get("n", 0))),
            }
            for r in articles
        ],
        "referenced_by": [prefixed(t) for t in references(graph, iri)],
        "code_term": iri in code_terms(),
        "shape_term": iri in shape_terms(),
    }


# -- the editor ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """The stored ontology at one moment: graph, canonical lines and ETag."""

    graph: Graph
    lines: list[str]
    etag: str


@dataclass
class Outcome:
    """What a write did: the new ETag and the revision (None when nothing changed)."""

    etag: str
    revision: Revision | None
    graph: Graph

    def as_dict(self) -> dict[str, Any]:
        return {
            "changed": self.revision is not None,
            "etag": self.etag,
            "revision": self.revision.as_dict(full=False) if self.revision else None,
        }


def normalize_etag(value: str) -> str:
    value = value.strip()
    if value.startswith("W/"):
        value = value[2:]
    if not value.startswith('"'):
        value = f'"{value}"'
    return value


def _multi_values(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = " ".join(f"?{n}" for n in names)
    body = "\n".join("(" + " ".join(term_nt(t) for t in row) + ")" for row in rows)
    return f"VALUES ({head}) {{\n{body}\n}}"


class OntologyEditor:
    """Serialized, checked, versioned writes to the stored ontology.

    One editor per store and process: its lock makes the read-check-write of every
    edit atomic with respect to the others, so two writers holding the same ETag
    cannot both succeed. On a store other processes write too (replicas over one
    server), the lock is held in the store (:class:`kg.store.lock.StoreLock`), so edits
    made through different replicas are serialized as well. ``listeners`` get the new
    ontology after each change (the service uses them to refresh what caches the ontology).
    """

    def __init__(self, store: Store, *, shapes: Path = SHAPES_FILE) -> None:
        self.store = store
        self.shapes = shapes
        self.lock: AbstractContextManager[object] = (
            StoreLock(store, "ontology")  # type: ignore[arg-type]  # shared stores can send_update
            if store.capabilities.shared_writers
            else threading.RLock()
        )
        self.listeners: list[Callable[[Graph], None]] = []

    # -- reading ------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        ensure_ontology(self.store)
        graph = self.store.construct(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": ONTOLOGY_GRAPH}
        )
        lines = canonical_lines(graph)
        return Snapshot(graph, lines, etag_of(lines))

    def etag(self) -> str:
        return self.snapshot().etag

    def _current(self, if_match: str | None) -> Snapshot:
        snap = self.snapshot()
        if if_match is not None:
            wanted = {normalize_etag(v) for v in if_match.split(",") if v.strip()}
            if snap.etag not in wanted:
                raise StaleVersion(
                    f"the ontology changed since you read it (current ETag {snap.etag}); "
                    "reload, re-apply your edit and send the new ETag in If-Match"
                )
        return snap

    # -- writes ----------------------------------------------------------------------------------

    def create(
        self,
        iri: URIRef,
        edit: TermEdit,
        *,
        author: str,
        message: str = "",
        if_match: str | None = None,
    ) -> Outcome:
        with self.lock:
            snap = self._current(if_match)
            candidate = apply_edit(snap.graph, iri, edit, create=True)
            return self._commit(
                snap,
                candidate,
                kind="create",
                author=author,
                message=message or f"create {prefixed(iri)}",
                summary=f"created {prefixed(iri)}",
            )

    def update(
        self,
        iri: URIRef,
        edit: TermEdit,
        *,
        author: str,
        message: str = "",
        if_match: str | None = None,
    ) -> Outcome:
        with self.lock:
            snap = self._current(if_match)
            candidate = apply_edit(snap.graph, iri, edit, create=False)
            return self._commit(
                snap,
                candidate,
                kind="update",
                author=author,
                message=message or f"update {prefixed(iri)}",
                summary=f"updated {prefixed(iri)}",
            )

    def delete(
        self,
        iri: URIRef,
        *,
        author: str,
        message: str = "",
        migrate_to: URIRef | None = None,
        if_match: str | None = None,
    ) -> Outcome:
        """Delete an unused term, or with ``migrate_to`` fold it (and its data) into another."""
        if migrate_to is not None:
            return self.merge(iri, migrate_to, author=author, message=message, if_match=if_match)
        with self.lock:
            snap = self._current(if_match)
            self._require(snap.graph, iri)
            self._guard_removal(iri, "deleted")
            refs = references(snap.graph, iri)
            used = impact(self.store, snap.graph, iri)
            reasons = []
            if refs:
                reasons.append(f"the terms {', '.join(prefixed(r) for r in refs)} refer to it")
            if used["triples"]:
                reasons.append(f"{used['triples']} triples in {used['articles']} articles use it")
            if reasons:
                raise TermInUse(
                    f"{prefixed(iri)} cannot be deleted: {'; '.join(reasons)}. Change those "
                    "first, or delete with a migration to another term (migrate_to), which "
                    "rewrites them"
                )
            candidate = apply_delete(snap.graph, iri)
            return self._commit(
                snap,
                candidate,
                kind="delete",
                author=author,
                message=message or f"delete {prefixed(iri)}",
                summary=f"deleted {prefixed(iri)}",
            )

    def rename(
        self,
        old: URIRef,
        new: URIRef,
        *,
        author: str,
        message: str = "",
        if_match: str | None = None,
    ) -> Outcome:
        """Give a term a new IRI, in the ontology and in every article, in one transaction."""
        with self.lock:
            snap = self._current(if_match)
            self._require(snap.graph, old)
            self._guard_removal(old, "renamed")
            check_new_iri(new)
            if (new, None, None) in snap.graph or (None, None, new) in snap.graph:
                raise EditRefused(
                    f"{prefixed(new)} already exists; merge {prefixed(old)} into it instead"
                )
            candidate = apply_rename(snap.graph, old, new)
            return self._commit(
                snap,
                candidate,
                kind="rename",
                author=author,
                message=message or f"rename {prefixed(old)} to {prefixed(new)}",
                summary=f"renamed {prefixed(old)} to {prefixed(new)}",
                migrations=[(old, new)],
            )

    def merge(
        self,
        source: URIRef,
        target: URIRef,
        *,
        author: str,
        message: str = "",
        if_match: str | None = None,
    ) -> Outcome:
        """Fold ``source`` into ``target``: references and data move, labels become alt labels."""
        with self.lock:
            snap = self._current(if_match)
            self._require(snap.graph, source)
            self._require(snap.graph, target)
            if source == target:
                raise EditRefused("a term cannot be merged into itself")
            self._guard_removal(source, "merged away")
            source_kind, target_kind = kind_of(snap.graph, source), kind_of(snap.graph, target)
            if source_kind != target_kind:
                raise EditRefused(
                    f"{prefixed(source)} is a {source_kind} and {prefixed(target)} a "
                    f"{target_kind}; only terms of the same kind merge"
                )
            candidate = apply_merge(snap.graph, source, target)
            return self._commit(
                snap,
                candidate,
                kind="merge",
                author=author,
                message=message or f"merge {prefixed(source)} into {prefixed(target)}",
                summary=f"merged {prefixed(source)} into {prefixed(target)}",
                migrations=[(source, target)],
            )

    def replace(
        self,
        graph: Graph,
        *,
        author: str,
        message: str = "",
        if_match: str | None = None,
        kind: str = "import",
    ) -> Outcome:
        """Load a whole reviewed ontology (``attache ontology import``) as one revision."""
        with self.lock:
            snap = self._current(if_match)
            old_terms = {s for s in snap.graph.subjects(RDF.type) if isinstance(s, URIRef)}
            new_terms = {s for s in graph.subjects(RDF.type) if isinstance(s, URIRef)}
            gone = sorted((t for t in old_terms - new_terms if is_dd(t)), key=str)
            for needed, source in (
                (code_terms(), "Attaché's code (kg/vocab.py)"),
                (shape_terms(self.shapes), f"the SHACL shapes ({self.shapes.name})"),
            ):
                dropped = [prefixed(t) for t in gone if t in needed]
                if dropped:
                    shown = ", ".join(dropped[:10]) + (" ..." if len(dropped) > 10 else "")
                    raise TermInUse(
                        f"the new ontology drops {len(dropped)} term(s) that {source} uses: {shown}"
                    )
            in_use = []
            for term in gone:
                used = impact(self.store, snap.graph, term)
                if used["triples"]:
                    in_use.append(f"{prefixed(term)} ({used['triples']} triples)")
            if in_use:
                raise TermInUse(
                    "the new ontology drops terms the data still uses: "
                    + ", ".join(in_use)
                    + ". Rename or merge them through the editor (which migrates the data) "
                    "before importing"
                )
            return self._commit(
                snap,
                copy_graph(graph),
                kind=kind,
                author=author,
                message=message or "import a reviewed ontology file",
                summary=f"imported ({len(graph)} triples)",
            )

    def revert(
        self,
        number: int,
        *,
        author: str,
        message: str = "",
        if_match: str | None = None,
    ) -> Outcome:
        """Undo one revision as a new revision (its data migration is undone too)."""
        with self.lock:
            snap = self._current(if_match)
            target = get_revision(self.store, number)
            current = set(snap.lines)
            missing = [line for line in target.added if line and line not in current]
            if missing:
                later = self._touching(number, set(missing))
                raise RevertConflict(
                    f"revision {number} cannot be reverted: {len(missing)} of the triples it "
                    "added were changed since"
                    + (f" by revision(s) {', '.join(map(str, later))}" if later else "")
                    + "; revert those first"
                )
            lines = sorted((current - set(target.added)) | {x for x in target.removed if x})
            candidate = graph_from_lines(lines)
            return self._commit(
                snap,
                candidate,
                kind="revert",
                author=author,
                message=message or f"revert revision {number}",
                summary=f"reverted revision {number} ({target.summary})",
                reverts=number,
                data_undo=(target.data_added, target.data_removed),
            )

    # -- internals ----------------------------------------------------------------------------

    def _touching(self, number: int, lines: set[str]) -> list[int]:
        out = []
        for n in range(number + 1, min(latest_number(self.store), number + 50) + 1):
            try:
                rev = get_revision(self.store, n)
            except NotFound:
                continue
            if lines & set(rev.removed):
                out.append(n)
        return out

    @staticmethod
    def _require(graph: Graph, iri: URIRef) -> None:
        if kind_of(graph, iri) is None:
            raise NotFound(f"no term {prefixed(iri)} in the ontology")

    def _guard_removal(self, iri: URIRef, verb: str) -> None:
        if iri in code_terms():
            raise TermInUse(
                f"{prefixed(iri)} is used by Attaché's code (kg/vocab.py) and cannot be {verb}; "
                "relabel it, add alt labels or mark it deprecated instead"
            )
        if iri in shape_terms(self.shapes):
            raise TermInUse(
                f"{prefixed(iri)} is used by the SHACL shapes ({self.shapes.name}) and cannot "
                f"be {verb}; change the shapes first"
            )

    def _migration(
        self, old: URIRef, new: URIRef
    ) -> tuple[list[str], list[str], list[str], set[URIRef]]:
        """SPARQL operations that move data from ``old`` to ``new``, and what they change."""
        uses = self.store.select(_USES, _use_bindings(old))
        removed: list[tuple[Any, Any, Any, Any]] = []
        for row in uses:
            quad = (row.get("s"), row.get("p"), row.get("o"), row.get("g"))
            if any(isinstance(t, BNode) or t is None for t in quad):
                raise EditRefused(
                    f"data using {prefixed(old)} holds blank nodes, which a migration cannot "
                    "track; migrate it with SPARQL Update"
                )
            removed.append(quad)
        rewritten = list(
            dict.fromkeys(
                (_replace(s, old, new), _replace(p, old, new), _replace(o, old, new), g)
                for s, p, o, g in removed
            )
        )
        existing: set[tuple[Any, ...]] = set()
        for start in range(0, len(rewritten), 500):
            chunk = rewritten[start : start + 500]
            query = (
                "SELECT ?g ?s ?p ?o WHERE { "
                + _multi_values(["s", "p", "o", "g"], chunk)
                + " GRAPH ?g { ?s ?p ?o } }"
            )
            for row in self.store.select(query):
                existing.add((row["s"], row["p"], row["o"], row["g"]))
        added = [q for q in rewritten if q not in existing]
        head = values_block({"old": old, "new": new, "ont": ONTOLOGY_GRAPH, "hist": HISTORY_GRAPH})
        guard = "FILTER(?g != ?ont && ?g != ?hist)"
        ops = [
            f"DELETE {{ GRAPH ?g {{ ?old ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?new ?p ?o }} }}\n"
            f"WHERE {{ {head} GRAPH ?g {{ ?old ?p ?o }} {guard} }}",
            f"DELETE {{ GRAPH ?g {{ ?s ?old ?o }} }} INSERT {{ GRAPH ?g {{ ?s ?new ?o }} }}\n"
            f"WHERE {{ {head} GRAPH ?g {{ ?s ?old ?o }} {guard} }}",
            f"DELETE {{ GRAPH ?g {{ ?s ?p ?old }} }} INSERT {{ GRAPH ?g {{ ?s ?p ?new }} }}\n"
            f"WHERE {{ {head} GRAPH ?g {{ ?s ?p ?old }} {guard} }}",
        ]
        graphs = {q[3] for q in removed}
        return (
            ops if removed else [],
            [quad_line(*q) for q in added],
            [quad_line(*q) for q in removed],
            graphs,
        )

    @staticmethod
    def _recount(graphs: set[URIRef]) -> str:
        """Keep each touched article's ``dd:tripleCount`` true (a merge can fold duplicates)."""
        if not graphs:
            return ""
        rows = _multi_values(["g"], [[g] for g in sorted(graphs, key=str)])
        head = values_block({"tc": DD.tripleCount})
        return (
            "DELETE { GRAPH ?g { ?g ?tc ?old } } INSERT { GRAPH ?g { ?g ?tc ?n } }\n"
            f"WHERE {{ {head} {{ SELECT ?g (COUNT(*) AS ?n)\n"
            f"  WHERE {{ {rows} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g }}\n"
            "  GRAPH ?g { ?g ?tc ?old } }"
        )

    def _commit(
        self,
        snap: Snapshot,
        candidate: Graph,
        *,
        kind: str,
        author: str,
        message: str,
        summary: str,
        migrations: Sequence[tuple[URIRef, URIRef]] = (),
        reverts: int | None = None,
        data_undo: tuple[list[str], list[str]] | None = None,
    ) -> Outcome:
        lines = canonical_lines(candidate)
        try:
            reparsed = graph_from_lines(lines)
        except Exception as exc:  # any parser failure means the same to the writer
            raise EditRefused(f"the edited ontology would not parse: {exc}") from exc
        check(reparsed, shapes=self.shapes)

        ops: list[str] = []
        data_added: list[str] = []
        data_removed: list[str] = []
        touched: set[URIRef] = set()
        for old, new in migrations:
            mig_ops, added, removed, graphs = self._migration(old, new)
            ops += mig_ops
            data_added += added
            data_removed += removed
            touched |= graphs
        if data_undo is not None:
            undo_delete = quads_from_lines(data_undo[0])
            undo_insert = quads_from_lines(data_undo[1])
            ops += [
                op
                for op in (
                    data_block("DELETE DATA", undo_delete),
                    data_block("INSERT DATA", undo_insert),
                )
                if op
            ]
            data_added = [quad_line(*q) for q in undo_insert]
            data_removed = [quad_line(*q) for q in undo_delete]
            touched |= {q[3] for q in undo_delete + undo_insert}
        if touched:
            ops.append(self._recount(touched))

        old_set, new_set = set(snap.lines), set(lines)
        if old_set == new_set and not data_added and not data_removed:
            return Outcome(snap.etag, None, snap.graph)

        revision = Revision(
            number=latest_number(self.store) + 1,
            author=author.strip()[:100] or "unknown",
            created=dt.datetime.now(dt.UTC).replace(microsecond=0),
            message=message.strip()[:2000],
            kind=kind,
            added=sorted(new_set - old_set),
            removed=sorted(old_set - new_set),
            data_added=data_added,
            data_removed=data_removed,
            etag_before=snap.etag,
            etag_after=etag_of(lines),
            reverts=reverts,
            summary=summary,
        )
        update = [
            f"DROP SILENT GRAPH {term_nt(ONTOLOGY_GRAPH)}",
            insert_data(ONTOLOGY_GRAPH, lines),
            *ops,
            insert_data(HISTORY_GRAPH, canonical_lines(revision.graph())),
        ]
        self.store.update(" ;\n".join(op for op in update if op))
        for listener in list(self.listeners):
            listener(reparsed)
        return Outcome(revision.etag_after, revision, reparsed)


# -- files --------------------------------------------------------------------------------------

DEFAULT_HEADER = """\
# =============================================================================
#  Attaché defense-diplomacy ontology
#
#  Written by `attache ontology export`: sorted, one value per line, so that a
#  git diff shows exactly what an edit changed. Edit through the ontology
#  editor (/ontology) or by hand, then `attache ontology import` this file.
# =============================================================================
"""


def file_header(path: Path) -> str:
    """The leading comment block of an existing Turtle file (kept across exports)."""
    if not path.exists():
        return DEFAULT_HEADER
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            lines.append(line)
        else:
            break
    return ("\n".join(lines) + "\n") if lines else DEFAULT_HEADER


class _StableTurtle(LongTurtleSerializer):
    """``longturtle`` with subjects in IRI order, the ontology node first.

    Plain ``longturtle`` orders subjects by how often they are referenced, so adding a
    subclass would move its parent's whole block and bury the one-line change in a
    large diff. Properties and objects are already sorted by ``longturtle``.
    """

    def orderSubjects(self) -> list[Any]:  # rdflib's method name
        subjects = list(self._subjects)
        head = [s for s in subjects if s == ONTOLOGY_IRI]
        named = sorted(s for s in subjects if isinstance(s, URIRef) and s != ONTOLOGY_IRI)
        blank = sorted((s for s in subjects if not isinstance(s, URIRef)), key=str)
        return head + named + blank


def to_turtle(graph: Graph, header: str = DEFAULT_HEADER) -> str:
    """Deterministic Turtle for files people diff: sorted, one object per line."""
    out = Graph()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns, override=True, replace=True)
    for triple in graph:
        out.add(triple)
    stream = io.BytesIO()
    _StableTurtle(out).serialize(stream, encoding="utf-8")
    body = stream.getvalue().decode("utf-8")
    return f"{header.rstrip()}\n\n{body.strip()}\n"


def export(store: Store, out_dir: Path) -> Path:
    """Write the stored ontology to ``out_dir/attache.ttl`` (keeping the file's header)."""
    target = out_dir / ONTOLOGY_FILE.name
    snap = OntologyEditor(store).snapshot()
    # A new file takes the bundled file's header, so exports anywhere match the repository's.
    text = to_turtle(snap.graph, file_header(target if target.exists() else ONTOLOGY_FILE))
    out_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def read_turtle(text: str, *, source: str = "the file") -> Graph:
    """Parse Turtle for an import; a syntax error refuses it with the parser's message.

    Oxigraph reads it first for its precise line-and-column messages; rdflib then builds
    the graph (its parser fails on some truncated input with bare IndexErrors).
    """
    try:
        for _ in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE):
            pass
    except (SyntaxError, ValueError) as exc:
        raise EditRefused(f"{source} is not valid Turtle: {exc}") from exc
    try:
        return Graph().parse(data=text, format="turtle")
    except Exception as exc:  # whatever rdflib raises, the file is refused the same way
        raise EditRefused(f"{source} is not valid Turtle: {exc}") from exc


def import_file(
    store: Store, path: Path, *, author: str, message: str = "", if_match: str | None = None
) -> Outcome:
    """Validate a reviewed Turtle file and load it as a new revision."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OntologyError(f"{path}: {exc}") from exc
    graph = read_turtle(text, source=str(path))
    return OntologyEditor(store).replace(
        graph, author=author, message=message or f"import {path.name}", if_match=if_match
    )


__all__ = [
    "KINDS",
    "OntologyEditor",
    "Outcome",
    "Snapshot",
    "TermEdit",
    "apply_edit",
    "apply_merge",
    "apply_rename",
    "check",
    "describe_term",
    "export",
    "find_problems",
    "impact",
    "import_file",
    "prefixed",
    "resolve_ref",
    "to_turtle",
    "tree",
]
