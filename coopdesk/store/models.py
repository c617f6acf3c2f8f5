"""The tables of a co-op file, as SQLAlchemy 2 typed models.

The schema is created and changed only by the Alembic migrations in ``migrations/``;
a test checks that these models and the migrations agree.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
    util,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from coopdesk.domain.capital.ledger import EntryKind
from coopdesk.domain.capital.refunds import HoldKind
from coopdesk.domain.elections.stages import ContestState, VotingMethod
from coopdesk.domain.meetings.agenda import StandardTitle
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.coop import CoopKind, GoverningLaw
from coopdesk.domain.education.sessions import Organiser, SessionKind
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.standing import EventKind
from coopdesk.domain.officers.terms import ChosenBy, Office

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def enum_column(kind: type[PyEnum], name: str) -> Enum:
    """An enum stored as its value, checked by the database."""
    return Enum(
        kind,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=40,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


# An officer is either a member (member_id) or a named person who is not (person_name), never both.
OFFICER_PERSON_CHECK = (
    "(member_id IS NOT NULL AND person_name IS NULL) OR "
    "(member_id IS NULL AND person_name IS NOT NULL AND length(trim(person_name)) > 0)"
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Coop(Base):
    __tablename__ = "coop"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[CoopKind] = mapped_column(enum_column(CoopKind, "coop_kind"))
    governing_law: Mapped[GoverningLaw] = mapped_column(enum_column(GoverningLaw, "governing_law"))
    main_office: Mapped[str] = mapped_column(String(200))
    fiscal_year_start_month: Mapped[int] = mapped_column(Integer)
    next_member_number: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Moved by the database's triggers on every change of a member or an officer's term that
    # can change a register (migration 0008); never written by the program.
    register_generation: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint("fiscal_year_start_month BETWEEN 1 AND 12", name="fiscal_month"),
        CheckConstraint("next_member_number >= 1", name="next_number_positive"),
    )


class BylawsVersion(Base):
    """Version N of the bylaws settings, adopted on a date (at a meeting, later)."""

    __tablename__ = "bylaws_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer)
    adopted_on: Mapped[dt.date] = mapped_column(Date)
    effective_on: Mapped[dt.date | None] = mapped_column(Date)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    # the amendment item that adopted this version (None: adopted when the co-op was entered)
    adopted_by_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    # the text parts (domain.bylaws.texts) and the template they are printed with (migration 0011)
    texts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    template: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    __table_args__ = (
        UniqueConstraint("coop_id", "version", name="uq_bylaws_version_coop_version"),
        CheckConstraint("version >= 1", name="version_positive"),
    )


class MemberType(Base):
    __tablename__ = "member_type"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("coop_id", "name", name="uq_member_type_coop_name"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )


class Member(Base):
    """A member on the register.  The standing columns are folded from the events."""

    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    member_type_id: Mapped[int] = mapped_column(ForeignKey("member_type.id", ondelete="RESTRICT"))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    applied_on: Mapped[dt.date | None] = mapped_column(Date)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    notice_on: Mapped[dt.date | None] = mapped_column(Date)
    leaves_on: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    left_as: Mapped[EventKind | None] = mapped_column(enum_column(EventKind, "member_left_as"))
    # Raised by every change of the member's details: a form saved over a newer change is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    # Every UPDATE says "WHERE version = the one read" and raises the version: a change saved over a
    # newer one touches no row, and the service refuses it (StaleDataError) instead of losing it.
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("coop_id", "number", name="uq_member_coop_number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )


class MemberEventRow(Base):
    __tablename__ = "member_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind, "member_event_kind"))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    # the resolution that decided it (an expulsion), said in the reader's words when shown
    by_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_member_event_member", "member_id"),)


class OfficerTermRow(Base):
    """One term of one officer (임원 명부): a member of the co-op, or a named person who is not."""

    __tablename__ = "officer_term"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    person_name: Mapped[str | None] = mapped_column(String(100))  # only for someone who is not a member
    office: Mapped[Office] = mapped_column(enum_column(Office, "officer_office"))
    start_on: Mapped[dt.date] = mapped_column(Date)
    end_on: Mapped[dt.date] = mapped_column(Date)  # the last day of the term as elected
    chosen_by: Mapped[ChosenBy] = mapped_column(enum_column(ChosenBy, "officer_chosen_by"))
    predecessor_end: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)  # the last day in office of one who left early
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint(OFFICER_PERSON_CHECK, name="officer_person_one_of"),
        CheckConstraint("end_on >= start_on", name="officer_term_order"),
        Index("ix_officer_term_coop", "coop_id"),
    )


class AuditEntry(Base):
    """Append-only, hash-chained record of every change (triggers refuse edits)."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(40))  # ISO-8601 UTC, hashed as stored
    actor: Mapped[str] = mapped_column(String(100))
    coop_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_key: Mapped[str] = mapped_column(String(60))
    before: Mapped[str] = mapped_column(Text)  # canonical JSON
    after: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditSeal(Base):
    """The audit log's head, kept apart from the log in the same transaction as each entry: a log
    cut short at its end (the last entries deleted) no longer matches it."""

    __tablename__ = "audit_seal"
    id: Mapped[int] = mapped_column(primary_key=True)
    entries: Mapped[int] = mapped_column(Integer)
    head: Mapped[str] = mapped_column(String(64))
    __table_args__ = (CheckConstraint("id = 1", name="audit_seal_single_row"),)


