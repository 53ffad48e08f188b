"""Event and relation extraction: n-ary defense-diplomacy events from parsed sentences.

Rules read the dependency parse around trigger words (sell, buy, deliver, sanction,
suspend, halt, meet, say, join, build, ...): the trigger's subject, object and
prepositional phrases are mapped to ontology roles by what the trigger means ("X
sells W to Y": X supplier, Y recipient; "Y buys W from X": the reverse). Where the
parse gives no role, the weapon's country of origin decides who supplies. Titles
before names ("Turkish President Recep Tayyip Erdogan") give role assignments;
"NATO ally Turkey" and "member of NATO" give memberships. Each event carries its
sentence, a modality read from auxiliaries and governing verbs, a date found in the
sentence, and a confidence that says how directly the roles were read.

Pure: a parsed doc and its linked mentions in, :class:`Event` records out.

The rules live in modules named for what they read (``transfers``, ``coercion``,
``gatherings``, ``forces``, ``relations``, ``agreements``), each registered against the
kinds it reads (:mod:`kg.kinds`) with ``@rule`` (:mod:`kg.events.rules`); ``extractor``
looks each token's word up among the triggers in force and runs the rules it finds.
"""

from kg.events.extractor import EventExtractor, event_iris, extract_events
from kg.events.model import Event

__all__ = ["Event", "EventExtractor", "event_iris", "extract_events"]
