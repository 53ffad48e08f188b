"""Ingest benchmark: the bare spaCy model and the full ingest on the same articles.

Prints articles/s and words/s for (1) the bare English model, (2) the full sequential
ingest (our pipeline, linking, events, RDF, store writes), (3) the batch mode over every
core; and peak memory. Asserts nothing. Target: (2) >= 70% of (1) on one core.

Usage: python bench/ingest.py [--copies 10]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from kg.articles import Article, expand_paths, read_file
from kg.extract import Pipeline
from kg.ingest import ingest_paths
from kg.nlp import load_model
from kg.store import EmbeddedStore

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def corpus(copies: int, folder: Path) -> list[Article]:
    """The sample articles, ``copies`` times, each copy under its own URL, as files."""
    files, _ = expand_paths([SAMPLES])
    base = [a for f in files for a in read_file(f) if isinstance(a, Article)]
    out = []
    for copy in range(copies):
        for i, a in enumerate(base):
            out.append(a)
            (folder / f"{copy:03}-{i:02}.md").write_text(
                f"---\ntitle: {a.title}\ndate: {a.date}\nurl: {a.url}?copy={copy}\n---\n{a.text}",
                encoding="utf-8",
            )
    return out


def rate(label: str, articles: int, words: int, seconds: float) -> float:
    print(f"{label:<34} {articles / seconds:7.1f} articles/s {words / seconds:9,.0f} words/s")
    return words / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10, help="times each sample is ingested")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        articles = corpus(args.copies, folder)
        words = sum(len(a.text.split()) for a in articles)
        print(f"{len(articles)} articles, {words:,} words, {os.cpu_count()} cores")

        nlp = load_model()
        t = time.perf_counter()
        for a in articles:
            nlp(a.text)
        bare = rate("bare spaCy model (1 core)", len(articles), words, time.perf_counter() - t)

        t = time.perf_counter()
        pipeline = Pipeline()
        print(f"pipeline load: {time.perf_counter() - t:.2f} s (not counted below)")
        store = EmbeddedStore(Path(tmp) / "seq")
        summary = ingest_paths(store, [folder], pipeline=lambda: pipeline, progress=False)
        full = rate("full ingest, sequential (1 core)", summary.articles, words, summary.seconds)
        print(
            f"  full / bare = {full / bare:.0%}; {summary.triples / summary.seconds:,.0f} triples/s"
        )
        store.close()

        jobs = os.cpu_count() or 1
        store = EmbeddedStore(Path(tmp) / "par")
        summary = ingest_paths(store, [folder], progress=False, jobs=jobs)
        rate(f"full ingest, --jobs {jobs} (incl. load)", summary.articles, words, summary.seconds)
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
