"""Extraction as text people can diff: each article's graph as sorted N-Triples.

The golden extraction test compares the bundled samples' extraction with
``tests/data/extraction/samples.nt``; a refactoring of the rules must leave it as it is.
The extractor's version is written as ``VERSION`` (in its literal and in the extractor's
IRI): it names the trigger words in force (their digest), which may change while what is
extracted does not.

Regenerate after an intended change (and say why in the commit)::

    .venv/bin/python -m tests.kg.golden samples > tests/data/extraction/samples.nt
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from kg.articles import Article, expand_paths, read_file
from kg.extract import Pipeline
from kg.vocab import DD

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""The fixed ingestion time every golden extraction is stamped with."""


def canonical(graph: Graph) -> list[str]:
    """The graph's triples as sorted N-Triples lines, the extractor version masked
    (in its literal and in the extractor's IRI)."""
    version = next(graph.objects(None, DD.extractorVersion), None)
    text = graph.serialize(format="nt")
    if version is not None:
        text = text.replace(str(version), "VERSION")
    return sorted(line for line in text.splitlines() if line.strip())


def dump(paths: Iterable[Path], pipeline: Pipeline) -> str:
    """Every article under ``paths``, one section per file, in file order."""
    files, errors = expand_paths(list(paths))
    assert not errors, errors
    out: list[str] = []
    for path in files:
        for article in read_file(path):
            assert isinstance(article, Article), article
            out.append(f"# {path.name}")
            out += canonical(pipeline.extract(article, WHEN))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(dump([Path(p) for p in sys.argv[1:]], Pipeline()))
