"""What the graph holds, read for people: answers' types and support, entities, articles.

The pages and the articles API show more than a question's payload carries: the kind of
thing an answer is, how well it is supported, one entity's facts and timeline, one
article's extraction. Every read here is a SPARQL file in ``kg/entity_queries/`` with its
values bound (never pasted), parsed once and checked by a test like the question
templates. Nothing here knows HTTP.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from kg.errors import NotFound
from kg.sparql import bind_many, serialize
from kg.store.base import Store, Term
from kg.text import local_name
from kg.vocab import ART, RES

QUERY_DIR = Path(__file__).resolve().parent / "entity_queries"
_PARAMS = re.compile(r"^#[ \t]*params:[ \t]*(.*)$", re.M)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,200}$")


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file: its text and the parameters its header comment names."""

    name: str
    text: str
    params: tuple[str, ...]


@functools.cache
def queries() -> dict[str, NamedQuery]:
    """Every query file, read once; a header ``# params: ?x ?y`` names what is bound."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        match = _PARAMS.search(text)
        params = tuple(p.lstrip("?$") for p in match.group(1).split()) if match else ()
        out[path.stem] = NamedQuery(path.stem, text, params)
    return out


def run(store: Store, name: str, **bindings: Term) -> list[dict[str, Term]]:
    """Run a named query with exactly the parameters its header names."""
    query = queries()[name]
    if set(bindings) != set(query.params):
        raise TypeError(f"{name} takes {query.params}, got {tuple(bindings)}")
    return store.select(query.text, bindings).bindings


def construct(store: Store, name: str, **bindings: Term) -> Graph:
    """Run a named CONSTRUCT with exactly the parameters its header names."""
    query = queries()[name]
    if set(bindings) != set(query.params):
        raise TypeError(f"{name} takes {query.params}, got {tuple(bindings)}")
    # The binder finds a CONSTRUCT's WHERE group only when the text starts with the keyword.
    body = re.sub(r"\A(?:[ \t]*#[^\n]*\n|\s+)*", "", query.text)
    return store.construct(body, bindings)


def run_many(store: Store, name: str, var: str, values: Iterable[Term]) -> list[dict[str, Term]]:
    """Run a named query over many values of ``var``, sent as one ``VALUES`` block."""
    terms = list(dict.fromkeys(values))
    if not terms:
        return []
    query = queries()[name]
    if query.params != (var,):
        raise TypeError(f"{name} takes {query.params}, not ?{var}")
    return store.select(bind_many(query.text, var, terms)).bindings


def entity_id(iri: str) -> str | None:
    """The short id of an entity IRI (``res:s-400`` → ``s-400``), None for other IRIs."""
    if iri.startswith(str(RES)):
        rest = iri[len(str(RES)) :]
        return rest if _ID.match(rest) else None
    return None


def entity_iri(ident: str) -> URIRef:
    if not _ID.match(ident):
        raise NotFound(f"no entity {ident!r}")
    return RES[ident]


def article_id(iri: str) -> str | None:
    if iri.startswith(str(ART)):
        rest = iri[len(str(ART)) :]
        return rest if _ID.match(rest) else None
    return None


# -- answers -----------------------------------------------------------------------------------


def support(evidence: list[Mapping[str, Any]]) -> dict[str, Any]:
    """How well an answer is supported, from its evidence: distinct articles and sentences.

    The level is a plain reading of that count, not a probability: ``high`` when two or
    more articles state it, ``medium`` for one article, ``low`` when no sentence is cited.
    """
    articles = len({e.get("article") for e in evidence if e.get("article")})
    sentences = len({(e.get("article"), e.get("sentence")) for e in evidence})
    level = "high" if articles >= 2 else "medium" if articles == 1 else "low"
    return {"level": level, "articles": articles, "sentences": sentences}


def type_labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """The label of each entity's class (its most specific one that has a label)."""
    rows = run_many(store, "types_of", "x", [URIRef(i) for i in iris])
    named = labels(store, {str(r["type"]) for r in rows}) if rows else {}
    found: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        kind = str(row["type"])
        found.setdefault(str(row["x"]), []).append((kind, named.get(kind) or local_name(kind)))
    out: dict[str, str] = {}
    for iri, types in found.items():
        # The generic classes every entity has say nothing; a named subclass does.
        specific = [t for t in types if local_name(t[0]) not in {"Entity", "Thing", "Agent"}]
        out[iri] = sorted(specific or types)[0][1]
    return out