# -- meetings (회의): general assemblies, founding meetings and board meetings ----------------

class MeetingRow(Base):
    """A meeting: its kind, day, place and who convened and chaired it."""

    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    kind: Mapped[MeetingKind] = mapped_column(enum_column(MeetingKind, "meeting_kind"))
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), default="")
    convened_by: Mapped[str] = mapped_column(String(100), default="")
    opened_at: Mapped[dt.time | None] = mapped_column(Time)
    closed_at: Mapped[dt.time | None] = mapped_column(Time)
    chair_name: Mapped[str] = mapped_column(String(100), default="")
    consenters: Mapped[int | None] = mapped_column(Integer)  # founding meeting only (설립동의자 수)
    room_version: Mapped[int] = mapped_column(Integer, server_default=text("0"))  # moved by each arrival
    purpose: Mapped[str] = mapped_column(String(500), default="")  # the notice's purpose (소집 목적)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="meeting_title_not_blank"),
        CheckConstraint("consenters IS NULL OR consenters >= 0", name="meeting_consenters"),
        Index("ix_meeting_coop", "coop_id"),
    )


class AgendaItemRow(Base):
    """One item of a meeting's agenda; ``result`` is the snapshot frozen when it closes."""

    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    subject: Mapped[Subject] = mapped_column(enum_column(Subject, "agenda_subject"))
    title: Mapped[str] = mapped_column(String(200))
    proposal: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[ResolutionKind] = mapped_column(enum_column(ResolutionKind, "resolution_kind"))
    discussion: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    expel_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    grounds_told_on: Mapped[dt.date | None] = mapped_column(Date)
    expulsion_grounds: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))  # 제명 사유
    heard: Mapped[bool] = mapped_column(Boolean, default=False)  # the member had the chance to speak
    new_bylaws: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # a bylaws amendment: the text parts it proposes, and the version it amends (migration 0011)
    new_bylaws_texts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    bylaws_base_version: Mapped[int | None] = mapped_column(Integer)
    # The frozen result (domain.meetings.snapshot): the counts and decision, read with every list
    # of results, apart from who was in the room, read only when asked (deferred).
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    frozen_room: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)
    title_code: Mapped[StandardTitle | None] = mapped_column(enum_column(StandardTitle, "agenda_title_code"))
    __table_args__ = (
        UniqueConstraint("meeting_id", "position", name="uq_agenda_item_meeting_position"),
        CheckConstraint("length(trim(title)) > 0", name="agenda_title_not_blank"),
    )


