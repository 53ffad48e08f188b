"""Export halts and embargoes: a state stopping its arms sales to another ("Germany
halted arms exports to Saudi Arabia")."""

from __future__ import annotations

from kg.kinds.coercion import ACTOR, EQUIPMENT, TARGET
from kg.kinds.model import Kind, words
from kg.vocab import DD

KIND = Kind(
    name="halt",
    cls=DD.ExportHalt,
    roles=(ACTOR, TARGET, EQUIPMENT),
    verbs=words("halt suspend freeze stop ban block restrict cancel embargo curb end pause"),
    relations=("halt",),
    plover_type="SANCTION",
    plover_mode="discontinue",
    cameo="1622",
    told=(
        "{actor} halts arms exports[ of {equipment}][ to {target}] | "
        "arms exports[ of {equipment}] to {target} halted"
    ),
)
