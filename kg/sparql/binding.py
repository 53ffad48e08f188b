"""Binding values into SPARQL safely, for every backend.

Values from questions and requests never become query text by pasting: each is
serialized as an RDF term by Oxigraph's own N-Triples writer (which validates IRIs
and escapes literals), and the set goes in as a ``VALUES`` block at the head of the
query's WHERE group, where the engine joins it before evaluating the pattern (so a
bound label still uses the index; a trailing VALUES would be joined last).
pyoxigraph's own ``substitutions`` only accept projected variables, and remote
servers know nothing of client-side bindings, so one mechanism serves both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.errors import QueryError

Term = URIRef | BNode | Literal

_VAR_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def serialize(term: Term) -> str:
    """One term in N-Triples syntax; an IRI that is not a valid IRI is refused."""
    try:
        if isinstance(term, URIRef):
            return str(ox.NamedNode(str(term)))
        if isinstance(term, Literal):
            if term.language:
                return str(ox.Literal(str(term), language=term.language))
            if term.datatype:
                return str(ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))))
            return str(ox.Literal(str(term)))
    except ValueError as exc:
        raise QueryError(f"invalid value for a query parameter: {exc}") from exc
    raise QueryError(f"cannot bind {type(term).__name__} values")


def values_block(bindings: Mapping[str, Term]) -> str:
    names = list(bindings)
    for name in names:
        if not _VAR_NAME.match(name):
            raise QueryError(f"invalid variable name {name!r}")
    head = " ".join(f"?{n}" for n in names)
    row = " ".join(serialize(bindings[n]) for n in names)
    return f"VALUES ({head}) {{ ({row}) }}"


def bind_many(query: str, var: str, terms: Iterable[Term]) -> str:
    """``query`` with ``?var`` bound to each of ``terms``: a ``VALUES`` block of serialized
    terms opening its WHERE group (one query for many nodes, never pasted text)."""
    if not _VAR_NAME.match(var):
        raise QueryError(f"invalid variable name {var!r}")
    block = f"VALUES ?{var} {{ {' '.join(serialize(t) for t in terms)} }}"
    at = where_brace(query) + 1
    return query[:at] + " " + block + "\n" + query[at:]


def where_brace(query: str) -> int:
    """Offset of the ``{`` that opens the query's WHERE group.

    Skips strings, IRIs and comments. For CONSTRUCT the template's braces come
    first, so the brace after the WHERE keyword is taken.
    """
    i, n = 0, len(query)
    seen_construct_template = False
    depth = 0
    is_construct = re.match(r"\s*(?:(?:PREFIX|BASE)[^\n{]*\n\s*)*CONSTRUCT\b", query, re.I | re.S)
    last_word = ""
    while i < n:
        c = query[i]
        if c == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c in "\"'":
            triple = query[i : i + 3]
            if triple in ('"""', "'''"):
                end = query.find(triple, i + 3)
                i = n if end < 0 else end + 3
                continue
            j = i + 1
            while j < n and query[j] != c:
                j += 2 if query[j] == "\\" else 1
            i = j + 1
            continue
        if c == "<":
            m = re.match(r"<[^<>\"{}|^`\\\s]*>", query[i:])
            if m:
                i += m.end()
                continue
        if c.isalpha():
            m = re.match(r"[A-Za-z_]+", query[i:])
            assert m is not None
            last_word = m.group(0).upper()
            i += m.end()
            continue
        if c == "{" and depth == 0:
            if is_construct and not seen_construct_template and last_word != "WHERE":
                seen_construct_template = True
                depth += 1
                i += 1
                continue
            return i
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    raise QueryError("the query has no WHERE group to bind values into")


def bind(query: str, bindings: Mapping[str, Term] | None) -> str:
    """``query`` with ``bindings`` joined at the head of its WHERE group."""
    if not bindings:
        return query
    at = where_brace(query) + 1
    return f"{query[:at]} {values_block(bindings)}\n{query[at:]}"
