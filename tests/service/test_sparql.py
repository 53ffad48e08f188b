"""``/sparql`` and ``/sparql/update``: the protocol, the guards, the deadline, the row cap, auth.

The attacks are shown failing: the loopback canary sees no connection, the nested
query does not kill the server, the cartesian product is stopped at the deadline
while other requests are answered, and unauthenticated updates change nothing.
"""

from __future__ import annotations

import json
import os
import threading
import time
from xml.etree import ElementTree

import pytest
from flask import Flask
from rdflib import Graph

from service.state import state_of
from tests.service.conftest import TOKEN, Canary, close_app, make_app
from tests.service.test_api import assert_error_shape

SELECT_ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
CROSS_JOIN = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
)


def error_of(response: object) -> dict[str, object]:
    body: dict[str, object] = response.get_json()  # type: ignore[attr-defined]
    assert_error_shape(body, response.status_code)  # type: ignore[attr-defined]
    return body


# -- the protocol ------------------------------------------------------------------------


def test_get_post_form_and_post_direct_give_the_same_answer(sparql_app: Flask) -> None:
    client = sparql_app.test_client()
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a dd:NewsArticle }"
    answers = [
        client.get("/sparql", query_string={"query": query}),
        client.post("/sparql", data={"query": query}),
        client.post("/sparql", data=query, content_type="application/sparql-query"),
    ]
    for response in answers:
        assert response.status_code == 200
        assert response.content_type == "application/sparql-results+json"
        assert response.get_json()["results"]["bindings"][0]["n"]["value"] == "8"


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv; charset=utf-8"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ("application/json", "application/sparql-results+json"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
    ],
)
def test_select_results_come_in_the_format_the_client_accepts(
    sparql_app: Flask, accept: str, content_type: str
) -> None:
    response = sparql_app.test_client().get(
        "/sparql",
        query_string={"query": "SELECT ?a WHERE { ?a a dd:NewsArticle } LIMIT 3"},
        headers={"Accept": accept},
    )
    assert response.status_code == 200
    assert response.content_type == content_type
    assert response.headers["Vary"] == "Accept"


@pytest.mark.parametrize(
    "accept",
    [
        "text/turtle",
        "application/n-triples",
        "application/ld+json",
        "application/rdf+xml",
        "application/trig",
        "application/n-quads",
    ],
)
def test_construct_and_describe_come_as_rdf_in_the_format_accepted(
    sparql_app: Flask, accept: str
) -> None:
    import pyoxigraph as ox

    client = sparql_app.test_client()
    for query in (
        "CONSTRUCT { ?a dcterms:title ?t } WHERE { ?a dcterms:title ?t }",
        "DESCRIBE ?a WHERE { ?a a dd:NewsArticle } LIMIT 1",
    ):
        response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
        assert response.status_code == 200, response.data
        assert response.content_type.split(";")[0] == accept
        fmt = ox.RdfFormat.from_media_type(accept)
        assert fmt is not None
        assert len(list(ox.parse(response.data, format=fmt))) > 0


