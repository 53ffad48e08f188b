"""The ontology: the vocabulary Attaché's graph is written in, and everything that changes it.

- :mod:`kg.ontology.bundle`: the shipped ontology (``ontology/attache.ttl``) and its
  installation in the store's ontology graph; its names are re-exported here because
  ingestion, the service and the tests all want them.
- :mod:`kg.ontology.history`: canonical lines, ETags and the revision history graph.
- :mod:`kg.ontology.editor`: checked, versioned edits of the stored ontology.
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
