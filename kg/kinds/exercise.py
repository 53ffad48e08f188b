"""Military exercises and drills ("Russia, China and Iran started joint naval drills in the
Gulf of Oman"): who takes part, where and when. Told by a noun ("exercise", "drills",
"war games"); the verbs that hold one (hold, stage, conduct, start) are light."""

from __future__ import annotations

from kg.kinds.forces import EQUIPMENT, LOCATION
from kg.kinds.model import AGENT, Kind, Role, words
from kg.vocab import DD

KIND = Kind(
    name="exercise",
    cls=DD.MilitaryExercise,
    roles=(Role("participant", DD.participant, AGENT), LOCATION, EQUIPMENT),
    nouns=words("exercise drill manoeuvre maneuver wargame"),
    relations=("exercise",),
    plover_type="MOBILIZE",
    plover_mode="troops",
    cameo="150",
    told=(
        "{topic} exercise[ by {participant}][ in {location}] | "
        "exercise by {participant}[ in {location}] | exercise in {location}"
    ),
)