def test_ask_answers_true_or_false_in_json_and_xml(sparql_app: Flask) -> None:
    client = sparql_app.test_client()
    yes = client.get("/sparql", query_string={"query": "ASK { ?s a dd:NewsArticle }"})
    assert yes.get_json() == {"head": {}, "boolean": True}
    no = client.get(
        "/sparql",
        query_string={"query": "ASK { ?s a <https://example.org/Nothing> }"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    root = ElementTree.fromstring(no.data)
    assert root.find("{http://www.w3.org/2005/sparql-results#}boolean").text == "false"  # type: ignore[union-attr]


def test_the_default_graph_is_the_union_of_articles_and_ontology(sparql_app: Flask) -> None:
    client = sparql_app.test_client()
    query = "ASK { ?a a dd:NewsArticle . dd:ArmsDeal rdfs:subClassOf* dd:Event }"
    assert client.get("/sparql", query_string={"query": query}).get_json()["boolean"] is True


def test_the_dataset_comes_from_the_protocol_parameters(sparql_app: Flask) -> None:
    client = sparql_app.test_client()
    query = "ASK { ?a a dd:NewsArticle }"
    only_ontology = client.get(
        "/sparql",
        query_string={
            "query": query,
            "default-graph-uri": "https://w3id.org/attache/graph/ontology",
        },
    )
    assert only_ontology.get_json()["boolean"] is False
    named = client.get(
        "/sparql",
        query_string={
            "query": "ASK { GRAPH ?g { ?c a owl:Class } }",
            "named-graph-uri": "https://w3id.org/attache/graph/ontology",
        },
    )
    assert named.get_json()["boolean"] is True


def test_a_get_without_query_describes_the_service(sparql_app: Flask) -> None:
    response = sparql_app.test_client().get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.data, format="turtle")
    text = response.get_data(as_text=True)
    assert "sd:UnionDefaultGraph" in text and "sd:SPARQL11Query" in text
    assert len(graph) > 10


def test_a_browser_asking_for_html_is_sent_to_the_console(sparql_app: Flask) -> None:
    response = sparql_app.test_client().get(
        "/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/console")


def test_reads_are_open_to_other_origins(sparql_app: Flask) -> None:
    client = sparql_app.test_client()
    response = client.get("/sparql", query_string={"query": "ASK {}"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-Attache-Truncated" in response.headers["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    update = client.post("/sparql/update", data={"update": "CLEAR ALL"})
    assert "Access-Control-Allow-Origin" not in update.headers


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"method": "GET", "query_string": "query=ASK%7B%7D&query=ASK%7B%7D"}, 400),
        ({"method": "POST", "data": "ASK {}", "content_type": "text/plain"}, 415),
        ({"method": "POST", "data": "query=ASK%20%7B%7D"}, 415),
        (
            {
                "method": "POST",
                "data": "ASK {}".encode("utf-16"),
                "content_type": "application/sparql-query; charset=UTF-16",
            },
            415,
        ),
        (
            {
                "method": "POST",
                "data": b"ASK { '\xff' }",
                "content_type": "application/sparql-query",
            },
            400,
        ),
        ({"method": "PUT", "query_string": "query=ASK%7B%7D"}, 405),
        ({"method": "GET", "query_string": "update=CLEAR%20ALL"}, 400),
        ({"method": "POST", "data": "CLEAR ALL", "content_type": "application/sparql-update"}, 415),
        ({"method": "GET", "query_string": "query=ASK%7B%7D&format=xlsx"}, 400),
    ],
)
def test_protocol_violations_are_errors_in_the_one_json_shape(
    sparql_app: Flask, kwargs: dict[str, object], status: int
) -> None:
    response = sparql_app.test_client().open("/sparql", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status
    error_of(response)


def test_no_acceptable_format_is_a_406(sparql_app: Flask) -> None:
    response = sparql_app.test_client().get(
        "/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "image/png"}
    )
    assert response.status_code == 406
    assert error_of(response)["code"] == "not_acceptable"


def test_a_syntax_error_names_the_line_and_column(sparql_app: Flask) -> None:
    response = sparql_app.test_client().get(
        "/sparql", query_string={"query": "SELECT * WHERE {\n  ?s ?p \n}"}
    )
    body = error_of(response)
    assert response.status_code == 400
    assert body["code"] == "syntax_error"
    assert "line 3, column" in str(body["error"])


def test_the_format_parameter_overrides_accept_for_download_links(sparql_app: Flask) -> None:
    response = sparql_app.test_client().get(
        "/sparql",
        query_string={"query": "SELECT ?a WHERE { ?a a dd:NewsArticle }", "format": "csv"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.content_type.startswith("text/csv")
    assert response.get_data(as_text=True).splitlines()[0] == "a"


# -- guards --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ #x\nSERVICE #x\n<{url}> {{ ?s ?p ?o }} }}",
        "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        "select * from named <{url}> where {{ graph ?g {{ ?s ?p ?o }} }}",
        "SELECT * \\u0066rom <{url}> WHERE {{ ?s ?p ?o }}",
        "SELECT * WHERE {{ <file:///etc/passwd> ?p ?o }}",
        "SELECT * WHERE {{ <\\u0066ile:///etc/passwd> ?p ?o }}",
    ],
)
@pytest.mark.reliability
def test_ssrf_variants_are_refused_and_the_canary_sees_no_connection(
    sparql_app: Flask, canary: Canary, template: str
) -> None:
    query = template.format(url=canary.url)
    response = sparql_app.test_client().post(
        "/sparql", data=query, content_type="application/sparql-query"
    )
    assert response.status_code == 400
    assert error_of(response)["code"] == "forbidden_feature"
    time.sleep(0.05)
    assert canary.hits == []


def test_the_canary_works_bare_pyoxigraph_does_fetch_a_service(canary: Canary) -> None:
    """The control: without the guard, the engine connects to the URL in the query."""
    import pyoxigraph as ox

    with pytest.raises(OSError):
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}"))  # type: ignore[arg-type]
    assert canary.hits == ["POST /"]


