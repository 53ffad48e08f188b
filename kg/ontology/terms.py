"""Ontology terms: how people name them, which ones the code needs, what a term holds.

Pure functions over an rdflib ``Graph`` of the ontology; nothing here writes. The edits
(:mod:`kg.ontology.edits`), checks (:mod:`kg.ontology.checks`) and the editor's pages
all read terms through these, so a term is described and named one way everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

from kg.errors import EditRefused, NotFound
from kg.ontology.bundle import SHAPES_FILE, parse_turtle
from kg.ontology.history import term_nt
from kg.vocab import DD, PREFIXES

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
def load_shapes(path: Path, mtime: float) -> tuple[Graph, frozenset[URIRef]]:
    """The shapes graph and the ``dd:`` terms it uses, parsed once per version of the file."""
    graph = parse_turtle(path)
    used = frozenset(t for triple in graph for t in triple if is_dd(t))
    return graph, used  # type: ignore[return-value]


def shape_terms(path: Path = SHAPES_FILE) -> frozenset[URIRef]:
    """``dd:`` terms the SHACL shapes use (re-read when the file changes)."""
    return load_shapes(path, path.stat().st_mtime)[1]


# -- reading terms -------------------------------------------------------------------------------


def kind_of(graph: Graph, iri: URIRef) -> str | None:
    """``class``, ``object_property``, ``datatype_property``, ``individual``, or None."""
    types = set(graph.objects(iri, RDF.type))
    for rdf_type, kind in _KIND_OF_TYPE.items():
        if rdf_type in types:
            return kind
    return "individual" if types else None


def members(graph: Graph, node: object) -> list[URIRef]:
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
        out.extend(m for m in members(graph, node) if m not in out)
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


# -- structure ----------------------------------------------------------------------------------


def blank_closure(graph: Graph, roots: Iterable[object]) -> set[BNode]:
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


def owner_of(graph: Graph, node: object) -> URIRef | None:
    """The named term a blank node hangs from (a union domain, its list), or None."""
    seen: set[object] = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        parents = list(graph.subjects(None, node))
        if not parents:
            return None
        node = parents[0]
    return node if isinstance(node, URIRef) else None


def references(graph: Graph, iri: URIRef) -> list[URIRef]:
    """Named terms whose definitions mention ``iri`` (as parent, domain, range, type...)."""
    own = {iri, *blank_closure(graph, graph.objects(iri))}
    found: set[URIRef] = set()
    for s, p, o in graph:
        if s in own or iri not in (p, o):
            continue
        root = owner_of(graph, s)
        if root is not None and root != iri:
            found.add(root)
    return sorted(found, key=str)
