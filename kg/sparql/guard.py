"""Checks on SPARQL text from outside, made before any parser sees it.

Both engines Attaché uses will, if asked, fetch URLs and local files named in a query
(``SERVICE``, ``LOAD``, ``FROM``/``FROM NAMED``, ``file:`` IRIs), and pyoxigraph's
recursive-descent parser overflows its stack, killing the whole process, on a few
thousand nested brackets. So the public endpoint refuses, on the text alone:

- text longer than a byte limit (64 KiB by default);
- brackets ``{ ( [`` nested deeper than :data:`MAX_DEPTH`, where a run of prefix
  operators (``!!!!?x``, ``- - -1``) counts a level per operator: the parser recurses
  on each, and an update with 9,000 ``!`` overflowed a server thread's stack;
- more than :data:`MAX_OPERATORS` operators in one expression or path (between two of
  ``. ; ,`` or brackets): a chain of binary operators is evaluated recursively;
- the keywords ``SERVICE``, ``LOAD`` and ``FROM`` and IRIs of the ``file:`` scheme.

The keyword check works on tokens, so a keyword inside a string literal, a comment,
a variable name or a prefixed name is fine, and it survives what an attacker would
try: any letter case, ``\\uXXXX``/``\\UXXXXXXXX`` escapes (SPARQL decodes them before
parsing; pyoxigraph decodes them only inside strings and IRIs, so both readings are
checked) and comments placed between tokens. Where the lexical reading is ambiguous
(``<`` is both the start of an IRI and "less than", and an IRI may contain ``'``) every
reading is checked and the query is refused if any of them shows a forbidden feature:
a contrived query may be refused, a hidden ``SERVICE`` may not pass.

The lexer is a loop, never recursion, so it is itself safe on any input. Nothing here
parses SPARQL; the engine does, later, in a worker process (see :mod:`kg.endpoint.pool`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import ForbiddenFeature, QueryError, QueryTooDeep, QueryTooLarge

MAX_BYTES = 64 * 1024
MAX_DEPTH = 64
MAX_OPERATORS = 1000

FORBIDDEN_WORDS = {
    "SERVICE": "SERVICE (federated query) is not allowed: the endpoint never fetches remote data",
    "LOAD": "LOAD is not allowed: the endpoint never fetches documents",
    "FROM": "FROM and FROM NAMED are not allowed: choose graphs with the protocol's "
    "default-graph-uri and named-graph-uri parameters",
}
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_PN = r"[\w\-\u00B7\u0300-\u036F\u203F-\u2040]"  # PN_CHARS: letters, digits, _ and -
_PLX = r"%|\\[_~.\-!$&'()*+,;=/?#@%]"  # a percent sign or a PN_LOCAL_ESC
_TOKEN = r"""
 (?P<space>\s+)
|(?P<comment>\#[^\r\n]*)
|(?P<string>'''(?:[^'\\]|\\[\s\S]|'(?!''))*'''
  |\"\"\"(?:[^"\\]|\\[\s\S]|"(?!""))*\"\"\"
  |'(?:[^'\\\r\n]|\\[\s\S])*'
  |"(?:[^"\\\r\n]|\\[\s\S])*")
