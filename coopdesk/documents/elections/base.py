"""What the election papers share: the meeting papers' layout (``MeetingRenderer``), progress
with Cancel, and the words for offices, terms and the seal.
"""

from __future__ import annotations

import datetime as dt

from coopdesk.documents.base import Progress, Tick  # noqa: F401 (Tick: used by the officer list)
from coopdesk.documents.meetings.base import MeetingRenderer
from coopdesk.domain.meetings.papers import MeetingFacts
from coopdesk.domain.officers.terms import OFFICE_LABELS, Office
from coopdesk.domain.text import N_

# Who stamps the ballot papers: the election committee if the co-op set one up (Act 38),
# else the chair of the meeting.
COMMITTEE_SEAL = N_("Seal of the election committee")
CHAIR_SEAL = N_("Seal of the chair of the meeting")
# ... and the same within a sentence ("a paper without the seal of … is invalid")
COMMITTEE_SEAL_IN_TEXT = N_("the seal of the election committee")
CHAIR_SEAL_IN_TEXT = N_("the seal of the chair of the meeting")
OFFICE_ORDER = (Office.CHAIR, Office.DIRECTOR, Office.AUDITOR)


def seal_label(committee: tuple[str, ...], *, in_text: bool = False) -> str:
    """The message id of the seal box: the committee's, or the meeting chair's without one."""
    if in_text:
        return COMMITTEE_SEAL_IN_TEXT if committee else CHAIR_SEAL_IN_TEXT
    return COMMITTEE_SEAL if committee else CHAIR_SEAL


class ElectionRenderer(MeetingRenderer):
    """A paper of an election held at ``meeting``; ``progress(done, total)`` returning False cancels."""

    def __init__(self, meeting: MeetingFacts, language: str, *, progress: Progress | None = None,
                 step: int = 1) -> None:
        super().__init__(meeting, language, progress=progress, step=step)

    def office(self, office: Office) -> str:
        return self.t.gettext(OFFICE_LABELS[office])

    def person(self, name: str, member_number: int | None) -> str:
        """"김하나 (조합원 12)", or "(조합원 아님)" for a person who is not a member."""
        if member_number is None:
            return self.t.gettext("{name} (not a member)", name=name)
        # A member number is an identifier: no thousands separator.
        return self.t.gettext("{name} (member {number})", name=name, number=str(member_number))

    def span(self, start: dt.date | None, end: dt.date | None) -> str:
        """"2026년 3월 28일 ~ 2030년 3월 27일"; an open end is left blank."""
        t = self.t
        if start is None and end is None:
            return ""
        return t.gettext("{start} – {end}", start=t.date(start, "long"), end=t.date(end, "long"))
