"""Arms negotiations: talks about a deal not yet made ("India is negotiating the
purchase of ...")."""

from __future__ import annotations

from kg.kinds.model import Kind, words
from kg.kinds.transfer import EQUIPMENT, RECIPIENT, SUPPLIER
from kg.vocab import DD

KIND = Kind(
    name="negotiation",
    cls=DD.ArmsNegotiation,
    roles=(SUPPLIER, RECIPIENT, EQUIPMENT),
    # The lemmatizer gives nouns for some verb forms ("discussion"); kept as it reads them.
    verbs=words("negotiate negotiation talk discuss discussion"),
    relations=("transfer",),
    plover_type="CONSULT",
    cameo="046",
    told=(
        "{recipient} negotiates[ for {equipment}][ with {supplier}] | "
        "{supplier} negotiates[ a sale of {equipment}] | "
        "talks on {equipment}"
    ),
)