def annotate_answers(store: Store, payload: dict[str, Any]) -> dict[str, Any]:
    """Give each answer its ``type`` (when it is an entity) and its ``support``: how many
    articles and sentences state it (its ``confidence``, from extraction, is the
    answerer's)."""
    answers = payload.get("answers") or []
    iris = [a["iri"] for a in answers if isinstance(a.get("iri"), str) and entity_id(a["iri"])]
    types = type_labels(store, iris) if iris else {}
    for answer in answers:
        iri = answer.get("iri")
        if "type" not in answer and isinstance(iri, str) and iri in types:
            answer["type"] = types[iri]
        answer["support"] = support(answer.get("evidence") or [])
    return payload


# -- articles ----------------------------------------------------------------------------------


def _article_row(iri: str, row: Mapping[str, Term]) -> dict[str, Any]:
    n = row.get("n")
    return {
        "id": article_id(iri) or iri,
        "iri": iri,
        "title": _str(row, "title"),
        "date": _date(row.get("date")),
        "url": _str(row, "url"),
        "triples": int(n) if isinstance(n, Literal) else 0,
    }


def article_total(store: Store) -> int:
    rows = run(store, "article_count")
    value = rows[0].get("n") if rows else None
    return int(value) if isinstance(value, Literal) else 0


