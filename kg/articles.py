"""Reading articles from files: text/Markdown with front matter, HTML, JSON and JSON Lines.

This is the only place that knows file formats. It turns each file or record into an
:class:`Article` (or an :class:`~kg.errors.ArticleError` naming where it came from),
so that one unreadable file never stops a batch and extraction only ever sees text.

Input is bounded where a small file could otherwise take the machine: YAML front
matter longer than :data:`MAX_FRONT_MATTER` characters, or using aliases (a 488-byte
"billion laughs" block grew to 5.4 GB), is refused, and JSON nested deeper than
:data:`MAX_RECORD_DEPTH` is an error for that file or line, not a crash of the batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ArticleError

MAX_FRONT_MATTER = 16 * 1024  # characters of YAML between the --- lines
MAX_RECORD_DEPTH = 32  # nesting of a JSON record (articles are flat; 32 is generous)

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
# Field synonyms, first match wins: plain shape, news-please shape, common feeds.
_TITLE_KEYS = ("title", "headline")
_TEXT_KEYS = ("text", "maintext", "body", "content")
_DATE_KEYS = ("date", "published", "date_publish", "datePublished", "pubdate")
_URL_KEYS = ("url", "source", "link", "source_url")


@dataclass(frozen=True)
class Article:
    """One news article as read: text plus the metadata that identifies it."""

    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None  # where it was read from, for messages only
    # How much of ``date`` the source gave: "day", or "month" or "year" for a date
    # published as "2022-02" or "2022" (``date`` is then the middle of that month or year,
    # an anchor for the dates the text writes out, never for "on Monday").
    date_precision: str = "day"

    @property
    def published(self) -> str:
        """The publication date as given: "2022-02-03", "2022-02" or "2022" ("" if none)."""
        if self.date is None:
            return ""
        return self.date.isoformat()[: _PRECISION_CHARS[self.date_precision]]

    @property
    def key(self) -> str:
        """Content identity: the URL when there is one, else the text itself.

        Keyed this way, a corrected version of a published article (same URL)
        replaces the old one instead of sitting beside it.
        """
        basis = f"url:{self.url.strip()}" if self.url else f"text:{self.text.strip()}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]

    @property
    def content_hash(self) -> str:
        """Hash of everything extraction reads: a change here means re-extraction."""
        parts = [self.title or "", self.published, self.url or ""]
        parts.append(self.text)
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


_PRECISION_CHARS = {"day": 10, "month": 7, "year": 4}
_PARTIAL_DATES = (
    (re.compile(r"^(\d{4})-(\d{2})$"), "%Y-%m", "month"),
    (re.compile(r"^(\d{4})/(\d{2})$"), "%Y/%m", "month"),
    (re.compile(r"^[A-Za-z]+\.? \d{4}$"), "%B %Y", "month"),
    (re.compile(r"^[A-Za-z]{3}\.? \d{4}$"), "%b %Y", "month"),
    (re.compile(r"^\d{4}$"), "%Y", "year"),
)


def parse_published(value: Any, where: str) -> tuple[dt.date | None, str]:
    """A publication date and how much of it is given: a date, a datetime or an ISO-8601
    string (``2019-07-12``, ``2019-07-12T10:00Z``: "day"), or a month or a year alone
    ("2022-02", "February 2022", "2022"),
    which many sources give. A partial date stands for the middle of its month or year,
    so that the dates the text writes out resolve around it."""
    if value is None or value == "":
        return None, "day"
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date(), "day"
    except ValueError:
        pass
    for fmt in ("%Y-%m-%d %H:%M:%S", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(text, fmt).date(), "day"
        except ValueError:
            continue
    for shape, fmt, precision in _PARTIAL_DATES:
        if not shape.match(text):
            continue
        try:
            start = dt.datetime.strptime(text.replace(".", ""), fmt).date()
        except ValueError:
            continue
        middle = start.replace(day=15) if precision == "month" else start.replace(month=7)
        return middle, precision
    raise ArticleError(
        f"{where}: unreadable date {text!r} (use YYYY-MM-DD, or YYYY-MM or YYYY when the "
        "day is not known)"
    )


def _first(record: Mapping[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def from_record(record: Any, where: str) -> Article:
    """Build an article from a mapping in the plain or the news-please shape."""
    if not isinstance(record, Mapping):
        raise ArticleError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = _first(record, _TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{where}: no article text (expected 'text' or 'maintext')")
    title = _first(record, _TITLE_KEYS)
    url = _first(record, _URL_KEYS)
    date, precision = parse_published(_first(record, _DATE_KEYS), where)
    return Article(
        text=text.strip(),
        title=str(title).strip() if title else None,
        date=date,
        url=str(url).strip() if url else None,
        source=where,
        date_precision=precision,
    )


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: ``*ref`` is what lets a few bytes expand exponentially."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise ArticleError(
                f"front matter uses a YAML alias (*{event.anchor}) at line "
                f"{event.start_mark.line + 1}; write the value out instead"
            )
        return super().compose_node(parent, index)


def check_depth(value: Any, where: str, limit: int = MAX_RECORD_DEPTH) -> None:
    """Refuse a record nested deeper than ``limit`` (iteratively: no recursion to blow)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping | list):
            if depth > limit:
                raise ArticleError(f"{where}: the record nests deeper than {limit} levels")
            children = item.values() if isinstance(item, Mapping) else item
            stack.extend((child, depth + 1) for child in children)