class MeetingRollRow(Base):
    """The register of a meeting's day as closed items counted it (members, consenters entered or
    directors in office), stored once per meeting: again only if it changed (an expulsion)."""

    __tablename__ = "meeting_roll"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    digest: Mapped[str] = mapped_column(String(64))  # of the keys and names: finds the same roll again
    keys: Mapped[list[int]] = mapped_column(JSON)
    names: Mapped[dict[str, str]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("meeting_id", "digest", name="uq_meeting_roll_digest"),)


class MeetingRegisterRow(Base):
    """The size of a members' meeting's register, counted on the register's generation: kept so
    that a room action does not count the whole register again (see migration 0008).  Also the
    roll the meeting's closed items froze on that generation."""

    __tablename__ = "meeting_register"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), primary_key=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    generation: Mapped[int] = mapped_column(Integer)
    members: Mapped[int] = mapped_column(Integer)
    roll_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_roll.id", ondelete="RESTRICT"))
    __table_args__ = (CheckConstraint("members >= 0", name="meeting_register_members_not_negative"),)


class MeetingNoticeRow(Base):
    """A notice sent (소집통지): how (channel codes, and any other way as typed), and for a late
    notice the numbers of the warning the user went on despite."""

    __tablename__ = "meeting_notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    sent_on: Mapped[dt.date] = mapped_column(Date)
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)  # NoticeChannel codes
    method: Mapped[str] = mapped_column(String(100))  # any other way, as typed
    note: Mapped[str] = mapped_column(Text, default="")
    accepted_late: Mapped[bool] = mapped_column(Boolean, default=False)
    late_days: Mapped[int | None] = mapped_column(Integer)  # the notice period applied
    late_short: Mapped[int | None] = mapped_column(Integer)  # days late
    late_latest: Mapped[dt.date | None] = mapped_column(Date)  # the last day it was due
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_meeting_notice_meeting", "meeting_id"),)


class PartialUniqueIndex(Index):
    """A unique index over the rows matching ``where`` (SQLite and PostgreSQL both have them).

    Each dialect's ``where`` option is declared when that dialect first asks for its options
    (its DDL compiler, a comparison), not here: ``postgresql_where=`` would import SQLAlchemy's
    PostgreSQL dialect (~60 ms) on every start on a co-op file.  ``dialect_kwargs`` shows the
    option only once the dialect has asked.
    """

    def __init__(self, name: str, *columns: str, where: str) -> None:
        self.predicate = where
        super().__init__(name, *columns, unique=True)

    @util.memoized_property
    def dialect_options(self) -> util.PopulateDict[str, Any]:
        return util.PopulateDict(self._options_of)

    def _options_of(self, dialect: str) -> Any:
        options = self._kw_reg_for_dialect_cls(dialect)  # imports that dialect, as SQLAlchemy does
        if dialect in PARTIAL_INDEX_DIALECTS:
            options["where"] = text(self.predicate)
        return options


PARTIAL_INDEX_DIALECTS = ("sqlite", "postgresql")


def _partial_unique(name: str, columns: tuple[str, ...], where: str) -> Index:
    return PartialUniqueIndex(name, *columns, where=where)


# An attendee is a member (assemblies) or a director's term (board meetings), never both.
ATTENDEE_CHECK = "(member_id IS NULL) <> (officer_term_id IS NULL)"


class CheckInRow(Base):
    """One stay in the room: checked in at ``in_at``, out at ``out_at`` (NULL while here)."""

    __tablename__ = "meeting_check_in"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    officer_term_id: Mapped[int | None] = mapped_column(ForeignKey("officer_term.id", ondelete="RESTRICT"))
    in_at: Mapped[dt.datetime] = mapped_column(DateTime)
    out_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint(ATTENDEE_CHECK, name="check_in_attendee_one_of"),
        Index("ix_meeting_check_in_meeting", "meeting_id"),
        # one open stay per attendee, even when two laptops check the same member in at once
        _partial_unique("uq_check_in_member_here", ("meeting_id", "member_id"), "out_at IS NULL"),
        _partial_unique("uq_check_in_director_here", ("meeting_id", "officer_term_id"), "out_at IS NULL"),
    )