def articles_page(store: Store, *, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles, newest first, ``limit`` of them from ``offset``."""
    if limit < 1 or offset < 0:
        raise ValueError("limit must be positive and offset not negative")
    # Two integers checked above are the only text added to the query.
    text = queries()["articles"].text + f"LIMIT {int(limit)} OFFSET {int(offset)}\n"
    return [_article_row(str(row["a"]), row) for row in store.select(text).bindings]


def list_articles(store: Store) -> list[dict[str, str]]:
    """Every stored article, newest first, as ``attache articles`` prints them: each value a
    string, the date as stored (the API's pages, :func:`articles_page`, are typed)."""
    out = []
    for row in run(store, "articles"):
        iri = str(row["a"])
        out.append(
            {
                "id": iri.rsplit("/", 1)[-1],
                "iri": iri,
                "title": str(row.get("title", "")),
                "date": str(row.get("date", "")),
                "url": str(row.get("url", "")),
                "triples": str(row["n"]),
            }
        )
    return out


def find_article(store: Store, ref: str) -> URIRef | None:
    """An article graph by id, full IRI or source URL."""
    for article in list_articles(store):
        if ref in (article["id"], article["iri"], article["url"]):
            return URIRef(article["iri"])
    return None


def article_ref(store: Store, ident: str) -> URIRef:
    """An article's IRI from its id; :class:`NotFound` when no such article is stored."""
    if not _ID.match(ident) or not run(store, "article_meta", a=ART[ident]):
        raise NotFound(f"no stored article {ident!r} (GET /api/articles lists them)")
    return ART[ident]


def article_detail(store: Store, iri: URIRef) -> dict[str, Any]:
    """An article's metadata and what was extracted from it."""
    rows = run(store, "article_meta", a=iri)
    if not rows:
        raise NotFound(f"no stored article <{iri}>")
    row = rows[0]
    out = _article_row(str(iri), row)
    out.update(
        {
            "content_hash": _str(row, "hash"),
            "extractor_version": _str(row, "version"),
            "extracted_at": _str(row, "extracted"),
        }
    )
    return {**out, "extraction": extraction(store, iri)}


def extraction(store: Store, iri: URIRef) -> dict[str, Any]:
    """Events by kind and the entities mentioned, with a one-line summary."""
    kinds = run(store, "article_events", a=iri)
    rows = run(store, "article_entities", a=iri)
    named = labels(store, [str(r["kind"]) for r in kinds] + [str(r["x"]) for r in rows])
    events: list[dict[str, Any]] = [
        {
            "kind": local_name(str(r["kind"])),
            "iri": str(r["kind"]),
            "label": named.get(str(r["kind"])) or local_name(str(r["kind"])),
            "count": int(str(r["n"])),
        }
        for r in kinds
    ]
    types = type_labels(store, [str(r["x"]) for r in rows]) if rows else {}
    entities = [
        {
            "iri": str(r["x"]),
            "id": entity_id(str(r["x"])),
            "label": named.get(str(r["x"])) or local_name(str(r["x"])),
            "type": types.get(str(r["x"]), ""),
            "mentions": int(str(r["mentions"])),
        }
        for r in rows
    ]
    total = sum(e["count"] for e in events)
    listed = ", ".join(f"{e['label']} ×{e['count']}" for e in events)
    summary = pluralize(total, "event") + (f" ({listed})" if listed else "")
    summary += ", " + pluralize(len(entities), "entity", "entities")
    return {"summary": summary, "events": events, "entities": entities}


def article_graph(store: Store, iri: URIRef) -> Graph:
    return construct(store, "article_graph", a=iri)


# -- entities ----------------------------------------------------------------------------------

_ABOUT_SKIP = {"label", "prefLabel", "altLabel", "type"}
_MODALITY = {"asserted": "", "negated": "denied", "planned": "planned", "reported": "reported"}


def labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """Each term's English label; terms without one are left out."""
    rows = run_many(store, "labels", "x", [URIRef(i) for i in iris])
    return {str(r["x"]): str(r["label"]) for r in rows if r.get("label") is not None}


def articles_meta(store: Store, iris: list[URIRef]) -> dict[str, dict[str, Any]]:
    """Title, date and URL of each article, keyed by its IRI."""
    out: dict[str, dict[str, Any]] = {}
    fields = {"title": "title", "datePublished": "date", "url": "url"}
    for row in run_many(store, "articles_meta", "a", iris):
        item = out.setdefault(str(row["a"]), _article_row(str(row["a"]), {}))
        item.pop("triples", None)
        key = fields.get(local_name(str(row["p"])))
        if key == "date":
            item["date"] = _date(row["v"])
        elif key:
            item[key] = str(row["v"])
    return out


def _evidence_item(row: Mapping[str, Term], meta: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    article = str(row["article"])
    info = meta.get(article, {})
    return {
        "sentence": str(row["sentence"]),
        "article": article,
        "title": info.get("title", ""),
        "date": info.get("date", ""),
        "url": info.get("url", ""),
    }


def entity_profile(store: Store, iri: URIRef) -> dict[str, Any]:
    """What the graph holds about one entity: its names and class, its facts grouped by
    kind of event (each with its date and evidence), the articles that mention it, and a
    timeline of its dated events. :class:`NotFound` when the graph says nothing of it."""
    about = run(store, "entity_about", x=iri)
    if not about:
        raise NotFound(f"the graph holds nothing about <{iri}>")
    by_property: dict[str, list[Term]] = {}
    for row in about:
        by_property.setdefault(str(row["p"]), []).append(row["o"])
    names = {local_name(p): v for p, v in by_property.items()}
    given = names.get("label") or names.get("prefLabel")
    label = str(given[0]) if given else local_name(str(iri))

    counted = run(store, "entity_articles", x=iri)
    meta = articles_meta(store, [URIRef(str(r["article"])) for r in counted])
    articles = sorted(
        (
            {**meta.get(str(r["article"]), _article_row(str(r["article"]), {}))}
            | {"mentions": int(str(r["mentions"]))}
            for r in counted
        ),
        key=lambda a: (a["date"], a["iri"]),
        reverse=True,
    )
    rows = run(store, "entity_events", x=iri)
    cited = {str(r["article"]) for r in rows} - set(meta)
    meta.update(articles_meta(store, [URIRef(a) for a in cited]))
    events: dict[str, dict[str, Any]] = {}
    for row in rows:
        event = events.setdefault(
            str(row["e"]),
            {
                "iri": str(row["e"]),
                "kind": str(row["kind"]),
                "roles": [],
                "date": "",
                "modality": "",
                "evidence": [],
            },
        )
        role = str(row["role"])
        if role not in event["roles"]:
            event["roles"].append(role)
        item = _evidence_item(row, meta)
        if item not in event["evidence"]:
            event["evidence"].append(item)
    nodes = [URIRef(e) for e in events]
    for row in run_many(store, "event_attributes", "e", nodes):
        event = events[str(row["e"])]
        if local_name(str(row["p"])) == "date":
            event["date"] = event["date"] or str(row["v"])
        else:
            event["modality"] = _MODALITY.get(local_name(str(row["v"])), "")

    parts = [
        r
        for r in run_many(store, "event_parts", "e", nodes)
        if str(r["o"]) != str(iri) and entity_id(str(r["o"])) is not None
    ]
    terms = {e["kind"] for e in events.values()} | {r for e in events.values() for r in e["roles"]}
    terms |= {str(r["role"]) for r in parts} | {str(r["o"]) for r in parts}
    terms |= {str(p) for p in by_property} | {str(o) for o in about_iris(about)}
    named = labels(store, terms)

    def name(term: str) -> str:
        return named.get(term) or local_name(term)

    for row in parts:
        other = str(row["o"])
        events[str(row["e"])].setdefault("participants", []).append(
            {
                "role": name(str(row["role"])),
                "label": name(other),
                "iri": other,
                "id": entity_id(other),
            }
        )
    groups: dict[str, dict[str, Any]] = {}
    for event in sorted(events.values(), key=lambda e: (e["date"] or "9999", e["iri"])):
        event["kind_label"] = name(event["kind"])
        event["roles"] = [name(r) for r in event["roles"]]
        event.setdefault("participants", [])
        event["participants"].sort(key=lambda p: (p["role"], p["label"]))
        if not event["date"] and event["evidence"]:
            event["reported"] = min(e["date"] for e in event["evidence"]) or ""
        group = groups.setdefault(
            event["kind"],
            {"kind": local_name(event["kind"]), "label": name(event["kind"]), "events": []},
        )
        group["events"].append(event)

    facts = sorted(groups.values(), key=lambda g: (-len(g["events"]), g["label"]))
    timeline = _timeline(events.values())
    return {
        "iri": str(iri),
        "id": entity_id(str(iri)),
        "label": label,
        "types": sorted(name(str(t)) for t in names.get("type", [])),
        "alt_labels": sorted({str(v) for v in names.get("altLabel", [])} - {label}),
        "about": [
            {
                "property": name(p),
                "values": [
                    {
                        "label": name(str(v)) if isinstance(v, URIRef) else str(v),
                        "id": entity_id(str(v)),
                    }
                    for v in values
                ],
            }
            for p, values in sorted(by_property.items())
            if local_name(p) not in _ABOUT_SKIP
        ],
        "facts": facts,
        "articles": articles,
        "timeline": timeline,
    }


def _timeline(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated events in order; the same fact told by several articles is one line, counted."""
    timeline: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for event in sorted(events, key=lambda e: (e["date"], e["iri"])):
        if not event["date"]:
            continue
        key = (event["date"], event_summary(event))
        if key in seen:
            seen[key]["events"] += 1
            continue
        seen[key] = {
            "date": event["date"],
            "kind": event["kind_label"],
            "summary": key[1],
            "iri": event["iri"],
            "events": 1,
        }
        timeline.append(seen[key])
    return timeline


def class_instances(store: Store, cls: URIRef) -> list[dict[str, Any]]:
    """The instances of a class (or of its subclasses), at most 500, with how many articles
    mention each, most mentioned first; each entity with the id of its page."""
    found = [r["x"] for r in run(store, "class_instances", **{"class": cls})]
    named = labels(store, [str(x) for x in found])
    counts = {
        str(r["x"]): int(str(r["articles"])) for r in run_many(store, "mention_counts", "x", found)
    }
    items = [
        {
            "iri": str(x),
            "id": entity_id(str(x)),
            "label": named.get(str(x)) or local_name(str(x)),
            "articles": counts.get(str(x), 0),
        }
        for x in found
    ]
    return sorted(items, key=lambda i: (-i["articles"], i["label"].lower(), i["iri"]))


def describe_query(iri: URIRef) -> str:
    """A query that shows everything about one term, for the console."""
    return f"DESCRIBE {serialize(iri)}"


def about_iris(rows: Iterable[Mapping[str, Term]]) -> list[URIRef]:
    return [r["o"] for r in rows if isinstance(r["o"], URIRef)]


def event_summary(event: Mapping[str, Any]) -> str:
    """``Arms deal (recipient): supplier France, equipment Rafale`` — one line per event."""
    head = event.get("kind_label") or local_name(event["kind"])
    roles = ", ".join(event.get("roles") or [])
    others = ", ".join(f"{p['role']} {p['label']}" for p in event.get("participants") or [])
    text = f"{head} (as {roles})" if roles else head
    if others:
        text += ": " + others
    if event.get("modality"):
        text += f" [{event['modality']}]"
    return text


def pluralize(count: int, noun: str, plural: str | None = None) -> str:
    """``1 article``, ``2 articles``."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _str(row: Mapping[str, Term], name: str) -> str:
    value = row.get(name)
    return "" if value is None else str(value)


def _date(value: Term | None) -> str:
    if isinstance(value, Literal):
        return str(value)[:10]
    return ""


__all__ = [
    "NamedQuery",
    "annotate_answers",
    "article_detail",
    "article_graph",
    "article_id",
    "article_ref",
    "article_total",
    "articles_meta",
    "articles_page",
    "class_instances",
    "describe_query",
    "entity_id",
    "entity_iri",
    "entity_profile",
    "event_summary",
    "extraction",
    "find_article",
    "labels",
    "list_articles",
    "pluralize",
    "queries",
    "run",
    "run_many",
    "support",
    "type_labels",
]
