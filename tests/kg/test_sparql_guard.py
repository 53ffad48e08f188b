"""The text guard refuses what fetches data or crashes the engine, and nothing else."""

from __future__ import annotations

import pytest

from kg.errors import ForbiddenFeature, QueryError, QueryTooDeep, QueryTooLarge
from kg.sparql.guard import check_query, check_update, decode_escapes, tokens, with_using

CANARY = "http://127.0.0.1:9/"

FORBIDDEN = [
    f"SELECT * WHERE {{ SERVICE <{CANARY}> {{ ?s ?p ?o }} }}",
    f"select * where {{ service <{CANARY}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ SeRvIcE SILENT <{CANARY}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ \\u0053ERVICE <{CANARY}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ serv\\u0069ce <{CANARY}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ \\U00000053ERVICE <{CANARY}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{#comment\nSERVICE#comment\n<{CANARY}>#comment\n{{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o }}#\n;SERVICE<{CANARY}>{{}}",
    f"SELECT * FROM <{CANARY}> WHERE {{ ?s ?p ?o }}",
    f"SELECT * from named <{CANARY}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    f"SELECT * \\u0046ROM <{CANARY}> WHERE {{ ?s ?p ?o }}",
    f"ASK FROM#x\n<{CANARY}> {{ }}",
    "SELECT * WHERE { <file:///etc/passwd> ?p ?o }",
    "SELECT * WHERE { <FILE:///etc/passwd> ?p ?o }",
    "SELECT * WHERE { <\\u0066ile:///etc/passwd> ?p ?o }",
    "BASE <file:///etc/> SELECT * WHERE { <passwd> ?p ?o }",
    "PREFIX f: <file:///etc/> SELECT * WHERE { f:passwd ?p ?o }",
    # "<" read as "less than" by the engine: the quote after it starts a string there.
    f"SELECT * WHERE {{ ?s ?p ?a FILTER(?a<'>') SERVICE <{CANARY}> {{ }} #'\n}}",
    # an unterminated string must not hide what follows it
    f'SELECT * WHERE {{ ?s ?p "open\nSERVICE <{CANARY}> {{ }} }}',
    # an escaped quote inside a string, then code
    f"SELECT * WHERE {{ ?s ?p 'a\\'b' SERVICE <{CANARY}> {{ }} }}",
    # a \-escape in a prefixed name, then code
    f"SELECT * WHERE {{ ?s x:a\\' SERVICE <{CANARY}> {{ }} . ?s ?p 'q' }}",
]


@pytest.mark.parametrize("query", FORBIDDEN)
def test_features_that_fetch_data_are_refused_in_every_disguise(query: str) -> None:
    with pytest.raises(ForbiddenFeature) as info:
        check_query(query)
    assert info.value.code == "forbidden_feature"
    assert "line" in info.value.message and "column" in info.value.message


@pytest.mark.parametrize(
    "update",
    [
        f"LOAD <{CANARY}>",
        f"load silent <{CANARY}> INTO GRAPH <https://example.org/g>",
        f"\\u004cOAD <{CANARY}>",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{CANARY}> {{ ?s ?p ?o }} }}",
    ],
)
def test_updates_that_fetch_data_are_refused(update: str) -> None:
    with pytest.raises(ForbiddenFeature):
        check_update(update)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p 'the service said it would load them from Ankara' }",
        'SELECT * WHERE { ?s ?p """SERVICE\nFROM\nLOAD""" }',
        "SELECT ?service ?from ?load WHERE { ?service ?from ?load }",
        "SELECT * WHERE { ?s <https://example.org/from> ?o ; ex:service ?x ; load:y ?z }",
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> in a comment",
        "SELECT * WHERE { ?s ?p 'file:///etc/passwd' }",
        "SELECT * WHERE { ?s ?p 'x'@en ; <https://example.org/p#from> ?o }",
        "SELECT * WHERE { ?s <https://example.org/Côte_d'Ivoire> ?o }",
    ],
)
def test_keywords_in_strings_comments_names_and_iris_are_fine(query: str) -> None:
    assert check_query(query).form == "SELECT"


def test_a_query_over_the_size_limit_is_refused_before_parsing() -> None:
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (70 * 1024)
    with pytest.raises(QueryTooLarge) as info:
        check_query(query)
    assert "65536" in info.value.message


def test_the_size_limit_counts_utf8_bytes() -> None:
    query = "SELECT * WHERE { ?s ?p 'é' }" + " " * 20
    check_query(query, max_bytes=len(query.encode()))
    with pytest.raises(QueryTooLarge):
        check_query(query, max_bytes=len(query))


