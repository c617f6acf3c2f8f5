"""An education session (교육): its kind, who organised it, its day and hours, and its checks.

Hours are derived, never typed: the minutes between the start and the end, an exact
integer (a session from 14:00 to 15:30 is 90 minutes, said "1 h 30 min").  A session lies
within one day, so the end comes after the start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from enum import Enum

from coopdesk.domain.errors import Refusal, check_all
from coopdesk.domain.fields import (
    NAME_LENGTH,
    NOTE_LENGTH,
    PLACE_LENGTH,
    TITLE_LENGTH,
    check_date,
    check_text,
)
from coopdesk.domain.text import N_


class SessionKind(Enum):
    ORIENTATION = "orientation"  # 신규 조합원 교육 (가입 교육)
    FOUNDING_COURSE = "founding_course"  # 설립 교육: before the co-op exists
    OFFICER_TRAINING = "officer_training"  # 임원 교육
    MEMBER_EDUCATION = "member_education"  # 조합원 교육
    STAFF_TRAINING = "staff_training"  # 직원 교육

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


class Organiser(Enum):
    """Who held the session.  The ministry's agency is named by its role, never by a name kept
    here: the ministry changes (LAW.md), and its agency with it."""

    COOP = "coop"  # 조합 자체
    CONSULTATION_CENTRE = "consultation_centre"  # 협동조합 지원센터 (상담센터)
    MINISTRY_AGENCY = "ministry_agency"  # 주무부처 위탁기관

    @property
    def label(self) -> str:
        return ORGANISER_LABELS[self]


KIND_LABELS = {
    SessionKind.ORIENTATION: N_("Orientation for new members"),
    SessionKind.FOUNDING_COURSE: N_("Founding course"),
    SessionKind.OFFICER_TRAINING: N_("Officer training"),
    SessionKind.MEMBER_EDUCATION: N_("Member education"),
    SessionKind.STAFF_TRAINING: N_("Staff training"),
}

ORGANISER_LABELS = {
    Organiser.COOP: N_("The co-op"),
    Organiser.CONSULTATION_CENTRE: N_("A consultation centre"),
    Organiser.MINISTRY_AGENCY: N_("The ministry's agency"),
}

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class SessionDetails:
    """What a secretary types in for a session; the hours follow from ``starts_at`` and ``ends_at``."""

    kind: SessionKind
    topic: str
    held_on: dt.date
    starts_at: dt.time
    ends_at: dt.time
    place: str = ""
    instructor: str = ""
    organiser: Organiser = Organiser.COOP
    materials: str = ""  # the materials handed out or used, as noted

    @property
    def minutes(self) -> int:
        return session_minutes(self.starts_at, self.ends_at)

    def cleaned(self) -> SessionDetails:
        """Spaces tidied; times to the minute (a clock shows no seconds)."""
        return replace(self, topic=" ".join(self.topic.split()), place=" ".join(self.place.split()),
                       instructor=" ".join(self.instructor.split()), materials=self.materials.strip(),
                       starts_at=_to_minute(self.starts_at), ends_at=_to_minute(self.ends_at))

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _to_minute(value: dt.time) -> dt.time:
    return value.replace(second=0, microsecond=0, tzinfo=None)


def minute_of_day(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def session_minutes(starts_at: dt.time, ends_at: dt.time) -> int:
    """The whole minutes from start to end (negative when the end is not after the start)."""
    return minute_of_day(ends_at) - minute_of_day(starts_at)


def check_session(d: SessionDetails) -> None:
    """Refuse a session that cannot be right, every problem at once; ``d`` is expected ``cleaned()``."""
    check_all(lambda: _check_topic(d.topic),
              lambda: check_date(d.held_on, "session_date"),
              lambda: _check_times(d.starts_at, d.ends_at),
              lambda: check_text(d.place, "place", PLACE_LENGTH),
              lambda: check_text(d.instructor, "instructor", NAME_LENGTH),
              lambda: check_text(d.materials, "materials", NOTE_LENGTH, multiline=True))


def _check_topic(topic: str) -> None:
    if not topic:
        raise Refusal(N_("Give the session a topic."), field="topic")
    check_text(topic, "topic", TITLE_LENGTH)


def _check_times(starts_at: dt.time, ends_at: dt.time) -> None:
    if session_minutes(starts_at, ends_at) <= 0:
        raise Refusal(N_("The session must end after it starts ({start}); check the end time."),
                      field="ends_at", start=f"{starts_at.hour:02d}:{starts_at.minute:02d}")