class ProxyRow(Base):
    """A proxy (위임) for one principal; ``revoked_at`` is set when the principal comes in person."""

    __tablename__ = "meeting_proxy"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    principal_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    holder_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    family_name: Mapped[str] = mapped_column(String(100), default="")
    lives_with_principal: Mapped[bool] = mapped_column(Boolean, default=False)
    written_proof: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    __table_args__ = (
        Index("ix_meeting_proxy_meeting", "meeting_id"),
        # Act 23③: one standing proxy per principal, and a holder represents one principal
        _partial_unique("uq_proxy_principal", ("meeting_id", "principal_id"), "revoked_at IS NULL"),
        _partial_unique("uq_proxy_holder", ("meeting_id", "holder_member_id"),
                        "revoked_at IS NULL AND holder_member_id IS NOT NULL"),
    )


class ExclusionRow(Base):
    """An attendee with a personal interest in an item, left out of its vote (특별이해관계)."""

    __tablename__ = "item_exclusion"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    officer_term_id: Mapped[int | None] = mapped_column(ForeignKey("officer_term.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint(ATTENDEE_CHECK, name="exclusion_attendee_one_of"),
        Index("ix_item_exclusion_item", "item_id"),
        Index("uq_exclusion_member", "item_id", "member_id", unique=True),
        Index("uq_exclusion_director", "item_id", "officer_term_id", unique=True),
    )


class BallotRow(Base):
    """One attendee's choice in a roll-call vote (기명 투표), committed as it is cast."""

    __tablename__ = "item_ballot"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    officer_term_id: Mapped[int | None] = mapped_column(ForeignKey("officer_term.id", ondelete="RESTRICT"))
    choice: Mapped[Choice] = mapped_column(enum_column(Choice, "ballot_choice"))
    cast_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint(ATTENDEE_CHECK, name="ballot_attendee_one_of"),
        Index("ix_item_ballot_item", "item_id"),
        Index("uq_ballot_member", "item_id", "member_id", unique=True),  # one vote per member
        Index("uq_ballot_director", "item_id", "officer_term_id", unique=True),
    )


class VoteRow(Base):
    """A recorded count of one item; append-only: a correction supersedes, with a reason."""

    __tablename__ = "item_vote"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    yes: Mapped[int] = mapped_column(Integer)
    no: Mapped[int] = mapped_column(Integer)
    abstain: Mapped[int] = mapped_column(Integer)
    roll_call: Mapped[bool] = mapped_column(Boolean, default=False)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("item_vote.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint("yes >= 0 AND no >= 0 AND abstain >= 0", name="vote_counts_not_negative"),
        Index("ix_item_vote_item", "item_id"),
    )


class MinuteSignerRow(Base):
    """A member elected at a members' meeting to sign its minutes (Act 30③), in signing order."""

    __tablename__ = "minute_signer"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id", name="uq_minute_signer_member"),
        UniqueConstraint("meeting_id", "position", name="uq_minute_signer_position"),
    )


# -- officer elections (임원 선거) ------------------------------------------------------------------
# The secrecy of the ballot is in these tables' shape (migration 0009): a ballot names no voter and
# carries no time or sequence; its key is random, and on SQLite the ballots and the roll are stored
# WITHOUT ROWID, in the order of their keys, not of their casting.

class ElectionRow(Base):
    """An officer election held as one agenda item of a general assembly or the founding meeting."""

    __tablename__ = "election"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"))
    voting: Mapped[VotingMethod] = mapped_column(enum_column(VotingMethod, "election_voting"))
    announced_on: Mapped[dt.date | None] = mapped_column(Date)  # the campaign limits apply from it (Act 37)
    candidacy_from: Mapped[dt.date | None] = mapped_column(Date)
    candidacy_to: Mapped[dt.date | None] = mapped_column(Date)
    committee: Mapped[list[str]] = mapped_column(JSON, default=list)  # the election committee (Act 38)
    lots_seed: Mapped[str | None] = mapped_column(String(100))  # printed: anyone can draw the lots again
    __table_args__ = (
        UniqueConstraint("item_id", name="uq_election_item_id"),
        CheckConstraint("candidacy_from IS NULL OR candidacy_to IS NULL OR candidacy_from <= candidacy_to",
                        name="election_candidacy_order"),
    )


