"""What one query may take: memory per worker, a fair share of the workers, isolated updates."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from kg.endpoint.pool import DumpSnapshots, QueryPool, QueryTask
from kg.errors import ClientBusy, ProtectedGraph, QueryMemory, QueryTimeout, QueryTooDeep
from kg.sparql.guard import check_update
from kg.store import EmbeddedStore
from kg.vocab import ONTOLOGY_GRAPH

TRIPLES = 5000
CARTESIAN_SORT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
DOUBLING = (
    "SELECT (STRLEN(?s28) AS ?n) WHERE { BIND('ab' AS ?s0) "
    + " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(28))
    + " }"
)
# Runs long in little memory: a count over a streamed triple cartesian product.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SMALL = "SELECT ?o WHERE { <urn:s1> ?p ?o }"


def task(query: str, client: str | None = None) -> QueryTask:
    return QueryTask(query=query, formats={"select": "json", "ask": "json"}, client=client)


@pytest.fixture(scope="module")
def store() -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(None)
    triples = " ".join(f"<urn:s{i}> <urn:p{i % 7}> 'v{i}' ." for i in range(TRIPLES))
    s.update(f"INSERT DATA {{ GRAPH <urn:g> {{ {triples} }} }}")
    s.update(f"INSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <urn:t> <urn:label> 'term' }} }}")
    yield s
    s.close()


@pytest.fixture
def pool(store: EmbeddedStore) -> Iterator[QueryPool]:
    p = QueryPool(DumpSnapshots(store), size=2, timeout=20.0, memory_mb=384, per_client=1)
    p.start()
    yield p
    p.close()


@pytest.mark.parametrize("query", [CARTESIAN_SORT, DOUBLING], ids=["order-by", "concat"])
def test_a_query_past_the_memory_ceiling_is_stopped_and_its_worker_replaced(
    pool: QueryPool, query: str
) -> None:
    before = pool.pids()
    started = time.monotonic()
    with pytest.raises(QueryMemory) as info:
        pool.query(task(query))
    assert info.value.code == "query_memory"
    assert "384 MiB" in info.value.message
    assert time.monotonic() - started < 15  # stopped by the ceiling, not the deadline
    assert pool.pids() != before
    assert pool.query(task(SMALL)).count == 1


def test_one_client_cannot_hold_every_worker(pool: QueryPool) -> None:
    """Ten runaway queries from one client: one runs, nine are refused, others get answers."""
    outcomes: list[str] = []

    def runaway() -> None:
        try:
            pool.query(task(SLOW, client="10.0.0.1"), timeout=4.0)
            outcomes.append("answered")
        except ClientBusy:
            outcomes.append("refused")
        except QueryTimeout:
            outcomes.append("timeout")

    threads = [threading.Thread(target=runaway) for _ in range(10)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    answered = 0
    for _ in range(5):
        started = time.monotonic()
        answer = pool.query(task(SMALL, client="10.0.0.2"), timeout=3.0)
        answered += answer.count == 1 and time.monotonic() - started < 2.0
    for thread in threads:
        thread.join(timeout=30)
    assert answered == 5
    assert outcomes.count("refused") == 9
    assert outcomes.count("timeout") == 1


def test_an_update_rehearsed_past_the_memory_ceiling_changes_nothing(
    pool: QueryPool, store: EmbeddedStore
) -> None:
    before = store.count()
    with pytest.raises(QueryMemory):
        pool.rehearse_update(
            "INSERT { GRAPH <urn:x> { ?a ?b ?f } } WHERE { GRAPH <urn:g> { ?a ?b ?c . ?d ?e ?f } }",
            base_iri=None,
            prefixes={},
            protected=[],
            timeout=20.0,
        )
    assert store.count() == before


def test_a_rehearsed_update_that_would_change_the_ontology_graph_is_refused(
    pool: QueryPool, store: EmbeddedStore
) -> None:
    before = store.count()
    for update in (
        f"INSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <urn:t> <urn:label> 'other' }} }}",
        "DELETE { GRAPH ?g { ?s <urn:label> ?o } } WHERE { GRAPH ?g { ?s <urn:label> ?o } }",
        "CLEAR ALL",
    ):
        with pytest.raises(ProtectedGraph) as info:
            pool.rehearse_update(
                update, base_iri=None, prefixes={}, protected=[str(ONTOLOGY_GRAPH)], timeout=20.0
            )
        assert "/api/ontology" in info.value.message
    pool.rehearse_update(
        "INSERT DATA { GRAPH <urn:y> { <urn:a> <urn:b> 1 } }",
        base_iri=None,
        prefixes={},
        protected=[str(ONTOLOGY_GRAPH)],
        timeout=20.0,
    )
    assert store.count() == before  # a rehearsal never writes the store


def test_the_update_that_crashed_the_server_is_refused_before_it_runs() -> None:
    update = "INSERT { GRAPH <urn:x> { ?s ?p ?o } } WHERE { ?s ?p ?o FILTER(" + "!" * 9347 + "?o) }"
    with pytest.raises(QueryTooDeep):
        check_update(update)