|(?P<iri><[^<>"{}|^`\\\x00-\x20@IRI@]*>)
|(?P<var>[?$][^\W]@PN@*)
|(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
|(?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
|(?P<pname>(?:[^\W\d](?:@PN@|\.(?=@PN@|\.))*)?:(?:@PN@|:|@PLX@|\.(?=@PN@|:|@PLX@|\.))*)
|(?P<word>[^\W\d]@PN@*)
|(?P<punct>[\s\S])
"""


def _lexer(iri_extra: str, plx: str) -> re.Pattern[str]:
    pattern = _TOKEN.replace("@IRI@", iri_extra).replace("@PLX@", plx).replace("@PN@", _PN)
    return re.compile(pattern, re.X)


_LEXER = _lexer("", _PLX)
# The other reading: an IRI cannot contain ', and a prefixed name has no \-escapes.
_LEXER_STRICT = _lexer("'", "%")
_OPEN, _CLOSE = "{([", "})]"
_PREFIX_OPERATORS = "!-+^"  # may stand before an operand, and repeat: each is a level
_OPERATORS = "!-+*/|^&=<>?"  # every character of an operator or path operator
_SEGMENT_ENDS = ".;,"


@dataclass(frozen=True)
class Token:
    """One lexical token: ``kind`` is word, pname, var, iri, string, number, lang or punct."""

    kind: str
    text: str
    start: int


@dataclass(frozen=True)
class Reading:
    """One way of reading the text: whether ``\\u`` escapes are decoded, how ``<`` is lexed."""

    decode: bool
    strict_iris: bool  # an IRI containing ' is read as "<" followed by a string


READINGS = (
    Reading(decode=False, strict_iris=False),
    Reading(decode=False, strict_iris=True),
    Reading(decode=True, strict_iris=False),
    Reading(decode=True, strict_iris=True),
)


def decode_escapes(text: str) -> tuple[str, list[int]]:
    """``text`` with codepoint escapes decoded, and each decoded offset's offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    last = 0
    for m in _ESCAPE.finditer(text):
        code = int(m.group(1) or m.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            continue
        out.append(text[last : m.start()])
        where.extend(range(last, m.start()))
        out.append(chr(code))
        where.append(m.start())
        last = m.end()
    out.append(text[last:])
    where.extend(range(last, len(text) + 1))
    return "".join(out), where


def tokens(text: str, *, strict_iris: bool = False) -> Iterator[Token]:
    """Tokens of ``text``; comments and whitespace are dropped.

    An unterminated string is no string: its quote is a punctuation token and what
    follows is read as code, so an unclosed quote can never hide the rest of a query.
    """
    previous = ""
    for m in (_LEXER_STRICT if strict_iris else _LEXER).finditer(text):
        kind = m.lastgroup
        assert kind is not None
        if kind == "space" or kind == "comment":
            continue
        value = m.group(0)
        if kind == "lang" and previous != "string":
            # "@" outside a language tag is punctuation, and what follows it a word.
            yield Token("punct", "@", m.start())
            yield Token("word", value[1:], m.start() + 1)
            previous = "word"
            continue
        yield Token(kind, value, m.start())
        previous = kind


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _at(text: str, offset: int) -> str:
    line, column = position(text, offset)
    return f"at line {line}, column {column}"


@dataclass(frozen=True)
class Checked:
    """What the guard learnt from a query it let through."""

    form: str | None  # SELECT, ASK, CONSTRUCT or DESCRIBE; None when it cannot tell


def _views(text: str) -> Iterator[tuple[Reading, str, Sequence[int] | None]]:
    decoded: tuple[str, list[int]] | None = None
    for reading in READINGS:
        if not reading.decode:
            yield reading, text, None
            continue
        if decoded is None:
            if "\\u" not in text and "\\U" not in text:
                return
            decoded = decode_escapes(text)
        yield reading, decoded[0], decoded[1]


def _ambiguous(token: Token) -> bool:
    """Whether the strict reading could lex this token differently."""
    return (token.kind == "iri" and "'" in token.text) or (
        token.kind == "pname" and "\\" in token.text
    )


def _datatype_marker(found: list[Token]) -> bool:
    """Whether the ``^`` just found is part of a ``^^`` after a string literal."""
    if len(found) >= 2 and found[-2].kind == "string":
        return True
    return len(found) >= 3 and found[-2].text == "^" and found[-3].kind == "string"


def _check(
    text: str,
    *,
    max_bytes: int,
    max_depth: int,
    forbidden: dict[str, str],
    max_operators: int = MAX_OPERATORS,
) -> list[Token]:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise QueryTooLarge(
            f"the query is {size} bytes long; the endpoint accepts at most {max_bytes}"
        )
    first: list[Token] = []
    ambiguous = False
    for reading, view, where in _views(text):
        if reading.strict_iris and not ambiguous:
            continue  # the strict reading would see the very same tokens
        # Depth: open brackets plus the prefix operators before each of them (``carried``)
        # plus the run of prefix operators since the last bracket or operand (``run``).
        outer: list[tuple[int, int]] = []  # (run, operators) of each enclosing group
        carried = run = operators = 0
        found: list[Token] = []
        for token in tokens(view, strict_iris=reading.strict_iris):
            found.append(token)
            kind = token.kind
            if kind == "punct" and token.text in _OPEN:
                outer.append((run, operators))
                carried += run + 1
                run = operators = 0
            elif kind == "punct" and token.text in _CLOSE:
                if outer:
                    previous_run, operators = outer.pop()
                    carried -= previous_run + 1
                run = 0
            elif kind == "punct" and token.text == "^" and _datatype_marker(found):
                pass  # the ^^ of "1"^^xsd:int: a literal, not an operator
            elif kind == "punct" and token.text in _OPERATORS:
                operators += 1
                if operators > max_operators:
                    offset = token.start if where is None else where[token.start]
                    raise QueryTooDeep(
                        f"more than {max_operators} operators in one expression {_at(text, offset)}"
                    )
                if token.text in _PREFIX_OPERATORS:
                    run += 1
            else:
                run = 0
                if kind == "punct" and token.text in _SEGMENT_ENDS:
                    operators = 0
            if carried + run > max_depth:
                offset = token.start if where is None else where[token.start]
                raise QueryTooDeep(
                    f"brackets and prefix operators nest deeper than {max_depth} levels "
                    f"{_at(text, offset)}"
                )
            if kind == "word":
                reason = forbidden.get(token.text.upper())
                if reason:
                    offset = token.start if where is None else where[token.start]
                    raise ForbiddenFeature(f"{reason} ({token.text} {_at(text, offset)})")
            elif kind == "iri" and token.text[1:].lstrip().lower().startswith("file:"):
                offset = token.start if where is None else where[token.start]
                raise ForbiddenFeature(
                    f"file: IRIs are not allowed: the endpoint never reads local files "
                    f"({_at(text, offset)})"
                )
            if not reading.strict_iris and _ambiguous(token):
                ambiguous = True
        if not first:
            first = found
    return first


def check_query(text: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Checked:
    """Refuse ``text`` (raising a :class:`~kg.errors.QueryRefused`) or say what form it has."""
    found = _check(text, max_bytes=max_bytes, max_depth=max_depth, forbidden=FORBIDDEN_WORDS)
    form = next((t.text.upper() for t in found if t.kind == "word"), None)
    if form not in QUERY_FORMS:
        form = next((t.text.upper() for t in found if t.text.upper() in QUERY_FORMS), None)
    return Checked(form=form)


def check_update(text: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> None:
    """The same checks for an update (``LOAD`` fetches; ``SERVICE`` may hide in a WHERE)."""
    _check(text, max_bytes=max_bytes, max_depth=max_depth, forbidden=FORBIDDEN_WORDS)


def with_using(update: str, default_graphs: Sequence[str], named_graphs: Sequence[str]) -> str:
    """``update`` with the protocol's ``using-graph-uri``/``using-named-graph-uri`` applied.

    The protocol defines them as ``USING``/``USING NAMED`` clauses on every operation
    with a WHERE clause; an update that names its own dataset (``USING``, ``WITH``) as
    well is an error. The IRIs are checked and written by Oxigraph, never pasted.
    """
    if not default_graphs and not named_graphs:
        return update
    try:
        clauses = [f"USING {ox.NamedNode(g)}" for g in default_graphs]
        clauses += [f"USING NAMED {ox.NamedNode(g)}" for g in named_graphs]
    except ValueError as exc:
        raise QueryError(f"invalid graph IRI: {exc}") from exc
    insert_at: list[int] = []
    depth = 0
    before = ""
    for token in tokens(update):
        if token.kind == "punct" and token.text in _OPEN:
            depth += 1
        elif token.kind == "punct" and token.text in _CLOSE:
            depth = max(0, depth - 1)
        elif token.kind == "word" and depth == 0:
            word = token.text.upper()
            if word in {"USING", "WITH"}:
                raise QueryError(
                    f"the update names its own dataset with {word} "
                    f"{_at(update, token.start)}, and using-graph-uri or "
                    "using-named-graph-uri were given too"
                )
            if word == "WHERE" and before != "DELETE":
                insert_at.append(token.start)
        if token.kind != "punct" or token.text not in "}":
            before = token.text.upper() if token.kind == "word" else token.kind
        else:
            before = "}"
    for at in reversed(insert_at):
        update = f"{update[:at]}{' '.join(clauses)} {update[at:]}"
    return update
