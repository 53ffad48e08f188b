"""Ontology editing benchmark: what an edit, an impact count and a rename cost on a big store.

Loads N synthetic articles (about 50 triples each, one event typed with a class of the
editor's own), then times: reading the ontology and its ETag, an alt-label edit, the
impact of a widely used term, and a rename that migrates every instance, all in one
transaction. Prints figures; asserts nothing.

Usage: python bench/ontology.py [--articles 20000] [--disk]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef

from kg.ontology import ensure_ontology
from kg.ontology.editor import OntologyEditor
from kg.ontology.edits import TermEdit
from kg.ontology.impact import impact
from kg.ontology.terms import resolve_ref
from kg.store import EmbeddedStore, Store
from kg.vocab import ART, DD, RES

EXERCISE = URIRef(str(DD._NS) + "JointExercise")


def article(i: int) -> Graph:
    g = Graph()
    art = ART[f"bench{i}"]
    g.add((art, RDF.type, DD.NewsArticle))
    g.add((art, DD.tripleCount, Literal(0)))
    for j in range(8):
        s = URIRef(f"{art}#s{j}")
        g.add((s, RDF.type, DD.Sentence))
        g.add((s, DD.text, Literal(f"Sentence {j} of article {i}.")))
        g.add((s, DD.inArticle, art))
        g.add((s, DD.sentenceIndex, Literal(j)))
    deal, drill = URIRef(f"{art}#e1"), URIRef(f"{art}#e2")
    g.add((deal, RDF.type, DD.ArmsDeal))
    g.add((deal, DD.recipient, RES[f"state-{i % 150}"]))
    g.add((deal, DD.supplier, RES[f"state-{(i + 7) % 150}"]))
    g.add((deal, DD.evidence, URIRef(f"{art}#s0")))
    g.add((drill, RDF.type, EXERCISE))
    g.add((drill, DD.participant, RES[f"state-{i % 150}"]))
    g.add((drill, DD.evidence, URIRef(f"{art}#s1")))
    return g


def timed(label: str, fn: object) -> object:
    start = time.perf_counter()
    result = fn()  # type: ignore[operator]
    print(f"{label:<52} {1000 * (time.perf_counter() - start):9.1f} ms")
    return result


def run(store: Store, articles: int) -> None:
    ensure_ontology(store)
    editor = OntologyEditor(store)
    editor.create(
        EXERCISE,
        TermEdit.from_json(
            {"kind": "class", "labels": ["Joint exercise"], "parents": ["dd:Event"]}
        ),
        author="bench",
    )
    start = time.perf_counter()
    batch: list[str] = []
    for i in range(articles):
        g = article(i)
        name = ART[f"bench{i}"]
        batch.append(
            f"INSERT DATA {{ GRAPH <{name}> {{ "
            + " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in g)
            + " } }"
        )
        if len(batch) == 500:
            store.update(" ;\n".join(batch))
            batch = []
    if batch:
        store.update(" ;\n".join(batch))
    print(
        f"loaded {articles} articles, {store.count()} quads in {time.perf_counter() - start:.1f} s"
    )
    snap = timed("read the ontology and compute its ETag", editor.snapshot)
    recipient = resolve_ref("dd:recipient")
    edit = TermEdit.from_json({"alt_labels": ["procure"]})
    timed(
        "alt-label edit (checked, with revision)",
        lambda: editor.update(recipient, edit, author="b"),
    )
    used = timed(
        "impact of dd:recipient",
        lambda: impact(store, snap.graph, recipient),  # type: ignore[attr-defined]
    )
    print(f"  -> {used['triples']} triples in {used['articles']} articles")  # type: ignore[index]
    outcome = timed(
        "rename dd:JointExercise, migrating every instance",
        lambda: editor.rename(EXERCISE, resolve_ref("dd:MilitaryExercise"), author="b"),
    )
    revision = outcome.revision  # type: ignore[attr-defined]
    print(f"  -> {len(revision.data_removed)} data triples rewritten in one update")
    timed("revert the rename (data moved back)", lambda: editor.revert(revision.number, author="b"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--disk", action="store_true", help="Use an on-disk store.")
    args = parser.parse_args()
    if args.disk:
        with tempfile.TemporaryDirectory() as tmp:
            store = EmbeddedStore(Path(tmp) / "store")
            run(store, args.articles)
            store.close()
    else:
        run(EmbeddedStore(None), args.articles)


if __name__ == "__main__":
    main()
