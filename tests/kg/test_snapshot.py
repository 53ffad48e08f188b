"""Worker snapshots: the writer publishes one after each change, a reader opens the newest
before answering, and nothing can write through a reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef

from kg.errors import StoreError, StoreUnavailable
from kg.store import EmbeddedStore
from kg.store.snapshot import SnapshotPublisher, SnapshotStore

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")


def labelled(label: str) -> Graph:
    graph = Graph()
    graph.add((URIRef(EX + label), RDFS.label, Literal(label)))
    return graph


def labels(store: SnapshotStore) -> list[str]:
    rows = store.select("SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l")
    return [str(r["l"]) for r in rows]


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "store")
    yield store
    store.close()


def test_a_reader_sees_each_published_write_after_its_refresh(
    writer: EmbeddedStore, tmp_path: Path
) -> None:
    publisher = SnapshotPublisher(writer, tmp_path / "snapshots")
    with pytest.raises(StoreUnavailable):
        SnapshotStore(tmp_path / "snapshots")  # nothing published yet
    writer.replace_graph(G1, labelled("a"))
    assert publisher.publish_if_changed()
    assert not publisher.publish_if_changed()  # unchanged: no new snapshot
    reader = SnapshotStore(tmp_path / "snapshots")
    assert labels(reader) == ["a"] and reader.count() == writer.count() == 1
    seen = reader.generation

    writer.replace_graph(G2, labelled("b"))
    assert labels(reader) == ["a"]  # a snapshot never changes under a reader
    assert publisher.publish_if_changed()
    assert reader.refresh() and reader.generation != seen
    assert labels(reader) == ["a", "b"] and reader.count() == 2
    assert not reader.refresh()

    writer.drop_graph(G1)
    publisher.publish_if_changed()
    reader.refresh()
    assert labels(reader) == ["b"] and reader.count() == 1 and reader.graphs() == [G2]
    publisher.close()


def test_a_reader_says_it_is_stale_from_the_publication_until_its_refresh(
    writer: EmbeddedStore, tmp_path: Path
) -> None:
    """What a reader keeps per generation (the health body) is not sent once a newer
    snapshot is out, even before the reader has opened it."""
    publisher = SnapshotPublisher(writer, tmp_path / "snapshots")
    writer.replace_graph(G1, labelled("a"))
    publisher.publish_if_changed()
    reader = SnapshotStore(tmp_path / "snapshots")
    assert not reader.stale()
    writer.replace_graph(G2, labelled("b"))
    assert not reader.stale()  # written, not yet published
    publisher.publish_if_changed()
    assert reader.stale()
    assert reader.refresh() and not reader.stale()


def test_old_snapshots_are_removed_once_unused_and_newer_ones_kept(
    writer: EmbeddedStore, tmp_path: Path
) -> None:
    publisher = SnapshotPublisher(writer, tmp_path / "snapshots", keep=2, grace=0.0)
    for n in range(5):
        writer.replace_graph(G1, labelled(f"v{n}"))
        publisher.publish_if_changed()
    kept = sorted(p.name for p in (tmp_path / "snapshots").iterdir() if p.is_dir())
    assert kept == ["4", "5"]
    publisher.close()
    assert not (tmp_path / "snapshots").exists()


def test_a_reader_refuses_writes(writer: EmbeddedStore, tmp_path: Path) -> None:
    publisher = SnapshotPublisher(writer, tmp_path / "snapshots")
    publisher.publish_if_changed()
    reader = SnapshotStore(tmp_path / "snapshots")
    for write in (
        lambda: reader.update("INSERT DATA { <x:a> <x:b> <x:c> }"),
        lambda: reader.replace_graph(G1, labelled("a")),
        lambda: reader.drop_graph(G1),
        lambda: reader.load(b""),
    ):
        with pytest.raises(StoreError, match="writer"):
            write()
    publisher.close()


def test_the_memory_store_cannot_be_published(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="on-disk"):
        SnapshotPublisher(EmbeddedStore(None), tmp_path / "snapshots")
