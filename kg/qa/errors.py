"""The question-answering error: a question that cannot be asked (empty, too long).

A :class:`~kg.errors.QueryError` subclass, so the service maps it to 400 like any
refused query, with its own stable code.
"""

from __future__ import annotations

from kg.errors import QueryError


class QuestionError(QueryError):
    """The question is empty, too long, or otherwise cannot be asked."""

    code = "bad_question"
