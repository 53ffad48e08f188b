"""``/sparql/update`` cannot crash the server, and the ontology graph has one writer."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from flask import Flask

from kg.ontology.history import list_revisions
from kg.store import Store
from kg.vocab import ONTOLOGY_GRAPH
from service.state import state
from tests.service.conftest import TOKEN
from tests.service.test_api import assert_error_shape

pytestmark = pytest.mark.reliability

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TRIALS = 10


@pytest.fixture
def app(samples_app: Flask) -> Flask:
    return samples_app


def _update(app: Flask, text: str) -> Any:
    return app.test_client().post(
        "/sparql/update", data=text, content_type="application/sparql-update", headers=AUTH
    )


def _alt_labels(store: Store) -> set[str]:
    rows = store.select(
        "SELECT ?l WHERE { GRAPH ?g { ?t <http://www.w3.org/2004/02/skos/core#altLabel> ?l } }",
        {"g": ONTOLOGY_GRAPH},
    )
    return {str(row["l"]) for row in rows}


def test_an_update_with_thousands_of_prefix_operators_is_refused_and_the_server_stays(
    app: Flask,
) -> None:
    before = state_count(app)
    text = "INSERT { GRAPH <urn:x> { ?s ?p ?o } } WHERE { ?s ?p ?o FILTER(" + "!" * 9347 + "?o) }"
    response = _update(app, text)
    assert response.status_code == 400
    assert_error_shape(response.get_json(), 400)
    assert response.get_json()["code"] == "query_too_deep"
    assert state_count(app) == before
    ok = _update(app, "INSERT DATA { GRAPH <urn:y> { <urn:a> <urn:b> 1 } }")
    assert ok.status_code == 200
    assert state_count(app) == before + 1


def state_count(app: Flask) -> int:
    with app.app_context():
        return state().store.count()


def test_an_update_touching_the_ontology_graph_is_refused_with_a_pointer_to_the_api(
    app: Flask,
) -> None:
    before = state_count(app)
    response = _update(
        app, f"INSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <urn:t> <urn:label> 'x' }} }}"
    )
    assert response.status_code == 403
    assert_error_shape(response.get_json(), 403)
    assert response.get_json()["code"] == "protected_graph"
    assert "/api/ontology" in response.get_json()["error"]
    assert state_count(app) == before


def test_edits_raced_with_updates_to_the_ontology_graph_are_all_kept_as_revisions(
    app: Flask,
) -> None:
    """Each trial races a PATCH (with If-Match) and an update inserting into the ontology."""
    with app.app_context():
        store = state().store
    statuses: list[tuple[str, int]] = []

    def patch(word: str) -> None:
        client = app.test_client()
        read = client.get("/api/ontology/terms/dd:recipient")
        labels = [*read.get_json()["term"]["alt_labels"], {"value": word, "lang": "en"}]
        response = client.patch(
            "/api/ontology/terms/dd:recipient",
            json={"alt_labels": labels, "message": f"add {word}"},
            headers={**AUTH, "If-Match": read.headers["ETag"]},
        )
        statuses.append(("patch", response.status_code))

    def update(word: str) -> None:
        response = _update(
            app,
            f"INSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{ "
            f"<https://w3id.org/attache/ontology#recipient> "
            f"<http://www.w3.org/2004/02/skos/core#altLabel> '{word}'@en }} }}",
        )
        statuses.append(("update", response.status_code))

    revisions_before = len(list_revisions(store, limit=500))
    for trial in range(TRIALS):
        threads = [
            threading.Thread(target=patch, args=(f"edited{trial}",)),
            threading.Thread(target=update, args=(f"updated{trial}",)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert sorted(set(statuses)) == [("patch", 200), ("update", 403)]
    labels = _alt_labels(store)
    assert {f"edited{t}" for t in range(TRIALS)} <= labels
    assert not {label for label in labels if label.startswith("updated")}
    assert len(list_revisions(store, limit=500)) == revisions_before + TRIALS
