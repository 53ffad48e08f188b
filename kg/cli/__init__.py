"""The ``attache`` command line: ingest, list and remove articles, query, serve, ask, edit.

One module per group of commands, each registering its commands on the one ``main``
group of :mod:`kg.cli.base` when imported:

- :mod:`kg.cli.articles`: ``ingest``, ``articles``, ``remove``, ``extract``;
- :mod:`kg.cli.query`: ``query``;
- :mod:`kg.cli.transfer`: ``export``, ``import``;
- :mod:`kg.cli.serve`: ``serve``;
- :mod:`kg.cli.questions`: ``ask``, ``eval``;
- :mod:`kg.cli.ontology`: ``ontology export|import|history``, ``validate``.
"""

from __future__ import annotations

from kg.cli import articles, ontology, query, questions, serve, transfer
from kg.cli.base import echo, main, printable

__all__ = [
    "articles",
    "echo",
    "main",
    "ontology",
    "printable",
    "query",
    "questions",
    "serve",
    "transfer",
]
