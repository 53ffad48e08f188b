"""Question answering: templated questions answered from the graph, with evidence.

``Answerer(store).ask("Who supplies the S-400 to Turkey?")`` returns the payload
shared by ``GET/POST /api/ask`` and ``attache ask``. See :mod:`kg.qa.parse` for how a
question is read, :mod:`kg.qa.templates` for the templates (data, with their SPARQL
in ``queries/*.rq``), :mod:`kg.qa.lexicon` for the vocabulary read from the
ontology, and :mod:`kg.qa.evaluate` for scoring against gold questions.
"""

from __future__ import annotations

from kg.qa.answer import DEFAULT_MAX_ANSWERS, Answerer
from kg.qa.errors import QuestionError

__all__ = ["DEFAULT_MAX_ANSWERS", "Answerer", "QuestionError"]
