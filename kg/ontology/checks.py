"""Checks on a candidate ontology: what would make it broken, said as plain sentences.

The editor runs :func:`check` on every candidate before it writes: an ontology that does
not parse, has a subclass cycle, refers to an undefined term, leaves a term without a
label or drops a term the SHACL shapes use is refused, and the stored one stays.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.errors import EditRefused
from kg.ontology.bundle import SHAPES_FILE
from kg.ontology.terms import (
    LABEL_PROPS,
    PROPERTY_TYPES,
    TERM_TYPES,
    is_dd,
    load_shapes,
    members,
    owner_of,
    prefixed,
    shape_terms,
)
from kg.vocab import ONTOLOGY_IRI


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
                owner = s if isinstance(s, URIRef) else owner_of(graph, s)
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
            for member in members(graph, node):
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


@lru_cache(maxsize=2)
def _shapes_apply(path: Path, mtime: float) -> str | None:
    """Whether pySHACL accepts the shapes graph at all (None when it does)."""
    from pyshacl import validate

    try:
        validate(Graph(), shacl_graph=load_shapes(path, mtime)[0], inference="none")
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
