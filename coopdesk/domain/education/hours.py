"""Minutes said as hours and minutes: "1 h 30 min", "1시간 30분".

Sums of hours stay in integer minutes until they are shown, so a year of sessions adds up
exactly; only the words are made here, as message ids with their numbers, for the layer
that shows them to translate.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopdesk.domain.text import N_, Explanation

HOURS_AND_MINUTES = N_("{hours} h {minutes} min")
HOURS_ONLY = N_("{hours} h")
MINUTES_ONLY = N_("{minutes} min")


def duration_words(minutes: int) -> Explanation:
    """90 -> "{hours} h {minutes} min" with hours 1, minutes 30; 120 -> "{hours} h"; 45 -> "{minutes} min"."""
    hours, rest = divmod(max(minutes, 0), 60)
    if hours and rest:
        return Explanation(HOURS_AND_MINUTES, (("hours", hours), ("minutes", rest)))
    if hours:
        return Explanation(HOURS_ONLY, (("hours", hours),))
    return Explanation(MINUTES_ONLY, (("minutes", rest),))


@dataclass(frozen=True, slots=True)
class Duration:
    """A number of minutes, with its words: what a screen shows for a session's or a year's hours."""

    minutes: int

    @property
    def words(self) -> Explanation:
        return duration_words(self.minutes)
