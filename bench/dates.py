"""Date resolver benchmark: milliseconds per 1,000-word article. Prints; asserts nothing.

Usage: python bench/dates.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path

from kg.articles import Article, expand_paths, read_file
from kg.dates import find_dates

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def main() -> None:
    files, _ = expand_paths([SAMPLES])
    text = " ".join(a.text for f in files for a in read_file(f) if isinstance(a, Article))
    words = text.split()
    article = " ".join((words * (1000 // len(words) + 1))[:1000])
    published = dt.date(2019, 7, 14)
    timings = []
    for _ in range(50):
        start = time.perf_counter()
        found = find_dates(article, published)
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"find_dates over 1,000 words: median {statistics.median(timings):.2f} ms, "
        f"{len(found)} dates found"
    )


if __name__ == "__main__":
    main()
