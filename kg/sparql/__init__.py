"""SPARQL as text: binding values into queries safely and checking queries from outside.

- :mod:`kg.sparql.binding`: values become serialized RDF terms in a ``VALUES`` block,
  never pasted text; every backend (:mod:`kg.store`) and every templated query uses it.
- :mod:`kg.sparql.guard`: checks on SPARQL text from outside (size, nesting, no
  ``SERVICE``/``LOAD``/``FROM``/``file:``) made before any parser sees it.

This package sits below the store: it imports nothing from :mod:`kg.store`. Running
queries from outside under a deadline is :mod:`kg.endpoint`'s job, above the store.
The binding functions are re-exported here because most callers want just those.
"""

from __future__ import annotations

from kg.sparql.binding import Term, bind, bind_many, serialize, values_block, where_brace

__all__ = ["Term", "bind", "bind_many", "serialize", "values_block", "where_brace"]
