"""The ontology: the vocabulary Attaché's graph is written in, and everything that changes it.

- :mod:`kg.ontology.bundle`: the shipped ontology (``ontology/attache.ttl``) and its
  installation in the store's ontology graph; its names are re-exported here because
  ingestion, the service and the tests all want them.
- :mod:`kg.ontology.terms`: naming terms (``dd:Summit``), reading what a term holds.
- :mod:`kg.ontology.edits`: an edit as data, and pure functions that apply one to a copy.
- :mod:`kg.ontology.checks`: what would make a candidate ontology broken.
- :mod:`kg.ontology.impact`: which data uses a term, and how a rename or merge moves it.
- :mod:`kg.ontology.history`: canonical lines, ETags and the revision history graph.
- :mod:`kg.ontology.editor`: the editor, which runs each change (a command) the one way:
  lock, read, plan, check, write the ontology, the data migration and the revision at once.
- :mod:`kg.ontology.turtle`: deterministic Turtle export and checked import of files.
- :mod:`kg.ontology.conformance`: the SHACL shapes run over the stored articles.
"""

from __future__ import annotations

from kg.ontology.bundle import (
    ONTOLOGY_FILE,
    SHAPES_FILE,
    bundled_ontology,
    ensure_ontology,
    parse_turtle,
    stored_version,
    version_of,
)

__all__ = [
    "ONTOLOGY_FILE",
    "SHAPES_FILE",
    "bundled_ontology",
    "ensure_ontology",
    "parse_turtle",
    "stored_version",
    "version_of",
]
