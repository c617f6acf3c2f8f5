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
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
    util,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from coopdesk.domain.meetings.agenda import StandardTitle
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.coop import CoopKind, GoverningLaw
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
