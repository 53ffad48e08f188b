"""The command line's way into a running service: its HTTP API, never its open store.

Oxigraph's store is opened by one process; while ``attache serve`` holds it, ``attache
ask``, ``articles``, ``query``, ``ingest``, ``remove`` and ``export`` find the service
through its discovery file (:mod:`kg.runtime`) and send their work here instead. Errors
come back in the service's one JSON shape and are raised as :class:`ServiceError` with
its message, so the CLI prints them as one line like any other error.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from typing import IO, Any

from kg.articles import Article
from kg.errors import KGError

TIMEOUT = 120.0  # an upload is extracted before the answer: allow for the model's first load


class ServiceError(KGError):
    """The running service refused or failed a request; ``status`` is its HTTP status."""

    code = "service_error"

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class ServiceClient:
    """A few calls on one service's HTTP API, with the bearer token when there is one."""

    def __init__(self, url: str, token: str = "", *, timeout: float = TIMEOUT) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: bytes | None = None,
        content_type: str = "",
        accept: str = "application/json",
        write: bool = False,
    ) -> Any:
        url = self.url + path
        if params:
            url += "?" + urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Accept", accept)
        if content_type:
            request.add_header("Content-Type", content_type)
        if write:
            if not self.token:
                raise ServiceError(
                    f"the service at {self.url} needs its API token for this: set "
                    "ATTACHE_API_TOKEN to the token it was started with"
                )
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            raise _error(exc) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ServiceError(f"cannot reach the service at {self.url} ({reason})") from None

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        with self._request(method, path, **kwargs) as response:
            return json.loads(response.read().decode("utf-8"))

    # -- the calls ---------------------------------------------------------------------------

    def ask(self, question: str) -> dict[str, Any]:
        payload: dict[str, Any] = self._json("GET", "/api/ask", params={"q": question})
        return payload

    def articles(self, page: int = 500) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            body = self._json("GET", "/api/articles", params={"limit": page, "offset": offset})
            yield from body["articles"]
            offset += page
            if body.get("next") is None:
                return

    def add_article(self, article: Article) -> dict[str, Any]:
        record = {
            "title": article.title or "",
            "text": article.text,
            "date": article.published,
            "url": article.url or "",
        }
        body = json.dumps(record, ensure_ascii=False).encode("utf-8")
        answer: dict[str, Any] = self._json(
            "POST", "/api/articles", body=body, content_type="application/json", write=True
        )
        return answer

    def remove_article(self, ident: str) -> dict[str, Any]:
        path = "/api/articles/" + urllib.parse.quote(ident, safe="")
        answer: dict[str, Any] = self._json("DELETE", path, write=True)
        return answer

    def sparql(self, query: str) -> dict[str, Any]:
        """A SELECT or ASK through ``/sparql``, as SPARQL JSON results."""
        body = urllib.parse.urlencode({"query": query}).encode("utf-8")
        answer: dict[str, Any] = self._json(
            "POST",
            "/sparql",
            body=body,
            content_type="application/x-www-form-urlencoded",
            accept="application/sparql-results+json",
        )
        return answer

    def update(self, update: str) -> None:
        """A SPARQL Update through ``/sparql/update`` (with the token)."""
        self._json(
            "POST",
            "/sparql/update",
            body=update.encode("utf-8"),
            content_type="application/sparql-update",
            write=True,
        )

    def export(self, out: IO[bytes], fmt: str) -> None:
        """The whole store, streamed into ``out``."""
        media = {"trig": "application/trig", "nquads": "application/n-quads"}[fmt]
        with self._request(
            "GET", "/api/export", params={"format": fmt}, accept=media, write=True
        ) as response:
            while chunk := response.read(1 << 16):
                out.write(chunk)


def _error(exc: urllib.error.HTTPError) -> ServiceError:
    try:
        body = json.loads(exc.read().decode("utf-8"))
        message = str(body["error"])
    except (ValueError, KeyError, TypeError, OSError):
        message = f"{exc.code} {exc.reason}"
    return ServiceError(f"the service said: {message}", exc.code)