def test_a_query_over_64_kib_is_refused_before_parsing(sparql_app: Flask) -> None:
    query = "SELECT * WHERE { ?s ?p ?o } # " + "x" * (70 * 1024)
    response = sparql_app.test_client().post(
        "/sparql", data=query, content_type="application/sparql-query"
    )
    assert response.status_code == 400
    assert error_of(response)["code"] == "query_too_large"


@pytest.mark.reliability
def test_five_thousand_nested_braces_are_refused_and_the_service_lives_on(
    sparql_app: Flask,
) -> None:
    client = sparql_app.test_client()
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    pids = state_of(sparql_app).sparql.pool.pids()  # the workers, started
    query = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    response = client.post("/sparql", data=query, content_type="application/sparql-query")
    assert response.status_code == 400
    assert error_of(response)["code"] == "query_too_deep"
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    assert state_of(sparql_app).sparql.pool.pids() == pids  # no worker even died


def test_a_query_that_crashes_the_engine_kills_only_its_worker(sparql_app: Flask) -> None:
    """3,000 MINUS clauses overflow Oxigraph's stack: the worker dies, the server answers."""
    client = sparql_app.test_client()
    pool = state_of(sparql_app).sparql.pool
    client.get("/sparql", query_string={"query": "ASK {}"})
    before = set(pool.pids())
    query = "SELECT * WHERE { " + " MINUS {}" * 3000 + " }"
    response = client.post("/sparql", data=query, content_type="application/sparql-query")
    assert response.status_code == 400
    assert error_of(response)["code"] == "query_too_complex"
    assert len(set(pool.pids()) - before) == 1
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


def test_a_cartesian_product_is_stopped_at_the_deadline_while_health_answers(
    sparql_app: Flask,
) -> None:
    client = sparql_app.test_client()
    pool = state_of(sparql_app).sparql.pool
    client.get("/sparql", query_string={"query": "ASK {}"})  # workers up, snapshot loaded
    result: dict[str, object] = {}

    def slow() -> None:
        started = time.monotonic()
        response = sparql_app.test_client().get("/sparql", query_string={"query": CROSS_JOIN})
        result.update(
            status=response.status_code,
            body=response.get_json(),
            elapsed=time.monotonic() - started,
        )

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)
    busy = set(pool.pids())
    health_started = time.monotonic()
    health = client.get("/api/health")
    health_elapsed = time.monotonic() - health_started
    thread.join(timeout=10)
    assert health.status_code == 200 and health_elapsed < 1.0
    assert result["status"] == 504
    assert result["body"]["code"] == "query_timeout"  # type: ignore[index]
    assert 2.0 <= result["elapsed"] < 3.0  # type: ignore[operator]
    killed = busy - set(pool.pids())
    assert len(killed) == 1
    (pid,) = killed
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


def test_answers_are_cut_at_the_row_cap_and_say_so(sparql_app: Flask) -> None:
    client = sparql_app.test_client()
    response = client.get("/sparql", query_string={"query": SELECT_ALL})
    body = response.get_json()
    assert response.headers["X-Attache-Truncated"] == "true"
    assert response.headers["X-Attache-Row-Limit"] == "50"
    assert body["truncated"] is True
    assert len(body["results"]["bindings"]) == 50
    csv = client.get("/sparql", query_string={"query": SELECT_ALL, "format": "csv"})
    assert csv.headers["X-Attache-Truncated"] == "true"
    assert len(csv.get_data(as_text=True).splitlines()) == 51
    graph = client.get(
        "/sparql",
        query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/n-triples"},
    )
    assert graph.headers["X-Attache-Truncated"] == "true"
    assert len(graph.get_data(as_text=True).splitlines()) == 50