@pytest.mark.parametrize("bracket", ["{", "(", "["])
def test_five_thousand_nested_brackets_are_refused(bracket: str) -> None:
    closing = {"{": "}", "(": ")", "[": "]"}[bracket]
    query = "SELECT * WHERE { " + bracket * 5000 + closing * 5000 + " }"
    with pytest.raises(QueryTooDeep) as info:
        check_query(query)
    assert info.value.code == "query_too_deep"


def test_nesting_up_to_the_limit_is_accepted_and_brackets_in_strings_do_not_count() -> None:
    check_query("SELECT * WHERE " + "{" * 64 + "}" * 64)
    check_query("SELECT * WHERE { ?s ?p '" + "{" * 500 + "' }")
    with pytest.raises(QueryTooDeep):
        check_query("SELECT * WHERE " + "{" * 65 + "}" * 65)


@pytest.mark.parametrize(
    "expression",
    [
        "!" * 9347 + "?o",  # the update that overflowed a server thread's stack
        "- " * 200 + "1",
        "!(" * 40 + "?o" + ")" * 40,  # each level: one bracket and one operator
        " || ".join(["?o"] * 1200),  # a binary chain is evaluated recursively
    ],
)
def test_operator_depth_counts_not_only_brackets(expression: str) -> None:
    update = "INSERT { GRAPH <urn:x> { ?s ?p ?o } } WHERE { ?s ?p ?o FILTER(" + expression + ") }"
    with pytest.raises(QueryTooDeep) as info:
        check_update(update)
    assert info.value.code == "query_too_deep"
    with pytest.raises(QueryTooDeep):
        check_query("SELECT * WHERE { ?s ?p ?o FILTER(" + expression + ") }")


def test_ordinary_operators_and_paths_stay_allowed() -> None:
    check_query(
        "SELECT * WHERE { ?s a/rdfs:subClassOf* ?c ; !rdf:type ?o . ?o ^dd:x ?y "
        'FILTER(!BOUND(?y) && -?n < 3 || ?n >= 1 + 2 * 3 - -4 && ?l != "a"^^xsd:string) }'
    )
    check_query("SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 60 + "?o) }")
    check_query("SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o"] * 400) + ") }")
    rows = " ".join(f'"{i}"^^xsd:integer' for i in range(2000))  # ^^ is no operator
    check_query("SELECT * WHERE { VALUES ?n { " + rows + " } }")


def test_the_query_form_is_read_past_prefixes_and_comments() -> None:
    assert check_query("PREFIX a: <https://e.org/>\n# c\nconstruct { } where { }").form == (
        "CONSTRUCT"
    )
    assert check_query("BASE <https://e.org/> ASK {}").form == "ASK"
    assert check_query("DESCRIBE <https://e.org/x>").form == "DESCRIBE"


def test_codepoint_escapes_decode_and_positions_map_back() -> None:
    text, where = decode_escapes("a\\u0042c\\U00000044")
    assert text == "aBcD"
    assert [where[i] for i in range(4)] == [0, 1, 7, 8]


def test_tokens_skip_comments_and_keep_strings_whole() -> None:
    found = [(t.kind, t.text) for t in tokens("SELECT ?x # hi\n{ ?x <p> 'a # b' }")]
    assert found == [
        ("word", "SELECT"),
        ("var", "?x"),
        ("punct", "{"),
        ("var", "?x"),
        ("iri", "<p>"),
        ("string", "'a # b'"),
        ("punct", "}"),
    ]


def test_using_graph_uri_becomes_using_clauses_on_each_where() -> None:
    update = (
        "CLEAR ALL ; INSERT DATA { GRAPH <g> { <a> <b> <c> } } ;\n"
        "INSERT { GRAPH <x> { ?s a ?t } } WHERE { ?s a ?t } ;\n"
        "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    )
    out = with_using(update, ["https://e.org/d"], ["https://e.org/n"])
    assert out.count("USING <https://e.org/d> USING NAMED <https://e.org/n> WHERE") == 2


def test_using_graph_uri_with_a_with_clause_is_an_error() -> None:
    with pytest.raises(QueryError, match="WITH"):
        with_using("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", [], ["https://e.org/n"])


def test_using_graph_uri_must_be_an_iri() -> None:
    with pytest.raises(QueryError, match="invalid graph IRI"):
        with_using("INSERT { } WHERE { }", ["not an iri"], [])
