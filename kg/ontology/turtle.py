"""The ontology as a file people diff: deterministic Turtle out, checked Turtle in.

``attache ontology export`` writes the stored ontology sorted, one value per line, so a
git diff shows exactly what an edit changed; ``attache ontology import`` reads a reviewed
file back as one revision through the editor, which checks it like any other edit.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.plugins.serializers.longturtle import LongTurtleSerializer

from kg.errors import EditRefused, OntologyError
from kg.ontology.bundle import ONTOLOGY_FILE
from kg.ontology.editor import OntologyEditor, Outcome
from kg.store.base import Store
from kg.vocab import ONTOLOGY_IRI, PREFIXES

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
