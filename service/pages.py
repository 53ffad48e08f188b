"""The pages for people who ask: the Ask page (``/`` in a browser) and entity pages.

Like the console and the ontology editor: no build step and no third-party code, one
template, one script and one style sheet written for this project, and a Content
Security Policy that lets the page load nothing from elsewhere and run no inline script.
The Ask page talks to ``/api/ask`` and ``/api/articles`` like any other client; an entity
page is rendered here from :mod:`kg.catalog`.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request
from rdflib import URIRef

from kg.catalog import describe_query, entity_iri, entity_profile
from service.console import console_url
from service.state import state

bp = Blueprint("pages", __name__, template_folder="templates")

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'"
)

EXAMPLES = (
    "Who supplies the S-400 to Turkey?",
    "Which program was Turkey removed from?",
    "Who warned Turkey of sanctions?",
    "Who attended the NATO summit?",
    "Which countries are in NATO?",
    "What do we know about CAATSA?",
)


@bp.app_template_test("web_url")
def web_url(value: object) -> bool:
    """An article's URL comes from whoever sent it: link it only when it is a web address."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def wants_html() -> bool:
    """A browser (``text/html`` preferred over JSON); curl's ``*/*`` still gets JSON."""
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html"


def _page(html: str, status: int = 200) -> Response:
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Vary"] = "Accept"
    response.headers["Cache-Control"] = "no-cache"
    return response


def ask_page() -> Response:
    """The Ask page: a question box, the answers with their evidence, an article form."""
    config = state().config
    return _page(
        render_template(
            "ask.html",
            examples=EXAMPLES,
            max_chars=config.max_question_chars,
            writes=bool(config.api_token),
        )
    )


@bp.get("/ask")
def ask() -> Response:
    return ask_page()


@bp.get("/entity/<ident>")
def entity(ident: str) -> Response:
    """What the graph holds about one entity: facts by kind, articles, a timeline."""
    profile = entity_profile(state().store, entity_iri(ident))
    query = describe_query(URIRef(profile["iri"]))
    return _page(render_template("entity.html", e=profile, console=console_url(query)))


@bp.get("/api/entities/<ident>")
def entity_json(ident: str) -> Response:
    """The entity page's content as JSON."""
    return jsonify({"ok": True, "entity": entity_profile(state().store, entity_iri(ident))})
