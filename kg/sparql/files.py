"""Named SPARQL files: a folder of ``<name>.rq`` whose queries a module runs.

Why: the sentence reader, the PLOVER export, the profile's head reads and the reads
between two entities each keep their queries in a folder of their own; they are read
here, once each, rather than by a copy of the same two functions in every module.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def read_query(folder: Path, name: str) -> str:
    """The text of ``folder/<name>.rq``, read once."""
    return (folder / f"{name}.rq").read_text(encoding="utf-8")


def read_queries(folder: Path) -> dict[str, str]:
    """Every query of ``folder``, by name (what the tests parse)."""
    return {p.stem: read_query(folder, p.stem) for p in sorted(folder.glob("*.rq"))}