def _load_json(text: str, where: str) -> Any:
    try:
        data = json.loads(text)
    except RecursionError as exc:
        raise ArticleError(f"{where}: the JSON nests too deeply to read") from exc
    check_depth(data, where)
    return data


def parse_text(raw: str, where: str) -> Article:
    """A text or Markdown article with an optional YAML front-matter block."""
    meta: Any = {}
    body = raw
    match = _FRONT_MATTER.match(raw)
    if match:
        if len(match.group(1)) > MAX_FRONT_MATTER:
            raise ArticleError(
                f"{where}: front matter is {len(match.group(1))} characters long; "
                f"at most {MAX_FRONT_MATTER} are read"
            )
        try:
            meta = yaml.load(match.group(1), Loader=_NoAliasLoader) or {}  # safe, no aliases
        except ArticleError as exc:
            raise ArticleError(f"{where}: {exc.message}") from exc
        except RecursionError as exc:
            raise ArticleError(f"{where}: front matter nests too deeply") from exc
        except yaml.YAMLError as exc:
            raise ArticleError(f"{where}: front matter is not valid YAML ({exc})") from exc
        if not isinstance(meta, Mapping):
            raise ArticleError(f"{where}: front matter must be a mapping of fields")
        check_depth(meta, where)
        body = raw[match.end() :]
    return from_record({**meta, "text": body}, where)


def parse_html(raw: str, where: str) -> Article:
    """Main text and metadata of a web page, by trafilatura (boilerplate removed)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if doc is None:
        raise ArticleError(f"{where}: no article text found in the HTML")
    fields = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = fields.get("text") or ""
    title = fields.get("title")
    # trafilatura repeats the headline as the first line of the text; drop it.
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]
    return from_record(
        {"title": title, "text": text, "date": fields.get("date"), "url": fields.get("url")}, where
    )


def parse_json(raw: str, where: str) -> Iterator[Article | ArticleError]:
    """One article, or a list of them, in a JSON document."""
    try:
        data = _load_json(raw, where)
    except json.JSONDecodeError as exc:
        yield ArticleError(f"{where}: invalid JSON ({exc})")
        return
    except ArticleError as exc:
        yield exc
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records, 1):
        label = f"{where}[{i}]" if isinstance(data, list) else where
        try:
            yield from_record(record, label)
        except ArticleError as exc:
            yield exc


def parse_jsonl(raw: str, where: str) -> Iterator[Article | ArticleError]:
    """One article per line; a bad line is an error for that line only."""
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        label = f"{where}:{lineno}"
        try:
            yield from_record(_load_json(line, label), label)
        except json.JSONDecodeError as exc:
            yield ArticleError(f"{label}: invalid JSON ({exc.msg})")
        except ArticleError as exc:
            yield exc


FormatReader = Callable[[str, str], Iterable["Article | ArticleError"]]
"""A format's reader: the text of a file and where it came from, to articles or errors."""


def _one(parse: Callable[[str, str], Article]) -> FormatReader:
    """A reader for a format that holds exactly one article."""

    def read(raw: str, where: str) -> Iterator[Article | ArticleError]:
        yield parse(raw, where)

    return read


READERS: dict[str, FormatReader] = {
    ".txt": _one(parse_text),
    ".md": _one(parse_text),
    ".markdown": _one(parse_text),
    ".html": _one(parse_html),
    ".htm": _one(parse_html),
    ".json": parse_json,
    ".jsonl": parse_jsonl,
    ".ndjson": parse_jsonl,
}
"""Readers by file suffix: every format ``attache ingest`` and ``POST /api/articles`` read."""

SUFFIXES = frozenset(READERS)


def read_file(path: Path) -> Iterator[Article | ArticleError]:
    """Every article in one file, with errors as values so a batch can go on."""
    where = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield ArticleError(f"{where}: cannot read ({exc})")
        return
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        yield ArticleError(f"{where}: unsupported file type {suffix or '(none)'}")
        return
    try:
        yield from reader(raw, where)
    except ArticleError as exc:
        yield exc
    except (RecursionError, MemoryError) as exc:  # one file must never end the batch
        yield ArticleError(f"{where}: cannot read ({type(exc).__name__})")


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[ArticleError]]:
    """Files named directly, plus supported files found recursively under folders."""
    files: list[Path] = []
    errors: list[ArticleError] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            )
        elif path.is_file():
            files.append(path)
        else:
            errors.append(ArticleError(f"{path}: no such file or folder"))
    return files, errors
