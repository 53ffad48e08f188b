"""Editing the ontology safely: checked edits, impact on the data, migrations, revisions.

Ontologists change the vocabulary while Attaché runs (an alt label for a relation, a
new event class, a deprecated term), several at a time. Every change is a *command*
(:class:`Edit` for create and update, :class:`Delete`, :class:`Rename`, :class:`Merge`,
:class:`Replace`, :class:`Revert`) that :meth:`OntologyEditor.run` carries out the one
way: under one lock it reads the stored ontology, checks the writer's ETag, lets the
command plan its change on a copy with the pure edits of :mod:`kg.ontology.edits`,
refuses it with a plain sentence when it would break the ontology
(:mod:`kg.ontology.checks`), and then writes the new ontology, any instance-data
migration (rename, merge; :mod:`kg.ontology.impact`) and the revision record
(:mod:`kg.ontology.history`) in ONE SPARQL Update, which the store applies in one
transaction. A command only plans its change (reading the store to refuse one when it
must); it never locks or writes.

Nothing here knows about HTTP: :mod:`service.ontology` maps requests to these calls.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol, Required, TypedDict, Unpack

from rdflib import RDF, Graph, URIRef

from kg.errors import EditRefused, NotFound, RevertConflict, StaleVersion, TermInUse
from kg.ontology.bundle import SHAPES_FILE, ensure_ontology
from kg.ontology.checks import check
from kg.ontology.edits import (
    TermEdit,
    apply_delete,
    apply_edit,
    apply_merge,
    apply_rename,
    copy_graph,
)
from kg.ontology.history import (
    HISTORY_GRAPH,
    Revision,
    canonical_lines,
    data_block,
    etag_of,
    get_revision,
    graph_from_lines,
    insert_data,
    latest_number,
    quad_line,
    quads_from_lines,
    term_nt,
)
from kg.ontology.impact import impact, migration, recount
from kg.ontology.terms import (
    check_new_iri,
    code_terms,
    is_dd,
    kind_of,
    prefixed,
    references,
    shape_terms,
)
from kg.store.base import Store
from kg.store.lock import StoreLock
from kg.vocab import ONTOLOGY_GRAPH


@dataclass(frozen=True)
class Snapshot:
    """The stored ontology at one moment: graph, canonical lines and ETag."""

    graph: Graph
    lines: list[str]
    etag: str


@dataclass
class Outcome:
    """What a write did: the new ETag and the revision (None when nothing changed)."""

    etag: str
    revision: Revision | None
    graph: Graph

    def as_dict(self) -> dict[str, Any]:
        return {
            "changed": self.revision is not None,
            "etag": self.etag,
            "revision": self.revision.as_dict(full=False) if self.revision else None,
        }


def normalize_etag(value: str) -> str:
    value = value.strip()
    if value.startswith("W/"):
        value = value[2:]
    if not value.startswith('"'):
        value = f'"{value}"'
    return value


# -- commands ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """What a command makes of the current ontology, before it is checked and written."""

    candidate: Graph
    message: str  # the revision's message when the writer gives none
    summary: str
    migrations: Sequence[tuple[URIRef, URIRef]] = ()
    reverts: int | None = None
    data_undo: tuple[list[str], list[str]] | None = None


class Command(Protocol):
    """One kind of ontology change: it plans a :class:`Change` from the current ontology.

    ``kind`` is recorded in the revision. ``plan`` may read the store (through the
    editor) to refuse the change, but never writes: :meth:`OntologyEditor.run` does.
    """

    @property
    def kind(self) -> str: ...

    def plan(self, editor: OntologyEditor, snap: Snapshot) -> Change: ...


@dataclass(frozen=True)
class Edit:
    """Create a term (``create=True``), or replace the fields an edit gives of one."""

    iri: URIRef
    edit: TermEdit
    create: bool

    @property
    def kind(self) -> str:
        return "create" if self.create else "update"

    def plan(self, editor: OntologyEditor, snap: Snapshot) -> Change:
        name = prefixed(self.iri)
        candidate = apply_edit(snap.graph, self.iri, self.edit, create=self.create)
        done = "created" if self.create else "updated"
        return Change(candidate, f"{self.kind} {name}", f"{done} {name}")


@dataclass(frozen=True)
class Delete:
    """Delete a term nothing refers to and no data uses."""

    iri: URIRef
    kind: str = "delete"

    def plan(self, editor: OntologyEditor, snap: Snapshot) -> Change:
        iri, name = self.iri, prefixed(self.iri)
        require_term(snap.graph, iri)
        editor.guard_removal(iri, "deleted")
        refs = references(snap.graph, iri)
        used = impact(editor.store, snap.graph, iri)
        reasons = []
        if refs:
            reasons.append(f"the terms {', '.join(prefixed(r) for r in refs)} refer to it")
        if used["triples"]:
            reasons.append(f"{used['triples']} triples in {used['articles']} articles use it")
        if reasons:
            raise TermInUse(
                f"{name} cannot be deleted: {'; '.join(reasons)}. Change those "
                "first, or delete with a migration to another term (migrate_to), which "
                "rewrites them"
            )
        return Change(apply_delete(snap.graph, iri), f"delete {name}", f"deleted {name}")


@dataclass(frozen=True)
class _Move:
    """A change that moves ``source`` to ``target`` in the ontology and in every article."""

    source: URIRef
    target: URIRef

    kind: ClassVar[str]
    preposition: ClassVar[str]  # in the revision's message: "rename A to B", "merge A into B"
    done: ClassVar[str]

    def check(self, editor: OntologyEditor, graph: Graph) -> None:
        """Refuse the move (it is checked before anything is applied)."""
        raise NotImplementedError

    def apply(self, graph: Graph) -> Graph:
        raise NotImplementedError

    def plan(self, editor: OntologyEditor, snap: Snapshot) -> Change:
        self.check(editor, snap.graph)
        moved = f"{prefixed(self.source)} {self.preposition} {prefixed(self.target)}"
        return Change(
            self.apply(snap.graph),
            f"{self.kind} {moved}",
            f"{self.done} {moved}",
            migrations=[(self.source, self.target)],
        )


@dataclass(frozen=True)
class Rename(_Move):
    """Give a term a new IRI (``target``), in the ontology and in every article."""

    kind: ClassVar[str] = "rename"
    preposition: ClassVar[str] = "to"
    done: ClassVar[str] = "renamed"

    def check(self, editor: OntologyEditor, graph: Graph) -> None:
        old, new = self.source, self.target
        require_term(graph, old)
        editor.guard_removal(old, "renamed")
        check_new_iri(new)
        if (new, None, None) in graph or (None, None, new) in graph:
            raise EditRefused(
                f"{prefixed(new)} already exists; merge {prefixed(old)} into it instead"
            )

    def apply(self, graph: Graph) -> Graph:
        return apply_rename(graph, self.source, self.target)


@dataclass(frozen=True)
class Merge(_Move):
    """Fold ``source`` into ``target``: references and data move, labels become alt labels."""

    kind: ClassVar[str] = "merge"
    preposition: ClassVar[str] = "into"
    done: ClassVar[str] = "merged"

    def check(self, editor: OntologyEditor, graph: Graph) -> None:
        source, target = self.source, self.target
        require_term(graph, source)
        require_term(graph, target)
        if source == target:
            raise EditRefused("a term cannot be merged into itself")
        editor.guard_removal(source, "merged away")
        source_kind, target_kind = kind_of(graph, source), kind_of(graph, target)
        if source_kind != target_kind:
            raise EditRefused(
                f"{prefixed(source)} is a {source_kind} and {prefixed(target)} a "
                f"{target_kind}; only terms of the same kind merge"
            )

    def apply(self, graph: Graph) -> Graph:
        return apply_merge(graph, self.source, self.target)


@dataclass(frozen=True)
class Replace:
    """Load a whole reviewed ontology (``attache ontology import``) as one revision."""

    graph: Graph
    kind: str = "import"

    def plan(self, editor: OntologyEditor, snap: Snapshot) -> Change:
        old_terms = {s for s in snap.graph.subjects(RDF.type) if isinstance(s, URIRef)}
        new_terms = {s for s in self.graph.subjects(RDF.type) if isinstance(s, URIRef)}
        gone = sorted((t for t in old_terms - new_terms if is_dd(t)), key=str)
        for needed, source in (
            (code_terms(), "Attaché's code (kg/vocab.py)"),
            (shape_terms(editor.shapes), f"the SHACL shapes ({editor.shapes.name})"),
        ):
            dropped = [prefixed(t) for t in gone if t in needed]
            if dropped:
                shown = ", ".join(dropped[:10]) + (" ..." if len(dropped) > 10 else "")
                raise TermInUse(
                    f"the new ontology drops {len(dropped)} term(s) that {source} uses: {shown}"
                )
        in_use = []
        for term in gone:
            used = impact(editor.store, snap.graph, term)
            if used["triples"]:
                in_use.append(f"{prefixed(term)} ({used['triples']} triples)")
        if in_use:
            raise TermInUse(
                "the new ontology drops terms the data still uses: "
                + ", ".join(in_use)
                + ". Rename or merge them through the editor (which migrates the data) "
                "before importing"
            )
        return Change(
            copy_graph(self.graph),
            "import a reviewed ontology file",
            f"imported ({len(self.graph)} triples)",
        )


@dataclass(frozen=True)
class Revert:
    """Undo one revision as a new revision (its data migration is undone too)."""

    number: int
    kind: str = "revert"

    def plan(self, editor: OntologyEditor, snap: Snapshot) -> Change:
        number = self.number
        target = get_revision(editor.store, number)
        current = set(snap.lines)
        missing = [line for line in target.added if line and line not in current]
        if missing:
            later = editor.revisions_touching(number, set(missing))
            raise RevertConflict(
                f"revision {number} cannot be reverted: {len(missing)} of the triples it "
                "added were changed since"
                + (f" by revision(s) {', '.join(map(str, later))}" if later else "")
                + "; revert those first"
            )
        lines = sorted((current - set(target.added)) | {x for x in target.removed if x})
        return Change(
            graph_from_lines(lines),
            f"revert revision {number}",
            f"reverted revision {number} ({target.summary})",
            reverts=number,
            data_undo=(target.data_added, target.data_removed),
        )


def require_term(graph: Graph, iri: URIRef) -> None:
    if kind_of(graph, iri) is None:
        raise NotFound(f"no term {prefixed(iri)} in the ontology")


class Write(TypedDict, total=False):
    """Who writes, why, and the ETag they read (``If-Match``); shared by every write."""

    author: Required[str]
    message: str
    if_match: str | None


# -- the editor ------------------------------------------------------------------------------------


class OntologyEditor:
    """Serialized, checked, versioned writes to the stored ontology.

    One editor per store and process: its lock makes the read-check-write of every
    edit atomic with respect to the others, so two writers holding the same ETag
    cannot both succeed. On a store other processes write too (replicas over one
    server), the lock is held in the store (:class:`kg.store.lock.StoreLock`), so edits
    made through different replicas are serialized as well. ``listeners`` get the new
    ontology after each change (the service uses them to refresh what caches the ontology).
    """

    def __init__(self, store: Store, *, shapes: Path = SHAPES_FILE) -> None:
        self.store = store
        self.shapes = shapes
        self.lock: AbstractContextManager[object] = (
            StoreLock(store, "ontology")  # type: ignore[arg-type]  # shared stores can send_update
            if store.capabilities.shared_writers
            else threading.RLock()
        )
        self.listeners: list[Callable[[Graph], None]] = []

    # -- reading ------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        ensure_ontology(self.store)
        graph = self.store.construct(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": ONTOLOGY_GRAPH}
        )
        lines = canonical_lines(graph)
        return Snapshot(graph, lines, etag_of(lines))

    def etag(self) -> str:
        return self.snapshot().etag

    def _current(self, if_match: str | None) -> Snapshot:
        snap = self.snapshot()
        if if_match is not None:
            wanted = {normalize_etag(v) for v in if_match.split(",") if v.strip()}
            if snap.etag not in wanted:
                raise StaleVersion(
                    f"the ontology changed since you read it (current ETag {snap.etag}); "
                    "reload, re-apply your edit and send the new ETag in If-Match"
                )
        return snap

    # -- writes ----------------------------------------------------------------------------------

    def run(
        self, command: Command, *, author: str, message: str = "", if_match: str | None = None
    ) -> Outcome:
        """Carry out one command: lock, read the current ontology, plan, check, commit."""
        with self.lock:
            snap = self._current(if_match)
            change = command.plan(self, snap)
            return self._commit(
                snap, change, kind=command.kind, author=author, message=message or change.message
            )

    def create(self, iri: URIRef, edit: TermEdit, **write: Unpack[Write]) -> Outcome:
        return self.run(Edit(iri, edit, create=True), **write)

    def update(self, iri: URIRef, edit: TermEdit, **write: Unpack[Write]) -> Outcome:
        return self.run(Edit(iri, edit, create=False), **write)

    def delete(
        self, iri: URIRef, *, migrate_to: URIRef | None = None, **write: Unpack[Write]
    ) -> Outcome:
        """Delete an unused term, or with ``migrate_to`` fold it (and its data) into another."""
        if migrate_to is not None:
            return self.run(Merge(iri, migrate_to), **write)
        return self.run(Delete(iri), **write)

    def rename(self, old: URIRef, new: URIRef, **write: Unpack[Write]) -> Outcome:
        return self.run(Rename(old, new), **write)

    def merge(self, source: URIRef, target: URIRef, **write: Unpack[Write]) -> Outcome:
        return self.run(Merge(source, target), **write)

    def replace(self, graph: Graph, *, kind: str = "import", **write: Unpack[Write]) -> Outcome:
        return self.run(Replace(graph, kind), **write)

    def revert(self, number: int, **write: Unpack[Write]) -> Outcome:
        return self.run(Revert(number), **write)

    # -- what commands ask of the editor ----------------------------------------------------------

    def revisions_touching(self, number: int, lines: set[str]) -> list[int]:
        """Later revisions (up to 50 on) that removed any of ``lines``: what blocks a revert."""
        out = []
        for n in range(number + 1, min(latest_number(self.store), number + 50) + 1):
            try:
                rev = get_revision(self.store, n)
            except NotFound:
                continue
            if lines & set(rev.removed):
                out.append(n)
        return out

    def guard_removal(self, iri: URIRef, verb: str) -> None:
        """Refuse to remove a term the code or the SHACL shapes name."""
        if iri in code_terms():
            raise TermInUse(
                f"{prefixed(iri)} is used by Attaché's code (kg/vocab.py) and cannot be {verb}; "
                "relabel it, add alt labels or mark it deprecated instead"
            )
        if iri in shape_terms(self.shapes):
            raise TermInUse(
                f"{prefixed(iri)} is used by the SHACL shapes ({self.shapes.name}) and cannot "
                f"be {verb}; change the shapes first"
            )

    # -- the one write ----------------------------------------------------------------------------

    def _commit(
        self, snap: Snapshot, change: Change, *, kind: str, author: str, message: str
    ) -> Outcome:
        lines = canonical_lines(change.candidate)
        try:
            reparsed = graph_from_lines(lines)
        except Exception as exc:  # any parser failure means the same to the writer
            raise EditRefused(f"the edited ontology would not parse: {exc}") from exc
        check(reparsed, shapes=self.shapes)

        ops: list[str] = []
        data_added: list[str] = []
        data_removed: list[str] = []
        touched: set[URIRef] = set()
        for old, new in change.migrations:
            moved = migration(self.store, old, new)
            ops += moved.ops
            data_added += moved.added
            data_removed += moved.removed
            touched |= moved.graphs
        if change.data_undo is not None:
            undo_delete = quads_from_lines(change.data_undo[0])
            undo_insert = quads_from_lines(change.data_undo[1])
            ops += [
                op
                for op in (
                    data_block("DELETE DATA", undo_delete),
                    data_block("INSERT DATA", undo_insert),
                )
                if op
            ]
            data_added = [quad_line(*q) for q in undo_insert]
            data_removed = [quad_line(*q) for q in undo_delete]
            touched |= {q[3] for q in undo_delete + undo_insert}
        if touched:
            ops.append(recount(touched))

        old_set, new_set = set(snap.lines), set(lines)
        if old_set == new_set and not data_added and not data_removed:
            return Outcome(snap.etag, None, snap.graph)

        revision = Revision(
            number=latest_number(self.store) + 1,
            author=author.strip()[:100] or "unknown",
            created=dt.datetime.now(dt.UTC).replace(microsecond=0),
            message=message.strip()[:2000],
            kind=kind,
            added=sorted(new_set - old_set),
            removed=sorted(old_set - new_set),
            data_added=data_added,
            data_removed=data_removed,
            etag_before=snap.etag,
            etag_after=etag_of(lines),
            reverts=change.reverts,
            summary=change.summary,
        )
        update = [
            f"DROP SILENT GRAPH {term_nt(ONTOLOGY_GRAPH)}",
            insert_data(ONTOLOGY_GRAPH, lines),
            *ops,
            insert_data(HISTORY_GRAPH, canonical_lines(revision.graph())),
        ]
        self.store.update(" ;\n".join(op for op in update if op))
        for listener in list(self.listeners):
            listener(reparsed)
        return Outcome(revision.etag_after, revision, reparsed)
