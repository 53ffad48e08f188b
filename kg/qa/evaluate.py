"""Scoring answers against gold questions (the rules of ``../shared/eval/README.md``).

A gold file is JSON Lines: ``{"family", "question", "answers": [[alias, ...], ...],
"match": "any"|"all"}`` (other keys are ignored). Each inner list is one expected
answer and the spellings accepted for it. A returned answer matches an alias when,
after :func:`normalize`, they are equal, the alias occurs in the answer as whole words,
or the answer (at least 4 characters) occurs in the alias as whole words. Only the
first :data:`COUNTED` answers count. The scoring functions are pure; :func:`run`
asks an :class:`~kg.qa.answer.Answerer` every question.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ArticleError, KGError

COUNTED = 10
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_NOT_KEPT = re.compile(r"[^\w\s%.\-]|_")
_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The comparison form of an answer or alias.

    >>> normalize("U.S.")
    'us'
    >>> normalize("$4.6 billion")
    '4.6 billion'
    >>> normalize("Türkiye’s  S-400_system")
    'turkiye s s-400 system'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = text.casefold().translate(_QUOTES)
    text = _NOT_KEPT.sub(" ", text)
    text = _LONE_DOT.sub("", text)
    return _SPACE.sub(" ", text).strip()


def _contains_words(haystack: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


def matches(answer: str, alias: str) -> bool:
    """Does a returned answer match one accepted spelling of an expected answer?"""
    a, b = normalize(answer), normalize(alias)
    if not a or not b:
        return False
    if a == b or _contains_words(a, b):
        return True
    return len(a) >= 4 and _contains_words(b, a)


def answer_matched(returned: Sequence[str], aliases: Iterable[str]) -> bool:
    """Is one expected answer (given by its aliases) among the first counted answers?"""
    counted = list(returned)[:COUNTED]
    return any(matches(r, alias) for alias in aliases for r in counted)


def is_correct(returned: Sequence[str], expected: Sequence[Sequence[str]], match: str) -> bool:
    """A question is correct when some (``any``) or every (``all``) expected answer matched.

    A question with no expected answer (family T0: no article states it) is correct only
    when nothing is returned: an answer to it is a guess.

    >>> is_correct([], [], "any"), is_correct(["France"], [], "any")
    (True, False)
    """
    if not expected:
        return not returned
    found = [answer_matched(returned, aliases) for aliases in expected]
    return all(found) if match == "all" else any(found)


@dataclass
class Outcome:
    """One gold question, what came back, and whether it scored."""

    family: str
    question: str
    expected: list[list[str]]
    match: str
    returned: list[str]
    correct: bool
    template: str | None = None
    error: str = ""

    @property
    def wrong(self) -> bool:
        """Answered, but wrongly: answers came back and the question is not correct."""
        return bool(self.returned) and not self.correct


@dataclass
class Report:
    """Scores per family and overall."""

    outcomes: list[Outcome] = field(default_factory=list)

    def by_family(self) -> dict[str, tuple[int, int, int]]:
        """Per family: (correct, answered wrongly, total)."""
        table: dict[str, tuple[int, int, int]] = {}
        for outcome in self.outcomes:
            right, wrong, total = table.get(outcome.family, (0, 0, 0))
            table[outcome.family] = (right + outcome.correct, wrong + outcome.wrong, total + 1)
        return dict(sorted(table.items(), key=lambda kv: _family_key(kv[0])))

    @property
    def correct(self) -> int:
        return sum(o.correct for o in self.outcomes)

    @property
    def wrong(self) -> int:
        return sum(o.wrong for o in self.outcomes)

    @property
    def unanswered(self) -> int:
        return sum(not o.returned and not o.correct for o in self.outcomes)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def score(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self, *, failures: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "score": round(self.score, 4),
            "correct": self.correct,
            "wrong": self.wrong,
            "unanswered": self.unanswered,
            "total": self.total,
            "families": {
                family: {
                    "correct": right,
                    "wrong": wrong,
                    "total": total,
                    "score": round(right / total, 4),
                }
                for family, (right, wrong, total) in self.by_family().items()
            },
        }
        if failures:
            out["failures"] = [
                {
                    "family": o.family,
                    "question": o.question,
                    "expected": [aliases[0] for aliases in o.expected if aliases],
                    "match": o.match,
                    "returned": o.returned[:COUNTED],
                    "template": o.template,
                    **({"error": o.error} if o.error else {}),
                }
                for o in self.outcomes
                if not o.correct
            ]
        return out

    def lines(self, *, failures: bool = False) -> list[str]:
        out = [f"{'family':<8} {'correct':>7} {'wrong':>5} {'none':>5} {'total':>5} {'score':>6}"]
        for family, (right, wrong, total) in self.by_family().items():
            none = total - right - wrong
            out.append(
                f"{family:<8} {right:>7} {wrong:>5} {none:>5} {total:>5} {right / total:>6.0%}"
            )
        out.append(
            f"{'total':<8} {self.correct:>7} {self.wrong:>5} {self.unanswered:>5} "
            f"{self.total:>5} {self.score:>6.0%}"
        )
        if failures:
            for o in self.outcomes:
                if o.correct:
                    continue
                expected = " | ".join(aliases[0] for aliases in o.expected if aliases)
                got = " | ".join(o.returned[:COUNTED]) or "(no answer)"
                out.append("")
                out.append(f"[{o.family}] {o.question}")
                out.append(f"  expected ({o.match}): {expected}")
                out.append(f"  returned ({o.template or 'not understood'}): {got}")
                if o.error:
                    out.append(f"  error: {o.error}")
        return out


def _family_key(family: str) -> tuple[int, str]:
    digits = "".join(c for c in family if c.isdigit())
    return (int(digits) if digits else 1_000, family)


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold questions of a JSON Lines file, checked for the keys scoring needs."""
    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ArticleError(f"cannot read the gold file {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or "question" not in item or "answers" not in item:
            raise ArticleError(f"{path}:{number}: needs 'question' and 'answers'")
        items.append(item)
    return items


def score(gold: Iterable[Mapping[str, Any]], ask: Callable[[str], Mapping[str, Any]]) -> Report:
    """Ask every gold question with ``ask`` (question -> payload) and score the answers."""
    report = Report()
    for item in gold:
        question = str(item["question"])
        expected = [[str(a) for a in aliases] for aliases in item.get("answers", [])]
        match = str(item.get("match", "any"))
        returned: list[str] = []
        template = None
        error = ""
        try:
            payload = ask(question)
            returned = [str(a.get("text", "")) for a in payload.get("answers", [])]
            template = payload.get("interpretation", {}).get("template")
        except KGError as exc:
            error = exc.message
        report.outcomes.append(
            Outcome(
                family=str(item.get("family", "?")),
                question=question,
                expected=expected,
                match=match,
                returned=returned,
                correct=is_correct(returned, expected, match),
                template=template,
                error=error,
            )
        )
    return report