class ContestRow(Base):
    """One office to fill in one round; a run-off is a further round between the tied (``runoff_of``)."""

    __tablename__ = "election_contest"
    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("election.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    office: Mapped[Office] = mapped_column(enum_column(Office, "contest_office"))
    seats: Mapped[int] = mapped_column(Integer)
    round: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    runoff_of: Mapped[int | None] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"))
    term_start: Mapped[dt.date | None] = mapped_column(Date)  # None: the meeting day
    term_end: Mapped[dt.date | None] = mapped_column(Date)  # None: from the bylaws' term, or the vacancy's
    vacancy_of: Mapped[int | None] = mapped_column(ForeignKey("officer_term.id", ondelete="RESTRICT"))
    state: Mapped[ContestState] = mapped_column(enum_column(ContestState, "contest_state"))
    present: Mapped[int | None] = mapped_column(Integer)  # members present for the vote, when it closed
    tally: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    outcome: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # frozen when decided
    __table_args__ = (
        UniqueConstraint("election_id", "office", "round", name="uq_election_contest_round"),
        UniqueConstraint("election_id", "position", name="uq_election_contest_position"),
        CheckConstraint("seats >= 1", name="contest_seats_positive"),
        CheckConstraint("round >= 1", name="contest_round_positive"),
        CheckConstraint("present IS NULL OR present >= 0", name="contest_present_not_negative"),
    )


class CandidateRow(Base):
    """A candidate in one contest: a member, or (an auditor) a named person who is not one."""

    __tablename__ = "election_candidate"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # ballot order
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)  # decides a tie under the "older" rule
    registered_on: Mapped[dt.date] = mapped_column(Date)
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (
        UniqueConstraint("contest_id", "member_id", name="uq_election_candidate_member"),
        UniqueConstraint("contest_id", "position", name="uq_election_candidate_position"),
        CheckConstraint("length(trim(name)) > 0", name="candidate_name_not_blank"),
    )


class VotedRow(Base):
    """The voter roll of one contest: that a member has voted (or taken a paper), nothing else.
    The primary key refuses a second vote, from any laptop."""

    __tablename__ = "election_voted"
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"),
                                            primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    __table_args__ = ({"sqlite_with_rowid": False},)


class ElectionBallotRow(Base):
    """One secret ballot: a random key, its contest and its marks — no voter, time or sequence."""

    __tablename__ = "election_ballot"
    id: Mapped[str] = mapped_column(String(32))  # secrets.token_hex(16)
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"))
    marks: Mapped[str] = mapped_column(Text)  # canonical JSON of the domain Ballot
    __table_args__ = (
        # The contest first: a tally reads only its contest's ballots, which lie together in
        # the order of their random keys.
        PrimaryKeyConstraint("contest_id", "id", name="pk_election_ballot"),
        CheckConstraint("length(id) = 32", name="election_ballot_id_length"),
        {"sqlite_with_rowid": False},
    )


class TallyEntryRow(Base):
    """A paper count as one teller typed it; the count is accepted when both tellers' agree."""

    __tablename__ = "election_tally_entry"
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"),
                                            primary_key=True)
    teller: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    tally: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (CheckConstraint("teller IN (1, 2)", name="tally_entry_teller"),)


# -- education (교육): sessions and who attended them (migration 0010) ---------------------------

# An attendee is a member, or a person not yet a member, named (a founder, an applicant).
EDUCATION_ATTENDEE_CHECK = "member_id IS NOT NULL OR (person_name IS NOT NULL AND length(trim(person_name)) > 0)"


