"""Who signs the minutes (의사록 서명), and whether they are enough yet.

At a members' meeting the secretary picks the members elected to sign among those who
came in person (Act 30③: the chair and at least three); at a board every attending
director signs, so there is nothing to pick.  Which of the two is the meeting's rule
(``MeetingRules.signers``); the answer carries the rule's own check, so the minutes
panel and the command line say the same thing the printed minutes would.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.papers import Signer
from coopdesk.domain.meetings.rules import rules_for
from coopdesk.domain.meetings.signers import SignersState, signers_state
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.races import raced
from coopdesk.services.meetings.rows import meeting_row
from coopdesk.store.database import Database
from coopdesk.store.models import CheckInRow, Member, MeetingRow, MinuteSignerRow, OfficerTermRow

# Refusals when another laptop did the same thing at the same moment (see services.races).
SIGNERS_RACED = N_("The signers were changed at the same moment elsewhere; look again.")


@dataclass(frozen=True, slots=True)
class SignerChoice:
    key: int  # member number; at a board, the director's officer term id
    name: str
    chosen: bool


@dataclass(frozen=True, slots=True)
class SignersView(Sequence[SignerChoice]):
    """Those who may sign, who is chosen, and how far that is from what the law asks."""

    choices: tuple[SignerChoice, ...]
    state: SignersState

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return self.choices[index]

    def __len__(self) -> int:
        return len(self.choices)

    def __iter__(self) -> Iterator[SignerChoice]:
        return iter(self.choices)

    @property
    def chosen(self) -> tuple[SignerChoice, ...]:
        return tuple(c for c in self.choices if c.chosen)


def signer_candidates(db: Database, coop_id: int, meeting_id: int) -> SignersView:
    """Those who may sign: members who came in person, or at a board the attending directors."""
    with db.read() as s:
        return _view(s, meeting_row(s, coop_id, meeting_id))


def choose_minute_signers(db: Database, coop_id: int, meeting_id: int, keys: Sequence[int]) -> SignersView:
    """The members elected at the meeting to sign its minutes, in signing order (Act 30③)."""
    with raced(SIGNERS_RACED, field="signers"), db.write() as s:
        meeting = meeting_row(s, coop_id, meeting_id)
        if not rules_for(meeting.kind).signers.elected:
            raise Refusal(N_("Every director who attended signs the board minutes; there is no one to choose."),
                          field="signers")
        came = {number: member_id for member_id, number, _ in attending_members(s, meeting_id)}
        numbers = list(dict.fromkeys(keys))
        for number in numbers:
            if number not in came:
                raise Refusal(N_("Member {number} did not attend the meeting in person and cannot sign "
                                 "its minutes."), article=rules_for(meeting.kind).signers.ref, field="signers",
                              number=number)
        s.execute(delete(MinuteSignerRow).where(MinuteSignerRow.meeting_id == meeting_id))
        s.add_all(MinuteSignerRow(meeting_id=meeting_id, member_id=came[n], position=i)
                  for i, n in enumerate(numbers, start=1))
        audit.record(s, coop_id=coop_id, action="meeting.signers", entity="meeting", key=meeting_id,
                     after={"signers": numbers})
        s.flush()
        return _view(s, meeting)


def _view(s: Session, meeting: MeetingRow) -> SignersView:
    rules = rules_for(meeting.kind)
    if not rules.signers.elected:
        choices = tuple(SignerChoice(k, name, True) for k, name in attending_directors(s, meeting.id))
        state = signers_state(meeting.kind, None, [c.key for c in choices], [c.key for c in choices])
        return SignersView(choices, state)
    chosen = {m for m, in s.execute(select(MinuteSignerRow.member_id)
                                    .where(MinuteSignerRow.meeting_id == meeting.id)).all()}
    attending = attending_members(s, meeting.id)
    choices = tuple(SignerChoice(number, name, member_id in chosen) for member_id, number, name in attending)
    signers = [Signer(name, number) for number, name in elected_signers(s, meeting.id)]
    state = signers_state(meeting.kind, chair_signer(meeting.chair_name, attending), signers)
    return SignersView(choices, state)


def chair_signer(chair_name: str, attending: list[tuple[int, int, str]]) -> Signer | None:
    """The meeting's chair; a member who attended under that name is that member, so that
    ticking the chair as a signer as well does not make up one of the three (Act 30③)."""
    if not chair_name:
        return None
    numbers = [n for _, n, name in attending if name == chair_name]
    return Signer(chair_name, numbers[0] if len(numbers) == 1 else None)


def attending_members(s: Session, meeting_id: int) -> list[tuple[int, int, str]]:
    """(member id, number, name) of every member who checked in at any time, by number."""
    rows = s.execute(select(Member.id, Member.number, Member.name).distinct()
                     .join(CheckInRow, CheckInRow.member_id == Member.id)
                     .where(CheckInRow.meeting_id == meeting_id).order_by(Member.number)).all()
    return [(r[0], r[1], r[2]) for r in rows]


def attending_directors(s: Session, meeting_id: int) -> list[tuple[int, str]]:
    """(term id, name) of every director who checked in at any time."""
    rows = s.execute(select(OfficerTermRow.id, OfficerTermRow.person_name, Member.name).distinct()
                     .join(CheckInRow, CheckInRow.officer_term_id == OfficerTermRow.id)
                     .outerjoin(Member, Member.id == OfficerTermRow.member_id)
                     .where(CheckInRow.meeting_id == meeting_id).order_by(OfficerTermRow.id)).all()
    return [(r[0], r[2] or r[1] or "") for r in rows]


def elected_signers(s: Session, meeting_id: int) -> list[tuple[int, str]]:
    """(number, name) of the members elected to sign, in signing order."""
    rows = s.execute(select(Member.number, Member.name)
                     .join(MinuteSignerRow, MinuteSignerRow.member_id == Member.id)
                     .where(MinuteSignerRow.meeting_id == meeting_id)
                     .order_by(MinuteSignerRow.position)).all()
    return [(r[0], r[1]) for r in rows]
