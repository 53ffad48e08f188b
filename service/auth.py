"""The bearer token every write over HTTP needs (``ATTACHE_API_TOKEN``), checked one way.

Adding articles, editing the ontology and ``/sparql/update`` all refuse the same way: 403
``writes_disabled`` when no token is configured, 401 (with ``WWW-Authenticate``) without
a bearer token, 403 ``forbidden`` for a wrong one, compared in constant time.
"""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from typing import Any, TypeVar, cast

from flask import Response, request

from service.errors import error_response
from service.state import state

F = TypeVar("F", bound=Callable[..., Any])


def refuse(status: int, code: str, message: str) -> Response:
    """An error response; a 401 also says which scheme to use."""
    response = error_response(status, code, message)
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="attache"'
    return response


def refusal(unauthenticated: str) -> Response | None:
    """The response refusing this request's write, or None when its bearer token is good.

    ``unauthenticated`` is the 401's sentence, naming what needs the token.
    """
    token = state().config.api_token
    if not token:
        return refuse(
            403, "writes_disabled", "writes over HTTP are disabled (ATTACHE_API_TOKEN is not set)"
        )
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return refuse(401, "unauthorized", unauthenticated)
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        return refuse(403, "forbidden", "the bearer token is not valid")
    return None


def token_required(unauthenticated: str) -> Callable[[F], F]:
    """A view decorator: the view runs only for a request with a good bearer token."""

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            refused = refusal(unauthenticated)
            if refused is not None:
                return refused
            return view(*args, **kwargs)

        return cast(F, wrapper)

    return decorate
