"""Ingest benchmark: the full pipeline (spaCy, linking, RDF, store) over the sample articles.

Prints articles/s, triples/s and peak memory; asserts nothing.
Usage: python bench/bench_ingest.py [--copies 10]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from kg.articles import Article, expand_paths, read_file
from kg.extract import Pipeline
from kg.ingest import Summary, ingest_article
from kg.store import EmbeddedStore

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10, help="times each sample is ingested")
    args = parser.parse_args()
    t = time.perf_counter()
    pipeline = Pipeline()
    print(f"pipeline load: {time.perf_counter() - t:.2f} s")
    files, _ = expand_paths([SAMPLES])
    articles = [a for f in files for a in read_file(f) if isinstance(a, Article)]
    store = EmbeddedStore(None)
    summary = Summary()
    words = 0
    t = time.perf_counter()
    for copy in range(args.copies):
        for a in articles:
            variant = Article(text=a.text, title=a.title, date=a.date, url=f"{a.url}?copy={copy}")
            ingest_article(store, variant, lambda: pipeline, summary)
            words += len(a.text.split())
    seconds = time.perf_counter() - t
    print(f"articles: {summary.articles} ({words:,} words) in {seconds:.2f} s")
    print(
        f"throughput: {summary.articles / seconds:.1f} articles/s, "
        f"{words / seconds:,.0f} words/s, {summary.triples / seconds:,.0f} triples/s"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
