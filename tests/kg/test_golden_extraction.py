"""The bundled samples extract exactly as recorded in ``tests/data/extraction/samples.nt``.

A change to the rules that changes what is extracted shows here as a diff of N-Triples;
an intended one is recorded by regenerating the file (see :mod:`tests.kg.golden`) in the
commit that makes it, with the reason.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from kg.extract import Pipeline, bundled_triggers
from tests.kg.golden import dump

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "extraction" / "samples.nt"


def test_samples_extract_exactly_as_recorded(pipeline: Pipeline) -> None:
    expected = GOLDEN.read_text(encoding="utf-8")
    pipeline.use_triggers(bundled_triggers())  # other tests ingest with edited ontologies
    actual = dump([ROOT / "samples"], pipeline)
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "recorded", "extracted", lineterm="", n=1
        )
        shown = list(diff)
        more = f"\n... and {len(shown) - 80} more lines" if len(shown) > 80 else ""
        raise AssertionError(
            "the samples' extraction changed (regenerate with "
            "`python -m tests.kg.golden samples` if intended):\n" + "\n".join(shown[:80]) + more
        )
