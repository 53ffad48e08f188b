"""Do other phrasings of a question get the same answer? (Not a test: a measurement.)

For every gold question that Attaché answers correctly, this asks variants made by
rewrites that hold for any English question (lowercase, no question mark, an imperative
lead-in, British or American spelling, "nation" for "country", "Türkiye" for "Turkey")
and reports the share of variants answered as correctly as the original, per rewrite.

    .venv/bin/python bench/phrasings.py [--dev ../shared/eval/dev.jsonl] [--each]

The articles are ingested into a fresh in-memory store, as ``attache eval`` does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.ingest import ingest_paths
from kg.qa import Answerer
from kg.qa.evaluate import is_correct, read_gold
from kg.store import EmbeddedStore

_SPELLINGS = [
    ("defense", "defence"),
    ("program", "programme"),
    ("organization", "organisation"),
    ("normalize", "normalise"),
    ("characterize", "characterise"),
    ("center", "centre"),
]


def _swap_spelling(question: str) -> str:
    out = question
    for us, uk in _SPELLINGS:
        if re.search(rf"\b{us}", out, re.I):
            return re.sub(rf"\b{us}", uk, out, flags=re.I)
        if re.search(rf"\b{uk}", out, re.I):
            return re.sub(rf"\b{uk}", us, out, flags=re.I)
    return out


def _imperative(question: str) -> str:
    body = question.rstrip(" ?")
    return f"Tell me {body[0].lower()}{body[1:]}" if body else question


REWRITES: dict[str, Callable[[str], str]] = {
    "lowercase": str.lower,
    "no question mark": lambda q: q.rstrip(" ?"),
    "imperative": _imperative,
    "spelling": _swap_spelling,
    "nation for country": lambda q: re.sub(
        r"\bcountr(y|ies)\b", lambda m: "nation" + ("s" if m.group(1) == "ies" else ""), q
    ),
    "Türkiye for Turkey": lambda q: re.sub(r"\bTurkey\b", "Türkiye", q),
    "extra spaces": lambda q: "  " + q.replace(" ", "  ") + "  ",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=Path("../shared/eval/dev.jsonl"))
    parser.add_argument("--each", action="store_true", help="print every variant that differs")
    args = parser.parse_args()
    gold = read_gold(args.dev)
    store = EmbeddedStore(None)
    ingest_paths(store, [args.dev.parent / "articles"], progress=False, on_error=print)
    answerer = Answerer(store)

    def texts(question: str) -> list[str]:
        return [str(a.get("text", "")) for a in answerer.ask(question).get("answers", [])]

    asked = Counter[str]()
    kept = Counter[str]()
    for item in gold:
        expected = [[str(a) for a in aliases] for aliases in item["answers"]]
        if not expected:
            continue
        match = str(item.get("match", "any"))
        if not is_correct(texts(item["question"]), expected, match):
            continue
        for name, rewrite in REWRITES.items():
            variant = rewrite(item["question"])
            if variant == item["question"]:
                continue
            asked[name] += 1
            if is_correct(texts(variant), expected, match):
                kept[name] += 1
            elif args.each:
                print(f"[{name}] {variant!r}")
    print(f"{'rewrite':<20} {'kept':>5} {'asked':>6} {'share':>6}")
    for name in REWRITES:
        if asked[name]:
            print(f"{name:<20} {kept[name]:>5} {asked[name]:>6} {kept[name] / asked[name]:>6.0%}")
    total_kept, total = sum(kept.values()), sum(asked.values())
    print(f"{'all':<20} {total_kept:>5} {total:>6} {total_kept / max(total, 1):>6.0%}")
    print(json.dumps({"kept": total_kept, "asked": total}))


if __name__ == "__main__":
    main()