class EducationSessionRow(Base):
    """An education session; ``minutes`` is derived from the times and kept so that sums of hours
    are one SQL aggregate on both databases (they subtract times differently)."""

    __tablename__ = "education_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    kind: Mapped[SessionKind] = mapped_column(enum_column(SessionKind, "education_session_kind"))
    topic: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[dt.time] = mapped_column(Time)
    ends_at: Mapped[dt.time] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(Integer)
    place: Mapped[str] = mapped_column(String(200), default="")
    instructor: Mapped[str] = mapped_column(String(100), default="")
    organiser: Mapped[Organiser] = mapped_column(enum_column(Organiser, "education_organiser"))
    materials: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint("length(trim(topic)) > 0", name="education_topic_not_blank"),
        CheckConstraint("ends_at > starts_at", name="education_session_times"),
        CheckConstraint("minutes > 0 AND minutes < 1440", name="education_session_minutes"),
        Index("ix_education_session_coop", "coop_id", "held_on"),
    )


class EducationAttendanceRow(Base):
    """One person at one session: a member, or a person not yet a member, kept with the details
    that link the record to them when they join (``linked_at``; the typed details stay)."""

    __tablename__ = "education_attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("education_session.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    person_name: Mapped[str | None] = mapped_column(String(100))
    person_birth_date: Mapped[dt.date | None] = mapped_column(Date)
    person_phone: Mapped[str] = mapped_column(String(40), default="")
    linked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint(EDUCATION_ATTENDEE_CHECK, name="education_attendee_named"),
        CheckConstraint("linked_at IS NULL OR member_id IS NOT NULL", name="education_linked_member"),
        # a member once per session (the NULLs of people not yet members never collide)
        UniqueConstraint("session_id", "member_id", name="uq_education_attendance_member"),
        Index("ix_education_attendance_member", "member_id"),
    )


# -- member capital (출자금): the share ledger and the year's surplus (migration 0012) ------------
# The ledger is append-only: triggers refuse UPDATE and DELETE of its entries, instalments and
# withholdings, and of the dividends booked; a balance is the sum of a member's entries, never
# a number kept apart.

class CapitalAccountRow(Base):
    """A co-op's ledger: the next entry number.  Every capital write locks this row first, so two
    laptops never check the 30% cap against totals that miss each other's entry."""

    __tablename__ = "capital_account"
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"), primary_key=True,
                                         autoincrement=False)
    next_entry_number: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("next_entry_number >= 1", name="capital_next_number_positive"),)


class CapitalEntryRow(Base):
    """One numbered entry of the share ledger: the shares and paid-in won it moves, signed."""

    __tablename__ = "capital_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    kind: Mapped[EntryKind] = mapped_column(enum_column(EntryKind, "capital_entry_kind"))
    entry_on: Mapped[dt.date] = mapped_column(Date)
    shares: Mapped[int] = mapped_column(Integer)  # subscribed shares moved (출자좌수)
    amount: Mapped[int] = mapped_column(BigInteger)  # paid-in won moved (납입 출자금)
    share_price: Mapped[int] = mapped_column(Integer)  # the bylaws' price the entry was made at
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("capital_entry.id", ondelete="RESTRICT"))
    counterpart_id: Mapped[int | None] = mapped_column(ForeignKey("capital_entry.id", ondelete="RESTRICT"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    surplus_id: Mapped[int | None] = mapped_column(ForeignKey("surplus_year.id", ondelete="RESTRICT"))
    loss_share: Mapped[int] = mapped_column(BigInteger, default=0)  # a refund: losses the leaver bears
    equity_extra: Mapped[int] = mapped_column(BigInteger, default=0)  # a refund: equity beyond paid-in
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("coop_id", "number", name="uq_capital_entry_coop_number"),
        UniqueConstraint("reverses_id", name="uq_capital_entry_reverses_id"),  # reversed once at most
        CheckConstraint("number >= 1", name="capital_entry_number_positive"),
        CheckConstraint("share_price > 0", name="capital_entry_price_positive"),
        CheckConstraint("loss_share >= 0 AND equity_extra >= 0", name="capital_entry_refund_parts"),
        CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name="capital_entry_reversal_target"),
        # The balances of all members are one pass over this index, never the table.
        Index("ix_capital_entry_balance", "coop_id", "member_id", "shares", "amount"),
        Index("ix_capital_entry_member", "member_id"),
        Index("ix_capital_entry_counterpart", "counterpart_id"),  # a transfer's giver row, found from its pair
    )


