"""Store benchmark: load a synthetic graph of N triples, then time templated lookups.

Prints figures; asserts nothing. Usage: python bench/store.py [--triples 1000000] [--disk]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.store import EmbeddedStore
from kg.vocab import ART, DD, RES

LOOKUP = "SELECT ?e WHERE { ?e dd:normLabel ?key }"
TWO_HOP = """
SELECT ?supplier ?text WHERE {
  ?event dd:recipient ?recipient ; dd:supplier ?supplier ; dd:evidence ?s .
  ?s dd:text ?text .
}"""


def synthetic_article(i: int, entities: int) -> tuple[URIRef, Graph]:
    """About 50 triples: an article, sentences, entities and one deal event."""
    rng = random.Random(i)
    g = Graph()
    art = ART[f"bench{i}"]
    g.add((art, RDF.type, DD.NewsArticle))
    for j in range(4):
        s = URIRef(f"{art}#s{j}")
        g.add((s, RDF.type, DD.Sentence))
        g.add((s, DD.text, Literal(f"Sentence {j} of article {i} about a deal.")))
        g.add((s, DD.inArticle, art))
    for _ in range(6):
        e = RES[f"entity-{rng.randrange(entities)}"]
        g.add((e, RDF.type, DD.State))
        g.add((e, RDFS.label, Literal(f"Entity {e[-6:]}", lang="en")))
        g.add((e, DD.normLabel, Literal(f"entity {e.rsplit('-', 1)[-1]}")))
        g.add((e, DD.mentionedIn, URIRef(f"{art}#s{rng.randrange(4)}")))
    ev = URIRef(f"{art}#e0")
    g.add((ev, RDF.type, DD.ArmsDeal))
    g.add((ev, DD.supplier, RES[f"entity-{rng.randrange(entities)}"]))
    g.add((ev, DD.recipient, RES[f"entity-{rng.randrange(entities)}"]))
    g.add((ev, DD.evidence, URIRef(f"{art}#s0")))
    return art, g


def timed(fn, repeat: int = 50) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, default=200_000)
    parser.add_argument("--disk", action="store_true", help="use an on-disk store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "s" if args.disk else None)
        articles = args.triples // 45
        entities = max(100, articles // 10)
        started = time.perf_counter()
        written = 0
        for i in range(articles):
            iri, g = synthetic_article(i, entities)
            store.replace_graph(iri, g)
            written += len(g)
        load_s = time.perf_counter() - started
        print(f"store: {store.kind}; articles: {articles}; quads: {store.count()}")
        print(f"replace_graph load: {written / load_s:,.0f} triples/s ({load_s:.1f} s)")
        key = Literal(f"entity {entities // 2}")
        lookup = timed(lambda: store.select(LOOKUP, {"key": key}))
        print(f"exact label lookup (indexed normLabel): {lookup:.2f} ms")
        recipient = RES[f"entity-{entities // 3}"]
        two_hop = timed(lambda: store.select(TWO_HOP, {"recipient": recipient}))
        print(f"two-hop templated query (bound recipient): {two_hop:.2f} ms")
        store.close()


if __name__ == "__main__":
    main()