def test_a_small_answer_is_not_marked_truncated(sparql_app: Flask) -> None:
    response = sparql_app.test_client().get(
        "/sparql", query_string={"query": "SELECT ?a WHERE { ?a a dd:NewsArticle }"}
    )
    assert response.headers["X-Attache-Truncated"] == "false"
    assert "truncated" not in response.get_json()
    assert response.headers["X-Attache-Rows"] == "8"
    assert response.headers["Server-Timing"].startswith("query;dur=")


# -- updates -------------------------------------------------------------------------------

INSERT = (
    "INSERT DATA { GRAPH <https://example.org/g> "
    "{ <https://example.org/a> <https://example.org/p> 4 } }"
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { <https://example.org/a> <https://example.org/p> ?o }"


def count_values(app: Flask) -> int:
    response = app.test_client().get("/sparql", query_string={"query": COUNT})
    return int(response.get_json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401, "unauthorized"),
        ({"Authorization": "Bearer wrong-token"}, 403, "forbidden"),
        ({"Authorization": f"Bearer {TOKEN}x"}, 403, "forbidden"),
    ],
)
def test_an_update_without_a_valid_token_is_refused_and_changes_nothing(
    write_app: Flask, headers: dict[str, str], status: int, code: str
) -> None:
    client = write_app.test_client()
    store = state_of(write_app).store
    before = store.count()
    for kwargs in (
        {"data": INSERT, "content_type": "application/sparql-update"},
        {"data": {"update": "CLEAR ALL"}},
    ):
        response = client.post("/sparql/update", headers=headers, **kwargs)  # type: ignore[arg-type]
        assert response.status_code == status
        assert error_of(response)["code"] == code
    if status == 401:
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert store.count() == before
    assert count_values(write_app) == 3


def test_without_a_configured_token_writes_over_http_are_disabled() -> None:
    from kg.store import EmbeddedStore

    store = EmbeddedStore(None)
    app = make_app(store, api_token="")
    try:
        before = store.count()
        response = app.test_client().post(
            "/sparql/update",
            data=INSERT,
            content_type="application/sparql-update",
            headers={"Authorization": "Bearer "},
        )
        assert response.status_code == 403
        assert error_of(response)["code"] == "writes_disabled"
        assert store.count() == before
    finally:
        close_app(app)


def test_an_update_with_the_token_is_applied_and_the_next_query_sees_it(write_app: Flask) -> None:
    client = write_app.test_client()
    assert count_values(write_app) == 3
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post(
        "/sparql/update", data=INSERT, content_type="application/sparql-update", headers=auth
    )
    assert response.status_code == 200 and response.get_json()["ok"] is True
    assert count_values(write_app) == 4
    form = client.post(
        "/sparql/update",
        data={"update": "DROP GRAPH <https://example.org/g>"},
        headers=auth,
    )
    assert form.status_code == 200
    assert count_values(write_app) == 0


@pytest.mark.parametrize(
    ("update", "code"),
    [
        ("INSERT DATA { <https://e.org/a> <https://e.org/p> ", "syntax_error"),
        ("LOAD <http://127.0.0.1:9/x>", "forbidden_feature"),
        ("INSERT { } WHERE " + "{" * 100 + "}" * 100, "query_too_deep"),
        ("INSERT { ?s ?p ?o } WHERE { " + " MINUS {}" * 3000 + " }", "query_too_complex"),
    ],
)
def test_bad_updates_are_refused_before_they_touch_the_store(
    write_app: Flask, update: str, code: str
) -> None:
    store = state_of(write_app).store
    before = store.count()
    response = write_app.test_client().post(
        "/sparql/update",
        data=update,
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 400
    assert error_of(response)["code"] == code
    assert store.count() == before


def test_prefixes_and_ontology_terms_are_listed_for_clients(sparql_app: Flask) -> None:
    body = sparql_app.test_client().get("/sparql/prefixes").get_json()
    assert body["prefixes"]["dd"] == "https://w3id.org/attache/ontology#"
    terms = {t["prefixed"]: t for t in body["terms"]}
    assert terms["dd:ArmsDeal"]["kind"] == "Class"
    assert terms["dd:ArmsDeal"]["label"]
    assert "https://w3id.org/attache/ontology#" in body["namespaces"]
    assert json.dumps(body)  # plain JSON
