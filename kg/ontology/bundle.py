"""The ontology as data: read from ``ontology/attache.ttl``, kept in its own named graph.

The store always holds the ontology (graph ``ONTOLOGY_GRAPH``) so that SPARQL users
can query classes and labels beside the data, and so the lexicon the question
parser reads is the one in the store.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import OWL, Graph, Literal
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import OntologyError
from kg.gazetteer import ONTOLOGY_DIR
from kg.store.base import Store, Term
from kg.vocab import DD, ONTOLOGY_GRAPH, ONTOLOGY_IRI

ONTOLOGY_FILE = ONTOLOGY_DIR / "attache.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def parse_turtle(path: Path) -> Graph:
    """Parse a Turtle file, with errors that name the file."""
    try:
        return Graph().parse(path, format="turtle")
    except (BadSyntax, OSError, ValueError) as exc:
        raise OntologyError(f"{path}: {exc}") from exc


@lru_cache(maxsize=1)
def bundled_ontology() -> Graph:
    """The ontology shipped in ``ontology/attache.ttl`` (parsed once per process)."""
    return parse_turtle(ONTOLOGY_FILE)


def version_of(graph: Graph) -> str:
    """``owl:versionInfo`` of the ontology node, or "unknown"."""
    value = graph.value(ONTOLOGY_IRI, OWL.versionInfo)
    return str(value) if isinstance(value, Literal) else "unknown"


def stored_version(store: Store) -> str | None:
    rows = store.select(
        "SELECT ?v WHERE { GRAPH ?g { ?o owl:versionInfo ?v } }",
        {"g": ONTOLOGY_GRAPH, "o": ONTOLOGY_IRI},
    )
    return str(rows.bindings[0]["v"]) if rows.bindings else None


def stored_triggers(store: Store) -> list[tuple[Term, Term]]:
    """(class, lemma) for every trigger of the store's ontology graph that is a verb or
    either (``dd:triggerLemma``, ``dd:triggerVerb``; not the nouns, ``dd:triggerNoun``)."""
    return [
        (term, lemma)
        for term, prop, lemma in stored_trigger_statements(store)
        if prop != DD.triggerNoun
    ]


def stored_trigger_statements(store: Store) -> list[tuple[Term, Term, Term]]:
    """(class, property, lemma) for every trigger the store's ontology states
    (``dd:triggerLemma``, ``dd:triggerVerb``, ``dd:triggerNoun``)."""
    rows = store.select(
        "SELECT ?term ?p ?lemma WHERE { GRAPH ?g { ?term ?p ?lemma } "
        "VALUES ?p { dd:triggerLemma dd:triggerVerb dd:triggerNoun } }",
        {"g": ONTOLOGY_GRAPH},
    )
    return [(row["term"], row["p"], row["lemma"]) for row in rows]


def ensure_ontology(store: Store) -> str:
    """Install the bundled ontology when the store has none, or when it holds an older
    bundled version that nobody edited; return the stored version.

    A store whose ontology was edited keeps its edits (the ontology history says so):
    an upgrade of Attaché must not undo an analyst's work. Such a store reports its own
    version, and ``attache ontology import`` brings the new terms in as a revision.
    """
    from kg.ontology.history import latest_number  # it imports the store layer, like us

    version = stored_version(store)
    graph = bundled_ontology()
    if version is None or (_older(version, version_of(graph)) and latest_number(store) == 0):
        store.replace_graph(ONTOLOGY_GRAPH, graph)
        version = version_of(graph)
    return version


def _older(version: str, than: str) -> bool:
    """ "1.0.0" is older than "1.1.0"; versions that are not dotted numbers never are."""
    try:
        return tuple(map(int, version.split("."))) < tuple(map(int, than.split(".")))
    except ValueError:
        return False
