"""The SPARQL console (``/console``): a page for people, over the public ``/sparql`` endpoint.

No build step and no third-party code: one HTML template, one script and one style
sheet written for this project (``service/templates/console.html``,
``service/static/console.{js,css}``). The page queries ``/sparql`` like any other
client, so it can do nothing the endpoint would not let anyone do.

Two JSON helpers feed it: ``/console/examples`` (one example per question family,
generated from the question templates in ``kg/qa/queries/*.rq`` when they are there,
read at request time so a new template shows up without a restart) and
``/sparql/prefixes`` (the prefixes every query may use, the namespaces found in the
store, and the ontology's terms with their labels, for completion; built by
:mod:`service.vocabulary` and served by :mod:`service.sparql`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, jsonify, render_template

from kg.vocab import ONTOLOGY_GRAPH, PREFIXES
from service.state import state

bp = Blueprint("console", __name__, template_folder="templates", static_folder="static")

QUERY_DIR = Path(__file__).resolve().parent.parent / "kg" / "qa" / "queries"
_SELECT = re.compile(r"^(\s*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?)(?=[?$(])", re.I | re.M)
_PARAMS = re.compile(r"^#\s*params:\s*(.*)$", re.M)
_LIMIT = re.compile(r"\bLIMIT\s+\d+\s*$", re.I)
_PNAME_USE = re.compile(r"(?<![\w?$<:])([A-Za-z][\w-]*):(?=[\w])")

FALLBACK_EXAMPLES: list[dict[str, str]] = [
    {
        "family": "articles",
        "title": "Articles, newest first",
        "question": "Which articles does the graph hold?",
        "query": "SELECT ?article ?title ?published WHERE {\n"
        "  ?article a dd:NewsArticle ; dcterms:title ?title .\n"
        "  OPTIONAL { ?article schema:datePublished ?published }\n"
        "}\nORDER BY DESC(?published)\nLIMIT 100",
    },
    {
        "family": "events",
        "title": "Events by type",
        "question": "How many events of each kind were extracted?",
        "query": "SELECT ?type (COUNT(?e) AS ?events) WHERE {\n"
        "  ?e a ?type . ?type rdfs:subClassOf* dd:Event .\n"
        "}\nGROUP BY ?type\nORDER BY DESC(?events)",
    },
    {
        "family": "entities",
        "title": "Most mentioned entities",
        "question": "Which entities are mentioned most?",
        "query": "SELECT ?entity ?label (COUNT(?s) AS ?mentions) WHERE {\n"
        "  ?entity dd:mentionedIn ?s ; rdfs:label ?label .\n"
        "}\nGROUP BY ?entity ?label\nORDER BY DESC(?mentions)\nLIMIT 20",
    },
]


def console_url(query: str) -> str:
    """A link that opens ``query`` in the console (for answers that show their SPARQL)."""
    return "/console?query=" + quote(query, safe="")


# Only this site's own files: no inline script, nothing from elsewhere, no framing.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


@bp.get("/console")
def page() -> Response:
    """The console page; ``?query=`` fills the editor and runs it."""
    config = state().config
    response = Response(
        render_template(
            "console.html",
            max_rows=config.max_rows,
            timeout=config.query_timeout,
            ontology_graph=str(ONTOLOGY_GRAPH),
        ),
        mimetype="text/html",
    )
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/console/examples")
def examples() -> Response:
    return jsonify({"ok": True, "examples": example_queries()})


def _prefix_lines(query: str) -> str:
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", query, re.I)}
    used = [p for p in dict.fromkeys(_PNAME_USE.findall(query)) if p in PREFIXES]
    lines = [f"PREFIX {p}: <{PREFIXES[p]}>" for p in sorted(used) if p.lower() not in declared]
    return "\n".join(lines) + ("\n" if lines else "")


def example_from_template(text: str, question: str = "") -> str:
    """A runnable query from a template: its parameters left free, shown and explained."""
    match = _PARAMS.search(text)
    params = match.group(1).split() if match else []
    body = text
    if params:
        projected = [p for p in params if not re.search(rf"SELECT[^{{]*\{re.escape(p)}\b", text)]
        body = _SELECT.sub(lambda m: m.group(1) + " ".join(projected) + " ", body, count=1)
    head = []
    if question:
        head.append(f"# Question family example: {question}")
    if params:
        shown = " ".join(params)
        head.append(
            f"# The template binds {shown}; here it is left free. Bind it to one entity with"
        )
        head.append(f"#   VALUES {params[0]} {{ <entity IRI> }}   inside the WHERE clause.")
    body = body.rstrip()
    if not _LIMIT.search(body):
        body += "\nLIMIT 100"
    prefix = _prefix_lines(body)
    return prefix + ("\n".join(head) + "\n" if head else "") + body + "\n"


def example_queries() -> list[dict[str, str]]:
    """One example per question family, from the templates if they can be read."""
    try:
        from kg.qa.templates import TEMPLATES
    except Exception:  # the templates are optional here; the console has its own list
        TEMPLATES = ()
    chosen: dict[str, Any] = {}
    for template in TEMPLATES:
        family = getattr(template, "family", "") or template.id
        best = chosen.get(family)
        if best is None or len(template.params) < len(best.params):
            chosen[family] = template
    out: list[dict[str, str]] = []
    for family, template in chosen.items():
        path = getattr(template, "query_file", None) or QUERY_DIR / f"{template.id}.rq"
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError:
            continue
        question = re.sub(r"\{(\w+)\}", r"…", getattr(template, "example", ""))
        out.append(
            {
                "family": family,
                "title": template.id.replace("_", " "),
                "question": question,
                "query": example_from_template(text, question),
            }
        )
    if not out:
        for item in FALLBACK_EXAMPLES:
            out.append({**item, "query": _prefix_lines(item["query"]) + item["query"] + "\n"})
    return out