class CapitalInstalmentRow(Base):
    """One instalment of a subscription (분할 납입): what is due, and when."""

    __tablename__ = "capital_instalment"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("capital_entry.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (
        UniqueConstraint("entry_id", "position", name="uq_capital_instalment_position"),
        CheckConstraint("amount > 0", name="capital_instalment_amount_positive"),
    )


class CapitalHoldRow(Base):
    """A leaver's refund withheld while they owe the co-op money (Act 26③), or released."""

    __tablename__ = "capital_hold"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    kind: Mapped[HoldKind] = mapped_column(enum_column(HoldKind, "capital_hold_kind"))
    hold_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_capital_hold_member", "member_id"),)


class SurplusYearRow(Base):
    """A fiscal year's result and the appropriation proposed for it (잉여금처분안 / 손실금처리안);
    changed only until it is booked, once the assembly item that decides it passes."""

    __tablename__ = "surplus_year"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    fiscal_year: Mapped[int] = mapped_column(Integer)  # named by the calendar year it starts in
    net_result: Mapped[int] = mapped_column(BigInteger)  # a loss is negative
    retained_before: Mapped[int] = mapped_column(BigInteger)  # a deficit carried is negative
    legal_reserve_before: Mapped[int] = mapped_column(BigInteger)
    voluntary_reserve_before: Mapped[int] = mapped_column(BigInteger)
    paid_in: Mapped[int] = mapped_column(BigInteger)  # at the end of the fiscal year, from the ledger
    legal_reserve: Mapped[int] = mapped_column(BigInteger, default=0)
    voluntary_reserve: Mapped[int] = mapped_column(BigInteger, default=0)
    capital_dividend: Mapped[int] = mapped_column(BigInteger, default=0)
    patronage_dividend: Mapped[int] = mapped_column(BigInteger, default=0)
    from_voluntary: Mapped[int] = mapped_column(BigInteger, default=0)
    from_legal: Mapped[int] = mapped_column(BigInteger, default=0)
    dividends_as_capital: Mapped[bool] = mapped_column(Boolean, default=False)
    # the item that decides it; an item taken off the agenda (only while open) leaves it undecided
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    booked_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("coop_id", "fiscal_year", name="uq_surplus_year_coop_year"),
        UniqueConstraint("item_id", name="uq_surplus_year_item_id"),
        CheckConstraint("legal_reserve_before >= 0 AND voluntary_reserve_before >= 0 AND paid_in >= 0",
                        name="surplus_year_balances"),
        CheckConstraint("legal_reserve >= 0 AND voluntary_reserve >= 0 AND capital_dividend >= 0 AND "
                        "patronage_dividend >= 0 AND from_voluntary >= 0 AND from_legal >= 0",
                        name="surplus_year_parts"),
    )


class SurplusPatronageRow(Base):
    """A member's use of the co-op's business in the year (이용실적), in won: the weight of their
    patronage dividend."""

    __tablename__ = "surplus_patronage"
    surplus_id: Mapped[int] = mapped_column(ForeignKey("surplus_year.id", ondelete="RESTRICT"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (CheckConstraint("amount >= 0", name="surplus_patronage_amount"),)


class SurplusDividendRow(Base):
    """A member's dividend as booked: on capital and on patronage, and the entry that credited
    whole shares of it to capital, if the bylaws allow and the assembly so decided."""

    __tablename__ = "surplus_dividend"
    surplus_id: Mapped[int] = mapped_column(ForeignKey("surplus_year.id", ondelete="RESTRICT"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    capital_part: Mapped[int] = mapped_column(BigInteger)
    patronage_part: Mapped[int] = mapped_column(BigInteger)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("capital_entry.id", ondelete="RESTRICT"))
    __table_args__ = (CheckConstraint("capital_part >= 0 AND patronage_part >= 0", name="surplus_dividend_parts"),)
